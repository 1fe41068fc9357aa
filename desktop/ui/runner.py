"""The window's one way to do work: writes in one ordered queue off the UI thread, reads
beside it, one error path to the user and the log, and one ``changed(Changes)`` signal that
every view refreshes from.

    runner.write(contractor_ops.add, data, done=self._added)
    runner.read(dashboard, store, today, done=self.show_board, key="dashboard")

A write's result comes back on the UI thread: first ``changed`` tells every view, then the
caller's ``done`` gets the value. A failure is logged; the user sees its message (a dialog
naming what was wrong, or the "Unexpected error" dialog for a fault) unless the caller
``handles`` that kind of error itself; ``failed`` is then called either way, for clean-up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.validation import Blocked, Cancelled, ConflictError, ValidationError
from desktop.io.csv_source import Refused
from desktop.operations.changes import Changes, Done
from desktop.operations.live import changes_heard
from desktop.operations.settings import use_business_locale
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.ui import ask, crash
from desktop.ui.fields import field_message
from desktop.ui.i18n import tr
from desktop.ui.worker import Background, Job

log = logging.getLogger("desktop.runner")

# Errors that tell the user what to fix; anything else is a fault and shows its traceback.
USER_ERRORS: tuple[type[BaseException], ...] = (
    ValidationError, ConflictError, StoreError, Blocked, Cancelled, Refused, OSError)

Handles = tuple[type[BaseException], ...]
OnFail = Callable[[BaseException], None]


class Runner(QObject):
    changed = Signal(object)  # Changes, after each write here (or elsewhere, via publish)
    # A write is waiting for another window or command to finish; the text says which.
    waiting = Signal(str)
    _heard = Signal(object)  # others' changes on a team database, from the listening thread

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._writes = Background(self)  # one thread: writes run one at a time, in order
        self._reads = Background(self, threads=2)
        self._latest: dict[str, Job] = {}
        self._pending: set[Job] = set()
        # Set on closing: long reads that watch it stop early instead of holding up the exit.
        self.stopping = threading.Event()
        self.closed = False  # the window closed: nothing more runs, no result is delivered
        # The window's thread never waits for the disk: a write there is a bug, refused.
        store.forbid_writes_on(threading.current_thread())
        store.where = "window"
        store.on_wait = self.waiting.emit  # from the write thread; Qt queues it to this one
        self._listener: Any = None  # desktop.store.listen.Listener, on a team database
        self._heard.connect(lambda heard: self.publish(changes_heard(heard)))

    def listen(self) -> None:
        """On a team database, show what others save as it happens (every view refreshes as
        for its own changes). Nothing to hear on a local file."""
        if self.store.on_server and self._listener is None:
            from desktop.store.listen import Listener  # its driver only loads for a server

            self._listener = Listener(self.store, self._heard.emit)
            self._listener.start()

    # --- doing work ----------------------------------------------------------------------
    def write(self, op: Callable[..., Any], *args: Any, done: Callable[[Any], None] | None = None,
              handles: Handles = (), failed: OnFail | None = None,
              parent: QWidget | None = None, **kwargs: Any) -> Job:
        """Queue ``op(store, *args, **kwargs)``; it returns Changes or Done(value, changes)."""
        def call() -> Any:
            return op(self.store, *args, **kwargs)

        return self._submit(self._writes, call, _name(op), self._written(done), handles, failed,
                            parent)

    def read(self, query: Callable[..., Any], *args: Any, done: Callable[[Any], None],
             key: str | None = None, handles: Handles = (), failed: OnFail | None = None,
             parent: QWidget | None = None) -> Job:
        """Run ``query(*args)`` beside the writes. With a ``key``, a newer read of that key
        drops an older one's result, so a view shows only its latest."""
        if key is not None and key in self._latest:
            stale = self._latest.pop(key)
            stale.cancel()
            self._pending.discard(stale)
        job = self._submit(self._reads, lambda: query(*args), _name(query), done, handles,
                           failed, parent)
        if key is not None:
            self._latest[key] = job
        return job

    def publish(self, changes: Changes) -> None:
        """Tell every view about changes that did not come through ``write``: everything at
        the first load, or what someone else changed on a shared database."""
        if changes:
            self._announce(changes)

    def _announce(self, changes: Changes) -> None:
        if changes.settings or changes.everything:  # the locale first: views write with it
            use_business_locale(self.store)
        self.changed.emit(changes)

    @property
    def idle(self) -> bool:
        """No write or read is waiting to run or to deliver its result."""
        return not self._pending

    def wait(self, msecs: int = -1) -> bool:
        """Block until the threads are done. Long reads watching ``stopping`` end early;
        later ones run in full again. Results still queued are delivered unless ``close``d."""
        self.stopping.set()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        try:
            return self._writes.wait(msecs) and self._reads.wait(msecs)
        finally:
            self.stopping.clear()

    def close(self, msecs: int = -1) -> bool:
        """The window is closing: wait for what runs, and from now on start nothing and
        deliver nothing (a result still queued would reach a view whose store is closed)."""
        self.closed = True
        return self.wait(msecs)

    # --- delivery ------------------------------------------------------------------------
    def _submit(self, background: Background, call: Callable[[], Any], name: str,
                done: Callable[[Any], None] | None, handles: Handles, failed: OnFail | None,
                parent: QWidget | None) -> Job:
        if self.closed:
            job = Job(self)
            job.cancel()
            return job
        job = background.submit(call)
        self._pending.add(job)

        def settle() -> None:
            self._pending.discard(job)
            for key in [k for k, j in self._latest.items() if j is job]:
                del self._latest[key]

        def finished(result: Any) -> None:
            settle()
            if done is not None and not self.closed:
                done(result)

        def error(exc: BaseException) -> None:
            settle()
            if not self.closed:
                self._fail(name, exc, handles, failed, parent)

        job.finished.connect(finished)
        job.failed.connect(error)
        return job

    def _written(self, done: Callable[[Any], None] | None) -> Callable[[Any], None]:
        def deliver(result: Any) -> None:
            changes, value = ((result.changes, result.value) if isinstance(result, Done)
                              else (result, result))
            if isinstance(changes, Changes) and changes:
                self._announce(changes)
            if done is not None:
                done(value)

        return deliver

    def _fail(self, name: str, exc: BaseException, handles: Handles, failed: OnFail | None,
              parent: QWidget | None) -> None:
        expected = isinstance(exc, USER_ERRORS)
        if expected:  # the message may quote what the user typed: only its kind is logged
            log.info("%s refused: %s", name, type(exc).__name__)
        if not isinstance(exc, handles):
            window = parent or QApplication.activeWindow()
            if expected:
                if not isinstance(exc, Cancelled):
                    ask.warn(window, message(exc))
            else:
                crash.show_unexpected_error(window, exc)
        elif not expected:
            log.error("%s failed", name, exc_info=(type(exc), exc, exc.__traceback__))
        if failed is not None:
            failed(exc)


def message(exc: BaseException) -> str:
    """What a user error says, as one paragraph."""
    if isinstance(exc, ValidationError):
        # No labels here: the field's own name, as the catalogue may know it.
        return " ".join(field_message(e.field.replace("_", " ").capitalize(), e.message) + "."
                        for e in exc.errors)
    if isinstance(exc, Blocked):
        return tr("Not signed: {reasons}").format(
            reasons=" ".join(b.message for b in exc.blockers))
    return str(exc) or type(exc).__name__


def _name(fn: Callable[..., Any]) -> str:
    module = getattr(fn, "__module__", "") or ""
    return f"{module.rsplit('.', 1)[-1]}.{getattr(fn, '__qualname__', repr(fn))}"
