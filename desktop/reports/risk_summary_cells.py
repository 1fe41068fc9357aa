"""The risk summary's building blocks: lines of text, coloured statuses and ruled tables, each
drawn without a Paragraph where the text allows (``pdf_line``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import cache
from string import Formatter

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus.tables import CellStyle

from desktop.core.formats import date_text
from desktop.core.i18n import _
from desktop.core.money import format_money
from desktop.core.risk import Answer, Band, risk_value
from desktop.core.risk_catalog import SCALE, question
from desktop.core.risk_palette import BAND_COLOURS
from desktop.reports.pdf_base import (
    FONT,
    INK,
    MUTED,
    OK,
    RISK,
    RULE,
    SHADE,
    WARN,
    Paragraph,
    para,
    plain,
    safe,
    styles,
)
from desktop.reports.pdf_line import Line, PlainTable, Run, width
from desktop.reports.pdf_text import clean

# Free text is summarised, not reproduced: the whole text stays in Crewbook.
LONG = 400
MEDIUM = 240
EVIDENCE = 160
GOALS = 300


BAND_RANGES = {Band.LOW: "1–4", Band.MEDIUM: "5–9", Band.HIGH: "10–16", Band.CRITICAL: "20–25"}


# --- small helpers -------------------------------------------------------------------------
def day_text(day: dt.date | dt.datetime | None) -> str:
    # A moment stored in UTC reads as the owner's own date.
    return date_text(day, "—")


def money_text(minor: int | None, currency: str) -> str:
    return _("not set") if minor is None else format_money(minor, currency)


def hex_colour(colour: colors.Color) -> str:
    return "#" + colour.hexval()[2:]


STATE_COLOURS = {"ok": OK, "watch": WARN, "risk": RISK, "open": WARN, "info": MUTED}
STATE_WORDS = {"ok": "", "watch": _("check"), "risk": _("risk"), "open": _("not answered"),
               "info": ""}


def status_line(text: str, state: str) -> Flowable:
    """A short coloured status: bold text, then a word for the state when it adds one."""
    colour = STATE_COLOURS[state]
    word = STATE_WORDS[state]
    adds = bool(word) and word.lower() != text.lower()
    extra = f" <font size=\"7\">· {word}</font>" if adds else ""
    runs = [Run(clean(text), bold=True, colour=colour)]
    if adds:
        runs += [Run(" ", colour=colour), Run(clean(f"· {word}"), colour=colour, size=7)]
    return Line(runs, styles().cell, lambda: Paragraph(
        f'<font color="{hex_colour(colour)}"><b>{safe(text)}</b>{extra}</font>', styles().cell))


def muted_line(text: str, style: ParagraphStyle | None = None) -> Flowable:
    style = style or styles().cell
    return Line([Run(clean(text), colour=MUTED)], style, lambda: Paragraph(
        f'<font color="{hex_colour(MUTED)}">{safe(text)}</font>', style))


def text_line(value: object, style: ParagraphStyle | None = None,
              limit: int | None = None) -> Flowable:
    """User or own text in ``style`` (the cell style unless told), as ``para`` prints it."""
    style = style or styles().cell
    return Line([Run(clean(value, limit))], style, lambda: para(value, style, limit))


def value_line(value: object, limit: int | None = MEDIUM, empty: str = "—") -> Flowable:
    text = plain(value, limit) if str(value).strip() else ""
    return text_line(text) if text else muted_line(empty)


def heading_line(text: str) -> Flowable:
    style = styles().heading
    return Line([Run(clean(text))], style, lambda: Paragraph(safe(text), style))


def label_line(text: str) -> Flowable:
    style = styles().cell_bold
    return Line([Run(clean(text))], style, lambda: Paragraph(safe(text), style))


def marked_line(template: str, style: ParagraphStyle, **marks: Run) -> Flowable:
    """Own text with each ``{name}`` in ``template`` filled by a run in its own look."""
    runs: list[Run] = []
    for literal, name, _spec, _conv in Formatter().parse(template):
        if literal:
            runs.append(Run(literal))
        if name is not None:
            runs.append(marks[name])
    markup = safe(template).format(**{k: _markup(r) for k, r in marks.items()})
    return Line(runs, style, lambda: Paragraph(markup, style))


def _markup(run: Run) -> str:
    text = safe(run.text)
    if run.bold:
        text = f"<b>{text}</b>"
    return f'<font color="{hex_colour(run.colour)}">{text}</font>' if run.colour else text


def band_run(b: Band) -> Run:
    return Run(clean(b.label), bold=True, colour=colors.HexColor(BAND_COLOURS[b]))


def table_style(commands: Sequence[tuple[object, ...]]) -> TableStyle:
    """A table style whose plain-string cells (even empty ones) use the bundled font."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


_EMPTY = CellStyle("empty")  # ReportLab's own cell defaults
_PAD = 4  # a grid cell's left and right padding
# What a grid's style commands may say besides the look of its cells.
_TABLE_OPS = frozenset({"BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT",
                        "GRID", "BOX", "OUTLINE", "INNERGRID", "LINEBELOW", "LINEABOVE",
                        "LINEBEFORE", "LINEAFTER"})


@cache
def _look(font: str, size: float, leading: float, colour: colors.Color) -> CellStyle:
    """A grid cell's look, made once and shared by every cell that has it: a table changes a
    cell's look only through style commands (a grid gives none) or when it splits a
    middle-aligned row (a grid's cells are top-aligned and its rows never split)."""
    look = CellStyle(f"grid-{font}-{size}")
    look.fontname, look.fontsize, look.leading = font, size, leading
    look.color = colors.toColor(colour, colors.Color(0, 0, 0))
    look.valign = "TOP"
    look.leftPadding = look.rightPadding = _PAD
    look.topPadding, look.bottomPadding = 2, 2.5
    return look


def grid(rows: list[list[object]], widths: Sequence[float], *, header: bool = True,
         extra: Sequence[tuple[object, ...]] = ()) -> PlainTable:
    cell = styles().cell
    looks: list[list[CellStyle]] = []
    for row in rows:
        row_looks = []
        for c, value in enumerate(row):
            if value == "":  # an empty cell keeps the height ReportLab gives it
                row_looks.append(_look(FONT, _EMPTY.fontsize, _EMPTY.leading, cell.textColor))
                continue
            # A line that needs no flowable becomes the table's own string, drawn the same.
            found = (value.as_cell(widths[c] - 2 * _PAD) if isinstance(value, Line)
                     and value.style.leading == cell.leading
                     and value.style.fontSize == cell.fontSize else None)
            font, colour = FONT, cell.textColor
            if found is not None:
                row[c], font, colour = found
            row_looks.append(_look(font, cell.fontSize, cell.leading, colour))
        looks.append(row_looks)
    if any(command[0] not in _TABLE_OPS for command in extra):
        looks = [[CellStyle(look.name, look) for look in row] for row in looks]  # its own
    table = PlainTable(rows, colWidths=list(widths), repeatRows=1 if header else 0,
                       hAlign="LEFT", cellStyles=looks)
    style: list[tuple[object, ...]] = [("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK)]
    table.setStyle(TableStyle([*style, *extra]))
    return table


def label_width(least: float, *labels: str) -> float:
    """A column of bold ``labels`` at least ``least`` wide, and wide enough for each one's
    longest word: a label may wrap between words, but no word is cut in two (German builds
    long ones: "Ersatz-Auftragnehmer")."""
    style = styles().cell_bold
    words = [word for label in labels for word in clean(label).split()]
    widest = max((width(word, style.fontName, style.fontSize) for word in words), default=0)
    return max(least, math.ceil(widest) + 2 * _PAD + 1)


def head_row(*labels: str) -> list[object]:
    return [label_line(label) for label in labels]


def answer_state(qid: str, answers: Mapping[str, Answer]) -> tuple[str, str]:
    q = question(qid)
    answer = answers.get(qid)
    if answer is None or answer.value is None:
        return _("Not answered"), "open"
    r = risk_value(q, answer)
    if q.kind == SCALE:
        text = _("{value} of 5").format(value=answer.value)
    else:
        text = _("Yes") if answer.value else _("No")
    if r <= Fraction(1, 4):
        return text, "ok"
    return text, "risk" if r >= Fraction(3, 4) else "watch"
