"""Reader headers of the columns this page derives (see tradetalks.columns)."""

from tradetalks.columns import Column

COLUMNS = {
    "from": Column("Made in"),  # which text makes the claim (the claims table's ``text``)
    "claims": Column("Claims", 0),  # how many claims got a verdict
}
