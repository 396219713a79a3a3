"""The trusted kernel: terms, judgements, contexts and the primitive rules that alone can create a
`Theorem`.

Imports sympy and `proofs.errors` only.  Read `terms.py` (what a term is, where it is defined),
`language.py` (what a judgement means) and then `theorem.py` (the rules); `proofs.boundary`
translates a user's claim into kernel terms.  Everything outside this package is untrusted: it can
only combine these rules.
"""

from . import corrections  # noqa: F401 — first: sympy's answers the kernel relies on, put right
from . import theorem as rules
from .language import (POSITIVE_REALS, Context, Equal, Member, SameOptimizers, StrictlyIncreasing,
                       hull)
from .terms import Defined, DefinedFamily, Need, free_vars, mentions, needs
from .theorem import Theorem

__all__ = ["Context", "Defined", "DefinedFamily", "Equal", "Member", "Need", "POSITIVE_REALS",
           "SameOptimizers", "StrictlyIncreasing", "Theorem", "free_vars", "hull", "mentions",
           "needs", "rules"]
