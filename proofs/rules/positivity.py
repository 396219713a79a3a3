"""Ranges and positivity: prove ``Γ ⊢ e ∈ S`` by structural recursion over e (imports the
kernel only).

Numbers and context entries are the leaves; sums, products, powers, logs, finite sums and products
and definitions are combined by the kernel's interval rules, which are exact on rational endpoints.
"""

import functools

import sympy as sp
from sympy.core.function import AppliedUndef

from ..errors import ProofError, RuleApplicationError, SideConditionError
from ..kernel import POSITIVE_REALS, Context, Defined, Need, free_vars, hull, needs
from ..kernel import rules as K
from ..kernel.language import IndexRange, index_values_hull
from ..kernel.functions import TABLE
from ..kernel.terms import BINDERS, DefinedEntry, inner_binder


def prove_member(context, expr, sides=False):
    """Γ ⊢ expr ∈ S for the tightest S the interval rules give; raises SideConditionError when none
    applies.  `sides`: a real power of a positive base keeps the base's side of 1 where the
    exponent is shown >= 0 (p^y ∈ (0, 1]); asked only for a range the sign does not give, so
    that a positivity argument states the sign alone."""
    return _member(context, sp.sympify(expr), sides)


@functools.lru_cache(maxsize=4096)  # one key per (context, term, sides): a fact is proved once
def _member(context, expr, sides):
    def member(arg):
        return _member(context, arg, sides)

    if any(isinstance(real_set, IndexRange) and var in free_vars(expr)
           for var, real_set in context.entries):
        try:  # n − j + 1 ≥ 1 for j ∈ {1, …, n}
            return K.member_index_range(context, expr)
        except ProofError:
            pass
    if isinstance(expr, Defined):
        return K.member_of_equal(K.unfold(context, expr), member(expr.body))
    if isinstance(expr, DefinedEntry):
        unfolded = K.unfold(context, expr)
        return K.member_of_equal(unfolded, member(unfolded.statement.rhs))
    if expr.is_Rational or expr.is_NumberSymbol or type(expr) is sp.Symbol:
        return K.member_context(context, expr)
    if isinstance(expr, (sp.Indexed, AppliedUndef)):
        arguments = expr.indices if isinstance(expr, sp.Indexed) else expr.args
        facts = [prove_member(context, arg) for arg in arguments if needs(arg)]
        return K.member_context(context, expr, facts)
    if isinstance(expr, (sp.Add, sp.Mul)):
        combine = K.member_add if isinstance(expr, sp.Add) else K.member_mul
        facts = [member(arg) for arg in expr.args]
        fact = functools.reduce(combine, facts)
        if fact.statement.expr != expr:  # the number last: sympy spreads −1·(1 − p) into
            # p − 1 as it builds, so −(1 − p)·log(1 − p) built from the left is not the one
            # asked for
            numbers = [f for f, arg in zip(facts, expr.args) if arg.is_Number]
            fact = functools.reduce(combine, [f for f in facts if f not in numbers] + numbers)
        return fact
    if isinstance(expr, sp.Pow):
        return K.member_pow(member(expr.base), member(expr.exp), sides)
    if type(expr) in TABLE:
        return K.member_function(member(expr.args[0]), type(expr))
    if isinstance(expr, sp.binomial):
        top, bottom = (prove_member(context, arg) for arg in expr.args)
        try:  # C(n, k) > 0 needs n − k a count too
            rest = prove_member(context, sp.expand(expr.args[0] - expr.args[1]))
            return K.member_binomial(top, bottom, rest)
        except ProofError:
            return K.member_binomial(top, bottom)
    if isinstance(expr, BINDERS):
        (var, lo, hi), inner = inner_binder(expr)
        bounds = prove_needs(context, sorted(needs(lo) | needs(hi), key=str))
        index_range = ()
        try:
            body = member(inner)
        except SideConditionError as error:
            # at the values the index takes: i ∈ ℕ for Σ_{i=1}^{n} 1/i with n ∈ ℕ
            body, index_range = _body_at_index_values(context, var, lo, hi, inner, sides, error)
        else:
            body, index_range = _tighter_at_index_values(context, var, lo, hi, inner, sides, body)
        if isinstance(expr, sp.Product) and not hull(body.statement.set).is_positive():
            body = _positive_by_values(context, inner) or body
        return K.member_binder(
            body,
            expr,
            prove_member(context, sp.expand(hi - lo + 1)),
            bounds,
            index_range,
        )
    raise SideConditionError(
        f"no rule gives the range of {expr} (only +, *, powers, the functions of the table, "
        "finite sums and products of quantities with known ranges)"
    )


def extended(context, var, real_set):
    """The context with `var` ranging over `real_set` (var must be new there)."""
    if context.lookup(var) is not None:
        raise SideConditionError(f"{var} is already constrained by the context")
    return Context(dict(context.entries) | {var: real_set})


def _body_at_index_values(context, var, lo, hi, inner, sides, error):
    """(Γ, i ∈ S ⊢ body ∈ I, the facts about the bounds a and b that give S): S the values from the
    least of a to the greatest of b, integers where a is one, or i ∈ {a, …, b} as the sum states
    them (no facts then); `error` (the body for every real i) explained where the bounds' ranges
    are unknown or the body is not shown at those values.  S's fact where positive, else the
    one at i ∈ {a, …, b} where shown and within it (C(n, i) ≥ 0 for i ∈ ℕ, > 0 for i ≤ n)."""
    def refused(reason):
        return SideConditionError(f"{error} ({var} is the index of a sum or product from {lo} to "
                                  f"{hi}; {reason})")
    try:
        ends = prove_member(context, lo), prove_member(context, hi)
    except SideConditionError:
        raise refused("the ranges of its bounds are not known") from None
    ranged = index_range_context(context, var, ends)
    if ranged is None:
        raise refused("its values are not known")
    fact = None
    try:
        fact = _member(ranged, inner, sides)
    except SideConditionError as at_values:
        reason = at_values
    else:
        if hull(fact.statement.set).is_positive():
            return fact, ends
    relational = at_index_values(context, var, lo, hi)
    if relational is not None:
        try:  # at i = a, …, b as the sum states them: (1 − p)^(n − k) for k ≤ n
            stated = _member(relational, inner, sides)
            if fact is None or hull(stated.statement.set).within(hull(fact.statement.set)):
                return stated, ()
        except (SideConditionError, RuleApplicationError):
            pass  # a rule refusing the index's range (its bounds mention an index outside it)
    if fact is not None:
        return fact, ends
    raise SideConditionError(f"{reason} (for {var} in {ranged.lookup(var)}, the values the index "
                             f"of the sum or product from {lo} to {hi} takes)") from None


def _counted_by(inner, var):
    """Whether the index occurs in the body other than as a label's subscript or argument: its
    values then bound the body's (∏_{i=1}^{n} i), where in Σ y_i they say nothing of y_i."""
    if isinstance(inner, (sp.Indexed, AppliedUndef)):
        return False
    if inner == var:
        return True
    return any(_counted_by(arg, var) for arg in inner.args)


def _tighter_at_index_values(context, var, lo, hi, inner, sides, body):
    """(the body's fact, the facts about the bounds it needs): the fact for every real i where it
    is positive or the index only labels quantities, else the one at the values the index takes
    when that is tighter (i ≥ 1 in ∏_{i=1}^{n} i, C(n, i) > 0 for i = 0, …, n)."""
    if hull(body.statement.set).is_positive() or not _counted_by(inner, var):
        return body, ()
    try:
        tighter, index_range = _body_at_index_values(context, var, lo, hi, inner, sides, None)
    except ProofError:
        return body, ()
    if hull(tighter.statement.set).within(hull(body.statement.set)):
        return tighter, index_range
    return body, ()


def positive_at_index_values(context, product):
    """(Γ, i ∈ S ⊢ f(i) > 0, the facts about the bounds S needs) for ∏_{i=a}^{b} f(i) with a single
    index and a count b − a + 1 ≥ 0, f shown positive only at the values i takes
    (log ∏_{i=1}^{n} i), or None."""
    if len(product.limits) != 1:
        return None
    (var, lo, hi), inner = inner_binder(product)
    try:
        # a range never reversed: where it may be (Σ_{i=1}^{m} for m ∈ ℤ), sympy reads both
        # sides by Karr's convention, over i = m + 1, …, 0, where the factors are not shown
        # positive (the kernel reads them undefined)
        count = hull(prove_member(context, sp.expand(hi - lo + 1)).statement.set)
        if not (count.integer and count.lo >= 0):
            return None
        fact, index_range = _body_at_index_values(context, var, lo, hi, inner, False, None)
    except ProofError:
        return None
    return (fact, index_range) if hull(fact.statement.set).is_positive() else None


def at_index_values(context, var, lo, hi):
    """Γ, i ∈ {a, …, b}: the values the index of Σ_{i=a}^{b} takes, as the sum states them
    (`IndexRange`, which `member_binder` and `binder_congruence` accept for the sum's own
    limits); None where Γ speaks of i already, or a range there mentions it."""
    if context.lookup(var) is not None or var in context.mentioned():
        return None
    return Context(dict(context.entries) | {var: IndexRange(lo, hi)})


def index_range_context(context, var, ends):
    """Γ, i ∈ S for the index i of a sum or product whose bounds the facts `ends` are about: S the
    values from the least of a to the greatest of b, integers where a is one (what `member_binder`
    and `binder_congruence` accept); None where the bounds mention i, Γ constrains it already, or
    the range is empty."""
    lo, hi = (end.statement.expr for end in ends)
    values = index_values_hull(*(hull(end.statement.set) for end in ends))
    if values.lo > values.hi or var in free_vars(lo) | free_vars(hi) or \
            context.lookup(var) is not None:
        return None
    return extended(context, var, values.as_set())


def _positive_by_values(context, factor):
    """Γ ⊢ factor > 0 value by value of a label it mentions (∏ (y_i p + (1 − y_i)(1 − p)): p at
    y_i = 1, 1 − p at y_i = 0), or None.  Imported here, not at the top: the value splits prove
    each value's range with this module's `prove_member`."""
    from .finite_cases import positive_by_values

    return positive_by_values(context, factor)


def congruence(context, th, target):
    """`K.congruence`, supplying the facts the kernel asks for when sympy's evaluation of the
    rewritten term changes where it is defined (a cancelled log, x/x → 1)."""
    changed = K.rewritten(th.statement, target)[1]
    return K.congruence(th, target,
                        prove_needs(context, sorted(changed, key=str)) if changed else ())


def prove_needs(context, conditions):
    """Member facts for the definedness conditions (expr, Need, scope) a kernel rule asks: positive,
    nonzero, an integer, or merely defined; a condition under a sum over a few integers, at each
    of them when not for every real index (k! in Σ_{k=0}^{2} 1/k!: 0!, 1! and 2!)."""
    facts = []
    for expr, need, scope in conditions:
        try:
            facts.extend(_needs(context, [(expr, need, scope)]))
        except SideConditionError:
            values = K.index_values(expr, scope)  # the terms the kernel takes it at, if any
            if values is not None:
                facts.extend(_needs(context, [(value, need, ()) for value in values]))
                continue
            witness = _witness(expr, need, scope)
            if witness is None:
                raise
            try:  # a sum over the scope of a term that needs it, shown defined as a whole
                facts.append(prove_member(context, witness))
            except ProofError:
                raise SideConditionError(f"cannot show {expr} {need.value} at each value of "
                                         f"{', '.join(str(v) for v, _, _ in scope)}") from None
    return facts


# a term that needs its argument to meet each Need: a sum of it over a condition's scope is
# defined exactly where the condition holds at each value of the scope's indices
_NEEDING = {Need.DEFINED: lambda e: e, Need.NONZERO: lambda e: 1 / e, Need.POSITIVE: sp.log,
            Need.COUNT: sp.factorial, Need.NONNEGATIVE: sp.sqrt}


def _witness(expr, need, scope):
    """Σ over `scope` (outermost first) of a term whose needs include (expr, need) there, or
    None (no scope, or sympy evaluates the term away)."""
    if not scope:
        return None
    term = _NEEDING[need](expr)
    witness = sp.Sum(term, *reversed(scope))
    return witness if (expr, need, tuple(scope)) in needs(witness) else None


def _needs(context, conditions):
    facts = []
    for expr, need, _ in conditions:
        if need is Need.POSITIVE:
            facts.append(prove_positive(context, expr))
            continue
        fact = prove_member(context, expr)
        h = hull(fact.statement.set)
        if need is Need.NONNEGATIVE and not h.lo >= 0:
            raise SideConditionError(
                f"cannot show {expr} >= 0: it is only known to lie in {fact.statement.set}"
            )
        if need is Need.NONZERO and not (h.is_positive() or h.is_negative()):
            raise SideConditionError(
                f"cannot show {expr} != 0: it is only known to lie in {fact.statement.set}"
            )
        if need is Need.COUNT and not (h.integer and h.lo >= 0):
            raise SideConditionError(
                f"cannot show {expr} is a count (an integer >= 0): it is only "
                "known to lie in "
                f"{fact.statement.set}"
            )
        facts.append(fact)
    return facts


def try_needs(context, conditions):
    """The facts `prove_needs` finds for those of the conditions it can show (the others are left to
    the kernel, which refuses if it needed them)."""
    facts = []
    for condition in sorted(conditions, key=str):
        try:
            facts.extend(prove_needs(context, [condition]))
        except ProofError:
            continue
    return facts


def unconstrained(context, expr):
    """The symbols, families and functions in expr that the context gives no range (they range over
    ℝ); a sum's or product's index is not one of them."""
    found = set()

    def walk(node, bound):
        if isinstance(node, Defined):
            walk(node.body, bound)
        elif isinstance(node, (sp.Indexed, AppliedUndef)):
            if context.lookup(node) is None:
                found.add(node.base if isinstance(node, sp.Indexed) else node.func)
            for arg in node.indices if isinstance(node, sp.Indexed) else node.args:
                walk(arg, bound)
        elif type(node) is sp.Symbol:
            if node not in bound and context.lookup(node) is None:
                found.add(node)
        elif isinstance(node, BINDERS):
            for part in node.args:
                walk(part, bound | {limit[0] for limit in node.limits})
        else:
            for arg in node.args:
                walk(arg, bound)

    walk(expr, frozenset())
    return found


def prove_positive(context, expr):
    """Γ ⊢ expr > 0, or SideConditionError saying which range could be shown instead."""
    try:
        fact = prove_member(context, expr)
    except ProofError as error:
        raise SideConditionError(f"cannot show {expr} > 0: {error}") from None
    if not hull(fact.statement.set).is_positive():
        free = sorted(map(str, unconstrained(context, expr)))
        hint = (
            f"; nothing is known about {', '.join(free)}: if the claim needs a range of "
            f"{'it' if len(free) == 1 else 'them'}, give it in where=" if free else ""
        )
        raise SideConditionError(
            f"cannot show {expr} > 0: it is only known to lie in {fact.statement.set}{hint}"
        )
    return fact if fact.statement.set == POSITIVE_REALS else K.member_widen(fact, POSITIVE_REALS)


def met(fact, narrower):
    """Two facts about one term, Γ ⊢ e ∈ S and Γ ⊢ e ∈ T, as one: T's alone when T lies within S
    (a meet would add nothing: log 3 > 0 beside log 3 > 1), else their meet."""
    if hull(narrower.statement.set).within(hull(fact.statement.set)):
        return narrower
    return K.member_meet(fact, narrower)


def try_positive(context, expr):
    """`prove_positive` or None."""
    try:
        return prove_positive(context, expr)
    except ProofError:
        return None
