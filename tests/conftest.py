"""Shared fixtures: the Bernoulli setting used across the suite."""

import pytest
import sympy as sp


class Bernoulli:
    """Plain symbols with their ranges in `where`: the kernel's own form, so statements compare with ==."""
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
