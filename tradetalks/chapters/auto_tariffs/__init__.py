"""Page 'Auto tariffs and the 2025 talks': the U.S. duty on a Japanese car step by step, the rounds of talks,
the goods balance behind them, a tariff-bill calculator and what the carmakers said the tariffs cost.

``tables`` loads and shapes the data, ``charts`` draws it, ``sentences`` words the figures for the prose
and the news report's checks, ``parameters`` declares and checks the page's parameters.
"""

from . import charts, parameters, sentences, tables

__all__ = ["charts", "parameters", "sentences", "tables"]
