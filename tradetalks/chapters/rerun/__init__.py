"""Page 'Rerun with your own data': every chapter's parameters, the run grid, and the worked example of a data update,
read from the project itself.

``tables`` reads the parameters, the grid and the example's files; ``parameters`` declares the page's one
parameter.
"""

from . import parameters, tables

__all__ = ["parameters", "tables"]
