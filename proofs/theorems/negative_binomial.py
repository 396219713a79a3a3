"""Negative-binomial counts: maximizing the likelihood is minimizing the negative-binomial NLL."""

import sympy as sp

from ..derivation import Derivation
from .argument import OPEN_UNIT, POSITIVE, i, maximum_likelihood, n


def negative_binomial():
    """Counts y_i with a fixed dispersion r > 0 and success probability q_i(θ):
    argmax ∏ Γ(y + r) / (Γ(r) y!) (1 − q)^r q^y = argmin −(1/n) Σ [y_i log q_i + r log(1 − q_i)]."""
    y, q, r = sp.IndexedBase("y"), sp.IndexedBase("q"), sp.Symbol("r")
    d = Derivation("Maximum negative-binomial likelihood is minimum negative-binomial NLL",
                   name="negative_binomial",
                   where={n: sp.S.Naturals, y: sp.S.Naturals0, q: OPEN_UNIT, r: POSITIVE})
    coefficient = sp.gamma(y[i] + r) / (sp.gamma(r) * sp.factorial(y[i]))
    L = d.define("L", sp.Product(coefficient * (1 - q[i]) ** r * q[i] ** y[i], (i, 1, n)))
    NLL = d.define("NLL", sp.Sum(-(y[i] * sp.log(q[i]) + r * sp.log(1 - q[i])), (i, 1, n)) / n)
    log_likelihood = (sp.Sum(sp.log(sp.gamma(r + y[i])), (i, 1, n)) - n * sp.log(sp.gamma(r))
                      - n * NLL - sp.Sum(sp.log(sp.factorial(y[i])), (i, 1, n)))
    return maximum_likelihood(
        d, L, NLL, log_likelihood, over=[q],
        remark="The dispersion $r > 0$ is fixed (any real $r$, not only integers: the coefficient "
               "is written with $\\Gamma$).")
