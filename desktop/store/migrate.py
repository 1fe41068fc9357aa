"""Schema migrations run from code, with the Alembic scripts shipped inside the package.

Alembic is imported only when a file actually needs upgrading: a normal start compares the
file's stamp with HEAD and moves on (importing Alembic costs more than opening the window).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desktop.store.db import Store

# The newest revision in migrations/versions; tests/test_migrations.py keeps it in step.
HEAD = "0004"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(files("desktop.migrations")))
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The head according to the revision files themselves."""
    heads = _scripts().get_heads()
    if len(heads) != 1:
        raise StoreError(f"this build of Crewbook has {len(heads)} schema heads; it is broken")
    return heads[0]


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def check_revision(revision: str | None, path: Path) -> None:
    if revision is not None and revision != HEAD and revision not in known_revisions():
        raise StoreError(
            f"{path} was written by a newer version of Crewbook (schema {revision}). "
            "Install the newer version to open it; the file was left untouched.")


def upgrade(store: Store, current: str | None, backup_folder: Path) -> Path | None:
    """Bring the file to HEAD in one transaction: a crash part-way leaves it exactly as it
    was, and the next start simply upgrades again. An existing file is backed up first;
    returns the backup path."""
    if current == HEAD:
        return None
    check_revision(current, store.path)
    from alembic import command

    from desktop.store.archive import write_archive_into

    backup = (write_archive_into(store.path, backup_folder, kind="before upgrade")
              if current is not None else None)
    cfg = alembic_config()
    with store.transaction("upgrading the database") as session:
        cfg.attributes["connection"] = session.connection()
        command.upgrade(cfg, "head")
    return backup
