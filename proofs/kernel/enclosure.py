"""Rational bounds lo ≤ c ≤ hi of a real constant c (trusted code), for the rules that compare a
constant such as e or log 2 with a rational: `member_monotone` at a point where the function's
value is irrational (eˣ ≤ 3 for x ∈ [0, 1], as e ≤ 3).

Imports sympy only, to read the constant's tree; the arithmetic is exact (Python's
`Fraction`): Taylor series whose remainders are bounded, each result rounded outward to 64
significant bits.  Nothing of sympy's or mpmath's numerics (evalf, interval contexts) is
used.  A constant built otherwise than from rationals, π, e, +, ·, powers, exp, log, sin, cos,
tanh, atan and |·| has no bounds here (None), nor one beyond 2^4096.
"""

from fractions import Fraction
from math import ceil, floor

import sympy as sp

from .terms import is_exact_rational, memoized

BITS = 64  # outward rounding to 64 significant bits keeps each fraction a few words long
HUGE = 2 ** 4096  # a bound beyond this is no use to a claim, and slow: none is given
TERMS = 24  # of each series: its rest is below 2⁻⁹⁰ where it is used
LARGEST = 1024  # |x| of an exp(x) bounded here: e¹⁰²⁴ has 445 digits
# π's first 40 digits, below and above (3.141592653589793238462643383279502884197|16…)
PI = (Fraction(3141592653589793238462643383279502884197, 10 ** 39),
      Fraction(3141592653589793238462643383279502884198, 10 ** 39))


def _grid(q):
    """2^e such that q · 2^e has BITS bits before the point (1 for a q that has more)."""
    size = abs(q.numerator).bit_length() - q.denominator.bit_length()
    return 2 ** max(0, BITS - size)


def _down(q):
    return Fraction(floor(q * _grid(q)), _grid(q))


def _up(q):
    return Fraction(ceil(q * _grid(q)), _grid(q))


def _exp(r):
    """(lo, hi) with lo ≤ eʳ ≤ hi for a rational r, |r| ≤ LARGEST."""
    if r < 0:
        lo, hi = _exp(-r)
        return _down(1 / hi), _up(1 / lo)
    halvings = 0
    while r > Fraction(1, 2):  # eʳ = (e^{r/2})²
        r, halvings = r / 2, halvings + 1
    total, term = Fraction(0), Fraction(1)
    for k in range(TERMS):
        total, term = total + term, term * r / (k + 1)
    # term is now r^N/N!; the rest, the sum of r^k/k! for k >= N, is at most
    # r^N/N! · (1 + 1/2 + 1/4 + …) = 2 r^N/N! for r <= 1/2
    lo, hi = _down(total), _up(total + 2 * term)
    for _ in range(halvings):
        lo, hi = _down(lo * lo), _up(hi * hi)
    return lo, hi


def _atanh(u):
    """(lo, hi) around atanh u, the sum of u^(2k+1)/(2k+1), for 0 <= u <= 1/3: the rest after N
    terms is at most u^(2N+1)/(1 − u²) <= 9/8 · u^(2N+1)."""
    total, power = Fraction(0), u
    for k in range(TERMS):
        total, power = total + power / (2 * k + 1), power * u * u
    return _down(total), _up(total + Fraction(9, 8) * power)


def _log(r):
    """(lo, hi) around log r for a rational r > 0: r = 2^m · f with f ∈ [2/3, 4/3], log f = 2
    atanh((f − 1)/(f + 1)) with |(f − 1)/(f + 1)| ≤ 1/5, log 2 = 2 atanh(1/3)."""
    m = r.numerator.bit_length() - r.denominator.bit_length()
    f = r / Fraction(2) ** m  # in (1/2, 2)
    if f > Fraction(4, 3):
        f, m = f / 2, m + 1
    elif f < Fraction(2, 3):
        f, m = f * 2, m - 1
    u = (f - 1) / (f + 1)
    lo_u, hi_u = _atanh(u) if u >= 0 else tuple(-end for end in reversed(_atanh(-u)))
    lo_2, hi_2 = _atanh(Fraction(1, 3))
    twos = (m * lo_2, m * hi_2) if m >= 0 else (m * hi_2, m * lo_2)
    return _down(2 * (twos[0] + lo_u)), _up(2 * (twos[1] + hi_u))


def _atan(r):
    """(lo, hi) around atan r for a rational r: atan r = −atan(−r) = π/2 − atan(1/r) (r > 0)
    = π/4 + atan((r − 1)/(r + 1)), down to |u| ≤ 5/12, where the series of u^(2k+1)/(2k+1) with
    alternating signs lies between two partial sums (its terms decrease)."""
    if r < 0:
        lo, hi = _atan(-r)
        return -hi, -lo
    if r > 1:
        lo, hi = _atan(1 / r)
        return _down(PI[0] / 2 - hi), _up(PI[1] / 2 - lo)
    if r > Fraction(5, 12):
        lo, hi = _atan((r - 1) / (r + 1))
        return _down(PI[0] / 4 + lo), _up(PI[1] / 4 + hi)
    total, power = Fraction(0), r
    for k in range(2 * TERMS):  # (5/12)^97 < 2⁻¹²²
        total, power = total + (-1) ** k * power / (2 * k + 1), power * r * r
    return _down(total), _up(total + power / (4 * TERMS + 1))  # the next term, positive


def _sin_taylor(r):
    """(lo, hi) around sin r for a rational |r| ≤ 4: the Taylor sum of the odd powers below
    2·TERMS + 1, whose rest is at most |r|^(2·TERMS+1)/(2·TERMS+1)! (Lagrange: every
    derivative of sin is at most 1)."""
    total, term = Fraction(0), r
    for k in range(TERMS):
        total, term = total + term, -term * r * r / ((2 * k + 2) * (2 * k + 3))
    return _down(total - abs(term)), _up(total + abs(term))


def _sine(lo, hi):
    """(lo', hi') around sin over [lo, hi]: shifted by a multiple 2nπ (with π's bounds) to
    [a, b] within [−4, 4], bounded by its values at the ends and by ±1 where a peak
    π/2 + 2mπ or a trough −π/2 + 2mπ may lie between; [−1, 1] where that is not possible
    (|x| > LARGEST)."""
    if max(-lo, hi) > LARGEST:
        return Fraction(-1), Fraction(1)
    n = round((lo + hi) / (4 * PI[0]))
    a = lo - 2 * n * (PI[1] if n > 0 else PI[0])
    b = hi - 2 * n * (PI[0] if n > 0 else PI[1])
    if max(-a, b) > 4:
        return Fraction(-1), Fraction(1)
    ends = _sin_taylor(_down(a)) + _sin_taylor(_up(b))
    low, high = min(ends), max(ends)
    for q in range(-3, 4, 2):  # qπ/2 for odd q: a peak where q ≡ 1 (mod 4), a trough where 3
        near = sorted((q * PI[0] / 2, q * PI[1] / 2))
        if near[0] <= b and near[1] >= a:
            low, high = (low, Fraction(1)) if q % 4 == 1 else (Fraction(-1), high)
    return max(low, Fraction(-1)), min(high, Fraction(1))


def _tanh(x, upper):
    """A bound of tanh x = 1 − 2/(e^(2x) + 1) for a rational x, increasing in e^(2x): below
    (above, if `upper`), ∓1 beyond the range of `_exp`."""
    if abs(2 * x) > LARGEST:
        return Fraction(-1 if x < 0 else 1) if upper == (x > 0) else _tanh(
            Fraction(LARGEST // 2) * (1 if x > 0 else -1), upper)
    e = _exp(2 * x)[1 if upper else 0]
    return (_up if upper else _down)(1 - 2 / (e + 1))


def _product(a, b):
    corners = [x * y for x in a for y in b]
    return _down(min(corners)), _up(max(corners))


def enclose(c):
    """(lo, hi), two Fractions with lo <= c <= hi, or None when c is not a real constant built
    from rationals, π, e, +, ·, powers (a non-integer one of a positive base), exp, log, sin,
    cos, tanh, atan and |·| — each node exactly of sympy's own type: the bounds are cached, and
    sympy's == lets an object of another type stand for a number among a term's arguments."""
    exact = all(is_exact_rational(node) or node is sp.pi or node is sp.E or type(node) in _HEADS
                for node in sp.preorder_traversal(c))
    return _enclose(c) if exact else None


_HEADS = (sp.Add, sp.Mul, sp.Pow, sp.exp, sp.log, sp.sin, sp.cos, sp.tanh, sp.atan, sp.Abs)


@memoized(maxsize=4096)
def _enclose(c):
    """`enclose` of a constant each of whose nodes is of one of sympy's own types (cached: sympy
    asks a number's sign again at each step)."""
    if is_exact_rational(c):  # (one beyond HUGE is no use, and slow)
        return (Fraction(c.p, c.q), Fraction(c.p, c.q)) if abs(c) <= HUGE else None
    if c is sp.pi or c is sp.E:
        return PI if c is sp.pi else _exp(Fraction(1))
    parts = [_enclose(arg) for arg in c.args]
    if None in parts or not parts:
        return None
    if isinstance(c, sp.Add):
        return _down(sum(lo for lo, _ in parts)), _up(sum(hi for _, hi in parts))
    if isinstance(c, sp.Mul) or (isinstance(c, sp.Pow) and c.exp.is_Integer):
        if isinstance(c, sp.Pow) and (abs(c.exp) > LARGEST or (c.exp < 0 and
                                                               parts[0][0] <= 0 <= parts[0][1])):
            return None  # too many factors, or 1/c for a c that may be 0
        factors = parts if isinstance(c, sp.Mul) else [parts[0]] * abs(int(c.exp))
        result = (Fraction(1), Fraction(1))
        for factor in factors:  # x² over [−1, 2] as [−2, 4]: wider than [0, 4], and sound
            result = _product(result, factor)
            if abs(result[0]) > HUGE or abs(result[1]) > HUGE:
                return None
        return result if isinstance(c, sp.Mul) or c.exp > 0 else (_down(1 / result[1]),
                                                                  _up(1 / result[0]))
    if isinstance(c, sp.Pow) and c.exp.is_Rational and parts[0][0] > 0:  # b^q = exp(q log b)
        q, logs = Fraction(c.exp.p, c.exp.q), (_log(_down(parts[0][0]))[0],
                                               _log(_up(parts[0][1]))[1])
        parts = [(min(q * logs[0], q * logs[1]), max(q * logs[0], q * logs[1]))]
    elif type(c) is sp.log and len(parts) == 1 and parts[0][0] > 0:
        return _log(_down(parts[0][0]))[0], _log(_up(parts[0][1]))[1]
    elif type(c) in (sp.sin, sp.cos):  # cos x = sin(x + π/2)
        (lo, hi), = parts
        shift = (0, 0) if type(c) is sp.sin else (PI[0] / 2, PI[1] / 2)
        return _sine(lo + shift[0], hi + shift[1])
    elif type(c) is sp.atan:  # increasing
        return _atan(_down(parts[0][0]))[0], _atan(_up(parts[0][1]))[1]
    elif type(c) is sp.tanh:  # increasing
        return _tanh(_down(parts[0][0]), upper=False), _tanh(_up(parts[0][1]), upper=True)
    elif type(c) is sp.Abs:
        (lo, hi), = parts
        return (lo, hi) if lo >= 0 else (-hi, -lo) if hi <= 0 else (Fraction(0), max(-lo, hi))
    elif type(c) is not sp.exp:  # not isinstance: sympy counts E**x (unevaluated) as exp
        return None
    (lo, hi), = parts  # exp, or a power written as one
    return (_exp(_down(lo))[0], _exp(_up(hi))[1]) if max(-lo, hi) <= LARGEST else None
