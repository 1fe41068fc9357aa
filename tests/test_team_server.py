"""The team database on a real PostgreSQL server: opening from a URL, migrating once however
many clients start together, refusing a newer schema, and a clear message for a server that
cannot be reached."""

from __future__ import annotations

import os
import threading
import time

import pytest
from sqlalchemy import text

from desktop.store import contractors, migrate
from desktop.store.errors import StoreError
from desktop.store.server import open_server, safe_name
from tests import pg_server as pg
from tests.factories import make_contractor


def test_the_server_tests_run_in_ci() -> None:
    """CI installs PostgreSQL; there, a missing server fails the run instead of skipping."""
    if os.environ.get("CI"):
        assert pg.binaries() is not None


def test_a_new_team_database_is_migrated_and_works(pg_server) -> None:  # type: ignore[no-untyped-def]
    name = pg_server.create_database("fresh_team")
    try:
        store = open_server(pg_server.url(name))
        contractors.create(store, make_contractor(display_name="Zoë Ångström"))
        assert [r.display_name for r in contractors.list_rows(store)] == ["Zoë Ångström"]
        with store.engine.connect() as conn:
            assert migrate.revision_of(conn) == migrate.HEAD
        store.close()
    finally:
        pg_server.drop_database(name)


def test_clients_starting_together_migrate_once(pg_server) -> None:  # type: ignore[no-untyped-def]
    name = pg_server.create_database("race_team")
    opened: list[object] = []
    failed: list[BaseException] = []

    def start() -> None:
        try:
            opened.append(open_server(pg_server.url(name)))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failed.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failed == [] and len(opened) == 4
    finally:
        for store in opened:
            store.close()  # type: ignore[attr-defined]
        pg_server.drop_database(name)


def test_a_newer_schema_is_refused(pg_server, store_on_server) -> None:  # type: ignore[no-untyped-def]
    with store_on_server.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="newer version of Crewbook"):
        open_server(pg_server.url(store_on_server.engine.url.database))


def test_an_unreachable_server_is_told_quickly_and_plainly() -> None:
    started = time.monotonic()
    with pytest.raises(StoreError) as refused:
        open_server("postgresql://someone:secret@127.0.0.1:9/nowhere")
    assert time.monotonic() - started < 12
    message = str(refused.value)
    assert message.startswith("Crewbook cannot reach the team database postgresql://someone:***@127.0.0.1:9/nowhere")
    assert "secret" not in message and "\n" not in message


def test_the_password_never_shows() -> None:
    assert safe_name("postgresql://sam:hunter2@db.example/crew") == "postgresql://sam:***@db.example/crew"


@pytest.fixture
def store_on_server(pg_server):  # type: ignore[no-untyped-def]
    name = pg_server.create_database("newer_team", template="crewbook_template")
    store = open_server(pg_server.url(name))
    yield store
    store.close()
    pg_server.drop_database(name)
