"""The flagship theorem: the model, the proof script, its steps and proof tree, and refusals of
mutated models."""

import dataclasses

import pytest
import sympy as sp

import proofs
from proofs import ProofError, Theorem
from proofs.errors import UnknownTheoremError, UnsupportedError
from proofs.kernel import POSITIVE_REALS, Equal, Member, SameOptimizers, StrictlyIncreasing
from proofs.models import BernoulliModel


def tree(th):
    """Every node of a proof tree (shared nodes once)."""
    seen, stack, out = set(), [th], []
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            out.append(node)
            stack.extend(node.premises)
    return out


@pytest.fixture(scope="module")
def proof():
    return proofs.prove("bernoulli")


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_theorem_statement_for_both_reductions(reduction):
    model = BernoulliModel(reduction=reduction)
    proof = proofs.prove("bernoulli", reduction=reduction)
    assert isinstance(proof.theorem, Theorem)
    assert proof.theorem.statement == SameOptimizers(model.likelihood, "max", model.cross_entropy,
                                                     "min", (model.probability,))
    identity = next(s for s in proof.sections if s.label == "identity").statement.statement
    assert identity == Equal(sp.log(model.likelihood), -model.scale * model.cross_entropy)
    assert proof.corollaries[0].statement == Equal(model.likelihood,
                                                   sp.exp(-model.scale * model.cross_entropy))


def test_cross_entropy_reductions_are_the_textbook_formulas():
    mean, total = BernoulliModel(), BernoulliModel(reduction="sum")
    i, n, p, y = mean.index, mean.size, mean.probability, mean.label
    terms = sp.Sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]), (i, 1, n))
    assert mean.cross_entropy.body == -terms / n
    assert total.cross_entropy.body == -terms
    assert mean.likelihood.body == sp.Product(p[i] ** y[i] * (1 - p[i]) ** (1 - y[i]), (i, 1, n))


def test_proof_tree_has_the_separate_kernel_checked_steps(proof):
    nodes = tree(proof.theorem)
    model = BernoulliModel()
    log_of_product = [th for th in nodes if th.rule == "log_of_product"]
    assert log_of_product and "> 0 for every i" in log_of_product[0].side_conditions[0]
    assert log_of_product[0].premises[0].statement == Member(model.factor, POSITIVE_REALS)
    x = sp.Symbol("x")
    assert any(th.statement == StrictlyIncreasing(sp.log(x), x, POSITIVE_REALS) and th.rule ==
               "increasing_by_derivative" for th in nodes)
    assert any(th.statement == Member(1 / model.size, POSITIVE_REALS) for th in nodes)
    flips = [th for th in nodes if th.rule == "negate_objective"]
    assert flips and (flips[0].statement.sense_f, flips[0].statement.sense_g) == ("max", "min")


def test_steps_are_ordered_and_each_is_checked(proof):
    steps = proof.steps
    assert len(steps) >= 15
    rules = [s.rule for s in steps]
    assert rules.index("log_of_product") < rules.index("log_of_pow") \
        < rules.index("negate_objective")
    for step in steps:
        assert isinstance(step.theorem, Theorem) and step.justification
    identity = next(s for s in proof.sections if s.label == "identity")
    # one rule per displayed "=": the lines carry distinct justifications, the last chain is the
    # lemma itself
    assert len({s.justification for s in identity.steps}) == len(identity.steps)
    # each line's theorem proves "previous line = this line"; the lemma is their composition
    previous = identity.start
    for step in identity.steps:
        assert (step.statement.lhs, step.statement.rhs) == (previous, step.rhs)
        previous = step.rhs
    assert identity.statement.statement.rhs == previous


def test_mutated_model_with_probabilities_allowed_to_reach_zero_is_refused():
    model = BernoulliModel(probability_range=sp.Interval(0, 1))
    refused = "bernoulli.py:[0-9]+: .* L > 0 is false: at .*p\\[1\\] = 0"
    with pytest.raises(ProofError, match=refused):
        proofs.prove("bernoulli", model=model)


def test_mutated_model_without_the_minus_sign_is_refused():
    base = BernoulliModel()
    model = dataclasses.replace(base, cross_entropy_body=base.log_terms / base.size)
    with pytest.raises(ProofError, match="step 5 of .* = -CE\\*n, is false: at "):
        proofs.prove("bernoulli", model=model)


def test_mutated_model_with_a_dropped_factor_n_is_refused():
    base = BernoulliModel()
    model = dataclasses.replace(base, cross_entropy_body=-base.log_terms / base.size ** 2)
    with pytest.raises(ProofError, match="step 5 of .* = -CE\\*n, is false: at "):
        proofs.prove("bernoulli", model=model)


def test_a_harmless_variant_is_still_proved():
    size, index = (sp.Symbol("N", integer=True, positive=True),
                   sp.Symbol("k", integer=True, positive=True))
    model = BernoulliModel(size=size, index=index)
    theorem = proofs.prove("bernoulli", model=model).theorem
    # the kernel's CE is the model's, its symbols plain and their assumptions ranges of the context
    plain = {size: sp.Symbol("N"), index: sp.Symbol("k")}
    assert theorem.statement.g.body == model.cross_entropy.body.xreplace(plain)
    assert theorem.context.lookup(sp.Symbol("N")) == sp.S.Naturals


def test_a_model_with_one_letter_for_the_index_and_the_size_is_refused():
    """A review: index=n ended in an internal trans error about n'' and n'."""
    with pytest.raises(UnsupportedError, match="the index and the sample size are both n"):
        BernoulliModel(index=sp.Symbol("n"))


def test_unknown_theorem_and_options():
    with pytest.raises(UnknownTheoremError, match="available: bernoulli"):
        proofs.prove("gaussian-typo")
    with pytest.raises(UnsupportedError, match="reduction"):
        proofs.prove("bernoulli", reduction="median")
    with pytest.raises(UnsupportedError, match="no option"):
        proofs.prove("bernoulli", temperature=2)
    assert ("bernoulli", proofs.available()[0][1]) in proofs.available()
    # each was a traceback (AttributeError, TypeError, ValueError), found by a review
    with pytest.raises(UnsupportedError, match="a proofs.models.BernoulliModel, not int"):
        proofs.prove("bernoulli", model=5)
    with pytest.raises(UnsupportedError, match="'gaussian' has no option 'model'"):
        proofs.prove("gaussian", model=BernoulliModel())
    with pytest.raises(ProofError, match="notation is a dict"):
        proofs.prove("bernoulli", notation="theta=w")
