"""The planner's 2×2 matrix: in-house competence across (1–5), importance to the bottom line up
(1–5), tinted by quadrant at the thresholds' bands, each activity a labelled circle sized by its
hours a month and coloured by its decision. Clicking a circle emits its id."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
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
    label_lines,
    quadrant_of,
    radius_share,
)
from desktop.ui.position_tips import PositionTips

__all__ = ["DECISION_COLOURS", "PlannerMatrix"]

AXIS_TEXT = "#57606a"
LABEL_INK = "#24292f"
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 8, 40  # room for the axis numbers and titles
MIN_RADIUS = 4.0

Item = tuple[int, str, int, int, Decimal, PlannerDecision]


@dataclass(frozen=True)
class _Point:
    id: int
    name: str
    importance: int
    competence: int
    hours: Decimal
    decision: PlannerDecision


class PlannerMatrix(PositionTips):
    """``selected`` carries the id given with an item, or its index when items carry none."""

    selected = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._points: list[_Point] = []
        self._thresholds = Thresholds()
        self._current: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName("Importance and competence matrix")

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
            f"{p.name}: importance {p.importance}, competence {p.competence}, "
            f"{hours_text(p.hours)} a month, {p.decision.label}" for p in points))
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
        for point, centre, _radius in self._layout():
            if point.name == name:
                return centre
        raise KeyError(name)

    def radius_of(self, name: str) -> float:
        for point, _centre, radius in self._layout():
            if point.name == name:
                return radius
        raise KeyError(name)

    def cell_rect(self, competence: int, importance: int) -> QRectF:
        cell, x0, y0 = self._grid()
        return QRectF(x0 + (competence - 1) * cell, y0 + (5 - importance) * cell, cell, cell)

    def sizeHint(self) -> QSize:
        return QSize(520, 420)

    def minimumSizeHint(self) -> QSize:
        return QSize(LEFT + RIGHT + 5 * 28, TOP + BOTTOM + 5 * 28)

    # --- geometry ------------------------------------------------------------------------
    def _grid(self) -> tuple[float, float, float]:
        """Square cells, the grid centred across the room left for it."""
        room_w = self.width() - LEFT - RIGHT
        room_h = self.height() - TOP - BOTTOM
        cell = max(8.0, min(room_w, room_h) / 5)
        x0 = LEFT + max(0.0, (room_w - 5 * cell) / 2)
        return cell, x0, float(TOP)

    def _layout(self) -> list[tuple[_Point, QPointF, float]]:
        """Every point's centre and radius; points sharing scores are spread over the cell."""
        cell, _x0, _y0 = self._grid()
        by_cell: dict[tuple[int, int], list[_Point]] = {}
        for point in self._points:
            by_cell.setdefault((point.competence, point.importance), []).append(point)
        out = []
        for (competence, importance), group in by_cell.items():
            rect = self.cell_rect(competence, importance)
            n = len(group)
            for i, point in enumerate(group):
                radius = max(MIN_RADIUS, cell * 0.42 * radius_share(point.hours))
                if n == 1:
                    centre = rect.center()
                else:  # on a ring, so no two sit on top of each other
                    angle = -math.pi / 2 + 2 * math.pi * i / n
                    spread = cell * (0.2 if n <= 3 else 0.27)
                    centre = QPointF(rect.center().x() + spread * math.cos(angle),
                                     rect.center().y() + spread * math.sin(angle))
                    radius = min(radius, max(MIN_RADIUS, cell * 0.3))
                out.append((point, centre, radius))
        return out

    def _hit(self, pos: QPointF) -> _Point | None:
        # The last drawn (smallest) point is on top, so look from the end.
        for point, centre, radius in reversed(self._drawn()):
            if math.hypot(pos.x() - centre.x(), pos.y() - centre.y()) <= radius + 2:
                return point
        return None

    def _drawn(self) -> list[tuple[_Point, QPointF, float]]:
        """The layout in paint order: big circles first, so small ones stay visible."""
        return sorted(self._layout(), key=lambda entry: -entry[2])

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        cell, x0, y0 = self._grid()
        t = self._thresholds
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() - 2))

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
        for quadrant, (competence_range, importance_range) in self._quadrant_cells().items():
            left = self.cell_rect(competence_range[0], importance_range[1])
            right = self.cell_rect(competence_range[1], importance_range[0])
            # Every name at its quadrant's top edge, clear of the points' labels below them.
            area = QRectF(left.topLeft(), right.bottomRight()).adjusted(4, 3, -4, -3)
            align = Qt.AlignmentFlag.AlignTop | (
                Qt.AlignmentFlag.AlignLeft if quadrant in ("hire_expert", "outsource")
                else Qt.AlignmentFlag.AlignRight) | Qt.TextFlag.TextWordWrap
            painter.drawText(area, align, QUADRANT_LABELS[quadrant])

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
                         fm.elidedText("In-house competence →", Qt.TextElideMode.ElideRight,
                                       int(5 * cell)))
        painter.save()
        painter.translate(x0 - 26, y0 + 2.5 * cell)
        painter.rotate(-90)
        painter.drawText(QRectF(-2.5 * cell, -fm.height(), 5 * cell, fm.height()),
                         Qt.AlignmentFlag.AlignCenter,
                         fm.elidedText("Importance to the bottom line →",
                                       Qt.TextElideMode.ElideRight, int(5 * cell)))
        painter.restore()

        # Points, biggest first; then their labels on a light halo over everything.
        drawn = self._drawn()
        for point, centre, radius in drawn:
            colour = QColor(DECISION_COLOURS[point.decision])
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
            if point.id == self._current:
                painter.setPen(QPen(QColor(LABEL_INK), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius + 3, radius + 3)
        painter.setFont(small)
        sfm = painter.fontMetrics()
        crowded: dict[tuple[int, int], int] = {}
        for point in self._points:
            key = (point.competence, point.importance)
            crowded[key] = crowded.get(key, 0) + 1
        for point, centre, radius in drawn:
            shared = crowded[(point.competence, point.importance)] > 1
            lines = label_lines(point.name, sfm.horizontalAdvance,
                                max(20.0, cell * 0.6 if shared else cell - 6), 1 if shared else 2)
            width = max(sfm.horizontalAdvance(line) for line in lines) + 6
            box = QRectF(centre.x() - width / 2, centre.y() + min(radius, cell * 0.22) + 1,
                         width, sfm.height() * len(lines) + 2)
            # Keep the label inside the widget.
            box.moveLeft(max(0.0, min(box.left(), self.width() - box.width())))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor(LABEL_INK))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "\n".join(lines))
        painter.end()

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
        return (f"{point.name}\nImportance {point.importance} · in-house competence "
                f"{point.competence}\n{hours_text(point.hours)} a month\n"
                f"Decision: {point.decision.label}")
