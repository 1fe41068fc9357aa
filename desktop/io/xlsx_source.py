"""Reading the first sheet of an .xlsx workbook as records, the way csv_source reads text."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

from desktop.io.csv_source import Record, Refused

MAX_ROWS = 1_000_000  # Excel's own limit is 1,048,576


def cell_text(value: object) -> str:
    """What the cell shows, as literal text: 95.0 is "95", a date is ISO, nothing is evaluated."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        text = format(Decimal(repr(value)), "f")
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def read_xlsx(path: Path) -> tuple[str, list[Record]]:
    """The active sheet's title and its rows, numbered as Excel numbers them."""
    from openpyxl import load_workbook  # only a workbook import pays for it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise Refused(f"this workbook cannot be read: {exc}") from None
    try:
        sheet = book.active
        if sheet is None:
            raise Refused("this workbook has no sheet")
        out: list[Record] = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise Refused(f"the sheet has more than {MAX_ROWS:,} rows")
            cells = [cell_text(v) for v in row]
            while cells and not cells[-1]:
                cells.pop()
            out.append(Record(number, tuple(cells)))
        if not any(any(c.strip() for c in r.fields) for r in out):
            raise Refused("the sheet is empty")
        return sheet.title, out
    finally:
        book.close()
