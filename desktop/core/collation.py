"""One order for names everywhere: a byte string per text that sorts like the Unicode Collation
Algorithm's root order (CLDR root, punctuation not ignored), so the database and Python agree.

The key is compared as plain bytes: SQLite compares BLOBs with memcmp and PostgreSQL compares
bytea the same way, whatever the server's locale, and so does ``sorted()`` on ``bytes``. The
store keeps ``name_key(display_name)`` (and the same for company and email) with each row.

Layout, levels separated by a 0x00 byte lower than any weight::

    primary 00 secondary 00 tertiary [00 identical]

- **primary**: the letters without their accents, case-folded, with ß → ss, æ → ae, œ → oe,
  þ → th, ø → o, ł → l, đ → d (and a few more, see ``_LETTERS``). Whitespace, then punctuation,
  then symbols sort before digits, digits before letters; Latin before Greek before Cyrillic
  and the other scripts, which follow in code-point order (so Han comes after them all).
- **secondary**: one common weight per primary letter, each followed by its accents (acute
  before grave before breve before circumflex …, as in the root order); trailing commons are
  dropped, which keeps the order and makes unaccented names' secondary level empty.
- **tertiary**: case and variants per primary letter, lower < lower variant (ß, æ, ligatures,
  full-width forms) < upper < upper variant; trailing lowers dropped.
- **identical**: the text itself (UTF-8, with bytes 00 and 01 escaped), added unless the text
  is printable ASCII, where the first three levels already tell any two strings apart. So two
  keys are equal only when the texts are.

So "Strasse" < "Straße" (tertiary), "émile" < "Étienne" (primary m < t), "Zoe" < "Zoë"
(secondary), "ann" < "Anna" (primary), and "Ølsen" sorts with the O's.

This is an approximation of the root order, not a full UCA implementation: contractions,
script-specific tailorings and the exact DUCET weights of rare characters are not modelled.
Decompositions and categories come from Python's unicodedata, so a newer Python may weigh a
newly assigned character differently; the store and the table both sort by the stored keys,
so they still agree.
Changing the order changes every stored key: that needs an Alembic revision that recomputes
them with a frozen copy of the new rules (revisions import no app code; 0004 holds the copy
these keys were first made with).
"""

from __future__ import annotations

import unicodedata

__all__ = ["name_key"]

# --- primary weights ------------------------------------------------------------------------
# Printable ASCII that is not a letter or digit, in root order (whitespace, punctuation,
# symbols, currency), with a slot after each group for the characters outside ASCII.
_SPACE = " "
_PUNCTUATION = "_-,;:!?.'\"()[]{}@*/\\&#%"
_SYMBOLS = "`^+<=>|~"
_CURRENCY = "$"
_VARIABLE: dict[str, str] = {}
_weight = 1
for _group in (_SPACE, _PUNCTUATION, _SYMBOLS, _CURRENCY):
    for _ch in _group:
        _VARIABLE[_ch] = chr(_weight)
        _weight += 1
    _VARIABLE[f"other {_group}"] = chr(_weight)  # the group's other characters
    _weight += 1
assert _weight < ord("0")  # noqa: S101 - every variable weight sorts before the digits
_OTHER_SPACE = _VARIABLE.pop(f"other {_SPACE}")
_OTHER_PUNCTUATION = _VARIABLE.pop(f"other {_PUNCTUATION}")
_OTHER_SYMBOL = _VARIABLE.pop(f"other {_SYMBOLS}")
_OTHER_CURRENCY = _VARIABLE.pop(f"other {_CURRENCY}")
del _group, _ch, _weight

# Punctuation that is the same mark as an ASCII one for sorting ("O’Brien" with "O'Brien").
_PUNCTUATION_ALIASES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
}

# --- secondary weights ----------------------------------------------------------------------
_COMMON = "\x01"  # a letter's own secondary (and tertiary) weight: the lowest
# Combining marks in root order; marks not listed follow them by code point.
_MARK_ORDER = [
    "\u0301",  # acute
    "\u0300",  # grave
    "\u0306",  # breve
    "\u0302",  # circumflex
    "\u030c",  # caron
    "\u030a",  # ring above
    "\u0308",  # diaeresis
    "\u030b",  # double acute
    "\u0303",  # tilde
    "\u0307",  # dot above
    "stroke",  # ø ł đ ħ ŧ: the letter with a stroke through it
    "\u0327",  # cedilla
    "\u0328",  # ogonek
    "\u0304",  # macron
    "\u0326",  # comma below
    "\u0323",  # dot below
    "\u0331",  # macron below
    "\u0309",  # hook above
    "\u031b",  # horn
    "variant",  # ð ı ŋ ĸ: a letter of its own in some alphabets, a variant of one here
]
_MARKS = {mark: chr(2 + i) for i, mark in enumerate(_MARK_ORDER)}
_STROKE, _VARIANT = _MARKS.pop("stroke"), _MARKS.pop("variant")

# Letters that sort as other letters: (primary letters, secondary mark or "").
_LETTERS: dict[str, tuple[str, str]] = {
    "æ": ("ae", ""), "œ": ("oe", ""), "þ": ("th", ""),
    "ø": ("o", _STROKE), "ł": ("l", _STROKE), "đ": ("d", _STROKE), "ħ": ("h", _STROKE),
    "ŧ": ("t", _STROKE), "ƀ": ("b", _STROKE), "ɨ": ("i", _STROKE), "ƶ": ("z", _STROKE),
    "ǥ": ("g", _STROKE),
    "ð": ("d", _VARIANT), "ı": ("i", _VARIANT), "ŋ": ("n", _VARIANT), "ĸ": ("q", _VARIANT),
}

# --- tertiary weights -----------------------------------------------------------------------
_LOWER, _LOWER_VARIANT, _UPPER, _UPPER_VARIANT = "\x01", "\x02", "\x03", "\x04"

# --- printable ASCII, the common case: two bytes.translate calls --------------------------
_ASCII_PRIMARY = bytes(
    ord(_VARIABLE.get(chr(b), chr(b).lower())) if 0x20 <= b < 0x7F else b for b in range(256))
_ASCII_TERTIARY = bytes(
    ord(_UPPER) if chr(b).isupper() and b < 0x80 else ord(_LOWER) for b in range(256))
_LEVELS_ASCII = b"\x00\x00"  # primary, then an empty secondary, then tertiary


def name_key(text: str) -> bytes:
    """The sort key of ``text``: compare keys as bytes to compare texts in root order."""
    if text.isascii() and text.isprintable():
        raw = text.encode("ascii")
        return (raw.translate(_ASCII_PRIMARY) + _LEVELS_ASCII
                + raw.translate(_ASCII_TERTIARY).rstrip(b"\x01"))
    primary, secondary, tertiary = _levels(text)
    return b"\x00".join((primary.encode("utf-8", "surrogatepass"),
                         secondary.encode("utf-8", "surrogatepass"),
                         tertiary.encode("ascii"), _identical(text)))


def _levels(text: str) -> tuple[str, str, str]:
    """Primary, secondary and tertiary weights as strings of code points (each encodes to
    UTF-8 in the same order, without a zero byte)."""
    if not _KNOWN.issuperset(text):
        for ch in set(text) - _KNOWN:
            _learn(ch)
    return (text.translate(_PRIMARY), text.translate(_SECONDARY).rstrip(_COMMON),
            text.translate(_TERTIARY).rstrip(_LOWER))


def _identical(text: str) -> bytes:
    """The text itself, escaped so it holds no 00 byte and keeps code-point order."""
    raw = text.encode("utf-8", "surrogatepass")
    if b"\x00" in raw or b"\x01" in raw:
        raw = raw.replace(b"\x01", b"\x01\x02").replace(b"\x00", b"\x01\x01")
    return raw


# Each character's weights once worked out, as str.translate tables (a name is then three
# translate calls); a text with characters not seen before works them out first.
_KNOWN: set[str] = set()
_PRIMARY: dict[int, str] = {}
_SECONDARY: dict[int, str] = {}
_TERTIARY: dict[int, str] = {}


def _learn(ch: str) -> None:
    _PRIMARY[ord(ch)], _SECONDARY[ord(ch)], _TERTIARY[ord(ch)] = _char_weights(ch)
    _KNOWN.add(ch)


def _char_weights(ch: str) -> tuple[str, str, str]:
    """One character's weights: every primary letter it stands for with its secondary and
    tertiary weight (a combining mark has only a secondary weight, added to the letter before)."""
    compatible = unicodedata.normalize("NFKD", ch)
    variant_form = compatible != unicodedata.normalize("NFD", ch)  # ligature, full-width, ...
    primary, secondary, tertiary = [], [], []
    for part in compatible:
        if _is_mark(part):
            secondary.append(_mark(part))
            continue
        if part.isspace():
            primary.append(_VARIABLE[" "] if part == " " else _OTHER_SPACE)
            secondary.append(_COMMON)
            tertiary.append(_LOWER if part == " " and not variant_form else _LOWER_VARIANT)
            continue
        category = unicodedata.category(part)
        if category in ("Cc", "Cf"):
            continue  # ignorable: only the identical level sees it
        upper = category in ("Lu", "Lt")
        folded = unicodedata.normalize("NFKD", part.casefold())
        slots: list[tuple[str, list[str]]] = []  # (primary weight, its secondary weights)
        for letter in folded:
            if _is_mark(letter):
                (slots[-1][1] if slots else secondary).append(_mark(letter))
                continue
            letters, mark = _LETTERS.get(letter, (letter, ""))
            for one in letters:
                slots.append((_primary(one), [_COMMON]))
            if mark:
                slots[-1][1].append(mark)
        # ß, æ, ﬁ, ς, full-width forms: a variant of the letters they sort as.
        variant = variant_form or len(slots) > 1 or (not upper and folded != part)
        case = (_UPPER_VARIANT if variant else _UPPER) if upper else (
            _LOWER_VARIANT if variant else _LOWER)
        for weight, marks in slots:
            primary.append(weight)
            secondary.extend(marks)
            tertiary.append(case)
    return "".join(primary), "".join(secondary), "".join(tertiary)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


def _mark(ch: str) -> str:
    return _MARKS.get(ch, ch)  # unlisted marks: their own code point, after every listed one


def _primary(letter: str) -> str:
    if letter in _VARIABLE:
        return _VARIABLE[letter]
    if letter.isascii():
        return letter  # digits and (already folded) letters keep their code points
    if letter in _PUNCTUATION_ALIASES:
        return _VARIABLE[_PUNCTUATION_ALIASES[letter]]
    category = unicodedata.category(letter)
    if category == "Nd":
        return str(unicodedata.decimal(letter))  # any script's digits sort as 0-9
    if category[0] == "Z":
        return _OTHER_SPACE
    if category[0] == "P":
        return _OTHER_PUNCTUATION
    if category == "Sc":
        return _OTHER_CURRENCY
    if category[0] == "S":
        return _OTHER_SYMBOL
    return letter
