"""Derived rules: proof procedures built only from the kernel's primitive rules, grouped by theme.

Nothing here can create a `Theorem` except by calling `proofs.kernel.rules`; a bug here can make a
true claim fail, never a false one pass.
"""
