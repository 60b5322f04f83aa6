"""The core's sentences stay the English the command line prints, and keep what the window
needs to show them in its own language (their template and values)."""

from __future__ import annotations

import copy
import errno
import io
import pickle
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from syncerr_gui.core.auth.session import OrgSession
from syncerr_gui.core.exceptions import ExportError, RequestFailed, SessionExpired, SyncError, failure_text
from syncerr_gui.core.frame.export import describe_os_error
from syncerr_gui.core.frame.long_cells import long_cells_note
from syncerr_gui.core.frame.out_target import resolve_out
from syncerr_gui.core.redaction import forget_secret, register_secret, scrub
from syncerr_gui.core.salesforce.api_limit import DailyLimitExhausted
from syncerr_gui.core.salesforce.client import RENEWAL_FAILED, OrgClient, RetryPolicy
from syncerr_gui.core.salesforce.http import make_session
from syncerr_gui.core.sync.engine import SyncEngine, SyncOptions
from syncerr_gui.core.sync.notes import api_limit_note
from syncerr_gui.core.sync.values import PHASE_READING, SyncProblem, SyncProgress
from syncerr_gui.core.time_window import sync_start
from syncerr_gui.core.words import Words, say, say_plural

EVERYTHING = datetime(2000, 1, 1, tzinfo=UTC)
TOKEN = "00D000000000001!AQ0AQFakeTokenValue.abc"


def session_of(org) -> OrgSession:
    return OrgSession(org.instance_url, org.admin.access_token, make_session(org.ca_path))


def test_a_sentence_is_its_english_and_keeps_how_it_was_made() -> None:
    words = say("Job {job} was read ({rows:,} rows).", job="750x", rows=1234)
    assert words == "Job 750x was read (1,234 rows)." and isinstance(words, str)
    assert words.template == "Job {job} was read ({rows:,} rows)."
    assert dict(words.values) == {"job": "750x", "rows": 1234}
    assert {words: 1}["Job 750x was read (1,234 rows)."] == 1  # hashes as the str


def test_plural_sentences_pick_the_english_form_and_keep_both() -> None:
    one, many = "{n:,} job left.", "{n:,} jobs left."
    assert say_plural(one, many, n=1) == "1 job left." and say_plural(one, many, n=0) == "0 jobs left."
    assert say_plural(one, many, n=2).plural == (one, many, "n")


def test_a_sentence_crosses_a_process_and_a_copy_whole() -> None:
    """What a worker sends the window (a sync result with its problems) is pickled or copied."""
    inner = say("Could not connect to Salesforce at {host}", host="acme.my.salesforce.com")
    outer = say("{reason} (tried {tries} times)", reason=inner, tries=4)
    for moved in (pickle.loads(pickle.dumps(outer)), copy.deepcopy(outer)):
        assert isinstance(moved, Words) and moved == outer and moved.template == outer.template
        assert isinstance(moved.values["reason"], Words) and moved.values["reason"].template == inner.template
    problem = pickle.loads(pickle.dumps(SyncProblem("Bulk 2.0", "750x", outer)))
    assert isinstance(problem.reason, Words) and problem.reason == outer


def test_scrubbing_keeps_a_sentence_translatable_and_hides_its_secrets() -> None:
    register_secret("hunter2-secret")
    try:
        inner = say(
            "Salesforce refused the request: {message} ({status})", message=f"bad {TOKEN}", status=400
        )
        outer = say("{reason} (tried {tries} times)", reason=inner, tries=2)
        scrubbed = scrub(
            say(
                "The folder {folder} does not exist: could not write {path}.",
                folder="/x",
                path="hunter2-secret",
            )
        )
        assert isinstance(scrubbed, Words) and "hunter2-secret" not in scrubbed and "[redacted]" in scrubbed
        clean = scrub(outer)
        assert isinstance(clean, Words) and TOKEN not in clean and "[redacted]" in clean
        assert (
            isinstance(clean.values["reason"], Words)
            and TOKEN not in clean.values["reason"].values["message"]
        )
    finally:
        forget_secret("hunter2-secret")


def test_failure_text_keeps_the_sentence_an_error_was_raised_with() -> None:
    for raised in (
        SyncError(say("Could not list the org's {source} jobs: {reason}", source="Bulk 2.0", reason="x")),
        SessionExpired(RENEWAL_FAILED),
        DailyLimitExhausted(),
    ):
        text = failure_text(raised, "sync")
        assert isinstance(text, Words) and text == str(raised)
    surprise = failure_text(KeyError("secret"), "sync")
    assert (
        isinstance(surprise, Words)
        and surprise == "Could not sync because of an unexpected error (KeyError)."
    )


def test_a_deleted_job_is_a_problem_in_translatable_words(fresh_org) -> None:
    truth = fresh_org.truth.errors(EVERYTHING)
    victim = str(truth[truth["source"] == "Bulk 2.0"]["job_id"].value_counts().index[0])
    fresh_org.delete_job(victim)
    result = SyncEngine(session_of(fresh_org), retry=RetryPolicy(tries=2, base_delay=0.01)).run(
        SyncOptions(since=EVERYTHING)
    )
    [problem] = result.problems
    assert problem.reason == "Salesforce deleted this job or it does not exist (404 NOT_FOUND)"
    assert isinstance(problem.reason, Words)
    assert problem.reason.template == "Salesforce deleted this job or it does not exist (404 {code})"


def test_a_request_that_keeps_failing_says_so_around_its_reason(fresh_org) -> None:
    fresh_org.fail_next("jobs/ingest", status=503, times=5)
    client = OrgClient(session_of(fresh_org), retry=RetryPolicy(tries=2, base_delay=0.01, max_delay=0.02))
    with pytest.raises(RequestFailed) as raised:
        client.get_json("/services/data/v59.0/jobs/ingest")
    words = failure_text(raised.value, "sync")
    assert isinstance(words, Words) and words.template == "{reason} (tried {tries} times)"
    assert words.startswith("Salesforce is unavailable right now (503 ") and words.endswith("(tried 2 times)")
    assert isinstance(words.values["reason"], Words)


def test_an_expired_session_says_log_in_again_in_words(fresh_org) -> None:
    client = OrgClient(session_of(fresh_org))
    fresh_org.expire_sessions()
    with pytest.raises(SessionExpired) as raised:
        client.get_json("/services/data/v59.0/jobs/ingest")
    words = failure_text(raised.value, "sync")
    assert isinstance(words, Words) and "Log in again to sync." in words


def test_the_api_limit_note_counts_the_jobs_not_read() -> None:
    one = api_limit_note(1)
    assert one == "The org's daily API limit is used up: 1 job not read; the next sync will read them."
    cut = api_limit_note(1234, list_cut=True)
    assert cut == (
        "The org's daily API limit is used up: 1,234 jobs not read (and the job list was cut short: "
        "more may follow); the next sync will read them."
    )
    assert isinstance(one, Words) and one.plural is not None and cut.values == {"n": 1234}
    assert (
        str(DailyLimitExhausted())
        == "The org's daily API request limit is used up (403 REQUEST_LIMIT_EXCEEDED)."
    )


def test_progress_and_window_notes_are_words() -> None:
    progress = SyncProgress(12, 4000, 0, PHASE_READING, total_final=False)
    assert progress.jobs_text() == "12 of at least 4,000 jobs" and isinstance(progress.jobs_text(), Words)
    assert isinstance(PHASE_READING, Words) and PHASE_READING == "Reading jobs"
    now = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    _, note = sync_start(None, datetime(2027, 1, 1, tzinfo=UTC), now)
    assert note == (
        "The last successful sync's start (2027-01-01 00:00 UTC) is later than now (was the clock "
        "ahead?); this sync reads from 2026-11-27 08:00 UTC instead."
    )
    assert isinstance(note, Words)


def test_export_failures_and_notes_are_words(tmp_path: Path) -> None:
    target = tmp_path / "errors.csv"
    full = describe_os_error(OSError(errno.ENOSPC, "No space left on device"), target)
    assert full == f"The disk is full: could not write {target} (No space left on device)." and isinstance(
        full, Words
    )
    with pytest.raises(ExportError) as raised:
        resolve_out(tmp_path)
    assert isinstance(failure_text(raised.value, "export the rows"), Words)
    note = long_cells_note(1, cut=True)
    assert note == "1 cell is longer than Excel's 32,767-character limit (cut, ending in a marker)"
    assert isinstance(note, Words) and long_cells_note(0, cut=True) == ""


def test_a_refusal_keeps_salesforce_s_message_as_a_value() -> None:
    from syncerr_gui.core.salesforce.client import _check_status

    response = requests.Response()
    response.status_code = 400
    response.raw = io.BytesIO(b'[{"errorCode": "INVALID_FIELD", "message": "No such column ( Foo )"}]')
    with pytest.raises(RequestFailed) as raised:
        _check_status(response)
    words = failure_text(raised.value, "sync")
    assert words == "Salesforce refused the request: No such column ( Foo) (400 INVALID_FIELD)"
    assert isinstance(words, Words) and words.values["message"] == "No such column ( Foo)"
