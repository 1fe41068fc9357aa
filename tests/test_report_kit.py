"""The report kit: amounts and dates in the business's locale, streamed tables with their header
on every page, "page X of Y" without holding pages back, metadata, hostile text, charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale
from babel.numbers import format_currency
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desktop.reports.pdf_base import styles
from desktop.reports.report_kit import (
    CELL_SIZE,
    Column,
    ReportHeader,
    amount,
    bar_chart,
    content_width,
    date_text,
    heading,
    money,
    month_text,
    no_data,
    note,
    period_text,
    stream_table,
    titled_widths,
    totals_table,
    write_report,
)

HEADER = ReportHeader("Zoë Ångström Design", "Ledger", "1 Jan 2026 – 31 Mar 2026",
                      "Prepared 1 Apr 2026")
COLUMNS = (Column("Row", 60), Column("Name", 260), Column("Amount", 120, "R"))
HOSTILE = '<b>Tom & "Jerry"</b> \'quoted\' </para>'


def flat(text: str) -> str:
    return " ".join(text.split())


def pages(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(str(path)).pages]


def rows(count: int) -> Iterator[tuple[str, str, str]]:
    for i in range(count):
        yield f"row-{i:05d}", f"Contractor {i % 17}", money(i * 1_001, "USD", "en_US")


# --- amounts and dates ----------------------------------------------------------------------
@pytest.mark.parametrize(("minor", "currency", "locale", "expected"), [
    (125_000, "USD", "en_US", "1,250.00 USD"),
    (125_000, "EUR", "de_DE", "1.250,00 EUR"),
    (125, "JPY", "ja_JP", "125 JPY"),
    (1_250, "JPY", "ja_JP", "1,250 JPY"),
    (125_000, "JPY", "de_DE", "125.000 JPY"),
    (1_250, "KWD", "en_US", "1.250 KWD"),  # three minor digits
    (5, "USD", "en_US", "0.05 USD"),
    (0, "EUR", "de_DE", "0,00 EUR"),
    (123_456_789_012, "usd", "en_US", "1,234,567,890.12 USD"),
])
def test_money_in_the_business_locale_with_the_code(minor: int, currency: str, locale: str,
                                                    expected: str) -> None:
    assert money(minor, currency, locale) == expected
    assert amount(minor, currency, locale) == expected.rsplit(" ", 1)[0]


@pytest.mark.parametrize("locale", ["fr_FR", "en_IN", "de_CH", "es_ES", "ar_EG", "hi_IN"])
def test_fast_amounts_match_babel_everywhere(locale: str) -> None:
    # The integer fast path must agree with Babel digit for digit, or not be used at all.
    pattern = Locale.parse(locale).decimal_formats[None].pattern
    for currency, digits in (("EUR", 2), ("JPY", 0), ("KWD", 3)):
        for minor in (0, 7, 1_234, 123_456, 12_345_678, 9_876_543_210, -4_321):
            expected = format_currency(Decimal(minor).scaleb(-digits), currency, format=pattern,
                                       locale=locale, currency_digits=True)
            assert amount(minor, currency, locale) == expected


def test_dates_and_periods() -> None:
    first, last = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
    assert period_text(first, last, "en_GB") == "1 Jan 2026 – 31 Mar 2026"
    assert period_text(first, last, "en_US") == "Jan 1, 2026 – Mar 31, 2026"
    assert period_text(first, first, "en_GB") == "1 Jan 2026"
    assert date_text(dt.date(2026, 1, 5), "de_DE") == "05.01.2026"
    assert month_text(dt.date(2026, 1, 1), "en_US") == "Jan 2026"


# --- tables ----------------------------------------------------------------------------------
def test_stream_table_yields_chunks_that_each_start_with_the_header() -> None:
    tables = list(stream_table(COLUMNS, rows(25), chunk=10))
    assert [len(t._cellvalues) - 1 for t in tables] == [10, 10, 5]
    for table in tables:
        assert isinstance(table, Table)
        assert table._cellvalues[0] == ["Row", "Name", "Amount"]
        assert table.repeatRows == 1
        assert table._cellStyles[1][2].alignment == "RIGHT"
        assert table._cellStyles[1][0].alignment == "LEFT"
    assert tables[1]._cellvalues[1][0] == "row-00010"
    assert list(stream_table(COLUMNS, [])) == []


def test_cells_are_printable_one_line_and_cut_to_their_column() -> None:
    long_name = "Δημήτρης " * 40
    table = next(stream_table(COLUMNS, [
        ("a\tb\n c", HOSTILE, 12), (None, long_name, "x" * 200), ("", "中文 名字", "ok")]))
    first, second, third = table._cellvalues[1:]
    assert first == ["a b c", HOSTILE, "12"]  # markup stays literal text; numbers printed
    assert second[0] == "" and second[1].endswith("…") and second[2].endswith("…")
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.reports.pdf_base import FONT

    assert stringWidth(second[1], FONT, CELL_SIZE) <= COLUMNS[1].width - 8
    # The main font has no CJK glyphs: the cell is laid out with the fallback font instead.
    assert "CrewbookFallback" in third[1].text and "中文" in third[1].text
    passed = Spacer(1, 30)
    assert next(stream_table(COLUMNS, [(passed, "b", "c")]))._cellvalues[1][0] is passed
    with pytest.raises(ValueError, match="2 cells for 3 columns"):
        list(stream_table(COLUMNS, [("a", "b")]))
    with pytest.raises(ValueError):
        Column("Bad", 10, "C")


def test_totals_table_is_bold_under_a_rule() -> None:
    table = totals_table(COLUMNS, [("Total", "", money(100, "USD", "en_US"))])
    assert table._cellvalues == [["Total", "", "1.00 USD"]]
    assert table._cellStyles[0][0].fontname.endswith("Bold")
    assert any(cmd[0] == "LINEABOVE" for cmd in table._linecmds)


# --- whole documents ------------------------------------------------------------------------
def test_a_long_table_keeps_its_header_and_page_numbers_on_every_page(tmp_path: Path) -> None:
    story = [Paragraph("Ledger", styles().title), note("1,500 rows."), heading("Detail"),
             *stream_table(COLUMNS, rows(1_500)), totals_table(COLUMNS, [("Total", "", "x")])]
    path = write_report(tmp_path / "long.pdf", HEADER, story, subject="A long ledger")
    texts = pages(path)
    total = len(texts)
    assert total > 20
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {total}" in text
        assert "Zoë Ångström Design · Ledger" in text and "1 Jan 2026 – 31 Mar 2026" in text
        assert "Prepared 1 Apr 2026" in text
        # The header row once per page, at the top of that page's table.
        assert text.count("Row Name Amount") == 1, number
    everything = " ".join(texts)
    for i in (0, 199, 200, 201, 777, 1_499):  # chunk edges included: no row lost or doubled
        assert everything.count(f"row-{i:05d} ") == 1
    assert sum(t.count("row-") for t in texts) == 1_500


def test_small_chunks_never_start_a_header_half_way_down_a_page(tmp_path: Path) -> None:
    path = write_report(tmp_path / "chunks.pdf", HEADER,
                        stream_table(COLUMNS, rows(300), chunk=7), subject="Chunks")
    texts = pages(path)
    assert all(text.count("Row Name Amount") == 1 for text in texts)
    assert sum(t.count("row-") for t in texts) == 300


def test_wrapped_paragraph_cells_also_keep_one_header_per_page(tmp_path: Path) -> None:
    cell = styles().cell
    story = stream_table(COLUMNS, ((f"row-{i:03d}", Paragraph("Long text that wraps " * (i % 4),
                                                            cell), "1") for i in range(200)),
                         chunk=9)
    texts = pages(write_report(tmp_path / "p.pdf", HEADER, story, subject="Paragraphs"))
    assert len(texts) > 2
    assert all(text.count("Row Name Amount") == 1 for text in texts)
    assert sum(t.count("row-") for t in texts) == 200


def test_totals_never_start_a_page_without_rows_above_them(tmp_path: Path) -> None:
    # 58 rows fill a portrait page exactly: the totals take the last two rows with them.
    story = [*stream_table(COLUMNS, rows(58)), totals_table(COLUMNS, [("Total", "", "x")])]
    texts = pages(write_report(tmp_path / "t.pdf", HEADER, story, subject="Totals"))
    assert len(texts) == 2
    assert "row-00055" in texts[0] and "row-00056" not in texts[0]
    assert texts[1].endswith("page 2 of 2 Row Name Amount row-00056 Contractor 5 560.56 USD "
                             "row-00057 Contractor 6 570.57 USD Total x")
    # With room to spare, they simply follow the table.
    story = [*stream_table(COLUMNS, rows(20)), totals_table(COLUMNS, [("Total", "", "y")])]
    assert "row-00019 Contractor 2 190.19 USD Total y" in pages(
        write_report(tmp_path / "t2.pdf", HEADER, story, subject="Totals"))[0]


CLOSING = ("A closing note of three lines under the table: what its amounts mean, where they "
           "come from and what to check before relying on them. " * 3)


def test_a_closing_note_goes_on_with_the_last_rows_of_its_table(tmp_path: Path) -> None:
    # 57 rows leave too little room for a three-line note under them on a portrait page.
    story = [*stream_table(COLUMNS, rows(57)), note(CLOSING)]
    texts = pages(write_report(tmp_path / "n.pdf", HEADER, story, subject="Notes"))
    assert len(texts) == 2
    assert "row-00054" in texts[0] and "row-00055" not in texts[0]
    assert "Row Name Amount row-00055" in texts[1] and "row-00056" in texts[1]
    assert "A closing note" in texts[1] and "A closing note" not in texts[0]
    # With room to spare, it simply follows the table.
    story = [*stream_table(COLUMNS, rows(20)), note(CLOSING)]
    (text,) = pages(write_report(tmp_path / "n2.pdf", HEADER, story, subject="Notes"))
    assert "row-00019 Contractor 2 190.19 USD A closing note" in text


def test_a_closing_section_never_sits_alone_on_the_last_page(tmp_path: Path) -> None:
    # A table and its totals end the page; a heading and a short note end the story.
    story = [*stream_table(COLUMNS, rows(55)), totals_table(COLUMNS, [("Total", "", "x")]),
             heading("About these amounts"), note(CLOSING)]
    texts = pages(write_report(tmp_path / "s.pdf", HEADER, story, subject="Sections"))
    assert len(texts) == 2
    last = texts[1].split("page 2 of 2", 1)[1]
    assert last.startswith(" Row Name Amount row-00053")
    assert "row-00054 Contractor 3 540.54 USD Total x About these amounts A closing" in last


def test_a_short_wrapped_table_moves_whole_with_its_heading_and_closing_note(
        tmp_path: Path) -> None:
    cell = styles().cell
    wrapped = [(f"row-{i}", Paragraph("Text that wraps onto a second line " * 8, cell), "1")
               for i in range(3)]
    story = [Spacer(1, 620), heading("Flagged"), *stream_table(COLUMNS, wrapped),
             heading("About"), note(CLOSING)]
    texts = pages(write_report(tmp_path / "w.pdf", HEADER, story, subject="Wrapped"))
    assert len(texts) == 2
    assert "Flagged" not in texts[0] and "row-" not in texts[0]
    assert "Flagged Row Name Amount row-0" in texts[1] and "About A closing note" in texts[1]
    # A longer one leaves its first rows behind, and its last two go on with the note.
    wrapped = [(f"row-{i}", Paragraph("Text that wraps onto a second line " * 2, cell), "1")
               for i in range(20)]
    story = [Spacer(1, 250), *stream_table(COLUMNS, wrapped), heading("About"),
             note(CLOSING)]
    texts = pages(write_report(tmp_path / "w2.pdf", HEADER, story, subject="Wrapped"))
    assert len(texts) == 2
    assert "row-17" in texts[0] and "row-18" not in texts[0]
    assert "Row Name Amount row-18" in texts[1] and "row-19" in texts[1]
    assert "About A closing note" in texts[1]


def test_the_story_is_read_only_as_pages_are_laid_out(tmp_path: Path) -> None:
    pulled = 0
    seen_on_first_page: list[int] = []

    class Marker(Flowable):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
            return 1, 1

        def draw(self) -> None:
            seen_on_first_page.append(pulled)

    def counted() -> Iterator[tuple[str, str, str]]:
        nonlocal pulled
        for row in rows(5_000):
            pulled += 1
            yield row

    def story() -> Iterator[Flowable]:
        yield Marker()
        yield from stream_table(COLUMNS, counted(), chunk=100)

    write_report(tmp_path / "lazy.pdf", HEADER, story(), subject="Lazy")
    assert pulled == 5_000
    assert seen_on_first_page and seen_on_first_page[0] <= 200  # not the whole table first


def test_a_heading_stays_with_its_table_without_wasting_a_page(tmp_path: Path) -> None:
    story = [Paragraph("Ledger", styles().title), heading("Detail"),
             *stream_table(COLUMNS, rows(200))]
    first = pages(write_report(tmp_path / "h.pdf", HEADER, story, subject="H"))[0]
    assert "Detail Row Name Amount row-00000" in first
    # Near the bottom of a page, heading and header move on together.
    story = [Spacer(1, 690), heading("Late section"), *stream_table(COLUMNS, rows(5))]
    texts = pages(write_report(tmp_path / "h2.pdf", HEADER, story, subject="H"))
    assert "Late section" not in texts[0] and "Late section Row Name Amount" in texts[1]


def test_metadata_fonts_and_landscape(tmp_path: Path) -> None:
    path = write_report(tmp_path / "m.pdf", HEADER, [note("Hello")], landscape=True,
                        subject="Payments made in the first quarter",
                        keywords=("payments", "USD"))
    reader = PdfReader(str(path))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Zoë Ångström Design — Ledger, 1 Jan 2026 – 31 Mar 2026"
    assert meta.author == "Zoë Ångström Design"
    assert meta.subject == "Payments made in the first quarter"
    assert "payments" in str(meta.get("/Keywords")) and "USD" in str(meta.get("/Keywords"))
    assert (meta.creator or "").startswith("Crewbook ")
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert content_width(landscape=True) > content_width()
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts) and not any("Helvetica" in f for f in fonts)
    assert "page 1 of 1" in pages(path)[0]


def test_markup_and_other_scripts_render(tmp_path: Path) -> None:
    names = [HOSTILE, "Ελληνικά", "Кириллица", "中文", "Łukasz & <Co>"]
    header = ReportHeader("Ångström & <Co> 🚀", "Ledger <i>", "Q1 & Q2", "Prepared <now>")
    story = [heading(HOSTILE), note("Кириллица & <note>"),
             *stream_table(COLUMNS, [(str(i), name, "1") for i, name in enumerate(names)]),
             no_data("No payments for <b>Ελληνικά</b> & co.")]
    path = write_report(tmp_path / "h.pdf", header, story, subject=HOSTILE)
    text = pages(path)[0]
    for expected in (HOSTILE, "Ελληνικά", "Кириллица", "Łukasz & <Co>", "Ångström & <Co>",
                     "Ledger <i>", "Q1 & Q2", "Prepared <now>", "Кириллица & <note>",
                     "No payments for <b>Ελληνικά</b> & co."):
        assert expected in text, expected
    assert "中文" in text and "[rocket]" in text and "\ufffd" not in text
    meta = PdfReader(str(path)).metadata
    assert meta is not None and meta.subject == HOSTILE


def test_no_data_box_and_an_empty_story(tmp_path: Path) -> None:
    path = write_report(tmp_path / "e.pdf", HEADER,
                        [no_data("No payments between 1 Jan 2026 and 31 Jan 2026.")],
                        subject="Nothing")
    assert "No payments between 1 Jan 2026 and 31 Jan 2026." in pages(path)[0]
    assert "page 1 of 1" in pages(write_report(tmp_path / "x.pdf", HEADER, [], subject="x"))[0]


def test_bar_chart(tmp_path: Path) -> None:
    bars = [(month_text(dt.date(2026, m, 1), "en_US"), m * 123_45) for m in range(1, 13)]
    chart = bar_chart(bars, "usd", "en_US")
    assert isinstance(chart, Drawing) and chart.width <= content_width() / 2
    empty = bar_chart([], "EUR", "de_DE")
    zeros = bar_chart([("Jan 2026", 0), ("Feb 2026", 0)], "JPY", "ja_JP")
    text = pages(write_report(tmp_path / "c.pdf", HEADER, [chart, empty, zeros],
                              subject="Charts"))[0]
    assert "Per month, USD" in text and "Jan 2026" in text and "Per month, JPY" in text
    assert "No payments" in text


def test_a_stopped_report_writes_no_file(tmp_path: Path) -> None:
    from desktop.core.validation import Cancelled

    asked = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 3  # after a few chunks of rows

    with pytest.raises(Cancelled):
        write_report(tmp_path / "stopped.pdf", HEADER, stream_table(COLUMNS, rows(5_000)),
                     subject="Stopped", should_stop=stop)
    assert not (tmp_path / "stopped.pdf").exists()
    assert len(asked) == 4  # asked once per flowable, never after it said stop


def test_columns_keep_their_widths_when_every_title_fits() -> None:
    assert titled_widths(COLUMNS) == [60, 260, 120]


def test_a_long_title_widens_its_column_from_the_roomiest_and_the_table_keeps_its_width(
) -> None:
    columns = (Column("Date", 62), Column("Engagement", 138), Column("Amount", 74, "R"),
               Column("Verspätet bezahlt", 64))
    widths = titled_widths(columns)
    assert widths[3] > 80  # the whole title, one line
    assert widths[:3] == [62, pytest.approx(138 - (widths[3] - 64)), 74]  # Engagement gave it
    assert sum(widths) == pytest.approx(338)
    header = next(stream_table(columns, [["1 Mar", "Brand refresh", "1.00", "Nein"]]))
    assert header._cellvalues[0] == ["Date", "Engagement", "Amount", "Verspätet bezahlt"]


def test_the_giving_is_shared_once_the_roomiest_is_down_to_the_next() -> None:
    columns = (Column("Name", 100), Column("Name", 120), Column("Bezahlte Auftragnehmer", 60))
    widths = titled_widths(columns)
    assert widths[1] < 120 and widths[0] < 100  # the roomier gave 20, then both gave alike
    assert widths[1] - widths[0] == pytest.approx(0)
    assert sum(widths) == pytest.approx(280)


def test_titles_that_cannot_all_fit_keep_the_given_widths_and_are_cut() -> None:
    columns = (Column("Bezahlte Auftragnehmer", 40), Column("Steuernummer", 40))
    assert titled_widths(columns) == [40, 40]
    header = next(stream_table(columns, [["1", "2"]]))
    assert all(cell.endswith("…") for cell in header._cellvalues[0])
