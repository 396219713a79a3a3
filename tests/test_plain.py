"""proofs.render.plain: words with LaTeX mathematics as the text output prints them."""

import pytest

import proofs
from proofs.render.plain import plain
from proofs.render.safety import GREEK, SYMBOLS, WITH_ARGUMENT, WORDS_MATH, check_words
from proofs.theorems import combinations


def test_fractions_scripts_and_operators_read_as_the_text_writer_writes_them():
    # a fraction bracketed, as the text writer writes (1/n): 1/2log(a^2) read as 1/(2 log a²)
    assert plain(r"$-\frac{n}{2\sigma^{2}} \mathrm{MSE} - \frac{n}{2} \log 2$") == \
        "−(n/(2σ^{2})) MSE − (n/2) log 2"
    assert plain(r"$\frac{1}{n} \sum_{i=1}^{n} \log\left(y_{i}!\right)$") == \
        "(1/n) ∑_{i=1}^{n} log(y_i!)"
    assert plain(r"$\frac{1}{2}\log(a^2) = \log a$") == "(1/2) log(a^{2}) = log a"
    assert plain(r"$\frac{a}{b}c$, $\frac{a}{b}^2$") == "(a/b) c, (a/b)^{2}"
    # what follows a root, an operator or a fraction is set apart, as TeX spaces it
    assert plain(r"$\sqrt{2}\pi$, $\sqrt{x}y$, $\ln\Gamma(x)$") == "√2 π, √x y, ln Γ(x)"
    # p_i as the writer prints it, a longer subscript braced
    assert plain(r"$p_{i} + y_{i,k}$") == "p_i + y_{i,k}"


def test_an_accent_is_kept_not_dropped():
    # σ̂² is not σ²: the hat is a combining accent on the letter, not lost
    assert plain(r"$\hat\sigma^{2} = \min \mathrm{MSE}$") == "σ\u0302^{2} = min MSE"
    assert plain(r"$\bar{y} \neq \tilde{y}$") == "y\u0304 ≠ y\u0303"
    # an accent over several letters is named: ab̂ would put it on b alone
    assert plain(r"$\widehat{ab} + \overline{xy}$") == "hat(ab) + bar(xy)"


def test_relations_sets_and_special_functions():
    assert plain(r"$y_{i} \in [0, 1]$") == "y_i ∈ [0, 1]"
    assert plain(r"$\binom{m_{i}}{y_{i}}$ and $\Gamma(r)$") == "C(m_i, y_i) and Γ(r)"
    assert plain(r"$\left\{0, 1\right\}$, $\mathbb{R}$, $\sqrt{2\pi}$, $\sqrt{x}$") == \
        "{0, 1}, ℝ, √(2π), √x"
    assert plain(r"$x \leq y \geq z \to \infty$, Lemma~1") == "x ≤ y ≥ z → ∞, Lemma 1"
    assert plain(r"$\varphi \phi \vartheta \lambda \Lambda$") == "φ ϕ ϑ λ Λ"
    assert plain(r"$\epsilon \varepsilon \mathbb{E} \mathbb{R}$") == "ϵ ε 𝔼 ℝ"


@pytest.mark.parametrize("name", sorted(set(GREEK + SYMBOLS + WITH_ARGUMENT + WORDS_MATH)))
def test_every_command_the_words_may_use_is_spelled_out(name):
    # the closed set check_words admits: none leaves a backslash or a brace in the text
    with_arguments = WITH_ARGUMENT + ["frac", "tfrac", "dfrac", "binom", "sqrt"]
    words = f"$\\{name}{{x}}{{y}}$" if name in with_arguments else f"$a \\{name} b$"
    pairs = {"left": "right", "right": "left", "bigl": "bigr", "bigr": "bigl", "Bigl": "Bigr",
             "Bigr": "Bigl"}
    if name in pairs:  # a sizing command comes in its pair: \left( x \right)
        opening, closing = (name, pairs[name]) if name in ("left", "bigl", "Bigl") else (
            pairs[name], name)
        words = f"$\\{opening}( x \\{closing})$"
    check_words("because", words)  # the input is one the words may hold
    text = plain(words)
    assert "\\" not in text and not set(text) & set("{}$"), (name, text)


def test_no_library_text_output_keeps_latex():
    for name, options in combinations():
        try:
            text = proofs.prove(name, **options).to_text()
        except proofs.ProofError:
            continue  # an option combination the theorem refuses
        assert "\\" not in text and "$" not in text, (name, options)


def test_a_number_alone_is_slashed_without_brackets():
    # (0, (1/2)] read badly in a monotone step's words; a factor after it keeps the brackets
    assert plain(r"increasing on $(0, \frac{1}{2}]$: at most its value at $\frac{1}{2}$") == \
        "increasing on (0, 1/2]: at most its value at 1/2"
    assert plain(r"$x \in [\frac{1}{2}, 1)$") == "x ∈ [1/2, 1)"
    # a minus sign in the mathematics, as the text writer's formulas have it; a hyphen in words
    assert plain(r"increasing on $(-\infty, 0]$, a one-sided bound") == \
        "increasing on (−∞, 0], a one-sided bound"
    assert plain(r"$\frac{1}{2} x$") == "(1/2) x"
    assert plain(r"$\frac{1}{2}\left(x\right)$") == "(1/2)(x)"
    assert plain(r"$\frac{1}{n}$") == "(1/n)"
