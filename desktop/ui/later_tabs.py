"""Tabs whose views are made when first needed: when the tab is first shown, or the view first
asked for. A tab that is not on the first screen keeps its modules, widgets and first reads
off the way to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget


class _StandIn(QWidget):
    """A tab's place until its view is made."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class LaterTabs(QObject):
    """``add`` a tab for each of ``makers``; ``view(name)`` gives its view, made then if need
    be. Connect this before anything else to ``tabs.currentChanged``: a tab opened is then
    already its view when the others hear of it."""

    made = Signal(str)  # a tab's view was made and is in its place

    def __init__(self, tabs: QTabWidget, makers: dict[str, Callable[[], QWidget]]) -> None:
        super().__init__(tabs)
        self.tabs, self.makers = tabs, makers
        self.views: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._opened)

    def add(self, name: str, title: str) -> None:
        self.tabs.addTab(_StandIn(name), title)

    def view(self, name: str) -> QWidget:
        """The view of tab ``name``, in the tab's place; the tab shown stays the one shown."""
        view = self.views.get(name)
        if view is not None:
            return view
        view = self.views[name] = self.makers[name]()
        index, stand_in = next((i, w) for i in range(self.tabs.count())
                               if isinstance(w := self.tabs.widget(i), _StandIn)
                               and w.name == name)
        shown = self.tabs.currentIndex() == index
        was_blocked = self.tabs.blockSignals(True)  # the same tab is shown: nothing to tell
        try:
            self.tabs.insertTab(index, view, self.tabs.tabText(index))
            if shown:
                self.tabs.setCurrentIndex(index)
            self.tabs.removeTab(index + 1)
        finally:
            self.tabs.blockSignals(was_blocked)
        stand_in.deleteLater()
        self.made.emit(name)
        return view

    def _opened(self, index: int) -> None:
        stand_in = self.tabs.widget(index)
        if isinstance(stand_in, _StandIn):
            self.view(stand_in.name)
