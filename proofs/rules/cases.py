"""Ends of a range reached by cases on the sign of the variable: x/(1 + |x|) ∈ (−1, 1) is only known
to be real when |x| and x are bounded apart, but for x ≥ 0 it is x/(1 + x) = 1 − 1/(1 + x), and for
x ≤ 0 it is x/(1 − x); x/√(1 + x²) < 1 as 1 − x/√(1 + x²) = 1/((√(1 + x²) + x)√(1 + x²)) > 0 over
its conjugate for x ≥ 0, and by plain intervals for x ≤ 0.

For a function g of one symbol x, x's range is cut where an absolute value's argument (a line in
x) changes sign, or at 0 when there is none; on each piece the engine's other routes bound g
(there |a| is a or −a, `abs_of_sign`), and the kernel joins the pieces (`by_cases`).  Imports
the kernel and the rules it builds on only.
"""

import contextvars
import functools

import sympy as sp
from sympy.polys.polyerrors import BasePolynomialError

from ..errors import ProofError
from ..kernel import rules as K
from ..kernel.terms import fresh
from .bounds import signed
from .extrema import cut_at, one_variable
from .monotonicity import extended
from .normal_form import prove_equal
from .positivity import prove_member

# more cuts than this are left alone: each piece costs the other routes again
MOST_CUTS = 2
# symbols split at their closed ends, one inside the other, at most (a refused claim pays the other
# routes once more at each depth)
MOST_ENDS = 2
_ENDS_DEPTH = contextvars.ContextVar("closed_ends_split", default=0)


def through_cases(context, fact, target, narrow):
    """`fact` (Γ ⊢ g ∈ S, g a function of one symbol x ranging over an interval) moved into
    `target` by cases on x's range, each piece bounded by `narrow(context, fact, target)` (the
    engine's other routes); None when a piece is not, or there is no cut inside the range."""
    g = fact.statement.expr
    var = one_variable(context, g)
    if var is None:
        return None
    domain = context.lookup(var) or sp.S.Reals
    inside = sorted(cut for cut in cuts(g, var) if domain.start < cut < domain.end)
    if not inside or len(inside) > MOST_CUTS:
        return None
    rest = context.without(var)
    try:
        bounds = [K.member_widen(_on_piece(extended(rest, var, piece), g, target, narrow), target)
                  for piece in cut_at(domain, inside)]
        return functools.reduce(lambda one, other: K.by_cases(one, other, var), bounds)
    except ProofError:
        return None


def through_abstraction(context, fact, target, narrow):
    """`fact` (Γ ⊢ g ∈ S) moved into `target` where g is h(t) for an absolute value's argument t
    that is no symbol — a hinge (1 − yx + |1 − yx|)/2, a ReLU (wx + b + |wx + b|)/2, max(a, b) − a
    as (b − a + |a − b|)/2: with u a new symbol ranging over t's range, Γ, u ∈ T ⊢ h(u) ∈ S' by the
    other routes (by cases on u's sign), then u := t (`instantiate`); None where g is no h(t)
    that they bound."""
    g = fact.statement.expr
    for node in sorted(g.atoms(sp.Abs), key=sp.default_sort_key):
        t = node.args[0]
        if type(t) is sp.Symbol or t.atoms(sp.Indexed, sp.Sum, sp.Product):
            continue
        taken = {str(symbol) for symbol in g.free_symbols} | set(context.names)
        u = fresh(sp.Symbol("u"), taken)
        h = _abstracted(g, t, u)
        if h is None:  # (before t's range is sought: this costs nothing)
            continue
        try:
            return for_every_value(context, g, h, [(u, prove_member(context, t))], target, narrow)
        except ProofError:
            continue
    return None


def for_every_value(context, g, h, values, target, narrow):
    """Γ ⊢ g ∈ target from Γ, u ∈ U, … ⊢ h ∈ target (bounded by `narrow`), then u := t for each
    (u, Γ ⊢ t ∈ U) of `values` in turn (the kernel's `instantiate`), and g = h(t, …) by the normal
    form where sympy writes h(t, …) otherwise; ProofError where a step is refused."""
    case = context
    for var, value in values:
        case = extended(case, var, value.statement.set)
    instance = K.member_widen(narrow(case, prove_member(case, h), target), target)
    for var, value in reversed(values):
        instance = K.instantiate(instance, var, value)
    if instance.statement.expr == g:
        return instance
    return K.member_of_equal(prove_equal(context, g, instance.statement.expr), instance)


# the names of new variables standing for parts of a claim, each primed where the claim has it
NAMES = ("u", "v", "w")


def for_new_variables(context, g, parts, replacements, target, narrow, apart=True):
    """Γ ⊢ g ∈ target from h, g with `replacements(variables)` made (each of `parts` — an
    exponential, a root, an entry, a sum — a new variable named from NAMES), bounded for every
    value of the variables by `narrow` and instantiated back (`for_every_value`); None where
    there are more parts than names, where `apart` and h keeps a symbol of the parts (a claim for
    every u would not bound what g keeps of a besides e^a), or a step is refused."""
    if len(parts) > len(NAMES):
        return None
    taken = {str(symbol) for symbol in g.free_symbols} | set(context.names)
    variables = {}
    for part, name in zip(parts, NAMES):
        variables[part] = fresh(sp.Symbol(name), taken | {str(v) for v in variables.values()})
    h = g.xreplace(replacements(variables))
    if apart and h.free_symbols & set().union(*(part.free_symbols for part in parts)):
        return None
    try:
        values = [(variables[part], prove_member(context, part)) for part in parts]
        return for_every_value(context, g, h, values, target, narrow)
    except ProofError:
        return None


def through_endpoints(context, fact, target, narrow):
    """`fact` (Γ ⊢ g ∈ S) moved into `target` by cases on a symbol's closed end: x ∈ [0, ∞) as
    x = 0 or x > 0, where the other routes need x > 0 (AM-GM for a, b ≥ 0: √(ab) = √a √b is
    proved through logs, for positive factors) and the end itself is a number put in.  The
    interior first, then each end, each bounded by `narrow`; at most MOST_ENDS symbols deep.
    None where a piece is not bounded, or no symbol of g has a closed end."""
    depth = _ENDS_DEPTH.get()
    if depth >= MOST_ENDS:
        return None
    g = fact.statement.expr
    for var in sorted(g.free_symbols, key=str):
        domain = context.lookup(var)
        if type(var) is not sp.Symbol or not isinstance(domain, sp.Interval):
            continue
        ends = [end for end, is_open in ((domain.start, domain.left_open),
                                         (domain.end, domain.right_open))
                if end.is_finite and not is_open]
        if not ends or domain.measure == 0:
            continue
        rest = context.without(var)
        token = _ENDS_DEPTH.set(depth + 1)
        try:
            interior = sp.Interval.open(domain.start, domain.end)
            joined = K.member_widen(_on_piece(extended(rest, var, interior), g, target, narrow),
                                    target)
            for end in ends:
                at_end = _on_piece(extended(rest, var, sp.FiniteSet(end)), g, target, narrow)
                joined = K.by_cases(joined, K.member_widen(at_end, target), var)
            return joined
        except ProofError:
            return None
        finally:
            _ENDS_DEPTH.reset(token)
    return None


def _abstracted(g, t, u):
    """h with h(t) = g, |t| as |u| and the rest of g as q·t + r with a q free of t's symbols
    (1/2 − xy/2 is −(xy − 1)/2), or None where the rest is none such (or g keeps t's symbols
    elsewhere, which a claim for every u would not bound)."""
    symbols = sorted(t.free_symbols, key=str)
    with_abs, rest = sp.S.Zero, sp.S.Zero
    for term in sp.Add.make_args(sp.expand(g)):
        if term.has(sp.Abs(t)):
            with_abs += term.xreplace({sp.Abs(t): sp.Abs(u)})
        else:
            rest += term
    try:
        q, r = sp.div(rest, sp.expand(t), *symbols)
    except (BasePolynomialError, sp.PolynomialError):
        q, r = sp.cancel(rest / t), sp.S.Zero
    h = with_abs + q * u + r
    if h.free_symbols & t.free_symbols or not h.has(sp.Abs(u)):
        return None
    return h


def _on_piece(case, g, target, narrow):
    """Γ, x ∈ piece ⊢ g ∈ S as near `target` as the other routes come, with each absolute value
    written signed first where the piece gives its argument's sign (log cosh x ≤ |x| is
    x − log cosh x ≥ 0 for x ≥ 0, increasing from 0)."""
    written = signed(case, g)
    if written == g:
        return narrow(case, prove_member(case, g), target)
    fact = narrow(case, prove_member(case, written), target)
    return K.member_of_equal(prove_equal(case, g, written), fact)


def cuts(g, var):
    """Where x's range is cut: at the zero of each absolute value's argument that is a line in x
    with rational coefficients (|x − 1| at 1), or at 0 when there is none."""
    found = set()
    for node in g.atoms(sp.Abs):
        try:
            line = sp.Poly(node.args[0], var)
        except BasePolynomialError:
            continue
        if line.degree() == 1 and all(c.is_Rational for c in line.all_coeffs()):
            slope, offset = line.all_coeffs()
            found.add(-offset / slope)
    return found or {sp.S.Zero}
