"""A short text that most often fits on one line: drawn straight on the canvas when it can be,
else as the Paragraph it stands for.

Parsing markup and breaking lines is most of what a Paragraph costs, and a table cell or a
label rarely needs either. ``Line`` draws cleaned runs of text that ``pdf_text.is_simple``
says the main font draws as they are, left to right, where a one-line Paragraph in the same
style would put them; anything else (right to left, other scripts, text that wraps) goes
through the Paragraph built on demand, so no text ever takes a less careful path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from desktop.reports.pdf_text import FONT_BOLD, is_simple

# Kept short of the width a Paragraph would fill: text this close to the edge may wrap there.
_ROOM = 0.5


@cache
def _advances(font: str) -> tuple[Callable[[int, Any], Any], Any]:
    face = getFont(font).face
    return face.charWidths.get, face.defaultWidth


def width(text: str, font: str, size: float) -> float:
    """``text``'s width in a bundled (TrueType) font: ReportLab's sum, without its detours."""
    advance, default = _advances(font)
    return 0.001 * size * sum(map(advance, map(ord, text), repeat(default)))


@dataclass(frozen=True)
class Run:
    """Cleaned text in the line's style, optionally bold, coloured or at another size."""

    text: str
    bold: bool = False
    colour: Any = None
    size: float | None = None


class Line(Flowable):
    """``runs`` on one line in ``style``, or ``fallback()`` where they need a Paragraph."""

    def __init__(self, runs: Sequence[Run], style: ParagraphStyle,
                 fallback: Callable[[], Flowable]):
        super().__init__()
        self.style = style
        self._runs = tuple(runs)
        self._fallback = fallback
        self._para: Flowable | None = None
        self._drawn: list[tuple[str, str, float, Any, float]] | None = None
        self._width = 0.0
        simple = all(is_simple(r.text) for r in self._runs)
        blank = not "".join(r.text for r in self._runs).strip()  # a Paragraph with no line
        if simple and not blank and style.alignment == TA_LEFT and not style.firstLineIndent \
                and not style.leftIndent and not style.rightIndent:
            drawn = []
            for r in self._runs:
                font = FONT_BOLD if r.bold else style.fontName
                size = r.size or style.fontSize
                used = width(r.text, font, size)
                drawn.append((r.text, font, size, r.colour or style.textColor, used))
                self._width += used
            self._drawn = drawn

    def _paragraph(self) -> Flowable:
        if self._para is None:
            self._para = self._fallback()
        return self._para

    def _fits(self, width: float) -> bool:
        return self._drawn is not None and self._width <= width - _ROOM

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's
        self._one_line = self._fits(aW)
        if self._one_line:
            self.width, self.height = aW, self.style.leading
            return self.width, self.height
        self.width, self.height = self._paragraph().wrap(aW, aH)
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 - ReportLab's
        if self._fits(aW):
            return []  # one line does not split, as a one-line Paragraph does not
        return self._paragraph().split(aW, aH)

    def draw(self) -> None:
        if not self._one_line:
            self._paragraph().drawOn(self.canv, 0, 0)
            return
        # One text object: each run continues where the last ended.
        line = self.canv.beginText(0, self.height - self.style.fontSize)  # Paragraph's baseline
        font_now, colour_now = None, None
        for text, font, size, colour, _width in self._drawn or ():
            if (font, size) != font_now:
                line.setFont(font, size, self.style.leading)
                font_now = (font, size)
            if colour != colour_now:
                line.setFillColor(colour)
                colour_now = colour
            line.textOut(text)
        self.canv.drawText(line)

    def as_cell(self, width: float) -> tuple[str, str, Any] | None:
        """(text, font, colour) when this is one run in the style's own size that fits
        ``width``: a table can draw it as a plain string cell, as it would look here."""
        if self._drawn is None or len(self._drawn) != 1 or not self._fits(width):
            return None
        text, font, size, colour, _width = self._drawn[0]
        return (text, font, colour) if size == self.style.fontSize else None

    def getPlainText(self) -> str:  # noqa: N802 - ReportLab's name, as on Paragraph
        return "".join(r.text for r in self._runs)
