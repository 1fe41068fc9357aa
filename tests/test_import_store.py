"""Writing an import against a real SQLite file: one transaction, merges, cancel, speed path."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.core.contractor import ContractorData, validate_contractor
from desktop.core.profile import ProfileData
from desktop.core.validation import Cancelled, ConflictError
from desktop.io.contractor_import import DUPLICATE, MERGE, NEW, analyse, default_choices, writes
from desktop.io.import_table import read_bytes
from desktop.store import contractors, exports, importing, profile
from desktop.store.db import Store

TODAY = dt.date(2026, 11, 25)


def csv_rows(count: int, start: int = 0) -> bytes:
    lines = ["Name,Email,Hourly rate,Currency,Skills"]
    lines += [f"Person {i},p{i}@example.com,{50 + i % 50}.50,EUR,\"design, web\"" for i in
              range(start, start + count)]
    return ("\r\n".join(lines) + "\r\n").encode()


def plan_for(store: Store, data: bytes, **options: object):  # type: ignore[no-untyped-def]
    table = read_bytes(data, "roster.csv")
    return analyse(table, default_choices(table, **options), importing.emails(store), TODAY)  # type: ignore[arg-type]


def test_new_contractors_with_tags_and_rate_history(store: Store) -> None:
    result = importing.import_contractors(store, *writes(plan_for(store, csv_rows(2500))))
    assert (result.created, result.merged) == (2500, 0)
    assert contractors.count(store) == 2500
    rows = contractors.list_rows(store, order="name", limit=3)
    assert rows[0].tags == ("design", "web") and rows[0].currency == "EUR"
    record = contractors.get(store, rows[0].id)
    assert record.version == 1 and str(record.data.source) == "import"
    history = contractors.rate_history(store, rows[0].id)
    assert [(h.rate_minor, h.currency) for h in history] == [(record.data.rate_minor, "EUR")]
    # The rows written directly read back exactly like ones the editor saved.
    exported = {e.id: e.data for e in exports.contractors(store)}
    assert exported[record.id] == record.data


def test_an_edit_after_import_keeps_version_checks(store: Store) -> None:
    importing.import_contractors(store, *writes(plan_for(store, csv_rows(1))))
    record = contractors.get(store, contractors.list_rows(store)[0].id)
    edited = replace(record.data, notes="Edited after the import")
    changed = contractors.update(store, record.id, edited, record.version)
    assert changed.version == record.version + 1
    with pytest.raises(ConflictError):
        contractors.update(store, record.id, record.data, record.version)


def test_duplicates_against_the_roster_skip_or_merge(store: Store) -> None:
    existing = contractors.create(store, validate_contractor(
        {"display_name": "Person 1", "email": "P1@Example.com", "phone": "+1 503 555 0101",
         "tags": ["seo"]}))
    skipped = plan_for(store, csv_rows(3))
    assert [d.matches for d in skipped.rows if d.matches] == [f"contractor {existing.id} (Person 1)"]
    new, merges = writes(skipped)
    assert len(new) == 2 and merges == []

    merged_plan = plan_for(store, csv_rows(3), on_duplicate="merge")
    assert [r.outcome for r in merged_plan.rows if r.matches] == [MERGE]
    result = importing.import_contractors(store, *writes(merged_plan))
    assert (result.created, result.merged) == (2, 1)
    assert contractors.count(store) == 3  # never a second Person 1
    after = contractors.get(store, existing.id)
    assert after.data.phone == "+15035550101" and after.data.tags == ("design", "seo", "web")
    assert (after.data.rate_minor, after.data.currency) == (5150, "EUR")
    assert after.version == existing.version + 1


def test_in_file_duplicates_merge_into_one(store: Store) -> None:
    data = (b"Name,Email,Phone,Notes\r\nAna,ana@example.com,,first\r\n"
            b"Ana R.,ANA@example.com ,+1 503 555 0100,second\r\n")
    plan = plan_for(store, data, on_duplicate="merge")
    importing.import_contractors(store, *writes(plan))
    [only] = exports.contractors(store)
    assert (only.data.display_name, only.data.phone) == ("Ana R.", "+15035550100")
    assert only.data.notes == "first\nsecond"


def test_a_number_saved_as_typed_matches_the_same_number_written_otherwise(store: Store) -> None:
    # Rows saved before numbers were normalised hold them as typed.
    legacy = contractors.create(store, ContractorData(display_name="Jonas Weber",
                                                      phone="030 123456", country="DE"))
    # An export writes it in the one stored form, for the programs that read the file.
    assert [e.data.phone for e in exports.contractors(store)] == ["+4930123456"]
    plan = plan_for(store, b"Name,Phone\r\nJ. Weber,+49 30 123456\r\nMia,+49 30 654321\r\n")
    [dup] = [r for r in plan.rows if r.matches]
    assert (dup.line, dup.outcome) == (2, DUPLICATE)
    assert dup.matches == f"contractor {legacy.id} (Jonas Weber)"
    assert dup.message == "Jonas Weber already has this phone number"
    merged = plan_for(store, b"Name,Phone,Email\r\nJ. Weber,+49 30 123456,jw@example.com\r\n",
                      on_duplicate="merge")
    importing.import_contractors(store, *writes(merged))
    after = contractors.get(store, legacy.id)
    assert (after.data.email, contractors.count(store)) == ("jw@example.com", 1)


def test_the_business_country_reads_numbers_without_a_country_code(store: Store) -> None:
    profile.save_profile(store, ProfileData(country="DE", base_currency="EUR"), 0)
    contractors.create(store, ContractorData(display_name="Jonas Weber", phone="+4930123456"))
    plan = plan_for(store, b"Name,Phone\r\nJonas,030 123456\r\nMia,030 654321\r\n")
    assert [(r.outcome, r.phone) for r in plan.rows] == [
        (DUPLICATE, "+4930123456"), (NEW, "+4930654321")]


def test_the_same_number_with_different_emails_is_no_duplicate(store: Store) -> None:
    contractors.create(store, validate_contractor(
        {"display_name": "Ana", "email": "ana@example.com", "phone": "+1 503 555 0100"}))
    plan = plan_for(store, b"Name,Email,Phone\r\nBen,ben@example.com,+1 (503) 555-0100\r\n"
                           b"Cleo,,+1 503 555 0100\r\nDan,dan@example.com,+15035550100\r\n")
    assert [r.outcome for r in plan.rows] == [NEW, DUPLICATE, NEW]
    assert plan.rows[1].message == "same phone number as line 2"  # Ben's, found first


def test_cancel_leaves_the_roster_exactly_as_before(store: Store) -> None:
    importing.import_contractors(store, *writes(plan_for(store, csv_rows(10))))
    before = exports.contractors(store)
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 3  # stop after two batches were written

    with pytest.raises(Cancelled):
        importing.import_contractors(store, *writes(plan_for(store, csv_rows(5000, start=100))),
                                     progress=progress)
    assert exports.contractors(store) == before
    assert calls[:2] == [1000, 2000]


def test_a_failure_mid_import_rolls_everything_back(store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    new, merges = writes(plan_for(store, csv_rows(3000)))
    original = importing._insert_contractors
    calls = []

    def failing(connection, batch, rows):  # type: ignore[no-untyped-def]
        calls.append(len(batch))
        if len(calls) == 2:
            raise OSError("disk full")
        return original(connection, batch, rows)

    monkeypatch.setattr(importing, "_insert_contractors", failing)
    with pytest.raises(OSError):
        importing.import_contractors(store, new, merges)
    assert contractors.count(store) == 0


def test_archived_rows_come_in_archived(store: Store) -> None:
    data = b"Display name,Rate unit,Preferred channel,Identity verified on,Archived on\r\n" \
           b"Old Hand,hour,email,,2025-06-30\r\n"
    importing.import_contractors(store, *writes(plan_for(store, data)))
    [row] = exports.contractors(store)
    assert row.archived_on == dt.date(2025, 6, 30)
    assert contractors.count(store) == 0 and contractors.count(store, include_archived=True) == 1
