"""A difference that factors, each factor's sign shown by the engine's routes
(proofs/rules/signs.py): AM-GM for three terms and its kin, and a quotient by roots through its
numerator, the cosine of two vectors in [−1, 1].  Each true claim is proved as asked, rests on the
route (without it, refused as not proved) and is confirmed in floating point; each false
neighbour is disproved at a point where it fails, or refused, never proved."""

import math
import random

import pytest
import sympy as sp

from proofs import Derivation, Disproved, check
from proofs.kernel import Member
from proofs.rules import signs
from tests.floats import floats_confirm
from tests.routes import assert_false_at, assert_refused_without

a, b, c = sp.symbols("a b c")
NONNEGATIVE = sp.Interval(0, sp.oo)
NONPOSITIVE = sp.Interval(-sp.oo, 0)
THREE = {a: NONNEGATIVE, b: NONNEGATIVE, c: NONNEGATIVE}
CUBES = a ** 3 + b ** 3 + c ** 3

# (name, term, set, where): term ∈ set wherever the ranges hold; each refused without the route
PROVED = [
    ("AM-GM for three cubes", CUBES - 3 * a * b * c, NONNEGATIVE, THREE),
    ("AM-GM for three cubes, as means", CUBES / 3 - a * b * c, NONNEGATIVE, THREE),
    ("AM-GM for three cubes, as an upper bound", a * b * c - CUBES / 3, NONPOSITIVE, THREE),
    ("a sum of cubes factored", (a + b) * (a ** 2 - a * b + b ** 2), NONNEGATIVE,
     {a: NONNEGATIVE, b: NONNEGATIVE}),
    ("AM-GM for three cubes above a margin", CUBES - 3 * a * b * c + 1, sp.Interval(1, sp.oo),
     THREE),
]

# (name, term, set, where): false at a point the search finds
FALSE = [
    ("AM-GM for three cubes of any sign", CUBES - 3 * a * b * c, NONNEGATIVE, {}),
    ("AM-GM for three cubes by a margin", CUBES - 3 * a * b * c - sp.Rational(1, 100),
     NONNEGATIVE, THREE),
    ("AM-GM for three cubes reversed", 3 * a * b * c - CUBES, NONNEGATIVE, THREE),
    ("a cube of the sum against the product", (a + b + c) ** 3 - 28 * a * b * c, NONNEGATIVE,
     THREE),
]

# a quotient by roots, through its numerator: its difference from an end is (N − cD)/D
u, v = sp.IndexedBase("u"), sp.IndexedBase("v")
k, n, x, y = sp.symbols("k n x y")
POSITIVE = sp.Interval.open(0, sp.oo)
NEGATIVE = sp.Interval.open(-sp.oo, 0)
UNIT = sp.Interval(-1, 1)


def total(f):
    return sp.Sum(f, (k, 1, n))


COSINE = total(u[k] * v[k]) / (sp.sqrt(total(u[k] ** 2)) * sp.sqrt(total(v[k] ** 2)))


def cosine(xs, ys):
    dot = sum(u * v for u, v in zip(xs, ys))
    return dot / (math.sqrt(sum(u * u for u in xs)) * math.sqrt(sum(v * v for v in ys)))


# (name, term, set, where, sample): sample(rng) gives the term's value at a random admissible
# point, computed from its meaning
COSINES = [
    ("the cosine of two positive vectors", COSINE, UNIT,
     {n: sp.S.Naturals, u: POSITIVE, v: POSITIVE}, None),
    ("the cosine of vectors of opposite signs", COSINE, UNIT,
     {n: sp.S.Naturals, u: POSITIVE, v: NEGATIVE}, None),
    ("a coordinate over the norm", x / sp.sqrt(x ** 2 + y ** 2), UNIT, {y: POSITIVE},
     lambda rng: (lambda u, v: u / math.hypot(u, v))(rng.uniform(-9, 9), rng.uniform(0.01, 9))),
    ("the cosine of (x, 1) and (y, 1)", (x * y + 1) / (sp.sqrt(x ** 2 + 1) * sp.sqrt(y ** 2 + 1)),
     UNIT, {}, lambda rng: cosine(*(lambda u, v: ([u, 1.0], [v, 1.0]))(rng.uniform(-9, 9),
                                                                       rng.uniform(-9, 9)))),
]

# (name, term, set, where): false at a point the search finds
COSINES_FALSE = [
    ("the cosine below 99/100", COSINE, sp.Interval(-1, sp.Rational(99, 100)),
     {n: sp.S.Naturals, u: POSITIVE, v: POSITIVE}),
    ("the cosine of vectors of either sign at least 0", COSINE, sp.Interval(0, 1),
     {n: sp.S.Naturals, u: POSITIVE}),
    ("the cosine of (x, 1) and (y, 1) at least 0",
     (x * y + 1) / (sp.sqrt(x ** 2 + 1) * sp.sqrt(y ** 2 + 1)), sp.Interval(0, 1), {}),
    ("a sum of coordinates over the norm", (x + y) / sp.sqrt(x ** 2 + y ** 2), UNIT,
     {y: POSITIVE}),
    ("the cosine, strictly below 1", COSINE, sp.Interval.Ropen(-1, 1),
     {n: sp.S.Naturals, u: POSITIVE, v: POSITIVE}),
]


def _vectors(rng, where, size):
    def coordinate(real_set):
        return rng.uniform(0.01, 5) if real_set == POSITIVE else rng.uniform(-5, -0.01)
    return ([coordinate(where[u]) for _ in range(size)],
            [coordinate(where[v]) for _ in range(size)])

EVERY_PROVED = PROVED + [claim[:4] for claim in COSINES]
EVERY_FALSE = FALSE + COSINES_FALSE


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_factors_of_known_sign_are_proved_and_confirmed(claim):
    _, term, real_set, where = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    assert floats_confirm(term, real_set, where, points=400, width=6.0)


@pytest.mark.parametrize("claim", EVERY_PROVED, ids=[name for name, *_ in EVERY_PROVED])
def test_without_the_route_each_is_refused(claim, monkeypatch):
    _, term, real_set, where = claim
    assert_refused_without(monkeypatch, signs, "through_factor_signs", term, real_set, where)


@pytest.mark.parametrize("claim", EVERY_FALSE, ids=[name for name, *_ in EVERY_FALSE])
def test_false_neighbours_are_disproved_where_sympy_agrees(claim):
    _, term, real_set, where = claim
    with pytest.raises(Disproved) as refusal:
        check.member(term, real_set, where=where)
    names = {str(symbol): symbol for symbol in (a, b, c, u, v, n, x, y)}
    assert_false_at(term, real_set, refusal.value.point, names, sizes=(n,))


def test_the_strict_inequality_which_fails_where_the_terms_are_equal_is_disproved_there():
    """False only where a = b = c, a line random points miss: the search tries it."""
    strict = sp.Interval.open(0, sp.oo)
    with pytest.raises(Disproved) as refusal:
        check.member(CUBES - 3 * a * b * c, strict, where=THREE)
    point = refusal.value.point
    assert len(set(point.values())) == 1
    assert_false_at(CUBES - 3 * a * b * c, strict, point, {"a": a, "b": b, "c": c})


def test_a_derivation_shows_the_factored_difference():
    proof = Derivation("AM-GM", where=THREE)
    proof.theorem("AM-GM", proof.chain(3 * a * b * c).le(CUBES))
    text = proof.proof().to_text()
    assert "the difference is (a + b + c) (a^{2} + b^{2} + c^{2} − a b − a c − b c) ≥ 0" in text


@pytest.mark.parametrize("claim", COSINES, ids=[name for name, *_ in COSINES])
def test_a_quotient_by_roots_is_bounded_through_its_numerator_and_confirmed(claim):
    _, term, real_set, where, sample = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    rng = random.Random(0)
    if sample is None:  # the cosine of two vectors of sizes 1 to 6, by hand and by sympy
        for size in range(1, 7):
            xs, ys = _vectors(rng, where, size)
            values = {u[number + 1]: value for number, value in enumerate(xs)}
            values.update({v[number + 1]: value for number, value in enumerate(ys)})
            by_sympy = float(term.subs(n, size).doit().subs(values))
            assert cosine(xs, ys) == pytest.approx(by_sympy)
            assert -1 - 1e-12 <= cosine(xs, ys) <= 1 + 1e-12
    else:
        assert all(-1 - 1e-12 <= sample(rng) <= 1 + 1e-12 for _ in range(300))


def test_a_derivation_states_the_cosine_s_bounds_from_cauchy_schwarz():
    proof = Derivation("cosine", where={n: sp.S.Naturals, u: POSITIVE, v: NEGATIVE})
    proof.theorem("cos", proof.member(COSINE, UNIT))
    text = proof.proof().to_text()
    assert "∑_{i=1}^{n} ∑_{j=1}^{n} (1/2) (u_i v_j − u_j v_i)^{2}" in text
    assert "∈ [−1, 1]" in text
