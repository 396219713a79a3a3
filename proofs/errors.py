"""Errors raised by `proofs`.

Every error is a `ProofError`, so ``except proofs.ProofError`` catches them all.  Messages name the
rule, the condition that failed and the expression it failed on.  This module imports nothing from
the package.
"""

__all__ = [
    "ProofError",
    "Disproved",
    "SideConditionError",
    "RuleApplicationError",
    "ForgeryError",
    "UnsupportedError",
    "UnknownTheoremError",
    "RenderError",
]


class ProofError(ValueError):
    """Root of the hierarchy: a claim could not be proved or a proof could not be produced."""


class Disproved(ProofError):
    """The claim is false: at an admissible point (every quantity in its range) it fails.
    `claim` is the statement refused, `counterexample` the description, `point` the values drawn by
    name, `values` the pairs (term compared, its value there) and `detail` what the description
    says beside the point.  Where the kernel shows the claim's term in a set that misses the
    claimed one, the claim fails at every admissible point: `point` and `values` are then empty
    and the description names that set."""

    def __init__(self, claim, counterexample):
        super().__init__(f"{claim} is false: {counterexample}")
        self.claim, self.counterexample = claim, str(counterexample)
        self.detail = str(getattr(counterexample, "detail", counterexample))
        self.point = dict(getattr(counterexample, "point", {}))
        self.values = tuple(getattr(counterexample, "values", ()))


class SideConditionError(ProofError):
    """A rule's side condition (positivity, membership, a free variable, ...) could not be
    established."""


class RuleApplicationError(ProofError):
    """A rule was applied to premises or expressions of the wrong shape (the rule does not
    match)."""


class ForgeryError(ProofError, TypeError):
    """Someone tried to build or change a `Theorem` outside the kernel's rules."""


class UnsupportedError(ProofError):
    """The input uses a construct the engine refuses to reason about (e.g. a union of intervals,
    floats)."""


class UnknownTheoremError(ProofError, KeyError):
    """`proofs.prove` or the CLI was asked for a theorem the library does not have."""

    def __str__(self):  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class RenderError(ProofError):
    """Rendering or writing a proof failed (e.g. pdflatex missing or the document did not
    compile)."""
