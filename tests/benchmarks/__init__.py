"""Benchmarks (not part of the pass/fail suite): run ``python -m tests.benchmarks``."""
