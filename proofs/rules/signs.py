"""A difference that factors, each factor's sign shown by the engine's routes: AM-GM for three
terms, a³ + b³ + c³ − 3abc = (a + b + c)(a² + b² + c² − ab − bc − ca) ≥ 0 for a, b, c ≥ 0.

`bounds.through_factors` bounds a factored difference by intervals alone, which see no sign in
a² + b² + c² − ab − bc − ca; here each factor of e − c (sympy's factor, a guess: the normal form
proves the product equal to the difference) is narrowed by the other routes to one side of 0
(its squares completed, here), and the kernel multiplies the signs (`member_mul`), adds c
(`member_add`) and meets the sum with e (`member_of_equal`).  Mathlib `mul_nonneg`,
`mul_nonneg_of_nonpos_of_nonpos`; Coq `Rmult_le_pos`.  Imports the kernel and the rules it builds
on only.
"""

import contextvars

import sympy as sp

from ..kernel import rules as K
from ..kernel.language import is_subset
from .halflines import at_missed_ends
from .monotonicity import costly_polynomial
from .positivity import prove_member

MOST_OPERATIONS = 60  # a longer difference is not given to sympy's factor, which grows with it
MOST_FACTORS = 4  # factors narrowed, each by the other routes

# set while a factor is narrowed: a factor of a factor is the other routes'
_WITHIN = contextvars.ContextVar("within_signs", default=False)


def through_factor_signs(context, fact, target, narrow):
    """`fact` (Γ ⊢ e ∈ S) narrowed into `target` at each end c that S misses, where e − c (or
    c − e) factors into at most MOST_FACTORS factors, each shown of one sign by `narrow` (the
    engine's other routes), with a product on the side that end needs; else None."""
    expr = fact.statement.expr
    if _WITHIN.get() or costly_polynomial(expr) or sp.count_ops(expr) > MOST_OPERATIONS:
        return None
    return at_missed_ends(context, fact, target, lambda difference, strictly:
                          _signed_product(context, difference, strictly, narrow), _WITHIN)


def _signed_product(context, gap, strictly, narrow):
    """Γ ⊢ ∏ f_k ∈ S ⊆ [0, ∞) ((0, ∞) `strictly`), the f_k gap's factors each narrowed to one
    side of 0, or None."""
    factored = sp.factor(gap)
    coefficient, factors = factored.as_coeff_mul()
    if not 2 <= len(factors) <= MOST_FACTORS:
        return None
    total = prove_member(context, coefficient)
    for factor in factors:
        signed = _one_side(context, factor, strictly, narrow)
        if signed is None:
            return None
        total = K.member_mul(total, signed)
    wanted = sp.Interval(0, sp.oo, strictly, True)
    return total if is_subset(total.statement.set, wanted) else None


def _one_side(context, factor, strictly, narrow):
    """Γ ⊢ factor ∈ S with S on one side of 0 (open there `strictly`), or None."""
    for side in (sp.Interval(0, sp.oo, strictly, True), sp.Interval(-sp.oo, 0, True, strictly)):
        fact = narrow(context, prove_member(context, factor, sides=True), side)
        if is_subset(fact.statement.set, side):
            return fact
    return None
