"""CSV that is safe to open in a spreadsheet, and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest

from desktop.io.export import safe_cell, unneutralise, write_csv, write_json

FORMULAS = [
    "=1+2",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "@SUM(A1:A9)",
    "+cmd",
    "-2+3+cmd|' /C calc'!A0",
    "+1+cmd|' /C notepad'!A0",
    "\t=1+2",
    "\tplain",
    "\r=1+2",
    "\rplain",
    "-SUM(A1)",
    "+1 718-555-0147",
    "-12.50",
    "\0x",
    "-",
]


class TestSafeCell:
    @pytest.mark.parametrize("text", FORMULAS)
    def test_formula_gets_apostrophe(self, text: str) -> None:
        assert safe_cell(text) == "'" + text

    @pytest.mark.parametrize("value", [-5, 0, 1250, Decimal("-12.50")])
    def test_numbers_written_as_numbers_stay(self, value: object) -> None:
        assert safe_cell(value) == str(value)

    @pytest.mark.parametrize("text", FORMULAS)
    def test_unneutralise_gives_the_text_back(self, text: str) -> None:
        assert unneutralise(safe_cell(text)) == text

    def test_unneutralise_leaves_a_users_own_apostrophe(self) -> None:
        assert unneutralise("'tis the season") == "'tis the season"

    @pytest.mark.parametrize("text", ["Maya Okafor", "", "a=b", "x@example.com", "50%",
                                      "Brooklyn, NY\n11216", "1+1"])
    def test_plain_text_stays(self, text: str) -> None:
        assert safe_cell(text) == text

    @pytest.mark.parametrize(("value", "text"), [
        (None, ""), (12, "12"), (-5, "-5"), (True, "True"), (dt.date(2024, 2, 29), "2024-02-29"),
    ])
    def test_non_strings(self, value: object, text: str) -> None:
        assert safe_cell(value) == text


def _csv(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO(newline="")
    write_csv(out, header, rows)
    return out.getvalue()


class TestWriteCsv:
    def test_crlf_line_endings(self) -> None:
        text = _csv(["id", "name"], [[1, "Maya"], [2, "Kofi"]])
        assert text == "id,name\r\n1,Maya\r\n2,Kofi\r\n"

    def test_cells_are_neutralised(self) -> None:
        text = _csv(["name", "phone", "rate", "paid"],
                    [["=cmd()", "+1 718-555-0147", "-12.50", Decimal("-12.50")]])
        assert text.splitlines()[1] == "'=cmd(),'+1 718-555-0147,'-12.50,-12.50"

    def test_header_written_as_given(self) -> None:
        assert _csv(["a", "b"], []) == "a,b\r\n"

    def test_round_trip_through_csv_reader(self) -> None:
        header = ["id", "name", "address", "phone", "rate", "notes"]
        rows: list[list[object]] = [
            [1, "Maya Okafor", "214 Halsey Street\nBrooklyn, NY", "+1 718-555-0147", "85.00",
             'Said "fast", and was'],
            [2, "=1+2", "", "-12.50", None, "-2+3+cmd|' /C calc'!A0"],
            [3, "Zoë Ångström", "Straße 1\r\nBerlin", "", "1,250.50", "@risk"],
        ]
        text = _csv(header, rows)
        parsed = list(csv.reader(io.StringIO(text, newline="")))
        assert parsed[0] == header
        assert parsed[1:] == [[safe_cell(v) for v in row] for row in rows]
        assert parsed[2][1] == "'=1+2"
        assert parsed[1][2] == "214 Halsey Street\nBrooklyn, NY"
        assert parsed[3][2] == "Straße 1\r\nBerlin"


class TestWriteJson:
    def test_records_round_trip(self) -> None:
        records = [{"id": 1, "name": "Zoë", "tags": ["design", "seo"], "archived": False,
                    "rate": None}]
        out = io.StringIO()
        write_json(out, records)
        assert json.loads(out.getvalue()) == records

    def test_keeps_unicode_and_ends_with_newline(self) -> None:
        out = io.StringIO()
        write_json(out, [{"name": "Zoë Ångström"}])
        assert "Zoë Ångström" in out.getvalue()
        assert out.getvalue().endswith("\n")

    def test_values_are_not_neutralised(self) -> None:
        out = io.StringIO()
        write_json(out, [{"name": "=1+2"}])
        assert json.loads(out.getvalue()) == [{"name": "=1+2"}]

    def test_other_types_become_text(self) -> None:
        out = io.StringIO()
        write_json(out, iter([{"on": dt.date(2024, 2, 29)}]))
        assert json.loads(out.getvalue()) == [{"on": "2024-02-29"}]

    def test_empty(self) -> None:
        out = io.StringIO()
        write_json(out, [])
        assert json.loads(out.getvalue()) == []
