"""The kernel's table of functions (proofs/kernel/functions.py) and the interval rules that use it.

Every range rule is checked against an independent evaluation: random hulls with rational ends,
random exact points inside them, the function evaluated by sympy at 60 digits (or exactly), and the
value must lie in the hull the kernel computes.  Then the breadth examples: everyday positivity,
ranges and monotonicity claims proved (each theorem confirmed at random points by
proofs.testing.semantics), and their false neighbours disproved with a counterexample."""

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs import Context, Disproved, ProofError, check
from proofs.kernel import Equal, Member
from proofs.kernel import rules as K
from proofs.kernel.functions import TABLE, Need
from proofs.kernel.language import Hull, abs_hull, function_hull, mul_hulls, pow_hull
from proofs.testing import semantics

x, y, z, mu, k, n, i = sp.symbols("x y z mu k n i")
POS = sp.Interval.open(0, sp.oo)
REALS = sp.S.Reals

# ------------------------------------------------------------------------------------------------
# hulls against an independent evaluation
ENDS = st.one_of(st.fractions(min_value=-6, max_value=6, max_denominator=4).map(sp.Rational),
                 st.sampled_from([sp.S.Zero, sp.S.One, sp.S.NegativeOne]))


@st.composite
def hulls(draw, integer=False):
    lo, hi = sorted([draw(ENDS), draw(ENDS)])
    lo = -sp.oo if draw(st.integers(0, 5)) == 0 else lo
    hi = sp.oo if draw(st.integers(0, 5)) == 0 else hi
    lo_open = lo == -sp.oo or draw(st.booleans())
    hi_open = hi == sp.oo or draw(st.booleans())
    if lo == hi:
        lo_open = hi_open = False
    h = Hull(lo, hi, lo_open, hi_open, integer)
    if h.lo > h.hi or (h.lo == h.hi and (h.lo_open or h.hi_open)):
        h = Hull(lo, lo, False, False, integer)
    return h


@st.composite
def point_in(draw, h):
    """An exact point of the hull: an end when it is closed, else one inside."""
    # finite ends lie in [−6, 6], so these stay in [−8, 8]: erf(±8) is still 1e-29 inside (−1, 1)
    lo = h.lo if h.lo != -sp.oo else min(h.hi, 0) - 2
    hi = h.hi if h.hi != sp.oo else max(h.lo, 0) + 2
    if not h.lo_open and h.lo != -sp.oo and draw(st.booleans()):
        return h.lo
    if not h.hi_open and h.hi != sp.oo and draw(st.booleans()):
        return h.hi
    if lo == hi:
        return lo
    t = sp.Rational(draw(st.integers(1, 99)), 100)
    value = lo + (hi - lo) * t
    return sp.floor(value) if h.integer and sp.floor(value) > h.lo else value


def inside(value, h):
    """value ∈ h, decided with sympy's exact comparisons (numerically with a margin only for
    transcendental values, which are never equal to a rational end)."""
    above = value > h.lo if h.lo_open else value >= h.lo
    below = value < h.hi if h.hi_open else value <= h.hi
    return bool(above) and bool(below)


def in_domain(head, value):
    domain = TABLE[head].domain
    if domain is Need.POSITIVE:
        return value > 0
    if domain is Need.COUNT:
        return value.is_Integer and value >= 0
    return True


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(TABLE, key=lambda head: head.__name__)), st.data())
def test_every_function_of_the_table_takes_its_values_in_the_hull_the_kernel_computes(head, data):
    h = data.draw(hulls(integer=head is sp.factorial))
    if TABLE[head].domain is Need.POSITIVE and not h.is_positive():
        return
    if TABLE[head].domain is Need.COUNT and not (h.integer and h.lo >= 0):
        return
    result = function_hull(head, h)
    for _ in range(4):
        point = data.draw(point_in(h))
        if not in_domain(head, point):
            continue
        value = head(point)  # exact where sympy evaluates (tanh(0) = 0, 3! = 6), else below
        if not (value.is_Rational or value.is_NumberSymbol):
            value = sp.Float(value.evalf(60), 60)
        assert inside(value, result), f"{head}({point}) = {value} is not in {result} (arg in {h})"


@settings(max_examples=400, deadline=None)
@given(hulls(), st.sampled_from([sp.Integer(e) for e in (-3, -2, -1, 1, 2, 3, 4, 5)]
                                + [sp.Rational(1, 2), sp.Rational(3, 2), sp.Rational(-1, 2),
                                   sp.Rational(1, 3)]), st.data())
def test_powers_take_their_values_in_the_hull_or_are_refused_where_undefined(h, exponent, data):
    result = pow_hull(h, exponent)
    for _ in range(4):
        base = data.draw(point_in(h))
        defined = (exponent.is_Integer and (exponent > 0 or base != 0)) or (
            not exponent.is_Integer and (base > 0 or (base == 0 and exponent > 0)))
        if result is None:
            continue
        assert defined, f"{base}**{exponent} is undefined, yet a hull {result} was given for {h}"
        value = sp.Pow(base, exponent)
        value = value if value.is_Rational else sp.Float(value.evalf(60), 60)
        assert inside(value, result), f"{base}**{exponent} = {value} is not in {result}"


@settings(max_examples=300, deadline=None)
@given(hulls(), hulls(), st.data())
def test_a_real_power_keeps_its_base_s_side_of_1_for_an_exponent_known_nonnegative(h, e, data):
    """b^e for b in a hull and e in a second hull: the exponent's range (not only the term) can
    narrow b^e > 0 to (0, 1] or [1, ∞); checked at exact points of both, evaluated at 60
    digits."""
    result = pow_hull(h, sp.Symbol("e"), e)
    for _ in range(4):
        base, exponent = data.draw(point_in(h)), data.draw(point_in(e))
        if result is None:
            break
        assert base > 0, f"{base}**{exponent} may be undefined, yet a hull {result} was given"
        value = sp.Pow(base, exponent)
        value = value if value.is_Rational else sp.Float(value.evalf(60), 60)
        assert inside(value, result), f"{base}**{exponent} = {value} is not in {result}"


def test_a_real_power_is_narrowed_only_where_the_exponent_is_known_nonnegative():
    unit, above = Hull(0, 1, True, False), Hull(1, sp.oo, False, True)
    nonnegative, any_sign = Hull(0, 1, False, False, True), Hull(-1, 1, False, False)
    assert pow_hull(Hull(0, 1, True, True), sp.Symbol("e"), nonnegative) == unit
    assert pow_hull(Hull(1, 3, False, False), sp.Symbol("e"), nonnegative) == above
    assert pow_hull(Hull(0, 1, True, True), sp.Symbol("e"), any_sign) == Hull(0, sp.oo, True, True)
    assert pow_hull(Hull(0, 2, True, True), sp.Symbol("e"), nonnegative) == Hull(0, sp.oo, True,
                                                                                True)
    assert pow_hull(Hull(0, 1, False, True), sp.Symbol("e"), nonnegative) is None


@settings(max_examples=300, deadline=None)
@given(hulls(), hulls(), st.data())
def test_products_and_absolute_values_stay_in_their_hulls(a, b, data):
    for _ in range(4):
        u, v = data.draw(point_in(a)), data.draw(point_in(b))
        assert inside(u * v, mul_hulls(a, b)), f"{u}·{v} not in {mul_hulls(a, b)} ({a}, {b})"
        assert inside(abs(u), abs_hull(a)), f"|{u}| not in {abs_hull(a)}"


def test_the_hulls_are_tight_enough_to_be_useful():
    straddling = Hull(-1, 2, False, True)
    assert pow_hull(straddling, sp.Integer(2)) == Hull(0, 4, False, True)
    assert pow_hull(Hull(-3, -1, False, False), sp.Integer(3)) == Hull(-27, -1, False, False)
    half = sp.Rational(1, 2)
    assert mul_hulls(Hull(-1, 1, False, False), Hull(half, half, False, False)) == Hull(
        -half, half, False, False)
    assert function_hull(sp.tanh, Hull(0, sp.oo, True, True)) == Hull(0, 1, True, True)
    assert function_hull(sp.exp, Hull(0, sp.oo, False, True)) == Hull(1, sp.oo, False, True)
    assert abs_hull(Hull(-3, 2, True, False)) == Hull(0, 3, False, True)


def test_each_entry_names_its_domain_and_its_counterparts():
    for head, entry in TABLE.items():
        assert entry.head is head and entry.mathlib and entry.coq
        assert entry.domain in (None, Need.POSITIVE, Need.COUNT)
    assert TABLE[sp.log].domain is Need.POSITIVE and TABLE[sp.factorial].domain is Need.COUNT


# ------------------------------------------------------------------------------------------------
# kernel guards of member_function and the isolated-zeros monotonicity
# ------------------------------------------------------------------------------------------------
# the breadth examples
def sigmoid(t):
    return 1 / (1 + sp.exp(-t))


def softplus(t):
    return sp.log(1 + sp.exp(t))


Y, P = sp.IndexedBase("y"), sp.IndexedBase("p")
NATURALS = {n: sp.S.Naturals0}
# ∏ p_i^{y_i} (1 − p_i)^{1 − y_i}: each factor a power of a base in (0, 1), exponent >= 0
BERNOULLI = sp.Product(P[i] ** Y[i] * (1 - P[i]) ** (1 - Y[i]), (i, 1, n))
BERNOULLI_WHERE = {P: sp.Interval.open(0, 1), Y: sp.FiniteSet(0, 1), **NATURALS}
PROVED = [
    ("x² + 1 > 0", lambda: check.positive(x ** 2 + 1)),
    ("(x − 1)² + 1 > 0", lambda: check.positive((x - 1) ** 2 + 1)),
    ("Σ (y_i − μ)² + 1 > 0", lambda: check.positive(sp.Sum((Y[i] - mu) ** 2, (i, 1, n)) + 1,
                                                    where=NATURALS)),
    ("k! > 0", lambda: check.positive(sp.factorial(k), where={k: sp.S.Naturals0})),
    ("Γ(x) > 0 for x > 0", lambda: check.positive(sp.gamma(x), where={x: POS})),
    ("cosh x > 0", lambda: check.positive(sp.cosh(x))),
    ("1 + tanh x > 0", lambda: check.positive(1 + sp.tanh(x))),
    ("|x| + 1 > 0", lambda: check.positive(sp.Abs(x) + 1)),
    ("√(x² + 1) > 0", lambda: check.positive(sp.sqrt(x ** 2 + 1))),
    ("sin x ∈ [−1, 1]", lambda: check.member(sp.sin(x), sp.Interval(-1, 1))),
    ("cos x ∈ [−1, 1]", lambda: check.member(sp.cos(x), sp.Interval(-1, 1))),
    ("tanh x ∈ (−1, 1)", lambda: check.member(sp.tanh(x), sp.Interval.open(-1, 1))),
    ("atan x ∈ (−8/5, 8/5)", lambda: check.member(sp.atan(x), sp.Interval.open(
        sp.Rational(-8, 5), sp.Rational(8, 5)))),
    ("erf x ∈ (−1, 1)", lambda: check.member(sp.erf(x), sp.Interval.open(-1, 1))),
    ("σ(x) ∈ (0, 1)", lambda: check.member(sigmoid(x), sp.Interval.open(0, 1))),
    ("|x| ∈ [0, ∞)", lambda: check.member(sp.Abs(x), sp.Interval(0, sp.oo))),
    ("atan increasing", lambda: check.strictly_increasing(sp.atan(x), x, REALS)),
    ("tanh increasing", lambda: check.strictly_increasing(sp.tanh(x), x, REALS)),
    ("sinh increasing", lambda: check.strictly_increasing(sp.sinh(x), x, REALS)),
    ("erf increasing", lambda: check.strictly_increasing(sp.erf(x), x, REALS)),
    ("σ increasing", lambda: check.strictly_increasing(sigmoid(x), x, REALS)),
    ("softplus increasing", lambda: check.strictly_increasing(softplus(x), x, REALS)),
    ("x³ increasing", lambda: check.strictly_increasing(x ** 3, x, REALS)),
    ("x + x³ increasing", lambda: check.strictly_increasing(x + x ** 3, x, REALS)),
    ("x + sin(x)/2 increasing", lambda: check.strictly_increasing(x + sp.sin(x) / 2, x, REALS)),
    ("√x increasing on [0, ∞)", lambda: check.strictly_increasing(sp.sqrt(x), x,
                                                                 sp.Interval(0, sp.oo))),
    ("log x − 1/x increasing", lambda: check.strictly_increasing(sp.log(x) - 1 / x, x, POS)),
    # a derivative bounded over its common denominator: 1/(1 + x) − x/(1 + x)² = 1/(1 + x)²
    ("x/(1 + x) increasing on (−1, ∞)", lambda: check.strictly_increasing(
        x / (1 + x), x, sp.Interval.open(-1, sp.oo))),
    ("eˣ/(1 + eˣ) increasing", lambda: check.strictly_increasing(
        sp.exp(x) / (1 + sp.exp(x)), x, REALS)),
    ("x eˣ increasing on [−1, ∞)", lambda: check.strictly_increasing(
        x * sp.exp(x), x, sp.Interval(-1, sp.oo))),
    # a derivative with roots, over its common denominator: 1/√(1 + x²) − x²/(1 + x²)^(3/2)
    ("x/√(1 + x²) increasing", lambda: check.strictly_increasing(
        x / sp.sqrt(1 + x ** 2), x, REALS)),
    # a rational derivative >= 0 whose numerator x⁴ + 3x² vanishes only at 0
    ("x³/(1 + x²) increasing", lambda: check.strictly_increasing(x ** 3 / (1 + x ** 2), x,
                                                                 REALS)),
    # written with exp (cosh x − sinh x = e^(−x)) or over a conjugate (√(x + 1) − √x =
    # 1/(√(x + 1) + √x)) before intervals bound it
    ("cosh x − sinh x > 0", lambda: check.positive(sp.cosh(x) - sp.sinh(x))),
    ("2 cosh x − e^(−x) > 0", lambda: check.positive(2 * sp.cosh(x) - sp.exp(-x))),
    ("√(x + 1) − √x > 0", lambda: check.positive(sp.sqrt(x + 1) - sp.sqrt(x),
                                                where={x: sp.Interval(0, sp.oo)})),
    # logs against other terms, as one log whose argument is > 1: softplus(x) − x =
    # log(1 + e^(−x)), log(eˣ + eʸ) − y = log(1 + e^(x − y)), log(1 + x) − log x = log(1 + 1/x)
    ("softplus(x) > x", lambda: check.positive(softplus(x) - x)),
    ("log-sum-exp above each term", lambda: check.positive(
        sp.log(sp.exp(x) + sp.exp(mu)) - mu)),
    ("log(1 + x) > log x", lambda: check.positive(sp.log(1 + x) - sp.log(x), where={x: POS})),
    ("x > log(eˣ − 1) for x > 0", lambda: check.positive(x - sp.log(sp.exp(x) - 1),
                                                          where={x: POS})),
    # by cases on the sign of the variable (where an absolute value's argument changes sign, or
    # at 0): on each piece |a| is a or −a, and a root against a variable is bounded over its
    # conjugate (1 − x/√(1 + x²) = 1/((√(1 + x²) + x)√(1 + x²)) for x ≥ 0)
    ("softsign x/(1 + |x|) ∈ (−1, 1)", lambda: check.member(x / (1 + sp.Abs(x)),
                                                            sp.Interval.open(-1, 1))),
    ("x/√(1 + x²) ∈ (−1, 1)", lambda: check.member(x / sp.sqrt(1 + x ** 2),
                                                   sp.Interval.open(-1, 1))),
    ("|x| ≥ x", lambda: check.member(sp.Abs(x) - x, sp.Interval(0, sp.oo))),
    ("|x − 1| + |x + 1| ≥ 2", lambda: check.member(sp.Abs(x - 1) + sp.Abs(x + 1),
                                                   sp.Interval(2, sp.oo))),
    ("|x − 1| = x − 1 for x ≥ 1", lambda: check.equal(sp.Abs(x - 1), x - 1,
                                                      where={x: sp.Interval(1, sp.oo)})),
    # on each piece the absolute value written signed, then any route: x − log cosh x increases
    # from 0 for x ≥ 0 (its slope 1 − tanh x is 2/(e^(2x) + 1) written with exp)
    ("log cosh x ≤ |x|", lambda: check.member(sp.Abs(x) - sp.log(sp.cosh(x)),
                                              sp.Interval(0, sp.oo))),
    ("√(1 + x²) ≤ 1 + |x|", lambda: check.member(1 + sp.Abs(x) - sp.sqrt(1 + x ** 2),
                                                 sp.Interval(0, sp.oo))),
    # a slope >= 0 written with exp: cosh x − 1 = (eˣ − 1)² e^(−x)/2, > 0 for x > 0
    ("sinh x ≥ x for x ≥ 0", lambda: check.member(sp.sinh(x) - x, sp.Interval(0, sp.oo),
                                                  where={x: sp.Interval(0, sp.oo)})),
    ("x − log cosh x increasing", lambda: check.strictly_increasing(
        x - sp.log(sp.cosh(x)), x, REALS)),
    ("12 log(1 + x) > 12 log x", lambda: check.positive(12 * sp.log(1 + x) - 12 * sp.log(x),
                                                        where={x: POS})),
    ("x²/(1 + x²) ∈ [0, 1)", lambda: check.member(x ** 2 / (1 + x ** 2), sp.Interval.Ropen(0, 1))),
    ("σ(x)(1 − σ(x)) ∈ (0, 1/4]", lambda: check.member(
        sigmoid(x) * (1 - sigmoid(x)), sp.Interval.Lopen(0, sp.Rational(1, 4)))),
    ("∏ p_i ∈ (0, 1]", lambda: check.member(sp.Product(P[i], (i, 1, n)), sp.Interval.Lopen(0, 1),
                                           where={P: sp.Interval.open(0, 1), **NATURALS})),
    ("∏ (1 + p_i) ≥ 1", lambda: check.member(sp.Product(1 + P[i], (i, 1, n)),
                                            sp.Interval(1, sp.oo),
                                            where={P: sp.Interval(0, sp.oo), **NATURALS})),
    ("Bernoulli likelihood ∈ (0, 1]", lambda: check.member(BERNOULLI, sp.Interval.Lopen(0, 1),
                                                          where=BERNOULLI_WHERE)),
    ("√x ∈ (0, 1] on (0, 1]", lambda: check.member(sp.sqrt(x), sp.Interval.Lopen(0, 1),
                                                  where={x: sp.Interval.Lopen(0, 1)})),
    ("x^(y_i) ≥ 1", lambda: check.member(x ** Y[i], sp.Interval(1, sp.oo),
                                         where={x: sp.Interval(1, 2), Y: sp.Interval(0, sp.oo)})),
]


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, _ in PROVED])
def test_everyday_claims_are_proved_and_confirmed_numerically(claim):
    theorem = claim[1]()
    verdict = semantics.confirm(theorem.context.entries, theorem.statement, points=30)
    assert verdict and verdict.decided > 0, verdict


DISPROVED = [
    ("x³ − x increasing", lambda: check.strictly_increasing(x ** 3 - x, x, REALS)),
    ("x + 2 sin x increasing", lambda: check.strictly_increasing(x + 2 * sp.sin(x), x, REALS)),
    ("1/(1 + eˣ) increasing", lambda: check.strictly_increasing(1 / (1 + sp.exp(x)), x, REALS)),
    ("x eˣ increasing on (−2, ∞)", lambda: check.strictly_increasing(
        x * sp.exp(x), x, sp.Interval.open(-2, sp.oo))),
    ("x/(1 + x) decreasing: −x/(1 + x) increasing", lambda: check.strictly_increasing(
        -x / (1 + x), x, sp.Interval.open(-1, sp.oo))),
    ("x³/(1 + x²) − x increasing", lambda: check.strictly_increasing(
        x ** 3 / (1 + x ** 2) - x, x, REALS)),
    ("x/√(1 + x²) − x/2 increasing", lambda: check.strictly_increasing(
        x / sp.sqrt(1 + x ** 2) - x / 2, x, REALS)),
    ("softplus(x) > x + 1", lambda: check.positive(softplus(x) - x - 1)),
    ("log(eˣ − 1) > x for x > 0", lambda: check.positive(sp.log(sp.exp(x) - 1) - x,
                                                         where={x: POS})),
    ("2 log(1 + x) > log(1 + 2x) for x ≥ 0 (equal at 0)", lambda: check.positive(
        2 * sp.log(1 + x) - sp.log(1 + 2 * x), where={x: sp.Interval(0, sp.oo)})),
    ("|x| > x", lambda: check.positive(sp.Abs(x) - x)),
    ("|x − 1| + |x + 1| > 2", lambda: check.member(sp.Abs(x - 1) + sp.Abs(x + 1),
                                                   sp.Interval.open(2, sp.oo))),
    ("2x/√(1 + x²) ∈ (−1, 1)", lambda: check.member(2 * x / sp.sqrt(1 + x ** 2),
                                                    sp.Interval.open(-1, 1))),
    ("x/(1 + |x|) ∈ (0, 1)", lambda: check.member(x / (1 + sp.Abs(x)), sp.Interval.open(0, 1))),
    ("|x − 1| = x − 1 for x ≥ 0", lambda: check.equal(sp.Abs(x - 1), x - 1,
                                                      where={x: sp.Interval(0, sp.oo)})),
    ("log cosh x ≤ |x|/2", lambda: check.member(sp.Abs(x) / 2 - sp.log(sp.cosh(x)),
                                                sp.Interval(0, sp.oo))),
    ("√(1 + x²) ≤ 1 + |x|/2", lambda: check.member(1 + sp.Abs(x) / 2 - sp.sqrt(1 + x ** 2),
                                                   sp.Interval(0, sp.oo))),
    ("sinh x ≥ 2x for x ≥ 0", lambda: check.member(sp.sinh(x) - 2 * x, sp.Interval(0, sp.oo),
                                                   where={x: sp.Interval(0, sp.oo)})),
    ("sinh x − cosh x > 0", lambda: check.positive(sp.sinh(x) - sp.cosh(x))),
    ("√x − √(x + 1) > 0", lambda: check.positive(sp.sqrt(x) - sp.sqrt(x + 1),
                                                where={x: sp.Interval(0, sp.oo)})),
    ("x²/(1 + x²) < 1/2", lambda: check.member(x ** 2 / (1 + x ** 2),
                                               sp.Interval.Ropen(0, sp.Rational(1, 2)))),
    ("σ(x)(1 − σ(x)) < 1/4", lambda: check.member(
        sigmoid(x) * (1 - sigmoid(x)), sp.Interval.open(0, sp.Rational(1, 4)))),
    ("k! − 1 > 0", lambda: check.positive(sp.factorial(k) - 1, where={k: sp.S.Naturals0})),
    ("Γ(x) > 0 for real x", lambda: check.positive(sp.gamma(x))),
    ("|x| > 0", lambda: check.positive(sp.Abs(x))),
    ("tanh x > 0", lambda: check.positive(sp.tanh(x))),
    ("cosh x − 1 > 0", lambda: check.positive(sp.cosh(x) - 1)),
    # the empty product (n = 0) is 1
    ("∏ p_i ∈ (0, 1)", lambda: check.member(sp.Product(P[i], (i, 1, n)), sp.Interval.open(0, 1),
                                           where={P: sp.Interval.open(0, 1), **NATURALS})),
    # with p_i up to 2, p_i^{y_i} reaches 2; with y_i down to −1, x^{y_i} falls below 1
    ("∏ p_i^{y_i} ∈ (0, 1] for p_i < 2", lambda: check.member(
        sp.Product(P[i] ** Y[i], (i, 1, n)), sp.Interval.Lopen(0, 1),
        where={**BERNOULLI_WHERE, P: sp.Interval.open(0, 2)})),
    ("x^(y_i) ≥ 1 for y_i ≥ −1", lambda: check.member(
        x ** Y[i], sp.Interval(1, sp.oo), where={x: sp.Interval(2, 3), Y: sp.Interval(-1, sp.oo)})),
]


@pytest.mark.parametrize("claim", DISPROVED, ids=[name for name, _ in DISPROVED])
def test_false_neighbours_are_disproved_with_a_counterexample(claim):
    with pytest.raises(Disproved) as refusal:
        claim[1]()
    error = refusal.value
    assert " is false: " in str(error) and error.values
    # the counterexample is real: sympy's own evaluation at the point shows the claim failing
    point = {sp.Symbol(name): value for name, value in error.point.items()}
    if isinstance(error.claim, Member):
        value = error.claim.expr.subs(point)
        assert not value.is_finite or not error.claim.set.contains(value.evalf(30))
    elif isinstance(error.claim, Equal):
        assert (error.claim.lhs - error.claim.rhs).subs(point).evalf(30) != 0
    else:  # the function at two points t0 < t1 (the terms, exact): not rising
        (earlier, _), (later, _) = error.values
        assert earlier.evalf(30) >= later.evalf(30)


def test_a_rational_derivative_whose_numerator_may_vanish_everywhere_is_not_enough():
    """y x³/(1 + x²) for y >= 0: its derivative's numerator y(x⁴ + 3x²) has no nonzero rational
    coefficient, and at y = 0 the function is constant: never proved increasing."""
    with pytest.raises(ProofError):
        check.strictly_increasing(mu * x ** 3 / (1 + x ** 2), x, REALS,
                                  where={mu: sp.Interval(0, sp.oo)})


# ------------------------------------------------------------------------------------------------
# binomial coefficients: C(n, k) for counts, 0 when k > n (sympy's and Mathlib's Nat.choose)
def test_binomial_ranges_against_the_values():
    for top in range(0, 7):
        for bottom in range(0, 9):
            context = Context({n: sp.FiniteSet(top), k: sp.FiniteSet(bottom)})
            facts = [K.member_context(context, n), K.member_context(context, k)]
            value = sp.binomial(top, bottom)
            assert K.member_binomial(*facts).statement == Member(sp.binomial(n, k), sp.S.Naturals0)
            if bottom <= top:
                rest = K.member_add(facts[0], K.member_mul(K.member_context(context, -1), facts[1]))
                shown = K.member_binomial(*facts, rest).statement
                assert shown == Member(sp.binomial(n, k), sp.S.Naturals) and value >= 1
            else:
                assert value == 0




def test_a_slope_of_hyperbolic_functions_is_written_with_exp_only_when_it_stays_small():
    """1 − tanh x is 2/(e^(2x) + 1) written with exp; tanh(7x/5) beside tanh(11x/3) would be a
    polynomial of high degree in e^(x/15), seconds in sympy's factor (a review): not tried."""
    from proofs.rules.monotonicity import _by_exp

    assert _by_exp(1 - sp.sinh(x) / sp.cosh(x)) == [2 / (sp.exp(2 * x) + 1)]
    slope = sp.diff(2 * x - sp.Rational(5, 7) * sp.tanh(sp.Rational(7, 5) * x)
                    - sp.Rational(3, 11) * sp.tanh(sp.Rational(11, 3) * x), x)
    assert _by_exp(slope) == []
    assert _by_exp(1 - sp.exp(x)) == []  # no hyperbolic function: nothing to write
