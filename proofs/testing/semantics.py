"""An independent numeric model of what the kernel's judgements claim (a test oracle, not a proof).

Imports sympy, mpmath and the standard library only — never the kernel — so that it checks the
kernel from outside: a theorem is *refuted* when this evaluator finds an admissible point at which
its statement is false.  The semantics (docs/soundness.rst, proofs/kernel/language.py):

* a statement holds in its context Γ (``theorem.context.entries``: pairs (key, set)) when it holds
  for every value of Γ's keys in their sets and every real value of the quantities Γ does not
  mention; an IndexedBase family or undefined function is a total real function of its real
  arguments (into S when Γ gives it the set S);
* terms are rationals, π, e, symbols, p[a], f(a), +, ·, powers, the kernel's table of functions
  (exp, log, sin, cos, tanh, sinh, cosh, atan, erf, Abs, factorial, gamma), binomial(n, k) (for
  integers n, k >= 0; 0 when k > n), Sum and Product (several
  limits, innermost first as sympy stores them), ``Defined`` constants (a Symbol with ``.body``,
  evaluated with the *global* values of its body's variables) and ``DefinedFamily`` entries q(a)
  (``.func.params``, ``.func.body``: the body with its parameters set to a);
* every head is strict; log a and gamma a need a > 0, factorial a an integer a >= 0; a**b needs
  nothing when the value of b is an integer >= 0, a != 0 when it is a negative integer, a >= 0 when
  it is a non-integer > 0, a > 0 otherwise; a Sum or Product over (i, lo, hi)
  needs lo and hi defined, its number of terms hi - lo + 1 an integer >= 0 (empty: 0 or 1; a
  reversed range is undefined) and its body defined at i = lo, lo + 1, …, hi;
* Equal: both sides undefined, or both defined and equal; Member: defined and in the set;
  StrictlyIncreasing: defined on the interval and strictly increasing; SameOptimizers: for every
  finite set T of values of the optimized quantities, f and g undefined at the same members of T
  and with the same arg-max/arg-min sets.

That is docs/soundness.rst.  Two conventions on which the kernel has varied are options
(`Options`): reversed ranges (undefined, the default, or by sympy's Karr convention: Σ_{a}^{b} =
-Σ_{b+1}^{a-1}, ∏_{a}^{b} = 1/∏_{b+1}^{a-1}) and powers (a**b needs a > 0 unless the *value* of b
is an integer, the default, or unless b is an integer *literal*).

Values are exact sympy Rationals where the arithmetic is rational and rigorous mpmath intervals
(about 54 digits) otherwise.  A comparison refutes only when it is decided beyond a tolerance of
1e-30 (relative to the magnitudes involved), or where sympy evaluates a membership's term of
symbols at the point's rationals to an exact rational (H(1/2) − log 2 = 0); a decision the
precision cannot make — a sign of an interval around 0, a value of a random function at an
argument whose rounding is ambiguous, a sum with too many terms — makes the point *inconclusive*
(skipped), never a refutation.

The entry point is `confirm(entries, statement, seed, points)`, which returns a `Verdict`.
"""

import functools
import itertools
import random
import time
from fractions import Fraction

import sympy as sp
from mpmath import libmp
from mpmath.ctx_iv import MPIntervalContext
from mpmath.ctx_mp import MPContext
from sympy.core.function import AppliedUndef, UndefinedFunction

__all__ = [
    "BY_VALUE",
    "KARR",
    "LITERAL",
    "UNDEFINED",
    "UNDEFINED_WHEN_REVERSED",
    "Assignment",
    "Inconclusive",
    "Options",
    "Refutation",
    "UnsupportedTerm",
    "Verdict",
    "confirm",
    "in_set",
    "sample",
    "value",
]

IV = MPIntervalContext()  # a private interval context: the global mpmath.iv is left alone
IV.prec = 180
MP = MPContext()  # likewise, for the functions mpmath has no interval version of
MP.prec = 200
_TOL = libmp.from_rational(1, 10 ** 30, 64)
_KEY_SCALE = 10 ** 20  # a random function's argument is rounded to 20 decimals
_MAX_BITS = 4000  # exact rationals larger than this continue as intervals
_MAX_TERMS = 400  # a sum or product over more values makes the point inconclusive
_BUDGET = 20000  # node evaluations per call of `value`


KARR = "karr"  # Σ_{a}^{b} = -Σ_{b+1}^{a-1}, ∏_{a}^{b} = 1/∏_{b+1}^{a-1} (sympy's convention)
UNDEFINED_WHEN_REVERSED = "undefined"  # b < a - 1 makes the sum or product undefined
LITERAL = "literal"  # a**b needs a > 0 unless b is an integer literal
BY_VALUE = "value"  # a**b needs nothing when b is an integer >= 0, a != 0 when b < 0 is one


class Options:
    """The two conventions on which the kernel's semantics has varied: reversed ranges of sums and
    products (`KARR` or `UNDEFINED_WHEN_REVERSED`) and the exponents for which a**b needs no
    positive base (`LITERAL` integers, or any exponent whose *value* is an integer: `BY_VALUE`)."""

    def __init__(self, reversed_ranges=UNDEFINED_WHEN_REVERSED, powers=BY_VALUE):
        if reversed_ranges not in (KARR, UNDEFINED_WHEN_REVERSED) or powers not in (LITERAL,
                                                                                  BY_VALUE):
            raise ValueError(f"unknown conventions {reversed_ranges!r}, {powers!r}")
        self.reversed_ranges = reversed_ranges
        self.powers = powers


DEFAULT = Options(UNDEFINED_WHEN_REVERSED, BY_VALUE)  # docs/soundness.rst


class _Undefined:
    """The value of a term that is undefined at a point."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "UNDEFINED"


UNDEFINED = _Undefined()


class Inconclusive(Exception):
    """The precision (or the work budget) does not decide the value at this point."""


class UnsupportedTerm(Exception):
    """A head this semantics does not know: no kernel theorem should contain it."""


# ------------------------------------------------------------------------------------------------
# numbers: exact Rationals or intervals
def _is_exact(v):
    return isinstance(v, sp.Rational)


def _interval(v):
    if _is_exact(v):
        if v.q == 1:
            return IV.mpf(int(v.p))
        return IV.mpf(int(v.p)) / IV.mpf(int(v.q))
    return v


def _ends(v):
    """The raw mpf endpoints of an interval."""
    return v._mpi_


def _exact_or_interval(r):
    if r.p.bit_length() > _MAX_BITS or r.q.bit_length() > _MAX_BITS:
        return _interval(r)
    return r


def _magnitude(*values):
    """max(1, |v|, …) as a raw mpf, roughly: the scale of the tolerance."""
    scale = libmp.fone
    for v in values:
        lo, hi = _ends(_interval(v))
        for end in (lo, hi):
            if end in (libmp.finf, libmp.fninf, libmp.fnan):
                raise Inconclusive("an interval end is infinite")
            if libmp.mpf_cmp(scale, libmp.mpf_abs(end)) < 0:
                scale = libmp.mpf_abs(end)
    return scale


def _tolerance(*values):
    return libmp.mpf_mul(_TOL, _magnitude(*values), 64, libmp.round_up)


def compare(u, v):
    """'<', '=', '>' when decided (exactly, or beyond the tolerance), else '?'."""
    if _is_exact(u) and _is_exact(v):
        return "<" if u < v else ">" if u > v else "="
    difference = _interval(u) - _interval(v)
    lo, hi = _ends(difference)
    tol = _tolerance(u, v)
    if libmp.mpf_gt(lo, tol):
        return ">"
    if libmp.mpf_lt(hi, libmp.mpf_neg(tol)):
        return "<"
    return "?"


def _sign(v):
    """-1, 0 or 1; Inconclusive for an inexact value whose interval contains 0."""
    if _is_exact(v):
        return (v.p > 0) - (v.p < 0)
    lo, hi = _ends(v)
    if libmp.mpf_gt(lo, libmp.fzero):
        return 1
    if libmp.mpf_lt(hi, libmp.fzero):
        return -1
    raise Inconclusive("the sign of a value near 0 is not decided")


def _integer(v):
    """The integer v is, None when it is none; Inconclusive when the precision cannot tell: an
    inexact value (an interval) within the tolerance of an integer may or may not be one, and
    whether a power or a factorial is defined, or what a sum's size is, hangs on it."""
    if _is_exact(v):
        return int(v.p) if v.q == 1 else None
    lo, hi = _ends(v)
    tol = _tolerance(v)
    low = libmp.mpf_sub(lo, tol, 200, libmp.round_floor)
    high = libmp.mpf_add(hi, tol, 200, libmp.round_ceiling)
    if any(end in (libmp.finf, libmp.fninf, libmp.fnan) for end in (low, high)):
        raise Inconclusive("an infinite interval")
    first = libmp.to_int(libmp.mpf_ceil(low))
    last = libmp.to_int(libmp.mpf_floor(high))
    if first > last:
        return None
    raise Inconclusive("an inexact value near an integer: whether it is one is not decided")


def _add(u, v):
    if _is_exact(u) and _is_exact(v):
        return _exact_or_interval(u + v)
    return _interval(u) + _interval(v)


def _mul(u, v):
    if _is_exact(u) and _is_exact(v):
        return _exact_or_interval(u * v)
    if (_is_exact(u) and u == 0) or (_is_exact(v) and v == 0):
        return sp.S.Zero
    return _interval(u) * _interval(v)


def _reciprocal(v):
    if _sign(v) == 0:
        return UNDEFINED
    if _is_exact(v):
        return _exact_or_interval(1 / v)
    return 1 / v


def _integer_power(base, exponent):
    if exponent < 0:
        base = _reciprocal(base)
        if base is UNDEFINED:
            return UNDEFINED
        exponent = -exponent
    if exponent == 0:
        return sp.S.One
    if _is_exact(base) and (base.p.bit_length() + base.q.bit_length()) * exponent < _MAX_BITS:
        return base ** exponent
    return _interval(base) ** exponent


def _log(v):
    if _sign(v) <= 0:
        return UNDEFINED
    if _is_exact(v) and v == 1:
        return sp.S.Zero
    return IV.log(_interval(v))


def _exp(v):
    if _is_exact(v) and v == 0:
        return sp.S.One
    if libmp.mpf_gt(_ends(_interval(v))[1], libmp.from_int(10 ** 8)):
        raise Inconclusive("exp of a huge value")
    return IV.exp(_interval(v))


def _increasing(function, v):
    """An increasing function of mpmath's at an interval: its values at the ends, each widened by
    far more than the working precision's error."""
    lo, hi = (MP.mpf(end) for end in _ends(_interval(v)))
    low, high = function(lo), function(hi)
    slack = lambda y: abs(y) * MP.mpf(2) ** -150 + MP.mpf(2) ** -400  # noqa: E731
    return IV.mpf([low - slack(low), high + slack(high)])


def _factorial(v):
    whole = _integer(v)
    if whole is None or whole < 0:
        return UNDEFINED
    if whole > 300:
        raise Inconclusive("a huge factorial")
    return sp.factorial(whole)


def _binomial(top, bottom):
    """C(n, k) for counts n, k (0 when k > n)."""
    n, k = _integer(top), _integer(bottom)
    if n is None or k is None or n < 0 or k < 0:
        return UNDEFINED
    if n > 2000:
        raise Inconclusive("a huge binomial coefficient")
    return sp.binomial(n, k)


def _gamma(v):
    if _sign(v) <= 0:
        return UNDEFINED
    return IV.gamma(_interval(v))


def _half_exps(v, sign):
    """(e^v + sign·e^−v)/2: cosh for sign 1, sinh for sign −1."""
    return _mul(sp.Rational(1, 2), _add(_exp(v), _mul(sign, _exp(_mul(sp.S.NegativeOne, v)))))


def _abs(v):
    if _is_exact(v):
        return abs(v)
    return IV.fabs(v)


_FUNCTIONS = {
    sp.sin: lambda v: sp.S.Zero if _is_exact(v) and v == 0 else IV.sin(_interval(v)),
    sp.cos: lambda v: sp.S.One if _is_exact(v) and v == 0 else IV.cos(_interval(v)),
    sp.sinh: lambda v: _half_exps(v, sp.S.NegativeOne),
    sp.cosh: lambda v: _half_exps(v, sp.S.One),
    sp.tanh: lambda v: _add(sp.S.One, _mul(-2, _reciprocal(_add(_exp(_mul(2, v)), sp.S.One)))),
    sp.atan: lambda v: sp.S.Zero if _is_exact(v) and v == 0 else _increasing(MP.atan, v),
    sp.erf: lambda v: sp.S.Zero if _is_exact(v) and v == 0 else _increasing(MP.erf, v),
    sp.Abs: _abs,
    sp.factorial: _factorial,
    sp.gamma: _gamma,
}


def _real_power(base, exponent, options=DEFAULT):
    """base**exponent for an exponent that is no integer literal: defined only for base > 0 (or, by
    value: for an integer exponent, any base when it is >= 0, a nonzero base when it is < 0; for a
    non-integer exponent > 0, a base >= 0)."""
    if options.powers == BY_VALUE:
        whole = _integer(exponent)
        if whole is not None and abs(whole) <= 1000:
            return _integer_power(base, whole)
        if whole is not None and _sign(base) <= 0:
            raise Inconclusive("a huge integer power of a base that is not positive")
        if whole is None and _sign(base) == 0:
            return sp.S.Zero if _sign(exponent) > 0 else UNDEFINED
    if _sign(base) <= 0:
        return UNDEFINED
    whole = _integer(exponent) if _is_exact(exponent) else None
    if whole is not None and abs(whole) <= 1000:
        return _integer_power(base, whole)
    if _is_exact(base) and base == 1:
        return sp.S.One
    root = _rational_root(base, exponent)
    if root is not None:  # √(9/4) = 3/2 exactly, so that a bound met there is decided
        return root
    return _exp(_mul(exponent, _log(base)))


def _rational_root(base, exponent):
    """base**exponent exactly, for a positive rational base whose root of the exponent's order
    q (exponent = p/q, |p| ≤ 1000) is rational; else None."""
    if not (_is_exact(base) and _is_exact(exponent)) or abs(exponent.p) > 1000:
        return None
    numerator, whole_numerator = sp.integer_nthroot(int(base.p), int(exponent.q))
    denominator, whole_denominator = sp.integer_nthroot(int(base.q), int(exponent.q))
    if not (whole_numerator and whole_denominator):
        return None
    return sp.Rational(numerator, denominator) ** int(exponent.p)


# ------------------------------------------------------------------------------------------------
# sets
def sample(real_set, rng):
    """A point of a supported real set (exact): closed ends, 0, ±1, 1/2 and small values come up
    often.  None for the empty set."""
    if isinstance(real_set, sp.FiniteSet):
        if not real_set.args:
            return None
        return _constant(rng.choice(real_set.args))
    if real_set is sp.S.EmptySet:
        return None
    if real_set is sp.S.Naturals:
        return sp.Integer(rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 7]))
    if real_set is sp.S.Naturals0:
        return sp.Integer(rng.choice([0, 0, 1, 1, 2, 3, 4, 6]))
    if real_set is sp.S.Integers:
        return sp.Integer(rng.choice([-3, -2, -1, -1, 0, 0, 1, 1, 2, 3, 4]))
    lo, hi, lo_open, hi_open, integer = _bounds(real_set)
    if integer:
        first = lo if lo is not None else (hi - 8 if hi is not None else -4)
        last = hi if hi is not None else first + 8
        choices = range(int(first), int(last) + 1)
        return sp.Integer(rng.choice(choices)) if choices else None
    point = _sample_interval(lo, hi, lo_open, hi_open, rng)
    return None if point is None else sp.Rational(point.numerator, point.denominator)


@functools.lru_cache(maxsize=256)
def _bounds(real_set):
    """(lo, hi, lo_open, hi_open, integer) of an Interval, Reals or a Range of step 1, with the
    finite ends as Fractions and the infinite ones None."""
    if real_set is sp.S.Reals:
        return None, None, True, True, False
    if isinstance(real_set, sp.Range):
        if real_set.step != 1 or real_set.size == 0:
            raise UnsupportedTerm(f"the set {real_set} is not supported")
        ends = [real_set.inf, real_set.sup]
        lo, hi = (Fraction(int(e)) if e.is_finite else None for e in ends)
        return lo, hi, False, False, True
    if isinstance(real_set, sp.Interval):
        ends = []
        for end in (real_set.start, real_set.end):
            if not end.is_finite:
                ends.append(None)
            elif end.is_Rational:
                ends.append(Fraction(int(end.p), int(end.q)))
            else:
                raise UnsupportedTerm(f"the set {real_set} has an irrational end")
        return (*ends, bool(real_set.left_open), bool(real_set.right_open), False)
    raise UnsupportedTerm(f"the set {real_set} is not supported")


def _sample_interval(lo, hi, lo_open, hi_open, rng):
    def inside(point):
        return ((lo is None or point > lo or (point == lo and not lo_open))
                and (hi is None or point < hi or (point == hi and not hi_open)))

    window_lo = lo if lo is not None else (min(hi, 0) - 6 if hi is not None else Fraction(-6))
    window_hi = hi if hi is not None else (max(lo, 0) + 6 if lo is not None else Fraction(6))
    candidates = [end for end, is_open in ((lo, lo_open), (hi, hi_open))
                  if end is not None and not is_open]
    specials = (0, 0, 1, 1, -1, Fraction(1, 2), 2, -2)
    candidates += [Fraction(v) for v in specials if window_lo <= v <= window_hi and inside(v)]
    roll = rng.random()
    if candidates and roll < 0.45:
        return rng.choice(candidates)
    width = window_hi - window_lo
    if width == 0:
        return window_lo if inside(window_lo) else None
    for _ in range(50):
        if roll < 0.6:  # near an end
            near = Fraction(1, rng.choice([7, 100, 10 ** 6])) * width
            point = window_lo + near if rng.random() < 0.5 else window_hi - near
        else:
            point = window_lo + width * Fraction(rng.randint(1, 23), 24)
        if inside(point):
            return point
    return None


def in_set(v, real_set):
    """Whether the value v is in the set: True, False or None (not decided at this precision; a
    value within the tolerance of an open end is never counted outside)."""
    if isinstance(real_set, sp.FiniteSet):
        answers = [compare(v, _constant(e)) for e in real_set.args]
        if "=" in answers:
            return True
        return None if "?" in answers else False
    if real_set is sp.S.EmptySet:
        return False
    if real_set is sp.S.Reals:
        return True
    if isinstance(real_set, sp.Interval):
        return _in_interval(v, real_set.start, real_set.end, real_set.left_open,
                            real_set.right_open)
    if real_set in (sp.S.Naturals, sp.S.Naturals0, sp.S.Integers) or isinstance(real_set, sp.Range):
        try:
            whole = _integer(v)
        except Inconclusive:
            return None
        if whole is None:
            return False
        if isinstance(real_set, sp.Range) and real_set.step != 1:
            return sp.Integer(whole) in real_set
        start, end = real_set.inf, real_set.sup
        return _in_interval(sp.Integer(whole), start, end, False, False)
    raise UnsupportedTerm(f"the set {real_set} is not supported")


def _in_interval(v, start, end, left_open, right_open):
    answers = []
    if start.is_finite:
        side = compare(v, _constant(start))
        answers.append(side == ">" or (side == "=" and not left_open) or
                       (None if side == "?" else False))
    if end.is_finite:
        side = compare(v, _constant(end))
        answers.append(side == "<" or (side == "=" and not right_open) or
                       (None if side == "?" else False))
    if False in answers:
        return False
    return None if None in answers else True


@functools.lru_cache(maxsize=1024)
def _constant(expr):
    """The exact value of a set's element or end (a rational, else an interval)."""
    result = Assignment((), "constant").value(sp.sympify(expr))
    if result is UNDEFINED:
        raise UnsupportedTerm(f"an undefined constant {expr}")
    return result


# ------------------------------------------------------------------------------------------------
# points
def _identity(obj):
    """A name for a quantity that tells apart objects sympy tells apart (assumptions, Dummy)."""
    if isinstance(obj, UndefinedFunction):
        return f"Function({obj.__name__!r}, {sorted(obj._kwargs.items())})"
    return sp.srepr(obj)


def _key(v):
    """The argument of a random function, rounded to 20 decimals (Inconclusive when an interval
    straddles a rounding boundary)."""
    if _is_exact(v):
        return (2 * int(v.p) * _KEY_SCALE + int(v.q)) // (2 * int(v.q))
    keys = set()
    for end in _ends(v):
        if end in (libmp.finf, libmp.fninf, libmp.fnan):
            raise Inconclusive("an infinite argument")
        # before the exact sum below: ½ added exactly to exp(exp(…)), or to exp(−exp(…)), needs
        # more memory than there is (CI's fuzzer met both); a tiny end rounds to 0 whatever it is
        magnitude = libmp.mpf_abs(end)
        if libmp.mpf_cmp(magnitude, libmp.from_int(10 ** 60 // _KEY_SCALE)) > 0:
            raise Inconclusive("a huge argument of a random function")
        if libmp.mpf_cmp(magnitude, libmp.from_rational(1, 4 * _KEY_SCALE, 64)) < 0:
            keys.add(0)
            continue
        scaled = libmp.mpf_add(libmp.mpf_mul(end, libmp.from_int(_KEY_SCALE)), libmp.fhalf)
        keys.add(libmp.to_int(libmp.mpf_floor(scaled)))
    if len(keys) > 1:
        raise Inconclusive("an argument of a random function too close to a rounding boundary")
    return keys.pop()


class Assignment:
    """Values for every free quantity, drawn lazily and deterministically from `seed`: a scalar from
    its set in the context (else the reals), a family's or function's value at an argument from its
    set (else the reals).  `overrides` maps a quantity to ("value", v) — a scalar, or every entry
    of a family, fixed at v — or ("tag", t) — a family or function redrawn under the tag t (another
    member of a set T)."""

    def __init__(self, entries, seed, overrides=None, options=DEFAULT):
        self.options = options
        self.sets = dict(entries)
        self.seed = str(seed)
        self.overrides = dict(overrides or {})
        self.drawn = {}
        self._entries = {}
        self._definitions = {}
        self._budget = _BUDGET
        self._admitted = False  # whether the ranges {a, …, b} have values here

    def _rng(self, *parts):
        return random.Random("|".join((self.seed, *map(str, parts))))

    def _draw(self, obj, real_set, rng, label):
        point = sample(sp.S.Reals if real_set is None else real_set, rng)
        if point is None:
            raise Inconclusive(f"{obj} ranges over an empty set")
        if len(self.drawn) < 40:
            self.drawn[label] = point
        return point

    def scalar(self, symbol):
        override = self.overrides.get(symbol)
        if override is not None:
            return override[1]
        name = _identity(symbol)
        real_set = self.sets.get(symbol)
        if real_set is not None and not isinstance(real_set, sp.Set):  # an index's {a, …, b}
            return self._index(symbol, real_set, self._rng("scalar", name))
        return self._draw(symbol, real_set, self._rng("scalar", name), str(symbol))

    def _index(self, symbol, index_range, rng):
        """A value of an index ranging over {a, …, b}, whose ends mention other quantities: a,
        a + 1, …, b at their values there, where b − a + 1 is an integer ≥ 1 (else the range is
        empty, and the point says nothing)."""
        lo, hi = self.value(index_range.lo), self.value(index_range.hi)
        exact = _is_exact(lo) and _is_exact(hi)
        if not exact or (hi - lo).q != 1 or hi < lo:
            raise Inconclusive(f"{symbol} ranges over {index_range}, empty or unknown here")
        point = lo + rng.randint(0, min(int(hi - lo), 10 ** 6))
        if len(self.drawn) < 40:
            self.drawn[str(symbol)] = point
        return point

    def entry(self, head, args):
        """The value of the family or function `head` at the argument values `args`."""
        keys = tuple(_key(arg) for arg in args)
        override = self.overrides.get(head)
        if override is not None and override[0] == "value":  # every entry at one value
            if len(self.drawn) < 40:
                self.drawn[f"{head}[{', '.join(map(str, args))}]"] = override[1]
            return override[1]
        tag = "" if override is None else override[1]
        known = (_identity(head), tag, keys)
        if known not in self._entries:  # a function: the same arguments, the same value
            rng = self._rng("entry", _identity(head), tag, *keys)
            label = f"{head}[{', '.join(map(str, args))}]"
            self._entries[known] = self._draw(head, self.sets.get(head), rng, label)
        return self._entries[known]

    def value(self, expr):
        """The value of the term `expr` here: a Rational, an mpmath interval or UNDEFINED;
        Inconclusive where a range {a, …, b} of the context is empty here, even of a symbol expr
        does not mention (the point is then no admissible one: n = 1/2 under k ∈ {1, …, n})."""
        if not self._admitted:
            self._admitted = True  # before drawing: an index's ends are values too
            for symbol, real_set in self.sets.items():
                if isinstance(symbol, sp.Symbol) and not isinstance(real_set, sp.Set):
                    self.scalar(symbol)
        self._budget = _BUDGET
        return self._eval(sp.sympify(expr), {})

    # --------------------------------------------------------------------------------------------
    def _eval(self, expr, scope):
        self._budget -= 1
        if self._budget < 0:
            raise Inconclusive("the evaluation is too long")
        if isinstance(expr, sp.Rational):
            return expr
        if expr is sp.pi:
            return IV.pi
        if expr is sp.E:
            return IV.e
        if isinstance(expr, sp.Symbol):
            return self._symbol(expr, scope)
        if isinstance(expr, sp.Indexed):
            return self._apply(expr.base, expr.indices, scope)
        if isinstance(expr, sp.Function) and _is_family_entry(expr):
            return self._family_entry(expr, scope)
        if isinstance(expr, AppliedUndef):
            return self._apply(expr.func, expr.args, scope)
        if isinstance(expr, sp.Add):
            return self._fold(expr.args, scope, _add, sp.S.Zero)
        if isinstance(expr, sp.Mul):
            return self._fold(expr.args, scope, _mul, sp.S.One)
        if isinstance(expr, sp.Pow):
            return self._pow(expr, scope)
        if isinstance(expr, sp.exp):
            arg = self._eval(expr.args[0], scope)
            return UNDEFINED if arg is UNDEFINED else _exp(arg)
        if isinstance(expr, sp.log):
            if len(expr.args) != 1:
                raise UnsupportedTerm(f"{expr}: a log with a base")
            arg = self._eval(expr.args[0], scope)
            return UNDEFINED if arg is UNDEFINED else _log(arg)
        if isinstance(expr, (sp.Sum, sp.Product)):
            return self._binder(expr, scope)
        if isinstance(expr, sp.binomial):
            values = [self._eval(arg, scope) for arg in expr.args]
            return UNDEFINED if any(v is UNDEFINED for v in values) else _binomial(*values)
        if type(expr) in _FUNCTIONS and len(expr.args) == 1:
            arg = self._eval(expr.args[0], scope)
            return UNDEFINED if arg is UNDEFINED else _FUNCTIONS[type(expr)](arg)
        raise UnsupportedTerm(f"{expr!r} ({type(expr).__name__}) is no term of the kernel")

    def _symbol(self, symbol, scope):
        if symbol in scope:
            return scope[symbol]
        body = _definition_body(symbol)
        if body is not None:  # a constant: its body's variables are global, whatever binds around
            if symbol not in self._definitions:
                self._definitions[symbol] = self._eval(body, {})
            return self._definitions[symbol]
        return self.scalar(symbol)

    def _apply(self, head, arguments, scope):
        args = []
        for argument in arguments:
            arg = self._eval(argument, scope)
            if arg is UNDEFINED:
                return UNDEFINED
            args.append(arg)
        return self.entry(head, args)

    def _family_entry(self, expr, scope):
        family = expr.func
        params = tuple(family.params)
        if len(params) != len(expr.args):
            raise UnsupportedTerm(f"{expr}: {len(expr.args)} arguments for {len(params)} "
                                  "parameters")
        inner = {}
        for param, argument in zip(params, expr.args):
            arg = self._eval(argument, scope)
            if arg is UNDEFINED:
                return UNDEFINED
            inner[param] = arg
        return self._eval(family.body, inner)  # only the parameters are local to the body

    def _fold(self, args, scope, combine, start):
        values = [self._eval(arg, scope) for arg in args]
        if any(v is UNDEFINED for v in values):
            return UNDEFINED
        total = start
        for v in values:
            total = combine(total, v)
        return total

    def _pow(self, expr, scope):
        base = self._eval(expr.base, scope)
        exponent_expr = expr.exp
        if isinstance(exponent_expr, sp.Integer):
            if base is UNDEFINED:
                return UNDEFINED
            return _integer_power(base, int(exponent_expr))
        exponent = self._eval(exponent_expr, scope)
        if base is UNDEFINED or exponent is UNDEFINED:
            return UNDEFINED
        return _real_power(base, exponent, self.options)

    def _binder(self, expr, scope):
        limits = []
        for limit in expr.limits:
            if len(limit) != 3:
                raise UnsupportedTerm(f"{expr}: a limit without both bounds")
            limits.append(tuple(limit))
        return self._limits(type(expr), expr.function, limits, scope)

    def _limits(self, kind, function, limits, scope):
        """Σ or ∏ over the outermost of `limits` (the last), of the binder over the others."""
        if not limits:
            return self._eval(function, scope)
        var, lo_expr, hi_expr = limits[-1]
        lo, hi = self._eval(lo_expr, scope), self._eval(hi_expr, scope)
        if lo is UNDEFINED or hi is UNDEFINED:
            return UNDEFINED
        count = _integer(_add(hi, _mul(sp.S.NegativeOne, lo)))
        if count is None:
            return UNDEFINED  # bounds that are no integer apart
        count += 1
        if abs(count) > _MAX_TERMS:
            raise Inconclusive("a sum or product with too many terms")
        if count >= 0:
            start, reverse = lo, False
        elif self.options.reversed_ranges == UNDEFINED_WHEN_REVERSED:
            return UNDEFINED
        else:  # Karr: Σ_{a}^{b} = -Σ_{b+1}^{a-1}, ∏_{a}^{b} = 1/∏_{b+1}^{a-1}
            start, reverse, count = _add(hi, sp.S.One), True, -count
        is_sum = issubclass(kind, sp.Sum)
        total = sp.S.Zero if is_sum else sp.S.One
        for step in range(count):
            inner = dict(scope)
            inner[var] = _add(start, sp.Integer(step))
            term = self._limits(kind, function, limits[:-1], inner)
            if term is UNDEFINED:
                return UNDEFINED
            total = _add(total, term) if is_sum else _mul(total, term)
        if not reverse:
            return total
        return _mul(sp.S.NegativeOne, total) if is_sum else _reciprocal(total)


def _definition_body(symbol):
    if type(symbol) is sp.Symbol or isinstance(symbol, sp.Dummy):
        return None
    return getattr(symbol, "body", None)


def _is_family_entry(expr):
    func = expr.func
    return getattr(func, "params", None) is not None and hasattr(func, "body")


def value(expr, entries=(), seed=0, overrides=None, options=DEFAULT):
    """The value of `expr` at the point `seed` of the context `entries`."""
    return Assignment(entries, seed, overrides, options).value(sp.sympify(expr))


# ------------------------------------------------------------------------------------------------
# statements
class Verdict:
    """The outcome of `confirm`: `refuted` (a description of a counterexample, or None), the number
    of points that were decided and the number skipped as inconclusive."""

    def __init__(self):
        self.refuted = None
        self.decided = 0
        self.skipped = 0

    def __bool__(self):
        return self.refuted is None

    def __repr__(self):
        state = f"refuted: {self.refuted}" if self.refuted else "not refuted"
        return f"<Verdict {state}; {self.decided} points decided, {self.skipped} skipped>"


def _show(v):
    """A value as a message prints it: exact when short, else to 20 digits; an interval around 0
    too narrow for its digits to agree (log 2 + log ½) as 0 to within its width."""
    if v is UNDEFINED:
        return str(v)
    if _is_exact(v):
        text = str(v)
        return text if len(text) <= 40 else f"{sp.Float(v, 20)} (exactly known, {len(text)} digits)"
    low_end, high_end = _ends(v)
    low, high = libmp.to_str(low_end, 20), libmp.to_str(high_end, 20)
    if low == high:
        return low
    lowest, highest = libmp.to_float(low_end), libmp.to_float(high_end)
    if lowest <= 0 <= highest and max(-lowest, highest) < 1e-30:
        return f"0 (to within {max(-lowest, highest):.1e})"
    return f"[{low}, {high}]"


def _where(assignment):
    return _where_values(assignment.drawn)


def _where_values(drawn):
    return "{" + ", ".join(f"{k} = {_show(v)}" for k, v in drawn.items()) + "}"


def confirm(entries, statement, seed=0, points=4, size=4, options=DEFAULT, seconds=None):
    """Look for a counterexample to `statement` (an Equal, Member, StrictlyIncreasing or
    SameOptimizers, recognised by its fields) under the context `entries` at `points` random
    admissible points (`size`: the size of the sets T of optimizers; `options`: the conventions;
    `seconds`: points left when they have passed are skipped — None, the default, tries them all,
    so that the verdict depends on the seed alone, not on the machine's load)."""
    verdict = Verdict()
    deadline = None if seconds is None else time.monotonic() + seconds
    if hasattr(statement, "lhs") and hasattr(statement, "rhs"):
        check = _check_equal
    elif hasattr(statement, "expr") and hasattr(statement, "set"):
        check = _check_member
    elif hasattr(statement, "var") and hasattr(statement, "interval"):
        check = _check_increasing
    elif hasattr(statement, "sense_f") and hasattr(statement, "over"):
        check = _check_optimizers
    else:
        raise UnsupportedTerm(f"unknown statement {statement!r}")
    for k in range(points):
        if k and deadline is not None and time.monotonic() > deadline:
            verdict.skipped += points - k
            break
        try:
            found = check(tuple(entries), statement, f"{seed}.{k}", size, options)
        except (Inconclusive, MemoryError):  # a point whose exact numbers outgrow memory (a
            # power of a power of an exponential) says nothing either way
            verdict.skipped += 1
            continue
        verdict.decided += 1
        if found is not None:
            verdict.refuted = found
            break
    return verdict


class Refutation(str):
    """A counterexample: its description (this string), `point` — the values drawn, by name — and
    `values` — pairs (term compared, its value: a Rational, an mpmath interval or UNDEFINED)."""

    def __new__(cls, text, assignment, values, detail=None):
        self = super().__new__(cls, text)
        self.point = dict(assignment.drawn)
        self.values = tuple(values)
        self.detail = text if detail is None else detail  # what it says beyond the point
        return self


def _check_equal(entries, st, seed, size, options):
    point = Assignment(entries, seed, options=options)
    left, right = point.value(st.lhs), point.value(st.rhs)
    if left is UNDEFINED and right is UNDEFINED:
        return None
    if left is UNDEFINED or right is UNDEFINED or compare(left, right) in ("<", ">"):
        why = _why_undefined(point, st.lhs if left is UNDEFINED else st.rhs) \
            if UNDEFINED in (left, right) else ""
        return Refutation(f"at {_where(point)}: {st.lhs} is {_show(left)}, {st.rhs} is "
                          f"{_show(right)}{why}", point, [(st.lhs, left), (st.rhs, right)])
    return None


# where each head is defined, as an undefined side's reason says it
_DOMAINS = {sp.factorial: "factorial takes whole numbers >= 0 (gamma(x + 1) the others)",
            sp.log: "log takes positive numbers", sp.gamma: "gamma has poles at 0, -1, -2, …",
            sp.binomial: "binomial(n, k) takes whole numbers n, k >= 0",
            sp.Pow: "a power needs a positive base, unless its exponent is a whole number (>= 0 "
                    "for a base 0)"}


def _why_undefined(point, expr):
    """' (…)': in words, why expr is undefined at the point, from its least subterm that is
    (free of bound indices); '' where none says more than expr itself."""
    bound = {limit[0] for node in expr.atoms(sp.Sum, sp.Product) for limit in node.limits}
    nodes = sorted({node for node in sp.preorder_traversal(expr)
                    if node.args and not node.free_symbols & bound},
                   key=lambda node: (sp.count_ops(node), str(node)))
    for node in nodes:
        binder = isinstance(node, (sp.Sum, sp.Product))
        try:
            if point.value(node) is not UNDEFINED:
                continue
            var, lo, hi = node.limits[-1] if binder else (None, None, None)
            values = [point.value(hi - lo + 1)] if binder else [point.value(arg)
                                                                for arg in node.args[:2]]
            count = _integer(values[0]) if binder and values[0] is not UNDEFINED else None
        except (Inconclusive, UnsupportedTerm):
            continue
        if not binder and UNDEFINED in values:  # the argument is what is undefined
            continue
        if count is not None and count >= 0:
            return (f" ({node.function} is undefined at a value {var} takes from {lo} to {hi})")
        if binder:
            count = " = ".join(dict.fromkeys([str(hi - lo + 1), _show(values[0])]))
            return (f" ({node} has {count} terms over {var}: a range reversed, or whose ends are "
                    "no whole number apart, is undefined here, not read by sympy's Karr "
                    "convention)")
        shown = [f"{arg} = {_show(v)}" for arg, v in zip(node.args, values) if not arg.is_number]
        why = next((text for head, text in _DOMAINS.items() if isinstance(node, head)), None)
        if isinstance(node, sp.Pow) and values[0] == 0 and node.exp.is_negative:
            why = "a division by 0"
        if why:
            return f" ({node} with {', '.join(shown)}: {why})"
        return f" ({node} is undefined)" if node != expr else ""
    return ""


def _check_member(entries, st, seed, size, options):
    return _member_refutation(Assignment(entries, seed, options=options), st)


def refute_at(entries, statement, values, options=DEFAULT):
    """A counterexample to the Member `statement` at the scalars `values` (symbol -> Rational; a
    family -> Rational, every entry at that value; the other quantities drawn), or None when it
    holds there, cannot be decided there, or the values lie outside their sets in `entries` (a
    point found by reasoning, such as where completed squares vanish, rather than drawn)."""
    sets = dict(entries)
    if any(symbol in sets and not in_set(value, sets[symbol]) for symbol, value in values.items()):
        return None
    fixed = {symbol: ("value", value) for symbol, value in values.items()}
    point = Assignment(entries, "at", fixed, options)
    point.drawn.update({str(symbol): value for symbol, value in values.items()
                        if not isinstance(symbol, sp.IndexedBase)})  # a family's: as drawn
    try:
        return _member_refutation(point, statement)
    except (Inconclusive, MemoryError):
        return None


def _exactly(point, expr):
    """expr's value at the point, where its intervals leave it undecided, as sympy evaluates it
    with the point's rationals substituted, when that is a rational (log(1/2)/2 + log(1/2)/2 +
    log 2 is exactly 0: its interval straddles 0); None for a term of families, functions, sums,
    products or definitions, or a point with an irrational value."""
    if expr.atoms(sp.Indexed, AppliedUndef, sp.Sum, sp.Product) or any(
            hasattr(symbol, "body") for symbol in expr.free_symbols):
        return None
    values = {symbol: point.scalar(symbol) for symbol in expr.free_symbols}
    if not all(map(_is_exact, values.values())):
        return None
    result = expr.xreplace(values)
    return result if isinstance(result, sp.Rational) else None


def _member_refutation(point, st):
    v = point.value(st.expr)
    if v is UNDEFINED:
        detail = f"{st.expr} is undefined{_why_undefined(point, st.expr)}"
        return Refutation(f"at {_where(point)}: {detail}", point, [(st.expr, v)], detail)
    inside = in_set(v, st.set)
    exact = _exactly(point, st.expr) if inside is None else None
    if exact is not None:  # H(1/2) − log 2 = 0 against (0, ∞): within the tolerance of the end
        v, inside = exact, in_set(exact, st.set)
    if inside is None:
        raise Inconclusive("membership is not decided")
    if inside:
        return None
    detail = f"{st.expr} = {_show(v)} is not in {st.set}"  # what a report beside the point says
    return Refutation(f"at {_where(point)}: {detail}", point, [(st.expr, v)], detail)


def _check_increasing(entries, st, seed, size, options):
    entries = tuple((k, s) for k, s in entries if k != st.var)
    rng = random.Random(f"{seed}|increasing")
    ts = set()
    for _ in range(3 * size):
        t = sample(st.interval, rng)
        if t is not None:
            ts.add(t)
    ts = sorted(ts)[:size + 2]
    previous = None
    for t in ts:
        point = Assignment(entries, seed, {st.var: ("value", t)}, options)
        v = point.value(st.func)
        if v is UNDEFINED:
            others = f", {_where(point)}" if point.drawn else ""
            return Refutation(f"at {st.var} = {t}{others}: {st.func} is undefined", point,
                              [(st.func, v)])
        if previous is not None:
            side = compare(previous[1], v)
            if side in (">", "="):
                others = f" (where {_where(point)[1:-1]})" if point.drawn else ""
                return Refutation(f"{st.func} is {_show(previous[1])} at {st.var} = {previous[0]}"
                                  f" and {_show(v)} at {st.var} = {t}{others}",
                                  point, [(st.func.subs(st.var, previous[0]), previous[1]),
                                          (st.func.subs(st.var, t), v)])
        previous = (t, v)
    return None


def _check_optimizers(entries, st, seed, size, options):
    rng = random.Random(f"{seed}|optimizers")
    table = dict(entries)
    members = []
    for t in range(size):
        if members and rng.random() < 0.25:  # a repeated member: a tie
            members.append(members[rng.randrange(len(members))])
            continue
        overrides = {}
        for quantity in st.over:
            if isinstance(quantity, (sp.IndexedBase, UndefinedFunction)):
                overrides[quantity] = ("tag", f"t{t}")
            elif isinstance(quantity, sp.Symbol):
                drawn = sample(table.get(quantity, sp.S.Reals), rng)
                if drawn is None:
                    raise Inconclusive(f"{quantity} ranges over an empty set")
                overrides[quantity] = ("value", drawn)
            else:
                raise UnsupportedTerm(f"cannot optimize over {quantity!r}")
        members.append(overrides)
    f_values, g_values, points = [], [], []
    for overrides in members:
        point = Assignment(entries, seed, overrides, options)
        points.append(point)
        f_value, g_value = point.value(st.f), point.value(st.g)
        if (f_value is UNDEFINED) != (g_value is UNDEFINED):
            # the point with the optimized quantities' values, which are not drawn there
            chosen = {str(q): value for q, (kind, value) in overrides.items() if kind == "value"}
            refutation = Refutation(f"at {_where_values({**point.drawn, **chosen})}: {st.f} is "
                                    f"{_show(f_value)} but {st.g} is {_show(g_value)}", point,
                                    [(st.f, f_value), (st.g, g_value)])
            refutation.point.update(chosen)
            return refutation
        f_values.append(f_value)
        g_values.append(g_value)
    defined = [k for k, v in enumerate(f_values) if v is not UNDEFINED]
    f_best, f_not = _optimal(f_values, defined, st.sense_f)
    g_best, g_not = _optimal(g_values, defined, st.sense_g)
    clash = (f_best & g_not) | (f_not & g_best)
    if clash:
        k = min(clash)
        # T is a set: a tie drawn twice is one member, listed once
        unique = list(dict.fromkeys(m for m in defined if all(
            members[m] != members[other] for other in defined if other < m)))
        listed = [", ".join(f"{q} = {_show(value)}" for q, (kind, value) in members[m].items()
                            if kind == "value") for m in unique]
        named = all(listed)
        values = f" ({'; '.join(listed)})" if named else ""
        shown = ", ".join(f"({_show(f_values[m])}, {_show(g_values[m])})" for m in unique)
        position = next(u for u, m in enumerate(unique) if members[m] == members[k])
        who = listed[position] if named else f"member {position}"
        verdicts = ["an" if k in best else "not an" for best in (f_best, g_best)]
        # the point: member k, where the two disagree (the others are in the words)
        # the data, and the values T gives a parameter (a family's are tags, not shown)
        given = {key: v for key, v in points[k].drawn.items()
                 if str(key) not in {str(q) for q in st.over}}
        detail = (f"over a set T of {len(unique)} values of {', '.join(map(str, st.over))}"
                  f"{values}: {who} is {verdicts[0]} arg{st.sense_f} of {st.f} but "
                  f"{verdicts[1]} arg{st.sense_g} of {st.g}; values (f, g): {shown}")
        at = f"at {_where_values(given)}, " if given else ""
        refutation = Refutation(f"{at}{detail}", points[k],
                                [(st.f, f_values[k]), (st.g, g_values[k])], detail)
        refutation.point.update((str(quantity), value) for quantity, (kind, value)
                                in members[k].items() if kind == "value")
        return refutation
    return None


def _optimal(values, defined, sense):
    """(members surely optimal, members surely not optimal) among `defined`."""
    better = ">" if sense == "max" else "<"
    if sense not in ("max", "min"):
        raise UnsupportedTerm(f"sense {sense!r}")
    surely, surely_not = set(), set()
    for k, m in itertools.product(defined, repeat=2):
        if compare(values[m], values[k]) == better:
            surely_not.add(k)
    for k in defined:
        if all(k == m or compare(values[k], values[m]) in (better, "=") for m in defined):
            surely.add(k)
    return surely, surely_not
