"""Soundness class 6: iterated sums and products (several limits, as sympy writes ∑∑ and ∏∏) are
terms the kernel reasons about — never a crash, never a wrong range."""

import pytest
import sympy as sp

from proofs import ProofError, check
from proofs.kernel import Member
from proofs.testing import numeric

i, k, n, K = sp.symbols("i k n K")
p, y = sp.IndexedBase("p"), sp.IndexedBase("y")
WHERE = {p: sp.Interval.open(0, 1), y: sp.FiniteSet(0, 1), n: sp.S.Naturals, K: sp.S.Naturals}
LIKELIHOOD = sp.Product(p[i, k] ** y[i, k], (k, 1, K), (i, 1, n))
CROSS_ENTROPY = -sp.Sum(y[i, k] * sp.log(p[i, k]), (k, 1, K), (i, 1, n)) / n


def test_sympy_merges_nested_binders_into_one():
    assert sp.Product(sp.Product(p[i, k], (k, 1, K)), (i, 1, n)).limits == ((k, 1, K), (i, 1, n))


def test_an_iterated_product_with_a_symbolic_number_of_classes_is_positive():
    assert check.positive(LIKELIHOOD, where=WHERE).statement == Member(
        LIKELIHOOD, sp.Interval.open(0, sp.oo)
    )


def test_the_categorical_identity_and_optimizers_with_symbolic_k():
    assert check.equal(sp.log(LIKELIHOOD), -n * CROSS_ENTROPY, where=WHERE)
    assert check.same_optimizers(LIKELIHOOD, CROSS_ENTROPY, over=[p], where=WHERE)
    with pytest.raises(ProofError):
        check.same_optimizers(LIKELIHOOD, -CROSS_ENTROPY, over=[p], where=WHERE)


def test_an_inner_bound_that_depends_on_the_outer_index():
    triangle = sp.Sum(p[i, k], (k, 1, i), (i, 1, n))
    # the inner count i is bound: it is read at the values i takes, 1, …, n (a count >= 1 each)
    theorem = check.positive(triangle, where=WHERE)
    assert theorem.statement == Member(triangle, sp.Interval.open(0, sp.oo))
    at_three = triangle.subs(n, 3).replace(lambda e: isinstance(e, sp.Indexed),
                                           lambda e: sp.Rational(1, 7)).doit()
    assert at_three == sp.Rational(6, 7)  # six terms at n = 3, by sympy's own summation
    assert check.equal(2 * triangle, triangle + triangle, where=WHERE)
    # from i = 0 the inner sum Σ_{k=1}^{i-1} is reversed (its count −1): undefined, never a range
    reversed_inner = sp.Sum(p[i, k], (k, 1, i - 1), (i, 0, n))
    for claim in (lambda: check.positive(reversed_inner, where=WHERE),
                  lambda: check.member(reversed_inner, sp.Interval(0, sp.oo), where=WHERE)):
        with pytest.raises(ProofError):
            claim()


def test_an_iterated_sum_over_an_empty_range_is_not_called_positive():
    empty = sp.Sum(p[i, k], (k, 1, 0), (i, 1, n))  # Σ over k = 1..0 is 0
    assert numeric.value(empty.subs(n, 2), {}) == 0
    with pytest.raises(ProofError):
        check.positive(empty, where=WHERE)
    assert check.member(empty, sp.Interval(0, sp.oo), where=WHERE)


def test_a_peeled_zero_factor_keeps_the_count_of_the_rest():
    """A review: peeling the last factor 0 of ∏_{i=1}^{0} i, sympy took ∏_{i=1}^{-1} i · 0 for 0
    and the count −1 of the rest was never asked: the empty product 1 = 0 was proved, and
    ∏_{i=1}^{n} (i − n) = 0 for n ∈ ℕ₀ (1 at n = 0).  For n ≥ 1 it is true, and proved."""
    from proofs import Context
    from proofs.kernel import rules as K
    from proofs.rules.positivity import prove_member

    with pytest.raises(ProofError, match="-1 a count"):
        K.sum_peel(Context(), sp.Product(i, (i, 1, 0)), last=True)
    counts = Context({n: sp.S.Naturals0})
    with pytest.raises(ProofError, match="n - 1 a count"):
        K.sum_peel(counts, sp.Product(i - n, (i, 1, n)), last=True,
                   facts=[K.member_context(counts, n)])
    positive = Context({n: sp.S.Naturals})
    peeled = K.sum_peel(positive, sp.Product(i - n, (i, 1, n)), last=True,
                        facts=[K.member_context(positive, n), prove_member(positive, n - 1)])
    assert peeled.statement.rhs == 0


def test_an_inner_limit_of_an_iterated_sum_is_in_the_outer_index_s_scope():
    """A review: sympy writes Σ_{i=1}^{1} Σ_{j=i}^{D} j as one Sum whose inner bound D lies in
    i's scope; a definition D := i (the global i) there was not refused, and unfolding it let
    the bound i capture it (0 = 1 at i = 0).  An index bound again in an inner bound likewise."""
    from proofs import Context, Defined
    from proofs.kernel import rules as K

    j = sp.Symbol("j")
    D = Defined("D", i)
    with pytest.raises(ProofError, match="the definition D mentions i"):
        K.congruence(K.unfold(Context(), D), sp.Sum(j, (j, i, D), (i, 1, 1)))
    with pytest.raises(ProofError, match="bound again inside its scope"):
        K.refl(Context(), sp.Sum(j, (j, 1, sp.Sum(i, (i, 1, sp.Symbol("m")))), (i, 1, 3)))
    # a closed one, whose value may hide a gap that is no whole number (Σ_{j=1}^{1} 1/2), is
    # written as its value
    with pytest.raises(ProofError, match="as its value"):
        K.refl(Context(), sp.Sum(j, (j, 1, sp.Sum(i, (i, 1, 2))), (i, 1, 3)))
    with pytest.raises(ProofError, match="as its value"):
        K.refl(Context(), sp.sinh(sp.Product(i, (i, 2, sp.Sum(sp.Rational(1, 2), (j, 1, 1))))))
    # an inner bound that uses the outer index itself is the usual triangle
    assert K.refl(Context(), sp.Sum(j, (j, 1, i), (i, 1, 3))).statement.lhs.limits[0][2] == i
