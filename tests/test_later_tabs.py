"""Tabs made when first needed (desktop.ui.later_tabs), and the window's use of them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from desktop.store import demo, engagements
from desktop.ui.later_tabs import LaterTabs
from tests.conftest import settle
from tests.test_main_window import open_window


def _tabs(qtbot) -> tuple[QTabWidget, LaterTabs, list[str], list[QWidget]]:  # type: ignore[no-untyped-def]
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    made: list[str] = []

    def maker(name: str):  # type: ignore[no-untyped-def]
        def make() -> QWidget:
            made.append(name)
            return QLabel(name)
        return make

    later = LaterTabs(tabs, {"b": maker("b"), "c": maker("c")})
    heard: list[QWidget] = []
    tabs.addTab(QLabel("a"), "A")
    later.add("b", "B")
    later.add("c", "C")
    tabs.currentChanged.connect(lambda _i: heard.append(tabs.currentWidget()))
    later.made.connect(lambda name: heard.append(later.views[name]))
    tabs.show()
    return tabs, later, made, heard


def test_a_tab_is_made_when_first_opened_in_its_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    tabs, later, made, heard = _tabs(qtbot)
    assert made == [] and tabs.currentIndex() == 0
    tabs.setCurrentIndex(2)
    assert made == ["c"]
    view = tabs.currentWidget()
    assert isinstance(view, QLabel) and view.text() == "c"
    assert heard == [view, view]  # made, then shown: told once each, and of the view
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["A", "B", "C"]
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(2)
    assert made == ["c"] and tabs.currentWidget() is view is later.view("c")


def test_a_view_asked_for_is_made_without_changing_the_tab_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    tabs, later, made, heard = _tabs(qtbot)
    view = later.view("b")
    assert made == ["b"] and tabs.widget(1) is view and tabs.tabText(1) == "B"
    assert tabs.currentIndex() == 0 and heard == [view]  # made, not shown
    tabs.setCurrentWidget(view)
    assert tabs.currentWidget() is view and made == ["b"]


def test_the_window_makes_its_later_tabs_when_opened(qtbot, store, data_folder: Path,
                                                     tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo.load_demo(store)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = open_window(qtbot, store, data_folder, settings)
    assert window.later.views == {}  # the first screen is Today and the roster only
    window.engagements_tab_action.trigger()
    assert set(window.later.views) == {"engagements"}
    assert window.tabs.currentWidget() is window.engagements
    settle(qtbot, window.runner)
    assert window.engagements.model.rowCount() == len(engagements.list_rows(store))
    window.planner_tab_action.trigger()
    assert window.tabs.currentWidget() is window.planner
    assert window.planner.model.rowCount() > 0  # the demo's activities, read as it was made
    assert set(window.later.views) == {"engagements", "planner"}
    window.close()  # the Reports tab, never opened, is not made to be closed
    assert set(window.later.views) == {"engagements", "planner"}
