"""The kernel's language: contexts, defined constants, judgements and interval hulls (trusted code).

Imports sympy and `proofs.errors` only.  Everything here is data or a pure function that the primitive rules
in `proofs.kernel.theorem` rely on, so it is part of the trusted surface and kept small.
"""

from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef, UndefinedFunction

from ..errors import SideConditionError, UnsupportedError

BINDERS = (sp.Sum, sp.Product)
POSITIVE_REALS = sp.Interval.open(0, sp.oo)


class Defined(sp.Symbol):
    """A named constant that stands for its body: ``Defined("CE", body)`` unfolds to ``body``.

    Two definitions are the same constant only if name *and* body agree, so a definition can never clash with a
    user's plain ``Symbol("CE")`` or with another definition of the same name.
    """

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
    """Symbols occurring free in `expr`: bound indices excluded, definitions and indexed terms looked into."""
    if isinstance(expr, Defined):
        return free_vars(expr.body)
    if isinstance(expr, sp.Symbol):
        return {expr}
    if isinstance(expr, BINDERS):
        (var, lo, hi), = binder_limits(expr)
        return (free_vars(expr.function) - {var}) | free_vars(lo) | free_vars(hi)
    if isinstance(expr, sp.IndexedBase):
        return {expr.label}
    out = set()
    for arg in expr.args:
        out |= free_vars(arg)
    return out


def mentions(expr, quantity):
    """Whether `expr` depends on `quantity` (a Symbol, IndexedBase or undefined function), looking into definitions."""
    if isinstance(quantity, sp.IndexedBase):
        quantity = quantity.label
    if isinstance(expr, Defined):
        return mentions(expr.body, quantity)
    if expr == quantity or (isinstance(expr, AppliedUndef) and expr.func == quantity):
        return True
    return any(mentions(arg, quantity) for arg in expr.args)


def binder_limits(expr):
    """The single (index, lower, upper) triple of a finite Sum or Product; anything else is refused."""
    if len(expr.limits) != 1 or len(expr.limits[0]) != 3:
        raise UnsupportedError(f"only single-index sums and products with both bounds are supported: {expr}")
    var, lo, hi = expr.limits[0]
    if any(b.has(sp.oo, -sp.oo, sp.zoo) for b in (lo, hi)) or (hi - lo).is_integer is not True:
        raise UnsupportedError(f"bounds of {expr} must be finite and differ by an integer")
    return ((var, lo, hi),)


def check_well_formed(expr):
    """Refuse expressions whose meaning is not a number: nan, infinities, floats (inexact)."""
    expr = sp.sympify(expr)
    bad = expr.atoms(sp.Float) | (expr.atoms(sp.Number) & {sp.nan, sp.zoo, sp.oo, -sp.oo})
    if bad:
        raise UnsupportedError(f"expression {expr} contains {sorted(map(str, bad))}; use exact rationals")
    return expr


# ---------------------------------------------------------------------------------------------- interval hulls
# A hull (lo, hi, lo_open, hi_open) has rational or infinite endpoints; all arithmetic on it is exact.

@dataclass(frozen=True)
class Hull:
    lo: sp.Expr
    hi: sp.Expr
    lo_open: bool
    hi_open: bool

    def __post_init__(self):  # exact sympy numbers only: a Python float would make comparisons inexact
        object.__setattr__(self, "lo", sp.sympify(self.lo))
        object.__setattr__(self, "hi", sp.sympify(self.hi))

    def as_set(self):
        return sp.Interval(self.lo, self.hi, self.lo_open, self.hi_open)

    def is_positive(self):
        return self.lo > 0 or (self.lo == 0 and self.lo_open)

    def is_negative(self):
        return self.hi < 0 or (self.hi == 0 and self.hi_open)

    def is_nonnegative(self):
        return self.lo >= 0

    def within(self, other):
        """Whether every point of self lies in other."""
        lo_ok = self.lo > other.lo or (self.lo == other.lo and (self.lo_open or not other.lo_open))
        hi_ok = self.hi < other.hi or (self.hi == other.hi and (self.hi_open or not other.hi_open))
        return bool(lo_ok and hi_ok)

    def negated(self):
        return Hull(-self.hi, -self.lo, self.hi_open, self.lo_open)


REALS = Hull(-sp.oo, sp.oo, True, True)
_INTEGER_SETS = {sp.S.Naturals: Hull(1, sp.oo, False, True), sp.S.Naturals0: Hull(0, sp.oo, False, True),
                 sp.S.Integers: REALS, sp.S.Reals: REALS}


def _exact(value):
    return value.is_Rational or value in (sp.oo, -sp.oo)


def hull(real_set):
    """The smallest interval containing `real_set`; refuses sets the kernel does not reason about."""
    if real_set in _INTEGER_SETS:
        return _INTEGER_SETS[real_set]
    if isinstance(real_set, sp.Interval) and _exact(real_set.start) and _exact(real_set.end):
        return Hull(real_set.start, real_set.end, bool(real_set.left_open), bool(real_set.right_open))
    if isinstance(real_set, sp.FiniteSet) and real_set.args and all(a.is_Rational for a in real_set.args):
        return Hull(min(real_set.args), max(real_set.args), False, False)
    raise UnsupportedError(
        f"the set {real_set} is not supported: use an Interval with rational endpoints, a finite set of "
        "rationals, Naturals, Naturals0, Integers or Reals (unions must be split into separate claims)")


def is_subset(small, big):
    """Sound subset test for the supported sets (never sympy's `is_subset`, which errs on unions)."""
    if isinstance(big, sp.FiniteSet):
        return isinstance(small, sp.FiniteSet) and set(small.args) <= set(big.args)
    if big in (sp.S.Integers, sp.S.Naturals0, sp.S.Naturals):
        low = {sp.S.Integers: -sp.oo, sp.S.Naturals0: 0, sp.S.Naturals: 1}[big]
        if isinstance(small, sp.FiniteSet):
            return all(a.is_Integer and a >= low for a in small.args)
        return small in _INTEGER_SETS and small != sp.S.Reals and hull(small).lo >= low
    return hull(small).within(hull(big))


def add_hulls(a, b):
    return Hull(a.lo + b.lo, a.hi + b.hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)


def mul_hulls(a, b):
    """Interval product; intervals that straddle 0 give all reals (sound, not tight)."""
    zero = Hull(0, 0, False, False)
    if zero in (a, b):
        return zero
    if not a.is_nonnegative() and a.hi <= 0:
        return mul_hulls(a.negated(), b).negated()
    if not b.is_nonnegative() and b.hi <= 0:
        return mul_hulls(a, b.negated()).negated()
    if not (a.is_nonnegative() and b.is_nonnegative()):
        return REALS
    lo_closed = (not a.lo_open and not b.lo_open) or (a.lo == 0 and not a.lo_open) or (b.lo == 0 and not b.lo_open)
    return Hull(a.lo * b.lo, a.hi * b.hi, not lo_closed, a.hi_open or b.hi_open or a.hi * b.hi == sp.oo)


def pow_hull(base, exponent):
    """Hull of base**exponent; None when the power may be undefined (zero base, or a nonpositive one)."""
    if exponent == 0:
        return Hull(sp.S.One, sp.S.One, False, False)
    if exponent.is_Integer and exponent > 0:
        if not base.is_nonnegative():
            return REALS
        return Hull(base.lo ** exponent, base.hi ** exponent, base.lo_open, base.hi_open or base.hi == sp.oo)
    if exponent.is_Integer and base.is_negative():
        return REALS
    if exponent.is_Integer and base.is_positive():
        inv = Hull(1 / base.hi if base.hi != sp.oo else sp.S.Zero, 1 / base.lo if base.lo else sp.oo,
                   base.hi_open or base.hi == sp.oo, base.lo_open or base.lo == 0)
        return pow_hull(inv, -exponent)
    return Hull(sp.S.Zero, sp.oo, True, True) if base.is_positive() else None


def log_hull(arg):
    lo = (sp.S.Zero, not (arg.lo == 1 and not arg.lo_open)) if arg.lo >= 1 else (-sp.oo, True)
    hi = (sp.S.Zero, not (arg.hi == 1 and not arg.hi_open)) if arg.hi <= 1 else (sp.oo, True)
    return Hull(lo[0], hi[0], lo[1], hi[1])


# ---------------------------------------------------------------------------------------------- contexts
class Context:
    """What each symbol, IndexedBase or undefined function ranges over (immutable, deterministic order)."""

    __slots__ = ("entries",)

    def __init__(self, where=None):
        entries = {}
        for key, real_set in dict(where or {}).items():
            if isinstance(key, sp.Symbol) and isinstance(key, Defined):
                raise UnsupportedError(f"a defined constant cannot be constrained: {key}")
            if not isinstance(key, (sp.Symbol, sp.IndexedBase, UndefinedFunction)):
                raise UnsupportedError(f"where= keys must be symbols, IndexedBases or undefined functions, not {key!r}")
            key = key.label if isinstance(key, sp.IndexedBase) else key
            hull(real_set)  # refuses unsupported sets early
            entries[key] = real_set
        object.__setattr__(self, "entries", tuple(sorted(entries.items(), key=lambda kv: str(kv[0]))))

    def __setattr__(self, name, value):
        raise AttributeError("Context is immutable")

    def __eq__(self, other):
        return isinstance(other, Context) and self.entries == other.entries

    def __hash__(self):
        return hash(self.entries)

    def __repr__(self):
        return "Context({" + ", ".join(f"{k}: {v}" for k, v in self.entries) + "})"

    def key_of(self, atom):
        if isinstance(atom, sp.Indexed):
            return atom.base.label
        if isinstance(atom, AppliedUndef):
            return atom.func
        return atom

    def lookup(self, atom):
        key = self.key_of(atom)
        return next((s for k, s in self.entries if k == key), None)

    def includes(self, other):
        """Whether every assumption of `other` is also made here (a theorem under `other` holds here)."""
        return set(other.entries) <= set(self.entries)

    def merged(self, *others):
        table = dict(self.entries)
        for other in others:
            for key, real_set in other.entries:
                if table.setdefault(key, real_set) != real_set:
                    raise SideConditionError(f"contexts disagree on {key}: {table[key]} vs {real_set}")
        return Context(table)

    def extended(self, var, real_set):
        if self.lookup(var) is not None:
            raise SideConditionError(f"{var} is already constrained by the context")
        return Context(dict(self.entries) | {var: real_set})


# ---------------------------------------------------------------------------------------------- judgements
@dataclass(frozen=True)
class Equal:
    """lhs = rhs for every admissible value of the free symbols (both sides undefined, or defined and equal)."""
    lhs: sp.Expr
    rhs: sp.Expr

    def __str__(self):
        return f"{self.lhs} = {self.rhs}"


@dataclass(frozen=True)
class Member:
    """expr is defined, real and in `set` for every admissible value; positivity is membership in (0, oo)."""
    expr: sp.Expr
    set: sp.Set

    def __str__(self):
        return f"{self.expr} > 0" if self.set == POSITIVE_REALS else f"{self.expr} in {self.set}"


@dataclass(frozen=True)
class StrictlyIncreasing:
    """x -> func is defined on `interval` and strictly increasing there."""
    func: sp.Expr
    var: sp.Symbol
    interval: sp.Interval

    def __str__(self):
        return f"{self.var} -> {self.func} is strictly increasing on {self.interval}"


@dataclass(frozen=True)
class SameOptimizers:
    """For every set T and every map t -> (values of `over`) admitted by the context,
    arg-`sense_f` over T of f equals arg-`sense_g` over T of g, as sets."""
    f: sp.Expr
    sense_f: str
    g: sp.Expr
    sense_g: str
    over: tuple

    def __str__(self):
        over = ", ".join(map(str, self.over))
        return f"arg{self.sense_f}_{{{over}}} {self.f} = arg{self.sense_g}_{{{over}}} {self.g}"
