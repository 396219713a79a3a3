"""Coq's own printing of an exported definition, read back and evaluated: the test oracle that the
Coq statement says what the proof says.

`coqc` prints each definition with `Set Printing All` (every operator a prefix application:
`Rmult (Rplus (IZR (Zpos xH)) (Ropp (p t i))) …`); `parse` reads that text and `Evaluator`
computes it with the exact and interval arithmetic of `proofs.testing.semantics`, the families
taking the values the semantics draws for the proof's own terms (Coq's index i is the proof's
i + 1).  Independent of the exporter: it reads what Coq elaborated, not what was generated.
"""

import functools
import math
import re

import sympy as sp

from proofs.testing import semantics as S

TOKEN = re.compile(r"\s*(=>|[()]|:|,|@?[A-Za-z_][A-Za-z0-9_'.]*|\d+)")


def tokens(text):
    found, position = [], 0
    text = text.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match:
            raise ValueError(f"cannot read Coq's output at {text[position:position + 30]!r}")
        found.append(match.group(1))
        position = match.end()
    return found


def parse(text):
    """A term: ("fun", [names], body), ("app", head, [args]) or a name."""
    items = tokens(text)
    term, rest = _term(items, 0)
    if rest != len(items):
        raise ValueError(f"trailing Coq text: {items[rest:rest + 5]}")
    return term


def _term(items, at):
    if items[at] == "fun":
        names, at = _binders(items, at + 1)
        body, at = _term(items, at)
        return ("fun", names, body), at
    head, at = _atom(items, at)
    args = []
    while at < len(items) and items[at] not in (")", "=>"):
        arg, at = _atom(items, at)
        args.append(arg)
    return (("app", head, args) if args else head), at


def _atom(items, at):
    if items[at] == "(":
        term, at = _term(items, at + 1)
        return term, at + 1  # ")"
    if items[at] == "fun":
        return _term(items, at)
    return items[at], at + 1


def _binders(items, at):
    """`(a b : type) (c : type) =>` or `x : type =>`: the names; the types are skipped."""
    names = []
    while items[at] != "=>":
        if items[at] == "(":
            at += 1
            while items[at] != ":":
                names.append(items[at])
                at += 1
            depth = 1
            while depth:  # the type, up to the group's ")"
                at += 1
                depth += {"(": 1, ")": -1}.get(items[at], 0)
            at += 1
        else:
            while items[at] != ":":
                names.append(items[at])
                at += 1
            while items[at] != "=>":
                at += 1
    return names, at + 1


def _positive(value):
    if value == "xH":
        return 1
    head, (rest,) = value[1], value[2]
    return 2 * _positive(rest) + (1 if head == "xI" else 0)


class Evaluator:
    """Values of Coq terms: reals as semantics values, nats as ints, functions as closures."""

    def __init__(self, definitions, variables):
        self.definitions = definitions  # name -> parsed term
        self.variables = variables      # name -> value (a closure for a family)

    def value(self, term, scope=None):
        scope = scope or {}
        if isinstance(term, str):
            return self._name(term, scope)
        if term[0] == "fun":
            _, names, body = term
            return self._closure(names, body, scope)
        _, head, args = term
        if head in ("Zpos", "Zneg"):
            magnitude = _positive(args[0]) if args[0] != "xH" else 1
            return magnitude if head == "Zpos" else -magnitude
        function = self.value(head, scope)
        for arg in args:
            function = function(self.value(arg, scope))
        return function

    def _closure(self, names, body, scope):
        def bind(value, names=names, scope=scope):
            inner = dict(scope, **{names[0]: value})
            return self.value(body, inner) if len(names) == 1 else self._closure(
                names[1:], body, inner)
        return bind

    def _name(self, name, scope):
        if name in scope:
            return scope[name]
        if name in self.definitions:
            return self.value(self.definitions[name])
        if name in self.variables:
            return self.variables[name]
        if name in BUILTINS:
            return BUILTINS[name]
        if name.isdigit():
            return int(name)
        raise KeyError(f"Coq name {name} is not known to the test evaluator")


def _binder(combine, start):
    def over(function):
        def upto(last):
            total = start
            for i in range(last + 1):
                total = combine(total, function(i))
            return total
        return upto
    return over


def _power(base):
    return lambda exponent: S._real_power(base, exponent)


BUILTINS = {
    "Rplus": lambda u: lambda v: S._add(u, v),
    "Rmult": lambda u: lambda v: S._mul(u, v),
    "Rminus": lambda u: lambda v: S._add(u, S._mul(sp.S.NegativeOne, v)),
    "Ropp": lambda u: S._mul(sp.S.NegativeOne, u),
    "Rinv": S._reciprocal, "RinvImpl.Rinv": S._reciprocal,
    "Rdiv": lambda u: lambda v: S._mul(u, S._reciprocal(v)),
    "ln": S._log, "exp": S._exp, "Rabs": S._abs,
    "Rpower": _power,
    "pow": lambda base: lambda k: S._integer_power(base, k),
    "IZR": lambda z: sp.Integer(z), "Z0": 0, "xH": "xH",
    "INR": lambda k: sp.Integer(k), "S": lambda k: k + 1, "O": 0,
    "sum_f_R0": _binder(S._add, sp.S.Zero), "prod_f_R0": _binder(S._mul, sp.S.One),
    # the standard library's factorial, and the natural number a real count stands for (the prelude
    # proves Rnat (INR k) = k): Rfact and Rbinom are read from Coq's printing of them
    "fact": lambda k: math.factorial(k), "Rnat": lambda x: _count(x),
    "PI": S.value(sp.pi),  # the prelude proves 3 < PI < 4 from Coq's own definition (pi_bounds)
}


def foralls(text):
    """`forall (a : A) (_ : H), body` as ([(name, type text)], body text); groups are balanced."""
    text = text.strip()
    if not text.startswith("forall "):
        return [], text
    groups, at = [], len("forall ")
    single = re.match(r"forall (\w+) : (\w+), ", text)  # one binder, no parentheses
    if single:
        return [(single.group(1), single.group(2))], text[single.end():]
    while text[at] == "(":
        depth, end = 0, at
        while True:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            if depth == 0:
                break
            end += 1
        name, kind = text[at + 1:end].split(" : ", 1)
        groups += [(single, kind) for single in name.split()]
        at = end + 1
        while text[at] == " ":
            at += 1
    if text[at] != ",":
        raise ValueError(f"cannot read the binders of {text[:60]!r}")
    return groups, text[at + 1:].strip()


def _count(x):
    whole = S._integer(x)
    if whole is None or whole < 0:
        raise ValueError(f"Rnat of {x}, which is not a count")
    return whole


@functools.lru_cache(maxsize=None)
def _pascal(n, k):
    """The prelude's binom, by its own recursion (Pascal's rule)."""
    if k == 0:
        return 1
    if n == 0:
        return 0
    return _pascal(n - 1, k - 1) + _pascal(n - 1, k)


BUILTINS["binom"] = lambda n: lambda k: _pascal(n, k)


def printed_definitions(output):
    """name -> parsed term, from the `Print X.` blocks of coqc's output (`X = fun … => …`)."""
    found = {}
    for match in re.finditer(r"^([A-Za-z_][A-Za-z0-9_']*) = (.*)$", output, flags=re.M):
        found[match.group(1)] = parse(match.group(2))
    return found
