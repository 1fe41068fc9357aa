"""The import wizard says which encoding it guessed, shows the text read so, and re-reads the
file in the encoding the person chooses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from desktop.core.profile import ProfileData
from desktop.store.db import Store
from desktop.store.profile import save_profile
from desktop.ui.import_wizard import ImportWizard
from desktop.ui.runner import Runner
from tests.threads import dialog_runner

CZECH = "Jméno,E-mail\r\nJiří Dvořák,jiri@example.cz\r\nŠárka Nováková,sarka@example.cz\r\n"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def runner(store: Store) -> Iterator[Runner]:
    made = dialog_runner(store)
    yield made
    made.wait(10_000)


def read(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not wizard.file_page.task.running, timeout=10_000)


def opened(qtbot, runner: Runner, settings: QSettings, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(runner, settings, path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    read(qtbot, wizard)
    return wizard


def choose(qtbot, wizard: ImportWizard, encoding: str) -> None:  # type: ignore[no-untyped-def]
    combo = wizard.file_page.encoding_combo
    combo.setCurrentIndex(combo.findData(encoding))
    combo.activated.emit(combo.currentIndex())
    read(qtbot, wizard)


def test_a_wrong_guess_is_put_right_by_choosing_the_encoding(qtbot, store: Store, runner: Runner,  # type: ignore[no-untyped-def]
                                                            settings: QSettings,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "kontakty.csv"
    path.write_bytes(CZECH.encode("cp1250"))
    wizard = opened(qtbot, runner, settings, path)
    page = wizard.file_page
    # Czech in Windows-1250 also reads as letters in Windows-1252, the guess on a tie
    assert page.encoding_combo.currentData() == "cp1252"
    assert page.encoding_hint.text().startswith("guessed")
    assert "Jiøí Dvoøák" in page.sample.toPlainText()

    choose(qtbot, wizard, "cp1250")
    assert wizard.table is not None and wizard.table.encoding == "cp1250"
    assert "Jiří Dvořák" in page.sample.toPlainText()
    assert page.encoding_hint.text() == ""  # chosen, no longer a guess
    assert wizard.table.records[1].fields[0] == "Jiří Dvořák"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    choose(qtbot, wizard, "utf-8")  # does not fit: said, and nothing to go on with
    assert wizard.table is None
    assert "line 1 is not UTF-8 text" in page.error.text()  # “Jméno”
    assert page.encoding_combo.isVisible() and page.sample.toPlainText() == ""
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    choose(qtbot, wizard, "cp1250")
    assert wizard.table is not None and not page.error.isVisible()


def test_the_business_language_decides_a_tie(qtbot, store: Store, runner: Runner,  # type: ignore[no-untyped-def]
                                             settings: QSettings, tmp_path: Path) -> None:
    save_profile(store, ProfileData(locale="cs_CZ"), 0)
    path = tmp_path / "kontakty.csv"
    path.write_bytes(CZECH.encode("cp1250"))
    wizard = opened(qtbot, runner, settings, path)
    assert wizard.table is not None and wizard.table.encoding == "cp1250"
    assert wizard.table.records[2].fields[0] == "Šárka Nováková"
