"""Renderers: walk a `Proof` and write text, LaTeX (fragment or document), Markdown, PDF.

The kernel never imports a renderer; renderers import the kernel's judgement classes and `proofs.proof` only.
"""
