"""The team database on a real PostgreSQL server: opening from a URL, migrating once however
many clients start together, refusing a newer schema, and a clear message for a server that
cannot be reached."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest
from sqlalchemy import text

from desktop.store import contractors, migrate
from desktop.store.errors import StoreError
from desktop.store.server import describe, open_server, safe_name
from tests import pg_server as pg
from tests.factories import make_contractor


def test_the_server_tests_run_in_ci() -> None:
    """CI installs PostgreSQL; there, a missing server fails the run instead of skipping."""
    if os.environ.get("CI"):
        assert pg.binaries() is not None


def test_a_new_team_database_is_migrated_and_works(pg_server) -> None:  # type: ignore[no-untyped-def]
    name = pg_server.create_database("fresh_team")
    try:
        store = open_server(pg_server.url(name))
        contractors.create(store, make_contractor(display_name="Zoë Ångström"))
        assert [r.display_name for r in contractors.list_rows(store)] == ["Zoë Ångström"]
        with store.engine.connect() as conn:
            assert migrate.revision_of(conn) == migrate.HEAD
        store.close()
    finally:
        pg_server.drop_database(name)


def test_clients_starting_together_migrate_once(pg_server) -> None:  # type: ignore[no-untyped-def]
    name = pg_server.create_database("race_team")
    opened: list[object] = []
    failed: list[BaseException] = []

    def start() -> None:
        try:
            opened.append(open_server(pg_server.url(name)))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failed.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failed == [] and len(opened) == 4
    finally:
        for store in opened:
            store.close()  # type: ignore[attr-defined]
        pg_server.drop_database(name)


def test_a_newer_schema_is_read_but_never_written(pg_server, store_on_server, qtbot,  # type: ignore[no-untyped-def]
                                                  tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from desktop.store import contractors
    from desktop.store.server import probe
    from desktop.store.team import Role
    from desktop.ui.main_window import MainWindow
    from tests.factories import make_contractor

    contractors.create(store_on_server, make_contractor(display_name="Maya Okafor"))
    with store_on_server.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    url = pg_server.url(store_on_server.engine.url.database)
    assert "from a newer version of Crewbook" in probe(url)
    older = open_server(url)
    try:
        assert older.read_only_because is not None
        assert "Update Crewbook to make changes" in older.read_only_because
        assert [r.display_name for r in contractors.list_rows(older)] == ["Maya Okafor"]
        with pytest.raises(StoreError, match="Update Crewbook"):
            contractors.create(older, make_contractor(display_name="Not written"))
        assert len(contractors.list_rows(store_on_server)) == 1
        with store_on_server.engine.connect() as conn:  # nor was the schema touched
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == \
                "9999"

        window = MainWindow(older, None, QSettings(str(tmp_path / "ui.ini"),
                                                   QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.apply_role(Role.OWNER)  # whatever the role, this version only reads
        assert "update Crewbook" in window.where_label.text()
        assert not window.roster.new_action.isEnabled() and not window.import_action.isEnabled()
        assert not window.engagements.pane.may_pay
        window.close()
        window.runner.wait()
    finally:
        older.forbid_writes_on(None)
        older.close()


def test_an_unreachable_server_is_told_quickly_and_plainly() -> None:
    started = time.monotonic()
    with pytest.raises(StoreError) as refused:
        open_server("postgresql://someone:secret@127.0.0.1:9/nowhere")
    assert time.monotonic() - started < 12
    message = str(refused.value)
    assert message.startswith("Crewbook cannot reach the team database postgresql://someone:***@127.0.0.1:9/nowhere")
    assert "secret" not in message and "\n" not in message


def test_the_password_never_shows() -> None:
    assert safe_name("postgresql://sam:hunter2@db.example/crew") == "postgresql://sam:***@db.example/crew"
    assert describe("postgresql://sam:hunter2@db.example:5433/crew") == "crew on db.example:5433 as sam"


class TestCommandLine:
    def test_every_command_works_on_the_server(self, cli, store_on_server, pg_server) -> None:  # type: ignore[no-untyped-def]
        url = pg_server.url(store_on_server.engine.url.database)
        assert cli("--database", url, "demo")[0] == 0
        code, out, _ = cli("--database", url, "contractors", "add", "--name", "Zoë", "--rate",
                           "80", "--currency", "EUR")
        assert code == 0
        code, out, _ = cli("--database", url, "contractors", "list", "--format", "json")
        assert code == 0 and '"Zoë"' in out
        code, out, _ = cli("--database", url, "db", "info")
        assert out.startswith("database:    team_book on /") and " as crewbook_admin\n" in out
        assert "contractors: 31 (+0 archived)" in out
        assert cli("--database", url, "db", "upgrade")[1] == f"Database is at schema {migrate.HEAD}.\n"
        code, _, err = cli("--database", url, "engagements", "list")
        assert code == 0, err

    def test_reports_exports_and_import_work_on_the_server(self, cli, store_on_server, pg_server,  # type: ignore[no-untyped-def]
                                                             tmp_path) -> None:
        url = pg_server.url(store_on_server.engine.url.database)
        assert cli("--database", url, "demo")[0] == 0
        for args in (("report", "payments", "--tax-year", "2026", "-o", str(tmp_path / "p.pdf"),
                      "--csv", str(tmp_path / "p.csv")),
                     ("report", "outstanding", "-o", str(tmp_path / "o.pdf")),
                     ("report", "tax-year", "2026", "-o", str(tmp_path / "t.pdf")),
                     ("report", "statement", "1", "--from", "2026-01-01", "--to", "2026-12-31",
                      "-o", str(tmp_path / "s.pdf")),
                     ("report", "planner", "-o", str(tmp_path / "plan.pdf")),
                     ("export", "contractors", "-o", str(tmp_path / "roster.csv")),
                     ("export", "payments", "-o", str(tmp_path / "payments.csv")),
                     ("payments", "due", "--days", "30"),
                     ("risk", "summary", "1", "-o", str(tmp_path / "risk.pdf"))):
            code, _out, err = cli("--database", url, *args)
            assert code == 0, (args, err)
        code, out, err = cli("--database", url, "import", str(tmp_path / "roster.csv"),
                             "--on-duplicate", "skip", "--json")
        assert code == 0, err
        result = json.loads(out)  # rows with an email match those already there
        assert result["imported"] + len(result["duplicates"]) == 30 and result["duplicates"]
        assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")

    def test_the_environment_variable_names_the_server(self, cli, store_on_server, pg_server,  # type: ignore[no-untyped-def]
                                                       monkeypatch, data_folder) -> None:
        monkeypatch.setenv("CREWBOOK_DATABASE_URL", pg_server.url(store_on_server.engine.url.database))
        assert cli("contractors", "add", "--name", "Ida")[0] == 0
        assert not (data_folder / "crewbook.sqlite3").exists()  # the local file stays untouched
        monkeypatch.delenv("CREWBOOK_DATABASE_URL")
        assert "Ida" not in cli("contractors", "list")[1]

    def test_file_backups_are_refused_on_the_server(self, cli, store_on_server, pg_server) -> None:  # type: ignore[no-untyped-def]
        url = pg_server.url(store_on_server.engine.url.database)
        code, _, err = cli("--database", url, "db", "backup")
        assert code == 1 and "pg_dump" in err

    def test_an_unreachable_server_is_one_line(self, cli) -> None:  # type: ignore[no-untyped-def]
        code, out, err = cli("--database", "postgresql://sam:pw@127.0.0.1:9/crew", "contractors", "list")
        assert (code, out) == (1, "")
        assert err.startswith("crewbook: error: Crewbook cannot reach the team database")
        assert len(err.strip().splitlines()) == 1 and "pw@" not in err


def test_the_window_on_a_team_database_says_so(qtbot, store_on_server, pg_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.store import demo
    from desktop.ui import app as app_module
    from desktop.ui.main_window import MainWindow

    demo.load_demo(store_on_server)
    seen: list[tuple[str, str, int, bool]] = []

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible() and w.roster.model.rowCount()]
        if not windows:
            QTimer.singleShot(20, poll)
            return
        window = windows[0]
        seen.append((window.windowTitle(), window.where_label.text(),
                     window.roster.model.rowCount(), window.backup_action.isEnabled()))
        window.close()

    QTimer.singleShot(0, poll)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    url = pg_server.url(store_on_server.engine.url.database)
    assert app_module.run(tmp_path / "unused", settings, database=url) == 0
    title, where, rows, can_back_up = seen[0]
    assert title.startswith("Crewbook — team_book on /") and title.endswith(
        "as crewbook_admin (team database)")
    assert where.startswith("Team database: team_book on /")
    assert rows == len(demo.demo_roster()) and not can_back_up
    assert not (tmp_path / "unused").exists()


class TestLive:
    """What one person saves reaches every other open window within 2 seconds."""

    def test_another_clients_save_reaches_this_window(self, qtbot, store_on_server, pg_server) -> None:  # type: ignore[no-untyped-def]
        from desktop.ui.runner import Runner

        runner = Runner(store_on_server)
        heard: list[object] = []
        runner.changed.connect(heard.append)
        runner.listen()
        other = open_server(pg_server.url(store_on_server.engine.url.database))
        try:
            time.sleep(0.3)  # the listener is connected
            started = time.monotonic()
            record = contractors.create(other, make_contractor(display_name="Ben"))
            qtbot.waitUntil(lambda: any(getattr(c, "contractors", ()) for c in heard), timeout=2000)
            assert time.monotonic() - started < 2
            change = heard[-1]
            assert change.elsewhere and record.id in change.contractors  # type: ignore[attr-defined]
        finally:
            other.close()
            runner.wait()
            store_on_server.forbid_writes_on(None)

    def test_own_saves_are_not_heard_twice(self, qtbot, store_on_server) -> None:  # type: ignore[no-untyped-def]
        from desktop.operations import contractors as contractor_ops
        from desktop.ui.runner import Runner

        runner = Runner(store_on_server)
        heard: list[object] = []
        runner.changed.connect(heard.append)
        runner.listen()
        try:
            time.sleep(0.3)
            runner.write(contractor_ops.add, make_contractor(display_name="Cy"))
            qtbot.waitUntil(lambda: len(heard) >= 1, timeout=2000)
            qtbot.wait(800)  # anything echoed back would have arrived by now
            assert len(heard) == 1 and not heard[0].elsewhere  # type: ignore[attr-defined]
        finally:
            runner.wait()
            store_on_server.forbid_writes_on(None)

    def test_a_large_change_or_settings_reads_again(self) -> None:
        from desktop.operations.live import changes_heard

        assert changes_heard({"contractors": None}).everything
        assert changes_heard({"settings": None}).settings
        assert not changes_heard({"settings": None}).everything
        mixed = changes_heard({"engagements": frozenset({3}), "installments": frozenset({7, 8})})
        assert mixed.engagements == {3} and mixed.installments == {7, 8} and mixed.elsewhere
        assert changes_heard({"*": None}).everything


def test_notes_are_read_and_gathered() -> None:
    from desktop.store.listen import merge, parse

    assert parse("contractors:3,12") == ("contractors", frozenset({3, 12}))
    assert parse("contractors:*") == ("contractors", None)
    assert parse("settings") == ("settings", None)
    heard: dict[str, frozenset[int] | None] = {}
    merge(heard, "contractors", frozenset({1}))
    merge(heard, "contractors", frozenset({2}))
    merge(heard, "engagements", None)
    merge(heard, "engagements", frozenset({5}))
    assert heard == {"contractors": frozenset({1, 2}), "engagements": None}


def test_who_saved_is_the_database_user_and_a_stale_save_names_them(store_on_server, pg_server) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.validation import ConflictError

    store_on_server.user = "someone else"  # a client cannot claim another name: the server sets it
    record = contractors.create(store_on_server, make_contractor(display_name="Dee"))
    assert contractors.get(store_on_server, record.id).changed_by == pg.SUPERUSER
    contractors.update(store_on_server, record.id, make_contractor(display_name="Dee Two"),
                       record.version)
    with pytest.raises(ConflictError, match=f"changed elsewhere by {pg.SUPERUSER} at "):
        contractors.update(store_on_server, record.id, make_contractor(display_name="Dee Three"),
                           record.version)


def test_a_local_book_names_the_computers_login(store) -> None:  # type: ignore[no-untyped-def]
    store.user = "maya"
    record = contractors.create(store, make_contractor(display_name="Eve"))
    assert contractors.get(store, record.id).changed_by == "maya"
