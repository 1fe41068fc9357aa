"""The planner's 2×2 matrix: in-house competence across (1–5), importance to the bottom line up
(1–5), tinted by quadrant at the thresholds' bands, each activity a numbered circle sized by its
hours a month and coloured by its decision. The names are listed by number beside the grid (or
under it when the widget is tall and narrow), wrapped but never cut, so activities crowded into
one cell never have labels running into each other. Clicking a circle or a name emits its id."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core.enums import PlannerDecision
from desktop.core.planner import Thresholds
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
from desktop.ui.i18n import tr
from desktop.ui.position_tips import PositionTips

__all__ = ["DECISION_COLOURS", "PlannerMatrix"]

AXIS_TEXT = "#57606a"
LABEL_INK = "#24292f"
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 8, 40  # room for the axis numbers and titles
MIN_RADIUS = 4.0
MIN_CELL = 28.0  # the grid shrinks this far, at most, to make room for the names
LEGEND_MIN = 140.0  # the narrowest column of names
LEGEND_LEAST = 100.0  # …when not every name can be listed anyway
LEGEND_MAX = 300.0  # the widest column of names
LEGEND_GAP = 16.0  # between the grid and the names
COLUMN_GAP = 12.0  # between columns of names
ENTRY_GAP = 3.0  # between two names

Item = tuple[int, str, int, int, Decimal, PlannerDecision]


@dataclass(frozen=True)
class _Point:
    id: int
    name: str
    importance: int
    competence: int
    hours: Decimal
    decision: PlannerDecision


@dataclass(frozen=True)
class _Entry:
    """An activity's line in the list of names: its number, where it is and its wrapped text."""

    point: _Point
    number: int
    rect: QRectF
    lines: tuple[str, ...]


@dataclass(frozen=True)
class _Geometry:
    cell: float
    x0: float
    y0: float
    entries: tuple[_Entry, ...]
    more: str  # said under the list when the widget is too small for every name
    font: QFont  # the names' font


def _wrap(text: str, measure: Callable[[str], float], width: float) -> list[str]:
    """``text`` in lines of at most ``width``, broken between words; a word wider than a line
    is broken where it must be. Nothing is left out."""
    lines: list[str] = []
    for word in text.split() or [""]:
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while len(word) > 1 and measure(word) > width:
            cut = len(word) - 1
            while cut > 1 and measure(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines


def _shown_name(name: str) -> str:
    """A name on one line of words: control and format characters (joiners, stray controls)
    dropped, whitespace collapsed."""
    kept = "".join(ch for ch in name if ch.isspace()
                   or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return " ".join(kept.split())


class PlannerMatrix(PositionTips):
    """``selected`` carries the id given with an item, or its index when items carry none."""

    selected = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._points: list[_Point] = []
        self._thresholds = Thresholds()
        self._current: int | None = None
        self._geometry_key: tuple[object, ...] | None = None
        self._geometry_cache: _Geometry | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName(tr("Importance and competence matrix"))

    # --- API -----------------------------------------------------------------------------
    def set_activities(self, items: Sequence[tuple]) -> None:  # type: ignore[type-arg]
        """Each item is (name, importance, competence, hours, decision), or the same with an
        id in front: (id, name, importance, competence, hours, decision)."""
        points: list[_Point] = []
        for index, item in enumerate(items):
            if len(item) == 5:
                item = (index, *item)
            if len(item) != 6:
                raise ValueError(f"an activity is 5 or 6 values, not {len(item)}")
            id_, name, importance, competence, hours, decision = item
            if not (1 <= importance <= 5 and 1 <= competence <= 5):
                raise ValueError(f"{name}: importance and competence are 1..5, "
                                 f"not {importance} and {competence}")
            points.append(_Point(int(id_), str(name), int(importance), int(competence),
                                 Decimal(hours), PlannerDecision(decision)))
        self._points = points
        if self._current is not None and all(p.id != self._current for p in points):
            self._current = None
        self.setAccessibleDescription("; ".join(
            tr("{name}: importance {importance}, competence {competence}, {hours} a month, "
               "{decision}").format(name=p.name, importance=p.importance,
                                    competence=p.competence, hours=hours_text(p.hours),
                                    decision=p.decision.label) for p in points))
        self.update()

    def set_thresholds(self, thresholds: Thresholds) -> None:
        self._thresholds = thresholds
        self.update()

    def thresholds(self) -> Thresholds:
        return self._thresholds

    def set_current(self, activity_id: int | None) -> None:
        """Ring the point with this id (the activity selected elsewhere); None rings none."""
        self._current = activity_id
        self.update()

    def point_at(self, name: str) -> QPointF:
        """The centre of the named activity's circle, in widget coordinates."""
        for point, _number, centre, _radius in self._layout():
            if point.name == name:
                return centre
        raise KeyError(name)

    def radius_of(self, name: str) -> float:
        for point, _number, _centre, radius in self._layout():
            if point.name == name:
                return radius
        raise KeyError(name)

    def number_of(self, name: str) -> int:
        """The number on the named activity's circle and in front of its name in the list."""
        for point, number, _centre, _radius in self._layout():
            if point.name == name:
                return number
        raise KeyError(name)

    def legend_rect(self, name: str) -> QRectF:
        """Where the named activity's entry (number and name) is in the list of names."""
        return self._entry(name).rect

    def legend_lines(self, name: str) -> list[str]:
        """The lines the named activity's name is written in, in the list of names."""
        return list(self._entry(name).lines)

    def legend_more(self) -> str:
        """What the list says of the names it had no room for ("" when every name is there)."""
        return self._geometry().more

    def grid_rect(self) -> QRectF:
        cell, x0, y0 = self._grid()
        return QRectF(x0, y0, 5 * cell, 5 * cell)

    def cell_rect(self, competence: int, importance: int) -> QRectF:
        cell, x0, y0 = self._grid()
        return QRectF(x0 + (competence - 1) * cell, y0 + (5 - importance) * cell, cell, cell)

    def sizeHint(self) -> QSize:
        return QSize(520, 420)

    def minimumSizeHint(self) -> QSize:
        return QSize(LEFT + RIGHT + 5 * 28, TOP + BOTTOM + 5 * 28)

    # --- geometry ------------------------------------------------------------------------
    def _entry(self, name: str) -> _Entry:
        for entry in self._geometry().entries:
            if entry.point.name == name:
                return entry
        raise KeyError(name)

    def _grid(self) -> tuple[float, float, float]:
        geometry = self._geometry()
        return geometry.cell, geometry.x0, geometry.y0

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() - 2))
        return small

    def _number_font(self) -> QFont:
        font = self._small_font()
        font.setBold(True)
        return font

    def _geometry(self) -> _Geometry:
        key = (self.width(), self.height(), self.font().key(), tuple(self._points))
        if key != self._geometry_key or self._geometry_cache is None:
            self._geometry_cache = self._compute_geometry()
            self._geometry_key = key
        return self._geometry_cache

    def _compute_geometry(self) -> _Geometry:
        """Square cells as big as the room allows once every name has a place beside the grid
        (or under it): the grid shrinks a little for the names in the widget's font, then as
        far as MIN_CELL for them in a smaller font, before a name is left out."""
        room_w = self.width() - LEFT - RIGHT
        room_h = self.height() - TOP - BOTTOM
        biggest = max(8.0, min(room_w, room_h) / 5)
        if not self._points:
            return _Geometry(biggest, LEFT + max(0.0, (room_w - 5 * biggest) / 2), float(TOP),
                             (), "", self.font())
        usable = max(MIN_CELL, biggest * 0.6)
        for font, least in ((self.font(), usable), (self._small_font(), MIN_CELL)):
            cell = biggest
            while True:
                found = self._beside(cell, font) or self._below(cell, font)
                if found is not None:
                    return found
                if cell <= least:
                    break
                cell = max(least, cell * 0.95)
        # Too small for every name: as many as fit, and a word on the rest.
        font = self._small_font()
        tries = [found for cell in dict.fromkeys((min(biggest, usable), min(biggest, MIN_CELL)))
                 for found in (self._beside(cell, font, partial=True),
                               self._below(cell, font, partial=True)) if found is not None]
        if not tries:
            return _Geometry(biggest, LEFT + max(0.0, (room_w - 5 * biggest) / 2), float(TOP),
                             (), self._more_text(0), font)
        return max(tries, key=lambda found: len(found.entries))  # the first of the best

    def _beside(self, cell: float, font: QFont, *,
                partial: bool = False) -> _Geometry | None:
        side = self.width() - LEFT - 5 * cell - LEGEND_GAP - RIGHT
        if side < (LEGEND_LEAST if partial else LEGEND_MIN):
            return None
        most = max(1, int((side + COLUMN_GAP) // (LEGEND_MIN + COLUMN_GAP)))
        for columns in (most,) if partial else range(1, most + 1):
            column = min(LEGEND_MAX, (side - (columns - 1) * COLUMN_GAP) / columns)
            width = columns * column + (columns - 1) * COLUMN_GAP
            # The grid and the names together, centred across the widget.
            x0 = LEFT + max(0.0, (side - width) / 2)
            area = QRectF(x0 + 5 * cell + LEGEND_GAP, TOP, width, self.height() - TOP - 4)
            placed = self._place(area, columns, column, font, partial)
            if placed is not None:
                return _Geometry(cell, x0, float(TOP), *placed, font)
        return None

    def _below(self, cell: float, font: QFont, *,
               partial: bool = False) -> _Geometry | None:
        room_w = self.width() - LEFT - RIGHT
        x0 = LEFT + max(0.0, (room_w - 5 * cell) / 2)
        top = TOP + 5 * cell + BOTTOM + 2
        width = self.width() - 8.0
        if self.height() - 4 - top < QFontMetricsF(font).height() or width < LEGEND_MIN:
            return None
        most = max(1, int((width + COLUMN_GAP) // (LEGEND_MIN + COLUMN_GAP)))
        for columns in (most,) if partial else range(1, most + 1):
            column = min(LEGEND_MAX, (width - (columns - 1) * COLUMN_GAP) / columns)
            used = columns * column + (columns - 1) * COLUMN_GAP
            area = QRectF((self.width() - used) / 2, top, used, self.height() - 4 - top)
            placed = self._place(area, columns, column, font, partial)
            if placed is not None:
                return _Geometry(cell, x0, float(TOP), *placed, font)
        return None

    @staticmethod
    def _badge_font(font: QFont) -> QFont:
        """The numbers' font in the list of names written in ``font``."""
        numbers = QFont(font)
        numbers.setPointSizeF(max(6.0, font.pointSizeF() - 2))
        numbers.setBold(True)
        return numbers

    def _badge(self, font: QFont) -> float:
        """The diameter of the numbers' badges in the list of names written in ``font``:
        about a line high, and wide enough for the biggest number."""
        nfm = QFontMetricsF(self._badge_font(font))
        widest = nfm.horizontalAdvance(str(len(self._points)))
        return max(QFontMetricsF(font).height() - 1, widest + 5)

    def _place(self, area: QRectF, columns: int, column: float, font: QFont,
               partial: bool) -> tuple[tuple[_Entry, ...], str] | None:
        """Every name, numbered, down ``columns`` columns of ``area``; None if they do not all
        fit (with ``partial``, those that fit and a line saying how many did not)."""
        fm = QFontMetricsF(font)
        badge = self._badge(font)
        text_w = column - badge - 6
        if text_w < 24:
            return None
        line = fm.lineSpacing()
        entries: list[_Entry] = []
        index, x, y = 0, area.left(), area.top()
        for number, point in enumerate(self._points, start=1):
            lines = _wrap(_shown_name(point.name), fm.horizontalAdvance, text_w)
            height = max(badge, max(0.0, (badge - line) / 2) + len(lines) * line)
            if y + height > area.bottom() and y > area.top():
                index, x, y = index + 1, x + column + COLUMN_GAP, area.top()
            if index >= columns or y + height > area.bottom():
                if not partial:
                    return None
                break
            entries.append(_Entry(point, number, QRectF(x, y, column, height), tuple(lines)))
            y += height + ENTRY_GAP
        if len(entries) == len(self._points):
            return tuple(entries), ""
        # Room for the line telling the rest: the last entries give theirs up if need be.
        while entries and entries[-1].rect.bottom() + ENTRY_GAP + line > area.bottom():
            entries.pop()
        return tuple(entries), self._more_text(len(entries))

    def _more_text(self, shown: int) -> str:
        rest = len(self._points) - shown
        return tr("%n more activity(s): point at a circle for its name", "", rest)

    def _layout(self) -> list[tuple[_Point, int, QPointF, float]]:
        """Every point's number, centre and radius; points sharing scores share their cell
        in rows, none on top of another."""
        cell, _x0, _y0 = self._grid()
        nfm = QFontMetricsF(self._number_font())
        by_cell: dict[tuple[int, int], list[tuple[int, _Point]]] = {}
        for number, point in enumerate(self._points, start=1):
            by_cell.setdefault((point.competence, point.importance), []).append((number, point))
        out = []
        names = [bounds.adjusted(-1, -1, 1, 2) for _a, _f, _w, bounds in self._quadrant_labels()]
        for (competence, importance), group in by_cell.items():
            rect = self.cell_rect(competence, importance)
            # Under a quadrant's name, when the cell keeps most of its height.
            for bounds in names:
                if bounds.intersects(rect) and rect.bottom() - bounds.bottom() >= cell * 0.4:
                    rect.setTop(bounds.bottom())
            centre = rect.center()
            room = min(rect.width(), rect.height())
            n = len(group)
            across = math.ceil(math.sqrt(n))
            rows = math.ceil(n / across)
            step_x, step_y = rect.width() * 0.84 / across, rect.height() * 0.84 / rows
            for i, (number, point) in enumerate(group):
                # Big enough for its number; otherwise sized by its hours.
                least = max(MIN_RADIUS, nfm.horizontalAdvance(str(number)) / 2 + 2.5,
                            nfm.ascent() / 2 + 2.5)
                radius = min(cell * 0.42 * radius_share(point.hours), room * 0.46)
                if n == 1:
                    out.append((point, number, centre, max(least, radius)))
                    continue
                row, place = divmod(i, across)
                in_row = min(across, n - row * across)
                x = centre.x() + (place - (in_row - 1) / 2) * step_x
                y = centre.y() + (row - (rows - 1) / 2) * step_y
                radius = min(radius, 0.46 * min(step_x, step_y))
                out.append((point, number, QPointF(x, y), max(least, radius)))
        return out

    def _quadrant_labels(self) -> list[tuple[QRectF, Qt.AlignmentFlag, str, QRectF]]:
        """Each quadrant's name: the area it is written in, how, its words ("in-house" kept
        whole where the font can) and the rectangle the words take."""
        fm = QFontMetricsF(self._small_font())
        whole = "\u2011" if fm.inFontUcs4(0x2011) else "-"
        out = []
        for quadrant, (competence_range, importance_range) in self._quadrant_cells().items():
            left = self.cell_rect(competence_range[0], importance_range[1])
            right = self.cell_rect(competence_range[1], importance_range[0])
            # Every name at its quadrant's top edge.
            area = QRectF(left.topLeft(), right.bottomRight()).adjusted(4, 3, -4, -3)
            align = Qt.AlignmentFlag.AlignTop | (
                Qt.AlignmentFlag.AlignLeft if quadrant in ("hire_expert", "outsource")
                else Qt.AlignmentFlag.AlignRight) | Qt.TextFlag.TextWordWrap
            words = QUADRANT_LABELS[quadrant].replace("-", whole)
            out.append((area, align, words, fm.boundingRect(area, int(align), words)))
        return out

    def _hit(self, pos: QPointF) -> _Point | None:
        for entry in self._geometry().entries:
            if entry.rect.adjusted(-2, -1, 2, 1).contains(pos):
                return entry.point
        # The last drawn (smallest) point is on top, so look from the end.
        for point, _number, centre, radius in reversed(self._drawn()):
            if math.hypot(pos.x() - centre.x(), pos.y() - centre.y()) <= radius + 2:
                return point
        return None

    def _drawn(self) -> list[tuple[_Point, int, QPointF, float]]:
        """The layout in paint order: big circles first, so small ones stay visible."""
        return sorted(self._layout(), key=lambda entry: -entry[3])

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        cell, x0, y0 = self._grid()
        t = self._thresholds
        small = self._small_font()

        # Cells tinted by the quadrant they fall in; the middle band a neutral stripe.
        for competence in range(1, 6):
            for importance in range(1, 6):
                quadrant = quadrant_of(t, importance, competence)
                tint = MIDDLE_TINT if quadrant is None else QUADRANT_TINTS[quadrant]
                painter.fillRect(self.cell_rect(competence, importance), QColor(tint))
        painter.setPen(QPen(QColor("#ffffff"), 1))
        for i in range(6):
            painter.drawLine(QPointF(x0 + i * cell, y0), QPointF(x0 + i * cell, y0 + 5 * cell))
            painter.drawLine(QPointF(x0, y0 + i * cell), QPointF(x0 + 5 * cell, y0 + i * cell))
        # The quadrant borders: where low ends and where high starts.
        painter.setPen(QPen(QColor(SPLIT_LINE), 1.5))
        for edge in {t.low_competence, t.high_competence - 1}:
            x = x0 + edge * cell
            painter.drawLine(QPointF(x, y0), QPointF(x, y0 + 5 * cell))
        for edge in {t.low_importance, t.high_importance - 1}:
            y = y0 + (5 - edge) * cell
            painter.drawLine(QPointF(x0, y), QPointF(x0 + 5 * cell, y))

        # Quadrant names in their outer corners.
        painter.setFont(small)
        painter.setPen(QColor(AXIS_TEXT))
        for area, align, words, _bounds in self._quadrant_labels():
            painter.drawText(area, align, words)

        # Axis numbers and titles, in the palette's text colour.
        text = self.palette().windowText().color()
        painter.setFont(self.font())
        painter.setPen(text)
        fm = self.fontMetrics()
        for i in range(1, 6):
            painter.drawText(QRectF(x0 + (i - 1) * cell, y0 + 5 * cell + 2, cell, fm.height()),
                             Qt.AlignmentFlag.AlignCenter, str(i))
            painter.drawText(QRectF(x0 - 22, y0 + (5 - i) * cell, 16, cell),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(i))
        title_y = y0 + 5 * cell + 2 + fm.height()
        painter.drawText(QRectF(x0, title_y, 5 * cell, fm.height()), Qt.AlignmentFlag.AlignCenter,
                         fm.elidedText(tr("In-house competence →"), Qt.TextElideMode.ElideRight,
                                       int(5 * cell)))
        painter.save()
        painter.translate(x0 - 26, y0 + 2.5 * cell)
        painter.rotate(-90)
        painter.drawText(QRectF(-2.5 * cell, -fm.height(), 5 * cell, fm.height()),
                         Qt.AlignmentFlag.AlignCenter,
                         fm.elidedText(tr("Importance to the bottom line →"),
                                       Qt.TextElideMode.ElideRight, int(5 * cell)))
        painter.restore()

        # Points, biggest first, each with its number; the names are listed beside the grid.
        numbers = self._number_font()
        for point, number, centre, radius in self._drawn():
            self._paint_badge(painter, centre, radius, number, point.decision, numbers)
            if point.id == self._current:
                painter.setPen(QPen(QColor(LABEL_INK), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius + 3, radius + 3)
        self._paint_legend(painter)
        painter.end()

    def _paint_badge(self, painter: QPainter, centre: QPointF, radius: float, number: int,
                     decision: PlannerDecision, font: QFont) -> None:
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor(DECISION_COLOURS[decision]))
        painter.drawEllipse(centre, radius, radius)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius,
                                2 * radius), Qt.AlignmentFlag.AlignCenter, str(number))

    def _paint_legend(self, painter: QPainter) -> None:
        geometry = self._geometry()
        fm = QFontMetricsF(geometry.font)
        line = fm.lineSpacing()
        text = self.palette().windowText().color()
        badge = self._badge(geometry.font)
        numbers = self._badge_font(geometry.font)
        for entry in geometry.entries:
            rect = entry.rect
            if entry.point.id == self._current:
                shade = QColor(self.palette().highlight().color())
                shade.setAlpha(70)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(shade)
                painter.drawRoundedRect(rect.adjusted(-3, -1, 3, 1), 3, 3)
            centre = QPointF(rect.left() + badge / 2, rect.top() + max(badge, line) / 2)
            self._paint_badge(painter, centre, badge / 2, entry.number, entry.point.decision,
                              numbers)
            painter.setFont(geometry.font)
            painter.setPen(text)
            top = rect.top() + max(0.0, (badge - line) / 2)  # the first line beside the badge
            for n, words in enumerate(entry.lines):
                painter.drawText(QPointF(rect.left() + badge + 6, top + n * line + fm.ascent()),
                                 words)
        if geometry.more:
            last = geometry.entries[-1].rect if geometry.entries else None
            top = last.bottom() + ENTRY_GAP if last is not None else float(TOP)
            left = last.left() if last is not None else 4.0
            width = last.width() if last is not None else self.width() - 8.0
            painter.setFont(self._small_font())
            painter.setPen(text)
            small = painter.fontMetrics()
            painter.drawText(QRectF(left, top, width, line), Qt.AlignmentFlag.AlignLeft,
                             small.elidedText(geometry.more, Qt.TextElideMode.ElideRight,
                                              int(width)))

    def _quadrant_cells(self) -> dict[str, tuple[tuple[int, int], tuple[int, int]]]:
        """Each quadrant's (competence first..last, importance first..last) outside the
        middle band."""
        t = self._thresholds
        low_c, high_c = (1, t.low_competence), (t.high_competence, 5)
        low_i, high_i = (1, t.low_importance), (t.high_importance, 5)
        return {"hire_expert": (low_c, high_i), "keep": (high_c, high_i),
                "outsource": (low_c, low_i), "drop": (high_c, low_i)}

    # --- interaction ---------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            point = self._hit(event.position())
            if point is not None:
                self._current = point.id
                self.update()
                self.selected.emit(point.id)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self._hit(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def tooltip_at(self, pos: QPointF) -> str:
        point = self._hit(pos)
        if point is None:
            return ""
        return point.name + "\n" + tr(
            "Importance {importance} · in-house competence {competence}\n{hours} a month\n"
            "Decision: {decision}").format(importance=point.importance,
                                           competence=point.competence,
                                           hours=hours_text(point.hours),
                                           decision=point.decision.label)
