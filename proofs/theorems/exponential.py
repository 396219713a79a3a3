"""Exponential waiting times: maximizing the likelihood is minimizing the exponential NLL."""

import sympy as sp

from ..derivation import Derivation
from .argument import NONNEGATIVE, POSITIVE, i, maximum_likelihood, n


def exponential():
    """Waiting times y_i ≥ 0 with rates λ_i(θ) > 0: argmax ∏ λ e^{−λ y} = argmin
    (1/n) Σ (λ_i y_i − log λ_i)."""
    y, rate = sp.IndexedBase("y"), sp.IndexedBase("lambda")
    d = Derivation("Maximum exponential likelihood is minimum exponential NLL", name="exponential",
                   where={n: sp.S.Naturals, y: NONNEGATIVE, rate: POSITIVE})
    L = d.define("L", sp.Product(rate[i] * sp.exp(-rate[i] * y[i]), (i, 1, n)))
    NLL = d.define("NLL", sp.Sum(rate[i] * y[i] - sp.log(rate[i]), (i, 1, n)) / n)
    return maximum_likelihood(d, L, NLL, -n * NLL, over=[rate])
