"""Documents on a team database: their bytes live in the database in chunks, once per content,
so every member opens the same file; they go with the last document that uses them."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop.core.validation import ValidationError
from desktop.store import contractors, documents, engagements
from desktop.store.errors import StoreError
from desktop.store.models import DocumentChunk
from tests.factories import make_contractor, make_engagement


@pytest.fixture
def team(store_on_server):  # type: ignore[no-untyped-def]
    return store_on_server


@pytest.fixture
def engagement(team) -> int:  # type: ignore[no-untyped-def]
    who = contractors.create(team, make_contractor()).id
    return engagements.create(team, make_engagement(who)).id


def chunks(store) -> int:  # type: ignore[no-untyped-def]
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(DocumentChunk))


def test_a_document_round_trips_through_the_database(team, engagement: int,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    content = os.urandom(3 * 1024 * 1024 + 17)  # four chunks
    source = tmp_path / "contract.pdf"
    source.write_bytes(content)
    record = documents.attach(team, engagement_id=engagement, kind="contract", source=source)
    assert chunks(team) == 4
    assert record.sha256 == hashlib.sha256(content).hexdigest()
    opened = documents.path_of(team, record)
    assert opened.read_bytes() == content
    assert not (tmp_path / "documents").exists()  # nothing stored beside the source
    # Another member (another connection, an empty cache) gets the same bytes.
    opened.unlink()
    assert documents.path_of(team, record).read_bytes() == content


def test_shared_content_is_kept_once_and_goes_with_the_last_document(
        team, engagement: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "nda.pdf"
    source.write_bytes(b"%PDF the NDA")
    first = documents.attach(team, engagement_id=engagement, kind="nda", source=source)
    second = documents.attach(team, engagement_id=engagement, kind="nda", source=source)
    assert chunks(team) == 1
    documents.remove(team, first.id, first.version)
    assert chunks(team) == 1
    documents.remove(team, second.id, second.version)
    assert chunks(team) == 0


def test_a_refused_attach_stores_nothing(team, engagement: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "contract.pdf"
    source.write_bytes(b"%PDF")
    with pytest.raises(ValidationError):
        documents.attach(team, engagement_id=engagement, kind="no such kind", source=source)
    with pytest.raises(ValidationError):
        documents.attach(team, engagement_id=engagement + 99, kind="contract", source=source)
    assert chunks(team) == 0


def test_damaged_content_is_refused_on_opening(team, engagement: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "contract.pdf"
    source.write_bytes(b"%PDF the contract")
    record = documents.attach(team, engagement_id=engagement, kind="contract", source=source)
    with team.transaction() as session:
        session.execute(update(DocumentChunk).values(data=b"tampered"))
    with pytest.raises(StoreError, match="missing or damaged"):
        documents.path_of(team, record)
