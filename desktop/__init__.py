"""Crewbook: a contractor relationship manager for small businesses."""

__version__ = "0.1.0"
APP_NAME = "Crewbook"
# The desktop id: names the .desktop entry, the AppStream component and the installed icon.
APP_ID = "app.crewbook.Crewbook"


def _speak() -> None:
    # Before any module defines its messages: they are translated where they are defined.
    from desktop.core.i18n import choose_language
    from desktop.store.language_choice import saved_language

    choose_language(saved_language())


_speak()
