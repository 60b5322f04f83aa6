"""What Salesforce says when it refuses: the error code and message of an answer's body.

Bodies come as a JSON array, a JSON object (OAuth) or Bulk API 1.0 XML; all are hostile
input: read at most `ERROR_BODY_BYTES`, XML parsed with defusedxml (entities off), the text
kept to one printable, bounded line before anyone shows it.
"""

from __future__ import annotations

import json
import re

import requests
from defusedxml import ElementTree

ERROR_BODY_BYTES = 64 * 1024


def error_details(response: requests.Response) -> tuple[str, str]:
    """(error code, message) from a JSON array, JSON object or Bulk 1.0 XML error body."""
    if getattr(response, "_sync_error", None) is not None:
        return response._sync_error  # type: ignore[attr-defined, no-any-return]
    body = b""
    try:
        for chunk in response.iter_content(8192):
            body += chunk
            if len(body) >= ERROR_BODY_BYTES:
                break
    except requests.exceptions.RequestException:
        pass
    details = parse_error_body(body[:ERROR_BODY_BYTES])
    response._sync_error = details  # type: ignore[attr-defined]
    return details


def parse_error_body(body: bytes) -> tuple[str, str]:
    text = body.decode("utf-8", errors="replace").strip()
    if text.startswith("<"):
        try:
            root = ElementTree.fromstring(text)
        except Exception:  # noqa: BLE001 - defusedxml raises several types for hostile or broken XML
            return "", ""
        found = {el.tag.rsplit("}", 1)[-1]: (el.text or "") for el in root.iter()}
        return clean_server_text(found.get("exceptionCode", "")), clean_server_text(
            found.get("exceptionMessage", "")
        )
    try:
        data = json.loads(text)
    except ValueError:
        return "", ""
    if isinstance(data, list) and data and isinstance(data[0], dict):
        data = data[0]
    if isinstance(data, dict):
        code = data.get("errorCode") or data.get("error") or ""
        message = data.get("message") or data.get("error_description") or ""
        return clean_server_text(str(code)), clean_server_text(str(message))
    return "", ""


def clean_server_text(text: str, limit: int = 300) -> str:
    """Server text shown to the user: one line, printable, bounded."""
    return re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()[:limit]
