"""Data sets for checking a model's loss: one generator, driven either by hypothesis (shrinking, in
`strategies.loss_datasets`) or by a seeded random source (fresh data to confirm a diagnosis).

A data set is a dict: argument name → float64 numpy array whose values are numbers of the requested
dtype and lie in the model's domain (probabilities strictly inside (0, 1), rates > 0, …), plus
``"weights"`` when asked.  Labels for K classes are one-hot rows, integers (``labels="integer"``: an
integer array of class numbers 0 … K−1) or rows on the simplex (``labels="soft"``).
"""

import math

from . import dtypes

__all__ = ["RandomSource", "HypothesisSource", "dataset"]



class RandomSource:
    """Random choices from a `random.Random`."""

    def __init__(self, rng):
        self.rng = rng

    def integer(self, low, high):
        return self.rng.randint(low, high)

    def uniform(self, low, high):
        return self.rng.uniform(low, high)

    def choice(self, options):
        return self.rng.choice(list(options))


class HypothesisSource:
    """The same choices drawn through hypothesis, so that failures shrink."""

    def __init__(self, draw):
        from hypothesis import strategies as st

        self.draw = draw
        # hypothesis draws floats and large integers mostly at simple or small values (bounds,
        # integers, halves), which would leave whole bands of a range unseen; its Random spreads
        # them while staying under its control (replayed, shrunk toward 0)
        self.random = draw(st.randoms(use_true_random=False))

    def integer(self, low, high):
        return self.random.randint(low, high)

    def uniform(self, low, high):
        return low + (high - low) * self.random.random()

    def choice(self, options):
        # through the Random too: hypothesis mixes constants from the modules loaded in the
        # process into its own integers and choices, so a verdict would depend on what ran before
        return self.random.choice(list(options))


def _near_end(source):
    """A distance to an end of a range in 1e-12 … 1e-3, each decade alike (as integers: hypothesis
    draws floats mostly at simple values, which would leave most decades unseen)."""
    return source.integer(100, 999) / 100 * 10.0 ** -source.integer(4, 12)


def _probability(source):
    kind = source.choice(("inside", "inside", "near 0", "near 1"))
    if kind == "inside":
        return source.uniform(1e-3, 1 - 1e-3)
    end = _near_end(source)
    return end if kind == "near 0" else 1 - end


def _value(source, name, model):
    """One value of a per-sample quantity, by its name in the proven loss."""
    if name in ("p", "q"):
        return _probability(source)
    if name == "z":
        if source.choice(("moderate",) * 4 + ("large",)) == "moderate":
            return source.uniform(-20, 20)
        return source.choice((-1, 1)) * source.uniform(20, 1000)
    if name in ("mu",):
        return source.uniform(-10, 10)
    if name == "lambda":
        return _near_end(source) if source.choice((0, 0, 0, 1)) else source.uniform(1e-3, 30)
    if name == "eta":
        return source.uniform(-10, 4)
    if name == "sigma":
        return source.uniform(0.1, 10)
    if name == "f":
        return float(source.integer(0, 10))
    if name == "y":
        if model == "bernoulli":
            return float(source.integer(0, 1))
        if model in ("gaussian", "laplace"):
            return source.uniform(-10, 10)
        if model == "exponential":
            return source.uniform(0, 20)
        if model == "binomial":
            return float(source.integer(0, 10))
        return float(source.integer(0, 30))  # counts: Poisson, negative binomial
    raise ValueError(f"no data for {name!r}")


# the domain of each quantity of the proven losses: (low, high, low open, high open, whole numbers)
DOMAINS = {
    "p": (0, 1, True, True, False),
    "q": (0, 1, True, True, False),
    "lambda": (0, None, True, False, False),
    "sigma": (0, None, True, False, False),
    "r": (0, None, True, False, False),
    "weights": (0, None, True, False, False),
    "f": (0, None, False, False, True),
}
LABEL_DOMAINS = {
    "bernoulli": (0, 1, False, False, False),
    "poisson": (0, None, False, False, True),
    "binomial": (0, None, False, False, True),
    "negative-binomial": (0, None, False, False, True),
    "exponential": (0, None, False, False, False),
}


def domain(name):
    """(low, high, low open, high open, whole numbers) of a quantity; unbounded when not listed."""
    return DOMAINS.get(name, (None, None, False, False, False))


def label_kinds(ref):
    """The label kinds a model accepts, its default first."""
    if ref.has_classes:
        return ("one-hot", "integer", "soft")
    return ("binary", "soft") if ref.model == "bernoulli" else (None,)


def dataset(source, ref, size, dtype="float64", labels=None, classes=None, weights=False):
    """A data set for the reference loss `ref` (see the module)."""
    import numpy as np

    data = {}
    if ref.has_classes:
        classes = classes or source.integer(2, 6)
    for name in ref.arguments:
        if name in ("r",):  # a fixed constant of the model (the negative binomial's dispersion)
            data[name] = np.asarray(dtypes.round_to([source.uniform(0.5, 10)], dtype)[0])
            continue
        if ref.has_classes:
            data[name] = _class_values(source, name, size, classes, dtype, labels)
            continue
        values = [_value(source, name, ref.model) for _ in range(size)]
        if name == "y" and ref.model == "bernoulli" and labels == "soft":
            values = [source.choice((0.0, 1.0, source.uniform(0, 1))) for _ in range(size)]
        elif name == "y" and ref.model == "bernoulli" and size > 1:
            pattern = source.choice(("mixed", "mixed", "all 0", "all 1"))
            values = values if pattern == "mixed" else [float(pattern == "all 1")] * size
        low, high, open_low, open_high, _ = domain(name)
        if dtype == "float16" and name in ("lambda", "q"):
            # in float16 a count over a tiny rate or probability, y/λ or y/q, is beyond 65504
            # (the gradient overflows whoever computes it): rates and q stay at 1e-3 or more
            values = [min(max(v, 1e-3), 1 - 1e-3) if name == "q" else max(v, 1e-3) for v in values]
        data[name] = dtypes.inside(values, dtype, low, high, open_low, open_high)
    if weights:
        data["weights"] = dtypes.inside(
            [source.uniform(0.01, 10) for _ in range(size)], dtype, 0.0, None, True, False
        )
    return data


def _class_values(source, name, size, classes, dtype, labels):
    import numpy as np

    if name == "y":
        if labels == "soft":
            rows = [[source.uniform(0.01, 1) for _ in range(classes)] for _ in range(size)]
            rows = [[v / sum(row) for v in row] for row in rows]
            return dtypes.round_to(rows, dtype)
        picked = [source.integer(0, classes - 1) for _ in range(size)]
        if size > 1 and source.choice((0, 0, 1)):  # every sample of one class
            picked = [picked[0]] * size
        if labels == "integer":
            return np.asarray(picked, dtype=np.int64)
        return np.eye(classes)[picked]
    if name == "p":  # rows on the simplex, sometimes with a class near 0
        rows = []
        for _ in range(size):
            row = [source.uniform(0.01, 1) for _ in range(classes)]
            if source.choice((0, 0, 1)):
                row[source.integer(0, classes - 1)] = _near_end(source) * sum(row)
            rows.append([v / sum(row) for v in row])
        return dtypes.inside(rows, dtype, 0.0, 1.0)
    rows = [[_value(source, "z", "categorical") for _ in range(classes)] for _ in range(size)]
    return dtypes.round_to(rows, dtype)


def one_hot(labels, classes):
    """Integer class labels as one-hot float rows."""
    import numpy as np

    return np.eye(classes)[np.asarray(labels, dtype=np.int64)]


def finite_limit(dtype):
    """ln of the largest number of the type: eᵘ overflows beyond it."""
    return math.log(dtypes.LARGEST[dtype])
