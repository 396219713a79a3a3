"""Checking a user's loss against the proven one: `assert_loss_matches` (hypothesis data) and
`assert_loss_matches_on` (one given data set).

The reference is compiled from the library theorem of the model (`references`), evaluated in float64
on the same numbers the loss receives (data are drawn as numbers of the requested dtype).  Values
are compared with tolerances set by the dtype (`dtypes`); gradients, when the loss is differentiable
by its framework (`frameworks`) or a ``grad_fn`` is given, with the derivative of the proven loss.
A failure names the data, both values, and the known bug class that fits (`deviations`).
"""

import random

from . import data as datasets
from . import dtypes, frameworks, numeric, references

__all__ = ["assert_loss_matches", "assert_loss_matches_on", "DEFAULT_MAX_EXAMPLES", "REDUCTIONS"]

DEFAULT_MAX_EXAMPLES = 500
REDUCTIONS = ("mean", "sum", "none")
LABEL_NAMES = ("y", "labels", "label", "target", "targets", "y_true")
# gradients are compared at a relative 1e-4 at least: frameworks guard their backward passes with
# small clamps (PyTorch's binary cross-entropy divides by max(p(1 − p), 1e-12)), which move the
# derivative by up to 2e-5 where p(1 − p) < 1e-12 — and a wrong gradient is wrong by far more
GRADIENT_RTOL = 1e-4
DIAGNOSED = 256  # samples a diagnosis looks at


def assert_loss_matches(
    loss_fn,
    model="bernoulli",
    inputs=None,
    reduction="mean",
    weights=None,
    dtype=None,
    labels=None,
    rtol=None,
    atol=None,
    max_examples=None,
    signature=None,
    array_type=None,
    gradients=None,
    grad_fn=None,
    classes=None,
    max_size=20,
):
    """Assert that `loss_fn` is the proven loss of `model`, on data drawn by hypothesis.

    model, inputs
        ``"bernoulli"`` (inputs ``"probabilities"`` or ``"logits"``), ``"categorical"`` (the same;
        labels ``"one-hot"``, ``"integer"`` or ``"soft"``; K from 2 to 6, or ``classes=K``),
        ``"gaussian"`` (``"mean"``: the squared error; ``"mean-and-sigma"``: (y − μ)²/σ² with known
        per-sample σ), ``"poisson"`` (``"rate"`` or ``"log-rate"``), ``"laplace"`` (the absolute
        error), ``"exponential"``, ``"binomial"``, ``"negative-binomial"``.  Each loss is read off
        the library theorem of that model.
    call
        ``loss_fn(y, prediction, *extra, weights)`` — labels first; ``signature="p, y"`` (any names,
        the prediction's first) swaps the first two.  ``extra`` are the model's fixed quantities (σ,
        the failures f, the dispersion r); the weights come last when ``weights=True``.  numpy
        arrays of `dtype` by default (``array_type="list"``: lists); a PyTorch loss gets tensors.
    reduction
        ``"mean"`` (with weights: Σ wℓ / Σ w), ``"sum"`` (Σ wℓ) or ``"none"`` (the n values wℓ).
    dtype
        ``"float64"`` (default; ``--proofs-dtype`` in pytest), ``"float32"``, ``"float16"`` or
        ``"bfloat16"``: data are numbers of that type and the tolerances follow from its epsilon and
        the loss's conditioning (`proofs.testing.dtypes`).
    gradients
        When the loss is differentiable by its framework (JAX or PyTorch, detected from its result)
        or ``grad_fn(*arguments)`` gives ∂loss/∂prediction, the gradient is compared with the
        derivative of the proven loss (relative tolerance at least 1e-4, see GRADIENT_RTOL), and the
        first coordinate that differs is reported; ``gradients=False`` (or
        ``--proofs-no-gradients``) compares values only.

    labels, classes, max_size
        ``"binary"`` (default) or ``"soft"`` (targets in [0, 1]) for Bernoulli; ``"one-hot"``
        (default), ``"integer"`` or ``"soft"`` for categorical; a fixed number of classes (≥ 2);
        the largest sample size drawn (20).
    rtol, atol
        Override the dtype's tolerances for values (see `proofs.testing.dtypes`).

    Edge cases are always tried (n = 1, all labels equal, probabilities near 0 and 1, large logits).
    A mismatch fails with hypothesis' shrunk data, both values and, when one fits, the bug class
    (clipping with its ε, log base, missing minus, sum/mean, swapped arguments,
    logits/probabilities, label smoothing with its α, double sigmoid, log-sum-exp overflow, a
    lower-precision result).
    """
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from . import plugin

    _check_numbers(rtol, atol, max_examples, gradients)
    dtype = dtype or plugin.dtype() or "float64"
    gradients = gradients if gradients is not None else plugin.gradients() is not False

    options = _options(model, inputs, reduction, weights, dtype, labels, signature, array_type)
    ref, labels = options["ref"], options["labels"]
    _check_sizes(ref, classes, max_size)
    examples = max_examples if max_examples is not None else _configured_max_examples()
    checker = _Checker(loss_fn, options, rtol, atol, gradients, grad_fn)

    @st.composite
    def drawn(draw):
        source = datasets.HypothesisSource(draw)
        size = draw(st.one_of(st.just(1), st.integers(1, max_size)))
        return datasets.dataset(source, ref, size, dtype, labels, classes, bool(weights))

    for edge in _edge_cases(ref, options, classes):
        checker.check(edge)

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,  # the same data in every run: a verdict does not change between runs
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(drawn())
    def matches(data):
        try:
            checker.check(data, diagnose=False)
        except AssertionError:
            failing[:] = [data]  # the last failure is the example hypothesis settled on
            raise

    failing = []
    try:
        matches()
    except Exception as error:  # hypothesis reports distinct failures as an exception group
        found = [error] if isinstance(error, AssertionError) else [
            e for e in getattr(error, "exceptions", ()) if isinstance(e, AssertionError)]
        if not found:
            raise
        if failing:
            checker.check(failing[-1])  # again, with the bug class named
        raise found[0] from None
    checker.finish()


def assert_loss_matches_on(
    loss_fn,
    y,
    prediction,
    *extra,
    model="bernoulli",
    inputs=None,
    reduction="mean",
    weights=None,
    dtype="float64",
    labels=None,
    rtol=None,
    atol=None,
    signature=None,
    array_type=None,
    gradients=True,
    grad_fn=None,
):
    """Compare `loss_fn` with the proven loss on one given data set (any size, e.g. n = 10⁶).

    `extra`: the model's fixed quantities in order (see `assert_loss_matches`); `weights`: an
    array of per-sample weights (then passed to the loss last).  Class labels may be one-hot
    rows, soft rows or integers (inferred from their shape unless `labels` says)."""
    np = _numpy()
    _check_numbers(rtol, atol, None, gradients)
    ref_kind = references.reference(model, inputs)
    given = [_plain(y), _plain(prediction), *map(_plain, extra)]
    if ref_kind.has_classes and given[1].ndim != 2:
        raise ValueError(
            f"categorical predictions are rows, one per sample (shape (n, K)); got "
            f"shape {given[1].shape}"
        )
    if labels is None and ref_kind.has_classes:
        labels = "integer" if given[0].ndim == 1 else "one-hot"
    elif labels is None and ref_kind.model == "bernoulli":
        labels = "binary"  # the labels' range [0, 1] is checked below; soft ones compute alike
    options = _options(
        model, inputs, reduction, weights is not None, dtype, labels, signature, array_type
    )
    ref = options["ref"]
    if len(given) != len(ref.arguments):
        raise ValueError(
            f"model {model!r} ({ref.inputs}) takes {len(ref.arguments)} arrays: "
            f"{', '.join(ref.arguments)}; got {len(given)}"
        )
    data = {
        name: (value if value.dtype.kind in "iu" and name == "y" else np.asarray(value, np.float64))
        for name, value in zip(ref.arguments, given)
    }
    if weights is not None:
        data["weights"] = np.asarray(_plain(weights), dtype=np.float64)
    if dtype != "float64":  # the loss sees numbers of the type: so does the reference
        data = {
            name: values
            if np.asarray(values).dtype.kind in "iu"
            else dtypes.round_to(values, dtype)
            for name, values in data.items()
        }
    _validate(ref, data, options["labels"])
    checker = _Checker(loss_fn, options, rtol, atol, gradients, grad_fn)
    checker.check(data)
    checker.finish()


def _plain(values):
    """Given data as a numpy array, whatever holds them (a tensor that requires grad too)."""
    return _numpy().asarray(untensored(values))


def _validate(ref, data, labels):
    """Given data must be what the proven loss is about: n ≥ 1 samples, arrays of one length, finite
    values in each quantity's domain (ValueError naming the first value that is not)."""
    np = _numpy()
    y = np.asarray(data["y"])
    n = len(y) if y.ndim else 0
    if n == 0:
        raise ValueError("the data must have at least one sample")
    for name, values in data.items():
        values = np.asarray(values)
        if values.ndim and len(values) != n:
            raise ValueError(f"{name} has {len(values)} values for {n} samples")
        # one value per sample: (n,) or a column (n, 1), which the loss gets as given and the
        # reference reads as (n,) — else a loss's (n, 1) − (n,) broadcast to (n, n) would be
        # matched by a reference that broadcast the same way
        rows = ref.has_classes and (name == ref.prediction or name == "y" and values.ndim == 2)
        if not rows and values.shape not in ((n,), (n, 1)):
            raise ValueError(f"{name} has shape {values.shape}: give one value per sample, shape "
                             f"({n},) or ({n}, 1)")
        # min and max decide in two passes (nan makes them nan); the message needs one more
        low_seen, high_seen = values.min(), values.max()
        if not (np.isfinite(low_seen) and np.isfinite(high_seen)):
            raise ValueError(
                f"{name} has a value that is not finite: {_first_bad(values, ~np.isfinite(values))}"
            )
        bounds = (
            datasets.LABEL_DOMAINS.get(ref.model) if name == "y" else datasets.DOMAINS.get(name)
        )
        if bounds is None:
            continue
        low, high, open_low, open_high, whole = bounds
        outside = (low is not None and (low_seen <= low if open_low else low_seen < low)) or (
            high is not None and (high_seen >= high if open_high else high_seen > high)
        )
        if outside or (whole and np.any(values != np.round(values))):
            bad = values != np.round(values) if whole else np.zeros(values.shape, dtype=bool)
            if low is not None:
                bad |= (values <= low) if open_low else (values < low)
            if high is not None:
                bad |= (values >= high) if open_high else (values > high)
            interval = (
                f"{'(' if open_low else '['}{low}, {'∞' if high is None else high}"
                f"{')' if open_high or high is None else ']'}"
            )
            whole_words = " and be whole numbers" if whole else ""
            first = _first_bad(values, bad)
            raise ValueError(f"{name} must lie in {interval}{whole_words}: {first}")
    if ref.has_classes:
        classes = np.asarray(data[ref.prediction]).shape[-1]
        numbers = (y >= 0) & (y < classes) & (y == np.round(y))
        if labels == "integer" and not np.all(numbers):
            raise ValueError(
                f"integer labels must be class numbers 0 … {classes - 1}: "
                f"{_first_bad(y, ~numbers)}"
            )
        if labels != "integer" and (y.shape != np.shape(data[ref.prediction]) or np.any(y < 0)):
            raise ValueError(
                f"labels of shape {y.shape} for predictions of shape "
                f"{np.shape(data[ref.prediction])}: rows of {classes} non-negative values "
                "are expected (or integer class numbers)"
            )


def _first_bad(values, bad):
    import numpy as np

    index = tuple(int(i) for i in np.argwhere(bad)[0])
    return f"[{', '.join(map(str, index))}] = {np.asarray(values)[index]!r}"


# ------------------------------------------------------------------------------------------------
# options
def _options(model, inputs, reduction, weights, dtype, labels, signature, array_type):
    ref = references.reference(model, inputs)  # ValueError naming the models or inputs
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {', '.join(REDUCTIONS)}, not {reduction!r}")
    dtypes.check_dtype(dtype)
    kinds = datasets.label_kinds(ref)
    labels = kinds[0] if labels is None else labels
    if labels not in kinds:
        allowed = ", ".join(kinds) if kinds != (None,) else "none (leave labels unset)"
        raise ValueError(f"labels for model {ref.model!r} must be one of {allowed}, not {labels!r}")
    if not (weights is None or weights is True or weights is False):
        raise ValueError("weights must be True (the loss takes per-sample weights last, drawn by "
                         "the check) or None; to check given weights, use assert_loss_matches_on")
    if array_type not in (None, "numpy", "list"):
        raise ValueError(f"array_type must be 'numpy' or 'list', not {array_type!r}")
    if array_type == "list" and dtype != "float64":
        raise ValueError("array_type='list' passes Python floats: use dtype='float64'")
    return {
        "ref": ref,
        "reduction": reduction,
        "weights": bool(weights),
        "dtype": dtype,
        "labels": labels,
        "labels_first": _labels_first(signature, ref),
        "array_type": array_type or "numpy",
    }


def _check_numbers(rtol, atol, max_examples, gradients):
    """Tolerances are numbers ≥ 0 (or None), max_examples a whole number ≥ 1, gradients a bool."""
    for name, value in (("rtol", rtol), ("atol", atol)):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0
        ):
            raise ValueError(f"{name} must be a number of at least 0, not {value!r}")
    if max_examples is not None and (
        isinstance(max_examples, bool) or not isinstance(max_examples, int) or max_examples < 1
    ):
        raise ValueError(f"max_examples must be a whole number of at least 1, not {max_examples!r}")
    if gradients not in (None, True, False):
        raise ValueError(f"gradients must be True or False, not {gradients!r}")


def _check_sizes(ref, classes, max_size):
    """The number of classes (categorical only, at least 2) and the largest sample size (≥ 1)."""
    if classes is not None:
        if not ref.has_classes:
            raise ValueError(f"classes= applies to the categorical model, not {ref.model!r}")
        if isinstance(classes, bool) or not isinstance(classes, int) or classes < 2:
            raise ValueError(f"classes must be a whole number of at least 2, not {classes!r}")
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 1:
        raise ValueError(f"max_size must be a whole number of at least 1, not {max_size!r}")


def _labels_first(signature, ref):
    if signature is None:
        return True
    names = [name.strip() for name in str(signature).split(",")]
    if len(names) < 2 or not all(name.isidentifier() for name in names):
        raise ValueError(
            f"signature must name the arguments in order, such as 'y, p' or 'p, y', not "
            f"{signature!r}"
        )
    if names[0] not in LABEL_NAMES and names[1] not in LABEL_NAMES:
        raise ValueError(
            f"signature {signature!r} names no labels argument (one of "
            f"{', '.join(LABEL_NAMES)}) first or second"
        )
    return names[0] in LABEL_NAMES


def _configured_max_examples():
    from . import plugin

    return plugin.max_examples() or DEFAULT_MAX_EXAMPLES


def _numpy():
    numpy = numeric.numpy_or_none()
    if numpy is None:
        raise ImportError("loss checks need numpy: pip install 'proofs[test]'")
    return numpy


def untensored(value):
    """A PyTorch tensor as a numpy array (bfloat16 widened to float32); anything else as it is."""
    if hasattr(value, "detach"):
        value = value.detach().cpu()
        value = value.float() if str(value.dtype) == "torch.bfloat16" else value
        return value.numpy()
    return value


def to_numpy(value):
    """A loss's result as a float64 numpy value (numpy, PyTorch, JAX, lists or Python numbers)."""
    np = _numpy()
    value = untensored(value)
    if (
        value is None
        or isinstance(value, (str, bytes))
        or getattr(value, "dtype", None) is not None
        and np.asarray(value).dtype.kind in "USOM"
    ):  # strings, objects, dates
        raise AssertionError(
            f"loss_fn returned {value!r} ({type(value).__name__}), not a number or an "
            "array of numbers"
        )
    if np.iscomplexobj(value):  # float64 would drop the imaginary part (with a warning only)
        raise AssertionError(
            f"loss_fn returned complex values ({np.asarray(value).dtype}): a loss is real (the "
            "log of a negative number, such as np.emath.log(p - 1), is complex)"
        )
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise AssertionError(
            f"loss_fn returned {type(value).__name__}, not a number or an array of numbers"
        ) from None


def result_precision(value):
    """The float type a loss returned ('float32', …), or None when it is float64 or not a float."""
    dtype = str(getattr(value, "dtype", ""))
    for name in ("bfloat16", "float16", "float32"):
        if dtype.endswith(name):
            return name
    return None


# ------------------------------------------------------------------------------------------------
# checking
class _Checker:
    """Calls the loss on a data set, compares value and gradient, and explains a mismatch."""

    def __init__(self, loss_fn, options, rtol, atol, gradients, grad_fn):
        self.loss_fn, self.options, self.rtol, self.atol = loss_fn, options, rtol, atol
        self.gradients, self.grad_fn, self.backend = gradients, grad_fn, None
        self.lower_precision = None

    def arrays(self, data):
        """The arguments in call order."""
        ref, options = self.options["ref"], self.options
        values = [data[name] for name in ref.arguments]
        if not options["labels_first"]:
            values[0], values[1] = values[1], values[0]
        if options["weights"]:
            values.append(data["weights"])
        if options["array_type"] == "list":
            values = [value.tolist() for value in values]
        return values

    def call(self, data, loss_fn=None):
        arrays = self.arrays(data)
        if self.backend is None:
            self.backend, value = frameworks.detect(
                self.loss_fn, arrays, self.options["dtype"], self.grad_fn
            )
            return value
        return self.backend.call(loss_fn or self.loss_fn, arrays, self.options["dtype"])

    def check(self, data, diagnose=True, value=None):
        """Compare value (then gradient) on one data set; `diagnose`: name the bug class on failure
        (off while hypothesis shrinks, on for the example it settles on); `value`: the loss's
        value on these data when it was computed already."""
        expected, per_sample, magnitude = self.expected(data)
        value = self.call(data) if value is None else value
        got = to_numpy(value)
        if self.options["dtype"] != "float64":  # a wrong formula, told apart from rounding
            self.check_exact(data)
        rtol, atol = self.tolerances(data, magnitude)
        problem = self.compare(got, expected, rtol, atol, data)
        if problem is not None:
            hint = self.diagnosis(data, value, got, expected) if diagnose else None
            raise AssertionError(self.message(data, problem, hint))
        lower = result_precision(value)
        if lower is not None and dtypes.EPSILON[lower] > dtypes.EPSILON[self.options["dtype"]]:
            self.lower_precision = lower  # reported by `finish` unless a value fails first
            return  # its gradients are of that precision too: `finish` says why it fails
        if self.gradients and self.backend.differentiable:
            self.check_gradient(data, rtol, atol)

    def check_exact(self, data):
        """A low-precision check first calls the loss on the same data (numbers of the type) in
        float64, and checks it there with float64's tolerances: bfloat16's are a few per cent,
        which would hide a wrong constant or weight.  Skipped when the loss computes in its type
        anyway (its result is no more precise) or refuses float64 input."""
        dtype = self.options["dtype"]
        try:
            value = self.backend.call(self.loss_fn, self.arrays(data), "float64")
        except Exception:  # a loss written for its type only: the check in that type stands
            return
        precision = result_precision(value) or "float64"  # JAX without x64: float32
        if dtypes.EPSILON[precision] >= dtypes.EPSILON[dtype]:
            return
        shadow = _Checker(self.loss_fn, {**self.options, "dtype": precision}, self.rtol,
                          self.atol, False, None)
        shadow.backend = self.backend
        try:
            shadow.check(data, value=value)
        except AssertionError as error:
            raise AssertionError(
                f"on the same data passed in {precision}, where rounding cannot explain it (the "
                f"{dtype} check's tolerance would hide it): {error}"
            ) from None

    def finish(self):
        """After every data set passed: a result of lower precision than the data fails too."""
        lower, dtype = self.lower_precision, self.options["dtype"]
        if lower is not None:
            jax = (
                " (JAX computes in float32 unless jax_enable_x64 is set)"
                if (self.backend.name == "jax")
                else ""
            )
            raise AssertionError(
                f"loss_fn returned {lower} values for {dtype} data: its result is only as accurate "
                f"as {lower}{jax}; check it with dtype={lower!r}, or compute in {dtype}"
            )

    def diagnosis(self, data, value, got, expected):
        """The bug class that fits, looked for on at most DIAGNOSED samples: on a large data set,
        the first ones and those with the most extreme predictions, if the loss fails there too."""
        from .deviations import diagnose

        np = _numpy()
        n = len(np.asarray(data["y"]))
        if n > DIAGNOSED:
            prediction = np.asarray(data[self.options["ref"].prediction], dtype=np.float64)
            spread = np.abs(prediction - np.median(prediction)).reshape(n, -1).max(axis=1)
            keep = np.union1d(np.arange(DIAGNOSED // 2), np.argsort(spread)[-(DIAGNOSED // 2) :])
            data = {
                name: (values[keep] if np.ndim(values) and len(values) == n else values)
                for name, values in data.items()
            }
            expected, _, magnitude = self.expected(data)
            value = self.call(data)
            got = to_numpy(value)
            if self.compare(got, expected, *self.tolerances(data, magnitude), data) is None:
                return None
        return diagnose(self, data, got, expected, result_precision(value))

    def references(self, data):
        """(the reference's per-sample function, its arguments, the number of classes)."""
        ref = self.options["ref"]
        classes = None
        np = _numpy()
        # one value per sample, whatever the column shape the loss was given ((n, 1) or (n,))
        columns = [data[name] if ref.has_classes and name in ("y", ref.prediction)
                   else np.reshape(data[name], -1) for name in ref.arguments]
        if ref.has_classes:
            classes = np.asarray(data[ref.arguments[1]]).shape[1]
            if np.asarray(columns[0]).ndim == 1:  # integer class labels
                columns[0] = datasets.one_hot(columns[0], classes)
        return ref, columns, classes

    def expected(self, data):
        """(the reduced reference value, the per-sample values, the summed magnitude for
        tolerances — None in float64, whose tolerances are fixed)."""
        np = _numpy()
        ref, columns, classes = self.references(data)
        weights = data.get("weights")
        with np.errstate(all="ignore"):
            per_sample = ref.function(classes)(*columns)
        reduced = self.reduce(per_sample, weights)
        if self.options["dtype"] == "float64":
            return reduced, per_sample, None
        return reduced, per_sample, self.magnitude(data, reduced)

    def magnitude(self, data, reduced):
        """The summed size of the terms the loss adds, Σ w (Σ_t |t| + 1) / W + |R| (dtypes)."""
        np = _numpy()
        ref, columns, classes = self.references(data)
        with np.errstate(all="ignore"):
            terms = ref.magnitude(classes)(*columns) + 1
        return self.reduce(terms, data.get("weights")) + np.abs(reduced)

    def value(self, data):
        """The reduced reference value alone (cheaper than `expected`)."""
        np = _numpy()
        ref, columns, classes = self.references(data)
        with np.errstate(all="ignore"):
            return self.reduce(ref.function(classes)(*columns), data.get("weights"))

    def reduce(self, per_sample, weights):
        np = _numpy()
        weights = None if weights is None else np.reshape(weights, -1)
        weighted = per_sample * weights if weights is not None else per_sample
        reduction = self.options["reduction"]
        if reduction == "none":
            return weighted
        total = np.sum(weighted)
        if reduction == "sum":
            return total
        return total / (np.sum(weights) if weights is not None else per_sample.size)

    def tolerances(self, data, magnitude):
        """(rtol, atol) of this check: the dtype's, unless the caller gave its own."""
        rtol, atol = self.allowed(self.options["dtype"], data, magnitude)
        return (self.rtol if self.rtol is not None else rtol), (
            self.atol if self.atol is not None else atol
        )

    def tolerances_in(self, dtype, data):
        """The (rtol, atol) a check in `dtype` would allow on these data."""
        return self.allowed(dtype, data, self.magnitude(data, self.value(data)))

    def allowed(self, dtype, data, magnitude):
        """(rtol, atol) of `dtype` for a reduced loss of this size (per sample for 'none')."""
        np = _numpy()
        if dtype == "float64":
            return dtypes.tolerance("float64", 1, 1.0)
        if self.options["reduction"] == "none":
            unit = dtypes.tolerance(dtype, 1, 1.0)[0]
            return unit, unit * magnitude
        return dtypes.tolerance(dtype, len(np.asarray(data["y"])), np.max(magnitude))

    def compare(self, got, expected, rtol, atol, data):
        """None when they match; else (what differs, got, expected)."""
        np = _numpy()
        if self.options["reduction"] == "none":
            if got.shape == (np.size(expected), 1):  # a column, as the loss's inputs may be
                got = got.reshape(-1)
            if got.shape != np.shape(expected):
                if got.ndim == 0:
                    return (
                        "a single value where reduction='none' asks for one value per sample",
                        float(got),
                        expected,
                    )
                return (
                    f"values of shape {got.shape} for {np.size(expected)} samples (shape "
                    f"{np.shape(expected)})",
                    got,
                    expected,
                )
            bad = ~_close(got, expected, rtol, atol)
            if bad.any():
                k = int(np.argmax(bad))
                return (f"per-sample loss {k}", float(got[k]), float(expected[k]))
            return None
        if got.ndim != 0:
            return (
                f"an array of shape {got.shape} (per-sample losses?) where reduction="
                f"{self.options['reduction']!r} asks for one number",
                got,
                expected,
            )
        if not _close(got, expected, rtol, atol):
            return ("loss", float(got), float(expected))
        return None

    def check_gradient(self, data, rtol, atol):
        np = _numpy()
        ref, columns, classes = self.references(data)
        position = 1 if self.options["labels_first"] else 0
        reduction = self.options["reduction"]

        def reduce(value):
            return value.sum() if reduction == "none" or getattr(value, "ndim", 0) else value

        try:
            got = self.backend.gradient(
                self.loss_fn, self.arrays(data), self.options["dtype"], position, reduce
            )
        except frameworks.NoGradient as error:  # gradients=False would hide the bug
            raise AssertionError(
                f"no gradient reaches the prediction {ref.prediction} from loss_fn "
                f"({self.backend.name}): {error}"
            ) from None
        except Exception as error:  # no graph, an in-place change of an input, a grad_fn's error
            raise AssertionError(
                f"the gradient of loss_fn ({self.backend.name}) could not be computed: "
                f"{type(error).__name__}: {error}; pass gradients=False to compare values only"
            ) from None
        with np.errstate(all="ignore"):
            slope = ref.gradient(classes)(*columns)
        weights = data.get("weights")
        scale = np.ones(len(slope)) if weights is None else weights
        if reduction == "mean":
            scale = scale / (np.sum(weights) if weights is not None else len(slope))
        expected = slope * (scale[:, None] if slope.ndim == 2 else scale)
        got = np.asarray(got, dtype=np.float64)
        if got.size != expected.size:
            raise AssertionError(
                f"the gradient of loss_fn ({self.backend.name}) has shape {got.shape}; the "
                f"prediction {ref.prediction} has shape {expected.shape}"
            )
        got = got.reshape(expected.shape)
        kinks = _kinks(ref, data)
        # the rounding scale of each coordinate: its terms' derivatives, as for values
        with np.errstate(all="ignore"):
            terms = ref.gradient_magnitude(classes)(*columns)
        terms = terms * (scale[:, None] if terms.ndim == 2 else scale)
        dtype = self.options["dtype"]
        if dtype == "float64":  # each coordinate against itself: one large one hides no other
            rtol = max(rtol, GRADIENT_RTOL)
            atol = 16 * dtypes.EPSILON["float64"] * terms
        else:
            unit = dtypes.tolerance(dtype, 1, 1.0)[0]
            atol = unit * (terms + np.abs(expected))
            if ref.prediction in ("z", "eta"):  # e^{z − c}, z − c rounded: at most u/e absolute
                atol = atol + unit * (scale[:, None] if atol.ndim == 2 else scale)
        atol = atol + dtypes.TINY[dtype]  # below the smallest normal number a type has no digits
        close = _close(got, expected, rtol, atol)
        bad = ~close & ~(kinks[:, None] if expected.ndim == 2 else kinks)
        if bad.any():
            hint = _common_factor(got, expected)
            where = np.unravel_index(int(np.argmax(bad)), bad.shape)
            coordinate = f"sample {where[0]}" + (f", class {where[1]}" if len(where) > 1 else "")
            raise AssertionError(
                self.message(
                    data,
                    (
                        f"the gradient with respect to {ref.prediction} ({self.backend.name}) "
                        f"at {coordinate}",
                        float(got[where]),
                        float(expected[where]),
                    ),
                    hint,
                    gradient=True,
                )
            )

    def message(self, data, problem, hint, gradient=False):
        what, got, expected = problem
        ref, options = self.options["ref"], self.options
        order = list(ref.arguments)
        if not options["labels_first"]:
            order[0], order[1] = order[1], order[0]
        if options["weights"]:
            order.append("weights")
        kind = "derivative of the proven" if gradient else "proven"
        gave = (
            "loss_fn's gradient is {}, the derivative of the proven loss is {}"
            if gradient
            else "loss_fn gave {}, the proven loss gives {}"
        )
        lines = [
            f"{what} differs from the {kind} {_loss_name(ref)} ({options['reduction']} reduction, "
            f"{options['dtype']}, called as loss_fn({', '.join(order)})):",
            "  data: " + _show_data(data, ref, options),
            "  " + gave.format(_show(got), _show(expected)) + _ratio(got, expected),
        ]
        if hint:
            lines.append(f"  likely cause: {hint}")
        return "\n".join(lines)


def _common_factor(got, expected):
    """'the gradient is c times the derivative' when one factor c relates every coordinate."""
    np = _numpy()
    used = np.abs(expected) > 1e-300
    if used.sum() < 1:
        return None
    ratios = got[used] / expected[used]
    factor = float(np.median(ratios))
    if not np.isfinite(factor) or np.max(np.abs(ratios - factor)) > 1e-6 * max(abs(factor), 1e-300):
        return None
    if abs(factor - 1) < 1e-3:  # the same gradient, off somewhere by rounding: no factor to name
        return None
    words = {-1.0: " (a sign error)", 0.0: " (no gradient flows to the prediction)"}
    return f"the gradient is {factor:.6g} × the derivative in every coordinate" + words.get(
        round(factor, 6), " (a factor missing from the backward pass, such as 1/n)"
    )


def _close(got, expected, rtol, atol):
    np = _numpy()
    got, expected = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.isfinite(got) & (np.abs(got - expected) <= atol + rtol * np.abs(expected))


def _kinks(ref, data):
    """Samples where the proven loss has no derivative (|y − μ| at y = μ): not compared."""
    np = _numpy()
    n = len(np.asarray(data["y"]))
    if ref.model == "laplace":
        return np.asarray(data["y"]) == np.asarray(data[ref.prediction])
    return np.zeros(n, dtype=bool)


def _loss_name(ref):
    names = {
        "bernoulli": "binary cross-entropy",
        "categorical": "categorical cross-entropy",
        "gaussian": "squared error",
        "poisson": "Poisson NLL",
        "laplace": "absolute error",
        "exponential": "exponential NLL",
        "binomial": "binomial NLL",
        "negative-binomial": "negative-binomial NLL",
    }
    return f"{names[ref.model]} ({ref.inputs}; theorem {ref.theorem!r})"


def _show_data(data, ref, options):
    np = _numpy()
    n = len(np.asarray(data["y"]))
    parts = [f"n = {n}"]
    for name in (*ref.arguments, *(["weights"] if options["weights"] else [])):
        values = np.asarray(data[name])
        shown = values[:8].tolist() if values.ndim else values.tolist()
        text = repr(shown) if values.ndim else repr(float(values))
        parts.append(f"{name} = {text[:-1] + ', …]' if values.ndim and len(values) > 8 else text}")
    return ", ".join(parts)


def _show(value):
    np = _numpy()
    value = np.asarray(value)
    if value.ndim == 0:
        return repr(float(value))
    return repr(value[:8].tolist())[:-1] + (", …]" if value.size > 8 else "]")


def _ratio(got, expected):
    np = _numpy()
    got, expected = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    if got.ndim or expected.ndim or expected == 0 or not np.isfinite(got):
        return ""
    return f" (ratio {float(got / expected):.6g})"


def _edge_cases(ref, options, classes):
    """Data sets always tried first: one sample, equal labels, predictions at their range's ends."""
    np = _numpy()
    rng = random.Random(0)
    source = datasets.RandomSource(rng)
    dtype, labels, weights = options["dtype"], options["labels"], options["weights"]
    cases = [datasets.dataset(source, ref, 1, dtype, labels, classes, weights)]
    for size in (3, 6):
        cases.append(datasets.dataset(source, ref, size, dtype, labels, classes, weights))
    base = dict(cases[-1])
    if ref.model == "bernoulli" and labels == "binary":  # each end of the prediction, each label
        base["y"] = np.arange(len(base["y"])) % 2 * 1.0
        cases.append({**base, "y": np.ones(len(base["y"]))})
    cases.extend(_extremes(ref, base, dtype))
    return cases


def _extremes(ref, base, dtype):
    """The last case with its predictions pushed to the ends of their range."""
    np = _numpy()
    prediction = np.asarray(base[ref.prediction], dtype=np.float64)
    ends = {
        "p": (1e-12, 1 - 1e-12),
        "q": (1e-12, 1 - 1e-12),
        "z": (-1000.0, 1000.0),
        "lambda": (1e-9, 50.0),
        "eta": (-12.0, 5.0),
        "mu": (-10.0, 10.0),
    }
    if ref.has_classes and ref.prediction == "p":  # rows with one class near 0, then near 1
        rows = []
        for end in (1e-12, 1 - 1e-12):
            row = np.full(prediction.shape, (1 - end) / (prediction.shape[1] - 1))
            row[:, 0] = end
            rows.append({**base, "p": dtypes.inside(row, dtype, 0.0, 1.0)})
        return rows
    if ref.prediction not in ends:
        return []
    low, high = ends[ref.prediction]
    made = []
    for value in (low, high):
        case = dict(base)
        low_end, high_end, open_low, open_high, _ = datasets.domain(ref.prediction)
        case[ref.prediction] = dtypes.inside(
            np.full(prediction.shape, value), dtype, low_end, high_end, open_low, open_high
        )
        made.append(case)
    return made
