"""Property suite: true claims are mutated into false ones; each confirmed false is refused.

Over the five families below at least 1000 confirmed-false claims (the minimums 360 + 6 + 280 + 320 + 40)
are generated and every one of them must be refused with a `ProofError`.  Each family also checks that the
unmutated claim is accepted, so the refusals are not just an engine that refuses everything.
"""

import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofs import ProofError, check
from tests import strategies as S

x, a, b = sp.symbols("x a b")
POS = sp.Interval.open(0, sp.oo)
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def refused(claim, *args, **kwargs):
    try:
        claim(*args, **kwargs)
    except ProofError:
        return True
    return False


def run_family(test, minimum):
    """Run a hypothesis family; it returns how many confirmed-false claims it saw; require a minimum."""
    seen = {"false": 0}
    test(seen)
    print(f"{test.__name__}: {seen['false']} confirmed-false claims refused")
    assert seen["false"] >= minimum, f"only {seen['false']} confirmed-false claims were generated"
    return seen["false"]


# ------------------------------------------------------------------------------------------------ A: log identities
LOG_MUTATIONS = ["flip", "coefficient", "drop_constant", "widen", "swap_base"]


def test_log_identities_mutated_are_refused():
    @settings(max_examples=500, **SETTINGS)
    @given(k=S.nonzero_small_ints, m=S.nonzero_small_ints, c=S.positive_rationals.filter(lambda c: c != 1),
           mutation=st.sampled_from(LOG_MUTATIONS), wider=st.sampled_from(S.WIDER_DOMAINS), seed=S.seeds)
    def family(seen, k, m, c, mutation, wider, seed):
        where = {a: POS, b: POS}
        lhs, rhs = sp.log(c * a ** k * b ** m), k * sp.log(a) + m * sp.log(b) + sp.log(c)
        if mutation == "flip":
            rhs = -rhs
        elif mutation == "coefficient":
            rhs = rhs + sp.log(a)
        elif mutation == "drop_constant":
            rhs = rhs - sp.log(c)
        elif mutation == "widen":
            where = {a: wider, b: POS}
        else:
            rhs = rhs.xreplace({a: b, b: a})
        if S.counterexample_to_equality(lhs, rhs, where, seed) is None:
            return
        seen["false"] += 1
        assert refused(check.equal, lhs, rhs, where=where), f"accepted false {lhs} = {rhs} on {where}"

    assert check.equal(sp.log(3 * a ** 2 / b), 2 * sp.log(a) - sp.log(b) + sp.log(3), where={a: POS, b: POS})
    run_family(family, 360)


# ------------------------------------------------------------------------------------------------ B: Bernoulli identity
def bernoulli_mutations(bern):
    n, ce = bern.n, bern.ce
    swapped = ce.xreplace({bern.y[bern.j]: 1 - bern.y[bern.j]})
    return {
        "flip sign": (-bern.n * ce).__neg__(),
        "drop n": -ce,
        "n instead of 1/n": -n * n * ce,
        "swap y and 1 - y": -n * swapped,
        "p may be 0 or 1": -n * ce,
        "p may be negative": -n * ce,
    }


def test_bernoulli_identity_mutated_is_refused(bern):
    lhs = sp.log(bern.likelihood)
    assert check.equal(lhs, -bern.n * bern.ce, where=bern.where)
    count = 0
    for name, rhs in bernoulli_mutations(bern).items():
        where = dict(bern.where)
        if name == "p may be 0 or 1":
            where[bern.p] = sp.Interval(0, 1)
        if name == "p may be negative":
            where[bern.p] = sp.Interval.open(-1, 1)
        fixed = {bern.n: 3}
        if S.counterexample_to_equality(lhs, rhs, where, seed=len(name), fixed=fixed, tries=60) is None:
            continue
        count += 1
        assert refused(check.equal, lhs, rhs, where=where), name
    assert count == 6


# ------------------------------------------------------------------------------------------------ C: positivity
def positive_expression(k1, k2, k3, m, p, n):
    return k1 * p + k2 * (1 - p) ** m + k3 / n


def test_positivity_mutated_is_refused():
    p = sp.Symbol("p")
    n = sp.Symbol("n", integer=True, positive=True)

    @settings(max_examples=400, **SETTINGS)
    @given(k1=S.positive_rationals, k2=S.positive_rationals, k3=S.positive_rationals, m=st.integers(1, 4),
           mutation=st.sampled_from(["negate", "shift", "zero scale", "widen", "times p"]),
           wider=st.sampled_from(S.WIDER_DOMAINS), seed=S.seeds)
    def family(seen, k1, k2, k3, m, mutation, wider, seed):
        where = {p: sp.Interval.open(0, 1)}
        expr = positive_expression(k1, k2, k3, m, p, n)
        if mutation == "negate":
            expr = -expr
        elif mutation == "shift":
            expr = expr - (k1 + k2 + k3)
        elif mutation == "zero scale":
            expr = 0 * expr
        elif mutation == "widen":
            where = {p: wider}
        else:
            expr, where = expr * p, {p: wider}
        if S.counterexample_to_positivity(expr, where, seed, fixed={n: 1 + seed % 3}) is None:
            return
        seen["false"] += 1
        assert refused(check.positive, expr, where=where), f"accepted false {expr} > 0 on {where}"

    assert check.positive(positive_expression(1, 2, 3, 2, p, n), where={p: sp.Interval.open(0, 1)})
    run_family(family, 280)


# ------------------------------------------------------------------------------------------------ D: monotonicity
def test_monotonicity_mutated_is_refused():
    @settings(max_examples=400, **SETTINGS)
    @given(k=S.positive_rationals, c=S.rationals, m=st.integers(1, 3),
           base=st.sampled_from(["linear", "log", "power", "reciprocal"]),
           mutation=st.sampled_from(["negate", "square", "jump", "wiggle", "pole"]), seed=S.seeds)
    def family(seen, k, c, m, base, mutation, seed):
        g, interval = {"linear": (k * x + c, sp.S.Reals), "log": (k * sp.log(x) + c, POS),
                       "power": (k * x ** m + c, POS), "reciprocal": (c - k / x, POS)}[base]
        if mutation == "negate":
            g = -g
        elif mutation == "square":
            g, interval = (g - c) ** 2, sp.Interval.open(-2, 2) if base == "linear" else interval
        elif mutation == "jump":
            g = g - 100 * k * sp.floor(x)
        elif mutation == "wiggle":
            g = g + 100 * k * sp.sin(x)
        else:
            g, interval = c - k / x, sp.Interval.open(-1, 3)
        if S.counterexample_to_increasing(g, x, interval, seed) is None:
            return
        seen["false"] += 1
        assert refused(check.strictly_increasing, g, x, interval), f"accepted false: {g} increasing on {interval}"

    for g, interval in [(2 * x + 1, sp.S.Reals), (3 * sp.log(x), POS), (x ** 3, POS), (5 - 2 / x, POS)]:
        assert check.strictly_increasing(g, x, interval)
    run_family(family, 320)


# ------------------------------------------------------------------------------------------------ E: optimizer sets
def test_optimizer_claims_mutated_are_refused(bern):
    p, y, n = bern.p, bern.y, bern.n
    data = {n: 2, y[1]: 1, y[2]: 0}
    grids = [[{**data, p[1]: sp.Rational(u, 10), p[2]: sp.Rational(v, 10)} for u, v in pairs]
             for pairs in ([(3, 6), (7, 2), (5, 5)], [(9, 1), (1, 9), (6, 4)], [(2, 2), (8, 8)])]

    @settings(max_examples=60, **SETTINGS)
    @given(r=S.positive_rationals, d=S.rationals,
           mutation=st.sampled_from(["senses", "negative scale", "zero scale", "flipped objective"]))
    def family(seen, r, d, mutation):
        g, senses = r * bern.ce + d, ("max", "min")
        if mutation == "senses":
            senses = ("max", "max")
        elif mutation == "negative scale":
            g = -r * bern.ce + d
        elif mutation == "zero scale":
            g = 0 * bern.ce + d
        else:
            g = r * bern.log_likelihood_terms / n + d
        if S.counterexample_to_same_optimizers(bern.likelihood, senses[0], g, senses[1], grids) is None:
            return
        seen["false"] += 1
        assert refused(check.same_optimizers, bern.likelihood, g, over=[p], where=bern.where, senses=senses)

    assert check.same_optimizers(bern.likelihood, 3 * bern.ce + 2, over=[p], where=bern.where)
    run_family(family, 40)
