"""Schema migrations run from code, with the Alembic scripts shipped inside the package.

Alembic is imported only when a file actually needs upgrading: a normal start compares the
file's stamp with HEAD and moves on (importing Alembic costs more than opening the window).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from desktop.core.i18n import N_, _
from desktop.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desktop.store.db import Store

# The newest revision in migrations/versions; tests/test_migrations.py keeps it in step.
HEAD = "0014"
# pg_advisory_xact_lock key held by the client migrating a server ("CREW" again).
MIGRATION_LOCK = 0x43524557


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
        raise StoreError(_("this build of Crewbook has {count} schema heads; it is broken")
                         .format(count=len(heads)))
    return heads[0]


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def is_newer(revision: str | None) -> bool:
    """A schema stamped by a newer version of Crewbook than this one."""
    return revision is not None and revision != HEAD and revision not in known_revisions()


def check_revision(revision: str | None, where: object) -> None:
    if is_newer(revision):
        raise StoreError(
            _("{where} was written by a newer version of Crewbook (schema {revision}). "
              "Install the newer version to open it; it was left untouched.").format(
                  where=where, revision=revision))


def upgrade(store: Store, current: str | None, backup_folder: Path | None) -> Path | None:
    """Bring the database to HEAD in one transaction: a crash part-way leaves it exactly as it
    was, and the next start simply upgrades again. A SQLite file is backed up first (returns
    the backup's path); a server is backed up by its own tools."""
    if current == HEAD:
        return None
    check_revision(current, store.name)
    from alembic import command

    backup = None
    if store.path is not None and backup_folder is not None and current is not None:
        from desktop.store.archive import write_archive_into

        backup = write_archive_into(store.path, backup_folder, kind="before upgrade")
    cfg = alembic_config()
    with store.transaction(N_("upgrading the database")) as session:
        connection = session.connection()
        if store.on_server:  # two clients starting at once: the second waits, then finds it done
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            if revision_of(connection) == HEAD:
                return None
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    return backup


def revision_of(connection: Connection) -> str | None:
    """The revision stamped in a database, None when it has no schema yet."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
