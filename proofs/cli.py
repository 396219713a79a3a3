"""The command line: ``proofs list``, ``proofs prove NAME [-o FILE] [--reduction …]``,
``proofs check PAPER.tex`` and ``proofs verify FRAGMENT.tex``.

Thin by design: parse arguments, call `proofs.theorems`, render, write atomically.  Every failure is
one line on stderr and a nonzero exit status, never a traceback.
"""

import argparse
import os
import sys

EXIT_ERROR = 1
NOTATION_FILE_LIMIT = 256 * 1024
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line: 'proofs: error: …'."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


# the file extensions each --format may be written to with -o
FORMAT_SUFFIXES = {"text": (".txt",), "latex": (".tex",), "document": (".tex", ".pdf"),
                   "markdown": (".md",), "typst": (".typ",)}


def build_parser():
    parser = _Parser(prog="proofs", description="Machine-checked, paper-ready proofs that "
                                                "maximizing an iid likelihood is minimizing a "
                                                "cross-entropy.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    commands.add_parser("list", help="list the theorems that can be proved",
                        description="List the theorems in the library, one per line.")
    check = commands.add_parser(
        "check", help="check the derivations marked with '%% proofs:' in a LaTeX paper",
        description="Check every display of a LaTeX paper preceded by a '% proofs:' comment: each "
                    "relation between consecutive sides is proved by the engine or refuted with a "
                    "counterexample.  One line per problem, as a compiler reports (file:line: …); "
                    "exit status 0 only if every marked step is proved.")
    check.add_argument("papers", metavar="PAPER.tex", nargs="+",
                       help="the papers (their \\input files are followed)")
    check.add_argument("--json", action="store_true",
                       help="one JSON object per result, for editors")
    check.add_argument("--verbose", action="store_true",
                       help="also list the steps that are proved, and each claim as it was read")
    verify = commands.add_parser(
        "verify", help="tell whether a fragment proofs wrote was edited by hand or is stale",
        description="For each fragment written by 'proofs prove … --fragment': whether its text is "
                    "unchanged (the hash in its header) and current (this version, run with the "
                    "command in its header, writes the same text).  Exit status 0 only if every "
                    "fragment is both.")
    verify.add_argument("fragments", metavar="FRAGMENT.tex", nargs="+", help="the fragments")
    verify.add_argument("--run", action="store_true",
                        help="also run a header command that imports a Python file (path.py:f) or "
                             "reads a notation file, to tell whether the fragment is current "
                             "(only for fragments you trust: the file's code runs)")
    prove = commands.add_parser("prove", help="prove a theorem and print or write the proof",
                                description="Prove a theorem with the checked engine and print it "
                                            "as text, or write it to a file chosen by extension: "
                                            ".tex (standalone LaTeX document), .pdf (compiled "
                                            "with pdflatex), .md, .txt, .typ (Typst document), "
                                            ".v (Coq).")
    prove.add_argument("theorem", metavar="NAME",
                       help="a theorem from 'proofs list', e.g. bernoulli, or "
                            "path/to/script.py:function returning a Derivation or a Proof")
    prove.add_argument("-o", "--output", metavar="FILE",
                       help="write the proof here instead of printing it")
    from .theorems import OPTION_HELP, options
    for key, values in options().items():  # one flag per option of the theorem registry
        if values == (False, True):
            prove.add_argument(f"--{key}", action="store_true", default=None, help=OPTION_HELP[key])
        else:
            prove.add_argument(f"--{key}", choices=values, default=None, help=OPTION_HELP[key])
    prove.add_argument("--format", choices=("text", "latex", "document", "markdown", "typst"),
                       default=None,
                       help="what to print, or to write with -o (default: text; latex is the "
                            "\\input fragment, typst the #include fragment)")
    prove.add_argument("--fragment", action="store_true",
                       help="print the LaTeX fragment (same as --format latex)")
    prove.add_argument("--preamble", action="store_true",
                       help="print the \\usepackage and \\newtheorem lines the fragment needs, "
                            "then stop")
    paper = prove.add_argument_group("paper options")
    paper.add_argument("--notation", action="append", default=[], metavar="KEY=LATEX",
                       help="rename a symbol, e.g. theta=w, 'p_i=\\sigma(w^\\top x_i)', y=t, n=N, "
                            "'CE=\\mathcal{L}_{\\mathrm{BCE}}', log=\\ln, i=j (repeatable)")
    paper.add_argument("--notation-file", metavar="FILE",
                       help="notation as a TOML or JSON table of KEY = LATEX")
    paper.add_argument("--theorem-env", metavar="NAME",
                       help="the host's theorem environment (default theorem)")
    paper.add_argument("--lemma-env", metavar="NAME",
                       help="the host's lemma environment (default lemma)")
    paper.add_argument("--proof-env", metavar="NAME",
                       help="the host's proof environment (default proof)")
    paper.add_argument("--label-prefix", metavar="PREFIX",
                       help="prefix of every \\label (default proofs:)")
    paper.add_argument("--title", help="the document's title (plain text)")
    paper.add_argument("--figure", action="store_true",
                       help="add the pgfplots figure of L, log L and CE")
    paper.add_argument("--detail", choices=("paper", "full"), default=None,
                       help="paper: a positivity or monotonicity proof is one sentence naming "
                            "the facts used (the default for LaTeX and Markdown); full: every "
                            "kernel step on its own line (the default for text)")
    return parser


def read_notation(args):
    """The notation from --notation-file and --notation KEY=LATEX (the latter wins)."""
    from .render.safety import NotationError
    notation = {}
    if args.notation_file:
        notation.update(_notation_file(args.notation_file))
    for item in args.notation:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise NotationError(f"--notation {item!r}: write KEY=LATEX, e.g. theta=w")
        notation[key.strip()] = value
    return notation


def _notation_file(name):
    import json
    from pathlib import Path
    from .render.safety import NotationError
    path = Path(name)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(NOTATION_FILE_LIMIT + 1)
    except OSError as error:
        raise NotationError(f"--notation-file {name}: {error.strerror}") from None
    if len(raw) > NOTATION_FILE_LIMIT:
        limit = NOTATION_FILE_LIMIT // 1024
        raise NotationError(f"--notation-file {name}: larger than {limit} kB, which no table of "
                            "notation needs")
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            try:
                import tomllib
            except ImportError:  # Python 3.10
                raise NotationError(f"--notation-file {name}: TOML needs Python 3.11 or newer; "
                                    "use JSON") from None
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        kind = "JSON" if path.suffix.lower() == ".json" else "TOML"
        raise NotationError(f"--notation-file {name}: not valid {kind}: "
                            f"{str(error).splitlines()[0]}") from None
    except RecursionError:
        raise NotationError(f"--notation-file {name}: nested too deeply for a table of "
                            "notation") from None
    if isinstance(data, dict) and isinstance(data.get("notation"), dict):
        if len(data) > 1:  # keys beside the table would be dropped
            others = sorted(key for key in data if key != "notation")
            verb = "stands" if len(others) == 1 else "stand"
            raise NotationError(f"--notation-file {name}: {', '.join(others)} {verb} outside the "
                                "[notation] table; put every key in it, or write no table")
        data = data["notation"]
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise NotationError(f"--notation-file {name}: expected a table of KEY = \"LATEX\" strings")
    return data


def _version():
    from . import __version__
    return __version__


def main(argv=None):
    args = build_parser().parse_args(argv)
    from .errors import ProofError
    try:
        if args.command == "check":
            return _check_paper(args)
        if args.command == "list":
            from .theorems import available
            listing = available()
            width = max(len(name) for name, _ in listing)
            for name, summary in listing:
                print(f"{name:{width}s}  {summary}")
            return 0
        if args.command == "verify":
            return _verify(args)
        from .render.safety import NotationError
        try:
            proof = make_proof(args)
        except (NotationError, _UsageError) as error:
            print(f"proofs: error: {error}", file=sys.stderr)
            return EXIT_USAGE
        if args.preamble and args.output:  # the lines, to the file asked for
            from .proof import write_atomically
            if os.path.splitext(args.output)[1].lower() not in (".tex", ".sty"):
                print(f"proofs: error: --preamble writes LaTeX lines: give -o a .tex or .sty "
                      f"file, not {args.output}", file=sys.stderr)
                return EXIT_USAGE
            write_atomically(args.output, proof.preamble().encode("utf-8"))
            print(f"wrote {args.output}", file=sys.stderr)
        elif args.preamble:
            sys.stdout.write(proof.preamble())
        elif args.output:
            chosen = "latex" if args.fragment else args.format
            suffix = os.path.splitext(args.output)[1].lower()
            if chosen is not None and suffix not in FORMAT_SUFFIXES[chosen]:
                print(f"proofs: error: --{'fragment' if args.fragment else 'format ' + chosen} and "
                      f"-o {args.output} disagree: use {' or '.join(FORMAT_SUFFIXES[chosen])}",
                      file=sys.stderr)
                return EXIT_USAGE
            if chosen in ("latex", "typst"):  # the fragment, not the document .tex or .typ gives
                from .proof import write_atomically
                path = args.output
                fragment = proof.to_latex() if chosen == "latex" else proof.to_typst()
                write_atomically(path, fragment.encode("utf-8"))
            else:
                path = proof.write(args.output)
            print(f"wrote {path}", file=sys.stderr)
        else:
            renderers = {"text": proof.to_text, "latex": proof.to_latex,
                         "document": proof.to_document, "markdown": proof.to_markdown,
                         "typst": proof.to_typst}
            sys.stdout.write(renderers["latex" if args.fragment else args.format or "text"]())
        return 0
    except ProofError as error:
        from .render.safety import NotationError
        print(f"proofs: error: {one_line(error)}", file=sys.stderr)
        # a notation or option string refused while rendering is the user's input, as before
        return EXIT_USAGE if isinstance(error, NotationError) else EXIT_ERROR
    except RecursionError:  # a derivation or a file nested thousands deep
        print("proofs: error: the input is nested too deeply to handle", file=sys.stderr)
        return EXIT_ERROR
    except MemoryError:
        print("proofs: error: out of memory", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(f"proofs: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("proofs: interrupted", file=sys.stderr)
        return 130


def one_line(error):
    """An error's message as the one line the CLI prints (a counterexample's lines joined)."""
    return "; ".join(line.strip() for line in str(error).splitlines() if line.strip())


class _UsageError(Exception):
    """Options that do not go together."""


def _usage(args):
    """Options that do not go together, refused rather than one silently ignored."""
    if args.output is not None and not args.output.strip():
        raise _UsageError("-o needs a file name (leave -o out to print the proof)")
    if args.fragment and args.format not in (None, "latex"):
        raise _UsageError(f"--fragment is the LaTeX fragment; for a {args.format} one give "
                          f"--format {args.format} alone")
    if args.preamble and (args.fragment or args.format):
        raise _UsageError("--preamble prints the lines a host document needs, not a proof: give "
                          "it alone")
    suffix = os.path.splitext(args.output or "")[1].lower()
    kind = args.format or ("latex" if args.fragment else None)
    if args.figure and (kind in ("text", "markdown", "typst") or suffix in (".md", ".txt", ".v",
                                                                           ".typ")):
        raise _UsageError("--figure draws a pgfplots figure, which only LaTeX and PDF outputs "
                          "have")
    # a title heads a document: the .tex, .pdf and .typ files, and --format document
    titled = suffix in (".tex", ".pdf", ".typ") and kind in (None, "document")
    if args.title is not None and not (titled or (kind == "document" and not args.output)):
        raise _UsageError("--title heads a document (-o FILE.tex, .pdf or .typ, or --format "
                          "document); the fragments, text and Markdown have none")


def make_proof(args):
    """The proof `proofs prove …` renders, with its paper options (NotationError for a notation or
    option string that is refused, before any work is done)."""
    from .render.options import RenderOptions
    from .theorems import options as registry_options
    from .theorems import prove
    options = {key: getattr(args, key) for key in registry_options()
               if getattr(args, key) is not None}
    render = {"notation": read_notation(args), "theorem_env": args.theorem_env,
              "lemma_env": args.lemma_env, "proof_env": args.proof_env,
              "label_prefix": args.label_prefix, "title": args.title, "figure": args.figure or None,
              "detail": args.detail}
    RenderOptions.make(**render)  # every user string is checked before any work or output
    _usage(args)
    if args.theorem.rpartition(":")[0].endswith(".py"):  # a user's script:function (its
        # folder may have a colon in its name)
        if options:
            raise _UsageError(f"{', '.join(options)} apply to library theorems, not to a script")
        from .derivation import load
        return load(args.theorem).with_options(**render)
    return prove(args.theorem, **options).with_options(**render)


def _verify(args):
    """`proofs verify FRAGMENT.tex …`: one line per file; 0 only if each is unchanged and
    current."""
    from .fragment import verify
    failed = False
    for name in args.fragments:
        try:
            verdict = verify(name, run=args.run)
        except OSError as error:
            print(f"proofs: error: {name}: cannot read it ({error.strerror or error})",
                  file=sys.stderr)
            failed = True
            continue
        print(f"{name}: {verdict.message}")
        failed = failed or not verdict.ok
    return EXIT_ERROR if failed else 0


def _check_paper(args):
    """`proofs check PAPER.tex …`: the findings, then a count per paper; 0 only if every marked step
    of every paper is proved."""
    import json
    from .papercheck import PaperError, check_file
    found, failed = [], False
    for paper in args.papers:
        try:
            findings = check_file(paper)
        except PaperError as error:
            print(f"proofs: error: {error}", file=sys.stderr)
            failed = True
            continue
        found.extend(findings)
        if not args.json:
            for finding in findings:
                if args.verbose or finding.status != "proved":
                    print(f"{finding.file}:{finding.line}: {finding.message}")
                if args.verbose and finding.claim:
                    print(f"    read as: {finding.claim}")
            counts = {status: sum(f.status == status for f in findings)
                      for status in ("proved", "false", "not proved", "unreadable", "warning")}
            plural = "s" if counts["warning"] > 1 else ""
            warnings = f", {counts['warning']} warning{plural}" if counts["warning"] else ""
            skipped = sum(f.status == "skipped" for f in findings)
            if skipped:  # a skipped step is the author's choice, and said
                warnings += f", {skipped} skipped"
            outdated = sum(f.status in ("edited", "stale") for f in findings)
            if outdated:
                warnings += f", {outdated} fragment{'s' if outdated > 1 else ''} edited or stale"
            steps = "step" if counts["proved"] == 1 else "steps"
            print(f"{paper}: {counts['proved']} {steps} proved, {counts['false']} false, "
                  f"{counts['not proved']} not proved, {counts['unreadable']} unreadable"
                  f"{warnings}", file=sys.stderr)
    if args.json:
        print(json.dumps([finding.as_dict() for finding in found], ensure_ascii=False, indent=1))
    # a warning (a chain that turns) does not fail the check: every step of it holds; nor does
    # a step its author marked to skip, which the report names
    failed = failed or any(finding.status not in ("proved", "warning", "skipped")
                           for finding in found)
    return EXIT_ERROR if failed else 0


def run():
    """The `proofs` command: `main`, then a quick exit.  Everything is written and closed by then,
    so the interpreter's teardown of sympy's objects (about 70 ms, a fifth of the command) is
    skipped."""
    import signal

    # SIGTERM unwinds like Ctrl-C, so that pdflatex's temporary folder and a half-written output
    # are removed on the way out
    signal.signal(signal.SIGTERM, lambda number, frame: _terminated())
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    # a reader that went away: exit as Python does when it cannot flush
    except (BrokenPipeError, ValueError):
        code = 120
    os._exit(code)


def _terminated():
    raise KeyboardInterrupt


if __name__ == "__main__":
    run()
