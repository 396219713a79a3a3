"""Logs and other terms written as one log, which the engine's routes bound
(proofs/rules/one_log.py): log-sum-exp above the mean.  Each true claim is proved as asked,
rests on the route (without it, refused as not proved) and is confirmed in floating point; each
false neighbour is disproved at a point where it fails."""

import pytest
import sympy as sp

from proofs import Derivation, Disproved, ProofError, check
from proofs.kernel import Member
from proofs.rules import one_log
from tests.floats import floats_confirm
from tests.routes import assert_false_at, assert_refused_without

a, b, c, x = sp.symbols("a b c x")
NONNEGATIVE = sp.Interval(0, sp.oo)
NONPOSITIVE = sp.Interval(-sp.oo, 0)
TWO = sp.log(sp.exp(a) + sp.exp(b))
THREE = sp.log(sp.exp(a) + sp.exp(b) + sp.exp(c))

# (name, term, set, where): term ∈ set wherever the ranges hold; each refused without the route
PROVED = [
    ("log-sum-exp above the mean", TWO - (a + b) / 2, NONNEGATIVE, {}),
    ("log-sum-exp above the mean by log 2", TWO - (a + b) / 2 - sp.log(2), NONNEGATIVE, {}),
    ("the mean below log-sum-exp less log 2", (a + b) / 2 + sp.log(2) - TWO, NONPOSITIVE, {}),
    ("log-sum-exp of three above the mean by log 3", THREE - (a + b + c) / 3 - sp.log(3),
     NONNEGATIVE, {}),
]

# (name, term, set, where): false at a point the search finds
FALSE = [
    ("log-sum-exp strictly above the mean by log 2", TWO - (a + b) / 2 - sp.log(2),
     sp.Interval.open(0, sp.oo), {}),
    ("log-sum-exp above the mean by 1", TWO - (a + b) / 2 - 1, NONNEGATIVE, {}),
    ("log-sum-exp below the mean", TWO - (a + b) / 2, NONPOSITIVE, {}),
    ("log-sum-exp of three above the mean by log 3 and more",
     THREE - (a + b + c) / 3 - sp.log(3) - sp.Rational(1, 100), NONNEGATIVE, {}),
    ("log-sum-exp above the weighted mean by log 2", TWO - a / 3 - 2 * b / 3 - sp.log(2),
     NONNEGATIVE, {}),
]


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_one_log_forms_the_routes_bound_are_proved_and_confirmed(claim):
    _, term, real_set, where = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    assert floats_confirm(term, real_set, where, points=400, width=8.0)


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_without_the_route_each_is_refused(claim, monkeypatch):
    _, term, real_set, where = claim
    assert_refused_without(monkeypatch, one_log, "through_one_log", term, real_set, where)


@pytest.mark.parametrize("claim", FALSE, ids=[name for name, *_ in FALSE])
def test_false_neighbours_are_disproved_where_sympy_agrees(claim):
    _, term, real_set, where = claim
    with pytest.raises(Disproved) as refusal:
        check.member(term, real_set, where=where)
    names = {str(symbol): symbol for symbol in (a, b, c, x)}
    assert_false_at(term, real_set, refusal.value.point, names)


def test_a_derivation_names_the_one_log_form_and_why_its_argument_is_at_least_1():
    proof = Derivation("log-sum-exp")
    proof.theorem("above the mean", proof.chain((a + b) / 2 + sp.log(2)).le(TWO))
    text = proof.proof().to_text()
    assert "the difference is log((1/2) exp((1/2) a − (1/2) b) + (1/2) exp((1/2) b − (1/2) a))" \
        " ≥ 0" in text
    assert "u^{2} + v^{2} − 2u v ≥ 0 for every u > 0 and v > 0, at u = exp((1/2) a)" in text


def test_a_form_the_routes_do_not_bound_leaves_the_claim_refused_not_false():
    """log(eᵃ + eᵇ) ≥ a/3 + 2b/3 holds (the log is above its max, which is above any mean), but
    its one-log form is no sum the routes bound: refused, and not called false."""
    with pytest.raises(ProofError) as refusal:
        check.member(TWO - a / 3 - 2 * b / 3, NONNEGATIVE)
    assert not isinstance(refusal.value, Disproved)
    assert floats_confirm(TWO - a / 3 - 2 * b / 3, NONNEGATIVE, points=400, width=8.0)


def test_the_one_log_forms_narrowings_are_limited(monkeypatch):
    """A false claim's one-log forms reached every route over their exponentials, 400 narrowings
    and more than a minute under prover_first (helper-144's review): they are allowed
    MOST_ONE_LOG_NARROWINGS in all, and the claim is still disproved."""
    import proofs.check as engine

    calls, narrowed = [], engine._narrowed

    def counted(ctx, fact, real_set):
        calls.append(fact)
        return narrowed(ctx, fact, real_set)

    monkeypatch.setattr(engine, "_narrowed", counted)
    claim = -a / 2 - b / 3 + sp.log(sp.exp(a + b) / 2 + sp.exp(2 * a + b) / 2) / 3 \
        - sp.log(2) / 3 + sp.Rational(1, 3000)
    with check.prover_first(), pytest.raises(Disproved):
        check.member(claim, sp.Interval.open(0, sp.oo))
    assert len(calls) <= 3 * engine.MOST_ONE_LOG_NARROWINGS  # 34 now; 396 without the allowance
