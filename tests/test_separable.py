"""A sum of parts in different variables, each bounded by its own least value
(proofs/rules/separable.py): eˣ − 1 − x + eʸ − 1 − y ≥ 0.  Each true claim is proved as asked,
rests on the route (without it, refused as not proved) and is confirmed in floating point at
random points and at each part's extreme; each false neighbour is disproved at a point where sympy
agrees; a true claim whose parts' least values the guesses miss is refused, never called false."""

import math

import pytest
import sympy as sp

from proofs import Derivation, Disproved, ProofError, check
from proofs.kernel import Member
from proofs.rules import separable
from tests.floats import floats_confirm
from tests.routes import assert_false_at, assert_refused_without

x, y, z, a, b = sp.symbols("x y z a b")
i, n = sp.symbols("i n")
u = sp.IndexedBase("u")
NONNEGATIVE, POSITIVE = sp.Interval(0, sp.oo), sp.Interval.open(0, sp.oo)
AT_MOST_0 = sp.Interval(-sp.oo, 0)
HALF = {x: POSITIVE, y: POSITIVE}


def gap(t):
    """eᵗ − 1 − t: at least 0, met at t = 0 alone."""
    return sp.exp(t) - 1 - t


GAPS = sp.Sum(gap(u[i]), (i, 1, n))

# (name, term, set, where): term ∈ set wherever the ranges hold; each refused without the route
PROVED = [
    ("two of exp's tangent gaps", gap(x) + gap(y), NONNEGATIVE, {}),
    ("two gaps, strictly above −1", gap(x) + gap(y), sp.Interval.open(-1, sp.oo), {}),
    ("two gaps with room, strictly", sp.exp(x) - x + sp.exp(y) - y - 1, POSITIVE, {}),
    ("a cubic on [0, ∞) beside exp's gap", x ** 3 - 3 * x + sp.exp(y) - y + 1, NONNEGATIVE,
     {x: NONNEGATIVE}),
    ("two gaps negated", -gap(x) - gap(y), AT_MOST_0, {}),
    ("three parts, one of two variables", gap(x) + (y - z) ** 2 + sp.cosh(a) - 1, NONNEGATIVE,
     {}),
    ("a cubic on [0, ∞) beside a quartic", x ** 3 - 3 * x + y ** 4 - 2 * y ** 2 + 3, NONNEGATIVE,
     {x: NONNEGATIVE}),
    ("an irrational constant with room", gap(x) + gap(y) + sp.log(2) - sp.Rational(1, 2),
     NONNEGATIVE, {}),
    ("an irrational constant that leaves little room", sp.exp(x) - x + sp.exp(y) - y - sp.log(7),
     NONNEGATIVE, {}),
    ("a square apart from a part it shares a variable with", (x - y) ** 2 + gap(x), NONNEGATIVE,
     {}),
    ("a sum beside a part of its own", GAPS + gap(z), NONNEGATIVE, {n: sp.S.Naturals}),
]

# (name, term, set, where): false at a point the search finds
FALSE = [
    ("two gaps, strictly", gap(x) + gap(y), POSITIVE, {}),
    ("two gaps above a tenth", gap(x) + gap(y) - sp.Rational(1, 10), NONNEGATIVE, {}),
    ("the log's sides, strictly", sp.log(x) - x + sp.log(y) - y, sp.Interval.open(-sp.oo, -2),
     HALF),
    ("a cubic on ℝ beside a quartic", x ** 3 - 3 * x + y ** 4 - 2 * y ** 2 + 3, NONNEGATIVE, {}),
    ("an irrational constant too large", sp.exp(x) - x + sp.exp(y) - y - sp.log(8), NONNEGATIVE,
     {}),
    ("exp's gaps to a wrong line", sp.exp(x) - 2 * x + sp.exp(y) - 2 * y - sp.Rational(5, 4),
     NONNEGATIVE, {}),
]


def _extremes(term):
    """Points where a part of term may be least: every variable at 0 or 1 (the gaps' minima),
    and at the cubic's and quartic's (x = 1, y = ±1)."""
    symbols = term.free_symbols
    return [dict.fromkeys(symbols, value) for value in (0, 1)] + [
        {**dict.fromkeys(symbols, 0), x: 1, y: side} for side in (1, -1)]


def _confirmed(term, real_set, where):
    """term in real_set in floating point at random points of the ranges, and by sympy to 50
    digits at `_extremes`; a sum at n = 3, its entries among the variables."""
    entries = sp.symbols("u1:4")
    term = term.subs(n, 3).doit().subs({u[k + 1]: entry for k, entry in enumerate(entries)})
    assert floats_confirm(term, real_set, {s: where[s] for s in where if s != n}, width=6.0)
    for point in _extremes(term):
        if all(where.get(s, sp.S.Reals).contains(point[s]) is sp.true for s in point):
            assert real_set.contains(term.subs(point).evalf(50)) is sp.true, point


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_parts_in_different_variables_are_proved_and_confirmed(claim, monkeypatch):
    _, term, real_set, where = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    _confirmed(term, real_set, where)
    assert_refused_without(monkeypatch, separable, "through_parts", term, real_set, where)


@pytest.mark.parametrize("claim", FALSE, ids=[name for name, *_ in FALSE])
def test_false_neighbours_are_disproved_where_sympy_agrees(claim):
    _, term, real_set, where = claim
    with check.prover_first(), pytest.raises(Disproved) as refusal:
        check.member(term, real_set, where=where)
    assert_false_at(term, real_set, refusal.value.point, {"x": x, "y": y})


def test_a_part_whose_least_value_the_guesses_miss_is_refused_not_called_false():
    """eˣ − 2x is least at log 2, no rational: its guessed least value lies above the true one
    and its bound is refused, so the claim (true: 2(2 − 2 log 2) ≈ 1.227 ≥ 6/5) is not proved.
    It must not be called false."""
    term = sp.exp(x) - 2 * x + sp.exp(y) - 2 * y - sp.Rational(6, 5)
    assert 2 * (2 - 2 * math.log(2)) > 1.2
    with check.prover_first(), pytest.raises(ProofError) as refusal:
        check.member(term, NONNEGATIVE)
    assert not isinstance(refusal.value, Disproved)


def test_split_keeps_parts_that_share_a_symbol_together():
    constant, parts = separable.split(gap(x) + gap(y) + sp.log(3))
    assert constant == -2 and set(parts) == {sp.exp(x) - x, sp.exp(y) - y, sp.log(3)}
    # one part only: x connects the terms
    assert separable.split(sp.exp(x) - x * y + sp.exp(y)) is None
    # a square is a part of its own only when asked, and then shares its variables
    assert separable.split((x - y) ** 2 + gap(x)) is None
    _, parts = separable.split((x - y) ** 2 + gap(x), "squares")
    assert set(parts) == {(x - y) ** 2, sp.exp(x) - x}
    # a negative multiple of a square is no square: it is ≤ 0
    assert separable.split(-(x - y) ** 2 + gap(x), "squares") is None
    # each term apart, where they share symbols: the last way
    assert separable.SPLITS[-1] == "terms"
    _, parts = separable.split(sp.exp(x) - x + x ** 3 * y - sp.sin(y), "terms")
    assert set(parts) == {sp.exp(x), -x, x ** 3 * y, -sp.sin(y)}
    # more parts than MOST_PARTS are left to the other routes
    many = sp.Add(*(gap(s) for s in (x, y, z, a, b)))
    assert len(many.free_symbols) > separable.MOST_PARTS and separable.split(many) is None


def test_a_derivation_says_each_part_s_bound():
    proof = Derivation("gaps")
    proof.theorem("gaps", proof.member(gap(x) + gap(y), NONNEGATIVE))
    text = proof.proof().to_text()
    assert "exp x − x ∈ [1, ∞)" in text and "exp y − y ∈ [1, ∞)" in text
    assert "exp x + exp y − x − y ∈ [2, ∞)" in text
    assert "increasing on (−∞, 0]" in text  # a minus sign, not a hyphen
    last = text.splitlines()[text.splitlines().index("Proof.") + 1:]
    assert any("exp x + exp y − x − y − 2 ∈ [0, ∞)" in line and "[bounds of a sum]" in line
               for line in last)


def test_a_constant_beyond_floating_point_is_refused_not_a_crash():
    """e^1000 beside the parts: a part's end rounded to a rational overflowed floating point (an
    OverflowError, helper-146's review).  The claim, true, is refused as not proved; its false
    neighbour, with −e^1000, is disproved."""
    with pytest.raises(ProofError) as refusal:
        check.member(gap(x) + gap(y) + sp.exp(1000), NONNEGATIVE)
    assert not isinstance(refusal.value, Disproved)
    with pytest.raises(Disproved):
        check.member(gap(x) + gap(y) - sp.exp(1000), NONNEGATIVE)
