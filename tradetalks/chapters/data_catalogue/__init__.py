"""Page 'Data catalogue': every table of the data folder with its rows, years, columns and licence, the sources
by tier, and the rows that rest on secondary sources only, all read from the data itself.

``tables`` describes the data folder, ``sentences`` words the catalogue as HTML, ``parameters`` declares the
page's one parameter.
"""

from . import parameters, sentences, tables

__all__ = ["parameters", "sentences", "tables"]
