"""Page 'The claims, checked': every claim of the two texts, its verdict and the figures that decide it."""

from . import brief, charts, evidence, parameters, sentences, tables

__all__ = ["brief", "charts", "evidence", "parameters", "sentences", "tables"]
