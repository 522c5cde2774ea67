"""Page 'Data catalogue': its one parameter, the data folder it describes."""

from __future__ import annotations

from tradetalks.params import Parameter

PARAMETERS: tuple[Parameter, ...] = (Parameter("data_dir", None, "data folder to describe; None means the shipped data"),)
