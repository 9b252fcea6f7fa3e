"""``python -m studio``: the headless commands (``timer … --api`` through the running app,
``timer status --json`` read with the standard library where it can be)."""

import sys

from studio.api_client import run

sys.exit(run(sys.argv[1:]))
