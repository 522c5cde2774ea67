"""Page 'Teaching guide': its one parameter, the data folder (which the guide does not read)."""

from __future__ import annotations

from tradetalks.params import Parameter

PARAMETERS: tuple[Parameter, ...] = (Parameter("data_dir", None, "unused; None means the shipped data"),)
