"""Declarative base, naming convention and shared column types."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints keep batch migrations on SQLite and later PostgreSQL migrations in step.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Timestamps are stored as naive UTC and always come back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):  # type: ignore[override]
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")  # not shown
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):  # type: ignore[override]
        return None if value is None else value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def code(length: int = 3) -> Mapped[str]:
    """An ISO code column (currency, country)."""
    return mapped_column(String(length), default="", server_default="")


def text(length: int = 200) -> Mapped[str]:
    """Optional free text: empty string rather than NULL, so filters stay simple."""
    return mapped_column(String(length), default="", server_default="")


class Tracked:
    """Created/updated stamps and the optimistic-lock version every editable record carries.

    SQLAlchemy bumps ``version`` on each UPDATE and adds ``WHERE version = :seen``, so two
    people editing the same record never silently overwrite each other.
    """

    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    # Who saved it last: the database user on a team database (the server sets it), the
    # computer's login on a local book.
    changed_by: Mapped[str] = mapped_column(String(120), default="", server_default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}
