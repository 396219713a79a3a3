"""Products of two sums over one range taken as one sum over pairs: Lagrange's identity and the
Cauchy–Schwarz inequality for sums.

Where an expression has terms c · (Σ_{i=a}^{b} f(i)) · (Σ_{i=a}^{b} g(i)), c free of the sums, those
terms together are one sum over pairs, Σ_{i=a}^{b} Σ_{j=a}^{b} H(i, j) with H(i, j) the sum of the
c · f(i) · g(j), and equally Σ_i Σ_j (H(i, j) + H(j, i))/2: each pair taken with its mirror.  That
body is written as sympy factors it (a guess, untrusted: the normal form proves the identity), and
the positivity rules bound the sum by its body.  So (Σ a_i²)(Σ b_i²) − (Σ a_i b_i)² becomes
Σ_i Σ_j (a_i b_j − a_j b_i)²/2 ≥ 0, Lagrange's identity, and the Cauchy–Schwarz inequality
(Σ a_i b_i)² ≤ (Σ a_i²)(Σ b_i²) follows (Mathlib `Finset.sum_mul_sq_le_sq_mul_sq`, formerly
`Finset.inner_mul_le_norm_mul_norm`; Coq's standard library has no lemma for it).  A term of
lower degree that has the number of terms n for a factor is read with Σ 1 in its place, so that
(Σ a_i)(Σ 1/a_i) − n² is Σ_i Σ_j (a_i − a_j)²/(2 a_i a_j) ≥ 0, the AM–HM inequality for sums.
Imports the kernel's terms and the rules it builds on only.
"""

import sympy as sp
from sympy.polys.polyerrors import BasePolynomialError

from ..errors import ProofError
from ..kernel import hull
from ..kernel.terms import bound_vars, fresh, substitute
from .bounds import squares_of
from .normal_form import prove_equal
from .positivity import prove_member

# a body of more operations than this is not given to sympy's factor, which grows with it
MOST_BODY = 80


def as_pairs(context, expr):
    """Γ ⊢ expr = expr′, its products of two sums over one range (squares of one sum too) taken
    together as one sum over pairs with a mirrored body (the module's docstring), the other terms
    as they are; None where expr is no polynomial in its sums, has no such product, or the
    identity is refused."""
    sums = sorted({node for node in sp.preorder_traversal(expr)
                   if isinstance(node, sp.Sum) and len(node.limits) == 1},
                  key=sp.default_sort_key)
    if not sums:
        return None
    if any(_index_below(total) for total in sums):
        return None
    held = {total: sp.Dummy() for total in sums}
    # over its common denominator where the sums stand in one (1 − (Σ a_i b_i)²/(Σ a_i² Σ b_i²)):
    # the numerator paired, the denominator as it is
    numerator, denominator = sp.fraction(sp.together(expr.xreplace(held)))
    try:
        polynomial = sp.Poly(sp.expand(numerator, deep=False), *held.values())
    except BasePolynomialError:  # a sum under a log or a root
        return None
    by_dummy = {dummy: total for total, dummy in held.items()}
    terms = [(coefficient.as_expr(), [by_dummy[dummy] for dummy, power
                                      in zip(held.values(), powers) for _ in range(power)])
             for powers, coefficient in polynomial.terms()]
    # the pairs' indices new to the claim's free names and to the indices bound inside the sums'
    # bodies (the sums paired go, and their own indices with them)
    inner = set().union(*(bound_vars(total.function) for total in sums))
    taken = {str(symbol) for symbol in expr.free_symbols | inner} | set(context.names)
    left = fresh(sp.Symbol("i"), taken)
    right = fresh(sp.Symbol("j"), taken | {left.name})
    bodies, rest = {}, []
    for coefficient, factors in _counts_as_sums(terms, left):
        spans = {total.limits[0][1:] for total in factors}
        if len(factors) != 2 or len(spans) != 1:
            rest.append(coefficient * sp.Mul(*factors))
            continue
        one, other = factors
        span = spans.pop()
        bodies[span] = bodies.get(span, 0) + coefficient * _at(one, left) * _at(other, right)
    if not bodies:
        return None
    paired = []
    for (lo, hi), body in sorted(bodies.items(), key=sp.default_sort_key):
        mirrored = substitute(body, {left: right, right: left})[0]
        symmetric = _as_signed(context, (body + mirrored) / 2)
        paired.append(sp.Sum(symmetric, (right, lo, hi), (left, lo, hi)))  # Σ_i Σ_j, i outer
    try:
        return prove_equal(context, expr, sp.Add(*paired, *rest)
                           / denominator.xreplace({d: t for t, d in held.items()}))
    except ProofError:
        return None


def _as_signed(context, body):
    """body written as sympy factors it, or with its squares completed ((x_i − x_j)²/2 + 1),
    the first whose range the intervals show >= 0; factored where none is (a guess either way:
    the normal form proves the identity).  Rebuilt as sympy evaluates it: a number times a sum,
    which factor leaves whole, is distributed in every fact about it ((u + 2)/2 as u/2 + 1)."""
    if sp.count_ops(body) > MOST_BODY:
        return body
    factored = sp.Mul(*sp.Mul.make_args(sp.factor(body)))
    for form in [factored, *squares_of(sp.expand(body))]:
        try:
            if hull(prove_member(context, form).statement.set).lo >= 0:
                return form
        except ProofError:
            continue
    return factored


def _index_below(total):
    """Whether the one-limit sum's index stands bare in a denominator of its body (1/(k + x), not
    1/a_k): the pairs' body would then be a quotient in both indices, which the normal form hands
    to sympy's summation for a closed form, minutes on some (a review's Σ_j (i + x)/(j + x))."""
    (var, _, _), = total.limits
    denominator = sp.fraction(sp.together(total.function))[1]
    opaque = denominator.xreplace({entry: sp.Dummy() for entry in denominator.atoms(sp.Indexed)})
    return var in opaque.free_symbols


def _at(total, index):
    """The body of the one-limit sum `total` with its index replaced by `index` (the kernel's
    capture-avoiding substitution)."""
    (var, _, _), = total.limits
    return substitute(total.function, {var: index})[0]


def _counts_as_sums(terms, index):
    """`terms` ([(c, [sums])], the polynomial's monomials), with the number N of terms of the one
    range their products of two sums share read as Σ 1 where a monomial of lower degree has it
    for a factor: n Σ x_i² as (Σ 1)(Σ x_i²), n² as (Σ 1)(Σ 1), so that (Σ x_i)² ≤ n Σ x_i² and
    (Σ a_i)(Σ 1/a_i) ≥ n² pair too.  N divides c as a polynomial (n² in −n²), or, a number, as an
    integer (9 in 18)."""
    spans = {tuple(total.limits[0][1:] for total in factors) for _, factors in terms
             if len(factors) == 2}
    spans = {span[0] for span in spans if span[0] == span[1]}
    if len(spans) != 1:
        return terms
    lo, hi = spans.pop()
    count = sp.expand(hi - lo + 1)
    ones = sp.Sum(sp.S.One, (index, lo, hi))
    folded = []
    for coefficient, factors in terms:
        missing = 2 - len(factors)
        if missing <= 0 or any(total.limits[0][1:] != (lo, hi) for total in factors):
            folded.append((coefficient, factors))
            continue
        quotient = sp.cancel(coefficient / count ** missing)
        divides = quotient.is_Integer if count.is_Number else \
            not sp.denom(quotient).free_symbols & count.free_symbols
        if count != 0 and divides:
            folded.append((quotient, factors + [ones] * missing))
        else:
            folded.append((coefficient, factors))
    return folded
