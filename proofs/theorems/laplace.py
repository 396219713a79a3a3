"""Laplace noise: maximizing the likelihood is minimizing the mean absolute error."""

import sympy as sp

from ..derivation import Derivation
from .argument import POSITIVE, i, maximum_likelihood, n


def laplace():
    """Laplace noise with fixed scale b > 0 around μ_i(θ): argmax L = argmin of the mean absolute
    error (1/n) Σ |y_i − μ_i|."""
    y, mu, b = sp.IndexedBase("y"), sp.IndexedBase("mu"), sp.Symbol("b")
    d = Derivation("Maximum Laplace likelihood is minimum mean absolute error", name="laplace",
                   where={n: sp.S.Naturals, y: sp.S.Reals, mu: sp.S.Reals, b: POSITIVE})
    L = d.define("L", sp.Product(sp.exp(-sp.Abs(y[i] - mu[i]) / b) / (2 * b), (i, 1, n)))
    MAE = d.define("MAE", sp.Sum(sp.Abs(y[i] - mu[i]), (i, 1, n)) / n)
    collected = (-n * MAE / b - n * sp.log(2 * b),
                 "$\\log 2 + \\log b = \\log(2 b)$, as $b > 0$")
    return maximum_likelihood(
        d, L, MAE, -n * MAE / b - n * sp.log(2) - n * sp.log(b), over=[mu],
        remark="The scale $b$ is fixed.", then=[collected])
