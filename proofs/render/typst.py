"""Typst: a fragment to ``#include`` into a Typst paper, and a standalone document that
`typst compile` reads.

The fragment needs no package.  Lemmas and the theorem are figures of kind "theorem" (so they share
the host's theorem numbering and `@label` references them as "Lemma 1"); the statement's equation is
numbered with the host's equation counter.  Each proof's lines are one aligned display with the
justifications in a column beside it, or under each line when the host's column is too narrow for
that (measured by Typst, so any page or column width works).

Formulas are the LaTeX writer's, translated by `typst_math`; text around them is escaped, so no user
string reaches the file as Typst markup or code.
"""

import re

from ..errors import RenderError
from .latex import LONG_ROW, split_long, visible_length
from .layout import (count_checks, definitions, fill, hypotheses, layout, setting_items,
                     setting_tail, value_sentence, writer_for)
from .options import RenderOptions
from .safety import LINE_BREAKS, NotationError, escape_text
from .typst_math import typst_math

KINDS = {"lemma": "Lemma", "theorem": "Theorem"}
# Typst markup's special characters, escaped with a backslash in text: markup, code, math,
# references, labels, raw text and // comments; and - before ? (a soft hyphen)
MARKUP = re.compile(r"([\\#*_$@<>\[\]`/~]|-(?=\?))")
REFERENCE = "\x00"  # brackets a label in text until the text is escaped

# A proof's lines: one display, aligned at the relations, with the justifications in a column of
# their own, or, when that is wider than the host's column (measured by Typst), the left side on a
# line of its own and each justification on a line of its own under its step, set ragged left.
# A statement too wide for its number beside it is set on two lines, broken before its relation.
# A long proof may break across pages.
CHAIN = """\
#show math.equation: set block(breakable: true)
#let proofs-chain(beside, below) = layout(size => {
  if measure(beside).width <= size.width { beside } else { below(size.width - 1em) }
})
#let proofs-statement(wide, narrow) = layout(size => {
  // room for the equation's number too, else the statement on two lines
  if measure(wide).width + 36pt <= size.width { wide } else { narrow }
})"""


def render_typst(proof, options=None):
    """The fragment for ``#include``."""
    from ..fragment import header
    options = options or RenderOptions()
    if options.figure:
        raise RenderError("the figure is drawn with LaTeX's pgfplots: leave out --figure "
                          "(figure=True) for Typst")
    body = _body(proof, options)
    return header(proof, options, body, count_checks(proof), style="typst") + body


def render_typst_document(proof, options=None):
    """A standalone document: page, fonts and title, then the fragment."""
    options = options or RenderOptions()
    title = _string(options.title or proof.title)
    return "\n".join([
        '#set page(paper: "a4", margin: 2.5cm)',
        "#set text(size: 11pt)",
        "#set par(justify: true)",
        f"#align(center, block(par(justify: false, text(size: 17pt, hyphenate: false, {title}))))",
        '#align(center)[Generated and checked by `proofs`]',
        "#v(1em)",
        "",
        render_typst(proof, options).rstrip("\n"),
        "",
    ])


def _body(proof, options):
    writer = writer_for(proof, "latex", options.notation)
    prefix = options.label_prefix
    dollars = lambda formula: f"${formula}$"  # noqa: E731
    reference = lambda label, number: f"{REFERENCE}{prefix}{label}{REFERENCE}"  # noqa: E731
    theta = writer.names["theta"]
    out = [CHAIN, ""]
    items = [dollars(item) for item in setting_items(proof, writer)]
    tail = setting_tail(proof, writer, dollars)
    defs = definitions(proof, writer)
    if items or defs:
        out.append("*Setting.* " + markup(("Let " + ", ".join(items) + tail if items else "")
                                          + ((", and define" if items else "Define") if defs
                                             else ".")))
    if defs:
        rows = [f"{_math(name)} & = {_math(body)}" for name, body in defs]
        out.append("#" + _display(rows[:-1] + [rows[-1] + "."]))
    for block in layout(proof, writer, reference, options.detail_for("typst"), dollars):
        lead = f"For every ${theta}$," if block.universal else (
            "The map" if block.increasing else "")
        if block.optimizers:
            lead = "As sets of optimizers,"
        if block.kind == "theorem":  # the main result states its hypotheses: "Let … Then, …"
            given = hypotheses(proof, writer, dollars)
            lead = f"{given}, {lead[0].lower()}{lead[1:]}" if given and lead else given or lead
        head = (f"#context [*{KINDS[block.kind]} "
                f'#counter(figure.where(kind: "theorem")).display()* ({text(block.name)}).]')
        out += ["", f'#figure(kind: "theorem", supplement: [{KINDS[block.kind]}], numbering: "1",',
                "  outlined: false, block(width: 100%, align(left)[",
                f"  {head}" + (f" #emph[{markup(lead)}]" if lead else ""),
                *_statement(block.statement, f"{prefix}{block.label}-eq"),
                f"])) <{prefix}{block.label}>", "", "_Proof._ " + (markup(block.summary)
                                                                   if block.summary else "")]
        if not block.summary:
            out += _chain(block.rows)
        if block.remark:  # a user's text: its line breaks are spaces, its $…$ formulas
            if LINE_BREAKS.search(" ".join(block.remark.split())):
                raise NotationError("a remark: give text without control characters")
            out.append(markup(" ".join(fill(block.remark, writer, reference, {}).split())))
        if block.kind == "theorem" and proof.corollaries:
            out.append(markup(value_sentence(proof, writer, reference,
                                              lambda formula: f"${formula}$")))
        out.append("#h(1fr) $square$")
    return "\n".join(out) + "\n"


def _chain(rows):
    """The call of proofs-chain for a proof's rows: the display with the justifications beside the
    lines, and a function of the column's width that sets them below; a right-hand side too wide
    for a line is split at a top-level sign, as in LaTeX."""
    beside, below = [], []
    for row in rows:
        why = markup(row.justification)
        if not row.relation:
            lines = [f"& {_math(row.left)}"]
            stacked = lines
        else:
            pieces = split_long(row.right, LONG_ROW - visible_length(row.left))
            relation = typst_relation(row.relation)
            lines = [f"{_math(row.left)} & {relation} {_math(pieces[0])}"]
            lines += [f"& wide {_math(piece)}" for piece in pieces[1:]]
            stacked = [f"& {_math(row.left)}"] if row.left else []
            stacked += [f"& quad {relation} {_math(pieces[0])}"]
            stacked += [f"& wide {_math(piece)}" for piece in pieces[1:]]
        beside += lines[:-1] + [f"{lines[-1]} & quad & #[{why}]"]
        below += stacked + [f"& #box(width: room, align(right)[{why}])"]
    return ["#proofs-chain(", "  " + _display(beside) + ",",
            "  room => " + _display(below) + ")"]


def _statement(latex, label):
    """The numbered statement, on one line or, in a narrow column, broken before its relation."""
    numbered = 'math.equation(block: true, numbering: "(1)", $\n  {}\n$)'
    wide = numbered.format(_math(latex) + ".")
    parts = re.split(r" (=|>|<|\\leq|\\geq|\\text\{ is strictly)", latex, maxsplit=1)
    balanced = len(parts) == 3 and all(parts[0].count(a) == parts[0].count(b)
                                       for a, b in (("{", "}"), ("\\left", "\\right")))
    if balanced:  # both lines from the alignment point: the first left side, then the rest
        before, relation, after = parts
        narrow = numbered.format(f"& {_math(before)} \\\n  & quad {_math(relation + after)}.")
    else:
        narrow = wide
    return [f"  #proofs-statement([#{wide} <{label}>],", f"    [#{narrow} <{label}>])"]


def _display(lines):
    """An unnumbered display of aligned lines (a host that numbers equations numbers no step)."""
    return ("math.equation(block: true, numbering: none, $\n  " + " \\\n  ".join(lines)
            + "\n$)")


def typst_relation(latex):
    return {"=": "=", "<": "<", ">": ">", r"\leq": "<=", r"\geq": ">="}[latex]


def _math(latex):
    return typst_math(latex)


def markup(text):
    """Text with $…$ formulas as Typst markup: the formulas translated, everything else escaped, and
    each bracketed label a reference (#ref(<label>); the semicolon ends the call, so that a full
    stop after it stays text)."""
    pieces = re.split(r"(\$[^$]*\$)", text)
    out = []
    for piece in pieces:
        if piece.startswith("$") and piece.endswith("$") and len(piece) > 1:
            out.append(f"${typst_math(piece[1:-1])}$")
        else:
            out.append(_escape(piece))
    return _start_of_line("".join(out))


def text(value):
    """A user's plain text (a lemma's name) as Typst markup: one line, every special character
    escaped, no formula."""
    escape_text("lemma name", value)  # one line of text, else NotationError
    return _start_of_line(_escape(value))


def _start_of_line(text):
    """Text that begins a line with = + - or a number and a full stop would be a heading or a
    list item: that character escaped."""
    text = re.sub(r"^(\d+)\.", r"\1\\.", text)
    return "\\" + text if text[:1] in ("=", "+", "-") else text


def _escape(text):
    parts = text.split(REFERENCE)
    # the odd parts are labels, checked by RenderOptions (letters, digits and : . _ -)
    return "".join(f"#ref(<{part}>);" if k % 2 else MARKUP.sub(r"\\\1", part)
                   for k, part in enumerate(parts))


def _string(text):
    """A Typst string literal, for the title."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

