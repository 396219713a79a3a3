"""What the kernel corrects in sympy before it trusts sympy's evaluation (trusted code).

The kernel's rules let sympy build terms, and sympy's automatic evaluation decides signs from its
assumptions and, for a number, from a low-precision ``evalf``.  Those answers were wrong on kernel
terms, and each let the rules alone prove a false theorem: an empty product taken for
nonpositive; a finite sum evaluated by Euler–Maclaurin (Σ_{k=0}^{200} cos 2πk is 201, and
sympy's ``evalf(2)`` said 29); and a number's sign read from an ``evalf`` that claims accuracy
it lacks (atan or log of a sum that nearly cancels, Γ of a large argument).  Importing the
kernel puts right answers in place, and a number's sign is decided by the kernel's exact bounds
of it (`enclosure.enclose`) or not at all; they correct sympy for the user's own code too.
"""

import math

import sympy as sp
from sympy.core import evalf as sympy_evalf  # the module: _create_evalf_table rebinds its table
from sympy.core import relational
from sympy.core.evalf import PrecisionExhausted, _create_evalf_table, evalf
from sympy.functions.elementary import integers

from .enclosure import enclose
from .terms import costly_at_integers

# a finite sum is evaluated term by term up to this many terms, a product multiplied out: beyond,
# sympy is told it cannot evaluate them (a sign it needs stays unknown, as for a symbol)
MOST_TERMS = 1000


def _empty_product_is_not_nonpositive(product):
    """sympy's own handler answers True for an empty product, which is 1; its assumption system,
    trying handlers in a shuffled order, may then take ∏_{i=1}^{0} x for negative, and build
    |∏_{i=1}^{0} x − 1/2| as 1/2 − ∏_{i=1}^{0} x.  The registry sympy reads is set too."""
    return False if product.has_empty_sequence else None


def _count(expr):
    """The number of terms of a binder whose ranges are numbers a whole number apart (−1 for a
    reversed range, which has none in the kernel's reading), or None."""
    counts = [hi - lo + 1 for _, lo, hi in expr.limits]
    if not all(count.is_Integer for count in counts):
        return None
    return -1 if any(count < 0 for count in counts) else math.prod(map(int, counts))


def _evalf_binder(original):
    """sympy's evaluation of a sum (Euler–Maclaurin, even for finitely many terms, with an error
    estimate that can be far off) or product (multiplied out, however many factors) replaced
    where its range is numbers: a sum of at most MOST_TERMS terms added term by term, a product
    of as many multiplied out, a longer one, a reversed range or terms that would make huge
    numbers (`costly_at_integers`) not evaluated."""
    def evalf_binder(expr, prec, options):
        if "subs" in options:
            expr = expr.subs(options["subs"])
        count = _count(expr)
        if count is None:  # an infinite or symbolic range: sympy's way
            return original(expr, prec, options)
        if not 0 <= count <= MOST_TERMS or any(  # nor terms such as (10⁸ k)!, for hours
                costly_at_integers(expr.function, var, lo, hi) for var, lo, hi in expr.limits):
            raise NotImplementedError
        if isinstance(expr, sp.Product) or len(expr.limits) > 1:
            return original(expr, prec, options)
        (var, lo, hi), = expr.limits
        terms = [expr.function.subs(var, lo + k) for k in range(count)]
        return evalf(sp.Add(*terms), prec, options)
    return evalf_binder


_sympy_sign = sp.Expr._eval_is_extended_positive_negative


def _bounds(number):
    """`enclose`, with a float read as the binary fraction it is (a user's sympy code compares
    floats; a kernel term has none)."""
    return enclose(number.xreplace({f: sp.Rational(f) for f in number.atoms(sp.Float)}))


def _sign_of_number(expr, positive):
    """Whether a number is positive (negative) where the kernel's exact bounds of it show its
    sign, else unknown: sympy's own answer reads an ``evalf`` whose claimed accuracy may be false,
    and answers False where it cannot evaluate (so y^(3/2) − c was "zero" for every c).  Other
    expressions: sympy's answer, from their parts."""
    if not expr.is_number:
        return _sympy_sign(expr, positive)
    bounds = _bounds(expr)
    if bounds is None or bounds[0] <= 0 <= bounds[1]:
        return None
    return (bounds[0] > 0) is positive


def _difference_sign(a, b):
    """For sympy's comparisons of two numbers (a ≥ b, a = b, the branch of a power): ±1 or 0 as
    the kernel's exact bounds of a − b show its sign, else None (unknown) — sympy's own reads
    evalf(2), which took 1/2 + atan(10⁸⁷ + 1 − 10⁸⁷ tanh 100) for negative and so built
    ((…)^(3/2))^(1/2) as −(…)^(3/4)."""
    if not (a.is_comparable and b.is_comparable):
        return None
    bounds = _bounds(a - b)
    if bounds is None or bounds[0] <= 0 <= bounds[1] and bounds != (0, 0):
        return None
    return sp.Integer((bounds[0] > 0) - (bounds[1] < 0))


def _integer_part(expr, direction, options, return_ints=False):
    """floor (direction −1) or ceiling (1) of a number, for sympy's floor and ceiling: where the
    kernel's exact bounds of it have one, else unknown — sympy's own reads evalf, and picked the
    branch of a power from floor(1/2 − 3 arg(b)/(4π)) with b = 1/2 + atan X,
    X = 10¹⁰⁰⁰ + 1 − 10¹⁰⁰⁰ tanh 1152, taken for negative."""
    bounds = _bounds(expr)
    round_to = math.floor if direction == -1 else math.ceil
    if bounds is None or round_to(bounds[0]) != round_to(bounds[1]) or not return_ints:
        raise PrecisionExhausted
    return round_to(bounds[0]), 0


def _gamma_is_positive(gamma):
    """Γ(x) > 0 for x > 0, and for a negative non-integer x as floor(x) is even; sympy's own
    took the second rule for any non-integer whose sign it did not know (Γ(1 + sin(1)/2) < 0)."""
    x = gamma.args[0]
    if x.is_positive:
        return True
    if x.is_negative and x.is_noninteger:
        return sp.floor(x).is_even
    return None


sp.Expr._eval_is_extended_positive_negative = _sign_of_number
relational._n2 = _difference_sign
integers.get_integer_part = _integer_part
sp.gamma._eval_is_positive = _gamma_is_positive
sp.gamma._prop_handler["positive"] = _gamma_is_positive
sp.Product._eval_is_extended_nonpositive = _empty_product_is_not_nonpositive
sp.Product._prop_handler["extended_nonpositive"] = _empty_product_is_not_nonpositive
if not sympy_evalf.evalf_table:
    _create_evalf_table()
for _binder in (sp.Sum, sp.Product):
    sympy_evalf.evalf_table[_binder] = _evalf_binder(sympy_evalf.evalf_table[_binder])
