"""A drawing of plain shapes put straight on the page.

ReportLab's renderer saves and restores the whole graphics state around every shape, which
costs more than the heat map's fifty-odd rectangles, labels and markers themselves. ``Flat``
draws rectangles, circles, labels and turned groups with the same operators in the same order;
a drawing holding anything else is left to ReportLab.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Group, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.reports.pdf_line import draw_string

_ANCHORS = {"start": 0.0, "middle": 0.5, "end": 1.0}


def _plain(node: Any) -> bool:
    if isinstance(node, Group):  # a Drawing is a Group too
        return all(_plain(child) for child in node.contents)
    if isinstance(node, Rect):
        return node.rx == node.ry == 0
    if isinstance(node, String):
        return node.textAnchor in _ANCHORS and not getattr(node, "textRenderMode", 0)
    return isinstance(node, Circle)


class Flat(Flowable):
    """``drawing`` as a flowable of its size, drawn shape by shape."""

    def __init__(self, drawing: Drawing):
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height
        self._plain = _plain(drawing) and drawing.transform == (1, 0, 0, 1, 0, 0)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's
        return self.width, self.height

    def draw(self) -> None:
        if not self._plain:
            self.drawing.drawOn(self.canv, 0, 0)
            return
        for node in self.drawing.contents:
            self._node(node)

    def _node(self, node: Any) -> None:
        canv = self.canv
        canv.saveState()
        if isinstance(node, Group):
            canv.transform(*node.transform)
            for child in node.contents:
                self._node(child)
        elif isinstance(node, String):
            if node.fillColor is not None:
                canv.setFillColor(node.fillColor)
                canv.setFont(node.fontName, node.fontSize)
                shift = _ANCHORS[node.textAnchor]
                x = node.x - (shift * stringWidth(node.text, node.fontName, node.fontSize)
                              if shift else 0)
                draw_string(canv, x, node.y, node.text)
        else:
            stroke = node.strokeColor is not None
            fill = node.fillColor is not None
            if stroke:
                canv.setStrokeColor(node.strokeColor)
                canv.setLineWidth(node.strokeWidth)
            if fill:
                canv.setFillColor(node.fillColor)
            if isinstance(node, Rect):
                canv.rect(node.x, node.y, node.width, node.height, stroke=int(stroke),
                          fill=int(fill))
            else:
                canv.circle(node.cx, node.cy, node.r, stroke=int(stroke), fill=int(fill))
        canv.restoreState()
