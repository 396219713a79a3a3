"""Logs bounded by their tangent lines (proofs/rules/tangents.py): Gibbs' inequality and its kin.
Each true claim is proved, states exactly the claim asked, and is confirmed in floating point at
random points independently of the engine; each false neighbour is disproved, never proved; a true
claim beyond the tangent lines (Pinsker's) is refused as not proved, not called false."""

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs import Derivation, Disproved, ProofError, check
from proofs.kernel import Member
from proofs.rules.tangents import MOST_LOGS, _log_terms
from tests.floats import floats_confirm

p, q, x, y, u, v = sp.symbols("p q x y u v")
a1, a2, a3, b1, b2, b3 = sp.symbols("a1 a2 a3 b1 b2 b3")
UNIT = sp.Interval.open(0, 1)
POSITIVE = sp.Interval.open(0, sp.oo)
NONNEGATIVE = sp.Interval(0, sp.oo)
COINS = {p: UNIT, q: UNIT}


def kl(p, q):
    """The Kullback–Leibler divergence of Bernoulli(q) from Bernoulli(p)."""
    return p * sp.log(p / q) + (1 - p) * sp.log((1 - p) / (1 - q))


def entropy(p):
    return -p * sp.log(p) - (1 - p) * sp.log(1 - p)


def cross_entropy(p, q):
    return -p * sp.log(q) - (1 - p) * sp.log(1 - q)


def normalized(*weights):
    total = sum(weights)
    return [w / total for w in weights]


P3, Q3 = normalized(a1, a2, a3), normalized(b1, b2, b3)
KL3 = sum(pk * sp.log(pk / qk) for pk, qk in zip(P3, Q3))
SIX_POSITIVE = {s: POSITIVE for s in (a1, a2, a3, b1, b2, b3)}

# (name, term, set, where): term ∈ set holds at every admissible point
PROVED = [
    ("KL of two coins ≥ 0", kl(p, q), NONNEGATIVE, COINS),
    ("cross-entropy ≥ entropy", cross_entropy(p, q) - entropy(p), NONNEGATIVE, COINS),
    ("−KL ≤ 0 (the upper side)", -kl(p, q), sp.Interval(-sp.oo, 0), COINS),
    ("KL of two three-class distributions ≥ 0", KL3, NONNEGATIVE, SIX_POSITIVE),
    ("log(1 + xy) ≤ xy", x * y - sp.log(1 + x * y), NONNEGATIVE, {x: POSITIVE, y: POSITIVE}),
    ("x log(x/y) ≥ x − y", x * sp.log(x / y) - (x - y), NONNEGATIVE, {x: POSITIVE, y: POSITIVE}),
    # the claim's own names u and v: the tangent's symbol is named apart from them
    ("KL in u and v", kl(u, v), NONNEGATIVE, {u: UNIT, v: UNIT}),
    ("KL + 1 > 0", kl(p, q) + 1, POSITIVE, COINS),
]

# (name, term, set, where): false, with a point where it fails
DISPROVED = [
    ("KL > 0 (equal at p = q)", kl(p, q), POSITIVE, COINS),
    ("KL ≤ 0", kl(p, q), sp.Interval(-sp.oo, 0), COINS),
    ("the weights swapped", q * sp.log(p / q) + (1 - q) * sp.log((1 - p) / (1 - q)), NONNEGATIVE,
     COINS),
    ("cross-entropy ≤ entropy", entropy(p) - cross_entropy(p, q), POSITIVE, COINS),
    ("KL ≥ 1/10", kl(p, q) - sp.Rational(1, 10), NONNEGATIVE, COINS),
    ("x log(x/y) ≥ x (a dropped y)", x * sp.log(x / y) - x, NONNEGATIVE,
     {x: POSITIVE, y: POSITIVE}),
    # no simplex: p and q are two numbers in (0, 1) each, not distributions
    ("KL of unnormalized pairs", p * sp.log(p / q) + x * sp.log(x / y), NONNEGATIVE,
     {p: UNIT, q: UNIT, x: UNIT, y: UNIT}),
]


@pytest.mark.parametrize("claim", PROVED, ids=[c[0] for c in PROVED])
def test_gibbs_and_its_kin_are_proved_and_confirmed(claim):
    _, term, real_set, where = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    assert dict(theorem.context.entries) == where
    assert floats_confirm(term, real_set, where)


@pytest.mark.parametrize("claim", DISPROVED, ids=[c[0] for c in DISPROVED])
def test_false_neighbours_are_disproved(claim):
    _, term, real_set, where = claim
    half = {s: sp.Rational(1, 2) for s in term.free_symbols}  # p = q: the divergence is 0
    assert not floats_confirm(term, real_set, where, points=2000) or (
        term.subs(half) == 0 and real_set.left_open)
    with pytest.raises(Disproved):
        check.member(term, real_set, where=where)


def test_pinsker_is_true_but_beyond_the_tangent_lines_so_not_proved_and_not_called_false():
    """KL ≥ 2(p − q)² holds (Pinsker), but the tangent lines leave p(1 − q/p) + … = 0 against
    2(p − q)²: refused, and not as false."""
    pinsker = kl(p, q) - 2 * (p - q) ** 2
    assert floats_confirm(pinsker, NONNEGATIVE, COINS, points=2000)
    with pytest.raises(ProofError) as refusal:
        check.member(pinsker, NONNEGATIVE, where=COINS)
    assert not isinstance(refusal.value, Disproved)


def test_a_log_at_a_closed_end_is_not_proved():
    """p log(p/q) is undefined at p = 0: over p ∈ [0, 1) the claim is not the one proved over
    (0, 1), and the tangent route needs p/q > 0 for its instance."""
    with pytest.raises(ProofError):
        check.member(kl(p, q), NONNEGATIVE, where={p: sp.Interval.Ropen(0, 1), q: UNIT})


def test_a_coefficient_of_unknown_sign_is_not_taken_for_either_line():
    """(p − 1/2) log(p/q) + …: the coefficient changes sign, no tangent line bounds the term."""
    term = (p - sp.Rational(1, 2)) * sp.log(p / q) + (1 - p) * sp.log((1 - p) / (1 - q))
    with pytest.raises(ProofError):
        check.member(term, NONNEGATIVE, where=COINS)


def test_the_logs_are_read_as_pairs_with_opposite_coefficients():
    logs, rest = _log_terms(p * sp.log(p) - p * sp.log(q) + 3)
    assert rest == 3 and len(logs) == 1
    coefficient, argument = logs[0]
    assert sp.simplify(coefficient * sp.log(argument) - p * sp.log(p / q)) == 0
    many = sum(sp.log(x + k) for k in range(MOST_LOGS + 1))
    with pytest.raises(ProofError):  # more logs than the route takes: left to the other routes
        check.member(x + MOST_LOGS + 1 - many, NONNEGATIVE, where={x: POSITIVE})


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.integers(-3, 3))
def test_a_weighted_pair_of_logs_against_its_tangent_bound(k, m, shift):
    """k x log(x/y) + m y log(y/x) ≥ (k − m)(x − y) at every x, y > 0 (each log above its tangent
    line); a bound moved by shift/10 above that is refuted where x = y."""
    where = {x: POSITIVE, y: POSITIVE}
    term = k * x * sp.log(x / y) + m * y * sp.log(y / x) - (k - m) * (x - y)
    if shift <= 0:
        theorem = check.member(term - sp.Rational(shift, 10), NONNEGATIVE, where=where)
        assert theorem.statement.expr == term - sp.Rational(shift, 10)
        assert floats_confirm(term, NONNEGATIVE, where, points=50, seed=k * 10 + m)
    else:
        with pytest.raises(Disproved):
            check.member(term - sp.Rational(shift, 10), NONNEGATIVE, where=where)


def test_a_derivation_cites_the_tangent_line_not_the_cases_of_its_proof():
    d = Derivation("Gibbs' inequality for two coins", where=COINS)
    d.theorem("Cross-entropy is at least entropy",
              d.chain(cross_entropy(p, q)).ge(entropy(p)))
    text = d.proof().to_text()
    assert "u − log u − 1 ≥ 0 for every u > 0" in text
    assert "q/p" in text and "(1 − q)/(1 − p)" in text
    assert "u ≥ 1" not in text and "u ∈ (0, 1]" not in text  # the lemma's own cases


def test_the_coq_export_names_the_rule_it_lacks():
    """The general fact u − 1 − log u ≥ 0 used at u = q/p (`instantiate`) has no Coq counterpart:
    the export says so, not that u is undeclared."""
    from proofs.errors import RenderError
    d = Derivation("Gibbs", where=COINS)
    d.theorem("KL", d.chain(kl(p, q)).ge(0))
    with pytest.raises(RenderError, match="rule instantiate .* has no Coq counterpart yet"):
        d.proof().to_coq()
