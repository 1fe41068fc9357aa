"""Where Crewbook keeps its data."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from desktop.core.i18n import _
from desktop.store.disk_errors import explain
from desktop.store.errors import StoreError

ENV_VAR = "CREWBOOK_DATA_DIR"
DATABASE_ENV = "CREWBOOK_DATABASE_URL"  # a team database to open instead (desktop.store.server)
DB_NAME = "crewbook.sqlite3"
LOCK_NAME = "crewbook.lock"
BACKUP_DIR = "backups"
DOCUMENTS_DIR = "documents"  # stored files (desktop.store.documents)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: the --data-dir flag, else $CREWBOOK_DATA_DIR, else the platform's."""
    chosen = override or os.environ.get(ENV_VAR) or user_data_path("Crewbook", appauthor=False)
    path = Path(chosen).expanduser().resolve()
    if path.exists() and not path.is_dir():
        raise StoreError(_("{path} is a file, not a folder: Crewbook keeps its data in a "
                           "folder. Choose another data folder (--data-dir or "
                           "CREWBOOK_DATA_DIR).").format(path=path))
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise StoreError(_("The data folder {path} cannot be made: part of that path is a "
                           "file. Choose another data folder (--data-dir or "
                           "CREWBOOK_DATA_DIR).").format(path=path)) from None
    except OSError as exc:
        raise (explain(exc, path) or StoreError(
            _("The data folder {path} cannot be made: {reason}.").format(
                path=path, reason=exc.strerror or exc))) from exc
    return path


def db_path(folder: Path) -> Path:
    return folder / DB_NAME


def backup_dir(folder: Path) -> Path:
    return folder / BACKUP_DIR

