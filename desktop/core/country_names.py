"""A country written in any language ("Deutschland", "Espanha", "日本", "USA") to its ISO
3166-1 alpha-2 code, from the territory names of the Unicode CLDR that Babel ships."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from desktop.core.reference import countries, is_country

__all__ = ["country_code"]

_NOISE = re.compile(r"[\s.'’()\-]+")


def _key(name: str) -> str:
    """Case, accents, dots and spaces do not tell countries apart: "U.S.A." is "usa", "España"
    is "espana"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return _NOISE.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _add(names: dict[str, str | None], name: str, code: str) -> None:
    key = _key(name)
    if key and names.setdefault(key, code) != code:
        names[key] = None  # a name two countries share ("Kongo") says neither


@cache
def _english() -> dict[str, str | None]:
    """English and ISO names: what most files hold, loaded without reading every language."""
    import pycountry
    from babel import Locale

    names: dict[str, str | None] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name", "alpha_3"):
            if value := getattr(country, attr, None):
                _add(names, value, country.alpha_2)
    for code, name in Locale.parse("en").territories.items():
        if is_country(code):
            _add(names, name, code)
    return names


@cache
def _every_language() -> dict[str, str | None]:
    from babel import Locale, localedata

    names: dict[str, str | None] = {}
    for identifier in localedata.locale_identifiers():
        if "_" in identifier:  # regional variants repeat their language's names
            continue
        for code, name in Locale.parse(identifier).territories.items():
            if is_country(code):
                _add(names, name, code)
    return names


@lru_cache(maxsize=1024)
def country_code(text: str) -> str | None:
    """The code for ``text``, or None when no language names a single country so."""
    value = text.strip()
    if len(value) == 2 and is_country(value):
        return value.upper()
    key = _key(value)
    if not key:
        return None
    countries()  # warms pycountry once
    english = _english()
    if key in english:
        return english[key]
    return _every_language().get(key)
