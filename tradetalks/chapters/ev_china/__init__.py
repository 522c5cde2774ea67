"""Page 'The EV rush and China's grip on the supply chain': EV sales shares, China's share, the battery chain, BYD, targets.

``tables`` shapes the EV tables (and their reader versions: words, not ids), ``charts`` draws them,
``sentences`` words the figures for the prose, the charts' titles and the essay check, ``brief`` picks the
chapter's three findings, ``columns`` heads the columns the page derives, ``parameters`` declares and
checks the page's parameters.
"""

from . import brief, charts, columns, parameters, sentences, tables

__all__ = ["brief", "charts", "columns", "parameters", "sentences", "tables"]
