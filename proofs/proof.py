"""A `Proof`: the final kernel theorem plus the ordered, human-level steps a reader follows.

Imports the kernel only (renderers are imported lazily, when output is asked for).  Steps are
derived from kernel theorems — each carries the theorem that checks it — and grouped into lemmas;
the renderers in `proofs.render` turn a Proof into text, LaTeX, Markdown and files.
"""

import itertools
import os
import re
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RenderError
from .kernel import Theorem


_ISSUED = weakref.WeakValueDictionary()  # id -> a Proof this package built (library or Derivation)


def issue(proof):
    """Mark `proof` as built by the package (every line from its own checked construction)."""
    _ISSUED[id(proof)] = proof
    return proof


def is_issued(proof):
    """Whether `proof` was built by the package, not assembled by hand around some theorem."""
    return _ISSUED.get(id(proof)) is proof


@dataclass(frozen=True)
class Step:
    """One line a reader checks: `relation` `rhs` (after the previous line), justified by a kernel
    rule."""

    rhs: object                  # sympy expression, or a statement for non-equational lines
    rule: str                    # the kernel rule (or chain of one rule) that checks it
    justification: str           # what a reader is told
    theorem: Theorem             # the kernel theorem that checks this line
    relation: str = "="
    side_conditions: tuple = ()
    formulas: tuple = ()         # statements the justification sets at <math:0>, <math:1>, …

    @property
    def statement(self):
        return self.theorem.statement


@dataclass(frozen=True)
class Section:
    """A lemma or the theorem: a statement, then either a chain of steps from `start` or a list of
    facts."""

    kind: str                    # "lemma" or "theorem"
    name: str                    # e.g. "Positivity"
    label: str                   # e.g. "positivity" (for \\label and anchors)
    statement: Theorem           # the kernel theorem the section concludes
    start: object = None         # first expression of a chain (None: the steps are separate facts)
    steps: tuple = ()
    remark: str = ""
    claim: tuple = ()            # (start, relation, end) of a chain, shown instead of the statement


@dataclass(frozen=True)
class Proof:
    """The final `theorem` and the sections (lemmas, then the theorem) that lead to it."""

    name: str
    title: str
    theorem: Theorem
    sections: tuple
    setting: tuple               # the assumptions, as (expression, set) pairs for printing
    definitions: tuple           # defined constants introduced, in order
    symbols: dict = field(default_factory=dict)   # printing names: "theta", "over", "size", …
    # extra theorems stated after the main one (e.g. the optimal values)
    corollaries: tuple = ()
    # default RenderOptions (notation, environments, …) for every output
    options: object = None
    # every other kernel theorem a line rests on (a derivation's lemmas)
    checked: tuple = ()

    @property
    def steps(self):
        """Every human-level step, in reading order."""
        return [step for section in self.sections for step in section.steps]

    def with_options(self, **options):
        """A copy whose outputs use these options by default (notation=, theorem_env=,
        label_prefix=, …)."""
        from dataclasses import replace
        copy = replace(self, options=self._options(**options))
        return issue(copy) if is_issued(self) else copy

    def _options(self, **options):
        from .render.options import RenderOptions
        return RenderOptions.make(self.options, **options)

    def __str__(self):
        return self.to_text()

    def to_text(self, **options):
        """Plain text for the terminal.  Options: notation={...}."""
        from .render.text import render_text
        return render_text(self, self._options(**options))

    def to_latex(self, **options):
        """The fragment for ``\\input``.  Options: notation, theorem_env, lemma_env, proof_env,
        label_prefix, figure."""
        from .render.latex import render_fragment
        return render_fragment(self, self._options(**options))

    def to_document(self, **options):
        """A standalone LaTeX document (same options as `to_latex`, plus title)."""
        from .render.latex import render_document
        return render_document(self, self._options(**options))

    def preamble(self, **options):
        """The packages and \\newtheorem lines a host document needs for `to_latex()`."""
        from .render.latex import preamble
        return preamble(self._options(**options))

    def to_markdown(self, **options):
        """Markdown with MathJax/KaTeX math."""
        from .render.markdown import render_markdown
        return render_markdown(self, self._options(**options))

    def to_typst(self, **options):
        """The Typst fragment for ``#include`` (same options as `to_latex`, but figure)."""
        from .render.typst import render_typst
        return render_typst(self, self._options(**options))

    def to_typst_document(self, **options):
        """A standalone Typst document (options as `to_typst`, plus title)."""
        from .render.typst import render_typst_document
        return render_typst_document(self, self._options(**options))

    def to_coq(self):
        """A Coq script that coqc checks, or RenderError naming what has no Coq counterpart."""
        from .render.coq import render_coq
        return render_coq(self)

    def _repr_markdown_(self):
        return self.to_markdown()

    def _repr_latex_(self):
        from .render.markdown import render_latex_repr
        return render_latex_repr(self, self._options())

    def write(self, path, **options):
        """Write by extension: .tex (standalone document), .md, .txt, .pdf (pdflatex), .typ (Typst
        document), .v (Coq).  Atomic: all or nothing."""
        path = Path(path)
        suffix = path.suffix.lower()
        render = {".tex": self.to_document, ".pdf": self.to_document, ".md": self.to_markdown,
                  ".txt": self.to_text, ".typ": self.to_typst_document,
                  ".v": lambda **_: self.to_coq()}
        _target(path)  # before any rendering: a file in a folder that exists
        if suffix not in render:
            raise RenderError(f"cannot write {path.name}: use .tex, .pdf, .md, .txt, .typ or .v")
        if suffix == ".v" and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", path.stem):
            usable = re.sub(r"\W", "_", path.stem)  # coqc names the module after the file
            raise RenderError(f"coqc cannot compile {path.name} (a Coq module name is an "
                              f"identifier): write {usable}.v")
        text = render[suffix](**options)
        if suffix == ".pdf":
            from .render.pdf import compile_pdf
            data = compile_pdf(text)
        else:
            data = text.encode("utf-8")
        write_atomically(path, data)
        return path


def _target(path):
    """The file `path` names, through a symbolic link (written through, as an editor does, not
    replaced); RenderError when it is a folder or its folder does not exist."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if not path.name or path.is_dir():
        raise RenderError(f"cannot write {path}: it is a folder; give a file name")
    if not path.parent.is_dir():
        raise RenderError(f"cannot write {path}: the folder {path.parent} does not exist")
    return path


def write_atomically(path, data):
    """Write bytes to `path` through a temporary file in the same folder and an atomic rename."""
    path = _target(path)
    for attempt in itertools.count():  # a fresh name beside the target, so the final rename is
        # atomic; short, so that a target name near the file system's limit still has one
        temporary = path.parent / f".proofs-{os.getpid()}-{attempt}.part"
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            continue
        except OSError as error:  # said of the file asked for, not of the temporary one
            raise OSError(error.errno, f"cannot write there ({error.strerror})", str(path)) \
                from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
