"""The Why section, as an admin sees it against the loopback demo org: the selected group's
diagnosis read in the background with the time it was read and the suggested fix, a link
into Setup, the API usage counted, and the same diagnosis offline from the archive."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.groups.why_controller import FROM_ORG, NOT_READ, OFFLINE, SEVERAL
from syncerr_gui.gui.groups.why_section import safe_url
from syncerr_gui.gui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

TIMEOUT_MS = 60_000


@pytest.fixture()
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def window_on(qtbot, settings: AppSettings, data_dir: Path, org, *, sync: bool) -> MainWindow:
    from syncerr_gui.demo_org.connect import demo_session

    window = MainWindow(settings, demo_session=lambda: demo_session(org), ca_bundle=str(org.ca_path))
    qtbot.addWidget(window)
    if sync:
        window.archive.open(data_dir)
        window.show()
        with qtbot.waitSignals([window.sync_ended, window.groups.grouped], timeout=TIMEOUT_MS):
            window.set_session(demo_session(org), sync=True)
    else:
        with qtbot.waitSignal(window.groups.grouped, timeout=TIMEOUT_MS):
            window.archive.open(data_dir)
        window.show()
    return window


def select(qtbot, window: MainWindow, code: str, obj: str, contains: str = "") -> list[str]:
    """Select the group of that cause; the Why section's lines once it is filled."""
    model = window.groups.model
    for row in range(model.rowCount()):
        group = model.group_rows([row]).iloc[0]
        if group["error_type"] == code and group["object"] == obj and contains in group["pattern"]:
            with qtbot.waitSignal(window.groups.why.shown, timeout=TIMEOUT_MS):
                window.groups.select_rows([row])
            return [text.replace("\u200b", "") for text in window.groups.panel.why.texts()]
    shown = [tuple(model.group_rows([r]).iloc[0][["error_type", "object"]]) for r in range(model.rowCount())]
    raise AssertionError(f"no {code} group on {obj} among {shown}")


def test_why_online_then_offline_from_the_archive(qtbot, settings, tmp_path, fresh_org) -> None:
    data = tmp_path / "data"
    window = window_on(qtbot, settings, data, fresh_org, sync=True)
    usage_before = window.status.api_label.text()
    lines = select(qtbot, window, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Lead")
    assert lines[0].startswith(f"Read {FROM_ORG} at ")
    assert "Suggested fix: In LeadSource: “Webinar – EMEA” → “Webinar”" in lines
    rule = select(qtbot, window, "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Lead", "Company")
    assert rule[1].startswith("Validation rule Company_Required on Lead fired: ISBLANK(Company)")
    (button,) = window.groups.panel.why.findChildren(QPushButton, "whyLink")
    assert button.isEnabled() and button.text() == "Open rule Company_Required in Setup"
    assert window.status.api_label.text() != usage_before  # the reads are counted in the status bar
    window.groups.select_rows([0, 1])
    assert window.groups.panel.why.texts()[0] == SEVERAL
    window.close()

    offline = window_on(qtbot, settings, data, fresh_org, sync=False)
    used = fresh_org.api_usage
    again = select(qtbot, offline, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Lead")
    assert again[0].startswith(f"Read {OFFLINE} at ") and again[1:] == lines[1:]
    assert select(qtbot, offline, "STRING_TOO_LONG", "Lead") == [NOT_READ]
    select(qtbot, offline, "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Lead", "Company")
    (button,) = offline.groups.panel.why.findChildren(QPushButton, "whyLink")
    assert not button.isEnabled()  # logged out: nowhere to open it
    assert fresh_org.api_usage == used  # offline: not one request


def test_links_only_to_the_org_and_only_paths_the_app_made() -> None:
    assert safe_url("https://acme.my.salesforce.com", "/001000000000001AAA") == (
        "https://acme.my.salesforce.com/001000000000001AAA"
    )
    assert safe_url("https://acme.my.salesforce.com", "//evil.example/x") == ""
    assert safe_url("https://acme.my.salesforce.com", '/x"><img src=y>') == ""
    assert safe_url("", "/001000000000001AAA") == ""
