"""Numeric evaluation for the testing helpers: numpy when installed (via lambdify), math/mpmath
otherwise.

Independent of the kernel: these are witnesses, never proofs.  numpy is optional; nothing here
imports it at module level.
"""

import random

import sympy as sp

UNDEFINED = None


def numpy_or_none():
    """numpy, or None where it is not installed; looked up once (a loss check asks a dozen times a
    call, and an import statement's lookup costs a microsecond each time)."""
    if not _NUMPY:
        try:
            import numpy
        except ImportError:  # numpy is optional
            numpy = None
        _NUMPY.append(numpy)
    return _NUMPY[0]


_NUMPY = []


def value(expr, point):
    """Value of `expr` at `point` as a complex number (mpmath, 30 digits), or UNDEFINED (log 0, 0/0,
    and a part with no real value: the package's quantities are real, so √x·√y is undefined at
    x, y < 0, although sympy's complex roots multiply to −√(xy))."""
    import mpmath
    try:
        expr = sp.sympify(expr)
        if not _real_parts(expr, point):
            return UNDEFINED
        out = expr.xreplace(point).doit().xreplace(point)  # sums first expand to p[1], p[2], …
        if out.free_symbols or out.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return UNDEFINED
        with mpmath.workdps(30):
            result = complex(sp.lambdify([], out, modules="mpmath")())
    except (ZeroDivisionError, TypeError, ValueError, OverflowError):
        return UNDEFINED
    return result if abs(result.real) < 1e300 and abs(result.imag) < 1e300 else UNDEFINED


# functions with a real value on part of ℝ only: their value elsewhere is complex
_PARTIAL = {"asin", "acos", "asec", "acsc", "acosh", "atanh", "acoth", "asech", "LambertW"}


def _real_parts(expr, point):
    """Whether every logarithm, root (a power with an exponent that is not an integer) and partial
    function in `expr` is real at `point`: a log of a negative number, the root of one, or acos 2
    has no real value, which sympy would carry on with as a complex one.  A part whose value the
    point does not fix (it holds a sum's index) is left to the evaluation of the sum."""
    if expr.has(sp.I):
        return False
    for node in sp.preorder_traversal(expr):
        # a power is a root only where its exponent is no integer: x^n at n = 354 is not
        if isinstance(node, sp.log) or (isinstance(node, sp.Pow) and not node.exp.is_integer
                                        and not node.exp.xreplace(point).is_integer):
            argument = node.args[0]
        elif isinstance(node, sp.Function) and type(node).__name__ in _PARTIAL:
            argument = node
        else:
            continue
        at = argument.xreplace(point)
        if at.free_symbols or at.has(sp.zoo, sp.nan):
            continue
        number = sp.N(at, 30)
        real, imaginary = number.as_real_imag()
        if imaginary != 0 or (argument is not node and real.is_negative):
            return False
    return True


def differ(u, v, rtol=1e-9, atol=1e-12):
    """Whether two values differ: one undefined and not the other, or beyond the tolerances."""
    if (u is UNDEFINED) != (v is UNDEFINED):
        return True
    return u is not UNDEFINED and abs(u - v) > atol + rtol * max(abs(u), abs(v))


# the share of points drawn far out (2 to 1000 from the nearest end) on an unbounded range, of
# points drawn next to a finite end, and of integers drawn 9 to 1000 from zero
FAR = 0.25
NEAR = 0.15
WIDE = 0.1


def sample(real_set, rng, thorough=False):
    """A point of a supported real set; endpoints it contains come up now and then, so do points
    within 10⁻² to 10⁻¹² of a finite end (a log clipped at 10⁻⁷ differs from log there
    only), and on an unbounded or wide range points far from zero (a claim false only beyond 5 is
    caught); an integer is within 8 of zero, and when `thorough` now and then up to 1000 away (C(n,
    9) is 0 up to 8).  Only the testing helpers are thorough: the kernel's fuzzer and the search
    for counterexamples nest exp, powers and reciprocals, which such points make too large for
    exact arithmetic."""
    if isinstance(real_set, sp.FiniteSet):
        return rng.choice(real_set.args)
    if not isinstance(real_set, sp.Interval) and real_set not in (
            sp.S.Naturals, sp.S.Naturals0, sp.S.Integers, sp.S.Reals):
        raise ValueError(f"cannot draw points from {real_set}: give an interval, a finite set, "
                         "ℕ, ℤ or ℝ")
    if real_set in (sp.S.Naturals, sp.S.Naturals0, sp.S.Integers):
        low = {sp.S.Naturals: 1, sp.S.Naturals0: 0, sp.S.Integers: -8}[real_set]
        if thorough and rng.random() < WIDE:
            far = int(sp.Integer(10) ** sp.Rational(rng.randint(95, 300), 100))
            return sp.Integer(-far if low < 0 and rng.random() < 0.5 else far)
        return sp.Integer(rng.randint(low, 8))
    ends = [e for e in (real_set.inf, real_set.sup) if e.is_finite and e in real_set]
    if ends and rng.random() < 0.3:
        return rng.choice(ends)
    near = _near_end(real_set, rng) if thorough and rng.random() < NEAR else None
    if near is not None:
        return near
    if rng.random() < FAR:
        far = _far_point(real_set, rng)
        if far is not None:
            return far
    lo = real_set.inf if real_set.inf != -sp.oo else sp.Integer(-5)
    hi = real_set.sup if real_set.sup != sp.oo else sp.Integer(5)
    lo, hi = max(lo, hi - 10), min(hi, lo + 10)
    for _ in range(100):
        point = lo + (hi - lo) * sp.Rational(rng.randint(1, 999), 1000)
        if point in real_set:
            return point
    raise ValueError(f"cannot sample from {real_set}")


def _near_end(real_set, rng):
    """A point of `real_set` within 10⁻² to 10⁻¹² (of its width, at most 1) of a finite end,
    or None when it has none."""
    ends = [end for end in (real_set.inf, real_set.sup) if end.is_finite]
    if not ends:
        return None
    end = rng.choice(ends)
    width = min(real_set.sup - real_set.inf, sp.Integer(1))
    offset = width * sp.Rational(1, 10 ** rng.randint(2, 12))
    point = end + offset if end == real_set.inf else end - offset
    return point if point in real_set else None


def _far_point(real_set, rng):
    """A point of `real_set` 2 to 1000 beyond an unbounded end, or anywhere in a bounded range
    wider than 10 (the usual draw stays within 10 of an end); None when there is none."""
    inf, sup = real_set.inf, real_set.sup
    if inf.is_finite and sup.is_finite:
        if sup - inf <= 10:
            return None
        point = inf + (sup - inf) * sp.Rational(rng.randint(1, 999), 1000)
    else:
        distance = sp.Rational(10) ** sp.Rational(rng.randint(30, 300), 100)  # 2 to 1000
        distance = sp.Rational(int(distance * 100), 100)
        if sup == sp.oo and (inf == -sp.oo and rng.random() < 0.5 or inf != -sp.oo):
            point = max(inf, sp.Integer(0)) + distance
        else:
            point = min(sup, sp.Integer(0)) - distance
    return point if point in real_set else None


def assumed_range(symbol):
    """The set a symbol ranges over when `where` gives none: what its sympy assumptions say."""
    if symbol.is_integer:
        if symbol.is_positive:
            return sp.S.Naturals
        return sp.S.Naturals0 if symbol.is_nonnegative else sp.S.Integers
    if symbol.is_positive:
        return sp.Interval.open(0, sp.oo)
    if symbol.is_nonnegative:
        return sp.Interval(0, sp.oo)
    if symbol.is_negative:
        return sp.Interval.open(-sp.oo, 0)
    if symbol.is_nonpositive:
        return sp.Interval(-sp.oo, 0)
    return sp.S.Reals


def points(where, rng, count, fixed=None, family_size=4):
    """`count` random assignments for the keys of `where`; an IndexedBase gets entries
    1..family_size."""
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
        if fa is UNDEFINED or fb is UNDEFINED or abs(fa.imag) + abs(fb.imag) > 1e-12 \
                or fa.real >= fb.real:
            return (a, b)
    return None


def optimizer_set(objective, sense, candidates):
    values = [value(objective, c) for c in candidates]
    real = [v.real for v in values if v is not UNDEFINED]
    if not real:
        return frozenset()
    best = max(real) if sense == "max" else min(real)
    tolerance = 1e-9 * max(1, abs(best))
    return frozenset(k for k, v in enumerate(values)
                     if v is not UNDEFINED and abs(v.real - best) <= tolerance)


def counterexample_to_same_optimizers(f, sense_f, g, sense_g, candidate_sets):
    """A finite set of parameter values on which the two optimizer sets differ, or None."""
    for candidates in candidate_sets:
        if optimizer_set(f, sense_f, candidates) != optimizer_set(g, sense_g, candidates):
            return candidates
    return None
