"""Page 'Is an EV greener on Japan's grid?': grid intensity and mix, a per-km CO2 calculator, its break-even and sensitivity, prices.

``tables`` shapes the electricity and price tables, ``inputs`` fills the calculator's inputs from
``lifecycle_parameters``, ``calculator`` shapes the results of ``tradetalks.calc``'s arithmetic,
``charts`` draws them, ``sentences`` words the figures for the prose, ``parameters`` declares and
checks the page's parameters.
"""

from . import calculator, charts, inputs, parameters, sentences, tables, units

__all__ = ["calculator", "charts", "inputs", "parameters", "sentences", "tables", "units"]
