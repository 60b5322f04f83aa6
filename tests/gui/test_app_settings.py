"""Every settings key declared once, read and written in its type, migrated on open."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings


def _ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_values_come_back_in_their_type_and_a_malformed_one_as_the_default(tmp_path: Path) -> None:
    settings = AppSettings(_ini(tmp_path))
    when = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    settings.set(keys.BROWSER_CALLBACK_PORT, 1799)
    settings.set(keys.BROWSER_REMEMBER, True)
    settings.set(keys.LAST_SUCCESS_START, when, org="00D000000000001AAA")
    again = AppSettings(_ini(tmp_path))
    assert again.get(keys.BROWSER_CALLBACK_PORT) == 1799 and again.get(keys.BROWSER_REMEMBER) is True
    assert again.last_success_start("00D000000000001AAA") == when
    again.qsettings.setValue(keys.BROWSER_CALLBACK_PORT.key, "not a port")
    assert again.get(keys.BROWSER_CALLBACK_PORT) == 1717
    assert again.get(keys.ARCHIVE_RETENTION_DAYS) is None  # unset: the archive's own default


def test_a_key_that_is_not_declared_is_refused(tmp_path: Path) -> None:
    settings = AppSettings(_ini(tmp_path))
    with pytest.raises(ValueError, match="not declared"):
        settings.set_value("archive/retention", "30")
    settings.set_value("archive/retentionDays", "30")
    assert settings.get(keys.ARCHIVE_RETENTION_DAYS) == 30


def test_settings_of_an_older_version_are_migrated_once(tmp_path: Path) -> None:
    old = _ini(tmp_path)
    old.setValue("archive/newColumnPlaced", "1")  # how the first archive release stored the flag
    old.sync()
    settings = AppSettings(_ini(tmp_path))
    assert settings.value("archive/newColumnPlaced") == "true"
    assert settings.get(keys.ARCHIVE_NEW_COLUMN_PLACED) is True
    assert settings.get(keys.VERSION) == keys.SETTINGS_VERSION


def test_every_key_is_a_choice_or_remembered_state_and_declared_once() -> None:
    assert len({s.key for s in keys.ALL}) == len(keys.ALL)
    assert {s.section for s in keys.ALL} == {keys.Section.CHOICE, keys.Section.REMEMBERED}
    assert keys.declared("sync/00D000000000001AAA/lastSuccessStart")
    assert not keys.declared("sync/00D000000000001AAA/other")


@pytest.mark.parametrize(
    "stored", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00", "0001-01-01T00:00:00+01:00"]
)
def test_an_impossible_last_success_start_is_dropped_with_a_log_line(
    tmp_path: Path, stored: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = AppSettings(_ini(tmp_path))
    settings.qsettings.setValue(keys.LAST_SUCCESS_START.key_for(org="00D000000000001AAA"), stored)
    assert settings.last_success_start("00D000000000001AAA") is None  # the seed rule's first sync
    assert "Ignored the setting sync/00D000000000001AAA/lastSuccessStart" in caplog.text
