"""The style-independent layout of a proof: numbered sections, rows of (left, relation, right,
justification).

Imports sympy, the kernel's judgements and the notation writer.  Text, LaTeX and Markdown all render
this one layout, so the three outputs cannot drift apart.
"""

import functools
import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from ..errors import RenderError
from ..kernel import Defined, Equal, Member, SameOptimizers, StrictlyIncreasing
from ..kernel.terms import DefinedEntry, free_vars
from ..tree import stated_factor, tree_nodes
from .apart import check_printed_apart
from .notation import Writer
from .plain import plain


@dataclass
class Row:
    left: str
    relation: str
    right: str
    justification: str


@dataclass
class Block:
    kind: str          # "lemma" / "theorem"
    number: int
    name: str
    label: str
    statement: str
    rows: list
    remark: str = ""  # written out: the notation's names and the lemmas' numbers filled in
    universal: bool = True   # "for every θ" (not for a fact about log alone, nor for arg max_θ)
    optimizers: bool = False  # a statement about sets of optimizers
    increasing: bool = False  # a statement "x ↦ g is strictly increasing on I"
    summary: str = ""         # at paper detail, the proof of a chain of facts as one sentence
    factors: tuple = ()       # ('i = 1, …, n', 'f_i > 0' or '', 'L(θ)'): a product's positive
                              # factors, stated with it, which a log-of-product step cites
    indices: str = ""         # 'i = 1, …, n': the indices free in the statement (log q_i = h_i)
    relies: frozenset = None  # of a theorem: the quantities and definitions its statement mentions
                              # (None: all the setting's)


def for_every(block, theta, math):
    """'For every θ' or, when the statement has free indices, 'For every θ and i = 1, …, n'."""
    return f"For every {theta} and {math(block.indices)}" if block.indices else f"For every {theta}"


def fact_sentence(section, writer, justify, math):
    """The facts of a proof as one sentence: 'By assumption, p_i ∈ (0, 1) and n ∈ {1, 2, …}. Hence
    1 − p_i ∈ (0, 1) (bounds of a sum), …, and so L(θ) > 0 (product of positive numbers, finite
    product of positive factors, by definition).'  A fact short enough to read inline is shown with
    its reason; a longer one by its reason alone, in the conclusion's, so that no column has to fit
    a long formula.  Facts about numbers (√2 > 0) are left to the reader, but for bounds that
    need more than their form (log 3 > 1)."""
    assumed, groups, reasons = [], [], []  # groups: consecutive short facts with the same reason
    # the conclusion is kept even when it is about numbers (the claim √2 > 0 itself), and so are
    # bounds of a number beyond what its form gives (log 3 > 1, by exact rational bounds)
    steps = [step for step in section.steps[:-1]
             if not (isinstance(step.statement, Member) and _about_numbers(step.statement.expr))
             or step.rule == "member_monotone"]
    steps.append(section.steps[-1])
    families = set()  # the families an assumption was stated for: z_{i,j} ∈ ℝ, not z_{i,k} again
    # the two bounds a meet rests on ("both bounds above") and the equation a bound rests on ("by
    # the equation above") are stated however wide, so that the words point at something shown
    met = {id(premise) for node in tree_nodes(steps[-1].theorem) if node.rule == "member_meet"
           for premise in node.premises}
    for step in steps[:-1]:
        written = writer.statement(step.statement)
        # (a case's range or the interior a derivative's sign is shown on is no assumption: it
        # is listed with its words, 'inside the case')
        if step.rule == "assumption" and step.justification == "assumption":
            expr = step.statement.expr
            family = (expr.base, step.statement.set) if isinstance(expr, sp.Indexed) else written
            if family not in families:
                assumed.append(math(written))
            families.add(family)
            continue
        reason = justify(step.justification, step.formulas)
        if _width(written, writer) > SHORT_FACT and not isinstance(step.statement, Equal) \
                and id(step.theorem) not in met:
            reasons.append((reason, step.theorem.statement))
            continue
        # the reasons of the facts too long to show go with the first fact shown that rests on
        # them (p_i ∈ (0, 1) by a reciprocal and the definition, not by the definition alone)
        below = [node.statement for node in tree_nodes(step.theorem)]
        used = [why for why, fact in reasons if fact in below]
        reasons = [(why, fact) for why, fact in reasons if fact not in below]
        reason = ", ".join(dict.fromkeys(used + [reason]))
        if groups and groups[-1][1] == reason:
            groups[-1][0].append(math(written))
        else:
            groups.append(([math(written)], reason))
    last = steps[-1]
    # the reasons of the facts too long to show that no fact shown rests on, then the conclusion's
    why = ", ".join(dict.fromkeys([why for why, _ in reasons] + [justify(last.justification,
                                                                          last.formulas)]))
    conclusion = f"{math(writer.statement(last.statement))} ({why})"
    sentence = f"By assumption, {_listed(assumed)}. " if assumed else ""
    lead = "Hence " if assumed else "We have "
    parts = [f"{_listed(shown)} ({reason})" for shown, reason in groups]
    if parts:
        return sentence + lead + ", ".join(parts) + f", and so {conclusion}."
    return sentence + ("Hence " if assumed else "") + conclusion + "."


@functools.lru_cache(maxsize=4096)
def _about_numbers(expr):
    """Whether a term mentions no quantity (√2), memoized: sympy walks a definition's body on
    each call of free_symbols, and each output of each proof asks again."""
    return not expr.free_symbols


SHORT_FACT = 24  # characters: a fact this wide fits inline even in a column of a two-column class


def _width(written, writer):
    if writer.style != "latex":
        return len(written)
    from .latex import visible_length  # the renderers import this module
    return visible_length(written)


def _listed(items):
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def fill(text, writer, reference, numbers, formulas=()):
    """Replace <L>, <CE>, <n>, <log>, <theta> by the notation, <ref:label> by a cross-reference and
    <math:k> by the k-th of `formulas` (statements the engine wrote into its words)."""
    def one(match):
        key = match.group(1)
        if key.startswith("ref:"):
            label = key[4:]
            return reference(label, known(label))
        return writer.names[key] if key in writer.names else writer.constant(key)

    def formula(match):  # set as the words' own mathematics is, between $ signs
        return f"${_inequality(writer, formulas[int(match.group(1))])}$"

    def known(label):  # a reference to no lemma would print "Lemma ??" (and break Typst)
        if label not in numbers:
            listed = ", ".join(sorted(numbers)) or "none"
            raise RenderError(f"<ref:{label}> names no lemma or theorem of this proof (their "
                              f"labels: {listed})")
        return numbers[label]

    def several(match):  # "<ref:a>, <ref:b>": "Lemmas 1 and 3", as a reader writes it
        labels = re.findall(r"<ref:([a-z0-9-]+)>", match.group(0))
        cited = [reference(label, known(label)) for label in labels]
        if not all(citation.startswith("Lemma") for citation in cited):
            return ", ".join(cited)
        rest = [citation[len("Lemma"):] for citation in cited]
        return "Lemmas" + ",".join(rest[:-1]) + " and" + rest[-1]
    text = re.sub(r"<ref:[a-z0-9-]+>(?:, <ref:[a-z0-9-]+>)+", several, text)
    text = re.sub(r"<([A-Za-z_]+|ref:[a-z0-9-]+)>", one, text)
    if writer.style == "latex":
        return re.sub(r"<math:([0-9]+)>", formula, text)
    # the text writer's formulas are Unicode already: set in after the words' LaTeX is
    pieces = re.split(r"<math:([0-9]+)>", text)
    return "".join(plain(piece) if position % 2 == 0 else
                   _inequality(writer, formulas[int(piece)])
                   for position, piece in enumerate(pieces))


def _inequality(writer, statement):
    """A statement as a justification states it: a range that is a half-line as the inequality it
    is ((x − y)² ≥ 0, not (x − y)² ∈ [0, ∞))."""
    real_set = statement.set if isinstance(statement, Member) else None
    if not isinstance(real_set, sp.Interval) or real_set.inf.is_infinite == \
            real_set.sup.is_infinite:
        return writer.statement(statement)
    if real_set.sup == sp.oo:
        relation, end = (">" if real_set.left_open else "≥"), real_set.inf
    else:
        relation, end = ("<" if real_set.right_open else "≤"), real_set.sup
    return f"{writer(statement.expr)} {RELATION_SIGNS[writer.style][relation]} {writer(end)}"


def layout(proof, writer, reference, detail="full", math=lambda formula: formula):
    """Blocks for every section.  `reference(label, number)` writes a cross-reference in the target
    style; at `detail` "paper" a proof made of facts (positivity, monotonicity) is one sentence,
    each formula passed through `math`."""
    numbers = lemma_numbers(proof)

    blocks = []
    for position, section in enumerate(proof.sections, start=1):
        rows, summary = [], ""
        if section.start is not None:
            left = side(writer, section.start)
            for step in section.steps:
                relation = RELATION_SIGNS[writer.style].get(step.relation, "=")
                rows.append(Row(left, relation, side(writer, step.rhs),
                                fill(step.justification, writer, reference, numbers,
                                     step.formulas)))
                left = ""
        elif detail == "paper":
            def justify(text, formulas=()):
                return fill(text, writer, reference, numbers, formulas)
            summary = fact_sentence(section, writer, justify, math)
        else:
            for step in section.steps:
                rows.append(Row(writer.statement(step.statement), "", "",
                                fill(step.justification, writer, reference, numbers,
                                     step.formulas)))
        # the theorem is counted with the lemmas, as the LaTeX and Typst pages number it
        number = numbers.get(section.label, position)
        statement = section.statement.statement
        shown = writer.statement(statement, parameter_set(proof, writer))
        if section.claim:  # a chain's own relation between its ends: a < b rather than b − a > 0
            lhs, relation, rhs = section.claim
            shown = f"{writer(lhs)} {RELATION_SIGNS[writer.style][relation]} {writer(rhs)}"
        remark = fill(section.remark, writer, reference, numbers) if section.remark else ""
        blocks.append(Block(section.kind, number, section.name, section.label, shown, rows,
                            remark,
                            # θ is bound in arg max_θ and x in x ↦ log x: no "for every θ"
                            universal=parametric(proof) and not isinstance(
                                statement, (StrictlyIncreasing, SameOptimizers)),
                            optimizers=isinstance(statement, SameOptimizers),
                            increasing=isinstance(statement, StrictlyIncreasing), summary=summary,
                            factors=positive_factors(section.statement, writer),
                            indices=free_indices(proof, statement, writer),
                            relies=relied_on(section.statement) if section.kind == "theorem"
                            else None))
    return blocks


@functools.lru_cache(maxsize=256)  # a theorem is immutable, and each output format asks again
def relied_on(theorem):
    """The quantities and definitions a theorem's statement mentions (definitions' bodies
    included), each body walked once: what its statement must assume.  The range of a quantity it
    does not mention is no hypothesis it needs (the ranges are never empty: the boundary refuses an
    empty set)."""
    found, stack = set(), list(theorem.statement.terms)
    while stack:
        for node in sp.preorder_traversal(stack.pop()):
            definition = node if isinstance(node, Defined) else (
                node.func if isinstance(node, DefinedEntry) else None)
            if definition is not None and definition not in found:
                found.add(definition)
                stack.append(definition.body)
            elif isinstance(node, (sp.Symbol, sp.IndexedBase)):
                found.add(node)
            elif isinstance(node, AppliedUndef):
                found.add(node.func)
    return frozenset(found)


def free_indices(proof, statement, writer):
    """'i = 1, …, n' for the indices free in a statement, each with the range the definitions' sums
    and products give it ('' when there is none)."""
    # the kernel's memoized free variables: sympy walks a definition's whole body again on each
    # call of free_symbols, and each block of each output asks
    free = set().union(*(free_vars(term) for term in statement.terms))
    return " and ".join(_ranges(proof, writer, free))


def positive_factors(theorem, writer):
    """('i = 1, …, n', 'f_i > 0', 'L(θ)') when `theorem` shows a defined product L > 0 from its
    factors' positivity (L unfolded, then a finite product of positive factors), else (); the fact
    is '' when too wide to read inline (or to fit a column), and is then said in words."""
    stated = stated_factor(theorem)
    if stated is None:
        return ()
    factor, (var, _, high) = stated
    fact = writer.statement(factor.statement)
    values = factor.statement.set
    return (_counted(writer, writer(var), high),
            fact if _width(fact, writer) <= SHORT_FACT else "", writer(theorem.statement.expr),
            None if values == sp.Interval.open(0, sp.oo) else writer.real_set(values))


def factors_lead(block, theta, math):
    """What a product's positivity lemma states before its display: 'For every θ and i = 1, …, n,
    f_i > 0, and so', or 'For every θ, each factor of the product L(θ) is positive, and so' ('lies
    in (0, 1]' for factors shown there) (`theta`: θ as the output writes it, None when the
    statement is not about every θ)."""
    indices, fact, product, values = block.factors
    if fact:
        head = f"For every {theta} and " if theta else "For "
        return f"{head}{math(indices)}, {math(fact)}, and so"
    head = f"For every {theta}, each" if theta else "Each"
    where = "is positive" if values is None else f"lies in {math(values)}"
    return f"{head} factor of the product {math(product)} {where}, and so"


def side(writer, value):
    """One side of a chain: an expression, or (sense, objective) for a set of optimizers."""
    if isinstance(value, tuple):
        return writer.argopt(*value)
    return writer(value)


def lemma_numbers(proof):
    """label -> the section's number: lemmas and theorems share one counter, in the order of the
    sections, as the LaTeX and Typst pages number them (a lemma after a theorem is Lemma 3)."""
    return {section.label: number for number, section in enumerate(proof.sections, start=1)}


def cited(proof, label):
    """'Lemma' or 'Theorem': the word a cross-reference to the section labelled `label` uses."""
    kinds = {section.label: section.kind for section in proof.sections}
    return "Theorem" if kinds.get(label) == "theorem" else "Lemma"


def parameter_symbol(proof):
    """The one real number the optimization varies, when it varies one (logistic's w): the parameter
    itself, written where the others write θ; None when it varies families p_i(θ) or a function."""
    over = tuple(proof.symbols.get("over", ()))
    if len(over) == 1 and isinstance(over[0], sp.Symbol):
        return over[0]
    return None


def parameter_range(proof):
    """(the symbol that is the parameter, the set the setting gives it), or None."""
    symbol = parameter_symbol(proof)
    ranges = [real_set for expr, real_set in proof.setting if expr == symbol]
    return (symbol, ranges[0]) if symbol is not None and ranges else None


def parameter_set(proof, writer):
    """The set the parameter ranges over, as the statements name it under arg max: the symbol's own
    range (ℝ for logistic's w), else Θ, which the setting introduces ("every parameter θ in a set
    Θ"); None when the proof has no parameter."""
    if not parametric(proof):
        return None
    if parameter_range(proof):
        return writer.real_set(parameter_range(proof)[1])
    return "\\Theta" if writer.style == "latex" else "Θ"


def writer_for(proof, style, notation):
    """The writer of a proof in `style`: the notation's names, and a parameter that is one symbol
    (w) named as itself rather than θ unless the notation names it."""
    symbol = parameter_symbol(proof)
    given = dict(notation).get("theta")
    if symbol is not None and given is not None and re.sub(r"[{}\s]", "", given) != sp.latex(
            symbol):
        # the formulas write the parameter as itself (w): a second name for it would show
        # L(u) beside σ(w x_i), or name another symbol (theta=v beside a v of the claim)
        raise RenderError(f"the parameter of this proof is the symbol {symbol}, which the "
                          f"formulas write as itself: leave out the notation theta={given}")
    if symbol is not None and given is None:
        notation = tuple(notation) + (("theta", sp.latex(symbol)),)
    writer = Writer(style, notation, parametric(proof))
    # what the page shows must be what was proved: objects printed alike are refused
    parameter = symbol is None and parametric(proof)
    check_printed_apart(proof, writer if style == "latex" else Writer("latex", notation,
                                                                      parametric(proof)),
                        parameter=parameter)
    if style == "text":  # the terminal drops \boldsymbol, \hat, …: CE=\boldsymbol{L} prints L
        check_printed_apart(proof, writer, parameter=parameter)
    return writer


def setting_items(proof, writer, math=lambda formula: formula, relies=None):
    """'x ∈ S' for each item of the setting (of the quantities in `relies`, when given); a quantity
    the optimization varies is written at the parameter, p_i(θ) ∈ (0, 1), so that the statement
    shows what depends on θ.  A parameter that is one symbol is left to the tail ("every w ∈
    ℝ")."""
    over = set(proof.symbols.get("over", ()))
    parameter = parameter_symbol(proof)
    items = []
    # single quantities first, then the families that "for i = 1, …, n" after them indexes (a σ
    # listed after y_i would read as indexed too), then the values of functions at them (f(x_i)
    # after x_i is introduced)
    for expr, real_set in sorted(proof.setting, key=lambda item: (
            isinstance(item[0], sp.Indexed) or _applied(item[0]), _applied(item[0]))):
        quantity = expr.base if isinstance(expr, sp.Indexed) else (
            expr.func if _applied(expr) else expr)
        if expr == parameter or (relies is not None and quantity not in relies):
            continue
        shown = writer(expr)
        if _applied(expr):  # "a function C with C(p_i) ∈ (0, ∞)": C is introduced, not assumed
            items.append(f"a function {math(writer(expr.func))} with "
                         f"{math(shown + writer.t['in'] + writer.real_set(real_set))}")
            continue
        # a notation that writes the entry as an expression (p_i=\sigma(w^\top x_i)) shows the
        # dependence itself
        if (expr.base if isinstance(expr, sp.Indexed) else expr) in over and writer.is_atom(expr):
            shown = writer.t["call"].format(name=shown, arg=writer.names["theta"])
        items.append(math(shown + writer.t["in"] + writer.real_set(real_set)))
    return items


def _applied(expr):
    """Whether `expr` is a function's value, C(p_i), of a function the setting introduces."""
    return isinstance(expr, sp.core.function.AppliedUndef)


def hypotheses(proof, writer, math, block=None):
    """What the theorem's statement assumes, so that it stands alone: 'Let n ∈ ℕ, …, for i = 1,
    …, n and every parameter θ, and let L(θ) and CE(θ) be as defined above. Then' ('' when the
    setting is empty); of a block, only what it relies on (a derivation's second theorem need not
    name the first one's x)."""
    relies = None if block is None else block.relies
    items = setting_items(proof, writer, math, relies)
    if not items:
        return ""
    names = [math(name) for definition, (name, _) in zip(proof.definitions,
                                                         definitions(proof, writer))
             if relies is None or definition in relies]
    defined = f", and let {_listed(names)} be as defined above" if names else ""
    indexed = relies is None or any(isinstance(expr, sp.Indexed) and expr.base in relies
                                    for expr, _ in proof.setting)
    tail = setting_tail(proof, writer, math, short=True, indexed=indexed)
    return "Let " + ", ".join(items) + tail + defined + ". Then"


def setting_sentence(proof, writer, math):
    """The setting paragraph's words after its heading: 'Let n ∈ …, … for i = 1, …, n …, and
    define' (or 'Define', or 'Let … .'), each formula through `math`; '' for an empty setting."""
    items = setting_items(proof, writer, math)
    defined = bool(definitions(proof, writer))
    if not items and not defined:
        return ""
    let = "Let " + ", ".join(items) + setting_tail(proof, writer, math) if items else ""
    return let + ((", and define" if items else "Define") if defined else ".")


def lead(proof, writer, block, math):
    """The words before a block's displayed statement: 'For every θ,', 'The map', 'As sets of
    optimizers,', and for the theorem its hypotheses first ('Let … Then, as sets of
    optimizers,')."""
    words = f"{for_every(block, math(writer.names['theta']), math)}," if block.universal else (
        "The map" if block.increasing else "")
    if block.factors:  # the factors' positivity, which a log-of-product step cites
        words = factors_lead(block, math(writer.names["theta"]) if block.universal else None, math)
    if block.optimizers:  # said before the display, which a column then fits
        words = "As sets of optimizers,"
    if block.kind == "theorem":  # the main result states its hypotheses: "Let … Then, …"
        given = hypotheses(proof, writer, math, block)
        words = f"{given}, {words[0].lower()}{words[1:]}" if given and words else given or words
    return words


def parametric(proof):
    """Whether the proof's definitions depend on a parameter θ (the library's do; a derivation's
    only when it makes a claim about optimizers)."""
    return proof.symbols.get("parametric", True)


def setting_tail(proof, writer, math, short=False, indexed=True):
    """What follows the setting's items: ' for i = 1, …, n and every parameter θ in a set Θ (only
    p_i depends on θ, and we write p_i for p_i(θ))' (each formula passed through `math`), or only
    what applies; `short` (a theorem's statement) leaves out how the formulas write p_i(θ), and
    without `indexed` (no family among the items) the indices' range."""
    parts = []
    if indexed and "index" in proof.symbols and "size" in proof.symbols:
        ranges = [math(index_range(proof, writer))] + [math(text) for text in _other_ranges(
            proof, writer)]
        parts.append("for " + ", for ".join(ranges))
    if parameter_range(proof):  # the parameter and its set: "every w ∈ ℝ"
        symbol, real_set = parameter_range(proof)
        parts.append(f"every {math(writer(symbol) + writer.t['in'] + writer.real_set(real_set))}")
    elif parametric(proof):
        theta = math(writer.names["theta"])
        space = math(parameter_set(proof, writer))
        # a function the optimization varies (a network's f) cannot be written at θ like p_i(θ)
        functions = [math(writer(quantity)) for quantity in proof.symbols.get("over", ())
                     if isinstance(quantity, sp.FunctionClass)]
        depends = f" ({', '.join(functions)} depends on {theta})" if functions else ""
        varying = [expr for expr, _ in proof.setting
                   if isinstance(expr, sp.Indexed) and expr.base in proof.symbols.get("over", ())]
        if varying and not functions:  # what depends on θ, and how the formulas below write it
            listed = _listed([math(writer(expr)) for expr in varying])
            verb = "depends" if len(varying) == 1 else "depend"
            # a notation that writes the entry as an expression (p_i=\sigma(w^\top x_i)) shows
            # its θ itself: "we write σ(wᵀx_i) for σ(wᵀx_i)(w)" would say nothing
            atoms = [writer(expr) for expr in varying if writer.is_atom(expr)]
            written = "" if short or not atoms else (
                f", and we write {_listed([math(name) for name in atoms])} for " + _listed(
                    [math(writer.t["call"].format(name=name, arg=writer.names["theta"]))
                     for name in atoms]))
            depends = f" (only {listed} {verb} on {theta}{written})"
        parts.append(f"every parameter {theta} in a set {space}{depends}")
    if len(parts) == 1 and not parts[0].startswith("for "):
        parts[0] = "for " + parts[0]
    return " " + " and ".join(parts) if parts else ""


RELATION_SIGNS = {"latex": {"=": "=", "<": "<", ">": ">", "≤": r"\leq", "≥": r"\geq"},
                  "text": {"=": "=", "<": "<", ">": ">", "≤": "≤", "≥": "≥"}}


def index_range(proof, writer):
    """'i = 1, …, n' in the writer's notation."""
    return _counted(writer, writer(proof.symbols["index"]), proof.symbols["size"])


def _counted(writer, indices, high):
    """'i = 1, …, n' (`indices` written, 'j, k' for several) in the writer's notation."""
    dots = "\\dots" if writer.style == "latex" else "…"
    return f"{indices} = 1, {dots}, {writer(high)}"


def _other_ranges(proof, writer):
    """'j, k = 1, …, K' for the indices other than the sample's that the setting's families carry
    (y_{i,k}), with the range the definitions' sums and products give them."""
    carried = {index for expr, _ in proof.setting if isinstance(expr, sp.Indexed)
               for index in expr.indices if isinstance(index, sp.Symbol)}
    carried.discard(proof.symbols.get("index"))
    return _ranges(proof, writer, carried)


def _ranges(proof, writer, indices):
    """'j, k = 1, …, K' for each size, for those of `indices` that the definitions' sums and
    products run over from 1."""
    bounds = {}
    for var, high in ranges_from_one(proof.definitions):
        if var in indices:
            bounds.setdefault(high, set()).add(var)
    return [_counted(writer, ", ".join(writer(var) for var in sorted(names, key=str)), high)
            for high, names in bounds.items()]


def ranges_from_one(definitions):
    """(index, size) of every limit of the definitions' sums and products that runs from 1 to a
    size free of the indices around it (k = 1, …, i inside a sum over i is no range a setting
    can state); Derivation checks its lines against the same list."""
    found = []

    def walk(expr, bound):
        if isinstance(expr, (sp.Sum, sp.Product)):
            inner = set(bound)
            for var, low, high in reversed(expr.limits):  # the last limit is the outermost
                if low == 1 and not sp.sympify(high).free_symbols & (inner | {var}):
                    found.append((var, high))
                inner.add(var)
            walk(expr.function, inner)
            return
        for argument in expr.args:
            walk(argument, bound)

    for definition in definitions:
        walk(definition.body, set())
    return found


def definitions(proof, writer):
    """(name, body) of each definition: a constant c, or a family's entry p_i written at its
    parameters."""
    rows = []
    for definition in proof.definitions:
        if isinstance(definition, Defined):
            rows.append((writer(definition), writer(definition.body)))
        else:
            rows.append((writer(definition(*definition.params)), writer(definition.body)))
    return rows


def split_exponent(exponent):
    """(G, c, b) with exponent = −c·G + b, G the one defined objective in it and c, b free of it;
    None when the exponent has no such form (Derivation.corollary checks c > 0)."""
    objectives = {atom for atom in sp.preorder_traversal(exponent) if isinstance(atom, Defined)}
    if len(objectives) != 1:
        return None
    objective = objectives.pop()
    expanded = sp.expand(exponent)
    slope = expanded.coeff(objective)
    rest = sp.expand(expanded - slope * objective)
    if slope == 0 or slope.has(objective) or rest.has(objective):
        return None
    return objective, -slope, rest


def value_link(proof, writer):
    """The optimal-value corollary, written out: L(θ) = exp(−c·CE(θ)) and max L = exp(−c·min CE),
    with a constant beside it when the exponent has one (exp(−n·NLL − C), max L = exp(−n·min NLL −
    C))."""
    link = proof.corollaries[0].statement
    objective, scale, rest = split_exponent(link.rhs.args[0])
    theta = writer.names["theta"]
    minimum = f"\\min_{{{theta}}}" if writer.style == "latex" else f"min_{theta} "
    maximum = f"\\max_{{{theta}}}" if writer.style == "latex" else f"max_{theta} "
    ce = writer.constant(objective.name)  # \mathrm{NLL}, as the definitions print it
    factor = "" if scale == 1 else writer(scale) + (" \\cdot " if writer.style == "latex" else "·")
    exp = "\\exp" if writer.style == "latex" else "exp"
    shift = ""  # the constant after −c·min G, with its sign
    if rest != 0:
        negative = rest.could_extract_minus_sign()
        shift = f" {'-' if negative else '+'} {writer(-rest if negative else rest)}"
    return (f"{writer(link.lhs)} = {writer(link.rhs)}",
            f"{maximum} {likelihood_name(link, writer)} = {exp}(-{factor}{minimum} {ce}{shift})"
            .replace("  ", " "))


def likelihood_name(link, writer):
    """The name of the corollary's left side (L, or a user's P), as the sentence says it."""
    lhs = link.lhs
    return writer.constant(lhs.name) if isinstance(lhs, Defined) else writer(lhs)


def value_sentence(proof, writer, reference, math):
    """The optimal-value corollary as a sentence with its reasons: 'Moreover, for every θ,
    L(θ) = exp(−n·CE(θ)) by Lemma 2 and as L > 0; hence, when optimizers exist, max L =
    exp(−n·min CE).' (the lemma cited when the proof has the log-likelihood identity; formulas
    through `math`).  Words on both sides of the first formula let a narrow column break the
    line; after 'by Lemma 2 and as L > 0,' it ran 17 pt into acmart's margin."""
    pointwise, values = value_link(proof, writer)
    numbers = lemma_numbers(proof)
    positive = math(f"{likelihood_name(proof.corollaries[0].statement, writer)} > 0")
    # the lemmas the corollary's proof rests on, whatever their labels: a lemma labelled
    # 'identity' that it does not use is no reason (a review found one cited)
    nodes = {id(node) for node in tree_nodes(proof.corollaries[0])}
    used = [section for section in proof.sections
            if id(section.statement) in nodes and section.label in numbers]
    # L > 0 cites the positivity lemma beside it, the identity is cited by the sentence
    facts = [section for section in used if isinstance(section.statement.statement, Member)]
    identities = [section for section in used if section not in facts]

    def cited(sections):
        return " and ".join(reference(section.label, numbers[section.label])
                            for section in sections)
    if facts:
        positive += f" ({cited(facts)})"
    because = f"by {cited(identities)} and as {positive}" if identities else f"as {positive}"
    return (f"Moreover, for every {math(writer.names['theta'])}, {math(pointwise)} {because}; "
            f"hence, when optimizers exist, {math(values)}.")


def kernel_theorems(count):
    """'1 kernel theorem', '17 kernel theorems'."""
    return f"{count} kernel theorem{'' if count == 1 else 's'}"


def count_checks(proof):
    """How many kernel theorems the proof's lines rest on (the trees of the final theorem, the
    corollaries and every other theorem a line cites; shared nodes counted once)."""
    return sum(1 for _ in tree_nodes(proof.theorem, *proof.corollaries, *proof.checked))


__all__ = ["Row", "Block", "layout", "side", "setting_items", "setting_tail", "parametric",
           "parameter_symbol", "writer_for", "index_range",
           "definitions", "value_link", "split_exponent", "ranges_from_one", "value_sentence",
           "setting_sentence",
           "lead",
           "lemma_numbers", "cited", "parameter_range",
           "count_checks", "kernel_theorems", "plain", "fill"]
