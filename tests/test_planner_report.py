"""The one-page outsourcing plan PDF: every activity, totals equal to the planner's money view
to the cent, other currencies kept apart, an empty planner, hostile and Greek names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from desktop.core.enums import PlannerDecision
from desktop.core.planner import plan_money, recommend, validate_activity, validate_quote
from desktop.reports.planner_report import REPORT, write_planner_report
from desktop.reports.report_kit import money
from desktop.store import planner
from desktop.store.db import Store
from desktop.store.demo import load_demo
from desktop.store.reporting import business

TODAY = dt.date(2026, 3, 2)
HOSTILE = "Ads <b>& co</b>"
GREEK = "Λογιστική"


def text_of(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def expected_plan(store: Store, currency: str):  # type: ignore[no-untyped-def]
    records = planner.activities(store)
    return plan_money([(r.inputs, [q.quote for q in r.quotes], recommend(r.inputs))
                       for r in records], currency, planner.exchange_rates(store))


def add(store: Store, name: str, hours: str, importance: int, competence: int,
        currency: str = "USD", value: str = "40", **kwargs) -> int:  # type: ignore[no-untyped-def]
    inputs = validate_activity({"name": name, "hours_per_month": hours, "importance": importance,
                                "competence": competence, "hour_value": value,
                                "currency": currency})
    return planner.save(store, inputs, **kwargs)


def quote(store: Store, activity_id: int, rate: str, unit: str = "month",
          currency: str = "USD", hours: str = "10") -> None:
    planner.add_quote(store, activity_id, validate_quote({
        "source": "Agency", "rate": rate, "unit": unit, "currency": currency,
        "estimated_hours_per_month": hours}))


def test_demo_plan_is_one_page_with_every_activity_and_the_totals(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    load_demo(store, TODAY)
    info = business(store)
    path = write_planner_report(store, tmp_path / "plan.pdf", today=TODAY)
    pages, text = text_of(path)
    assert pages == 1
    assert REPORT in text
    records = planner.activities(store)
    assert len(records) == 7
    for record in records:
        assert " ".join(record.inputs.name.split()) in text
    plan = expected_plan(store, info.base_currency)
    total, code, locale = plan.total, plan.currency, info.locale
    assert total.activities  # the demo has quoted activities to outsource
    assert (f"If you outsource the recommended activities: cost "
            f"{money(total.cost_minor, code, locale)}, value of hours freed "
            f"{money(total.hours_value_minor, code, locale)}, saving "
            f"{money(total.saving_minor, code, locale)} per month") in text


def test_other_currencies_and_unquoted_activities_are_listed_apart(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = business(store).base_currency
    other = "GBP" if code != "GBP" else "EUR"
    books = add(store, "Bookkeeping", "12", 2, 1, currency=code)
    quote(store, books, "300", currency=code)
    quote(store, books, "250", currency=other)  # no rate: never added to the total
    abroad = add(store, "Translation", "6", 1, 1, currency=code)
    quote(store, abroad, "180", currency=other)
    add(store, "Filing", "5", 1, 2, currency=code)  # outsource, but nobody has quoted
    add(store, "Proposals", "20", 5, 5, currency=code, decision=PlannerDecision.OUTSOURCE)
    info = business(store)
    _pages, text = text_of(write_planner_report(store, tmp_path / "plan.pdf", today=TODAY))
    plan = expected_plan(store, code)
    assert plan.total.cost_minor == 30000
    assert f"cost {money(30000, code, info.locale)}" in text
    assert money(18000, other, info.locale) in text
    assert f"Quoted only in {other}" in text and "not added" in text
    assert "not quoted yet: Filing." in text
    assert "you: Outsource" in text  # the owner's own decision, where it differs


def test_plan_in_another_currency_uses_the_rates(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.planner import validate_rate

    code = business(store).base_currency
    other = "EUR" if code != "EUR" else "GBP"
    books = add(store, "Bookkeeping", "12", 2, 1, currency=code)
    quote(store, books, "300", currency=code)
    planner.set_exchange_rates(store, [validate_rate(
        {"from_currency": code, "to_currency": other, "rate": "0.5"})])
    _pages, text = text_of(write_planner_report(store, tmp_path / "plan.pdf", currency=other,
                                                today=TODAY))
    plan = expected_plan(store, other)
    locale = business(store).locale
    assert plan.total.cost_minor == 15000
    assert f"cost {money(15000, other, locale)}" in text
    assert f"Per month, in {other}" in text


def test_empty_planner_says_so(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pages, text = text_of(write_planner_report(store, tmp_path / "plan.pdf", today=TODAY))
    assert pages == 1
    assert "No activities in the planner yet" in text


def test_hostile_and_greek_names_render(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = business(store).base_currency
    quote(store, add(store, HOSTILE, "8", 1, 1, currency=code), "100", currency=code)
    add(store, GREEK, "30", 5, 2, currency=code)
    _pages, text = text_of(write_planner_report(store, tmp_path / "plan.pdf", today=TODAY))
    assert HOSTILE in text
    assert GREEK in text


def test_fifteen_activities_fit_one_page(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = business(store).base_currency
    for n in range(15):
        activity = add(store, f"Activity number {n} with a longer name", str(4 + n),
                       1 + n % 5, 1 + (n * 2) % 5, currency=code)
        if n % 2:
            quote(store, activity, str(50 * n), currency=code)
    pages, text = text_of(write_planner_report(store, tmp_path / "plan.pdf", today=TODAY))
    assert pages == 1
    assert REPORT in text


def test_many_activities_run_on_below_the_matrix(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = business(store).base_currency
    for n in range(40):
        add(store, f"Task {n:02d}", str(1 + n), 1 + n % 5, 1 + (n // 5) % 5, currency=code)
    pages, text = text_of(write_planner_report(store, tmp_path / "plan.pdf", today=TODAY))
    assert pages >= 2
    assert all(f"Task {n:02d}" in text for n in range(40))


# --- names whole, titles in whole words, numbers shared by the matrix and the table -----------
CROWDED = ["IT support and backups for every office", "IT security reviews and audits",
           "IT procurement of laptops and phones", "IT helpdesk for the warehouse team",
           "IT onboarding of new starters"]


def runs_of(path: Path) -> list[str]:
    """Every piece of text as the PDF draws it (one line of a paragraph or cell each)."""
    runs: list[str] = []
    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=lambda text, *_: runs.append(text.strip()))
    return [run for run in runs if run]


def test_column_titles_are_whole_words(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    load_demo(store, TODAY)
    runs = runs_of(write_planner_report(store, tmp_path / "plan.pdf", today=TODAY))
    for word in ("Importance", "Competence", "Recommended", "Activity", "Saving"):
        assert word in runs, word
    broken = [run for run in runs if run.endswith("-") or run.endswith("…")]
    assert broken == []


def test_crowded_names_are_written_whole(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = business(store).base_currency
    for n, name in enumerate(CROWDED):
        quote(store, add(store, name, str(3 + n), 4, 1, currency=code), "90", currency=code)
    add(store, "Client proposals and pricing for the largest accounts", "20", 5, 5,
        currency=code)
    pages, text = text_of(write_planner_report(store, tmp_path / "plan.pdf", today=TODAY))
    assert pages == 1
    for name in [*CROWDED, "Client proposals and pricing for the largest accounts"]:
        assert name in text, name
    assert "…" not in text


def strings_of(drawing) -> list[tuple[str, float, float, float, float]]:  # type: ignore[no-untyped-def]
    """The drawing's upright strings as (text, left, bottom, right, top), groups' offsets
    applied; the turned axis title is left out."""
    from reportlab.graphics.shapes import Group, String
    from reportlab.pdfbase import pdfmetrics

    out = []

    def walk(node, dx: float, dy: float) -> None:  # type: ignore[no-untyped-def]
        for item in node.contents:
            if isinstance(item, Group):
                a, b, c, d, e, f = item.transform
                if (a, b, c, d) == (1, 0, 0, 1):
                    walk(item, dx + e, dy + f)
            elif isinstance(item, String):
                w = pdfmetrics.stringWidth(item.text, item.fontName, item.fontSize)
                x = item.x + dx - {"start": 0, "middle": w / 2, "end": w}[item.textAnchor]
                y = item.y + dy
                out.append((item.text, x, y - 0.2 * item.fontSize, x + w,
                            y + 0.75 * item.fontSize))

    walk(drawing, 0.0, 0.0)
    return out


def test_the_matrix_numbers_its_circles_and_nothing_collides() -> None:
    from reportlab.graphics.shapes import Circle, Group

    from desktop.reports.planner_report import matrix_drawing

    points = [(name, 4, 1, Decimal(3 + n * 9), PlannerDecision.HIRE_EXPERT)
              for n, name in enumerate(CROWDED)]
    points += [("Proposals", 5, 5, Decimal(160), PlannerDecision.KEEP),
               ("Books", 2, 1, Decimal(12), PlannerDecision.OUTSOURCE)]
    drawing = matrix_drawing(points, width=300, height=330)
    texts = strings_of(drawing)
    assert not any(name in text for name, *_ in points for text, *_ in texts)  # numbers only
    circles = {}
    for group in drawing.contents:
        if isinstance(group, Group) and len(group.contents) == 2:
            circle, number = group.contents
            if isinstance(circle, Circle):
                circles[int(number.text)] = (circle.cx, circle.cy, circle.r)
    assert sorted(circles) == list(range(1, len(points) + 1))
    shared = [circles[n] for n in range(1, len(CROWDED) + 1)]
    for i, (x, y, r) in enumerate(shared):
        for x2, y2, r2 in shared[i + 1:]:
            assert ((x - x2) ** 2 + (y - y2) ** 2) ** 0.5 >= r + r2 - 0.01
    # Quadrant names, axis numbers and titles, the legend and the circles' numbers: apart.
    for i, (text, left, bottom, right, top) in enumerate(texts):
        for other, left2, bottom2, right2, top2 in texts[i + 1:]:
            apart = right <= left2 or right2 <= left or top <= bottom2 or top2 <= bottom
            assert apart, (text, other)
    # No circle covers a quadrant's name.
    names = [t for t in texts if t[0] in ("Hire an expert partner", "Keep and grow in-house",
                                          "Outsource")]
    assert names
    for x, y, r in circles.values():
        for _text, left, bottom, right, top in names:
            assert x + r <= left or right <= x - r or y + r <= bottom or top <= y - r


def test_many_activities_keep_whole_names_and_titles(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = business(store).base_currency
    long = "Quarterly inventory reconciliation across the three warehouses and the shop"
    for n in range(30):
        add(store, f"{long} {n:02d}", str(1 + n), 1 + n % 5, 1 + (n // 5) % 5, currency=code)
    path = write_planner_report(store, tmp_path / "plan.pdf", today=TODAY)
    pages, text = text_of(path)
    assert pages >= 2
    assert all(f"{long} {n:02d}" in text for n in range(30))
    runs = runs_of(path)
    for title in ("Importance", "Competence", "Recommended", f"Hours' value ({code})"):
        assert title in runs, title
    assert not [run for run in runs if run.endswith("…")]
