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
from proofs.kernel import Equal, terms
from proofs.kernel import rules as K

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
    import proofs.kernel.language as language
    import proofs.kernel.theorem as theorem

    cached = {
        name
        for module in (terms, language, theorem)
        for name, value in vars(module).items()
        if isinstance(value, functools._lru_cache_wrapper)
    }
    registered = {cache.__wrapped__.__name__ for cache in terms.CACHES}
    assert cached == registered and cached >= {
        "check_well_formed",
        "needs",
        "free_vars",
        "ring_needs",
    }
    # clearing them changes no answer: they only remember pure functions of their keys
    before = check.positive(Defined("D", x) + 1, where={x: POS}).statement
    for cache in terms.CACHES:
        cache.cache_clear()
    assert check.positive(Defined("D", x) + 1, where={x: POS}).statement == before


# ------------------------------------------------------------------------------------------------
# found by review
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
