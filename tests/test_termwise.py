"""A sum bounded term by term by the engine's routes (proofs/rules/termwise.py): the Poisson
deviance and sums of Kullback–Leibler divergences are at least 0.  Each true claim is proved as
asked, rests on the route (without it, refused as not proved) and is confirmed by sympy at small
sizes; each false neighbour is disproved at a point where sympy agrees."""

import random

import pytest
import sympy as sp

from proofs import Derivation, Disproved, ProofError, check
from proofs.kernel import Member
from proofs.rules import termwise
from proofs.tree import tree_nodes
from tests.routes import assert_refused_without

i, k, n = sp.symbols("i k n")
y, p, x = sp.IndexedBase("y"), sp.IndexedBase("p"), sp.IndexedBase("x")
NONNEGATIVE, NONPOSITIVE = sp.Interval(0, sp.oo), sp.Interval(-sp.oo, 0)
POSITIVE, UNIT = sp.Interval.open(0, sp.oo), sp.Interval.open(0, 1)


def total(f, lo=1):
    return sp.Sum(f, (i, lo, n))


DEVIANCE = total(y[i] * sp.log(y[i] / p[i]) - y[i] + p[i])
RATES = {n: sp.S.Naturals, y: POSITIVE, p: POSITIVE}
KL = total(p[i] * sp.log(p[i] / y[i]) + (1 - p[i]) * sp.log((1 - p[i]) / (1 - y[i])))
COINS = {n: sp.S.Naturals, y: UNIT, p: UNIT}

# (name, term, set, where): term ∈ set wherever the ranges hold; each refused without the route
PROVED = [
    ("the Poisson deviance", DEVIANCE, NONNEGATIVE, RATES),
    ("the Poisson deviance over a possibly empty range", DEVIANCE, NONNEGATIVE,
     {**RATES, n: sp.S.Naturals0}),
    ("the Poisson deviance, times −2", -2 * DEVIANCE, NONPOSITIVE, RATES),
    ("a sum of divergences of coins", KL, NONNEGATIVE, COINS),
    ("a sum of exp's tangent gaps", total(sp.exp(x[i]) - 1 - x[i]), NONNEGATIVE,
     {n: sp.S.Naturals}),
    ("the index in the term", total(i - 1 - sp.log(i)), NONNEGATIVE, {n: sp.S.Naturals}),
    ("a sum of sums", sp.Sum(sp.Sum(sp.exp(x[k]) - 1 - x[k], (k, 1, i)), (i, 1, n)),
     NONNEGATIVE, {n: sp.S.Naturals}),
    ("the log's tangent line at each share of a sum",
     total(n * y[i] / sp.Sum(y[k], (k, 1, n)) - 1 - sp.log(n * y[i] / sp.Sum(y[k], (k, 1, n)))),
     NONNEGATIVE, RATES),
    ("a sum of log cosh below |x|", total(sp.Abs(x[i]) - sp.log(sp.cosh(x[i]))), NONNEGATIVE,
     {n: sp.S.Naturals}),
]

# (name, term, set, where): false at a point the search finds
FALSE = [
    ("the Poisson deviance, strictly, over a possibly empty range", DEVIANCE, POSITIVE,
     {**RATES, n: sp.S.Naturals0}),
    ("the Poisson deviance without −y + p", total(y[i] * sp.log(y[i] / p[i])), NONNEGATIVE,
     RATES),
    ("the Poisson deviance reversed", -DEVIANCE, NONNEGATIVE, RATES),
    ("a sum of exp's gaps to a wrong line", total(sp.exp(x[i]) - 1 - 2 * x[i]), NONNEGATIVE,
     {n: sp.S.Naturals}),
    ("a sum of divergences at most 0", KL, NONPOSITIVE, COINS),
]


def _by_sympy(term, where, rng, size):
    """term at n = size, each entry drawn from its family's range, as sympy evaluates it."""
    values = {}
    for family in term.atoms(sp.IndexedBase):
        low, high = (0.01, 9.0) if where.get(family) == POSITIVE else \
            (0.01, 0.99) if where.get(family) == UNIT else (-5.0, 5.0)
        values.update({family[number]: sp.Float(rng.uniform(low, high), 30)
                       for number in range(1, size + 1)})
    return _written_out(term.subs(n, size)).subs(values).evalf(30)


def _written_out(expr):
    """expr with its sums of integer bounds written out term by term, outer index first (sympy's
    doit leaves Σ_{i=1}^{1} Σ_{k=1}^{i} e^{x_k} whole)."""
    if isinstance(expr, sp.Sum):
        *inner, (var, lo, hi) = expr.limits
        body = sp.Sum(expr.function, *inner) if inner else expr.function
        return sp.Add(*(_written_out(body.subs(var, value)) for value in range(lo, hi + 1)))
    return expr.func(*map(_written_out, expr.args)) if expr.args else expr


@pytest.mark.parametrize("claim", PROVED, ids=[name for name, *_ in PROVED])
def test_sums_of_terms_of_one_sign_are_proved_and_confirmed(claim, monkeypatch):
    _, term, real_set, where = claim
    theorem = check.member(term, real_set, where=where)
    assert theorem.statement == Member(term, real_set)
    rng = random.Random(0)
    for size in range(1, 6):
        value = _by_sympy(term, where, rng, size)
        assert value.is_real and real_set.contains(value) is sp.true, (size, value)
    assert_refused_without(monkeypatch, termwise, "through_terms", term, real_set, where)


@pytest.mark.parametrize("claim", FALSE, ids=[name for name, *_ in FALSE])
def test_false_neighbours_are_disproved_where_sympy_agrees(claim):
    _, term, real_set, where = claim
    with check.prover_first(), pytest.raises(Disproved) as refusal:
        check.member(term, real_set, where=where)
    point = refusal.value.point
    values = {sp.sympify(name, locals={"y": y, "p": p, "x": x}): value
              for name, value in point.items() if name != "n"}
    value = _written_out(term.subs(n, point["n"])).subs(values)
    assert not (value.is_real and real_set.contains(value) is sp.true)


def test_a_term_shown_for_every_value_of_a_new_variable_is_put_back_at_its_entry():
    """e^{x_i} − 1 − x_i ≥ 0 as e^u − 1 − u ≥ 0 for every real u, at u = x_i; an entry of an
    inner sum's index is left to that sum."""
    term = total(sp.exp(x[i]) - 1 - x[i])
    theorem = check.member(term, NONNEGATIVE, where={n: sp.S.Naturals})
    assert {"instantiate", "member_binder"} <= {node.rule for node in tree_nodes(theorem)}
    # x_k belongs to the inner sum, whose own terms take it as their new variable
    inner = sp.Sum(sp.Sum(x[k] ** 2 * (sp.exp(x[i]) - 1 - x[i]), (k, 1, n)), (i, 1, n))
    theorem = check.member(inner, NONNEGATIVE, where={n: sp.S.Naturals})
    assert theorem.statement == Member(inner, NONNEGATIVE)


def test_a_derivation_says_each_term_s_bound():
    proof = Derivation("deviance", where=RATES)
    proof.theorem("deviance", proof.member(DEVIANCE, NONNEGATIVE))
    text = proof.proof().to_text()
    assert "(p_i/y_i) − log(p_i/y_i) − 1 ∈ [0, ∞)" in text  # the tangent line, at u = p_i/y_i
    assert "p_i + y_i log(y_i/p_i) − y_i ∈ [0, ∞)" in text  # each term
    last = [line for line in text.splitlines() if "[sum of nonnegative terms]" in line]
    assert last and "∑_{i=1}^{n} [p_i + y_i log(y_i/p_i) − y_i] ∈ [0, ∞)" in last[0]


def test_a_term_s_narrowings_are_limited(monkeypatch):
    """A term of a root, an absolute value and a log cosh took 1,255 narrowings and two minutes
    (helper-145's review): a sum's terms are allowed MOST_TERM_NARROWINGS in all.  Under a tight
    allowance, a true sum that needs more is refused, never called false."""
    import proofs.check as engine

    term = total(sp.Abs(x[i]) - sp.log(sp.cosh(x[i])))
    monkeypatch.setattr(engine, "MOST_TERM_NARROWINGS", 2)
    with pytest.raises(ProofError) as refusal:
        check.member(term, NONNEGATIVE, where={n: sp.S.Naturals})
    assert not isinstance(refusal.value, Disproved)
