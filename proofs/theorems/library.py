"""The theorem library beyond the flagship: the general iid case, categorical, Gaussian, named instances of the
Bernoulli model, soft labels and the continuous Bernoulli, weighted likelihoods.

Each ``prove_*`` states its model in sympy and hands it to the generic script in `likelihood.py`, so every line
is a kernel-checked step.  Imports sympy, the kernel's `Defined`, the errors and the generic script.
"""

import math

import sympy as sp

from ..errors import UnsupportedError
from ..kernel import Defined, DefinedFamily
from .likelihood import prove_likelihood_theorem

# plain symbols: the kernel keeps ranges in the context (n ∈ ℕ), never in sympy assumptions
i, j, k = sp.symbols("i j k")
n, K_CLASSES = sp.symbols("n K")
OPEN_UNIT, POSITIVE, BINARY = sp.Interval.open(0, 1), sp.Interval.open(0, sp.oo), sp.FiniteSet(0, 1)
SIZES = {n: sp.S.Naturals}
SYMBOLS = {"index": i, "size": n}


def _mean(body):
    return -sp.Sum(body, (i, 1, n)) / n


def prove_iid(kl=False, continuous=False):
    """Any model with density or mass f(y_i | θ) > 0: argmax ∏ f = argmin −(1/n) Σ log f (and, for discrete y,
    argmin KL(p̂_n ‖ f_θ), since KL = CE − H(p̂_n) and the entropy H(p̂_n) does not depend on θ)."""
    if kl and continuous:
        raise UnsupportedError("iid: no KL claim for continuous y — the empirical distribution p̂_n has no density, "
                               "so KL(p̂_n ‖ f_θ) is not defined (it is +∞); the cross-entropy claim holds")
    f, entropy = sp.IndexedBase("f"), sp.Symbol("H")
    likelihood = Defined("L", sp.Product(f[i], (i, 1, n)))
    cross_entropy = Defined("CE", _mean(sp.log(f[i])))
    objective = Defined("KL", cross_entropy - entropy) if kl else cross_entropy
    where = {f: POSITIVE, **SIZES, **({entropy: sp.S.Reals} if kl else {})}
    remarks = ["Here $f_{i} = f(y_{i} \\mid \\theta) > 0$ is the model's density or mass at the i-th observation; "
               "nothing else about the model is used."]
    if kl:
        remarks.append("$H$ is the entropy of the empirical distribution of the (discrete) data: a real number that "
                       "does not depend on $\\theta$, so $\\mathrm{KL} = \\mathrm{CE} - H$ has the same minimizers.")
    return prove_likelihood_theorem("iid", "Maximum likelihood is minimum cross-entropy (any iid model)",
                                    likelihood, objective, where, (f,),
                                    [(n, sp.S.Naturals), (f[i], POSITIVE)], SYMBOLS, remarks,
                                    extra_definitions=(cross_entropy,) if kl else ())


def prove_categorical(softmax=False):
    """K classes, one-hot labels y_{ik}: argmax ∏_i ∏_k p_{ik}^{y_{ik}} = argmin of the categorical cross-entropy;
    with softmax=True, for p_{ik} = e^{z_{ik}} / Σ_j e^{z_{ij}} over the logits z."""
    if softmax:
        return _prove_softmax()
    p, y = sp.IndexedBase("p"), sp.IndexedBase("y")
    # per-sample definitions q_i, h_i take the sample index as a parameter
    sample = DefinedFamily("q", [i], sp.Product(p[i, k] ** y[i, k], (k, 1, K_CLASSES)))
    terms = DefinedFamily("h", [i], sp.Sum(y[i, k] * sp.log(p[i, k]), (k, 1, K_CLASSES)))
    likelihood = Defined("L", sp.Product(sample(i), (i, 1, n)))
    cross_entropy = Defined("CE", _mean(terms(i)))
    remarks = ["The labels are one-hot and, for each $i$, the probabilities $p_{i,k}$ lie on the simplex, for "
               "instance through the softmax $p_{i,k} = e^{z_{i,k}} / \\sum_{j} e^{z_{i,j}}$; the proof needs "
               "only $0 < p_{i,k} < 1$."]
    where = {p: OPEN_UNIT, y: BINARY, **SIZES, K_CLASSES: sp.S.Naturals}
    return prove_likelihood_theorem("categorical", "Maximum likelihood is minimum categorical cross-entropy",
                                    likelihood, cross_entropy, where, (p,),
                                    [(n, sp.S.Naturals), (K_CLASSES, sp.S.Naturals), (y[i, k], BINARY),
                                     (p[i, k], OPEN_UNIT)], SYMBOLS, remarks, extra_definitions=(sample, terms),
                                    per_sample=[(sp.log(sample(i)), terms(i))])


def _prove_softmax():
    z, y = sp.IndexedBase("z"), sp.IndexedBase("y")
    normalizer = DefinedFamily("Z", [i], sp.Sum(sp.exp(z[i, j]), (j, 1, K_CLASSES)))
    probability = sp.exp(z[i, k]) / normalizer(i)
    sample = DefinedFamily("q", [i], sp.Product(probability ** y[i, k], (k, 1, K_CLASSES)))
    terms = DefinedFamily("h", [i], sp.Sum(y[i, k] * sp.log(probability), (k, 1, K_CLASSES)))
    likelihood = Defined("L", sp.Product(sample(i), (i, 1, n)))
    cross_entropy = Defined("CE", _mean(terms(i)))
    where = {z: sp.S.Reals, y: BINARY, **SIZES, K_CLASSES: sp.S.Naturals}
    return prove_likelihood_theorem("categorical", "Softmax classifier: maximum likelihood is minimum categorical "
                                    "cross-entropy", likelihood, cross_entropy, where, (z,),
                                    [(n, sp.S.Naturals), (K_CLASSES, sp.S.Naturals), (y[i, k], BINARY),
                                     (z[i, k], sp.S.Reals)], SYMBOLS,
                                    ["$0 < e^{z_{i,k}} / Z_{i} < 1$ is derived from $Z_{i} > 0$, not assumed."],
                                    extra_definitions=(normalizer, sample, terms),
                                    per_sample=[(sp.log(sample(i)), terms(i))])


def prove_gaussian():
    """y_i ~ N(μ_i(θ), σ²) with σ fixed: argmax L = argmin of the mean squared error."""
    y, mu, sigma = sp.IndexedBase("y"), sp.IndexedBase("mu"), sp.Symbol("sigma")
    density = sp.exp(-(y[i] - mu[i]) ** 2 / (2 * sigma ** 2)) / (sigma * sp.sqrt(2 * sp.pi))
    likelihood = Defined("L", sp.Product(density, (i, 1, n)))
    mse = Defined("MSE", sp.Sum((y[i] - mu[i]) ** 2, (i, 1, n)) / n)
    remarks = ["Here $\\log L = -\\frac{n}{2\\sigma^{2}} \\mathrm{MSE} - \\frac{n}{2} \\log(2 \\pi \\sigma^{2})$. "
               "If $\\sigma$ is estimated jointly, $\\log L$ also depends on $\\sigma$ through "
               "$-n \\log \\sigma$: the maximizing means are still the minimizers of the MSE, and then "
               "$\\hat\\sigma^{2} = \\min \\mathrm{MSE}$ — a claim about the pair $(\\mu, \\sigma)$ that this "
               "theorem, with $\\sigma$ fixed, does not make."]
    return prove_likelihood_theorem("gaussian", "Maximum Gaussian likelihood is minimum mean squared error",
                                    likelihood, mse, {y: sp.S.Reals, mu: sp.S.Reals, sigma: POSITIVE, **SIZES},
                                    (mu,),
                                    [(n, sp.S.Naturals), (y[i], sp.S.Reals), (mu[i], sp.S.Reals),
                                     (sigma, POSITIVE)], SYMBOLS, remarks)


def _bernoulli_objects(probability):
    """y, L, CE and p_i := probability for a Bernoulli model written, as on paper, through its probabilities."""
    y, p = sp.IndexedBase("y"), DefinedFamily("p", [i], probability)
    likelihood = Defined("L", sp.Product(p(i) ** y[i] * (1 - p(i)) ** (1 - y[i]), (i, 1, n)))
    cross_entropy = Defined("CE", _mean(y[i] * sp.log(p(i)) + (1 - y[i]) * sp.log(1 - p(i))))
    return y, p, likelihood, cross_entropy


SYMMETRY_REMARK = ("The theorem is about sets of optimizers: a network whose weights can be permuted has many "
                   "maximizers of $L$, and they are exactly the minimizers of $\\mathrm{CE}$.")


def prove_logistic():
    """Logistic regression, p_i = σ(w x_i) = 1 / (1 + e^{−w x_i}): the flagship holds for this parametrization."""
    w, x = sp.Symbol("w"), sp.IndexedBase("x")
    y, p, likelihood, cross_entropy = _bernoulli_objects(1 / (1 + sp.exp(-w * x[i])))
    return prove_likelihood_theorem("logistic", "Logistic regression: maximum likelihood is minimum BCE",
                                    likelihood, cross_entropy, {x: sp.S.Reals, y: BINARY, w: sp.S.Reals, **SIZES},
                                    (w,),
                                    [(n, sp.S.Naturals), (x[i], sp.S.Reals), (y[i], BINARY)],
                                    {**SYMBOLS}, ["$0 < p_{i} = \\sigma(w x_{i}) < 1$ is derived, not assumed."],
                                    extra_definitions=(p,), folded=(p,))


def prove_network():
    """Any network, p_i = σ(f_θ(x_i)) with f an arbitrary real function: the flagship does not depend on f."""
    f, x = sp.Function("f"), sp.IndexedBase("x")
    y, p, likelihood, cross_entropy = _bernoulli_objects(1 / (1 + sp.exp(-f(x[i]))))
    return prove_likelihood_theorem("network", "Any network: maximum likelihood is minimum BCE",
                                    likelihood, cross_entropy, {f: sp.S.Reals, x: sp.S.Reals, y: BINARY, **SIZES},
                                    (f,),
                                    [(n, sp.S.Naturals), (x[i], sp.S.Reals), (y[i], BINARY)], SYMBOLS,
                                    [SYMMETRY_REMARK], extra_definitions=(p,), folded=(p,))


def prove_weighted(reduction="mean"):
    """Per-sample weights w_i > 0: argmax ∏ f_i^{w_i} = argmin of the weighted cross-entropy (mean or sum)."""
    p, y, weight = sp.IndexedBase("p"), sp.IndexedBase("y"), sp.IndexedBase("w")
    factor = p[i] ** y[i] * (1 - p[i]) ** (1 - y[i])
    likelihood = Defined("L", sp.Product(factor ** weight[i], (i, 1, n)))
    terms = sp.Sum(weight[i] * (y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i])), (i, 1, n))
    total = sp.Sum(weight[i], (i, 1, n))
    cross_entropy = Defined("CE", -terms / total if reduction == "mean" else -terms)
    return prove_likelihood_theorem("weighted", "Weighted likelihood is weighted cross-entropy", likelihood,
                                    cross_entropy, {p: OPEN_UNIT, y: BINARY, weight: POSITIVE, **SIZES}, (p,),
                                    [(n, sp.S.Naturals), (y[i], BINARY), (p[i], OPEN_UNIT), (weight[i], POSITIVE)],
                                    SYMBOLS, ["Sum and mean reductions differ by the positive factor "
                                              "$\\sum_{i} w_{i}$, so they have the same minimizers."])


def continuous_bernoulli_normalizer(p):
    """C(p) = 2 artanh(1 − 2p) / (1 − 2p), and C(1/2) = 2."""
    return 2.0 if abs(p - 0.5) < 1e-12 else 2 * math.atanh(1 - 2 * p) / (1 - 2 * p)


def soft_label_counterexample(label=0.8, points=4001):
    """For one observation y: the minimizer of CE(p) and of CE(p) − log C(p) on a fine grid of p."""
    grid = [k / (points - 1) for k in range(1, points - 1)]
    ce = [-(label * math.log(p) + (1 - label) * math.log1p(-p)) for p in grid]
    adjusted = [c - math.log(continuous_bernoulli_normalizer(p)) for c, p in zip(ce, grid)]
    return grid[ce.index(min(ce))], grid[adjusted.index(min(adjusted))]


def prove_soft_labels(normalized=False):
    """Targets y_i ∈ [0, 1].  Unnormalized: argmax ∏ p^y (1 − p)^{1 − y} = argmin CE.  Normalized (the continuous
    Bernoulli, density C(p) p^y (1 − p)^{1 − y}): argmax L_CB = argmin [CE − (1/n) Σ log C(p_i)] — not argmin CE."""
    p, y, normalizer = sp.IndexedBase("p"), sp.IndexedBase("y"), sp.Function("C")
    where = {p: OPEN_UNIT, y: sp.Interval(0, 1), **SIZES}
    factor = p[i] ** y[i] * (1 - p[i]) ** (1 - y[i])
    cross_entropy_body = _mean(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]))
    setting = [(n, sp.S.Naturals), (y[i], sp.Interval(0, 1)), (p[i], OPEN_UNIT)]
    if not normalized:
        return prove_likelihood_theorem(
            "soft-labels", "Soft labels: the BCE identity without a probability model",
            Defined("L", sp.Product(factor, (i, 1, n))), Defined("CE", cross_entropy_body), where, (p,), setting,
            SYMBOLS, ["For $y_{i} \\in [0, 1]$ the product is not the likelihood of a probability model: it does "
                      "not integrate to 1 over $y$.  See the continuous Bernoulli variant."])
    where[normalizer] = POSITIVE
    likelihood = Defined("L", sp.Product(normalizer(p[i]) * factor, (i, 1, n)))
    objective = Defined("CB", cross_entropy_body - sp.Sum(sp.log(normalizer(p[i])), (i, 1, n)) / n)
    best_ce, best_cb = soft_label_counterexample()
    remark = (f"$C(p) = 2 \\operatorname{{artanh}}(1 - 2p) / (1 - 2p) > 0$ normalizes the density.  The extra term "
              f"depends on $p$, so the minimizers differ from those of the plain BCE: for one observation "
              f"$y = 0.8$, the BCE is minimal at $p = {best_ce:.4f}$ but the continuous-Bernoulli objective at "
              f"$p = {best_cb:.4f}$ (grid search).")
    return prove_likelihood_theorem("continuous-bernoulli", "The continuous Bernoulli: maximum likelihood is "
                                    "minimum of the corrected cross-entropy", likelihood, objective, where, (p,),
                                    setting + [(normalizer(p[i]), POSITIVE)], SYMBOLS, [remark])


def _count_model(name, title, density, objective, objective_name, where, over, setting, remarks,
                 multiply_out=False):
    """A model given by its density at one observation and a per-observation loss averaged over
    the sample: argmax ∏ density = argmin (1/n) Σ loss."""
    likelihood = Defined("L", sp.Product(density, (i, 1, n)))
    mean_loss = Defined(objective_name, sp.Sum(objective, (i, 1, n)) / n)
    return prove_likelihood_theorem(name, title, likelihood, mean_loss, {**where, **SIZES}, over,
                                    [(n, sp.S.Naturals), *setting], SYMBOLS, remarks,
                                    multiply_out=multiply_out)


def prove_poisson():
    """Poisson counts y_i with rates λ_i(θ) > 0: argmax ∏ λ^y e^{−λ} / y! = argmin of the Poisson
    NLL (1/n) Σ (λ_i − y_i log λ_i), PyTorch's PoissonNLLLoss(log_input=False)."""
    y, rate = sp.IndexedBase("y"), sp.IndexedBase("lambda")
    density = rate[i] ** y[i] * sp.exp(-rate[i]) / sp.factorial(y[i])
    return _count_model("poisson", "Maximum Poisson likelihood is minimum Poisson NLL", density,
                        rate[i] - y[i] * sp.log(rate[i]), "NLL",
                        {y: sp.S.Naturals0, rate: POSITIVE}, (rate,),
                        [(y[i], sp.S.Naturals0), (rate[i], POSITIVE)],
                        ["The term $\\frac{1}{n} \\sum_{i} \\log y_{i}!$ does not depend on the rates: "
                         "the loss drops it (as PyTorch's PoissonNLLLoss does by default)."])


def prove_exponential():
    """Exponential waiting times y_i >= 0 with rates λ_i(θ) > 0: argmax ∏ λ e^{−λ y} = argmin
    (1/n) Σ (λ_i y_i − log λ_i)."""
    y, rate = sp.IndexedBase("y"), sp.IndexedBase("lambda")
    nonnegative = sp.Interval(0, sp.oo)
    return _count_model("exponential", "Maximum exponential likelihood is minimum exponential NLL",
                        rate[i] * sp.exp(-rate[i] * y[i]), rate[i] * y[i] - sp.log(rate[i]), "NLL",
                        {y: nonnegative, rate: POSITIVE}, (rate,),
                        [(y[i], nonnegative), (rate[i], POSITIVE)], [])


def prove_laplace():
    """Laplace noise with fixed scale b > 0 around μ_i(θ): argmax L = argmin of the mean absolute
    error (1/n) Σ |y_i − μ_i|."""
    y, mu, scale = sp.IndexedBase("y"), sp.IndexedBase("mu"), sp.Symbol("b")
    density = sp.exp(-sp.Abs(y[i] - mu[i]) / scale) / (2 * scale)
    return _count_model("laplace", "Maximum Laplace likelihood is minimum mean absolute error",
                        density, sp.Abs(y[i] - mu[i]), "MAE",
                        {y: sp.S.Reals, mu: sp.S.Reals, scale: POSITIVE}, (mu,),
                        [(y[i], sp.S.Reals), (mu[i], sp.S.Reals), (scale, POSITIVE)],
                        ["The scale $b$ is fixed; $\\log L = -\\frac{n}{b} \\mathrm{MAE} - n \\log(2 b)$."])


def prove_gaussian_weighted():
    """Gaussian noise with known per-sample σ_i > 0: argmax L = argmin of the weighted squared
    error (1/n) Σ (y_i − μ_i)² / σ_i²."""
    y, mu, sigma = sp.IndexedBase("y"), sp.IndexedBase("mu"), sp.IndexedBase("sigma")
    density = sp.exp(-(y[i] - mu[i]) ** 2 / (2 * sigma[i] ** 2)) / (sigma[i] * sp.sqrt(2 * sp.pi))
    return _count_model("gaussian-weighted", "Heteroscedastic Gaussian likelihood is weighted "
                        "squared error", density, (y[i] - mu[i]) ** 2 / sigma[i] ** 2, "WMSE",
                        {y: sp.S.Reals, mu: sp.S.Reals, sigma: POSITIVE}, (mu,),
                        [(y[i], sp.S.Reals), (mu[i], sp.S.Reals), (sigma[i], POSITIVE)],
                        ["The weights $1 / \\sigma_{i}^{2}$ are known; dropping them (plain MSE) "
                         "changes the minimizers."])


def prove_bernoulli_logits():
    """Bernoulli labels with logits z_i(θ) ∈ ℝ, p_i = σ(z_i): argmax L = argmin of BCE with logits
    (1/n) Σ (log(1 + e^{z_i}) − y_i z_i), PyTorch's BCEWithLogitsLoss."""
    y, z = sp.IndexedBase("y"), sp.IndexedBase("z")
    probability = 1 / (1 + sp.exp(-z[i]))
    density = probability ** y[i] * (1 - probability) ** (1 - y[i])
    return _count_model("bernoulli-logits", "Maximum likelihood is minimum BCE with logits", density,
                        sp.log(1 + sp.exp(z[i])) - y[i] * z[i], "BCE",
                        {y: BINARY, z: sp.S.Reals}, (z,), [(y[i], BINARY), (z[i], sp.S.Reals)],
                        ["The loss is computed from the logits $z_{i}$ without forming "
                         "$\\sigma(z_{i})$, as numerically stable implementations do."],
                        multiply_out=True)


def prove_binomial():
    """y_i successes and f_i failures in m_i = y_i + f_i trials with success probability q_i(θ):
    argmax ∏ C(m_i, y_i) q^y (1 − q)^f = argmin −(1/n) Σ [y_i log q_i + f_i log(1 − q_i)]."""
    y, failures, q = sp.IndexedBase("y"), sp.IndexedBase("f"), sp.IndexedBase("q")
    density = sp.binomial(y[i] + failures[i], y[i]) * q[i] ** y[i] * (1 - q[i]) ** failures[i]
    return _count_model("binomial", "Maximum binomial likelihood is minimum binomial NLL", density,
                        -(y[i] * sp.log(q[i]) + failures[i] * sp.log(1 - q[i])), "NLL",
                        {y: sp.S.Naturals0, failures: sp.S.Naturals0, q: OPEN_UNIT}, (q,),
                        [(y[i], sp.S.Naturals0), (failures[i], sp.S.Naturals0), (q[i], OPEN_UNIT)],
                        ["Observation $i$ has $m_{i} = y_{i} + f_{i}$ trials, $y_{i}$ of them "
                         "successes; the coefficients $\\binom{m_{i}}{y_{i}}$ do not depend on "
                         "$\\theta$.  Dropping the trial counts (a plain BCE of $y_{i} / m_{i}$ "
                         "without the weights $m_{i}$) changes the minimizers."])


def prove_negative_binomial():
    """Counts y_i with a fixed dispersion r > 0 and success probability q_i(θ):
    argmax ∏ Γ(y + r) / (Γ(r) y!) (1 − q)^r q^y = argmin −(1/n) Σ [y_i log q_i + r log(1 − q_i)]."""
    y, q, r = sp.IndexedBase("y"), sp.IndexedBase("q"), sp.Symbol("r")
    coefficient = sp.gamma(y[i] + r) / (sp.gamma(r) * sp.factorial(y[i]))
    density = coefficient * (1 - q[i]) ** r * q[i] ** y[i]
    return _count_model("negative-binomial", "Maximum negative-binomial likelihood is minimum "
                        "negative-binomial NLL", density,
                        -(y[i] * sp.log(q[i]) + r * sp.log(1 - q[i])), "NLL",
                        {y: sp.S.Naturals0, q: OPEN_UNIT, r: POSITIVE}, (q,),
                        [(y[i], sp.S.Naturals0), (q[i], OPEN_UNIT), (r, POSITIVE)],
                        ["The dispersion $r > 0$ is fixed (any real $r$, not only integers: the "
                         "coefficient is written with $\\Gamma$)."])
