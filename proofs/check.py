"""The verification API users call in their own code and tests (imports the kernel and the derived rules).

Each function returns the `Theorem` (its premises are the proof tree) or raises `ProofError` naming the rule and
the condition that failed.  ``where`` maps symbols, IndexedBases or undefined functions to the sympy set each
ranges over; sympy's own assumptions on symbols count too.

>>> import sympy as sp
>>> from proofs import check
>>> a, b = sp.symbols("a b")
>>> positive = sp.Interval.open(0, sp.oo)
>>> check.equal(sp.log(a * b), sp.log(a) + sp.log(b), where={a: positive, b: positive})
<Theorem [log_of_mul] log(a*b) = log(a) + log(b)>
"""

import sympy as sp

from .errors import RuleApplicationError, UnsupportedError
from .kernel import Context
from .rules import monotonicity, normal_form, optimizers, positivity

__all__ = ["context", "positive", "member", "strictly_increasing", "equal", "same_optimizers"]


def context(where=None):
    """The kernel `Context` for a ``where`` mapping (a Context passes through)."""
    return where if isinstance(where, Context) else Context(where)


def _expr(value, name):
    try:
        return sp.sympify(value, strict=True)
    except (sp.SympifyError, TypeError) as error:
        raise UnsupportedError(f"{name} must be a sympy expression, got {value!r}") from error


def positive(expr, where=None):
    """Prove ``expr > 0`` from the ranges in `where`."""
    return positivity.prove_positive(context(where), _expr(expr, "expr"))


def member(expr, real_set, where=None):
    """Prove ``expr ∈ real_set`` (an interval, finite set or Reals) from the ranges in `where`."""
    from .kernel import rules as K
    fact = positivity.prove_member(context(where), _expr(expr, "expr"))
    return fact if fact.statement.set == real_set else K.member_widen(fact, real_set)


def strictly_increasing(expr, var, interval, where=None):
    """Prove that ``var ↦ expr`` is strictly increasing on `interval` (continuity and g' > 0 both shown)."""
    expr = _expr(expr, "expr")
    if not isinstance(var, sp.Symbol):
        raise RuleApplicationError(f"var must be a sympy Symbol, got {var!r}")
    plain = sp.Symbol(var.name)
    if plain != var:  # assumptions on var would restrict it further than `interval` says
        if plain in expr.free_symbols:
            raise UnsupportedError(f"{var} carries sympy assumptions and a plain {plain} also occurs in {expr}")
        expr = expr.xreplace({var: plain})
    return monotonicity.prove_strictly_increasing(context(where), expr, plain, interval)


def equal(lhs, rhs, where=None):
    """Prove ``lhs = rhs``: logs of positive products and powers expanded, sums split, then ring normalization."""
    return normal_form.prove_equal(context(where), _expr(lhs, "lhs"), _expr(rhs, "rhs"))


def same_optimizers(f, g, over, where=None, senses=("max", "min")):
    """Prove arg-senses[0] of f equals arg-senses[1] of g, as sets, over the quantities in `over`.

    When f is provably positive its log may be taken; then constants c, d free of `over` with
    (log) f = c·g + d are sought, the identity proved, the sign of c shown, and the rules chained.
    """
    over = tuple(over) if isinstance(over, (list, tuple, set, frozenset)) else (over,)
    if len(senses) != 2 or any(s not in ("max", "min") for s in senses):
        raise RuleApplicationError(f"senses must be a pair of 'max'/'min', got {senses!r}")
    return optimizers.same_optimizers(context(where), _expr(f, "f"), _expr(g, "g"), over, tuple(senses))
