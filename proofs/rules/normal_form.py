"""Normal forms for equality: expand logs of positive products and powers, split finite sums, pull
constant factors out of sums, multiply out — each step a kernel theorem (imports the kernel and
positivity only).

``normalize(Γ, e)`` returns ``Γ ⊢ e = N(e)``; two expressions are proved equal when their normal
forms agree up to the kernel's ring rule.  A log that cannot be expanded (a factor not shown
positive) stays an atom, and the reason is kept in ``notes`` so that a refusal can say why.
"""

import functools
import itertools
import math

import sympy as sp

from ..errors import ProofError, SideConditionError
from ..kernel import Defined, Equal, Need, Theorem, free_vars, hull, needs
from ..kernel import rules as K
from ..kernel.functions import TABLE
from ..kernel.language import IndexRange
from ..kernel.terms import (BINDERS, DefinedEntry, binder_limits, binomial_sum, bound_vars,
                            costly_at_integers, exchanged, index_free_factor, inner_binder,
                            substitute)
from .finite_cases import (MOST_CASES, by_values, cases_of, finite_entries, finite_symbols,
                           positive_by_values, through_symbol)
from .positivity import (at_index_values, congruence, index_range_context,
                         positive_at_index_values, prove_member, prove_needs, try_needs,
                         try_positive)


def on_atoms(operation, *exprs, exponentials=False):
    """`operation` applied to exprs with every subterm other than sums, products and integer powers
    (a log, a Sum, …) replaced by a fresh symbol: sympy's polynomial code is fast on symbols and
    slow on such generators.  With `exponentials`, exp of c₁t₁ + … is read as E₁^c₁ ⋯ with a
    positive symbol Eₖ for exp tₖ, as the kernel's `ring` reads it (so 1 + e^{−x} is 1 + E^{−1})."""
    atoms = {}

    def atomize(e):
        if isinstance(e, (sp.Add, sp.Mul)):
            return e.func(*map(atomize, e.args))
        if isinstance(e, sp.Pow) and e.exp.is_Integer:
            return atomize(e.base) ** e.exp
        if exponentials and isinstance(e, sp.exp):
            return sp.Mul(*(exponential(term) for term in sp.Add.make_args(e.args[0])))
        if not e.args:
            return e
        return atoms.setdefault(e, sp.Dummy())

    def exponential(term):
        coefficient, rest = term.as_coeff_Mul()
        if rest == 1:
            return atoms.setdefault(sp.exp(term), sp.Dummy(positive=True))
        return atoms.setdefault(sp.exp(rest), sp.Dummy(positive=True)) ** coefficient

    return operation(*map(atomize, exprs)).xreplace({v: k for k, v in atoms.items()})


def is_abs_shape(expr):
    """Whether `K.abs_identity` rewrites expr: |a·b|, |a|^(2k) for k ≥ 1, or √(a²)."""
    if isinstance(expr, sp.Abs):
        return isinstance(expr.args[0], sp.Mul)
    if not expr.is_Pow:
        return False
    if isinstance(expr.base, sp.Abs):
        return expr.exp.is_Integer and expr.exp > 0 and expr.exp.is_even
    return expr.exp == sp.S.Half and expr.base.is_Pow and expr.base.exp == 2


def _offset(total):
    """The least c when every entry of a family (or value of a function, log(i + 1) too, or the
    lower argument of a binomial coefficient) in the summand that depends on the index i is taken
    at i + c for integers c, the least not 0 (the sum, shifted by it, has its first entry at i:
    Σ y_{i−1} y_i becomes Σ y_i y_{i+1}, Σ log(i + 1) becomes Σ log i, which a Σ log i beside it
    meets, and Σ_{k=1}^{n} C(n − 1, k − 1) … becomes Σ_{k=0}^{n−1} C(n − 1, k) …, which the
    binomial theorem sums); else None."""
    (var, _, _), = binder_limits(total)
    offsets = {sp.expand(index - var) for node in sp.preorder_traversal(total.function)
               if isinstance(node, (sp.Indexed, sp.Function))
               for index in (node.indices if isinstance(node, sp.Indexed) else
                             node.args[1:] if isinstance(node, sp.binomial) else node.args)
               if var in free_vars(index)}
    if not offsets or not all(offset.is_Integer for offset in offsets) or min(offsets) == 0:
        return None
    return min(offsets)


def over_common_denominator(expr):
    """expr as numerator · denominator⁻¹ (exp of a sum read as a product of exps, so that
    1 + e^{−x} is (eˣ + 1)·e^{−x}), or None when that is no product."""
    if not any((node.is_Pow and node.exp.is_negative) or isinstance(node, sp.exp)
               for node in sp.preorder_traversal(expr)):
        return None  # no denominator anywhere: a cheap look before sympy's `cancel`
    # a factor every term shares taken out too: e^{a+c} + e^{b+c} = e^c (e^a + e^b)
    numerator, denominator = on_atoms(lambda e: sp.Tuple(*sp.fraction(sp.factor_terms(
        sp.cancel(sp.together(e))))), expr, exponentials=True)
    if denominator == 1 and not numerator.is_Mul:
        return None
    target = numerator * denominator ** -1
    return None if target == expr or not (target.is_Mul or target.is_Pow) else target


MOST_FACTORED = 40  # operations in a log's argument (or that less 1) given to sympy's factor


# the most factors whose signs are tried in turn in a factored polynomial (2⁴ forms at most)
MOST_FLIPPED = 4


def _factored_polynomial(expr):
    """expr, a polynomial in its symbols, as sympy factors it, written as a product of powers with
    a positive number in front: the forms to try, in order (guesses: `ring` proves each equal).
    Factors are negated in turn, fewest first, an odd number of odd powers where the number is
    negative: 1 − x² = −(x − 1)(x + 1) is tried as (1 − x)(x + 1), then as (x − 1)(−x − 1); and
    x² − 1 as (x − 1)(x + 1), then as (1 − x)(−x − 1), which is the one for x < −1.  The caller
    keeps the first whose factors are shown positive.  No form for −(x + 1)², whose log is nowhere
    defined (the log rules took it apart and put it back again without end, helper-143's review),
    nor expr itself (1 − x = −(x − 1) back as 1 − x)."""
    if sp.count_ops(expr) > MOST_FACTORED or not expr.is_polynomial(*expr.free_symbols):
        return []
    factored = sp.factor(expr)
    number, rest = factored.as_coeff_Mul()
    powers = [factor.as_base_exp() for factor in sp.Mul.make_args(rest)]
    if factored == expr or not (factored.is_Mul or factored.is_Pow) or \
            len(powers) > MOST_FLIPPED:
        return []
    forms = []
    for flipped in sorted(itertools.product((False, True), repeat=len(powers)), key=sum):
        negated = sum(power % 2 for (_, power), flip in zip(powers, flipped) if flip)
        if negated % 2 == (1 if number.is_negative else 0):
            form = abs(number) * sp.Mul(*((-base if flip else base) ** power
                                          for (base, power), flip in zip(powers, flipped)))
            # sympy takes a negated monomial's −1 out in front (x·(x − 1)(x + 1) as −x(1 − x)(…)):
            # such a form is no product of positive factors (helper-144's review: its log was
            # split and put back without end)
            if form != expr and form.as_coeff_Mul()[0] > 0:
                forms.append(form)
    return forms


def expand_atoms(expr):
    """Multiply out sums, products and integer powers, leaving every other subterm (log, Sum, …)
    untouched."""
    return on_atoms(sp.expand, expr) if multiplies_out(expr) else expr


def multiplies_out(expr):
    """Whether sympy's `expand` may change expr: a sum inside a product or in a denominator with
    other factors, or a sum or product raised to an integer power other than ±1, above the atoms.  A
    cheap look before `expand`, which costs as much on terms it leaves alone."""
    if isinstance(expr, sp.Add):
        return any(map(multiplies_out, expr.args))
    # sympy also multiplies out a denominator such as 3·(a + b) or a·(a + b)
    if isinstance(expr, sp.Mul):
        below = [f for f in expr.args
                 if (f.is_Rational and f.q != 1) or (f.is_Pow and f.exp.is_Integer and f.exp < 0)]
        return any(isinstance(arg, sp.Add) or multiplies_out(arg) for arg in expr.args) or (
            len(below) > 1 and any(f.is_Pow and isinstance(f.base, sp.Add) for f in below))
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
        return ((isinstance(expr.base, (sp.Add, sp.Mul)) and abs(expr.exp) > 1)
                or multiplies_out(expr.base))
    return False


def _definition_of(expr):
    """The definition a term stands for: a constant itself, or the family of an entry p(i)."""
    if isinstance(expr, Defined):
        return expr
    return expr.func if isinstance(expr, DefinedEntry) else None


def _is_folded(lemma):
    """A definition to keep folded (a constant or a family), as opposed to a proved rewrite."""
    return isinstance(lemma, Defined) or (isinstance(lemma, type)
                                          and issubclass(lemma, DefinedEntry))


def first_index(*exprs):
    """The index of the first sum or product met (preorder, a definition's body at its place: a
    definition unfolded sums over it too), used as the canonical bound variable."""
    for expr in exprs:
        for node in sp.preorder_traversal(expr):
            if isinstance(node, BINDERS):
                return binder_limits(node)[-1][0]
            inner = first_index(node.body) if isinstance(node, Defined) else None
            if inner is not None:
                return inner
    return None


# (context, index, lemmas, multiply, exponentials, expr) -> (Γ ⊢ expr = N(expr), notes); theorems
# are immutable
_MEMO = {}


class Normalizer:
    """Builds ``Γ ⊢ e = N(e)`` bottom-up; `notes` records expansions refused and why."""

    def __init__(self, context, index=None, lemmas=(), multiply=True, exponentials=False):
        self.context, self.index, self.notes = context, index, []
        # False: sums, products and powers stay as written (squares kept whole)
        self.multiply = multiply
        # True: a real power of a positive base, sinh, cosh and tanh written as exponentials
        self.exponentials = exponentials
        # lemmas: proved equalities used as rewrites, and definitions to keep folded
        # (p_i := σ(w x_i) stays p_i); the definitions a rewrite mentions stay folded too (a
        # per-sample definition unfolded inside a sum would make sympy merge a sum of sums into one
        # multi-index sum)
        self.key = tuple(lemmas)
        rewrites = [lemma for lemma in lemmas if not _is_folded(lemma)]
        self.lemmas = {lemma.statement.lhs: lemma for lemma in rewrites}
        self.opaque = {_definition_of(atom) for lemma in rewrites
                       for side in (lemma.statement.lhs, lemma.statement.rhs)
                       for atom in sp.preorder_traversal(side) if _definition_of(atom) is not None}
        self.opaque |= {lemma for lemma in lemmas if _is_folded(lemma)}

    def __call__(self, expr):
        expr = sp.sympify(expr)
        key = (self.context, self.index, self.key, self.multiply, self.exponentials, expr)
        # the same subterm recurs after each rewrite and across tactics: normalize it once
        if key not in _MEMO:
            before = len(self.notes)
            theorem = self._normalize(expr)
            if len(_MEMO) > 20000:
                _MEMO.clear()
            _MEMO[key] = (theorem, tuple(self.notes[before:]))
        else:
            self.notes.extend(_MEMO[key][1])
        return _MEMO[key][0]

    def _normalize(self, expr):
        if expr in self.lemmas:
            return self._then(self.lemmas[expr], self(self.lemmas[expr].statement.rhs))
        if _definition_of(expr) is not None and _definition_of(expr) in self.opaque:
            return K.refl(self.context, expr)
        if _definition_of(expr) is not None:
            unfolded = K.unfold(self.context, expr)
            return self._then(unfolded, self(unfolded.statement.rhs))
        if not expr.args or isinstance(expr, sp.Indexed):
            return K.refl(self.context, expr)
        if is_abs_shape(expr):  # before the argument is multiplied out: √((x − 1)²) = |x − 1|
            try:
                return self._continue(K.abs_identity(self.context, expr))
            except ProofError as error:  # |x/y|, which sympy builds as |x|/|y|: kept whole
                self.notes.append(f"{expr} was not rewritten: {error}")
        # expand the log before its argument, so the steps read as in a textbook
        if isinstance(expr, sp.log):
            arg = expr.args[0]
            # log L
            if isinstance(arg, Defined) and arg not in self.opaque and arg not in self.lemmas:
                return self._continue(congruence(self.context, K.unfold(self.context, arg), expr))
            first = self._expand_log(expr)
            if first is not None:
                return first
        th = self._children(expr)
        step = self._head(th.statement.rhs)
        return self._then(th, step) if step is not None else th

    def _then(self, th, step):
        """th: a = b, step: b = c  ⟹  a = c (skipping trivial steps)."""
        if step.statement.lhs == step.statement.rhs:
            return th
        if th.statement.lhs == th.statement.rhs:
            return step
        return K.trans(th, step)

    def _children(self, expr):
        th = K.refl(self.context, expr)
        parts = [expr.function] if isinstance(expr, BINDERS) else expr.args
        normalize = self
        if isinstance(expr, BINDERS) and self.index in {var for var, _, _ in binder_limits(expr)}:
            # inside a binder over the canonical index, renaming an inner index to it would
            # shadow it
            normalize = Normalizer(self.context, None, self.key, self.multiply, self.exponentials)
        for part in parts:
            part_th = normalize(part)
            if part_th.statement.lhs != part_th.statement.rhs:
                th = self._then(th, congruence(self.context, part_th, th.statement.rhs))
        return th

    def _head(self, expr):
        if self.exponentials and _by_exp(expr):
            written = TABLE[type(expr)].by_exp(expr.args[0])
            facts = prove_needs(self.context, sorted(needs(expr) | needs(written), key=str))
            return self._continue(K.function_as_exp(self.context, expr, facts))
        if self.exponentials and _real_power(expr):
            base = try_positive(self.context, expr.base)
            try:  # a^b = exp(b log a), whose log the rules of the logarithm then expand
                step = K.power_as_exp(base, prove_member(self.context, expr.exp)) if base else None
            except ProofError:
                step = None
            # sympy writes exp(b log a) back as a^b for a number b: no step, or it would loop
            if step is not None and step.statement.lhs == expr and \
                    isinstance(step.statement.rhs, sp.exp):
                return self._continue(step)
        written = self._written_out(expr) if isinstance(expr, BINDERS) else None
        if written is not None:
            return written
        if isinstance(expr, sp.Abs):
            return self._abs_of_sign(expr)
        if isinstance(expr, sp.log):
            return self._expand_log(expr)
        if isinstance(expr, sp.Sum):
            return self._expand_sum(expr)
        if isinstance(expr, sp.gamma):
            return self._gamma_of_count(expr)
        if isinstance(expr, sp.Mul) and _exponential_factors(expr) > 1:
            return self._merged_exponentials(expr)
        if isinstance(expr, (sp.Add, sp.Mul, sp.Pow)) and self.multiply and \
                not _nested_fraction(expr):
            target = expand_atoms(expr)
            if target == expr:  # an unevaluated x + x, which expand leaves as written: 2x
                target = expr.func(*expr.args)
            if target == expr:
                return None
            try:
                conditions = K.ring_needs(expr, target)[1]
                step = K.ring(self.context, expr, target, needs_shown(self.context, conditions))
            except ProofError as error:
                self.notes.append(f"{expr} was not multiplied out: {error}")
                return None
            # |x|·|x| multiplied out is |x|², which is x² (the ReLU's (x + |x|)²/4 = x(x + |x|)/2)
            squared = any(map(is_abs_shape, sp.preorder_traversal(target)))
            return self._continue(step) if squared else step
        return None

    def _merged_exponentials(self, expr):
        """e^a·e^b·c = e^{a+b}·c: one exponential of a sum, however a side wrote it, so that
        log(1 + e^{wx+b}) and log(1 + e^{wx}e^b) are one atom (`ring`, by `Real.exp_add`)."""
        exponents = [f.args[0] for f in expr.args if type(f) is sp.exp]
        rest = [f for f in expr.args if type(f) is not sp.exp]
        target = sp.Mul(*rest, sp.exp(sp.Add(*exponents)))
        try:
            conditions = K.ring_needs(expr, target)[1]
            step = K.ring(self.context, expr, target, needs_shown(self.context, conditions))
        except ProofError as error:
            self.notes.append(f"{expr} was not written with one exponential: {error}")
            return None
        return self._continue(step)

    def _abs_of_sign(self, expr):
        """|a| = a or −a where the ranges give a's sign (|x − 1| = x − 1 for x ≥ 1); None where
        they do not."""
        try:
            step = K.abs_of_sign(prove_member(self.context, expr.args[0]))
        except ProofError:
            return None
        return self._continue(step) if step.statement.lhs == expr else None

    def _written_out(self, expr):
        """Σ_{i=a}^{b} f(i) = f(a) + … + f(b) (a product alike) when b − a + 1 is a number from 0
        to WRITTEN_OUT: its last term peeled until the empty sum is left, which is 0 (an empty
        product is 1); None for other sums, and for a long one, which stays whole."""
        if len(expr.limits) != 1:
            return None
        (var, lo, hi), = binder_limits(expr)
        count = sp.expand(hi - lo + 1)
        if not count.is_Integer or count < 0:
            return None
        if count > WRITTEN_OUT:
            self.notes.append(f"{expr} was not written out term by term: it has {count} terms, "
                              f"more than {WRITTEN_OUT}")
            return None
        if costly_at_integers(expr.function, var, lo, hi):
            self.notes.append(f"{expr} was not written out term by term: building its terms "
                              "would compute a factorial, binomial coefficient, Gamma or power of "
                              "a large number")
            return None
        try:
            th = _peel(self.context, expr, True, int(count))
            empty = _left_of(th.statement.rhs, expr)
            if empty is not None:  # none when sympy took a product with a factor 0 for 0
                (_, lo, hi), = binder_limits(empty)
                bounds = prove_needs(self.context, sorted(needs(lo) | needs(hi), key=str))
                step = K.sum_empty(self.context, empty, bounds)
                th = _then_inside(self.context, th, step)
        except ProofError as error:
            self.notes.append(f"{expr} was not written out term by term: {error}")
            return None
        return self._continue(th)

    def _expand_log(self, expr):
        arg = expr.args[0]
        if arg.is_Rational and arg > 0:
            return self._log_of_number(expr)
        if isinstance(arg, sp.Product):
            factor = arg.function
            fact = try_positive(self.context, factor) or positive_by_values(self.context, factor)
            if fact is None:  # positive at the values the index takes (i ≥ 1 in ∏_{i=1}^{n} i)
                at_values = positive_at_index_values(self.context, arg)
                if at_values is None:
                    return self._refused(expr, factor)
                return self._continue(K.log_of_product(at_values[0], arg, at_values[1]))
            return self._continue(K.log_of_product(fact, arg))
        if isinstance(arg, sp.Mul):
            facts = [try_positive(self.context, f) for f in arg.args]
            if None in facts:
                return self._refused(expr, arg.args[facts.index(None)])
            step = K.log_of_mul(*facts)
            if not isinstance(step.statement.lhs, sp.log):  # s·(1/s), which sympy makes 1
                self.notes.append(f"{expr} was not expanded: sympy multiplies {arg} out to "
                                  f"{sp.Mul(*arg.args)}")
                return None
            built = step.statement.lhs.args[0]
            if built != arg:  # an unevaluated 2·(1 − p), which the rule's product multiplies out
                equal = K.ring(self.context, arg, built,
                               prove_needs(self.context, K.ring_needs(arg, built)[1]))
                step = K.trans(congruence(self.context, equal, expr), step)
            return self._continue(step)
        if isinstance(arg, sp.exp):
            try:
                return self._continue(K.log_of_exp(prove_member(self.context, arg.args[0])))
            except ProofError:
                return self._refused(expr, arg.args[0], "real")
        if isinstance(arg, sp.Add):
            return self._split_log_argument(expr)
        if isinstance(arg, sp.Pow):
            base = try_positive(self.context, arg.base)
            if base is None:
                return self._refused(expr, arg.base)
            try:
                exponent = prove_member(self.context, arg.exp)
            except ProofError:
                return self._refused(expr, arg.exp, "real")
            return self._continue(K.log_of_pow(base, exponent))
        return None

    def _log_of_number(self, expr):
        """log c for a positive rational c (of at most nine digits each way, which trial
        division factors at once) in the logs of its primes: log 12 = log 4 + log 3 by
        `log_of_mul`, log 4 = 2 log 2 by `log_of_pow`, log(2/3) = log 2 − log 3."""
        number = expr.args[0]
        if max(abs(number.p), number.q) >= 10 ** 9:
            return None
        factors = sorted(sp.factorrat(number).items())
        if len(factors) > 1:
            step = K.log_of_mul(*(try_positive(self.context, sp.Integer(prime) ** power)
                                  for prime, power in factors))
        elif factors and factors[0][1] > 1:
            prime, power = map(sp.Integer, factors[0])
            step = K.log_of_pow(try_positive(self.context, prime),
                                prove_member(self.context, power))
        else:
            return None
        return self._continue(step) if step.statement.lhs == expr else None

    def _split_log_argument(self, expr):
        """log(a + b) where a + b over a common denominator is a quotient or product of positive
        factors: log(1 + e^{−x}) = log((eˣ + 1)·e^{−x}), which the log rules then expand; or a
        number c times a positive sum, by which sympy multiplied that sum out: log(2 − 2p) =
        log 2 + log(1 − p)."""
        arg = expr.args[0]
        target = over_common_denominator(arg)
        content, rest = arg.primitive() if target is None else (sp.S.One, arg)
        if content.is_positive and content != 1:
            fact = try_positive(self.context, rest)
            step = K.log_of_mul(try_positive(self.context, content), fact) if fact else None
            return self._continue(step) if step and step.statement.lhs == expr else None
        # a polynomial that factors: log(a² + 2ab + b²) = 2 log(a + b), log(1 − x²) =
        # log((1 − x)(1 + x))
        for form in [target] if target is not None else _factored_polynomial(arg):
            factors = [f.base if f.is_Pow else f for f in sp.Mul.make_args(form)]
            if all(f.is_Rational and f > 0 or not f.is_Rational and
                   try_positive(self.context, f) is not None for f in factors):
                break
        else:
            return None
        try:
            equal = K.ring(self.context, arg, form,
                           prove_needs(self.context, K.ring_needs(arg, form)[1]))
        except ProofError:
            return None
        return self._continue(congruence(self.context, equal, expr))

    def _gamma_of_count(self, expr):
        """Γ(n + 1) = n! when n is shown a count."""
        try:
            count = prove_member(self.context, sp.expand(expr.args[0] - 1))
            step = K.gamma_of_count(count)
        except ProofError as error:
            self.notes.append(f"{expr} was not written as a factorial: {error}")
            return None
        if step.statement.lhs != expr:
            self.notes.append(f"{expr} was not written as a factorial: sympy builds the rule's "
                              f"Γ as {step.statement.lhs}")
            return None
        return self._continue(step)

    def _refused(self, expr, part, what="positive"):
        self.notes.append(f"{expr} was not expanded: {part} is not shown {what}")
        return None

    def _continue(self, step):
        """After a rewrite at the head, normalize what it produced."""
        return self._then(step, self(step.statement.rhs))

    def _expand_sum(self, expr):
        limits = binder_limits(expr)
        var, lo, hi = limits[-1]
        if self.index is not None and len(limits) == 1 and var != self.index:
            try:
                return self._continue(K.rename_index(self.context, expr, self.index))
            except ProofError:  # the canonical name occurs in the sum: keep the index as it is
                pass
        if isinstance(expr.function, sp.Add) and len(limits) == 1 and \
                hypergeometric(expr.function, var) and not expr.function.is_polynomial(var):
            # Σ (1/i − 1/(i + 1)) telescopes whole; its two sums, split, have no closed form
            whole = antidifference(expr.function, var, lo)
            closed = self._closed_form(expr, whole) if whole is not None else None
            if closed is not None:
                return closed
        if isinstance(expr.function, sp.Add):
            return self._continue(K.sum_split(self.context, expr))
        # Σ_{i=1}^{n} 1 = n, once the count is known >= 0
        if expr.function == 1 and len(limits) == 1:
            try:
                count = prove_member(self.context, sp.expand(hi - lo + 1))
                bounds = prove_needs(self.context, sorted(needs(lo) | needs(hi), key=str))
                return K.sum_ones(count, expr, bounds)
            except ProofError:
                return None
        offset = _offset(expr) if len(limits) == 1 else None
        if offset is not None:  # Σ_{i=0}^{n−1} y_{i+1} = Σ_{i=1}^{n} y_i
            shifted = sp.Sum(expr.function.xreplace({var: var - offset}), (var, lo + offset,
                                                                           hi + offset))
            try:
                facts = prove_needs(self.context, sorted(needs(expr) | needs(shifted), key=str))
                return self._continue(K.sum_shift(self.context, expr, offset, facts))
            except ProofError as error:
                self.notes.append(f"{expr} was not reindexed: {error}")
        indices = {v for v, _, _ in limits}
        factor = index_free_factor(expr.function, indices)[0]
        if factor != 1 and not indices & free_vars(factor):
            fact = None if factor.is_Rational else prove_member(self.context, factor)
            shown = try_needs(self.context, needs(expr))  # for what evaluating c·Σ may drop
            return self._continue(K.sum_factor(self.context, expr, fact, shown))
        if len(limits) > 1:
            return self._inner_binder(expr)
        absorbed = self._absorbed(expr)
        if absorbed is not None:
            return absorbed
        summand = expr.function
        if len(limits) == 1 and var in free_vars(summand) and summand.is_polynomial(var) \
                and not needs(summand) and not bound_vars(summand):
            return self._closed_form(expr)
        if binomial_sum(expr) is not None:
            return self._binomial(expr)
        geometric = geometric_antidifference(summand, var) if len(limits) == 1 else None
        if geometric is not None:
            return self._closed_form(expr, geometric)
        whole = antidifference(summand, var, lo) if len(limits) == 1 and \
            hypergeometric(summand, var) else None
        if whole is not None:
            return self._closed_form(expr, whole)
        return self._at_its_values(expr) if len(limits) == 1 else None

    def _at_its_values(self, expr):
        """Σ_{j=a}^{b} g(j) = Σ_{j=a}^{b} N(g(j)) with g normalized for j ∈ {a, …, b} (the
        context's `IndexRange`), where g has a sum whose bounds mention j: y_j Σ_{i=j}^{n} 1 =
        (n − j + 1) y_j, its count n − j + 1 ≥ 1 there, or a log or a power of j itself (not of
        an entry y_j): log(2j) = log 2 + log j for j ≥ 1 (`binder_congruence`); None otherwise."""
        (var, lo, hi), = binder_limits(expr)
        ranged = self._relational(var, lo, hi, expr.function)
        if ranged is None and any(isinstance(node, (sp.log, sp.Pow)) and _bare(node.args[0], var)
                                  for node in sp.preorder_traversal(expr.function)):
            # log(2i), log((i + 1)/i), whose laws need i > 0: shown at i's values
            ranged = at_index_values(self.context, var, lo, hi)
        th = None if ranged is None else self._inner_normalized(ranged, expr.function)
        if th is None or th.statement.lhs == th.statement.rhs:
            return None
        try:
            return self._continue(K.binder_congruence(th, expr))
        except ProofError as error:
            self.notes.append(f"{expr} was not rewritten at the values of {var}: {error}")
            return None

    def _absorbed(self, expr):
        """Σ_{k=a}^{b} k·C(m, k)·g = Σ m·C(m − 1, k − 1)·g and Σ k·g/k! = Σ g/(k − 1)!, shown at
        the index's values, k ≥ 1 there (from k = 0 the first term, 0, is taken out first): the
        step of a binomial or a Poisson mean, which the index's shift and the binomial theorem
        then close (Σ_{k=0}^{n} k C(n, k) q^k (1 − q)^(n−k) = nq); None for other sums."""
        (var, lo, hi), = binder_limits(expr)
        target = absorbed(expr.function, var)
        if target is None:
            return None
        try:
            if lo == 0:
                return self._continue(_peel(self.context, expr, False, 1))
            th = prove_equal(at_index_values(self.context, var, lo, hi), expr.function, target)
            return self._continue(K.binder_congruence(th, expr))
        except ProofError as error:
            self.notes.append(f"{expr}: the index was not absorbed into the coefficient: {error}")
            return None

    def _relational(self, var, lo, hi, body):
        """Γ, i ∈ {a, …, b} for the index of Σ_{i=a}^{b} body, where the body has a sum whose
        bounds mention i; None otherwise, or where Γ speaks of i already."""
        inner = [node for node in sp.preorder_traversal(body)
                 if isinstance(node, BINDERS) and var in free_vars(sp.Tuple(*node.limits))]
        return at_index_values(self.context, var, lo, hi) if inner else None

    def _inner_binder(self, expr):
        """Σ_{i=a}^{b} F(i) = Σ_{i=a}^{b} N(F(i)) for F the sum over the inner indices of an
        iterated sum, normalized for every i (Σ_j y_i y_j = y_i Σ_j y_j), or else at the values i
        takes where the bounds' ranges give them (Σ_{j=1}^{i} 1 = i for i ∈ ℕ)
        (`binder_congruence`); None where F is in normal form either way."""
        (var, lo, hi), inner = inner_binder(expr)
        indices = {index for index, _, _ in expr.limits[:-1]}
        if var not in free_vars(inner) and free_vars(expr.function) & indices:
            # Σ_i Σ_k q_k: the sum over i, whose terms do not depend on i, taken innermost, where
            # q_k comes out of it (n q_k)
            order = (expr.limits[-1], *expr.limits[:-1])
            try:
                return self._continue(_reordered(self.context, expr, order))
            except ProofError as error:
                self.notes.append(f"{expr} was not summed over {var} first: {error}")
        th, index_range = self._inner_normalized(self.context, inner), ()
        if th.statement.lhs == th.statement.rhs:  # for every i: none; at i's values, perhaps
            try:
                index_range = prove_member(self.context, lo), prove_member(self.context, hi)
                ranged = index_range_context(self.context, var, index_range)
            except ProofError:
                ranged = None
            th = th if ranged is None else self._inner_normalized(ranged, inner)
            if th.statement.lhs == th.statement.rhs:  # at i = a, …, b as the sum states them:
                # Σ_{j=i+1}^{n} 1 = n − i for i ≤ n
                ranged, index_range = self._relational(var, lo, hi, inner), ()
                th = th if ranged is None else self._inner_normalized(ranged, inner)
            if th.statement.lhs == th.statement.rhs:
                return None
            if th.context.lookup(var) is None:  # shown without the index's range after all
                index_range = ()
        try:
            return self._continue(K.binder_congruence(th, expr, index_range))
        except ProofError as error:
            self.notes.append(f"{expr} was not rewritten inside: {error}")
            return None

    def _inner_normalized(self, context, inner):
        """Γ ⊢ inner = N(inner), or Γ ⊢ inner = inner where a step is refused (1/i out of a sum
        over j, 1/i not shown defined for every real i)."""
        normalize = Normalizer(context, None, self.key, self.multiply, self.exponentials)
        try:
            th = normalize(inner)
        except ProofError as error:
            self.notes.append(f"{inner} was not rewritten: {error}")
            return K.refl(context, inner)
        finally:
            self.notes.extend(normalize.notes)
        return th

    def _binomial(self, expr):
        """Σ_{k=0}^{n} C(n, k) a^(k+c) b^(n−k+d) = a^c b^d (a + b)^n for a count n
        (`binomial_theorem`); the conditions on k itself the kernel takes from the sum's
        range."""
        a, b, n, c, d = binomial_sum(expr)
        try:
            count = prove_member(self.context, n)
            facts = try_needs(self.context, needs(expr) | needs(a ** c * b ** d * (a + b) ** n))
            return self._continue(K.binomial_theorem(count, expr, facts))
        except ProofError as error:
            self.notes.append(f"{expr} was not summed by the binomial theorem: {error}")
            return None

    def _closed_form(self, expr, whole=None):
        """Σ_{i=a}^{b} f(i) = F(b) − F(a − 1) for a polynomial f in the index, with F(i) =
        Σ_{k=0}^{i} f(k) as sympy's summation gives it, or the antidifference `whole` given (the
        kernel checks F(i) − F(i − 1) = f(i), and that f and F are defined at the index's values,
        which may show the conditions on i itself)."""
        (var, lo, hi), = binder_limits(expr)
        top = sp.Dummy()
        try:
            count = prove_member(self.context, sp.expand(hi - lo + 1))
            bounds = prove_needs(self.context, sorted(needs(lo) | needs(hi), key=str))
            if whole is None:  # sympy's summation, the costly part, once the count is shown
                whole = sp.summation(expr.function.subs(var, top), (top, 0, var))
            facts = try_needs(self.context, K.telescoping_needs(expr, whole)[3]
                              | K.telescoping_needs(expr, whole, counts=True)[3])
            return self._continue(K.sum_telescoping(count, expr, whole, bounds, facts))
        except ProofError as error:
            self.notes.append(f"{expr} was not summed in closed form: {error}")
            return None


def absorbed(summand, var):
    """`summand` with k·C(m, k) written m·C(m − 1, k − 1), or k/k! written 1/(k − 1)!, for the
    index k = `var` (the absorption identities); None when it has neither."""
    factors = sp.Mul.make_args(summand)
    if var not in factors:
        return None
    for factor in factors:
        if isinstance(factor, sp.binomial) and factor.args[1] == var:
            m = factor.args[0]
            return summand / (var * factor) * m * sp.binomial(m - 1, var - 1)
        if factor == 1 / sp.factorial(var):
            return summand * sp.factorial(var) / var / sp.factorial(var - 1)
    return None


def _bare(expr, var):
    """Whether the index `var` occurs in `expr` outside the indices of its entries (2i, not y_i)."""
    if isinstance(expr, sp.Indexed):
        return False
    return expr == var or any(_bare(arg, var) for arg in expr.args)


def hypergeometric(summand, var):
    """Whether each factor of the summand (each term of a sum) is free of the index i, a rational
    function of the bare i, or a power whose base is free of i and whose exponent is linear in
    i: terms sympy's summation (Gosper's algorithm) sums in closed form when one exists.  Small
    ones only, which it answers at once: numerators and denominators of degree at most 4 in i,
    exponents of slope at most 32 (a denominator of degree 5 takes it 15 s, 2^(1000i) 55 s), and
    numbers of at most four digits (2^(10⁴) and (7/3)^(10⁶) are worked out, and factored), and
    rational parts with at most two symbols besides i (1/((i + a)(i + b)(i + c)) takes it 20 s,
    and one more shift minutes)."""
    if any(max(abs(number.p), number.q) > 10 ** 4 for number in summand.atoms(sp.Rational)):
        return False
    parameters = set()
    for term in sp.Add.make_args(summand):
        rest = []  # the factors that are no such power: one rational function of small degree
        for factor in sp.Mul.make_args(term):
            slope = exponent_slope(factor, var)
            linear = slope is not None and abs(slope) <= 32
            rest += [] if linear or var not in free_vars(factor) else [factor]
        rational = sp.Mul(*rest)
        parameters |= free_vars(rational) - {var}
        bare = all(var not in free_vars(node) for node in sp.preorder_traversal(rational)
                   if isinstance(node, (sp.Indexed, sp.Function, *BINDERS)))
        if not (bare and rational.is_rational_function(var) and all(
                sp.degree(part, var) <= 4 for part in sp.fraction(sp.together(rational)))):
            return False
    return var in free_vars(summand) and len(parameters) <= 2


# the heads an antidifference may have: sympy's summation also answers with harmonic numbers,
# polygammas or a Piecewise of cases, which no rule knows
_ELEMENTARY = (sp.Add, sp.Mul, sp.Pow, sp.exp, sp.Symbol, sp.Number, sp.NumberSymbol,
               sp.Indexed, sp.IndexedBase, sp.Tuple)


def antidifference(summand, var, lo):
    """F(i) = Σ_{k=a}^{i} f(k) as sympy's summation writes it, when that is elementary; else None
    (the kernel checks F(i) − F(i − 1) = f(i) itself: sympy is only asked for a candidate)."""
    k = sp.Dummy("k")
    if any(max(abs(number.p), number.q) > 10 ** 3 for number in sp.sympify(lo).atoms(sp.Rational)):
        return None  # from i = 10⁴, sympy's summation works out 2^(10⁴) and factors it
    try:
        whole = sp.summation(summand.xreplace({var: k}), (k, lo, var))
    except (ValueError, TypeError, NotImplementedError, RuntimeError):  # RuntimeError: sympy's
        # simplify.sum_add lets a StopIteration out of a generator (Σ_k 1/(k + x) inside a sum)
        return None
    # a case split on a parameter (p = 0 apart): its general case, which the kernel checks where
    # its conditions (p ≠ 0) are shown
    whole = whole.replace(lambda e: isinstance(e, sp.Piecewise) and e.args[-1].cond is sp.true,
                          lambda e: e.args[-1].expr)
    elementary = all(isinstance(node, _ELEMENTARY) for node in sp.preorder_traversal(whole))
    return whole if elementary and not whole.has(k) else None


def geometric_antidifference(summand, var):
    """F(i) = f(i)·q/(q − 1) with F(i) − F(i − 1) = f(i), for a geometric term f(i) = c·b^(αi +
    β) (c, b, β free of i, α ≠ 0 rational, q = b^α the ratio of two terms); None for other terms.
    Written without a power of 1/b, which b = 0 would leave undefined: f(i + 1)/(b^α − 1) for α >
    0 (F(−1) = b⁰/(b − 1) of Σ_{i=0}^{n} bⁱ), f(i)/(1 − b^(−α)) for α < 0 (Σ_{i=1}^{n} b^(n−i)
    has F(i) = b^(n−i)/(1 − b))."""
    powers = [factor for factor in sp.Mul.make_args(summand) if var in free_vars(factor)]
    slope = exponent_slope(powers[0], var) if len(powers) == 1 else None
    if slope is None:
        return None
    base = powers[0].as_base_exp()[0]
    if slope < 0:
        return summand / (1 - base ** -slope)
    return summand.xreplace({var: var + 1}) / (base ** slope - 1)


def exponent_slope(factor, var):
    """α of a power b^(αi + β) (b and β free of the index i, α ≠ 0 rational); None for other
    factors."""
    base, exponent = factor.as_base_exp()
    if var in free_vars(base) or not isinstance(factor, (sp.Pow, sp.exp)):
        return None
    slope = sp.expand(exponent).coeff(var)
    rest = sp.expand(exponent - slope * var)
    return slope if slope.is_Rational and slope != 0 and var not in free_vars(rest) else None


@functools.lru_cache(maxsize=512)
def normalized(context, expr, index, lemmas=(), multiply=True, exponentials=False):
    """(Γ ⊢ expr = N(expr), notes), memoized: the optimizer tactic normalizes the same objectives
    twice."""
    normalize = Normalizer(context, index, lemmas, multiply, exponentials)
    return normalize(expr), tuple(normalize.notes)


def binders_of(expr):
    """The sums and products over one index in expr."""
    return {node for node in sp.preorder_traversal(expr)
            if isinstance(node, BINDERS) and len(node.limits) == 1}


def _peeled(context, nl, nr):
    """Γ ⊢ Σ_{i=a}^{b} f = f(a) + … + f(a + k − 1) + Σ_{i=a+k}^{b} f (or its last k terms, 0 < k ≤
    4; a product's factors alike) for a sum where the same sum, starting k terms later (ending k
    terms earlier), is on either side; or None, with the reason a peel that would align two sums
    was refused (or None).  Called again on the result, it peels both ends."""
    every = sorted(binders_of(nl) | binders_of(nr), key=str)
    refused = None
    for long in every:
        for short in every:
            (var, a, b), (other, c, d) = long.limits[0], short.limits[0]
            first, last = sp.expand(c - a), sp.expand(b - d)
            if long.function != short.function or var != other or type(long) is not type(
                    short) or not (first.is_Integer and last.is_Integer):
                continue
            for count, at_end in ((first, False), (last, True)):
                if 0 < count <= 4:
                    try:
                        return _peel(context, long, at_end, int(count)), None
                    except ProofError as error:
                        where = "last" if at_end else "first"
                        refused = refused or (f"{long} was not written with its {where} "
                                              f"{'term' if count == 1 else f'{count} terms'} "
                                              f"apart, as {short} would need: {error}")
                        break
    return None, refused


# the most terms a sum or product of a concrete size is written out to (two classes, three points,
# a short window); a longer one stays whole, as a reader would leave it
WRITTEN_OUT = 32


def _left_of(expr, total):
    """What peeling left of `total` in expr: the sum or product over its index of its body, or None
    (sympy takes a product with a factor 0 for 0)."""
    return next((s for s in binders_of(expr) if type(s) is type(total)
                 and s.limits[0][0] == total.limits[0][0] and s.function == total.function), None)


def _then_inside(context, th, step):
    """th: Γ ⊢ a = b, step: Γ ⊢ s = t for s in b  ⟹  Γ ⊢ a = b[s := t]."""
    if th.statement.rhs == step.statement.lhs:
        return K.trans(th, step) if th.statement.lhs != th.statement.rhs else step
    return K.trans(th, congruence(context, step, th.statement.rhs))


def _peel(context, total, last, count):
    """Γ ⊢ total = its `count` first (or last) terms + the sum of the others, peeled one by one."""
    th = K.refl(context, total)
    combine = sp.Add if isinstance(total, sp.Sum) else sp.Mul
    for _ in range(count):
        inner = _left_of(th.statement.rhs, total)
        if inner is None:  # a factor 0 peeled: sympy took the product for 0, nothing is left
            break
        (var, lo, hi), = inner.limits
        end, rest = (hi, (var, lo, hi - 1)) if last else (lo, (var, lo + 1, hi))
        parts = type(total)(inner.function, rest), inner.function.xreplace({var: end})
        # as written too: the kernel asks the count of the rest even where sympy drops it (∏·0)
        facts = prove_needs(context, sorted(needs(inner) | needs(combine(*parts)) |
                                            needs(combine(*parts, evaluate=False)), key=str))
        th = _then_inside(context, th, K.sum_peel(context, inner, last, facts))
    return th


def own_term_peeled(context, expr):
    """Γ ⊢ expr = expr with a sum's first (or last) term taken out where that term also stands
    beside the sum (softmax's e^{z_1}/Σ_{j=1}^{n} e^{z_j} = e^{z_1}/(e^{z_1} + Σ_{j=2}^{n} e^{z_j}),
    which intervals bound in (0, 1]), or its term at k for a k of Γ ranging over the sum's
    {a, …, b} (e^{z_k}/(Σ_{j=1}^{k−1} e^{z_j} + e^{z_k} + Σ_{j=k+1}^{n} e^{z_j})); a term e^u
    counts where u stands beside (log Σ_j e^{z_j} − z_k ≥ 0).  None where no sum has such a
    term."""
    def stands(beside, term):
        return beside.has(term) or isinstance(term, sp.exp) and beside.has(term.args[0])

    for total in sorted((s for s in binders_of(expr) if isinstance(s, sp.Sum)), key=str):
        (var, lo, hi), = total.limits
        beside = expr.xreplace({total: sp.Dummy()})
        for at, _ in filter(lambda entry: entry[1] == IndexRange(lo, hi), context.entries):
            term = substitute(total.function, {var: at})[0]
            if stands(beside, term):
                split = sp.Add(sp.Sum(total.function, (var, lo, at - 1)), term,
                               sp.Sum(total.function, (var, at + 1, hi)), evaluate=False)
                facts = prove_needs(context, sorted(needs(total) | needs(split), key=str))
                return congruence(context, K.sum_peel(context, total, facts=facts, at=at), expr)
        for last, end in ((False, lo), (True, hi)):
            # C(k⁶, k⁵) at k = 31 is a number sympy would compute for hours
            if costly_at_integers(total.function, var, end, end):
                continue
            if stands(beside, total.function.xreplace({var: end})):
                return congruence(context, _peel(context, total, last, 1), expr)
    return None


# the most terms a claim's sums multiplied out may have: the other routes complete the squares of
# the form, minutes for a regression's Σ (y_i − a x_i − b z_i − d)² beside Σ (y_i − ȳ)² (21 terms,
# helper-145's review); the mean's squared error has 3
MOST_MULTIPLIED_TERMS = 8


def sums_multiplied_out(context, expr):
    """Γ ⊢ expr = N(expr), its normal form (sums split, constant factors taken out, products
    multiplied out), where a sum of expr has a body that multiplies out: the mean minimizes the
    squared error, Σ_i (y_i − a)² − Σ_i (y_i − ȳ)² = n a² − 2a Σ_i y_i + (Σ_i y_i)²/n for ȳ =
    (Σ_i y_i)/n, the squares of the sums cancelling, and that form's squares complete; or has a
    factor free of its index, which comes out (Σ_i n y_i/Σ_k y_k − n = 0), or a term free of it,
    which is counted (Σ_i (y_i − ȳ) = Σ_i y_i − n ȳ = 0); or None."""
    def opens(total):
        var = binder_limits(total)[-1][0]
        return multiplies_out(total.function) or any(
            var not in free_vars(part) for part in (*sp.Mul.make_args(total.function),
                                                    *sp.Add.make_args(total.function)))

    if not any(isinstance(total, sp.Sum) and opens(total) for total in binders_of(expr)):
        return None
    theorem, _ = normalized(context, expr, first_index(expr))
    written = theorem.statement.rhs
    if written == expr or len(sp.Add.make_args(sp.expand(written))) > MOST_MULTIPLIED_TERMS:
        return None
    return theorem


def prove_equal(context, lhs, rhs, lemmas=(), multiply=True, _depth=0, exponentials=False,
                logs=False, _exchanged=False):
    """Γ ⊢ lhs = rhs via normal forms and one ring step, or SideConditionError explaining the
    difference.  `multiply=False`: squares and products of sums kept whole, as a textbook argues
    (fails more often).  Where the normal forms differ and a side has a real power of a positive
    base, or sinh, cosh or tanh, each is tried as an exponential (x^a x^b = x^{a+b}, tanh x =
    2σ(2x) − 1); factorials or Γs a whole number apart are related by their recurrences
    ((k + 1)! = (k + 1) k!); where both sides are positive, their logarithms are compared (√(xy) =
    √x √y as ½ log(xy) = ½ log x + ½ log y); a symbol that takes a few values is tried value by
    value (y² = y for y ∈ {0, 1})."""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    index, lemmas = first_index(lhs, rhs), tuple(lemmas)
    (left, left_notes), (right, right_notes) = (
        normalized(context, side, index, lemmas, multiply, exponentials) for side in (lhs, rhs))
    nl, nr = left.statement.rhs, right.statement.rhs
    refused, (remainder, conditions) = None, K.ring_needs(nl, nr)
    if remainder != 0 and _depth < 4:
        aligned, refused = _peeled(context, nl, nr)
        if aligned is not None and aligned.statement.lhs in binders_of(nl):
            rewritten = congruence(context, aligned, nl)
            return chain_equal(left, rewritten, prove_equal(context, rewritten.statement.rhs, rhs,
                                                            lemmas, multiply, _depth + 1,
                                                            exponentials))
        if aligned is not None:
            rewritten = congruence(context, aligned, nr)
            return chain_equal(prove_equal(context, lhs, rewritten.statement.rhs, lemmas, multiply,
                                           _depth + 1, exponentials), K.symm(rewritten),
                               K.symm(right))
    if remainder != 0 and _depth < 4:
        recurred = _through_recurrences(context, lhs, rhs, nl - nr, lemmas, multiply, _depth)
        if recurred is None:
            recurred = _through_factorials(context, lhs, rhs, nl - nr, lemmas, multiply, _depth)
        if recurred is not None:
            return recurred
    if remainder != 0 and _depth < 4:
        # Σ_k k C(n, k) … against n Σ_k C(n − 1, k − 1) …, as written or in normal form
        for written, normal in ((lhs, None), (nl, left)):
            summands = _by_summands(context, written, rhs if normal is None else nr, lemmas,
                                    multiply, _depth)
            if summands is not None:
                rewritten = congruence(context, summands, written)
                return chain_equal(*([normal] if normal else []), rewritten, prove_equal(
                    context, rewritten.statement.rhs, rhs, lemmas, multiply, _depth + 1,
                    exponentials))
    if remainder != 0 and _depth < 4:
        swapped = _through_swaps(context, nl, nr)
        if swapped is not None:  # Σ_i Σ_j a_ij against Σ_j Σ_i a_ij
            rewritten = congruence(context, swapped, nl)
            return chain_equal(left, rewritten, prove_equal(context, rewritten.statement.rhs, rhs,
                                                            lemmas, multiply, _depth + 1,
                                                            exponentials))
        if not _exchanged:
            exchanged_proof = _through_exchange(context, (lhs, left), (rhs, right), lemmas,
                                                multiply, _depth, exponentials)
            if exchanged_proof is not None:
                return exchanged_proof
    if remainder != 0 and not exponentials and _as_exponentials(nl, nr):
        try:
            return prove_equal(context, lhs, rhs, lemmas, multiply, _depth, exponentials=True,
                               logs=logs)
        except ProofError:  # the first attempt's reasons are the ones a user reads
            pass
    if remainder != 0 and not logs:
        through_logs = _through_logs(context, lhs, rhs, lemmas, multiply, _depth)
        if through_logs is not None:
            return through_logs
    if remainder != 0 and _depth < 4:
        proportional = _proportional_logs(context, left, nr, rhs, lemmas, multiply, _depth)
        if proportional is not None:
            return proportional
    cases = None
    # value by value only where products are multiplied out: a first attempt that keeps them
    # whole (the optimizer's, as a textbook argues) is retried multiplied out when it fails
    if remainder != 0 and _depth < 4 and multiply:
        proved, cases = _by_values(context, lhs, rhs, nl - nr, lemmas, multiply, _depth)
        if proved is not None:
            return proved
        # the sides as written and in normal form: log ∏ (y_i p + (1 − y_i)(1 − p)) is Σ log(…)
        # in normal form, whose body is the body of the Σ [y_i log p + …] written on the right
        for (side, normal), other in itertools.product(((lhs, None), (nl, left)), (rhs, nr)):
            bodies = _label_bodies(context, side, other, lemmas, multiply, _depth)
            if bodies is None:
                continue
            rewritten = congruence(context, bodies, side)
            try:
                rest = prove_equal(context, rewritten.statement.rhs, rhs, lemmas, multiply,
                                   _depth + 1)
            except ProofError:  # the claim's own reasons are the ones a user reads
                continue
            return chain_equal(*([normal] if normal else []), rewritten, rest)
    if remainder != 0:
        notes = "".join(f"; {note}" for note in dict.fromkeys(
            left_notes + right_notes + ((refused,) if refused else ()) +
            _missing_laws(context, nl - nr) + ((cases,) if cases else ())))
        difference = expand_atoms(nl - nr)
        if difference == 0:  # sympy's expansion knows a law the kernel's algebra does not take
            difference = ("0 as sympy expands them, by a law of roots the kernel's algebra does "
                          "not use (it relates a root only to the powers of its own base: "
                          "sqrt(x**3) and x**(3/2) are two atoms)" if has_roots(nl - nr) else
                          "0 as sympy expands them, by a step the kernel's algebra does not take")
        raise SideConditionError(f"{lhs} = {rhs} is not proved: after expanding logs and sums "
                                 f"the sides differ by {difference}{notes}")
    middle = K.ring(context, nl, nr, ring_shown(context, nl, nr, conditions))
    return chain_equal(left, middle, K.symm(right))


def _by_summands(context, nl, nr, lemmas, multiply, depth):
    """Γ ⊢ Σ_{i=a}^{b} f(i) = Σ_{i=a}^{b} c·g(i) for a sum of nl and a sum Σ_{i=a}^{b} g(i) of nr
    over the same limits, c free of i (sympy's guess at f/g, which the proof checks), f(i) =
    c·g(i) proved at the values i takes (`IndexRange`, `binder_congruence`): k C(n, k) p^k =
    n C(n − 1, k − 1) p^k for k = 1, …, n; or None."""
    sums = [[node for node in binders_of(side) if isinstance(node, sp.Sum)] for side in (nl, nr)]
    for one, other in itertools.product(*sums):
        (var, lo, hi), = one.limits
        ranged = at_index_values(context, var, lo, hi)
        if one.limits != other.limits or one.function == other.function or ranged is None:
            continue
        try:  # untrusted: a candidate only
            ratio = sp.combsimp(sp.powsimp(sp.cancel(one.function / other.function)))
        except (sp.PolynomialError, TypeError, ValueError):
            continue
        if ratio == 0 or var in free_vars(ratio) or bound_vars(ratio):
            continue
        try:
            at_values = prove_equal(ranged, one.function, ratio * other.function, lemmas,
                                    multiply, depth + 1)
            return K.binder_congruence(at_values, one)
        except ProofError:
            continue
    return None


def _through_swaps(context, nl, nr):
    """Γ ⊢ B = B′ for an iterated sum or product B of nl whose limits, put in another order, make
    one B′ of nr (the order of summation exchanged, one pair of neighbouring limits at a time), or
    None."""
    def iterated(expr):
        return [node for node in sp.preorder_traversal(expr)
                if isinstance(node, BINDERS) and len(node.limits) > 1]
    for one, other in itertools.product(iterated(nl), iterated(nr)):
        if type(one) is type(other) and one.function == other.function and \
                one.limits != other.limits and sorted(one.limits, key=str) == \
                sorted(other.limits, key=str):
            try:
                return _reordered(context, one, other.limits)
            except ProofError:
                continue
    return None


def _through_exchange(context, left, right, lemmas, multiply, depth, exponentials):
    """Γ ⊢ lhs = rhs with one exchange of two sums in a side as written or in normal form, the
    rest by `prove_equal`, or None: Σ_i Σ_{j≤i} y_i y_j against Σ_j Σ_{i≥j} y_i y_j (a triangle,
    whose sides' normal forms take out y_i and y_j), Σ_i Σ_k y_ik log p_k against
    Σ_k log p_k Σ_i y_ik (whose normal form takes log p_k out of the sum over i only once that sum
    is the inner one).  `left`, `right`: (a side, Γ ⊢ side = its normal form)."""
    for (side, normal), other, flipped in ((left, right[0], False), (right, left[0], True)):
        seen = set()
        for written, to_normal in ((side, None), (normal.statement.rhs, normal)):
            for exchange in _exchanges(context, written):
                if exchange.statement.rhs in seen:
                    continue
                seen.add(exchange.statement.rhs)
                rewritten = congruence(context, exchange, written)
                ends = (rewritten.statement.rhs, other)
                try:
                    rest = prove_equal(context, *(ends[::-1] if flipped else ends), lemmas,
                                       multiply, depth + 1, exponentials, _exchanged=True)
                except ProofError:  # the claim's own reasons are the ones a user reads
                    continue
                there = chain_equal(*([to_normal] if to_normal else []), rewritten)
                return chain_equal(rest, K.symm(there)) if flipped else chain_equal(there, rest)
    return None


def _exchanges(context, expr):
    """Γ ⊢ B = B′ for each iterated sum or product B of expr and each two neighbouring limits of it
    that can be exchanged (`swap_binders`: Σ_i Σ_k = Σ_k Σ_i, or a triangle Σ_{i=a}^{b}
    Σ_{j=a}^{i} = Σ_{j=a}^{b} Σ_{i=j}^{b}), B′ with the two exchanged, its definedness shown by
    the range of either side (or both sides' conditions, for other exchanges); lazily, one at a
    time."""
    for node in sp.preorder_traversal(expr):
        if not isinstance(node, BINDERS) or len(node.limits) < 2:
            continue
        for position in range(len(node.limits) - 1):
            exchange = exchanged(node.limits, position)
            if exchange is None:
                continue
            if not exchange[1]:
                try:
                    facts = _both_orders_facts(context, node, exchange[0])
                    yield K.swap_binders(context, node, position, facts)
                except ProofError:
                    pass
                continue
            facts = []
            for limits in (node.limits, exchange[0]):
                try:
                    facts.append(prove_member(context, node.func(node.function, *limits)))
                except ProofError:
                    continue
            try:
                yield K.swap_binders(context, node, position, facts)
            except ProofError:
                continue


def _both_orders_facts(context, binder, limits):
    """Facts for the conditions of `binder` and of it over `limits`, two of its own exchanged,
    which `swap_binders` asks of both orders."""
    return prove_needs(context, sorted(needs(binder) | needs(binder.func(binder.function,
                                                                          *limits)), key=str))


def _reordered(context, binder, order):
    """Γ ⊢ binder = the binder with its limits in `order`, by exchanges of neighbours
    (`swap_binders`), each limit moved in turn to its place."""
    th = K.refl(context, binder)
    for place, limit in enumerate(order):
        while (position := list(th.statement.rhs.limits).index(limit)) > place:
            term = th.statement.rhs
            limits = list(term.limits)
            limits[position - 1:position + 1] = limits[position], limits[position - 1]
            facts = _both_orders_facts(context, term, limits)
            th = chain_equal(th, K.swap_binders(context, term, position - 1, facts))
    return th


def _missing_laws(context, difference):
    """What a refusal should say beyond the difference, where it has the shape of a law the
    rules lack or cannot use: a real power of a base not shown positive (x^a x^b = x^{a+b} needs
    x > 0), factorials or Γs a whole number apart whose recurrence needs what is not shown (n! =
    n (n − 1)! needs n − 1 a count)."""
    notes, bases = [], {}
    for power in sorted(filter(_real_power, difference.atoms(sp.Pow)), key=str):
        bases.setdefault(power.base, []).append(str(power))
    for base, powers in bases.items():
        if try_positive(context, base) is None:
            notes.append(f"{', '.join(powers)} {'was' if len(powers) == 1 else 'were'} not "
                         f"written with exp: the base {base} is not shown positive (the laws "
                         "x^a x^b = x^(a + b) and (x^a)^b = x^(ab) hold for x > 0)")
    for term in sorted(difference.atoms(sp.binomial), key=str):
        n, k = term.args
        unshown = [e for e in (k, sp.expand(n - k)) if _shown(context, e, Need.COUNT) is None]
        if unshown:
            notes.append(f"{term} was not written with factorials: {unshown[0]} is not shown a "
                         "count (for counts k <= n, write n as k + m with a count m)")
    for head, need in RECURRENCES:
        apart = [low for low in _apart(difference, head) if _shown(context, low, need) is None]
        if apart:
            notes.append(f"{head.__name__}s a whole number apart were not related by their "
                         f"recurrence: {apart[0]} is not shown {need.value}")
    return tuple(notes)


# (head, what the smaller argument of its recurrence must be shown: `K.recurrence`)
RECURRENCES = ((sp.factorial, Need.COUNT), (sp.gamma, Need.POSITIVE))
# arguments further apart than this are left as two atoms
MOST_RECURRENCE_STEPS = 8


def _apart(difference, head):
    """The arguments a at which head(a + 1) = … · head(a) relates the `head` atoms of `difference`
    whose arguments lie a whole number apart (k! and (k + 2)!: k + 1 and k), in a fixed order."""
    arguments = sorted({node.args[0] for node in difference.atoms(head)}, key=str)
    steps = {}
    for low in arguments:
        for high in arguments:
            gap = sp.expand(high - low)
            if gap.is_Integer and 0 < gap <= MOST_RECURRENCE_STEPS:
                steps.update(dict.fromkeys(sp.expand(low + j) for j in range(int(gap))))
    return list(steps)


def _through_factorials(context, lhs, rhs, difference, lemmas, multiply, depth):
    """Γ ⊢ lhs = rhs with each binomial coefficient C(n, k) whose k and n − k are shown counts
    written n!/(k!(n − k)!) (`binomial_as_factorials`), whose recurrences then relate them
    (Pascal's rule, C(n, k) = C(n, n − k)), or None."""
    steps = []
    for term in sorted(difference.atoms(sp.binomial), key=str):
        n, k = term.args
        bottom, rest = _shown(context, k, Need.COUNT), _shown(context, sp.expand(n - k), Need.COUNT)
        step = K.binomial_as_factorials(bottom, rest) if bottom and rest else None
        if step is not None and step.statement.lhs == term:
            steps.append(step)
    return _with_rewrites(context, lhs, rhs, steps, lemmas, multiply, depth)


def _by_entry(context, lhs, rhs, difference, lemmas, multiply, depth):
    """(Γ ⊢ lhs = rhs for an entry y_i of a family of labels as for a symbol t ranging over the
    labels, instantiated at t = y_i, or None; why not, or None)."""
    entries = finite_entries(context, difference)
    if not entries:
        return None, None
    entry = entries[0]

    def prove_general(general, t):
        return prove_equal(general, lhs.xreplace({entry: t}), rhs.xreplace({entry: t}), lemmas,
                           multiply, depth + 1)
    try:
        proved = through_symbol(context, entry, prove_general, lhs, rhs)
    except ProofError as error:
        return None, _not_by_values(context, entry, error)
    return (proved, None) if proved.statement == Equal(lhs, rhs) else (None, None)


def _label_bodies(context, lhs, rhs, lemmas, multiply, depth):
    """Γ ⊢ f = g for the bodies of a sum or product in lhs and one in rhs over the same limits, f
    or g mentioning an entry of a family of labels (Σ y_i² and Σ y_i, y_i ∈ {0, 1}: y_i² = y_i
    for each i), or None."""
    left, right = ([node for node in sp.preorder_traversal(side) if isinstance(node, BINDERS)]
                   for side in (lhs, rhs))
    for one in left:
        for other in right:
            if type(one) is not type(other) or one.limits != other.limits or \
                    one.function == other.function or \
                    not finite_entries(context, one.function, other.function):
                continue
            try:
                return prove_equal(context, one.function, other.function, lemmas, multiply,
                                   depth + 1)
            except ProofError:
                continue
    return None


def unfolded_term(expr):
    """Definitions (constants, families' entries) replaced by their bodies until none is left: a
    term for a search to aim at, never a proof (the entry's parameters are replaced as written)."""
    while True:
        found = [node for node in sp.preorder_traversal(expr)
                 if isinstance(node, (Defined, DefinedEntry))]
        if not found:
            return expr
        node = found[0]
        body = node.body if isinstance(node, Defined) else \
            node.func.body.xreplace(dict(zip(node.func.params, node.args)))
        expr = expr.xreplace({node: body})


def with_label_bodies(context, expr, other, lemmas=()):
    """Γ ⊢ expr = expr′: expr in normal form, with the body of one of its sums or products
    replaced by the body of one in `other` over the same limits that equals it value by value of
    a family of labels (log ∏ (y_i p + (1 − y_i)(1 − p)) is Σ log(y_i p + (1 − y_i)(1 − p)), whose
    body is y_i log p + (1 − y_i) log(1 − p) for y_i ∈ {0, 1}); `other`'s definitions are looked
    into.  None when no body matches."""
    normal = normalized(context, expr, first_index(expr, other), tuple(lemmas))[0]
    bodies = _label_bodies(context, normal.statement.rhs, unfolded_term(other), tuple(lemmas),
                           True, 0)
    if bodies is None:
        return None
    return chain_equal(normal, congruence(context, bodies, normal.statement.rhs))


def _with_rewrites(context, lhs, rhs, steps, lemmas, multiply, depth):
    """Γ ⊢ lhs = rhs with the equations `steps` among the normal form's rewrites, or None (also
    when there are none)."""
    if not steps:
        return None
    try:
        return prove_equal(context, lhs, rhs, lemmas + tuple(steps), multiply, depth + 1)
    except ProofError:
        return None


def _shown(context, expr, need):
    """Γ ⊢ expr ∈ S with S showing `need` of it, or None."""
    try:
        return prove_needs(context, [(expr, need, ())])[0]
    except ProofError:
        return None


def _through_recurrences(context, lhs, rhs, difference, lemmas, multiply, depth):
    """Γ ⊢ lhs = rhs with each factorial or Γ written down to the smallest of those a whole
    number apart ((k + 1)! = (k + 1) k!, `recurrence`), or None."""
    steps = []
    for head, need in RECURRENCES:
        for low in _apart(difference, head):
            fact = _shown(context, low, need)
            step = K.recurrence(fact, head) if fact is not None else None
            if step is not None and step.statement.lhs == head(low + 1):
                steps.append(step)
    return _with_rewrites(context, lhs, rhs, steps, lemmas, multiply, depth)


def _by_values(context, lhs, rhs, difference, lemmas, multiply, depth):
    """(Γ ⊢ lhs = rhs value by value of a symbol of the difference that takes a few values, y² = y
    for y ∈ {0, 1}, or None; why not, or None)."""
    variables = finite_symbols(context, difference)
    if not variables:
        return _by_entry(context, lhs, rhs, difference, lemmas, multiply, depth)
    if cases_of(context, variables) > MOST_CASES:
        return None, None
    var = variables[0]
    # rewrites proved where var ranges over all its values cannot join a case's proof
    kept = tuple(lemma for lemma in lemmas
                 if not isinstance(lemma, Theorem) or lemma.context.lookup(var) is None)

    def prove_case(case, term):
        left, right = term(lhs), term(rhs)
        middle = prove_equal(case, left.statement.rhs, right.statement.rhs, kept, multiply,
                             depth + 1)
        return chain_equal(left, middle, K.symm(right))
    try:
        return by_values(context, var, prove_case), None
    except ProofError as error:
        return None, _not_by_values(context, var, error)


def _not_by_values(context, quantity, error):
    """A refusal's note on a split into values that failed."""
    return (f"{quantity} ranges over {context.lookup(quantity)}, and case by case the claim was "
            f"not proved: {error}")


def _through_logs(context, lhs, rhs, lemmas, multiply, depth):
    """Γ ⊢ lhs = rhs from log lhs = log rhs, both sides shown positive and a power or product on
    one of them (the logs' rules take them apart), or None."""
    if not any(side.is_Pow or side.is_Mul or isinstance(side, (sp.Product, sp.exp))
               for side in (lhs, rhs)):
        return None
    left, right = try_positive(context, lhs), try_positive(context, rhs)
    if left is None or right is None:
        return None
    try:
        logs = prove_equal(context, sp.log(lhs), sp.log(rhs), lemmas, multiply, depth, logs=True)
        return K.log_injective(left, right, logs)
    except ProofError:
        return None


def _proportional_logs(context, left, nr, rhs, lemmas, multiply, depth):
    """Γ ⊢ lhs = rhs (`left`: lhs = its normal form nl; nr: rhs's) where the argument X of a log of
    a sum in nl is R·Y for the argument Y of one in nr and a product R free of sums (sympy's
    guess at X/Y; the normal form proves X = R·Y): log(eᵃ + eᵇ) − (a + b)/2 against
    log(e^((a−b)/2) + e^((b−a)/2)), R = e^((a+b)/2), whose log(R·Y) the log rules split where R
    and Y are shown positive; or None."""
    nl = left.statement.rhs
    below = [[node.args[0] for node in side.atoms(sp.log) if isinstance(node.args[0], sp.Add)]
             for side in (nl, nr)]
    for one, other in itertools.product(*below):
        if one == other or sp.count_ops(one) + sp.count_ops(other) > MOST_FACTORED:
            continue
        ratio = sp.powsimp(sp.factor(sp.cancel(sp.powsimp(sp.expand(one)) /
                                               sp.powsimp(sp.expand(other)))))
        if ratio == 1 or any(isinstance(factor, sp.Add) or factor.is_Pow and
                             isinstance(factor.base, sp.Add) for factor in sp.Mul.make_args(ratio)):
            continue
        try:
            rewritten = congruence(context, prove_equal(context, one, ratio * other, lemmas,
                                                        multiply, depth + 1), nl)
            rest = prove_equal(context, rewritten.statement.rhs, rhs, lemmas, multiply, depth + 1)
        except ProofError:
            continue
        return chain_equal(left, rewritten, rest)
    return None


def _real_power(expr):
    """Whether expr is a power whose exponent is no number (x^a, 2^x): one `power_as_exp` writes
    as an exponential, which sympy keeps as it is built; not one whose exponent has a constant
    term of more than three digits, of which sympy works exp(c log b) out as b^c (2^(k + 10¹¹)
    hung)."""
    return expr.is_Pow and not expr.exp.is_number and expr.base is not sp.E and \
        abs(expr.exp.as_coeff_Add()[0]) <= 10 ** 3


def has_roots(expr):
    """Whether expr has a power of a non-integer rational exponent (a root's power)."""
    return any(power.exp.is_Rational and not power.exp.is_Integer for power in expr.atoms(sp.Pow))


def _nested_fraction(expr):
    """Whether a denominator of expr has a fraction inside ((a + b)/(1 + a/(c + d))): multiplied
    out, each term would carry the nested denominator, and the sum grows too large for `ring` to
    cancel in reasonable time; the equation's one ring step compares it whole instead."""
    def inverse_of_sum(node):
        return node.is_Pow and node.exp.is_negative and isinstance(node.base, sp.Add)

    return any(inverse_of_sum(node) and any(inverse_of_sum(inner) for inner in
                                            sp.preorder_traversal(node.base))
               for node in sp.preorder_traversal(expr))


def _by_exp(expr):
    """Whether expr is sinh, cosh or tanh of something: `function_as_exp` writes it with exp."""
    return type(expr) in TABLE and TABLE[type(expr)].by_exp is not None


def _exponential_factors(product):
    """How many factors of the product are exponentials (not E**x, which sympy also calls exp)."""
    return sum(type(factor) is sp.exp for factor in product.args)


def _as_exponentials(*exprs):
    """Whether a `_real_power` or a `_by_exp` function is in exprs."""
    return any(_real_power(node) or _by_exp(node) for expr in exprs
               for node in sp.preorder_traversal(expr))


def needs_shown(context, conditions):
    """`prove_needs`, with a sum whose sign intervals miss shown over its common denominator:
    1 + b(1 − p)/(ap) ≠ 0, which term by term is only known to be real, is (ap + b − bp)/(ap),
    positive for p ∈ (0, 1) and a, b > 0."""
    facts = []
    for condition in conditions:
        try:
            facts.extend(prove_needs(context, [condition]))
        except ProofError:
            fact = _sign_as_one_fraction(context, *condition[:2])
            if fact is None:
                raise
            facts.append(fact)
    return facts


def ring_shown(context, lhs, rhs, conditions):
    """`needs_shown` of ring's `conditions` for lhs = rhs or, where one is not shown, of those of
    its reading with natural exponents (p^k = p·p^(k − 1) for any p, k − 1 a count)."""
    try:
        return needs_shown(context, conditions)
    except ProofError:
        counted, natural = K.ring_needs(lhs, rhs, counts=True)
        if counted != 0 or natural == conditions:
            raise
        return needs_shown(context, natural)


def _sign_as_one_fraction(context, expr, need):
    """Γ ⊢ expr ∈ S with S showing `need` (positive or nonzero), from expr = N/D over its common
    denominator (untrusted: sympy's factor guesses the form, `ring` proves it), or None."""
    if need not in (Need.POSITIVE, Need.NONZERO) or not isinstance(expr, sp.Add):
        return None
    numerator, denominator = sp.fraction(sp.factor(sp.together(expr)))
    # the numerator factored, or gathered by each symbol in turn: ap − bp + b as ap + b(1 − p)
    numerators = [numerator] + [sp.collect(sp.expand(numerator), symbol)
                                for symbol in sorted(numerator.free_symbols, key=str)]
    return through_forms(context, expr, dict.fromkeys(n / denominator for n in numerators),
                         lambda sign: sign.is_positive() or need is Need.NONZERO
                         and sign.is_negative(), _by_ring)


def _by_ring(context, expr, form):
    """Γ ⊢ expr = form by `ring` alone, its conditions shown by intervals (a side condition's
    equation: the normal form would ask `needs_shown` again)."""
    return K.ring(context, expr, form, prove_needs(context, K.ring_needs(expr, form)[1]))


def binders_written_out(expr):
    """expr with each sum or product of a number of terms from 1 to WRITTEN_OUT written out
    (a guess for the range rules, which bound e^{z_1}/(e^{z_1} + e^{z_2} + e^{z_3}) by 1 but
    not the same quotient over Σ_{j=1}^{3} e^{z_j}), or None when there is none."""
    def short(node):
        if not isinstance(node, BINDERS) or len(node.limits) != 1:
            return False
        (var, lo, hi), = binder_limits(node)
        count = sp.expand(hi - lo + 1)
        return (count.is_Integer and 0 < count <= WRITTEN_OUT
                and not costly_at_integers(node.function, var, lo, hi))

    written = expr.replace(short, lambda node: node.doit())
    return None if written == expr else written


def through_forms(context, expr, forms, accept, equal=None, sides=False):
    """Γ ⊢ expr ∈ S from the first of `forms`, terms guessed equal to expr, whose range by the
    interval rules `accept`s (a predicate on its hull): the equation proved (by `equal`, the normal
    form when None) and the range carried over; None when no form serves."""
    for form in forms:
        try:
            bound = prove_member(context, form, sides)
            if accept(hull(bound.statement.set)):
                return K.member_of_equal((equal or prove_equal)(context, expr, form), bound)
        except ProofError:
            continue
    return None


def chain_equal(*steps):
    """Compose a = b, b = c, … skipping trivial steps."""
    steps = [s for s in steps if s.statement.lhs != s.statement.rhs] or [steps[0]]
    th = steps[0]
    for step in steps[1:]:
        th = K.trans(th, step)
    return th


def as_written(context, expr, fact):
    """`fact` (Γ ⊢ e′ ∈ S) about `expr` as the user wrote it: the rules build their terms through
    sympy, which evaluates them (an unevaluated x + x is 2x there), so the two are shown equal and
    the fact carried over (member_of_equal); an evaluation that changes where the term is
    defined (x/x → 1) needs its fact, as in any equation."""
    if fact.statement.expr == expr:
        return fact
    try:
        equation = prove_equal(context, expr, fact.statement.expr)
    except ProofError as error:
        raise SideConditionError(
            f"{expr} is written unevaluated; sympy evaluates it to {fact.statement.expr}, for "
            f"which the claim holds, but the two are not shown equal ({error})") from None
    return K.member_of_equal(equation, fact)
