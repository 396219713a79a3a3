"""The theorem library: `prove(name, **options)` returns a `Proof`; `available()` lists what can be proved.

Imports the theorem scripts lazily so that `proofs list` stays fast.
"""

import importlib

from ..errors import UnknownTheoremError, UnsupportedError

# name -> (module, one-line summary, options with their allowed values)
LIBRARY = {
    "bernoulli": ("proofs.theorems.bernoulli",
                  "argmax of the Bernoulli likelihood = argmin of the binary cross-entropy",
                  {"reduction": ("mean", "sum")}),
}


def available():
    """(name, summary) for every theorem in the library, sorted by name."""
    return [(name, entry[1]) for name, entry in sorted(LIBRARY.items())]


RENDER_OPTIONS = ("notation", "theorem_env", "lemma_env", "proof_env", "label_prefix", "title", "figure")


def prove(name, **options):
    """Prove the named theorem and return its `Proof`; unknown names and options raise a clear ProofError.

    Rendering options (notation=, theorem_env=, label_prefix=, title=, figure=) become the Proof's defaults."""
    render = {key: options.pop(key) for key in RENDER_OPTIONS if key in options}
    if name not in LIBRARY:
        raise UnknownTheoremError(f"unknown theorem {name!r}; available: {', '.join(sorted(LIBRARY))}")
    module, _, allowed = LIBRARY[name]
    for key, value in options.items():
        if key == "model":
            continue
        if key not in allowed:
            raise UnsupportedError(f"theorem {name!r} has no option {key!r}; options: {', '.join(allowed) or 'none'}")
        if value not in allowed[key]:
            raise UnsupportedError(f"option {key}={value!r} of {name!r} must be one of {', '.join(allowed[key])}")
    proof = importlib.import_module(module).prove(**options)
    return proof.with_options(**render) if render else proof
