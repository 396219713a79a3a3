"""Walking a proof tree: every kernel theorem below some theorems, each shared node once, and the
shape of a product's positivity.

Imports nothing from the package: the kernel's theorems carry their premises, and both
`proofs.proof` and the renderers walk them through this module (so neither imports the other to do
it).
"""

import sympy as sp


def tree_nodes(*theorems):
    """Every theorem of the proof trees below `theorems`, each shared node once (depth first)."""
    seen, stack = set(), list(theorems)
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            yield node
            stack.extend(node.premises)


def stated_factor(theorem):
    """(⊢ f_i > 0, (i, 1, n)) when `theorem` shows a defined product L > 0 from its factors'
    positivity (L unfolded, then a finite product ∏_{i=1}^{n} f_i of positive factors): the fact
    a positivity lemma states beside L > 0, and which a log of that product may cite it for; else
    None."""
    if theorem.rule != "member_of_equal":
        return None
    product = theorem.premises[1]
    if product.rule != "member_binder" or not isinstance(product.statement.expr, sp.Product):
        return None
    (limits,) = product.statement.expr.limits
    return (product.premises[0], limits) if limits[1] == 1 else None


def ranged_binder(theorem):
    """The sum or product whose terms a `member_binder` fact shows, a `binder_congruence`
    rewrites, or a `log_of_product` takes positive, at the index's values only (its premise ranges
    the index: 1/i > 0 for i ∈ ℕ, Σ_{j=1}^{i} 1 = i for i ∈ ℕ, log ∏_{i=1}^{n} i), or None."""
    if theorem.rule == "member_binder":
        binder = theorem.statement.expr
    elif theorem.rule == "binder_congruence":
        binder = theorem.statement.lhs
    elif theorem.rule == "log_of_product":
        binder = theorem.statement.lhs.args[0]
    else:
        return None
    var = binder.limits[-1][0]
    return binder if theorem.premises[0].context.lookup(var) is not None else None


def ranged_index(theorem):
    """The index of the sum or product `ranged_binder` gives, or None."""
    binder = ranged_binder(theorem)
    return None if binder is None else binder.limits[-1][0]


def instantiated(theorem):
    """(x, e) of an `instantiate` fact Γ ⊢ J(e) from Γ, x ∈ S ⊢ J(x) (x free in J, and in S = ℝ
    where Γ did not mention it): the symbol whose replacement by e gives J(e), else None."""
    if theorem.rule != "instantiate":
        return None
    general, fact = theorem.premises
    value = fact.statement.expr
    symbols = sorted({symbol for term in general.statement.terms for symbol in term.free_symbols
                      if type(symbol) is sp.Symbol}, key=str)
    # sympy's subs (a bound index is left alone) is the kernel's substitution where no bound
    # index captures the value's symbols; for naming the symbol on the page that suffices
    found = [symbol for symbol in symbols if all(
        term.subs(symbol, value) == after
        for term, after in zip(general.statement.terms, theorem.statement.terms))]
    ranged = [symbol for symbol in found if theorem.context.lookup(symbol) is None
              and general.context.lookup(symbol) is not None]
    found = ranged or found
    return (found[0], value) if len(found) == 1 else None


def case_variable(theorem):
    """The symbol a fact shown by cases (`by_cases`) splits the range of: the one a case ranges
    otherwise than the fact; None when neither does (a case that is the whole range)."""
    return next((key for premise in theorem.premises for key, real_set in premise.context.entries
                 if theorem.context.lookup(key) != real_set), None)


def case_leaves(theorem):
    """The cases a fact shown by cases rests on, cases of cases listed in their place: the premises
    below the `by_cases` nodes, in order."""
    return [leaf for premise in theorem.premises
            for leaf in (case_leaves(premise) if premise.rule == "by_cases" else [premise])]
