"""Reader headers of the columns this page derives (see tradetalks.columns)."""

from tradetalks.columns import Column

COLUMNS = {
    "table_title": Column("Table"),
    "table_file": Column("File"),
    "table_rows": Column("Rows", 0),
    "years_covered": Column("Years covered"),
    "table_licence": Column("Licence"),
    # the tier tables' headers are already words; these give their counts thousands separators
    "Rows": Column("Rows", 0),
    "Rows on secondary sources only": Column("Rows on secondary sources only", 0),
    "Sources in the register": Column("Sources in the register", 0),
    "Cited by a table": Column("Cited by a table", 0),
    "Read on a copy": Column("Read on a copy", 0),
}
