"""Reader headers of the columns this page derives (see tradetalks.columns).

``chapter_title`` means the same on the teaching guide (a chapter by its title on the site).
"""

from tradetalks.columns import Column

COLUMNS = {
    "chapter_title": Column("Chapter"),
    "run_name": Column("Name in the run command"),
    "parameter_name": Column("Parameter"),
    "parameter_default": Column("Default"),
    "parameter_meaning": Column("Meaning"),
    "page_title": Column("Page"),
    "page_file": Column("Page file"),
    "template_file": Column("Chapter notebook it runs"),
    "run_parameters": Column("Parameters of the run"),
    "calculator_inputs": Column("Inputs you can set in the page (range each accepts)"),
}
