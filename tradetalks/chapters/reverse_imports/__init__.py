"""Page 'Reverse imports: can U.S.-built Japanese cars close the gap?': past programmes against their targets,
Japanese makers' U.S. production against Japan's imported-car market, and a calculator of the cars it would
take to offset the deficit (also run as the page 'reverse_imports_scenario', with other parameters).

``tables`` loads and shapes the data, ``calculator`` derives the cars needed, ``charts`` draws, ``sentences``
words the figures for the prose and the charts' titles, ``brief`` computes the "In brief" findings,
``columns`` heads the derived columns in words, ``parameters`` declares and checks the page's parameters and
``in_page`` makes the calculator that runs in the reader's browser.
"""

from . import brief, calculator, charts, columns, in_page, parameters, sentences, tables

__all__ = ["brief", "calculator", "charts", "columns", "in_page", "parameters", "sentences", "tables"]
