"""ISO reference data: countries (3166-1), currencies (4217) and time zones."""

from __future__ import annotations

import zoneinfo
from functools import cache


@cache
def countries() -> dict[str, str]:
    """Alpha-2 code → the country's name in the language Crewbook speaks (CLDR's, through
    Babel; ISO's English name for a code CLDR does not name), sorted by that name."""
    import pycountry  # loaded on first use: it is not needed to open the window

    from desktop.core.collation import name_key

    names = _cldr_names("territories")
    pairs = ((c.alpha_2, names.get(c.alpha_2) or getattr(c, "common_name", c.name))
             for c in pycountry.countries)
    return dict(sorted(pairs, key=lambda p: name_key(p[1])))


def _cldr_names(kind: str) -> dict[str, str]:
    from babel import Locale

    from desktop.core.i18n import language

    return getattr(Locale.parse(language()), kind)


_NOT_MONEY = {"XAU", "XAG", "XPD", "XPT", "XTS", "XXX", "XBA", "XBB", "XBC", "XBD", "XDR",
              "XSU", "XUA"}  # funds, metals and test codes


@cache
def currencies() -> dict[str, str]:
    """ISO 4217 code → name, sorted by code; funds and metals left out."""
    import pycountry

    names = _cldr_names("currencies")
    pairs = ((c.alpha_3, names.get(c.alpha_3) or c.name)
             for c in pycountry.currencies if c.alpha_3 not in _NOT_MONEY)
    return dict(sorted(pairs))


@cache
def _codes(kind: str) -> frozenset[str]:
    """The codes alone: checking one needs no names in any language, so it costs no CLDR load."""
    import pycountry

    if kind == "countries":
        return frozenset(c.alpha_2 for c in pycountry.countries)
    return frozenset(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in _NOT_MONEY)


@cache
def timezones() -> tuple[str, ...]:
    return tuple(sorted(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC"))


def is_country(code: str) -> bool:
    return code.upper() in _codes("countries")


def is_currency(code: str) -> bool:
    return code.upper() in _codes("currencies")


def is_timezone(name: str) -> bool:
    return name in timezones()


def country_name(code: str) -> str:
    return countries().get(code.upper(), code)


# Offered first when a typed text matches many: the currencies small businesses pay in most.
COMMON_CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "SEK", "NOK",
                     "DKK", "PLN", "INR", "BRL", "MXN")


def ranked_matches(typed: str, items: dict[str, str], common: tuple[str, ...] = ()) -> list[str]:
    """The codes whose code or name contains ``typed``, best first: the exact code, then the
    common ones in their order, then codes starting with it, then the rest by code."""
    needle = typed.strip().casefold()
    if not needle:
        return []
    found = [code for code, name in items.items()
             if needle in code.casefold() or needle in name.casefold()]
    order = {code: i for i, code in enumerate(common)}

    def rank(code: str) -> tuple[int, int, str]:
        if code.casefold() == needle:
            return (0, 0, code)
        if code in order:
            return (1, order[code], code)
        return (2 if code.casefold().startswith(needle) else 3, 0, code)

    return sorted(found, key=rank)
