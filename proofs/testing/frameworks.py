"""Calling a user's loss in its own framework — numpy, PyTorch or JAX — and taking its gradient.

Detected by duck typing, without importing a framework the user has not imported: the loss is first
called on numpy arrays; a result that is a ``jax.Array`` means JAX (which accepts numpy input), a
``torch.Tensor`` means PyTorch.  A loss that refuses numpy input (most ``torch`` functions raise
TypeError) is called again with tensors when ``torch`` is already imported.  PyTorch takes bfloat16
by its bit pattern (it refuses numpy's ml_dtypes arrays).
"""

import sys

__all__ = ["Backend", "detect", "NUMPY", "NoGradient"]


class NoGradient(Exception):
    """The loss's value does not depend on the prediction in its framework's graph."""


class Backend:
    """How to pass arrays to a loss, read its result, and differentiate it."""

    name = "numpy"
    differentiable = False

    def inputs(self, arrays, dtype):
        from . import dtypes

        return [
            value
            if isinstance(value, list) or _is_integer(value)
            else dtypes.as_dtype(value, dtype)
            for value in arrays
        ]

    def call(self, loss_fn, arrays, dtype):
        return loss_fn(*self.inputs(arrays, dtype))

    def gradient(self, loss_fn, arrays, dtype, position, reduce):
        raise NotImplementedError


class Torch(Backend):
    name = "torch"
    differentiable = True

    def inputs(self, arrays, dtype, grad_position=None):
        import numpy as np
        import torch
        from . import dtypes

        made = []
        for position, value in enumerate(arrays):
            if _is_integer(value):  # integer class labels stay integers (int64) in every dtype
                tensor = torch.from_numpy(np.asarray(value, dtype=np.int64))
            elif dtype == "bfloat16":
                bits = dtypes.as_dtype(value, "float32")
                tensor = torch.from_numpy(np.ascontiguousarray(bits)).to(torch.bfloat16)
            else:
                tensor = torch.from_numpy(np.ascontiguousarray(dtypes.as_dtype(value, dtype)))
            if position == grad_position:
                tensor = tensor.clone().requires_grad_(True)
            made.append(tensor)
        return made

    def gradient(self, loss_fn, arrays, dtype, position, reduce):
        tensors = self.inputs(arrays, dtype, grad_position=position)
        out = reduce(loss_fn(*tensors))
        out.backward()
        gradient = tensors[position].grad
        if gradient is None:  # p.detach(), p.numpy() or a value rebuilt from numbers
            raise NoGradient("is it detached or turned into numpy inside the loss? Such a loss "
                             "trains nothing; make it differentiable in the prediction")
        return (gradient.float() if dtype == "bfloat16" else gradient).numpy()  # float64 kept


class Jax(Backend):
    name = "jax"
    differentiable = True

    def gradient(self, loss_fn, arrays, dtype, position, reduce):
        import jax
        import numpy as np

        values = self.inputs(arrays, dtype)

        def scalar(prediction):
            return reduce(loss_fn(*values[:position], prediction, *values[position + 1 :]))

        return np.asarray(jax.grad(scalar)(values[position]), dtype=np.float64)


NUMPY, TORCH, JAX = Backend(), Torch(), Jax()


class GradFn(Backend):
    """A loss with a user-supplied gradient function ``grad_fn(*arrays)`` → ∂loss/∂prediction."""

    name = "grad_fn"
    differentiable = True

    def __init__(self, base, grad_fn):
        self.base, self.grad_fn = base, grad_fn

    def inputs(self, arrays, dtype):
        return self.base.inputs(arrays, dtype)

    def gradient(self, loss_fn, arrays, dtype, position, reduce):
        from .losses import to_numpy

        return to_numpy(self.grad_fn(*self.inputs(arrays, dtype)))


def _is_integer(value):
    """Integer class labels, which travel as integers whatever the float type."""
    return getattr(value, "dtype", None) is not None and value.dtype.kind in "iu"


def kind_of(value):
    """'jax', 'torch' or 'numpy' for a loss's result, by its type (no new import)."""
    jax, torch = sys.modules.get("jax"), sys.modules.get("torch")
    if jax is not None and isinstance(value, jax.Array):
        return "jax"
    if torch is not None and isinstance(value, torch.Tensor):
        return "torch"
    return "numpy"


def detect(loss_fn, arrays, dtype, grad_fn=None):
    """(backend, the loss's value on `arrays`): numpy first, then tensors if torch is imported."""
    try:
        value = NUMPY.call(loss_fn, arrays, dtype)
        backend = {"jax": JAX, "torch": TORCH, "numpy": NUMPY}[kind_of(value)]
    except Exception as first:  # a torch loss refuses numpy arrays: TypeError, AttributeError, …
        if "torch" not in sys.modules:
            raise
        try:
            value, backend = TORCH.call(loss_fn, arrays, dtype), TORCH
        except Exception as second:  # it fails with tensors too: show both failures
            raise type(second)(
                f"loss_fn failed on numpy arrays ({type(first).__name__}: {first}) "
                f"and on torch tensors ({type(second).__name__}: {second})"
            ) from None
    if grad_fn is not None:
        backend = GradFn(backend, grad_fn)
    return backend, value
