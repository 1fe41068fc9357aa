"""Two programs writing one book take turns: nobody gets a traceback, a writer kept waiting
says why, and one that waits too long gives up with a one-line message."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.contractor import validate_contractor
from desktop.store import contractors, importing
from desktop.store.busy import NOTE_NAME
from desktop.store.db import Store
from desktop.store.disk_errors import Busy
from desktop.store.importing import NewContractor
from desktop.store.session import open_store


@pytest.fixture
def other(data_folder: Path, store: Store) -> Iterator[Store]:
    """A second program's view of the same book (its own engine and connections)."""
    opened = open_store(data_folder)
    yield opened.store
    opened.store.close()


def people(prefix: str, count: int) -> list[NewContractor]:
    return [NewContractor(validate_contractor({"display_name": f"{prefix} {n}",
                                               "email": f"{prefix.lower()}{n}@example.com"}))
            for n in range(count)]


def test_two_imports_at_once_both_land_whole(store: Store, other: Store) -> None:
    errors: list[BaseException] = []

    def run(target: Store, prefix: str) -> None:
        try:
            importing.import_contractors(target, people(prefix, 3000))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s, p)) for s, p in ((store, "Ann"), (other, "Bob"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = contractors.list_rows(store)
    assert len(rows) == 6000
    assert len({r.id for r in rows}) == 6000
    # Each import's rows are its own, whatever order the two ran in.
    assert sum(r.display_name.startswith("Ann") for r in rows) == 3000


def hold_the_lock(target: Store, seconds: float, started: threading.Event) -> threading.Thread:
    def long_import() -> None:
        with target.transaction("importing contractors") as session:
            session.connection()  # the lock is taken when the transaction begins
            started.set()
            time.sleep(seconds)

    thread = threading.Thread(target=long_import)
    thread.start()
    assert started.wait(10)
    return thread


def test_a_writer_kept_waiting_says_why_and_carries_on(store: Store, other: Store,
                                                        data_folder: Path) -> None:
    other.where = "window"
    heard: list[str] = []
    store.on_wait = heard.append
    started = threading.Event()
    thread = hold_the_lock(other, 1.5, started)
    assert (data_folder / NOTE_NAME).exists()
    record = contractors.create(store, validate_contractor({"display_name": "Cleo"}))
    thread.join()
    assert heard == ["Crewbook is busy importing contractors in another window; waiting…"]
    assert contractors.get(store, record.id).data.display_name == "Cleo"
    assert not (data_folder / NOTE_NAME).exists()  # the note goes with the lock


def test_a_writer_that_waits_too_long_gives_up_in_one_line(store: Store, other: Store) -> None:
    store.wait_limit = 0.5
    started = threading.Event()
    thread = hold_the_lock(other, 2.0, started)
    with pytest.raises(Busy) as refused:
        contractors.create(store, validate_contractor({"display_name": "Dara"}))
    thread.join()
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith("Crewbook is busy importing contractors in another command")
    assert "nothing was saved" in message
    assert contractors.count(store) == 0


def test_a_note_left_by_a_killed_program_is_not_believed(store: Store, other: Store,
                                                         data_folder: Path) -> None:
    (data_folder / NOTE_NAME).write_text(
        '{"activity": "importing contractors", "where": "window", "pid": 999999999}')
    heard: list[str] = []
    store.on_wait = heard.append
    started = threading.Event()
    with other.transaction() as session:  # a short write, which leaves no note
        session.connection()
        started.set()
        waiter = threading.Thread(
            target=contractors.create, args=(store, validate_contractor({"display_name": "Eli"})))
        waiter.start()
        time.sleep(1.0)
    waiter.join()
    assert heard == ["Crewbook is busy saving in another window or command; waiting…"]


def test_nested_transactions_are_one(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        contractors.create(store, validate_contractor({"display_name": "Fay"}))
        with store.reading():
            assert contractors.count(store) == 1  # the outer transaction's own row
        raise RuntimeError("the rest failed")
    assert contractors.count(store) == 0

    with store.transaction():
        contractors.create(store, validate_contractor({"display_name": "Gus"}))
        with pytest.raises(RuntimeError), store.transaction():
            contractors.create(store, validate_contractor({"display_name": "Hal"}))
            raise RuntimeError("only this part failed")
    assert [r.display_name for r in contractors.list_rows(store)] == ["Gus"]


def test_the_window_is_told_why_a_save_waits(qtbot, runner, other: Store) -> None:  # type: ignore[no-untyped-def]
    from desktop.operations import contractors as contractor_ops
    from tests.conftest import settle

    started = threading.Event()
    thread = hold_the_lock(other, 1.5, started)
    saved: list[object] = []
    with qtbot.waitSignal(runner.waiting, timeout=5000) as heard:
        runner.write(contractor_ops.add, validate_contractor({"display_name": "Ivy"}),
                     done=saved.append)
    assert heard.args == ["Crewbook is busy importing contractors in another command; waiting…"]
    thread.join()
    settle(qtbot, runner)
    assert len(saved) == 1


def test_a_command_kept_waiting_says_so_on_stderr(cli, other: Store) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    thread = hold_the_lock(other, 1.5, started)
    code, _out, err = cli("contractors", "add", "--name", "Jon")
    thread.join()
    assert code == 0
    assert "crewbook: Crewbook is busy importing contractors in another command; waiting…" in err
