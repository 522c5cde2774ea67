"""``python -m tradetalks``: the command line (see ``tradetalks.cli``)."""

import sys

from tradetalks.cli import main

sys.exit(main())
