"""A Coq certificate: the proof tree exported as a script that ``coqc`` checks, independently of sympy.

The script is the shipped prelude (`coq_prelude.v`: each kernel rule's Coq counterpart, proved there once from
the standard library's `Reals` — `ln_mult`, `ln_exp`, `ln_increasing`, `ln_lt_inv`, `exp_pos`) followed by a
section generated from the proof: the model's variables and hypotheses, the definitions printed from the sympy
terms, and one Coq lemma per lemma of the proof whose tactics are chosen rule by rule from the proof tree.  Ring
normalization steps become `field`/`ring` goals.  A rule without a Coq counterpart is named in a RenderError
instead of leaving a gap; nothing is ever `Admitted`.

Indices: the sympy proof runs i = 1..n, the Coq script i = 0..N with n = N + 1; the families p, y are arbitrary,
so the two statements say the same.
"""

from pathlib import Path

import sympy as sp

from ..errors import RenderError
from ..kernel import Defined
from ..tree import tree_nodes

PRELUDE = Path(__file__).with_name("coq_prelude.v")
SUPPORTED = {
    "assumption", "number", "member_add", "member_mul", "member_pow", "member_binder",
    "member_of_equal", "member_widen", "member_log", "unfold", "congruence", "log_of_product",
    "log_of_mul", "log_of_pow", "symm", "trans", "refl", "ring", "sum_split", "sum_factor",
    "increasing_by_derivative", "transfer_increasing", "negate_objective", "scale_positive",
    "optimizers_of_equal", "optimizers_trans",
}


class CoqPrinter:
    """sympy terms as Coq `R` terms: the optimized family takes the parameter t first (p t i)."""

    def __init__(self, over, size):
        self.over, self.size = {v.label if isinstance(v, sp.IndexedBase) else v for v in over}, size

    def __call__(self, e):
        if isinstance(e, Defined):
            return f"({e.name} t)"
        if e == self.size:
            return "n"
        if isinstance(e, sp.Indexed):
            family = e.base.label
            index = " ".join(self(i) if not isinstance(i, sp.Symbol) else i.name for i in e.indices)
            return f"({family} t {index})" if family in self.over else f"({family} {index})"
        if isinstance(e, sp.Symbol):
            return e.name
        if isinstance(e, sp.Integer):
            return f"({e})" if e < 0 else str(e)
        if isinstance(e, sp.Rational):
            return f"({e.p} / {e.q})"
        if isinstance(e, sp.Add):
            return "(" + " + ".join(self(a) for a in e.args) + ")"
        if isinstance(e, sp.Mul):
            if e.args[0] == -1:
                return f"(- {self(sp.Mul(*e.args[1:]))})"
            return "(" + " * ".join(self(a) for a in e.args) + ")"
        if isinstance(e, sp.Pow):
            if e.exp == -1:
                return f"(/ {self(e.base)})"
            if e.exp.is_Integer and e.exp > 0:
                return f"(pow {self(e.base)} {e.exp})"
            return f"(Rpower {self(e.base)} {self(e.exp)})"
        if isinstance(e, sp.log):
            return f"(ln {self(e.args[0])})"
        if isinstance(e, (sp.Sum, sp.Product)):
            var, lo, hi = e.limits[0]
            if lo != 1 or hi != self.size:
                raise RenderError(f"Coq export: only sums and products over 1..{self.size}, not {e.limits}")
            head = "sum_f_R0" if isinstance(e, sp.Sum) else "prod_f_R0"
            return f"({head} (fun {var.name} => {self(e.function)}) N)"
        raise RenderError(f"Coq export: no Coq counterpart for the term {e}")


def positive_tactic(th):
    """Tactics closing `0 < e` for the positivity fact `th`, following its proof tree."""
    if th.rule in ("member_widen",):
        return positive_tactic(th.premises[0])
    if th.rule == "member_of_equal":
        return f"unfold {th.premises[0].statement.lhs.name}; " + positive_tactic(th.premises[1])
    if th.rule == "member_binder":
        var = th.statement.expr.limits[0][0].name
        return f"apply prod_pos; intros {var}; " + positive_tactic(th.premises[0])
    if th.rule == "member_mul":
        left, right = th.premises
        return f"apply Rmult_lt_0_compat; [{positive_tactic(left)} | {positive_tactic(right)}]"
    if th.rule == "member_pow" and not th.statement.expr.exp.is_Integer:
        return "apply Rpower_pos"
    raise RenderError(f"Coq export: rule {th.rule} has no Coq counterpart for positivity")


def render_coq(proof):
    """The Coq script for `proof` (the Bernoulli theorems), or RenderError naming what has no counterpart."""
    for section in proof.sections:
        missing = {node.rule for node in tree_nodes(section.statement)} - SUPPORTED
        if missing:
            raise RenderError(f"Coq export of '{proof.name}': rule(s) {', '.join(sorted(missing))} have no Coq "
                              "counterpart yet")
    if len(proof.definitions) != 2:
        raise RenderError(f"Coq export of '{proof.name}': per-observation definitions have no Coq "
                          "counterpart yet")
    labels = {section.label: section for section in proof.sections}
    positivity, identity, sign_scale, main = (labels[label] for label in (
        "positivity", "identity", "sign-scale", "main"))
    over = main.statement.statement.over
    size = proof.symbols["size"]
    print_ = CoqPrinter(over, size)
    likelihood, objective = proof.definitions
    out = [PRELUDE.read_text(encoding="utf-8"), "", f"(* Generated by proofs from the proof tree of '{proof.name}'. *)",
           f"Section {proof.name.capitalize()}.", "Variable T : Type.", "Variable N : nat.",
           "Definition n := INR (S N)."]
    for family_expr, real_set in proof.setting:
        if not isinstance(family_expr, sp.Indexed):
            continue
        family = family_expr.base.label
        is_over = family in {v.label for v in over if isinstance(v, sp.IndexedBase)}
        out.append(f"Variable {family} : {'T -> ' if is_over else ''}nat -> R.")
        binders = "(t : T) (i : nat)" if is_over else "(i : nat)"
        term = f"{family} t i" if is_over else f"{family} i"
        out.append(f"Hypothesis {family}_range : forall {binders}, {coq_membership(term, real_set)}.")
    for constant in proof.definitions:
        out.append(f"Definition {constant.name} (t : T) := {print_(constant.body)}.")
    out += ["", f"Lemma positivity t : 0 < {likelihood.name} t.",
            f"Proof. {positive_tactic(positivity.statement)}. Qed.", ""]
    scale = -identity.statement.statement.rhs / objective  # the lemma reads log L = −c·CE
    out += identity_lemma(identity, likelihood, objective, print_, scale)
    out += ["", "Lemma monotonicity : forall x y, 0 < x -> x < y -> ln x < ln y.", "Proof. exact ln_increasing. Qed.",
            ""]
    out += main_theorem(sign_scale, likelihood, objective)
    out += [f"End {proof.name.capitalize()}.", "", "Check main.", ""]
    return "\n".join(out)


def coq_membership(term, real_set):
    if real_set == sp.Interval.open(0, 1):
        return f"(0 < {term} < 1)%R"
    if real_set == sp.FiniteSet(0, 1):
        return f"({term} = 0 \\/ {term} = 1)%R"
    if real_set == sp.S.Reals:
        return "True"
    raise RenderError(f"Coq export: no Coq counterpart for the range {real_set}")


def identity_lemma(section, likelihood, objective, print_, scale):
    """Rewrites following the identity's steps: definition, log of a product, logs inside the sum, field."""
    scale_text = "n" if scale != 1 else "1"
    lines = [f"Lemma identity t : ln ({likelihood.name} t) = - {scale_text} * {objective.name} t.", "Proof."]
    for number, step in enumerate(section.steps):
        if number == 0:  # the definition of the likelihood
            lines.append(f"  unfold {likelihood.name}.")
        elif number == len(section.steps) - 1:  # the definition of the cross-entropy: closed below
            continue
        elif step.rule == "log_of_product":
            fact = next(th for th in tree_nodes(step.theorem) if th.rule == "log_of_product").premises[0]
            var = step.rhs.limits[0][0].name
            lines.append(f"  rewrite ln_prod by (intros {var}; {positive_tactic(fact)}).")
        elif step.rule in ("congruence", "log_of_mul"):  # log of a product of two positives
            var = step.rhs.limits[0][0].name
            lines.append(f"  rewrite (sum_eq _ (fun {var} => {print_(step.rhs.function)})) by "
                         f"(intros {var} _; apply ln_mult; apply Rpower_pos).")
        elif step.rule == "log_of_pow":
            var = step.rhs.limits[0][0].name
            ranges = "; ".join(f"destruct ({family}_range t {var})" for family in sorted(print_.over, key=str))
            lines.append(f"  rewrite (sum_eq _ (fun {var} => {print_(step.rhs.function)})) by "
                         f"(intros {var} _; {ranges}; rewrite !ln_Rpower by lra; reflexivity).")
    closing = "field. apply not_0_INR. discriminate." if scale != 1 else "ring."
    lines += [f"  unfold {objective.name}, n. {closing}", "Qed."]
    return lines


def main_theorem(sign_scale, likelihood, objective):
    lines = [f"Theorem main t : is_argmax T {likelihood.name} t <-> is_argmin T {objective.name} t.", "Proof.",
             "  eapply iff_trans. { apply argmax_ln. exact positivity. }"]
    scaled = False
    for step in sign_scale.steps:
        if step.rule == "negate_objective":
            lines.append("  eapply iff_trans. { apply argmax_neg. }")
        elif step.rule == "scale_positive":
            scaled = True
            lines.append("  eapply iff_trans. { apply (argmin_scale T _ (/ n)). unfold n. "
                         "apply Rinv_0_lt_compat, lt_0_INR. lia. }")
        elif step.rule == "optimizers_of_equal":
            closing = "field. apply not_0_INR. discriminate." if scaled else "ring."
            lines.append(f"  apply argmin_ext. intros s. rewrite identity. unfold {objective.name}, n. {closing}")
        else:
            raise RenderError(f"Coq export: rule {step.rule} has no Coq counterpart in the optimizer chain")
    return lines + ["Qed."]

