"""A paragraph of user text whose own direction is right to left (an Arabic or Hebrew note):
broken into lines in reading order, so its first words open its first line, and each line laid
out right to left against the right margin.

ReportLab breaks a paragraph's finished (visual) text from the left, which for right-to-left
text would put the last words first. So the lines are found here, from the logical text and
the width the frame offers, and each is laid out alone.
"""

from __future__ import annotations

from typing import Any

from bidi import algorithm as _bidi
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from desktop.reports.pdf_text import _balanced, _fonts, text_width, visual

RLM = "\u200f"  # a right-to-left mark: makes a line's own direction the paragraph's


def reads_right_to_left(text: str) -> bool:
    """Whether cleaned ``text`` starts, in its first letter with a direction, right to left."""
    return _bidi.get_base_level(text) == 1


def lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Logical ``text`` broken at spaces (and at its own line breaks) into lines that fit
    ``width``; a word longer than a line stands alone on its line."""
    found: list[str] = []
    for written in text.split("\n"):
        current = ""
        for word in written.split(" "):
            trial = f"{current} {word}" if current else word
            if current and text_width(trial, font, size) > width:
                found.append(current)
                current = word
            else:
                current = trial
        found.append(current)
    return found


class RightToLeftParagraph(Flowable):
    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text, self.style = text, style
        self._laid_out: Paragraph | None = None

    def _lay_out(self, width: float) -> Paragraph:
        style = ParagraphStyle(f"{self.style.name}-rtl", parent=self.style, alignment=TA_RIGHT)
        # An isolated value broken over lines keeps its marks only where both ends fell.
        seen = (visual(RLM + _balanced(line)).replace(RLM, "")
                for line in lines(self.text, style.fontName, style.fontSize, width))
        self._laid_out = Paragraph("<br/>".join(_fonts(line) for line in seen), style)
        return self._laid_out

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self._lay_out(availWidth).wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        return self._lay_out(availWidth).split(availWidth, availHeight)

    def draw(self) -> None:
        assert self._laid_out is not None  # wrap() always comes first
        self._laid_out.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.style.spaceAfter)
