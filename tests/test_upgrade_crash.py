"""A schema upgrade is one transaction: stopped at any point, the file stays at its old schema
with all its data, and the next start upgrades it by itself."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.operations.backup import check_backup
from desktop.store import contractors, migrate
from desktop.store.db import APPLICATION_ID
from desktop.store.paths import backup_dir, db_path
from desktop.store.session import open_store
from tests.kill_loop import kill_after, loops

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parents[1]


def old_book(folder: Path, extra_contractors: int = 0) -> int:
    """A schema-0001 file (the oldest released) with its fixture data and ``extra_contractors``
    more; returns how many contractors it holds."""
    con = sqlite3.connect(db_path(folder))
    con.executescript((FIXTURES / "schema_0001.sql").read_text("utf-8"))
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if extra_contractors:
        columns = [r[1] for r in con.execute("PRAGMA table_info(contractor)") if r[1] != "id"]
        picked = ", ".join("display_name || ' ' || n" if c == "display_name" else c
                           for c in columns)
        con.execute(
            f"WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < ?) "
            f"INSERT INTO contractor ({', '.join(columns)}) SELECT {picked} FROM n, "
            f"(SELECT * FROM contractor ORDER BY id LIMIT 1)", (extra_contractors,))
    con.commit()
    count = con.execute("SELECT count(*) FROM contractor").fetchone()[0]
    con.close()
    return count


def revision_of(folder: Path) -> str:
    con = sqlite3.connect(db_path(folder))
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def tables_of(folder: Path) -> set[str]:
    con = sqlite3.connect(db_path(folder))
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_an_upgrade_that_fails_part_way_leaves_the_old_schema_whole(
        data_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = old_book(data_folder)
    from alembic import command

    real_upgrade = command.upgrade

    def upgrade_then_crash(cfg, revision):  # type: ignore[no-untyped-def]
        real_upgrade(cfg, revision)  # every revision's DDL has run by now
        raise OSError("the power went")

    monkeypatch.setattr(command, "upgrade", upgrade_then_crash)
    with pytest.raises(OSError):
        open_store(data_folder)
    assert revision_of(data_folder) == "0001"
    assert "rate_change" not in tables_of(data_folder)  # 0002's first table was not kept

    monkeypatch.setattr(command, "upgrade", real_upgrade)
    opened = open_store(data_folder)
    assert contractors.count(opened.store, include_archived=True) == count
    opened.store.close()
    assert revision_of(data_folder) == migrate.HEAD


def test_upgrade_killed_at_any_moment_recovers_on_the_next_start(tmp_path: Path) -> None:
    """kill -9 `crewbook db upgrade` at random moments; `CREWBOOK_KILL_LOOPS=100` for more."""
    rounds = loops(3)
    seen = {"before the backup": 0, "during the upgrade": 0, "after it": 0}
    for round_ in range(rounds):
        folder = tmp_path / f"book{round_}"
        folder.mkdir(mode=0o700)
        count = old_book(folder, extra_contractors=3000)
        kill_after([sys.executable, "-m", "desktop", "--data-dir", str(folder), "db", "upgrade"],
                   low=0.3, high=1.6, cwd=ROOT)
        assert revision_of(folder) in {"0001", migrate.HEAD}
        backed_up = any(backup_dir(folder).glob("*.zip"))
        seen["after it" if revision_of(folder) == migrate.HEAD else
             "during the upgrade" if backed_up else "before the backup"] += 1
        opened = open_store(folder)
        try:
            assert contractors.count(opened.store, include_archived=True) == count
        finally:
            opened.store.close()
        assert revision_of(folder) == migrate.HEAD
        # However many starts it took, each backup there is whole (a partial one is never
        # given its name) and holds every contractor.
        for backup in backup_dir(folder).glob("*.zip"):
            assert check_backup(folder, backup).contractors == count
    print(f"{rounds} kills of `crewbook db upgrade`: " + ", ".join(f"{n} {when}" for when, n in seen.items()))


def test_upgrade_run_to_the_end_by_the_command(data_folder: Path) -> None:
    old_book(data_folder)
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_folder),
                           "db", "upgrade"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert revision_of(data_folder) == migrate.HEAD
