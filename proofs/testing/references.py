"""Reference losses compiled from the library's proven theorems: no hand-written formula.

For a library theorem whose objective is a mean (or sum) of per-sample terms, `per_sample` reads
the term ℓ off the proven objective and has the engine prove the link ``objective = (1/n) Σ_i ℓ_i``
in the theorem's own context.  `reference(model, inputs)` then rewrites ℓ into a form that
evaluates well in floating point — each rewrite an identity the engine proves (``check.equal``) —
and compiles it with sympy's ``lambdify`` into a numpy function of whole arrays.  Four primitives
carry the numerics, each computed by an algorithm whose correctness rests on an identity the engine
proves when the reference is built:

- ``Softplus(u)`` = log(1 + eᵘ), computed as max(u, 0) + log1p(e^{−|u|})
  [log(1 + eᵘ) = u + log(1 + e^{−u})];
- ``LogSumExp(u_1, …)`` = log Σ_j e^{u_j}, computed as c + log1p(Σ_{j ≠ top} e^{u_j − c}) with
  c = max_j u_j [log Σ_j e^{u_j} = c + log Σ_j e^{u_j − c} for every real c];
- ``Log1p(u)`` = log(1 + u), numpy's log1p (exact near u = 0);
- ``XLogY(a, b)`` = a · log b, and 0 where a = 0 (a label at its end: 0 · log 0 = 0).

The compiled function is confirmed against the proven ℓ at 50 digits in the tests.  Gradients come
from sympy's derivative of the same form (each primitive knows its derivative: σ, softmax,
1/(1 + u)).
"""

import functools
from dataclasses import dataclass

import sympy as sp

from . import numeric

__all__ = ["MODELS", "Reference", "reference", "per_sample", "theorem_losses"]


class Softplus(sp.Function):
    """log(1 + eᵘ), computed without overflow."""

    def fdiff(self, argindex=1):
        return Sigmoid(self.args[0])


class Sigmoid(sp.Function):
    """1 / (1 + e^{−u}), computed without overflow."""

    def fdiff(self, argindex=1):
        return Sigmoid(self.args[0]) * (1 - Sigmoid(self.args[0]))


class LogSumExp(sp.Function):
    """log Σ_j e^{u_j} over its arguments, computed with the max shift."""

    def fdiff(self, argindex=1):
        return sp.exp(self.args[argindex - 1] - self)


class Log1p(sp.Function):
    """log(1 + u), exact near u = 0."""

    def fdiff(self, argindex=1):
        return 1 / (1 + self.args[0])


class XLogY(sp.Function):
    """a · log b, with 0 · log 0 = 0 (the label's end of the data)."""

    def fdiff(self, argindex=1):
        a, b = self.args
        return sp.log(b) if argindex == 1 else a / b


class XLog1pY(sp.Function):
    """a · log(1 + b), with 0 · log 0 = 0."""

    def fdiff(self, argindex=1):
        a, b = self.args
        return Log1p(b) if argindex == 1 else a / (1 + b)


# (model, inputs) -> (theorem, its options, the prediction's name, the stable target or None for ℓ
# itself); the first inputs of a model is its default
MODELS = {
    ("bernoulli", "probabilities"): ("bernoulli", {}, "p", None),
    ("bernoulli", "logits"): ("bernoulli_logits", {}, "z", "logits"),
    ("categorical", "probabilities"): ("categorical", {}, "p", None),
    ("categorical", "logits"): ("categorical", {"softmax": True}, "z", "softmax"),
    ("gaussian", "mean"): ("gaussian", {}, "mu", None),
    ("gaussian", "mean-and-sigma"): ("gaussian_weighted", {}, "mu", None),
    ("poisson", "rate"): ("poisson", {}, "lambda", None),
    ("poisson", "log-rate"): ("poisson", {}, "lambda", "log-rate"),
    ("laplace", "mean"): ("laplace", {}, "mu", None),
    ("exponential", "rate"): ("exponential", {}, "lambda", None),
    ("binomial", "probabilities"): ("binomial", {}, "q", None),
    ("negative-binomial", "probabilities"): ("negative_binomial", {}, "q", None),
}


def model_inputs(model):
    """The input kinds a model accepts, its default first."""
    return [inputs for name, inputs in MODELS if name == model]


@dataclass(frozen=True)
class Reference:
    """A per-sample loss, as proved and as compiled.

    ``loss``: ℓ for one observation (scalar symbols; a class axis as an IndexedBase over
    ``class_index`` up to ``classes``), read off the theorem.  ``stable``: the form compiled,
    equal to ``loss`` by ``theorems[0]``.  ``arguments``: the names a numeric call takes, in
    order (labels, prediction, then any fixed per-sample quantity such as σ).  ``theorems``: the
    engine's proofs (ℓ = stable form, the primitives' identities, the link with the objective)."""

    model: str
    inputs: str
    theorem: str
    arguments: tuple
    prediction: str
    loss: sp.Expr
    stable: sp.Expr
    theorems: tuple
    class_index: object = None
    classes: object = None
    terms: tuple = ()

    @property
    def has_classes(self):
        return self.classes is not None

    def symbols(self, classes=None):
        """The sympy symbols of the scalar form (K classes: a symbol per class and argument)."""
        return _symbols(self, classes)

    def function(self, classes=None):
        """numpy function of the arguments (arrays of shape (n,), or (n, K) for a class axis) →
        the n per-sample losses."""
        return _compiled(self, classes, "value")

    def gradient(self, classes=None):
        """numpy function → ∂ℓ_i/∂(prediction) for each sample (shape (n,) or (n, K))."""
        return _compiled(self, classes, "gradient")

    def gradient_magnitude(self, classes=None):
        """numpy function → Σ_t |∂t/∂(prediction)| over the same terms, for each coordinate (the
        rounding-error scale of a low-precision gradient)."""
        return _compiled(self, classes, "gradient-magnitude")

    def magnitude(self, classes=None):
        """numpy function → Σ |t| over the additive terms of ℓ as textbooks write it (for the
        rounding-error scale of low-precision tolerances)."""
        return _compiled(self, classes, "magnitude")

    def scalar_form(self, classes=None, stable=True):
        """ℓ (or its stable form) with the class sum written out for a given number of classes."""
        expr = self.stable if stable else self.loss
        if not self.has_classes:
            return expr
        return _written_out(expr, self, classes)


# ------------------------------------------------------------------------------------------------
# extraction
@functools.lru_cache(maxsize=None)
def _proof(theorem, options):
    from .. import prove

    return prove(theorem, **dict(options))


def per_sample(theorem, **options):
    """(ℓ_i with the sample index, the sample index, n, the theorem's context, link theorem) for a
    library theorem whose objective is (1/n) Σ_i ℓ_i or Σ_i ℓ_i; the link ``objective = …`` is
    proved by the engine."""
    return _per_sample(theorem, tuple(sorted(options.items())))


@functools.lru_cache(maxsize=None)
def _per_sample(theorem, options):
    from .. import check
    from ..errors import UnsupportedError
    from ..rules.normal_form import unfolded_term

    proof = _proof(theorem, options)
    index, size = proof.symbols["index"], proof.symbols["size"]
    objective = proof.definitions[-1]
    body = objective.body
    sums = [
        node
        for node in sp.preorder_traversal(body)
        if isinstance(node, sp.Sum) and node.limits[-1][0] == index
    ]
    if len(sums) != 1:
        raise UnsupportedError(
            f"{theorem}: the objective {objective} = {body} is not one sum over the "
            "samples, so it has no per-sample loss"
        )
    (total,) = sums
    replaced = body.xreplace({total: total.function})
    term = replaced * size if size in replaced.free_symbols else replaced
    if size in term.free_symbols or not total.function.has(index):
        raise UnsupportedError(
            f"{theorem}: the objective {body} is not a mean or a sum of per-sample terms"
        )
    term = unfolded_term(term)
    reduction = sp.Sum(term, (index, 1, size)) / (size if size in replaced.free_symbols else 1)
    link = check.equal(objective, reduction, where=proof.theorem.context)
    return term, index, size, proof.theorem.context, link


def _scalarized(term, index):
    """ℓ_i → ℓ: y[i] becomes the symbol y, y[i, k] the class family y[k]; and name → kind."""
    mapping, kinds = {}, {}
    for node in sp.preorder_traversal(term):
        if isinstance(node, sp.Indexed) and node.indices[0] == index:
            name = str(node.base.label)
            if len(node.indices) == 1:
                mapping[node] = sp.Symbol(name)
                kinds[name] = "sample"
            else:
                mapping[node] = sp.IndexedBase(name)[node.indices[1:]]
                kinds[name] = "class"
    return term.xreplace(mapping), kinds


def theorem_losses():
    """Every library theorem with a per-sample loss: name → its ℓ (scalar form)."""
    from ..errors import ProofError
    from ..theorems import LIBRARY

    found = {}
    for name, (_, _, allowed) in sorted(LIBRARY.items()):
        variants = [{}] + [{key: value} for key, values in allowed.items() for value in values[1:]]
        for options in variants:
            try:
                term, index, _, _, _ = per_sample(name, **options)
            except ProofError:
                continue
            label = name + "".join(
                f" --{key}" if value is True else f" --{key} {value}"
                for key, value in options.items()
            )
            found[label] = _scalarized(term, index)[0]
    return found


# ------------------------------------------------------------------------------------------------
# references
@functools.lru_cache(maxsize=None)
def reference(model, inputs=None):
    """The `Reference` of a model ("bernoulli", "categorical", …) for an input kind (`MODELS`)."""
    from .. import check

    if inputs is None:
        inputs = (model_inputs(model) or [None])[0]
    if (model, inputs) not in MODELS:
        known = sorted({name for name, _ in MODELS})
        if model not in known:
            raise ValueError(f"unknown model {model!r}; models: {', '.join(known)}")
        raise ValueError(
            f"model {model!r} takes inputs {' or '.join(map(repr, model_inputs(model)))}, "
            f"not {inputs!r}"
        )
    theorem, options, prediction, target = MODELS[(model, inputs)]
    term, index, size, context, link = per_sample(theorem, **options)
    loss, kinds = _scalarized(term, index)
    class_index = next(
        (node.indices[0] for node in sp.preorder_traversal(loss) if isinstance(node, sp.Indexed)),
        None,
    )
    classes = next((s for s in loss.free_symbols if str(s) == "K"), None) if class_index else None
    where = _scalar_where(context, kinds, loss)
    labels = "y"
    if target == "log-rate":  # λ = e^η: the loss of the log-rate, proved from the loss of the rate
        rate, eta = sp.Symbol(prediction), sp.Symbol("eta")
        loss = loss.xreplace({rate: sp.exp(eta)})
        where = {**{k: v for k, v in where.items() if k != rate}, eta: sp.S.Reals}
        prediction = "eta"
    stable = _stable_target(target, loss, class_index, classes)
    rewrite = check.equal(loss, stable, where=where)
    # then each fixed per-sample quantity (σ_i, the failures f_i), then each global constant (r)
    extra = sorted(
        name
        for name, kind in kinds.items()
        if kind == "sample" and name not in (labels, prediction, MODELS[(model, inputs)][2])
    )
    constants = sorted(
        str(s)
        for s in loss.free_symbols
        if type(s) is sp.Symbol
        and s != classes
        and s != class_index
        and str(s) not in kinds
        and str(s) not in (labels, prediction)
    )
    arguments = (labels, prediction, *extra, *constants)
    return Reference(
        model,
        inputs,
        theorem,
        arguments,
        prediction,
        loss,
        stable,
        (rewrite, *_primitive_identities(), link),
        class_index,
        classes,
        _textbook_terms(target, loss, class_index, classes),
    )


def _scalar_where(context, kinds, loss):
    """The ranges of ℓ's symbols, from the theorem's context (y[i] ∈ {0, 1} gives y ∈ {0, 1})."""
    where = {}
    for key, real_set in context.entries:
        name = str(key)
        if kinds.get(name) == "sample":
            where[sp.Symbol(name)] = real_set
        elif kinds.get(name) == "class":
            where[sp.IndexedBase(name)] = real_set
        elif isinstance(key, sp.Symbol) and key in loss.free_symbols:
            where[key] = real_set
    return where


def _textbook_terms(target, loss, class_index, classes):
    """The additive terms of ℓ as implementations commonly compute it: for softmax logits
    (Σ_k y_k) log Σ_j e^{z_j} and Σ_k y_k z_k, which cancel when one logit dominates."""
    if target == "log-rate":
        eta, y = sp.Symbol("eta"), sp.Symbol("y")
        return (sp.exp(eta), y * eta)
    if target == "logits":  # implementations shift by max(z, 0): z itself is added and removed
        return (*sp.Add.make_args(loss), sp.Symbol("z"))
    if target != "softmax":
        return sp.Add.make_args(loss)
    k, j = class_index, sp.Symbol("j")
    labels, logits = sp.IndexedBase("y"), sp.IndexedBase("z")
    total = sp.Sum(labels[k], (k, 1, classes))
    return (
        total * sp.log(sp.Sum(sp.exp(logits[j]), (j, 1, classes))),
        sp.Sum(labels[k] * logits[k], (k, 1, classes)),
    )


def _stable_target(target, loss, class_index, classes):
    """The form compiled, free of cancellations: a loss with no such risk is compiled as proved.

    logits, two classes: log(1 + eᶻ) − yz = y log(1 + e^{−z}) + (1 − y) log(1 + eᶻ) (two softpluses
    of opposite signs: no large terms cancel when the label's logit dominates);  softmax:
    −Σ_k y_k log(e^{z_k} / Σ_j e^{z_j}) = Σ_k y_k log Σ_j e^{z_j − z_k} (each log-sum-exp shifted by
    the label's own logit, so a dominant logit gives log(1 + small) exactly);  log-rate:
    e^η − yη."""
    y, z = sp.Symbol("y"), sp.Symbol("z")
    if target == "log-rate":
        eta = sp.Symbol("eta")
        return sp.exp(eta) - y * eta
    if target == "logits":
        return y * sp.log(1 + sp.exp(-z)) + (1 - y) * sp.log(1 + sp.exp(z))
    if target != "softmax":
        return loss
    k, j = class_index, sp.Symbol("j")
    labels, logits = sp.IndexedBase("y"), sp.IndexedBase("z")
    shifted = sp.log(sp.Sum(sp.exp(logits[j] - logits[k]), (j, 1, classes)))
    return sp.Sum(labels[k] * shifted, (k, 1, classes))


@functools.lru_cache(maxsize=None)
def _primitive_identities():
    """The identities the primitives' algorithms rest on, proved by the engine."""
    from .. import check

    u, c, j, count = sp.symbols("u c j K")
    family = sp.IndexedBase("u")
    softplus = check.equal(sp.log(1 + sp.exp(u)), u + sp.log(1 + sp.exp(-u)))
    shift = check.equal(
        sp.log(sp.Sum(sp.exp(family[j]), (j, 1, count))),
        c + sp.log(sp.Sum(sp.exp(family[j] - c), (j, 1, count))),
        where={count: sp.S.Naturals, family: sp.S.Reals, c: sp.S.Reals},
    )
    return softplus, shift


# ------------------------------------------------------------------------------------------------
# compiling
def _symbols(ref, classes):
    """The argument symbols in call order: a symbol per argument, or per argument and class."""
    if not ref.has_classes:
        return [sp.Symbol(name) for name in ref.arguments]
    return [[sp.Symbol(f"{name}_{c}") for c in range(1, classes + 1)] for name in ref.arguments]


def _written_out(expr, ref, classes):
    """The class sums written out for K = classes, y[k] → y_k."""
    expr = expr.xreplace({ref.classes: sp.Integer(classes)}).doit()
    mapping = {
        node: sp.Symbol(f"{node.base.label}_{node.indices[0]}")
        for node in sp.preorder_traversal(expr)
        if isinstance(node, sp.Indexed)
    }
    return expr.xreplace(mapping)


def with_primitives(expr):
    """log(1 + eᵘ) → Softplus(u), log of a sum of exponentials → LogSumExp, log(1 + u) → Log1p(u),
    a · log b → XLogY(a, b): the same function, named for its careful algorithm."""

    def rewrite(node):
        if isinstance(node, sp.log):
            arg = node.args[0]
            terms = sp.Add.make_args(arg)
            exponents = [
                t.args[0] if isinstance(t, sp.exp) else 0 if t == 1 else None for t in terms
            ]
            softplus = len(terms) == 2 and 1 in terms
            if len(terms) >= 2 and None not in exponents and not softplus:  # 1 = e⁰ too
                return LogSumExp(*exponents)
            if isinstance(arg, sp.Add) and 1 in terms:
                rest = arg - 1
                if isinstance(rest, sp.exp):
                    return Softplus(rest.args[0])
                return Log1p(rest)
        if isinstance(node, sp.Mul):
            logs = [f for f in node.args if isinstance(f, (sp.log, Log1p))]
            if len(logs) == 1:
                coefficient = node / logs[0]
                if isinstance(logs[0], Log1p):
                    return XLog1pY(coefficient, logs[0].args[0])
                return XLogY(coefficient, logs[0].args[0])
        return node

    return _bottom_up(expr, rewrite)


def _bottom_up(expr, rewrite):
    if not expr.args:
        return rewrite(expr)
    return rewrite(expr.func(*(_bottom_up(arg, rewrite) for arg in expr.args)))


@functools.lru_cache(maxsize=None)
def _compiled(ref, classes, kind):
    """numpy function of the arguments for kind "value", "gradient" (∂ℓ/∂prediction) or "magnitude"
    (Σ |t| over the additive terms t of the textbook form: the scale of a float computation's
    rounding errors, whatever cancellation the implementation meets)."""
    numpy = _numpy()
    gradient = kind == "gradient"
    symbols = _symbols(ref, classes)
    expr = ref.scalar_form(classes)
    terms = [_written_out(t, ref, classes) if ref.has_classes else t for t in ref.terms]
    if kind == "magnitude":
        expr = sp.Add(*(sp.Abs(t) for t in terms))
    # real symbols, so that sympy differentiates |u| as sign(u)
    real = {s: sp.Symbol(s.name, real=True) for s in expr.free_symbols}
    expr = with_primitives(expr.xreplace(real))
    symbols = [
        [real.get(s, s) for s in group] if isinstance(group, list) else real.get(group, group)
        for group in symbols
    ]
    flat = [s for group in symbols for s in (group if isinstance(group, list) else [group])]
    wrt = symbols[1] if isinstance(symbols[1], list) else [symbols[1]]
    if kind == "gradient-magnitude":  # Σ_t |∂t/∂x| for each coordinate x of the prediction
        terms = [with_primitives(t.xreplace(real)) for t in terms]
        parts = [sp.Add(*(sp.Abs(sp.diff(t, s)) for t in terms)) for s in wrt]
        functions = [_lambdify(flat, part, numpy) for part in parts]
        gradient = True
    elif gradient:
        parts = [sp.diff(expr, s) for s in wrt]
        functions = [_lambdify(flat, part, numpy) for part in parts]
    else:
        functions = [_lambdify(flat, expr, numpy)]
    if not ref.has_classes:

        def call(*arrays):
            arrays = [numpy.asarray(a, dtype=numpy.float64) for a in arrays]
            shape = numpy.broadcast(*arrays).shape
            values = numpy.asarray(functions[0](*arrays), dtype=numpy.float64)
            return values if values.shape == shape else numpy.broadcast_to(values, shape).copy()

        return call

    def call_classes(*arrays):
        arrays = [numpy.asarray(a, dtype=numpy.float64) for a in arrays]
        columns = [a[:, c] for a in arrays for c in range(classes)]
        shape = arrays[0].shape[:1]
        values = [numpy.broadcast_to(f(*columns), shape).astype(numpy.float64) for f in functions]
        return values[0] if not gradient else numpy.stack(values, axis=1)

    return call_classes


def _lambdify(symbols, expr, numpy):
    return sp.lambdify(symbols, expr, modules=[NUMERIC_PRIMITIVES, "numpy"])


def _numpy():
    numpy = numeric.numpy_or_none()
    if numpy is None:
        raise ImportError("compiled reference losses need numpy (pip install proofs[test])")
    return numpy


def _softplus(u):
    np = _numpy()
    return np.logaddexp(0.0, u)  # max(u, 0) + log1p(exp(−|u|))


def _sigmoid(u):
    np = _numpy()
    u = np.asarray(u, dtype=np.float64)
    e = np.exp(-np.abs(u))  # never overflows
    return np.where(u >= 0, 1 / (1 + e), e / (1 + e))


def _logsumexp(*columns):
    np = _numpy()
    stacked = np.stack(np.broadcast_arrays(*map(np.asarray, columns)), axis=0).astype(np.float64)
    top = stacked.argmax(axis=0)
    shift = np.take_along_axis(stacked, top[None], axis=0)[0]
    shift = np.where(np.isfinite(shift), shift, 0.0)
    others = (
        np.arange(len(stacked)).reshape((-1,) + (1,) * top.ndim) != top
    )  # the largest term is 1
    # c + log1p(Σ_{j ≠ top} e^{u_j − c}): exact when one term dominates
    return shift + np.log1p((np.exp(stacked - shift) * others).sum(axis=0))


def _xlogy(a, b):
    return _times_log(a, b, _numpy().log)


def _xlog1py(a, b):
    return _times_log(a, b, _numpy().log1p)


def _times_log(a, b, log):
    """a · log(b), 0 where a = 0: the plain product, mended only where it is not finite (one
    extra pass over the data when nothing needs mending)."""
    np = _numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        product = np.multiply(a, log(b))
        if np.isfinite(np.sum(product)):
            return product
        a, product = np.broadcast_arrays(np.asarray(a, dtype=np.float64), product)
        return np.where(a == 0, 0.0, product)


def _log1p(u):
    return _numpy().log1p(u)


NUMERIC_PRIMITIVES = {
    "Softplus": _softplus,
    "Sigmoid": _sigmoid,
    "LogSumExp": _logsumexp,
    "Log1p": _log1p,
    "XLogY": _xlogy,
    "XLog1pY": _xlog1py,
    "Abs": lambda u: _numpy().abs(u),
    "sign": lambda u: _numpy().sign(u),
}
