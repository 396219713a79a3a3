"""Absolute values bounded by their two lines, |t| ≥ t and |t| ≥ −t: the triangle inequality.

|a| + |b| − |a + b| is only known to be real term by term.  An absolute value subtracted,
s − |t|, is the lesser of s − t and s + t, so it is ≥ c where both are (`abs_le`): here
|a| + |b| − (a + b) and |a| + |b| + (a + b).  An absolute value added is at least either line:
|a| + |b| − (a + b) = (|a| − a) + (|b| − b) + 0, each bracket ≥ 0 by the other routes (cases on a's
sign), and what is left, the term with each |t| replaced by the line chosen (here 0), is bounded
by the other routes.  So |a + b| ≤ |a| + |b|, |a| − |b| ≤ |a − b|, |x − y| ≤ |x − z| + |z − y|, and
log(e^a + e^b) ≥ max(a, b) written (a + b + |a − b|)/2 (log-sum-exp above each of its terms).

An upper bound e ≤ c is sought as −e ≥ −c.  Each absolute value subtracted is taken out in turn, at
most MOST_ABS deep; the lines of those added are tried in every choice of sign, or 0 for |t| ≥ 0,
at most 3^MOST_LINES.  Imports the kernel and the rules it builds on only.
"""

import contextvars
import itertools

import sympy as sp

from ..errors import ProofError
from ..kernel import hull
from ..kernel import rules as K
from ..kernel.language import is_subset
from ..kernel.terms import fresh
from .halflines import by_lower_bound, member_as
from .positivity import extended, prove_member

MOST_ABS = 3  # absolute values taken out one inside the other (each doubles the goals)
MOST_LINES = 3  # absolute values added whose lines are chosen (each triples the tries)
_DEPTH = contextvars.ContextVar("abs_depth", default=0)
_GENERALS = contextvars.ContextVar("abs_generals", default=None)
NONNEGATIVE = sp.Interval(0, sp.oo)


def through_abs_lines(context, fact, target, narrow):
    """`fact` (Γ ⊢ e ∈ S) moved into `target`, a half-line, by its absolute values' lines; None
    where e has none, a coefficient is not a number, or a goal is not met by `narrow` (the
    engine's other routes)."""
    expr = fact.statement.expr
    if not expr.atoms(sp.Abs):
        return None
    # |u| ∓ u ≥ 0 for every real u, shown once for the whole search (the goals' own searches too)
    token = _GENERALS.set({}) if _GENERALS.get() is None else None
    try:
        return by_lower_bound(context, expr, target,
                              lambda ctx, e, half: _lower(ctx, e, half, narrow), _DEPTH, MOST_ABS)
    except ProofError:
        return None
    finally:
        if token is not None:
            _GENERALS.reset(token)


def _lower(context, expr, target, narrow):
    """Γ ⊢ expr ∈ S ⊆ target (a lower half-line), or None."""
    added, subtracted = _abs_terms(expr)
    if subtracted:  # s − m|t| = m (s/m − |t|), s/m − |t| the lesser of s/m ∓ t
        coefficient, t = subtracted[0]
        wanted = hull(target)
        scaled = sp.Interval(wanted.lo / coefficient, sp.oo, wanted.lo_open, True)
        s = expr / coefficient + sp.Abs(t)
        goals = [narrow(context, prove_member(context, s - t, sides=True), scaled),
                 narrow(context, prove_member(context, s + t, sides=True), scaled)]
        if not all(is_subset(goal.statement.set, scaled) for goal in goals):
            return None
        fact = K.abs_le(*goals, t)
        if coefficient != 1:  # (a number's factor: sympy multiplies it into each term)
            fact = K.member_mul(prove_member(context, coefficient), fact)
        return member_as(context, expr, fact, target)
    if not added or len(added) > MOST_LINES:
        return None
    # each |t| by a line, t or −t, or by 0 where neither is needed (|a + b| ≤ |a| + |b| + |c|);
    # each bracket c(|t| − s t) ≥ 0 shown once, whichever choices it takes part in
    brackets = {}
    for signs in itertools.product((1, -1, 0), repeat=len(added)):
        fact = _by_lines(context, expr, added, signs, target, narrow, brackets)
        if fact is not None:
            return fact
    return None


def _by_lines(context, expr, added, signs, target, narrow, brackets):
    """expr = Σ c_k (|t_k| − s_k t_k) + rest (s_k = 1, −1 or 0), each bracket ≥ 0 and rest in
    target by `narrow`; `brackets` keeps each bracket's fact (or None) once shown."""
    rest = expr
    pieces = []
    for (coefficient, t), sign in zip(added, signs):
        if (t, sign) not in brackets:
            brackets[(t, sign)] = _bracket(context, coefficient, t, sign, narrow)
        if brackets[(t, sign)] is None:
            return None
        pieces.append(brackets[(t, sign)])
        rest = rest - coefficient * (sp.Abs(t) - sign * t)
    total = narrow(context, prove_member(context, sp.expand(rest), sides=True), target)
    for piece in pieces:
        total = K.member_add(total, piece)
    return member_as(context, expr, total, target)


def _bracket(context, coefficient, t, sign, narrow):
    """Γ ⊢ c(|t| − sign·t) ∈ [0, ∞), or None where not shown."""
    piece = narrow(context, prove_member(context, sp.Abs(t) - sign * t, sides=True), NONNEGATIVE)
    if hull(piece.statement.set).lo < 0 and sign != 0:
        piece = _line_at(context, t, sign, narrow)  # |Y₁| − Y₁: no symbol to split on
    if piece is None or hull(piece.statement.set).lo < 0:
        return None
    return K.member_mul(prove_member(context, coefficient), piece)


def _line_at(context, t, sign, narrow):
    """Γ ⊢ |t| − sign·t ∈ [0, ∞) from |u| − sign·u ≥ 0 for every real u (shown once per context,
    for a u fresh there, by the other routes: cases on u's sign) used at u = t; None where not
    shown."""
    generals = _GENERALS.get()
    key = (tuple(context.entries), sign)
    if key not in generals:
        u = fresh(sp.Symbol("u"), set(context.names))
        general = extended(context, u, sp.S.Reals)
        at_u = narrow(general, prove_member(general, sp.Abs(u) - sign * u, sides=True),
                      NONNEGATIVE)
        generals[key] = (u, K.member_widen(at_u, NONNEGATIVE)) if is_subset(
            at_u.statement.set, NONNEGATIVE) else None
    if generals[key] is None:
        return None
    u, at_u = generals[key]
    return K.instantiate(at_u, u, prove_member(context, t))


def _abs_terms(expr):
    """([(c, t)] for the terms c·|t| of expr with a number c > 0; the same with c < 0, as (−c, t)),
    each t's absolute value once."""
    added, subtracted = [], []
    for term in sp.Add.make_args(expr):
        coefficient, rest = term.as_coeff_Mul()
        if isinstance(rest, sp.Abs) and coefficient != 0:
            (added if coefficient > 0 else subtracted).append((abs(coefficient), rest.args[0]))
    return added, subtracted

