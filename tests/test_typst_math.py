"""LaTeX math to Typst math: each construct the writer and the notation use, written out by hand in
Typst; the refusals; and the property that no notation value reaches Typst as code."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs.errors import RenderError
from proofs.render.safety import NotationError, check_math
from proofs.render.typst_math import typst_math
from tests.tools import compile_typst, pdf_text


@pytest.mark.parametrize("latex, expected", [
    # letters stay apart (Typst reads ab as one name), digits stay together
    (r"ab + 12x", "a b + 12 x"),
    (r"x_{i}^{2}", "x_(i)^(2)"),
    (r"p_{i,k}", "p_(i , k)"),
    (r"\sum_{i=1}^{n} \log p_{i}", "sum_(i = 1)^(n) log p_(i)"),
    (r"\prod_{i=1}^{n} p_{i}", "product_(i = 1)^(n) p_(i)"),
    (r"\frac{1}{n}", "frac(1, n)"),
    (r"\frac{a, b}{2}", r"frac(a \, b, 2)"),  # a comma would split the argument
    (r"\left(1 - p\right)", "( 1 - p )"),
    (r"\left[a\right]^{2}", "[ a ]^(2)"),
    (r"\left|x\right|", "lr(| x |)"),
    (r"\sqrt{2 \pi}", "sqrt(2 pi)"),
    (r"\binom{n}{k}", "binom(n, k)"),
    (r"\mathrm{CE}(\theta)", 'upright("CE")( theta )'),
    (r"\mathrm{x}_{1}", 'upright("x")_(1)'),
    (r"\mathcal{L}_{\mathrm{BCE}}", 'cal(L)_(upright("BCE"))'),
    (r"\mathbb{R} \mathbb{N}_0 \mathbb{E}", "RR NN_(0) bb(E)"),
    (r"\operatorname*{arg\,max}_{\theta}", 'op("arg max", limits: #true)_(theta)'),
    (r"\operatorname{erf} x", 'op("erf") x'),
    (r"x \mapsto \log x \text{ is strictly increasing on } (0, \infty)",
     'x |-> log x "is strictly increasing on" ( 0 , infinity )'),
    (r"\{1, 2, \dots\}", r"\{ 1 , 2 , dots \}"),
    (r"a \cdot b \leq c \geq d", "a dot.op b <= c >= d"),
    (r"a / b", "a slash b"),  # / would make a fraction
    (r"y_{i}!", "y_(i) !"),  # the factorial stays out of the subscript
    (r"\hat{y} \bar{x} \tilde{z} \boldsymbol{w}^\top x",
     "hat(y) overline(x) tilde(z) bold(w)^(top) x"),
    (r"{{}\hat{y}^{2}}^{y_{i}}", "#box($hat(y)^(2)$)^(y_(i))"),  # a group as a base
    (r"\epsilon \varepsilon \phi \varphi", "epsilon.alt epsilon phi.alt phi"),
    (r"f'(x)", "f' ( x )"),
    (r"a\,b\;c\!d", "a thin b thick c d"),
    # found by review: primes after scripts, one digit in an unbraced script, upright bold,
    # commas inside strings, a script inside \mathrm
    (r"p_i'", "p'_(i)"),
    (r"p'_i", "p'_(i)"),
    (r"N_10 + x^23", "N_(1) 0 + x^(2) 3"),
    (r"\bar 12", "overline(1) 2"),
    (r"\mathbf{w} \boldsymbol{w} \mathsf{w}", "upright(bold(w)) bold(w) upright(sans(w))"),
    (r"\hat{\text{a,b}}", 'hat("a,b")'),
    (r"\mathrm{a_{1}}", "upright(a_(1))"),
])
def test_each_construct_in_typst(latex, expected):
    assert typst_math(latex) == expected


@pytest.mark.parametrize("latex, reason", [
    (r"\input{x}", r"\input"),
    (r"\def\x{1}", r"\def"),
    (r"\text{a\"b}", "text"),
    (r"x^", "ends too early"),
    (r"\left( x", "ends too early"),
    (r"\right)", "without"),
    (r"{x", "ends too early"),
    (r"x}", "the character '}'"),
    (r"#x", "character"),
    (r"$x$", "character"),
    (r"a & b", "character"),
    (r"\operatorname{a1}", "operator name"),
    # an empty or unbalanced argument would end a Typst call early or swallow what follows
    (r"\hat{}", "empty"),
    (r"\hat{(}", "not closed"),
    (r"\hat{[}", "not closed"),
    (r"x_{)}", "not opened"),
    (r"\frac{}{2}", "empty"),
])
def test_what_it_cannot_write_is_refused(latex, reason):
    with pytest.raises(RenderError, match="in Typst") as error:
        typst_math(latex)
    assert reason in str(error.value)


# notation values built from the pieces the LaTeX allow-list admits
PIECES = st.sampled_from([
    "x", "y", "w", "2", r"\theta", r"\sigma", r"\mu", r"\top", r"\cdot", r"\ell", "(", ")", "+",
    "-",
    "=", ",", "'", "|", "/", "!", r"\hat{y}", r"\mathrm{CE}", r"\mathbb{R}", r"\text{ with }",
    r"\mathcal{L}", r"\bm{w}", r"\log", r"\,", "_i", "^2", "_{i,k}", "^{y_i}", "{}", "{x}",
    r"\operatorname{Var}",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=8))
def test_no_notation_value_becomes_typst_code(pieces):
    """Whatever the allow-list accepts is either translated, with no code but the translator's own
    (#box, #true), or refused with RenderError."""
    value = "".join(pieces)
    try:
        check_math("theta", value)
    except NotationError:
        return
    try:
        written = typst_math(check_math("theta", value))
    except RenderError:
        return
    code = re.sub(r'"[A-Za-z0-9 ,.;:()+\-/=!\']*"', "", written)  # strings are text, not code
    assert re.sub(r"#box\(\$|limits: #true", "", code).count("#") == 0
    assert '"' not in code and "//" not in code and "/*" not in code


def test_a_formula_in_text_style_is_one_argument_of_inline():
    assert typst_math(r"n \cdot \frac{1}{n} = 1", inline=True) == "inline(n dot.op frac(1, n) = 1)"
    assert typst_math(r"a, b", inline=True) == r"inline(a \, b)"  # the comma stays in the formula


def test_translated_formulas_compile_and_read_as_written(tmp_path):
    formulas = [r"\sum_{i=1}^{n} \log p_{i}", r"\frac{1}{\sqrt{2 \pi} \sigma}",
                r"\operatorname*{arg\,max}_{\theta} L(\theta)", r"\left|x\right| + \binom{n}{k}",
                r"{{}\hat{y}^{2}}^{y_{i}} \in \{0, 1\}", r"y_{i}! = 3"]
    body = "\n".join(f"$ {typst_math(formula)} $" for formula in formulas)
    text = pdf_text(compile_typst(tmp_path, "formulas", body))
    for fragment in ("log", "arg max", "∈ {0, 1}", "! = 3", "2𝜋"):
        assert fragment in text, fragment
