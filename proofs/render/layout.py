"""The style-independent layout of a proof: numbered sections, rows of (left, relation, right, justification).

Imports sympy, the kernel's judgements and the notation writer.  Text, LaTeX and Markdown all render this one
layout, so the three outputs cannot drift apart.
"""

import re
from dataclasses import dataclass

import sympy as sp

from ..kernel import StrictlyIncreasing
from .notation import Writer

LATEX_TO_TEXT = [(r"\frac{1}{n}", "1/n"), (r"\mathrm{CE}", "CE"), (r"\log", "log"), (r"\infty", "∞"),
                 (r"\cdot", "·"), (r"\geq", "≥"), ("~", " ")]


@dataclass
class Row:
    left: str
    relation: str
    right: str
    justification: str


@dataclass
class Block:
    kind: str          # "lemma" / "theorem"
    number: int
    name: str
    label: str
    statement: str
    rows: list
    remark: str = ""
    universal: bool = True   # the statement holds "for every θ" (not so for a fact about log alone)


def plain(text):
    """A LaTeX justification as plain text: known macros spelled out, $ dropped."""
    for macro, replacement in LATEX_TO_TEXT:
        text = text.replace(macro, replacement)
    return text.replace("$", "").replace("{", "").replace("}", "")


def layout(proof, writer, reference):
    """Blocks for every section.  `reference(label, number)` writes a cross-reference in the target style."""
    numbers = {}
    for section in proof.sections:
        if section.kind == "lemma":
            numbers[section.label] = len(numbers) + 1

    def justify(text):
        text = re.sub(r"\{([a-z-]+)\}", lambda m: reference(m.group(1), numbers.get(m.group(1), 0))
                      if m.group(1) in numbers else m.group(0), text)
        return text if writer.style == "latex" else plain(text)

    blocks = []
    for section in proof.sections:
        rows = []
        if section.start is not None:
            left = side(writer, section.start)
            for step in section.steps:
                rows.append(Row(left, "=", side(writer, step.rhs), justify(step.justification)))
                left = ""
        else:
            for step in section.steps:
                rows.append(Row(writer.statement(step.statement), "", "", justify(step.justification)))
        number = numbers.get(section.label, 1)
        blocks.append(Block(section.kind, number, section.name, section.label,
                            writer.statement(section.statement.statement), rows, section.remark,
                            universal=not isinstance(section.statement.statement, StrictlyIncreasing)))
    return blocks


def side(writer, value):
    """One side of a chain: an expression, or (sense, objective) for a set of optimizers."""
    if isinstance(value, tuple):
        return writer.argopt(*value)
    return writer(value)


def setting_items(proof, writer):
    return [writer(expr) + writer.t["in"] + writer.real_set(real_set) for expr, real_set in proof.setting]


def definitions(proof, writer):
    return [(writer(constant), writer(constant.body)) for constant in proof.definitions]


def value_link(proof, writer):
    """The optimal-value corollary, written out: L(θ) = exp(−c·CE(θ)) and max L = exp(−c·min CE)."""
    link = proof.corollaries[0].statement
    scale = proof.symbols["scale"]
    minimum = "\\min_{\\theta}" if writer.style == "latex" else "min_θ "
    maximum = "\\max_{\\theta}" if writer.style == "latex" else "max_θ "
    ce = writer.names["CE"]
    factor = "" if scale == 1 else writer(scale) + (" \\cdot " if writer.style == "latex" else "·")
    exp = "\\exp" if writer.style == "latex" else "exp"
    return (f"{writer(link.lhs)} = {writer(link.rhs)}",
            f"{maximum} {writer.names['L']} = {exp}(-{factor}{minimum} {ce})".replace("  ", " "))


def count_checks(proof):
    """How many kernel theorems the final theorem rests on (its proof tree, shared nodes counted once)."""
    seen, stack = set(), [proof.theorem, *proof.corollaries]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(node.premises)
    return len(seen)


__all__ = ["Row", "Block", "layout", "side", "setting_items", "definitions", "value_link", "count_checks", "plain",
           "sp"]
