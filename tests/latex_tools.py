"""Helpers for tests that run the real TeX tools (pdflatex, pdftotext, pdftoppm).

On CI (``CI`` set) the tools are installed by .ci/run, so a missing tool is a failure, never a silent skip.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = ["-halt-on-error", "-no-shell-escape", "-interaction=nonstopmode"]


def require(*tools):
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{', '.join(missing)} missing on CI: .ci/run must install it")
        pytest.skip(f"{', '.join(missing)} not installed (CI installs it)")


def compile_tex(folder, name, text, runs=2):
    """Compile `text` as folder/name.tex with real pdflatex; return the final log text."""
    require("pdflatex")
    Path(folder, f"{name}.tex").write_text(text, encoding="utf-8")
    for _ in range(runs):
        result = subprocess.run(["pdflatex", *FLAGS, f"{name}.tex"], cwd=folder, capture_output=True, text=True,
                                errors="replace", stdin=subprocess.DEVNULL)
        assert result.returncode == 0, result.stdout[-3000:]
    return Path(folder, f"{name}.log").read_text(errors="replace")


def pdf_text(pdf):
    require("pdftotext")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def dark_fraction_of_first_page(pdf, folder):
    """Fraction of dark pixels on page 1, rendered to a grey-scale image with pdftoppm."""
    require("pdftoppm")
    stem = Path(folder, "page")
    subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(stem)], check=True)
    image = next(Path(folder).glob("page*.pgm")).read_bytes()
    # binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel
    fields, offset = [], 0
    while len(fields) < 4:
        while image[offset:offset + 1].isspace():
            offset += 1
        end = offset
        while not image[end:end + 1].isspace():
            end += 1
        fields.append(image[offset:end])
        offset = end
    pixels = image[offset + 1:]
    assert fields[0] == b"P5"
    return sum(1 for value in pixels if value < 200) / len(pixels)
