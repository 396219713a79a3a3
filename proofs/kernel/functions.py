"""The table of functions the kernel knows: where each is defined, what values it takes, whether it
is continuous, and the matching Mathlib and Coq names (trusted data).

Imports sympy only.  One entry per head replaces one rule per function: `terms.head_needs` reads
the domains, `language.function_hull` the ranges, the monotonicity rule the continuity, and the
documentation its catalogue.  A function joins the kernel by an entry here, plus its evaluator in
`proofs.testing.semantics` (the independent model the fuzzer checks theorems against).

Every range is valid on the whole domain (sound, not always tight), with exact rational ends: atan's
(−π/2, π/2) is kept as (−8/5, 8/5).  An entry that is *increasing* with value `at_zero` at 0
also keeps the side of its argument: f(x) > f(0) for x > 0 and f(x) < f(0) for x < 0.
"""

import enum
from dataclasses import dataclass

import sympy as sp


class Need(enum.Enum):
    """What a term needs of a subterm to be defined."""
    POSITIVE = "positive"
    NONNEGATIVE = "nonnegative"
    NONZERO = "nonzero"
    COUNT = "a count (an integer >= 0)"
    DEFINED = "defined"


@dataclass(frozen=True)
class Function:
    """One function of one real argument."""
    head: type
    domain: Need | None  # what the argument must be (None: any real)
    low: sp.Expr  # the values lie between low and high (ends open unless said closed)
    high: sp.Expr
    closed: tuple = ()  # "low", "high": the end is attained
    integer: bool = False  # integer values
    at_zero: sp.Expr | None = None  # increasing, with this value at 0 (None: not used)
    continuous: bool = True  # continuous at every point of the domain (in the reals' topology)
    by_exp: object = None  # a ↦ f(a) written with exp: the definition Mathlib and Coq give f
    mathlib: str = ""
    coq: str = ""


_OO = sp.oo
TABLE = {f.head: f for f in (
    Function(sp.exp, None, 0, _OO, at_zero=1,
             mathlib="Real.exp, Real.exp_pos, Real.exp_lt_exp", coq="exp, exp_pos, exp_increasing"),
    Function(sp.log, Need.POSITIVE, -_OO, _OO, at_zero=None,  # sign from 1: language.log_hull
             mathlib="Real.log, Real.log_pos, Real.log_neg", coq="ln, ln_lt_0, ln_increasing"),
    Function(sp.sin, None, -1, 1, closed=("low", "high"),
             mathlib="Real.sin, Real.neg_one_le_sin, Real.sin_le_one", coq="sin, SIN_bound"),
    Function(sp.cos, None, -1, 1, closed=("low", "high"),
             mathlib="Real.cos, Real.neg_one_le_cos, Real.cos_le_one", coq="cos, COS_bound"),
    Function(sp.tanh, None, -1, 1, at_zero=0,
             by_exp=lambda a: (sp.exp(a) - sp.exp(-a)) / (sp.exp(a) + sp.exp(-a)),
             mathlib="Real.tanh, Real.tanh_lt_one, Real.neg_one_lt_tanh, "
                     "Real.tanh_eq_sinh_div_cosh",
             coq="tanh, tanh_bound, tanh_increasing (prelude)"),
    Function(sp.sinh, None, -_OO, _OO, at_zero=0,
             by_exp=lambda a: (sp.exp(a) - sp.exp(-a)) / 2,
             mathlib="Real.sinh, Real.sinh_strictMono, Real.sinh_eq", coq="sinh, sinh_lt, sinh_0"),
    Function(sp.cosh, None, 1, _OO, closed=("low",),
             by_exp=lambda a: (sp.exp(a) + sp.exp(-a)) / 2,
             mathlib="Real.cosh, Real.one_le_cosh, Real.cosh_eq",
             coq="cosh, cosh_ge_1 (prelude)"),
    Function(sp.atan, None, sp.Rational(-8, 5), sp.Rational(8, 5), at_zero=0,
             mathlib="Real.arctan, Real.arctan_lt_pi_div_two, Real.arctan_strictMono",
             coq="atan, atan_range (prelude), atan_increasing"),
    Function(sp.erf, None, -1, 1, at_zero=0,
             mathlib="(none: erf is not in Mathlib)",
             coq="(none: a section variable with erf_bound, erf_increasing, erf_0)"),
    Function(sp.Abs, None, 0, _OO, closed=("low",),  # sharper: language.abs_hull
             mathlib="abs, abs_nonneg, abs_pos", coq="Rabs, Rabs_pos, Rabs_pos_lt"),
    Function(sp.factorial, Need.COUNT, 1, _OO, closed=("low",), integer=True, continuous=False,
             mathlib="Nat.factorial, Nat.factorial_pos", coq="fact, lt_O_fact"),
    Function(sp.gamma, Need.POSITIVE, 0, _OO,
             mathlib="Real.Gamma, Real.Gamma_pos_of_pos", coq="(none)"),
)}
