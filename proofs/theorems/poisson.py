"""Poisson counts: maximizing the likelihood, with the real factorial, is minimizing the Poisson
NLL."""

import sympy as sp

from ..derivation import Derivation
from .argument import POSITIVE, i, maximum_likelihood, n


def poisson():
    """Counts y_i with rates λ_i(θ) > 0: argmax ∏ λ^y e^{−λ} / y! = argmin of the Poisson NLL
    (1/n) Σ (λ_i − y_i log λ_i), PyTorch's PoissonNLLLoss(log_input=False)."""
    y, rate = sp.IndexedBase("y"), sp.IndexedBase("lambda")
    d = Derivation("Maximum Poisson likelihood is minimum Poisson NLL", name="poisson",
                   where={n: sp.S.Naturals, y: sp.S.Naturals0, rate: POSITIVE})
    L = d.define("L", sp.Product(rate[i] ** y[i] * sp.exp(-rate[i]) / sp.factorial(y[i]),
                                 (i, 1, n)))
    NLL = d.define("NLL", sp.Sum(rate[i] - y[i] * sp.log(rate[i]), (i, 1, n)) / n)
    constant = sp.Sum(sp.log(sp.factorial(y[i])), (i, 1, n))
    return maximum_likelihood(
        d, L, NLL, -n * NLL - constant, over=[rate],
        remark="By Lemma 2, $-\\frac{1}{n} \\log L = \\mathrm{NLL} + \\frac{1}{n} \\sum_{i=1}^{n} "
               "\\log\\left(y_{i}!\\right)$, and the last term does not depend on the rates: the "
               "loss drops it, as PyTorch's Poisson negative log-likelihood loss does by default.")
