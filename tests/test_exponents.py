"""Exponentials of one exponent's parts taken as new variables (proofs/rules/exponents.py): the
midpoint and weighted Jensen inequalities for exp, and their kin.  Each true claim is proved as
asked, rests on the route (without it, refused as not proved) and is confirmed at random points in
floating point; each false neighbour is disproved."""

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs import Derivation, Disproved, ProofError, check
from proofs.kernel import Member
from proofs.rules import exponents
from proofs.tree import tree_nodes
from tests.floats import floats_confirm
from tests.routes import assert_false_at, assert_refused_without

a, b, u, v, x, y = sp.symbols("a b u v x y")
NONNEGATIVE = sp.Interval(0, sp.oo)
POSITIVE = sp.Interval.open(0, sp.oo)
exp = sp.exp

# (name, term, set, where): term ∈ set wherever the ranges hold; each refused without the route
PROVED = [
    ("midpoint Jensen", (exp(a) + exp(b)) / 2 - exp((a + b) / 2), NONNEGATIVE, {}),
    ("midpoint Jensen, as a product", exp(x) + exp(y) - 2 * exp(x / 2) * exp(y / 2),
     NONNEGATIVE, {}),
    ("weighted Jensen", exp(a) / 3 + 2 * exp(b) / 3 - exp(a / 3 + 2 * b / 3), NONNEGATIVE, {}),
    ("midpoint Jensen, strictly with room", exp(x) + exp(y) - 2 * exp((x + y) / 2) + 1, POSITIVE,
     {}),
    ("a square in e^{x/2}", exp(x) - exp(x / 2) + sp.Rational(1, 4), NONNEGATIVE, {}),
    ("midpoint Jensen on a range", (exp(a) + exp(b)) / 2 - exp((a + b) / 2), NONNEGATIVE,
     {a: sp.Interval(0, 1)}),
    ("names of the new variables taken", (exp(u) + exp(v)) / 2 - exp((u + v) / 2), NONNEGATIVE,
     {}),
]

# (name, term, set, where): false at a point the search finds
FALSE = [
    ("midpoint Jensen reversed", exp((a + b) / 2) - (exp(a) + exp(b)) / 2, NONNEGATIVE, {}),
    ("midpoint Jensen, strictly", (exp(a) + exp(b)) / 2 - exp((a + b) / 2), POSITIVE, {}),
    ("midpoint Jensen by a margin", exp(a) + exp(b) - 2 * exp((a + b) / 2)
     - sp.Rational(1, 10), NONNEGATIVE, {}),
    ("e^x above e^{x/2}", exp(x) - exp(x / 2), NONNEGATIVE, {}),
    ("weights that do not match", exp(a) / 2 + exp(b) / 2 - exp(a / 3 + 2 * b / 3),
     NONNEGATIVE, {}),
]


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_exponentials_as_powers_of_new_variables_are_proved_and_confirmed(claim):
    _, term, real_set, where = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    assert "instantiate" in {node.rule for node in tree_nodes(theorem)}
    assert floats_confirm(term, real_set, where, points=300, width=8.0)


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_without_the_route_each_is_refused(claim, monkeypatch):
    _, term, real_set, where = claim
    assert_refused_without(monkeypatch, exponents, "through_exponent_parts", term, real_set, where)


@pytest.mark.parametrize("claim", FALSE, ids=[name for name, *_ in FALSE])
def test_false_neighbours_are_disproved(claim):
    _, term, real_set, where = claim
    with pytest.raises(Disproved):
        check.member(term, real_set, where=where)
    assert not floats_confirm(term, real_set, where, points=3000, width=8.0) or \
        real_set == POSITIVE


@settings(max_examples=10, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4))
def test_weighted_jensen_for_any_rational_weight(p, q):
    """e^{λa + (1 − λ)b} ≤ λe^a + (1 − λ)e^b for λ = p/(p + q), proved and confirmed; with the
    weights swapped on one side only (p ≠ q) it is false."""
    lam = sp.Rational(p, p + q)
    term = lam * exp(a) + (1 - lam) * exp(b) - exp(lam * a + (1 - lam) * b)
    try:
        theorem = check.member(term, NONNEGATIVE)
    except ProofError as refusal:  # a true claim may be refused, never disproved
        assert not isinstance(refusal.value, Disproved)
    else:
        assert theorem.statement == Member(term, NONNEGATIVE)
    assert floats_confirm(term, NONNEGATIVE, points=100, width=8.0)
    if p != q:
        swapped = lam * exp(a) + (1 - lam) * exp(b) - exp((1 - lam) * a + lam * b)
        with pytest.raises(Disproved):
            check.member(swapped, NONNEGATIVE)


def test_a_bound_symbol_is_left_alone_and_a_fixed_index_is_not(monkeypatch):
    """A sum's terms are not taken apart here: e^{z_i/2} under Σ_i names a different number for
    each i, which one new variable cannot stand for (without the sum taken term by term, the sum
    is refused as not proved, not called false; with it, each term is this route's at i); a term
    at a fixed index, e^{z_1} − 2e^{z_1/2} + 1 = (e^{z_1/2} − 1)², is proved."""
    from proofs.rules import termwise

    z, i, n = sp.IndexedBase("z"), sp.Symbol("i"), sp.Symbol("n")
    term = sp.Sum(exp(z[i]) - 2 * exp(z[i] / 2) + 1, (i, 1, n))
    assert exponents._parts(term) is None
    assert check.member(term, NONNEGATIVE, where={n: sp.S.Naturals}).statement.expr == term
    monkeypatch.setattr(termwise, "through_terms", lambda *args: None)
    with pytest.raises(ProofError) as refusal:
        check.member(term, NONNEGATIVE, where={n: sp.S.Naturals})
    assert not isinstance(refusal.value, Disproved)
    one = exp(z[1]) - 2 * exp(z[1] / 2) + 1
    assert check.member(one, NONNEGATIVE).statement == Member(one, NONNEGATIVE)


def test_a_derivation_names_the_new_variables_and_their_values():
    d = Derivation("Jensen")
    d.theorem("J", d.chain(exp((a + b) / 2)).le((exp(a) + exp(b)) / 2))
    text = d.proof().to_text()
    assert ("as (1/2) u^{2} + (1/2) v^{2} − u v ≥ 0 for every u > 0 and v > 0, at "
            "u = exp((1/2) a), v = exp((1/2) b)" in text)


def test_a_power_beyond_the_largest_is_left_alone():
    """e^a against e^{a/1000} would be a polynomial of degree 1000 in u = e^{a/1000}, which the
    other routes took a minute on (helper-141's review): the route leaves it, at once."""
    assert exponents._parts(exp(a) - 1000 * exp(a / 1000) + 999) is None
    assert exponents._parts(exp(a) - 12 * exp(a / 12) + 11) is not None


# roots of symbols as new variables: a^(1/q) = u, a = u^q
c = sp.Symbol("c")
THREE = {a: POSITIVE, b: POSITIVE, c: POSITIVE}
AMGM = (a + b + c) / 3 - sp.cbrt(a * b * c)
ROOTS = [
    ("AM-GM for three terms with a cube root", AMGM, NONNEGATIVE, THREE),
    ("AM-GM with the cube roots apart", (a + b + c) / 3 - sp.cbrt(a) * sp.cbrt(b) * sp.cbrt(c),
     NONNEGATIVE, THREE),
    ("AM-GM with a cube root and a 1", (a + b + 1) / 3 - sp.cbrt(a * b), NONNEGATIVE,
     {a: POSITIVE, b: POSITIVE}),
    ("Young's inequality at 1/3 and 2/3", a / 3 + 2 * b / 3 - sp.cbrt(a) * b ** sp.Rational(2, 3),
     NONNEGATIVE, {a: POSITIVE, b: POSITIVE}),
]
ROOTS_FALSE = [
    ("AM-GM with a cube root, strictly", AMGM, POSITIVE, THREE),
    ("AM-GM with a cube root by a margin", AMGM - sp.Rational(1, 100), NONNEGATIVE, THREE),
    ("AM-GM with a cube root reversed", -AMGM, NONNEGATIVE, THREE),
    ("AM-GM with a cube root for terms of any sign", AMGM, NONNEGATIVE, {}),
    ("a cube root below (a + 1)/2", (a + 1) / 2 - sp.cbrt(a), NONNEGATIVE, {a: NONNEGATIVE}),
]


@pytest.mark.parametrize("claim", ROOTS, ids=[name for name, *_ in ROOTS])
def test_roots_as_new_variables_are_proved_confirmed_and_rest_on_the_route(claim, monkeypatch):
    _, term, real_set, where = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    assert "instantiate" in {node.rule for node in tree_nodes(theorem)}
    assert floats_confirm(term, real_set, where, points=300, width=8.0)
    assert_refused_without(monkeypatch, exponents, "through_root_parts", term, real_set, where)


@pytest.mark.parametrize("claim", ROOTS_FALSE, ids=[name for name, *_ in ROOTS_FALSE])
def test_roots_false_neighbours_are_disproved_where_sympy_agrees(claim):
    _, term, real_set, where = claim
    with pytest.raises(Disproved) as refusal:
        check.member(term, real_set, where=where)
    assert_false_at(term, real_set, refusal.value.point, {"a": a, "b": b, "c": c})


def test_roots_of_a_bound_index_or_of_too_many_symbols_are_left_alone():
    """A root of a sum's index, or of four symbols (more than MOST_PARTS): not taken apart."""
    i, n = sp.symbols("i n")
    fact = check.member(sp.Sum(sp.sqrt(i), (i, 1, n)), sp.Interval(0, sp.oo),
                        where={n: sp.S.Naturals})
    assert exponents.through_root_parts(fact.context, fact, sp.Interval(1, sp.oo), None) is None
    four = (a + b + c + x) / 4 - (a * b * c * x) ** sp.Rational(1, 4)
    where = {a: POSITIVE, b: POSITIVE, c: POSITIVE, x: POSITIVE}
    with pytest.raises(ProofError) as refusal:
        check.member(four, NONNEGATIVE, where=where)
    assert not isinstance(refusal.value, Disproved)
