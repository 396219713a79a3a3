"""Renderers: walk a `Proof` and write text, LaTeX (fragment or document), Markdown, PDF, Coq.

The kernel never imports a renderer; renderers import the kernel's judgement classes and
`proofs.tree`, never `proofs.proof` (which imports them lazily, when output is asked for), so there
is no import cycle.
"""
