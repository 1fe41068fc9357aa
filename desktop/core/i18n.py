"""The language Crewbook speaks outside the window: messages of the rules, the store, the
command line and the PDF reports, from gettext catalogues (resources/locale/<lang>/LC_MESSAGES).

The language is chosen once, when the process starts (desktop/__init__.py): the
CREWBOOK_LANGUAGE variable, else the person's choice in Settings, else the system's, else
English. Module constants may therefore be translated where they are defined. The window's own
text is Qt's (desktop/ui/i18n.py) and follows the same choice.
"""

from __future__ import annotations

import gettext
import os
import sys
from importlib import resources
from pathlib import Path

__all__ = ["LANGUAGES", "N_", "_", "choose_language", "in_sentence", "language", "ngettext",
           "npgettext", "pgettext", "supported", "system_languages"]

DOMAIN = "crewbook"
ENV_VAR = "CREWBOOK_LANGUAGE"
# The languages Crewbook ships, by code, in their own name.
LANGUAGES = {"en": "English", "de": "Deutsch"}
SOURCE = "en"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """For a word that reads differently by where it stands ("Open" a file, "Open" status)."""
    return _translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translations.npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Marks text for the catalogue that is translated later, where it is shown."""
    return message


# Languages that keep a word's capitals inside a sentence (German nouns).
_KEEP_CAPITALS = frozenset({"de"})


def in_sentence(label: str) -> str:
    """A label ("Signed", "Personal data") as a word inside a sentence."""
    return label if _language in _KEEP_CAPITALS else label.lower()


def language() -> str:
    """The language in use: a key of LANGUAGES."""
    return _language


def locale_dir() -> Path:
    return Path(str(resources.files("desktop.resources") / "locale"))


def choose_language(saved: str = "") -> str:
    """Speak the first of: $CREWBOOK_LANGUAGE, ``saved`` (the Settings choice, "" for the
    system's), the system's language; English when Crewbook has none of them."""
    global _translations, _language
    for wanted in (os.environ.get(ENV_VAR, ""), saved, *system_languages()):
        code = supported(wanted)
        if code:
            break
    else:
        code = SOURCE
    _language = code
    _translations = gettext.NullTranslations()
    if code != SOURCE:
        try:
            _translations = gettext.translation(DOMAIN, locale_dir(), [code])
        except OSError:  # a catalogue missing from a broken install: English, not a crash
            _language = SOURCE
    return _language


def supported(wanted: str) -> str:
    """The code of the language Crewbook speaks that ``wanted`` ("de_AT.UTF-8", "de-DE") asks
    for, "" when it speaks none such."""
    code = wanted.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else ""


def system_languages() -> list[str]:
    """The languages the system asks for, most wanted first: the POSIX variables, else the
    desktop's own setting (Windows' display language, macOS's preferred languages), which is
    all a program started from the Start menu or the Dock gets."""
    found: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            found.extend(part for part in value.split(":") if part)
            if name != "LANGUAGE":
                break
    if not found and sys.platform == "win32":
        found.extend(_windows_languages())
    elif not found and sys.platform == "darwin":
        found.extend(_mac_languages())
    return found


def _windows_languages() -> list[str]:
    import ctypes
    import locale

    language_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    code = locale.windows_locale.get(language_id)
    return [code] if code else []


def _mac_languages() -> list[str]:
    """AppleLanguages, e.g. ("de-DE", "en-US"), read with the system's `defaults` tool."""
    import subprocess

    try:
        listed = subprocess.run(["defaults", "read", "-g", "AppleLanguages"], timeout=5,
                                capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [part.strip().strip('"') for part in listed.strip("()\n ").split(",")
            if part.strip().strip('"')]
