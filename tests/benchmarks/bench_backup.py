"""Backup and restore benchmark: how long `back_up` and `restore_backup` take on a large book.

Not part of the test suite (pytest only collects test_*.py). Run it by hand:

    python tests/benchmarks/bench_backup.py                      # 100,000 contractors, 200 documents
    python tests/benchmarks/bench_backup.py --rows 20000 --runs 3
    python tests/benchmarks/bench_backup.py --strict             # exit 1 if a target is missed

Each figure is printed next to a floor from the same run on the same machine: the floor for a
backup is Python's sqlite3 online backup of the same database into a file, then the standard
zipfile module deflating that file and the same documents into one archive (no checksums, no
manifest, no fsync); the floor for a restore is what any restore that keeps the current data
must do at least: that same plain backup of the current book, then `ZipFile.extractall` of the
archive (no checks, no fsync, no swap). Compare the two, not numbers from another machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

TARGET_BACKUP = 2.0  # back_up ≤ 2× its floor (median): checksums and the manifest cost little
TARGET_RESTORE = 2.0  # restore ≤ 2× keeping the current data plus a bare unpack


def seed(folder: Path, rows: int, documents: int) -> None:
    from desktop.store import documents as docs
    from desktop.store.session import open_store

    store = open_store(folder).store
    with store.transaction() as session:
        conn = session.connection()
        conn.exec_driver_sql(
            "WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < ?) "
            "INSERT INTO contractor (display_name, email, notes, name_key, company_key, email_key, "
            "created_at, updated_at) SELECT 'Person ' || n, 'p' || n || '@example.com', "
            "'Worked with us on the spring catalogue and the shop photos.', 'person ' || n, '', "
            "'p' || n || '@example.com', '2026-01-01 00:00:00', '2026-01-01 00:00:00' FROM n",
            (rows,))
    scratch = folder.parent / "sources"
    scratch.mkdir()
    for n in range(documents):
        source = scratch / f"contract-{n}.pdf"
        source.write_bytes(os.urandom(100_000))  # stored documents are mostly compressed already
        docs.attach(store, contractor_id=n + 1, kind="contract", source=source)
    store.close()


def floor_backup(folder: Path, target: Path) -> None:
    copy = target.with_suffix(".sqlite3")
    src, dst = sqlite3.connect(folder / "crewbook.sqlite3"), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.write(copy, "crewbook.sqlite3")
        for path in (folder / "documents").rglob("*"):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix(), zipfile.ZIP_STORED)
    copy.unlink()


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from desktop.operations.backup import back_up, restore_backup
    from desktop.store.lock import FolderLock
    from desktop.store.session import open_store

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "book"
        folder.mkdir()
        seed(folder, args.rows, args.documents)
        size = (folder / "crewbook.sqlite3").stat().st_size
        print(f"{args.rows:,} contractors ({size / 1e6:.0f} MB database), "
              f"{args.documents} documents of 100 kB; {args.runs} runs each, alternating")
        ours, floors, restores, unpacks = [], [], [], []
        for run in range(args.runs):
            store = open_store(folder).store
            archive = root / f"ours-{run}.zip"
            ours.append(timed(lambda: back_up(store, folder, archive)))  # noqa: B023
            store.close()
            plain = root / f"floor-{run}.zip"
            floors.append(timed(lambda: floor_backup(folder, plain)))  # noqa: B023
            with FolderLock(folder):
                restores.append(timed(lambda: restore_backup(folder, archive)))  # noqa: B023
            unpacked = root / f"unpacked-{run}"

            def keep_and_unpack() -> None:
                floor_backup(folder, root / f"kept-{run}.zip")  # noqa: B023
                zipfile.ZipFile(plain).extractall(unpacked)  # noqa: B023

            unpacks.append(timed(keep_and_unpack))
            shutil.rmtree(unpacked)
            for kept in (folder / "backups").glob("*"):
                kept.unlink()  # the "before restore" copies would pile up
        b, fb = statistics.median(ours), statistics.median(floors)
        r, fr = statistics.median(restores), statistics.median(unpacks)
        print(f"backup   {b:6.2f} s   floor (sqlite3 backup + plain zip) {fb:6.2f} s   "
              f"{b / fb:4.1f}×  target ≤ {TARGET_BACKUP:.0f}×")
        print(f"restore  {r:6.2f} s   floor (plain backup + extractall)    {fr:6.2f} s   "
              f"{r / fr:4.1f}×  target ≤ {TARGET_RESTORE:.0f}×")
        print(f"backup file {archive.stat().st_size / 1e6:.1f} MB")
        missed = b / fb > TARGET_BACKUP or r / fr > TARGET_RESTORE
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
