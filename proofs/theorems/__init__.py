"""The theorem library: `prove(name, **options)` returns a `Proof`; `available()` lists what can be
proved.

Each theorem is a derivation script (a function returning a `proofs.Derivation`, written on the same
public API users have); this registry is the one list of them: the CLI's choices and options and the
tests' variants are read from it.  Imports the scripts lazily so that `proofs list` stays fast.
"""

import importlib
import inspect
import itertools
from dataclasses import replace

from ..errors import UnknownTheoremError, UnsupportedError

# name -> (module:function of the script, one-line summary, options with their allowed values)
LIBRARY = {
    "bernoulli": ("proofs.theorems.bernoulli:bernoulli",
                  "argmax of the Bernoulli likelihood = argmin of the binary cross-entropy",
                  {"reduction": ("mean", "sum")}),
    "iid": ("proofs.theorems.iid:iid",
            "any iid model with f > 0: argmax of the likelihood = argmin of the cross-entropy "
            "(and of KL)",
            {"kl": (False, True), "continuous": (False, True)}),
    "categorical": ("proofs.theorems.categorical:categorical",
                    "K classes, one-hot labels: argmax of the likelihood = argmin of the "
                    "categorical CE",
                    {"softmax": (False, True)}),
    "gaussian": ("proofs.theorems.gaussian:gaussian",
                 "Gaussian with fixed sigma: argmax of the likelihood = argmin of the mean squared "
                 "error", {}),
    "logistic": ("proofs.theorems.logistic:logistic",
                 "logistic regression p = sigma(w x): maximum likelihood = minimum BCE", {}),
    "network": ("proofs.theorems.logistic:network",
                "any network p = sigma(f(x)): maximum likelihood = minimum BCE, as sets of "
                "optimizers", {}),
    "soft_labels": ("proofs.theorems.soft_labels:soft_labels",
                    "targets in [0, 1]: the BCE identity; with --normalized, the continuous "
                    "Bernoulli",
                    {"normalized": (False, True)}),
    "poisson": ("proofs.theorems.poisson:poisson",
                "Poisson counts: argmax of the likelihood (with y!) = argmin of the Poisson NLL",
                {}),
    "exponential": ("proofs.theorems.exponential:exponential",
                    "exponential waiting times: argmax of the likelihood = argmin of the NLL", {}),
    "laplace": ("proofs.theorems.laplace:laplace",
                "Laplace with fixed scale: argmax of the likelihood = argmin of the mean absolute "
                "error", {}),
    "gaussian_weighted": ("proofs.theorems.gaussian_weighted:gaussian_weighted",
                          "Gaussian with known sigma_i: argmax of the likelihood = argmin of the "
                          "weighted squared error", {}),
    "bernoulli_logits": ("proofs.theorems.bernoulli_logits:bernoulli_logits",
                         "Bernoulli with logits: argmax of the likelihood = argmin of BCE with "
                         "logits", {}),
    "binomial": ("proofs.theorems.binomial:binomial",
                 "binomial counts in m_i trials: argmax of the likelihood = argmin of the NLL", {}),
    "negative_binomial": ("proofs.theorems.negative_binomial:negative_binomial",
                          "negative binomial with fixed r: argmax of the likelihood = argmin of "
                          "the NLL", {}),
    "weighted": ("proofs.theorems.weighted:weighted",
                 "per-sample weights w > 0: weighted likelihood = weighted cross-entropy",
                 {"reduction": ("mean", "sum")}),
}


# the words `proofs prove --help` shows for each option of the registry
OPTION_HELP = {
    "reduction": "cross-entropy reduction: mean, -(1/n) sum (default), or sum",
    "normalized": "soft_labels: the continuous Bernoulli (normalized density)",
    "kl": "iid: also the KL divergence",
    "softmax": "categorical: probabilities given by the softmax of logits z",
    "continuous": "iid: the observations are continuous (no KL claim can be made)",
}


def options():
    """Every option of the registry: name -> allowed values (the first is the default)."""
    found = {}
    for _, _, allowed in LIBRARY.values():
        for key, values in allowed.items():
            found.setdefault(key, tuple(values))
    return found


def combinations():
    """(name, options) for every theorem and every combination of its options' values, by name (a
    theorem may refuse a combination: iid's kl with continuous observations)."""
    for name, (_, _, allowed) in sorted(LIBRARY.items()):
        for values in itertools.product(*allowed.values()):
            yield name, dict(zip(allowed, values))


def available():
    """(name, summary) for every theorem in the library, sorted by name."""
    return [(name, entry[1]) for name, entry in sorted(LIBRARY.items())]


RENDER_OPTIONS = ("notation", "theorem_env", "lemma_env", "proof_env", "label_prefix", "title",
                  "figure", "detail")


def canonical(name):
    """The registry's name for `name`: the names are identifiers (coqc compiles `NAME.v` only when
    NAME is one), and the dashed spellings of earlier versions (soft-labels) name the same
    theorems."""
    spelled = str(name).replace("-", "_")
    return spelled if spelled in LIBRARY else name


def prove(name, **options):
    """Prove the named theorem and return its `Proof`; unknown names and options raise a clear
    ProofError.

    Rendering options (notation=, theorem_env=, label_prefix=, title=, figure=) become the Proof's
    defaults."""
    render = {key: options.pop(key) for key in RENDER_OPTIONS if key in options}
    name = canonical(name)
    if name not in LIBRARY:
        raise UnknownTheoremError(f"unknown theorem {name!r}; "
                                  f"available: {', '.join(sorted(LIBRARY))}")
    module, _, allowed = LIBRARY[name]
    module, _, function = module.partition(":")
    theorem = getattr(importlib.import_module(module), function)
    for key, value in options.items():
        if key == "model" and "model" in inspect.signature(theorem).parameters:
            continue  # a variant of the setting (proofs.models), which the theorem checks
        if key not in allowed:
            raise UnsupportedError(f"theorem {name!r} has no option {key!r}; "
                                   f"options: {', '.join(allowed) or 'none'}")
        if value not in allowed[key]:
            raise UnsupportedError(f"option {key}={value!r} of {name!r} must be one of "
                                   f"{', '.join(map(str, allowed[key]))}")
    from ..proof import issue
    proof = theorem(**options).proof()
    # the options a document was made with, defaults included (its header lists them)
    chosen = {key: options.get(key, values[0]) for key, values in allowed.items()}
    proof = issue(replace(proof, symbols={**proof.symbols, "options": chosen}))
    return proof.with_options(**render) if render else proof
