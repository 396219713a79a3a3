"""Sets of optimizers: take logs, drop constant terms, flip signs and remove positive scales
(imports the kernel, positivity, normal forms and monotonicity).

Every relation here is pointwise, so it holds for any parametrization θ ↦ (quantities in `over`) and
never assumes a unique optimum.
"""

import itertools

import sympy as sp
from sympy.polys.polyerrors import BasePolynomialError

from ..errors import ProofError, SideConditionError
from ..kernel import hull, mentions
from ..kernel import rules as K
from .monotonicity import log_is_strictly_increasing, prove_strictly_increasing
from .normal_form import (chain_equal, congruence, expand_atoms, first_index, normalized, on_atoms,
                          prove_equal, with_label_bodies)
from .positivity import prove_member, prove_needs, prove_positive, try_positive

OTHER = {"max": "min", "min": "max"}


def changes_shown(context, before, after, known=()):
    """Facts for the conditions on which sympy's evaluation of `after` changes where `before` is
    defined (the optimizer rules ask for them)."""
    return prove_needs(context, sorted(K.evaluation_changes(before, after, known), key=str))


def chain(*steps):
    """Compose optimizer-set equalities left to right."""
    th = steps[0]
    for step in steps[1:]:
        th = K.optimizers_trans(th, step)
    return th


def _takes_log(context, f):
    """Whether an objective's log is taken first: f is shown positive and no log already."""
    return try_positive(context, f) is not None and not isinstance(f, sp.log)


def log_step(context, f, over, sense):
    """⊢ arg f = arg log f, from f > 0 and log strictly increasing on (0, ∞)."""
    return K.transfer_increasing(log_is_strictly_increasing(), prove_positive(context, f), over,
                                 sense)


def affine_candidate(context, f, g, over, lemmas=(), multiply=True):
    """Untrusted search for c, d free of `over` with f = c·g + d (checked afterwards by the kernel),
    on normal forms with or without sums and products multiplied out."""
    index = first_index(f, g)
    nf, ng = (normalized(context, e, index, tuple(lemmas), multiply)[0].statement.rhs
              for e in (f, g))
    dep_f, dep_g = _depending(nf, over), _depending(ng, over)
    if dep_g == 0:
        return None
    c = _ratio(dep_f, dep_g, over)
    if any(mentions(c, v) for v in over) or c == 0:
        return None
    d = expand_atoms(nf - c * ng)
    return None if any(mentions(d, v) for v in over) else (c, d)


def affine_identity(context, f, g, c, d, lemmas=(), multiply=True):
    """⊢ f = c·g + d from the normal forms the search already built: f = N(f); c·g + d = c·N(g) + d
    (one congruence) = N(f) (one ring step), shown reversed as one step.  Cheaper than normalizing
    c·g + d afresh; falls back to that when sympy does not keep g whole inside c·g + d."""
    index = first_index(f, g)
    to_f, to_g = (normalized(context, e, index, tuple(lemmas), multiply)[0] for e in (f, g))
    try:
        lifted = congruence(context, to_g, c * g + d)
        back = K.ring(context, lifted.statement.rhs, to_f.statement.rhs,
                      prove_needs(context,
                                  K.ring_needs(lifted.statement.rhs, to_f.statement.rhs)[1]))
        return chain_equal(to_f, K.symm(K.trans(lifted, back)))
    except ProofError:
        return prove_equal(context, f, c * g + d, lemmas)


def _not_proportional(context, f, g, over, lemmas):
    """Why no constants were found, for the refusal: the parts of the two normal forms that
    depend on `over` (multiplied out), and the normal form's notes (a log not expanded, and why)."""
    index = first_index(f, g)
    (nf, f_notes), (ng, g_notes) = (normalized(context, e, index, tuple(lemmas)) for e in (f, g))
    parts = [_depending(n.statement.rhs, over) for n in (nf, ng)]
    notes = "".join(f"; {note}" for note in dict.fromkeys(f_notes + g_notes))
    return (f": after expanding logs and sums, the parts that depend on them are {parts[0]} and "
            f"{parts[1]}, and no constant c makes the first c times the second{notes}")


def _ratio(dep_f, dep_g, over):
    """c with dep_f = c·dep_g if there is one: first term by term (sympy cancels the common factor
    of two monomials by itself, and one expansion checks the guess), else by sympy's `cancel`."""
    first = sp.Add.make_args(dep_g)[0]
    for term in sp.Add.make_args(dep_f):
        c = term / first
        if not any(mentions(c, v) for v in over) and expand_atoms(dep_f - c * dep_g) == 0:
            return c
    return on_atoms(lambda f, g: sp.cancel(f / g), dep_f, dep_g)


def _depending(expr, over):
    return sp.Add(*(t for t in sp.Add.make_args(expand_atoms(expr))
                    if any(mentions(t, v) for v in over)))


def affine_transfer(context, f, sense_f, g, sense_g, over, lemmas=(), multiplies=(False, True)):
    """⊢ arg_{sense_f} f = arg_{sense_g} g when f = c·g + d with d real, c ≠ 0 free of `over` and
    the sign of c matching the senses (c > 0 keeps the sense, c < 0 flips it)."""
    # f already written as c·g + d (−n·NLL − Σ log y_i! against NLL): no normal form, no identity
    found = None if lemmas else _as_written(f, g, over)
    written = found is not None
    # else first with squares and products kept whole, as a textbook argues (shorter, and
    # cheaper); multiplied out only when that finds no constants
    for multiply in multiplies if not written else ():
        found = affine_candidate(context, f, g, over, lemmas, multiply)
        if found is not None:
            break
    if found is None:
        raise SideConditionError(f"no constants c, d free of {', '.join(map(str, over))} with "
                                 f"{f} = c*({g}) + d were found"
                                 f"{_not_proportional(context, f, g, over, lemmas)}")
    c, d = found
    steps = [] if written else [K.optimizers_of_equal(
        affine_identity(context, f, g, c, d, lemmas, multiply), over, sense_f)]
    if d != 0:
        shown = changes_shown(context, c * g, c * g + d, [d])
        steps.append(K.shift_constant(prove_member(context, d), c * g, over, sense_f, shown))
    sense, scale = sense_f, c
    if try_positive(context, c) is None:
        if try_positive(context, -c) is None:
            raise SideConditionError(f"the sign of the factor {c} in {f} = ({c})*({g}) + ... "
                                     "is not known")
        shown = changes_shown(context, c * g, -c * g)
        steps.append(K.negate_objective(context, c * g, over, sense_f, shown))
        sense, scale = OTHER[sense_f], -c
    if sense != sense_g:
        raise SideConditionError(f"{f} = ({c})*({g}) + ({d}), so arg{sense_f} of the first is "
                                 f"arg{sense} of the second, not arg{sense_g}")
    if scale != 1:  # arg (s·g) = arg ((1/s)·(s·g)), which sympy writes as arg g
        shown = changes_shown(context, scale * g, g, [1 / scale])
        steps.append(K.scale_positive(prove_positive(context, 1 / scale), scale * g, over, sense,
                                      shown))
    return chain(*steps) if steps else K.optimizers_of_equal(K.refl(context, f), over, sense_f)


def _as_written(f, g, over):
    """(c, d) when f is, as sympy writes it, c·g + d with c ≠ 0 and d free of `over`; else None."""
    dep_g = _depending(g, over)
    if dep_g == 0:
        return None
    c = _ratio(_depending(f, over), dep_g, over)
    if c == 0 or any(mentions(c, v) for v in over):
        return None
    d = f - c * g
    if any(mentions(d, v) for v in over) or c * g + d != f:
        return None
    return c, d


def same_optimizers(context, f, g, over, senses=("max", "min"), refuted=None):
    """⊢ arg_{s1} f = arg_{s2} g over `over`: take log f when f > 0, then an affine transfer; else
    the same from g's side (argmin of a loss = argmax of a likelihood), else g = h∘f or f = h∘g for
    a strictly increasing h (argmin θ = argmin θ³, argmax L = argmax √L), or for opposite senses a
    strictly decreasing one (argmin θ² + 1 = argmax 1/(θ² + 1)).  `refuted`, when given,
    is asked before the other ways are tried: an error to raise at once (a counterexample) or
    None."""
    over = tuple(over)
    try:  # normal forms with squares and products kept whole: how a textbook argues, and cheap
        return _logs_and_affine_maps(context, f, g, over, senses, (False,))
    except ProofError as error:
        first_error = error
    counterexample = refuted() if refuted is not None else None
    if counterexample is not None:
        raise counterexample
    attempts = [lambda: _logs_and_affine_maps(context, f, g, over, senses, (True,)),
                lambda: K.optimizers_symm(_logs_and_affine_maps(context, g, f, over, senses[::-1])),
                lambda: through_label_bodies(context, f, g, over, senses),
                lambda: K.optimizers_symm(through_label_bodies(context, g, f, over,
                                                               senses[::-1]))]
    if senses[0] == senses[1]:
        attempts.append(lambda: increasing_map(context, f, g, over, senses[0]))
        attempts.append(lambda: K.optimizers_symm(increasing_map(context, g, f, over, senses[0])))
        attempts += [lambda u=u: through(context, f, u, g, over, senses[0]) for u in cores(g, over)]
    else:
        attempts.append(lambda: decreasing_map(context, f, g, over, senses))
        attempts.append(lambda: K.optimizers_symm(decreasing_map(context, g, f, over,
                                                                 senses[::-1])))
    for attempt in attempts:
        try:
            return attempt()
        except ProofError:
            continue
    raise first_error


def through_label_bodies(context, f, g, over, senses):
    """⊢ arg f = arg g when log f (f itself where f is not shown positive), in normal form, has a
    sum whose body equals the body of a sum of g value by value of a family of labels: ∏ (y_i p +
    (1 − y_i)(1 − p)), whose log is Σ log(y_i p + (1 − y_i)(1 − p)), against the cross-entropy
    −Σ [y_i log p + (1 − y_i) log(1 − p)]; then an affine transfer."""
    sense_f, sense_g = senses
    if _takes_log(context, f):
        first = log_step(context, f, over, sense_f)
    else:
        first = K.optimizers_of_equal(K.refl(context, f), over, sense_f)
    h = first.statement.g
    equal = with_label_bodies(context, h, g)
    if equal is None:
        raise SideConditionError(f"no sum in {h} has a body equal, label by label, to one in {g}")
    rewritten = equal.statement.rhs
    return chain(first, K.optimizers_of_equal(equal, over, sense_f),
                 affine_transfer(context, rewritten, sense_f, g, sense_g, over))


def increasing_map(context, f, g, over, sense):
    """⊢ arg f = arg g when g = h(f) for an h free of `over`, strictly increasing on an interval
    holding the values of f (found by replacing f in g with a fresh variable)."""
    taken = {str(s) for s in (f + g).atoms(sp.Symbol)}  # bound indices too: none is captured
    names = itertools.chain(("u", "v", "w", "t", "s"), (f"u{k}" for k in itertools.count()))
    u = next(sp.Symbol(name) for name in names if name not in taken)
    h = g.subs(f, u)
    if h == g or not h.has(u) or any(mentions(h, v) for v in over):
        raise SideConditionError(f"{g} is not a function of {f} alone")
    values = prove_member(context, f)
    bounds = hull(values.statement.set)
    interval = sp.Interval(bounds.lo, bounds.hi, bounds.lo_open, bounds.hi_open)
    monotone = prove_strictly_increasing(context, h, u, interval)
    transfer = K.transfer_increasing(monotone, K.member_widen(values, interval)
                                     if values.statement.set != interval else values, over, sense)
    return ending_at(context, transfer, g)


def decreasing_map(context, f, g, over, senses):
    """⊢ arg_s f = arg_t g for opposite senses when g = h(f) for an h free of `over`, strictly
    decreasing on the values of f (argmin θ² + 1 = argmax 1/(θ² + 1)): −g is then a strictly
    increasing function of f, and arg_s (−g) = arg_t g (`negate_objective`)."""
    to_negated = increasing_map(context, f, -g, over, senses[0])
    flipped = K.negate_objective(context, -g, over, senses[0], changes_shown(context, -g, g))
    return chain(to_negated, flipped)


def cores(g, over):
    """The subterms u with g = h(u) for an h free of `over`, outermost first, each followed by −u:
    down from g while one argument alone mentions `over` (3·(Σ …)³ + 1 gives 3·(Σ …)³, (Σ …)³,
    Σ …; sympy writes atan(u) as −atan(−u), which is atan of the core's negation)."""
    found, term = [], g
    while not isinstance(term, (sp.Sum, sp.Product)):
        moving = [arg for arg in term.args if any(mentions(arg, v) for v in over)]
        if len(moving) != 1:
            break
        term = moving[0]
        found += [term, -term]
    return found


def through(context, f, u, g, over, sense):
    """⊢ arg f = arg g by way of u: arg f = arg u by logs and affine maps, arg u = arg g when g is
    a strictly increasing function of u (arg L = arg (Σ log …)³)."""
    return chain(_logs_and_affine_maps(context, f, u, over, (sense, sense)),
                 increasing_map(context, u, g, over, sense))


def ending_at(context, theorem, g):
    """arg f = arg h, then arg h = arg g when h and g are equal objectives written differently
    (sympy's h∘f need not be spelled as the g asked)."""
    st = theorem.statement
    if st.g == g:
        return theorem
    return chain(theorem, K.optimizers_of_equal(prove_equal(context, st.g, g), st.over, st.sense_g))


def _logs_and_affine_maps(context, f, g, over, senses, multiplies=(False, True)):
    sense_f, sense_g = senses
    attempts = []
    if _takes_log(context, f):
        attempts.append(True)
    attempts.append(False)
    errors = []
    for take_log in attempts:
        try:
            if take_log:
                first = log_step(context, f, over, sense_f)
                return chain(first, affine_transfer(context, sp.log(f), sense_f, g, sense_g, over,
                                                    multiplies=multiplies))
            return affine_transfer(context, f, sense_f, g, sense_g, over, multiplies=multiplies)
        except ProofError as error:
            errors.append(str(error))
        except BasePolynomialError as error:  # sympy's own evaluation of log f may fail (tanh(i⁰))
            errors.append(f"sympy cannot build log({f}): {error}")
    raise SideConditionError(f"arg{sense_f} {f} = arg{sense_g} {g} is not proved: "
                             + "; ".join(errors))
