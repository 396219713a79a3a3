"""Exponentials of one exponent's parts, and roots of one symbol, taken as new variables:
e^a/2 + e^b/2 − e^{a/2} e^{b/2} is u²/2 + v²/2 − uv = (u − v)²/2 ≥ 0 for u = e^{a/2}, v = e^{b/2}
(the midpoint Jensen inequality for exp, e^{(a+b)/2} ≤ (e^a + e^b)/2).  The normal form takes
each e^a as an atom, and relates e^{2a} to e^a only; here each part m of the exponents (a, b) is
measured in the least fraction of it the exponents take (a/2), e^{m/q} is a new variable u over
e^{m/q}'s range, every e^{c m + …} a power u^{cq}, and the claim shown for every such u is
instantiated back, u := e^{m/q} (the kernel's `instantiate`).  Roots of a symbol alike: a^(1/3) =
u, a = u³ (`through_root_parts`).  Imports the kernel and the rules it builds on only.
"""

import math

import sympy as sp

from .cases import for_new_variables

MOST_PARTS = 3  # parts of the exponents taken as variables, at most: each adds one to the claim
# the largest power of a new variable: e^a against e^{a/1000} would be a polynomial of degree 1000,
# which the other routes take a minute on
MOST_POWER = 12


def through_exponent_parts(context, fact, target, narrow):
    """`fact` (Γ ⊢ g ∈ S) moved into `target` with g's exponentials as powers of new variables
    (the module's docstring), that claim bounded by `narrow` (the engine's other routes); None
    where g has no two exponentials whose exponents share a part at different fractions, or the
    claim for every value is not bounded."""
    g = fact.statement.expr
    parts = _parts(g)
    if parts is None:
        return None
    powers, bases = parts
    return for_new_variables(context, g, bases, lambda variables: {
        power: sp.exp(constant) * sp.Mul(*(variables[b] ** k for b, k in exps))
        for power, (constant, exps) in powers.items()}, target, narrow)


def through_root_parts(context, fact, target, narrow):
    """`fact` (Γ ⊢ g ∈ S) moved into `target` with the roots of g's symbols as new variables:
    (a + b + c)/3 − a^(1/3) b^(1/3) c^(1/3) is (u³ + v³ + w³)/3 − uvw for u = a^(1/3), v =
    b^(1/3), w = c^(1/3) (AM-GM for three terms written with cube roots), each symbol a with
    roots a^(k/q) (q their least common denominator) taken as a^(1/q) = u, a itself as u^q; the
    claim for every u ≥ 0 bounded by `narrow` and instantiated back.  None where g has no root
    of a symbol beyond square roots, or more than MOST_PARTS symbols with roots, or a power would
    exceed MOST_POWER.
    Mathlib `Real.rpow_natCast`, `Real.rpow_mul`; Coq `Rpower_pow`."""
    g = fact.statement.expr
    if g.atoms(sp.Sum, sp.Product):
        return None
    orders = {}
    for power in g.atoms(sp.Pow):
        if type(power.base) is sp.Symbol and power.exp.is_Rational and not power.exp.is_Integer:
            orders[power.base] = math.lcm(orders.get(power.base, 1), int(power.exp.q))
    # square roots alone are the roots route's, compared by their squares as a textbook does
    if not orders or len(orders) > MOST_PARTS or max(orders.values()) < 3:
        return None
    powers = {power: (power.base, power.exp * orders[power.base]) for power in g.atoms(sp.Pow)
              if power.base in orders and power.exp.is_Rational}
    if any(abs(k) > MOST_POWER for _, k in powers.values()) or \
            any(order > MOST_POWER for order in orders.values()):
        return None
    bases = sorted((symbol ** sp.Rational(1, order) for symbol, order in orders.items()),
                   key=sp.default_sort_key)
    return for_new_variables(context, g, bases, lambda variables: {
        **{symbol: variables[symbol ** sp.Rational(1, order)] ** order
           for symbol, order in orders.items()},
        **{power: variables[base ** sp.Rational(1, orders[base])] ** k
           for power, (base, k) in powers.items()}}, target, narrow)


def _parts(g):
    """({e^L: (constant, ((e^{m/q}, c q), …))}, [e^{m/q}, …]) for g's exponentials, L = constant +
    Σ c m with rational c and q the least common denominator of m's coefficients; None where g
    has fewer than two, an exponent is no such sum, a sum or product binds a symbol, no q exceeds
    1 (the normal form relates e^{2a} and e^a itself), there are more than MOST_PARTS parts or a
    power would exceed MOST_POWER."""
    if g.atoms(sp.Sum, sp.Product):
        return None
    exps = sorted(g.atoms(sp.exp), key=sp.default_sort_key)
    if len(exps) < 2:
        return None
    split = {}
    for power in exps:
        exponent = sp.expand(power.args[0])
        if exponent.has(sp.exp):
            return None
        constant, coefficients = sp.S.Zero, {}
        for term in sp.Add.make_args(exponent):
            c, m = term.as_coeff_Mul()
            if not c.is_Rational:
                return None
            if m == 1:
                constant += c
            else:
                coefficients[m] = coefficients.get(m, 0) + c
        split[power] = (constant, coefficients)
    parts = sorted(set().union(*(c for _, c in split.values())), key=sp.default_sort_key)
    if not parts or len(parts) > MOST_PARTS:
        return None
    scale = {m: math.lcm(*(int(c[m].q) for _, c in split.values() if m in c)) for m in parts}
    if all(q == 1 for q in scale.values()):
        return None
    if any(abs(c * scale[m]) > MOST_POWER for _, coefficients in split.values()
           for m, c in coefficients.items()):
        return None
    bases = [sp.exp(m / scale[m]) for m in parts]
    powers = {power: (constant, tuple((sp.exp(m / scale[m]), int(c * scale[m]))
                                      for m, c in coefficients.items()))
              for power, (constant, coefficients) in split.items()}
    return powers, bases
