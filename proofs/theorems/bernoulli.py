"""The flagship: maximizing the Bernoulli likelihood is minimizing the binary cross-entropy, as
sets.

A derivation script on the public API: each line of the proof is a step `proofs.Derivation` checks
when it is written, one rule per displayed "=" in the identity.  `model=` states a variant (see
`proofs.models.BernoulliModel`); a variant that is false fails at the step it breaks.
"""

import sympy as sp

from ..derivation import Derivation
from ..errors import UnsupportedError
from ..models.bernoulli import BernoulliModel

TITLE = "Maximum likelihood is minimum binary cross-entropy"


def bernoulli(reduction="mean", model=None):
    if model is not None and not isinstance(model, BernoulliModel):
        raise UnsupportedError(f"model= of 'bernoulli' is a proofs.models.BernoulliModel, not "
                               f"{type(model).__name__}")
    m = model if model is not None else BernoulliModel(reduction=reduction)
    i, n, c, p, y = m.index, m.size, m.scale, m.probability[m.index], m.label[m.index]
    d = Derivation(TITLE, where=m.where, name="bernoulli")
    L = d.define("L", m.likelihood.body)
    CE = d.define("CE", m.cross_entropy.body)
    d.lemma("Positivity", d.positive(L), label="positivity")
    with_n = ", with $<n> \\cdot \\frac{1}{<n>} = 1$ as $<n> \\geq 1$" if c != 1 else ""
    d.lemma("Log-likelihood and cross-entropy", d.chain(sp.log(L))
            .eq(sp.log(L.body), by="unfold")
            .eq(sp.Sum(sp.log(m.factor), (i, 1, n)), by="log_of_product",
                because="log of a product of positive factors (<ref:positivity>)")
            .eq(sp.Sum(sp.log(p ** y) + sp.log((1 - p) ** (1 - y)), (i, 1, n)), by="log_of_mul",
                because="log of a product of two positive numbers")
            .eq(m.log_terms, by="log_of_pow", because="log of a power with a positive base")
            .eq(-c * CE, by="unfold", because="definition of $<CE>$" + with_n), label="identity")
    chain = d.argmax(L, over=[m.probability]).argmax(sp.log(L), by="positivity")
    chain.argmin(-sp.log(L))
    if c != 1:
        chain.argmin(-sp.log(L) / c, because="multiplying by $\\frac{1}{<n>} > 0$ keeps the "
                     "minimizers")
    d.theorem(TITLE, chain.argmin(CE, by="identity"), label="main")
    d.corollary(d.chain(L).eq(sp.exp(-c * CE), by="identity"))
    return d
