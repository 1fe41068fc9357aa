"""Printing rows as an aligned table, CSV that is safe to open, or JSON.

Stored text may hold control and text-direction characters (rows saved before they were
refused). The table escapes them (``\\x1b``) before measuring its columns; CSV on stdout is
escaped the same way by desktop.cli.terminal (``crewbook export`` writes the lossless file); JSON
writes them as its own ``\\u`` escapes, so it parses back to the stored text.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from desktop.core.text import escaped
from desktop.io.export import write_csv, write_json

# How many rows a table showed, as a sentence: lambda n: ngettext("{n} rate", "{n} rates", n)…
Counted = Callable[[int], str]


def emit(records: list[dict[str, object]], fmt: str, fields: Sequence[str],
         table: Sequence[tuple[str, str]], counted: Counted) -> None:
    """``table`` names the (field, title) pairs the table format shows."""
    if fmt == "json":
        write_json(sys.stdout, records)
    elif fmt == "csv":
        write_csv(sys.stdout, fields, ([csv_value(rec[f]) for f in fields] for rec in records))
    else:
        print_table(records, table, counted)


def csv_value(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else value


def print_table(records: list[dict[str, object]], columns: Sequence[tuple[str, str]],
                counted: Counted) -> None:
    cells = [[_text(rec[c]) for c, _ in columns] for rec in records]
    titles = [t for _, t in columns]
    widths = [min(32, max([len(t)] + [len(row[i]) for row in cells])) for i, t in enumerate(titles)]
    print("  ".join(t.ljust(w) for t, w in zip(titles, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(_fit(v, w) for v, w in zip(row, widths, strict=True)).rstrip())
    print(counted(len(records)))


def _text(value: object) -> str:
    if isinstance(value, list):
        return escaped(", ".join(str(v) for v in value))
    return "" if value is None else escaped(str(value))


def _fit(value: str, width: int) -> str:
    return value.ljust(width) if len(value) <= width else value[: width - 1] + "…"
