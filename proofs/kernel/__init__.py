"""The trusted kernel: judgements, contexts and the primitive rules that alone can create a `Theorem`.

Imports sympy and `proofs.errors` only.  Read `language.py` (what a judgement means) and then `theorem.py`
(the rules).  Everything outside this package is untrusted: it can only combine these rules.
"""

from . import theorem as rules
from .language import (POSITIVE_REALS, Context, Defined, Equal, Member, SameOptimizers, StrictlyIncreasing,
                       free_vars, hull, mentions)
from .theorem import Theorem

__all__ = ["Context", "Defined", "Equal", "Member", "POSITIVE_REALS", "SameOptimizers", "StrictlyIncreasing",
           "Theorem", "free_vars", "hull", "mentions", "rules"]
