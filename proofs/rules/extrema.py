"""Ends of a range that interval arithmetic misses, reached through where a function of one variable
increases and decreases: x − 1 − log x is only known to be real term by term, but it decreases on
(0, 1] and increases on [1, ∞), so it is at least its value 0 at x = 1 (log x ≤ x − 1), and
eˣ − 1 − x ≥ 0 in the same way.

The engine guesses the points where the derivative vanishes (untrusted: a rational function's
rational roots, or a few small rationals tried); on each piece between them the kernel proves the
function monotone from its derivative's sign (`increasing_by_derivative`), bounds it by its value
at the piece's end (`member_monotone`) and joins the pieces (`by_cases`).  A derivative whose
sign intervals miss is shown positive the same way, one derivative deeper (monotonicity, at most
three deep): eˣ − 1 − x − x²/2 ≥ 0 on [0, ∞), its slope eˣ − 1 − x being positive there.  Imports
the kernel and monotonicity only.
"""

import functools

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.polys.polyerrors import BasePolynomialError

from ..errors import ProofError
from ..kernel import Defined, hull
from ..kernel import rules as K
from .monotonicity import costly_polynomial, extended, prove_strictly_increasing
from .positivity import met

# a function with more pieces than this is left to the other rules: each piece costs proofs
MOST_PIECES = 4


def through_monotonicity(context, fact, target, depth=0):
    """`fact` (Γ ⊢ g ∈ S, g a function of one symbol x ranging over an interval) narrowed into
    `target` at each end S misses, or None: on each piece of x's range between the zeros of g', g
    is monotone and lies beyond its value at the piece's end nearer that end of g.  `depth`
    counts the derivatives taken before (monotonicity.MOST_DERIVATIVES)."""
    g, wanted = fact.statement.expr, hull(target)
    var = one_variable(context, g)
    if var is None:
        return None
    domain = context.lookup(var) or sp.S.Reals
    pieces = _pieces(g, var, domain)
    if pieces is None:
        return None
    rest = context.without(var)
    for end, lower, is_open in ((wanted.lo, True, wanted.lo_open),
                                (wanted.hi, False, wanted.hi_open)):
        half = (sp.Interval(end, sp.oo, is_open, True) if lower else
                sp.Interval(-sp.oo, end, True, is_open))
        if not end.is_finite or hull(fact.statement.set).within(hull(half)):
            continue
        bounds = [_piece_bound(rest, g, var, piece, lower, end, depth) for piece in pieces]
        if None in bounds:
            return None
        try:
            widened = [K.member_widen(bound, half) for bound in bounds]
            joined = functools.reduce(lambda one, other: K.by_cases(one, other, var), widened)
            fact = met(fact, joined)
        except ProofError:
            return None
    return fact


def one_variable(context, g):
    """The one symbol g is a function of, when it ranges over an interval (or is free), else
    None."""
    if g.atoms(sp.Indexed, sp.Sum, sp.Product, AppliedUndef, Defined) or len(g.free_symbols) != 1:
        return None
    (var,) = g.free_symbols
    domain = context.lookup(var)
    return var if domain is None or isinstance(domain, sp.Interval) else None


def _pieces(g, var, domain):
    """The domain cut at the rational zeros of g' inside it (each zero in both pieces beside it),
    or None when there are too many."""
    inside = sorted(z for z in rational_zeros(sp.diff(g, var), var)
                    if domain.start < z < domain.end)
    if len(inside) + 1 > MOST_PIECES:
        return None
    if not inside and domain == sp.S.Reals:  # two cases, so that x ∈ ℝ is no assumption after
        inside = [sp.S.Zero]
    return cut_at(domain, inside)


def cut_at(domain, inside):
    """The interval `domain` cut at the sorted points `inside` it: closed at each cut (each point
    in both pieces beside it), open at the domain's own ends where it is."""
    ends = [domain.start, *inside, domain.end]
    return [sp.Interval(lo, hi, domain.left_open if k == 0 else False,
                        domain.right_open if k == len(ends) - 2 else False)
            for k, (lo, hi) in enumerate(zip(ends, ends[1:]))]


# where a slope that is no rational function is tried for a zero (eˣ − 1 at 0, 1 − cos x at 0)
CANDIDATES = [sp.Integer(k) for k in (0, 1, -1, 2, -2)] + [sp.Rational(k, 2) for k in (1, -1)]
SHORT_SLOPE = 12  # operations in a slope of exponentials and logs that sympy's solve is given


def rational_zeros(slope, var):
    """The rational zeros of `slope`: all of them for a rational function (its numerator's rational
    roots); else the CANDIDATES where it vanishes, or, for a short slope of exponentials and logs,
    sympy's solve (e^{x − 3} − 1 at 3).  A guess, kept cheap: sympy's solve spends seconds on
    eˣ(sin x + cos x) − 1, so no trigonometric slope is given to it, and a minute on 18x − e^{x/2}/6
    (Lambert's W, whose values are rational only by chance), so neither is a slope where x also
    stands outside its exponentials and logs."""
    if costly_polynomial(slope):
        return {point for point in CANDIDATES if slope.subs(var, point) == 0}
    numerator = sp.numer(sp.together(slope))
    if numerator.is_polynomial(var):
        try:
            return set(sp.Poly(numerator, var, domain=sp.QQ).ground_roots())
        except BasePolynomialError:  # coefficients beyond the rationals (√2 x − 1)
            return set()
    found = {point for point in CANDIDATES if slope.subs(var, point) == 0}
    heads = {type(node) for node in sp.preorder_traversal(slope) if not node.is_Atom}
    if found or not heads <= {sp.Add, sp.Mul, sp.Pow, sp.exp, sp.log} or \
            sp.count_ops(slope) > SHORT_SLOPE or _outside_exp_and_log(slope, var):
        return found
    try:
        return {zero for zero in sp.solve(slope, var) if zero.is_Rational}
    except (NotImplementedError, ValueError, TypeError):  # no method sympy knows
        return set()


def _outside_exp_and_log(slope, var):
    """Whether `var` stands in `slope` outside its exponentials and logs (18x − e^{x/2}/6)."""
    opaque = slope.xreplace({atom: sp.Dummy() for atom in slope.atoms(sp.exp, sp.log)})
    return var in opaque.free_symbols


def _piece_bound(rest, g, var, piece, lower, end, depth):
    """Γ, x ∈ piece ⊢ g ∈ [g(a), ∞) (`lower`) or (−∞, g(a)], a the end of the piece where g is
    least (greatest), when g is monotone there and that end is finite; else None.  An open end
    a is joined to the piece where g is defined there, for the monotonicity alone: then g > g(a)
    on the piece (x − 1 − log x > 0 for x > 1).  Where g(a) is irrational (e, log 2), the
    target's `end` takes its place (g ≤ 3 as e ≤ 3)."""
    case = extended(rest, var, piece)
    for sign in (1, -1):  # increasing, then decreasing (−g increasing)
        # where g is least: the left end if it increases, the right one if it decreases; g is
        # shown monotone with that end joined, where it must be defined (on [1, ∞) for x > 1)
        at_left = (sign > 0) == lower
        at = piece.start if at_left else piece.end
        closed = sp.Interval(piece.start, piece.end, piece.left_open and not at_left,
                             piece.right_open and at_left) if at.is_finite else piece
        try:
            monotone = prove_strictly_increasing(rest, sign * g, var, closed, depth)
        except ProofError:
            continue
        if not at.is_finite:
            return None
        try:
            bound = K.member_monotone(monotone, K.member_context(case, var), at, above=at_left,
                                      bound=sign * end)
            if sign < 0:
                bound = K.member_mul(K.member_context(case, sp.Integer(-1)), bound)
        except ProofError:
            return None
        return bound if bound.statement.expr == g else None
    return None
