"""`proofs.testing`: assertion helpers, the loss checker on correct and buggy losses, strategies,
the plugin."""

import math
import re
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import proofs
from proofs.testing import (assert_equal, assert_loss_matches, assert_loss_matches_on,
                            assert_numerically_equal, assert_same_optimizers, numeric)
from proofs.testing import strategies as S

ROOT = Path(__file__).resolve().parent.parent
a, b = sp.symbols("a b")
POS = sp.Interval.open(0, sp.oo)


# ----------------------------------------------------------------------------------------- losses
def correct_bce(y, p):
    y, p = np.asarray(y, dtype=float), np.asarray(p, dtype=float)
    return -np.mean(y * np.log(p) + (1 - y) * np.log1p(-p))


def missing_minus(y, p):
    return np.mean(y * np.log(p) + (1 - y) * np.log1p(-p))


def log_base_2(y, p):
    return -np.mean(y * np.log2(p) + (1 - y) * np.log2(1 - p))


def sum_not_mean(y, p):
    return -np.sum(y * np.log(p) + (1 - y) * np.log1p(-p))


def swapped_arguments(p, y):  # a (p, y) function called as (y, p)
    return correct_bce(y, p)


def clipped(y, p):
    p = np.clip(p, 1e-3, 1 - 1e-3)
    return correct_bce(y, p)


def test_correct_loss_passes_500_examples():
    calls = []

    def counting(y, p):
        calls.append(len(y))
        return correct_bce(y, p)

    assert_loss_matches(counting)
    assert len(calls) >= 500 and 1 in calls


@pytest.mark.parametrize("buggy, hint", [
    (missing_minus, "ratio -1)\n  likely cause: a missing minus sign"),
    (log_base_2, "ratio 1.4427)\n  likely cause: logs in base 2"),
    (sum_not_mean, "likely cause: a sum instead of the mean"),
    (swapped_arguments, "likely cause: the arguments are swapped"),
    (clipped, "likely cause: probabilities clipped to [ε, 1 − ε] with ε ≈ 0.001")])
def test_buggy_losses_fail_with_the_data_and_the_named_cause(buggy, hint):
    with pytest.raises(AssertionError) as failure:
        assert_loss_matches(buggy, max_examples=200)
    message = str(failure.value)
    assert ("differs from the proven binary cross-entropy (probabilities; theorem 'bernoulli')"
            in message)
    assert "(mean reduction, float64, called as loss_fn(y, p))" in message
    assert "data: n = " in message and "y = [" in message and "p = [" in message
    assert hint in message


def test_sum_reduction_and_argument_order():
    assert_loss_matches(sum_not_mean, reduction="sum", max_examples=100)
    assert_loss_matches(swapped_arguments, signature="p, y", max_examples=100)
    with pytest.raises(ValueError, match="signature"):
        assert_loss_matches(correct_bce, signature="labels first")


def test_pure_python_list_loss_and_per_sample_arrays():
    def python_bce(y, p):
        assert isinstance(y, list) and isinstance(p, list)
        return -sum(yi * math.log(pi) + (1 - yi) * math.log1p(-pi) for yi, pi in zip(y, p)) / len(y)

    assert_loss_matches(python_bce, array_type="list", max_examples=100)

    def per_sample(y, p):
        return -(y * np.log(p) + (1 - y) * np.log1p(-p))

    assert_loss_matches(per_sample, reduction="none", max_examples=100)
    with pytest.raises(AssertionError, match="per-sample loss"):
        assert_loss_matches(lambda y, p: per_sample(y, p) * 1.001, reduction="none",
                            max_examples=50)
    # per-sample values where one number is asked for: said so, not compared element by element
    with pytest.raises(AssertionError, match=r"per-sample losses\?\) where reduction='mean' asks"):
        assert_loss_matches(per_sample, max_examples=10)


def test_loss_checks_need_numpy(monkeypatch):
    monkeypatch.setattr(numeric, "numpy_or_none", lambda: None)
    with pytest.raises(ImportError, match="pip install 'proofs\\[test\\]'"):
        assert_loss_matches_on(correct_bce, [1, 0, 1], [0.3, 0.4, 0.9])


def test_large_data_set():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, size=10 ** 6)
    p = rng.uniform(1e-9, 1 - 1e-9, size=10 ** 6)
    assert_loss_matches_on(correct_bce, y, p)
    with pytest.raises(AssertionError, match="n = 1000000"):
        assert_loss_matches_on(clipped, y, np.where(rng.random(10 ** 6) < 0.5, 1e-6, p))


# ------------------------------------------------------------------------------------- identities
def test_assert_equal_and_its_failure_message():
    assert assert_equal(sp.log(a * b), sp.log(a) + sp.log(b), where={a: POS, b: POS})
    with pytest.raises(AssertionError) as failure:
        assert_equal(sp.log(a * b), sp.log(a) + sp.log(b), where={a: sp.S.Reals, b: sp.S.Reals})
    message = str(failure.value)
    assert "is false: at {a = " in message and "UNDEFINED" in message


def test_assert_same_optimizers(bern):
    assert assert_same_optimizers(bern.likelihood, bern.ce, [bern.p], where=bern.where)
    with pytest.raises(AssertionError, match="is false: at .*, over a set T"):
        assert_same_optimizers(bern.likelihood, bern.ce, [bern.p], where=bern.where,
                               senses=("max", "max"))


def test_assert_numerically_equal(bern):
    theorem = proofs.check.equal(sp.log(bern.likelihood), -bern.n * bern.ce, where=bern.where)
    assert_numerically_equal(theorem, samples=30)
    assert_numerically_equal((sp.log(a ** 2), 2 * sp.log(a)), where={a: POS})
    assert_numerically_equal(sp.Eq((a + b) ** 2, a ** 2 + 2 * a * b + b ** 2))
    with pytest.raises(AssertionError, match="fails numerically at"):
        assert_numerically_equal((sp.log(bern.likelihood), bern.n * bern.ce), where=bern.where)
    with pytest.raises(AssertionError, match="undefined|right side"):
        assert_numerically_equal((sp.log(a ** 2), 2 * sp.log(a)), where={a: sp.Interval(-2, -1)})
    # two sides, as assert_equal takes them, say how to pass one equality (not "samples must be")
    with pytest.raises(TypeError, match=r"assert_numerically_equal\(\(lhs, rhs\)\)"):
        assert_numerically_equal(sp.log(4), 2 * sp.log(2))


def test_assert_numerically_equal_compares_something_everywhere_it_should():
    """Found by a review: a family with no range was never given values (undefined = undefined
    passed), nor entries past p[4] or of a two-index family; f(x) = f(x) + 1 passed; points were
    drawn only in [-3, 3] and sizes 1..4; samples=0 compared nothing."""
    x, m = sp.Symbol("x"), sp.Symbol("m", integer=True)
    i, j = sp.symbols("i j", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    p, X, f = sp.IndexedBase("p"), sp.IndexedBase("X"), sp.Function("f")
    unit = sp.Interval(0, 1)
    # p = 1/3, 1/5: 8/15 and 46/15
    false = [((sp.Sum(p[i], (i, 1, n)), sp.Sum(2 * p[i] + 1, (i, 1, n))), None),
             ((sp.Sum(X[i, j], (i, 1, n), (j, 1, n)), sp.Sum(X[i, j], (i, 1, n), (j, 1, n)) + 1),
              {X: unit}),
             ((sp.Sum(p[i], (i, 5, n + 5)), 0), {p: unit}),
             ((sp.Max(x, 4), 4), None),  # 5 at x = 5
             ((sp.Min(x, 6), x), {x: sp.Interval.open(0, sp.oo)}),  # 6 at x = 7
             ((sp.Sum(i, (i, 1, n)), n * (n + 1) / 2 + (n - 1) * (n - 2) * (n - 3) * (n - 4)),
              None),
             ((sp.Abs(m), m), None),  # 1 and -1 at m = -1
             # a sixth review's: 0 for n ≤ 8, C(9, 9) + C(10, 9) = 11 at n = 10
             ((sp.Sum(sp.binomial(i, 9), (i, 1, n)), 0), None)]
    assert sp.Sum(sp.binomial(i, 9), (i, 1, 10)).doit() == 11
    for pair, where in false:
        with pytest.raises(AssertionError, match="fails numerically at"):
            assert_numerically_equal(pair, where=where)
    # true ones still pass, two-index sums and sums past 4 terms included
    assert_numerically_equal((sp.Sum(X[i, j], (i, 1, n), (j, 1, n)),
                              sp.Sum(X[i, j], (j, 1, n), (i, 1, n))), where={X: unit})
    assert_numerically_equal((sp.Sum(i, (i, 1, n)), n * (n + 1) / 2))
    assert_numerically_equal((sp.Abs(n), n))  # n is positive
    with pytest.raises(ValueError, match="f is a function with no definition"):
        assert_numerically_equal((f(x), f(x) + 1))
    with pytest.raises(AssertionError, match="nothing was compared"):
        assert_numerically_equal((1 / (x - x), 1 / (x - x) + 1))  # 1/0 at every point
    for options, words in (({"samples": 0}, "samples"), ({"samples": -5}, "samples"),
                           ({"rtol": 10}, "rtol"), ({"atol": -1}, "atol")):
        with pytest.raises(ValueError, match=words):
            assert_numerically_equal((x, x + 1), **options)
    for bad in (None, (1, 2, 3), ("x", 1)):
        with pytest.raises(TypeError, match="takes a Theorem|a side must be"):
            assert_numerically_equal(bad)


def test_assert_numerically_equal_looks_near_the_ends_far_out_and_over_the_reals():
    """A review: a log clipped at 10⁻⁷ passed as log on (0, 1), since no point came within
    10⁻³ of an end; C(n, 9) = 0 passed for an integer n, drawn up to 8 only, and for a size that
    `where` gives; √x·√y = −√(xy) passed at x, y < 0, where sympy's complex roots agree and
    the real ones are undefined."""
    x, y, q = sp.symbols("x y q")
    i, m = sp.symbols("i m", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    tiny = sp.Rational(1, 10 ** 7)
    unit, negative = sp.Interval.open(0, 1), sp.Interval.open(-sp.oo, 0)
    assert sp.log(sp.Max(sp.Rational(1, 10 ** 9), tiny)) != sp.log(sp.Rational(1, 10 ** 9))
    assert sp.binomial(9, 9) == 1 and sp.floor(sp.Rational(9, 9)) == 1
    assert sp.sqrt(-3) * sp.sqrt(-2) == -sp.sqrt(6)  # sympy's complex roots: the false claim holds
    p, k = sp.IndexedBase("p"), sp.Symbol("k", integer=True)
    false = [((sp.log(sp.Max(q, tiny)), sp.log(q)), {q: unit}),
             ((sp.Sum(sp.log(sp.Max(p[k], tiny)), (k, 1, m)), sp.Sum(sp.log(p[k]), (k, 1, m))),
              {p: unit, m: sp.S.Naturals}),  # a family's entries near the ends too
             ((sp.log(1 - sp.Min(q, 1 - tiny)), sp.log(1 - q)), {q: unit}),
             ((sp.binomial(n, 9), 0), None), ((sp.floor(n / 9), 0), None),
             ((sp.Sum(sp.binomial(i, 9), (i, 1, m)), 0), {m: sp.S.Naturals}),
             ((sp.sqrt(x) * sp.sqrt(y), -sp.sqrt(x * y)), {x: negative, y: negative})]
    for pair, where in false:
        with pytest.raises(AssertionError, match="fails numerically at"):
            assert_numerically_equal(pair, where=where)
    positive = sp.Interval.open(0, sp.oo)
    assert_numerically_equal((sp.sqrt(x) * sp.sqrt(y), sp.sqrt(x * y)),
                             where={x: positive, y: positive})
    assert_numerically_equal((sp.log(q) + sp.log(1 - q), sp.log(q * (1 - q))), where={q: unit})
    assert_numerically_equal((sp.Sum(i, (i, 1, m)), m * (m + 1) / 2), where={m: sp.S.Naturals})


def test_real_evaluation_keeps_integer_powers_and_looks_inside_sums():
    """A review: x^(2n) = (x²)^n with n ∈ ℕ failed (a power with a symbol n for exponent was
    taken for a root of a negative x), and √a·√b = −√(ab) inside a sum passed (a and b were
    put in before the sum was written out, and sympy multiplied the complex roots)."""
    x, a, b, n, i, m = sp.symbols("x a b n i m")
    y = sp.IndexedBase("y")
    naturals, negative = sp.S.Naturals, sp.Interval.open(-sp.oo, 0)
    assert (sp.Rational(-69, 100) ** 354 - (sp.Rational(-69, 100) ** 2) ** 177) == 0
    assert_numerically_equal(sp.Eq(x ** (2 * n), (x ** 2) ** n), where={n: naturals})
    assert_numerically_equal(((-1) ** n * (-1) ** n, 1), where={n: naturals})
    assert_numerically_equal((x ** n * (x + 1) ** n, (x ** 2 + x) ** n), where={n: naturals})
    assert_numerically_equal(((-x) ** n, (-1) ** n * x ** n),
                             where={n: naturals, x: sp.Interval.open(0, sp.oo)})
    with pytest.raises(AssertionError, match="fails numerically at"):
        assert_numerically_equal((sp.Sum(sp.sqrt(a) * sp.sqrt(b) * y[i], (i, 1, m)),
                                  sp.Sum(-sp.sqrt(a * b) * y[i], (i, 1, m))),
                                 where={a: negative, b: negative, m: naturals})


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 10 ** 6), st.integers(1, 10 ** 6), st.integers(2, 5), st.integers(-4, 4))
def test_a_rational_root_of_a_rational_is_evaluated_exactly(top, bottom, order, power):
    """(p/q)^(k/m) for p/q an m-th power: exactly ((p/q)^(1/m))^k, so that a claim whose bound is
    met there (the cosine of one-term vectors is 1) is decided, not left to an interval around
    it; a base that is no m-th power keeps its interval."""
    from proofs.testing.semantics import _real_power

    base = sp.Rational(top, bottom) ** order
    exponent = sp.Rational(power, order)
    assert _real_power(base, exponent) == sp.Rational(top, bottom) ** power
    if top > 1 and sp.integer_nthroot(top * bottom, order)[1] is False \
            and math.gcd(top, bottom) == 1:
        assert not isinstance(_real_power(sp.Rational(top, bottom), sp.Rational(1, order)),
                              sp.Rational)


def test_assert_equal_warns_when_sympy_evaluated_the_claim_away():
    x = sp.Symbol("x")
    with pytest.warns(UserWarning, match="both sides are the same expression x"):
        assert_equal(sp.exp(sp.log(x)), x)


# ------------------------------------------------------------------------------------- strategies
@settings(max_examples=200)
@given(S.bernoulli_datasets())
def test_bernoulli_datasets_are_valid(data):
    y, p = data
    assert len(y) == len(p) >= 1
    assert set(y) <= {0, 1} and all(0 < v < 1 for v in p)


@settings(max_examples=100)
@given(S.categorical_datasets())
def test_categorical_datasets_are_one_hot_on_the_simplex(data):
    labels, rows = data
    for label, row in zip(labels, rows):
        assert sorted(label)[-1] == 1 and sum(label) == 1
        assert math.isclose(sum(row), 1.0, rel_tol=1e-12) and all(v > 0 for v in row)


# ----------------------------------------------------------------------------------------- plugin
def test_pytest_plugin_option_and_fixture(tmp_path):
    (tmp_path / "test_user.py").write_text(textwrap.dedent("""
        import numpy as np
        from proofs.testing import plugin

        def bce(y, p):
            return -np.mean(y * np.log(p) + (1 - y) * np.log1p(-p))

        def test_loss(proof_checker):
            calls = []
            def counting(y, p):
                calls.append(1)
                return bce(y, p)
            proof_checker.loss_matches(counting)
            assert plugin.max_examples() == 7 and plugin.dtype() == "float32"
            assert plugin.gradients() is False
            # the examples plus the six explicit edge cases, each also in float64
            assert 2 * 7 <= len(calls) <= 2 * (7 + 6)
    """))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "--proofs-max-examples", "7", "--proofs-dtype", "float32",
                             "--proofs-no-gradients", "test_user.py"], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


@settings(max_examples=60)
@given(S.loss_datasets("categorical", "logits", dtype="float16", labels="integer", weights=True))
def test_loss_datasets_are_numbers_of_the_dtype_in_the_domain(data):
    z, y, w = data["z"], data["y"], data["weights"]
    assert z.ndim == 2 and 2 <= z.shape[1] <= 6 and len(y) == len(z) == len(w)
    assert np.array_equal(z.astype(np.float16).astype(np.float64), z)  # float16 numbers
    assert y.dtype.kind == "i" and np.all((0 <= y) & (y < z.shape[1])) and np.all(w > 0)


@settings(max_examples=60)
@given(S.loss_datasets("poisson", "rate", dtype="bfloat16"))
def test_loss_datasets_keep_rates_positive_in_bfloat16(data):
    assert np.all(data["lambda"] > 0) and np.all(data["y"] == np.round(data["y"]))


# --------------------------------------------------------------------------------------- messages
def test_a_refutation_shows_values_a_reader_can_use():
    from proofs.testing import semantics

    # an interval around 0 too narrow for its digits to agree (log 2 + log ½ at 50 digits)
    tiny = semantics.IV.mpf(10) ** -55
    assert semantics._show(semantics.IV.mpf([-1, 1]) * tiny) == "0 (to within 1.0e-55)"
    assert semantics._show(semantics.IV.mpf([-1, 1])).startswith("[-1.0")  # a wide one stays
    # a long exact number to 20 digits, saying how long it is
    assert semantics._show(sp.Integer(10) ** 50) == "1.0000000000000000000E+50 (exactly known, " \
                                                    "51 digits)"
    assert semantics._show(sp.Rational(1, 3)) == "1/3"


def test_an_optimizer_refutation_lists_a_set_and_names_the_member_by_its_value():
    """T is a set: a tie drawn twice is listed once, its size counts each value once; the member
    where the two objectives disagree is named by its value; no empty 'at {}' without data."""
    theta = sp.Symbol("theta")
    with pytest.raises(proofs.Disproved) as refusal:
        proofs.check.same_optimizers(sp.exp(-(theta - 1) ** 2), (theta - 1) ** 2 + theta,
                                     [theta])
    message = str(refusal.value)
    assert "at {}" not in message and "is false: over a set T of" in message
    listed = re.search(r"values of theta \(([^)]*)\)", message).group(1).split("; ")
    assert len(listed) == len(set(listed))
    assert f"over a set T of {len(listed)} values" in message
    who = re.search(r": (theta = [^ ]+) is (not )?an argmax", message).group(1)
    assert who in listed
    value = sp.Rational(who.split(" = ")[1])  # and it is what the words say it is, independently
    f_values = [sp.exp(-(sp.Rational(m.split(" = ")[1]) - 1) ** 2) for m in listed]
    g_values = [(sp.Rational(m.split(" = ")[1]) - 1) ** 2 + sp.Rational(m.split(" = ")[1])
                for m in listed]
    f_at, g_at = sp.exp(-(value - 1) ** 2), (value - 1) ** 2 + value
    assert (f_at == max(f_values)) != (g_at == min(g_values))


def test_an_optimizer_refutation_gives_the_data_and_the_parameter_values():
    y, w = sp.symbols("y w")
    with pytest.raises(proofs.Disproved) as refusal:
        proofs.check.same_optimizers(sp.exp(-(y - w) ** 2), (y + w) ** 2, [w])
    message = str(refusal.value)
    shape = r"is false: at \{y = [^}]+\}, over a set T of \d+ values of w \(w = "
    assert re.search(shape, message)
    assert refusal.value.detail.startswith("over a set T of")
    data = refusal.value.point
    assert str(w) in map(str, data) and str(y) in map(str, data)
