"""Soundness class 1: renaming and substitution never capture an index.

Each false claim is first confirmed false numerically (exact rationals), then required to be
refused; where the claim as asked is true, it is required to be proved."""

import pytest
import sympy as sp

import proofs
from proofs import Context, Defined, DefinedFamily, ProofError, UnsupportedError, check
from proofs.kernel import rules as K
from proofs.models import BernoulliModel
from proofs.rules.positivity import prove_member
from proofs.testing import numeric, semantics

i, j, k, n, theta = sp.symbols("i j k n theta")
p = sp.IndexedBase("p")
UNIT = sp.Interval.open(0, 1)

# Σ_{i=1}^{2} 3·Σ_{j=1}^{2} 1/(i + j) = 17/4, but renaming its i to j (the index of 3·Σ_j 1/j)
# captures
NESTED = sp.Sum(3 * sp.Sum(1 / (i + j), (j, 1, 2)), (i, 1, 2))
SINGLE = 3 * sp.Sum(1 / j, (j, 1, 2))


def test_the_nested_sum_differs_from_the_single_one():
    assert NESTED.doit() == sp.Rational(17, 4) and SINGLE.doit() == sp.Rational(9, 2)


def test_an_equality_that_needs_capture_is_refused():
    with pytest.raises(ProofError):
        check.equal(SINGLE, NESTED)
    with pytest.raises(ProofError):
        check.equal(NESTED, SINGLE)
    assert check.equal(NESTED, NESTED)


def test_the_same_capture_inside_an_optimizer_claim_is_refused():
    # f = θ (1 + (9/2)(NESTED − SINGLE)) is really −θ/8: its maximizers are not those of θ
    f = theta * (1 + sp.Rational(9, 2) * (NESTED - SINGLE))
    assert sp.simplify(f.doit() + theta / 8) == 0
    candidates = [[{theta: sp.Integer(t)} for t in (-1, 0, 2)]]
    assert numeric.counterexample_to_same_optimizers(f, "max", theta, "max", candidates) is not None
    with pytest.raises(ProofError):
        check.same_optimizers(
            f, theta, over=[theta], where={theta: sp.S.Reals}, senses=("max", "max")
        )


def test_a_cross_entropy_variant_with_a_captured_term_is_refused():
    # CE + 10·p_1·(SINGLE − NESTED) = CE + (5/2) p_1: not minimized where the likelihood is maximal
    model = BernoulliModel()
    variant = model.cross_entropy.body + 10 * p[1] * (SINGLE - NESTED)
    y = model.label
    data = {n: 2, y[1]: 1, y[2]: 0}
    grid = [
        [
            {**data, p[1]: sp.Rational(a, 10), p[2]: sp.Rational(b, 10)}
            for a in (1, 5, 9)
            for b in (1, 5, 9)
        ]
    ]
    assert numeric.counterexample_to_same_optimizers(
        model.likelihood.body, "max", variant, "min", grid
    )
    with pytest.raises(ProofError):
        proofs.prove("bernoulli", model=BernoulliModel(cross_entropy_body=variant))
    with pytest.raises(ProofError):
        check.same_optimizers(model.likelihood, variant, over=[p], where=model.where)


def test_rename_index_never_captures():
    q = Defined("q_i", p[i] ** 2)  # a constant mentioning i cannot sit under a sum over i
    with pytest.raises(ProofError, match="parameter"):
        K.rename_index(Context({p: UNIT}), sp.Sum(q, (i, 1, 2)), j)
    with pytest.raises(ProofError, match="captured"):
        K.rename_index(Context(), NESTED, j)
    with pytest.raises(ProofError, match="captured"):  # the new name is free in the body
        K.rename_index(Context(), sp.Sum(p[i] * j, (i, 1, 2)), j)
    with pytest.raises(
        ProofError, match="captured"
    ):  # the new name is an inner index, outer limit kept
        K.rename_index(Context(), sp.Sum(p[i, j], (j, 1, 2), (i, 1, 2)), j, old_var=i)
    renamed = K.rename_index(
        Context(), sp.Sum(p[i, j], (j, 1, 2), (i, 1, 2)), k, old_var=i
    ).statement.rhs
    assert renamed == sp.Sum(p[k, j], (j, 1, 2), (k, 1, 2))


def test_a_family_takes_its_index_as_an_argument_and_renaming_follows_it():
    q = DefinedFamily("q", [i], p[i] ** 2)
    ctx = Context({p: UNIT})
    renamed = K.rename_index(ctx, sp.Sum(q(i), (i, 1, 2)), j).statement.rhs
    assert renamed == sp.Sum(q(j), (j, 1, 2))
    assert K.unfold(ctx, q(j)).statement.rhs == p[j] ** 2


def test_a_new_index_carrying_assumptions_cannot_re_simplify_the_body():
    even = sp.Symbol("j", even=True)
    assert sp.Sum((-1) ** even, (even, 1, 2)).function == 1  # sympy would simplify (−1)^j to 1
    with pytest.raises(ProofError, match="assumptions"):
        K.rename_index(Context(), sp.Sum((-1) ** i, (i, 1, 2)), even)


def test_transfer_renames_the_monotone_function_s_binders_apart():
    t = sp.Symbol("t")
    g = sp.Sum(t + i, (i, 1, 2))  # increasing in t; its own index i is bound
    ctx_t = Context({t: sp.S.Reals})
    mono = K.increasing_by_derivative(
        prove_member(ctx_t, g),
        prove_member(Context({t: sp.Interval.open(-sp.oo, sp.oo)}), sp.diff(g, t)),
        t,
        sp.S.Reals,
    )
    values = prove_member(Context({p: UNIT}), p[i])  # f = p[i], with i free
    composed = K.transfer_increasing(mono, values, (p,), "max").statement.g
    # g(p_i) = 2 p_i + 3 for every i, never Σ_{i=1}^{2} (p_i + i)
    point = {p[i]: sp.Rational(1, 3), p[1]: 5, p[2]: 7}
    assert composed.xreplace(point).doit() == 2 * sp.Rational(1, 3) + 3


def test_congruence_treats_only_sums_and_products_as_binders_and_refuses_the_rest():
    # Lambda, Integral, Subs are refused as terms, so no fact valid in the context is used inside
    # them
    x = sp.Symbol("x")
    fact = K.ring(Context(), x * 2, x + x)
    for binder in (sp.Lambda(x, 2 * x), sp.Integral(2 * x, (x, 0, 1)), sp.Subs(2 * x, x, 3)):
        with pytest.raises(ProofError):
            K.congruence(fact, binder)


def test_substitution_into_a_shadowing_term_is_refused_rather_than_captured():
    # Σ_i (Σ_i p_i) reuses i inside its own scope: refused as a term, never reinterpreted
    with pytest.raises(ProofError, match="bound again"):
        K.refl(Context(), sp.Sum(sp.Sum(p[i], (i, 1, 2)) * p[i], (i, 1, 2)))


def test_the_boundary_renames_a_shadowing_index_apart():
    inner = sp.Sum(p[i], (i, 1, 2))
    claim = sp.Sum(inner * p[i], (i, 1, 2))  # the inner i shadows the outer one
    value = claim.doit()
    theorem = check.equal(claim, claim, where={p: UNIT})
    written = theorem.statement.lhs
    point = {p[1]: 2, p[2]: 3}
    assert written != claim and written.doit().xreplace(point) == value.xreplace(point) == 25


def test_a_definition_translated_once_is_renamed_apart_in_a_claim_where_its_index_is_free():
    # the boundary keeps a definition's translation for the claims that would translate it alike;
    # a claim in which the body's index i is free must rename it apart, not reuse it
    total = Defined("T", sp.Sum(p[i], (i, 1, 2)))
    where = {p: UNIT}
    assert check.positive(total, where=where)  # translated and kept: no index clashes here
    # T·p_i > 0 for every i, with T's own i bound apart from the free i
    theorem = check.positive(total * p[i], where=where)
    free = theorem.statement.expr.free_symbols
    definition = next(atom for atom in theorem.statement.expr.atoms(Defined))
    assert i in free and i not in definition.body.free_symbols
    assert i not in {var for var, _, _ in definition.body.limits}  # renamed apart
    point = {p[1]: sp.Rational(1, 3), p[2]: sp.Rational(1, 2)}
    assert definition.body.doit().xreplace(point) == sp.Rational(5, 6)


def test_an_index_assumption_is_checked_against_each_claim_s_own_ranges():
    # Σ_{i=1}^{m} with i positive: the range of m decides whether i takes only values ≥ 1, and a
    # definition translated under one claim's ranges is not reused under another's
    i_pos = sp.Symbol("i", integer=True, positive=True)
    m = sp.Symbol("m")
    total = Defined("S", sp.Sum(p[i_pos], (i_pos, 1, m)))
    assert check.positive(total, where={p: UNIT, m: sp.S.Naturals})
    with pytest.raises(UnsupportedError, match="index i"):
        check.positive(total, where={p: UNIT, m: sp.S.Integers})


def test_a_definition_around_one_checked_against_the_claim_is_not_kept_for_other_claims():
    # a review: B's index assumption was checked in the first claim, where A (2·B) was then kept
    # as if it did not depend on the claim; a second claim reused A and skipped B's check.  sympy
    # built B's body with |i| = i, which is false at m = −1: 2·(|−1| + |0|) = 2, 2·(−1 + 0) = −2
    i_pos = sp.Symbol("i", integer=True, positive=True)
    m = sp.Symbol("m")
    inner = Defined("B", sp.Sum(sp.Abs(i_pos), (i_pos, m, m + 1)))
    outer = Defined("A", 2 * inner)
    assert inner.body == sp.Sum(i_pos, (i_pos, m, m + 1))  # rewritten by sympy
    assert check.equal(inner, outer / 2, where={m: sp.S.Naturals})
    with pytest.raises(UnsupportedError, match="index i"):
        check.equal(outer, 2 * sp.Sum(j, (j, m, m + 1)), where={m: sp.S.Integers})
    # and one renamed apart in a claim is not kept inside another definition either
    total = Defined("Bn", sp.Sum(p[i], (i, 1, n)))
    twice = Defined("An", 2 * total)
    assert check.equal(twice * p[i], 2 * total * p[i], where={p: UNIT, n: sp.S.Naturals})
    assert check.equal(twice, 2 * total, where={p: UNIT, n: sp.S.Naturals})



def test_congruence_renames_the_indices_of_what_it_puts_under_a_binder_apart():
    """x̄ := Σ_i p_i/2 unfolded inside Σ_i (p_i − x̄)²: the inserted sum's i is renamed to a name
    that occurs nowhere (i'' where i' is taken), the free i of the rewritten part stays the outer
    one, and the result has the value of the term it rewrote (by hand)."""
    xbar = Defined("xbar", sp.Sum(p[i], (i, 1, 2)) / 2)
    taken = sp.Symbol("i'")
    target = sp.Sum((p[i] - xbar) ** 2 + taken, (i, 1, 2))
    part = K.congruence(K.unfold(Context(), xbar), (p[i] - xbar) ** 2)
    th = K.congruence(part, target)
    inner = next(s for s in th.statement.rhs.atoms(sp.Sum) if s != th.statement.rhs)
    assert inner.limits[0][0] == sp.Symbol("i''")
    point = {p[1]: sp.Rational(1, 3), p[2]: 5, taken: 7}
    mean = (sp.Rational(1, 3) + 5) / 2
    by_hand = sum((v - mean) ** 2 + 7 for v in (sp.Rational(1, 3), 5))
    assert th.statement.rhs.doit().xreplace(point) == by_hand == sp.Rational(224, 9)
    assert semantics.confirm({p: sp.S.Reals, taken: sp.S.Reals}.items(), th.statement, points=8)


def test_renaming_apart_keeps_free_indices_bounds_and_iterated_binders():
    """d := Σ_{i=1}^{2} Σ_{j=1}^{i} p_j put beside a free i under Σ_i Σ_j: both of its indices are
    renamed, the inner bound following its outer index, the free i still the outer one."""
    d = Defined("d", sp.Sum(sp.Sum(p[j], (j, 1, i)), (i, 1, 2)))
    target = sp.Sum(sp.Sum((i + d) * p[j], (j, 1, 2)), (i, 1, 2))
    th = K.congruence(K.unfold(Context(), d), target)
    result = th.statement.rhs
    inner = next(s for s in result.atoms(sp.Sum) if s.limits[-1][0] not in (i, j))
    assert [var for var, _, _ in inner.limits] == [sp.Symbol("j'"), sp.Symbol("i'")]
    assert inner.limits[0][2] == sp.Symbol("i'")  # j' runs to i', not to the outer i
    # Σ_{i,j=1}^{2} (i + d) p_j with d = p_1 + (p_1 + p_2) = 2 + 5 = 7 at p = (2, 3)
    value = _written_out(result).xreplace({p[1]: 2, p[2]: 3})
    assert value == sum((a + 7) * v for a in (1, 2) for v in (2, 3)) == 85


def _written_out(expr):
    """A sum with number bounds written out term by term, outermost index first (sympy's doit
    leaves Σ_{i=1}^{2} Σ_{j=1}^{i} p_j as it is)."""
    if isinstance(expr, sp.Sum):
        *inner, (var, lo, hi) = expr.limits
        body = sp.Sum(expr.function, *inner) if inner else expr.function
        return sp.Add(*(_written_out(body.subs(var, v)) for v in range(int(lo), int(hi) + 1)))
    return expr.func(*map(_written_out, expr.args)) if expr.args else expr
