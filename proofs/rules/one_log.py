"""A difference of logs and other terms written as one log, which the engine's routes then bound:
log-sum-exp above the mean, log(eᵃ + eᵇ) − (a + b)/2 = log(e^((a−b)/2) + e^((b−a)/2)) ≥ 0.

`bounds.through_rewriting` bounds the one-log form g·log A of e − c (`bounds._as_one_log`: the
logs' rational coefficients gathered, the other terms as a log of an exponential) by intervals
alone, which see no more than A > 0 in e^((a−b)/2) + e^((b−a)/2).  Here that form is narrowed by
the other routes to one side of 0 (log A ≥ 1 − 1/A, `tangents`, here), and the kernel adds c
(`member_add`) and meets the sum with e (`member_of_equal`, the normal form proving e =
c ± g·log A).  Mathlib `Real.log_nonneg`; Coq `ln_ge_0`.  Imports the kernel and the rules it
builds on only.
"""

import contextvars

import sympy as sp

from ..kernel.language import is_subset
from .bounds import _as_one_log
from .halflines import at_missed_ends
from .positivity import prove_member

MOST_OPERATIONS = 60  # a longer difference is left to the other routes

# set while a one-log form is narrowed: its own logs are the other routes'
_WITHIN = contextvars.ContextVar("within_one_log", default=False)


def through_one_log(context, fact, target, narrow):
    """`fact` (Γ ⊢ e ∈ S) narrowed into `target` at each end c that S misses, where ±(e − c) is
    written as one log g·log A that `narrow` (the engine's other routes) shows on the side of 0
    that end needs; else None."""
    expr = fact.statement.expr
    if _WITHIN.get() or not expr.has(sp.log) or sp.count_ops(expr) > MOST_OPERATIONS:
        return None
    return at_missed_ends(context, fact, target, lambda difference, strictly:
                          _as_narrowed_log(context, difference, strictly, narrow), _WITHIN)


def _as_narrowed_log(context, difference, strictly, narrow):
    """Γ ⊢ g·log A ∈ S ⊆ [0, ∞) ((0, ∞) `strictly`) for a one-log form of `difference`, narrowed
    by `narrow`; or None."""
    wanted = sp.Interval(0, sp.oo, strictly, True)
    for form in _as_one_log(difference):
        narrowed = narrow(context, prove_member(context, form, sides=True), wanted)
        if is_subset(narrowed.statement.set, wanted):
            return narrowed
    return None
