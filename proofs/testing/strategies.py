"""Hypothesis strategies for testing losses and identities (requires hypothesis: ``pip install
proofs[test]``).

Data:
    probabilities()            floats in (0, 1), with extra mass within 1e-12 … 1e-3 of either end
    binary_labels(n)           lists of 0/1 of length n (all zeros and all ones included)
    bernoulli_datasets()       (y, p) pairs of equal length, n = 1 included
    categorical_datasets()     (one-hot labels, rows of probabilities on the simplex)
    loss_datasets(model, inputs=None, dtype="float64", ...)
                               dicts of numpy arrays for any model of `assert_loss_matches`: labels,
                               predictions (probabilities, logits, means, rates, log-rates), fixed
                               quantities and weights, as numbers of the dtype inside the model's
                               domain

False claims — each draws a `Claim`: a claim that is usually false, made by mutating a true one.  A
mutation is not always false, so call ``claim.counterexample()`` (a numeric witness, or None) before
requiring a refusal:
    mutated_log_identities(), mutated_positivity_claims(), mutated_monotonicity_claims()
and one family per class of unsound claim once accepted (docs/soundness.rst):
    captured_index_claims(), clashing_name_claims(), contradicted_assumption_claims(),
    dropped_definedness_claims(), redefined_constant_claims(), iterated_binder_claims()

>>> from hypothesis import given
>>> from proofs.testing.strategies import mutated_log_identities
>>> @given(mutated_log_identities())
... def test_refused(claim):
...     if claim.counterexample() is not None:
...         assert not claim.accepted()
"""

from dataclasses import dataclass, field

import sympy as sp
from hypothesis import strategies as st

from . import numeric

__all__ = ["probabilities", "binary_labels", "bernoulli_datasets", "categorical_datasets",
           "loss_datasets",
           "Claim",
           "mutated_log_identities", "mutated_positivity_claims", "mutated_monotonicity_claims",
           "captured_index_claims", "clashing_name_claims", "contradicted_assumption_claims",
           "dropped_definedness_claims", "redefined_constant_claims", "iterated_binder_claims"]

NEAR_ENDS = st.floats(min_value=1e-12, max_value=1e-3)


def probabilities():
    """Floats strictly inside (0, 1), often within 1e-12 … 1e-3 of 0 or of 1."""
    inside = st.floats(min_value=1e-12, max_value=1 - 1e-12, exclude_min=False, allow_nan=False)
    return st.one_of(inside, NEAR_ENDS, NEAR_ENDS.map(lambda e: 1.0 - e))


def binary_labels(size):
    """Lists of 0/1 labels of the given length; all zeros and all ones are drawn often."""
    return st.one_of(st.just([0] * size), st.just([1] * size),
                     st.lists(st.sampled_from([0, 1]), min_size=size, max_size=size))


@st.composite
def bernoulli_datasets(draw, min_size=1, max_size=64):
    """(y, p): binary labels and model probabilities of the same length (as lists of Python
    numbers)."""
    size = draw(st.one_of(st.just(min_size), st.integers(min_size, max_size)))
    return draw(binary_labels(size)), draw(st.lists(probabilities(), min_size=size, max_size=size))


@st.composite
def loss_datasets(draw, model="bernoulli", inputs=None, dtype="float64", labels=None, classes=None,
                  weights=False, min_size=1, max_size=20):
    """A data set for `model` (see `proofs.testing.assert_loss_matches`): argument name → numpy
    array (``"y"``, the prediction such as ``"p"``, ``"z"``, ``"mu"``, ``"lambda"`` or ``"eta"``,
    fixed quantities such as ``"sigma"``, and ``"weights"`` when asked), drawn through
    hypothesis."""
    from . import data, losses
    options = losses._options(model, inputs, "mean", weights, dtype, labels, None, None)
    losses._check_sizes(options["ref"], classes, max_size)
    size = draw(st.integers(min_size, max_size))
    return data.dataset(data.HypothesisSource(draw), options["ref"], size, dtype, options["labels"],
                        classes, weights)


@st.composite
def categorical_datasets(draw, min_classes=2, max_classes=6, min_size=1, max_size=20):
    """(labels, probabilities): one-hot rows and rows of positive probabilities summing to 1."""
    classes = draw(st.integers(min_classes, max_classes))
    size = draw(st.integers(min_size, max_size))
    labels, rows = [], []
    for _ in range(size):
        hot = draw(st.integers(0, classes - 1))
        labels.append([int(k == hot) for k in range(classes)])
        weights = draw(st.lists(st.floats(min_value=1e-6, max_value=1.0), min_size=classes,
                                max_size=classes))
        total = sum(weights)
        rows.append([w / total for w in weights])
    return labels, rows


# ----------------------------------------------------------------------------------- false claims
@dataclass(frozen=True)
class Claim:
    """A claim for `proofs.check` and a way to look for a numeric counterexample to it."""

    kind: str                      # "equal", "positive" or "strictly_increasing"
    args: tuple
    where: dict = field(default_factory=dict)
    mutation: str = ""
    seed: int = 0
    # a function returning a counterexample, where sampling is not enough
    witness: object = None

    def check(self):
        """Ask the engine: returns the Theorem or raises ProofError."""
        from .. import check
        if self.kind == "strictly_increasing":
            return check.strictly_increasing(*self.args, where=self.where)
        return getattr(check, self.kind)(*self.args, where=self.where)

    def accepted(self):
        from ..errors import ProofError
        try:
            self.check()
        except ProofError:
            return False
        return True

    def counterexample(self):
        """A point (or pair of points) showing the claim false, or None if none was found."""
        if self.witness is not None:
            return self.witness()
        if self.kind == "equal":
            return numeric.counterexample_to_equality(*self.args, self.where, self.seed)
        if self.kind == "positive":
            return numeric.counterexample_to_positivity(self.args[0], self.where, self.seed,
                                                        fixed={sp.Symbol("n", integer=True,
                                                                         positive=True):
                                                               1 + self.seed % 3})
        return numeric.counterexample_to_increasing(*self.args, self.seed)


_a, _b, _x, _p = sp.symbols("a b x p")
_n = sp.Symbol("n", integer=True, positive=True)
_POSITIVE = sp.Interval.open(0, sp.oo)
WIDER_DOMAINS = [sp.S.Reals, sp.Interval(0, sp.oo), sp.Interval.open(-1, sp.oo), sp.Interval(-2, 2)]
_ints = st.integers(-6, 6).filter(bool)
_positive_rationals = st.builds(sp.Rational, st.integers(1, 30), st.integers(1, 7))
_rationals = st.builds(sp.Rational, st.integers(-30, 30), st.integers(1, 7))
_seeds = st.integers(0, 2 ** 32 - 1)


@st.composite
def mutated_log_identities(draw):
    """log(c·a^k·b^m) = k log a + m log b + log c, mutated: flipped sign, wrong coefficient, dropped
    constant, widened domain of a, swapped bases."""
    k, m, c = draw(_ints), draw(_ints), draw(_positive_rationals.filter(lambda c: c != 1))
    mutation = draw(st.sampled_from(["flip", "coefficient", "drop_constant", "widen", "swap_base"]))
    where = {_a: _POSITIVE, _b: _POSITIVE}
    lhs, rhs = sp.log(c * _a ** k * _b ** m), k * sp.log(_a) + m * sp.log(_b) + sp.log(c)
    if mutation == "flip":
        rhs = -rhs
    elif mutation == "coefficient":
        rhs = rhs + sp.log(_a)
    elif mutation == "drop_constant":
        rhs = rhs - sp.log(c)
    elif mutation == "widen":
        where = {_a: draw(st.sampled_from(WIDER_DOMAINS)), _b: _POSITIVE}
    else:
        rhs = rhs.xreplace({_a: _b, _b: _a})
    return Claim("equal", (lhs, rhs), where, mutation, draw(_seeds))


@st.composite
def mutated_positivity_claims(draw):
    """k1·p + k2·(1 − p)^m + k3/n > 0 on p ∈ (0, 1), mutated: negated, shifted, scaled by 0, domain
    widened, multiplied by p on a wider domain."""
    k1, k2, k3 = draw(_positive_rationals), draw(_positive_rationals), draw(_positive_rationals)
    expr, where = (k1 * _p + k2 * (1 - _p) ** draw(st.integers(1, 4)) + k3 / _n,
                   {_p: sp.Interval.open(0, 1)})
    mutation = draw(st.sampled_from(["negate", "shift", "zero scale", "widen", "times p"]))
    wider = draw(st.sampled_from(WIDER_DOMAINS))
    if mutation == "negate":
        expr = -expr
    elif mutation == "shift":
        expr = expr - (k1 + k2 + k3)
    elif mutation == "zero scale":
        expr = 0 * expr
    elif mutation == "widen":
        where = {_p: wider}
    else:
        expr, where = expr * _p, {_p: wider}
    return Claim("positive", (expr,), where, mutation, draw(_seeds))


@st.composite
def mutated_monotonicity_claims(draw):
    """k·x + c, k·log x + c, k·x^m + c, c − k/x (all increasing), mutated: negated, squared, a jump
    (floor), a wiggle (sin), a pole inside the interval."""
    k, c, m = draw(_positive_rationals), draw(_rationals), draw(st.integers(1, 3))
    base = draw(st.sampled_from(["linear", "log", "power", "reciprocal"]))
    g, interval = {"linear": (k * _x + c, sp.S.Reals), "log": (k * sp.log(_x) + c, _POSITIVE),
                   "power": (k * _x ** m + c, _POSITIVE),
                   "reciprocal": (c - k / _x, _POSITIVE)}[base]
    mutation = draw(st.sampled_from(["negate", "square", "jump", "wiggle", "pole"]))
    if mutation == "negate":
        g = -g
    elif mutation == "square":
        g, interval = (g - c) ** 2, sp.Interval.open(-2, 2) if base == "linear" else interval
    elif mutation == "jump":
        g = g - 100 * k * sp.floor(_x)
    elif mutation == "wiggle":
        g = g + 100 * k * sp.sin(_x)
    else:
        g, interval = c - k / _x, sp.Interval.open(-1, 3)
    return Claim("strictly_increasing", (g, _x, interval), {}, mutation, draw(_seeds))


# ------------------------------------------------------------------------------ soundness classes
_i, _j, _k, _K = sp.symbols("i j k K")
_INDICES = sp.symbols("i j", integer=True, positive=True)
_fam = sp.IndexedBase("p")
_NATURALS = sp.S.Naturals


def _value(expr):
    """The exact value of a closed term (finite sums and products done), or None if undefined."""
    out = sp.sympify(expr).doit()
    return None if out.has(sp.zoo, sp.nan, sp.oo, -sp.oo, sp.I) or out.free_symbols else out


@st.composite
def captured_index_claims(draw):
    """a·c·Σ_{j=1}^{b} 1/(2j + d) claimed equal to Σ_{i=1}^{a} c·Σ_{j=1}^{b} 1/(i + j + d): what
    renaming the outer index i to j makes of the nested sum when the inner j captures it (or, with
    the outer index dropped, a·c·Σ_j 1/(j + d)).  The single sum comes first, so its index is the
    one a normal form would rename every sum to."""
    a, b, c, d = (draw(st.integers(2, 3)), draw(st.integers(1, 3)), draw(st.integers(2, 4)),
                  draw(st.integers(0, 3)))
    i, j = _INDICES  # as users write them: positive integers
    mutation = draw(st.sampled_from(["captured", "dropped outer index"]))
    d = 0 if mutation == "captured" else d
    nested = sp.Sum(c * sp.Sum(1 / (i + j + d), (j, 1, b)), (i, 1, a))
    shift = 2 * j if mutation == "captured" else j
    wrong = a * c * sp.Sum(1 / (shift + d), (j, 1, b))
    values = (_value(wrong), _value(nested))
    return Claim("equal", (wrong, nested), {}, mutation, draw(_seeds),
                 lambda: None if values[0] == values[1] else {"values": values})


@st.composite
def clashing_name_claims(draw):
    """x[1] − c > 0 with x ∈ [0, 1] for the family and a range above c for a scalar also named x
    (refused: one name, two objects), or x·x[1] claimed increasing in x with x[1] free."""
    c = draw(st.integers(2, 6))
    scalar, family = sp.Symbol("x"), sp.IndexedBase("x")
    mutation = draw(st.sampled_from(["positive", "increasing"]))
    if mutation == "positive":
        where = {family: sp.Interval(0, 1), scalar: sp.Interval(c + 1, c + 2)}
        return Claim("positive", (family[1] - c,), where, mutation, draw(_seeds),
                     lambda: {family[1]: 0})  # x[1] − c = −c < 0
    return Claim("strictly_increasing", (scalar * family[1], scalar, sp.Interval(0, 1)), {},
                 mutation, draw(_seeds), lambda: {family[1]: -1})  # x ↦ −x decreases


@st.composite
def contradicted_assumption_claims(draw):
    """A claim built with a symbol made positive=True, about a range where it is negative:
    c·|x| + d > 0 on [−b, −a] (sympy already wrote |x| as x), or |x| increasing on [−b, b]."""
    a, b = draw(st.integers(1, 3)), draw(st.integers(4, 6))
    c, d = draw(st.integers(1, 4)), draw(st.integers(-3, 0))
    positive = sp.Symbol("x", positive=True)
    if draw(st.booleans()):
        claim = c * sp.Abs(positive) + d  # = c·x + d once sympy has used x > 0
        where = {positive: sp.Interval(-b, -a)}
        # as sympy wrote it (c·x + d) the claim is false at x = −a: c·(−a) + d < 0
        return Claim("positive", (claim,), where, "positive on a negative range", draw(_seeds),
                     lambda: {positive: -a} if c * -a + d <= 0 else None)
    return Claim("strictly_increasing", (sp.Abs(positive), positive, sp.Interval(-b, b)), {},
                 "|x| on a symmetric interval", draw(_seeds), lambda: (-b, 0))  # |−b| > |0|


@st.composite
def dropped_definedness_claims(draw):
    """Claims true only where a subterm is defined, on a range where it is not everywhere (x + c = 0
    for some x in it): identities sympy would make true by dropping the subterm, built unevaluated —
    0·log(x + c) = 0, log(x + c) − log(x + c) = 0, log(x + c)/log(x + c) = 1, an empty sum times
    log(x + c) = 0 — a positive function of 1/(x + c), and an identity in the entry p[1/(x + c)]."""
    c = draw(st.integers(-3, 3))
    x, f = sp.Symbol("x"), sp.Function("f")
    inner = x + c
    low = draw(st.integers(-5, 0))
    where = {x: sp.Interval(low, low + 6)}
    at_pole = (lambda: {x: -c}) if low <= -c <= low + 6 else (lambda: None)
    mutation = draw(st.sampled_from(["zero times", "difference", "quotient", "empty sum",
                                     "function", "entry"]))
    if mutation == "function":
        return Claim("positive", (f(1 / inner),), {**where, f: sp.Interval.open(0, sp.oo)},
                     mutation, draw(_seeds), at_pole)
    entry = _fam[1 / inner]
    lhs, rhs = {
        "zero times": (sp.Mul(0, sp.log(inner), evaluate=False), 0),
        "difference": (sp.Add(sp.log(inner), -sp.log(inner), evaluate=False), 0),
        "quotient": (sp.Mul(sp.log(inner), sp.Pow(sp.log(inner), -1, evaluate=False),
                            evaluate=False), 1),
        "empty sum": (sp.Mul(sp.Sum(1, (_i, 1, 0)), sp.log(inner), evaluate=False), 0),
        "entry": ((entry + 1) ** 2 - entry ** 2 - 2 * entry, 1),
    }[mutation]
    return Claim("equal", (lhs, rhs), where, mutation, draw(_seeds), at_pole)


@st.composite
def redefined_constant_claims(draw):
    """D := c·x + d is positive on x ∈ (0, ∞); a second definition with the same name and the
    negated body is claimed positive too — after the first was proved, so a cache keyed by the name
    alone would answer."""
    c, d = draw(st.integers(1, 5)), draw(st.integers(0, 5))
    x = sp.Symbol("x")
    where = {x: sp.Interval.open(0, sp.oo)}
    from ..kernel import Defined
    first, second = Defined("D", c * x + d), Defined("D", -(c * x + d))

    def witness():
        from .. import check
        check.positive(first, where=where)  # proved, and remembered wherever the engine remembers
        return {x: 1}  # −(c + d) < 0
    return Claim("positive", (second,), where, "same name, negated body", draw(_seeds), witness)


@st.composite
def iterated_binder_claims(draw):
    """Iterated products and sums (several limits, as sympy merges ∏∏ and ΣΣ) with a symbolic number
    of classes K: ∏∏ p_{ik} − c > 0, ΣΣ (p_{ik} − c) > 0 for c ≥ 1, or −∏∏ p_{ik} > 0, with
    p ∈ (0, 1)."""
    c = draw(st.integers(1, 3))
    where = {_fam: sp.Interval.open(0, 1), _n: _NATURALS, _K: _NATURALS}
    mutation = draw(st.sampled_from(["product minus", "sum of differences", "negated product"]))
    product = sp.Product(_fam[_i, _k], (_k, 1, _K), (_i, 1, _n))
    claim = {"product minus": product - c,
             "sum of differences": sp.Sum(_fam[_i, _k] - c, (_k, 1, _K), (_i, 1, _n)),
             "negated product": -product}[mutation]
    point = {_n: 1, _K: 1, _fam[1, 1]: sp.Rational(1, 2)}
    return Claim("positive", (claim,), where, mutation, draw(_seeds),
                 lambda: point if _value(claim.xreplace({_n: 1, _K: 1}).doit().xreplace(point)) <= 0
                 else None)
