"""Safe user strings for LaTeX: notation values, labels, environment names and titles.

Notation values are checked against an allow-list (letters, digits, a few symbols, known math commands), so they
cannot run commands or touch files (``\\input``, ``\\write``, ``\\catcode``, ``^^``, …) and cannot break the
build (unbalanced braces, a double superscript, a command missing its argument).  Titles are escaped instead.
Every refusal is a `NotationError` naming the offending key.  Imports `proofs.errors` only.
"""

import re

from ..errors import ProofError


class NotationError(ProofError):
    """A notation value, label, environment name or title is not safe or not valid LaTeX for its place."""


GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho "
         "varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon "
         "Phi Psi Omega").split()
SYMBOLS = ("top intercal cdot times ell prime ast star circ bullet log ln exp nabla partial infty hbar imath jmath "
           "dagger").split()
WITH_ARGUMENT = ("hat widehat bar overline tilde widetilde vec dot ddot check breve mathrm mathit mathbf mathsf "
                 "mathtt mathcal mathbb mathfrak boldsymbol operatorname text bm").split()
ALLOWED_CHARACTERS = re.compile(r"[A-Za-z0-9 \\{}^_()\[\],.;:+\-*/=<>|'!]*")
SPACING = {",", ";", "!", " ", "{", "}", "|"}
MAX_LENGTH = 200


def check_math(key, value):
    """`value` if it is a safe LaTeX math snippet, else NotationError naming `key`."""
    if not isinstance(value, str) or not value.strip():
        raise NotationError(f"notation {key!r}: give a non-empty LaTeX string, not {value!r}")
    if len(value) > MAX_LENGTH:
        raise NotationError(f"notation {key!r}: longer than {MAX_LENGTH} characters")
    if "^^" in value:
        raise NotationError(f"notation {key!r}: '^^' character escapes are not allowed")
    if not ALLOWED_CHARACTERS.fullmatch(value):
        bad = "".join(sorted({c for c in value if not ALLOWED_CHARACTERS.fullmatch(c)}))
        raise NotationError(f"notation {key!r}: character(s) {bad!r} not allowed in {value!r}")
    texts = re.findall(r"\\text(\{[^{}]*\}|.?)", value)
    if any(not re.fullmatch(r"\{[A-Za-z0-9 ,.;:()+\-/=!']*\}", text) for text in texts):
        raise NotationError(f"notation {key!r}: \\text{{...}} takes letters, digits, spaces and "
                            f"simple punctuation only, in {value!r}")
    _check_tokens(key, value)
    # \bm is the bm package's bold; amsmath's \boldsymbol (always loaded) prints the same
    return re.sub(r"\\bm(?![A-Za-z])", r"\\boldsymbol", value)


def _check_tokens(key, value):
    """Walk the tokens: known commands only, balanced braces, every script and accent with one argument, no
    double superscript or subscript on one atom."""
    def fail(reason):
        raise NotationError(f"notation {key!r}: {reason} in {value!r}")

    scripts, pending, waiting = [set()], [], None   # scripts of the current atom per brace level

    def complete(what):  # an argument or a new atom has just been read at the current level
        nonlocal waiting
        if what != "script":
            scripts[-1] = set()
        waiting = None

    for token in re.findall(r"\\[A-Za-z]+\*?|\\.|[{}^_']|\S", value):
        if token.startswith("\\"):
            name = token[1:]
            if name.rstrip("*") in WITH_ARGUMENT and (name == "operatorname*" or not name.endswith("*")):
                if waiting == "script":
                    fail(f"put braces around \\{name}{{…}} in a sub- or superscript")
                if waiting == "command":  # \boldsymbol\hat{y} does not compile: \bm{\hat{y}} does
                    fail(f"put braces around \\{name}{{…}} as the argument of another command")
                complete(None)
                waiting = "command"
            elif name in GREEK + SYMBOLS or name in SPACING:
                complete(waiting)
            else:
                fail(f"the command \\{name} is not allowed (use Greek letters, accents such as \\hat, \\bar, "
                     "fonts such as \\mathrm, \\mathcal, \\mathbb, and \\top, \\cdot, \\log, \\ln)")
        elif token == "{":
            pending.append(waiting)
            scripts.append(set())
            waiting = None
        elif token == "}":
            if len(scripts) == 1:
                fail("unbalanced braces")
            if waiting is not None:
                fail("a sub- or superscript or an accent has no argument")
            scripts.pop()
            waiting = pending.pop()
            complete(waiting)
        elif token in "^_'":
            if waiting is not None:
                fail("a sub- or superscript or an accent has no argument")
            kind = "_" if token == "_" else "^"
            if kind in scripts[-1]:
                fail(f"double {'subscript' if kind == '_' else 'superscript'} (group with braces)")
            scripts[-1].add(kind)
            waiting = None if token == "'" else "script"
        else:
            complete(waiting)
    if len(scripts) != 1:
        fail("unbalanced braces")
    if waiting is not None:
        fail("a sub- or superscript or an accent has no argument")


def check_label_prefix(value):
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9:._-]{0,39}", value):
        raise NotationError(f"label prefix {value!r}: use letters, digits and : . _ - (up to 40 characters)")
    return value


def check_environment(key, value):
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{1,30}\*?", value):
        raise NotationError(f"{key} {value!r}: an environment name is letters only (optionally ending in *)")
    return value


_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
                 "^": r"\^{}", "_": r"\_", "%": r"\%", "~": r"\~{}"}


# control characters, and what ends a line or a comment in LaTeX or Typst (NEL, LS, PS)
LINE_BREAKS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def escape_text(key, value):
    """A user's plain text (a title) made safe for LaTeX text mode by escaping every special character."""
    if not isinstance(value, str) or LINE_BREAKS.search(value) or len(value) > 300:
        raise NotationError(f"{key}: give one line of plain text (no control characters, at most 300 characters)")
    return "".join(_TEXT_ESCAPES.get(c, c) for c in value)
