"""Page 'Reverse imports: can U.S.-built Japanese cars close the gap?': past programmes against their targets,
Japanese makers' U.S. production against Japan's imported-car market, and a calculator of the cars it would
take to offset the deficit (also run as the page 'reverse_imports_scenario', with other parameters).

``tables`` loads and shapes the data, ``calculator`` derives the cars needed, ``charts`` draws, ``sentences``
words the figures for the prose and ``parameters`` declares and checks the page's parameters.
"""

from . import calculator, charts, parameters, sentences, tables

__all__ = ["calculator", "charts", "parameters", "sentences", "tables"]
