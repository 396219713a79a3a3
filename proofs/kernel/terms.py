"""The kernel's terms: which sympy expressions it reasons about, what their names and variables are,
where they may be undefined, and capture-avoiding substitution (trusted code).

Imports sympy and `proofs.errors` only.  A *term* is built from rationals, π and e, plain symbols
(no sympy assumptions: ranges live in the context), entries p[i] of indexed families, applications
f(x) of undefined functions, +, ·, powers, the functions of the table (`functions.TABLE`: exp, log,
sin, cos, tanh, sinh, cosh, atan, erf, Abs, factorial, gamma), finite sums and products, and
definitions (`Defined`, `DefinedFamily`). Anything else — floats, I, zoo, sign, Lambda, Integral,
Subs, Derivative, Piecewise, … — is refused, so that the kernel knows where every head is
defined (`needs`) and trusts sympy's automatic evaluation of these heads only.  Values are real;
every head is strict (an undefined argument makes the whole undefined).
"""

import functools

import sympy as sp
from sympy.core.function import AppliedUndef, FunctionClass, UndefinedFunction

from ..errors import ForgeryError, SideConditionError, UnsupportedError
from .functions import TABLE, Need

BINDERS = (sp.Sum, sp.Product)
FUNCTIONS = (sp.Add, sp.Mul, sp.Pow, sp.binomial, *TABLE)
CONSTANTS = (sp.pi, sp.E)

CACHES = []  # every kernel cache, so that a test can list (and clear) them


def memoized(maxsize):
    """`functools.lru_cache`, registered in CACHES.  Safe because every key is a term — an
    immutable sympy expression whose definitions refuse changes — and every cached value is a pure
    function of its key.  Typed: a subclass of Integer that compares equal to −3 is its own key
    (and refused), not an answer cached for sympy's −3."""
    def wrap(function):
        cached = functools.lru_cache(maxsize=maxsize, typed=True)(function)
        CACHES.append(cached)
        return cached
    return wrap


# ------------------------------------------------------------------------------------------------
# definitions
class Defined(sp.Symbol):
    """c := body, a named constant.  Name and body make its identity; neither can change once made.
    The body's free variables are global: a quantity that depends on a summation index is a
    `DefinedFamily`."""

    __slots__ = ("_body",)

    def __init_subclass__(cls, **kwargs):
        raise ForgeryError("Defined cannot be subclassed")

    def __new__(cls, name, body):
        obj = sp.Symbol.__xnew__(cls, name)
        object.__setattr__(obj, "_body", sp.sympify(body))
        return obj

    def __setattr__(self, key, value):
        if key in ("name", "body", "_body") and hasattr(self, "_body"):
            raise ForgeryError(f"definitions are immutable: cannot set {key} of {self.name}")
        super().__setattr__(key, value)

    @property
    def body(self):
        return self._body

    def __getnewargs_ex__(self):
        return (self.name, self._body), {}

    def _hashable_content(self):
        return (self.name, self._body)

    @property
    def free_symbols(self):
        return self._body.free_symbols


class _Sealed(FunctionClass):
    """The metaclass of definition classes: once made, none of their attributes can change (not
    `body`, and not `eval`, which would let sympy evaluate an entry to anything)."""

    def __setattr__(cls, key, value):
        if cls.__dict__.get("_sealed"):
            raise ForgeryError(f"definitions are immutable: cannot set {key} of {cls.__name__}")
        super().__setattr__(key, value)

    def __delattr__(cls, key):
        raise ForgeryError(f"definitions are immutable: cannot delete {key} of {cls.__name__}")

    def seal(cls):
        type.__setattr__(cls, "_sealed", True)


class DefinedEntry(sp.Function, metaclass=_Sealed):
    """An entry p(a) of a `DefinedFamily`: stands for the family's body with its parameters set to
    a."""

    def __init_subclass__(cls, **kwargs):
        if type(cls) is not DefinedFamily:
            raise ForgeryError("a family's entries are made by DefinedFamily, not by subclassing")
        super().__init_subclass__(**kwargs)

    @classmethod
    def eval(cls, *args):
        return None  # never evaluated by sympy: only the kernel's `unfold` looks inside

    @property
    def free_symbols(self):
        inner = self.func.body.free_symbols - set(self.func.params)
        return inner.union(*(arg.free_symbols for arg in self.args))


DefinedEntry.seal()


class DefinedFamily(_Sealed):
    """p(i) := body, a definition with explicit parameters (p_i := σ(w x_i) is ``DefinedFamily("p",
    [i], …)`` and reads p(i)); name, parameters and body make its identity.  Substituting for i
    renames the entry's argument, never the body, so a summation index cannot be captured."""

    def __new__(mcs, name, params, body):
        params = tuple(params)
        plain = all(is_plain(v) for v in params)
        if not params or not plain or len(set(params)) < len(params):
            raise UnsupportedError(f"the parameters of {name} must be distinct symbols made "
                                   f"without assumptions (Symbol('i'), not integer=True): {params}")
        namespace = {"params": params, "body": sp.sympify(body), "nargs": len(params)}
        return super().__new__(mcs, name, (DefinedEntry,), namespace)

    def __init__(cls, name, params, body):
        super().__init__(name, (DefinedEntry,), {})
        cls.seal()

    def __eq__(cls, other):
        return isinstance(other, DefinedFamily) and cls._identity() == other._identity()

    def __hash__(cls):
        return hash(cls._identity())

    def _identity(cls):
        return (cls.__name__, cls.params, cls.body)


def is_definition(expr):
    return isinstance(expr, (Defined, DefinedEntry))


# ------------------------------------------------------------------------------------------------
# structure
def binder_limits(expr):
    """The (index, lower, upper) triples of a Sum or Product, innermost first (sympy's order): the
    iterated binder Σ_{(i, a, b), (j, c, d)} f is Σ_{j=c}^{d} Σ_{i=a}^{b} f, so c, d may not
    mention i.  (sympy's constructors refuse a limit without both bounds.)"""
    return tuple(tuple(limit) for limit in expr.limits)


def inner_binder(expr):
    """Σ_{i=a}^{b} of a single-limit binder is its body; of an iterated one, the binder without its
    outermost limit: ``(outer limit, what it ranges over)``."""
    limits = binder_limits(expr)
    inner = expr.function if len(limits) == 1 else expr.func(expr.function, *limits[:-1])
    return limits[-1], inner


def exchanged(limits, position):
    """(the limits, innermost first, with the pair at `position` and the one around it exchanged,
    whether that pair is a triangle), or None: the two swapped where the inner bounds do not
    mention the outer index; Σ_{i=a}^{b} Σ_{j=a}^{i} written Σ_{j=a}^{b} Σ_{i=j}^{b}, and
    Σ_{i=a}^{b} Σ_{j=i}^{b} written Σ_{j=a}^{b} Σ_{i=a}^{j}; None for other bounds."""
    (j, c, d), (i, a, b) = inner, outer = limits[position:position + 2]
    triangles = {(a, i): ((i, j, b), (j, a, b)), (i, b): ((i, a, j), (j, a, b))}
    triangle = i in free_vars(c) | free_vars(d)
    if triangle and (c, d) not in triangles:
        return None
    pair = triangles[c, d] if triangle else (outer, inner)
    return (*limits[:position], *pair, *limits[position + 2:]), triangle


def binomial_sum(total):
    """(a, b, n, c, d) of a sum Σ_{k=0}^{n} C(n, k) a^(k+c) b^(n−k+d) as sympy builds it, a and b
    free of k (either 1 where it is missing), c and d integers (q^(k+1) after a mean's shift);
    None for other terms, and for a number n above 1000, whose power (a + b)^n is not built."""
    if not isinstance(total, sp.Sum) or len(total.limits) != 1 or total.limits[0][1] != 0:
        return None
    (var, _, hi), = total.limits
    factors = sp.Mul.make_args(total.function)
    if hi.is_number and not hi <= 1000 or not any(isinstance(f, sp.binomial) for f in factors):
        return None
    powers = [(power.base, power.exp) for power in factors if isinstance(power, sp.Pow)]
    (a, c), (b, d) = (next(((base, sp.expand(exp - e)) for base, exp in powers
                            if sp.expand(exp - e).is_Integer), (sp.S.One, 0))
                      for e in (var, hi - var))
    if var in free_vars(a) | free_vars(b) or \
            total.function != sp.binomial(hi, var) * a ** (var + c) * b ** (hi - var + d):
        return None
    return a, b, hi, c, d


def index_free_factor(body, indices):
    """`body` as c·r with c free of `indices`: sympy's split of a product, each
    exponential e^{a+b} read as e^{a}·e^{b} for the terms a of its exponent free of
    the indices (e^{z_j − c} = e^{−c}·e^{z_j}).  The caller checks, with
    `merged_exponentials` and `free_vars`, that c·r is body and c index-free."""
    factors, rests = [], []
    for part in sp.Mul.make_args(body):
        if type(part) is sp.exp:  # not isinstance: sympy counts E**x (unevaluated) as exp
            shift, moving = part.args[0].as_independent(*indices, as_Add=True)
            factors.append(sp.exp(shift))
            rests.append(sp.exp(moving))
        else:
            factor, rest = part.as_independent(*indices, as_Add=False)
            factors.append(factor)
            rests.append(rest)
    return sp.Mul(*factors), sp.Mul(*rests)


def merged_exponentials(product):
    """A product with its exponential factors merged into one, e^{a}·e^{b} = e^{a+b}
    (sympy keeps them apart)."""
    parts = sp.Mul.make_args(product)
    exponents = [part.args[0] for part in parts if type(part) is sp.exp]
    others = [part for part in parts if type(part) is not sp.exp]
    return sp.Mul(*others, sp.exp(sp.Add(*exponents))) if exponents else product


@memoized(8192)
def free_vars(expr):
    """Symbols free in `expr` (definitions' bodies included, family labels and function names
    excluded)."""
    if isinstance(expr, Defined):
        return free_vars(expr.body)
    if isinstance(expr, sp.Symbol):
        return frozenset({expr})
    if isinstance(expr, sp.IndexedBase):
        return frozenset()
    if isinstance(expr, DefinedEntry):
        inner = free_vars(expr.func.body) - set(expr.func.params)
        return inner.union(*map(free_vars, expr.args))
    if isinstance(expr, BINDERS):
        found, bound = free_vars(expr.function), set()
        for var, lo, hi in binder_limits(expr):
            bound.add(var)
            found = (found - {var}) | free_vars(lo) | free_vars(hi)
        return frozenset(found)
    return frozenset().union(*map(free_vars, expr.args))


@memoized(8192)
def bound_vars(expr):
    """Symbols bound by a sum or product somewhere in `expr` (not inside definitions, which are
    opaque)."""
    if isinstance(expr, BINDERS):
        own = {var for var, _, _ in binder_limits(expr)}
        return frozenset(own).union(*map(bound_vars, expr.args))
    if not expr.args or is_definition(expr):
        return frozenset()
    return frozenset().union(*map(bound_vars, expr.args))


def mentions(expr, quantity):
    """Whether `expr` depends on `quantity`: a symbol, an IndexedBase or an undefined function."""
    if isinstance(expr, Defined):
        return mentions(expr.body, quantity)
    if isinstance(expr, DefinedEntry) and mentions(expr.func.body, quantity):
        return True
    if expr == quantity or (isinstance(expr, AppliedUndef) and expr.func == quantity):
        return True
    return any(mentions(arg, quantity) for arg in expr.args)


_KINDS = ((DefinedFamily, "the defined family"), (UndefinedFunction, "the function"),
          (sp.IndexedBase, "the indexed family"), (Defined, "the definition"),
          (object, "the symbol"))


def describe(obj):
    """How an error names an object: its kind, its name and what sets it apart."""
    kind = next(word for cls, word in _KINDS if isinstance(obj, cls))
    if isinstance(obj, Defined):
        return f"{kind} {obj.name} := {obj.body}"
    if isinstance(obj, DefinedFamily):
        return f"{kind} {obj.__name__}({', '.join(map(str, obj.params))}) := {obj.body}"
    if isinstance(obj, FunctionClass):
        name, flags = obj.__name__, dict(getattr(obj, "_kwargs", {}))
    else:  # the assumptions as the user gave them, not all that sympy derives from them
        name = name_of(obj)
        flags = dict(getattr(obj, "_assumptions_orig", None) or obj.assumptions0)
    flags = {key: value for key, value in flags.items() if key != "commutative"}
    if isinstance(obj, sp.Dummy):
        flags["dummy"] = True
    shown = ", ".join(f"{key}={value}" for key, value in sorted(flags.items()))
    return f"{kind} {name}" + (f" ({shown})" if shown else "")


def name_of(obj):
    if isinstance(obj, sp.IndexedBase):
        return str(obj.label)
    return obj.__name__ if isinstance(obj, FunctionClass) else obj.name


def join_names(*tables):
    """One table name -> object from several; two objects with one printed name are refused, naming
    both."""
    joined = {}
    for table in tables:
        for name, obj in table.items():
            known = joined.setdefault(name, obj)
            if known is not obj and known != obj:
                raise UnsupportedError(f"the name {name} denotes two objects: "
                                       f"{describe(known)} and {describe(obj)}; rename one of them")
    return joined


@memoized(8192)
def names(expr):
    """Every named object in `expr` (symbols, families, functions, definitions and what their bodies
    name) as a table name -> object; refuses one name for two objects."""
    if isinstance(expr, Defined):
        return join_names({expr.name: expr}, names(expr.body))
    if isinstance(expr, sp.Symbol):
        return {expr.name: expr}
    if isinstance(expr, sp.IndexedBase):
        return {name_of(expr): expr}
    if isinstance(expr, sp.Indexed):
        return join_names(names(expr.base), *map(names, expr.indices))
    tables = list(map(names, expr.args))
    if isinstance(expr, AppliedUndef):
        tables.append({name_of(expr.func): expr.func})
    if isinstance(expr, DefinedEntry):
        family = expr.func
        tables.append({name_of(family): family})
        tables.append(names(family.body))
        tables.extend({str(v): v} for v in family.params)
    return join_names(*tables)


# ------------------------------------------------------------------------------------------------
# well-formedness
def is_plain(symbol):
    """A symbol without sympy assumptions (a Dummy or Wild is not plain)."""
    return type(symbol) is sp.Symbol and symbol.assumptions0 == {"commutative": True}


@memoized(8192)
def check_well_formed(expr):
    """`expr` if it is a term: refuses other heads, floats and infinities, symbols with sympy
    assumptions, a bound index reused inside its own scope, definitions that mention an index bound
    around them, and one name for two objects.  Memoized, as every rule asks it of the terms it
    builds on."""
    expr = sp.sympify(expr)
    _check(expr)
    names(expr)
    return expr


_RATIONALS = {sp.Integer, sp.Rational, *(type(n) for n in (sp.S.Zero, sp.S.One, sp.S.NegativeOne,
                                                             sp.S.Half))}
_PLAIN_FUNCTION_ATTRIBUTES = set(vars(sp.Function("f")))


def costly_at_integers(expr, var, lo, hi):
    """Whether sympy might compute a factorial, binomial coefficient, Γ or power of a large number
    in building `expr` at the integers var = lo, …, hi: it computes k!, C(n, k), Γ(k + 1/2) and
    b^k of numbers as it builds them (10⁸!, (2²⁵)!, Γ(10⁶ + 1/2) and (10¹⁰⁰⁰)^k run
    for hours).  Such a head's arguments that mention var alone must be linear in it, so that its
    ends bound them: at most 1000 for a factorial, binomial or Γ; a power's at most 10⁴ bits."""
    heads = (sp.factorial, sp.binomial, sp.gamma)
    numbers = [abs(c) for c in expr.atoms(sp.Integer) | {b for b in (lo, hi) if b.is_Integer}]
    if max(numbers, default=0) > 1000 and expr.has(*heads):
        return True
    # an argument with other quantities is no number at the values: sympy keeps it whole
    for node in (n for n in expr.atoms(*heads, sp.Pow) if n.free_symbols == {var}):
        ends = []
        for arg in node.args:  # a power's base may be a head of its own (1/k!): checked apart
            if isinstance(node, sp.Pow) and arg is node.base and arg.has(*heads):
                ends.append(1)
            elif not arg.is_polynomial(var) or sp.Poly(arg, var).degree() > 1:
                return True
            else:
                values = [substitute(arg, {var: end})[0] for end in (lo, hi)]
                ends.append(max(max(abs(n.p), n.q) for value in values
                                for n in value.atoms(sp.Rational) | {sp.S.One}))
        if ends[0].bit_length() * ends[-1] > 10 ** 4 if isinstance(node, sp.Pow) else \
                max(ends) > 1000:
            return True
    return False


def is_exact_rational(value):
    """One of sympy's own rationals, exactly: a subclass could answer <, > or a sign falsely."""
    return type(value) in _RATIONALS


def is_plain_function(func):
    """An undefined function exactly as `sympy.Function(name)` makes it: no assumptions, no class
    attributes (an `eval`, an `is_positive`) and no other bases, which sympy would act on."""
    return (type(func) is UndefinedFunction and func.__bases__ == (AppliedUndef,)
            and not func._kwargs and set(vars(func)) == _PLAIN_FUNCTION_ATTRIBUTES
            and not func._explicit_class_assumptions and not func.default_assumptions)


def _check(expr):
    if isinstance(expr, sp.Number):
        if not is_exact_rational(expr):  # exactly: a subclass could claim a sign it lacks
            raise UnsupportedError(f"{expr}: only exact rationals are terms (no floats, "
                                   "infinities, nan or zoo)")
    elif isinstance(expr, sp.NumberSymbol) or expr.is_NumberSymbol:
        if not any(expr is constant for constant in CONSTANTS):
            raise UnsupportedError(f"{expr}: the only named constants are pi and E")
    elif isinstance(expr, Defined):
        _check_definition(expr.body, ())
    elif isinstance(expr, sp.Symbol):
        if not is_plain(expr):
            raise UnsupportedError(f"{describe(expr)} carries sympy assumptions; inside the kernel "
                                   "a symbol is plain and its range is an entry of the context")
    elif type(expr) is sp.Indexed:  # exactly, as every head below: a subclass could lie
        base = expr.base
        plain = base.assumptions0 == {"commutative": True} and is_plain(base.label)
        if type(base) is not sp.IndexedBase or len(base.args) != 1 or not plain:
            raise UnsupportedError(f"{expr}: {describe(base)} must be a plain IndexedBase (no "
                                   "shape, no assumptions)")
        for index in expr.indices:
            check_well_formed(index)
    elif isinstance(expr, DefinedEntry):
        _check_definition(expr.func.body, expr.func.params)
        for arg in expr.args:
            check_well_formed(arg)
    elif isinstance(expr, AppliedUndef):
        if not isinstance(expr.func, UndefinedFunction):
            raise UnsupportedError(f"{expr}: {expr.func} is not an undefined function made by "
                                   "sympy.Function")
        if expr.func._kwargs:
            raise UnsupportedError(f"{expr}: {describe(expr.func)} carries sympy assumptions; "
                                   "give its range in the context")
        if not is_plain_function(expr.func):
            raise UnsupportedError(f"{expr}: {describe(expr.func)} carries class attributes or "
                                   "bases of its own; make it with sympy.Function(name) alone")
        for arg in expr.args:
            check_well_formed(arg)
    elif type(expr) in BINDERS:
        _check_binder(expr)
    elif type(expr) in FUNCTIONS:  # exactly: a subclass could evaluate or be defined otherwise
        if type(expr) in TABLE and len(expr.args) != 1:  # log(3, 2) is log₂ 3, not log 3
            raise UnsupportedError(f"{expr}: the functions of the table take one argument (write "
                                   "a logarithm to a base b as log(x)/log(b))")
        for arg in expr.args:
            check_well_formed(arg)
    else:
        raise UnsupportedError(f"{expr}: the kernel does not reason about {type(expr).__name__} "
                               "(terms are built from rationals, pi, E, symbols, p[i], f(x), +, *, "
                               "**, the functions " + ", ".join(f.__name__ for f in TABLE) +
                               ", binomial, Sum, Product and definitions)")


@memoized(2048)
def _check_definition(body, params):
    """A definition's body is a term; it may not mention an index bound around a use of it, so its
    own free variables are its parameters or global."""
    check_well_formed(body)
    for var in params:
        if var in bound_vars(body):
            raise UnsupportedError(f"{body}: the parameter {var} is bound again inside")
        for node in sp.preorder_traversal(body):
            if is_definition(node) and var in _definition_free_vars(node):
                raise UnsupportedError(f"{body}: the definition {node} inside it mentions the "
                                       f"parameter {var}, whose value it cannot see")
    return True


def _check_binder(expr):
    if isinstance(expr, sp.Product) and expr.function.is_zero:
        raise UnsupportedError(f"{expr}: sympy takes a product of zeros for 0 (exp of it for 1), "
                               "even over an empty range, where it is 1")
    limits = binder_limits(expr)
    variables = [var for var, _, _ in limits]
    if len(set(variables)) < len(variables) or not all(is_plain(var) for var in variables):
        raise UnsupportedError(f"{expr}: its indices must be distinct plain symbols")
    check_well_formed(expr.function)
    for position, (var, lo, hi) in enumerate(limits):
        check_well_formed(lo)
        check_well_formed(hi)
        inner = set(variables[:position + 1])
        if inner & (free_vars(lo) | free_vars(hi)):
            raise UnsupportedError(f"{expr}: the bounds of {var} mention an inner index")
        # no whole number of terms: never defined, and sympy's exp of −∏_{k=2}^{1/2} k or
        # of −∏_{k=2}^{√2} k runs without end; nor may a closed sum or product hide the gap
        # (−∏_{k=2}^{Σ_{j=1}^{1} 1/2} k), so a bound that is a number is written as one
        gap = hi - lo
        if gap.is_number and not gap.is_Integer:
            raise UnsupportedError(f"{expr}: {var} runs from {lo} to {hi}, no whole number of "
                                   "terms" + (" (write a bound that is a closed sum or product "
                                              "as its value)" if gap.has(*BINDERS) else ""))
    # the scope of an index: the body, and the bounds of the limits inside it (sympy writes
    # Σ_i Σ_{j=i}^{D} as one Sum whose inner limit's bound D lies in i's scope)
    for position, var in enumerate(variables):
        scope = [expr.function] + [end for _, lo, hi in limits[:position] for end in (lo, hi)]
        if any(var in bound_vars(part) for part in scope):
            raise UnsupportedError(f"{expr}: the index {var} is bound again inside its scope (by "
                                   f"a definition that sums over {var}, say): rename one of them")
        for node in (node for part in scope for node in sp.preorder_traversal(part)):
            if is_definition(node) and var in _definition_free_vars(node):
                raise UnsupportedError(f"{expr}: the definition {node} mentions {var}, which the "
                                       "sum or product binds: a quantity that depends on the index "
                                       "takes it as a parameter (DefinedFamily)")


def _definition_free_vars(node):
    if isinstance(node, Defined):
        return free_vars(node.body)
    return free_vars(node.func.body) - set(node.func.params)


# ------------------------------------------------------------------------------------------------
# definedness
def within(scope, conditions):
    """The conditions, each holding for every value of the indices in `scope` (outermost first)."""
    return frozenset((expr, need, scope + inner) for expr, need, inner in conditions)


def _limits_outermost_first(args):
    return tuple(tuple(limit) for limit in reversed(args[1:]))


_POWER_NEEDS = {(True, False): Need.NONZERO, (False, True): Need.NONNEGATIVE,
                (False, False): Need.POSITIVE}


def head_needs(head, args):
    """What head(*args) needs of its arguments, beyond their own needs: a function of the table its
    domain (log: positive, factorial: a count, gamma: positive), binomial(n, k) both arguments
    counts; a power a**b, by the value of b: nothing for an integer b >= 0, a != 0 for an integer b
    < 0, a >= 0 for a non-integer b > 0, a > 0 for a non-integer b < 0 — for a literal exponent
    that is one condition on a, for any other the power itself must be shown defined; each limit of
    a sum or product a number of terms b − a + 1 that is an integer >= 0 (for every value of the
    indices outside it)."""
    if head in TABLE:
        domain = TABLE[head].domain
        return {(args[0], domain, ())} if domain is not None else set()
    if head is sp.binomial:  # C(n, k) for counts n, k (0 when k > n)
        return {(arg, Need.COUNT, ()) for arg in args}
    if issubclass(head, sp.Pow) and not args[1].is_Rational:  # the power as written, unevaluated
        return {(sp.Pow(*args, evaluate=False), Need.DEFINED, ())}
    if issubclass(head, sp.Pow) and not (args[1].is_Integer and args[1] >= 0):
        return {(args[0], _POWER_NEEDS[args[1].is_Integer, bool(args[1] > 0)], ())}
    if issubclass(head, BINDERS):
        limits = _limits_outermost_first(args)
        counts = [(sp.expand(hi - lo + 1), limits[:k]) for k, (_, lo, hi) in enumerate(limits)]
        return {(count, Need.COUNT, scope) for count, scope in counts
                if not (count.is_Integer and count >= 0)}
    if issubclass(head, DefinedEntry) and needs(head.body):
        return {(head(*args), Need.DEFINED, ())}
    return set()


@memoized(8192)
def needs(expr):
    """The conditions (subterm, Need, scope) under which the term `expr` is defined, exactly.  A
    condition inside a sum or product holds for every value its indices take: its scope lists their
    limits, outermost first (so a condition under one binder is never mistaken for one under
    another, or for one about a free variable of the same name).  A constant has its body's needs; a
    family's entry must be shown defined as a whole."""
    if isinstance(expr, Defined):
        return needs(expr.body)
    if not expr.args or isinstance(expr, sp.IndexedBase):
        return frozenset()
    if isinstance(expr, sp.Indexed):
        return frozenset().union(*map(needs, expr.indices))
    if isinstance(expr, BINDERS):
        limits = _limits_outermost_first(expr.args)
        found = set(head_needs(expr.func, expr.args)) | within(limits, needs(expr.function))
        for depth, (_, lo, hi) in enumerate(limits):
            found |= within(limits[:depth], needs(lo) | needs(hi))
        return frozenset(found)
    return frozenset(head_needs(expr.func, expr.args)).union(*map(needs, expr.args))


# ------------------------------------------------------------------------------------------------
# substitution
def fresh(var, avoid):
    """A plain symbol named like `var` with primes added until no name in `avoid` is taken."""
    name = var.name
    while name in avoid:
        name += "'"
    return sp.Symbol(name)


def substitute(expr, mapping):
    """(expr with every free occurrence of each key of `mapping` replaced by its value, the needs of
    the result as written — before sympy's evaluation simplifies it).  Capture-avoiding: an index
    bound in `expr` that is free in a value it would capture is renamed apart first.  A definition's
    body is never entered (in a well-formed term none mentions a replaced variable)."""
    written = set()
    result = _substitute(expr, dict(mapping), written, ())
    return result, frozenset(written)


def apart(expr, taken, *others):
    """expr with each index it binds that `taken` lists renamed to a name occurring neither in expr
    nor in `others` (alpha-conversion, each substitution capture-avoiding), so that expr may sit
    under binders over `taken`: Σ_i x_i/n put under a sum over i is Σ_{i'} x_{i'}/n."""
    clashing = sorted(bound_vars(expr) & set(taken), key=str)
    avoid = set(names(expr)).union(*map(names, others)) if clashing else set()
    mapping = {}
    for var in clashing:
        mapping[var] = fresh(var, avoid | {new.name for new in mapping.values()})
    return _rebound(expr, mapping)


def _rebound(expr, mapping, renames=None):
    """expr with each binder over a variable of `mapping` binding mapping[var] instead, and what
    it binds renamed with it (`renames`: the renamings in scope): the same shape, rebuilt
    unevaluated, so defined exactly where expr is (sympy would take 0·Σ_{i=0}^{n} x_i for 0)."""
    renames = renames or {}
    if type(expr) is sp.Symbol:
        return renames.get(expr, expr)
    if not (bound_vars(expr) & set(mapping)) and not (free_vars(expr) & set(renames)):
        return expr
    if isinstance(expr, BINDERS):
        limits, inner = [], dict(renames)
        for var, lo, hi in reversed(binder_limits(expr)):  # outermost first: inner bounds see it
            lo, hi = _rebound(lo, mapping, inner), _rebound(hi, mapping, inner)
            inner[var] = mapping.get(var, var)
            limits.append((inner[var], lo, hi))
        function = _rebound(expr.function, mapping, inner)
        return check_well_formed(expr.func(function, *reversed(limits)))
    args = [_rebound(arg, mapping, renames) for arg in expr.args]
    return expr.func(*args) if isinstance(expr, sp.Indexed) else expr.func(*args, evaluate=False)


def _substitute(expr, mapping, written, scope):
    mapping = {var: value for var, value in mapping.items() if var in free_vars(expr)}
    if not mapping:
        written.update(within(scope, needs(expr)))
        return expr
    # a definition's body is fixed: a variable it mentions is not replaced there.  Under a binder
    # none is (well-formedness refuses a definition that mentions an index or parameter bound
    # around it); a free variable replaced in a definition is refused
    if is_definition(expr) and set(mapping) & _definition_free_vars(expr):
        raise SideConditionError(f"{expr} is a definition that mentions "
                                 f"{', '.join(map(str, mapping))}: substituting into it would leave"
                                 " its body as it is")
    if isinstance(expr, sp.Symbol):
        written.update(within(scope, needs(mapping[expr])))
        return mapping[expr]
    if isinstance(expr, BINDERS):
        return _substitute_binder(expr, mapping, written, scope)
    args = tuple(_substitute(arg, mapping, written, scope) for arg in expr.args)
    written.update(within(scope, head_needs(expr.func, args)))
    return expr.func(*args)


def _substitute_binder(expr, mapping, written, scope):
    captured = set().union(*(free_vars(value) for value in mapping.values()))
    avoid = set(names(expr)) | {v.name for v in captured}
    limits = []
    # outermost first: an outer index scopes over the inner bounds
    for var, lo, hi in reversed(binder_limits(expr)):
        inner = scope + tuple(limits)
        lo = _substitute(lo, mapping, written, inner)
        hi = _substitute(hi, mapping, written, inner)
        mapping = {key: value for key, value in mapping.items() if key != var}
        if var in captured:
            renamed = fresh(var, avoid)
            avoid.add(renamed.name)
            mapping[var] = renamed
            var = renamed
        limits.append((var, lo, hi))
    function = _substitute(expr.function, mapping, written, scope + tuple(limits))
    rebuilt_args = (function, *(sp.Tuple(*limit) for limit in reversed(limits)))
    written.update(within(scope, head_needs(expr.func, rebuilt_args)))
    return check_well_formed(expr.func(*rebuilt_args))  # before a head around it evaluates it
