"""Square roots compared by their squares: AM ≤ QM, HM ≤ GM, √(a + b) ≤ √a + √b, and
Cauchy–Schwarz written ac + bd ≤ √(a² + b²) √(c² + d²) (a product of roots is compared whole:
its square is (a² + b²)(c² + d²)).

e = rest + m√v is bounded below by c where √v is compared with u, the value that makes e = c:
for m > 0, u = (c − rest)/m and e − c = m(√v − |u|) + m(|u| − u), the first ≥ 0 as v − u² ≥ 0
(the kernel's `sub_abs_by_squares`: r − |u| has the sign of r² − u² for r ≥ 0), the second ≥ 0; for
m < 0, u = (rest − c)/|m| and e − c = |m|(|u| − √v) + |m|(u − |u|), the first ≥ 0 as v − u² ≤ 0,
the second as u ≥ 0.  Each gap v − u² and each |u| ∓ u is left to the other routes (squares
completed, factors of known sign, absolute values' lines), which see no root where u has none:
(a² + b²)/2 − ((a + b)/2)² = (a − b)²/4 for AM ≤ QM, (√a + √b)² − (a + b) = 2√a√b.

An upper bound e ≤ c is sought as −e ≥ −c.  Each root term is tried in turn, at most MOST_ROOTS;
the roots inside a gap are left to the other routes (MOST_DEPTH).  Imports the kernel and the
rules it builds on only.
"""

import contextvars

import sympy as sp

from ..errors import ProofError
from ..kernel import hull
from ..kernel import rules as K
from ..kernel.language import is_subset
from .halflines import by_lower_bound, member_as
from .positivity import prove_member

MOST_ROOTS = 3  # root terms tried, each the one compared by squares
MOST_DEPTH = 1  # a gap's own roots are left to the other routes (2√a √b ≥ 0): compared by
# squares again, a refused three-symbol AM-GM multiplied out polynomials that sympy's factoring
# took over ten minutes on, in one of its random orders
_DEPTH = contextvars.ContextVar("root_depth", default=0)
NONNEGATIVE = sp.Interval(0, sp.oo)


def through_roots(context, fact, target, narrow):
    """`fact` (Γ ⊢ e ∈ S) moved into `target`, a half-line, by comparing a square root of e with
    the rest by their squares; None where e has no root term with a number for coefficient, or
    no goal is met by `narrow` (the engine's other routes)."""
    expr = fact.statement.expr
    if not _root_terms(expr):
        return None
    return by_lower_bound(context, expr, target,
                          lambda ctx, e, half: _lower(ctx, e, half, narrow), _DEPTH, MOST_DEPTH)


def _lower(context, expr, target, narrow):
    """Γ ⊢ expr ∈ S ⊆ target (a lower half-line), or None."""
    for coefficient, root in _root_terms(expr)[:MOST_ROOTS]:
        try:
            fact = _compared(context, expr, coefficient, root, target, narrow)
        except ProofError:
            continue
        if fact is not None:
            return fact
    return None


def _compared(context, expr, m, root, target, narrow):
    """expr − c as m(√v − |u|) + m(|u| − u) (m > 0) or |m|(|u| − √v) + |m|(u − |u|) (m < 0), each
    part ≥ 0, the gap's part > 0 where target is open; None where a part is not shown."""
    wanted = hull(target)
    c, rest = wanted.lo, expr - m * root
    u = (c - rest) / m if m > 0 else (rest - c) / -m
    # the gap v − u² ≥ 0 (m > 0), or u² − v ≥ 0 then negated (m < 0): shown as a lower bound
    gap = root ** 2 - u ** 2  # (√v)² is v and (√a √b)² is a b, as sympy writes them
    lower = _shown(context, gap if m > 0 else -gap, sp.Interval(0, sp.oo, wanted.lo_open, True),
                   narrow)
    piece = _shown(context, sp.Abs(u) - u if m > 0 else u - sp.Abs(u), NONNEGATIVE, narrow)
    if lower is None or piece is None:
        return None
    if m < 0:
        lower = member_as(context, gap, K.member_mul(prove_member(context, -1), lower),
                          sp.Interval(-sp.oo, 0))
    compared = K.sub_abs_by_squares(prove_member(context, root), lower, u)  # the gap's side
    total = K.member_add(_times(context, m, compared), _times(context, abs(m), piece))
    if c != 0:
        total = K.member_add(total, prove_member(context, c))
    return member_as(context, expr, total, target)


def _times(context, m, fact):
    """Γ ⊢ m·e ∈ m·S (the fact itself where m is 1)."""
    return fact if m == 1 else K.member_mul(prove_member(context, m), fact)


def _shown(context, term, real_set, narrow):
    """Γ ⊢ term ∈ S ⊆ real_set by `narrow`, multiplied out or as written; None where neither.
    (Multiplied out first: (√a + √b)² − (a + b) is 2√a √b.)"""
    for form in dict.fromkeys((sp.expand(term), term)):
        fact = narrow(context, prove_member(context, form, sides=True), real_set)
        if is_subset(fact.statement.set, real_set):
            return member_as(context, term, fact, real_set)
    return None


def _root_terms(expr):
    """[(m, r)] for the terms m·r of expr, r a root √v or a product of roots √a √b, m a number of
    known sign (√2/2 too), each r once, the r of rarer sign first."""
    found = {}
    for term in sp.Add.make_args(expr):
        numbers = [f for f in sp.Mul.make_args(term) if not f.free_symbols]
        roots = [f for f in sp.Mul.make_args(term) if f.free_symbols]
        if roots and all(f.is_Pow and f.exp == sp.S.Half for f in roots):  # √v, or √a √b
            root, m = sp.Mul(*roots), sp.Mul(*numbers)
            # m of a sign sympy decides: √2 + √3 − √(5 + 2√6) is 0
            if (m.is_positive or m.is_negative) and root not in found:
                found[root] = m
    # a root whose sign is the rarer first: √(a + b) against √a + √b, not √a against the rest
    signs = [m > 0 for m in found.values()]
    return sorted(((m, root) for root, m in found.items()), key=lambda t: signs.count(t[0] > 0))

