"""Bernoulli labels with logits: maximizing the likelihood is minimizing BCE with logits."""

import sympy as sp

from ..derivation import Derivation
from .argument import BINARY, i, maximum_likelihood, n


def bernoulli_logits():
    """Labels y_i with logits z_i(θ) ∈ ℝ, p_i = σ(z_i): argmax L = argmin of BCE with logits
    (1/n) Σ (log(1 + e^{z_i}) − y_i z_i), PyTorch's BCEWithLogitsLoss."""
    y, z = sp.IndexedBase("y"), sp.IndexedBase("z")
    d = Derivation("Maximum likelihood is minimum BCE with logits", name="bernoulli_logits",
                   where={n: sp.S.Naturals, y: BINARY, z: sp.S.Reals})
    p = 1 / (1 + sp.exp(-z[i]))
    L = d.define("L", sp.Product(p ** y[i] * (1 - p) ** (1 - y[i]), (i, 1, n)))
    BCE = d.define("BCE", sp.Sum(sp.log(1 + sp.exp(z[i])) - y[i] * z[i], (i, 1, n)) / n)
    return maximum_likelihood(
        d, L, BCE, -n * BCE, over=[z],
        remark="The loss is written in the logits $z_{i}$, without the probabilities "
               "$1/(1 + \\exp(-z_{i}))$; numerically stable implementations evaluate "
               "$\\log(1 + \\exp z_{i})$ as $\\max(z_{i}, 0) + \\log(1 + \\exp(-|z_{i}|))$.")
