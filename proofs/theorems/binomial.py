"""Binomial counts: maximizing the likelihood is minimizing the binomial NLL."""

import sympy as sp

from ..derivation import Derivation
from .argument import OPEN_UNIT, i, maximum_likelihood, n

REMARK = ("Observation $i$ has $m_{i} = y_{i} + f_{i}$ trials, $y_{i}$ of them successes; the "
          "coefficients $\\binom{m_{i}}{y_{i}}$ do not depend on $\\theta$.  Dropping the trial "
          "counts (a plain BCE of $y_{i} / m_{i}$ without the weights $m_{i}$) can change the "
          "minimizers when the $m_{i}$ differ.")


def binomial():
    """y_i successes and f_i failures in m_i = y_i + f_i trials with success probability q_i(θ):
    argmax ∏ C(m_i, y_i) q^y (1 − q)^f = argmin −(1/n) Σ [y_i log q_i + f_i log(1 − q_i)]."""
    y, f, q = sp.IndexedBase("y"), sp.IndexedBase("f"), sp.IndexedBase("q")
    d = Derivation("Maximum binomial likelihood is minimum binomial NLL", name="binomial",
                   where={n: sp.S.Naturals, y: sp.S.Naturals0, f: sp.S.Naturals0, q: OPEN_UNIT})
    coefficient = sp.binomial(y[i] + f[i], y[i])
    L = d.define("L", sp.Product(coefficient * q[i] ** y[i] * (1 - q[i]) ** f[i], (i, 1, n)))
    NLL = d.define("NLL", sp.Sum(-(y[i] * sp.log(q[i]) + f[i] * sp.log(1 - q[i])), (i, 1, n)) / n)
    return maximum_likelihood(d, L, NLL, sp.Sum(sp.log(coefficient), (i, 1, n)) - n * NLL,
                              over=[q], remark=REMARK)
