"""The store against a real temporary SQLite file."""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from desktop.core.validation import ConflictError
from desktop.store import contractors, demo
from desktop.store.db import APPLICATION_ID, EmptyDatabase, Store
from desktop.store.errors import StoreError
from desktop.store.paths import data_dir, db_path
from desktop.store.session import open_store
from tests.factories import make_contractor


@pytest.mark.sqlite_only
def test_new_database_is_private_marked_and_in_wal_mode(store: Store) -> None:
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    con = sqlite3.connect(store.path)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO contractor_tag (contractor_id, tag_id) VALUES (999, 999)")


def test_data_dir_prefers_flag_then_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CREWBOOK_DATA_DIR", str(tmp_path / "from-env"))
    assert data_dir() == tmp_path / "from-env"
    assert data_dir(tmp_path / "from-flag") == tmp_path / "from-flag"
    monkeypatch.delenv("CREWBOOK_DATA_DIR")
    default = data_dir()
    assert default.name == "Crewbook" and default.is_dir()


def test_create_and_read_back_every_field(store: Store) -> None:
    data = make_contractor(
        legal_name="Maya A. Okafor", kind="company", company="Okafor Studio", phone="+1 718 555 0147",
        website="okafor.example.com", address="1 Main St\nBrooklyn", country="us",
        timezone="America/New_York", tax_id="12-3456789", tax_form="W-9",
        tax_form_on="2026-01-15", rate="1,250.50", rate_unit="day", tags="Design, web",
        preferred_channel="video", source="referral", identity_verified_on="2026-02-01",
        notes="Fast and careful.")
    created = contractors.create(store, data)
    again = contractors.get(store, created.id)
    assert again.data == data
    assert again.version == 1 and again.archived_at is None and not again.is_demo
    assert again.data.rate_minor == 125050 and again.data.tags == ("design", "web")


def test_rows_carry_tags_and_archived_flag(store: Store) -> None:
    a = contractors.create(store, make_contractor(display_name="A", tags=["web", "design"]))
    contractors.create(store, make_contractor(display_name="B", email=""))
    contractors.set_archived(store, a.id, True, a.version)
    rows = {r.display_name: r for r in contractors.list_rows(store)}
    assert rows["A"].tags == ("design", "web") and rows["A"].archived
    assert rows["B"].tags == () and not rows["B"].archived
    assert contractors.used_tags(store) == ["design", "web"]


def test_update_bumps_version_and_refuses_stale_edits(store: Store) -> None:
    record = contractors.create(store, make_contractor())
    mine = replace(record.data, notes="mine")
    theirs = replace(record.data, notes="theirs")
    saved = contractors.update(store, record.id, theirs, record.version)
    assert saved.version == record.version + 1
    with pytest.raises(ConflictError, match="changed elsewhere"):
        contractors.update(store, record.id, mine, record.version)
    assert contractors.get(store, record.id).data.notes == "theirs"


def test_archive_and_restore_round_trip(store: Store) -> None:
    record = contractors.create(store, make_contractor())
    archived = contractors.set_archived(store, record.id, True, record.version)
    assert archived.archived_at is not None
    assert contractors.count(store) == 0 and contractors.count(store, include_archived=True) == 1
    restored = contractors.set_archived(store, record.id, False, archived.version)
    assert restored.archived_at is None and contractors.count(store) == 1
    with pytest.raises(ConflictError):
        contractors.set_archived(store, record.id, True, archived.version)


def test_missing_contractor_is_a_conflict(store: Store) -> None:
    with pytest.raises(ConflictError, match="no longer exists"):
        contractors.get(store, 12345)


def test_create_many_is_all_or_nothing(store: Store) -> None:
    good = make_contractor(display_name="Good", tags=["web"])
    broken = replace(make_contractor(), display_name=None)  # NOT NULL fails at flush
    with pytest.raises(IntegrityError):
        contractors.create_many(store, [good, broken])
    assert contractors.count(store, include_archived=True) == 0
    assert contractors.used_tags(store) == []


def test_demo_roster_loads_once_and_leaves_own_contractors_when_removed(store: Store) -> None:
    mine = contractors.create(store, make_contractor(display_name="Mine", tags=["design"]))
    assert demo.load_demo(store) == len(demo.demo_roster()) >= 25
    assert demo.load_demo(store) == 0
    assert demo.has_demo(store)
    removed = demo.remove_demo(store)
    assert removed >= 25 and not demo.has_demo(store)
    assert [r.id for r in contractors.list_rows(store)] == [mine.id]
    assert contractors.used_tags(store) == ["design"]


def test_demo_roster_is_varied(store: Store) -> None:
    roster = demo.demo_roster()
    assert len({c.status for c in roster}) == 5
    assert len({c.country for c in roster}) >= 8
    assert len({c.currency for c in roster}) >= 5
    emails = [c.email for c in roster if c.email]
    assert len(emails) == len(set(emails))


def _reopen_refused(folder: Path, match: str) -> None:
    path = db_path(folder)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=match):
        open_store(folder)
    assert path.read_bytes() == before


def test_random_bytes_are_refused_and_left_alone(data_folder: Path) -> None:
    db_path(data_folder).write_bytes(b"this is a spreadsheet, honest\n" * 100)
    _reopen_refused(data_folder, "not a Crewbook database")


def test_other_programs_sqlite_file_is_refused_and_left_alone(data_folder: Path) -> None:
    con = sqlite3.connect(db_path(data_folder))
    con.execute("CREATE TABLE songs (title TEXT)")
    con.commit()
    con.close()
    _reopen_refused(data_folder, "another program")


def test_database_from_a_newer_version_is_refused(data_folder: Path) -> None:
    opened = open_store(data_folder)
    opened.store.close()
    con = sqlite3.connect(db_path(data_folder))
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    _reopen_refused(data_folder, "newer version of Crewbook")


def test_damaged_database_is_refused(data_folder: Path) -> None:
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    opened.store.close()
    path = db_path(data_folder)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    raw = bytearray(path.read_bytes())
    assert len(raw) > 4 * page_size
    raw[2 * page_size:4 * page_size] = b"\xff" * (2 * page_size)  # wreck two b-tree pages
    path.write_bytes(bytes(raw))
    _reopen_refused(data_folder, "damaged")


def test_an_empty_file_is_not_silently_replaced_by_a_new_book(data_folder: Path) -> None:
    db_path(data_folder).touch()
    with pytest.raises(EmptyDatabase, match="is empty .0 bytes.*Restore a backup"):
        open_store(data_folder)
    assert db_path(data_folder).stat().st_size == 0
    assert sorted(p.name for p in data_folder.iterdir()) == ["crewbook.sqlite3"]


def test_a_new_book_is_never_an_empty_file(data_folder: Path) -> None:
    opened = open_store(data_folder)
    assert opened.created
    opened.store.close()
    assert db_path(data_folder).stat().st_size > 0
    assert not list(data_folder.glob(".*.new"))


def test_empty_sqlite_file_becomes_a_crewbook_database(data_folder: Path) -> None:
    con = sqlite3.connect(db_path(data_folder))
    con.execute("PRAGMA user_version = 3")  # writes a header, but no tables
    con.close()
    open_store(data_folder).store.close()
    again = open_store(data_folder)
    again.store.close()
    assert not again.created


def test_rate_changes_are_kept_with_their_date(store: Store) -> None:
    import datetime as dt

    record = contractors.create(store, make_contractor(rate="85", currency="USD"))
    same = contractors.update(store, record.id, replace(record.data, notes="no rate change"),
                              record.version)
    raised = contractors.update(store, record.id, replace(record.data, rate_minor=9500),
                                same.version)
    contractors.update(store, record.id, replace(raised.data, currency="EUR"), raised.version)
    history = contractors.rate_history(store, record.id)
    assert [(h.rate_minor, h.currency) for h in history] == [(8500, "USD"), (9500, "USD"),
                                                             (9500, "EUR")]
    assert all(h.changed_on == dt.date.today() for h in history)


def test_archive_keeps_its_reason_until_restored(store: Store) -> None:
    record = contractors.create(store, make_contractor())
    archived = contractors.set_archived(store, record.id, True, record.version,
                                        reason="  Moved to a full-time job ")
    with store.reading() as session:
        from desktop.store.models import Contractor

        assert session.get(Contractor, record.id).archive_reason == "Moved to a full-time job"
    contractors.set_archived(store, record.id, False, archived.version)
    with store.reading() as session:
        assert session.get(Contractor, record.id).archive_reason == ""
