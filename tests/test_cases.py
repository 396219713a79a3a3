"""Ends of a range reached by cases on the sign of the variable (proofs/rules/cases.py): the
variable's range cut where an absolute value's argument changes sign, or at 0; each true claim is
proved and confirmed at random points, each false neighbour is never proved."""

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs import Context, Disproved, ProofError, check
from proofs.kernel import Member
from proofs.rules import signs
from proofs.rules.cases import MOST_CUTS, cuts, through_cases
from proofs.rules.positivity import prove_member
from proofs.testing import semantics
from proofs.tree import tree_nodes

x, y = sp.symbols("x y")
RATIONALS = st.fractions(min_value=-3, max_value=3, max_denominator=4).map(sp.Rational)


@settings(max_examples=25, deadline=None)
@given(RATIONALS, RATIONALS)
def test_the_triangle_inequality_for_two_distances(p, q):
    """|x − p| + |x − q| ≥ |p − q|: met on the whole segment between p and q, so a bound 1/10
    above it is false there, and never proved."""
    claim = sp.Abs(x - p) + sp.Abs(x - q)
    distance = abs(p - q)
    theorem = check.member(claim, sp.Interval(distance, sp.oo))
    assert theorem.statement == Member(claim, sp.Interval(distance, sp.oo))
    assert theorem.context == Context()
    assert semantics.confirm((), theorem.statement, points=30)
    with pytest.raises(ProofError):
        check.member(claim, sp.Interval(distance + sp.Rational(1, 10), sp.oo))


def test_a_range_given_in_where_is_cut_and_joined_back():
    where = {x: sp.Interval(-2, 3)}
    theorem = check.member(x / (1 + sp.Abs(x)), sp.Interval.open(-1, 1), where=where)
    assert theorem.rule == "by_cases"
    assert theorem.context == Context(where)
    assert theorem.premises[0].context.lookup(x) == sp.Interval(-2, 0)
    assert theorem.premises[1].context.lookup(x) == sp.Interval(0, 3)


def test_a_range_beside_the_cut_is_not_cut():
    """For x ≥ 0, 0 is an end, not inside: the claim is proved on the range as given."""
    theorem = check.member(sp.Abs(x) - x, sp.Interval(0, sp.oo),
                           where={x: sp.Interval(0, sp.oo)})
    assert theorem.rule != "by_cases"


def test_cuts_are_where_an_absolute_value_changes_sign_or_zero():
    assert cuts(sp.Abs(x - 1) + sp.Abs(2 * x + 1), x) == {1, sp.Rational(-1, 2)}
    assert cuts(x / sp.sqrt(1 + x ** 2), x) == {0}
    # no line: |x² − 1| changes sign at ±1, which this guess does not find
    assert cuts(sp.Abs(x ** 2 - 1), x) == {0}


def test_too_many_cuts_are_left_alone():
    claim = sum(sp.Abs(x - k) for k in range(MOST_CUTS + 1))
    context = Context()
    fact = prove_member(context, claim)
    assert through_cases(context, fact, sp.Interval(2, sp.oo), lambda *args: args[1]) is None


def test_a_function_of_two_variables_is_not_cut(monkeypatch):
    """xy/(1 + |xy|) ∈ (−1, 1) holds, but the cases are on one variable only: refused, not
    disproved, by these routes; its difference from each end over 1 + |xy| > 0, whose numerator
    the absolute values' lines bound, proves it (signs.through_factor_signs)."""
    claim = (x * y / (1 + sp.Abs(x * y)), sp.Interval.open(-1, 1))
    assert check.member(*claim, where={y: sp.Interval(0, 1)}).statement == Member(*claim)
    monkeypatch.setattr(signs, "through_factor_signs", lambda *args: None)
    with pytest.raises(ProofError) as refusal:
        check.member(*claim, where={y: sp.Interval(0, 1)})
    assert not isinstance(refusal.value, Disproved)


def test_a_derivation_names_each_case():
    from proofs import Derivation

    d = Derivation("Cases")
    d.theorem("Softsign", d.member(x / (1 + sp.Abs(x)), sp.Interval.open(-1, 1)))
    text = d.proof().to_text()
    assert "x ∈ (−∞, 0]" in text and "[case 1]" in text
    assert "x ∈ [0, ∞)" in text and "[case 2]" in text
    assert "[the cases above]" in text
    # the piece's equation names why |x| is x or −x there
    line = next(line for line in text.splitlines() if "x/(1 + |x|) = x/(x + 1)" in line)
    assert line.endswith("[the sign of the absolute value's argument]")


ABOVE_ZERO = sp.Interval(0, sp.oo)


@pytest.mark.parametrize("name, claim", [
    ("hinge", lambda a, b, w: (1 - y * x + sp.Abs(1 - y * x)) / 2),
    ("ReLU of a linear layer", lambda a, b, w: (w * x + b + sp.Abs(w * x + b)) / 2),
    ("max(a, b) - a", lambda a, b, w: (a + b + sp.Abs(a - b)) / 2 - a),
    ("max(a, b) - b", lambda a, b, w: (a + b + sp.Abs(a - b)) / 2 - b),
    ("a - min(a, b)", lambda a, b, w: a - (a + b - sp.Abs(a - b)) / 2),
    ("|ab| - ab", lambda a, b, w: sp.Abs(a * b) - a * b),
    ("|e^x - 2| + e^x - 2", lambda a, b, w: sp.Abs(sp.exp(x) - 2) + sp.exp(x) - 2),
])
def test_an_absolute_value_of_a_compound_argument_is_bounded_through_a_new_symbol(name, claim):
    """max and ReLU written with |·| (as the hint for Max asks) over a compound argument t: g is
    h(t) with h(u) = (|u| ± u)/2 + …, bounded by cases on u's sign and then instantiated at t."""
    a, b, w = sp.symbols("a b w")
    expr = claim(a, b, w)
    theorem = check.member(expr, ABOVE_ZERO)
    assert theorem.statement == Member(expr, ABOVE_ZERO)
    assert semantics.confirm(theorem.context.entries, theorem.statement, points=30)
    assert any(node.rule == "instantiate" for node in tree_nodes(theorem))


@pytest.mark.parametrize("claim", [
    lambda a, b, w: (w * x + b - sp.Abs(w * x + b)) / 2,  # −ReLU(−t): ≤ 0
    lambda a, b, w: (1 - y * x + sp.Abs(1 - y * x)) / 2 - sp.Rational(1, 100),
    lambda a, b, w: sp.Abs(a * b) + a * b - 1,
    lambda a, b, w: (a + b + sp.Abs(a - b)) / 2 - a - b,
])
def test_a_false_neighbour_of_those_is_disproved(claim):
    a, b, w = sp.symbols("a b w")
    with pytest.raises(Disproved):
        check.member(claim(a, b, w), ABOVE_ZERO)


# ------------------------------------------------------------------------------------------------
# closed ends put in: x ∈ [0, ∞) as x = 0 or x > 0 (through_endpoints)
a, b = sp.symbols("a b")
HALF_LINE, UNIT_SEGMENT = sp.Interval(0, sp.oo), sp.Interval(0, 1)
AM_GM = (a + b) / 2 - sp.sqrt(a * b)


@pytest.mark.parametrize("ranges", [{a: HALF_LINE, b: HALF_LINE},
                                    {a: HALF_LINE, b: sp.Interval.open(0, sp.oo)},
                                    {a: UNIT_SEGMENT, b: UNIT_SEGMENT}],
                         ids=["a, b ≥ 0", "a ≥ 0, b > 0", "a, b ∈ [0, 1]"])
def test_am_gm_holds_at_the_closed_ends_too(ranges):
    """√(ab) = √a √b is proved through logs, for a, b > 0; at a = 0 or b = 0 (or 1) the claim is
    a number put in: the kernel joins the cases (`by_cases`)."""
    theorem = check.member(AM_GM, HALF_LINE, where=ranges)
    assert theorem.statement == Member(AM_GM, HALF_LINE)
    assert dict(theorem.context.entries) == ranges
    assert any(node.rule == "by_cases" and any(type(real_set) is sp.FiniteSet
                                               for p in node.premises
                                               for _, real_set in p.context.entries)
               for node in tree_nodes(theorem))
    verdict = semantics.confirm(theorem.context.entries, theorem.statement, points=30)
    assert not verdict.refuted
    for at in ({a: 0, b: 3}, {a: 0, b: 0}, {a: 2, b: 0}):  # the ends themselves, exactly
        assert AM_GM.subs(at) >= 0


def test_a_claim_false_only_at_a_closed_end_is_not_proved():
    """a√b > 0 holds for a > 0 but is 0 at a = 0: the end's case fails, so does the claim."""
    claim = a * sp.sqrt(b)
    with pytest.raises(ProofError):
        check.positive(claim, where={a: HALF_LINE, b: sp.Interval.open(0, sp.oo)})
    assert claim.subs({a: 0, b: 1}) == 0
    with pytest.raises(Disproved):
        check.member(sp.sqrt(a * b) - (a + b) / 3, HALF_LINE, where={a: HALF_LINE, b: HALF_LINE})


def test_closed_ends_are_split_at_most_two_symbols_deep():
    """AM-GM's terms for three symbols ≥ 0 that need the split each: left (each depth costs the
    other routes once more), refused, not called false."""
    c = sp.Symbol("c")
    claim = AM_GM + (b + c) / 2 - sp.sqrt(b * c) + (a + c) / 2 - sp.sqrt(a * c)
    with pytest.raises(ProofError) as refusal:
        check.member(claim, HALF_LINE, where={a: HALF_LINE, b: HALF_LINE, c: HALF_LINE})
    assert not isinstance(refusal.value, Disproved)
    proved = check.member(claim, HALF_LINE, where={a: HALF_LINE, b: HALF_LINE,
                                                   c: sp.Interval.open(0, sp.oo)})
    assert proved.statement == Member(claim, HALF_LINE)


def test_a_derivation_says_the_ends_hold_too():
    from proofs import Derivation
    d = Derivation("AM-GM", where={a: HALF_LINE, b: HALF_LINE})
    d.theorem("AM-GM", d.chain((a + b) / 2).ge(sp.sqrt(a * b)))
    text = d.proof().to_text()
    # the last form the difference was written in (roots split, then squares completed; which
    # root comes first depends on the facts an earlier claim left proved)
    assert any(f"the difference is (1/2) ({square})^{{2}} ≥ 0; it is nonnegative at a = 0 and at "
               f"b = 0 too" in text for square in ("√a − √b", "√b − √a"))
    assert "monotone" not in text


def test_a_step_shown_at_each_value_of_a_label_names_the_values():
    """Cases that are all values of a label (y ∈ {0, 1}, each put in) are named as such; a
    closed end's words (an interior, then its ends) do not apply, and must not crash
    (helper-137's review: StopIteration)."""
    from proofs import Derivation
    label = sp.Symbol("y")
    d = Derivation("labels", where={label: sp.FiniteSet(0, 1), a: HALF_LINE, b: HALF_LINE})
    d.theorem("T", d.chain(label ** 2).le(label))
    d.theorem("V", d.chain(label * (a + b) / 2).ge(label * sp.sqrt(a * b)))
    text = d.proof().to_text()
    assert "the difference is −y^{2} + y ≥ 0, at y = 0 and at y = 1" in text
    assert text.count("at y = 0 and at y = 1") == 2 and "monotone" not in text
