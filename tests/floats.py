"""A claim term ∈ S checked at random points in floating point (`math`), independently of the
engine and its evaluator: the tests' second opinion on what the engine proves or refutes."""

import random

import sympy as sp


def floats_confirm(term, real_set, where=None, points=200, seed=0, width=50.0):
    """term ∈ real_set at `points` random points, each symbol drawn from its range in `where`
    (−width..width where none is given; a range unbounded above drawn up to width), with a margin
    for rounding; points with a coordinate exactly 0 are skipped (a pole of log or 1/x)."""
    where = where or {}
    rng = random.Random(seed)
    symbols = sorted(term.free_symbols, key=str)
    f = sp.lambdify(symbols, term, modules="math")
    for _ in range(points):
        point = [_draw(rng, where.get(s, sp.Reals), width) for s in symbols]
        if 0.0 in point:
            continue
        value = f(*point)
        margin = 1e-9 * (1 + abs(value))
        if real_set.inf.is_finite and value < float(real_set.inf) - margin:
            return False
        if real_set.sup.is_finite and value > float(real_set.sup) + margin:
            return False
    return True


def _draw(rng, interval, width):
    lo, hi = interval.inf, interval.sup
    low = float(lo) if lo.is_finite else -width
    high = float(hi) if hi.is_finite else width
    return rng.uniform(low, high)
