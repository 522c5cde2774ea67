"""Reader headers of the columns this page derives (see tradetalks.columns).

The tier tables' headers are already words ("Cited by a table"): they are listed here too, as they read, so
their counts take thousands separators and a translated edition shows them in its language.
"""

from tradetalks.columns import Column
from tradetalks.i18n import N_

COLUMNS = {
    "table_title": Column(N_("Table")),
    "table_file": Column(N_("File")),
    "table_rows": Column(N_("Rows"), 0),
    "years_covered": Column(N_("Years covered")),
    "table_licence": Column(N_("Licence")),
    # the tier tables' headers are already words; these give their counts thousands separators
    "Rows": Column(N_("Rows"), 0),
    "Rows on secondary sources only": Column(N_("Rows on secondary sources only"), 0),
    "Sources in the register": Column(N_("Sources in the register"), 0),
    "Cited by a table": Column(N_("Cited by a table"), 0),
    "Read on a copy": Column(N_("Read on a copy"), 0),
    # and these their headers in the reader's language
    "Table": Column(N_("Table")),
    "Tier of the page read": Column(N_("Tier of the page read")),
    "Producers whose own pages would replace them": Column(N_("Producers whose own pages would replace them")),
}
