"""``python -m proofs`` runs the command line."""

from .cli import run

run()
