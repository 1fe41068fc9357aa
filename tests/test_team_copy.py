"""Moving a whole book between a local data folder and a team database, both ways, checked."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.store import contractors, demo, documents, engagements
from desktop.store.server import open_server
from desktop.store.session import open_store
from tests.factories import make_contractor


@pytest.fixture
def local_book(data_folder: Path, tmp_path: Path) -> bytes:
    """The demo book with one signed contract attached; returns the contract's bytes."""
    store = open_store(data_folder).store
    demo.load_demo(store)
    first = engagements.list_rows(store)[0]
    contract = tmp_path / "contract.pdf"
    data = b"%PDF " + os.urandom(2 * 1024 * 1024)
    contract.write_bytes(data)
    documents.attach(store, engagement_id=first.id, kind="contract", source=contract)
    store.close()
    return data


def table_counts(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from desktop.store.models import Base

    with store.reading() as session:
        return {t.name: session.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables
                if t.name not in ("alembic_version", "document_chunk")}


def test_push_then_pull_gives_back_the_same_book(cli, pg_server, data_folder: Path,  # type: ignore[no-untyped-def]
                                                 local_book: bytes, tmp_path: Path) -> None:
    name = pg_server.create_database("pushed")
    url = pg_server.url(name)
    try:
        code, out, err = cli("team", "push", "--to", url)
        assert code == 0, err
        assert "every table's count and every document's checksum match" in out
        assert "crewbook: contractor:" in err  # progress
        local = open_store(data_folder).store
        team = open_server(url)
        assert table_counts(team) == table_counts(local)
        record = documents.list_for(team, engagement_id=engagements.list_rows(team)[0].id)[0]
        assert documents.path_of(team, record).read_bytes() == local_book
        # A new contractor on the server takes the next id, after the copied ones.
        added = contractors.create(team, make_contractor(display_name="After the move"))
        assert added.id > max(r.id for r in contractors.list_rows(local))
        local.close()
        team.close()

        copy = tmp_path / "snapshot"
        code, out, err = cli("team", "pull", "--from", url, folder=copy)
        assert code == 0, err
        pulled = open_store(copy).store
        assert "After the move" in {r.display_name for r in contractors.list_rows(pulled)}
        record = documents.list_for(pulled, engagement_id=engagements.list_rows(pulled)[0].id)[0]
        path = documents.path_of(pulled, record)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record.sha256
        pulled.close()
        con = sqlite3.connect(copy / "crewbook.sqlite3")
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()
    finally:
        pg_server.drop_database(name)


def test_push_into_a_database_that_holds_a_book_changes_nothing(cli, pg_server,  # type: ignore[no-untyped-def]
                                                                 local_book: bytes) -> None:
    name = pg_server.create_database("taken", template="crewbook_template")
    url = pg_server.url(name)
    try:
        team = open_server(url)
        contractors.create(team, make_contractor(display_name="Already here"))
        code, out, err = cli("team", "push", "--to", url)
        assert (code, out) == (1, "")
        assert "already holds a book" in err
        assert [r.display_name for r in contractors.list_rows(team)] == ["Already here"]
        team.close()
    finally:
        pg_server.drop_database(name)


def test_pull_refuses_a_folder_with_a_book(cli, pg_server, data_folder: Path) -> None:  # type: ignore[no-untyped-def]
    open_store(data_folder).store.close()
    code, _out, err = cli("team", "pull", "--from", pg_server.url("crewbook_template"))
    assert code == 1 and "already holds a book" in err
