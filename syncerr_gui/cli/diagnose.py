"""`export --groups --diagnose`: a Diagnosis column, one line per group, read from the org
(through the sync's guarded client, kept in the archive per sync) or, offline, the one the
archive kept. Groups the app cannot diagnose say so in the column."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from typing import Any

import pandas as pd

from syncerr_gui.cli.failures import UsageError

logger = logging.getLogger(__name__)

HELP = 'with --groups: add a "Diagnosis" column, each cause explained from the org\'s own metadata'
OFFLINE_NONE = "No diagnosis was read for this group yet (it is read when online)."
Diagnose = Callable[[pd.DataFrame, pd.DataFrame, Any], pd.Series]


def add_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--diagnose", action="store_true", help=HELP)


def check(args: argparse.Namespace) -> None:
    if getattr(args, "diagnose", False) and not args.groups:
        raise UsageError("--diagnose needs --groups (a diagnosis explains a group)")


def online(args: argparse.Namespace, session: Any, details: Any, archive: Any = None) -> Diagnose | None:
    """The column's maker for a logged-in export (None without --diagnose)."""
    if not args.diagnose:
        return None

    def run(table: pd.DataFrame, whole: pd.DataFrame, groups: Any) -> pd.Series:
        from syncerr_gui.core.archive.diagnosis_cache import DiagnosisCache, diagnosis_of
        from syncerr_gui.core.diagnosis.diagnoser import Diagnoser
        from syncerr_gui.core.diagnosis.group_rows import GroupRows
        from syncerr_gui.core.diagnosis.org_reader import OrgReader
        from syncerr_gui.core.salesforce.client import OrgClient

        diagnoser = Diagnoser(OrgReader(OrgClient(session)))
        cache = DiagnosisCache(archive) if archive is not None else None
        source = archive.details if archive is not None else details
        lines = []
        for group, key in zip(table["group"], table["key"]):
            rows = GroupRows.of(whole, groups.rows_of([int(group)]), source, str(key))
            lines.append(diagnosis_of(rows, diagnoser, cache).headline)
        return pd.Series(lines, index=table.index)

    return run


def offline(args: argparse.Namespace, archive: Any) -> Diagnose | None:
    """The column from the archive's kept diagnoses (no network)."""
    if not args.diagnose:
        return None

    def run(table: pd.DataFrame, whole: pd.DataFrame, groups: Any) -> pd.Series:
        from syncerr_gui.core.archive.diagnosis_cache import DiagnosisCache

        kept = DiagnosisCache(archive, reading_only=True).headlines([str(k) for k in table["key"]])
        return pd.Series([kept.get(str(k), OFFLINE_NONE) for k in table["key"]], index=table.index)

    return run
