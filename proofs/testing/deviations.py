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
    dtype = checker.options["dtype"]
    if lower_precision and dtypes.EPSILON[lower_precision] > dtypes.EPSILON[dtype]:
        return (
            f"the loss returned {lower_precision} for {dtype} data (JAX computes in float32 unless "
            "jax_enable_x64 is set): enable float64, or check with dtype='"
            f"{lower_precision}'"
        )
    got = np.asarray(got, dtype=np.float64)
    found = []
    for deviation in DEVIATIONS:
        if not deviation.applies(checker):
            continue
        with np.errstate(all="ignore"):
            parameter = deviation.estimate(checker, data, got)
            if parameter is False or not deviation.fits(checker, data, got, parameter):
                continue
        if deviation.confirm(checker, data, parameter):
            found.append(deviation.describe(parameter))
    return "; or ".join(found) if found else None


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


def _logit(p):
    np = _np()
    p = np.asarray(p, dtype=np.float64)
    return np.log(p) - np.log1p(-p)


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
        return alpha if 0 < alpha < 1 else False

    def predict(self, checker, data, alpha):
        labels, uniform = self._uniform(checker, data)
        return checker.value({**data, "y": (1 - alpha) * labels + alpha * uniform})

    def describe(self, alpha):
        return f"label smoothing with α ≈ {alpha:.3g} (labels (1 − α)·y + α/K)"


class Clipped(Deviation):
    """Probabilities clipped to [ε, 1 − ε] before the logs."""

    name = "clipped probabilities"

    def applies(self, checker):
        ref = checker.options["ref"]
        return ref.prediction in ("p", "q")

    def _value(self, checker, data, epsilon):
        np = _np()
        ref = checker.options["ref"]
        clipped = np.clip(np.asarray(data[ref.prediction], dtype=np.float64), epsilon, 1 - epsilon)
        return checker.value({**data, ref.prediction: clipped})

    def estimate(self, checker, data, got):
        np = _np()
        if got.ndim:
            return False
        exponents = np.arange(-110.0, -0.5, 0.25)  # ε from e^{−110·ln 10}… as powers of ten
        errors = [abs(float(self._value(checker, data, 10.0**e)) - float(got)) for e in exponents]
        best = int(np.argmin(errors))
        low, high = (
            10.0 ** exponents[max(best - 1, 0)],
            10.0 ** exponents[min(best + 1, len(exponents) - 1)],
        )
        for _ in range(60):  # refine by golden-section search on log ε
            a, b = math.log(low), math.log(high)
            m1, m2 = a + (b - a) * 0.382, a + (b - a) * 0.618
            e1 = abs(float(self._value(checker, data, math.exp(m1))) - float(got))
            e2 = abs(float(self._value(checker, data, math.exp(m2))) - float(got))
            low, high = (math.exp(a), math.exp(m2)) if e1 <= e2 else (math.exp(m1), math.exp(b))
        return _snapped(math.sqrt(low * high))

    def predict(self, checker, data, epsilon):
        return self._value(checker, data, epsilon)

    def fresh(self, fresh, failing):
        np = _np()
        for name in ("p", "q"):
            if name in fresh:
                values = np.asarray(fresh[name], dtype=np.float64)
                values[::2] = np.asarray(
                    failing[name]
                ).min()  # keep the failing data's extreme values
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
        return f"probabilities clipped to [ε, 1 − ε] with ε ≈ {epsilon:.3g}" + (
            f" ({known})" if known else ""
        )


def _snapped(epsilon):
    """ε, or the known value it is within 0.1% of."""
    for value in KNOWN_EPSILONS:
        if abs(math.log(epsilon) - math.log(value)) < 1e-3:
            return value
    return float(f"{epsilon:.3g}")


class Overflow(Deviation):
    """log Σ e^{z} (or log(1 + e^{z})) without the max shift: inf or nan for large logits."""

    name = (
        "log-sum-exp without the max shift: e^z overflows for large logits (use logsumexp / "
        "logaddexp, which subtract the maximum first)"
    )

    def applies(self, checker):
        return checker.options["ref"].prediction == "z"

    def estimate(self, checker, data, got):
        np = _np()
        limit = datasets.finite_limit(checker.options["dtype"])
        overflowing = np.abs(np.asarray(data["z"], dtype=np.float64)).max() > limit
        return None if overflowing and not np.isfinite(got).all() else False

    def predict(self, checker, data, parameter):
        np = _np()
        limit = datasets.finite_limit(checker.options["dtype"])
        value = np.asarray(checker.value(data), dtype=np.float64)
        if np.abs(np.asarray(data["z"], dtype=np.float64)).max() > limit:
            return np.full(value.shape, np.nan)
        return value

    def fresh(self, fresh, failing):
        fresh["z"] = failing["z"]  # the same logits: the overflow is a property of their size
        return fresh


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
    Clipped(),
    Overflow(),
]
