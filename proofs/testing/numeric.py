"""Numeric evaluation for the testing helpers: numpy when installed (via lambdify), math/mpmath otherwise.

Independent of the kernel: these are witnesses, never proofs.  numpy is optional; nothing here imports it at
module level.
"""

import random

import sympy as sp

UNDEFINED = None


def numpy_or_none():
    try:
        import numpy
    except ImportError:  # numpy is optional
        return None
    return numpy


def value(expr, point):
    """Value of `expr` at `point` as a complex number (mpmath, 30 digits), or UNDEFINED (log 0, 0/0, …)."""
    import mpmath
    try:
        out = sp.sympify(expr).xreplace(point).doit().xreplace(point)  # sums first expand to p[1], p[2], …
        if out.free_symbols or out.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return UNDEFINED
        with mpmath.workdps(30):
            result = complex(sp.lambdify([], out, modules="mpmath")())
    except (ZeroDivisionError, TypeError, ValueError, OverflowError):
        return UNDEFINED
    return result if abs(result.real) < 1e300 and abs(result.imag) < 1e300 else UNDEFINED


def differ(u, v, rtol=1e-9, atol=1e-12):
    """Whether two values differ: one undefined and not the other, or beyond the tolerances."""
    if (u is UNDEFINED) != (v is UNDEFINED):
        return True
    return u is not UNDEFINED and abs(u - v) > atol + rtol * max(abs(u), abs(v))


def sample(real_set, rng):
    """A point of a supported real set; endpoints it contains come up now and then."""
    if isinstance(real_set, sp.FiniteSet):
        return rng.choice(real_set.args)
    if real_set in (sp.S.Naturals, sp.S.Naturals0, sp.S.Integers):
        low = {sp.S.Naturals: 1, sp.S.Naturals0: 0, sp.S.Integers: -4}[real_set]
        return sp.Integer(rng.randint(low, 4))
    lo = real_set.inf if real_set.inf != -sp.oo else sp.Integer(-5)
    hi = real_set.sup if real_set.sup != sp.oo else sp.Integer(5)
    lo, hi = max(lo, hi - 10), min(hi, lo + 10)
    ends = [e for e in (real_set.inf, real_set.sup) if e.is_finite and e in real_set]
    if ends and rng.random() < 0.3:
        return rng.choice(ends)
    for _ in range(100):
        point = lo + (hi - lo) * sp.Rational(rng.randint(1, 999), 1000)
        if point in real_set:
            return point
    raise ValueError(f"cannot sample from {real_set}")


def points(where, rng, count, fixed=None, family_size=4):
    """`count` random assignments for the keys of `where`; an IndexedBase gets entries 1..family_size."""
    for _ in range(count):
        point = dict(fixed or {})
        for key, real_set in where.items():
            if isinstance(key, sp.IndexedBase):
                point.update({key[k]: sample(real_set, rng) for k in range(0, family_size + 1)})
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


def optimizer_set(objective, sense, candidates):
    values = [value(objective, c) for c in candidates]
    real = [v.real for v in values if v is not UNDEFINED]
    if not real:
        return frozenset()
    best = max(real) if sense == "max" else min(real)
    tolerance = 1e-9 * max(1, abs(best))
    return frozenset(k for k, v in enumerate(values) if v is not UNDEFINED and abs(v.real - best) <= tolerance)


def counterexample_to_same_optimizers(f, sense_f, g, sense_g, candidate_sets):
    """A finite set of parameter values on which the two optimizer sets differ, or None."""
    for candidates in candidate_sets:
        if optimizer_set(f, sense_f, candidates) != optimizer_set(g, sense_g, candidates):
            return candidates
    return None
