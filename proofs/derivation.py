"""Your own derivations: a chain of steps, each checked by the engine, published like a library
theorem.

>>> import sympy as sp
>>> from proofs import Derivation
>>> a, b, c = sp.symbols("a b c")
>>> d = Derivation("Log-sum-exp is shift invariant")
>>> lse = d.define("LSE", sp.log(sp.exp(a) + sp.exp(b)))
>>> theorem = d.theorem("Shift", d.chain(lse).eq(sp.log(sp.exp(a) + sp.exp(b)))
...                                      .eq(c + sp.log(sp.exp(a - c) + sp.exp(b - c))))
>>> theorem.statement
Equal(lhs=LSE, rhs=c + log(exp(a - c) + exp(b - c)))
>>> text = d.proof().to_text()
>>> for line in text.splitlines()[3:6]:
...     print(line)
Setting: a ∈ ℝ, b ∈ ℝ, c ∈ ℝ.
Definitions:
  LSE = log(exp a + exp b)
>>> statement = text.split("Theorem 1 (Shift). ")[1].splitlines()[0]  # with its hypotheses
>>> print(statement.replace(" Then ", "\\nThen "))
Let a ∈ ℝ, b ∈ ℝ, c ∈ ℝ, and let LSE be as defined above.
Then LSE = c + log(exp(a − c) + exp(b − c))

Each step is checked when it is written: a false one raises `DerivationError` naming the step's
index, both sides, the file and line that wrote it, and a counterexample; one the engine cannot
prove says what is missing.  Imports `proofs.check`, the kernel, the tactics and `Proof` (untrusted:
every theorem comes from the kernel's rules).
"""

import os
import re
import sys
from dataclasses import replace

import sympy as sp
from sympy.core.function import UndefinedFunction

from . import check
from .boundary import admit
from .errors import (Disproved, ProofError, RuleApplicationError, SideConditionError,
                     UnsupportedError)
from .kernel import (Context, Defined, DefinedFamily, Equal, Member, SameOptimizers,
                     StrictlyIncreasing, Theorem)
from .kernel import rules as K
from .kernel.terms import DefinedEntry, bound_vars, free_vars, fresh, names
from .proof import Proof, Section, Step, is_issued, issue
from .tree import (case_leaves, case_variable, instantiated, ranged_index, stated_factor,
                   tree_nodes)
from .rules.normal_form import chain_equal, congruence, prove_equal
from .rules.optimizers import chain, ending_at
from .theorems.facts import (by_exp_words, fact_steps, justify_fact, monotone_steps,
                             recurrence_words, telescoping_words, through_equation,
                             value_cases_words, words_alone)
from .theorems.equalities import RULE_WORDS, chain_leaves, equality_steps, unfolded

__all__ = ["Derivation", "Chain", "OptimizerChain", "DerivationError"]

# as error messages write them
RELATIONS = {"eq": "=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
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
    frame = sys._getframe(2)  # walked by hand: inspect.stack() reads every frame's source line
    while frame is not None:
        if os.path.abspath(frame.f_code.co_filename) != here:
            return f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno}"
        frame = frame.f_back
    return "<derivation>"


def _leaf_rules(theorem):
    """The kernel rules a step's proof tree uses, in order, without the plumbing (trans, symm,
    congruence, refl)."""
    found, stack = [], [theorem]
    while stack:
        node = stack.pop()
        if node.rule not in ("trans", "symm", "congruence", "binder_congruence", "refl") and \
                node.rule not in found:
            found.append(node.rule)
        stack.extend(reversed(node.premises))
    return found


# several rules of one kind are named by their kind, so that a justification stays one short line
KINDS = {"log_of_product": "log of a product", "log_of_mul": "rules of the logarithm",
         "log_of_pow": "rules of the logarithm", "log_of_exp": "rules of the logarithm",
         "sum_split": "linearity of the sum", "sum_factor": "linearity of the sum",
         "sum_ones": "counting terms", "rename_index": "linearity of the sum",
         "sum_telescoping": "a telescoping sum", "sum_peel": "reindexing the sum",
         "sum_shift": "reindexing the sum", "sum_empty": "writing out the sum",
         "swap_binders": "exchanging the order of summation",
         "binomial_theorem": "the binomial theorem",
         "power_as_exp": "rules of powers", "log_injective": "logarithms of both sides",
         "function_as_exp": "definitions by exp",
         "gamma_of_count": "the Gamma function", "recurrence": "recurrences",
         "by_cases": "each value in turn",
         "binomial_as_factorials": "binomial coefficients as factorials",
         "abs_identity": "rules of the absolute value",
         "abs_of_sign": "rules of the absolute value", "unfold": "definitions", "ring": "algebra"}


def _words(theorem):
    """What a reader is told for an equality step: the rules its proof uses, by kind when a kind has
    several ('rules of the logarithm'), algebra last.  (Every rule: one used on both sides, to
    bring each to a normal form, may still be what takes one to the other.)"""
    rules = [rule for rule in _leaf_rules(theorem) if rule in RULE_WORDS]
    peels, written = _peels(theorem)
    if written:  # a sum peeled down to nothing was written out term by term: said so, once
        rules = [rule for rule in rules if rule != "sum_peel" or len(written) < len(peels)]
        rules += [] if "sum_empty" in rules else ["sum_empty"]
    by_kind = {}
    for rule in rules:
        by_kind.setdefault(KINDS[rule], []).append(rule)
    words = [RULE_WORDS[group[0]] if len(set(group)) == 1 else kind
             for kind, group in by_kind.items() if kind != "algebra"]
    # the definitions by name, as the library's lines read ("definition of L")
    if "unfold" in rules:
        words = [_named_definitions(theorem) if word in ("definition", "definitions") else word
                 for word in words]
    # a log of a product rests on its factors' positivity: cited as the library's lines cite it
    words = [word + " (<ref:positivity>)" if word == RULE_WORDS["log_of_product"] else word
             for word in words]
    words = [_peeled_words(peels, written) if word == RULE_WORDS["sum_peel"] else word
             for word in words]
    words = [_written_out_words(written) if word == RULE_WORDS["sum_empty"] else word
             for word in words]
    words = [by_exp_words(theorem) if word == RULE_WORDS["function_as_exp"] else word
             for word in words]
    words = [recurrence_words(theorem) if word == RULE_WORDS["recurrence"] else word
             for word in words]
    words = [value_cases_words(theorem) if word == RULE_WORDS["by_cases"] else word
             for word in words]
    words = [telescoping_words(theorem) if word == RULE_WORDS["sum_telescoping"] else word
             for word in words]
    return ", ".join(words + (["algebra"] if "algebra" in by_kind or not words else []))


def _peeled_words(peels, written):
    """sum_peel's words for what it peeled (not in writing a sum out): a term out of a sum, a
    factor out of a product (`_peels`)."""
    found = {type(node.statement.lhs) for node in peels if node not in written}
    if found == {sp.Product}:
        return "a factor taken out of the product"
    if found == {sp.Sum}:
        return RULE_WORDS["sum_peel"]
    return "a term taken out of the sum and a factor out of the product"


def _peels(theorem):
    """(every sum_peel of the proof, those that belong to writing a sum out): a peel of the sum or
    product an empty one is left of, or one whose factor 0 made sympy take the product for 0."""
    nodes = list(tree_nodes(theorem))
    peels = [node for node in nodes if node.rule == "sum_peel"]
    ended = {_binder_key(node.statement.lhs) for node in nodes if node.rule == "sum_empty" or
             node.rule == "sum_peel" and node.statement.rhs == 0}
    return peels, [node for node in peels if _binder_key(node.statement.lhs) in ended]


def _binder_key(total):
    """A sum or product as the peels of one sum share it: its kind, index and body."""
    return type(total), total.limits[0][0], total.function


def _written_out_words(written):
    """sum_empty's words for the peels that wrote a sum out (`_peels`): a sum written out term by
    term, a product factor by factor."""
    kinds = {type(node.statement.lhs) for node in written}
    if kinds == {sp.Product}:
        return "the product written out factor by factor"
    if kinds == {sp.Sum}:
        return RULE_WORDS["sum_empty"]
    return "the sum and the product written out"


def _references(sections):
    """'<ref:a>, <ref:b>': the lemmas a justification cites, as the renderers fill them in."""
    return ", ".join(f"<ref:{section.label}>" for section in sections)


def _names(by):
    """by= as a tuple of names (one name, or a list of them)."""
    if by is None:
        return ()
    return tuple(by) if isinstance(by, (list, tuple)) else (by,)


def _known_references(words, labels):
    """The words without lemma references this derivation has no section for (the library's
    justifications cite 'Lemma 1' by the label positivity)."""
    def keep(match):
        kept = [ref for ref in re.findall(r"<ref:([a-z0-9-]+)>", match.group(0)) if ref in labels]
        lead = match.group(1) or ""
        return f" ({lead}{', '.join(f'<ref:{ref}>' for ref in kept)})" if kept else ""
    return re.sub(r" \((proof of )?(?:<ref:[a-z0-9-]+>(?:, )?)+\)", keep, words)


def _factor_reasons(row):
    """Why the factors of the row's log of a product are positive, as the kernel showed it."""
    reasons, ranged = [], False
    for node in tree_nodes(row.theorem):
        if node.rule == "log_of_product":
            # i > 0 in ∏_{i=1}^{n} i holds at the index's values, not by an assumption
            ranged = ranged or ranged_index(node) is not None
            reasons += [words_alone(step) for step in fact_steps(node.premises[0])
                        if step.justification != "assumption"]
    reasons = list(dict.fromkeys(reasons))
    each = "each positive at the values its index takes" if ranged else "each positive"
    if reasons:
        return f"{each}: " + ", ".join(reasons)
    return each if ranged else "positive by assumption"


def _positivity_words(row, sections):
    """The row's words with the lemmas it may cite, its log of a product citing the lemma that
    states its factors positive (by that lemma's label, whatever the lemma is called); else,
    since a cited lemma must contain the fact, the words say why the factors are positive: the
    kernel showed them in place, by the rules named ('each positive: exponential of a real
    number, reciprocal, …')."""
    labels = {section.label for section in sections}
    if "(<ref:positivity>)" not in row.justification:
        return _known_references(row.justification, labels)
    stating = next((section for section in sections if _states_factors(section, row.theorem)),
                   None)
    if stating is not None:
        return row.justification.replace("<ref:positivity>", f"<ref:{stating.label}>")
    words = _known_references(row.justification, labels - {"positivity"})
    return words.replace("positive factors", f"positive factors ({_factor_reasons(row)})", 1)


def _states_factors(section, theorem):
    """Whether `section` is a positivity lemma stating each factor's positivity that the logs of
    products in `theorem` rest on ('For every θ and i, f_i > 0, and so L > 0')."""
    stated = stated_factor(section.statement)
    used = [node.premises[0].statement.expr for node in tree_nodes(theorem)
            if node.rule == "log_of_product"]
    return stated is not None and all(expr == stated[0].statement.expr for expr in used)


def _cited_words(row, sections):
    """'Lemma k, in each term' for a derived line that rewrites with a cited lemma."""
    nodes = {id(node) for node in tree_nodes(row.theorem)}
    used = [section for section in sections if section and id(section.statement) in nodes]
    if not used:
        return None
    return _references(used) + (", in each term" if row.rule == "congruence" else "")


def _rule_words(rule, theorem):
    """What a reader is told for a step proved with `rule` (by=): a definition is named."""
    if rule != "unfold":
        return RULE_WORDS[rule]
    return _named_definitions(theorem)


def _named_definitions(theorem):
    """'definition of L and CE': the definitions `theorem`'s proof unfolds, by name."""
    return "definition of " + " and ".join(f"$<{name}>$" for name in unfolded(theorem))


class Chain:
    """start = e₁ < e₂ ≤ … : each step checked when written; compose with `Derivation.lemma` or
    `Derivation.theorem`."""

    def __init__(self, derivation, start):
        self._derivation, self.start = derivation, _expression(start, "a chain's start")
        self.steps, self.current, self.direction = [], self.start, None
        self.links = []  # one kernel theorem per step written (a derived step shows several lines)
        self.unshown = None  # the last step checked but not shown: it repeated the line above

    def derive(self, rhs, because=None, by=None, folded=()):
        """… = rhs, shown in as many lines as the engine's proof takes (each rule of the normal
        form a line: definitions, logs, linearity of the sum, …) — the library's identities read
        like this.  `by`: equality lemmas (names or labels) to rewrite with; `folded`: definitions
        kept as names (p_i := σ(w x_i) stays p_i, as on paper)."""
        before = len(self.steps)
        self._step("eq", rhs, None, because, derived=(_names(by), tuple(folded)))  # checks because
        theorem = self.links[-1]
        sections = self._derivation.sections
        cited = [self._derivation._cited(name) for name in _names(by)]
        rows = [Step(row.rhs, row.rule, _cited_words(row, cited)
                     or _positivity_words(row, sections), row.theorem)
                for row in equality_steps(theorem)]
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

    def _step(self, kind, rhs, by, because, derived=None):
        because = _words_checked(because)
        where, number = _caller(), len(self.links) + 1
        lhs, rhs = self.current, _expression(rhs, "a step's right-hand side")
        direction = DIRECTIONS.get(kind)
        if direction and self.direction and direction != self.direction:
            raise DerivationError(where, self._derivation.title, number, lhs, RELATIONS[kind], rhs,
                                  RuleApplicationError("a chain may not mix < or <= with > or >="))
        try:
            with check.prover_first():  # steps are written to hold: no early point tries
                if derived is not None:
                    theorem = self._derivation._derive_equal(lhs, rhs, *derived)
                else:
                    theorem = self._derivation._prove_step(kind, lhs, rhs, by)
        except ProofError as error:
            raise DerivationError(where, self._derivation.title, number, lhs, RELATIONS[kind], rhs,
                                  error) from None
        self.direction = direction or self.direction
        rule = by if isinstance(by, str) and by in RULE_WORDS else None
        words = because or (_rule_words(by, theorem) if rule
                            else self._derivation._lemma_words(by))
        if not words and kind == "eq":
            words = _positivity_words(Step(rhs, theorem.rule, _words(theorem), theorem),
                                      self._derivation.sections)
        formulas = ()
        if not words:
            words, formulas = _difference_words(theorem, kind)
        step = Step(rhs, rule or theorem.rule, words, theorem, relation=SIGNS[kind],
                    formulas=formulas)
        self.links.append(theorem)
        if kind == "eq" and rhs == lhs and by is None and not because:
            # sympy built both sides alike (x + x and 2x): a line "= 2x [algebra]" would repeat
            # the one above (the start, for a first step), so the step is checked and not shown,
            # unless the chain would show no line at all
            self.unshown = step
            return self
        self.steps.append(step)
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


class OptimizerChain:
    """arg_s f = arg_t g₁ = … over the quantities `over`, each step checked when written; compose
    with `Derivation.lemma` or `Derivation.theorem`."""

    def __init__(self, derivation, sense, start, over):
        self._derivation, self.over = derivation, tuple(over)
        self.start = (sense, _expression(start, "an objective"))
        self.current, self.steps, self.links = self.start, [], []

    def argmax(self, g, by=None, because=None):
        """… = argmax g: by= lemmas (an equality between the objectives; a positivity and a
        monotonicity lemma for a strictly increasing map; an optimizer lemma) or a rule; otherwise
        the engine finds the step (logs, constants, signs, positive factors)."""
        return self._step("max", g, by, because)

    def argmin(self, g, by=None, because=None):
        """… = argmin g (as `argmax`)."""
        return self._step("min", g, by, because)

    def derive(self, sense, g, by=None, because=None):
        """… = arg-sense g, shown in as many lines as the engine's proof takes (one per rule: the
        objectives equal by a cited lemma, an additive constant, a sign, a positive factor)."""
        return self._step(sense, g, by, because, derived=True)

    def _step(self, sense, g, by, because, derived=False):
        because = _words_checked(because)
        where, number = _caller(), len(self.links) + 1
        (sense_f, f), g = self.current, _expression(g, "an objective")
        if sense not in ("max", "min"):
            raise UnsupportedError(f"sense {sense!r}: use 'max' or 'min'")
        try:
            with check.prover_first():
                link = self._derivation._prove_link(sense_f, f, sense, g, self.over, by, derived)
        except ProofError as error:
            raise DerivationError(where, self._derivation.title, number, f"arg{sense_f} {f}", "=",
                                  f"arg{sense} {g}", error) from None
        cites = any(self._derivation._cited(name) for name in _names(by))
        words = (self._derivation._link_words(sense_f, f, link, by) if cites
                 else _optimizer_words(link))
        rows = _optimizer_steps(link, because, self._derivation) if derived else [
            Step((sense, g), _main_rule(link), because or words, link)]
        self.steps.extend(rows)
        self.links.append(link)
        self.current = (sense, g)
        return self


class Derivation:
    """A named derivation: hypotheses (`where`), definitions, lemmas and a theorem, rendered by the
    same `Proof` class as the library's theorems."""

    def __init__(self, title, where=None, name=None):
        if not isinstance(title, str) or not title.strip():
            raise UnsupportedError(f"a derivation's title is words, such as 'Log-sum-exp', not "
                                   f"{title!r}")
        if where is not None and not hasattr(where, "items"):
            raise UnsupportedError(f"where= is a dict from symbols to their ranges, such as "
                                   f"{{x: sp.Interval.open(0, sp.oo)}}, not {type(where).__name__}")
        self.title, self.name = title, name or title.lower().replace(" ", "-")
        self.where = dict(where or {})
        self.definitions, self.sections, self._lemmas, self._checked_ends = [], [], {}, []
        self.corollaries = []
        self.context = check.context(self.where or None)  # the hypotheses as the kernel has them

    # -------------------------------------------------------------------------------- definitions
    def define(self, name, body, params=None):
        """A named constant (or, with `params`, a family p(i) := body) used in later steps."""
        if not isinstance(name, str) or not name:
            raise UnsupportedError(f"a definition's name is a string such as 'L', not {name!r}")
        if params is not None and not isinstance(params, (list, tuple)):
            raise UnsupportedError(f"params= is a list of the family's indices, such as [i], not "
                                   f"{params!r}")
        body = _expression(body, f"the body of {name}")
        definition = (Defined(name, body) if params is None
                      else DefinedFamily(name, list(params), body))
        if any(str(d) == str(definition) for d in self.definitions):
            raise UnsupportedError(f"{name} is already defined in this derivation")
        self.definitions.append(definition)
        return definition

    # -------------------------------------------------------------------------------- claims
    def chain(self, start):
        """start, then .eq / .lt / .le / .gt / .ge steps."""
        return Chain(self, start)

    def argmax(self, f, over):
        """argmax f over the quantities `over`, then .argmax / .argmin / .derive steps."""
        return OptimizerChain(self, "max", f, _over(over))

    def argmin(self, f, over):
        """argmin f over the quantities `over`, then .argmax / .argmin / .derive steps."""
        return OptimizerChain(self, "min", f, _over(over))

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
            with check.prover_first():
                return claim(self.where or None)
        except ProofError as error:
            raise DerivationError(where, self.title, None, None, None, None, error) from None

    # -------------------------------------------------------------------------------- sections
    def lemma(self, name, claim, because=None, label=None, remark=""):
        """Record a checked chain or theorem as a lemma (later steps may cite it with by=name or
        by=label); returns its kernel theorem.  `label`: the name LaTeX's \\label and \\cref use
        (after the label prefix), by default lemma-1, lemma-2, …; `remark`: a paragraph (LaTeX
        text) printed after the proof."""
        return self._section("lemma", name, claim, because, label, remark)

    def theorem(self, name, claim, because=None, label=None, remark=""):
        """Record the main result (the last section)."""
        return self._section("theorem", name, claim, because, label, remark)

    def corollary(self, claim):
        """An equality stated after the theorem: the optimal values, L = exp(−c·G), when the
        identity gives it (shown as 'Moreover …, so max L = exp(−c·min G)')."""
        theorem = _compose(claim) if isinstance(claim, Chain) else _theorem(claim, "corollary")
        statement = theorem.statement
        if not isinstance(statement, Equal) or not isinstance(statement.rhs, sp.exp):
            raise UnsupportedError("a corollary states L = exp(−c·G) as an equality chain")
        _value_link_holds(theorem, [])  # what is optimized is checked again by proof()
        self.corollaries.append(theorem)
        return theorem

    def _section(self, kind, name, claim, because, label=None, remark=""):
        if not isinstance(name, str) or not name.strip():
            raise UnsupportedError(f"a {kind}'s name is words, such as 'Positivity', not {name!r}")
        because = _words_checked(because)
        if remark:  # printed as LaTeX after the proof: words and checked mathematics only
            from .render.safety import check_remark
            check_remark("remark", remark)
        if label is not None and not re.fullmatch(r"[a-z][a-z0-9-]{0,39}", str(label)):
            raise UnsupportedError(f"label {label!r}: use lowercase letters, digits and - "
                                   "(up to 40)")
        if label is not None and any(section.label == label for section in self.sections):
            raise UnsupportedError(f"label {label!r} is already used in this derivation")
        number, taken = len(self.sections) + 1, {section.label for section in self.sections}
        while label is None and f"{kind}-{number}" in taken:  # a label chosen earlier: the next
            number += 1
        label = label or f"{kind}-{number}"
        if isinstance(claim, OptimizerChain):
            if not claim.links:
                raise RuleApplicationError(f"{name}: a chain needs at least one step")
            section = Section(kind, name, label, chain(*claim.links), start=claim.start,
                              steps=tuple(claim.steps), remark=remark)
        elif isinstance(claim, Chain):
            if not claim.links:
                raise RuleApplicationError(f"{name}: a chain needs at least one step")
            composed = _compose(claim)
            shown = composed.statement  # an equality is shown as the kernel states it
            ends = ((shown.lhs, shown.rhs) if isinstance(shown, Equal)
                    else (claim.start, claim.current))
            steps = tuple(claim.steps) or (claim.unshown,)  # 2x = 2x shows its one step
            section = Section(kind, name, label, composed, start=ends[0], steps=steps,
                              claim=(ends[0], claim.relation, ends[1]), remark=remark)
        elif isinstance(_theorem(claim, name).statement, SameOptimizers):
            section = Section(kind, name, label, claim, start=(claim.statement.sense_f,
                                                               claim.statement.f),
                              steps=_optimizer_steps(claim, because, self), remark=remark)
        else:
            claim = _theorem(claim, name)
            steps = tuple(fact_steps(claim)) \
                if not isinstance(claim.statement, StrictlyIncreasing) \
                else tuple(monotone_steps(claim))
            section = Section(kind, name, label, claim, remark=remark, steps=steps or (
                Step(claim.statement, claim.rule, because or "checked by the engine", claim),))
        self.sections.append(section)
        self._lemmas[name] = section
        return section.statement

    def _by(self, by, rules, what):
        """(the rule names in by=, the sections it cites), once every name is one or the other: a
        name that is neither would be shown as a reason never checked."""
        for name in _names(by):
            if not isinstance(name, str) or (name not in rules and self._cited(name) is None):
                raise RuleApplicationError(f"by={name!r} names no lemma of this derivation nor "
                                           f"{what}")
        return ([name for name in _names(by) if name in rules],
                [self._cited(name) for name in _names(by) if name not in rules])

    def _cited(self, name):
        """The section a by= names, by its name or its label."""
        if isinstance(name, str):
            if name in self._lemmas:
                return self._lemmas[name]
            for section in self.sections:
                if section.label == name:
                    return section
        return None

    def _lemma_words(self, by):
        sections = [self._cited(name) for name in _names(by)]
        if not sections or None in sections:
            return None
        references = _references(sections)
        # the name goes into the words as it is, so only a name of plain words (no $, no LaTeX
        # special character: a review ran \gdef\log{\exp} through one); another is cited by
        # its number alone
        if len(sections) == 1 and sections[0].name == by and re.fullmatch(
                r"[A-Za-z0-9 ,.;:()'!?/+=*-]+", by):
            return f"{by} ({references})"
        return references

    def _link_words(self, sense_f, f, link, by):
        """The words of an optimizer step that cites lemmas: the reason, then the lemmas."""
        # (a rule name among by= is checked, not cited)
        sections = [section for section in map(self._cited, _names(by)) if section]
        references = _references(sections)
        kinds = {type(section.statement.statement) for section in sections}
        if kinds == {SameOptimizers}:
            return references
        if kinds == {Equal}:
            return f"the objectives are equal ({references})"
        # a transfer: the range cited, the map cited too or proved by the engine for the step
        monotone = next(node.statement for node in tree_nodes(link)
                        if isinstance(node.statement, StrictlyIncreasing))
        values = next(s.statement.statement for s in sections
                      if isinstance(s.statement.statement, Member))
        if isinstance(f, Defined) and monotone.func == sp.log(monotone.var) and \
                values.set == sp.Interval.open(0, sp.oo):
            if kinds == {Member}:
                return f"$<{f.name}> > 0$ ({references}) and $<log>$ increases strictly"
            return f"$<{f.name}> > 0$ and $<log>$ increases strictly ({references})"
        return f"{_leaf_words(link)} ({references})"

    def _prove_link(self, sense_f, f, sense_g, g, over, by, derived=False):
        """⊢ arg_{sense_f} f = arg_{sense_g} g: from the cited lemmas, or found by the engine."""
        rules, sections = self._by(by, OPTIMIZER_RULES,
                                   f"an optimizer rule ({', '.join(OPTIMIZER_RULES)})")
        lemmas = [section.statement for section in sections]
        link = (self._link_from(lemmas, sense_f, f, sense_g, g, over, derived) if lemmas else
                check.same_optimizers(f, g, over, where=self.where or None,
                                      senses=(sense_f, sense_g)))
        used = _leaf_rules(link)
        for rule in rules:
            if rule not in used:
                raise RuleApplicationError(f"the step is proved without {rule}")
        return link

    def _link_from(self, lemmas, sense_f, f, sense_g, g, over, derived):
        """arg_{sense_f} f = arg_{sense_g} g from cited lemmas: an optimizer lemma stating it, a
        range and a monotonicity lemma (transfer), or an equality of the objectives (`derived`:
        the lemma as it stands, then the engine's steps to g)."""
        # the kernel's own terms: sympy assumptions become ranges of the context
        context, (f, g), over = self._admitted([f, g], over)
        kinds = {type(lemma.statement) for lemma in lemmas}
        if kinds == {SameOptimizers} and len(lemmas) == 1:
            if lemmas[0].statement != SameOptimizers(f, sense_f, g, sense_g, over):
                raise RuleApplicationError(f"the cited lemma states {lemmas[0].statement}, not "
                                           "this step")
            return lemmas[0]
        if kinds == {Member, StrictlyIncreasing} and len(lemmas) == 2:
            return self._transfer(context, lemmas, f, sense_f, sense_g, g, over)
        if kinds == {Member} and len(lemmas) == 1:  # the map's monotonicity proved here
            monotone = self._map_increasing(context, lemmas[0], f, g, over)
            return self._transfer(context, [monotone, *lemmas], f, sense_f, sense_g, g, over)
        if kinds != {Equal}:
            raise RuleApplicationError("by= cites an equality lemma, an optimizer lemma, or a "
                                       "positivity and a monotonicity lemma")
        lemma = lemmas[0]
        if derived and len(lemmas) == 1 and lemma.statement.lhs == f and lemma.statement.rhs != g:
            first = K.optimizers_of_equal(lemma, over, sense_f)  # the lemma as it stands
            rest = check.same_optimizers(lemma.statement.rhs, g, over, where=self.where or None,
                                         senses=(sense_f, sense_g))
            return K.optimizers_trans(first, rest)
        if sense_f != sense_g:
            raise RuleApplicationError("an equality of objectives keeps the sense: write the "
                                       "sign change as a step of its own")
        equal = lemma if lemma.statement == Equal(f, g) else prove_equal(context, f, g, lemmas)
        return K.optimizers_of_equal(equal, over, sense_f)

    def _admitted(self, terms, over=()):
        """(context, terms, over) as the kernel has them: plain symbols, their sympy assumptions
        ranges of the context beside where=."""
        context, terms, over = admit(self.where or None, terms, over)
        return self.context.merged(context), terms, over

    def _rewrite(self, lhs, rhs, lemmas):
        """lhs = rhs with equality lemmas: one lemma read backwards inside rhs when that gives lhs
        (L = exp(−n·CE) from log L = −n·CE: exp(log L) is L as L > 0; one rewrite, tried first),
        else normal forms rewriting with them."""
        context, (lhs, rhs), _ = self._admitted([lhs, rhs])
        if len(lemmas) == 1:
            try:
                backwards = congruence(context, K.symm(lemmas[0]), rhs)
                if backwards.statement.rhs == lhs:
                    return K.symm(backwards)
            except ProofError:
                pass
        return prove_equal(context, lhs, rhs, tuple(lemmas))

    def _map_increasing(self, context, values, f, g, over):
        """⊢ x ↦ h(x) strictly increasing on the cited range of f, for g = h(f) with h a function of
        one argument (log): the step cites the range, the engine proves the map's monotonicity."""
        if values.statement.expr != f:
            raise RuleApplicationError(f"the cited range is about {values.statement.expr}, not {f}")
        if not (isinstance(g, sp.Function) and g.args == (f,)):
            raise RuleApplicationError(f"by= cites a range of {f} only: the step must apply a "
                                       f"function to it (log {f}), not go to {g}")
        if not isinstance(values.statement.set, sp.Interval):
            raise RuleApplicationError(f"the cited range {values.statement.set} is not an "
                                       "interval")
        taken = ({name for term in (f, g) for name in names(term)} | set(context.names)
                 | {str(quantity) for quantity in over})
        x = fresh(sp.Symbol("x"), taken)  # x, else x', x'', …: one name, one object
        try:
            return check.strictly_increasing(g.func(x), x, values.statement.set, where=context)
        except ProofError as error:  # the map, not the step: the step may hold all the same
            raise RuleApplicationError(f"{g.func(x)} is not shown strictly increasing for {x} in "
                                       f"{values.statement.set}, the cited range of {f}: "
                                       f"{error}") from None

    def _transfer(self, context, lemmas, f, sense_f, sense_g, g, over):
        """arg f = arg h∘f from h strictly increasing and the values of f inside its interval."""
        monotone = next(th for th in lemmas if isinstance(th.statement, StrictlyIncreasing))
        values = next(th for th in lemmas if isinstance(th.statement, Member))
        if values.statement.expr != f:
            raise RuleApplicationError(f"the cited range is about {values.statement.expr}, not {f}")
        if sense_f != sense_g:
            raise RuleApplicationError("a strictly increasing map keeps the sense")
        return ending_at(context, K.transfer_increasing(monotone, values, over, sense_f), g)

    def _derive_equal(self, lhs, rhs, by, folded):
        """lhs = rhs by the normal forms, rewriting with the cited equality lemmas and keeping the
        `folded` definitions as names."""
        cited = [self._cited(name) for name in by]
        if None in cited or any(not isinstance(c.statement.statement, Equal) for c in cited):
            raise RuleApplicationError(f"by={list(by)!r}: derive rewrites with equality lemmas of "
                                       "this derivation")
        for definition in folded:
            if not any(definition is d for d in self.definitions):
                raise UnsupportedError(f"folded={definition}: not a definition of this derivation")
        context, (left, right), _ = self._admitted([lhs, rhs])
        lemmas = [c.statement for c in cited] + list(folded)
        try:  # first with squares kept whole, as a textbook argues: (y_i − μ_i)² stays one term
            return prove_equal(context, left, right, lemmas, multiply=False)
        except ProofError:
            if not lemmas:  # what check.equal says, a counterexample when the step is false
                return check.equal(lhs, rhs, where=self.where or None)
            return prove_equal(context, left, right, lemmas)

    # -------------------------------------------------------------------------------- checking
    def _prove_step(self, kind, lhs, rhs, by):
        where = self.where or None
        rules, lemmas = self._by(by, RULE_WORDS,
                                 f"a rule ({', '.join(RULE_WORDS)}); use because= for words")
        if kind == "eq":
            if any(not isinstance(c.statement.statement, Equal) for c in lemmas):
                raise RuleApplicationError(f"by={by!r}: an = step can use an equality lemma only")
            theorem = (check.equal(lhs, rhs, where=where) if not lemmas
                       else self._rewrite(lhs, rhs, [c.statement for c in lemmas]))
            used = {id(node) for node in tree_nodes(theorem)}
            for section in lemmas:
                if id(section.statement) not in used:  # cited, so it must be the reason
                    raise RuleApplicationError(f"the step is proved without {section.name!r}: "
                                               "drop it from by=")
        else:
            if lemmas:
                raise RuleApplicationError("by= cites a lemma in = steps only; use because= for "
                                           "words")
            # both ends shown defined: sympy's evaluation of the difference may drop them
            # ((1 + log x) − log x is 1), and a < b claims a and b are numbers
            self._checked_ends.extend(check.member(end, sp.S.Reals, where=where)
                                      for end in (lhs, rhs))
            difference = rhs - lhs if kind in ("lt", "le") else lhs - rhs
            real_set = POSITIVE if kind in ("lt", "gt") else NONNEGATIVE
            theorem = check.member(difference, real_set, where=where)
        for rule in rules:
            if rule not in _leaf_rules(theorem):
                raise RuleApplicationError(f"the step is proved without {rule}")
        return theorem

    def _disagreement(self, theorems, contexts):
        """The one line saying which statement's hypothesis the setting (or an earlier line)
        contradicts, and what to do."""
        names = {id(step.theorem): f"a step of '{section.name}'"
                 for section in self.sections for step in section.steps}
        names.update((id(section.statement), f"the {section.kind} '{section.name}'")
                     for section in self.sections)
        known, said = dict(self.context.entries), {key: "the setting" for key, _ in
                                                   self.context.entries}
        for theorem, context in zip(theorems, contexts):
            what = names.get(id(theorem), "a line")
            for key, real_set in context.entries:
                if key in known and known[key] != real_set:
                    return (f"{what} is proved for {key} ∈ {real_set}, but {said[key]} has {key} "
                            f"∈ {known[key]}: prove it under the same range (where={{{key}: "
                            f"{known[key]}}}) or give both the same range")
                known.setdefault(key, real_set)
                said.setdefault(key, what)
        return "the lines' hypotheses disagree on a quantity's range"  # cannot be: merged refused

    # -------------------------------------------------------------------------------- output
    def proof(self):
        """The `Proof` (text, LaTeX, Markdown, PDF, Jupyter — every output of the library)."""
        if not self.sections or self.sections[-1].kind != "theorem":
            raise RuleApplicationError(f"{self.title}: end the derivation with d.theorem(...)")
        final = self.sections[-1].statement
        theorems = [section.statement for section in self.sections] + [
            step.theorem for section in self.sections for step in section.steps] + \
            self._checked_ends + self.corollaries
        # the setting is every hypothesis a line rests on: where=, and the ranges sympy assumptions
        # became (a chain may be written with Symbol("x", positive=True)), in the order of where=;
        # a monotonicity lemma's variable is bound by its statement (x ↦ log x): the lines of its
        # proof range it over the interval or its interior (√t on [0, ∞)), not the setting
        binding = {}  # id of a line of a monotonicity lemma → the variables the lemma binds
        # (a lemma is never bound by another section's lines: the engine's caches may make one
        # theorem both, and the lemma's own hypotheses must reach the setting)
        statements = {id(section.statement): section for section in self.sections}
        # a fact a chain's end or a corollary rests on keeps its hypotheses, even where the
        # engine's caches make it also a line under a sum's index (x log i ∈ ℝ for i ∈ ℕ)
        unbound = {id(theorem) for theorem in self._checked_ends + self.corollaries}
        instances = set()  # the symbols a claim for every value is instantiated from
        for section in self.sections:
            lines = []
            if isinstance(section.statement.statement, StrictlyIncreasing):
                lines = [(theorem, section.statement.statement.var) for theorem in
                         [section.statement] + [step.theorem for step in section.steps]]
            # a line in one case of a fact shown by cases (x ∈ (0, 1], then x ∈ [1, ∞)) ranges
            # its variable over the case, not the setting
            # as do the lines proving a function of it monotone on a piece of its range (its
            # derivative's sign on the piece's interior), with or without cases
            # and the lines showing a sum's terms at the values of its index (1/i > 0 for i ∈ ℕ)
            for node in tree_nodes(section.statement):
                var = case_variable(node) if node.rule == "by_cases" else ranged_index(node)
                if node.rule == "increasing_by_derivative":
                    var = node.statement.var
                if var is not None:
                    lines += [(inner, var) for premise in node.premises
                              for inner in tree_nodes(premise)]
                instance = instantiated(node)
                if instance is not None:  # a claim for every u, then at u = t
                    general = instance[0]
                    if not any(general in free_vars(term) for term in node.statement.terms):
                        instances.add(general)  # (u = u − w keeps u free: still the setting's)
                    lines += [(inner, general) for inner in tree_nodes(node.premises[0])]
            for theorem, var in lines:
                if statements.get(id(theorem), section) is section and id(theorem) not in unbound:
                    binding.setdefault(id(theorem), set()).add(var)
        contexts = [Context({key: real_set for key, real_set in th.context.entries
                             if key not in binding[id(th)]}) if id(th) in binding else th.context
                    for th in theorems]
        try:
            context = self.context.merged(*contexts)
        except SideConditionError:
            raise SideConditionError(self._disagreement(theorems, contexts)) from None
        # (a variable a monotonicity lemma binds that another line uses free keeps its range in
        # the setting: log(x²) = 2 log x beside x ↦ log x needs x > 0 stated)
        # (a monotone function's own statement binds its variable: t ↦ log 3 + t does not use t)
        free_elsewhere = set().union(*(
            free_vars(term) - ({th.statement.var} if isinstance(th.statement, StrictlyIncreasing)
                               else set())
            for th in theorems if id(th) not in binding for term in th.statement.terms))
        bound = {th.statement.var for th in theorems
                 if isinstance(th.statement, StrictlyIncreasing)} - free_elsewhere
        for var in sorted(instances & free_elsewhere, key=str):
            raise SideConditionError(f"{self.title}: the proof of one statement writes {var} for "
                                     f"any value of a term, and another uses {var} itself: name "
                                     "that quantity otherwise")
        order = {key: number for number, key in enumerate(self.where)}
        entries = sorted((entry for entry in context.entries if entry[0] not in bound),
                         key=lambda entry: order.get(entry[0], len(order)))
        setting = tuple((_shown(key, self.definitions), real_set) for key, real_set in entries)
        # every other quantity a statement mentions ranges over ℝ: say so, so each symbol is
        # introduced before it is used
        indices = set().union(bound, instances, *(bound_vars(d.body) for d in self.definitions),
                              *(bound_vars(t) for th in theorems for t in th.statement.terms))
        setting += tuple((_shown(key, self.definitions), sp.S.Reals)
                         for key in _quantities(theorems)
                         if context.lookup(key) is None and key not in indices)
        self._definitions_shown(theorems)
        sample = _sample(self.definitions)
        _confined(theorems, self.definitions, setting, sample)
        optimizations = [s.statement.statement for s in self.sections
                         if isinstance(s.statement.statement, SameOptimizers)]
        _one_parameter(optimizations)
        if self.corollaries and not optimizations:  # max_θ L would be over no θ: nothing is fixed
            raise UnsupportedError("a corollary's max L = exp(−c·min G) is over what a section "
                                   "optimizes, and this derivation optimizes nothing: add the "
                                   "argmax/argmin section (d.argmax(L, over=[…]))")
        for corollary in self.corollaries:
            _value_link_holds(corollary, optimizations)
        symbols = {"parametric": bool(optimizations), **sample,
                   "over": tuple(dict.fromkeys(q for o in optimizations for q in o.over))}
        return issue(Proof(name=self.name, title=self.title, theorem=final,
                           sections=tuple(self.sections), setting=setting,
                           definitions=tuple(self.definitions), checked=tuple(theorems),
                           corollaries=tuple(self.corollaries), symbols=symbols))

    def _definitions_shown(self, theorems):
        """Every definition a line uses is one this derivation made, so the one displayed (as
        written, or as the kernel has it: symbols plain, their assumptions ranges)."""
        constants = [d for d in self.definitions if isinstance(d, Defined)]
        known = self.definitions + list(self._admitted(constants)[1] if constants else [])
        terms, seen = [t for theorem in theorems for t in theorem.statement.terms], set()
        while terms:  # the bodies too: a definition hidden in one would never be displayed
            for node in sp.preorder_traversal(terms.pop()):
                family = node.func if isinstance(node, DefinedEntry) else None
                used = node if isinstance(node, Defined) else family
                if used is None or id(used) in seen:
                    continue
                if not any(used is d or used == d for d in known):
                    raise UnsupportedError(f"{used} is used but not defined by this derivation: "
                                           "make it with d.define")
                seen.add(id(used))
                terms.append(used.body)


OPTIMIZER_WORDS = {
    "transfer_increasing": "a strictly increasing map keeps the {kind}",
    "optimizers_of_equal": "the objectives are equal",
    "shift_constant": "an additive constant does not change the {kind}",
    "negate_objective": "maximizing is minimizing the negative",
    "scale_positive": "a positive factor does not change the {kind}",
    "optimizers_symm": "read backwards",
}
OPTIMIZER_RULES = tuple(OPTIMIZER_WORDS)
KIND = {"max": "maximizers", "min": "minimizers"}


def _links(theorem):
    """The one-rule links of an optimizer chain, without those that change nothing (arg f = arg f,
    where the search wrote the objective as it already stood)."""
    return [leaf for leaf in chain_leaves(theorem, "optimizers_trans")
            if not (leaf.rule == "optimizers_of_equal" and leaf.statement.f == leaf.statement.g)]


def _main_rule(theorem):
    """The rule a reader is told about for one written step: the first that is more than the
    objectives being equal."""
    rules = [leaf.rule for leaf in _links(theorem)]
    return next((rule for rule in rules if rule != "optimizers_of_equal"), theorem.rule)


def _leaf_words(leaf):
    words = OPTIMIZER_WORDS.get(leaf.rule, leaf.rule.replace("_", " "))
    return words.format(kind=KIND[leaf.statement.sense_f])


def _optimizer_words(theorem):
    """Every rule of a written step, in order (the objectives' equality only when alone)."""
    leaves = _links(theorem)
    named = [leaf for leaf in leaves if leaf.rule != "optimizers_of_equal"] or leaves
    words = "; ".join(dict.fromkeys(_leaf_words(leaf) for leaf in named))
    return words or "the objectives are equal"


def _optimizer_steps(theorem, because, derivation=None):
    """One line per link of an optimizer chain: arg f = arg g₁ = … = arg g (an equality a section
    of the derivation proved is cited)."""
    sections = getattr(derivation, "sections", ())
    cited = {id(section.statement): section for section in sections}
    # a premise the engine proved again, stating what a section states (the log-likelihood's
    # identity), is that section's: cited as well
    stated = {section.statement.statement: section for section in sections}
    steps = []
    def references(*premises):  # the sections stating these premises, cited
        used = [cited.get(id(premise)) or stated.get(premise.statement) for premise in premises]
        used = [section for section in used if section is not None]
        return f" ({_references(used)})" if used else ""

    for leaf in _links(theorem):
        monotone, values = (list(leaf.premises) + [None, None])[:2]
        if leaf.rule == "transfer_increasing" and isinstance(leaf.statement.f, Defined) and \
                monotone.statement.func == sp.log(monotone.statement.var) and \
                values.statement.set == sp.Interval.open(0, sp.oo):
            # the map named, and the fact it needs, each with the section that states it: L > 0
            # (Lemma 1) and log increases strictly
            words = (f"$<{leaf.statement.f.name}> > 0${references(values)} and $<log>$ "
                     f"increases strictly{references(monotone)}")
        else:
            words = _leaf_words(leaf) + references(*leaf.premises)
        steps.append(Step((leaf.statement.sense_g, leaf.statement.g), leaf.rule, words, leaf))
    if because and steps:
        steps[-1] = Step(steps[-1].rhs, steps[-1].rule, because, steps[-1].theorem)
    return tuple(steps)


def _over(over):
    over = check.quantities(over)
    if not over:
        raise UnsupportedError("over= lists the quantities the optimization varies")
    return over


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


def _expression(value, what):
    """`value` as a sympy expression; a string is refused (sympify would parse "x+" or guess at
    "x y"), as are None and other objects."""
    if isinstance(value, str):
        raise UnsupportedError(f"{what} is a sympy expression, not the string {value!r}: build it "
                               "with sympy (sp.Symbol, sp.log, …)")
    try:
        return sp.sympify(value, strict=True)
    except sp.SympifyError:
        raise UnsupportedError(f"{what} is a sympy expression, not {value!r}") from None


def _sample(definitions):
    """index i and size n of the sample, when the first sum or product of the definitions runs over
    i = 1, …, n (the setting then reads 'for i = 1, …, n')."""
    constants_first = sorted(definitions, key=lambda d: not isinstance(d, Defined))  # L before p_i
    for definition in constants_first:
        for node in sp.preorder_traversal(definition.body):
            if isinstance(node, (sp.Sum, sp.Product)):
                own = {var for var, _, _ in node.limits}
                for index, low, high in reversed(node.limits):  # the outermost first
                    if low == 1 and isinstance(high, sp.Symbol) and high not in own:
                        return {"index": index, "size": high}
                return {}
    return {}


def _confined(theorems, definitions, setting, sample):
    """Refuse lines that use a family's entry or a function's value where the setting does not
    state its range.  The kernel assumes p ∈ (0, 1) at every index and C ∈ (0, 1) at every
    argument, while the setting says p_i ∈ (0, 1) for i = 1, …, n and C(p_i) ∈ (0, 1): a line
    about p_{n+1} or C(0) would be printed under hypotheses that do not cover it.  A defined
    family's entry q(n + 1) is looked at through its body (q(i) := log x_i uses x_{n+1})."""
    shown = {}
    for expr, _ in setting:
        if isinstance(expr, sp.Indexed):
            shown[expr.base] = expr
        elif isinstance(expr, sp.Function) and isinstance(expr.func, UndefinedFunction):
            shown[expr.func] = expr
    if not shown:
        return
    carried = {index for expr, _ in setting if isinstance(expr, sp.Indexed)
               for index in expr.indices if isinstance(index, sp.Symbol)}
    ranges = _printed_ranges(definitions, sample, carried)
    for expr, real_set in setting:  # i ∈ [−3, −2] beside p_i ∈ (0, 1) for i = 1, …, n
        if str(expr) in ranges and not isinstance(expr, (sp.Indexed, sp.Function)):
            raise UnsupportedError(
                f"{expr} indexes the setting's families (for {expr} = 1, …, "
                f"{ranges[str(expr)]}), and where also gives {expr} the range {real_set}: the "
                "page would state both of one letter; rename the index or the quantity")
    terms = [term for theorem in theorems for term in theorem.statement.terms]
    for term in terms + [definition.body for definition in definitions]:
        for node, binders in _with_binders(term, {}):
            if isinstance(node, sp.Indexed) and node.base in shown:
                printed = shown[node.base]
                fits = _entry_fits(node, printed, binders, ranges)
            elif isinstance(node, sp.Function) and node.func in shown:
                printed = shown[node.func]
                fits = len(node.args) == len(printed.args) and all(
                    _entry_fits(argument, pattern, binders, ranges)
                    if isinstance(pattern, sp.Indexed)
                    else _index_fits(argument, pattern, binders, ranges)
                    for argument, pattern in zip(node.args, printed.args))
            else:
                continue
            if not fits:
                # the index a sum around it runs over, past the setting's: x_j for j = 1, …,
                # n + 1 is the entry x_{n+1} that the setting does not cover
                sizes = {str(size) for size in ranges.values()}
                running = [f"{var} = {binders[var][0]}, …, {binders[var][1]}"
                           for var in sorted(node.free_symbols & set(binders), key=str)
                           if binders[var][0] != 1 or str(binders[var][1]) not in sizes]
                over = f" (for {', '.join(running)})" if running else ""
                raise UnsupportedError(
                    f"{node}{over} is used where the setting does not state its range (it states "
                    f"the range of {printed}{_for_ranges(printed, ranges)}, and the proof assumed "
                    f"it everywhere): use the entries the setting covers, or give {node} a name "
                    "and a range of its own in where")


def _printed_ranges(definitions, sample, carried):
    """index name → the size the setting gives it, as the page prints them ('for i = 1, …, n'
    for the sample's index, 'k = 1, …, K' for the other indices `carried` by the setting's
    families: layout.ranges_from_one); an index the definitions run to two sizes (j to n and to
    2n) would be printed 'j = 1, …, n and j = 1, …, 2n': refused."""
    from .render.layout import ranges_from_one
    if "index" not in sample:
        return {}
    ranges = {str(sample["index"]): sample["size"]}
    for var, high in ranges_from_one(definitions):
        if var not in carried or var == sample["index"]:
            continue
        known = ranges.setdefault(str(var), high)
        if str(known) != str(high):
            raise UnsupportedError(
                f"the index {var} runs to {known} in one sum or product of the definitions and to "
                f"{high} in another, which the setting cannot state as one range: use another "
                "letter for one of them")
    return ranges


def _for_ranges(printed, ranges):
    indices = getattr(printed, "indices", None) or getattr(printed, "args", ())
    bounded = [f"{index} = 1, …, {ranges[str(index)]}" for index in indices
               if str(index) in ranges]
    return f" for {', '.join(bounded)}" if bounded else ""


def _entry_fits(entry, printed, binders, ranges):
    """Whether `entry` (p_j, y_{j,k}) is one the setting's `printed` (p_i, y_{i,k}) covers: each
    index fits the printed one (see _index_fits)."""
    if not isinstance(entry, sp.Indexed) or entry.base != printed.base:
        return False
    if len(entry.indices) != len(printed.indices):
        return False
    return all(_index_fits(index, name, binders, ranges, unranged=isinstance(name, sp.Symbol))
               for index, name in zip(entry.indices, printed.indices))


def _index_fits(index, name, binders, ranges, unranged=False):
    """Whether an index (or a function's argument) is covered by the printed one: a printed
    index with a stated range is matched by an index bound by a sum or product over that range,
    or by a free index the setting gives the same range (read as the setting's i); a printed
    letter index with no range (`unranged`, read as 'every k') by any index; anything else (a
    number, y_{i,1}, or the x of C(x)) only by itself."""
    if str(name) in ranges:
        high = ranges[str(name)]
        if index in binders:
            low, bound = binders[index]
            return low == 1 and str(bound) == str(high)
        return str(index) == str(name) or str(ranges.get(str(index))) == str(high)
    return unranged or index == name


def _with_binders(expr, binders):
    """(node, {index: (low, high)} of the sums and products around it) for every node of expr."""
    yield expr, binders
    if isinstance(expr, (sp.Sum, sp.Product)):
        inner = dict(binders)
        for var, low, high in reversed(expr.limits):  # the last limit is the outermost sum
            yield from _with_binders(low, inner)
            yield from _with_binders(high, inner)
            inner[var] = (low, high)
        yield from _with_binders(expr.function, inner)
        return
    if isinstance(expr, DefinedEntry):  # q(n + 1), q(i) := log x_i: what its body then uses
        family = expr.func
        arguments = set().union(*(sp.sympify(a).free_symbols for a in expr.args))
        if arguments & bound_vars(family.body):
            raise UnsupportedError(f"{expr}: the definition of {family.__name__} binds a letter "
                                   "its argument uses; rename the index inside the definition")
        yield from _with_binders(family.body.xreplace(dict(zip(family.params, expr.args))),
                                 binders)
    for argument in expr.args:
        yield from _with_binders(argument, binders)


def _one_parameter(optimizations):
    """The pages write every optimization over one θ, and the setting says what depends on it:
    everything any optimization varies.  An optimization over a whose objective also mentions b,
    varied by another one, would read as if b depended on θ, while the kernel held b constant
    (arg max ab = arg max a over a is not arg max over θ of a(θ) b(θ)) — refused."""
    varied = {str(q) for o in optimizations for q in o.over}
    for optimization in optimizations:
        over = {str(q) for q in optimization.over}
        held = sorted((_mentions(optimization.f) | _mentions(optimization.g)) & varied - over)
        if held:
            raise UnsupportedError(
                f"arg {optimization.sense_f} over {', '.join(sorted(over))} holds "
                f"{', '.join(held)} fixed, which another optimization of the derivation varies; "
                "the page writes them all over one θ: vary the same quantities in each")


def _mentions(term, seen=None):
    """The names of the quantities `term` depends on: symbols, families and functions, through
    the bodies of the definitions it uses."""
    seen = set() if seen is None else seen
    found = set()
    for node in sp.preorder_traversal(term):
        if isinstance(node, Defined) and node not in seen:
            seen.add(node)
            found |= _mentions(node.body, seen)
        elif isinstance(node, DefinedEntry) and node.func not in seen:
            seen.add(node.func)
            found |= _mentions(node.func.body, seen)
        elif isinstance(node, sp.Indexed):
            found.add(str(node.base.label))
        elif isinstance(node, sp.Symbol) and not isinstance(node, Defined):
            found.add(str(node))
        elif isinstance(node, sp.Function) and isinstance(node.func, UndefinedFunction):
            found.add(str(node.func))
    return found


def _value_link_holds(corollary, optimizations):
    """The corollary L = exp(−c·G + b) is printed with 'hence max L = exp(−c·min G + b)', which
    holds when c > 0 and b do not depend on what is optimized: G one defined objective, c > 0
    proved."""
    from .render.layout import split_exponent
    exponent = corollary.statement.rhs.args[0]
    split = split_exponent(exponent)
    if split is None:
        raise UnsupportedError("a corollary states L = exp(−c·G + b), G one defined objective "
                               f"(CE = …) and c, b free of it, not exp({exponent})")
    objective, scale, rest = split
    varied = {str(q) for o in optimizations for q in o.over}
    for part in (scale, rest):
        if _mentions(part) & varied:  # through the definitions it uses, too
            raise UnsupportedError(f"in the corollary's exp(−c·{objective} + b), c = {scale} and "
                                   f"b = {rest} must not depend on what is optimized")
    try:
        with check.prover_first():  # c is the derivation's own: no early point tries
            check.positive(scale, where=dict(corollary.context.entries) or None)
    except ProofError as error:
        raise UnsupportedError(f"the corollary's max L = exp(−c·min {objective} + b) needs "
                               f"c = {scale} > 0, which is not proved: {error}") from None


def _shown(key, definitions):
    """A context key as the setting prints it: a family x as x_i, with the index its sums use."""
    if isinstance(key, UndefinedFunction):  # C as it is applied: C(p_i)
        for definition in definitions:
            for node in sp.preorder_traversal(definition.body):
                if isinstance(node, sp.Function) and node.func == key:
                    return node
        return key
    if not isinstance(key, sp.IndexedBase):
        return key
    constants_first = sorted(definitions, key=lambda d: not isinstance(d, Defined))  # L before p_i
    for definition in constants_first:
        for node in sp.preorder_traversal(definition.body):
            if isinstance(node, sp.Indexed) and node.base == key and node.indices[0].is_Symbol:
                return node
    return key[sp.Symbol("i")]


def _family(expr):
    """The family a term a_i belongs to (its base a); any other term itself."""
    return expr.base if isinstance(expr, sp.Indexed) else expr


def _difference_words(theorem, kind):
    """(words, formulas) of an inequality step: the form its difference was shown to take, when its
    range rests on an equation (one sum, squares completed: "the difference is (x − y)² ≥ 0"), else
    the difference's sign."""
    node = theorem
    while node.rule in ("member_widen", "member_meet"):  # a meet narrows with its second premise
        node = node.premises[-1]
    lines = _abs_lines(node)
    if lines is not None:  # s − m|t|: the lesser of s − mt and s + mt (helper-138: the lines
        # of s/m − |t| unscaled misstated it)
        scale, lines = lines
        return ("the difference is <math:0>, the lesser of <math:1> and <math:2>",
                (_lower(node.statement.expr, node), *(
                    Member(scale * line.statement.expr, sp.Interval(
                        scale * line.statement.set.inf, sp.oo, line.statement.set.left_open))
                    for line in lines.premises)))
    compared = _root_compared(node)
    if compared is not None:  # √v against |u| by their squares, then |u| against u
        return _root_words(node, compared, kind)
    if through_equation(node):
        equation, bound = node.premises
        # a form rewritten again (√(ab) = √a √b, then squares completed) is shown as the last
        while True:
            inner = bound
            while inner.rule in ("member_widen", "member_meet"):
                inner = inner.premises[-1]
            if not through_equation(inner):
                break
            equation, bound = inner.premises
        form = equation.statement.rhs
        formulas = (_lower(form, bound),)
        if not _evident(form, bound.statement.set.inf):
            # (x − 1/2)² − 1/4 >= 0, λ(x − w/λ)² >= 0, Σ (1 − y_i) >= 0 hold by the ranges too,
            # not by the form alone: every range the bound rests on is named
            # (a general fact used at a value, u − 1 − log u ≥ 0 for u > 0 at u = q/p, is named
            # as such, not by the cases its own proof went through)
            general = {id(n.premises[0]): n for n in tree_nodes(bound) if n.rule == "instantiate"}
            nodes = list(_outside(bound, general))
            # (in the setting's order, whichever way the tree was built and shared)
            order = {key: k for k, (key, _) in enumerate(bound.context.entries)}
            # a family's range named once, at the first of its terms (b_k < 0, not b_k < 0, b_i
            # < 0 and b_j < 0 for the pairs of a sum over pairs)
            facts = {}
            for fact in (n.statement for n in nodes if n.rule == "assumption"
                         and n.statement.set != sp.S.Reals):
                facts.setdefault((_family(fact.expr), fact.set), fact)
            formulas += tuple(sorted(facts.values(),
                                     key=lambda fact: order.get(fact.expr, len(order))))
            names = [f"<math:{k}>" for k in range(1, len(formulas))]
            lemmas = {}  # a general fact → the values it is used at
            for n in nodes:
                if id(n) in general:
                    lemma, values = _general_fact(n, general[id(n)])
                    lemmas.setdefault(lemma, []).append(values)
            for (lemma, over), uses in lemmas.items():
                k = len(formulas)
                every = " and ".join(f"<math:{k + 1 + m}>" for m in range(len(over)))
                formulas += (lemma, *over)
                at = []
                for values in uses:
                    at.append(", ".join(f"<math:{len(formulas) + m}>" for m in range(len(values))))
                    formulas += values
                names.append(f"<math:{k}> for every {every}, at {' and at '.join(at)}")
            if names:
                return (f"the difference is <math:0> as {', '.join(names[:-1])}"
                        f"{' and ' if len(names) > 1 else ''}{names[-1]}", formulas)
        return "the difference is <math:0>", formulas
    if node.rule == "by_cases" and case_variable(node) is not None:  # decreasing, then
        # increasing (x − 1 − log x ≥ 0)
        var = case_variable(node)
        cases = [Member(var, leaf.context.lookup(var)) for leaf in case_leaves(node)]
        finite = [type(case.set) is sp.FiniteSet for case in cases]
        if all(finite):  # a label's values, each put in (y² ≤ y for y ∈ {0, 1})
            values = [Equal(var, value) for case in cases for value in case.set.args]
            names = " and at ".join(f"<math:{k}>" for k in range(1, len(values) + 1))
            return (f"the difference is <math:0>, at {names}",
                    (_lower(node.statement.expr, node), *values))
        if any(finite):  # a closed end put in
            return _interior_and_ends(node, var, kind)
        names = [f"<math:{k}>" for k in range(1, len(cases) + 1)]
        return (f"the difference is <math:0>, monotone for {', '.join(names[:-1])} and for "
                f"{names[-1]}", (_lower(node.statement.expr, node), *cases))
    shown = node
    if node.rule == "member_mul" and any(p.statement.expr == -1 for p in node.premises):
        shown = next(p for p in node.premises if p.statement.expr != -1)  # −t >= 0 as t <= 0
    reason = justify_fact(shown)
    if reason in _TELLING:  # the difference, or its negation, says why by its form
        return f"the difference is <math:0> ({reason})", (_lower(node.statement.expr, node),)
    sign = "positive" if kind in ("lt", "gt") else "nonnegative"
    return f"the difference is {sign}", ()


# the reasons of a fact that tell a reader why a difference has its sign ("bounds of a sum" does
# not: it is the sign itself)
_TELLING = ("square", "even power", "sum of nonnegative terms", "sum of at least one positive term",
            "logarithm of a number in (0, 1)", "logarithm of a number in (0, 1]",
            "logarithm of a number greater than 1", "logarithm of a number at least 1",
            "an absolute value is nonnegative", "cosh is at least 1",
            "the exponential is positive and increasing", "finite product of positive factors",
            "a factorial is a positive integer")


def _abs_lines(node):
    """(m, the `abs_le` node) of a difference that rests on it times a positive number m (1
    where directly); else None."""
    scale = sp.S.One
    if node.rule == "member_mul" and node.premises[0].statement.expr.is_positive:
        scale, node = node.premises[0].statement.expr, node.premises[1]
    return (scale, node) if node.rule == "abs_le" else None


def _root_compared(node):
    """(the `sub_abs_by_squares` node, the |u| ∓ u node) of a difference
    m(r − |u|) + |m|(±(|u| − u)) (plus a number, or restated by an equation) as
    proofs/rules/roots.py builds it; else None."""
    while node.rule in ("member_of_equal", "member_add"):
        if node.rule == "member_add" and node.premises[1].rule != "number":
            compared, piece = (_unscaled(premise) for premise in node.premises)
            return (compared, piece) if compared.rule == "sub_abs_by_squares" else None
        node = node.premises[-1] if node.rule == "member_of_equal" else node.premises[0]
    return None


def _unscaled(node):
    """The fact a number multiplies (itself where none does)."""
    if node.rule == "member_mul" and node.premises[0].rule == "number":
        return node.premises[1]
    return node


def _root_words(node, compared, kind):
    """(words, formulas): "the difference is d ≥ 0, as √v − |u| ≥ 0 and |u| − u ≥ 0, the first as
    the root's square exceeds the absolute value's by (1/4)(a − b)² ≥ 0" (the gap's own words,
    from its lower bound)."""
    compared, piece = compared
    gap = compared.premises[1]
    negated = gap.premises[-1] if gap.rule == "member_of_equal" else gap
    if negated.rule == "member_mul" and negated.premises[0].statement.expr == -1:
        gap = negated.premises[1]  # u² − v ≥ 0, negated: its words are those of u² − v
    strict = isinstance(gap.statement.set, sp.Interval) and gap.statement.set.left_open
    words, formulas = _difference_words(gap, "gt" if strict else "ge")
    if not formulas:  # no form of its own ('the difference is positive'): the gap as shown
        words, formulas = "<math:0>", (_lower(gap.statement.expr, gap),)
    shifted = re.sub(r"<math:(\d+)>", lambda k: f"<math:{int(k.group(1)) + 3}>", words)
    gap_words = shifted.replace("the difference is ", "", 1)
    # the gap is shown as a lower bound: v − u² where the root is the greater, else u² − v
    # (helper-139: 'the gap of their squares' named both, with opposite signs)
    larger, smaller = ("root", "absolute value") if compared.statement.set.inf == 0 else \
        ("absolute value", "root")
    # |u| − u for a number u is 0: not worth a clause ('… and 0 ≥ 0')
    also = "" if piece.statement.expr.is_Number else " and <math:2>"
    which = "the first as" if also else "since"
    return (f"the difference is <math:0>, as <math:1>{also}, {which} the "
            f"{larger}'s square exceeds the {smaller}'s by {gap_words}",
            (_lower(node.statement.expr, node), compared.statement,
             _lower(piece.statement.expr, piece), *formulas))


def _interior_and_ends(node, var, kind):
    """(words, formulas) of a difference shown inside x's range and at its closed ends (x > 0,
    then x = 0; cases inside cases alike): the innermost interior's own words, then the ends."""
    ends, interiors = [], []
    while True:
        leaves = case_leaves(node)
        ends += [Equal(var, leaf.context.lookup(var).args[0]) for leaf in leaves
                 if type(leaf.context.lookup(var)) is sp.FiniteSet]
        node = next(leaf for leaf in leaves
                    if type(leaf.context.lookup(var)) is not sp.FiniteSet)
        interiors.append(Member(var, node.context.lookup(var)))
        while node.rule in ("member_widen", "member_meet"):
            node = node.premises[-1]
        var = case_variable(node) if node.rule == "by_cases" else None
        if var is None or not any(type(leaf.context.lookup(var)) is sp.FiniteSet
                                  for leaf in case_leaves(node)):
            break
    words, formulas = _difference_words(node, kind)
    count = len(formulas)
    at = " and at ".join(f"<math:{count + k}>" for k in range(len(ends)))
    inside = " and ".join(f"<math:{count + len(ends) + k}>" for k in range(len(interiors)))
    sign = "positive" if kind in ("lt", "gt") else "nonnegative"
    # the interior named first: its words hold there only (helper-139: a reason's own "as x ∈
    # (0, 9)" read as if it bounded the whole difference)
    return (f"for {inside}, {words}; it is {sign} at {at} too",
            (*formulas, *ends, *interiors))


def _outside(theorem, general):
    """The nodes of `theorem`'s tree, each once, but for those within the proofs of the general
    facts `general` (ids of instantiated premises) holds: those themselves, not their trees."""
    seen, stack = set(), [theorem]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            yield node
            if id(node) not in general:
                stack.extend(node.premises)


def _general_fact(node, instance):
    """((J(u, v, …), (u ∈ S, v ∈ T, …)), (u = t, v = s, …)) for the general fact `node` that
    `instance` puts values in: one value, or several in turn where `node` is itself an instance
    of a fact for every value of two or more variables (e^{a/2}, e^{b/2} for u and v)."""
    instances = [instance]
    while node.rule == "instantiate":
        instances.append(node)
        node = node.premises[0]
    order = {key: k for k, (key, _) in enumerate(node.context.entries)}
    pairs = sorted(((_discharged(n), n.premises[1].statement.expr) for n in instances),
                   key=lambda pair: order.get(pair[0], len(order)))
    over = tuple(Member(var, node.context.lookup(var)) for var, _ in pairs)
    return (node.statement, over), tuple(Equal(var, value) for var, value in pairs)


def _discharged(instance):
    """The symbol an `instantiate` node gave a value: its general premise's, gone from it."""
    premise = instance.premises[0]
    return next(var for var, _ in premise.context.entries
                if instance.context.lookup(var) is None)


def _evident(form, least):
    """Whether a form is >= `least` whatever its quantities: squares (even powers) times positive
    numbers, plus a number at least `least`."""
    constant, rest = form.as_coeff_Add()
    for term in sp.Add.make_args(rest):
        coefficient, power = term.as_coeff_Mul()
        if not (coefficient > 0 and power.is_Pow and power.exp.is_Integer and power.exp.is_even):
            return False
    return constant >= least


def _lower(expr, bound):
    """expr >= the lower end `bound` shows it (the upper end says nothing of a difference's
    sign): a Member of a half-line."""
    real_set = bound.statement.set
    return Member(expr, sp.Interval(real_set.inf, sp.oo, real_set.left_open
                                    if isinstance(real_set, sp.Interval) else False))


def _words_checked(because):
    """because= words as they will be shown: LaTeX's special characters refused in the text, the
    mathematics between $ signs checked against the notation's allow-list (a \\gdef or an \\input
    there would change the page or read a file)."""
    if because is None:
        return None
    from .render.safety import check_words
    return check_words("because", because)


def _theorem(claim, name):
    """`claim` when it is a kernel theorem (what proofs.check returns); a clear error otherwise."""
    if not isinstance(claim, Theorem):
        raise UnsupportedError(f"{name}: the claim is a chain (d.chain(…), d.argmax(…)) or a "
                               f"theorem proofs.check returned, not {claim!r}")
    return claim


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
    expected = (chain.current - chain.start if chain.direction == "up"
                else chain.start - chain.current)
    # in the kernel's terms, as the steps were proved: a symbol with sympy assumptions is a plain
    # symbol with a range there
    expected = chain._derivation._admitted([expected])[1][0]
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
    except (Exception, SystemExit) as error:  # noqa: BLE001 — the user's code: one line, file:line
        frames = [f for f in traceback.extract_tb(error.__traceback__)
                  if os.path.abspath(f.filename) == os.path.abspath(path)]
        where = f"{os.path.basename(path)}:{frames[-1].lineno}" if frames else path
        if isinstance(error, SystemExit):
            raise UnsupportedError(f"{where}: the script called sys.exit({error.code!r}) "
                                   "instead of returning a Derivation") from None
        try:
            said = str(error)
        except Exception:  # noqa: BLE001 — an exception whose message itself fails
            said = "(its message cannot be shown)"
        raise UnsupportedError(f"{where}: {type(error).__name__}: {said}") from None
    if isinstance(result, Derivation):
        result = result.proof()
    if isinstance(result, Proof) and is_issued(result):  # the command that writes it again
        return issue(replace(result, symbols={**result.symbols, "source": spec}))
    if isinstance(result, Proof):
        raise UnsupportedError(f"{spec} returned a Proof assembled by hand: return the Derivation "
                               "(or a Proof from proofs.prove), whose every line is checked")
    raise UnsupportedError(f"{spec} returned {type(result).__name__}, not a Derivation or a Proof")
