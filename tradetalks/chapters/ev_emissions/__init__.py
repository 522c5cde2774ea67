"""Page 'Is an EV greener on Japan's grid?': grid intensity and mix, a per-km CO2 calculator, its break-even and sensitivity, prices.

``tables`` shapes the electricity and price tables, ``inputs`` fills the calculator's inputs from
``lifecycle_parameters``, ``calculator`` shapes the results of ``tradetalks.calc``'s arithmetic,
``charts`` draws them, ``in_page`` runs the calculator in the reader's browser, ``sentences`` words
the figures for the prose, ``parameters`` declares and checks the page's parameters, ``brief`` gives the chapter's three key findings and ``columns`` the reader
headers of the columns it derives; ``words`` shows the English words the frames hold in the page's language.
"""

from . import brief, calculator, charts, columns, in_page, inputs, parameters, sentences, tables, units, words

__all__ = ["brief", "calculator", "charts", "columns", "in_page", "inputs", "parameters", "sentences", "tables", "units", "words"]
