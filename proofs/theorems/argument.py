"""The argument every likelihood theorem of the library makes, written on the public API.

L > 0 (Lemma 1); log L is an affine function of the objective, log L = c·G + d (Lemma 2); then
the theorem: argmax L = argmax log L (L > 0 and log increases strictly) = argmin G (c < 0, the
steps found from Lemma 2).  A theorem script defines its model and states Lemma 2's right-hand
side; the engine checks every step when it is written.
"""

import sympy as sp

# plain symbols: the ranges are entries of the derivation's where= (n ∈ ℕ), never sympy assumptions
i, j, k = sp.symbols("i j k")
n, K_CLASSES = sp.symbols("n K")
OPEN_UNIT, POSITIVE, BINARY = sp.Interval.open(0, 1), sp.Interval.open(0, sp.oo), sp.FiniteSet(0, 1)
NONNEGATIVE = sp.Interval(0, sp.oo)


def mean(body):
    """−(1/n) Σ_i body: a cross-entropy's mean reduction."""
    return -sp.Sum(body, (i, 1, n)) / n


def maximum_likelihood(d, L, objective, log_likelihood, over, remark="", folded=(), by=(),
                       then=()):
    """The two lemmas and the theorem argmax L = argmin objective, added to the derivation `d`;
    `log_likelihood`: Lemma 2's right-hand side, c·objective + d with c < 0 free of `over`;
    `folded`: definitions the identity keeps as names (p_i := σ(w x_i) stays p_i); `by`:
    earlier equality lemmas the identity rewrites with (log q_i = h_i for one observation);
    `then`: further (form, reason) of the right-hand side, each a line of its own (the
    constants collected as a reader writes them)."""
    d.lemma("Positivity", d.positive(L), label="positivity")
    identity = d.chain(sp.log(L)).derive(log_likelihood, by=by, folded=folded)
    for form, reason in then:
        identity = identity.eq(form, because=reason)
    d.lemma("Log-likelihood and objective", identity, label="identity")
    d.theorem(d.title, d.argmax(L, over).argmax(sp.log(L), by="positivity")
              .derive("min", objective, by="identity"), label="main", remark=remark)
    return d
