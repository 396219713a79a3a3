"""The kernel, the check API and the property tests pass under ``python -O``: no logical check of
the engine is an ``assert`` that -O would strip.  (pytest rewrites the asserts of test modules into
explicit checks even under -O; helpers outside test modules raise instead of asserting.)"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNDER_O = [
    "tests/test_kernel.py",
    "tests/test_check.py",
    "tests/test_false_claims.py",
    "tests/test_soundness_capture.py",
    "tests/test_soundness_names.py",
    "tests/test_soundness_assumptions.py",
    "tests/test_soundness_definedness.py",
    "tests/test_soundness_forgery.py",
    "tests/test_soundness_binders.py",
    "tests/test_fuzz_kernel.py",
]


def run_under_O(*arguments, cwd=ROOT):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, "-O", "-m", "pytest", "-q", "-p", "no:cacheprovider", *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.timeout(1800)  # a rerun of several modules, each test under the setup.cfg limit
@pytest.mark.skipif(
    sys.flags.optimize > 0, reason="already running under -O (this is the inner run)"
)
def test_kernel_check_and_property_tests_pass_under_python_O():
    # the fuzzer's full 8,000 rule applications run in the main suite; under -O a quarter of them
    # still applies every kind of rule, in a quarter of the time
    result = run_under_O("--proofs-fuzz", "2000", *UNDER_O)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout


@pytest.mark.skipif(
    sys.flags.optimize > 0, reason="already running under -O (this is the inner run)"
)
def test_a_failing_assert_in_a_test_module_still_fails_under_python_O(tmp_path):
    # the inner run means something only if a test's assert is checked under -O
    (tmp_path / "test_canary.py").write_text("def test_canary():\n    assert 1 + 1 == 3\n")
    result = run_under_O(str(tmp_path / "test_canary.py"), cwd=tmp_path)
    assert result.returncode == 1 and "1 failed" in result.stdout


def test_package_source_has_no_assert():
    for path in (ROOT / "proofs").rglob("*.py"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            assert not line.strip().startswith("assert "), f"{path}:{number} uses assert"


def test_the_listed_modules_exist():
    for name in UNDER_O:
        assert (ROOT / name).is_file(), name
