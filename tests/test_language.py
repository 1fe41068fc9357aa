"""Which language Crewbook speaks: the environment, then the Settings choice, then the system,
then English; the choice is kept per computer user and made from Settings or the command line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.core import i18n
from desktop.core.validation import ValidationError
from desktop.operations import language as languages
from desktop.store.language_choice import preferences_file, saved_language
from desktop.ui import ask
from desktop.ui.language_dialog import LanguageDialog


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    for name in ("CREWBOOK_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch
    monkeypatch.setenv("CREWBOOK_LANGUAGE", "en")
    i18n.choose_language()  # the rest of the suite reads English


def test_the_first_language_crewbook_has_wins(clean_environment: pytest.MonkeyPatch) -> None:
    env = clean_environment
    assert i18n.choose_language() == "en"  # nothing asked: English
    env.setenv("LANG", "de_AT.UTF-8")
    assert i18n.choose_language() == "de"  # the system's
    assert i18n._("is required") != "is required"  # German from the catalogue
    assert i18n.choose_language("en") == "en"  # Settings over the system
    assert i18n._("is required") == "is required"
    env.setenv("LANGUAGE", "fr:de")  # French is not spoken: the next the system names
    assert i18n.choose_language() == "de"
    env.setenv("CREWBOOK_LANGUAGE", "en")  # one run's override over everything
    assert i18n.choose_language("de") == "en"
    env.setenv("CREWBOOK_LANGUAGE", "klingon")
    env.setenv("LANG", "C.UTF-8")
    env.delenv("LANGUAGE")
    assert i18n.choose_language("") == "en"


def test_the_choice_is_kept_for_this_user_and_checked() -> None:
    assert languages.chosen_language() == ""
    languages.choose_language("DE")
    assert saved_language() == "de" and preferences_file().exists()
    languages.choose_language("")
    assert saved_language() == ""
    with pytest.raises(ValidationError, match="not a language Crewbook speaks"):
        languages.choose_language("fr")
    preferences_file().write_text("{not json", encoding="utf-8")
    assert saved_language() == ""  # a damaged file is as none


def test_settings_language_saves_and_says_from_when(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    monkeypatch.setattr(ask, "inform", lambda _parent, message, _title="": told.append(message))
    dialog = LanguageDialog()
    qtbot.addWidget(dialog)
    assert dialog.combo.currentData() == ""  # the system's, named
    assert dialog.combo.currentText() == "As the system (English)"
    dialog.combo.setCurrentIndex(dialog.combo.findData("de"))
    dialog.accept()
    assert saved_language() == "de"
    assert told == ["Crewbook will speak the language you chose from its next start."]


def test_the_command_line_shows_and_sets_the_language(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("settings", "language") == (0, "Language: as the system (English)\n", "")
    code, out, _ = cli("settings", "language", "de")
    assert code == 0 and saved_language() == "de"
    assert out == "Language: Deutsch\nCrewbook will speak it from its next start.\n"
    code, _, err = cli("settings", "language", "fr")
    assert code == 2 and "“fr” is not a language Crewbook speaks (en, de)" in err
    assert saved_language() == "de"
    assert cli("settings", "language", "system")[0] == 0 and saved_language() == ""


def test_the_settings_menu_opens_the_language_setting(qtbot, store, data_folder, tmp_path,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSettings

    from desktop.ui.main_window import MainWindow

    window = MainWindow(store, data_folder,
                        QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Settings")
    assert window.language_action in menu.actions()
    shown: list[str] = []
    monkeypatch.setattr(LanguageDialog, "exec", lambda self: shown.append(self.combo.currentText()))
    window.language_action.trigger()
    assert shown == ["As the system (English)"]
    window.runner.wait()


def test_countries_and_currencies_are_named_in_the_language_spoken(
        clean_environment: pytest.MonkeyPatch) -> None:
    from desktop.core.reference import countries, currencies

    clean_environment.setenv("CREWBOOK_LANGUAGE", "de")
    i18n.choose_language()
    countries.cache_clear(), currencies.cache_clear()
    try:
        assert countries()["DE"] == "Deutschland" and countries()["US"] == "Vereinigte Staaten"
        assert currencies()["USD"] == "US-Dollar"
        names = list(countries().values())
        assert names.index("Ägypten") < names.index("Albanien")  # Ä sorts with the A's
    finally:
        countries.cache_clear(), currencies.cache_clear()
    clean_environment.setenv("CREWBOOK_LANGUAGE", "en")
    i18n.choose_language()
    assert countries()["KR"] == "South Korea" and currencies()["EUR"] == "Euro"
    countries.cache_clear(), currencies.cache_clear()


def test_a_mac_program_started_from_the_dock_reads_the_preferred_languages(
        clean_environment: pytest.MonkeyPatch) -> None:
    import subprocess

    calls: list[list[str]] = []

    def defaults(command: list[str], **_kw: object) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        return subprocess.CompletedProcess(command, 0, '(\n    "fr-FR",\n    "de-DE"\n)\n', "")

    clean_environment.setattr(i18n.sys, "platform", "darwin")
    clean_environment.setattr(subprocess, "run", defaults)
    assert i18n.system_languages() == ["fr-FR", "de-DE"]
    assert i18n.choose_language() == "de"  # no French: the next one wanted
    assert {tuple(c) for c in calls} == {("defaults", "read", "-g", "AppleLanguages")}
