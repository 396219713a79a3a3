"""The one helper for tests that run external tools: pdflatex, pdftotext, pdftoppm, coqc, the Typst
compiler of the `typst` extra — and the machine-learning frameworks of the `frameworks` extra
(torch, jax, optax, scikit-learn, scipy).

`require(...)` skips a test locally when a tool is missing and fails it under CI (``CI`` set:
.ci/run installs every tool, so a missing one is a set-up error, never a silent skip).  The helpers
raise with `pytest.fail` rather than assert, so they check under ``python -O`` too.
"""

import atexit
import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from proofs.render.coq import PRELUDE

FLAGS = ["-halt-on-error", "-no-shell-escape", "-interaction=nonstopmode"]
INSTALL = {
    "pdflatex": "Debian's texlive-latex-base",
    "pdftotext": "Debian's poppler-utils",
    "pdftoppm": "Debian's poppler-utils",
    "coqc": "Debian's coq",
    "latexmk": "Debian's latexmk",
}


def on_ci():
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def require(*tools):
    """Skip (locally) or fail (on CI) unless every tool is on the PATH."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        needed = ", ".join(f"{tool} ({INSTALL.get(tool, 'see .ci/run')})" for tool in missing)
        if on_ci():
            pytest.fail(f"{needed} missing on CI: .ci/run must install it")
        pytest.skip(f"{needed} not installed (CI installs it)")


def require_module(name, extra="frameworks"):
    """The imported module; skip (locally) or fail (on CI) when its `extra` is not installed."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        if on_ci():
            pytest.fail(f"python module {name} missing on CI: .ci/run installs the {extra} extra")
        pytest.skip(f"{name} not installed (pip install 'proofs[{extra}]'; CI installs it)")


def run(command, folder, **options):
    """Run an external command in `folder`, without input, capturing its text output."""
    return subprocess.run(
        command,
        cwd=folder,
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
        **options,
    )


def compile_tex(folder, name, text, runs=2):
    """Compile `text` as folder/name.tex with real pdflatex; return the final log text."""
    require("pdflatex")
    Path(folder, f"{name}.tex").write_text(text, encoding="utf-8")
    for _ in range(runs):
        result = run(["pdflatex", *FLAGS, f"{name}.tex"], folder)
        if result.returncode != 0:
            pytest.fail(f"pdflatex failed on {name}.tex:\n{result.stdout[-3000:]}")
    return Path(folder, f"{name}.log").read_text(errors="replace")


def compile_typst(folder, name, text):
    """Compile `text` as folder/name.typ with the Typst compiler (the `typst` extra); return the
    PDF's path.  A compile error fails the test with Typst's message."""
    typst = require_module("typst", extra="typst")
    source = Path(folder, f"{name}.typ")
    source.write_text(text, encoding="utf-8")
    pdf = Path(folder, f"{name}.pdf")
    try:
        typst.compile(str(source), output=str(pdf), root=str(folder))
    except Exception as error:  # typst.TypstError, with the compiler's diagnostics
        pytest.fail(f"typst failed on {name}.typ: {error}")
    return pdf


def coqc(folder, name, script, standalone=False):
    """Check `script` as folder/name.v with coqc; return the completed process (the caller reads its
    code).  A script that opens with the shipped prelude, as every export does, imports it compiled
    once per test process instead of checking its 800 lines again (a second of each coqc run);
    `standalone=True` checks the script exactly as a user's coqc would."""
    require("coqc")
    prelude = PRELUDE.read_text(encoding="utf-8")
    options = []
    if not standalone and script.startswith(prelude):
        # the prelude's own first lines, then its lemmas, instances and tactics by import
        opening = prelude.split("\n", 2)[:2]
        script = "\n".join([*opening, "Require Import ProofsPrelude.", script[len(prelude):]])
        options = ["-Q", _compiled_prelude(), ""]
    Path(folder, f"{name}.v").write_text(script, encoding="utf-8")
    return run(["coqc", *options, f"{name}.v"], folder)


@functools.lru_cache(maxsize=None)
def _compiled_prelude():
    """A folder holding ProofsPrelude.vo, the prelude compiled by this process's coqc."""
    folder = tempfile.mkdtemp(prefix="proofs-coq-prelude-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    shutil.copy(PRELUDE, Path(folder, "ProofsPrelude.v"))
    result = run(["coqc", "ProofsPrelude.v"], folder)
    if result.returncode != 0:
        pytest.fail(f"coqc rejected the prelude itself:\n{result.stdout}{result.stderr}")
    return folder


def pdf_text(pdf, layout=True):
    """The text of `pdf`; `layout=False` reads a two-column page column by column."""
    require("pdftotext")
    result = run(["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"], Path(pdf).parent)
    if result.returncode != 0:
        pytest.fail(f"pdftotext failed on {pdf}: {result.stderr}")
    return result.stdout


def dark_fraction_of_first_page(pdf, folder):
    """Fraction of dark pixels on page 1, rendered to a grey-scale image with pdftoppm."""
    require("pdftoppm")
    stem = Path(folder, "page")
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(stem)], check=True
    )
    image = next(Path(folder).glob("page*.pgm")).read_bytes()
    # binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel
    fields, offset = [], 0
    while len(fields) < 4:
        while image[offset : offset + 1].isspace():
            offset += 1
        end = offset
        while not image[end : end + 1].isspace():
            end += 1
        fields.append(image[offset:end])
        offset = end
    if fields[0] != b"P5":
        pytest.fail(f"pdftoppm wrote no binary PGM: {fields[0]!r}")
    pixels = image[offset + 1 :]
    return sum(1 for value in pixels if value < 200) / len(pixels)


def word_boxes(pdf):
    """For each page of `pdf`: (width, height, [(x_min, y_min, x_max, y_max, word), …]), from
    `pdftotext -bbox`, in points from the top left corner."""
    import html
    import re

    require("pdftotext")
    result = run(["pdftotext", "-bbox", str(pdf), "-"], Path(pdf).parent)
    if result.returncode != 0:
        pytest.fail(f"pdftotext -bbox failed on {pdf}: {result.stderr}")
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', result.stdout,
                            re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(word)) for a, b, c, d, word
                 in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                               r"([^<]*)</word>", page.group(3))]
        pages.append((float(page.group(1)), float(page.group(2)), words))
    return pages


def text_depth_of_pages(pdf):
    """For each page of `pdf`, how far down its lowest word reaches (0 at the top, 1 at the bottom),
    from `pdftotext -bbox`: a page that ends high is mostly empty."""
    return depths(word_boxes(pdf))


def depths(pages):
    """How far down each page's lowest word reaches, for pages read by `word_boxes`."""
    return [max((word[3] for word in words), default=0.0) / height for _, height, words in pages]


def require_class(*names):
    """Skip (locally) or fail (on CI) unless every LaTeX document class is installed."""
    require("kpsewhich")
    missing = [name for name in names
               if not run(["kpsewhich", f"{name}.cls"], Path(".")).stdout.strip()]
    if missing:
        needed = f"the classes {', '.join(missing)} (Debian: texlive-publishers)"
        if on_ci():
            pytest.fail(f"{needed} missing on CI: .ci/run must install them")
        pytest.skip(f"{needed} not installed (CI installs them)")
