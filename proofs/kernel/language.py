"""The kernel's language: judgements, contexts, defined constants and exact interval hulls (trusted code).

Imports sympy and `proofs.errors` only.  Judgements are frozen dataclasses; what each one *means* is its
docstring, and the primitive rules in `theorem.py` are sound with respect to exactly that meaning.
"""

import functools
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef, UndefinedFunction

from ..errors import SideConditionError, UnsupportedError

BINDERS = (sp.Sum, sp.Product)
POSITIVE_REALS = sp.Interval.open(0, sp.oo)


@dataclass(frozen=True)
class Equal:
    """lhs = rhs at every admissible point: both sides undefined there, or both defined and equal."""
    lhs: sp.Expr
    rhs: sp.Expr

    def __str__(self):
        return f"{self.lhs} = {self.rhs}"


@dataclass(frozen=True)
class Member:
    """expr is defined, real and in `set` at every admissible point; positivity is membership in (0, oo)."""
    expr: sp.Expr
    set: sp.Set

    def __str__(self):
        return f"{self.expr} > 0" if self.set == POSITIVE_REALS else f"{self.expr} in {self.set}"


@dataclass(frozen=True)
class StrictlyIncreasing:
    """x ↦ func is defined on `interval` and strictly increasing there."""
    func: sp.Expr
    var: sp.Symbol
    interval: sp.Interval

    def __str__(self):
        return f"{self.var} -> {self.func} is strictly increasing on {self.interval}"


@dataclass(frozen=True)
class SameOptimizers:
    """For every set T and map t ↦ (values of `over`) admitted by the context, as sets:
    {t ∈ T : f(t) is a sense_f-imum of f over T} = {t ∈ T : g(t) is a sense_g-imum of g over T}."""
    f: sp.Expr
    sense_f: str
    g: sp.Expr
    sense_g: str
    over: tuple

    def __str__(self):
        over = ", ".join(map(str, self.over))
        return f"arg{self.sense_f}_{{{over}}} {self.f} = arg{self.sense_g}_{{{over}}} {self.g}"


class Defined(sp.Symbol):
    """A named constant standing for its body.  Name *and* body make its identity, so it never clashes with a
    plain ``Symbol`` of the same name or with another definition."""

    def __new__(cls, name, body):
        obj = sp.Symbol.__xnew__(cls, name)
        obj.body = sp.sympify(body)
        return obj

    def __getnewargs_ex__(self):
        return (self.name, self.body), {}

    def _hashable_content(self):
        return (self.name, self.body)

    @property
    def free_symbols(self):
        return self.body.free_symbols


def free_vars(expr):
    """Symbols free in `expr`: bound indices excluded; definitions and IndexedBase labels looked into."""
    if isinstance(expr, Defined):
        return free_vars(expr.body)
    if isinstance(expr, sp.Symbol):
        return {expr}
    if isinstance(expr, BINDERS):
        var, lo, hi = binder_limits(expr)
        return (free_vars(expr.function) - {var}) | free_vars(lo) | free_vars(hi)
    return set().union(*map(free_vars, expr.args))


def mentions(expr, quantity):
    """Whether `expr` depends on `quantity` (a Symbol, IndexedBase or undefined function)."""
    quantity = quantity.label if isinstance(quantity, sp.IndexedBase) else quantity
    if isinstance(expr, Defined):
        return mentions(expr.body, quantity)
    if expr == quantity or (isinstance(expr, AppliedUndef) and expr.func == quantity):
        return True
    return any(mentions(arg, quantity) for arg in expr.args)


def binder_limits(expr):
    """(index, lower, upper) of a single-index Sum or Product with finite bounds an integer apart."""
    if len(expr.limits) != 1 or len(expr.limits[0]) != 3:
        raise UnsupportedError(f"only single-index sums and products with both bounds are supported: {expr}")
    var, lo, hi = expr.limits[0]
    if lo.has(sp.oo, -sp.oo, sp.zoo) or hi.has(sp.oo, -sp.oo, sp.zoo) or (hi - lo).is_integer is not True:
        raise UnsupportedError(f"bounds of {expr} must be finite and differ by an integer")
    return var, lo, hi


@functools.lru_cache(maxsize=4096)
def check_well_formed(expr):
    """Refuse expressions that are not numbers (nan, infinities) or are inexact (floats); memoized, as every rule
    asks it of the terms it builds on."""
    expr = sp.sympify(expr)
    bad = {a for a in expr.atoms(sp.Number) if isinstance(a, sp.Float) or a in (sp.nan, sp.zoo, sp.oo, -sp.oo)}
    if bad:
        raise UnsupportedError(f"expression {expr} contains {sorted(map(str, bad))}; use exact rationals")
    return expr


# ------------------------------------------------------------------------------------------------ interval hulls
@dataclass(frozen=True)
class Hull:
    """The interval (lo, hi) with open/closed ends; endpoints are exact rationals or ±oo."""
    lo: sp.Expr
    hi: sp.Expr
    lo_open: bool
    hi_open: bool

    def __post_init__(self):  # a Python float would make every comparison below inexact
        object.__setattr__(self, "lo", sp.sympify(self.lo))
        object.__setattr__(self, "hi", sp.sympify(self.hi))

    def as_set(self):
        return sp.Interval(self.lo, self.hi, self.lo_open, self.hi_open)

    def is_positive(self):
        return bool(self.lo > 0 or (self.lo == 0 and self.lo_open))

    def is_negative(self):
        return bool(self.hi < 0 or (self.hi == 0 and self.hi_open))

    def within(self, other):
        lo_ok = self.lo > other.lo or (self.lo == other.lo and (self.lo_open or not other.lo_open))
        hi_ok = self.hi < other.hi or (self.hi == other.hi and (self.hi_open or not other.hi_open))
        return bool(lo_ok and hi_ok)

    def negated(self):
        return Hull(-self.hi, -self.lo, self.hi_open, self.lo_open)


REALS, POSITIVE, ZERO = Hull(-sp.oo, sp.oo, True, True), Hull(0, sp.oo, True, True), Hull(0, 0, False, False)
_NAMED_SETS = {sp.S.Naturals: Hull(1, sp.oo, False, True), sp.S.Naturals0: Hull(0, sp.oo, False, True),
               sp.S.Integers: REALS, sp.S.Reals: REALS}


def hull(real_set):
    """The smallest interval containing `real_set`; refuses sets the kernel does not reason about."""
    exact = lambda v: v.is_Rational or v in (sp.oo, -sp.oo)  # noqa: E731
    if isinstance(real_set, sp.Interval) and exact(real_set.start) and exact(real_set.end):  # Reals too
        return Hull(real_set.start, real_set.end, bool(real_set.left_open), bool(real_set.right_open))
    if isinstance(real_set, sp.FiniteSet) and real_set.args and all(a.is_Rational for a in real_set.args):
        return Hull(min(real_set.args), max(real_set.args), False, False)
    if real_set in _NAMED_SETS:
        return _NAMED_SETS[real_set]
    raise UnsupportedError(f"the set {real_set} is not supported: use an Interval with rational endpoints, a finite "
                           "set of rationals, Naturals, Naturals0, Integers or Reals (split a union into claims)")


def is_subset(small, big):
    """Subset test decided here, never by sympy's `is_subset` (which errs on unions)."""
    if isinstance(big, sp.FiniteSet):
        return isinstance(small, sp.FiniteSet) and set(small.args) <= set(big.args)
    return (isinstance(big, sp.Interval) or big == sp.S.Reals) and hull(small).within(hull(big))


def add_hulls(a, b):
    return Hull(a.lo + b.lo, a.hi + b.hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)


def mul_hulls(a, b):
    """Interval product by signs; a factor straddling 0 gives all reals (sound, not tight)."""
    if ZERO in (a, b):
        return ZERO
    if a.hi <= 0 or b.hi <= 0:
        return mul_hulls(a.negated(), b).negated() if a.hi <= 0 else mul_hulls(a, b.negated()).negated()
    if not (a.lo >= 0 and b.lo >= 0):
        return REALS
    lo_closed = (not a.lo_open and not b.lo_open) or (a.lo == 0 and not a.lo_open) or (b.lo == 0 and not b.lo_open)
    return Hull(a.lo * b.lo, a.hi * b.hi, not lo_closed, a.hi_open or b.hi_open or a.hi * b.hi == sp.oo)


def pow_hull(base, exponent):
    """Hull of base**exponent, or None where the power may be undefined (a zero or nonpositive base)."""
    if exponent == 0:
        return Hull(1, 1, False, False)
    if exponent.is_Integer and exponent > 0:  # even powers of a hull straddling 0: all reals (sound, not tight)
        return Hull(base.lo ** exponent, base.hi ** exponent, base.lo_open, base.hi_open or base.hi == sp.oo) \
            if base.lo >= 0 else REALS
    if exponent.is_Integer and base.is_negative():
        return REALS
    if exponent.is_Integer and base.is_positive():
        inverse = Hull(1 / base.hi if base.hi != sp.oo else 0, 1 / base.lo if base.lo else sp.oo,
                       base.hi_open or base.hi == sp.oo, base.lo_open or base.lo == 0)
        return pow_hull(inverse, -exponent)
    return POSITIVE if base.is_positive() else None


def log_hull(arg):
    """log of a positive hull: only the sign of each end is kept (0 when the end is on the right side of 1)."""
    lo = (0, not (arg.lo == 1 and not arg.lo_open)) if arg.lo >= 1 else (-sp.oo, True)
    hi = (0, not (arg.hi == 1 and not arg.hi_open)) if arg.hi <= 1 else (sp.oo, True)
    return Hull(lo[0], hi[0], lo[1], hi[1])


# ------------------------------------------------------------------------------------------------ contexts
class Context:
    """What each symbol, IndexedBase or undefined function ranges over; immutable, in a deterministic order."""

    __slots__ = ("entries",)

    def __init__(self, where=None):
        entries = {}
        for key, real_set in dict(where or {}).items():
            if isinstance(key, Defined) or not isinstance(key, (sp.Symbol, sp.IndexedBase, UndefinedFunction)):
                raise UnsupportedError(f"where= keys must be symbols, IndexedBases or undefined functions: {key!r}")
            hull(real_set)  # refuses unsupported sets up front
            entries[key.label if isinstance(key, sp.IndexedBase) else key] = real_set
        object.__setattr__(self, "entries", tuple(sorted(entries.items(), key=lambda kv: str(kv[0]))))

    def __setattr__(self, name, value):
        raise AttributeError("Context is immutable")

    def __eq__(self, other):
        return isinstance(other, Context) and self.entries == other.entries

    def __hash__(self):  # the keys alone (consistent with ==): sympy builds an Interval to hash Reals, every time
        return hash(tuple(key for key, _ in self.entries))

    def lookup(self, atom):
        """The set `atom` (a symbol, p[i] or f(x)) ranges over, or None."""
        key = atom.base.label if isinstance(atom, sp.Indexed) else atom.func if isinstance(atom, AppliedUndef) else atom
        return dict(self.entries).get(key)

    def includes(self, other):
        """Whether every assumption of `other` is made here too (so a theorem under `other` holds here)."""
        return other is self or all(entry in self.entries for entry in other.entries)  # no hashing of sets

    def merged(self, *others):
        table = dict(self.entries)
        for key, real_set in (entry for other in others for entry in other.entries):
            if table.setdefault(key, real_set) is not real_set and table[key] != real_set:  # Reals == Reals is slow
                raise SideConditionError(f"contexts disagree on {key}: {table[key]} vs {real_set}")
        return self if len(table) == len(self.entries) else Context(table)

    def without(self, var):
        return Context({k: s for k, s in self.entries if k != var})
