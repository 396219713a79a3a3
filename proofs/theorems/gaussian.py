"""Gaussian noise with a fixed σ: maximizing the likelihood is minimizing the mean squared error."""

import sympy as sp

from ..derivation import Derivation
from .argument import POSITIVE, i, maximum_likelihood, n

REMARK = ("If $\\sigma$ were estimated jointly with the means, $\\log L$ would "
          "also depend on $\\sigma$, through the factor $-\\frac{n}{2\\sigma^{2}}$ and the term "
          "$-\\frac{n}{2} \\log(2 \\pi \\sigma^{2})$; the maximizing means would still be "
          "the minimizers of the MSE, and the maximizing $\\sigma^{2}$ would be the minimum of the "
          "MSE. That is a claim about the pair of the means and $\\sigma$, which this theorem, "
          "with $\\sigma$ fixed, does not make.")


def gaussian():
    """y_i ~ N(μ_i(θ), σ²) with σ fixed: argmax L = argmin of the mean squared error."""
    y, mu, sigma = sp.IndexedBase("y"), sp.IndexedBase("mu"), sp.Symbol("sigma")
    d = Derivation("Maximum Gaussian likelihood is minimum mean squared error", name="gaussian",
                   where={n: sp.S.Naturals, y: sp.S.Reals, mu: sp.S.Reals, sigma: POSITIVE})
    density = sp.exp(-(y[i] - mu[i]) ** 2 / (2 * sigma ** 2)) / (sigma * sp.sqrt(2 * sp.pi))
    L = d.define("L", sp.Product(density, (i, 1, n)))
    MSE = d.define("MSE", sp.Sum((y[i] - mu[i]) ** 2, (i, 1, n)) / n)
    log_likelihood = (-n * MSE / (2 * sigma ** 2) - n * sp.log(2) / 2 - n * sp.log(sp.pi) / 2
                      - n * sp.log(sigma))
    # the constants as a reader writes them: −(n/2) log(2πσ²), as in the density's 1/√(2πσ²)
    collected = -n * MSE / (2 * sigma ** 2) - n * sp.log(2 * sp.pi * sigma ** 2) / 2
    reason = ("$\\log 2 + \\log \\pi + 2 \\log \\sigma = \\log(2 \\pi \\sigma^{2})$, as "
              "$\\sigma > 0$")
    return maximum_likelihood(d, L, MSE, log_likelihood, over=[mu], remark=REMARK,
                              then=[(collected, reason)])
