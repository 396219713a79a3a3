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
    # the inner count i is bound, so nothing about it is known in the context: refused, never
    # guessed
    with pytest.raises(ProofError):
        check.positive(triangle, where=WHERE)
    assert check.equal(2 * triangle, triangle + triangle, where=WHERE)


def test_an_iterated_sum_over_an_empty_range_is_not_called_positive():
    empty = sp.Sum(p[i, k], (k, 1, 0), (i, 1, n))  # Σ over k = 1..0 is 0
    assert numeric.value(empty.subs(n, 2), {}) == 0
    with pytest.raises(ProofError):
        check.positive(empty, where=WHERE)
    assert check.member(empty, sp.Interval(0, sp.oo), where=WHERE)
