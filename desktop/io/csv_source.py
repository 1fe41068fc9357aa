"""Reading the CSV files people really have: decoding, delimiter, records with line numbers.

The rules are deliberate rather than guessed: UTF-8 (with or without BOM), UTF-16 with a BOM,
and Windows-1252 when the bytes are not UTF-8. Anything that is not text is refused whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# What a spreadsheet, archive or picture starts with, named for the refusal message.
_NOT_TEXT = ((b"PK\x03\x04", "a ZIP archive (an .xlsx workbook is one)"),
             (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"),
             (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
             (b"\xd0\xcf\x11\xe0", "an old Office document (.xls)"))
DELIMITERS = (",", ";", "\t")


class Refused(ValueError):
    """The whole file cannot be read as a table; the message says why."""


@dataclass(frozen=True)
class Record:
    line: int  # the physical line the record starts on, counting from 1
    fields: tuple[str, ...]


def decode(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was read with. The BOM never reaches the text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise Refused("the file starts like Unicode text but is not valid") from None
            return _checked(text.lstrip("\ufeff")), encoding
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise Refused(f"this is not a text file: it looks like {what}")
    if b"\x00" in data[:4096]:
        raise Refused("this is not a text file (it contains binary data)")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        # Excel in Western European locales saves Windows-1252; five byte values are unused
        # there, and Latin-1 reads those the way Windows itself does.
        try:
            return _checked(data.decode("cp1252")), "cp1252"
        except UnicodeDecodeError:
            return _checked(data.decode("latin-1")), "latin-1"


def _checked(text: str) -> str:
    if not text.strip():
        raise Refused("the file is empty")
    if "\x00" in text:
        raise Refused("this is not a text file (it contains binary data)")
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
            raise Refused(f"line {line}: a field is longer than {csv.field_size_limit():,} "
                          "characters, far more than any contact detail (is a quotation mark "
                          "left open?)") from None
        raise Refused(f"line {reader.line_num}: {exc}") from None


def is_blank(record: Record) -> bool:
    return all(not field.strip() for field in record.fields)
