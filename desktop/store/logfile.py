"""Crewbook's log file: what support asks for after an unexpected error.

Everything under the "desktop" logger goes to ``crewbook.log`` in the user's log folder (kept
to about 1 MB x 5 files). Personal data stays out of it: the :class:`Redact` filter rewrites
each message and traceback before it is written, so a record is named by its id only.
"""

from __future__ import annotations

import logging
import os
import platform
import re
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from desktop import APP_NAME, __version__

ENV_VAR = "CREWBOOK_LOG_DIR"
LOG_NAME = "crewbook.log"
LOGGER = "desktop"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
_QUOTED = re.compile(r"“[^”]*”")  # the app quotes user values: “Maya Okafor”
_NUMBER = re.compile(r"(?<!\d)\d(?:[ -]?\d){5,}")  # tax ids, phone numbers, account numbers
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # an ISO date is kept: it says when, not who
_PARAMETERS = re.compile(r"\[parameters: [^\n]*\]")  # SQLAlchemy's bound values, one line


def log_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The log folder: ``override``, else $CREWBOOK_LOG_DIR, else the platform's."""
    chosen = override or os.environ.get(ENV_VAR) or user_log_path(APP_NAME, appauthor=False)
    path = Path(chosen).expanduser().resolve()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def redact(text: str) -> str:
    """``text`` without e-mail addresses, quoted user values, long numbers or SQL parameters."""
    text = _PARAMETERS.sub("[parameters: hidden]", text)
    text = _EMAIL.sub("<email>", text)
    text = _QUOTED.sub("“…”", text)
    return _NUMBER.sub(lambda m: m[0] if _DATE.fullmatch(m[0]) else "<number>", text)


class Redact(logging.Filter):
    """Rewrites a record's message, traceback and stack in place before it is written (the
    other handlers it reaches, such as a test's capture, see the redacted text too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: logging reports it when the record is emitted
            return True
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = _PLAIN.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_PLAIN = logging.Formatter()


class LogFormatter(logging.Formatter):
    """One line a record (a traceback follows on its own lines), with an ISO local time. The
    traceback is redacted here as well, for a record that reached the handler unfiltered."""

    def __init__(self) -> None:
        super().__init__(FORMAT)

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return datetime.fromtimestamp(record.created).astimezone().isoformat(
            timespec="milliseconds")

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def]  # noqa: N802
        return redact(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:  # noqa: N802
        return redact(super().formatStack(stack_info))


class LogFileHandler(RotatingFileHandler):
    """A rotating file readable by its owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)  # noqa: SIM115


def _handler() -> LogFileHandler | None:
    return next((h for h in logging.getLogger(LOGGER).handlers
                 if isinstance(h, LogFileHandler)), None)


def log_file() -> Path | None:
    """The file the log is written to, or None before :func:`start_logging`."""
    handler = _handler()
    return Path(handler.baseFilename) if handler else None


def start_logging(folder: Path | None = None, *, level: int = logging.INFO,
                  max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> Path:
    """Send the "desktop" logger to ``folder/crewbook.log`` (default :func:`log_dir`) and note
    who started; returns the file. Calling it again changes the level only, or moves the log to
    another folder: the logger never has two log files. Raises OSError if the folder or file
    cannot be made."""
    path = log_dir(folder) / LOG_NAME
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    current = _handler()
    if current is not None:
        if Path(current.baseFilename) == path:
            return path
        stop_logging()
    handler = LogFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(LogFormatter())
    handler.addFilter(Redact())
    logger.addHandler(handler)
    logger.info("%s %s started (Python %s, %s)", APP_NAME, __version__,
                platform.python_version(), platform.platform())
    return path


def stop_logging() -> None:
    """Close the log file and take it off the "desktop" logger."""
    handler = _handler()
    if handler is not None:
        logging.getLogger(LOGGER).removeHandler(handler)
        handler.close()
