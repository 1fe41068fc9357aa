"""A team database's people and what each may do, enforced by the server itself (GRANTs), not
just by greyed-out buttons:

- owner: everything, including settings, signing, deleting and upgrading the schema;
- bookkeeper: payments and schedules (and the engagement's version they move); reads the
  rest; cannot sign, edit risk reviews, contracts, contractors or settings;
- viewer: reads everything.

The three are group roles on the server; each person is a login role in one of them.
"""

from __future__ import annotations

import re
from enum import StrEnum

from sqlalchemy import Connection, text

from desktop.core.i18n import _
from desktop.store.db import Store
from desktop.store.errors import StoreError


class Role(StrEnum):
    OWNER = "owner"
    BOOKKEEPER = "bookkeeper"
    VIEWER = "viewer"

    @property
    def group(self) -> str:
        return f"crewbook_{self.value}"


# What a bookkeeper writes besides reading everything: whole rows of these tables, and the
# columns of an engagement that a schedule or payment moves (its version, never its status).
BOOKKEEPER_TABLES = ("installment", "payment")
BOOKKEEPER_ENGAGEMENT_COLUMNS = ("version", "updated_at", "changed_by")
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def init(store: Store) -> None:
    """Make the schema (migrating it if needed, as the store opened) and the three roles, and
    grant each what it may do. Run by the server's administrator; safe to run again."""
    with store.transaction() as session:
        conn = session.connection()
        for role in Role:
            conn.execute(text(_create_role(role.group)))
        _grant(conn)


def add_user(store: Store, name: str, role: Role, password: str | None = None) -> None:
    """A person who logs in as ``name`` with ``role`` (a new login, or one moved to it)."""
    if not _NAME.fullmatch(name):
        raise StoreError(_("{name} cannot be a database user name: use lower-case letters, "
                           "digits and _ (starting with a letter), at most 63").format(
                               name=repr(name)))
    with store.transaction() as session:
        conn = session.connection()
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                              {"n": name}).scalar()
        if not exists:
            conn.execute(text(f'CREATE ROLE "{name}" LOGIN'))
        if password is not None:
            quoted = conn.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar()
            conn.execute(text(f'ALTER ROLE "{name}" PASSWORD {quoted}'))
        for other in Role:
            conn.execute(text(f'REVOKE {other.group} FROM "{name}"'))
        conn.execute(text(f'GRANT {role.group} TO "{name}"'))


def role_of(store: Store) -> Role:
    """What the connected user may do; the owner role for a superuser or the database's owner,
    and for a local book."""
    if not store.on_server:
        return Role.OWNER
    with store.reading() as session:
        return role_on(session.connection())


def role_on(conn: Connection) -> Role:
    if conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
        return Role.OWNER
    for role in Role:
        member = conn.execute(text(
            "SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles "
            "WHERE rolname = :g"), {"g": role.group}).scalar()
        if member:
            return role
    return Role.VIEWER


def _create_role(group: str) -> str:
    return (f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') "
            f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$")


def _grant(conn: Connection) -> None:
    owner, bookkeeper, viewer = (r.group for r in Role)
    tables = [r[0] for r in conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))]
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {owner}, {bookkeeper}, {viewer}"))
    conn.execute(text(f"GRANT CREATE ON SCHEMA public TO {owner}"))
    for table in tables:
        # The owner role owns every table, so any owner can upgrade the schema.
        conn.execute(text(f'ALTER TABLE "{table}" OWNER TO {owner}'))
        conn.execute(text(f'GRANT SELECT ON "{table}" TO {bookkeeper}, {viewer}'))
    for table in BOOKKEEPER_TABLES:
        conn.execute(text(f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO {bookkeeper}'))
    columns = ", ".join(BOOKKEEPER_ENGAGEMENT_COLUMNS)
    conn.execute(text(f"GRANT UPDATE ({columns}) ON engagement TO {bookkeeper}"))
    for sequence in conn.execute(text(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")):
        # (each moved to the owner role with its table)
        conn.execute(text(f'GRANT USAGE ON SEQUENCE "{sequence[0]}" TO {bookkeeper}'))
