"""`python -m syncerr_gui [export …]`: the same command line as `main.py`."""

from __future__ import annotations

import sys

from syncerr_gui.app import main

sys.exit(main())
