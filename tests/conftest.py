"""Shared fixtures: the Bernoulli setting used across the suite."""

import pytest
import sympy as sp


class Bernoulli:
    """Plain symbols with their ranges in `where`: the kernel's own form, so statements compare
    with ==."""
    i, j, n = sp.symbols("i j n")
    p = sp.IndexedBase("p")
    y = sp.IndexedBase("y")
    where = {p: sp.Interval.open(0, 1), y: sp.FiniteSet(0, 1), n: sp.S.Naturals}
    factor = p[i] ** y[i] * (1 - p[i]) ** (1 - y[i])
    likelihood = sp.Product(factor, (i, 1, n))
    log_likelihood_terms = sp.Sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]), (i, 1, n))
    ce = -sp.Sum(y[j] * sp.log(p[j]) + (1 - y[j]) * sp.log(1 - p[j]), (j, 1, n)) / n


@pytest.fixture
def bern():
    return Bernoulli


# ------------------------------------------------------------------------------------------------
# the kernel fuzzer (tests/test_fuzz_kernel.py): --proofs-fuzz N asks for at least N rule
# applications; the fuzzer's figures are printed in the terminal summary
FUZZ_REPORTS = []


def pytest_addoption(parser):
    parser.addoption("--proofs-fuzz", type=int, default=None, metavar="N",
                     help="rule applications the kernel fuzzer makes at least (default 8000)")


def pytest_configure(config):
    value = config.getoption("--proofs-fuzz", default=None)
    if value is not None and value < 1:
        raise pytest.UsageError("--proofs-fuzz must be a positive number")


@pytest.fixture
def proofs_fuzz(request):
    """The number of rule applications the kernel fuzzer should make, or None for its default; a
    list the fuzzer appends its figures to."""
    return request.config.getoption("--proofs-fuzz", default=None), FUZZ_REPORTS


def pytest_terminal_summary(terminalreporter):
    for line in FUZZ_REPORTS:
        terminalreporter.write_line(line)
