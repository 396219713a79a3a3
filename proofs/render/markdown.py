"""Markdown with MathJax/KaTeX math (``$…$`` and ``$$\\begin{aligned}…\\end{aligned}$$``) for notebooks,
GitHub and Quarto."""

from .layout import count_checks, definitions, layout, setting_items, value_link
from .notation import Writer

KINDS = {"lemma": "Lemma", "theorem": "Theorem"}


def render_markdown(proof):
    writer = Writer("latex")
    reference = lambda label, number: f"Lemma {number}"  # noqa: E731
    out = [f"## {proof.title}", "",
           "**Setting.** " + ", ".join(f"${item}$" for item in setting_items(proof, writer))
           + " for $i = 1, \\dots, n$ and every parameter $\\theta$.", "", "$$", "\\begin{aligned}"]
    defs = definitions(proof, writer)
    out += [f"{name} &= {body}" + (" \\\\" if k < len(defs) - 1 else "") for k, (name, body) in enumerate(defs)]
    out += ["\\end{aligned}", "$$"]
    for block in layout(proof, writer, reference):
        head = f"{KINDS[block.kind]} {block.number}" if block.kind == "lemma" else KINDS[block.kind]
        claim = ("For every $\\theta$: " if block.universal else "") + f"${block.statement}$"
        out += ["", f"**{head} ({block.name}).** {claim}.", "",
                "*Proof.*", "", "$$", "\\begin{aligned}"]
        for k, row in enumerate(block.rows):
            end = " \\\\" if k < len(block.rows) - 1 else ""
            if row.relation:
                out.append(f"{row.left} &{row.relation} {row.right} && \\text{{{row.justification}}}{end}")
            else:
                out.append(f"& {row.left} && \\text{{{row.justification}}}{end}")
        out += ["\\end{aligned}", "$$"]
        if block.remark == "optimal-values":
            pointwise, values = value_link(proof, writer)
            out += ["", f"Moreover ${pointwise}$ for every $\\theta$, so at every common optimizer ${values}$."]
    out += ["", f"*Checked by the proofs kernel: {count_checks(proof)} kernel theorems.*", ""]
    return "\n".join(out)
