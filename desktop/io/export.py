"""Writing rows for other programs: CSV that is safe to open in a spreadsheet, and JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import IO

# A spreadsheet may run text starting with one of these as a formula (OWASP ASVS 5.0, 1.2.10).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")


def safe_cell(value: object) -> str:
    """Text a spreadsheet could evaluate gets a leading apostrophe; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(TRIGGERS) else text


def unneutralise(text: str) -> str:
    """Undo safe_cell on text this program wrote."""
    return text[1:] if text.startswith("'") and text[1:].startswith(TRIGGERS) else text


def write_csv(out: IO[str], header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])


def write_json(out: IO[str], records: Iterable[Mapping[str, object]]) -> None:
    json.dump(list(records), out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")
