"""Assertion helpers for users' own test suites (pytest, unittest, plain asserts).

Each helper raises ``AssertionError`` with a readable explanation: the rule and side condition that
failed, or a concrete counterexample shown as data and as the two values compared.

>>> import numpy as np
>>> from proofs.testing import assert_loss_matches
>>> def bce(y, p):
...     y, p = np.asarray(y, float), np.asarray(p, float)
...     return -np.mean(y * np.log(p) + (1 - y) * np.log1p(-p))
>>> assert_loss_matches(bce, max_examples=50)

`assert_loss_matches` checks the losses of every library model (Bernoulli and categorical from
probabilities or logits, Gaussian, Poisson, Laplace, …) in numpy, PyTorch or JAX, with gradients and
low-precision dtypes; it needs hypothesis and numpy (``pip install proofs[test]``).
"""

import random
import warnings

import sympy as sp
from sympy.core.function import AppliedUndef

from . import numeric

__all__ = ["assert_equal", "assert_same_optimizers", "assert_loss_matches",
           "assert_loss_matches_on", "assert_numerically_equal", "DEFAULT_MAX_EXAMPLES"]
_LOSSES = ("DEFAULT_MAX_EXAMPLES", "assert_loss_matches", "assert_loss_matches_on")


def __getattr__(name):
    """The loss helpers, imported when first asked for: `proofs.check` reads this package's
    `semantics` to refute a claim, and the command line should not load the frameworks' checks."""
    if name in _LOSSES:
        from . import losses
        return getattr(losses, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LOSSES))


def assert_equal(lhs, rhs, where=None):
    """Assert that the engine proves ``lhs = rhs``; return the Theorem.  On failure the message
    names the failed rule and side condition, and shows a numeric counterexample when one is
    found."""
    from .. import check
    from ..errors import Disproved, ProofError
    lhs, rhs = _expression(lhs), _expression(rhs)
    if lhs == rhs:  # sympy evaluated the claim away before it came here: exp(log(x)) is x
        warnings.warn(f"assert_equal: both sides are the same expression {lhs}, so nothing is "
                      "tested; sympy rewrites some expressions as they are built (exp(log(x)) is "
                      "x): build the side with evaluate=False to test the rewriting", stacklevel=2)
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
    """Assert that arg-senses[0] f = arg-senses[1] g as sets (see
    `proofs.check.same_optimizers`)."""
    from .. import check
    from ..errors import ProofError
    try:
        return check.same_optimizers(f, g, over, where=where, senses=senses)
    except ProofError as error:
        raise AssertionError(f"proofs could not prove arg{senses[0]} {f} = arg{senses[1]} {g}: "
                             f"{error}") from None


def assert_numerically_equal(theorem_or_equality, samples=100, where=None, seed=0, rtol=1e-9,
                             atol=1e-12):
    """An independent numeric witness for a symbolic equality: evaluate both sides at `samples`
    random admissible points and compare.

    Accepts a `Theorem` of an equality, a ``sympy.Eq`` or a pair ``(lhs, rhs)``.  Ranges come from
    `where` or the theorem's context; a symbol with none ranges over what its sympy assumptions say
    (integer, positive, …).  Points come now and then within 10⁻² to 10⁻¹² of a finite end,
    2 to 1000 beyond an unbounded one, and integers up to 1000 from zero; an integer symbol that
    bounds a sum or product is a size from 1 to 8, and now and then from 9 to 16; every entry of a
    family (``p[i]``, ``X[i, j]``) gets a value from the family's range, or any real.  Values are
    real: a log, root or inverse function with no real value makes its side undefined there.  Both
    sides must be defined at one sampled point at least: a check that compared nothing fails."""
    if isinstance(samples, sp.Basic):  # assert_numerically_equal(lhs, rhs), as assert_equal reads
        raise TypeError("assert_numerically_equal takes one equality: a pair, "
                        "assert_numerically_equal((lhs, rhs)), a sympy.Eq or a theorem")
    _check_sampling(samples, rtol, atol)
    lhs, rhs, where = _sides(theorem_or_equality, where)
    unknown = sorted({str(call.func) for side in (lhs, rhs) for call in side.atoms(AppliedUndef)})
    if unknown:
        raise ValueError(f"{', '.join(unknown)} is a function with no definition, which has no "
                         "value: write it out, or prove the equality with assert_equal")
    rng = random.Random(seed)
    labels = {node.base.label for side in (lhs, rhs) for node in sp.preorder_traversal(side)
              if isinstance(node, sp.Indexed)}
    symbols = [s for s in lhs.free_symbols | rhs.free_symbols
               if isinstance(s, sp.Symbol) and s not in labels and s not in where]
    sizes = sorted((s for s in symbols if s.is_integer and _bounds_a_sum(s, (lhs, rhs))), key=str)
    free = sorted((s for s in symbols if s not in sizes), key=str)
    families, scalars = {}, {}
    for key, real_set in where.items():
        if isinstance(key, sp.IndexedBase) or key in labels:
            families[getattr(key, "label", key)] = real_set
        else:
            scalars[key] = real_set
    # the integers a side's sums and entries are written out with (their bounds, the entries'
    # indices): put in first, the rest after, so that √a·√b in a sum is still seen at a, b < 0
    indexing = {s for side in (lhs, rhs) for node in sp.preorder_traversal(side)
                for part in (node.limits if isinstance(node, (sp.Sum, sp.Product)) else
                             [node.indices] if isinstance(node, sp.Indexed) else [])
                for value in part for s in sp.sympify(value).free_symbols
                if isinstance(s, sp.Symbol) and s not in labels}
    # a size `where` gives a set of integers to is drawn as the others are, within that set
    counted = {s: real_set for s, real_set in scalars.items() if real_set in (
        sp.S.Naturals, sp.S.Naturals0, sp.S.Integers) and _bounds_a_sum(s, (lhs, rhs))}
    compared = 0
    for _ in range(samples):
        point = {symbol: numeric.sample(real_set, rng, thorough=True)
                 for symbol, real_set in scalars.items() if symbol not in counted}
        # mostly small sizes, and now and then one past 8: Σ_{i=1}^{n} C(i, 9) is 0 up to n = 8
        point.update({symbol: _size(rng, counted.get(symbol, sp.S.Naturals))
                      for symbol in sizes + sorted(counted, key=str)})
        point.update({s: numeric.sample(numeric.assumed_range(s), rng, thorough=True)
                      for s in free})
        left, right = (_with_entries(side, point, families, rng, indexing)
                       for side in (lhs, rhs))
        if numeric.differ(left, right, rtol, atol):
            raise AssertionError(f"{lhs} = {rhs} fails numerically at {_show(point)}: left side "
                                 f"{_show_value(left)}, right side {_show_value(right)}")
        compared += left is not numeric.UNDEFINED
    if not compared:
        raise AssertionError(f"{lhs} = {rhs}: neither side is defined at any of the {samples} "
                             "points sampled, so nothing was compared; give the symbols ranges "
                             "where both sides are defined (where={...})")


def _size(rng, counts):
    """A sum's size: mostly 1 to 8 (0 too for ℕ₀, down to −8 for ℤ: empty and reversed
    sums), now and then 9 to 16."""
    low = {sp.S.Naturals0: 0, sp.S.Integers: -8}.get(counts, 1)
    return sp.Integer(rng.randint(low, 8) if rng.random() < 0.85 else rng.randint(9, 16))


def _check_sampling(samples, rtol, atol):
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
        raise ValueError(f"samples must be a whole number of at least 1, not {samples!r}")
    for name, tolerance in (("rtol", rtol), ("atol", atol)):
        number = isinstance(tolerance, (int, float)) and not isinstance(tolerance, bool)
        if not number or not 0 <= tolerance < 1:
            raise ValueError(f"{name} must be a number from 0 up to (not including) 1, "
                             f"not {tolerance!r}")


def _bounds_a_sum(symbol, sides):
    return any(symbol in bound.free_symbols
               for side in sides for node in sp.preorder_traversal(side)
               if isinstance(node, (sp.Sum, sp.Product))
               for limit in node.limits for bound in limit[1:])


def _with_entries(side, point, families, rng, indexing=()):
    """The value of `side` at `point`, its sums written out first (with the point's values of the
    `indexing` symbols only, so that the rest is evaluated over ℝ, part by part); each entry they
    bring (p[3], X[1, 2]) not in the point gets a value from its family's range (any real without
    one), shared by both sides."""
    written = side.xreplace({s: v for s, v in point.items() if s in indexing}).doit()
    for entry in sorted(written.atoms(sp.Indexed), key=str):
        if entry not in point:
            point[entry] = numeric.sample(families.get(entry.base.label, sp.S.Reals), rng,
                                           thorough=True)
    return numeric.value(written, point)


def _sides(value, where):
    from ..kernel import Equal, Theorem
    if isinstance(value, Theorem):
        if not isinstance(value.statement, Equal):
            raise TypeError(f"assert_numerically_equal needs an equality, got {value.statement}")
        context = {k: s for k, s in value.context.entries}
        merged = {**{(sp.IndexedBase(k) if _is_family(k, value.statement) else k): s
                     for k, s in context.items()},
                  **dict(where or {})}
        return value.statement.lhs, value.statement.rhs, merged
    if isinstance(value, sp.Equality):
        return value.lhs, value.rhs, dict(where or {})
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        shown = f"{len(value)} values" if isinstance(value, (tuple, list)) else type(value).__name__
        raise TypeError("assert_numerically_equal takes a Theorem of an equality, a sympy.Eq or a "
                        f"pair (lhs, rhs), not {shown}")
    lhs, rhs = (_expression(side) for side in value)
    return lhs, rhs, dict(where or {})


def _expression(side):
    try:
        return sp.sympify(side, strict=True)
    except sp.SympifyError:
        raise TypeError(f"a side must be a sympy expression or a number, not {side!r}") from None


def _is_family(key, statement):
    return any(isinstance(node, sp.Indexed) and node.base.label == key
               for side in (statement.lhs, statement.rhs) for node in sp.preorder_traversal(side))


def _show(point):
    return "{" + ", ".join(f"{k} = {v}"
                           for k, v in sorted(point.items(), key=lambda kv: str(kv[0]))) + "}"


def _show_value(value):
    return "undefined" if value is numeric.UNDEFINED else (
        f"{value.real:.12g}" if abs(value.imag) < 1e-15 else f"{value:.12g}")
