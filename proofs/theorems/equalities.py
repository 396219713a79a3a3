"""The lines of an equality chain: the leaves of the kernel's trans tree, one line per change of
rule, each with the words a reader checks (a definition named, a lemma cited).

Imports the kernel's rules (to merge two leaves into one line) and `Proof`'s `Step`.
"""

from ..kernel import Defined
from ..kernel import rules as K
from ..proof import Step
from ..tree import tree_nodes

# the rule names a user may give as by= (catalogue names), with the words a reader sees
RULE_WORDS = {
    "log_of_product": "log of a product of positive factors", "log_of_mul": "log of a product",
    "log_of_pow": "log of a power", "log_of_exp": "log of an exponential",
    "sum_split": "linearity of the sum", "sum_factor": "a constant factor out of the sum",
    "sum_ones": "a sum of ones counts its terms", "ring": "algebra", "unfold": "definition",
    "rename_index": "renaming the summation index",
    "sum_peel": "a term taken out of the sum", "sum_shift": "shifting the summation index",
    "sum_empty": "the sum written out term by term",
    "power_as_exp": "a power of a positive base as an exponential",
    "function_as_exp": "the definitions of sinh, cosh and tanh by exp",
    "log_injective": "both sides positive, with equal logarithms",
    "sum_telescoping": "a telescoping sum", "gamma_of_count": "the Gamma function at an integer",
    "abs_identity": "rules of the absolute value",
    "abs_of_sign": "the absolute value of a number of known sign",
    "recurrence": "the recurrence of the factorial", "by_cases": "each value in turn",
    "binomial_as_factorials": "binomial coefficients as factorials",
    "swap_binders": "exchanging the order of summation",
    "binomial_theorem": "the binomial theorem",
}

# a library line's words: a log's rule names the positivity it rests on; a reflexive step none
LINE_WORDS = {**RULE_WORDS,
              "log_of_product": "log of a product of positive factors (<ref:positivity>)",
              "log_of_mul": "log of a product of positive numbers",
              "log_of_pow": "log of a power with a positive base", "refl": ""}


EXPANDED = ", expanded"
# a rewrite inside a term, named by the steps it makes there
PLUMBING = ("congruence", "binder_congruence")


def unfolded(th):
    """The names of the definitions `th`'s proof unfolds, in order (L, CE, p_i)."""
    return list(dict.fromkeys(_defined_name(node.statement.lhs) for node in tree_nodes(th)
                              if node.rule == "unfold"))


def _defined_name(defined):
    """A definition's name: a constant L, or a family's entry p(i), named p_i."""
    if isinstance(defined, Defined):
        return defined.name
    return "_".join([defined.func.__name__, *map(str, defined.args)])


def chain_leaves(theorem, link):
    """The steps a chain of `link` rules (trans, optimizers_trans) joins, in order."""
    if theorem.rule != link:
        return [theorem]
    return [leaf for premise in theorem.premises for leaf in chain_leaves(premise, link)]


def equality_steps(theorem):
    """Human steps of an equality chain: leaves of the trans tree, in order, one line per change
    of rule."""
    steps = []
    for leaf in chain_leaves(theorem, "trans"):
        words = justification(leaf)
        if steps and (steps[-1].justification == words or (steps[-1].rule, leaf.rule) == (
                "ring", "symm")):  # the right-hand side's own normal form is not a line to read
            merged = K.trans(steps[-1].theorem, leaf)
            steps[-1] = Step(leaf.statement.rhs, leaf.rule, words, merged)
        else:
            steps.append(Step(leaf.statement.rhs, leaf.rule, words, leaf))
    return steps


def justification(th):
    # several steps inside a term, named in order
    if th.rule in PLUMBING and th.premises[0].rule == "trans":
        inner = dict.fromkeys(_inner_words(th))
        # a per-observation identity such as log q_i = h_i
        if any(words.endswith(EXPANDED) for words in inner):
            return "the identity for one observation, both definitions expanded"
        return "in each term: " + "; ".join(words for words in inner if words)
    if th.rule in PLUMBING:
        return justification(th.premises[0])
    if th.rule == "symm":  # the right-hand side, its definitions unfolded, is the left-hand side
        names = unfolded(th)
        return (f"definition of {' and '.join(f'$<{name}>$' for name in names)}{EXPANDED}"
                if names else "the right-hand side expands to the same form")
    if th.rule == "unfold":
        return f"definition of $<{_defined_name(th.statement.lhs)}>$"
    if th.rule == "trans":  # a chain folded into one line: named after its first step
        return justification(th.premises[0])
    return LINE_WORDS.get(th.rule, th.rule.replace("_", " "))


def _inner_words(th):
    """The justifications of the steps a congruence makes inside a term, nested congruences
    flattened."""
    if th.rule in PLUMBING and th.premises[0].rule == "trans":
        leaves = chain_leaves(th.premises[0], "trans")
        return [words for leaf in leaves for words in _inner_words(leaf)]
    if th.rule in PLUMBING:
        return _inner_words(th.premises[0])
    return [justification(th)]
