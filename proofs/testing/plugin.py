"""The pytest plugin (entry point ``pytest11: proofs``): options for the loss checks and a
``proof_checker`` fixture.

    --proofs-max-examples N     hypothesis examples per assert_loss_matches call (default 500)
    --proofs-dtype DTYPE        the default dtype of assert_loss_matches (float64, float32, …)
    --proofs-no-gradients       compare values only, not gradients

    def test_my_loss(proof_checker):
        proof_checker.loss_matches(my_bce)            # uses --proofs-max-examples (default 500)
        proof_checker.equal(sp.log(a * b), sp.log(a) + sp.log(b), where={a: pos, b: pos})
"""

import pytest

_CONFIGURED = {"max_examples": None, "dtype": None, "gradients": None}


def max_examples():
    """The value of --proofs-max-examples in this pytest run, or None outside pytest / when not
    given."""
    return _CONFIGURED["max_examples"]


def dtype():
    """The value of --proofs-dtype in this pytest run, or None."""
    return _CONFIGURED["dtype"]


def gradients():
    """False when --proofs-no-gradients was given, else None."""
    return _CONFIGURED["gradients"]


def pytest_addoption(parser):
    group = parser.getgroup("proofs", "proofs: checked derivations and loss checks")
    group.addoption("--proofs-max-examples", type=int, default=None, metavar="N",
                    help="hypothesis examples per proofs.testing.assert_loss_matches call "
                         "(default 500)")
    group.addoption("--proofs-dtype", default=None, metavar="DTYPE",
                    choices=("float64", "float32", "float16", "bfloat16"),
                    help="default dtype of proofs.testing.assert_loss_matches (default float64)")
    group.addoption("--proofs-no-gradients", action="store_true", default=False,
                    help="proofs.testing.assert_loss_matches compares values only, not gradients")


def pytest_configure(config):
    value = config.getoption("--proofs-max-examples", default=None)
    if value is not None and value < 1:
        raise pytest.UsageError("--proofs-max-examples must be a positive number")
    _CONFIGURED["max_examples"] = value
    _CONFIGURED["dtype"] = config.getoption("--proofs-dtype", default=None)
    _CONFIGURED["gradients"] = (False if config.getoption("--proofs-no-gradients", default=False)
                                else None)


class ProofChecker:
    """The `proofs.testing` assertions, with this run's settings applied."""

    def __init__(self, examples):
        self.max_examples = examples

    def equal(self, lhs, rhs, where=None):
        from . import assert_equal
        return assert_equal(lhs, rhs, where=where)

    def same_optimizers(self, f, g, over, where=None, senses=("max", "min")):
        from . import assert_same_optimizers
        return assert_same_optimizers(f, g, over, where=where, senses=senses)

    def numerically_equal(self, theorem_or_equality, **options):
        from . import assert_numerically_equal
        return assert_numerically_equal(theorem_or_equality, **options)

    def loss_matches(self, loss_fn, **options):
        from . import DEFAULT_MAX_EXAMPLES, assert_loss_matches
        options.setdefault("max_examples", self.max_examples or DEFAULT_MAX_EXAMPLES)
        return assert_loss_matches(loss_fn, **options)


@pytest.fixture
def proof_checker(request):
    """Assertions from `proofs.testing`, honouring --proofs-max-examples."""
    return ProofChecker(request.config.getoption("--proofs-max-examples", default=None))
