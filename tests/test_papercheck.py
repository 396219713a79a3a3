"""`proofs check paper.tex` (proofs.papercheck): hand-written papers with true and false
displays, each false step reported at its line with a counterexample; directives, macros, inputs;
the command line."""

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sympy as sp

from proofs.papercheck import check_file

PREAMBLE = r"""\documentclass{article}
\usepackage{amsmath,amssymb}
\newcommand{\CE}{\mathrm{CE}}
\DeclareMathOperator{\NLL}{NLL}
\newcommand{\sig}[1]{\frac{1}{1 + e^{-#1}}}
\begin{document}
"""

TRUE_DISPLAYS = {
    "bernoulli": r"""
% proofs: where y_i \in \{0, 1\}, p_i \in (0, 1), n \geq 1
\begin{align*}
  \log \prod_{i=1}^{n} p_i^{y_i} (1 - p_i)^{1 - y_i}
    &= \sum_{i=1}^{n} \log\bigl(p_i^{y_i} (1 - p_i)^{1 - y_i}\bigr) \\
    &= \sum_{i=1}^{n} \bigl[ y_i \log p_i + (1 - y_i) \log (1 - p_i) \bigr] \\
    &= -n \cdot \Bigl( -\frac{1}{n} \sum_{i=1}^{n} \bigl[ y_i \log p_i + (1 - y_i) \log (1 - p_i)
    \bigr] \Bigr)
\end{align*}
""",
    "gaussian": r"""
% proofs: where y_i \in \mathbb{R}, \mu_i \in \mathbb{R}, \sigma \in (0, \infty), n \geq 1
\begin{align}
  \log \prod_{i=1}^{n} \frac{1}{\sigma \sqrt{2 \pi}} e^{-(y_i - \mu_i)^2 / (2 \sigma^2)}
    &= \sum_{i=1}^{n} \left[ -\frac{(y_i - \mu_i)^2}{2 \sigma^2} - \log \sigma - \tfrac{1}{2} \log
    (2 \pi) \right] \label{eq:gauss}
\end{align}
""",
    "poisson": r"""
% proofs: where y_i \in \mathbb{N} \cup \{0\}, \lambda_i \in (0, \infty), n \geq 1
% proofs: check
\begin{equation*}
  \sum_{i=1}^{n} \log \frac{\lambda_i^{y_i} e^{-\lambda_i}}{y_i!}
    = \sum_{i=1}^{n} \left( y_i \log \lambda_i - \lambda_i - \log y_i! \right)
\end{equation*}
""",
    "log-sum-exp": r"""
% proofs: where a \in \mathbb{R}, b \in \mathbb{R}, c \in \mathbb{R}
\begin{equation}
  \log(e^{a} + e^{b}) = c + \log(e^{a - c} + e^{b - c})
\end{equation}
""",
    "softmax": r"""
% proofs: where z_j \in \mathbb{R}, K \geq 1
\begin{align*}
  -\log \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}} &= \log \sum_{j=1}^{K} e^{z_j} - z_k
\end{align*}
""",
    "softmax at class k": r"""
% proofs: where z_j \in \mathbb{R}, K \geq 1, k \in \{1, \dots, K\}
\begin{align*}
  \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}} &\leq 1, &
  \log \sum_{j=1}^{K} e^{z_j} &\geq z_k
\end{align*}
""",
    "sigmoid": r"""
% proofs: where z \in \mathbb{R}
\begin{align*}
  \log \sig{z} &= -\log(1 + e^{-z}) \\
               &< 0
\end{align*}
""",
}

FALSE_DISPLAYS = {  # (display, the line of the false step within it)
    "dropped minus": (
        r"""
% proofs: where y_i \in \{0, 1\}, p_i \in (0, 1), n \geq 1
\begin{align*}
  \log \prod_{i=1}^{n} p_i^{y_i} (1 - p_i)^{1 - y_i}
    &= \sum_{i=1}^{n} \bigl[ y_i \log p_i + (1 - y_i) \log (1 - p_i) \bigr] \\
    &= n \cdot \frac{1}{n} \sum_{i=1}^{n} \bigl[ y_i \log p_i - (1 - y_i) \log (1 - p_i) \bigr]
\end{align*}
""",
        6,
    ),
    "wrong 1/n": (
        r"""
% proofs: where y_i \in \{0, 1\}, p_i \in (0, 1), n \geq 1
\begin{align*}
  \sum_{i=1}^{n} \log p_i &= -n \cdot \Bigl( -\frac{1}{n^2} \sum_{i=1}^{n} \log p_i \Bigr)
\end{align*}
""",
        4,
    ),
    "log of a sum split": (
        r"""
% proofs: where a \in (0, \infty), b \in (0, \infty)
\begin{equation*}
  \log(a + b) = \log a + \log b
\end{equation*}
""",
        4,
    ),
    "a class past the last": (
        r"""
% proofs: where z_j \in \mathbb{R}, K \geq 1, k \in \{1, 2, \dots, K + 1\}
\begin{equation*}
  \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}} \leq 1
\end{equation*}
""",
        4,
    ),
    "wrong index range": (
        r"""
% proofs: where x_i \in (0, \infty), n \geq 1
\begin{align*}
  \log \prod_{i=1}^{n} x_i &= \sum_{i=2}^{n} \log x_i
\end{align*}
""",
        4,
    ),
}


def write_paper(folder, body, name="paper.tex"):
    path = Path(folder, name)
    path.write_text(PREAMBLE + body + "\\end{document}\n", encoding="utf-8")
    return path


def preamble_lines():
    return PREAMBLE.count("\n")


@pytest.mark.parametrize("name", sorted(TRUE_DISPLAYS))
def test_true_displays_are_proved(tmp_path, name):
    findings = check_file(write_paper(tmp_path, TRUE_DISPLAYS[name]))
    assert findings and all(f.status == "proved" for f in findings), [f.message for f in findings]


@pytest.mark.parametrize("name", sorted(FALSE_DISPLAYS))
def test_false_displays_are_refuted_at_their_line(tmp_path, name):
    display, line = FALSE_DISPLAYS[name]
    findings = check_file(write_paper(tmp_path, display))
    false = [f for f in findings if f.status == "false"]
    assert len(false) == 1, [f.message for f in findings]
    assert false[0].line == preamble_lines() + line
    assert " is false: at " in false[0].message and ("the sides are" in false[0].message or
                                                      "is not in" in false[0].message)
    assert "at {" not in false[0].message  # the point is said once, as the paper writes it
    assert false[0].point


def test_the_report_reads_like_a_compiler(tmp_path):
    display, line = FALSE_DISPLAYS["dropped minus"]
    path = write_paper(tmp_path, display + TRUE_DISPLAYS["softmax"])
    result = run_check(path)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:{preamble_lines() + line}: step 2 → 3 is false: at ")
    assert "2 steps proved, 1 false, 0 not proved, 0 unreadable" in result.stderr


def run_check(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "proofs", "check", *map(str, arguments)],
        capture_output=True,
        text=True,
    )


def test_a_clean_paper_exits_zero_and_json_lists_every_step(tmp_path):
    path = write_paper(tmp_path, "".join(TRUE_DISPLAYS.values()))
    result = run_check(path)
    assert result.returncode == 0 and result.stdout == "", result.stdout
    found = json.loads(run_check(path, "--json").stdout)
    assert {item["status"] for item in found} == {"proved"}
    # one step each, two in the display of class k
    assert len(found) == 11 and all(item["file"] == str(path) for item in found)


def test_unreadable_text_is_located_never_a_traceback(tmp_path):
    path = write_paper(
        tmp_path,
        textwrap.dedent(r"""
        % proofs: check
        \begin{equation}
          \log \foo{x} = 1
        \end{equation}
        """),
    )
    result = run_check(path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.strip() == f"{path}:{preamble_lines() + 4}: cannot read '\\foo' (column 8)"


def test_unmarked_displays_are_left_alone(tmp_path):
    path = write_paper(tmp_path, "\\begin{equation}\n  1 = 2\n\\end{equation}\n")
    assert check_file(path) == []


def test_directives_define_skip_and_preamble_ranges(tmp_path):
    body = textwrap.dedent(r"""
        % proofs: define L = \prod_{i=1}^{n} p_i
        \begin{align*}
          \log L(\theta) &= \sum_{i=1}^{n} \log p_i \\
        % proofs: skip
                         &= 42 \\
                         &= 42
        \end{align*}
        """)
    text = PREAMBLE.replace(
        "\\begin{document}", "% proofs: where p_i \\in (0, 1), n \\geq 1\n\\begin{document}"
    )
    path = Path(tmp_path, "paper.tex")
    path.write_text(text + body + "\\end{document}\n", encoding="utf-8")
    findings = check_file(path)
    # the skipped step is said (a review: the report read as a whole chain checked), and does not
    # fail the check
    assert [f.status for f in findings] == ["proved", "skipped", "proved"], [
        f.message for f in findings]
    assert [f.step for f in findings] == [(1, 2), (2, 3), (3, 4)]
    assert "step 2 → 3 is not checked (% proofs: skip)" in findings[1].message
    result = run_check(path)
    assert result.returncode == 0 and "2 steps proved" in result.stderr
    assert "1 skipped" in result.stderr and "not checked" in result.stdout


def test_inputs_are_followed_with_their_own_lines(tmp_path):
    display, line = FALSE_DISPLAYS["log of a sum split"]
    Path(tmp_path, "sections").mkdir()
    Path(tmp_path, "sections", "method.tex").write_text(display, encoding="utf-8")
    path = write_paper(tmp_path, "\\input{sections/method}\n")
    findings = check_file(path)
    assert [(Path(f.file).name, f.line, f.status) for f in findings] == [
        ("method.tex", line, "false")
    ]


def test_a_missing_input_or_file_is_one_line(tmp_path):
    path = write_paper(tmp_path, "\\input{nowhere}\n")
    result = run_check(path)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "nowhere.tex: cannot read it" in result.stderr
    result = run_check(Path(tmp_path, "absent.tex"))
    assert result.returncode == 1 and "Traceback" not in result.stderr


# ------------------------------------------------------------------------------------------------
# the documentation's paper, latexmk rule and pre-commit hook
DOCS = Path(__file__).resolve().parent.parent / "docs" / "examples"


def test_the_documented_paper_checks_and_compiles(tmp_path):
    from tests.tools import compile_tex

    result = run_check(DOCS / "checked-paper.tex", "--verbose")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(" proved") == 7  # three identities, two optimizers, two shifts
    compile_tex(tmp_path, "checked-paper", (DOCS / "checked-paper.tex").read_text())


def test_the_latexmk_rule_stops_the_build_on_a_false_step(tmp_path):
    from tests.tools import require, run

    require("latexmk", "pdflatex")
    import shutil

    shutil.copy(DOCS / "latexmkrc", tmp_path / "latexmkrc")
    good = (DOCS / "checked-paper.tex").read_text()
    Path(tmp_path, "good.tex").write_text(good)
    Path(tmp_path, "bad.tex").write_text(good.replace(r"&= -n \cdot \CE", r"&= n \cdot \CE"))
    environment = dict(
        os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    )
    built = run(["latexmk", "-r", "latexmkrc", "good.tex"], tmp_path, env=environment)
    assert built.returncode == 0 and Path(tmp_path, "good.pdf").exists(), built.stdout[-2000:]
    broken = run(["latexmk", "-r", "latexmkrc", "bad.tex"], tmp_path, env=environment)
    assert broken.returncode != 0 and not Path(tmp_path, "bad.pdf").exists()
    assert "bad.tex:18: step 3 → 4 is false" in broken.stdout + broken.stderr


def test_the_pre_commit_hook_runs_the_check_on_the_changed_files(tmp_path):
    import re

    config = (DOCS / "pre-commit-config.yaml").read_text()
    entry = re.search(r"entry: (.+)", config).group(1).split()
    assert re.search(r"files: (.+)", config).group(1) == r"\.tex$"
    good = (DOCS / "checked-paper.tex").read_text()
    Path(tmp_path, "a.tex").write_text(good)
    Path(tmp_path, "b.tex").write_text(good.replace("- z_k \\\\", "+ z_k \\\\"))
    command = [sys.executable, "-m", "proofs", *entry[1:]]  # `proofs check`, as pre-commit calls it
    assert subprocess.run([*command, "a.tex"], cwd=tmp_path).returncode == 0
    failed = subprocess.run(
        [*command, "a.tex", "b.tex"], cwd=tmp_path, capture_output=True, text=True
    )
    assert failed.returncode == 1 and failed.stdout.startswith("b.tex:32: step 1 → 2 is false")


# ------------------------------------------------------------------------------------------------
# the package's own fragments, read back: their identity, positivity, optimizer and monotonicity
# displays are re-proved from the text, and each header verified
def library_variants():
    from proofs.theorems import LIBRARY

    for name, (_, _, allowed) in sorted(LIBRARY.items()):
        yield name, {}
        for key, values in allowed.items():
            for value in values[1:]:
                yield name, {key: value}


VARIANTS = list(library_variants())


@pytest.mark.parametrize("name, options", VARIANTS, ids=[f"{n}-{o}" for n, o in VARIANTS])
def test_every_fragment_the_package_writes_reads_back_and_checks(tmp_path, name, options):
    import proofs
    from proofs.errors import ProofError

    try:
        fragment = proofs.prove(name, **options).to_latex()
    except ProofError:  # an option that refuses (iid --kl --continuous): nothing written
        pytest.skip("no such variant")
    path = Path(tmp_path, f"{name}.tex")
    path.write_text(fragment, encoding="utf-8")
    findings = check_file(path)
    assert len(findings) >= 5
    known = KNOWN_NOT_PROVED.get((name, tuple(options.items())), set())
    assert {f.step for f in findings if f.status == "not proved"} == known
    assert all(f.status == "proved" for f in findings if f.step not in known), [
        f.message for f in findings if f.status != "proved"
    ][:3]


# steps read back from a fragment that the engine does not prove from the text alone (none now:
# the softmax model's per-observation steps, read with q_i and h_i expanded, meet sympy's merging of
# Σ_i Σ_k into one two-index sum, whose order is exchanged and whose factor free of k, log Z_i, is
# taken out of the inner sum)
KNOWN_NOT_PROVED = {}


def test_an_edited_fragment_is_caught_where_it_was_edited(tmp_path):
    import proofs

    fragment = proofs.prove("bernoulli").to_latex()
    edited = fragment.replace(r"&= -n \cdot \mathrm{CE}(\theta)", r"&= n \cdot \mathrm{CE}(\theta)")
    assert edited != fragment
    path = Path(tmp_path, "bernoulli.tex")
    path.write_text(edited, encoding="utf-8")
    wrong_line = next(
        number
        for number, line in enumerate(edited.splitlines(), 1)
        if r"&= n \cdot \mathrm{CE}(\theta)" in line
    )
    false = [f for f in check_file(path) if f.status == "false"]
    assert [f.line for f in false] == [wrong_line]


# ------------------------------------------------------------------------------------------------
# found by an adversarial review: LaTeX a mathematician reads as a false claim, which the reader
# once read otherwise and certified; each must now be refuted, or refused as not read
MISREAD = {
    "defined name before brackets": (r"% proofs: define q = \sigma(z)", r"q(1 - q) = q"),
    "defined family before brackets": (
        r"% proofs: define p_i = \sigma(u_i)",
        r"\sum_{i=1}^{n} p_i(1 - p_i) = \sum_{i=1}^{n} p_i",
    ),
    "defined function": (r"% proofs: define f(x) = x^2", r"f(2) = f(3)"),
    "operator name drops its argument": ("", r"\mathrm{Var}(2X) = \mathrm{Var}(X)"),
    "one digit per argument": ("", r"\frac12 x = \frac{12}{x}"),
    "2^10": ("", r"2^10 = 1024"),
    "p_12": ("", r"p_12 = p_{12}"),
    "thin space in a number": ("", r"10\,000 = 0"),
    "function or product": ("", r"f(x + y) = f(x) + f(y)"),
    "derivative": ("", r"\frac{d}{dx} x^2 = x"),
    "log of a bracket squared": ("", r"\log(x)^2 = 2 \log(x)"),
    "how far log reaches": ("", r"\log 2\pi\sigma^2 = \pi\sigma^2 \log 2"),
    "sigmoid with big brackets": ("", r"\sigma\big(0\big) = 0"),
    "greek index": ("", r"\sum_{\tau=1}^{T} \tau = T \tau"),
    "root of order n": ("", r"\sqrt[4]{x} = 2x"),
    "bound index shadows a definition": (r"% proofs: define k = 3", r"\sum_{k=1}^{n} k = 3n"),
    "family capture": (
        r"% proofs: define r_i = \sum_{j=1}^{n} a_{ij}",
        r"r_j = \sum_{j=1}^{n} a_{jj}",
    ),
    "text after the claim": ("", r"x^2 = x \quad \text{for } x \geq 0"),
    "reference after &&": ("", r"y = \frac{y}{2} && \text{by } (2)"),
    "tag inside": ("", r"x^2 = x \cdot x \tag{$x = 1$} + 1"),
    "matrices": ("", r"\mathbf{A}\mathbf{B} = \mathbf{B}\mathbf{A}"),
    "division by zero": ("", r"\frac{x}{x} = 1"),
    # a second review
    "a/bc": ("", r"e^{-(x-y)^2/2z^2} = e^{-z^2(x-y)^2/2}"),
    "greek function": ("", r"\Phi(-x) = -\Phi(x)"),
    "subscripted function": ("", r"f_z(x + y) = f_z(x) + f_z(y)"),
    "function after a space": ("", r"f (x + y) = f (x) + f (y)"),
    "row and column subscripts": ("", r"a_{i1} = a_{1i}"),
    "superscript then subscript": ("", r"x^a_i = x^{a_i}"),
    "condition under a sum": ("", r"\sum_{i=1, i \neq j}^{n} u_i = \sum_{i=1}^{n} u_i"),
    "negative power": ("", r"x^{-1} x = 1"),
    "log of an exponential of a log": ("", r"e^{\log x} = x"),
    "inverse sine": ("", r"\sin^{-1} x = \frac{1}{\sin x}"),
    "scientific notation": ("", r"1e-3 = e - 3"),
    "a parameter the definition uses": (r"% proofs: define L = (y - z)^2", r"L(x) = L(z)"),
    "a function defined with arguments": (r"% proofs: define L(x, y) = x y", r"L(z) = L(x)"),
    "pi defined": (r"% proofs: define \pi = \frac{1}{3}", r"\pi = \frac{1}{3}"),
    "calligraphic L": (r"% proofs: define L = x", r"\mathcal{L} = L"),
    "log of a fraction and more": ("", r"\log \frac{1}{2} x = x \log \frac{1}{2}"),
    "manual equation number": ("", r"x + x = x \qquad (2)"),
    "a huge number": ("", r"9^{9^{9}} = 0"),
    # a third review
    "mixed number": ("", r"3\frac{1}{2} = \frac{3}{2}"),
    "mixed number, one-digit arguments": ("", r"1\tfrac12 = \tfrac12"),
    # a fourth review (with the arg max reading)
    "spaced bracket after a defined name": (
        r"% proofs: define L = \prod_{i=1}^{n} u_i",
        r"\operatorname*{arg\,max}_{x \in (0, 1)} L (x) = \operatorname*{arg\,max}_{x \in (0, 1)} "
        r"x L(x)",
    ),
    "an entry at a parameter nobody declared": ("", r"z_1(x) = x z_1"),
    "a defined quantity at another letter": (r"% proofs: define L = (x - 1)^2", r"L(y) = L(z)"),
    "where narrowing the set written": (
        r"% proofs: where x \in [0, 1]",
        r"\operatorname*{arg\,min}_{x \in [-1, 1]} x^2 = "
        r"\operatorname*{arg\,min}_{x \in [-1, 1]} x",
    ),
    # a fifth review
    "square of a root": ("", r"\sqrt{x}^2 = x"),
    "root of a negative number": ("", r"\sqrt{-1}^2 = -1"),
    "fourth power of a fourth root": ("", r"\sqrt[4]{x}^4 = x"),
    "braced log argument squared": ("", r"\log{x}^2 = \log^2 x"),
    "braced sine argument squared": ("", r"\sin{x}^2 = \sin^2 x"),
    "a definition's letter bound by a sum": (
        r"% proofs: define m = 2 z",
        r"\sum_{z=1}^{n} m = \sum_{z=1}^{n} 2z",
    ),
    "a family's letter bound by a sum": (
        r"% proofs: define q_i = u_i + x",
        r"\sum_{x=1}^{n} q_x = \sum_{x=1}^{n} (u_x + x)",
    ),
    "an equation begun on the row before": ("", r"2 \cdot x \\ + x = x"),
    "natural numbers from 0 or 1": (r"% proofs: where k \in \mathbb{N}", r"\frac{k}{k} = 1"),
    # a sixth review
    "a macro as an unbraced argument": (r"\newcommand{\xy}{x y}", r"\frac\xy z = \frac{x}{y} z"),
    "a macro under a root": (r"\newcommand{\xy}{x + y}", r"\sqrt\xy = \sqrt{x} + y"),
    "sigmoid squared": ("", r"\sigma^2(0) = 0"),
    "a defined family at a compound index": (
        r"% proofs: define p_i = 2 u_i",
        r"\sum_{i=1}^{n} p_{2i} = \sum_{i=1}^{n} 2 u_i",
    ),
    "a defined family at more indices": (r"% proofs: define p_i = 2 u_i", r"p_{i,1} = 2 u_i"),
    "a defined family without its index": (r"% proofs: define q_i = x u_i", r"q = x"),
    "a redefinition": (
        "% proofs: define r = x\n% proofs: define L = r^2\n% proofs: define r = 2x",
        r"L = 4 x^2",
    ),
    "log of an absolute value squared": ("", r"\log|x|^{2} = 2\log|x|"),
    # a seventh review, on realistic derivations
    "a product of products": (
        "",
        r"\prod_{i=1}^{n} u_i \cdot \prod_{j=1}^{n} u_j "
        r"= \prod_{i=1}^{n} \Bigl(u_i \prod_{j=1}^{n} u_j\Bigr)",
    ),
    "a product times a constant": ("", r"\prod_{i=1}^{n} u_i \cdot x = x^n \prod_{i=1}^{n} u_i"),
    # an eighth review: each was read as a true claim, and TeX prints a false one
    "digits glued through braces": ("", r"2{3} = 6"),
    "digits in two groups": ("", r"{1}{0} = 0"),
    "a braced product squared": ("", r"{2 \cdot 3}^2 = 36"),  # printed 2 · 3², 18
    "a braced power squared": ("", r"{2^3}^2 = 64"),  # printed as 2 to the 3², 512
    "a braced log squared": ("", r"{\log 2}^2 = \log 2 \cdot \log 2"),  # printed log 2²
    "an operator name before its argument": (
        "", r"\operatorname{Var} 2X = 2 \operatorname{Var} X"),  # Var(2X) = 4 Var X
    "an upright function name": ("", r"\mathrm{tan}\, 2x = 2\, \mathrm{tan}\, x"),
    "an expectation without brackets": ("", r"\mathrm{E} X^2 = \mathrm{E} X \cdot X"),
    "gamma squared at an argument": ("", r"\Gamma^2(x + y) = \Gamma^2(x) + \Gamma^2(y)"),
    "a defined quantity squared at its parameter": (
        r"% proofs: define L = x + 1", r"L^2(x) = x \cdot L^2"),  # (L(x))², not L² · x
    "an entry squared at its parameter": (
        r"% proofs: where p_i(x) \in (0, 1)", r"p_i^2(x) = x \cdot p_i^2"),
    "one over a sum times a constant": (  # (1/Σ e^{u_i}) · e^y as printed
        "", r"1 / \sum_{i=1}^{n} e^{u_i} \cdot e^y = \frac{1}{e^y \sum_{i=1}^{n} e^{u_i}}"),
    "the log of a sum times a constant": (
        "", r"\log \sum_{i=1}^{n} e^{u_i} \cdot e^y = y + \log \sum_{i=1}^{n} e^{u_i}"),
    "the exponential of a sum times a constant": (
        "", r"\exp \sum_{i=1}^{n} u_i \cdot y = \Bigl(\exp \sum_{i=1}^{n} u_i\Bigr)^y"),
    # a ninth review, of the eighth's fixes
    "nested braces before a power": ("", r"{{2 \cdot 3}}^2 = 36"),
    "a braced sum as a denominator": (
        "", r"1 / {\sum_{i=1}^{n} e^{u_i} \cdot e^y} = \frac{1}{e^y \sum_{i=1}^{n} e^{u_i}}"),
    "a braced sum as a log's argument": (
        "", r"\log{\sum_{i=1}^{n} e^{u_i} e^y} = y + \log \sum_{i=1}^{n} e^{u_i}"),
    "a double sum as a denominator": (  # c = e^y leaves the inner sum, as printed
        "", r"1 / \sum_{i=1}^{n} \sum_{j=1}^{n} e^{u_i} e^y "
            r"= \frac{1}{n e^y \sum_{i=1}^{n} e^{u_i}}"),
    "a braced product as a denominator": ("", r"1 / {2 e^x} = \frac{1}{2 e^x}"),  # 1/2 · e^x
    "a braced log argument": ("", r"\log{2 e^x} = \log 2 + x"),  # (log 2) e^x
    "an entry in braces squared at its parameter": (
        r"% proofs: where p_i(x) \in (0, 1)", r"{p_i}^2(x) = x \cdot p_i^2"),
    "a braced bracket after a power": (
        r"% proofs: where p_i(x) \in (0, 1)", r"p_i^2{(x)} = x \cdot p_i^2"),
    "a braced bracket after an entry": (
        r"% proofs: where p_i(x) \in (0, 1)", r"p_i{(x)} = x \cdot p_i"),
    "an accented definition squared at its parameter": (
        r"% proofs: define \hat{L} = x + 1", r"\hat{L}^2(x) = x \cdot \hat{L}^2"),
    "a definition squared before a bracket": (
        r"% proofs: define L = x + 1", r"L^2(x - 1) = (x - 1) \cdot L^2"),  # L(x − 1)², printed
    "a mixed number in braces": ("", r"2{\frac{1}{2}} = 1"),
    "braces inside a mixed number": ("", r"2\frac{{1}}{2} = 1"),
    "digits after a root": ("", r"\sqrt{4}9 = 18"),  # printed √4 9, read as √49 too
    # a tenth review: a plain group before a bracket, a factorial or a factor
    "a braced function name": ("", r"{f}(x + y) = {f}(x) + {f}(y)"),
    "a braced Phi": ("", r"{\Phi}(-x) = -{\Phi}(x)"),
    "a braced sigmoid": ("", r"{\sigma}(0) = 0"),  # σ(0) = 1/2
    "a braced definition at its parameter": (r"% proofs: define L = x + 1", r"{L}(x) = x L"),
    "a braced entry at its parameter": (r"% proofs: where p_i(x) \in (0, 1)", r"{p_i}(x) = x p_i"),
    "a braced product's factorial": ("", r"{2 \cdot 3}! = 720"),  # printed 2 · 3!, 12
    "a braced double's factorial": ("", r"{2n}! = (2n)!"),  # printed 2n!
    "a braced operator name": ("", r"{\operatorname{Var}} 2X = 2 {\operatorname{Var}} X"),
    "a braced log before a factor": ("", r"{\log 2}\pi = \pi \log 2"),  # printed log 2π
    "a braced fraction before a factor": ("", r"{1/e^{x}} y = y e^{-x}"),  # printed 1/e^x y
    "a braced log of a sum before a factor": (
        "", r"{\log \sum_{i=1}^{n} e^{u_i}} e^y = e^y \log \sum_{i=1}^{n} e^{u_i}"),
    "Phi squared at an argument": ("", r"\Phi^2(-x) = -\Phi^2(x)"),
    "an operator squared at an argument": (
        "", r"\operatorname{Var}^2(2X) = 2\operatorname{Var}^2(X)"),
    "an unranged letter squared before a bracket": ("", r"q^2(x + y) = q^2 x + q^2 y"),
    "the log of a product times a constant": (
        "", r"\log \prod_{i=1}^{n} e^{u_i} e^y = n y + \sum_{i=1}^{n} u_i"),
    "a product times a constant after a space": (
        "", r"\prod_{i=1}^{n} e^{u_i}\, e^{y} = e^{n y} \prod_{i=1}^{n} e^{u_i}"),
    # an eleventh review: the arguments a command takes, counted as TeX counts them
    "a Greek numerator before a braced denominator": (
        r"% proofs: where x \in (0, 1)", r"\frac\pi{x + 1} = \frac{\pi}{x} + 1"),  # π/(x + 1)
    "a root's order before a braced radicand": (
        "", r"\sqrt[3]{e^{x} e^{y}} = e^{y} \sqrt[3]{e^{x}}"),  # printed ∛(e^x e^y)
    "a continued fraction's alignment": ("", r"\cfrac[X]{1}{e^{x}} = X e^{x}"),  # printed 1/e^x
    "a factorial in braces after lbrack": ("", r"\lbrack {2 \cdot 3}! \rbrack = 720"),
    "a nested fraction before a macro": (
        "\\newcommand{\\xy}{x y}\n% proofs: where x \\in (0, 1), y \\in (0, 1)",
        r"\frac{\frac{1}{2}}\xy = \frac{y}{2 x}"),  # printed (1/2)/(x y)
    "a subscripted function squared at an argument": (
        "", r"f_z^2(x + y) = f_z^2 x + f_z^2 y"),
    # \bar takes the first token of \xy only (a fifth review): x̄y, so the claim is true as
    # printed, and refused because the reader cannot tell from the source which TeX does
    "a bar over a macro": (r"\newcommand{\xy}{x y}", r"\bar\xy = y \bar{x}"),
    # a fifth review: TeX expands a macro and takes its first token after \sqrt, as after ^
    "a root over a macro": (r"\newcommand{\fy}{4 e^{x}}", r"\sqrt\fy = 2 \sqrt{e^{x}}"),
    "a macro that opens a script": (r"\newcommand{\up}{^}\newcommand{\xy}{x + y}",
                                    r"2\up\xy = 2^{x + y}"),  # printed 2^x + y
    "a macro ending another's body": (r"\newcommand{\g}[1]{(#1 + 1)}\newcommand{\two}{2\g}",
                                      r"\two{x} = 2 x"),  # printed 2(x + 1) = 2x
    "a bracket as a fraction's argument": ("", r"\frac(x)2 = \frac{x}{2}"),
    "a bracket as a binomial's argument": ("", r"\binom[4]{2} = 6"),
    "a bracket as an exponent": ("", r"2^(1 + 2) = 8"),  # printed 2^( 1 + 2)
    "a LaTeX command made again": (r"\newcommand{\ij}{y + 1}", r"e^{\ij} = e^{y + 1}"),
    # a sixth review: what TeX sets after ^, \sqrt and a fraction's arguments
    "a power of a fraction": ("", r"\frac{x}{2}^2 = \frac{x^2}{4}"),  # the 2 by the numerator
    "a braced power of a fraction": ("", r"{\frac{1}{2}}^2 = \frac{1}{4}"),  # prints the same
    "a power of an unbraced root": ("", r"\sqrt2^2 = 2"),
    "a macro naming a macro after a script": (
        r"\newcommand{\xy}{x + y}\newcommand{\m}{\xy}", r"2^\m = 2^{x + y}"),  # 2^x + y
    "relax between a script and a macro": (
        r"\newcommand{\xy}{x + y}", r"2^\relax\xy = 2^{x + y}"),
    "a thin space as a fraction's numerator": ("", r"\frac\,1{2 e^{x}} = \frac{1}{2 e^{x}}"),
    "a bar as a fraction's argument": ("", r"\frac|x|2 = \frac{|x|}{2}"),
    "a log as a fraction's denominator": (
        r"% proofs: where x \in (2, \infty)", r"\frac1\log x = \frac{1}{\log x}"),  # (1/log) x
    "a log as an exponent": (r"% proofs: where x \in (0, \infty)", r"e^\log x = x"),
    # a seventh review
    "an operator squared before its argument": (
        "", r"\mathrm{tan}^2 x y = y \mathrm{tan}^2 x"),  # tan²(xy) to a reader
    "a sum from half a number": ("", r"\sum_{i=0.5}^{1.5} i = 2"),  # over i = 1 to a reader
    "a sum from a root": ("", r"\sum_{i=\sqrt{2}}^{\sqrt{2} + 1} i = 2 \sqrt{2} + 1"),
    "a sum from a real letter": ("", r"\sum_{i=x}^{x + 1} 1 = 2"),
    "a product of a sum times a constant": (
        "", r"\prod_{i=1}^{2} \sum_{j=1}^{2} u_j \cdot y = y^2 (u_1 + u_2)^2"),
    "a function to a half power": ("", r"\cos^{1/2} x \cdot \cos^{1/2} x = \cos x"),
    "an upright e in scientific notation": ("", r"2\mathrm{e}3 = 6\mathrm{e}"),
    "a positive reals of two readings": (r"% proofs: where z \in \mathbb{R}_+", r"\frac{z}{z} = 1"),
    # \over takes all of its group, or the whole formula outside one
    "over takes its whole group": ("", r"{x + 1 \over 2} = x + \frac{1}{2}"),
    "over outside a group": ("", r"2 = 4 \over 2"),  # printed (2 = 4)/2
    "over inside left and right": ("", r"{\left(4 \over 2\right) 2} = 1"),
    # an eighth review
    "greek indices as one product": ("", r"a_{\alpha\beta} = a_{\beta\alpha}"),
    "a digit and a greek index": ("", r"u_{2\alpha} = u_{\alpha 2}"),
    "indices with subscripts": ("", r"u_{i_1 i_2} = u_{i_2 i_1}"),
    "an order statistic": ("", r"u_{(1)} = u_1"),
    "a bracketed index": ("", r"u_{[1]} = u_1"),
    "two digits after a letter": ("", r"a_{i10} = a_{i,1,0}"),
    "an upright letter is not the index": ("", r"\sum_{i=1}^{2} u_{\text{c}} = u_1 + u_2"),
    "an upright i": ("", r"\mathrm{i}^2 + 1 = 2 \mathrm{i}^2 + 2"),
    "gamma cancelled": ("", r"0 \cdot \Gamma(x) = 0"),
    "gamma minus itself": ("", r"\Gamma(x) - \Gamma(x) = 0"),
    "a factorial minus itself": ("", r"x! - x! = 0"),
    "a definition in a subscript uses the index": (
        r"% proofs: define m = 2 k", r"\sum_{k=1}^{2} u_{m} = u_2 + u_4"),
    "a root's optional argument after relax": (
        r"% proofs: where x \in (0, \infty)", r"\sqrt\relax[4]{x^{4}} = x"),
}

# what those refusals leave read: the printed formula has one reading
ONE_READING = (
    (r"x \in (0, \infty), y \in (0, \infty)", r"1 / x \cdot y = \frac{y}{x}"),
    (r"u_i \in (0, \infty), y \in (0, \infty), n \geq 1",
     r"\log \sum_{i=1}^{n} y u_i = \log y + \log \sum_{i=1}^{n} u_i"),
    (r"u_i \in (0, \infty), n \geq 1",
     r"\log \sum_{i=1}^{n} u_i^2 \cdot u_i = \log \sum_{i=1}^{n} u_i^3"),
    (r"u_i \in \mathbb{R}, y \in \mathbb{R}, n \geq 1",
     r"\sum_{i=1}^{n} u_i \cdot y = y \sum_{i=1}^{n} u_i"),
    (r"u_i \in \mathbb{R}", r"{u_i}^2 = u_i \cdot u_i"),
    (r"x \in (0, \infty)", r"\Gamma(x + 1) = x \Gamma(x)"),
    (r"x \in \mathbb{R}", r"x^2(x + 1) = x^3 + x^2"),
    (r"x \in (0, \infty)", r"{e}^{\log x} = x"),
    (r"x \in (0, \infty)", r"\log{\frac{1}{x}} = -\log x"),
    (r"u_i \in (0, \infty), n \geq 1",
     r"1 / {\sum_{i=1}^{n} u_i} = \frac{1}{\sum_{i=1}^{n} u_i}"),
    (r"u_i \in (0, \infty), n \geq 1",
     r"1 / \sum_{i=1}^{n} \sum_{j=1}^{n} u_i = \frac{1}{n \sum_{i=1}^{n} u_i}"),
    (r"u_i \in \mathbb{R}", r"\sum_{i=1}^{2} u_{2 \cdot i} = u_2 + u_4"),
    # braces that print nothing are read as not there: each as its unbraced form reads
    (r"\sigma \in (0, \infty)", r"\log{\sigma^2} = 2 \log \sigma"),
    (r"y_i \in \{0, 1\}, p_i \in (0, 1)", r"\log{p_i^{y_i}} = y_i \log p_i"),
    (r"x \in \mathbb{R}", r"\exp{x^2} = e^{x^2}"),
    (r"\sigma \in (0, \infty)", r"1/{\sigma^2} = \sigma^{-2}"),
    (r"x \in (0, 1), y \in (0, 1)", r"\sqrt[3]{x^{3}} \cdot \frac{1}{x y} = \frac{1}{y}"),
    (r"n \in \{1, 2, \dots\}", r"\binom{n}{1} = n"),  # a binomial's entries are whole
    ("", r"e^\pi = e^{\pi}"),  # the number π, not a letter named pi (which was refuted at 0)
    ("", r"{1 \over 2} + {1 \over 2} = {4 \choose 2} - \tbinom{5}{1}"),
    (r"n \in \{1, 2, \dots\}", r"{n \choose 1} \cdot {n \over n} = n"),
    (r"k \geq 0, m \geq 0, t \in (0, 1)",
     r"\log \bigl(t^{k} (1 - t)^{m}\bigr) = k \log t + m \log(1 - t)"),
    (r"y_i \in \{0, 1\}, p_i(x) \in (0, 1)",
     r"\log\bigl(p_i^{y_i} (1 - p_i)^{1 - y_i}\bigr) = y_i \log p_i + (1 - y_i) \log(1 - p_i)"),
)


def test_only_alignat_s_column_count_is_dropped_after_begin(tmp_path):
    """A group right after \\begin{equation} or {gather} is printed: {2}{3} is 23, {2} x is 2x."""
    for display, status in ((r"\begin{equation} {2}{3} = 3 \end{equation}", "unreadable"),
                            ("\\begin{gather} {2} x = x\n\\end{gather}", "false"),
                            ("\\begin{alignat}{2} x &= x\n\\end{alignat}", "proved")):
        body = f"% proofs: where x \\in \\mathbb{{R}}\n{display}\n"
        assert [f.status for f in check_file(write_paper(tmp_path, body))] == [status], display


@pytest.mark.parametrize("ranges, claim", ONE_READING)
def test_a_formula_with_one_printed_reading_is_still_read(tmp_path, ranges, claim):
    body = (f"% proofs: where {ranges}\n" if ranges else "% proofs: check\n") + f"\\[ {claim} \\]\n"
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["proved"], [(f.claim, f.message) for f in findings]


def test_a_product_written_with_brackets_is_read_either_way(tmp_path):
    body = (
        "% proofs: where a_i \\in (0, \\infty), c \\in (0, \\infty), n \\geq 1\n\\begin{align*}\n"
        "  \\log \\Bigl(\\prod_{i=1}^{n} a_i\\Bigr) c &= c \\sum_{i=1}^{n} \\log a_i \\\\\n"
        "  \\prod_{i=1}^{n} (a_i c) &= c^n \\prod_{i=1}^{n} a_i\n\\end{align*}\n"
    )
    findings = check_file(write_paper(tmp_path, body))
    # both are read; the second, whose sides are positive, through their logarithms
    # (Σ log(a_i c) = n log c + Σ log a_i)
    assert [f.status for f in findings] == ["proved", "proved"], [f.message for f in findings]


def test_steps_with_no_value_somewhere_are_not_proved_never_false(tmp_path):
    for ranges, claim, words in (
        # Σ_{i=3}^{1}: reversed at n = 1, a sum with no value as printed
        (r"n \geq 1", r"\sum_{i=3}^{n} 1 \geq 0", "number of terms n - 2 of a sum or product "
         "fails to be a whole number ≥ 0 at n = 1"),
        (r"n \geq 1", r"\binom{n}{2} = \frac{n\,(n - 1)}{2}",
         "the binomial coefficient's entry n fails to be a whole number ≥ 0"),
        (r"n \geq 2", r"\sum_{i=1}^{n} 1 = n", "does not range over counts"),
    ):
        body = f"% proofs: where {ranges}\n\\[ {claim} \\]\n"
        findings = check_file(write_paper(tmp_path, body))
        assert [f.status for f in findings] == ["not proved"], (claim, findings)
        assert words in findings[0].message


def test_a_second_display_on_a_marked_line_and_a_comment_after_a_line_break(tmp_path):
    body = (
        "% proofs: where x \\in \\mathbb{R}\n\\[ x = x \\] and \\[ x = 2x \\]\n"
        "% proofs: check\n\\begin{align*} x &= x + 0 \\\\% = 2x\n\\end{align*}\n"
    )
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["proved", "unreadable", "proved"]
    assert "a second display on the line of a marked one" in findings[1].message
    # a name with a range written upright is that name, never the range marker
    body = "% proofs: where x \\in \\mathbb{R}\n\\[ \\mathrm{x}^2 + 1 > 0 \\]\n"
    assert [f.status for f in check_file(write_paper(tmp_path, body))] == ["proved"]


def test_rows_after_words_and_intertext_are_read(tmp_path):
    for words in (r"\intertext{and therefore}", r"\text{hence }", r"\text{and}\quad"):
        body = (
            "% proofs: where x \\in \\mathbb{R}\n\\begin{align*}\n  x &= x \\\\\n"
            f"  {words} x + 0 &= 2x\n\\end{{align*}}\n"
        )
        statuses = [f.status for f in check_file(write_paper(tmp_path, body))]
        assert statuses == ["proved", "false"], (words, statuses)


def test_a_marked_display_of_another_package_is_reported(tmp_path):
    body = "% proofs: where x \\in \\mathbb{R}\n\\begin{dmath*}\n  x = 2x\n\\end{dmath*}\n"
    findings = check_file(write_paper(tmp_path, body))
    assert [(f.status, f.message) for f in findings] == [
        ("unreadable",
         "a marked dmath* display is not read: write it as equation, align or \\[…\\]")
    ]


def test_an_unknown_operator_or_an_unranged_count_is_not_proved_never_false(tmp_path):
    for claim, words in (
        (r"\operatorname{Var}(2x) = 4 \operatorname{Var}(x)", "Var is read as an unknown function"),
        (r"\mathrm{max}(x, y) \geq x", "max is read as an unknown function"),
        (r"\sum_{i=1}^{k} 1 = k", "k bounds a sum or a product but does not range over"),
    ):
        body = f"% proofs: where x \\in \\mathbb{{R}}, y \\in \\mathbb{{R}}\n\\[ {claim} \\]\n"
        findings = check_file(write_paper(tmp_path, body))
        assert [f.status for f in findings] == ["not proved"], claim
        assert words in findings[0].message
    # \mathrm{log} and \operatorname{ln} are the logarithm
    body = ("% proofs: where x \\in (0, \\infty)\n"
            "\\[ \\mathrm{log}(x^2) = 2 \\operatorname{ln} x \\]\n")
    assert [f.status for f in check_file(write_paper(tmp_path, body))] == ["proved"]


@pytest.mark.parametrize("name", sorted(MISREAD))
def test_misreadings_found_by_review_are_not_certified(tmp_path, name):
    directive, claim = MISREAD[name]
    body = (
        "% proofs: where x \\in \\mathbb{R}, y \\in \\mathbb{R}, z \\in \\mathbb{R}, "
        "u_i \\in \\mathbb{R}, a_{ij} \\in \\mathbb{R}, X \\in \\mathbb{R}, n \\geq 1, "
        "T \\geq 1\n"
        + (directive + "\n" if directive else "")
        + "% proofs: check\n\\begin{align*}\n  "
        + claim.replace(" = ", " &= ", 1)
        + "\n\\end{align*}\n"
    )
    findings = check_file(write_paper(tmp_path, body))
    assert findings and all(f.status != "proved" for f in findings), [
        (f.status, f.claim, f.message) for f in findings
    ]
    # refused for the reason under test, not because the ranges above clash with the claim
    assert not any("denotes two objects" in f.message for f in findings), findings[0].message


def test_multline_and_align_continuations_are_part_of_the_claim(tmp_path):
    body = textwrap.dedent(r"""
        % proofs: where a \in \mathbb{R}, b \in \mathbb{R}
        \begin{multline*}
          (a + b)^2 = a^2 + 2ab + b^2 \\
            + 1
        \end{multline*}
        % proofs: check
        \begin{align*}
          (a + b)^2 &= a^2 + 2ab \\
                    & + b^2
        \end{align*}
        """)
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["false", "proved"], [f.claim for f in findings]


def test_line_breaks_outside_displays_and_one_line_displays(tmp_path):
    text = PREAMBLE.replace(r"\begin{document}", "\\author{Ada \\\\[2pt] Univ}\n\\begin{document}")
    body = (
        "We have \\[ E = mc^2 \\] and\n% proofs: check\n\\begin{equation}\n  1 = 2\n"
        "\\end{equation}\n"
    )
    path = Path(tmp_path, "paper.tex")
    path.write_text(text + body + "\\end{document}\n", encoding="utf-8")
    assert [f.status for f in check_file(path)] == ["false"]


def test_macros_in_order_and_commented_ones_ignored(tmp_path):
    body = textwrap.dedent(r"""
        % \newcommand{\two}{3}
        \newcommand{\one}{1}
        % proofs: check
        \begin{equation}
          \one + \one = 2
        \end{equation}
        \renewcommand{\one}{5}
        % proofs: check
        \begin{equation}
          \one = 5
        \end{equation}
        """)
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["proved", "proved"], [f.claim for f in findings]


def test_ranges_of_one_entry_are_refused_and_ranges_intersect(tmp_path):
    body = textwrap.dedent(r"""
        % proofs: where x_1 \geq 0
        \begin{equation}
          x_2 \geq 0
        \end{equation}
        % proofs: where x \geq 0, x \leq 1
        \begin{equation}
          \sqrt{x^2} = x
        \end{equation}
        """)
    findings = check_file(write_paper(tmp_path, body))
    assert findings[0].status == "unreadable" and "one entry" in findings[0].message
    # with only the last range, x ≤ 1, the claim is false at x = −5/2; with both it holds, and is
    # proved: √(x²) = |x| = x for x ≥ 0
    assert findings[-1].status == "proved" and findings[-1].claim == "sqrt(x**2) = x"


def test_a_row_that_starts_with_a_minus_is_its_own_equation(tmp_path):
    body = textwrap.dedent(r"""
        % proofs: where x \in \mathbb{R}
        \begin{align*}
          x &= 2x \\
          -x &= x
        \end{align*}
        """)
    assert [f.status for f in check_file(write_paper(tmp_path, body))] == ["false", "false"]


def test_two_columns_continued_on_later_rows_are_refused(tmp_path):
    body = textwrap.dedent(r"""
        % proofs: check
        \begin{align*}
          2 &= 1 + 1 & 3 &= 1 + 2 \\
            &= 3     &   &= 3
        \end{align*}
        """)
    assert [f.status for f in check_file(write_paper(tmp_path, body))] == ["unreadable"]


def test_alignat_and_braceless_inputs_are_read(tmp_path):
    Path(tmp_path, "sec").mkdir()
    Path(tmp_path, "sec", "c.tex").write_text(
        "% proofs: check\n\\begin{alignat}{2}\n  1 &= 2\n\\end{alignat}\n", encoding="utf-8"
    )
    path = write_paper(tmp_path, "\\input sec/c\n")
    assert [(Path(f.file).name, f.status) for f in check_file(path)] == [("c.tex", "false")]


# ------------------------------------------------------------------------------------------------
# sets of optimizers: arg max_θ f = arg min_θ g, the quantities being the parameters the objectives
# contain and the entries declared to depend on them (p_i(θ) ∈ (0, 1))
OPTIMIZER_PREAMBLE = r"""
\DeclareMathOperator*{\argmax}{arg\,max}
\DeclareMathOperator*{\argmin}{arg\,min}
% proofs: define L = \prod_{i=1}^{n} p_i^{y_i} (1 - p_i)^{1 - y_i}
"""

TRUE_OPTIMIZERS = {
    "likelihood to cross-entropy": r"""
% proofs: where y_i \in \{0, 1\}, p_i(\theta) \in (0, 1), n \geq 1
\begin{align}
  \argmax_{\theta \in \Theta} L(\theta) &= \argmax_{\theta \in \Theta} \log L(\theta) \\
  &= \argmin_{\theta \in \Theta} -\frac{1}{n} \sum_{i=1}^{n} \bigl[ y_i \log p_i
     + (1 - y_i) \log(1 - p_i) \bigr]
\end{align}
""",
    "gaussian mean, written": r"""
% proofs: where y_i \in \mathbb{R}, \sigma > 0, n \geq 1
\begin{align*}
  \operatorname*{arg\,max}_{\mu} \prod_{i=1}^{n} e^{-(y_i - \mu)^2 / (2 \sigma^2)}
  &= \operatorname*{arg\,min}_{\mu} \sum_{i=1}^{n} \frac{(y_i - \mu)^2}{2\sigma^2}
  = \operatorname*{arg\,min}_{\mu} \frac{1}{n} \sum_{i=1}^{n} (y_i - \mu)^2
\end{align*}
""",
    "a set under the operator": r"""
% proofs: where k \geq 0, m \geq 0
\begin{equation*}
  \arg\max_{\theta \in (0, 1)} \theta^{k} (1 - \theta)^{m}
  = \arg\max_{\theta \in (0, 1)} k \log \theta + m \log(1 - \theta)
\end{equation*}
""",
    "logistic weight through a defined family": r"""
% proofs: where x_i \in \mathbb{R}, y_i \in \{0, 1\}, w \in \mathbb{R}, n \geq 1
% proofs: define p_i = \sigma(w x_i)
\begin{equation*}
  \argmax_{w} L(w)
    = \argmin_{w} -\sum_{i=1}^{n} \bigl[ y_i \log p_i + (1 - y_i) \log(1 - p_i) \bigr]
\end{equation*}
""",
}

FALSE_OPTIMIZERS = {  # (display, the line of the false step within it)
    "max read as min": (
        r"""
% proofs: where y_i \in \{0, 1\}, p_i(\theta) \in (0, 1), n \geq 1
\begin{align*}
  \argmax_{\theta} L(\theta) &= \argmax_{\theta} \log L(\theta) \\
  &= \argmin_{\theta} \log L(\theta)
\end{align*}
""",
        5,
    ),
    "a negative scale": (
        r"""
% proofs: where y_i \in \mathbb{R}, \mu_i(\theta) \in \mathbb{R}, n \geq 1
\begin{equation*}
  \argmin_{\theta} \sum_{i=1}^{n} (y_i - \mu_i)^2
    = \argmin_{\theta} -\frac{1}{n} \sum_{i=1}^{n} (y_i - \mu_i)^2
\end{equation*}
""",
        5,  # the step's line: where its relation is
    ),
    "a dropped weight": (
        r"""
% proofs: where y_i \in \mathbb{R}, \sigma_i \in (0, \infty), \mu_i(\theta) \in \mathbb{R}
% proofs: where n \geq 1
\begin{equation*}
  \argmin_{\theta} \sum_{i=1}^{n} \frac{(y_i - \mu_i(\theta))^2}{\sigma_i^2}
    = \argmin_{\theta} \sum_{i=1}^{n} (y_i - \mu_i(\theta))^2
\end{equation*}
""",
        6,
    ),
}


def test_a_written_parameter_whose_objectives_are_not_monotonically_related_is_not_proved(
    tmp_path,
):
    # the optimizers over ℝ of μ² and μ² + μ⁴(μ − 1)² are both {0}: a set of values of μ where
    # the two objectives order differently refutes "for every parameter set", not this claim
    body = (
        "% proofs: check\n\\[ \\argmin_{\\mu} \\mu^2 = \\argmin_{\\mu} \\mu^2 + "
        "\\mu^4 (\\mu - 1)^2 \\]\n"
    )
    findings = check_file(write_optimizer_paper(tmp_path, body))
    assert [f.status for f in findings] == ["not proved"], [f.message for f in findings]
    assert "neither objective is a strictly monotone function of the other" in findings[0].message
    assert "over a set T of" in findings[0].message


def write_optimizer_paper(folder, body):
    return write_paper(folder, OPTIMIZER_PREAMBLE + body)


@pytest.mark.parametrize("name", sorted(TRUE_OPTIMIZERS))
def test_true_optimizer_displays_are_proved(tmp_path, name):
    findings = check_file(write_optimizer_paper(tmp_path, TRUE_OPTIMIZERS[name]))
    assert findings and all(f.status == "proved" for f in findings), [f.message for f in findings]


@pytest.mark.parametrize("name", sorted(FALSE_OPTIMIZERS))
def test_false_optimizer_displays_are_refuted_at_their_line(tmp_path, name):
    display, line = FALSE_OPTIMIZERS[name]
    findings = check_file(write_optimizer_paper(tmp_path, display))
    false = [f for f in findings if f.status == "false"]
    assert len(false) == 1, [f.message for f in findings]
    assert false[0].line == preamble_lines() + OPTIMIZER_PREAMBLE.count("\n") + line
    # the witness: a parameter value optimal for one objective and not for the other, at the
    # data drawn (now given as the point, as for every other claim)
    assert "is false: at " in false[0].message and ": over a set T of" in false[0].message
    assert false[0].point
    assert "but not an arg" in false[0].message or "is not an arg" in false[0].message


NOT_OPTIMIZER_CLAIMS = {
    "compared with a number": (r"\argmax_{w} w = 1", "compared only with another"),
    "an inequality": (r"\argmax_{w} w^2 \leq \argmax_{w} w^2", "compared with ="),
    "two parameters": (r"\argmax_{w} -w^2 = \argmax_{v} -v^2", "different parameters"),
    "two sets": (
        r"\argmax_{w \in (0, 1)} -w^2 = \argmax_{w} -w^2",
        "different sets",
    ),
    "two named sets": (r"\argmax_{w \in A} -w^2 = \argmax_{w \in B} -w^2", "different sets"),
    "a parameter nobody depends on": (
        r"\argmax_{\theta} L = \argmax_{\theta} \log L",
        r"neither objective contains \theta: say in where which entries depend on it",
    ),
    "a where range narrowed by the set written": (
        r"\argmin_{w \in [-1, 1]} w^2 = \argmin_{w \in [0, 1]} w^2",
        "different sets",
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_OPTIMIZER_CLAIMS))
def test_optimizer_steps_the_engine_does_not_take_are_not_proved(tmp_path, name):
    display, message = NOT_OPTIMIZER_CLAIMS[name]
    body = (
        "% proofs: where y_i \\in \\{0, 1\\}, p_i \\in (0, 1), n \\geq 1\n"
        f"\\begin{{equation*}}\n  {display}\n\\end{{equation*}}\n"
    )
    findings = check_file(write_optimizer_paper(tmp_path, body))
    assert [f.status for f in findings] == ["not proved"], [f.message for f in findings]
    assert message in findings[0].message


def test_an_arg_max_inside_an_expression_is_refused(tmp_path):
    body = "% proofs: check\n\\[ 1 + \\operatorname{argmax}_{w} w = 1 \\]\n"
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["unreadable"]
    assert "stands alone on its side" in findings[0].message


def test_an_edited_optimizer_step_of_a_fragment_is_caught(tmp_path):
    import proofs

    fragment = proofs.prove("gaussian").to_latex()
    theorem = fragment[fragment.index(r"\begin{theorem}") :]
    claim = next(line for line in theorem.splitlines() if "arg\\,min" in line)
    edited = fragment.replace(claim, claim.replace("arg\\,min", "arg\\,max"), 1)
    path = Path(tmp_path, "gaussian.tex")
    path.write_text(edited, encoding="utf-8")
    false = [f for f in check_file(path) if f.status == "false"]
    wrong = claim.replace("arg\\,min", "arg\\,max")
    assert [f.line for f in false] == [edited.splitlines().index(wrong) + 1]


def test_directives_just_before_begin_document_hold_for_every_display(tmp_path):
    path = Path(tmp_path, "paper.tex")
    path.write_text(
        "\\documentclass{article}\n% proofs: where a \\in (0, \\infty)\n\\begin{document}\n"
        + "% proofs: check\n\\[ \\log a^2 = 2 \\log a \\]\n" * 2
        + "\\end{document}\n",
        encoding="utf-8",
    )
    assert [f.status for f in check_file(path)] == ["proved", "proved"]


def test_a_greek_function_is_declared_by_its_range(tmp_path):
    body = "% proofs: where \\Phi(x) \\in (0, 1)\n\\[ \\Phi(x) + 1 > 1 \\]\n"
    assert [f.status for f in check_file(write_paper(tmp_path, body))] == ["proved"]


def test_a_chain_that_turns_is_warned_about_but_not_failed(tmp_path):
    body = (
        "% proofs: where a \\in (0, 1)\n\\begin{align*}\n  a &\\leq 1 \\\\\n  &\\geq a^2 \\\\\n"
        "  &= a \\cdot a\n\\end{align*}\n"
    )
    path = write_paper(tmp_path, body)
    findings = check_file(path)
    assert [f.status for f in findings] == ["warning", "proved", "proved", "proved"]
    assert findings[0].line == preamble_lines() + 4
    assert "ends are not related" in findings[0].message
    result = subprocess.run(
        [sys.executable, "-m", "proofs", "check", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0 and f"{path}:{preamble_lines() + 4}: warning:" in result.stdout
    assert "unreadable, 1 warning\n" in result.stderr
    # a chain that keeps its direction is not warned about
    steady = body.replace("&\\geq a^2", "&\\leq 2")
    assert "warning" not in [f.status for f in check_file(write_paper(tmp_path, steady))]


def test_the_set_under_the_operator_replaces_the_range_where_gives(tmp_path):
    # over [−1, 1] the optimizers are {0} and {−1}; intersected with where's [0, 1] they would
    # both be {0}, and the step "proved"
    body = (
        "% proofs: where \\mu \\in [0, 1]\n"
        "\\[ \\argmin_{\\mu \\in [-1, 1]} \\mu^2 = \\argmin_{\\mu \\in [-1, 1]} \\mu \\]\n"
    )
    findings = check_file(write_optimizer_paper(tmp_path, body))
    assert [f.status for f in findings] == ["not proved"], [f.message for f in findings]
    # with no set written, the range where gives is the set: μ² is increasing in μ on (0, ∞)
    positive = (
        "% proofs: where \\mu \\in (0, \\infty)\n"
        "\\[ \\argmin_{\\mu} \\mu^2 = \\argmin_{\\mu} \\mu \\]\n"
    )
    assert [f.status for f in check_file(write_optimizer_paper(tmp_path, positive))] == ["proved"]
    everywhere = positive.replace("_{\\mu}", "_{\\mu \\in \\mathbb{R}}")
    assert [f.status for f in check_file(write_optimizer_paper(tmp_path, everywhere))] == [
        "not proved"
    ]


def test_an_edited_monotonicity_lemma_is_caught_where_it_was_edited(tmp_path):
    import proofs

    x = sp.Symbol("x")
    d = proofs.Derivation("Monotonicity")
    d.theorem("Monotonicity of the logarithm",
              d.strictly_increasing(sp.log(x), x, sp.Interval.open(0, sp.oo)))
    fragment = d.proof().to_latex(detail="full")  # the proof's facts as rows
    statement = r"x \mapsto \log x\text{ is strictly increasing on }(0, \infty).\label"
    derivative = r"& \frac{1}{x} > 0"
    assert statement in fragment and derivative in fragment
    edited = fragment.replace(statement, statement.replace("(0,", "(-1,")).replace(
        derivative, derivative.replace(">", "<")
    )
    path = Path(tmp_path, "bernoulli.tex")
    path.write_text(edited, encoding="utf-8")
    lines = edited.splitlines()
    wrong = [
        next(k for k, line in enumerate(lines, 1) if "(-1, \\infty)" in line),
        next(k for k, line in enumerate(lines, 1) if r"\frac{1}{x} < 0" in line),
    ]
    false = [f for f in check_file(path) if f.status == "false"]
    assert [f.line for f in false] == wrong
    assert false[0].message.startswith("x ↦ log(x) is strictly increasing on (-1, ∞) is false")
    # unedited, the lemma and each row of its proof are proved from the text
    path.write_text(fragment, encoding="utf-8")
    proved = [f.message for f in check_file(path) if "strictly increasing" in f.message]
    assert proved == ["x ↦ log(x) is strictly increasing on (0, ∞) proved"] * 2


def test_a_split_inside_an_equation_is_read_as_its_rows(tmp_path):
    """split (and aligned) only break an equation's lines: each row is a step of the chain, and a
    row that goes on with a sign belongs to the row above."""
    body = (
        "% proofs: where a \\in \\mathbb{R}, b \\in \\mathbb{R}\n"
        "\\begin{equation}\n\\begin{split}\n"
        "  (a + b)^2 &= a^2 + 2ab \\\\\n  &\\qquad + b^2 \\\\\n  &= {WRONG}\n"
        "\\end{split}\\label{eq:square}\n\\end{equation}\n"
    )
    right = [f.status for f in check_file(write_paper(tmp_path, body.replace(
        "{WRONG}", "b^2 + 2ab + a^2")))]
    wrong = [f.status for f in check_file(write_paper(tmp_path, body.replace(
        "{WRONG}", "b^2 + ab + a^2")))]
    assert right == ["proved", "proved"] and wrong == ["proved", "false"]


# ------------------------------------------------------------------------------------------------
# what is read is what TeX prints: papers whose PDF shows a false equation, while a reader that
# dropped a part or followed a macro differently than TeX would read a true one (an adversarial
# review's reproducers, and their variants); each case: (preamble lines, display, what the PDF
# shows, in pdftotext's words)
PRINTED_OTHERWISE = {
    "empty \\text, then more formula": ("", r"\[ x = x \text{} + 1 \]", "x=x+1"),
    "empty \\mbox, then more formula": ("", r"\[ x = x \mbox{} + 1 \]", "x=x+1"),
    "a one-letter \\text": ("", r"\[ 2 x = x \text{ e} \]", "2x=xe"),
    "mathematics in \\text": ("", r"\[ x = x \text{$+ 1$} \]", "x=x+1"),
    "\\quad, then more formula": ("", r"\[ x = x \quad + 1 \]", "x=x+1"),
    "&&, then more formula": ("", "\\begin{align*}\n  x &= x && + 1\n\\end{align*}", "x=x+1"),
    "opening words ending in mathematics": ("", r"\[ \text{hence $1 +$} x = x \]", "1+x=x"),
    "an inner \\end before the display's": (
        "", "\\begin{equation}\n  \\begin{aligned} x &= x \\end{aligned} + 1 \\end{equation}",
        "x=x+1"),
    "\\def after \\newcommand": ("\\newcommand{\\one}{1}\n\\def\\one{2}", r"\[ x \cdot \one = x \]",
                                 "x·2=x"),
    "\\let after \\newcommand": ("\\newcommand{\\one}{1}\n\\newcommand{\\two}{2}\n\\let\\one\\two",
                                 r"\[ x \cdot \one = x \]", "x·2=x"),
    "\\let on a command the reader knows": ("\\let\\log\\exp", r"\[ \log 1 = 0 \]", "exp1=0"),
    "\\renewcommand inside a group": ("\\newcommand{\\one}{2}\n{\\renewcommand{\\one}{1}}",
                                      r"\[ x \cdot \one = x \]", "x·2=x"),
    "\\renewcommand inside \\iffalse": ("\\newcommand{\\one}{2}\n\\iffalse\n"
                                        "\\renewcommand{\\one}{1}\n\\fi",
                                        r"\[ x \cdot \one = x \]", "x·2=x"),
    "\\renewcommand at \\begin{document}": ("\\newcommand{\\one}{1}\n"
                                            "\\AtBeginDocument{\\renewcommand{\\one}{2}}",
                                            r"\[ x \cdot \one = x \]", "x·2=x"),
    "\\csname": ("\\newcommand{\\one}{1}\n\\expandafter\\def\\csname one\\endcsname{2}",
                 r"\[ x \cdot \one = x \]", "x·2=x"),
    "a macro's body uses a \\def'd command": (
        "\\def\\two{2}\n\\newcommand{\\one}{1}\n\\renewcommand{\\one}{\\two}",
        r"\[ x \cdot \one = x \]", "x·2=x"),
    "\\DeclareRobustCommand": ("\\newcommand{\\one}{1}\n\\DeclareRobustCommand{\\one}{2}",
                               r"\[ x \cdot \one = x \]", "x·2=x"),
    "a changed \\mathcode": ("\\mathcode`\\+=\"2200", r"\[ 2 + 2 = 4 \]", "2−2=4"),
    # a second review's cases: definitions the reader missed, reader and row-splitting bugs
    "a control symbol redefined": ("\\renewcommand{\\,}{+}", r"\[ x\,x = 2 x \]", "x+x=2x"),
    "an active character": ("\\let~+", r"\[ x~x = 2 x \]", "x+x=2x"),
    "\\renewcommand{~}": ("\\renewcommand{~}{+}", r"\[ x~x = 2 x \]", "x+x=2x"),
    "a macro with an optional argument": ("\\renewcommand{\\cdot}[1][]{+}",
                                          r"\[ x \cdot x = 2 x \]", "x+x=2x"),
    "\\@namedef": ("\\makeatletter\\@namedef{cdot}{+}\\makeatother",
                    r"\[ x \cdot x = 2 x \]", "x+x=2x"),
    "an inner command of \\sqrt": ("\\renewcommand{\\sqrtsign}{}", r"\[ \sqrt{4} = 2 \]",
                                    "4=2"),
    "\\everydisplay": ("\\everydisplay{2}", r"\[ x = x \]", "2x=x"),
    "a local definition in \\begingroup": (
        "\\newcommand{\\two}{3}\n\\begingroup\\renewcommand{\\two}{2}\\endgroup",
        r"\[ 1 + 1 = \two \]", "1+1=3"),
    "a \\fi in a macro's body": (
        "\\newcommand{\\two}{3}\n{\\newcommand{\\stopit}{\\fi}\\renewcommand{\\two}{2}}",
        r"\[ 1 + 1 = \two \]", "1+1=3"),
    "a definition in \\verb": ("\\newcommand{\\two}{3}", r"\[ 1 + 1 = \two \]", "1+1=3",
                                "Write \\verb|\\renewcommand{\\two}{2}| to change it.\n"),
    "a % in \\verb": ("", r"\[ x \cdot x = x^2 \]", "x+x=x2",
                       "A percent sign is \\verb|%| in \\LaTeX.\\renewcommand{\\cdot}{+}\n"),
    "a \\[ in \\verb": ("", r"\[ 1 + 1 = 3 \]", "1+1=3", "Type \\verb|\\[| to open.\n"),
    "a \\[ taken by \\let": ("\\let\\oldopen\\[", r"\[ 1 + 1 = 3 \]", "1+1=3"),
    "\\begin {align*} with a space": ("", "\\begin {align*}\n  x &= x + 1\n\\end{align*}",
                                      "x=x+1"),
    "a macro as an exponent": ("\\newcommand{\\nn}{12}", r"\[ 2^\nn = 4096 \]", "212=4096"),
    "a tab before an argument": ("\\newcommand{\\p}[1]{#1 + 1}", "\\[ y = \\p\t{y} \\]",
                                 "y=y+1"),
    "a control word as an argument": ("\\newcommand{\\inc}[1]{#1 + 1}",
                                      r"\[ \inc\pi = \pi \]", "π+1=π"),
    "aligned's optional argument": (
        "", "\\begin{equation}\\begin{aligned}[b] x &= 2 x \\end{aligned}\\end{equation}",
        "x=2x"),
    "a space before alignat's column count": (
        "", "\\begin{alignat*} {2}\n  x &= 2 x\n\\end{alignat*}", "x=2x"),
    "gather's rows stand alone": ("", "\\begin{gather*}\n  x = 2 x \\\\\n  - x\n\\end{gather*}",
                                  "x=2x"),
    "a lone row before an align row": ("", "\\begin{align*}\n  2 \\\\\n  x &= 2 x\n\\end{align*}",
                                       "x=2x"),
    "columns continued on a later row": (
        "", "\\begin{align*}\n  x &= x & y &= y + 1 \\\\\n  &\\quad - 1\n\\end{align*}", "y=y+1"),
    "\\ensuremath in opening words": (
        "", r"\[ \text{so \ensuremath{1 +} } x = x \]", "1+x=x"),
    "a \\tag with a bare relation": ("", r"\[ x = x \tag{$1 = 2$} \]", "(1=2)"),
    "a bracket that reads as a factor": ("", r"\[ x = x \quad (x + 1) \]", "x=x(x+1)"),
    # a third review's: rows and words the reader dropped, notation read one way of two
    "a row with no relation under an equation": (
        "", "\\begin{align*}\n  2 x &= x + x \\\\\n  &\\qquad (1 + x)\n\\end{align*}",
        "2x=x+x(1+x)"),
    "\\\\ in an equation": ("", "\\begin{equation}\n  2 x = x + x \\\\ (1 + x)\n\\end{equation}",
                           "2x=x+x(1+x)"),
    "\\\\ in \\[ \\]": ("", r"\[ x = x \\ 2 \]", "x=x2"),
    "alignat's &\\quad&": ("", "\\begin{alignat*}{2}\n  2 x &= x + x &\\quad& (1 + x)\n"
                                "\\end{alignat*}", "2x=x+x(1+x)"),
    "a function's name as opening words": ("", r"\[ \text{log}(1) = 1 \]", "log(1)=1"),
    "a word set against a bracket": ("", r"\[ x = x \text{ log}(1) \]", "x=xlog(1)"),
    "a decimal after the full stop": ("", r"\[ 2 = 2.\text{5} \]", "2=2.5"),
    "a \\ref that prints an operator": (
        "", r"\[ x = x \quad \ref{plus} \]", "x=x+1",
        "\\begin{equation} y = y \\tag{+1}\\label{plus} \\end{equation}\n"),
    "a \\tag with an operator": ("", r"\[ x = x \tag*{$1 +$} \]", "x=x1+"),
    "a negative \\hspace written +-": (
        "", r"\[ 2 - 1 = 1 \text{ by\hspace{+-2.75em}\textbar} \]", None),
    "angle brackets": ("", r"\[ \langle x^2 \rangle = \langle x \rangle^2 \]", None),
    "a bracketed superscript": ("", r"\[ x^{(2)} = x^2 \]", None),
    "a product's body divided": (
        "", "% proofs: where x_i \\in \\mathbb{R}, n \\geq 1\n"
        r"\[ \prod_{i=1}^{n} x_i / 2 = \prod_{i=1}^{n} \frac{x_i}{2} \]", None),
    "\\pi before a bracket": ("", r"\[ \pi(x) = \pi x \]", "π(x)=πx"),
    "a number, a blank, e, a number": ("", r"\[ 2 e 3 = 6 e \]", "2e3=6e"),
    # (these show on the page, not in pdftotext's words: no printed text to compare)
    "a box that overprints": ("", r"\[ x = x \text{ by}\llap{$+1$\hspace{2em}} \]", None),
    "a mixed number": ("", r"\[ {2}\frac{1}{2} = 1 \]", None),
    # a fourth review's cases
    "an empty superscript": ("", r"\[ 2^{}3 = 8 \]", "23=8"),
    "braces around a sign, squared": ("", r"\[ {-x}^2 = x^2 \]", "−x2=x2"),
    "braces around a sum, in a product": ("", r"\[ 2{x + 1} = 2x + 2 \]", "2x+1=2x+2"),
    # read as printed, e^x + 1, and false at x = 0 (2 against e)
    "a braced argument holding a sum": ("", r"\[ \exp{x + 1} = \exp(x + 1) \]",
                                         "expx+1=exp(x+1)"),
    "a Greek letter's name as a word": ("", r"\[ x \mathit{mu} = x \mu \]", None),
    "alignat's count spaced": ("", "\\begin{alignat*}{ 2 }\n  x &= 2 x\n\\end{alignat*}", "x=2x"),
    "alignat's count unbraced": ("", "\\begin{alignat*}2\n  x &= 2 x\n\\end{alignat*}", "x=2x"),
    "a rule of negative width": ("", r"\[ 2 - 1 = 1 \text{ by\rule{-4.4em}{0pt}\textbar} \]", None),
    "a space of a length register": ("\\newlength{\\back}\n\\setlength{\\back}{-4.4em}",
                                     r"\[ 2 - 1 = 1 \text{ by\hspace{\back}\textbar} \]", None),
    "a picture": ("", r"\[ 2 - 1 = 1 \text{ by\begin{picture}(0,0)\put(-44,0){\textbar}"
                      r"\end{picture}} \]", None),
    "white ink": ("", "\\begin{align*}\n  2x &= x \\quad \\text{by algebra\\pdfliteral{1 g}} "
                      "\\\\\n  &\\quad + x\n\\end{align*}", None),
    "\\verb in a display": ("", r"\[ x = x \verb|+1| \]", "x=x+1"),
    "^^M ends TeX's line": ("\\newcommand{\\foo}{1}^^M\\renewcommand{\\cdot}{+}",
                            r"\[ x \cdot x = 2 x \]", "x·x=2x"),
    "a \\bgroup": ("\\bgroup\\renewcommand{\\cdot}{+}\\egroup", r"\[ x \cdot x = 2 x \]",
                   "x·x=2x"),
    "an unbraced body": ("\\renewcommand\\cdot+", r"\[ x \cdot x = x^2 \]", "x+x=x2"),
    "a font bound to a command": ("\\font\\cdot=cmr10", r"\[ 2 \cdot 3 = 6 \]", None),
    # \cA → \cB → … → \cL → \cdot, each \newcommand on a line of its own
    "macros eleven deep": ("\\renewcommand{\\cdot}{+}\n" + "".join(
        f"\\newcommand{{\\c{a}}}{{\\c{b}}}\n" for a, b in zip("ABCDEFGHIJK", "BCDEFGHIJKL"))
                           + "\\newcommand{\\cL}{\\cdot}",
                           r"\[ x \cA x = x^2 \]", "x+x=x2"),
    "code written to the .aux file": (
        "\\makeatletter\\immediate\\write\\@auxout{\\@backslashchar gdef\\@backslashchar "
        "cdot{+}}\\makeatother", r"\[ x \cdot x = x^2 \]", None),
    "a wide space before a bracket": ("", r"\[ x^2 + x = x \hspace{3em} (x + 1) \]", None),
    "tildes before a bracket": ("", r"\[ x^2 + x = x ~~~~~~~~ (x + 1) \]", None),
    "\\pi as an index": ("", r"\[ \sum_{\pi=1}^{2} \pi = 2\pi \]", None),
    "a line break before a command's name": ("\\newcommand{\\two}{2}", r"\[ 1 + 2 = \two \]",
                                             "1+2=2", "Hence\\\\renewcommand{\\two}{3}\n"),
    "a line break before \\endinput": ("", r"\[ 1 + 1 = 3 \]", "1+1=3",
                                       "We recall.\\\\endinput is not needed.\n"),
    # TeX runs the \renewcommand the checker had taken for \verb's text
    "a line break before \\verb": ("", r"\[ x \cdot x = x^2 \]", "x+x=x2",
                                   "Text\\\\verb|\\renewcommand{\\cdot}{+}|\n"),
    "a definition on a display's last line": (
        "\\newcommand{\\two}{3}", r"\[ 1 + 2 = \two \]", "1+2=2",
        "\\begin{align*}\n  x &= x\n\\end{align*}\\renewcommand{\\two}{2}\n"),
    "a definition after a display, on its line": (
        "", r"\begin{equation} x \cdot x = 2x \end{equation} \renewcommand{\cdot}{+}", "x·x=2x"),
    # a sixth review's cases
    "an empty superscript after a blank": ("", r"\[ x^ {}2 = x \cdot x \]", "x2=x·x"),
    "an empty superscript after a blank, numbers": ("", r"\[ 2^ {}3 = 8 \]", "23=8"),
    "an empty numerator": ("", r"\[ \frac{}{1}{2} = \frac{1}{2} \]", None),
    "an empty square root": ("", r"\[ \sqrt{}{4} = 2 \]", None),
    "negative thin spaces overprinting": ("", r"\[ x\!\!\!\!x = x^2 \]", None),
    "negative thin spaces between dropped commands": (
        "", r"\[ x\!\nonumber\!\nonumber\!\nonumber\!x = x^2 \]", None),
    # a third review: \! split by what prints nothing, a line's space in a register
    "negative thin spaces between \\vspace": (
        "", "\\[ 2 + 2 \\; " + "\\!\\vspace{0pt}" * 12 + " + 2 = 6 \\]", None),
    "a line's space in a register": ("\\newlength{\\up}\\setlength{\\up}{-15pt}",
                                     "\\begin{align*}\n  2 + 2 &= 4 \\\\[\\up]\n  2 &= 4 - 2\n"
                                     "\\end{align*}", None),
    "a line's space in mu": ("", "\\begin{align*}\n  2 + 2 &= 4 \\\\[3mu]\n  &= 5 - 1\n"
                                 "\\end{align*}", None),
    "a negative space between rows": ("", "\\begin{align*}\n  2 + 2 &= 4 \\\\[-3ex]\n"
                                          "  &= 5 - 1\n\\end{align*}", None),
    "negative thin spaces between \\displaystyle": (
        "", r"\[ x\!\displaystyle\!\displaystyle\!\displaystyle\!x = x^2 \]", None),
    "a second \\newcommand": ("\\newcommand{\\two}{2}\n\\newcommand{\\two}{3}",
                              r"\[ \two = 3 \]", None),
    "\\newcommand of a constant": ("\\newcommand{\\pi}{3}", r"\[ \pi = 3 \]", None),
    "\\newcommand of a function": ("\\newcommand{\\log}{\\exp}", r"\[ \log 0 = 1 \]", None),
    "\\DeclareMathOperator of a function": ("\\DeclareMathOperator{\\ln}{exp}",
                                            r"\[ \ln 0 = 1 \]", None),
    "verbatim ended with a space": ("", r"\[ x \cdot x = 2 x \]", "x·x=2x",
                                    "\\begin{verbatim}\n\\end {verbatim}\n"
                                    "\\renewcommand{\\cdot}{+}\n\\end{verbatim}\n"),
}


def _printed_otherwise(folder, name):
    head, display, _, *before = PRINTED_OTHERWISE[name]
    text = PREAMBLE.replace("\\begin{document}", head + "\n\\begin{document}\n" + "".join(before))
    path = Path(folder, "paper.tex")
    path.write_text(text + "% proofs: where x \\in \\mathbb{R}\n" + display + "\n\\end{document}\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(PRINTED_OTHERWISE))
def test_a_display_printed_otherwise_than_read_is_refused(tmp_path, name):
    findings = check_file(_printed_otherwise(tmp_path, name))
    # read as printed and found false (the inner \end), or refused as not read faithfully
    assert [f.status for f in findings] in (["unreadable"], ["false"]), [
        (f.status, f.message) for f in findings]
    assert "\n" not in findings[0].message


@pytest.mark.parametrize("name", sorted(name for name, case in PRINTED_OTHERWISE.items()
                                         if case[2] is not None))
def test_the_refused_displays_are_printed_as_false_equations(tmp_path, name):
    """The cases above are what they say: TeX prints the false equation (so a pass would have been a
    false claim accepted)."""
    from tests.tools import compile_tex, pdf_text

    path = _printed_otherwise(tmp_path, name)
    compile_tex(tmp_path, "paper", path.read_text(encoding="utf-8"))
    printed = "".join(pdf_text(tmp_path / "paper.pdf").split()).replace("-", "−")
    assert PRINTED_OTHERWISE[name][2] in printed, printed


@pytest.mark.parametrize("display", [
    r"\[ x = x, \quad x \in \mathbb{R} \]",
    r"\[ x = x \quad \text{for every } x \]",
    r"\[ x = x \quad \text{for all $x$} \]",
    r"\[ x = x \quad (x \in \mathbb{R}) \]",
    r"\[ x = x \qquad \forall x \]",
    "\\begin{align*}\n  2 x &= x + x && \\text{by algebra}\n\\end{align*}",
    "\\begin{align*}\n  2 x &= x + x && (\\text{algebra})\n\\end{align*}",
    r"\[ \text{hence } 2 x = x + x \]",
    "\\begin{equation}\n  \\begin{aligned} 2 x &= x + x \\end{aligned}\n\\end{equation}",
])
def test_words_after_a_formula_are_still_taken_as_words(tmp_path, display):
    path = write_paper(tmp_path, "% proofs: where x \\in \\mathbb{R}\n" + display + "\n")
    findings = check_file(path)
    assert [f.status for f in findings] == ["proved"], [f.message for f in findings]


def test_macros_defined_at_the_top_level_are_still_expanded_beside_groups_and_conditionals(
        tmp_path):
    """What the hazards leave alone: \\makeatletter, a \\newif, a balanced conditional and a group
    before a top-level \\newcommand, the package's own preamble (\\AtBeginDocument with
    \\ifdefined), a \\def of an unrelated command, a new environment, an xparse command the display
    does not use."""
    import proofs

    head = "\n".join([proofs.prove("bernoulli").preamble(), "\\makeatletter\\makeatother",
                      "\\newif\\ifdraft", "\\ifdraft\\newcommand{\\other}{3}\\fi",
                      "{\\bfseries}", "\\def\\unrelated{5}", "\\newcommand{\\two}{2}",
                      "\\newenvironment{remarkbox}{\\begin{quote}}{\\end{quote}}",
                      "\\NewDocumentCommand{\\Var}{m}{\\operatorname{Var}(#1)}"])
    text = PREAMBLE.replace("\\begin{document}", head + "\n\\begin{document}")
    path = Path(tmp_path, "paper.tex")
    path.write_text(text + "% proofs: where x \\in \\mathbb{R}\n\\[ \\two x = x + x \\]\n"
                    "\\end{document}\n", encoding="utf-8")
    findings = check_file(path)
    assert [f.status for f in findings] == ["proved"], [f.message for f in findings]


def test_a_file_input_inside_a_group_makes_its_definitions_hazards(tmp_path):
    Path(tmp_path, "macros.tex").write_text("\\renewcommand{\\one}{1}\n", encoding="utf-8")
    text = PREAMBLE.replace("\\begin{document}",
                            "\\newcommand{\\one}{2}\n{\\input{macros}}\n\\begin{document}")
    path = Path(tmp_path, "paper.tex")
    path.write_text(text + "% proofs: where x \\in \\mathbb{R}\n\\[ x \\cdot \\one = x \\]\n"
                    "\\end{document}\n", encoding="utf-8")
    findings = check_file(path)
    assert [f.status for f in findings] == ["unreadable"], [f.message for f in findings]
    assert "group" in findings[0].message


@pytest.mark.parametrize("files, head", [
    # only the first \input of a line was followed
    ({"a.tex": "", "b.tex": "\\renewcommand{\\cdot}{+}\n"}, "\\input{a}\\input{b}"),
    # a line's definitions were applied before its \input
    ({"a.tex": "\\renewcommand{\\cdot}{\\times}\n"}, "\\input{a}\\renewcommand{\\cdot}{+}"),
    # lines after \endinput were read
    ({"defs.tex": "\\renewcommand{\\cdot}{+}\\endinput\n\\renewcommand{\\cdot}{\\times}\n"},
     "\\input{defs}"),
    # TeX reads defs.v2.tex for \input{defs.v2}
    ({"defs.v2.tex": "\\renewcommand{\\cdot}{+}\n", "defs.v2": "\\renewcommand{\\cdot}{\\times}\n"},
     "\\input{defs.v2}"),
    # \InputIfFileExists was not followed
    ({"defs.tex": "\\renewcommand{\\cdot}{+}\n"}, "\\InputIfFileExists{defs}{}{}"),
])
def test_inputs_are_followed_as_tex_follows_them(tmp_path, files, head):
    """x · x = x² is printed as x + x = x² in each paper (the inputs make · a +): it must not be
    read as the true x·x = x²."""
    for name, text in files.items():
        Path(tmp_path, name).write_text(text, encoding="utf-8")
    text = PREAMBLE.replace("\\begin{document}", head + "\n\\begin{document}")
    path = Path(tmp_path, "paper.tex")
    path.write_text(text + "% proofs: where x \\in \\mathbb{R}\n\\[ x \\cdot x = x^2 \\]\n"
                    "\\end{document}\n", encoding="utf-8")
    assert [f.status for f in check_file(path)] == ["false"]


def test_an_include_left_out_by_includeonly_is_not_read(tmp_path):
    Path(tmp_path, "sec.tex").write_text("\\renewcommand{\\cdot}{+}\n", encoding="utf-8")
    text = PREAMBLE.replace("\\begin{document}", "\\includeonly{}\n\\begin{document}")
    path = Path(tmp_path, "paper.tex")
    path.write_text(text + "\\include{sec}\n% proofs: where x \\in \\mathbb{R}\n"
                    "\\[ x \\cdot x = x^2 \\]\n\\end{document}\n", encoding="utf-8")
    assert [f.status for f in check_file(path)] == ["proved"]


@pytest.mark.parametrize("display", [
    r"\[ 2 x = x + x \quad \text{(by Lemma 1)} \]",
    "\\begin{align*}\n  2 x &= x + x && \\text{(by Lemma 1)}\n\\end{align*}",
    r"\[ 2 x = x + x \quad \text{i.e.\ twice } x \]",
    r"\[ 2 x = x + x \quad \text{a.s.} \]",
    r"\[ 2 x = x + x \quad [\text{by Lemma 1}] \]",
    r"\[ 2 x = x + x \qquad i = 1, \dots, n \]",
    r"\[ 2 x = x + x \qquad (i = 1, \dots, n) \]",
    r"\[ \text{i.e. } 2 x = x + x \]",
    r"\[ 2 x = x + x \tag*{for $x \in \mathbb{R}$} \]",
    r"\[ y_{\text{new}} = y_{\text{new}} + 0 \]",
    r"\[ \lvert x \rvert = \lvert -x \rvert \]",
    "\\begin{align*}\n  (x + 1)^2 &{}= x^2 + 2 x + 1\n\\end{align*}",
    r"\[ \ell_i + 1 = 1 + \ell_i \]",
    "\\begin{align*}\n  (x + 1)^2 (x - 1) &= (x^2 + 2 x + 1) \\\\\n  &\\qquad \\cdot (x - 1)\n"
    "\\end{align*}",
])
def test_words_papers_write_after_a_formula_are_taken_as_words(tmp_path, display):
    path = write_paper(tmp_path, "% proofs: where x \\in \\mathbb{R}\n" + display + "\n")
    findings = check_file(path)
    assert [f.status for f in findings] == ["proved"], [f.message for f in findings]


def test_a_blank_before_a_bracket_is_no_space_but_a_declared_number_is_no_function(tmp_path):
    """TeX prints q (x + 1) as q(x + 1): a function of x + 1, or a product? Refused, as without the
    blank; with q given a range (a number), the product."""
    display = "\\[ q (x + 1) = q x + q \\]\n"
    undeclared = write_paper(tmp_path, "% proofs: where x \\in \\mathbb{R}\n" + display)
    findings = check_file(undeclared)
    assert [f.status for f in findings] == ["unreadable"] and "a function or" in findings[0].message
    declared = write_paper(tmp_path, "% proofs: where x \\in \\mathbb{R}, q \\in \\mathbb{R}\n"
                           + display)
    assert [f.status for f in check_file(declared)] == ["proved"]


@pytest.mark.parametrize("display, claim", [
    (r"\[ 1 + 1 = 2 \text{ and } 2 + 2 = 5 \]", "2 + 2 = 5"),
    ("\\begin{align*}\n  1 + 1 &= 2, && 2 + 2 &= 5\n\\end{align*}", "2 + 2 = 5"),
    (r"\[ 1 + 1 = 2 \quad \text{by } \log(ab) = \log a \cdot \log b \]",
     r"\log(ab) = \log a \cdot \log b"),
    # mathematics in a tag's words is printed too (a relation more than a condition)
    (r"\[ 1 + 1 = 2 \tag*{by algebra, as $2 = 1 + 1$} \]", "2 = 1 + 1"),
])
def test_a_claim_written_after_the_words_fails_the_check(tmp_path, display, claim):
    """Words are not read; a second equation among them is printed and not checked: the report says
    so, and fails (a checked display states only what is checked; a review showed the warning it
    was let a false claim through with exit 0), and conditions (i = 1, …, n) stay words."""
    findings = check_file(write_paper(tmp_path, "% proofs: check\n" + display + "\n"))
    assert [f.status for f in findings] == ["unreadable", "proved"], [f.message for f in findings]
    assert f"'{claim}' after the words is printed and not checked" in findings[0].message


def test_a_mark_is_for_the_display_right_after_it(tmp_path):
    """A mark waited over text for the next display the reader saw: a display it did not see
    (inside a user's environment, or after a definition on its line) was printed unchecked, and
    the mark proved a later one (a fourth review's cases)."""
    body = ("\\newenvironment{myeq}{\\begin{equation}}{\\end{equation}}\n"
            "% proofs: check\n\\begin{myeq} 1 + 1 = 3 \\end{myeq}\n\nText.\n"
            "\\[ 1 + 1 = 2 \\]\n")
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["unreadable"]
    assert "does not begin a display" in findings[0].message
    assert findings[0].line == preamble_lines() + 2  # the mark's line
    # ranges still wait over words for the next display
    ranged = check_file(write_paper(tmp_path, "% proofs: where x \\in \\mathbb{R}\nSo\n"
                                              "\\[ 2 x = x + x \\]\n"))
    assert [f.status for f in ranged] == ["proved"]


def _paper_loading(folder, preamble_line, own_file, text):
    """A paper with `preamble_line` before \\begin{document}, the file `own_file` beside it, and
    x ≤ 1 marked for x ∈ (0, 1): the file makes ≤ print ≥, so the display must be refused."""
    (folder / own_file).write_text(text, encoding="utf-8")
    path = Path(folder, "paper.tex")
    head = PREAMBLE.replace("\\begin{document}", preamble_line + "\n\\begin{document}")
    if preamble_line.startswith("\\documentclass"):
        head = PREAMBLE.replace("\\documentclass{article}", preamble_line)
    path.write_text(head + "% proofs: where x \\in (0, 1)\n\\[ x \\leq 1 \\]\n\\end{document}\n",
                    encoding="utf-8")
    return check_file(path)


@pytest.mark.parametrize("loading", [
    "\\usepackage{paperdefs}",
    # a review: the package's name on the next line, after a % or inside a list, was not seen
    "\\usepackage{amsmath}\\usepackage\n{paperdefs}",
    "\\usepackage[]%\n{paperdefs}",
    "\\usepackage{amsmath,%\n  paperdefs}",
    "\\RequirePackage{paperdefs}",
])
def test_a_package_of_the_papers_own_is_not_read_and_so_refuses(tmp_path, loading):
    """\\usepackage{paperdefs} with a paperdefs.sty beside the paper: the reader does not read
    packages, so the displays after it are refused."""
    findings = _paper_loading(tmp_path, loading, "paperdefs.sty", "\\let\\leq\\geq\n")
    assert [f.status for f in findings] == ["unreadable"]
    assert "paperdefs.sty" in findings[0].message


def test_a_class_of_the_papers_own_is_not_read_and_so_refuses(tmp_path):
    """\\documentclass{mine} with a mine.cls beside the paper that makes ≤ print ≥."""
    assert PREAMBLE.startswith("\\documentclass{article}")
    findings = _paper_loading(tmp_path, "\\documentclass{mine}", "mine.cls",
                              "\\LoadClass{article}\\let\\leq\\geq\n")
    assert [f.status for f in findings] == ["unreadable"]
    assert "mine.cls" in findings[0].message


def test_a_display_left_open_at_the_end_of_its_file_is_unreadable(tmp_path):
    """A review: '\\[ 2x = x + x' in an \\input file, closed in the paper after '\\cdot 0 + 3',
    was certified up to the file's end while TeX printed 2x = x + x · 0 + 3."""
    (tmp_path / "part.tex").write_text("% proofs: check\n\\[ 2x = x + x\n", encoding="utf-8")
    path = Path(tmp_path, "paper.tex")
    path.write_text(PREAMBLE + "\\input{part}\n\\cdot 0 + 3 \\]\n\\end{document}\n",
                    encoding="utf-8")
    findings = check_file(path)
    assert [f.status for f in findings] == ["unreadable"]
    assert "not closed before the end of the file" in findings[0].message


@pytest.mark.parametrize("loading", [
    "\\makeatletter\\@@input macros \\makeatother",
    "\\expandafter\\input\\expandafter{macros}",
    "\\newcommand{\\inp}{\\input}\\inp{macros}",
    "\\csname input\\endcsname{macros}",
])
def test_an_input_written_otherwise_than_input_file_refuses_what_follows(tmp_path, loading):
    """A review: each of these reads macros.tex, whose \\newcommand{\\two}{3} the reader
    never saw, and 2 + 2 = 4 printed as 3 + 3 = 4 was certified; \\input{macros} is followed."""
    (tmp_path / "macros.tex").write_text("\\newcommand{\\two}{3}\n", encoding="utf-8")
    display = "% proofs: check\n\\[ \\two + \\two = 4 \\]\n\\end{document}\n"
    path = Path(tmp_path, "paper.tex")
    path.write_text(PREAMBLE.replace("\\begin{document}", loading + "\n\\begin{document}") +
                    display, encoding="utf-8")
    assert [f.status for f in check_file(path)] == ["unreadable"]
    path.write_text(PREAMBLE.replace("\\begin{document}", "\\input{macros}\n"
                                     "\\begin{document}") + display, encoding="utf-8")
    assert [f.status for f in check_file(path)] == ["false"]


def test_inputs_are_found_as_tex_finds_them(tmp_path):
    """\\input{defs.tex} reads defs.tex, not defs.tex.tex; \\include{sec} reads sec.tex only,
    and skips a file named sec (the checker read the other file in each case)."""
    (tmp_path / "defs.tex").write_text("\\renewcommand{\\two}{2}\n", encoding="utf-8")
    (tmp_path / "defs.tex.tex").write_text("\\renewcommand{\\two}{3}\n", encoding="utf-8")
    (tmp_path / "sec").write_text("\\renewcommand{\\two}{3}\n", encoding="utf-8")
    for command in ("\\input{defs.tex}", "\\include{sec}"):
        path = Path(tmp_path, "paper.tex")
        path.write_text(PREAMBLE.replace("\\begin{document}", "\\newcommand{\\two}{2}\n"
                                         "\\begin{document}") + command + "\n% proofs: check\n"
                        "\\[ 1 + 2 = \\two \\]\n\\end{document}\n", encoding="utf-8")
        assert [f.status for f in check_file(path)] == ["false"], command


def test_an_input_on_a_displays_line_refuses_it(tmp_path):
    """\\[ x \\cdot x = 2x \\] \\input{plusdefs}: the input was applied before the display."""
    (tmp_path / "plusdefs.tex").write_text("\\renewcommand{\\cdot}{+}\n", encoding="utf-8")
    findings = check_file(write_paper(tmp_path, "% proofs: where x \\in \\mathbb{R}\n"
                                                "\\[ x \\cdot x = 2x \\] \\input{plusdefs}\n"))
    assert [f.status for f in findings] == ["unreadable"]
    assert "shares line" in findings[0].message


@pytest.mark.parametrize("display", [
    r"\[ 1 + 1 = 2 \tag*{and so $2+2=5$} \]",
    "\\begin{align*}\n  1 + 1 &= 2 \\\\\n  \\intertext{and so $2 + 2 = 5$}\n  2 &= 2\n"
    "\\end{align*}",
    r"\[ 1 + 1 = 2 \quad \text{and so $2 + 2 = 5$} \]",
    r"\[ 1 + 1 = 2, \quad n = n + 1 \]",
    # a sixth review's: a constant is no letter a condition is about, and words that conclude
    r"\[ \log e^{x} = x \quad \text{and so } \pi < 3 \]",
    r"\[ x = x \quad e = 3 \]",
    r"\[ x + x = 2x, \quad \pi \in \mathbb{Q} \]",
    r"\[ x = x \quad\text{and}\quad e < 2 \]",
    r"\[ (x-1)^2 = x^2-2x+1 \quad \text{hence } x > 1 \]",
    r"\[ x = x \quad \Rightarrow \quad x > 1 \]",
    # a seventh review's: words that conclude are any words but a condition's
    r"\[ (x-1)^2 = x^2-2x+1 \quad \text{consequently } x > 1 \]",
    r"\[ (x-1)^2 = x^2-2x+1 \quad \text{we obtain } x > 1 \]",
    r"\[ (x-1)^2 = x^2-2x+1 \quad \text{it follows that } x > 1 \]",
    # a second review of the fixes: a chain in a condition states more than it
    r"\[ x + x = 2x, \quad n = 2 + 2 = 5 \]",
    r"\[ x + x = 2x \quad \text{for } z = \sqrt{4} = 3 \]",
    r"\[ x + x = 2x \quad \text{where } y = 4 \leq 3 \]",
    # relations the reader does not read, in the words
    r"\[ 1 = 1 \quad \text{hence } 2 + 2 \neq 4 \]",
    r"\[ 1 = 1 \quad \text{and } 1 \approx 5 \]",
    r"\[ 2 = 2, \qquad \text{so } 2 \geqq 3 \]",
    # a fourth review: spacing after the words, bounds concluded, relations in the words
    # themselves, relations the list did not name, abbreviations, "and" after the formula
    r"\[ x = 2x - x \quad \text{hence} \quad x > 1 \]",
    r"\[ x = 2x - x \quad \text{hence}\; x > 1 \]",
    r"\[ x = 2x - x \quad \text{hence}, x > 1 \]",
    r"\[ x = 2x - x, \quad \implies \quad x > 1 \]",
    r"\[ x = 2x - x \quad \text{hence } 1 < x \]",
    r"\[ x = 2x - x \quad \text{for } 3 < e \]",
    r"\[ x = 2x - x \quad \text{hence 2 + 2 = 5} \]",
    r"\[ x = 2x - x \tag{hence 2 + 2 = 5} \]",
    r"\[ x = 2x - x \quad \text{hence } 2 \lneq 1 \]",
    r"\[ x = 2x - x \quad \text{where } 2 \triangleq 3 \]",
    r"\[ x = 2x - x, \quad \text{i.e. } x > 5 \]",
    r"\[ x = 2x - x \quad \text{and } x > 5 \]",
    # a fifth review: other text commands, a relation as a text command, one-letter claims in
    # $…$ after concluding words, a condition's words after concluding ones, arrows
    r"\[ x^2 \geq 0 \quad \mbox{hence } x \geq 0 \]",
    r"\[ x^2 \geq 0 \quad \textrm{hence } x \geq 0 \]",
    r"\[ x^2 \geq 0 \quad \text{hence } x \text{ \textgreater\ } 1 \]",
    r"\[ x^2 \geq 0 \quad \text{hence $x \geq 0$} \]",
    r"\[ x^2 \geq 0 \tag{hence $x \geq 0$} \]",
    r"\[ x^2 \geq 0 \quad \text{hence, for every } x, x \geq 1 \]",
    r"\[ x^2 \geq 0 \quad \text{and for every } x, x \geq 1 \]",
    r"\[ x^2 \geq 0, \quad \rightarrow \quad x \geq 1 \]",
    r"\[ x^2 \geq 0 \quad \text{if and only if } x \geq 1 \]",
    # a sixth review: words that conclude and end on a condition's word, reasons, and a second
    # relation after a condition
    r"\[ x = x \text{ so we arrive at } x > 5 \]",
    r"\[ x = x \text{ hence, all in all, } x > 5 \]",
    r"\[ x^2 - x = x(x - 1) \quad \text{whose minimum is attained at } x = 5 \]",
    r"\[ x = x \text{ so we arrive at $x > 5$} \]",
    r"\[ x = x \tag{we arrive at $x > 5$} \]",
    r"\[ x = x \text{ since } x > 5 \]",
    r"\[ x = x \text{ because } x > 5 \]",
    r"\[ x = x \text{ as } x > 5 \]",
    r"\[ x = x \text{ for } x > 0, \; x > 5 \]",
    r"\[ x = x \quad \text{hence, for every $x$, $x \geq 1$} \]",
    # a seventh review: words without letters between a condition and a claim, and a second
    # $…$ in a condition's body
    r"\[ x < 1 \text{ when } x > 0 \text{, } x > 5 \]",
    r"\[ x < 1 \text{ for every } x \text{, } x > 5 \]",
    r"\[ x < 1, \quad x > 0 \text{,} \quad x > 5 \]",
    r"\[ x < 1 \text{ for $x > 0$, $x > 5$} \]",
    r"\[ x < 1 \text{ for every $x$, $x > 5$} \]",
    r"\[ x < 1 \tag{for $x > 0$, $x > 5$} \]",
])
def test_a_claim_among_the_words_fails_wherever_it_is_written(tmp_path, display):
    """In a \\tag, an \\intertext, inside \\text, a one-letter left side stating something of
    itself, a constant's, or one the words conclude: printed, not read (reviews found each
    passing)."""
    findings = check_file(write_paper(tmp_path, "% proofs: check\n" + display + "\n"))
    assert "unreadable" in [f.status for f in findings], [(f.status, f.message) for f in findings]
    assert any("printed and not checked" in f.message or "is not read" in f.message
               for f in findings)



def test_a_counterexample_shows_the_digits_that_tell_its_sides_apart(tmp_path):
    # a review: 1.0000000000000001 = 1 was refuted with "the sides are 1.0 and 1.0"
    path = write_paper(tmp_path, "% proofs: check\n\\[ 1.0000000000000001 = 1 \\]\n")
    findings = check_file(path)
    assert [f.status for f in findings] == ["false"]
    assert "the sides are 1.0000000000000001 and 1.0" in findings[0].message, findings[0].message


@pytest.mark.parametrize("words", [r"\text{for } |x| < 1", r"\text{for } \mathbf{x} \in \mathbb{R}",
                                   r"\text{for } x > 0 \text{ and } y > 0",
                                   r"\text{as } n \to \infty", r"\text{(by Lemma 1)}",
                                   r"\text{for every } i \neq j", r"\text{for } \theta \in \Theta",
                                   r"\emph{by symmetry}", r"\text{i.e. for } 0 < x < 1",
                                   r"\text{where } 0 < x < 1 \text{ and } y \geq 0",
                                   r"\text{for } 0 < x < 1", r"\text{whenever } 0 < x \le 1",
                                   r"\text{for } x \neq 0", r"(i = 1, \dots, n)",
                                   r"\text{for every } x", r"\text{for all } x > 0",
                                   r"\text{where } x > 0", r"\text{if } x \geq 1",
                                   r"\text{such that } x > 0", r"\text{for } i = 1, \dots, n"])
def test_a_condition_after_the_words_stays_words(tmp_path, words):
    findings = check_file(write_paper(tmp_path, "% proofs: where x \\in \\mathbb{R}\n"
                                                f"\\[ x + x = 2x \\quad {words} \\]\n"))
    assert [f.status for f in findings] == ["proved"], [f.message for f in findings]


def test_a_second_newcommand_in_another_file_is_refused(tmp_path):
    """LaTeX stops at it and keeps the first meaning (a review: \\two = 3 passed, printed 2 = 3)."""
    (tmp_path / "sec.tex").write_text(
        "\\newcommand{\\two}{3}\n% proofs: check\n\\[ \\two = 3 \\]\n", encoding="utf-8")
    text = PREAMBLE.replace("\\begin{document}", "\\newcommand{\\two}{2}\n\\begin{document}")
    path = Path(tmp_path, "paper.tex")
    path.write_text(text + "\\input{sec}\n\\end{document}\n", encoding="utf-8")
    findings = check_file(path)
    assert [f.status for f in findings] == ["unreadable"], [f.message for f in findings]
    assert "made again with \\newcommand" in findings[0].message



def test_a_log_with_negative_thin_spaces_apart_is_read(tmp_path):
    """One \\! before each bracket is typography, not overprinting (refused by a first fix)."""
    path = write_paper(tmp_path, "% proofs: where a \\in (0, \\infty), b \\in (0, \\infty)\n"
                       "\\[ \\log\\!\\left(\\frac{a}{b}\\right) = \\log\\!\\left(a\\right)"
                       " - \\log b \\]\n")
    assert [f.status for f in check_file(path)] == ["proved"]


FORGED_SETTINGS = {  # a hand-made fragment (its hash shows edits, not forgery), reviews' cases
    "an equation after the Setting": ("\\medskip\\noindent\\textbf{Setting.} Let $x \\in "
                                      "\\mathbb{R}$. Then\n\\begin{equation}\n  2 + 2 = 5.\n"
                                      "\\end{equation}\n"),
    "a second align* after the definitions": (
        "\\medskip\\noindent\\textbf{Setting.} Let $x \\in \\mathbb{R}$, and define\n"
        "\\begin{align*} L &= x \\end{align*}\n\\begin{align*} 2 + 2 &= 5 \\end{align*}\n"),
    "a Setting heading in a comment": "\\begin{align*}\n% \\textbf{Setting.}\n 2 + 2 &= 5 "
                                      "\\end{align*}\n",
}


@pytest.mark.parametrize("name", sorted(FORGED_SETTINGS))
def test_only_the_definitions_a_fragment_s_setting_lists_are_passed_over(tmp_path, name):
    """The reader passed over a display after the Setting as its definitions: 2 + 2 = 5."""
    from proofs.fragment import content_hash

    body = FORGED_SETTINGS[name]
    forged = (f"% Generated by proofs: theorem 'mine'.\n% Content: sha256 {content_hash(body)} "
              "(`proofs verify FILE.tex` checks it).\n" + body)
    path = Path(tmp_path, "forged.tex")
    path.write_text(forged, encoding="utf-8")
    assert [f.status for f in check_file(path)] == ["false"]


def test_a_fragment_s_own_definitions_are_read_not_checked(tmp_path):
    import proofs

    fragment = Path(tmp_path, "bernoulli.tex")
    fragment.write_text(proofs.prove("bernoulli").to_latex(), encoding="utf-8")
    assert {f.status for f in check_file(fragment)} == {"proved"}



def test_a_macro_named_without_braces_is_read(tmp_path):
    """\\newcommand\\one{2} was taken for an unbraced body (the regular expression backtracked
    into the name) and refused with advice to do what the paper did."""
    text = PREAMBLE.replace("\\begin{document}", "\\newcommand\\one{2}\n\\begin{document}")
    path = Path(tmp_path, "paper.tex")
    path.write_text(text + "% proofs: check\n\\[ \\one + \\one = 4 \\]\n\\end{document}\n",
                    encoding="utf-8")
    assert [f.status for f in check_file(path)] == ["proved"]
    # an unbraced body of one token is still refused
    text = PREAMBLE.replace("\\begin{document}", "\\renewcommand\\cdot+\n\\begin{document}")
    path.write_text(text + "% proofs: check\n\\[ 2 \\cdot 2 = 4 \\]\n\\end{document}\n",
                    encoding="utf-8")
    assert [f.status for f in check_file(path)] == ["unreadable"]



@pytest.mark.parametrize("display", [
    "\\begin{align*}\n  2 x &= x + x \\\\[2pt]\n  &= x + x\n\\end{align*}",
    "\\[ \\log\\!\\Bigl(\\!\\frac{a}{b}\\Bigr) = \\log a - \\log b \\]",
])
def test_typography_that_cannot_overprint_is_read(tmp_path, display):
    path = write_paper(tmp_path, "% proofs: where x \\in \\mathbb{R}, a \\in (0, \\infty), "
                       "b \\in (0, \\infty)\n" + display + "\n")
    assert {f.status for f in check_file(path)} == {"proved"}, [
        f.message for f in check_file(path)]


# ------------------------------------------------------------------------------------------------
# a condition printed with the formula is within the ranges the steps are checked for: the ranges
# are comments, and the page states the formula for every value its condition allows
ABOVE_1 = "x \\in (1, \\infty)"  # the range most of these cases are checked in
WIDER_CONDITIONS = {
    "for every x > 0": (r"\log x > 0 \quad \text{for every } x > 0", ABOVE_1),
    "after a comma": (r"\log x > 0, \quad x > 0", ABOVE_1),
    "a chain": (r"\log x > 0 \quad \text{for } 0 < x < 2", ABOVE_1),
    "a set": (r"\log x > 0 \quad \text{for } x \in (0, \infty)", ABOVE_1),
    "a closed end": (r"\log x > 0 \quad \text{for } x \geq 1", ABOVE_1),
    "in the words' mathematics": (r"\log x > 0 \quad \text{for $x > 0$}", ABOVE_1),
    "in a tag": (r"\log x > 0 \tag*{for $x > 0$}", ABOVE_1),
    "forall": (r"\log x > 0 \qquad \forall x > 0", ABOVE_1),
    "in brackets": (r"\log x > 0 \quad (x > 0)", ABOVE_1),
    "a half-open set": (r"\log x > 0 \quad \text{for } x \in (0, 2]", ABOVE_1),
    "not a range": (r"\log x > 0 \quad \text{for } x \neq 1", ABOVE_1),
    "an absolute value": (r"\log x > 0 \quad \text{for } |x| > 1", ABOVE_1),
    "Greek": (r"\log \sigma > 0 \quad \text{for } \sigma > 0", "\\sigma \\in (1, \\infty)"),
    "a family's entry": (r"\log p_i < 0 \quad \text{for } p_i > 0", "p_i \\in (0, 1)"),
    # labels in {0, 1} are not soft labels in [0, 1]: only a count is read as whole numbers
    "soft labels": (r"y_i \in \{0, 1\} \quad \text{for } y_i \in [0, 1]",
                    "y_i \\in \\{0, 1\\}"),
    "a count": (r"\sum_{i=1}^{n} 1 = n \quad \text{for every } n \geq 0", "n \\geq 1"),
    # a second review: ranges said in words, sets alone, lists of values, ε written as ϵ, sympy
    # unable to compare the ends
    "positive in words": (r"\log x > 0 \quad \text{for every positive } x", ABOVE_1),
    "real in words": (r"\log x > 0 \quad \text{for every real } x", ABOVE_1),
    "the word after": (r"\log x > 0 \quad \text{for } x \text{ positive}", ABOVE_1),
    "a set alone": (r"\log x > 0 \quad \text{on } (0, \infty)", ABOVE_1),
    "a set after words": (r"\log x > 0 \quad \text{for every $x$ in } (0, \infty)",
                          ABOVE_1),
    "words in a tag": (r"\log x > 0 \tag{for all positive $x$}", ABOVE_1),
    "a list": (r"\log x > 0 \quad \text{for } x = 2, \tfrac12", ABOVE_1),
    "a list with and": (r"\log x > 0 \quad \text{for } x = 2 \text{ and } \tfrac12",
                        ABOVE_1),
    "epsilon written otherwise": (r"\log \frac{1}{\varepsilon} > 0 \quad \text{for every } "
                                  r"\epsilon > 0", "\\varepsilon \\in (0, 1)"),
    "ends sympy cannot compare": (r"\log x > 0 \quad \text{for } x \geq \sin^2 1 + \cos^2 1",
                                  ABOVE_1),
    # a third review: the letter typed as a word, sets the reader does not read, a longer list
    "the letter as a word": (r"\log x > 0 \quad \text{for every positive x}", ABOVE_1),
    "the letter as a word in a tag": (r"\log x > 0 \tag{for positive x}", ABOVE_1),
    "a French interval": (r"\log x > 0 \quad \text{for every } x \text{ in } ]0, \infty[",
                          ABOVE_1),
    "R plus": (r"\log x > 0 \quad \text{for every } x \text{ in } \mathbb{R}^+",
               ABOVE_1),
    "N": (r"\log x > 0 \quad \text{for every } x \text{ in } \mathbb{N}", ABOVE_1),
    "a list with or": (r"\log x > 0 \quad \text{for every } x = 2, 3 \text{ or } 1",
                       ABOVE_1),
    "a list with dots": (r"\log x > 0 \quad \text{for } x = 1, 2, \dots", ABOVE_1),
}


@pytest.mark.parametrize("name", sorted(WIDER_CONDITIONS))
def test_a_condition_wider_than_the_ranges_is_not_proved(tmp_path, name):
    display, where = WIDER_CONDITIONS[name]
    path = write_paper(tmp_path, f"% proofs: where {where}\n\\begin{{equation}}\n  {display}\n"
                                 "\\end{equation}\n")
    findings = check_file(path)
    assert [f.status for f in findings] == ["not proved"], [f.message for f in findings]
    assert "the steps are checked for" in findings[0].message, findings[0].message
    # without the condition, the step is proved: it is the condition that is refused
    plain = re.sub(r",? *(\\q?quad|\\tag).*", "", display)
    path = write_paper(tmp_path, f"% proofs: where {where}\n\\begin{{equation}}\n  {plain}\n"
                                 "\\end{equation}\n")
    assert [f.status for f in check_file(path)] == ["proved"], plain


@pytest.mark.parametrize("display, where", [
    (r"\log x > 0 \quad \text{for every } x > 1", ABOVE_1),
    (r"\log x > 0 \quad \text{for } x \geq 2", ABOVE_1),
    (r"\log x > 0 \quad \text{for } x = 2", ABOVE_1),
    (r"\log x > 0 \quad (x \in (2, 3))", ABOVE_1),
    (r"\log x > 0 \quad \text{for $1 < x \leq 5$}", ABOVE_1),
    (r"\log x > 0 \quad \text{for } x \in (1, \infty)", ABOVE_1),
    (r"\sum_{i=1}^{n} 1 = n \quad \text{for every } n \geq 1", "n \\geq 1"),
    (r"\sum_{i=1}^{n} 1 = n \quad \text{for every } n > 0", "n \\geq 1"),
    (r"y_i \in \{0, 1\} \quad \text{for } y_i \in \{0, 1\}", "y_i \\in \\{0, 1\\}"),
    (r"y_i \in \{0, 1\} \quad \text{for } i = 1, \dots, n", "y_i \\in \\{0, 1\\}"),
    (r"\log p_i < 0 \quad \text{for } 0 < p_i < 1", "p_i \\in (0, 1)"),
    (r"\log x > 0 \quad \text{for every } y > 0", ABOVE_1),
    (r"x^2 \geq 0 \quad \text{for } |x| < 1", "x \\in \\mathbb{R}"),
    # a second review: a bare quantifier is over the setting's range; a full stop ends the
    # sentence; a list within the range; words that say no range; an index's range up to n
    (r"\log x > 0 \qquad \forall x", ABOVE_1),
    (r"\log x > 0 \quad \text{for all } x", ABOVE_1),
    (r"\log x > 0 \quad \text{for every } x > 1.", ABOVE_1),
    (r"\log x > 0 \quad \text{for every } x \in (1, \infty).", ABOVE_1),
    (r"\log x > 0 \quad \text{for } x = 2, 3", ABOVE_1),
    (r"y_i \in \{0, 1\} \quad \text{where } y_i \text{ is the label}", "y_i \\in \\{0, 1\\}"),
    (r"\log p_i < 0 \quad \text{for } 1 \leq i \leq n", "p_i \\in (0, 1), n \\geq 1"),
    # a third review: counts as lists
    (r"\sum_{i=1}^{n} 1 = n \quad \text{for } n = 1, 2, \dots", "n \\geq 1"),
    (r"\log x > 0 \quad \text{for } x = 2, 3, \dots, 9", ABOVE_1),
])
def test_a_condition_within_the_ranges_stays_words(tmp_path, display, where):
    path = write_paper(tmp_path, f"% proofs: where {where}\n\\begin{{equation}}\n  {display}\n"
                                 "\\end{equation}\n")
    findings = check_file(path)
    assert [f.status for f in findings] == ["proved"], [f.message for f in findings]


@pytest.mark.parametrize("rows, status", [
    ("\\log x &> 0 \\\\\n  &\\text{for every } x > 0", "not proved"),
    ("\\log x &> 0 \\\\\n  &\\text{for every } x > 0 \\text{ (see above)}", "not proved"),
    ("\\log x &> 0 \\quad \\text{for every} \\\\\n  x &> 0", "unreadable"),
    ("\\log x &> 0 \\\\\n  \\intertext{for every} x &> 0", "unreadable"),
    ("\\text{for every } x > 0, \\\\\n  \\log x &> 0", "not proved"),
    ("\\log x &> 0 \\\\\n  &\\text{for every } x > 1", "proved"),
])
def test_a_row_that_is_a_condition_is_one(tmp_path, rows, status):
    """A review: a condition on a row of its own was read as a claim, true under the range."""
    path = write_paper(tmp_path, "% proofs: where x \\in (1, \\infty)\n\\begin{align*}\n  "
                                 f"{rows}\n\\end{{align*}}\n")
    findings = check_file(path)
    assert {f.status for f in findings} == {status}, [f.message for f in findings]


def test_a_wider_condition_on_another_row_fails_every_step_and_names_its_line(tmp_path):
    body = ("% proofs: where x \\in (1, \\infty)\n\\begin{align*}\n"
            "  \\log x^2 &= 2 \\log x \\\\\n"
            "  &> 0 && \\text{for every } x > 0\n\\end{align*}\n")
    path = write_paper(tmp_path, body)
    findings = check_file(path)
    assert [f.status for f in findings] == ["not proved", "not proved"]
    assert findings[0].message.endswith(f"(line {preamble_lines() + 4})"), findings[0].message
    assert "x ∈ (1, ∞)" in findings[0].message and "(line" not in findings[1].message
    result = run_check(path)
    assert result.returncode == 1 and "0 steps proved, 0 false, 2 not proved" in result.stderr


def test_a_count_from_two_is_said_to_be_no_count(tmp_path):
    """A review: with K ≥ 2 (reals), a log of a sum to K was refuted at K = 29/4, a point that is
    no count; the report now says what the range must be."""
    path = write_paper(tmp_path, "% proofs: where K \\geq 2\n"
                                 "\\[ \\log \\sum_{k=1}^{K} e^{z_k} > z_1 \\]\n")
    findings = check_file(path)
    assert [f.status for f in findings] == ["not proved"]
    assert "K bounds a sum or a product but does not range over counts" in findings[0].message


def test_accented_and_starred_names_take_ranges_and_conditions(tmp_path):
    """\\hat{p}_i and x^* are quantities of their own: ranged in where, and a condition printed
    about them is compared with their range."""
    where = "% proofs: where \\hat{p}_i \\in (0, 1), x^* \\in (1, \\infty)\n"
    body = (f"{where}\\[ \\log \\hat{{p}}_i < 0 \\]\n"
            f"{where}\\[ \\log x^* > 0 \\quad \\text{{for every }} x^* > 1 \\]\n"
            f"{where}\\[ \\log x^* > 0 \\quad \\text{{for every }} x^* > 0 \\]\n")
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["proved", "proved", "not proved"], [
        f.message for f in findings]
    assert "wider than the range x* ∈ (1, ∞)" in findings[2].message
    # a second review: an accent written otherwise (\widehat for \hat, \overline for \bar, no
    # braces) is the same name, in a condition and after range words
    for where, display in ((r"\hat{x} \in (1, \infty)", r"\log \hat{x} > 0 \quad "
                                                         r"\text{for every } \widehat{x} > 0"),
                           (r"\bar{x} \in (1, \infty)", r"\log \bar{x} > 0 \quad "
                                                         r"\text{for every } \overline{x} > 0"),
                           (r"\hat{x} \in (1, \infty)", r"\log \hat{x} > 0 \quad "
                                                         r"\text{for every positive } \hat x")):
        path = write_paper(tmp_path, f"% proofs: where {where}\n\\[ {display} \\]\n")
        assert [f.status for f in check_file(path)] == ["not proved"], display


def test_an_accented_name_may_be_defined(tmp_path):
    """A review: define \\bar{x} = … (the sample mean) was refused, so n x̄ = Σ x_i could only
    be reported false."""
    body = ("% proofs: where n \\geq 1\n"
            "% proofs: define \\bar{x} = \\frac{1}{n} \\sum_{i=1}^{n} x_i\n"
            "\\[ n \\bar{x} = \\sum_{i=1}^{n} x_i \\]\n"
            "% proofs: where n \\geq 1\n\\[ \\sum_{i=1}^{n} (x_i - \\overline{x}) = 0 \\]\n"
            "% proofs: where n \\geq 1\n\\[ \\bar{x} = 0 \\]\n"
            "% proofs: define \\hat{\\theta} = \\hat{\\theta} + 1\n\\[ 1 = 1 \\]\n")
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["proved", "proved", "false", "unreadable",
                                            "proved"], [f.message for f in findings]
    assert "the definition of \\hat{\\theta} uses \\hat{\\theta} itself" in findings[3].message


def _forged_fragment(tmp_path, fragment, *edits):
    """A fragment edited by hand, its content hash written again (which the hash cannot stop:
    the check re-proves the text)."""
    from proofs.fragment import content_hash

    for old, new in edits:
        assert old in fragment, old
        fragment = fragment.replace(old, new)
    lines = fragment.split("\n")
    header = max(k for k, line in enumerate(lines) if line.startswith("% Content: sha256"))
    body = "\n".join(lines[header + 1:])
    lines[header] = re.sub(r"sha256 [0-9a-f]{64}", f"sha256 {content_hash(body)}", lines[header])
    path = Path(tmp_path, "forged.tex")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _cubic_bound():
    """x³ − 3x ≥ −2 on [−2, ∞), whose step's words name the cases x ∈ [−2, −1], x ∈ [−1, 1]."""
    import proofs

    x = sp.Symbol("x")
    d = proofs.Derivation("Cubic", where={x: sp.Interval(-2, sp.oo)})
    d.theorem("Claim", d.chain(x ** 3 - 3 * x).ge(-2))
    return d.proof().to_latex()


def test_a_fragment_is_checked_under_its_setting_not_the_ranges_its_words_name(tmp_path):
    """A review: the Setting was read up to the proof's first align*, so the ranges of a case
    in a step's words ($x \\in [-1, 1]$) became hypotheses, and x³ − 3x ≤ 2, false at 3, was
    certified for x ∈ [−2, ∞)."""
    fragment = _cubic_bound()
    assert r"$x \in [-1, 1]$" in fragment
    honest = Path(tmp_path, "honest.tex")
    honest.write_text(fragment, encoding="utf-8")
    assert {f.status for f in check_file(honest)} == {"proved"}
    path = _forged_fragment(tmp_path, fragment, (r"x^{3} - 3 x \geq -2.", r"x^{3} - 3 x \leq 2."),
                            (r"x^{3} - 3 x &\geq -2", r"x^{3} - 3 x &\leq 2"))
    statuses = [f.status for f in check_file(path)]
    assert statuses and set(statuses) == {"false"}, statuses


def test_a_statement_s_hypothesis_other_than_the_setting_s_is_unreadable(tmp_path):
    """The displays are checked under the Setting: a Setting narrowed by hand to x ∈ [−1, 1],
    under which x³ − 3x ≤ 2 holds, left the theorem's own 'Let x ∈ [−2, ∞)' unchecked."""
    path = _forged_fragment(
        tmp_path, _cubic_bound(), (r"x^{3} - 3 x \geq -2.", r"x^{3} - 3 x \leq 2."),
        (r"x^{3} - 3 x &\geq -2", r"x^{3} - 3 x &\leq 2"),
        (r"\textbf{Setting.} Let $x \in [-2, \infty)$", r"\textbf{Setting.} Let $x \in [-1, 1]$"))
    unreadable = [f for f in check_file(path) if f.status == "unreadable"]
    assert len(unreadable) == 1
    assert unreadable[0].message.startswith(r"the statement's hypothesis $x \in [-2, \infty)$ "
                                            "is none of the Setting's")


def test_a_definition_that_changes_how_an_earlier_one_reads_is_refused_not_a_crash(tmp_path):
    """Two fragments in one paper: the categorical one writes p_{i,k} in its definitions, the
    Bernoulli one then defines p_i; reading the first again raised TexError out of the CLI."""
    body = ("% proofs: define L = \\prod_{i=1}^{n} p_{i,k}\n"
            "% proofs: define p_i = \\sigma(z_i)\n"
            "% proofs: check\n\\[ 2 + 2 = 4 \\]\n")
    result = run_check(write_paper(tmp_path, body))
    assert "Traceback" not in result.stderr
    assert "changes how an earlier definition reads" in result.stdout
    assert result.returncode == 1


def test_a_step_s_mark_over_its_relation_is_its_reason_not_read(tmp_path):
    """\\overset{(a)}{=} and \\stackrel{\\text{…}}{\\le} mark a chain's reasons: the relation is
    read, the mark is not, as words after a row are not.  A mark that may state a condition, a
    question or mathematics is refused; so is a mark over what is no relation."""
    body = ("% proofs: where x \\in (0, \\infty)\n\\begin{align*}\n"
            "  \\log x^2 &\\overset{(a)}{=} 2 \\log x \\\\\n"
            "  &\\stackrel{\\text{by (a)}}{=} \\log x + \\log x \\\\\n"
            "  &\\stackrel{(ii)}\\le \\log x + \\log x + x^2 "
            "\\overset{\\eqref{e}}{<} \\log x + \\log x + x^2 + 1\n\\end{align*}\n")
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["proved"] * 4, [f.message for f in findings]
    # a false step under a mark is refuted at its own line
    false = body.replace("x^2 + 1", "x^2 - 1")
    findings = check_file(write_paper(tmp_path, false))
    assert [f.status for f in findings] == ["proved"] * 3 + ["false"], [f.message for f in findings]
    assert findings[-1].line == preamble_lines() + 5
    for mark in ("?", r"\text{since $x > 0$}", r"\text{as x > 0}", r"\text{not}", r"\frac{1}{2}"):
        display = ("% proofs: where x \\in (0, \\infty)\n"
                   f"\\[ \\log x^2 \\overset{{{mark}}}{{=}} 2 \\log x \\]\n")
        findings = check_file(write_paper(tmp_path, display))
        assert [f.status for f in findings] == ["unreadable"], mark
        assert f"the mark '{mark}' over '='" in findings[0].message, findings[0].message
        assert "\\text{words}" in findings[0].message
    display = "% proofs: where x \\in (0, \\infty)\n\\[ x \\overset{(a)}{+} x = 2 x \\]\n"
    assert [f.status for f in check_file(write_paper(tmp_path, display))] == ["unreadable"]


MACRO_MISREAD = {
    # \rt\fy prints √4·y: TeX's \sqrt takes the first token of \fy's body
    "a macro ending with a root": (r"\newcommand{\rt}{\sqrt}", r"\rt\fy = 2 \sqrt{y}"),
    "a macro ending with a script": (r"\newcommand{\up}{^\relax}", r"2\up\fy = 2^{4 y}"),
    # a % in a URL starts no comment, so the redefinition after it is TeX's
    "a redefinition after a URL": (
        "\\usepackage{url}\n\\AtBeginDocument{\\url{http://example.org/100%}"
        "\\renewcommand{\\fy}{5 y}}", r"4 y = \fy"),
    # overprinting boxes of TeX's own
    "an hbox over the words": ("", r"y = y \qquad \text{by algebra\hbox to 0pt{\hss$+ 1$}}"),
    "a raised box": ("", r"y = y \tag{by \raise 1ex\hbox{no}}"),
}


@pytest.mark.parametrize("name", sorted(MACRO_MISREAD))
def test_macros_urls_and_boxes_found_by_review_are_not_certified(tmp_path, name):
    preamble, claim = MACRO_MISREAD[name]
    path = Path(tmp_path, "paper.tex")
    head = PREAMBLE.replace("\\begin{document}",
                            "\\newcommand{\\fy}{4 y}\n" + preamble + "\n\\begin{document}")
    path.write_text(head + "% proofs: where y \\in (0, \\infty)\n\\[ " + claim + " \\]\n"
                    "\\end{document}\n", encoding="utf-8")
    findings = check_file(path)
    assert findings and all(f.status != "proved" for f in findings), [
        (f.status, f.message) for f in findings]


@pytest.mark.parametrize("display", [
    r"\left(\frac{0}{0}\right)^{2} = 1", r"2^{0 \cdot \infty} = 1", r"(0 \cdot \infty)! = 1",
    r"\binom{0 \cdot \infty}{2} = 1"])
def test_a_number_with_no_value_is_refused_not_a_traceback(tmp_path, display):
    findings = check_file(write_paper(tmp_path, f"% proofs: check\n\\[ {display} \\]\n"))
    assert [f.status for f in findings] == ["unreadable"]
    assert "has no value" in findings[0].message


def test_indices_read_one_per_letter_and_gamma_where_it_is_defined(tmp_path):
    """What those refusals leave read: Greek indices one each, upright labels apart from the
    letters, Γ and ! where the ranges show them defined."""
    body = ("% proofs: where a_{ij} \\in \\mathbb{R}, u_i \\in \\mathbb{R}, c \\in (2, 3), "
            "x \\in (0, \\infty), k \\in \\mathbb{N} \\cup \\{0\\}\n"
            "\\begin{align*}\n  a_{\\alpha\\beta} + a_{i1} &= a_{\\beta\\alpha} + a_{i1} + "
            "a_{\\alpha\\beta} - a_{\\beta\\alpha} \\\\\n"
            "  \\Gamma(x + 1) &= x \\Gamma(x) \\\\\n  \\log k! - \\log k! &= 0\n\\end{align*}\n")
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["proved"] * 3, [f.message for f in findings]
    # an upright c names another entry than the italic c (it was read as u_c)
    upright = "% proofs: where u_i \\in (0, 1), c \\in (2, 3)\n\\[ u_{\\text{c}} = u_c \\]\n"
    findings = check_file(write_paper(tmp_path, upright))
    assert [f.status for f in findings] == ["false"], [f.message for f in findings]


# (ranges, claim, the finding's status, words of its message, the point it names or None): each
# condition in a sum's or product's body is asked at the values its index takes
INDEXED_CONDITIONS = [
    (r"n \geq 1", r"\sum_{i=1}^{n} \frac{1}{i} = \sum_{i=1}^{n} \frac{2}{2 i}", "proved", "", None),
    (r"n \geq 1", r"\log \prod_{i=1}^{n} i = \sum_{i=1}^{n} \log i", "proved", "", None),
    (r"n \geq 1", r"\sum_{i=1}^{n} \sqrt{n - i} = \sum_{i=1}^{n} \sqrt{n - i}", "proved", "",
     None),
    (r"n \geq 1", r"\sum_{i=1}^{n} \Gamma(i) = \sum_{i=1}^{n} (i - 1)!", "proved", "", None),
    (r"n \geq 1", r"\sum_{i=1}^{n} \sum_{j=i}^{n} \frac{1}{j} = "
     r"\sum_{i=1}^{n} \sum_{j=i}^{n} \frac{2}{2 j}", "proved", "", None),
    # from 0 the index takes 0; i − 2 vanishes at i = 2 once n ≥ 2; √(n − i − 1) at i = n
    (r"n \geq 1", r"\sum_{i=0}^{n} \frac{1}{i} = \sum_{i=0}^{n} \frac{2}{2 i}", "not proved",
     "the denominator i fails to be nonzero", {"i": 0}),
    (r"n \geq 1", r"\sum_{i=1}^{n} \frac{1}{i - 2} = \sum_{i=1}^{n} \frac{2}{2 i - 4}",
     "not proved", "the denominator i - 2 fails to be nonzero", {"i": 2}),
    (r"n \geq 1", r"\sum_{i=1}^{n} \sqrt{n - i - 1} = \sum_{i=1}^{n} \sqrt{n - i - 1}",
     "not proved", "fails to be ≥ 0", None),
    (r"n \geq 1", r"\sum_{i=1}^{n} \sum_{j=1}^{i} \frac{1}{i - j} = "
     r"\sum_{i=1}^{n} \sum_{j=1}^{i} \frac{2}{2 i - 2 j}", "not proved",
     "(for i = 1, …, n, j = 1, …, i)", None),
    # the sum binds k: the range where= gives the letter k is not the index's
    (r"n \geq 1, k \in (1, 2)",
     r"\sum_{k=0}^{n} \frac{1}{k} + k = \sum_{k=0}^{n} \frac{2}{2 k} + k",
     "not proved", "the denominator k fails to be nonzero", {"k": 0}),
]


@pytest.mark.parametrize("ranges, claim, status, words, point", INDEXED_CONDITIONS)
def test_a_condition_in_a_sum_s_body_is_asked_at_the_values_its_index_takes(
        tmp_path, ranges, claim, status, words, point):
    """1/i under Σ_{i=1}^{n} needs i ≠ 0 for i = 1, …, n, not for every real i (it was reported
    "not defined everywhere … at i = 0", a value the sum never takes); a value the sums do take
    is named, and the index is checked at it independently here."""
    findings = check_file(write_paper(tmp_path, f"% proofs: where {ranges}\n\\[ {claim} \\]\n"))
    assert [f.status for f in findings] == [status], [f.message for f in findings]
    assert words in findings[0].message
    if status != "proved":
        assert "is not defined everywhere" in findings[0].message or "not proved:" in \
            findings[0].message
    if point is not None:
        found = {name: sp.Integer(value) for name, value in findings[0].point.items()}
        assert {name: found[name] for name in point} == point
        # a value its sum takes: between the bounds as the paper writes them
        low = 0 if r"\sum_{" + next(iter(point)) + "=0}" in claim else 1
        assert low <= found[next(iter(point))] <= found["n"]


@pytest.mark.parametrize("ranges, claim, proved", [
    (r"x \in (0, 1)", r"(-1)^{x} \cdot (-1)^{x} = (-1)^{2x}", False),
    (r"x \in (0, 1)", r"(x - 1)^{x} (x - 1)^{x} = (x - 1)^{2x}", False),
    (r"x \in (0, 1)", r"(-2)^{x} = (-2)^{x}", False),
    (r"n \geq 1", r"\sum_{i=1}^{n} (-1)^{i/2} = \sum_{i=1}^{n} (-1)^{i/2}", False),
    (r"x \in (0, 1)", r"2^{x} \cdot 2^{x} = 4^{x}", True),
    (r"x \in \mathbb{R}", r"(x^2 + 1)^{x} = e^{x \log(x^2 + 1)}", True),
    (r"y_i \in \{0, 1\}, p_i \in (0, 1), n \geq 1",
     r"\log \prod_{i=1}^{n} p_i^{y_i} = \sum_{i=1}^{n} y_i \log p_i", True),
])
def test_a_power_with_a_letter_for_exponent_is_asked_real_as_written(tmp_path, ranges, claim,
                                                                     proved):
    """(−1)^x (−1)^x = (−1)^{2x} was proved: sympy merges the left side into the right before
    any check, and the kernel's equality holds between two undefined sides (Kleene).  A power
    whose exponent is a letter must be real as printed: a negative base takes integer exponents
    only; the point named is checked here to make the base negative at a non-integer exponent."""
    findings = check_file(write_paper(tmp_path, f"% proofs: where {ranges}\n\\[ {claim} \\]\n"))
    assert [f.status for f in findings] == ["proved" if proved else "not proved"], [
        f.message for f in findings]
    if not proved:
        assert "the power" in findings[0].message and "fails to be defined at" in \
            findings[0].message
        point = {name: sp.Rational(value) for name, value in findings[0].point.items()}
        letter = "x" if "x" in point else "i"
        base = {"x": {"(-1)": -1, "(x - 1)": point.get("x", 0) - 1, "(-2)": -2}}
        value = point[letter] if letter == "x" else point["i"] / 2
        assert not value.is_integer
        if letter == "x":
            assert any(claim.startswith(written) and number < 0
                       for written, number in base["x"].items())


_i, _n = sp.symbols("i n")


@pytest.mark.parametrize("definitions, claim, count", [
    ("", r"\sum_{i=5}^{1} \frac{1}{i-3} = \sum_{i=5}^{1} \frac{2}{2i-6}", sp.Integer(-3)),
    ("", r"\sum_{i=n+2}^{n} \frac{1}{i-n-1} = \sum_{i=n+2}^{n} \frac{2}{2i-2n-2}",
     sp.Integer(-1)),
    ("",
     r"\sum_{i=-2}^{n} \sum_{j=1}^{i} \frac{1}{j} = \sum_{i=-2}^{n} \sum_{j=1}^{i} \frac{2}{2j}",
     _i),
    ("", r"\sum_{i=1}^{n} \sum_{j=1}^{i-2} \frac{j}{j} = \sum_{i=1}^{n} \sum_{j=1}^{i-2} 1",
     _i - 2),
    ("% proofs: define q_i = \\sum_{j=1}^{i} \\frac{1}{j}\n",
     r"\sum_{i=1}^{n} q_{i-3} = \sum_{i=1}^{n} \sum_{j=1}^{i-3} \frac{1}{j}", _i - 3),
    ("", r"\sum_{i=1}^{n-2} \frac{1}{i} = \sum_{i=1}^{n-2} \frac{2}{2i}", _n - 2),
])
def test_a_sum_whose_range_may_be_reversed_as_printed_is_not_proved(tmp_path, definitions,
                                                                     claim, count):
    """A reversed range has no value (the kernel's reading; sympy's Karr convention differs), and
    its terms' conditions hold vacuously there: each sum's number of terms must be ≥ 0 at the
    values the indices around it take, definitions written out (a review found all six proved
    once conditions were asked at the index's values).  The point named makes the count < 0."""
    body = definitions + f"% proofs: where n \\geq 1\n\\[ {claim} \\]\n"
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == ["not proved"], [f.message for f in findings]
    assert f"the number of terms {count} of a sum or product" in findings[0].message
    point = {sp.Symbol(name): sp.Integer(value) for name, value in findings[0].point.items()}
    assert count.subs(point) < 0
    if _i in count.free_symbols:  # a value the outer index takes
        assert 1 - 3 * (r"\sum_{i=-2}" in claim) <= point[_i] <= point[_n]


@pytest.mark.parametrize("definition, ranges, claim, point", [
    (r"q = \sum_{j=-2}^{3} \frac{1}{j}", r"n \geq 1", r"q = q", {"j": 0}),
    (r"L = \log x", r"x \in \mathbb{R}", r"L + L = 2 L", None),
    (r"q_i = \frac{1}{i}", r"n \geq 1", r"\sum_{i=0}^{n} q_{i} = \sum_{i=0}^{n} q_i", {"i": 0}),
    (r"q_i = \sum_{j=1}^{i} \frac{1}{j - 2}", r"n \geq 1",
     r"\sum_{j=1}^{n} q_{j} = \sum_{j=1}^{n} q_{j}", None),
    (r"L = \log x", r"x \in (0, \infty)", r"L + L = 2 L", "proved"),
    (r"q_i = \sum_{j=1}^{i} \frac{1}{j}", r"n \geq 1",
     r"\sum_{j=1}^{n} q_{j} = \sum_{j=1}^{n} q_{j}", "proved"),
])
def test_a_definition_s_conditions_are_asked_where_it_is_used(tmp_path, definition, ranges,
                                                              claim, point):
    """A defined name brings the conditions of its body as written: q := Σ_{j=−2}^{3} 1/j has
    no value, and q = q was proved (an equation holds where both sides have none); a family's
    conditions are asked at the indices it is written with, its own sums' indices renamed apart
    (q_j with q_i := Σ_{j=1}^{i} 1/(j − 2) fails at an inner index 2 ≤ j)."""
    body = f"% proofs: define {definition}\n% proofs: where {ranges}\n\\[ {claim} \\]\n"
    findings = check_file(write_paper(tmp_path, body))
    if point == "proved":
        assert [f.status for f in findings] == ["proved"], [f.message for f in findings]
        return
    assert [f.status for f in findings] == ["not proved"], [f.message for f in findings]
    assert "is not defined everywhere" in findings[0].message
    if point is not None:
        found = {name: sp.Integer(value) for name, value in findings[0].point.items()}
        assert {name: found[name] for name in point} == point


# (a paper body, the status, words of the finding): a review's findings against the conditions
# asked at an index's values and a definition's conditions, each fixed
SECOND_REVIEW = [
    # a defined name spelled \mathrm{q} brings its definition's conditions too
    ("% proofs: define q = \\sum_{j=-2}^{3} \\frac{1}{j}\n\\[ \\mathrm{q} = \\mathrm{q} \\]\n",
     "not proved", "the denominator j fails to be nonzero at j = 0"),
    ("% proofs: define L = \\log x\n% proofs: where x \\in \\mathbb{R}\n"
     "\\[ \\mathrm{L} + \\mathrm{L} = 2 \\mathrm{L} \\]\n", "not proved",
     "the log's argument x fails to be positive"),
    # a sum sympy cancels keeps its number of terms asked (n − 5 < 0 at n = 1)
    ("% proofs: where n \\geq 1\n"
     "\\[ \\sum_{i=1}^{n-5} \\frac{1}{i} - \\sum_{i=1}^{n-5} \\frac{1}{i} = 0 \\]\n", "not proved",
     "the number of terms n - 5 of a sum or product fails to be a whole number ≥ 0 at n = "),
    ("% proofs: where n \\geq 1\n\\[ 0 \\cdot \\sum_{i=1}^{n-5} \\frac{1}{i} = 0 \\]\n",
     "not proved", "the number of terms n - 5"),
    ("% proofs: define q_i = \\sum_{j=1}^{i-5} \\frac{1}{j}\n\\[ q_1 - q_1 = 0 \\]\n",
     "not proved", "the number of terms -4 of a sum or product is not a whole number ≥ 0"),
    ("% proofs: check\n\\[ \\sum_{i=1}^{n} \\frac1i - \\sum_{i=1}^{n} \\frac1i = 0 \\]\n",
     "not proved", "the number of terms n of a sum or product fails to be a whole number"),
    # an exponent that is a number of unknown sign (−3 here) keeps its base asked nonzero
    ("% proofs: where x \\in [0, \\infty)\n"
     "\\[ x^{\\sum_{i=1}^{3} (i - 3)} - x^{\\sum_{i=1}^{3} (i - 3)} = 0 \\]\n", "not proved",
     "the denominator x fails to be nonzero at x = 0"),
    # a definition's letter that sympy cancelled from its value is still its own (L = k/k)
    ("% proofs: define L = \\frac{k}{k}\n% proofs: where n \\geq 1, k \\in \\mathbb{R}\n"
     "\\[ \\sum_{k=1}^{n} L = n \\]\n", "unreadable", "the definition of L uses k"),
    # a lower bound's and an index's conditions are asked
    ("% proofs: where n \\geq 1\n\\[ \\sum_{i=0}^{n} \\sum_{j=\\frac{i}{i}}^{1} 1 = n + 1 \\]\n",
     "not proved", "the denominator i fails to be nonzero at n = 1, i = 0"),
    ("% proofs: define q_i = \\frac{1}{i}\n% proofs: where n \\geq 1\n"
     "\\[ \\sum_{k=0}^{n} q_{\\frac{k}{k}} = n + 1 \\]\n", "not proved",
     "the denominator k fails to be nonzero"),
    # a family at an index its sums refuse: one line, not a traceback
    ("% proofs: define q_i = 0 \\cdot \\sum_{j=1}^{i} \\frac{1}{j}\n\\[ q_{\\frac{1}{2}} = 0 \\]\n",
     "unreadable", "q at these indices: "),
    # an inner index named like the outer sum's free bound m: renamed apart, and said so
    ("% proofs: where m \\geq 1\n\\[ \\sum_{j=1}^{m} \\sum_{m=1}^{j} \\frac{1}{m - j} = "
     "\\sum_{j=1}^{m} \\sum_{m=1}^{j} \\frac{2}{2m - 2j} \\]\n", "not proved",
     "m' is the index m of its sum"),
    # a root of a letter's order is a power: its order nonzero
    ("% proofs: where x \\in [0, \\infty), k \\in \\{0, 1, 2\\}\n"
     "\\[ \\sqrt[k]{x} - \\sqrt[k]{x} = 0 \\]\n", "not proved",
     "the denominator k fails to be nonzero at k = 0"),
    # true, and proved: (−1)^k for an integer k, an empty sum
    ("% proofs: where k \\in \\mathbb{Z}\n\\[ 2 (-1)^{k} = (-1)^{k} + (-1)^{k} \\]\n", "proved",
     ""),
    ("% proofs: check\n\\[ \\sum_{i=1}^{0} \\frac{1}{i} = 0 \\]\n", "proved", ""),
]


@pytest.mark.parametrize("body, status, words", SECOND_REVIEW)
def test_a_second_review_of_the_conditions_asked_at_index_values(tmp_path, body, status, words):
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == [status], [f.message for f in findings]
    assert words in findings[0].message


# a third review's findings (helper-128): numbers that are 0 but not written 0, a root of a
# negative order, a sum in an exponent, factorial or binomial (a traceback), a sum sympy cancels
# whose bound must still count, a power's sufficient condition taken for a counterexample
THIRD_REVIEW = [
    ("% proofs: check\n\\[ 0 \\cdot \\frac{1}{\\sum_{i=1}^{3} (i - 2)} = 0 \\]\n", "not proved",
     "the denominator Sum(i - 2, (i, 1, 3)) fails to be nonzero"),
    ("% proofs: check\n\\[ 0 \\cdot \\frac{1}{\\prod_{i=0}^{2} i} = 0 \\]\n", "not proved",
     "the denominator Product(i, (i, 0, 2)) fails to be nonzero"),
    ("% proofs: check\n\\[ 0 \\cdot \\Gamma\\left(\\sum_{i=1}^{3} (i - 2)\\right) = 0 \\]\n",
     "not proved", "Γ's argument Sum(i - 2, (i, 1, 3)) is not shown positive (it is not)"),
    ("% proofs: check\n\\[ 0 \\cdot \\frac{1}{\\log 4 - 2 \\log 2} = 0 \\]\n", "not proved",
     "is not shown nonzero"),
    ("% proofs: check\n\\[ 0 \\cdot \\Gamma(\\log 4 - 2 \\log 2) = 0 \\]\n", "not proved",
     "is not shown positive"),
    ("% proofs: where x \\in [0, 1]\n\\[ 0 \\cdot \\sqrt[-2]{x} = 0 \\]\n", "not proved",
     "the denominator x fails to be nonzero at x = 0"),
    ("% proofs: check\n\\[ 2^{\\sum_{i=1}^{3} i} = 64 \\]\n", "unreadable",
     "a sum or product with numbers for bounds is not read in an exponent"),
    ("% proofs: check\n\\[ \\binom{\\sum_{i=1}^{3} i}{2} = 15 \\]\n", "unreadable",
     "a sum or product with numbers for bounds is not read"),
    ("% proofs: where n \\geq 1\n\\[ 0 \\cdot \\sum_{i=1}^{n} i = 0 \\]\n", "proved", ""),
    ("% proofs: where n \\geq 1\n\\[ \\sum_{i=1}^{n} i - \\sum_{i=1}^{n} i = n - n \\]\n", "proved",
     ""),
    # 0^{1 + n(n+1)/2} = 0 is defined: no counterexample at x = 0, only not proved
    ("% proofs: where x \\in \\mathbb{R}, n \\geq 1\n"
     "\\[ x^{\\sum_{i=1}^{n} i} \\cdot x = x^{1 + \\sum_{i=1}^{n} i} \\]\n", "not proved",
     "step 1 → 2 not proved: the power"),
    ("% proofs: check\n\\[ \\frac{1}{\\sqrt{2 \\pi}} = \\frac{1}{\\sqrt{2 \\pi}} \\]\n", "proved",
     ""),
    # a binomial coefficient's entries are whole numbers ≥ 0 as printed, whatever sympy makes of
    # it (C − C → 0, 0 · C → 0, C(−1, −1) → 0): a fourth review's finding
    ("% proofs: where x \\in \\mathbb{R}, y \\in \\mathbb{R}\n"
     "\\[ \\binom{x}{y} - \\binom{x}{y} = 0 \\]\n", "not proved",
     "the binomial coefficient's entry x fails to be a whole number ≥ 0 at"),
    ("% proofs: where x \\in \\mathbb{R}\n\\[ \\binom{x}{\\frac{1}{2}} \\cdot 0 = 0 \\]\n",
     "not proved", "is not defined"),
    ("% proofs: check\n\\[ \\binom{-1}{-1} = 0 \\]\n", "not proved",
     "the binomial coefficient's entry -1 is not a whole number ≥ 0"),
    ("% proofs: where n \\in \\{1, 2, \\dots\\}\n\\[ \\sum_{k=0}^{n} \\binom{n}{k} = 2^{n} \\]\n",
     "proved", ""),
    # the i of a definition's own sum is not the i of the sum it is used in: one range, its own
    ("% proofs: define S = \\sum_{i=1}^{n} \\frac{1}{i-2}\n% proofs: where n \\geq 1, m \\geq 1\n"
     "\\[ \\sum_{i=1}^{m} S = m S \\]\n", "not proved",
     "i = 2 (for i = 1, …, n)"),
]


@pytest.mark.parametrize("body, status, words", THIRD_REVIEW)
def test_a_third_review_of_the_conditions_of_numbers_and_cancelled_sums(tmp_path, body, status,
                                                                         words):
    findings = check_file(write_paper(tmp_path, body))
    assert [f.status for f in findings] == [status], [f.message for f in findings]
    assert words in findings[0].message
    assert " at )" not in findings[0].message and not findings[0].message.endswith(" at ")
