"""Keep secrets out of logs and messages: `scrub(text)` and a logging filter that applies it.

Salesforce access tokens double as session ids (`00D…!…`), refresh tokens are opaque, and
both travel in headers, form bodies, JSON and URLs. Any text that might be logged or shown
to a user — an exception message, a server's error description, a request line — goes
through `scrub` first, so one missed `logger.debug(response.text)` cannot leak a token.
Code that holds a secret of another shape (a password, a client secret) registers it with
`register_secret` and every later `scrub` hides it wherever it appears.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from syncerr_gui.core.words import Words

logger = logging.getLogger(__name__)

REDACTED = "[redacted]"

# Characters a token value may consist of; stops at quotes, spaces, separators and markup.
_VALUE = r"[^\s\"'&,;<>\\]+"

# Names whose value is a secret in any notation (key=value, key: value, "key": "value").
_STRONG_KEYS = (
    r"access_token|refresh_token|code_verifier|client_secret|password|passwd|"
    r"session_?id|security_token|id_token|assertion"
)
# Names that are ordinary words in prose ("status code: 503"): secret only as key=value or quoted.
_WEAK_KEYS = r"token|code|sid|signature|pwd"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Salesforce session id / access token: org id, "!", then the opaque part.
    (re.compile(r"\b00D[0-9A-Za-z]{12,15}![0-9A-Za-z._\-]+"), REDACTED),
    # Salesforce refresh tokens start with "5Aep8" and are long base64-like strings.
    (re.compile(r"\b5Aep8[0-9A-Za-z._\-]{20,}"), REDACTED),
    # Authorization headers in any spelling.
    (re.compile(r"(?i)\b(Bearer)\s+" + _VALUE), r"\1 " + REDACTED),
    (re.compile(r"(?i)(Authorization['\"]?\s*[:=]\s*['\"]?\w+\s+)" + _VALUE), r"\1" + REDACTED),
    (re.compile(r"(?i)(X-SFDC-Session\s*[:=]\s*)" + _VALUE), r"\1" + REDACTED),
    # XML: <sessionId>…</sessionId>, <sf:password>…</sf:password>.
    (re.compile(r"(?i)(<(?:\w+:)?(?:sessionId|password|securityToken)>)[^<]*(</)"), r"\1" + REDACTED + r"\2"),
    # JSON and dict reprs: "access_token": "…", 'code': '…'.
    (
        re.compile(r"(?i)([\"'](?:" + _STRONG_KEYS + "|" + _WEAK_KEYS + r")[\"']\s*:\s*[\"'])[^\"']*([\"'])"),
        r"\1" + REDACTED + r"\2",
    ),
    # Form bodies and query strings: access_token=…, code=…
    (re.compile(r"(?i)(\b(?:" + _STRONG_KEYS + "|" + _WEAK_KEYS + r")\s*=\s*)" + _VALUE), r"\1" + REDACTED),
    # Prose and headers: "password: …", "refresh_token: …".
    (re.compile(r"(?i)(\b(?:" + _STRONG_KEYS + r")\s*:\s*)" + _VALUE), r"\1" + REDACTED),
)

_MIN_SECRET_LENGTH = 4  # shorter strings would redact ordinary words


class _SecretRegistry:
    """Exact strings to hide wherever they appear; shared by every thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def add(self, value: str) -> None:
        if not value or len(value) < _MIN_SECRET_LENGTH:
            return
        with self._lock:
            if value not in self._secrets:
                self._secrets.add(value)
                self._pattern = None

    def remove(self, value: str) -> None:
        with self._lock:
            if value in self._secrets:
                self._secrets.discard(value)
                self._pattern = None

    def pattern(self) -> re.Pattern[str] | None:
        with self._lock:
            if self._pattern is None and self._secrets:
                # Longest first so a secret containing another is hidden whole.
                ordered = sorted(self._secrets, key=len, reverse=True)
                self._pattern = re.compile("|".join(re.escape(s) for s in ordered))
            return self._pattern


_registry = _SecretRegistry()


def register_secret(value: str | None) -> None:
    """Hide `value` in every later `scrub` (for secrets no pattern recognises, e.g. passwords)."""
    if value:
        _registry.add(value)


def forget_secret(value: str | None) -> None:
    """Stop hiding `value` (after logging out), so the registry does not grow forever."""
    if value:
        _registry.remove(value)


def scrub(text: Any) -> str:
    """`text` as a string with tokens, passwords and registered secrets replaced by [redacted].

    A translatable sentence (`Words`) stays one, with each value scrubbed, so the window can
    still show it in its language (a value that is itself a `Words`, e.g. the reason inside a
    wrapping sentence, stays one too); if scrubbing the whole finds a secret more, the plain
    scrubbed English is returned instead (safety first, translation second).
    """
    if isinstance(text, Words):
        values = {key: scrub(v) if isinstance(v, str) else v for key, v in text.values.items()}
        scrubbed = Words(text.template, values, text.plural)
        whole = _scrub_text(str(scrubbed))  # a secret made of template and value together
        return scrubbed if whole.count(REDACTED) == scrubbed.count(REDACTED) else whole
    return _scrub_text(text if isinstance(text, str) else str(text))


def _scrub_text(result: str) -> str:
    registered = _registry.pattern()
    if registered is not None:
        result = registered.sub(REDACTED, result)
    for pattern, replacement in _PATTERNS:
        result = pattern.sub(replacement, result)
    return result


class RedactingFilter(logging.Filter):
    """Scrubs a record's message, arguments and traceback before any handler writes it.

    Attach it to handlers (a filter on a logger does not see records propagated from child
    loggers). It never drops a record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not hide the record
            message = f"{record.msg!r} % {record.args!r}"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


def install_redaction(target: logging.Logger | logging.Handler | None = None) -> RedactingFilter:
    """Adds one `RedactingFilter` to a handler, or to every handler of a logger (root by default)."""
    redactor = RedactingFilter()
    if isinstance(target, logging.Handler):
        target.addFilter(redactor)
        return redactor
    owner = target if target is not None else logging.getLogger()
    for handler in owner.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(redactor)
    return redactor
