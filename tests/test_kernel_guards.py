"""Every guard of the kernel pinned by a test: each case below is exactly what one `raise` refuses,
and where removing the guard would let a false theorem through, the conclusion is shown false
numerically.

`python ../shared/tools/mutate-guards` neutralizes each guard in turn; with this module among the
tests, every mutant must be killed (README: "How it stays sound")."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import sympy as sp

from proofs import Context, Defined, DefinedFamily, ProofError, check
from proofs.errors import RuleApplicationError, SideConditionError, UnsupportedError
from proofs.kernel import Equal, Member, StrictlyIncreasing
from proofs.kernel import rules as K
from proofs.rules.positivity import prove_member
from proofs.testing import numeric, semantics

x, y, a, i, j, n, t, z = sp.symbols("x y a i j n t z")
p, q = sp.IndexedBase("p"), sp.IndexedBase("q")
POS, UNIT = sp.Interval.open(0, sp.oo), sp.Interval.open(0, 1)
EMPTY = Context()
REALS, k = sp.S.Reals, sp.Symbol("k")


# ------------------------------------------------------------------------------------------------
# contexts
def test_contexts_that_disagree_on_a_symbol_are_not_merged():
    # x ∈ (0, 1) and x ∈ {5}: merging would keep one range and prove 2x ∈ (5, 6) for x ∈ (0, 1)
    small = K.member_context(Context({x: UNIT}), x)
    five = K.member_context(Context({x: sp.FiniteSet(5)}), x)
    with pytest.raises(SideConditionError, match="contexts disagree on x"):
        K.member_add(small, five)


def test_a_premise_s_assumptions_must_be_in_the_conclusion_s_context():
    # x·x⁻¹ = 1 from a fact x ∈ (0, 1), stated in a context that says nothing of x: false at x = 0
    ratio = sp.Mul(x, sp.Pow(x, -1, evaluate=False), evaluate=False)
    fact = K.member_context(Context({x: UNIT}), x)
    assert numeric.value(ratio, {x: 0}) is None
    with pytest.raises(SideConditionError, match="needs assumptions not in"):
        K.ring(EMPTY, ratio, 1, [fact])
    assert K.ring(Context({x: UNIT}), ratio, 1, [fact])


# ------------------------------------------------------------------------------------------------
# terms
def test_a_family_s_parameters_are_distinct_plain_symbols():
    for params in ([i, i], [x + 1], [], [sp.Symbol("i", positive=True)]):
        with pytest.raises(UnsupportedError, match="distinct symbols made without assumptions"):
            DefinedFamily("r", params, p[i])
    # the one line a user sees says what to write instead (a review: an index made with
    # integer=True, as most users make them, read only "must be distinct plain symbols")
    integer = sp.Symbol("j", integer=True)
    with pytest.raises(UnsupportedError, match=re.escape("(Symbol('i'), not integer=True)")):
        DefinedFamily("r", [integer], 1 / (1 + sp.exp(-integer)))


def test_a_family_s_parameter_is_not_bound_again_nor_mentioned_by_a_definition_inside():
    rebound = DefinedFamily("r", [i], sp.Sum(p[i], (i, 1, 2)))
    with pytest.raises(UnsupportedError, match="parameter i is bound again inside"):
        K.unfold(EMPTY, rebound(3))
    hidden = DefinedFamily("s", [i], Defined("D", p[i]) + i)  # D's i is global, not the parameter
    with pytest.raises(UnsupportedError, match="mentions the parameter i"):
        K.unfold(EMPTY, hidden(3))


def test_an_entry_s_family_is_a_plain_indexed_base():
    with pytest.raises(UnsupportedError, match="plain IndexedBase"):
        K.refl(EMPTY, sp.IndexedBase("r", positive=True)[1])
    with pytest.raises(UnsupportedError, match="plain IndexedBase"):
        K.refl(EMPTY, sp.IndexedBase("r", shape=(3,))[1])


def test_a_function_with_sympy_assumptions_is_refused():
    f = sp.Function("f", positive=True)
    assert f(x).is_positive  # sympy would use it to simplify
    with pytest.raises(UnsupportedError, match="carries sympy assumptions"):
        K.refl(EMPTY, f(x))


# ------------------------------------------------------------------------------------------------
# rules
def test_log_of_product_needs_the_fact_about_its_own_factor():
    # a fact p_i > 0 does not make log ∏ q_i = Σ log q_i true when q may be negative
    ctx = Context({p: UNIT, q: sp.Interval.open(-1, 0), n: sp.S.Naturals})
    with pytest.raises(RuleApplicationError, match="not about"):
        K.log_of_product(prove_member(ctx, p[i]), sp.Product(q[i], (i, 1, n)))


def test_sum_factor_and_member_binder_need_a_sum_or_product():
    with pytest.raises(RuleApplicationError, match="is not a Sum"):
        K.sum_factor(EMPTY, 2 * x)
    with pytest.raises(RuleApplicationError, match="is not a Sum or Product"):
        K.member_binder(prove_member(Context({x: POS}), x), 2 * x, prove_member(EMPTY, sp.S.One))


def test_rename_index_needs_a_binder_a_plain_symbol_and_one_of_its_indices():
    total = sp.Sum(p[i], (i, 1, 2))
    with pytest.raises(RuleApplicationError, match="cannot rename"):
        K.rename_index(EMPTY, x + 1, j)
    with pytest.raises(RuleApplicationError, match="cannot rename"):
        K.rename_index(EMPTY, total, j + 1)
    with pytest.raises(RuleApplicationError, match="is not an index"):
        K.rename_index(EMPTY, total, j, old_var=x)


def test_rename_index_refuses_a_renaming_sympy_evaluates_differently():
    # the unevaluated 0·log i is rebuilt as 0 once renamed: Σ 0·log i is undefined at i ≤ 0 (i = 0,
    # 1)
    total = sp.Sum(sp.Mul(0, sp.log(i), evaluate=False), (i, 0, 1))
    with pytest.raises(SideConditionError, match="not defined where the original is"):
        K.rename_index(EMPTY, total, j)


def test_member_binder_needs_its_body_fact_and_a_positive_factor_for_a_product():
    ctx = Context({p: UNIT, q: sp.Interval.open(-1, 1), n: sp.S.Naturals})
    with pytest.raises(RuleApplicationError, match="does not match"):
        K.member_binder(prove_member(ctx, q[i]), sp.Sum(p[i], (i, 1, n)), prove_member(ctx, n))
    # ∏_{i=1}^{2} q_i with q ∈ (−1, 1) can be negative (q_1 = −1/2, q_2 = 1/2): not positive
    two = sp.Product(q[i], (i, 1, 2))
    assert numeric.value(two.doit(), {q[1]: sp.Rational(-1, 2), q[2]: sp.Rational(1, 2)}) == -0.25
    with pytest.raises(SideConditionError, match="not shown positive"):
        K.member_binder(prove_member(ctx, q[i]), two, prove_member(ctx, sp.Integer(2)))


def test_member_context_takes_only_symbols_entries_and_applications():
    # r(i) := log(p_i − 2) is never defined for p ∈ (0, 1): calling it a real number would be false
    r = DefinedFamily("r", [i], sp.log(p[i] - 2))
    ctx = Context({p: UNIT})
    with pytest.raises(RuleApplicationError, match="is not a symbol"):
        K.member_context(ctx, r(1))
    with pytest.raises(RuleApplicationError, match="is not a symbol"):
        K.member_context(ctx, Defined("D", sp.log(-1 - x**2)))
    with pytest.raises(RuleApplicationError, match="is not a symbol"):
        K.member_context(ctx, x + 1)


def test_increasing_by_derivative_needs_a_symbol_and_an_interval():
    ctx = Context({x: POS})
    defined, derivative = prove_member(ctx, sp.log(x)), prove_member(ctx, 1 / x)
    with pytest.raises(RuleApplicationError, match="needs a symbol and an Interval"):
        K.increasing_by_derivative(defined, derivative, x, sp.FiniteSet(1, 2))
    with pytest.raises(RuleApplicationError, match="needs a symbol and an Interval"):
        K.increasing_by_derivative(defined, derivative, x + 1, POS)


def test_the_optimized_quantities_are_listed_and_plain():
    f = sp.log(p[1])
    for over in ((), (x + 1,), (Defined("D", x),)):
        with pytest.raises(RuleApplicationError, match="'over'|definition|keys"):
            K.negate_objective(Context({p: UNIT}), f, over, "max")


def test_transfer_refuses_a_monotone_function_that_depends_on_the_optimized_quantities():
    # g(t) = t + 3a is increasing in t, but argmax_a (−2a) = {0} while argmax_a (−2a + 3a) = {1}
    ctx = Context({t: sp.S.Reals, a: sp.S.Reals})
    mono = K.increasing_by_derivative(
        prove_member(ctx, t + 3 * a),
        prove_member(Context({t: sp.S.Reals, a: sp.S.Reals}), sp.S.One),
        t,
        sp.S.Reals,
    )
    values = prove_member(Context({a: sp.S.Reals}), -2 * a)
    candidates = [[{a: sp.Integer(0)}, {a: sp.Integer(1)}]]
    assert numeric.counterexample_to_same_optimizers(-2 * a, "max", a, "max", candidates)
    with pytest.raises(SideConditionError, match="depends on the optimized quantities"):
        K.transfer_increasing(mono, values, (a,), "max")


def test_transfer_refuses_a_composition_whose_conditions_sympy_rewrites():
    # √t composed with 2x: sympy writes √(2x) as √2·√x, whose condition x > 0 was not the written
    # one (2x > 0); equivalent here, so the guard is conservative — it never lets sympy's evaluation
    # decide where the composition is defined
    mono = K.increasing_by_derivative(
        prove_member(Context({t: POS}), sp.sqrt(t)),
        prove_member(Context({t: POS}), sp.diff(sp.sqrt(t), t)),
        t,
        POS,
    )
    values = prove_member(Context({x: POS}), 2 * x)
    assert sp.sqrt(2 * x) == sp.sqrt(2) * sp.sqrt(x)
    with pytest.raises(SideConditionError, match="not defined where the composition is"):
        K.transfer_increasing(mono, values, (x,), "max")


def test_every_refusal_is_a_proof_error():
    # the guards raise the package's errors, never a bare exception
    with pytest.raises(ProofError):
        K.rename_index(EMPTY, x, j)


# ------------------------------------------------------------------------------------------------
# the table of functions, binomial coefficients and derivatives with finitely many zeros
def test_member_function_refuses_an_argument_outside_the_domain():
    real = K.member_context(Context({x: REALS}), x)
    for head in (sp.log, sp.gamma, sp.factorial):
        with pytest.raises(SideConditionError, match=f"member_{head.__name__}: the argument x is "
                                                     "not shown"):
            K.member_function(real, head)
    half = K.member_context(Context({x: sp.Interval(0, 1)}), x)  # 0 and 1 are counts, 1/2 is not
    with pytest.raises(SideConditionError, match="a count"):
        K.member_function(half, sp.factorial)
    # the claims they would make are false: log x, Γ(x) undefined at x = 0, (1/2)! undefined
    assert not semantics.confirm([(x, sp.Interval(0, 1))], Member(sp.factorial(x), REALS),
                                 points=20)


def test_member_function_refuses_a_head_outside_the_table():
    real = K.member_context(Context({x: REALS}), x)
    for head in (sp.tan, sp.Function("f"), sp.sign):
        with pytest.raises(RuleApplicationError, match="not a function of the table"):
            K.member_function(real, head)


def test_a_derivative_that_is_only_nonnegative_needs_finitely_many_zeros():
    # x ↦ x³: 3x² ≥ 0 with one zero — strictly increasing
    assert check.strictly_increasing(x ** 3, x, REALS)
    # y·x − y·x style: a derivative >= 0 that vanishes on an interval must not pass
    context = Context({y: sp.Interval(0, 1)})
    g = y * x  # d/dx = y ∈ [0, 1]: zero everywhere when y = 0, where g is constant
    defined = K.member_mul(K.member_context(Context({y: sp.Interval(0, 1), x: REALS}), y),
                           K.member_context(Context({y: sp.Interval(0, 1), x: REALS}), x))
    slope = K.member_context(Context({y: sp.Interval(0, 1), x: REALS}), y)
    with pytest.raises(SideConditionError, match="zero at finitely many points"):
        K.increasing_by_derivative(defined, slope, x, sp.Interval(-sp.oo, sp.oo))
    with pytest.raises(ProofError):
        check.strictly_increasing(g, x, REALS, where=context)
    assert not semantics.confirm([(y, sp.FiniteSet(0))], StrictlyIncreasing(g, x, REALS),
                                 points=5)


def test_binomial_guards():
    counts = Context({n: sp.S.Naturals0, k: sp.S.Naturals0, x: REALS})
    top, bottom, real = (K.member_context(counts, v) for v in (n, k, x))
    for pair in ((real, bottom), (top, real)):
        with pytest.raises(SideConditionError, match="not shown a count"):
            K.member_binomial(*pair)  # C(x, k), C(n, x): undefined at x = 1/2
    with pytest.raises(RuleApplicationError, match="must be about"):
        K.member_binomial(top, bottom, top)
    difference = K.member_add(top, K.member_mul(K.member_context(counts, -1), bottom))
    with pytest.raises(SideConditionError, match="not shown a count"):
        K.member_binomial(top, bottom, difference)  # n − k may be negative: C(n, k) = 0 then
    assert not semantics.confirm([(n, sp.S.Naturals0), (k, sp.S.Naturals0)],
                                 Member(sp.binomial(n, k), POS), points=30)
    assert check.positive(sp.binomial(k + y, k), where={k: sp.S.Naturals0, y: sp.S.Naturals0})


def test_member_rules_refuse_what_sympy_makes_less_defined():
    # (|x|·y)^(1/2) with x = 0 is 0 for every y, but sympy writes it √y·√|x|, undefined for y < 0;
    # (−|x|)^(1/3) becomes (−1)^(1/3)·|x|^(1/3), never defined (an adversarial review's findings)
    at_zero = Context({x: sp.FiniteSet(0)})
    absolute = K.member_function(K.member_context(at_zero, x), sp.Abs)
    product = K.member_mul(absolute, K.member_context(at_zero, y))
    with pytest.raises(SideConditionError, match="not defined where the term is"):
        K.member_pow(product, K.member_context(at_zero, sp.S.Half))
    negative = K.member_mul(K.member_context(at_zero, sp.S.NegativeOne), absolute)
    with pytest.raises(SideConditionError, match="not defined where the term is"):
        K.member_pow(negative, K.member_context(at_zero, sp.Rational(1, 3)))
    split = sp.sqrt(y) * sp.sqrt(sp.Abs(x))
    assert not semantics.confirm([(x, sp.FiniteSet(0))], Member(split, sp.Interval(0, sp.oo)),
                                 points=30)


def test_a_derivative_poly_refuses_is_a_refusal_not_a_crash():
    # a derivative Σ 2x·p_i with p = 0: >= 0 (it is 0), and no polynomial sympy can read —
    # x ↦ Σ x²p_i is constant, so the rule must refuse (and never crash in sympy's Poly)
    body = sp.Sum(x ** 2 * p[i], (i, 1, 2))
    context = Context({x: REALS, p: sp.FiniteSet(0)})
    defined = prove_member(context, body)
    slope = prove_member(Context({x: REALS, p: sp.FiniteSet(0)}), sp.diff(body, x))
    with pytest.raises(ProofError):
        K.increasing_by_derivative(defined, slope, x, sp.Interval(-sp.oo, sp.oo))


def _tangent_cases():
    """x − 1 − log x on (0, 1] (−g increasing) and on [1, ∞) (g increasing), each ≥ 0: the two
    cases log x ≤ x − 1 rests on."""
    g = x - 1 - sp.log(x)
    low, high = sp.Interval.Lopen(0, 1), sp.Interval(1, sp.oo)
    rising = K.increasing_by_derivative(prove_member(Context({x: high}), g), prove_member(
        Context({x: sp.Interval.open(1, sp.oo)}), sp.diff(g, x)), x, high)
    falling = K.increasing_by_derivative(prove_member(Context({x: low}), -g), prove_member(
        Context({x: UNIT}), sp.diff(-g, x)), x, low)
    return g, rising, falling, low, high


def test_a_monotone_function_is_bounded_by_its_value_only_on_the_side_asked():
    g, rising, falling, low, high = _tangent_cases()
    on_high = K.member_context(Context({x: high}), x)
    bound = K.member_monotone(rising, on_high, 1)
    assert bound.statement == Member(g, sp.Interval(0, sp.oo))
    assert semantics.confirm(bound.context.entries, bound.statement, points=20)
    strictly = K.member_monotone(rising, K.member_context(Context({x: sp.Interval.open(1, 2)}), x),
                                 1)
    assert strictly.statement.set == sp.Interval.open(0, sp.oo)  # strictly increasing: > g(1)
    below = K.member_monotone(falling, K.member_context(Context({x: low}), x), 1, above=False)
    assert below.statement == Member(-g, sp.Interval(-sp.oo, 0))
    # the values on the wrong side of the point, beyond the interval, across the point; a point
    # outside the interval; a value at the point that is no rational (e − 2 at 1 for eˣ − 2x)
    for values, at, above in ((on_high, 1, False),
                              (K.member_context(Context({x: POS}), x), 1, True),
                              (K.member_context(Context({x: sp.Interval(0, 2)}), x), 1, True),
                              (on_high, 2, True), (on_high, sp.Rational(1, 2), True)):
        with pytest.raises(SideConditionError, match="member_monotone"):
            K.member_monotone(rising, values, at, above=above)
    with pytest.raises(SideConditionError, match="member_monotone"):
        K.member_monotone(falling, K.member_context(Context({x: low}), x), 0, above=False)
    exponential = K.increasing_by_derivative(prove_member(Context({x: REALS}), sp.exp(x)),
                                             prove_member(Context({x: REALS}), sp.exp(x)), x,
                                             REALS)
    with pytest.raises(SideConditionError, match="not a rational"):  # e at 1
        K.member_monotone(exponential, on_high, 1)
    with pytest.raises(RuleApplicationError):
        K.member_monotone(on_high, on_high, 1)


def test_a_monotone_bound_whose_conditions_sympy_rewrote_is_refused():
    """x ↦ −1/x increases on (0, ∞), and √y ∈ [1, ∞) for y ∈ [1, 4]; the bound is −1/√y, as
    sympy evaluates −1/x at √y: written, it needs √y ≠ 0 and y ≥ 0, evaluated y > 0.  The kernel
    does not match conditions written otherwise: it refuses rather than claim the bound of a term
    whose conditions it did not see."""
    positive = sp.Interval.open(0, sp.oo)
    rising = K.increasing_by_derivative(prove_member(Context({x: positive}), -1 / x),
                                        prove_member(Context({x: positive}), x ** -2), x,
                                        positive)
    values = prove_member(Context({y: sp.Interval(1, 4)}), sp.sqrt(y), sides=True)
    assert values.statement.set == sp.Interval(1, sp.oo)
    with pytest.raises(SideConditionError, match="member_monotone: sympy evaluates"):
        K.member_monotone(rising, values, 1)
    # the same bound at x itself is given
    bound = K.member_monotone(rising, K.member_context(Context({x: sp.Interval(1, 4)}), x), 1)
    assert bound.statement == Member(-1 / x, sp.Interval(-1, sp.oo))


def test_an_irrational_value_at_the_end_is_replaced_only_by_a_bound_on_its_side():
    """eˣ on x ∈ [0, 1]: at most e, which the kernel bounds between two rationals; a rational
    bound is accepted on e's side only (3 and 272/100 above e, 271/100 below it), strict when e
    is strictly inside; e itself, a symbol or no bound at all is refused."""
    unit = sp.Interval(0, 1)
    exponential = K.increasing_by_derivative(prove_member(Context({x: unit}), sp.exp(x)),
                                             prove_member(Context({x: UNIT}), sp.exp(x)), x,
                                             unit)
    on_unit = K.member_context(Context({x: unit}), x)
    below = K.member_monotone(exponential, on_unit, 1, above=False, bound=3)
    assert below.statement == Member(sp.exp(x), sp.Interval.open(-sp.oo, 3))  # e < 3: open
    assert semantics.confirm(below.context.entries, below.statement, points=20)
    close = K.member_monotone(exponential, on_unit, 1, above=False, bound=sp.Rational(272, 100))
    assert close.statement.set == sp.Interval.open(-sp.oo, sp.Rational(272, 100))
    for bound in (sp.Rational(271, 100), sp.E, sp.Symbol("b"), None, 2):
        with pytest.raises(SideConditionError, match="member_monotone"):
            K.member_monotone(exponential, on_unit, 1, above=False, bound=bound)
    # above: e^{−x} is decreasing, so −e^{−x} increasing; at 1 its value −1/e is at least −1/2
    falling = K.increasing_by_derivative(prove_member(Context({x: unit}), -sp.exp(-x)),
                                         prove_member(Context({x: UNIT}), sp.exp(-x)), x, unit)
    on_one = K.member_context(Context({x: sp.Interval(1, 2)}), x)
    with pytest.raises(SideConditionError, match="member_monotone"):  # 1 is the right end
        K.member_monotone(falling, on_one, 1, above=True, bound=sp.Rational(-1, 2))
    low = K.member_monotone(falling, on_unit, 0, above=True, bound=-2)  # −e⁰ = −1: rational,
    assert low.statement.set == sp.Interval(-1, sp.oo)  # the bound is not needed and not used
    at_one = K.member_monotone(falling, K.member_context(Context({x: sp.FiniteSet(1)}), x), 1,
                               above=True, bound=sp.Rational(-1, 2))
    assert at_one.statement.set == sp.Interval.open(sp.Rational(-1, 2), sp.oo)  # −1/e > −1/2
    with pytest.raises(SideConditionError, match="member_monotone"):  # −1/e < −1/3
        K.member_monotone(falling, K.member_context(Context({x: sp.FiniteSet(1)}), x), 1,
                          above=True, bound=sp.Rational(-1, 3))


def test_two_cases_join_only_the_same_fact_over_one_interval():
    g, rising, falling, low, high = _tangent_cases()
    first = K.member_mul(K.member_context(Context({x: low}), sp.Integer(-1)), K.member_monotone(
        falling, K.member_context(Context({x: low}), x), 1, above=False))
    second = K.member_monotone(rising, K.member_context(Context({x: high}), x), 1)
    joined = K.by_cases(first, second, x)
    assert joined.statement == Member(g, sp.Interval(0, sp.oo))
    assert joined.context == Context({x: POS})
    assert semantics.confirm(joined.context.entries, joined.statement, points=30)
    # ℝ is no assumption: a case split over the whole line leaves x free
    squares = [prove_member(Context({x: case}), x ** 2) for case in (sp.Interval(-sp.oo, 0),
                                                                    sp.Interval(0, sp.oo))]
    assert K.by_cases(*squares, x).context == Context()
    # a gap, another fact, another context beside x, a family, x unconstrained in one case
    gap = [prove_member(Context({x: case}), x ** 2) for case in (UNIT, sp.Interval.open(1, 2))]
    with pytest.raises(SideConditionError, match="not one interval"):
        K.by_cases(*(K.member_widen(fact, sp.Interval(0, sp.oo)) for fact in gap), x)
    with pytest.raises(RuleApplicationError, match="by_cases"):
        K.by_cases(first, K.member_widen(second, sp.S.Reals), x)
    # y ranges in one case only: the join keeps its range (a weaker claim)
    other = K.member_monotone(rising, K.member_context(Context({x: high, y: POS}), x), 1)
    assert K.by_cases(first, other, x).context == Context({x: POS, y: POS})
    with pytest.raises(RuleApplicationError, match="by_cases"):
        K.by_cases(first, second, p)
    with pytest.raises(RuleApplicationError, match="by_cases"):
        K.by_cases(first, K.member_widen(prove_member(EMPTY, sp.exp(y)), sp.S.Reals), y)


def test_a_sum_or_product_of_no_whole_number_of_terms_is_refused():
    """∏_{k=2}^{1/2} k is never defined (its count −1/2 is no integer), and sympy's exp of its
    negative ran without end (a review's fuzzer run): refused as a term."""
    for term in (sp.Product(t, (t, 2, sp.Rational(1, 2))), sp.Sum(t, (t, sp.Rational(1, 3), 2)),
                 sp.Product(t, (t, 2, sp.sqrt(2))), sp.Sum(t, (t, 0, sp.log(3)))):
        with pytest.raises(UnsupportedError, match="no whole number of terms"):
            K.refl(EMPTY, sp.cosh(term))
    assert K.refl(EMPTY, sp.Product(t, (t, 2, 0))).statement.lhs.limits[0][2] == 0  # reversed


def test_cases_join_equations_and_finite_sets():
    """y² = y for y ∈ {0} and for y ∈ {1} is y² = y for y ∈ {0, 1} (the kernel joins the finite
    sets itself), and a value left out stays out."""
    def case(values, lhs, rhs):
        context = Context({y: sp.FiniteSet(*values)})
        value = K.equal_of_singleton(K.member_context(context, y))
        left, right = K.congruence(value, lhs), K.congruence(value, rhs)
        middle = K.ring(context, left.statement.rhs, right.statement.rhs)
        return K.trans(K.trans(left, middle), K.symm(right))
    zero, one = case([0], y ** 2, y), case([1], y ** 2, y)
    joined = K.by_cases(zero, one, y)
    assert joined.statement == Equal(y ** 2, y)
    assert joined.context == Context({y: sp.FiniteSet(0, 1)})
    assert semantics.confirm(joined.context.entries, joined.statement, points=10)
    cubic = y * (y - 1) * (y - 2)
    three = K.by_cases(K.by_cases(case([0], cubic, 0), case([1], cubic, 0), y),
                       case([2], cubic, 0), y)
    assert three.context == Context({y: sp.FiniteSet(0, 1, 2)})
    assert semantics.confirm(three.context.entries, three.statement, points=10)
    # another claim in the second case, a union that is no interval nor a finite set, a judgement
    # that does not hold point by point
    with pytest.raises(RuleApplicationError, match="by_cases"):
        K.by_cases(zero, case([1], y ** 3, y), y)
    unit = prove_member(Context({y: sp.Interval(0, 1)}), y ** 2 - y + 1)
    far = prove_member(Context({y: sp.FiniteSet(3)}), y ** 2 - y + 1)
    widened = [K.member_widen(fact, sp.Interval(0, 10)) for fact in (unit, far)]
    with pytest.raises(SideConditionError, match="not one interval"):
        K.by_cases(*widened, y)
    rising = check.strictly_increasing(x ** 3, x, sp.Interval(0, 1))
    with pytest.raises(RuleApplicationError, match="expected a Member or Equal premise"):
        K.by_cases(rising, rising, x)


def test_a_claim_about_a_symbol_is_instantiated_at_a_term_of_its_range():
    """t² = t for t ∈ {0, 1} carries to every label y_i, the substitution capture-avoiding; a term
    outside the range, or whose evaluation changes where the claim is defined, is refused."""
    labels = sp.FiniteSet(0, 1)
    w = sp.IndexedBase("w")
    square = K.by_cases(*(K.trans(K.congruence(K.equal_of_singleton(K.member_context(
        Context({t: sp.FiniteSet(c)}), t)), t ** 2), K.symm(K.congruence(K.equal_of_singleton(
            K.member_context(Context({t: sp.FiniteSet(c)}), t)), t))) for c in (0, 1)), t)
    assert square.statement == Equal(t ** 2, t) and square.context == Context({t: labels})
    family = Context({w: labels})
    entry = K.instantiate(square, t, K.member_context(family, w[i]))
    assert entry.statement == Equal(w[i] ** 2, w[i]) and entry.context == family
    assert semantics.confirm(entry.context.entries, entry.statement, points=10)
    ones = Context({w: sp.FiniteSet(1)})  # a smaller range is a range of t too
    assert K.instantiate(square, t, K.member_context(ones, w[1])).context == ones
    # an index bound in the claim is renamed apart from the term's free i
    total = sp.Sum(t * p[i], (i, 1, 2))
    summed = K.instantiate(K.refl(Context({t: labels}), total), t, K.member_context(family, w[i]))
    ((index, _, _),) = summed.statement.lhs.limits
    assert index != i and summed.statement.lhs.has(w[i])
    with pytest.raises(RuleApplicationError, match="no value of a symbol t"):
        K.instantiate(square, t, K.member_context(Context({w: sp.FiniteSet(0, 1, 2)}), w[1]))
    with pytest.raises(RuleApplicationError, match="no value of a symbol"):
        K.instantiate(square, y, K.member_context(family, w[1]))
    # 0·log x is 0 to sympy, defined where t·log x is not
    logs = K.refl(Context({t: labels}), t * sp.log(x))
    with pytest.raises(SideConditionError, match="not defined where the term is"):
        K.instantiate(logs, t, K.member_context(EMPTY, sp.Integer(0)))
    rising = check.strictly_increasing(x ** 3, x, sp.Interval(0, 1))
    with pytest.raises(RuleApplicationError, match="expected a Member or Equal premise"):
        K.instantiate(rising, x, K.member_context(family, w[1]))
    # a symbol the context does not mention ranges over ℝ: (|u| − u)/2 ≥ 0 for every real u holds
    # at u = xy − 1 (a hinge), and at no term that is not shown real (a log of any x)
    hinge = check.member((sp.Abs(z) - z) / 2, sp.Interval(0, sp.oo))
    assert hinge.context.lookup(z) is None
    at = K.instantiate(hinge, z, prove_member(EMPTY, x * y - 1))
    assert at.statement == Member((sp.Abs(x * y - 1) - x * y + 1) / 2, sp.Interval(0, sp.oo))
    assert semantics.confirm(at.context.entries, at.statement, points=20)
    with pytest.raises(RuleApplicationError, match="no value of a symbol"):
        K.instantiate(hinge, x, prove_member(EMPTY, x * y - 1))  # x is not in the claim


rationals = st.fractions(min_value=-3, max_value=3, max_denominator=4).map(sp.Rational)


@settings(max_examples=40, deadline=None)
@given(rationals, rationals, st.integers(1, 3), rationals, st.booleans(), st.booleans(),
       st.booleans())
def test_a_monotone_bound_holds_at_every_point_it_speaks_of(root, at, slope, spread, above,
                                                             open_side, whole_line):
    """g = (x − r)³ + k·x increases on ℝ: bounded by g(a) on the side of a asked, for values over
    that side of an interval around a (or beyond it: refused), confirmed at exact points."""
    g = (x - root) ** 3 + slope * x
    interval = REALS if whole_line else sp.Interval(at - 1, at + 2)
    mono = K.increasing_by_derivative(prove_member(Context({x: interval}), g), prove_member(
        Context({x: sp.Interval.open(interval.start, interval.end)}), sp.diff(g, x)), x, interval)
    side = (sp.Interval(at, at + abs(spread) + 1, open_side) if above else
            sp.Interval(at - abs(spread) - 1, at, False, open_side))
    values = K.member_context(Context({y: side}), y)
    if not (side.start >= interval.start and side.end <= interval.end):
        with pytest.raises(SideConditionError):
            K.member_monotone(mono, values, at, above=above)
        return
    bound = K.member_monotone(mono, values, at, above=above)
    assert bound.statement.expr == g.subs(x, y)
    assert semantics.confirm(bound.context.entries, bound.statement, points=12)
    with pytest.raises(SideConditionError):  # the other side of a
        K.member_monotone(mono, values, at, above=not above)


INCREASING_ON_A_LINE = [sp.exp(x), x + sp.exp(x), sp.log(x + 4), sp.sqrt(x + 4), x ** 3 + x,
                        sp.atan(x) + x, -sp.exp(-x)]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(INCREASING_ON_A_LINE),
       st.fractions(min_value=-3, max_value=3, max_denominator=8).map(sp.Rational),
       st.fractions(min_value=-30, max_value=30, max_denominator=16).map(sp.Rational),
       st.booleans())
def test_a_bound_in_place_of_an_irrational_value_is_on_its_side(g, at, bound, above):
    """An increasing g on [−3, 3] at a random point, a random rational bound on a random side:
    the kernel's bound, when it gives one, is on g(a)'s side (checked at 50 digits) and holds
    at random points of the values' range."""
    unit = sp.Interval(-3, 3)
    rising = K.increasing_by_derivative(prove_member(Context({x: unit}), g), prove_member(
        Context({x: sp.Interval.open(-3, 3)}), sp.diff(g, x)), x, unit)
    side = sp.Interval(at, 3) if above else sp.Interval(-3, at)
    values = K.member_context(Context({x: side}), x)
    try:
        fact = K.member_monotone(rising, values, at, above=above, bound=bound)
    except SideConditionError:
        return
    value = g.subs(x, at)
    end = fact.statement.set.inf if above else fact.statement.set.sup
    assert end == (value if value.is_Rational else bound)
    exact = value if value.is_Rational else sp.N(value, 50)
    assert (exact >= end) if above else (exact <= end)
    assert semantics.confirm(fact.context.entries, fact.statement, points=8)
