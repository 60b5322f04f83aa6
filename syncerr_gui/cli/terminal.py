"""Lines for a terminal: text from a server never reaches it raw.

A job id, a reason or a message from the org can hold control characters: ESC sequences that
recolour or clear the screen, rewrite the title, or (OSC 52) write the user's clipboard, and
bidirectional overrides that make a line read differently than it is. Every line the command
line prints goes through `printable`, which shows such characters as visible escapes.
Also here: the export's self-overwriting progress line and its quiet, scrubbed logging.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Any, TextIO

logger = logging.getLogger(__name__)

# C0 and C1 controls, DEL, and the Unicode bidirectional embeddings/overrides/isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` on one line with every control or bidi character shown as `\\xNN` / `\\uNNNN`."""
    return _UNSAFE.sub(_escaped, str(text))


def one_line(text: object) -> str:
    """Whitespace runs (newlines included) as one space, then `printable`."""
    return printable(" ".join(str(text).split()))


def write_line(text: object, stream: TextIO | None = None) -> None:
    """Print one safe line to `stream` (stderr by default)."""
    target = stream if stream is not None else sys.stderr
    target.write(one_line(text) + "\n")


def fail(message: str, code: int) -> int:
    """Say `error: message` on stderr and give `code`: how every command ends when it fails."""
    write_line(f"error: {message}")
    return code


class ProgressLine:
    """One self-overwriting progress line on a terminal (called from worker threads)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._shown = False

    def __call__(self, progress: Any) -> None:
        self._stream.write(
            f"\r{printable(progress.phase)}: {progress.jobs_text()}, {progress.rows:,} errors\x1b[K"
        )
        self._stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()


def configure_logging(verbose: bool) -> None:
    """Quiet by default (stderr carries only warnings and the error line); scrubbed when verbose."""
    root = logging.getLogger()
    if verbose:
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.setLevel(logging.INFO)
    else:
        handler = logging.NullHandler()
    root.addHandler(handler)
    from syncerr_gui.core.redaction import install_redaction

    install_redaction(handler)
