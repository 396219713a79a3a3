"""Sphinx extension for the proofs docs: everything that could drift is generated from the code at
build time.

Directives:
    .. proofs-rule-catalogue::      every kernel rule: its inference, side conditions,
                                    Mathlib / Coq lemma
    .. proofs-function-table::      the kernel's table of functions: domain, range, continuity,
                                    names
    .. proofs-cli-help::            the --help text of every command
    .. proofs-theorem:: NAME [reduction]   a library theorem as MathJax, and page 1 of its PDF as
                                           a PNG
"""

import inspect
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.statemachine import StringList


class _Generated(Directive):
    def emit(self, lines):
        node = nodes.container()
        self.state.nested_parse(StringList(lines, source="generated"), self.content_offset, node)
        return node.children


def kernel_rules():
    """(name, docstring) of every public primitive rule of the kernel, in source order."""
    from proofs.kernel import theorem
    rules = []
    for name, function in inspect.getmembers(theorem, inspect.isfunction):
        if name.startswith("_") or function.__module__ != theorem.__name__ or not function.__doc__ \
                or not ("⊢" in function.__doc__ or "⟹" in function.__doc__):
            continue  # helpers such as ring_needs
        rules.append((inspect.getsourcelines(function)[1], name,
                      inspect.cleandoc(function.__doc__)))
    return [(name, doc) for _, name, doc in sorted(rules)]


def lemma_names(doc):
    """(Mathlib/Lean names, Coq names) cited in a rule's docstring: every `name` after "Mathlib",
    "Lean" or "Coq" up to the next ';' or ')'."""
    found = {"lean": set(), "coq": set()}
    for prover, segment in re.findall(r"(Mathlib|Lean|Coq)([^;)]*)", doc):
        found["coq" if prover == "Coq" else "lean"].update(re.findall(r"`([^`]+)`", segment))
    return sorted(found["lean"]), sorted(found["coq"])


class RuleCatalogue(_Generated):
    def run(self):
        lines = []
        for name, doc in kernel_rules():
            mathlib, coq = lemma_names(doc)
            inference = re.sub(r"\s*\((Mathlib|Lean|Coq|definitional)[^)]*\)\s*$", "",
                               doc.replace("\n", " "))
            # |a| is an absolute value, not an rst substitution
            inference = inference.replace("|", "\\|")
            lines += [f".. rubric:: {name}", "", f"*Inference:* {inference}", "",
                      f"*Mathlib / Lean:* {', '.join(f'``{m}``' for m in mathlib) or '—'}  ",
                      f"*Coq:* {', '.join(f'``{c}``' for c in coq) or '—'}", ""]
        return self.emit(lines)


class FunctionTable(_Generated):
    """The kernel's table of functions (proofs/kernel/functions.py): domain, range, continuity and
    the Mathlib / Coq names of each entry."""

    def run(self):
        from proofs.kernel.functions import TABLE
        lines = [".. list-table::", "   :header-rows: 1", "", "   * - function",
                 "     - defined for", "     - values in", "     - continuous", "     - Mathlib",
                 "     - Coq"]
        for head, entry in TABLE.items():
            left = "[" if "low" in entry.closed else "("
            right = "]" if "high" in entry.closed else ")"
            values = f"{left}{entry.low}, {entry.high}{right}".replace("oo", "∞")
            values += " (integers)" if entry.integer else ""
            domain = "all reals" if entry.domain is None else entry.domain.value
            lines += [f"   * - ``{head.__name__}``", f"     - {domain}", f"     - {values}",
                      f"     - {'yes' if entry.continuous else 'no'}", f"     - {entry.mathlib}",
                      f"     - {entry.coq}"]
        return self.emit(lines + [""])


class CliHelp(_Generated):
    def run(self):
        from proofs.cli import build_parser
        parser = build_parser()
        sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
        lines = []
        for title, command in [("proofs", parser)] + [(f"proofs {n}", p)
                                                      for n, p in sub.choices.items()]:
            lines += [f".. rubric:: {title}", "", ".. code-block:: text", ""]
            lines += ["   " + line for line in command.format_help().splitlines()] + [""]
        return self.emit(lines)


class TheoremPage(_Generated):
    required_arguments = 1
    optional_arguments = 1

    def run(self):
        import proofs
        from proofs.render.layout import layout, setting_items, definitions
        from proofs.render.notation import Writer
        name = self.arguments[0]
        options = {}
        if len(self.arguments) > 1:
            option = self.arguments[1]
            options = {"reduction": option} if option in ("mean", "sum") else {option: True}
        proof = proofs.prove(name, **options)
        writer = Writer("latex")
        lines = ["Setting: " + ", ".join(f":math:`{item}`"
                                         for item in setting_items(proof, writer)), "",
                 ".. math::", "", "   \\begin{aligned}"]
        defs = definitions(proof, writer)
        lines += [f"   {n} &= {b}" + (" \\\\" if k < len(defs) - 1 else "")
                  for k, (n, b) in enumerate(defs)]
        lines += ["   \\end{aligned}", ""]
        for block in layout(proof, writer, lambda label, number: f"Lemma {number}"):
            head = f"Lemma {block.number}" if block.kind == "lemma" else "Theorem"
            lines += [f"**{head} ({block.name}).** :math:`{block.statement}`", "", ".. math::", "",
                      "   \\begin{aligned}"]
            rows = [f"   {r.left} &{r.relation} {r.right} && \\text{{{r.justification}}}"
                    if r.relation else f"   & {r.left} && \\text{{{r.justification}}}"
                    for r in block.rows]
            lines += [row + (" \\\\" if k < len(rows) - 1 else "") for k, row in enumerate(rows)]
            lines += ["   \\end{aligned}", ""]
        png = render_png(proof,
                         f"{name}-{self.arguments[1] if len(self.arguments) > 1 else 'default'}")
        lines += ["Page 1 of the compiled PDF (``proofs prove " + name
                  + "".join(f" --{k}" + ("" if v is True else f" {v}") for k, v in options.items())
                  + " -o proof.pdf``):", "",
                  f".. image:: /_generated/{png.name}", "   :width: 80%", ""]
        return self.emit(lines)


class CoqStatus(_Generated):
    """Each kernel rule, its Coq counterpart and the library theorems whose export uses it; then the
    theorems not exported yet, with what is missing."""

    def run(self):
        import proofs
        from proofs.errors import RenderError
        from proofs.render.coq import COUNTERPARTS
        from proofs.theorems import combinations
        from proofs.tree import tree_nodes
        users, missing = {}, []
        for name, options in combinations():
            shown = " ".join([name, *(f"--{k} {v}" for k, v in options.items())])
            try:
                proof = proofs.prove(name, **options)
            except proofs.ProofError:
                continue  # an option combination the theorem refuses
            try:
                proof.to_coq()
            except RenderError as error:
                missing.append(f"* ``{shown}`` — {error}")
                continue
            for section in proof.sections:
                for node in tree_nodes(section.statement):
                    users.setdefault(node.rule, set()).add(name)
        from proofs.kernel.functions import TABLE
        expanded = {"member_context": ["assumption", "number"],  # the rule names its facts carry
                    "member_function": [f"member_{head.__name__}" for head in TABLE]}
        rules = [rule for name, _ in kernel_rules() for rule in expanded.get(name, [name])]
        lines = [".. list-table::", "   :header-rows: 1", "", "   * - rule",
                 "     - Coq counterpart", "     - exported theorems using it"]
        for rule in dict.fromkeys(rules):
            lines += [f"   * - ``{rule}``", f"     - {COUNTERPARTS.get(rule, 'none yet')}",
                      f"     - {', '.join(sorted(users.get(rule, ()))) or '—'}"]
        lines += ["", "Not exported yet:", ""] + (missing or ["* none"]) + [""]
        return self.emit(lines)


def render_png(proof, stem):
    """Compile the proof's document and render page 1 as PNG into docs/_generated (built, never
    committed)."""
    from proofs.render.pdf import compile_pdf
    target = Path(__file__).resolve().parent.parent / "_generated"
    target.mkdir(exist_ok=True)
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("pdftoppm (poppler-utils) is needed to build the docs")
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder, "proof.pdf")
        pdf.write_bytes(compile_pdf(proof.to_document()))
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(target / stem)], check=True)
    return target / f"{stem}.png"


def setup(app):
    app.add_directive("proofs-rule-catalogue", RuleCatalogue)
    app.add_directive("proofs-cli-help", CliHelp)
    app.add_directive("proofs-function-table", FunctionTable)
    app.add_directive("proofs-theorem", TheoremPage)
    app.add_directive("proofs-coq-status", CoqStatus)
    return {"version": "1", "parallel_read_safe": True}
