"""Shared fixtures: every test gets its own data folder and database; Qt runs offscreen."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English, whatever the machine speaks: the language is fixed when the package
# is first imported (desktop.core.i18n). Tests of other languages start a process of their own.
os.environ["CREWBOOK_LANGUAGE"] = "en"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.store.db import Store  # noqa: E402
from desktop.store.session import open_store  # noqa: E402
from tests.factories import make_contractor  # noqa: E402,F401 - shared with test modules


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real user's data, config and environment."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("CREWBOOK_LOG_DIR", str(home / "log"))
    monkeypatch.delenv("CREWBOOK_DATA_DIR", raising=False)


@pytest.fixture(scope="session")
def qapp_cls():  # type: ignore[no-untyped-def]
    """pytest-qt's application, with the window's translators installed as the app does:
    English plural forms ("1 row", "2 rows") come from crewbook_en.qm."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_translators

    class TranslatedApplication(QApplication):
        def __init__(self, args: list[str]) -> None:
            super().__init__(args)
            install_translators(self)

    return TranslatedApplication


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every message looked up comes back «wrapped» (tests/marked_catalogue.py)."""
    from desktop.core import i18n
    from tests.marked_catalogue import Marked

    monkeypatch.setattr(i18n, "_translations", Marked())


@pytest.fixture(autouse=True)
def _figures_in_us_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Amounts and dates as en_US writes them unless a test chooses a locale, whatever the
    machine's locale; the process's locale otherwise carries over from the test before."""
    from desktop.core import formats

    monkeypatch.setattr(formats, "system_locale", lambda: "en_US")
    formats.use_locale("en_US")


@pytest.fixture(autouse=True)
def _closing_discards(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test's editors close when it ends; "Discard changes?" is answered yes then (the
    question itself is tested in test_discard_changes)."""
    from desktop.ui import discard

    monkeypatch.setattr(discard, "ask_to_discard", lambda _parent: True)


@pytest.fixture(autouse=True)
def _no_unexpected_error_dialog(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that made the "Unexpected error" dialog appear without asking for it fails (and
    the dialog goes, so it cannot block the tests after it)."""
    yield
    crash = sys.modules.get("desktop.ui.crash")
    if crash is None or "allow_unexpected_error" in request.keywords:
        return
    from PySide6.QtWidgets import QApplication

    left = [w for w in QApplication.topLevelWidgets()
            if isinstance(w, crash.UnexpectedErrorDialog) and w.isVisible()]
    for dialog in left:
        dialog.close()
    assert not left, "an operation failed unexpectedly: " + left[0].details.splitlines()[-1]


@pytest.fixture
def data_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


# Test modules whose `store` runs on both engines: the local SQLite file and a real
# PostgreSQL server (tests/pg_server.py), so every store function is known to work on both.
BOTH_ENGINES = {
    "tests.test_store", "tests.test_engagement_store", "tests.test_reviews_store",
    "tests.test_planner_store", "tests.test_import_store", "tests.test_lost_updates",
    "tests.test_operations", "tests.test_dashboard_and_demo", "tests.test_statement_data",
    "tests.test_tax_year_data", "tests.test_rules_settings", "tests.test_exit_plan",
    "tests.test_owed", "tests.test_thresholds", "tests.test_profile", "tests.test_late_payment",
    "tests.test_rule_windows", "tests.test_demo_links", "tests.test_payment_changes",
    "tests.test_search", "tests.test_import_undo",
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if ("store" in metafunc.fixturenames and metafunc.module.__name__ in BOTH_ENGINES
            and not metafunc.definition.get_closest_marker("sqlite_only")):
        metafunc.parametrize("store", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """One PostgreSQL server for the whole run, with a template database already migrated."""
    from tests import pg_server as server_module

    try:
        server = server_module.start()
    except FileNotFoundError as exc:
        if os.environ.get("CI"):
            raise  # CI installs PostgreSQL: these tests must run there, never skip
        pytest.skip(str(exc))
    try:
        server.create_database("crewbook_template")
        from desktop.store.server import open_server

        open_server(server.url("crewbook_template")).close()
        yield server
    finally:
        server.stop()


_databases = iter(range(1, 1_000_000))


@pytest.fixture
def store(request: pytest.FixtureRequest, data_folder: Path) -> Iterator[Store]:
    """The test's book: a new SQLite file in its data folder, or (for the modules in
    BOTH_ENGINES, a second time) a new database on the test PostgreSQL server."""
    if getattr(request, "param", "sqlite") == "sqlite":
        opened = open_store(data_folder)
        yield opened.store
        opened.store.close()
        return
    from desktop.store.server import open_server

    server = request.getfixturevalue("pg_server")
    name = server.create_database(f"test_{next(_databases)}", template="crewbook_template")
    made = open_server(server.url(name))
    yield made
    made.close()
    server.drop_database(name)


@pytest.fixture
def cli(data_folder: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `crewbook --data-dir <data_folder> ARGS...` in-process; returns (exit code, stdout,
    stderr). ``folder=`` runs it against another data folder."""
    from desktop.cli import main

    def run(*args: str, folder: Path | None = None) -> tuple[int, str, str]:
        code = main(["--data-dir", str(folder or data_folder), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def runner(qtbot, store: Store):  # type: ignore[no-untyped-def]
    """The window's runner on the test's store; its writes are banned on the test's thread."""
    from desktop.ui.runner import Runner

    made = Runner(store)
    yield made
    made.wait()
    store.forbid_writes_on(None)


def settle(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    """Wait until every write and read queued on ``runner`` has delivered its result, and the
    views have refreshed from the changes."""
    qtbot.waitUntil(lambda: runner.idle, timeout=10_000)
    qtbot.wait(1)  # the views' refreshes run on the next turn of the event loop
    qtbot.waitUntil(lambda: runner.idle, timeout=10_000)


@pytest.fixture
def store_on_server(pg_server):  # type: ignore[no-untyped-def]
    """A new team database, migrated, on the test PostgreSQL server."""
    from desktop.store.server import open_server

    name = pg_server.create_database("team_book", template="crewbook_template")
    made = open_server(pg_server.url(name))
    yield made
    made.close()
    pg_server.drop_database(name)


class ConflictQuestions:
    """The "changed by someone else" questions asked (``asked``), answered in turn from
    ``answers``."""

    def __init__(self, answers: list[str]) -> None:
        self.asked: list[str] = []
        self.answers = answers

    def choose(self, _parent, _title, text, options, default=0):  # type: ignore[no-untyped-def]
        self.asked.append(text)
        return self.answers[len(self.asked) - 1]


@pytest.fixture
def conflicts(monkeypatch: pytest.MonkeyPatch) -> ConflictQuestions:
    """Answers the first conflict question "Keep theirs" and the second "Save mine on top of
    theirs" (set ``answers`` for others)."""
    from desktop.ui import ask

    found = ConflictQuestions(["Keep theirs", "Save mine on top of theirs"])
    monkeypatch.setattr(ask, "choose", found.choose)
    return found
