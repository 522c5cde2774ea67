"""The home page: the key findings, one per page, computed by each page's own ``brief`` (so the home page
and the chapters cannot disagree), and the site's introduction.

``findings`` gathers and words the findings; ``parameters`` declares the data folder.
"""

from . import findings, parameters

__all__ = ["findings", "parameters"]
