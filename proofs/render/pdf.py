"""Compile a standalone LaTeX document to PDF bytes with pdflatex (no shell escape, halting on the
first error)."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import RenderError

PDFLATEX_FLAGS = ("-halt-on-error", "-no-shell-escape", "-interaction=nonstopmode")


def compile_pdf(document, runs=2):
    """PDF bytes for `document`; raises RenderError naming the first LaTeX error or the missing
    pdflatex."""
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        raise RenderError("pdflatex not found: install TeX Live (Debian: texlive-latex-base "
                          "texlive-latex-recommended texlive-fonts-recommended) or write a .tex "
                          "file instead")
    # fixed dates make the PDF bytes reproducible
    env = dict(os.environ, SOURCE_DATE_EPOCH="0", FORCE_SOURCE_DATE="1")
    with tempfile.TemporaryDirectory(prefix="proofs-") as folder:
        source = Path(folder, "proof.tex")
        source.write_text(document, encoding="utf-8")
        for _ in range(runs):  # the second run resolves \ref
            result = subprocess.run([pdflatex, *PDFLATEX_FLAGS, source.name], cwd=folder, env=env,
                                    stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                    errors="replace")
            if result.returncode != 0:
                raise RenderError(f"pdflatex failed: {first_error(result.stdout)}")
        return Path(folder, "proof.pdf").read_bytes()


def first_error(log):
    match = re.search(r"^! (.*)$", log, re.MULTILINE)
    return match.group(1) if match else "see the LaTeX log"
