"""Setting up data while a window is open: the window bans writes on its own thread (the
test's), so a test that plays "another program changed the book" lifts the ban for a moment."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.store.db import Store


@contextmanager
def elsewhere(store: Store) -> Iterator[Store]:
    """Writes in this block run on the test's thread as if another program made them."""
    banned = store.writes_banned
    store.forbid_writes_on(None)
    try:
        yield store
    finally:
        if banned:
            store.forbid_writes_on(threading.main_thread())


def dialog_runner(store: Store):  # type: ignore[no-untyped-def]
    """A runner for a dialog tested on its own: its writes run off the test's thread as in the
    window, while the test's own set-up writes stay allowed."""
    from desktop.ui.runner import Runner

    runner = Runner(store)
    store.forbid_writes_on(None)
    return runner


def drain(runner, timeout_s: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Process events until every job queued on ``runner`` has delivered (for test doubles of
    a dialog's exec(), which run inside the code under test, without qtbot at hand)."""
    import time

    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while not runner.idle:
        if time.monotonic() > deadline:
            raise TimeoutError("the runner did not settle")
        QCoreApplication.processEvents()
        time.sleep(0.001)
    QCoreApplication.processEvents()
