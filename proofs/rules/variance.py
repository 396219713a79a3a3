"""A sum of squares taken about its mean: the sample variance's two forms.

Where an expression has both Σ_{i=a}^{b} f(i)² and Σ_{i=a}^{b} f(i), the first is written
Σ_{i=a}^{b} (f(i) − m)² + N m², with N = b − a + 1 terms and m = Σ_{j=a}^{b} f(j)/N their mean
(the identity the normal form proves, so N must be shown nonzero).  What was a difference of two
sums becomes a sum of squares: Σ x_i²/n − (Σ x_i/n)² = (1/n) Σ (x_i − x̄)² ≥ 0, and
n Σ x_i² − (Σ x_i)² = n Σ (x_i − x̄)² ≥ 0, the Cauchy–Schwarz bound (Σ x_i)² ≤ n Σ x_i² (Mathlib:
`inner_mul_le_norm_mul_norm`, `Finset.sum_mul_sq_le_sq_mul_sq`).  Imports the kernel's terms and
the rules it builds on only.
"""

import sympy as sp
from sympy.polys.polyerrors import BasePolynomialError

from ..errors import ProofError
from ..kernel.terms import bound_vars, fresh
from .normal_form import prove_equal


def about_the_mean(context, expr):
    """Γ ⊢ expr = expr′, each Σ f² of expr beside its Σ f written Σ (f − m)² + N m² (the module's
    docstring), products by numbers and powers multiplied out around the new sums; None where
    expr has no such pair or the identity is refused (N may be 0)."""
    sums = {node for node in sp.preorder_traversal(expr)
            if isinstance(node, sp.Sum) and len(node.limits) == 1}
    # the mean's index new to every name of expr, the indices of inner sums of several limits too,
    # so that no binder captures it (helper-141's review)
    taken = {str(symbol) for symbol in expr.free_symbols | bound_vars(expr)} | set(context.names)
    about, rest = {}, {}
    for total in sorted(sums, key=sp.default_sort_key):
        square = total.function
        if not (square.is_Pow and square.exp == 2):
            continue
        (var, lo, hi), = total.limits
        plain = sp.Sum(square.base, (var, lo, hi))
        if plain not in sums:
            continue
        other = fresh(sp.Symbol("j"), taken)
        count = hi - lo + 1
        mean = sp.Sum(square.base.xreplace({var: other}), (other, lo, hi)) / count
        placeholder = sp.Dummy()
        about[total] = placeholder + plain ** 2 / count
        rest[placeholder] = sp.Sum((square.base - mean) ** 2, (var, lo, hi))
    if not about:
        return None
    # the new sums held as placeholders while the rest is multiplied out, so that no square
    # inside them is expanded: what was B/n − A²/n² is (V + A²/n)/n − A²/n² = V/n
    rewritten = _collected(expr.xreplace(about)).xreplace(rest)
    try:
        return prove_equal(context, expr, rewritten)
    except ProofError:
        return None


def _collected(expr):
    """expr multiplied out as a polynomial in its sums and placeholders, each coefficient a
    fraction brought to lowest terms ((m + 1) d + A² − A² for (m + 1)(d + A²/(m + 1)) − A², which
    expanding alone leaves as m d + d + m A²/(m + 1) + A²/(m + 1) − A²); expanded only, where expr
    is no polynomial in them (a log of a sum)."""
    atoms = sorted(expr.atoms(sp.Sum, sp.Dummy), key=sp.default_sort_key)
    held = {atom: sp.Dummy() for atom in atoms}
    expanded = sp.expand(expr.xreplace(held), deep=False)
    try:
        polynomial = sp.Poly(expanded, *held.values())
    except BasePolynomialError:
        return expanded.xreplace({v: k for k, v in held.items()})
    terms = [sp.cancel(coefficient.as_expr()) * sp.Mul(*(g ** k for g, k in
                                                         zip(held.values(), powers)))
             for powers, coefficient in polynomial.terms()]
    return sp.Add(*terms).xreplace({v: k for k, v in held.items()})
