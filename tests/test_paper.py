"""Paper-grade output: notation, fragments in host documents, safety of user strings, Markdown,
Jupyter, figure."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import proofs
from proofs.cli import main
from proofs.render.figure import X, Y, curves, log_likelihood, maximizer
from proofs.errors import RenderError
from proofs.render.safety import NotationError, check_math
from tests.tools import compile_tex, pdf_text

ROOT = Path(__file__).resolve().parent.parent
SEED = {"theta": "\\theta", "p": "p", "y": "y", "n": "n", "L": "L"}
DEEP_LEARNING = {"theta": "w", "p_i": "\\sigma(w^\\top x_i)", "y": "t", "n": "N",
                 "CE": "\\mathcal{L}_{\\mathrm{BCE}}"}

HOSTS = {
    "article-hyperref-cleveref": ("\\documentclass{article}\n{preamble}\\usepackage{hyperref}\n"
                                  "\\usepackage{cleveref}\n",
                                  "By \\cref{proofs:main} and \\cref{proofs:identity-eq}, "
                                  "see \\cref{proofs:positivity}."),
    "amsart": ("\\documentclass{amsart}\n{preamble}", "Theorem~\\ref{proofs:main} holds."),
    "predefined": ("\\documentclass{article}\n\\usepackage{amsmath,amssymb,amsthm}\n"
                   "\\newtheorem{theorem}{Theorem}\\newtheorem{lemma}{Lemma}\n"
                   "\\newcommand{\\E}{\\mathbb{E}}\\newcommand{\\R}{\\mathbb{R}}\n"
                   "\\DeclareMathOperator*{\\argmax}{arg\\,max}"
                   "\\DeclareMathOperator*{\\argmin}{arg\\,min}\n"
                   "\\newcommand{\\CE}{\\mathrm{CE}}\n{preamble_figure}",
                   "We use $\\E$, $\\R$, $\\argmax$, $\\CE$."),
}


def host_document(host, fragment_files, options):
    head, body = HOSTS[host]
    preamble = proofs.prove("bernoulli").preamble(**options)
    figure_lines = ("\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.16}\n" if options.get("figure")
                    else "")
    head = head.replace("{preamble}", preamble if host != "amsart" else
                        preamble.replace("\\usepackage{amsthm}\n", "")).replace(
        "{preamble_figure}", figure_lines)
    inputs = "\n".join(f"\\input{{{name}}}" for name in fragment_files)
    return f"{head}\\begin{{document}}\n{inputs}\n{body}\n\\end{{document}}\n"


@pytest.mark.parametrize("host", sorted(HOSTS))
@pytest.mark.parametrize("notation_name", ["seed", "deep-learning"])
def test_fragment_compiles_in_host_documents_with_the_chosen_symbols(host, notation_name, tmp_path):
    notation = SEED if notation_name == "seed" else DEEP_LEARNING
    options = {"notation": notation, "figure": host == "predefined"}
    (tmp_path / "derivation.tex").write_text(proofs.prove("bernoulli").to_latex(**options),
                                             encoding="utf-8")
    log = compile_tex(tmp_path, "paper", host_document(host, ["derivation"], options))
    assert "undefined" not in log.lower() and "multiply defined" not in log
    text = pdf_text(tmp_path / "paper.pdf")
    if notation_name == "seed":
        assert "CE(θ)" in text and "θ" in text
    else:
        assert "BCE" in text and "θ" not in text and "σ(w" in text and re.search(r"\bN\b", text)


def test_two_fragments_with_label_prefixes_share_a_document(tmp_path):
    mean = proofs.prove("bernoulli").to_latex(label_prefix="mean:")
    total = proofs.prove("bernoulli", reduction="sum").to_latex(label_prefix="sum:")
    (tmp_path / "mean.tex").write_text(mean)
    (tmp_path / "sum.tex").write_text(total)
    document = ("\\documentclass{article}\n" + proofs.prove("bernoulli").preamble()
                + "\\begin{document}\n"
                "\\input{mean}\n\\input{sum}\n"
                "See Lemma~\\ref{mean:identity} and Lemma~\\ref{sum:identity}.\n"
                "\\end{document}\n")
    log = compile_tex(tmp_path, "both", document)
    assert "multiply defined" not in log and "undefined" not in log.lower()
    assert "\\label{mean:positivity}" in mean and "{proofs:" not in mean


def test_environment_names_and_preamble():
    proof = proofs.prove("bernoulli")
    fragment = proof.to_latex(theorem_env="thm", lemma_env="lem", proof_env="pf")
    assert "\\begin{thm}" in fragment and "\\begin{lem}" in fragment and "\\begin{pf}" in fragment
    assert "\\begin{theorem}" not in fragment and "\\newtheorem" not in fragment \
        and "\\def" not in fragment
    assert proof.preamble(theorem_env="thm", lemma_env="lem").splitlines()[-5:] == [
        "\\newtheorem{thm}{Theorem}", "\\newaliascnt{lem}{thm}", "\\newtheorem{lem}[lem]{Lemma}",
        "\\aliascntresetthe{lem}",
        "\\AtBeginDocument{\\ifdefined\\crefname\\crefname{lem}{lemma}{lemmas}"
        "\\Crefname{lem}{Lemma}{Lemmas}\\fi}"]
    with pytest.raises(NotationError, match="environment name"):
        proof.to_latex(theorem_env="thm}\\input{x")
    with pytest.raises(NotationError, match="label prefix"):
        proof.to_latex(label_prefix="a}b")
    # a starred theorem or lemma environment is unnumbered in a host's \newtheorem*, and the
    # page cites them by number (a review: "(Lemma 1)" printed the section's number); a starred
    # proof environment is cited by nothing
    for options in ({"lemma_env": "lemma*"}, {"theorem_env": "theorem*"}):
        with pytest.raises(NotationError, match="a starred environment is unnumbered"):
            proof.to_latex(**options)
    assert "\\begin{proof*}" in proof.to_latex(proof_env="proof*")


def test_typography_conventions():
    fragment = proofs.prove("bernoulli").to_latex()
    assert "-\\frac{1}{n} \\sum_{i=1}^{n}" in fragment
    assert "y_{i} \\log p_{i}" in fragment and "\\log\\left(p_{i}\\right)" not in fragment
    assert "\\operatorname*{arg\\,max}_{\\theta}" in fragment
    assert "\\prod_{i=1}^{n} p_{i}^{y_{i}} \\left(1 - p_{i}\\right)^{1 - y_{i}}" in fragment


@pytest.mark.parametrize("notation", [{}, DEEP_LEARNING,
                                      {"p": "\\hat{y}", "i": "k", "log": "\\ln", "CE": "H"}])
def test_documents_have_no_overfull_lines(notation, tmp_path):
    log = compile_tex(tmp_path, "proof",
                      proofs.prove("bernoulli").to_document(notation=notation, figure=True))
    assert "Overfull \\hbox" not in log


def test_notation_errors_list_valid_keys_and_name_the_key():
    proof = proofs.prove("bernoulli")
    with pytest.raises(NotationError, match="valid keys: theta, p, p_i, y, y_i, n, i, L, CE, log"):
        proof.to_latex(notation={"sigma": "s"})
    with pytest.raises(NotationError, match="notation 'CE'.*\\\\write"):
        proof.to_latex(notation={"CE": "\\write18{rm -rf /}"})
    with pytest.raises(NotationError, match="notation 'log'"):
        proof.to_text(notation={"log": "\\exp"})
    assert "ln L(w)" in proof.to_text(notation={"theta": "w", "log": "\\ln"})


HOSTILE = ["\\input{/etc/passwd}", "\\include{x}", "\\write18{ls}", "\\openout1=x",
           "\\immediate\\write", "\\catcode`\\@=11", "\\def\\x{y}", "\\csname relax\\endcsname",
           "^^5cinput", "{unbalanced", "x}", "a$b", "a%b", "a#b", "\\newcommand{\\x}{1}",
           "\\let\\x\\y", "\\read16", "\\special{x}", "a&b"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_notation_is_refused_by_the_cli_with_exit_2_and_no_file(value, tmp_path, capsys,
                                                                        monkeypatch):
    monkeypatch.chdir(tmp_path)
    status = main(["prove", "bernoulli", "--notation", f"p={value}", "-o", "proof.tex"])
    err = capsys.readouterr().err
    assert status == 2 and "notation 'p'" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\\{}^_$%#&~abcxyz019 input write def catcode", min_size=1, max_size=30))
def test_random_strings_are_refused_or_safe(value):
    try:
        check_math("p", value)
    except NotationError:
        return
    for forbidden in ("\\input", "\\write", "\\def", "\\catcode", "\\csname", "^^", "$", "%", "#",
                      "&", "~"):
        assert forbidden not in value
    unescaped = value.replace("\\{", "").replace("\\}", "")
    assert unescaped.count("{") == unescaped.count("}")


SAFE_TOKENS = st.sampled_from(["x", "y", "w", "1", "\\hat{y}", "\\sigma", "\\theta", "^{2}", "_{i}",
                               "(", ")",
                               "\\text{BCE}", "\\text", "\\bm",
                               "\\mathcal{L}", "\\top", "'", ",", "\\mathrm{BCE}", "\\bar{x}", "+",
                               "{", "}", "^", "_"])


def test_a_command_taking_a_command_with_its_argument_needs_braces(tmp_path):
    # found by the property test below: \bm\hat{y} became \boldsymbol\hat{y}, which pdflatex refuses
    with pytest.raises(NotationError, match="put braces around \\\\hat"):
        check_math("p", "\\bm\\hat{y}")
    value = check_math("p", "\\bm{\\hat{y}}")
    compile_tex(tmp_path, "proof", proofs.prove("bernoulli").to_document(notation={"p": value}),
                runs=1)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(SAFE_TOKENS, min_size=1, max_size=8).map("".join))
def test_accepted_notation_always_compiles(value):
    try:
        check_math("p", value)
        document = proofs.prove("bernoulli").to_document(notation={"p": value})
    except (NotationError, RenderError):  # unsafe, or printed like or mentioning another name
        return
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        compile_tex(folder, "proof", document, runs=1)


def test_title_is_escaped(tmp_path):
    document = proofs.prove("bernoulli").to_document(title="Proof #1: 100% of \\input{x} & {more}_")
    assert ("\\title{Proof \\#1: 100\\% of \\textbackslash{}input\\{x\\} \\& \\{more\\}\\_}"
            in document)
    compile_tex(tmp_path, "proof", document, runs=1)


def test_cli_notation_file_toml_and_json(tmp_path, capsys):
    (tmp_path / "n.toml").write_text('[notation]\ntheta = "w"\nCE = "H"\n')
    (tmp_path / "n.json").write_text(json.dumps({"theta": "w", "n": "N"}))
    assert main(["prove", "bernoulli", "--notation-file", str(tmp_path / "n.toml")]) == 0
    assert "argmin_w H(w)" in capsys.readouterr().out
    assert main(["prove", "bernoulli", "--notation-file", str(tmp_path / "n.json"),
                 "--notation", "n=M"]) == 0
    assert "i = 1, …, M" in capsys.readouterr().out
    (tmp_path / "bad.json").write_text("{not json")
    assert main(["prove", "bernoulli", "--notation-file", str(tmp_path / "bad.json")]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_cli_fragment_preamble_figure(tmp_path, capsys):
    assert main(["prove", "bernoulli", "--fragment", "--theorem-env", "thm",
                 "--label-prefix", "x:"]) == 0
    out = capsys.readouterr().out
    assert "\\begin{thm}" in out and "\\label{x:main}" in out and "\\documentclass" not in out
    assert main(["prove", "bernoulli", "--preamble", "--figure"]) == 0
    assert "\\usepackage{pgfplots}" in capsys.readouterr().out
    assert main(["prove", "bernoulli", "--figure", "-o", str(tmp_path / "f.tex")]) == 0
    assert "\\begin{tikzpicture}" in (tmp_path / "f.tex").read_text()


# --------------------------------------------------------------------------------------- Markdown
MATHJAX_COMMANDS = {"frac", "sum", "prod", "log", "ln", "left", "right", "text", "operatorname",
                    "mathrm", "mathcal", "mathbb", "in", "dots", "cdot", "infty", "mapsto", "theta",
                    "sigma", "top", "geq", "hat", "begin", "end", "min", "max", "exp", "bar",
                    "Theta"}


@pytest.mark.parametrize("notation", [{}, DEEP_LEARNING])
def test_markdown_uses_only_what_mathjax_and_katex_render(notation):
    markdown = proofs.prove("bernoulli").to_markdown(notation=notation)
    blocks = re.findall(r"\$\$(.*?)\$\$", markdown, re.S)
    assert blocks and markdown.count("$$") == 2 * len(blocks)
    inline = re.sub(r"\$\$.*?\$\$", "", markdown, flags=re.S)
    assert inline.count("$") % 2 == 0
    math = " ".join(blocks) + " ".join(re.findall(r"\$(.*?)\$", inline))
    assert set(re.findall(r"\\begin\{(\w+)\}", math)) == {"aligned"}
    assert set(re.findall(r"\\([A-Za-z]+)", math)) <= MATHJAX_COMMANDS
    assert "\\label" not in markdown and "\\ref" not in markdown
    for block in blocks:
        assert block.count("{") == block.count("}")


def test_jupyter_reprs():
    proof = proofs.prove("bernoulli", notation={"theta": "w"})
    assert proof._repr_markdown_() == proof.to_markdown()
    latex = proof._repr_latex_()
    assert latex.startswith("$$\\begin{aligned}") and "\\operatorname*{arg\\,max}_{w}" in latex


# ----------------------------------------------------------------------------------------- figure
def test_figure_numbers_are_computed():
    best, grid, series = curves()
    assert best == pytest.approx(maximizer())
    slope = (log_likelihood(best + 1e-6) - log_likelihood(best - 1e-6)) / 2e-6
    assert abs(slope) < 1e-6  # the marked point is the maximizer
    names = dict(series)
    assert names["CE"][0] == pytest.approx(-log_likelihood(grid[0]) / len(X))
    k = min(range(len(grid)), key=lambda j: abs(grid[j] - best))
    assert max(names["L"]) == pytest.approx(names["L"][k], rel=1e-2)
    assert min(names["CE"]) == pytest.approx(names["CE"][k], rel=1e-2)
    assert len(X) == len(Y) and 0 < sum(Y) < len(Y)
    figure = proofs.prove("bernoulli").to_latex(figure=True)
    assert f"{best:.4f}" in figure and figure.count("\\begin{axis}") == 3


def test_figure_document_compiles(tmp_path):
    log = compile_tex(tmp_path, "fig", proofs.prove("bernoulli").to_document(figure=True))
    assert "undefined" not in log.lower()
    assert "0.8669" in pdf_text(tmp_path / "fig.pdf")


def test_notation_output_is_byte_identical_across_hash_seeds(tmp_path):
    outputs = set()
    for seed in (5, 99):
        env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONPATH=str(ROOT))
        outputs.add(subprocess.run([sys.executable, "-m", "proofs", "prove", "bernoulli",
                                    "--format", "document", "--figure", "--notation", "theta=w",
                                    "--notation", "CE=H"], env=env,
                                   capture_output=True, check=True).stdout)
    assert len(outputs) == 1


def test_notation_that_makes_two_names_print_alike_is_refused():
    from proofs.render.safety import NotationError
    for mapping, message in (({"i": "n"}, "i and n would both print as n"),
                             ({"y": "p"}, "p and y would both print as p"),
                             ({"p": "q", "y": "q"}, "p and y would both print as q")):
        with pytest.raises(NotationError, match=message):
            proofs.prove("bernoulli").to_text(notation=mapping)
    assert "t_k ∈ {0, 1}" in proofs.prove("bernoulli").to_text(notation={"y": "t", "i": "k"})


def test_text_and_bm_in_notation(tmp_path):
    notation = {"p": "\\bm{p}", "CE": "\\text{BCE}"}
    proof = proofs.prove("bernoulli")
    assert "\\boldsymbol{p}" in proof.to_latex(notation=notation)  # bm's bold, through amsmath
    assert "BCE(θ)" in proof.to_text(notation=notation)
    compile_tex(tmp_path, "proof", proof.to_document(notation=notation), runs=1)
    with pytest.raises(NotationError):
        proof.to_text(notation={"CE": "\\text{a}\\input{x}"})


@pytest.mark.parametrize("order", ["preamble lines first", "cleveref first"])
def test_cleveref_names_lemmas_lemmas_whatever_the_package_order(order, tmp_path):
    proof = proofs.prove("bernoulli")
    (tmp_path / "derivation.tex").write_text(proof.to_latex(), encoding="utf-8")
    cleveref = "\\usepackage{amsmath}\n\\usepackage{hyperref}\n\\usepackage{cleveref}\n"
    head = (proof.preamble() + cleveref if order == "preamble lines first"
            else cleveref + proof.preamble())
    document = ("\\documentclass{article}\n" + head + "\\begin{document}\n\\input{derivation}\n"
                "See \\cref{proofs:positivity}, \\cref{proofs:main} and \\Cref{proofs:identity}.\n"
                "\\end{document}\n")
    log = compile_tex(tmp_path, "paper", document)
    assert "undefined" not in log.lower()
    # before: "See theorem 1, theorem 3 and Theorem 2." when the lines came before cleveref
    assert "See lemma 1, theorem 3 and Lemma 2." in pdf_text(tmp_path / "paper.pdf")


def test_the_setting_is_a_run_in_heading_in_ieeetran_too(tmp_path):
    from tests.tools import require_class

    require_class("IEEEtran")
    proof = proofs.prove("bernoulli")
    (tmp_path / "derivation.tex").write_text(proof.to_latex(), encoding="utf-8")
    document = ("\\documentclass[conference]{IEEEtran}\n" + proof.preamble()
                + "\\begin{document}\n\\input{derivation}\n\\end{document}\n")
    log = compile_tex(tmp_path, "paper", document)
    text = pdf_text(tmp_path / "paper.pdf")
    # IEEEtran numbers a \paragraph: the setting once read "a) Setting.: Let …"
    assert "Setting. Let n" in text and "a) Setting" not in text
    assert "Overfull" not in log and "undefined" not in log.lower()


def test_an_entry_written_as_an_expression_of_the_parameter_is_not_written_at_it_again():
    # p_i=\sigma(w^\top x_i) shows its w: the setting must not say "we write σ(wᵀx_i) for
    # σ(wᵀx_i)(w)", while a name (p_i) still says how the formulas write p_i(θ)
    fragment = proofs.prove("bernoulli").to_latex(notation=DEEP_LEARNING)
    setting = fragment[fragment.index("Setting."):fragment.index("\\begin{align*}")]
    assert "only ${\\sigma(w^\\top x_i)}$ depends on $w$)" in setting
    assert "we write" not in setting and "(w)$" not in setting
    plain = proofs.prove("bernoulli").to_latex()
    assert "we write $p_{i}$ for $p_{i}(\\theta)$" in plain


def test_the_terminal_writes_a_notation_s_fonts_accents_and_greek_as_letters():
    # it printed the commands' names: mathitt, vecx, gamma
    text = proofs.prove("bernoulli").to_text(notation={"y": r"\mathit{t}", "p": r"\hat{q}",
                                                       "theta": r"\gamma", "CE": r"\mathsf{H}"})
    assert "t_i ∈ {0, 1}" in text and "q\u0302_i" in text and "L(γ)" in text and "H(γ)" in text
    for name in ("mathit", "hat", "gamma", "mathsf", "\\"):
        assert name not in text
