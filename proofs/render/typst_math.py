"""LaTeX math, as the writer and the notation write it, translated to Typst math.

The renderers share one writer, which writes LaTeX; the Typst output translates its formulas
rather than keeping a fourth way of writing every expression.  The LaTeX it reads is a closed
set: what `notation.Writer` and the layout write, and the commands `safety.check_math` lets a
notation value use.  Anything else is refused with `RenderError`, never passed through, so a
Typst file can neither show a different formula nor run code (no ``#`` reaches the output from a
formula).  Imports `proofs.errors` only.
"""

import re

from ..errors import RenderError

TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|.", re.S)

# LaTeX command -> Typst name (symbols, Greek letters, operators written like log)
NAMES = {
    **{name: name for name in (
        "alpha beta gamma delta zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon "
        "chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega "
        "log ln exp sin cos tan sinh cosh tanh arctan min max sum nabla partial dagger ell "
        "top").split()},
    # LaTeX's \epsilon and \phi are the lunate forms, Typst's epsilon and phi the open ones
    "epsilon": "epsilon.alt", "varepsilon": "epsilon", "phi": "phi.alt", "varphi": "phi",
    "vartheta": "theta.alt", "varpi": "pi.alt", "varrho": "rho.alt", "varsigma": "sigma.alt",
    "prod": "product", "intercal": "top", "cdot": "dot.op", "times": "times", "prime": "prime",
    "ast": "ast", "star": "star", "circ": "compose", "bullet": "bullet", "infty": "infinity",
    "hbar": "planck.reduce", "imath": "dotless.i", "jmath": "dotless.j", "in": "in",
    "notin": "in.not", "leq": "<=", "le": "<=", "geq": ">=", "ge": ">=", "neq": "!=",
    "mapsto": "|->", "to": "->", "dots": "dots", "ldots": "dots", "cdots": "dots.c",
    "mid": "mid", "pm": "plus.minus", "mp": "minus.plus", "ne": "!=", "approx": "approx",
    **{name: name for name in ("sup", "inf", "lim", "arg")}, "sim": "tilde.op", "propto": "prop",
    "quad": "quad", "qquad": "wide", ",": "thin", ":": "med", ";": "thick", " ": "space", "!": "",
    "{": "\\{", "}": "\\}", "|": "||", "Bigl": "", "Bigr": "", "bigl": "", "bigr": "",
}
ACCENTS = {"hat": "hat", "widehat": "hat", "bar": "overline", "overline": "overline",
           "tilde": "tilde", "widetilde": "tilde", "vec": "arrow", "dot": "dot",
           "ddot": "dot.double", "check": "caron", "breve": "breve"}
# \mathbf and \mathsf are upright in LaTeX, Typst's bold and sans keep math italic
FONTS = {"mathrm": "upright({})", "mathit": "italic({})", "mathbf": "upright(bold({}))",
         "boldsymbol": "bold({})", "bm": "bold({})", "mathsf": "upright(sans({}))",
         "mathtt": "mono({})", "mathcal": "cal({})", "mathfrak": "frak({})", "mathbb": "bb({})"}
DOUBLE_STRUCK = {"R": "RR", "N": "NN", "Z": "ZZ", "Q": "QQ", "C": "CC"}
# characters written as they are; '/' would make a fraction in Typst, so it becomes slash
CHARACTERS = {**{c: c for c in "+-=<>()[],.;:|!*"}, "/": "slash", "~": "space"}
DELIMITERS = {"(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "\\{": "\\{", "\\}": "\\}",
              ".": ""}


def typst_math(latex, inline=False):
    """The Typst math for a LaTeX formula (RenderError for a construct it does not know);
    `inline` sets it in text style, as inside a justification beside a display (1/n small)."""
    parser = _Parser(latex)
    text = parser.translate()
    return f"inline({parser.argument(text)})" if inline else text


def _bracket_depths(text):
    """(character, how many brackets are open after it) for each character of Typst text."""
    depth = 0
    for char in text:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        yield char, depth


def _compound(text):
    """Whether Typst text is more than one atom: a space or a script outside every bracket."""
    return any(depth == 0 and char in " _^" for char, depth in _bracket_depths(text))


def _strings_out(text):
    """Typst text with the contents of its string literals blanked, for counting brackets."""
    return re.sub(r'"[^"]*"', lambda m: '"' + " " * (len(m.group()) - 2) + '"', text)


class _Parser:
    def __init__(self, latex):
        self.source = latex
        self.tokens = [t for t in TOKEN.findall(latex)]
        self.at = 0

    def fail(self, reason):
        raise RenderError(f"cannot write {self.source!r} in Typst: {reason}")

    def translate(self):
        out = self.sequence(stop=())
        if self.at < len(self.tokens):
            self.fail(f"unexpected {self.tokens[self.at]!r}")
        return out

    # ------------------------------------------------------------------------------ reading
    def peek(self):
        while self.at < len(self.tokens) and self.tokens[self.at].isspace():
            self.at += 1
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self):
        token = self.peek()
        if token is None:
            self.fail("it ends too early")
        self.at += 1
        return token

    def sequence(self, stop):
        """Atoms up to a token in `stop` (left unread) or the end, joined by spaces so that no
        two of them run together into one Typst name or shorthand (a b, not ab; < =, not <=)."""
        parts = []
        while True:
            token = self.peek()
            if token is None or token in stop:
                return " ".join(part for part in parts if part)
            if token in ("_", "^"):
                self.fail("a sub- or superscript has no base")
            if token == "'":
                self.fail("a prime has no base")
            atom, compound = self.atom()
            atom = self.scripts(atom, compound)
            if parts and atom.startswith("(") and parts[-1].endswith('")'):
                parts[-1] += atom  # upright("CE")(theta): a space would show after the name
            else:
                parts.append(atom)

    def group(self):
        """A braced argument, or a single token's atom (one digit: x_10 is x_1 0), as Typst
        (without its scripts)."""
        atom, _ = self.atom(digits=1)
        return atom

    def expect(self, token):
        if self.take() != token:
            self.fail(f"expected {token!r}")

    def raw_group(self):
        """A braced argument's text, for \\text and \\operatorname."""
        self.expect("{")
        text = []
        while self.at < len(self.tokens) and self.tokens[self.at] != "}":
            if self.tokens[self.at] == "{":
                self.fail("nested braces in a text argument")
            text.append(self.tokens[self.at])
            self.at += 1
        self.expect("}")
        return "".join(text)

    def scripts(self, atom, compound):
        """`atom` with the sub- and superscripts that follow it: x_(i)^(2).  A base of several
        atoms ({\\hat y^2}^{y_i}) is boxed, as Typst has no invisible group."""
        attached, primes, marks = "", "", set()
        while self.peek() in ("_", "^", "'"):
            mark = self.take()
            if mark == "'":  # p_i' and p'_i are both p with a prime and a subscript
                primes += "'"
                continue
            if mark in marks:  # x^2^3: LaTeX stops ("Double superscript"), Typst nests
                self.fail(f"a second {'superscript' if mark == '^' else 'subscript'} on one base")
            marks.add(mark)
            attached += f"{mark}({self.argument(self.group(), call=False)})"
        if (attached or primes) and (compound or not atom):
            atom = f"#box(${atom}$)" if atom else '""'
        return atom + primes + attached

    # ------------------------------------------------------------------------------ atoms
    def atom(self, digits=None):
        """(one atom as Typst, whether it is made of several atoms); a number is one digit when
        `digits` is 1 (a script's or an accent's argument without braces)."""
        token = self.take()
        if token == "{":
            inside = self.sequence(stop=("}",))
            self.expect("}")
            return inside, _compound(inside)
        if token.isdigit():
            number = token
            while digits != 1 and self.at < len(self.tokens) and self.tokens[self.at].isdigit():
                number += self.tokens[self.at]
                self.at += 1
            return number, False
        if token.isalpha() and len(token) == 1:
            return token, False
        if token in CHARACTERS:
            return CHARACTERS[token], False
        if not token.startswith("\\"):
            self.fail(f"the character {token!r}")
        return self.command(token[1:])

    def command(self, name):
        if name in ("left", "right"):
            if name == "right":
                self.fail("\\right without \\left")
            opening = self.delimiter()
            inside = self.sequence(stop=("\\right",))
            self.expect("\\right")
            closing = self.delimiter()
            if opening == closing == "|":
                return f"lr(| {self.argument(inside)} |)", False
            return f"{opening} {inside} {closing}".strip(), False
        if name in ("Bigl", "Bigr", "bigl", "bigr"):
            return self.delimiter(), False
        if name in NAMES:
            return NAMES[name], False
        if name in ("frac", "tfrac", "dfrac"):  # a justification's formulas are inline anyway
            numerator, denominator = self.group(), self.group()
            return f"frac({self.argument(numerator)}, {self.argument(denominator)})", False
        if name == "binom":
            top, bottom = self.group(), self.group()
            return f"binom({self.argument(top)}, {self.argument(bottom)})", False
        if name == "sqrt":
            return f"sqrt({self.argument(self.group())})", False
        if name in ACCENTS:
            return f"{ACCENTS[name]}({self.argument(self.group())})", False
        if name == "mathbb" and self.peek() == "{":
            inside = self.group()
            return DOUBLE_STRUCK.get(inside, f"bb({self.argument(inside)})"), False
        if name == "mathrm" and self.peek() == "{":
            end = self.at + 1  # a word of letters, then }: upright text
            while end < len(self.tokens) and re.fullmatch(r"[A-Za-z]", self.tokens[end]):
                end += 1
            if end > self.at + 1 and end < len(self.tokens) and self.tokens[end] == "}":
                word = "".join(self.tokens[self.at + 1:end])
                self.at = end + 1
                return f'upright("{word}")', False
        if name in FONTS:
            return FONTS[name].format(self.argument(self.group())), False
        if name == "text":  # Typst spaces text in math as an operator: its own spaces would double
            return self.string(self.raw_group().strip()), False
        if name in ("operatorname", "operatorname*"):
            text = self.raw_group().replace("\\,", " ").replace("\\;", " ")
            if not re.fullmatch(r"[A-Za-z ]+", text):
                self.fail(f"the operator name {text!r}")
            limits = ", limits: #true" if name.endswith("*") else ""
            return f'op("{text}"{limits})', False
        self.fail(f"the command \\{name}")

    def delimiter(self):
        token = self.take()
        if token not in DELIMITERS:
            self.fail(f"the delimiter {token!r}")
        return DELIMITERS[token]

    def argument(self, text, call=True):
        """`text` as one argument of a Typst function or script: not empty, its brackets balanced
        (else the call would end early or swallow what follows), and a comma or semicolon outside
        brackets and strings, which would split a call's argument into several, escaped."""
        bare = _strings_out(text)
        if not bare.strip():
            self.fail("an argument is empty")
        depth, out = 0, []
        for char, (seen, depth) in zip(text, _bracket_depths(bare)):
            if depth < 0:
                self.fail("a bracket in an argument is not opened")
            out.append("\\" + char if call and depth == 0 and seen in ",;" else char)
        if depth != 0:
            self.fail("a bracket in an argument is not closed")
        return "".join(out)

    def string(self, text):
        if re.search(r'["\\#$]', text):
            self.fail(f"the text {text!r}")
        return f'"{text}"'
