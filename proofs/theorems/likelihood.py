"""The generic proof script: for any model with a positive likelihood L and an objective G with
log L = c·G + d (c, d free of the parameters), prove argmax L = argmin G (c < 0) as sets.

The steps are read off the kernel's proof tree: the identity lemma is the chain the normal-form tactic built,
the sign-and-scale lemma is the chain of optimizer rules.  Imports the derived rules, the kernel and `Proof`.
"""

from ..errors import ProofError
from ..kernel import Context, Defined, Equal
from ..kernel import rules as K
from ..proof import Proof, Section, Step
from ..rules.monotonicity import log_is_strictly_increasing
from ..rules.normal_form import prove_equal
from ..rules.optimizers import affine_transfer, log_step
from ..rules.positivity import prove_positive
from .facts import fact_steps, monotone_steps

import sympy as sp

RULE_WORDS = {
    "log_of_product": "log of a product of positive factors (<ref:positivity>)",
    "log_of_mul": "log of a product of positive numbers", "log_of_pow": "log of a power with a positive base",
    "log_of_exp": "log of an exponential", "sum_split": "linearity of the sum",
    "sum_factor": "a constant factor out of the sum", "rename_index": "renaming the summation index",
    "sum_ones": "a sum of ones counts its terms",
    "ring": "algebra", "refl": "", "shift_constant": "an additive constant does not change the minimizers",
    "negate_objective": "maximizing a function is minimizing its negative",
    "scale_positive": "a positive factor does not change the minimizers",
    "optimizers_of_equal": "the objectives are equal (<ref:identity>)",
}


def chain_leaves(theorem, link):
    """The steps a chain of `link` rules (trans, optimizers_trans) joins, in order."""
    if theorem.rule != link:
        return [theorem]
    return [leaf for premise in theorem.premises for leaf in chain_leaves(premise, link)]


def equality_steps(theorem):
    """Human steps of an equality chain: leaves of the trans tree, in order, one line per change of rule."""
    steps = []
    for leaf in chain_leaves(theorem, "trans"):
        words = justification(leaf)
        if steps and steps[-1].justification == words:
            steps[-1] = Step(leaf.statement.rhs, leaf.rule, words, leaf)
        else:
            steps.append(Step(leaf.statement.rhs, leaf.rule, words, leaf))
    return steps


def justification(th):
    if th.rule == "congruence" and th.premises[0].rule == "trans":  # several steps inside a term, named in order
        inner = dict.fromkeys(_inner_words(th))
        if "the right-hand side expands to the same form" in inner:  # a per-observation lemma such as log q_i = h_i
            return "the identity for one observation, both definitions expanded"
        return "in each term: " + "; ".join(words for words in inner if words)
    if th.rule == "congruence":
        return justification(th.premises[0])
    if th.rule == "symm":
        return "the right-hand side expands to the same form"
    if th.rule == "unfold":
        defined = th.statement.lhs  # a constant L, or a family's entry p(i), named p_i
        name = defined.name if isinstance(defined, Defined) else "_".join(
            [defined.func.__name__, *map(str, defined.args)])
        return f"definition of $<{name}>$"
    if th.rule == "trans":  # a chain folded into one line: named after its first step
        return justification(th.premises[0])
    return RULE_WORDS.get(th.rule, th.rule.replace("_", " "))


def _inner_words(th):
    """The justifications of the steps a congruence makes inside a term, nested congruences flattened."""
    if th.rule == "congruence" and th.premises[0].rule == "trans":
        return [words for leaf in chain_leaves(th.premises[0], "trans") for words in _inner_words(leaf)]
    if th.rule == "congruence":
        return _inner_words(th.premises[0])
    return [justification(th)]


def optimizer_steps(theorem):
    leaves = chain_leaves(theorem, "optimizers_trans")
    return leaves, [Step((leaf.statement.sense_g, leaf.statement.g), leaf.rule, RULE_WORDS[leaf.rule], leaf)
                    for leaf in leaves]


def prove_likelihood_theorem(name, title, likelihood, objective, where, over, setting, symbols, remarks=(),
                             extra_definitions=(), per_sample=(), folded=(), multiply_out=False):
    """The four lemmas and the theorem argmax L = argmin G for one model, as a `Proof`.

    `per_sample`: pairs (a, b) of expressions in the free index with a = b, proved first and used as rewrites
    (e.g. log q_i = h_i for per-observation definitions).  `folded`: definitions the identity keeps as names
    (p_i := σ(w x_i) stays p_i, as on paper; only positivity looks inside).  `multiply_out`: the
    identity needs sums multiplied out (y(z − log(1 + eᶻ)) against yz − log(1 + eᶻ)), so the
    textbook normal form with products kept whole is not tried first."""
    context = Context(where)
    lemmas = [prove_equal(context, a, b) for a, b in per_sample] + list(folded)
    try:
        positive = prove_positive(context, likelihood)
    except ProofError as error:
        raise type(error)(f"{name}: Lemma 1 (positivity) fails: {error}") from None
    try:
        chain = affine_transfer(context, sp.log(likelihood), "max", objective, "min", over, lemmas,
                                multiplies=(True,) if multiply_out else (False, True))
    except ProofError as error:
        raise type(error)(f"{name}: log L is not shown to be c·G + d with c < 0 free of the parameters: "
                          f"{error}") from None
    leaves, sign_steps = optimizer_steps(chain)
    identity = leaves[0].premises[0]
    if not isinstance(identity.statement, Equal):
        raise ProofError(f"{name}: unexpected proof shape")
    monotone = log_is_strictly_increasing()
    transfer = log_step(context, likelihood, over, "max")
    final = K.optimizers_trans(transfer, chain)
    sections = (
        Section("lemma", "Positivity", "positivity", positive, steps=tuple(fact_steps(positive))),
        Section("lemma", "Log-likelihood and objective", "identity", identity, start=sp.log(likelihood),
                steps=tuple(equality_steps(identity))),
        Section("lemma", "Monotonicity of the logarithm", "monotonicity", monotone,
                steps=tuple(monotone_steps(monotone))),
        Section("lemma", "Sign and scale", "sign-scale", chain, start=("max", sp.log(likelihood)),
                steps=tuple(sign_steps)),
        Section("theorem", title, "main", final, start=("max", likelihood), steps=(
            Step(("max", sp.log(likelihood)), "transfer_increasing",
                 "$<L> > 0$ and $<log>$ increases strictly (<ref:positivity>, <ref:monotonicity>)", transfer),
            Step(("min", objective), "optimizers_trans", "<ref:sign-scale>", final)), remark="\n\n".join(remarks)),
    )
    return Proof(name=name, title=title, theorem=final, sections=sections, setting=tuple(setting),
                 definitions=(likelihood, *extra_definitions, objective), symbols=symbols)
