"""Property suite: true claims are mutated into false ones; each confirmed false is refused.

Over the five families below at least 1000 confirmed-false claims (the minimums 360 + 6 + 280 +
320 + 40) are generated and every one of them must be refused with a `ProofError`; six more
families, one per class of unsound claim once accepted (docs/soundness.rst), add at least 6 × 30
more.  Each family also checks that the unmutated claim is accepted, so the refusals are not just an
engine that refuses everything.  The generators are public: `proofs.testing.strategies`.
"""

import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import proofs
from proofs import ProofError, check
from proofs.testing import numeric
from proofs.testing import strategies as S

x, a, b, p = sp.symbols("x a b p")
n = sp.Symbol("n", integer=True, positive=True)
POS = sp.Interval.open(0, sp.oo)
SETTINGS = dict(deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def refused(claim, *args, **kwargs):
    try:
        claim(*args, **kwargs)
    except ProofError:
        return True
    return False


def run_family(claims, examples, minimum):
    """Draw `examples` claims; every confirmed-false one must be refused; at least `minimum` must be
    false."""
    seen = {"false": 0}

    @settings(max_examples=examples, **SETTINGS)
    @given(claims)
    def family(claim):
        if claim.counterexample() is None:
            return
        seen["false"] += 1
        assert not claim.accepted(), (f"accepted a false claim ({claim.mutation}): {claim.args} "
                                      f"on {claim.where}")

    family()
    assert seen["false"] >= minimum, f"only {seen['false']} confirmed-false claims were generated"


def test_log_identities_mutated_are_refused():
    assert check.equal(sp.log(3 * a ** 2 / b), 2 * sp.log(a) - sp.log(b) + sp.log(3),
                       where={a: POS, b: POS})
    run_family(S.mutated_log_identities(), 500, 360)


def test_positivity_mutated_is_refused():
    assert check.positive(p + 2 * (1 - p) ** 2 + 3 / n, where={p: sp.Interval.open(0, 1)})
    run_family(S.mutated_positivity_claims(), 400, 280)


def test_monotonicity_mutated_is_refused():
    for g, interval in [(2 * x + 1, sp.S.Reals), (3 * sp.log(x), POS), (x ** 3, POS),
                        (5 - 2 / x, POS)]:
        assert check.strictly_increasing(g, x, interval)
    run_family(S.mutated_monotonicity_claims(), 400, 320)


def test_bernoulli_identity_mutated_is_refused(bern):
    lhs = sp.log(bern.likelihood)
    assert check.equal(lhs, -bern.n * bern.ce, where=bern.where)
    swapped = bern.ce.xreplace({bern.y[bern.j]: 1 - bern.y[bern.j]})
    mutations = {"flip sign": bern.n * bern.ce, "drop n": -bern.ce,
                 "n instead of 1/n": -bern.n ** 2 * bern.ce,
                 "swap y and 1 - y": -bern.n * swapped, "p may be 0 or 1": -bern.n * bern.ce,
                 "p may be negative": -bern.n * bern.ce}
    count = 0
    for name, rhs in mutations.items():
        where = dict(bern.where)
        if name == "p may be 0 or 1":
            where[bern.p] = sp.Interval(0, 1)
        if name == "p may be negative":
            where[bern.p] = sp.Interval.open(-1, 1)
        if numeric.counterexample_to_equality(lhs, rhs, where, seed=len(name), fixed={bern.n: 3},
                                              tries=60) is None:
            continue
        count += 1
        assert refused(check.equal, lhs, rhs, where=where), name
    assert count == 6


def test_optimizer_claims_mutated_are_refused(bern):
    p_, y, n_ = bern.p, bern.y, bern.n
    data = {n_: 2, y[1]: 1, y[2]: 0}
    grids = [[{**data, p_[1]: sp.Rational(u, 10), p_[2]: sp.Rational(v, 10)} for u, v in pairs]
             for pairs in ([(3, 6), (7, 2), (5, 5)], [(9, 1), (1, 9), (6, 4)], [(2, 2), (8, 8)])]
    seen = {"false": 0}

    @settings(max_examples=60, **SETTINGS)
    @given(r=st.builds(sp.Rational, st.integers(1, 30), st.integers(1, 7)),
           d=st.builds(sp.Rational, st.integers(-30, 30), st.integers(1, 7)),
           mutation=st.sampled_from(["senses", "negative scale", "zero scale",
                                     "flipped objective"]))
    def family(r, d, mutation):
        g, senses = r * bern.ce + d, ("max", "min")
        if mutation == "senses":
            senses = ("max", "max")
        elif mutation == "negative scale":
            g = -r * bern.ce + d
        elif mutation == "zero scale":
            g = 0 * bern.ce + d
        else:
            g = r * bern.log_likelihood_terms / n_ + d
        if numeric.counterexample_to_same_optimizers(bern.likelihood, senses[0], g, senses[1],
                                                     grids) is None:
            return
        seen["false"] += 1
        assert refused(check.same_optimizers, bern.likelihood, g, over=[p_], where=bern.where,
                       senses=senses)

    assert check.same_optimizers(bern.likelihood, 3 * bern.ce + 2, over=[p_], where=bern.where)
    family()
    assert seen["false"] >= 40


# ------------------------------------------------------------------------------ soundness classes
@pytest.mark.parametrize("family", [S.captured_index_claims, S.clashing_name_claims,
                                    S.contradicted_assumption_claims, S.dropped_definedness_claims,
                                    S.redefined_constant_claims, S.iterated_binder_claims])
def test_each_soundness_class_mutated_is_refused(family):
    run_family(family(), 60, 30)


def test_the_soundness_classes_true_versions_are_accepted():
    i, j, x = sp.symbols("i j x")
    nested = sp.Sum(2 * sp.Sum(1 / (i + j), (j, 1, 2)), (i, 1, 2))
    assert check.equal(nested, 2 * sp.Sum(sp.Sum(1 / (i + j), (j, 1, 2)), (i, 1, 2)))
    assert check.positive(sp.IndexedBase("x")[1] + 1,
                          where={sp.IndexedBase("x"): sp.Interval(0, 1)})
    positive = sp.Symbol("x", positive=True)
    assert check.positive(3 * sp.Abs(positive) + 1, where={positive: sp.Interval(1, 2)})
    assert check.equal(sp.Mul(0, sp.log(x + 3), evaluate=False), 0, where={x: sp.Interval(-1, 5)})
    assert check.positive(proofs.Defined("D", 2 * x + 1), where={x: sp.Interval.open(0, sp.oo)})
    k, K = sp.symbols("k K")
    p = sp.IndexedBase("p")
    assert check.positive(sp.Product(p[i, k], (k, 1, K), (i, 1, n)),
                          where={p: sp.Interval.open(0, 1), n: sp.S.Naturals, K: sp.S.Naturals})
