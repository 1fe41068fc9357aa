"""The outsourcing plan on one landscape page: the importance/competence matrix on the left,
every activity's recommendation and money on the right, and what outsourcing the recommended
activities would cost against the value of the hours it frees.

Amounts are in the plan currency (the business's base currency unless another is asked for);
quotes in a currency with no exchange rate to it are listed apart and never added. The
recommendation is the planner's rule (``recommend``); the owner's own decision is shown under
it where it differs. The matrix's palette and geometry helpers live in
``desktop.core.planner_palette``, shared with the desktop widget (``desktop.ui.planner_matrix``)
so both draw the same picture.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.core.enums import PlannerDecision
from desktop.core.planner import (
    ActivityMoney,
    PlanMoney,
    Recommendation,
    Thresholds,
    activity_money,
    plan_money,
    recommend,
)
from desktop.core.planner_palette import (
    DECISION_COLOURS,
    MIDDLE_TINT,
    QUADRANT_LABELS,
    QUADRANT_TINTS,
    SPLIT_LINE,
    hours_text,
    label_lines,
    quadrant_of,
    radius_share,
)
from desktop.core.validation import ValidationError
from desktop.reports.pdf_base import FONT, FONT_BOLD, INK, MUTED, RULE, SHADE, plain, safe, styles
from desktop.reports.report_kit import (
    Column,
    ReportHeader,
    amount,
    content_width,
    date_text,
    heading,
    money,
    no_data,
    note,
    prepared_text,
    stream_table,
    write_report,
)
from desktop.store.db import Store
from desktop.store.planner import ActivityRecord, activities, exchange_rates
from desktop.store.reporting import business

__all__ = ["REPORT", "matrix_drawing", "total_sentence", "write_planner_report"]

REPORT = "Outsourcing plan"
EMPTY = ("No activities in the planner yet: add the work your business does, score its "
         "importance and your team's competence, and the plan appears here.")


def _fit(text: str, font: str, size: float, width: float) -> str:
    text = plain(text)
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def matrix_drawing(points: Sequence[tuple[str, int, int, Decimal, PlannerDecision]],
                   thresholds: Thresholds | None = None, *, width: float = 300,
                   height: float = 330) -> Drawing:
    """The 2×2 matrix as a vector drawing: competence across, importance up, a circle per
    (name, importance, competence, hours, decision) sized by hours and coloured by decision."""
    t = thresholds or Thresholds()
    left, bottom, legend = 30.0, 26.0, 20.0
    cell = min((width - left - 4) / 5, (height - bottom - legend - 4) / 5)
    x0, y0 = left, bottom + legend  # the grid's bottom-left corner
    top = y0 + 5 * cell
    drawing = Drawing(width, height)

    def cell_box(competence: int, importance: int) -> tuple[float, float]:
        return x0 + (competence - 1) * cell, y0 + (importance - 1) * cell

    for competence in range(1, 6):
        for importance in range(1, 6):
            quadrant = quadrant_of(t, importance, competence)
            x, y = cell_box(competence, importance)
            drawing.add(Rect(x, y, cell, cell, strokeColor=colors.white, strokeWidth=0.8,
                             fillColor=colors.HexColor(MIDDLE_TINT if quadrant is None
                                                       else QUADRANT_TINTS[quadrant])))
    split = colors.HexColor(SPLIT_LINE)
    for edge in {t.low_competence, t.high_competence - 1}:
        drawing.add(Line(x0 + edge * cell, y0, x0 + edge * cell, top, strokeColor=split,
                         strokeWidth=1))
    for edge in {t.low_importance, t.high_importance - 1}:
        drawing.add(Line(x0, y0 + edge * cell, x0 + 5 * cell, y0 + edge * cell,
                         strokeColor=split, strokeWidth=1))

    # Quadrant names in the outer corners (two lines at most, small).
    corners = {"hire_expert": (1, 5, "start"), "keep": (5, 5, "end"),
               "outsource": (1, 1, "start"), "drop": (5, 1, "end")}
    spans = {"hire_expert": t.low_competence, "outsource": t.low_competence,
             "keep": 6 - t.high_competence, "drop": 6 - t.high_competence}
    for quadrant, (competence, importance, anchor) in corners.items():
        x, y = cell_box(competence, importance)
        room = spans[quadrant] * cell - 6
        lines = _wrap(QUADRANT_LABELS[quadrant], FONT_BOLD, 6, room)[:2]
        tx = x + 3 if anchor == "start" else x + cell - 3
        if importance == 1:  # the bottom quadrants name themselves at their top edge
            y = y0 + (t.low_importance - 1) * cell
        for n, line in enumerate(lines):
            ty = y + cell - 8 - n * 7
            drawing.add(String(tx, ty, line, fontName=FONT_BOLD, fontSize=6,
                               fillColor=MUTED, textAnchor=anchor))

    for i in range(1, 6):
        drawing.add(String(x0 + (i - 0.5) * cell, y0 - 9, str(i), fontName=FONT, fontSize=7,
                           fillColor=INK, textAnchor="middle"))
        drawing.add(String(x0 - 5, y0 + (i - 0.5) * cell - 2.5, str(i), fontName=FONT,
                           fontSize=7, fillColor=INK, textAnchor="end"))
    drawing.add(String(x0 + 2.5 * cell, y0 - 19, "In-house competence →", fontName=FONT_BOLD,
                       fontSize=7, fillColor=INK, textAnchor="middle"))
    axis = String(0, 0, "Importance to the bottom line →", fontName=FONT_BOLD, fontSize=7,
                  fillColor=INK, textAnchor="middle")
    turned = Group(axis)
    turned.transform = (0, 1, -1, 0, x0 - 16, y0 + 2.5 * cell)
    drawing.add(turned)

    # Points: spread within a shared cell, biggest first, labels last on a light halo.
    by_cell: dict[tuple[int, int], list[tuple[str, Decimal, PlannerDecision]]] = {}
    for name, importance, competence, hours, decision in points:
        by_cell.setdefault((competence, importance), []).append((name, hours, decision))
    placed: list[tuple[float, float, float, str, PlannerDecision]] = []
    for (competence, importance), group in by_cell.items():
        x, y = cell_box(competence, importance)
        cx, cy = x + cell / 2, y + cell / 2
        for n, (name, hours, decision) in enumerate(group):
            radius = max(2.5, cell * 0.42 * radius_share(hours))
            px, py = cx, cy
            if len(group) > 1:
                angle = math.pi / 2 - 2 * math.pi * n / len(group)
                spread = cell * (0.2 if len(group) <= 3 else 0.27)
                px, py = cx + spread * math.cos(angle), cy + spread * math.sin(angle)
                radius = min(radius, cell * 0.3)
            placed.append((px, py, radius, name, decision))
    placed.sort(key=lambda p: -p[2])
    for px, py, radius, _name, decision in placed:
        drawing.add(Circle(px, py, radius, fillColor=colors.HexColor(DECISION_COLOURS[decision]),
                           strokeColor=colors.white, strokeWidth=1))
    crowded = {name for group in by_cell.values() if len(group) > 1 for name, _h, _d in group}
    for px, py, radius, name, _decision in placed:
        lines = label_lines(plain(name), lambda text: pdfmetrics.stringWidth(text, FONT, 5.6),
                            cell * 0.6 if name in crowded else cell - 6,
                            1 if name in crowded else 2)
        w = max(pdfmetrics.stringWidth(line, FONT, 5.6) for line in lines) + 4
        lx = min(max(px, w / 2), width - w / 2)
        top_y = py - min(radius, cell * 0.22) - 1.5
        drawing.add(Rect(lx - w / 2, top_y - 6.6 * len(lines) - 1.5, w,
                         6.6 * len(lines) + 1.5, rx=1.5, ry=1.5, strokeColor=None,
                         fillColor=colors.white, fillOpacity=0.8))
        for n, line in enumerate(lines):
            drawing.add(String(lx, top_y - 6.6 * (n + 1) + 1.2, line, fontName=FONT,
                               fontSize=5.6, fillColor=INK, textAnchor="middle"))

    # Legend: the decision colours, and what the size means.
    lx, ly = x0, 4.0
    for decision in PlannerDecision:
        text = decision.label
        drawing.add(Circle(lx + 3, ly + 2.5, 3, strokeColor=None,
                           fillColor=colors.HexColor(DECISION_COLOURS[decision])))
        drawing.add(String(lx + 8, ly, text, fontName=FONT, fontSize=6, fillColor=INK))
        lx += 14 + pdfmetrics.stringWidth(text, FONT, 6)
        if lx > width - 50:
            lx, ly = x0, ly - 8
    drawing.add(String(x0, 12, "Circle size: hours a month (largest at 160 or more).",
                       fontName=FONT, fontSize=6, fillColor=MUTED))
    return drawing


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and pdfmetrics.stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


# --- the report --------------------------------------------------------------------------------
ONE_PAGE = 18  # up to this many activities share the page with the matrix
MATRIX_WIDTH = 340.0
MATRIX_HEIGHT = 360.0
GAP = 12.0
TABLE_SIZE = 6.8


def total_sentence(plan: PlanMoney, locale: str) -> str:
    t, code = plan.total, plan.currency
    return (f"If you outsource the recommended activities: cost {money(t.cost_minor, code, locale)}, "
            f"value of hours freed {money(t.hours_value_minor, code, locale)}, saving "
            f"{money(t.saving_minor, code, locale)} per month")


def write_planner_report(store: Store, path: Path, *, currency: str | None = None,
                         today: dt.date | None = None, thresholds: Thresholds | None = None,
                         should_stop: Callable[[], bool] | None = None) -> Path:
    """Write the one-page outsourcing plan to ``path`` in ``currency`` (the business's base
    currency by default). Raises Cancelled, writing nothing, once ``should_stop`` says so."""
    today = today or dt.date.today()
    info = business(store)
    locale = info.locale
    code = (currency or info.base_currency or "USD").strip().upper()
    records = activities(store)
    rates = exchange_rates(store)
    usable: list[tuple[ActivityRecord, Recommendation]] = []
    skipped: list[str] = []
    for record in records:
        advice = recommend(record.inputs, thresholds)
        try:  # an hour value in a currency with no rate to the plan's cannot be costed
            activity_money(record.inputs, [q.quote for q in record.quotes], advice, code, rates)
        except ValidationError:
            skipped.append(record.inputs.name)
            continue
        usable.append((record, advice))
    plan = plan_money([(r.inputs, [q.quote for q in r.quotes], a) for r, a in usable], code,
                      rates)
    header = ReportHeader(info.name, REPORT, f"Per month, in {code}",
                          prepared_text(today, locale))
    return write_report(Path(path), header,
                        _story(plan, usable, skipped, thresholds or Thresholds(), locale,
                               today, rates),
                        landscape=True, should_stop=should_stop,
                        subject=f"Outsourcing plan in {code}",
                        keywords=("outsourcing", "planner", code))


def _story(plan: PlanMoney, usable: Sequence[tuple[ActivityRecord, Recommendation]],
           skipped: Sequence[str], thresholds: Thresholds, locale: str, today: dt.date,
           rates: Sequence[object]) -> Iterator[Flowable]:
    yield Paragraph(safe(REPORT), styles().title)
    yield note(f"Every activity placed by its importance to the bottom line and your team's "
               f"competence, as of {date_text(today, locale)}. Amounts are per month in "
               f"{plan.currency}; the recommendation follows the planner's rules.")
    if not usable and not skipped:
        yield no_data(EMPTY)
        return
    points = [(r.inputs.name, r.inputs.importance, r.inputs.competence,
               r.inputs.hours_per_month, a.decision) for r, a in usable]
    lines = {line.name: line for line in plan.lines}
    rows = [_row(record, advice, lines[record.inputs.name], locale) for record, advice in usable]
    side = [*_notes(plan, skipped, thresholds, locale, rates)]
    if len(usable) <= ONE_PAGE:
        width = content_width(landscape=True) - MATRIX_WIDTH - GAP
        right: list[Flowable] = [_table(rows, width, plan.currency), Spacer(1, 6), *side]
        drawing = matrix_drawing(points, thresholds, width=MATRIX_WIDTH, height=MATRIX_HEIGHT)
        outer = Table([[drawing, right]],
                      colWidths=[MATRIX_WIDTH + GAP, width], hAlign="LEFT")
        outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        yield outer
        return
    # Too many for one page: the matrix, then the table across the page (it may run on).
    yield matrix_drawing(points, thresholds, width=MATRIX_WIDTH, height=MATRIX_HEIGHT)
    yield heading("Activities")
    wide = content_width(landscape=True)
    yield from stream_table(_columns(wide, plan.currency), (
        (name, hours, imp, comp, rec.replace("\n", " · "), best, value, saving)
        for name, hours, imp, comp, rec, best, value, saving in rows))
    yield from side


def _columns(width: float, code: str) -> list[Column]:
    fixed = [("Hours / month", 0.08, "R"), ("Importance", 0.068, "R"),
             ("Competence", 0.07, "R"), ("Recommended", 0.17, "L"),
             (f"Best quote ({code})", 0.13, "R"), (f"Hours' value ({code})", 0.13, "R"),
             (f"Saving ({code})", 0.12, "R")]
    used = sum(share for _t, share, _a in fixed)
    return [Column("Activity", width * (1 - used)),
            *(Column(title, width * share, align) for title, share, align in fixed)]


def _row(record: ActivityRecord, advice: Recommendation, line: ActivityMoney,
         locale: str) -> tuple[str, ...]:
    code = line.currency
    recommended = advice.decision.label
    if record.decision not in (advice.decision, PlannerDecision.UNDECIDED):
        recommended += f"\nyou: {record.decision.label}"
    if line.best is not None:
        best = amount(line.best.plan_minor or 0, code, locale)
    elif line.other_currency:
        cheapest = min(line.other_currency, key=lambda q: (q.quote.currency, q.monthly_minor))
        best = money(cheapest.monthly_minor, cheapest.quote.currency, locale)
    else:
        best = "no quote"
    saving = "—" if line.saving_minor is None else amount(line.saving_minor, code, locale)
    return (record.inputs.name, f"{line.hours_per_month:f}", str(record.inputs.importance),
            str(record.inputs.competence), recommended, best,
            amount(line.hours_value_minor, code, locale), saving)


def _table(rows: Sequence[tuple[str, ...]], width: float, code: str) -> Table:
    columns = _columns(width, code)
    head = [_fit(c.title, FONT_BOLD, TABLE_SIZE, c.width - 5) for c in columns]
    head[1], head[2], head[3] = "Hours /\nmonth", "Impor-\ntance", "Compe-\ntence"
    head[4:] = ["Recom-\nmended", f"Best quote\n({code})", f"Hours' value\n({code})",
                f"Saving\n({code})"]
    body = []
    for row in rows:
        cells = []
        for value, column in zip(row, columns):
            parts = value.split("\n")
            cells.append("\n".join(_fit(p, FONT, TABLE_SIZE, column.width - 5) for p in parts))
        body.append(cells)
    table = Table([head, *body], colWidths=[c.width for c in columns], repeatRows=1,
                  hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, TABLE_SIZE, TABLE_SIZE * 1.15),
        ("FONT", (0, 1), (-1, -1), FONT, TABLE_SIZE, TABLE_SIZE * 1.2),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
    ]
    for n, column in enumerate(columns):
        if n in (1, 2, 3):  # hours and scores: short, under two-line titles
            commands.append(("ALIGN", (n, 0), (n, -1), "CENTER"))
        elif column.align == "R":
            commands.append(("ALIGN", (n, 0), (n, -1), "RIGHT"))
    table.setStyle(TableStyle(commands))
    return table


def _notes(plan: PlanMoney, skipped: Sequence[str], thresholds: Thresholds, locale: str,
           rates: Sequence[object]) -> Iterator[Flowable]:
    total = plan.total
    box = Table([[Paragraph(f"<b>{safe(total_sentence(plan, locale))}.</b>", styles().body)]],
                hAlign="LEFT")
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), SHADE),
                             ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
    yield box
    if total.activities:
        yield note(f"Counted: {', '.join(total.activities)} — {hours_text(total.hours_per_month)} "
                   "a month freed, each at its cheapest quote.")
    else:
        yield note(f"No activity recommended for outsourcing has a quote in {plan.currency} yet.")
    for other in plan.other_totals:
        yield note(f"Quoted only in {other.currency}, with no rate to {plan.currency} (not "
                   f"converted, not added): {money(other.cost_minor, other.currency, locale)} a "
                   f"month for {', '.join(other.activities)}.")
    if plan.unquoted:
        yield note("Recommended for outsourcing but not quoted yet: "
                   f"{', '.join(plan.unquoted)}.")
    if skipped:
        yield note(f"Left out, valued in a currency with no rate to {plan.currency}: "
                   f"{', '.join(skipped)}. Enter an exchange rate to include them.")
    if rates:
        yield note("Exchange rates used: " + "; ".join(
            f"1 {r.from_currency} = {r.rate} {r.to_currency}" for r in rates) + ".")  # type: ignore[attr-defined]
    yield note(f"Scores of {thresholds.high_importance} or more are high, "
               f"{thresholds.low_importance} or less low ({thresholds.source}); low importance "
               f"with high competence counts as costly from "
               f"{hours_text(thresholds.costly_hours_per_month)} a month. Saving is the value of "
               "the hours less the cheapest quote; a minus means outsourcing costs more.")
