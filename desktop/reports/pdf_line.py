"""A short text that most often fits on one line: drawn straight on the canvas when it can be,
else as the Paragraph it stands for.

Parsing markup and breaking lines is most of what a Paragraph costs, and a table cell or a
label rarely needs either. ``Line`` draws cleaned runs of text that ``pdf_text.is_simple``
says the main font draws as they are, left to right, where a one-line Paragraph in the same
style would put them. Plain text in the style's own look that wraps is broken into lines as
a Paragraph breaks it (same widths, same rule) and drawn with the same operators. Anything
else (right to left, other scripts, mixed looks that wrap, a word wider than the line) goes
through the Paragraph built on demand, so no text ever takes a less careful path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen import textobject
from reportlab.platypus import Flowable, Table
from reportlab.rl_config import _FUZZ

from desktop.reports.pdf_text import FONT_BOLD, is_simple

_MARKUP = frozenset("&<>")
# Kept short of the width a Paragraph would fill: text this close to the edge may wrap there.
_ROOM = 0.5


@cache
def _advances(font: str) -> tuple[Callable[[int, Any], Any], Any]:
    face = getFont(font).face
    return face.charWidths.get, face.defaultWidth


@cache
def _font_operands(size: float, leading: float) -> str:
    return f"{fp_str(size)} Tf {fp_str(leading)} TL"


def draw_string(canv: Any, x: float, y: float, text: str) -> None:
    """``canv.drawString(x, y, text)`` in the canvas's font, writing the same operators
    without the text object, the width it measures and throws away, and the lookups."""
    font = getFont(canv._fontname)
    if not font._dynamicFont or not canv.bottomup or textobject.rtlSupport \
            or type(text) is not str:
        canv.drawString(x, y, text)
        return
    doc, escape = canv._doc, canv._escape
    operands = _font_operands(canv._fontsize, canv._leading)
    shown, _subset = _show(font, text, doc, escape, operands, -1)
    canv._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {shown} T* ET")


def _show(face: Any, text: str, doc: Any, escape: Any, operands: str,
          subset: int) -> tuple[str, int]:
    """The operators that show ``text`` in ``face``, choosing each font subset it needs
    (``subset`` is the one chosen already); and the subset chosen after it."""
    shown: list[str] = []
    for part_subset, part in face.splitString(text, doc):
        if part_subset != subset:
            shown.append(f"{face.getSubsetInternalName(part_subset, doc)} {operands}")
            subset = part_subset
        shown.append(f"({escape(part)}) Tj")
    return " ".join(shown), subset


@cache
def _rgb(red: float, green: float, blue: float) -> str:
    """A text object's fill colour operator (it ignores an alpha)."""
    return f"{fp_str(red, green, blue)} rg"


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
        self._para_size: tuple[float, tuple[float, float]] | None = None  # (width, its size)
        self._drawn: list[tuple[str, str, float, Any, float]] | None = None
        self._width = 0.0
        self._lines: list[tuple[float, str, int]] | None = None  # as broken by ``_broken``
        self._plain: bool | None = None  # one look throughout, breaking as a Paragraph does
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

    @property
    def text(self) -> str:
        """What the line says, its runs' texts one after another."""
        return "".join(r.text for r in self._runs)

    def _paragraph(self) -> Flowable:
        if self._para is None:
            self._para = self._fallback()
        return self._para

    def _fits(self, width: float) -> bool:
        return self._drawn is not None and self._width <= width - _ROOM

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's
        self._one_line = self._fits(aW)
        self._lines = None
        if self._one_line:
            self.width, self.height = aW, self.style.leading
            return self.width, self.height
        if self._plain is None:
            # Markup characters reach a Paragraph as entities, each a fragment of its own.
            self._plain = self._drawn is not None and _breaks_plainly(self.style) and all(
                not r.bold and r.colour is None and r.size is None
                and not _MARKUP.intersection(r.text) for r in self._runs)
        if self._plain:
            self._lines = self._broken(aW)
            if self._lines is not None:
                self.width, self.height = aW, len(self._lines) * self.style.leading
                return self.width, self.height
        # A table wraps each cell again to draw it: the same width breaks the same lines.
        if self._para_size is None or self._para_size[0] != aW:
            self._para_size = aW, self._paragraph().wrap(aW, aH)
        self.width, self.height = self._para_size[1]
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 - ReportLab's
        if self._fits(aW):
            return []  # one line does not split, as a one-line Paragraph does not
        self._para_size = None  # splitting may wrap the paragraph again
        return self._paragraph().split(aW, aH)

    def _broken(self, aW: float) -> list[tuple[float, str, int]] | None:  # noqa: N803
        """(room left, text, words) for each line, as ``Paragraph.breakLines`` finds them for
        one fragment; None where it would do more than break at spaces."""
        if aW < _FUZZ:
            return None
        style = self.style
        font, size = style.fontName, style.fontSize
        words = "".join(r.text for r in self._runs).split()
        space = width(" ", font, size)
        shrink = style.spaceShrinkage * space
        lines: list[tuple[float, str, int]] = []
        line: list[str] = []
        used = -space  # no space before the first word
        for word in words:
            if "\xa0" in word or "\xad" in word:
                return None  # kept together or hyphenated by ReportLab's own rules
            wide = width(word, font, size)
            if wide > aW:
                return None  # ReportLab splits a word wider than the line
            after = used + space + wide
            if after <= aW + shrink * len(line) or not line:
                line.append(word)
                used = after
            else:
                lines.append((aW - used, " ".join(line), len(line)))
                line, used = [word], wide
        if line:
            lines.append((aW - used, " ".join(line), len(line)))
        return lines

    def draw(self) -> None:
        if self._lines is not None:
            self._draw_lines(self._lines)
            return
        if not self._one_line:
            self._paragraph().drawOn(self.canv, 0, 0)
            return
        # One text object: each run continues where the last ended. Written as a text object
        # writes it, without measuring each run again to move a cursor nobody reads.
        canv = self.canv
        drawn = self._drawn or []
        if not canv.bottomup or textobject.rtlSupport \
                or getattr(canv, "_enforceColorSpace", None) \
                or any(type(d[3]) is not Color for d in drawn):  # CMYK, names: as ReportLab
            self._draw_text_object()
            return
        doc, escape, leading = canv._doc, canv._escape, self.style.leading
        code = ["BT", f"1 0 0 1 {fp_str(0, self.height - self.style.fontSize)} Tm"]
        face: Any = None
        operands = ""
        font_now: tuple[str, float] | None = None
        colour_now: Any = None
        subset_now = -1
        for text, font, size, colour, _width in drawn:
            if (font, size) != font_now:
                face, operands = getFont(font), _font_operands(size, leading)
                font_now, subset_now = (font, size), -1
            if colour != colour_now:
                code.append(_rgb(colour.red, colour.green, colour.blue))
                colour_now = colour
            shown, subset_now = _show(face, text, doc, escape, operands, subset_now)
            code.append(shown)
        code.append("ET")
        canv._code.append(" ".join(code))

    def _draw_text_object(self) -> None:
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

    def _draw_lines(self, lines: list[tuple[float, str, int]]) -> None:
        """The lines with the operators ``Paragraph.drawPara`` writes for them."""
        canv, style = self.canv, self.style
        canv.saveState()
        canv.setFillColor(style.textColor)
        text = canv.beginText(0, self.height - style.fontSize)
        text.setFont(style.fontName, style.fontSize, style.leading)
        for room, shown, words in lines:
            if room > -1e-8 or words < 2:
                text._textOut(shown, 1)
            else:  # a line let run a little long by narrowing its spaces
                text.setWordSpace(room / float(words - 1))
                text._textOut(shown, 1)
                text.setWordSpace(0)
        canv.drawText(text)
        canv.restoreState()

    def as_cell(self, width: float) -> tuple[str, str, Any] | None:
        """(text, font, colour) when this is one run in the style's own size that fits
        ``width``: a table can draw it as a plain string cell, as it would look here."""
        if self._drawn is None or len(self._drawn) != 1 or not self._fits(width):
            return None
        text, font, size, colour, _width = self._drawn[0]
        return (text, font, colour) if size == self.style.fontSize else None

    def getPlainText(self) -> str:  # noqa: N802 - ReportLab's name, as on Paragraph
        return "".join(r.text for r in self._runs)


def _breaks_plainly(style: ParagraphStyle) -> bool:
    """Whether a Paragraph in ``style`` only breaks plain text at spaces and draws it left."""
    return (style.alignment == TA_LEFT and not style.firstLineIndent and not style.leftIndent
            and not style.rightIndent and not style.hyphenationLang
            and not style.uriWasteReduce and not style.embeddedHyphenation
            and not style.wordWrap and not style.endDots and not style.shaping
            and getattr(style, "autoLeading", None) not in ("max", "min")
            and not style.backColor and not (style.borderColor and style.borderWidth)
            and not getattr(style, "bulletText", None))


class PlainTable(Table):
    """A Table whose one-line string cells (left, top) are written by ``draw_string``."""

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float],  # noqa: N802
                  size: tuple[float, float]) -> None:
        if type(cellval) is not str or "\n" in cellval or cellstyle.alignment != "LEFT" \
                or cellstyle.valign != "TOP" or cellstyle.direction or cellstyle.shaping \
                or cellstyle.href or cellstyle.destination:
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        canv = self.canv
        current = self._curcellstyle
        if current is not cellstyle:  # the colour and font as Table sets them
            if current is None or cellstyle.color != current.color:
                canv.setFillColor(cellstyle.color)
            if current is None or cellstyle.leading != current.leading \
                    or cellstyle.fontname != current.fontname \
                    or cellstyle.fontsize != current.fontsize:
                canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        draw_string(canv, pos[0] + cellstyle.leftPadding,
                    pos[1] + size[1] - cellstyle.topPadding - cellstyle.fontsize, cellval)
