"""A backup is one .zip file: the database (copied through SQLite's online backup API, so it is
consistent even while Crewbook is writing), every stored document it names, and a manifest with
each file's size and SHA-256. A backup is checked whole before anything is restored from it."""

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
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop import __version__
from desktop.store.db import APPLICATION_ID, inspect_file
from desktop.store.disk_errors import explain
from desktop.store.errors import StoreError
from desktop.store.paths import DB_NAME, DOCUMENTS_DIR

FORMAT = "crewbook-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".zip"
_CHUNK = 1024 * 1024
_DOCUMENT = re.compile(r"documents/[0-9a-f]{2}/[0-9a-f]{64}")


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
        when = self.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        docs = ("" if self.database_only or not self.documents else
                f", {self.documents} document{'s' * (self.documents != 1)}")
        people = f"{self.contractors} contractor{'s' * (self.contractors != 1)}"
        return f"backup of {when}: {people}{docs}"


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
        raise StoreError(f"{destination} already exists; choose another name.")
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
        raise (problem or StoreError(f"The backup to {destination} failed: {exc}")) from exc
    return destination


def write_archive_into(database: Path, folder: Path, kind: str) -> Path:
    """A new dated backup in ``folder``, which is created if needed."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise (explain(exc, folder) or StoreError(f"The backup failed: {exc}")) from exc
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
    return [f"{DOCUMENTS_DIR}/{sha[:2]}/{sha}" for sha in shas if re.fullmatch("[0-9a-f]{64}", sha)], count


def _add(zf: zipfile.ZipFile, source: Path, name: str,
         compression: int = zipfile.ZIP_DEFLATED) -> dict[str, object]:
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as src, zf.open(_info(name, compression), "w") as dst:
        while chunk := src.read(_CHUNK):
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


# --- reading a backup ------------------------------------------------------------------------

def verify(archive: Path, scratch: Path) -> tuple[Manifest, Path]:
    """Check a backup whole and unpack it into ``scratch`` (an empty folder on the same disk as
    the data): every file present with its size and checksum, names that stay inside the
    folder, and a database that is Crewbook's, undamaged and not from a newer version.
    Returns the manifest and the unpacked database; raises StoreError saying what is wrong."""
    try:
        with archive.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"{archive} cannot be read: {exc.strerror or exc}.") from exc
    if head == b"SQLite format 3\x00":
        return _verify_database_only(archive, scratch)
    try:
        with zipfile.ZipFile(archive) as zf:
            manifest = _read_manifest(zf, archive)
            for entry in manifest["files"]:
                _extract(zf, entry, scratch, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError,
            TypeError, OSError, RuntimeError, zlib.error) as exc:
        if isinstance(exc, OSError) and explain(exc, scratch) is not None:
            raise explain(exc, scratch) from exc  # type: ignore[misc]
        raise StoreError(f"{archive} is not a complete Crewbook backup ({_reason(exc)}). "
                         "Nothing was changed.") from exc
    database = scratch / DB_NAME
    schema = _check_database(database, archive)
    return Manifest(
        created_at=dt.datetime.fromisoformat(manifest["created_at"]),
        kind=str(manifest.get("kind", "manual")), schema=schema,
        contractors=int(manifest.get("contractors", 0)),
        documents=sum(1 for e in manifest["files"] if e["name"] != DB_NAME),
        missing_documents=tuple(manifest.get("missing_documents", ())),
        app_version=str(manifest.get("app_version", ""))), database


def _read_manifest(zf: zipfile.ZipFile, archive: Path) -> dict:  # type: ignore[type-arg]
    try:
        manifest = json.loads(zf.read(MANIFEST))
    except KeyError:
        raise StoreError(f"{archive} is a .zip file but not a Crewbook backup (it has no "
                         "manifest). Nothing was changed.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StoreError(f"{archive} is not a Crewbook backup. Nothing was changed.")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise StoreError(f"{archive} was written by a newer version of Crewbook; install it to "
                         "restore this backup. Nothing was changed.")
    names = [e["name"] for e in manifest["files"]]
    if names.count(DB_NAME) != 1 or len(set(names)) != len(names) or not all(
            n == DB_NAME or _DOCUMENT.fullmatch(n) for n in names):
        raise StoreError(f"{archive} lists files a Crewbook backup never holds. "
                         "Nothing was changed.")
    return manifest


def _extract(zf: zipfile.ZipFile, entry: dict, scratch: Path, archive: Path) -> None:  # type: ignore[type-arg]
    name = str(entry["name"])
    target = scratch.joinpath(*PurePosixPath(name).parts)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with zf.open(name) as src, os.fdopen(fd, "wb") as dst:
        while chunk := src.read(_CHUNK):
            size += len(chunk)
            if size > int(entry["size"]):
                break  # never unpack more than the manifest promised
            digest.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    if size != int(entry["size"]) or digest.hexdigest() != entry["sha256"]:
        raise StoreError(f"{archive} is damaged: {name} does not match its checksum. "
                         "Nothing was changed.")


def _verify_database_only(archive: Path, scratch: Path) -> tuple[Manifest, Path]:
    database = scratch / DB_NAME
    try:
        snapshot(archive, database)
    except sqlite3.Error as exc:
        raise StoreError(f"{archive} is damaged ({exc}). Nothing was changed.") from exc
    schema = _check_database(database, archive)
    con = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        count = con.execute("SELECT count(*) FROM contractor").fetchone()[0]
    except sqlite3.Error:
        count = 0
    finally:
        con.close()
    created = dt.datetime.fromtimestamp(archive.stat().st_mtime, dt.UTC)
    return Manifest(created, "manual", schema, count, 0, (), "", database_only=True), database


def _check_database(database: Path, archive: Path) -> str | None:
    from desktop.store.migrate import check_revision

    try:
        con = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            ok = [r[0] for r in con.execute("PRAGMA quick_check")] == ["ok"]
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        ok, app_id = False, None
    if not ok:
        raise StoreError(f"The database inside {archive} is damaged. Nothing was changed.")
    if app_id != APPLICATION_ID:
        raise StoreError(f"{archive} does not hold a Crewbook database. Nothing was changed.")
    revision = inspect_file(database).revision
    check_revision(revision, archive)
    return revision


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"{exc.args[0]} is missing"
    return str(exc) or type(exc).__name__
