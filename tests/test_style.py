"""The project's formatting standard: every line of every tracked .py file within 100 columns."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 100


def python_files():
    """The .py files git tracks; without git (an unpacked sdist), those under proofs/, tests/ and
    docs/."""
    if shutil.which("git") and (ROOT / ".git").exists():
        listed = subprocess.run(["git", "ls-files", "-z", "*.py"], cwd=ROOT, capture_output=True,
                                text=True)
        if listed.returncode == 0:
            return [ROOT / name for name in listed.stdout.split("\0")
                    if name and (ROOT / name).exists()]
    return sorted(path for folder in ("proofs", "tests", "docs")
                  for path in (ROOT / folder).rglob("*.py") if "__pycache__" not in path.parts)


def test_every_python_line_is_within_100_columns():
    files = python_files()
    assert ROOT / "proofs" / "__init__.py" in files and ROOT / "tests" / "test_kernel.py" in files
    wide = [f"{path.relative_to(ROOT)}:{number}: {len(line)} characters"
            for path in files
            for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
            if len(line) > WIDTH]
    assert not wide, f"{len(wide)} lines over {WIDTH} columns:\n" + "\n".join(wide)
