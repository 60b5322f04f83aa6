"""The rows of one error group, as the diagnosis reads them: the group's texts, the messages
with their counts, the record IDs, the loading users, and the failed input rows (parsed).

At scale a group can hold 100,000 rows: the input rows of at most `limit` of them are read
(spread evenly over the group), and every count says when it is of a sample.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from syncerr_gui.core.frame.row_details import RowDetails
from syncerr_gui.core.words import say

SAMPLE_ROWS = 20_000
ID_PATTERN = re.compile(r"\b[a-zA-Z0-9]{3}[0-9][a-zA-Z0-9]{11}(?:[a-zA-Z0-9]{3})?\b")


@dataclass(frozen=True)
class GroupRows:
    """What a diagnosis knows of a group before asking the org."""

    key: str
    code: str
    object: str
    failed_on: str
    message: str  # the group's most common message
    fields: tuple[str, ...]
    messages: Counter[str]
    inputs: tuple[dict[str, str], ...]
    record_ids: tuple[str, ...]
    loaders: Counter[str]
    total: int

    @property
    def sampled(self) -> bool:
        """Whether the input rows are a sample of the group's rows."""
        return len(self.inputs) < self.total

    def of_rows(self) -> str:
        """ "of these 400 rows" / "of a sample of 20,000 of these 95,000 rows"."""
        if self.sampled:
            return say(
                "of a sample of {sample:,} of these {total:,} rows", sample=len(self.inputs), total=self.total
            )
        return say("of these {total:,} rows", total=self.total)

    def column(self, name: str) -> list[str] | None:
        """The values of input column `name` (None when the rows have no such column)."""
        if not any(name in row for row in self.inputs):
            return None
        return [row.get(name, "") for row in self.inputs]

    def named_ids(self) -> list[str]:
        """Record IDs the messages name, most frequent first."""
        counts: Counter[str] = Counter()
        for message, count in self.messages.items():
            for found in ID_PATTERN.findall(message):
                if any(ch.isdigit() for ch in found[3:]):
                    counts[found] += count
        return [i for i, _ in counts.most_common()]

    @classmethod
    def of(
        cls,
        frame: pd.DataFrame,
        positions: np.ndarray,
        details: RowDetails,
        key: str,
        limit: int = SAMPLE_ROWS,
    ) -> GroupRows:
        """The group whose rows are `positions` of `frame` (input rows from `details`)."""
        rows = frame.iloc[np.asarray(positions, dtype=np.int64)]
        if not len(rows):
            raise ValueError("a group needs at least one row")
        first = rows.iloc[0]
        pick = np.linspace(0, len(rows) - 1, min(limit, len(rows))).astype(np.int64)
        sample = rows.iloc[np.unique(pick)]
        texts = details.read(sample["row_id"].to_numpy(dtype=np.int64)).to_pylist()
        messages = Counter(rows["message"].astype(str).value_counts().head(50).to_dict())
        return cls(
            key=key,
            code=str(first["error_type"]),
            object=str(first["object"]),
            failed_on=str(first["failed_on"]),
            message=str(rows["message"].astype(str).mode().iloc[0]),
            fields=tuple(f.strip() for f in str(first["fields"]).split(",") if f.strip()),
            messages=messages,
            inputs=tuple(_parsed(t) for t in texts),
            record_ids=tuple(v for v in sample["salesforce_id"].astype(str) if v),
            loaders=Counter(rows["created_by"].astype(str).value_counts().head(5).to_dict()),
            total=len(rows),
        )


def _parsed(text: str | None) -> dict[str, str]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): "" if v is None else str(v) for k, v in data.items()}
