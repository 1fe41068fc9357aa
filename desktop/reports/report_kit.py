"""What every accountant report shares: amounts and dates in the business's locale, a running
header and footer with "page X of Y" on every page, tables streamed a page at a time, totals,
a clear "nothing to show" box and a small bar chart.

Reports hand ``write_report`` a story that may be a generator: it is consumed lazily while the
pages are laid out, so a table of 100,000 rows never exists as one list of cells or flowables.

What closes a streamed table (its totals, the notes straight after it and, at the end of the
story, a short closing section) ends on the page its last rows end on: when it does not fit
there, the table's last two rows go on to the next page with it, so no page starts with totals
or a note cut off from their table, and a last page never holds a lone note.

    header = ReportHeader(business, "Payments", period_text(first, last, locale), generated)
    story = [heading("Detail"), *stream_table(columns, rows)]   # or a generator of flowables
    write_report(path, header, story, landscape=True, subject="…")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path
from typing import IO, Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    format_currency,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
)
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape as turned
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak
from reportlab.platypus.flowables import CondPageBreak, UseUpSpace
from reportlab.platypus.tables import CellStyle

import desktop
from desktop.core.i18n import _, language
from desktop.core.money import minor_digits
from desktop.core.validation import Cancelled
from desktop.reports.pdf_base import (
    FONT,
    FONT_BOLD,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE,
    RULE,
    SHADE,
    Paragraph,
    deflate_last_page,
    plain,
    register_fonts,
    safe,
    styles,
)
from desktop.reports.pdf_text import draw_line, fit, is_simple, one_line
from desktop.store.private_file import private_file

__all__ = [
    "CELL_SIZE", "HEAD_HEIGHT", "HEAD_SIZE", "PAD_X", "ROW_HEIGHT", "Column", "ReportHeader",
    "amount", "and_list", "bar_chart", "content_width", "count_text", "date_text", "heading",
    "money", "month_text", "no_data", "note", "period_text", "stream_table", "totals_table",
    "write_report",
]

ACCENT = colors.HexColor("#0969da")

# Table cells: one line each, so every row has the same height and never splits.
CELL_SIZE = 7.8
HEAD_SIZE = 7.8
ROW_HEIGHT = 12.5
HEAD_HEIGHT = 15.0
PAD_X = 4.0

FOOT_SIZE = 7.5
HEAD_TEXT_SIZE = 9.0
_TOTAL_FORM = "CrewbookPageTotal"


# --- amounts and dates ---------------------------------------------------------------------
@dataclass(frozen=True)
class ReportHeader:
    """Drawn on every page: business · title on the left, the period on the right; the
    generated text bottom left and "page X of Y" bottom right."""

    business: str
    title: str
    period: str
    generated: str


# Checked against Babel before the fast formatter is trusted for a locale and currency.
_SAMPLES = (0, 1, 7, 12, 123, 999, 1_000, 1_234, 12_345, 123_456, 1_234_567, 98_765_432,
            10**12 + 5, -1, -1_234, -1_234_567)


@cache
def _number_format(currency: str, locale: str) -> Callable[[int], str]:
    """How minor units of ``currency`` are written in ``locale`` (no symbol, exactly the
    currency's digits). Babel takes tens of microseconds per call, too slow for 100,000 rows, so
    plain integer arithmetic with the locale's symbols is used wherever it gives exactly Babel's
    text (grouping rules such as India's or a minimum group fall back to Babel)."""
    code = currency.upper()
    digits = minor_digits(code)
    where = Locale.parse(locale)
    pattern = where.decimal_formats[None].pattern
    scale = 10**digits

    def with_babel(minor: int) -> str:
        return format_currency(Decimal(minor).scaleb(-digits), code, format=pattern,
                               locale=where, currency_digits=True)

    group, point = get_group_symbol(where), get_decimal_symbol(where)
    minus = get_minus_sign_symbol(where)

    def fast(minor: int) -> str:
        whole, fraction = divmod(-minor if minor < 0 else minor, scale)
        text = f"{whole:,}".replace(",", group)
        if digits:
            text = f"{text}{point}{fraction:0{digits}d}"
        return minus + text if minor < 0 else text

    if all(fast(v) == with_babel(v) for v in _SAMPLES):
        return fast
    return with_babel


def amount(minor: int, currency: str, locale: str) -> str:
    """The number alone, in the locale, with the currency's minor digits: "1,250.00"."""
    return _number_format(currency, locale)(minor)


def money(minor: int, currency: str, locale: str) -> str:
    """An amount followed by its ISO code: "1,250.00 USD", "1.250,00 EUR", "125 JPY"."""
    return f"{_number_format(currency, locale)(minor)} {currency.upper()}"


@lru_cache(maxsize=8192)  # a long report repeats the same few hundred dates
def date_text(day: dt.date, locale: str) -> str:
    """Babel's medium date: "5 Jan 2026" (en_GB), "Jan 5, 2026" (en_US), "05.01.2026"."""
    return format_date(day, format="medium", locale=locale)


@lru_cache(maxsize=1024)
def month_text(day: dt.date, locale: str) -> str:
    """A month and year for labels: "Jan 2026"."""
    return format_date(day, format="MMM y", locale=locale)


def count_text(count: int, locale: str) -> str:
    """A count in a sentence, grouped as the locale groups it: "1,234", "1.234"."""
    return format_decimal(count, locale=locale)


def and_list(items: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    if len(items) < 2:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def period_text(first: dt.date, last: dt.date, locale: str) -> str:
    """"1 Jan 2026 – 31 Mar 2026" in the locale's medium dates; one date for a single day."""
    if first == last:
        return date_text(first, locale)
    return f"{date_text(first, locale)} – {date_text(last, locale)}"


# --- text that fits one line ---------------------------------------------------------------
@cache
def _widest_ascii(font: str) -> float:
    """The widest printable ASCII glyph per point of size, so short ASCII text can skip
    measuring."""
    register_fonts()
    return max(pdfmetrics.stringWidth(chr(c), font, 1000) for c in range(32, 127)) / 1000


def _printable(value: str) -> str:
    # Printable ASCII without doubled or edge spaces is already what ``plain`` returns.
    if (value.isascii() and value.isprintable() and "  " not in value
            and value[:1] != " " and value[-1:] != " "):
        return value
    return plain(value)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` points on one line."""
    if text.isascii() and len(text) * _widest_ascii(font) * size <= width:
        return text
    return _measured_fit(text, font, size, width)


@lru_cache(maxsize=4096)  # names and titles repeat page after page; bounded memory
def _measured_fit(text: str, font: str, size: float, width: float) -> str:
    register_fonts()
    return fit(text, font, size, width)


# --- tables ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    """A table column: its title, its width in points and its alignment ("L" or "R")."""

    title: str
    width: float
    align: str = "L"

    def __post_init__(self) -> None:
        if self.align not in ("L", "R"):
            raise ValueError(f"align is 'L' or 'R', not {self.align!r}")  # not shown


def titled_widths(columns: Sequence[Column]) -> list[float]:
    """The columns' widths, each widened where its title needs it to be read whole (German
    titles run long: "Bezahlte Auftragnehmer" where English has "Contractors paid"). What a
    column gains, the columns with the most room beyond their own titles give (names and
    descriptions, cut with an ellipsis anyway, before dates and amounts), so the table keeps
    its width; when they have too little, the widths stay as given and the long titles are
    cut with an ellipsis."""
    register_fonts()
    widths = [c.width for c in columns]
    needs = [pdfmetrics.stringWidth(_printable(c.title), FONT_BOLD, HEAD_SIZE) + 2 * PAD_X + 0.01
             for c in columns]
    short = sum(max(0.0, need - width) for need, width in zip(needs, widths))
    spare = [max(0.0, width - need) for need, width in zip(needs, widths)]
    if not short or sum(spare) < short:
        return widths
    # The roomiest give down to a common level: the highest at which they cover the shortfall.
    level = max(spare)
    for below in sorted({*spare, 0.0}, reverse=True):
        given = sum(max(0.0, room - below) for room in spare)
        if given >= short:
            above = [room for room in spare if room > below]
            level = below + (given - short) / len(above)
            break
    return [need if need > width else width - max(0.0, room - level)
            for need, width, room in zip(needs, widths, spare)]


class _StreamTable(Table):
    """One chunk of a streamed table. Parts of it split off by ReportLab stay tagged with
    their stream, so the document can lay the rows out a page at a time (see ``_Document``)."""

    _stream: _Stream | None = None
    _totals = False  # a totals table, kept with the last rows of the table before it

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part._stream = self._stream
        return parts


def _cell_style(font: str, size: float, align: str) -> CellStyle:
    style = CellStyle(f"{font}-{size}-{align}")
    style.fontname, style.fontsize, style.leading = font, size, size * 1.2
    style.color, style.valign = INK, "MIDDLE"
    style.alignment = "RIGHT" if align == "R" else "LEFT"
    style.leftPadding = style.rightPadding = PAD_X
    style.topPadding, style.bottomPadding = 1, 2
    return style


class _Stream:
    """What every chunk of one table shares: columns, the header row, one row of cell styles
    (the same objects in every row, so no per-cell styling runs) and the rules and shading."""

    def __init__(self, columns: Sequence[Column], *, bold: bool = False, totals: bool = False):
        register_fonts()
        self.columns = tuple(columns)
        if not self.columns:
            raise ValueError("a table needs at least one column")  # not shown
        self.widths = titled_widths(self.columns)
        self.font = FONT_BOLD if bold else FONT
        self.room = [max(1.0, width - 2 * PAD_X) for width in self.widths]
        self.header = [_fit(_printable(c.title), FONT_BOLD, HEAD_SIZE, room)
                       for c, room in zip(self.columns, self.room)]
        self.head_styles = [_cell_style(FONT_BOLD, HEAD_SIZE, c.align) for c in self.columns]
        self.row_styles = [_cell_style(self.font, CELL_SIZE, c.align) for c in self.columns]
        if totals:
            commands: list[tuple[Any, ...]] = [("LINEABOVE", (0, 0), (-1, 0), 0.9, INK)]
        else:
            commands = [
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
            ]
        self.style = TableStyle(commands)

    def cells(self, row: Sequence[object]) -> tuple[list[object], bool]:
        """A row's cells ready for the table, and whether it holds a flowable (its height
        is then measured rather than fixed)."""
        if len(row) != len(self.columns):
            raise ValueError(f"a row has {len(row)} cells for {len(self.columns)} columns")  # not shown
        out: list[object] = []
        free = False
        font = self.font
        for value, room, column in zip(row, self.room, self.columns):
            if isinstance(value, Flowable):
                out.append(value)
                free = True
            elif value is None:
                out.append("")
            else:
                text = _printable(value if isinstance(value, str) else str(value))
                if not text or is_simple(text):
                    out.append(_fit(text, font, CELL_SIZE, room) if text else "")
                else:  # another script or direction: laid out as a paragraph
                    out.append(one_line(text, font, CELL_SIZE, room, align=column.align))
                    free = True
        return out, free

    def table(self, rows: list[list[object]], heights: list[float | None], *,
              header: bool = True, totals_row: bool = False) -> Table:
        styles_ = [self.row_styles] * len(rows)
        if header:
            rows, heights = [self.header, *rows], [HEAD_HEIGHT, *heights]
            styles_.insert(0, self.head_styles)
        table = _StreamTable(rows, colWidths=self.widths, rowHeights=heights,
                             repeatRows=1 if header else 0, style=self.style, hAlign="LEFT",
                             spaceAfter=4 if header else 6, normalizedData=1,
                             cellStyles=styles_)
        table._stream = self if header else None
        table._totals = totals_row
        return table


def _one_line(heights: Sequence[float | None]) -> bool:
    """Whether every row is a one-line row of known height (split remainders of measured rows
    carry their measured heights, so None alone does not tell)."""
    return all(h == ROW_HEIGHT for h in heights)


class _Rows(Flowable):
    """Rows of a streamed table carried over to the next page. Only ``_Document`` makes
    these, and it turns them back into a table before anything lays them out."""

    def __init__(self, stream: _Stream, rows: list[list[object]],
                 heights: list[float | None]):
        super().__init__()
        self._stream, self.rows, self.heights = stream, rows, heights

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        raise AssertionError("carried-over rows are laid out as a table by _Document")


def stream_table(columns: Sequence[Column], rows: Iterable[Sequence[object]], *,
                 chunk: int = 200) -> Iterator[Flowable]:
    """Tables of at most ``chunk`` rows each, every one starting with the header row and
    repeating it on each page it spans; rows are pulled from ``rows`` only as chunks are
    needed. Text is made printable (``pdf_base.plain``) and cut to one line, so rows never
    split across pages; flowables pass through as they are. Nothing is yielded for no rows
    (show ``no_data`` instead). Under ``write_report`` the rows are laid out a page at a time:
    one table per page, the header at its top and never half-way down."""
    if chunk < 1:
        raise ValueError("chunk must be at least 1")  # not shown
    stream = _Stream(columns)
    batch: list[list[object]] = []
    heights: list[float | None] = []
    for row in rows:
        cells, free = stream.cells(row)
        batch.append(cells)
        heights.append(None if free else ROW_HEIGHT)
        if len(batch) >= chunk:
            yield stream.table(batch, heights)
            batch, heights = [], []
    if batch:
        yield stream.table(batch, heights)


def totals_table(columns: Sequence[Column], rows: Sequence[Sequence[object]]) -> Flowable:
    """Total rows in bold under a rule, aligned with ``columns`` (their titles are not
    repeated: the table sits under the table it totals)."""
    stream = _Stream(columns, bold=True, totals=True)
    cells = []
    heights: list[float | None] = []
    for row in rows:
        line, free = stream.cells(row)
        cells.append(line)
        heights.append(None if free else ROW_HEIGHT)
    return stream.table(cells, heights, header=False, totals_row=True)


def content_width(landscape: bool = False) -> float:
    """The width tables may fill on a page of ``write_report``."""
    size = turned(PAGE) if landscape else PAGE
    return size[0] - 2 * MARGIN_X


# --- small flowables ------------------------------------------------------------------------
class _Boxed(Flowable):
    """A message in a shaded, ruled box across the whole frame."""

    PAD = 10

    def __init__(self, text: str):
        super().__init__()
        style = styles()
        self._para = Paragraph(f"<b>{safe(text)}</b>", style.body)
        self.spaceBefore, self.spaceAfter = 6, 6

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _, h = self._para.wrap(availWidth - 2 * self.PAD, availHeight)
        self.width, self.height = availWidth, h + 2 * self.PAD
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(SHADE)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.8)
        canv.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        canv.restoreState()
        self._para.drawOn(canv, self.PAD, self.PAD)


def no_data(text: str) -> Flowable:
    """A boxed message saying there is nothing to report, e.g. "No payments between …"."""
    return _Boxed(text)


def heading(text: str) -> Flowable:
    """A section heading (kept with what follows it)."""
    return Paragraph(safe(text), styles().heading)


def note(text: str) -> Flowable:
    """A small muted line of explanation."""
    return Paragraph(safe(text), styles().muted)


def kept_note(text: str) -> Flowable:
    """A muted line that stays on the page of the table after it."""
    style = ParagraphStyle("kept-note", parent=styles().muted, keepWithNext=1, spaceAfter=3)
    return Paragraph(safe(text), style)


KEEP_WHOLE = 10  # a section of at most this many rows starts on a page that holds it all


def room_for(rows: int, totals: int, *, extra: float = 0) -> Flowable:
    """A page break unless a heading, a line of note, a short table and its totals all fit
    (a heading is kept with a table's first rows only, so a short table with totals could
    move on and leave its heading behind)."""
    if rows > KEEP_WHOLE:
        rows = 3
    return CondPageBreak(extra + 23 + 13 + HEAD_HEIGHT + (rows + totals) * ROW_HEIGHT + 10)


def prepared_text(today: dt.date, locale: str) -> str:
    """The footer's left side: when and by what the report was made."""
    return _("Prepared {date} with Crewbook {version}").format(date=date_text(today, locale),
                                                              version=desktop.__version__)


# --- the chart ------------------------------------------------------------------------------
def bar_chart(bars: Sequence[tuple[str, int]], currency: str, locale: str, *,
              title: str | None = None, width: float = 240, height: float = 120) -> Drawing:
    """Vertical bars of amounts in minor units of one currency (e.g. per month, labelled
    "Jan 2026"), with the axis in the locale and the currency code after ``title`` ("Per
    month" unless another is given)."""
    register_fonts()
    if title is None:
        title = _("Per month")
    code = currency.upper()
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 9, _fit(f"{plain(title)}, {code}", FONT_BOLD, 8, width),
                       fontName=FONT_BOLD, fontSize=8, fillColor=INK))
    if not bars:
        drawing.add(String(0, height / 2, _("No payments"), fontName=FONT, fontSize=7.5,
                           fillColor=MUTED))
        return drawing
    values = [minor for _, minor in bars]
    chart = VerticalBarChart()
    chart.x, chart.y = 46, 26
    chart.width, chart.height = width - chart.x - 4, height - chart.y - 16
    chart.data = [values]
    chart.barSpacing = 1
    chart.groupSpacing = 4
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    # Long periods: label about a dozen bars so the labels never run into each other.
    step = max(1, -(-len(bars) // 12))
    chart.categoryAxis.categoryNames = [label if i % step == 0 else ""
                                        for i, (label, _) in enumerate(bars)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.fillColor = MUTED
    chart.categoryAxis.labels.angle = 30 if len(bars) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(bars) > 6 else "n"
    chart.categoryAxis.strokeColor = RULE
    axis = chart.valueAxis
    axis.valueMin = 0
    axis.rangeRound = "ceiling"  # the tallest bar stays under a labelled grid line
    if max(values) <= 0:
        axis.valueMax = 10 ** minor_digits(code)
    axis.labels.fontName = FONT
    axis.labels.fontSize = 6
    axis.labels.fillColor = MUTED
    axis.strokeColor = RULE
    axis.gridStrokeColor = RULE
    axis.gridStrokeWidth = 0.3
    axis.visibleGrid = True
    axis.labelTextFormat = _axis_format(code, locale)
    drawing.add(chart)
    return drawing


def _axis_format(currency: str, locale: str) -> Callable[[float], str]:
    digits = minor_digits(currency)

    def label(value: float) -> str:
        # The axis works in minor units; its ticks are labelled in major units, short.
        major = Decimal(round(value)).scaleb(-digits)
        return format_decimal(major, format="#,##0.##", locale=locale)

    return label


# --- the document ---------------------------------------------------------------------------
class _Lazy:
    """The list ``doc.build`` expects, filled from an iterator as layout reaches it.

    ReportLab only looks at the front of its list: it reads ``[0]``, looks ahead over
    keep-with-next runs, deletes what it has drawn and puts split remainders back at the front.
    Keeping just that front in memory keeps a long report's memory flat."""

    def __init__(self, items: Iterable[Flowable]):
        self._items: Iterator[Flowable] = iter(items)
        self._front: list[Flowable] = []
        self._done = False

    def _fill(self, count: int) -> None:
        front = self._front
        while len(front) < count and not self._done:
            try:
                front.append(next(self._items))
            except StopIteration:
                self._done = True

    def __len__(self) -> int:
        self._fill(1)
        # Keep-with-next looks ahead over a run of headings: make the run's end visible.
        while not self._done and self._front and self._front[-1].getKeepWithNext():
            self._fill(len(self._front) + 1)
        return len(self._front)

    def __bool__(self) -> bool:
        return len(self) > 0

    def _reach(self, index: int | slice) -> None:
        if isinstance(index, slice):
            if index.stop is None or index.stop < 0 or (index.start or 0) < 0:
                self._fill(1 << 62)  # counts from the end: everything is needed
            else:
                self._fill(index.stop)
        elif index < 0:
            self._fill(1 << 62)
        else:
            self._fill(index + 1)

    def __getitem__(self, index: int | slice) -> Any:
        self._reach(index)
        return self._front[index]

    def __setitem__(self, index: int | slice, value: Any) -> None:
        self._reach(index)
        self._front[index] = value

    def __delitem__(self, index: int | slice) -> None:
        self._reach(index)
        del self._front[index]

    def insert(self, index: int, value: Flowable) -> None:
        self._reach(slice(0, index))
        self._front.insert(index, value)


class _PagedCanvas(Canvas):
    """Holds finished pages as compactly as ReportLab allows. ReportLab keeps every page until
    the file is written, as uncompressed text (tens of KB for a page of table), so each page
    is deflated as soon as it is done (a few KB). No page waits for the page count: the total
    is a form drawn on every page and defined once at the end, when it is known (PDF allows a
    form to be defined after its use)."""

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        super().showPage()
        deflate_last_page(self)

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        total = self.getPageNumber() - 1
        self.beginForm(_TOTAL_FORM, lowery=-3)
        self.setFont(FONT, FOOT_SIZE)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


TAIL_NOTES = 130.0  # closing notes up to about this tall (ten lines) go with the table's end
_LOOK_AHEAD = 8


def _kept_rows(rows: int) -> int:
    """Of a table's last ``rows``, how many stay on this page when two must go on with what
    closes the table: none when fewer than three would stay."""
    keep = rows - 2
    return keep if keep >= 3 else 0


def _is_break(item: Flowable) -> bool:
    return isinstance(item, (ActionFlowable, CondPageBreak, UseUpSpace))


def _tail(flowables: Any, width: float, room: float, at: int = 0) -> float:
    """The height of what must end on the same page as the table ``flowables[at]`` ends on:
    its totals; the notes straight after it (up to the next heading, kept note or table); and,
    when the story ends within a few short flowables with no table or page break among them,
    all of those, so a last page never holds only a closing note or section. Notes taller
    than ``TAIL_NOTES`` are not held: they split across the page end like any paragraph."""
    def height(item: Flowable) -> float:
        _, h = item.wrap(width, room)
        return h + item.getSpaceBefore() + item.getSpaceAfter()

    index, totals = at + 1, 0.0
    try:
        following = flowables[index]
    except IndexError:
        return 0.0
    if getattr(following, "_totals", False):
        totals, index = height(following), index + 1
    notes: list[float] = []  # the flowables after the table and its totals, with their heights
    first_heading: int | None = None
    ended = False
    for offset in range(_LOOK_AHEAD):
        try:
            item = flowables[index + offset]
        except IndexError:
            ended = True
            break
        if getattr(item, "_stream", None) is not None or _is_break(item):
            break
        if first_heading is None and item.getKeepWithNext():
            first_heading = len(notes)
        notes.append(height(item))
    if ended and sum(notes) <= TAIL_NOTES:
        return totals + sum(notes)  # the story's end: the whole closing section
    closing = notes[:first_heading] if first_heading is not None else notes
    return totals + (sum(closing) if sum(closing) <= TAIL_NOTES else 0.0)


class _Document(BaseDocTemplate):
    def __init__(self, filename: IO[bytes], header: ReportHeader, **kwargs: Any):
        super().__init__(filename, **kwargs)
        self.header = header
        width, height = self.pagesize
        frame = Frame(self.leftMargin, self.bottomMargin, width - self.leftMargin
                      - self.rightMargin, height - self.topMargin - self.bottomMargin,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate,
                                            pagesize=self.pagesize)])

    def handle_keepWithNext(self, flowables: Any) -> None:  # noqa: N802 - ReportLab's name
        """A heading before a streamed table stays with the table's header and first rows,
        rather than being bundled with the whole first chunk (which would always push the
        table to a new page)."""
        run = 0
        while run < len(flowables) and flowables[run].getKeepWithNext():
            run += 1
        if run and run < len(flowables) and getattr(flowables[run], "_stream", None):
            width = self.frame._getAvailableWidth()
            needed = HEAD_HEIGHT + 3 * ROW_HEIGHT
            table = flowables[run]
            rows = len(table._cellvalues) - 1
            try:
                whole = getattr(flowables[run + 1], "_stream", None) is not table._stream
            except IndexError:
                whole = True
            if whole and not _kept_rows(rows):
                # Too short to leave rows behind: the table and what closes it come whole.
                room = self.frame._height
                needed = table.wrap(width, room)[1] + 4 + _tail(flowables, width, room, run)
            for item in flowables[:run]:
                needed += item.wrap(width, self.frame._height)[1] + item.getSpaceBefore() \
                    + item.getSpaceAfter()
                item.__dict__["keepWithNext"] = 0  # as ReportLab itself does once handled
            flowables.insert(0, CondPageBreak(needed))
            return
        super().handle_keepWithNext(flowables)

    def filterFlowables(self, flowables: Any) -> None:  # noqa: N802 - ReportLab's name
        """Lay a streamed table out a page at a time: take exactly the rows that fit below
        the header here, topping up from the stream's next chunks, and carry the rest over.
        Each row goes into one page table, and a header only ever starts a page or a table."""
        head = flowables[0]
        stream = getattr(head, "_stream", None)
        if stream is None:
            return
        carried = isinstance(head, _Rows)
        if carried:
            rows, heights = head.rows, head.heights
        else:
            rows, heights = head._cellvalues[1:], head._argH[1:]
        if not _one_line(heights):  # rows with flowables: ReportLab measures their heights
            if carried:
                flowables[0] = head = stream.table(rows, heights)
            self._join_measured(flowables, head, stream)
            return
        frame = self.frame
        room = frame._y - frame._y1p
        fit = int((room - HEAD_HEIGHT + 0.01) // ROW_HEIGHT)
        if fit < 1:
            if frame._atTop:  # cannot happen on A4; let ReportLab report it
                if carried:
                    flowables[0] = stream.table(rows, heights)
                return
            flowables.insert(0, FrameBreak())  # the rows go on at the top of the next page
            return
        joined = False
        while len(rows) <= fit:
            try:
                following = flowables[1]
            except IndexError:
                break
            if getattr(following, "_stream", None) is not stream or not _one_line(
                    following._argH[1:]):
                break
            if not joined:
                rows, heights, joined = list(rows), list(heights), True
            rows += following._cellvalues[1:]
            heights += following._argH[1:]
            del flowables[1]
        if len(rows) <= fit:
            fit = self._room_before_tail(flowables, rows, room, width=frame._width)
            if fit < 1:
                flowables.insert(0, FrameBreak())
                return
        if len(rows) > fit:
            flowables[0] = stream.table(rows[:fit], heights[:fit])
            # The rest starts the next page, even when rows were held back for the totals.
            flowables[1:1] = [FrameBreak(), _Rows(stream, rows[fit:], heights[fit:])]
        elif joined or carried:
            flowables[0] = stream.table(rows, heights)

    def _join_measured(self, flowables: Any, head: Table, stream: _Stream) -> None:
        """For rows of measured height: while the head table would end on this page, join
        the stream's next chunk to it (ReportLab then splits it at the page end)."""
        frame = self.frame
        room = frame._y - frame._y1p
        width = frame._getAvailableWidth()
        _, used = head.wrap(width, room)
        rows: list[list[object]] | None = None
        heights: list[float | None] = []
        while used <= room:
            try:
                following = flowables[1]
            except IndexError:
                break
            if getattr(following, "_stream", None) is not stream:
                break
            if rows is None:
                rows, heights = list(head._cellvalues[1:]), list(head._argH[1:])
            _, more = following.wrap(width, room)
            used += more - following._rowHeights[0]
            rows += following._cellvalues[1:]
            heights += following._argH[1:]
            del flowables[1]
        if rows is not None:
            flowables[0] = head = stream.table(rows, heights)
        if used > room:
            return  # ReportLab splits it, and its last rows go on with what follows
        tail = _tail(flowables, width, room)
        if not tail or used + 4 + tail <= room:
            return
        # The table ends here but what closes it does not fit: its last rows go on with it.
        if rows is None:
            rows, heights = list(head._cellvalues[1:]), list(head._argH[1:])
        keep = _kept_rows(len(rows))
        if keep < 1:
            if not frame._atTop:  # at the top of a page, a new page would not help
                flowables.insert(0, FrameBreak())
            return
        flowables[0] = stream.table(rows[:keep], heights[:keep])
        flowables[1:1] = [FrameBreak(), stream.table(rows[keep:], heights[keep:])]

    def _room_before_tail(self, flowables: Any, rows: list[list[object]], room: float, *,
                          width: float) -> int:
        """How many of a table's last rows go on this page so that what closes the table (its
        totals, its closing notes: see ``_tail``) comes with them: all of them when that fits
        too, otherwise all but a couple carried over with it (totals or a note alone at the top
        of a page would have no table to read them by)."""
        tail = _tail(flowables, width, room)
        need = tail + HEAD_HEIGHT + len(rows) * ROW_HEIGHT + 4  # the table's space after it
        if not tail or need <= room:
            return len(rows)
        keep = _kept_rows(len(rows))
        # At the top of a page a new page would not help: then the rows stay where they are.
        return keep if keep or not self.frame._atTop else len(rows)

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        h = self.header
        width, height = self.pagesize
        left, right = MARGIN_X, width - MARGIN_X
        top = height - MARGIN_TOP + 8
        canv.saveState()
        canv.setFillColor(INK)
        used = draw_line(canv, left, top, f"{plain(h.business)} · {plain(h.title)}", FONT_BOLD,
                         HEAD_TEXT_SIZE, (right - left) * 0.55)
        canv.setFillColor(MUTED)
        draw_line(canv, right, top, plain(h.period), FONT, HEAD_TEXT_SIZE,
                  right - left - used - 18, align="R")
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(left, top - 4, right, top - 4)
        bottom = MARGIN_BOTTOM - 20
        canv.line(left, bottom + 9, right, bottom + 9)
        draw_line(canv, left, bottom, plain(h.generated), FONT, FOOT_SIZE, (right - left) * 0.7)
        canv.setFont(FONT, FOOT_SIZE)
        # The total is not known yet: room is kept for two digits and the form fills it in.
        before, _total, after = _("page {number} of {total}").partition("{total}")
        number = canv.getPageNumber()
        after = after.format(number=number)
        end = right - pdfmetrics.stringWidth("00" + after, FONT, FOOT_SIZE)
        canv.drawRightString(end, bottom, before.format(number=number))
        if after:
            canv.drawRightString(right, bottom, after)
        canv.translate(end, bottom)
        canv.doForm(_TOTAL_FORM)
        canv.restoreState()


def write_report(path: Path, header: ReportHeader, story: Iterable[Flowable], *,
                 landscape: bool = False, subject: str, keywords: Sequence[str] = (),
                 should_stop: Callable[[], bool] | None = None) -> Path:
    """Lay ``story`` out on A4 (turned when ``landscape``) with the running header and footer
    and the document's metadata, and return ``path``. ``story`` may be a generator; it is read
    only as pages are laid out. ``should_stop`` is asked before each flowable (a streamed table
    is one per chunk of rows); when it says so, Cancelled is raised and no file is written,
    since the PDF is only saved once everything is laid out."""
    if should_stop is not None:
        story = _stoppable(story, should_stop)
    register_fonts()
    path = Path(path)
    size = turned(PAGE) if landscape else PAGE
    title = f"{header.business} — {header.title}, {header.period}"
    with private_file(path, "wb") as out:  # private, and there only once laid out whole
        doc = _Document(
            out, header, pagesize=size, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=plain(title),
            author=plain(header.business), subject=plain(subject),
            keywords=[plain(k) for k in keywords],
            creator=f"Crewbook {getattr(desktop, '__version__', '')}".strip(), lang=language(),
            initialFontName=FONT)
        # A zero-height first flowable: even an empty story makes one (headed, numbered) page.
        doc.build(_Lazy(chain([Spacer(1, 0)], story)), canvasmaker=_PagedCanvas)
    return path


def _stoppable(story: Iterable[Flowable], should_stop: Callable[[], bool]) -> Iterator[Flowable]:
    for flowable in story:
        if should_stop():
            raise Cancelled(_("the report was stopped; no file was written"))
        yield flowable
