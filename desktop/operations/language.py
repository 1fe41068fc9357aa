"""The language Crewbook speaks on this computer: chosen in Settings or on the command line,
in effect from the next start (messages are translated as the program loads)."""

from __future__ import annotations

from desktop.core.i18n import LANGUAGES, SOURCE, _, language, supported, system_languages
from desktop.core.validation import FieldError, ValidationError
from desktop.store.language_choice import save_language, saved_language

__all__ = ["LANGUAGES", "chosen_language", "choose_language", "language", "system_language"]


def chosen_language() -> str:
    """The code saved in Settings, "" when Crewbook follows the system."""
    return saved_language()


def system_language() -> str:
    """The language the system asks for, when Crewbook has it; else English."""
    return next((code for wanted in system_languages() if (code := supported(wanted))), SOURCE)


def choose_language(code: str) -> None:
    """Save ``code`` (a key of LANGUAGES, or "" for the system's)."""
    code = code.strip().lower()
    if code and code not in LANGUAGES:
        raise ValidationError([FieldError("language", _(
            "“{code}” is not a language Crewbook speaks ({known})").format(
                code=code, known=", ".join(LANGUAGES)))])
    try:
        save_language(code)
    except OSError as exc:
        raise ValidationError([FieldError("language", _(
            "cannot be saved: {reason}").format(reason=exc.strerror or exc))]) from None
