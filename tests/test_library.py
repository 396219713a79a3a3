"""The theorem library: every theorem proves, renders and compiles; user-written claims;
refusals."""

import sympy as sp
import pytest

import proofs
from proofs import Disproved, ProofError, check
from proofs.errors import UnsupportedError
from proofs.theorems import LIBRARY, available
from proofs.theorems.soft_labels import soft_label_counterexample
from proofs.testing import semantics
from tests.tools import compile_tex

i = sp.Symbol("i", integer=True, positive=True)
n = sp.Symbol("n", integer=True, positive=True)
# every theorem with its defaults, and each option at each other allowed value (read from the
# registry)
VARIANTS = [(name, {}) for name in sorted(LIBRARY)] + [
    (name, {key: value}) for name, (_, _, options) in sorted(LIBRARY.items())
    for key, values in options.items() for value in values[1:]
    if not (name == "iid" and key == "continuous")]  # continuous y: the KL claim is refused, below


def test_the_listing_covers_every_variant():
    assert {name for name, _ in available()} == {name for name, _ in VARIANTS} == set(LIBRARY)
    assert len(VARIANTS) == len(LIBRARY) + 5  # reduction ×2, kl, softmax, normalized
    assert {"poisson", "exponential", "laplace", "binomial", "negative_binomial",
            "bernoulli_logits", "gaussian_weighted", "categorical"} <= set(LIBRARY)


@pytest.mark.parametrize("name, options", VARIANTS)
def test_every_theorem_proves_renders_and_compiles(name, options, tmp_path):
    proof = proofs.prove(name, **options)
    statement = proof.theorem.statement
    assert (statement.sense_f, statement.sense_g) == ("max", "min")
    assert statement.f == next(d for d in proof.definitions if str(d) == "L")
    text = proof.to_text()
    assert "Lemma 2" in text and "Theorem" in text
    # displayed, each opened and closed: the setting's definitions and the proofs of the two lemmas
    # and of the theorem (a short statement is inline)
    assert proof.to_markdown(detail="full").count("$$") >= 2 * 4
    log = compile_tex(tmp_path, "proof", proof.to_document(), runs=2)
    assert "undefined" not in log.lower() and "Overfull \\hbox" not in log


def test_gaussian_and_categorical_from_user_written_expressions():
    y, mu = sp.IndexedBase("y"), sp.IndexedBase("mu")
    sigma = sp.Symbol("sigma", positive=True)
    density = sp.exp(-(y[i] - mu[i]) ** 2 / (2 * sigma ** 2)) / sp.sqrt(2 * sp.pi * sigma ** 2)
    likelihood = sp.Product(density, (i, 1, n))
    mse = sp.Sum((y[i] - mu[i]) ** 2, (i, 1, n)) / n
    where = {y: sp.S.Reals, mu: sp.S.Reals}
    statement = check.same_optimizers(likelihood, mse, over=[mu], where=where).statement
    # assumptions became ranges
    plain = {i: sp.Symbol("i"), n: sp.Symbol("n"), sigma: sp.Symbol("sigma")}
    assert statement.g == mse.xreplace(plain) and statement.f == likelihood.xreplace(plain)
    p, t = sp.IndexedBase("p"), sp.IndexedBase("t")
    classes = range(1, 4)
    categorical = sp.Product(sp.Mul(*(p[i, k] ** t[i, k] for k in classes)), (i, 1, n))
    cce = -sp.Sum(sp.Add(*(t[i, k] * sp.log(p[i, k]) for k in classes)), (i, 1, n)) / n
    where = {p: sp.Interval.open(0, 1), t: sp.FiniteSet(0, 1)}
    assert check.same_optimizers(categorical, cce, over=[p],
                                 where=where).statement.g == cce.xreplace(plain)


def test_gaussian_identity_reads_like_the_textbook():
    text = proofs.prove("gaussian").to_text()
    # the square kept whole, Σ 1 counted as n
    assert "(y_i − μ_i)^{2}" in text and "∑_{i=1}^{n} 1" not in text
    # the statement with the constant as the textbook writes it, −(n/2) log(2πσ²), reached in a
    # line of its own from the expanded form
    assert ("Lemma 2 (Log-likelihood and objective). log L(θ) = −(1/(2 σ^{2})) n·MSE(θ) − (1/2) n "
            "log(2π σ^{2})") in text
    assert "= −(1/(2 σ^{2})) n·MSE(θ) − (1/2) n log 2 − (1/2) n log π − n log σ" in text
    assert "[log 2 + log π + 2 log σ = log(2 π σ^{2}), as σ > 0]" in text


def test_gaussian_with_sigma_allowed_to_be_zero_is_refused():
    y, mu = sp.IndexedBase("y"), sp.IndexedBase("mu")
    sigma = sp.Symbol("sigma", nonnegative=True)
    density = sp.exp(-(y[i] - mu[i]) ** 2 / (2 * sigma ** 2)) / sp.sqrt(2 * sp.pi * sigma ** 2)
    with pytest.raises(ProofError, match="sigma"):
        check.same_optimizers(sp.Product(density, (i, 1, n)),
                              sp.Sum((y[i] - mu[i]) ** 2, (i, 1, n)) / n,
                              over=[mu], where={y: sp.S.Reals, mu: sp.S.Reals})


def test_weighted_likelihood_against_the_unweighted_cross_entropy_is_refused():
    p, y, w = sp.IndexedBase("p"), sp.IndexedBase("y"), sp.IndexedBase("w")
    factor = p[i] ** y[i] * (1 - p[i]) ** (1 - y[i])
    weighted = sp.Product(factor ** w[i], (i, 1, n))
    unweighted = -sp.Sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]), (i, 1, n)) / n
    where = {p: sp.Interval.open(0, 1), y: sp.FiniteSet(0, 1), w: sp.Interval.open(0, sp.oo)}
    with pytest.raises(Disproved, match="over a set T of .* values of p"):
        check.same_optimizers(weighted, unweighted, over=[p], where=where)


def test_continuous_bernoulli_against_plain_bce_is_refused_and_the_minimizers_differ():
    p, y, C = sp.IndexedBase("p"), sp.IndexedBase("y"), sp.Function("C")
    factor = C(p[i]) * p[i] ** y[i] * (1 - p[i]) ** (1 - y[i])
    plain = -sp.Sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]), (i, 1, n)) / n
    where = {p: sp.Interval.open(0, 1), y: sp.Interval(0, 1), C: sp.Interval.open(0, sp.oo)}
    with pytest.raises(Disproved, match="over a set T of .* values of p"):
        check.same_optimizers(sp.Product(factor, (i, 1, n)), plain, over=[p], where=where)
    best_ce, best_cb = soft_label_counterexample()
    assert best_ce == pytest.approx(0.8, abs=1e-3) and abs(best_cb - best_ce) > 0.1
    assert f"{best_cb:.4f}" in proofs.prove("soft_labels", normalized=True).to_text()


def test_kl_for_continuous_data_is_refused_with_the_reason():
    with pytest.raises(UnsupportedError, match="no KL claim for continuous y"):
        proofs.prove("iid", kl=True, continuous=True)
    assert proofs.prove("iid", kl=True).theorem.statement.g.name == "KL"


def test_network_covers_symmetric_optima_and_logistic_derives_the_range():
    network = proofs.prove("network").to_text()
    assert "sets of optimizers" in network and "permuted" in network
    logistic = proofs.prove("logistic")
    assert logistic.theorem.statement.over == (sp.Symbol("w"),)
    # p_i := σ(w x_i) is a definition: the range 0 < p_i < 1 is derived from it, and the identity
    # stays in p_i
    # p_i is a family with the sample index as its parameter, so a sum over i cannot capture it
    p = next(d for d in logistic.definitions if getattr(d, "__name__", None) == "p")
    index = sp.Symbol("i")
    assert p.params == (index,) \
        and p.body == 1 / (1 + sp.exp(-sp.Symbol("w") * sp.IndexedBase("x")[index]))
    text = logistic.to_text()
    # the parameter is w itself: named as such, with its set, instead of θ
    assert "p_i(w) ∈ (0, 1)" in text and "[by definition]" in text and "θ" not in text
    assert "every w ∈ ℝ" in text and "argmax_{w ∈ ℝ} L(w) = argmin_{w ∈ ℝ} CE(w)" in text
    identity = next(section for section in logistic.sections if section.label == "identity")
    assert all("exp" not in str(step.rhs) for step in identity.steps)


# ------------------------------------------------------------------------------------------------
# the breadth models, written by a user: likelihood ⇔ loss in either order, and the refusals
I, N, R = sp.symbols("i n r")
Y, RATE, MU, SIGMA, Z = (sp.IndexedBase(name) for name in ("y", "lambda", "mu", "sigma", "z"))
F, Q = sp.IndexedBase("f"), sp.IndexedBase("q")
UNIT = sp.Interval.open(0, 1)
POSITIVE = sp.Interval.open(0, sp.oo)


def sigmoid(t):
    return 1 / (1 + sp.exp(-t))


MODELS = {  # name: (likelihood, loss, over, where)
    "poisson": (sp.Product(RATE[I] ** Y[I] * sp.exp(-RATE[I]) / sp.factorial(Y[I]), (I, 1, N)),
                sp.Sum(RATE[I] - Y[I] * sp.log(RATE[I]), (I, 1, N)) / N, RATE,
                {RATE: POSITIVE, Y: sp.S.Naturals0, N: sp.S.Naturals}),
    "exponential": (sp.Product(RATE[I] * sp.exp(-RATE[I] * Y[I]), (I, 1, N)),
                    sp.Sum(RATE[I] * Y[I] - sp.log(RATE[I]), (I, 1, N)) / N, RATE,
                    {RATE: POSITIVE, Y: sp.Interval(0, sp.oo), N: sp.S.Naturals}),
    "laplace": (sp.Product(sp.exp(-sp.Abs(Y[I] - MU[I]) / 2) / 4, (I, 1, N)),
                sp.Sum(sp.Abs(Y[I] - MU[I]), (I, 1, N)) / N, MU, {N: sp.S.Naturals}),
    "gaussian_weighted": (
        sp.Product(sp.exp(-(Y[I] - MU[I]) ** 2 / (2 * SIGMA[I] ** 2))
                   / sp.sqrt(2 * sp.pi * SIGMA[I] ** 2),
                   (I, 1, N)),
        sp.Sum((Y[I] - MU[I]) ** 2 / SIGMA[I] ** 2, (I, 1, N)) / N, MU,
        {SIGMA: POSITIVE, N: sp.S.Naturals}),
    "binomial": (
        sp.Product(sp.binomial(Y[I] + F[I], Y[I]) * Q[I] ** Y[I] * (1 - Q[I]) ** F[I], (I, 1, N)),
        -sp.Sum(Y[I] * sp.log(Q[I]) + F[I] * sp.log(1 - Q[I]), (I, 1, N)) / N, Q,
        {Y: sp.S.Naturals0, F: sp.S.Naturals0, Q: UNIT, N: sp.S.Naturals}),
    "negative_binomial": (
        sp.Product(sp.gamma(Y[I] + R) / (sp.gamma(R) * sp.factorial(Y[I])) * (1 - Q[I]) ** R
                   * Q[I] ** Y[I], (I, 1, N)),
        -sp.Sum(Y[I] * sp.log(Q[I]) + R * sp.log(1 - Q[I]), (I, 1, N)) / N, Q,
        {Y: sp.S.Naturals0, Q: UNIT, R: POSITIVE, N: sp.S.Naturals}),
    "bernoulli_logits": (
        sp.Product(sigmoid(Z[I]) ** Y[I] * (1 - sigmoid(Z[I])) ** (1 - Y[I]), (I, 1, N)),
        sp.Sum(sp.log(1 + sp.exp(Z[I])) - Y[I] * Z[I], (I, 1, N)) / N, Z,
        {Y: sp.FiniteSet(0, 1), N: sp.S.Naturals}),
}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_user_written_likelihoods_and_losses_in_either_order(name):
    likelihood, loss, over, where = MODELS[name]
    forward = check.same_optimizers(likelihood, loss, over=[over], where=where)
    backward = check.same_optimizers(loss, likelihood, over=[over], where=where,
                                     senses=("min", "max"))
    assert (backward.statement.f, backward.statement.sense_f) == (loss, "min")
    assert backward.statement.g == likelihood and forward.statement.g == loss
    assert semantics.confirm(backward.context.entries, backward.statement, points=6, size=3)


def test_logistic_regression_with_an_intercept_is_bce_with_logits():
    """The logit w x_i + b: over a common denominator e^{−(w x_i + b)} is e^{−w x_i} e^{−b}, and
    log(1 + e^{w x_i} e^{b}) was a different atom from the loss's log(1 + e^{w x_i + b}) (a new
    user's first model; refused before)."""
    w, b = sp.symbols("w b")
    x = sp.IndexedBase("x")
    logit = w * x[I] + b
    likelihood = sp.Product(sigmoid(logit) ** Y[I] * (1 - sigmoid(logit)) ** (1 - Y[I]), (I, 1, N))
    where = {x: sp.S.Reals, Y: sp.FiniteSet(0, 1), N: sp.S.Naturals}
    loss = sp.Sum(sp.log(1 + sp.exp(logit)) - Y[I] * logit, (I, 1, N)) / N
    theorem = check.same_optimizers(likelihood, loss, over=[w, b], where=where)
    assert theorem.statement.g == loss
    assert semantics.confirm(theorem.context.entries, theorem.statement, points=6, size=3)
    wrong_sign = sp.Sum(sp.log(1 + sp.exp(w * x[I] - b)) - Y[I] * logit, (I, 1, N)) / N
    with pytest.raises(Disproved):
        check.same_optimizers(likelihood, wrong_sign, over=[w, b], where=where)


def test_increasing_maps_keep_the_optimizers():
    theta = sp.Symbol("theta")
    assert check.same_optimizers(theta, theta ** 3, over=[theta], senses=("min", "min"))
    likelihood = sp.Product(sp.IndexedBase("q")[I], (I, 1, N))
    where = {sp.IndexedBase("q"): sp.Interval.open(0, 1), N: sp.S.Naturals}
    assert check.same_optimizers(likelihood, sp.sqrt(likelihood), over=[sp.IndexedBase("q")],
                                 where=where, senses=("max", "max"))
    with pytest.raises(Disproved):  # θ ↦ θ² is not increasing on ℝ: the argmins differ
        check.same_optimizers(theta, theta ** 2, over=[theta], senses=("min", "min"))


LIKELIHOOD = sp.Product(sp.IndexedBase("q")[I], (I, 1, N))


@pytest.mark.parametrize("loss", [LIKELIHOOD ** (-1 / N), 1 / LIKELIHOOD,
                                  sp.exp(-sp.log(LIKELIHOOD) / N)])
def test_the_likelihood_s_argmax_is_the_perplexity_s_argmin(loss):
    """A strictly decreasing map turns an argmax into an argmin: the perplexity L^(−1/n) =
    exp(−(1/n) log L) and 1/L are least where the likelihood L is greatest (refused before: only
    increasing maps were tried, for one sense).  The same sense, or a map that is not monotone
    on the values, is disproved."""
    q = sp.IndexedBase("q")
    where = {q: sp.Interval.open(0, 1), N: sp.S.Naturals}
    theorem = check.same_optimizers(LIKELIHOOD, loss, over=[q], where=where, senses=("max", "min"))
    assert theorem.statement.g == loss and theorem.statement.sense_g == "min"
    assert semantics.confirm(theorem.context.entries, theorem.statement, points=6, size=3)
    with pytest.raises(Disproved):
        check.same_optimizers(LIKELIHOOD, loss, over=[q], where=where, senses=("max", "max"))


def test_a_loss_s_argmin_is_the_argmax_of_a_decreasing_score_of_it():
    """argmin of a squared error = argmax of 1/(1 + loss) and of (1 + loss)⁻², either way round;
    1/(θ² − 1) has a pole where θ² − 1 is least, 1/θ² is undefined there, and (θ² + 1)² rises:
    each disproved with a point."""
    mu, theta = sp.symbols("mu theta")
    squares = sp.Sum((Y[I] - mu) ** 2, (I, 1, N))
    for score in (1 / (1 + squares), (1 + squares) ** -2):
        for f, g, senses in ((squares, score, ("min", "max")), (score, squares, ("max", "min"))):
            theorem = check.same_optimizers(f, g, over=[mu], where={N: sp.S.Naturals},
                                            senses=senses)
            assert semantics.confirm(theorem.context.entries, theorem.statement, points=6,
                                     size=3)
    for f, g in ((theta ** 2 - 1, 1 / (theta ** 2 - 1)), (theta ** 2, 1 / theta ** 2),
                 (theta ** 2 + 1, (theta ** 2 + 1) ** 2)):
        with pytest.raises(Disproved):
            check.same_optimizers(f, g, over=[theta], senses=("min", "max"))

@pytest.mark.parametrize("outer", [lambda s: s ** 3, lambda s: 3 * s ** 3 + 1, sp.atan])
def test_a_likelihood_and_an_increasing_map_of_its_log(outer):
    # arg max L = arg max log L (log increasing), = arg max h(log L) for h increasing on ℝ
    mu = sp.Symbol("mu")
    log_likelihood = sp.Sum(-(Y[I] - mu) ** 2, (I, 1, N))
    likelihood = sp.Product(sp.exp(-(Y[I] - mu) ** 2), (I, 1, N))
    where = {N: sp.S.Naturals}
    theorem = check.same_optimizers(likelihood, outer(log_likelihood), over=[mu], where=where,
                                    senses=("max", "max"))
    assert theorem.statement.g == outer(log_likelihood)
    assert semantics.confirm(theorem.context.entries, theorem.statement, points=6, size=3)
    with pytest.raises(Disproved):  # a decreasing map turns the argmax into an argmin
        check.same_optimizers(likelihood, -outer(log_likelihood), over=[mu], where=where,
                              senses=("max", "max"))


@pytest.mark.parametrize("odd", [sp.atan, sp.tanh, sp.sinh])
def test_an_odd_increasing_map_that_sympy_writes_with_a_minus_sign(odd):
    # sympy writes atan(log λ Σ y_i − nλ) as −atan(nλ − log λ Σ y_i): the map is found through
    # the negation of its argument
    lam, y = sp.Symbol("lambda"), sp.IndexedBase("y")
    where = {N: sp.S.Naturals, y: sp.S.Naturals0, lam: sp.Interval.open(0, sp.oo)}
    likelihood = sp.Product(lam ** y[I] * sp.exp(-lam) / sp.factorial(y[I]), (I, 1, N))
    log_likelihood = sp.log(lam) * sp.Sum(y[I], (I, 1, N)) - N * lam
    assert odd(log_likelihood).could_extract_minus_sign() or odd(log_likelihood).is_Mul
    theorem = check.same_optimizers(likelihood, odd(log_likelihood), over=[lam], where=where,
                                    senses=("max", "max"))
    assert semantics.confirm(theorem.context.entries, theorem.statement, points=6, size=3)
    with pytest.raises(Disproved):
        check.same_optimizers(likelihood, -odd(log_likelihood), over=[lam], where=where,
                              senses=("max", "max"))


def test_a_ridge_penalty_off_by_the_factor_two_is_disproved_and_the_right_one_proved():
    """The Gaussian prior e^{−λw²} with unit-variance noise is the loss Σ (y_i − w x_i)² + 2λw²:
    written with λw², a classic slip, the optimizers differ; sets of four candidate w were too few
    to show it (refused as not proved), sets of eight show it (a new user's review)."""
    w, lam = sp.symbols("w lambda")
    x = sp.IndexedBase("x")
    where = {Y: sp.S.Reals, x: sp.S.Reals, w: sp.S.Reals, lam: POSITIVE, N: sp.S.Naturals}
    posterior = sp.Product(sp.exp(-(Y[I] - w * x[I]) ** 2 / 2), (I, 1, N)) * sp.exp(-lam * w ** 2)
    squares = sp.Sum((Y[I] - w * x[I]) ** 2, (I, 1, N))
    theorem = check.same_optimizers(posterior, squares + 2 * lam * w ** 2, over=[w], where=where)
    assert semantics.confirm(theorem.context.entries, theorem.statement, points=6, size=3)
    with pytest.raises(Disproved) as refusal:
        check.same_optimizers(posterior, squares + lam * w ** 2, over=[w], where=where)
    # the loss at the member where the two disagree, evaluated again with sympy from the point
    at = refusal.value.point
    count = int(at["n"])
    data = {x[k]: at[f"x[{k}]"] for k in range(1, count + 1)}
    data.update({Y[k]: at[f"y[{k}]"] for k in range(1, count + 1)})
    loss = (squares + lam * w ** 2).subs(N, count).doit()
    (_, _), (_, g_value) = refusal.value.values
    assert loss.subs({**data, lam: at["lambda"], w: at["w"]}) == g_value


def test_a_dropped_weight_is_disproved():
    likelihood, _, _, where = MODELS["gaussian_weighted"]
    plain_mse = sp.Sum((Y[I] - MU[I]) ** 2, (I, 1, N)) / N
    with pytest.raises(Disproved, match="over a set T"):
        check.same_optimizers(likelihood, plain_mse, over=[MU], where=where)


def test_new_theorems_read_as_on_paper():
    assert "y_i!" in proofs.prove("poisson").to_text()
    assert "|μ_i − y_i|" in proofs.prove("laplace").to_text()


def test_a_dropped_trial_count_is_disproved():
    likelihood, _, _, where = MODELS["binomial"]
    per_trial = -sp.Sum(Y[I] * sp.log(Q[I]) + (1 - Y[I]) * sp.log(1 - Q[I]), (I, 1, N)) / N
    with pytest.raises(Disproved, match="over a set T"):
        check.same_optimizers(likelihood, per_trial, over=[Q], where=where)


def test_categorical_with_a_symbolic_number_of_classes():
    k, j, K = sp.symbols("k j K")
    p, t = sp.IndexedBase("p"), sp.IndexedBase("t")
    labels = {t: sp.FiniteSet(0, 1), N: sp.S.Naturals, K: sp.S.Naturals}
    likelihood = sp.Product(sp.Product(p[I, k] ** t[I, k], (k, 1, K)), (I, 1, N))
    cross_entropy = -sp.Sum(sp.Sum(t[I, k] * sp.log(p[I, k]), (k, 1, K)), (I, 1, N)) / N
    assert check.same_optimizers(likelihood, cross_entropy, over=[p],
                                 where={p: UNIT, **labels})
    normalizer = sp.Sum(sp.exp(Z[I, j]), (j, 1, K))
    softmax = sp.Product(sp.Product((sp.exp(Z[I, k]) / normalizer) ** t[I, k], (k, 1, K)),
                         (I, 1, N))
    loss = sp.Sum(sp.Sum(t[I, k] * (sp.log(normalizer) - Z[I, k]), (k, 1, K)), (I, 1, N)) / N
    assert check.same_optimizers(softmax, loss, over=[Z], where=labels)
    # log Z_i − Σ_k t_ik z_ik is the loss only for one-hot labels, which {0, 1} entries do not make
    one_hot_only = sp.Sum(sp.log(normalizer) - sp.Sum(t[I, k] * Z[I, k], (k, 1, K)), (I, 1, N)) / N
    with pytest.raises(Disproved):
        check.same_optimizers(softmax, one_hot_only, over=[Z], where=labels)


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_library_theorem_is_a_short_derivation_script(name):
    import importlib
    import inspect
    from proofs import Derivation
    module, _, function = LIBRARY[name][0].partition(":")
    script = getattr(importlib.import_module(module), function)
    lines = inspect.getsource(script).splitlines()
    assert len(lines) <= 40, f"{name}: {len(lines)} lines"
    options = {key: values[0] for key, values in LIBRARY[name][2].items()}
    assert isinstance(script(**options), Derivation)


def test_the_shared_argument_is_written_on_the_public_api():
    # the library's scripts use what users have: Derivation's methods, no kernel rule by hand
    import ast
    from pathlib import Path
    import proofs.theorems
    folder = Path(proofs.theorems.__file__).parent
    for path in folder.glob("*.py"):
        if path.name in ("__init__.py", "equalities.py", "facts.py"):
            continue
        imported = [node.module for node in ast.walk(ast.parse(path.read_text()))
                    if isinstance(node, ast.ImportFrom)]
        assert not any(m and ("kernel" in m or m.startswith("rules")) for m in imported), path.name


def test_a_function_of_the_setting_is_introduced_after_what_it_is_applied_to():
    # a referee's reading: network printed f(x_i) ∈ ℝ before x_i, and the continuous Bernoulli
    # assumed C(p_i) ∈ (0, ∞) with C never introduced
    network = proofs.prove("network").to_text()
    setting = network[network.index("Setting:"):network.index("Definitions:")]
    assert "a function f with f(x_i) ∈ ℝ" in setting
    assert setting.index("x_i ∈ ℝ") < setting.index("a function f")
    normalized = proofs.prove("soft_labels", normalized=True).to_latex()
    assert "a function $C$ with $C\\left(p_{i}\\right) \\in (0, \\infty)$" in normalized


def test_remarks_claim_no_more_than_is_true():
    # dropping the trial counts or the weights changes nothing when they are all equal
    for name in ("binomial", "gaussian_weighted"):
        text = proofs.prove(name).to_text()
        assert "can change the minimizers when the" in text and "changes the minimizers" not in text
    # H is any real number in the proof; the KL reading is stated as what it is
    kl = proofs.prove("iid", kl=True).to_text()
    assert "holds for every real H" in kl and "not checked here" in kl
