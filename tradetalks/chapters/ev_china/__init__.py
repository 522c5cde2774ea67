"""Page 'The EV rush and China's grip on the supply chain': EV sales shares, China's share, the battery chain, BYD, targets.

``tables`` shapes the EV tables, ``charts`` draws them, ``sentences`` words the figures for the prose and
the essay check, ``parameters`` declares and checks the page's parameters.
"""

from . import charts, parameters, sentences, tables

__all__ = ["charts", "parameters", "sentences", "tables"]
