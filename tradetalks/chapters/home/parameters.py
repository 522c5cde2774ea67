"""Home page: its one parameter, the data folder the findings are computed from."""

from __future__ import annotations

from tradetalks.params import DATA_DIR, Parameter

PARAMETERS: tuple[Parameter, ...] = (DATA_DIR,)
