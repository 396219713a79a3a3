"""Claims about a quantity that takes a few values, proved value by value: y² = y and
p^y (1 − p)^(1 − y) = yp + (1 − y)(1 − p) for a label y ∈ {0, 1}, y log p + (1 − y) log(1 − p) < 0.

For a symbol y whose range is a finite set of at most MOST_VALUES numbers, each value c is a case
y ∈ {c}, where y = c (`equal_of_singleton`) rewrites the claim into one without y; the caller's
prover shows that one, and the kernel joins the cases (`by_cases`).  Imports the kernel and the
positivity rules only: the prover is the caller's.
"""

import functools

import sympy as sp

from ..kernel import Context
from ..kernel import rules as K
from .positivity import prove_needs

# a range of more values is left alone: each value costs the caller's prover once more
MOST_VALUES = 8


def finite_symbols(context, *exprs):
    """The symbols of `exprs` the context ranges over a finite set of at most MOST_VALUES
    numbers, in a fixed order."""
    found = set().union(*(sp.sympify(expr).free_symbols for expr in exprs))
    return [var for var in sorted(found, key=str) if type(var) is sp.Symbol
            and type(context.lookup(var)) is sp.FiniteSet
            and len(context.lookup(var).args) <= MOST_VALUES]


def by_values(context, var, prove_case):
    """Γ ⊢ J from Γ, y ∈ {c} ⊢ J for each value c of y's finite range: `prove_case(case, term)`
    returns the case's theorem, where `term(e)` is Γ, y ∈ {c} ⊢ e = e[y := c] (its evaluation's
    changed conditions shown by intervals).  Raises the first case's ProofError."""
    rest = context.without(var)

    def on_value(value):
        case = rest.merged(Context({var: sp.FiniteSet(value)}))
        equal = K.equal_of_singleton(K.member_context(case, var))

        def term(expr):
            changed = K.rewritten(equal.statement, expr)[1]
            facts = prove_needs(case, sorted(changed, key=str)) if changed else ()
            return K.congruence(equal, expr, facts)
        return prove_case(case, term)

    return functools.reduce(lambda one, other: K.by_cases(one, other, var),
                            map(on_value, context.lookup(var).args))
