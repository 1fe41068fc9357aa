"""File ▸ Connect to team database…: the details, a test against a real server, remembered
for next time (the password only in a keychain), and the window moving between books."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.store import contractors, demo
from desktop.store.server import open_server
from desktop.store.session import open_store
from desktop.ui import app as app_module
from desktop.ui.connect_dialog import ConnectDialog
from desktop.ui.main_window import MainWindow
from tests.factories import make_contractor


class MemoryKeychain(KeyringBackend):
    """A keychain for the tests (no desktop keychain runs here)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture(autouse=True)
def _keychain_put_back():  # type: ignore[no-untyped-def]
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def fill(dialog: ConnectDialog, host: str, database: str, user: str, password: str = "") -> None:
    dialog.host.setText(host)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def test_the_address_is_built_from_the_fields(qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    fill(dialog, "", "crewbook", "sam")
    assert dialog.address() is None and "server" in dialog.outcome.text()
    fill(dialog, "office-server", "crew book", "sam", "p@ss:word")
    dialog.tls.setCurrentIndex(dialog.tls.findData("verify-full"))
    assert dialog.address() == ("postgresql://sam:p%40ss%3Aword@office-server:5432/crew%20book"
                                "?sslmode=verify-full")
    assert dialog.address(with_password=False).startswith("postgresql://sam@office-server")


def test_a_test_against_the_server_says_who_you_are(qtbot, settings, pg_server) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    fill(dialog, str(pg_server.socket_dir), "crewbook_template", "crewbook_admin")
    dialog.test()
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Connected"), timeout=10_000)
    assert "as crewbook_admin (owner)" in dialog.outcome.text()
    assert "up to date" in dialog.outcome.text()
    fill(dialog, str(pg_server.socket_dir), "no_such_book", "crewbook_admin")
    dialog.test()
    qtbot.waitUntil(lambda: "cannot reach" in dialog.outcome.text(), timeout=10_000)
    assert "no_such_book" in dialog.outcome.text()


def test_details_are_remembered_and_the_password_goes_to_the_keychain(
        qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    keychain = MemoryKeychain()
    keyring.set_keyring(keychain)
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    fill(dialog, "office-server", "crewbook", "sam", "s3cret")
    dialog.accept()
    assert dialog.url == "postgresql://sam@office-server:5432/crewbook?sslmode=prefer"
    assert list(keychain.kept.values()) == ["s3cret"]
    assert "s3cret" not in Path(settings.fileName()).read_text()
    again = ConnectDialog(settings)
    qtbot.addWidget(again)
    assert (again.host.text(), again.user.text(), again.password.text()) == \
        ("office-server", "sam", "")


def test_without_a_keychain_the_password_is_used_but_never_kept(
        qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    from keyring.backends.fail import Keyring as NoKeychain

    keyring.set_keyring(NoKeychain())
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    fill(dialog, "office-server", "crewbook", "sam", "s3cret")
    dialog.accept()
    assert dialog.url is not None and "s3cret" in dialog.url  # this session only
    assert "s3cret" not in Path(settings.fileName()).read_text()


def test_the_window_moves_to_the_team_database_and_back(
        qtbot, data_folder: Path, settings: QSettings, pg_server) -> None:  # type: ignore[no-untyped-def]
    local = open_store(data_folder).store
    contractors.create(local, make_contractor(display_name="Only here"))
    local.close()
    name = pg_server.create_database("switch_team", template="crewbook_template")
    team = open_server(pg_server.url(name))
    demo.load_demo(team)
    team.close()
    url = pg_server.url(name).replace("postgresql+psycopg", "postgresql")
    seen: list[tuple[str, int]] = []

    def step() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible() and w.store is not None
                   and w.roster.model.rowCount()]
        if not windows:
            QTimer.singleShot(20, step)
            return
        window = windows[0]
        seen.append((window.where_label.text(), window.roster.model.rowCount()))
        if len(seen) == 1:
            window._switch(url)
        elif len(seen) == 2:
            window.local_action.trigger()
        else:
            window.close()
            return
        QTimer.singleShot(20, step)

    QTimer.singleShot(0, step)
    assert app_module.run(data_folder, settings) == 0
    assert seen[0] == ("On this computer", 1)
    assert seen[1][0].startswith("Team database: switch_team") and seen[1][1] == 30
    assert seen[2] == ("On this computer", 1)
    pg_server.drop_database(name)


def test_a_team_database_that_cannot_be_reached_sends_the_window_back_home(
        qtbot, data_folder: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    refused: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: refused.append(text))
    local = open_store(data_folder).store
    contractors.create(local, make_contractor(display_name="Only here"))
    local.close()
    seen: list[str] = []

    def step() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible() and w.store is not None
                   and w.roster.model.rowCount()]
        if not windows:
            QTimer.singleShot(20, step)
            return
        seen.append(windows[0].where_label.text())
        if len(seen) == 1:
            windows[0]._switch("postgresql://sam@127.0.0.1:9/nowhere")
            QTimer.singleShot(20, step)
        else:
            windows[0].close()

    QTimer.singleShot(0, step)
    assert app_module.run(data_folder, settings) == 0
    assert seen == ["On this computer", "On this computer"]
    assert refused and "cannot reach the team database" in refused[0]
