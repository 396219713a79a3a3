"""Logs bounded by their tangent lines: Gibbs' inequality and its kin.

The Kullback–Leibler divergence of two Bernoulli distributions,
p log(p/q) + (1 − p) log((1 − p)/(1 − q)), is only known to be real term by term; each log
taken for its tangent line, log w ≥ 1 − 1/w, leaves p(1 − q/p) + (1 − p)(1 − (1 − q)/(1 − p)),
which is 0.  So the divergence is ≥ 0, and the cross-entropy of q against p is at least p's
entropy, the textbook proof (Cover & Thomas, Theorem 2.6.3).

For a term e with terms c·log w (c·log a − c·log b read as c·log(a/b)), each is written by the
one tangent line log v ≤ v − 1, as the gap ψ(v) = v − 1 − log v ≥ 0, at v = w or at v = 1/w:

    c·log w = c·(w − 1) − c·ψ(w)               (log w ≤ w − 1), or
    c·log w = c·(1 − 1/w) + c·ψ(1/w)           (log w ≥ 1 − 1/w),

the one whose remainder ±c·ψ lies on the side of the bound sought (a lower end of e: c ≥ 0
takes the second, c ≤ 0 the first).  The fact ψ(u) ≥ 0 is proved for a new symbol u > 0 by the
engine's other routes and instantiated at u = v (`instantiate`); what is left, e with the logs
so replaced, is bounded by the other routes, and the kernel adds the pieces and meets the sum
with e (`member_add`, `member_mul`, `member_of_equal`).  Mathlib `Real.log_le_sub_one_of_pos`;
Coq (infotheo) `ln_id_cmp`.  Imports the kernel and the rules it builds on only.
"""

import contextvars

import sympy as sp

from ..errors import ProofError
from ..kernel import hull
from ..kernel import rules as K
from ..kernel.language import is_subset
from ..kernel.terms import fresh
from .monotonicity import costly_polynomial
from .normal_form import prove_equal
from .positivity import extended, prove_member

# more logs than this are left alone: each is a fact proved and multiplied in
MOST_LOGS = 6
# the tangent line log v ≤ v − 1 as a gap ≥ 0 at v > 0; log w ≥ 1 − 1/w is the same at v = 1/w (a
# gap log u − 1 + 1/u would not do: sympy writes 1/(p/q) as q/p, defined at other points)
def _gap(v):
    return v - 1 - sp.log(v)


# set while a tangent's own gap is bounded: the gap is a log beside its tangent line, which this
# route would take for that line again
_WITHIN = contextvars.ContextVar("within_tangents", default=False)


def through_tangents(context, fact, target, narrow):
    """`fact` (Γ ⊢ e ∈ S) moved into `target`, a half-line, by each log of e taken for its tangent
    line on the side that bound needs; None where e has no such log, a coefficient's sign or a log's
    argument's positivity is not shown, or what is left is not bounded by `narrow` (the engine's
    other routes)."""
    expr, wanted = fact.statement.expr, hull(target)
    if wanted.lo.is_finite == wanted.hi.is_finite or _WITHIN.get():
        return None
    logs, rest = _log_terms(expr)
    if not logs or len(logs) > MOST_LOGS:
        return None
    lower = bool(wanted.lo.is_finite)
    try:
        pieces, left = [], rest
        for coefficient, argument in logs:
            piece, remainder = _piece(context, coefficient, argument, lower, narrow)
            pieces.append(piece)
            left += remainder
        left = sp.expand(left)
        left = left if costly_polynomial(left) else sp.cancel(left)
        total = narrow(context, prove_member(context, left, sides=True), target)
        for piece in pieces:
            total = K.member_add(total, piece)
        if not is_subset(total.statement.set, target):
            return None
        return K.member_of_equal(prove_equal(context, expr, total.statement.expr), total)
    except ProofError:
        return None


def _log_terms(expr):
    """([(c, w)] for the terms c·log w of expr, a pair c·log a − c·log b read as c·log(a/b); the
    sum of the other terms)."""
    logs, rest = [], sp.S.Zero
    for term in sp.Add.make_args(expr):
        found = [factor for factor in sp.Mul.make_args(term) if isinstance(factor, sp.log)]
        if len(found) != 1 or term.has(sp.Sum, sp.Product):
            rest += term
            continue
        coefficient = sp.Mul(*(f for f in sp.Mul.make_args(term) if f is not found[0]))
        logs.append((coefficient, found[0].args[0]))
    paired = []
    while logs:
        coefficient, argument = logs.pop(0)
        other = next((k for k, (c, _) in enumerate(logs)
                      if sp.expand(c + coefficient) == 0), None)
        if other is not None:
            argument = argument / logs.pop(other)[1]
        paired.append((coefficient, argument))
    return paired, rest


def _piece(context, coefficient, argument, lower, narrow):
    """(Γ ⊢ ±c·gap(w) ∈ I, on the side of 0 that the bound sought needs; what c·log w leaves
    besides it)."""
    sign_known = hull(prove_member(context, coefficient).statement.set)
    nonnegative = bool(sign_known.lo >= 0)
    if not (nonnegative or sign_known.hi <= 0):
        raise ProofError(f"the sign of {coefficient} is not shown")
    # c·log w = c·(1 − 1/w) + c·gap(1/w) (w's line below) or c·(w − 1) − c·gap(w) (above)
    below = nonnegative == lower
    value, left, sign = (1 / argument, 1 - 1 / argument, 1) if below else \
        (argument, argument - 1, -1)
    u = fresh(sp.Symbol("u"), {str(s) for s in argument.free_symbols} | set(context.names))
    general = extended(context, u, sp.Interval.open(0, sp.oo))
    nonnegative_gap = sp.Interval(0, sp.oo)
    token = _WITHIN.set(True)
    try:
        at_u = narrow(general, prove_member(general, _gap(u), sides=True), nonnegative_gap)
    finally:
        _WITHIN.reset(token)
    at_u = K.member_widen(at_u, nonnegative_gap)
    at_value = K.instantiate(at_u, u, prove_member(context, value))
    scale = prove_member(context, sign * coefficient)
    return K.member_mul(scale, at_value), coefficient * left

