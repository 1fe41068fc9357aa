"""A long call through the runner with a progress bar, a stop flag, and no result after abandon."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QProgressBar

from desktop.ui.runner import USER_ERRORS, Runner
from desktop.ui.worker import Job


class Progress:
    """How far a worker got, written from its thread and read by a timer; ``stop`` asks it to
    give up at its next report."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._done = self._total = 0

    def report(self, done: int, total: int) -> bool:
        with self._lock:
            self._done, self._total = done, total
        return not self.stop.is_set()

    def should_stop(self, done: int, total: int) -> bool:
        return not self.report(done, total)

    def read(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total


class Task(QObject):
    """One long call at a time, shown on a progress bar; starting another drops the first
    one's result. The caller shows user errors itself (``on_error``); a fault also gets the
    runner's "Unexpected error" dialog."""

    def __init__(self, runner: Runner, bar: QProgressBar, parent: QObject):
        super().__init__(parent)
        self.runner, self.bar = runner, bar
        self.job: Job | None = None
        self.progress = Progress()
        self.timer = QTimer(self, interval=100)
        self.timer.timeout.connect(self._poll)
        bar.hide()

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, fn: Callable[[Progress], Any], on_done: Callable[[Any], None],
              on_error: Callable[[BaseException], None], *, write: bool = False) -> None:
        """``fn(progress)`` runs as a read, or in the write queue with ``write`` (its result
        then is an operation's Changes or Done, and the views hear of it)."""
        self.abandon()
        progress = self.progress = Progress()
        finish = {"done": lambda r: self._end(on_done, r),
                  "handles": USER_ERRORS, "failed": lambda e: self._end(on_error, e)}
        if write:
            self.job = self.runner.write(lambda _store: fn(progress), **finish)
        else:
            self.job = self.runner.read(fn, progress, **finish)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.timer.start()

    def request_stop(self) -> None:
        """Ask the worker to stop; its Cancelled still comes back to say it did."""
        self.progress.stop.set()

    def abandon(self) -> None:
        """Stop the worker and drop whatever it returns."""
        self.progress.stop.set()
        if self.job is not None:
            self.job.cancel()
        self._idle()

    def _end(self, callback: Callable[[Any], None], payload: Any) -> None:
        self._idle()
        callback(payload)

    def _idle(self) -> None:
        self.job = None
        self.timer.stop()
        self.bar.hide()

    def _poll(self) -> None:
        done, total = self.progress.read()
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
