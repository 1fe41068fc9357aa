"""A contact file read as a table: how it was decoded, where its header is, and its records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from desktop.core.bulk import collector_paused
from desktop.core.i18n import N_, _
from desktop.io.csv_source import (
    ENGLISH_ENCODINGS,
    Record,
    Refused,
    decode,
    is_blank,
    records,
    sniff_delimiter,
)
from desktop.io.layouts import LAYOUTS, synonym
from desktop.io.layouts import fold as fold_header

MAX_BYTES = 200 * 1024 * 1024
_HEADER_SCAN = 30
_KNOWN = frozenset(h for layout in LAYOUTS for h in (*layout.signature, *layout.overrides))

# In English for `crewbook import --json`; translated where people read them.
ENGLISH_ENCODING_NAMES = {**ENGLISH_ENCODINGS, "xlsx": N_("Excel workbook")}
ENGLISH_DELIMITER_NAMES = {",": N_("comma"), ";": N_("semicolon"), "\t": N_("TAB"),
                           "": N_("none (workbook)")}
ENCODING_NAMES = {code: _(name) for code, name in ENGLISH_ENCODING_NAMES.items()}
DELIMITER_NAMES = {mark: _(name) for mark, name in ENGLISH_DELIMITER_NAMES.items()}


@dataclass(frozen=True)
class Table:
    name: str  # the file's name, for messages
    encoding: str  # as Python names it, or "xlsx"
    delimiter: str  # "" for a workbook
    records: tuple[Record, ...]
    header_index: int  # which record is the header (a guess the user may change)
    sample: str = ""  # the first lines as decoded, for the person to judge the encoding

    @property
    def is_workbook(self) -> bool:
        return self.encoding == "xlsx"

    def header(self, index: int | None = None) -> tuple[str, ...]:
        return self.records[self.header_index if index is None else index].fields


def read_file(path: Path, encoding: str | None = None, prefer: str = "cp1252") -> Table:
    """Read a .csv/.txt (any of the encodings and delimiters people use) or an .xlsx.
    ``encoding`` as the user chose it, else a guess that favours ``prefer`` on a tie."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Refused(_("the file cannot be opened: {problem}").format(
            problem=exc.strerror or exc)) from None
    if size > MAX_BYTES:
        raise Refused(_("the file is larger than {size} MB").format(
            size=MAX_BYTES // (1024 * 1024)))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from desktop.io.xlsx_source import read_xlsx

        _title, rows = read_xlsx(path)
        return Table(path.name, "xlsx", "", tuple(rows), guess_header(rows))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Refused(_("the file cannot be read: {problem}").format(
            problem=exc.strerror or exc)) from None
    return read_bytes(data, path.name, encoding, prefer)


def read_bytes(data: bytes, name: str = "file", encoding: str | None = None,
               prefer: str = "cp1252") -> Table:
    text, encoding = decode(data, encoding, prefer)
    delimiter = sniff_delimiter(text)
    with collector_paused():  # records make no cycles
        rows = tuple(records(text, delimiter))
    if all(is_blank(r) for r in rows):
        raise Refused(_("the file has no rows with anything in them"))
    return Table(name, encoding, delimiter, rows, guess_header(rows), _sample(text))


def _sample(text: str, lines: int = 8, width: int = 160) -> str:
    shown = [line if len(line) <= width else line[:width - 1] + "…"
             for line in text.splitlines() if line.strip()][:lines]
    return "\n".join(shown)


def guess_header(rows: tuple[Record, ...] | list[Record]) -> int:
    """The record that names the columns: the one with the most headers we know among the first
    few, else the first that is as wide as most of the records after it."""
    best, best_score = -1, 0
    for index, record in enumerate(rows[:_HEADER_SCAN]):
        score = sum(1 for f in record.fields
                    if f.strip() and (synonym(f) is not None or fold_header(f) in _KNOWN))
        if score > best_score:
            best, best_score = index, score
    if best >= 0:
        return best
    widths = Counter(len(r.fields) for r in rows if not is_blank(r))
    common = widths.most_common(1)[0][0] if widths else 0
    for index, record in enumerate(rows[:_HEADER_SCAN]):
        if len(record.fields) == common and sum(1 for f in record.fields if f.strip()) >= 2:
            return index
    return next((i for i, r in enumerate(rows) if not is_blank(r)), 0)


__all__ = ["DELIMITER_NAMES", "ENCODING_NAMES", "ENGLISH_DELIMITER_NAMES",
           "ENGLISH_ENCODING_NAMES", "Record", "Refused", "Table", "guess_header",
           "read_bytes", "read_file"]
