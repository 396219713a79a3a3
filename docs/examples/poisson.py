"""Write your own theorem: Poisson regression — maximizing the likelihood is minimizing the Poisson deviance.

    L(λ) = ∏ λ_i^{y_i} e^{−λ_i} / y_i!        D(λ) = 2 Σ [ y_i log(y_i / λ_i) − (y_i − λ_i) ]

The rates λ_i = λ_i(θ) are what the optimization varies; y_i ≥ 1 are the counts (the deviance's y log y needs
y > 0: for y = 0 its convention 0 · log 0 = 0 would be a separate case) and c_i = y_i! > 0 is a constant.
"""

import sympy as sp

import proofs
from proofs import check


def prove_poisson():
    i = sp.Symbol("i", integer=True, positive=True)
    n = sp.Symbol("n", integer=True, positive=True)
    rate, count, factorial = sp.IndexedBase("lambda"), sp.IndexedBase("y"), sp.IndexedBase("c")
    where = {rate: sp.Interval.open(0, sp.oo), count: sp.S.Naturals, factorial: sp.Interval.open(0, sp.oo)}

    likelihood = proofs.Defined("L", sp.Product(rate[i] ** count[i] * sp.exp(-rate[i]) / factorial[i], (i, 1, n)))
    deviance = proofs.Defined("D", 2 * sp.Sum(count[i] * sp.log(count[i] / rate[i]) - (count[i] - rate[i]),
                                              (i, 1, n)))

    # each check returns a kernel Theorem or raises ProofError naming the rule and the condition that failed
    positive = check.positive(likelihood, where=where)                      # L > 0, so log L exists
    identity = check.equal(sp.log(likelihood),                              # log L = −D/2 + a constant
                           -deviance / 2 + sp.Sum(count[i] * sp.log(count[i]) - count[i] - sp.log(factorial[i]),
                                                  (i, 1, n)), where=where)
    optimizers = check.same_optimizers(likelihood, deviance, over=[rate], where=where)
    return positive, identity, optimizers


if __name__ == "__main__":
    for theorem in prove_poisson():
        print(theorem.statement)
