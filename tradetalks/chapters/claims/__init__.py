"""Page 'The claims, checked': every claim of the two texts, its verdict and the figures that decide it."""

from . import charts, evidence, parameters, sentences, tables

__all__ = ["charts", "evidence", "parameters", "sentences", "tables"]
