"""Start Studio Desk: ``python main.py --help``."""

import sys

from studio.app import main

if __name__ == "__main__":
    sys.exit(main())
