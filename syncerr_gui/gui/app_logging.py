"""Logging, configured once: a rotating file in the user's log folder plus stderr.

Every handler scrubs secrets (core.redaction) before writing, so a token that slips into
a message never reaches the disk or the terminal.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from platformdirs import user_log_dir

from syncerr_gui import APP_ID, ORG_NAME
from syncerr_gui.core.file_modes import secure_folder
from syncerr_gui.core.redaction import install_redaction

logger = logging.getLogger(__name__)

_configured = False
LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
# Qt's offscreen platform (screenshots, CI) says these for every window it shows; they are
# not problems of the app, so they are demoted to debug (seen with --verbose only).
OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)


def _demote_offscreen_noise(record: logging.LogRecord) -> bool:
    """Logger filter on "qt": the two offscreen-only warnings become debug records."""
    if record.levelno == logging.WARNING and record.getMessage() in OFFSCREEN_NOISE:
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
    return True


def log_dir() -> Path:
    """Where the log files go (per user, per OS convention)."""
    return Path(user_log_dir(APP_ID, ORG_NAME))


def configure_logging(verbose: bool = False) -> Path | None:
    """Set up the root logger once; returns the log file's path (None if it cannot be written)."""
    global _configured
    if _configured:
        return None
    _configured = True
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(stderr)
    log_file = log_dir() / "app.log"
    earlier = ""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        earlier = secure_folder(log_file.parent, "app.log*")  # made by an older version: 0755 / 0644
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    except OSError as exc:
        logger.warning("cannot write the log file %s: %s", log_file, exc)
        return _finish(root, None, earlier)
    return _finish(root, log_file, earlier)


def _finish(root: logging.Logger, path: Path | None, earlier: str) -> Path | None:
    """Redaction on every handler, Qt's offscreen noise demoted, urllib3 quiet; the log file."""
    install_redaction(root)
    if earlier:
        logger.warning("%s", earlier)
    logging.getLogger("qt").addFilter(_demote_offscreen_noise)
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    return path
