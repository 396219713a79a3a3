"""A quotient against a bound by its numerator: N/D ≤ c for D > 0 as N − cD ≤ 0.

The cosine of two vectors, Σ a_i b_i / (√(Σ a_i²) √(Σ b_i²)), is at most 1 because the numerator
is at most the denominator (the Cauchy–Schwarz inequality, which the other routes prove), and the
denominator is positive: e − c = (N − cD)/D, the gap N − cD bounded by the engine's other routes on
the side the bound needs, then multiplied by 1/D (`member_mul`), c added (`member_add`), and the
sum met with e by the normal form (`member_of_equal`); a lower end c alike, N − cD ≥ 0.  Mathlib
`div_le_iff₀` and `le_div_iff₀` (for D > 0, N/D ≤ c ↔ N ≤ cD); in Coq, Rmult_le_compat_r with
Rinv_0_lt_compat, the kernel's `member_mul` and `member_add` here.  Imports the kernel and the
rules it builds on only.
"""

import contextvars

import sympy as sp

from ..errors import ProofError
from ..kernel import hull
from ..kernel import rules as K
from ..kernel.language import is_subset
from .halflines import member_as
from .normal_form import has_roots
from .positivity import met, prove_member

# set while a gap is bounded: the gap is a numerator, which this route would split again
_WITHIN = contextvars.ContextVar("within_quotients", default=False)


def through_numerator(context, fact, target, narrow):
    """`fact` (Γ ⊢ e ∈ S) narrowed into `target` at each end c that S misses, where e over its
    common denominator is N/D with D a root or a product of roots shown positive, and `narrow`
    (the engine's other routes) bounds N − cD on the side that end needs; else None."""
    expr, wanted = fact.statement.expr, hull(target)
    if _WITHIN.get():
        return None
    numerator, denominator = sp.fraction(sp.together(expr))
    # a denominator of roots only: the cosine's √(Σ a_i²) √(Σ b_i²); a quotient of polynomials
    # is the other routes' (over its common denominator, factored)
    if not denominator.free_symbols or not has_roots(denominator):
        return None
    token = _WITHIN.set(True)
    try:
        below = prove_member(context, 1 / denominator)
        if not hull(below.statement.set).is_positive():
            return None
        for end, lower, is_open in ((wanted.lo, True, wanted.lo_open),
                                    (wanted.hi, False, wanted.hi_open)):
            half = (sp.Interval(end, sp.oo, is_open, True) if lower else
                    sp.Interval(-sp.oo, end, True, is_open))
            if not end.is_finite or is_subset(fact.statement.set, half):
                continue
            side = (sp.Interval(0, sp.oo, is_open, True) if lower else
                    sp.Interval(-sp.oo, 0, True, is_open))
            gap = sp.expand(numerator - end * denominator)
            bounded = narrow(context, prove_member(context, gap, sides=True), side)
            total = K.member_add(K.member_mul(bounded, below), prove_member(context, end))
            shown = member_as(context, expr, total, half)
            if shown is None:
                return None
            fact = met(fact, shown)
        return fact
    except ProofError:
        return None
    finally:
        _WITHIN.reset(token)
