"""Symbolic models: the objects a theorem talks about (likelihoods, cross-entropies, their
domains)."""

from .bernoulli import BernoulliModel

__all__ = ["BernoulliModel"]
