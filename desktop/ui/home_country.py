"""The business's country as views need it (phone numbers read and shown from there), read off
the UI thread and again whenever the settings change."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.store.profile import ProfileRecord, get_profile
from desktop.ui.follow import Follow
from desktop.ui.runner import Runner


class HomeCountry(QObject):
    changed = Signal(str)  # the ISO alpha-2 code, "" while none is set

    def __init__(self, runner: Runner, view: QWidget):
        super().__init__(view)
        self.runner = runner
        self.country = ""
        self._follow = Follow(runner, lambda c: c.touches("settings"), lambda _c: self.read(),
                              view)
        self.read()

    def read(self) -> None:
        self.runner.read(get_profile, self.runner.store, done=self._read,
                         key=f"home-country-{id(self)}")

    def _read(self, record: ProfileRecord) -> None:
        if record.profile.country != self.country:
            self.country = record.profile.country
            self.changed.emit(self.country)
