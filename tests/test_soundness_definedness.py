"""Soundness class 4: where a term may be undefined (Kleene semantics, docs/soundness.rst).

An equality holds where both sides are undefined, or both defined and equal; a membership needs its
term defined.  Whatever sympy's evaluation drops (0·t, t − t, t/t, exp(log t), an empty sum times t)
must be shown defined; an entry p[a] or f(a) is defined only where its argument is.  Claims are
built with ``evaluate=False`` where sympy would otherwise simplify them before the engine sees
them."""

import pytest
import sympy as sp

import proofs
from proofs import Context, Defined, DefinedFamily, ProofError, check
from proofs.kernel import rules as K
from proofs.rules.positivity import prove_member
from proofs.testing import numeric

x, i, j, n = sp.symbols("x i j n")
f = sp.Function("f")
p = sp.IndexedBase("p")
POS = sp.Interval.open(0, sp.oo)


def test_a_function_of_a_possibly_undefined_argument_is_not_known_defined():
    # f(1/x) > 0 fails at x = 0, where 1/x (hence f(1/x)) is undefined
    with pytest.raises(ProofError, match="x"):
        check.positive(f(1 / x), where={f: POS})
    assert check.positive(f(1 / x), where={f: POS, x: POS})
    with pytest.raises(ProofError):
        check.positive(p[sp.log(x)], where={p: POS})
    assert check.positive(p[sp.log(x)], where={p: POS, x: sp.Interval(1, 2)})


@pytest.mark.parametrize(
    "dropped",
    [
        sp.Mul(0, sp.log(x), evaluate=False),
        sp.Add(sp.log(x), -sp.log(x), evaluate=False),
        sp.Mul(sp.log(x), sp.Pow(sp.log(x), -1, evaluate=False), evaluate=False) - 1,
        sp.exp(sp.log(x), evaluate=False) - x,
        sp.Mul(sp.Sum(1, (i, 1, 0)), sp.log(x), evaluate=False),
    ],
)
def test_what_sympy_drops_must_be_shown_defined(dropped):
    # each left side is undefined for some x ≤ 0 (or at x = 1), the right side 0 everywhere
    assert numeric.value(dropped.subs(x, -1), {}) is None or sp.log(x) in dropped.atoms(sp.log)
    with pytest.raises(ProofError):
        check.equal(dropped, 0)


def test_the_same_identities_hold_where_the_dropped_part_is_defined():
    assert check.equal(sp.Mul(0, sp.log(x), evaluate=False), 0, where={x: POS})
    assert check.equal(sp.Add(sp.log(x), -sp.log(x), evaluate=False), 0, where={x: POS})
    assert check.equal(sp.Mul(sp.Sum(1, (i, 1, 0)), sp.log(x), evaluate=False), 0, where={x: POS})


def test_an_index_that_may_be_undefined_is_part_of_the_term():
    square = (p[1 / x] + 1) ** 2 - p[1 / x] ** 2 - 2 * p[1 / x]  # 1 wherever x ≠ 0, undefined at 0
    with pytest.raises(ProofError, match="x nonzero"):
        K.ring(Context(), square, 1)
    with pytest.raises(ProofError):
        check.equal(square, 1)
    assert check.equal(square, 1, where={x: POS})


def test_congruence_never_produces_an_ill_formed_term():
    c = Defined("c", sp.S.Zero)
    with pytest.raises(ProofError, match="zoo"):
        K.congruence(K.unfold(Context(), c), sp.log(c))
    with pytest.raises(ProofError):  # tan is not a term the kernel knows the poles of
        K.congruence(K.unfold(Context(), Defined("c", sp.pi / 2)), sp.tan(Defined("c", sp.pi / 2)))


def test_a_dropped_definition_must_be_shown_defined():
    zero, reciprocal = Defined("c", sp.S.Zero), Defined("D", 1 / x)
    with pytest.raises(
        ProofError, match="x nonzero"
    ):  # 0·D = 0, but D := 1/x is undefined at x = 0
        K.congruence(K.unfold(Context(), zero), zero * reciprocal)
    ctx = Context({x: POS})
    fact = prove_member(ctx, x)
    assert K.congruence(K.unfold(ctx, zero), zero * reciprocal, [fact]).statement.rhs == 0


def test_a_sum_is_defined_only_when_its_bounds_are_an_integer_apart():
    half = Context({p: POS, x: sp.Interval(1, 3)})  # x may be 5/2: Σ_{i=1}^{x} is then no sum
    with pytest.raises(ProofError, match="integer"):
        prove_member(half, sp.Sum(p[i], (i, 1, x)))
    assert prove_member(Context({p: POS, n: sp.S.Naturals}), sp.Sum(p[i], (i, 1, n)))
    with pytest.raises(ProofError):
        check.equal(sp.Mul(0, sp.Sum(p[i], (i, 1, x)), evaluate=False), 0, where={p: POS})


def test_a_family_entry_is_defined_where_its_body_is():
    reciprocal = DefinedFamily("r", [i], 1 / (p[i] - 1))
    where = {p: sp.Interval(0, 2)}  # p_i = 1 makes r_i undefined
    with pytest.raises(ProofError):
        check.positive(reciprocal(i) ** 2, where=where)
    with pytest.raises(ProofError):
        check.equal(sp.Mul(0, reciprocal(j), evaluate=False), 0, where=where)
    assert check.equal(sp.Mul(0, reciprocal(j), evaluate=False), 0, where={p: sp.Interval(2, 3)})


def test_every_theorem_term_is_well_formed():
    for claim in (sp.zoo * x, sp.nan + x, sp.AccumBounds(-1, 1) * x, sp.oo * x):
        with pytest.raises(ProofError):
            check.equal(claim, claim)


# ------------------------------------------------------------------------------------------------
# found by review: a condition under one binder is not the same as one elsewhere
B0 = (x + 1) ** 2 - x**2 - 2 * x - 1  # 0, though not written as 0


def test_a_condition_dropped_under_a_binder_is_not_hidden_by_an_equal_looking_one_outside():
    # log(i) for i = −1 is dropped from the sum; log(i) outside is about a different (free) i
    eq = K.ring(Context(), B0, 0)
    with pytest.raises(ProofError, match="for every i"):
        K.congruence(eq, sp.Sum(B0 * sp.log(i), (i, -1, 1)) + sp.log(i))
    with pytest.raises(ProofError):  # the left side has log(−1) inside its sum: undefined
        check.equal(sp.Sum(B0 * sp.log(i), (i, -1, 1)) + sp.log(i), sp.log(i))
    # a power is defined by the value of its exponent: i^(B0 + 1) is i^1, so this one is true
    assert check.equal(
        sp.Sum(i ** (B0 + 1), (i, -1, 1)) + sp.log(i), sp.Sum(i, (i, -1, 1)) + sp.log(i)
    )
    with pytest.raises(ProofError):  # nor by the same condition under a sum with another range
        K.congruence(eq, sp.Sum(B0 * sp.log(i), (i, -1, 1)) + sp.Sum(sp.log(i), (i, 1, 2)))
    family = DefinedFamily(
        "F", [x], sp.Sum(x * sp.log(i), (i, -1, 1)) + sp.Sum(sp.log(i), (i, 1, 2))
    )
    with pytest.raises(ProofError):
        K.unfold(Context(), family(0))


def test_an_index_bound_inside_a_definition_is_not_a_context_symbol_of_that_name():
    c = Defined("c", sp.Sum(sp.log(i), (i, -1, 1)))  # log(−1): c is undefined
    ctx = Context({i: POS})
    with pytest.raises(ProofError, match="for every i"):
        K.ring(ctx, (c + 1) ** 2 - c**2 - 2 * c, 1, [K.member_context(ctx, i)])


def test_the_bounds_of_a_sum_or_product_must_be_defined():
    # at x = −1 the bounds log x are undefined, so the sum is; the count 3 hides it
    with pytest.raises(ProofError):
        check.equal(sp.Sum(1, (i, sp.log(x), sp.log(x) + 2)), 3)
    with pytest.raises(ProofError):  # at x = 0 the bounds 1/x are undefined
        check.positive(sp.Product(2, (i, 1 / x, 1 / x + 1)))
    assert check.equal(sp.Sum(1, (i, sp.log(x), sp.log(x) + 2)), 3, where={x: POS})
    assert check.positive(sp.Product(2, (i, 1 / x, 1 / x + 1)), where={x: POS})


def test_optimizer_rules_compare_where_the_objective_is_defined():
    y = sp.Symbol("y")
    two = K.member_context(Context(), sp.Integer(2))
    objective = sp.Mul(0, sp.log(y), evaluate=False)  # undefined at y ≤ 0, where 0 is defined
    with pytest.raises(ProofError, match="y positive"):
        K.scale_positive(two, objective, (y,), "max")
    cancelling = sp.Add(sp.log(y), -sp.log(y), evaluate=False)  # + 1 and − both let sympy drop it
    assert cancelling + 1 == 1 and -cancelling == 0
    with pytest.raises(ProofError, match="y positive"):
        K.shift_constant(K.member_context(Context(), sp.Integer(1)), cancelling, (y,), "max")
    with pytest.raises(ProofError, match="y positive"):
        K.negate_objective(Context(), cancelling, (y,), "max")
    positive = Context({y: POS})
    assert K.scale_positive(
        K.member_context(positive, sp.Integer(2)),
        objective,
        (y,),
        "max",
        [prove_member(positive, y)],
    )


def test_a_zero_range_that_is_not_an_integer_range_multiplies_to_zero():
    ctx = Context({x: sp.FiniteSet(1), i: sp.Interval.open(0, 1)})
    # log x ∈ [0, 0], not marked integer
    log_one = K.member_function(K.member_context(ctx, x), sp.log)
    assert K.member_mul(log_one, K.member_context(ctx, i)).statement.set == sp.FiniteSet(0)


# ------------------------------------------------------------------------------------------------
# found by a second review
Z = sp.Symbol("z")
ZERO_TOO = (Z + 1) ** 2 - Z**2 - 2 * Z - 1  # 0 for every z, not written as 0


def test_a_sum_or_product_needs_a_number_of_terms_that_is_an_integer_at_least_zero():
    # by sympy's convention ∏_{i=2}^{−1} i = 1/∏_{i=0}^{1} i = 1/0: the kernel calls it undefined
    reversed_product = sp.Product(i, (i, 2, -1))
    assert reversed_product.doit() == sp.zoo
    with pytest.raises(ProofError, match="count"):
        K.ring(Context(), sp.Mul(0, reversed_product, evaluate=False), 0)
    with pytest.raises(ProofError):
        check.equal(ZERO_TOO * sp.Product(i, (i, 2, n)), 0, where={n: sp.S.Integers})
    assert check.equal(ZERO_TOO * sp.Product(i, (i, 2, n)), 0, where={n: sp.S.Naturals})


def test_the_condition_of_a_power_is_the_power_as_written():
    # 0^e is undefined (base 0, exponent not an integer); sympy would evaluate Pow(0, E) to 0
    assert sp.Pow(0, sp.E) == 0
    with pytest.raises(ProofError):
        check.equal(ZERO_TOO**sp.E, 0)
    zero = K.member_context(Context(), sp.Integer(0))
    with pytest.raises(ProofError):
        K.ring(Context(), sp.Mul(0, sp.Pow(0, sp.E, evaluate=False), evaluate=False), 0, [zero])


def test_a_bernoulli_variant_with_an_undefined_term_is_refused():
    from proofs.models import BernoulliModel

    model = BernoulliModel()
    nonsense = ZERO_TOO.subs(Z, model.size) ** sp.E  # (0 written otherwise)^e: never defined
    variant = BernoulliModel(cross_entropy_body=-model.log_terms / model.size + nonsense)
    with pytest.raises(ProofError):
        proofs.prove("bernoulli", model=variant)


def test_unsupported_sets_and_functions_are_refused_not_crashed():
    big = sp.Symbol("N", integer=True)
    with pytest.raises(ProofError):
        check.member(x, sp.Range(0, big), where={x: sp.FiniteSet(1)})
    with pytest.raises(ProofError):
        Context({x: sp.Range(1, big)})
    from sympy.core.function import AppliedUndef

    class Handmade(AppliedUndef):
        pass

    with pytest.raises(ProofError, match="undefined function"):
        K.refl(Context(), Handmade(1))
    for claim in (
        lambda: check.equal(Handmade(1), Handmade(1)),
        lambda: check.positive(Handmade(1) + 1),
        lambda: check.same_optimizers(x, x, [Handmade]),
    ):
        with pytest.raises(ProofError):
            claim()


# ------------------------------------------------------------------------------------------------
# found by the fuzzer (tests/test_fuzz_kernel.py)
def test_sympy_never_gets_to_take_an_empty_product_of_zeros_for_zero():
    # exp(∏_{j=0}^{n−1} 0) is e at n = 0 (the empty product is 1), but sympy evaluates it to 1
    j = sp.Symbol("j")
    zeros = sp.Product(0, (j, 0, n - 1))
    assert sp.exp(zeros) == 1 and zeros.subs(n, 0).doit() == 1
    zero = Defined("D5", sp.S.Zero)
    ctx = Context({n: sp.Range(0, 4)})
    with pytest.raises(ProofError, match="product of zeros"):
        K.congruence(K.unfold(ctx, zero), sp.exp(sp.Product(zero, (j, 0, n - 1))),
                     [K.member_context(ctx, n)])
    with pytest.raises(ProofError, match="product of zeros"):
        check.equal(zeros + 1, 2, where={n: sp.Range(0, 4)})


def test_a_logarithm_to_a_base_is_no_term():
    """A review: log(3, 2, evaluate=False), log₂ 3, was a term the kernel read as log 3 in its
    rational bounds of constants (x + log₂ 3 < 41/10 for x ∈ [0, 3], false at 3), and sympy
    differentiates log(x, 1/2) as log x (x ↦ log_{1/2} x 'increasing', then −1 > 0).  A
    function of the table takes one argument."""
    two = K.ring(Context({x: sp.Interval(0, 5)}), 2, sp.Add(1, 1, evaluate=False))
    for term in (x + sp.log(3, 2, evaluate=False), sp.log(x, sp.Rational(1, 2), evaluate=False)):
        with pytest.raises(ProofError, match="take one argument"):
            K.congruence(two, term)
        with pytest.raises(ProofError, match="take one argument"):
            K.refl(Context(), term)
    with pytest.raises(ProofError, match="take one argument"):
        check.positive(sp.log(x, 2, evaluate=False), where={x: sp.Interval.open(1, sp.oo)})


def test_an_unevaluated_power_of_e_is_not_read_as_exp_of_e():
    """sympy counts E**x written unevaluated as an instance of exp, with E as its first
    argument: ring read E**π as exp(E) (e^π = e^e, remainder 0), and the rational bounds of
    constants crashed on it.  Now E**π is an atom of its own."""
    power = sp.Pow(sp.E, sp.pi, evaluate=False)
    assert isinstance(power, sp.exp)  # sympy's own reading, which the kernel must not follow
    remainder, _ = K.ring_needs(power, sp.exp(sp.E))
    assert remainder != 0
    with pytest.raises(ProofError):
        K.ring(Context(), power, sp.exp(sp.E), [prove_member(Context(), sp.exp(sp.pi))])


@pytest.mark.parametrize("body, context", [
    # e^{log x + i} written unevaluated: sympy's split e^{log x}·e^i makes it x·e^i, defined
    # for x < 0 too (Σ_{i=1}^{1} e^{i + log x} = x·Σ e^i, then '< 0', was proved for x < −1)
    (sp.exp(sp.Add(sp.log(x), i, evaluate=False), evaluate=False),
     Context({x: sp.Interval.open(-2, -1)})),
    # a literal 0 factor: sympy splits 0·log i·e^i as 0·0 (Σ_{i=−1}^{1} of it = 0 was proved)
    (sp.Mul(0, sp.log(i), sp.exp(i), evaluate=False), Context()),
])
def test_a_factor_taken_out_of_a_sum_keeps_where_the_body_is_defined(body, context):
    """A review: sum_factor compared the body and factor·rest as sympy evaluates them, never where
    the body as written is defined."""
    total = sp.Sum(body, (i, -1, 1))
    with pytest.raises(ProofError, match="sum_factor: .* is not defined where"):
        K.sum_factor(context, total, K.member_context(Context({x: sp.Interval.open(-2, -1)}), x)
                     if body.has(x) else None)
    # the usual factor is still taken out: Σ log(x)·i = log x · Σ i for x > 0
    positive = Context({x: sp.Interval.open(0, sp.oo)})
    factored = K.sum_factor(positive, sp.Sum(sp.log(x) * i, (i, 1, n)),
                            prove_member(positive, sp.log(x)))
    assert factored.statement.rhs == sp.log(x) * sp.Sum(i, (i, 1, n))
