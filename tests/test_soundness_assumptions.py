"""Soundness class 3: sympy's assumptions never rewrite the question.

Inside the kernel symbols are plain; at the boundary a symbol's assumptions become its range, a
`where` range must lie within them (sympy may already have used them to build the claim), an index
with assumptions must take only values they allow, and assumptions no range states are refused."""

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs import DefinedFamily, Disproved, ProofError, check
from proofs.errors import UnsupportedError
from proofs.kernel import Member, StrictlyIncreasing
from proofs.testing import semantics

x = sp.Symbol("x")
xp = sp.Symbol("x", positive=True)
POS = sp.Interval.open(0, sp.oo)


def test_sympy_already_simplified_abs_so_an_interval_outside_the_assumption_is_refused():
    assert sp.Abs(xp) == xp  # the claim sympy hands over is about x, not |x|
    with pytest.raises(UnsupportedError, match="positive=True"):
        check.strictly_increasing(sp.Abs(xp), xp, sp.Interval(-1, 1))
    with pytest.raises(UnsupportedError, match="positive=True"):
        check.positive(-sp.Abs(xp), where={xp: sp.Interval(-2, -1)})


def test_a_where_range_must_lie_within_the_assumptions():
    with pytest.raises(UnsupportedError, match="where= gives x the range"):
        check.positive(xp + 1, where={xp: sp.Interval(-1, 1)})
    n = sp.Symbol("n", integer=True, positive=True)
    with pytest.raises(UnsupportedError, match="Naturals"):  # [1, 5] has non-integers: not within ℕ
        check.positive(n, where={n: sp.Interval(1, 5)})
    assert check.positive(n, where={n: sp.Range(1, 6)})


def test_assumptions_become_ranges_of_plain_symbols():
    th = check.positive(xp + 1)
    assert th.statement == Member(x + 1, POS) and th.context.lookup(x) == POS
    assert check.strictly_increasing(sp.log(xp), xp, POS).statement == StrictlyIncreasing(
        sp.log(x), x, POS
    )
    assert check.positive(xp, where={xp: sp.Interval(1, 2)}).context.lookup(x) == sp.Interval(1, 2)


@pytest.mark.parametrize(
    "flags",
    [
        {"nonzero": True},
        {"even": True},
        {"prime": True},
        {"rational": True},
        {"finite": True},
        {"extended_real": True},
    ],
)
def test_assumptions_that_state_no_range_are_refused(flags):
    s = sp.Symbol("s", **flags)
    with pytest.raises(UnsupportedError, match="no range"):
        check.positive(s**2 + 1)


def test_an_index_with_assumptions_takes_only_values_they_allow():
    i = sp.Symbol("i", integer=True, positive=True)
    p = sp.IndexedBase("p")
    where = {p: sp.Interval.open(0, 1)}
    assert check.positive(sp.Sum(p[i], (i, 1, 3)), where=where)
    # from 0 the index takes the value 0, which its assumption (i ≥ 1) excludes: sympy may have used
    # it
    with pytest.raises(UnsupportedError, match="index i"):
        check.positive(sp.Sum(p[i], (i, 0, 3)), where=where)
    half = sp.Symbol("h", integer=True)
    with pytest.raises(UnsupportedError, match="index h"):  # an integer index cannot start at 1/2
        check.positive(sp.Sum(p[half], (half, sp.Rational(1, 2), sp.Rational(5, 2))), where=where)
    even = sp.Symbol("e", even=True)
    with pytest.raises(
        UnsupportedError, match="no range"
    ):  # Σ_{e=1}^{2} (−1)^e, which sympy made Σ 1
        check.equal(sp.Sum((-1) ** even, (even, 1, 2)), 2)


def test_an_index_over_a_range_that_may_be_reversed_takes_karr_s_values_too():
    """Σ_{k=1}^{n} where n may be negative: the kernel reads a reversed range as undefined, sympy
    by Karr's convention (n = −3 sums k = −2, −1, 0, negated), so an index whose assumptions sympy
    may have used must lie within them in both readings.  Everyday `symbols("k n", integer=True)`
    passes whatever n is (it was refused); a nonnegative index from 5 passes where n ≥ 0 (Karr's
    values n + 1, …, 4 are ≥ 1), not where n is any integer; a positive one from 1 never (0)."""
    k, n = sp.symbols("k n", integer=True)
    theorem = check.equal(2 * sp.Sum((k + x) ** 3, (k, 1, n)), sp.Sum(2 * (k + x) ** 3, (k, 1, n)))
    verdict = semantics.confirm(theorem.context.entries, theorem.statement, points=12)
    assert verdict and verdict.decided >= 6, verdict
    natural = sp.Symbol("k", integer=True, nonnegative=True)
    # sympy made √(k²) into k: true for the k ≥ 0 that Σ_{k=0}^{n} takes with n ≥ 0, but with
    # n = −3 Karr's reading takes k = −2, −1
    folded = sp.Sum(sp.sqrt(natural ** 2), (natural, 0, n))
    assert folded == sp.Sum(natural, (natural, 0, n))
    theorem = check.equal(2 * folded, sp.Sum(2 * natural, (natural, 0, n)),
                          where={n: sp.S.Naturals0})
    assert semantics.confirm(theorem.context.entries, theorem.statement, points=12)
    with pytest.raises(UnsupportedError, match="index k"):
        check.equal(2 * folded, sp.Sum(2 * natural, (natural, 0, n)))
    from_five = sp.Sum(natural ** 2, (natural, 5, n))
    assert check.equal(2 * from_five, sp.Sum(2 * natural ** 2, (natural, 5, n)),
                       where={n: sp.S.Naturals0})
    with pytest.raises(UnsupportedError, match="index k"):
        check.equal(2 * from_five, sp.Sum(2 * natural ** 2, (natural, 5, n)))
    positive = sp.Symbol("k", integer=True, positive=True)
    with pytest.raises(UnsupportedError, match="index k"):
        check.equal(sp.Sum(positive, (positive, 1, n)), sp.Sum(positive, (positive, 1, n)))


def test_an_inner_index_with_assumptions_takes_the_values_the_outer_sums_allow():
    """Σ_{i=1}^{n} Σ_{j=1}^{i} and Σ_{i=1}^{n} Σ_{j=i}^{n} with i, j positive integers, as written
    with `symbols("i j", integer=True, positive=True)`: j's values lie within its assumptions
    because i's do (the count n − i + 1 is read at i's ends, 1 and n), three sums deep too; where
    the outer range lets j reach 0, or is reversed (sympy's Karr reading takes i = −2, …, 4), it
    is refused."""
    n = sp.Symbol("n", integer=True, positive=True)
    i, j, k = sp.symbols("i j k", integer=True, positive=True)
    y = sp.IndexedBase("y")
    plain = dict(zip((n, i, j, k), sp.symbols("n i j k")))
    for claim in (sp.Sum(sp.Sum(y[i] * y[j], (j, 1, i)), (i, 1, n)),
                  sp.Sum(sp.Sum(y[j], (j, i, n)), (i, 1, n)),
                  sp.Sum(sp.Sum(y[j], (j, 1, i - 1)), (i, 1, n)),
                  sp.Sum(sp.Sum(sp.Sum(y[k], (k, j, i)), (j, 1, i)), (i, 1, n))):
        th = check.equal(claim, claim)
        assert th.statement.lhs == claim.xreplace(plain)
    for claim in (sp.Sum(sp.Sum(y[j], (j, 0, i)), (i, 1, n)),
                  sp.Sum(sp.Sum(y[j], (j, i - 1, n)), (i, 1, n)),
                  sp.Sum(sp.Sum(y[j], (j, plain[i], n + plain[i])), (plain[i], -3, 5)),
                  sp.Sum(sp.Sum(y[j], (j, plain[i], n)), (plain[i], 5, -3))):
        with pytest.raises(UnsupportedError, match="index j"):
            check.equal(claim, claim)


def test_an_index_with_assumptions_in_a_family_s_body_takes_any_value_of_its_parameter():
    """q(i) := Σ_{k=i}^{3} √(k²) with k a positive integer, which sympy folds to Σ_{k=i}^{3} k: the
    family's parameter i is not the index i of a sum around q(i − 4), whose range [1, 1] once let k
    pass, and q(−3) was proved 0 where the sum as written is 12.  The parameter takes any argument,
    so k's values are not shown to be positive and the claim is refused, saying why."""
    i = sp.Symbol("i")
    k = sp.Symbol("k", integer=True, positive=True)
    q = DefinedFamily("q", [i], sp.Sum(sp.sqrt(k ** 2), (k, i, 3)))
    assert q.body == sp.Sum(k, (k, i, 3))  # what sympy made of it
    as_written = sum(abs(value) for value in range(-3, 4))
    assert as_written == 12
    for value in (0, as_written):
        with pytest.raises(UnsupportedError, match="parameter i takes any argument"):
            check.equal(sp.Sum(q(i - 4), (i, 1, 1)), value)
    with pytest.raises(UnsupportedError, match="parameter i takes any argument"):
        check.equal(q(i), q(i), where={i: sp.Interval(1, 3)})
    # a body over a plain index is read as written, whatever the sums around its use
    plain = sp.Symbol("k")
    r = DefinedFamily("r", [i], sp.Sum(sp.sqrt(plain ** 2), (plain, i, 3)))
    n = sp.Symbol("n")
    with pytest.raises(Disproved):
        check.equal(sp.Sum(r(n - 4), (n, 1, 1)), 0)
    assert check.equal(r(n), sp.Sum(sp.Abs(plain), (plain, n, 3)))


def test_a_head_the_kernel_does_not_know_is_named_whatever_its_symbols_assume():
    """Piecewise over a symbol with assumptions crashed in the translation (its pairs take no
    evaluate=); it is refused by name, as over a plain symbol."""
    xr = sp.Symbol("x", real=True)
    huber = sp.Piecewise((xr ** 2 / 2, sp.Abs(xr) <= 1), (sp.Abs(xr) - sp.Rational(1, 2), True))
    for claim, head in ((huber, "Piecewise"), (sp.Max(xr, 0) + 1, "Max")):
        with pytest.raises(UnsupportedError, match=f"does not reason about {head}"):
            check.positive(claim)


def test_the_classic_sigma_assumption_still_works_and_a_wrong_one_is_caught():
    i, n = sp.Symbol("i", integer=True, positive=True), sp.Symbol("n", integer=True, positive=True)
    y, mu = sp.IndexedBase("y"), sp.IndexedBase("mu")
    sigma = sp.Symbol("sigma", positive=True)
    density = sp.exp(-((y[i] - mu[i]) ** 2) / (2 * sigma**2)) / sp.sqrt(2 * sp.pi * sigma**2)
    where = {y: sp.S.Reals, mu: sp.S.Reals}
    mse = sp.Sum((y[i] - mu[i]) ** 2, (i, 1, n)) / n
    assert check.same_optimizers(sp.Product(density, (i, 1, n)), mse, over=[mu], where=where)
    with pytest.raises(ProofError, match="sigma"):
        check.same_optimizers(
            sp.Product(density, (i, 1, n)),
            mse,
            over=[mu],
            where={**where, sigma: sp.Interval(-1, 1)},
        )


@pytest.mark.parametrize("name", ["lambda", "lam", "a", "z"])
def test_a_term_over_a_symbol_with_assumptions_is_the_term_the_kernel_builds(name):
    """A review: x²/λ with λ positive was refused as 'the engine proved x**2/lambda in Reals
    instead of x**2/lambda in Reals'.  sympy orders a product's factors by their symbols'
    assumptions too, so the claim kept x² first once λ lost them, and the kernel's own x²/λ, with
    1/λ first, was another term.  The claim is now in sympy's order for the plain symbols."""
    x, lam = sp.Symbol("x"), sp.Symbol(name, positive=True)
    theorem = check.member(x ** 2 / lam + 1, sp.Interval(1, sp.oo))
    plain = sp.Symbol(name)
    assert theorem.statement.expr == x ** 2 / plain + 1
    assert theorem.context.lookup(plain) == sp.Interval.open(0, sp.oo)
    assert semantics.confirm(theorem.context.entries, theorem.statement, points=8)


# sympy's assumptions about a kernel term (not the user's symbols): sympy 1.14's Product handler
# said an empty product, which is 1, is nonpositive, and the assumption system, trying handlers in
# a shuffled order, sometimes concluded it negative; |∏_{i=1}^{0} x − 1/2| was then built as
# 1/2 − ∏, from which the kernel's rules alone proved 1/2 = −1/2
EMPTY_RANGES = [(1, 0), (2, 1), (sp.Rational(1, 2), sp.Rational(-1, 2)), (0, -1)]
SIGN_QUERIES = ["is_zero", "is_extended_positive", "is_extended_negative", "is_positive",
                "is_extended_nonnegative", "is_extended_nonpositive", "is_negative", "is_nonzero"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([sp.Symbol("u"), -sp.Symbol("u") ** 2, sp.Symbol("i") - 3,
                        -sp.exp(sp.Symbol("i"))]),
       st.sampled_from(EMPTY_RANGES), st.permutations(SIGN_QUERIES), st.integers(0, 10 ** 6))
def test_sympy_answers_every_sign_question_about_an_empty_product_as_for_1(factor, ends, order,
                                                                          fresh):
    from proofs.kernel import terms  # noqa: F401 — the kernel puts the right handler in place

    i = sp.Symbol("i")
    empty = sp.Product(factor.subs(sp.Symbol("u"), sp.Symbol(f"u{fresh}")), (i, *ends))
    truth = {"is_zero": False, "is_extended_positive": True, "is_extended_negative": False,
             "is_positive": True, "is_extended_nonnegative": True,
             "is_extended_nonpositive": False, "is_negative": False, "is_nonzero": True}
    for query in order:  # asked in any order: the answers must not depend on it
        assert getattr(empty, query) in (None, truth[query]), query
    assert sp.Abs(empty - sp.Rational(1, 2)) in (sp.Abs(empty - sp.Rational(1, 2)),
                                                  empty - sp.Rational(1, 2))


def test_the_kernel_never_builds_an_empty_product_shifted_below_zero():
    from proofs.kernel import Context
    from proofs.kernel import rules as K

    i, half = sp.Symbol("i"), sp.Rational(1, 2)
    for attempt in range(60):  # sympy's old answer came within ten fresh products
        empty = sp.Product(sp.Symbol(f"x{attempt}"), (i, 1, 0))
        one = K.sum_empty(Context(), empty)
        fact = K.member_of_equal(one, K.member_context(Context(), sp.S.One))
        K.member_function(fact, sp.exp)
        shifted = K.member_function(K.member_add(fact, K.member_context(Context(), -half)),
                                    sp.Abs)
        assert shifted.statement.expr != half - empty
        assert semantics.confirm((), shifted.statement, points=1)


def test_sympy_evaluates_a_closed_finite_sum_term_by_term_or_not_at_all():
    """sympy evaluated every finite sum by Euler-Maclaurin: Σ_{k=0}^{200} cos 2πk, which is 201,
    came out as 29 at the low precision its sign decisions use, so |e^S − e^120| was built as
    e^120 − e^S and member_function(·, Abs) put that negative number in [0, ∞)."""
    from proofs.kernel import Context
    from proofs.kernel import rules as K
    from proofs.kernel.corrections import MOST_TERMS

    k = sp.Symbol("k")
    total = sp.Sum(sp.cos(2 * sp.pi * k), (k, 0, 200))
    assert abs(total.evalf(2) - 201) <= 1 and float(total.evalf(15)) == 201.0
    assert abs(float(sp.Sum(1 / k ** 2, (k, 1, sp.oo)).evalf(15)) - 1.6449340668482264) < 1e-12
    # beyond MOST_TERMS, or a product of 10⁷ factors, sympy is told it cannot evaluate them
    assert sp.Sum(sp.cos(2 * sp.pi * k), (k, 0, MOST_TERMS)).evalf(2).has(sp.Sum)
    assert sp.Product(k, (k, 1, 10 ** 7)).evalf(2).has(sp.Product)
    context = Context()
    body = K.member_function(K.member_mul(K.member_mul(K.member_context(context, 2),
                                                      K.member_context(context, sp.pi)),
                                          K.member_context(context, k)), sp.cos)
    exponential = K.member_function(K.member_binder(body, total, K.member_context(context, 201)),
                                    sp.exp)
    shifted = K.member_add(exponential, K.member_mul(
        K.member_context(context, -1), K.member_function(K.member_context(context, 120), sp.exp)))
    absolute = K.member_function(shifted, sp.Abs)  # kept whole: no bounds of a sum decide it
    assert absolute.statement.expr in (sp.Abs(shifted.statement.expr), sp.exp(total) - sp.exp(120))
    assert semantics.confirm((), absolute.statement, points=1)


def test_a_number_s_sign_is_the_kernel_s_exact_bounds_or_unknown():
    """sympy read a number's sign from an evalf that claims accuracy it lacks: with y = (1 − tanh
    100)·10⁸⁷ ≈ 2.768, atan(y) + 1/2 was taken for negative inside a sum (so member_function(·,
    Abs) gave −atan y − 1/2 ∈ (1/2, 21/10), and with the fact itself, 0 ∈ (1, 21/5)), y^(3/2) − 4
    for zero, and e^r − Γ(10¹²/3) for positive."""
    from proofs.kernel import Context
    from proofs.kernel import rules as K

    y = 10 ** 87 * (1 - sp.tanh(100))
    assert (sp.exp(1) - 2).is_positive and (3 - sp.pi).is_negative  # bounds show these
    assert (sp.log(2) - sp.Rational(7, 10)).is_negative and sp.Abs(sp.E - 3) == 3 - sp.E
    assert (sp.atan(y) + sp.Rational(1, 2)).is_positive  # ≈ 1.72: atan's bounds show it
    for unknown in (y ** sp.Rational(3, 2) - 4,
                    sp.exp(8510802942447) - sp.gamma(sp.Rational(10 ** 12, 3))):
        assert unknown.is_positive is None and unknown.is_zero is None
        assert isinstance(sp.Abs(unknown), sp.Abs)
    context = Context()
    fact = K.member_add(K.member_function(K.member_mul(
        K.member_context(context, 10 ** 87),
        K.member_add(K.member_context(context, 1), K.member_mul(
            K.member_context(context, -1),
            K.member_function(K.member_context(context, 100), sp.tanh)))), sp.atan),
        K.member_context(context, sp.Rational(1, 2)))
    absolute = K.member_function(fact, sp.Abs)
    assert absolute.statement.expr == sp.Abs(fact.statement.expr)


def test_a_comparison_of_numbers_is_the_kernel_s_exact_bounds_or_unknown():
    """sympy's comparisons (a ≥ b, a = b, and through them the branch of a power) read evalf(2):
    with b = 1/2 + atan(10⁸⁷ + 1 − 10⁸⁷ tanh 100) ≈ 1.81, whose evalf(2) was −1.1, sympy built
    (b^(3/2))^(1/2) as −b^(3/4), and member_pow then showed that negative number positive (with
    b^(3/4) > 0 beside it, 0 > 0)."""
    from proofs.kernel import Context
    from proofs.kernel import rules as K

    assert (sp.E > 2) is sp.true and sp.Eq(sp.pi, 3) is sp.false  # bounds decide these
    assert (sp.pi > sp.Float(3.14)) is sp.true  # a float is the binary fraction it is
    assert not isinstance(sp.Eq(sp.log(2 - sp.tanh(100)), 0), type(sp.true))  # 2.8e-87: unknown
    context = Context()

    def number(value):
        return K.member_context(context, value)
    inner = K.member_add(number(10 ** 87 + 1), K.member_mul(
        number(-10 ** 87), K.member_function(number(100), sp.tanh)))
    base = K.member_add(K.member_function(inner, sp.atan), number(sp.Rational(1, 2)))
    root = K.member_pow(K.member_pow(base, number(sp.Rational(3, 2))), number(sp.Rational(1, 2)))
    assert root.statement.expr in (base.statement.expr ** sp.Rational(3, 4),
                                   sp.Pow(base.statement.expr ** sp.Rational(3, 2),
                                          sp.Rational(1, 2), evaluate=False))


def test_floor_of_a_number_gamma_s_sign_and_equality_are_the_kernel_s_bounds_or_unknown():
    """Three more of sympy's numeric answers (a review of the corrections): the branch of a power
    picked from floor(1/2 − 3 arg(b)/(4π)), whose evalf took b = 1/2 + atan(10¹⁰⁰⁰ + 1 − 10¹⁰⁰⁰
    tanh 1152) ≈ 1.48 for negative (0 > 0 followed); Γ(x) taken for negative for any non-integer
    x of unknown sign with floor(x) odd (Γ(1 + sin(1)/2) ≈ 0.886); and two numbers called equal
    where their difference's lower bound was 0."""
    from proofs.kernel import Context
    from proofs.kernel import rules as K
    from proofs.kernel.enclosure import enclose

    assert (sp.floor(sp.pi), sp.ceiling(sp.E), sp.floor(-sp.pi)) == (3, 3, -4)
    assert isinstance(sp.floor(sp.erf(1)), sp.floor)  # no bounds of erf: left whole
    assert sp.floor(sp.sin(1)) == 0 and sp.floor(-sp.atan(10 ** 9)) == -2  # bounded: decided
    assert sp.gamma(1 + sp.sin(1) / 2).is_positive is not False
    assert sp.gamma(1 + (sp.erf(1) - 1) / 2).is_positive is not False  # x of unknown sign
    assert sp.gamma(sp.Rational(-3, 2)).is_positive and not sp.gamma(sp.Rational(-1, 2)).is_positive
    low = enclose(sp.pi + sp.E)[0]  # π + e − low lies in [0, 10⁻¹⁴], not at 0
    assert sp.Eq(sp.pi + sp.E, sp.Rational(low.numerator, low.denominator)) is not sp.true
    context = Context()

    def number(value):
        return K.member_context(context, value)
    huge = sp.Integer(10) ** 1000
    inner = K.member_add(number(huge + 1), K.member_mul(
        number(-huge), K.member_function(number(1152), sp.tanh)))
    base = K.member_add(K.member_function(inner, sp.atan), number(sp.Rational(1, 2)))
    root = K.member_pow(K.member_pow(base, number(sp.Rational(3, 2))), number(sp.Rational(1, 2)))
    assert not root.statement.expr.could_extract_minus_sign()
    gamma = K.member_function(K.member_add(number(1), K.member_mul(
        number(sp.Rational(1, 2)), K.member_function(number(1), sp.sin))), sp.gamma)
    assert K.member_function(gamma, sp.Abs).statement.expr in (sp.Abs(gamma.statement.expr),
                                                               gamma.statement.expr)
