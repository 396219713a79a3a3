"""Named deviations: when a loss fails, which known bug fits it, with its parameter.

Each class predicts what a loss with that bug returns on the failing data, from the proven reference
(a parameter such as the clipping ε or the smoothing α is estimated from the value the loss gave).
A class that fits the failing data is confirmed on three fresh data sets — the loss called again,
its value compared with the prediction — before it is named.  Classes: probabilities clipped to [ε,
1 − ε], log base 2 or 10, a missing minus, sum instead of mean (and the reverse, and a weighted mean
divided by n), arguments swapped, logits passed as probabilities (and the reverse), label smoothing,
a double sigmoid (or softmax), log-sum-exp or softplus without the max shift (overflow), and a
result in a lower precision than the data.
"""

import math
import random

from . import data as datasets
from . import dtypes

__all__ = ["diagnose", "DEVIATIONS"]

CONFIRMATIONS = 3
KNOWN_EPSILONS = {
    1e-7: "Keras' default",
    1e-15: "older scikit-learn's default",
    2.0**-52: "float64 epsilon, as scikit-learn's log_loss clips",
    2.0**-23: "float32 epsilon",
    math.exp(-100): "each log clamped at -100, as PyTorch does",
}


def diagnose(checker, data, got, expected, lower_precision):
    """A sentence naming the bug class that fits and is confirmed, or None."""
    np = _np()
    got = np.asarray(got, dtype=np.float64)
    if got.shape != np.shape(expected):  # the message says what is wrong with the shape
        return None
    dtype = checker.options["dtype"]
    if lower_precision and dtypes.EPSILON[lower_precision] > dtypes.EPSILON[dtype]:
        rtol, atol = checker.tolerances_in(lower_precision, data)
        if np.all(np.abs(got - expected) <= atol + rtol * np.abs(expected)):
            jax = (
                " (JAX computes in float32 unless jax_enable_x64 is set)"
                if (checker.backend is not None and checker.backend.name == "jax")
                else ""
            )
            return (
                f"the loss computes in {lower_precision}{jax}: within {lower_precision}'s "
                f"rounding of the proven loss; check with dtype={lower_precision!r}"
            )
    found = _confirmed(checker, data, got, DEVIATIONS)
    if not found:
        found = _confirmed(checker, data, got, FALLBACKS)
    return "; or ".join(found) if found else None


def _confirmed(checker, data, got, deviations):
    np = _np()
    found = []
    for deviation in deviations:
        if not deviation.applies(checker):
            continue
        try:
            with np.errstate(all="ignore"):
                parameter = deviation.estimate(checker, data, got)
                if parameter is False or not deviation.fits(checker, data, got, parameter):
                    continue
        except Exception:  # the loss fails on the data this class needs: it does not fit
            continue
        try:
            confirmed = deviation.confirm(checker, data, parameter)
        except Exception:  # the loss fails on the confirming data: no confirmation
            confirmed = False
        if confirmed:
            found.append(deviation.describe(parameter))
    return found


def _np():
    import numpy

    return numpy


def _matches(checker, got, predicted, data):
    np = _np()
    predicted = np.asarray(predicted, dtype=np.float64)
    if predicted.shape != got.shape:
        return False
    if not np.isfinite(predicted).all():
        return (
            bool(np.array_equal(np.isfinite(got), np.isfinite(predicted)))
            and not np.isfinite(got).all()
        )
    _, _, magnitude = checker.expected(data)
    rtol, atol = checker.tolerances(data, magnitude)
    rtol, atol = max(rtol, 1e-6), np.maximum(atol, 1e-9)
    return bool(np.all(np.abs(got - predicted) <= atol + rtol * np.abs(predicted)))


class Deviation:
    """A bug class: when it applies, its parameter, its prediction, and how it reads."""

    name = ""

    def applies(self, checker):
        return True

    def estimate(self, checker, data, got):
        """The parameter fitted to the failing value (None when there is none; False: no fit)."""
        return None

    def predict(self, checker, data, parameter):
        raise NotImplementedError

    def fits(self, checker, data, got, parameter):
        """Whether the failing value is what this bug predicts."""
        predicted = self.predict(checker, data, parameter)
        return predicted is not None and _matches(checker, got, predicted, data)

    def describe(self, parameter):
        return self.name

    def confirm(self, checker, data, parameter):
        """The loss called on fresh data sets agrees with the prediction each time."""
        np = _np()
        rng = random.Random(1)
        ref, options = checker.options["ref"], checker.options
        size = len(np.asarray(data["y"]))
        classes = np.asarray(data[ref.arguments[1]]).shape[1] if ref.has_classes else None
        for _ in range(CONFIRMATIONS):
            fresh = self.fresh(
                datasets.dataset(
                    datasets.RandomSource(rng),
                    ref,
                    max(size, 4),
                    options["dtype"],
                    options["labels"],
                    classes,
                    options["weights"],
                ),
                data,
            )
            try:
                got = np.asarray(self.call(checker, fresh), dtype=np.float64)
            except Exception:  # the loss fails on fresh data: no confirmation
                return False
            with np.errstate(all="ignore"):
                predicted = self.predict(checker, fresh, parameter)
            if predicted is None or not _matches(checker, got, predicted, fresh):
                return False
        return True

    def fresh(self, fresh, failing):
        """Adjust a fresh data set so that the bug shows (clipping needs values near the ends)."""
        return fresh

    def call(self, checker, data):
        from .losses import to_numpy

        return to_numpy(checker.call(data))


def _reference(checker, data, **replaced):
    """The reduced proven loss on the data with some arguments replaced."""
    changed = {**data, **replaced}
    return checker.value(changed)


class Scaled(Deviation):
    """got = factor · the proven loss."""

    def __init__(self, name, factor, needs_log=False):
        self.name, self.factor, self.needs_log = name, factor, needs_log

    def applies(self, checker):
        import sympy as sp

        return not self.needs_log or checker.options["ref"].loss.has(sp.log)

    def predict(self, checker, data, parameter):
        return self.factor * checker.value(data)


class Count(Deviation):
    """Sum instead of mean (×n) or the reverse (÷n); a weighted mean divided by n."""

    def __init__(self, name, reductions, kind):
        self.name, self.reductions, self.kind = name, reductions, kind

    def applies(self, checker):
        return checker.options["reduction"] in self.reductions and (
            self.kind != "weights/n" or checker.options["weights"]
        )

    def predict(self, checker, data, parameter):
        np = _np()
        value = checker.value(data)
        n = len(np.asarray(data["y"]))
        if self.kind == "x n":
            return value * n
        if self.kind == "/ n":
            return value / n
        return value * np.sum(data["weights"]) / n


class Swapped(Deviation):
    name = (
        "the arguments are swapped: the loss takes them in the other order (pass signature='p, y')"
    )

    def predict(self, checker, data, parameter):
        return checker.value(data)

    def call(self, checker, data):
        from .losses import to_numpy

        arrays = checker.arrays(data)
        arrays[0], arrays[1] = arrays[1], arrays[0]
        return to_numpy(checker.backend.call(checker.loss_fn, arrays, checker.options["dtype"]))

    def fits(self, checker, data, got, parameter):
        try:
            swapped = self.call(checker, data)
        except Exception:  # the loss refuses its arguments in the other order
            return False
        return _matches(checker, swapped, self.predict(checker, data, None), data)

    def describe(self, parameter):
        return self.name


def _sigmoid(z):
    np = _np()
    return 1 / (1 + np.exp(-np.asarray(z, dtype=np.float64)))


def _softmax(z):
    np = _np()
    z = np.asarray(z, dtype=np.float64)
    shifted = np.exp(z - z.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


class CrossInputs(Deviation):
    """The loss of the other input kind applied to this one's numbers (logits read as probabilities,
    probabilities read as logits), or a double sigmoid / softmax."""

    def __init__(self, name, inputs, mapping, fresh_range=None):
        self.name, self.inputs, self.mapping, self.fresh_range = name, inputs, mapping, fresh_range

    def applies(self, checker):
        ref = checker.options["ref"]
        return ref.model in ("bernoulli", "categorical") and ref.inputs == self.inputs

    def predict(self, checker, data, parameter):
        from . import references

        ref = checker.options["ref"]
        other = references.reference(
            ref.model, "logits" if self.inputs == "probabilities" else "probabilities"
        )
        value = self.mapping(data[ref.prediction], ref.has_classes)
        proxy = _Proxy(checker, other)
        return proxy.value(
            {**{k: v for k, v in data.items() if k != ref.prediction}, other.prediction: value}
        )

    def fits(self, checker, data, got, parameter):
        np = _np()
        if self.fresh_range is not None and not np.isfinite(got).all():
            values = np.asarray(data[checker.options["ref"].prediction], dtype=np.float64)
            if ((values <= 0) | (values >= 1)).any():  # logs of logits outside (0, 1): nan or inf
                return True
        return super().fits(checker, data, got, parameter)

    def fresh(self, fresh, failing):
        if self.fresh_range is None:
            return fresh
        np = _np()
        low, high = self.fresh_range
        for name in ("z",):
            if name in fresh:
                values = np.asarray(fresh[name])
                fresh[name] = low + (high - low) * (np.abs(values) % 1)
        return fresh


class _Proxy:
    """A checker's reduction and reference for another model kind (used for cross predictions)."""

    def __init__(self, checker, ref):
        self.checker, self.ref = checker, ref

    def value(self, data):
        from .losses import _Checker

        options = {**self.checker.options, "ref": self.ref}
        return _Checker(self.checker.loss_fn, options, None, None, False, None).value(data)


SMALLEST_SMOOTHING = 1e-3


class Smoothing(Deviation):
    """Label smoothing: labels (1 − α) y + α/K (K = 2 for binary labels)."""

    name = "label smoothing"

    def applies(self, checker):
        ref = checker.options["ref"]
        return ref.model in ("bernoulli", "categorical")

    def _uniform(self, checker, data):
        np = _np()
        ref, columns, classes = checker.references(data)
        labels = np.asarray(columns[0], dtype=np.float64)
        return labels, np.full(labels.shape, 1.0 / (classes or 2))

    def estimate(self, checker, data, got):
        if got.ndim:
            return False
        labels, uniform = self._uniform(checker, data)
        base = checker.value({**data, "y": labels})
        smooth = checker.value({**data, "y": uniform})
        if smooth == base:
            return False
        alpha = float((got - base) / (smooth - base))
        # smoothing is set at 0.01 to 0.2 in practice: a tiny α fitted to one sample is a
        # constant added or a factor, not smoothing
        return alpha if SMALLEST_SMOOTHING <= alpha < 1 else False

    def predict(self, checker, data, alpha):
        labels, uniform = self._uniform(checker, data)
        return checker.value({**data, "y": (1 - alpha) * labels + alpha * uniform})

    def describe(self, alpha):
        return f"label smoothing with α ≈ {alpha:.3g} (labels (1 − α)·y + α/K)"


class Clipped(Deviation):
    """Probabilities clipped to [ε, 1 − ε] (or at one end only) before the logs."""

    SIDES = {
        "both": "[ε, 1 − ε]",
        "low": "[ε, 1] (the lower end only)",
        "high": "[0, 1 − ε] (the upper end only)",
    }

    def __init__(self, sides):
        self.sides = sides

    def applies(self, checker):
        ref = checker.options["ref"]
        return ref.prediction in ("p", "q")

    def _value(self, checker, data, epsilon):
        np = _np()
        ref = checker.options["ref"]
        low = epsilon if self.sides in ("both", "low") else 0.0
        high = 1 - epsilon if self.sides in ("both", "high") else 1.0
        clipped = np.clip(np.asarray(data[ref.prediction], dtype=np.float64), low, high)
        return checker.value({**data, ref.prediction: clipped})

    def estimate(self, checker, data, got):
        np = _np()
        if got.ndim:
            return False

        def error(epsilon):
            return abs(float(self._value(checker, data, epsilon)) - float(got))

        # ε = 10^e on a grid of e, zoomed in around the best point three times (the error is flat
        # where ε clips nothing and dips sharply where it fits, so no bisection would do)
        exponents = np.arange(-110.0, -0.5, 0.25)
        for _ in range(4):
            errors = [error(10.0**e) for e in exponents]
            best = int(np.argmin(errors))
            step = exponents[1] - exponents[0]
            exponents = np.linspace(exponents[best] - step, exponents[best] + step, 41)
        return _snapped(10.0 ** exponents[20])

    def predict(self, checker, data, epsilon):
        return self._value(checker, data, epsilon)

    def fresh(self, fresh, failing):
        """Predictions at both ends (the failing data's extremes), so that the side shows."""
        np = _np()
        for name in ("p", "q"):
            if name in fresh:
                values = np.asarray(fresh[name], dtype=np.float64).copy()
                extremes = np.asarray(failing[name], dtype=np.float64)
                low = min(extremes.min(), 1e-12) if extremes.ndim else 1e-12
                values[::2] = low
                values[1::2] = 1 - low if values.ndim == 1 else values[1::2]
                fresh[name] = values
        return fresh

    def describe(self, epsilon):
        known = next(
            (
                words
                for value, words in KNOWN_EPSILONS.items()
                if abs(math.log(epsilon) - math.log(value)) < 1e-3
            ),
            None,
        )
        return f"probabilities clipped to {self.SIDES[self.sides]} with ε ≈ {epsilon:.3g}" + (
            f" ({known})" if known else ""
        )


def _snapped(epsilon):
    """ε, or the known value it is within 0.1% of."""
    for value in KNOWN_EPSILONS:
        if abs(math.log(epsilon) - math.log(value)) < 1e-3:
            return value
    return float(f"{epsilon:.3g}")


class Overflow(Deviation):
    """Non-finite values for large logits, told apart by where they appear: e^z overflowing
    (log(1 + e^z) or log Σ e^z without the max shift) fails when every logit is large; the log of
    a probability that underflows (log σ(z), log softmax(z) computed as a probability first) fails
    when the label's logit is far below the others."""

    WORDS = {
        "overflow": "e^z overflows: log(1 + e^z) or log Σ e^z computed without the max shift "
        "(use logaddexp / logsumexp, which subtract the maximum first)",
        "underflow": "the log of a probability that underflows to 0: log σ(z) or log softmax(z) "
        "computed from the probability (use log_sigmoid / log_softmax, or a loss "
        "that takes logits)",
    }

    def __init__(self, kind):
        self.kind = kind
        self.name = self.WORDS[kind]

    def applies(self, checker):
        return checker.options["ref"].prediction == "z"

    def estimate(self, checker, data, got):
        np = _np()
        limit = datasets.finite_limit(checker.options["dtype"])
        large = np.abs(np.asarray(data["z"], dtype=np.float64)).max() > limit / 2
        return None if large and not np.isfinite(got).all() else False

    def fits(self, checker, data, got, parameter):
        return True  # decided by the confirmations, which make the bug show or not

    def confirm(self, checker, data, parameter):
        np = _np()
        limit = datasets.finite_limit(checker.options["dtype"])
        rng = random.Random(2)
        ref, options = checker.options["ref"], checker.options
        classes = np.asarray(data["z"]).shape[1] if ref.has_classes else None
        base = datasets.dataset(
            datasets.RandomSource(rng),
            ref,
            4,
            options["dtype"],
            options["labels"],
            classes,
            options["weights"],
        )
        moderate = {**base, "z": np.clip(base["z"], -20, 20)}
        big = 2 * limit
        everything_large = {**base, "z": np.clip(base["z"], -20, 20) * 0.01 + big}
        label_far_below = _label_far_below(base, ref, options["labels"], big)
        shows = {
            "overflow": (everything_large, label_far_below),
            "underflow": (label_far_below, everything_large),
        }[self.kind]
        try:
            if not _agrees(checker, moderate):
                return False
            with np.errstate(all="ignore"):
                failing = np.asarray(self.call(checker, shows[0]), dtype=np.float64)
            return not np.isfinite(failing).all() and _agrees(checker, shows[1])
        except Exception:  # the loss fails otherwise on these data: no confirmation
            return False


def _agrees(checker, data):
    """The loss agrees with the proven one on these data (finite values, within tolerance)."""
    np = _np()
    from .losses import to_numpy

    with np.errstate(all="ignore"):
        got = to_numpy(checker.call(data))
    expected = checker.value(data)
    return np.isfinite(got).all() and _matches(checker, got, expected, data)


def _label_far_below(base, ref, labels, big):
    """Every sample labelled with class 0 (or 1 for Bernoulli), whose logit lies `big` below the
    others (Bernoulli: z = −big)."""
    np = _np()
    z = np.zeros_like(np.asarray(base["z"], dtype=np.float64))
    if not ref.has_classes:
        return {**base, "y": np.ones_like(z), "z": z - big}
    z[:, 0] = -big
    n, classes = z.shape
    y = np.zeros(n, dtype=np.int64) if labels == "integer" else np.eye(classes)[np.zeros(n, int)]
    return {**base, "y": y, "z": z}


class Affine(Deviation):
    """got = a · (the proven loss) + b with a > 0 and b free of the prediction: an NLL with its
    normalizing terms (log y!, ½ log 2πσ², log 2b), or a scaled loss such as ½ (y − μ)².  Tried
    only when no other class fits; a and b are read off two calls with the same labels."""

    def estimate(self, checker, data, got):
        np = _np()
        if got.ndim:
            return False
        ref = checker.options["ref"]
        other = self._moved(checker, data, 1)
        with np.errstate(all="ignore"):
            got_other = float(np.asarray(self.call(checker, other), dtype=np.float64))
        expected, expected_other = float(checker.value(data)), float(checker.value(other))
        if (
            not np.isfinite(got_other)
            or abs(expected - expected_other) < 1e-12 * max(abs(expected), 1.0)
            or ref is None
        ):
            return False
        scale = (float(got) - got_other) / (expected - expected_other)
        return (scale, float(got) - scale * expected) if scale > 0 else False

    def _moved(self, checker, data, seed):
        """The data with fresh predictions (same labels and fixed quantities)."""
        ref, options = checker.options["ref"], checker.options
        np = _np()
        classes = np.asarray(data[ref.prediction]).shape[1] if ref.has_classes else None
        size = len(np.asarray(data["y"]))
        fresh = datasets.dataset(
            datasets.RandomSource(random.Random(seed)),
            ref,
            size,
            options["dtype"],
            options["labels"],
            classes,
            options["weights"],
        )
        return {**data, ref.prediction: fresh[ref.prediction]}

    def predict(self, checker, data, parameter):
        scale, shift = parameter
        return scale * checker.value(data) + shift

    def confirm(self, checker, data, parameter):
        """The same labels with other predictions agree with a·(proven) + b, and on fresh data
        (other labels) the loss changes with the prediction by the same factor a."""
        np = _np()
        scale, _ = parameter
        ref, options = checker.options["ref"], checker.options
        classes = np.asarray(data[ref.prediction]).shape[1] if ref.has_classes else None
        for seed in (2, 3, 4):
            moved = self._moved(checker, data, seed)
            with np.errstate(all="ignore"):
                got = np.asarray(self.call(checker, moved), dtype=np.float64)
            if not _matches(checker, got, self.predict(checker, moved, parameter), moved):
                return False
            fresh = datasets.dataset(
                datasets.RandomSource(random.Random(seed)),
                ref,
                6,
                options["dtype"],
                options["labels"],
                classes,
                options["weights"],
            )
            other = self._moved(checker, fresh, seed + 10)
            with np.errstate(all="ignore"):
                change = float(self.call(checker, fresh)) - float(self.call(checker, other))
            proven = float(checker.value(fresh)) - float(checker.value(other))
            if not abs(change - scale * proven) <= 1e-6 * max(abs(change), abs(proven), 1e-9):
                return False
        return True

    def describe(self, parameter):
        scale, shift = parameter
        if abs(scale - 1) < 1e-6:
            return (
                "the proven loss plus a term that does not depend on the prediction (an NLL "
                "with its normalizing constants such as log y! or ½ log 2πσ²): the same "
                "minimizers — drop the constant to compare"
            )
        return (
            f"{scale:.6g} × the proven loss"
            + (" plus a term free of the prediction" if abs(shift) > 1e-9 else "")
            + " (for instance ½ (y − μ)² or a Gaussian NLL): the same minimizers — rescale "
            "to compare"
        )


LN2, LN10 = math.log(2), math.log(10)
DEVIATIONS = [
    Scaled("a missing minus sign (the loss is the log-likelihood, not its negative)", -1),
    Scaled("logs in base 2 (log2 instead of the natural log)", 1 / LN2, needs_log=True),
    Scaled("logs in base 10 (log10 instead of the natural log)", 1 / LN10, needs_log=True),
    Count("a sum instead of the mean (pass reduction='sum' if intended)", ("mean",), "x n"),
    Count("a mean instead of the sum (pass reduction='mean' if intended)", ("sum",), "/ n"),
    Count(
        "a weighted mean divided by n instead of by the total weight Σ w "
        "(PyTorch's weight= does this)",
        ("mean",),
        "weights/n",
    ),
    Swapped(),
    CrossInputs(
        "logits passed where the loss expects probabilities (the loss takes logs of the logits)",
        "logits",
        lambda z, classes: z,
        fresh_range=(0.05, 0.95),
    ),
    CrossInputs(
        "probabilities passed where the loss expects logits (it applies a sigmoid/softmax to them)",
        "probabilities",
        lambda p, classes: p,
    ),
    CrossInputs(
        "a double sigmoid/softmax: the loss applies it to values that already went through one",
        "logits",
        lambda z, classes: _softmax(_softmax(z)) if classes else _sigmoid(_sigmoid(z)),
    ),
    Smoothing(),
    Clipped("both"),
    Clipped("low"),
    Clipped("high"),
    Overflow("overflow"),
    Overflow("underflow"),
]
FALLBACKS = [Affine()]  # tried when no class above is confirmed
