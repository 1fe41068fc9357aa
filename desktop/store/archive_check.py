"""Reading a backup: checked whole (every checksum, names that stay inside the folder, a
database that is Crewbook's, undamaged and not from a newer version) before anything is
restored from it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from desktop.core.i18n import _
from desktop.store.archive import (
    CHUNK,
    DOCUMENT,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    Manifest,
    snapshot,
)
from desktop.store.db import APPLICATION_ID, inspect_file
from desktop.store.disk_errors import explain
from desktop.store.errors import StoreError
from desktop.store.paths import DB_NAME


def verify(archive: Path, scratch: Path) -> tuple[Manifest, Path]:
    """Check a backup whole and unpack it into ``scratch`` (an empty folder on the same disk as
    the data): every file present with its size and checksum, names that stay inside the
    folder, and a database that is Crewbook's, undamaged and not from a newer version.
    Returns the manifest and the unpacked database; raises StoreError saying what is wrong."""
    try:
        with archive.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(_("{path} cannot be read: {reason}.").format(
            path=archive, reason=exc.strerror or exc)) from exc
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
        raise StoreError(_("{path} is not a complete Crewbook backup ({reason}). Nothing was "
                           "changed.").format(path=archive, reason=_reason(exc))) from exc
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
        raise StoreError(_("{path} is a .zip file but not a Crewbook backup (it has no "
                           "manifest). Nothing was changed.").format(path=archive)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StoreError(_("{path} is not a Crewbook backup. Nothing was changed.").format(
            path=archive))
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise StoreError(_("{path} was written by a newer version of Crewbook; install it to "
                           "restore this backup. Nothing was changed.").format(path=archive))
    names = [e["name"] for e in manifest["files"]]
    if names.count(DB_NAME) != 1 or len(set(names)) != len(names) or not all(
            n == DB_NAME or DOCUMENT.fullmatch(n) for n in names):
        raise StoreError(_("{path} lists files a Crewbook backup never holds. Nothing was "
                           "changed.").format(path=archive))
    return manifest


def _extract(zf: zipfile.ZipFile, entry: dict, scratch: Path, archive: Path) -> None:  # type: ignore[type-arg]
    name = str(entry["name"])
    target = scratch.joinpath(*PurePosixPath(name).parts)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with zf.open(name) as src, os.fdopen(fd, "wb") as dst:
        while chunk := src.read(CHUNK):
            size += len(chunk)
            if size > int(entry["size"]):
                break  # never unpack more than the manifest promised
            digest.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    if size != int(entry["size"]) or digest.hexdigest() != entry["sha256"]:
        raise StoreError(_("{path} is damaged: {name} does not match its checksum. Nothing "
                           "was changed.").format(path=archive, name=name))


def _verify_database_only(archive: Path, scratch: Path) -> tuple[Manifest, Path]:
    database = scratch / DB_NAME
    try:
        snapshot(archive, database)
    except sqlite3.Error as exc:
        raise StoreError(_("{path} is damaged ({reason}). Nothing was changed.").format(
            path=archive, reason=exc)) from exc
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
        raise StoreError(_("The database inside {path} is damaged. Nothing was changed.")
                         .format(path=archive))
    if app_id != APPLICATION_ID:
        raise StoreError(_("{path} does not hold a Crewbook database. Nothing was changed.")
                         .format(path=archive))
    revision = inspect_file(database).revision
    check_revision(revision, archive)
    return revision


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return _("{name} is missing").format(name=exc.args[0])
    return str(exc) or type(exc).__name__
