"""The command line's own framework text ("usage:", "options", "show this help message and
exit", its error messages) in the language Crewbook speaks. argparse looks these up through
the module-level gettext functions it imported; pointing them at Crewbook's catalogue is the
hook the standard library leaves for it."""

from __future__ import annotations

import argparse

from desktop.core import i18n
from desktop.core.i18n import N_

# argparse's messages a person meets (its programming errors are left out).
MESSAGES = (
    N_("usage: "), N_("options"), N_("positional arguments"),
    N_("show this help message and exit"), N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"), N_("expected at most one argument"),
    N_("expected at least one argument"), N_("ignored explicit argument %r"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("not allowed with argument %s"), N_("one of the arguments %s is required"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def speak() -> None:
    """Make argparse's text follow i18n's language (English stays as argparse writes it)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
