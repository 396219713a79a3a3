"""The suite passes under ``python -O``: no logical check of the engine is an ``assert`` that -O would strip."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(sys.flags.optimize > 0, reason="already running under -O (this is the inner run)")
def test_suite_passes_under_python_O():
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([sys.executable, "-O", "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                             str(ROOT / "tests"), "--deselect", "tests/test_optimize_flag.py"],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def test_kernel_source_has_no_assert():
    for path in (ROOT / "proofs").rglob("*.py"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            assert not line.strip().startswith("assert "), f"{path}:{number} uses assert"
