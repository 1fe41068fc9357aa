"""A stand-in catalogue that wraps every message it is asked for in «…», so a test sees which
text was looked up whole and what was filled in after (the ``marked`` fixture, conftest.py)."""

from __future__ import annotations

import gettext


class Marked(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return f"«{message}»"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"«{singular if n == 1 else plural}»"

    def pgettext(self, context: str, message: str) -> str:
        return f"«{message}»"
