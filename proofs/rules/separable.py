"""A sum of parts in different variables, each bounded by its own least value:
eˣ − 1 − x + eʸ − 1 − y ≥ 0 as eˣ − x ≥ 1 and eʸ − y ≥ 1, each part a function of one variable
that the engine's routes bound.  Intervals bound each term alone and see no sign in eˣ − x, and
the routes that follow a function of one variable take one symbol, not two.

The engine splits the terms into parts that share no symbol (a square, (x − y)², is a part of its
own: it is ≥ 0 whatever the others do), guesses each part's least value (untrusted: its values at
the rational zeros of its slope, near its numeric extrema, where its variables are equal), and
asks the other routes for each part's bound, given a share of the room the guesses leave.  The
kernel adds the parts' ranges (`member_add`).  Where the parts share no symbol, their least values
add up to the sum's: the claim is refused only when a part's own bound is.  Mathlib `add_le_add`;
Coq `Rplus_le_compat`.  Imports the kernel and the rules it builds on only.
"""

import math

import sympy as sp
from sympy.core.function import AppliedUndef

from ..errors import ProofError
from ..kernel import Defined, hull
from ..kernel import rules as K
from .bounds import diagonal_points, numeric_extrema, stationary_points
from .extrema import CANDIDATES, rational_zeros
from .monotonicity import float_function
from .positivity import met, prove_member

# more parts than this are left to the other routes: each part costs them once
MOST_PARTS = 4


def through_parts(context, fact, target, narrow):
    """`fact` (Γ ⊢ c + g_1 + … + g_k ∈ S) narrowed into `target` at each finite end S misses,
    where each part g_j is bounded by `narrow` (the engine's other routes) beyond its guessed least
    (greatest) value less a share of the room those values leave; else None.  Parts in different
    symbols first; then, where that fails, with each square a part of its own; then each term
    (−(1/n) Σ_i g_i + (n − 1)/n, each ≥ 0)."""
    expr, wanted = fact.statement.expr, hull(target)
    tried = []
    for apart in SPLITS:
        parts = split(expr, apart)
        if parts is None or parts in tried:
            continue
        tried.append(parts)
        narrowed = fact
        for end, sign, is_open in ((wanted.lo, 1, wanted.lo_open),
                                   (wanted.hi, -1, wanted.hi_open)):
            half = (sp.Interval(end, sp.oo, is_open, True) if sign > 0 else
                    sp.Interval(-sp.oo, end, True, is_open))
            if not end.is_finite or hull(narrowed.statement.set).within(hull(half)):
                continue
            bound = _side(context, *parts, end, sign, is_open, narrow)
            try:
                narrowed = None if bound is None else met(narrowed, bound)
            except ProofError:
                narrowed = None
            if narrowed is None:
                break
        if narrowed is not None:
            return narrowed
    return None


# the ways a sum is split, in turn: by symbols shared, with squares apart, each term apart
SPLITS = ("symbols", "squares", "terms")


def split(expr, apart="symbols"):
    """(c, [g_1, …, g_k]) with expr = c + g_1 + … + g_k, c a rational number, each g_j the terms
    that share symbols with one another and none with another part's, and the constants that are
    no rational (log 2) one more part; `apart` "squares": each square (a positive multiple of an
    even power) a part of its own, the others so split; "terms": each term a part.  None where
    fewer than two parts have symbols, or there are more than MOST_PARTS."""
    constant, terms = expr.as_coeff_add()
    if apart == "terms" and len(_variables(expr)) < 2:  # a function of one variable (x_i
        return None  # among them) is the routes' that follow it (|u| − log cosh u)
    squares = [term for term in terms if apart == "squares" and _square(term)]
    constants = [term for term in terms if not term.free_symbols]
    groups = []
    for term in terms:
        if term in squares or term in constants:
            continue
        symbols = set(term.free_symbols) if apart != "terms" else set()
        joined = [group for group in groups if group[0] & symbols]
        for group in joined:
            groups.remove(group)
            symbols |= group[0]
        groups.append((symbols, [term for group in joined for term in group[1]] + [term]))
    parts = [sp.Add(*group[1]) for group in groups] + squares
    if not 2 <= len(parts) <= MOST_PARTS - bool(constants):
        return None
    return constant, parts + ([sp.Add(*constants)] if constants else [])


def _variables(expr):
    """expr's variables: its entries (x_i one of them) and the symbols outside them."""
    entries = {entry: sp.Dummy() for entry in expr.atoms(sp.Indexed)}
    return set(entries) | (expr.xreplace(entries).free_symbols - set(entries.values()))


def _square(term):
    """Whether term is a positive number times an even power: ≥ 0 whatever its variables are."""
    coefficient, rest = term.as_coeff_Mul()
    return (coefficient > 0 and isinstance(rest, sp.Pow) and rest.exp.is_Integer
            and rest.exp.is_even and rest.exp > 0)


def _side(context, constant, parts, end, sign, is_open, narrow):
    """Γ ⊢ c + Σ g_j ∈ a half-line on `sign`'s side of `end` (open where `is_open`), from each g_j
    narrowed beyond its guessed extreme value less a share of the room; or None."""
    extremes = [_extreme(context, part, sign) for part in parts]
    if None in extremes:
        return None
    room = sign * (constant + sum(extremes) - end)
    if room.is_nonnegative is not True or (room.is_zero and is_open):
        return None  # the guesses leave no room: the claim is false where they are met, or
        # a part's extreme was missed
    # one share left over, for a strict end and for the rounding of irrational ends to rationals
    share = room / (len(parts) + 1)
    ends = [extreme if room.is_zero else _rational_beyond(extreme - sign * share, -sign)
            for extreme in extremes]
    if None in ends:
        return None
    gap = sign * (constant + sum(ends) - end)
    if gap.is_negative or (is_open and not gap.is_positive):
        return None
    bounds = []
    for part, part_end in zip(parts, ends):
        half = sp.Interval(part_end, sp.oo) if sign > 0 else sp.Interval(-sp.oo, part_end)
        try:
            bound = narrow(context, prove_member(context, part, sides=True), half)
        except ProofError:
            return None
        if not hull(bound.statement.set).within(hull(half)):
            return None
        bounds.append(bound)
    try:
        total = bounds[0]
        for bound in bounds[1:]:
            total = K.member_add(total, bound)
        return K.member_add(total, prove_member(context, constant)) if constant else total
    except ProofError:
        return None


def _rational_beyond(value, direction):
    """value where it is rational, else a rational within 10⁻⁶ of it on `direction`'s side (below
    for −1): a part's bound at a rational is cheaper to prove and compare (x log x ≥ −1/e − 10⁻⁶
    rather than ≥ −1/e); None for a value beyond floating point (e^1000)."""
    if value.is_Rational:
        return value
    try:
        scaled = float(value) * 10 ** 6
    except (TypeError, OverflowError):
        return None
    if not math.isfinite(scaled):
        return None
    return sp.Rational(math.floor(scaled) if direction < 0 else math.ceil(scaled), 10 ** 6)


def _extreme(context, part, sign):
    """A guess of the least (sign > 0) or greatest value of `part` over its variables' ranges:
    its exact value at the guessed point where it is least (greatest) in floating point (sympy's
    exact evaluation of e^(e^x) at x = 10⁴ builds an integer of astronomical size); or None.  A
    constant is its own."""
    if not part.free_symbols:
        return part
    symbols = sorted(part.free_symbols, key=str)
    value_at = float_function(symbols, part)
    values = []
    for point in _points(context, part) if value_at else ():
        number = value_at(*(float(point[symbol]) for symbol in symbols))
        if number is not None and math.isfinite(number):
            values.append((sign * number, point))
    if values:
        value = part.xreplace(min(values, key=lambda pair: pair[0])[1])
        return value if value.is_real and value.is_finite else None
    # no point to try (sums, entries): the end its intervals give where finite, else 0, where a
    # sum of terms of one sign ends (Σ (e^{x_i} − 1 − x_i) ≥ 0, term by term)
    try:
        bound = hull(prove_member(context, part).statement.set)
    except ProofError:
        return None
    end = bound.lo if sign > 0 else bound.hi
    return end if end.is_finite else sp.S.Zero


def _points(context, part):
    """Points of part's variables, within their ranges, near where it may be least or greatest:
    its slope's rational zeros and numeric extrema (one variable), where its gradient vanishes or
    its variables are equal (several), and the few CANDIDATES."""
    symbols = sorted(part.free_symbols, key=str)
    if not symbols or any(type(symbol) is not sp.Symbol for symbol in symbols) or \
            part.atoms(sp.Indexed, sp.Sum, sp.Product, AppliedUndef, Defined):
        return []
    if len(symbols) == 1:
        (var,) = symbols
        values = set(CANDIDATES) | set(numeric_extrema(part, var))
        try:
            values |= rational_zeros(sp.diff(part, var), var)
        except (ProofError, ValueError, TypeError):
            pass
        domain = context.lookup(var)
        if isinstance(domain, sp.Interval):
            values |= {end for end, is_open in ((domain.start, domain.left_open),
                                                (domain.end, domain.right_open))
                       if end.is_finite and not is_open}
        points = [{var: value} for value in values]
    else:
        points = stationary_points(part) + diagonal_points(part)
    return [point for point in points if all(_within(context, var, value)
                                             for var, value in point.items())]


def _within(context, var, value):
    """Whether `value` lies in var's range (free variables range over the reals)."""
    domain = context.lookup(var) or sp.S.Reals
    return isinstance(domain, sp.Set) and bool(domain.contains(value) == sp.true)
