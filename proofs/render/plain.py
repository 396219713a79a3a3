"""Words with LaTeX mathematics (a justification, a remark) as plain Unicode text.

The words' mathematics is the closed set `safety.check_words` admits (Greek letters, the symbols,
the one-argument commands, \\frac, \\sqrt, \\binom, \\left/\\right …), so every command has a
spelling here; the text is written as the text writer writes formulas (p_i^{y_i}, C(m, k) for a
binomial coefficient, √x), with no backslash or grouping brace left.  Imports nothing of the
package.
"""

import re
import unicodedata

TOKEN = re.compile(r"\\[A-Za-z]+|\\.|.", re.DOTALL)

GREEK_NAMES = {"epsilon": "lunate epsilon symbol", "varepsilon": "epsilon",
               "vartheta": "theta symbol", "varpi": "pi symbol", "varrho": "rho symbol",
               "varsigma": "final sigma", "varphi": "phi", "phi": "phi symbol", "lambda": "lamda",
               "Lambda": "lamda"}
SYMBOLS = {"in": "∈", "notin": "∉", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
           "ne": "≠", "cdot": "·", "times": "×", "infty": "∞", "dots": "…", "ldots": "…",
           "cdots": "⋯", "to": "→", "mapsto": "↦", "pm": "±", "mp": "∓", "approx": "≈",
           "mid": "|", "sum": "∑", "prod": "∏", "partial": "∂", "nabla": "∇", "top": "⊤",
           "intercal": "⊤", "prime": "′", "ell": "ℓ", "ast": "∗", "star": "⋆", "circ": "∘",
           "bullet": "•", "hbar": "ℏ", "imath": "ı", "jmath": "ȷ", "dagger": "†",
           "quad": "  ", "qquad": "    ", ",": " ", ";": " ", ":": " ", " ": " ", "!": "",
           "{": "{", "}": "}", "|": "‖", "%": "%", "&": "&", "#": "#", "_": "_", "$": "$"}
# written as their names, as the formulas write log and exp
OPERATORS = {"log", "ln", "exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arctan", "min",
             "max", "sup", "inf", "lim", "arg"}
# commands that only size or space the next delimiter
DROPPED = {"left", "right", "bigl", "bigr", "Bigl", "Bigr"}
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0305",
           "tilde": "\u0303", "widetilde": "\u0303", "vec": "\u20d7", "dot": "\u0307",
           "ddot": "\u0308", "check": "\u030c", "breve": "\u0306"}
# a font or an upright name keeps its letters: \mathrm{CE} is CE
FONTS = {"mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathcal", "mathfrak", "boldsymbol",
         "bm", "operatorname", "text"}
ACCENT_NAMES = {"widehat": "hat", "overline": "bar", "widetilde": "tilde"}


def plain(text):
    """`text` (words, mathematics between $ signs) as plain text: \\frac{a}{b} as a/b, the
    commands spelled out, $ signs and grouping braces dropped."""
    return _Reader(text).read()


def _greek(name):
    """α for alpha, Γ for Gamma; None when `name` is no Greek letter."""
    spelled = GREEK_NAMES.get(name, name)
    case = "CAPITAL" if name[0].isupper() else "SMALL"
    try:
        return unicodedata.lookup(f"GREEK {case} LETTER {spelled.upper()}")
    except KeyError:
        try:
            return unicodedata.lookup(f"GREEK {spelled.upper()}")  # the symbol forms
        except KeyError:
            return None


def _double_struck(letter):
    """ℝ for R, 𝔼 for E: Unicode names the five number sets apart from the other letters."""
    for name in (f"DOUBLE-STRUCK CAPITAL {letter}", f"MATHEMATICAL DOUBLE-STRUCK CAPITAL {letter}"):
        try:
            return unicodedata.lookup(name)
        except KeyError:
            continue
    return letter


def _atom(text):
    """`text` as a numerator, denominator or root: bracketed unless it is one name or number."""
    return text if re.fullmatch(r"[0-9]+|[^\W\d_]+(_\w|_\{[^{}]*\})?", text) else f"({text})"


class _Reader:
    def __init__(self, text):
        self.tokens = TOKEN.findall(text)
        self.at = 0
        self.math = False  # between $ signs, where - is a minus sign: (−∞, 0], not (-∞, 0]

    def read(self, until=None):
        out = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if token == until:
                break
            out.append(self.one(token))
        return "".join(out)

    def group(self):
        """The next argument: a braced group's contents, or one token."""
        while self.at < len(self.tokens) and self.tokens[self.at] == " ":
            self.at += 1
        if self.at >= len(self.tokens):
            return ""
        token = self.tokens[self.at]
        self.at += 1
        return self.read(until="}") if token == "{" else self.one(token)

    def one(self, token):
        if token == "{":
            return self.read(until="}")
        if token == "}":
            return ""
        if token == "~":
            return " "
        if token == "$":
            self.math = not self.math
            return ""
        if token == "-" and self.math:
            return "−"
        if token in ("_", "^"):
            inner = self.group()
            # as the text writer writes scripts: p_i, but p^{2} and ∑_{i=1}^{n}
            return token + (inner if token == "_" and len(inner) == 1 else "{" + inner + "}")
        if not token.startswith("\\"):
            return token
        name = token[1:]
        if name == "frac" or name in ("tfrac", "dfrac"):  # (a/b), as the text writer writes 1/n
            numerator, denominator = _atom(self.group()), _atom(self.group())
            if numerator.isdigit() and denominator.isdigit() and not self._factor_follows():
                return f"{numerator}/{denominator}"  # a number alone: (0, 1/2], its value at 1/2
            return self.spaced(f"({numerator}/{denominator})")
        if name == "sqrt":
            return self.spaced("√" + _atom(self.group()))
        if name == "binom":
            return f"C({self.group()}, {self.group()})"
        if name == "mathbb":
            inner = self.group()
            return "".join(map(_double_struck, inner)) if inner.isalpha() else inner
        if name in FONTS:
            return self.group()
        if name in ACCENTS:  # x̂ on one letter, hat(ab) on several: ab̂ would put it on b only
            inner = self.group()
            return inner + ACCENTS[name] if len(inner) == 1 else (
                f"{ACCENT_NAMES.get(name, name)}({inner})")
        if name in DROPPED:
            return ""
        if name in SYMBOLS:
            return SYMBOLS[name]
        if name in OPERATORS:  # log Γ, not logΓ: TeX spaces an operator from what follows
            return self.spaced(name)
        return _greek(name) or self.spaced(name)  # a name such as artanh is spaced as log is

    def _factor_follows(self):
        """Whether a factor follows at once (after spaces): a letter, a number, a command or a
        bracket, which a slashed number would run into (1/2 x)."""
        at = self.at
        while at < len(self.tokens) and self.tokens[at] == " ":
            at += 1
        following = self.tokens[at] if at < len(self.tokens) else ""
        return following[:1].isalnum() or following[:1] in ("\\", "(", "{")

    def spaced(self, text):
        """`text` and a space when a letter, a number or a command follows it at once."""
        following = self.tokens[self.at] if self.at < len(self.tokens) else ""
        command = following.startswith("\\") and following[1:2].isalpha() and (
            following[1:] not in DROPPED)  # \\log\\left( is log(, not log (
        return text + " " if following[:1].isalnum() or command else text
