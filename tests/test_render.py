"""Text, LaTeX, Markdown and PDF output of the flagship proof; atomic writing; determinism."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

import proofs
from proofs.errors import RenderError
from proofs.render.latex import justification, preamble, visible_length
from proofs.render.layout import layout, writer_for
from proofs.render.notation import Writer
from proofs.theorems import LIBRARY
from proofs.tree import tree_nodes
from tests.tools import compile_tex, dark_fraction_of_first_page, pdf_text, require

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def proof():
    return proofs.prove("bernoulli")


def test_text_has_every_step_and_its_justification(proof):
    text = str(proof)
    assert text == proof.to_text()
    assert "argmax_{θ ∈ Θ} L(θ) = argmin_{θ ∈ Θ} CE(θ)" in text
    for block in layout(proof, Writer("text"), lambda label, number: f"Lemma {number}"):
        for row in block.rows:
            assert f"[{row.justification}]" in text
            assert row.left in text and row.right in text
    assert "log L(θ) = log ∏_{i=1}^{n} p_i^{y_i} (1 − p_i)^{1 − y_i}" in text


def test_latex_fragment_structure(proof):
    fragment = proof.to_latex()
    assert "\\documentclass" not in fragment and "\\newtheorem" not in fragment
    assert fragment.count("\\begin{theorem}") == 1 and fragment.count("\\begin{lemma}") == 2
    assert fragment.count("\\begin{proof}") == 3 == fragment.count("\\end{proof}")
    assert "log of a product of positive factors (Lemma~\\ref{proofs:positivity})}" in fragment
    assert "\\operatorname*{arg\\,max}_{\\theta\\in\\Theta} L(\\theta) = " \
           "\\operatorname*{arg\\,min}_{\\theta\\in\\Theta} \\mathrm{CE}(\\theta)" in fragment
    for label in ("positivity", "identity", "main"):
        assert f"\\label{{proofs:{label}}}" in fragment \
            and f"\\label{{proofs:{label}-eq}}" in fragment


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_a_cited_lemma_states_the_fact_a_step_cites_it_for(name):
    """The log of a product needs each factor positive: the step cites the positivity lemma, whose
    statement says so — the factor itself, or in words when it is too wide to read inline."""
    proof = proofs.prove(name)
    fragment = proof.to_latex()
    writer = writer_for(proof, "latex", ())
    cited = 0
    for step in (step for section in proof.sections for step in section.steps):
        if not step.justification.startswith("log of a product of positive factors (<ref:"):
            continue  # (categorical's one observation: p_ik^y_ik > 0 is read off the setting)
        label = re.search(r"<ref:(.*?)>", step.justification).group(1)
        lemma = next(section for section in proof.sections if section.label == label)
        factor = lemma.statement.premises[1].premises[0].statement.expr  # L unfolded, then ∏ > 0
        used = next(node for node in tree_nodes(step.theorem) if node.rule == "log_of_product")
        assert used.premises[0].statement.expr == factor  # the fact the step rests on
        start = fragment.index(f"\\label{{proofs:{label}}}")
        statement = fragment[start:fragment.index("\\end{equation}", start)]
        assert (f"${writer(factor)} > 0$" in statement
                or f"each factor of the product ${writer(lemma.statement.statement.expr)}$ is "
                   "positive" in statement), name
        cited += 1
    assert cited == 1, name


def test_markdown_uses_mathjax_blocks(proof):
    markdown = proof.to_markdown()
    assert markdown.count("$$") % 2 == 0 and "\\begin{aligned}" in markdown
    assert "**Theorem 3 (Maximum likelihood is minimum binary cross-entropy).**" in markdown


def test_write_chooses_format_by_extension(proof, tmp_path):
    for suffix, expected in ((".tex", "\\documentclass"), (".md", "$$"), (".txt", "argmax_θ"),
                             (".typ", "#set page")):
        path = proof.write(tmp_path / f"proof{suffix}")
        assert expected in path.read_text(encoding="utf-8")
    with pytest.raises(RenderError, match="use .tex, .pdf, .md, .txt, .typ or .v"):
        proof.write(tmp_path / "proof.docx")
    assert not (tmp_path / "proof.docx").exists()


def test_write_is_atomic_on_failure(proof, tmp_path, monkeypatch):
    target = tmp_path / "proof.pdf"
    monkeypatch.setenv("PATH", str(tmp_path))  # no pdflatex anywhere
    with pytest.raises(RenderError, match="pdflatex not found"):
        proof.write(target)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(RenderError, match="does not exist"):
        proof.write(tmp_path / "missing" / "proof.tex")
    existing = tmp_path / "proof.txt"
    existing.write_text("old")
    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        proof.write(existing)
    # the old file is untouched and no partial file is left behind
    assert existing.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["proof.txt"]
    monkeypatch.undo()
    proof.write(existing)
    assert existing.read_text(encoding="utf-8").startswith(proof.title)


def failing_replace(source, target):
    raise OSError("disk full")


def test_document_compiles_without_errors_or_undefined_references(proof, tmp_path):
    log = compile_tex(tmp_path, "proof", proof.to_document())
    assert "undefined" not in log.lower()
    assert "LaTeX Warning: Reference" not in log


def test_pdf_contains_statement_and_steps_and_page_one_is_not_blank(proof, tmp_path):
    require("pdflatex")
    pdf = proof.write(tmp_path / "proof.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_text(pdf).split())
    for phrase in ("Maximum likelihood is minimum binary cross-entropy", "Positivity",
                   "Log-likelihood and cross-entropy", "log increases strictly",
                   "as sets of optimizers"):
        assert phrase in text
    text = re.sub(r"(\w)- (\w)", r"\1\2", text.replace("ﬁ", "fi"))  # words hyphenated at a line end
    for step in proof.steps:
        words = re.findall(r"[A-Za-z]{3,}", re.sub(r"<[^>]*>|\\[a-z]+", "", step.justification))
        assert all(word in text for word in words), step.justification
    assert dark_fraction_of_first_page(pdf, tmp_path) > 0.005


def test_fragment_inputs_into_a_host_article(proof, tmp_path):
    (tmp_path / "derivation.tex").write_text(proof.to_latex(), encoding="utf-8")
    host = "\n".join(["\\documentclass{article}", preamble(), "\\begin{document}",
                      "As shown in Theorem~\\ref{proofs:main}:", "\\input{derivation}",
                      "\\end{document}"])
    log = compile_tex(tmp_path, "paper", host)
    assert "undefined" not in log.lower()


def run_cli(args, seed, folder):
    env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "proofs", *args], cwd=folder, env=env,
                          capture_output=True, check=True).stdout


@pytest.mark.parametrize("fmt", ["text", "latex", "document", "markdown"])
def test_output_is_byte_identical_across_hash_seeds(fmt, tmp_path):
    outputs = {run_cli(["prove", "bernoulli", "--format", fmt], seed, tmp_path)
               for seed in (1, 4242)}
    assert len(outputs) == 1 and outputs.pop()


def test_pdf_is_byte_identical_across_hash_seeds(tmp_path):
    require("pdflatex")
    pdfs = set()
    for seed in (3, 77):
        run_cli(["prove", "bernoulli", "-o", f"proof{seed}.pdf"], seed, tmp_path)
        pdfs.add((tmp_path / f"proof{seed}.pdf").read_bytes())
    assert len(pdfs) == 1


def test_network_terms_read_as_written():
    # an undefined function prints as f(x_i), not sympy's f(x[i]); a fraction raised to a power gets
    # one pair
    text = proofs.prove("network").to_text()
    assert "f(x_i)" in text and "x[i]" not in text and "((1/(1 + exp(−f(x_i)))))" not in text
    assert r"f\left(x_{i}\right)" in proofs.prove("network").to_latex()
    # a lone fraction as a whole side loses its outer parentheses: "p_i(θ) = 1/(1 + exp(−f(x_i)))",
    # and "1/x > 0" in a monotonicity lemma's proof
    assert "p_i(θ) = 1/(1 + exp(−f(x_i)))" in text
    assert "  1/x > 0" in _log_increases().to_text()


# ------------------------------------------------------------------------------------------------
# statements and justifications a referee signs (the documents issue)
def library_proofs():
    from proofs.theorems import LIBRARY

    for name, (_, _, allowed) in sorted(LIBRARY.items()):
        yield name, proofs.prove(name)
        for key, values in allowed.items():
            for value in values[1:]:
                try:
                    yield f"{name} --{key} {value}", proofs.prove(name, **{key: value})
                except proofs.ProofError:  # a combination the registry refuses
                    continue


def test_every_sum_is_justified_as_a_sum_and_every_product_as_a_product():
    import sympy as sp

    seen = set()
    for name, proof in library_proofs():
        for section in proof.sections:
            for step in section.steps:
                if step.rule != "member_binder":
                    continue
                expr = step.theorem.statement.expr
                kind = "sum" if isinstance(expr, sp.Sum) else "product"
                seen.add(kind)
                assert kind in step.justification and (
                    {"sum", "product"} - {kind}
                ).pop() not in step.justification, (name, step.justification)
    assert seen == {"sum", "product"}  # both kinds occur in the library (categorical --softmax)


def _log_increases():
    """A derivation whose one theorem is the monotonicity of log (the library's theorems prove it
    inside their main step)."""
    x = sp.Symbol("x")
    d = proofs.Derivation("Monotonicity")
    d.theorem("Monotonicity of the logarithm",
              d.strictly_increasing(sp.log(x), x, sp.Interval.open(0, sp.oo)))
    return d.proof()


def test_continuity_is_justified_by_its_reason():
    text = _log_increases().to_text()
    assert ("[continuous on the interval: defined on all of it, and built from functions "
            "continuous where defined]") in text
    assert "hence continuous" not in text


def test_a_statement_about_optimizers_quantifies_no_bound_parameter(proof):
    fragment = proof.to_latex()
    for label in ("main",):
        start = fragment.index(f"\\label{{proofs:{label}}}")
        statement = fragment[start : fragment.index("\\end{equation}", start)]
        # the parameter set is named under the operators, as the setting introduces it
        assert "operatorname*{arg\\,max}_{\\theta\\in\\Theta}" in statement
        assert "For every" not in statement and "for every $\\theta$," not in statement
        assert "as sets of optimizers," in statement.lower()  # said before the display
    # a pointwise lemma keeps its quantifier
    start = fragment.index("\\label{proofs:positivity}")
    assert "For every $\\theta$ and $i = 1" in fragment[start:fragment.index("\\end{equation}",
                                                                              start)]


def test_the_theorem_states_its_hypotheses(proof):
    expected = (
        "Let $n \\in \\{1, 2, \\dots\\}$, $y_{i} \\in \\{0, 1\\}$, $p_{i}(\\theta) \\in (0, 1)$ "
        "for $i = 1, \\dots, n$ and every parameter $\\theta$ in a set $\\Theta$ (only $p_{i}$ "
        "depends on $\\theta$), and let $L(\\theta)$ and "
        "$\\mathrm{CE}(\\theta)$ be as defined above. Then, as sets of optimizers,\n"
        "\\begin{equation}"
    )
    assert expected in proof.to_latex()
    markdown = proof.to_markdown()
    assert "**Theorem 3 (Maximum likelihood is minimum binary cross-entropy).** Let $n" in markdown


def test_detail_paper_writes_a_fact_proof_as_one_sentence_and_full_every_step():
    proof = proofs.prove("gaussian")
    paper, full = proof.to_latex(), proof.to_latex(detail="full")
    start, end = paper.index(r"\label{proofs:positivity}"), paper.index(r"\label{proofs:identity}")
    positivity = paper[start:end]
    assert r"\begin{align*}" not in positivity.split(r"\begin{proof}")[1]
    assert "By assumption, ${\\sigma > 0}$" in positivity  # braced: TeX does not break it
    # the long facts are named by their reasons, in the conclusion's
    assert "finite product of positive factors, by definition)" in positivity
    assert r"\sqrt{2} > 0" not in positivity  # a fact about a number is left to the reader
    rows = full[full.index(r"\label{proofs:positivity}") : full.index(r"\label{proofs:identity}")]
    assert rows.count(r"\tag*{") >= 10 and r"\tag*{finite product of positive factors}" in rows
    # the terminal shows every step unless asked for the paper's sentence
    assert "[finite product of positive factors]" in proof.to_text()
    expected = ("and so L(θ) > 0 (bounds of a product, the exponential is positive and increasing, "
                "product of "
                "positive numbers, finite product of positive factors, by definition)")
    assert expected in proof.to_text(detail="paper")
    with pytest.raises(proofs.ProofError, match="detail 'short': choose paper or full"):
        proof.to_latex(detail="short")


def test_a_positive_constant_printed_as_a_fraction_is_a_quotient():
    # sympy holds 1/√2 as ½·√2; the page prints a fraction, so its reason names one (a referee
    # read "1/√2 > 0 [product of positive numbers]"), while 1/Z_i · exp z_{i,k}, printed as a
    # product, keeps its reason
    gaussian = proofs.prove("gaussian").to_text(detail="full").splitlines()
    assert [line.split()[-4:] for line in gaussian if line.lstrip().startswith("1/√2 > 0")] == [
        ["[quotient", "of", "positive", "numbers]"]]
    softmax = proofs.prove("categorical", softmax=True).to_latex(detail="full")
    assert r"\exp z_{i,k} > 0 \tag*{product of positive numbers}" in softmax


def test_a_fact_shown_at_paper_detail_names_the_reasons_of_the_hidden_facts_it_rests_on():
    # network's p_i(θ) ∈ (0, 1) rests on 1/(1 + exp(−f(x_i))) ∈ (0, 1), too long to show: its
    # reason (a reciprocal) goes with p_i, not with the conclusion L(θ) > 0
    paper = proofs.prove("network").to_latex()
    assert "$p_{i}(\\theta) \\in (0, 1)$ (reciprocal, by definition)" in paper
    assert "and so ${L(\\theta) > 0}$ (product of positive numbers," in paper
    # only to a fact that rests on them: 1 − y_i ∈ {0, 1} is not shown by a hidden fact's bounds
    # of a sum (1 − 1/(1 + exp(−z_i)) ∈ (0, 1)), which the conclusion rests on (a review found it)
    logits = proofs.prove("bernoulli_logits").to_latex()
    assert "$1 - y_{i} \\in \\{0, 1\\}$ (values of a sum)" in logits
    assert "and so ${L(\\theta) > 0}$ (bounds of a sum," in logits


def test_constants_print_as_a_reader_writes_them():
    text, latex = proofs.prove("gaussian").to_text(), proofs.prove("gaussian").to_latex()
    assert "L(θ)   = ∏_{i=1}^{n} (1/(√(2π) σ)) exp(" in text
    assert r"\prod_{i=1}^{n} \frac{1}{\sqrt{2 \pi} \sigma} \exp" in latex


def test_the_gaussian_document_fills_its_pages(tmp_path):
    from tests.tools import text_depth_of_pages

    compile_tex(tmp_path, "gaussian", proofs.prove("gaussian").to_document())
    depths = text_depth_of_pages(Path(tmp_path, "gaussian.pdf"))
    assert len(depths) <= 3, depths  # four before the paper detail, page 1 three-quarters blank
    assert all(depth > 0.8 for depth in depths[:-1]), depths  # no page ends mostly empty


def test_a_quantity_is_written_at_the_parameter_unless_the_notation_shows_it():
    plain = proofs.prove("bernoulli").to_latex()
    assert r"$p_{i}(\theta) \in (0, 1)$" in plain
    renamed = proofs.prove("bernoulli").to_latex(
        notation={"theta": "w", "p_i": r"\sigma(w^\top x_i)"}
    )
    assert r"${\sigma(w^\top x_i)} \in (0, 1)$" in renamed and ")(w)" not in renamed


def test_a_derivations_title_and_lemma_names_are_text_in_latex(tmp_path):
    """A user's title and lemma names reach LaTeX escaped: no command runs, no ] ends an option."""
    import sympy as sp

    x = sp.Symbol("x")
    d = proofs.Derivation(r"Evil \input{/etc/passwd} 100% & #1", where={x: sp.Interval.open(0, 1)})
    d.lemma(r"Name] with \def and $math$", d.positive(x))
    d.theorem("Done", d.positive(x + 1))
    latex = d.proof().to_document()
    code = "\n".join(line for line in latex.splitlines() if not line.startswith("%"))
    assert r"\input{" not in code and r"\def" not in code
    assert r"Evil \textbackslash{}input\{/etc/passwd\} 100\% \& \#1" in latex
    assert r"\begin{lemma}[{Name] with \textbackslash{}def and \$math\$}]" in latex
    log = compile_tex(tmp_path, "evil", latex)
    assert "Undefined control sequence" not in log


def test_a_long_product_breaks_between_its_factors_and_reads_the_same():
    """A right-hand side with no sign to break at is broken between two factors, the second line
    starting with ×, the product's body bracketed so that × reads inside the ∏ (not as a factor
    of the whole product, with i free); papercheck reads the two lines back as the one product."""
    from proofs.render.latex import split_long
    from proofs.texmath import read

    product = (r"\prod_{i=1}^{n} \left(\frac{1}{1 + \exp\left(-z_{i}\right)}\right)^{y_{i}} "
               r"\left(1 - \frac{1}{1 + \exp\left(-z_{i}\right)}\right)^{1 - y_{i}}")
    first, second = split_long(product, 30)
    assert first.startswith(r"\prod_{i=1}^{n} \Bigl[") and first.endswith("^{y_{i}}")
    assert second.startswith(r"\times \left(1 - ") and second.endswith(r"\Bigr]")
    assert read(first + " " + second) == read(product)
    assert read(first + " " + second.replace(r"\times ", "+ ")) != read(product)


def test_a_long_statement_is_split_after_its_relation_and_numbered_once():
    from proofs.render.latex import statement_lines

    short = statement_lines(r"\log L(\theta) = -n \cdot \mathrm{CE}(\theta)", "x-eq")
    assert short == [r"  \log L(\theta) = -n \cdot \mathrm{CE}(\theta).\label{x-eq}"]
    statement = proofs.prove("negative_binomial").to_latex()
    inside = statement.split(r"\begin{split}")[1].split(r"\end{split}")[0]
    lines = [line.strip() for line in inside.strip().splitlines()]
    assert lines[0].startswith(r"\log L(\theta) &= ") and lines[0].endswith(r" \\")
    assert lines[-1].startswith(r"&\qquad - ") and lines[-1].endswith(".")
    assert statement.count(r"\label{proofs:identity-eq}") == 1


@given(st.integers(-20, 20), st.integers(1, 30), st.integers(1, 3))
def test_a_range_of_integers_is_written_as_its_members(start, size, step):
    """{0, 1, 2} in full; a longer range by its first two and last two members around …; never
    members it does not have ({1} was once written {1, 2, …, 0, 1})."""
    members = list(range(start, start + size * step, step))
    written = Writer("text").real_set(sp.Range(start, start + size * step, step))
    items = [item.strip().replace("−", "-") for item in written.strip("{}").split(",")]
    if "…" not in items:
        assert [int(item) for item in items] == members
    else:
        assert len(members) > 5 and items[2] == "…"
        assert [int(item) for item in items[:2] + items[3:]] == members[:2] + members[-2:]


def test_a_referees_third_reading():
    """What a referee flagged: a statement about q_i that did not say for which i; a step's lines
    allowed onto two pages; σ used in a remark and never introduced; the KL theorem titled as the
    cross-entropy one; a scalar listed where it read as indexed; a Poisson remark whose 1/n term
    matched no display."""
    categorical = proofs.prove("categorical").to_latex()
    start = categorical.index("\\label{proofs:one-observation}")
    assert "For every $\\theta$ and $i = 1, \\dots, n$," in categorical[start:start + 200]
    gaussian = proofs.prove("gaussian").to_latex()
    continued = [line for line in gaussian.splitlines() if "\\notag" in line]
    assert continued and all(line.endswith("\\notag \\\\*") for line in continued)
    assert "sigma" not in proofs.prove("bernoulli_logits").to_latex()
    kl = proofs.prove("iid", kl=True)
    assert "KL divergence" in kl.title and "density" not in kl.to_latex()
    # H and σ before the families that "for i = 1, …, n" indexes, so as not to read as indexed
    setting = kl.to_text().splitlines()[3]
    assert setting.index("H ∈") < setting.index("f_i(θ) ∈") < setting.index("for i = 1")
    setting = proofs.prove("gaussian").to_text().splitlines()[3]
    assert setting.index("σ ∈") < setting.index("y_i ∈")
    poisson = proofs.prove("poisson").to_latex()
    assert "\\mathrm{NLL} + \\frac{1}{n} \\sum_{i=1}^{n} \\log\\left(y_{i}!\\right)" in poisson


def test_a_short_chain_stays_on_one_page_and_a_long_one_may_break():
    """amsmath keeps an align* on one page unless \\allowdisplaybreaks is given: the theorem's four
    steps are not split one line at a page's foot and the rest overleaf; the Gaussian identity's
    seven may continue on the next page rather than leave one blank."""
    def breaks_before(fragment, label):
        start = fragment.index(f"\\label{{proofs:{label}}}")
        opened = fragment.index("\\begin{proof}", start)
        proof = fragment[opened:fragment.index("\\end{proof}", start)]
        return "\\allowdisplaybreaks" in proof, proof.count("\\tag*")
    assert breaks_before(proofs.prove("bernoulli").to_latex(), "main") == (False, 4)
    allowed, rows = breaks_before(proofs.prove("gaussian").to_latex(), "identity")
    assert allowed and rows > 5
    assert "\\allowdisplaybreaks" not in proofs.prove("bernoulli").to_document().split(
        "\\begin{document}")[0]


def test_many_definitions_break_across_pages_instead_of_running_off(tmp_path):
    """46 definitions in one align* ran off page 2: the last ones were not in the PDF, while the
    theorem said 'let … be as defined above' (found by a review)."""
    import string

    a = sp.Symbol("a")
    d = proofs.Derivation("Many", where={a: sp.Interval.open(0, sp.oo)})
    names = [f"D{letter}" for letter in string.ascii_lowercase + "ABCDEFGHIJKLMNOPQRST"]
    for power, name in enumerate(names, start=1):
        d.define(name, sp.log(a) ** power + sp.exp(a) / power)
    d.theorem("T", d.chain(a).eq(a))
    compile_tex(tmp_path, "many", d.proof().to_document())
    text = pdf_text(tmp_path / "many.pdf").replace(" ", "")
    missing = [name for name in names if f"{name}=" not in text]
    assert not missing, missing


def test_a_sum_is_never_broken_between_its_summand_and_a_factor_of_it():
    # weighted's CE: −(1/Σ w_i) Σ w_i (y_i log p_i + …) broke as "Σ w_i" and "× (…)" on the next
    # line, which reads as (Σ w_i)·(…) with i free; it breaks inside the bracket instead
    from proofs.render.latex import split_long

    ce = (r"-\frac{1}{\sum_{i=1}^{n} w_{i}} \sum_{i=1}^{n} w_{i} \left(y_{i} \log p_{i} + "
          r"\left(1 - y_{i}\right) \log\left(1 - p_{i}\right)\right)")
    first, second = split_long(ce, 40)
    assert first.endswith(r"w_{i} \Bigl(y_{i} \log p_{i}") and second.startswith("+ ")
    assert not second.startswith(r"\times")
    fragment = proofs.prove("weighted").to_latex()
    assert r"w_{i} \\" not in fragment and r"&\qquad \times \left(y_{i}" not in fragment


def test_a_sum_of_a_negative_body_is_bracketed_and_a_function_value_keeps_its_brackets():
    # a referee's reading: Σ −log(y_i!) is bracketed, and after the sums of positive bodies
    poisson = proofs.prove("poisson").to_text()
    assert "∑_{i=1}^{n} y_i log λ_i + ∑_{i=1}^{n} [−log(y_i!)] + ∑_{i=1}^{n} [−λ_i]" in poisson
    assert "∑_{i=1}^{n} −" not in poisson
    # log(Γ(a)) keeps its brackets: "log Γ(a) Γ(b)" would read as the log of the product (a
    # review found it, with the brackets dropped), as would log y_i! as (log y_i)!
    a, b = sp.symbols("a b")
    assert Writer("text")(sp.log(sp.gamma(a)) * sp.gamma(b)) == "log(Γ(a)) Γ(b)"
    assert "log(Γ(r + y_i))" in proofs.prove("negative_binomial").to_text()
    assert "log(y_i!)" in poisson


def test_an_assumption_about_a_family_is_stated_once_whatever_its_index():
    # z_{i,j} ∈ ℝ and z_{i,k} ∈ ℝ are one hypothesis of the setting, listed twice before
    paper = proofs.prove("categorical", softmax=True).to_text(detail="paper")
    assumed = paper[paper.index("By assumption, "):].split(". Hence")[0]
    assert assumed == ("By assumption, z_i,j ∈ ℝ, K ∈ {1, 2, …}, y_i,k ∈ {0, 1} and "
                       "n ∈ {1, 2, …}")


def test_a_standalone_document_breaks_only_what_its_full_width_line_cannot_hold():
    # a referee's reading: bernoulli_logits' L, a 60-character row, was broken on a full A4 page
    # as in a column of a two-column paper, for which the fragment is written
    proof = proofs.prove("bernoulli_logits")
    fragment, document = proof.to_latex(), proof.to_document()
    definition = r"L(\theta) &= \prod_{i=1}^{n}"
    assert definition in fragment and definition in document
    fragment_rows = fragment[fragment.index(definition):].split(r"\end{align*}")[0]
    document_rows = document[document.index(definition):].split(r"\end{align*}")[0]
    assert r"\Bigl[" in fragment_rows and r"\Bigl[" not in document_rows


def test_a_long_formula_is_never_broken_inside_a_brace_group():
    # a review found \frac{1}{\Bigl(a \\ + b\Bigr)^{2}}: the first \left( lay inside a \frac,
    # and the line break inside its braces stopped pdflatex (Missing } inserted)
    from proofs.render.latex import split_long

    a, b, s, x, y, z = sp.symbols("a b sigma x y z")
    long = (1 / (a + b) ** 2 * sp.exp(-(x - y) ** 2 / (2 * s ** 2))
            * sp.log(1 + x ** 2 + y ** 2 + z ** 2))
    written = Writer("latex")(long)
    pieces = split_long(written, 40)
    assert len(pieces) > 1
    for piece in pieces:
        depth = 0
        for char in piece:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, piece
        assert depth == 0, piece


def test_the_theorem_is_numbered_in_text_and_markdown_as_on_the_latex_page():
    # lemmas and the theorem share one count in LaTeX and Typst (Theorem 3 after Lemmas 1, 2);
    # the text and Markdown outputs said "Theorem" alone
    proof = proofs.prove("bernoulli")
    assert "\nTheorem 3 (Maximum likelihood" in proof.to_text()
    assert "**Theorem 3 (Maximum likelihood" in proof.to_markdown()
    assert proof.to_latex().count("\\begin{lemma}") == 2  # so the theorem is the third


def test_a_title_or_name_pdflatex_cannot_set_is_refused_and_one_it_can_compiles(tmp_path):
    """A review: a title with θ or an emoji was written into a .tex that pdflatex then refused.
    Every character the LaTeX outputs accept is set by pdflatex without an error."""
    from proofs.render.safety import _LATEX_TEXT, NotationError
    proof = proofs.prove("bernoulli")
    for title in ("Proof θ", "Proof 😀", "Proof ħ"):
        with pytest.raises(NotationError, match="pdflatex's text fonts have no"):
            proof.to_document(title=title)
    assert "θ" in proof.to_typst_document(title="Proof θ")  # Typst sets it
    accepted = "".join(sorted(_LATEX_TEXT))
    lines = [accepted[start:start + 40] for start in range(0, len(accepted), 40)]
    document = proof.to_document(title=" ".join(lines[:1]))
    log = compile_tex(tmp_path, "title", document.replace(
        "\\maketitle", "\\maketitle\n" + "\n\n".join(
            line.replace("\\", "") for line in lines)))
    assert "Unicode character" not in log


def test_a_number_added_to_a_quantity_is_written_after_it():
    """n + 1 and y_{n + 1}, as one writes them, but 1 − p_i and 1 + e^{−z} with the number first
    (sympy orders 1 + n)."""
    i, n = sp.symbols("i n")
    y = sp.IndexedBase("y")
    text, latex = Writer("text"), Writer("latex")
    assert [text(e) for e in (n + 1, y[i] + 1, y[n + 1], i + n + 2, 1 - y[i])] == \
        ["n + 1", "y_i + 1", "y_{n + 1}", "i + n + 2", "1 − y_i"]
    assert text(1 + sp.exp(-n)) == "1 + exp(−n)"
    assert latex(sp.Sum(y[i], (i, 1, n + 1))) == "\\sum_{i=1}^{n + 1} y_{i}"


def test_negative_numbers_fractions_and_interval_ends_are_written_as_a_reader_expects():
    n, x = sp.symbols("n x")
    text, latex = Writer("text"), Writer("latex")
    assert text(sp.Rational(-1, 2)) == "−(1/2)" and text(x - 3) == "x − 3"
    assert text.real_set(sp.Interval(-sp.oo, sp.Rational(-1, 2))) == "(−∞, −1/2]"
    assert text.real_set(sp.Interval.Lopen(0, sp.Rational(1, 2))) == "(0, 1/2]"
    assert text(sp.exp(x) / (n + 2)) == "(1/(n + 2)) exp x"  # not 1/((n + 2))
    assert text(2 * n + 6) == "2n + 6"
    assert latex(sp.exp(x) / (n + 2)) == "\\frac{1}{n + 2} \\exp x"
    # a ratio of plain quantities is one fraction, as a reader writes it, not (1/p) q
    assert text((x + 1) / (n + 2)) == "(x + 1)/(n + 2)" and text(x / n) == "x/n"
    assert latex((x + 1) / (n + 2)) == "\\frac{x + 1}{n + 2}"
    assert latex(x * n / (x + 1)) == "\\frac{n x}{x + 1}"
    assert text(x ** 2 / n) == "(1/n) x^{2}" and text(2 * x / n) == "(2/n) x"
    # bracketed as every text fraction is, where it stands under 1/ or before a factor
    # (helper-137's review: 1/x/n and x/n y read otherwise)
    y = sp.Symbol("y")
    assert text(sp.Pow(x / n, -1, evaluate=False)) == "1/(x/n)"
    assert text(sp.Mul(x / n, y, evaluate=False)) == "(x/n) y"
    assert text(sp.Mul(x / n, sp.log(y), evaluate=False)) == "(x/n) log y"
    # the bars group a fraction themselves: |x/n|, not |(x/n)|
    assert text(sp.Abs(x * y / n)) == "|(x y)/n|"
    assert latex(sp.Abs(x / n)) == "\\left|\\frac{x}{n}\\right|"
    assert latex(1 / ((x + 1) * (x + 2))) == "\\frac{1}{\\left(x + 1\\right) \\left(x + 2\\right)}"


def test_a_defined_name_with_an_underscore_is_a_subscript_not_a_broken_one():
    """\\mathrm{y_bar} printed y_b followed by 'ar' (a referee found it); a name with one
    underscore is its base with an upright subscript, one with several is written as it is."""
    latex = Writer("latex")
    assert latex.constant("y_bar") == "y_{\\mathrm{bar}}"
    assert latex.constant("mu_hat") == "\\mu_{\\mathrm{hat}}"
    assert latex.constant("Sigma_w") == "\\Sigma_{w}"
    assert latex.constant("a_b_c") == "\\mathrm{a\\_b\\_c}"
    assert latex.constant("MSE") == "\\mathrm{MSE}" and latex.constant("q_i") == "q_{i}"
    assert Writer("text").constant("y_bar") == "y_bar"


THETA, X, W, N = sp.symbols("theta x w n")


@pytest.mark.parametrize("expr, text, latex", [
    (THETA ** 2 - 4 * THETA + 5, "θ^{2} − 4θ + 5", r"\theta^{2} - 4 \theta + 5"),
    (X ** 2 - X + 1, "x^{2} − x + 1", r"x^{2} - x + 1"),
    (3 * X ** 3 + X - 2 * X ** 2, "3x^{3} − 2x^{2} + x", r"3 x^{3} - 2 x^{2} + x"),
    (W ** 2 + X ** 2 - 2 * W * X, "w^{2} + x^{2} − 2w x", r"w^{2} + x^{2} - 2 w x"),
    # not polynomials of degree 2 or more: the rules before (a number first in 1 − p, after n)
    (1 - X, "1 − x", "1 - x"),
    (N + 1, "n + 1", "n + 1"),
])
def test_a_polynomial_is_written_in_descending_powers(expr, text, latex):
    """A referee: θ² − 4θ + 5 was written θ² + 5 − 4θ, positive terms first."""
    assert Writer("text")(expr) == text
    assert Writer("latex")(expr) == latex


def test_euler_s_number_is_written_e_in_every_style():
    """sympy's str writes E; a page writes e (a review read '1 + E < 4' in a step's words)."""
    assert Writer("text")(sp.E + 1) == "1 + e"
    assert Writer("text")(2 * sp.E) == "2e"
    assert Writer("latex")(sp.E + 1) == "1 + e"


def test_a_product_index_and_a_function_before_a_sum_print_with_one_reading():
    """x_{i j} reads as the entry at (i, j) and log x ∑_j y_j as log(x ∑_j y_j) (a review): an
    index that is a product has its sign, a function before a sum its brackets; what is printed
    reads back, by the package's own reader, as what was proved."""
    from proofs import Derivation, texmath
    i, j = sp.symbols("i j", integer=True)
    x, y, t = sp.IndexedBase("x"), sp.IndexedBase("y"), sp.Symbol("t")
    d = Derivation("Entries", where={x: sp.S.Reals, y: sp.S.Reals, t: sp.Interval.open(0, 1)})
    left = sp.Sum(sp.Sum(x[i * j], (i, 1, 2)), (j, 1, 2)) + sp.log(t) * sp.Sum(y[j], (j, 1, 2))
    right = x[1] + 2 * x[2] + x[4] + sp.log(t) * (y[1] + y[2])
    d.theorem("Entries", d.chain(left).eq(right))
    proof = d.proof()
    latex, text = proof.to_latex(), proof.to_text()
    assert r"x_{i \cdot j}" in latex and "x_{i·j}" in text
    assert r"\left(\log t\right) \sum_{j=1}^{2}" in latex and "(log t) ∑_{j=1}^{2}" in text
    printed = next(line for line in latex.splitlines() if "&=" in line).split("&=")[0]
    read = texmath.read(printed)
    assert sp.expand(read.doit() - left.doit()) == 0


def test_a_justification_with_a_formula_wider_than_half_the_line_takes_the_whole_line():
    """TeX breaks an inline formula only after a relation or a sign: one wider than the half-line
    box would run into the margin, so its box is the whole line (amsmath sets such a tag on a line
    of its own); a long justification of short formulas keeps the half-line box."""
    wide = "$" + " ".join(f"\\frac{{1}}{{\\sqrt{{s_{{{k}}}}}}}" for k in range(9)) + " \\geq 0$"
    assert visible_length(wide) > 40
    assert justification(f"the difference is {wide} as $n \\geq 1$").startswith(
        "\\parbox[t]{\\linewidth}")
    short = "the difference is $(x - y)^{2} \\geq 0$ as $x \\geq 1$, $y \\geq 1$ and $z \\geq 1$"
    assert visible_length(short) > 40
    assert justification(short).startswith("\\parbox[t]{0.5\\linewidth}")
