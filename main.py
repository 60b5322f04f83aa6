"""Entry point: `python main.py [--demo] [--screenshot FILE]` or `python main.py export ...`."""

from __future__ import annotations

import sys

from syncerr_gui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
