"""How the command line fails: exit codes and the two failure types, shared by every command."""

from __future__ import annotations

from syncerr_gui.core.exceptions import UserFacingError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_ADMIN, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
# The file was written with what was read, but the org's daily API limit left jobs unread.
EXIT_API_LIMIT = 6


class UsageError(UserFacingError):
    """Bad command-line arguments; str() is the one line shown."""


class CliFailure(UserFacingError):
    """A failure already put in words; `code` is the exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code
