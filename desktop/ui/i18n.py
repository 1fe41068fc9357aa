"""The window's language: Qt translations (resources/translations/crewbook_<lang>.qm, made from
the .ts sources with pyside6-lrelease), in the language desktop.core.i18n chose for the process.

Every visible string of the window goes through ``tr`` (placeholders are filled with
``.format`` after translation) or, where it is defined before the translator is installed, is
marked with ``QT_TR_NOOP`` and passed through ``tr`` where it is shown. All messages share one
context, so a text reads the same everywhere; ``disambiguation`` tells two meanings apart.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop.core import i18n

__all__ = ["QT_TR_NOOP", "install_translators", "tr", "translations_dir"]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language; with ``n``, the form for that number ("%n" in the
    text stands for it)."""
    return QCoreApplication.translate("", text, disambiguation, n)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    return text


def translations_dir() -> Path:
    return Path(str(resources.files("desktop.resources") / "translations"))


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Crewbook's messages and Qt's own (standard buttons, dialogs) in the chosen language;
    English plural forms come from crewbook_en.qm. Returns the translators, which must live as
    long as the application."""
    if app.property("crewbookTranslated"):  # one set per application, however often asked
        return []
    app.setProperty("crewbookTranslated", True)
    language = i18n.language()
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"crewbook_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    if language != i18n.SOURCE:
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", folder):
            app.installTranslator(qt)
            installed.append(qt)
    return installed
