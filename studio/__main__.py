"""``python -m studio``: the headless commands."""

import sys

from studio.cli import main

sys.exit(main())
