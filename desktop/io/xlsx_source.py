"""Reading the first sheet of an .xlsx workbook as records, the way csv_source reads text."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.core.formats import number
from desktop.core.i18n import _
from desktop.io.csv_source import Record, Refused

MAX_ROWS = 1_000_000  # Excel's own limit is 1,048,576
# zipfile stops each part at its stated size, so this bounds a deflate bomb; a full sheet of
# MAX_ROWS contacts stays below it.
MAX_UNPACKED = 4 * 1024**3


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
    """The active sheet's title and its rows, numbered as Excel numbers them. A damaged
    workbook is refused whole (Refused), whatever part of it is broken."""
    from openpyxl import load_workbook  # only a workbook import pays for it

    try:
        with zipfile.ZipFile(path) as archive:
            if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED:
                raise Refused(_("the workbook unpacks to more than {size} GB").format(
                    size=MAX_UNPACKED // 1024**3))
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            return _read_sheet(book)
        finally:
            book.close()
    except Refused:
        raise
    except OSError as exc:
        raise Refused(_("the file cannot be read: {problem}").format(
            problem=exc.strerror or exc)) from None
    # openpyxl reads lazily and lets through whatever zipfile, zlib and the XML parser raise on
    # a damaged part (BadZipFile, zlib.error, EOFError, ParseError, KeyError, TypeError, ...):
    # to the user each means the same, said in one line rather than a traceback.
    except Exception as exc:  # noqa: BLE001 - see above
        raise Refused(_("this workbook is damaged and cannot be read ({problem})").format(
            problem=_why(exc))) from None


def _read_sheet(book: Any) -> tuple[str, list[Record]]:
    sheet = book.active
    if sheet is None:
        raise Refused(_("this workbook has no sheet"))
    out: list[Record] = []
    for line, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if line > MAX_ROWS:
            raise Refused(_("the sheet has more than {count} rows").format(
                count=number(MAX_ROWS)))
        cells = [cell_text(v) for v in row]
        while cells and not cells[-1]:
            cells.pop()
        out.append(Record(line, tuple(cells)))
    if not any(any(c.strip() for c in r.fields) for r in out):
        raise Refused(_("the sheet is empty"))
    return sheet.title, out


def _why(exc: Exception) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    text = " ".join(text.split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
