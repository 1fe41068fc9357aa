"""Writing rows for other programs: CSV that is safe to open in a spreadsheet, and JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import IO

from desktop.core.text import json_escaped
from desktop.store.private_file import private_file

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
    """Readable UTF-8 JSON in which control and text-direction characters are ``\\u`` escapes."""
    out.write(json_escaped(json.dumps(list(records), ensure_ascii=False, indent=2, default=str)))
    out.write("\n")


@contextmanager
def csv_file(path: Path, *, excel: bool) -> Iterator[IO[str]]:
    """A CSV file written whole or not at all, readable by its owner only unless it already
    existed (desktop.store.private_file). ``excel`` adds the BOM Excel needs to read UTF-8."""
    with private_file(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as out:
        yield out
