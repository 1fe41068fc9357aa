"""Writing rows for other programs: CSV that is safe to open in a spreadsheet, and JSON."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import IO

# Spreadsheets run a cell starting with one of these as a formula.
_ALWAYS = ("=", "@", "\t", "\r")
# "+1 718-555-0147" and "-12.50" are data, not formulas: leave them readable.
_PLAIN_NUMBER = re.compile(r"^[+-][\d\s().,/-]*$")


def safe_cell(value: object) -> str:
    """Neutralise text a spreadsheet would evaluate, by prefixing an apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(_ALWAYS) or (text[:1] in "+-" and text and not _PLAIN_NUMBER.match(text)):
        return "'" + text
    return text


def write_csv(out: IO[str], header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])


def write_json(out: IO[str], records: Iterable[Mapping[str, object]]) -> None:
    json.dump(list(records), out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")
