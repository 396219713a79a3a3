"""A quotient by roots against a bound, by its numerator (proofs/rules/quotients.py): the cosine
of two vectors lies in [−1, 1].  Each true claim is proved as asked, rests on the route (without
it, refused as not proved) and is confirmed in floating point from its meaning; each false
neighbour is disproved at a point where sympy agrees."""

import math
import random

import pytest
import sympy as sp

from proofs import Derivation, Disproved, check
from proofs.kernel import Member
from proofs.rules import quotients
from tests.routes import assert_false_at, assert_refused_without

a, b = sp.IndexedBase("a"), sp.IndexedBase("b")
k, n, x, y = sp.symbols("k n x y")
POSITIVE = sp.Interval.open(0, sp.oo)
NEGATIVE = sp.Interval.open(-sp.oo, 0)
UNIT = sp.Interval(-1, 1)


def total(f):
    return sp.Sum(f, (k, 1, n))


COSINE = total(a[k] * b[k]) / (sp.sqrt(total(a[k] ** 2)) * sp.sqrt(total(b[k] ** 2)))


def cosine(xs, ys):
    dot = sum(u * v for u, v in zip(xs, ys))
    return dot / (math.sqrt(sum(u * u for u in xs)) * math.sqrt(sum(v * v for v in ys)))


# (name, term, set, where, sample): sample(rng) gives the term's value at a random admissible
# point, computed from its meaning
PROVED = [
    ("the cosine of two positive vectors", COSINE, UNIT,
     {n: sp.S.Naturals, a: POSITIVE, b: POSITIVE}, None),
    ("the cosine of vectors of opposite signs", COSINE, UNIT,
     {n: sp.S.Naturals, a: POSITIVE, b: NEGATIVE}, None),
    ("a coordinate over the norm", x / sp.sqrt(x ** 2 + y ** 2), UNIT, {y: POSITIVE},
     lambda rng: (lambda u, v: u / math.hypot(u, v))(rng.uniform(-9, 9), rng.uniform(0.01, 9))),
    ("the cosine of (x, 1) and (y, 1)", (x * y + 1) / (sp.sqrt(x ** 2 + 1) * sp.sqrt(y ** 2 + 1)),
     UNIT, {}, lambda rng: cosine(*(lambda u, v: ([u, 1.0], [v, 1.0]))(rng.uniform(-9, 9),
                                                                       rng.uniform(-9, 9)))),
]

# (name, term, set, where): false at a point the search finds
FALSE = [
    ("the cosine below 99/100", COSINE, sp.Interval(-1, sp.Rational(99, 100)),
     {n: sp.S.Naturals, a: POSITIVE, b: POSITIVE}),
    ("the cosine of vectors of either sign at least 0", COSINE, sp.Interval(0, 1),
     {n: sp.S.Naturals, a: POSITIVE}),
    ("the cosine of (x, 1) and (y, 1) at least 0",
     (x * y + 1) / (sp.sqrt(x ** 2 + 1) * sp.sqrt(y ** 2 + 1)), sp.Interval(0, 1), {}),
    ("a sum of coordinates over the norm", (x + y) / sp.sqrt(x ** 2 + y ** 2), UNIT,
     {y: POSITIVE}),
    ("the cosine, strictly below 1", COSINE, sp.Interval.Ropen(-1, 1),
     {n: sp.S.Naturals, a: POSITIVE, b: POSITIVE}),
]


def _vectors(rng, where, size):
    def coordinate(real_set):
        return rng.uniform(0.01, 5) if real_set == POSITIVE else rng.uniform(-5, -0.01)
    return ([coordinate(where[a]) for _ in range(size)],
            [coordinate(where[b]) for _ in range(size)])


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_a_quotient_by_roots_is_bounded_by_its_numerator_and_confirmed(claim):
    _, term, real_set, where, sample = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    rng = random.Random(0)
    if sample is None:  # the cosine of two vectors of sizes 1 to 6, by hand and by sympy
        for size in range(1, 7):
            xs, ys = _vectors(rng, where, size)
            values = {a[number + 1]: u for number, u in enumerate(xs)}
            values.update({b[number + 1]: v for number, v in enumerate(ys)})
            by_sympy = float(term.subs(n, size).doit().subs(values))
            assert cosine(xs, ys) == pytest.approx(by_sympy)
            assert -1 - 1e-12 <= cosine(xs, ys) <= 1 + 1e-12
    else:
        assert all(-1 - 1e-12 <= sample(rng) <= 1 + 1e-12 for _ in range(300))


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_without_the_route_each_is_refused(claim, monkeypatch):
    _, term, real_set, where, _ = claim
    assert_refused_without(monkeypatch, quotients, "through_numerator", term, real_set, where)


@pytest.mark.parametrize("claim", FALSE, ids=[name for name, *_ in FALSE])
def test_false_neighbours_are_disproved_where_sympy_agrees(claim):
    _, term, real_set, where = claim
    with pytest.raises(Disproved) as refusal:
        check.member(term, real_set, where=where)
    assert_false_at(term, real_set, refusal.value.point, {"a": a, "b": b, "n": n, "x": x, "y": y},
                    sizes=(n,))


def test_a_quotient_with_no_root_below_is_left_to_the_other_routes():
    context = check.context({x: POSITIVE})
    fact = check.positivity.prove_member(context, x / (x + 1))
    assert quotients.through_numerator(context, fact, sp.Interval(0, 1), lambda *args: fact) \
        is None


def test_a_derivation_states_the_cosine_s_bounds_from_cauchy_schwarz():
    proof = Derivation("cosine", where={n: sp.S.Naturals, a: POSITIVE, b: NEGATIVE})
    proof.theorem("cos", proof.member(COSINE, UNIT))
    text = proof.proof().to_text()
    assert "∑_{i=1}^{n} ∑_{j=1}^{n} (1/2) (a_i b_j − a_j b_i)^{2}" in text
    assert "∈ [−1, 1]" in text
