"""Shared fixtures: the Bernoulli setting used across the suite."""

import pytest
import sympy as sp


class Bernoulli:
    i = sp.Symbol("i", integer=True, positive=True)
    j = sp.Symbol("j", integer=True, positive=True)
    n = sp.Symbol("n", integer=True, positive=True)
    p = sp.IndexedBase("p")
    y = sp.IndexedBase("y")
    where = {p: sp.Interval.open(0, 1), y: sp.FiniteSet(0, 1)}
    factor = p[i] ** y[i] * (1 - p[i]) ** (1 - y[i])
    likelihood = sp.Product(factor, (i, 1, n))
    log_likelihood_terms = sp.Sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]), (i, 1, n))
    ce = -sp.Sum(y[j] * sp.log(p[j]) + (1 - y[j]) * sp.log(1 - p[j]), (j, 1, n)) / n


@pytest.fixture
def bern():
    return Bernoulli
