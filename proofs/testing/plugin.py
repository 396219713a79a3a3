"""The pytest plugin (entry point ``pytest11: proofs``): a ``--proofs-max-examples`` option and a
``proof_checker`` fixture.

    def test_my_loss(proof_checker):
        proof_checker.loss_matches(my_bce)            # uses --proofs-max-examples (default 500)
        proof_checker.equal(sp.log(a * b), sp.log(a) + sp.log(b), where={a: pos, b: pos})
"""

import pytest

_CONFIGURED = {"max_examples": None}


def max_examples():
    """The value of --proofs-max-examples in this pytest run, or None outside pytest / when not given."""
    return _CONFIGURED["max_examples"]


def pytest_addoption(parser):
    group = parser.getgroup("proofs", "proofs: checked derivations and loss checks")
    group.addoption("--proofs-max-examples", type=int, default=None, metavar="N",
                    help="hypothesis examples per proofs.testing.assert_loss_matches call (default 500)")


def pytest_configure(config):
    value = config.getoption("--proofs-max-examples", default=None)
    if value is not None and value < 1:
        raise pytest.UsageError("--proofs-max-examples must be a positive number")
    _CONFIGURED["max_examples"] = value


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
