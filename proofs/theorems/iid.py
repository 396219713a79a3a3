"""Any iid model: maximizing the likelihood is minimizing the cross-entropy (and, for discrete data,
the KL divergence from the empirical distribution)."""

import sympy as sp

from ..derivation import Derivation
from ..errors import UnsupportedError
from .argument import POSITIVE, i, maximum_likelihood, mean, n

DENSITY = ("Here $f_{i}(\\theta) > 0$ stands for the model's density or mass at the $i$-th "
           "observation under the parameter $\\theta$; nothing else about the model is used.")
MASS = ("Here $f_{i}(\\theta) > 0$ stands for the model's probability mass at the $i$-th "
        "observation under the parameter $\\theta$; nothing else about the model is used.")
ENTROPY = ("The proof holds for every real $H$ that does not depend on $\\theta$.  For discrete "
           "data, with $H$ the entropy of the empirical distribution $\\hat{p}_{n}$, "
           "$\\mathrm{CE} - H$ is the KL divergence of the model from $\\hat{p}_{n}$ (a "
           "standard identity, not checked here), so it has the same minimizers as "
           "$\\mathrm{CE}$.")


def iid(kl=False, continuous=False):
    """Any model with density or mass f(y_i | θ) > 0: argmax ∏ f = argmin −(1/n) Σ log f (and, for
    discrete y, argmin KL(p̂_n ‖ f_θ), since KL = CE − H(p̂_n) and H(p̂_n) does not depend on θ)."""
    if kl and continuous:
        raise UnsupportedError("iid: no KL claim for continuous y — the empirical distribution "
                               "p̂_n has no density, so KL(p̂_n ‖ f_θ) is not defined (it is +∞); "
                               "the cross-entropy claim holds")
    f, H = sp.IndexedBase("f"), sp.Symbol("H")
    title = ("Maximum likelihood is minimum KL divergence (any iid model, discrete data)" if kl
             else "Maximum likelihood is minimum cross-entropy (any iid model)")
    d = Derivation(title, name="iid",
                   where={n: sp.S.Naturals, f: POSITIVE, **({H: sp.S.Reals} if kl else {})})
    L = d.define("L", sp.Product(f[i], (i, 1, n)))
    CE = d.define("CE", mean(sp.log(f[i])))
    if not kl:
        return maximum_likelihood(d, L, CE, -n * CE, over=[f], remark=DENSITY)
    KL = d.define("KL", CE - H)
    return maximum_likelihood(d, L, KL, -H * n - n * KL, over=[f],
                              remark=MASS + "\n\n" + ENTROPY)
