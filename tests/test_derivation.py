"""proofs.derivation: a user's own chain of steps, checked step by step, rendered like the
library."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sympy as sp

import proofs
from proofs import Defined, Derivation, DerivationError, Proof, check
from proofs.errors import SideConditionError, UnsupportedError
from proofs.kernel import Member, StrictlyIncreasing
from proofs.tree import tree_nodes
from proofs.testing import semantics
from tests.tools import compile_tex, pdf_text

i, n = sp.symbols("i n")
a, b, c = sp.symbols("a b c")
RATE, Y = sp.IndexedBase("lambda"), sp.IndexedBase("y")
ROOT = Path(__file__).resolve().parent.parent


def poisson():
    """The issue's Poisson regression, with the real factorial: a user's script of a dozen lines."""
    d = Derivation("Poisson regression", where={RATE: sp.Interval.open(0, sp.oo),
                                               Y: sp.S.Naturals0, n: sp.S.Naturals})
    density = RATE[i] ** Y[i] * sp.exp(-RATE[i]) / sp.factorial(Y[i])
    L = d.define("L", sp.Product(density, (i, 1, n)))
    NLL = d.define("NLL", sp.Sum(RATE[i] - Y[i] * sp.log(RATE[i]), (i, 1, n)) / n)
    d.lemma("Positivity", d.positive(L))
    d.lemma("Log-likelihood", d.chain(sp.log(L))
            .eq(sp.Sum(sp.log(density), (i, 1, n)))
            .eq(sp.Sum(Y[i] * sp.log(RATE[i]) - RATE[i] - sp.log(sp.factorial(Y[i])), (i, 1, n)),
                by="log_of_pow")
            .eq(-n * NLL - sp.Sum(sp.log(sp.factorial(Y[i])), (i, 1, n))))
    d.theorem("Maximum likelihood is minimum Poisson NLL", d.same_optimizers(L, NLL, over=[RATE]))
    return d


def log_sum_exp():
    d = Derivation("Log-sum-exp")
    lse = d.define("LSE", sp.log(sp.exp(a) + sp.exp(b)))
    d.lemma("Shift invariance", d.chain(lse)
            .eq(sp.log(sp.exp(a) + sp.exp(b)))
            .eq(c + sp.log(sp.exp(a - c) + sp.exp(b - c))))
    d.theorem("Above the first argument", d.chain(lse)
              .eq(a + sp.log(1 + sp.exp(b - a)))
              .gt(a))
    return d


def test_a_user_derivation_renders_every_step_and_compiles(tmp_path):
    proof = poisson().proof()
    assert isinstance(proof, Proof)
    text = proof.to_text()
    for line in ("Lemma 1 (Positivity). Each factor of the product L(θ) is positive, and so "
                 "L(θ) > 0", "Lemma 2 (Log-likelihood). log L(θ) = ",
                 "argmax_θ L(θ) = argmax_θ log L(θ)", "= argmin_θ NLL(θ)"):
        assert line in text, line
    step = next(line for line in text.splitlines() if "[y_i log λ_i − log(y_i!) − λ_i]" in line)
    assert step.endswith("[log of a power]")  # by= names the rule, and the rule is checked
    compile_tex(tmp_path, "poisson", proof.to_document(), runs=2)
    shown = pdf_text(tmp_path / "poisson.pdf")
    for words in ("Poisson regression", "log of a power", "Lemma 2", "NLL"):
        assert words in shown
    assert "\\label{mine:" in proof.to_latex(label_prefix="mine:")
    assert proof.to_markdown().count("$$") >= 6


def test_closed_forms_gamma_and_absolute_values_are_named_and_compile(tmp_path):
    i, n, x, y = sp.symbols("i n x y")
    d = Derivation("Closed forms", where={n: sp.S.Naturals0})
    d.theorem("Gauss", d.chain(sp.Sum(2 * i, (i, 1, n))).eq(2 * sp.Sum(i, (i, 1, n)))
              .eq(n * (n + 1), by="sum_telescoping"))
    d.theorem("Root", d.chain(sp.sqrt((x - y) ** 2) * sp.Abs(x)).eq(sp.Abs(x * (x - y))))
    d.theorem("Gamma", d.chain(sp.gamma(n + 1)).eq(sp.factorial(n)))
    text = d.proof().to_text()
    for words in ("= n (n + 1)        [a telescoping sum]",
                  "[rules of the absolute value]", "[the Gamma function at an integer]"):
        assert words in text, words
    with pytest.raises(DerivationError, match="without sum_telescoping"):  # no sum in this step
        d.chain(sp.gamma(n + 1)).eq(sp.factorial(n), by="sum_telescoping")
    compile_tex(tmp_path, "closed", d.proof().to_document(), runs=1)
    assert "a telescoping sum" in pdf_text(tmp_path / "closed.pdf")


def test_a_binomial_mean_derived_line_by_line_names_each_rule_in_words():
    """Σ k C(n, k) qᵏ(1 − q)ⁿ⁻ᵏ = nq in as many lines as the proof takes: the term k = 0 taken
    out, the index absorbed, the shift, the factor, the binomial theorem, each line in words (a
    review: derived lines read "[sum peel]" and "[sum shift]", the kernel's names)."""
    from proofs.kernel import rules as K
    n, q, k = sp.symbols("n q k")
    d = Derivation("Binomial mean", where={n: sp.S.Naturals, q: sp.Interval.open(0, 1)})
    total = sp.Sum(k * sp.binomial(n, k) * q ** k * (1 - q) ** (n - k), (k, 0, n))
    d.theorem("Mean", d.chain(total).derive(n * q))
    text = d.proof().to_text()
    for words in ("[a term taken out of the sum]", "binomial coefficients as factorials",
                  "[shifting the summation index]", "[the binomial theorem]"):
        assert words in text
    rules = [name for name in dir(K) if not name.startswith("_") and "_" in name]
    assert not [rule for rule in rules if f"[{rule.replace('_', ' ')}]" in text]


def test_a_geometric_sum_is_named_so_and_its_ratio_s_range_stated(tmp_path):
    """Σ_{i=0}^{n−1} pⁱ = (1 − pⁿ)/(1 − p) reads 'a geometric sum' (a polynomial's closed form
    reads 'a telescoping sum'); it holds for p ∈ (0, 1), which the setting states, and is refused
    as false where p may be 1."""
    i, n, p = sp.symbols("i n p")
    d = Derivation("Geometric", where={n: sp.S.Naturals, p: sp.Interval.open(0, 1)})
    d.theorem("Geometric", d.chain(sp.Sum(p ** i, (i, 0, n - 1))).eq((1 - p ** n) / (1 - p)))
    text = d.proof().to_text()
    assert "[a geometric sum, algebra]" in text and "p ∈ (0, 1)" in text
    compile_tex(tmp_path, "geometric", d.proof().to_document(), runs=1)
    assert "a geometric sum" in pdf_text(tmp_path / "geometric.pdf")
    # in one line with a factor taken out first, the geometric sum is still named (it was
    # grouped with that factor as "linearity of the sum")
    k = sp.Symbol("k")
    d.theorem("CDF", d.chain(sp.Sum(p * (1 - p) ** (k - 1), (k, 1, n))).eq(1 - (1 - p) ** n))
    assert "[a constant factor out of the sum, a geometric sum, algebra]" in d.proof().to_text()
    anywhere = Derivation("Geometric", where={n: sp.S.Naturals, p: sp.Interval.open(0, 2)})
    with pytest.raises(DerivationError, match="is false: at"):
        anywhere.chain(sp.Sum(p ** i, (i, 0, n - 1))).eq((1 - p ** n) / (1 - p))


def test_a_telescoping_sum_that_is_no_geometric_one_is_named_so():
    """Σ 1/(k(k + 1)) = n/(n + 1) and Σ k/2^k = 2 − (n + 2)/2^n, whose closed forms sympy's
    summation proposes, read 'a telescoping sum': their terms are no constant times a power (the
    first read 'a geometric sum', as any summand that was no polynomial did)."""
    k, n = sp.symbols("k n")
    d = Derivation("Telescoping", where={n: sp.S.Naturals})
    d.lemma("Fractions", d.chain(sp.Sum(1 / (k * (k + 1)), (k, 1, n))).eq(n / (n + 1)))
    d.theorem("Halves", d.chain(sp.Sum(k / 2 ** k, (k, 1, n))).eq(2 - (n + 2) / 2 ** n))
    text = d.proof().to_text()
    assert text.count("[a telescoping sum, algebra]") == 2 and "geometric" not in text


def test_inequality_chains_compose_in_the_kernel(tmp_path):
    proof = log_sum_exp().proof()
    text = proof.to_text()
    # the theorem states its hypotheses: those of what it mentions (LSE's a and b, not the c of
    # Lemma 1's shift)
    assert ("Theorem 2 (Above the first argument). Let a ∈ ℝ, b ∈ ℝ, and let LSE be as "
            "defined above. Then LSE > a") in text
    assert "[the difference is log(1 + exp(b − a)) > 0 (logarithm of a number greater than " \
        "1)]" in text
    final = proof.theorem.statement
    assert isinstance(final, Member) and final.expr == proof.definitions[0] - a
    assert semantics.confirm(proof.theorem.context.entries, final, points=20)
    compile_tex(tmp_path, "lse", proof.to_document(), runs=1)


def test_a_wrong_step_names_its_index_both_sides_its_line_and_a_counterexample():
    d = Derivation("Wrong")
    chain = d.chain(sp.log(sp.exp(a) + sp.exp(b))).eq(a + sp.log(1 + sp.exp(b - a)))
    line = sys._getframe().f_lineno + 2
    with pytest.raises(DerivationError) as failure:
        chain.eq(a + sp.log(1 + sp.exp(a - b)))  # the sign of the exponent is wrong
    error = failure.value
    assert error.step == 2 and error.false and error.where == f"test_derivation.py:{line}"
    assert f"test_derivation.py:{line}: step 2 of 'Wrong'" in str(error) \
        and "is false: at {" in str(error)
    point = {sp.Symbol(name): value for name, value in error.cause.point.items()}
    left, right = (float(side.subs(point)) for side in (error.lhs, error.rhs))
    assert abs(left - right) > 0.1  # the counterexample is one


def test_a_step_that_is_not_proved_is_not_called_false():
    x = sp.Symbol("x")
    with pytest.raises(DerivationError, match="step 1 .* is not proved") as failure:
        Derivation("Trig").chain(sp.sin(x) ** 2 + sp.cos(x) ** 2).eq(1)
    assert not failure.value.false


def test_a_chain_mixing_directions_is_refused():
    with pytest.raises(DerivationError, match="step 2 .* is refused: a chain may not mix"):
        Derivation("Mixed").chain(a ** 2 + 1).gt(a ** 2).lt(a ** 2 + 2)
    with pytest.raises(DerivationError, match="may not mix"):
        Derivation("Mixed").chain(a ** 2).le(a ** 2 + 1).ge(a ** 2)


def test_by_names_a_rule_the_step_must_use_or_a_lemma_it_cites():
    with pytest.raises(DerivationError, match="is refused: the step is proved without log_of_exp"):
        Derivation("By").chain(a * (b + 1)).eq(a * b + a, by="log_of_exp")
    d = log_sum_exp()
    lse = d.definitions[0]
    cited = d.chain(lse).eq(c + sp.log(sp.exp(a - c) + sp.exp(b - c)), by="Shift invariance")
    assert cited.steps[0].justification == "Shift invariance (<ref:lemma-1>)"
    because = d.chain(lse).eq(sp.log(sp.exp(b) + sp.exp(a)), because="addition commutes")
    assert because.steps[0].justification == "addition commutes"


def test_by_names_only_what_the_step_uses():
    """A justification is the real reason: a name in by= that is no lemma nor rule, or a lemma the
    step is proved without, is refused (it was shown as the step's reason before)."""
    x, y = sp.symbols("x y")
    positive = sp.Interval.open(0, sp.oo)
    d = Derivation("By", where={x: positive, y: positive})
    d.lemma("Law of y", d.chain(sp.log(y ** 2)).eq(2 * sp.log(y)))
    d.lemma("Law of x", d.chain(sp.log(x ** 3)).eq(3 * sp.log(x)))
    for by, message in [("nonexistent", "names no lemma of this derivation nor a rule"),
                        (3, "by=3 names no lemma"), (["Law of x", "typo"], "by='typo' names"),
                        ("Law of y", "proved without 'Law of y': drop it from by="),
                        (["Law of x", "Law of y"], "proved without 'Law of y'")]:
        with pytest.raises(DerivationError, match=message):
            d.chain(sp.log(x ** 3)).eq(3 * sp.log(x), by=by)
    with pytest.raises(DerivationError, match="names no lemma"):
        d.chain(x + 2).gt(x, by="nonexistent")
    cited = d.chain(sp.log(x ** 3) + 1).eq(3 * sp.log(x) + 1, by=["Law of x"])
    assert any(node is d.sections[1].statement for node in tree_nodes(cited.links[0]))
    assert cited.steps[0].justification == "<ref:lemma-2>"


def test_a_section_or_corollary_of_something_else_than_a_claim_is_refused_clearly():
    d = Derivation("Sections")
    with pytest.raises(UnsupportedError, match="the claim is a chain .* not 5"):
        d.lemma("five", 5)
    with pytest.raises(UnsupportedError, match="corollary: the claim is a chain"):
        d.corollary("L = 1")


def test_a_derivation_must_end_with_a_theorem():
    d = Derivation("Unfinished")
    d.lemma("Shift", d.chain(sp.exp(a + b)).eq(sp.exp(a) * sp.exp(b)))
    with pytest.raises(Exception, match="end the derivation with d.theorem"):
        d.proof()


SCRIPT = '''
import sympy as sp
from proofs import Derivation

a, b = sp.symbols("a b")


def bound():
    d = Derivation("Log-sum-exp bound")
    d.theorem("Bound", d.chain(sp.log(sp.exp(a) + sp.exp(b)))
              .eq(a + sp.log(1 + sp.exp(b - a)))
              .gt(a))
    return d


def wrong():
    d = Derivation("Wrong")
    d.theorem("Wrong", d.chain(sp.exp(a + b)).eq(sp.exp(a) + sp.exp(b)))
    return d
'''


def test_the_command_line_runs_a_users_script(tmp_path):
    script = tmp_path / "mine.py"
    script.write_text(textwrap.dedent(SCRIPT))

    def run(*args):
        return subprocess.run([sys.executable, "-m", "proofs", "prove", *args], cwd=tmp_path,
                              capture_output=True, text=True)

    done = run(f"{script}:bound", "-o", str(tmp_path / "bound.tex"))
    assert done.returncode == 0, done.stderr
    assert "Log-sum-exp bound" in (tmp_path / "bound.tex").read_text()
    failed = run(f"{script}:wrong", "-o", str(tmp_path / "wrong.tex"))
    assert failed.returncode == 1 and not (tmp_path / "wrong.tex").exists()
    assert failed.stderr.startswith("proofs: error: mine.py:18: step 1 of 'Wrong'")
    assert "is false" in failed.stderr and failed.stderr.count("\n") == 1
    for spec, message in ((f"{script}:absent", "has no function absent"),
                          (f"{tmp_path}/none.py:f", "no such file"),
                          (f"{script}:bound --reduction", None)):
        if message is None:
            result = run(f"{script}:bound", "--reduction", "sum")
            assert result.returncode == 2 and "apply to library theorems" in result.stderr
            continue
        result = run(spec)
        assert result.returncode == 1 and message in result.stderr \
            and "Traceback" not in result.stderr


def test_a_false_claim_outside_a_chain_is_reported_with_its_line():
    x = sp.Symbol("x")
    line = sys._getframe().f_lineno + 2
    with pytest.raises(DerivationError) as failure:
        Derivation("Claims").positive(x ** 2)
    assert str(failure.value).startswith(f"test_derivation.py:{line}: in 'Claims', "
                                         "x**2 > 0 is false")
    assert failure.value.false and failure.value.step is None


# a derivation never displays a claim the kernel did not prove (an adversarial review's findings)
def test_the_setting_shows_every_hypothesis_a_line_rests_on():
    x = sp.Symbol("x", positive=True)
    d = Derivation("Assumed")
    d.theorem("T", d.chain(sp.log(x ** 2)).eq(2 * sp.log(x)))
    assert "Setting: x ∈ (0, ∞)" in d.proof().to_text()  # the sympy assumption became a range


def test_a_definition_used_must_be_the_one_displayed():
    x = sp.Symbol("x")
    d = Derivation("Two L")
    d.define("L", x ** 2 + 1)
    other = Defined("L", -x ** 2 - 1)  # another L, made elsewhere
    d.theorem("T", d.chain(other).lt(0))
    with pytest.raises(Exception, match="is used but not defined by this derivation"):
        d.proof()


@pytest.mark.parametrize("hidden", [Defined("c", 1), Defined("M", sp.Symbol("x") + 1)])
def test_a_definition_inside_a_definition_must_be_displayed_too(hidden):
    # L := c·x² with c := 1 made elsewhere: the page would show L = x²·c and claim L = x², false
    # for a reader who never sees c defined
    x = sp.Symbol("x")
    d = Derivation("Hidden constant")
    L = d.define("L", hidden * x ** 2)
    d.theorem("Square", d.chain(L).eq(hidden.body * x ** 2))
    with pytest.raises(UnsupportedError, match=f"{hidden} is used but not defined by this"):
        d.proof()
    e = Derivation("Shown constant")  # the same, with c made by the derivation: displayed
    shown = e.define(hidden.name, hidden.body)
    L = e.define("L", shown * x ** 2)
    e.theorem("Square", e.chain(L).eq(hidden.body * x ** 2))
    assert f"{hidden.name} = " in e.proof().to_text()


def test_an_inequality_chain_over_symbols_with_sympy_assumptions_composes():
    # the steps are proved in the kernel's terms (a positive integer n is a plain n with a range);
    # the chain's ends are compared in those terms too, so the lemma is not refused
    n = sp.Symbol("n", integer=True, positive=True)
    x = sp.Symbol("x", positive=True)
    i = sp.Symbol("i", integer=True)
    p = sp.IndexedBase("p")
    d = Derivation("Assumptions", where={p: sp.Interval.Lopen(0, 1)})
    L = d.define("L", sp.Product(p[i], (i, 1, n)))
    d.lemma("Nonpositive", d.chain(sp.log(L)).le(0))
    d.theorem("Larger", d.chain(x + 1).gt(x))
    proof = d.proof()
    assert "log L ≤ 0" in proof.to_text()
    for section in d.sections:
        assert semantics.confirm(section.statement.context.entries, section.statement.statement,
                                 points=8)


def test_the_ends_of_an_inequality_step_must_be_defined():
    x = sp.Symbol("x")
    # log x < log x + 1: log x may be undefined
    with pytest.raises(DerivationError, match="step 1"):
        Derivation("Ends").chain(sp.log(x)).lt(sp.log(x) + 1)
    positive = Derivation("Ends", where={x: sp.Interval.open(0, sp.oo)})
    positive.theorem("T", positive.chain(sp.log(x)).lt(sp.log(x) + 1))
    proof = positive.proof()
    assert "log x < 1 + log x" in proof.to_text()
    shown = int(proof.to_text().split("Checked by the proofs kernel: ")[1].split()[0])
    assert shown > 4  # the ends' definedness facts are counted with the rest


def test_by_on_inequality_steps_and_inequality_lemmas_are_checked():
    x = sp.Symbol("x")
    d = Derivation("By")
    d.lemma("Pos", d.chain(x ** 2 + 1).gt(0))
    with pytest.raises(DerivationError, match="cites a lemma in = steps only"):
        d.chain(x + 2).gt(x, by="Pos")
    with pytest.raises(DerivationError, match="proved without log_of_pow"):
        d.chain(x + 2).gt(x, by="log_of_pow")
    with pytest.raises(DerivationError, match="can use an equality lemma only"):
        d.chain(x ** 2 + 1).eq(1 + x ** 2, by="Pos")


def test_a_hand_built_proof_is_not_rendered_as_checked(tmp_path):
    script = tmp_path / "fake.py"
    script.write_text(textwrap.dedent('''
        import sympy as sp
        import proofs
        from proofs.proof import Proof, Section, Step
        from proofs.kernel import Context, rules


        def fake():
            zero = rules.refl(Context(), sp.S.Zero)
            section = Section("theorem", "Fake", "fake", zero, start=sp.S.Zero,
                              steps=(Step(-1, "refl", "", zero, relation="<"),),
                              claim=(0, "<", -1))
            return Proof("fake", "Fake", zero, (section,), (), ())


        def library():
            return proofs.prove("bernoulli")
    '''))
    from proofs.derivation import load
    with pytest.raises(Exception, match="assembled by hand"):
        load(f"{script}:fake")
    assert load(f"{script}:library").name == "bernoulli"


# ------------------------------------------------------------------------------------------------
# property: whatever a user writes, every claim a derivation shows holds at random admissible points
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

X, W = sp.symbols("x w")
POOL = [X, X + 1, 2 * X, X ** 2, X ** 2 + 1, sp.log(X), sp.log(X ** 2), 2 * sp.log(X),
        sp.exp(X), sp.exp(X) + 1, sp.log(1 + sp.exp(X)), X + sp.log(1 + sp.exp(-X)), 1 / X,
        sp.sqrt(X), sp.Abs(X), sp.tanh(X), X * W, sp.log(sp.exp(X) * W)]
RANGES = [{}, {X: sp.Interval.open(0, sp.oo)}, {X: sp.Interval(0, 1)},
          {X: sp.Interval.open(0, sp.oo), W: sp.Interval.open(0, sp.oo)}]
RELATIONS = {"=": lambda u, v: u == v, "<": lambda u, v: u < v, "≤": lambda u, v: u <= v,
             ">": lambda u, v: u > v, "≥": lambda u, v: u >= v}


# a step goes to an expression of the pool, or shifts the current one (often true: x < x + 1)
TARGETS = st.one_of(st.sampled_from(POOL).map(lambda e: ("to", e)),
                    st.sampled_from([1, 0, -1, X ** 2, sp.exp(X), sp.log(X)]).map(
                        lambda c: ("by", c)))


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(RANGES), st.sampled_from(POOL),
       st.lists(st.tuples(st.sampled_from(["eq", "lt", "le", "gt", "ge"]), TARGETS),
                min_size=1, max_size=4))
def test_every_claim_a_derivation_shows_holds_numerically(where, start, steps):
    d = Derivation("Random", where=where)
    chain = d.chain(start)
    for kind, (how, value) in steps:
        try:
            getattr(chain, kind)(value if how == "to" else chain.current + value)
        except DerivationError:
            continue
    if not chain.steps:
        return
    d.theorem("T", chain)
    proof = d.proof()
    lhs, relation, rhs = proof.sections[-1].claim
    assert semantics.confirm(proof.theorem.context.entries, proof.theorem.statement, points=8)
    point = {X: sp.Rational(1, 2), W: sp.Rational(5, 4)}  # inside every range above
    left, right = (float(side.subs(point)) for side in (lhs, rhs))
    if relation == "=":
        assert abs(left - right) < 1e-9 * (1 + abs(left))
    else:
        assert RELATIONS[relation](left, right + (1e-12 if relation in "<≤" else -1e-12)), \
            (lhs, relation, rhs)


def test_derive_shows_the_engines_own_steps_and_composes_with_other_steps():
    d = poisson()
    L, NLL = d.definitions
    constant = sp.Sum(sp.log(sp.factorial(Y[i])), (i, 1, n))
    chain = d.chain(sp.log(L)).derive(-n * NLL - constant).lt(1 - n * NLL - constant)
    assert len(chain.links) == 2 and len(chain.steps) >= 5  # one line per rule of the normal form
    words = [step.justification for step in chain.steps]
    assert words[0].startswith("definition of") and "linearity of the sum" in words
    # the log of the product cites the lemma stating its factors positive, whatever its label
    assert words[1] == "log of a product of positive factors (<ref:lemma-1>)"
    assert d.sections[0].label == "lemma-1" and d.sections[0].name == "Positivity"
    assert words[-1] == "the difference is positive"
    d.theorem("Bound", chain)
    proof = d.proof()
    assert "log L(θ) < 1 − n·NLL(θ) − ∑_{i=1}^{n} log(y_i!)" in proof.to_text()
    assert semantics.confirm(proof.theorem.context.entries, proof.theorem.statement, points=10)


def test_every_symbol_a_statement_uses_is_introduced():
    w, x = sp.Symbol("w"), sp.IndexedBase("x")
    d = Derivation("Logistic", where={Y: sp.FiniteSet(0, 1), n: sp.S.Naturals})
    p = d.define("p", 1 / (1 + sp.exp(-w * x[i])), params=[i])
    L = d.define("L", sp.Product(p(i) ** Y[i] * (1 - p(i)) ** (1 - Y[i]), (i, 1, n)))
    d.theorem("Positivity", d.positive(L))
    setting = d.proof().to_text().splitlines()[3]
    # single quantities, then the families "for i = 1, …, n" indexes, each in the order of where=
    # and then the quantities nothing constrains; i is bound: not listed
    assert setting == "Setting: n ∈ {1, 2, …}, w ∈ ℝ, y_i ∈ {0, 1}, x_i ∈ ℝ, for i = 1, …, n."


def test_a_theorem_states_the_hypotheses_of_what_it_mentions():
    # two theorems of one derivation: each says "Let" of its own quantities, those inside a
    # definition included, and every one it mentions is introduced
    x, a, P = sp.Symbol("x"), sp.Symbol("a"), sp.IndexedBase("p")
    d = Derivation("Two", where={n: sp.S.Naturals, P: sp.Interval.open(0, 1),
                                 x: sp.Interval.open(0, sp.oo)})
    L = d.define("L", sp.Product(P[i], (i, 1, n)))
    d.theorem("Logs", d.chain(sp.log(L)).eq(sp.Sum(sp.log(P[i]), (i, 1, n))))
    d.theorem("Scalar", d.chain(sp.log(x ** 2 * sp.exp(a))).eq(2 * sp.log(x) + a))
    text = d.proof().to_text()
    assert "Theorem 1 (Logs). Let n ∈ {1, 2, …}, p_i ∈ (0, 1) for i = 1, …, n, and let L be as " \
           "defined above. Then" in text
    assert "Theorem 2 (Scalar). Let x ∈ (0, ∞), a ∈ ℝ. Then" in text


def test_a_product_of_factors_in_the_unit_interval_is_said_to_lie_there_not_to_be_positive():
    # the Bernoulli likelihood: its factor too wide to state inline, so said in words, which must
    # give the factors' range the conclusion rests on (positivity alone would not give L <= 1)
    P, Y = sp.IndexedBase("p"), sp.IndexedBase("y")
    d = Derivation("Range", where={P: sp.Interval.open(0, 1), Y: sp.FiniteSet(0, 1),
                                   n: sp.S.Naturals})
    likelihood = d.define("L", sp.Product(P[i] ** Y[i] * (1 - P[i]) ** (1 - Y[i]), (i, 1, n)))
    d.lemma("Positivity", d.positive(likelihood))
    d.theorem("Range", d.member(likelihood, sp.Interval.Lopen(0, 1)))
    text = d.proof().to_text()
    positivity_lead, range_lead = (line for line in text.splitlines() if "factor of" in line)
    assert "factor of the product L lies in (0, 1], and so L ∈ (0, 1]" in range_lead
    assert "factor of the product L is positive, and so L > 0" in positivity_lead
    # the positivity lemma states the sign alone: no power is narrowed to (0, 1] for it
    assert text.count("[power of a base in (0, 1] with an exponent at least 0]") == 2
    assert "[power of a positive base with a real exponent]" in text


def test_a_step_sympy_builds_as_the_side_before_it_is_checked_but_not_shown_again():
    x = sp.Symbol("x")
    # x + x is 2x as sympy builds it: a second line "= 2x [algebra]" would repeat the first;
    # with words of its own (because=) the step is the writer's and is shown
    d = Derivation("Repeat", where={x: sp.Interval.open(0, sp.oo)})
    d.theorem("Plain", d.chain(sp.log(sp.exp(x)) + x).eq(x + x).eq(2 * x))
    d.theorem("Worded", d.chain(sp.log(sp.exp(x)) + x).eq(x + x).eq(2 * x, because="doubling"))
    text = d.proof().to_text()
    plain, worded = ([line.strip() for line in part.splitlines() if line.endswith("]")]
                     for part in text.split("Theorem 2"))
    assert plain == ["log(exp x) + x = 2x   [log of an exponential]"]
    assert worded == ["log(exp x) + x = 2x   [log of an exponential]", "= 2x   [doubling]"]
    # a first step repeats the start (a referee: "2x + 5 = 2x + 5 [algebra]"); shown only when
    # the chain would otherwise show no line
    e = Derivation("First", where={x: sp.S.Reals})
    e.lemma("Above", e.chain(2 * x + 5).eq(x + x + 5).gt(2 * x))
    e.theorem("Same", e.chain(2 * x).eq(x + x))
    lines = [line.strip() for line in e.proof().to_text().splitlines() if line.endswith("]")]
    assert lines == ["2x + 5 > 2x   [the difference is positive]", "2x = 2x   [algebra]"]


def test_a_factor_taken_out_of_a_product_is_named_as_such():
    P = sp.IndexedBase("p")
    d = Derivation("Recursion", where={n: sp.S.Naturals0, P: sp.Interval.open(0, 1)})
    likelihood = d.define("L", sp.Product(P[i], (i, 1, n + 1)))
    d.theorem("Step", d.chain(likelihood).eq(sp.Product(P[i], (i, 1, n)) * P[n + 1]))
    d.theorem("Log", d.chain(sp.log(sp.Product(P[i], (i, 1, n + 1))))
              .eq(sp.log(sp.Product(P[i], (i, 1, n))) + sp.log(P[n + 1])))
    step, log = d.proof().to_text().split("Theorem 2")
    assert "[definition of L, a factor taken out of the product]" in step
    assert "a term taken out of the sum]" in log and "factor taken out" not in log  # its sum


def test_a_sum_of_two_classes_written_out_is_named_as_such():
    P, k = sp.IndexedBase("p"), sp.Symbol("k")
    d = Derivation("Two classes", where={P: sp.Interval.open(0, 1)})
    d.theorem("Sum", d.chain(-sp.Sum(Y[k] * sp.log(P[k]), (k, 1, 2)))
              .eq(-Y[1] * sp.log(P[1]) - Y[2] * sp.log(P[2])))
    d.theorem("Product", d.chain(sp.Product(P[k], (k, 1, 2))).eq(P[1] * P[2]))
    total, product = d.proof().to_text().split("Theorem 2")
    assert "[the sum written out term by term]" in total and "taken out" not in total
    assert "[the product written out factor by factor]" in product
    # a review: a term taken out of a sum of n terms beside a sum written out keeps its words, and
    # a product sympy takes for 0 at its factor 0 is written out too
    n, i = sp.symbols("n i")
    Z = sp.IndexedBase("z")
    e = Derivation("Mixed", where={n: sp.S.Naturals})
    e.theorem("Peel", e.chain(sp.Sum(Y[i], (i, 1, n)) + sp.Sum(Z[k], (k, 1, 2)))
              .eq(sp.Sum(Y[i], (i, 1, n - 1)) + Y[n] + Z[1] + Z[2]))
    e.theorem("Zero", e.chain(sp.Sum(Y[i], (i, 1, 2)) + sp.Product(Y[i] * (i - 2), (i, 1, 3)))
              .eq(Y[1] + Y[2]))
    peel, zero = e.proof().to_text().split("Theorem 2")
    assert "[a term taken out of the sum, the sum written out term by term]" in peel
    assert "[the sum and the product written out, algebra]" in zero


def test_an_identity_proved_through_logarithms_says_both_sides_are_positive():
    x, z = sp.symbols("x z")
    d = Derivation("Roots", where={x: sp.Interval.open(0, sp.oo), z: sp.Interval.open(0, sp.oo)})
    d.theorem("Root", d.chain(sp.sqrt(x * z)).eq(sp.sqrt(x) * sp.sqrt(z)))
    assert "√(x z) = √x √z   [both sides positive, with equal logarithms, rules of the " \
           "logarithm]" in d.proof().to_text()


def test_a_theorem_may_be_cited_and_sections_share_one_counter(tmp_path):
    # theorem, lemma, theorem, lemma, theorem: numbered 1 to 5 as the LaTeX page numbers them, and
    # a later step citing a theorem (its positivity) names it "Theorem"
    P = sp.IndexedBase("p")
    d = Derivation("Cited", where={P: sp.Interval.Lopen(0, 1), n: sp.S.Naturals})
    product = d.define("P", sp.Product(P[i], (i, 1, n)))
    d.theorem("Range", d.member(product, sp.Interval.Lopen(0, 1)))
    d.lemma("Positivity", d.positive(product))
    d.theorem("Logs", d.chain(sp.log(product)).eq(sp.Sum(sp.log(P[i]), (i, 1, n))))
    d.lemma("Again", d.positive(product ** 2))
    d.theorem("Square", d.chain(sp.log(product ** 2)).eq(2 * sp.log(product)))
    proof = d.proof()
    text = proof.to_text()
    for words in ("Theorem 1 (Range).", "Lemma 2 (Positivity).", "Theorem 3 (Logs).",
                  "Lemma 4 (Again).", "Theorem 5 (Square).", "(Theorem 1)]",
                  "∏_{i=1}^{n} p_i ∈ (0, 1]   [finite product of positive factors at most 1]"):
        assert words in text, words
    assert "(Theorem 1)" in proof.to_markdown()
    assert "Theorem~\\ref{proofs:theorem-1}" in proof.to_latex()
    compile_tex(tmp_path, "cited", proof.to_document(), runs=2)
    shown = pdf_text(tmp_path / "cited.pdf")
    assert "Lemma 4 (Again)" in shown and "(Theorem 1)" in shown


def test_sections_take_the_labels_a_paper_cites():
    d = log_sum_exp()
    lse = d.definitions[0]
    d.lemma("Again", d.chain(lse).eq(sp.log(sp.exp(b) + sp.exp(a))), label="lse-again")
    d.theorem("Shifted", d.chain(lse).eq(sp.log(sp.exp(a) + sp.exp(b))), label="lse-main")
    fragment = d.proof().to_latex(label_prefix="paper:")
    assert "\\label{paper:lse-again}" in fragment and "\\label{paper:lse-main}" in fragment
    for bad in ("Has Space", "x}\\input{y", "lse-again"):
        with pytest.raises(Exception, match="label"):
            d.lemma("Bad", d.chain(lse).eq(lse + 0), label=bad)


# ------------------------------------------------------------------------------------ optimizers
def _poisson_with_lemmas():
    """The Poisson derivation up to its identity, positivity and monotonicity lemmas."""
    d = Derivation("Poisson by steps", where={n: sp.S.Naturals, Y: sp.S.Naturals0,
                                              RATE: sp.Interval.open(0, sp.oo)})
    density = RATE[i] ** Y[i] * sp.exp(-RATE[i]) / sp.factorial(Y[i])
    L = d.define("L", sp.Product(density, (i, 1, n)))
    NLL = d.define("NLL", sp.Sum(RATE[i] - Y[i] * sp.log(RATE[i]), (i, 1, n)) / n)
    constant = sp.Sum(sp.log(sp.factorial(Y[i])), (i, 1, n))
    d.lemma("Positivity", d.positive(L), label="positivity")
    d.lemma("Identity", d.chain(sp.log(L)).derive(-n * NLL - constant), label="identity")
    x = sp.Symbol("x")
    d.lemma("Log", d.strictly_increasing(sp.log(x), x, sp.Interval.open(0, sp.oo)), label="log")
    return d, L, NLL, constant


def test_an_optimizer_chain_is_written_step_by_step_and_cites_its_lemmas():
    d, L, NLL, constant = _poisson_with_lemmas()
    signs = (d.argmax(sp.log(L), over=[RATE]).argmax(-n * NLL - constant, by="identity")
             .argmax(-n * NLL).argmin(n * NLL).argmin(NLL))
    d.lemma("Signs", signs, label="signs")
    d.theorem("Poisson", d.argmax(L, over=[RATE]).argmax(sp.log(L), by=["positivity", "log"])
              .argmin(NLL, by="signs"))
    text = d.proof().to_text()
    for line in ("= argmax_θ −n·NLL(θ) − ∑_{i=1}^{n} log(y_i!)   "
                 "[the objectives are equal (Lemma 2)]",
                 "[an additive constant does not change the maximizers]",
                 "[maximizing is minimizing the negative]",
                 "[a positive factor does not change the minimizers]",
                 "[L > 0 and log increases strictly (Lemmas 1 and 3)]", "[Lemma 4]"):
        assert line in text, line
    statement = d.proof().theorem.statement
    senses = (statement.sense_f, statement.sense_g)
    assert (statement.f, statement.g, senses) == (L, NLL, ("max", "min"))


def test_a_positivity_lemma_alone_proves_the_step_to_the_log():
    """by= a range lemma alone: the engine proves the map increasing on that range (log on
    (0, ∞), exp on ℝ) and the step cites the lemma; no other step is proved this way."""
    d, L, NLL, constant = _poisson_with_lemmas()
    d.theorem("Poisson", d.argmax(L, over=[RATE]).argmax(sp.log(L), by="positivity")
              .derive("min", NLL, by="identity"))
    steps = d.sections[-1].steps
    assert steps[0].justification == "$<L> > 0$ (<ref:positivity>) and $<log>$ increases strictly"
    assert "[L > 0 (Lemma 1) and log increases strictly]" in d.proof().to_text()
    used = [node.statement for node in tree_nodes(steps[0].theorem)
            if isinstance(node.statement, StrictlyIncreasing)]
    assert used and used[0].func == sp.log(used[0].var)
    d.theorem("Exp", d.argmax(L, over=[RATE]).argmax(sp.exp(L), by="positivity"))
    assert d.sections[-1].steps[0].justification.startswith("a strictly increasing map keeps")


def test_the_engines_optimizer_steps_name_the_map_and_cite_the_lemmas_they_rest_on():
    """A review: d.same_optimizers printed 'a strictly increasing map keeps the maximizers
    (Lemma 1)', Lemma 1 being L > 0 and the map unnamed, and 'the objectives are equal' without
    the lemma that proved them equal."""
    from proofs.derivation import load
    text = load(str(Path(__file__).resolve().parents[1] / "docs/examples/poisson.py")
                + ":poisson").to_text()
    assert "Lemma 1 (Positivity)" in text and "Lemma 2 (Log-likelihood)" in text
    assert "[L > 0 (Lemma 1) and log increases strictly]" in text
    assert "[the objectives are equal (Lemma 2)]" in text
    # each fact with the lemma that states it (a review: "E > 0 (Lemma 2)", Lemma 2 stating that
    # log increases)
    a, x = sp.symbols("a x")
    d = Derivation("Ranges", where={a: sp.Interval(0, 1)})
    E = d.define("E", sp.exp(a))
    d.lemma("Range", d.member(E, sp.Interval.open(sp.Rational(1, 2), sp.oo)))
    d.lemma("Log increases", d.strictly_increasing(sp.log(x), x, sp.Interval.open(0, sp.oo)))
    d.theorem("Log", d.argmax(E, over=[a]).derive("max", sp.log(E)))
    assert "[E > 0 and log increases strictly (Lemma 2)]" in d.proof().to_text()


@pytest.mark.parametrize("target, message", [
    (lambda L: -sp.log(L), "must apply a function to it"),  # not a map of L alone
    (lambda L: sp.sin(L), "is false: sin"),  # sin does not increase on (0, ∞)
    (lambda L: sp.log(2 * L), "must apply a function to it"),  # the map's argument is 2L, not L
    (lambda L: sp.log(sp.log(L)), "must apply a function to it"),  # log L > 0 is not cited
])
def test_a_positivity_lemma_alone_proves_no_other_step(target, message):
    d, L, NLL, constant = _poisson_with_lemmas()
    with pytest.raises(DerivationError, match=message):
        d.argmax(L, over=[RATE]).argmax(target(L), by="positivity")
    with pytest.raises(DerivationError, match="keeps the sense"):
        d.argmax(L, over=[RATE]).argmin(sp.log(L), by="positivity")


def test_the_map_proved_for_a_cited_range_takes_a_fresh_variable():
    """x names a family of the model: the monotonicity the engine proves for the step is about
    another variable, so that one name stays one object."""
    x = sp.IndexedBase("x")
    d = Derivation("Clash", where={n: sp.S.Naturals, x: sp.Interval.open(0, 1)})
    L = d.define("L", sp.Product(x[i], (i, 1, n)))
    d.lemma("Positivity", d.positive(L), label="positivity")
    d.theorem("Log", d.argmax(L, over=[x]).argmax(sp.log(L), by="positivity"))
    monotone = next(node.statement for node in tree_nodes(d.sections[-1].steps[0].theorem)
                    if isinstance(node.statement, StrictlyIncreasing))
    assert monotone.var.name not in ("x", "i", "n", "L")


def test_derive_shows_the_optimizer_rules_the_engine_used():
    d, L, NLL, constant = _poisson_with_lemmas()
    d.theorem("Signs", d.argmax(sp.log(L), over=[RATE]).derive("min", NLL, by="identity"))
    rules = [step.rule for step in d.sections[-1].steps]
    assert rules == ["optimizers_of_equal", "shift_constant", "negate_objective", "scale_positive"]
    assert "(<ref:identity>)" in d.sections[-1].steps[0].justification


@pytest.mark.parametrize("make, message", [
    # a sign flipped: argmax f is not argmax −f (a counterexample, not merely "not proved")
    (lambda d, L, NLL, c: d.argmax(-n * NLL, over=[RATE]).argmax(n * NLL), "step 1 .* is "),
    # an equality lemma keeps the sense; a sign change is a step of its own
    (lambda d, L, NLL, c: d.argmax(sp.log(L), over=[RATE]).argmin(n * NLL + c, by="identity"),
     "keeps the sense"),
    # the cited equality does not give this objective
    (lambda d, L, NLL, c: d.argmax(sp.log(L), over=[RATE]).argmax(-NLL, by="identity"),
     "step 1 .* is not proved"),
    # positivity of L cited for a transfer of log L
    (lambda d, L, NLL, c: d.argmax(sp.log(L), over=[RATE]).argmax(sp.log(sp.log(L)),
                                                                   by=["positivity", "log"]),
     "range is about L"),
    # a strictly increasing map keeps the sense
    (lambda d, L, NLL, c: d.argmax(L, over=[RATE]).argmin(sp.log(L), by=["positivity", "log"]),
     "keeps the sense"),
    # an optimizer rule named that the step does not use
    (lambda d, L, NLL, c: d.argmin(NLL, over=[RATE]).argmin(n * NLL, by="negate_objective"),
     "proved without negate_objective"),
    (lambda d, L, NLL, c: d.argmin(NLL, over=[RATE]).argmin(n * NLL, by="nonsense"),
     "names no lemma"),
    (lambda d, L, NLL, c: d.argmin(NLL, over=[RATE]).argmin(n * NLL, by="positivity"),
     "the cited range is about L, not NLL"),
])
def test_wrong_optimizer_steps_are_refused_with_their_index(make, message):
    d, L, NLL, constant = _poisson_with_lemmas()
    with pytest.raises(DerivationError, match=message):
        make(d, L, NLL, constant)


def test_a_false_optimizer_step_carries_a_counterexample():
    d, L, NLL, constant = _poisson_with_lemmas()
    with pytest.raises(DerivationError) as caught:
        d.argmin(NLL, over=[RATE]).argmax(NLL)  # argmin = argmax: false
    assert caught.value.step == 1 and caught.value.false, str(caught.value)


def test_optimizer_chains_need_quantities_and_steps():
    d, L, NLL, constant = _poisson_with_lemmas()
    with pytest.raises(Exception, match="over="):
        d.argmax(L, over=[])
    with pytest.raises(Exception, match="at least one step"):
        d.theorem("Empty", d.argmax(L, over=[RATE]))
    with pytest.raises(Exception, match="sense"):
        d.argmax(L, over=[RATE]).derive("sup", NLL)


def test_a_corollary_states_the_optimal_values():
    d, L, NLL, constant = _poisson_with_lemmas()
    d.theorem("Signs", d.argmax(sp.log(L), over=[RATE]).derive("min", NLL, by="identity"))
    with pytest.raises(Exception, match="exp"):
        d.corollary(d.chain(L).eq(L))
    link = d.corollary(d.chain(L).eq(sp.exp(-n * NLL - constant), by="identity"))
    assert link.statement.rhs == sp.exp(-n * NLL - constant)
    with pytest.raises(DerivationError, match="is not proved|is false"):  # a wrong exponent
        d.chain(L).eq(sp.exp(-NLL - constant), by="identity")


def test_derive_rewrites_only_with_equality_lemmas_and_folds_only_own_definitions():
    d, L, NLL, constant = _poisson_with_lemmas()
    with pytest.raises(DerivationError, match="equality lemmas"):
        d.chain(sp.log(L)).derive(-n * NLL - constant, by="positivity")
    other = Derivation("Other").define("q", sp.exp(i), params=[i])
    with pytest.raises(Exception, match="not a definition of this derivation"):
        d.chain(sp.log(L)).derive(-n * NLL - constant, folded=[other])


def test_a_monotonicity_lemma_on_a_closed_interval_renders_with_its_variable_bound():
    # √t on [0, ∞): its proof's lines range t over [0, ∞) (defined, continuous) and (0, ∞) (the
    # derivative); t is the lemma's variable, so the setting does not list it
    t, s = sp.symbols("t s")
    d = Derivation("roots")
    d.lemma("Root", d.strictly_increasing(sp.sqrt(t), t, sp.Interval(0, sp.oo)))
    d.theorem("Cube", d.strictly_increasing(s**3 + s, s, sp.S.Reals))
    proof = d.proof()
    assert all(key not in (t, s) for key, _ in proof.setting)
    text = proof.to_text()
    assert "t ↦ √t is strictly increasing on [0, ∞)" in text and "1/(2 √t) > 0" in text


def test_a_monotonicity_says_how_its_derivative_s_sign_was_shown():
    """x³: its derivative 3x² is at least 0 with isolated zeros, not 'positive'; x/√(1 + x²): its
    derivative is shown positive through the form it equals over a common denominator, and that
    equation and the form's sign are lines of the proof."""
    x = sp.Symbol("x")
    d = Derivation("Monotone")
    d.theorem("Cube", d.strictly_increasing(x ** 3, x, sp.S.Reals))
    d.theorem("Root", d.strictly_increasing(x / sp.sqrt(1 + x ** 2), x, sp.S.Reals))
    cube, root = d.proof().to_text().split("Theorem 2")
    derivative = next(line for line in cube.splitlines() if line.strip().startswith("3x^{2}"))
    assert "at least 0" in derivative and "finitely many roots" in derivative
    assert "positive" not in derivative
    lines = [line.strip() for line in root.splitlines()]
    form = "1/((x^{2} + 1)^{(3/2)})"
    assert any(line.endswith(f"= {form}   [algebra]") for line in lines), lines
    assert any(line.startswith(f"{form} > 0") for line in lines), lines
    assert any("positive inside the interval by the equation above" in line for line in lines)


def test_a_step_through_sinh_cosh_or_tanh_names_the_definitions_it_used():
    x = sp.Symbol("x")
    d = Derivation("Hyperbolic")
    d.theorem("Tanh", d.chain(sp.tanh(x)).eq(2 / (1 + sp.exp(-2 * x)) - 1))
    d.theorem("Pythagoras", d.chain(sp.cosh(x) ** 2 - sp.sinh(x) ** 2).eq(1))
    text = d.proof().to_text()
    assert "[the definition of tanh by exp, algebra]" in text
    assert "[the definitions of cosh and sinh by exp, algebra]" in text


def test_a_gap_bounded_through_another_form_states_the_equation_and_its_words():
    """√(x + 1) − √x > 0 over its conjugate, cosh x − sinh x > 0 through exp: the equation is a
    line with its reason, and √x of x >= 0 is no 'power of a positive base'."""
    x = sp.Symbol("x")
    d = Derivation("Gaps", where={x: sp.Interval(0, sp.oo)})
    d.theorem("Roots", d.positive(sp.sqrt(x + 1) - sp.sqrt(x)))
    d.theorem("Hyperbolic", d.positive(sp.cosh(x) - sp.sinh(x)))
    lines = [" ".join(line.split()) for line in d.proof().to_text().splitlines()]
    assert "√x ∈ [0, ∞) [power of a nonnegative base with a positive exponent]" in lines
    assert "√(x + 1) − √x = 1/(√x + √(x + 1)) [algebra]" in lines
    assert "cosh x − sinh x = exp(−x) [the definitions of cosh and sinh by exp]" in lines


def test_a_default_label_never_repeats_a_chosen_one():
    """The first lemma labelled lemma-2 by its author; the second, unlabelled, was given lemma-2
    too (the Coq export then defined lemma_lemma_2 twice)."""
    a = sp.Symbol("a")
    d = Derivation("Labels", where={a: sp.Interval.open(0, sp.oo)})
    d.lemma("A", d.positive(a + 1), label="lemma-2")
    d.lemma("B", d.positive(a + 2))
    d.theorem("C", d.positive(a + 3))
    labels = [section.label for section in d.proof().sections]
    assert len(set(labels)) == len(labels) and labels[0] == "lemma-2"


def test_a_log_of_a_product_cites_the_positivity_lemma_only_for_the_factors_it_states():
    """A cited lemma must contain the fact: the positivity lemma states λ_i^{y_i} e^{−λ_i}/y_i! > 0,
    so the log of that product cites it, while the log of another product (∏ λ_i) says why its
    factors are positive (here: by assumption, λ_i > 0 in where)."""
    d, L, NLL, constant = _poisson_with_lemmas()
    d.lemma("Identity again", d.chain(sp.log(L)).derive(-n * NLL - constant))
    assert "log of a product of positive factors (<ref:positivity>)" in [
        step.justification for step in d.sections[-1].steps]
    rates = sp.Product(RATE[i], (i, 1, n))
    d.lemma("Rates", d.chain(sp.log(rates)).derive(sp.Sum(sp.log(RATE[i]), (i, 1, n))))
    words = [step.justification for step in d.sections[-1].steps]
    assert "log of a product of positive factors (positive by assumption)" in words
    assert not any("<ref:" in word for word in words)


def test_factors_no_lemma_states_positive_are_justified_by_the_rules_that_show_them():
    # a referee's reading: categorical --softmax cited its factors as positive "from the
    # setting", which gives z ∈ ℝ only; the rules that show (exp z/Σ exp z)^y > 0 are named
    words = [step.justification for step in
             proofs.prove("categorical", softmax=True).sections[0].steps]
    assert ("log of a product of positive factors (each positive: exponential of a real number, "
            "sum of at least one positive term, reciprocal, product of positive numbers, power of "
            "a positive base with a real exponent)") in words


def test_a_range_cited_alone_a_review_found_mishandled():
    """x, u, t and s all taken (a traceback before); a rule name beside the lemma (a traceback); a
    range about another expression, or a map not increasing on it, said as such rather than as a
    false step; a derived chain cites the range; the map's variable is not an optimized one."""
    names = [sp.IndexedBase(name) for name in "xuts"]
    d = Derivation("Taken", where={n: sp.S.Naturals, **{f: sp.Interval.open(0, 1) for f in names}})
    L = d.define("L", sp.Product(sp.Mul(*(f[i] for f in names)), (i, 1, n)))
    d.lemma("Positivity", d.positive(L), label="positivity")
    d.theorem("Log", d.argmax(L, over=names).argmax(sp.log(L), by="positivity"))
    monotone = next(node.statement for node in tree_nodes(d.sections[-1].steps[0].theorem)
                    if isinstance(node.statement, StrictlyIncreasing))
    assert monotone.var.name not in "xuts"
    a = sp.Symbol("a")
    d = Derivation("Ranges", where={a: sp.Interval(0, 1)})
    E = d.define("E", sp.exp(a))
    d.lemma("Range", d.member(E, sp.Interval.open(0, sp.oo)), label="range")
    d.lemma("Shifted", d.member(a - sp.Rational(1, 4), sp.Interval.open(-1, 1)), label="shifted")
    words = d.argmax(E, over=[a]).argmax(sp.log(E), by=["range", "transfer_increasing"])
    assert "(<ref:range>)" in words.steps[-1].justification
    derived = d.argmax(E, over=[a]).derive("max", sp.log(E), by="range")
    assert derived.steps[-1].justification == ("$<E> > 0$ (<ref:range>) and $<log>$ increases "
                                               "strictly")
    with pytest.raises(DerivationError, match=r"the cited range is about a - 1/4, not E"):
        d.argmax(E, over=[a]).argmax(sp.log(E), by="shifted")
    with pytest.raises(DerivationError, match=r"is refused: cosh\(x\) is not shown strictly "
                                              r"increasing for x in Interval.open\(-1, 1\)"):
        d.argmax(a - sp.Rational(1, 4), over=[a]).argmax(sp.cosh(a - sp.Rational(1, 4)),
                                                          by="shifted")
    over_x = Derivation("Over x", where={a: sp.Interval(0, 1)})
    x = sp.Symbol("x")
    F = over_x.define("F", sp.exp(a + x))
    over_x.lemma("Range", over_x.member(F, sp.Interval.open(0, sp.oo)), label="range")
    over_x.theorem("Log", over_x.argmax(F, over=[a, x]).argmax(sp.log(F), by="range"))
    monotone = next(node.statement for node in tree_nodes(over_x.sections[-1].steps[0].theorem)
                    if isinstance(node.statement, StrictlyIncreasing))
    assert monotone.var.name != "x"


# ------------------------------------------------------------------------------------------------
# pages that stated more than the kernel proved (found by a review; each a false statement shown
# with "Checked by the proofs kernel")
def test_a_corollary_needs_a_positive_scale_free_of_what_is_optimized():
    """max L = exp(−c·min G) holds for c > 0 only: with c < 0, θ ∈ [0, 1], L = exp(−cθ) and
    G = θ, max L = e but exp(−c·min G) = 1."""
    theta, c = sp.symbols("theta c")
    d = Derivation("Sign", where={c: sp.Interval.open(-sp.oo, 0), theta: sp.Interval(0, 1)})
    G = d.define("G", theta)
    L = d.define("L", sp.exp(-c * theta))
    with pytest.raises(UnsupportedError, match="needs c = c > 0, which is not proved"):
        d.corollary(d.chain(L).eq(sp.exp(-c * G)))
    with pytest.raises(UnsupportedError, match="one defined objective"):  # was a StopIteration
        d.corollary(d.chain(L).eq(sp.exp(-c * theta)))
    # c may not vary with what is optimized either: exp(−θ·G) over θ
    e = Derivation("Varying", where={theta: sp.Interval.open(0, 1)})
    H = e.define("H", sp.Integer(2))
    M = e.define("M", sp.exp(-2 * theta))
    e.corollary(e.chain(M).eq(sp.exp(-theta * H)))
    e.theorem("Same", e.argmax(M, over=[theta]).argmax(-theta))
    with pytest.raises(UnsupportedError, match="must not depend on what is optimized"):
        e.proof()


def test_a_corollary_needs_something_optimized():
    # max_θ L = exp(−min_θ CE + w) with no section saying what θ is: read as w, the left side
    # is max_w e^{w − w²} = e^{1/4} and the right side at w = 0 is 1
    w = sp.Symbol("w")
    d = Derivation("Nothing optimized")
    CE = d.define("CE", w ** 2)
    L = d.define("L", sp.exp(-w ** 2 + w))
    d.theorem("Identity", d.chain(L).eq(sp.exp(-CE + w)))
    d.corollary(d.chain(L).eq(sp.exp(-CE + w)))
    with pytest.raises(UnsupportedError, match="this derivation optimizes nothing: add the argmax"):
        d.proof()


def test_a_corollary_with_a_constant_prints_it_in_the_optimal_value():
    """exp(−n·NLL − C): max L = exp(−n·min NLL − C) (it printed a scale (n·NLL + C)/NLL)."""
    d, L, NLL, constant = _poisson_with_lemmas()
    d.theorem("Signs", d.argmax(sp.log(L), over=[RATE]).derive("min", NLL, by="identity"))
    d.corollary(d.chain(L).eq(sp.exp(-n * NLL - constant), by="identity"))
    proof = d.proof()
    assert ("max_θ L = exp(-n·min_θ NLL - ∑_{i=1}^{n} log(y_i!))" in proof.to_text())
    assert (r"\max_{\theta} L = \exp(-n \cdot \min_{\theta} \mathrm{NLL} - \sum_{i=1}^{n} "
            r"\log\left(y_{i}!\right))" in proof.to_latex())


def test_the_setting_covers_every_entry_and_value_a_line_uses():
    """The setting says p_i ∈ (0, 1) for i = 1, …, n and C(p_i) ∈ (0, 1); the kernel assumed
    them at every index and argument.  S + p_{n+1} > S, or S + C(0) > S, printed under those
    hypotheses is false (n = 1, p_1 = 1/2, p_2 = −1; C(0) = −1)."""
    p, C = sp.IndexedBase("p"), sp.Function("C")
    d = Derivation("Index range", where={n: sp.S.Naturals, p: sp.Interval.open(0, 1)})
    S = d.define("S", sp.Sum(p[i], (i, 1, n)))
    d.theorem("Larger", d.chain(S + p[n + 1]).gt(S))
    with pytest.raises(UnsupportedError, match=r"p\[n \+ 1\] is used where the setting"):
        d.proof()
    e = Derivation("Function range", where={n: sp.S.Naturals, C: sp.Interval.open(0, 1)})
    T = e.define("T", sp.Sum(C(p[i]), (i, 1, n)))
    e.theorem("Larger", e.chain(T + C(0)).gt(T))
    with pytest.raises(UnsupportedError, match=r"C\(0\) is used where the setting"):
        e.proof()
    # entries under a sum over the setting's range, with another index name, are covered
    j = sp.Symbol("j")
    f = Derivation("Covered", where={n: sp.S.Naturals, p: sp.Interval.open(0, 1)})
    U = f.define("U", sp.Sum(p[i], (i, 1, n)))
    f.theorem("Positive", f.chain(U + sp.Sum(p[j] ** 2, (j, 1, n))).gt(U))
    assert "for i = 1, …, n" in f.proof().to_text()
    # an entry under a sum that runs past n: the message says how far the sum runs
    g = Derivation("Online mean", where={n: sp.S.Naturals, p: sp.Interval.open(0, 1)})
    mean = g.define("m", sp.Sum(p[j], (j, 1, n)) / n)
    g.theorem("Update", g.chain(sp.Sum(p[j], (j, 1, n + 1))).eq(n * mean + p[n + 1]))
    with pytest.raises(UnsupportedError, match=r"p\[j\] \(for j = 1, …, n \+ 1\) is used where"):
        g.proof()


def test_the_index_of_the_setting_has_no_range_of_its_own():
    """A review: with i ∈ [−3, −2] in where, the page read "Let i ∈ [−3, −2], p_i ∈
    (0, 1) for i = 1, …, n.  Then p_i > 0", false at n = 1, p_1 = 1/2, i = −5/2, p_{−5/2} =
    −1."""
    p = sp.IndexedBase("p")
    for index_range in (sp.Interval(-3, -2), sp.FiniteSet(0), sp.S.Naturals):
        d = Derivation("Entry", where={n: sp.S.Naturals, p: sp.Interval.open(0, 1),
                                       i: index_range})
        d.define("L", sp.Product(p[i], (i, 1, n)))
        d.theorem("Entry", d.positive(p[i]))
        with pytest.raises(UnsupportedError, match="i indexes the setting's families"):
            d.proof()
    d = Derivation("Entry", where={n: sp.S.Naturals, p: sp.Interval.open(0, 1)})
    d.define("L", sp.Product(p[i], (i, 1, n)))
    d.theorem("Entry", d.positive(p[i]))
    assert "p_i > 0" in d.proof().to_text()


def test_the_optimizations_of_a_derivation_are_over_the_same_quantities():
    """A lemma over a and a theorem over b were both printed over one θ, the lemma's b (a
    constant to the kernel) then depending on θ: arg max ab = arg max a is false for (a, b) =
    (1, 1) at θ = 1 and (2, 1/10) at θ = 2."""
    a, b = sp.symbols("a b")
    d = Derivation("Mixed", where={b: sp.Interval.open(0, sp.oo)})
    d.lemma("Scale", d.argmax(a * b, over=[a]).argmax(a))
    d.theorem("Flip", d.argmax(b, over=[b]).argmin(-b))
    with pytest.raises(UnsupportedError, match="holds b fixed, which another optimization"):
        d.proof()
    # a lemma over a that does not mention b is fine (the Coq export's √ and cube lemmas)
    e = Derivation("Separate", where={b: sp.Interval.open(0, sp.oo)})
    e.lemma("Square", e.argmin(a ** 2, over=[a]).argmin(a ** 2 + 1))
    e.theorem("Flip", e.argmax(b, over=[b]).argmin(-b))
    assert "arg" in e.proof().to_text()


def test_the_setting_covers_entries_reached_through_definitions_functions_and_literals():
    """A second review's pages (each printed a false statement under its setting):
    q(i) := log x_i used at n + 1 (through its body, x_{n+1}); C(i) ∈ (0, 1) 'for i = 1, …, n'
    under a sum to 2n; y_{i,1} printed, y_{i,2} used; an index run to n and to 2n."""
    x, y, C = sp.IndexedBase("x"), sp.IndexedBase("y"), sp.Function("C")
    j = sp.Symbol("j")
    unit = sp.Interval.open(0, 1)

    d = Derivation("Family", where={n: sp.S.Naturals, x: unit})
    d.define("L", sp.Product(x[i], (i, 1, n)))
    q = d.define("q", sp.log(x[i]), params=[i])
    d.theorem("Negative", d.chain(q(n + 1)).lt(0))
    with pytest.raises(UnsupportedError, match=r"x\[n \+ 1\] is used where the setting"):
        d.proof()

    e = Derivation("Function", where={n: sp.S.Naturals, C: unit})
    e.define("L", sp.Product(C(i), (i, 1, n)))
    e.theorem("Positive", e.chain(sp.Sum(-sp.log(C(i)), (i, 1, 2 * n))).gt(0))
    with pytest.raises(UnsupportedError, match=r"C\(i\) \(for i = 1, …, 2\*n\) is used where"):
        e.proof()

    f = Derivation("Literal", where={n: sp.S.Naturals, y: unit})
    f.define("L", sp.Product(y[i, 1], (i, 1, n)))
    f.theorem("Positive", f.chain(sp.Sum(-sp.log(y[i, 2]), (i, 1, n))).gt(0))
    with pytest.raises(UnsupportedError, match=r"y\[i, 2\] is used where the setting"):
        f.proof()

    g = Derivation("Two sizes", where={n: sp.S.Naturals, x: unit, y: unit})
    g.define("E", sp.Sum(x[i, j], (j, 1, n), (i, 1, n)))
    g.define("D", sp.Sum(y[i, j], (j, 1, 2 * n), (i, 1, n)))
    g.theorem("T", g.chain(x[i, j]).gt(0))
    with pytest.raises(UnsupportedError, match="runs to n in one sum or product"):
        g.proof()


def test_a_sum_with_several_limits_prints_every_one():
    """sympy flattens Σ_i Σ_k into one Sum with two limits; the page printed the first only
    (S = Σ_{k=1}^{n} log(a_i b_k) for a double sum over i and k)."""
    k, m = sp.symbols("k m")
    a, b = sp.IndexedBase("a"), sp.IndexedBase("b")
    d = Derivation("Double sum", where={a: sp.Interval.open(0, 1), b: sp.Interval.open(0, 1),
                                        n: sp.S.Naturals, m: sp.S.Naturals})
    S = d.define("S", sp.Sum(sp.Sum(sp.log(a[i] * b[k]), (k, 1, n)), (i, 1, m)))
    d.theorem("Split", d.chain(S).eq(sp.Sum(sp.log(a[i]), (k, 1, n), (i, 1, m))
                                     + sp.Sum(sp.log(b[k]), (k, 1, n), (i, 1, m))))
    proof = d.proof()
    text = proof.to_text()
    assert "S = ∑_{i=1}^{m} ∑_{k=1}^{n} log(a_i b_k)" in text
    assert "for i = 1, …, m, for k = 1, …, n" in text
    assert r"\sum_{i=1}^{m} \sum_{k=1}^{n} \log\left(a_{i} b_{k}\right)" in proof.to_latex()


def test_an_eq_step_names_every_rule_its_proof_uses_even_one_used_on_both_sides():
    # a review found that leaving out the rules both sides' normal forms use (as often) dropped
    # the real reason: log(ab) + log c = log a + log(bc) read "algebra"
    a, b, c = sp.symbols("a b c")
    positive = sp.Interval.open(0, sp.oo)
    d = Derivation("Logs", where={a: positive, b: positive, c: positive})
    chain = d.chain(sp.log(a * b) + sp.log(c)).eq(sp.log(a) + sp.log(b * c))
    assert chain.steps[-1].justification == "log of a product"


def test_a_lemma_cited_by_a_name_that_is_not_plain_words_is_cited_by_its_number():
    # a review: the name went into the justification as it was, and \gdef\log{\exp} made every
    # later log print as exp (the heading escaped it)
    a, b = sp.symbols("a b")
    positive = sp.Interval.open(0, sp.oo)
    for name, shown in ((r"Id\gdef\log{\exp}", False), ("Log of a product", True)):
        d = Derivation("Citing", where={a: positive, b: positive})
        d.lemma(name, d.chain(sp.log(a * b)).eq(sp.log(a) + sp.log(b)))
        d.theorem("Main", d.chain(sp.log(a * b) + 1).eq(sp.log(a) + sp.log(b) + 1, by=name))
        latex, text = d.proof().to_latex(), d.proof().to_text()
        assert "\\gdef" not in latex.replace(r"\textbackslash{}gdef", "")
        assert (f"{name} (Lemma" in latex) is shown and (f"{name} (Lemma" in text) is shown
        assert "Lemma~\\ref" in latex and "Lemma 1" in text


def test_two_lemmas_over_different_ranges_of_one_symbol_are_refused_naming_both():
    """One page has one x: a lemma proved for x ∈ (0, 1) beside one proved for x ∈ (0, 1] is
    refused, and the line says which two statements and what to do."""
    x = sp.Symbol("x")
    d = Derivation("Logs")
    d.lemma("Log is at most 0",
            check.member(sp.log(x), sp.Interval(-sp.oo, 0), where={x: sp.Interval.Lopen(0, 1)}))
    d.lemma("Log is below 1",
            check.member(sp.log(x), sp.Interval(-sp.oo, 1), where={x: sp.Interval.open(0, 1)}))
    d.theorem("Square", d.member(x ** 2 + 1, sp.Interval.open(0, sp.oo)))
    with pytest.raises(SideConditionError) as refusal:
        d.proof()
    assert str(refusal.value) == (
        "the lemma 'Log is below 1' is proved for x ∈ Interval.open(0, 1), but the lemma 'Log is "
        "at most 0' has x ∈ Interval.Lopen(0, 1): prove it under the same range (where={x: "
        "Interval.Lopen(0, 1)}) or give both the same range")


def test_a_sum_bounded_at_its_index_s_values_states_the_index_not_a_hypothesis():
    """Σ_{i=1}^{n} 1/i > 0 rests on 1/i ∈ (0, 1] for i ∈ ℕ: the proof says i is the sum's index,
    the setting and statement do not assume it; two sums over one index name each state their
    own values; a chain's end that rests on i ∈ ℕ keeps it in the setting."""
    x = sp.Symbol("x")
    d = Derivation("Harmonic", where={n: sp.S.Naturals})
    d.theorem("Positive", d.positive(sp.Sum(1 / i, (i, 1, n))))
    text = d.proof().to_text()
    assert "Setting: n ∈ {1, 2, …}." in text and "Let n ∈ {1, 2, …}. Then" in text
    assert "i ∈ {1, 2, …}           [the index of the sum]" in text
    d = Derivation("Two sums", where={n: sp.S.Naturals})
    d.theorem("Real", d.member(sp.Sum(1 / i, (i, 1, n)) + sp.Sum(1 / i, (i, -n, -1)) + x,
                               sp.S.Reals))
    text = d.proof().to_text()
    for line in ("i ∈ {1, 2, …}", "1/i ∈ (0, 1]", "i ∈ {…, −2, −1}", "1/i ∈ [−1, 0)"):
        assert line in text, line
    # the same fact object is a line under the sums' index and the end of a chain about a free i
    natural = sp.Symbol("i", integer=True, positive=True)
    d = Derivation("Free and bound", where={n: sp.S.Naturals})
    d.lemma("Sum", d.member(sp.Sum(x * sp.log(i), (i, 1, n)), sp.S.Reals))
    d.lemma("Sum and n", d.member(sp.Sum(x * sp.log(i) + 1, (i, 1, n)), sp.S.Reals))
    d.theorem("End", d.chain(x * sp.log(natural)).lt(x * sp.log(natural) + 1))
    assert "Setting: n ∈ {1, 2, …}, i ∈ {1, 2, …}, x ∈ ℝ." in d.proof().to_text()


def test_a_claim_for_every_value_then_instantiated_reads_as_such():
    """The hinge ≥ 0 is shown for every u by cases, then at u = xy − 1: u is no hypothesis of the
    setting, each case says so, the last line names the value (with the right symbol where another
    one cancels: (u + w)² at u = u − w is u², not a claim at w); a later statement about a u of
    its own is refused rather than printed beside the first u."""
    from proofs.kernel import rules as K
    from proofs.rules.positivity import prove_member
    from proofs.tree import instantiated

    x, y, u, w = sp.symbols("x y u w")
    hinge = (1 - y * x + sp.Abs(1 - y * x)) / 2
    d = Derivation("Hinge", where={})
    d.theorem("Nonnegative", d.member(hinge, sp.Interval(0, sp.oo)))
    text = d.proof().to_text()
    assert "Setting: x ∈ ℝ, y ∈ ℝ." in text and "[case 1, for any u ∈ ℝ]" in text
    assert "[the lines above at u = x y − 1]" in text
    general = prove_member(proofs.Context(), (u + w) ** 2)
    assert instantiated(K.instantiate(general, u, prove_member(proofs.Context(), u - w))) == (
        u, u - w)
    d = Derivation("Two u", where={})
    d.lemma("Hinge", d.member(hinge, sp.Interval(0, sp.oo)))
    d.theorem("Other", d.member(sp.log(u ** 2 + 1), sp.Interval(0, sp.oo)))
    with pytest.raises(SideConditionError, match="writes u for any value of a term"):
        d.proof()


def test_a_triangle_s_inner_count_is_named_as_the_reason_it_is():
    """Σ_i Σ_{j≤i} y_j = Σ_j (n − j + 1) y_j: after the exchange, Σ_{i=j}^{n} 1 = n − j + 1 is a
    count of terms, which a referee is told, not folded into 'linearity of the sum'."""
    i, j, n = sp.symbols("i j n", integer=True)
    y = sp.IndexedBase("y")
    d = Derivation("Triangle", where={n: sp.S.Naturals, y: sp.S.Reals})
    chain = d.chain(sp.Sum(sp.Sum(y[j], (j, 1, i)), (i, 1, n)))
    chain = chain.eq(sp.Sum(sp.Sum(y[j], (i, j, n)), (j, 1, n)))
    d.theorem("Exchange", chain.eq(sp.Sum((n - j + 1) * y[j], (j, 1, n))))
    steps = [line for line in d.proof().to_text().splitlines() if line.endswith("]")]
    assert steps[0].endswith("[exchanging the order of summation]"), steps
    assert "a sum of ones counts its terms" in steps[1], steps
    # the identity itself, at n = 3: y_1 + (y_1 + y_2) + (y_1 + y_2 + y_3) = 3 y_1 + 2 y_2 + y_3
    values = {1: 5, 2: 7, 3: 11}
    left = sum(values[k] for top in (1, 2, 3) for k in range(1, top + 1))
    right = sp.Sum((n - j + 1) * y[j], (j, 1, n)).subs(n, 3).doit().subs(
        {y[k]: value for k, value in values.items()})
    assert left == right == 3 * 5 + 2 * 7 + 11


def test_the_binomial_mean_is_derived_step_by_step_as_a_textbook_writes_it():
    """E[X] = np for X ~ Binomial(n, p), p ∈ [0, 1]: the k = 0 term dropped, k C(n, k) = n C(n − 1,
    k − 1) under the sum (absorption, at the values k takes), p^k = p·p^(k − 1) for any p (a
    natural power), the index shifted, the binomial theorem.  Each step is confirmed at values,
    and a wrong absorption is refuted."""
    k, j, n = sp.symbols("k j n", integer=True)
    p = sp.Symbol("p")
    where = {n: sp.S.Naturals, p: sp.Interval(0, 1)}

    def total(f, lo, hi, index=k):
        return sp.Sum(f, (index, lo, hi))
    steps = [total(k * sp.binomial(n, k) * p ** k * (1 - p) ** (n - k), 0, n),
             total(k * sp.binomial(n, k) * p ** k * (1 - p) ** (n - k), 1, n),
             total(n * sp.binomial(n - 1, k - 1) * p ** k * (1 - p) ** (n - k), 1, n),
             n * p * total(sp.binomial(n - 1, k - 1) * p ** (k - 1) * (1 - p) ** (n - k), 1, n),
             n * p * total(sp.binomial(n - 1, j) * p ** j * (1 - p) ** (n - 1 - j), 0, n - 1, j),
             n * p]
    d = Derivation("The binomial mean", where=where)
    chain = d.chain(steps[0])
    for step in steps[1:]:
        chain = chain.eq(step)
    d.theorem("Binomial mean", chain)
    lines = [line for line in d.proof().to_text().splitlines() if line.endswith("]")]
    assert len(lines) == 5 and "binomial coefficients as factorials" in lines[1], lines
    # each side at n = 4, p ∈ {0, 1/3, 1}: every step's value is n p (p = 0 asks 0^0 = 1)
    for values in ({n: 4, p: 0}, {n: 4, p: sp.Rational(1, 3)}, {n: 4, p: 1}):
        assert {step.subs(values).doit() for step in steps} == {4 * values[p]}
    with pytest.raises(proofs.Disproved):  # n C(n − 1, k) is no k C(n, k)
        check.equal(steps[1], total(n * sp.binomial(n - 1, k) * p ** k * (1 - p) ** (n - k), 1, n),
                    where)


def test_a_log_of_a_product_positive_at_its_index_values_says_so():
    """log ∏_{i=1}^{n} i = Σ log i: i > 0 holds at the values i takes, not by an assumption, and
    the reader is told so, with the count n − i + 1 ≥ 1 in words (not a rule's name); Coq's
    ln_prod wants each factor positive for every index, so the export refuses in one line."""
    i, n = sp.symbols("i n")
    d = Derivation("Log-factorial", where={n: sp.S.Naturals})
    d.theorem("Log of n!", d.chain(sp.log(sp.Product(i, (i, 1, n)))).eq(
        sp.Sum(sp.log(i), (i, 1, n))))
    d.theorem("Log of a falling count", d.chain(sp.log(sp.Product(n - i + 1, (i, 1, n)))).eq(
        sp.Sum(sp.log(n - i + 1), (i, 1, n))))
    text = d.proof().to_text()
    assert text.count("(each positive at the values its index takes") == 2
    assert "the index lies between the bounds of its sum or product" in text
    assert "by assumption" not in text and "member index range" not in text
    with pytest.raises(proofs.ProofError, match="^Coq export: "):
        d.proof().to_coq()


def test_a_class_index_s_range_reads_one_to_n_in_every_format(tmp_path):
    """k ∈ {1, …, n} (where= Range(1, n + 1)) is stated as the reader writes it, in the setting and
    each theorem, in text, Markdown and a LaTeX document that compiles; the softmax and
    log-sum-exp steps are proved."""
    j, k = sp.symbols("j k")
    z = sp.IndexedBase("z")
    total = sp.Sum(sp.exp(z[j]), (j, 1, n))
    d = Derivation("Softmax at class k",
                   where={n: sp.S.Naturals, k: sp.Range(1, n + 1), z: sp.S.Reals})
    d.theorem("Softmax", d.chain(sp.exp(z[k]) / total).le(1))
    d.theorem("Log-sum-exp", d.chain(sp.log(total)).ge(z[k]))
    proof = d.proof()
    assert "k ∈ {1, …, n}" in proof.to_text() and "..." not in proof.to_text()
    assert "k ∈ {1, …, n}" in proof.to_markdown() or r"\{1, \dots, n\}" in proof.to_markdown()
    document = proof.to_document()
    assert r"k \in \{1, \dots, n\}" in document
    compile_tex(tmp_path, "class", document, runs=1)
    assert "k ∈ {1, . . . , n}" in pdf_text(tmp_path / "class.pdf")
