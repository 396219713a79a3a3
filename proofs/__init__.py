"""proofs — machine-checked, paper-ready derivations: maximizing an iid likelihood is minimizing cross-entropy.

The public surface: `check` (verify identities, positivity, monotonicity and optimizer sets), the kernel's
`Theorem` and `Context`, and the errors (all subclasses of `ProofError`).
"""

from . import check
from .errors import (ForgeryError, ProofError, RenderError, RuleApplicationError, SideConditionError,
                     UnknownTheoremError, UnsupportedError)
from .kernel import Context, Defined, Theorem

__version__ = "0.1.0"

__all__ = ["check", "Context", "Defined", "Theorem", "ProofError", "SideConditionError", "RuleApplicationError",
           "ForgeryError", "UnsupportedError", "UnknownTheoremError", "RenderError", "__version__"]
