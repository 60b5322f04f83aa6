"""Lines for a terminal: text from a server never reaches it raw.

A job id, a reason or a message from the org can hold control characters: ESC sequences that
recolour or clear the screen, rewrite the title, or (OSC 52) write the user's clipboard, and
bidirectional overrides that make a line read differently than it is. Every line the command
line prints goes through `printable`, which shows such characters as visible escapes.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import TextIO

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
