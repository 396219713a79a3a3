"""Gaussian noise with known σ_i: maximizing the likelihood is minimizing the weighted squared
error."""

import sympy as sp

from ..derivation import Derivation
from .argument import POSITIVE, i, maximum_likelihood, n


def gaussian_weighted():
    """Gaussian noise with known per-sample σ_i > 0: argmax L = argmin of the weighted squared
    error (1/n) Σ (y_i − μ_i)² / σ_i²."""
    y, mu, sigma = sp.IndexedBase("y"), sp.IndexedBase("mu"), sp.IndexedBase("sigma")
    d = Derivation("Heteroscedastic Gaussian likelihood is weighted squared error",
                   name="gaussian_weighted",
                   where={n: sp.S.Naturals, y: sp.S.Reals, mu: sp.S.Reals, sigma: POSITIVE})
    density = (sp.exp(-(y[i] - mu[i]) ** 2 / (2 * sigma[i] ** 2))
               / (sigma[i] * sp.sqrt(2 * sp.pi)))
    L = d.define("L", sp.Product(density, (i, 1, n)))
    WMSE = d.define("WMSE", sp.Sum((y[i] - mu[i]) ** 2 / sigma[i] ** 2, (i, 1, n)) / n)
    log_likelihood = (-n * sp.log(2) / 2 - n * sp.log(sp.pi) / 2 - n * WMSE / 2
                      - sp.Sum(sp.log(sigma[i]), (i, 1, n)))
    collected = (-n * WMSE / 2 - n * sp.log(2 * sp.pi) / 2 - sp.Sum(sp.log(sigma[i]), (i, 1, n)),
                 "log of a product of positive numbers, $\\log 2 + \\log \\pi = \\log(2 \\pi)$")
    return maximum_likelihood(
        d, L, WMSE, log_likelihood, over=[mu], then=[collected],
        remark="The weights $1 / \\sigma_{i}^{2}$ are known; dropping them (plain MSE) can change "
               "the minimizers when the $\\sigma_{i}$ differ.")
