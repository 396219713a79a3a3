"""Poisson regression: maximizing the likelihood, with the real factorial, is minimizing the Poisson
NLL.

Run it:  proofs prove docs/examples/poisson.py:poisson -o poisson.pdf
"""

import sympy as sp

from proofs import Derivation

i, n = sp.symbols("i n")
rate, y = sp.IndexedBase("lambda"), sp.IndexedBase("y")


def poisson():
    d = Derivation("Poisson regression", where={rate: sp.Interval.open(0, sp.oo),
                                               y: sp.S.Naturals0, n: sp.S.Naturals})
    density = rate[i] ** y[i] * sp.exp(-rate[i]) / sp.factorial(y[i])
    L = d.define("L", sp.Product(density, (i, 1, n)))
    NLL = d.define("NLL", sp.Sum(rate[i] - y[i] * sp.log(rate[i]), (i, 1, n)) / n)

    d.lemma("Positivity", d.positive(L))                   # L > 0, so log L exists
    d.lemma("Log-likelihood", d.chain(sp.log(L))
            .eq(sp.Sum(sp.log(density), (i, 1, n)))
            .eq(sp.Sum(y[i] * sp.log(rate[i]) - rate[i] - sp.log(sp.factorial(y[i])), (i, 1, n)))
            .eq(-n * NLL - sp.Sum(sp.log(sp.factorial(y[i])), (i, 1, n))))
    d.theorem("Maximum likelihood is minimum Poisson NLL",
              d.same_optimizers(L, NLL, over=[rate]))
    return d


if __name__ == "__main__":
    print(poisson().proof())
