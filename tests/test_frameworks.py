"""Real framework losses through `assert_loss_matches`: PyTorch, JAX/optax, scikit-learn and
SciPy pass with the right options, and their known differences (clipping, float32, weights
divided by n, label smoothing) are named.  The frameworks come from the `frameworks` extra:
skipped locally when missing, a failure on CI (tests/tools.py)."""

import math
import warnings

import numpy as np
import pytest

from proofs.testing import assert_loss_matches
from tests.tools import require_module

EXAMPLES = 30


def failure(loss, **options):
    with pytest.raises(AssertionError) as raised:
        assert_loss_matches(loss, max_examples=EXAMPLES, **options)
    return str(raised.value)


# ------------------------------------------------------------------------------------------------
# torch
@pytest.fixture
def F():
    require_module("torch")
    import torch.nn.functional

    return torch.nn.functional


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_torch_binary_cross_entropy(F, reduction):
    assert_loss_matches(
        lambda y, p: F.binary_cross_entropy(p, y, reduction=reduction),
        reduction=reduction,
        max_examples=EXAMPLES,
    )
    assert_loss_matches(
        lambda y, z: F.binary_cross_entropy_with_logits(z, y, reduction=reduction),
        inputs="logits",
        reduction=reduction,
        max_examples=EXAMPLES,
    )


@pytest.mark.parametrize("dtype", ["float32", "bfloat16"])
def test_torch_low_precision(F, dtype):
    assert_loss_matches(
        lambda y, z: F.binary_cross_entropy_with_logits(z, y),
        inputs="logits",
        dtype=dtype,
        max_examples=EXAMPLES,
    )


@pytest.mark.parametrize("labels", ["integer", "soft", "one-hot"])
def test_torch_cross_entropy(F, labels):
    assert_loss_matches(
        lambda y, z: F.cross_entropy(z, y),
        model="categorical",
        inputs="logits",
        labels=labels,
        max_examples=EXAMPLES,
    )


def test_torch_label_smoothing_is_named(F):
    message = failure(
        lambda y, z: F.cross_entropy(z, y, label_smoothing=0.2),
        model="categorical",
        inputs="logits",
        labels="integer",
    )
    assert "likely cause: label smoothing with α ≈ 0.2" in message


def test_torch_regression_and_count_losses(F):
    assert_loss_matches(lambda y, mu: F.mse_loss(mu, y), model="gaussian", max_examples=EXAMPLES)
    assert_loss_matches(lambda y, mu: F.l1_loss(mu, y), model="laplace", max_examples=EXAMPLES)
    assert_loss_matches(
        lambda y, eta: F.poisson_nll_loss(eta, y),
        model="poisson",
        inputs="log-rate",
        max_examples=EXAMPLES,
    )
    # log_input=False adds eps = 1e-8 inside the log unless told otherwise
    assert_loss_matches(
        lambda y, rate: F.poisson_nll_loss(rate, y, log_input=False, eps=0.0),
        model="poisson",
        max_examples=EXAMPLES,
    )
    message = failure(lambda y, rate: F.poisson_nll_loss(rate, y, log_input=False), model="poisson")
    assert "loss_fn gave" in message


def test_torch_weight_divides_by_n(F):
    import torch

    def weighted(y, p, w):
        return (w * F.binary_cross_entropy(p, y, reduction="none")).sum() / w.sum()

    assert_loss_matches(weighted, weights=True, max_examples=EXAMPLES)
    message = failure(lambda y, p, w: F.binary_cross_entropy(p, y, weight=w), weights=True)
    assert (
        "weighted mean divided by n" in message
        or "the gradient with respect to p (torch)" in message
    )
    assert isinstance(torch.ones(1), torch.Tensor)


def test_torch_wrong_gradient_is_found(F):
    import torch

    class WrongBackward(torch.autograd.Function):  # the right value, the gradient with a sign error
        @staticmethod
        def forward(ctx, z, y):
            ctx.save_for_backward(z, y)
            return F.binary_cross_entropy_with_logits(z, y, reduction="sum")

        @staticmethod
        def backward(ctx, grad):
            z, y = ctx.saved_tensors
            return grad * (y - torch.sigmoid(z)), None

    message = failure(lambda y, z: WrongBackward.apply(z, y), inputs="logits", reduction="sum")
    assert (
        "the gradient with respect to z (torch) at sample 0 differs from the derivative" in message
    )
    # without gradients the value alone passes
    assert_loss_matches(
        lambda y, z: WrongBackward.apply(z, y),
        inputs="logits",
        reduction="sum",
        gradients=False,
        max_examples=EXAMPLES,
    )


# ------------------------------------------------------------------------------------------------
# jax
@pytest.fixture
def jax():
    module = require_module("jax")
    require_module("optax")
    return module


def test_optax_in_float32(jax):
    import optax

    assert_loss_matches(
        lambda y, z: optax.sigmoid_binary_cross_entropy(z, y).mean(),
        inputs="logits",
        dtype="float32",
        max_examples=EXAMPLES,
    )
    assert_loss_matches(
        lambda y, z: optax.softmax_cross_entropy(z, y).mean(),
        model="categorical",
        inputs="logits",
        dtype="float32",
        max_examples=EXAMPLES,
    )
    assert_loss_matches(
        lambda y, z: optax.softmax_cross_entropy_with_integer_labels(z, y).mean(),
        model="categorical",
        inputs="logits",
        labels="integer",
        dtype="float32",
        max_examples=EXAMPLES,
    )
    assert_loss_matches(
        lambda y, mu: optax.squared_error(mu, y).mean(),
        model="gaussian",
        dtype="float32",
        max_examples=EXAMPLES,
    )


def test_jax_float32_result_in_a_float64_check_is_named(jax):
    import jax.numpy as jnp

    def softmax_ce(y, z):  # float32 unless jax_enable_x64: a loss of ~1e-7 relative accuracy
        z = jnp.asarray(z)
        return jnp.mean(jnp.sum(y * (jax.nn.logsumexp(z, axis=1, keepdims=True) - z), axis=1))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        message = failure(softmax_ce, model="categorical", inputs="logits", rtol=1e-12, atol=0.0)
    assert (
        "likely cause: the loss computes in float32 (JAX computes in float32 unless "
        "jax_enable_x64 is set): within float32's rounding of the proven loss" in message
    )
    # with the default tolerances too: refused for its float32 result, or for a float32 rounding
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        message = failure(softmax_ce, model="categorical", inputs="logits")
    assert (
        "loss_fn returned float32 values for float64 data" in message
        or "likely cause: the loss computes in float32" in message
    )
    with jax.enable_x64(True):
        assert_loss_matches(softmax_ce, model="categorical", inputs="logits", max_examples=EXAMPLES)


def test_jax_wrong_gradient_is_found(jax):
    import jax.numpy as jnp

    @jax.custom_vjp
    def softplus(z):
        return jnp.logaddexp(0.0, z)

    def forward(z):
        return softplus(z), z

    def backward(z, grad):
        return (grad * jax.nn.sigmoid(-z),)  # should be σ(z)

    softplus.defvjp(forward, backward)
    message = failure(lambda y, z: jnp.mean(softplus(z) - y * z), inputs="logits", dtype="float32")
    assert "the gradient with respect to z (jax)" in message


# ------------------------------------------------------------------------------------------------
# sklearn, scipy
def test_scikit_learn_log_loss():
    metrics = require_module("sklearn.metrics")
    assert_loss_matches(lambda y, p: metrics.log_loss(y, p, labels=[0, 1]), max_examples=EXAMPLES)
    message = failure(lambda y, p: metrics.log_loss(y, p, labels=[0, 1]), dtype="float32")
    # scikit-learn clips at the epsilon of the probabilities' dtype: 2⁻²³ in float32
    assert "probabilities clipped to [ε, 1 − ε] with ε ≈ 1.19e-07 (float32 epsilon)" in message
    assert_loss_matches(
        lambda y, p, w: metrics.log_loss(y, p, sample_weight=w, labels=[0, 1]),
        weights=True,
        max_examples=EXAMPLES,
    )


def test_scipy_log_densities_with_their_constants():
    stats = require_module("scipy.stats")
    special = require_module("scipy.special")
    # (model, inputs, scipy's −log density less the θ-free constant the proven loss drops)
    cases = [
        ("bernoulli", "probabilities", lambda y, p: -stats.bernoulli.logpmf(y, p).mean()),
        (
            "poisson",
            "rate",
            lambda y, rate: (-stats.poisson.logpmf(y, rate) - special.gammaln(y + 1)).mean(),
        ),
        (
            "gaussian",
            "mean",
            lambda y, mu: (
                -stats.norm.logpdf(y, mu, 1 / math.sqrt(2)) - 0.5 * math.log(math.pi)
            ).mean(),
        ),
        ("laplace", "mean", lambda y, mu: (-stats.laplace.logpdf(y, mu, 1.0) - math.log(2)).mean()),
        ("exponential", "rate", lambda y, rate: -stats.expon.logpdf(y, scale=1 / rate).mean()),
        (
            "binomial",
            "probabilities",
            lambda y, q, f: (
                -stats.binom.logpmf(y, y + f, q) + np.log(special.comb(y + f, y))
            ).mean(),
        ),
        # scipy's nbinom(y, r, p) counts y failures before the r-th success of probability p = 1 − q
        (
            "negative-binomial",
            "probabilities",
            lambda y, q, r: (
                -stats.nbinom.logpmf(y, r, 1 - q)
                + special.gammaln(y + r)
                - special.gammaln(r)
                - special.gammaln(y + 1)
            ).mean(),
        ),
    ]
    for model, inputs, loss in cases:
        assert_loss_matches(loss, model=model, inputs=inputs, max_examples=EXAMPLES)


def test_torch_float64_gradients_keep_their_digits(F):
    assert_loss_matches(
        lambda y, z: F.binary_cross_entropy_with_logits(z, y), inputs="logits", max_examples=150
    )
    assert_loss_matches(
        lambda y, z: F.cross_entropy(z, y),
        model="categorical",
        inputs="logits",
        labels="integer",
        classes=3,
        max_examples=100,
    )


def test_a_sign_flip_at_large_logits_is_caught_in_bfloat16(F):
    import torch

    def flipped(y, z):
        loss = F.binary_cross_entropy_with_logits(z, y, reduction="none")
        large = (z.abs() > 100).to(loss.dtype)
        return (loss.detach() + (1 - 2 * large) * (loss - loss.detach())).mean()

    message = failure(flipped, inputs="logits", dtype="bfloat16")
    assert "the gradient with respect to z (torch)" in message
    assert isinstance(torch.zeros(1), torch.Tensor)


def test_a_detached_prediction_is_named_not_excused(F):
    """A loss computed from p.detach() failed with 'pass gradients=False', which made it pass."""
    message = failure(lambda y, p: F.binary_cross_entropy(p.detach(), y).requires_grad_(True))
    assert "no gradient reaches the prediction p" in message and "gradients=False" not in message


def test_a_positive_weight_is_not_hidden_by_bfloat16(F):
    """pos_weight=1.02 passed in bfloat16, values and gradients."""
    import torch

    message = failure(lambda y, z: F.binary_cross_entropy_with_logits(
        z, y, pos_weight=torch.tensor(1.02, dtype=z.dtype)), inputs="logits", dtype="bfloat16")
    assert "on the same data passed in float64" in message
