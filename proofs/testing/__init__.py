"""Assertion helpers for users' own test suites (pytest, unittest, plain asserts).

Each helper raises ``AssertionError`` with a readable explanation: the rule and side condition that failed, or a
concrete counterexample shown as data and as the two values compared.

>>> import numpy as np
>>> from proofs.testing import assert_loss_matches
>>> def bce(y, p):
...     y, p = np.asarray(y, float), np.asarray(p, float)
...     return -np.mean(y * np.log(p) + (1 - y) * np.log1p(-p))
>>> assert_loss_matches(bce, max_examples=50)

`assert_loss_matches` checks the losses of every library model (Bernoulli and categorical from probabilities
or logits, Gaussian, Poisson, Laplace, …) in numpy, PyTorch or JAX, with gradients and low-precision dtypes;
it needs hypothesis and numpy (``pip install proofs[test]``).
"""

import random

import sympy as sp

from . import numeric
from .losses import DEFAULT_MAX_EXAMPLES, assert_loss_matches, assert_loss_matches_on

__all__ = ["assert_equal", "assert_same_optimizers", "assert_loss_matches", "assert_loss_matches_on",
           "assert_numerically_equal", "DEFAULT_MAX_EXAMPLES"]


def assert_equal(lhs, rhs, where=None):
    """Assert that the engine proves ``lhs = rhs``; return the Theorem.  On failure the message names the failed
    rule and side condition, and shows a numeric counterexample when one is found."""
    from .. import check
    from ..errors import Disproved, ProofError
    try:
        return check.equal(lhs, rhs, where=where)
    except ProofError as error:
        message = f"proofs could not prove {lhs} = {rhs}: {error}"
        if isinstance(error, Disproved):  # the counterexample is in the message
            raise AssertionError(message) from None
        witness = numeric.counterexample_to_equality(lhs, rhs, dict(where or {}), seed=0)
        if witness is not None:
            message += (f"\ncounterexample: at {_show(witness)} the left side is "
                        f"{_show_value(numeric.value(lhs, witness))} and the right side is "
                        f"{_show_value(numeric.value(rhs, witness))}")
        raise AssertionError(message) from None


def assert_same_optimizers(f, g, over, where=None, senses=("max", "min")):
    """Assert that arg-senses[0] f = arg-senses[1] g as sets (see `proofs.check.same_optimizers`)."""
    from .. import check
    from ..errors import ProofError
    try:
        return check.same_optimizers(f, g, over, where=where, senses=senses)
    except ProofError as error:
        raise AssertionError(f"proofs could not prove arg{senses[0]} {f} = arg{senses[1]} {g}: {error}") from None


def assert_numerically_equal(theorem_or_equality, samples=100, where=None, seed=0, rtol=1e-9, atol=1e-12):
    """An independent numeric witness for a symbolic equality: evaluate both sides at `samples` random admissible
    points (ranges from `where` or the theorem's context; sums get sizes 1..4) and compare.

    Accepts a `Theorem` of an equality, a ``sympy.Eq`` or a pair ``(lhs, rhs)``."""
    lhs, rhs, where = _sides(theorem_or_equality, where)
    rng = random.Random(seed)
    fixed_symbols = sorted((s for s in (lhs - rhs).free_symbols if s not in where and isinstance(s, sp.Symbol)
                            and s.is_integer), key=str)  # sizes of sums: 1..4
    labels = {node.base.label for side in (lhs, rhs) for node in sp.preorder_traversal(side)
              if isinstance(node, sp.Indexed)}
    free = sorted((s for s in (lhs - rhs).free_symbols if isinstance(s, sp.Symbol) and s not in labels), key=str)
    for point in numeric.points(where, rng, samples):
        for symbol in fixed_symbols:
            point.setdefault(symbol, sp.Integer(rng.randint(1, 4)))
        for symbol in free:  # unconstrained reals: a rational in [-3, 3]
            point.setdefault(symbol, sp.Rational(rng.randint(-300, 300), 100))
        left, right = numeric.value(lhs, point), numeric.value(rhs, point)
        if numeric.differ(left, right, rtol, atol):
            raise AssertionError(f"{lhs} = {rhs} fails numerically at {_show(point)}: left side "
                                 f"{_show_value(left)}, right side {_show_value(right)}")


def _sides(value, where):
    from ..kernel import Equal, Theorem
    if isinstance(value, Theorem):
        if not isinstance(value.statement, Equal):
            raise TypeError(f"assert_numerically_equal needs an equality, got {value.statement}")
        context = {k: s for k, s in value.context.entries}
        merged = {**{(sp.IndexedBase(k) if _is_family(k, value.statement) else k): s for k, s in context.items()},
                  **dict(where or {})}
        return value.statement.lhs, value.statement.rhs, merged
    if isinstance(value, sp.Equality):
        return value.lhs, value.rhs, dict(where or {})
    lhs, rhs = value
    return sp.sympify(lhs), sp.sympify(rhs), dict(where or {})


def _is_family(key, statement):
    return any(isinstance(node, sp.Indexed) and node.base.label == key
               for side in (statement.lhs, statement.rhs) for node in sp.preorder_traversal(side))


def _show(point):
    return "{" + ", ".join(f"{k} = {v}" for k, v in sorted(point.items(), key=lambda kv: str(kv[0]))) + "}"


def _show_value(value):
    return "undefined" if value is numeric.UNDEFINED else (f"{value.real:.12g}" if abs(value.imag) < 1e-15 else
                                                          f"{value:.12g}")
