"""The command line: ``proofs list`` and ``proofs prove NAME [-o FILE] [--reduction …]``.

Thin by design: parse arguments, call `proofs.theorems`, render, write atomically.  Every failure is one line on
stderr and a nonzero exit status, never a traceback.
"""

import argparse
import sys

EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line: 'proofs: error: …'."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser():
    parser = _Parser(prog="proofs", description="Machine-checked, paper-ready proofs that maximizing an iid "
                                                "likelihood is minimizing a cross-entropy.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    commands.add_parser("list", help="list the theorems that can be proved",
                        description="List the theorems in the library, one per line.")
    prove = commands.add_parser("prove", help="prove a theorem and print or write the proof",
                                description="Prove a theorem with the checked engine and print it as text, or "
                                            "write it to a file chosen by extension: .tex (standalone LaTeX "
                                            "document), .pdf (compiled with pdflatex), .md, .txt.")
    prove.add_argument("theorem", metavar="NAME", help="a theorem from 'proofs list', e.g. bernoulli")
    prove.add_argument("-o", "--output", metavar="FILE", help="write the proof here instead of printing it")
    prove.add_argument("--reduction", choices=("mean", "sum"), default=None,
                       help="cross-entropy reduction: mean, -(1/n) sum (default), or sum")
    prove.add_argument("--format", choices=("text", "latex", "document", "markdown"), default="text",
                       help="what to print when no -o is given (default: text; latex is the \\input fragment)")
    return parser


def _version():
    from . import __version__
    return __version__


def main(argv=None):
    args = build_parser().parse_args(argv)
    from .errors import ProofError
    try:
        if args.command == "list":
            from .theorems import available
            for name, summary in available():
                print(f"{name:12s} {summary}")
            return 0
        from .theorems import prove
        options = {} if args.reduction is None else {"reduction": args.reduction}
        proof = prove(args.theorem, **options)
        if args.output:
            path = proof.write(args.output)
            print(f"wrote {path}", file=sys.stderr)
        else:
            renderers = {"text": proof.to_text, "latex": proof.to_latex, "document": proof.to_document,
                         "markdown": proof.to_markdown}
            sys.stdout.write(renderers[args.format]())
        return 0
    except ProofError as error:
        print(f"proofs: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(f"proofs: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("proofs: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
