"""Exponentials of one exponent's parts taken as new variables: e^a/2 + e^b/2 − e^{a/2} e^{b/2} is
u²/2 + v²/2 − uv = (u − v)²/2 ≥ 0 for u = e^{a/2}, v = e^{b/2} (the midpoint Jensen inequality for
exp, e^{(a+b)/2} ≤ (e^a + e^b)/2).  The normal form takes each e^a as an atom, and relates e^{2a}
to e^a only; here each part m of the exponents (a, b) is measured in the least fraction of it the
exponents take (a/2), e^{m/q} is a new variable u over e^{m/q}'s range, every e^{c m + …} a
power u^{cq}, and the claim shown for every such u is instantiated back, u := e^{m/q} (the
kernel's `instantiate`).  Imports the kernel and the rules it builds on only.
"""

import math

import sympy as sp

from ..errors import ProofError
from ..kernel.terms import fresh
from .cases import for_every_value
from .positivity import prove_member

MOST_PARTS = 3  # parts of the exponents taken as variables, at most: each adds one to the claim
# the largest power of a new variable: e^a against e^{a/1000} would be a polynomial of degree 1000,
# which the other routes take a minute on
MOST_POWER = 12
NAMES = ("u", "v", "w")  # the new variables' names, each primed where the claim has it already


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
    taken = {str(symbol) for symbol in g.free_symbols} | set(context.names)
    variables = {}
    for base, name in zip(bases, NAMES):
        variables[base] = fresh(sp.Symbol(name), taken | {str(v) for v in variables.values()})
    h = g.xreplace({power: sp.exp(constant) * sp.Mul(*(variables[b] ** k for b, k in exps))
                    for power, (constant, exps) in powers.items()})
    if h.free_symbols & set().union(*(b.free_symbols for b in bases)):
        return None  # a claim for every u would not bound what g keeps of a besides e^a
    try:
        values = [(variables[base], prove_member(context, base)) for base in bases]
        return for_every_value(context, g, h, values, target, narrow)
    except ProofError:
        return None


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
