"""Claims about a quantity that takes a few values, proved value by value: y² = y and
p^y (1 − p)^(1 − y) = yp + (1 − y)(1 − p) for a label y ∈ {0, 1}, y log p + (1 − y) log(1 − p) < 0.

For a symbol y whose range is a finite set of at most MOST_VALUES numbers, each value c is a case
y ∈ {c}, where y = c (`equal_of_singleton`) rewrites the claim into one without y; the caller's
prover shows that one, and the kernel joins the cases (`by_cases`).  An entry y_i of a family of
labels is a value of such a symbol: the claim is proved for a fresh t ranging over the labels and
instantiated at t = y_i (`instantiate`).  Imports the kernel and the positivity rules only: the
prover is the caller's.
"""

import functools
import math

import sympy as sp

from ..errors import ProofError, SideConditionError
from ..kernel import POSITIVE_REALS, Context, free_vars
from ..kernel import rules as K
from ..kernel.terms import bound_vars, fresh, is_definition, mentions, names
from .positivity import congruence, prove_member

# a range of more values is left alone: each value costs the caller's prover once more
MOST_VALUES = 8
# a claim split into more cases (values of several symbols together) is left alone
MOST_CASES = 2 * MOST_VALUES


def finite_symbols(context, *exprs):
    """The symbols of `exprs` the context ranges over a finite set of at most MOST_VALUES
    numbers, in a fixed order."""
    found = set().union(*(sp.sympify(expr).free_symbols for expr in exprs))
    return [var for var in sorted(found, key=str) if type(var) is sp.Symbol
            and type(context.lookup(var)) is sp.FiniteSet
            and len(context.lookup(var).args) <= MOST_VALUES]


def cases_of(context, quantities):
    """How many cases splitting each of `quantities` into its values makes."""
    return math.prod(len(context.lookup(quantity).args) for quantity in quantities)


def finite_entries(context, *exprs):
    """The entries p[e] of `exprs` whose family the context ranges over a finite set of at most
    MOST_VALUES numbers, e free there (no index of a sum around it), in a fixed order."""
    exprs = [sp.sympify(expr) for expr in exprs]
    bound = set().union(*map(bound_vars, exprs))
    found = set().union(*(expr.atoms(sp.Indexed) for expr in exprs))
    return [entry for entry in sorted(found, key=str) if not free_vars(entry) & bound
            and type(context.lookup(entry)) is sp.FiniteSet
            and len(context.lookup(entry).args) <= MOST_VALUES]


def through_symbol(context, entry, prove_general, *exprs):
    """Γ ⊢ J(entry) from Γ, t ∈ S ⊢ J(t), where S is the entry's range and t a symbol no name in
    the context or `exprs` takes: `prove_general(context with t, t)` proves J(t), the kernel
    instantiates it."""
    exprs = [sp.sympify(expr) for expr in exprs]
    if any(is_definition(node) and mentions(node, entry.base)
           for expr in exprs for node in sp.preorder_traversal(expr)):
        raise SideConditionError(f"{entry.base} occurs inside a definition, where {entry} cannot "
                                 "be set to each of its values")
    taken = set(context.names).union(*map(names, exprs))
    t = fresh(sp.Symbol("t"), taken)
    general = prove_general(context.merged(Context({t: context.lookup(entry)})), t)
    return K.instantiate(general, t, prove_member(context, entry))


def by_values(context, var, prove_case):
    """Γ ⊢ J from Γ, y ∈ {c} ⊢ J for each value c of y's finite range: `prove_case(case, term)`
    returns the case's theorem, where `term(e)` is Γ, y ∈ {c} ⊢ e = e[y := c] (its evaluation's
    changed conditions shown by intervals).  Raises the first case's ProofError."""
    rest = context.without(var)

    def on_value(value):
        case = rest.merged(Context({var: sp.FiniteSet(value)}))
        equal = K.equal_of_singleton(K.member_context(case, var))

        def term(expr):
            rewritten = congruence(case, equal, expr)
            if var in free_vars(rewritten.statement.rhs):  # each case would be the claim again
                raise SideConditionError(f"{var} occurs inside a definition in {expr}, where a "
                                         "case cannot set its value: claim it of the body")
            return rewritten
        return prove_case(case, term)

    return functools.reduce(lambda one, other: K.by_cases(one, other, var),
                            map(on_value, context.lookup(var).args))


def through_values(context, fact, target, narrow):
    """`fact` (Γ ⊢ g ∈ S) moved into `target` value by value of a symbol of g that takes a few
    values (y log p + (1 − y) log(1 − p) < 0 for y ∈ {0, 1}: log(1 − p) < 0 and log p < 0), each
    value's g bounded by `narrow` (the engine's other routes); None when a value's is not."""
    g = fact.statement.expr
    variables, entries = finite_symbols(context, g), finite_entries(context, g)
    if not variables and not entries or cases_of(context, variables + entries) > MOST_CASES:
        return None

    def on_value(case, term):
        equal = term(g)
        bound = narrow(case, prove_member(case, equal.statement.rhs), target)
        return K.member_widen(K.member_of_equal(equal, bound), target)

    def general(extended, t):  # an entry y_i as a symbol t ranging over the labels
        return by_values(extended, t, lambda case, term: on_value(case, lambda expr: term(
            expr.xreplace({entries[0]: t}))))
    try:
        if variables:
            return by_values(context, variables[0], on_value)
        proved = through_symbol(context, entries[0], general, g)
    except ProofError:
        return None
    return proved if proved.statement.expr == g else None


def positive_by_values(context, expr):
    """Γ ⊢ expr > 0 value by value of a symbol or label entry it mentions (y p + (1 − y)(1 − p) >
    0: p at y = 1, 1 − p at y = 0), each value's term by intervals; None when a value's is not."""
    try:
        fact = prove_member(context, expr)
    except ProofError:
        return None
    return through_values(context, fact, POSITIVE_REALS, lambda case, value, target: value)
