"""How expressions and judgements are written: one writer, two styles (LaTeX for papers, Unicode for
terminals).

Imports sympy and the kernel's judgement classes only.  The writer follows paper conventions rather
than sympy's internal order: coefficients before logs (y_i log p_i), 1 − p rather than −p + 1,
\\frac{1}{n} in front of a sum, \\log without parentheses around a single symbol.
"""

import functools
import itertools
import re

import sympy as sp
from sympy.core.function import AppliedUndef

from ..kernel import POSITIVE_REALS, Defined, Equal, Member, SameOptimizers, StrictlyIncreasing
from ..kernel.language import IndexRange
from ..kernel.terms import BINDERS, DefinedEntry

LATEX = {
    "sum": r"\sum_{{{i}={lo}}}^{{{hi}}} ", "prod": r"\prod_{{{i}={lo}}}^{{{hi}}} ", "log": r"\log",
    "exp": r"\exp", "open": r"\left(", "close": r"\right)", "bopen": r"\left[",
    "bclose": r"\right]", "times": r" \cdot ", "minus": " - ", "neg": "-",
    "frac": r"\frac{{{num}}}{{{den}}}", "sub": "{base}_{{{index}}}", "sup": "{base}^{{{exp}}}",
    "call": r"{name}({arg})", "in": r" \in ", "gt": " > 0", "oo": r"\infty",
    "argmax": r"\operatorname*{{arg\,max}}_{{{var}}}",
    "argmin": r"\operatorname*{{arg\,min}}_{{{var}}}", "mapsto": r" \mapsto ",
    "increasing": r"\text{ is strictly increasing on }", "reals": r"\mathbb{R}",
    "naturals": r"\{1, 2, \dots\}", "naturals0": r"\mathbb{N}_0", "integers": r"\mathbb{Z}",
    "set": r"\{{{items}\}}", "abs": r"\left|{arg}\right|",
}
TEXT = {
    "sum": "∑_{{{i}={lo}}}^{{{hi}}} ", "prod": "∏_{{{i}={lo}}}^{{{hi}}} ", "log": "log",
    "exp": "exp", "open": "(", "close": ")", "bopen": "[", "bclose": "]", "times": "·",
    "minus": " − ", "neg": "−", "frac": "({num}/{den})", "sub": "{base}_{index}",
    "sup": "{base}^{{{exp}}}", "call": "{name}({arg})",
    "in": " ∈ ", "gt": " > 0", "oo": "∞", "argmax": "argmax_{var} ", "argmin": "argmin_{var} ",
    "mapsto": " ↦ ", "increasing": " is strictly increasing on ", "reals": "ℝ",
    "naturals": "{1, 2, …}", "naturals0": "ℕ₀", "integers": "ℤ", "set": "{{{items}}}",
    "abs": "|{arg}|",
}
DEFAULT_NAMES = {"latex": {"theta": r"\theta", "L": "L", "CE": r"\mathrm{CE}", "log": r"\log"},
                 "text": {"theta": "θ", "L": "L", "CE": "CE", "log": "log"}}
NOTATION_KEYS = {
    "theta": "the parameter (default \\theta)", "p": "the model probability's letter (default p)",
    "p_i": "the whole i-th probability, e.g. \\sigma(w^\\top x_i)",
    "y": "the label's letter (default y)", "y_i": "the whole i-th label",
    "n": "the sample size (default n)", "i": "the index letter (default i)",
    "L": "the likelihood's name (default L)",
    "CE": "the cross-entropy's name (default \\mathrm{CE})",
    "log": "the logarithm (\\log or \\ln)",
}


# every name a notation key prints, by default (log is a function, not a name)
LETTER_DEFAULTS = {**{key: value for key, value in DEFAULT_NAMES["latex"].items() if key != "log"},
                   "p": "p", "y": "y", "n": "n", "i": "i"}


def validated_notation(mapping):
    """The notation as sorted (key, LaTeX) pairs; unknown keys and unsafe values raise
    NotationError."""
    from .safety import NotationError, check_math
    pairs = []
    for key, value in dict(mapping or {}).items():
        if key not in NOTATION_KEYS:
            raise NotationError(f"unknown notation key {key!r}; "
                                f"valid keys: {', '.join(NOTATION_KEYS)}")
        if key == "log" and value not in ("\\log", "\\ln"):
            raise NotationError(f"notation 'log' must be \\log or \\ln, not {value!r}")
        if re.fullmatch(r"[\s{}]*[0-9][0-9.\s{}]*", str(value)):
            raise NotationError(f"notation {key!r}: {value!r} is a number, and the theorem would "
                                "print a special case of itself; give a letter or an expression")
        if re.search(r"[=<>]|\\(?:leq?|geq?|neq?|in|approx|sim|equiv)(?![A-Za-z])", str(value)):
            raise NotationError(f"notation {key!r}: {value!r} holds a relation, which the "
                                "formulas would print as a claim never proved; give a name or an "
                                "expression")
        for odd in re.finditer(r"\\(?:mathcal|mathbb|mathfrak|mathscr)\s*(?:\{\s*([^{}]*?)\s*\}|"
                               r"(\S))", str(value)):
            if not re.fullmatch(r"[A-Z]+", odd.group(1) or odd.group(2) or ""):
                # their fonts have capitals only: \mathcal{1} prints ∞, \mathcal{p} a bracket
                raise NotationError(f"notation {key!r}: \\mathcal, \\mathbb and \\mathfrak take "
                                    f"capital letters, not {odd.group(0)!r}")
        pairs.append((key, check_math(key, value)))
    # two names printed alike would make the text say something else (i=n: "for n = 1, …, n")
    letters = dict(LETTER_DEFAULTS,
                   **{key: value for key, value in pairs if key in LETTER_DEFAULTS})
    for key, value in letters.items():
        other = next((k for k, v in letters.items() if k != key and v == value), None)
        if other is not None:
            first, second = sorted((key, other))
            raise NotationError(f"notation: {first} and {second} would both print as {value}; "
                                "give them different letters")
    return tuple(sorted(pairs))


def text_form(latex):
    """A LaTeX notation value as terminal text: common commands become Unicode, the rest is
    dropped."""
    table = {r"\theta": "θ", r"\sigma": "σ", r"\top": "ᵀ", r"\mathrm": "", r"\mathcal": "",
             r"\mathbf": "", r"\boldsymbol": "", r"\log": "log", r"\ln": "ln", r"\cdot": "·",
             r"\mu": "μ", r"\pi": "π", r"\ell": "ℓ", r"\alpha": "α", r"\beta": "β",
             r"\lambda": "λ", r"\phi": "φ", r"\operatorname": "", r"\text": ""}
    for command in sorted(table, key=len, reverse=True):
        latex = latex.replace(command, table[command])
    # the other admitted commands as the words' text writes them (\mathit{t} is t, \vec{x} is x⃗,
    # \gamma is γ), not as their names (mathitt, vecx, gamma)
    from .plain import ACCENTS, FONTS, _double_struck, _greek
    latex = re.sub(r"\\mathbb\s*\{?([A-Z])\}?", lambda match: _double_struck(match.group(1)), latex)
    latex = re.sub(r"\\(" + "|".join(sorted(FONTS | set(ACCENTS), key=len, reverse=True))
                   + r")(?![A-Za-z])\s*(\{[^{}]*\}|[A-Za-z])",
                   lambda match: match.group(2).strip("{}") + ACCENTS.get(match.group(1), ""),
                   latex)
    latex = re.sub(r"\\([A-Za-z]+)", lambda match: _greek(match.group(1)) or match.group(0),
                   latex)
    return latex.replace("{", "").replace("}", "").replace("\\", "").strip()


def _grouped(key, value):
    """A notation value as one TeX atom, so that scripts the writer appends can never double up
    (^x_i^y); a whole value with a sign outside its brackets (y_i = 1 - t_i) in parentheses, which
    print, since (1 − t_i) log p_i is not 1 − t_i log p_i."""
    if key == "log" or re.fullmatch(r"[A-Za-z0-9]|\\[A-Za-z]+", value):
        return value
    return "{\\left(" + value + "\\right)}" if _signed(value) else "{" + value + "}"


def _signed(value):
    """Whether a notation value has a sign outside its brackets (1 - t_i, -z), so that it prints
    in parentheses wherever it stands for one quantity."""
    depth = 0
    for position, char in enumerate(value):
        depth += {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}.get(char, 0)
        if depth == 0 and char in "+-" and position > 0:
            return True
    return value.startswith("-")


def _text_value(key, value):
    """A notation value as terminal text, in parentheses when it has a sign outside its brackets
    (y_i = 1 - t_i prints (1-t_i) log p_i, as LaTeX does)."""
    text = text_form(value)
    return f"({text})" if key != "log" and _signed(value) else text


# Greek letters by name, which sympy's printers write as letters (mu: \mu)
_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
          "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
          "omega"}


def ordered(terms, key):
    """Terms sorted by key, then by their spelling — written out only for terms whose keys tie."""
    return [t for _, tied in itertools.groupby(sorted(terms, key=key), key)
            for t in sorted(tied, key=_spelled)]


@functools.lru_cache(maxsize=4096)
def _spelled(expr):
    """The term as the terminal writes it (memoized there too): cheaper than sympy's printer, and
    the same for every notation and style, so text and LaTeX order terms alike."""
    return Writer("text").expr(expr)


@functools.lru_cache(maxsize=4096)
def _degree(term):
    """The degree of a monomial (a number times natural powers of quantities: 3x²y has 3), or
    None for another term."""
    degree = 0
    for factor in sp.Mul.make_args(term):
        base, exponent = factor.as_base_exp()
        if factor.is_Number:
            continue
        if not isinstance(base, (sp.Symbol, sp.Indexed)) or not (exponent.is_Integer and
                                                                   exponent > 0):
            return None
        degree += int(exponent)
    return degree


@functools.lru_cache(maxsize=4096)
def _nesting(expr):
    """How many sums a term contains (fewer first)."""
    return sum(isinstance(node, sp.Add) for node in sp.preorder_traversal(expr))


def _open_right(factor):
    """Whether a factor printed without brackets takes in what follows it: a sum or a product,
    or a function written before one (log ∑ x_i)."""
    if isinstance(factor, BINDERS):
        return True
    heads = (sp.log, sp.exp, *FUNCTION_HEADS)
    return isinstance(factor, heads) and isinstance(factor.args[0], BINDERS)


def _function(factor):
    """Whether a factor is a function written before its argument without brackets (log x)."""
    return isinstance(factor, (sp.log, sp.exp, *FUNCTION_HEADS))


def _enclosed(text):
    """Whether text is one parenthesized group, as the terminal's fractions (a/b) are: no second
    pair needed."""
    depth = 0
    for position, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return char == ")" and position == len(text) - 1
    return False


# the kernel's functions of one argument written like log: head, then the argument
FUNCTION_HEADS = {
    sp.sin: (r"\sin", "sin"), sp.cos: (r"\cos", "cos"), sp.tanh: (r"\tanh", "tanh"),
    sp.sinh: (r"\sinh", "sinh"), sp.cosh: (r"\cosh", "cosh"), sp.atan: (r"\arctan", "arctan"),
    sp.erf: (r"\operatorname{erf}", "erf"), sp.gamma: (r"\Gamma", "Γ"),
}

# (style, notation) -> {expression: text}: writing is pure, and a proof's lines share their terms
_WRITTEN = {}


class Writer:
    """Writes sympy expressions and kernel judgements in one style."""

    def __init__(self, style="latex", notation=(), parametric=True):
        self.style, self.parametric = style, parametric  # parametric: definitions depend on θ
        self.t = LATEX if style == "latex" else TEXT
        self.names = dict(DEFAULT_NAMES[style])
        written = _grouped if style == "latex" else _text_value
        self.names.update((key, written(key, value)) for key, value in notation)
        if len(_WRITTEN) > 64 or sum(map(len, _WRITTEN.values())) > 50000:
            _WRITTEN.clear()
        self.written = _WRITTEN.setdefault((style, tuple(notation), parametric), {})

    # -------------------------------------------------------------------------------- expressions
    def __call__(self, expr):
        """A whole side of a statement: a lone terminal fraction (1/x) loses its outer
        parentheses."""
        text = self.expr(sp.sympify(expr))
        return text[1:-1] if self.style == "text" and _enclosed(text) else text

    def expr(self, e):
        """`e` in this style, written once per style and notation (the text, LaTeX and Markdown
        renderers and every line of a proof ask for the same terms again)."""
        text = self.written.get(e)
        if text is None:
            text = self.written[e] = self.write(e)
        return text

    def write(self, e):
        if isinstance(e, Defined) and not self.parametric:
            return self.constant(e.name)
        if isinstance(e, Defined):
            return self.t["call"].format(name=self.constant(e.name), arg=self.names["theta"])
        if isinstance(e, DefinedEntry):  # p(i) of a family p_i := …, written p_i(θ)
            name = e.func.__name__
            whole = self.names.get(f"{name}_{e.args[0]}") if len(e.args) == 1 else None
            if whole is not None:
                return whole
            return self.t["call"].format(name=self.t["sub"].format(
                base=self.name(sp.Symbol(name)), index=",".join(map(self.expr, e.args))),
                arg=self.names["theta"])
        if isinstance(e, sp.Indexed):
            whole = (self.names.get(f"{e.base.label.name}_{e.indices[0]}")
                     if len(e.indices) == 1 else None)
            if whole is not None:
                return whole
            index = ",".join(map(self.index, e.indices))
            if self.style == "text" and not re.fullmatch(r"[\w',]+", index):
                index = "{" + index + "}"  # x_{i + 1}, not x_i + 1
            return self.t["sub"].format(base=self.name(e.base.label), index=index)
        if isinstance(e, sp.Symbol):
            return self.name(e)
        if isinstance(e, sp.Rational) and e < 0:  # −1/2 with the text's minus sign, as −x
            return self.t["neg"] + self.expr(-e)
        if isinstance(e, sp.Rational):
            return str(e.p) if e.q == 1 else self.t["frac"].format(num=e.p, den=e.q)
        if e == sp.pi:
            return "\\pi" if self.style == "latex" else "π"
        if e is sp.E and self.style == "text":  # sympy's str writes E (LaTeX: e)
            return "e"
        if e in (sp.oo, -sp.oo):
            return (self.t["neg"] if e == -sp.oo else "") + self.t["oo"]
        if isinstance(e, sp.Add):
            return self.add(e)
        if isinstance(e, sp.Mul):
            return self.mul(e)
        if isinstance(e, sp.Pow):
            return self.power(e)
        if isinstance(e, sp.factorial):
            arg = e.args[0]
            return (self.expr(arg) if self.is_atom(arg) else self.grouped(self.expr(arg))) + "!"
        if isinstance(e, sp.binomial):
            top, bottom = map(self.expr, e.args)
            return (f"\\binom{{{top}}}{{{bottom}}}" if self.style == "latex"
                    else f"C({top}, {bottom})")
        if isinstance(e, sp.Abs):  # |x/y|, not |(x/y)|: the bars group the terminal's fraction
            arg = self.expr(e.args[0])
            return self.t["abs"].format(arg=arg[1:-1] if self.style == "text" and _enclosed(arg)
                                        else arg)
        if isinstance(e, (sp.log, sp.exp)) or type(e) in FUNCTION_HEADS:
            if type(e) in FUNCTION_HEADS:
                head = FUNCTION_HEADS[type(e)][self.style != "latex"]
            else:
                head = self.names["log"] if isinstance(e, sp.log) else self.t["exp"]
            arg = e.args[0]
            # log(Γ(a)) keeps its brackets: log Γ(a) Γ(b) would read as the log of the product
            if (self.is_atom(arg) or isinstance(arg, BINDERS)) and not isinstance(e, sp.gamma):
                return f"{head} {self.expr(arg)}"
            return head + self.grouped(self.expr(arg))
        if isinstance(e, BINDERS):
            # Sum(f, (k, 1, n), (i, 1, m)) is Σ_{i=1}^{m} Σ_{k=1}^{n} f: every limit printed, the
            # last outermost (sympy flattens a sum of a sum into one with two limits)
            kind = "sum" if isinstance(e, sp.Sum) else "prod"
            head = "".join(self.t[kind].format(i=self.expr(var), lo=self.expr(lo), hi=self.expr(hi))
                           for var, lo, hi in reversed(e.limits))
            body = self.expr(e.function)
            # a body that is a sum, or negative (Σ [−log y_i!], not Σ −log y_i!), in brackets
            if isinstance(e.function, sp.Add) or e.function.could_extract_minus_sign():
                body = f"{self.t['bopen']}{body}{self.t['bclose']}"
            return head + body
        if isinstance(e, AppliedUndef):  # an undefined function such as a network's f(x_i)
            return (self.name(sp.Symbol(e.func.__name__)) + self.t["open"]
                    + ", ".join(map(self.expr, e.args)) + self.t["close"])
        return sp.latex(e) if self.style == "latex" else str(e)

    def grouped(self, text):
        """text in parentheses, unless it already is one parenthesized group (a terminal fraction
        (a/b))."""
        return text if _enclosed(text) else f"{self.t['open']}{text}{self.t['close']}"

    def constant(self, name):
        """A defined constant's name: the notation's, else upright when it has several letters
        (MSE)."""
        if name in self.names:
            return self.names[name]
        if self.style == "latex" and len(name) == 3 and name[1] == "_":  # q_i
            return f"{name[0]}_{{{name[2]}}}"
        base, _, sub = name.partition("_")
        # y_bar: y_{bar}, mu_hat: μ_{hat}
        if self.style == "latex" and base and sub and "_" not in sub:
            head = self.name(sp.Symbol(base)) if len(base) == 1 or base.lower() in _GREEK \
                else f"\\mathrm{{{base}}}"
            return f"{head}_{{\\mathrm{{{sub}}}}}" if len(sub) > 1 else f"{head}_{{{sub}}}"
        if self.style == "latex" and len(name) > 1:  # MSE; an underscore TeX would read as a
            return "\\mathrm{" + name.replace("_", "\\_") + "}"  # subscript is written
        return name

    def name(self, symbol):
        """The notation's name for a symbol; Greek names become \\sigma (LaTeX) or σ (text)."""
        if symbol.name in self.names:
            value = self.names[symbol.name]
            # a name with its own scripts (\hat{y}^{2}, a') is a base of its own, so that p_i^{y_i}
            # is no double superscript: {{}…}, as TeX unwraps a group of one accent ({\hat y}^2)
            if self.style == "latex" and re.search(r"[\^_']", value):
                return "{{}" + value + "}"
            return value
        if self.style == "latex":
            return sp.latex(sp.Symbol(symbol.name))
        from sympy.printing.pretty.pretty_symbology import pretty_symbol
        return pretty_symbol(symbol.name)

    def is_atom(self, e):
        if isinstance(e, sp.Indexed) and len(e.indices) == 1 \
                and f"{e.base.label.name}_{e.indices[0]}" in self.names:
            return False  # a user's whole expression such as \sigma(w^\top x_i) gets parentheses
        return isinstance(e, (sp.Symbol, sp.Indexed, sp.Number, sp.NumberSymbol, DefinedEntry)) \
            and not (isinstance(e, sp.Number) and e < 0)

    def add(self, e):
        terms = list(e.args)
        # a constant first when the rest is one term (1 − p, 1 + e^{−z}) but a quantity added to it
        # (n + 1, y_i + 1), otherwise positive terms first, a number last among them (i + n + 2),
        # and terms without a "1 − x" factor first (y log p before (1 − y) log(1 − p))
        constants = [t for t in terms if t.is_Number]
        rest = [t for t in terms if not t.is_Number]
        added = len(rest) == 1 and isinstance(rest[0].as_coeff_Mul()[1], (sp.Symbol, sp.Indexed))
        degrees = [_degree(t) for t in terms]
        if None not in degrees and max(degrees) >= 2:
            # a polynomial in descending powers, as it is written by hand: θ² − 4θ + 5 (positive
            # terms first among those of one degree: w² + x² − 2wx)
            terms = ordered(terms, lambda t: (-_degree(t), t.could_extract_minus_sign()))
        elif len(terms) == 2 and constants and constants[0] > 0 and not added:
            terms = constants + rest
        else:
            # a sum of a negative body (Σ [−λ_i]) after the others, as a negative term would be
            terms = ordered(terms, lambda t: (t.could_extract_minus_sign(), isinstance(
                t, BINDERS) and t.function.could_extract_minus_sign(), t.is_Number, _nesting(t)))
        out = self.expr(terms[0])
        for term in terms[1:]:
            if term.could_extract_minus_sign():
                out += self.t["minus"] + self.wrap_in_sum(-term)
            else:
                out += " + " + self.wrap_in_sum(term)
        return out

    def wrap_in_sum(self, term):
        return self.expr(term)

    def mul(self, e):
        if e.could_extract_minus_sign():
            inner = self.mul(-e) if isinstance(-e, sp.Mul) else self.factor(-e)
            return self.t["neg"] + inner
        coefficient, rest = e.as_coeff_Mul()
        numerators, denominators = [], []
        factors = list(sp.Mul.make_args(rest))
        root = _one_root(coefficient, factors)
        if root is not None:  # √2/(2√π) σ⁻¹ is written 1/(√(2π) σ)
            coefficient, factors, (where, radical) = sp.S.One, root[0], root[1]
            (denominators if where == "den" else numerators).append(radical)
        for f in factors:
            if isinstance(f, sp.Pow) and f.exp.is_Rational and f.exp < 0 \
                    and not isinstance(f.base, BINDERS):
                denominators.append(f.base ** -f.exp)
            else:
                numerators.append(f)
        numerators = ordered(
            numerators, lambda f: (isinstance(f, (sp.log, sp.exp, Defined, sp.Function) + BINDERS),
                                   isinstance(f, BINDERS), _nesting(f)))
        prefix = ""
        if coefficient == 1 and len(denominators) == 1 and numerators and \
                all(map(_plain, numerators + denominators)):
            # a ratio of plain quantities as one fraction, q/p and (1 − q)/(1 − p), not (1/p) q
            num, den = (self.join([self.factor(f) for f in fs]) if len(fs) > 1 else
                        self.expr(fs[0]) for fs in (numerators, denominators))
            if self.style == "text":  # (bracketed as the text's every fraction: 1/(x/y))
                num, den = (f"({part})" if " " in part else part for part in (num, den))
            return self.t["frac"].format(num=num, den=den)
        if denominators or coefficient.q != 1:
            num = str(coefficient.p)
            # a lone factor is grouped by the fraction bar (or the text's brackets below) alone:
            # \frac{1}{n + 2} and 1/(n + 2), not \frac{1}{(n + 2)} and 1/((n + 2))
            lone = len(denominators) + (coefficient.q != 1) == 1
            den_parts = ([str(coefficient.q)] if coefficient.q != 1 else []) + [
                self.expr(d) if lone else self.factor(d) for d in denominators]
            denominator = self.join(den_parts)
            if self.style == "text" and " " in denominator:
                denominator = f"({denominator})"
            prefix = self.t["frac"].format(num=num, den=denominator)
            if self.style == "text" and numerators:
                prefix += " "
        elif coefficient != 1:
            prefix = str(coefficient)
        defined = [isinstance(f, (Defined, DefinedEntry)) for f in numerators]
        # a sum, a product, or log ∑ … reaches to the right: followed by a factor, it is
        # bracketed ((log ∑ x_i) ∏ w_i, not log ∑ x_i ∏ w_i, which reads as log(∑ x_i ∏ w_i))
        # so is a function before a sum: (log x) ∑ y_j, not log x ∑ y_j, read as log(x ∑ y_j)
        texts = [self.grouped(self.factor(f)) if k < len(numerators) - 1 and (
            _open_right(f) or _function(f) and isinstance(numerators[k + 1], BINDERS))
            else self.factor(f) for k, f in enumerate(numerators)]
        body = self.join(texts, dots=defined)
        # a number before a body that starts with a digit reads as one number (3·3^y, not 33^y)
        if prefix and body and numerators and (defined[0] or body[0].isdigit()):
            return prefix + self.t["times"] + body
        text_head = self.style == "text" and not prefix.endswith(" ") and body[:1].isalpha()
        if prefix and body and text_head and isinstance(numerators[0],
                                                        (sp.log, sp.exp, sp.Function)):
            return prefix + " " + body  # 2 log x, not 2log x
        return prefix + (" " if prefix and body and self.style == "latex" else "") + body

    def index(self, index):
        """An entry's index; a product with a visible sign: x_{i·j} and x_{2·i}, since x_{ij}
        reads as the entry at (i, j) and x_{2i} as either."""
        if isinstance(index, sp.Mul) and not index.could_extract_minus_sign():
            return self.t["times"].join(map(self.factor, index.args))
        return self.expr(index)

    def join(self, parts, dots=()):
        """Juxtapose factors; a defined constant such as CE(θ) gets a visible product sign before
        it."""
        out = parts[0] if parts else ""
        for part, dot in zip(parts[1:], list(dots)[1:] or [False] * len(parts)):
            out += self.t["times"] if dot else " "
            out += part
        return out

    def factor(self, f):
        text = self.expr(f)
        if isinstance(f, sp.Add):
            return f"{self.t['open']}{text}{self.t['close']}"
        return text

    def power(self, e):
        base, exponent = e.base, e.exp
        if exponent == sp.Rational(1, 2):
            return (f"\\sqrt{{{self.expr(base)}}}" if self.style == "latex" else
                    f"√{self.expr(base) if self.is_atom(base) else '(' + self.expr(base) + ')'}")
        if exponent.is_Rational and exponent < 0:
            denominator = self.expr(base ** -exponent)
            if self.style == "text" and " " in denominator:
                denominator = f"({denominator})"
            return self.t["frac"].format(num="1", den=denominator)
        text = self.expr(base)
        # a negative or fractional base is bracketed: (3/4)^y, not \frac{3}{4}^y beside the 3
        fraction_or_negative = isinstance(base, sp.Number) and (base < 0 or not base.is_Integer)
        if not self.is_atom(base) or fraction_or_negative:
            text = self.grouped(text)
        return self.t["sup"].format(base=text, exp=self.expr(exponent))

    # ------------------------------------------------------------------------ sets and judgements
    def real_set(self, s):
        # sympy's named sets are singletons: compared by identity, as hashing or == on Reals builds
        # an Interval
        for named, key in ((sp.S.Reals, "reals"), (sp.S.Naturals, "naturals"),
                           (sp.S.Naturals0, "naturals0"), (sp.S.Integers, "integers")):
            if s is named:
                return self.t[key]
        if isinstance(s, sp.Interval) and s.start == -sp.oo and s.end == sp.oo:
            return self.t["reals"]
        if isinstance(s, sp.FiniteSet):
            return self.t["set"].format(items=", ".join(map(self.expr, s.args)))
        dots = "\\dots" if self.style == "latex" else "…"
        if isinstance(s, IndexRange):  # k ∈ {1, …, n}: ends that mention other quantities
            return self.t["set"].format(items=f"{self.expr(s.lo)}, {dots}, {self.expr(s.hi)}")
        if isinstance(s, sp.Range):  # {0, 1, 2}, {2, 3, …}, {…, −1, 0}, {1, 2, …, 19, 20}
            step = s.step
            if s.is_finite_set and s.size <= 5:  # every member: {1} is not {1, 2, …, 0, 1}
                return self.t["set"].format(items=", ".join(map(self.expr, s)))
            lo = [self.expr(s.inf), self.expr(s.inf + step)] if s.inf != -sp.oo else [dots]
            hi = [self.expr(s.sup - step), self.expr(s.sup)] if s.sup != sp.oo else [dots]
            return self.t["set"].format(
                items=", ".join(lo + ([dots] if hi != [dots] != lo else []) + hi))
        if isinstance(s, sp.Interval):
            left = "(" if s.left_open else "["
            right = ")" if s.right_open else "]"
            return f"{left}{self.end(s.start)}, {self.end(s.end)}{right}"
        return str(s)

    def end(self, value):
        """An interval's end: a text fraction without its brackets, (0, 1/2] and not (0, (1/2)]."""
        text = self.expr(value)
        sign = self.t["neg"] if text.startswith(self.t["neg"] + "(") else ""
        bare = text[len(sign):]
        if self.style == "text" and bare[:1] == "(" and _enclosed(bare):
            return sign + bare[1:-1]
        return text

    def argopt(self, sense, expr, over=None):
        """arg max_θ expr, or arg max_{θ ∈ over} when the set is given (a statement's)."""
        var = self.names["theta"]
        if over is not None:
            var = var + self.t["in"].strip(" ") + over if self.style == "latex" else (
                "{" + var + self.t["in"] + over + "}")
        return (self.t["argmax" if sense == "max" else "argmin"].format(var=var)
                + " " * (self.style == "latex") + self.expr(expr))

    def statement(self, st, over=None):
        """A judgement written out; `over` is the parameter set a statement about optimizers
        names under its operators."""
        if isinstance(st, Equal):
            return f"{self(st.lhs)} = {self(st.rhs)}"
        if isinstance(st, Member):
            if st.set == POSITIVE_REALS:
                return self(st.expr) + self.t["gt"]
            return self(st.expr) + self.t["in"] + self.real_set(st.set)
        if isinstance(st, StrictlyIncreasing):
            return (self.expr(st.var) + self.t["mapsto"] + self.expr(st.func) + self.t["increasing"]
                    + self.real_set(st.interval))
        if isinstance(st, SameOptimizers):
            return (f"{self.argopt(st.sense_f, st.f, over)} = "
                    f"{self.argopt(st.sense_g, st.g, over)}")
        return str(st)


def _plain(factor):
    """A symbol, an entry, their absolute values, or a sum of them and numbers: 1 − q, y_i, p,
    1 + |x|."""
    def atom(t):
        return isinstance(t, (sp.Symbol, sp.Indexed)) and not isinstance(t, (Defined,
                                                                           DefinedEntry)) or (
            isinstance(t, sp.Abs) and atom(t.args[0]))

    return all(atom(t) or isinstance(t, sp.Number) or (
        isinstance(t, sp.Mul) and t.args[0].is_Number and len(t.args) == 2 and atom(t.args[1]))
        for t in sp.Add.make_args(factor))


def _one_root(coefficient, factors):
    """The numbers of a product as one square root in the denominator when they make one:
    √2/(2√π) is 1/√(2π).  (the other factors, ("den", the radical unevaluated)), or None."""
    roots = [f for f in factors if isinstance(f, sp.Pow) and not f.free_symbols
             and f.exp.is_Rational and f.exp.q == 2]
    if not roots:
        return None
    number, rest = (1 / (coefficient * sp.Mul(*roots)) ** 2).as_coeff_Mul()
    if not (number.is_Integer and number > 0 and rest in (sp.S.One, sp.pi)):
        return None  # 3√3 stays 3√3 rather than √27
    radicand = sp.Mul(number, rest, evaluate=False) if rest == sp.pi else number
    others = [f for f in factors if f not in roots]
    return others, ("den", sp.Pow(radicand, sp.Rational(1, 2), evaluate=False))

