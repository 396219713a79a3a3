"""Turn a proof tree of facts (ranges, monotonicity) into the few lines a reader wants to see.

Imports the kernel, `Proof`'s `Step` and the normal form's test of a geometric term.  Each Member
fact about a new expression becomes one line, in the order the kernel established them; numbers,
widenings and repeated facts are folded away.
"""

import sympy as sp

from ..kernel import Equal, Member, StrictlyIncreasing
from ..proof import Step
from ..rules.normal_form import geometric_antidifference
from ..tree import (case_leaves, case_variable, instantiated, ranged_binder, ranged_index,
                    tree_nodes)

JUSTIFICATIONS = {
    "assumption": "assumption",
    "member_add": "bounds of a sum",
    "member_mul": "product of positive numbers",
    "member_pow": "power of a positive base with a real exponent",
    "member_log": "logarithm of a positive number",
    "member_exp": "exponential of a real number",
    "member_factorial": "a factorial is a positive integer",
    "member_binomial": "a binomial coefficient whose lower entry lies between 0 and the upper one "
                       "is a positive integer",
    "member_gamma": "the Gamma function is positive at positive arguments",
    "member_Abs": "an absolute value is nonnegative",
    "member_sin": "range of the sine", "member_cos": "range of the cosine",
    "member_tanh": "range of tanh", "member_sinh": "sinh keeps the sign",
    "member_cosh": "cosh is at least 1",
    "member_atan": "range of arctan", "member_erf": "range of erf",
    "member_binder": "finite product of positive factors",
    "member_index_range": "the index lies between the bounds of its sum or product",
    "member_of_equal": "by definition",
    "member_meet": "both bounds above",
    "by_cases": "the cases above",
    "increasing_by_derivative": "mean value theorem",
    "abs_le": "an absolute value is its argument or its negation: both bounds above",
    "sub_abs_by_squares": "a root against an absolute value, by their squares: the gap above",
}

UNIT, AT_LEAST_1 = sp.Interval.Lopen(0, 1), sp.Interval(1, sp.oo)


def fact_steps(theorem):
    """Post-order, de-duplicated lines for the Member / StrictlyIncreasing facts of a proof tree."""
    steps, seen = [], set()
    # the two bounds of a meet, and a bound carried over by an equation: stated even when seen
    # or a negation (−(1/x²)(x − 1) > 0), each once
    met, stated = set(), set()
    case_vars = set()  # the symbols whose ranges the cases split: each case's line states it
    case_ranges = []  # the range of the case being listed (a stack: cases of cases)
    listed = set()  # the splits whose cases are listed
    slope_vars = set()  # the variables of the functions shown monotone (x of 1 − 1/x > 0)
    intervals = set()  # (variable, interval) of each monotonicity
    indices = {}  # the index of each sum or product shown at its index's values → "sum", …
    generic = {}  # the symbol of each claim for every value later instantiated → its range

    def visit(th):
        instance, index = instantiated(th), ranged_index(th)
        if instance is not None:
            known = th.premises[0].context.lookup(instance[0])
            generic[instance[0]] = sp.S.Reals if known is None else known
        if index is not None:  # its body's facts hold at the index's values
            indices[index] = "sum" if isinstance(ranged_binder(th), sp.Sum) else "product"
        if th.rule == "member_meet":
            met.update(id(premise) for premise in th.premises)
        if through_equation(th):  # the bound an equation carries over is what the line cites
            met.add(id(th.premises[1]))
        if th.rule == "increasing_by_derivative":
            slope_vars.add(th.statement.var)
            intervals.add((th.statement.var, th.statement.interval))
        cases = case_variable(th) if th.rule == "by_cases" else None
        if cases is not None:
            visit_cases(th, cases)
        before = set(seen)
        for premise in th.premises if cases is None and not enclosed(th) else ():
            visit(premise)
        if index is not None:  # another sum may reuse the index over other values:
            seen.clear()  # its facts (i ∈ {…, −1}, 1/i ∈ [−1, 0)) are stated again there
            seen.update(before)
        st = th.statement
        if th.rule in ("number", "member_widen") \
                or not isinstance(st, (Member, StrictlyIncreasing)):
            return
        if id(th) in stated:
            return
        inside = slope_vars - case_vars
        if isinstance(st, Member) and th.rule == "assumption" and st.expr in inside and \
                st.set != theorem.context.lookup(st.expr):
            # a derivative's facts hold inside the interval (x ∈ (1, 2) of [1, 2]), and the
            # function is defined on all of it (x ∈ [1, ∞) for x > 1): said
            stated.add(id(th))
            where = "on the interval" if (st.expr, st.set) in intervals else "inside the interval"
            steps.append(Step(st, th.rule, where, th, relation="fact"))
            return
        if isinstance(st, Member) and (st.expr.is_Number or st.expr in seen or (
                st.expr.is_Mul and st.expr.as_coeff_Mul()[0] == -1)) and not (
                _bound(th) or id(th) in met):
            return  # −x only on the way to 1 − x; a bound on what was seen is new
        if isinstance(st, Member) and th.rule == "assumption" and st.expr in case_vars:
            if st.set in case_ranges:
                return  # the case's own line states it
            # inside a case: a derivative's facts hold on the case's interior, which is said
            stated.add(id(th))
            steps.append(Step(st, th.rule, "inside the case", th, relation="fact"))
            return
        if isinstance(st, Member) and th.rule == "assumption" and st.expr in generic and \
                st.expr not in case_vars:  # the claim for every value instantiated below
            stated.add(id(th))
            seen.add(st.expr)
            steps.append(Step(st, th.rule, f"any ${sp.latex(st.expr)} \\in "
                                           f"{sp.latex(generic[st.expr])}$", th, relation="fact"))
            return
        if isinstance(st, Member) and th.rule == "assumption" and st.expr in indices:
            stated.add(id(th))  # i ∈ ℕ for Σ_{i=1}^{n}: the values the index takes
            seen.add(st.expr)
            steps.append(Step(st, th.rule, f"the index of the {indices[st.expr]}", th,
                              relation="fact"))
            return
        if isinstance(st, Member) and th.rule == "assumption" and not th.context.lookup(st.expr):
            return  # sympy assumptions such as n being a positive integer are stated in the setting
        key = st.expr if isinstance(st, Member) else st
        seen.add(key)
        shown = _widened(theorem, th)
        stated.add(id(th))
        if through_equation(th):  # the equation it rests on, stated
            equation = th.premises[0]
            steps.append(Step(equation.statement, equation.rule, _equation_reason(equation),
                              equation, relation="fact"))
        words, formulas = _fact_words(th)
        steps.append(Step(shown.statement, th.rule, words, shown, relation="fact",
                          side_conditions=tuple(th.side_conditions), formulas=formulas))

    def visit_cases(th, var):
        """Each case: a line 'x ∈ (0, 1]   [case]', then its own facts (a fact shown in one case
        is shown again in the next, where it rests on another range)."""
        if id(th) in listed:  # one split reached twice: its cases and facts are above
            return
        listed.add(id(th))
        case_vars.add(var)
        for premise in case_leaves(th):  # cases of cases: one list
            case = next((node for node in tree_nodes(premise) if node.rule == "assumption"
                         and node.statement.expr == var), None)
            # a case is stated at each split that uses it (|a| − a ≥ 0, then a + |a| ≥ 0, both by
            # a's sign): its facts are listed under it again
            if case is not None:
                stated.add(id(case))
                number = sum(step.rule == "by_cases" and step.justification.startswith("case ")
                             for step in steps) + 1
                over = generic.get(var)  # a claim for every u shown by cases, then at u = t
                named = f", for any ${sp.latex(var)} \\in {sp.latex(over)}$" if over else ""
                steps.append(Step(case.statement, "by_cases", f"case {number}{named}", case,
                                  relation="fact"))
            before = set(seen)
            case_ranges.append(premise.context.lookup(var))
            visit(premise)
            case_ranges.pop()
            seen.clear()
            seen.update(before)

    visit(theorem)
    return steps


def by_exp_words(theorem):
    """function_as_exp's words for the functions it unfolded: 'the definition of tanh by exp',
    'the definitions of cosh and sinh by exp'."""
    names = sorted({type(node.statement.lhs).__name__ for node in tree_nodes(theorem)
                    if node.rule == "function_as_exp"})
    if len(names) == 1:
        return f"the definition of {names[0]} by exp"
    return f"the definitions of {', '.join(names[:-1])} and {names[-1]} by exp"


def recurrence_words(theorem):
    """recurrence's words for the functions it relates: 'the recurrence of the factorial', 'the
    recurrences of the factorial and the Gamma function'."""
    heads = sorted({"the Gamma function" if node.statement.rhs.has(sp.gamma) else "the factorial"
                    for node in tree_nodes(theorem) if node.rule == "recurrence"})
    if len(heads) == 1:
        return f"the recurrence of {heads[0]}"
    return f"the recurrences of {' and '.join(heads)}"


def telescoping_words(theorem):
    """sum_telescoping's words: 'a geometric sum' where a summand it telescopes is a constant
    times a power of its index (pⁱ, p(1 − p)^{k−1}), 'a telescoping sum' otherwise (Σ i =
    n(n + 1)/2, Σ 1/(k(k + 1)) = n/(n + 1), Σ k/2^k)."""
    summands = [(node.statement.lhs.function, node.statement.lhs.limits[0][0])
                for node in tree_nodes(theorem) if node.rule == "sum_telescoping"]
    if any(_geometric(summand, var) for summand, var in summands):
        return "a geometric sum"
    return "a telescoping sum"


def _geometric(summand, var):
    """Whether the summand is c·b^(αi + β), as the normal form telescopes a geometric sum."""
    return geometric_antidifference(summand, var) is not None


def value_cases_words(theorem):
    """by_cases's words for an equation shown value by value: 'the cases $<y> = 0$ and $<y> =
    1$'; a label y_i of a family, which the proof splits as a symbol t it then instantiates, by
    its own name; several quantities together, 'the values of $<y>$ and $<z>$, case by case'."""
    named = {}  # a split node -> the quantity a reader knows (t -> y_i below an instantiation)
    for node in tree_nodes(theorem):
        if node.rule == "instantiate":
            general, value = node.premises
            fresh = [key for key, _ in general.context.entries if node.context.lookup(key) is None]
            named.update({id(inner): value.statement.expr for inner in tree_nodes(general)
                          if inner.rule == "by_cases" and case_variable(inner) in fresh})
    cases = {}
    for node in tree_nodes(theorem):
        var = case_variable(node) if node.rule == "by_cases" else None
        if var is not None and isinstance(node.statement, Equal):
            values = cases.setdefault(named.get(id(node), var), set())
            values.update(value for leaf in case_leaves(node)
                          for value in getattr(leaf.context.lookup(var), "args", ()))
    written = {quantity: _placeholders(quantity) for quantity in cases}
    if len(cases) != 1 or None in written.values():
        shown = [f"${name}$" for name in written.values() if name is not None]
        return f"the values of {_listed(shown)}, case by case" if shown else "case by case"
    (quantity, values), = cases.items()
    return "the cases " + _listed([f"${written[quantity]} = {sp.latex(value)}$"
                                   for value in sorted(values)])


def _placeholders(quantity):
    """A symbol or an entry p_i, p_2 in the words' LaTeX, its names as placeholders the notation
    fills (<y>_{<i>}); None for another term."""
    if isinstance(quantity, sp.Symbol):
        return f"<{quantity.name}>"
    indices = getattr(quantity, "indices", ())
    if not indices or not all(k.is_Symbol or k.is_Integer for k in indices):
        return None
    written = ",".join(f"<{k.name}>" if k.is_Symbol else str(k) for k in indices)
    return f"<{quantity.base.label.name}>_{{{written}}}"


def _listed(items):
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _equation_reason(equation):
    """The reason of an equation a bound rests on: the definitions it unfolds, the sum it was
    written with, algebra (squares completed)."""
    sides = (equation.statement.lhs, equation.statement.rhs)
    used = {node.rule for node in tree_nodes(equation)}
    kinds = ["rules of sums"] if any(side.has(sp.Sum, sp.Product) for side in sides) else []
    if "power_as_exp" in used:
        kinds.append("rules of powers")  # x^a x^b = x^{a + b} through e^{a log x}
    if "function_as_exp" in used:
        kinds.append(by_exp_words(equation))  # tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)
    if used & {"log_of_product", "log_of_mul", "log_of_pow", "log_of_exp", "log_injective"}:
        kinds.append("rules of the logarithm")  # log(1 − x) − log x = log((1/x)(1 − x))
    if "abs_of_sign" in used:
        kinds.append("the sign of the absolute value's argument")  # |x| = x for x >= 0
    if "ring" in used or not kinds:
        kinds.append("algebra")
    rules = kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} and {kinds[-1]}"
    if "unfold" not in used:
        return rules
    return f"by definition and {rules}" if len(kinds) == 1 else f"by definition, {rules}"


def _widened(root, th):
    """The widened version of th's fact if the tree has one (x ∈ (0, ∞) is shown as x > 0), unless
    another step uses th's own range: 1/p > 2 for p < 1/2, which a product's bound rests on, is
    not shown as 1/p > 0 because a log needs no more."""
    widened = None
    for node in tree_nodes(root):
        if any(premise is th for premise in node.premises):
            if node.rule != "member_widen":
                return th
            widened = widened or node
    return widened or th


ENCLOSED = "exact rational bounds"


def enclosed(th):
    """Whether `th` bounds a constant c by the kernel's exact rational bounds of it, through
    t ↦ c + t increasing (`bounds.through_enclosure`): the page gives that reason alone, not the
    lines about t, which the reader would meet unintroduced."""
    if th.rule != "member_monotone":
        return False
    monotone = th.premises[0].statement
    return monotone.var not in (monotone.func - monotone.var).free_symbols


def _fact_words(th):
    """(the words, the formulas they set at <math:k>) of a fact's line: a monotone function's
    value at an end that is irrational is compared with the bound it stands for ('at most its
    value at 1, and e + 1 < 4')."""
    instance = instantiated(th)
    if instance is not None:  # (|u| − u)/2 ≥ 0 for every u, at u = xy − 1
        return "the lines above at <math:0>", (Equal(*instance),)
    if th.rule != "member_monotone":
        return justify_fact(th), ()
    if enclosed(th):
        return ENCLOSED, ()
    where, beyond, formulas = _monotone_words(th)
    return where + beyond, formulas


def words_alone(step):
    """A fact line's words without the formulas `_fact_words` sets after them (for words gathered
    into another line's, which has formulas of its own)."""
    return step.justification.split(": ", 1)[0] if step.formulas else step.justification


def justify_fact(th):
    """The reason a reader is given for the fact `th` states: its rule, in the words of the
    range it gives (a square, a product of numbers in (0, 1], …)."""
    if enclosed(th):
        return ENCLOSED
    if th.rule == "member_monotone":  # with no formula: a comparison needs one, and is left out
        where, beyond, formulas = _monotone_words(th)
        return where if formulas else where + beyond
    if _negated(th):
        return "the bound above, negated"
    if th.rule == "member_pow" and th.statement.expr.exp == -1:
        return "reciprocal"
    if th.rule == "member_pow" and th.statement.expr.exp.is_Integer:
        exponent = th.statement.expr.exp
        if exponent.is_even and not _within(th.premises[0], sp.Interval(0, sp.oo)):
            return "square" if exponent == 2 else "even power"  # ≥ 0 whatever the base's sign
        return "integer power"
    if th.rule == "member_pow" and th.statement.set.is_subset(sp.S.Integers) is True:
        return "power of an integer with a count as exponent"
    if th.rule == "member_pow" and not _positive(th.premises[0]):  # √x for x >= 0
        return "power of a nonnegative base with a positive exponent"
    if th.rule == "member_pow" and th.statement.set == UNIT:
        return "power of a base in (0, 1] with an exponent at least 0"
    if th.rule == "member_pow" and th.statement.set == AT_LEAST_1:
        return "power of a base at least 1 with an exponent at least 0"
    if th.rule == "member_mul" and th.statement.set == UNIT and all(
            _within(p, UNIT) for p in th.premises):
        return "product of numbers in (0, 1]"
    if th.rule == "member_exp" and not th.premises[0].statement.set == sp.S.Reals:
        return "the exponential is positive and increasing"
    if th.rule == "member_add" and isinstance(th.statement.set, sp.FiniteSet):
        return "values of a sum"
    if th.rule == "member_mul" and not all(_positive(p) for p in th.premises):
        return "bounds of a product"
    if th.rule == "member_mul" and th.statement.set != sp.Interval.open(0, sp.oo):
        return "bounds of a product"  # (1/p)(1 − p) > 1 for p < 1/2: more than its sign
    if th.rule == "member_mul" and th.statement.expr.is_number and \
            th.statement.expr.as_numer_denom()[1] != 1:
        return "quotient of positive numbers"  # printed as one: 1/√2 is sympy's ½·√2
    if th.rule == "member_binder" and isinstance(th.statement.expr, sp.Sum):
        return _sum_reason(th)
    if th.rule == "member_binder" and th.statement.set == UNIT:
        return "finite product of positive factors at most 1"
    if th.rule == "member_binder" and th.statement.set == AT_LEAST_1:
        return "finite product of factors at least 1"
    if through_equation(th):
        return "by the equation above"
    if th.rule == "member_log":  # its sign from the number against 1, not from its being > 0
        for real_set, words in ((sp.Interval.open(0, 1), "in (0, 1)"), (UNIT, "in (0, 1]"),
                                (sp.Interval.open(1, sp.oo), "greater than 1"),
                                (AT_LEAST_1, "at least 1")):
            if _within(th.premises[0], real_set):
                return f"logarithm of a number {words}"
    if instantiated(th) is not None:  # the value named by `_fact_words`' formula
        return "the lines above"
    if th.rule == "member_log" or (th.rule == "member_of_equal"
                                   and isinstance(th.statement, Member)):
        return JUSTIFICATIONS[th.rule]
    return JUSTIFICATIONS.get(th.rule, th.rule.replace("_", " "))


def _monotone_words(th):
    """member_monotone: the function increases on its interval, so it lies beyond its value at
    the case's end: (where it increases, 'increasing on $(0, 1]$'; what that gives, ': at most
    its value at 1', the end named only when its value there is the bound, or, where that value
    is irrational and the bound a rational beside it, ': at most its value at 1, and <math:0> (by
    exact rational bounds of it)', the kernel's enclosure being the reason;
    the formulas set there, (e + 1 < 4,))."""
    monotone, values = (premise.statement for premise in th.premises)
    real_set = th.statement.set
    above = real_set.sup == sp.oo
    at = values.set.inf if above else values.set.sup
    interval = monotone.interval
    where = (f"increasing on ${'(' if interval.left_open else '['}{sp.latex(interval.start)}, "
             f"{sp.latex(interval.end)}{')' if interval.right_open else ']'}$")
    if not at.is_finite:
        return where, "", ()
    value = monotone.func.subs(monotone.var, at)
    if value == (real_set.inf if above else real_set.sup):
        strict = real_set.left_open if above else real_set.right_open  # the values beyond it
        side = {(True, False): "at least", (False, False): "at most",
                (True, True): "greater than", (False, True): "less than"}[above, bool(strict)]
        return where, f": {side} its value at ${sp.latex(at)}$", ()
    if value.free_symbols or value.is_Rational:
        return where, "", ()
    side = (sp.Interval(real_set.inf, sp.oo, real_set.left_open, True) if above else
            sp.Interval(-sp.oo, real_set.sup, True, real_set.right_open))
    return (where, f": {'at least' if above else 'at most'} its value at ${sp.latex(at)}$, and "
            "<math:0> (by exact rational bounds of it)", (Member(value, side),))


def _sum_reason(th):
    """member_binder on a sum: the reason the range holds (the terms' sign, and their number)."""
    real_set = th.statement.set
    if real_set == sp.Interval.open(0, sp.oo):
        return "sum of at least one positive term"
    if real_set == sp.Interval(0, sp.oo):
        return "sum of nonnegative terms"
    if real_set == sp.Interval(-sp.oo, 0):
        return "sum of nonpositive terms"
    return "finite sum of real terms"


def _bound(th):
    """A fact narrowing one already seen: a bound through an equation or a monotone function's
    value, the meet of two bounds, a bound negated."""
    return th.rule in ("member_meet", "member_monotone") or through_equation(th) or _negated(th)


def _negated(th):
    """−1 times a monotone function's bound: the bound of the function negated (g ≥ 0 from
    −g ≤ 0, −g increasing)."""
    return th.rule == "member_mul" and any(p.statement.expr == -1 for p in th.premises) and \
        any(p.rule == "member_monotone" for p in th.premises)


def through_equation(th):
    """A range carried over by an equation other than a definition's unfolding."""
    return th.rule == "member_of_equal" and th.premises[0].rule != "unfold"


def _within(th, real_set):
    from ..kernel.language import is_subset
    return isinstance(th.statement, Member) and is_subset(th.statement.set, real_set)


def _positive(th):
    from ..kernel import hull
    return isinstance(th.statement, Member) and hull(th.statement.set).is_positive()


def monotone_steps(theorem):
    """Lines for a strict-monotonicity theorem: defined on I, the derivative's sign inside (through
    the form it was shown equal to, when it was: over a common denominator), conclusion."""
    from ..kernel import hull

    st = theorem.statement
    defined, derivative = theorem.premises
    steps = [Step(defined.statement, "increasing_by_derivative",
                  "continuous on the interval: defined on all of it, and built from functions "
                  "continuous where defined", defined, relation="fact")]
    positive = hull(derivative.statement.set).is_positive()
    words = "its derivative, " + ("positive" if positive else "at least 0") + " inside the interval"
    if through_equation(derivative):  # the form it equals, and that form's sign, stated first
        equation, form = derivative.premises
        steps += [Step(equation.statement, equation.rule, _equation_reason(equation), equation,
                       relation="fact"),
                  Step(form.statement, form.rule, justify_fact(form), form, relation="fact")]
        words += " by the equation above"
    if not positive:
        words += ", 0 only at the finitely many roots of its numerator"
    if any(node.rule == "increasing_by_derivative" for node in tree_nodes(derivative)):
        # the derivative's sign rests on where it increases and decreases in turn (eˣ − x > 0 as
        # eˣ − 1 changes sign at 0): its own lines first, their conclusion named the derivative
        shown = fact_steps(derivative)
        if shown and shown[-1].statement == derivative.statement:
            words += f" ({shown.pop().justification})"
        steps += shown
    return steps + [
        Step(derivative.statement, "increasing_by_derivative", words, derivative,
             relation="fact"),
        Step(st, theorem.rule, JUSTIFICATIONS["increasing_by_derivative"], theorem,
             relation="fact"),
    ]
