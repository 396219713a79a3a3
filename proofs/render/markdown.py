"""Markdown with MathJax/KaTeX math (``$…$`` and ``$$\\begin{aligned}…\\end{aligned}$$``) for
notebooks, GitHub and Quarto.  Only constructs both MathJax and KaTeX support: no labels, no
references, no theorem environments."""

import re

from .layout import (cited, count_checks, definitions, factors_lead, for_every, hypotheses,
                     kernel_theorems, layout, setting_sentence, value_sentence, writer_for)
from .options import RenderOptions

KINDS = {"lemma": "Lemma", "theorem": "Theorem"}


def render_markdown(proof, options=None):
    options = options or RenderOptions()
    writer = writer_for(proof, "latex", options.notation)
    theta = writer.names["theta"]
    reference = lambda label, number: f"{cited(proof, label)} {number}"  # noqa: E731
    out = [f"## {words(proof.title)}", ""]
    sentence = setting_sentence(proof, writer, lambda formula: f"${formula}$")
    if sentence:  # "Let …, and define" before the definitions, as the LaTeX page reads
        out += ["**Setting.** " + sentence + ("" if sentence.endswith(".") else ":"), ""]
    out += aligned([f"{name} &= {body}" for name, body in definitions(proof, writer)])
    detail = options.detail_for("markdown")
    for block in layout(proof, writer, reference, detail, lambda formula: f"${formula}$"):
        head = f"{KINDS[block.kind]} {block.number}"
        claim = ((for_every(block, f"${theta}$", lambda formula: f"${formula}$") + ": "
                  if block.universal else "")
                 + f"${block.statement}$")
        if block.factors:  # "For every θ and i = 1, …, n, f_i > 0, and so L(θ) > 0"
            claim = factors_lead(block, f"${theta}$" if block.universal else None,
                                 lambda formula: f"${formula}$") + f" ${block.statement}$"
        if block.kind == "theorem":  # the main result states its hypotheses
            lead = hypotheses(proof, writer, lambda formula: f"${formula}$", block)
            claim = (f"{lead} " if lead else "") + claim[0].lower() + claim[1:]
        out += ["", f"**{head} ({words(block.name)}).** {claim}.", "", "*Proof.*", ""]
        rows = [f"{row.left} &{row.relation} {row.right} && \\text{{{row.justification}}}"
                if row.relation else f"& {row.left} && \\text{{{row.justification}}}"
                for row in block.rows]
        out += [block.summary] if block.summary else aligned(rows)
        if block.remark:
            out += ["", block.remark]
        if block.kind == "theorem" and proof.corollaries:
            out += ["", value_sentence(proof, writer, reference, lambda formula: f"${formula}$")]
    out += ["", f"*Checked by the proofs kernel: {kernel_theorems(count_checks(proof))}.*", ""]
    return "\n".join(out)


def words(text):
    """A user's words (a title, a lemma's name) as Markdown shows them: its marks escaped, so that
    $…$ is no mathematics (a claim never checked) and * or _ no emphasis."""
    return re.sub(r"([\\`*_{}\[\]<>#|$])", r"\\\1", text)


def aligned(rows):
    if not rows:  # no definitions: no empty block
        return []
    return ["$$", "\\begin{aligned}"] + [row + (" \\\\" if k < len(rows) - 1 else "") for k, row in
                                           enumerate(rows)] + ["\\end{aligned}", "$$"]


def render_latex_repr(proof, options=None):
    """For Jupyter's ``_repr_latex_``: the main chain as one MathJax block."""
    options = options or RenderOptions()
    writer = writer_for(proof, "latex", options.notation)
    main = [b for b in layout(proof, writer, lambda label, number: f"Lemma {number}")
            if b.kind == "theorem"][0]
    return "$$\\begin{aligned}" + " \\\\ ".join(
        f"{row.left} &{row.relation} {row.right} && \\text{{{row.justification}}}"
        for row in main.rows) + \
        "\\end{aligned}$$"
