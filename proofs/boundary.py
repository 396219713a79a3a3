"""The boundary: a user's claim — sympy expressions and a ``where`` mapping — translated into kernel
terms and a context, so that the claim proved is the claim asked.

Imports sympy, `proofs.errors` and the kernel.  The kernel checks every term it is given (it refuses
anything not in its own form), so a fault here cannot make a false theorem; it could make the engine
prove a different claim than the one asked, which is why this module is trusted for faithfulness
(docs/soundness.rst).  The translation

- refuses one name for two objects (``Symbol('x')`` and ``Symbol('x', positive=True)``,
  ``IndexedBase('x')`` and ``Symbol('x')``), naming both;
- turns sympy assumptions into context ranges (``Symbol('n', integer=True, positive=True)``
  becomes a plain n with n ∈ ℕ); a ``where`` range must lie inside the assumptions, which sympy may
  already have used to build the claim, and assumptions no range states (nonzero, even, …) are
  refused;
- lets an index carry assumptions only when every value the sum gives it satisfies them;
- renames a bound index apart from the claim's free variables and from the indices bound around it
  (Barendregt's convention), and refuses a definition that mentions an index bound around its use;
- translates definitions' bodies the same way, keeps the user's (possibly unevaluated) shape, and
  checks that sympy re-evaluated nothing on the way.
"""

import collections
import collections.abc
import functools

import sympy as sp
from sympy.core.function import AppliedUndef, UndefinedFunction

from .errors import UnsupportedError
from .kernel.functions import TABLE
from .kernel.language import (Context, Hull, IndexRange, add_hulls, hull, mul_hulls,
                               pow_hull)
from .kernel.terms import (
    BINDERS,
    FUNCTIONS,
    Defined,
    DefinedEntry,
    DefinedFamily,
    binder_limits,
    check_well_formed,
    describe,
    free_vars,
    fresh,
    join_names,
    name_of,
)

_ASSUMED_SETS = (
    ({"integer": True, "positive": True}, sp.S.Naturals),
    ({"integer": True, "nonnegative": True}, sp.S.Naturals0),
    ({"integer": True, "negative": True}, sp.Range(-sp.oo, 0)),
    ({"integer": True, "nonpositive": True}, sp.Range(-sp.oo, 1)),
    ({"integer": True}, sp.S.Integers),
    ({"positive": True}, sp.Interval.open(0, sp.oo)),
    ({"nonnegative": True}, sp.Interval(0, sp.oo)),
    ({"negative": True}, sp.Interval.open(-sp.oo, 0)),
    ({"nonpositive": True}, sp.Interval(-sp.oo, 0)),
    ({"zero": True}, sp.FiniteSet(0)),
    ({"real": True}, sp.S.Reals),
)


def _flags(obj):
    if isinstance(obj, UndefinedFunction):
        return dict(obj._kwargs)
    flags = dict(obj.assumptions0)
    flags.pop("commutative", None)
    return flags


def _canonical_flags(kwargs):
    return _flags(sp.Symbol("_", **kwargs))


def assumed_set(obj):
    """The range sympy's assumptions give `obj` (a Symbol, IndexedBase or undefined function), or
    None."""
    flags = _flags(obj)
    if not flags:
        return None
    for kwargs, real_set in _ASSUMED_SETS:
        if flags == _canonical_flags(kwargs):
            return real_set
    raise UnsupportedError(
        f"{describe(obj)}: these sympy assumptions are no range the kernel states; use a "
        f"plain symbol and give its range in where="
    )


# memoized: a pure function of the object, whose assumptions are part of its equality and hash
@functools.lru_cache(maxsize=4096)
def _plain(obj):
    """The kernel's object for a user's symbol, IndexedBase or undefined function: the same name, no
    assumptions."""
    if isinstance(obj, sp.IndexedBase):
        return sp.IndexedBase(name_of(obj))
    if isinstance(obj, UndefinedFunction):
        return sp.Function(obj.__name__)
    if isinstance(obj, sp.Dummy) or type(obj) is not sp.Symbol:
        raise UnsupportedError(f"{describe(obj)} cannot appear in a claim: use a Symbol")
    return sp.Symbol(obj.name)


def _objects(expr, found):
    """Every named object of a user's term, definitions' bodies included, into `found` (name ->
    objects)."""
    if isinstance(expr, Defined):
        found[expr.name].add(expr)
        for name, objects in _body_objects(expr).items():
            found[name] |= objects
        return found
    if isinstance(expr, sp.Symbol):
        found[expr.name].add(expr)
        return found
    if isinstance(expr, sp.Indexed):
        found[name_of(expr.base)].add(expr.base)
        for index in expr.indices:
            _objects(index, found)
        return found
    if isinstance(expr, DefinedEntry):
        found[expr.func.__name__].add(expr.func)
        for name, objects in _body_objects(expr.func).items():
            found[name] |= objects
    elif isinstance(expr, AppliedUndef):
        if not isinstance(expr.func, UndefinedFunction):
            raise UnsupportedError(
                f"{expr}: {expr.func.__name__} is not an undefined function made by sympy.Function"
            )
        if expr.func.__name__ in KNOWN_FUNCTIONS:  # it would read as the function everyone knows
            raise UnsupportedError(f"the function {expr.func.__name__} made by sympy.Function "
                                   f"reads as sympy's {expr.func.__name__}: name it otherwise "
                                   "(f, g, …) or use sympy's own")
        found[expr.func.__name__].add(expr.func)
    for arg in expr.args:
        _objects(arg, found)
    return found


# the names of the functions a term may use, which an undefined function may not take
KNOWN_FUNCTIONS = {head.__name__ for head in TABLE} | {"sqrt", "binomial", "Sum", "Product"}


@functools.lru_cache(maxsize=1024)
def _body_objects(definition):
    """name -> objects of a definition's body (a constant or a family), its own definitions'
    bodies included.  Memoized: a claim's terms mention the same few definitions, whose bodies
    are most of their size, and a definition is immutable (equal definitions have equal
    bodies)."""
    found = collections.defaultdict(set)
    _objects(definition.body, found)
    return {name: frozenset(objects) for name, objects in found.items()}


@functools.lru_cache(maxsize=1024)
def _body_free_objects(definition):
    """The free objects of a definition's body (of a family's, its parameters left out), as
    `_free_objects` finds them; memoized as `_body_objects` is."""
    found = _free_objects(definition.body)
    if isinstance(definition, DefinedFamily):
        found -= set(definition.params)
    return frozenset(found)


def _free_objects(expr):
    """The symbols, families and functions free in a user's term, definitions' bodies included."""
    found = set(free_vars(expr))
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Indexed):
            found.add(node.base)
        elif isinstance(node, AppliedUndef):
            found.add(node.func)
        elif isinstance(node, Defined):
            found |= _body_free_objects(node)
        elif isinstance(node, DefinedEntry):
            found |= _body_free_objects(node.func)
    return found


@functools.lru_cache(maxsize=4096)
def _bound_names(expr):
    """The names of the indices bound anywhere in a user's term, definitions' bodies included: a
    definition's translation is the same in every claim whose free names avoid them."""
    if isinstance(expr, Defined):
        return _bound_names(expr.body)
    if isinstance(expr, DefinedEntry):
        return _bound_names(expr.func.body).union(*map(_bound_names, expr.args))
    own = {var.name for var, _, _ in binder_limits(expr)} if isinstance(expr, BINDERS) else set()
    return frozenset(own).union(*map(_bound_names, expr.args))


def _same_shape(original, translated):
    """Whether sympy re-evaluated nothing: the same heads, as many of each."""

    def heads(expr):
        return collections.Counter(
            type(node).__name__ if not isinstance(node, sp.Symbol) else "Symbol"
            for node in sp.preorder_traversal(expr)
        )

    return heads(original) == heads(translated)


def _index_range_ends(real_set):
    """(a, b + 1) for a where= range Range(a, b + 1) whose ends mention other quantities (k ∈ {1,
    …, n}; `_refuse_steps` has refused other steps), () for any other set; a clear error for
    ends the kernel cannot state."""
    if not isinstance(real_set, sp.Range) or not real_set.free_symbols:
        return ()
    for end in (real_set.start, real_set.stop):
        if not all(isinstance(atom, (sp.Symbol, sp.Number)) for atom in end.atoms()) or \
                not end.is_polynomial():
            raise UnsupportedError(f"the range {real_set}: its ends must be polynomials in "
                                   f"symbols, such as n + 1, not {end}")
    return real_set.start, real_set.stop


def _refuse_circular_ranges(ranges):
    """A clear error where ranges {a, …, b} depend on each other (j ∈ {1, …, k}, k ∈ {j, …, n}):
    each must rest, in the end, on quantities whose ranges are sets."""
    depends = {key: free_vars(sp.Tuple(real_set.lo, real_set.hi))
               for key, real_set in ranges.items() if isinstance(real_set, IndexRange)}
    for key in depends:
        seen, todo = set(), [key]
        while todo:
            for other in depends.get(todo.pop(), ()):
                if other == key:
                    raise UnsupportedError(f"the range of {key} depends, through the ranges "
                                           "where= gives, on itself")
                if other not in seen:
                    seen.add(other)
                    todo.append(other)


def where_mapping(where):
    """`where` as a dict, once it maps quantities (symbols, IndexedBases, undefined functions) to
    sympy sets; a clear error for anything else (an expression as a key, a list, a string)."""
    if where is None:
        return {}
    if not isinstance(where, collections.abc.Mapping):
        raise UnsupportedError(f"where= maps each quantity to its range ({{x: Interval(0, 1)}}), "
                               f"not a {type(where).__name__}")
    for key, value in where.items():
        if not isinstance(key, (sp.Symbol, sp.IndexedBase, UndefinedFunction)):
            raise UnsupportedError(f"where= key {key!r}: give the symbol, IndexedBase or function "
                                   "itself (a range is of a quantity, not of an expression or "
                                   "a name)")
        if not isinstance(value, sp.Set):
            raise UnsupportedError(f"where= gives {key} the range {value!r}: use a sympy set "
                                   "(Interval, S.Reals, S.Naturals0, FiniteSet)")
        if isinstance(key, Defined):  # its range follows from its body, not from a hypothesis
            raise UnsupportedError(f"where= gives the defined {key} a range: a definition's range "
                                   "is proved from its body; give the ranges of what it uses")
    return dict(where)


# heads the kernel does not take, with the terms it does take that say the same
REWRITES = {sp.Max: "write max(a, b) as (a + b + Abs(a - b))/2 (ReLU: (x + Abs(x))/2)",
            sp.Min: "write min(a, b) as (a + b - Abs(a - b))/2",
            sp.loggamma: "write loggamma(x) as log(gamma(x))",
            sp.sign: "write sign(x) as x/Abs(x) where x is not 0",
            sp.beta: "write beta(a, b) as gamma(a)*gamma(b)/gamma(a + b)",
            sp.erfc: "write erfc(x) as 1 - erf(x)"}


def refuse_floats(obj):
    """A clear error for a float in a term or set (0.25 for 1/4): the kernel reasons with exact
    numbers only, and a float's own error would not say how to write it."""
    floats = sp.sympify(obj).atoms(sp.Float) if isinstance(obj, (sp.Basic, float)) else ()
    if floats:
        number = min(floats, key=str)
        exact = sp.nsimplify(number, rational=True)
        shown = float(number) if float(number) != 0 or number == 0 else number  # 1e-400
        written = f"sp.Rational({exact.p}, {exact.q})" if exact.q != 1 else f"sp.Integer({exact})"
        raise UnsupportedError(f"{obj} has the float {shown!r}; proofs reasons with exact "
                               f"numbers: write {written} (sp.nsimplify(…, rational=True) makes "
                               "every float in an expression exact)")


# Python prints an integer of at most 4300 digits (sys.get_int_max_str_digits); every number of a
# claim is printed, in a message or on a page
MOST_DIGITS = 4000


def _refuse_huge_numbers(obj):
    """A clear error for a number of more than MOST_DIGITS digits, which no message could show
    (the term itself is not printed: it cannot be)."""
    numbers = sp.sympify(obj).atoms(sp.Rational) if isinstance(obj, sp.Basic) else ()
    if any(max(abs(n.p), n.q).bit_length() > MOST_DIGITS * 3.33 for n in numbers):
        raise UnsupportedError(f"a number in the claim has more than {MOST_DIGITS} digits, more "
                               "than Python prints: name it with a symbol and give its range in "
                               "where=")


def _refuse_steps(obj):
    """A clear error for a Range with a step (sympy shows Range(0, 10, 3) as Range(0, 12, 3)):
    the kernel's ranges are intervals, a Range of step 1 or a finite set of its values."""
    if isinstance(obj, sp.Range) and obj.step != 1:
        if obj.free_symbols:  # sympy cannot list its values
            raise UnsupportedError(f"a Range with step {obj.step} is not supported: a range whose "
                                   "ends mention other quantities is {a, ..., b}, written "
                                   "Range(a, b + 1)")
        offset = f" + {obj.inf}" if obj.inf != 0 else ""
        values = f"FiniteSet({', '.join(map(str, obj))})" if obj.is_finite_set and \
            obj.size <= 12 else f"the quantity as {obj.step}m{offset} with m in a Range of step 1"
        raise UnsupportedError(f"a Range with step {obj.step} is not supported: write {values}")


# id(a user's definition) -> (the definition, its kernel counterpart), see `_Claim._reused`
_TRANSLATED = {}


def _between(a, b):
    """The smallest hull holding the hulls a and b (integers where both are)."""
    (lo, lo_open), (hi, hi_closed) = min((a.lo, a.lo_open), (b.lo, b.lo_open)), max(
        (a.hi, not a.hi_open), (b.hi, not b.hi_open))
    return Hull(lo, hi, lo_open, not hi_closed, a.integer and b.integer)


class _Claim:
    """The translation of one claim: its objects, their kernel counterparts and the context."""

    def __init__(self, where, terms, extra):
        where = where_mapping(where)
        for item in [*where.values(), *terms]:
            refuse_floats(item)
            _refuse_huge_numbers(item)
            _refuse_steps(item)
        # the ends of a range {a, …, b} that mentions other quantities (k ∈ {1, …, n}) name them
        ends = [end for real_set in where.values() for end in _index_range_ends(real_set)]
        found = collections.defaultdict(set)
        for item in [*where, *extra, *terms, *ends]:
            if isinstance(item, sp.IndexedBase):
                found[name_of(item)].add(item)
            elif isinstance(item, UndefinedFunction):
                found[item.__name__].add(item)
            elif isinstance(item, type):
                raise UnsupportedError(
                    f"{item.__name__} is not an undefined function made by sympy.Function"
                )
            else:
                _objects(sp.sympify(item), found)
        for objects in found.values():
            if len(objects) > 1:  # one name, several objects: refused, in a fixed order
                join_names(*({name_of(obj): obj} for obj in sorted(objects, key=describe)))
        self.table, self.definitions = {}, {}
        self.depends = False  # whether the translation under way used this claim's names or ranges
        self.index_ranges = {}  # the range of each index of the sums being translated
        # the parameters of the family whose body is being translated: they take any argument the
        # family is applied to, so neither an index's range nor where= says what they are
        self.parameters = frozenset()
        self.depending = set()  # the definitions whose translation did
        self.taken = set(found)  # every name the claim uses: a renamed index avoids them all
        free = set(where) | set(extra)
        for term in [*terms, *ends]:
            free |= _free_objects(sp.sympify(term))
        # a bound index named like one of these is renamed apart, wherever in the claim it occurs
        self.free_names = {name_of(obj) for obj in free if not isinstance(obj, DefinedFamily)}
        ranges = {}
        for obj in free:
            if isinstance(obj, (Defined, DefinedFamily)):
                continue
            assumed, given = assumed_set(obj), where.get(obj)
            if _index_range_ends(given):
                ranges[self._kernel_object(obj)] = self._index_range(obj, given, assumed)
                continue
            if given is not None and assumed is not None and not hull(given).within(hull(assumed)):
                raise UnsupportedError(
                    f"where= gives {name_of(obj)} the range {given}, but {describe(obj)} "
                    f"was made with sympy assumptions that say {assumed}; the "
                    "claim as "
                    "sympy built it may already rely on them"
                )
            chosen = given if given is not None else assumed
            if chosen is not None:
                ranges[self._kernel_object(obj)] = chosen
        _refuse_circular_ranges(ranges)
        self.context = Context(ranges)

    def _index_range(self, obj, given, assumed):
        """The kernel's range {a, …, b} of a symbol `obj` that where= says lies in Range(a, b + 1),
        whose ends mention other quantities: the values a, a + 1, …, b wherever b − a + 1 is a
        count, none elsewhere."""
        if type(obj) is not sp.Symbol:
            raise UnsupportedError(f"where= gives {name_of(obj)} the range {given}: only a "
                                   "symbol ranges over {a, ..., b} with ends that mention other "
                                   "quantities")
        lo, hi = (check_well_formed(self._translate(end, {})) for end in (given.start,
                                                                          given.stop - 1))
        if assumed is not None and not (lo.is_Integer and hull(sp.Range(lo, sp.oo)).within(
                hull(assumed))):
            raise UnsupportedError(
                f"where= gives {name_of(obj)} the range {given}, but {describe(obj)} was made "
                f"with sympy assumptions that say {assumed}, which its values {lo}, {lo} + 1, … "
                "need not satisfy: use a plain Symbol"
            )
        return IndexRange(lo, hi)

    def _kernel_object(self, obj):
        if obj not in self.table:
            self.table[obj] = _plain(obj)
        return self.table[obj]

    # ------------------------------------------------------------------------------------------
    # terms
    def term(self, expr):
        expr = sp.sympify(expr)
        try:  # an unknown head is refused in the translation or after it, with a hint for some
            translated = self._translate(expr, {})
            if translated is not expr and not _same_shape(expr, translated):
                raise UnsupportedError(
                    f"{expr}: sympy simplifies this claim once its symbols lose their "
                    f"assumptions (to {translated}); state the ranges in where= instead"
                )
            return check_well_formed(translated)
        except UnsupportedError as error:
            hints = [hint for head, hint in REWRITES.items() if expr.atoms(head)
                     and f"does not reason about {head.__name__} " in str(error)]
            if not hints:
                raise
            raise UnsupportedError(f"{error}; {'; '.join(hints)}") from None

    def _translate(self, expr, scope):
        if isinstance(expr, Defined):
            captured = free_vars(expr.body) & set(scope)
            if captured:
                raise UnsupportedError(self._capture_message(expr.name, captured))
            return self._definition(expr)
        if isinstance(expr, sp.Symbol):
            return scope[expr] if expr in scope else self._kernel_object(expr)
        if isinstance(expr, sp.Indexed):
            return self._kernel_object(expr.base)[
                tuple(self._translate(i, scope) for i in expr.indices)
            ]
        if isinstance(expr, DefinedEntry):
            family = expr.func
            captured = (free_vars(family.body) - set(family.params)) & set(scope)
            if captured:
                raise UnsupportedError(self._capture_message(family.__name__, captured))
            return self._family(family)(*(self._translate(arg, scope) for arg in expr.args))
        if isinstance(expr, AppliedUndef):
            return self._kernel_object(expr.func)(
                *(self._translate(arg, scope) for arg in expr.args)
            )
        if isinstance(expr, BINDERS):
            return self._binder(expr, scope)
        if expr.args and not isinstance(expr, FUNCTIONS):  # Piecewise, Max, Eq, …: refused here,
            check_well_formed(expr)  # by name, before rebuilding one (Piecewise's parts crash)
        args = tuple(self._translate(arg, scope) for arg in expr.args)
        if args == expr.args:  # kept exactly as written, unevaluated parts included
            return expr
        built = expr.func(*args, evaluate=False)  # the user's shape, only the symbols changed
        if isinstance(expr, (sp.Add, sp.Mul)):
            # in sympy's order for the new symbols, which it compares by their assumptions too:
            # x²/λ with λ positive keeps x² first, the kernel's x²/λ puts 1/λ first, and the two
            # would be different terms; unless evaluation also changes the shape (x + x)
            evaluated = expr.func(*args)
            if _same_shape(built, evaluated):
                return evaluated
        return built

    @staticmethod
    def _capture_message(name, captured):
        indices = ", ".join(sorted(map(str, captured)))
        return (
            f"the definition {name} mentions {indices}, which a sum or product around it binds: a "
            "quantity that depends on the index takes it as a parameter (DefinedFamily)"
        )

    def _binder(self, expr, scope):
        scope = dict(scope)
        limits = []
        for var, lo, hi in reversed(binder_limits(expr)):  # outermost first
            if sp.Tuple(lo, hi).has(sp.oo, -sp.oo, sp.zoo):  # before an index's assumptions
                raise UnsupportedError(
                    f"{expr}: infinite sums and products are not supported (a limit is no "
                    f"finite term); state the claim for a finite range of {var}, such as up to a "
                    "symbol n with n in Naturals"
                )
            lo, hi = self._translate(lo, scope), self._translate(hi, scope)
            if var.name in self.free_names or var.name in {v.name for v in scope.values()}:
                kernel_var = fresh(var, self.taken)
                self.taken.add(kernel_var.name)
                self.depends = True  # the fresh name depends on the names this claim takes
            else:
                kernel_var = _plain(var)
            self._check_index_range(var, lo, hi)
            scope[var] = kernel_var
            limits.append((kernel_var, lo, hi))
            self.index_ranges[kernel_var] = (lo, hi)
        try:
            return expr.func(self._translate(expr.function, scope), *reversed(limits))
        finally:  # an index's values are known only inside its sum
            for kernel_var, _, _ in limits:
                self.index_ranges.pop(kernel_var, None)

    def _index_hull(self, var):
        """The values an index takes, for the bounds of the sums inside it (Σ_{i=1}^{n} Σ_{j=1}^{i}:
        j ≥ 1 is an integer), as a hull: between its range's ends, which holds in sympy's reading
        of a reversed range too (Karr's: Σ_{i=5}^{1} takes i = 2, 3, 4); None where a bound's
        values are not known."""
        low, high = (self._hull(end) for end in self.index_ranges[var])
        return None if low is None or high is None else _between(low, high)

    def _spread_hull(self, expr):
        """The hull of expr's values, where an index of an enclosing sum occurs in it linearly read
        at that index's two ends, between which a linear function's values lie: the count n − i + 1
        of Σ_{j=i}^{n} inside Σ_{i=1}^{n} is at least 1 (its hull from i's, n − [1, n] + 1, is not
        ≥ 0).  The innermost index first: its ends may mention the indices outside it."""
        for var, ends in reversed(self.index_ranges.items()):
            if expr.has(var) and expr.is_polynomial(var) and sp.degree(expr, var) == 1:
                at_ends = [self._spread_hull(sp.expand(expr.subs(var, end))) for end in ends]
                return None if None in at_ends else _between(*at_ends)
        return self._hull(expr)

    def _check_index_range(self, var, lo, hi):
        """An index with sympy assumptions must take only values they allow: lo, lo + 1, …, hi
        inside them, and where the range may be reversed (hi < lo − 1), hi + 1, …, lo − 1 too,
        the values Karr's convention sums over (Σ_{k=1}^{n} with n = −3 takes k = −2, −1, 0)."""
        assumed = assumed_set(var)
        if assumed is None:
            return
        self.depends = True  # checked against this claim's ranges
        allowed = hull(
            assumed
        )  # an interval: lo >= its start and hi <= its end put lo, …, hi inside it
        above = Hull(allowed.lo, sp.oo, allowed.lo_open, True, allowed.integer)
        below = Hull(-sp.oo, allowed.hi, True, allowed.hi_open)
        low, high = self._hull(lo), self._hull(hi)
        count = self._spread_hull(sp.expand(hi - lo + 1))
        if None in (low, high, count) or not low.within(above) or not high.within(below):
            outside = True
        elif count.lo < 0:  # possibly reversed: from hi + 1 up to lo − 1 as well
            after, before = self._hull(sp.expand(hi + 1)), self._hull(sp.expand(lo - 1))
            outside = (None in (after, before) or not after.within(above)
                       or not before.within(below))
        else:
            outside = False
        if outside:
            named = sorted(map(str, (lo - hi).free_symbols & self.parameters))
            parameter = (f" (the parameter {', '.join(named)} takes any argument the family is "
                         "applied to)" if named else "")
            raise UnsupportedError(
                f"the index {var} was made with sympy assumptions ({assumed}), but the "
                f"values {lo}, …, {hi} it takes are not shown to lie there{parameter}; "
                "use a plain Symbol for the index"
            )

    def _hull(self, expr):
        """The hull of a bound's values from the context: numbers, symbols, +, · and powers only."""
        if expr.is_Rational:
            return hull(sp.FiniteSet(expr))
        if expr in self.parameters:
            return None
        if type(expr) is sp.Symbol and expr in self.index_ranges:
            return self._index_hull(expr)
        if type(expr) is sp.Symbol and self.context.lookup(expr) is not None:
            return hull(self.context.lookup(expr))
        parts = [self._hull(arg) for arg in expr.args]
        if None in parts or not parts:
            return None
        if isinstance(expr, sp.Add):
            return _fold(add_hulls, parts)
        if isinstance(expr, sp.Mul):
            return _fold(mul_hulls, parts)
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp >= 0:
            return pow_hull(parts[0], expr.exp)
        return None

    def _definition(self, constant):
        return self._reused(constant, self._translated_constant)

    def _translated_constant(self, constant):
        body = self._in_definition(constant.body, ())
        if body is not constant.body and not _same_shape(constant.body, body):
            raise UnsupportedError(
                f"the body of {constant.name} changes once its symbols lose their "
                "assumptions; state the ranges in where= instead"
            )
        return Defined(constant.name, body)

    def _family(self, family):
        return self._reused(family, self._translated_family)

    def _translated_family(self, family):
        for param in family.params:
            if assumed_set(param) is not None:
                raise UnsupportedError(
                    f"the parameter {param} of {family.__name__} carries sympy "
                    "assumptions; parameters are plain symbols"
                )
        # a free object of the body named like a parameter (i with sympy assumptions beside the
        # plain parameter i) is another object: its plain counterpart would be the parameter
        params = {param.name for param in family.params}
        clash = sorted((obj for obj in _body_free_objects(family) if name_of(obj) in params),
                       key=describe)
        if clash:
            raise UnsupportedError(
                f"the body of {family.__name__} mentions {describe(clash[0])}, another object "
                f"than its parameter of that name: rename one of them")
        body = self._in_definition(family.body, family.params)
        return DefinedFamily(family.__name__, family.params, body)

    def _in_definition(self, body, params):
        """A definition's body translated on its own: the sums around the place it is used do not
        bind its symbols (a parameter named like an enclosing index is another object, and takes
        whatever argument the family is applied to, Σ_{i=1}^{3} q(i − 10) included)."""
        outer = self.index_ranges, self.parameters
        self.index_ranges, self.parameters = {}, frozenset(params)
        try:
            return self._translate(body, {param: param for param in params})
        finally:
            self.index_ranges, self.parameters = outer

    def _reused(self, definition, translate):
        """The kernel's counterpart of a user's definition, translated once for all the claims
        that would translate it alike: those whose free names avoid the indices its body binds.
        A translation that renamed an index, or checked an index's sympy assumptions against
        this claim's ranges, depends on the claim and is not kept."""
        if definition in self.definitions:  # met again in this claim
            if definition in self.depending:  # still this claim's own
                self.depends = True
            return self.definitions[definition]
        kept = _TRANSLATED.get(id(definition))
        if kept is not None and kept[0] is definition and not (
                _bound_names(definition.body) & self.free_names):
            self.definitions[definition] = kept[1]
            return kept[1]
        outer, self.depends = self.depends, False
        translated = translate(definition)
        if not self.depends:
            if len(_TRANSLATED) >= 4096:
                _TRANSLATED.clear()
            _TRANSLATED[id(definition)] = (definition, translated)  # kept alive: id not reused
        else:  # a definition around it, translated later in this claim, depends on it too
            self.depending.add(definition)
        self.depends = outer or self.depends
        self.definitions[definition] = translated
        return translated


def _fold(combine, parts):
    result = parts[0]
    for part in parts[1:]:
        result = combine(result, part)
    return result


def admit(where, terms, extra=()):
    """(context, kernel terms, kernel objects for `extra`) for a claim about `terms` under the
    ranges in `where`; `extra` are the symbols, IndexedBases or functions the claim names besides
    its terms (the optimized quantities, a monotone function's variable)."""
    claim = _Claim(where, terms, extra)
    translated = tuple(claim.term(term) for term in terms)
    objects = tuple(claim._kernel_object(obj) for obj in extra)
    return claim.context, translated, objects
