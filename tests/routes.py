"""A route is what proves a claim: with it switched off, the claim is refused as not proved
(never called false), so that a test of the route does not pass on another route's proof."""

import pytest

from proofs import Disproved, ProofError, check


def assert_refused_without(monkeypatch, module, route, term, real_set, where):
    monkeypatch.setattr(module, route, lambda *args: None)
    with pytest.raises(ProofError) as refusal:
        check.member(term, real_set, where=where)
    assert not isinstance(refusal.value, Disproved)
