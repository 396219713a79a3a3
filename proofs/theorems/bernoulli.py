"""The flagship: maximizing the Bernoulli likelihood is minimizing the binary cross-entropy, as sets.

A proof script: it builds every line with the kernel's rules (directly, one rule per displayed "=") and the
derived rules, and records the lines as `Step`s.  Imports the kernel, the derived rules, the model and `Proof`.
"""

import sympy as sp

from ..errors import ProofError
from ..boundary import admit
from ..kernel import rules as K
from ..models.bernoulli import BernoulliModel
from ..proof import Proof, Section, Step
from ..rules.monotonicity import log_is_strictly_increasing
from ..rules.normal_form import congruence
from ..rules.optimizers import changes_shown
from ..rules.positivity import prove_member, prove_positive
from .facts import fact_steps, monotone_steps

TITLE = "Maximum likelihood is minimum binary cross-entropy"
SUMMARY = "argmax of the Bernoulli likelihood = argmin of the binary cross-entropy (mean or sum reduction)"


class _Lemma:
    """Re-raise a failure inside a lemma as a ProofError that names the lemma."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        if isinstance(error, ProofError):
            raise type(error)(f"bernoulli: {self.name} fails: {error}") from None
        return False


def prove(reduction="mean", model=None):
    """Prove argmax_θ L(θ) = argmax_θ log L(θ) = argmin_θ CE(θ) for the Bernoulli model; return a `Proof`."""
    model = model if model is not None else BernoulliModel(reduction=reduction)
    with _Lemma("the model"):  # the model's terms, as the kernel owns them (assumptions become ranges)
        context, (L, CE, scale), (probability, label, n) = admit(
            model.where, [model.likelihood, model.cross_entropy, model.scale],
            [model.probability, model.label, model.size])
    over = (probability,)
    product = L.body
    (index, _, _), factor = product.limits[0], product.function

    with _Lemma("Lemma 1 (positivity)"):
        likelihood_positive = prove_positive(context, L)
        positivity = Section("lemma", "Positivity", "positivity", likelihood_positive,
                             steps=tuple(fact_steps(likelihood_positive)))
        factor_positive = prove_positive(context, factor)

    with _Lemma("Lemma 2 (log-likelihood and cross-entropy)"):
        identity_steps, chain = [], None

        def step(theorem, justification, rule=None):
            nonlocal chain
            chain = theorem if chain is None else K.trans(chain, theorem)
            identity_steps.append(Step(theorem.statement.rhs, rule or theorem.rule, justification, chain))

        step(congruence(context, K.unfold(context, L), sp.log(L)), "definition of $<L>$")
        step(K.log_of_product(factor_positive, product), "log of a product of positive factors (<ref:positivity>)")
        split = K.log_of_mul(*(prove_positive(context, f) for f in sp.Mul.make_args(factor)))
        step(congruence(context, split, chain.statement.rhs), "log of a product of two positive numbers")
        powers = [K.log_of_pow(prove_positive(context, f.base), prove_member(context, f.exp))
                  for f in sp.Mul.make_args(factor)]
        for power in powers:  # both powers on one displayed line: the same rule twice
            chain = K.trans(chain, congruence(context, power, chain.statement.rhs))
        rewritten = chain.statement.rhs
        identity_steps.append(Step(rewritten, "log_of_pow", "log of a power with a positive base", chain))
        target = -scale * CE
        closing = congruence(context, K.unfold(context, CE), target)
        if closing.statement.rhs != rewritten:
            from ..rules.normal_form import prove_equal
            closing = prove_equal(context, target, rewritten)  # explains the difference if there is one
        chain = K.trans(chain, K.symm(closing))
        justification = "definition of $<CE>$" + (", with $<n> \\cdot \\frac{1}{<n>} = 1$ as $<n> \\geq 1$"
                                                         if model.reduction == "mean" else "")
        identity_steps.append(Step(target, closing.rule, justification, chain))
        identity = Section("lemma", "Log-likelihood and cross-entropy", "identity", chain, start=sp.log(L),
                           steps=tuple(identity_steps))

    with _Lemma("Lemma 3 (monotonicity of log)"):
        monotone = log_is_strictly_increasing()
        monotonicity = Section("lemma", "Monotonicity of the logarithm", "monotonicity", monotone,
                               steps=tuple(monotone_steps(monotone)))

    with _Lemma("Lemma 4 (sign and scale)"):
        flip = K.negate_objective(context, sp.log(L), over, "max",
                                  changes_shown(context, sp.log(L), -sp.log(L)))
        sign_steps = [Step(("min", flip.statement.g), "negate_objective",
                           "maximizing a function is minimizing its negative", flip)]
        chain = flip
        if scale != 1:
            inverse_positive = prove_positive(context, 1 / scale)
            scaled = K.scale_positive(inverse_positive, -sp.log(L), over, "min",
                                      changes_shown(context, -sp.log(L), -sp.log(L) / scale, [1 / scale]))
            chain = K.optimizers_trans(chain, scaled)
            sign_steps.append(Step(("min", scaled.statement.g), "scale_positive",
                                   "$\\frac{1}{<n>} > 0$ does not change the minimizers", chain,
                                   side_conditions=("1/n > 0",)))
        pointwise = congruence(context, identity.statement, chain.statement.g)
        if pointwise.statement.rhs != CE:
            raise ProofError(f"{chain.statement.g} does not simplify to CE by Lemma 2: {pointwise.statement.rhs}")
        chain = K.optimizers_trans(chain, K.optimizers_of_equal(pointwise, over, "min"))
        sign_steps.append(Step(("min", CE), "optimizers_of_equal", "the objectives are equal (<ref:identity>)", chain))
        sign_and_scale = Section("lemma", "Sign and scale", "sign-scale", chain, start=("max", sp.log(L)),
                                 steps=tuple(sign_steps))

    with _Lemma("Theorem"):
        transfer = K.transfer_increasing(monotone, likelihood_positive, over, "max")
        final = K.optimizers_trans(transfer, sign_and_scale.statement)
        value_link = K.symm(congruence(context, K.symm(identity.statement), sp.exp(-scale * CE)))
        main = Section("theorem", TITLE, "main", final, start=("max", L), steps=(
            Step(("max", sp.log(L)), "transfer_increasing",
                 "$<L> > 0$ and $<log>$ increases strictly (<ref:positivity>, <ref:monotonicity>)",
                 transfer),
            Step(("min", CE), "optimizers_trans", "<ref:sign-scale>", final)),
            remark="optimal-values")
    return Proof(
        name="bernoulli", title=TITLE, theorem=final,
        sections=(positivity, identity, monotonicity, sign_and_scale, main),
        setting=((n, sp.S.Naturals), (label[index], model.label_set),
                 (probability[index], model.probability_range)),
        definitions=(L, CE), corollaries=(value_link,),
        symbols={"reduction": model.reduction, "scale": scale, "index": index, "size": n})

