"""A sum of squares taken about its mean (proofs/rules/variance.py): the sample variance's two
forms, and the Cauchy–Schwarz bound (Σ x_i)² ≤ n Σ x_i².  Each true claim is proved as asked,
rests on the route (without it, refused as not proved) and is confirmed in floating point at
sizes 1 to 6, the sums written out by hand; each false neighbour is disproved."""

import math
import random

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs import Derivation, Disproved, check
from proofs.kernel import Member
from proofs.rules import pairs, variance
from tests.routes import assert_refused_without

x, z = sp.IndexedBase("x"), sp.IndexedBase("z")
i, k, n, m, mu, j = sp.symbols("i k n m mu j")
NONNEGATIVE = sp.Interval(0, sp.oo)
POSITIVE = sp.Interval.open(0, sp.oo)
COUNT = {n: sp.S.Naturals}


def total(f, lo=1, hi=n, index=i):
    return sp.Sum(f, (index, lo, hi))


MEAN = total(x[i]) / n
SQUARES = total(x[i] ** 2)

# (name, term, set, where, by hand): by hand(xs, n) computes term with floats, from its meaning
PROVED = [
    ("the sample variance", SQUARES / n - MEAN ** 2, NONNEGATIVE, COUNT,
     lambda xs, c: sum(v * v for v in xs) / c - (sum(xs) / c) ** 2),
    ("Cauchy–Schwarz with ones", n * SQUARES - total(x[i]) ** 2, NONNEGATIVE, COUNT,
     lambda xs, c: c * sum(v * v for v in xs) - sum(xs) ** 2),
    ("the sum of squares about the mean", SQUARES - total(x[i]) ** 2 / n, NONNEGATIVE, COUNT,
     lambda xs, c: sum(v * v for v in xs) - sum(xs) ** 2 / c),
    ("the variance about a shift", total((x[i] - mu) ** 2) / n - (total(x[i] - mu) / n) ** 2,
     NONNEGATIVE, COUNT,
     lambda xs, c: sum((v - 0.5) ** 2 for v in xs) / c - (sum(v - 0.5 for v in xs) / c) ** 2),
    ("a range from 0", (m + 1) * total(x[i] ** 2, 0, m) - total(x[i], 0, m) ** 2, NONNEGATIVE,
     {m: sp.S.Naturals0},
     lambda xs, c: c * sum(v * v for v in xs) - sum(xs) ** 2),
    ("the unbiased variance of logs", (total(sp.log(x[i]) ** 2) - total(sp.log(x[i])) ** 2 / n)
     / (n - 1), NONNEGATIVE, {n: sp.Range(2, sp.oo), x: POSITIVE},
     lambda xs, c: (sum(math.log(abs(v) + 1) ** 2 for v in xs)
                    - sum(math.log(abs(v) + 1) for v in xs) ** 2 / c) / (c - 1)),
    ("the second moment above the squared mean, strictly", SQUARES / n - MEAN ** 2 + 1,
     POSITIVE, COUNT, lambda xs, c: sum(v * v for v in xs) / c - (sum(xs) / c) ** 2 + 1),
]

# (name, term, set, where): false at a point the search finds
FALSE = [
    ("the squared mean above the second moment", total(x[i]) ** 2 - n * SQUARES, NONNEGATIVE,
     COUNT),
    ("the variance by a margin", SQUARES / n - MEAN ** 2 - sp.Rational(1, 100), NONNEGATIVE,
     COUNT),
    ("one term too few", (n - 1) * SQUARES - total(x[i]) ** 2, NONNEGATIVE, COUNT),
    ("the variance of no terms", SQUARES / n - MEAN ** 2, NONNEGATIVE, {n: sp.S.Naturals0}),
    ("a sum the mean does not match", total(x[i] ** 2, 1, m) / m - MEAN ** 2, NONNEGATIVE,
     {n: sp.S.Naturals, m: sp.S.Naturals}),
    ("the variance, strictly", SQUARES / n - MEAN ** 2, POSITIVE, COUNT),
]


def _by_sympy(term, size, values):
    """term at n = size (or m = size − 1, for a range from 0), the sums written out by sympy's
    doit and evaluated at x_i = values[i] and μ = 1/2."""
    ends = {n: size, m: size - 1, mu: sp.Rational(1, 2)}
    written = term.subs(ends).doit()
    return float(written.subs({x[number]: value for number, value in enumerate(values)}))


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_a_sum_of_squares_about_its_mean_is_proved_and_confirmed(claim):
    _, term, real_set, where, by_hand = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    rng = random.Random(0)
    smallest = 2 if where.get(n) == sp.Range(2, sp.oo) else 1
    for size in range(smallest, 7):
        xs = [rng.uniform(-5, 5) for _ in range(size)]
        assert by_hand(xs, size) >= -1e-9
        if not term.has(sp.log):  # the values by hand are the term's own
            values = xs if term.has(m) else [0.0] + xs
            assert by_hand(xs, size) == pytest.approx(_by_sympy(term, size, values))


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_without_the_route_each_is_refused(claim, monkeypatch):
    """Refused without this route and the pairs' (pairs.as_pairs), which proves each in its own
    way: Σ_i Σ_j (x_i − x_j)²/(2n²) for the sample variance."""
    _, term, real_set, where, _ = claim
    assert_refused_without(monkeypatch, variance, "about_the_mean", term, real_set, where,
                           also=[(pairs, "as_pairs")])


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_each_is_proved_by_the_pairs_alone_too(claim, monkeypatch):
    _, term, real_set, where, _ = claim
    monkeypatch.setattr(variance, "about_the_mean", lambda *args: None)
    assert check.member(term, real_set, where=where).statement == Member(term, real_set)


@pytest.mark.parametrize("claim", FALSE, ids=[name for name, *_ in FALSE])
def test_false_neighbours_are_disproved(claim):
    _, term, real_set, where = claim
    with pytest.raises(Disproved) as refusal:
        check.member(term, real_set, where=where)
    point = refusal.value.point
    assert point  # and the claim fails there, by sympy's own evaluation of the written-out sums
    size = point.get("n", point.get("m"))
    if size is not None and size >= 1 and not term.has(m):
        values = [0.0] + [float(sp.Rational(point.get(f"x[{number}]", 0)))
                          for number in range(1, size + 1)]
        value = _by_sympy(term, size, values)
        assert value < 0 or (real_set == POSITIVE and value <= 0)


def test_an_index_named_like_the_mean_s_is_not_captured():
    """The mean's index is new: with j a free symbol of the claim (a shift), the mean is summed
    over j′, and the claim proved is the one asked."""
    term = total((x[i] - j) ** 2) / n - (total(x[i] - j) / n) ** 2
    theorem = check.member(term, NONNEGATIVE, where=COUNT)
    assert theorem.statement == Member(term, NONNEGATIVE)
    nested = total((x[i] + total(z[k], 1, n, k)) ** 2) / n - (total(x[i] + total(z[k], 1, n, k))
                                                                / n) ** 2
    assert check.member(nested, NONNEGATIVE, where=COUNT).statement == Member(nested,
                                                                               NONNEGATIVE)
    # an inner sum of two limits binds j and k: the mean's index is none of them (refused,
    # before: the mean summed over j around an inner sum over j)
    inner = sp.Sum(z[j, k], (j, 1, 2), (k, 1, 2))
    shifted = total((x[i] + inner) ** 2) / n - (total(x[i] + inner) / n) ** 2
    assert check.member(shifted, NONNEGATIVE, where=COUNT).statement == Member(shifted,
                                                                                NONNEGATIVE)


@settings(max_examples=10, deadline=None)
@given(st.fractions(min_value=0, max_value=5), st.fractions(min_value=sp.Rational(1, 1000),
                                                            max_value=5))
def test_the_variance_is_at_least_zero_and_no_more(room, margin):
    """The variance plus any c ≥ 0 is nonnegative; minus any c > 0 it is not (all x_i equal)."""
    room = sp.Rational(room.numerator, room.denominator)
    margin = sp.Rational(margin.numerator, margin.denominator)
    variance_term = SQUARES / n - MEAN ** 2
    assert check.member(variance_term + room, NONNEGATIVE, where=COUNT)
    with pytest.raises(Disproved):
        check.member(variance_term - margin, NONNEGATIVE, where=COUNT)


def test_a_derivation_shows_the_sum_of_squares_about_the_mean():
    d = Derivation("variance", where=COUNT)
    d.theorem("V", d.chain(MEAN ** 2).le(SQUARES / n))
    text = d.proof().to_text()
    assert "∑_{i=1}^{n} (x_i − (1/n) ∑_{j=1}^{n} x_j)^{2}" in text


def test_a_false_claim_the_route_rewrites_is_disproved_when_the_prover_goes_first():
    """n Σ_{i=0}^{n} (iμ + 1)² − (Σ_{i=0}^{n} (iμ + 1))² ≤ 0 is false (n = 1, μ = −2 makes it
    2): under prover_first, the rewritten sum of squares was handed to the other routes, which
    spent minutes completing squares (helper-142's review); it is bounded by the intervals."""
    term = n * total((i * mu + 1) ** 2, 0, n) - total(i * mu + 1, 0, n) ** 2
    with check.prover_first(), pytest.raises(Disproved) as refusal:
        check.member(term, sp.Interval(-sp.oo, 0), where=COUNT)
    size, shift = int(refusal.value.point["n"]), sp.Rational(refusal.value.point["mu"])
    by_hand = size * sum((v * shift + 1) ** 2 for v in range(size + 1)) - sum(
        v * shift + 1 for v in range(size + 1)) ** 2
    assert by_hand > 0
