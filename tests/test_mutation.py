"""Every kernel guard is pinned by a test: `mutate-guards` (../shared/tools) neutralizes each
`raise` of proofs/kernel/ in turn, and the kernel-level tests must notice every one (killed N/N).
About a minute on two cores; a new guard comes with the test that kills its mutant."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tools import on_ci

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "mutate-guards"
# the guards' own tests first: pytest -x stops a mutant's run at its first failure
KERNEL_TESTS = ["tests/test_kernel_guards.py", "tests/test_kernel.py",
                *sorted(str(p.relative_to(ROOT))
                        for p in (ROOT / "tests").glob("test_soundness_*.py"))]


# the mutants' runs take minutes (the setup.cfg limit is for one test's own work)
@pytest.mark.timeout(2400)
def test_every_kernel_guard_is_killed_by_a_test():
    if not TOOL.is_file():
        if on_ci():
            pytest.fail(f"{TOOL} is missing on CI: ../shared must sit beside the clone")
        pytest.skip("../shared/tools/mutate-guards is not beside this checkout")
    # each mutant is a fresh pytest run: without the hypothesis and xdist plugins, which these
    # tests do not use, it starts in half the time
    env = dict(os.environ, PYTEST_ADDOPTS="-p no:hypothesispytest -p no:xdist")
    # a mutant counts as killed when its run fails: the unmutated run, with the same options, must
    # pass, or every mutant would be "killed" by the same error
    unmutated = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                *KERNEL_TESTS], cwd=ROOT, env=env, capture_output=True, text=True)
    assert unmutated.returncode == 0, unmutated.stdout[-3000:]
    result = subprocess.run([sys.executable, str(TOOL), "--jobs", "2", *KERNEL_TESTS], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=1800)
    killed = re.search(r"killed (\d+)/(\d+)", result.stdout)
    assert killed, result.stdout[-2000:] + result.stderr[-2000:]
    assert killed.group(1) == killed.group(2) and int(killed.group(2)) > 50, result.stdout[-3000:]
