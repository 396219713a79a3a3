"""A sum bounded term by term by the engine's routes: the Poisson deviance
Σ_i (y_i log(y_i/p_i) − y_i + p_i) ≥ 0, each term by the log's tangent line, at the values its
index takes.

Positivity bounds a sum's terms by intervals alone, which see no sign in y log(y/p) − y + p.
Here each term, at i ∈ {a, …, b} (`IndexRange`: the index's values as the sum states them), is
narrowed by the other routes to the side of 0 the claim needs, and the kernel sums the terms
(`member_binder`: terms ≥ 0 give a sum ≥ 0; terms > 0 and at least one of them a sum > 0), then
multiplies by a number in front (`member_mul`).  Mathlib `Finset.sum_nonneg`, `Finset.sum_pos`;
Coq `sum_nonneg` (of `Rlist`s: the prelude's `sum_f_R0` lemmas).  Imports the kernel and the rules
it builds on only.
"""

import sympy as sp

from ..errors import ProofError
from ..kernel import hull, needs
from ..kernel import rules as K
from ..kernel.language import is_subset
from ..kernel.terms import bound_vars, inner_binder
from .cases import for_new_variables
from .positivity import at_index_values, met, prove_member, prove_needs



def through_terms(context, fact, target, narrow):
    """`fact` (Γ ⊢ c·Σ_{i=a}^{b} f_i ∈ S, c a nonzero number) narrowed into `target`, a half-line
    at 0, where `narrow` (the engine's other routes) shows every term f_i on the side of 0 that
    target asks of the sum (the other side where c < 0); else None."""
    expr = fact.statement.expr
    coefficient, total = expr.as_coeff_Mul()
    if not isinstance(total, sp.Sum) or coefficient == 0:
        return None
    wanted = hull(target)
    if wanted.lo == 0 and wanted.hi == sp.oo:
        above, strictly = True, wanted.lo_open
    elif wanted.hi == 0 and wanted.lo == -sp.oo:
        above, strictly = False, wanted.hi_open
    else:
        return None
    above = above if coefficient > 0 else not above
    side = (sp.Interval(0, sp.oo, strictly, True) if above else
            sp.Interval(-sp.oo, 0, True, strictly))
    (var, lo, hi), body = inner_binder(total)  # of Σ_i Σ_j, the inner Σ_j its term
    at_values = at_index_values(context, var, lo, hi)
    if at_values is None:
        return None
    try:
        term = _term(at_values, body, side, narrow)
        if term is None:
            return None
        summed = K.member_binder(term, total, prove_member(context, sp.expand(hi - lo + 1)),
                                 prove_needs(context, sorted(needs(lo) | needs(hi), key=str)))
        if coefficient != 1:
            summed = K.member_mul(prove_member(context, coefficient), summed)
        return met(fact, summed)
    except ProofError:
        return None


def _term(context, body, side, narrow):
    """Γ ⊢ body ∈ S ⊆ `side` by `narrow`, or for every value of new variables standing for its
    entries and sums (e^{x_i} − 1 − x_i ≥ 0 as e^u − 1 − u ≥ 0 for every real u, at u = x_i: the
    routes that follow a function of one variable take symbols, not entries), or None."""
    term = narrow(context, prove_member(context, body, sides=True), side)
    if is_subset(term.statement.set, side):
        return term
    parts = _parts(body)
    if not parts:
        return None
    # the index may stay beside them: the claim is then for every u and every i the sum takes
    return for_new_variables(context, body, parts, lambda variables: variables, side, narrow,
                             apart=False)


def _parts(body):
    """The entries and the outermost sums of body that a new variable may stand for: not those of
    an inner sum's index, which are that sum's (Σ_k x_k² in the term is one part, x_k none)."""
    bound = bound_vars(body)
    sums = [node for node in sp.preorder_traversal(body) if isinstance(node, sp.Sum)
            and not node.free_symbols & bound]
    outermost = [total for total in sums if not any(other != total and other.has(total)
                                                     for other in sums)]
    entries = [entry for entry in body.atoms(sp.Indexed)
               if not entry.free_symbols & bound and not any(t.has(entry) for t in outermost)]
    return sorted(set(outermost) | set(entries), key=sp.default_sort_key)
