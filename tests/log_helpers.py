"""A log file of the test's own: the "desktop" logger is put back as it was afterwards."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.store import logfile


@contextmanager
def own_log_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``folder`` (not made yet) for the log; $CREWBOOK_LOG_DIR points there, so a default
    start_logging() writes there too. Any log file an earlier test left open is set aside
    meanwhile, and the logger's handlers and level are put back after. The "desktop" loggers
    are switched on meanwhile: a logging.config call elsewhere in the session (import-linter's,
    in tests/test_layers.py) turns off every logger that existed then."""
    monkeypatch.setenv(logfile.ENV_VAR, str(folder))
    logger = logging.getLogger(logfile.LOGGER)
    handlers, level = list(logger.handlers), logger.level
    for handler in handlers:
        logger.removeHandler(handler)
    ours = [lg for name, lg in logging.root.manager.loggerDict.items()
            if isinstance(lg, logging.Logger) and name.split(".")[0] == logfile.LOGGER]
    for lg in ours:
        monkeypatch.setattr(lg, "disabled", False)
    try:
        yield folder
    finally:
        logfile.stop_logging()
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        for handler in handlers:
            logger.addHandler(handler)
        logger.setLevel(level)


def log_text(folder: Path) -> str:
    return (folder / logfile.LOG_NAME).read_text("utf-8")
