import sys

from tradetalks.cli import main

sys.exit(main())
