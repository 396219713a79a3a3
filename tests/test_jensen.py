"""Jensen's inequality for a sum, by the tangent line at the mean (proofs/rules/jensen.py): the log
of the mean is at least the mean of the logs.  Each true claim is proved as asked, rests on the
rewrite (without it, refused as not proved) and is confirmed by sympy at sizes 1 to 5; each false
neighbour is disproved at a point where sympy agrees."""

import random

import pytest
import sympy as sp

from proofs import Derivation, Disproved, ProofError, check
from proofs.kernel import Member
from proofs.rules import jensen
from tests.routes import assert_refused_without

i, k, n = sp.symbols("i k n")
y = sp.IndexedBase("y")
POSITIVE = {n: sp.S.Naturals, y: sp.Interval.open(0, sp.oo)}
NONNEGATIVE, NONPOSITIVE = sp.Interval(0, sp.oo), sp.Interval(-sp.oo, 0)
TOTAL = sp.Sum(y[k], (k, 1, n))
LOGS = sp.Sum(sp.log(y[i]), (i, 1, n))
JENSEN = sp.log(TOTAL / n) - LOGS / n  # log of the mean less the mean of the logs

# (name, term, set): term ∈ set for n ≥ 1 and y_i > 0; each refused without the rewrite
PROVED = [
    ("the log of the mean above the mean of the logs", JENSEN, NONNEGATIVE),
    ("the mean of the logs below the log of the mean", -JENSEN, NONPOSITIVE),
    ("n times it: the log of the geometric mean's n-th power", n * JENSEN, NONNEGATIVE),
    # the tangent line at the total, not the mean: (n − 1)/n is left beside the gaps, each term
    # bounded apart (separable's "terms")
    ("the total's log above the mean of the logs", sp.log(TOTAL) - LOGS / n, NONNEGATIVE),
]

# (name, term, set): false where every y_i is equal, or at a point the search finds
FALSE = [
    ("strictly", JENSEN, sp.Interval.open(0, sp.oo)),
    ("reversed", JENSEN, NONPOSITIVE),
    ("above a hundredth", JENSEN - sp.Rational(1, 100), NONNEGATIVE),
    ("the total's log over n + 1 terms", sp.log(TOTAL / (n + 1)) - LOGS / n, NONNEGATIVE),
]


def _by_sympy(term, size, rng):
    """term at n = size, each y_i drawn from (0, 9), as sympy evaluates it to 30 digits."""
    values = {y[number]: sp.Rational(rng.randint(1, 900), 100) for number in range(1, size + 1)}
    return term.subs(n, size).doit().subs(values).evalf(30)


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_jensen_s_inequality_is_proved_and_confirmed(claim, monkeypatch):
    _, term, real_set = claim
    theorem = check.member(term, real_set, where=POSITIVE)
    assert theorem.statement == Member(term, real_set)
    rng = random.Random(0)
    for size in range(1, 6):
        for _ in range(5):
            value = _by_sympy(term, size, rng)
            assert real_set.contains(value + (1 if real_set == NONNEGATIVE else -1) * 1e-25)
    assert_refused_without(monkeypatch, jensen, "tangent_at_mean", term, real_set, POSITIVE)


@pytest.mark.parametrize("claim", FALSE, ids=[name for name, *_ in FALSE])
def test_false_neighbours_are_disproved_where_sympy_agrees(claim):
    _, term, real_set = claim
    with pytest.raises(Disproved) as refusal:
        check.member(term, real_set, where=POSITIVE)
    point = refusal.value.point
    values = {sp.sympify(name, locals={"y": y}): value for name, value in point.items()
              if name != "n"}
    value = term.subs(n, point["n"]).doit().subs(values)
    assert not real_set.contains(value.evalf(30))


def test_the_form_takes_the_tangent_line_at_the_rest_s_point():
    """log(Σ_k y_k/n) names the point Σ_k y_k/n: the form is −(1/n) Σ_i (log y_i − log m −
    (y_i − m)/m), m that point, with nothing left beside it; a sum with no such point, or of two
    entries, is no Jensen form."""
    context = check.context(POSITIVE)
    equal = jensen.tangent_at_mean(context, JENSEN)
    mean = TOTAL / n
    gap = sp.log(y[i]) - sp.log(mean) - (y[i] - mean) / mean
    assert equal.statement.lhs == JENSEN
    assert sp.simplify(equal.statement.rhs.doit() - (-sp.Sum(gap, (i, 1, n)) / n).doit()) == 0
    assert jensen.tangent_at_mean(context, sp.log(n) - LOGS / n) is None  # no sum in the point
    two = sp.Sum(sp.log(y[i] * y[i + 1]), (i, 1, n))
    assert jensen.tangent_at_mean(context, sp.log(TOTAL) - two) is None
    assert jensen.tangent_at_mean(context, sp.Sum(y[i], (i, 1, n)) - TOTAL) is None  # linear


def test_a_convex_function_s_jensen_form_is_refused_not_called_false():
    """(1/n) Σ e^{y_i} ≥ e^{(1/n) Σ y_k} is true, but each term's gap, e^u − e^m − e^m (u − m) in
    two new variables, is beyond the routes: refused as not proved, never called false."""
    term = sp.Sum(sp.exp(y[i]), (i, 1, n)) / n - sp.exp(TOTAL / n)
    with pytest.raises(ProofError) as refusal:
        check.member(term, NONNEGATIVE, where={n: sp.S.Naturals})
    assert not isinstance(refusal.value, Disproved)


def test_a_derivation_shows_the_tangent_line_form():
    proof = Derivation("Jensen", where=POSITIVE)
    proof.theorem("jensen", proof.member(JENSEN, NONNEGATIVE))
    text = proof.proof().to_text()
    assert "[sum of nonnegative terms]" in text or "[sum of nonpositive terms]" in text
    assert "log((1/n) ∑_{k=1}^{n} y_k) − (1/n) ∑_{i=1}^{n} log y_i ∈ [0, ∞)" in text
