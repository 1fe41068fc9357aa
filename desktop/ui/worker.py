"""Run a function off the UI thread; its result or error comes back to the main thread by signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Job(QObject):
    """One submitted call. ``finished`` or ``failed`` fires once, on the main thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.cancelled = False

    def cancel(self) -> None:
        """Drop the result: neither signal will fire (the call itself runs to its end)."""
        self.cancelled = True

    @Slot(object, bool)
    def _deliver(self, payload: object, ok: bool) -> None:
        if not self.cancelled:
            (self.finished if ok else self.failed).emit(payload)
        self.deleteLater()


class _Relay(QObject):
    # Emitted from the worker thread; the queued connection lands it on the Job's (main) thread.
    done = Signal(object, bool)


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: Callable[..., Any], args: tuple[Any, ...]):
        super().__init__()
        self._fn, self._args = fn, args
        # Parented to the job, the relay is deleted with it on the main thread, never by the
        # worker thread that drops this runnable (deleting it there could crash a queued call).
        self._relay = _Relay(job)
        self._relay.done.connect(job._deliver)

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # noqa: BLE001 - every error goes back to the caller
            self._relay.done.emit(exc, False)
        else:
            self._relay.done.emit(result, True)


class Background(QObject):
    """Runs jobs on its own threads: with one thread (the default), one at a time in
    submission order."""

    def __init__(self, parent: QObject | None = None, threads: int = 1):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)

    def submit(self, fn: Callable[..., Any], *args: Any,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> Job:
        job = Job(self)
        if on_done:
            job.finished.connect(on_done)
        if on_error:
            job.failed.connect(on_error)
        self._pool.start(_Runnable(job, fn, args))
        return job

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
