"""Jensen's inequality for a sum, by the tangent line at the mean: the log of the mean is at least
the mean of the logs, log((1/n) Σ_k y_k) ≥ (1/n) Σ_i log y_i.

Intervals see no sign in log m − (1/n) Σ_i log y_i (m the mean), nor do its terms log m − log y_i
have one.  But the terms of Σ_i (y_i − m) add up to 0, so the tangent line of the log at m may be
taken from each term: the claim is (1/n) Σ_i [log m + (y_i − m)/m − log y_i], and each term, the
gap between the log and its tangent line at m, is ≥ 0 (the sum term by term, `termwise`).

For a sum c·Σ_{i=a}^{b} φ(y_i) beside a rest R that holds φ at a point X of the same entries' sum
(log(Σ_k y_k/n)), the engine writes

    c·Σ_i φ(y_i) + R = c·Σ_i [φ(y_i) − φ(X) − φ′(X)(y_i − X)] + N(R + c·N·φ(X)
                        + c·φ′(X)(Σ_i y_i − N·X)),

N = b − a + 1 the number of terms and N(·) the normal form, which is 0 where X is the mean.  The
normal form proves the two sides equal; the other routes bound the new form.  Mathlib
`ConcaveOn.le_map_sum`, `ConvexOn.map_sum_le`; the Coq standard library has no finite Jensen
lemma, and the tangent-line proof is the textbook's (Cover & Thomas, Theorem 2.6.2).  Imports
the kernel and the rules it builds on only.
"""

import sympy as sp

from ..errors import ProofError
from ..kernel.terms import binder_limits
from .normal_form import normalized, prove_equal

# points tried for the tangent line, at most: each costs a normal form
MOST_POINTS = 3


def tangent_at_mean(context, expr):
    """Γ ⊢ expr = the form above, for the first point X whose rest N(…) keeps no sum or entry; or
    None where expr has no such sum and point."""
    coefficient, body = expr.as_independent(sp.Add, as_Add=False)
    terms = sp.Add.make_args(expr)
    if isinstance(body, sp.Add):  # n(log m − (1/n) Σ_i log y_i) as n log m − Σ_i log y_i
        terms = [coefficient * term for term in body.args]
    totals = [(term, *_scaled_sum(term)) for term in terms]
    totals = [found for found in totals if found[1] is not None]
    if len(totals) != 1:
        return None
    term, coefficient, total = totals[0]
    (var, lo, hi), = binder_limits(total)
    entry = _one_entry(total.function, var)
    if entry is None:
        return None
    u = sp.Dummy("u")
    phi = total.function.xreplace({entry: u})
    if var in phi.free_symbols or sp.diff(phi, u, 2) == 0:
        return None
    rest = sp.Add(*terms) - term
    same = {entry.xreplace({var: k}) for k in (lo, hi)}  # the entries at the range's ends
    count = hi - lo + 1
    for point in _points(rest, phi, same)[:MOST_POINTS]:
        slope = sp.diff(phi, u).xreplace({u: point})
        value = phi.xreplace({u: point})
        gap = total.function - value - slope * (entry - point)
        left = (rest + coefficient * count * value
                + coefficient * slope * (sp.Sum(entry, (var, lo, hi)) - count * point))
        try:
            left = normalized(context, left, var)[0].statement.rhs
            if left.atoms(sp.Sum, sp.Indexed):
                continue
            return prove_equal(context, expr, coefficient * sp.Sum(gap, (var, lo, hi)) + left)
        except ProofError:
            continue
    return None


def _scaled_sum(term):
    """(c, Σ) with term = c·Σ, Σ a sum over one index and c free of it; else (None, None)."""
    factors = sp.Mul.make_args(term)
    sums = [factor for factor in factors if isinstance(factor, sp.Sum) and len(factor.limits) == 1]
    if len(sums) != 1:
        return None, None
    total = sums[0]
    coefficient = sp.Mul(*(factor for factor in factors if factor is not total))
    if coefficient.atoms(sp.Sum, sp.Indexed):
        return None, None
    return coefficient, total


def _one_entry(body, var):
    """The one entry y_i of body that mentions the index i, when body mentions i through it only;
    else None."""
    entries = [entry for entry in body.atoms(sp.Indexed) if var in entry.free_symbols]
    if len(entries) != 1:
        return None
    return entries[0]


def _points(rest, phi, entries):
    """Where φ's tangent line is taken: the arguments of φ's functions in `rest` (log(Σ_k y_k/n):
    Σ_k y_k/n) that hold a sum of the same family of entries."""
    heads = {type(node) for node in sp.preorder_traversal(phi)
             if isinstance(node, (sp.Function, sp.Pow))}
    families = {entry.base for entry in entries}
    points = []
    for node in sp.preorder_traversal(rest):
        if type(node) in heads and not isinstance(node, sp.Pow):
            argument = node.args[0]
        elif isinstance(node, sp.Pow) and sp.Pow in heads:
            argument = node.base
        else:
            continue
        sums = [total for total in argument.atoms(sp.Sum)
                if {entry.base for entry in total.function.atoms(sp.Indexed)} & families]
        if sums and argument not in points:
            points.append(argument)
    return points
