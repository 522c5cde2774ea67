"""Page 'Auto tariffs and the 2025 talks': the U.S. duty on a Japanese car step by step, the rounds of talks,
the goods balance behind them, a tariff-bill calculator and what the carmakers said the tariffs cost.

``tables`` loads and shapes the data, ``charts`` draws it, ``duty`` publishes the duty chart (the home page shows it too), ``sentences`` words the figures for the prose,
the charts' titles and the news report's checks, ``brief`` gives the chapter's three key findings,
``in_page`` the tariff calculator that runs in the reader's browser, ``columns`` the reader headers of the columns the page derives, ``parameters`` declares and checks the
page's parameters.
"""

from . import brief, charts, columns, duty, in_page, parameters, sentences, tables

__all__ = ["brief", "charts", "columns", "duty", "in_page", "parameters", "sentences", "tables"]
