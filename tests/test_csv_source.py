"""Decoding, delimiters and line numbers for the CSV files people really have."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.io.csv_source import Refused, decode, is_blank, records, sniff_delimiter

ROWS = "Name,Firma,E-Mail\r\nJürgen Müller,Müller & Söhne,j@example.com\r\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (ROWS.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + ROWS.encode("utf-8"), "utf-8-sig"),
    (ROWS.encode("utf-16"), "utf-16"),  # Python writes the BOM
    (b"\xfe\xff" + ROWS.encode("utf-16-be"), "utf-16"),
    (ROWS.encode("cp1252"), "cp1252"),
])
def test_every_encoding_reads_without_mojibake_or_bom(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert found == encoding
    assert text == ROWS and text.startswith("Name")


def test_windows_1252_specials_and_unused_bytes() -> None:
    assert decode("Preis: 12 € – “quoted”".encode("cp1252"))[0] == "Preis: 12 € – “quoted”"
    text, encoding = decode(b"Name\r\nA\x81B\r\n")  # 0x81 is unused in Windows-1252
    assert encoding == "latin-1" and "A\x81B" in text


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"), (b"  \r\n\t\n", "empty"), (b"\xef\xbb\xbf", "empty"),
    (b"PK\x03\x04rest-of-a-workbook", "ZIP archive"), (b"%PDF-1.7", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"Name\x00\x01\x02", "binary"),
])
def test_files_that_are_not_tables_are_refused_whole(data: bytes, message: str) -> None:
    with pytest.raises(Refused, match=message):
        decode(data)


@pytest.mark.parametrize(("text", "delimiter"), [
    ("a,b,c\n1,2,3\n", ","),
    ("Name;Firma;Stundensatz\nJan;ACME;1.234,50\n", ";"),
    ("First Name\tLast Name\tE-mail Address\nAna\tSouza\ta@example.com\n", "\t"),
    ('name,notes\n"Smith; Jones","a; b; c"\n', ","),  # semicolons inside quotes don't count
    ("just one column\nsecond\n", ","),
])
def test_delimiter_is_sniffed(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_records_know_the_line_they_start_on() -> None:
    text = 'name,address\r\nAna,"1 Main St\r\nSpringfield"\r\n\r\nBo,"2 Elm"\r\n'
    found = list(records(text, ","))
    assert [(r.line, r.fields) for r in found] == [
        (1, ("name", "address")), (2, ("Ana", "1 Main St\r\nSpringfield")), (4, ()),
        (5, ("Bo", "2 Elm"))]
    assert is_blank(found[2]) and not is_blank(found[1])


def test_values_stay_literal_text() -> None:
    fields = list(records("zip,id,formula\n02134,007,=1+1\n", ","))[1].fields
    assert fields == ("02134", "007", "=1+1")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_never_crash(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except Refused:
        return
    delimiter = sniff_delimiter(text)
    try:
        for record in records(text, delimiter):
            assert record.line >= 1
    except Refused:
        pass
