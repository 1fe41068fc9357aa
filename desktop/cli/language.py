"""`crewbook settings language [CODE|system]`: the language Crewbook speaks on this computer."""

from __future__ import annotations

import argparse

from desktop.core.i18n import _
from desktop.operations import language as languages


def register(what: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    chooser = what.add_parser("language", help=_("the language Crewbook speaks on this "
                                                 "computer (from the next start)"))
    chooser.add_argument("code", nargs="?", metavar="CODE",
                         help=_("{codes}, or “system” to follow the system").format(
                             codes=", ".join(languages.LANGUAGES)))


def run(args: argparse.Namespace) -> int:
    if args.code:
        code = "" if args.code.strip().lower() == "system" else args.code
        languages.choose_language(code)
    chosen = languages.chosen_language()
    speaks = languages.LANGUAGES[chosen or languages.system_language()]
    if chosen:
        print(_("Language: {language}").format(language=speaks))
    else:
        print(_("Language: as the system ({language})").format(language=speaks))
    if (chosen or languages.system_language()) != languages.language():
        print(_("Crewbook will speak it from its next start."))
    return 0
