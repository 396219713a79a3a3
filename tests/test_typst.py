"""Typst output: every library theorem compiles with the Typst compiler and reads as its LaTeX does;
the fragment in a host paper (its numbering, references and columns); the command line; safety."""

import re
import subprocess
import sys

import pytest

import proofs
from proofs.errors import RenderError
from proofs.render.safety import NotationError
from proofs.fragment import verify
from tests.test_library import VARIANTS
from tests.tools import compile_typst, pdf_text, word_boxes


def flat(text):
    """PDF text with its white space as single spaces and its hyphenation undone."""
    return re.sub(r"\s+", " ", re.sub("\xad\\s*", "", text))


@pytest.mark.parametrize("name, options", VARIANTS, ids=[f"{n}-{o}" for n, o in VARIANTS])
def test_every_theorem_compiles_and_reads_as_its_latex(name, options, tmp_path):
    proof = proofs.prove(name, **options)
    text = flat(pdf_text(compile_typst(tmp_path, name, proof.to_typst_document())))
    # the same lemmas, named and numbered as in the LaTeX document, then the theorem
    names = re.findall(r"\\begin\{(?:lemma|theorem)\}\[\{([^\]]*)\}\]", proof.to_latex())
    assert len(names) >= 3  # positivity, the identity, the theorem
    for number, title in enumerate(names, start=1):
        kind = "Theorem" if number == len(names) else "Lemma"
        # a title may break at its own hyphen (cross-entropy): "cross- entropy" once flattened
        heading = f"{kind} {number} ({title.replace('--', '–')})"
        assert heading in text.replace("- ", "-")
    assert text.count("Proof.") == len(names)
    assert "arg max" in text and "arg min" in text and "Setting." in text
    # each equation number once: the statements are numbered, the lines of the proofs are not
    assert re.findall(r"\((\d+)\)", text.split("Setting.")[1]).count(str(len(names))) >= 1
    assert "(" + str(len(names) + 1) + ")" not in text
    # references resolved to the lemmas' names, never a raw label
    assert "proofs:" not in text and "??" not in text
    assert "Lemma 1" in text.split("Proof.", 2)[2]


@pytest.mark.parametrize("detail", ["paper", "full"])
def test_the_detail_levels_in_typst(detail, tmp_path):
    proof = proofs.prove("gaussian")
    text = flat(pdf_text(compile_typst(tmp_path, "g", proof.to_typst_document(detail=detail))))
    # at paper detail the positivity proof is one sentence; at full detail one line per kernel step
    assert ("By assumption" in text) == (detail == "paper")
    assert ("assumption" in text)


HOST = """\
#set page(width: 21cm, height: 28cm, margin: 1.5cm, columns: 2)
#set math.equation(numbering: "(1)")
#figure(kind: "theorem", supplement: [Theorem], numbering: "1", [A result of the host.]) <host>
$ a = b $ <host-eq>
#include "fragment.typ"
By @proofs:main and @proofs:positivity, with @host-eq.
"""


def test_the_fragment_in_a_two_column_host_paper(tmp_path):
    proof = proofs.prove("bernoulli")
    (tmp_path / "fragment.typ").write_text(proof.to_typst(), encoding="utf-8")
    pdf = compile_typst(tmp_path, "host", HOST)
    text = flat(pdf_text(pdf, layout=False))
    # numbered with the host's theorems and equations: the host's Theorem 1 and (1) come first
    assert "Lemma 2 (Positivity)" in text and "Theorem 4 (Maximum likelihood" in text
    assert re.search(r"By Theorem 4 and Lemma 2, with Equation \(?1\)?\.", text)
    # the host numbers its equations; the statements take (2)–(4) and no line of a proof a number
    assert sorted(re.findall(r"\((\d+)\)", text)) == ["1", "2", "3", "4"]
    # every word inside its column's text block, even the long lines and justifications
    for width, _, words in word_boxes(pdf):
        margin = 1.5 * 72 / 2.54
        for x_min, _, x_max, _, word in words:
            assert margin - 1 <= x_min and x_max <= width - margin + 1, word


def test_notation_in_typst(tmp_path):
    proof = proofs.prove("logistic").with_options(notation={
        "p_i": r"\sigma(w^\top x_i)", "CE": r"\mathcal{L}_{\mathrm{BCE}}", "y": r"\hat{y}^{2}"})
    text = flat(pdf_text(compile_typst(tmp_path, "l", proof.to_typst_document())))
    packed = text.replace(" ", "")
    assert "𝜎(𝑤" in packed and "BCE(𝑤)" in packed and "𝑦̂" in packed
    assert "\\sigma" not in text and "\\hat" not in text


def test_a_title_is_text_whatever_it_contains(tmp_path):
    title = 'A "quoted" #title with $math$, \\back slashes, // and <labels> @refs'
    source = proofs.prove("bernoulli").to_typst_document(title=title)
    assert flat(pdf_text(compile_typst(tmp_path, "t", source))).strip().startswith(title)


def test_a_users_derivation_in_typst(tmp_path):
    from proofs.derivation import load

    proof = load("docs/examples/poisson.py:poisson")
    text = flat(pdf_text(compile_typst(tmp_path, "p", proof.to_typst_document())))
    assert "Theorem 3 (Maximum likelihood is minimum Poisson NLL)" in text
    assert "Lemma 2 (Log-likelihood)" in text and "NLL(𝜆)" not in text


def small_derivation(title="Small", name=None, lemma="Positivity", remark=""):
    import sympy as sp

    x = sp.Symbol("x")
    d = proofs.Derivation(title, where={x: sp.Interval.open(0, 1)}, name=name)
    d.lemma(lemma, d.positive(x), remark=remark)
    d.theorem("Done", d.positive(x + 1))
    return d.proof()


@pytest.mark.parametrize("name", ["A\x00x>) #read(\"f\") <y\x00 B", "A\n= Heading",
                                  "A\u2028= Heading", "A\x85+ item"])
def test_a_lemma_name_that_could_leave_its_line_is_refused(name):
    with pytest.raises(NotationError, match="lemma name"):
        small_derivation(lemma=name).to_typst()


def test_names_and_remarks_are_text(tmp_path):
    """Markup characters in a name or a remark are printed, never read as Typst: a heading, a list,
    a reference, a formula or a non-breaking space."""
    proof = small_derivation(lemma="= Heading ~ $x$ @ref *bold* #read(\"f\")",
                             remark="x\n= Heading\n- list @read // comment")
    source = proof.to_typst_document()
    text = flat(pdf_text(compile_typst(tmp_path, "names", source)))
    assert "(= Heading ~ $x$ @ref *bold* #read(“f”))." in text
    # (a remark is LaTeX words: a # in it is refused when the derivation is written)
    assert 'x = Heading - list @read // comment' in text


def test_a_name_with_a_line_separator_cannot_end_the_header_comment():
    source = small_derivation(title="T", name="x\u2028#read(\"f\")").to_typst()
    header = [line for line in source.splitlines() if line.startswith("//")]
    assert header[0] == "// Generated by proofs: theorem 'x?#read(\"f\")'."
    assert all("\u2028" not in line for line in source.splitlines())
    assert not any(line.startswith("#read") for line in source.splitlines())


def test_the_figure_is_refused_with_the_reason():
    with pytest.raises(RenderError, match="pgfplots"):
        proofs.prove("bernoulli").to_typst(figure=True)


def proofs_cli(*arguments, cwd):
    return subprocess.run([sys.executable, "-m", "proofs", *arguments], cwd=cwd,
                          capture_output=True, text=True)


def test_the_command_line_writes_and_verifies_typst(tmp_path):
    written = proofs_cli("prove", "bernoulli", "-o", "proof.typ", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert (tmp_path / "proof.typ").read_text().startswith('#set page(paper: "a4"')
    fragment = proofs_cli("prove", "bernoulli", "--format", "typst", "-o", "fragment.typ",
                          cwd=tmp_path)
    assert fragment.returncode == 0, fragment.stderr
    text = (tmp_path / "fragment.typ").read_text()
    assert text.startswith("// Generated by proofs: theorem 'bernoulli'")
    assert "// Regenerate: proofs prove bernoulli --reduction mean --format typst" in text
    printed = proofs_cli("prove", "bernoulli", "--format", "typst", cwd=tmp_path)
    assert printed.stdout == text
    assert verify(tmp_path / "fragment.typ").status == "current"
    checked = proofs_cli("verify", "fragment.typ", cwd=tmp_path)
    assert checked.returncode == 0 and "unchanged and current" in checked.stdout
    (tmp_path / "fragment.typ").write_text(text.replace("Positivity", "Positivity!"))
    assert verify(tmp_path / "fragment.typ").status == "edited"
    assert proofs_cli("verify", "fragment.typ", cwd=tmp_path).returncode == 1
    # the format and the extension must agree, and nothing is written when they do not
    clash = proofs_cli("prove", "bernoulli", "--format", "typst", "-o", "x.tex", cwd=tmp_path)
    assert clash.returncode == 2 and "use .typ" in clash.stderr
    assert not (tmp_path / "x.tex").exists()
    compile_typst(tmp_path, "proof", (tmp_path / "proof.typ").read_text())


def _inside_and_apart(pdf, margin):
    """No word outside the text block (a hyphen may hang 3 pt into the margin, as Typst sets it)
    and no two words of one line printed over each other (an equation number on its formula)."""
    for width, _, words in word_boxes(pdf):
        for x_min, _, x_max, _, word in words:
            assert margin - 1 <= x_min and x_max <= width - margin + 3, word
        for k, (a_left, _, a_right, a_base, a_word) in enumerate(words):
            for b_left, _, b_right, b_base, b_word in words[k + 1:]:
                same_line = abs(a_base - b_base) < 2
                overlap = min(a_right, b_right) - max(a_left, b_left)
                assert not (same_line and overlap > 1), (a_word, b_word)


@pytest.mark.parametrize("name, options", VARIANTS, ids=[f"{n}-{o}" for n, o in VARIANTS])
def test_every_standalone_typst_document_stays_in_its_text_block(name, options, tmp_path):
    # a referee's reading: the proofs' displays ran 5-7 pt into both margins, since Typst's
    # alignment makes a display wider than its sides' widths added up
    pdf = compile_typst(tmp_path, "doc", proofs.prove(name, **options).to_typst_document())
    _inside_and_apart(pdf, 2.5 * 72 / 2.54)


TWO_COLUMNS = """\
#set page(paper: "us-letter", margin: 0.75in, columns: 2)
#set text(size: 10pt)
#set math.equation(numbering: "(1)")
#include "bernoulli.typ"
#include "gaussian.typ"
#include "negative_binomial.typ"
"""


def test_long_statements_and_notation_fit_a_column_of_a_two_column_page(tmp_path):
    # the definition of L_BCE ran 20 pt into the left margin; the statements of gaussian's and
    # negative_binomial's Lemma 2 ran under their equation numbers
    notation = {"CE": "\\mathcal{L}_{\\mathrm{BCE}}", "n": "N", "p_i": "\\sigma(w^\\top x_i)",
                "theta": "w", "y": "t"}
    for name, options in (("bernoulli", {"notation": notation}), ("gaussian", {}),
                          ("negative_binomial", {})):
        fragment = proofs.prove(name).to_typst(label_prefix=f"{name}:", **options)
        (tmp_path / f"{name}.typ").write_text(fragment, encoding="utf-8")
    pdf = compile_typst(tmp_path, "host", TWO_COLUMNS)
    _inside_and_apart(pdf, 0.75 * 72)
    text = flat(pdf_text(pdf, layout=False))
    assert "Lemma 5 (Log-likelihood and objective)" in text and "(5)" in text
