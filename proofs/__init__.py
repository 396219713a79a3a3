"""proofs — machine-checked, paper-ready derivations: maximizing an iid likelihood is minimizing
cross-entropy.

The public surface: `check` (verify identities, positivity, monotonicity and optimizer sets), the
kernel's `Theorem` and `Context`, and the errors (all subclasses of `ProofError`).
"""

import gc as _gc

# sympy's import (most of `import proofs`) makes about 40,000 objects the collector tracks and
# almost no garbage, yet the collector runs about 150 times while it does, which costs 20 to 40 ms,
# a sixth of the import.  So the import runs with the collector off.  Then freeze and unfreeze
# move every tracked object to the oldest generation in one step, without a traversal, so the
# next young collection does not walk all of them; they stay collectable (a freeze alone would
# keep the caller's own objects from ever being collected).  A caller's own freeze (a server's,
# before it forks) is left alone, and so is the collector's state.
_collecting = _gc.isenabled()
_move_to_oldest = _gc.get_freeze_count() == 0
_gc.disable()
try:
    from .errors import (Disproved, ForgeryError, ProofError, RenderError, RuleApplicationError,
                         SideConditionError, UnknownTheoremError, UnsupportedError)
    from .kernel import Context, Defined, DefinedFamily, Theorem
    from .proof import Proof, Step
finally:
    if _move_to_oldest:
        _gc.freeze()
        _gc.unfreeze()
    if _collecting:
        _gc.enable()
del _collecting, _move_to_oldest

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
