"""The documentation: builds with warnings as errors, its code examples run, and its worked examples
work."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tools import compile_tex, on_ci, pdf_text, require

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def sphinx(builder, out):
    require("pdflatex", "pdftoppm")  # the gallery renders proofs to PNG
    try:
        import sphinx  # noqa: F401
    except ImportError:
        if on_ci():
            pytest.fail("sphinx missing on CI: .ci/run must install the docs extra")
        pytest.skip("sphinx not installed (pip install -e '.[docs]'; CI installs it)")
    return subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b",
                           builder, str(DOCS), str(out)], capture_output=True, text=True)


def test_docs_build_with_warnings_as_errors(tmp_path):
    result = sphinx("html", tmp_path / "html")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "html" / "rules.html").read_text(encoding="utf-8")
    assert "log_of_product" in html and "Real.log_prod" in html and "ln_mult" in html
    gallery = (tmp_path / "html" / "gallery.html").read_text(encoding="utf-8")
    assert "bernoulli-mean.png" in gallery \
        and (tmp_path / "html" / "_images" / "bernoulli-mean.png").exists()
    assert "--notation KEY=LATEX" in (tmp_path / "html" / "cli.html").read_text(encoding="utf-8")


def test_every_code_example_in_the_docs_runs(tmp_path):
    result = sphinx("doctest", tmp_path / "doctest")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = (tmp_path / "doctest" / "output.txt").read_text()
    assert "0 failures in tests" in summary and "failures in setup code" in summary


def test_rule_catalogue_covers_every_kernel_rule():
    sys.path.insert(0, str(DOCS / "_ext"))
    from proofs_docs import kernel_rules, lemma_names
    import inspect
    from proofs.kernel import theorem
    names = {name for name, _ in kernel_rules()}
    public = {name for name, f in vars(theorem).items()
              if inspect.isfunction(inspect.unwrap(f))  # memoized too
              and not name.startswith("_") and f.__module__ == theorem.__name__}
    # helpers; rules state inferences
    assert public - names == {"ring_needs", "rewritten", "evaluation_changes", "index_values",
                              "telescoping_needs"}
    assert lemma_names(dict(kernel_rules())["log_of_mul"]) == (["Real.log_mul"], ["ln_mult"])
    assert lemma_names(dict(kernel_rules())["member_binder"])[0] == [
        "Finset.one_le_prod'", "Finset.prod_le_one", "Finset.prod_pos", "Finset.sum_pos"]
    assert lemma_names(dict(kernel_rules())["gamma_of_count"]) == (
        ["Real.Gamma_nat_eq_factorial"], [])  # no Coq counterpart, and none named


def test_worked_poisson_example_from_script_to_pdf(tmp_path):
    script = DOCS / "examples" / "poisson.py"
    assert len(script.read_text().splitlines()) <= 40
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "proofs", "prove", f"{script}:poisson", "-o", "poisson.pdf"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    if done.returncode != 0 and "pdflatex" in done.stderr:
        require("pdflatex")  # skipped locally without it, a failure on CI
    assert done.returncode == 0, done.stderr
    text = pdf_text(tmp_path / "poisson.pdf")
    for words in ("Poisson regression", "Positivity", "Log-likelihood", "rules of the logarithm",
                  "definition of L", "(Lemma 1)",
                  "Maximum likelihood is minimum Poisson NLL", "NLL"):
        assert words in text


def test_example_paper_compiles(tmp_path):
    command = [sys.executable, "-m", "proofs", "prove", "bernoulli", "--fragment",
               "--notation", "theta=w",
               "--notation", "p_i=\\sigma(w^\\top x_i)", "--notation", "y=t", "--notation", "n=N",
               "--notation", "CE=\\mathcal{L}_{\\mathrm{BCE}}", "--label-prefix", "bce:"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    (tmp_path / "derivation.tex").write_text(subprocess.run(command, env=env, capture_output=True,
                                                            text=True, check=True).stdout)
    log = compile_tex(tmp_path, "paper", (DOCS / "examples" / "paper.tex").read_text())
    assert "undefined" not in log.lower()


def test_the_makefile_writes_the_fragment_again_only_when_its_options_change(tmp_path):
    from tests.tools import run

    require("make", "pdflatex")
    import shutil
    import time

    shutil.copy(DOCS / "examples" / "Makefile", tmp_path / "Makefile")
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\n\\usepackage{amsmath,amssymb,amsthm}\n"
        "\\newtheorem{theorem}{Theorem}\n\\newtheorem{lemma}[theorem]{Lemma}\n"
        "\\begin{document}\n\\input{proof}\n\\end{document}\n"
    )
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    built = run(["make"], tmp_path, env=env)
    fragment = tmp_path / "proof.tex"
    assert built.returncode == 0 and (tmp_path / "paper.pdf").exists(), built.stdout[-2000:]
    assert "% Regenerate: proofs prove bernoulli --reduction mean" in fragment.read_text()
    written = fragment.stat().st_mtime_ns
    time.sleep(1)
    assert run(["make"], tmp_path, env=env).returncode == 0
    assert fragment.stat().st_mtime_ns == written  # nothing changed: nothing written again
    options = "PROOF=bernoulli --reduction sum --label-prefix bce:"
    assert run(["make", options], tmp_path, env=env).returncode == 0
    assert "% Regenerate: proofs prove bernoulli --reduction sum" in fragment.read_text()
    # a fragment edited by hand stops the build
    time.sleep(1)
    fragment.write_text(fragment.read_text().replace("(0, 1)", "[0, 1]", 1))
    stopped = run(["make", options], tmp_path, env=env)
    assert stopped.returncode != 0 and "edited by hand" in stopped.stdout + stopped.stderr
