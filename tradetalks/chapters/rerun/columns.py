"""Reader headers of the columns this page derives (see tradetalks.columns).

``chapter_title`` means the same on the teaching guide (a chapter by its title on the site).
"""

from tradetalks.columns import Column
from tradetalks.i18n import N_

COLUMNS = {
    "chapter_title": Column(N_("Chapter")),
    "run_name": Column(N_("Name in the run command")),
    "parameter_name": Column(N_("Parameter")),
    "parameter_default": Column(N_("Default")),
    "parameter_meaning": Column(N_("Meaning")),
    "page_title": Column(N_("Page")),
    "page_file": Column(N_("Page file")),
    "template_file": Column(N_("Chapter notebook it runs")),
    "run_parameters": Column(N_("Parameters of the run")),
    "calculator_inputs": Column(N_("Inputs you can set in the page (range each accepts)")),
}
