"""A route is what proves a claim: with it switched off, the claim is refused as not proved
(never called false), so that a test of the route does not pass on another route's proof."""

import pytest
import sympy as sp

from proofs import Disproved, ProofError, check


def assert_refused_without(monkeypatch, module, route, term, real_set, where, also=()):
    """Refused with `module.route` switched off, and each (module, route) of `also`: the other
    routes that prove the claim in their own way."""
    for owner, name in ((module, route), *also):
        monkeypatch.setattr(owner, name, lambda *args: None)
    with pytest.raises(ProofError) as refusal:
        check.member(term, real_set, where=where)
    assert not isinstance(refusal.value, Disproved)


def assert_false_at(term, real_set, point, names, sizes=()):
    """The point a Disproved carries (names as strings) makes the claim false by sympy's own
    reckoning: term's sums written out by doit at the sizes (`sizes`: the symbols that are sums'
    ends) and evaluated there, undefined or outside real_set."""
    values = {sp.sympify(name, locals=names): value for name, value in point.items()}
    ends = {symbol: value for symbol, value in values.items() if symbol in sizes}
    value = term.subs(ends).doit().subs(values)
    assert not (value.is_real and real_set.contains(value) is sp.true)
