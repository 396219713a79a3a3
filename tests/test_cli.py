"""The command line: list, prove, output files, help on every command, one-line errors and exit
codes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import proofs
from proofs.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list(capsys):
    code, out, _ = run(["list"], capsys)
    assert code == 0 and out.startswith("bernoulli ")


def test_prove_prints_text(capsys):
    code, out, _ = run(["prove", "bernoulli"], capsys)
    assert code == 0
    assert ("Theorem 3 (Maximum likelihood is minimum binary cross-entropy). Let n ∈ {1, 2, …}, "
            "y_i ∈ {0, 1}, "
            "p_i(θ) ∈ (0, 1) for i = 1, …, n and every parameter θ in a set Θ (only p_i depends "
            "on θ), and let L(θ) and CE(θ) be as defined above. Then argmax_{θ ∈ Θ} L(θ) = "
            "argmin_{θ ∈ Θ} CE(θ)") in out


def test_prove_sum_reduction(capsys):
    code, out, _ = run(["prove", "bernoulli", "--reduction", "sum"], capsys)
    assert code == 0 and "CE(θ) = −∑_{i=1}^{n}" in out and "log L(θ) = −CE(θ)" in out


@pytest.mark.parametrize("fmt, marker", [("latex", "\\begin{theorem}"),
                                         ("document", "\\documentclass"),
                                         ("markdown", "$$")])
def test_prove_formats(fmt, marker, capsys):
    code, out, _ = run(["prove", "bernoulli", "--format", fmt], capsys)
    assert code == 0 and marker in out


def test_prove_writes_tex(tmp_path, capsys):
    target = tmp_path / "proof.tex"
    code, _, err = run(["prove", "bernoulli", "-o", str(target)], capsys)
    assert code == 0 and "wrote" in err
    assert target.read_text(encoding="utf-8").startswith("\\documentclass")


@pytest.mark.parametrize("args", [[], ["list"], ["prove"]])
def test_help_on_every_command(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args + ["--help"])
    assert exit_info.value.code == 0
    assert "usage: proofs" in capsys.readouterr().out


@pytest.mark.parametrize("args, code, needle", [
    (["prove", "nosuch"], 1, "unknown theorem 'nosuch'; available: bernoulli"),
    (["prove", "bernoulli", "--reduction", "median"], 2, "invalid choice: 'median'"),
    (["prove", "bernoulli", "--colour"], 2, "unrecognized arguments: --colour"),
    (["frobnicate"], 2, "invalid choice: 'frobnicate'"),
    (["prove", "bernoulli", "-o", "/nonexistent-folder/proof.tex"], 1, "does not exist"),
    (["prove", "bernoulli", "-o", "proof.docx"], 1, "use .tex, .pdf, .md, .txt, .typ or .v"),
])
def test_errors_are_one_line_with_nonzero_exit(args, code, needle, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        status = main(args)
    except SystemExit as exit_info:
        status = exit_info.code
    err = capsys.readouterr().err
    assert status == code
    assert needle in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def subprocess_run(args, **kwargs):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "proofs", *args], capture_output=True, text=True,
                          env=env, **kwargs)


def test_python_dash_m_and_missing_pdflatex(tmp_path):
    assert subprocess_run(["list"]).stdout.startswith("bernoulli")
    env_path = dict(os.environ, PYTHONPATH=str(ROOT), PATH=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "proofs", "prove", "bernoulli",
                             "-o", str(tmp_path / "p.pdf")],
                            capture_output=True, text=True, env=env_path)
    assert result.returncode == 1
    assert result.stderr.startswith("proofs: error: pdflatex not found") \
        and "Traceback" not in result.stderr
    assert not (tmp_path / "p.pdf").exists()


def test_the_quick_exit_keeps_every_byte_and_the_exit_code(tmp_path):
    # the command skips the interpreter's teardown: output must still be complete, files whole,
    # codes kept
    printed = subprocess_run(["prove", "logistic"])
    assert printed.returncode == 0 and printed.stdout == proofs.prove("logistic").to_text()
    written = subprocess_run(["prove", "bernoulli", "-o", "p.tex"], cwd=tmp_path)
    assert written.returncode == 0 \
        and (tmp_path / "p.tex").read_text() == proofs.prove("bernoulli").to_document()
    assert subprocess_run(["prove", "nonesuch"]).returncode == 1
    assert subprocess_run(["prove", "--no-such-flag"]).returncode == 2


def test_prove_pdf_end_to_end(tmp_path):
    from tests.tools import pdf_text, require
    require("pdflatex", "pdftotext")
    result = subprocess_run(["prove", "bernoulli", "-o", "proof.pdf"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "log increases strictly" in pdf_text(tmp_path / "proof.pdf")


def test_the_command_line_options_come_from_the_theorem_registry():
    from proofs.cli import build_parser
    from proofs.theorems import OPTION_HELP, options
    prove = next(a for a in build_parser()._actions
                 if a.__class__.__name__ == "_SubParsersAction").choices["prove"]
    flags = {action.dest for action in prove._actions}
    assert set(options()) <= flags and set(options()) == set(OPTION_HELP)


def test_fragment_with_an_output_file_writes_the_fragment(tmp_path):
    from proofs.cli import main
    target = tmp_path / "frag.tex"
    assert main(["prove", "bernoulli", "--fragment", "-o", str(target)]) == 0
    text = target.read_text()
    assert text.startswith("% Generated by proofs") and "\\documentclass" not in text
    assert main(["prove", "bernoulli", "--format", "markdown", "-o", str(tmp_path / "x.tex")]) == 2
    assert not (tmp_path / "x.tex").exists()


SCRIPTS = '''
import sys
import sympy as sp
from proofs import Derivation

a = sp.Symbol("a")


class Unprintable(Exception):
    def __str__(self):
        raise ValueError("no message")


def exits():
    sys.exit(3)


def unprintable():
    raise Unprintable()


def several_lines():
    raise ValueError("line one\\nline two")


def numbered():
    d = Derivation("Named")
    d.theorem(123, d.chain(a).eq(a))
    return d


def deep():
    e = a
    for _ in range(600):
        e = sp.exp(e)
    d = Derivation("Deep", where={a: sp.Interval.open(0, sp.oo)})
    d.define("E", e)
    d.theorem("T", d.chain(a).eq(a))
    return d
'''


@pytest.mark.parametrize("args, needle", [
    (["prove", "scripts.py:exits"], "the script called sys.exit(3)"),  # exited 3, saying nothing
    (["prove", "scripts.py:unprintable"], "Unprintable: (its message cannot be shown)"),
    (["prove", "scripts.py:several_lines"], "ValueError: line one; line two"),
    (["prove", "scripts.py:numbered", "-o", "n.md"], "name is words"),
    (["prove", "scripts.py:deep", "-o", "x.txt"], "nested too deeply"),
    (["prove", "bernoulli", "--notation-file", "deep.json"], "nested too deeply"),
    (["prove", "bernoulli", "--notation-file", "/dev/zero"], "larger than 256 kB"),
    (["verify", "/dev/zero"], None),
])
def test_what_a_review_found_ends_in_one_line_too(args, needle, tmp_path):
    """Each was a traceback, several lines, or silence (found by a review)."""
    (tmp_path / "scripts.py").write_text(SCRIPTS, encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    result = subprocess_run(args, cwd=tmp_path)
    lines = result.stderr.strip().splitlines()
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    if needle is None:  # verify reports on stdout
        assert "larger than 8 MB" in result.stdout
    else:
        assert len(lines) == 1 and needle in lines[0], result.stderr
    assert not (tmp_path / "n.md").exists() and not (tmp_path / "x.txt").exists()


def test_options_that_do_not_go_together_are_refused(tmp_path, capsys, monkeypatch):
    """Each was silently ignored: -o beside --preamble, --format typst beside --fragment (LaTeX
    was printed), --figure for Markdown, Coq or Typst."""
    monkeypatch.chdir(tmp_path)
    for args, needle in ((["--fragment", "--format", "typst"], "--fragment is the LaTeX fragment"),
                         (["--figure", "-o", "x.md"], "--figure draws a pgfplots figure"),
                         (["--figure", "-o", "x.v"], "--figure draws a pgfplots figure"),
                         (["--figure", "--format", "typst"], "--figure draws a pgfplots figure")):
        code, _, err = run(["prove", "bernoulli", *args], capsys)
        assert code == 2 and needle in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
    code, _, _ = run(["prove", "bernoulli", "--preamble", "-o", "preamble.tex"], capsys)
    assert code == 0
    assert (tmp_path / "preamble.tex").read_text() == proofs.prove("bernoulli").preamble()


def test_output_paths_a_review_found(tmp_path, capsys, monkeypatch):
    """A legal name of 244 characters was refused for its temporary name; a folder as -o named
    the temporary file; a link was replaced instead of written through; a script in a folder
    whose name has a colon was taken for a library theorem."""
    monkeypatch.chdir(tmp_path)
    long_name = "a" * 240 + ".tex"
    assert run(["prove", "bernoulli", "-o", long_name], capsys)[0] == 0
    assert (tmp_path / long_name).read_text().startswith("\\documentclass")
    (tmp_path / "folder.tex").mkdir()
    code, _, err = run(["prove", "bernoulli", "-o", "folder.tex"], capsys)
    assert code == 1 and "it is a folder" in err and ".part" not in err
    (tmp_path / "target.md").write_text("old")
    (tmp_path / "link.md").symlink_to(tmp_path / "target.md")
    assert run(["prove", "bernoulli", "-o", "link.md"], capsys)[0] == 0
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "target.md").read_text().startswith("## Maximum likelihood")
    colon = tmp_path / "with:colon"
    colon.mkdir()
    (colon / "mine.py").write_text(
        "import sympy as sp\nfrom proofs import Derivation\n\n\ndef f():\n"
        "    a = sp.Symbol('a')\n    d = Derivation('Colon')\n"
        "    d.theorem('T', d.chain(a).eq(a))\n    return d\n")
    code, out, err = run(["prove", "with:colon/mine.py:f"], capsys)
    assert code == 0 and out.startswith("Colon"), err
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]


def test_what_a_second_review_of_the_command_line_found(tmp_path, capsys, monkeypatch):
    """--preamble wrote LaTeX into x.pdf; -o '' printed instead; --title was ignored by outputs
    with no title; a notation file's keys beside its [notation] table were dropped; a notation
    refused while rendering exited 1, not 2; an unwritable folder was reported as a temporary
    file's."""
    monkeypatch.chdir(tmp_path)
    notation = tmp_path / "notation.toml"
    notation.write_text('theta = "w"\n[notation]\ny = "t"\n')
    for args, needle in ((["--preamble", "-o", "x.pdf"], "give -o a .tex or .sty file"),
                         (["-o", ""], "-o needs a file name"),
                         (["--format", "latex", "--title", "T"], "--title heads a document"),
                         (["--title", "T", "-o", "x.md"], "--title heads a document"),
                         (["--title", "T", "--format", "typst", "-o", "x.typ"], "--title heads"),
                         (["--notation-file", str(notation)], "theta stands outside the"),
                         (["--notation", "theta=\\,"], "has no letter")):
        code, out, err = run(["prove", "bernoulli", *args], capsys)
        assert code == 2 and needle in err and len(err.strip().splitlines()) == 1, (args, err)
        assert out == ""
    assert sorted(os.listdir(tmp_path)) == ["notation.toml"]
    for args in (["--title", "Tt", "-o", "x.tex"], ["--title", "Tt", "--format", "document"]):
        code, out, err = run(["prove", "bernoulli", *args], capsys)
        assert code == 0, err
        assert "Tt" in (out or (tmp_path / "x.tex").read_text())

    def refused(path, flags, mode=0o644):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(os, "open", refused)
    code, _, err = run(["prove", "bernoulli", "-o", "y.tex"], capsys)
    assert code == 1 and err.rstrip().endswith("y.tex") and ".part" not in err, err
    assert "Permission denied" in err


def test_check_refuses_a_file_without_end(tmp_path):
    result = subprocess_run(["check", "/dev/zero"], timeout=120)
    assert result.returncode == 1 and "larger than 8 MB" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_sigterm_during_pdflatex_leaves_nothing_behind(tmp_path):
    """A SIGTERM while pdflatex ran left its temporary folder in /tmp."""
    import signal
    import time

    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "pdflatex").write_text("#!/bin/sh\nsleep 30\n")
    (fake / "pdflatex").chmod(0o755)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), PATH=f"{fake}:{os.environ['PATH']}",
               TMPDIR=str(scratch))
    process = subprocess.Popen([sys.executable, "-m", "proofs", "prove", "bernoulli", "-o",
                                str(tmp_path / "p.pdf")], env=env, stderr=subprocess.PIPE,
                               text=True)
    for _ in range(600):  # until the folder pdflatex runs in exists
        if any(scratch.iterdir()):
            break
        time.sleep(0.05)
    assert any(scratch.iterdir())
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0 and "Traceback" not in err
    assert list(scratch.iterdir()) == [] and not (tmp_path / "p.pdf").exists()
