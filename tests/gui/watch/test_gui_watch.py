"""Watching, as an admin meets it against the loopback demo org: a new cause appearing between
two syncs is told once, with its code, object, fields and count and none of the record's
values, and not again on the next sync; with the window closed to the tray a short interval
brings the notification; a desktop without a tray is told so and the window closes as usual;
a watched sync never starts while an export runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from syncerr_gui.core.watch.notification import Notification
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

TIMEOUT_MS = 60_000
NEW_CAUSE = (
    "INVALID_EMAIL_ADDRESS:Secondary Email: invalid email address: ann.customer@@acme.example"
    ":Secondary_Email__c --"
)
TITLE = "New: INVALID_EMAIL_ADDRESS on Lead.Secondary_Email__c — 37 errors"


class Recorder:
    """A notification sink (and tray stand-in) that keeps what it was shown."""

    def __init__(self) -> None:
        self.shown: list[Notification] = []
        self.present = False

    def show_notification(self, notification: Notification) -> None:
        self.shown.append(notification)

    def show_presence(self) -> None:
        self.present = True

    def hide_presence(self) -> None:
        self.present = False


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def logged_in_window(qtbot, settings: AppSettings, data_dir: Path, org) -> MainWindow:
    """A window with an archive, after its first sync (the watch's baseline) was counted."""
    from syncerr_gui.demo_org.connect import demo_session

    window = MainWindow(settings, demo_session=lambda: demo_session(org), ca_bundle=str(org.ca_path))
    qtbot.addWidget(window)
    window.archive.open(data_dir)
    window.show()
    signals = [window.sync_ended, window.watch.census_taken, window.groups.grouped]
    with qtbot.waitSignals(signals, timeout=TIMEOUT_MS):
        window.set_session(demo_session(org), sync=True)
    assert not window.last_sync_error
    return window


def test_a_new_cause_is_told_once_and_not_on_the_next_sync(qtbot, settings, tmp_path, fresh_org) -> None:
    settings.set(keys.WATCH_EVERY_MINUTES, 15)
    window = logged_in_window(qtbot, settings, tmp_path / "data", fresh_org)
    watch = window.watch
    assert watch.timer.isActive() and watch.timer.interval() == 15 * 60_000
    recorder = Recorder()
    watch.sinks.append(recorder)

    fresh_org.add_failing_job("Lead", NEW_CAUSE, failed=37)
    with qtbot.waitSignals([watch.checked, window.groups.grouped], timeout=TIMEOUT_MS):
        assert watch.sync_now()
    [told] = recorder.shown
    assert told.title == TITLE
    assert "ann.customer" not in told.title + told.body
    assert window.status.currentMessage() == TITLE  # no tray here: the window's status bar says it

    with qtbot.waitSignal(watch.checked, timeout=TIMEOUT_MS) as checked:
        assert watch.sync_now()
    assert not checked.args[0].worth_telling
    assert len(recorder.shown) == 1  # nothing changed: nothing told

    watch.open_group(told.group_key)  # the notification's click
    assert window.isVisible()
    assert window.groups.selected_keys() == [told.group_key]
    assert {window.model.row_record(r)["fields"] for r in range(window.model.rowCount())} == {
        "Secondary_Email__c"
    }


def test_with_the_window_closed_to_the_tray_a_new_cause_is_told_within_one_interval(
    qtbot, settings, tmp_path, fresh_org
) -> None:
    settings.set(keys.WATCH_EVERY_MINUTES, 15)
    settings.set(keys.WATCH_IN_TRAY, True)
    window = logged_in_window(qtbot, settings, tmp_path / "data", fresh_org)
    watch, tray = window.watch, Recorder()
    watch.presence_factory = lambda _controller: tray
    watch.quit_app = lambda: None
    watch.interval_ms_override = 400  # minutes, in a test
    watch.apply_settings()
    assert tray.present  # the tray icon shows while watching may go on without the window

    window.close()
    assert not window.isVisible() and tray.present  # still watching, in the tray
    fresh_org.add_failing_job("Lead", NEW_CAUSE, failed=37)
    with qtbot.waitSignal(watch.notified, timeout=TIMEOUT_MS):
        pass
    assert watch.watched_syncs == 1  # the first tick's sync told it
    assert [n.title for n in tray.shown] == [TITLE]

    key = tray.shown[0].group_key
    watch.open_group(key)  # the click, maybe while the Groups view still regroups the new rows
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.groups.selected_keys() == [key], timeout=TIMEOUT_MS)
    window.close()
    assert not window.isVisible() and tray.present  # closed to the tray again
    quits: list[bool] = []
    watch.quit_app = lambda: quits.append(True)
    watch.quit()  # the tray's Quit: the window really closes, the tray icon goes, the app ends
    assert not tray.present and not window.isVisible() and not watch.timer.isActive() and quits


def test_file_quit_quits_even_when_closing_keeps_watching(qtbot, settings) -> None:
    settings.set(keys.WATCH_EVERY_MINUTES, 15)
    settings.set(keys.WATCH_IN_TRAY, True)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.watch.presence_factory = lambda _controller: Recorder()
    window.show()
    window.actions_.quit.trigger()
    assert not window.isVisible() and not window.watch.timer.isActive()


def test_without_a_tray_the_dialog_says_so_and_the_window_closes(qtbot, settings, tmp_path) -> None:
    settings.set(keys.WATCH_IN_TRAY, True)
    settings.set(keys.WATCH_EVERY_MINUTES, 30)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    dialog = window.watch.show_dialog()  # the offscreen desktop has no system tray
    assert dialog.no_tray.isVisible() and "no system tray" in dialog.no_tray.text()
    assert not dialog.keep.isEnabled() and not dialog.keep.isChecked()
    assert dialog.every.currentText() == "Every 30 minutes"
    assert not dialog.grab().isNull()
    dialog.burst.setValue(500)
    dialog.accept()
    assert settings.get(keys.WATCH_BURST_ERRORS) == 500 and settings.get(keys.WATCH_IN_TRAY) is False
    window.close()
    assert not window.isVisible()


def test_a_watched_sync_waits_while_an_export_runs(qtbot, settings, tmp_path, demo_org) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    window = MainWindow(settings, ca_bundle=str(demo_org.ca_path))
    qtbot.addWidget(window)
    window.session = demo_session(demo_org)
    window.csv_export.running = True
    assert window.watch.busy.reason() == "an export"
    assert not window.watch.sync_now() and not window.is_syncing
    window.csv_export.running = False
    window.session = None
    assert not window.watch.sync_now()  # logged out: watching waits for a login


def test_a_watched_sync_that_fails_is_told_once(qtbot, settings, tmp_path, fresh_org) -> None:
    settings.set(keys.WATCH_EVERY_MINUTES, 60)
    window = logged_in_window(qtbot, settings, tmp_path / "data", fresh_org)
    recorder = Recorder()
    window.watch.sinks.append(recorder)
    fresh_org.expire_sessions()
    fresh_org.fail_next("services/Soap", status=500, times=1000)  # and logging in again fails
    for _ in range(2):
        with qtbot.waitSignal(window.sync_ended, timeout=TIMEOUT_MS):
            assert window.watch.sync_now()
        assert window.last_sync_error
    [told] = recorder.shown
    assert told.title == "Watching: the sync failed" and told.body == window.last_sync_error


def test_switching_watching_on_counts_the_rows_shown_and_the_next_watched_sync_compares(
    qtbot, settings, tmp_path, fresh_org
) -> None:
    from syncerr_gui.demo_org.connect import demo_session

    window = MainWindow(settings, ca_bundle=str(fresh_org.ca_path))
    qtbot.addWidget(window)
    window.archive.open(tmp_path / "data")
    window.show()
    with qtbot.waitSignals([window.sync_ended, window.groups.grouped], timeout=TIMEOUT_MS):
        window.set_session(demo_session(fresh_org), sync=True)
    watch = window.watch
    assert watch.baseline is None and not watch.timer.isActive()  # off: nothing counted
    dialog = watch.show_dialog()
    dialog.every.setCurrentIndex(dialog.every.findData(30))
    with qtbot.waitSignal(watch.census_taken, timeout=TIMEOUT_MS):
        dialog.accept()
    assert settings.get(keys.WATCH_EVERY_MINUTES) == 30 and watch.timer.interval() == 30 * 60_000
    assert watch.baseline is not None and len(watch.baseline.groups) > 3
    recorder = Recorder()
    watch.sinks.append(recorder)
    fresh_org.add_failing_job("Lead", NEW_CAUSE, failed=37)
    with qtbot.waitSignal(watch.checked, timeout=TIMEOUT_MS):
        assert watch.sync_now()
    assert [n.title for n in recorder.shown] == [TITLE]
