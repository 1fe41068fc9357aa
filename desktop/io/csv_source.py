"""Reading the CSV files people really have: decoding, delimiter, records with line numbers.

UTF-8 (with or without BOM) and UTF-16 with a BOM are certain. Other bytes were saved in a
legacy code page, which the file does not name: the guess weighs charset-normalizer's candidates
by how many words they break with symbols ("£ódŸ"), and on a tie prefers the code page Windows
uses for the business's language, then Windows-1252. The user may choose another. Anything that
is not text is refused whole.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.core.formats import number
from desktop.core.i18n import N_, _

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# What a spreadsheet, archive or picture starts with, and the refusal that names it.
_NOT_TEXT = (
    (b"PK\x03\x04", _("this is not a text file: it looks like a ZIP archive (an .xlsx workbook "
                      "is one)")),
    (b"%PDF", _("this is not a text file: it looks like a PDF document")),
    (b"\x89PNG", _("this is not a text file: it looks like a PNG image")),
    (b"\xff\xd8\xff", _("this is not a text file: it looks like a JPEG image")),
    (b"GIF8", _("this is not a text file: it looks like a GIF image")),
    (b"\xd0\xcf\x11\xe0", _("this is not a text file: it looks like an old Office document "
                              "(.xls)")))
DELIMITERS = (",", ";", "\t")


class Refused(ValueError):
    """The whole file cannot be read as a table; the message says why."""


@dataclass(frozen=True)
class Record:
    line: int  # the physical line the record starts on, counting from 1
    fields: tuple[str, ...]


def decode(data: bytes, encoding: str | None = None, prefer: str = "cp1252") -> tuple[str, str]:
    """The file's text and the encoding it was read with. The BOM never reaches the text.

    ``encoding``: the one the user chose, else a guess; ``prefer``: the code page to take when
    the guess is a tie (see legacy_code_page)."""
    if encoding:
        return _chosen(data, encoding)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise Refused(_("the file starts like Unicode text but is not valid")) from None
            return _checked(text.lstrip("\ufeff")), encoding
    for magic, refusal in _NOT_TEXT:
        if data.startswith(magic):
            raise Refused(refusal)
    if b"\x00" in data[:4096]:
        raise Refused(_("this is not a text file (it contains binary data)"))
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        encoding = guess_encoding(data, prefer)
        return _checked(data.decode(encoding)), encoding


def _python_name(encoding: str) -> str:
    """The one name Python gives an encoding of many aliases ("windows-1250" is "cp1250")."""
    return codecs.lookup(encoding).name


def _chosen(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        encoding = _python_name(encoding)
    except LookupError:
        raise Refused(_("“{encoding}” is not an encoding Crewbook knows").format(
            encoding=encoding)) from None
    try:  # a UTF-8 BOM read as UTF-8 is U+FEFF; UTF-16 takes its own
        return _checked(data.decode(encoding).lstrip("\ufeff")), encoding
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        name = ENCODINGS.get(encoding, encoding)
        raise Refused(_("line {line} is not {encoding} text; choose another encoding").format(
            line=line, encoding=name)) from None


# The legacy code pages a contact file is saved in, by the name a person knows them by:
# in English for the summary scripts read (`crewbook import --json`), translated for people.
ENGLISH_ENCODINGS = {
    "utf-8": "UTF-8", "utf-8-sig": N_("UTF-8 with BOM"), "utf-16": "UTF-16",
    "cp1252": N_("Western European (Windows-1252)"),
    "cp1250": N_("Central European (Windows-1250)"),
    "cp1251": N_("Cyrillic (Windows-1251)"), "cp1253": N_("Greek (Windows-1253)"),
    "cp1254": N_("Turkish (Windows-1254)"), "cp1255": N_("Hebrew (Windows-1255)"),
    "cp1256": N_("Arabic (Windows-1256)"), "cp1257": N_("Baltic (Windows-1257)"),
    "cp1258": N_("Vietnamese (Windows-1258)"), "cp874": N_("Thai (Windows-874)"),
    "cp932": N_("Japanese (Shift JIS)"), "gb18030": N_("Chinese Simplified (GB18030)"),
    "big5": N_("Chinese Traditional (Big5)"), "cp949": N_("Korean (Windows-949)"),
    "koi8-r": N_("Cyrillic (KOI8-R)"), "mac-roman": N_("Western (Mac OS Roman)"),
    "iso8859-1": N_("Latin-1 (ISO 8859-1)"),
}
ENCODINGS = {code: _(name) for code, name in ENGLISH_ENCODINGS.items()}
_GUESSED = tuple(e for e in ENCODINGS if not e.startswith("utf") and e != "iso8859-1")


def legacy_code_page(locale: str) -> str:
    """The code page Windows saves "CSV" in for a language (its ANSI code page)."""
    language, _sep, region = locale.replace("-", "_").partition("_")
    if language == "zh":
        return "big5" if region.upper() in ("TW", "HK", "MO") else "gb18030"
    return _ANSI_CODE_PAGES.get(language.lower(), "cp1252")


# Microsoft's ANSI code page per language (National Language Support reference), for the
# languages that do not use Windows-1252.
_ANSI_CODE_PAGES = {
    **dict.fromkeys(("pl", "cs", "sk", "hu", "sl", "hr", "bs", "sq", "ro"), "cp1250"),
    **dict.fromkeys(("ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "mn", "tt"), "cp1251"),
    "el": "cp1253", "tr": "cp1254", "az": "cp1254", "he": "cp1255",
    **dict.fromkeys(("ar", "fa", "ur"), "cp1256"),
    **dict.fromkeys(("et", "lv", "lt"), "cp1257"),
    "vi": "cp1258", "th": "cp874", "ja": "cp932", "ko": "cp949",
}


def guess_encoding(data: bytes, prefer: str = "cp1252") -> str:
    from charset_normalizer import from_bytes

    sample = data[:200_000]
    coherence: dict[str, float] = {}  # how much the text reads as some language, 0–100
    for match in from_bytes(sample, cp_isolation=list(_GUESSED)):
        # Code pages that read these bytes as the same text are the same candidate.
        for name in map(_python_name, (match.encoding, *match.could_be_from_charset)):
            if name in _GUESSED:
                coherence.setdefault(name, match.percent_coherence)
    best = max(coherence.values(), default=0.0)
    scored = []
    for order, (name, reads) in enumerate(coherence.items()):
        try:
            text = sample.decode(name, errors="strict")
        except UnicodeDecodeError:  # the sample may end inside a character
            text = sample.decode(name, errors="ignore")
        scored.append((_broken_words(text), reads < best - _CLEARLY_LESS, name != prefer,
                       name != "cp1252", order, name))
    if not scored:
        try:  # five byte values are unused in Windows-1252; Latin-1 reads them as Windows does
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return "iso8859-1"
    return min(scored)[-1]


_CLEARLY_LESS = 5.0  # points of coherence; smaller differences are noise in a short file


def _broken_words(text: str) -> int:
    """Symbols touching letters: what text read in the wrong code page is full of ("£ódŸ",
    "¯ó³æ"). A price ("£40") or a degree sign after a number does not count."""
    odd = {i for i, c in enumerate(text) if unicodedata.category(c) in _ODD}
    return sum(1 for i in odd
               if (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha()))


_ODD = frozenset(("Sc", "Sk", "Sm", "So", "No"))
def _checked(text: str) -> str:
    if not text.strip():
        raise Refused(_("the file is empty"))
    if "\x00" in text:
        raise Refused(_("this is not a text file (it contains binary data)"))
    return text


def sniff_delimiter(text: str, sample_lines: int = 30) -> str:
    """Comma, semicolon or TAB: the one that splits the first lines most consistently."""
    lines = [line for line in text.splitlines() if line.strip()][:sample_lines]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [_width(line, delimiter) for line in lines]
        widths = [c for c in counts if c > 1]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common), common)  # how many lines agree, then how wide
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _width(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter)))
    except csv.Error:  # a field past the csv module's limit; records() refuses the file
        return 0


def records(text: str, delimiter: str) -> Iterator[Record]:
    """Every record with the line it starts on; quoted fields may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    line = 1
    try:
        for fields in reader:
            yield Record(line, tuple(fields))
            line = reader.line_num + 1
    except csv.Error as exc:
        # The csv module's limit is left as it is (it is process-wide): no contact detail
        # comes near it, and a field that long is most often a quotation mark left open that
        # swallows the lines below it, which one rejected row would hide.
        if str(exc).startswith("field larger than field limit"):
            raise Refused(_("line {line}: a field is longer than {limit} characters, far more "
                            "than any contact detail (is a quotation mark left open?)").format(
                line=line, limit=number(csv.field_size_limit()))) from None
        raise Refused(_("line {line}: {problem}").format(line=reader.line_num,
                                                         problem=exc)) from None


def is_blank(record: Record) -> bool:
    return all(not field.strip() for field in record.fields)
