"""The verification API users call in their own code and tests (imports the kernel, the boundary
and the derived rules).

Each function returns the `Theorem` (its premises are the proof tree) or raises a `ProofError`:
`Disproved` when the claim is false at some admissible point (the error carries the point and the
values), otherwise an error naming the rule and the condition that could not be shown.
``where`` maps symbols, IndexedBases or undefined functions to the sympy set each ranges over;
sympy's own assumptions on symbols count too.  The claim is first
translated into the kernel's terms (`proofs.boundary.admit`): symbols lose their assumptions, which
become ranges in the theorem's context, so ``theorem.statement`` is written with plain symbols.

>>> import sympy as sp
>>> from proofs import check
>>> a, b = sp.symbols("a b")
>>> positive = sp.Interval.open(0, sp.oo)
>>> check.equal(sp.log(a * b), sp.log(a) + sp.log(b), where={a: positive, b: positive})
<Theorem [log_of_mul] log(a*b) = log(a) + log(b)>

sympy evaluates an expression as it is built, before this module sees it: ``x/x`` is ``1``,
``sqrt(x)**2`` is ``x`` and ``exp(log(x))`` is ``x``, so ``check.equal(x/x, 1)`` proves ``1 = 1``,
which holds, and says nothing about ``x = 0``.  To have a claim checked as written, build it
unevaluated; it is then proved only where it is defined:

>>> x = sp.Symbol("x")
>>> check.positive(sp.Mul(x, 1 / x, evaluate=False))  # doctest: +ELLIPSIS
Traceback (most recent call last):
    ...
proofs.errors.Disproved: x/x > 0 is false: at {x = 0}: x/x is undefined (...: a division by 0)
>>> check.positive(sp.Mul(x, 1 / x, evaluate=False), where={x: positive})
<Theorem [member_of_equal] x/x > 0>

Floats are refused: write ``sp.Rational(1, 4)`` for 0.25 (``sp.nsimplify(e, rational=True)``
makes every float in ``e`` exact).
"""

import contextlib
import contextvars

import sympy as sp

from .errors import (Disproved, ProofError, RuleApplicationError, SideConditionError,
                     UnsupportedError)
from .boundary import admit, refuse_floats, where_mapping
from .kernel import Context, Equal, Member, SameOptimizers, StrictlyIncreasing, hull
from .kernel import rules as K
from .kernel.language import IndexRange, is_subset
from .kernel.terms import check_well_formed
from .rules import (absolute, bounds, cases, exponents, extrema, finite_cases, jensen,
                    monotonicity, normal_form, one_log, optimizers, pairs, positivity, roots,
                    separable, signs, tangents, termwise, variance)

__all__ = ["context", "positive", "member", "strictly_increasing", "equal", "same_optimizers"]


def context(where=None):
    """The kernel `Context` for a ``where`` mapping (a Context passes through)."""
    return where if isinstance(where, Context) else admit(where, ())[0]


def _expr(value, name):
    try:
        return sp.sympify(value, strict=True)
    except (sp.SympifyError, TypeError) as error:
        raise UnsupportedError(f"{name} must be a sympy expression, got {value!r}") from error


def _claim(where, terms, extra=()):
    """(context, kernel terms, kernel objects) for a claim: a Context passes through with terms
    already the kernel's, anything else goes through the kernel's boundary translation."""
    if isinstance(where, Context):
        return where, tuple(map(check_well_formed, terms)), tuple(extra)
    return admit(where, terms, extra)


def _as_asked(theorem, context, statement):
    """The theorem, once it is seen to state exactly the claim asked, under no assumption beyond
    `context`."""
    if theorem.statement != statement or not context.includes(theorem.context):
        raise ProofError(
            f"the engine proved {theorem.statement} instead of {statement}; please report this"
        )
    return theorem


def _counterexample(context, statement, points=24, size=8, stationary=True):
    """`Disproved` when an admissible point makes the claim false (exact rationals where the
    arithmetic allows, sums and products of a few terms; `proofs.testing.semantics`), else None.
    Also where every variable, or every entry of a family, takes one value
    (`bounds.diagonal_points`); `stationary`: and where a quadratic's gradient vanishes
    (`bounds.stationary_points`) or a search in floating point ends."""
    from .testing import semantics  # only when a claim is refused

    try:
        # no deadline: whether a claim is Disproved or only refused must not depend on the load
        verdict = semantics.confirm(context.entries, statement, seed="disprove", points=points,
                                    size=size)
    except Exception:  # a term or set the evaluator cannot handle: no witness either way
        return None
    if verdict.refuted:
        return Disproved(statement, verdict.refuted)
    # random points miss a least value met at one point: a quadratic's is tried where it is met,
    # every variable at one value (where AM-GM's terms are equal), another function's near where
    # a search in floating point ends
    if isinstance(statement, Member):
        def refuted_at(points):
            try:
                return next(filter(None, (semantics.refute_at(context.entries, statement, point)
                                          for point in points())), None)
            except Exception:  # noqa: BLE001 — as above: no witness from these guesses
                return None

        # each kind of guess apart: a point the evaluator cannot place (a symbol ranging over a
        # sum's indices) ends its own kind's search only (helper-144's review)
        kinds = [lambda: bounds.diagonal_points(statement.expr)]  # cheap: tried early too
        if stationary:
            kinds = [lambda: bounds.stationary_points(statement.expr), *kinds,
                     lambda: bounds.searched_extremes(statement.expr, dict(context.entries),
                                                      statement.set)]
        refuted = next(filter(None, map(refuted_at, kinds)), None)
        return Disproved(statement, refuted) if refuted else None
    return None


# whether a claim is tried at two points before the prover runs (a derivation's steps, written to
# be true, skip it: a false one is still refuted, after the prover fails)
_EARLY_REFUTATION = contextvars.ContextVar("early_refutation", default=True)


@contextlib.contextmanager
def prover_first():
    """Within this block, claims go to the prover first and are searched for a counterexample only
    when it fails (cheaper for claims expected to hold; the verdicts are the same)."""
    token = _EARLY_REFUTATION.set(False)
    try:
        yield
    finally:
        _EARLY_REFUTATION.reset(token)


@contextlib.contextmanager
def _claimed(context, statement):
    """Run a proof of `statement`; a refusal becomes `Disproved` when the claim is false.

    The claim is first tried at two admissible points (an optimizer claim at one, with sets of two
    candidate parameters): a false claim is refuted there in a few milliseconds instead of after the
    prover's attempts (a refused claim costs no more than a proved one), and a claim that survives
    costs those evaluations more."""
    optimizers = isinstance(statement, SameOptimizers)
    early = _EARLY_REFUTATION.get() and _counterexample(
        context, statement, points=1 if optimizers else 2, size=2, stationary=False)
    if early:
        raise early
    try:
        yield
    except (UnsupportedError, Disproved):
        raise
    except ProofError as error:
        raise (_counterexample(context, statement) or error) from None
    except ValueError as error:  # Python prints integers of at most 4300 digits
        if "integer string conversion" not in str(error):
            raise
        raise UnsupportedError("a number of more than 4300 digits arose on the way, which Python "
                               "cannot print: name a large number of the claim with a symbol and "
                               "give its range in where=") from None


def positive(expr, where=None):
    """Prove ``expr > 0`` from the ranges in `where`."""
    ctx, (expr,), _ = _claim(where, [_expr(expr, "expr")])
    statement = Member(expr, sp.Interval.open(0, sp.oo))
    with _claimed(ctx, statement):
        try:
            fact = positivity.prove_positive(ctx, expr)
        except SideConditionError as refusal:  # said as prove_positive says it, unless narrowed
            try:
                fact = _bounded(ctx, expr, statement.set)
            except ProofError:
                raise refusal from None
            if not is_subset(fact.statement.set, statement.set):
                _refuted_by_range(ctx, statement, fact)
                raise refusal from None
            fact = K.member_widen(fact, statement.set)
        return _as_asked(normal_form.as_written(ctx, expr, fact), ctx, statement)


def _refuted_by_range(ctx, statement, fact):
    """Disproved where the rules show the claim's term in a set that misses the claimed one: the
    claim then fails at every admissible point, also where no point can be evaluated
    (Σ_{k=1}^{25} (1/(2^k)! − 1) > 0, its term shown in (−∞, 0)).  Not where a range {a, …, b}
    may be empty (k ∈ {n + 2, …, n}): there may be no admissible point, and the claim holds."""
    shown = fact.statement
    may_be_empty = any(isinstance(real_set, IndexRange) for _, real_set in ctx.entries)
    if shown.expr == statement.expr and fact.context == ctx and not may_be_empty and \
            sp.Intersection(shown.set, statement.set).is_empty is True:
        raise Disproved(statement, f"the kernel shows {shown.expr} ∈ {shown.set} at every "
                                   f"admissible point, and {shown.set} misses {statement.set}")


def _bounded(ctx, expr, real_set):
    """`_narrowed` from expr's range by intervals, or from the range of expr with its short sums
    written out where a body has none for every real index (Σ_{k=0}^{2} 1/k!: k! needs k a count,
    0!, 1! and 2! do not)."""
    try:
        return _narrowed(ctx, positivity.prove_member(ctx, expr), real_set)
    except SideConditionError as refusal:
        try:
            written = _written_out(ctx, expr)
        except ProofError:
            written = None
        if written is None:
            raise refusal from None
        inner = positivity.prove_member(ctx, written.statement.rhs)
        return K.member_of_equal(written, _narrowed(ctx, inner, real_set))


def _narrowed(ctx, fact, real_set):
    """`fact` (Γ ⊢ e ∈ S), or when S is not inside real_set, e's range with powers kept on their
    base's side of 1 and ends reached through one sum or completed squares
    (`bounds.through_rewriting`), or where a function of one variable increases and decreases
    (`extrema.through_monotonicity`), or by cases on the variable's sign
    (`cases.through_cases`) or on the values of a symbol or label that takes a few
    (`finite_cases.through_values`), or a sum term by term (`termwise.through_terms`), or with
    its short sums written out, roots of products split, products of sums taken as one sum over
    pairs (`pairs.as_pairs`) or sums multiplied out (`normal_form.sums_multiplied_out`), or with
    its difference from an end factored, each factor's sign shown by these routes
    (`signs.through_factor_signs`), or written as one log that these routes bound
    (`one_log.through_one_log`), or with exponentials and roots as new variables
    (`exponents`); a constant by the kernel's exact bounds of it (`bounds.through_enclosure`); as
    near as they come."""
    if is_subset(fact.statement.set, real_set):
        return fact
    left = _NARROWINGS_LEFT.get()
    if left is not None:  # a route's allowance, shared by the narrowings it starts in turn
        if left[0] <= 0:
            return fact
        left[0] -= 1
    fact = positivity.prove_member(ctx, fact.statement.expr, sides=True)
    fact = bounds.through_rewriting(ctx, fact, real_set) or fact
    if is_subset(fact.statement.set, real_set):
        return fact
    fact = bounds.through_enclosure(ctx, fact, real_set) or fact
    if is_subset(fact.statement.set, real_set):
        return fact
    fact = extrema.through_monotonicity(ctx, fact, real_set) or fact
    if is_subset(fact.statement.set, real_set):
        return fact
    fact = cases.through_cases(ctx, fact, real_set, _narrowed) or fact
    if not is_subset(fact.statement.set, real_set):
        fact = cases.through_abstraction(ctx, fact, real_set, _narrowed) or fact
    if not is_subset(fact.statement.set, real_set):
        fact = absolute.through_abs_lines(ctx, fact, real_set, _narrowed) or fact
    if not is_subset(fact.statement.set, real_set):
        fact = finite_cases.through_values(ctx, fact, real_set, _narrowed) or fact
    if not is_subset(fact.statement.set, real_set):  # the other ways first: a textbook's proof
        fact = bounds.through_factors(ctx, fact, real_set) or fact
    if not is_subset(fact.statement.set, real_set):
        fact = tangents.through_tangents(ctx, fact, real_set, _narrowed) or fact
    if not is_subset(fact.statement.set, real_set):  # a sum's terms each on its side of 0
        fact = termwise.through_terms(ctx, fact, real_set, _allowed(MOST_TERM_NARROWINGS)) or fact
    if not is_subset(fact.statement.set, real_set):  # parts in different variables, each apart
        fact = separable.through_parts(ctx, fact, real_set, _allowed(MOST_PART_NARROWINGS)) or fact
    expr = fact.statement.expr
    # a short sum written out (Σ_{j=1}^{3} e^{z_j} as e^{z_1} + e^{z_2} + e^{z_3}), the root of
    # a product of positive factors as a product of roots (AM-GM: (a + b)/2 − √(ab) ≥ 0 as
    # (a + b)/2 − √a √b, whose squares complete), or a sum's own term beside it taken out
    # (e^{z_1}/Σ_j e^{z_j} ≤ 1), or a sum of squares taken about its mean (Σ x_i²/n − (Σ x_i/n)²
    # as (1/n) Σ (x_i − x̄)²), or products of two sums as one sum over pairs ((Σ a_i²)(Σ b_i²) −
    # (Σ a_i b_i)² as Σ_i Σ_j (a_i b_j − a_j b_i)²/2).  The last two write sums of squares whose
    # sign the intervals see, and are bounded by the intervals alone: the other routes took
    # minutes to complete the squares of such a form that is no sum of squares (a review's false
    # n Σ_{i=0}^{n} (ix + 1)² − (Σ_{i=0}^{n} (ix + 1))² ≤ 0, disproved in a second without them)
    for rewrite, deep in ((_written_out, _narrowed), (bounds.roots_split, _narrowed),
                          (normal_form.own_term_peeled, _narrowed),
                          (variance.about_the_mean, None), (pairs.as_pairs, None),
                          (normal_form.sums_multiplied_out, _narrowed),
                          (jensen.tangent_at_mean, _allowed(MOST_JENSEN_NARROWINGS))):
        if is_subset(fact.statement.set, real_set):
            break
        try:
            equal = rewrite(ctx, expr)
            if equal is None:
                continue
            inner = positivity.prove_member(ctx, equal.statement.rhs, sides=True)
            if deep:  # the routes again on the new form, within an allowance where one is given
                inner = deep(ctx, inner, real_set)
            if is_subset(inner.statement.set, real_set):
                fact = K.member_of_equal(equal, inner)
        except ProofError:
            continue
    if not is_subset(fact.statement.set, real_set):  # factors each of a sign the routes show
        fact = signs.through_factor_signs(ctx, fact, real_set, _narrowed) or fact
    if not is_subset(fact.statement.set, real_set):  # logs as one log the routes bound
        fact = one_log.through_one_log(ctx, fact, real_set, _allowed(MOST_ONE_LOG_NARROWINGS)) \
            or fact
    if not is_subset(fact.statement.set, real_set):  # e^{a/2} as a new u, e^a as u²
        fact = exponents.through_exponent_parts(ctx, fact, real_set, _narrowed) or fact
    if not is_subset(fact.statement.set, real_set):  # x ≥ 0 as x = 0 or x > 0, last: it costs
        fact = cases.through_endpoints(ctx, fact, real_set, _narrowed) or fact  # the others again
    if not is_subset(fact.statement.set, real_set):  # a root against the rest, by squares
        fact = roots.through_roots(ctx, fact, real_set, _narrowed) or fact
    if not is_subset(fact.statement.set, real_set):  # a^(1/3) as a new u, a as u³, last: the
        fact = exponents.through_root_parts(ctx, fact, real_set, _narrowed) or fact  # squares first
    return fact


# the narrowings the one-log forms' bounds may take, those their routes start in turn among them:
# a log-sum-exp of three terms takes 12, and a false claim's forms reached every route over their
# exponentials, 400 narrowings and more than a minute (helper-144's review)
MOST_ONE_LOG_NARROWINGS = 16
# the narrowings a sum's term may take, bounded as it stands and for every value of new variables:
# the Poisson deviance's takes 3, the log's tangent at each share 13, |x_i| − log cosh x_i 77; a
# term of a root, an absolute value and a log cosh took 1,255 and two minutes (helper-145's review)
MOST_TERM_NARROWINGS = 80
# the narrowings Jensen's form (the tangent line at the mean taken from each term) may take, in all:
# the log of the mean takes 10, n times it 30; refused, the exponential's costs 2-3 s more
MOST_JENSEN_NARROWINGS = 40
# the narrowings the parts of a sum in different variables may take, in all
MOST_PART_NARROWINGS = 40
_NARROWINGS_LEFT = contextvars.ContextVar("narrowings_left", default=None)


def _allowed(most):
    """`_narrowed` with at most `most` narrowings in all its calls, unless an allowance is running
    already (then that one's)."""
    left = [most]

    def narrow(ctx, fact, real_set):
        token = _NARROWINGS_LEFT.set(left) if _NARROWINGS_LEFT.get() is None else None
        try:
            return _narrowed(ctx, fact, real_set)
        finally:
            if token is not None:
                _NARROWINGS_LEFT.reset(token)

    return narrow


def _written_out(ctx, expr):
    """Γ ⊢ expr = expr with its short sums written out, or None when it has none."""
    written = normal_form.binders_written_out(expr)
    return None if written is None else normal_form.prove_equal(ctx, expr, written)


def member(expr, real_set, where=None):
    """Prove ``expr ∈ real_set`` (an interval, finite set or Reals) from the ranges in `where`."""
    ctx, (expr,), _ = _claim(where, [_expr(expr, "expr")])
    # a set the kernel reasons about, before any point is tried: the search would draw the
    # symbols of {x} or [n − 1, n] apart from the claim's and call x ∈ {x} false
    refuse_floats(real_set)
    _rational_ends(expr, real_set)
    hull(real_set)
    statement = Member(expr, real_set)
    with _claimed(ctx, statement):
        fact = _bounded(ctx, expr, real_set)
        if fact.statement.set != real_set:
            try:
                fact = K.member_widen(fact, real_set)
            except SideConditionError:  # said as prove_positive says it, not by the rule's name
                _refuted_by_range(ctx, statement, fact)
                raise SideConditionError(f"cannot show {expr} ∈ {real_set}: it is only known to "
                                         f"lie in {fact.statement.set}") from None
        return _as_asked(normal_form.as_written(ctx, expr, fact), ctx, statement)


def _rational_ends(expr, real_set):
    """An interval's end that is a constant but no rational (log 2, π/2, 1/e) is refused with the
    claims that together say the same: one a side, the constant moved into the expression."""
    if not isinstance(real_set, sp.Interval):
        return
    ends = [(real_set.start, real_set.left_open, True), (real_set.end, real_set.right_open, False)]
    if all(not end.is_finite or end.is_Rational or not end.is_number for end, _, _ in ends):
        return
    claims = []
    for end, is_open, lower in ends:
        if not end.is_finite:
            continue
        moved, bound = (expr, end) if end.is_Rational else (expr - end, sp.S.Zero)
        kind = "Interval.open" if is_open else "Interval"
        claims.append(f"check.member({moved}, {kind}({bound}, oo))" if lower else
                      f"check.member({moved}, {kind}(-oo, {bound}))")
    irrational = next(end for end, _, _ in ends if end.is_finite and not end.is_Rational)
    raise UnsupportedError(f"the end {irrational} of {real_set} is not a rational, and a range's "
                           f"ends are: state it as {' and '.join(claims)}")


def strictly_increasing(expr, var, interval, where=None):
    """Prove that ``var ↦ expr`` is strictly increasing on `interval` (continuity and g' > 0 both
    shown).

    A `var` made with sympy assumptions is accepted when the interval lies inside them (sympy may
    have used them to build `expr`)."""
    expr = _expr(expr, "expr")
    if not isinstance(var, sp.Symbol):
        raise RuleApplicationError(f"var must be a sympy Symbol, got {var!r}")
    if isinstance(interval, sp.FiniteSet) and len(interval) == 1:  # sympy's Interval(1, 1)
        raise UnsupportedError(f"strictly_increasing: the interval is the single point "
                               f"{interval.args[0]}: give an interval with two ends")
    if not isinstance(interval, sp.Interval):
        raise UnsupportedError(
            f"strictly_increasing: {interval} is not an interval (unions are refused)"
        )
    if isinstance(where, Context):
        ctx, (expr,), (plain,) = _claim(where, [expr], [var])
    else:
        where = where_mapping(where)
        if var in where:
            raise UnsupportedError(
                f"{var} is the variable of the function: its range is the interval, not "
                "an entry of where="
            )
        ctx, (expr,), (plain,) = _claim({**where, var: interval}, [expr], [var])
        ctx = ctx.without(plain)
    statement = StrictlyIncreasing(expr, plain, interval)
    with _claimed(ctx, statement):
        theorem = monotonicity.prove_strictly_increasing(ctx, expr, plain, interval)
        return _as_asked(theorem, ctx, statement)


def equal(lhs, rhs, where=None):
    """Prove ``lhs = rhs``: logs of positive products and powers expanded, sums split, then ring
    normalization."""
    ctx, (lhs, rhs), _ = _claim(where, [_expr(lhs, "lhs"), _expr(rhs, "rhs")])
    with _claimed(ctx, Equal(lhs, rhs)):
        return _as_asked(normal_form.prove_equal(ctx, lhs, rhs), ctx, Equal(lhs, rhs))


def quantities(over):
    """`over` as a tuple of the quantities an optimization varies (one, or a list of them):
    symbols, IndexedBases or undefined functions."""
    over = tuple(over) if isinstance(over, (list, tuple, set, frozenset)) else (over,)
    for quantity in over:
        if not isinstance(quantity, (sp.Symbol, sp.IndexedBase, sp.FunctionClass)):
            raise RuleApplicationError(
                f"'over' must list symbols, IndexedBases or undefined functions, not {quantity!r}"
            )
    return over


def same_optimizers(f, g, over, where=None, senses=("max", "min")):
    """Prove arg-senses[0] of f equals arg-senses[1] of g, as sets, over the quantities in `over`.

    When f is provably positive its log may be taken; then constants c, d free of `over` with
    (log) f = c·g + d are sought, the identity proved, the sign of c shown, and the rules chained.
    Else g = h(f) (or f = h(g)) for an h free of `over` that is strictly increasing on the values
    of f, for one sense (argmin θ = argmin θ³, argmax L = argmax √L), or strictly decreasing, for
    opposite senses (argmax L = argmin of the perplexity L^(−1/n), argmin of a loss = argmax of
    1/(1 + loss)).
    """
    over = quantities(over)
    if not over:
        raise RuleApplicationError("'over' names no quantity: list what the optimization varies")
    if not isinstance(senses, (list, tuple)) or len(senses) != 2 or any(
            s not in ("max", "min") for s in senses):
        raise RuleApplicationError(f"senses must be a pair of 'max'/'min', got {senses!r}")
    ctx, (f, g), over = _claim(where, [_expr(f, "f"), _expr(g, "g")], over)
    statement = SameOptimizers(f, senses[0], g, senses[1], over)
    with _claimed(ctx, statement):
        # a false claim is refused before the slower ways are tried
        theorem = optimizers.same_optimizers(ctx, f, g, over, tuple(senses),
                                             lambda: _counterexample(ctx, statement, points=6))
        return _as_asked(theorem, ctx, statement)
