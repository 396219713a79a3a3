"""`proofs.testing.references`: per-sample losses read off the library theorems, compiled to
numpy, and confirmed against the proven loss at 50 digits (mpmath) — extreme logits and near-end
probabilities included."""

import random

import mpmath
import numpy as np
import pytest
import sympy as sp

from proofs import check
from proofs.kernel import Equal, Theorem
from proofs.kernel import rules as K
from proofs.testing import data as datasets
from proofs.testing import references as R

KEYS = sorted(R.MODELS)


def exact(ref, classes, columns, row, gradient=False):
    """ℓ (or its derivative in the prediction) at one sample, from the proven form, at 50 digits."""
    expr = ref.scalar_form(classes, stable=False)
    symbols = ref.symbols(classes)
    flat = [s for group in symbols for s in (group if isinstance(group, list) else [group])]
    at_row = [column[row] if np.ndim(column) else column for column in columns]
    values = [
        mpmath.mpf(float(v)) for value in at_row for v in (value if np.ndim(value) else [value])
    ]
    if gradient:
        wrt = symbols[1] if isinstance(symbols[1], list) else [symbols[1]]
        real = {s: sp.Symbol(s.name, real=True) for s in flat}
        return [
            float(
                sp.lambdify(
                    flat,
                    sp.diff(expr.xreplace(real), real[s]).xreplace({v: k for k, v in real.items()}),
                    "mpmath",
                )(*values)
            )
            for s in wrt
        ]
    return float(sp.lambdify(flat, expr, "mpmath")(*values))


@pytest.mark.parametrize("model, inputs", KEYS)
def test_compiled_reference_agrees_with_the_proven_loss_at_50_digits(model, inputs):
    ref = R.reference(model, inputs)
    rng = random.Random(7)
    with mpmath.workdps(50):
        for _ in range(6):
            classes = 4 if ref.has_classes else None
            data = datasets.dataset(datasets.RandomSource(rng), ref, 8, classes=classes)
            columns = [data[name] for name in ref.arguments]
            if ref.has_classes:
                columns[0] = np.asarray(columns[0], dtype=float)
            got = ref.function(classes)(*columns)
            slopes = ref.gradient(classes)(*columns)
            for row in range(8):
                assert got[row] == pytest.approx(
                    exact(ref, classes, columns, row), rel=1e-10, abs=1e-40
                )
                want = exact(ref, classes, columns, row, gradient=True)
                if model == "laplace" and columns[0][row] == columns[1][row]:
                    continue  # |y − μ| has no derivative there
                assert np.ravel(slopes[row]) == pytest.approx(want, rel=1e-9, abs=1e-40)


def test_no_overflow_where_the_naive_formula_overflows():
    bce = R.reference("bernoulli", "logits").function()
    assert bce(np.array([0.0, 1.0]), np.array([1000.0, -1000.0])).tolist() == [1000.0, 1000.0]
    softmax = R.reference("categorical", "logits").function(3)
    values = softmax(np.eye(3)[[0, 2]], np.array([[1000.0, 0.0, -1000.0], [800.0, 799.0, 0.0]]))
    assert values[0] == 0.0 and values[1] == pytest.approx(
        800.0 + np.log1p(np.exp(-1.0)), rel=1e-15
    )
    # 0·log 0 = 0 at the ends of the labels (xlogy), so a p of exactly 1 with y = 1 costs nothing
    assert R.reference("bernoulli").function()(np.array([1.0]), np.array([1.0])).tolist() == [0.0]


@pytest.mark.parametrize("model, inputs", KEYS)
def test_each_reference_rests_on_theorems_of_the_engine(model, inputs):
    ref = R.reference(model, inputs)
    rewrite, softplus, shift, link = ref.theorems
    for theorem in ref.theorems:  # the kernel accepts them as premises: made by its rules
        assert (
            isinstance(theorem, Theorem) and K.symm(theorem).statement.rhs == theorem.statement.lhs
        )
    assert rewrite.statement == Equal(ref.loss, ref.stable)
    assert link.statement.lhs.name in ("CE", "NLL", "MSE", "WMSE", "MAE", "BCE")
    assert softplus.statement.lhs == sp.log(1 + sp.exp(sp.Symbol("u")))


def test_every_library_loss_is_read_off_its_theorem():
    losses = R.theorem_losses()
    y, p, w = sp.symbols("y p w")
    where = {y: sp.FiniteSet(0, 1), p: sp.Interval.open(0, 1), w: sp.Interval.open(0, sp.oo)}
    # the weighted mean Σ wℓ / Σ w and the continuous Bernoulli's two sums have no per-sample form
    assert set(losses) == {
        "bernoulli",
        "bernoulli --reduction sum",
        "bernoulli_logits",
        "binomial",
        "categorical",
        "categorical --softmax",
        "exponential",
        "gaussian",
        "gaussian_weighted",
        "iid",
        "iid --continuous",
        "laplace",
        "logistic",
        "negative_binomial",
        "network",
        "poisson",
        "soft_labels",
        "weighted --reduction sum",
    }
    bce = -(y * sp.log(p) + (1 - y) * sp.log(1 - p))
    assert check.equal(losses["bernoulli"], bce, where=where)
    assert check.equal(losses["weighted --reduction sum"], w * bce, where=where)


def test_a_loss_without_a_per_sample_form_is_refused_clearly():
    from proofs.errors import UnsupportedError

    with pytest.raises(UnsupportedError, match="not one sum over the samples"):
        R.per_sample("soft_labels", normalized=True)
