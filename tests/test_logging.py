"""The log file: where it is, that it rotates, and that no personal data gets into it."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop import __version__
from desktop.cli import main, roster
from desktop.store import logfile
from desktop.store.db import make_engine
from desktop.store.logfile import log_dir, log_file, redact, start_logging, stop_logging
from tests.log_helpers import log_text, own_log_folder

log = logging.getLogger("desktop.tests")

SECRETS = ("Maya", "Okafor", "maya@example.com", "123-45-6789", "7700 900123",
           "370400440532013000")
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with own_log_folder(tmp_path / "logs", monkeypatch) as folder:
        yield folder


def assert_no_secrets(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_the_log_file_is_made_in_the_folder_given(log_folder: Path) -> None:
    path = start_logging(log_folder)
    assert path == log_folder / "crewbook.log"
    assert log_file() == path
    line = log_text(log_folder).splitlines()[0]
    iso_time = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}"
    assert re.fullmatch(rf"{iso_time} INFO desktop \[MainThread\] Crewbook {__version__} started "
                        rf"\(Python {sys.version_info.major}\.{sys.version_info.minor}.*\)", line)


@POSIX
def test_the_log_is_for_its_owner_only(log_folder: Path) -> None:
    path = start_logging(log_folder)
    assert log_folder.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600


def test_log_dir_is_the_override_the_variable_or_the_platforms(
        log_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert log_dir(tmp_path / "flag") == tmp_path / "flag"
    assert log_dir() == log_folder and log_folder.is_dir()
    asked: list[tuple[str, object]] = []

    def platform_folder(name: str, appauthor: object) -> Path:
        asked.append((name, appauthor))
        return tmp_path / "platform" / name

    monkeypatch.setattr(logfile, "user_log_path", platform_folder)
    monkeypatch.delenv(logfile.ENV_VAR)
    assert log_dir() == tmp_path / "platform" / "Crewbook"
    assert asked == [("Crewbook", False)]


def test_starting_again_adds_no_second_handler(log_folder: Path, tmp_path: Path) -> None:
    logger = logging.getLogger("desktop")
    start_logging(log_folder)
    start_logging(log_folder, level=logging.DEBUG)
    files = [h for h in logger.handlers if isinstance(h, logging.FileHandler)]
    assert len(files) == 1
    assert logger.level == logging.DEBUG
    assert not any(isinstance(h, logfile.LogFileHandler) for h in logging.getLogger().handlers)
    assert log_text(log_folder).count(" started ") == 1

    moved = start_logging(tmp_path / "elsewhere")  # one log file still, in the new place
    assert [h.baseFilename for h in logger.handlers if isinstance(h, logging.FileHandler)] == [
        str(moved)]
    stop_logging()
    assert log_file() is None


def test_defaults_are_a_megabyte_times_five() -> None:
    assert (logfile.MAX_BYTES, logfile.BACKUPS) == (1_000_000, 5)


def test_the_log_rotates(log_folder: Path) -> None:
    start_logging(log_folder, max_bytes=2_000, backups=2)
    for number in range(200):
        log.info("line %03d %s", number, "x" * 40)
    names = sorted(p.name for p in log_folder.iterdir())
    assert names == ["crewbook.log", "crewbook.log.1", "crewbook.log.2"]
    assert all(p.stat().st_size <= 2_000 for p in log_folder.iterdir())
    assert "line 199" in log_text(log_folder)


MESSAGE = ("saved “Maya Okafor” <maya@example.com>, tax id 123-45-6789, phone +44 7700 900123, "
           "IBAN DE89370400440532013000 [parameters: ('Maya', 'maya@example.com', [1, 2])] "
           "as contractor 42 on 2024-05-01")


def test_redact() -> None:
    assert redact(MESSAGE) == (
        "saved “…” <<email>>, tax id <number>, phone +<number>, IBAN DE<number> "
        "[parameters: hidden] as contractor 42 on 2024-05-01")
    assert redact(redact(MESSAGE)) == redact(MESSAGE)


def test_messages_are_redacted(log_folder: Path) -> None:
    start_logging(log_folder)
    log.warning(MESSAGE)
    log.info("renamed %s to %s (%d)", "“Maya”", "“Okafor”", 42)
    written = log_text(log_folder)
    assert_no_secrets(written)
    assert "[parameters: hidden] as contractor 42 on 2024-05-01" in written
    assert "renamed “…” to “…” (42)" in written


def fail_with_personal_data() -> None:
    raise ValueError(MESSAGE)


def test_tracebacks_are_redacted_to_their_last_line(log_folder: Path) -> None:
    start_logging(log_folder)
    try:
        fail_with_personal_data()
    except ValueError:
        log.exception("saving “Maya Okafor” failed")
    written = log_text(log_folder)
    assert_no_secrets(written)
    assert "Traceback (most recent call last)" in written
    assert "in fail_with_personal_data" in written
    assert "ValueError: saved “…” <<email>>, tax id <number>" in written


def test_the_engine_keeps_row_values_out_of_its_errors(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.sqlite3")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE person (email TEXT UNIQUE)"))
        connection.execute(text("INSERT INTO person VALUES (:e)"), {"e": "maya@example.com"})
    with pytest.raises(IntegrityError) as caught, engine.begin() as connection:
        connection.execute(text("INSERT INTO person VALUES (:e)"), {"e": "maya@example.com"})
    engine.dispose()
    assert "UNIQUE constraint failed" in str(caught.value)
    assert "maya@example.com" not in str(caught.value)


class TestCommandLine:
    def test_a_command_writes_to_the_log(self, log_folder: Path, cli) -> None:  # type: ignore[no-untyped-def]
        assert cli("contractors", "list")[0] == 0
        assert f"Crewbook {__version__} started" in log_text(log_folder)

    def test_expected_errors_are_logged_by_class_only(self, log_folder: Path, cli) -> None:  # type: ignore[no-untyped-def]
        code, _, err = cli("contractors", "add", "--name", "Maya", "--email", "maya@")
        assert code == 2 and "--email" in err
        code, _, err = cli("contractors", "show", "99")
        assert code == 1 and "no longer exists" in err
        written = log_text(log_folder)
        assert "INFO desktop.cli [MainThread] crewbook contractors: ValidationError" in written
        assert "crewbook contractors: ConflictError" in written
        assert "no longer exists" not in written and "maya@" not in written
        assert_no_secrets(written)

    def test_an_unexpected_error_is_logged_and_raised_as_before(
            self, log_folder: Path, data_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        def broken(*_args: object) -> int:
            raise RuntimeError("lost “Maya Okafor”")

        monkeypatch.setattr(roster, "run", broken)
        with pytest.raises(RuntimeError, match="Maya Okafor"):
            main(["--data-dir", str(data_folder), "contractors", "list"])
        written = log_text(log_folder)
        assert "ERROR desktop.cli [MainThread] crewbook contractors failed unexpectedly" in written
        assert "in broken" in written
        assert "RuntimeError: lost “…”" in written
        assert_no_secrets(written)
