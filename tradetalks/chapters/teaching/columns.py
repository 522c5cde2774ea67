"""Reader headers of the columns this page derives (see tradetalks.columns).

``chapter_title`` means the same on the rerun page (a chapter by its title on the site). The other
headers of the guide's tables are already words ("the exercise asks"): they are listed here too, as
they read (capitalised), so a translated edition shows them in its language.
"""

from tradetalks.columns import Column
from tradetalks.i18n import N_

COLUMNS = {
    "chapter_title": Column(N_("Chapter")),
    "exercise_number": Column(N_("Exercise"), 0),
    "run_command": Column(N_("Command")),
    "parameter_names": Column(N_("Parameters a class can change")),
    "after the chapter, a student can": Column(N_("After the chapter, a student can")),
    "the exercise asks": Column(N_("The exercise asks")),
    "solution on the page": Column(N_("Solution on the page")),
}
