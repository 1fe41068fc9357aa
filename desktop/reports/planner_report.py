"""The outsourcing plan on one landscape page: the importance/competence matrix on the left,
every activity's recommendation and money on the right, and what outsourcing the recommended
activities would cost against the value of the hours it frees. The matrix numbers its circles
and the table lists the activities by the same numbers, names whole (wrapped, never cut) under
column titles in whole words. When that does not fit one page (many activities, long names),
the matrix comes first and the table runs on across the page below it.

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
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import landscape as landscape_size
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desktop.core.enums import PlannerDecision
from desktop.core.i18n import _
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
    quadrant_of,
    radius_share,
)
from desktop.core.validation import ValidationError
from desktop.reports.pdf_base import (
    FONT,
    FONT_BOLD,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MUTED,
    PAGE,
    RULE,
    SHADE,
    Paragraph,
    plain,
    safe,
    styles,
)
from desktop.reports.report_kit import (
    CELL_SIZE,
    HEAD_SIZE,
    PAD_X,
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

REPORT = _("Outsourcing plan")
EMPTY = _("No activities in the planner yet: add the work your business does, score its "
          "importance and your team's competence, and the plan appears here.")


def _fit(text: str, font: str, size: float, width: float) -> str:
    text = plain(text)
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


NUMBER_SIZE = 5.6  # the numbers on the circles and badges


def _number_radius(number: int) -> float:
    """The least radius a circle needs for its number."""
    return max(2.5, pdfmetrics.stringWidth(str(number), FONT_BOLD, NUMBER_SIZE) / 2 + 1.8,
               NUMBER_SIZE * 0.62)


def _numbered_circle(x: float, y: float, radius: float, number: int,
                     decision: PlannerDecision) -> Group:
    group = Group(Circle(x, y, radius, fillColor=colors.HexColor(DECISION_COLOURS[decision]),
                         strokeColor=colors.white, strokeWidth=0.8))
    group.add(String(x, y - NUMBER_SIZE * 0.36, str(number), fontName=FONT_BOLD,
                     fontSize=NUMBER_SIZE, fillColor=colors.white, textAnchor="middle"))
    return group


def matrix_drawing(points: Sequence[tuple[str, int, int, Decimal, PlannerDecision]],
                   thresholds: Thresholds | None = None, *, width: float = 300,
                   height: float = 330) -> Drawing:
    """The 2×2 matrix as a vector drawing: competence across, importance up, a circle per
    (name, importance, competence, hours, decision) sized by hours, coloured by decision and
    numbered in the order given (1 for the first), so the names can be listed by number
    beside it: names written in the matrix would run into each other in a crowded cell. The
    drawing is no taller than the square grid needs, ``height`` at most."""
    t = thresholds or Thresholds()
    left, bottom, legend = 30.0, 26.0, 20.0
    cell = min((width - left - 4) / 5, (height - bottom - legend - 4) / 5)
    x0, y0 = left, bottom + legend  # the grid's bottom-left corner
    top = y0 + 5 * cell
    drawing = Drawing(width, top + 4)

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

    # Quadrant names in the outer corners (two lines at most, small); the circles keep clear
    # of them.
    corners = {"hire_expert": (1, 5, "start"), "keep": (5, 5, "end"),
               "outsource": (1, 1, "start"), "drop": (5, 1, "end")}
    spans = {"hire_expert": t.low_competence, "outsource": t.low_competence,
             "keep": 6 - t.high_competence, "drop": 6 - t.high_competence}
    names: list[tuple[float, float, float, float]] = []  # (left, bottom, right, top)
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
        wide = max((pdfmetrics.stringWidth(line, FONT_BOLD, 6) for line in lines), default=0)
        low = y + cell - 8 - (len(lines) - 1) * 7 - 2.5
        names.append((tx if anchor == "start" else tx - wide, low,
                      tx + wide if anchor == "start" else tx, y + cell))

    for i in range(1, 6):
        drawing.add(String(x0 + (i - 0.5) * cell, y0 - 9, str(i), fontName=FONT, fontSize=7,
                           fillColor=INK, textAnchor="middle"))
        drawing.add(String(x0 - 5, y0 + (i - 0.5) * cell - 2.5, str(i), fontName=FONT,
                           fontSize=7, fillColor=INK, textAnchor="end"))
    drawing.add(String(x0 + 2.5 * cell, y0 - 19, _("In-house competence →"),
                       fontName=FONT_BOLD, fontSize=7, fillColor=INK, textAnchor="middle"))
    axis = String(0, 0, _("Importance to the bottom line →"), fontName=FONT_BOLD, fontSize=7,
                  fillColor=INK, textAnchor="middle")
    turned = Group(axis)
    turned.transform = (0, 1, -1, 0, x0 - 16, y0 + 2.5 * cell)
    drawing.add(turned)

    # Points: in rows within a shared cell, biggest first, each with its number.
    by_cell: dict[tuple[int, int], list[tuple[int, Decimal, PlannerDecision]]] = {}
    for number, (_name, importance, competence, hours, decision) in enumerate(points, 1):
        by_cell.setdefault((competence, importance), []).append((number, hours, decision))
    placed: list[tuple[float, float, float, int, PlannerDecision]] = []
    for (competence, importance), group in by_cell.items():
        x, y = cell_box(competence, importance)
        box_top = y + cell
        for n_left, n_bottom, n_right, n_top in names:  # under a quadrant's name
            if (n_left < x + cell and n_right > x and n_bottom < box_top and n_top > y
                    and n_bottom - y >= cell * 0.4):
                box_top = min(box_top, n_bottom)
        box_h = box_top - y
        cx, cy = x + cell / 2, y + box_h / 2
        n = len(group)
        across = math.ceil(math.sqrt(n))
        rows = math.ceil(n / across)
        step_x, step_y = cell * 0.84 / across, box_h * 0.84 / rows
        for i, (number, hours, decision) in enumerate(group):
            radius = min(cell * 0.42 * radius_share(hours), min(cell, box_h) * 0.46)
            px, py = cx, cy
            if n > 1:
                row, place = divmod(i, across)
                in_row = min(across, n - row * across)
                px = cx + (place - (in_row - 1) / 2) * step_x
                py = cy - (row - (rows - 1) / 2) * step_y  # the first row on top
                radius = min(radius, 0.46 * min(step_x, step_y))
            placed.append((px, py, max(_number_radius(number), radius), number, decision))
    placed.sort(key=lambda p: -p[2])
    for px, py, radius, number, decision in placed:
        drawing.add(_numbered_circle(px, py, radius, number, decision))

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
    drawing.add(String(x0, 12, _("Circle size: hours a month (largest at 160 or more); the "
                                 "numbers are the table's."),
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
ONE_PAGE = 18  # at most this many activities share the page with the matrix
MATRIX_WIDTH = 340.0  # the matrix beside the table: this wide when the table has room…
MATRIX_LEAST = 290.0  # …and no narrower, to give the table room for its words
MATRIX_HEIGHT = 360.0
GAP = 12.0
TABLE_SIZE = 6.8
PAD = 2.5  # a cell's padding, left and right
NAME_WIDE = 150.0  # the Activity column beside the matrix: at most this wide before the
NAME_LEAST = 60.0  # matrix gives room, and at least this (names wrap in it)
FRAME_HEIGHT = landscape_size(PAGE)[1] - MARGIN_TOP - MARGIN_BOTTOM  # the page's room


def total_sentence(plan: PlanMoney, locale: str) -> str:
    t, code = plan.total, plan.currency
    return _("If you outsource the recommended activities: cost {cost}, value of hours freed "
             "{value}, saving {saving} per month").format(
                 cost=money(t.cost_minor, code, locale),
                 value=money(t.hours_value_minor, code, locale),
                 saving=money(t.saving_minor, code, locale))


def write_planner_report(store: Store, path: Path, *, currency: str | None = None,
                         today: dt.date | None = None, thresholds: Thresholds | None = None,
                         should_stop: Callable[[], bool] | None = None) -> Path:
    """Write the outsourcing plan (one page when it fits) to ``path`` in ``currency`` (the
    business's base currency by default). Raises Cancelled, writing nothing, once ``should_stop`` says so."""
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
    header = ReportHeader(info.name, REPORT, _("Per month, in {currency}").format(currency=code),
                          prepared_text(today, locale))
    return write_report(Path(path), header,
                        _story(plan, usable, skipped, thresholds or Thresholds(), locale,
                               today, rates),
                        landscape=True, should_stop=should_stop,
                        subject=_("Outsourcing plan in {currency}").format(currency=code),
                        keywords=(_("outsourcing"), _("planner"), code))


def _story(plan: PlanMoney, usable: Sequence[tuple[ActivityRecord, Recommendation]],
           skipped: Sequence[str], thresholds: Thresholds, locale: str, today: dt.date,
           rates: Sequence[object]) -> Iterator[Flowable]:
    title = Paragraph(safe(REPORT), styles().title)
    intro = note(_("Every activity placed by its importance to the bottom line and your team's "
                   "competence, as of {date}, and numbered as in the table. Amounts are per "
                   "month in {currency}; the recommendation follows the planner's rules.").format(
                       date=date_text(today, locale), currency=plan.currency))
    yield title
    yield intro
    if not usable and not skipped:
        yield no_data(EMPTY)
        return
    points = [(r.inputs.name, r.inputs.importance, r.inputs.competence,
               r.inputs.hours_per_month, a.decision) for r, a in usable]
    lines = {line.name: line for line in plan.lines}
    rows = [_row(record, advice, lines[record.inputs.name], locale) for record, advice in usable]
    decisions = [advice.decision for _record, advice in usable]
    side = [*_notes(plan, skipped, thresholds, locale, rates)]
    whole = content_width(landscape=True)
    if len(usable) <= ONE_PAGE:
        fixed = _widths(rows, plan.currency, TABLE_SIZE, PAD, two_lines=True)
        widest = max((pdfmetrics.stringWidth(plain(r[0]), FONT, TABLE_SIZE) for r in rows),
                     default=0.0)
        name_room = min(NAME_WIDE, widest + 2 * PAD + 1)
        matrix = min(MATRIX_WIDTH, max(MATRIX_LEAST, whole - GAP - sum(fixed) - name_room))
        width = whole - matrix - GAP
        if width - sum(fixed) >= NAME_LEAST:
            right: list[Flowable] = [_table(rows, decisions, fixed, width, plan.currency),
                                     Spacer(1, 6), *side]
            drawing = matrix_drawing(points, thresholds, width=matrix, height=MATRIX_HEIGHT)
            outer = Table([[drawing, right]], colWidths=[matrix + GAP, width], hAlign="LEFT")
            outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 0),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            used = sum(f.wrap(whole, FRAME_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                       for f in (title, intro))
            if outer.wrap(whole, FRAME_HEIGHT)[1] <= FRAME_HEIGHT - used - 2:
                yield outer
                return
    # Too many for one page: the matrix, then the table across the page (it may run on).
    yield matrix_drawing(points, thresholds, width=MATRIX_WIDTH, height=MATRIX_HEIGHT)
    yield heading(_("Activities"))
    cell = styles().cell
    yield from stream_table(_columns(whole, plan.currency, rows), (
        (_badge(number, decision, len(rows)), Paragraph(safe(name), cell), hours, imp, comp,
         Paragraph(safe(rec.replace("\n", " · ")), cell), best, value, saving)
        for number, (decision, (name, hours, imp, comp, rec, best, value, saving))
        in enumerate(zip(decisions, rows), start=1)))
    yield from side


def _titles(code: str) -> list[tuple[str, str]]:
    """The table's column titles, whole words only, and how each column is aligned."""
    return [(_("No."), "C"), (_("Activity"), "L"), (_("Hours / month"), "C"),
            (_("Importance"), "C"), (_("Competence"), "C"), (_("Recommended"), "L"),
            (_("Best quote ({currency})").format(currency=code), "R"),
            (_("Hours' value ({currency})").format(currency=code), "R"),
            (_("Saving ({currency})").format(currency=code), "R")]


def _title_width(title: str, size: float, *, two_lines: bool) -> float:
    """The least width ``title`` needs in bold at ``size``: on one line, or on two broken
    between words (never inside one) when ``two_lines``."""
    words = title.split()

    def measure(text: str) -> float:
        return pdfmetrics.stringWidth(text, FONT_BOLD, size)

    if not two_lines or len(words) < 2:
        return measure(title)
    return min(max(measure(" ".join(words[:i])), measure(" ".join(words[i:])))
               for i in range(1, len(words)))


def _widths(rows: Sequence[tuple[str, ...]], code: str, size: float, pad: float, *,
            two_lines: bool) -> list[float]:
    """The width of every column but Activity: room for its title's longest word (the title in
    two lines at most, or one) and for its widest value, which is never cut."""
    out = []
    for n, (title, _align) in enumerate(_titles(code)):
        if n == 1:
            continue
        need = _title_width(title, size, two_lines=two_lines)
        if n == 0:
            need = max(need, 2 * max(_number_radius(len(rows)), 4.4) + 1)
        else:
            for row in rows:
                for part in row[n - 1].split("\n"):
                    need = max(need, pdfmetrics.stringWidth(plain(part), FONT, size))
        out.append(need + 2 * pad + 1)
    return out


def _columns(width: float, code: str, rows: Sequence[tuple[str, ...]]) -> list[Column]:
    """The columns of the table across the page, under the kit's one-line titles."""
    fixed = [max(w, _w) for w, _w in zip(
        _widths(rows, code, HEAD_SIZE, PAD_X, two_lines=False),
        _widths([r[:4] + (r[4].replace("\n", " · "),) + r[5:] for r in rows], code,
                CELL_SIZE, PAD_X, two_lines=False))]
    titles = _titles(code)
    widths = [fixed[0], max(NAME_LEAST, width - sum(fixed)), *fixed[1:]]
    return [Column(title, w, "L" if align == "L" else "R")
            for (title, align), w in zip(titles, widths)]


def _row(record: ActivityRecord, advice: Recommendation, line: ActivityMoney,
         locale: str) -> tuple[str, ...]:
    code = line.currency
    recommended = advice.decision.label
    if record.decision not in (advice.decision, PlannerDecision.UNDECIDED):
        recommended += "\n" + _("you: {decision}").format(decision=record.decision.label)
    if line.best is not None:
        best = amount(line.best.plan_minor or 0, code, locale)
    elif line.other_currency:
        cheapest = min(line.other_currency, key=lambda q: (q.quote.currency, q.monthly_minor))
        best = money(cheapest.monthly_minor, cheapest.quote.currency, locale)
    else:
        best = _("no quote")
    saving = "—" if line.saving_minor is None else amount(line.saving_minor, code, locale)
    return (record.inputs.name, f"{line.hours_per_month:f}", str(record.inputs.importance),
            str(record.inputs.competence), recommended, best,
            amount(line.hours_value_minor, code, locale), saving)


def _badge(number: int, decision: PlannerDecision, most: int) -> Drawing:
    """An activity's number on a circle in its decision's colour, as in the matrix; every
    badge as big as the one for the biggest number, ``most``."""
    radius = max(_number_radius(most), 4.4)
    drawing = Drawing(2 * radius + 1, 2 * radius + 1)
    drawing.add(_numbered_circle(radius + 0.5, radius + 0.5, radius, number, decision))
    return drawing


def _table(rows: Sequence[tuple[str, ...]], decisions: Sequence[PlannerDecision],
           fixed: Sequence[float], width: float, code: str) -> Table:
    """The activities beside the matrix: titles in whole words (two lines at most), names and
    recommendations wrapped, never cut."""
    titles = _titles(code)
    widths = [fixed[0], width - sum(fixed), *fixed[1:]]
    align = {"L": TA_LEFT, "C": TA_CENTER, "R": TA_RIGHT}
    heads = [ParagraphStyle(f"plan-head-{a}", fontName=FONT_BOLD, fontSize=TABLE_SIZE,
                            leading=TABLE_SIZE * 1.15, textColor=INK, alignment=align[a],
                            splitLongWords=0) for _t, a in titles]
    body = ParagraphStyle("plan-cell", fontName=FONT, fontSize=TABLE_SIZE,
                          leading=TABLE_SIZE * 1.2, textColor=INK)
    head = [Paragraph(safe(title), style) for (title, _a), style in zip(titles, heads)]
    cells = []
    for number, (decision, row) in enumerate(zip(decisions, rows), start=1):
        name, *rest = row
        line: list[object] = [_badge(number, decision, len(rows)), Paragraph(safe(name), body)]
        for value, column in zip(rest, widths[2:]):
            parts = [_fit(part, FONT, TABLE_SIZE, column - 2 * PAD) for part in value.split("\n")]
            line.append("\n".join(parts))
        cells.append(line)
    table = Table([head, *cells], colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 1), (-1, -1), FONT, TABLE_SIZE, TABLE_SIZE * 1.2),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
    ]
    for n, (_title, a) in enumerate(titles):
        if a != "L":
            commands.append(("ALIGN", (n, 1), (n, -1), "CENTER" if a == "C" else "RIGHT"))
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
        yield note(_("Counted: {activities} — {hours} a month freed, each at its cheapest "
                     "quote.").format(activities=", ".join(total.activities),
                                      hours=hours_text(total.hours_per_month)))
    else:
        yield note(_("No activity recommended for outsourcing has a quote in {currency} "
                     "yet.").format(currency=plan.currency))
    for other in plan.other_totals:
        yield note(_("Quoted only in {currency}, with no rate to {plan_currency} (not "
                     "converted, not added): {amount} a month for {activities}.").format(
                         currency=other.currency, plan_currency=plan.currency,
                         amount=money(other.cost_minor, other.currency, locale),
                         activities=", ".join(other.activities)))
    if plan.unquoted:
        yield note(_("Recommended for outsourcing but not quoted yet: {activities}.").format(
            activities=", ".join(plan.unquoted)))
    if skipped:
        yield note(_("Left out, valued in a currency with no rate to {currency}: {activities}. "
                     "Enter an exchange rate to include them.").format(
                         currency=plan.currency, activities=", ".join(skipped)))
    if rates:
        used = "; ".join(
            f"1 {r.from_currency} = {r.rate} {r.to_currency}"  # type: ignore[attr-defined]
            for r in rates)
        yield note(_("Exchange rates used: {rates}.").format(rates=used))
    yield note(_("Scores of {high} or more are high, {low} or less low ({source}); low "
                 "importance with high competence counts as costly from {hours} a month. "
                 "Saving is the value of the hours less the cheapest quote; a minus means "
                 "outsourcing costs more.").format(
                     high=thresholds.high_importance, low=thresholds.low_importance,
                     source=thresholds.source,
                     hours=hours_text(thresholds.costly_hours_per_month)))
