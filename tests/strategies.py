"""Shared hypothesis strategies and numeric witnesses for the false-claim property suite.

A *mutation* turns a true claim into one that is usually false (a flipped sign, a dropped factor, a widened
domain, …).  A mutation is not always false, so every mutated claim is first confirmed false by a concrete
numeric counterexample; only confirmed-false claims are required to be refused.
"""

import random

import sympy as sp
from hypothesis import strategies as st

UNDEFINED = None


def value(expr, point):
    """Numeric value of `expr` at `point` (complex), or UNDEFINED where it has none (log 0, 0/0, …)."""
    try:
        out = sp.sympify(expr).xreplace(point).doit().xreplace(point)  # sums expand to p[1], p[2], … first
        if out.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return UNDEFINED
        out = complex(sp.N(out, 30))
    except (ZeroDivisionError, TypeError, ValueError, OverflowError):
        return UNDEFINED
    return out if all(map(lambda v: abs(v) < 1e300, (out.real, out.imag))) else UNDEFINED


def differ(u, v):
    if (u is UNDEFINED) != (v is UNDEFINED):
        return True
    return u is not UNDEFINED and abs(u - v) > 1e-9 * max(1.0, abs(u), abs(v))


def sample(real_set, rng):
    """A point of a supported real set, endpoints included when the set contains them."""
    if isinstance(real_set, sp.FiniteSet):
        return rng.choice(real_set.args)
    lo = max(real_set.inf, -5) if real_set.inf != -sp.oo else sp.Integer(-5)
    hi = min(real_set.sup, 5) if real_set.sup != sp.oo else sp.Integer(5)
    candidates = [e for e in (real_set.inf, real_set.sup) if e.is_finite and e in real_set]
    if candidates and rng.random() < 0.3:
        return rng.choice(candidates)
    while True:
        point = lo + (hi - lo) * sp.Rational(rng.randint(1, 999), 1000)
        if point in real_set:
            return point


def points(where, rng, count, extra=None):
    """`count` random assignments of the symbols/families in `where` (indexed families get entries 1..4)."""
    for _ in range(count):
        point = dict(extra or {})
        for key, real_set in where.items():
            if isinstance(key, sp.IndexedBase):
                point.update({key[k]: sample(real_set, rng) for k in range(1, 5)})
            else:
                point[key] = sample(real_set, rng)
        yield point


def counterexample_to_equality(lhs, rhs, where, seed, fixed=None, tries=25):
    rng = random.Random(seed)
    for point in points(where, rng, tries, fixed):
        if differ(value(lhs, point), value(rhs, point)):
            return point
    return None


def counterexample_to_positivity(expr, where, seed, fixed=None, tries=40):
    rng = random.Random(seed)
    for point in points(where, rng, tries, fixed):
        v = value(expr, point)
        if v is UNDEFINED or abs(v.imag) > 1e-12 or v.real <= 0:
            return point
    return None


def counterexample_to_increasing(func, var, interval, seed, tries=60):
    rng = random.Random(seed)
    for _ in range(tries):
        a, b = sorted((sample(interval, rng), sample(interval, rng)))
        if a == b:
            continue
        fa, fb = value(func, {var: a}), value(func, {var: b})
        if fa is UNDEFINED or fb is UNDEFINED or abs(fa.imag) + abs(fb.imag) > 1e-12 or fa.real >= fb.real:
            return (a, b)
    return None


def optimizer_sets(objective, sense, candidates):
    values = [value(objective, c) for c in candidates]
    real = [v.real for v in values if v is not UNDEFINED]
    if not real:
        return frozenset()
    best = max(real) if sense == "max" else min(real)
    tolerance = 1e-9 * max(1, abs(best))
    return frozenset(k for k, v in enumerate(values) if v is not UNDEFINED and abs(v.real - best) <= tolerance)


def counterexample_to_same_optimizers(f, sense_f, g, sense_g, candidate_sets):
    """A finite set of parameter values on which the two optimizer sets differ."""
    for candidates in candidate_sets:
        if optimizer_sets(f, sense_f, candidates) != optimizer_sets(g, sense_g, candidates):
            return candidates
    return None


# ------------------------------------------------------------------------------------------------ strategies
nonzero_small_ints = st.integers(-6, 6).filter(bool)
positive_rationals = st.builds(sp.Rational, st.integers(1, 30), st.integers(1, 7))
rationals = st.builds(sp.Rational, st.integers(-30, 30), st.integers(1, 7))
seeds = st.integers(0, 2 ** 32 - 1)
WIDER_DOMAINS = [sp.S.Reals, sp.Interval(0, sp.oo), sp.Interval.open(-1, sp.oo), sp.Interval(-2, 2)]
