"""Ends of a range that interval arithmetic misses, reached by writing the term another way.

- A sum compared with its own number of terms: Σ_{i=1}^{n} y_i ≤ n, or the mean
  (1/n) Σ y_i ∈ [0, 1], for y_i ∈ [0, 1].  Intervals bound each term alone, so n − Σ y_i is only
  known to be real.  Written as one sum, Σ_{i=1}^{n} (1 − y_i), each term is ≥ 0 and so is the sum.
- A quadratic whose terms cancel against each other: x² − 2x + 2 is only known to be real term by
  term; with its squares completed, (x − 1)² + 1, it is ≥ 1.
- A difference of hyperbolic functions or of roots: cosh x − sinh x is e^(−x) once written with
  exp, and √(x + 1) − √x is 1/(√(x + 1) + √x) over its conjugate; both are > 0.
- Logs against other terms: softplus(x) − x = log(1 + eˣ) − x is log(1 + e^(−x)) as one log, and
  its argument is > 1, so it is > 0 (log-sum-exp above its terms, log(1 + x) > log x, alike).

- A constant beyond what intervals give: log 3 ≥ 1 and √2 ≤ 3/2, by the kernel's exact rational
  bounds of the constant (`through_enclosure`).

The engine guesses the form; the normal form proves the two equal, the interval rules bound the
form, and the kernel meets the bound with the term's own range (imports the kernel only, and the
normal form, positivity and monotonicity it builds on).
"""

import math
import random
from fractions import Fraction

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.polys.polyerrors import BasePolynomialError

from ..errors import ProofError
from ..kernel import Defined, hull
from ..kernel.language import Hull
from ..kernel import rules as K
from .normal_form import (MOST_FACTORED, chain_equal, congruence, has_roots, prove_equal,
                          through_forms)
from .monotonicity import costly_polynomial, float_function, prove_strictly_increasing
from .positivity import met, prove_member, try_positive


def through_rewriting(context, fact, target, written=None):
    """`fact` (Γ ⊢ e ∈ S) narrowed into `target` at each end S misses, or None: for an end c of
    target, e = c + g (a lower end) or c − g (an upper one) with g shown >= 0 (> 0 where the end
    is open), g guessed as one sum of e's own sums over one range, or as e's squares completed
    (the ways `written` gives, `_written`'s unless given)."""
    expr, wanted = fact.statement.expr, hull(target)
    for end, sign, is_open in ((wanted.lo, 1, wanted.lo_open), (wanted.hi, -1, wanted.hi_open)):
        half = Hull(end, sp.oo, is_open, True) if sign > 0 else Hull(-sp.oo, end, True, is_open)
        if not end.is_finite or hull(fact.statement.set).within(half):
            continue
        side = _side(context, expr, end, sign, half, written or _written)
        if side is None:
            return None
        fact = met(fact, side)
    return fact


def _side(context, expr, end, sign, half, ways):
    """Γ ⊢ expr ∈ S with S inside the half-line `half`, from expr = end ± (a gap `ways` writes
    as one shown >= 0), or None."""
    bodies = _bodies(expr)
    written_signed = signed(context, bodies)
    forms = [end + sign * written
             for form in dict.fromkeys((bodies, written_signed))
             for written in ways(sign * (form - end))]
    if written_signed != bodies:  # |x| − x is 0 itself for x ≥ 0
        forms.insert(0, written_signed)
    return through_forms(context, expr, forms, lambda bound: bound.within(half), sides=True)


def through_enclosure(context, fact, target):
    """`fact` (Γ ⊢ c ∈ S, c a constant such as log 3 or √2 − 1) narrowed into `target` at each
    end S misses, or None: t ↦ c + t is strictly increasing, so c, its value at t = 0, lies on the
    side of the end that the kernel's exact rational bounds of c show (`member_monotone`)."""
    expr, wanted = fact.statement.expr, hull(target)
    if expr.free_symbols or expr.atoms(sp.Indexed, sp.Sum, sp.Product, Defined):
        return None
    var = sp.Symbol("t")
    while any(str(key) == var.name for key, _ in context.entries):
        var = sp.Symbol(var.name + "'")
    try:
        rising = prove_strictly_increasing(context, expr + var, var, sp.Interval(-1, 1))
        at_zero = K.member_context(context, sp.S.Zero)
        for end, above, is_open in ((wanted.lo, True, wanted.lo_open),
                                    (wanted.hi, False, wanted.hi_open)):
            if end.is_finite and not hull(fact.statement.set).within(
                    Hull(end, sp.oo, is_open, True) if above else Hull(-sp.oo, end, True, is_open)):
                fact = met(fact, K.member_monotone(rising, at_zero, 0, above=above, bound=end))
    except ProofError:
        return None
    return fact


def roots_split(context, expr):
    """Γ ⊢ expr = expr′, expr′ with each root of a product whose factors are shown positive
    written as the product of their roots, √(ab) = √a √b (each proved through the logs of its two
    sides, then rewritten in place), or None when there is none or a step is refused."""
    def splits(node):
        return node.is_Pow and node.exp.is_Rational and not node.exp.is_Integer and \
            node.base.is_Mul and all(try_positive(context, f) for f in node.base.args)

    roots = [node for node in sp.preorder_traversal(expr) if splits(node)]
    if not roots:
        return None
    th = K.refl(context, expr)
    try:
        for root in roots:
            split = prove_equal(context, root, sp.Mul(*(f ** root.exp for f in root.base.args)))
            if root in th.statement.rhs.atoms(sp.Pow):
                th = chain_equal(th, congruence(context, split, th.statement.rhs))
    except ProofError:
        return None
    return th if th.statement.lhs != th.statement.rhs else None


def signed(context, expr):
    """expr with each |a| whose sign the ranges show written a or −a: |x| − x is 0 for x ≥ 0
    (a guess; the normal form proves it, `abs_of_sign`)."""
    signs = {}
    for node in expr.atoms(sp.Abs):
        try:
            h = hull(prove_member(context, node.args[0]).statement.set)
        except ProofError:
            continue
        if h.lo >= 0 or h.hi <= 0:
            signs[node] = node.args[0] if h.lo >= 0 else -node.args[0]
    return expr.xreplace(signs)


def numeric_extrema(expr, var, digits=4):
    """Rationals (denominators below 10^digits) near the local extrema of expr over var: found
    in floating point on a grid of both signs and magnitudes from 10⁻³ to 10³, then narrowed by
    ternary search.  A guess only: a point where the float values mislead is decided exactly by
    the caller."""
    value_at = float_function(var, expr)
    if value_at is None:
        return []

    def value(t):
        v = value_at(t)
        return v if v is not None and math.isfinite(v) else None

    grid = sorted({sign * 10 ** (k / 8) for k in range(-24, 25) for sign in (1, -1)} | {0.0})
    known = [(t, v) for t, v in ((t, value(t)) for t in grid) if v is not None]
    points = []
    for (a, u), (b, v), (c, w) in zip(known, known[1:], known[2:]):
        if (v - u) * (w - v) < 0:  # a turn near b
            least = v < u
            for _ in range(60):
                left, right = a + (c - a) / 3, c - (c - a) / 3
                lv, rv = value(left), value(right)
                if lv is None or rv is None:
                    break
                a, c = (a, right) if (lv < rv) == least else (left, c)
            point = Fraction((a + c) / 2).limit_denominator(10 ** digits)
            points.append(sp.Rational(point.numerator, point.denominator))
    return list(dict.fromkeys(points))


def _bodies(expr):
    """expr with its definitions replaced by their bodies, for the guesses only (the normal form
    unfolds them itself in the proof)."""
    while expr.atoms(Defined):
        expr = expr.xreplace({d: d.body for d in expr.atoms(Defined)})
    return expr


def _written(gap):
    """The ways of writing gap with one sum: over its common denominator first
    (1 − (Σ y_i + 1)/(n + 2) = (1 + Σ (1 − y_i))/(n + 2)), then term by term; and with its
    squares completed.  None of them for a gap of high degree or of many exponentials, which
    sympy's factor and expand take seconds to minutes on (e^(397x/16), a polynomial of degree 397
    in e^(x/16))."""
    if costly_polynomial(gap):
        return []
    numerator, denominator = sp.fraction(sp.together(gap))
    over = [] if denominator == 1 else [form / denominator
                                          for form in _as_one_sum(sp.expand(numerator))]
    # over its common denominator with no sum to gather: 1 − x²/(1 + x²) = 1/(1 + x²)
    factored = _factored(gap, numerator, denominator) if denominator != 1 else []
    # or as it stands over that denominator, sums of several ranges and all: 1 − e^{z_k}/(A +
    # e^{z_k} + B) = (A + B)/(A + e^{z_k} + B) for the sums A and B either side of k
    several = [numerator / denominator] if denominator != 1 and gap.atoms(sp.Sum) else []
    squares = completed_squares(gap)
    return list(dict.fromkeys(over + _as_one_sum(sp.expand(gap)) + squares + factored +
                              _by_exp(gap) + _conjugate(gap) + _as_one_log(gap) + several))


def _factored(gap, numerator, denominator):
    """gap = numerator/denominator (its common denominator) factored, u² read as |u|² beside |u|
    (Huber's δ²/2 − δ|r| + r²/2 = (|r| − δ)²/2); none for a gap with sums."""
    if gap.atoms(sp.Sum):
        return []
    squares_of = {node.args[0] ** 2: node ** 2 for node in gap.atoms(sp.Abs)}
    return [sp.factor(numerator.xreplace(squares_of)) / sp.factor(denominator)]


def through_factors(context, fact, target):
    """`through_rewriting` for a gap with no denominator, factored: Cauchy–Schwarz's (a² + b²)(c²
    + d²) − (ac + bd)² = (ad − bc)², a variance's p(1 − p)(a − b)², the focal loss's −log p +
    (1 − p)^γ log p = ((1 − p)^γ − 1) log p, whose factors intervals bound.  Tried after the
    other ways, which give a textbook's proof where they apply (x³ − x ≥ 0 on [1, ∞) by its
    slope)."""
    def whole(gap):
        if costly_polynomial(gap):  # as `_written`: sympy's factor takes minutes on some
            return []
        numerator, denominator = sp.fraction(sp.together(gap))
        return _factored(gap, numerator, denominator) if denominator == 1 else []

    return through_rewriting(context, fact, target, whole)


def _by_exp(gap):
    """gap with sinh, cosh and tanh written with exp and gathered: cosh x − sinh x = e^(−x)."""
    if not gap.has(sp.sinh, sp.cosh, sp.tanh):
        return []
    return [sp.powsimp(sp.expand(gap.rewrite(sp.exp)))]


def _conjugate(gap):
    """a + b, over its common denominator alike, as (a² − b²)/(a − b), for a and b two roots, or a
    root and the other terms when they are not a number: √(x + 1) − √x = 1/(√(x + 1) + √x),
    1 − x/√(1 + x²) = 1/((√(1 + x²) + x)√(1 + x²)), 1 + x − √(1 + x²) = 2x/(1 + x + √(1 + x²)).
    (A root against a number, 2 − √x, is left to its monotonicity: √x ≤ √3 < 2 on [0, 3].)"""
    numerator, denominator = sp.fraction(sp.together(gap))
    terms = sp.Add.make_args(numerator)
    roots = [term for term in terms if has_roots(term)]
    if len(terms) == 2 and len(roots) == 2:
        a, b = roots
    elif len(terms) >= 2 and len(roots) == 1 and (numerator - roots[0]).free_symbols:
        a, b = roots[0], numerator - roots[0]
    else:
        return []
    return [sp.expand(a ** 2 - b ** 2) / ((a - b) * denominator)]


# the largest power a log's argument is raised to in the one-log form, once the coefficients'
# common factor is taken out (12 log(1 + x) − 12 log x is 12 log(1 + 1/x)): a larger one would
# multiply out (1 + x)^12; 3 takes log's concavity at the weights 1/3 and 2/3
MOST_POWER = 3


def _as_one_log(gap):
    """Σ_k c_k log a_k + r (the c_k rationals, r free of logs; two logs, or r not a number) as one
    log, g·log(∏_k a_k^(c_k/g) e^(r/g)) for g the c_k's greatest common divisor (of rationals: the
    numerators' over the denominators' least common multiple), whose argument intervals compare
    with 1: log(1 + eˣ) − x = log(1 + e^(−x)), log(1 + x) − log x = log(1 + 1/x), and the
    concavity of log, log((a + b)/2) − (log a + log b)/2 = (1/2) log(1 + (a − b)²/(4ab)); the
    argument expanded, and written as 1 + (argument − 1) over a common denominator, and
    factored."""
    logs, rest = [], []
    for term in sp.Add.make_args(gap):
        coefficient, factors = term.as_coeff_mul()
        if len(factors) == 1 and isinstance(factors[0], sp.log) and coefficient.is_Rational:
            logs.append((coefficient, factors[0].args[0]))
        else:
            rest.append(term)
    rest = sp.Add(*rest)
    if not logs or rest.has(sp.log, sp.Sum, sp.Product) or len(logs) == 1 and rest.is_number:
        return []  # one log against a number (log x ≤ 1) is left to its monotonicity
    common = sp.Rational(math.gcd(*(int(c.p) for c, _ in logs)),
                         math.lcm(*(int(c.q) for c, _ in logs)))
    if any(abs(c) > MOST_POWER * common for c, _ in logs):
        return []
    argument = sp.powsimp(sp.expand(sp.Mul(*(a ** (c / common) for c, a in logs)) *
                                    sp.exp(rest / common)))
    over = sp.together(argument - 1)
    forms = [common * sp.log(argument), common * sp.log(1 + over)]
    if sp.count_ops(over) <= MOST_FACTORED and not costly_polynomial(over):  # (a − b)²/(4ab)
        forms.append(common * sp.log(1 + sp.factor(over)))
    return list(dict.fromkeys(forms))


# a polynomial of more terms is left alone: completing its squares divides by terms in the other
# atoms, and sympy's expansion of those quotients grows with each atom (∏_{k=1}^{4} (a_k − 1/2)², 81
# terms, took 16 s)
MOST_SQUARED_TERMS = 40


def completed_squares(expr):
    """`squares_of(expr)`, with each root of a symbol read as an atom whose power the symbol is
    (x = (√x)²): (1 + x)/2 − √x = (√x − 1)²/2, so √x ≤ (1 + x)/2 (the normal form's ring knows
    roots)."""
    roots = [atom for atom in expr.atoms(sp.Pow) if isinstance(atom.base, sp.Symbol)
             and atom.exp.is_Rational and not atom.exp.is_Integer]
    indices = {limit[0] for binder in expr.atoms(sp.Sum, sp.Product) for limit in binder.limits}
    if not roots or any(root.base in indices for root in roots):
        return squares_of(expr)  # a sum's index is no atom to replace (Σ_i √i)
    powers, back = {}, {}
    for base in {root.base for root in roots}:
        order = math.lcm(*(root.exp.q for root in roots if root.base == base))
        atom = sp.Dummy()
        powers.update({root: atom ** (root.exp * order) for root in roots if root.base == base})
        powers[base] = atom ** order
        back[atom] = base ** sp.Rational(1, order)
    # the roots first, whole, then the symbols left bare
    written = expr.xreplace({root: powers[root] for root in roots})
    written = written.xreplace({base: powers[base] for base in {root.base for root in roots}})
    return [form.xreplace(back) for form in squares_of(written)]


def squares_of(expr):
    """[Σ_k a_k (u_k + l_k)² + r] for expr a polynomial with rational coefficients in its atoms,
    or []: for each atom g in turn whose highest power g^(2d) has a coefficient a, a number > 0 or
    a term in the other atoms, and whose other powers are multiples of d,
    a·g^(2d) + b·g^d + c = a·(g^d + b/(2a))² + c − b²/(4a) (Lagrange's reduction of a quadratic
    form; x⁴ − 2x² + 1 = (x² − 1)², λx² − 2xw + w²/λ = λ(x − w/λ)²).  What is left, r, is bounded
    by intervals (an atom with a range may stay in it linearly), as is a's sign."""
    try:
        poly = sp.Poly(sp.expand(expr))
    except BasePolynomialError:  # a number, or no polynomial in any atoms (logs of sums, …)
        return []
    if not poly.domain.is_QQ and not poly.domain.is_ZZ or poly.total_degree() < 2 or \
            len(poly.terms()) > MOST_SQUARED_TERMS:
        return []
    if any(isinstance(atom, sp.exp) or isinstance(atom, sp.Pow) and atom.exp != -1
           for atom in poly.gens):
        return []  # a power sympy reads into an atom (e^{2x} as (e^x)², x as (√x)²): the
        # equation would rest on it, which Coq's ring does not see (1/λ is field's)
    # the atoms as plain symbols while the squares are completed: sympy's Poly refuses an atom
    # that another one mentions (n beside Σ_{i=1}^{n} y_i)
    atoms = [sp.Dummy() for _ in poly.gens]
    rest, squares = poly.as_expr(*atoms), []
    for atom in atoms:
        try:
            power = sp.Poly(rest, atom)
        except BasePolynomialError:  # a reciprocal of the atom left by an earlier square (1/a)
            continue
        degree = power.degree()
        if degree < 2 or degree % 2:
            continue
        half = degree // 2
        lead = power.coeff_monomial(atom ** degree)
        # a number > 0, or a term whose sign the bound will show (λx² + w²/λ − 2xw with λ > 0)
        if lead.is_number and not (lead.is_Rational and lead > 0) or \
                any(m[0] % half for m in power.monoms()):
            continue
        middle = power.coeff_monomial(atom ** half)
        square = lead * (atom ** half + middle / (2 * lead)) ** 2
        squares.append(square)
        rest = sp.expand(rest - square)
    written = sp.Add(*squares, rest).xreplace(dict(zip(atoms, poly.gens)))
    return [written] if squares and written != poly.as_expr() else []


def _as_one_sum(gap):
    """gap = g + Σ_k c_k Σ_{i=a}^{b} f_k(i) (the same range in every sum, g and c_k free of i)
    written with one sum: r + Σ_i (q + Σ_k c_k f_k(i)) for g = q·N + r divided as polynomials in
    the number of terms N = b − a + 1 (n + 1 − Σ y_i = 1 + Σ (1 − y_i)), then
    Σ_i (g/N + Σ_k c_k f_k(i)) over a common denominator (1 − (1/n) Σ y_i = Σ (1 − y_i)/n)."""
    rest, terms, limits = sp.S.Zero, [], None
    for term in sp.Add.make_args(gap):
        sums = [factor for factor in sp.Mul.make_args(term) if isinstance(factor, sp.Sum)]
        if not sums:
            rest += term
            continue
        if len(sums) > 1 or len(sums[0].limits) != 1 or limits not in (None, sums[0].limits[0]):
            return []
        limits, coefficient = sums[0].limits[0], term / sums[0]
        if limits[0] in coefficient.free_symbols:  # moved inside, it would be captured
            return []
        terms.append(coefficient * sums[0].function)
    if limits is None or limits[0] in rest.free_symbols:
        return []
    index, low, high = limits
    count, inside = sp.expand(high - low + 1), sp.Add(*terms)
    if count.is_zero:  # an empty sum (Σ_{j=1}^{D} with D := 0): nothing to divide by
        return []
    forms = []
    try:
        quotient, remainder = sp.div(rest, count, *sorted(count.free_symbols, key=str))
        if quotient != 0:
            forms.append((remainder, quotient + inside))
    except BasePolynomialError:  # not polynomials in the count's symbols, or a number of terms
        pass
    forms.append((sp.S.Zero, rest / count + inside))
    # the term over a common denominator ((1 − y_i)/n, whose factors intervals bound apart), or
    # expanded where sympy would spread a number over it again as it builds 2·(1 − y_i)
    # or with the term's squares completed (n/4 − Σ p_i(1 − p_i) = Σ (p_i − 1/2)²)
    return list(dict.fromkeys(outside + (sp.Sum(term, limits) if term != 0 else 0)
                              for outside, body in forms
                              for term in (sp.together(body), sp.expand(body),
                                           *completed_squares(body))))


def searched_extremes(expr, ranges, target, starts=6, seed=0):
    """Rational points (symbol -> Rational) near where expr, a function of two or more plain
    symbols, is least and greatest in floating point within their `ranges` (symbol -> set, the
    reals when absent): a pattern search from a few starts, each step halved when no move helps,
    stopped once the value is past an end of `target` (the claim's set) by a little more than the
    rounding to rationals moves it.  "A density is at most 1" fails only where x = μ and σ is
    small, a corner random points do not reach.  A guess, decided by the caller exactly."""
    expr = _bodies(expr)
    symbols = sorted(expr.free_symbols, key=str)
    if len(symbols) < 2 or any(not isinstance(s, sp.Symbol) or s.is_Dummy for s in symbols) or \
            expr.atoms(sp.Indexed, AppliedUndef, sp.Sum, sp.Product):
        return []
    value_at = float_function(symbols, expr)
    try:
        boxes = [hull(ranges.get(symbol, sp.S.Reals)) for symbol in symbols]
    except ProofError:
        return []
    windows = [_window(float(box.lo), float(box.hi)) for box in boxes]
    if value_at is None or None in windows:
        return []

    def value(point):
        inside = all((box.lo < v or (box.lo == v and not box.lo_open)) and
                     (v < box.hi or (v == box.hi and not box.hi_open))
                     for box, v in zip(boxes, point))
        v = value_at(*point) if inside else None
        return v if v is not None and math.isfinite(v) else None

    wanted = hull(target)
    rng, points = random.Random(seed), []
    for sign, end in ((1, wanted.lo), (-1, wanted.hi)):  # least, then greatest
        if not end.is_finite:
            continue
        beyond, found = sign * float(end) - 1e-3 * max(1.0, abs(float(end))), []
        for _ in range(starts):
            point = [rng.uniform(*window) for window in windows]
            best, step, moves_left = value(point), 1.0, 400
            if best is None:
                continue
            while step > 1e-7 and sign * best > beyond and moves_left:
                moves_left -= 1
                moves = ([*point[:k], point[k] + d, *point[k + 1:]]
                         for k in range(len(point)) for d in (step, -step))
                better = next(((m, v) for m in moves
                               for v in [value(m)] if v is not None and sign * v < sign * best),
                              None)
                if better is None:
                    step /= 2
                else:
                    point, best = better
            exact = [Fraction(v).limit_denominator(10 ** 4) for v in point]
            found.append((sign * best, dict(zip(symbols, (sp.Rational(f.numerator, f.denominator)
                                                          for f in exact)))))
        points += [point for _, point in sorted(found, key=lambda pair: pair[0])[:2]]
    return points


# the values every symbol takes at once in `diagonal_points`
DIAGONAL = (sp.Integer(0), sp.Integer(1), sp.Integer(2), sp.Rational(1, 2), sp.Integer(-1))


def diagonal_points(expr):
    """Points where every plain symbol of expr (two or more) takes one value, each of DIAGONAL, or
    where every entry of its families does (the other symbols drawn): AM-GM's strict form
    a³ + b³ + c³ > 3abc, log-sum-exp's log(eᵃ + eᵇ) > (a + b)/2 + log 2 and Jensen's strict
    log((1/n) Σ y_k) > (1/n) Σ log y_i fail only where the terms are equal, a line that random
    points and a search rounded to rationals miss.  A guess: the caller decides each point
    exactly, and passes over one outside a symbol's set."""
    families = sorted(expr.atoms(sp.IndexedBase), key=str)
    if families:
        return [dict.fromkeys(families, value) for value in DIAGONAL]
    symbols = sorted(_bodies(expr).free_symbols, key=str)
    if len(symbols) < 2 or any(not isinstance(s, sp.Symbol) or s.is_Dummy for s in symbols):
        return []
    return [dict.fromkeys(symbols, value) for value in DIAGONAL]


def _window(lo, hi):
    """Where a search starts for a quantity in [lo, hi] (floats): its part in [−3, 3], else six
    beside its finite end; None when an end is beyond floating point (10³⁰⁹)."""
    if math.isnan(lo) or math.isnan(hi) or lo == math.inf or hi == -math.inf:
        return None
    start, end = max(lo, -3.0), min(hi, 3.0)
    if start <= end:
        return start, end
    return (lo, lo + 6.0) if lo > 3.0 else (hi - 6.0, hi)


def stationary_points(expr, limit=4):
    """Up to `limit` points (symbol -> Rational) where the gradient of expr vanishes, for expr a
    polynomial of degree 2 in plain symbols: where a quadratic takes its least or greatest value,
    which random points miss (x² − 2x + 2 is 1 at x = 1 alone).  A guess for the counterexample
    search, decided there by exact evaluation; a line of such points gives its points at 0 and 1.
    A function of one symbol that is no polynomial: rationals near its `numeric_extrema` (x log x
    is least at 1/e, which random points seldom come near)."""
    expr = _bodies(expr)
    symbols = sorted(expr.free_symbols, key=str)
    if not symbols or any(not isinstance(s, sp.Symbol) or s.is_Dummy for s in symbols) or \
            expr.atoms(sp.Indexed, AppliedUndef, sp.Sum, sp.Product):
        return []
    if len(symbols) == 1 and not expr.is_polynomial(symbols[0]):
        return [{symbols[0]: point} for point in numeric_extrema(expr, symbols[0])[:limit]]
    if expr.atoms(sp.Function):
        return []
    try:
        poly = sp.Poly(sp.expand(expr), *symbols)
    except BasePolynomialError:
        return []
    if not (poly.domain.is_QQ or poly.domain.is_ZZ) or poly.total_degree() != 2:
        return []
    solutions = sp.linsolve([poly.diff(s).as_expr() for s in symbols], symbols)
    points = []
    for solution in solutions:
        free = set().union(*(value.free_symbols for value in solution))
        for value in (sp.S.Zero, sp.S.One):
            fixed = dict(zip(symbols, (v.xreplace({f: value for f in free}) for v in solution)))
            if all(v.is_Rational for v in fixed.values()) and fixed not in points:
                points.append(fixed)
    return points[:limit]
