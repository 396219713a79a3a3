"""Claims about a quantity that takes a few values, proved value by value
(proofs/rules/finite_cases.py, used by the equation and range tactics): each true claim is proved
and confirmed at random points, each false neighbour is disproved, and a range too long to split is
left alone with a reason."""

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs import Context, Disproved, ProofError, check
from proofs.kernel import Equal, Member
from proofs.rules.finite_cases import MOST_VALUES, finite_symbols
from proofs.testing import semantics

y, z, p, x = sp.symbols("y z p x")
LABEL = {y: sp.FiniteSet(0, 1), p: sp.Interval.open(0, 1)}
COEFFICIENTS = st.fractions(min_value=-3, max_value=3, max_denominator=3).map(sp.Rational)


def confirmed(theorem):
    verdict = semantics.confirm(theorem.context.entries, theorem.statement, points=20)
    return verdict and verdict.decided > 0


def test_only_symbols_of_a_few_values_are_split():
    context = Context({y: sp.FiniteSet(0, 1), z: sp.FiniteSet(*range(MOST_VALUES + 1)),
                       x: sp.Range(0, 2), p: sp.Interval(0, 1)})
    assert finite_symbols(context, y * z + x * p) == [y]  # a Range is no finite set here


def test_a_label_s_cross_entropy_is_positive_and_its_likelihood_below_one():
    loss = -(y * sp.log(p) + (1 - y) * sp.log(1 - p))
    theorem = check.positive(loss, where=LABEL)
    assert theorem.statement == Member(loss, sp.Interval.open(0, sp.oo)) and confirmed(theorem)
    likelihood = p ** y * (1 - p) ** (1 - y)
    theorem = check.member(likelihood, sp.Interval.open(0, 1), where=LABEL)
    assert theorem.rule == "by_cases" and confirmed(theorem)
    with pytest.raises(Disproved, match="is false: at "):  # false for p near 1/2
        check.positive(y * sp.log(p) + (1 - y) * sp.log(1 - p) + sp.log(2), where=LABEL)
    with pytest.raises(Disproved):  # p^y (1 − p)^(1 − y) = 1 − p at y = 0, above 1/2 for p < 1/2
        check.member(likelihood, sp.Interval.open(0, sp.Rational(1, 2)), where=LABEL)


def test_each_case_rewrites_the_claim_where_it_needs_to():
    """At y = 0, p^y is 1 and no longer needs p ≥ 0: the rewrite's changed condition is shown
    before sympy's evaluation drops it; where it cannot be, the claim is refused."""
    theorem = check.equal(x ** y * x ** (1 - y), x, where={y: sp.FiniteSet(0, 1),
                                                          x: sp.Interval.open(0, sp.oo)})
    assert theorem.statement == Equal(x ** y * x ** (1 - y), x) and confirmed(theorem)


def test_a_long_range_is_not_split_and_the_refusal_says_so():
    many = {y: sp.FiniteSet(*range(MOST_VALUES + 1))}
    product = sp.Mul(*(y - value for value in range(MOST_VALUES + 1)))
    with pytest.raises(ProofError, match="is not proved") as refusal:
        check.equal(product, 0, where=many)
    assert not isinstance(refusal.value, Disproved)
    assert "case by case" not in str(refusal.value)
    fewer = sp.Mul(*(y - value for value in range(MOST_VALUES)))
    assert confirmed(check.equal(fewer, 0, where={y: sp.FiniteSet(*range(MOST_VALUES))}))


def test_a_case_the_rules_cannot_show_is_named():
    """True at both values, but at y = 1 it is cos²x + sin²x = 1, which no rule gives: refused
    with that case's difference, never called false."""
    claim = y * (sp.cos(x) ** 2 + sp.sin(x) ** 2)
    with pytest.raises(ProofError, match="case by case the claim was not proved: .*sin") as refusal:
        check.equal(claim, y, where=LABEL)
    assert not isinstance(refusal.value, Disproved)


@settings(max_examples=40, deadline=None)
@given(COEFFICIENTS, COEFFICIENTS, COEFFICIENTS)
def test_a_quadratic_over_three_values_is_positive_exactly_when_each_value_is(a, b, c):
    claim = a + b * y + c * y ** 2
    where = {y: sp.FiniteSet(0, 1, 2)}
    values = [claim.subs(y, value) for value in (0, 1, 2)]
    if min(values) > 0:
        assert confirmed(check.positive(claim, where=where))
    else:
        with pytest.raises(Disproved):
            check.positive(claim, where=where)


@settings(max_examples=40, deadline=None)
@given(COEFFICIENTS, COEFFICIENTS, COEFFICIENTS)
def test_two_polynomials_agreeing_at_each_value_are_equal(a, b, c):
    """y ∈ {0, 1, 2}: y³ = 3y² − 2y there, so a + by + cy³ = a + by + c(3y² − 2y); a slip in one
    coefficient is disproved."""
    where = {y: sp.FiniteSet(0, 1, 2)}
    lhs = a + b * y + c * y ** 3
    theorem = check.equal(lhs, a + b * y + c * (3 * y ** 2 - 2 * y), where=where)
    assert confirmed(theorem)
    if c != 0:
        with pytest.raises(Disproved):
            check.equal(lhs, a + b * y + c * (3 * y ** 2 - y), where=where)
