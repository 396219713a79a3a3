"""Claims about a quantity that takes a few values, proved value by value
(proofs/rules/finite_cases.py, used by the equation and range tactics): each true claim is proved
and confirmed at random points, each false neighbour is disproved, and a range too long to split is
left alone with a reason."""

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import proofs
from proofs import Context, Defined, DefinedFamily, Disproved, ProofError, check
from proofs.kernel import Equal, Member
from proofs.rules.finite_cases import MOST_VALUES, finite_entries, finite_symbols
from proofs.testing import semantics

y, z, p, x, i, j, n = sp.symbols("y z p x i j n")
Y = sp.IndexedBase("labels")
LABEL = {y: sp.FiniteSet(0, 1), p: sp.Interval.open(0, 1)}
LABELS = {Y: sp.FiniteSet(0, 1), p: sp.Interval.open(0, 1), n: sp.S.Naturals}
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


def test_only_entries_free_of_a_sum_s_index_are_split():
    context = Context({Y: sp.FiniteSet(0, 1)})
    assert finite_entries(context, Y[i] * sp.Sum(Y[j], (j, 1, n)) + Y[1]) == [Y[1], Y[i]]


@pytest.mark.parametrize("lhs, rhs, wrong", [
    (Y[i] ** 2, Y[i], -Y[i]),
    (p ** Y[i] * (1 - p) ** (1 - Y[i]), Y[i] * p + (1 - Y[i]) * (1 - p), Y[i] * p),
    (sp.log(Y[i] * p + (1 - Y[i]) * (1 - p)), Y[i] * sp.log(p) + (1 - Y[i]) * sp.log(1 - p),
     Y[i] * sp.log(p) - (1 - Y[i]) * sp.log(1 - p)),
    (Y[1] * Y[2] ** 2, Y[1] * Y[2], Y[1] + Y[2]),
    # a sum's or product's bodies, equal for each i
    (sp.Sum(Y[i] ** 2, (i, 1, n)), sp.Sum(Y[j], (j, 1, n)), sp.Sum(Y[j] ** 2 + 1, (j, 1, n))),
    (sp.Product(Y[i] * p + (1 - Y[i]) * (1 - p), (i, 1, n)),
     sp.Product(p ** Y[i] * (1 - p) ** (1 - Y[i]), (i, 1, n)),
     sp.Product(p ** Y[i] * (1 - p) ** Y[i], (i, 1, n))),
    (sp.log(sp.Product(Y[i] * p + (1 - Y[i]) * (1 - p), (i, 1, n))),
     sp.Sum(Y[i] * sp.log(p) + (1 - Y[i]) * sp.log(1 - p), (i, 1, n)),
     sp.Sum(Y[i] * sp.log(p) + Y[i] * sp.log(1 - p), (i, 1, n))),
])
def test_labels_of_a_family_are_split_as_a_symbol_of_their_values(lhs, rhs, wrong):
    theorem = check.equal(lhs, rhs, where=LABELS)
    assert theorem.statement == Equal(lhs, rhs) and confirmed(theorem)
    with pytest.raises(Disproved):
        check.equal(lhs, wrong, where=LABELS)


def test_a_label_s_ranges_are_shown_value_by_value():
    factor = Y[i] * p + (1 - Y[i]) * (1 - p)
    assert confirmed(check.positive(factor, where=LABELS))
    assert confirmed(check.member(p ** Y[i] * (1 - p) ** (1 - Y[i]), sp.Interval.open(0, 1),
                                  where=LABELS))
    with pytest.raises(Disproved):
        check.positive(Y[i] * p - (1 - Y[i]) * (1 - p), where=LABELS)


def test_a_product_of_label_factors_is_positive_when_each_value_s_factor_is():
    likelihood = sp.Product(Y[i] * p + (1 - Y[i]) * (1 - p), (i, 1, n))
    theorem = check.positive(likelihood, where=LABELS)
    assert theorem.statement == Member(likelihood, sp.Interval.open(0, sp.oo))
    assert confirmed(theorem)
    for false in (sp.Product(Y[i], (i, 1, n)),  # 0 where a label is 0
                  sp.Product(Y[i] * p - (1 - Y[i]) * (1 - p), (i, 1, n))):
        with pytest.raises(Disproved):
            check.positive(false, where=LABELS)


BCE = -sp.Sum(Y[i] * sp.log(p) + (1 - Y[i]) * sp.log(1 - p), (i, 1, n)) / n


@pytest.mark.parametrize("f, g, senses", [
    (sp.Product(Y[i] * p + (1 - Y[i]) * (1 - p), (i, 1, n)), BCE, ("max", "min")),
    (BCE, sp.Product(Y[i] * p + (1 - Y[i]) * (1 - p), (i, 1, n)), ("min", "max")),
    (sp.Product(Y[i] * p + (1 - Y[i]) * (1 - p), (i, 1, n)), -n * BCE, ("max", "max")),
])
def test_the_linear_bernoulli_likelihood_and_the_cross_entropy_have_the_same_optimizers(f, g,
                                                                                        senses):
    """log ∏ (y_i p + (1 − y_i)(1 − p)) is Σ log(…), whose body is y_i log p + (1 − y_i) log(1 − p)
    label by label."""
    theorem = check.same_optimizers(f, g, [p], where=LABELS, senses=senses)
    assert (theorem.statement.f, theorem.statement.g) == (f, g) and confirmed(theorem)


@pytest.mark.parametrize("f, g, where", [
    (sp.Product(Y[i] * (1 - p) + (1 - Y[i]) * p, (i, 1, n)), BCE, LABELS),  # p and 1 − p swapped
    (sp.Product(Y[i] * p + (1 - Y[i]) * (1 - p), (i, 1, n)), -BCE, LABELS),  # a sign error
    (sp.Product(Y[i] * p + (1 - Y[i]) * (1 - p), (i, 1, n)), BCE,
     {**LABELS, Y: sp.FiniteSet(0, 1, 2)}),  # a label 2 is no Bernoulli outcome
])
def test_a_wrong_bernoulli_likelihood_or_loss_is_disproved(f, g, where):
    with pytest.raises(Disproved):
        check.same_optimizers(f, g, [p], where=where)


def test_a_quantity_inside_a_definition_is_not_split_and_nothing_loops():
    """A case cannot set y inside L := y² − y (the kernel never rewrites a definition's body):
    refused with that reason, where the case split once recursed without end."""
    for claim in (lambda: check.equal(Defined("L", y ** 2 - y), 0, where=LABEL),
                  lambda: check.equal(DefinedFamily("F", [j], Y[j] ** 2)(i), Y[i], where=LABELS),
                  lambda: check.member(Defined("S", sp.sin(y) ** 2 + sp.cos(y) ** 2),
                                       sp.Interval(1, 1), where=LABEL)):
        with pytest.raises(ProofError) as refusal:
            claim()
        assert not isinstance(refusal.value, Disproved)
    with pytest.raises(ProofError, match="inside a definition in L, where a case cannot set"):
        check.equal(Defined("L", y ** 2 - y), 0, where=LABEL)
    with pytest.raises(Disproved):  # false at y = −1, x = −5/2: found before any split
        check.positive(Defined("N", y * x ** 2 + 1) * sp.exp(x),
                       where={y: sp.FiniteSet(-1, 0, 1)})


def test_many_quantities_together_are_not_split():
    """∏ (a_k − 1/2)² ≥ 4^(−m) for integers a_k from 0 to 7, true value by value: one quantity
    makes 8 cases, proved; five make 32768, left alone (refused, not called false), where the
    split once took minutes."""
    names = sp.symbols("a0:5")
    for m, proved in ((1, True), (5, False)):
        square = sp.Mul(*((a - sp.Rational(1, 2)) ** 2 for a in names[:m]))
        claim = (square, sp.Interval(sp.Rational(1, 4 ** m), sp.oo))
        where = {a: sp.FiniteSet(*range(8)) for a in names[:m]}
        if proved:
            assert confirmed(check.member(*claim, where=where))
            continue
        with pytest.raises(ProofError) as refusal:
            check.member(*claim, where=where)
        assert not isinstance(refusal.value, Disproved)


def test_the_words_name_the_cases():
    d = proofs.Derivation("Cases", where={**LABEL, z: sp.FiniteSet(0, 1), **LABELS})
    d.theorem("One", d.chain(p ** y * (1 - p) ** (1 - y)).eq(y * p + (1 - y) * (1 - p)))
    d.theorem("Two", d.chain((2 * y - 1) ** 2 * (2 * z - 1) ** 2).eq(1))
    d.theorem("Entry", d.chain(Y[i] ** 3).eq(Y[i]))
    d.theorem("Gamma", d.chain(sp.gamma(p + 2)).eq((p + 1) * p * sp.gamma(p)))
    text = d.proof().to_text()
    for words in ("[the cases y = 0 and y = 1]", "[the values of y and z, case by case]",
                  "[the cases labels_i = 0 and labels_i = 1]",
                  "[the recurrence of the Gamma function, algebra]"):
        assert words in text


def test_a_body_equation_that_leads_nowhere_leaves_the_user_s_claim_in_the_refusal():
    """Σ y_i T + Σ y_i² T + Σ y_i³ T with T = sin²x + cos²x, which no rule takes to 1: a body
    equation found on the way once ended the search with a refusal of a claim the user never
    wrote (about Σ y_i⁶); the refusal is the claim's own."""
    t = sp.sin(x) ** 2 + sp.cos(x) ** 2
    sums = [sp.Sum(Y[i] ** power, (i, 1, n)) for power in (1, 2, 3)]
    lhs = sum(sp.Sum(total.function * t, *total.limits) for total in sums)
    with pytest.raises(ProofError) as refusal:
        check.equal(lhs, sum(sums), where=LABELS)
    assert str(refusal.value).startswith(f"{lhs} = {sum(sums)} is not proved")
    assert "**6" not in str(refusal.value) and not isinstance(refusal.value, Disproved)


def test_the_words_name_each_label_split():
    d = proofs.Derivation("Labels", where=LABELS)
    d.theorem("Two", d.chain(Y[1] ** 2 * Y[2] ** 3).eq(Y[1] * Y[2]))
    assert "[the values of labels_1 and labels_2, case by case]" in d.proof().to_text()
