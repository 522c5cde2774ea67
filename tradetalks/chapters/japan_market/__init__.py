"""Page 'Why don't American cars sell in Japan?': who buys what in Japan, German against U.S. brands, car sizes
against parking and class limits, the barrier argument over time, and Jeep as the exception.

``tables`` shapes the market tables, ``sizes`` the model footprints and their fits, ``history`` the claims
timeline and Jeep's, GM's and Ford's sales; ``charts`` draws them, ``sentences`` words the prose and
``parameters`` declares and checks the page's parameters; ``columns`` gives the headers of the columns it derives and
``brief`` the three findings of its "In brief"; ``words`` joins lists and sentences in the page's language (issue 18).
"""

from . import brief, charts, columns, history, parameters, sentences, sizes, tables, words

__all__ = ["brief", "charts", "columns", "history", "parameters", "sentences", "sizes", "tables", "words"]
