"""Strict monotonicity: g continuous on I and g' > 0 on its interior, both established by the engine
(imports the kernel and positivity only).

Continuity is not asked of sympy: the kernel accepts only functions built from +, ·, powers, log and
finite sums, each continuous wherever it is defined, and the range proof of g on I shows it is
defined on all of I — so a pole or a jump inside I (1/x, floor, sign, Piecewise, tan) is refused.
"""

import functools
import math

import sympy as sp

from ..errors import ProofError, SideConditionError
from ..kernel import Context, hull
from ..kernel import rules as K
from .normal_form import as_written, through_forms
from .positivity import extended, prove_member


# how many derivatives deep a slope's sign is sought through its own slope: eˣ − 1 − x − x²/2 ≥ 0
# on [0, ∞) needs two (its slope eˣ − 1 − x is positive there because eˣ − 1 is)
MOST_DERIVATIVES = 3


def prove_strictly_increasing(context, func, var, interval, depth=0):
    """Γ ⊢ x ↦ func strictly increasing on `interval`.   (Mathlib `strictMonoOn_of_deriv_pos`)

    `depth` counts the derivatives already taken on the way here (see MOST_DERIVATIVES)."""
    if not isinstance(interval, sp.Interval):
        raise SideConditionError(f"strictly_increasing: {interval} is not an interval "
                                 "(unions are refused)")
    interior = sp.Interval.open(interval.start, interval.end)
    try:
        inside = extended(context, var, interval)
        defined = as_written(inside, func, prove_member(inside, func))
    except ProofError as error:
        raise SideConditionError(f"{func} is not shown defined and continuous on {interval}: "
                                 f"{error}") from None
    derivative = sp.diff(func, var)
    if derivative.has(sp.re, sp.im, sp.sign):  # sympy's slope of |g| for complex g
        raise SideConditionError(f"{func} has an absolute value, whose derivative the rules do not "
                                 f"take: where its argument's sign is known on {interval}, write "
                                 "it without (|x| is x on [0, oo), -x on (-oo, 0])")
    if derivative.has(sp.Derivative):  # Σ_{k=x}^{x+1} k, f(x): no slope sympy writes out
        left = sorted(map(str, derivative.atoms(sp.Derivative)))[0]
        raise SideConditionError(f"sympy leaves the derivative of {func} unevaluated ({left}): "
                                 "the rules take slopes of the table's functions and of sums and "
                                 f"products whose bounds do not mention {var}; write it without")
    try:
        positive = prove_member(extended(context, var, interior), derivative)
    except ProofError as error:
        raise SideConditionError(f"the derivative {derivative} of {func} has no known range on "
                                 f"{interior}: {error}") from None
    if not hull(positive.statement.set).is_positive():
        positive = through_common_denominator(positive)
    try:
        return K.increasing_by_derivative(defined, positive, var, interval)
    except ProofError as error:
        failure = error
    by_its_slope = _through_its_own_slope(positive, var, interior, depth)
    if by_its_slope is not None:
        try:
            return K.increasing_by_derivative(defined, by_its_slope, var, interval)
        except ProofError:
            pass
    raise SideConditionError(f"{func} is not shown strictly increasing on {interval}: "
                             f"{failure}; the derivative {derivative} is only known to lie in "
                             f"{positive.statement.set}") from None


def _through_its_own_slope(fact, var, interior, depth):
    """Γ, x ∈ I° ⊢ g' ∈ (0, ∞) from `fact` (Γ, x ∈ I° ⊢ g' ∈ S), where g' is a function of x alone
    that increases and decreases where its own slope g'' says: the same argument one derivative
    deeper (extrema), or None.  eˣ − 1 − x > 0 on (0, ∞) because eˣ − 1 > 0 there.  A slope seen
    negative at a point of I° is not tried: each level deeper tries both signs on every piece."""
    if depth + 1 >= MOST_DERIVATIVES or _negative_somewhere(fact.statement.expr, var, interior):
        return None
    from .extrema import through_monotonicity  # extrema is built on this module

    return through_monotonicity(fact.context, fact, sp.Interval.open(0, sp.oo), depth + 1)


# where a slope is looked at before its sign is sought: steps away from a finite end, or these
# points on the whole line
STEPS = [sp.Rational(1, 10), sp.Rational(1, 2), sp.Integer(1), sp.Integer(3), sp.Integer(10)]


# the heads a guess evaluates in floating point: each one Python's math module computes under the
# name sympy's lambdify prints (a definition p(x) would print as its own name, which may be any
# Python builtin: a family named exit ended the process)
FLOAT_HEADS = (sp.Add, sp.Mul, sp.Pow, sp.exp, sp.log, sp.sin, sp.cos, sp.tanh, sp.sinh, sp.cosh,
               sp.atan, sp.erf, sp.Abs, sp.gamma)


def float_function(variables, expr):
    """A Python function computing expr in floating point (the math module) that gives a float,
    or None where the evaluation fails (an overflow, a pole, a complex value); None itself when
    expr has a head outside FLOAT_HEADS or a leaf other than a symbol or a number."""
    for node in sp.preorder_traversal(expr):
        known = isinstance(node, FLOAT_HEADS) or type(node) is sp.Symbol or node.is_Number or \
            node in (sp.pi, sp.E)
        if not known:
            return None
    try:
        compiled = sp.lambdify(variables, expr, "math")
    except (NameError, TypeError, ValueError, SyntaxError):  # no printer for it
        return None

    def value_at(*point):
        try:
            value = compiled(*point)
        except (ArithmeticError, ValueError, TypeError, NameError):  # overflow, a pole, …
            return None
        return value if isinstance(value, float) else None

    return value_at


def _negative_somewhere(slope, var, interval):
    """Whether `slope` is negative at one of a few points of `interval` (a guess that spares a
    proof bound to fail).  In floating point: sympy's exact evaluation of e^(e^x) at x = 10⁴
    builds an integer of astronomical size; a float overflows, and that point is passed over."""
    lo, hi = interval.start, interval.end
    if lo.is_finite and hi.is_finite:
        points = [lo + (hi - lo) * sp.Rational(k, 8) for k in range(1, 8)]
    elif lo.is_finite:
        points = [lo + step for step in STEPS]
    elif hi.is_finite:
        points = [hi - step for step in STEPS]
    else:
        points = [sign * step for step in STEPS for sign in (1, -1)]
    value_at = float_function(var, slope)
    if value_at is None:
        return False
    return any(value is not None and value < -1e-12
               for value in (value_at(float(point)) for point in points))


# the most operations in a derivative that sympy's factor is given: it is fast on a slope, slow on
# a long sum of products
LONGEST_SLOPE = 60


def through_common_denominator(fact):
    """`fact` (Γ ⊢ g' ∈ S) or, where intervals bound it better, the same derivative bounded
    through another form: over a common denominator with the numerator factored (1/x − 1/x² is
    only known to lie in (−1, 1) for x > 1, (x − 1)/x² is positive; x eˣ + eˣ = (x + 1)eˣ), or
    with its logs gathered into one (log(1 − p) − log p = log((1 − p)/p), positive for p < 1/2),
    or with sinh, cosh and tanh written with exp (1 − tanh x = 2/(e^(2x) + 1)).
    The normal form proves the two equal (untrusted: sympy's factor and logcombine only guess)."""
    slope = fact.statement.expr
    if sp.count_ops(slope) > LONGEST_SLOPE or costly_polynomial(slope):
        return fact
    lowest = hull(fact.statement.set).lo
    forms = dict.fromkeys((sp.factor(sp.together(slope)), _logs_gathered(slope),
                           *_by_exp(slope)))
    # a higher least value, or a positive one where it was only >= 0 (cosh x − 1 for x > 0)
    return through_forms(fact.context, slope, forms,
                         lambda bound: bound.lo > lowest or bound.is_positive()) or fact


# the highest power sympy's factor and root finding are given: x^400 − x + 1 has the slope
# 400x^399 − 1, which they spent a minute on (count_ops takes x^399 for one operation)
HIGHEST_DEGREE = 64


def high_degree(expr):
    """Whether sympy's factor would see a polynomial of degree beyond HIGHEST_DEGREE in one of its
    generators: powers of one base whose exponents, over their common denominator q, reach beyond it
    (x^(5/7) beside x^(1/11) is a polynomial of degree 55 in x^(1/77); x^(5/7) with x^(4/9) and
    x^(1/11) one of degree 495, minutes to factor), and likewise exponentials of rational multiples
    of one argument, each term of an exponent apart (e^(397x/16) is e^(x/16) to the power 397,
    e^(x − 693/1000) has e^(1/1000) to the power 693)."""
    exponents = {}
    for power in expr.atoms(sp.Pow):
        if power.exp.is_Rational:
            exponents.setdefault(power.base, []).append(power.exp)
    for exponential in expr.atoms(sp.exp):
        for term in sp.Add.make_args(exponential.args[0]):  # e^(a/2 − 693/1000): e^(1/1000)⁶⁹³
            multiple, argument = term.as_coeff_Mul()
            if multiple.is_Rational:
                exponents.setdefault((sp.exp, argument), []).append(multiple)
    return any(max(abs(e) for e in found) * math.lcm(*(e.q for e in found)) > HIGHEST_DEGREE
               for found in exponents.values())


# the most exponentials sympy's factor and cancel are given: each is one more generator of the
# polynomial they work on (19 of them, e^(1/3) and e^(−2/3) among them, took 42 s to cancel)
MOST_EXPONENTIALS = 8


def costly_polynomial(expr):
    """Whether sympy's factor or cancel may take seconds on expr: of high degree in one of its
    generators (`high_degree`), or with more than MOST_EXPONENTIALS exponentials."""
    return high_degree(expr) or len(expr.atoms(sp.exp)) > MOST_EXPONENTIALS


# the largest common denominator of the multiples of x in the exponentials sympy's factor is given:
# tanh(7x/5) beside tanh(11x/3) is a polynomial of high degree in e^(x/15), seconds to factor
MOST_DENOMINATOR = 4


def _by_exp(slope):
    """The slope with sinh, cosh and tanh written with exp, over a common denominator and factored:
    1 − sinh x/cosh x = 2/(e^(2x) + 1), cosh x − 1 = (eˣ − 1)² e^(−x)/2 (> 0 for x > 0)."""
    if not slope.has(sp.sinh, sp.cosh, sp.tanh):
        return []
    written = sp.together(slope.rewrite(sp.exp))
    multiples = [power.exp.as_coeff_Mul()[0] for power in written.atoms(sp.exp)]
    # sin and cos beside them become e^(±ix): factoring over the Gaussian rationals took seconds
    if any(not m.is_Rational for m in multiples) or written.has(sp.I) or \
            math.lcm(*(m.q for m in multiples)) > MOST_DENOMINATOR:
        return []
    return [sp.factor(written)]


def _logs_gathered(expr):
    """expr with its terms c·log u (c rational) gathered into one log(∏ u^c), the others kept:
    log(1 − p) − log p as log((1 − p)/p).  A guess, valid where each u > 0, which the normal form
    must prove."""
    logs, rest = [], []
    for term in sp.Add.make_args(expr):
        coefficient, factor = term.as_coeff_Mul()
        if isinstance(factor, sp.log):
            logs.append(factor.args[0] ** coefficient)
        else:
            rest.append(term)
    return sp.Add(*rest, sp.log(sp.Mul(*logs))) if len(logs) > 1 else expr


LOG_VARIABLE = sp.Symbol("x")


@functools.lru_cache(maxsize=None)
def log_is_strictly_increasing():
    """⊢ x ↦ log x strictly increasing on (0, ∞), derived (d/dx log x = 1/x > 0).

    (Mathlib `Real.strictMonoOn_log`; Coq `ln_increasing`)"""
    return prove_strictly_increasing(Context(), sp.log(LOG_VARIABLE), LOG_VARIABLE,
                                     sp.Interval.open(0, sp.oo))
