"""Reader headers of the columns this page derives (see tradetalks.columns).

``chapter_title`` means the same on the rerun page (a chapter by its title on the site). The other
headers of the guide's tables are already words ("the exercise asks") and pass through as they are.
"""

from tradetalks.columns import Column

COLUMNS = {
    "chapter_title": Column("Chapter"),
    "exercise_number": Column("Exercise", 0),
    "run_command": Column("Command"),
    "parameter_names": Column("Parameters a class can change"),
}
