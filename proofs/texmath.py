"""Reading the mathematics of a paper: a LaTeX math subset → sympy, for `proofs check paper.tex`.

The subset is what derivations in statistics and machine learning are written with: subscripted
letters as indexed families (``p_i``, ``p_{i}``, ``y_{ik}``, ``y_{i,k}``),
``\\log``/``\\ln``/``\\exp``, ``e^{…}``, ``\\sum``/``\\prod`` with limits,
``\\frac``/``\\tfrac``/``\\dfrac``, ``\\sqrt``, ``\\cdot``/ ``\\times``, implicit multiplication,
brackets with ``\\left``/``\\right`` and ``\\bigl``/``\\bigr`` (and their kin), ``|x|``,
``\\mathrm{…}``/``\\operatorname{…}`` names, ``\\sigma(…)`` as the sigmoid, Greek letters, and the
relations ``=``, ``<``, ``>``, ``\\le``, ``\\ge``, ``\\in``.  A sum's or a product's body is the
product of factors after it, up to the next ``+`` or ``-`` at its level (or a bracket); ``\\log x``
without parentheses takes one factor with its scripts (``\\log p_i^{y_i}``), and ``\\log \\sum
…``/``\\log \\prod …`` the whole sum or product.

A hand-written recursive-descent reader rather than sympy's ``parse_latex``: both of its backends
need a package beyond sympy (ANTLR's runtime, lark), and they read ``p_i`` as a symbol named ``p_i``
rather than as the family p at i.  Errors are `TexError` with the column of the offending token.
"""

import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import UndefinedFunction

from .errors import ProofError

__all__ = [
    "Family",
    "NUMBER",
    "Optimizers",
    "TexError",
    "read",
    "read_chain",
    "read_relations",
    "read_set",
    "RELATIONS",
]

GREEK = (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu "
    "xi pi rho varrho sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi "
    "Sigma Upsilon Phi Psi Omega ell"
).split()
RELATIONS = {
    "=": "=",
    "<": "<",
    ">": ">",
    r"\le": "<=",
    r"\leq": "<=",
    r"\leqslant": "<=",
    r"\ge": ">=",
    r"\geq": ">=",
    r"\geqslant": ">=",
    r"\in": "in",
}
# white space as TeX shows it, and commands that leave no mark on the page
SPACES = {
    r"\,",
    r"\;",
    r"\:",
    r"\!",
    r"\quad",
    r"\qquad",
    "~",
    r"\ ",
}
SILENT = {
    r"\relax",
    r"\displaystyle",
    r"\textstyle",
    r"\nonumber",
    r"\notag",
    r"\limits",
    r"\nolimits",
    "&",
}
IGNORED = SPACES | SILENT
SIZES = {
    r"\left",
    r"\right",
    r"\bigl",
    r"\bigr",
    r"\Bigl",
    r"\Bigr",
    r"\biggl",
    r"\biggr",
    r"\Biggl",
    r"\Biggr",
    r"\big",
    r"\Big",
    r"\bigg",
    r"\Bigg",
    r"\middle",
}
CLOSING_SIZES = {r"\right", r"\bigr", r"\Bigr", r"\biggr", r"\Biggr", r"\middle"}
OPENING = {
    "(": ")",
    "[": "]",
    r"\{": r"\}",
    r"\lbrace": r"\rbrace",
    r"\lbrack": r"\rbrack",
}
FUNCTIONS = {
    r"\log": sp.log,
    r"\ln": sp.log,
    r"\exp": sp.exp,
    r"\sin": sp.sin,
    r"\cos": sp.cos,
    r"\tanh": sp.tanh,
    r"\sinh": sp.sinh,
    r"\cosh": sp.cosh,
    r"\arctan": sp.atan,
}
FRACTIONS = (r"\frac", r"\tfrac", r"\dfrac", r"\cfrac")
NAMES = (
    r"\mathrm",
    r"\operatorname",
    r"\mathit",
    r"\mathsf",
    r"\mathbf",
    r"\boldsymbol",
    r"\bm",
    r"\mathcal",
)


@dataclass(frozen=True)
class Family:
    """A defined family p_i := body: `at` substitutes the indices written for its parameters."""

    params: tuple
    body: object

    def at(self, indices):
        """The body at the given indices, bound indices renamed where they would capture them."""
        from .kernel.terms import substitute

        return substitute(self.body, dict(zip(self.params, indices)))[0]


@dataclass(frozen=True)
class Optimizers:
    """arg max_θ f (sense "max") or arg min_θ f, as written: the set of optimizers of the objective
    over the parameters under the operator; `ranges` holds the sets written there: a sympy set
    (θ ∈ (0, 1)), or the name of a set the reader does not know (θ ∈ Θ)."""

    sense: str
    parameters: tuple
    objective: object
    ranges: tuple = ()

    def __str__(self):
        return f"arg{self.sense}_{{{', '.join(map(str, self.parameters))}}} {self.objective}"


@dataclass(frozen=True)
class Under:
    """A condition met in the body of sums or products: `term` must meet it at each value their
    indices take, `scope` holding (index, low, high) of each, outermost first (1/i in
    Σ_{i=1}^{n} asks i ≠ 0 for i = 1, …, n only, never at i = 0)."""

    term: object
    scope: tuple

    @property
    def free_symbols(self):
        """The letters it asks about: the term's and the bounds', its own indices aside."""
        free = set(self.term.free_symbols)
        for index, low, high in reversed(self.scope):  # the innermost first
            free = (free - {index}) | low.free_symbols | high.free_symbols
        return free

    def mentions(self, index):
        """Whether the condition depends on `index`: free in it, not bound by its own sums (the
        i of Σ_{i=1}^{n} 1/(i − 2) inside Σ_{i=1}^{m} is the inner one)."""
        return index in self.free_symbols

    def __str__(self):
        ranges = ", ".join(f"{index} = {low}, …, {high}" for index, low, high in self.scope)
        return f"{self.term} (for {ranges})"


def condition_letters(term):
    """The letters a recorded condition asks about (an Under's own indices aside)."""
    return term.free_symbols if isinstance(term, (Under, sp.Basic)) else set()


def _at_indices(term, params, indices):
    """A condition of a family's body at the indices written for its parameters, substituted as
    `Family.at` substitutes the body: an Under's own indices renamed apart where they would
    capture one (q_i := Σ_{j=1}^{i} 1/j written q_j asks j' ≠ 0 for j' = 1, …, j)."""
    from .kernel.terms import substitute

    if not isinstance(term, Under):
        return substitute(term, dict(zip(params, indices)))[0]
    # the scope as nested sums, whose indices the kernel's substitution renames apart
    nested = sp.Sum(term.term, *reversed(term.scope))
    done = substitute(nested, dict(zip(params, indices)))[0]
    return Under(done.function, tuple(tuple(limit) for limit in reversed(done.limits)))


OPTIMIZER_NAMES = {"argmax": "max", "argmin": "min"}


# accents that name a quantity of its own (an estimate, a mean); \dot (a derivative) and \vec (a
# vector) are not read
ACCENTS = {r"\hat": r"\hat", r"\widehat": r"\hat", r"\tilde": r"\tilde",
           r"\widetilde": r"\tilde", r"\bar": r"\bar", r"\overline": r"\bar",
           r"\check": r"\check", r"\breve": r"\breve"}  # each to the name of what it prints
# relations the reader does not read: they end a factor (\log y \neq 0 is refused for its \neq,
# not for how far the log reaches)
UNREAD_RELATIONS = {r"\neq", r"\ne", r"\approx", r"\equiv", r"\sim", r"\simeq", r"\cong",
                    r"\propto", r"\ll", r"\gg", r"\notin", r"\subset", r"\subseteq"}


def sizes(value):
    """The letters that bound the sums and products of `value`: they count terms (n in
    Σ_{i=1}^{n}, and in Σ_{i=1}^{n-1} or Σ_{i=1}^{2n} too); not an outer sum's index, which
    bounds an inner one (i in Σ_{i=1}^{n} Σ_{j=i}^{n}) and takes the values its own sum gives."""
    found = set()
    for node in sp.preorder_traversal(value) if isinstance(value, sp.Basic) else ():
        if isinstance(node, (sp.Sum, sp.Product)):
            for _, low, high in node.limits:
                found |= {s for s in low.free_symbols | high.free_symbols if type(s) is sp.Symbol}
    return found & value.free_symbols if isinstance(value, sp.Basic) else found


def _variables(value):
    """The letters a defined quantity could be a function of: its free symbols other than the
    sizes of its sums and products (L = ∏_{i=1}^{n} p_i has none; L = (w − 1)² has w)."""
    if not isinstance(value, sp.Basic):
        return set()
    families = {entry.base.label for entry in value.atoms(sp.Indexed)}  # p of p_i: no variable
    return {s for s in value.free_symbols if type(s) is sp.Symbol} - sizes(value) - families


def _tex(name):
    """A letter's name as LaTeX writes it: theta → \\theta, w → w."""
    return "\\" + name if name in GREEK else name


class TexError(ValueError):
    """A piece of LaTeX the reader does not know: the message names it, `column` is 1-based."""

    def __init__(self, message, column):
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class Token:
    text: str
    column: int
    spaced: bool = False  # a space command (\\, \\; \\quad …) comes before it (blanks do not)
    silent: bool = False  # a command that prints nothing (\\relax, \\displaystyle) comes before it


NUMBER = "a number"  # names[x] = NUMBER: x is a number (given a range), never a function


@dataclass(frozen=True)
class Unreadable:
    """names[L] = Unreadable(why): L's definition could not be read, so L is refused where used
    (not read as a free letter)."""

    why: str
# names[CONDITIONS] = {"L": ((kind, term), …)}: the conditions under which a definition's body
# is defined as written, asked wherever the name is used (at a family's indices)
CONDITIONS = "(conditions)"
# names[DEPENDS] = {"p": "theta", "mu": "theta"}: entries declared to depend on a parameter
# (where p_i(θ) ∈ (0, 1)), so that p_i(θ) and μ(θ) read as p_i and μ (a key no name can be)
DEPENDS = "(depends)"


TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\[,;:! {}|%]|\\\\|\\.|[0-9]+(?:\.[0-9]+)?|[A-Za-z]|\S")
# what a formula holds where a quantity was expected, and what to write instead
_UNREAD = {
    "}": "an empty group {} is not read (TeX prints nothing there: 2^{}3 prints 23): leave it out",
    "{": "a group {…} is not read here: leave the braces out, or write brackets",
    "'": "a prime (x') is not read: name the quantity with a letter or a subscript of its own",
    "_": "a subscript here is not read (a logarithm to a base, \\log_2 x, is \\log x / \\log 2)",
    **dict.fromkeys((r"\over", r"\choose"), "\\over or \\choose outside braces takes the whole "
                    "formula as its top (x = 1 \\over 2 is (x = 1)/2): write {1 \\over 2} or "
                    "\\frac{1}{2}"),
}


def tokens(text):
    """The tokens of a math string with their columns; comments and ignored spacing removed."""
    found, spaced, silent = [], False, False
    for match in TOKEN.finditer(text):
        value = match.group()
        # only a space command spaces (\\, \\quad): TeX drops blanks in mathematics, so p (1 - p)
        # prints as p(1 - p)
        if value in IGNORED:
            spaced = spaced or value in SPACES
            silent = silent or value in SILENT
            continue
        value = "|" if value in (r"\lvert", r"\rvert", r"\vert") else value  # amsmath's bars
        found.append(Token(value, match.start() + 1, spaced, silent))
        spaced = silent = False
    return found


# the commands that take arguments, and how many (an optional [...] aside: \sqrt[3]{x})
ARGUMENTS = {**dict.fromkeys((*FRACTIONS, r"\binom", r"\tbinom", r"\dbinom", r"\stackrel",
                              r"\overset", r"\underset"), 2),
             **dict.fromkeys((r"\sqrt", *NAMES, *ACCENTS, r"\mathbb", r"\mathscr", r"\mathfrak",
                              r"\mathtt", r"\mathnormal", r"\text", r"\textrm", r"\textit",
                              r"\textnormal", r"\mbox", r"\emph", r"\begin", r"\end", r"\label",
                              r"\tag", r"\eqref", r"\ref", r"\color", r"\mathop"), 1)}
# the commands that take none: a group right after one is plain braces, which print nothing
# (\log{x + 1} prints log x + 1, \lbrack{f}(x) prints [f(x)); after a command in neither list
# a group is kept whole, as an argument, and the reader refuses the command
NO_ARGUMENT = {*FUNCTIONS, *RELATIONS, *SIZES, *UNREAD_RELATIONS, *OPENING, *OPENING.values(),
               r"\sum", r"\prod", r"\cdot", r"\times", r"\infty", r"\pi", r"\lbrack",
               r"\rbrack", r"\lbrace", r"\rbrace", r"\langle", r"\rangle", r"\cup", r"\cap",
               r"\setminus", r"\dots", r"\ldots", r"\cdots", r"\partial", r"\nabla", r"\lim",
               r"\max", r"\min", r"\sup", r"\inf", r"\det", r"\Pr", r"\to", r"\mid",
               *(f"\\{name}" for name in GREEK)}


def _takes(token):
    """How many arguments `token` takes: a command's, or 1 for ^ and _."""
    if re.fullmatch(r"\\[A-Za-z]+\*?", token):
        return ARGUMENTS.get(token.rstrip("*"), 0 if token in NO_ARGUMENT else 1)
    return 1 if token in ("^", "_") else 0


def without_plain_braces(items):
    """The tokens as TeX prints them: each plain group {…} (neither a script's nor a command's
    argument) replaced by what it holds, since braces print nothing: 2{3} is 23, {f}(x) is f(x),
    {x y}^2 is x y^2 and {\\log 2}\\pi is \\log 2\\pi.  A group a command may take as its
    argument is kept, and so is an unbalanced brace (the reader refuses it)."""
    return _plain(items, 0, len(items))[0]


def awaits_argument(text):
    """Whether a command at the end of `text` still takes an argument, counted as
    `without_plain_braces` counts them, in the innermost group left open (\\frac{\\frac{1}{2}},
    \\bar, \\sqrt[3], x^, {\\frac): a macro written next is that argument, whole."""
    items, opened = tokens(text), []
    for at, item in enumerate(items):
        if item.text == "{":
            opened.append(at)
        elif item.text == "}" and opened:
            opened.pop()
    start = opened[-1] + 1 if opened else 0
    return _plain(items, start, len(items))[1] > 0


def _plain(items, start, end):
    """(`without_plain_braces` of items[start:end], the arguments the last command there still
    takes)."""
    found, pending, at = [], 0, start
    while at < end:
        item = items[at]
        pending -= 1 if pending and item.spaced else 0  # \frac\,1{2x}: \, is the numerator
        if item.text == "[" and found and found[-1].text in (r"\sqrt", r"\cfrac") and not (
                item.spaced or item.silent):  # \sqrt\relax[4]: LaTeX sees no optional argument
            close = next((k for k in range(at, end) if items[k].text == "]"), end - 1)
            found += items[at:close + 1]  # the optional argument, as written
            at = close + 1
            continue
        if item.text == "{":
            close, depth = at, 0
            for close in range(at, end):
                depth += {"{": 1, "}": -1}.get(items[close].text, 0)
                if depth == 0:
                    break
            if depth != 0:
                return found + list(items[at:end]), pending
            inner = _infix(items, at, close)
            inner = _plain(items, at + 1, close)[0] if inner is None else inner
            if pending:
                found += [item, *inner, items[close]]
                pending -= 1
            elif inner:  # a space before the group is a space before what it holds
                found += [Token(inner[0].text, inner[0].column, inner[0].spaced or item.spaced,
                                inner[0].silent or item.silent),
                          *inner[1:]]
            at = close + 1
            continue
        found.append(item)
        at += 1
        # a token taken as an argument (\frac\lambda{n − 1}: \lambda, then {n − 1}; \frac12: each
        # digit one), then what it takes itself
        taken = min(pending, len(item.text) if item.text.isdigit() else 1)
        pending += _takes(item.text) - taken
    return found, pending


# TeX's fractions of a whole group: {a + b \over c} is (a + b)/c and {n \choose k} the binomial
# coefficient, read as \frac and \binom of the two parts; the others (\atop, \above …) set no
# quantity the reader knows
INFIX = {r"\over": r"\frac", r"\choose": r"\binom"}
UNREAD_INFIX = {r"\atop", r"\above", r"\overwithdelims", r"\atopwithdelims",
                r"\abovewithdelims", r"\brace", r"\brack"}
# what opens and closes a group inside a brace group: an infix command between them is theirs
# ({\left(a \over b\right)} is (a/b))
_NESTING = {"{": 1, "}": -1, r"\left": 1, r"\right": -1, r"\begin": 1, r"\end": -1}


def _infix(items, start, end):
    """The tokens of the group from items[start] to items[end] (its braces) as \\frac or \\binom
    of its two parts when \\over or \\choose stands at its own level, else None."""
    depth, found = 0, []
    for at in range(start + 1, end):
        depth += _NESTING.get(items[at].text, 0)
        if depth == 0 and (items[at].text in INFIX or items[at].text in UNREAD_INFIX):
            found.append(at)
    if not found:
        return None
    middle = items[found[0]]
    if len(found) > 1 or middle.text not in INFIX:
        raise TexError(f"'{middle.text}' is not read (a group may hold one \\over or "
                       "\\choose): write \\frac{…}{…} or \\binom{…}{…}", middle.column)
    top, top_pending = _plain(items, start + 1, found[0])
    bottom, bottom_pending = _plain(items, found[0] + 1, end)
    if not top or not bottom or top_pending or bottom_pending:
        raise TexError(f"'{middle.text}' needs what stands on each side of it in its group: write "
                       "\\frac{…}{…} or \\binom{…}{…}", middle.column)
    opening, closing = items[start], items[end]
    return [Token(INFIX[middle.text], middle.column, middle.spaced, middle.silent),
            opening, *top, closing, opening, *bottom, closing]


def _closing_at_end(raw):
    """Whether the bracket opening `raw` closes at its last token: (1), [i + 1]."""
    depth = 0
    for at, token in enumerate(raw):
        depth += 1 if token in OPENING else -1 if token in OPENING.values() else 0
        if depth == 0:
            return at == len(raw) - 1
    return False


class _Reader:
    def __init__(self, text, names=None):
        self.items = without_plain_braces(tokens(text))
        self.position = 0
        self.names = dict(names or {})  # \newcommand-free names given by the caller: CE → its value
        self.denominators = []  # every denominator read: the claim needs each one nonzero
        self.nonnegative = []  # every argument of a root: it needs each one ≥ 0
        self.log_arguments = []  # every argument of a log: it needs each one > 0
        # (kind, argument) of Γ ("gamma": > 0 asked) and of ! ("factorial": ≥ 0 asked), which
        # sympy may cancel as it builds (0 · Γ(x) → 0, x! − x! → 0), ("power", a^x) for a
        # letter's exponent (real asked), ("entry", n) of a binomial coefficient (a whole
        # number ≥ 0 asked) and ("count", b − a + 1) of each sum and product
        self.domains = []
        self.bound = []  # the indices of the sums and products being read
        # the next atom is a denominator or a function's argument (a tuple: the indices of the
        # sums it is the body of, each refused a factor free of them all), or None
        self.operand = None
        self.juxtaposed = False  # two factors were read side by side, with no \cdot between

    # ------------------------------------------------------------------ tokens
    def peek(self, ahead=0):
        index = self.position + ahead
        return self.items[index].text if index < len(self.items) else None

    def column(self):
        if self.position < len(self.items):
            return self.items[self.position].column
        return (self.items[-1].column + len(self.items[-1].text)) if self.items else 1

    def adjacent(self):
        """Whether the next token follows the last one with no space between as TeX sets it (no
        blank, no \\,; commands that leave no mark, such as the \\relax around an expanded macro,
        and a blank after a control word, as TeX drops it, do not separate)."""
        if self.position == 0 or self.position >= len(self.items):
            return False
        return not self.items[self.position].spaced

    def one_digit(self):
        """TeX takes one digit as an argument: \\frac12 is ½, 2^10 is 2¹·0, p_12 is p₁·2."""
        token = self.items[self.position] if self.position < len(self.items) else None
        if token is not None and re.fullmatch(r"[0-9][0-9.]+", token.text):
            self.items[self.position : self.position + 1] = [
                Token(token.text[0], token.column, token.spaced, token.silent),
                Token(token.text[1:], token.column + 1),
            ]

    def take(self, expected=None):
        if self.position >= len(self.items):
            wanted = f"'{expected}'" if expected else "more"
            raise TexError(f"the formula ends where {wanted} was expected", self.column())
        token = self.items[self.position]
        if expected is not None and token.text != expected:
            raise TexError(f"expected {expected!r}, found {token.text!r}", token.column)
        self.position += 1
        return token.text

    def sized(self, value):
        """|value| for a number (0 otherwise), to refuse numbers too large to compute; a number
        with no value (0 · ∞, 0/0) is refused."""
        if not value.is_number:
            return 0
        if value.has(sp.nan):
            self.fail(NO_VALUE)
        if value.has(sp.Sum, sp.Product):  # unevaluated: no size to compare with a bound
            self.fail("a sum or product with numbers for bounds is not read in an exponent, a "
                      "factorial or a binomial coefficient: write its value")
        return abs(value)

    def fail(self, what=None):
        token = self.peek()
        raise TexError(what or f"cannot read '{token}'", self.column())

    def skip_sizes(self):
        while self.peek() in SIZES:
            self.position += 1

    # ------------------------------------------------------------------ structure
    def group_text(self):
        """The raw tokens of a {…} group (or one token), for names and scripts."""
        if self.peek() != "{":
            self.one_digit()
            return [self.take()]

        self.take("{")
        depth, collected = 1, []
        while True:
            token = self.take("}") if self.peek() is None else self.take()
            if token == "{":
                depth += 1
            elif token == "}":
                depth -= 1
                if depth == 0:
                    return collected
            collected.append(token)

    def before_bracket(self, name):
        """A bare letter before a bracket: f, g, h (or a declared function) apply to it; after an
        explicit space (\\,), or when a range declares it a number, it is a product; anything else
        is ambiguous and refused (a blank is no space: TeX prints p (x) as p(x))."""
        if not self.opens_bracket():
            return None
        if self.at_parameter(name):  # μ(θ), declared to depend on θ: μ
            return sp.Symbol(name)
        token = self.items[self.position]
        if name in ("f", "g", "h", "F", "G", "H"):  # f (x + y) too: TeX prints it as f(x + y)
            return sp.Function(name)(*self.arguments())
        if name in ("Phi", "Psi", "phi", "psi"):
            self.fail(
                f"\\{name}(…) is a function here: give it a range in where ({name}(x) \\in …)"
            )
        if token.spaced or self.names.get(name) is NUMBER:
            # p\,(1 - p): a product, as written with a space; n(n + 1) with n given a range in
            # where (n \geq 1): a number is no function
            return None
        shown = name if len(name) == 1 or name.startswith("\\") else "\\" + name
        self.fail(
            f"is {shown}(…) a function or {shown}·(…)? write {shown} \\cdot (…) or "
            f"{shown}\\,(…) for a product, f, g or h for a function, or give {shown}(…) "
            "a range in where"
        )

    def group(self):
        """A {…} group read as an expression, or one atom (one digit of a number, as TeX)."""
        if self.peek() == "{":
            self.take("{")
            value = self.expression()
            self.take("}")
            return value
        self.one_token()
        self.one_digit()
        return self.atom()

    def one_token(self, fraction=False):
        """TeX takes one token as an unbraced argument: \\frac(x)2 sets "(" over "x", \\frac1\\log x
        is (1/log)·x, \\frac\\,12 sets nothing over 1; so only a letter, a digit, a Greek letter,
        ∞, π (or, for a script, a fraction) is read as one."""
        token = self.items[self.position] if self.position < len(self.items) else None
        if token is None:
            return
        text = token.text
        if token.spaced or token.silent:
            self.fail("an argument without braces is the next token, here a spacing or silent "
                      "command: write the argument in braces")
        greek = text.startswith("\\") and text[1:] in GREEK
        if not (re.fullmatch(r"[A-Za-z]|[0-9]+(\.[0-9]+)?", text) or greek or
                text in (r"\infty", r"\pi") or fraction and text in FRACTIONS):
            self.fail(f"an argument without braces is one token, and '{text}' with what follows "
                      "it is no token: write the argument in braces")

    def relations(self):
        """expr (REL expr)*: the list of expressions and the relations between them; each
        expression's denominators are in `self.per_expression`."""
        self.per_expression = []
        exprs, relations = [self.counted(self.side)], []
        while self.peek() in RELATIONS:
            relation = RELATIONS[self.take()]
            relations.append(relation)
            reader = self.set_or_expression if relation == "in" else self.side
            exprs.append(self.counted(reader))
        if self.peek() is not None:
            self.fail()
        return exprs, relations

    def counted(self, reader):
        """Read one expression; record the conditions under which it is defined as written:
        (kind, term) with kind "nonzero" (denominators), "nonnegative" (roots), "positive"
        (logs) — sympy's own evaluation may have removed them (x/x → 1, e^{log x} → x)."""
        marks = self.condition_marks()
        value = reader()
        self.per_expression.append(
            tuple(
                [("nonzero", d) for d in self.denominators[marks[0] :]]
                + [("nonnegative", r) for r in self.nonnegative[marks[1] :]]
                + [("positive", a) for a in self.log_arguments[marks[2] :]]
                + self.domains[marks[3] :]
            )
        )
        return value

    def side(self):
        """One side of a relation: an expression, or a set of optimizers arg max_θ f."""
        sense = self.optimizer_sense()
        if sense is None:
            return self.expression()
        parameters, ranges = self.optimizer_parameters()
        return Optimizers(sense, parameters, self.expression(), ranges)

    def optimizer_sense(self):
        """'max' or 'min' after an arg max / arg min operator as papers write it
        (\\operatorname*{arg\\,max}, \\mathop{\\mathrm{arg\\,max}}, \\arg\\max), else None
        with nothing taken."""
        start, token = self.position, self.peek()
        if token == r"\arg" and self.peek(1) in (r"\max", r"\min"):
            self.take()
            return self.take()[1:]
        if token in (r"\operatorname", r"\operatorname*", r"\mathrm", r"\mathop"):
            self.take()
            words = [t for t in self.group_text() if t not in ("{", "}") and t not in NAMES]
            sense = OPTIMIZER_NAMES.get("".join(words).replace(r"\operatorname*", ""))
            if sense is not None:
                return sense
        self.position = start
        return None

    def optimizer_parameters(self):
        """The parameters written below an arg max: letters, each perhaps with its set
        (θ ∈ (0, 1)); a set the reader does not know (Θ) names the parameter set only."""
        if self.peek() != "_":
            self.fail(
                "an arg max needs its parameter below it: \\operatorname*{arg\\,max}_{\\theta}"
            )
        self.take("_")
        raw, column = self.group_text(), self.column()
        pieces, depth, current = [], 0, []
        for token in raw:
            depth += token in OPENING or token in ("(", "[", "{")
            depth -= token in OPENING.values() or token in (")", "]", "}")
            if token == "," and depth == 0:
                pieces.append(current)
                current = []
            else:
                current.append(token)
        pieces.append(current)
        parameters, ranges = [], []
        for piece in pieces:
            cut = piece.index(r"\in") if r"\in" in piece else len(piece)
            name = "".join(piece[:cut]).strip()
            greek = name[:1] == "\\" and name[1:] in GREEK
            if not (re.fullmatch(r"[A-Za-z]", name) or greek):
                raise TexError(
                    f"the parameter of an arg max is one letter (\\theta, w), not '{name}'", column
                )
            symbol = sp.Symbol(name.lstrip("\\"))
            if symbol in parameters:
                raise TexError(f"the parameter {name} is written twice under the arg max", column)
            parameters.append(symbol)
            written = "".join(piece[cut + 1 :])
            if cut < len(piece) and not written:
                raise TexError(f"a set after {name} \\in under the arg max", column)
            if re.fullmatch(r"\\?[A-Za-z]+", written):  # a name for the parameter set: Θ
                ranges.append((symbol, written))
            elif written:
                real_set = read_set(" ".join(piece[cut + 1 :]), self.names)
                if real_set is sp.S.EmptySet:
                    raise TexError(f"the set of {name} under the arg max is empty", column)
                ranges.append((symbol, real_set))
        return tuple(parameters), tuple(ranges)

    def expression(self):
        self.skip_sizes()
        sign = 1
        if self.peek() in ("-", "+"):
            sign = -1 if self.take() == "-" else 1
        value = sign * self.term()
        while self.peek() in ("+", "-"):
            operator = self.take()
            right = self.term()
            value = value + right if operator == "+" else value - right
        return value

    def term(self, product_index=None, sum_index=None):
        """Factors up to the next + or −.  As the body of a product over `product_index`, a factor
        that is a sum or a product, or one after \\cdot free of the index, is refused:
        ∏_i a_i ∏_j b_j and ∏_i a_i · c are read as two products by some and as one by others.
        For a sum both readings agree where it stands alone, but not as a denominator or a
        function's argument: there the body of a sum over `sum_index` has no factor free of it
        (1/Σ_i a_i · c, log Σ_i a_i c)."""
        value = self.power()
        while True:
            token = self.peek()
            if product_index is not None and token in (r"\sum", r"\prod") or (
                product_index is not None
                and token in (r"\cdot", r"\times")
                and self.peek(1) in (r"\sum", r"\prod")
            ):
                self.fail("is ∏_i a_i ∏_j b_j one product or two? write "
                          "\\prod_i (a_i \\prod_j b_j) or (\\prod_i a_i) \\prod_j b_j")
            if token in (r"\cdot", r"\times"):
                self.take()
                factor = self.power()
                if product_index is not None and product_index not in factor.free_symbols:
                    self.fail(f"is ∏ a_i · c the product of the a_i c or (∏ a_i) · c? put "
                              "brackets around the product or around its body")
                if sum_index is not None and not set(sum_index) & factor.free_symbols:
                    self.ambiguous_sum()
                value = value * factor
            elif token == "/":
                self.take()
                self.operand = ()  # 1 / Σ_i a_i · c: is c in the denominator's sum?
                denominator = self.power()
                self.denominators.append(denominator)
                if product_index is not None and product_index not in denominator.free_symbols:
                    self.fail("is ∏ a_i / c the product of the a_i / c or (∏ a_i) / c? put "
                              "brackets around the product or around its body")
                if sum_index is not None and not set(sum_index) & denominator.free_symbols:
                    self.ambiguous_sum()
                if self.starts_factor(self.peek()) and self.peek() not in (r"\cdot", r"\times"):
                    self.fail("is a/bc a/(bc) or (a/b)c? write \\frac{a}{bc} or brackets")
                value = value / denominator
            elif self.starts_factor(token):
                numeric = re.compile(r"[0-9.]+")
                before, after = self.printed_before(), self.printed_after()
                if (  # 2\frac12, {2}\frac{1}{2}, 2{\frac{1}{2}}: a number before a fraction
                    numeric.fullmatch(before)
                    and after in FRACTIONS
                    and numeric.fullmatch(self.printed_after(self.position + 1))
                ):
                    number = before
                    self.fail(
                        f"is {number}\\frac… a mixed number or a product? write "
                        f"\\frac{{…}}{{…}} for the number, or {number} \\cdot \\frac{{…}}{{…}}"
                    )
                if re.fullmatch(r"[0-9.]+", before) and re.fullmatch(r"[0-9.]+", after):
                    self.fail(  # 2{3}: braces print as nothing, so TeX prints 23
                        f"two numbers in a row ('{before}' '{after}'): TeX reads 2^10 as 2¹0, "
                        "10\\,000 as 10·000 and 2{3} as 23; write one number in braces or "
                        "\\cdot"
                    )
                self.juxtaposed = True
                factor = self.power()
                if sum_index is not None and not set(sum_index) & factor.free_symbols:
                    self.ambiguous_sum()
                if product_index is not None and product_index not in factor.free_symbols:
                    self.fail("is ∏_i a_i c the product of the a_i c or (∏ a_i) c? put brackets "
                              "around the product or around its body")
                value = value * factor
            else:
                return value

    def ambiguous_sum(self):
        self.fail("is Σ_i a_i · c here the sum of the a_i c or (Σ_i a_i) · c? after / or in a "
                  "function's argument they differ: put brackets around the sum or around its "
                  "body")

    def printed_before(self):
        """The last token TeX prints before the next one: braces print nothing, so the 3 in 2{3}
        follows the 2 (a group that is an argument, as of ^ or \\frac, is no plain brace)."""
        at = self.position - 1
        while at >= 0 and self.items[at].text == "}":
            depth, opening = 0, at
            while opening >= 0:
                depth += {"}": 1, "{": -1}.get(self.items[opening].text, 0)
                if depth == 0:
                    break
                opening -= 1
            argument = self.items[opening - 1].text if opening > 0 else ""
            # a script's or a fraction's group is set apart; a root's bar ends at its last digit
            if argument in ("^", "_", "}") or argument.startswith("\\") and argument != r"\sqrt":
                return ""
            at -= 1
        return self.items[at].text if at >= 0 else ""

    def printed_after(self, at=None):
        """The first token TeX prints from here (or from `at`): the 0 of {0}."""
        at = self.position if at is None else at
        while at < len(self.items) and self.items[at].text == "{":
            at += 1
        return self.items[at].text if at < len(self.items) else ""

    def starts_factor(self, token):
        if (
            token is None
            or token in RELATIONS
            or token in UNREAD_RELATIONS
            or token in ("+", "-", "}", ")", "]", r"\}", "|", ",", r"\right", r"\\", "&")
        ):
            return False
        if token in SIZES:  # \bigr) closes, \bigl( and \left| open
            following = self.peek(1)
            return token not in CLOSING_SIZES and (following in OPENING or following == "|")
        return token not in (r"\rbrace", r"\rbrack", r"\rangle")

    def power(self):
        name, start = self.name_ahead(), self.position
        base = self.atom()
        if self.peek() == "!":  # y_i!
            self.take("!")
            if self.sized(base) > 10**3:  # 1000! has 2,568 digits
                self.fail("a number too large to compute")
            self.domains.append(("factorial", base))
            base = sp.factorial(base)
        # p_i(w)^{y_i}(1 - p_i(w)): a name applied already is followed by a product
        powered = self.peek() == "^" and self.items[self.position - 1].text not in \
            OPENING.values()
        if powered and self.items[start].text in (*FRACTIONS, r"\sqrt"):
            # TeX sets the exponent by the numerator, or by the root's bar: \frac{2}{3}^2 shows
            # 2² over 3
            self.fail("a power of \\frac{a}{b} or \\sqrt{x} is set by the numerator or the bar: "
                      "write (\\frac{a}{b})^2 or \\left(\\sqrt{x}\\right)^2")
        value = self.scripts(base)
        following = self.peek()
        if powered and self.items[start].text in NAMES and self.names.get(name) is None and \
                self.starts_factor(following) and following not in (r"\cdot", r"\times", "/"):
            # \mathrm{tan}^2 x y: the operator's square applied, to a reader
            shown = "".join(item.text for item in self.items[start:self.position])
            self.fail(f"is {shown} … an operator applied or a product? write {shown}(…) for the "
                      f"operator, or {shown} \\cdot … for a product")
        bracket = self.peek()
        subscripted = any(item.text == "_" for item in self.items[start:self.position])
        opens = bracket in OPENING or bracket in SIZES and bracket not in CLOSING_SIZES
        if name is not None and powered and opens and (
                self.applies(name, subscripted)):
            # Γ^2(x), L^2(θ), p_i^2(θ): a reader sees the square of Γ(x), not Γ²·(x)
            shown = "".join(item.text for item in self.items[start:self.position])
            self.fail(f"is {shown}(…) a power of {_tex(name)} at (…) or a product? write the "
                      f"power with brackets, ({_tex(name)}(…))^2, or {shown} \\cdot (…) for a "
                      "product")
        return value

    def name_ahead(self):
        """The name of the letter, Greek letter, upright or accented name ahead, as the reader
        keys it (p of p_i, \\hat{L} of \\hat{L}), or None."""
        token = self.peek()
        if token is None:
            return None
        if re.fullmatch(r"[A-Za-z]", token) or token[1:] in GREEK and token.startswith("\\"):
            return token.lstrip("\\")
        if (token in NAMES or token in ACCENTS) and self.peek(1) == "{":
            close = self.matching(self.position + 1)
            inner = "".join(item.text for item in self.items[self.position + 2:close])
            return f"{ACCENTS[token]}{{{inner}}}" if token in ACCENTS else inner
        return None

    def applies(self, name, subscripted=False):
        """Whether `name` before the bracket ahead (after braces, which print nothing) may be
        read as applied to it, when not set apart by a space: a name with no range, or a declared
        function (Γ, Φ, f, \\operatorname{Var}, q: as q(x + y) is refused, so is q^2(x + y)); a
        defined quantity before a bracket that holds a letter its definition is a function of,
        as L(θ) and L(w − 1) are read for L = (w − 1)²; an entry before one that holds one
        letter, as p_i(θ) is read.  (p_i^{y_i} (1 - p_i), θ^k (1 - θ)^m and x^2(x + 1) for a
        number x are products.)"""
        value = self.names.get(name)
        start = self.position
        try:
            inside = self.items[self.position:self.matching_bracket()]
            if self.items[self.position].spaced or value is NUMBER or name == "e":
                return False
            functions = ("f", "g", "h", "F", "G", "H", "phi", "psi", "Phi", "Psi")  # f_z(x) too
            if value is None and name not in self.names.get(DEPENDS, {}) and not subscripted or \
                    isinstance(value, UndefinedFunction) or value is None and name in functions:
                # θ^k (1 − θ)^m: no name is applied to a term of itself
                return not any(item.text.lstrip("\\") == name for item in inside)
            if value is not None:
                body, indices = (value.body, value.params) if isinstance(value, Family) else \
                    (value, ())
                letters = {str(s) for s in _variables(body) - set(indices)} | self.parameters()
                return any(item.text.lstrip("\\") in letters for item in inside)
            return self.bracketed_letter() is not None  # p_i(θ), as `subscripted` reads it
        finally:
            self.position = start

    def matching_bracket(self):
        """The position just past the bracket that opens here (sizes such as \\left skipped)."""
        depth, at = 0, self.position
        while at < len(self.items):
            text = self.items[at].text
            depth += 1 if text in OPENING else -1 if text in OPENING.values() else 0
            at += 1
            if depth == 0 and text not in SIZES:
                return at
        return at

    def starred(self, value):
        """x^* and θ^{*} (an optimum, a dual): a quantity of its own, named x*."""
        if self.peek() == "^" and (self.peek(1) == "*" or (self.peek(1) == "{" and
                                                           self.peek(2) == "*" and
                                                           self.peek(3) == "}")):
            if isinstance(value, sp.Indexed):  # x_i^*: the family x* at i
                starred = sp.IndexedBase(f"{value.base.label}*")[value.indices]
            elif isinstance(value, sp.Symbol):
                starred = sp.Symbol(f"{value.name}*")
            else:
                self.fail("^* is read after a letter only (x^*, \\theta^*)")
            self.take("^")
            self.group_text()
            if self.opens_bracket() and not self.items[self.position].spaced:
                self.fail("is x^*(…) a function or x^*·(…)? write x^* \\cdot (…) or "
                          "x^*\\,(…) for a product")
            return starred
        return value

    def scripts(self, base):
        base = self.starred(base)
        while self.peek() == "^":
            self.take("^")
            if self.peek() == "{" and self.peek(1) == "(" and self.bracket_is_group(1):
                self.fail("x^{(2)} is an index or a derivative, not a power: write x^{2} for "
                          "the power")
            exponent = self.script()
            if self.peek() == "_":
                self.fail(
                    "a subscript after a superscript (x^a_i) belongs to the base: write x_i^a"
                )
            if self.peek() == "^":
                self.fail("x^2^3 is a double superscript, a TeX error: write x^{2^3} or (x^2)^3")
            bits = max(base.p.bit_length(), base.q.bit_length()) if base.is_Rational else 0
            if (
                exponent.is_number
                and base.is_number
                and (self.sized(exponent) > 10**4
                     or self.sized(base) > 10**6 and abs(exponent) > 10
                     or abs(exponent) * bits > 10**4)  # 10^9999: 9,999 digits
            ):
                self.fail("a number too large to compute")
            if base == sp.E:
                base = sp.exp(exponent)
                continue
            if exponent.is_number and not exponent.is_nonnegative:  # x^{-1}: x must not be 0
                self.denominators.append(base)
            if exponent.is_number and not exponent.is_integer:  # √x, x^{1/2}: x ≥ 0
                self.nonnegative.append(base)
            if not exponent.is_number:  # a^x real as written, before sympy merges (−1)^x (−1)^x
                # into (−1)^{2x}: for a > 0, for a < 0 at integers x only, 0^x for x ≥ 0 (the
                # kernel's reading: x^k over k = 0, …, n is defined at x = 0, 0^0 = 1)
                self.domains.append(("power", sp.Pow(base, exponent, evaluate=False)))
            base = base**exponent
        return base

    def script(self):
        """The argument of ^ or _: a {…} group, or one token (one digit, one letter), as TeX."""
        if self.peek() == "{":
            return self.group()
        self.one_token(fraction=True)
        self.one_digit()
        token = self.peek()
        if token is not None and re.fullmatch(r"[A-Za-z]", token):
            self.take()
            return sp.E if token == "e" else sp.Symbol(token)
        if token is not None and token.startswith("\\") and token[1:] in GREEK:
            self.take()
            return sp.pi if token == r"\pi" else sp.Symbol(token[1:])  # e^\pi: the number π
        return self.atom()

    def atom(self):
        operand, self.operand = self.operand, None
        self.skip_sizes()
        token = self.peek()
        if token is None:
            self.fail("the formula ends where a term was expected")
        if re.fullmatch(r"[0-9]+(\.[0-9]+)?", token):
            self.take()
            # 2e3, 2e-3 (2e^{a} is 2·e^a: a power of e is no scientific notation)
            if self.peek() in ("e", "E") and self.adjacent() and re.fullmatch(
                    r"[-+0-9].*", self.peek(1) or ""):
                self.fail(
                    f"is {token}e… a number in scientific notation or {token}·e? write "
                    "10^{…} or \\cdot"
                )
            return sp.Rational(token)
        if token in OPENING:
            return self.bracketed()
        if token == "|":
            self.take("|")
            value = self.expression()
            self.skip_sizes()
            self.take("|")
            return sp.Abs(value)
        if token == "{":  # plain groups are gone (`without_plain_braces`): a group here is an
            # argument of a command that is not read as taking one, or an unbalanced brace
            self.fail(_UNREAD["{"])
        if token in FRACTIONS:
            self.take()
            if self.peek() == "[":  # \cfrac[l]{x}{y}: an alignment, not a numerator
                self.fail(f"{token}'s [option] is not read: write {token}{{…}}{{…}}")
            numerator = self.group()
            if (
                numerator in (sp.Symbol("d"), sp.Symbol("partial"))
                and self.peek() == "{"
                and (self.peek(1) in ("d", r"\partial"))
            ):
                self.fail("derivatives (\\frac{d}{dx}) are not read")
            denominator = self.group()
            self.denominators.append(denominator)
            return numerator / denominator
        if token == r"\sqrt":
            self.take()
            order = sp.Integer(2)
            following = self.items[self.position] if self.peek() is not None else None
            if self.peek() == "[" and not (following.spaced or following.silent):  # \sqrt[n]{x}
                self.take("[")
                order = self.expression()
                self.take("]")
            radicand = self.group()
            # a root is defined at x ≥ 0 (the principal root: an odd root of a negative number is
            # not read as the real one), as for x^{1/2}; sympy may have simplified it away (√x² → x)
            self.nonnegative.append(radicand)
            if not order.is_number:  # \sqrt[k]{x} is x^{1/k}: k ≠ 0, and real as written
                self.denominators.append(order)
                self.domains.append(("power", sp.Pow(radicand, 1 / order, evaluate=False)))
            elif not order.is_positive:  # \sqrt[-2]{x} is 1/√x: x ≠ 0 (and no order 0)
                self.denominators += [order, radicand]
            return sp.root(radicand, order)
        if token in (r"\binom", r"\tbinom", r"\dbinom"):
            self.take()
            top, bottom = self.group(), self.group()
            if min(self.sized(top), self.sized(bottom)) > 10**3:
                self.fail("a number too large to compute")
            # defined for whole numbers (the kernel's reading); sympy may cancel it (C − C → 0)
            # or give it a value elsewhere (C(−1, −1) → 0)
            self.domains += [("entry", top), ("entry", bottom)]
            return sp.binomial(top, bottom)
        if (
            token == r"\Gamma"
            and self.peek(1) in OPENING
            or token == r"\Gamma"
            and (self.peek(1) in SIZES)
        ):
            self.take()
            argument = self.bracketed()
            self.domains.append(("gamma", argument))
            return sp.gamma(argument)
        if token in (r"\sum", r"\prod"):
            return self.big_operator(operand)
        if token in FUNCTIONS:
            return self.function()
        if token in NAMES:
            return self.named()
        if (
            token == r"\sigma"
            and "sigma" not in self.names
            and (self.peek(1) in OPENING or self.peek(1) in SIZES)
        ):
            self.take()  # σ before any bracket is the sigmoid
            argument = self.bracketed()
            return 1 / (1 + sp.exp(-argument))
        if token == r"\sigma" and "sigma" not in self.names and self.peek(1) == "^":
            start = self.position
            self.take()
            self.scripts(sp.Symbol("sigma"))
            if self.opens_bracket():  # σ^2(z): the sigmoid squared, or σ²·z?
                self.position = start
                self.fail("is \\sigma^{…}(z) a power of the sigmoid or σ^{…}·(z)? write "
                          "(\\sigma(z))^2, or \\sigma^2 \\cdot (z)")
            self.position = start
        if token in (r"\infty",):
            self.take()
            return sp.oo
        if token in ACCENTS:  # \hat{\theta}, \bar{x}: a quantity of its own, named as written
            self.take()
            inner = "".join(self.group_text()).strip()
            if not (re.fullmatch(r"[A-Za-z]", inner) or inner[1:] in GREEK and
                    inner.startswith("\\")) or inner == r"\pi":
                self.fail(f"{token} is read over one letter ({token}{{x}}, {token}{{\\theta}}), "
                          f"not over {inner or 'nothing'}")
            name = f"{ACCENTS[token]}{{{inner}}}"  # \widehat{x} prints as \hat{x} does
            if self.peek() != "_" and self.names.get(name, NUMBER) is NUMBER:
                applied = self.before_bracket(name)  # \hat{F}(x): a function or a product?
                if applied is not None:
                    return applied
            return self.subscripted(name)
        if token == r"\pi":
            self.take()
            if self.opens_bracket() and self.adjacent():  # π(x): a prior's density, or π·x?
                self.fail("is \\pi(…) a function (a density) or π·(…)? write \\pi \\cdot (…) or "
                          "\\pi\\,(…) for the product")
            if self.peek() == "_":  # mixture weights π_k: π is the number 3.14… to the reader
                self.fail("\\pi is read as the number π, so \\pi_k is not read: name the "
                          "weights with another letter (w_k, \\alpha_k)")
            return sp.pi
        if token.startswith("\\") and token[1:] in GREEK:
            self.take()
            if self.peek() != "_" and self.names.get(token[1:], NUMBER) is NUMBER:
                applied = self.before_bracket(token[1:])
                if applied is not None:
                    return applied
            return self.subscripted(token[1:])
        if re.fullmatch(r"[A-Za-z]", token):
            self.take()
            if token == "e" and self.peek() != "_":  # Euler's number, as e^{z} and e alone
                return sp.E
            if token in ("f", "g", "h", "F", "G", "H") and self.peek() == "^":
                self.fail(f"{token}^… may be a power or an inverse function: not read")
            if self.peek() != "_" and self.names.get(token, NUMBER) is NUMBER:
                applied = self.before_bracket(token)
                if applied is not None:
                    return applied
            return self.subscripted(token)
        self.fail(_UNREAD.get(token, f"cannot read '{token}'"))

    def matching(self, opening):
        """The position of the brace that closes the one at `opening`."""
        depth = 0
        for at in range(opening, len(self.items)):
            depth += {"{": 1, "}": -1}.get(self.items[at].text, 0)
            if depth == 0:
                return at
        return None

    def bracketed(self, argument=False):
        """A bracketed expression; braces \\{…\\} only as a function's argument (\\exp\\{-x\\}):
        anywhere else TeX prints a set, and \\{1\\} = 1 is no claim about the number 1."""
        self.skip_sizes()
        start = self.position
        opening = self.take()
        if opening in (r"\{", r"\lbrace") and not argument:
            self.position = start
            self.fail("\\{…\\} prints a set: group with ( ) or [ ] (braces are read only "
                      "around a function's argument, \\exp\\{-x\\})")
        if opening == "|":
            value = self.expression()
            self.skip_sizes()
            self.take("|")
            return sp.Abs(value)
        if opening not in OPENING:
            raise TexError(f"expected a bracket, found '{opening}'", self.column())
        value = self.expression()
        self.skip_sizes()
        self.take(OPENING[opening])
        return value

    def bracket_is_group(self, offset):
        """Whether the bracket opening `offset` tokens ahead closes right before the group's }."""
        depth = 0
        for index in range(self.position + offset, len(self.items)):
            depth += {"(": 1, ")": -1}.get(self.items[index].text, 0)
            if depth == 0:
                following = self.items[index + 1].text if index + 1 < len(self.items) else None
                return following == "}"
        return False

    def opens_bracket(self):
        """Whether a bracket follows: (, [, \\{, or a size command before one."""
        token, following = self.peek(), self.peek(1)
        if token in OPENING:
            return True
        return (
            token in SIZES
            and token not in CLOSING_SIZES
            and (following in OPENING or following == "|")
        )

    def definition(self, defined, name, indices=None):
        """A defined name's value (a family's at `indices`), its definition's conditions recorded
        as asked here, at those indices; refused where a sum being read binds a letter free in
        either (define L = k/k, whose value sympy made 1, still asks k ≠ 0 of the free k)."""
        conditions = self.names.get(CONDITIONS, {}).get(name, ())
        params = defined.params if isinstance(defined, Family) else ()
        letters = set().union(*(condition_letters(term) for _, term in conditions))
        self.uncaptured(defined.body if params else defined, name, params, letters)
        if not params:
            self.domains.extend(conditions)
            return defined
        try:  # an index the kernel's substitution refuses (q_{1/2} of a sum up to its index)
            value = defined.at(indices)
            self.domains.extend((kind, _at_indices(term, params, indices))
                                for kind, term in conditions)
        except ProofError as error:
            self.fail(f"{_tex(name)} at these indices: {error}")
        return value

    def uncaptured(self, value, name, parameters=(), letters=()):
        """`value`, a definition's body, unless a sum or product being read binds a letter free
        in it (define m = 2k, then \\sum_{k=1}^{n} m: the k of m is not the index)."""
        free = (getattr(value, "free_symbols", set()) | set(letters)) - set(parameters)
        captured = [index for index in self.bound if index in free]
        if captured:
            letter = _tex(str(captured[0]))
            self.fail(f"the definition of {name} uses {letter}, which the sum or product around "
                      f"it binds as its index: rename the index")
        return value

    def bracketed_letter(self):
        """The letter in a bracket that holds one letter and nothing else, (θ) or \\left(w\\right),
        taken with its bracket; None, with nothing taken, for any other bracket."""
        start = self.position
        self.skip_sizes()
        if self.peek() not in OPENING:
            self.position = start
            return None
        closing = OPENING[self.take()]
        inner = self.take() if self.peek() is not None else ""
        self.skip_sizes()
        single = re.fullmatch(r"[A-Za-z]", inner) or (inner[:1] == "\\" and inner[1:] in GREEK)
        if single and self.peek() == closing:
            self.take()
            return inner.lstrip("\\")
        self.position = start
        return None

    def parameters(self):
        """The letters some entry is declared to depend on (θ of p_i(θ) ∈ (0, 1))."""
        return set(self.names.get(DEPENDS, {}).values())

    def at_parameter(self, name):
        """Take '(θ)' after an entry declared to depend on θ (True); a bracket holding another
        single letter after it is refused (it would need a substitution); else False."""
        parameter = self.names.get(DEPENDS, {}).get(name)
        if parameter is None:
            return False
        start = self.position
        letter = self.bracketed_letter()
        if letter is None:
            return False
        if letter != parameter:
            self.position = start
            name, parameter, letter = _tex(name), _tex(parameter), _tex(letter)
            self.fail(f"{name} is declared to depend on {parameter}, not on {letter}: {name}"
                      f"({letter}) would need a substitution, which is not read")
        return True

    def subscripted(self, name):
        """A letter with an optional subscript: p_i is the family p at i; a defined name expands
        (a defined family p_i := body at its own indices)."""
        defined = self.names.get(name)
        if isinstance(defined, Unreadable):
            self.fail(defined.why)
        if defined is NUMBER:
            defined = None
        if isinstance(defined, UndefinedFunction):  # declared by a range such as C(p_i) ∈ (0, ∞)
            if self.opens_bracket():
                return defined(*self.arguments())
            self.fail(f"the function {name} is applied to an argument in brackets: {name}(x)")
        if defined is not None and self.peek() == "^" and (
                self.peek(1) == "*" or self.peek(1) == "{" and self.peek(2) == "*"):
            # u^* is a quantity of its own: not the star of what u is defined as
            self.fail(f"{_tex(name)} is defined, so {_tex(name)}^* is not read: give the starred "
                      "quantity a name of its own")
        if defined is not None and not isinstance(defined, Family) and self.peek() != "_":
            return self.applied(self.definition(defined, name), name)
        if isinstance(defined, Family) and self.peek() != "_":
            self.fail(f"{_tex(name)} is a defined family: write it with its index ({_tex(name)}_i)")
        if self.peek() != "_":
            return sp.Symbol(name)
        self.take("_")
        raw = self.group_text()
        indices = self.index_list(raw)
        if isinstance(defined, Family) and len(indices) == len(defined.params):
            return self.applied(self.definition(defined, name, indices), name)  # p_i(θ) is p_i
        if isinstance(defined, Family):
            self.fail(f"{_tex(name)} is defined with {len(defined.params)} index(es), and written "
                      f"here with {len(indices)}")
        if name in ("f", "g", "h", "F", "G", "H", "phi", "psi", "Phi", "Psi") and (
            self.opens_bracket()
        ):
            self.fail(
                f"{name} with a subscript before a bracket is a function of it: write it "
                "without the subscript, or give it a range in where"
            )
        entry = sp.IndexedBase(name)[tuple(indices)]
        if self.opens_bracket() and not self.at_parameter(name):
            start = self.position
            letter = self.bracketed_letter()
            if letter is not None:  # p_i(θ): an entry at a parameter, never p_i·θ
                self.position = start
                entry, at = f"{_tex(name)}_{{{''.join(raw)}}}", _tex(letter)
                self.fail(
                    f"is {entry}({at}) the entry at {at} or a product? say in where that it "
                    f"depends on {at} ({_tex(name)}_i({at}) \\in …), or write {entry} \\cdot {at}"
                )
        return entry

    def index_list(self, raw):
        """`i`, `ik` (two indices), `i,k`, `1`, `i+1`, `j-1` → the index expressions; \\max and
        \\min are labels, as \\mathrm{max} is."""
        text = "".join(raw)
        if text in (r"\max", r"\min"):  # x_{\max}
            return [sp.Symbol(text[1:])]
        if raw and raw[0] in OPENING and _closing_at_end(raw):
            self.fail(  # x_{(1)}: an order statistic to a statistician, x_1 to the formula
                f"is _{{{text}}} the entry at {''.join(raw[1:-1])} or an order statistic? write "
                f"the index without brackets, or name the order statistic a letter of its own")
        letters = [token for token in raw if re.fullmatch(r"[A-Za-z0-9]", token)
                   or token.startswith("\\") and token[1:] in GREEK]
        if len(raw) > 1 and len(letters) == len(raw) and raw[0].isdigit() and not text.isdigit():
            self.fail(  # x_{2i}, x_{2\alpha}: the entry at 2i, or at (2, i)?
                f"is _{{{text}}} the entry at {text} or at ({', '.join(raw)})? write "
                f"_{{{raw[0]} \\cdot {''.join(raw[1:])}}} or _{{{','.join(raw)}}}"
            )
        if len(raw) > 1 and len(letters) == len(raw) and not re.search(r"[0-9]{2}", text):
            parts = raw  # y_{ik}, a_{i1}, a_{\alpha\beta}: one index per letter or digit
        elif "," in raw:  # the tokens apart, so that a command ends where it did: i \cdot j
            parts = " ".join(raw).split(",")
        elif re.fullmatch(r"[A-Za-z][A-Za-z0-9]*[0-9]{2}[A-Za-z0-9]*", text):
            self.fail(f"is _{{{text}}} the entry at ({', '.join(text)}) or are some digits one "
                      f"number? write the indices apart with commas, _{{{','.join(text)}}}")
        elif re.fullmatch(r"[0-9]{2,}", text):
            self.fail(
                f"is _{{{text}}} one index or {len(text)}? write _{{{','.join(text)}}} for several"
            )
        else:
            parts = [" ".join(raw)]
        found = []
        for part in parts:
            reader = _Reader(part, self.names)
            # the sums around the entry bind here too: Σ_k u_m with m := 2k is refused, not u_{2k}
            reader.bound = self.bound
            value = reader.expression()
            if reader.peek() is not None:
                reader.fail()
            self.adopt(reader)  # q_{k/k} asks k ≠ 0 here
            if reader.juxtaposed:  # x_{i_1 i_2}, x_{2\alpha}: one index i₁·i₂, or two?
                self.fail(f"is _{{{text}}} one index or several? write the indices apart "
                          "with commas, or \\cdot for a product")
            found.append(value)
        return found

    def applied(self, value, name="it"):
        """A defined quantity may be written at its parameter, L(θ) or L(w), which is dropped: one
        letter, spaced or not, that its definition mentions (L is the same at its own variable),
        that entries are declared to depend on (p_i(θ) ∈ (0, 1)), or any letter when the definition
        has no variable but sizes (L = ∏ p_i); another letter, L(v) with L = (w − 1)², would need
        a substitution and is refused, as is anything else in brackets right after it (q(1 − q)
        is no argument list; q\\,(1 − q) is a product)."""
        if not self.opens_bracket():
            return value
        start, adjacent = self.position, self.adjacent()
        letter = self.bracketed_letter()
        if letter is None:
            if not adjacent:  # q\,(1 - q): a product, as written with a space
                return value
            self.fail(
                f"{name} is a defined quantity: {name}(…) is read only with one letter, its "
                f"parameter (L(θ)); write {name} \\cdot (…) for a product"
            )
        mentioned = {str(symbol) for symbol in getattr(value, "free_symbols", ())}
        if _variables(value) and letter not in mentioned | self.parameters():
            self.position = start
            shown = _tex(letter)
            self.fail(
                f"{name}({shown}): {shown} is neither in the definition of {name} nor a parameter "
                f"that entries depend on: say which do in where (p_i({shown}) \\in …), or write "
                f"{name} \\cdot {shown} for a product"
            )
        return value

    def arguments(self):
        """(a, b, …) after a function's name."""
        self.skip_sizes()
        opening = self.take()
        if opening not in OPENING:
            raise TexError(f"expected a bracket, found '{opening}'", self.column())
        found = [self.expression()]
        while self.peek() == ",":
            self.take(",")
            found.append(self.expression())
        self.skip_sizes()
        self.take(OPENING[opening])
        return found

    def named(self):
        before = self.items[self.position - 1].text if self.position else ""
        self.take()
        if self.peek() == "*":
            self.take("*")
        command = self.items[self.position - 1].text if self.position else ""
        name = "".join(self.group_text()).replace(r"\,", "")
        if command in (r"\mathcal", r"\mathscr", r"\mathfrak", r"\mathbb"):
            name = command.lstrip("\\") + "_" + name  # 𝓛 is not L
        if command in (r"\mathbf", r"\boldsymbol", r"\bm"):
            self.fail(
                f"bold {name} is a vector or a matrix: only numbers are read (products of "
                "matrices do not commute)"
            )
        if name in OPTIMIZER_NAMES:
            self.fail("an arg max or arg min stands alone on its side of a relation")
        if name == "e":  # an upright e is Euler's number
            if re.fullmatch(r"[0-9.]+", before) and re.fullmatch(r"[-+0-9].*", self.peek() or ""):
                self.fail(f"is {before}\\mathrm{{e}}… a number in scientific notation or "
                          f"{before}·e? write 10^{{…}} or \\cdot")
            return sp.E
        value = self.names.get(name)
        if isinstance(value, Unreadable):
            self.fail(value.why)
        if isinstance(value, UndefinedFunction):  # \mathrm{C}(x) for a declared function C
            if not self.opens_bracket():
                self.fail(f"the function {name} is applied to an argument in brackets: {name}(x)")
            return value(*self.arguments())
        if value is not None and value is not NUMBER:
            return self.applied(self.definition(value, name), name)
        if "\\" + name in FUNCTIONS and command in (r"\mathrm", r"\operatorname"):
            # \mathrm{log} x and \operatorname{ln} x are the functions \log x and \ln x
            self.items.insert(self.position, Token("\\" + name, self.column()))
            return self.function()
        if name == "d":
            self.fail("differentials (\\mathrm{d}x) are not read")
        if name in GREEK or name in ("pi", "infty", "ell"):  # \mathit{mu} prints the word mu
            self.fail(f"{command}{{{name}}} prints the word {name}, which the reader would take "
                      f"for \\{name}: write \\{name}, or a name that is no Greek letter's")
        if name.isalpha():
            if self.opens_bracket():  # an undefined operator applied: Var(2X) stays Var(2X)
                return sp.Function(name)(*self.arguments())
            following = self.peek()
            if self.starts_factor(following) and following not in (r"\cdot", r"\times", "/",
                                                                     "^", "_", "!"):
                # \operatorname{Var} 2X, \mathrm{E} X^2: an operator applied, to a reader
                shown = f"{command}{{{name}}}"
                self.fail(f"is {shown} … an operator applied or a product? write {shown}(…) "
                          f"for the operator, or {shown} \\cdot … for a product")
            if name in ("i", "j"):  # i² = −1 to many readers: \mathrm{i}^2 + 1 > 0 is false there
                self.fail(f"an upright {name} is the imaginary unit to many readers: name the "
                          "label otherwise")
            # an upright letter is another quantity than the italic one (x_{\mathrm{c}} beside c)
            return sp.Symbol(f"\\mathrm{{{name}}}" if len(name) == 1 else name)
        self.fail(f"cannot read the name '{name}'")

    def function(self):
        written = self.peek()
        head = FUNCTIONS[self.take()]
        power = None
        if self.peek() == "^":  # \log^2 x
            self.take("^")
            power = self.group()
            if not (power.is_number and power.is_positive):
                self.fail("\\sin^{-1} may be arcsin or 1/sin: write \\arcsin or (\\sin x)^{-1}")
        self.skip_sizes()
        token = self.peek()
        if self.opens_bracket():
            argument = self.bracketed(argument=True)
            if self.peek() == "^":
                self.fail(
                    "is \\log(x)^2 the square of the log or the log of the square? write "
                    "(\\log x)^2, \\log^2 x or \\log(x^2)"
                )
        elif token == "|":  # \log|x|: the bars are the argument's brackets
            argument = self.atom()
            if self.peek() == "^":
                self.fail(
                    f"is {written}|x|^2 the square of {written}|x| or {written} of the square? "
                    f"write ({written}|x|)^2 or {written}(|x|^2)"
                )
            if self.starts_factor(self.peek()) and self.peek() not in (r"\cdot", r"\times"):
                self.fail("how far does the function reach? put its whole argument in brackets")
        elif token in (r"\sum", r"\prod", r"\frac", r"\tfrac", r"\dfrac"):
            self.operand = ()  # \log Σ_i a_i c: is c in the log's sum?
            argument = self.atom()
            if (
                token not in (r"\sum", r"\prod")
                and self.starts_factor(self.peek())
                and (self.peek() not in (r"\cdot", r"\times"))
            ):
                self.fail("how far does the function reach? put its argument in brackets")
        else:
            argument = self.power()
            if self.starts_factor(self.peek()) and self.peek() not in (r"\cdot", r"\times"):
                self.fail(
                    f"how far does the function reach: is {self.peek()} in {written}'s argument? "
                    "put the argument in brackets (\\log 2\\pi\\sigma^2 may be "
                    "log(2πσ²) or (log 2)·π·σ²)"
                )
        if head is sp.log:
            self.log_arguments.append(argument)
        value = head(argument)
        if power is not None and not power.is_integer:  # \cos^{1/2} x needs cos x ≥ 0
            self.nonnegative.append(value)
        return value**power if power is not None else value

    def big_operator(self, operand=None):
        """Σ or ∏ with its limits and body; `operand`: it is a denominator or a function's
        argument (or the body of sums that are, over the indices in it), where a factor of its
        body free of its index and theirs is refused (`term`): 1/Σ_i Σ_j x_i c."""
        kind = sp.Sum if self.take() == r"\sum" else sp.Product
        index, low, high = None, None, None
        for _ in range(2):
            if self.peek() == "_":
                self.take("_")
                raw = self.group_text()
                if "=" in raw:
                    cut = raw.index("=")
                    index = self.index_name(raw[:cut])
                    reader = _Reader(" ".join(raw[cut + 1 :]), self.names)
                    reader.bound = self.bound
                    low = reader.expression()
                    if reader.peek() is not None:
                        self.fail(
                            "a condition under a sum (\\sum_{i=1, i \\neq j}) is not read: "
                            "write the sum without it"
                        )
                    self.adopt(reader)  # \sum_{j=i/i}: i ≠ 0 asked, as of an upper bound
                else:
                    index = self.index_name(raw)
            elif self.peek() == "^":
                self.take("^")
                high = self.group()
        if index is None:
            self.fail("a sum or product needs its index: \\sum_{i=1}^{n}")
        for bound in (low, high):  # Σ_{i=0.5}^{1.5} i: over i = 0.5, 1.5 to sympy, {1} to a reader
            if bound is not None and (bound.is_number and not bound.is_integer or any(
                    not number.is_integer for number in bound.atoms(sp.Rational)) or
                    bound.atoms(sp.Function, sp.Pow)):
                self.fail("a sum's or product's bounds are whole numbers or letters that count: "
                          f"{bound} is read over other values by sympy than by a reader")
        if low is None or high is None:
            raise TexError(
                f"the sum or product over {index} needs both limits (\\sum_{{{index}=1}}^{{n}})",
                self.column(),
            )
        sign = 1
        if self.peek() in ("-", "+"):  # \sum_{j} -\log …, as sympy prints a negated body
            sign = -1 if self.take() == "-" else 1
        shadowed = self.names.pop(str(index), None)  # the index is bound in the body, whatever
        self.bound.append(index)
        marks = self.condition_marks()
        try:  # a definition of the same letter says
            # a sum that is the body's first factor: Σ_i Σ_j x_i c after /, ∏_i Σ_j u_j · y
            inner = None if operand is None and kind is sp.Sum else (*(operand or ()), index)
            strict = inner if kind is sp.Sum else None
            self.operand = inner
            body = sign * self.term(index if kind is sp.Product else None, strict)
        finally:
            self.bound.pop()
            if shadowed is not None:
                self.names[str(index)] = shadowed
        self.ask_at_index_values(marks, index, low, high)
        # its number of terms a whole number ≥ 0 (a reversed range has no value), recorded as it
        # is read: sympy may cancel the sum (S − S → 0) and the terms' conditions with it
        self.domains.append(("count", sp.expand(high - low + 1)))
        return kind(body, (index, low, high))

    def adopt(self, reader):
        """The conditions another reader recorded (of a bound or an index read apart)."""
        self.denominators += reader.denominators
        self.nonnegative += reader.nonnegative
        self.log_arguments += reader.log_arguments
        self.domains += reader.domains

    def condition_marks(self):
        return tuple(map(len, (self.denominators, self.nonnegative, self.log_arguments,
                               self.domains)))

    def ask_at_index_values(self, marks, index, low, high):
        """The conditions the body recorded since `marks` that mention the index, asked at the
        values it takes only (Under), where sympy's term would ask them for every real index."""
        def under(term):
            if isinstance(term, Under):
                if not term.mentions(index):
                    return term
                return Under(term.term, ((index, low, high), *term.scope))
            return Under(term, ((index, low, high),)) if index in term.free_symbols else term

        for kept, mark in zip((self.denominators, self.nonnegative, self.log_arguments), marks):
            kept[mark:] = [under(term) for term in kept[mark:]]
        self.domains[marks[3]:] = [(kind, under(term)) for kind, term in self.domains[marks[3]:]]

    def index_name(self, raw):
        """A sum's index: one letter, Latin or Greek (i, \\tau); i,j or i_1 are refused."""
        text = "".join(raw).strip()
        if re.fullmatch(r"[A-Za-z]", text) or (text.startswith("\\") and text[1:] in GREEK):
            if text in ("e", r"\pi"):  # π is read as the number π everywhere else
                self.fail(f"{text} is a number, not an index")
            return sp.Symbol(text.lstrip("\\"))
        self.fail(f"a sum's index is one letter, not '{text}'")

    def set_or_expression(self):
        return read_set_tokens(self)


def read_set_tokens(reader):
    """A set after \\in: {a, b}, (a, b), [a, b], (a, b], \\mathbb{R}, \\mathbb{N}, …"""
    token = reader.peek()
    if token == r"\mathbb":
        reader.take()
        name = "".join(reader.group_text())
        sets = {"R": sp.S.Reals, "N": sp.S.Naturals, "Z": sp.S.Integers}
        if name not in sets:
            reader.fail(f"cannot read the set \\mathbb{{{name}}}")
        found, bare = sets[name], reader.peek() != "_"
        if not bare:  # ℕ_0, ℝ_{>0}, ℝ_{\geq 0}
            reader.take("_")
            script = "".join(reader.group_text())
            scripted = {
                ("N", "0"): sp.S.Naturals0,
                ("N", ">0"): sp.S.Naturals,
                ("N", r"\geq1"): sp.S.Naturals,
                ("Z", ">0"): sp.S.Naturals,
                ("Z", r"\geq0"): sp.S.Naturals0,
                ("R", ">0"): sp.Interval.open(0, sp.oo),
                ("R", r"\geq0"): sp.Interval(0, sp.oo),
                ("R", r"\ge0"): sp.Interval(0, sp.oo),
            }
            if (name, script) == ("R", "+"):
                reader.fail("\\mathbb{R}_+ is (0, ∞) to some authors and [0, ∞) to others: write "
                            "(0, \\infty) or [0, \\infty)")
            if (name, script) not in scripted:
                reader.fail(f"cannot read the set \\mathbb{{{name}}}_{{{script}}}")
            found = scripted[name, script]
        if reader.peek() == r"\cup":  # ℕ ∪ {0}
            reader.take()
            other = read_set_tokens(reader)
            if (name, other) == ("N", sp.FiniteSet(0)):
                return sp.S.Naturals0  # whichever ℕ the author means
            if name == "N" and bare:  # ℕ ∪ {−1}: which ℕ?
                reader.fail("\\mathbb{N} starts at 0 or at 1, depending on the author: write "
                            "\\mathbb{N}_{>0} or \\mathbb{N}_0 in the union")
            found = sp.Union(found, other)
        elif name == "N" and bare:  # ℕ_{>0} is ℕ as well, and says where it starts
            reader.fail(
                "\\mathbb{N} starts at 0 or at 1, depending on the author: write \\mathbb{N}_{>0} "
                "or \\{1, 2, \\dots\\} (or n \\geq 1 for a number of terms), or \\mathbb{N}_0"
            )
        return found
    reader.skip_sizes()
    token = reader.peek()
    if token in (r"\{", r"\lbrace"):
        reader.take()
        members = [reader.expression()]
        while reader.peek() == ",":
            reader.take(",")
            if reader.peek() in (r"\dots", r"\ldots", r"\cdots"):  # {1, 2, \dots}, {0, 1, …}
                reader.take()
                counting = {(1, 2): sp.S.Naturals, (0, 1, 2): sp.S.Naturals0}
                last = None
                if reader.peek() == ",":  # {1, \dots, n}: 1 to n, whatever n is
                    reader.take(",")
                    last = reader.expression()
                steps = {b - a for a, b in zip(members, members[1:])}
                readable = tuple(members) in counting if last is None else \
                    steps <= {1} and all(m.is_Integer for m in members)
                if not readable:
                    reader.fail("a set with \\dots is {1, 2, \\dots}, {0, 1, 2, \\dots} or "
                                "whole numbers one apart up to an end, {1, \\dots, n}")
                reader.skip_sizes()
                reader.take(r"\}" if token == r"\{" else r"\rbrace")
                return counting[tuple(members)] if last is None else sp.Range(members[0], last + 1)
            members.append(reader.expression())
        reader.skip_sizes()
        reader.take(r"\}" if token == r"\{" else r"\rbrace")
        return sp.FiniteSet(*members)
    if token in ("(", "["):
        reader.take()
        low = reader.expression()
        reader.take(",")
        high = reader.expression()
        reader.skip_sizes()
        closing = reader.take()
        if closing not in (")", "]"):
            raise TexError(f"an interval ends with ) or ], found {closing!r}", reader.column())
        return sp.Interval(low, high, left_open=token == "(", right_open=closing == ")")
    return reader.expression()


def read(text, names=None):
    """One expression (no relation)."""
    return read_with_conditions(text, names)[0]


def read_relations(text, names=None):
    """expr REL expr REL …: (expressions, relations) with relations among '=', '<', '>', '<=',
    '>=', 'in'."""
    return read_chain(text, names)[:2]


NO_VALUE = "a number here has no value (0 \\cdot \\infty, 0/0): write the number it stands for"


def _valued(value):
    """`value`, refused when it holds a number with no value (sympy's nan)."""
    if isinstance(value, sp.Basic) and value.has(sp.nan):
        raise TexError(NO_VALUE, 1)
    return value


def read_chain(text, names=None):
    """(expressions, relations, the denominators read in each expression): a claim about them
    holds only where every denominator is nonzero (sympy cancels x/x to 1 as it builds)."""
    reader = _Reader(text, names)
    if not reader.items:
        raise TexError("there is no formula", 1)
    try:
        exprs, relations = reader.relations()
    except RecursionError:
        raise TexError("the formula nests too deeply to read", 1) from None
    return [_valued(value) for value in exprs], relations, reader.per_expression


def read_with_conditions(text, names=None):
    """One expression (as `read`) and the conditions under which it is defined as written."""
    exprs, relations, conditions = read_chain(text, names)
    if relations:
        raise TexError("an expression was expected, found a relation", 1)
    if isinstance(exprs[0], Optimizers):
        raise TexError("an expression was expected, found a set of optimizers (arg max)", 1)
    return exprs[0], conditions[0]


def read_set(text, names=None):
    reader = _Reader(text, names)
    value = _valued(read_set_tokens(reader))
    if reader.peek() is not None:
        reader.fail()
    return value
