"""`proofs.texmath`: LaTeX as papers write it, read into sympy — compared with expressions written
here by hand, read back from sympy's own LaTeX printer, and errors located by column."""

import re

import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from proofs.texmath import TexError, read, read_relations, read_set

i, j, k, n, K = sp.symbols("i j k n K")
a, b, c, x, z = sp.symbols("a b c x z")
p, y, zf = sp.IndexedBase("p"), sp.IndexedBase("y"), sp.IndexedBase("z")

CASES = [
    (
        r"\log \prod_{i=1}^{n} p_i^{y_i} (1 - p_i)^{1 - y_i}",
        sp.log(sp.Product(p[i] ** y[i] * (1 - p[i]) ** (1 - y[i]), (i, 1, n))),
    ),
    (
        r"\sum_{i=1}^{n} \log\bigl(p_i^{y_i} (1 - p_i)^{1 - y_i}\bigr)",
        sp.Sum(sp.log(p[i] ** y[i] * (1 - p[i]) ** (1 - y[i])), (i, 1, n)),
    ),
    (
        r"-\frac{1}{n} \sum_{i=1}^{n} \left[ y_{i} \log p_{i} + (1 - y_{i}) \log(1 - p_{i})"
        r" \right]",
        -sp.Sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]), (i, 1, n)) / n,
    ),
    (r"\log \sum_{j=1}^{K} e^{z_j} - z_k", sp.log(sp.Sum(sp.exp(zf[j]), (j, 1, K))) - zf[k]),
    (
        r"\ln \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}",
        sp.log(sp.exp(zf[k]) / sp.Sum(sp.exp(zf[j]), (j, 1, K))),
    ),
    (r"\sigma(z)", 1 / (1 + sp.exp(-z))),
    (r"y_{ik} \log p_{i,k}", y[i, k] * sp.log(p[i, k])),
    (
        r"2 x \cdot a + \exp(x) + \left( x \right)^{2} + \sqrt{b} + |a - b|",
        2 * x * a + sp.exp(x) + x**2 + sp.sqrt(b) + sp.Abs(a - b),
    ),
    (
        r"\tfrac{1}{2} \log (2 \pi) + \lambda_i!",
        sp.log(2 * sp.pi) / 2 + sp.factorial(sp.IndexedBase("lambda")[i]),
    ),
    (r"\log^2 x + \log x^2", sp.log(x) ** 2 + sp.log(x**2)),
    (r"p_{i+1} - p_{1}", p[i + 1] - p[1]),
    # TeX's fractions of a whole group, and amsmath's text and display binomials
    (r"{a + b \over c} - {n \choose k}", (a + b) / c - sp.binomial(n, k)),
    (r"\sqrt{1 \over x} + x^{1 \over 2} + {{a} \over {b \over c}}",
     sp.sqrt(1 / x) + sp.sqrt(x) + a * c / b),
    (r"\tbinom{n}{k} + \dbinom{n}{2}", sp.binomial(n, k) + sp.binomial(n, 2)),
]


@pytest.mark.parametrize("latex, expected", CASES, ids=[case[0][:30] for case in CASES])
def test_papers_latex_reads_as_written(latex, expected):
    assert read(latex) == expected


def test_a_sum_takes_the_factors_after_it_up_to_the_next_sign():
    assert read(r"\sum_{i=1}^{n} y_i \log p_i + c") == sp.Sum(y[i] * sp.log(p[i]), (i, 1, n)) + c
    assert read(r"\log p_i + y_i") == sp.log(p[i]) + y[i]  # \log takes one factor, its scripts
    with pytest.raises(TexError, match="how far does the function reach"):
        read(r"\log p_i y_i")  # log(p_i)·y_i or log(p_i y_i)? refused, not guessed


def test_relations_and_sets():
    exprs, relations = read_relations(r"a = b \le c < x \in (0, 1]")
    assert exprs == [a, b, c, x, sp.Interval.Lopen(0, 1)] and relations == ["=", "<=", "<", "in"]
    assert read_set(r"\{0, 1\}") == sp.FiniteSet(0, 1)
    assert read_set(r"\mathbb{N} \cup \{0\}") == sp.S.Naturals0
    assert read_set(r"(0, \infty)") == sp.Interval.open(0, sp.oo)
    assert read_set(r"\mathbb{R}_{>0}") == sp.Interval.open(0, sp.oo)
    # the documented spellings of ℕ that say where it starts (a review: ℕ_{>0} was refused
    # with a message asking for ℕ_{>0}); a bare ℕ is refused
    assert read_set(r"\mathbb{N}_{>0}") == sp.S.Naturals == read_set(r"\mathbb{N}_{\geq 1}")
    assert read_set(r"\mathbb{N}_0") == sp.S.Naturals0
    with pytest.raises(TexError, match="starts at 0 or at 1"):
        read_set(r"\mathbb{N}")
    with pytest.raises(TexError, match="starts at 0 or at 1"):
        read_set(r"\mathbb{N} \cup \{-1\}")  # a review: read as {−1} ∪ {1, 2, …}
    assert read_set(r"\mathbb{N}_0 \cup \{-1\}") == sp.Union(sp.S.Naturals0, sp.FiniteSet(-1))


def test_defined_names_are_read_at_their_parameter_never_substituted():
    from proofs.texmath import DEPENDS

    names = {"L": sp.Product(p[i], (i, 1, n)), "CE": a + b}
    # L has no variable but its size: L(θ), spaced or not, is L
    product = sp.Product(p[i], (i, 1, n))
    assert read(r"\log L(\theta) + \log L (\theta)", names) == 2 * sp.log(product)
    # CE is a function of a and b: CE(a) is CE at its own variable, CE(θ) a substitution
    assert read(r"\mathrm{CE}(a)", names) == a + b
    with pytest.raises(TexError, match=r"neither in the definition of CE"):
        read(r"\mathrm{CE}\,(\theta)", names)
    # unless θ is a parameter that entries are declared to depend on
    assert read(r"\mathrm{CE}(\theta)", {**names, DEPENDS: {"p": "theta"}}) == a + b


def test_an_entry_is_read_at_the_parameter_it_is_declared_to_depend_on():
    from proofs.texmath import DEPENDS

    names = {DEPENDS: {"p": "theta", "mu": "theta"}}
    assert read(r"p_i(\theta) + \mu(\theta)", names) == p[i] + sp.Symbol("mu")
    with pytest.raises(TexError, match="declared to depend on \\\\theta, not on w"):
        read(r"p_i(w)", names)
    # without the declaration p_i(θ) is neither read as p_i nor as p_i·θ
    with pytest.raises(TexError, match=r"the entry at \\theta or a product"):
        read(r"p_i(\theta)")
    assert read(r"p_i(1 - p_i)") == p[i] * (1 - p[i])


def test_a_braced_function_argument_is_the_whole_argument():
    # \log{a b} and \log{2 \pi \sigma^2} print as \log a b and \log 2\pi\sigma^2 do: as
    # ambiguous (a review found \log{2 \pi \sigma^2} = \log 2 + \log \pi + 2 \log \sigma proved)
    for ambiguous in (r"\log{\left(x \right)}^{2}", r"\log{x} y", r"\log{a b}",
                      r"\log{2 \pi \sigma^2}", r"\log a b"):
        with pytest.raises(TexError, match="the square of|how far does the function reach"):
            read(ambiguous)
    # braces print nothing: \log{x}^2 is read as \log x^2, which it prints as
    assert read(r"\log{x}^2") == read(r"\log x^2") == sp.log(x ** 2)
    assert read(r"\sin{x}^2") == read(r"\sin x^2")
    assert read(r"\log{a}") == sp.log(a)
    assert read(r"\log{\frac{a}{b}}") == sp.log(a / b)
    assert read(r"\log{a} \cdot b") == b * sp.log(a)
    assert read(r"\log{\left(a \right)} b") == b * sp.log(a)  # as sympy prints: "log(a) b"


def test_braces_group_only_a_functions_argument():
    """\\{1\\} prints the set {1}: read as a bracket, \\{1\\} = 1 would be certified; after a
    function, \\exp\\{-x\\} is the common way to write exp(-x)."""
    assert read(r"\exp\{-x\}") == sp.exp(-x)
    assert read(r"\exp\left\{-\frac{x^2}{2}\right\}") == sp.exp(-x**2 / 2)
    for written in (r"\{1\}", r"\left\{ 1 \right\} + 1", r"2 \{x + 1\}", r"\lbrace a \rbrace",
                    r"\Gamma\{x\}"):
        with pytest.raises(TexError, match="prints a set"):
            read(written)
    with pytest.raises(TexError, match="prints a set"):
        read_relations(r"\{1\} = 1")


@pytest.mark.parametrize(
    "latex, column, words",
    [
        (r"\log \foo", 6, r"cannot read '\foo'"),
        (r"\frac{1}{", 10, "the formula ends"),
        (r"\sum_{i} p_i", 10, "needs both limits"),
        (r"(a + b", 7, "the formula ends where ')' was expected"),
        (r"a +", 4, "the formula ends where a term was expected"),
    ],
)
def test_errors_name_the_token_and_its_column(latex, column, words):
    with pytest.raises(TexError) as raised:
        read(latex)
    assert words in str(raised.value) and raised.value.column == column


# sympy's own printer writes \log{\left(x \right)}, \frac{…}{…}, e^{…}, x^{2}: read it back
ATOMS = st.sampled_from([a, b, x, z, p[i], y[i], sp.Integer(2), sp.Rational(1, 3)])


def expressions():
    return st.recursive(
        ATOMS,
        lambda inner: st.one_of(
            st.tuples(inner, inner).map(lambda t: t[0] + t[1]),
            st.tuples(inner, inner).map(lambda t: t[0] * t[1]),
            st.tuples(inner, inner).map(lambda t: t[0] - t[1]),
            inner.map(sp.log),
            inner.map(sp.exp),
            inner.map(lambda e: e**2),
            st.tuples(inner, inner).map(lambda t: t[0] / (1 + t[1] ** 2)),
            inner.map(lambda e: sp.Sum(e * p[j], (j, 1, n))),
        ),
        max_leaves=6,
    )


@settings(max_examples=150, deadline=None)
@given(expressions())
def test_sympys_own_latex_reads_back_to_the_same_expression(expr):
    assume(not expr.has(sp.zoo, sp.nan, sp.oo, sp.I))  # 2/0, logs of negatives: not real terms
    # sympy prints (log x)² as \log{\left(x \right)}^{2}, set as "log(x)²": refused as ambiguous
    assume(not any(isinstance(power.base, sp.log) for power in expr.atoms(sp.Pow)))
    latex = sp.latex(expr)
    # and a letter before a bracket, a \left(a + b\right), set as "a(a + b)": a function or a
    # product? refused, as TeX prints no space between them; so is a letter's power before one,
    # a^{2} \left(b + x\right) (a² at b + x, or a product?)
    try:
        value = read(latex)
    except TexError as error:
        powered = re.search(r"(?<![A-Za-z\\])[a-z]\^\{[^{}]*\} \\left\(", latex)
        assert powered or re.search(r"(?<![A-Za-z\\])[a-z] \\left\(", latex), (latex, str(error))
        assert ("a power of" if powered else "a function or") in str(error), (latex, str(error))
        return
    assert sp.simplify(value - expr) == 0


@pytest.mark.parametrize("latex", [r"10^{9999}", r"9999!", r"\binom{1000000000}{5000}"])
def test_a_number_too_large_to_print_is_refused_not_a_traceback(latex):
    """A review found sympy's str failing on these (Python prints at most 4,300 digits)."""
    with pytest.raises(TexError, match="too large"):
        read(latex)


@pytest.mark.parametrize("latex, advice", [
    ("2^{ }3", "an empty group {} is not read"),
    ("x^{}{}", "an empty group {} is not read"),
    ("\\log_2 8", "\\log x / \\log 2"),
    ("x'", "a prime (x') is not read"),
    ("x \\> y", "cannot read '\\>'"),  # a control symbol, named whole (it was a bare \)
    # TeX divides the whole formula, or the whole group, by what follows \over
    ("x = 1 \\over 2", "takes the whole formula as its top"),
    ("{n \\choose k \\choose 2}", "a group may hold one \\over or \\choose"),
    ("{a \\atop b}", "'\\atop' is not read"),
    ("{\\over 2}", "needs what stands on each side of it"),
])
def test_what_is_not_read_says_what_to_write(latex, advice):
    with pytest.raises(TexError) as error:
        read(latex)
    assert advice in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("text, message", [
    (r"\log y \neq 0", r"cannot read '\\neq'"),  # its relation, not how far the log reaches
    (r"\log x^2 y = 1", r"is y in \\log's argument"),  # the letter that made it ambiguous
    (r"\pi_k = 1", r"\\pi is read as the number π"),  # mixture weights, not a log's base
])
def test_a_refusal_names_what_the_formula_holds(text, message):
    """A review: each of these was refused with a message about another formula (\\log
    2\\pi\\sigma^2) or about logarithms to a base."""
    with pytest.raises(TexError, match=message):
        read_relations(text)


def test_accents_stars_and_word_subscripts_name_quantities_of_their_own():
    """A review: \\hat{x}, \\bar{x}, x^* and x_{\\max}, everyday names of estimates, means and
    optima, were unreadable.  Each is a quantity apart from x (\\hat{x} - x is no 0)."""
    exprs, _ = read_relations(r"\hat{\theta} - \theta + \bar{x}_i + x^* + \theta^{*} = y_{\max}")
    names = {str(symbol) for symbol in exprs[0].free_symbols}
    assert {r"\hat{\theta}", "theta", "x*", "theta*"} <= names
    assert str(exprs[1]) == "y[max]"
    assert read(r"\hat{x} - x") != 0 and read(r"x^* - x") != 0
    assert read(r"x_i^*") == sp.IndexedBase("x*")[i]
    # a second review: \hat{F}(2x) was read as a product, 2F̂x; \widehat{x} prints as \hat{x} does
    for text in (r"\hat{F}(2x)", r"p^*(x + y)", r"\tilde{\sigma}(2z)", r"x_i^*(2)"):
        with pytest.raises(TexError, match=r"a function or"):
            read(text)
    assert read(r"\hat{F}\,(2x)") == 2 * sp.Symbol(r"\hat{F}") * sp.Symbol("x")
    assert read(r"\widehat{x} - \hat x") == 0 and read(r"\overline{x} - \bar{x}") == 0
    assert read(r"\widetilde{y}_i - \tilde{y}_i") == 0
    # the star is of the name written, not of what a definition expands it to (u := v made u^*
    # read as v*)
    with pytest.raises(TexError, match=r"u is defined, so u\^\* is not read"):
        read(r"u^*", {"u": sp.Symbol("v")})
    for text, message in ((r"\hat{xy}", "over one letter"), (r"\hat{\pi}", "over one letter"),
                          (r"2^*", "after a letter only"), (r"\dot{x}", r"cannot read '\\dot'")):
        with pytest.raises(TexError, match=message):
            read(text)
