"""Per-sample weights: the weighted likelihood is the weighted cross-entropy."""

import sympy as sp

from ..derivation import Derivation
from .argument import BINARY, OPEN_UNIT, POSITIVE, i, maximum_likelihood, n


def weighted(reduction="mean"):
    """Weights w_i > 0: argmax ∏ f_i^{w_i} = argmin of the weighted cross-entropy (mean or sum)."""
    p, y, w = sp.IndexedBase("p"), sp.IndexedBase("y"), sp.IndexedBase("w")
    d = Derivation("Weighted likelihood is weighted cross-entropy", name="weighted",
                   where={n: sp.S.Naturals, y: BINARY, p: OPEN_UNIT, w: POSITIVE})
    factor = p[i] ** y[i] * (1 - p[i]) ** (1 - y[i])
    L = d.define("L", sp.Product(factor ** w[i], (i, 1, n)))
    terms = sp.Sum(w[i] * (y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i])), (i, 1, n))
    total = sp.Sum(w[i], (i, 1, n))
    CE = d.define("CE", -terms / total if reduction == "mean" else -terms)
    return maximum_likelihood(
        d, L, CE, -CE * total if reduction == "mean" else -CE, over=[p],
        remark="Sum and mean reductions differ by the positive factor $\\sum_{i} w_{i}$, so they "
               "have the same minimizers.")
