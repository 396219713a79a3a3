"""Plain text for the terminal: the proof line by line, justifications aligned on the right."""

from .layout import (cited, count_checks, definitions, factors_lead, hypotheses, kernel_theorems,
                     layout, setting_items, setting_tail, value_sentence, writer_for)
from .options import RenderOptions

KINDS = {"lemma": "Lemma", "theorem": "Theorem"}


def rows_text(rows):
    """The lines of a proof, relations aligned and justifications in a column on the right."""
    left_width = max(len(row.left) for row in rows)
    lines = [f"  {row.left.rjust(left_width)} {row.relation} {row.right}" if row.relation
             else f"  {row.left}" for row in rows]
    width = max(len(line) for line in lines)
    return [f"{line.ljust(width)}   [{row.justification}]" for line, row in zip(lines, rows)]


def render_text(proof, options=None):
    options = options or RenderOptions()
    writer = writer_for(proof, "text", options.notation)
    out = [proof.title, "=" * len(proof.title), ""]
    items = setting_items(proof, writer)
    tail = setting_tail(proof, writer, lambda formula: formula)
    if items:
        out.append("Setting: " + ", ".join(items) + ("," + tail if tail else "") + ".")
    defs = definitions(proof, writer)
    if defs:
        out.append("Definitions:")
        width = max(len(name) for name, _ in defs)
        out += [f"  {name.ljust(width)} = {body}" for name, body in defs]
    reference = lambda label, number: f"{cited(proof, label)} {number}"  # noqa: E731
    for block in layout(proof, writer, reference, options.detail_for("text")):
        head = f"{KINDS[block.kind]} {block.number}"
        lead = ""
        if block.kind == "theorem":
            lead = hypotheses(proof, writer, lambda formula: formula, block)
        if block.factors:  # "For i = 1, …, n, f_i > 0, and so L(θ) > 0"
            lead = factors_lead(block, None, lambda formula: formula)
        out += ["", f"{head} ({block.name}). " + (f"{lead} " if lead else "") + block.statement,
                "Proof."]
        out += [f"  {block.summary}"] if block.summary else rows_text(block.rows)
        if block.remark:
            out += ["", block.remark]
        if block.kind == "theorem" and proof.corollaries:
            out.append(value_sentence(proof, writer, reference, lambda formula: formula))
    checks = kernel_theorems(count_checks(proof))
    out += ["", f"Checked by the proofs kernel: {checks}, every step above among them.", ""]
    return "\n".join(out)
