"""One package per page of the site, named like the page and its template (``notebooks/<page>.ipynb``).

Each package has ``parameters`` (the page's parameters, declared once) and ``tables`` (loading and
shaping the data, or what the page reads from the project), and as the page needs them ``charts``
(figures, coloured by ``tradetalks.style`` roles) and ``sentences`` (prose for the page's glue). Figures shown on more than one page live in ``tradetalks.figures``.
"""
