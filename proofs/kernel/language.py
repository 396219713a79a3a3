"""The kernel's language: judgements, contexts and exact interval hulls (trusted code).

Imports sympy, `proofs.errors` and the kernel's terms only.  Judgements are frozen dataclasses; what
each one *means* is its docstring, and the primitive rules in `theorem.py` are sound with respect to
exactly that meaning.  A judgement holds in a context Γ when it holds for every value of Γ's
symbols, families and functions in their ranges, and for every real value of the symbols Γ does not
mention.
"""

from dataclasses import dataclass

import sympy as sp
from sympy.core.function import UndefinedFunction

from ..errors import SideConditionError, UnsupportedError
from .functions import TABLE
from .terms import (DefinedFamily, Defined, check_well_formed, is_exact_rational, is_plain,
                    is_plain_function, join_names, name_of, names)

POSITIVE_REALS = sp.Interval.open(0, sp.oo)


@dataclass(frozen=True, slots=True)
class Equal:
    """lhs = rhs at every admissible point: both sides undefined there, or both defined and
    equal."""
    lhs: sp.Expr
    rhs: sp.Expr

    @property
    def terms(self):
        return (self.lhs, self.rhs)

    def __str__(self):
        return f"{self.lhs} = {self.rhs}"


@dataclass(frozen=True, slots=True)
class Member:
    """expr is defined, real and in `set` at every admissible point; positivity is membership in (0,
    oo)."""
    expr: sp.Expr
    set: sp.Set

    @property
    def terms(self):
        return (self.expr,)

    def __str__(self):
        return f"{self.expr} > 0" if self.set == POSITIVE_REALS else f"{self.expr} in {self.set}"


@dataclass(frozen=True, slots=True)
class StrictlyIncreasing:
    """x ↦ func is defined on `interval` and strictly increasing there."""
    func: sp.Expr
    var: sp.Symbol
    interval: sp.Interval

    @property
    def terms(self):
        return (self.func, self.var)

    def __str__(self):
        return f"{self.var} -> {self.func} is strictly increasing on {self.interval}"


@dataclass(frozen=True, slots=True)
class SameOptimizers:
    """For every set T and map t ↦ (values of `over`) admitted by the context, as sets: {t ∈ T :
    f(t) is a sense_f-imum of f over T} = {t ∈ T : g(t) is a sense_g-imum of g over T}."""
    f: sp.Expr
    sense_f: str
    g: sp.Expr
    sense_g: str
    over: tuple

    @property
    def terms(self):
        return (self.f, self.g)

    def __str__(self):
        over = ", ".join(map(str, self.over))
        return f"arg{self.sense_f}_{{{over}}} {self.f} = arg{self.sense_g}_{{{over}}} {self.g}"


# ------------------------------------------------------------------------------------------------
# interval hulls
@dataclass(frozen=True, slots=True)
class Hull:
    """The interval (lo, hi) with open or closed ends — of integers only when `integer` — whose
    endpoints are exact rationals or ±oo.  An integer hull's finite ends are closed integers."""
    lo: sp.Expr
    hi: sp.Expr
    lo_open: bool
    hi_open: bool
    integer: bool = False

    def __post_init__(self):  # a Python float would make every comparison below inexact
        lo, hi = sp.sympify(self.lo), sp.sympify(self.hi)
        lo_open, hi_open = self.lo_open, self.hi_open
        if self.integer and lo.is_finite and (lo_open or not lo.is_Integer):
            lo, lo_open = sp.floor(lo) + 1 if lo_open else sp.ceiling(lo), False
        if self.integer and hi.is_finite and (hi_open or not hi.is_Integer):
            hi, hi_open = sp.ceiling(hi) - 1 if hi_open else sp.floor(hi), False
        for name, value in (("lo", lo), ("hi", hi), ("lo_open", lo_open), ("hi_open", hi_open)):
            object.__setattr__(self, name, value)

    def as_set(self):
        if not self.integer:
            return sp.Interval(self.lo, self.hi, self.lo_open, self.hi_open)
        named = {(1, sp.oo): sp.S.Naturals, (0, sp.oo): sp.S.Naturals0,
                 (-sp.oo, sp.oo): sp.S.Integers}
        if (self.lo, self.hi) in named:
            return named[(self.lo, self.hi)]
        if self.lo.is_finite and self.hi.is_finite and self.hi - self.lo < 16:
            return sp.FiniteSet(*range(self.lo, self.hi + 1))
        return sp.Range(self.lo, self.hi + 1)

    def is_positive(self):
        return bool(self.lo > 0 or (self.lo == 0 and self.lo_open))

    def is_negative(self):
        return bool(self.hi < 0 or (self.hi == 0 and self.hi_open))

    def within(self, other):
        if other.integer and not self.integer:
            return False
        lo_ok = self.lo > other.lo or (self.lo == other.lo and (self.lo_open or not other.lo_open))
        hi_ok = self.hi < other.hi or (self.hi == other.hi and (self.hi_open or not other.hi_open))
        return bool(lo_ok and hi_ok)

    def negated(self):
        return Hull(-self.hi, -self.lo, self.hi_open, self.lo_open, self.integer)


REALS = Hull(-sp.oo, sp.oo, True, True)
POSITIVE = Hull(0, sp.oo, True, True)
NONNEGATIVE = Hull(0, sp.oo, False, True)
ZERO = Hull(0, 0, False, False, True)
_NAMED_SETS = {
    sp.S.Naturals: Hull(1, sp.oo, False, True, True),
    sp.S.Naturals0: Hull(0, sp.oo, False, True, True),
    sp.S.Integers: Hull(-sp.oo, sp.oo, True, True, True),
    sp.S.Reals: REALS,
}


_SET_TYPES = {sp.Interval, sp.FiniteSet, sp.Range, *map(type, _NAMED_SETS)}


def _exact(value):
    """A set's end the kernel compares itself: one of sympy's own rationals, or ±∞ (a subclass
    of Integer could answer < and > falsely)."""
    return is_exact_rational(value) or value is sp.oo or value is sp.S.NegativeInfinity


def hull(real_set):
    """The smallest interval containing `real_set`; refuses sets the kernel does not reason about,
    and any set not exactly of sympy's types (a subclass could change what it contains later)."""
    if type(real_set) not in _SET_TYPES:
        raise UnsupportedError(f"the set {real_set} is not supported: use an Interval, a finite "
                               "set of rationals, a Range, Naturals, Naturals0, Integers or Reals, "
                               "of sympy's own types (split a union into claims)")
    if isinstance(real_set, sp.Interval) and _exact(real_set.start) and _exact(real_set.end):
        ends_open = bool(real_set.left_open), bool(real_set.right_open)
        return Hull(real_set.start, real_set.end, *ends_open)
    finite = isinstance(real_set, sp.FiniteSet) and real_set.args
    if finite and all(map(is_exact_rational, real_set.args)):
        integer = all(a.is_Integer for a in real_set.args)
        return Hull(min(real_set.args), max(real_set.args), False, False, integer)
    ends = real_set.args if isinstance(real_set, sp.Range) else ()
    if ends and all(_exact(end) for end in ends) and real_set.step == 1 and real_set.size > 0:
        return Hull(real_set.inf, real_set.sup, real_set.inf == -sp.oo, real_set.sup == sp.oo, True)
    for named, named_hull in _NAMED_SETS.items():
        if real_set is named:  # sympy's named sets are singletons; == on Reals builds an Interval
            return named_hull
    raise UnsupportedError(f"the set {real_set} is not supported: use an Interval with rational "
                           "endpoints, a finite set of rationals, a Range, Naturals, Naturals0, "
                           "Integers or Reals (split a union into claims)")


def index_values_hull(low, high):
    """The values a, a + 1, …, b of an index whose bounds lie in the hulls `low` (a) and `high`
    (b): from the least a to the greatest b, integers where a is one."""
    return Hull(low.lo, high.hi, low.lo_open, high.hi_open, low.integer)


def is_subset(small, big):
    """Subset test decided here, never by sympy's `is_subset` (which errs on unions)."""
    small_hull, big_hull = hull(small), hull(big)
    if type(big) is sp.FiniteSet:
        return type(small) is sp.FiniteSet and set(small.args) <= set(big.args)
    return small_hull.within(big_hull)


def add_hulls(a, b):
    return Hull(a.lo + b.lo, a.hi + b.hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open,
                a.integer and b.integer)


def mul_hulls(a, b):
    """Interval product by signs; two factors straddling 0 give all reals (sound, not tight)."""
    integer = a.integer and b.integer
    if (a.lo, a.hi) == (0, 0) or (b.lo, b.hi) == (0, 0):  # zero by value, integer or not
        return ZERO
    if a.hi <= 0:
        return mul_hulls(a.negated(), b).negated()
    if b.hi <= 0:
        return mul_hulls(a, b.negated()).negated()
    if b.lo < 0 <= a.lo:
        return mul_hulls(b, a)
    if a.lo < 0 <= b.lo:  # a straddles 0, b >= 0 reaches b.hi > 0: ends a.lo·b.hi, a.hi·b.hi
        return Hull(a.lo * b.hi, a.hi * b.hi, a.lo_open or b.hi_open, a.hi_open or b.hi_open,
                    integer)
    if not (a.lo >= 0 and b.lo >= 0):  # both straddle 0: all reals (sound, not tight)
        return Hull(-sp.oo, sp.oo, True, True, integer)
    a_lo_zero = a.lo == 0 and not a.lo_open
    b_lo_zero = b.lo == 0 and not b.lo_open
    lo_closed = (not a.lo_open and not b.lo_open) or a_lo_zero or b_lo_zero
    hi_open = a.hi_open or b.hi_open or a.hi * b.hi == sp.oo
    return Hull(a.lo * b.lo, a.hi * b.hi, not lo_closed, hi_open, integer)


def pow_hull(base, exponent, exponent_range=None, counted=False):
    """Hull of base**exponent, or None where the power may be undefined (a base that may be zero or
    negative where the exponent asks otherwise); an exponent known >= 0 keeps a positive base's
    side of 1 (b^e = exp(e·log b)); one known a count (`counted`: an integer >= 0) makes a power
    of any base defined, a product of n factors (0⁰ = 1)."""
    if exponent == 0:
        return Hull(1, 1, False, False, True)
    if exponent.is_Integer and exponent > 0:
        if base.hi <= 0 and base.lo < 0:  # x^k = (−x)^k for even k, −(−x)^k for odd k
            result = pow_hull(base.negated(), exponent)
            return result if exponent.is_even else result.negated()
        if base.lo < 0 and exponent.is_even:  # x^k = |x|^k
            return pow_hull(abs_hull(base), exponent)
        if base.lo < 0:  # odd powers are increasing
            return Hull(base.lo ** exponent, base.hi ** exponent, base.lo_open or base.lo == -sp.oo,
                        base.hi_open or base.hi == sp.oo, base.integer)
        hi_open = base.hi_open or base.hi == sp.oo
        return Hull(base.lo ** exponent, base.hi ** exponent, base.lo_open, hi_open, base.integer)
    if exponent.is_Integer and base.is_negative():
        return pow_hull(base.negated(), exponent) if exponent.is_even else \
            pow_hull(base.negated(), exponent).negated()
    if exponent.is_Integer and base.is_positive():
        inverse = Hull(1 / base.hi if base.hi != sp.oo else 0, 1 / base.lo if base.lo else sp.oo,
                       base.hi_open or base.hi == sp.oo, base.lo_open or base.lo == 0)
        return pow_hull(inverse, -exponent)
    if base.is_positive() and exponent_range is not None and exponent_range.lo >= 0:
        return Hull(0, 1, True, False) if base.hi <= 1 else \
            Hull(1, sp.oo, False, True) if base.lo >= 1 else POSITIVE
    if base.is_positive():
        return POSITIVE
    if exponent.is_Rational and exponent > 0 and base.lo >= 0:  # a non-integer power of x >= 0
        return NONNEGATIVE
    if counted:  # (Mathlib `pow_nonneg`, `pow_le_one₀`, `one_le_pow₀`)
        return REALS if base.lo < 0 else Hull(0, 1, False, False) if base.hi <= 1 else NONNEGATIVE
    return None


def log_hull(arg):
    """log of a positive hull: only the sign of each end is kept (0 when the end is on the right
    side of 1)."""
    lo = (0, not (arg.lo == 1 and not arg.lo_open)) if arg.lo >= 1 else (-sp.oo, True)
    hi = (0, not (arg.hi == 1 and not arg.hi_open)) if arg.hi <= 1 else (sp.oo, True)
    return Hull(lo[0], hi[0], lo[1], hi[1])


def abs_hull(arg):
    """|x| for x in the hull: the hull itself, its mirror, or [0, the larger end]."""
    if arg.lo >= 0:
        return arg
    if arg.hi <= 0:
        return arg.negated()
    ends = sorted([(-arg.lo, arg.lo_open), (arg.hi, arg.hi_open)], key=lambda end: end[0])
    top = ends[1][0]
    top_open = all(is_open for end, is_open in ends if end == top)
    return Hull(0, top, False, top_open, arg.integer)


def function_hull(head, arg):
    """The values of the table's function `head` at the points of the hull `arg` (which lies in its
    domain): the table's range, narrowed by the side of 0 the argument is on for an increasing
    function, or by the special cases log and Abs."""
    if head is sp.log:
        return log_hull(arg)
    if head is sp.Abs:
        return abs_hull(arg)
    entry = TABLE[head]
    low_open, high_open = "low" not in entry.closed, "high" not in entry.closed
    low, high, value = entry.low, entry.high, entry.at_zero
    if value is not None and arg.lo >= 0:  # f(x) > f(0) for x > 0, f(0) itself at x = 0
        low, low_open = value, arg.lo > 0 or arg.lo_open
    if value is not None and arg.hi <= 0:
        high, high_open = value, arg.hi < 0 or arg.hi_open
    return Hull(low, high, low_open, high_open, entry.integer)


# ------------------------------------------------------------------------------------------------
# contexts
@dataclass(frozen=True, slots=True)
class IndexRange:
    """A context's range of a sum's index whose ends mention other variables: the values
    a, a + 1, …, b the index of Σ_{i=a}^{b} takes where that sum is defined (a and b
    defined, b − a + 1 an integer ≥ 0), and none where it is not — j ≤ n under
    Σ_{j=1}^{n} Σ_{i=j}^{n}."""
    lo: sp.Expr
    hi: sp.Expr

    def __post_init__(self):
        object.__setattr__(self, "lo", sp.sympify(self.lo))
        object.__setattr__(self, "hi", sp.sympify(self.hi))

    def __str__(self):
        return f"{{{self.lo}, ..., {self.hi}}}"


def _context_key(key):
    """A key of a context: a plain symbol, a plain IndexedBase or an undefined function without
    assumptions."""
    if type(key) is sp.Symbol and is_plain(key):
        return key
    plain_base = type(key) is sp.IndexedBase and key.assumptions0 == {"commutative": True}
    if plain_base and is_plain(key.label):
        return key
    if isinstance(key, UndefinedFunction) and is_plain_function(key):
        return key
    if isinstance(key, (Defined, DefinedFamily)):
        raise UnsupportedError(f"{key} is a definition: its range follows from its body, not "
                               "from where=")
    raise UnsupportedError(f"a context's keys are plain symbols, IndexedBases or undefined "
                           "functions without sympy assumptions (the check API translates those): "
                           f"{key!r}")


class Context:
    """What each symbol, indexed family or undefined function ranges over (scalars, families and
    functions are separate objects; one name may not denote two); immutable, in a deterministic
    order."""

    __slots__ = ("entries", "names", "_table", "_mentioned")

    def __init__(self, where=None):
        entries, ends = {}, []
        for key, real_set in dict(where or {}).items():
            if isinstance(real_set, IndexRange):  # ends that are terms, and do not mention key
                ends += [check_well_formed(real_set.lo), check_well_formed(real_set.hi)]
                if name_of(key) in {name for end in ends[-2:] for name in names(end)}:
                    raise UnsupportedError(f"the range {real_set} of {key} mentions {key}")
            else:
                hull(real_set)  # refuses unsupported sets up front
            entries[_context_key(key)] = real_set
        table = join_names(*({name_of(key): key} for key in entries), *map(names, ends))
        ordered = tuple(sorted(entries.items(), key=lambda entry: name_of(entry[0])))
        object.__setattr__(self, "entries", ordered)
        object.__setattr__(self, "names", table)
        object.__setattr__(self, "_table", dict(ordered))
        object.__setattr__(self, "_mentioned",  # once: every rule's theorem asks it
                           frozenset(obj for end in ends for obj in names(end).values()))

    def __setattr__(self, name, value):
        raise AttributeError("Context is immutable")

    def __eq__(self, other):
        return isinstance(other, Context) and self.entries == other.entries

    def __hash__(self):  # the keys alone (consistent with ==): sympy builds an Interval to hash ℝ
        return hash(tuple(key for key, _ in self.entries))

    def __repr__(self):
        return "Context({" + ", ".join(f"{name_of(k)}: {s}" for k, s in self.entries) + "})"

    def lookup(self, atom):
        """The set `atom` (a symbol, p[i] or f(x)) ranges over, or None."""
        if isinstance(atom, sp.Indexed):
            key = atom.base
        elif isinstance(atom, sp.Function) and isinstance(atom.func, UndefinedFunction):
            key = atom.func
        else:
            key = atom
        return self._table.get(key)

    def includes(self, other):
        """Whether every assumption of `other` is made here too (so a theorem under `other` holds
        here)."""
        # membership in a tuple compares entries one by one: no set is hashed
        return other is self or all(entry in self.entries for entry in other.entries)

    def merged(self, *others):
        table = dict(self.entries)
        for key, real_set in (entry for other in others for entry in other.entries):
            known = table.setdefault(key, real_set)
            if known is not real_set and known != real_set:  # Reals == Reals is slow
                raise SideConditionError(f"contexts disagree on {key}: {known} vs {real_set}")
        return self if len(table) == len(self.entries) else Context(table)

    def without(self, var):
        return Context({k: s for k, s in self.entries if k != var})

    def mentioned(self):
        """The objects the ends of its index ranges name (symbols, families, functions): a
        statement may not bind them, nor a rule replace them."""
        return self._mentioned


def statement_names(context, statement):
    """Every name the statement and its context use, one object each (UnsupportedError
    otherwise)."""
    over = {name_of(v): v for v in getattr(statement, "over", ())}
    return join_names(context.names, over, *map(names, statement.terms))
