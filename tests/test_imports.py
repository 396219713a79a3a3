"""The import layers of DESIGN.md: the kernel imports no other part of the package, and no renderer
imports `proofs.proof` (which imports the renderers) — tree walking sits below both, in
`proofs.tree`."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "proofs"


def imported_modules(path):
    """The package modules a file imports (absolute names), at any depth of the file."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = parts[:-1]  # the package a relative import starts from (for __init__.py, its own)
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("proofs")}


def test_the_kernel_imports_only_itself_and_the_errors():
    for path in (PACKAGE / "kernel").glob("*.py"):
        outside = {
            m
            for m in imported_modules(path)
            if not m.startswith(("proofs.kernel", "proofs.errors"))
        }
        assert not outside, f"{path.name} imports {sorted(outside)}"


def test_no_renderer_imports_the_proof_module():
    for path in (PACKAGE / "render").glob("*.py"):
        assert not {
            m
            for m in imported_modules(path)
            if m == "proofs.proof" or m.startswith("proofs.proof.")
        }, f"{path.name} imports proofs.proof"
    assert not imported_modules(PACKAGE / "tree.py")


def test_proving_and_rendering_load_no_loss_checks():
    """The command line refutes claims with `proofs.testing.semantics`; the loss helpers (and the
    frameworks' checks) load only when a user asks for them, by name."""
    import subprocess
    import sys

    script = ("import sys, proofs; proofs.prove('bernoulli').to_document(); "
              "assert 'proofs.testing.losses' not in sys.modules, 'loaded'; "
              "from proofs.testing import assert_loss_matches, DEFAULT_MAX_EXAMPLES; "
              "assert 'proofs.testing.losses' in sys.modules and DEFAULT_MAX_EXAMPLES > 0")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _after_import(before):
    """The collector's state after `import proofs` in a fresh interpreter that ran `before`."""
    import json
    import subprocess
    import sys

    script = (f"import gc, json\n{before}\nimport proofs\n"
              "print(json.dumps([gc.isenabled(), gc.get_freeze_count(), "
              "'sympy' in __import__('sys').modules]))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_importing_leaves_the_garbage_collector_as_the_caller_had_it():
    """`import proofs` imports sympy with the collector off (see proofs/__init__.py); afterwards
    the collector is on or off as before, nothing stays frozen out of collection, and a caller's
    own freeze is kept."""
    assert _after_import("") == [True, 0, True]
    assert _after_import("gc.disable()") == [False, 0, True]
    enabled, frozen, _ = _after_import("junk = [[n] for n in range(1000)]\ngc.freeze()")
    assert enabled and frozen >= 1000


def test_objects_made_before_the_import_stay_collectable():
    """A reference cycle the caller made before `import proofs` is still collected after it (a
    freeze without its unfreeze would keep it forever)."""
    import subprocess
    import sys

    script = ("import gc, weakref\n"
              "class Node: pass\n"
              "node = Node(); node.self = node; alive = weakref.ref(node)\n"
              "import proofs\n"
              "del node\n"
              "gc.collect()\n"
              "assert alive() is None, 'the cycle was not collected'\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
