"""`proofs.testing.losses` and `deviations`: every model × input kind × reduction against a
correct loss written here by hand (independently of the compiled references), and each bug class
caught and named."""

import math

import numpy as np
import pytest

from proofs.testing import assert_loss_matches, assert_loss_matches_on
from proofs.testing.references import MODELS


def logsumexp(z):
    top = z.max(axis=1, keepdims=True)
    return top[:, 0] + np.log(np.exp(z - top).sum(axis=1))


def one_hot(y, z):
    return np.eye(z.shape[1])[y] if y.ndim == 1 else y


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# per-sample losses written from the textbook formulas
PER_SAMPLE = {
    ("bernoulli", "probabilities"): lambda y, p: -(y * np.log(p) + (1 - y) * np.log1p(-p)),
    ("bernoulli", "logits"): lambda y, z: np.logaddexp(0, z) - y * z,
    ("categorical", "probabilities"): lambda y, p: -(one_hot(y, p) * np.log(p)).sum(axis=1),
    ("categorical", "logits"): lambda y, z: (one_hot(y, z) * (logsumexp(z)[:, None] - z)).sum(
        axis=1
    ),
    ("gaussian", "mean"): lambda y, mu: (y - mu) ** 2,
    ("gaussian", "mean-and-sigma"): lambda y, mu, sigma: ((y - mu) / sigma) ** 2,
    ("poisson", "rate"): lambda y, rate: rate - y * np.log(rate),
    ("poisson", "log-rate"): lambda y, eta: np.exp(eta) - y * eta,
    ("laplace", "mean"): lambda y, mu: np.abs(y - mu),
    ("exponential", "rate"): lambda y, rate: rate * y - np.log(rate),
    ("binomial", "probabilities"): lambda y, q, f: -(y * np.log(q) + f * np.log1p(-q)),
    ("negative-binomial", "probabilities"): lambda y, q, r: -(y * np.log(q) + r * np.log1p(-q)),
}


def reduced(per_sample, reduction, weights=False):
    def loss(*arrays):
        arrays = list(arrays)
        w = arrays.pop() if weights else 1.0
        values = per_sample(*arrays) * w
        if reduction == "none":
            return values
        total = values.sum()
        return total if reduction == "sum" else total / (np.sum(w) if weights else len(values))

    return loss


def test_the_table_covers_every_model():
    assert set(PER_SAMPLE) == set(MODELS)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("model, inputs", sorted(PER_SAMPLE))
def test_correct_losses_pass(model, inputs, reduction):
    loss = reduced(PER_SAMPLE[model, inputs], reduction)
    assert_loss_matches(loss, model=model, inputs=inputs, reduction=reduction, max_examples=25)


@pytest.mark.parametrize("labels", ["integer", "soft"])
@pytest.mark.parametrize("inputs", ["probabilities", "logits"])
def test_categorical_labels_integer_and_soft(inputs, labels):
    loss = reduced(PER_SAMPLE["categorical", inputs], "mean")
    assert_loss_matches(loss, model="categorical", inputs=inputs, labels=labels, max_examples=25)
    assert_loss_matches(
        loss, model="categorical", inputs=inputs, labels=labels, classes=7, max_examples=10
    )


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize(
    "model, inputs",
    [("bernoulli", "probabilities"), ("categorical", "logits"), ("poisson", "log-rate")],
)
def test_weighted_losses(model, inputs, reduction):
    loss = reduced(PER_SAMPLE[model, inputs], reduction, weights=True)
    assert_loss_matches(
        loss, model=model, inputs=inputs, reduction=reduction, weights=True, max_examples=25
    )


def failure(loss, **options):
    with pytest.raises(AssertionError) as raised:
        assert_loss_matches(loss, max_examples=100, **options)
    return str(raised.value)


def with_logs(key):
    return key[0] not in ("gaussian", "laplace")


SCALED_BUGS = [
    ("a missing minus sign", -1.0, lambda key: True),
    ("logs in base 2", 1 / math.log(2), with_logs),
    ("logs in base 10", 1 / math.log(10), with_logs),
]


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("name, factor, applies", SCALED_BUGS, ids=[b[0] for b in SCALED_BUGS])
@pytest.mark.parametrize("model, inputs", sorted(PER_SAMPLE))
def test_scaled_losses_are_named(model, inputs, name, factor, applies, reduction):
    correct = reduced(PER_SAMPLE[model, inputs], reduction)
    message = failure(
        lambda *a: factor * correct(*a), model=model, inputs=inputs, reduction=reduction
    )
    if applies((model, inputs)):
        assert f"likely cause: {name}" in message
    else:  # a loss without logs has no log base to blame
        assert "loss_fn gave" in message and "likely cause: logs in base" not in message


@pytest.mark.parametrize("model, inputs", sorted(PER_SAMPLE))
def test_sum_and_mean_confusions_are_named(model, inputs):
    per_sample = PER_SAMPLE[model, inputs]
    message = failure(reduced(per_sample, "sum"), model=model, inputs=inputs, reduction="mean")
    assert "likely cause: a sum instead of the mean" in message
    message = failure(reduced(per_sample, "mean"), model=model, inputs=inputs, reduction="sum")
    assert "likely cause: a mean instead of the sum" in message


@pytest.mark.parametrize(
    "model, inputs", [key for key in sorted(PER_SAMPLE) if key[0] not in ("gaussian", "laplace")]
)
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_swapped_arguments_are_named(model, inputs, reduction):
    correct = reduced(PER_SAMPLE[model, inputs], reduction)

    def swapped(prediction, y, *rest):
        return correct(y, prediction, *rest)

    message = failure(swapped, model=model, inputs=inputs, reduction=reduction)
    assert "likely cause: the arguments are swapped" in message
    assert_loss_matches(
        swapped, model=model, inputs=inputs, signature="p, y", reduction=reduction, max_examples=10
    )


def test_a_symmetric_loss_called_either_way_passes():
    # (y − μ)² is the same with its arguments swapped: no bug to report
    assert_loss_matches(lambda mu, y: np.mean((y - mu) ** 2), model="gaussian", max_examples=10)


@pytest.mark.parametrize("epsilon", [1e-7, 1e-4, 1e-10])
@pytest.mark.parametrize("model", ["bernoulli", "categorical"])
def test_clipping_is_named_with_its_epsilon(model, epsilon):
    correct = reduced(PER_SAMPLE[model, "probabilities"], "mean")
    message = failure(lambda y, p: correct(y, np.clip(p, epsilon, 1 - epsilon)), model=model)
    assert f"probabilities clipped to [ε, 1 − ε] with ε ≈ {epsilon:.3g}" in message


@pytest.mark.parametrize("alpha", [0.1, 0.25])
@pytest.mark.parametrize(
    "model, inputs",
    [
        ("bernoulli", "probabilities"),
        ("bernoulli", "logits"),
        ("categorical", "probabilities"),
        ("categorical", "logits"),
    ],
)
def test_label_smoothing_is_named_with_its_alpha(model, inputs, alpha):
    correct = reduced(PER_SAMPLE[model, inputs], "mean")

    def smoothed(y, prediction):
        y = one_hot(y, prediction) if model == "categorical" else y
        classes = prediction.shape[1] if model == "categorical" else 2
        return correct((1 - alpha) * y + alpha / classes, prediction)

    message = failure(smoothed, model=model, inputs=inputs)
    assert f"label smoothing with α ≈ {alpha:.3g}" in message


@pytest.mark.parametrize("model", ["bernoulli", "categorical"])
def test_logits_and_probabilities_confused(model):
    with_probabilities = reduced(PER_SAMPLE[model, "probabilities"], "mean")
    with_logits = reduced(PER_SAMPLE[model, "logits"], "mean")
    message = failure(with_probabilities, model=model, inputs="logits")
    assert "likely cause: logits passed where the loss expects probabilities" in message
    message = failure(with_logits, model=model, inputs="probabilities")
    assert "likely cause: probabilities passed where the loss expects logits" in message


def test_double_sigmoid_and_softmax():
    bce = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")
    message = failure(lambda y, z: bce(y, sigmoid(sigmoid(z))), inputs="logits")
    assert "likely cause: a double sigmoid/softmax" in message

    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    cross_entropy = reduced(PER_SAMPLE["categorical", "logits"], "mean")
    message = failure(
        lambda y, z: cross_entropy(y, softmax(z)), model="categorical", inputs="logits"
    )
    assert "likely cause: a double sigmoid/softmax" in message


def test_log_sum_exp_without_the_shift_overflows_and_is_named():
    def naive_softmax_ce(y, z):
        return np.mean((y * (np.log(np.exp(z).sum(axis=1))[:, None] - z)).sum(axis=1))

    def naive_bce(y, z):
        return np.mean(np.log(1 + np.exp(z)) - y * z)

    with np.errstate(all="ignore"):
        for loss, model in [(naive_softmax_ce, "categorical"), (naive_bce, "bernoulli")]:
            message = failure(loss, model=model, inputs="logits")
            assert (
                "likely cause: e^z overflows: log(1 + e^z) or log Σ e^z computed without the max "
                "shift" in message
            )
            assert "gave inf" in message or "gave nan" in message


def test_a_weighted_mean_over_n_is_named():
    per_sample = PER_SAMPLE["bernoulli", "probabilities"]
    message = failure(lambda y, p, w: np.mean(w * per_sample(y, p)), weights=True)
    assert "likely cause: a weighted mean divided by n instead of by the total weight" in message


def test_an_unrelated_bug_is_reported_without_a_cause():
    correct = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")
    message = failure(lambda y, p: correct(y, np.sqrt(p)))
    assert "loss_fn gave" in message and "likely cause" not in message


def test_a_constant_or_a_scale_that_keeps_the_minimizers_is_named():
    correct = reduced(PER_SAMPLE["poisson", "rate"], "mean")
    factorials = np.vectorize(math.lgamma)
    message = failure(
        lambda y, rate: correct(y, rate) + np.mean(factorials(y + 1)), model="poisson"
    )
    assert (
        "likely cause: the proven loss plus a term that does not depend on the prediction"
        in message
    )
    squared = reduced(PER_SAMPLE["gaussian", "mean"], "mean")
    message = failure(lambda y, mu: 0.5 * squared(y, mu), model="gaussian")
    assert "likely cause: 0.5 × the proven loss" in message


@pytest.mark.parametrize("dtype", ["float32", "float16", "bfloat16"])
@pytest.mark.parametrize(
    "model, inputs",
    [
        ("bernoulli", "probabilities"),
        ("bernoulli", "logits"),
        ("categorical", "logits"),
        ("poisson", "log-rate"),
        ("gaussian", "mean"),
    ],
)
def test_low_precision_losses_pass_with_their_dtype(model, inputs, dtype):
    per_sample = PER_SAMPLE[model, inputs]

    def in_dtype(y, prediction):  # computed in the data's own type, as a framework would
        kind = prediction.dtype
        with np.errstate(all="ignore"):
            y = y if y.dtype.kind in "iu" else y.astype(kind)
            return np.mean(per_sample(y, prediction)).astype(kind)

    assert_loss_matches(in_dtype, model=model, inputs=inputs, dtype=dtype, max_examples=30)


def test_low_precision_data_are_numbers_of_the_type():
    seen = []

    def loss(y, p):
        seen.append(p)
        return np.mean(
            PER_SAMPLE["bernoulli", "probabilities"](y.astype(np.float64), p.astype(np.float64))
        )

    assert_loss_matches(loss, dtype="float16", max_examples=20)
    halves = [p for p in seen if p.dtype == np.float16]
    assert halves and all(np.all((p > 0) & (p < 1)) for p in halves)
    # the other calls are the same data in float64 (numbers of the type, checked at float64's
    # tolerance): each equals its rounding to float16
    doubles = [p for p in seen if p.dtype != np.float16]
    assert doubles and all(p.dtype == np.float64 for p in doubles)
    assert all(np.array_equal(p, p.astype(np.float16).astype(np.float64)) for p in doubles)


def test_float32_is_not_enough_for_float64():
    correct = reduced(PER_SAMPLE["bernoulli", "logits"], "mean")
    message = failure(
        lambda y, z: correct(y, z.astype(np.float32).astype(np.float64)) * (1 + 3e-6),
        inputs="logits",
    )
    assert "loss_fn gave" in message


def test_gradients_from_grad_fn():
    bce = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")

    def gradient(y, p):
        return (p - y) / (p * (1 - p)) / len(y)

    assert_loss_matches(bce, grad_fn=gradient, max_examples=30)
    with pytest.raises(AssertionError) as raised:
        assert_loss_matches(bce, grad_fn=lambda y, p: -gradient(y, p), max_examples=30)
    message = str(raised.value)
    assert (
        "the gradient with respect to p (grad_fn) at sample 0 differs from the derivative"
        in message
    )


def test_one_data_set_of_a_million_samples():
    rng = np.random.default_rng(0)
    y = rng.poisson(3.0, size=10**6).astype(float)
    eta = rng.uniform(-3, 3, size=10**6)
    loss = reduced(PER_SAMPLE["poisson", "log-rate"], "mean")
    assert_loss_matches_on(loss, y, eta, model="poisson", inputs="log-rate")
    with pytest.raises(AssertionError, match="n = 1000000"):
        assert_loss_matches_on(
            lambda y, e: loss(y, e) * 1.01, y, eta, model="poisson", inputs="log-rate"
        )


@pytest.mark.parametrize(
    "options, words",
    [
        ({"model": "beta"}, "unknown model 'beta'; models: bernoulli, binomial, categorical"),
        (
            {"inputs": "log-rate"},
            "model 'bernoulli' takes inputs 'probabilities' or 'logits', not 'log-rate'",
        ),
        ({"reduction": "max"}, "reduction must be one of mean, sum, none"),
        ({"dtype": "float8"}, "dtype must be one of float64, float32, float16, bfloat16"),
        ({"labels": "hot"}, "labels for model 'bernoulli' must be one of binary, soft, not 'hot'"),
        ({"labels": "integer"}, "labels for model 'bernoulli' must be one of binary, soft"),
        ({"classes": 1, "model": "categorical"}, "classes must be a whole number of at least 2"),
        ({"classes": 3}, "classes= applies to the categorical model, not 'bernoulli'"),
        ({"max_size": 0}, "max_size must be a whole number of at least 1"),
        ({"signature": "a b"}, "signature must name the arguments in order"),
        ({"array_type": "list", "dtype": "float32"}, "array_type='list' passes Python floats"),
    ],
)
def test_bad_options_are_clear_errors(options, words):
    with pytest.raises(ValueError) as raised:
        assert_loss_matches(lambda y, p: 0.0, **options)
    assert words in str(raised.value)


def test_given_data_of_the_wrong_arity():
    with pytest.raises(ValueError, match="model 'gaussian' .* takes 3 arrays: y, mu, sigma; got 2"):
        assert_loss_matches_on(
            lambda y, mu: 0.0, [1.0], [2.0], model="gaussian", inputs="mean-and-sigma"
        )


# ------------------------------------------------------------------------------------------------
# found by an adversarial review: each a wrong loss once accepted, a right one refused, or a wrong
# diagnosis


def test_low_precision_tolerance_follows_the_terms_not_the_inputs_sensitivity():
    p = float(np.float32(1) - np.float32(2.0**-24))  # −log(1 − p) = 16.6 exactly computable
    for wrong in (0.0, 30.0):
        with pytest.raises(AssertionError, match="loss_fn gave"):
            assert_loss_matches_on(lambda y, p, v=wrong: np.float32(v), [0.0], [p], dtype="float32")
    per_sample = PER_SAMPLE["bernoulli", "probabilities"]

    def forgives_confident_mistakes(y, p):
        values = per_sample(y.astype(np.float64), p.astype(np.float64))
        return np.float32(np.mean(np.where((y == 0) & (p >= np.float32(1 - 1e-7)), 0.0, values)))

    failure(forgives_confident_mistakes, dtype="float32")
    squared = reduced(PER_SAMPLE["gaussian", "mean"], "mean")
    failure(lambda y, mu: 1.1 * squared(y, mu), model="gaussian", dtype="bfloat16")


def test_soft_labels_are_drawn_for_bernoulli_and_categorical():
    def hard(y, p):
        return -np.mean(np.where(y == 1, np.log(p), np.log1p(-p)))

    failure(hard, labels="soft")

    def argmax_label(y, p):
        return -np.mean(np.log(p[np.arange(len(p)), y.argmax(axis=1)]))

    failure(argmax_label, model="categorical", labels="soft")


def test_a_lower_precision_result_fails_a_float64_check():
    correct = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")
    message = failure(lambda y, p: np.float32(correct(y, p)))
    assert "loss_fn returned float32 values for float64 data" in message
    # and a loss that is wrong beyond float32 rounding is named for its own bug
    message = failure(lambda y, p: np.float32(3 * correct(y, p) * len(y) / 3))
    assert "likely cause: a sum instead of the mean" in message


def test_a_bug_below_one_in_a_thousand_is_found():
    correct = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")

    def wrong_in_one_decade(y, p):
        return correct(y, np.where((p > 1e-5) & (p < 1e-4), 1.5 * p, p))

    failure(wrong_in_one_decade)


def test_log_of_softmax_underflow_is_not_called_an_overflow():
    def log_of_softmax(y, z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return -np.mean(np.sum(y * np.log(e / e.sum(axis=1, keepdims=True)), axis=1))

    with np.errstate(all="ignore"):
        message = failure(log_of_softmax, model="categorical", inputs="logits")
    assert "likely cause: the log of a probability that underflows to 0" in message
    assert "e^z overflows" not in message


def test_a_one_sided_clip_is_named_with_its_side():
    correct = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")
    message = failure(lambda y, p: correct(y, np.minimum(p, 1 - 1e-3)))
    assert "probabilities clipped to [0, 1 − ε] (the upper end only) with ε ≈ 0.001" in message


def test_reduction_none_with_one_number_is_said_plainly():
    correct = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")
    message = failure(correct, reduction="none")
    assert "a single value where reduction='none' asks for one value per sample" in message


def test_gradient_failures_name_their_factor():
    bce = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")

    def gradient(y, p):
        return (p - y) / (p * (1 - p))  # the 1/n of the mean is missing

    message = failure(bce, grad_fn=gradient)
    assert "loss_fn's gradient is" in message
    assert "likely cause: the gradient is 3 × the derivative in every coordinate" in message
    message = failure(bce, grad_fn=lambda y, p: gradient(y, p)[:1])
    assert "the gradient of loss_fn (grad_fn) has shape (1,)" in message


@pytest.mark.parametrize(
    "arrays, options, words",
    [
        (
            ([-1, 2], [[0.2, 0.3, 0.5]] * 2),
            {"model": "categorical"},
            "integer labels must be class",
        ),
        (([3, 2], [[0.2, 0.3, 0.5]] * 2), {"model": "categorical"}, "integer labels must be class"),
        (([2.0], [0.3]), {}, "y must lie in [0, 1]"),
        (([1.0, 0.0], [0.3]), {}, "p has 1 values for 2 samples"),
        (([1.0], [1.5]), {}, "p must lie in (0, 1)"),
        (([], []), {}, "at least one sample"),
        (([1.0, 0.0], [0.3, 0.4]), {"weights": [0.0, 0.0]}, "weights must lie in (0, ∞)"),
        (([1.5], [2.0]), {"model": "poisson"}, "y must lie in [0, ∞) and be whole numbers"),
    ],
)
def test_given_data_outside_the_models_domain_are_refused(arrays, options, words):
    with pytest.raises(ValueError) as raised:
        assert_loss_matches_on(lambda *a: 0.0, *map(np.asarray, arrays), **options)
    assert words in str(raised.value)


def test_a_loss_returning_text_or_nothing_is_refused():
    correct = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")
    message = failure(lambda y, p: repr(float(correct(y, p))))
    assert "loss_fn returned '" in message and "(str), not a number" in message
    message = failure(lambda y, p: None)
    assert "loss_fn returned None" in message


# ------------------------------------------------------------------------------------------------
# found by a second review


def test_two_class_softmax_in_low_precision_is_checked_at_large_logits():
    message = failure(
        lambda y, z: np.float32(12345.0),
        model="categorical",
        inputs="logits",
        classes=2,
        dtype="float32",
    )
    assert "loss_fn gave 12345.0" in message


def test_one_large_gradient_coordinate_hides_no_other():
    bce = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")

    def mostly_flipped(y, p):
        gradient = (p - y) / (p * (1 - p)) / len(y)
        return np.where(np.arange(len(y)) == np.argmax(np.abs(gradient)), gradient, -gradient)

    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 100).astype(float)
    p = rng.uniform(0.05, 0.95, 100)
    p[0], y[0] = 1e-9, 1.0  # one gradient of 10⁷
    with pytest.raises(AssertionError, match="the gradient with respect to p"):
        assert_loss_matches_on(bce, y, p, grad_fn=mostly_flipped)


def test_given_low_precision_data_are_compared_as_the_type_rounds_them():
    rng = np.random.default_rng(2)
    y = rng.integers(0, 2, 50).astype(float)
    p = rng.uniform(1e-6, 1 - 1e-6, 50)

    def in_float32(y, p):
        y, p = np.float32(y), np.float32(p)
        return np.mean(PER_SAMPLE["bernoulli", "probabilities"](y, p)).astype(np.float32)

    assert_loss_matches_on(in_float32, y, p, dtype="float32")


@pytest.mark.parametrize(
    "options, words",
    [
        ({"rtol": -1}, "rtol must be a number of at least 0"),
        ({"max_examples": 0}, "max_examples must be a whole number of at least 1"),
        ({"gradients": "no"}, "gradients must be True or False"),
    ],
)
def test_bad_numbers_are_refused(options, words):
    with pytest.raises(ValueError, match=words):
        assert_loss_matches(lambda y, p: 0.0, **options)


def test_categorical_predictions_must_be_rows():
    with pytest.raises(ValueError, match=r"categorical predictions are rows"):
        assert_loss_matches_on(lambda y, p: 0.0, [0, 1], [0.5, 0.5], model="categorical")


# ------------------------------------------------------------------------------------------------
# a review's false acceptances and unclear failures
def test_a_column_of_predictions_beside_a_row_of_labels_is_caught():
    """p of shape (n, 1) against y of shape (n,): the loss broadcasts to (n, n), and so did the
    reference, which computed on the arrays as given.  The NLL of the four observations is 0.2605;
    the broadcast loss gives 0.9202."""
    bce = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")
    y = np.array([0.0, 1.0, 1.0, 0.0])
    p = np.array([[0.1], [0.8], [0.7], [0.3]])
    expected = -np.mean(y * np.log(p[:, 0]) + (1 - y) * np.log(1 - p[:, 0]))
    assert math.isclose(expected, 0.26046348871237524)
    with pytest.raises(AssertionError, match="the proven loss gives 0.2604634887"):
        assert_loss_matches_on(bce, y, p)
    with pytest.raises(AssertionError, match="for 4 samples"):  # a (4, 4) matrix of losses
        assert_loss_matches_on(reduced(PER_SAMPLE["bernoulli", "probabilities"], "none"), y, p,
                               reduction="none")
    # columns on both sides are one value per sample: the loss is right
    assert_loss_matches_on(bce, y[:, None], p)
    with pytest.raises(ValueError, match=r"p has shape \(4, 2\): give one value per sample"):
        assert_loss_matches_on(bce, y, np.full((4, 2), 0.5))


def test_a_complex_loss_is_no_loss():
    """float64 dropped the imaginary part: log(p − 1) with numpy's emath passed."""
    def complex_bce(y, p):
        return -np.mean(y * np.log(p) + (1 - y) * np.emath.log(p - 1))

    with pytest.raises(AssertionError, match="complex values"):
        assert_loss_matches_on(complex_bce, np.array([0.0, 1.0]), np.array([0.3, 0.6]))


@pytest.mark.parametrize("dtype, factor", [("float16", 1.005), ("bfloat16", 1.05)])
def test_a_wrong_factor_is_not_hidden_by_a_coarse_type(dtype, factor):
    """The tolerances of float16 and bfloat16 (a few u per operation) let 1.005 and 1.05 times
    the loss pass; the same data in float64 show the factor."""
    bce = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")
    assert_loss_matches(bce, dtype=dtype, max_examples=30)
    message = failure(lambda y, p: factor * bce(y, p), dtype=dtype)
    assert f"on the same data passed in float64" in message and f"(ratio {factor})" in message


def test_bad_arguments_say_what_to_pass():
    bce = reduced(PER_SAMPLE["bernoulli", "probabilities"], "mean")
    with pytest.raises(ValueError, match="use assert_loss_matches_on"):
        assert_loss_matches(bce, weights=np.ones(3))
    with pytest.raises(ValueError, match=r"class numbers 0 … 2: \[1\] = .*1\.5"):
        assert_loss_matches_on(lambda y, z: 0.0, np.array([0, 1.5]), np.zeros((2, 3)),
                               model="categorical", inputs="logits")
    # Keras and scikit-learn name the labels y_true
    assert_loss_matches(lambda p, y: bce(y, p), signature="y_pred, y_true", max_examples=5)
