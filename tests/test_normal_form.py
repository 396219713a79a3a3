"""The normal-form tactic's shortcuts agree with what they stand in for."""

import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs.rules.normal_form import multiplies_out, on_atoms

a, b, c = sp.symbols("a b c")
LEAVES = st.sampled_from([a, b, c, sp.log(a), sp.exp(b), sp.Integer(2), sp.Rational(-1, 3)])


def terms():
    return st.recursive(LEAVES, lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=3).map(lambda args: sp.Add(*args)),
        st.lists(inner, min_size=2, max_size=3).map(lambda args: sp.Mul(*args)),
        st.tuples(inner, st.integers(-3, 3)).map(lambda pair: pair[0] ** pair[1]),
        inner.map(sp.log)), max_leaves=8)


@settings(max_examples=1000, deadline=None)
@given(terms())
def test_terms_said_not_to_multiply_out_are_left_alone_by_expand(expr):
    if not multiplies_out(expr):
        assert on_atoms(sp.expand, expr) == expr


def test_multiplies_out_sees_sums_in_products_and_powers():
    assert multiplies_out(a * (b + c)) and multiplies_out((a + b) ** 2) and multiplies_out((a + b) ** -2)
    assert multiplies_out(sp.log(a) + c * (a + 1))
    assert multiplies_out(1 / (a * (a + b))) and multiplies_out(sp.Rational(2, 3) / (a + b))  # denominators
    assert not multiplies_out(a * b + c) and not multiplies_out(1 / (a + b)) and not multiplies_out(sp.log(a + b))
    assert not multiplies_out(2 / (a + b)) and not multiplies_out(a / (a + b))
