"""The roster window driven like a user would: keys, clicks, undo, and state kept across restarts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt

from desktop.store import contractors, demo
from desktop.store.db import Store
from desktop.ui import ask
from desktop.ui import roster_view as roster_view_module
from desktop.ui.main_window import MainWindow
from desktop.ui.roster_model import Col
from tests.conftest import settle
from tests.factories import make_contractor
from tests.threads import elsewhere


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, store: Store, folder: Path, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(store, folder, settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    with qtbot.waitSignal(window.roster_loaded, timeout=10_000):
        window.load()
    window.tabs.setCurrentWidget(window.roster)
    return window


@pytest.fixture
def window(qtbot, store: Store, data_folder: Path, settings: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    demo.load_demo(store)
    win = open_window(qtbot, store, data_folder, settings)
    yield win
    win.runner.wait()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(ask, "warn", lambda _parent, text, *a: shown.append(text))
    return shown


def visible_names(window: MainWindow) -> list[str]:
    return [window.roster.model.row_at(r).display_name for r in range(window.roster.model.rowCount())]


def select(window: MainWindow, name: str) -> int:
    pos = visible_names(window).index(name)
    flags = QItemSelectionModel.SelectionFlag
    window.roster.table.selectionModel().setCurrentIndex(
        window.roster.model.index(pos, 0), flags.ClearAndSelect | flags.Rows)
    return window.roster.model.row_at(pos).id


def press(qtbot, window: MainWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.roster.table, key, modifier)


def test_demo_roster_is_shown_and_marked(window: MainWindow) -> None:
    total = len(demo.demo_roster())
    assert window.roster.model.rowCount() == total
    assert window.banner.isVisible() and "Demo data" in window.banner_text.text()
    assert window.roster.count_label.text() == f"{total} contractors"
    assert visible_names(window) == sorted(visible_names(window), key=str.casefold)


def test_ctrl_f_focuses_the_filter_and_typing_narrows(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.roster.table.setFocus()
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.roster.search
    qtbot.keyClicks(window.roster.search, "okafor")
    assert visible_names(window) == ["Maya Okafor"]
    assert window.roster.count_label.text() == f"1 of {len(demo.demo_roster())} contractors"
    qtbot.keyClick(window.roster.search, Qt.Key.Key_Escape)
    assert window.roster.search.text() == "" and window.roster.model.rowCount() == len(demo.demo_roster())


def test_filter_by_status_and_skill(window: MainWindow) -> None:
    window.roster.status_filter.setCurrentIndex(window.roster.status_filter.findData("blocked"))
    assert window.roster.model.rowCount() == 2
    window.roster.status_filter.setCurrentIndex(0)
    window.roster.tag_filter.setCurrentIndex(window.roster.tag_filter.findData("legal"))
    assert visible_names(window) == ["Elena Vidal"]


def test_nothing_matches_shows_a_hint(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.roster.search, "zzzz-nobody")
    assert window.roster.stack.currentWidget() is window.roster.empty
    assert "No contractor matches" in window.roster.empty_text.text()


def test_delete_archives_and_undo_redo_round_trip(qtbot, window: MainWindow, store: Store,
                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def reason(_parent, stake, _action):  # type: ignore[no-untyped-def]
        asked.append(stake.name if stake else "")
        return "Stopped freelancing" if stake else ""

    monkeypatch.setattr(roster_view_module, "reason_to_let_go", reason)
    contractor_id = select(window, "Jake Whitfield")
    press(qtbot, window, Qt.Key.Key_Delete)
    settle(qtbot, window.runner)
    assert asked == ["Jake Whitfield"]
    with store.reading() as session:
        from desktop.store.models import Contractor

        assert session.get(Contractor, contractor_id).archive_reason == "Stopped freelancing"
    assert "Jake Whitfield" not in visible_names(window)
    assert contractors.get(store, contractor_id).archived_at is not None
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.runner)
    assert "Jake Whitfield" in visible_names(window)
    assert contractors.get(store, contractor_id).archived_at is None
    assert window.roster.selected_ids() == [contractor_id]
    press(qtbot, window, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window.runner)
    assert contractors.get(store, contractor_id).archived_at is not None
    window.roster.archived_box.setChecked(True)
    pos = visible_names(window).index("Jake Whitfield")
    assert window.roster.model.index(pos, Col.STATUS).data() == "Former (archived)"
    select(window, "Jake Whitfield")
    window.roster.restore_action.trigger()
    settle(qtbot, window.runner)
    assert contractors.get(store, contractor_id).archived_at is None


def test_stepping_back_from_letting_a_well_rated_contractor_go_archives_nothing(
        qtbot, window: MainWindow, store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(roster_view_module, "reason_to_let_go", lambda *a: None)
    contractor_id = select(window, "Harriet Pembroke")
    press(qtbot, window, Qt.Key.Key_Delete)
    assert contractors.get(store, contractor_id).archived_at is None
    assert not window.roster.undo_stack.canUndo()


def test_archiving_a_record_changed_elsewhere_is_refused(
        qtbot, window: MainWindow, store: Store, warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    contractor_id = select(window, "Pixelhaus")
    record = contractors.get(store, contractor_id)
    with elsewhere(store):
        contractors.update(store, contractor_id, replace(record.data, notes="edited elsewhere"),
                           record.version)
    press(qtbot, window, Qt.Key.Key_Delete)
    settle(qtbot, window.runner)
    assert warnings and "changed elsewhere" in warnings[0]
    assert contractors.get(store, contractor_id).archived_at is None
    assert not window.roster.undo_stack.canUndo()


class FakeDialog:
    """Stands in for the editor: accepts with prepared data."""

    data = None

    def __init__(self, initial, _tags, _parent, **_options) -> None:  # type: ignore[no-untyped-def]
        self.initial = initial
        self.result_data = FakeDialog.data

    def exec(self) -> bool:
        return True


def test_new_contractor_is_saved_selected_and_detailed(
        qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    FakeDialog.data = make_contractor(display_name="Zelda Quinn", tax_id="987654321", tags=["web"])
    monkeypatch.setattr(roster_view_module, "ContractorDialog", FakeDialog)
    window.roster.search.setText("design")  # a filter that would hide her
    window.roster.new_action.trigger()
    settle(qtbot, window.runner)
    assert window.roster.search.text() == ""
    assert [window.roster.model.row_at(i.row()).display_name
            for i in window.roster.table.selectionModel().selectedRows()] == ["Zelda Quinn"]
    detail = window.roster.detail.toPlainText()
    assert "Zelda Quinn" in detail and "•••• 4321" in detail and "987654321" not in detail
    assert contractors.count(store) == len(demo.demo_roster()) + 1


def test_edit_can_be_undone(qtbot, window: MainWindow, store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    contractor_id = select(window, "Maya Okafor")
    before = contractors.get(store, contractor_id).data
    FakeDialog.data = replace(before, notes="New note", display_name="Maya O.")
    monkeypatch.setattr(roster_view_module, "ContractorDialog", FakeDialog)
    press(qtbot, window, Qt.Key.Key_Return)
    settle(qtbot, window.runner)
    assert contractors.get(store, contractor_id).data.notes == "New note"
    assert "Maya O." in visible_names(window)
    window.roster.undo_action.trigger()
    settle(qtbot, window.runner)
    assert contractors.get(store, contractor_id).data == before
    assert "Maya Okafor" in visible_names(window)


class EditedWhileOpen(FakeDialog):
    """The editor, during which someone else saves the same contractor."""

    def exec(self) -> bool:
        store = EditedWhileOpen.store
        record = contractors.get(store, EditedWhileOpen.contractor_id)
        with elsewhere(store):
            contractors.update(store, record.id, replace(record.data, phone="+44 20 7946 0000",
                                                         email="maya@theirs.example"),
                               record.version)
        return True


@pytest.mark.parametrize("answer", ["Save mine on top of theirs", "Keep theirs"])
def test_an_edit_someone_else_saved_over_offers_mine_on_top_of_theirs(
        qtbot, window: MainWindow, store: Store, monkeypatch, answer: str) -> None:  # type: ignore[no-untyped-def]
    contractor_id = select(window, "Maya Okafor")
    before = contractors.get(store, contractor_id).data
    EditedWhileOpen.store, EditedWhileOpen.contractor_id = store, contractor_id  # type: ignore[attr-defined]
    FakeDialog.data = replace(before, notes="Mine", email="maya@mine.example")
    monkeypatch.setattr(roster_view_module, "ContractorDialog", EditedWhileOpen)
    asked: list[str] = []

    def choose(_parent, _title, text, options, default=0):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(ask, "choose", choose)
    press(qtbot, window, Qt.Key.Key_Return)
    settle(qtbot, window.runner)
    settle(qtbot, window.runner)
    assert asked[0].startswith("Maya Okafor was saved by ") and "after you opened it" in asked[0]
    assert "• Email: yours “maya@mine.example”, theirs “maya@theirs.example”" in asked[0]
    assert "• Notes: yours “Mine”" in asked[0]
    assert "Phone" not in asked[0]  # theirs alone: it stays whatever is chosen
    now = contractors.get(store, contractor_id).data
    assert now.phone == "+44 20 7946 0000"  # their other change stays either way
    if answer == "Keep theirs":
        assert (now.email, now.notes) == ("maya@theirs.example", before.notes)
    else:
        assert (now.email, now.notes) == ("maya@mine.example", "Mine")


def test_remove_demo_data_leaves_an_inviting_empty_roster(
        qtbot, window: MainWindow, store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ask, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(window.roster_loaded, timeout=10_000):
        window.remove_demo_button.click()
    assert contractors.count(store, include_archived=True) == 0
    assert not window.banner.isVisible()
    assert window.roster.stack.currentWidget() is window.roster.empty and window.roster.empty_demo.isVisible()
    with qtbot.waitSignal(window.roster_loaded, timeout=10_000):
        window.roster.empty_demo.click()
    assert window.roster.model.rowCount() == len(demo.demo_roster())


def test_declining_removal_keeps_the_demo(window: MainWindow, store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ask, "confirm", lambda *a, **k: False)
    window.remove_demo_action.trigger()
    window.runner.wait()
    assert demo.has_demo(store)


def test_window_state_survives_a_restart(
        qtbot, window: MainWindow, store: Store, data_folder: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window.resize(760, 560)
    window.roster.table.sortByColumn(Col.COUNTRY, Qt.SortOrder.DescendingOrder)
    window.roster.archived_box.setChecked(True)
    window.close()
    again = open_window(qtbot, store, data_folder, settings)
    assert (again.width(), again.height()) == (760, 560)
    header = again.roster.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == \
        (Col.COUNTRY, Qt.SortOrder.DescendingOrder)
    assert again.roster.archived_box.isChecked()
    countries = [again.roster.model.row_at(r).country for r in range(again.roster.model.rowCount())]
    assert countries[0] > countries[-1]


def test_a_big_roster_paints_its_first_screen_then_fills_in(
        qtbot, store: Store, data_folder: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    count = roster_view_module.FIRST_SCREEN * 2 + 7
    contractors.create_many(store, [make_contractor(display_name=f"Person {i:04d}", email="")
                                    for i in range(count)])
    window = MainWindow(store, data_folder, settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.first_rows_shown, timeout=10_000) as first:
        window.load()
    assert first.args == [roster_view_module.FIRST_SCREEN]
    assert not window.roster.model.complete and "loading the rest" in window.roster.count_label.text()
    assert visible_names(window)[:3] == ["Person 0000", "Person 0001", "Person 0002"]
    with qtbot.waitSignal(window.roster_loaded, timeout=10_000) as done:
        pass
    assert done.args == [count] and window.roster.model.complete
    assert window.roster.count_label.text() == f"{count} contractors"
    qtbot.keyClicks(window.roster.search, "person 0246")
    assert visible_names(window) == ["Person 0246"]


def test_ctrl_n_opens_the_editor_for_a_new_contractor(
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[object] = []

    class Declined(FakeDialog):
        def exec(self) -> bool:
            opened.append(self.initial)
            return False

    monkeypatch.setattr(roster_view_module, "ContractorDialog", Declined)
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]
    assert window.roster.model.rowCount() == len(demo.demo_roster())
