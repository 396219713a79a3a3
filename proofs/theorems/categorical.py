"""K classes: maximizing the likelihood is minimizing the categorical cross-entropy, for
probabilities given directly or through the softmax of logits."""

import sympy as sp

from ..derivation import Derivation
from .argument import BINARY, K_CLASSES, OPEN_UNIT, i, j, k, maximum_likelihood, mean, n

SIMPLEX = ("In applications the labels are one-hot and, for each $i$, the probabilities $p_{i,k}$ "
           "lie on the simplex (for instance a softmax of logits); the proof uses neither, only "
           "$p_{i,k} > 0$.")


def categorical(softmax=False):
    """One-hot labels y_{ik}: argmax ∏_i ∏_k p_{ik}^{y_{ik}} = argmin of the categorical
    cross-entropy; with softmax=True, for p_{ik} = e^{z_{ik}} / Σ_j e^{z_{ij}} over the logits z."""
    y, p, z = sp.IndexedBase("y"), sp.IndexedBase("p"), sp.IndexedBase("z")
    title = ("Softmax classifier: maximum likelihood is minimum categorical cross-entropy"
             if softmax else "Maximum likelihood is minimum categorical cross-entropy")
    d = Derivation(title, name="categorical", where={
        n: sp.S.Naturals, K_CLASSES: sp.S.Naturals, y: BINARY,
        **({z: sp.S.Reals} if softmax else {p: OPEN_UNIT})})
    probability = p[i, k]
    if softmax:
        Z = d.define("Z", sp.Sum(sp.exp(z[i, j]), (j, 1, K_CLASSES)), params=[i])
        probability = sp.exp(z[i, k]) / Z(i)
    # per-observation definitions q_i, h_i take the sample index as a parameter
    q = d.define("q", sp.Product(probability ** y[i, k], (k, 1, K_CLASSES)), params=[i])
    h = d.define("h", sp.Sum(y[i, k] * sp.log(probability), (k, 1, K_CLASSES)), params=[i])
    L = d.define("L", sp.Product(q(i), (i, 1, n)))
    CE = d.define("CE", mean(h(i)))
    d.lemma("One observation", d.chain(sp.log(q(i))).derive(h(i)), label="one-observation")
    remark = ("That $\\exp(z_{i,k}) / Z_{i} > 0$ is derived from $Z_{i} > 0$, not assumed; the "
              "proof needs no upper bound." if softmax else SIMPLEX)
    return maximum_likelihood(d, L, CE, -n * CE, over=[z if softmax else p], remark=remark,
                              by=["one-observation"])
