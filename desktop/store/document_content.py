"""Where a stored document's bytes live: as files under the data folder for a local book, and
in the database, in chunks, for a team database (so every member opens the same signed
contract). Content is kept once, by its SHA-256, however many documents share it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_cache_path
from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from desktop.core.i18n import _
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.models import DocumentChunk
from desktop.store.paths import DOCUMENTS_DIR

CHUNK = 1024 * 1024
Undo = Callable[[], None]


def staging_folder(store: Store) -> Path:
    """A private folder on the same disk as where the content will go."""
    root = (store.folder / DOCUMENTS_DIR) if store.folder is not None else _cache()
    return ensure_dir(root)


def put(store: Store, session: Session, staged: Path, sha: str, size: int) -> Undo | None:
    """Keep the staged content under its digest unless an intact copy is there. Returns how to
    take a new file back if the transaction fails (the database's chunks go with it anyway)."""
    if store.folder is None:
        if not session.scalar(select(exists().where(DocumentChunk.sha256 == sha))):
            with staged.open("rb") as src:
                for seq, chunk in enumerate(iter(lambda: src.read(CHUNK), b"")):
                    session.add(DocumentChunk(sha256=sha, seq=seq, data=chunk))
                    session.flush()  # one chunk in memory at a time
        return None
    final = store.folder / DOCUMENTS_DIR / sha[:2] / sha
    try:
        existing: int | None = final.stat().st_size
    except FileNotFoundError:
        existing = None
    if existing == size:
        return None
    ensure_dir(final.parent)
    os.chmod(staged, 0o600)
    os.replace(staged, final)  # also mends a damaged copy that other rows point at
    if existing is not None:
        return None
    return lambda: final.unlink(missing_ok=True)


def drop(store: Store, session: Session, sha: str) -> Undo:
    """Remove content no document uses any more: chunks in this transaction; a file once the
    transaction has committed (call what this returns then)."""
    if store.folder is None:
        session.execute(delete(DocumentChunk).where(DocumentChunk.sha256 == sha))
        return lambda: None
    final = store.folder / DOCUMENTS_DIR / sha[:2] / sha
    return lambda: final.unlink(missing_ok=True)


def local_path(store: Store, sha: str, size: int) -> Path:
    """A file holding the content, to open: the stored file itself for a local book (it may be
    missing if someone deleted it by hand), a checked copy in the user's cache for a team's."""
    if store.folder is not None:
        return store.folder / DOCUMENTS_DIR / sha[:2] / sha
    cached = ensure_dir(_cache() / sha[:2]) / sha
    if cached.exists() and cached.stat().st_size == size:
        return cached
    fd, name = tempfile.mkstemp(prefix=".fetching-", dir=cached.parent)
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out, store.reading() as session:
            for chunk in session.scalars(select(DocumentChunk.data)
                                         .where(DocumentChunk.sha256 == sha)
                                         .order_by(DocumentChunk.seq)
                                         .execution_options(yield_per=1)):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != sha:
            raise StoreError(_("this document's content is missing or damaged on the team "
                               "database; attach the file again"))
        os.replace(name, cached)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
    return cached


def ensure_dir(folder: Path) -> Path:
    try:
        folder.mkdir(mode=0o700, parents=True)
    except FileExistsError:
        pass
    else:
        os.chmod(folder, 0o700)  # whatever the umask
    return folder


def _cache() -> Path:
    return user_cache_path("Crewbook", appauthor=False) / "documents"
