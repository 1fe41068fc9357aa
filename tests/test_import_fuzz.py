"""Generated and damaged files (CSV, .xlsx) never make the import raise anything but a clear
refusal: a one-line message, which the command line prints as JSON and the window shows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.io import xlsx_source
from desktop.io.contractor_import import REJECTED, analyse, default_choices, describe, writes
from desktop.io.csv_source import Refused
from desktop.io.import_table import Table, read_bytes, read_file

HEADERS = ["Name", "First name", "Last name", "Company", "E-mail", "Phone", "Hourly rate",
           "Tagessatz", "Währung", "Skills", "Country", "Start date", "ID verified", "Notes",
           "Vendor", "Phone numbers", "Status", "Archived on", "Website", "Tax form", ""]
_CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "=1+2", "+1 555 0100", "-40,00", "$1,250.00", "1.234,50 EUR", "abc",
                     "31.02.2025", "03/04/2026", "12/31/2025", "2026-02-29", "a@b", "x@example.com",
                     " X@Example.com ", "a ::: b", "Phone: (555) 010-0100 Mobile: 1", "€", "(40)",
                     "Deutschland", "ZZ", "w9", "active", "https://example.com", "0/0/00",
                     "Ana (deleted)", "\u202f", "\x00", "\r", "\n", '"', ";", "\t"]),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    width = draw(st.integers(1, 8))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(_CELL, min_size=0, max_size=width + 2), max_size=12))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    text = draw(st.sampled_from(["", "Title line\r\n", "\r\n\r\n"])) + out.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return text.encode(encoding, errors="replace")


def _import(data: bytes, on_duplicate: str) -> None:
    try:
        table = read_bytes(data, "generated.csv")
    except Refused as exc:
        assert str(exc)
        return
    _plan(table, on_duplicate)


def _plan(table: Table, on_duplicate: str) -> None:
    choices = default_choices(table, on_duplicate=on_duplicate)
    plan = analyse(table, choices, {"x@example.com": (1, "X")}, dt.date(2026, 11, 25))
    summary = describe(plan)
    assert summary["imported"] + len(summary["rejected"]) + summary["skipped"] <= len(table.records)
    for row in plan.rows:
        if row.outcome == REJECTED:
            assert row.reason and row.message
    new, merges = writes(plan)
    assert all(item.data.display_name for item in new)
    assert all(contractor_id == 1 for contractor_id, _ in merges)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files(), st.sampled_from(["skip", "merge"]))
def test_generated_csv_files(data: bytes, on_duplicate: str) -> None:
    _import(data, on_duplicate)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    _import(data, "skip")


# Damaged workbooks: a small workbook shaped as Excel writes it (shared strings, no styles),
# then damaged part by part or byte by byte. read_file must read it or refuse it, nothing else.

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml."
SHEET = "xl/worksheets/sheet1.xml"
PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}sheet.main+xml"/>'
        f'<Override PartName="/{SHEET}" ContentType="{_CT}worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}sharedStrings+xml"/>'
        '</Types>'),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Target="xl/workbook.xml" '
        f'Type="{_REL}/officeDocument"/></Relationships>'),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PKG}">'
        f'<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="{_REL}/worksheet"/>'
        f'<Relationship Id="rId2" Target="sharedStrings.xml" Type="{_REL}/sharedStrings"/>'
        '</Relationships>'),
    "xl/sharedStrings.xml": (
        f'<sst xmlns="{_MAIN}"><si><t>Name</t></si><si><t>E-mail</t></si><si><t>Hourly rate'
        '</t></si><si><t>Ana Souza</t></si><si><t>ana@example.com</t></si></sst>'),
    SHEET: (
        f'<worksheet xmlns="{_MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
        '<c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2">'
        '<c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>95.5</v></c>'
        '</row></sheetData></worksheet>'),
}


def pack(parts: dict[str, str | bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def _import_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"contacts{suffix}"
        path.write_bytes(data)
        try:
            table = read_file(path)
        except Refused as exc:
            assert str(exc) and "\n" not in str(exc)
            event("refused")
            return
    event("read")
    _plan(table, "skip")


def _flip(data: bytes, positions: list[int], values: list[int]) -> bytes:
    out = bytearray(data)
    for position, value in zip(positions, values):
        out[position % len(out)] = value
    return bytes(out)


_DAMAGE = st.one_of(
    st.none(),  # the part is left out
    st.binary(max_size=200),  # something that is not XML at all
    st.sampled_from([b"", b"<a>", b"<?xml version='1.0'?>", "<sst><si><t>é".encode("latin-1"),
                     b"<worksheet><sheetData><row r='x'><c r='ZZZZ99999999'><v>1</v></c>",
                     f'<sst xmlns="{_MAIN}" count="9"><si><t>Name</t></si></sst>'.encode(),
                     f'<worksheet xmlns="{_MAIN}"><sheetData><row><c t="s"><v>99</v></c>'
                     '</row></sheetData></worksheet>'.encode(),
                     f'<worksheet xmlns="{_MAIN}"><sheetData><row><c t="d"><v>never</v></c>'
                     '</row></sheetData></worksheet>'.encode()]),
)


@st.composite
def damaged_workbooks(draw: st.DrawFn) -> bytes:
    parts: dict[str, str | bytes] = dict(PARTS)
    for name in draw(st.lists(st.sampled_from(sorted(PARTS)), max_size=3, unique=True)):
        damage = draw(_DAMAGE)
        if damage is None:
            del parts[name]
        else:
            parts[name] = damage
    method = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    data = pack(parts, method)
    how = draw(st.sampled_from(["parts only", "cut short", "bytes changed"]))
    if how == "cut short":
        return data[:draw(st.integers(0, len(data) - 1))]
    if how == "bytes changed":
        flips = draw(st.lists(st.integers(0, len(data)), min_size=1, max_size=8))
        values = draw(st.lists(st.integers(0, 255), min_size=len(flips), max_size=len(flips)))
        return _flip(data, flips, values)
    return data


@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl's notes on what it skipped
@settings(max_examples=300, deadline=None)
@given(damaged_workbooks())
def test_damaged_workbooks(data: bytes) -> None:
    _import_file(data, ".xlsx")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([".xlsx", ".csv"]))
def test_any_bytes_as_a_file(data: bytes, suffix: str) -> None:
    _import_file(data, suffix)


def _refusal(data: bytes, suffix: str, tmp_path: Path) -> str:
    path = tmp_path / f"contacts{suffix}"
    path.write_bytes(data)
    with pytest.raises(Refused) as refused:
        read_file(path)
    return str(refused.value)


def _corrupt_deflate(data: bytes, name: str) -> bytes:
    """The workbook with the middle of ``name``'s compressed bytes garbled."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    return data[:middle] + bytes(b ^ 0x5A for b in data[middle:middle + 16]) + data[middle + 16:]


LONG = "x" * 200_000


@pytest.mark.parametrize(("data", "suffix", "says"), [
    # Regressions from the fault trials: each raised something other than a refusal.
    (f"Name,Notes\r\nAna,{LONG}\r\n".encode(), ".csv", "line 2: a field is longer than"),
    (f'Name,Notes\r\nAna,"open\r\nBo,{LONG}\r\n'.encode(), ".csv", "line 2: a field is longer"),
    (LONG.encode(), ".csv", "line 1: a field is longer than 131,072 characters"),
    (pack(PARTS)[:900], ".xlsx", "damaged"),
    (pack(PARTS | {SHEET: "this is not XML"}), ".xlsx", "ParseError"),
    (pack(PARTS | {"xl/sharedStrings.xml": b"\x89PNG\r\n\x1a\n"}), ".xlsx", "ParseError"),
    (pack({k: v for k, v in PARTS.items() if k != "xl/sharedStrings.xml"}), ".xlsx", "damaged"),
    (pack({k: v for k, v in PARTS.items() if k != "[Content_Types].xml"}), ".xlsx", "damaged"),
    (_corrupt_deflate(pack(PARTS), SHEET), ".xlsx", "damaged"),
    (_corrupt_deflate(pack(PARTS), "xl/sharedStrings.xml"), ".xlsx", "damaged"),
    (pack(PARTS | {SHEET: b"0" * 5_000_000}), ".xlsx", "ParseError"),  # 5 MB from 5 kB
    (b"PK\x03\x04" + bytes(60), ".xlsx", "damaged"),
], ids=["long-field", "open-quote", "one-long-line", "cut-short", "sheet-not-xml",
        "strings-not-xml", "strings-missing", "no-content-types", "sheet-deflate",
        "strings-deflate", "deflated-zeros", "zip-header-only"])
def test_saved_failing_inputs_are_refused(data: bytes, suffix: str, says: str,
                                          tmp_path: Path) -> None:
    assert says in _refusal(data, suffix, tmp_path)


def test_a_long_field_below_the_csv_limit_is_a_rejected_row() -> None:
    table = read_bytes(f"Name,Notes\r\nAna,{'x' * 20_000}\r\nBo,fine\r\n".encode())
    plan = analyse(table, default_choices(table), {}, dt.date(2026, 11, 25))
    assert [(r.line, r.outcome, r.reason) for r in plan.rows] == [
        (2, REJECTED, "value_too_long"), (3, "new", "")]


def test_a_workbook_that_unpacks_too_far_is_refused(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_source, "MAX_UNPACKED", 1024 * 1024)
    bomb = pack(PARTS | {"xl/media/filler.bin": bytes(2 * 1024 * 1024)})
    assert len(bomb) < 10_000
    assert "unpacks to more than" in _refusal(bomb, ".xlsx", tmp_path)


def test_an_encrypted_part_is_refused(tmp_path: Path) -> None:
    data = pack(PARTS)
    # Bit 0 of the flags, in the central directory entry, marks the part as encrypted.
    entry = data.index(SHEET.encode(), data.index(b"PK\x01\x02")) - 46  # its central entry
    flags = entry + 8
    data = data[:flags] + bytes([data[flags] | 1]) + data[flags + 1:]
    assert "damaged" in _refusal(data, ".xlsx", tmp_path)


def test_cli_reports_a_damaged_workbook_as_json(cli, data_folder: Path,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(pack(PARTS | {SHEET: "<worksheet><sheetData><row>"})[:-40])
    code, out, err = cli("import", str(damaged), "--json")
    assert code == 1
    summary = json.loads(out)
    assert summary["file"] == str(damaged) and "damaged" in summary["error"]
    assert "Traceback" not in err and "damaged.xlsx" in err
