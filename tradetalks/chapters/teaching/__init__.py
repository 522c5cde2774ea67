"""Page 'Teaching guide': each chapter's learning objectives and exercises, and how to rerun it, read from the
chapter templates themselves so the guide never falls out of step with them.

``tables`` reads the templates (every file read is traced); ``parameters`` declares the page's one parameter.
"""

from . import parameters, tables

__all__ = ["parameters", "tables"]
