"""Command line: `export …` and `retry …` run headless (no Qt import); anything else starts the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from syncerr_gui import APP_NAME, __version__
from syncerr_gui.core.file_modes import make_files_private


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the headless exporter or the desktop app; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    make_files_private()  # archive, snapshot, logs, settings, temp files: 0600 / 0700
    if args and args[0] == "export":
        from syncerr_gui.cli.export import main as export_main

        return export_main(args[1:])
    if args and args[0] == "retry":
        from syncerr_gui.cli.retry import main as retry_main

        return retry_main(args[1:])
    if args == ["--version"]:  # answered without loading Qt
        print(f"{APP_NAME} {__version__}")
        return 0
    if not {"-h", "--help"} & set(args):
        from syncerr_gui.gui.system_libraries import startup_problem

        if problem := startup_problem():  # before Qt, which would name one library and abort
            print(problem, file=sys.stderr)
            return 1
    from syncerr_gui.gui.application import main as gui_main

    return gui_main(args)
