"""Soundness class 2: one name denotes one object; scalars, indexed families and functions are
apart.

Two objects with one printed name are refused, naming both; a context keeps a symbol x, a family
x[·] and a function x(·) as separate keys, so a range given to one never constrains another."""

import pytest
import sympy as sp

from proofs import Context, Defined, DefinedFamily, ProofError, check
from proofs.errors import UnsupportedError
from proofs.kernel import rules as K
from proofs.testing import numeric

x = sp.Symbol("x")
X = sp.IndexedBase("x")  # prints as x too
POS = sp.Interval.open(0, sp.oo)


def test_a_symbol_and_a_family_with_one_name_are_refused_naming_both():
    # x·x[1] is not increasing in x when x[1] < 0: the claim is false
    assert numeric.counterexample_to_increasing(
        (x * X[1]).subs(X[1], -1), x, sp.Interval(0, sp.oo), 0
    )
    with pytest.raises(UnsupportedError, match="the indexed family x and the symbol x"):
        check.strictly_increasing(x * X[1], x, sp.Interval(0, sp.oo))


@pytest.mark.parametrize(
    "where",
    [{X: sp.Interval(0, 1), x: sp.Interval(5, 6)}, {x: sp.Interval(5, 6), X: sp.Interval(0, 1)}],
)
def test_a_range_for_one_object_never_reaches_the_other_in_either_order(where):
    # x[1] − 2 > 0 is false for x[1] ∈ [0, 1]; refused whatever the order of the where mapping
    assert numeric.counterexample_to_positivity(X[1] - 2, {X: sp.Interval(0, 1)}, 0) is not None
    with pytest.raises(ProofError, match="two objects"):
        check.positive(X[1] - 2, where=where)


def test_the_kernel_context_keeps_scalars_families_and_functions_apart():
    f, q = sp.Function("q"), sp.IndexedBase("q")
    with pytest.raises(UnsupportedError, match="two objects"):
        Context({q: sp.Interval(0, 1), f: POS})
    ctx = Context({X: sp.Interval(0, 1)})
    assert ctx.lookup(X[1]) == sp.Interval(0, 1) and ctx.lookup(x) is None
    with pytest.raises(ProofError):  # x ∈ ℝ only: x − 2 > 0 is not shown, nor is x[1] > 2
        K.member_widen(
            K.member_add(K.member_context(ctx, X[1]), K.member_context(ctx, sp.S(-2))), POS
        )


def test_two_symbols_with_one_printed_name_are_refused():
    positive = sp.Symbol("x", positive=True)
    with pytest.raises(UnsupportedError, match=r"the symbol x and the symbol x \(positive=True\)"):
        check.strictly_increasing(x - 2 * positive, x, sp.S.Reals)
    with pytest.raises(UnsupportedError, match="two objects"):
        check.equal(x + sp.Dummy("x"), 2 * x)


def test_two_definitions_or_functions_with_one_name_are_refused():
    with pytest.raises(UnsupportedError, match="definition D"):
        check.equal(Defined("D", x) - Defined("D", 2 * x), 0)
    i = sp.Symbol("i")
    with pytest.raises(UnsupportedError, match="two objects"):
        check.equal(DefinedFamily("q", [i], X[i])(1), DefinedFamily("q", [i], 2 * X[i])(1))
    with pytest.raises(UnsupportedError, match="two objects"):
        check.positive(sp.Function("f")(x) + sp.Function("f", positive=True)(x), where={x: POS})
    with pytest.raises(UnsupportedError, match="two objects"):  # a definition named like a symbol
        check.equal(Defined("x", 3) + x, 3 + x)


@pytest.mark.parametrize("name", ["log", "exp", "Abs", "sqrt", "gamma"])
def test_an_undefined_function_named_as_a_known_one_is_refused(name):
    # Function('log')(x) ∈ ℝ would print as log(x) ∈ ℝ, a different claim to its reader
    with pytest.raises(UnsupportedError, match=f"the function {name} made by sympy.Function"):
        check.member(sp.Function(name)(x), sp.S.Reals)
    assert check.member(sp.Function(name + "_0")(x), sp.S.Reals)  # another name is a function


def test_a_theorem_combining_clashing_premises_is_refused():
    # two premises, each fine alone: one about the symbol x, one about the family x
    real = Context({x: sp.S.Reals})
    family = Context({X: sp.Interval(0, 1)})
    with pytest.raises(UnsupportedError, match="two objects"):
        K.member_add(K.member_context(real, x), K.member_context(family, X[1]))


def test_one_name_for_one_object_is_accepted():
    i = sp.Symbol("i")
    assert check.positive(X[i] + 1, where={X: sp.Interval(0, 1)})
    assert check.equal(
        sp.Sum(X[i], (i, 1, 3)) + sp.Sum(2 * X[i], (i, 1, 3)),
        3 * sp.Sum(X[i], (i, 1, 3)),
        where={X: sp.S.Reals},
    )


def test_a_family_body_s_symbol_named_like_its_parameter_is_another_object_and_refused():
    """A review: p(k) := i for a positive symbol i beside the plain parameter i is the constant i
    for every k (p(2) = 3 at i = 3), but the plain counterpart of that i is the parameter, which
    proved p(2) = 2.  Refused, naming the object; the same body over a parameter of another name
    is proved to be the constant it is."""
    i, k = sp.Symbol("i"), sp.Symbol("k")
    i_pos, w = sp.Symbol("i", positive=True), sp.Symbol("w")
    constant = DefinedFamily("p", [i], i_pos)
    assert constant(2).func.body.subs(i, 2).subs(i_pos, 3) == 3  # the user's p(2) at i = 3
    for claim in (lambda: check.equal(constant(2), 2),
                  lambda: check.equal(DefinedFamily("q", [i], i_pos ** 2 + 1)(1), 2),
                  lambda: check.same_optimizers(DefinedFamily("r", [i], i_pos * w)(-1), -w, [w],
                                                senses=("max", "max"))):
        with pytest.raises(UnsupportedError, match="the symbol i .*another object than its "
                                                   "parameter"):
            claim()
    renamed = DefinedFamily("p", [k], i_pos)
    assert check.equal(renamed(2), i_pos).statement.rhs == sp.Symbol("i")
    with pytest.raises(ProofError):
        check.equal(renamed(2), 2)
