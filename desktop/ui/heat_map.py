"""A 5×5 risk heat map: likelihood across, impact up, each cell tinted by the band of L×I and
each area drawn as a lettered marker in its cell, with a legend beside it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core.risk import band
from desktop.core.risk_palette import cell_tint
from desktop.ui.colours import mark, muted
from desktop.ui.i18n import tr
from desktop.ui.position_tips import PositionTips

MARKER = "#24292f"
GRID_LINE = "#ffffff"
AXIS_TEXT = "#57606a"

CELL = 46  # preferred cell size; the grid shrinks or grows with the widget
LEFT, RIGHT, TOP, BOTTOM = 40, 4, 6, 38  # room for the axis numbers and titles
SMALL_CELL = 36  # the grid shrinks to this to make room for the legend, no further
GAP = 14  # between the grid and the legend
LEGEND_MIN = 110  # the legend elides its labels rather than squeeze the grid below this


class HeatMap(PositionTips):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._points: list[tuple[str, int, int]] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(tr("Risk heat map"))

    # --- API -----------------------------------------------------------------------------
    def set_points(self, points: list[tuple[str, int, int]]) -> None:
        """Each point is (label, likelihood 1–5, impact 1–5); the label's first letter marks it."""
        for label, likelihood, impact in points:
            if not (1 <= likelihood <= 5 and 1 <= impact <= 5):
                raise ValueError(f"{label}: likelihood and impact are 1..5, "
                                 f"not {likelihood} and {impact}")
        self._points = list(points)
        self.setAccessibleDescription("; ".join(
            tr("{area}: likelihood {likelihood}, impact {impact}").format(
                area=label, likelihood=lik, impact=imp) for label, lik, imp in points))
        self.updateGeometry()  # the legend's width follows the labels
        self.update()

    def points(self) -> list[tuple[str, int, int]]:
        return list(self._points)

    def cell_rect(self, likelihood: int, impact: int) -> QRectF:
        """Where the cell for a likelihood and an impact is drawn, in widget coordinates."""
        size, x0, y0 = self._grid()
        return QRectF(x0 + (likelihood - 1) * size, y0 + (5 - impact) * size, size, size)

    def sizeHint(self) -> QSize:
        return QSize(LEFT + 5 * CELL + self._legend_width() + RIGHT, TOP + 5 * CELL + BOTTOM)

    def minimumSizeHint(self) -> QSize:
        return QSize(LEFT + 5 * SMALL_CELL + LEGEND_MIN + RIGHT, TOP + 5 * CELL + BOTTOM)

    # --- geometry ------------------------------------------------------------------------
    def _legend_width(self) -> int:
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(label) for label, _l, _i in self._points), default=0)
        return GAP + fm.height() + 8 + min(widest, 240) + 4  # a little slack before eliding

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # A narrower map has smaller cells, so it asks for less height too.
        return int(TOP + 5 * self._cell_size(width) + BOTTOM)

    def _cell_size(self, width: int, height: int | None = None) -> float:
        """Square cells; when narrow the grid gives up some size for the legend's labels
        before they elide, down to SMALL_CELL."""
        room_w = width - LEFT - RIGHT
        spare = room_w - max(self._legend_width(), LEGEND_MIN)
        size = min(CELL, max(spare / 5, SMALL_CELL), (room_w - LEGEND_MIN) / 5)
        if height is not None:
            size = min(size, (height - TOP - BOTTOM) / 5)
        return max(10.0, size)

    def _grid(self) -> tuple[float, float, float]:
        """Cell size and the grid's top-left corner; the legend goes to the grid's right."""
        return self._cell_size(self.width(), self.height()), float(LEFT), float(TOP)

    def _marker_centres(self) -> list[tuple[str, QPointF, float]]:
        """Points sharing a cell are spread over it so none hides another."""
        size, _x0, _y0 = self._grid()
        by_cell: dict[tuple[int, int], list[str]] = {}
        for label, lik, imp in self._points:
            by_cell.setdefault((lik, imp), []).append(label)
        out = []
        for (lik, imp), labels in by_cell.items():
            rect = self.cell_rect(lik, imp)
            n = len(labels)
            cols = 1 if n == 1 else 2
            rows = -(-n // cols)
            radius = min(size / (2 * max(cols, rows)) - 2, size * 0.28)
            for i, label in enumerate(labels):
                col, row = i % cols, i // cols
                cx = rect.left() + (col + 0.5) * rect.width() / cols
                cy = rect.top() + (row + 0.5) * rect.height() / rows
                out.append((label, QPointF(cx, cy), max(5.0, radius)))
        return out

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size, x0, y0 = self._grid()
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() - 2))

        for lik in range(1, 6):
            for imp in range(1, 6):
                rect = self.cell_rect(lik, imp)
                painter.fillRect(rect, QColor(cell_tint(lik, imp)))
        painter.setPen(QPen(QColor(GRID_LINE), 2))
        for i in range(6):
            painter.drawLine(QPointF(x0 + i * size, y0), QPointF(x0 + i * size, y0 + 5 * size))
            painter.drawLine(QPointF(x0, y0 + i * size), QPointF(x0 + 5 * size, y0 + i * size))

        # The score in each cell's corner, faint, so the map reads without a key.
        painter.setFont(small)
        painter.setPen(QColor(AXIS_TEXT))
        for lik in range(1, 6):
            for imp in range(1, 6):
                rect = self.cell_rect(lik, imp).adjusted(3, 1, -3, -1)
                painter.drawText(rect, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft,
                                 str(lik * imp))

        # Axis numbers and titles, on the window: its palette's muted text.
        painter.setFont(self.font())
        painter.setPen(muted(self.palette()))
        fm = self.fontMetrics()
        for i in range(1, 6):
            below = QRectF(x0 + (i - 1) * size, y0 + 5 * size + 2, size, fm.height())
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, str(i))
            beside = QRectF(LEFT - 18, y0 + (5 - i) * size, 14, size)
            painter.drawText(beside, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(i))
        title_y = y0 + 5 * size + 2 + fm.height()
        painter.drawText(QRectF(x0, title_y, 5 * size, fm.height()), Qt.AlignmentFlag.AlignCenter,
                         tr("Likelihood →"))
        painter.save()
        painter.translate(LEFT - 24, y0 + 2.5 * size)
        painter.rotate(-90)
        painter.drawText(QRectF(-2.5 * size, -fm.height(), 5 * size, fm.height()),
                         Qt.AlignmentFlag.AlignCenter, tr("Impact →"))
        painter.restore()

        # Markers.
        bold = QFont(self.font())
        bold.setBold(True)
        for label, centre, radius in self._marker_centres():
            painter.setPen(QPen(QColor("#ffffff"), 1.5))  # on the tinted cells, in any palette
            painter.setBrush(QColor(MARKER))
            painter.drawEllipse(centre, radius, radius)
            painter.setFont(bold)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius,
                                    2 * radius), Qt.AlignmentFlag.AlignCenter, _initial(label))

        # Legend beside the grid: the letter, the label, and where it sits.
        line = fm.height() + 2
        left = x0 + 5 * size + GAP
        dot_r = fm.height() / 2 + 1
        text_x = left + 2 * dot_r + 6
        badge, letter = mark(self.palette())  # the legend sits on the window, light or dark
        room = max(0, int(self.width() - text_x - RIGHT))
        for i, (label, lik, imp) in enumerate(self._points):
            y = y0 + i * (2 * line + 6)
            dot = QPointF(left + dot_r, y + line / 2 + 1)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(badge)
            painter.drawEllipse(dot, dot_r, dot_r)
            painter.setFont(bold)
            painter.setPen(letter)
            painter.drawText(QRectF(dot.x() - dot_r, dot.y() - dot_r, 2 * dot_r, 2 * dot_r),
                             Qt.AlignmentFlag.AlignCenter, _initial(label))
            painter.setFont(self.font())
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(text_x, y, room, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(label, Qt.TextElideMode.ElideRight, room))
            painter.setPen(muted(self.palette()))
            painter.drawText(QRectF(text_x, y + line, room, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(f"{lik} × {imp} = {lik * imp} ({band(lik * imp).label})",
                                           Qt.TextElideMode.ElideRight, room))
        painter.end()

    def tooltip_at(self, pos: QPointF) -> str:
        for lik in range(1, 6):
            for imp in range(1, 6):
                if self.cell_rect(lik, imp).contains(pos):
                    score = lik * imp
                    here = [label for label, pl, pi in self._points if (pl, pi) == (lik, imp)]
                    head = tr("Likelihood {likelihood} × impact {impact} = {score} "
                              "({band})").format(likelihood=lik, impact=imp, score=score,
                                                 band=band(score).label)
                    return "\n".join([head, *here])
        return ""


def _initial(label: str) -> str:
    return label[:1].upper()
