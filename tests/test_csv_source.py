"""Decoding, delimiters and line numbers for the CSV files people really have."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.io.csv_source import (
    Refused,
    decode,
    is_blank,
    legacy_code_page,
    records,
    sniff_delimiter,
)

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
    # 0x81 is unused in Windows-1252: another code page reads it, nothing is refused
    text, encoding = decode(b"Name\r\nA\x81B\r\n")
    assert encoding != "cp1252" and text.startswith("Name\r\nA")


LODZ = "Imię,Nazwisko,Miasto\r\nŁukasz,Żółć,Łódź\r\nAgnieszka,Świętek,Kraków\r\n"


@pytest.mark.parametrize(("text", "encoding"), [
    (LODZ, "cp1250"),
    ("Имя,Город\nИван Петров,Москва\nОльга,Санкт-Петербург\n", "cp1251"),
    ("Όνομα,Πόλη\nΓιώργος,Αθήνα\n", "cp1253"),
    ("名前,都市\n山田太郎,東京\n佐藤花子,大阪\n", "cp932"),
    ("Nom,Ville\nFrançois Lefèvre,Besançon\nHélène,Orléans\n", "cp1252"),
    ("Nombre,Ciudad\nJosé Núñez,Málaga\n", "cp1252"),
    ("Name,Rate\nAnn,£40\nBob,€50\n", "cp1252"),
])
def test_a_legacy_code_page_is_guessed_from_the_text(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == (text, encoding)


def test_a_tie_goes_to_the_code_page_of_the_business_language() -> None:
    # Czech in Windows-1250 reads as letters in Windows-1252 too ("Jiøí Dvoøák")
    czech = "Jméno,Město\nJiří Dvořák,Plzeň\nŠárka,Brno\n"
    data = czech.encode("cp1250")
    assert decode(data, prefer=legacy_code_page("cs_CZ")) == (czech, "cp1250")
    assert decode(data)[1] == "cp1252"
    turkish = "Ad,Şehir\nAyşe Yılmaz,İstanbul\n"
    assert decode(turkish.encode("cp1254"), prefer=legacy_code_page("tr-TR"))[0] == turkish


@pytest.mark.parametrize(("locale", "code_page"), [
    ("en_US", "cp1252"), ("de-DE", "cp1252"), ("pl_PL", "cp1250"), ("ru", "cp1251"),
    ("ja_JP", "cp932"), ("zh_CN", "gb18030"), ("zh_TW", "big5"), ("ar_EG", "cp1256"),
])
def test_the_code_page_windows_saves_in_for_a_language(locale: str, code_page: str) -> None:
    assert legacy_code_page(locale) == code_page


def test_the_encoding_a_person_chose_wins_over_the_guess() -> None:
    data = LODZ.encode("cp1250")
    assert decode(data, "cp1252")[0].startswith("Imiê")
    assert decode(data, "cp1250") == (LODZ, "cp1250")
    assert decode(b"\xef\xbb\xbf" + LODZ.encode(), "utf-8-sig")[0] == LODZ


def test_a_chosen_encoding_that_does_not_fit_names_the_line() -> None:
    with pytest.raises(Refused, match="line 2 is not UTF-8 text"):
        decode("Name\nŁódź\n".encode("cp1250"), "utf-8")
    with pytest.raises(Refused, match="not an encoding"):
        decode(b"Name\n", "klingon-8")


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
