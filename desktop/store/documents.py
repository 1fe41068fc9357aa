"""Documents (contracts, NDAs, tax forms…) attached to an engagement or a contractor.

Files are stored content-addressed under the data folder, ``documents/<sha[:2]>/<sha>``,
readable by their owner only; identical files are kept once however often they are attached.
A row in ``document`` names each attachment; a file goes when its last row goes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import mimetypes
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.enums import DocumentKind
from desktop.core.i18n import _, ngettext
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.store import document_content as content
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.models import Contractor, Document, Engagement
from desktop.store.versions import changed, refuse_stale, touch

DOCUMENTS_DIR = "documents"
MAX_BYTES = 50 * 1024 * 1024
MAX_LABEL = "50 MB"
_CHUNK = 1024 * 1024
_SHA = re.compile(r"[0-9a-f]{64}")
_TITLE_MAX, _FILE_NAME_MAX, _MEDIA_TYPE_MAX = 200, 255, 100
_FALLBACK_MEDIA_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    version: int
    engagement_id: int | None
    contractor_id: int | None
    kind: DocumentKind
    title: str
    file_name: str
    media_type: str
    sha256: str
    size_bytes: int
    expires_on: dt.date | None


def documents_dir(store: Store) -> Path | None:
    """Where a local book's files live: ``documents`` in its data folder (None on a server,
    which keeps them in the database)."""
    return None if store.folder is None else store.folder / DOCUMENTS_DIR


def attach(store: Store, *, engagement_id: int | None = None, contractor_id: int | None = None,
           kind: DocumentKind | str, source: Path, title: str = "",
           expires_on: dt.date | None = None,
           expected_version: int | None = None) -> DocumentRecord:
    """Copy ``source`` into the data folder (once per content) and record it for its owner.

    Exactly one of ``engagement_id`` / ``contractor_id``; the owner's version must still be
    ``expected_version``, and moves (a contract on file is what a signing relies on). Raises
    ValidationError naming the field ("file" for a missing, unreadable or too large source);
    nothing is left behind when the row cannot be written.
    """
    source = Path(source)
    errors: list[FieldError] = []
    if engagement_id is None and contractor_id is None:
        errors.append(FieldError("engagement_id",
                                 _("is required: a document belongs to an engagement or a "
                                   "contractor")))
    elif engagement_id is not None and contractor_id is not None:
        errors.append(FieldError("contractor_id",
                                 _("must be empty when an engagement is given: a document "
                                   "belongs to one of them")))
    try:
        parsed_kind = DocumentKind.parse(str(kind))
    except ValueError as exc:
        errors.append(FieldError("kind", str(exc)))
    title = " ".join(title.split())
    if len(title) > _TITLE_MAX:
        errors.append(FieldError("title", ngettext(
            "is {length} character long; at most {most} fit",
            "is {length} characters long; at most {most} fit", len(title)).format(
                length=len(title), most=_TITLE_MAX)))
    file_error = _check_source(source)
    if file_error:
        errors.append(FieldError("file", file_error))
    if errors:
        raise ValidationError(errors)

    noun, owner_id = (("engagement", engagement_id) if engagement_id is not None
                      else ("contractor", contractor_id or 0))
    staged, sha, size = _stage(source, content.staging_folder(store))
    undo: content.Undo | None = None
    try:
        with refuse_stale(noun, owner_id), store.transaction() as session:
            owner = _check_owner(session, engagement_id, contractor_id)
            if expected_version is not None and owner.version != expected_version:
                raise changed(noun, owner_id, owner)
            touch(owner)
            undo = content.put(store, session, staged, sha, size)
            row = Document(engagement_id=engagement_id, contractor_id=contractor_id,
                           kind=parsed_kind.value, title=title,
                           file_name=_short_name(source.name),
                           media_type=_media_type(source.name), sha256=sha,
                           size_bytes=size, expires_on=expires_on)
            session.add(row)
            session.flush()
            record = _record(row)
    except BaseException:
        # Only a file this call put there is taken away again; an older copy is in use.
        if undo is not None:
            with contextlib.suppress(OSError):
                undo()
        raise
    finally:
        with contextlib.suppress(OSError):
            staged.unlink()
    return record


def list_for(store: Store, *, engagement_id: int | None = None,
             contractor_id: int | None = None) -> list[DocumentRecord]:
    """One owner's documents, oldest first."""
    if (engagement_id is None) == (contractor_id is None):
        raise ValueError("give exactly one of engagement_id and contractor_id")  # not shown
    query = select(Document).order_by(Document.id)
    if engagement_id is not None:
        query = query.where(Document.engagement_id == engagement_id)
    else:
        query = query.where(Document.contractor_id == contractor_id)
    with store.reading() as session:
        return [_record(row) for row in session.scalars(query)]


def get(store: Store, document_id: int) -> DocumentRecord:
    with store.reading() as session:
        row = session.get(Document, document_id)
        if row is None:
            raise ConflictError(_("document {id} no longer exists").format(id=document_id))
        return _record(row)


def path_of(store: Store, record: DocumentRecord) -> Path:
    """A file to open the document from (a local book's own file may be missing if someone
    deleted it by hand)."""
    if not _SHA.fullmatch(record.sha256):
        raise StoreError(_("document {id} has a damaged digest in the database; its file "
                           "cannot be found").format(id=record.id))
    return content.local_path(store, record.sha256, record.size_bytes)


def remove(store: Store, document_id: int, expected_version: int) -> None:
    """Delete the document's row, and its file once no other document shares the content."""
    try:
        with store.transaction() as session:
            row = session.get(Document, document_id)
            if row is None:
                raise ConflictError(_("document {id} was removed elsewhere").format(
                    id=document_id))
            if row.version != expected_version:
                raise _changed(document_id)
            sha = row.sha256
            owner = (session.get(Engagement, row.engagement_id) if row.engagement_id is not None
                     else session.get(Contractor, row.contractor_id))
            if owner is not None:
                touch(owner)
            session.delete(row)
            session.flush()
            still_used = session.scalar(
                select(func.count()).select_from(Document).where(Document.sha256 == sha))
            finish = (content.drop(store, session, sha)
                      if not still_used and _SHA.fullmatch(sha) else None)
    except StaleDataError:
        raise _changed(document_id) from None
    if finish is not None:
        # The row is gone for good; a file left behind (e.g. locked on Windows) is harmless.
        with contextlib.suppress(OSError):
            finish()


def forget_demo(store: Store) -> Callable[[], None]:
    """Delete the documents of demo contractors and their engagements, and content nothing
    else uses. Call inside the transaction that removes the demo; call what it returns once
    that has committed (files go only when their rows are gone for good)."""
    demo = select(Contractor.id).where(Contractor.is_demo.is_(True))
    work = select(Engagement.id).where(Engagement.contractor_id.in_(demo))
    finish: list[content.Undo] = []
    with store.transaction() as session:
        rows = session.execute(select(Document.id, Document.sha256).where(
            or_(Document.contractor_id.in_(demo), Document.engagement_id.in_(work)))).all()
        if not rows:
            return lambda: None
        session.execute(delete(Document).where(Document.id.in_([r.id for r in rows])))
        for sha in sorted({r.sha256 for r in rows}):
            used = session.scalar(select(func.count()).select_from(Document)
                                  .where(Document.sha256 == sha))
            if not used and _SHA.fullmatch(sha):
                finish.append(content.drop(store, session, sha))

    def remove_files() -> None:
        for step in finish:
            with contextlib.suppress(OSError):
                step()
    return remove_files


# --- helpers -------------------------------------------------------------------------------
def _changed(document_id: int) -> ConflictError:
    return ConflictError(_("document {id} was changed elsewhere after you opened it; reload it")
                         .format(id=document_id))


def _check_source(source: Path) -> str | None:
    """Why ``source`` cannot be attached, as the rest of a sentence starting "File …"."""
    try:
        info = source.stat()
    except FileNotFoundError:
        return _("“{file}” was not found").format(file=source)
    except OSError as exc:
        return _("“{file}” cannot be read ({reason})").format(file=source,
                                                              reason=exc.strerror or exc)
    if source.is_dir():
        return _("“{file}” is a folder, not a file").format(file=source)
    if info.st_size > MAX_BYTES:
        return _("“{file}” is {size}; files over {most} are not stored").format(
            file=source.name, size=_megabytes(info.st_size), most=MAX_LABEL)
    if not os.access(source, os.R_OK):
        return _("“{file}” cannot be read (permission denied)").format(file=source)
    return None


def _stage(source: Path, root: Path) -> tuple[Path, str, int]:
    """Copy ``source`` to a private temporary file in ``root``, hashing it on the way."""
    fd, name = tempfile.mkstemp(prefix=".incoming-", dir=root)  # created 0600
    staged = Path(name)
    digest, size = hashlib.sha256(), 0
    try:
        with os.fdopen(fd, "wb") as out:
            # Errors reading the source name the file; errors writing our copy pass unchanged.
            try:
                src = source.open("rb")
            except OSError as exc:
                raise _unreadable(source, exc) from None
            with src:
                while True:
                    try:
                        chunk = src.read(_CHUNK)
                    except OSError as exc:
                        raise _unreadable(source, exc) from None
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise ValidationError([FieldError(
                            "file", _("“{file}” is over {most}; larger files are not stored")
                            .format(file=source.name, most=MAX_LABEL))])
                    digest.update(chunk)
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise
    return staged, digest.hexdigest(), size


def _unreadable(source: Path, exc: OSError) -> ValidationError:
    return ValidationError([FieldError("file", _("“{file}” cannot be read ({reason})").format(
        file=source, reason=exc.strerror or exc))])


def _check_owner(session: Session, engagement_id: int | None,
                 contractor_id: int | None) -> Engagement | Contractor:
    if engagement_id is not None:
        engagement = session.get(Engagement, engagement_id)
        if engagement is None:
            raise ValidationError([FieldError("engagement_id",
                                              _("engagement {id} does not exist").format(
                                                  id=engagement_id))])
        return engagement
    contractor = session.get(Contractor, contractor_id)
    if contractor is None:
        raise ValidationError([FieldError("contractor_id",
                                          _("contractor {id} does not exist").format(
                                              id=contractor_id))])
    return contractor


def _short_name(name: str) -> str:
    if len(name) <= _FILE_NAME_MAX:
        return name
    suffix = Path(name).suffix[:20]
    return name[:_FILE_NAME_MAX - len(suffix) - 1] + "…" + suffix


def _media_type(name: str) -> str:
    guessed = mimetypes.guess_type(name)[0] or _FALLBACK_MEDIA_TYPE
    return guessed if len(guessed) <= _MEDIA_TYPE_MAX else _FALLBACK_MEDIA_TYPE


def _megabytes(size: int) -> str:
    tenths = -(-size * 10 // (1024 * 1024))  # rounded up: just over 50 MB never reads 50.0
    return f"{tenths // 10}.{tenths % 10} MB"


def _record(row: Document) -> DocumentRecord:
    return DocumentRecord(row.id, row.version, row.engagement_id, row.contractor_id,
                          DocumentKind(row.kind), row.title, row.file_name, row.media_type,
                          row.sha256, row.size_bytes, row.expires_on)
