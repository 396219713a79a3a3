"""Logistic regression and any network: maximizing the likelihood is minimizing the BCE, for
p_i = σ(w x_i) and for p_i = σ(f(x_i)) with f any real function."""

import sympy as sp

from ..derivation import Derivation
from .argument import BINARY, i, maximum_likelihood, mean, n

SYMMETRY = ("The theorem is about sets of optimizers, whatever they are: a network whose weights "
            "can be permuted may have many maximizers of $L$ (or none, on separable data), and "
            "they are exactly the minimizers of $\\mathrm{CE}$.")


def _bernoulli_through(d, probability, over, remark):
    """L and CE written, as on paper, through p_i := probability (kept folded in the identity)."""
    y = sp.IndexedBase("y")
    p = d.define("p", probability, params=[i])
    L = d.define("L", sp.Product(p(i) ** y[i] * (1 - p(i)) ** (1 - y[i]), (i, 1, n)))
    CE = d.define("CE", mean(y[i] * sp.log(p(i)) + (1 - y[i]) * sp.log(1 - p(i))))
    return maximum_likelihood(d, L, CE, -n * CE, over=over, remark=remark, folded=[p])


def logistic():
    """Logistic regression, p_i = σ(w x_i) = 1 / (1 + e^{−w x_i})."""
    w, x, y = sp.Symbol("w"), sp.IndexedBase("x"), sp.IndexedBase("y")
    d = Derivation("Logistic regression: maximum likelihood is minimum BCE", name="logistic",
                   where={n: sp.S.Naturals, x: sp.S.Reals, y: BINARY, w: sp.S.Reals})
    return _bernoulli_through(d, 1 / (1 + sp.exp(-w * x[i])), [w],
                              "That $0 < p_{i}(w) < 1$ is derived from the definition of $p_{i}$, "
                              "not assumed.")


def network():
    """Any network, p_i = σ(f(x_i)) with f an arbitrary real function: the theorem does not
    depend on f."""
    f, x, y = sp.Function("f"), sp.IndexedBase("x"), sp.IndexedBase("y")
    d = Derivation("Any network: maximum likelihood is minimum BCE", name="network",
                   where={n: sp.S.Naturals, x: sp.S.Reals, y: BINARY, f: sp.S.Reals})
    return _bernoulli_through(d, 1 / (1 + sp.exp(-f(x[i]))), [f], SYMMETRY)
