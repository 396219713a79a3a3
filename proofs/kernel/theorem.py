"""Theorems and the primitive rules — the only code that can create a `Theorem` (trusted code).

Imports sympy, `proofs.errors` and the kernel's language.  Each rule checks its premises and side conditions
right here and raises otherwise (never with ``assert``, which ``python -O`` strips).  sympy is trusted for
building terms, for its assumptions on single symbols, for `diff`, and — the one equational step — for the
rational-function arithmetic in `ring`.
"""

import functools
import weakref

import sympy as sp
from sympy.core.function import AppliedUndef

from ..errors import ForgeryError, RuleApplicationError, SideConditionError, UnsupportedError
from .language import (BINDERS, POSITIVE, REALS, Defined, Equal, Hull, Member, SameOptimizers, StrictlyIncreasing,
                       add_hulls, binder_limits, check_well_formed, free_vars, hull, is_subset, log_hull, mentions,
                       mul_hulls, pow_hull)

_TOKEN = object()
_GENUINE = weakref.WeakSet()


class Theorem:
    """A judgement proved by a kernel rule; its premises make it a proof tree.  No public constructor."""

    __slots__ = ("context", "statement", "rule", "premises", "_side", "__weakref__")

    def __init__(self, token, context, statement, rule, premises=(), side=()):
        if token is not _TOKEN:
            raise ForgeryError("a Theorem can only be created by a kernel rule")
        for name, value in zip(self.__slots__, (context, statement, rule, tuple(premises), side)):
            object.__setattr__(self, name, value)
        _GENUINE.add(self)

    @property
    def side_conditions(self):  # written out when read: printing terms is slow, and few are ever read
        return tuple(self._side() if callable(self._side) else self._side)

    def __setattr__(self, *_):
        raise ForgeryError("theorems are immutable")

    __delattr__ = __setattr__

    def __repr__(self):
        return f"<Theorem [{self.rule}] {self.statement}>"


def _genuine(*theorems):
    for th in theorems:
        if not isinstance(th, Theorem) or th not in _GENUINE:
            raise ForgeryError(f"a premise of type {type(th).__name__} is not a theorem produced by the kernel")
    return theorems


def _make(context, statement, rule, premises=(), side=()):
    for th in _genuine(*premises):
        if not context.includes(th.context):
            raise SideConditionError(f"{rule}: premise {th.statement} needs assumptions not in {context}")
    return Theorem(_TOKEN, context, statement, rule, premises, side)


def _merged(*theorems):
    return _genuine(*theorems)[0].context.merged(*(th.context for th in theorems[1:]))


def _expect(th, kind, rule):
    if not isinstance(_genuine(th)[0].statement, kind):
        raise RuleApplicationError(f"{rule}: expected a {kind.__name__} premise, got {th.statement}")
    return th.statement


def _range(th, rule):
    return hull(_expect(th, Member, rule).set)


def _positive(th, rule, what):
    """The expression of a Member premise whose set lies in (0, ∞); SideConditionError otherwise."""
    if not _range(th, rule).is_positive():
        raise SideConditionError(f"{rule}: the {what} {th.statement.expr} is not shown positive")
    return th.statement.expr


def _binder_ok(context, var, lo, hi, rule):
    """A fact proved for a free index i holds at every index the binder visits only if i's own domain allows it."""
    if context.lookup(var) is not None or var.is_integer is False or var.is_nonpositive:
        raise SideConditionError(f"{rule}: the bound index {var} is constrained so that it cannot run over {lo}..{hi}")
    low = 1 if var.is_positive else 0 if var.is_nonnegative else None
    count, known = sp.expand(hi - lo + 1), context.lookup(sp.expand(hi - lo + 1))
    if low is not None and not (lo.is_Integer and lo >= low and (
            count.is_nonnegative or (known is not None and hull(known).lo >= 0))):
        raise SideConditionError(f"{rule}: index {var} is declared >= {low}, so {lo}..{hi} must start there")


# ------------------------------------------------------------------------------------------------ equality
def refl(context, expr):
    """⊢ e = e.   (Mathlib `Eq.refl`; Coq `eq_refl`)"""
    return _make(context, Equal(check_well_formed(expr), check_well_formed(expr)), "refl")


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
    """a = b ⊢ C[a] = C[b], every occurrence; under a binder over i only where i's domain covers the range; where
    sympy's own simplification of C[b] drops a point of undefinedness (x/x → 1), a fact must show it cannot occur.
    (Mathlib `congrArg`; Coq `f_equal`)"""
    st = _expect(th, Equal, "congruence")
    captured = free_vars(st.lhs) | free_vars(st.rhs)
    written = set()  # where C[b] as written (before sympy simplifies it) may be undefined

    def rewrite(expr, bound):  # bound: the binders above expr
        if expr == st.lhs:
            for var, lo, hi in [limits for limits in bound if limits[0] in captured]:
                _binder_ok(th.context, var, lo, hi, "congruence")
            written.update(_partial_parts(st.rhs))
            return st.rhs
        if isinstance(expr, BINDERS):
            var, lo, hi = binder_limits(expr)
            args = (rewrite(expr.function, bound + [(var, lo, hi)]),
                    sp.Tuple(var, rewrite(lo, bound), rewrite(hi, bound)))
        else:  # a leaf (a definition too: its body is not looked into) has no arguments and stays as it is
            args = tuple(rewrite(arg, bound) for arg in expr.args)
        if args == expr.args:  # untouched: kept as written, so sympy simplifies nothing here
            written.update(_partial_parts(expr))
            return expr
        written.update(_head_needs(expr.func, args))  # what the rebuilt head needs of its new arguments
        return expr.func(*args)

    result = rewrite(target := check_well_formed(target), [])
    positive = {f.statement.expr: f for f in _genuine(*facts) if _range(f, "congruence").is_positive()}
    for expr, kind in written - _partial_parts(result):  # sympy cancels x/x to 1 even where x = 0
        if not (expr.is_positive if kind == "positive" else expr.is_nonzero) and expr not in positive:
            raise SideConditionError(f"congruence: sympy simplifies {target} to {result}, dropping '{expr} {kind}'")
    return _make(_merged(th, *positive.values()), Equal(target, result), "congruence", [th, *positive.values()])


def _head_needs(head, args):
    """What head(*args) needs of its arguments as written: a log's argument positive; a power's base nonzero
    (negative integer exponent) or positive (other non-integer exponents)."""
    power = issubclass(head, sp.Pow) and not (args[1].is_Integer and args[1] >= 0)
    kind = "nonzero" if power and args[1].is_Integer else "positive"
    return {(args[0], kind)} if power or issubclass(head, sp.log) else set()


@functools.lru_cache(maxsize=8192)
def _partial_parts(expr):
    """Where expr may be undefined: `_head_needs` of every node; memoized per subterm (a pure function of the
    term), so a congruence only looks at the nodes it rebuilt.  A definition is a leaf: its body is not looked into."""
    return frozenset(_head_needs(expr.func, expr.args)).union(*map(_partial_parts, expr.args))


def unfold(context, constant):
    """⊢ c = body for a defined constant c := body.   (Lean `rfl`/`unfold`; Coq `unfold`)"""
    if not isinstance(constant, Defined):
        raise RuleApplicationError(f"unfold: {constant} is not a defined constant")
    return _make(context, Equal(constant, constant.body), "unfold")


_POLYNOMIAL = (sp.Symbol, sp.Indexed, sp.IndexedBase, sp.Number, sp.NumberSymbol, sp.core.numbers.ImaginaryUnit,
               AppliedUndef, sp.Add, sp.Mul, sp.Tuple)


@functools.lru_cache(maxsize=1024)
def ring_needs(lhs, rhs):
    """(remainder of lhs − rhs as a rational function of its atoms, [(expr, 'positive'|'nonzero'|'defined')])."""
    atoms, needs = {}, []

    def total(expr):  # polynomials (and finite sums of them) in plain symbols and undefined functions
        return all((isinstance(node, _POLYNOMIAL + (sp.Sum,)) and not isinstance(node, Defined)) or (
            isinstance(node, sp.Pow) and node.exp.is_Integer and node.exp >= 0) for node in sp.preorder_traversal(expr))

    def atomize(expr):
        if isinstance(expr, _POLYNOMIAL) and not isinstance(expr, (Defined, AppliedUndef, sp.Add, sp.Mul)):
            return expr
        if isinstance(expr, (sp.Add, sp.Mul)):
            return expr.func(*map(atomize, expr.args))
        needs.extend(_head_needs(expr.func, expr.args))  # what congruence asks too: log argument, power base
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
            return atomize(expr.base) ** expr.exp
        if isinstance(expr, sp.Pow) and not total(expr.exp):
            needs.append((expr.exp, "defined"))
        elif isinstance(expr, AppliedUndef):
            needs.extend((arg, "defined") for arg in expr.args if not total(arg))
        elif not (isinstance(expr, (sp.Pow, sp.log)) or (isinstance(expr, sp.Sum) and total(expr))):
            needs.append((expr, "defined"))
        return atoms.setdefault(expr, sp.Dummy())  # a Dummy never clashes with a user's symbol

    difference = atomize(check_well_formed(lhs)) - atomize(check_well_formed(rhs))  # expand decides polynomials
    return (sp.S.Zero if sp.expand(difference) == 0 else sp.cancel(difference)), tuple(dict.fromkeys(needs))


def ring(context, lhs, rhs, facts=()):
    """Γ ⊢ each atom defined  ⟹  Γ ⊢ lhs = rhs, when lhs − rhs cancels to 0 as a rational function of its atoms
    (logs, non-integer powers, sums, products, definitions, other functions): log arguments and power bases shown
    positive, denominators nonzero, other atoms in some set.  The one equational step trusted to sympy
    (`expand`, which decides polynomials, else `cancel`).
    (Mathlib tactics `ring`, `field_simp`; Coq tactics `ring`, `field`)"""
    difference, needs = ring_needs(lhs, rhs)
    if difference != 0:
        raise SideConditionError(f"ring: {lhs} - ({rhs}) does not cancel to 0 (remainder {difference})")
    used = []
    for expr, kind in needs:
        fact = next((f for f in _genuine(*facts) if isinstance(f.statement, Member) and f.statement.expr == expr and (
            kind == "defined" or hull(f.statement.set).is_positive() or (
                kind == "nonzero" and hull(f.statement.set).is_negative()))), None)
        if fact is None:
            raise SideConditionError(f"ring: needs {expr} {kind} (a Member fact), which was not supplied")
        used.append(fact)
    return _make(context, Equal(sp.sympify(lhs), sp.sympify(rhs)), "ring", list(dict.fromkeys(used)),
                 lambda: [f"{expr} {kind}" for expr, kind in needs])


# ------------------------------------------------------------------------------------------------ logs and sums
def log_of_product(factor_positive, product):
    """Γ ⊢ f(i) > 0 (i free)  ⟹  Γ ⊢ log ∏_{i=a}^{b} f(i) = Σ_{i=a}^{b} log f(i).
    (Mathlib `Real.log_prod`; Coq: induction on `ln_mult`)"""
    if not isinstance(product, sp.Product):
        raise RuleApplicationError(f"log_of_product: {product} is not a Product")
    var, lo, hi = binder_limits(check_well_formed(product))
    if _positive(factor_positive, "log_of_product", "factor") != product.function:
        raise RuleApplicationError(f"log_of_product: the positivity fact is not about {product.function}")
    _binder_ok(factor_positive.context, var, lo, hi, "log_of_product")
    return _make(factor_positive.context, Equal(sp.log(product), sp.Sum(sp.log(product.function), (var, lo, hi))),
                 "log_of_product", [factor_positive], lambda: [f"{product.function} > 0 for every {var}"])


def log_of_mul(*factors_positive):
    """Γ ⊢ a > 0, Γ ⊢ b > 0, …  ⟹  Γ ⊢ log(a·b·…) = log a + log b + ….   (Mathlib `Real.log_mul`; Coq `ln_mult`)"""
    exprs = [_positive(th, "log_of_mul", "factor") for th in factors_positive]
    return _make(_merged(*factors_positive), Equal(sp.log(sp.Mul(*exprs)), sp.Add(*map(sp.log, exprs))),
                 "log_of_mul", factors_positive, lambda: [f"{e} > 0" for e in exprs])


def log_of_pow(base_positive, exponent_real):
    """Γ ⊢ a > 0, Γ ⊢ b ∈ S ⊆ ℝ  ⟹  Γ ⊢ log(a^b) = b·log a.   (Mathlib `Real.log_rpow`; Coq `ln_exp` via `Rpower`)"""
    a, b = _positive(base_positive, "log_of_pow", "base"), _expect(exponent_real, Member, "log_of_pow").expr  # real
    return _make(_merged(base_positive, exponent_real), Equal(sp.log(a ** b), b * sp.log(a)), "log_of_pow",
                 [base_positive, exponent_real], lambda: [f"{a} > 0", f"{b} real"])


def sum_split(context, total):
    """⊢ Σ_i (a_i + b_i + …) = Σ_i a_i + Σ_i b_i + ….   (Mathlib `Finset.sum_add_distrib`; Coq `sum_plus`)"""
    if not isinstance(total, sp.Sum) or not isinstance(total.function, sp.Add):
        raise RuleApplicationError(f"sum_split: {total} is not a sum over a sum of terms")
    limits = binder_limits(check_well_formed(total))
    return _make(context, Equal(total, sp.Add(*(sp.Sum(t, limits) for t in total.function.args))), "sum_split")


def sum_factor(context, total, factor_defined=None):
    """Γ ⊢ c ∈ S, i not free in c  ⟹  Γ ⊢ Σ_i c·a_i = c·Σ_i a_i (c rational needs no fact).
    (Mathlib `Finset.mul_sum`; Coq `scal_sum`)"""
    if not isinstance(total, sp.Sum):
        raise RuleApplicationError(f"sum_factor: {total} is not a Sum")
    var, lo, hi = binder_limits(check_well_formed(total))
    factor, rest = total.function.as_independent(var, as_Add=False)
    if factor == 1 or var in free_vars(factor):
        raise RuleApplicationError(f"sum_factor: no factor of {total.function} is free of {var}")
    premises = [] if factor.is_Rational else [factor_defined]
    if premises and (factor_defined is None or _expect(factor_defined, Member, "sum_factor").expr != factor):
        raise SideConditionError(f"sum_factor: the factor {factor} must be shown defined (a Member fact)")
    return _make(context.merged(*(p.context for p in premises)), Equal(total, factor * sp.Sum(rest, (var, lo, hi))),
                 "sum_factor", premises, lambda: [f"{var} not free in {factor}"])


def sum_ones(count_th, total):
    """Γ ⊢ b − a + 1 ∈ C ⊆ [0, ∞)  ⟹  Γ ⊢ Σ_{i=a}^{b} 1 = b − a + 1: a sum of ones counts its terms.
    (Mathlib `Finset.sum_const`, `Nat.card_Icc`; Coq `sum_cte`)"""
    if not isinstance(total, sp.Sum) or total.function != 1:
        raise RuleApplicationError(f"sum_ones: {total} is not a sum of ones")
    _, lo, hi = binder_limits(check_well_formed(total))
    count = sp.expand(hi - lo + 1)
    if _expect(count_th, Member, "sum_ones").expr != count or not _range(count_th, "sum_ones").lo >= 0:
        raise SideConditionError(f"sum_ones: needs a fact that the count {count} is at least 0")
    return _make(count_th.context, Equal(total, count), "sum_ones", [count_th])


def rename_index(context, binder, new_var):
    """⊢ Σ_i f(i) = Σ_j f(j) (also ∏) when j is not free in f: alpha-conversion.   (definitional in Lean and Coq)"""
    if not isinstance(binder, BINDERS) or not isinstance(new_var, sp.Symbol) or isinstance(new_var, Defined):
        raise RuleApplicationError(f"rename_index: cannot rename the index of {binder} to {new_var}")
    var, lo, hi = binder_limits(check_well_formed(binder))
    if new_var != var and new_var in free_vars(binder.function):
        raise SideConditionError(f"rename_index: {new_var} is free in {binder.function} and would be captured")
    renamed = binder.func(binder.function.xreplace({var: new_var}), (new_var, lo, hi))
    return _make(context, Equal(binder, renamed), "rename_index")


# ------------------------------------------------------------------------------------------------ membership
_ASSUMED = (("positive", sp.Interval.open(0, sp.oo), sp.S.Naturals), ("nonnegative", sp.Interval(0, sp.oo),
            sp.S.Naturals0), ("negative", sp.Interval.open(-sp.oo, 0), None),
            ("nonpositive", sp.Interval(-sp.oo, 0), None), ("real", sp.S.Reals, None))


def member_context(context, atom):
    """x ∈ S in Γ ⊢ x ∈ S;  ⊢ c ∈ {c} for a rational c;  a sympy assumption on a symbol counts as an entry."""
    atom = sp.sympify(atom)
    if atom.is_Rational:
        return _make(context, Member(atom, sp.FiniteSet(atom)), "number")
    if (known := context.lookup(atom)) is not None:
        return _make(context, Member(atom, known), "assumption", side=lambda: [f"{atom} in {known}"])
    for flag, real_set, integer_set in _ASSUMED if isinstance(atom, (sp.Symbol, sp.Indexed, sp.NumberSymbol)) else ():
        if getattr(atom, f"is_{flag}") and not isinstance(atom, Defined):
            chosen = integer_set if atom.is_integer and integer_set is not None else real_set
            return _make(context, Member(atom, chosen), "assumption",
                         side=lambda: [f"{atom} is {flag} (sympy assumption)"])
    raise SideConditionError(f"nothing is known about {atom}: give its range in where= or as a sympy assumption")


def member_widen(th, bigger):
    """Γ ⊢ e ∈ S, S ⊆ T (decided here)  ⟹  Γ ⊢ e ∈ T.   (Mathlib `Set.mem_of_subset_of_mem`)"""
    st = _expect(th, Member, "member_widen")
    if not is_subset(st.set, bigger):
        raise SideConditionError(f"member_widen: {st.set} is not a subset of {bigger}")
    return _make(th.context, Member(st.expr, bigger), "member_widen", [th], lambda: [f"{st.set} ⊆ {bigger}"])


def member_of_equal(eq_th, member_th):
    """Γ ⊢ a = b, Γ ⊢ b ∈ S  ⟹  Γ ⊢ a ∈ S.   (Mathlib `Eq.subst`; Coq `eq_ind`)"""
    eq, member = _expect(eq_th, Equal, "member_of_equal"), _expect(member_th, Member, "member_of_equal")
    if eq.rhs != member.expr:
        raise RuleApplicationError(f"member_of_equal: {eq.rhs} and {member.expr} differ")
    return _make(_merged(eq_th, member_th), Member(eq.lhs, member.set), "member_of_equal", [eq_th, member_th])


def _ranged(rule, expr, h, premises):
    return _make(_merged(*premises), Member(expr, h.as_set()), rule, premises)


def member_add(th1, th2):
    """Γ ⊢ a ∈ I, Γ ⊢ b ∈ J  ⟹  Γ ⊢ a + b ∈ I + J.   (Mathlib `add_lt_add`; Coq `Rplus_lt_compat`)"""
    h = add_hulls(_range(th1, "member_add"), _range(th2, "member_add"))
    return _ranged("member_add", th1.statement.expr + th2.statement.expr, h, [th1, th2])


def member_mul(th1, th2):
    """Γ ⊢ a ∈ I, Γ ⊢ b ∈ J  ⟹  Γ ⊢ a·b ∈ I·J.   (Mathlib `mul_pos`; Coq `Rmult_lt_0_compat`)"""
    h = mul_hulls(_range(th1, "member_mul"), _range(th2, "member_mul"))
    return _ranged("member_mul", th1.statement.expr * th2.statement.expr, h, [th1, th2])


def member_pow(base_th, exponent_th):
    """Γ ⊢ a > 0, Γ ⊢ b ∈ ℝ  ⟹  Γ ⊢ a^b > 0; integer powers keep bounds.
    (Mathlib `Real.rpow_pos_of_pos`; Coq `exp_pos` via `Rpower`)"""
    exponent = _expect(exponent_th, Member, "member_pow").expr
    h = pow_hull(_range(base_th, "member_pow"), exponent)
    if h is None:
        raise SideConditionError(f"member_pow: ({base_th.statement.expr})**({exponent}) may be undefined: the base "
                                 f"is only known to lie in {base_th.statement.set}")
    return _ranged("member_pow", base_th.statement.expr ** exponent, h, [base_th, exponent_th])


def member_log(th):
    """Γ ⊢ a ∈ I ⊆ (0, ∞)  ⟹  Γ ⊢ log a ∈ log I.   (Mathlib `Real.log_neg`, `Real.log_pos`; Coq `ln_lt_0`)"""
    argument = _positive(th, "member_log", "argument")
    return _ranged("member_log", sp.log(argument), log_hull(_range(th, "member_log")), [th])


def member_exp(th):
    """Γ ⊢ a ∈ S ⊆ ℝ  ⟹  Γ ⊢ exp a > 0.   (Mathlib `Real.exp_pos`; Coq `exp_pos`)"""
    return _ranged("member_exp", sp.exp(_expect(th, Member, "member_exp").expr), POSITIVE, [th])  # a Member is real


def log_of_exp(th):
    """Γ ⊢ a ∈ S ⊆ ℝ  ⟹  Γ ⊢ log(exp a) = a.   (Mathlib `Real.log_exp`; Coq `ln_exp`)"""
    a = _expect(th, Member, "log_of_exp").expr
    return _make(th.context, Equal(sp.log(sp.exp(a)), a), "log_of_exp", [th], lambda: [f"{a} real"])


def member_binder(body_th, binder, count_th):
    """Γ ⊢ f(i) ∈ I (i free), Γ ⊢ b − a + 1 ∈ C  ⟹  Σ_{i=a}^{b} f(i) ∈ ℝ (> 0 if I > 0, C ≥ 1; ≥ 0 if I ≥ 0,
    C ≥ 0; ≤ 0 if I ≤ 0, C ≥ 0) and ∏ f(i) > 0 if I > 0.   (Mathlib `Finset.sum_pos`, `Finset.prod_pos`)"""
    if not isinstance(binder, BINDERS) or _expect(body_th, Member, "member_binder").expr != binder.function:
        raise RuleApplicationError(f"member_binder: the body fact does not match {binder}")
    var, lo, hi = binder_limits(check_well_formed(binder))
    _binder_ok(body_th.context, var, lo, hi, "member_binder")
    if _expect(count_th, Member, "member_binder").expr != sp.expand(hi - lo + 1):
        raise RuleApplicationError(f"member_binder: the count fact must be about {sp.expand(hi - lo + 1)}")
    body, count = _range(body_th, "member_binder"), _range(count_th, "member_binder")
    if isinstance(binder, sp.Product) and not body.is_positive():
        raise SideConditionError(f"member_binder: the factor {binder.function} is not shown positive")
    h = POSITIVE if isinstance(binder, sp.Product) or (body.is_positive() and count.lo >= 1) else \
        Hull(0, sp.oo, False, True) if body.lo >= 0 and count.lo >= 0 else \
        Hull(-sp.oo, 0, True, False) if body.hi <= 0 and count.lo >= 0 else REALS
    return _ranged("member_binder", binder, h, [body_th, count_th])


# ------------------------------------------------------------------------------------------------ monotonicity
_CONTINUOUS_WHERE_DEFINED = (sp.Add, sp.Mul, sp.Pow, sp.log, sp.exp, sp.Symbol, sp.Number, sp.NumberSymbol, sp.Indexed,
                             sp.IndexedBase, sp.Tuple) + BINDERS


def increasing_by_derivative(defined_th, derivative_th, var, interval):
    """Γ, x ∈ I ⊢ g(x) ∈ S (g built from functions continuous where defined),  Γ, x ∈ int I ⊢ g'(x) > 0
    ⟹  Γ ⊢ x ↦ g strictly increasing on I.   (Mathlib `strictMonoOn_of_deriv_pos`; Coq `derive_increasing_interv`)"""
    g = _expect(defined_th, Member, "increasing_by_derivative").expr
    if not isinstance(interval, sp.Interval) or not isinstance(var, sp.Symbol) or isinstance(var, Defined):
        raise RuleApplicationError(f"increasing_by_derivative: needs a symbol and an Interval, got {var}, {interval}")
    if var.assumptions0 not in ({"commutative": True}, {}):
        raise SideConditionError(f"increasing_by_derivative: {var} carries sympy assumptions; use a plain symbol")
    for node in sp.preorder_traversal(g):
        if not isinstance(node, _CONTINUOUS_WHERE_DEFINED) or isinstance(node, Defined) or (
                isinstance(node, BINDERS + (sp.Indexed,)) and any(var in free_vars(a) for a in node.args[1:])):
            raise SideConditionError(f"increasing_by_derivative: {node} in {g} is not known to be continuous in {var}")
    if _expect(derivative_th, Member, "increasing_by_derivative").expr != sp.diff(g, var):
        raise RuleApplicationError(f"increasing_by_derivative: the derivative fact is not about d/d{var} {g}")
    _positive(derivative_th, "increasing_by_derivative", "derivative")
    interior, _ = sp.Interval.open(interval.start, interval.end), hull(interval)  # hull refuses inexact ends
    for th, domain in ((defined_th, interval), (derivative_th, interior)):
        if th.context.lookup(var) != domain:
            raise SideConditionError(f"increasing_by_derivative: a premise is not proved for {var} in {domain}")
    context = defined_th.context.without(var).merged(derivative_th.context.without(var))
    return Theorem(_TOKEN, context, StrictlyIncreasing(g, var, interval), "increasing_by_derivative", _genuine(
        defined_th, derivative_th), lambda: [f"{g} continuous on {interval}", f"d/d{var} > 0 on {interior}"])


# ------------------------------------------------------------------------------------------------ optimizers
_FLIP = {"max": "min", "min": "max"}


def _over(over, *constants, rule, sense="max"):
    """The optimized quantities, checked: the constants must not depend on them, the sense must be max or min."""
    if sense not in _FLIP:
        raise RuleApplicationError(f"sense must be 'max' or 'min', not {sense!r}")
    if not over or not all(isinstance(v, (sp.Symbol, sp.IndexedBase)) or callable(v) for v in over):
        raise RuleApplicationError(f"{rule}: 'over' must list symbols, IndexedBases or undefined functions")
    for c in constants:
        if any(mentions(c, v) for v in over):
            raise SideConditionError(f"{rule}: {c} depends on the optimized quantities {', '.join(map(str, over))}")
    return tuple(over)


def transfer_increasing(monotone_th, values_th, over, sense="max"):
    """g strictly increasing on I, Γ ⊢ f ∈ S ⊆ I  ⟹  arg f = arg g∘f (same sense).
    (Mathlib `StrictMonoOn.le_iff_le`; Coq `ln_increasing` for g = log)"""
    mono, values = _expect(monotone_th, StrictlyIncreasing, "transfer"), _expect(values_th, Member, "transfer")
    if not is_subset(values.set, mono.interval):
        raise SideConditionError(f"transfer: the values {values.set} of {values.expr} are not inside {mono.interval}")
    over = _over(over, mono.func.xreplace({mono.var: sp.Dummy()}), rule="transfer", sense=sense)
    statement = SameOptimizers(values.expr, sense, mono.func.xreplace({mono.var: values.expr}), sense, over)
    return _make(_merged(monotone_th, values_th), statement, "transfer_increasing", [monotone_th, values_th],
                 lambda: [f"{values.expr} in {mono.interval}"])


def negate_objective(context, f, over, sense="max"):
    """⊢ argmax f = argmin (−f), and argmin f = argmax (−f).   (Mathlib `neg_le_neg_iff`; Coq `Ropp_le_contravar`)"""
    over, f = _over(over, rule="negate", sense=sense), check_well_formed(f)
    return _make(context, SameOptimizers(f, sense, -f, _FLIP[sense], over), "negate_objective")


def scale_positive(scale_th, f, over, sense="min"):
    """Γ ⊢ c > 0, c free of θ  ⟹  arg f = arg c·f.   (Mathlib `mul_le_mul_left`; Coq `Rmult_le_compat_l`)"""
    c = _positive(scale_th, "scale_positive", "factor")
    over = _over(over, c, rule="scale_positive", sense=sense)
    return _make(scale_th.context, SameOptimizers(f, sense, c * f, sense, over), "scale_positive",
                 [scale_th], lambda: [f"{c} > 0", f"{c} free of {', '.join(map(str, over))}"])


def shift_constant(shift_th, f, over, sense="min"):
    """Γ ⊢ d ∈ S ⊆ ℝ, d free of θ  ⟹  arg (f + d) = arg f.
    (Mathlib `add_le_add_iff_right`; Coq `Rplus_le_compat_r`)"""
    d = _expect(shift_th, Member, "shift_constant").expr
    over = _over(over, d, rule="shift_constant", sense=sense)
    return _make(shift_th.context, SameOptimizers(f + d, sense, f, sense, over), "shift_constant",
                 [shift_th], lambda: [f"{d} real", f"{d} free of {', '.join(map(str, over))}"])


def optimizers_of_equal(eq_th, over, sense="max"):
    """Γ ⊢ f = g  ⟹  arg f = arg g (pointwise-equal objectives).   (Lean `congrArg`; Coq `f_equal`)"""
    st = _expect(eq_th, Equal, "optimizers_of_equal")
    return _make(eq_th.context, SameOptimizers(st.lhs, sense, st.rhs, sense, _over(over, rule="equal", sense=sense)),
                 "optimizers_of_equal", [eq_th])


def optimizers_trans(th1, th2):
    """arg_s f = arg_t g, arg_t g = arg_u h  ⟹  arg_s f = arg_u h.   (Mathlib `Eq.trans`)"""
    s1, s2 = _expect(th1, SameOptimizers, "optimizers_trans"), _expect(th2, SameOptimizers, "optimizers_trans")
    if (s1.g, s1.sense_g, s1.over) != (s2.f, s2.sense_f, s2.over):
        raise RuleApplicationError(f"optimizers_trans: arg{s1.sense_g} {s1.g} and arg{s2.sense_f} {s2.f} differ")
    return _make(_merged(th1, th2), SameOptimizers(s1.f, s1.sense_f, s2.g, s2.sense_g, s1.over), "optimizers_trans",
                 [th1, th2])

