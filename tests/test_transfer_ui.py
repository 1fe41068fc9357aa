"""Files in and out of the window: dropping a contact file opens the import; exports write CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.store import demo
from desktop.store.db import Store
from desktop.store.importing import ImportResult
from desktop.ui import import_wizard, transfer
from desktop.ui.main_window import MainWindow
from tests.threads import elsewhere

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@pytest.fixture
def window(qtbot, store: Store, data_folder: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    win = MainWindow(store, data_folder, QSettings(str(tmp_path / "ui.ini"),
                                                   QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.roster_loaded, timeout=10_000):
        win.load()
    yield win
    win.runner.wait()


def mime_with(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


@pytest.mark.parametrize(("names", "accepted"), [
    (["handmade.csv"], True), (["roster.XLSX"], True), (["notes.pdf"], False),
    (["a.csv", "b.csv"], False), ([], False),
])
def test_only_one_contact_file_is_taken(names: list[str], accepted: bool) -> None:
    mime = mime_with(*(Path("/tmp") / n for n in names))
    assert (transfer.dropped_file(mime) is not None) is accepted


def test_dropping_a_file_opens_the_import_with_it(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[Path | None] = []

    class FakeWizard:
        def __init__(self, runner, settings, parent, path=None):  # type: ignore[no-untyped-def]
            opened.append(path)
            self.result_counts = ImportResult(3, 1)
            self.planned, self.path = None, path  # nothing to undo: no plan was written

        def exec(self) -> int:
            return 1

        def deleteLater(self) -> None:  # noqa: N802 - Qt's name
            pass

    monkeypatch.setattr(import_wizard, "ImportWizard", FakeWizard)
    mime = mime_with(FIXTURES / "handmade.csv")
    where = QPointF(200, 200)
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert opened == [FIXTURES / "handmade.csv"]
    assert window.tabs.currentWidget() is window.roster
    qtbot.waitUntil(lambda: "Imported 3 contractors, merged 1"
                    in window.statusBar().currentMessage(), timeout=10_000)


def test_a_pdf_is_not_taken(window: MainWindow) -> None:
    mime = mime_with(Path("/tmp/brief.pdf"))
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


@pytest.mark.parametrize(("chosen", "bom"), [(transfer.EXCEL_FILTER, True),
                                             (transfer.PLAIN_FILTER, False)])
def test_export_contractors_from_the_menu(qtbot, window: MainWindow, store: Store, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch, chosen: str, bom: bool) -> None:
    with elsewhere(store):
        demo.load_demo(store)
    target = tmp_path / "roster"  # the extension is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen))
    window.export_contractors_action.trigger()
    written = tmp_path / "roster.csv"
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10_000)
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is bom
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 30 and rows[0]["Display name"]
    assert f"Exported 30 contractors to {written}" == window.statusBar().currentMessage()


def test_export_payments_from_the_menu(qtbot, window: MainWindow, store: Store, tmp_path: Path,  # type: ignore[no-untyped-def]
                                       monkeypatch) -> None:
    with elsewhere(store):
        demo.load_demo(store)
    target = tmp_path / "payments.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), transfer.EXCEL_FILTER))
    window.export_payments_action.trigger()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10_000)
    assert target.read_text(encoding="utf-8-sig").startswith("Paid on,Contractor,")


def test_cancelled_save_dialog_writes_nothing(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    window.export_contractors_action.trigger()
    window.runner.wait()
    assert list(tmp_path.glob("*.csv")) == []


def test_empty_roster_offers_an_import(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.roster)
    assert window.roster.stack.currentWidget() is window.roster.empty
    assert window.roster.empty_import.isVisibleTo(window)
