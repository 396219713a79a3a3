"""Measure the cold CLI against a bare ``python -c "import sympy"`` in the same run; print a table,
write JSON.

Usage: ``python -m tests.benchmarks [--runs N] [--json FILE]``.  Wall times are medians of N
alternating runs (min and max shown); the ratio is what the targets are stated in, so the machine's
speed cancels out.  P2 times, in a fresh process each run, building, checking and rendering (text,
LaTeX fragment and document, Markdown) every theorem and option variant of the library, after the
imports (ours, and the module sympy itself loads on its first sum).
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"P1 cold CLI (prove bernoulli -o out.tex)": 1.0,
           "P2 warm: build+check+render every theorem vs cold sympy import": 0.5,
           "P3 loss check n=1e4 vs numpy BCE": 3.0, "P3 loss check n=1e5 vs numpy BCE": 3.0,
           "P3 loss check n=1e6 vs numpy BCE": 3.0,
           "P4 peak memory of the CLI vs sympy import": 1.2,
           "P5 warm: a 10-step user derivation checked and rendered vs cold sympy import": 0.1,
           "P2b refused (Disproved) claims vs the proved ones of the same size": 1.0,
           "P6 JAX loss check (500 examples, values and gradients) vs a hand-written hypothesis "
           "test": 2.0,
           "P7 cold `proofs check` of a paper with 5 marked displays vs cold sympy import": 2.0,
           "P8 coqc of the slowest exported theorem vs coqc of the prelude alone": None}
# targets stated in seconds, not as a ratio: the issue asks coqc on any exported theorem <= 5 s
SECONDS = {"P8 coqc of the slowest exported theorem vs coqc of the prelude alone": 5.0}
WARM_SCRIPT = """
import importlib, time
import sympy
import proofs
from proofs.theorems import LIBRARY, available
# imports first, as the issue's "after imports" asks: every theorem script and renderer, and the
# module sympy itself loads lazily on the first sum it builds (sympy.tensor.tensor, ~30 ms)
for module in {entry[0].split(":")[0] for entry in LIBRARY.values()} | {"proofs.render.text",
                                                                      "proofs.render.latex",
                                                                      "proofs.render.markdown",
                                                                      "sympy.tensor.tensor"}:
    importlib.import_module(module)
start = time.perf_counter()
for name, _ in available():
    for values in LIBRARY[name][2].get("reduction", (None,)):
        options = {} if values is None else {"reduction": values}
        proof = proofs.prove(name, **options)
        proof.to_text(); proof.to_latex(); proof.to_document(); proof.to_markdown()
print(time.perf_counter() - start)
"""
# P2b: each true claim and a false one of the same size (a sign error), timed in a fresh process
# after the imports and one unrelated claim, so that no cache is shared between the two columns
REFUSAL_SCRIPT = """
import time
import sympy as sp
from proofs import ProofError, check
x, z, i, n = sp.symbols("x z i n")
y, rate = sp.IndexedBase("y"), sp.IndexedBase("lambda")
check.positive(sp.exp(x) + 2)
sigma = 1 / (1 + sp.exp(-z))
likelihood = sp.Product(rate[i] ** y[i] * sp.exp(-rate[i]) / sp.factorial(y[i]), (i, 1, n))
where = {rate: sp.Interval.open(0, sp.oo), y: sp.S.Naturals0, n: sp.S.Naturals}
true = [lambda: check.positive(x ** 2 + 1),
        lambda: check.equal(sp.log(sigma), -sp.log(1 + sp.exp(-z))),
        lambda: check.strictly_increasing(x ** 3 + x, x, sp.S.Reals),
        lambda: check.same_optimizers(likelihood, sp.Sum(rate[i] - y[i] * sp.log(rate[i]),
                                                         (i, 1, n)) / n, [rate], where)]
false = [lambda: check.positive(x ** 2 - 1),
         lambda: check.equal(sp.log(sigma), -sp.log(1 + sp.exp(z))),
         lambda: check.strictly_increasing(x ** 3 - x, x, sp.S.Reals),
         lambda: check.same_optimizers(likelihood, sp.Sum(rate[i] + y[i] * sp.log(rate[i]),
                                                          (i, 1, n)) / n, [rate], where)]
claims = true if COLUMN == "proved" else false
start = time.perf_counter()
for claim in claims:
    try:
        claim()
    except ProofError:
        assert COLUMN == "refused"
print(time.perf_counter() - start)
"""
# P6: checking a JAX loss (float64, x64 on) by the default assert_loss_matches (500 examples, values
# and gradients) against the same hypothesis test written by hand with a numpy reference, each in a
# fresh process after the imports (jax's first-call costs per array shape are in both)
JAX_SCRIPT = """
import os, time
os.environ["JAX_ENABLE_X64"] = "1"
import jax, jax.numpy as jnp, numpy as np
from hypothesis import given, settings, strategies as st
from proofs.testing import assert_loss_matches

def loss(y, z):
    return jnp.mean(jnp.logaddexp(0.0, z) - y * z)

def by_hand():
    @settings(max_examples=500, deadline=None, database=None)
    @given(st.integers(1, 20).flatmap(lambda n: st.tuples(
        st.lists(st.sampled_from([0.0, 1.0]), min_size=n, max_size=n),
        st.lists(st.floats(-30, 30), min_size=n, max_size=n))))
    def test(data):
        y, z = (np.asarray(v, dtype=np.float64) for v in data)
        expected = np.mean(np.logaddexp(0.0, z) - y * z)
        assert abs(float(loss(y, z)) - expected) <= 1e-9 + 1e-6 * abs(expected)
        slope = (1 / (1 + np.exp(-z)) - y) / len(z)
        assert np.allclose(np.asarray(jax.grad(loss, argnums=1)(y, z)), slope, rtol=1e-4, atol=1e-9)
    test()

start = time.perf_counter()
if COLUMN == "proofs":
    assert_loss_matches(loss, inputs="logits")
else:
    by_hand()
print(time.perf_counter() - start)
"""
# P7: a paper with five marked displays (Bernoulli, Gaussian, Poisson, log-sum-exp, softmax), the
# hand-written papers of tests/test_papercheck.py
def _paper():
    from tests.test_papercheck import PREAMBLE, TRUE_DISPLAYS
    chosen = ("bernoulli", "gaussian", "poisson", "log-sum-exp", "softmax")
    return PREAMBLE + "".join(TRUE_DISPLAYS[name] for name in chosen) + "\\end{document}\n"


PAPER = _paper()
# P5: a user's ten-step chain, checked and rendered in the four formats, after the imports and a
# warm-up derivation (warm: the modules loaded, no step of this chain seen before)
DERIVATION_SCRIPT = """
import time
import sympy as sp
from proofs import Derivation
import proofs.render.text, proofs.render.latex, proofs.render.markdown
x, y, a, b, c = sp.symbols("x y a b c")
warm = Derivation("warm-up")
warm.theorem("t", warm.chain(sp.log(sp.exp(x) * sp.exp(y))).eq(x + y))
warm.proof().to_text()
start = time.perf_counter()
d = Derivation("Ten steps", where={a: sp.Interval.open(0, sp.oo), b: sp.Interval.open(0, sp.oo)})
chain = (d.chain(sp.log(a * b ** 2) + sp.log(sp.exp(c)))
         .eq(sp.log(a) + sp.log(b ** 2) + c).eq(sp.log(a) + 2 * sp.log(b) + c)
         .eq(c + 2 * sp.log(b) + sp.log(a)).eq(c + sp.log(a * b ** 2))
         .eq(sp.log(sp.exp(c) * a * b ** 2)).eq(sp.log(sp.exp(c) * a) + 2 * sp.log(b))
         .eq(c + sp.log(a) + sp.log(b) + sp.log(b)).eq(sp.log(a) + c + sp.log(b ** 2))
         .eq((2 * c + 2 * sp.log(a) + 4 * sp.log(b)) / 2).eq(sp.log(a) + 2 * sp.log(b) + c))
d.theorem("Ten", chain)
proof = d.proof()
proof.to_text(); proof.to_latex(); proof.to_document(); proof.to_markdown()
print(time.perf_counter() - start)
"""
MEMORY_SCRIPT = "import resource, subprocess, sys; " \
                "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, " \
                "stderr=subprocess.DEVNULL); " \
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def wall(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(runs):
    # byte-compile the package as `pip install` does, so the cold CLI is measured as users run it
    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    str(Path(__file__).resolve().parents[2] / "proofs")],
                   check=True)
    with tempfile.TemporaryDirectory() as folder:
        baseline_cmd = [sys.executable, "-c", "import sympy"]
        cli_cmd = [sys.executable, "-m", "proofs", "prove", "bernoulli", "-o",
                   str(Path(folder, "out.tex"))]
        wall(cli_cmd)  # warm the file-system cache and the bytecode once
        paper = Path(folder, "paper.tex")
        paper.write_text(PAPER, encoding="utf-8")
        check_cmd = [sys.executable, "-m", "proofs", "check", str(paper)]
        if subprocess.run(check_cmd, capture_output=True).returncode != 0:
            raise SystemExit("the benchmark paper does not check")
        baseline, cli, checked = [], [], []
        for _ in range(runs):
            baseline.append(wall(baseline_cmd))
            cli.append(wall(cli_cmd))
            checked.append(wall(check_cmd))
        warm = [float(subprocess.run([sys.executable, "-c", WARM_SCRIPT], check=True,
                                     capture_output=True, text=True).stdout) for _ in range(runs)]
        memory_cli = [peak_kib(cli_cmd) for _ in range(runs)]
        memory_base = [peak_kib(baseline_cmd) for _ in range(runs)]
    results = {"P1 cold CLI (prove bernoulli -o out.tex)": (cli, baseline),
               "P7 cold `proofs check` of a paper with 5 marked displays vs cold sympy import": (
                   checked, baseline),
               "P2 warm: build+check+render every theorem vs cold sympy import": (warm, baseline)}
    results.update(measure_loss_check(runs))
    derivation = [float(subprocess.run([sys.executable, "-c", DERIVATION_SCRIPT], check=True,
                                       capture_output=True, text=True).stdout) for _ in range(runs)]
    results["P5 warm: a 10-step user derivation checked and rendered vs cold sympy import"] = (
        derivation, baseline)
    proved, refused = ([float(subprocess.run([sys.executable, "-c", f"COLUMN = {column!r}\n"
                                              + REFUSAL_SCRIPT], check=True, capture_output=True,
                                             text=True).stdout) for _ in range(runs)]
                       for column in ("proved", "refused"))
    results["P2b refused (Disproved) claims vs the proved ones of the same size"] = (
        refused, proved)
    checked, by_hand = ([float(subprocess.run([sys.executable, "-c",
                                               f"COLUMN = {column!r}\n" + JAX_SCRIPT],
                                              check=True, capture_output=True,
                                              text=True).stdout.split()[-1])
                         for _ in range(max(1, runs // 3))] for column in ("proofs", "by hand"))
    results["P6 JAX loss check (500 examples, values and gradients) vs a hand-written hypothesis "
            "test"] = (checked, by_hand)
    results["P4 peak memory of the CLI vs sympy import"] = (memory_cli, memory_base)
    results.update(measure_coq(runs))
    return results


def measure_coq(runs):
    """coqc on every exported theorem and option variant (the slowest one's median) against coqc on
    the prelude alone; skipped when coqc is not installed."""
    import shutil

    import proofs
    from proofs.errors import ProofError, RenderError
    from proofs.render.coq import PRELUDE
    from proofs.theorems import combinations
    if shutil.which("coqc") is None:
        print("P8 skipped: coqc is not installed", file=sys.stderr)
        return {}
    with tempfile.TemporaryDirectory() as folder:
        scripts = {"prelude": PRELUDE.read_text(encoding="utf-8")}
        for name, options in combinations():
            try:
                script = proofs.prove(name, **options).to_coq()
            except (RenderError, ProofError):
                continue  # not exported yet, or an option combination the theorem refuses
            scripts[f"t{len(scripts)}"] = script
        for stem, script in scripts.items():
            Path(folder, f"{stem}.v").write_text(script, encoding="utf-8")
        times = {stem: [] for stem in scripts}
        for _ in range(runs):
            for stem in scripts:
                start = time.perf_counter()
                subprocess.run(["coqc", f"{stem}.v"], cwd=folder, check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[stem].append(time.perf_counter() - start)
    prelude = times.pop("prelude")
    slowest = max(times.values(), key=statistics.median)
    return {"P8 coqc of the slowest exported theorem vs coqc of the prelude alone": (slowest,
                                                                                   prelude)}


def peak_kib(command):
    """Peak resident memory (KiB) of one run of `command`, from the kernel's accounting of a child
    process."""
    return float(subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, *command], check=True,
                                capture_output=True, text=True).stdout)


def measure_loss_check(runs):
    """`assert_loss_matches_on` (the user's loss + the proven reference + comparison) vs the user's
    loss alone."""
    import numpy as np
    from proofs.testing import assert_loss_matches_on

    def numpy_bce(y, p):
        return -np.mean(y * np.log(p) + (1 - y) * np.log1p(-p))

    out = {}
    rng = np.random.default_rng(0)
    for exponent in (4, 5, 6):
        size = 10 ** exponent
        y, p = rng.integers(0, 2, size).astype(np.float64), rng.uniform(1e-9, 1 - 1e-9, size)
        checked, baseline = [], []
        for _ in range(runs):
            start = time.perf_counter()
            numpy_bce(y, p)
            baseline.append(time.perf_counter() - start)
            start = time.perf_counter()
            assert_loss_matches_on(numpy_bce, y, p)
            checked.append(time.perf_counter() - start)
        out[f"P3 loss check n=1e{exponent} vs numpy BCE"] = (checked, baseline)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", default="benchmark-results.json")
    args = parser.parse_args(argv)
    results = {}
    print(f"{'benchmark (seconds; P4 in KiB)':64s} {'median':>9s} {'min':>9s} {'max':>9s} "
          f"{'baseline':>9s} {'ratio':>6s} target")
    for name, (values, baseline) in measure(args.runs).items():
        ratio = statistics.median(values) / statistics.median(baseline)
        target = f"{SECONDS[name]} s" if name in SECONDS else TARGETS[name]
        results[name] = {"median_s": statistics.median(values), "min_s": min(values),
                         "max_s": max(values), "baseline_median_s": statistics.median(baseline),
                         "ratio": ratio, "target": target}
        print(f"{name[:64]:64s} {statistics.median(values):9.3f} {min(values):9.3f} "
              f"{max(values):9.3f} {statistics.median(baseline):9.3f} {ratio:6.2f} <= {target}")
    Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
