"""n iid binary observations under a Bernoulli model: likelihood, log-likelihood, binary
cross-entropy.

Imports sympy and the kernel's `Defined` only.  The model probabilities p_i = p(y_i = 1 | θ) form
the family ``p`` that the optimization varies; the parametrization θ ↦ p(θ) is arbitrary, so nothing
here mentions θ except for printing.  A `BernoulliModel` is also the public hook for variants:
replace a field with `dataclasses.replace` (or pass it to the constructor) to state a different
model, e.g. a wider probability range or a cross-entropy without its minus sign, and
`proofs.prove("bernoulli", model=...)` will check that one.
"""

from dataclasses import dataclass, field
from functools import cached_property

import sympy as sp

from ..errors import UnsupportedError
from ..kernel import Defined

REDUCTIONS = ("mean", "sum")


@dataclass(frozen=True)
class BernoulliModel:
    """The Bernoulli setting; every field may be replaced to state a variant."""

    reduction: str = "mean"
    index: sp.Symbol = field(default_factory=lambda: sp.Symbol("i"))
    size: sp.Symbol = field(default_factory=lambda: sp.Symbol("n"))
    probability: sp.IndexedBase = field(default_factory=lambda: sp.IndexedBase("p"))
    label: sp.IndexedBase = field(default_factory=lambda: sp.IndexedBase("y"))
    probability_range: sp.Set = sp.Interval.open(0, 1)
    label_set: sp.Set = sp.FiniteSet(0, 1)
    cross_entropy_body: sp.Expr = None  # None: the standard binary cross-entropy for `reduction`

    def __post_init__(self):
        if self.reduction not in REDUCTIONS:
            raise UnsupportedError(f"unknown reduction {self.reduction!r}: "
                                   f"choose one of {', '.join(REDUCTIONS)}")
        if self.index == self.size:
            raise UnsupportedError(f"the index and the sample size are both {self.index}: i runs "
                                   "from 1 to n, so give them two letters")

    @cached_property
    def factor(self):
        """p_i^{y_i} (1 − p_i)^{1 − y_i}: the probability of observation i."""
        p, y = self.probability[self.index], self.label[self.index]
        return p ** y * (1 - p) ** (1 - y)

    @cached_property
    def log_terms(self):
        """Σ_i [y_i log p_i + (1 − y_i) log(1 − p_i)]."""
        p, y = self.probability[self.index], self.label[self.index]
        return sp.Sum(y * sp.log(p) + (1 - y) * sp.log(1 - p), (self.index, 1, self.size))

    @cached_property
    def likelihood(self):
        """L(θ) = ∏_{i=1}^{n} p_i^{y_i} (1 − p_i)^{1 − y_i}, as a defined constant."""
        return Defined("L", sp.Product(self.factor, (self.index, 1, self.size)))

    @cached_property
    def cross_entropy(self):
        """CE(θ) = −(1/n) Σ_i […] (mean) or −Σ_i […] (sum), as a defined constant."""
        body = self.cross_entropy_body
        if body is None:
            body = -self.log_terms / self.size if self.reduction == "mean" else -self.log_terms
        return Defined("CE", body)

    @property
    def scale(self):
        """The c with log L = −c·CE: n for the mean reduction, 1 for the sum."""
        return self.size if self.reduction == "mean" else sp.S.One

    @property
    def where(self):
        """The ranges: probabilities, labels and the sample size n ∈ ℕ (unless n carries sympy
        assumptions, which then say it)."""
        sizes = ({} if self.size.assumptions0 != {"commutative": True}
                 else {self.size: sp.S.Naturals})
        return {**sizes, self.label: self.label_set, self.probability: self.probability_range}

    @property
    def over(self):
        return (self.probability,)
