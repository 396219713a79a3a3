"""LaTeX: a fragment to ``\\input`` into a paper and a standalone document that pdflatex compiles.

The fragment defines nothing global: it uses the host's theorem, lemma and proof environments (names
are options), labels every lemma and its key equation under a prefix, and needs only amsmath and
amssymb (plus pgfplots for the figure) — `preamble()` lists the lines a host needs.
"""

import re

from .layout import (cited, count_checks, definitions, layout, lead, setting_sentence,
                     value_sentence, writer_for)
from ..fragment import header
from .options import RenderOptions
from .safety import latex_text

PACKAGES = ("amsmath", "amssymb", "amsthm", "aliascnt")
# the setting's run-in heading, the same in every class
# (IEEEtran numbers a \paragraph: "a) Setting.:")
SETTING = r"\medskip\noindent\textbf{Setting.}"
# estimated characters beyond which a right-hand side is split over two lines: what a column of a
# two-column class (IEEEtran, acmart) holds beside the left-hand side
LONG_ROW = 48
# a standalone document is one A4 column (2.5 cm margins, 11pt): its rows hold nearly twice
# as much as a column of a two-column paper, for which a fragment is written
DOCUMENT_ROW = 80
SHORT_CHAIN = 5  # rows: a proof's chain this short is kept on one page


def preamble(options=None):
    """The lines a host document needs before ``\\input``-ing the fragment."""
    options = options or RenderOptions()
    lines = [f"\\usepackage{{{package}}}" for package in PACKAGES]
    if options.figure:
        lines += ["\\usepackage{pgfplots}", "\\pgfplotsset{compat=1.16}"]
    lemma, theorem = options.lemma_env, options.theorem_env
    # lemmas are numbered with the theorems through a counter of their own name (aliascnt), so that
    # cleveref calls them lemmas whether it is loaded before these lines or after them
    lines += [f"\\newtheorem{{{theorem}}}{{Theorem}}",
              f"\\newaliascnt{{{lemma}}}{{{theorem}}}",
              f"\\newtheorem{{{lemma}}}[{lemma}]{{Lemma}}",
              f"\\aliascntresetthe{{{lemma}}}",
              f"\\AtBeginDocument{{\\ifdefined\\crefname\\crefname{{{lemma}}}{{lemma}}{{lemmas}}"
              f"\\Crefname{{{lemma}}}{{Lemma}}{{Lemmas}}\\fi}}"]
    return "\n".join(lines) + "\n"


def render_fragment(proof, options=None, row=LONG_ROW):
    """The fragment: its formulas broken to fit `row` characters (a column of a two-column
    paper, unless the fragment is the body of a standalone document)."""
    options = options or RenderOptions()
    writer = writer_for(proof, "latex", options.notation)
    prefix = options.label_prefix
    def reference(label, number):
        return f"{cited(proof, label)}~\\ref{{{prefix}{label}}}"
    dollars = lambda formula: f"${formula}$"  # noqa: E731
    out = []
    sentence = setting_sentence(proof, writer, dollars)
    if sentence:
        out.append(f"{SETTING} {sentence}")
    defs = definitions(proof, writer)
    if defs:
        # many definitions may break across pages (in a group: \allowdisplaybreaks is a
        # declaration), else amsmath keeps the display whole and it runs off the page
        broken = len(defs) > SHORT_CHAIN
        out.append(("{\\allowdisplaybreaks" if broken else "") + "\\begin{align*}")
        for k, (name, body) in enumerate(defs):  # a long body goes on over lines of its own
            lines = continued(name, "=", split_long(body, row - visible_length(name)))
            out += [line + " \\\\" for line in lines[:-1]]
            out.append(lines[-1] + (" \\\\" if k < len(defs) - 1 else "."))
        out.append("\\end{align*}" + ("}" if broken else ""))
    if options.figure:
        from .figure import render_figure
        out += ["", render_figure(writer, prefix).rstrip("\n")]
    envs = {"lemma": options.lemma_env, "theorem": options.theorem_env}
    for block in layout(proof, writer, reference, options.detail_for("latex"), unbreakable):
        env = envs[block.kind]
        words = lead(proof, writer, block, dollars)
        name = latex_text("lemma name", block.name)
        out += ["", opening(env, name, f"{prefix}{block.label}"),
                *([words] if words else []), "\\begin{equation}",
                *statement_lines(block.statement, f"{prefix}{block.label}-eq", row),
                "\\end{equation}", f"\\end{{{env}}}",
                f"\\begin{{{options.proof_env}}}{STRETCH}"]
        if block.summary:
            out.append(block.summary)
        else:  # a long proof may break across pages (scoped to the proof, as amsmath allows);
            # a short one stays on one page, not one line at a page's foot and the rest overleaf
            breaks = ["\\allowdisplaybreaks"] if len(block.rows) > SHORT_CHAIN else []
            out += [*breaks, "\\begin{align*}", *align_rows(block.rows, row),
                    "\\end{align*}"]
        if block.kind == "theorem" and proof.corollaries:
            out.append(value_sentence(proof, writer, reference, unbreakable))
        out.append(f"\\end{{{options.proof_env}}}")
        if block.remark:  # commentary, after the proof's end
            out.append(block.remark)
    body = "\n".join(out) + "\n"
    return header(proof, options, body, count_checks(proof)) + body


# in the fragment's own environments only: a paragraph whose formulas cannot break (a head and
# "Let n ∈ {1, 2, …}", a sentence of facts) may stretch its spaces rather than run into the margin
STRETCH = "\\setlength{\\emergencystretch}{3em}"


SHORT_FORMULA = 8  # characters: a formula this short is not broken at a line end (L > ⏎ 0)


def unbreakable(formula):
    """An inline formula in running text; a short comparison (L > 0) braced, which TeX does not
    break; a membership may break after its ∈, as a column sometimes needs."""
    if visible_length(formula) <= SHORT_FORMULA and "\\in" not in formula:
        return "${" + formula + "}$"
    return f"${formula}$"


def opening(env, name, label):
    """The line that begins a lemma or theorem; the name is braced, so that a ] in it cannot end
    the optional argument."""
    return f"\\begin{{{env}}}[{{{name}}}]\\label{{{label}}}{STRETCH}"


LONG_STATEMENT = 56  # characters: a longer statement is split over lines (a column holds about 50)


def statement_lines(statement, label, row=LONG_ROW):
    """A statement's lines in its equation: one, or when it is long, a split at its first relation
    whose right-hand side goes on over lines (split_long), numbered once."""
    whole = [f"  {statement}.\\label{{{label}}}"]
    parts = at_relation(statement, "=")
    if visible_length(statement) <= LONG_STATEMENT + row - LONG_ROW or parts is None:
        return whole
    left, _, right = parts
    pieces = split_long(right.lstrip(" "), row - visible_length(left))
    if len(pieces) == 1:
        return whole
    lines = continued(left, "=", pieces)
    return ["\\begin{split}", *[line + " \\\\" for line in lines[:-1]], lines[-1] + ".",
            f"\\end{{split}}\\label{{{label}}}"]


def at_relation(statement, relations):
    """(left side, relation, the rest) at the first of `relations` (a regular expression) written
    after a space, when the left side closes every brace and \\left it opens; None otherwise."""
    parts = re.split(f" ({relations})", statement, maxsplit=1)
    if len(parts) == 3 and all(parts[0].count(a) == parts[0].count(b)
                               for a, b in (("{", "}"), ("\\left", "\\right"))):
        return tuple(parts)
    return None


def continued(left, relation, pieces):
    """align lines for `left` `relation` a right-hand side broken into `pieces`: the first beside
    the relation, the others on lines of their own after \\qquad."""
    return [f"  {left} &{relation} {pieces[0]}", *[f"  &\\qquad {piece}" for piece in pieces[1:]]]


def align_rows(rows, row=LONG_ROW):
    """align* rows; each justification is a \\tag*, which amsmath sets at the right margin or, when
    the line is too full, on a line of its own — so the proof fits any text width.  A right-hand
    side too wide even alone is split at a top-level sign."""
    lines = []
    # every right-hand side starts after the widest left-hand side, where align puts the relations
    indent = max((visible_length(step.left) for step in rows if step.relation), default=0)
    for k, step in enumerate(rows):
        end = " \\\\" if k < len(rows) - 1 else ""
        pieces = split_long(step.right, row - indent) if step.relation else [""]
        body = continued(step.left, step.relation, pieces) if step.relation else [
            f"  & {step.left}"]
        # a step's lines stay on one page (\\*): its justification is on its last line
        lines += [f"{line} \\notag \\\\*" for line in body[:-1]]
        lines.append(f"{body[-1]} \\tag*{{{justification(step.justification)}}}{end}")
    return lines


LONG_JUSTIFICATION = 40  # characters: a longer justification is set in a box of lines of its own


def justification(text):
    """A \\tag*'s text: a long one in a ragged box of at most half the line, so that it wraps
    instead of running into the margin (amsmath moves a wide tag to a line of its own, where it can
    still be wider than the line, with no Overfull warning); the whole line where one of its
    formulas, which TeX breaks only after a relation or a sign, is wider than half of it."""
    if visible_length(text) <= LONG_JUSTIFICATION:
        return text
    widest = max((visible_length(formula) for formula in re.findall(r"\$[^$]*\$", text)),
                 default=0)
    width = "\\linewidth" if widest > LONG_JUSTIFICATION else "0.5\\linewidth"
    return f"\\parbox[t]{{{width}}}{{\\raggedleft {text}}}"


def split_long(right, limit):
    """Break a right-hand side too wide for the line: at top-level signs (one line per chunk that
    fits), else inside its first bracket with \\Bigl[ … \\Bigr] or \\Bigl( … \\Bigr) (\\left and
    \\right cannot span lines): at a sign in it, else between two of its factors, the second line
    starting with \\times."""
    if visible_length(right) <= limit:
        return [right]
    cuts = _top_level_signs(right, 0, len(right))
    if cuts:
        chunks, begin = [], 0
        for k, cut in enumerate(cuts + [len(right)]):
            if visible_length(right[begin:cut]) > limit and k and cuts[k - 1] > begin:
                chunks.append(right[begin:cuts[k - 1]].strip())
                begin = cuts[k - 1]
        chunks.append(right[begin:].strip())
        if len(chunks) > 1:
            return chunks
    factors = _top_level_factors(right, 0, len(right))
    if factors:  # a product: broken between two of its factors, the second line starting with ×
        cut = min(factors, key=lambda c: abs(c - len(right) / 2))
        return [right[:cut], "\\times " + right[cut + 1:]]
    for bracket, opening, closing in (("[", "\\left[", "\\right]"), ("(", "\\left(", "\\right)")):
        # the first bracket outside every group: one inside \\frac{…}{…} cannot be broken
        # there (a line break inside a brace group is a TeX error)
        at = next((k for k, depth in _depths(right, 0, len(right))
                   if depth == 0 and right.startswith(opening, k)), None)
        if at is None:
            continue
        start = at + len(opening)
        end = _closing(right, start)
        if end is None or not right.startswith(closing, end):
            continue
        cuts, joiner = _top_level_signs(right, start, end), ""
        if not cuts:
            cuts, joiner = _top_level_factors(right, start, end), "\\times "
        if not cuts:
            continue
        cut = min(cuts, key=lambda c: abs(c - (start + end) / 2))
        shut = {"[": "]", "(": ")"}[bracket]
        return [right[:at] + "\\Bigl" + bracket + right[start:cut],
                joiner + right[cut + 1:end] + "\\Bigr" + shut + right[end + len(closing):]]
    # a product under a \sum or \prod: its body bracketed, so that the line starting with ×
    # reads inside the binder, not as a factor of the whole sum
    body = _binder_body(right)
    cuts = _top_level_factors(right, body, len(right)) if body is not None else []
    if cuts:
        cut = min(cuts, key=lambda c: abs(c - (body + len(right)) / 2))
        return [right[:body] + "\\Bigl[" + right[body:cut],
                "\\times " + right[cut + 1:] + "\\Bigr]"]
    return [right]


def _binder_body(text):
    """Where the body of the first \\sum or \\prod outside every group begins (after its limits),
    or None."""
    for k, depth in _depths(text, 0, len(text)):
        if depth == 0 and text.startswith(("\\sum", "\\prod"), k):
            at = k + (4 if text.startswith("\\sum", k) else 5)
            while at < len(text) and text[at] in "_^":  # the limits _{…}^{…}
                shut = _closing(text, at + 2) if text[at + 1] == "{" else at + 1
                if shut is None:
                    return None
                at = shut + 1
            while at < len(text) and text[at] == " ":
                at += 1
            return at if at < len(text) else None
    return None


def _top_level_factors(text, start, end):
    """Positions of the spaces between two bracketed factors, ')^{…} \\left(', between start and end
    outside every brace and \\left…\\right group, and before any \\sum or \\prod there: what
    follows one is its summand, which a line break would read as a factor of the whole sum."""
    cuts = []
    for k, depth in _depths(text, start, end):
        if depth == 0 and text.startswith(("\\sum", "\\prod"), k):
            break
        if depth == 0 and k - 1 > start and text.startswith(" \\left(", k - 1):
            cuts.append(k - 1)
    return cuts


def _opens(text, k):
    return text.startswith("\\left", k) or text[k] == "{"


def _closes(text, k):
    return text.startswith("\\right", k) or text[k] == "}"


def _depths(text, start, end):
    """(k, how many brace and \\left…\\right groups are open before k) for k from start to end."""
    depth = 0
    for k in range(start, end):
        yield k, depth
        if _opens(text, k):
            depth += 1
        elif _closes(text, k):
            depth -= 1


def _closing(text, start):
    """Index of the \\right that closes the group opened just before `start` (None if
    unbalanced)."""
    return next((k for k, depth in _depths(text, start, len(text))
                 if depth == 0 and _closes(text, k)), None)


def _top_level_signs(text, start, end):
    """Positions of ' + ' and ' - ' between start and end outside every brace and \\left…\\right
    group."""
    return [k for k, depth in _depths(text, start, end)
            if depth == 0 and k > start and text.startswith((" + ", " - "), k)]


_COMMAND_WIDTH = {"log": 3, "ln": 2, "exp": 3, "sum": 2, "prod": 2, "cdot": 2, "mapsto": 2,
                  "geq": 2, "in": 2, "left": 0, "right": 0, "text": 0, "mathrm": 0, "mathcal": 0,
                  "mathbf": 0, "operatorname": 0, "hspace": 0, "Bigl": 0, "Bigr": 0, "qquad": 4,
                  "quad": 2}


def visible_length(latex):
    """A rough width of a LaTeX snippet in characters: font and sizing commands take no room,
    operators take their glyph and spacing, and sub- and superscripts count at 60 %."""
    text = re.sub(r"\\hspace\{[^}]*\}", "", latex)
    text = re.sub(r"\\ref\{[^}]*\}", "1", text)
    scripts = sum(len(m) for m in re.findall(r"[_^]\{([^{}]*)\}", text))
    width = sum(_COMMAND_WIDTH.get(name, 1) for name in re.findall(r"\\([A-Za-z]+)", text))
    text = re.sub(r"\\[A-Za-z]+\*?", "", text)
    width += 2 * len(re.findall(r"[-+=<>]", text))
    text = re.sub(r"[{}^_$&\\ ]", "", text)
    return width + len(text) - int(0.4 * scripts)


def render_document(proof, options=None):
    options = options or RenderOptions()
    # the title and lemma names may be a user's (a Derivation's): text, escaped
    title = latex_text("title", options.title or proof.title)
    return "\n".join([
        "\\documentclass[11pt]{article}",
        "\\usepackage[margin=2.5cm]{geometry}",
        preamble(options).rstrip("\n"),
        f"\\title{{{title}}}",
        "\\author{Generated and checked by \\texttt{proofs}}",
        "\\date{}",
        "\\begin{document}",
        "\\maketitle",
        render_fragment(proof, options, DOCUMENT_ROW).rstrip("\n"),
        "\\end{document}",
        "",
    ])
