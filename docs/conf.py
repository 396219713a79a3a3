"""Sphinx configuration for the proofs documentation (build: ``sphinx-build -W -b html docs
docs/_build/html``)."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

project = "proofs"
author = "the proofs developers"
copyright = "2026, the proofs developers"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.mathjax", "sphinx.ext.doctest", "proofs_docs"]
exclude_patterns = ["_build", "_generated/*.tex", "examples"]
html_theme = "alabaster"
autodoc_member_order = "bysource"
autodoc_typehints = "none"
nitpicky = False
doctest_global_setup = "import sympy as sp\nimport proofs\nfrom proofs import check"
autodoc_inherit_docstrings = False
