"""Reader headers of the columns this page derives (see tradetalks.columns)."""

from tradetalks.columns import Column
from tradetalks.i18n import N_

COLUMNS = {
    "from": Column(N_("Made in")),  # which text makes the claim (the claims table's ``text``)
    "claims": Column(N_("Claims"), 0),  # how many claims got a verdict
}
