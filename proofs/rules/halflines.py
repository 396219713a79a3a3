"""A bound on one side, as the routes that compare terms build it (absolute values' lines, square
roots by their squares): a lower bound found directly, an upper bound e ≤ c as −e ≥ −c; a bound
found on a rearranged form stated as the claim's term.  Imports the kernel and the rules it builds
on only."""

import sympy as sp

from ..errors import ProofError
from ..kernel import hull
from ..kernel import rules as K
from ..kernel.language import is_subset
from .normal_form import prove_equal
from .positivity import met, prove_member


def by_lower_bound(context, expr, target, lower, depth, most):
    """Γ ⊢ expr ∈ S ⊆ target (a half-line) from `lower(context, e, half_line)`, which gives
    Γ ⊢ e ∈ S ⊆ half_line (a lower one) or None: e ≤ c as −e ≥ −c, then −1 · (−e).  `depth` (a
    context variable) counts the calls in progress, at most `most` (a route whose goals reach
    it again)."""
    wanted = hull(target)
    if wanted.lo.is_finite == wanted.hi.is_finite or depth.get() >= most:
        return None
    token = depth.set(depth.get() + 1)
    try:
        if wanted.lo.is_finite:
            return lower(context, expr, target)
        flipped = sp.Interval(-wanted.hi, sp.oo, wanted.hi_open, True)
        negated = lower(context, -expr, flipped)
        if negated is None:
            return None
        fact = K.member_mul(prove_member(context, sp.S.NegativeOne), negated)
        return member_as(context, expr, fact, target)
    finally:
        depth.reset(token)


def member_as(context, expr, fact, target):
    """`fact` (Γ ⊢ e′ ∈ S) as a fact about expr (e′ = expr by the normal form), or None where S
    misses target: a route's bound, built on a rearranged form, stated as the claim's term."""
    if not is_subset(fact.statement.set, target):
        return None
    if fact.statement.expr != expr:
        fact = K.member_of_equal(prove_equal(context, expr, fact.statement.expr), fact)
    return fact


def at_missed_ends(context, fact, target, gap, within):
    """`fact` (Γ ⊢ e ∈ S) met, at each finite end c of `target` that S misses, with e = c + g
    (a lower end) or c − g (an upper one), from `gap(d, strictly)`: Γ ⊢ g ∈ [0, ∞) ((0, ∞)
    `strictly`, where target is open at c) for a form g of the difference d = ±(e − c), which
    the normal form proves equal (`member_as`); None where one end is not met.  The ends are
    tried in turn on the fact as met so far.  `within`: the route's context variable, set while
    `gap` runs (a route's goals are the other routes', not its own again)."""
    token = within.set(True)
    try:
        return _at_missed_ends(context, fact, target, gap)
    except ProofError:
        return None
    finally:
        within.reset(token)


def _at_missed_ends(context, fact, target, gap):
    expr, wanted = fact.statement.expr, hull(target)
    for end, sign, is_open in ((wanted.lo, 1, wanted.lo_open), (wanted.hi, -1, wanted.hi_open)):
        half = (sp.Interval(end, sp.oo, is_open, True) if sign > 0 else
                sp.Interval(-sp.oo, end, True, is_open))
        if not end.is_finite or is_subset(fact.statement.set, half):
            continue
        shown = gap(sign * (expr - end), is_open)
        if shown is None:
            return None
        total = K.member_add(prove_member(context, end),
                             K.member_mul(prove_member(context, sp.Integer(sign)), shown))
        shown = member_as(context, expr, total, half)
        if shown is None:
            return None
        fact = met(fact, shown)
    return fact
