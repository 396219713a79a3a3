"""proofs — machine-checked, paper-ready derivations: maximizing an iid likelihood is minimizing
cross-entropy.

The public surface: `check` (verify identities, positivity, monotonicity and optimizer sets), the
kernel's `Theorem` and `Context`, and the errors (all subclasses of `ProofError`).
"""

from .errors import (Disproved, ForgeryError, ProofError, RenderError, RuleApplicationError,
                     SideConditionError, UnknownTheoremError, UnsupportedError)
from .kernel import Context, Defined, DefinedFamily, Theorem
from .proof import Proof, Step

__version__ = "0.1.0"


def __getattr__(name):
    # submodules are imported on first use: the command line needs few of them
    if name in ("check", "models", "theorems", "testing", "render"):
        import importlib
        return importlib.import_module(f".{name}", __name__)
    if name in ("Derivation", "DerivationError"):
        from . import derivation
        return getattr(derivation, name)
    raise AttributeError(f"module 'proofs' has no attribute {name!r}")


def prove(name, **options):
    """Prove a theorem from the library (see `available()`), e.g. ``prove("bernoulli",
    reduction="mean")``."""
    from .theorems import prove as prove_theorem
    return prove_theorem(name, **options)


def available():
    """(name, summary) of every theorem `prove` knows."""
    from .theorems import available as listing
    return listing()


__all__ = ["check", "prove", "available", "Derivation", "DerivationError", "Proof", "Step",
           "Context", "Defined", "DefinedFamily", "Theorem", "ProofError", "Disproved",
           "SideConditionError", "RuleApplicationError",
           "ForgeryError", "UnsupportedError", "UnknownTheoremError", "RenderError", "__version__"]
