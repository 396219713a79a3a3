"""Floating-point types for loss checks: rounding data to a type, its epsilon, and tolerances.

``float64``, ``float32`` and ``float16`` are numpy's; ``bfloat16`` is ml_dtypes' type when that
package is installed (JAX and PyTorch bring it) and otherwise float32 arrays holding bfloat16
values: rounding to bfloat16 keeps the top 16 bits of a float32, to nearest, ties to even.

Tolerances.  A loss computed in a type with unit roundoff u = ε/2 makes a relative error of a few u
per operation, on the terms it adds.  The data are numbers of the type, so no error comes from the
inputs themselves.  For the reduced loss R = Σ_i w_i ℓ_i / W the check allows

    |got − R| ≤ (4 + log₂(n + 1)) · u · (Σ_i w_i (Σ_t |t_i| + 1) / W + |R|)

where t_i runs over the additive terms of ℓ_i as implementations compute it (y log p and
(1 − y) log(1 − p); log Σ_j e^{z_j} and z_k, which cancel when one logit dominates): u times the
size of every term added, with a factor for the length of the sum.  A per-sample loss is checked
term by term with n = 1.  In float64 the defaults are rtol = 1e-6 and atol = 1e-9 (and a result of
lower precision than the data is an error of its own).
"""

import math

from . import numeric

__all__ = ["DTYPES", "epsilon", "round_to", "inside", "as_dtype", "tolerance"]

DTYPES = ("float64", "float32", "float16", "bfloat16")
EPSILON = {"float64": 2.0**-52, "float32": 2.0**-23, "float16": 2.0**-10, "bfloat16": 2.0**-7}
TINY = {"float64": 2.0**-1022, "float32": 2.0**-126, "float16": 2.0**-14, "bfloat16": 2.0**-126}
LARGEST = {
    "float64": 1.7976931348623157e308,
    "float32": 3.4028234663852886e38,
    "float16": 65504.0,
    "bfloat16": 3.3895313892515355e38,
}


def check_dtype(dtype):
    if dtype not in DTYPES:
        raise ValueError(f"dtype must be one of {', '.join(DTYPES)}, not {dtype!r}")


def epsilon(dtype):
    """The distance from 1 to the next larger number of the type."""
    return EPSILON[dtype]


def _np():
    return numeric.numpy_or_none()


def _ml_bfloat16():
    try:
        import ml_dtypes
    except ImportError:  # optional: without it bfloat16 values travel in float32 arrays
        return None
    return ml_dtypes.bfloat16


def round_to(values, dtype):
    """float64 array of the values rounded to the nearest number of the type."""
    np = _np()
    values = np.asarray(values, dtype=np.float64)
    if dtype == "float64":
        return values.copy()
    if dtype in ("float32", "float16"):
        with np.errstate(over="ignore"):
            return values.astype(dtype).astype(np.float64)
    bits = values.astype(np.float32).view(np.uint32).astype(np.uint64)
    bits = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000  # to nearest, ties to even
    return bits.astype(np.uint32).view(np.float32).astype(np.float64)


def inside(values, dtype, low, high, open_low=True, open_high=True):
    """The values rounded to the type, then moved to the nearest number of the type inside the
    interval when rounding took them onto or past an open end (p = 1 − 1e-12 becomes 1 − ε/2 in
    float32)."""
    np = _np()
    rounded = round_to(values, dtype)
    if low is not None:
        floor = _next_up(low, dtype) if open_low else low
        rounded = np.where(rounded < floor, floor, rounded)
    if high is not None:
        ceiling = _next_down(high, dtype) if open_high else high
        rounded = np.where(rounded > ceiling, ceiling, rounded)
    return rounded


def _next_up(value, dtype):
    if value == 0:
        return TINY[dtype]
    return _step(value, dtype, +1)


def _next_down(value, dtype):
    return _step(value, dtype, -1)


def _step(value, dtype, direction):
    """The neighbour of a number of the type: the step halved until the rounding changes."""
    step = abs(value) * EPSILON[dtype] * 2 if value else TINY[dtype]
    best = value
    for _ in range(8):
        candidate = float(round_to([value + direction * step], dtype)[0])
        if candidate != value:
            best = candidate
        step /= 2
    return best


def as_dtype(values, dtype):
    """A numpy array of the type (bfloat16: ml_dtypes' type, or float32 holding bfloat16 values)."""
    np = _np()
    values = np.asarray(values, dtype=np.float64)
    if dtype == "bfloat16":
        kind = _ml_bfloat16()
        return (
            values.astype(np.float32).astype(kind)
            if kind is not None
            else values.astype(np.float32)
        )
    return np.asarray(values, dtype=dtype)  # no copy when the values are of the type already


def tolerance(dtype, n, magnitude):
    """(rtol, atol) for a reduced loss of n terms of the given summed magnitude (see the module)."""
    if dtype == "float64":
        return 1e-6, 1e-9
    factor = (4 + math.log2(n + 1)) * EPSILON[dtype] / 2
    return factor, factor * magnitude
