"""Soundness class 5: nothing the kernel relies on can be changed or forged through the public API.

Definitions are immutable; a theorem has no public constructor, cannot be subclassed, copied,
pickled or changed; genuineness is decided by identity, never by __eq__/__hash__; every kernel cache
is keyed by immutable terms and registered in one place."""

import copy
import functools
import pickle

import pytest
import sympy as sp

from proofs import Context, Defined, DefinedFamily, ForgeryError, ProofError, Theorem, check
from proofs.kernel import Equal, Member, terms
from proofs.kernel import rules as K
from proofs.testing import semantics

x, i = sp.symbols("x i")
POS = sp.Interval.open(0, sp.oo)


def test_a_definition_cannot_be_changed_so_a_cached_fact_cannot_go_stale():
    d = Defined("D", x)
    assert check.positive(d, where={x: POS})
    with pytest.raises(ForgeryError):
        d.body = -x
    with pytest.raises(ForgeryError):
        d.name = "E"
    assert d.body == x and check.positive(d, where={x: POS}).statement.expr.body == x
    with pytest.raises(ProofError):  # a different D (body −x) is a different key everywhere
        check.positive(Defined("D", -x), where={x: POS})


def test_a_family_cannot_be_changed():
    p = sp.IndexedBase("p")
    q = DefinedFamily("q", [i], p[i])
    for attribute, value in (("body", -p[i]), ("params", (x,)), ("__name__", "r")):
        with pytest.raises(ForgeryError):
            setattr(q, attribute, value)
    assert q.body == p[i] and q.params == (i,)


def test_a_theorem_cannot_be_built_changed_copied_or_pickled():
    th = K.refl(Context(), x)
    with pytest.raises(ForgeryError):
        Theorem(object(), Context(), Equal(x, sp.S.One), "made up")
    with pytest.raises(ForgeryError):
        th.statement = Equal(x, sp.S.One)
    for clone in (copy.copy, copy.deepcopy, lambda t: pickle.loads(pickle.dumps(t))):
        with pytest.raises((ForgeryError, TypeError, pickle.PicklingError)):
            clone(th)


def test_a_subclass_or_lookalike_overriding_eq_and_hash_is_not_genuine():
    genuine = K.refl(Context(), x)
    with pytest.raises(ForgeryError):
        type(
            "Impostor",
            (Theorem,),
            {"__eq__": lambda s, o: True, "__hash__": lambda s: hash(genuine)},
        )

    class Lookalike:
        statement, context, premises, rule = Equal(x, sp.S.One), Context(), (), "refl"
        __eq__ = lambda self, other: True  # noqa: E731
        __hash__ = lambda self: hash(genuine)  # noqa: E731

    for forged in (Lookalike(), object.__new__(Theorem)):
        with pytest.raises(ForgeryError):
            K.symm(forged)
        with pytest.raises(ForgeryError):
            K.trans(genuine, forged)


def test_a_context_cannot_be_changed():
    ctx = Context({x: POS})
    with pytest.raises(AttributeError):
        ctx.entries = ()
    with pytest.raises(AttributeError):
        ctx.names = {}


def test_every_kernel_cache_is_registered_and_keyed_by_terms():
    import proofs.kernel.corrections as corrections
    import proofs.kernel.enclosure as enclosure
    import proofs.kernel.language as language
    import proofs.kernel.theorem as theorem

    cached = {
        name
        for module in (terms, language, theorem, enclosure, corrections)
        for name, value in vars(module).items()
        if isinstance(value, functools._lru_cache_wrapper)
    }
    registered = {cache.__wrapped__.__name__ for cache in terms.CACHES}
    assert cached == registered and cached >= {
        "check_well_formed",
        "needs",
        "free_vars",
        "ring_needs",
        "_enclose",
    }
    # clearing them changes no answer: they only remember pure functions of their keys
    before = check.positive(Defined("D", x) + 1, where={x: POS}).statement
    for cache in terms.CACHES:
        cache.cache_clear()
    assert check.positive(Defined("D", x) + 1, where={x: POS}).statement == before


# ------------------------------------------------------------------------------------------------
# found by review
def test_an_object_posing_as_a_number_cannot_poison_the_bounds_cache():
    """A review: an object equal to 2 (and hashing alike) that reads as the rational −100 made
    sympy's sign question about exp(it) cache e⁻¹⁰⁰'s bounds under the key exp(2), since sympy's ==
    compares a term's arguments by value; then exp(x) < 1/1000 on [0, 2] followed.  Only a tree of
    sympy's own types is bounded (and cached)."""
    from proofs.errors import SideConditionError
    from proofs.kernel.enclosure import enclose

    two = sp.Integer(2)

    class Liar(sp.Expr):
        is_Rational = is_number = is_comparable = True
        p, q = -100, 1

        def __eq__(self, other):
            return other == two or other is self

        def __hash__(self):
            return hash(two)

        def _hashable_content(self):
            return ()

    monotone = check.strictly_increasing(sp.exp(x), x, sp.Interval(-sp.oo, sp.oo))
    values = K.member_context(Context({x: sp.Interval(0, 2)}), x)
    assert sp.exp(Liar(), evaluate=False).is_positive is None and enclose(Liar()) is None
    assert enclose(sp.exp(two))[0] > 7  # e² ≈ 7.39, not e⁻¹⁰⁰
    with pytest.raises(SideConditionError, match="not shown on the side"):
        K.member_monotone(monotone, values, 2, above=False, bound=sp.Rational(1, 1000))


def test_a_judgement_has_no_dictionary_to_edit():
    th = K.refl(Context(), x)
    with pytest.raises(TypeError):
        vars(th.statement)["rhs"] = x + 1
    with pytest.raises(AttributeError):
        th.statement.rhs = x + 1
    assert th.statement == Equal(x, x)


def test_a_family_s_evaluation_cannot_be_replaced():
    family = DefinedFamily("F", [x], x + 1)
    for attribute in ("eval", "nargs", "is_positive", "_sealed"):
        with pytest.raises(ForgeryError):
            setattr(family, attribute, classmethod(lambda cls, *args: sp.Integer(5)))
    with pytest.raises(ForgeryError):
        del family.body
    from proofs.kernel.terms import DefinedEntry

    with pytest.raises(ForgeryError):  # nor for every family at once
        DefinedEntry.eval = classmethod(lambda cls, *args: sp.Integer(5))
    assert K.unfold(Context(), family(2)).statement.rhs == 3


def test_a_set_must_be_sympy_s_own_so_its_contents_cannot_change():
    class Shifty(sp.FiniteSet):
        pass

    y = sp.Symbol("y")
    fact = K.member_context(Context({y: sp.FiniteSet(-1)}), y)
    with pytest.raises(ProofError, match="sympy's own types"):
        K.member_widen(fact, Shifty(-1, 0))
    with pytest.raises(ProofError, match="sympy's own types"):
        Context({y: Shifty(1, 2)})


def test_definitions_cannot_be_subclassed_into_changing_ones():
    with pytest.raises(ForgeryError):
        type("Shifting", (Defined,), {"body": property(lambda self: sp.S.Zero)})
    from proofs.kernel.terms import DefinedEntry

    with pytest.raises(ForgeryError):
        type("Evil", (DefinedEntry,), {"params": (x,), "body": x + 1, "nargs": 1})


# Classes that smuggle behaviour into terms: sympy acts on a class's own `eval` and assumption
# attributes when it builds a term, so the kernel accepts sympy's own classes exactly (an
# adversarial review found the first three making false theorems).
def _smuggling_function_evaluates():
    h = sp.Function("h", __dict__={"eval": classmethod(lambda cls, a: 1 if a == 0 else None)})
    zero = sp.Add(x, sp.Mul(-1, x), evaluate=False)
    return K.congruence(K.ring(Context(), zero, 0), h(zero))  # would state h(x − x) = 1


def _smuggling_function_claims_a_sign():
    g = sp.Function("g", __dict__={"is_positive": True})
    negative = K.member_context(Context({g: sp.Interval.open(-sp.oo, 0)}), g(x))
    square = K.member_mul(negative, negative)  # sympy turns sqrt(g(x)**2) into g(x) for it
    return K.member_pow(square, K.member_context(Context(), sp.Rational(1, 2)))


def _smuggling_indexed_claims_a_sign():
    class PositiveIndexed(sp.Indexed):
        is_positive = True
        is_real = True

    p = sp.IndexedBase("p")
    return K.member_context(Context({p: sp.Interval.open(-sp.oo, 0)}), PositiveIndexed(p, i))


def _smuggling_function_with_own_base():
    class Positive(sp.core.function.AppliedUndef):
        is_positive = True

    # a name no other test gives a plain function: sympy's cache would return an earlier plain
    # g(x) for g(x) (the two compare equal), so the class attribute would never reach the kernel
    g = sp.Function("g_with_own_base", bases=(Positive,))
    return K.member_context(Context(), g(x))


def _smuggling_sum_claims_zero():
    class ZeroSum(sp.Sum):
        is_zero = True

    return check.equal(ZeroSum(x, (i, 1, 2)), 0, where=Context())


def _smuggling_rational_claims_a_sign():
    class Signed(sp.Integer):
        is_positive = True

    minus_three = sp.Expr.__new__(Signed)  # Integer.__new__ would return sympy's cached -3
    minus_three.p = -3
    return K.member_context(Context(), minus_three)


@pytest.mark.parametrize("attack", [_smuggling_function_evaluates,
                                    _smuggling_function_claims_a_sign,
                                    _smuggling_indexed_claims_a_sign,
                                    _smuggling_function_with_own_base, _smuggling_sum_claims_zero,
                                    _smuggling_rational_claims_a_sign])
def test_classes_that_smuggle_behaviour_into_terms_are_refused(attack):
    with pytest.raises(ProofError):
        attack()


def test_a_smuggled_number_is_refused_after_sympy_s_own_was_checked():
    """The kernel's caches are typed: a number class equal to −3 is not answered from the entry
    made for sympy's −3 (CI ran this attack after a test had used −3, and the kernel took it as
    sympy's −3)."""
    K.member_context(Context(), sp.Integer(-3))
    with pytest.raises(ProofError):
        _smuggling_rational_claims_a_sign()


def test_the_smuggled_conclusions_are_false():
    # h(x − x) = 1 fails for a function with h(0) = 9/2; g(x) > 0 for g < 0; p[i] > 0 for p < 0
    p, g = sp.IndexedBase("p"), sp.Function("g")
    assert not semantics.confirm([], Equal(g(x - x + sp.Symbol("t") * 0), 1), points=8)
    assert not semantics.confirm([(g, sp.Interval.open(-sp.oo, 0))],
                                 Member(g(x), POS), points=8)
    assert not semantics.confirm([(p, sp.Interval.open(-sp.oo, 0))], Member(p[i], POS), points=8)


class _Liar(sp.Integer):
    """Prints as 5, and answers every < and > with true (Python runs a subclass's reflected
    comparison first)."""

    def __new__(cls, value):
        liar = sp.Expr.__new__(cls)
        liar.p = value
        return liar

    def __lt__(self, other):
        return sp.true

    def __gt__(self, other):
        return sp.true


def test_a_set_s_end_of_a_subclass_of_integer_is_refused():
    """A review: terms took only sympy's own rationals, but a set's ends were taken by
    is_Rational, which a subclass passes; x ∈ [2, 3] ⊢ x ∈ [4, ∞) was proved through [5, ∞)
    with a lying 5.  Ends of intervals, members of finite sets, a Range's ends, and
    member_monotone's point and bound are refused unless exactly sympy's."""
    liar = _Liar(5)
    at_two = K.member_context(Context({x: sp.Interval(2, 3)}), x)
    for real_set in (sp.Interval(liar, sp.oo), sp.FiniteSet(liar, 6), sp.Range(liar, 9)):
        with pytest.raises(ProofError):
            K.member_widen(at_two, real_set)
    rising = K.increasing_by_derivative(
        K.member_context(Context({x: sp.Interval(0, 9)}), x),
        K.member_context(Context({x: sp.Interval.open(0, 9)}), sp.Integer(1)), x, sp.Interval(0, 9))
    with pytest.raises(ProofError):
        K.member_monotone(rising, K.member_context(Context({x: sp.Interval(5, 9)}), x), liar)
    exponential = K.increasing_by_derivative(
        K.member_function(K.member_context(Context({x: sp.Interval(0, 1)}), x), sp.exp),
        K.member_function(K.member_context(Context({x: sp.Interval.open(0, 1)}), x), sp.exp), x,
        sp.Interval(0, 1))
    with pytest.raises(ProofError):
        K.member_monotone(exponential, K.member_context(Context({x: sp.Interval(0, 1)}), x), 1,
                          above=False, bound=_Liar(2))
