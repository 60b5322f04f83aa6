"""The problems list names a job list that broke off, beside the jobs it could read."""

from __future__ import annotations

import pytest

from syncerr_gui.demo_org import DemoConfig, DemoOrg


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")
def test_the_problems_list_names_the_job_list(qtbot) -> None:
    from datetime import UTC, datetime

    from syncerr_gui.core.auth.session import OrgSession
    from syncerr_gui.core.salesforce.http import make_session
    from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions
    from syncerr_gui.gui.panes.problems_dialog import ProblemsDialog

    config = DemoConfig(record_errors=100, bulk2_jobs=6, classic_jobs=1, apex_jobs=1, page_size=3)
    with DemoOrg(config) as org:
        org.fail_next("queryLocator", status=200, body=b"{broken")
        session = OrgSession(org.instance_url, org.admin.access_token, make_session(org.ca_path))
        result = SyncEngine(session).run(SyncOptions(since=datetime(2000, 1, 1, tzinfo=UTC)))
    dialog = ProblemsDialog()
    qtbot.addWidget(dialog)
    dialog.set_problems(result.problems)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "(job list)"
    assert "Could not list every Bulk API 2.0 job" in dialog.table.item(0, 2).text()
    assert "3 jobs listed before it were read" in dialog.table.item(0, 2).text()
