"""Assertion helpers for users' own test suites (pytest, unittest, plain asserts).

Each helper raises ``AssertionError`` with a readable explanation: the rule and side condition that failed, or a
concrete counterexample shown as data and as the two values compared.

>>> import numpy as np
>>> from proofs.testing import assert_loss_matches
>>> def bce(y, p):
...     y, p = np.asarray(y, float), np.asarray(p, float)
...     return -np.mean(y * np.log(p) + (1 - y) * np.log1p(-p))
>>> assert_loss_matches(bce, max_examples=50)

`assert_loss_matches` needs hypothesis (``pip install proofs[test]``); numpy is used when installed.
"""

import random

import sympy as sp

from . import numeric

__all__ = ["assert_equal", "assert_same_optimizers", "assert_loss_matches", "assert_loss_matches_on",
           "assert_numerically_equal", "DEFAULT_MAX_EXAMPLES"]

DEFAULT_MAX_EXAMPLES = 500
SIGNATURES = ("y, p", "p, y")


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


def assert_loss_matches(loss_fn, model="bernoulli", reduction="mean", rtol=1e-6, atol=1e-9, max_examples=None,
                        signature="y, p", array_type=None):
    """Assert that ``loss_fn(y, p)`` is the proven cross-entropy of `model`, on data drawn by hypothesis.

    Arguments are passed as ``loss_fn(y, p)`` — labels first — unless ``signature="p, y"``.  Data come as numpy
    float arrays when numpy is installed (``array_type="list"`` passes lists).  The loss may return a scalar (the
    `reduction` of the per-sample losses: "mean" or "sum") or an array of per-sample losses.  Edge cases are
    always tried: n = 1, all labels 0, all labels 1, probabilities within 1e-12 of 0 and of 1.  A mismatch fails
    with hypothesis' shrunk counterexample: the data and both values.
    """
    from hypothesis import example, given, settings
    from hypothesis import HealthCheck
    from .strategies import bernoulli_datasets
    _check_options(model, reduction, signature)
    examples = max_examples if max_examples is not None else _configured_max_examples()
    edge = 1e-12

    @settings(max_examples=examples, deadline=None, derandomize=False, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(bernoulli_datasets())
    @example(([1], [0.5]))
    @example(([0, 0, 0], [0.2, edge, 1 - edge]))
    @example(([1, 1, 1], [0.7, edge, 1 - edge]))
    @example(([0, 1], [edge, 1 - edge]))
    @example(([1, 0], [edge, 1 - edge]))
    def matches(data):
        assert_loss_matches_on(loss_fn, *data, reduction=reduction, rtol=rtol, atol=atol, signature=signature,
                               array_type=array_type)

    matches()


def assert_loss_matches_on(loss_fn, y, p, reduction="mean", rtol=1e-6, atol=1e-9, signature="y, p", array_type=None,
                           model="bernoulli"):
    """Compare ``loss_fn`` with the proven cross-entropy on one given data set (any size, e.g. n = 10⁶)."""
    _check_options(model, reduction, signature)
    np = numeric.numpy_or_none()
    kind = array_type or ("numpy" if np is not None else "list")
    if kind == "numpy" and np is not None:
        y_in, p_in = np.asarray(y, dtype=np.float64), np.asarray(p, dtype=np.float64)
    else:
        y_in, p_in = list(y), list(p)
    args = (y_in, p_in) if signature == "y, p" else (p_in, y_in)
    got = loss_fn(*args)
    got = _to_float_or_list(got)
    if isinstance(got, list):
        expected = numeric.binary_cross_entropy(y, p, per_sample=True)
        expected = [float(v) for v in expected]
        if len(got) != len(expected):
            raise AssertionError(f"loss_fn returned {len(got)} values for {len(expected)} samples")
        for k, (g, e) in enumerate(zip(got, expected)):
            if not _close(g, e, rtol, atol):
                raise AssertionError(_mismatch(y, p, f"per-sample loss {k}", g, e, reduction, signature))
        return
    expected = numeric.binary_cross_entropy(y, p, reduction=reduction)
    if not _close(got, expected, rtol, atol):
        raise AssertionError(_mismatch(y, p, "loss", got, expected, reduction, signature))


# ------------------------------------------------------------------------------------------------ helpers
def _check_options(model, reduction, signature):
    if model != "bernoulli":
        raise ValueError(f"unknown model {model!r}: assert_loss_matches supports 'bernoulli'")
    if reduction not in ("mean", "sum"):
        raise ValueError(f"reduction must be 'mean' or 'sum', not {reduction!r}")
    if signature not in SIGNATURES:
        raise ValueError(f"signature must be one of {SIGNATURES}, not {signature!r}")


def _configured_max_examples():
    from . import plugin
    return plugin.max_examples() or DEFAULT_MAX_EXAMPLES


def _to_float_or_list(value):
    """A scalar loss as float, a per-sample loss as a list of floats (numpy, torch, jax or plain values)."""
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu().numpy()
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [float(v) for v in value]
    return float(value)


def _close(got, expected, rtol, atol):
    if got != got or expected != expected:  # nan never matches
        return False
    return abs(got - expected) <= atol + rtol * abs(expected)


def _mismatch(y, p, what, got, expected, reduction, signature):
    n = len(y)
    shown_y = list(y)[:8] + (["…"] if n > 8 else [])
    shown_p = [float(v) for v in list(p)[:8]] + (["…"] if n > 8 else [])
    ratio = f" (ratio {got / expected:.6g})" if expected not in (0, 0.0) and got == got else ""
    return (f"{what} differs from the proven binary cross-entropy ({reduction} reduction, called as "
            f"loss_fn({signature})):\n  data: n = {n}, y = {shown_y}, p = {shown_p}\n"
            f"  loss_fn gave {got!r}, the cross-entropy is {expected!r}{ratio}")


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
