"""Every kernel guard is pinned by a test: `mutate-guards` (../shared/tools) neutralizes each
`raise` of proofs/kernel/ in turn, and the kernel-level tests must notice every one (killed N/N).
About two and a half minutes on two cores; a new guard comes with the test that kills its mutant."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tools import on_ci

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "mutate-guards"
# pytest -x stops a mutant's run at its first failure, so the quick modules come first: a tenth of
# a second for forgery, names, definedness and binders together, then the guards' own tests (0.7 s)
# and the kernel's (1.6 s), which kill 117 of the 128 guards, and the slow ones (capture 1.3 s,
# assumptions 2.6 s) last, after any soundness module added since
ORDER = ["test_soundness_forgery", "test_soundness_names", "test_soundness_definedness",
         "test_soundness_binders", "test_kernel_guards", "test_kernel"]
SLOW = ["test_soundness_capture", "test_soundness_assumptions"]
KERNEL_TESTS = [f"tests/{stem}.py" for stem in [
    *ORDER,
    *sorted({p.stem for p in (ROOT / "tests").glob("test_soundness_*.py")} - {*ORDER, *SLOW}),
    *SLOW]]


# the mutants' runs take minutes (the setup.cfg limit is for one test's own work)
@pytest.mark.timeout(2400)
def test_every_kernel_guard_is_killed_by_a_test():
    if not TOOL.is_file():
        if on_ci():
            pytest.fail(f"{TOOL} is missing on CI: ../shared must sit beside the clone")
        pytest.skip("../shared/tools/mutate-guards is not beside this checkout")
    # each mutant is a fresh pytest run: without the hypothesis and xdist plugins, which these
    # tests do not use, and without assertion rewriting (pytest rewrites every module of the
    # proofs package, a pytest11 plugin's, and keeps none where bytecode is not written: 1.4 s
    # of each run), it starts in a third of the time; a failing assert still fails its test
    env = dict(os.environ, PYTEST_ADDOPTS="-p no:hypothesispytest -p no:xdist --assert=plain")
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
