"""Salesforce-shaped record ids: 15 characters plus the 3-character case checksum."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

logger = logging.getLogger(__name__)

_CHECK = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def checksum(id15: str) -> str:
    """The 3 suffix characters that make a 15-character id case-insensitively unique."""
    out = []
    for chunk in range(3):
        bits = 0
        for pos, char in enumerate(id15[chunk * 5 : chunk * 5 + 5]):
            if "A" <= char <= "Z":
                bits |= 1 << pos
        out.append(_CHECK[bits])
    return "".join(out)


def sf_id(prefix: str, number: int, pod: str = "5g") -> str:
    """An 18-character id: key prefix, pod, zero padding and `number` in base 62."""
    digits = ""
    value = number
    while True:
        value, rest = divmod(value, 62)
        digits = _BASE62[rest] + digits
        if value == 0:
            break
    body = f"{prefix}{pod}" + digits.rjust(15 - len(prefix) - len(pod), "0")
    return body + checksum(body)


def sf_ids(prefix: str, numbers: np.ndarray, pod: str = "5g") -> pd.Series:
    """Vectorised ids for many record numbers (digits only after the prefix, so the suffix is fixed)."""
    width = 15 - len(prefix) - len(pod)
    head = f"{prefix}{pod}"
    suffix = checksum(head + "0" * width)
    text = pd.Series(np.asarray(numbers, dtype=np.int64)).astype("str").str.zfill(width)
    return head + text + suffix
