"""A backup is one .zip file: the database (copied through SQLite's online backup API, so it is
consistent even while Crewbook is writing), every stored document it names, and a manifest with
each file's size and SHA-256 (desktop.store.archive_check reads one back)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop import __version__
from desktop.core.formats import datetime_text
from desktop.core.i18n import _, ngettext
from desktop.store.db import inspect_file
from desktop.store.disk_errors import explain
from desktop.store.errors import StoreError
from desktop.store.paths import DB_NAME, DOCUMENTS_DIR

FORMAT = "crewbook-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".zip"
CHUNK = 1024 * 1024
DOCUMENT = re.compile(r"documents/[0-9a-f]{2}/[0-9a-f]{64}")


@dataclass(frozen=True)
class Manifest:
    created_at: dt.datetime
    kind: str  # "manual", "automatic", "before upgrade", "before restore"
    schema: str | None
    contractors: int
    documents: int
    missing_documents: tuple[str, ...]  # named by the database but absent when backed up
    app_version: str
    database_only: bool = False  # a bare .sqlite3 copy, as older versions wrote

    def describe(self) -> str:
        """A noun phrase: “backup of Mar 12, 2026 2:05 PM: 3 contractors, 2 documents”."""
        when = datetime_text(self.created_at)
        people = ngettext("{n} contractor", "{n} contractors", self.contractors).format(
            n=self.contractors)
        if self.database_only or not self.documents:
            # Translators: {people} is a count, “3 contractors”.
            return _("backup of {when}: {people}").format(when=when, people=people)
        documents = ngettext("{n} document", "{n} documents", self.documents).format(
            n=self.documents)
        # Translators: {people} and {documents} are counts, “3 contractors”, “2 documents”.
        return _("backup of {when}: {people}, {documents}").format(
            when=when, people=people, documents=documents)


def archive_name(kind: str, now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    tag = {"manual": "backup", "automatic": "auto"}.get(kind, kind.replace(" ", "-"))
    return f"crewbook-{tag}-{now:%Y%m%d-%H%M%S}{SUFFIX}"


def write_archive(database: Path, destination: Path, kind: str = "manual") -> Path:
    """Back up ``database`` and the documents beside it into ``destination`` (a .zip file, or
    a folder for a new dated one). Written under a temporary name and renamed when complete,
    so a backup that exists is whole."""
    if destination.is_dir():
        destination = _free_name(destination / archive_name(kind))
    elif destination.suffix.lower() != SUFFIX:
        destination = destination.with_name(destination.name + SUFFIX)
    if destination.exists():
        raise StoreError(_("{path} already exists; choose another name.").format(
            path=destination))
    try:
        destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, partial = tempfile.mkstemp(prefix=".backup-", suffix=".partial",
                                       dir=destination.parent)
        os.close(fd)
        try:
            _write(database, Path(partial), kind)
            os.replace(partial, destination)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
    except (OSError, sqlite3.Error) as exc:
        problem = explain(exc, destination.parent)
        raise (problem or StoreError(_("The backup to {path} failed: {reason}").format(
            path=destination, reason=exc))) from exc
    return destination


def write_archive_into(database: Path, folder: Path, kind: str) -> Path:
    """A new dated backup in ``folder``, which is created if needed."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise (explain(exc, folder) or StoreError(_("The backup failed: {reason}").format(
            reason=exc))) from exc
    clear_leftovers(folder, ".backup-*")
    return write_archive(database, folder, kind)


def clear_leftovers(folder: Path, pattern: str) -> None:
    """Remove what a backup or a check killed part-way left behind. Only day-old ones: a
    younger one may belong to another window or command still writing it."""
    day_ago = time.time() - 24 * 60 * 60
    for leftover in folder.glob(pattern):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < day_ago:
                if leftover.is_dir():
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()


def _write(database: Path, target: Path, kind: str) -> None:
    folder = database.parent
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as scratch:
        copy = Path(scratch) / DB_NAME
        snapshot(database, copy)
        names, contractors = _documents_named(copy)
        entries: list[dict[str, object]] = []
        missing: list[str] = []
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            entries.append(_add(zf, copy, DB_NAME))
            for name in names:
                source = folder / name
                if source.is_file():
                    entries.append(_add(zf, source, name, zipfile.ZIP_STORED))
                else:
                    missing.append(name)
            manifest = {
                "format": FORMAT, "format_version": FORMAT_VERSION,
                "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "kind": kind, "app_version": __version__,
                "schema": inspect_file(copy).revision, "contractors": contractors,
                "files": entries, "missing_documents": missing,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, indent=2))
        with open(target, "rb") as fh:
            os.fsync(fh.fileno())


def snapshot(database: Path, copy: Path) -> None:
    """A consistent copy of a live database as a single file (no -wal beside it)."""
    fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(copy)
    try:
        with dst:
            src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()


def _documents_named(database: Path) -> tuple[list[str], int]:
    con = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        shas = ([r[0] for r in con.execute("SELECT DISTINCT sha256 FROM document ORDER BY 1")]
                if "document" in tables else [])
        count = (con.execute("SELECT count(*) FROM contractor").fetchone()[0]
                 if "contractor" in tables else 0)
    finally:
        con.close()
    names = (f"{DOCUMENTS_DIR}/{sha[:2]}/{sha}" for sha in shas)
    return [n for n in names if DOCUMENT.fullmatch(n)], count


def _add(zf: zipfile.ZipFile, source: Path, name: str,
         compression: int = zipfile.ZIP_DEFLATED) -> dict[str, object]:
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as src, zf.open(_info(name, compression), "w") as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            dst.write(chunk)
    return {"name": name, "size": size, "sha256": digest.hexdigest()}


def _info(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=dt.datetime.now().timetuple()[:6])
    info.compress_type = compression
    info.external_attr = 0o600 << 16
    return info


def _free_name(path: Path) -> Path:
    n = 1
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate
