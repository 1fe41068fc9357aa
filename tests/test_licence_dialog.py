"""Help ▸ About: what the old message box said, and a Licences tab that lists Crewbook's
licence and every third-party notice, each readable from the files the app ships."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop import APP_NAME, __version__
from desktop.ui.about_dialog import AboutDialog, notice_text, notices


def about(qtbot: QtBot, folder: Path | None = None, database: str = "") -> AboutDialog:
    dialog = AboutDialog(folder, database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def listed(dialog: AboutDialog) -> list[str]:
    return [dialog.notice_list.item(row).text() for row in range(dialog.notice_list.count())]


def test_about_tab_says_what_the_old_box_said(qtbot: QtBot, tmp_path: Path) -> None:
    local = about(qtbot, folder=tmp_path / "Crewbook")
    text = local.about_label.text()
    assert f"{APP_NAME} {__version__}" in text
    assert "outsource work" in text and "Data folder" in text and "Crewbook</code>" in text
    assert "Apache License 2.0" in text
    team = about(qtbot, database="postgresql://crew@db.example/books")
    assert "Team database" in team.about_label.text()
    assert "postgresql://crew@db.example/books" in team.about_label.text()
    assert team.windowTitle() == f"About {APP_NAME}"


def test_licences_list_apache_lgpl_and_the_dejavu_licence(qtbot: QtBot) -> None:
    dialog = about(qtbot)
    qtbot.mouseClick(dialog.licences_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentIndex() == 1
    entries = listed(dialog)
    assert entries[0] == "Crewbook\nApache-2.0"
    assert "Qt and Qt for Python (PySide6, Shiboken6)\nLGPL-3.0-only" in entries
    assert any(e.startswith("DejaVu fonts\n") for e in entries)
    assert "Apache License" in dialog.text.toPlainText()  # the first notice is open

    dialog.notice_list.setCurrentRow(next(i for i, e in enumerate(entries)
                                          if e.startswith("DejaVu fonts")))
    fonts = dialog.text.toPlainText()
    assert "Bitstream Vera" in fonts and "Arev" in fonts and "DejaVu changes" in fonts
    assert "DejaVu fonts" in dialog.heading.text()


def test_qt_notice_tells_where_the_libraries_are_and_which_version(qtbot: QtBot) -> None:
    dialog = about(qtbot)
    assert dialog.show_licence("Qt and Qt for Python (PySide6, Shiboken6)")
    qt = dialog.text.toPlainText()
    assert "GNU Lesser General Public License version 3" in qt
    assert "_internal/PySide6/Qt/lib/" in qt and "libQt6Core.so.6" in qt  # Linux
    assert "_internal\\PySide6\\" in qt and "Contents/Frameworks/PySide6/Qt/lib/" in qt
    assert "download.qt.io" in qt
    assert f"Qt {qVersion()}" in dialog.intro.text()
    assert dialog.show_licence("GNU LGPL 3.0, full text")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    assert not dialog.show_licence("No such thing")


def test_every_listed_notice_opens(qtbot: QtBot) -> None:
    dialog = about(qtbot)
    for row, notice in enumerate(dialog.notices):
        dialog.notice_list.setCurrentRow(row)
        text = dialog.text.toPlainText()
        assert len(text) > 200 and "could not be read" not in text, notice.name
    names = {n.name for n in dialog.notices}
    assert {"SQLAlchemy", "alembic", "reportlab", "platformdirs", "babel", "email-validator",
            "pycountry", "filelock", "python-dateutil", "openpyxl", "psycopg", "keyring",
            "tzdata"} <= names


def test_a_bundles_system_libraries_are_listed_after_the_rest(tmp_path: Path) -> None:
    from desktop.ui.about_dialog import licences_folder

    shipped = licences_folder()
    for name in ("notices.json", "python-packages.json"):
        (tmp_path / name).write_text(shipped.joinpath(name).read_text("utf-8"), "utf-8")
    (tmp_path / "system").mkdir()
    (tmp_path / "system" / "zlib1g.txt").write_text("zlib licence text", "utf-8")
    (tmp_path / "system.json").write_text(json.dumps([
        {"key": "system:zlib1g", "name": "zlib (zlib1g)", "licence": "Zlib",
         "file": "system/zlib1g.txt", "platforms": ["linux"], "note": "zlib1g 1.2: libz.so.1"}]))
    found = notices(tmp_path)
    assert found[-1].name == "zlib (zlib1g)" and found[-1].note.startswith("only on Linux")
    assert notice_text(found[-1], tmp_path) == "zlib licence text"
    assert found[0].name == "Crewbook"


def test_close_button_closes(qtbot: QtBot) -> None:
    dialog = about(qtbot)
    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Close")
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_help_about_opens_the_dialog_with_its_licences(qtbot, store, data_folder, tmp_path,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from desktop.ui import about_dialog
    from desktop.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(about_dialog.AboutDialog, "exec",
                        lambda self: shown.append(self.windowTitle()) or 0)
    window = MainWindow(store, data_folder, QSettings(str(tmp_path / "ui.ini"),
                                                      QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.about_action.trigger()
    assert shown and "About" in shown[0]
