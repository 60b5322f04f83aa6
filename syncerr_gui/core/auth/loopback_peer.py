"""Who is on the other end of a loopback connection (Linux): the user that owns its socket.

Anyone on the machine can connect to a loopback port. The browser login's redirect server
only wants the user running the app (their browser), so on Linux it looks the connecting
socket up in /proc/net/tcp{,6}, which names the owner's uid, and refuses other users. Where
that table does not exist (macOS, Windows) or does not list the socket, nothing is known and
the `state` check remains the guard.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

_TABLES = {socket.AF_INET: Path("/proc/net/tcp"), socket.AF_INET6: Path("/proc/net/tcp6")}


def _proc_address(text: str) -> tuple[str, int]:
    """'0100007F:D903' -> ('127.0.0.1', 55555): 32-bit words in host order, port big-endian."""
    hex_host, hex_port = text.split(":")
    raw = bytes.fromhex(hex_host)
    if sys.byteorder == "little":
        raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    family = socket.AF_INET if len(raw) == 4 else socket.AF_INET6
    return socket.inet_ntop(family, raw), int(hex_port, 16)


def socket_owner(table: str, local: tuple[str, int], remote: tuple[str, int]) -> int | None:
    """The uid in `table` (a /proc/net/tcp text) of the socket at `local` connected to `remote`."""
    for line in table.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 8:
            continue
        try:
            if _proc_address(fields[1]) == local and _proc_address(fields[2]) == remote:
                return int(fields[7])
        except (ValueError, OSError):
            continue
    return None


def peer_uid(peer: tuple[object, ...], server: tuple[object, ...]) -> int | None:
    """The uid of the process that connected from `peer` to `server` (None: not known here).

    `peer` and `server` are socket addresses as Python gives them ((host, port, ...)); the
    peer's own socket is the table row whose local end is `peer` and remote end `server`.
    """
    host = str(peer[0])
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    table = _TABLES[family]
    if not sys.platform.startswith("linux") or not table.exists():
        return None
    try:
        text = table.read_text(encoding="ascii", errors="replace")
        local = (socket.inet_ntop(family, socket.inet_pton(family, host)), int(str(peer[1])))
        server_host = socket.inet_ntop(family, socket.inet_pton(family, str(server[0])))
        return socket_owner(text, local, (server_host, int(str(server[1]))))
    except (OSError, ValueError) as exc:
        logger.debug("could not tell who connected: %s", exc)
        return None


def is_other_user(peer: tuple[object, ...], server: tuple[object, ...]) -> bool:
    """True only when the connection is known to come from another user than this process's."""
    uid = peer_uid(peer, server)
    return uid is not None and hasattr(os, "getuid") and uid != os.getuid()
