"""A Coq certificate: the proof tree exported as a script that ``coqc`` checks, independently of
sympy.

The script is the shipped prelude (`coq_prelude.v`: the Coq counterparts of the kernel's rules, each
proved there once from the standard library's `Reals` — `ln_mult`, `ln_exp`, `ln_increasing`,
`exp_pos`, `sum_eq`) followed by a section generated from the proof: the model's variables and
hypotheses, the definitions printed from the sympy terms, and one Coq lemma per section of the
proof.  Each lemma's tactic is generated node by node from its kernel theorem: a rule becomes its
counterpart (`log_of_product` → `ln_prod`, `transfer_increasing` → `argmax_ln`, …), its premises
`assert`ed first; a lemma cited inside a later proof is applied by name.  Ring normalization steps
become `ring`/`field` goals, and a congruence rewrites with its premise under the sums
(`setoid_rewrite`, by the prelude's congruence instances for `sum_f_R0`).  A rule or term without a
Coq counterpart is named in a RenderError instead of leaving a gap; nothing is ever `Admitted`.

Indices: the sympy proof runs i = 1..n, the Coq script i = 0..N with n = N + 1 (a size K likewise,
K = K_last + 1); the families are arbitrary, so the two statements say the same.  The parameter θ
is a point t of an arbitrary type T, and each quantity that depends on θ a map from T.
"""

import functools
import re
from itertools import count
from pathlib import Path

import sympy as sp

from ..errors import RenderError
from ..kernel import Defined, Equal, Member, SameOptimizers, StrictlyIncreasing
from ..kernel.terms import DefinedEntry, DefinedFamily, free_vars, mentions, name_of
from ..tree import ranged_index

PRELUDE = Path(__file__).with_name("coq_prelude.v")
PRELUDE_NAMES = frozenset(re.findall(
    r"^(?:#\[export\] )?(?:Lemma|Definition|Fixpoint|Instance|Ltac) (\w+)",
    PRELUDE.read_text(encoding="utf-8"), flags=re.M))
POSITIVE = sp.Interval.open(0, sp.oo)
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_']*")  # i' too: a renamed bound index
# names a model may not use: Coq's keywords, the names the generated section uses itself, and the
# standard library's names it calls (the prelude's own are read from it: PRELUDE_NAMES)
RESERVED = {
    "as", "at", "cofix", "else", "end", "exists", "exists2", "fix", "for", "forall", "fun", "if",
    "IF", "in", "let", "match", "mod", "return", "then", "using", "where", "with", "Prop", "SProp",
    "Set", "Type", "Lemma", "Theorem", "Proof", "Qed", "Definition", "Variable", "Hypothesis",
    "t", "t0", "s", "T", "N", "R", "S", "O", "I", "main", "True", "False", "nat", "INR", "IZR",
    "PI",
    "ln", "exp", "pow", "sqrt", "Rpower", "Rabs", "Rinv", "Rmult", "Rplus", "Ropp", "fact",
    "sum_f_R0", "prod_f_R0", "sum_eq", "sum_plus", "ln_mult", "ln_exp", "exp_pos", "iff_trans",
    "iff_sym", "ln_increasing", "Gamma", "R0", "R1", "exp_increasing", "exp_0", "erf_derivative",
    "derivable_pt_lim", "derivable_pt_lim_exp", "derivable_pt_lim_sin", "derivable_pt_lim_cos",
    "derivable_pt_lim_atan", "derivable_pt_lim_sinh", "derivable_pt_lim_cosh", "pow_nonzero",
    "sin", "cos", "tanh", "sinh", "cosh", "atan", "erf", "SIN_bound", "COS_bound", "sinh_lt",
    "sinh_0", "atan_increasing", "atan_0", "erf_bound", "erf_increasing", "erf_0", "ln_pow",
    "pow_lt",
}
# generated names (k12, E3, H4, lemma_positivity, p_range, n_pos, K_last): a model's name may
# not take their form, so that no generated name can shadow the model's or be shadowed by it
GENERATED_NAME = re.compile(r"[kEH]\d+|lemma_\w*|corollary_\w*|\w+_(range|pos|last)")
SENSE = {"max": "argmax", "min": "argmin"}
# what `shown` asks the kernel of a term: the sets it may be shown in
SHOWN = {"positive": [POSITIVE], "count": [sp.Naturals0],
         "nonzero": [POSITIVE, sp.Interval.open(-sp.oo, 0)]}
# a real power of a base in (0, 1] (at least 1) with an exponent >= 0: the prelude's lemma
POWER_SIDES = {sp.Interval.Lopen(0, 1): "Rpower_in_unit", sp.Interval(1, sp.oo): "Rpower_ge_one"}
MAX_POWER = 100  # x^k: lra and nra see k factors (simpl pow), too slow for a k in the thousands
# the kernel's table of functions (proofs.kernel.functions.TABLE) as Coq reads it: the function,
# the lemma bounding its values, and for an increasing one its monotonicity and value at 0 (so
# that the prelude's above_pos, below_neg, … give the side of that value); ln, |·|, ! and Γ have
# their own terms and tactics
FUNCTIONS = {
    sp.exp: ("exp", "exp_pos", ("exp_increasing", "exp_0", 1)),
    sp.sin: ("sin", "SIN_bound", None),
    sp.cos: ("cos", "COS_bound", None),
    sp.cosh: ("cosh", "cosh_ge_1", None),
    sp.tanh: ("tanh", "tanh_bound", ("tanh_increasing", "tanh_0", 0)),
    sp.sinh: ("sinh", None, ("sinh_lt", "sinh_0", 0)),
    sp.atan: ("atan", "atan_range", ("atan_increasing", "atan_0", 0)),
    sp.erf: ("erf", "erf_bound", ("erf_increasing", "erf_0", 0)),
}
# each kernel rule's Coq counterpart: the prelude's lemma (proved there from Reals) or the standard
# library's, and the tactic that applies it; the docs' status page is generated from this table
COUNTERPARTS = {
    "assumption": "the section's Hypothesis (sizes: is_pos_nat_INR)",
    "number": "lra; pi_bounds (3 < PI < 4, from PI_ineq), e_bounds (2 < exp 1 < 3)",
    "member_widen": "lra / nra on the premise",
    "member_of_equal": "rewrite with the equation",
    "member_meet": "lra on the two premises",
    "member_add": "lra on the premises; is_nat_add for counts",
    "member_mul": "lra / nra on the premises; is_nat_mul for counts",
    "member_pow": "Rpower_pos, Rpower_in_unit, Rpower_ge_one, Rpower_pos_nat (prelude); "
                  "inv_pos_nat, inv_unit, Rinv_0_lt_compat, Rinv_lt_0_compat, inv_below, "
                  "inv_above, inv_neg_below, inv_neg_above for 1/x; sqr_below_le, sqr_below_lt, "
                  "sqr_above_le, sqr_above_lt, sqr_open_lt for x² of a base of either sign",
    "member_exp": "exp_pos; exp_increasing, exp_0 (above_pos, below_neg: the side of 1)",
    "member_sin": "SIN_bound", "member_cos": "COS_bound", "member_cosh": "cosh_ge_1",
    "member_tanh": "tanh_bound, tanh_increasing, tanh_0 (from tanh's definition by exp)",
    "member_sinh": "sinh_lt, sinh_0 (above_pos, below_neg: the side of 0)",
    "member_atan": "atan_range (atan_bound, and PI < 16/5 from PI_2_3_7_ineq), atan_increasing, "
                   "atan_0",
    "member_erf": "erf_bound, erf_increasing, erf_0: erf is a section variable, any increasing "
                  "function into (−1, 1) that vanishes at 0 (Coq's standard library has no erf)",
    "member_Abs": "Rabs_left, Rabs_right (by the sign of the argument, Rcase_abs)",
    "abs_of_sign": "Rabs_pos_eq, Rabs_left1",
    "member_gamma": "Gamma_pos: Γ is a section variable, any function positive on (0, ∞) "
                    "(Coq's standard library has no Gamma function)",
    "member_binomial": "Rbinom_nat, Rbinom_pos_nat (Pascal's rule, binom_pos)",
    "member_log": "True (ln is total in Coq); ln_nonneg, ln_pos, ln_neg",
    "member_factorial": "Rfact_pos_nat, Rfact_ge_1 (Rfact (INR k) = INR (fact k): Rfact_INR)",
    "member_binder": "prod_pos, prod_in_unit, prod_ge_one (prelude), sum_pos, sum_nonneg, "
                     "sum_nonpos",
    "refl": "eq_refl", "unfold": "eq_refl (δ-conversion)", "rename_index": "eq_refl (α-conversion)",
    "symm": "eq_sym", "trans": "eq_trans",
    "congruence": "setoid_rewrite under sum_f_R0 / prod_f_R0 (sum_f_R0_proper, "
                  "prod_f_R0_proper); exp_ln where sympy writes exp(log x) as x",
    "binder_congruence": "sum_f_R0_proper, prod_f_R0_proper (prelude), the terms' equation "
                         "for every index",
    "ring": "ring, field (exp_plus, exp_Ropp for exponentials)",
    "log_of_product": "ln_prod", "log_of_mul": "ln_mult (ln_div, ln_1 for a rational factor)",
    "log_of_pow": "ln_Rpower, ln_inv, ln_pow",
    "log_of_exp": "ln_exp", "sum_split": "sum_plus_at", "sum_factor": "sum_factor",
    "function_as_exp": "sinh, cosh and tanh unfolded to their definitions (field, exp_pos)",
    "sum_ones": "sum_ones",
    "increasing_by_derivative": "increasing_by_derivative (MVT_cor2), the derivative by "
                                "d_plus, d_mult, d_pow, d_inv, d_ln, d_Rpower, d_chain, "
                                "equal to sympy's up to the laws of powers (Rpower_shift, "
                                "Rpower_frac, Rpower_root, Rpower_is_root, exp_pow_nat) and one "
                                "way of writing each argument (args); "
                                "ln_increasing for log; increasing_join at the rational zeros of "
                                "a derivative >= 0",
    "transfer_increasing": "argmax_strict_mono, argmin_strict_mono (argmax_ln, argmin_ln)",
    "negate_objective": "argmax_neg, argmin_neg", "scale_positive": "argmin_scale, argmax_scale",
    "shift_constant": "argmin_shift, argmax_shift",
    "optimizers_of_equal": "argmax_ext, argmin_ext",
    "optimizers_trans": "iff_trans", "optimizers_symm": "iff_sym",
}


class Exporter:
    """One proof's Coq section: names, terms and the tactic of every kernel theorem."""

    def __init__(self, proof):
        self.proof = proof
        # the quantities that depend on θ: maps from T, those of every claim about optimizers (a
        # lemma's own, printed as constants, would make its claim vacuous)
        claims = [section.statement.statement for section in proof.sections]
        over = [v for claim in claims if isinstance(claim, SameOptimizers) for v in claim.over]
        self.optimized = list(dict.fromkeys(over or proof.symbols.get("over", ())))
        self.over = {name_of(v) for v in self.optimized}
        self.sizes = {}      # size symbol -> (nat variable, Coq name)
        self.families = {}   # family or function name -> its Arguments
        self.indices = set()
        self.hypotheses = {}  # (family or symbol) -> hypothesis name
        self.names = {}      # id(kernel theorem) -> the Coq lemma proving it
        # the theorems named, kept alive: an id is unique only while its object lives (a piece's
        # slope is proved during the export and would otherwise be freed, its id reused)
        self.kept = []
        self.by_statement = {}  # quantified Coq statement -> the lemma proving it
        self.lines = []      # the node lemmas, in the order they are proved
        self.scope = set()   # the variables the lemma being proved has introduced
        self.fresh = count(1)
        self.checked = {}    # (term, kind, local ranges) -> shown positive, nonzero, a count?
        self.uses_gamma = False
        self.uses_erf = False
        # a monotonicity's variable while its facts are exported: x -> its range there (the
        # interval, or its interior for the derivative); a lemma about x quantifies it, with that
        # range as the hypothesis H0
        self.local = {}
        # a monotonicity's variable named as a section variable is x0 to the kernel's checks
        # here (fresh symbol -> the variable), as local_name names it in the script
        self.aliases = {}
        self.declared = set()  # the section's variable names, which x is renamed away from
        self.sides = []  # the side conditions' lemmas a derivative uses
        # every term the model states: the definitions' bodies and the sections' claims (a
        # monotonicity claim's x is its own, not the model's)
        self.terms = [d.body for d in proof.definitions] + [
            term for claim in claims if not isinstance(claim, StrictlyIncreasing)
            for term in claim.terms]
        # a monotonicity's map, whose parameters (x ↦ x + c: c) the model declares too
        monotone = [claim for claim in claims if isinstance(claim, StrictlyIncreasing)]
        self.maps = [claim.func for claim in monotone]
        self.parameters = set().union(*(claim.func.free_symbols - {claim.var}
                                        for claim in monotone))
        self._read_setting()

    # ------------------------------------------------------------------------------ the model
    def _read_setting(self):
        for expr, real_set in self.proof.setting:
            if isinstance(expr, sp.Indexed):
                for index in expr.indices:
                    if not isinstance(index, sp.Symbol):
                        raise RenderError(f"Coq export: the index {index} of {expr} is not a "
                                          "plain symbol")
                    self.indices.add(index)
        for term in self.terms + self.maps:  # a summation index is a nat, whatever it subscripts
            for node in sp.preorder_traversal(term):
                if isinstance(node, (sp.Sum, sp.Product)):
                    self.indices.update(var for var, _, _ in node.limits)
        for expr, real_set in self.proof.setting:
            if isinstance(expr, sp.Symbol) and real_set == sp.Naturals and self._is_size(expr):
                name = self._identifier(expr.name)
                self.sizes[expr] = ("N" if name == "n" else f"{name}_last", name)
                if name in self.over:
                    raise RenderError(f"Coq export: the size {name} is optimized over; a size of "
                                      "the model has no Coq counterpart as a parameter")

    def _is_size(self, symbol):
        return any(isinstance(node, (sp.Sum, sp.Product)) and any(hi == symbol for _, _, hi in
                                                                 node.limits)
                   for term in self.terms + self.maps for node in sp.preorder_traversal(term))

    def _identifier(self, name):
        if not IDENTIFIER.fullmatch(name):
            raise RenderError(f"Coq export: the name {name!r} is not a Coq identifier (letters, "
                              "digits and _, from a letter); rename it in the model")
        if name in RESERVED or name in PRELUDE_NAMES or GENERATED_NAME.fullmatch(name):
            raise RenderError(f"Coq export: the name {name!r} clashes with a Coq keyword or a name "
                              "the script defines (the prelude's, k1, lemma_…, …_range, …_pos, "
                              "…_last); rename it in the model")
        return name

    def variables(self):
        lines = ["Variable T : Type."]
        for symbol, (last, name) in self.sizes.items():
            lines += [f"Variable {last} : nat.", f"Definition {name} := INR (S {last}).",
                      f"Lemma {name}_pos : 0 < {name}.",
                      "Proof. apply is_pos_nat_pos, is_pos_nat_INR. Qed."]
        if self.sizes:
            known = "; ".join(f"pose proof {name}_pos" for _, name in self.sizes.values())
            lines.append(f"Ltac sizes ::= {known}.")
        entries = [(expr, real_set) for expr, real_set in self.proof.setting
                   if expr not in self.sizes and expr not in self.indices]
        for expr, _ in entries:
            head, arguments = self._variable(expr)
            arrows = "T -> " * (head in self.over) + "nat -> " * len(arguments.indices) + \
                "R -> " * len(arguments.reals)
            if head not in self.families:
                self.families[head] = arguments
                self.declared.add(head)
                lines.append(f"Variable {head} : {arrows}R.")
        # a quantity no range is given for is any real number (the kernel's reading of Γ); a
        # family's free symbols include its name, declared above
        free = set().union(*(term.free_symbols for term in self.terms)) | self.parameters
        for symbol in sorted(free, key=str):
            if type(symbol) is sp.Symbol and symbol not in self.indices and \
                    symbol.name not in self.families and symbol not in self.sizes:
                name = self._identifier(symbol.name)
                self.declared.add(name)
                lines.append(f"Variable {name} : {'T -> ' if name in self.over else ''}R.")
        hypotheses = []  # after every variable: a range may mention any (f(a + 1) > 0)
        for expr, real_set in entries:
            if real_set == sp.Reals:
                continue
            head, _ = self._variable(expr)
            term = self.term(expr)  # the entry as the proof uses it: C(p_i) for every t and i
            binders = [f"({v} : {'T' if v == 't' else 'nat'})" for v in ["t", *sorted(
                i.name for i in expr.free_symbols & self.indices)] if re.search(rf"\b{v}\b", term)]
            hypothesis = f"{head}_range"
            self.hypotheses[expr] = hypothesis
            prop = self.prop(term, real_set)
            # a range without binders sits in every goal's context, where `close` would take its
            # ∧ and ∨ apart forever (a section hypothesis cannot be cleared): `holds` hides them
            prop = prop if prop.startswith("(") else f"({prop})"  # is_nat K
            stated = f"forall {' '.join(binders)}, {prop}" if binders else f"holds {prop}"
            hypotheses.append(f"Hypothesis {hypothesis} : {stated}.")
        return lines + hypotheses

    def _variable(self, expr):
        """(Coq name, its arguments) of a setting entry: y_i, p_{ik}, σ, f(x_i)."""
        if isinstance(expr, sp.Indexed):
            return self._identifier(str(expr.base.label)), Arguments(
                [self._identifier(str(i)) for i in expr.indices], [])
        if isinstance(expr, sp.Symbol):
            return self._identifier(expr.name), Arguments([], [])
        if isinstance(expr, sp.Function) and not isinstance(expr, DefinedEntry):
            return self._identifier(type(expr).__name__), Arguments([], [
                f"x{number}" for number, _ in enumerate(expr.args)])
        raise RenderError(f"Coq export: no Coq counterpart for the setting entry {expr}")

    def definitions(self):
        lines = []
        for definition in self.proof.definitions:
            if isinstance(definition, DefinedFamily):
                params = " ".join(f"({self._identifier(str(v))} : nat)" for v in definition.params)
                lines.append(f"Definition {self._identifier(definition.__name__)} (t : T) {params} "
                             f":= {self.term(definition.body)}.")
            else:
                free = free_vars(definition.body) & self.indices
                if free:
                    raise RenderError(f"Coq export: the definition {definition.name} uses the "
                                      f"index {', '.join(sorted(map(str, free)))} outside a sum; "
                                      "make it a family (params=[...]) or sum over it")
                lines.append(f"Definition {self._identifier(definition.name)} (t : T) := "
                             f"{self.term(definition.body)}.")
        return lines

    # ------------------------------------------------------------------------------ terms
    def term(self, e):
        """The Coq term of a sympy term; the parameter is t, families over it take t first."""
        if isinstance(e, Defined):
            return f"({e.name} t)"
        if isinstance(e, DefinedEntry):
            return f"({type(e).__name__} t {' '.join(self.index(a) for a in e.args)})"
        if e in self.sizes:
            return self.sizes[e][1]
        if isinstance(e, sp.Indexed):
            family = str(e.base.label)
            head = f"{family} t" if family in self.over else family
            return f"({head} {' '.join(self.index(i) for i in e.indices)})"
        if isinstance(e, sp.Symbol):
            if e in self.local or e in self.aliases:  # the monotonicity's variable, under its
                return self.local_name(self.aliases.get(e, e))  # own binder
            if e in self.indices:
                raise RenderError(f"Coq export: the index {e} is used as a number")
            name = self._identifier(e.name)
            if name not in self.declared and e not in self.local:  # else Coq's own name, or none
                raise RenderError(f"Coq export: {name} is not a variable the script declares "
                                  "(a monotonicity's variable used outside its claim?); rename it")
            return f"({name} t)" if name in self.over else name
        if e == sp.pi:
            return "PI"
        if e == sp.E:
            return "(exp 1)"
        if isinstance(e, sp.Integer):
            return f"({e})" if e < 0 else str(e)
        if isinstance(e, sp.Rational):
            return f"({e.p} / {e.q})"
        if isinstance(e, sp.Add):
            return "(" + " + ".join(self.term(a) for a in e.args) + ")"
        if isinstance(e, sp.Mul):
            if e.args[0] == -1:
                return f"(- {self.term(sp.Mul(*e.args[1:], evaluate=False))})"
            return "(" + " * ".join(self.term(a) for a in e.args) + ")"
        if isinstance(e, sp.Pow):
            if e.exp.is_Integer and abs(e.exp) > MAX_POWER:
                raise RenderError(f"Coq export: the power {e} has an exponent beyond {MAX_POWER}, "
                                  "which Coq's arithmetic would expand into as many products")
            if e.exp.is_Integer and e.exp > 0:
                return f"(pow {self.term(e.base)} {e.exp})"
            if e.exp.is_Integer:  # Coq's / 0 is 0, where sympy's 1/0 is undefined
                self.shown(e.base, "nonzero", f"the inverse 1/x of x = {e.base}")
                base = self.term(e.base)
                return f"(/ {base})" if e.exp == -1 else f"(/ (pow {base} {-e.exp}))"
            # Coq's Rpower x y is exp(y ln x): x^y only for x > 0
            self.shown(e.base, "positive", f"the power {e} (Coq's Rpower x y = exp(y ln x))")
            return f"(Rpower {self.term(e.base)} {self.term(e.exp)})"
        if isinstance(e, sp.log) and len(e.args) == 1:  # Coq's ln 0 is 0
            self.shown(e.args[0], "positive", f"the logarithm {e}")
            return f"(ln {self.term(e.args[0])})"
        if type(e) in FUNCTIONS:
            self.uses_erf |= isinstance(e, sp.erf)
            return f"({FUNCTIONS[type(e)][0]} {self.term(e.args[0])})"
        if isinstance(e, sp.factorial):  # Rfact x is x! for a count x only
            self.shown(e.args[0], "count", f"the factorial {e}")
            return f"(Rfact {self.term(e.args[0])})"
        if isinstance(e, sp.Abs):
            return f"(Rabs {self.term(e.args[0])})"
        if isinstance(e, sp.binomial):  # Rbinom a b is C(a, b) for counts a, b only
            for arg in e.args:
                self.shown(arg, "count", f"the binomial coefficient {e}")
            return f"(Rbinom {self.term(e.args[0])} {self.term(e.args[1])})"
        if isinstance(e, (sp.Sum, sp.Product)):
            return self._binder(e)
        if isinstance(e, sp.Function) and type(e).__name__ in self.families:
            head = type(e).__name__
            head = f"{head} t" if head in self.over else head
            return f"({head} {' '.join(self.term(a) for a in e.args)})"
        if isinstance(e, sp.gamma):  # a section variable (GAMMA)
            self.uses_gamma = True
            return f"(Gamma {self.term(e.args[0])})"
        raise RenderError(f"Coq export: no Coq counterpart for the term {e}")

    def shown(self, expr, kind, what):
        """RenderError unless the kernel shows `expr` positive / nonzero / a count in the proof's
        context: there Coq's total ln, /, Rpower, Rfact and Rbinom agree with sympy's terms."""
        key = (expr, kind, tuple(self.local.items()))
        if key not in self.checked:
            self.checked[key] = self.kernel_fact(expr, kind) is not None
        if not self.checked[key]:
            words = {"count": "a count (an integer >= 0)"}.get(kind, kind)
            raise RenderError(f"Coq export: {what} needs {expr} shown {words}, which the kernel "
                              "does not show from the model's ranges; give it a range that does")

    def kernel_fact(self, expr, kind):
        """The kernel's theorem that `expr` is positive / nonzero (positive or negative) / a count
        in the proof's context and the local variable's range, or None."""
        from .. import check
        from ..errors import ProofError
        # the variable under the name the script gives it: the kernel takes one name for one
        # object, and the model's x_i are x
        renamed = {var: sp.Symbol(self.local_name(var)) for var in self.local
                   if self.local_name(var) != var.name}
        self.aliases.update({new: var for var, new in renamed.items()})
        expr = expr.xreplace(renamed)
        where = dict(self.proof.theorem.context.entries) | {
            renamed.get(var, var): real_set for var, real_set in self.local.items()}
        for real_set in SHOWN[kind]:
            try:
                return check.member(expr, real_set, where=where)
            except ProofError:
                continue
        return None

    def _binder(self, e):
        body = e.function
        for var, lo, hi in e.limits:  # sympy's first limit is the innermost
            if lo != 1 or hi not in self.sizes:
                raise RenderError(f"Coq export: only sums and products over 1..n, n a size of "
                                  f"range ℕ = {{1, 2, …}}, not over {var} from {lo} to {hi}")
            head = "sum_f_R0" if isinstance(e, sp.Sum) else "prod_f_R0"
            inner = body if isinstance(body, str) else self.term(body)
            body = f"({head} (fun {self._identifier(var.name)} => {inner}) {self.sizes[hi][0]})"
        return body

    def index(self, i):
        if i not in self.indices:
            raise RenderError(f"Coq export: the index {i} is not a plain index of the model")
        return i.name

    def prop(self, term, real_set):
        """The Coq proposition 'term ∈ real_set'."""
        if real_set == sp.Reals:
            return "True"
        if real_set == sp.Naturals:
            return f"is_pos_nat {term}"
        if real_set == sp.Naturals0:
            return f"is_nat {term}"
        if isinstance(real_set, sp.FiniteSet) and all(v.is_Rational for v in real_set):
            return "(" + " \\/ ".join(f"{term} = {self.term(v)}" for v in real_set) + ")"
        if isinstance(real_set, sp.Range) and real_set.step == 1:  # integers between bounds
            parts = [f"{self.term(real_set.inf)} <=" if real_set.inf.is_finite else "", term,
                     f"<= {self.term(real_set.sup)}" if real_set.sup.is_finite else ""]
            bounds = " ".join(part for part in parts if part)
            return f"(is_int {term} /\\ {bounds})" if bounds != term else f"(is_int {term})"
        if isinstance(real_set, sp.Interval):
            parts = []
            if real_set.start != -sp.oo:
                parts.append(f"{self.term(real_set.start)} {'<' if real_set.left_open else '<='}")
            parts.append(term)
            if real_set.end != sp.oo:
                parts.append(f"{'<' if real_set.right_open else '<='} {self.term(real_set.end)}")
            return f"({' '.join(parts)})"
        raise RenderError(f"Coq export: no Coq counterpart for the range {real_set}")

    def statement(self, statement):
        """The Coq proposition of a kernel judgement (t and the indices free)."""
        if isinstance(statement, Equal):
            return f"{self.term(statement.lhs)} = {self.term(statement.rhs)}"
        if isinstance(statement, Member):
            return self.prop(self.term(statement.expr), statement.set)
        if isinstance(statement, SameOptimizers):
            return self.optimizers(statement, "t")
        if isinstance(statement, StrictlyIncreasing):
            return "increasing_on {} {}".format(*self.monotone(statement))
        raise RenderError(f"Coq export: no Coq counterpart for the judgement {statement}")

    def monotone(self, statement, interval=None):
        """(`fun x => x ∈ I`, `fun x => g`): a monotonicity's set and map (with `interval`, the
        set of its interior)."""
        var = self.local_name(statement.var)
        interval = interval or statement.interval
        outer, self.local = self.local, {statement.var: interval}
        try:
            return (f"(fun {var} => {self.prop(var, interval)})",
                    f"(fun {var} => {self.term(statement.func)})")
        finally:
            self.local = outer

    def local_name(self, var):
        """The Coq name of a monotonicity's variable, bound by its own fun or forall: its name,
        or the first of name0, name1, … that names nothing else of the script (a section
        variable, a size, an index, a definition, a name Coq or the script keeps): the engine's
        x ↦ log x beside a model's covariates x_i."""
        taken = self.declared | {name for _, name in self.sizes.values()} | {
            str(index) for index in self.indices} | {
            getattr(d, "name", None) or d.__name__ for d in self.proof.definitions}
        numbered = range(len(taken) + 1)  # k0 is a name the script keeps, k_0 is not
        for candidate in [var.name, *(f"{var.name}{suffix}{number}" for suffix in ("", "_")
                                      for number in numbered)]:
            if candidate in taken:
                continue
            try:
                return self._identifier(candidate)
            except RenderError:
                if candidate == var.name:  # a model name Coq cannot take: said as before
                    raise
        raise RenderError(f"Coq export: no name for the monotonicity's variable {var.name}")

    def optimizers(self, statement, point):
        own = {name_of(v) for v in statement.over}
        if not own <= self.over:  # cannot be: see __init__
            raise RenderError(f"Coq export: {statement} optimizes over a quantity the script "
                              "declares constant")
        for v in self.optimized:  # a constant here, a map from T in the section
            if name_of(v) not in own and any(mentions(term, v) for term in statement.terms):
                raise RenderError(f"Coq export: {statement} holds {name_of(v)} constant, which "
                                  "another claim optimizes over; the Coq section has one "
                                  f"{name_of(v)}, a map from the parameters: optimize every "
                                  "claim over the same quantities")
        return (f"is_{SENSE[statement.sense_f]} T {self.objective(statement.f)} {point} <-> "
                f"is_{SENSE[statement.sense_g]} T {self.objective(statement.g)} {point}")

    def objective(self, f):
        if isinstance(f, Defined):
            return f.name
        return f"(fun t => {self.term(f)})"

    def free_indices(self, statement):
        found = set().union(*(free_vars(term) for term in statement.terms))
        return sorted((i.name for i in found & self.indices))

    # ------------------------------------------------------------------------------ tactics
    def node(self, th):
        """The Coq lemma proving kernel theorem `th` (its premises' lemmas first), by name: one
        lemma per distinct statement, so a subproof the tree shares is proved once."""
        if id(th) in self.names:
            return self.names[id(th)]
        if th.rule == "instantiate" and th.rule not in COUNTERPARTS:  # before its premises: a
            # general fact used at a value speaks of a variable of its own, no lemma's here
            raise RenderError("Coq export: rule instantiate (a general fact used at a value) has "
                              "no Coq counterpart yet")
        # a derivative's facts are about a variable of its own, quantified by its tactic
        for premise in th.premises if th.rule != "increasing_by_derivative" else ():
            self.node(premise)
        statement = self.quantified(th.statement)
        if th.rule not in COUNTERPARTS:  # before a lemma of the same statement is reused: the
            # join of two cases states its first case's claim, proved under another range
            raise RenderError(f"Coq export: rule {th.rule} has no Coq counterpart yet")
        name = self.by_statement.get(statement)
        if name is None:
            name = f"k{next(self.fresh)}"
            binders = self.binders(th.statement)
            binders += [name for name, _ in self.hypotheses_of(binders)]
            intros = f"intros {' '.join(binders)}. " if binders else ""
            outer, self.scope = self.scope, set(binders)
            tactic = self.tactic(th)
            self.scope = outer
            self.lines += [f"Lemma {name} : {statement}.", f"Proof. {intros}{tactic}. Qed."]
            self.by_statement[statement] = name
        self.names[id(th)] = name
        self.kept.append(th)
        return name

    def stated(self, statement):
        """RenderError unless a lemma's or the theorem's claim reads in Coq as it does in the
        proof: 'x is defined' (x ∈ ℝ) has no Coq counterpart (Coq's functions are total)."""
        if isinstance(statement, Member) and statement.set == sp.Reals:
            raise RenderError(f"Coq export: the claim {statement} (defined and real) has no Coq "
                              "counterpart, Coq's functions being total; claim a range instead")

    def binders(self, statement):
        """The variables a statement's lemma quantifies: t (t0 for optimizers) and free indices."""
        if isinstance(statement, SameOptimizers):
            return ["t0"]
        prop = self.statement(statement)  # x_i ∈ ℝ is True: it quantifies nothing
        local = [self.local_name(var) for var in self.local]
        return [v for v in ["t", *self.free_indices(statement), *local]
                if re.search(rf"\b{v}\b", prop)]

    def hypotheses_of(self, binders):
        """The local variable's range, when the lemma quantifies it: (name, proposition)."""
        return [("H0", self.prop(self.local_name(var), real_set))
                for var, real_set in self.local.items() if self.local_name(var) in binders]

    def quantified(self, statement):
        binders = self.binders(statement)
        prop = (self.optimizers(statement, "t0") if isinstance(statement, SameOptimizers)
                else self.statement(statement))
        assumed = "".join(f"{hypothesis} -> " for _, hypothesis in self.hypotheses_of(binders))
        return f"forall {' '.join(binders)}, {assumed}{prop}" if binders else prop

    def instance(self, th):
        """`(k t i)`: a premise's lemma at the variables in scope (a fact about every i, where i
        is not in scope, stays quantified)."""
        binders = self.binders(th.statement)
        binders += [name for name, _ in self.hypotheses_of(binders)]
        if not set(binders) <= self.scope:
            return self.node(th)
        return "(" + " ".join([self.node(th), *binders]) + ")"

    def posed(self, premises, then, pointwise=False):
        """Each premise as a hypothesis, then `then` (`pointwise`: after `intros t` inside an
        optimizer lemma)."""
        outer = self.scope
        self.scope = outer | {"t"} if pointwise else outer
        posed = "".join(f"pose proof {self.instance(p)}; " for p in premises)
        self.scope = outer
        return posed + then

    def tactic(self, th):
        """A tactic proving the Coq proposition of `th` from its premises' lemmas."""
        if th.rule not in COUNTERPARTS:
            raise RenderError(f"Coq export: rule {th.rule} has no Coq counterpart yet")
        method = getattr(self, f"_{th.rule}", self._member_arithmetic)
        return method(th)

    # facts
    def _assumption(self, th):
        expr = th.statement.expr
        if expr in self.sizes:
            return "apply is_pos_nat_INR"
        if th.statement.set == sp.Reals:
            return "exact I"
        if expr in self.local or expr in self.aliases:  # the monotonicity's variable: its
            return "apply H0"  # range is the lemma's H0
        hypothesis = self.hypotheses.get(expr)
        if hypothesis is None:
            for entry, name in self.hypotheses.items():
                if isinstance(entry, sp.Indexed) and isinstance(expr, sp.Indexed) and \
                        entry.base == expr.base:
                    hypothesis = name
        if hypothesis is None:  # a range the setting does not give: a case's (x ≤ 0 of x ∈ ℝ)
            raise RenderError(f"Coq export: no hypothesis gives the range {expr} ∈ "
                              f"{th.statement.set}, a case of a proof by cases or a general "
                              "fact's variable, which have no Coq counterpart yet")
        return f"apply {hypothesis}"

    def _number(self, th):
        return {sp.pi: "apply pi_bounds", sp.E: "apply e_bounds"}.get(th.statement.expr, "close")

    def _member_widen(self, th):
        return self.posed(th.premises, finish(th.statement.set))

    def _abs_of_sign(self, th):
        """|a| = a from 0 <= a, |a| = −a from a <= 0 (as sympy wrote −a: ring)."""
        nonnegative = th.statement.rhs == th.premises[0].statement.expr
        lemma = "Rabs_pos_eq" if nonnegative else "Rabs_left1"
        return self.posed(th.premises, f"rewrite {lemma}; [ring | close]")

    def _member_of_equal(self, th):
        equation, fact = th.premises  # at the variables in scope: a bare lemma that assumes the
        # variable's range would leave that range as a second goal of the rewrite
        return f"rewrite {self.instance(equation)}; apply {self.instance(fact)}"

    def _member_arithmetic(self, th):
        """+, ·, powers and the table's functions: the rule's Coq lemma, or arithmetic on the
        premises."""
        expr, real_set = th.statement.expr, th.statement.set
        positive = real_set == POSITIVE
        real_power = isinstance(expr, sp.Pow) and not expr.exp.is_Integer  # Coq's Rpower
        if type(expr) in FUNCTIONS:
            return self._member_function(th)
        if real_power and real_set == sp.Naturals:
            return self.posed(th.premises, "apply Rpower_pos_nat; count")
        if real_power and real_set.is_subset(sp.S.Integers) is True:
            raise RenderError(f"Coq export: {expr} ∈ {real_set} (an integer to the power of a "
                              "count) has no Coq lemma yet: the proof checks and renders as text, "
                              "LaTeX and Markdown; only its Coq export is missing")
        if real_power and positive:
            return "apply Rpower_pos"
        if real_power and real_set in POWER_SIDES:
            return self.posed(th.premises, f"apply {POWER_SIDES[real_set]}; close")
        if isinstance(expr, sp.log) and real_set == sp.Reals:
            return "exact I"
        if isinstance(expr, sp.log):  # the sign of ln x from x against 1
            arg = self.term(expr.args[0])
            known = [f"try pose proof (ln_{lemma} {arg} ltac:(close))"
                     for lemma in ("nonneg", "pos")]
            known += [f"try pose proof (ln_{lemma} {arg} ltac:(close) ltac:(close))"
                      for lemma in ("neg", "nonpos")]
            return self.posed(th.premises, "; ".join(known + ["close"]))
        if isinstance(expr, sp.Abs):  # |a| = −a or a, by the sign of a
            arg = self.term(expr.args[0])
            return self.posed(th.premises, f"destruct (Rcase_abs {arg}) as [H1 | H1]; "
                                           f"[rewrite (Rabs_left {arg} H1) | "
                                           f"rewrite (Rabs_right {arg} H1)]; {finish(real_set)}")
        if isinstance(expr, sp.gamma):
            return self.posed(th.premises, "apply Gamma_pos; close")
        if isinstance(expr, sp.factorial):
            arg = self.term(expr.args[0])
            return f"first [apply Rfact_pos_nat | pose proof (Rfact_ge_1 {arg}); close]"
        if real_set == sp.Naturals0 and isinstance(expr, (sp.Add, sp.Mul)):  # counts
            lemma = "is_nat_add" if isinstance(expr, sp.Add) else "is_nat_mul"
            return self.posed(th.premises, f"first [apply {lemma}; assumption | count]")
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp < 0:
            return self.posed(th.premises, "".join(self.inverse_bounds(th)) + "inverse")
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp > 1:
            base = hull_of(th.premises[0].statement.set)
            # a power of a base of either sign: nra finds no witness for its upper bound (a
            # finite set of values, such as a² ∈ {0, 1} for a ∈ {−1, 0, 1}, is its own case)
            if base is not None and base.start < 0 < base.end and \
                    isinstance(real_set, sp.Interval) and real_set.end.is_finite:
                return self.posed(th.premises, self.square_bound(th, base) +
                                  "split; [apply pow2_ge_0 | lra]")  # 0 inside: x² from 0
            return self.posed(th.premises, "".join(self.power_bounds(th)) + finish(real_set))
        return self.posed(th.premises, finish(real_set))

    def square_bound(self, th, base):
        """x² below the square of the end farther from 0, for x between a < 0 < b (sqr_below_le,
        sqr_below_lt, sqr_above_le, sqr_above_lt, sqr_open_lt); a higher power is refused."""
        expr = th.statement.expr
        if expr.exp != 2:
            raise RenderError(f"Coq export: {expr} ∈ {th.statement.set}, a power of a base of "
                              "either sign bounded on both sides, has no Coq proof here (the "
                              "proof itself is checked; only its export is refused)")
        x, a, b = self.term(expr.base), self.term(base.start), self.term(base.end)
        # the end x² reaches: the farther one from 0, or the closed one of two as far
        right = base.end > -base.start or (base.end == -base.start and not base.right_open)
        if base.end == -base.start and base.left_open and base.right_open:
            lemma = "sqr_open_lt"
        else:
            is_open = base.right_open if right else base.left_open
            lemma = f"sqr_{'below' if right else 'above'}_{'lt' if is_open else 'le'}"
        c = self.term((base.end if right else base.start) ** 2)
        return (f"pose proof ({lemma} {a} {b} {x} {c} ltac:(close) ltac:(close) "
                "ltac:(simpl; field)); ")

    def inverse_bounds(self, th):
        """The facts `inverse` does not find about 1/x^k: its sign (Rinv_0_lt_compat,
        Rinv_lt_0_compat), and its bounds 1/b^k and 1/a^k for x^k between a^k and b^k of one sign
        (inv_below, inv_above, inv_neg_below, inv_neg_above, after x^k's own bounds; for x
        between nonpositive a and b and an even k, x^k = (−x)^k between b^k and a^k)."""
        expr, values = th.statement.expr, hull_of(th.premises[0].statement.set)
        k, base = -expr.exp, self.term(expr.base)
        if values is None or values.start < 0 < values.end:
            return []
        if values.end <= 0 and k % 2 == 0:  # x^k = (−x)^k
            values = mirrored(values)
        x = base if k == 1 else f"(pow {base} {k})"
        known = [] if k == 1 else self.power_bounds(th, k)
        low, high = values.start ** k, values.end ** k  # k odd keeps the order and the sign
        if low >= 0:
            known.append(f"pose proof (Rinv_0_lt_compat {x} ltac:(close)); ")
            if low > 0:
                lemma = "inv_below" if values.left_open else "inv_below_le"
                known.append(f"pose proof ({lemma} {self.term(low)} {x} ltac:(lra) "
                             "ltac:(close)); ")
            if high.is_finite:
                lemma = "inv_above" if values.right_open else "inv_above_le"
                known.append(f"pose proof ({lemma} {x} {self.term(high)} ltac:(close) "
                             "ltac:(close)); ")
            return known
        known.append(f"pose proof (Rinv_lt_0_compat {x} ltac:(close)); ")
        if low.is_finite:
            lemma = "inv_neg_below" if values.left_open else "inv_neg_below_le"
            known.append(f"pose proof ({lemma} {self.term(low)} {x} ltac:(close) "
                         "ltac:(close)); ")
        if high < 0:
            lemma = "inv_neg_above" if values.right_open else "inv_neg_above_le"
            known.append(f"pose proof ({lemma} {x} {self.term(high)} ltac:(close) "
                         "ltac:(lra)); ")
        return known

    def power_bounds(self, th, exponent=None):
        """x^k between a^k and b^k for x between nonnegative a and b, each bound's power given as
        a number (pow_above_c, pow_below_c, …); for x between nonpositive a and b, the same for
        −x and x^k = ±(−x)^k (pow_even, pow_odd): the facts nra does not find for k > 2, and
        which let lra take x^k as an atom."""
        expr, values = th.statement.expr, th.premises[0].statement.set
        values = hull_of(values)
        if values is None or values.start < 0 < values.end:
            return []
        x, k = self.term(expr.base), exponent or expr.exp
        known = []
        if values.end <= 0:  # −x is nonnegative
            parity = "pow_even" if k % 2 == 0 else "pow_odd"
            known.append(f"pose proof ({parity} {x} {k} eq_refl); ")
            x, values = f"(- {x})", mirrored(values)
        number = "ltac:(simpl; field)"
        if values.start.is_finite:
            a, c = self.term(values.start), self.term(values.start ** k)
            known.append(f"pose proof (pow_above_c {a} {x} {k} {c} ltac:(close) ltac:(close) "
                         f"ltac:(lia) {number}); " if values.left_open else
                         f"pose proof (pow_above_le_c {a} {x} {k} {c} ltac:(close) {number}); ")
        if values.end.is_finite:
            b, c = self.term(values.end), self.term(values.end ** k)
            known.append(f"pose proof (pow_below_c {x} {b} {k} {c} ltac:(close) ltac:(close) "
                         f"ltac:(lia) {number}); " if values.right_open else
                         f"pose proof (pow_below_le_c {x} {b} {k} {c} ltac:(close) {number}); ")
        return known

    def _member_function(self, th):
        """f(a) ∈ S from a ∈ I: the table's range of f, and for an increasing f the side of its
        value at 0 that I lies on."""
        expr, (values,) = th.statement.expr, th.premises
        name, bound, increasing = FUNCTIONS[type(expr)]
        arg = self.term(expr.args[0])
        known = [f"pose proof ({bound} {arg})"] if bound else []
        if increasing:
            monotone, at_zero, value = increasing
            known += [f"pose proof ({lemma} {name} {value} {monotone} {at_zero} {arg} "
                      "ltac:(close))" for lemma in sides(values.statement.set)]
        return self.posed(th.premises, "; ".join(known + ["close"]))

    def _member_binomial(self, th):
        """C(a, b) is a count; with a − b a count too, a positive one (Rbinom_pos_nat)."""
        if len(th.premises) == 2:
            return "apply Rbinom_nat"
        top, bottom, rest = th.premises  # counts: is_nat, or an integer range (count)
        a, b = self.term(top.statement.expr), self.term(bottom.statement.expr)
        return self.posed(th.premises, f"apply Rbinom_pos_nat; [count | count | "
                                       f"replace ({a} - {b}) with {self.term(rest.statement.expr)} "
                                       "by ring; count]")

    def _member_binder(self, th):
        """A sum or product from its body's sign, for every value of the outer index (the body of
        an iterated binder is the binder over the inner indices)."""
        body, binder = th.premises[0], th.statement.expr
        if th.statement.set == sp.Reals:
            return "exact I"
        if ranged_index(th) is not None:  # sum_pos and its kin take a body for every index
            raise RenderError(f"Coq export: the terms of {binder} shown at its index's values "
                              "only have no Coq counterpart yet")
        lemmas = {(sp.Product, POSITIVE): "prod_pos", (sp.Product, sp.Interval.Lopen(0, 1)):
                  "prod_in_unit", (sp.Product, sp.Interval(1, sp.oo)): "prod_ge_one",
                  (sp.Sum, POSITIVE): "sum_pos",
                  (sp.Sum, sp.Interval(0, sp.oo)): "sum_nonneg",
                  (sp.Sum, sp.Interval(-sp.oo, 0)): "sum_nonpos"}
        lemma = lemmas[type(binder), th.statement.set]  # the kernel concludes nothing else
        var = binder.limits[-1][0].name
        outer, self.scope = self.scope, self.scope | {var}  # after `intros i`
        fact = self.instance(body)
        self.scope = outer
        return f"apply {lemma}; intros {var}; pose proof {fact}; close"  # < 0 gives <= 0

    # equalities
    def _refl(self, th):
        return "reflexivity"

    _unfold = _rename_index = _refl

    def _increasing_by_derivative(self, th):
        """The mean value theorem (increasing_by_derivative): the interval is convex and holds
        its interior, the map's derivative is composed rule by rule (d_plus, d_chain, …) and
        equals sympy's up to ring/field, and the kernel's lemma shows it positive inside.  A
        derivative >= 0 vanishing at isolated points is positive between them: the interval is
        split at each (increasing_join), the kernel showing the derivative positive on each
        piece."""
        st = th.statement
        if st.func == sp.log(st.var) and st.interval == POSITIVE:
            return "exact ln_increasing_on"
        _, slope = th.premises
        values = slope.statement.set
        if values.inf > 0 or (values.inf == 0 and values.contains(0) is sp.false):
            return self.by_derivative(st, st.interval, slope)
        return self.joined(st, st.interval, self.zeros(slope.statement.expr, st))

    def zeros(self, derivative, st):
        """The points of the interval's interior where the derivative, a rational function whose
        numerator has rational coefficients, vanishes: rational numbers (RenderError
        otherwise)."""
        interior = sp.Interval.open(st.interval.start, st.interval.end)
        polynomial = sp.Poly(sp.fraction(sp.cancel(derivative))[0], st.var)
        if polynomial.free_symbols - {st.var} or not all(c.is_Rational for c in
                                                          polynomial.all_coeffs()):
            raise RenderError(f"Coq export: {st} rests on the derivative {derivative} >= 0 with "
                              "isolated zeros; the export splits at the zeros of a polynomial "
                              "with rational coefficients only")
        roots = sorted({r for r in sp.real_roots(polynomial) if interior.contains(r) is sp.true})
        if not all(r.is_Rational for r in roots):
            raise RenderError(f"Coq export: {st} rests on a derivative >= 0 that vanishes at "
                              f"{', '.join(map(str, roots))}; the export splits at rational zeros "
                              "only")
        return roots

    def joined(self, st, interval, roots):
        """x ↦ g increasing on `interval`, split at the derivative's zeros `roots`."""
        if not roots:
            interior = sp.Interval.open(interval.start, interval.end)
            derivative = sp.diff(st.func, st.var)
            outer, self.local = self.local, {st.var: interior}
            slope = self.kernel_fact(derivative, "positive")
            self.local = outer
            if slope is None:
                raise RenderError(f"Coq export: the derivative {derivative} is not shown positive "
                                  f"on {interior}, between its zeros")
            return self.by_derivative(st, interval, slope)
        zero, rest = roots[0], roots[1:]
        left = interval.intersect(sp.Interval(-sp.oo, zero))
        right = interval.intersect(sp.Interval(zero, sp.oo))
        (inside, function), (on_left, _), (on_right, _) = (
            self.monotone(st, interval), self.monotone(st, left), self.monotone(st, right))
        sets = "intros ? ? ?; cbv beta in *; close"
        return (f"apply (increasing_join {inside} {on_left} {on_right} {function} "
                f"{self.term(zero)}); [{sets} | {sets} | intros ? ? ? ? ? ?; cbv beta in *; close "
                f"| {self.joined(st, left, [])} | {self.joined(st, right, rest)}]")

    def by_derivative(self, st, interval, slope):
        """increasing_by_derivative on `interval`, the kernel's `slope` showing the derivative
        positive inside."""
        var = st.var
        interior = sp.Interval.open(interval.start, interval.end)
        name = self.local_name(var)
        (inside, function), (within, _) = self.monotone(st, interval), self.monotone(st, interior)
        outer, outer_scope = self.local, self.scope
        self.sides, self.scope = [], self.scope | {name, "H0"}  # after `intros x H0`
        try:
            self.local = {var: interval}
            composed, derivative = self.derivative(st.func, var)
            self.local = {var: interior}
            positive, written = self.instance(slope), self.term(slope.statement.expr)
            laws = self.power_laws([st.func, slope.statement.expr], var)
        finally:
            self.local, self.scope = outer, outer_scope
        known = "".join(f"pose proof {side}; " for side in self.sides)
        return (f"apply (increasing_by_derivative {inside} {within} {function} "
                f"(fun {name} => {written})); "
                "[intros ? ? ? ? ? ?; cbv beta in *; close | "
                "intros ? ? ? ? ? ?; cbv beta in *; close | "
                f"intros {name} H0; apply (d_eq _ {name} {derivative}); "
                f"[exact {composed} | {known}{laws}args; norm] | "
                f"intros {name} H0; pose proof {positive}; close]")

    def power_laws(self, terms, var):
        """Rewrites that let field compare the composed derivative with sympy's when they write
        one power two ways: each rational exponent's integer part taken out (Rpower_shift:
        x^(−1/2) = x^(1/2)/x), the rest as a power of one root (Rpower_frac: x^(3/4) =
        (x^(1/4))³), a symbol written as a power of its root (Rpower_root: π = (√π)², so that
        √π·√π and π are one polynomial in √π) and any other base's root known to have it as a
        power (Rpower_is_root: √2² = 2), and exp(a)^n = exp(n·a) (exp_pow_nat)."""
        found = set()
        for term in terms:
            for power in term.atoms(sp.Pow):
                c = power.exp
                if c.is_Rational and not c.is_Integer and power.base.is_positive is not False:
                    found.add((power.base, c))
                    if var in power.base.free_symbols:
                        found.add((power.base, c - 1))  # the composed one's, by d_Rpower
            if term.has(sp.erf):
                found.add((sp.pi, sp.Rational(-1, 2)))  # erf's derivative, 2/√π · exp(−x²)
        rewrites, roots = [], {}
        for base, c in sorted(found, key=sp.default_sort_key):
            whole = sp.floor(c)
            if whole != 0:
                lemma = "Rpower_shift" if whole > 0 else "Rpower_shift_neg"
                rewrites.append(f"try rewrite ({lemma} {self.term(base)} {self.term(c)} "
                                f"{self.term(c - whole)} {abs(whole)} ltac:(base_pos) "
                                "ltac:(simpl; lra)); ")
            roots.setdefault(base, set()).add(c - whole)
        # compound bases first: x + 1 = r₁² is rewritten before x = r₂² changes how it reads
        for k, base in enumerate(sorted(roots, key=lambda b: (-sp.count_ops(b),
                                                              sp.default_sort_key(b)))):
            q = functools.reduce(sp.ilcm, (d.q for d in roots[base]))
            y, e = self.term(base), self.term(sp.Rational(1, q))
            for d in sorted(roots[base]):
                if d.p * q // d.q > 1:
                    rewrites.append(f"try rewrite (Rpower_frac {y} {self.term(d)} {e} "
                                    f"{d.p * q // d.q} ltac:(base_pos) ltac:(simpl; lra)); ")
            root, equation = f"root{k}", f"power{k}"
            if not (base.is_Symbol or base == sp.pi):
                # 2 = r² rewritten would change every 2, x³ = r² would leave x² apart: the
                # equalities rewrite r² to 2 or x³ instead, after ring_simplify (field_roots)
                rewrites.append(f"try (pose proof (Rpower_is_root {y} {e} {q} ltac:(base_pos) "
                                f"ltac:(simpl; lra)) as {equation}; pose proof (Rpower_pos {y} "
                                f"{e}); set ({root} := Rpower {y} {e}) in *); ")
                continue
            # the symbol as the root's power where the goal has it, and the root's power as the
            # symbol where field leaves one (√(a + 1) − √a = 1/(√a + √(a + 1)) cleared of its
            # denominator: r₀² − r₁² = 1)
            rewrites.append(f"try (pose proof (Rpower_root {y} {e} {q} ltac:(base_pos) "
                            f"ltac:(simpl; lra)) as {equation}; pose proof (Rpower_is_root {y} {e} "
                            f"{q} ltac:(base_pos) ltac:(simpl; lra)) as {equation}r; "
                            f"pose proof (Rpower_pos {y} {e}); "
                            f"set ({root} := Rpower {y} {e}) in *; rewrite ?{equation}); ")
        return "".join(rewrites) + "rewrite ?exp_pow_nat; "

    def derivative(self, e, var):
        """(a proof of `derivable_pt_lim (fun x => e) x D`, D): the rules of differentiation as
        the prelude's d_… lemmas, their side conditions (0 < u for ln u and u^c, u ≠ 0 for 1/u)
        from lemmas the kernel proves for x in the interval."""
        x = self.local_name(var)
        function = lambda term: f"(fun {x} => {term})"  # noqa: E731
        if var not in e.free_symbols:
            return f"(d_const {self.term(e)} {x})", "0"
        if e == var:
            return f"(d_id {x})", "1"
        if isinstance(e, sp.Mul) and e.args[0] == -1:  # printed (- rest)
            rest = sp.Mul(*e.args[1:], evaluate=False)
            proof, d = self.derivative(rest, var)
            return f"(d_opp {function(self.term(rest))} {x} {d} {proof})", f"(- {d})"
        if isinstance(e, (sp.Add, sp.Mul)):  # printed (a1 + a2 + …): Coq reads ((a1 + a2) + …)
            sign, lemma = (" + ", "d_plus") if isinstance(e, sp.Add) else (" * ", "d_mult")
            proof, d = self.derivative(e.args[0], var)
            terms = [self.term(e.args[0])]
            for arg in e.args[1:]:
                arg_proof, arg_d = self.derivative(arg, var)
                left = terms[0] if len(terms) == 1 else "(" + sign.join(terms) + ")"
                right = self.term(arg)
                d = f"({d} + {arg_d})" if sign == " + " else \
                    f"({d} * {right} + {left} * {arg_d})"
                proof = (f"({lemma} {function(left)} {function(right)} {x} _ _ {proof} "
                         f"{arg_proof})")
                terms.append(right)
            return proof, d
        if isinstance(e, sp.Pow) and var not in e.exp.free_symbols:
            base, exponent = e.base, e.exp
            inner = self.term(base)
            proof, d = self.derivative(base, var)
            if exponent.is_Integer and exponent != 0:
                k = abs(int(exponent))
                power = inner if k == 1 else f"(pow {inner} {k})"
                if k != 1:
                    proof = (f"(d_pow {function(inner)} {x} {k} {k - 1} {k} _ "
                             "ltac:(simpl; ring) eq_refl " + proof + ")")
                    d = f"({k} * pow {inner} {k - 1} * {d})"
                if exponent > 0:
                    return proof, d
                side = self.side(base, "nonzero")
                nonzero = (f"ltac:(pose proof {side}; cbv beta; "
                           f"{'apply pow_nonzero; ' * (k != 1)}close)")
                return (f"(d_inv {function(power)} {x} _ {nonzero} {proof})",
                        f"(- {d} / pow {power} 2)")
            side = self.side(base, "positive")
            c, c1 = self.term(exponent), self.term(exponent - 1)
            return (f"(d_Rpower {function(inner)} {c} {c1} {x} _ ltac:(field) {side} {proof})",
                    f"({c} * Rpower {inner} {c1} * {d})")
        if isinstance(e, sp.log) and len(e.args) == 1:
            inner = self.term(e.args[0])
            proof, d = self.derivative(e.args[0], var)
            side = self.side(e.args[0], "positive")
            return f"(d_ln {function(inner)} {x} _ {side} {proof})", f"(/ {inner} * {d})"
        if type(e) in CHAIN:
            outer_derivative, lemma = CHAIN[type(e)]
            self.uses_erf |= isinstance(e, sp.erf)
            inner = self.term(e.args[0])
            proof, d = self.derivative(e.args[0], var)
            name = FUNCTIONS[type(e)][0]
            return (f"(d_chain {name} (fun u => {outer_derivative.format('u')}) "
                    f"{function(inner)} {x} _ {lemma} {proof})",
                    f"({outer_derivative.format(inner)} * {d})")
        raise RenderError(f"Coq export: no Coq derivative rule for {e} (in the derivative of a "
                          "monotonicity)")

    def side(self, expr, kind):
        """The lemma instance `(k x H0)` by which the kernel shows `expr` positive (or nonzero:
        positive or negative) for x in the local range."""
        theorem = self.kernel_fact(expr, kind)
        if theorem is None:
            raise RenderError(f"Coq export: the derivative needs {expr} shown {kind} on "
                              f"{next(iter(self.local.values()))}, which the kernel does not show")
        self.sides.append(self.instance(theorem))
        return self.sides[-1]

    def _symm(self, th):
        return f"symmetry; apply {self.instance(th.premises[0])}"

    def _trans(self, th):
        first, second = th.premises
        return f"etransitivity; [apply {self.instance(first)} | apply {self.instance(second)}]"

    def _congruence(self, th):
        equation, *facts = th.premises
        if equation.rule == "rename_index":  # Coq's terms are the same up to bound names:
            return self.posed(facts, "norm")  # nothing to rewrite, sympy's evaluation to redo
        # at the variables in scope (a fact about every index i of a sum stays quantified)
        return self.posed(facts, f"setoid_rewrite {self.instance(equation)}; norm")

    def _binder_congruence(self, th):
        """The equation of the terms for every value of the index, rewritten under the sum."""
        if ranged_index(th) is not None:  # sum_eq's bound is Coq's nat: no index range to match
            raise RenderError(f"Coq export: the terms of {th.statement.lhs} rewritten at its "
                              "index's values only have no Coq counterpart yet")
        head = "prod" if isinstance(th.statement.lhs, sp.Product) else "sum"
        var = th.statement.lhs.limits[-1][0].name
        return (f"apply {head}_f_R0_proper; [intros {var}; apply {self.node(th.premises[0])} | "
                "reflexivity]")

    def _ring(self, th):
        """ring or field; where a side has a root (x^(1/2), u^(−3/2)), the laws of powers first,
        as the kernel reads them: u^(−3/2) = u^(1/2)/u², and (u^(1/2))² = u."""
        sides = (th.statement.lhs, th.statement.rhs)
        multiples = _exp_multiples(sides)
        fractional = _fractional_multiples(multiples)
        if fractional:
            raise RenderError(f"Coq export: {th.statement} relates exponentials of fractional "
                              f"multiples of {fractional[0]} (exp(x/2) beside exp(x)), which "
                              "the export has no lemma for yet (the proof itself is checked)")
        # exp((−1/2)·x) as 1/exp((1/2)·x): field then sees one atom
        inverses = "".join(
            f"rewrite (exp_opp_eq {self.term(-c * rest)} {self.term(c * rest)}) by field; "
            for rest, coefficients in multiples.items() for c in coefficients
            if c < 0 and not c.is_Integer and -c in coefficients)
        if any(not power.exp.is_Integer and power.exp.is_Rational
               for side in sides for power in side.atoms(sp.Pow)):
            return self.posed(th.premises, inverses + self.power_laws(sides, None) + "norm")
        return self.posed(th.premises, inverses + "norm")

    def _function_as_exp(self, th):
        """Coq defines sinh, cosh and tanh by exp a and exp(−a): unfolded, −a written as the term
        printer writes sympy's −a (exp((−1/2)·x), not exp(−((1/2)·x))), exp(ln x) as x for x > 0
        (from the premises), then field, with the exponentials' signs from exp_pos."""
        arg = th.statement.lhs.args[0]
        a, minus_a = self.term(arg), self.term(-arg)
        known = f"pose proof (exp_pos {a}); pose proof (exp_pos {minus_a}); "
        return self.posed(th.premises, f"{known}unfold tanh, sinh, cosh; "
                                       f"replace (- {a}) with {minus_a} by field; "
                                       "rewrite ?exp_Ropp; rewrite ?exp_ln by assumption; field; "
                                       "repeat split; close")

    def _log_of_product(self, th):
        if ranged_index(th) is not None:  # ln_prod takes a factor positive for every index
            raise RenderError(f"Coq export: the factors of {th.statement.lhs.args[0]} shown "
                              "positive at its index's values only have no Coq counterpart yet")
        var = th.statement.lhs.args[0].limits[0][0].name
        return f"rewrite ln_prod; [reflexivity | intros {var}; apply {self.node(th.premises[0])}]"

    def _log_of_mul(self, th):
        # sympy writes log(1/2) as −log 2: ln (1 / 2) = ln 1 − ln 2 (ln_div, ln_1) on both sides
        return self.posed(th.premises, "rewrite ?ln_mult by positive; "
                                       "rewrite ?ln_div, ?ln_1 by lra; ring")

    def _log_of_pow(self, th):
        # the power as the term printer writes it: / x, pow x k, / (pow x k), or Rpower x e
        power = th.statement.lhs.args[0]
        if power.exp == -1:
            tactic = "rewrite ln_inv by assumption; ring"
        elif power.exp.is_Integer and power.exp > 0:  # ln (x ^ k) = INR k * ln x
            tactic = "rewrite ln_pow by assumption; simpl; ring"
        elif power.exp.is_Integer:
            tactic = ("rewrite ln_inv by (apply pow_lt; assumption); rewrite ln_pow by assumption; "
                      "simpl; ring")
        else:
            tactic = "rewrite ln_Rpower by assumption; ring"
        return self.posed(th.premises[:1], tactic)

    def _log_of_exp(self, th):
        return "rewrite ln_exp; ring"

    def _sum_split(self, th):
        """Σ(a₁ + … + a_k) = Σa₁ + … + Σa_k: the last term split off k − 1 times (sum_plus_at),
        each sum printed as the statement prints it, then ring."""
        total = th.statement.lhs
        var, _, hi = total.limits[0]
        last, terms = self.sizes[hi][0], [self.term(a) for a in total.function.args]
        steps = []
        for k in range(len(terms), 1, -1):
            head = terms[0] if k == 2 else "(" + " + ".join(terms[:k - 1]) + ")"
            whole = "(" + " + ".join(terms[:k]) + ")"
            name = f"E{next(self.fresh)}"
            steps.append(f"assert ({name} : sum_f_R0 (fun {var} => {whole}) {last} = sum_f_R0 "
                         f"(fun {var} => {head}) {last} + sum_f_R0 (fun {var} => {terms[k - 1]}) "
                         f"{last}) by (apply sum_plus_at; intros {var}; reflexivity); "
                         f"rewrite {name}")
        return "; ".join(steps + ["ring"])

    def _sum_factor(self, th):
        total, product = th.statement.lhs, th.statement.rhs
        inner = next((a for a in sp.Mul.make_args(product) if isinstance(a, sp.Sum)), None)
        if inner is None:  # Σ 0·f = 0: sympy dropped the sum with its zero factor
            raise RenderError(f"Coq export: the sum {total} is taken to {product} by a zero "
                              "factor, which has no Coq counterpart yet")
        factor = self.term(sp.Mul(*(a for a in sp.Mul.make_args(product) if a is not inner)))
        var = total.limits[0][0].name
        body = self.term(inner.function)
        last = self.sizes[total.limits[0][2]][0]
        return (f"transitivity (sum_f_R0 (fun {var} => {factor} * {body}) {last}); "
                f"[apply sum_eq; intros {var} _; ring | "
                f"rewrite (sum_factor (fun {var} => {body}) {factor} {last}); ring]")

    def _sum_ones(self, th):
        return "rewrite sum_ones; reflexivity"

    # optimizers
    def _optimizers_trans(self, th):
        first, second = th.premises
        return f"eapply iff_trans; [apply {self.node(first)} | apply {self.node(second)}]"

    def _optimizers_symm(self, th):
        return f"apply iff_sym; apply {self.node(th.premises[0])}"

    def _optimizers_of_equal(self, th):
        sense = SENSE[th.statement.sense_f]
        return f"apply {sense}_ext; intros t; apply {self.node(th.premises[0])}"

    def _transfer_increasing(self, th):
        monotone, values = th.premises
        statement = th.statement
        lemma = self.node(monotone)
        sense = SENSE[statement.sense_f]
        inside = "intros t; " + self.posed([values], "close", pointwise=True)
        if monotone.statement.func == sp.log(monotone.statement.var):
            return f"apply ({sense}_ln T {self.objective(statement.f)}); {inside}"
        inside_set, function = self.monotone(monotone.statement)
        objective = self.objective(statement.f)
        built = f"(fun s => {function} ({objective} s))"
        return self._ext_after(f"apply ({sense}_strict_mono T {function} {inside_set} "
                               f"{objective}); [{inside} | exact {lemma}]",
                               statement.sense_g, built, [])

    def _negate_objective(self, th):
        st = th.statement
        negated = f"(fun s => - {self.objective(st.f)} s)"
        return self._ext_after(f"apply {SENSE[st.sense_f]}_neg", st.sense_g, negated, [])

    def _scale_positive(self, th):
        st = th.statement
        scale, *facts = th.premises
        c = self.term(scale.statement.expr)
        lemma = f"apply ({SENSE[st.sense_f]}_scale T _ {c}); " + self.posed([scale], "close")
        scaled = f"(fun s => {c} * {self.objective(st.f)} s)"
        return self._ext_after(lemma, st.sense_g, scaled, [scale, *facts])

    def _shift_constant(self, th):
        st = th.statement  # arg (f + d) = arg f
        shift, *facts = th.premises
        d = self.term(shift.statement.expr)
        shifted = f"(fun s => {self.objective(st.g)} s + {d})"
        sense = SENSE[st.sense_f]
        return (f"apply (iff_trans (B := is_{sense} T {shifted} t0)); [apply {sense}_ext; "
                f"intros t; {self.posed(facts, 'norm', True)} | "
                f"apply iff_sym; apply {sense}_shift]")

    def _ext_after(self, lemma, sense, built, facts):
        """The prelude lemma gives arg of its own form, pointwise equal to sympy's evaluation."""
        between = f"is_{SENSE[sense]} T {built} t0"
        return (f"apply (iff_trans (B := {between})); [{lemma} | apply {SENSE[sense]}_ext; "
                f"intros t; {self.posed(facts, 'norm', True)}]")


def hull_of(values):
    """The closed or open interval spanned by a set of numbers (a range of integers, a finite
    set, ℕ), for bounds; None for another set."""
    if isinstance(values, sp.Interval):
        return values
    if isinstance(values, (sp.FiniteSet, sp.Range)) or values in (sp.Naturals, sp.Naturals0):
        if values.is_empty is not False:
            return None
        return sp.Interval(values.inf, values.sup)
    return None


def mirrored(interval):
    """{−x : x ∈ interval}, its ends swapped with their openness."""
    return sp.Interval(-interval.end, -interval.start, interval.right_open, interval.left_open)


def finish(real_set):
    """The tactic closing a membership in `real_set` from the facts posed: `count` where its Coq
    proposition states integrality (is_nat, is_pos_nat, is_int), `close` (arithmetic) else, and
    for a finite set of integers `in_Z` when arithmetic does not suffice (y ∈ {1, 2, 3} from an
    integer range)."""
    if real_set in (sp.Naturals0, sp.Naturals) or isinstance(real_set, sp.Range):
        return "count"
    if isinstance(real_set, sp.FiniteSet) and all(v.is_Integer for v in real_set):
        return "first [close | in_Z]"
    return "close"


def sides(values):
    """The prelude's lemmas placing f(x) against f(0) for an increasing f, that x ∈ `values`
    allows: above_pos (x > 0), above_nonneg (x ≥ 0), below_neg, below_nonpos."""
    hull = hull_of(values)
    if hull is None:
        return []
    low, high = hull.inf, hull.sup
    lemmas = []
    if high <= 0:
        lemmas.append("below_neg" if high < 0 or not hull.contains(high) else "below_nonpos")
    if low >= 0:
        lemmas.append("above_pos" if low > 0 or not hull.contains(low) else "above_nonneg")
    return lemmas


# the chain rule's outer derivatives (F' in d_chain) and the lemmas giving them
CHAIN = {
    sp.exp: ("(exp {})", "derivable_pt_lim_exp"),
    sp.sin: ("(cos {})", "derivable_pt_lim_sin"),
    sp.cos: ("(- (sin {}))", "derivable_pt_lim_cos"),
    sp.atan: ("(/ (1 + pow {} 2))", "derivable_pt_lim_atan"),
    sp.sinh: ("(cosh {})", "derivable_pt_lim_sinh"),
    sp.cosh: ("(sinh {})", "derivable_pt_lim_cosh"),
    sp.tanh: ("(1 - pow (tanh {}) 2)", "derivable_pt_lim_tanh"),
    sp.erf: ("(2 * Rpower PI (-1 / 2) * exp (- pow {} 2))", "erf_derivative"),
}


# Coq's standard library has no Gamma function: the section takes any function positive on (0, ∞),
# the one property of Γ the kernel's table uses, so the theorem holds for Γ in particular
GAMMA = ["Variable Gamma : R -> R.", "Hypothesis Gamma_pos : forall x, 0 < x -> 0 < Gamma x."]
# nor an error function: the section takes any increasing function into (−1, 1) that vanishes at
# 0, the properties of erf the kernel's table uses
ERF = ["Variable erf : R -> R.", "Hypothesis erf_bound : forall x, -1 < erf x < 1.",
       "Hypothesis erf_increasing : forall x y, x < y -> erf x < erf y.",
       "Hypothesis erf_0 : erf 0 = 0.",
       "Hypothesis erf_derivative : "
       "forall x, derivable_pt_lim erf x (2 * Rpower PI (-1 / 2) * exp (- pow x 2))."]


class Arguments:
    def __init__(self, indices, reals):
        self.indices, self.reals = indices, reals


def _comment_safe(text):
    """`text` with every character that is not a letter, digit, space or . , - _ replaced by _."""
    return re.sub(r"[^A-Za-z0-9 .,_-]", "_", text)


def _exp_multiples(sides):
    """{t: the coefficients c of the exp(c·t) in sides} (the kernel reads exp(c·t) as a power of
    one atom exp t)."""
    found = {}
    for side in sides:
        for node in sp.preorder_traversal(side):
            if type(node) is sp.exp:
                for term in sp.Add.make_args(node.args[0]):
                    coefficient, rest = term.as_coeff_Mul()
                    found.setdefault(rest, set()).add(coefficient)
    return found


def _fractional_multiples(multiples):
    """The t of exp(c·t) (`_exp_multiples`) that appear with two coefficients of different sizes,
    one of them no integer: the kernel reads exp(t/2) as (exp t)^(1/2), which Coq's field cannot
    (exp(t/2)² = exp t); exp(t/2) beside exp(−t/2) is one atom and its inverse (exp_opp_eq)."""
    return [rest for rest, coefficients in multiples.items()
            if len({abs(c) for c in coefficients}) > 1
            and any(not c.is_Integer for c in coefficients)]


def render_coq(proof):
    """The Coq script for `proof`, or RenderError naming what has no counterpart."""
    exporter = Exporter(proof)
    section = re.sub(r"[^A-Za-z0-9]", "_", proof.name).capitalize()
    if not section[:1].isalpha():  # a Coq identifier starts with a letter
        section = f"Proof_{section}"
    out = [PRELUDE.read_text(encoding="utf-8"), "",
           # the name as words only: in a comment, *) would end it and " start a string
           f"(* Generated by proofs from the proof tree of '{_comment_safe(proof.name)}'. *)",
           f"Section {section}."]
    declared = exporter.variables() + exporter.definitions()
    stated = [("lemma_" + part.label.replace("-", "_"), part.statement)  # a label: [a-z0-9-]
              for part in proof.sections[:-1]]
    stated += [(f"corollary_{number}", theorem)  # max L = exp(−c·min G): L = exp(−c·G)
               for number, theorem in enumerate(proof.corollaries, start=1)]
    stated.insert(len(proof.sections) - 1, ("main", proof.sections[-1].statement))
    lemmas = []
    for name, theorem in stated:
        exporter.stated(theorem.statement)
        proved = exporter.node(theorem)
        statement = exporter.quantified(theorem.statement)
        lemmas += [""] + exporter.lines + [f"Lemma {name} : {statement}.",
                                          f"Proof. exact {proved}. Qed."]
        exporter.lines = []
        exporter.names[id(theorem)] = name
    if exporter.uses_gamma:  # Coq's standard library has no Gamma function (see GAMMA)
        declared = declared[:1] + GAMMA + declared[1:]
    if exporter.uses_erf:  # nor an error function (see ERF)
        declared = declared[:1] + ERF + declared[1:]
    out += declared + lemmas + [f"End {section}.", "", "Check main.", ""]
    return "\n".join(out)
