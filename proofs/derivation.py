"""Your own derivations: a chain of steps, each checked by the engine, published like a library theorem.

>>> import sympy as sp
>>> from proofs import Derivation
>>> a, b, c = sp.symbols("a b c")
>>> d = Derivation("Log-sum-exp is shift invariant")
>>> lse = d.define("LSE", sp.log(sp.exp(a) + sp.exp(b)))
>>> theorem = d.theorem("Shift", d.chain(lse).eq(sp.log(sp.exp(a) + sp.exp(b)))
...                                      .eq(c + sp.log(sp.exp(a - c) + sp.exp(b - c))))
>>> theorem.statement
Equal(lhs=LSE, rhs=c + log(exp(a - c) + exp(b - c)))
>>> for line in d.proof().to_text().splitlines()[3:8]:
...     print(line)
Setting: a ∈ ℝ, b ∈ ℝ, c ∈ ℝ.
Definitions:
  LSE = log(exp a + exp b)
<BLANKLINE>
Theorem (Shift). LSE = c + log(exp(a − c) + exp(b − c))

Each step is checked when it is written: a false one raises `DerivationError` naming the step's index,
both sides, the file and line that wrote it, and a counterexample; one the engine cannot prove says what
is missing.  Imports `proofs.check`, the kernel, the tactics and `Proof` (untrusted: every theorem comes
from the kernel's rules).
"""

import inspect
import os
import re

import sympy as sp
from sympy.core.function import UndefinedFunction

from . import check
from .errors import Disproved, ProofError, RuleApplicationError, UnsupportedError
from .kernel import Defined, DefinedFamily, Equal, SameOptimizers, StrictlyIncreasing
from .kernel import rules as K
from .kernel.terms import DefinedEntry, bound_vars, free_vars, names
from .proof import Proof, Section, Step, is_issued, issue
from .rules.normal_form import chain_equal, prove_equal
from .theorems.facts import fact_steps, monotone_steps
from .theorems.likelihood import chain_leaves, equality_steps

__all__ = ["Derivation", "Chain", "DerivationError"]

RELATIONS = {"eq": "=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}  # as error messages write them
SIGNS = {"eq": "=", "lt": "<", "le": "≤", "gt": ">", "ge": "≥"}  # as the proof shows them
DIRECTIONS = {"lt": "up", "le": "up", "gt": "down", "ge": "down"}
NONNEGATIVE = sp.Interval(0, sp.oo)
POSITIVE = sp.Interval.open(0, sp.oo)


class DerivationError(ProofError):
    """A step of a derivation failed: `step` (1-based), `lhs`, `relation`, `rhs`, `false` (a
    counterexample was found, in `cause`) or merely not proved, and where the step was written."""

    def __init__(self, where, name, step, lhs, relation, rhs, cause):
        self.where, self.step, self.lhs, self.relation, self.rhs = where, step, lhs, relation, rhs
        self.cause, self.false = cause, isinstance(cause, Disproved)
        verdict = ("is false" if self.false else "is refused"
                   if isinstance(cause, RuleApplicationError) else "is not proved")
        reason = cause.counterexample if self.false else str(cause)
        what = (f"step {step} of '{name}', {lhs} {relation} {rhs}," if step is not None
                else f"in '{name}', {cause.claim if self.false else 'the claim'}")
        super().__init__(f"{where}: {what} {verdict}: {reason}")


def _caller():
    """'file:line' of the user's code that called into this module."""
    here = os.path.abspath(__file__)
    for frame in inspect.stack()[2:]:
        if os.path.abspath(frame.filename) != here:
            return f"{os.path.basename(frame.filename)}:{frame.lineno}"
    return "<derivation>"


# the rule names a user may give as by= (catalogue names), with the words a reader sees
RULE_WORDS = {
    "log_of_product": "log of a product of positive factors", "log_of_mul": "log of a product",
    "log_of_pow": "log of a power", "log_of_exp": "log of an exponential",
    "sum_split": "linearity of the sum", "sum_factor": "a constant factor out of the sum",
    "sum_ones": "a sum of ones counts its terms", "ring": "algebra", "unfold": "definition",
    "rename_index": "renaming the summation index",
}


def _leaf_rules(theorem):
    """The kernel rules a step's proof tree uses, in order, without the plumbing (trans, symm,
    congruence, refl)."""
    found, stack = [], [theorem]
    while stack:
        node = stack.pop()
        if node.rule not in ("trans", "symm", "congruence", "refl") and node.rule not in found:
            found.append(node.rule)
        stack.extend(reversed(node.premises))
    return found


# several rules of one kind are named by their kind, so that a justification stays one short line
KINDS = {"log_of_product": "rules of the logarithm", "log_of_mul": "rules of the logarithm",
         "log_of_pow": "rules of the logarithm", "log_of_exp": "rules of the logarithm",
         "sum_split": "linearity of the sum", "sum_factor": "linearity of the sum",
         "sum_ones": "linearity of the sum", "rename_index": "linearity of the sum",
         "unfold": "definitions", "ring": "algebra"}


def _words(theorem):
    """What a reader is told for an equality step: the rules its proof uses, by kind when a kind has
    several ('rules of the logarithm'), algebra last."""
    rules = [rule for rule in _leaf_rules(theorem) if rule in RULE_WORDS]
    by_kind = {}
    for rule in rules:
        by_kind.setdefault(KINDS[rule], []).append(rule)
    words = [RULE_WORDS[group[0]] if len(set(group)) == 1 else kind
             for kind, group in by_kind.items() if kind != "algebra"]
    return ", ".join(words + (["algebra"] if "algebra" in by_kind or not words else []))


class Chain:
    """start = e₁ < e₂ ≤ … : each step checked when written; compose with `Derivation.lemma` or
    `Derivation.theorem`."""

    def __init__(self, derivation, start):
        self._derivation, self.start = derivation, sp.sympify(start)
        self.steps, self.current, self.direction = [], self.start, None
        self.links = []  # one kernel theorem per step written (a derived step shows several lines)

    def derive(self, rhs, because=None):
        """… = rhs, shown in as many lines as the engine's proof takes (each rule of the normal
        form a line: definitions, logs, linearity of the sum, …) — the library's identities read
        like this."""
        before = len(self.steps)
        self._step("eq", rhs, None, because)
        theorem = self.links[-1]
        rows = [Step(row.rhs, row.rule, re.sub(r" \(<ref:[a-z0-9-]+>\)", "", row.justification),
                     row.theorem) for row in equality_steps(theorem)]  # the library's lemma labels
        if because and rows:
            rows[-1] = Step(rows[-1].rhs, rows[-1].rule, because, rows[-1].theorem)
        self.steps[before:] = rows
        return self

    def eq(self, rhs, by=None, because=None):
        """… = rhs, proved now (normal forms; by= an equality lemma to rewrite with, or a rule the
        proof must use; because= the words shown); DerivationError if false or not proved."""
        return self._step("eq", rhs, by, because)

    def lt(self, rhs, by=None, because=None):
        """… < rhs: rhs minus the current expression shown positive, both shown defined."""
        return self._step("lt", rhs, by, because)

    def le(self, rhs, by=None, because=None):
        """… ≤ rhs: the difference shown nonnegative."""
        return self._step("le", rhs, by, because)

    def gt(self, rhs, by=None, because=None):
        """… > rhs (a chain may not mix it with < or ≤)."""
        return self._step("gt", rhs, by, because)

    def ge(self, rhs, by=None, because=None):
        """… ≥ rhs."""
        return self._step("ge", rhs, by, because)

    def _step(self, kind, rhs, by, because):
        where, number = _caller(), len(self.links) + 1
        lhs, rhs = self.current, sp.sympify(rhs)
        direction = DIRECTIONS.get(kind)
        if direction and self.direction and direction != self.direction:
            raise DerivationError(where, self._derivation.title, number, lhs, RELATIONS[kind], rhs,
                                  RuleApplicationError("a chain may not mix < or <= with > or >="))
        try:
            theorem = self._derivation._prove_step(kind, lhs, rhs, by)
        except ProofError as error:
            raise DerivationError(where, self._derivation.title, number, lhs, RELATIONS[kind], rhs,
                                  error) from None
        self.direction = direction or self.direction
        words = because or (RULE_WORDS.get(by, by) if isinstance(by, str) and by in RULE_WORDS
                            else self._derivation._lemma_words(by))
        if not words:
            words = _words(theorem) if kind == "eq" else (
                "the difference is positive" if kind in ("lt", "gt") else
                "the difference is nonnegative")
        self.steps.append(Step(rhs, theorem.rule, words, theorem, relation=SIGNS[kind]))
        self.links.append(theorem)
        self.current = rhs
        return self

    @property
    def relation(self):
        """The relation the whole chain shows between its start and its end."""
        kinds = {step.relation for step in self.steps}
        for strict, weak in (("<", "≤"), (">", "≥")):
            if strict in kinds:
                return strict
            if weak in kinds:
                return weak
        return "="


class Derivation:
    """A named derivation: hypotheses (`where`), definitions, lemmas and a theorem, rendered by the
    same `Proof` class as the library's theorems."""

    def __init__(self, title, where=None, name=None):
        self.title, self.name = title, name or title.lower().replace(" ", "-")
        self.where = dict(where or {})
        self.definitions, self.sections, self._lemmas, self._checked_ends = [], [], {}, []
        self.context = check.context(self.where or None)  # the hypotheses as the kernel has them

    # -------------------------------------------------------------------------------- definitions
    def define(self, name, body, params=None):
        """A named constant (or, with `params`, a family p(i) := body) used in later steps."""
        definition = (Defined(name, sp.sympify(body)) if params is None
                      else DefinedFamily(name, list(params), sp.sympify(body)))
        if any(str(d) == str(definition) for d in self.definitions):
            raise UnsupportedError(f"{name} is already defined in this derivation")
        self.definitions.append(definition)
        return definition

    # -------------------------------------------------------------------------------- claims
    def chain(self, start):
        """start, then .eq / .lt / .le / .gt / .ge steps."""
        return Chain(self, start)

    def positive(self, expr):
        return self._checked(lambda where: check.positive(expr, where=where))

    def member(self, expr, real_set):
        return self._checked(lambda where: check.member(expr, real_set, where=where))

    def strictly_increasing(self, expr, var, interval):
        return self._checked(lambda where: check.strictly_increasing(expr, var, interval,
                                                                     where=where))

    def same_optimizers(self, f, g, over, senses=("max", "min")):
        return self._checked(lambda where: check.same_optimizers(f, g, over, where=where,
                                                                 senses=senses))

    def _checked(self, claim):
        where = _caller()
        try:
            return claim(self.where or None)
        except ProofError as error:
            raise DerivationError(where, self.title, None, None, None, None, error) from None

    # -------------------------------------------------------------------------------- sections
    def lemma(self, name, claim, because=None, label=None):
        """Record a checked chain or theorem as a lemma (later steps may cite it with by=name);
        returns its kernel theorem.  `label`: the name LaTeX's \\label and \\cref use (after the
        label prefix), by default lemma-1, lemma-2, …"""
        return self._section("lemma", name, claim, because, label)

    def theorem(self, name, claim, because=None, label=None):
        """Record the main result (the last section)."""
        return self._section("theorem", name, claim, because, label)

    def _section(self, kind, name, claim, because, label=None):
        if label is not None and not re.fullmatch(r"[a-z][a-z0-9-]{0,39}", str(label)):
            raise UnsupportedError(f"label {label!r}: use lowercase letters, digits and - (up to 40)")
        if label is not None and any(section.label == label for section in self.sections):
            raise UnsupportedError(f"label {label!r} is already used in this derivation")
        label = label or f"{kind}-{len(self.sections) + 1}"
        if isinstance(claim, Chain):
            if not claim.steps:
                raise RuleApplicationError(f"{name}: a chain needs at least one step")
            composed = _compose(claim)
            shown = composed.statement  # an equality is shown as the kernel states it
            ends = (shown.lhs, shown.rhs) if isinstance(shown, Equal) else (claim.start, claim.current)
            section = Section(kind, name, label, composed, start=ends[0], steps=tuple(claim.steps),
                              claim=(ends[0], claim.relation, ends[1]))
        elif isinstance(claim.statement, SameOptimizers):
            section = Section(kind, name, label, claim, start=(claim.statement.sense_f,
                                                               claim.statement.f),
                              steps=_optimizer_steps(claim, because))
        else:
            steps = tuple(fact_steps(claim)) if not isinstance(claim.statement, StrictlyIncreasing) \
                else tuple(monotone_steps(claim))
            section = Section(kind, name, label, claim, steps=steps or (
                Step(claim.statement, claim.rule, because or "checked by the engine", claim),))
        self.sections.append(section)
        self._lemmas[name] = section
        return section.statement

    def _lemma_words(self, by):
        return f"{by} (<ref:{self._lemmas[by].label}>)" if by in self._lemmas else None

    # -------------------------------------------------------------------------------- checking
    def _prove_step(self, kind, lhs, rhs, by):
        where = self.where or None
        if kind == "eq":
            lemmas = ()
            if by is not None and by in self._lemmas:
                lemmas = (self._lemmas[by].statement,)
                if not isinstance(lemmas[0].statement, Equal):
                    raise RuleApplicationError(f"by={by!r}: an = step can use an equality lemma only")
            theorem = (check.equal(lhs, rhs, where=where) if not lemmas
                       else prove_equal(self.context, lhs, rhs, lemmas))
        else:
            if by is not None and by in self._lemmas:
                raise RuleApplicationError("by= cites a lemma in = steps only; use because= for "
                                           "words")
            # both ends shown defined: sympy's evaluation of the difference may drop them
            # ((1 + log x) − log x is 1), and a < b claims a and b are numbers
            self._checked_ends.extend(check.member(end, sp.S.Reals, where=where)
                                      for end in (lhs, rhs))
            difference = rhs - lhs if kind in ("lt", "le") else lhs - rhs
            real_set = POSITIVE if kind in ("lt", "gt") else NONNEGATIVE
            theorem = check.member(difference, real_set, where=where)
        if isinstance(by, str) and by in RULE_WORDS and by not in _leaf_rules(theorem):
            raise RuleApplicationError(f"the step is proved without {by}")
        return theorem

    # -------------------------------------------------------------------------------- output
    def proof(self):
        """The `Proof` (text, LaTeX, Markdown, PDF, Jupyter — every output of the library)."""
        if not self.sections or self.sections[-1].kind != "theorem":
            raise RuleApplicationError(f"{self.title}: end the derivation with d.theorem(...)")
        final = self.sections[-1].statement
        theorems = [section.statement for section in self.sections] + [
            step.theorem for section in self.sections for step in section.steps] + self._checked_ends
        # the setting is every hypothesis a line rests on: where=, and the ranges sympy assumptions
        # became (a chain may be written with Symbol("x", positive=True))
        context = self.context.merged(*(th.context for th in theorems))
        setting = tuple((_shown(key, self.definitions), real_set)
                        for key, real_set in context.entries)
        # every other quantity a statement mentions ranges over ℝ: say so, so each symbol is
        # introduced before it is used
        indices = set().union(*(bound_vars(d.body) for d in self.definitions),
                              *(bound_vars(t) for th in theorems for t in th.statement.terms))
        setting += tuple((_shown(key, self.definitions), sp.S.Reals)
                         for key in _quantities(theorems)
                         if context.lookup(key) is None and key not in indices)
        self._definitions_shown(theorems)
        return issue(Proof(name=self.name, title=self.title, theorem=final,
                           sections=tuple(self.sections), setting=setting,
                           definitions=tuple(self.definitions), checked=tuple(theorems),
                           symbols={"parametric": any(isinstance(s.statement.statement,
                                                                 SameOptimizers)
                                                      for s in self.sections)}))

    def _definitions_shown(self, theorems):
        """Every definition a line uses is one this derivation made, so the one displayed."""
        for theorem in theorems:
            for term in theorem.statement.terms:
                for node in sp.preorder_traversal(term):
                    family = node.func if isinstance(node, DefinedEntry) else None
                    used = node if isinstance(node, Defined) else family
                    if used is not None and not any(used is d or used == d
                                                    for d in self.definitions):
                        raise UnsupportedError(f"{used} is used but not defined by this derivation: "
                                               "make it with d.define")


OPTIMIZER_WORDS = {
    "transfer_increasing": "a strictly increasing map keeps the optimizers",
    "optimizers_of_equal": "the objectives are equal", "shift_constant":
    "an additive constant does not change the optimizers", "negate_objective":
    "maximizing a function is minimizing its negative", "scale_positive":
    "a positive factor does not change the optimizers", "optimizers_symm": "read backwards",
}


def _optimizer_steps(theorem, because):
    """One line per link of an optimizer chain: arg f = arg g₁ = … = arg g."""
    leaves = chain_leaves(theorem, "optimizers_trans")
    steps = [Step((leaf.statement.sense_g, leaf.statement.g), leaf.rule,
                  OPTIMIZER_WORDS.get(leaf.rule, leaf.rule.replace("_", " ")), leaf)
             for leaf in leaves]
    if because and steps:
        steps[-1] = Step(steps[-1].rhs, steps[-1].rule, because, steps[-1].theorem)
    return tuple(steps)


def _quantities(theorems):
    """The symbols free in the statements and the families and functions they name, in a fixed
    order (definitions and bound indices excluded)."""
    found = {}
    for theorem in theorems:
        for term in theorem.statement.terms:
            for symbol in sorted(free_vars(term), key=str):
                found.setdefault(str(symbol), symbol)
            for name, obj in sorted(names(term).items()):
                if isinstance(obj, (sp.IndexedBase, UndefinedFunction)):
                    found.setdefault(name, obj)
    return [found[name] for name in sorted(found)]


def _shown(key, definitions):
    """A context key as the setting prints it: a family x as x_i, with the index its sums use."""
    if not isinstance(key, sp.IndexedBase):
        return key
    for definition in definitions:
        for node in sp.preorder_traversal(definition.body):
            if isinstance(node, sp.Indexed) and node.base == key and node.indices[0].is_Symbol:
                return node
    return key[sp.Symbol("i")]


def _compose(chain):
    """The chain as one kernel theorem: start = end (every step an equality, by transitivity), or
    end − start (start − end for a downward chain) in (0, ∞) or [0, ∞): the sum of the steps'
    differences, each equality step read as a difference in {0}."""
    if chain.direction is None:
        return chain_equal(*chain.links)
    context = chain._derivation.context
    total = None
    for theorem in chain.links:
        if isinstance(theorem.statement, Equal):  # a = b: b − a = 0, then b − a ∈ {0}
            a, b = theorem.statement.lhs, theorem.statement.rhs
            difference = b - a if chain.direction == "up" else a - b
            zero = prove_equal(context, difference, 0)
            theorem = K.member_of_equal(zero, K.member_context(context, sp.S.Zero))
        total = theorem if total is None else K.member_add(total, theorem)
    expected = chain.current - chain.start if chain.direction == "up" else chain.start - chain.current
    if total.statement.expr != expected:
        raise RuleApplicationError(f"the steps do not add up to {expected} (sympy left "
                                   f"{total.statement.expr})")
    return total


def load(spec):
    """The `Proof` a user's script makes: 'path/to/script.py:function' names a function returning a
    `Derivation` or a `Proof`.  Every failure is one `ProofError` line, with file:line when the
    script raised."""
    import importlib.util
    import traceback

    path, _, function = spec.rpartition(":")
    if not path.endswith(".py") or not function.isidentifier():
        raise UnsupportedError(f"{spec!r}: write path/to/script.py:function")
    if not os.path.isfile(path):
        raise UnsupportedError(f"cannot read {path}: no such file")
    module_spec = importlib.util.spec_from_file_location(f"proofs_user_{abs(hash(path))}", path)
    try:
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        if not hasattr(module, function):
            raise UnsupportedError(f"{path} has no function {function}")
        result = getattr(module, function)()
    except ProofError:
        raise
    except Exception as error:  # noqa: BLE001 — the user's code: reported as one line, file:line
        frames = [f for f in traceback.extract_tb(error.__traceback__)
                  if os.path.abspath(f.filename) == os.path.abspath(path)]
        where = f"{os.path.basename(path)}:{frames[-1].lineno}" if frames else path
        raise UnsupportedError(f"{where}: {type(error).__name__}: {error}") from None
    if isinstance(result, Derivation):
        return result.proof()
    if isinstance(result, Proof) and is_issued(result):
        return result
    if isinstance(result, Proof):
        raise UnsupportedError(f"{spec} returned a Proof assembled by hand: return the Derivation "
                               "(or a Proof from proofs.prove), whose every line is checked")
    raise UnsupportedError(f"{spec} returned {type(result).__name__}, not a Derivation or a Proof")
