"""The window's runner: writes off the UI thread in order, one change signal, one error path."""

from __future__ import annotations

import logging
import threading

import pytest

from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import contractors as contractor_ops
from desktop.operations.changes import Changes, Done
from desktop.store import contractors
from desktop.store.db import WrongThread
from desktop.ui import ask, crash
from desktop.ui.follow import Follow
from tests.conftest import settle
from tests.factories import make_contractor


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(ask, "warn", lambda _parent, message, *_a: said.append(message))
    return said


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []

    def show(_parent, exc):  # type: ignore[no-untyped-def]
        logging.getLogger("desktop.ui.crash").error("Unexpected error", exc_info=exc)
        shown.append(exc)

    monkeypatch.setattr(crash, "show_unexpected_error", show)
    return shown


def test_once_closed_a_queued_result_is_dropped_and_nothing_more_runs(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    delivered: list[object] = []
    ran: list[str] = []
    runner.read(lambda: "finished before the close", done=delivered.append)
    assert runner.close(10_000)  # its result is queued for the window's thread, not yet in
    runner.read(lambda: ran.append("after"), done=delivered.append)
    qtbot.wait(50)  # the queued delivery's turn
    assert delivered == [] and ran == []


class TestThreads:
    def test_a_write_on_the_window_thread_is_refused(self, runner, store):  # type: ignore[no-untyped-def]
        with pytest.raises(WrongThread):
            contractors.create(store, make_contractor(display_name="Ada"))
        assert contractors.count(store) == 0
        assert contractors.list_rows(store) == []  # reads are fine

    def test_the_same_write_through_the_runner_runs_elsewhere(self, qtbot, runner, store):  # type: ignore[no-untyped-def]
        threads: list[int] = []

        def add(s, data):  # type: ignore[no-untyped-def]
            threads.append(threading.get_ident())
            return contractor_ops.add(s, data)

        runner.write(add, make_contractor(display_name="Ada"))
        settle(qtbot, runner)
        assert threads and threads[0] != threading.get_ident()
        assert [r.display_name for r in contractors.list_rows(store)] == ["Ada"]

    def test_lifting_the_ban_allows_writes_again(self, runner, store):  # type: ignore[no-untyped-def]
        store.forbid_writes_on(None)
        contractors.create(store, make_contractor(display_name="Ada"))
        assert contractors.count(store) == 1


class TestWrites:
    def test_changed_comes_before_done_and_done_gets_the_value(self, qtbot, runner):  # type: ignore[no-untyped-def]
        events: list[object] = []
        runner.changed.connect(lambda c: events.append(("changed", c)))
        runner.write(contractor_ops.add, make_contractor(display_name="Ada"),
                     done=lambda record: events.append(("done", record.data.display_name)))
        settle(qtbot, runner)
        (first, changes), second = events
        assert first == "changed" and isinstance(changes, Changes)
        assert len(changes.contractors) == 1 and not changes.everything
        assert second == ("done", "Ada")

    def test_writes_run_in_the_order_they_were_queued(self, qtbot, runner, store):  # type: ignore[no-untyped-def]
        order: list[int] = []
        for n in range(20):
            runner.write(lambda s, n=n: (order.append(n), Changes())[1])
        settle(qtbot, runner)
        assert order == list(range(20))

    def test_nothing_changed_emits_nothing(self, qtbot, runner):  # type: ignore[no-untyped-def]
        heard: list[Changes] = []
        runner.changed.connect(heard.append)
        runner.write(lambda _s: Done(3, Changes()), done=lambda _v: None)
        settle(qtbot, runner)
        assert heard == []


class TestErrors:
    def test_a_fault_is_shown_logged_and_the_runner_goes_on(self, qtbot, runner, told,  # type: ignore[no-untyped-def]
                                                            dialogs, caplog):
        def broken(_store):  # type: ignore[no-untyped-def]
            raise RuntimeError("disk on fire")

        cleaned: list[BaseException] = []
        with caplog.at_level(logging.ERROR, logger="desktop"):
            runner.write(broken, failed=cleaned.append)
            settle(qtbot, runner)
        assert [type(e) for e in dialogs] == [RuntimeError] and cleaned == dialogs
        assert told == []
        assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
        done: list[object] = []
        runner.write(contractor_ops.add, make_contractor(display_name="Ada"), done=done.append)
        settle(qtbot, runner)
        assert len(done) == 1

    def test_a_user_error_is_told_without_a_traceback(self, qtbot, runner, told, dialogs,  # type: ignore[no-untyped-def]
                                                      caplog):
        def stale(_store):  # type: ignore[no-untyped-def]
            raise ConflictError("contractor 3 was changed elsewhere")

        with caplog.at_level(logging.INFO, logger="desktop"):
            runner.write(stale)
            settle(qtbot, runner)
        assert told == ["contractor 3 was changed elsewhere"] and dialogs == []
        assert not any(r.exc_info for r in caplog.records)
        assert all("changed elsewhere" not in r.getMessage() for r in caplog.records)

    def test_errors_the_caller_handles_are_not_told_twice(self, qtbot, runner, told, dialogs):  # type: ignore[no-untyped-def]
        def invalid(_store):  # type: ignore[no-untyped-def]
            from desktop.core.validation import FieldError

            raise ValidationError([FieldError("email", "is not a valid address")])

        handled: list[BaseException] = []
        runner.write(invalid, handles=(ValidationError,), failed=handled.append)
        settle(qtbot, runner)
        assert told == [] and dialogs == [] and isinstance(handled[0], ValidationError)


class TestReads:
    def test_a_newer_read_of_the_same_key_drops_the_older_result(self, qtbot, runner):  # type: ignore[no-untyped-def]
        gate = threading.Event()
        got: list[str] = []
        runner.read(lambda: (gate.wait(5), "old")[1], done=got.append, key="board")
        runner.read(lambda: "new", done=got.append, key="board")
        gate.set()
        settle(qtbot, runner)
        runner.wait()
        qtbot.wait(50)
        assert got == ["new"]

    def test_reads_run_beside_a_long_write(self, qtbot, runner):  # type: ignore[no-untyped-def]
        gate = threading.Event()
        got: list[str] = []
        runner.write(lambda _s: (gate.wait(5), Changes())[1])
        runner.read(lambda: "read", done=got.append)
        qtbot.waitUntil(lambda: got == ["read"], timeout=5000)
        assert not runner.idle  # the write is still waiting
        gate.set()
        settle(qtbot, runner)


class TestFollow:
    def test_a_burst_of_changes_makes_one_refresh_with_all_of_them(self, qtbot, runner):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QObject

        owner = QObject()
        seen: list[Changes] = []
        Follow(runner, lambda c: c.touches("contractors"), seen.append, owner)
        runner.publish(Changes(contractors=frozenset({1})))
        runner.publish(Changes(activities=frozenset({9})))  # not wanted
        runner.publish(Changes(contractors=frozenset({2}), engagements=frozenset({5})))
        qtbot.waitUntil(lambda: bool(seen))
        qtbot.wait(20)
        assert len(seen) == 1
        assert seen[0].contractors == {1, 2} and not seen[0].activities  # unwanted: left out
