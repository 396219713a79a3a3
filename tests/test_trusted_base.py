"""The trusted base is written down: docs/soundness.rst lists exactly what the kernel uses from
sympy.

The kernel's sympy names (``sp.X``, ``sp.S.X`` counts as ``sympy.S``), its ``from sympy… import``
names and the sympy methods it calls on terms must each appear in the list, and every entry of the
list must be used."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERNEL = sorted((ROOT / "proofs" / "kernel").glob("*.py"))

# methods the kernel calls that are not sympy's: Python's own and the kernel's own classes
NOT_SYMPY = {
    "add",
    "bit_length",  # Python's int, in the kernel's exact rational bounds (enclosure.py)
    "lcm",  # Python's math.lcm, the order of a base's one root in ring
    "prod",  # Python's math.prod, the terms of an iterated sum (corrections.py)
    "append",
    "extend",
    "fromkeys",
    "get",
    "items",
    "join",
    "setdefault",
    "union",
    "update",
    "values",
    "lru_cache",
    "WeakValueDictionary",
    "__init__",
    "__new__",
    "__setattr__",
    "_identity",
    "_side",
    "as_set",
    "includes",
    "is_negative",
    "is_positive",
    "lookup",
    "mentioned",
    "merged",
    "negated",
    "within",
    "without",
    "open",
    "func",
    "seal",
}


def documented():
    text = (ROOT / "docs" / "soundness.rst").read_text()
    section = text.split(".. trusted-sympy-begin")[1].split(".. trusted-sympy-end")[0]
    # sympy.X, or Class.method for a method called on terms
    return set(re.findall(r"``(sympy\.[\w.]+|[A-Z]\w*\.\w+)``", section))


def used():
    names = set()
    for path in KERNEL:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "sp"
            ):
                names.add(f"sympy.{node.attr}")
            elif (
                isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sympy")
            ):
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if (
                    not (isinstance(owner, ast.Name) and owner.id == "sp")
                    and node.func.attr not in NOT_SYMPY
                ):
                    names.add(node.func.attr)
    return names


def as_used(entry):
    """A documented entry in the form `used` reports: sympy.X stays, Class.method becomes method."""
    return entry if entry.startswith("sympy.") else entry.split(".")[-1]


def test_every_sympy_use_of_the_kernel_is_documented_and_every_entry_is_used():
    listed = {as_used(entry) for entry in documented()}
    assert used() - listed == set(), "the kernel uses sympy beyond docs/soundness.rst"
    assert listed - used() == set(), "docs/soundness.rst lists sympy the kernel no longer uses"


def test_the_check_reads_the_kernel():
    # a use the list lacks is noticed: the check is not vacuous
    assert {"sympy.expand", "sympy.cancel", "sympy.diff", "as_independent"} <= used()
