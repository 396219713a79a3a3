"""Objects printed apart: what a rendered proof shows must be what the kernel proved.

The kernel tells objects apart by their names; a reader tells them apart by how they print.
Before a proof is written, every symbol, indexed entry, definition and function of its statements
is rendered with the writer (and its notation) and refused when the page would confuse it with
something else:

- a name that is not letters, digits and one subscript (``a\\gdef\\log{\\exp}`` would run as LaTeX,
  ``x^2`` would print as a power);
- two objects printed alike (``Symbol('x1')`` and ``Symbol('x_1')``, ``x1`` and ``x[1]``, a
  notation that names the cross-entropy ``L``, an index renamed to the sample size);
- a symbol printed as a constant or a function (``pi``, ``e``, ``log``, ``2``);
- a symbol printed as a product of others (``ab`` beside ``a`` and ``b``);
- a symbol printed as indexed by a summation index (``x_i`` under a sum over ``i``, which the kernel
  reads as a constant).

Imports sympy and the kernel's term classes only.
"""

import functools
import re
import weakref

import sympy as sp
from sympy.core.function import AppliedUndef

from ..kernel.terms import DefinedEntry, bound_vars
from .notation import DEFAULT_NAMES
from .safety import GREEK, PrintedAlike

# a name the writer may print as it is: letters and digits, one subscript, primes (the kernel's i')
SAFE_NAME = re.compile(r"(?:[A-Za-z][A-Za-z0-9]*)(?:_\{?[A-Za-z0-9]+\}?)?'*")
# what constants and functions print as: a symbol printed so is refused
RESERVED = {"\\pi", "e", "E", "\\infty", "\\log", "\\ln", "\\exp", "\\sin", "\\cos", "\\tanh",
            "\\sinh", "\\cosh", "\\arctan", "\\Gamma", "log", "ln", "exp", "sin", "cos", "tanh",
            "sinh", "cosh", "erf", "\\operatorname{erf}", "\\mathrm{e}", "\\mathrm{log}",
            "\\mathrm{exp}", "\\mathrm{ln}", "\\operatorname{log}", "\\operatorname{exp}",
            "\\mathrm{d}", "\\mathrm{\\pi}", "\\mathrm{i}"}


# id(proof) → (a weak reference to it, the notations it was checked under): a proof is immutable,
# and its four outputs ask for the same check
_CHECKED = {}


def check_printed_apart(proof, writer, parameter=False):
    """PrintedAlike (a RenderError) when two objects of `proof` print alike under `writer`, or
    one prints as something it is not (see the module's list); `parameter`: the proof's parameter
    θ is a name of the writer's only (no symbol of the terms), printed too."""
    entry = _CHECKED.get(id(proof))
    if entry is None or entry[0]() is not proof:
        entry = _CHECKED[id(proof)] = (weakref.ref(proof), set())
    key = (writer.style, tuple(sorted(writer.names.items())), parameter)
    if key in entry[1]:
        return
    _check(proof, writer, parameter)
    entry[1].add(key)
    if len(_CHECKED) > 256:  # forget proofs no longer alive
        for dead in [k for k, (ref, _) in _CHECKED.items() if ref() is None]:
            del _CHECKED[dead]


def _check(proof, writer, parameter):
    printed, indices, raw = {}, set(), {}  # raw: a printed form as the writer wrote it
    if parameter:  # θ, and Θ, the set the setting introduces for it
        printed[_normal(writer.names["theta"])] = {("parameter",): "theta"}
        raw[_normal(writer.names["theta"])] = writer.names["theta"]
        printed.setdefault("\\Theta", {})[("parameter set",)] = "the parameter set Θ"
        raw.setdefault("\\Theta", "\\Theta")
    seen = set()  # terms already walked: a proof's lines share most of their subterms
    for term in _terms(proof):
        indices |= bound_vars(term) if isinstance(term, sp.Basic) else frozenset()
        for key, name, shown in _objects(term, writer, seen):
            if name is not None and not _safe(name):
                raise PrintedAlike(f"the name {name!r} cannot be printed faithfully: use letters "
                                  "and digits, with at most one subscript (x_1, x_i)")
            # sympy writes a name ending in abs, norm, avg or mag as |x|, ‖x‖, ⟨x⟩ (a review: the
            # page read |x| − |x| > 0 for a symbol xabs beside Abs(x))
            if name is not None and name not in writer.names and _BRACKETS.search(shown):
                raise PrintedAlike(f"the name {name!r} would print as {shown}, an expression: "
                                  "rename it")
            printed.setdefault(_normal(shown), {})[key] = name or shown
            raw.setdefault(_normal(shown), shown)
    symbols = {text for text, keys in printed.items()
               if any(key[0] == "symbol" for key in keys)}
    index_names = {_normal(writer.expr(index)) for index in indices}
    for text, keys in printed.items():
        if len(keys) > 1:
            first, second = sorted(map(str, keys.values()))[:2]
            raise PrintedAlike(f"{first} and {second} would both print as {text}: rename one "
                              "(or give the notation different letters)")
        kind, name = next(iter(keys)), next(iter(keys.values()))
        # as printed, or as the same letters in another font (\\mathtt{e} is e)
        reserved = (text in PRINTED_RESERVED or _letters(raw[text]) in RESERVED_LETTERS) and (
            kind[0] == "symbol" or text != "E")
        if kind[0] != "parameter set" and (reserved or re.fullmatch(
                r"[0-9.]+(?:'|\^\\prime)*", _letters(raw[text]))):
            raise PrintedAlike(f"{name} would print as {raw.get(text, text)}, a constant or a "
                              "function of mathematics: rename it (or give the notation another "
                              "name)")
        if kind[0] != "symbol":
            continue
        letters = re.fullmatch(r"[A-Za-z]{2,}", text)
        if letters and all(letter in symbols for letter in text):
            raise PrintedAlike(f"the symbol {name} would print as {text}, the product of "
                              f"{', '.join(text)}: rename it")
        subscript = re.fullmatch(r".+_(.+)", text)
        if subscript and set(subscript.group(1).split(",")) & index_names and not isinstance(
                kind[1], sp.Indexed):
            raise PrintedAlike(f"the symbol {name} would print as {text}, indexed by a summation "
                              "index, although it is one quantity: use an IndexedBase")
    looks = {}  # the same letters in other fonts (N, \mathrm{N}): alike to a reader
    for text, keys in printed.items():
        other = looks.setdefault(_letters(raw[text]), (text, next(iter(keys.values()))))
        if other[0] != text:
            first, second = sorted(map(str, (other[1], next(iter(keys.values())))))
            raise PrintedAlike(f"{first} and {second} would print as the same letters in two "
                              f"fonts ({raw.get(other[0], other[0])}, {raw.get(text, text)}): "
                              "rename one (or give the notation different letters)")
    _check_mentions(proof, writer, printed, raw, indices)


def _check_mentions(proof, writer, printed, raw, indices):
    """A notation value is a name of its own, or an expression in names of its own: one that
    mentions another quantity of the proof would make the page read as a claim about that
    quantity (a review: L=-\\mathrm{NLL} or \\mathrm{NLL}^2 beside a definition NLL, y=i+1 under
    a sum over i).  A whole entry (p_i=\\sigma(w^\\top x_i)) may mention what the family's
    definition mentions, and the parameter when the optimization varies the family; an index may
    stand in a subscript."""
    heads, fulls = {}, {}  # an atom of a protected name -> what it names
    for text, keys in printed.items():
        kind, name = next(iter(keys)), next(iter(keys.values()))
        if kind[0] in ("symbol", "definition", "base", "family", "parameter", "parameter set"):
            atoms = _atoms(raw[text])
            if len(atoms) == 1:
                head, full = atoms[0]
                (heads if head == full else fulls)[full] = (text, name)
    index_heads = set()
    for index in indices:
        for head, full in _atoms(writer.expr(index))[:1]:
            heads.setdefault(head, (_normal(writer.expr(index)), f"the index {index}"))
            index_heads.add(head)
    for key, value in writer.names.items():
        # the default names are apart by construction; the terminal's check is for what prints
        # alike only there (its words have no fonts to read atoms by)
        if key == "log" or writer.style != "latex" or value == DEFAULT_NAMES["latex"].get(key):
            continue
        own, allowed = _normal(value), set()
        if not _atoms(value) or _zero(value) or _reads_as_number(value):
            raise PrintedAlike(f"the notation {key}={value} has no letter, or a 0 in it, or is a "
                              "number: the formulas would print a special case, or nothing, of "
                              "what was proved; give a letter or an expression in letters")
        family = re.fullmatch(r"([A-Za-z]\w*)_\w+", key)
        if family:  # the whole entry: its own letter, and what it depends on
            allowed = {head for head, _ in _atoms(writer.name(sp.Symbol(family.group(1))))}
            varied = {getattr(quantity, "__name__", None) or str(getattr(quantity, "label",
                                                                         quantity))
                      for quantity in proof.symbols.get("over", ())}
            if family.group(1) in varied:  # p_i(θ): the parameter
                allowed |= {head for head, _ in _atoms(writer.names["theta"])}
            for definition in proof.definitions:
                if getattr(definition, "__name__", None) == family.group(1):
                    allowed |= {head for head, _ in _atoms(writer.expr(definition.body))}
        # a quantity's name subscripted by a summation index would read as depending on it (a
        # review: theta=w_{i} printed L(w_i) under a sum over i); CE_n is n's, and fine
        for script in _LETTER_SCRIPT.findall(_normal_fonts(value)) if not family else ():
            for letter in (part.strip() for part in "".join(script).split(",")):
                if letter in index_heads:
                    raise PrintedAlike(f"the notation {key}={value} writes {heads[letter][1]} in "
                                       "a subscript, and the page would read it as depending on "
                                       "it: use a subscript that is no index of the proof")
        # y^{(i)} for an entry of a family, labelled with an index only
        for label in _LABEL.findall(_normal_fonts(value)):
            if label in index_heads and not family:
                raise PrintedAlike(f"the notation {key}={value} labels with the index {label}, "
                                   "and the page would read it as depending on it: label the "
                                   "entries of a family only (y_i=y^{(i)})")
            if label in heads and label not in index_heads and label not in allowed:
                raise PrintedAlike(f"the notation {key}={value} labels with {heads[label][1]}, "
                                  "another quantity of the proof: label with an index")
        for head, full in _atoms(value):
            named = heads.get(head) or fulls.get(full)
            if named is not None and named[0] != own and head not in allowed:
                raise PrintedAlike(f"the notation {key}={value} mentions {named[1]}, another "
                                  "quantity of the proof, and the page would read it as that "
                                  "quantity: use letters that no other quantity of the proof "
                                  "prints as")


def _zero(value):
    """Whether a number in `value`, outside its scripts, is 0 (0, 00, 0.0, .0, 0.)."""
    outside = _SCRIPT.sub("", _LABEL.sub("", _normal_fonts(value)))
    return any(float(number) == 0 for number in re.findall(r"(?<![\w.])(?:\d+\.?\d*|\.\d+)",
                                                            outside))


def _reads_as_number(value):
    """Whether the paper reader reads `value` as a number (ℓ − ℓ, (1 − 1)ℓ, 2 · 3): what it
    cannot read is left to the other checks."""
    from ..texmath import TexError, read
    try:  # read without fonts and accents, which do not change a number (\mathrm{2} is 2)
        expr = read(re.sub(r"\\(?:mathrm|mathbf|mathit|mathsf|mathtt|boldsymbol|bm|operatorname|"
                           r"text|hat|bar|overline|tilde|widetilde|widehat|vec|dot|ddot|check|"
                           r"breve)(?![A-Za-z])", "", value))
    except (TexError, TypeError, ValueError, AttributeError):
        return False
    return isinstance(expr, sp.Basic) and not expr.free_symbols


def _terms(proof):
    """Every term the rendered proof may show: statements, definitions, the setting."""
    theorems = [proof.theorem, *(section.statement for section in proof.sections),
                *(step.theorem for section in proof.sections for step in section.steps
                  if getattr(step, "theorem", None) is not None), *proof.checked]
    for theorem in theorems:
        yield from theorem.statement.terms
    for definition in proof.definitions:
        yield definition
        yield getattr(definition, "body", sp.S.Zero)
    for key, _ in proof.setting:
        if isinstance(key, sp.Basic):
            yield key


def _objects(term, writer, seen):
    """(key, name, how it prints) for each object of `term`: definitions, entries and their
    families, indexed entries and their bases, symbols, functions; the name is the one the user
    chose (checked for safety), None for an entry.  A base's label is the base, not a symbol of its
    own."""
    if term in seen:
        return
    seen.add(term)
    if isinstance(term, type):  # a defined family (p_i := …) or an undefined function, itself
        yield ("family", term.__name__), term.__name__, writer.name(sp.Symbol(term.__name__))
    elif isinstance(term, sp.Symbol) and hasattr(term, "body"):  # a defined constant
        yield ("definition", term.name), term.name, writer.constant(term.name)
    elif isinstance(term, sp.IndexedBase):
        yield ("base", term.label.name), term.label.name, writer.name(term.label)
    elif isinstance(term, sp.Indexed):
        yield ("indexed", _plain(term)), None, writer.expr(term)
        yield from _objects(term.base, writer, seen)
        for index in term.indices:
            yield from _objects(index, writer, seen)
    elif isinstance(term, sp.Symbol):  # a with and without assumptions: one object, once admitted
        yield ("symbol", term.name), term.name, writer.name(term)
    else:
        if isinstance(term, DefinedEntry):
            name = term.func.__name__
            yield ("entry", _plain(term)), None, writer.expr(term)
            yield ("family", name), name, writer.name(sp.Symbol(name))
        elif isinstance(term, AppliedUndef):
            name = term.func.__name__
            yield ("family", name), name, writer.name(sp.Symbol(name))
        for argument in term.args:
            yield from _objects(argument, writer, seen)


def _plain(term):
    """`term` with its symbols' sympy assumptions dropped: p_i with an integer i, as the user wrote
    it in a definition, and with the kernel's plain i, as its facts state it, are one entry (as x
    with and without assumptions is one symbol)."""
    return term.xreplace({symbol: sp.Symbol(symbol.name) for symbol in term.free_symbols
                          if isinstance(symbol, sp.Symbol) and not isinstance(symbol, sp.Dummy)
                          and symbol.assumptions0 != {"commutative": True}})


_BRACKETS = re.compile(r"\\left|\\right|\\langle|\\rangle|\||\\\||‖|⟨|⟩")


def _safe(name):
    return bool(SAFE_NAME.fullmatch(name)) or name in GREEK


# spacing a reader does not see as a character (\! only moves the next one)
_SPACING = re.compile(r"\\[,;:!> ]|~")
# one group's contents: letters, scripts and one level of inner braces
_GROUP = r"\{((?:[^{}]|\{[^{}]*\})*)\}"
# a font command around a word, which prints alike in any of them (NLL, \mathrm{NLL},
# \operatorname{NLL}), and \mathit around anything: math letters are italic already
_WORD = re.compile(r"\\(?:mathrm|operatorname|text|mathit)\s*\{\s*([A-Za-z]{2,})\s*\}")
_ITALIC = re.compile(r"\\mathit\s*" + _GROUP)
_BOLD = re.compile(r"\\(?:boldsymbol|bm)(?![A-Za-z])")
# a font around a command: the fonts change letters, and a Greek letter or a symbol prints in its
# own (a review: n=\\mathrm{\\Theta} printed as the set Θ, \\mathcal{\\theta} as θ,
# \\mathrm{\\infty} as ∞); only \\boldsymbol emboldens one
_FONT_AROUND_COMMAND = re.compile(r"\\(?:mathrm|mathit|mathbf|mathsf|mathtt|mathcal|mathbb|"
                                  r"mathfrak|mathscr|operatorname|text|textrm)\s*\{\s*"
                                  r"(\\[A-Za-z]+)\s*\}")
_WIDE_AS = {"widehat": "\\hat", "overline": "\\bar", "widetilde": "\\tilde",
            "overrightarrow": "\\vec"}
_WIDE = re.compile(r"\\(" + "|".join(_WIDE_AS) + r")(?![A-Za-z])")
_EMPTY_SCRIPT = re.compile(r"[_^]\s*\{\s*\}")
# one upright letter, in any of the ways of writing it (\operatorname{N} is \mathrm{N})
_UPRIGHT = re.compile(r"\\(?:operatorname|text|textrm)\s*\{\s*([A-Za-z0-9])\s*\}")
# a \text that holds more than a word or a letter (\text{+1}, \text{(0.0)})
_TEXT = re.compile(r"\\(?:text|textrm|mbox)\s*\{([^{}]*)\}")
# every font command, for the looser comparison of `_letters`
_FONTS = re.compile(r"\\(?:mathrm|mathit|mathbf|mathsf|mathtt|operatorname|text|textrm|"
                    r"boldsymbol|bm)(?![A-Za-z])")


@functools.lru_cache(maxsize=4096)  # a pure function of a string, asked again per line
def _normal(latex):
    """A rendering without what does not print, in one spelling of each look: spaces, braces,
    \\left and \\right and spacing commands left out, a word in any upright or italic font as
    its letters (a review: \\mathit{i} and i\\, printed as the index i, and
    \\mathrm{NLL}\\, as NLL, unnoticed), \\boldsymbol as \\mathbf.  A single upright letter
    keeps its font: \\mathrm{d} and \\mathrm{e} are not d and e."""
    latex = _SPACING.sub("", latex)
    latex = _BOLD.sub(r"\\mathbf", latex)
    # y' is y^{\prime} as TeX sets it, and a wide accent over one letter its narrow one (a
    # review: y=y' beside p=y^{\prime}, \hat{y} beside \widehat{y})
    latex = re.sub(r"'+", lambda primes: "^{" + "\\prime" * len(primes.group(0)) + "}", latex)
    latex = _WIDE.sub(lambda accent: _WIDE_AS[accent.group(1)], latex)
    for _ in range(3):  # nested fonts, innermost first
        latex = _FONT_AROUND_COMMAND.sub(r"\1", _EMPTY_SCRIPT.sub("", latex))
        latex = _ITALIC.sub(r"\1", _WORD.sub(r"\1", latex))
        latex = _UPRIGHT.sub(r"\\mathrm{\1}", latex)
    return re.sub(r"\\left|\\right|[{}\s]", "", latex)


@functools.lru_cache(maxsize=4096)  # a pure function of a string, asked again per line
def _letters(latex):
    """A rendering with its fonts left out, then normal: N, \\mathrm{N} and \\mathbf{N} are the
    same letter to a reader who does not compare glyphs, and \\mathrm{2} is the number 2."""
    return _normal(_FONTS.sub("", latex))


_SCRIPT = re.compile(r"_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[^\s{}\\])")
_ATOM = re.compile(r"\\(?:hat|widehat|bar|overline|tilde|widetilde|vec|dot|ddot|check|breve|"
                   r"mathcal|mathbb|mathfrak|mathbf|mathsf|mathtt|mathrm)\s*(?:" + _GROUP
                   + r"|\\[A-Za-z]+|[A-Za-z])|\\[A-Za-z]+|[^\W\d_]")


# commands that name no quantity: operators, functions, ∞
_NOT_ATOMS = {"\\" + name for name in ("cdot times top intercal prime ast star circ bullet log ln "
                                       "exp infty dagger partial nabla").split()}
# y^{(i)}, the i-th example's y: one letter or digit in brackets above a letter
# a subscript of letters: _{i}, _i, _{i,j}
_LETTER_SCRIPT = re.compile(r"_\s*\{\s*((?:[A-Za-z]|\\[A-Za-z]+)"
                            r"(?:\s*,\s*(?:[A-Za-z]|\\[A-Za-z]+))*)\s*\}|_\s*([A-Za-z])")
_LABEL = re.compile(r"\s*\^\s*\{\s*\(\s*([A-Za-z0-9])\s*\)\s*\}")


@functools.lru_cache(maxsize=4096)  # a pure function of a string, asked again per line
def _atoms(latex):
    """(head, head with its subscript) of each atom a reader sees in a printed formula: a letter,
    a word in an upright font, a Greek letter, a decorated or font-changed letter (\\hat{y},
    \\mathcal{L}), each with its primes and its subscript (x_i is x indexed by i); operators and
    digits are not atoms."""
    text = _normal_fonts(latex)
    atoms = []
    position = 0
    while True:
        match = _ATOM.search(text, position)
        if match is None:
            return tuple(atoms)  # cached: a caller must not change it
        end = match.end()
        primes = re.match(r"\s*'*", text[end:]).group(0)
        end += len(primes)
        label = _LABEL.match(text, end)  # y^{(i)}: y, labelled; the label is checked apart
        end = label.end() if label else end
        script = _SCRIPT.match(text, end)
        head = _normal(match.group(0)) + primes.strip()
        full = (head + (_normal(label.group(0)) if label else "")
                + ("_" + _normal(script.group(0)[1:]) if script else ""))
        if script and re.fullmatch(r"_?[A-Za-z]{2,}", _normal(script.group(0)[1:])):
            head = full  # a word below it names it (\mathcal{L}_{\mathrm{CE}}), no index
        # \left, \cdot, \log, and a font or an accent around no letter (\mathrm{2}, \hat{},
        # \mathrm{}): no quantity
        bare = re.fullmatch(r"\\[A-Za-z]+", match.group(0))  # \alpha, \ell
        inside = re.sub(r"^\\[A-Za-z]+\s*", "", match.group(0))
        lettered = re.search(r"[^\W\d_]", re.sub(r"\\[A-Za-z]+", "", inside)) or any(
            name in GREEK or name in ("ell", "imath", "jmath", "hbar")
            for name in re.findall(r"\\([A-Za-z]+)", inside))
        if head and head.rstrip("'") not in _NOT_ATOMS and (bare or lettered or head[0] != "\\"):
            atoms.append((head, full))
        position = script.end() if script else end


@functools.lru_cache(maxsize=4096)  # a pure function of a string, asked again per line
def _normal_fonts(latex):
    """`latex` with its spacing left out and its words as one atom each (\\mathrm{NLL} is the
    word NLL, written here as \\mathrm{NLL} again so that its letters stay together)."""
    latex = _BOLD.sub(r"\\mathbf", _SPACING.sub("", latex))
    latex = _FONT_AROUND_COMMAND.sub(r"\1", _EMPTY_SCRIPT.sub("", latex))
    latex = _UPRIGHT.sub(r"\\mathrm{\1}", latex)
    latex = _WORD.sub(lambda match: "\\mathrm{" + match.group(1) + "}", latex)
    latex = _TEXT.sub(r" \1 ", latex)  # \text{+1}: what it holds, no word
    return _ITALIC.sub(r"\1", latex)


# compared as printed (`_normal`, and as written with braces and spaces left out); E (a
# definition's name, an energy) is refused only as a symbol
PRINTED_RESERVED = ({re.sub(r"[{}\s]", "", name) for name in RESERVED}
                    | {_normal(name) for name in RESERVED})
# the reserved names as letters in any font, but d and i, which only upright are the differential
# and the imaginary unit
RESERVED_LETTERS = {_letters(name) for name in RESERVED} - {"d", "i"}
