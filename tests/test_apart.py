"""proofs.render.apart and the writer: what a rendered proof shows is what the kernel proved — an
adversarial review's cases (objects printed alike, names that run as LaTeX, notation collisions,
numbers set against numbers, a hypothesis dropped from the setting, user words that inject
LaTeX)."""

import re
import subprocess
import sys

import pytest
import sympy as sp

import proofs
from proofs import Derivation
from proofs.errors import ProofError, RenderError
from proofs.render.safety import NotationError
from proofs.testing import semantics
from tests.tools import compile_tex, pdf_text, require_module

x, y, a, b, i, n = sp.symbols("x y a b i n")
UNIT, FAR = sp.Interval(0, 1), sp.Interval(2, 3)


def greater(first, second, where):
    """A derivation proving first > second (true under `where`), rendered as text."""
    d = Derivation("Apart", where=where)
    d.theorem("T", d.chain(first).gt(second))
    return d.proof()


@pytest.mark.parametrize("first, second, where, message", [
    # two objects printed alike: the page would read x_1 > x_1
    (sp.Symbol("x_1"), sp.Symbol("x1"), {sp.Symbol("x1"): UNIT, sp.Symbol("x_1"): FAR},
     "would both print as x_1"),
    (sp.IndexedBase("x")[1], sp.Symbol("x1"), {sp.Symbol("x1"): UNIT, sp.IndexedBase("x"): FAR},
     "would both print as x_1"),
    # symbols printed as constants or functions: π > π, e > e, log z > 0, 2 > 3
    (sp.Symbol("pi"), sp.pi, {sp.Symbol("pi"): sp.Interval(4, 5)}, "a constant or a function"),
    (sp.E, sp.Symbol("e"), {sp.Symbol("e"): UNIT}, "a constant or a function"),
    (sp.Symbol("log") * sp.Symbol("z"), 0,
     {sp.Symbol("log"): sp.Interval(1, 2), sp.Symbol("z"): sp.Interval(1, 2)},
     "a constant or a function"),
    (sp.Symbol("2"), 3, {sp.Symbol("2"): sp.Interval(5, 6)}, "cannot be printed faithfully"),
    # a symbol printed as the product of two others: ab > a b
    (sp.Symbol("ab"), a * b, {sp.Symbol("ab"): FAR, a: UNIT, b: UNIT}, "the product of a, b"),
    # names that would run as LaTeX: a \gdef that changes every log after it, a file read in
    (sp.Symbol("a\\gdef\\log{\\exp}"), 0, {sp.Symbol("a\\gdef\\log{\\exp}"): FAR},
     "cannot be printed faithfully"),
    (sp.Symbol("c\\input{/etc/hostname}"), 0, {sp.Symbol("c\\input{/etc/hostname}"): FAR},
     "cannot be printed faithfully"),
])
def test_objects_a_reader_would_confuse_are_refused_before_anything_is_written(
        first, second, where, message):
    proof = greater(first, second, where)
    for render in (proof.to_text, proof.to_latex, proof.to_markdown, proof.to_typst):
        with pytest.raises(RenderError, match=message):
            render()


def test_definitions_and_functions_named_as_functions_of_mathematics_are_refused():
    """d.define("log", …) printed "log log = 2 log a"; sp.Function("log") printed as log."""
    d = Derivation("D", where={a: sp.Interval.open(0, sp.oo)})
    log = d.define("log", a ** 2)
    d.theorem("T", d.chain(sp.log(log)).eq(2 * sp.log(a)))
    with pytest.raises(RenderError, match="log would print as"):
        d.proof().to_latex()
    e = Derivation("F", where={a: sp.Interval.open(0, sp.oo)})
    F = sp.Function("exp")
    # refused when the claim is made now, before any page: the claim would read as one about exp
    with pytest.raises(ProofError, match="the function exp made by sympy.Function reads as"):
        e.theorem("T", e.chain(F(a) * F(a)).eq(F(a) ** 2))


def test_a_symbol_with_assumptions_is_the_same_object_as_its_admitted_plain_self():
    """Symbol("a", positive=True) in a definition and the kernel's a (admitted with the range
    (0, ∞)) are one quantity: refused as "a and a would both print as a" after the last review."""
    positive = sp.Symbol("a", positive=True)
    d = Derivation("Pos")
    E = d.define("E", positive ** 2)
    d.theorem("T", d.chain(sp.log(E)).eq(2 * sp.log(positive)))
    text = d.proof().to_text()
    assert "Let a ∈ (0, ∞)" in text and "log E = 2 log a" in text


def test_an_entry_over_an_index_with_assumptions_is_the_same_entry_as_the_kernel_s():
    """A referee: with i = Symbol("i", integer=True), a Bernoulli likelihood's range lemma was
    refused as "p_{i} and p_{i} would both print as p_i" (the definition's p_i over the integer i,
    the facts' p_i over the kernel's plain i).  One entry, as a with and without assumptions is
    one symbol; two entries that print alike are still refused (the test above)."""
    i, n = sp.Symbol("i", integer=True), sp.Symbol("n", integer=True, positive=True)
    p, y = sp.IndexedBase("p"), sp.IndexedBase("y")
    d = Derivation("Likelihood", where={p: sp.Interval.open(0, 1), y: sp.FiniteSet(0, 1)})
    likelihood = d.define("L", sp.Product(p[i] ** y[i] * (1 - p[i]) ** (1 - y[i]), (i, 1, n)))
    d.lemma("Range", d.member(likelihood, sp.Interval.Lopen(0, 1)))
    d.theorem("Nonpositive", d.chain(sp.log(likelihood)).le(0))
    text = d.proof().to_text()
    assert "p_i^{y_i} (1 − p_i)^{1 − y_i} ∈ (0, 1]" in text
    assert "[the difference is −log L ≥ 0 (logarithm of a number in (0, 1])]" in text
    for section in d.sections:
        assert semantics.confirm(section.statement.context.entries, section.statement.statement,
                                 points=8)


def test_a_symbol_named_like_an_entry_of_a_summation_index_is_refused():
    """Σ_{i=1}^{n} x_i = n x_i holds for a symbol named x_i (one quantity), and is false as read."""
    x_i = sp.Symbol("x_i")
    d = Derivation("Sum", where={n: sp.S.Naturals, x_i: sp.S.Reals})
    d.theorem("T", d.chain(sp.Sum(x_i, (i, 1, n))).eq(n * x_i))
    with pytest.raises(RenderError, match="indexed by a summation index"):
        d.proof().to_latex()


@pytest.mark.parametrize("theorem, notation, message", [
    ("bernoulli", {"CE": "{L}"}, "would both print as L"),
    ("bernoulli", {"CE": "L "}, "would both print as L"),
    ("bernoulli", {"n": "{i}"}, "would both print as i"),
    ("bernoulli", {"theta": "{n}"}, "would both print as n"),
    ("bernoulli", {"theta": "p_i"}, "would both print as p_i"),
    ("bernoulli", {"p_i": "y_i"}, "would both print as y_i"),
    ("bernoulli", {"p": "{y}"}, "would both print as y_i"),
    ("categorical", {"i": "k"}, "would both print as k"),
    ("categorical", {"n": "K"}, "would both print as K"),
    # a definition, an entry or the parameter printed as a constant or a function (a review):
    # log L(θ) = −n·log(θ), e log p_i, arg max over e, arg max_{Θ ∈ Θ}
    ("bernoulli", {"CE": "\\log"}, "CE would print as \\\\log, a constant or a function"),
    ("bernoulli", {"CE": "\\mathrm{exp}"}, "a constant or a function"),
    ("bernoulli", {"y_i": "e"}, "would print as e, a constant or a function"),
    ("bernoulli", {"p_i": "\\pi"}, "a constant or a function"),
    ("bernoulli", {"theta": "\\mathrm{e}"}, "a constant or a function"),
    ("bernoulli", {"theta": "\\Theta"}, "the parameter set Θ and theta would both print"),
])
def test_a_notation_that_prints_two_objects_alike_is_refused(theorem, notation, message):
    with pytest.raises(ProofError, match=message):
        proofs.prove(theorem).to_latex(notation=notation)


def test_a_notation_value_that_is_a_number_or_has_a_sign_prints_as_itself():
    with pytest.raises(NotationError, match="is a number"):
        proofs.prove("bernoulli").to_latex(notation={"y_i": "1"})
    latex = proofs.prove("bernoulli").to_latex(notation={"y_i": "1-t_i"})
    # (1 − t_i) log p_i, not 1 − t_i log p_i
    assert r"{\left(1-t_i\right)} \log p_{i}" in latex
    assert r"1 - t_i \log" not in latex
    # the terminal's text too (a review: it printed 1-t_i log(1-q_i) and (1 − 1-q_i))
    text = proofs.prove("bernoulli").to_text(notation={"y_i": "1-t_i", "p_i": "1-q_i",
                                                       "n": "N-1"})
    assert "(1-t_i) log(1-q_i)" in text and "(1 − (1-q_i))" in text and "−(1/(N-1))" in text
    assert "[1-t_i log" not in text and "1 − 1-q_i" not in text


def test_a_number_before_a_power_of_a_number_is_not_one_number(tmp_path):
    """log(3·3^y) = (1 + y) log 3: printed 3 3^y, TeX sets 33^y, and log 33^y is y log 33."""
    d = Derivation("Powers of three", where={y: sp.S.Reals})
    d.theorem("Log of a power", d.chain(sp.log(3 * 3 ** y)).eq((y + 1) * sp.log(3)))
    proof = d.proof()
    assert "log(3·3^{y})" in proof.to_text()
    document = proof.to_document()
    assert r"3 \cdot 3^{y}" in document
    compile_tex(tmp_path, "powers", document)
    printed = "".join(pdf_text(tmp_path / "powers.pdf").split())
    assert "log(3·3" in printed and "log(33" not in printed, printed


def test_a_fractional_base_and_a_compound_subscript_keep_their_brackets():
    d = Derivation("Brackets", where={y: sp.S.Reals})
    d.theorem("T", d.chain(sp.log(2 * sp.Rational(3, 4) ** y)).eq(
        y * sp.log(sp.Rational(3, 4)) + sp.log(2)))
    assert r"\left(\frac{3}{4}\right)^{y}" in d.proof().to_latex()
    base = sp.IndexedBase("x")
    d = Derivation("Subscript", where={i: sp.Interval(5, 6), base: UNIT})
    d.theorem("T", d.chain(i).gt(base[i + 1]))
    assert "x_{i + 1}" in d.proof().to_text()  # x_i + 1 < i would be false


def test_a_hypothesis_on_a_variable_a_monotonicity_lemma_also_binds_stays_in_the_setting():
    positive = sp.Symbol("x", positive=True)
    d = Derivation("Hidden hypothesis")
    d.lemma("Log increases", d.strictly_increasing(sp.log(positive), positive,
                                                   sp.Interval.open(0, sp.oo)))
    d.theorem("Log of a square", d.chain(sp.log(positive ** 2)).eq(2 * sp.log(positive)))
    text = d.proof().to_text()
    assert "Let x ∈ (0, ∞). Then log(x^{2}) = 2 log x" in text


@pytest.mark.parametrize("because", [
    r"rules of the logarithm\gdef\log{\exp}",
    r"since $\gdef\log{\exp}$",
    r"since $\input{/etc/hostname}$",
    "log is 100% additive", "cancel log a & simplify", "with a_1 > 0", "the map <Foo> is additive",
    "an unclosed $x",
    # mathematics LaTeX stops at or Typst reads otherwise (a review): a double superscript, which
    # Typst set as a^{(2)^3}, a script or a command without its argument, an unclosed \left
    "as $a^2^3$", "as $x_$", r"as $\frac{1}$", r"as $\left( x$", r"as $x \right)$", r"as $\hat$",
    r"as $\text{\alpha}$", r"as $\mathbb{R}^{\mathbb}$", "as $^2$",
    "as $<ref:first> + 1$",  # a reference in mathematics
])
def test_words_that_would_change_or_break_the_page_are_refused(because):
    pos = sp.Interval.open(0, sp.oo)
    d = Derivation("Words", where={a: pos, b: pos})
    with pytest.raises(NotationError):
        d.chain(sp.log(a * b)).eq(sp.log(a) + sp.log(b), because=because)
    with pytest.raises(NotationError):
        d.lemma("L", d.chain(sp.log(a * b)).eq(sp.log(a) + sp.log(b)), remark=because)


def test_words_with_checked_mathematics_are_kept():
    pos = sp.Interval.open(0, sp.oo)
    d = Derivation("Words", where={a: pos, b: pos})
    chain = d.chain(sp.log(a * b)).eq(sp.log(a) + sp.log(b),
                                      because=r"as $\frac{1}{2} \cdot 2 = 1$ and $a \geq 0$")
    d.theorem("T", chain)
    assert r"as $\frac{1}{2} \cdot 2 = 1$ and $a \geq 0$" in d.proof().to_latex()


def test_the_commands_words_may_use_print_in_typst_too(tmp_path):
    """\\tfrac, \\sup, \\ne, \\mp, \\lim were accepted and set in LaTeX, refused by Typst."""
    typst = require_module("typst", extra="typst")  # skipped without the extra, failed on CI

    pos = sp.Interval.open(0, sp.oo)
    d = Derivation("Words", where={a: pos, b: pos})
    because = (r"as $\tfrac{1}{2} \ne 1$, $\sup_{x} a \mp b$ and $\lim_{n \to \infty} "
               r"\dfrac{1}{n} = 0$")
    d.theorem("T", d.chain(sp.log(a * b)).eq(sp.log(a) + sp.log(b), because=because))
    (tmp_path / "words.typ").write_text(d.proof().to_typst_document(), encoding="utf-8")
    typst.compile(str(tmp_path / "words.typ"), output=str(tmp_path / "words.pdf"))
    assert "lim" in pdf_text(tmp_path / "words.pdf")


def test_references_name_lemmas_of_the_proof_and_remarks_number_them():
    """<ref:nowhere> printed "Lemma ??" (and broke Typst); a remark's reference printed Lemma 0."""
    pos = sp.Interval.open(0, sp.oo)

    def derivation(because=None, remark=""):
        d = Derivation("R", where={a: pos})
        d.lemma("L1", d.chain(sp.log(a * a)).eq(2 * sp.log(a)), label="first")
        d.theorem("T", d.chain(sp.log(a * a * a)).eq(3 * sp.log(a), because=because),
                  remark=remark)
        return d.proof()

    for proof in (derivation("see <ref:nowhere>"), derivation(remark="as in <ref:nowhere>")):
        for render in (proof.to_text, proof.to_latex, proof.to_markdown, proof.to_typst):
            with pytest.raises(RenderError, match="names no lemma or theorem of this proof"):
                render()
    cited = derivation("see <ref:theorem-2>")  # a theorem is cited as one, by its number
    assert "[see Theorem 2]" in cited.to_text()
    assert r"see Theorem~\ref{proofs:theorem-2}" in cited.to_latex()
    remarked = derivation(remark="as in <ref:first>")
    assert "as in Lemma 1" in remarked.to_text()
    assert r"as in Lemma~\ref{proofs:first}" in remarked.to_latex()


def test_words_starting_with_blanks_are_no_typst_markup(tmp_path):
    """because="  = Injected heading" became a numbered heading of the host's outline."""
    pos = sp.Interval.open(0, sp.oo)
    for words in ("  = Injected heading", " - item", "  1. item", "\t+ item"):
        d = Derivation("R", where={a: pos})
        try:
            d.theorem("T", d.chain(sp.log(a * a)).eq(2 * sp.log(a), because=words))
        except NotationError:
            continue  # a tab is a control character: refused
        typ = d.proof().to_typst()
        line = next(line for line in typ.splitlines() if "item" in line or "Injected" in line)
        assert re.search(r"\\[=\-+]|1\\\.", line), line


def test_markdown_shows_a_users_title_and_names_as_words():
    pos = sp.Interval.open(0, sp.oo)
    d = Derivation(r"Why $\log(ab) = \log a \cdot \log b$", where={a: pos, b: pos})
    d.theorem("$a > b$ always", d.chain(sp.log(a * b)).eq(sp.log(a) + sp.log(b)))
    markdown = d.proof().to_markdown()
    assert r"## Why \$\\log(ab) = \\log a \\cdot \\log b\$" in markdown
    assert r"(\$a \> b\$ always)" in markdown
    assert "\\begin{aligned}\n\\end{aligned}" not in markdown  # no empty block of definitions


def test_the_corollary_names_the_likelihood_it_is_about():
    rate, ys = sp.IndexedBase("lambda"), sp.IndexedBase("y")
    d = Derivation("Poisson", where={rate: sp.Interval.open(0, sp.oo), ys: sp.S.Naturals0,
                                     n: sp.S.Naturals})
    P = d.define("P", sp.Product(rate[i] ** ys[i] * sp.exp(-rate[i]) / sp.factorial(ys[i]),
                                 (i, 1, n)))
    NLL = d.define("NLL", sp.Sum(rate[i] - ys[i] * sp.log(rate[i]) + sp.log(sp.factorial(ys[i])),
                                 (i, 1, n)) / n)
    d.lemma("Positivity", d.positive(P), label="positivity")
    d.lemma("identity", d.chain(sp.log(P)).derive(-n * NLL), label="identity")
    d.theorem("Poisson", d.argmax(P, over=[rate]).argmax(sp.log(P), by="positivity")
              .derive("min", NLL, by="identity"))
    d.corollary(d.chain(P).eq(sp.exp(-n * NLL), by="identity"))
    text = d.proof().to_text()
    assert "P(θ) = exp(−n·NLL(θ)) by Lemma 2 and as P > 0 (Lemma 1);" in text
    assert "max_θ P = exp" in text


def test_the_cli_says_what_to_rename_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "proofs", "prove", "bernoulli", "--notation",
                             "CE={L}", "-o", str(tmp_path / "out.tex")], capture_output=True,
                            text=True)
    assert result.returncode != 0 and not (tmp_path / "out.tex").exists()
    assert result.stderr.strip().count("\n") == 0 and "would both print as L" in result.stderr


def test_a_title_with_comparison_signs_prints_them(tmp_path):
    """LaTeX's default encoding printed 'Loss <= 1 | x > 0' as 'Loss ¡= 1 — x ¿ 0'."""
    title = "Loss <= 1 | x > 0"
    document = proofs.prove("bernoulli").to_document(title=title)
    compile_tex(tmp_path, "titled", document)
    assert title in pdf_text(tmp_path / "titled.pdf")


def test_a_symbol_parameter_is_not_renamed_by_a_notation():
    """theta=v beside a v of the claim printed argmax_{v ∈ ℝ} −v² − w² = argmax_{v ∈ ℝ} −w²
    (the parameter is w); logistic with theta=u printed L(u) beside σ(w x_i)."""
    w, v = sp.symbols("w v")
    d = Derivation("Shift", where={w: sp.S.Reals, v: sp.S.Reals})
    d.theorem("Drop a constant", d.argmax(-w ** 2 - v ** 2, over=[w]).argmax(-w ** 2))
    for notation in ({"theta": "v"}, {"theta": "u"}):
        with pytest.raises(RenderError, match="leave out the notation theta"):
            d.proof().to_text(notation=notation)
    assert "argmax_{w ∈ ℝ}" in d.proof().to_text(notation={"theta": "w"})
    with pytest.raises(RenderError, match="leave out the notation theta=u"):
        proofs.prove("logistic").to_latex(notation={"theta": "u"})


@pytest.mark.parametrize("notation", [{"CE": r"\boldsymbol{L}"},
                                      {"CE": r"\mathcal{L}", "L": r"\mathrm{L}"},
                                      {"theta": r"\mathsf{n}"}])
def test_notation_apart_in_latex_but_alike_in_text_is_refused_for_text(notation):
    """The terminal drops \\boldsymbol, \\mathcal, \\mathsf: CE=\\boldsymbol{L} printed
    'log L(θ) = −n·L(θ)' and 'argmax L = argmin L' in the text output."""
    with pytest.raises(RenderError, match="print as"):  # since a review, in LaTeX already
        proofs.prove("bernoulli").to_text(notation=notation)
    # an accent it keeps: ñ is apart from n
    assert "L(n\u0303)" in proofs.prove("bernoulli").to_text(notation={"theta": r"\tilde{n}"})


def test_a_sum_or_product_followed_by_a_factor_is_bracketed():
    """(∏ w_i)·log ∑ x_i printed 'log ∑ x_i ∏ w_i', which reads as log(∑ x_i ∏ w_i)."""
    x_, w_ = sp.IndexedBase("x"), sp.IndexedBase("w")
    d = Derivation("Power", where={x_: sp.Interval.open(0, 1), w_: sp.Interval.open(0, 1),
                                   n: sp.S.Naturals})
    total, product = sp.Sum(x_[i], (i, 1, n)), sp.Product(w_[i], (i, 1, n))
    d.theorem("Power", d.chain(sp.log(total ** product)).eq(product * sp.log(total)))
    proof = d.proof()
    assert "= (log ∑_{i=1}^{n} x_i) ∏_{i=1}^{n} w_i" in proof.to_text()
    assert (r"\left(\log \sum_{i=1}^{n} x_{i}\right) \prod_{i=1}^{n} w_{i}"
            in proof.to_latex())


def test_a_claim_about_numbers_alone_renders():
    """d.positive(√2): the sentence of facts dropped facts about numbers, the claim among them,
    and read the last of none (IndexError in LaTeX, Markdown and Typst)."""
    d = Derivation("Numbers")
    d.theorem("Root two", d.positive(sp.sqrt(2)))
    proof = d.proof()
    for render in (proof.to_latex, proof.to_markdown, proof.to_typst, proof.to_text):
        assert "2" in render()


@pytest.mark.parametrize("call, words", [
    (lambda: Derivation(None), "title is words"),
    (lambda: Derivation("T", where=[x]), "where= is a dict"),
    (lambda: Derivation("T").define(3, x), "name is a string"),
    (lambda: Derivation("T").define("A", "x+"), "not the string 'x\\+'"),
    (lambda: Derivation("T").define("A", None), "not None"),
    (lambda: Derivation("T").define("q", x, params=i), "params= is a list"),
    (lambda: Derivation("T").chain(x).eq("x+"), "not the string"),
])
def test_a_derivations_bad_arguments_are_proof_errors(call, words):
    with pytest.raises(ProofError, match=words):
        call()


def test_the_corollary_cites_the_lemmas_its_proof_uses_whatever_their_labels():
    # a review found the sentence citing whichever lemma was labelled "identity": here an
    # unrelated log(a²) = 2 log a, while the identity used is labelled "loglik"
    rates, a = sp.IndexedBase("lambda"), sp.Symbol("a")
    positive = sp.Interval.open(0, sp.oo)
    d = Derivation("Mislabel", where={n: sp.S.Naturals, rates: positive, a: positive})
    L = d.define("L", sp.Product(rates[i], (i, 1, n)))
    G = d.define("G", -sp.Sum(sp.log(rates[i]), (i, 1, n)) / n)
    d.lemma("Unrelated", d.chain(sp.log(a ** 2)).eq(2 * sp.log(a)), label="identity")
    d.lemma("Positivity", d.positive(L))
    d.lemma("Log", d.chain(sp.log(L)).eq(sp.Sum(sp.log(rates[i]), (i, 1, n))).eq(-n * G),
            label="loglik")
    d.theorem("T", d.same_optimizers(L, G, over=[rates]))
    d.corollary(d.chain(L).eq(sp.exp(sp.log(L))).eq(sp.exp(-n * G), by="loglik"))
    text = d.proof().to_text()
    assert "L(θ) = exp(−n·G(θ)) by Lemma 3 and as L > 0 (Lemma 2);" in text
    assert "Lemma 1" not in text.split("Moreover")[1]


def _count():
    """Σ_{i=1}^{n} y = n·y, which a notation writing y with the index's letter would misprint as
    Σ i = n·i (false: 3 ≠ 4 at n = 2)."""
    d = Derivation("Count", where={n: sp.S.Naturals})
    d.theorem("Count", d.chain(sp.Sum(y, (i, 1, n))).eq(n * y))
    assert sp.Sum(i, (i, 1, 2)).doit() != 2 * 2
    return d.proof()


def _values():
    """NLL := a and L := exp(−a), so L = exp(−NLL); with L written −NLL or NLL² the page states
    −NLL = exp(−NLL) (false at a = 1)."""
    pos = sp.Interval.open(0, sp.oo)
    d = Derivation("Values", where={a: pos})
    nll, likelihood = d.define("NLL", a), d.define("L", sp.exp(-a))
    d.theorem("Value", d.chain(likelihood).eq(sp.exp(-nll)))
    assert -1 != sp.exp(-1) and 1 != sp.exp(-1)
    return d.proof()


@pytest.mark.parametrize("make, notation, message", [
    # a review: TeX prints these as the index i, though the source differs
    (_count, {"y": "\\mathit{i}"}, "would both print as i"),
    (_count, {"y": "i\\,"}, "would both print as i"),
    (_count, {"y": "{i}\\!"}, "would both print as i"),
    (_count, {"y": "i+1"}, "mentions i"),
    (_count, {"y": "2i"}, "mentions i"),
    (_values, {"L": "\\mathrm{NLL}\\,"}, "would both print as NLL"),
    (_values, {"L": "\\mathit{NLL}"}, "would both print as NLL"),
    (_values, {"L": "\\operatorname{NLL}"}, "would both print as NLL"),
    (_values, {"L": "-\\mathrm{NLL}"}, "mentions NLL"),
    (_values, {"L": "\\mathrm{NLL}^2"}, "mentions NLL"),
    (_values, {"L": "\\mathrm{NLL} a"}, "mentions"),
])
def test_a_notation_that_prints_as_another_quantity_or_mentions_one_is_refused(make, notation,
                                                                               message):
    with pytest.raises(RenderError, match=message):
        make().to_latex(notation=notation)


@pytest.mark.parametrize("theorem, notation, message", [
    ("bernoulli", {"p_i": "1-y_i"}, "mentions y"),  # Σ y_i log(1 − y_i): p_i is no function of y
    ("bernoulli", {"n": "2i"}, "mentions i"),
    ("bernoulli", {"y_i": "\\Theta_i"}, "mentions the parameter set"),
    ("bernoulli", {"y_i": "\\theta^2"}, "mentions theta"),  # labels are no function of θ
    # a review of the first fix: fonts a letter does not take, upright letters written otherwise,
    # the same letter in two fonts, numbers in a font
    ("bernoulli", {"n": "\\mathrm{\\Theta}"}, "would both print as \\\\Theta"),
    ("bernoulli", {"p": "\\mathbf{\\theta}"}, "would both print as \\\\theta"),
    ("bernoulli", {"y": "\\mathrm{\\theta}"}, "would both print as \\\\theta"),
    ("bernoulli", {"n": "\\mathrm{N}", "L": "\\operatorname{N}"}, "would both print as"),
    ("bernoulli", {"n": "\\mathrm{N}", "L": "N"}, "the same letters in two fonts"),
    ("bernoulli", {"n": "\\mathrm{2}"}, "a constant"),
    ("bernoulli", {"n": "\\text{2}"}, "a constant"),
    ("bernoulli", {"n": "2'"}, "a constant"),
    # a second review: fonts around commands, empty scripts, numbers and zeros written otherwise
    ("bernoulli", {"n": "\\mathrm{\\infty}"}, "a constant"),
    ("bernoulli", {"n": "\\infty_{}"}, "a constant"),
    ("bernoulli", {"n": "\\mathrm{\\log}"}, "a constant or a function"),
    ("bernoulli", {"n": "\\mathtt{e}"}, "a constant"),
    ("bernoulli", {"CE": "0 \\cdot \\ell"}, "a 0 in it"),
    ("bernoulli", {"L": "0+0"}, "no letter"),
    ("bernoulli", {"n": "2 \\cdot 3"}, "no letter"),
    ("bernoulli", {"n": "1{,}000"}, "no letter"),
    # a third review: zeros and numbers written otherwise, \text holding no word, labels
    ("bernoulli", {"CE": "0.0\\ell"}, "a 0 in it"),
    ("bernoulli", {"CE": ".0\\ell"}, "a 0 in it"),
    ("bernoulli", {"CE": "\\text{(0.0)}\\ell"}, "a 0 in it"),
    ("bernoulli", {"CE": "(1-1)\\ell"}, "is a number"),
    ("bernoulli", {"CE": "\\ell-\\ell"}, "is a number"),
    ("bernoulli", {"y_i": "\\text{+1}"}, "no letter"),
    ("bernoulli", {"y_i": "y^{(i+1)}"}, "mentions i"),
    ("bernoulli", {"y_i": "y^{(L)}"}, "labels with L"),
    ("bernoulli", {"CE": "L^{(2)}"}, "mentions L"),
    # a fourth review: a font or an accent around a digit or around nothing
    ("bernoulli", {"n": "\\mathrm{2}\\cdot\\mathrm{3}"}, "no letter"),
    ("bernoulli", {"n": "\\overline{2}\\cdot 3"}, "no letter"),
    ("bernoulli", {"n": "\\mathrm{1}^{\\ell}"}, "is a number"),
    ("bernoulli", {"CE": "\\mathrm{}"}, "no letter"),
    ("bernoulli", {"L": "\\vec{}"}, "no letter"),
    ("bernoulli", {"n": "\\mathrm{\\mathrm{}}"}, "no letter"),  # a fifth review: nested
    ("bernoulli", {"CE": "\\hat{\\bar{}}"}, "no letter"),
    # a seventh review: what TeX prints alike (y' is y^{\prime}, \widehat{y} is \hat{y} over
    # one letter), and a summation index written into a quantity's name
    ("bernoulli", {"y": "y'", "p": "y^{\\prime}"}, "would both print as"),
    ("bernoulli", {"y": "\\hat{y}", "p": "\\widehat{y}"}, "would both print as"),
    ("bernoulli", {"y": "\\bar{y}", "p": "\\overline{y}"}, "would both print as"),
    ("bernoulli", {"y": "\\tilde{y}", "p": "\\widetilde{y}"}, "would both print as"),
    ("bernoulli", {"theta": "w_{i}"}, "writes i in a subscript"),
    ("bernoulli", {"theta": "w_i"}, "writes i in a subscript"),
    ("bernoulli", {"L": "L_{i}"}, "writes i in a subscript"),
    ("bernoulli", {"CE": "\\ell_{i}"}, "writes i in a subscript"),
    ("bernoulli", {"theta": "w^{(i)}"}, "labels with the index i"),
])
def test_a_library_notation_that_mentions_another_quantity_is_refused(theorem, notation, message):
    with pytest.raises(RenderError, match=message):
        proofs.prove(theorem).to_latex(notation=notation)


@pytest.mark.parametrize("theorem, notation", [
    ("bernoulli", {"theta": "w", "p_i": "\\sigma(w^\\top x_i)", "y": "t"}),  # the README's
    ("bernoulli", {"p_i": "\\sigma(\\theta^\\top x_i)"}),  # an entry may depend on θ
    ("logistic", {"theta": "w", "p_i": "\\sigma(w^\\top x_i)"}),  # … and on its definition's
    ("bernoulli", {"y_i": "1-t_i", "p_i": "1-q_i", "n": "N-1"}),  # names of their own
    ("bernoulli", {"CE": "\\mathrm{CE}_n", "L": "\\mathcal{L}"}),
    ("bernoulli", {"y": "\\hat{y}", "p": "q"}),
    # a loss named by a word below its letter is no entry of that letter
    ("bernoulli", {"L": "\\mathcal{L}", "CE": "\\mathcal{L}_{\\mathrm{CE}}"}),
    ("bernoulli", {"CE": "L_{\\mathrm{CE}}"}),
    ("bernoulli", {"theta": "\\boldsymbol{\\theta}"}),
    ("bernoulli", {"y_i": "y^{(i)}", "theta": "\\theta_0", "L": "\\operatorname{Lik}"}),
    ("bernoulli", {"p": "\\mathbf{w}", "CE": "\\ell_{\\mathrm{train}}", "p_i": "q_i r_i"}),
    ("bernoulli", {"y": "y'", "p": "q'"}),  # primes on two letters
    ("bernoulli", {"theta": "\\theta_n", "CE": "\\mathrm{CE}_n"}),  # a quantity's subscript
    ("bernoulli", {"theta": "\\hat{\\theta}_{\\mathrm{MLE}}", "n": "\\text{N}",
                   "CE": "\\text{NLL}"}),
])
def test_a_notation_in_names_of_its_own_is_accepted(theorem, notation):
    assert proofs.prove(theorem).to_latex(notation=notation)


@pytest.mark.parametrize("value", ["N = 5", "N < 5", "\\theta = 0", "\\hat{y}_i = \\sigma(x_i)",
                                   "N \\leq 5"])
def test_a_notation_holding_a_relation_is_refused(value):
    # the formulas would print it as a claim never proved: log L(θ) = −N = 5 · CE(θ)
    with pytest.raises(NotationError, match="holds a relation"):
        proofs.prove("bernoulli").to_latex(notation={"n": value})


@pytest.mark.parametrize("suffix, printed", [("abs", "\\left|"), ("norm", "\\left\\|"),
                                             ("avg", "\\left\\langle"), ("mag", "\\left|")])
def test_a_name_sympy_prints_as_an_expression_is_refused(suffix, printed):
    """A symbol xabs printed as |x|: beside Abs(x) the page read |x| − |x| > 0 (a review)."""
    s = sp.Symbol("x" + suffix)
    assert sp.latex(s).startswith(printed)
    d = Derivation("Gap", where={x: sp.S.Reals, s: sp.Interval.open(-sp.oo, 0)})
    d.theorem("Gap", d.positive(sp.Abs(x) - s))
    with pytest.raises(RenderError, match="an expression: rename it"):
        d.proof().to_latex()


def test_an_upright_letter_is_not_its_italic_self():
    # \mathrm{d} and \mathrm{e} are reserved, d and e as symbols' names are not
    d = Derivation("Letters", where={x: sp.S.Reals})
    dd = sp.Symbol("d")
    d.theorem("T", d.chain(dd * x + dd * x).eq(2 * dd * x))
    assert "d x" in d.proof().to_latex() or "d \\cdot x" in d.proof().to_latex()



@pytest.mark.parametrize("value", ["\\mathcal{1}", "\\mathcal{p}", "\\mathbb{1}", "\\mathfrak{x}",
                                   "\\mathcal{\\theta}", "\\mathcal{\\Theta}",
                                   "\\mathcal{L}\\mathcal{1}", "\\mathcal{L}_{\\mathcal{1}}"])
def test_a_capitals_only_font_around_anything_else_is_refused(value):
    # cmsy has ∞ where \mathcal{1} is asked for, brackets for lowercase letters
    with pytest.raises(NotationError, match="take capital letters"):
        proofs.prove("bernoulli").to_latex(notation={"n": value})
