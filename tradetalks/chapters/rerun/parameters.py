"""Page 'Rerun with your own data': its one parameter, the data folder its examples read."""

from __future__ import annotations

from tradetalks.params import Parameter

PARAMETERS: tuple[Parameter, ...] = (
    Parameter("data_dir", None, "data folder the examples on this page read; None means the shipped data"),
)
