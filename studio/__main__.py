"""``python -m studio``: the headless commands (``timer … --api`` through the running app)."""

import sys

from studio.api_client import run_through_api

code = run_through_api(sys.argv[1:])
if code is None:  # the full command line, imported only now
    from studio.cli import main

    code = main()
sys.exit(code)
