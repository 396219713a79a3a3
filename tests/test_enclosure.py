"""proofs/kernel/enclosure.py: rational bounds of a constant, checked against sympy's evalf at 60
digits (an independent evaluation, by mpmath: the kernel's module uses no floating point)."""

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs.kernel.enclosure import enclose


def _holds(c):
    lo, hi = enclose(c)
    value = c if c.is_Rational else sp.N(c, 60)  # a rational exactly, else to 60 digits
    assert sp.Rational(lo.numerator, lo.denominator) <= value <= sp.Rational(hi.numerator,
                                                                             hi.denominator), c
    return lo, hi


@pytest.mark.parametrize("constant", [
    sp.E, sp.pi, sp.exp(-3), sp.log(2), sp.log(sp.Rational(1, 1000)), sp.sqrt(3), 2 - sp.log(2),
    sp.exp(1000), sp.exp(-1000), sp.Rational(7, 3) ** sp.Rational(2, 3), sp.log(10 ** 30 + 1),
    sp.exp(sp.Rational(1, 3)) * sp.pi - sp.log(5), (sp.sqrt(2) - 1) ** 5, 1 / (sp.E - 2),
    sp.exp(sp.sqrt(2)), (1 - sp.E) ** 3, (1 - sp.E) ** -2, sp.pi ** -3,
    sp.log(sp.Rational(1, 10 ** 400)), sp.exp(-sp.Rational(1, 10 ** 40)),
    # a review: powers computed without rounding took seconds (π¹⁰²⁴ 2.7 s, (π + 3⁻¹⁰⁰)¹⁰⁰⁰ 35 s)
    sp.pi ** 1024, sp.pi ** -1024, (sp.pi + sp.E) ** 1024,
    (sp.pi + sp.Rational(1, 3 ** 100)) ** 1000,
    sp.exp(1 + sp.Rational(1, 3 ** 10000)), sp.log(1 + sp.Rational(1, 3 ** 10000)),
    sp.Pow(sp.E, sp.Rational(1, 2), evaluate=False),
    # sin, cos, tanh, atan and |·|: near their zeros, peaks and asymptotes, and far out
    sp.sin(1), sp.cos(1), sp.sin(sp.Rational(355, 113)), sp.cos(sp.Rational(355, 226)),
    sp.sin(sp.Rational(1, 10 ** 12)), sp.sin(1000), sp.cos(-1000), sp.sin(sp.Rational(-7, 2)),
    sp.sin(sp.pi - sp.Rational(1, 10 ** 6)), sp.cos(2 * sp.pi - sp.Rational(1, 10 ** 6)),
    sp.sin(sp.Rational(11, 7)), sp.cos(sp.Rational(22, 7)), sp.sin(sp.E ** 3),
    sp.atan(sp.Rational(5, 12)), sp.atan(1 + sp.Rational(1, 10 ** 9)), sp.atan(-7),
    sp.atan(10 ** 40), sp.atan(sp.pi), sp.tanh(sp.Rational(1, 3)), sp.tanh(-5), sp.tanh(400),
    sp.Abs(sp.sin(2) - 1), sp.Abs(sp.cos(2)), sp.Abs(sp.atan(3) - sp.pi / 2),
])
def test_each_constant_lies_between_its_bounds(constant):
    lo, hi = _holds(constant)
    if abs(sp.N(constant)) > 1e-100 and abs(sp.N(constant)) < 1e100:  # and they are close
        assert (hi - lo) <= Fraction(1, 10 ** 12) * max(1, abs(Fraction(str(sp.N(constant, 30)))))


@pytest.mark.parametrize("constant", [
    sp.erf(1), sp.asin(sp.Rational(1, 3)), sp.Symbol("x"), sp.exp(1025), sp.pi ** 2000,
    2 ** sp.sqrt(2), sp.cbrt(-8),
    sp.log(sp.E - 3), sp.EulerGamma, sp.Float(0.5), 1 / (sp.pi - sp.pi + sp.Symbol("y")),
    sp.exp(sp.exp(sp.Integer(10))),
    # a review: E**π unevaluated is an exp to sympy, with E as its argument (a crash), and a
    # logarithm to a base was read as the natural one
    sp.Pow(sp.E, sp.pi, evaluate=False), sp.log(3, 2, evaluate=False),
    sp.Pow(sp.pi ** 1024, 1024, evaluate=False),  # beyond 2^4096: no use, and slow
    sp.Integer(2) ** 5000 + sp.pi,
])
def test_a_constant_built_otherwise_has_no_bounds(constant):
    assert enclose(constant) is None


def test_far_out_sin_and_tanh_keep_their_range():
    """Beyond e¹⁰²⁴ (tanh) or 1024 (sin, whose shift by 2nπ would lose π's precision) the bounds
    are the function's range, and still hold."""
    assert enclose(sp.sin(10 ** 87)) == (-1, 1) and enclose(sp.cos(-sp.Integer(2) ** 60)) == (-1, 1)
    lo, hi = _holds(sp.tanh(10 ** 6))
    assert hi == 1 and 1 - lo < Fraction(1, 10 ** 18)
    lo, hi = _holds(sp.tanh(-10 ** 6))
    assert lo == -1 and 1 + hi < Fraction(1, 10 ** 18)


def test_a_sine_whose_range_holds_a_peak_is_bounded_by_one():
    """sin over an interval around π/2 (a constant whose own bounds hold it) reaches 1 there, not
    only its values at the interval's ends; and sin² + cos² − 1, exactly 0, has no sign."""
    half_pi = sp.Rational(15707963267948966192313216916397514420985, 10 ** 40)  # π/2 − 8·10⁻⁴¹
    assert _holds(sp.sin(half_pi))[1] == 1 and _holds(sp.sin(-half_pi))[0] == -1
    assert _holds(sp.sin(3 * half_pi))[0] == -1 and _holds(sp.cos(2 * half_pi))[0] == -1
    assert _holds(sp.cos(sp.Rational(1, 10 ** 50)))[1] == 1
    one = sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1
    lo, hi = enclose(one)
    assert lo < 0 < hi and one.is_positive is None and one.is_zero is None


def test_sympy_decides_with_these_bounds_in_the_user_s_code():
    """Importing proofs replaces sympy's numeric sign decisions by these bounds; sin, cos, tanh,
    atan and |·| among them give the user's comparisons back."""
    import proofs  # noqa: F401

    assert sp.sin(1) > 0 and sp.cos(2) < 0 and sp.atan(3) > 1 and sp.tanh(1) < 1
    assert sp.Abs(sp.sin(1) - 1) == 1 - sp.sin(1) and sp.floor(10 * sp.cos(1)) == 5
    with pytest.raises(TypeError, match="cannot determine truth value"):
        bool(sp.erf(1) > sp.Rational(1, 2))


def test_a_reciprocal_of_an_interval_holding_zero_has_no_bounds():
    """1/(e − e′) where the two bounds of e − e′ straddle 0 (sympy would cancel e − e itself)."""
    near = sp.Add(sp.E, -sp.Rational(27182818284590452, 10 ** 16), evaluate=False)
    assert enclose(sp.Pow(near, -1, evaluate=False)) is not None  # e − 2.718…2 > 2⁻⁶⁴
    straddling = sp.Add(sp.E, -sp.Rational(271828182845904523536, 10 ** 20), evaluate=False)
    assert enclose(sp.Pow(straddling, -1, evaluate=False)) is None


RATIONALS = st.fractions(min_value=-20, max_value=20, max_denominator=50).map(sp.Rational)
POINTS = st.fractions(min_value=-1100, max_value=1100, max_denominator=10 ** 6).map(sp.Rational)
LEAVES = st.one_of(RATIONALS, st.sampled_from([sp.E, sp.pi]))


def _trees(children):
    return st.one_of(
        st.tuples(children, children).map(lambda pair: pair[0] + pair[1]),
        st.tuples(children, children).map(lambda pair: pair[0] * pair[1]),
        st.tuples(children, st.integers(-4, 5)).map(
            lambda pair: sp.Pow(pair[0], pair[1]) if pair[0] != 0 or pair[1] > 0 else pair[0]),
        children.map(lambda c: sp.exp(c) if abs(sp.N(c)) < 60 else c),
        children.map(lambda c: sp.log(c) if sp.N(c) > 0 else c),
        st.tuples(children, st.sampled_from([sp.sin, sp.cos, sp.tanh, sp.atan, sp.Abs])).map(
            lambda pair: pair[1](pair[0]) if abs(sp.N(pair[0])) < 2000 else pair[0]),
        st.tuples(children, st.sampled_from([sp.Rational(1, 2), sp.Rational(-2, 3)])).map(
            lambda pair: pair[0] ** pair[1] if sp.N(pair[0]) > 0 else pair[0]),
    )


@settings(max_examples=300, deadline=None)
@given(st.recursive(LEAVES, _trees, max_leaves=6))
def test_random_constants_lie_between_their_bounds(constant):
    """Every bounded constant is inside its bounds, at 60 digits; those left unbounded are
    ones with a reciprocal of something that may be 0 or an exponent beyond the limit."""
    if not constant.is_real or constant.has(sp.zoo, sp.nan, sp.oo) or abs(sp.N(constant)) > 1e300:
        return
    if enclose(constant) is not None:
        _holds(constant)


@settings(max_examples=300, deadline=None)
@given(POINTS, st.sampled_from([sp.sin, sp.cos, sp.tanh, sp.atan]))
def test_each_function_at_a_rational_lies_between_its_bounds(point, function):
    """At any rational up to 1100 (beyond the sine's shift limit), bounds that hold and are tight
    where the function is not its range."""
    lo, hi = _holds(function(point))
    if abs(point) <= 1000:
        assert hi - lo < Fraction(1, 10 ** 9)
