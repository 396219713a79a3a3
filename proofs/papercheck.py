"""`proofs check paper.tex`: check the derivations marked in an ordinary LaTeX paper, where they
stand.

A display (``align``, ``align*``, ``equation``, ``equation*``, ``gather``, ``gather*``,
``multline``, ``multline*``, or ``\\[ … \\]``) preceded by a ``% proofs:`` comment is checked: its
rows are read (`proofs.texmath`) and each relation between consecutive sides (=, <, >, ≤, ≥, ∈) is
proved by the engine (``proofs.check``) or refuted with a counterexample.  Directives, each on a
comment line ``% proofs: …``:

- ``where y_i \\in \\{0, 1\\}, p_i \\in (0, 1), n \\geq 1`` — ranges, for the next display (in the
  preamble: for every display).  A family's range is written on one entry (``p_i``); ``n \\geq 1``
  for a letter that bounds a sum or a product means n ∈ {1, 2, …}.
- ``define L = \\prod_{i=1}^{n} p_i`` — a name for a quantity, expanded where it is used (also
  ``L(\\theta)``), for the rest of the file.
- ``skip`` — inside a display: the next row's step is not checked (reported as skipped).
- ``check`` — marks a display with no other directive.

``\\input``/``\\include`` files are followed (their own file names and lines in the report), and
macros without arguments or with simple ``#1`` arguments from ``\\newcommand``,
``\\renewcommand`` and ``\\DeclareMathOperator`` are expanded.  What is read is what TeX prints: a
command the paper also (re)defines in a way the reader does not follow (``\\def``, ``\\let``,
inside a group or a conditional) and mathematics printed after the words a row ends with are
refused.
"""

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import sympy as sp
from sympy.core.function import AppliedUndef, UndefinedFunction

from . import fragment, texmath

__all__ = ["Finding", "PaperError", "check_file"]

ENVIRONMENTS = (
    "alignat",
    "alignat*",
    "displaymath",
    "align",
    "align*",
    "equation",
    "equation*",
    "gather",
    "gather*",
    "multline",
    "multline*",
    "flalign",
    "flalign*",
)
# a relation between two sides, as written (\\leq, not \\left)
RELATION = r"(=|<|>|\\le(?:q|qslant)?|\\ge(?:q|qslant)?|\\in)(?![A-Za-z])"
# displays of other packages (breqn, IEEEtrantools, amsmath's xalignat): refused when marked
UNREAD_DISPLAYS = (
    r"\\begin\{(eqnarray\*?|dmath\*?|dgroup\*?|dseries\*?|darray\*?|IEEEeqnarray\*?|"
    r"IEEEeqnarraybox\*?|xalignat\*?|xxalignat)\}"
)
DIRECTIVE = re.compile(r"^\s*%\s*proofs:\s*(.*)$")
MACRO = re.compile(
    r"\\(?:re)?newcommand\*?\s*\{?\\([A-Za-z]+)\}?\s*(?:\[(\d)\])?\s*\{|"
    r"\\DeclareMathOperator\*?\s*\{\\([A-Za-z]+)\}\s*\{"
)
# ways of (re)defining a command the reader does not follow: a display using one is refused
REDEFINITION = re.compile(
    r"\\(?:[gex]?def|let|futurelet|(?:math)?chardef|countdef|dimendef|skipdef|toksdef)"
    r"\s*\\([A-Za-z]+)"
    r"|\\(?:providecommand|DeclareRobustCommand"
    r"|(?:New|Renew|Provide|Declare)(?:Expandable)?DocumentCommand"
    r"|(?:New|Renew|Declare)CommandCopy|DeclareMathSymbol|DeclarePairedDelimiter[A-Za-z]*"
    r"|(?:re)?newcommand(?=\*?\s*\{?\s*\\[A-Za-z]+\}?\s*\[\d\]\s*\[)"
    # a body of one token, unbraced (\renewcommand\cdot+), which MACRO does not read
    r"|(?:re)?newcommand(?=\*?\s*\\[A-Za-z]+(?![A-Za-z])\s*[^\s{\[])"
    r"|(?:new|renew|provide)robustcmd)\*?\s*\{?\s*\\([A-Za-z]+)"
)
CSNAME = re.compile(r"\\csname\s*([A-Za-z]*)\s*(\\endcsname)?")
CODES = re.compile(r"\\(?:catcode|mathcode|delcode|lccode|uccode)(?![A-Za-z])\s*`?\\?(.)")
# \def~, \let~+, \renewcommand{~}: an active character defined
ACTIVE = re.compile(r"\\(?:[gex]?def|let|(?:re)?newcommand\*?\s*\{?)\s*([^\\\s{A-Za-z])")
# a command (re)defined by any of the usual ways, for the checks on its name below
DEFINED_NAME = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand|[gex]?def|let|"
    r"(?:New|Renew|Provide|Declare)(?:Expandable)?DocumentCommand|DeclareMathOperator)\*?"
    r"\s*\{?\s*\\([A-Za-z@]+|[^A-Za-z@\s])"
)
# commands LaTeX and amsmath define, among them every one the reader knows: \newcommand of one
# stops LaTeX with an error, and a compile that goes on keeps the command's own meaning
LATEX_DEFINED = set(texmath.GREEK) | set(
    "Big Bigg Biggl Biggr Bigl Bigr arccos arcsin arctan arg big bigg biggl biggr bigl bigr "
    "binom bm boldsymbol cdot cdots cfrac choose cos cosh cot coth csc cup deg det dfrac dim "
    "displaystyle dots exp frac gcd ge geq geqslant hat bar tilde vec dot ddot in inf infty "
    "lbrace lbrack ldots le left leq leqslant lim liminf limsup limits ln log lvert mathbb "
    "mathbf mathcal mathfrak mathit mathop mathrm mathscr mathsf mathtt max mbox middle min mp "
    "ne neq nolimits nonumber not notag operatorname over overline partial pm Pr prod qquad "
    "quad rangle langle rbrace rbrack relax right rvert sec sin sinh sqrt sum sup tan tanh "
    "text textrm textstyle tfrac times vert approx equiv sim cap setminus subset subseteq "
    "forall exists to mapsto lg hom ker tbinom dbinom overset stackrel underset eqref ref "
    # LaTeX's text commands: \ij is the ligature ij, \P a pilcrow, \c a cedilla, whatever
    # \newcommand says
    "ij IJ i j P S L l O o H c d b t u v k r aa AA ae AE oe OE ss SS".split())
# LaTeX's and amsmath's inner commands the reader's commands are built from: redefining one
# changes what \sqrt, \log or \sum print, which no name in the display shows
INTERNALS = {
    "sqrtsign", "qopname", "DOTSB", "DOTSI", "DOTSX", "DOTSM", "mathop", "mathbin", "mathrel",
    "mathord", "mathpunct", "mathopen", "mathclose", "mathinner", "limits", "nolimits",
    "displaylimits", "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle",
    "mathchoice", "genfrac", "over", "atop", "above", "choose", "relax", "hbox", "vbox",
    "mathstrut", "strut", "kern", "mkern", "hskip", "mskip", "fi", "else", "or", "expandafter",
    "csname", "endcsname", "string", "the", "number", "romannumeral", "noexpand", "protect",
    "unskip", "ignorespaces", "nonscript", "mathsurround", "everymath", "everydisplay",
}
# ways of changing what TeX prints that the reader does not follow at all: every display after
# one is refused
GLOBAL_HAZARDS = re.compile(
    r"\\(?:@namedef|csdef|csgdef|csedef|csxdef|cslet|csletcs|letcs|(?:[gex])?appto|[gex]?preto|"
    r"apptocmd|pretocmd|patchcmd|xpatchcmd|xapptocmd|xpretocmd|robustify|ExplSyntaxOn|"
    r"cs_(?:new|set|gset)[a-z_]*:|"
    r"DeclareUnicodeCharacter|newunicodechar|MakeShortVerb|everydisplay|everymath|everyhbox|"
    r"everyvbox|everycr|"
    # a display's own environment changed or hooked (a new theorem or proof environment is fine)
    r"(?:renewenvironment|(?:Renew|Declare)DocumentEnvironment|AtBeginEnvironment|"
    r"AtEndEnvironment|BeforeBeginEnvironment|AfterEndEnvironment)\s*\{\s*(?:equation|align|"
    r"alignat|flalign|gather|multline|displaymath|split|aligned|alignedat|gathered)\*?\s*\}|"
    r"DeclareMathSymbol|DeclareMathDelimiter|DeclareMathAccent|DeclareMathRadical|"
    r"DeclareSymbolFont|SetSymbolFont|DeclareMathAlphabet|DeclareMathVersion|scantokens|"
    r"uppercase|lowercase|afterassignment|aftergroup|"
    # code written to a file TeX reads back (.aux), a font or raw PDF bound to the page
    r"write|immediate|openout|font|pdfliteral|special|pdfcolorstack|"
    # a local macro package or one loaded by hand, which the reader does not read
    r"input@path|import|subimport|inputfrom|subfile|@@input)(?![A-Za-z])"
    # \input written otherwise than \input{file} or \input file: through \expandafter, or
    # inside a macro that is called later (\newcommand{\inp}{\input}), whose file is not read
    r"|\\(?:input|include)(?![A-Za-z])(?!\s*\{|[ \t]+[^\s{}%\\])"
    # ^^M, ^^5c: TeX's notation for any character, which hides commands from the reader
    r"|\^\^"
)
# what opens and ends a group TeX forgets definitions at; a \if… with a braced argument is
# etoolbox's or ifthen's (no \fi), \unless only prefixes an \if, \newif makes one
NESTING = re.compile(
    r"\\begin\s*\{(?P<begin>[^}]*)\}|\\end\s*\{(?P<end>[^}]*)\}|\\newif\s*\\if[A-Za-z@]*"
    r"|(?P<opener>\\if[A-Za-z@]*)(?![A-Za-z@])(?!\s*\{)|\\fi(?![A-Za-z@])|\\begingroup|\\endgroup"
    r"|\\[()\[\]]|\\[A-Za-z@]+|\\.|[{}$]"
)
INPUT = re.compile(r"\\(input|include|includeonly|InputIfFileExists)(?![A-Za-z])\s*"
                   r"(?:\{([^}]*)\}|\s([^\s{}%]+))")
VERBATIM = re.compile(r"\\begin\s*\{(verbatim\*?|Verbatim\*?|lstlisting|minted|comment|alltt)\}"
                      r".*?\\end\s*\{\1\}", re.S)
VERB = re.compile(r"\\(?:verb|lstinline)\*?([^A-Za-z\s*{])(.*?)\1")
# a package or class loaded (its name may run over lines, after a % that ends one)
PACKAGE = re.compile(r"\\(usepackage|RequirePackage|documentclass|LoadClass)\s*(?:\[[^\]]*\])?\s*"
                     r"\{([^}]*)\}")
# verbatim-like text the masking above would end or start where TeX does not: refused
VERBATIM_HAZARDS = re.compile(r"\\end\s+\{(?:verbatim|Verbatim|lstlisting|minted|comment|alltt)"
                              r"|\S[^\n]*\\end\s*\{comment\}"  # comment ends alone on its line
                              r"|\\(?:verb|lstinline)\*?\s|\\(?:path|url|href|nolinkurl)\s*[^\s{]"
                              r"|\\(?:DefineVerbatimEnvironment|lstnewenvironment|"
                              r"newminted|excludecomment|includecomment|specialcomment)"
                              r"(?![A-Za-z])")

# a URL's argument is read verbatim, so a % in it starts no comment
URL_WITH_PERCENT = re.compile(r"\\(?:path|url|href|nolinkurl)\s*\{[^}]*%")


@dataclass
class Finding:
    """One result: a checked step ("proved", "false", "not proved"), text that cannot be read
    ("unreadable"), a fragment this package wrote that was "edited" by hand or is "stale", a step
    "skipped" as its mark asks, or a "warning" that does not fail the check (a chain that
    turns)."""

    file: str
    line: int
    status: str
    message: str
    step: tuple = ()
    point: dict = field(default_factory=dict)
    claim: str = ""  # the claim as read (sympy), so that a reader can see what was checked

    def as_dict(self):
        return {
            "file": self.file,
            "line": self.line,
            "status": self.status,
            "step": list(self.step),
            "message": self.message,
            "claim": self.claim,
            "point": {k: str(v) for k, v in self.point.items()},
        }


class PaperError(ValueError):
    """The paper cannot be read at all (a missing file, an \\input loop)."""


@dataclass
class _State:
    macros: dict = field(default_factory=dict)  # name → (argument count, body)
    global_where: list = field(default_factory=list)
    names: dict = field(default_factory=dict)
    definitions: dict = field(default_factory=dict)  # name → (parameters, LaTeX of the body)
    reported: set = field(default_factory=set)
    root: Path = Path(".")
    stack: list = field(default_factory=list)  # the files being read, for \input loops
    generated: bool = False  # reading a fragment this package wrote
    visited: set = field(default_factory=set)
    # command name (None: every command) → why the reader cannot know what TeX prints for it
    hazards: dict = field(default_factory=dict)
    local: int = 0  # reading a file \input inside a group, an environment or a conditional
    include_only: set = None  # the files \includeonly lets \include read (None: every one)


def check_file(path):
    """Findings for every marked display of the paper at `path` (following its inputs, whose
    paths are read from the main file's folder, as LaTeX does)."""
    path = Path(path)
    state = _State(root=path.parent)
    findings = []
    _check(path, state, findings, depth=0)
    return findings


def _read(path):
    """The text of a paper's file; a file without end (/dev/zero) or far larger than a paper is
    refused rather than read until memory runs out."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(fragment.LARGEST + 1)
        if len(data) > fragment.LARGEST:
            raise PaperError(f"{path}: larger than {fragment.LARGEST // 2**20} MB, which no "
                             "LaTeX source is: give the paper's .tex files")
        # universal newlines, as a file opened as text reads them
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        raise PaperError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise PaperError(f"{path}: cannot read it ({error.strerror or error})") from None


def _check(path, state, findings, depth, local=False):
    if depth > 20 or path.resolve() in state.stack:
        raise PaperError(f"{path}: \\input loop")
    state.stack.append(path.resolve())
    outer = state.generated
    state.local += local
    try:
        _check_text(path, _read(path), state, findings, depth)
    finally:
        state.stack.pop()
        state.generated = outer
        state.local -= local


def _check_text(path, text, state, findings, depth):
    # verbatim text and \\verb|…| are not TeX: blanked, so that a % or \\[ in them is no comment or
    # display, and a definition in them is not made
    lines = _masked(text).split("\n")
    macro_lines, hazard_lines, nested = _macro_lines(path, lines, state.local > 0)
    # the file without its comments: a package's name may run over lines, and a Setting
    # heading in a comment is not printed (a review)
    without_comments = "\n".join(_without_comment(line) for line in lines)
    # a package or class of the paper's own, which is not read
    for package in PACKAGE.finditer(without_comments):
        kind = ("class", "cls") if package.group(1) in ("documentclass", "LoadClass") else \
            ("package", "sty")
        number = without_comments.count("\n", 0, package.start())
        for name in (part.strip() for part in package.group(2).split(",")):
            if name and Path(path).parent.joinpath(f"{name}.{kind[1]}").is_file():
                hazard_lines.setdefault(number, {}).setdefault(None, (
                    f"the paper's own {kind[0]} {name}.{kind[1]} is loaded at "
                    f"{path}:{number + 1}"))
    for number, line in enumerate(text.split("\n")):  # before masking: where verbatim ends
        found = VERBATIM_HAZARDS.search(_without_comment(line))
        url = URL_WITH_PERCENT.search(line)
        if found is None and url and url.start() < len(_without_comment(line)):
            found = url  # \url{…100%}: no comment to TeX, so what follows on the line is read
        if found:
            hazard_lines.setdefault(number, {}).setdefault(None, (
                f"verbatim text written as {found.group(0).strip()}, whose end the reader cannot "
                f"tell as TeX does, at {path}:{number + 1}"))
    in_preamble = "\\begin{document}" in text
    pending, where = [], []
    generated = text.lstrip().startswith(GENERATED)
    state.generated = generated
    setting_line = None
    if generated:  # a fragment this package wrote: its setting and definitions give the ranges
        verdict = fragment.verify_text(text.lstrip())
        if not verdict.ok:  # its header's "checked by the kernel" no longer vouches for it
            findings.append(Finding(str(path), 1, verdict.status, verdict.message))
        where = _fragment_setting(path, without_comments, state, findings)
        setting_line = _setting_display(without_comments)
    number = hazards_seen = 0
    while number < len(lines):
        line = lines[number]
        if in_preamble and "\\begin{document}" in line:
            if pending:  # directives just before \begin{document} are the preamble's too
                _apply_directives(path, pending, state, where, findings, in_preamble)
                pending = []
            in_preamble = False
        directive = DIRECTIVE.match(line)
        if directive:
            pending.append((number + 1, directive.group(1).strip()))
            number += 1
            continue
        uncommented = _without_comment(line)
        for hazardous in range(hazards_seen, number + 1):  # also those of skipped displays
            state.hazards.update(hazard_lines.get(hazardous, {}))
        hazards_seen = number + 1
        # the display this line opens, if any, and the line it ends on
        start = _display_start(uncommented)
        end = _display_end(lines, number, start) if start is not None else None
        if start is not None and end is None:  # closed in the file that \input this one, or
            # never: what TeX prints after the file's end is beyond the reader
            if pending or any(DIRECTIVE.match(line) for line in lines[number + 1:]):
                findings.append(Finding(str(path), number + 1, "unreadable", (
                    "this display is not closed before the end of the file: open and close "
                    "each display in one file")))
            break
        if start is not None:  # a definition or an \input on a display's first or last line:
            # which of them TeX applies before the display the reader does not work out
            shared = [k for k in dict.fromkeys((number, end)) if macro_lines.get(k)
                      or INPUT.search(_commands(_without_comment(lines[k])))]
            if shared:
                state.hazards.setdefault(None, (
                    f"a definition or \\input shares line {shared[0] + 1} of {path} with a "
                    "display: put it on a line of its own"))
                macro_lines = {k: v for k, v in macro_lines.items() if k not in shared}
                uncommented = INPUT.sub(lambda match: " " * len(match.group(0)), uncommented) \
                    if number in shared else uncommented
        # the line's definitions and inputs in the order TeX meets them
        events = [(column, "define", (name, value, new))
                  for column, name, value, new in macro_lines.get(number, ())]
        events += [(match.start(), "input", match)
                   for match in INPUT.finditer(_commands(uncommented))]
        for column, kind, event in sorted(events, key=lambda e: e[0]):
            if kind == "define":
                if event[2] and event[0] in state.macros:  # made again, in this file or another
                    state.hazards.setdefault(event[0], (
                        f"is made again with \\newcommand at {path}:{number + 1} (LaTeX refuses "
                        "that and keeps the first meaning; use \\renewcommand)"))
                state.macros[event[0]] = event[1]
            else:
                _input(event, state, findings, depth, nested(number, column))
        if re.search(r"\\endinput(?![A-Za-z])", _commands(uncommented)):  # TeX reads no further
            break
        unread = re.search(UNREAD_DISPLAYS, uncommented)
        if pending and ("$$" in uncommented or unread):
            kind = f"{unread.group(1)} display" if unread else "$$…$$ display"
            findings.append(
                Finding(
                    str(path),
                    number + 1,
                    "unreadable",
                    f"a marked {kind} is not read: write it as equation, align or \\[…\\]",
                )
            )
            pending = []
        if start is None:
            marks = [(l, d) for l, d in pending if d.split(" ")[0] == "check"]
            if marks and uncommented.strip():  # a mark is for the display right after it
                findings.append(Finding(
                    str(path), marks[0][0], "unreadable",
                    "the line after this % proofs: check does not begin a display the reader "
                    "knows (equation, align, gather, multline, \\[ … \\]): put the mark on the "
                    "line right before the display, which TeX may otherwise print unchecked"))
                pending = [p for p in pending if p not in marks]
            if pending and uncommented.strip():  # ranges wait for the next display
                waiting = [(l, d) for l, d in pending if d.split(" ")[0] in ("where", "check", "")]
                now = pending if in_preamble else [p for p in pending if p not in waiting]
                _apply_directives(path, now, state, where, findings, in_preamble)
                pending = [] if in_preamble else waiting
            number += 1
            continue
        if not pending and generated:
            body = "\n".join(lines[number : end + 1])
            if number == setting_line and _definition_rows(body):
                number = end + 1  # the setting's definitions: read by _fragment_setting
                continue
            if re.search(r"\\mapsto", body):
                _check_monotonicity(path, lines, number, end, start, state, where, findings)
            else:
                _check_display(path, lines, number, end, start, state, list(where), findings)
            number = end + 1
            continue
        if not pending:
            marks = [k for k in range(number + 1, end + 1)
                     if (mark := DIRECTIVE.match(lines[k])) and mark.group(1).strip() != "skip"]
            if marks:  # a mark the reader would pass over: say so rather than check nothing
                message = (f"this % proofs: mark lies inside what the reader takes for a display "
                           f"opening at line {number + 1}: the display it marks is not checked")
                findings.append(Finding(str(path), marks[0] + 1, "unreadable", message))
            number = end + 1
            continue
        display_where = list(where)
        marked = _apply_directives(path, pending, state, display_where, findings, in_preamble)
        pending = []
        if marked:
            _check_display(path, lines, number, end, start, state, display_where, findings)
            closing = re.search(r"\\end\{[^}]*\}|(?<!\\)\\\]", _without_comment(lines[end]))
            rest = _without_comment(lines[end])[closing.end():] if closing else ""
            if _display_start(rest) is not None:  # a mark is for one display
                message = ("a second display on the line of a marked one is not checked: put it "
                           "on a line of its own, after its own % proofs: mark")
                findings.append(Finding(str(path), end + 1, "unreadable", message))
        number = end + 1


def _input(match, state, findings, depth, local):
    """Follow an \\input, \\include or \\InputIfFileExists as TeX does: name.tex if it exists,
    else name (a name ending in .tex as it is); \\include reads name.tex only; an \\include
    left out by \\includeonly, and a missing file of \\InputIfFileExists or \\include, are not
    read."""
    command, name = match.group(1), (match.group(2) or match.group(3) or "").strip()
    if command == "includeonly":
        state.include_only = {part.strip() for part in name.split(",")}
        return
    if command == "include" and state.include_only is not None \
            and name not in state.include_only:
        return
    target = state.root / name
    with_tex = target.with_name(target.name + ".tex")
    if command == "include":  # LaTeX's \include always reads name.tex, and skips it if missing
        if not with_tex.exists():
            return
        target = with_tex
    elif target.suffix != ".tex":  # TeX adds .tex to a name without that extension, if found
        target = with_tex if with_tex.exists() or not target.exists() else target
    if command == "InputIfFileExists" and not target.exists():
        return
    _check(target, state, findings, depth + 1, local=local)


def _masked(text):
    """`text` with verbatim environments' and \\verb's contents blanked (lines kept)."""
    def blank(match):
        return re.sub(r"[^\n]", " ", match.group(0))

    def verb(match):  # the command kept, so that a display holding one is refused, not read
        return match.group(0)[:5] + re.sub(r"[^\n]", " ", match.group(0)[5:])

    out = list(text)
    for pattern, change in ((VERBATIM, blank), (VERB, verb)):
        # found where TeX finds them (\\verb is a line break, then the word verb)
        probe = _commands("".join(out))
        for match in pattern.finditer(probe):
            out[match.start():match.end()] = change(match)
    return "".join(out)


GENERATED = fragment.GENERATED
SETTING_HEAD = r"\\(?:paragraph|textbf)\{Setting\.\}"  # a fragment's setting (older: \paragraph)


def _fragment_setting(path, text, state, findings):
    """For a fragment this package wrote: the ranges of its Setting paragraph ($x \\in S$ pieces)
    and its definitions (L(θ) = …, p_i(θ) = …), as `where` entries; the definitions are made."""
    # the paragraph only, up to its blank line: the proofs' words after it hold other ranges
    # (a case's $x \in [-2, -1]$), which are no hypotheses of the page
    setting = re.search(SETTING_HEAD + r"(.*?)(?:\n[ \t]*\n|\Z)", text, re.S)
    if not setting:
        return []
    line = text[: setting.start()].count("\n") + 1
    ranges = re.findall(r"\$([^$]*?\\in[^$]*?)\$", setting.group(1))
    _declare_functions(", ".join(ranges), state)
    for functions, parameter in re.findall(
        r"\(((?:\$\\?[A-Za-z]+\$(?:, )?)+) depends? on \$\\?([A-Za-z]+)\$\)", setting.group(1)
    ):
        for name in re.findall(r"\$\\?([A-Za-z]+)\$", functions):
            if isinstance(state.names.get(name), sp.FunctionClass):
                state.names.setdefault(texmath.DEPENDS, {})[name] = parameter
    definitions = re.search(r"\\begin\{align\*\}(.*?)(?:\\end\{align\*\}|$)", setting.group(1),
                            re.S)
    rows = []  # (name, body); a row without &= goes on with the body above it (a long one)
    for row in re.split(r"\\\\\*?", definitions.group(1)) if definitions else []:
        if "&=" in row:
            name, body = row.split("&=", 1)
            name = re.sub(r"\\mathrm\{(\w+)\}", r"\1", re.sub(r"\(.*\)", "", name.strip()))
            rows.append((name, body.strip()))
        elif rows and row.strip():
            rest = re.sub(r"^\s*&\s*(\\q?quad\s*)*", "", row).strip()
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {rest}")
    for name, body in rows:
        _define(path, line, f"{name} = {body.rstrip('.')}", state, findings)
    # each statement's own 'Let $x \in S$' is the Setting's: its displays are checked under the
    # Setting, so a hypothesis edited in the statement alone would go unchecked (a review)
    for statement in re.finditer(r"\\begin\{[^}]+\}(?:\[\{[^\n]*?\}\])?(.*?)\\begin\{equation\}",
                                 text[setting.end():], re.S):
        let = re.search(r"\bLet\b(.*?)(?:\bThen\b|\band let\b|$)", statement.group(1), re.S)
        for hypothesis in re.findall(r"\$([^$]*?\\in[^$]*?)\$", let.group(1) if let else ""):
            if hypothesis not in ranges:
                at = text[: setting.end() + statement.start()].count("\n") + 1
                findings.append(Finding(str(path), at, "unreadable", (
                    f"the statement's hypothesis ${hypothesis}$ is none of the Setting's, under "
                    "which its displays are checked: regenerate the fragment (proofs prove … "
                    "--fragment)")))
    return [(line, ", ".join(ranges))] if ranges else []


def _declare_functions(text, state):
    """A range written for an application, C(p_i) ∈ S, declares the letter C a function; one
    written for a bare letter, σ ∈ (0, ∞), declares it a number (so σ(…) is no sigmoid)."""
    for part in _split_top(_expand(text, state.macros)):
        part, parameter = _dependence(part)
        if parameter is not None:  # p_i(θ) in a display reads as p_i from now on
            name = re.match(r"\s*\\?([A-Za-z]+)", part).group(1)
            state.names.setdefault(texmath.DEPENDS, {})[name] = parameter
        applied = re.match(r"^\s*\\?([A-Za-z]|[Pp]hi|[Pp]si)\s*(\\left)?\(", part)
        if applied and applied.group(1) not in state.names:
            state.names[applied.group(1)] = sp.Function(applied.group(1))
            continue
        number = re.match(r"^\s*\\?([A-Za-z]+)\s*(\\in|\\geq?|\\leq?|<|>)", part)
        if number and number.group(1) not in state.names:
            state.names[number.group(1)] = texmath.NUMBER


def _setting_display(text):
    """The line of the one display a fragment's Setting lists its definitions in (the first
    align* after the heading, as `_fragment_setting` reads it), or None."""
    setting = re.search(SETTING_HEAD + r"(.*?)\\begin\{align\*\}", text, re.S)
    return text[: setting.end()].count("\n") if setting else None


def _definition_rows(body):
    """Whether a fragment's display is the list of definitions its Setting writes: an align* of
    rows `name &= body` and their continuations (`&\\quad …`).  Any other display after the
    Setting is checked: a hand-made fragment had put 2 + 2 = 5 there, passed over."""
    inner = re.search(r"\\begin\{align\*\}(.*)\\end\{align\*\}", body, re.S)
    if not inner:
        return False
    rows = [row.strip() for row in re.split(r"\\\\", inner.group(1)) if row.strip()]
    return bool(rows) and all(re.match(r"[^&=]+&=|&", row) for row in rows)


def _apply_directives(path, pending, state, where, findings, in_preamble):
    """Apply where/define/check directives; True when the next display is marked."""
    marked = False
    for line, directive in pending:
        word, _, rest = directive.partition(" ")
        if word == "where":
            _declare_functions(rest, state)
            (state.global_where if in_preamble else where).append((line, rest))
            marked = marked or not in_preamble
        elif word == "define":
            _define(path, line, rest, state, findings)
            marked = True
        elif word in ("check", ""):
            marked = True
        elif word == "skip":
            findings.append(
                Finding(str(path), line, "unreadable", "'% proofs: skip' belongs inside a display")
            )
        else:
            findings.append(
                Finding(
                    str(path),
                    line,
                    "unreadable",
                    f"unknown directive {word!r} (where, define, skip, check)",
                )
            )
    return marked


def _define(path, line, rest, state, findings):
    """`define L = …` (a quantity) or `define p_i = …` (a family, read at the indices it is
    written with)."""
    name, equals, body = rest.partition("=")
    name = name.strip()
    # an accent over one letter (\bar{x}, the sample mean) names a quantity as the reader does
    accent = re.fullmatch(r"(\\(?:" + "|".join(a[1:] for a in texmath.ACCENTS) + r"))\s*\{\s*"
                          r"([A-Za-z]|\\[A-Za-z]+)\s*\}(.*)", name)
    if accent and (len(accent.group(2)) == 1 or accent.group(2)[1:] in texmath.GREEK):
        name = "Q" + accent.group(3)  # its subscripts and argument read as a letter's
    match = re.fullmatch(
        r"(\\mathrm\{|\\operatorname\{)?\\?([A-Za-z]+)\}?"
        r"(?:_\{?([A-Za-z](?:,?[A-Za-z])*)\}?)?(\(.*\))?",
        name,
    )
    if not equals or not match:
        message = f"cannot read the definition '{rest}': write 'define L = …' or 'define p_i = …'"
        findings.append(Finding(str(path), line, "unreadable", message))
        return
    defined = (f"{texmath.ACCENTS[accent.group(1)]}{{{accent.group(2)}}}"
               if accent and name.startswith("Q") else match.group(2))
    if defined in ("pi", "e", "infty") or "\\" + defined in texmath.FUNCTIONS:
        message = f"{defined} is a constant or a function of mathematics, not a name"
        findings.append(Finding(str(path), line, "unreadable", message))
        return
    if defined in state.definitions:  # later definitions would change the earlier ones
        message = f"{defined} is already defined: a name is defined once in a paper"
        findings.append(Finding(str(path), line, "unreadable", message))
        return
    decoration = match.group(4) or ""
    arguments = [a.strip().lstrip("\\") for a in decoration.strip("()").split(",") if a.strip()]
    body_letters = set(re.findall(r"\\?([A-Za-z]+)", body))
    if len(arguments) > 1 or any(a in body_letters for a in arguments):
        message = (
            f"{defined}({', '.join(arguments)}) depends on its arguments: functions "
            f"are not defined here; write the expression, or a family {defined}_i"
        )
        findings.append(Finding(str(path), line, "unreadable", message))
        return
    if re.search(_tex_pattern(sp.Symbol(defined)), body):
        message = f"the definition of {defined} uses {defined} itself"
        findings.append(Finding(str(path), line, "unreadable", message))
        return
    try:
        texmath.read(_expand(body, state.macros), state.names)
    except texmath.TexError as error:
        message = f"cannot read the definition of {defined}: {error}"
        findings.append(Finding(str(path), line, "unreadable", message))
        # its uses are refused, not read as a free letter
        state.names[defined] = texmath.Unreadable(f"the definition of {defined} "
                                                         f"(line {line}) could not be read")
        return
    params = tuple(sp.Symbol(letter) for letter in (match.group(3) or "").replace(",", ""))
    before = dict(state.names), dict(state.definitions)
    state.definitions[defined] = (params, _expand(body, state.macros))
    # read every definition again with all the names known, so that L may be defined before
    # the q_i it uses (as many rounds as there are definitions: enough for any acyclic order)
    try:
        for _ in range(len(state.definitions)):
            for name, (params, text) in state.definitions.items():
                value, conditions = texmath.read_with_conditions(text, state.names)
                state.names[name] = texmath.Family(params, value) if params else value
                state.names.setdefault(texmath.CONDITIONS, {})[name] = conditions
    except texmath.TexError as error:  # an earlier definition used the name otherwise (p_{i,k})
        state.names.clear()
        state.names.update(before[0])
        state.definitions.clear()
        state.definitions.update(before[1])
        message = (f"defining {defined} here changes how an earlier definition reads ({error}): "
                   "a name means one thing in a paper")
        findings.append(Finding(str(path), line, "unreadable", message))


def _commands(text):
    """`text` with each \\\\ (a line break) blanked, same length: what follows one is not a
    command (\\\\renewcommand prints "renewcommand"), as TeX reads it."""
    return text.replace("\\\\", "  ")


def _without_comment(line):
    """The line up to its comment: a % not escaped (\\% is a percent sign, \\\\% a line break
    and a comment)."""
    return re.sub(r"(?<!\\)((?:\\\\)*)%.*$", r"\1", line)


def _display_start(line):
    """The display that begins on this line: an environment name, or '\\[' ; None otherwise."""
    match = re.search(r"\\begin\s*\{(" + "|".join(map(re.escape, ENVIRONMENTS)) + r")\}", line)
    if match:
        return match.group(1)
    # \[ opens a display; \\[2pt] is a line break, and \let\x\[ or a macro's body no display
    if re.search(r"(?<!\\)\\\[", line) and not DEFINED_NAME.search(line):
        return "["
    return None


def _display_end(lines, number, start):
    """The line a display opened on line `number` closes on; None when the file ends first."""
    for index in range(number, len(lines)):
        if re.search(_closing(start), _without_comment(lines[index])):
            return index
    return None


def _closing(start):
    """The regular expression of the end of a display that opened with `start`."""
    return r"(?<!\\)\\\]" if start == "[" else r"\\end\s*\{" + re.escape(start) + r"\}"


def _macro_lines(path, lines, local=False):
    """(line number → [(column, name, (argument count, body))] of the macros defined on it, line
    number → the commands (re)defined on it in a way the reader does not follow (None: every
    command), and `nested(line, column)`: whether that place lies inside a group TeX ends), from
    the lines with comments removed; so that a display sees the definitions made before it, a later
    \\renewcommand none of the earlier ones.  A \\newcommand inside a group, an environment or a
    conditional (or in a file `local`, \\input inside one) is applied, and its command is a hazard
    too: TeX may forget it, or never make it (\\iffalse)."""
    found, hazards = {}, {}
    text = _commands("\n".join(_without_comment(line) for line in lines))
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(_without_comment(line)) + 1)
    depth_at = _nesting(text)

    def line_of(offset):
        return bisect.bisect_right(starts, offset) - 1

    def hazard(offset, name, why):
        number = line_of(offset)
        hazards.setdefault(number, {}).setdefault(name, f"{why} at {path}:{number + 1}")

    for match in MACRO.finditer(text):
        body = _braced(text, match.end() - 1)
        if body is None:
            continue
        if match.group(3):  # an operator name: one upright name, not letters
            body = "\\operatorname{" + body + "}"
        number = line_of(match.start())
        name = match.group(1) or match.group(3)
        # a name LaTeX defines made again: LaTeX stops, and keeps the old meaning (one the paper
        # made already is found as TeX meets the definitions, in `_check_text`)
        new = not match.group(0).startswith("\\renew")
        if new and name in LATEX_DEFINED:
            hazard(match.start(), name, "is made again with \\newcommand or "
                   "\\DeclareMathOperator (LaTeX refuses that and keeps the first meaning; "
                   "use \\renewcommand)")
        found.setdefault(number, []).append(
            (match.start() - starts[number], name, (int(match.group(2) or 0), body), new))
        if local or depth_at(match.start()):
            hazard(match.start(), name, "is defined inside a group, an environment or a "
                   "conditional")
    for match in REDEFINITION.finditer(text):
        command = match.group(0).split("\\")[1].rstrip("*{ ")
        hazard(match.start(), match.group(1) or match.group(2), f"is (re)defined with \\{command}")
    for match in DEFINED_NAME.finditer(text):  # LaTeX's inner commands, control symbols: global
        name = match.group(1)
        if "@" in name or name in INTERNALS or not name[0].isalpha():
            hazard(match.start(), None, f"\\{name} is (re)defined")
    for match in GLOBAL_HAZARDS.finditer(text):
        hazard(match.start(), None, f"{match.group(0).strip()} is used")
    for match in CSNAME.finditer(text):  # \csname input\endcsname reads a file: global
        named = match.group(1) if match.group(2) and match.group(1) not in (
            "input", "include", "includeonly", "InputIfFileExists") else None
        hazard(match.start(), named, "is named with \\csname")
    for match in CODES.finditer(text):
        if match.group(1) != "@":  # \makeatletter's own change is harmless
            hazard(match.start(), None, "a character's \\catcode or \\mathcode is changed")
    for match in ACTIVE.finditer(text):
        hazard(match.start(), None, f"the character {match.group(1)} is defined")

    def nested(number, column):
        return local or depth_at(starts[number] + column) > 0

    return found, hazards, nested


def _nesting(text):
    """depth(offset): how many groups TeX ends enclose that place of `text` (comments removed):
    braces, \\begingroup, math shifts, environments other than document, and (counted apart, so
    that a \\fi in a macro's body cannot close a brace) conditionals, \\if… … \\fi."""
    offsets, depths, groups, conditionals, math = [0], [0], 0, 0, False
    for match in NESTING.finditer(text):
        token = match.group(0)
        if match.group("begin") is not None:
            groups += match.group("begin") != "document"
        elif match.group("end") is not None:
            groups = max(0, groups - (match.group("end") != "document"))
        elif token in ("{", "\\begingroup", "\\bgroup", "\\(", "\\["):
            groups += 1
        elif token in ("}", "\\endgroup", "\\egroup", "\\)", "\\]"):
            groups = max(0, groups - 1)
        elif token == "$":
            math = not math
        elif match.group("opener"):
            conditionals += 1
        elif token == "\\fi":
            conditionals = max(0, conditionals - 1)
        else:
            continue
        offsets.append(match.end())
        depths.append(groups + conditionals + math)
    return lambda offset: depths[bisect.bisect_right(offsets, offset) - 1]


def _braced(text, start):
    """The contents of the {…} group opening at `start`."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{" and text[index - 1] != "\\":
            depth += 1
        elif text[index] == "}" and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index]
    return None


# where TeX expands a macro and takes only the first token of its body: a script, \sqrt without
# its [order], an accent (amsmath's \bar, \hat, … but not \overline or \widehat), \mathop
FIRST_TOKEN = re.compile(r"(?:[_^]|\\sqrt|\\(?:bar|hat|tilde|check|breve|acute|grave|dot|ddot|vec|"
                         r"mathring|mathop))(?:\s*\\relax(?![A-Za-z]))*\s*$")


def _through_macros(body, macros):
    """A body that is one macro without arguments, followed to that macro's body (\\m = \\ab,
    \\ab = a + b: a + b), as TeX expands it to find the first token."""
    for _ in range(10):
        name = re.fullmatch(r"\s*\\([A-Za-z]+)\s*", body)
        if name is None or name.group(1) not in macros or macros[name.group(1)][0]:
            return body
        body = macros[name.group(1)][1]
    return body


def _awaits_outside(body):
    """Whether a macro's body ends with a command the reader knows still awaiting an argument
    (^\\relax, \\sqrt, \\frac{1}); a body ending with a macro is rescanned with what follows."""
    found = texmath.tokens(body)
    last = found[-1].text if found else ""
    if re.fullmatch(r"\\[A-Za-z]+\*?", last) and last.rstrip("*") not in texmath.ARGUMENTS:
        return False
    return texmath.awaits_argument(body)


def _expand(text, macros, depth=0):
    """Macros expanded (their arguments substituted for #1, #2, …), up to a fixed depth, beyond
    which the formula is refused (what is left unexpanded would be read as it is named)."""
    if not macros:
        return text
    if depth > 10:
        raise texmath.TexError("macros nest more than ten deep here: the reader stops expanding "
                               "them", 1)
    pattern = re.compile(
        r"\\(" + "|".join(sorted(map(re.escape, macros), key=len, reverse=True)) + r")(?![A-Za-z])"
    )
    out, position = [], 0
    for match in pattern.finditer(text):
        if match.start() < position:
            continue
        count, body = macros[match.group(1)]
        out.append(text[position : match.start()])
        cursor, arguments = match.end(), []
        for _ in range(count):
            while cursor < len(text) and text[cursor].isspace():  # TeX skips tabs and newlines
                cursor += 1
            if cursor < len(text) and text[cursor] == "{":
                argument = _braced(text, cursor) or ""
                cursor += len(argument) + 2
            else:  # one token: a control word whole (\inc\pi), else one character
                token = re.match(r"\\(?:[A-Za-z]+|.)|.", text[cursor:], re.S)
                argument = token.group(0) if token else ""
                cursor += len(argument)
            arguments.append(argument)
        for index, argument in enumerate(arguments, 1):
            body = body.replace(f"#{index}", argument)
        if FIRST_TOKEN.search(text[: match.start()]) and not re.fullmatch(
                r"\s*(?:\\[A-Za-z]+|[^\s\\{}]|\{[^{}]*\})\s*", _through_macros(body, macros)):
            # TeX expands the macro and takes the first token of its body as the script, the
            # radicand or the accented letter: 2^\ab with \ab = a + b is 2^a + b, \sqrt\ab with
            # \ab = 4y is √4·y; refused rather than read either way
            raise texmath.TexError(f"'\\{match.group(1)}' right after ^, _, \\sqrt or an accent "
                                   "takes only the first token of its body: write "
                                   f"{{\\{match.group(1)}}}", 1)
        if re.search(r"[_^]\s*$", body):  # \up = ^: the script it opens is outside the macro
            raise texmath.TexError(f"'\\{match.group(1)}' ends with ^ or _: write the script in "
                                   "the formula", 1)
        if _awaits_outside(body):
            # \rt = \sqrt, \up = ^\relax: TeX takes one token after the macro (\rt\fy with
            # \fy = 4y is √4·y), where a macro written next would be read whole
            raise texmath.TexError(f"'\\{match.group(1)}' ends with a command that takes an "
                                   "argument (\\sqrt, \\frac, ^): write the command and its "
                                   "argument in the formula", 1)
        if texmath.awaits_argument(text[: match.start()]):
            # \frac\ab c, \frac{\frac{1}{2}}\ab, \bar\ab: the macro, whole, is the argument, as TeX
            out.append("{" + body + "}")
        else:
            # a space after, not \relax: a macro ending the body takes the next argument written
            # (\two{x} for \two = 2\g is 2\g{x}), as TeX rescans
            out.append("\\relax " + body + " ")
        position = cursor
    out.append(text[position:])
    expanded = "".join(out)
    if len(expanded) > 20000:
        raise texmath.TexError("a macro expands without end (or beyond 20,000 characters)", 1)
    return expanded if expanded == text else _expand(expanded, macros, depth + 1)


def _expanded(text, state):
    """`text` with the paper's macros expanded, once no command it uses (itself or through a
    macro's body) is one the paper (re)defines in a way the reader does not follow: what is read
    must be what TeX prints."""
    if None in state.hazards:
        raise texmath.TexError(f"{state.hazards[None]}, which the reader cannot follow: no "
                               "display after it is checked", 1)
    used, seen = set(re.findall(r"\\([A-Za-z]+)", text)), set()
    while used - seen:
        name = min(used - seen)
        seen.add(name)
        if name in state.macros:
            used |= set(re.findall(r"\\([A-Za-z]+)", state.macros[name][1]))
    for name in sorted(seen & state.hazards.keys()):
        raise texmath.TexError(f"\\{name} {state.hazards[name]}, which the reader does not "
                               "follow: define it once, with \\newcommand at the top level of "
                               "the preamble", 1)
    return _expand(text, state.macros)


# ------------------------------------------------------------------------------------------------
# one display
def _rows(lines, first, last, start):
    """(line number, text, skipped) for each row of the display: split at \\\\ (and before a line
    that starts with a relation), comments dropped; `skipped` for the row that starts after a
    '% proofs: skip' line."""
    rows, current, current_line, current_skip, skip_next = [], [], None, False, False

    def close():
        nonlocal current, current_line, current_skip
        if current and "".join(current).strip():
            rows.append((current_line, " ".join(current), current_skip))
        current, current_line, current_skip = [], None, False

    for index in range(first, last + 1):
        raw = lines[index]
        if DIRECTIVE.match(raw) and DIRECTIVE.match(raw).group(1).strip() == "skip":
            skip_next = True
            continue
        text = _without_comment(raw)
        if index == first:
            text = (
                # alignat's column count {N} only: {2}{3} after another \begin is printed 23
                re.sub(r"^.*?\\begin\s*\{(?:alignat\*?\}\s*\{\d+\}|[^}]*\})", "", text)
                if start != "["
                else re.split(r"(?<!\\)\\\[", text, maxsplit=1)[1]
            )
        if index == last:  # cut at the display's own end, not at an inner \end{aligned}
            text = re.split(_closing(start), text)[0]
        if current and re.match(r"^\s*&?\s*(=|<|>|\\le|\\ge|\\in)(?![A-Za-z])",
                                _unlabelled(text)):
            close()  # a row continued on a new line by its relation
        for position, part in enumerate(re.split(r"\\\\\*?(?:\[[^\]]*\])?", text)):
            if position > 0:
                close()
            if part.strip():
                if not current:
                    current_line, current_skip, skip_next = index + 1, skip_next, False
                current.append(part)
    close()
    return rows


# a relation with a step's mark over it, as papers number the reasons of a chain:
# \overset{(a)}{=}, \stackrel{\text{Jensen}}{\le}, \stackrel{(b)}<
LABELLED = re.compile(r"\\(?:overset|stackrel)\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*"
                      r"(?:\{\s*(?P<braced>" + RELATION + r")\s*\}|(?P<bare>" + RELATION + r"))")
# the marks read as a reason, which the check leaves unread as it leaves the words after a row:
# (a), (ii), (*), \eqref{…}, a star or a dagger, words in \text{…} (by Lemma 1, Jensen, def,
# a.s.) without a relation or mathematics.  Read as the relation under it, a step claims at least
# what it prints: pointwise equality implies equality almost surely, in law or by definition
STEP_MARK = re.compile(r"\s*(?:\(\s*(?:[A-Za-z0-9.]{1,6}|\*|\\ast|\\star|\\dagger)\s*\)|\*|"
                       r"\\(?:ast|star|dagger|ddagger)(?![A-Za-z])|\\(?:eq)?ref\s*\{[^{}$\\]*\}|"
                       r"\\(?:text|textrm|textnormal|mathrm)\s*\{[A-Za-z0-9 .,;:'()-]*\})\s*")


def _unlabelled(text):
    """`text` with each step's mark over a relation left out, the relation kept (padded to the
    same width, so that columns in messages stay those of the source)."""
    def relation(match):
        kept, mark = match.group("braced") or match.group("bare"), match.group(1)
        if not STEP_MARK.fullmatch(mark) or re.search(r"\b(?:not|no|never|false)\b", mark, re.I):
            raise texmath.TexError(f"the mark '{mark.strip()}' over '{kept}' is not read as a "
                                   "step's reason: write it as (a), \\eqref{…} or \\text{words}", 1)
        return kept + " " * (len(match.group(0)) - len(kept))

    return LABELLED.sub(relation, text)


# boxes, colours, phantoms and negative spaces: they may hide or overprint what is read
HIDING = re.compile(r"\\(?:[lrc]lap|math[lrc]lap|color|textcolor|colorbox|fcolorbox|pagecolor|"
                    r"rule|put|multiput|picture|pdfliteral|special|"
                    r"phantom|hphantom|vphantom|smash|raisebox|kern|mkern|hskip|mskip|llap|rlap|"
                    r"makebox|framebox|resizebox|scalebox|rotatebox|reflectbox|"
                    # TeX's own boxes, glue and moves (\hbox to 0pt{\hss …}, \raise), TikZ
                    r"hbox|vbox|vtop|vcenter|hss|vss|hfil|hfill|hfilneg|vfil|vfill|raise|lower|"
                    r"moveleft|moveright|setbox|box|copy|unhbox|unvbox|unhcopy|unvcopy|hrule|"
                    r"vrule|leaders|cleaders|xleaders|ooalign|hidewidth|mathpalette|tikz|"
                    r"tikzpicture|pgf[A-Za-z]*)(?![A-Za-z])"
                    r"|\\neg(?:thin|med|thick)space(?![A-Za-z])|\\negthinspace"
                    r"|\\hspace\s*\*?\s*\{[^}]*[-\\]"  # -2em, +-2em, \back (any length)
                    r"|\\begin\s*\{picture\}")
TEXT_COMMAND = r"\\(?:text|textrm|textnormal|textit|emph|mbox)\s*\{"
SPACING = re.compile(r"(?:\\q?quad(?![A-Za-z])|\\[,;:! ]|~|&|\s)*")
# what may open the words after a formula besides \text{word …}: a condition (∀, an index's
# range, i = 1, …, n); not a bare \ref or \eqref, which prints whatever its label's tag is
REMARK = re.compile(r"\\forall(?![A-Za-z])"
                    r"|[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?\s*(?:=|\\in(?![A-Za-z])|\\neq?|\\ne)")
BRACKET = re.compile(r"\\(?:big|Big|bigg|Bigg)l?\s*[(\[]|\\left\s*[(\[]|[(\[]")
# a word: two letters or more, or an abbreviation (i.e., e.g., a.s., w.p.)
WORD = re.compile(r"\s*(?:[A-Za-z]{2,}|[A-Za-z]\.\s*[A-Za-z]\.)")


def _claims_in_words(words, conditions=None):
    """Relations in the words after a row's formula that state more than a condition (x > 0, i = 1,
    …, n): \\text{ and } 2 + 2 = 5 prints a second claim the check does not read; so does
    mathematics inside the words (\\text{and so $2 + 2 = 5$}) and a relation written in the words
    themselves (\\text{hence 2 + 2 = 5}).

    The words are read in order.  Right after the formula a relation may be a condition on one
    quantity (x = x, i = 1, …, n); after words that are, as a whole, a condition's (for every,
    where, if, such that …: `CONDITION`) too, but only the first relation after them; after any
    other words (hence, i.e., since, we arrive at) or an arrow every relation is a claim, up to
    the next condition's words and past them, whatever stands between (\\quad, a comma); "and"
    and "or" go on as before them (opening a second condition), and right after the formula
    make a claim.  The relations read as conditions are added to `conditions`, whole (x \\in (0,
    1) is not cut at its comma), for `_condition_problems`."""
    claims = _claims_in_text_math(words, conditions)
    listed = False  # the piece before was a condition, which a value alone goes on
    said_last = None  # the words of the last \text, when they hold no mathematics
    mode, pieces, position = "formula", [], 0  # formula: right after it; condition; claim
    fresh = True  # the words so far opened a condition: its first relation may be one
    for match in WORD_TOKEN.finditer(words):
        pieces.append((mode, words[position:match.start()], fresh))
        fresh = False
        position = match.end()
        if match.group("conclude"):
            mode = "claim"
            continue
        body = _braced(words, match.end() - 1) or ""
        position = match.end() + len(body) + 1
        said = _said(body)
        said_last = said if "$" not in body else None
        if _relation_in_words(said):  # \text{hence 2 + 2 = 5}: printed, not read
            claims.append(" ".join(said.split()))
        if match.group("command").startswith(("tag", "label", "ref", "eqref", "cite")):
            continue  # no words of the sentence
        if CONDITION.fullmatch(said):
            # a condition, unless the words concluded already (hence, for every x, x ≥ 1)
            mode = "claim" if mode == "claim" else "condition"
            fresh = True
        elif re.fullmatch(r"[\s,~]*(?:and|or)[\s,~]*", said, re.I):
            mode = "claim" if mode == "formula" else mode
            fresh = mode == "condition"  # for x > 0 and y > 0: a second condition
        elif re.search(r"[A-Za-z]", said):  # other words (hence, since, we arrive at): claimed
            mode = "claim"
    pieces.append((mode, words[position:], fresh))
    if said_last is not None and DANGLING.search(said_last) and not re.search(
            r"[A-Za-z0-9\\]", re.sub(r"\\q?quad\b|\\[,;:! ]", "", words[position:])):
        raise texmath.TexError(f"the words '{said_last.strip()}' end the row, and what they are "
                               "about stands on the next row, which is read as an equation: write "
                               "the condition on the row of its words", 1)
    conditioned = False
    for mode, text, fresh in pieces:
        # the condition is the first relation after the formula or the condition's words; a
        # relation after it, or after a bare quantified variable (for every x, x ≥ 1), is claimed,
        # whatever words without letters stand between (\text{, } x > 5)
        conditioned = conditioned and not fresh
        parts = re.split(r"[,;]|\\q?quad\b", text)
        for number, piece in enumerate(parts):
            piece = " ".join(piece.replace("&", " ").split())
            if conditions and listed and number == 0 and _value(piece):
                conditions[-1] += f", {piece}"  # x = 2 \text{ and } \tfrac12: one more value
            listed = listed and _value(piece)  # x = 2, 3 \text{ or } 1: the list goes on
            if not _states_relation(piece):
                conditioned = conditioned or bool(re.search(_VARIABLE, piece))
            elif mode == "claim" or conditioned or _is_claim(piece):
                claims.append(piece)
            else:
                conditioned = True
                if conditions is not None:
                    conditions.append(_closed(parts[number:]))
                    listed = True
    if conditions is not None:
        conditions.append(_words_of(words))
    return claims


def _words_of(words):
    """("words", what the words say, the mathematics among them that holds no relation): for
    `_condition_problems`, which refuses a range said in words (for every positive x) or a set
    written alone (on (0, ∞)) about a letter whose range is narrower."""
    said, maths, position = [], [], 0
    for match in WORD_TOKEN.finditer(words):
        maths.append(words[position:match.start()])
        position = match.end()
        if match.group("conclude"):
            continue
        body = _braced(words, match.end() - 1) or ""
        position = match.end() + len(body) + 1
        if not match.group("command").startswith(("label", "ref", "eqref", "cite")):
            said.append(_said(body))
            maths += re.findall(r"(?<!\\)\$([^$]*)\$", body)
    maths.append(words[position:])
    pieces = [piece for math in maths for piece in _split_top(re.sub(r"\\q?quad\b", ",", math))
              if piece.strip() and not _states_relation(piece)]
    return ("words", " ".join(" ".join(said).split()), tuple(pieces))


def _closed(parts):
    """The first of `parts` (words cut at their commas) with the parts after it that close its
    brackets, and the values that go on its list: x \\in (0 and 1) are the condition x \\in
    (0, 1), x = 2 and \\tfrac12 the condition x = 2, \\tfrac12."""
    text, depth = "", 0
    for part in parts:
        if text and depth <= 0 and not _value(part):
            break
        text = f"{text}, {part}" if text else part
        depth += len(re.findall(r"\\\{|\\left\s*[(\[]|(?<!\\)[(\[]", part)) - len(
            re.findall(r"\\\}|\\right\s*[)\]]|(?<!\\)[)\]]", part))
    return " ".join(text.replace("&", " ").split())


def _value(piece):
    """Whether a piece of the words is a value alone (2, \\tfrac12, \\dots), which goes on the
    list of the condition before it (x = 2, \\tfrac12)."""
    piece = piece.strip()
    return bool(piece) and not _states_relation(piece) and not re.search(_VARIABLE, re.sub(
        r"\\[A-Za-z]+", " ", piece)) and bool(re.search(r"[0-9]|\\[lc]?dots", piece))


# words that end on a condition's opening (for every, where): what they are about comes after
DANGLING = re.compile(r"(?:^|\s)(?:for(?:\s+(?:all|every|each|any))?|where|when|whenever|if|with|"
                      r"given|provided(?:\s+that)?|assuming(?:\s+that)?|such\s+that)[\s,:~]*$",
                      re.I)
# what opens words after a formula: a text command and its argument, or a sign of a conclusion
WORD_TOKEN = re.compile(r"\\(?P<command>text|textrm|textnormal|textit|textbf|textsf|textup|"
                        r"textsl|texttt|textsc|textmd|emph|mbox|tag\*?|label|eqref|ref|cite)"
                        r"\s*\{|(?P<conclude>\\(?:Rightarrow|Longrightarrow|implies|therefore|"
                        r"iff|Leftrightarrow|Longleftrightarrow|because|rightarrow|"
                        r"longrightarrow|to|mapsto)(?![A-Za-z]))")
# the whole of the words a condition's relation follows (\text{for every } i = 1, …, n,
# \text{where } x > 0): words that end so after others assert what follows (we arrive at x > 5),
# and since, because and as give a reason, which is a claim
CONDITION = re.compile(r"[\s,~(]*(?:(?:and|or|i\.\s*e\.)[\s,~]+)?"
                       r"(?:for(?:\s+(?:all|every|each|any))?|"
                       r"where|when|whenever|if|with|given|provided(?:\s+that)?|"
                       r"assuming(?:\s+that)?|such\s+that|s\.\s*t\.)[\s,:~]*", re.I)
# commands that are no relation: what a condition or a formula is written with; any other
# command among the words may be one the reader does not know (\lneq, \coloneqq, \mid)
NOT_RELATIONS = (set(texmath.GREEK) | {name[1:] for name in texmath.FUNCTIONS}
                 | {name[1:] for name in (*texmath.FRACTIONS, *texmath.NAMES, *texmath.SIZES,
                                          *texmath.OPENING, *texmath.OPENING.values())}
                 | set("sum prod sqrt cdot times infty dots ldots cdots vdots ddots mathbb mathcal "
                       "binom pm mp max min lim sup inf arg partial top prime hat bar tilde vec "
                       "dot forall exists to rightarrow mapsto text mbox quad qquad lvert rvert "
                       "vert Vert langle rangle mathbf boldsymbol textit textbf textsf textup "
                       "textsl texttt textsc textmd emph".split()))
_RELATION_CHARACTERS = "=<>≠≤≥≈≡∼∈∉⊂⊆⊃⊇≪≫"


def _states_relation(piece):
    """Whether a piece of the words holds a relation: one the reader knows, a relation
    character, or a command it does not know to be none."""
    commands = re.findall(r"\\([A-Za-z]+)", piece)
    return bool(re.search(WORD_RELATION, piece) or set(piece) & set(_RELATION_CHARACTERS)
                or any(command not in NOT_RELATIONS for command in commands))


def _said(body):
    """The words of a \\text's, \\tag's or \\intertext's argument, its $…$ left out."""
    return re.sub(r"(?<!\\)\$[^$]*\$", " ", body)


def _relation_in_words(said):
    """Whether words (`_said`) hold a relation, also as a text command (\\textgreater, \\char62)."""
    return bool(set(said) & set(_RELATION_CHARACTERS) or re.search(WORD_RELATION, said)
                or re.search(r"\\(?:textgreater|textless|char|symbol)(?![A-Za-z])", said))


# the relations words may hold beside those the reader reads (≠, ≈, ≡, ∼, ≧, …): a claim among
# the words is printed whichever it is (a review: \text{hence } 2 + 2 \neq 4)
WORD_RELATION = (r"(=|<|>|\\(?:le|leq|leqslant|ge|geq|geqslant|in|neq?|approx|equiv|sim|simeq|"
                 r"cong|propto|geqq|leqq|ngeq|nleq|ngtr|nless|notin|gtrsim|lesssim|ll|gg|prec|"
                 r"succ|preceq|succeq|subset|subseteq|supset|supseteq|doteq|asymp|not|lneq|gneq|"
                 r"lneqq|gneqq|mid|coloneqq|eqqcolon|gtrapprox|lessapprox|triangleq|iff)"
                 r"(?![A-Za-z]))")
# one quantity a condition is about: a letter other than e, a Greek letter other than π, or one
# of them in bold, with a subscript; |x| too
_LETTER = (r"(?:(?!e(?![A-Za-z]))[A-Za-z]|\\(?!pi(?![A-Za-z]))(?:"
           + "|".join(name for name in texmath.GREEK if name != "pi") + r")(?![A-Za-z]))")
_ACCENTED = (r"\\(?:" + "|".join(accent[1:] for accent in sorted(texmath.ACCENTS))
             + r")\s*\{\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*\}")
_VARIABLE = (r"\|?(?:" + _ACCENTED + "|" + _LETTER
             + r"|\\(?:mathbf|boldsymbol|bm)\s*\{[A-Za-z]\})"
             + r"(?:_\{?[A-Za-z0-9]+\}?)?(?:\^\{?\*\}?)?\|?")
_BOUND = r"(?:-?[0-9.]+|\\pi|e|\\infty|" + _VARIABLE + ")"
_BELOW = r"(?:<|\\leq?|\\leqslant)"
# a bound, a variable, a bound: 0 < x < 1 and 0 < x state the variable's range, as x > 0 does
BOUNDS = re.compile(rf"{_BOUND}\s*{_BELOW}\s*{_VARIABLE}(?:\s*{_BELOW}\s*{_BOUND})?")


def _is_claim(piece):
    """Whether a relation (in the words right after a formula or after a condition's words)
    states more than a condition on one quantity (x > 0, 0 < x < 1, i = 1, …, n): n = n + 1 is no
    condition on n but a claim about it, e = 3 and \\pi < 3 are about constants, and a chain
    (n = 2 + 2 = 5) states more than one."""
    if BOUNDS.fullmatch(piece.strip()):
        return False
    parts = re.split(WORD_RELATION, piece, maxsplit=1)
    left = re.sub(r"^(?:\\(?:big|Big|bigg|Bigg)l?|\\left)?\s*[(\[]\s*", "", parts[0].strip())
    if len(parts) < 2 or not left:
        return _states_relation(piece)  # a relation the reader does not know: a claim
    if re.search(WORD_RELATION, parts[2]) or not re.fullmatch(
            rf"{_VARIABLE}|\\forall\s*{_VARIABLE}", left):
        return True
    return bool(re.search(r"(?<![A-Za-z\\])" + re.escape(left) + r"(?![A-Za-z])", parts[2]))


def _claims_in_text_math(words, conditions=None):
    """Relations written as mathematics inside words ($2 + 2 = 5$ in a \\text, \\tag or
    \\intertext): printed, not read; after words that are not, as a whole, a condition's (hence
    $x \\geq 0$), or after a condition's first relation in the same body, whatever their left
    side.  The relations read as conditions are added to `conditions`."""
    claims, seen = [], set()  # seen: the bodies a relation or a variable was read in already
    for match in re.finditer(r"(?<!\\)\$([^$]*)\$|\\\((.*?)\\\)", words):
        math = match.group(1) if match.group(1) is not None else match.group(2)
        # the words of its own \text, \tag or \intertext before it, mathematics left out
        before = re.sub(r"(?<!\\)\$[^$]*\$|\\\(.*?\\\)", " ", words[:match.start()])
        body = before.rfind("{")
        before = before[body + 1:]
        concluded = re.search(r"[A-Za-z]", before) and not CONDITION.fullmatch(before)
        # after a condition's relation or variable (for $x > 0$, $x > 5$), a claim
        if _states_relation(math) and (concluded or body in seen or _is_claim(math)):
            claims.append(" ".join(math.split()))
        elif _states_relation(math) and conditions is not None:
            conditions.append(" ".join(math.split()))
        if _states_relation(math) or re.search(_VARIABLE, math):
            seen.add(body)
    return claims


def _drop_with_argument(text, command, filler=" "):
    """`text` with each `command` (a regular expression) and its {…} argument replaced by
    `filler`."""
    while (match := re.search(command + r"\s*\{", text)) is not None:
        body = _braced(text, match.end() - 1) or ""
        text = text[: match.start()] + filler + text[match.end() + len(body) + 1 :]
    return text


def _brace_depth(text, position):
    """How many {…} groups are open at `position` (escaped braces aside)."""
    opened = len(re.findall(r"(?<!\\){", text[:position]))
    return opened - len(re.findall(r"(?<!\\)}", text[:position]))


def _words_follow(before, rest):
    """Refuse a row whose formula goes on after the place where words are taken to begin (\\text,
    \\quad, &&): what is not read must not be printed as part of the formula.  The words must open
    with a word of two letters or more or an abbreviation (not a variable, not mathematics:
    x = x \\text{} + 1), a condition (\\forall, i = 1, …, n), a reference, or a bracket holding
    words or a condition (not a factor: x = x \\quad (x + 1)), or the formula must end with
    punctuation first (x = y, \\quad i = 1, …, n)."""
    spaced = re.match(r"\s*(?:\\q?quad(?![A-Za-z])|\\[ ,;:]|~|&)", rest)
    rest = rest[SPACING.match(rest).end():]
    if not rest or (re.search(r"[,;.]\s*$", before) and spaced) or REMARK.match(rest):
        return
    bracket = BRACKET.match(rest)
    if bracket:  # (\text{by Lemma 1}), [\eqref{a}], (i = 1, \dots, n)
        inside = rest[bracket.end():]
        inside = inside[SPACING.match(inside).end():]
        shut = re.search(r"[)\]]", inside)
        if REMARK.match(inside) or _opens_with_words(inside) or (
                shut and re.search(RELATION, inside[: shut.start()])):
            return
    if _opens_with_words(rest):
        return
    shown = " ".join(rest.split())[:40]
    raise texmath.TexError(f"'{shown}' after the formula is not read, yet would be printed as "
                           "part of it: end the formula with a comma before a condition, or "
                           "write the words in \\text{…}", 1)


def _opens_with_words(text):
    """Whether `text` opens with \\text{…} (or \\mbox, \\emph, …) whose words come first, a bracket
    before them allowed: \\text{for every }, \\text{(by Lemma 1)}, \\text{i.e.\\ }; and, when
    mathematics follows, the words end with a space or punctuation, since TeX sets the two
    together (\\text{ log}(1) prints "log(1)")."""
    opening = re.match(TEXT_COMMAND, text)
    body = _braced(text, opening.end() - 1) if opening else None
    if body is None or WORD.match(re.sub(r"^\s*[(\[]", "", body)) is None:
        return False
    return not _glued(body, text[opening.end() + len(body) + 1:])


def _glued(words, after):
    """Whether the words end with no space or punctuation and mathematics follows them at once
    (blanks in the source are not printed; a space command, \\text or & separate)."""
    after = after.lstrip()
    return bool(after) and not re.search(r"[\s,.;:)\]]$|\\[ ,;:]$|~$", words) and not re.match(
        r"\\q?quad(?![A-Za-z])|\\[ ,;:]|~|&|\\\\|\\(?:text|mbox|emph)|[)\],.;:]", after)


# what prints nothing between two \!: commands with their argument, then commands alone
SILENT_WITH_ARGUMENT = re.compile(r"\\(?:vspace|hspace|label|tag|phantom|hphantom|vphantom|"
                                  r"mspace|mkern|kern)\*?\s*\{[^{}]*\}")
SILENT_ALONE = re.compile(r"\\(?:nonumber|notag|displaystyle|textstyle|scriptstyle|"
                          r"scriptscriptstyle|relax|limits|nolimits|[,;:! ])(?![A-Za-z])|~|\s|[{}]")


def _negative_run(text):
    """Two \\! with nothing printed between them (after what prints nothing is left out: a review
    hid \\vspace{0pt} and \\nonumber between them), which set characters over others."""
    marks = [match.start() for match in re.finditer(r"\\!", text)]
    for start, end in zip(marks, marks[1:]):
        between = SILENT_WITH_ARGUMENT.sub("", text[start + 2:end])
        if not SILENT_ALONE.sub("", between):
            return re.search(r"\\!", text[start:])
    return None


def _cleaned(text):
    """(The equations of a row (an align row may hold several, in column pairs), without what is
    not mathematics: tags and labels removed; the row cut at \\text, \\intertext, \\mbox or &&,
    after which papers write words (a condition, a reference, a justification); the relations
    among those words that claim more than a condition, printed and not read; the conditions
    among them, which `_condition_problems` compares with the ranges)."""
    text = _unlabelled(text)
    hiding = HIDING.search(text) or _negative_run(text)
    if hiding:  # what a box, a colour or a negative space hides is read, yet not seen
        raise texmath.TexError(f"'{hiding.group(0)}' may hide or overprint part of the formula: "
                               "a checked display is written without it", 1)
    for tag in re.finditer(r"\\tag\*?\s*\{", text):
        body = _braced(text, tag.end() - 1) or ""
        words = re.sub(r"\$[^$]*\$", " ", body)
        if re.search(RELATION + r"|[-+*/]|\\(?:cdot|times|pm|mp|div)(?![A-Za-z])", body) and \
                not re.search(r"[A-Za-z]{2,}", words):
            # \tag{$1 = 2$}, \tag*{$1 +$}: mathematics beside the formula, printed, not read
            raise texmath.TexError("a \\tag that holds a relation or an operator without words is "
                                   "printed beside the formula (before it, with leqno), and not "
                                   "read: number the display otherwise", 1)
    tagged = []  # what a \tag or an \intertext states: printed, not read
    conditions = []  # what the words state as conditions: printed, compared with the ranges
    for match in re.finditer(r"\\(?:tag\*?|(?:short)?intertext)\s*\{", text):
        body = _braced(text, match.end() - 1) or ""
        tagged += _claims_in_text_math(body, conditions)
        conditions.append(_words_of("\\text{" + body + "}"))
        if "intertext" in match.group(0) and "$" not in body and DANGLING.search(_said(body)):
            raise texmath.TexError(f"the words '{body.strip()}' end on a condition's opening, and "
                                   "what it is about stands on the next row, which is read as an "
                                   "equation: write the condition in the words", 1)
        if _relation_in_words(_said(body)):  # \tag{hence 2 + 2 = 5}
            tagged.append(" ".join(_said(body).split()))
    # removed with their argument: tags and labels, and \intertext's words between two rows
    for command in (r"\\tag\*?", r"\\label", r"\\vspace\*?", r"\\(?:short)?intertext"):
        text = _drop_with_argument(text, command)
    # a wide space is a \quad to the reader: what follows it reads as words (x \hspace{3em}
    # (x + 1) is printed as an annotation, not as a product)
    text = _drop_with_argument(text, r"\\hspace\*?", filler=" \\quad ")
    text = re.sub(r"(?:(?:~|\\[,;: ]|\\(?:en|thin)space(?![A-Za-z]))\s*){2,}", r" \\quad ", text)
    while True:  # words before the mathematics of a row: "\text{hence } y &= 2y"
        lead = re.match(r"\s*&?\s*" + TEXT_COMMAND, text)
        if not lead:
            break
        body = _braced(text, lead.end() - 1) or ""
        if not re.search(r"(?:[A-Za-z]{2,}|[A-Za-z]\.\s*[A-Za-z]\.)[\s,.;:\\]*$", body) or \
                re.search(r"\$|\\\(|\\ensuremath", body):
            raise texmath.TexError(f"the words '{lead.group(0).strip()}{body}}}' before a formula "
                                   "must end with a word and hold no mathematics (they are not "
                                   "read, yet would be printed as part of the formula)", 1)
        rest = text[lead.end() + len(body) + 1 :]
        if CONDITION.fullmatch(_said(body)) and _states_relation(rest):
            # \text{for every } x > 0 on a row of its own: a condition on the rows above
            conditions.append(("lead", re.split(r"\\q?quad\b|\\\\|&|" + TEXT_COMMAND, rest)[0]))
        if _glued(body, rest):  # \text{log}(1) = 1: the words are set against the formula
            raise texmath.TexError(f"the words '{body}' are set against the formula after them: "
                                   "end them with a space (\\text{hence }) or put \\quad after "
                                   "them", 1)
        text = re.sub(r"^\s*(?:\\q?quad\b\s*)*", "", rest)
    # after math, \text or \quad starts words; inside braces a \text is a label (θ_{\text{MLE}})
    cut = next((match for match in re.finditer(
        r"\\(?:text|textrm|textnormal|intertext|mbox)\b|&&"
        r"|(?<=[^&\s])\s*\\q?quad\b",
        text,
    ) if _brace_depth(text, match.start()) == 0), None)
    claims = []
    if cut:
        _words_follow(text[: cut.start()], text[cut.start() :])
        claims = _claims_in_words(text[cut.start() :], conditions)
        text = text[: cut.start()]
    # a word in braces, a subscript's label, reads as the upright name it prints
    text = re.sub(r"\\(?:text|textrm|textnormal|mbox)\s*\{([A-Za-z]+)\}", r"\\mathrm{\1}", text)
    text = text.replace(r"\nonumber", " ").replace(r"\notag", " ")
    # &{}= : an empty group beside a relation, a sign or an alignment only sets the spacing;
    # elsewhere it is left for the reader to refuse: after ^ or _ it is an empty script, also
    # with blanks between (2^ {}3 prints 23), and \frac{}{1}{2} prints an empty numerator
    text = re.sub(r"(?:(?<=[&=<>+-])|^)\s*{}|{}(?=\s*(?:$|[&=<>+-]|\\(?:leq?|geq?|in|cdot|"
                  r"times)(?![A-Za-z])))", " ", text)
    # a split or aligned inside an equation only breaks its lines: its rows are the display's
    text = re.sub(r"\\(?:begin\s*\{(?:split|aligned)\}(?:\s*\[[tbc]\])?"
                  r"|end\s*\{(?:split|aligned)\})", " ", text)
    columns = re.split(r"(?<!\\)&", text)  # rl column pairs: a new equation every second &
    equations = [" ".join(columns[k : k + 2]) for k in range(0, len(columns), 2)]
    return ([eq.strip().rstrip(",.;").strip() for eq in equations if eq.strip().rstrip(",.;")],
            tagged + claims, conditions)


def _check_display(path, lines, first, last, start, state, where_lines, findings):
    where, problems, depends = _where(path, state.global_where + where_lines, state)
    for name, parameter in state.names.get(texmath.DEPENDS, {}).items():
        if isinstance(state.names.get(name), sp.FunctionClass):  # "($f$ depends on $\theta$)"
            depends.setdefault(parameter, []).append(state.names[name])
    for problem in problems:  # a range read for every display is reported once
        if (problem.file, problem.line, problem.message) not in state.reported:
            state.reported.add((problem.file, problem.line, problem.message))
            findings.append(problem)
    generated = state.generated
    logical = []  # equations; one that starts with + or − (or ends in a relation) is joined
    try:
        body = "\n".join(_without_comment(line) for line in lines[first : last + 1])
        if start in ("equation", "equation*", "displaymath", "[") and re.search(
                r"\\\\", body) and not re.search(r"\\begin\s*\{(?:split|aligned|gathered)", body):
            # TeX sets such a display on one line and ignores \\: x = x \\ 2 prints "x = x2"
            raise texmath.TexError("\\\\ does not break this display (TeX prints its rows on one "
                                   "line): use align, or split inside the equation", 1)
        for space in re.findall(r"\\\\\*?\s*\[([^\]]*)\]", body):  # \\[-3ex], \\[\up]
            if not re.fullmatch(r"\s*\+?(?:\d+\.?\d*|\.\d+)\s*(?:pt|mm|cm|in|ex|em|bp|pc|dd|cc|"
                                r"sp)\s*|\s*\\jot\s*", space):
                raise texmath.TexError(
                    f"a line break's space [{space.strip()}] may be negative and set rows over "
                    "each other: write a length such as [2pt], or none", 1)
        if start.startswith("alignat") and not re.search(
                r"\\begin\s*\{alignat\*?\}\{\d+\}", _without_comment(lines[first])):
            # TeX takes { 2 }, an unbraced 2 or a {2} on the next line as the column count too
            raise texmath.TexError("write alignat's column count as {N} right after "
                                   "\\begin{alignat}, on its line", 1)
        rows, printed_conditions = [], []
        for line, text, skipped in _rows(lines, first, last, start):
            equations, claims, stated = _cleaned(_expanded(text, state))
            rows.append((line, equations, skipped))
            printed_conditions += [(line, condition) for condition in stated if not generated]
            # a checked display states only what is checked: a claim printed beside it fails
            findings += [Finding(str(path), line, "unreadable", (
                f"'{claim}' after the words is printed and not checked: put it in a display of "
                "its own")) for claim in claims if not generated]
        if any(len(equations) > 1 for _, equations, _ in rows) and any(
            re.match(r"^\s*(=|<|>|\\le|\\ge|\\in)", eq) for _, eqs, _ in rows for eq in eqs
        ):
            findings.append(
                Finding(
                    str(path),
                    first + 1,
                    "unreadable",
                    "several columns of equations continued on later rows are not "
                    "read: one chain per display, or one equation per column",
                )
            )
            return
        for line, equations, skipped in rows:
            for equation in equations:
                has_relation = re.search(RELATION, equation)
                joins = (
                    re.match(r"^\s*(\\q?quad\s*)+([+-]|\\times\b)", equation)
                    if generated
                    else re.match(r"^\s*(\\q?quad\s*)*([+-]|\\cdot\b|\\times\b)", equation)
                    and not has_relation
                )
                ends_open = logical and re.search(
                    r"(=|<|>|\\le(?:q)?|\\ge(?:q)?|\\in)\s*$", logical[-1][1]
                )
                # a row with no relation is the start of an equation the next row goes on with:
                # any row in multline (one equation), a row that opens with an operator elsewhere
                # (2x \\ + x = 3x); in gather every row stands alone, as it is printed
                unfinished = (
                    logical
                    and not re.search(RELATION, logical[-1][1])
                    and (start.startswith("multline")
                         or re.match(r"^\s*(\\q?quad\s*)*([+-]|\\times\b|\\cdot\b)", equation))
                )
                if logical and start not in ("gather", "gather*") and (
                        joins or ends_open or unfinished):
                    if any(len(equations) > 1 for _, equations, _ in rows):
                        raise texmath.TexError("several columns of equations continued on later "
                                               "rows are not read: one chain per display, or one "
                                               "equation per column", 1)
                    previous_line, previous, previous_skipped = logical[-1]
                    logical[-1] = (previous_line, previous + " " + equation, previous_skipped)
                    continue
                logical.append((line, equation, skipped))
    except texmath.TexError as error:
        findings.append(Finding(str(path), first + 1, "unreadable", str(error)))
        return
    if not logical:
        findings.append(
            Finding(str(path), first + 1, "unreadable", "a marked display with nothing to check")
        )
        return
    chains = []  # each: list of (expression, relation into it or None, line, skipped, conditions)
    for line, text, skipped in logical:
        try:
            continuation = re.match(r"^\s*" + RELATION, text)
            if continuation and chains and start not in ("gather", "gather*"):
                exprs, relations, conditions = texmath.read_chain("0 " + text, state.names)
                exprs, conditions = exprs[1:], conditions[1:]
            else:
                exprs, relations, conditions = texmath.read_chain(text, state.names)
                chains.append([(exprs[0], None, line, False, conditions[0])])
                exprs, conditions = exprs[1:], conditions[1:]
        except texmath.TexError as error:
            found = _locate(lines, first, last, error)
            where_text = f" (column {found[1]})" if found else ""
            findings.append(
                Finding(
                    str(path), found[0] if found else line, "unreadable", f"{error}{where_text}"
                )
            )
            return
        for expr, relation, below in zip(exprs, relations, conditions):
            chains[-1].append((expr, relation, line, skipped, below))
    lone = next((chain for chain in chains if len(chain) < 2), None)
    if lone is not None and any(len(chain) > 1 for chain in chains):
        # a row with no relation is printed beside or under the others: read alone, it says
        # nothing, and dropped, the equation it goes on would be read without it
        findings.append(Finding(str(path), lone[0][2], "unreadable",
                                "a row with no relation is not read: begin it with an operator "
                                "(+, −, \\cdot) to go on with the equation above, or give it one"))
        return
    if all(len(chain) < 2 for chain in chains):
        message = (
            "a marked display with no relation to check (what follows \\text, \\quad or && "
            "is taken as words)"
        )
        findings.append(Finding(str(path), first + 1, "unreadable", message))
        return
    counted = dict(where)  # the letters that bound a sum count terms in every chain
    for chain in chains:
        counted.update({key: value for key, value in _with_bounds(where, chain).items()
                        if where.get(key) != value})
    # a condition printed wider than a range: no step of the display is proved as printed
    wider = _condition_problems(printed_conditions, counted, state)
    for chain in chains:
        turn = _turn(chain)
        if turn is not None:
            findings.append(Finding(str(path), turn, "warning", TURN_WARNING))
        where_now = _with_bounds(where, chain)
        for index in range(1, len(chain)):
            expr, relation, line, skipped, below = chain[index]
            if skipped:  # said, so that the report does not read as a whole chain checked
                findings.append(Finding(str(path), line, "skipped", (
                    f"step {index} → {index + 1} is not checked (% proofs: skip)"),
                    (index, index + 1)))
                continue
            conditions = chain[index - 1][4] + below
            finding = _check_step(path, line, (index, index + 1), chain[index - 1][0], relation,
                                  expr, where_now, conditions, depends)
            if finding.status == "proved" and wider:
                at = "" if wider[0][0] == line else f" (line {wider[0][0]})"
                finding = Finding(str(path), line, "not proved", f"step {index} → {index + 1} "
                                  f"not proved: {wider[0][1]}{at}", finding.step,
                                  claim=finding.claim)
            findings.append(finding)


TURN_WARNING = (
    "warning: the chain turns (≤ then ≥, or ≥ then ≤): each step may hold, but its ends are not "
    "related; split it into two chains"
)


def _turn(chain):
    """The line of the first step that turns a chain's direction (a ≤ b ≥ c says nothing of a
    and c), or None."""
    direction = None
    for _, relation, line, _, _ in chain[1:]:
        now = {"<": "up", "<=": "up", ">": "down", ">=": "down"}.get(relation)
        if now and direction and now != direction:
            return line
        direction = now or direction
    return None


def _locate(lines, first, last, error):
    """(line, column) in the file of the text an error quotes, when it can be found."""
    quoted = re.search(r"'((?:[^'\\]|\\.)+)'", str(error))
    if not quoted:
        return None
    needle = quoted.group(1)
    for index in range(first, last + 1):
        column = lines[index].find(needle)
        if column >= 0:
            return index + 1, column + 1
    return None


SUBSCRIPT = r"_(?:\{[^{}]*\}|\\?[A-Za-z0-9])"
# a range at a parameter: p_i(θ), μ(θ) or w(θ) ∈ S (a Latin letter, not f, g, h, at a Greek
# parameter; C(x) ∈ S declares a function C)
DEPENDENT = re.compile(
    r"^\s*(?P<subject>\\(?!(?:[Pp]hi|[Pp]si)\b)[A-Za-z]+(?:" + SUBSCRIPT + r")?"
    r"|[A-Za-z]" + SUBSCRIPT + r"|(?P<letter>(?![fghFGH])[A-Za-z]))"
    r"\s*(?:\\left)?\(\s*(?P<parameter>\\[A-Za-z]+|[A-Za-z])\s*(?:\\right)?\)"
    r"(?P<rest>\s*(?:\\in|\\[lg]eq?(?:slant)?|<|>)(?![A-Za-z]).*)$",
    re.S,
)


def _dependence(part):
    """A range written for an entry at a parameter, p_i(θ) ∈ (0, 1) or μ(θ) ∈ ℝ: (the range
    without '(θ)', the parameter's name); (part, None) for any other range."""
    match = DEPENDENT.match(part)
    if not match or match.group("letter") and not match.group("parameter").startswith("\\"):
        return part, None
    subject, parameter = match.group("subject"), match.group("parameter")
    if subject.split("_")[0] == parameter:  # θ(θ) ∈ ℝ: the parameter itself
        return part, None
    return subject + match.group("rest"), parameter.lstrip("\\")


INCREASING = re.compile(
    r"^\s*(?P<var>.+?)\s*\\mapsto\s*(?P<expr>.+?)\s*\\text\{\s*is strictly increasing on\s*\}"
    r"\s*(?P<interval>.+?)\s*\.?\s*$"
)


def _check_monotonicity(path, lines, first, last, start, state, where_lines, findings):
    """A fragment's monotonicity display: "x ↦ g(x) is strictly increasing on I" (the lemma, and
    the last row of its proof) by `check.strictly_increasing`; the proof's other rows, facts about
    x, with x in I ("inside the interval": in its interior)."""
    from . import check

    where, _, _ = _where(path, state.global_where + where_lines, state)
    rows = []
    for line, text, _ in _rows(lines, first, last, start):
        tag = re.search(r"\\tag\*?\{(.*)\}", text)
        words = tag.group(1) if tag else ""
        for command in (r"\\tag\*?\{.*\}", r"\\label\{[^}]*\}", r"\\notag"):
            text = re.sub(command, "", text)
        try:  # the paper's macros are not expanded here: none may change a command of the row
            if _expanded(text, state) != text:
                raise texmath.TexError("a macro of the paper redefines a command of this row", 1)
        except texmath.TexError as error:
            findings.append(Finding(str(path), line, "unreadable", str(error)))
            return
        rows.append((line, text.replace("&", " ").strip(), words))
    claims = [(line, INCREASING.match(text)) for line, text, _ in rows]
    claims = [(line, match) for line, match in claims if match]
    if not claims:
        findings.append(Finding(str(path), first + 1, "unreadable", "cannot read the map"))
        return
    try:
        var = texmath.read(claims[-1][1].group("var"), state.names)
        expr = texmath.read(claims[-1][1].group("expr"), {**state.names, str(var): var})
        interval = texmath.read_set(claims[-1][1].group("interval"), state.names)
    except texmath.TexError as error:
        findings.append(Finding(str(path), claims[-1][0], "unreadable", str(error)))
        return
    if not isinstance(var, sp.Symbol) or not isinstance(interval, sp.Interval):
        message = "the map's variable is one letter and its domain an interval"
        findings.append(Finding(str(path), claims[-1][0], "unreadable", message))
        return
    for line, text, words in rows:
        if INCREASING.match(text):
            claim = f"{var} ↦ {expr} is strictly increasing on {sp.pretty(interval)}"
            findings.append(_decide(path, line, claim, lambda: check.strictly_increasing(
                expr, var, interval, where={k: v for k, v in where.items() if k != var})))
            continue
        inside = {**where, var: interval.interior if "inside" in words else interval}
        try:
            exprs, relations, conditions = texmath.read_chain(_cleaned(text)[0][0],
                                                              state.names)
        except (texmath.TexError, IndexError) as error:
            findings.append(Finding(str(path), line, "unreadable", f"cannot read the row: {error}"))
            continue
        for index, relation in enumerate(relations):
            findings.append(_check_step(path, line, (index + 1, index + 2), exprs[index],
                                        relation, exprs[index + 1], inside,
                                        conditions[index] + conditions[index + 1]))


def _decide(path, line, claim, prove):
    """The finding for a claim that is not a step between two sides (`prove` raises or not)."""
    from .errors import Disproved, ProofError

    try:
        prove()
    except Disproved as error:
        message = f"{claim} is false: {error.counterexample}"
        return Finding(str(path), line, "false", message, (), error.point, claim)
    except (ProofError, TypeError, ValueError) as error:
        return Finding(str(path), line, "not proved", f"{claim} not proved: {error}", (), {}, claim)
    return Finding(str(path), line, "proved", f"{claim} proved", (), {}, claim)


def _where(path, entries, state):
    """The ranges of `entries` (key → set), the findings for those not read, and the quantities
    declared to depend on each parameter (p_i(θ) ∈ (0, 1): θ → [p])."""
    where, problems, depends = {}, [], {}
    for line, text in entries:
        for part in _split_top(_expand(text, state.macros)):
            part, parameter = _dependence(part)
            try:
                exprs, relations = texmath.read_relations(part, state.names)
            except texmath.TexError as error:
                problems.append(
                    Finding(
                        str(path),
                        line,
                        "unreadable",
                        f"cannot read the range {part.strip()!r}: {error}",
                    )
                )
                continue
            if len(relations) != 1:
                problems.append(
                    Finding(
                        str(path),
                        line,
                        "unreadable",
                        f"a range is one relation, such as p_i \\in (0, 1): {part!r}",
                    )
                )
                continue
            subject, relation, bound = exprs[0], relations[0], exprs[1]
            if not isinstance(subject, (sp.Symbol, sp.Indexed, AppliedUndef)):
                message = (
                    f"a range is given for a letter or a family's entry (n, p_i), not for "
                    f"{part.strip()!r}; the check goes on without it"
                )
                problems.append(Finding(str(path), line, "unreadable", message))
                continue
            if isinstance(subject, sp.Indexed) and not all(
                isinstance(index, sp.Symbol) for index in subject.indices
            ):
                message = (
                    f"a range for one entry ({part.strip()}) is not read: give the "
                    "family's range with a letter index (x_i), for every entry"
                )
                problems.append(Finding(str(path), line, "unreadable", message))
                continue
            key = subject.base if isinstance(subject, sp.Indexed) else subject
            key = subject.func if isinstance(subject, AppliedUndef) else key
            if parameter is not None and key not in depends.setdefault(parameter, []):
                depends[parameter].append(key)
            if relation in ("in", ">=", ">", "<=", "<"):
                given = bound if relation == "in" else _interval(relation, bound)
                where[key] = where[key].intersect(given) if key in where else given
                if where[key] is sp.S.EmptySet:
                    message = f"the ranges given for {subject} contradict each other"
                    problems.append(Finding(str(path), line, "unreadable", message))
                    del where[key]
            else:
                problems.append(
                    Finding(
                        str(path),
                        line,
                        "unreadable",
                        f"a range uses \\in, \\geq, >, \\leq or <: {part!r}",
                    )
                )
    return where, problems, depends


def _interval(relation, bound):
    return {
        ">=": sp.Interval(bound, sp.oo),
        ">": sp.Interval.open(bound, sp.oo),
        "<=": sp.Interval(-sp.oo, bound),
        "<": sp.Interval.open(-sp.oo, bound),
    }[relation]


def _with_bounds(where, chain):
    """A letter that bounds a sum or a product counts terms: n ≥ 1 there means n ∈ {1, 2, …}."""
    bounds = set()
    for expr, *_, conditions in chain:
        bounds |= texmath.sizes(expr.objective if isinstance(expr, texmath.Optimizers) else expr)
        # and those of a sum sympy cancelled (0 · Σ_{i=1}^{n} i), whose count was recorded
        bounds |= {letter for kind, term in conditions if kind == "count"
                   for letter in texmath.condition_letters(term) if type(letter) is sp.Symbol}
    adjusted = dict(where)
    for symbol in bounds:
        given = where.get(symbol)
        if isinstance(given, sp.Interval) and given.sup == sp.oo and given.inf.is_finite:
            low = sp.floor(given.inf) + 1 if given.left_open else sp.ceiling(given.inf)
            counts = {1: sp.S.Naturals, 0: sp.S.Naturals0}
            adjusted[symbol] = counts.get(int(low), given)
    return adjusted


def _condition_problems(conditions, where, state):
    """(line, why) for each condition printed with a formula that is wider than the ranges.  A
    condition (x > 0 in \\text{for every } x > 0) must lie within the range `where` gives its
    letter, for which the steps are checked: the page states the formula for every value the
    condition allows, and the range is a comment the reader of the PDF does not see (log x > 0
    with x ∈ (1, ∞) printed "for every x > 0" is false there).  A letter with no range, or
    ranging over ℝ, is real in every step, so no real condition widens it.  A range said in words
    (for every positive x) or a set written alone (on (0, ∞)) is not read, so it is refused when
    a letter has a narrower range."""
    problems = []
    # a range whose ends are letters (k ∈ {1, …, n}) is narrow; sympy cannot compare it with ℝ
    narrow = {key: value for key, value in where.items()
              if value.free_symbols or not sp.S.Reals.is_subset(value)}
    for line, text in conditions:
        if not isinstance(text, str):  # ("lead", a row that is a condition) or ("words", …)
            found = [_lead_problem(text[1], narrow, state) if text[0] == "lead" else
                     _words_problem(text[1], text[2], narrow, state) if narrow else None]
        else:
            found = [_condition_problem(part, narrow, state) for part in _relations(text)]
        problems += [(line, problem) for problem in found if problem]
    return problems


def _relations(text):
    """The relations of a condition's text, each with the values of its list (x = 2, \\tfrac12),
    without a ∀ before them or brackets around them."""
    text = re.sub(r"^\s*\\forall\s*", "", text)
    if _bracketed(text):
        text = text.strip()[1:-1]  # (i = 1, …, n): the condition in brackets
    parts = []
    for part in _split_top(text):  # x = 2, \tfrac12: the values go with their relation
        if parts and _value(part) and _states_relation(parts[-1]):
            parts[-1] += f", {part}"
        else:
            parts.append(part)
    return [part for part in parts if _states_relation(part)]


def _lead_problem(text, narrow, state):
    """A row that opens with a condition's words (\\text{for every } x > 0) and is a range of a
    letter with a narrow range is that letter's condition; a row about anything else (\\text{where
    } L = \\prod_i p_i) is checked as the claim it also is."""
    text = re.sub(r"[\s.,;:]+$", "", text.strip())
    try:
        exprs, relations = texmath.read_relations(text, state.names)
    except texmath.TexError:  # not read: a condition all the same when it names such a letter
        named = [key for key in narrow if re.search(_tex_pattern(key), text)]
        return _condition_problem(text, narrow, state) if named else None
    subject = _condition_range(exprs, relations, symbolic=True)
    if subject is None or _letter(subject[0]) not in {_letter(key) for key in narrow}:
        return None
    return _condition_problem(text, narrow, state)


def _bracketed(text):
    """Whether one pair of round brackets holds the whole text: (x \\in (0, 1))."""
    text, depth = text.strip(), 0
    for position, character in enumerate(text):
        depth += (character in "([") - (character in ")]")
        if depth == 0:
            return position == len(text) - 1 and text[0] == "(" and text[-1] == ")"
    return False


# words that say a range (for every positive x, x between 0 and 2): not read
RANGE_WORDS = re.compile(r"\b(?:positive|negative|non-?negative|non-?positive|real|reals|integers?|"
                         r"natural|naturals|rational|non-?zero|greater|less|larger|smaller|bigger|"
                         r"least|most|between|exceed\w*|above|below|beyond|large|small)\b", re.I)


def _words_problem(said, maths, narrow, state):
    """Why the words after a formula say a range the check does not read: a range word about a
    letter with a narrow range (for every positive x), or a set written alone (on (0, ∞))."""
    for piece in maths:
        try:
            written = texmath.read_set(piece, state.names)
        except texmath.TexError:  # ]0, ∞[, ℝ^+, ℕ: a set all the same, not read
            written = sp.S.Reals if SET_LIKE.search(piece) else None
        if isinstance(written, sp.Set):
            return (f"the words name the set '{piece.strip()}' without a letter, and the steps "
                    f"are checked for {_ranges_text(narrow)} only (% proofs: where): write the "
                    "condition as a letter's range within that one, or leave it out")
    if RANGE_WORDS.search(said):
        # the letter in the mathematics, or typed as a word (for every positive x)
        words = set(re.findall(r"[A-Za-z]+", said)) - {"a", "A", "I"}
        for key in narrow:
            if any(re.search(_tex_pattern(key), piece) for piece in maths) or _letter(key) in words:
                return (f"the words '{said}' say a range of {_shown_key(key)} that is not read, "
                        f"and the steps are checked for {_shown_key(key)} ∈ "
                        f"{_range_text(narrow[key])} only (% proofs: where): write the condition "
                        f"as a range ({_shown_key(key)} \\in {_range_text(narrow[key], tex=True)}"
                        "), or leave it out")
    return None


# what writes a set the reader may not read: a blackboard or bold letter, brackets around a comma
SET_LIKE = re.compile(r"\\mathbb|\\mathbf\s*\{?[RNZQC]\b|^\s*(?:\\left)?[\[\]()][^,]*,[^,]*"
                      r"(?:\\right)?[\[\]()]\s*$")


def _ranges_text(narrow):
    return ", ".join(f"{_shown_key(key)} ∈ {_range_text(value)}" for key, value in narrow.items())


def _shown_key(key):
    """A key of `where` as a message writes it: x, p_…, C(…)."""
    if isinstance(key, sp.IndexedBase):
        return f"{key.label}_…"
    return f"{key}(…)" if isinstance(key, UndefinedFunction) else _name(key)


def _letter(key):
    """A key's letter, whichever variant (ε and ϵ, φ and ϕ: a reader takes them as one)."""
    name = str(key.label) if isinstance(key, sp.IndexedBase) else str(getattr(key, "name", key))
    name = re.sub(r"\{\\var([a-z]+)\}", lambda m: "{\\" + m.group(1) + "}"
                  if m.group(1) in texmath.GREEK else m.group(0), name)  # \hat{\varepsilon}
    return name[3:] if name.startswith("var") and name[3:] in texmath.GREEK else name


def _condition_problem(text, narrow, state):
    """Why the printed condition `text` is wider than the ranges `narrow` (key → set, none of
    them ℝ), or None when it lies within them or names none of their letters."""
    text = re.sub(r"[\s.,;:]+$", "", " ".join(text.split()))  # a full stop ends the sentence
    values = [part.strip() for part in _split_top(text)]
    unread = ""  # why the condition is not read, when the reader says
    try:  # x = 2, \tfrac12: a list of values
        exprs, relations = texmath.read_relations(values[0], state.names)
        if len(values) > 1:
            if relations != ["="]:
                raise texmath.TexError("a list of values after a relation other than =", 1)
            exprs, relations = [exprs[0], _listed(exprs[1], values[1:], state)], ["in"]
    except texmath.TexError as error:
        exprs, relations, unread = None, None, f" ({error})"
    except (TypeError, ValueError):
        exprs, relations = None, None
    letters = {_letter(key): key for key in narrow}
    if exprs is None:
        named = [key for key in narrow if re.search(_tex_pattern(key), text)]
    else:
        subject = _condition_range(exprs, relations, symbolic=True)
        if subject is not None and _letter(subject[0]) not in letters:
            return None  # a range of a letter with none of its own (1 ≤ i ≤ n)
        mentioned = set().union(*(_keys(expr) for expr in exprs if isinstance(expr, sp.Basic)))
        named = [letters[_letter(key)] for key in mentioned if _letter(key) in letters]
    if not named:
        return None
    key = named[0]
    allowed = None if exprs is None else _condition_range(exprs, relations)
    same = allowed is not None and _letter(allowed[0]) == _letter(key)
    # the letter as the condition writes it (p_i), or as the family's name (p_…)
    letter = _name(allowed[2]) if same else _shown_key(key)
    shown = f"{letter} ∈ {_range_text(narrow[key])}"
    wider = (f"the condition '{text.strip()}' printed with the formula is wider than the range "
             f"{shown} the steps are checked for (% proofs: where): narrow the condition to that "
             "range, or leave it out")
    if not same or len(set(named)) > 1:
        return (f"the condition '{text.strip()}' is not read as a range of one letter{unread}, and "
                f"the steps are checked for {shown} only (% proofs: where): write it as a range "
                f"within that one ({letter} \\in {_range_text(narrow[key], tex=True)}), or "
                "leave it out")
    given = allowed[1]
    if narrow[key] in (sp.S.Naturals, sp.S.Naturals0, sp.S.Integers):
        given = given.intersect(sp.S.Integers)  # a count: n ≥ 1 is read as one
    return None if _within(given, narrow[key]) else wider


def _listed(first, rest, state):
    """The set of x = first, rest…: its values, or the whole numbers from `first` on when the
    list is 1, 2, \\dots (to m when it ends \\dots, m)."""
    dots = [number for number, value in enumerate(rest) if re.fullmatch(r"\s*\\[lc]?dots\s*",
                                                                        value)]
    if not dots:
        return sp.FiniteSet(first, *(texmath.read(value, state.names) for value in rest))
    before = [first, *(texmath.read(value, state.names) for value in rest[:dots[0]])]
    after = [texmath.read(value, state.names) for value in rest[dots[0] + 1:]]
    steps = {b - a for a, b in zip(before, before[1:])}
    if len(dots) > 1 or len(after) > 1 or not all(v.is_Integer for v in before) or \
            steps - {1}:
        raise texmath.TexError("a list with \\dots is read as whole numbers one apart (1, 2, "
                               "\\dots, or 1, \\dots, 10, or 1, \\dots, n)", 1)
    return sp.Range(first, after[0] + 1 if after else sp.oo)


def _keys(expr):
    """The keys of `where` an expression read from a condition is about (x, the family p of p_i,
    the function C of C(p_i))."""
    found = set(expr.free_symbols) if isinstance(expr, sp.Basic) else set()
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Indexed):
            found.add(node.base)
        elif isinstance(node, AppliedUndef):
            found.add(node.func)
    return found


def _condition_range(exprs, relations, symbolic=False):
    """(key, set, the letter as written) for a condition that is a range of one letter (x > 0,
    0 < x < 1, x = 2, x \\in (0, 1), 1 \\leq i), else None; `symbolic`: its bounds may hold
    letters (1 ≤ i ≤ n), and the set is None."""
    def key_of(expr):
        if isinstance(expr, sp.Indexed):
            return expr.base
        if isinstance(expr, AppliedUndef):
            return expr.func
        return expr if isinstance(expr, sp.Symbol) else None

    flipped = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "="}
    if len(relations) == 1:
        left, right = exprs
        if key_of(left) is not None and relations[0] == "in" and isinstance(right, sp.Set):
            return key_of(left), right, left
        if relations[0] == "in" or isinstance(left, sp.Set) or isinstance(right, sp.Set):
            return None
        if key_of(left) is not None and (symbolic or not right.free_symbols):
            return key_of(left), None if symbolic else _relation_set(relations[0], right), left
        if key_of(right) is not None and (symbolic or not left.free_symbols):
            return key_of(right), None if symbolic else _relation_set(
                flipped[relations[0]], left), right
        return None
    if len(relations) == 2 and key_of(exprs[1]) is not None and all(
            relation in ("<", "<=") for relation in relations) and (symbolic or not (
            exprs[0].free_symbols or exprs[2].free_symbols)):
        if symbolic:
            return key_of(exprs[1]), None, exprs[1]
        return key_of(exprs[1]), _relation_set(flipped[relations[0]], exprs[0]).intersect(
            _relation_set(relations[1], exprs[2])), exprs[1]
    return None


def _relation_set(relation, bound):
    """The values x with x `relation` bound."""
    return sp.FiniteSet(bound) if relation == "=" else _interval(relation, bound)


def _within(inner, outer):
    """Whether the set `inner` lies in `outer`: decided here for intervals and finite sets with
    numbers for ends and elements, and otherwise only when sympy says so (never on its None);
    a comparison sympy cannot decide (sin²1 + cos²1 > 1) is no."""
    try:
        return _decided_within(inner, outer)
    except TypeError:
        return False


def _decided_within(inner, outer):
    if inner is sp.S.EmptySet:
        return True
    if isinstance(inner, sp.FiniteSet) and all(value.is_number for value in inner):
        return all(outer.contains(value) is sp.true for value in inner)
    if isinstance(inner, sp.Interval) and isinstance(outer, sp.Interval) and all(
            end.is_number or end in (sp.oo, -sp.oo) for end in (*inner.args[:2],
                                                                  *outer.args[:2])):
        low = inner.start > outer.start or (inner.start == outer.start and (
            inner.left_open or not outer.left_open))
        high = inner.end < outer.end or (inner.end == outer.end and (
            inner.right_open or not outer.right_open))
        return bool(low) and bool(high)
    return inner.is_subset(outer) is True


def _range_text(value, tex=False):
    """A range as the messages print it: (1, ∞), {0, 1}, ℕ; `tex`: as a paper writes it, (1,
    \\infty), \\{0, 1\\}."""
    named = {sp.S.Naturals: ("{1, 2, …}", "\\{1, 2, \\dots\\}"),
             sp.S.Naturals0: ("{0, 1, 2, …}", "\\{0, 1, 2, \\dots\\}"),
             sp.S.Integers: ("ℤ", "\\mathbb{Z}"), sp.S.Reals: ("ℝ", "\\mathbb{R}")}
    if value in named:
        return named[value][tex]
    if isinstance(value, sp.Interval):
        infinity = "\\infty" if tex else "∞"
        ends = [infinity if end == sp.oo else f"-{infinity}" if end == -sp.oo else str(end)
                for end in (value.start, value.end)]
        return (f"{'(' if value.left_open else '['}{ends[0]}, {ends[1]}"
                f"{')' if value.right_open else ']'}")
    if isinstance(value, sp.FiniteSet):
        braces = ("\\{", "\\}") if tex else ("{", "}")
        return braces[0] + ", ".join(map(str, value)) + braces[1]
    return str(value)


def _tex_pattern(key):
    """A regular expression for a key's letter as LaTeX writes it (x, \\sigma, p in p_i; ε as
    \\epsilon or \\varepsilon)."""
    name = _letter(key)
    star = name.endswith("*")  # x^*: the quantity x*
    name = name.rstrip("*")
    accent = re.fullmatch(r"\\([a-z]+)\{\\?([A-Za-z]+)\}", name)
    if accent:  # \hat{x}: also \widehat{x}, \hat x, \hat{\varepsilon}
        spellings = [key[1:] for key, value in texmath.ACCENTS.items()
                     if value[1:] == accent.group(1)]
        letter = (r"\\(?:var)?" + accent.group(2) if accent.group(2) in texmath.GREEK
                  else accent.group(2))
        written = (rf"\\(?:{'|'.join(spellings)})\s*(?:\{{\s*{letter}\s*\}}|{letter}"
                   r"(?![A-Za-z]))")
    else:
        written = r"\\(?:var)?" + name if name in texmath.GREEK else re.escape(name)
    if star:
        return rf"(?<![A-Za-z\\]){written}\s*(?:_\{{?[A-Za-z0-9]+\}}?)?\s*\^\s*\{{?\s*\*"
    return rf"(?<![A-Za-z\\]){written}(?![A-Za-z])"


def _split_top(text):
    """Split a where clause at the commas between ranges (not inside braces or brackets)."""
    parts, depth, current = [], 0, []
    tokens = re.findall(r"\\[{}]|\\[A-Za-z]+|.", text, flags=re.S)
    for token in tokens:
        if token in ("{", "(", "[", r"\{"):
            depth += 1
        elif token in ("}", ")", "]", r"\}"):
            depth -= 1
        if token == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(token)
    if "".join(current).strip():
        parts.append("".join(current))
    return [part for part in parts if part.strip()]


def _check_step(path, line, step, left, relation, right, where, conditions=(), depends=None):
    inside = _under_operators(where, left, right)
    finding = _conditions_hold(path, line, step, conditions, inside)
    unranged = _unranged_bounds(left, right, where) if finding and finding.point else ""
    if unranged:  # a log of Σ_{k=1}^{K} refuted at K = 29/4: a count the paper did not give
        finding = Finding(str(path), line, "not proved", _count_message(step, unranged), step,
                          finding.point)
    if finding is None and (
        isinstance(left, texmath.Optimizers) or isinstance(right, texmath.Optimizers)
    ):
        finding = _decide_optimizers(path, line, step, left, relation, right, where, inside,
                                     depends)
    elif finding is None:
        finding = _decide_step(path, line, step, left, relation, right, where)
    words = {"<=": "≤", ">=": "≥", "in": "∈"}
    finding.claim = f"{left} {words.get(relation, relation)} {right}"
    return finding


def _conditions_hold(path, line, step, conditions, where):
    """None when every condition of the step as written holds (denominators nonzero, shown by
    d² > 0; roots' arguments ≥ 0; logs' arguments > 0); else the finding."""
    from . import check
    from .errors import Disproved, ProofError

    words = {
        "nonzero": "the denominator {} is not shown nonzero",
        "nonnegative": "the root's argument {} is not shown ≥ 0",
        "positive": "the log's argument {} is not shown positive",
        # Γ is defined off 0, −1, −2, …; the check asks the argument positive, as papers use it
        "gamma": "Γ's argument {} is not shown positive",
        "factorial": "the factorial's argument {} is not shown ≥ 0",
        # a real power: a positive base, or a negative one with an integer exponent
        "power": "the power {} is not shown defined",
        "count": "the number of terms {} of a sum or product is not shown a whole number ≥ 0",
        "entry": "the binomial coefficient's entry {} is not shown a whole number ≥ 0",
    }
    for kind, term in dict.fromkeys(conditions):
        if isinstance(term, texmath.Under):  # in a sum's body: at the values its index takes
            finding = _condition_at_index_values(path, line, step, kind, term, where, words)
            if finding is not None:
                return finding
            continue
        if term.is_Rational:  # a number: decided here (log 0 and √−1 are not defined); another
            # (log 4 − 2 log 2, a sum with numbers for bounds) is asked of the kernel below
            holds = {"nonzero": term != 0, "nonnegative": term.is_nonnegative,
                     "positive": term.is_positive,
                     "gamma": not (term.is_integer and term.is_nonpositive),
                     "factorial": term.is_nonnegative, "power": term.is_real,
                     "count": term.is_integer and term.is_nonnegative,
                     "entry": term.is_integer and term.is_nonnegative}[kind]
            if holds:
                continue
            if holds is False:
                message = (
                    f"step {step[0]} → {step[1]} is not defined: "
                    + words[kind].format(term).replace("is not shown", "is not")
                )
                return Finding(str(path), line, "not proved", message, step)
        try:
            _ask(kind, term, where)
        except Disproved as error:
            at = f" at {_point(error)}" if error.point else ""  # a number: no point to name
            message = (
                f"step {step[0]} → {step[1]} is not defined everywhere: "
                + words[kind].format(term).replace("is not shown", "fails to be") + at
            )
            if kind == "gamma":  # Γ(−1/2) has a value: only not shown where the check asks
                message = (f"step {step[0]} → {step[1]} not proved: {words[kind].format(term)} "
                           f"(it is not{at})")
            return Finding(str(path), line, "not proved", message, step, error.point)
        except (ProofError, TypeError, ValueError) as error:
            message = f"step {step[0]} → {step[1]} not proved: {words[kind].format(term)} ({error})"
            return Finding(str(path), line, "not proved", message, step)
    return None


def _ask(kind, term, where):
    """The check of one condition: a denominator's square > 0, a root's or factorial's argument
    ≥ 0, a log's or Γ's argument > 0, a power real, a number of terms a whole number ≥ 0
    (`where`: ranges, or a kernel Context)."""
    from . import check
    from .errors import Disproved, ProofError

    if kind == "nonzero":
        check.positive(term**2, where=where)
    elif kind == "power":
        try:
            check.member(term, sp.S.Reals, where=where)
        except Disproved:
            raise
        except ProofError as refusal:  # (−1)^k for an integer k: a nonzero base, a whole
            # exponent; only enough, so a point where they fail is no counterexample (0^{1+n})
            try:
                check.positive(term.base**2, where=where)
                check.member(term.exp, sp.S.Integers, where=where)
            except ProofError:
                raise ProofError(str(refusal)) from None
    elif kind in ("count", "entry"):
        check.member(term, sp.S.Naturals0, where=where)
    elif kind in ("nonnegative", "factorial"):
        check.member(term, sp.Interval(0, sp.oo), where=where)
    else:
        check.positive(term, where=where)


def _condition_at_index_values(path, line, step, kind, under, where, words):
    """None when the condition holds at every value the indices of its sums take (1/i in
    Σ_{i=1}^{n}: i ≠ 0 for i = 1, …, n), else the finding: false only at a point those values
    reach, not proved where it is not shown there."""
    from .errors import Disproved, ProofError

    asked = words[kind].format(under.term)
    ranges = ", ".join(f"{index} = {low}, …, {high}" for index, low, high in under.scope)
    reason = None
    try:
        contexts, renamed = _at_index_values(under, where)
    except (ProofError, TypeError, ValueError) as error:
        contexts, reason = [], error
    for context, term, exact in contexts:
        try:
            _ask(kind, term, context)
            return None
        except Disproved as error:
            if exact:  # a point the sums reach: the step is not defined there
                # the index by its printed name, unless the letter where= ranges is there too
                point = {name if renamed.get(name, name) in error.point else
                         renamed.get(name, name): value for name, value in error.point.items()}
                at = _point_text(point)
                primed = "".join(f"; {new} is the index {old} of its sum" for new, old
                                 in renamed.items() if new != old and new in point)
                message = (f"step {step[0]} → {step[1]} is not defined everywhere: "
                           + asked.replace("is not shown", "fails to be")
                           + f" at {at} (for {ranges}{primed})")
                return Finding(str(path), line, "not proved", message, step, point)
            reason = reason or error
        except (ProofError, TypeError, ValueError) as error:
            reason = reason or error
    message = f"step {step[0]} → {step[1]} not proved: {asked} for {ranges}"
    return Finding(str(path), line, "not proved", message + (f" ({reason})" if reason else ""),
                   step)


def _at_index_values(under, where):
    """(kernel context, the condition's kernel term, exact) to ask the condition in: first each
    index ranging over its sum's values as the sum states them ({i, …, n}, exact: a point there
    is one the sums reach), then the outermost indices, one more each time, over the values
    their bounds' ranges allow (j ≥ 1 for j from i ≥ 1 up); and the indices renamed, new name
    to old: one named like a letter where= ranges or the condition mentions free is renamed
    apart, since the sum binds it."""
    from .boundary import admit
    from .errors import ProofError
    from .kernel import Context
    from .kernel.language import IndexRange
    from .kernel.terms import fresh
    from .rules.positivity import index_range_context, prove_member

    term, scope = under.term, []
    # a letter where= ranges, or one free in the condition (the m of Σ_{j=1}^{m} Σ_{m=1}^{j})
    clashing = {str(key) for key in where} | {str(s) for s in under.free_symbols}
    taken = clashing | {str(s) for s in term.free_symbols}
    for index, low, high in under.scope:
        renamed = {old: new for old, new, _, _ in scope}
        low, high = low.xreplace(renamed), high.xreplace(renamed)
        new = fresh(index, taken) if str(index) in clashing else index
        taken.add(new.name)
        scope.append((index, new, low, high))
    term = term.xreplace({old: new for old, new, _, _ in scope})
    bounds = [bound for _, _, low, high in scope for bound in (low, high)]
    context, (term, *bounds), _ = admit(where, [term, *bounds])
    ends = list(zip(bounds[::2], bounds[1::2]))
    indices = [new for _, new, _, _ in scope]
    stated = dict(context.entries) | {index: IndexRange(low, high)
                                      for index, (low, high) in zip(indices, ends)}
    contexts = [(Context(stated), term, True)]
    entries = dict(context.entries)
    for count, (index, (low, high)) in enumerate(zip(indices, ends), 1):
        try:
            facts = prove_member(Context(entries), low), prove_member(Context(entries), high)
        except ProofError:  # a bound's range unknown: the values as the sums state them only
            break
        ranged = index_range_context(Context(entries), index, facts)
        if ranged is None:
            break
        entries = dict(ranged.entries)
        rest = {inner: IndexRange(low, high) for inner, (low, high)
                in zip(indices[count:], ends[count:])}
        contexts.append((Context(entries | rest), term, False))
    return contexts, {new.name: old.name for old, new, _, _ in scope}


def _point(error):
    return _point_text(error.point)


def _point_text(point):
    """A point as the findings print it: p_2 = 0, n = 4."""
    return ", ".join(f"{_name(k)} = {v}" for k, v in point.items())


def _decide_step(path, line, step, left, relation, right, where):
    from . import check
    from .errors import Disproved, ProofError

    if relation != "in" and any(isinstance(side, sp.Set) for side in (left, right)):
        message = f"step {step[0]} → {step[1]} not proved: a set is compared only with \\in"
        return Finding(str(path), line, "not proved", message, step)
    unranged = _unranged_bounds(left, right, where)
    if unranged and where.get(sp.Symbol(unranged)) is not None:
        # Σ_{i=x}^{x+1} 1 = 2 for a real x: two terms to sympy, one integer in [x, x + 1] to a
        # reader where x is no whole number; a letter with no range is refused when refuted
        return Finding(str(path), line, "not proved", _count_message(step, unranged), step)
    try:
        if relation == "=":
            check.equal(left, right, where=where)
        elif relation in ("<", ">"):
            check.positive(right - left if relation == "<" else left - right, where=where)
        elif relation in ("<=", ">="):
            difference = right - left if relation == "<=" else left - right
            check.member(difference, sp.Interval(0, sp.oo), where=where)
        else:
            check.member(left, right, where=where)
    except Disproved as error:
        unranged = _unranged_bounds(left, right, where)
        if unranged:  # n in Σ_{i=1}^{n} with no range: a count the paper did not give
            return Finding(str(path), line, "not proved", _count_message(step, unranged), step,
                           error.point)
        from .testing.semantics import UNDEFINED  # only when a step is refuted

        undefined = [term for term, value in error.values
                     if value is None or value is UNDEFINED or isinstance(value, str)]
        if undefined:  # a side with no value there (an empty or reversed sum, a binomial at 1/2)
            message = (
                f"step {step[0]} → {step[1]} not proved: {undefined[0]} has no value at "
                f"{_point(error) or 'some point'}, which the ranges allow; narrow them"
            )
            return Finding(str(path), line, "not proved", message, step, error.point)
        unknown = _unknown_functions(left, right, where)
        if unknown:  # false for some function, perhaps not for the one the paper means
            message = (
                f"step {step[0]} → {step[1]} not proved: {unknown} is read as an unknown "
                f"function, and the step fails for some function (at "
                f"{_false_message(step, error).split(' is false: at ', 1)[-1]}); it may hold "
                "for the one you mean, which the reader does not know"
            )
            return Finding(str(path), line, "not proved", message, step, error.point)
        return Finding(str(path), line, "false", _false_message(step, error), step, error.point)
    except ProofError as error:
        return Finding(
            str(path), line, "not proved", f"step {step[0]} → {step[1]} not proved: {error}", step
        )
    except (TypeError, ValueError) as error:  # a set or term the engine does not take
        return Finding(
            str(path), line, "not proved", f"step {step[0]} → {step[1]} not proved: {error}", step
        )
    return Finding(str(path), line, "proved", f"step {step[0]} → {step[1]} proved", step)


def _optimization(left, relation, right, where, depends):
    """The quantities the optimization varies, for a step between two sets of optimizers (the
    parameters the objectives contain, with the entries declared to depend on them, p_i(θ) ∈
    (0, 1); every other letter is fixed data); a `str` saying why the step is not a claim the
    engine takes."""
    if not (isinstance(left, texmath.Optimizers) and isinstance(right, texmath.Optimizers)):
        return "an arg max or arg min is compared only with another one"
    if relation != "=":
        return "sets of optimizers are compared with ="
    if set(left.parameters) != set(right.parameters):
        names = [", ".join(map(str, side.parameters)) for side in (left, right)]
        return f"the sides optimize over different parameters ({names[0]}; {names[1]})"
    for parameter in left.parameters:  # no set under the operator: the range where gives, or ℝ
        domains = [dict(side.ranges).get(parameter, where.get(parameter, sp.S.Reals))
                   for side in (left, right)]
        if domains[0] != domains[1]:
            return "the sides optimize over different sets: write the same set under both"
    written = left.objective.free_symbols | right.objective.free_symbols
    over = [p for p in left.parameters if p in written]
    over += [key for p in left.parameters for key in (depends or {}).get(str(p), ())]
    if not over:
        name = str(left.parameters[0])
        name = "\\" + name if name in texmath.GREEK else name
        return (
            f"neither objective contains {name}: say in where which entries depend on it "
            f"(p_i({name}) \\in (0, 1))"
        )
    return list(dict.fromkeys(over))


def _under_operators(where, *sides):
    """The ranges, a set written under an arg max operator (θ ∈ (0, 1)) replacing the range of a
    parameter the objective contains: the optimization is over that set, whatever where says."""
    where = dict(where)
    for side in sides:
        if isinstance(side, texmath.Optimizers):
            for symbol, real_set in side.ranges:
                if isinstance(real_set, sp.Set) and symbol in side.objective.free_symbols:
                    where[symbol] = real_set
    return where


def _decide_optimizers(path, line, step, left, relation, right, where, inside, depends):
    """A step between sets of optimizers: arg max_θ f = arg min_θ g, by `check.same_optimizers`
    (`where` as the paper gives it, `inside` with the sets written under the operators)."""
    from . import check
    from .errors import Disproved, ProofError

    optimization = _optimization(left, relation, right, where, depends)
    if isinstance(optimization, str):
        message = f"step {step[0]} → {step[1]} not proved: {optimization}"
        return Finding(str(path), line, "not proved", message, step)
    over = optimization
    senses = (left.sense, right.sense)
    try:
        check.same_optimizers(left.objective, right.objective, over, where=inside, senses=senses)
    except Disproved as error:
        where_false = f"at {_point(error)}: " if error.point else ""
        witness = f"{where_false}{error.detail if where_false else error.counterexample}"
        if any(parameter in over for parameter in left.parameters):
            # a finite set of parameter values where the optimizers differ refutes "for every
            # parameter set", not the arg max over the set written, which may still agree
            message = (
                f"step {step[0]} → {step[1]} not proved: neither objective is a strictly "
                f"monotone function of the other ({witness}); the optimizers over the set "
                "written may still agree, which the engine does not decide"
            )
            return Finding(str(path), line, "not proved", message, step, error.point)
        message = f"step {step[0]} → {step[1]} is false: {witness}"
        return Finding(str(path), line, "false", message, step, error.point)
    except (ProofError, TypeError, ValueError) as error:
        message = f"step {step[0]} → {step[1]} not proved: {error}"
        return Finding(str(path), line, "not proved", message, step)
    return Finding(str(path), line, "proved", f"step {step[0]} → {step[1]} proved", step)


# letters a paper uses for an arbitrary function: a step false for some such f is false
GENERIC_FUNCTIONS = {"f", "g", "h", "F", "G", "H", "phi", "psi", "Phi", "Psi"}


def _count_message(step, letter):
    return (f"step {step[0]} → {step[1]} not proved: {letter} bounds a sum or a product but does "
            f"not range over counts: give it as {letter} \\geq 1 (or \\geq 0) in where (counts "
            "start at 0 or 1 there)")


def _unranged_bounds(left, right, where):
    """The first letter that bounds a sum or a product of the step and does not range over counts
    (ℕ or ℕ₀, which n ≥ 1 and n ≥ 0 give)."""
    for side in (left, right):
        for symbol in sorted(texmath.sizes(side), key=str):
            if where.get(symbol) not in (sp.S.Naturals, sp.S.Naturals0):
                return str(symbol)
    return ""


def _unknown_functions(left, right, where):
    """The names of the operators a step applies that nothing declares (\\operatorname{Var},
    \\mathrm{sgn}): neither a generic letter f, g, h nor a function given a range in where."""
    names = set()
    for side in (left, right):
        for applied in getattr(side, "atoms", lambda *_: ())(AppliedUndef):
            name = applied.func.__name__
            if applied.func not in where and name not in GENERIC_FUNCTIONS:
                names.add(name)
    return ", ".join(sorted(names))


def _false_message(step, error):
    point = ", ".join(f"{_name(k)} = {v}" for k, v in error.point.items())
    # as many digits as tell the sides apart (1 = 1.0000000000000001 printed "1.0 and 1.0")
    for digits in (3, 6, 10, 17, 25, 40):
        values = [_number(value, digits) for _, value in error.values]
        if len(set(values)) == len(values):
            break
    sides = (
        f": the sides are {values[0]} and {values[1]}"
        if len(values) == 2
        else f": {error.detail}"
    )
    where_false = f"at {point}" if point else "everywhere"
    return f"step {step[0]} → {step[1]} is false: {where_false}{sides}"


def _name(key):
    match = re.fullmatch(r"(\w+)\[(.+)\]", str(key))
    return f"{match.group(1)}_{match.group(2).replace(', ', ',')}" if match else str(key)


def _number(value, digits=3):
    import mpmath

    if value is None or isinstance(value, str):
        return "undefined"
    try:
        mid = value.mid if hasattr(value, "mid") else value
        with mpmath.workdps(digits + 10):  # an exact value to the digits asked
            if isinstance(mid, sp.Basic):
                mid = sp.N(mid, digits + 10)
            return mpmath.nstr(mpmath.mpf(mid), digits)
    except (TypeError, ValueError):
        return str(value)
