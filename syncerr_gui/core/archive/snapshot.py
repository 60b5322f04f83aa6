"""A columnar snapshot of the archive (Arrow IPC file) for an instant start.

SQLite is the truth; reading a million rows out of it into a frame takes several seconds,
reading the same rows from an Arrow IPC file takes a fraction of one. The snapshot carries
the archive's generation counter (bumped in the same transaction as every change of the
errors table) and row count in its metadata: a snapshot whose generation or row count
differs from SQLite's is stale and ignored, as is one that cannot be read. It is written
to a temporary file and renamed, so a crash leaves either the old or the new file.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
from pyarrow import ipc

from syncerr_gui.core.frame.schema import COLUMNS

logger = logging.getLogger(__name__)

FORMAT = b"1"
_GENERATION = b"syncerr.generation"
_ROWS = b"syncerr.rows"
_FORMAT = b"syncerr.format"


class ArchiveSnapshot:
    """The snapshot file beside an archive database."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self, generation: int, rows: int) -> pd.DataFrame | None:
        """The snapshot's frame if it matches `generation` and `rows`, else None."""
        try:
            with pa.OSFile(str(self.path), "rb") as source:
                reader = ipc.open_file(source)
                if not self._matches(reader.schema, generation, rows):
                    return None
                table = reader.read_all()
        except FileNotFoundError:
            return None
        except (OSError, pa.ArrowException, ValueError) as exc:
            logger.warning("Ignoring an unreadable archive snapshot: %s", exc)
            return None
        frame = table.to_pandas()
        if len(frame) != rows:
            return None
        return frame

    def write(self, frame: pd.DataFrame, generation: int) -> None:
        """Write `frame` as the snapshot of `generation` atomically (temp file + rename)."""
        table = pa.Table.from_pandas(frame, preserve_index=False)
        metadata = dict(table.schema.metadata or {})
        metadata.update(
            {_GENERATION: str(generation).encode(), _ROWS: str(len(frame)).encode(), _FORMAT: FORMAT}
        )
        table = table.replace_schema_metadata(metadata)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                options = ipc.IpcWriteOptions(compression="lz4")
                with ipc.new_file(handle, table.schema, options=options) as writer:
                    writer.write_table(table, max_chunksize=256_000)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def discard(self) -> None:
        """Delete the snapshot (it will be rebuilt from SQLite when next needed)."""
        self.path.unlink(missing_ok=True)

    @staticmethod
    def _matches(schema: pa.Schema, generation: int, rows: int) -> bool:
        meta = schema.metadata or {}
        if meta.get(_FORMAT) != FORMAT or schema.names != list(COLUMNS):
            return False
        return meta.get(_GENERATION) == str(generation).encode() and meta.get(_ROWS) == str(rows).encode()
