"""Page 'The claims, checked': its one parameter, the data folder."""

from __future__ import annotations

from tradetalks.params import Parameter

PARAMETERS: tuple[Parameter, ...] = (Parameter("data_dir", None, "data folder; None means the shipped data"),)
