"""Safe user strings for LaTeX: notation values, labels, environment names and titles.

Notation values are checked against an allow-list (letters, digits, a few symbols, known math
commands), so they cannot run commands or touch files (``\\input``, ``\\write``, ``\\catcode``,
``^^``, …) and cannot break the build (unbalanced braces, a double superscript, a command missing
its argument).  Titles are escaped instead.  Every refusal is a `NotationError` naming the offending
key.  Imports `proofs.errors` only.
"""

import re

from ..errors import ProofError, RenderError


class NotationError(ProofError):
    """A notation value, label, environment name or title is not safe or not valid LaTeX for its
    place."""


class PrintedAlike(NotationError, RenderError):
    """A name or notation value the page would print ambiguously (two quantities alike, a constant,
    another quantity's letters): a notation error to the command line (exit status 2), a render
    error to Python code that catches those."""


GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu "
         "nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma "
         "Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega").split()
SYMBOLS = ("top intercal cdot times ell prime ast star circ bullet log ln exp nabla partial infty "
           "hbar imath jmath dagger").split()
WITH_ARGUMENT = ("hat widehat bar overline tilde widetilde vec dot ddot check breve mathrm mathit "
                 "mathbf mathsf mathtt mathcal mathbb mathfrak boldsymbol operatorname text "
                 "bm").split()
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
    """Walk the tokens: known commands only, balanced braces, every script and accent with one
    argument, no double superscript or subscript on one atom."""
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
            if name.rstrip("*") in WITH_ARGUMENT and (name == "operatorname*"
                                                      or not name.endswith("*")):
                if waiting == "script":
                    fail(f"put braces around \\{name}{{…}} in a sub- or superscript")
                if waiting == "command":  # \boldsymbol\hat{y} does not compile: \bm{\hat{y}} does
                    fail(f"put braces around \\{name}{{…}} as the argument of another command")
                complete(None)
                waiting = "command"
            elif name in GREEK + SYMBOLS or name in SPACING:
                complete(waiting)
            else:
                fail(f"the command \\{name} is not allowed (use Greek letters, accents such as "
                     "\\hat, \\bar, fonts such as \\mathrm, \\mathcal, \\mathbb, and \\top, "
                     "\\cdot, \\log, \\ln)")
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
        raise NotationError(f"label prefix {value!r}: use letters, digits and : . _ - "
                            "(up to 40 characters)")
    return value


def check_environment(key, value):
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{1,30}\*?", value):
        raise NotationError(f"{key} {value!r}: an environment name is letters only (a proof "
                            "environment's optionally ending in *)")
    return value


_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
                 "#": r"\#", "^": r"\^{}", "_": r"\_", "%": r"\%", "~": r"\~{}",
                 # OT1, LaTeX's default font encoding, prints < > | as ¡ ¿ —
                 "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}


# control characters, and what ends a line or a comment in LaTeX or Typst (NEL, LS, PS)
LINE_BREAKS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def escape_text(key, value):
    """A user's plain text (a title) made safe for LaTeX text mode by escaping every special
    character."""
    if not isinstance(value, str) or LINE_BREAKS.search(value) or len(value) > 300:
        raise NotationError(f"{key}: give one line of plain text (no control characters, "
                            "at most 300 characters)")
    return "".join(_TEXT_ESCAPES.get(c, c) for c in value)


# the characters beyond ASCII that pdflatex sets in text with LaTeX's default UTF-8 input and
# OT1 fonts, found by compiling each: Latin-1 and Latin Extended-A but for the 27 below (ð, þ,
# ą, «, … need T1), dashes, quotes, daggers, bullet, ellipsis, €, ™
_NOT_IN_OT1 = (0xAB, 0xBB, 0xD0, 0xDE, 0xF0, 0xFE, 0x104, 0x105, 0x110, 0x111, 0x118, 0x119,
               0x126, 0x127, 0x12E, 0x12F, 0x138, 0x13F, 0x140, 0x149, 0x14A, 0x14B, 0x166, 0x167,
               0x172, 0x173, 0x17F)
_LATEX_TEXT = frozenset(
    [chr(code) for code in range(0xA0, 0x180) if code not in _NOT_IN_OT1]
    + [chr(code) for code in (*range(0x2010, 0x2017), 0x2018, 0x2019, 0x201C, 0x201D, 0x2020,
                              0x2021, 0x2022, 0x2026, 0x20AC, 0x2122)])


def latex_text(key, value):
    """`escape_text` for a LaTeX page: a character pdflatex's text fonts do not have (θ, an emoji)
    is refused here, rather than left to stop pdflatex on the user's machine."""
    escaped = escape_text(key, value)
    for character in value:
        if ord(character) > 0x7E and character not in _LATEX_TEXT:
            raise NotationError(f"{key}: pdflatex's text fonts have no {character} "
                                f"(U+{ord(character):04X}): write it in words or Latin letters "
                                "(theta for θ), or use the Typst, Markdown or text output")
    return escaped


def check_remark(key, value):
    """A remark printed after a proof: paragraphs of words, each checked as check_words does."""
    if not isinstance(value, str) or len(value) > 3000:
        raise NotationError(f"{key}: give a string of at most 3000 characters")
    for paragraph in value.split("\n\n"):
        check_words(key, " ".join(paragraph.split("\n")), limit=3000)
    return value


def check_words(key, value, limit=300):
    """A user's words beside a step (because=): text, with mathematics between $ signs checked as a
    notation value is (the allow-list: no \\gdef, no \\input) and <ref:label> references; LaTeX's
    special characters in the text are refused, since they would change or break the page."""
    if not isinstance(value, str) or LINE_BREAKS.search(value) or len(value) > limit:
        raise NotationError(f"{key}: give one line of words (no control characters, at most "
                            f"{limit} characters)")
    if re.search(r"<math:", value):  # the engine's own placeholder for a formula it proved
        raise NotationError(f"{key}: <math:…> is reserved for the engine's formulas; write the "
                            f"mathematics between $ signs, in {value!r}")
    parts = value.split("$")
    if len(parts) % 2 == 0:
        raise NotationError(f"{key}: a $ opens mathematics that no $ closes, in {value!r}")
    for number, part in enumerate(parts):
        if number % 2 and part.strip():  # mathematics; <n>, <CE> stand for the notation's names
            if "<ref:" in part:
                raise NotationError(f"{key}: a reference <ref:…> goes in the words, not between "
                                    f"$ signs, in {value!r}")
            _check_words_math(key, re.sub(r"<[A-Za-z_]+>", "x", part))
        elif number % 2 == 0:
            bad = set(re.sub(r"<ref:[a-z0-9-]+>", "", part)) & set("\\{}#^_~%&<>")
            if bad:
                raise NotationError(f"{key}: {''.join(sorted(bad))!r} in the words {value!r}: "
                                    "write words, with mathematics between $ signs")
    return value


# what a justification's mathematics may use besides a notation value's commands
WORDS_MATH = ("frac tfrac dfrac sqrt geq leq neq ge le ne sum prod to in notin mapsto dots ldots "
              "cdots approx pm mp quad qquad left right bigl bigr Bigl Bigr infty min max sup inf "
              "lim arg binom mid").split()


def _check_words_math(key, value):
    """Mathematics in a user's words: known commands only, balanced braces, no ^^ escapes."""
    if "^^" in value or not ALLOWED_CHARACTERS.fullmatch(value) or len(value) > 2 * MAX_LENGTH:
        raise NotationError(f"{key}: the mathematics {value!r} holds characters or escapes that "
                            "are not allowed")
    allowed = set(GREEK + SYMBOLS + WITH_ARGUMENT + WORDS_MATH) | SPACING
    for name in re.findall(r"\\([A-Za-z]+|.)", value):
        if name not in allowed:
            raise NotationError(f"{key}: the command \\{name} is not allowed in the mathematics "
                                f"{value!r}")
    depth = 0
    for char in re.sub(r"\\[{}]", "", value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        raise NotationError(f"{key}: unbalanced braces in the mathematics {value!r}")
    # its structure: what LaTeX would stop at (x^2^3, x_, \frac{1}, \left( alone,
    # \text{\alpha}) or Typst would read otherwise; the Typst translation reads the same subset
    from ..errors import RenderError
    from .typst_math import typst_math
    try:
        typst_math(value)
    except RenderError as error:
        raise NotationError(f"{key}: the mathematics {value!r} is not well formed: "
                            f"{str(error).split(': ', 1)[-1]}") from None
