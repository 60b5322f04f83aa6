"""`--out` checked before the login and the sync: a path that cannot be written is said at
once, not after a long download. A path that names no file (empty, a folder, in a missing
folder) is a bad argument (exit 2); a target that must not be replaced (read-only, a pipe or
device, a folder without write permission) is a failure (exit 1)."""

from __future__ import annotations

from syncerr_gui.cli.failures import EXIT_FAILED, EXIT_USAGE, CliFailure


def check_out_arg(out: str) -> None:
    """Raises CliFailure (exit 2 or 1) with one line of words when `out` cannot be written."""
    from syncerr_gui.core.exceptions import ExportError
    from syncerr_gui.core.frame.out_target import OutPathUnusable, check_out

    try:
        check_out(out)
    except OutPathUnusable as exc:
        raise CliFailure(f"--out: {exc} (see `main.py export --help`)", EXIT_USAGE) from None
    except ExportError as exc:
        raise CliFailure(f"--out: {exc}", EXIT_FAILED) from None
