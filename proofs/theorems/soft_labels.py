"""Soft labels y_i ∈ [0, 1]: the BCE identity, and the continuous Bernoulli whose normalizer changes
the minimizers."""

import math

import sympy as sp

from ..derivation import Derivation
from .argument import OPEN_UNIT, POSITIVE, i, maximum_likelihood, mean, n

NOT_A_MODEL = ("For $y_{i} \\in [0, 1]$ the product is not the likelihood of a probability model: "
               "it does not integrate to 1 over $y$.  This theorem's normalized variant, the "
               "continuous Bernoulli, is one.")


def continuous_bernoulli_normalizer(p):
    """C(p) = 2 artanh(1 − 2p) / (1 − 2p), and C(1/2) = 2."""
    return 2.0 if abs(p - 0.5) < 1e-12 else 2 * math.atanh(1 - 2 * p) / (1 - 2 * p)


def soft_label_counterexample(label=0.8, points=4001):
    """For one observation y: the minimizer of CE(p) and of CE(p) − log C(p) on a fine grid of p."""
    grid = [k / (points - 1) for k in range(1, points - 1)]
    ce = [-(label * math.log(p) + (1 - label) * math.log1p(-p)) for p in grid]
    adjusted = [c - math.log(continuous_bernoulli_normalizer(p)) for c, p in zip(ce, grid)]
    return grid[ce.index(min(ce))], grid[adjusted.index(min(adjusted))]


def soft_labels(normalized=False):
    """Targets y_i ∈ [0, 1].  Unnormalized: argmax ∏ p^y (1 − p)^{1 − y} = argmin CE.  Normalized
    (the continuous Bernoulli, density C(p) p^y (1 − p)^{1 − y}): argmax L = argmin [CE − (1/n)
    Σ log C(p_i)] — not argmin CE."""
    p, y, C = sp.IndexedBase("p"), sp.IndexedBase("y"), sp.Function("C")
    where = {n: sp.S.Naturals, y: sp.Interval(0, 1), p: OPEN_UNIT}
    factor = p[i] ** y[i] * (1 - p[i]) ** (1 - y[i])
    cross_entropy = mean(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]))
    if not normalized:
        d = Derivation("Soft labels: the BCE identity without a probability model",
                       name="soft_labels", where=where)
        L, CE = d.define("L", sp.Product(factor, (i, 1, n))), d.define("CE", cross_entropy)
        return maximum_likelihood(d, L, CE, -n * CE, over=[p], remark=NOT_A_MODEL)
    d = Derivation("The continuous Bernoulli: maximum likelihood is minimum of the corrected "
                   "cross-entropy", name="continuous-bernoulli", where={**where, C: POSITIVE})
    L = d.define("L", sp.Product(C(p[i]) * factor, (i, 1, n)))
    CB = d.define("CB", cross_entropy - sp.Sum(sp.log(C(p[i])), (i, 1, n)) / n)
    best_ce, best_cb = soft_label_counterexample()
    remark = (f"The statement holds for every positive $C$; the continuous Bernoulli's, "
              f"$C(p) = 2 \\operatorname{{artanh}}(1 - 2p) / (1 - 2p)$ for $p \\neq 1/2$ and "
              f"$C(1/2) = 2$, is positive and makes the density integrate to 1 over $y$.  "
              f"The extra term depends on $p$, so the minimizers differ from those of "
              f"the plain BCE: for one observation $y = 0.8$, the BCE is minimal at "
              f"$p = {best_ce:.4f}$ but the "
              f"continuous-Bernoulli objective at $p = {best_cb:.4f}$ (grid search).")
    return maximum_likelihood(d, L, CB, -n * CB, over=[p], remark=remark)
