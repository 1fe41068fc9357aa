"""Backups hold the whole book (database, documents, a manifest with checksums); a restore
checks the backup first, keeps the current data, and swaps in database and documents whole,
whatever -wal file was lying about."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.operations.backup import back_up, back_up_daily, restore_backup
from desktop.store import contractors, documents
from desktop.store.archive import MANIFEST
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.lock import FolderLock
from desktop.store.paths import backup_dir, db_path
from desktop.store.restore import MARKER, STAGING, finish_interrupted
from desktop.store.session import open_store
from tests.factories import make_contractor


def a_book(store: Store, tmp_path: Path, names: tuple[str, ...] = ("Ada", "Ben")) -> list[int]:
    ids = [contractors.create(store, make_contractor(display_name=n)).id for n in names]
    contract = tmp_path / "contract.pdf"
    contract.write_bytes(b"%PDF-1.4 the signed contract " + os.urandom(64))
    documents.attach(store, contractor_id=ids[0], kind="contract", source=contract)
    return ids


def names(folder: Path) -> list[str]:
    opened = open_store(folder)
    try:
        return sorted(r.display_name for r in contractors.list_rows(opened.store))
    finally:
        opened.store.close()


def document_files(folder: Path) -> list[bytes]:
    return sorted(p.read_bytes() for p in (folder / "documents").rglob("*") if p.is_file())


def test_a_backup_holds_the_database_every_document_and_checksums(
        store: Store, data_folder: Path, tmp_path: Path) -> None:
    a_book(store, tmp_path)
    archive = back_up(store, data_folder)
    assert archive.parent == backup_dir(data_folder)
    assert archive.suffix == ".zip"
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        listed = {e["name"] for e in manifest["files"]}
        assert listed == set(zf.namelist()) - {MANIFEST}
    assert "crewbook.sqlite3" in listed
    assert sum(n.startswith("documents/") for n in listed) == 1
    assert manifest["contractors"] == 2 and manifest["kind"] == "manual"
    assert all(len(e["sha256"]) == 64 for e in manifest["files"])


def test_restore_brings_back_the_data_and_its_documents(
        store: Store, data_folder: Path, tmp_path: Path) -> None:
    a_book(store, tmp_path)
    files_then = document_files(data_folder)
    archive = back_up(store, data_folder, tmp_path / "saved.zip")
    contractors.create(store, make_contractor(display_name="Newer"))
    store.close()
    with FolderLock(data_folder):
        done = restore_backup(data_folder, archive)
    assert names(data_folder) == ["Ada", "Ben"]
    assert document_files(data_folder) == files_then
    assert done.previous is not None and done.previous.parent == backup_dir(data_folder)
    assert not (data_folder / MARKER).exists() and not (data_folder / STAGING).exists()
    # The data the restore replaced is a backup like any other.
    other = tmp_path / "other"
    other.mkdir()
    with FolderLock(other):
        restore_backup(other, done.previous)
    assert names(other) == ["Ada", "Ben", "Newer"]


def test_a_left_over_wal_file_never_reaches_the_restored_database(
        store: Store, data_folder: Path, tmp_path: Path) -> None:
    """Copying a backup over crewbook.sqlite3 beside a stale -wal gave a "malformed" database
    or showed data newer than the backup."""
    a_book(store, tmp_path)
    archive = back_up(store, data_folder, tmp_path / "saved.zip")
    for n in range(50):
        contractors.create(store, make_contractor(display_name=f"Later {n}"))
    # A crash leaves the -wal behind, full of pages the backup never saw.
    wal = Path(f"{db_path(data_folder)}-wal")
    kept_wal = wal.read_bytes()
    store.close()
    wal.write_bytes(kept_wal)
    with FolderLock(data_folder):
        restore_backup(data_folder, archive)
    assert names(data_folder) == ["Ada", "Ben"]
    con = sqlite3.connect(db_path(data_folder))
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "not a zip", "no manifest",
                                    "missing document", "escaping name", "newer format"])
def test_a_damaged_backup_is_refused_before_anything_changes(
        store: Store, data_folder: Path, tmp_path: Path, damage: str) -> None:
    a_book(store, tmp_path)
    archive = back_up(store, data_folder, tmp_path / "saved.zip")
    contractors.create(store, make_contractor(display_name="Keep me"))
    store.close()
    damaged = tmp_path / "damaged.zip"
    spoil(archive, damaged, damage)
    before = db_path(data_folder).read_bytes()
    with FolderLock(data_folder), pytest.raises(StoreError) as refused:
        restore_backup(data_folder, damaged)
    assert "Nothing was changed" in str(refused.value) or "newer version" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert db_path(data_folder).read_bytes() == before
    assert not (data_folder / STAGING).exists()
    assert "Keep me" in names(data_folder)


def spoil(archive: Path, target: Path, damage: str) -> None:
    data = archive.read_bytes()
    if damage == "truncated":
        target.write_bytes(data[: len(data) // 2])
        return
    if damage == "flipped byte":
        with zipfile.ZipFile(archive) as zf:
            info = zf.getinfo("crewbook.sqlite3")
        at = info.header_offset + 30 + len(info.filename) + 40
        target.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:])
        return
    if damage == "not a zip":
        target.write_bytes(b"PK\x03\x04 nothing else")
        return
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(target, "w") as dst:
        manifest = json.loads(src.read(MANIFEST))
        for name in src.namelist():
            if name == MANIFEST:
                continue
            if damage == "missing document" and name.startswith("documents/"):
                continue
            dst.writestr(name, src.read(name))
        if damage == "escaping name":
            dst.writestr("../../evil", b"x")
            manifest["files"].append({"name": "../../evil", "size": 1, "sha256": "0" * 64})
        if damage == "newer format":
            manifest["format_version"] = 99
        if damage != "no manifest":
            dst.writestr(MANIFEST, json.dumps(manifest))


def test_an_old_database_copy_can_be_restored_too(store: Store, data_folder: Path,
                                                   tmp_path: Path) -> None:
    """Backups written by earlier versions are bare .sqlite3 copies: they restore the
    database and leave the documents as they are."""
    a_book(store, tmp_path)
    copy = tmp_path / "crewbook-20260101-120000.sqlite3"
    src, dst = sqlite3.connect(db_path(data_folder)), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    contractors.create(store, make_contractor(display_name="Newer"))
    store.close()
    files_then = document_files(data_folder)
    with FolderLock(data_folder):
        done = restore_backup(data_folder, copy)
    assert done.manifest.database_only
    assert names(data_folder) == ["Ada", "Ben"]
    assert document_files(data_folder) == files_then


def test_a_restore_stopped_after_it_began_is_finished_by_the_next_start(
        store: Store, data_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a_book(store, tmp_path)
    archive = back_up(store, data_folder, tmp_path / "saved.zip")
    contractors.create(store, make_contractor(display_name="Newer"))
    store.close()
    import desktop.store.restore as restore_module

    def power_cut(folder: Path, staging: Path) -> None:
        raise OSError("the power went")

    monkeypatch.setattr(restore_module, "_swap_documents", power_cut)
    with FolderLock(data_folder), pytest.raises(OSError):
        restore_backup(data_folder, archive)
    assert (data_folder / MARKER).exists()
    monkeypatch.undo()
    assert names(data_folder) == ["Ada", "Ben"]  # open_store finished the swap first
    assert not (data_folder / MARKER).exists()
    assert len(document_files(data_folder)) == 1


def test_a_restore_stopped_before_it_began_leaves_the_book_as_it_was(
        store: Store, data_folder: Path, tmp_path: Path) -> None:
    a_book(store, tmp_path)
    store.close()
    (data_folder / STAGING).mkdir()
    (data_folder / STAGING / "crewbook.sqlite3").write_bytes(b"half unpacked")
    assert finish_interrupted(data_folder) is False
    assert not (data_folder / STAGING).exists()
    assert names(data_folder) == ["Ada", "Ben"]


def test_a_damaged_book_is_kept_as_its_raw_files_when_restored_over(
        store: Store, data_folder: Path, tmp_path: Path) -> None:
    a_book(store, tmp_path)
    archive = back_up(store, data_folder, tmp_path / "saved.zip")
    store.close()
    damaged = b"SQLite format 3\x00" + b"\xee" * 8000
    db_path(data_folder).write_bytes(damaged)
    with FolderLock(data_folder):
        done = restore_backup(data_folder, archive)
    assert done.previous is not None and done.previous.name.startswith("damaged-")
    assert (done.previous / "crewbook.sqlite3").read_bytes() == damaged
    assert names(data_folder) == ["Ada", "Ben"]


def test_daily_backups_rotate(store: Store, data_folder: Path, tmp_path: Path) -> None:
    a_book(store, tmp_path)
    day = dt.datetime(2026, 12, 1, 9, 0)
    written = [back_up_daily(store, data_folder, keep=3, now=day + dt.timedelta(hours=h))
               for h in (0, 5, 24, 48, 72, 96)]
    assert [w is not None for w in written] == [True, False, True, True, True, True]
    kept = sorted(p.name for p in backup_dir(data_folder).glob("crewbook-auto-*.zip"))
    assert kept == ["crewbook-auto-20261203-090000.zip", "crewbook-auto-20261204-090000.zip",
                    "crewbook-auto-20261205-090000.zip"]
    manual = back_up(store, data_folder)
    assert back_up_daily(store, data_folder, keep=1, now=day + dt.timedelta(days=5)) is not None
    assert manual.exists()  # only automatic backups are ever removed
    assert back_up_daily(store, data_folder, keep=0, now=day + dt.timedelta(days=9)) is None


class TestCommandLine:
    def test_backup_and_restore(self, cli, data_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        cli("demo")
        code, out, err = cli("db", "backup", str(tmp_path / "mine"))
        assert (code, err) == (0, "")
        archive = Path(out.strip())
        assert archive == tmp_path / "mine.zip"
        cli("contractors", "add", "--name", "After the backup")
        code, out, err = cli("db", "restore", str(archive), "--yes")
        assert (code, err) == (0, "")
        # the demo's signed work has its contracts on file
        assert "holds the backup of" in out and ": 30 contractors, 7 documents; every file" in out
        assert "Restored the backup of" in out
        assert "kept at" in out
        code, out, _ = cli("contractors", "list", "--format", "json")
        assert "After the backup" not in out

    def test_restore_asks_first_and_refuses_without_a_terminal(self, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        cli("demo")
        archive = Path(cli("db", "backup")[1].strip())
        code, _out, err = cli("db", "restore", str(archive))
        assert code == 1
        assert "add --yes" in err

    def test_restore_of_a_damaged_file_says_so(self, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        bogus = tmp_path / "bogus.zip"
        bogus.write_bytes(b"not a backup at all")
        code, out, err = cli("db", "restore", str(bogus), "--yes")
        assert (code, out) == (1, "")
        assert err.startswith("crewbook: error: ") and "not a complete Crewbook backup" in err

    def test_restore_refused_while_the_window_is_open(self, cli, data_folder: Path,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
        cli("demo")
        archive = Path(cli("db", "backup")[1].strip())
        with FolderLock(data_folder):
            code, _out, err = cli("db", "restore", str(archive), "--yes")
        assert code == 1 and "already open" in err

    def test_restore_rescues_an_empty_database(self, cli, data_folder: Path) -> None:  # type: ignore[no-untyped-def]
        cli("demo")
        archive = Path(cli("db", "backup")[1].strip())
        for leftover in data_folder.glob("crewbook.sqlite3*"):
            leftover.unlink()
        db_path(data_folder).touch()
        code, _out, err = cli("contractors", "list")
        assert code == 1 and "is empty (0 bytes)" in err
        assert cli("db", "restore", str(archive), "--yes")[0] == 0
        assert cli("contractors", "list")[0] == 0


def test_restore_killed_at_any_moment_leaves_one_book_or_the_other(tmp_path: Path) -> None:
    """kill -9 `crewbook db restore` at random moments: the next start finds either the book
    as it was or the restored one, with the documents that belong to it; never a mix.
    `CREWBOOK_KILL_LOOPS=100` for a long run."""
    import subprocess
    import time

    from tests.kill_loop import kill_after, loops

    root = Path(__file__).resolve().parents[1]
    source = tmp_path / "source"
    source.mkdir(mode=0o700)
    opened = open_store(source)
    names_then = a_book(opened.store, tmp_path, tuple(f"Then {n}" for n in range(2000)))
    archive = back_up(opened.store, source, tmp_path / "then.zip")
    opened.store.close()
    seen = {"as it was": 0, "restored": 0, "finished before the kill": 0}

    def new_book(name: str) -> Path:
        folder = tmp_path / name
        folder.mkdir(mode=0o700)
        opened = open_store(folder)
        a_book(opened.store, tmp_path, ("Now 1", "Now 2"))
        opened.store.close()
        return folder

    def restore_into(folder: Path) -> list[str]:
        return [sys.executable, "-m", "desktop", "--data-dir", str(folder), "db", "restore",
                str(archive), "--yes"]

    started = time.monotonic()  # one whole run tells when to kill: most of it is start-up
    subprocess.run(restore_into(new_book("timed")), cwd=root, check=True, capture_output=True)
    whole = time.monotonic() - started
    for round_ in range(loops(3)):
        folder = new_book(f"book{round_}")
        now_files = document_files(folder)
        outcome = kill_after(restore_into(folder), low=0.6 * whole, high=1.05 * whole, cwd=root)
        seen["finished before the kill"] += not outcome.killed
        found = names(folder)  # finishes a restore that had begun swapping
        if found == ["Now 1", "Now 2"]:
            seen["as it was"] += 1
            assert document_files(folder) == now_files
        else:
            assert len(found) == len(names_then) and found[0].startswith("Then")
            seen["restored"] += 1
            assert len(document_files(folder)) == 1 and document_files(folder) != now_files
        assert not (folder / MARKER).exists() and not (folder / STAGING).exists()
    print("kills of `crewbook db restore`: " + ", ".join(f"{n} {k}" for k, n in seen.items()))


def test_what_a_killed_backup_left_is_cleared_once_a_day_old(store: Store, data_folder: Path) -> None:
    folders = backup_dir(data_folder)
    folders.mkdir()
    old, young = folders / ".backup-old.partial", folders / ".backup-young.partial"
    old.write_bytes(b"half")
    young.write_bytes(b"half")
    two_days_ago = dt.datetime.now().timestamp() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    back_up(store, data_folder)
    assert not old.exists() and young.exists()
