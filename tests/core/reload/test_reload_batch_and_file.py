"""The reload batch's fixes and the reload file round trip, as an admin would see them."""

from __future__ import annotations

from pathlib import Path

import pytest

from syncerr_gui.core.reload.batch import (
    FillEmpty,
    MapValues,
    ReloadBatch,
    ReloadTarget,
    SetColumn,
    Truncate,
    apply_step,
    changed_cells,
)
from syncerr_gui.core.reload.reload_csv import (
    ReloadFileError,
    read_reload_csv,
    target_from_name,
    write_reload_csv,
)

LEADS = ReloadTarget("Lead", "insert")


def _batch() -> ReloadBatch:
    rows = (("Ada", "Lovelace", "Hot"), ("Émile", "Zola", "Tiède"), ("Kurt", "", "Cold"))
    errors = ("bad value for restricted picklist field: Hot",) * 3
    return ReloadBatch(LEADS, ("FirstName", "LastName", "Rating"), rows, errors, ("k1", "k2", "k3"))


def test_file_name_names_object_operation_and_external_id() -> None:
    assert ReloadTarget("Contact", "upsert", "Email__c").file_stem() == "Contact.upsert.Email__c"
    assert target_from_name("out/Contact.upsert.Email__c.csv") == ReloadTarget(
        "Contact", "upsert", "Email__c"
    )
    assert target_from_name("Lead.insert.750000000000001AAA.csv") == LEADS
    assert target_from_name("errors.csv") is None


def test_steps_change_only_what_they_say_and_preview_each_cell() -> None:
    batch = _batch()
    mapped = apply_step(batch, MapValues("Rating", {"Tiède": "Warm"}))
    assert [row[2] for row in mapped.rows] == ["Hot", "Warm", "Cold"]
    assert changed_cells(batch, mapped) == [(1, "Rating", "Tiède", "Warm")]
    assert [row[1] for row in apply_step(batch, FillEmpty("LastName", "Unknown")).rows] == [
        "Lovelace",
        "Zola",
        "Unknown",
    ]
    assert apply_step(batch, Truncate("FirstName", 2)).rows[1][0] == "Ém"


def test_a_step_on_a_missing_column_adds_it() -> None:
    fixed = apply_step(_batch(), SetColumn("Company", "Acme"))
    assert fixed.columns[-1] == "Company"
    assert {row[-1] for row in fixed.rows} == {"Acme"}


def test_dropping_rows_keeps_errors_and_origins_aligned() -> None:
    kept = _batch().without_rows([0, 2])
    assert kept.rows == (("Émile", "Zola", "Tiède"),)
    assert kept.origins == ("k2",)


def test_reload_file_round_trips_exact_values_with_a_bom(tmp_path: Path) -> None:
    batch = _batch().with_value(0, "FirstName", "=1+1")  # no formula neutralising here
    path = write_reload_csv(tmp_path / "Lead.insert.csv", batch, ["750A"] * 3)
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    assert raw.decode("utf-8-sig").splitlines()[0] == "FirstName,LastName,Rating,Error,Job ID"
    again, job_ids = read_reload_csv(path, LEADS)
    assert again.rows == batch.rows
    assert again.errors == batch.errors
    assert job_ids == ["750A"] * 3


def test_a_ragged_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "Lead.insert.csv"
    path.write_text("FirstName,LastName\nAda,Lovelace\nKurt\n", encoding="utf-8")
    with pytest.raises(ReloadFileError, match="Line 3"):
        read_reload_csv(path, LEADS)
