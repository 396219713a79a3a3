"""Theorems and the primitive rules — the only code that can create a `Theorem` (trusted code).

Imports sympy, `proofs.errors` and the kernel's terms and language.  Each rule checks its premises
and side conditions right here and raises otherwise (never with ``assert``, which ``python -O``
strips).  sympy is trusted for building terms (its automatic evaluation of the term heads), for
`diff`, and — the one equational step — for the rational-function arithmetic in `ring`.  Every
theorem's terms are well formed, name each object once, and bind no variable its context constrains.
"""

import math
import weakref
from fractions import Fraction

import sympy as sp
from sympy.core.function import AppliedUndef

from ..errors import ForgeryError, RuleApplicationError, SideConditionError, UnsupportedError
from .enclosure import enclose
from .functions import TABLE
from .language import (POSITIVE, REALS, Context, Equal, Hull, IndexRange, Member, SameOptimizers,
                       StrictlyIncreasing, _context_key, add_hulls, function_hull, hull,
                       index_values_hull, is_subset,
                       mul_hulls, pow_hull, statement_names)
from .terms import (BINDERS, Defined, DefinedEntry, Need, apart, binder_limits, binomial_sum,
                    bound_vars, check_well_formed, costly_at_integers, exchanged, free_vars,
                    head_needs, index_free_factor, inner_binder,
                    is_definition, is_exact_rational, memoized, mentions, merged_exponentials,
                    names, needs, substitute, within)

_TOKEN = object()
# id -> the theorem: identity, never __eq__, decides genuineness
_GENUINE = weakref.WeakValueDictionary()


class Theorem:
    """A judgement proved by a kernel rule; its premises make it a proof tree.  No public
    constructor, no subclasses."""

    __slots__ = ("context", "statement", "rule", "premises", "_side", "__weakref__")

    def __init_subclass__(cls, **kwargs):
        raise ForgeryError("Theorem cannot be subclassed")

    def __init__(self, token, context, statement, rule, premises=(), side=()):
        if token is not _TOKEN:
            raise ForgeryError("a Theorem can only be created by a kernel rule")
        for name, value in zip(self.__slots__, (context, statement, rule, tuple(premises), side)):
            object.__setattr__(self, name, value)
        _GENUINE[id(self)] = self

    @property
    def side_conditions(self):  # written out when read: printing terms is slow, few are read
        return tuple(self._side() if callable(self._side) else self._side)

    def __setattr__(self, *_):
        raise ForgeryError("theorems are immutable")

    __delattr__ = __setattr__

    def __reduce_ex__(self, protocol):
        raise ForgeryError("a theorem cannot be copied or pickled: only kernel rules make theorems")

    def __repr__(self):
        return f"<Theorem [{self.rule}] {self.statement}>"


def _genuine(*theorems):
    for th in theorems:
        if type(th) is not Theorem or _GENUINE.get(id(th)) is not th:
            raise ForgeryError(f"a premise of type {type(th).__name__} is not a theorem produced "
                               "by the kernel")
    return theorems


def _make(context, statement, rule, premises=(), side=(), discharged=None):
    """The theorem, once its terms are checked: well formed, each name one object, and no bound
    variable constrained by the context (a fact about a free i then holds for every value a binder
    gives i). `discharged`: a variable the premises' contexts constrain and the conclusion no longer
    mentions."""
    for th in _genuine(*premises):
        needed = th.context if discharged is None else th.context.without(discharged)
        if not context.includes(needed):
            raise SideConditionError(f"{rule}: premise {th.statement} needs assumptions not in "
                                     f"{context}")
    ranged = context.mentioned()  # and no bound variable an index's range mentions
    bound = {getattr(statement, "var", None), *getattr(statement, "over", ())} & ranged
    for term in statement.terms:
        check_well_formed(term)
        for var in (*bound_vars(term), *bound):
            if context.lookup(var) is not None or var in ranged:
                raise SideConditionError(f"{rule}: {var} is bound in {term} but constrained by "
                                         "the context")
    statement_names(context, statement)
    return Theorem(_TOKEN, context, statement, rule, premises, side)


def _merged(*theorems):
    return _genuine(*theorems)[0].context.merged(*(th.context for th in theorems[1:]))


def _expect(th, kind, rule):
    if not isinstance(_genuine(th)[0].statement, kind):
        kinds = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise RuleApplicationError(f"{rule}: expected a {kinds} premise, got {th.statement}")
    return th.statement


def _range(th, rule):
    return hull(_expect(th, Member, rule).set)


def _positive(th, rule, what):
    """The expression of a Member premise whose set lies in (0, ∞); SideConditionError
    otherwise."""
    if not _range(th, rule).is_positive():
        raise SideConditionError(f"{rule}: the {what} {th.statement.expr} is not shown positive")
    return th.statement.expr


def _meets(fact, need):
    """Whether the Member fact shows `need` of its expression."""
    return _set_meets(fact.statement.set, need)


def _set_meets(real_set, need):
    """Whether every member of `real_set` meets `need`."""
    h = hull(real_set)
    return {Need.POSITIVE: h.is_positive(), Need.NONNEGATIVE: bool(h.lo >= 0),
            Need.NONZERO: h.is_positive() or h.is_negative(),
            Need.COUNT: h.integer and h.lo >= 0, Need.DEFINED: True}[need]


def _facts_for(conditions, facts, rule, why):
    """One Member fact from `facts` for each (expr, Need) condition; SideConditionError naming the
    first condition no fact shows (`why` says, when called, why the condition is needed)."""
    members = [f for f in _genuine(*facts) if isinstance(f.statement, Member)]
    used = []
    for expr, need, scope in sorted(conditions, key=_condition_order):
        indices = [var for var, _, _ in scope]  # the fact must hold for every value they take

        def shown(term):
            return next((f for f in members if f.statement.expr == term and _meets(f, need)
                         and all(f.context.lookup(var) is None for var in indices)), None)
        found = [shown(expr)]
        # or among the conditions of a term a fact shows defined (Σ 1/i ∈ ℝ: i ≠ 0 at each i)
        if found[0] is None:
            found = [next((f for f in members if (expr, need, scope) in needs(f.statement.expr)
                           and all(f.context.lookup(var) is None for var in indices)), None)]
        values = index_values(expr, scope) if found[0] is None else None  # or at each value
        if values is not None:
            found = [shown(instance) for instance in values]
        if None in found and _by_its_range(expr, need, scope):
            continue
        if None in found:
            every = f" for every {', '.join(map(str, indices))}" if indices else ""
            raise SideConditionError(f"{rule}: {why()} '{expr} {need.value}'{every}, and no fact "
                                     "shows it")
        used.extend(found)
    return list(dict.fromkeys(used))


def _by_its_range(expr, need, scope):
    """Whether the condition holds at every value of an index of `scope` (the innermost limit
    (i, a, b) of its name: a definition's body may sum over a k of its own inside a sum over k):
    its term, or for x^e defined the exponent e, is c + m(i − a) or c + m(b − i) for integers c
    and m > 0.  i takes a, a + 1, …, b where the sum is defined (where it is not, neither is the
    term the condition belongs to), so that term takes integers ≥ c (Mathlib `Finset.mem_Icc`): a
    count for c ≥ 0 (k! and (n − k)! under Σ_{k=0}^{n}), nonzero for c ≥ 1, and x^e a
    product of e factors, defined for every x, for c ≥ 0.  Not where a limit inside binds a
    name its ends mention: there the term's name is another object."""
    power = isinstance(expr, sp.Pow) and need == Need.DEFINED
    term, need = (expr.exp, Need.COUNT) if power else (expr, need)
    for depth, (var, lo, hi) in enumerate(scope):
        inner = {index for index, _, _ in scope[depth + 1:]}  # y + Σ_{n=0}^{3} (n − i)! under
        # Σ_{i=0}^{n}: the n of i's bound is not the n of the term
        if var in inner or inner & (free_vars(lo) | free_vars(hi)):
            continue
        least = _least(term, var, lo, hi) if var in free_vars(term) else None
        if least is not None and _set_meets(sp.Range(least, sp.oo), need):
            return True
    return False


def _least(term, var, lo, hi):
    """c for a term c + m(i − a) or c + m(b − i) of integers c and m ≠ 0, the least value
    it takes at i = a, …, b (its value at a, or at b, as sympy evaluates it: 2i − 1 is 1
    at i = 1); None for other terms."""
    slope = _slope(term, var) if var not in bound_vars(term) else None  # j + Σ_{j=1}^{2} 1
    if slope is None or not slope.is_Integer or slope == 0:
        return None
    least = term.xreplace({var: lo if slope > 0 else hi})
    return least if least.is_Integer else None


def _slope(term, var):
    """m for a term A + m·i written linearly in i (i only in sums and in one factor of a
    product: nothing multiplied out, so nothing large built); None for other terms."""
    if var not in free_vars(term) or term == var:
        return sp.S.Zero if term != var else sp.S.One
    parts = [_slope(arg, var) for arg in term.args if var in free_vars(arg)]
    if None in parts or not isinstance(term, (sp.Add, sp.Mul)) or (
            isinstance(term, sp.Mul) and len(parts) != 1):
        return None
    rest = [arg for arg in term.args if var not in free_vars(arg)]
    return sp.Add(*parts) if isinstance(term, sp.Add) else sp.Mul(*rest) * parts[0]


def member_index_range(context, expr):
    """Γ, i ∈ {a, …, b} ⊢ c + m(i − a) ∈ {c, c + 1, …} and
    Γ, i ∈ {a, …, b} ⊢ c + m(b − i) ∈ {c, c + 1, …} for integers c and m > 0:
    i − a and b − i are counts at each value i takes (n − j + 1 ≥ 1 for
    j ∈ {1, …, n}).   (Mathlib `Finset.mem_Icc`)"""
    for var, known in context.entries:
        least = _least(expr, var, known.lo, known.hi) if isinstance(known, IndexRange) else None
        # defined wherever the ends are, as they are where i takes a value
        if least is not None and needs(expr) <= needs(known.lo) | needs(known.hi):
            return _make(context, Member(expr, Hull(least, sp.oo, False, True, True).as_set()),
                         "member_index_range", (), lambda: [f"{var} in {known}"])
    raise SideConditionError(f"member_index_range: {expr} is no c + m(i - a) or c + m(b - i) for "
                             "an index i of the context ranging over {a, ..., b}")


@memoized(1024)
def index_values(expr, scope):
    """No rule: expr at each value of the one index of `scope`, a sum's over integer bounds at
    most 32 apart (Σ_{k=0}^{3} C(3, k) needs C(3, 0), …, C(3, 3) defined, not C(3, k) for every
    real k), the terms at which a rule takes a condition under such a sum (tactics ask it as they
    ask `ring_needs`); None for other scopes, or where sympy's evaluation of a value changes
    where it is defined."""
    if len(scope) != 1 or not (scope[0][1].is_Integer and scope[0][2].is_Integer):
        return None
    var, lo, hi = scope[0]
    if hi - lo >= 32 or costly_at_integers(expr, var, lo, hi):
        return None
    values = [substitute(expr, {var: sp.Integer(k)}) for k in range(int(lo), int(hi) + 1)]
    if not all(_kept(value, written) for value, written in values):
        return None
    return tuple(value for value, _ in values)


def _kept(result, written):
    """Whether sympy, evaluating a term whose conditions as written are `written` to `result`,
    kept them: it may drop a condition only where a number meets it (0! is 1: 0 is a count;
    1/i at i = 1 is 1)."""
    return needs(result) <= written and all(
        _met_by_number(term, need) for term, need, _ in written - needs(result))


def _met_by_number(term, need):
    """Whether the condition is on a number that meets it (1 ≠ 0), which no fact need show."""
    return is_exact_rational(term) and _set_meets(sp.FiniteSet(term), need)


def _condition_order(condition):
    """A fixed order of conditions (sets of sympy terms iterate in a hash-dependent order)."""
    expr, need, scope = condition
    return str(expr), need.value, str(scope)


# ------------------------------------------------------------------------------------------------
# equality
def refl(context, expr):
    """⊢ e = e.   (Mathlib `Eq.refl`; Coq `eq_refl`)"""
    return _make(context, Equal(expr, expr), "refl")


def symm(th):
    """a = b ⊢ b = a.   (Mathlib `Eq.symm`; Coq `eq_sym`)"""
    st = _expect(th, Equal, "symm")
    return _make(th.context, Equal(st.rhs, st.lhs), "symm", [th])


def trans(th1, th2):
    """a = b, b = c ⊢ a = c.   (Mathlib `Eq.trans`; Coq `eq_trans`)"""
    s1, s2 = _expect(th1, Equal, "trans"), _expect(th2, Equal, "trans")
    if s1.rhs != s2.lhs:
        raise RuleApplicationError(f"trans: {s1.rhs} and {s2.lhs} differ")
    return _make(_merged(th1, th2), Equal(s1.lhs, s2.rhs), "trans", [th1, th2])


def congruence(th, target, facts=()):
    """a = b ⊢ C[a] = C[b], every occurrence (under a binder over i too: the conclusion's context
    leaves i free, so a = b holds for every i; an index b binds itself is renamed apart from the
    binders around it, as `apart` does).  Where sympy's evaluation of C[b] changes where it
    is defined (x/x → 1, 0·t → 0), a fact must show each condition it drops or adds.   (Mathlib
    `congrArg`; Coq `f_equal`)"""
    st = _expect(th, Equal, "congruence")
    target = check_well_formed(target)
    result, changed = rewritten(st, target)
    used = _facts_for(changed, facts, "congruence",
                      lambda: f"sympy evaluates {target} to {result}, changing")
    return _make(_merged(th, *used), Equal(target, result), "congruence", [th, *used])


@memoized(2048)
def rewritten(equality, target):
    """(target with every occurrence of equality.lhs replaced by equality.rhs, as sympy evaluates
    it; the conditions (expr, Need, scope) on which that evaluation changed where the term is
    defined)."""
    written = set()  # where C[b] as written, before sympy evaluates it, may be undefined

    def rewrite(expr, scope):
        if expr == equality.lhs:  # its indices renamed apart from the binders around it
            rhs = apart(equality.rhs, [var for var, _, _ in scope], target)
            written.update(within(scope, needs(rhs)))
            return rhs
        if isinstance(expr, BINDERS):  # the indices stay; bodies and bounds are rewritten
            limits = []
            for var, lo, hi in reversed(binder_limits(expr)):  # outermost first
                inner = scope + tuple(limits)
                limits.append((var, rewrite(lo, inner), rewrite(hi, inner)))
            function = rewrite(expr.function, scope + tuple(limits))
            args = (function, *(sp.Tuple(*limit) for limit in reversed(limits)))
        elif isinstance(expr, sp.Indexed):
            args = (expr.base, *(rewrite(index, scope) for index in expr.indices))
        else:  # a leaf (a definition too: its body is not looked into) has no arguments and stays
            args = tuple(rewrite(arg, scope) for arg in expr.args)
        if args == expr.args:  # untouched: kept as written, so sympy simplifies nothing here
            written.update(within(scope, needs(expr)))
            return expr
        written.update(within(scope, head_needs(expr.func, args)))
        rebuilt = expr.func(*args)
        # a rebuilt sum or product is checked before a head around it evaluates it (exp of a
        # product of zeros)
        return check_well_formed(rebuilt) if isinstance(rebuilt, BINDERS) else rebuilt

    result = check_well_formed(rewrite(target, ()))
    return result, frozenset(written ^ needs(result))


def unfold(context, term):
    """⊢ c = body for a constant c := body;  ⊢ p(a) = body[params := a] for an entry of a
    defined family (substitution capture-avoiding, by the kernel).   (Lean `rfl`/`unfold`; Coq
    `unfold`)"""
    if isinstance(check_well_formed(term), Defined):
        return _make(context, Equal(term, term.body), "unfold")
    if not isinstance(term, DefinedEntry):
        raise RuleApplicationError(f"unfold: {term} is not a definition")
    family = term.func
    result, written = substitute(family.body, dict(zip(family.params, term.args)))
    if not _kept(result, written.union(*map(needs, term.args))):
        raise SideConditionError(f"unfold: sympy evaluates the body of {term} to {result}, "
                                 "which is defined at other points than the entry is")
    return _make(context, Equal(term, result), "unfold")


SPLIT = 32  # the largest integer c of b^(c + r) and exp(c) that `ring` multiplies out


def _arithmetic(expr):
    """The nodes of expr that `_atomized` reads through (+, ·, integer powers), and its atoms."""
    yield expr
    if isinstance(expr, (sp.Add, sp.Mul)):
        for arg in expr.args:
            yield from _arithmetic(arg)
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
        yield from _arithmetic(expr.base)


def _count_shifts(*exprs):
    """{(b, r): the least c} over the powers b^(c + r) of the terms' atoms, an integer |c| ≤
    SPLIT and r with symbols, where b^r has two or more such shifts c."""
    shifts = {}
    for node in (n for expr in exprs for n in _arithmetic(expr)):
        if isinstance(node, sp.Pow) and not node.exp.is_Integer:
            constant, rest = node.exp.as_coeff_Add()
            if constant.is_Integer and abs(constant) <= SPLIT and free_vars(rest):
                shifts.setdefault((node.base, rest), set()).add(constant)
    return {key: min(found) for key, found in shifts.items() if len(found) > 1}


def _atomized(lhs, rhs, split=False, counts=False):
    """(lhs − rhs, relations): every subterm other than +, ·, integer powers, rationals and
    plain symbols replaced by a fresh Dummy (which no term contains), equal subterms by the
    same one; exp of c₁t₁ + … + cₘtₘ (rational cₖ) by E₁^c₁ ⋯ Eₘ^cₘ,
    where Eₖ is a positive Dummy for exp tₖ (for an integer cₖ and tₖ = 1, the atom of e):
    exp turns sums into products, and its values are positive.
    A power b^(p/q) of a non-integer rational exponent is b^⌊p/q⌋ R^(p mod q), R a Dummy
    for the root b^(1/q), q the least common multiple of the orders of b's roots in the terms
    (b ≥ 0 wherever the power is defined, b > 0 where p/q < 0), and R^q − b is among the
    relations, each 0 wherever the terms are defined.
    `split`: a power b^(c + r) of an integer |c| ≤ SPLIT and an r with symbols is b^c times
    the atom b^r, for b > 0 (`Real.rpow_add`): p^(i+1) = p·p^i; 1/b^r for b^(−r)
    (`Real.rpow_neg`), p^r q^(−r) for a rational b = p/q (`Real.div_rpow`): 2^(−i) and
    (1/2)^i are one atom's inverse.  Returned: the bases of such powers.  A rational power
    whose root the terms do not show (b^(1/2) beside b^(1/3) only) is an atom.
    `counts`: powers b^(c + r) of one b and r, c integers, are b^(c − m) times the atom b^(m + r)
    of the least of them, m, for any b (`pow_add`, for natural exponents: 0^0 = 1): p^k =
    p·p^(k − 1).  Returned: the exponents m + r, each to be shown a count."""
    atoms, relations, orders, asked = {}, {}, {}, set()
    shifts = _count_shifts(lhs, rhs) if counts else {}
    for node in (*sp.preorder_traversal(lhs), *sp.preorder_traversal(rhs)):
        if isinstance(node, sp.Pow) and node.exp.is_Rational and not node.exp.is_Integer:
            orders[node.base] = math.lcm(orders.get(node.base, 1), node.exp.q)

    def atomize(expr):
        if isinstance(expr, (sp.Add, sp.Mul)):
            return expr.func(*map(atomize, expr.args))
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
            return atomize(expr.base) ** expr.exp
        if isinstance(expr, sp.Pow) and expr.exp.is_Rational and \
                orders.get(expr.base, 1) % expr.exp.q == 0:
            order = orders[expr.base]  # one root of each base: x^(1/2) and x^(1/4) as R² and R
            root = atoms.setdefault(("root", expr.base, order), sp.Dummy())
            relations[root] = root ** order - atomize(expr.base)
            p = expr.exp.p * (order // expr.exp.q)  # the exponent p/order
            return atomize(expr.base) ** (p // order) * root ** (p % order)
        constant, rest = expr.exp.as_coeff_Add() if isinstance(expr, sp.Pow) else (sp.S.Zero,) * 2
        least = shifts.get((expr.base, rest)) if isinstance(expr, sp.Pow) else None
        if least is not None and constant.is_Integer and least <= constant <= SPLIT:  # else atom
            asked.add(least + rest)
            return atomize(expr.base) ** (constant - least) * atoms.setdefault(
                sp.Pow(expr.base, least + rest, evaluate=False), sp.Dummy())
        # a symbolic r, and a small c: b^c is multiplied out (2^(n + 10¹¹) stays one atom)
        fraction = isinstance(expr, sp.Pow) and expr.base.is_Rational and not expr.base.is_Integer
        whole = constant == 0 and not rest.could_extract_minus_sign() and not fraction
        if constant.is_Integer and abs(constant) <= SPLIT and free_vars(rest) and not whole:
            asked.update(() if counts else (expr.base,))  # a power that splits: with `split`
            if split:
                return atomize(expr.base) ** constant * power(expr.base, rest)
        if expr.is_Rational or (type(expr) is sp.Symbol):
            return expr
        if type(expr) is sp.exp:  # not isinstance: sympy counts E**x (unevaluated) as exp
            terms = sp.Add.make_args(expr.args[0])
            return sp.Mul(*(exponential(term) for term in terms))
        return atoms.setdefault(expr, sp.Dummy())

    def power(base, rest):  # (p/q)^r = p^r q^(−r), b^(−r) = 1/b^r: one atom b^r of each
        if base.is_Rational and base.q != 1:
            return power(sp.Integer(base.p), rest) * power(sp.Integer(base.q), -rest)
        if rest.could_extract_minus_sign():
            return 1 / atomize(sp.Pow(base, -rest))
        return atomize(sp.Pow(base, rest))

    def exponential(term):
        coefficient, rest = term.as_coeff_Mul()
        if rest == 1 and coefficient.is_Integer and abs(coefficient) <= SPLIT:  # exp(c) = e^c
            return atoms.setdefault(sp.E, sp.Dummy(positive=True)) ** coefficient
        if rest == 1:  # another rational c: exp(c) stays one atom
            return atoms.setdefault(sp.exp(term), sp.Dummy(positive=True))
        return atoms.setdefault(sp.exp(rest), sp.Dummy(positive=True)) ** coefficient

    return atomize(lhs) - atomize(rhs), relations, asked


def _reduced(difference, relations):
    """The numerator of the difference, cancelled, divided by each relation R^q − b (monic in R,
    so no division by a coefficient): 0 when the difference vanishes wherever R^q = b for each
    root R."""
    numerator = sp.fraction(sp.cancel(difference))[0]
    for root, relation in reversed(relations.items()):  # a root before the roots inside it
        try:
            numerator = sp.rem(sp.expand(numerator), relation, root)
        except sp.PolynomialError:  # a root in a denominator, 1/(R + 1): no polynomial in R
            return numerator  # not reduced: the sides are not shown equal
    return sp.expand(numerator)


@memoized(1024)
def ring_needs(lhs, rhs, counts=False):
    """(remainder of lhs − rhs as a rational function of its atoms, reduced by the relations of
    its roots; the conditions under which both sides are defined, in a fixed order).  `counts`:
    powers of one base whose exponents differ by integers read with natural exponents, each
    condition then an exponent shown a count, for any base (`_atomized`)."""
    if check_well_formed(lhs) == check_well_formed(rhs):  # e = e: defined or not, both sides alike
        return sp.S.Zero, ()
    if counts:
        remainder, exponents = _remainder(lhs, rhs, split=False, counts=True)
        counted = {(exponent, Need.COUNT, ()) for exponent in exponents}
        return remainder, tuple(sorted(needs(lhs) | needs(rhs) | counted, key=_condition_order))
    remainder, splits = _remainder(lhs, rhs, split=False)
    positive = set()
    if remainder != 0 and splits:  # powers split only where the algebra needs it, for b > 0
        split_remainder, split_bases = _remainder(lhs, rhs, split=True)
        if split_remainder == 0:
            remainder, positive = split_remainder, split_bases
    bases = {(base, Need.POSITIVE, ()) for base in positive}
    return remainder, tuple(sorted(needs(lhs) | needs(rhs) | bases, key=_condition_order))


def _remainder(lhs, rhs, split, counts=False):
    difference, relations, bases = _atomized(lhs, rhs, split, counts)
    remainder = sp.S.Zero if sp.expand(difference) == 0 else sp.cancel(difference)
    if remainder != 0 and relations:
        remainder = _reduced(remainder, relations)
    return remainder, bases


def ring(context, lhs, rhs, facts=()):
    """Γ ⊢ each condition under which lhs and rhs are defined  ⟹  Γ ⊢ lhs = rhs, when lhs
    − rhs cancels to 0 as a rational function of its atoms (logs, sums, products, definitions,
    other functions; exp of a sum as a product of positive atoms, `Real.exp_add`; a rational
    power b^(p/q) as b^⌊p/q⌋ times a power of the root b^(1/q), whose q-th power is b,
    `Real.rpow_natCast_mul`; where the conditions of a power of a positive base are not shown,
    powers of one base whose exponents differ by integers, read as natural powers, the least
    exponent shown a count, `pow_add`: p^(k + 1) = p·p^k for any p).
    The one equational step trusted to sympy (`expand`, which decides
    polynomials, else `cancel`, and `rem` by a monic polynomial).  (Mathlib tactics `ring`,
    `field_simp`; Coq tactics `ring`, `field`)"""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    conditions, used = _either_reading(
        lambda counts: ring_needs(lhs, rhs, counts), facts, "ring", lambda: "needs",
        lambda remainder: f"{lhs} - ({rhs}) does not cancel to 0 (remainder {remainder})")
    return _make(context, Equal(lhs, rhs), "ring", used,
                 lambda: [f"{expr} {need.value}" for expr, need, _ in conditions])


def _either_reading(reading, facts, rule, why, differ):
    """(conditions, the facts for them) of `ring`'s first reading of powers, `reading(False)` =
    (remainder, conditions), where its remainder is 0 and its conditions are shown; else of its
    second, natural exponents whose conditions are counts (`reading(True)`); the first's error
    where the second's remainder is not 0 either."""
    try:
        remainder, conditions = reading(False)
        if remainder != 0:
            raise SideConditionError(f"{rule}: {differ(remainder)}")
        return conditions, _facts_for(conditions, facts, rule, why)
    except SideConditionError:
        remainder, conditions = reading(True)
        if remainder != 0:
            raise
        return conditions, _facts_for(conditions, facts, rule, why)


# ------------------------------------------------------------------------------------------------
# logs and sums
def log_of_product(factor_positive, product, index_range=()):
    """Γ ⊢ f(i) > 0 (i free)  ⟹  Γ ⊢ log ∏_{i=a}^{b} f(i) = Σ_{i=a}^{b} log f(i);
    the fact may be at the outermost index's values only, as in `member_binder`
    (Γ, i ∈ {a, …, b} ⊢ i > 0 gives log ∏_{i=1}^{n} i = Σ log i).
    (Mathlib `Real.log_prod`; Coq: induction on `ln_mult`)"""
    if not isinstance(product, sp.Product):
        raise RuleApplicationError(f"log_of_product: {product} is not a Product")
    limits = binder_limits(check_well_formed(product))
    if _positive(factor_positive, "log_of_product", "factor") != product.function:
        raise RuleApplicationError("log_of_product: the positivity fact is not about "
                                   f"{product.function}")
    var, lo, hi = limits[-1]  # the outermost index: its values may be stated, inner ones not
    context = _index_range(factor_positive, var, lo, hi, index_range, rule="log_of_product")
    indices = ", ".join(str(index) for index, _, _ in limits)
    statement = Equal(sp.log(product), sp.Sum(sp.log(product.function), *limits))
    return _make(context.merged(*(th.context for th in index_range)), statement, "log_of_product",
                 [factor_positive, *index_range],
                 lambda: [f"{product.function} > 0 for every {indices}"], discharged=var)


def log_of_mul(*factors_positive):
    """Γ ⊢ a > 0, Γ ⊢ b > 0, …  ⟹  Γ ⊢ log(a·b·…) = log a + log b + ….
    (Mathlib `Real.log_mul`; Coq `ln_mult`)"""
    exprs = [_positive(th, "log_of_mul", "factor") for th in factors_positive]
    statement = Equal(sp.log(sp.Mul(*exprs)), sp.Add(*map(sp.log, exprs)))
    return _make(_merged(*factors_positive), statement, "log_of_mul", factors_positive,
                 lambda: [f"{e} > 0" for e in exprs])


def log_of_pow(base_positive, exponent_real):
    """Γ ⊢ a > 0, Γ ⊢ b ∈ S ⊆ ℝ  ⟹  Γ ⊢ log(a^b) = b·log a.
    (Mathlib `Real.log_rpow`; Coq `ln_exp` via `Rpower`)"""
    a = _positive(base_positive, "log_of_pow", "base")
    b = _expect(exponent_real, Member, "log_of_pow").expr  # a Member is defined and real
    return _make(_merged(base_positive, exponent_real), Equal(sp.log(a ** b), b * sp.log(a)),
                 "log_of_pow", [base_positive, exponent_real], lambda: [f"{a} > 0", f"{b} real"])


def power_as_exp(base_positive, exponent_real):
    """Γ ⊢ a > 0, Γ ⊢ b ∈ S ⊆ ℝ  ⟹  Γ ⊢ a^b = exp(b·log a).
    (Mathlib `Real.rpow_def_of_pos`; Coq `Rpower`, defined so)"""
    a = _positive(base_positive, "power_as_exp", "base")
    b = _expect(exponent_real, Member, "power_as_exp").expr  # a Member is defined and real
    return _make(_merged(base_positive, exponent_real), Equal(a ** b, sp.exp(b * sp.log(a))),
                 "power_as_exp", [base_positive, exponent_real], lambda: [f"{a} > 0", f"{b} real"])


def function_as_exp(context, term, facts=()):
    """Γ ⊢ each condition of both sides  ⟹  Γ ⊢ f(a) = the table's definition of f by exp:
    sinh a = (exp a − exp(−a))/2, cosh a = (exp a + exp(−a))/2,
    tanh a = (exp a − exp(−a))/(exp a + exp(−a)).
    (Mathlib `Real.sinh_eq`, `Real.cosh_eq`, `Real.tanh_eq_sinh_div_cosh`; Coq `sinh`, `cosh`,
    `tanh`, defined so)"""
    entry = TABLE.get(type(term))
    if entry is None or entry.by_exp is None:
        raise RuleApplicationError(f"function_as_exp: {term} is not sinh, cosh or tanh")
    return _both_defined(context, term, entry.by_exp(term.args[0]), "function_as_exp", facts)


def log_injective(lhs_positive, rhs_positive, logs_equal):
    """Γ ⊢ a > 0, Γ ⊢ b > 0, Γ ⊢ log a = log b  ⟹  Γ ⊢ a = b: log is one-to-one on
    (0, ∞).   (Mathlib `Real.log_injOn_pos`; Coq `ln_inv`)"""
    a = _positive(lhs_positive, "log_injective", "left side")
    b = _positive(rhs_positive, "log_injective", "right side")
    if _expect(logs_equal, Equal, "log_injective") != Equal(sp.log(a), sp.log(b)):
        raise RuleApplicationError(f"log_injective: {logs_equal.statement} is not log {a} = "
                                   f"log {b}")
    return _make(_merged(lhs_positive, rhs_positive, logs_equal), Equal(a, b), "log_injective",
                 [lhs_positive, rhs_positive, logs_equal])


def sum_split(context, total):
    """⊢ Σ_i (a_i + b_i + …) = Σ_i a_i + Σ_i b_i + ….   (Mathlib `Finset.sum_add_distrib`;
    Coq `sum_plus`)"""
    if not isinstance(total, sp.Sum) or not isinstance(total.function, sp.Add):
        raise RuleApplicationError(f"sum_split: {total} is not a sum over a sum of terms")
    limits = binder_limits(check_well_formed(total))
    parts = sp.Add(*(sp.Sum(term, *limits) for term in total.function.args))
    return _make(context, Equal(total, parts), "sum_split")


def sum_factor(context, total, factor_defined=None, facts=()):
    """Γ ⊢ c ∈ S, no index free in c  ⟹  Γ ⊢ Σ_i c·a_i = c·Σ_i a_i (c rational needs
    no fact; a factor e^{c} of e^{c + a_i} counts, as e^{c + a} = e^{c}·e^{a} for every real or
    complex c, a; `facts` show what sympy's evaluation of c·Σ_i a_i changes, as 0·Σ → 0 drops
    the sum's).  (Mathlib `Finset.mul_sum`; Coq `scal_sum`)"""
    if not isinstance(total, sp.Sum):
        raise RuleApplicationError(f"sum_factor: {total} is not a Sum")
    limits = binder_limits(check_well_formed(total))
    indices = {var for var, _, _ in limits}
    factor, rest = index_free_factor(total.function, indices)
    same = merged_exponentials(factor * rest) == merged_exponentials(total.function)
    if factor == 1 or indices & free_vars(factor) or not same:
        raise RuleApplicationError(f"sum_factor: no factor of {total.function} is free of "
                                   f"{indices}")
    # sympy's split may be defined more widely than the body (e^{log x + i} as x·e^i, 0·log i
    # as 0)
    if evaluation_changes(total.function, sp.Mul(factor, rest, evaluate=False), [factor]):
        raise SideConditionError(f"sum_factor: {total.function} is not defined where "
                                 f"{factor}·{rest}, as sympy splits it, is")
    premises = [] if factor.is_Rational else [factor_defined]
    if premises and (factor_defined is None
                     or _expect(factor_defined, Member, "sum_factor").expr != factor):
        raise SideConditionError(f"sum_factor: the factor {factor} must be shown defined (a "
                                 "Member fact)")
    written = sp.Mul(factor, sp.Sum(rest, *limits), evaluate=False)
    used = _facts_for(evaluation_changes(written, factor * sp.Sum(rest, *limits), [factor]), facts,
                      "sum_factor", lambda: f"sympy evaluates {written}, changing")
    context = context.merged(*(p.context for p in premises + used))
    return _make(context, Equal(total, factor * sp.Sum(rest, *limits)), "sum_factor",
                 premises + used, lambda: [f"{', '.join(map(str, indices))} not free in {factor}"])


def sum_ones(count_th, total, bounds_defined=()):
    """Γ ⊢ b − a + 1 ∈ C ⊆ {0, 1, 2, …}, Γ ⊢ a, b defined  ⟹  Γ ⊢ Σ_{i=a}^{b} 1
    = b − a + 1: a sum of ones counts its terms (`bounds_defined`: facts for the conditions of a
    and b).   (Mathlib `Finset.sum_const`, `Nat.card_Icc`; Coq `sum_cte`)"""
    if not isinstance(total, sp.Sum) or total.function != 1 or len(total.limits) != 1:
        raise RuleApplicationError(f"sum_ones: {total} is not a sum of ones over one index")
    (_, lo, hi), = binder_limits(check_well_formed(total))
    count, used = _counted(count_th, lo, hi, bounds_defined, "sum_ones")
    return _make(_merged(count_th, *used), Equal(total, count), "sum_ones", [count_th, *used])


def binomial_theorem(count_th, total, facts=()):
    """Γ ⊢ n ∈ C ⊆ {0, 1, 2, …}, Γ ⊢ each condition of both sides  ⟹
    Γ ⊢ Σ_{k=0}^{n} C(n, k) a^(k+c) b^(n−k+d) = a^c b^d (a + b)^n, for a and b free of k
    (either may be 1, which sympy drops; 0⁰ = 1) and integers c, d: the binomial pmf sums to 1
    (c = d = 0), and a mean's sum after its shift, q^(k+1) = q·q^k for natural exponents or,
    where a negative c or d is defined, a ≠ 0 (`pow_add`).   (Mathlib `add_pow`; Coq
    `binomial` of Coq.Reals.Binomial)"""
    found = binomial_sum(check_well_formed(total))
    if found is None:
        raise RuleApplicationError(f"binomial_theorem: {total} is not Σ_{{k=0}}^{{n}} C(n, k) "
                                   "a^k b^(n−k)")
    a, b, hi, c, d = found
    counted = _range(count_th, "binomial_theorem")  # n itself: for n = −1 the sum is empty
    if count_th.statement.expr != hi or not (counted.integer and counted.lo >= 0):
        raise SideConditionError(f"binomial_theorem: needs a fact that {hi} is an integer >= 0")
    return _both_defined(count_th.context, total, a ** c * b ** d * (a + b) ** hi,
                         "binomial_theorem", [count_th, *facts])


def sum_empty(context, total, bounds_defined=()):
    """Γ ⊢ a, b defined, b − a + 1 = 0  ⟹  Γ ⊢ Σ_{i=a}^{b} f(i) = 0 and
    ∏_{i=a}^{b} f(i) = 1: no value of i, so nothing is asked of f (`bounds_defined`: facts for
    the conditions of a and b).   (Mathlib `Finset.sum_empty`, `Finset.prod_empty`; Coq: none,
    `sum_f_R0` has a term)"""
    if not isinstance(total, BINDERS) or len(total.limits) != 1:
        raise RuleApplicationError(f"sum_empty: {total} is not a sum or product over one index")
    (_, lo, hi), = binder_limits(check_well_formed(total))
    if sp.expand(hi - lo + 1) != 0:
        raise RuleApplicationError(f"sum_empty: {total} has terms (b − a + 1 is not 0)")
    used = _facts_for(needs(lo) | needs(hi), bounds_defined, "sum_empty",
                      lambda: "the bounds need")
    value = sp.S.Zero if isinstance(total, sp.Sum) else sp.S.One
    return _make(context.merged(*(f.context for f in used)), Equal(total, value), "sum_empty",
                 used)


def _counted(count_th, lo, hi, bounds_defined, rule):
    """(b − a + 1, the facts for the conditions of a and b), once `count_th` shows that number of
    terms an integer >= 0."""
    count = sp.expand(hi - lo + 1)
    counted = _range(count_th, rule)
    if count_th.statement.expr != count or not (counted.integer and counted.lo >= 0):
        raise SideConditionError(f"{rule}: needs a fact that the count {count} is an integer >= 0")
    return count, _facts_for(needs(lo) | needs(hi), bounds_defined, rule, lambda: "the bounds need")


def sum_telescoping(count_th, total, antidifference, bounds_defined=(), facts=()):
    """Γ ⊢ b − a + 1 ∈ C ⊆ {0, 1, 2, …}, Γ ⊢ a, b defined, Γ ⊢ each condition of
    f(i), F(i), F(i − 1) at i = a, …, b and of F(b) − F(a − 1)
    ⟹  Γ ⊢ Σ_{i=a}^{b} f(i) = F(b) − F(a − 1),
    when f and F bind nothing and F(i) − F(i − 1) = f(i) (`ring`'s check, which holds where its
    conditions do: at each of those i): the sum telescopes (Σ i = n(n + 1)/2 with F(i) =
    i(i + 1)/2; Σ_{i=0}^{n−1} pⁱ = (pⁿ − 1)/(p − 1) with F(i) = p^{i+1}/(p − 1),
    the facts p > 0, p − 1 ≠ 0; Σ_{i=1}^{n} 1/(i(i + 1)) = n/(n + 1) with F(i) =
    i/(i + 1), i ≠ 0 and i + 1 ≠ 0 by i's range; `bounds_defined`: facts for the
    conditions of a and b; where the conditions of F's powers are not shown, `ring`'s
    second reading, natural exponents: Σ_{i=0}^{n} xⁱ = (x^{n+1} − 1)/(x − 1) for any
    x ≠ 1, i a count at each of its values).   (Mathlib
    `Finset.sum_range_sub`, `Finset.sum_range_id_mul_two`, `geom_sum_eq`; Coq: no lemma, an
    induction on the last term, `tech5`)"""
    if not isinstance(total, sp.Sum) or len(total.limits) != 1:
        raise RuleApplicationError(f"sum_telescoping: {total} is not a sum over one index")
    (var, lo, hi), = binder_limits(check_well_formed(total))
    summand, whole = total.function, check_well_formed(sp.sympify(antidifference))
    if bound_vars(summand) or bound_vars(whole):
        raise SideConditionError(f"sum_telescoping: {summand} and {whole} must have no sum or "
                                 "product inside")
    used = _counted(count_th, lo, hi, bounds_defined, "sum_telescoping")[1]
    # at i's values: no fact's context may constrain i, which the conclusion binds (`_make`);
    # the conclusion Σ f = F(b) − F(a − 1), each F as substituted
    defined = _either_reading(
        lambda counts: telescoping_needs(total, whole, counts)[2:], (*facts, *used),
        "sum_telescoping", lambda: "the terms, F and F(b) - F(a - 1) need",
        lambda remainder: f"F(i) - F(i - 1) - f(i) = {remainder}, not 0, for f(i) = {summand}")[1]
    closed = substitute(whole, {var: hi})[0] - substitute(whole, {var: lo - 1})[0]
    premises = [count_th, *dict.fromkeys(used + defined)]
    return _make(_merged(*premises), Equal(total, closed), "sum_telescoping", premises,
                 lambda: [f"F({var}) = {whole}"])


def telescoping_needs(total, whole, counts=False):
    """(F(i) − F(i − 1), F(b) − F(a − 1), the remainder of F(i) − F(i − 1) − f(i) by
    `ring`, the conditions of f(i), F(i), F(i − 1) and F(b) − F(a − 1) that
    `sum_telescoping` asks shown) for Σ_{i=a}^{b} f(i) and F = `whole`."""
    (var, lo, hi), = binder_limits(total)
    (before, shifted), (top, at_b), (bottom, at_a) = (
        substitute(whole, {var: value}) for value in (var - 1, hi, lo - 1))
    step, closed = whole - before, top - bottom
    remainder, conditions = ring_needs(step, total.function, counts)
    # the terms' conditions at the values the index takes: F(i) − F(i − 1) = f(i) is needed at
    # i = a, …, b only (1/(i(i + 1)) from i = 1), F at a − 1, …, b, each as written (ring asks
    # nothing of f = F(i) − F(i − 1) as sympy builds it, and sympy takes 0·log(−1) for 0)
    scoped = within(((var, lo, hi),), set(conditions) | needs(whole) | shifted |
                    needs(total.function))
    written = {(term, need, scope) for term, need, scope in scoped | at_b | at_a
               if not _met_by_number(term, need)}
    return step, closed, remainder, written | needs(closed)


def sum_peel(context, total, last=True, facts=(), at=None):
    """Γ ⊢ each condition under which both sides are defined  ⟹  Γ ⊢ Σ_{i=a}^{b} f(i) =
    Σ_{i=a}^{b−1} f(i) + f(b) (`last`), or f(a) + Σ_{i=a+1}^{b} f(i), and a product alike
    (∏_{i=a}^{b} f(i) = ∏_{i=a}^{b−1} f(i) · f(b)): the right side's sum needs
    b − a ∈ {0, 1, …}, so the left one has the term to give.  With `at` = c free of i,
    the term at c: Σ_{i=a}^{b} f(i) = Σ_{i=a}^{c−1} f(i) + f(c) + Σ_{i=c+1}^{b} f(i),
    whose sums need c − a and b − c in {0, 1, …}: a, …, b are a, …, c − 1, then c,
    then c + 1, …, b.   (Mathlib `Finset.sum_range_succ`, `Finset.prod_range_succ`,
    `Finset.sum_Ico_consecutive`; Coq `tech5`, `decomp_sum`, `tech2`)"""
    if not isinstance(total, BINDERS) or len(total.limits) != 1:
        raise RuleApplicationError(f"sum_peel: {total} is not a sum or product over one index")
    (var, lo, hi), = binder_limits(check_well_formed(total))
    combine = sp.Add if isinstance(total, sp.Sum) else sp.Mul
    if at is None:
        end, rest = (hi, (var, lo, hi - 1)) if last else (lo, (var, lo + 1, hi))
        parts = type(total)(total.function, rest), substitute(total.function, {var: end})[0]
    else:
        at = check_well_formed(sp.sympify(at))
        if var in free_vars(at) or bound_vars(at):
            raise RuleApplicationError(f"sum_peel: the place {at} binds or mentions {var}")
        parts = (type(total)(total.function, (var, lo, at - 1)), substitute(
            total.function, {var: at})[0], type(total)(total.function, (var, at + 1, hi)))
    # written too: sympy takes ∏·0 for 0, dropping the count b − a the peel rests on
    written = combine(*parts, evaluate=False)
    return _both_defined(context, total, combine(*parts), "sum_peel", facts, written)


def sum_shift(context, total, offset, facts=()):
    """Γ ⊢ each condition under which both sides are defined  ⟹  Γ ⊢ Σ_{i=a}^{b} f(i) =
    Σ_{i=a+c}^{b+c} f(i − c) for c free of i: the same terms, counted from a + c.   (Mathlib
    `Finset.sum_Ico_add`; Coq `sum_eq`, term by term)"""
    if not isinstance(total, sp.Sum) or len(total.limits) != 1:
        raise RuleApplicationError(f"sum_shift: {total} is not a sum over one index")
    (var, lo, hi), = binder_limits(check_well_formed(total))
    offset = check_well_formed(sp.sympify(offset))
    if var in free_vars(offset) or bound_vars(offset):
        raise RuleApplicationError(f"sum_shift: the shift {offset} must be free of {var} and bind "
                                   "nothing")
    moved = substitute(total.function, {var: var - offset})[0]
    return _both_defined(context, total, sp.Sum(moved, (var, lo + offset, hi + offset)),
                         "sum_shift", facts)


def swap_binders(context, binder, position=0, facts=()):
    """Γ ⊢ each condition under which both sides are defined
    ⟹  Γ ⊢ Σ_{i=a}^{b} Σ_{j=c}^{d} f = Σ_{j=c}^{d} Σ_{i=a}^{b} f, and a product alike,
    for the limit at `position` (innermost first, as sympy lists them) and the one around it,
    when the inner one's bounds do not mention the outer index: the same terms, in another
    order.  Or a triangle, the pairs a ≤ j ≤ i ≤ b (a ≤ i ≤ j ≤ b):
    Σ_{i=a}^{b} Σ_{j=a}^{i} f = Σ_{j=a}^{b} Σ_{i=j}^{b} f and
    Σ_{i=a}^{b} Σ_{j=i}^{b} f = Σ_{j=a}^{b} Σ_{i=a}^{j} f.
    (Mathlib `Finset.sum_comm`, `Finset.prod_comm`, `Finset.sum_comm'`; Coq `exchange_big`,
    `exchange_big_dep`)"""
    if not isinstance(binder, BINDERS):
        raise RuleApplicationError(f"swap_binders: {binder} is not a Sum or Product")
    limits = list(binder_limits(check_well_formed(binder)))
    if not (isinstance(position, int) and 0 <= position < len(limits) - 1):
        raise RuleApplicationError(f"swap_binders: {binder} has no limits {position} and "
                                   f"{position} + 1 to exchange")
    if exchanged(limits, position) is None:
        (j, _, _), (i, a, b) = limits[position:position + 2]
        raise SideConditionError(f"swap_binders: the bounds of {j} mention {i}, so the order of "
                                 f"the two cannot be exchanged (only from {a} to {i} or from {i} "
                                 f"to {b}, a triangle)")
    limits, triangle = exchanged(limits, position)
    swapped = check_well_formed(binder.func(binder.function, *limits))
    # Σ_{i=1}^{0} Σ_{j=1}^{m} f is 0 whatever m; Σ_{j=1}^{m} Σ_{i=1}^{0} f is not
    if not triangle:
        return _both_defined(context, binder, swapped, "swap_binders", facts)
    try:  # a triangle's sides are defined at the same points (the same terms, each count a
        # count where b − a + 1 is): either side's conditions shown will do
        return _both_defined(context, binder, swapped, "swap_binders", facts, shown=[binder])
    except SideConditionError:
        return _both_defined(context, binder, swapped, "swap_binders", facts, shown=[swapped])


def binder_congruence(eq_th, binder, index_range=()):
    """Γ ⊢ f(i) = g(i) (i free)  ⟹  Γ ⊢ Σ_{i=a}^{b} f(i) = Σ_{i=a}^{b} g(i), and a
    product alike; for an iterated binder f is the binder over the inner indices
    (Σ_i Σ_j y_i y_j = Σ_i y_i Σ_j y_j from Σ_j y_i y_j = y_i Σ_j y_j).  Or the
    equation at the index's values only: Γ, i ∈ S ⊢ f(i) = g(i) with `index_range`
    Γ ⊢ a ∈ A, Γ ⊢ b ∈ B, S ⊇ [inf A, sup B] (its integers where A's are), as in
    `member_binder` (Σ_{i=1}^{n} Σ_{j=1}^{i} 1 = Σ_{i=1}^{n} i from Σ_{j=1}^{i} 1 = i
    for i ∈ ℕ).  At each value of the index the two terms are both undefined or equal,
    so are the sums.   (Mathlib `Finset.sum_congr`, `Finset.prod_congr`; Coq `eq_bigr`)"""
    if not isinstance(binder, BINDERS):
        raise RuleApplicationError(f"binder_congruence: {binder} is not a Sum or Product")
    (var, lo, hi), inner = inner_binder(check_well_formed(binder))
    st = _expect(eq_th, Equal, "binder_congruence")
    if st.lhs != inner:
        raise RuleApplicationError(f"binder_congruence: the equation is about {st.lhs}, not "
                                   f"{inner}")
    context = _index_range(eq_th, var, lo, hi, index_range, rule="binder_congruence")
    # sympy's constructor evaluates nothing here: it only merges Σ_i Σ_j g into Σ_{i,j} g (the
    # same terms, defined at the same points), as for `sum_split`'s sums
    result = check_well_formed(binder.func(st.rhs, (var, lo, hi)))
    context = context.merged(*(th.context for th in index_range))
    return _make(context, Equal(binder, result), "binder_congruence", [eq_th, *index_range],
                 discharged=var)


def _both_defined(context, lhs, rhs, rule, facts, written=None, shown=None):
    """Γ ⊢ lhs = rhs for a rule that has checked the values, once facts show every condition of
    both sides, as sympy built them and as `written` before sympy evaluated the right one (so the
    two are defined at the same points: everywhere); of the terms `shown` only, where the rule
    has checked that the others are defined wherever they are."""
    sides = (lhs, rhs) if written is None else (lhs, rhs, written)
    sides = sides if shown is None else shown
    conditions = frozenset().union(*(needs(check_well_formed(side)) for side in sides))
    used = _facts_for(conditions, facts, rule, lambda: "both sides need")
    return _make(context.merged(*(f.context for f in used)), Equal(lhs, rhs), rule, used)


def gamma_of_count(count_th):
    """Γ ⊢ n ∈ C ⊆ {0, 1, 2, …}  ⟹  Γ ⊢ Γ(n + 1) = n!.   (Mathlib
    `Real.Gamma_nat_eq_factorial`; Coq: none, the standard library has no Gamma function)"""
    n = _expect(count_th, Member, "gamma_of_count").expr
    if not _meets(count_th, Need.COUNT):
        raise SideConditionError(f"gamma_of_count: {n} is not shown a count (an integer >= 0)")
    return _make(count_th.context, Equal(sp.gamma(n + 1), sp.factorial(n)), "gamma_of_count",
                 [count_th])


def recurrence(fact, head):
    """Γ ⊢ n ∈ C ⊆ {0, 1, 2, …}  ⟹  Γ ⊢ (n + 1)! = (n + 1)·n!;
    Γ ⊢ x > 0  ⟹  Γ ⊢ Γ(x + 1) = x·Γ(x).
    (Mathlib `Nat.factorial_succ`, `Real.Gamma_add_one`; Coq `fact_simpl`, and none for Gamma)"""
    a = _expect(fact, Member, "recurrence").expr
    need = {sp.factorial: Need.COUNT, sp.gamma: Need.POSITIVE}.get(head)
    if need is None:
        raise RuleApplicationError(f"recurrence: {head} is not factorial or gamma")
    if not _meets(fact, need):
        raise SideConditionError(f"recurrence: {a} is not shown {need.value}")
    factor = a + 1 if head is sp.factorial else a
    return _make(fact.context, Equal(head(a + 1), factor * head(a)), "recurrence", [fact])


def binomial_as_factorials(bottom_th, rest_th):
    """Γ ⊢ k ∈ ℕ₀, Γ ⊢ n − k ∈ ℕ₀  ⟹  Γ ⊢ C(n, k) = n!/(k!(n − k)!).
    (Mathlib `Nat.choose_eq_factorial_div_factorial`; Coq `C`, so defined)"""
    k, rest = (_expect(th, Member, "binomial_as_factorials").expr for th in (bottom_th, rest_th))
    for th in (bottom_th, rest_th):
        if not _meets(th, Need.COUNT):
            raise SideConditionError(f"binomial_as_factorials: {th.statement.expr} is not shown a "
                                     "count")
    n = k + rest
    statement = Equal(sp.binomial(n, k), sp.factorial(n) / (sp.factorial(k) * sp.factorial(rest)))
    return _make(_merged(bottom_th, rest_th), statement, "binomial_as_factorials",
                 [bottom_th, rest_th])


def abs_identity(context, term):
    """⊢ |a·b| = |a|·|b|,  ⊢ |a|^(2k) = a^(2k) for an integer k ≥ 1,  ⊢ √(a²) = |a|
    (a² ≥ 0 wherever a is defined): each side defined exactly where the other is, which is
    checked on the terms as sympy builds them.   (Mathlib `abs_mul`, `pow_abs` with
    `Even.pow_abs`, `Real.sqrt_sq_eq_abs`; Coq `Rabs_mult`, `pow2_abs`, `sqrt_Rsqr_abs`)"""
    term = check_well_formed(term)
    extra = frozenset()
    if isinstance(term, sp.Abs) and isinstance(term.args[0], sp.Mul):
        result = sp.Mul(*map(sp.Abs, term.args[0].args))
    elif term.is_Pow and isinstance(term.base, sp.Abs) and term.exp.is_Integer and term.exp > 0 \
            and term.exp.is_even:
        result = term.base.args[0] ** term.exp
    elif term.is_Pow and term.exp == sp.S.Half and term.base.is_Pow and term.base.exp == 2:
        result = sp.Abs(term.base.base)
        extra = {(term.base, Need.NONNEGATIVE, ())}
    else:
        raise RuleApplicationError(f"abs_identity: {term} is not |a·b|, |a|^(2k) or sqrt(a^2)")
    if _unsigned(needs(check_well_formed(result))) != _unsigned(needs(term) - extra):
        raise SideConditionError(f"abs_identity: sympy builds {result}, which is not defined "
                                 f"exactly where {term} is")
    return _make(context, Equal(term, result), "abs_identity")


def abs_of_sign(fact):
    """Γ ⊢ a ∈ S with S ⊆ [0, ∞)  ⟹  Γ ⊢ |a| = a;
    Γ ⊢ a ∈ S with S ⊆ (−∞, 0]  ⟹  Γ ⊢ |a| = −a
    (as sympy builds both: |−x| is |x|, −(x − 1) is 1 − x).
    (Mathlib `abs_of_nonneg`, `abs_of_nonpos`; Coq `Rabs_pos_eq`, `Rabs_left1`)"""
    a, h = _expect(fact, Member, "abs_of_sign").expr, _range(fact, "abs_of_sign")
    nonnegative, nonpositive = bool(h.lo >= 0), bool(h.hi <= 0)
    if not (nonnegative or nonpositive):
        raise SideConditionError(f"abs_of_sign: {a} is not shown >= 0 or <= 0: it is only known "
                                 f"to lie in {fact.statement.set}")
    return _make(fact.context, Equal(sp.Abs(a), a if nonnegative else -a), "abs_of_sign", [fact])


def abs_le(below_th, above_th, t):
    """Γ ⊢ s − t ∈ I,  Γ ⊢ s + t ∈ J  ⟹  Γ ⊢ s − |t| ∈ [c, ∞),
    c the lesser of the lower ends of I and J (open where each end equal to it is): s − |t| is
    the lesser of s − t and s + t, and is defined where both are (checked on the terms as sympy
    builds them).
    (Mathlib `abs_le`, `abs_sub_le_iff`; Coq `Rabs_le`)"""
    below, above = _range(below_th, "abs_le"), _range(above_th, "abs_le")
    t = check_well_formed(sp.sympify(t))
    s = below_th.statement.expr + t
    if above_th.statement.expr != s + t:
        raise RuleApplicationError(f"abs_le: {above_th.statement.expr} is not {s + t}, the first "
                                   f"premise's {below_th.statement.expr} with 2({t}) added")
    result = _defined_where("abs_le", s - sp.Abs(t), t, below_th.statement.expr, s + t)
    c = min(below.lo, above.lo)
    is_open = all(h.lo_open for h in (below, above) if h.lo == c)
    return _make(_merged(below_th, above_th), Member(result, sp.Interval(c, sp.oo, is_open, True)),
                 "abs_le", [below_th, above_th])


def sub_abs_by_squares(nonnegative_th, gap_th, u):
    """Γ ⊢ r ∈ T ⊆ [0, ∞),  Γ ⊢ r² − u² ∈ I on one side of 0
    ⟹  Γ ⊢ r − |u| ∈ I's side, open where I misses 0:
    r and |u| are nonnegative, so r − |u| has the sign of r² − |u|², which is r² − u²
    (r = √v, whose square sympy writes v; r = √a √b).  The conclusion is defined where both
    premises are, checked on the terms as sympy builds them, a condition on a number met by
    it: √2.
    (Mathlib `sq_le_sq'`, `abs_le_abs_of_sq_le_sq`, `Real.sqrt_le_sqrt`; Coq `Rsqr_le_abs_1`,
    `sqrt_le_1_alt`, `sqrt_Rsqr_abs`)"""
    rule = "sub_abs_by_squares"
    r, gap = _expect(nonnegative_th, Member, rule).expr, _range(gap_th, rule)
    u = check_well_formed(sp.sympify(u))
    if not bool(_range(nonnegative_th, rule).lo >= 0):
        raise SideConditionError(f"{rule}: {r} is not shown nonnegative")
    if gap_th.statement.expr != r ** 2 - u ** 2:
        raise RuleApplicationError(f"{rule}: {gap_th.statement.expr} is not ({r})² − ({u})²")
    result = _defined_where(rule, r - sp.Abs(u), u, r, gap_th.statement.expr)
    if bool(gap.lo >= 0):
        real_set = sp.Interval(0, sp.oo, gap.is_positive(), True)
    elif bool(gap.hi <= 0):
        real_set = sp.Interval(-sp.oo, 0, True, gap.is_negative())
    else:
        raise SideConditionError(f"{rule}: {gap_th.statement.expr} is not shown on one side of 0")
    return _make(_merged(nonnegative_th, gap_th), Member(result, real_set), rule,
                 [nonnegative_th, gap_th])


def _defined_where(rule, result, line, *premises):
    """`result` (as sympy builds it), refused unless it and the `line` inside its bars (as
    given: sympy may write |√w| for w < 0 as √(−w), dropping w ≥ 0) are defined wherever the
    premises' terms are: each condition is one of theirs, or on a number that meets it (√2)."""
    written = _unsigned(frozenset().union(*map(needs, premises)))
    asked = needs(check_well_formed(result)) | needs(line)
    if not all(_met_by_number(term, need) for term, need, _ in _unsigned(asked) - written):
        raise SideConditionError(f"{rule}: {result} (sympy's) or {line} is not defined where "
                                 f"{' and '.join(map(str, premises))} are")
    return result


def _unsigned(conditions):
    """The conditions with |e| ≠ 0 read as e ≠ 0, its equivalent (sympy builds |y/x| as
    |y|/|x|)."""
    return {(e.args[0] if isinstance(e, sp.Abs) and need is Need.NONZERO else e, need, scope)
            for e, need, scope in conditions}


def rename_index(context, binder, new_var, old_var=None):
    """⊢ Σ_i f(i) = Σ_j f(j) (also ∏; the outermost index unless `old_var` is given) when the
    name j occurs nowhere in the binder, free or bound: alpha-conversion.   (definitional in Lean
    and Coq)"""
    if not isinstance(binder, BINDERS) or type(new_var) is not sp.Symbol:
        raise RuleApplicationError(f"rename_index: cannot rename an index of {binder} to {new_var}")
    limits = binder_limits(check_well_formed(binder))
    old_var = limits[-1][0] if old_var is None else old_var
    if old_var not in [var for var, _, _ in limits]:
        raise RuleApplicationError(f"rename_index: {old_var} is not an index of {binder}")
    if new_var.name in names(binder):
        raise SideConditionError(f"rename_index: the name {new_var} already occurs in {binder} "
                                 "and could be captured")
    check_well_formed(new_var)
    function = substitute(binder.function, {old_var: new_var})[0]
    renamed_limits = []
    for var, lo, hi in limits:
        bounds = [substitute(bound, {old_var: new_var})[0] for bound in (lo, hi)]
        renamed_limits.append((new_var if var == old_var else var, *bounds))
    renamed = binder.func(function, *renamed_limits)
    expected = {_renamed(condition, old_var, new_var) for condition in needs(binder)}
    if needs(renamed) != expected:
        raise SideConditionError(f"rename_index: sympy evaluates the renamed {binder} to "
                                 f"{renamed}, which is not defined where the original is")
    return _make(context, Equal(binder, renamed), "rename_index")


def _renamed(condition, old_var, new_var):
    """A condition with the index old_var renamed new_var, in its term and in its scope."""
    expr, need, scope = condition
    mapping = {old_var: new_var}
    scope = tuple((mapping.get(var, var), substitute(lo, mapping)[0], substitute(hi, mapping)[0])
                  for var, lo, hi in scope)
    return substitute(expr, mapping)[0], need, scope


# ------------------------------------------------------------------------------------------------
# membership
_NAMED_CONSTANTS = {sp.pi: sp.Interval.open(3, 4), sp.E: sp.Interval.open(2, 3)}


def member_context(context, atom, arg_facts=()):
    """x ∈ S in Γ ⊢ x ∈ S (also p[a] and f(a), given each argument defined);  ⊢ x ∈ ℝ
    for a symbol, family or function Γ leaves free;  ⊢ c ∈ {c} for a rational c;  ⊢ π ∈
    (3, 4), e ∈ (2, 3)."""
    atom = check_well_formed(atom)
    if atom.is_Rational:
        return _make(context, Member(atom, sp.FiniteSet(atom)), "number")
    if atom in _NAMED_CONSTANTS:
        return _make(context, Member(atom, _NAMED_CONSTANTS[atom]), "number")
    if isinstance(atom, sp.Indexed):
        arguments = atom.indices
    elif isinstance(atom, AppliedUndef):
        arguments = atom.args
    elif type(atom) is sp.Symbol:
        arguments = ()
    else:
        raise RuleApplicationError(f"member_context: {atom} is not a symbol, p[i] or f(x)")
    conditions = {(arg, Need.DEFINED, ()) for arg in arguments if needs(arg)}
    used = _facts_for(conditions, arg_facts, "member_context", lambda: "the argument must be")
    known = context.lookup(atom)
    if isinstance(known, IndexRange):
        raise RuleApplicationError(f"member_context: {atom} ranges over {known}: what that "
                                   "gives, member_index_range shows")
    real_set = sp.S.Reals if known is None else known
    context = context.merged(*(f.context for f in used))
    return _make(context, Member(atom, real_set), "assumption", used,
                 lambda: [f"{atom} in {real_set}"])


def member_widen(th, bigger):
    """Γ ⊢ e ∈ S, S ⊆ T (decided here)  ⟹  Γ ⊢ e ∈ T.   (Mathlib
    `Set.mem_of_subset_of_mem`)"""
    st = _expect(th, Member, "member_widen")
    if not is_subset(st.set, bigger):
        raise SideConditionError(f"member_widen: {st.set} is not a subset of {bigger}")
    return _make(th.context, Member(st.expr, bigger), "member_widen", [th],
                 lambda: [f"{st.set} ⊆ {bigger}"])


def member_meet(th1, th2):
    """Γ ⊢ a ∈ I, Γ ⊢ a ∈ J  ⟹  Γ ⊢ a ∈ I ∩ J (of the hulls, integers if
    either is).   (Mathlib `Set.mem_inter`; Coq `conj`)"""
    a, b = (_expect(th, Member, "member_meet").expr for th in (th1, th2))
    if a != b:
        raise RuleApplicationError(f"member_meet: the facts are about {a} and {b}")
    h1, h2 = _range(th1, "member_meet"), _range(th2, "member_meet")
    lo = max((h1.lo, h1.lo_open), (h2.lo, h2.lo_open))  # the higher end, the open one on a tie
    hi = min((h1.hi, not h1.hi_open), (h2.hi, not h2.hi_open))
    h = Hull(lo[0], hi[0], lo[1], not hi[1], h1.integer or h2.integer)
    return _make(_merged(th1, th2), Member(a, h.as_set()), "member_meet", [th1, th2])


def member_of_equal(eq_th, member_th):
    """Γ ⊢ a = b, Γ ⊢ b ∈ S  ⟹  Γ ⊢ a ∈ S.   (Mathlib `Eq.subst`; Coq `eq_ind`)"""
    eq = _expect(eq_th, Equal, "member_of_equal")
    member = _expect(member_th, Member, "member_of_equal")
    if eq.rhs != member.expr:
        raise RuleApplicationError(f"member_of_equal: {eq.rhs} and {member.expr} differ")
    return _make(_merged(eq_th, member_th), Member(eq.lhs, member.set), "member_of_equal",
                 [eq_th, member_th])


def _built(rule, head, args, h, premises):
    """Member(head(*args), h), once sympy's evaluation of head(*args) is seen to need nothing the
    term as written does not (it splits (|x|·y)^(1/2) into √|x|·√y, which needs y ≥ 0)."""
    written = head_needs(head, args).union(*map(needs, args))
    result = head(*args)
    if not needs(result) <= written:
        raise SideConditionError(f"{rule}: sympy evaluates {rule[7:]} of "
                                 f"{', '.join(map(str, args))} to {result}, which is not defined "
                                 "where the term is")
    return _make(_merged(*premises), Member(result, h.as_set()), rule, premises)


def member_add(th1, th2):
    """Γ ⊢ a ∈ I, Γ ⊢ b ∈ J  ⟹  Γ ⊢ a + b ∈ I + J.   (Mathlib `add_lt_add`; Coq
    `Rplus_lt_compat`)"""
    h = add_hulls(_range(th1, "member_add"), _range(th2, "member_add"))
    return _built("member_add", sp.Add, (th1.statement.expr, th2.statement.expr), h, [th1, th2])


def member_mul(th1, th2):
    """Γ ⊢ a ∈ I, Γ ⊢ b ∈ J  ⟹  Γ ⊢ a·b ∈ I·J.   (Mathlib `mul_pos`; Coq
    `Rmult_lt_0_compat`)"""
    h = mul_hulls(_range(th1, "member_mul"), _range(th2, "member_mul"))
    return _built("member_mul", sp.Mul, (th1.statement.expr, th2.statement.expr), h, [th1, th2])


def member_pow(base_th, exponent_th, sides=False):
    """Γ ⊢ a > 0, Γ ⊢ b ∈ ℝ  ⟹  Γ ⊢ a^b > 0 (`sides`: in (0, 1] if a ≤ 1 and
    b ≥ 0, ≥ 1 if a ≥ 1 and b ≥ 0); Γ ⊢ a ≥ 0  ⟹  Γ ⊢ a^r ≥ 0 for a rational
    r > 0; integer powers keep bounds (even ones of any base are ≥ 0); Γ ⊢ b a count
    ⟹  Γ ⊢ a^b ∈ ℝ, in [0, 1] if a ∈ [0, 1], ≥ 0 if a ≥ 0, an integer if a is one.
    (Mathlib `Real.rpow_pos_of_pos`, `Real.rpow_le_one`, `Real.one_le_rpow`, `Int.pow`;
    Coq `exp_pos` via `Rpower`, prelude `Rpower_in_unit`, `Rpower_ge_one`)"""
    exponent = _expect(exponent_th, Member, "member_pow").expr
    exponents, base = _range(exponent_th, "member_pow"), _range(base_th, "member_pow")
    counted = exponents.integer and exponents.lo >= 0
    h = pow_hull(base, exponent, exponents if sides else None, counted=counted)
    if h is None:
        why = "" if exponent.is_number else " (a power whose exponent is no number needs one > 0)"
        raise SideConditionError(f"member_pow: ({base_th.statement.expr})**({exponent}) may be "
                                 "undefined: the base is only known to lie in "
                                 f"{base_th.statement.set}{why}")
    if counted and base.integer:  # an integer to the power of a count is one (0⁰ = 1)
        h = Hull(h.lo, h.hi, h.lo_open, h.hi_open, True)
    return _built("member_pow", sp.Pow, (base_th.statement.expr, exponent), h,
                  [base_th, exponent_th])


def member_function(th, head):
    """Γ ⊢ a ∈ I, I inside the domain of f  ⟹  Γ ⊢ f(a) ∈ f[I] (`functions.TABLE`: the
    table's range, narrowed by the side of 0 for an increasing f; log by the side of 1, Abs
    exactly).  (Mathlib and Coq: the entry's names, e.g. `Real.exp_pos`/`exp_pos`,
    `Real.log_pos`/`ln_lt_0`)"""
    if head not in TABLE:
        raise RuleApplicationError(f"member_function: {head} is not a function of the table")
    rule = f"member_{head.__name__}"
    argument, domain = _expect(th, Member, rule).expr, TABLE[head].domain
    if domain is not None and not _meets(th, domain):
        raise SideConditionError(f"{rule}: the argument {argument} is not shown {domain.value}")
    return _built(rule, head, (argument,), function_hull(head, _range(th, rule)), [th])


def member_binomial(top_th, bottom_th, rest_th=None):
    """Γ ⊢ n ∈ ℕ₀, Γ ⊢ k ∈ ℕ₀  ⟹  Γ ⊢ C(n, k) ∈ ℕ₀ (0 when k > n); with
    Γ ⊢ n − k ∈ ℕ₀ too, C(n, k) ∈ ℕ.   (Mathlib `Nat.choose`, `Nat.choose_pos`; Coq
    `C`, for k <= n)"""
    premises = [th for th in (top_th, bottom_th, rest_th) if th is not None]
    n, k, *rest = (_expect(th, Member, "member_binomial").expr for th in premises)
    if rest and rest[0] != sp.expand(n - k):
        raise RuleApplicationError(f"member_binomial: the third fact must be about {n - k}")
    for th in premises:
        if not _meets(th, Need.COUNT):
            raise SideConditionError(f"member_binomial: {th.statement.expr} is not shown a count")
    return _built("member_binomial", sp.binomial, (n, k), Hull(len(rest), sp.oo, False, True, True),
                  premises)


def log_of_exp(th):
    """Γ ⊢ a ∈ S ⊆ ℝ  ⟹  Γ ⊢ log(exp a) = a.   (Mathlib `Real.log_exp`; Coq
    `ln_exp`)"""
    a = _expect(th, Member, "log_of_exp").expr
    built = sp.log(sp.exp(a))
    # sympy's evaluation is kept only as log(e^a) or a itself (a fuzzer run once saw it give 0 for
    # an empty product a, which is 1)
    if built != a and not (isinstance(built, sp.log) and built.args[0] == sp.exp(a)):
        raise SideConditionError(f"log_of_exp: sympy evaluates log(exp({a})) to {built}")
    return _make(th.context, Equal(built, a), "log_of_exp", [th], lambda: [f"{a} real"])


def member_binder(body_th, binder, count_th, bounds_defined=(), index_range=()):
    """Γ ⊢ f(i) ∈ I (i free), Γ ⊢ b − a + 1 ∈ C ⊆ {0, 1, 2, …}, Γ ⊢ a, b defined
    ⟹ Σ_{i=a}^{b} f(i) ∈ ℝ (> 0 if I > 0 and C ≥ 1; ≥ 0 if I ≥ 0; ≤ 0 if I ≤ 0),
    ∏ f(i) > 0 if I > 0, in (0, 1] if also I ≤ 1, ≥ 1 if I ≥ 1 (the empty product is 1)
    (`bounds_defined`: facts for the conditions of a and b); for an iterated binder, f is the binder
    over the inner indices.  Or the body at the index's values only: Γ, i ∈ S ⊢ f(i) ∈ I with
    `index_range` Γ ⊢ a ∈ A, Γ ⊢ b ∈ B, S ⊇ [inf A, sup B] (its integers where A's
    are): i takes a, a + 1, …, b (1/i > 0 for i ∈ ℕ gives Σ_{i=1}^{n} 1/i > 0).
    (Mathlib `Finset.sum_pos`, `Finset.prod_pos`, `Finset.prod_le_one`,
    `Finset.one_le_prod'`)"""
    if not isinstance(binder, BINDERS):
        raise RuleApplicationError(f"member_binder: {binder} is not a Sum or Product")
    (var, lo, hi), inner = inner_binder(check_well_formed(binder))
    if _expect(body_th, Member, "member_binder").expr != inner:
        raise RuleApplicationError(f"member_binder: the body fact does not match {binder}")
    body_context = _index_range(body_th, var, lo, hi, index_range, count_th, *bounds_defined)
    count = sp.expand(hi - lo + 1)
    if _expect(count_th, Member, "member_binder").expr != count:
        raise RuleApplicationError(f"member_binder: the count fact must be about {count}")
    body, counted = _range(body_th, "member_binder"), _range(count_th, "member_binder")
    if not (counted.integer and counted.lo >= 0):
        raise SideConditionError(f"member_binder: the number of terms {count} is not shown to be "
                                 "an integer >= 0")
    if isinstance(binder, sp.Product) and not body.is_positive():
        raise SideConditionError(f"member_binder: the factor {inner} is not shown positive")
    if isinstance(binder, sp.Product):  # positive factors <= 1 (>= 1): so is their product
        h = Hull(0, 1, True, False) if body.hi <= 1 else POSITIVE
        h = Hull(1, sp.oo, False, True) if body.lo >= 1 else h
    elif body.is_positive() and counted.lo >= 1:
        h = POSITIVE
    elif body.lo >= 0:
        h = Hull(0, sp.oo, False, True)
    elif body.hi <= 0:
        h = Hull(-sp.oo, 0, True, False)
    else:
        h = REALS
    used = _facts_for(needs(lo) | needs(hi), bounds_defined, "member_binder",
                      lambda: "the bounds need")
    premises = [body_th, count_th, *used, *index_range]
    context = body_context.merged(*(th.context for th in premises[1:]))
    return _make(context, Member(binder, h.as_set()), "member_binder", premises,
                 discharged=var)


def _index_range(body_th, var, lo, hi, index_range, *others, rule="member_binder"):
    """The body fact's context without the index, where it states the index's range: a set
    holding every value a, a + 1, …, b the index takes, by the facts `index_range` about a and b
    (and the index in no other premise's context, nor in a or b: one name, one object)."""
    known = body_th.context.lookup(var)
    if known is None:
        if index_range:
            raise RuleApplicationError(f"{rule}: the body fact states no range of {var}")
        return body_th.context
    if isinstance(known, IndexRange):  # the values the sum's index takes, as the sum states them
        if known != IndexRange(lo, hi) or index_range or any(
                th.context.lookup(var) is not None for th in others):
            raise SideConditionError(f"{rule}: {var} ranges over {known} in the body fact, not "
                                     f"over the sum's {lo}, ..., {hi} alone")
        return body_th.context.without(var)
    ends = [_expect(th, Member, rule) for th in _genuine(*index_range)]
    if [end.expr for end in ends] != [lo, hi] or var in free_vars(lo) | free_vars(hi) or any(
            th.context.lookup(var) is not None for th in (*index_range, *others)):
        raise SideConditionError(f"{rule}: a range of the index {var} in the body fact "
                                 f"needs facts about its bounds {lo} and {hi}, which mention no "
                                 f"{var}, in contexts where {var} has no range")
    values = index_values_hull(hull(ends[0].set), hull(ends[1].set))
    if values.lo > values.hi or not is_subset(values.as_set(), body_th.context.lookup(var)):
        raise SideConditionError(f"{rule}: {var} takes values in {values.as_set()}, not "
                                 f"all within {body_th.context.lookup(var)}")
    return body_th.context.without(var)


# ------------------------------------------------------------------------------------------------
# monotonicity
_CONTINUOUS_WHERE_DEFINED = (sp.Add, sp.Mul, sp.Pow, sp.Symbol, sp.Number, sp.NumberSymbol,
                             sp.Indexed, sp.IndexedBase, sp.Tuple, *BINDERS,
                             *(head for head, entry in TABLE.items() if entry.continuous))


def _finitely_many_zeros(derivative, var):
    """A rational function of x whose numerator, cancelled, is a polynomial in x with a nonzero
    rational coefficient: whatever the other variables are, that numerator is a nonzero
    polynomial, and the derivative vanishes (where defined) only where it does: at finitely many
    points."""
    try:  # is_polynomial passes a Sum or Abs of x that Poly then refuses
        numerator = sp.fraction(sp.cancel(derivative))[0] \
            if derivative.is_rational_function(var) else None
        polynomial = numerator is not None and numerator.is_polynomial(var)
        coefficients = sp.Poly(numerator, var).all_coeffs() if polynomial else []
    except sp.PolynomialError:
        coefficients = []
    return any(c.is_Rational and c != 0 for c in coefficients)


def increasing_by_derivative(defined_th, derivative_th, var, interval):
    """Γ, x ∈ I ⊢ g(x) ∈ S (g built from functions continuous where defined),  Γ, x ∈ int
    I ⊢ g'(x) > 0 — or g'(x) ≥ 0 where g' is a rational function of x whose numerator has a
    nonzero rational coefficient (zero at finitely many points, so g is constant on no
    subinterval) ⟹  Γ ⊢ x ↦ g strictly increasing on I.  A premise whose context has no
    range for x holds for every real x, so for x in I too. (Mathlib `strictMonoOn_of_deriv_pos`;
    with zeros `monotoneOn_of_deriv_nonneg` and `Polynomial.finite_setOf_isRoot`; Coq
    `derive_increasing_interv`)"""
    g = _expect(defined_th, Member, "increasing_by_derivative").expr
    if not isinstance(interval, sp.Interval) or type(var) is not sp.Symbol:
        raise RuleApplicationError(f"increasing_by_derivative: needs a symbol and an Interval, got "
                                   f"{var}, {interval}")
    for node in sp.preorder_traversal(g):
        indexed = isinstance(node, BINDERS + (sp.Indexed,))
        depends = indexed and any(var in free_vars(a) for a in node.args[1:])
        if not isinstance(node, _CONTINUOUS_WHERE_DEFINED) or is_definition(node) or depends:
            raise SideConditionError(f"increasing_by_derivative: {node} in {g} is not known to be "
                                     f"continuous in {var}")
    derivative = _expect(derivative_th, Member, "increasing_by_derivative").expr
    if derivative != sp.diff(g, var):
        raise RuleApplicationError("increasing_by_derivative: the derivative fact is not about "
                                   f"d/d{var} {g}")
    slope = _range(derivative_th, "increasing_by_derivative")
    if not (slope.is_positive() or (slope.lo >= 0 and _finitely_many_zeros(derivative, var))):
        raise SideConditionError(f"increasing_by_derivative: the derivative {derivative} is not "
                                 "shown positive (nor >= 0 and zero at finitely many points)")
    interior = sp.Interval.open(interval.start, interval.end)
    hull(interval)  # refuses inexact ends
    for th, domain in ((defined_th, interval), (derivative_th, interior)):
        if th.context.lookup(var) not in (domain, None):  # None: proved for every real x
            raise SideConditionError("increasing_by_derivative: a premise is not proved for "
                                     f"{var} in {domain}")
    context = defined_th.context.without(var).merged(derivative_th.context.without(var))
    return _make(context, StrictlyIncreasing(g, var, interval), "increasing_by_derivative",
                 [defined_th, derivative_th],
                 lambda: [f"{g} continuous on {interval}",
                          f"d/d{var} {'>' if slope.is_positive() else '>= (finitely many zeros)'}"
                          f" 0 on {interior}"],
                 discharged=var)


def member_monotone(monotone_th, values_th, at, above=True, bound=None):
    """x ↦ g strictly increasing on I,  Γ ⊢ e ∈ S,  a ∈ I rational,
    S ⊆ I ∩ [a, ∞)  ⟹  Γ ⊢ g(e) ∈ [g(a), ∞), open when S ⊆ (a, ∞);
    `above=False`: S ⊆ I ∩ (−∞, a]  ⟹  g(e) ∈ (−∞, g(a)]
    (g(e) substituted by the kernel, capture-avoiding).  Where g(a) is no rational (e, log 2), a
    rational `bound` b on its side takes its place, shown by exact rational bounds of g(a)
    (`enclosure`): g(e) ≥ g(a) ≥ b, open where g(a) > b.
    (Mathlib `StrictMonoOn.le_iff_le`, `StrictMonoOn.lt_iff_lt`; Coq `Rle_lt_or_eq_dec` on an
    increasing function)"""
    mono = _expect(monotone_th, StrictlyIncreasing, "member_monotone")
    values = _expect(values_th, Member, "member_monotone")
    at = sp.sympify(at)
    side = sp.Interval(at, sp.oo) if above else sp.Interval(-sp.oo, at)
    if not is_exact_rational(at) or not is_subset(sp.FiniteSet(at), mono.interval) or not (
            is_subset(values.set, mono.interval) and is_subset(values.set, side)):
        raise SideConditionError(f"member_monotone: {values.expr} ∈ {values.set} is not within "
                                 f"{mono.interval} on the side of {at} asked")
    value = substitute(mono.func, {mono.var: at})[0]
    composed, written = substitute(mono.func, {mono.var: values.expr})
    if not needs(composed) <= written:
        raise SideConditionError(f"member_monotone: sympy evaluates {mono.func} at "
                                 f"{values.expr} to {composed}")
    strict = is_subset(values.set, sp.Interval.open(at, sp.oo) if above else
                       sp.Interval.open(-sp.oo, at))
    end, ends = value, None
    if not value.is_Rational:
        end = sp.sympify(bound) if bound is not None else None
        ends = enclose(value) if is_exact_rational(end) else None
        b = Fraction(end.p, end.q) if ends else None
        if ends is None or (ends[0] < b if above else ends[1] > b):
            raise SideConditionError(f"member_monotone: {mono.func} at {at} is {value}, not a "
                                     f"rational, and not shown on the side of {bound} asked")
        strict = strict or (ends[0] > b if above else ends[1] < b)
    real_set = (sp.Interval(end, sp.oo, strict, True) if above else
                sp.Interval(-sp.oo, end, True, strict))
    return _make(_merged(monotone_th, values_th), Member(composed, real_set), "member_monotone",
                 [monotone_th, values_th],
                 lambda: [f"{values.expr} on the side of {at} asked"] + (
                     [f"{value} in [{ends[0]}, {ends[1]}]"] if ends else []))


def by_cases(th1, th2, var):
    """Γ, x ∈ A ⊢ J,  Γ, x ∈ B ⊢ J  (the same J, an equation or a membership, which
    holds point by point), A ∪ B one interval or a finite set
    ⟹  Γ, x ∈ A ∪ B ⊢ J (x ∈ ℝ is no assumption: left out).
    (Mathlib `Or.elim` with `Set.mem_union`, `Set.mem_insert_iff`; Coq `Rle_lt_dec` and
    `or_ind`)"""
    first, second = (_expect(th, (Member, Equal), "by_cases") for th in (th1, th2))
    cases = (th1.context.lookup(var), th2.context.lookup(var))
    if first != second or type(var) is not sp.Symbol or None in cases or any(
            isinstance(case, IndexRange) for case in cases):
        raise RuleApplicationError(f"by_cases: two facts alike but for the range of a symbol "
                                   f"{var} are needed, got {first} and {second}")
    finite = all(type(case) is sp.FiniteSet for case in cases)
    # two finite sets joined here, of their elements: sympy's Union is trusted for intervals only
    union = sp.FiniteSet(*cases[0].args, *cases[1].args) if finite else sp.Union(*cases)
    if not finite and not isinstance(union, sp.Interval):
        raise SideConditionError(f"by_cases: {cases[0]} ∪ {cases[1]} is not one interval")
    hull(union)  # refuses inexact ends
    context = th1.context.without(var).merged(th2.context.without(var))
    if union != sp.S.Reals:
        context = context.merged(Context({var: union}))
    return _make(context, first, "by_cases", [th1, th2],
                 lambda: [f"{var} in {cases[0]} or in {cases[1]}"], discharged=var)


def equal_of_singleton(th):
    """Γ ⊢ a ∈ {c}  ⟹  Γ ⊢ a = c.
    (Mathlib `Set.mem_singleton_iff`; Coq `Singleton_inv`)"""
    st = _expect(th, Member, "equal_of_singleton")
    if type(st.set) is not sp.FiniteSet or len(st.set.args) != 1:
        raise SideConditionError(f"equal_of_singleton: {st.set} is not a set of one number")
    return _make(th.context, Equal(st.expr, st.set.args[0]), "equal_of_singleton", [th])


def instantiate(th, var, fact):
    """Γ, x ∈ S ⊢ J(x) (an equation or a membership), Γ ⊢ e ∈ T, T ⊆ S
    ⟹  Γ ⊢ J(e), the substitution capture-avoiding and done here; refused where sympy's
    evaluation of J(e) changes where it is defined.  A symbol x free in J that Γ does not mention
    ranges over S = ℝ.   (Mathlib: a `∀ x ∈ S, J x` applied to e; Coq: the same)"""
    st = _expect(th, (Member, Equal), "instantiate")
    value = _expect(fact, Member, "instantiate")
    known = th.context.lookup(var)
    mentioned = any(var in free_vars(term) for term in st.terms)
    if known is None and type(var) is sp.Symbol and mentioned:
        known = sp.S.Reals
    if type(var) is not sp.Symbol or known is None or isinstance(known, IndexRange) or \
            var in th.context.mentioned() or not is_subset(value.set, known):
        raise RuleApplicationError(f"instantiate: {value.expr} in {value.set} is no value of a "
                                   f"symbol {var} the theorem ranges over")
    terms = []
    for term in st.terms:
        result, written = substitute(term, {var: value.expr})
        if needs(result) != written:
            raise SideConditionError(f"instantiate: sympy evaluates {term} at {var} = {value.expr} "
                                     f"to {result}, which is not defined where the term is")
        terms.append(result)
    statement = Equal(*terms) if isinstance(st, Equal) else Member(terms[0], st.set)
    return _make(th.context.without(var).merged(fact.context), statement, "instantiate",
                 [th, fact], discharged=var)


# ------------------------------------------------------------------------------------------------
# optimizers
_FLIP = {"max": "min", "min": "max"}


def _over(over, *constants, rule, sense="max"):
    """The optimized quantities, checked: the constants must not depend on them, the sense must be
    max or min."""
    if sense not in _FLIP:
        raise RuleApplicationError(f"sense must be 'max' or 'min', not {sense!r}")
    if not over:
        raise RuleApplicationError(f"{rule}: 'over' must list symbols, IndexedBases or undefined "
                                   "functions")
    try:
        over = tuple(_context_key(v) for v in over)
    except UnsupportedError as error:
        raise RuleApplicationError(f"{rule}: {error}") from None
    for c in constants:
        if any(mentions(c, v) for v in over):
            raise SideConditionError(f"{rule}: {c} depends on the optimized quantities "
                                     f"{', '.join(map(str, over))}")
    return over


def transfer_increasing(monotone_th, values_th, over, sense="max"):
    """g strictly increasing on I, Γ ⊢ f ∈ S ⊆ I  ⟹  arg f = arg g∘f (same sense; g∘f
    substituted by the kernel, capture-avoiding).   (Mathlib `StrictMonoOn.le_iff_le`; Coq
    `ln_increasing` for g = log)"""
    mono = _expect(monotone_th, StrictlyIncreasing, "transfer")
    values = _expect(values_th, Member, "transfer")
    if not is_subset(values.set, mono.interval):
        raise SideConditionError(f"transfer: the values {values.set} of {values.expr} are not "
                                 f"inside {mono.interval}")
    over = _over(over, rule="transfer", sense=sense)
    if any(v != mono.var and mentions(mono.func, v) for v in over):
        raise SideConditionError(f"transfer: {mono.func} depends on the optimized quantities")
    composed, written = substitute(mono.func, {mono.var: values.expr})
    if not needs(composed) <= written:
        raise SideConditionError(f"transfer: sympy evaluates {mono.func} at {values.expr} to "
                                 f"{composed}, which is not defined where the composition is")
    statement = SameOptimizers(values.expr, sense, composed, sense, over)
    return _make(_merged(monotone_th, values_th), statement, "transfer_increasing",
                 [monotone_th, values_th], lambda: [f"{values.expr} in {mono.interval}"])


def evaluation_changes(before, after, known=()):
    """The conditions (expr, Need, scope) on which `after` — what sympy built from `before` and
    the terms `known`, which are shown defined — differs from `before` in where it is defined
    (0·log y → 0 drops 'y positive')."""
    shown = frozenset().union(*map(needs, known))
    return (needs(before) | shown) ^ (needs(after) | shown)


def _objective_changes(f, changed, known, facts, rule):
    """The facts of `facts` for the conditions on which sympy's evaluation of the objective
    `changed`, built from f, changes where f is defined (`evaluation_changes`)."""
    return _facts_for(evaluation_changes(f, changed, known), facts, rule,
                      lambda: f"sympy evaluates the objective to {changed}, changing")


def negate_objective(context, f, over, sense="max", facts=()):
    """⊢ argmax f = argmin (−f), and argmin f = argmax (−f); `facts` show what sympy's
    evaluation of −f changes.   (Mathlib `neg_le_neg_iff`; Coq `Ropp_le_contravar`)"""
    over, f = _over(over, rule="negate", sense=sense), check_well_formed(f)
    used = _objective_changes(f, -f, (), facts, "negate_objective")
    statement = SameOptimizers(f, sense, -f, _FLIP[sense], over)
    return _make(context.merged(*(u.context for u in used)), statement, "negate_objective", used)


def scale_positive(scale_th, f, over, sense="min", facts=()):
    """Γ ⊢ c > 0, c free of θ  ⟹  arg f = arg c·f; `facts` show what sympy's evaluation of
    c·f changes.   (Mathlib `mul_le_mul_left`; Coq `Rmult_le_compat_l`)"""
    c = _positive(scale_th, "scale_positive", "factor")
    over = _over(over, c, rule="scale_positive", sense=sense)
    scaled = check_well_formed(c * f)  # before it is printed: c·0/0 is nan, which sympy cannot
    used = _objective_changes(check_well_formed(f), scaled, [c], facts, "scale_positive")
    return _make(_merged(scale_th, *used), SameOptimizers(f, sense, scaled, sense, over),
                 "scale_positive", [scale_th, *used],
                 lambda: [f"{c} > 0", f"{c} free of {', '.join(map(str, over))}"])


def shift_constant(shift_th, f, over, sense="min", facts=()):
    """Γ ⊢ d ∈ S ⊆ ℝ, d free of θ  ⟹  arg (f + d) = arg f; `facts` show what sympy's
    evaluation of f + d changes.   (Mathlib `add_le_add_iff_right`; Coq `Rplus_le_compat_r`)"""
    d = _expect(shift_th, Member, "shift_constant").expr
    over = _over(over, d, rule="shift_constant", sense=sense)
    shifted = check_well_formed(f + d)  # before it is printed, as in scale_positive
    used = _objective_changes(check_well_formed(f), shifted, [d], facts, "shift_constant")
    return _make(_merged(shift_th, *used), SameOptimizers(shifted, sense, f, sense, over),
                 "shift_constant", [shift_th, *used],
                 lambda: [f"{d} real", f"{d} free of {', '.join(map(str, over))}"])


def optimizers_of_equal(eq_th, over, sense="max"):
    """Γ ⊢ f = g  ⟹  arg f = arg g (pointwise-equal objectives).   (Lean `congrArg`; Coq
    `f_equal`)"""
    st = _expect(eq_th, Equal, "optimizers_of_equal")
    over = _over(over, rule="equal", sense=sense)
    statement = SameOptimizers(st.lhs, sense, st.rhs, sense, over)
    return _make(eq_th.context, statement, "optimizers_of_equal", [eq_th])


def optimizers_symm(th):
    """arg_s f = arg_t g  ⟹  arg_t g = arg_s f (an equality of sets).   (Mathlib `Eq.symm`; Coq
    `eq_sym`)"""
    s = _expect(th, SameOptimizers, "optimizers_symm")
    statement = SameOptimizers(s.g, s.sense_g, s.f, s.sense_f, s.over)
    return _make(th.context, statement, "optimizers_symm", [th])


def optimizers_trans(th1, th2):
    """arg_s f = arg_t g, arg_t g = arg_u h  ⟹  arg_s f = arg_u h.   (Mathlib `Eq.trans`)"""
    s1 = _expect(th1, SameOptimizers, "optimizers_trans")
    s2 = _expect(th2, SameOptimizers, "optimizers_trans")
    if (s1.g, s1.sense_g, s1.over) != (s2.f, s2.sense_f, s2.over):
        raise RuleApplicationError(f"optimizers_trans: arg{s1.sense_g} {s1.g} and "
                                   f"arg{s2.sense_f} {s2.f} "
                                   "differ")
    statement = SameOptimizers(s1.f, s1.sense_f, s2.g, s2.sense_g, s1.over)
    return _make(_merged(th1, th2), statement, "optimizers_trans", [th1, th2])
