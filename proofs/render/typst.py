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
from .latex import LONG_ROW, at_relation, split_long, visible_length
from .layout import (count_checks, definitions, layout, lead, setting_sentence,
                     value_sentence, writer_for)
from .options import RenderOptions
from .safety import LINE_BREAKS, NotationError, escape_text
from .typst_math import typst_math

KINDS = {"lemma": "Lemma", "theorem": "Theorem"}
# Typst markup's special characters, escaped with a backslash in text: markup, code, math,
# references, labels, raw text and // comments; and - before ? (a soft hyphen)
MARKUP = re.compile(r"([\\#*_$@<>\[\]`/~]|-(?=\?))")
REFERENCE = "\x00"  # brackets a label in text until the text is escaped

# A proof's lines: one display, aligned at the relations, with the justifications flush right in a
# column of their own.  Where the host's column is too narrow for that (measured by Typst), the
# widest justifications go under their lines, in the same column, until the display fits; in a
# column too narrow even so, the left side stands on a line of its own and every justification
# under its step.  A statement too wide for its number beside it is set on two lines, broken
# before its relation.  A long proof may break across pages.
CHAIN = """\
#show math.equation: set block(breakable: true)
#let proofs-chain(lines, stacked) = layout(size => {
  set par(justify: false)  // a justification that wraps is ragged, not stretched
  let body(side) = if side == none { [] } else { side.body }
  let whys = lines.enumerate().filter(((k, line)) => line.at(2) != none)
    .map(((k, line)) => (k, measure(line.at(2)).width)).sorted(key: pair => -pair.at(1))
  let column(under) = calc.max(0pt, ..whys.filter(pair => pair.at(0) not in under)
    .map(pair => pair.at(1)))
  let rights = calc.max(0pt, ..lines.map(line => if line.at(1) == none { 0pt } else {
    measure(math.equation(block: true, numbering: none, line.at(1).body)).width }))
  let gap = measure($quad$).width
  let display(under, room) = {
    let rows = ()
    for (k, (lhs, rhs, why)) in lines.enumerate() {
      if why == none {
        rows.push($#body(lhs) & #body(rhs)$)
      } else if k in under {
        rows.push($#body(lhs) & #body(rhs)$)
        // on a line of its own, under the right side too: as wide as both columns
        rows.push($& & quad #h(-rights - gap) #box(width: room + rights + gap,
          align(right, why))$)
      } else {
        rows.push($#body(lhs) & #body(rhs) & quad #why$)
      }
    }
    math.equation(block: true, numbering: none, rows.join($\\ $))
  }
  // the display as Typst sets it is measured (its alignment adds to the sides' widths)
  let under = ()
  for (k, width) in whys {
    if measure(display(under, column(under))).width <= size.width { break }
    under.push(k)
  }
  // the justifications under their lines get the whole width the formulas leave, so that they
  // wrap as little as they can
  let room = column(under)
  if under.len() > 0 {
    room += size.width - measure(display(under, room)).width - 1pt
  }
  if measure(display(under, room)).width > size.width or room + rights < size.width / 4 {
    stacked(size.width - 1em)  // too narrow to read beside the formulas: each one under its step
  } else {
    display(under, room)
  }
})
#let proofs-statement(..forms) = layout(size => {
  // the first form with room for the equation's number too: on one line, else broken before
  // its relation, else its right side broken further
  let fitting = forms.pos().filter(form => measure(form).width + 36pt <= size.width)
  if fitting.len() > 0 { fitting.first() } else { forms.pos().last() }
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
    out = [CHAIN, ""]
    sentence = setting_sentence(proof, writer, dollars)
    if sentence:
        out.append("*Setting.* " + markup(sentence))
    defs = definitions(proof, writer)
    if defs:
        # a long body broken at a sign as in LaTeX, so that it fits a column of a two-column page
        rows = []
        for name, body in defs:
            first, *rest = _broken("=", body, LONG_ROW - visible_length(name))
            rows += [f"{_math(name)} & {first}", *[f"& {piece}" for piece in rest]]
        out.append("#" + _display(rows[:-1] + [rows[-1] + "."]))
    for block in layout(proof, writer, reference, options.detail_for("typst"), dollars):
        words = lead(proof, writer, block, dollars)
        head = (f"#context [*{KINDS[block.kind]} "
                f'#counter(figure.where(kind: "theorem")).display()* ({text(block.name)}).]')
        out += ["", f'#figure(kind: "theorem", supplement: [{KINDS[block.kind]}], numbering: "1",',
                "  outlined: false, block(width: 100%, align(left)[",
                f"  {head}" + (f" #emph[{markup(words)}]" if words else ""),
                *_statement(block.statement, f"{prefix}{block.label}-eq"),
                f"])) <{prefix}{block.label}>", "", "_Proof._ " + (markup(block.summary)
                                                                   if block.summary else "")]
        if not block.summary:
            out += _chain(block.rows)
        if block.kind == "theorem" and proof.corollaries:
            out.append(markup(value_sentence(proof, writer, reference, dollars)))
        out.append("#h(1fr) $square$")
        if block.remark:  # a user's text, after the proof: its line breaks are spaces
            if LINE_BREAKS.search(" ".join(block.remark.split())):
                raise NotationError("a remark: give text without control characters")
            out += ["", markup(" ".join(block.remark.split()))]
    return "\n".join(out) + "\n"


def _chain(rows):
    """The call of proofs-chain for a proof's rows: each line as (left side, relation and right
    side, justification or none), and a function of the column's width that stacks them; a
    right-hand side too wide for a line is split at a top-level sign, as in LaTeX."""
    lines, stacked = [], []
    for row in rows:
        why = f"[{markup(row.justification, inline=True)}]"  # beside a display: text style
        if not row.relation:
            lines.append(f"  (none, ${_math(row.left)}$, {why}),")
            stacked += [f"& {_math(row.left)}", f"& #box(width: room, align(right)[{why[1:-1]}])"]
            continue
        shown = _broken(row.relation, row.right, LONG_ROW - visible_length(row.left))
        for k, piece in enumerate(shown):
            left = f"${_math(row.left)}$" if k == 0 and row.left else "none"
            last = k == len(shown) - 1
            lines.append(f"  ({left}, ${piece}$, {why if last else 'none'}),")
        stacked += ([f"& {_math(row.left)}"] if row.left else []) + [
            f"& quad {piece}" if k == 0 else f"& {piece}" for k, piece in enumerate(shown)]
        stacked.append(f"& #box(width: room, align(right)[{why[1:-1]}])")
    return ["#proofs-chain((", *lines, "), room => " + _display(stacked) + ")"]


def _statement(latex, label):
    """The numbered statement, on one line or, in a narrow column, broken before its relation."""
    numbered = 'math.equation(block: true, numbering: "(1)", $\n  {}\n$)'
    wide = numbered.format(_math(latex) + ".")
    parts = at_relation(latex, r"=|>|<|\\leq|\\geq|\\text\{ is strictly")
    if not parts:
        return [f"  #proofs-statement([#{wide} <{label}>])"]
    # from the alignment point: the left side, then the rest, broken at signs as in LaTeX, and
    # in a narrower form at half that width
    before, relation, after = parts
    forms = []
    for limit in (LONG_ROW, LONG_ROW // 2):
        first, *rest = _broken(relation, after.lstrip(" "), limit)
        lines = [f"& {_math(before)}", f"& quad {first}", *[f"& {piece}" for piece in rest]]
        form = numbered.format(" \\\n  ".join(lines) + ".")
        if form not in forms:
            forms.append(form)
    return [f"  #proofs-statement([#{wide} <{label}>],",
            *[f"    [#{form} <{label}>]," for form in forms[:-1]],
            f"    [#{forms[-1]} <{label}>])"]


def _broken(relation, right, limit):
    """`relation right` in Typst math, the right side broken at signs as in LaTeX (split_long):
    the first piece after the relation, each other after `wide`."""
    first, *rest = split_long(right, limit)
    return [_math(f"{relation} {first}"), *[f"wide {_math(piece)}" for piece in rest]]


def _display(lines):
    """An unnumbered display of aligned lines (a host that numbers equations numbers no step)."""
    return ("math.equation(block: true, numbering: none, $\n  " + " \\\n  ".join(lines)
            + "\n$)")


def _math(latex):
    return typst_math(latex)


def markup(text, inline=False):
    """Text with $…$ formulas as Typst markup: the formulas translated, everything else escaped, and
    each bracketed label a reference (#ref(<label>); the semicolon ends the call, so that a full
    stop after it stays text); `inline` sets the formulas in text style."""
    pieces = re.split(r"(\$[^$]*\$)", text)
    out = []
    for piece in pieces:
        if piece.startswith("$") and piece.endswith("$") and len(piece) > 1:
            out.append(f"${typst_math(piece[1:-1], inline)}$")
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
    list item: that character escaped (after the blanks it may start with, which Typst skips
    before reading the line's markup; / is escaped everywhere)."""
    text = re.sub(r"^(\d+)\.", r"\1\\.", text.lstrip())
    return "\\" + text if text[:1] in ("=", "+", "-") else text


def _escape(text):
    parts = text.split(REFERENCE)
    # the odd parts are labels, checked by RenderOptions (letters, digits and : . _ -)
    return "".join(f"#ref(<{part}>);" if k % 2 else MARKUP.sub(r"\\\1", part)
                   for k, part in enumerate(parts))


def _string(text):
    """A Typst string literal, for the title."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

