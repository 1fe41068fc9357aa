"""Text that wraps, drawn without a Paragraph, writes exactly what the Paragraph would; a grid's
string cells write what ReportLab's table writes; the risk summary reads each table once."""

from __future__ import annotations

import io
import random
import re

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table
from sqlalchemy import event

from desktop.reports.pdf_base import para, plain, safe, styles
from desktop.reports.pdf_line import Line, PlainTable, Run
from desktop.reports.pdf_text import clean
from desktop.reports.risk_summary import gather
from desktop.store import contractors, engagements
from desktop.store.db import Store
from tests.factories import make_contractor, make_engagement
from tests.test_risk_summary import TODAY, pay, safe_answers, save_review, set_business

WORDS = ["a", "I", "the", "contract", "Sprint", "review", "notes", "Łukasz", "Zoë", "—",
         "1099-NEC", "$2,500.00", "(not", "answered)", "W", "mmmmmmmm", "iiiiiii", "x" * 12,
         "catalogue.", "…", "“quoted”"]


def drawn(flowable: Flowable, width: float) -> tuple[tuple[float, float], str]:
    canvas = Canvas(io.BytesIO())
    size = flowable.wrapOn(canvas, width, 10_000)
    flowable.drawOn(canvas, 0, 0)
    return size, " ".join(canvas._code)


def test_plain_text_that_wraps_writes_what_its_paragraph_writes() -> None:
    chance = random.Random(7)
    built: list[str] = []
    compared = 0
    for _ in range(400):
        style = chance.choice([styles().cell, styles().small, styles().body, styles().muted])
        text = " ".join(chance.choice(WORDS) for _ in range(chance.randint(1, 40)))
        room = chance.uniform(40, 400)

        def fallback(text: str = text, style: object = style) -> Flowable:
            built.append(text)
            return para(text, style)  # type: ignore[arg-type]

        line = Line([Run(clean(text))], style, fallback)
        (width, height), code = drawn(line, room)
        (p_width, p_height), p_code = drawn(Paragraph(safe(text), style), room)
        if built:  # a word wider than the line: the Paragraph splits it, as before
            assert built == [text]
            assert max(stringWidth(w, style.fontName, style.fontSize) for w in text.split()) > room
            built.clear()
            continue
        assert (width, height) == (p_width, p_height)
        if height == style.leading:
            continue  # one line is drawn its own way (test_pdf_line compares the pixels)
        compared += 1
        assert code == p_code
    assert compared > 200


def test_text_with_markup_characters_or_several_looks_still_wraps_as_a_paragraph() -> None:
    cell = styles().cell
    built: list[str] = []
    for runs in ([Run("Sprint review & <retro> notes " * 4)],
                 [Run("S", bold=True), Run(" Strategic / classification")]):
        text = "".join(r.text for r in runs)
        line = Line(runs, cell, lambda text=text: built.append(text) or para(text, cell))
        assert line.wrap(60, 500)[1] > cell.leading
    assert len(built) == 2


def test_a_grid_writes_its_string_cells_as_a_table_does() -> None:
    rows = [["Check", "Answer", ""], ["Photo ID checked", "Yes", "Zoë Ångström (“Co”)"]]
    style = [("FONTNAME", (0, 0), (-1, -1), "Helvetica-Bold"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("TEXTCOLOR", (1, 1), (1, 1), "#b42318"), ("ALIGN", (2, 1), (2, 1), "RIGHT")]
    codes = []
    for kind in (Table, PlainTable):
        table = kind([list(r) for r in rows], colWidths=[120, 60, 120])
        table.setStyle(style)
        codes.append(drawn(table, 400))
    assert codes[0] == codes[1]


def test_an_isolated_right_to_left_value_wraps_over_lines() -> None:
    hebrew = "שלום עליכם, מה שלומך היום? בדיקה ארוכה של טקסט בעברית שנמשך ונמשך כדי לעטוף"
    paragraph = para(plain(hebrew), styles().cell)
    assert paragraph.wrap(120, 500)[1] > 2 * styles().cell.leading


def test_the_summary_reads_each_table_once(store: Store) -> None:
    set_business(store, "Zoë Ångström Design")
    who = contractors.create(store, make_contractor(country="US")).id
    record = engagements.create(store, make_engagement(
        who, jurisdiction_country="US", jurisdiction_region="NY"))
    save_review(store, record.id, safe_answers())
    pay(store, record.id, 70_000, TODAY)
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_rest: statements.append(" ".join(sql.split())))
    summary = gather(store, record.id, TODAY)
    assert summary.review is not None and summary.tax_year is not None
    assert sum(s.startswith("BEGIN") for s in statements) <= 1  # one reading
    read = [s for s in statements if s.startswith("SELECT")]
    tables = [re.search(r" FROM (\w+)", s).group(1) for s in read]  # type: ignore[union-attr]
    assert tables.count("risk_review") == tables.count("business_profile") == 1
    assert tables.count("contractor") == 1 and tables.count("payment_rule") == 1
    assert tables.count("engagement") <= 2  # the engagement, then the others in its windows
    assert len(read) <= 11
