"""What every Crewbook PDF shares: the bundled DejaVu fonts, paragraph styles, safe text for
Paragraph markup, and an A4 page with a header and a "page X of Y" footer on every page.

ReportLab's Paragraph reads a small XML dialect, so user text goes through ``safe`` (or
``para``) first: markup characters are escaped, control characters dropped, and characters the
font has no glyph for (CJK, emoji) replaced by U+FFFD so they show as a visible mark instead of
an invisible gap.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

import desktop
from desktop.store.private_file import private_file

FONT = "CrewbookSans"
FONT_BOLD = "CrewbookSans-Bold"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

INK = colors.HexColor("#24292f")
MUTED = colors.HexColor("#57606a")
RULE = colors.HexColor("#d0d7de")
SHADE = colors.HexColor("#f6f8fa")
OK = colors.HexColor("#1b7f3b")
WARN = colors.HexColor("#9a6700")
RISK = colors.HexColor("#b42318")

PAGE = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 19 * mm  # room for the running header
MARGIN_BOTTOM = 15 * mm  # room for the footer
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X


@cache
def register_fonts() -> frozenset[int]:
    """Register DejaVu Sans and its bold once per process; return the code points both fonts
    can draw (so a bold run never meets a glyph the regular face had)."""
    fonts = files("desktop.resources") / "fonts"
    covered: frozenset[int] | None = None
    for name, file_name in _FONT_FILES.items():
        with as_file(fonts / file_name) as path:
            font = TTFont(name, str(path))
        pdfmetrics.registerFont(font)
        # Only the Basic Multilingual Plane: ReportLab writes a broken ToUnicode entry for
        # anything above it (emoji), so those print as U+FFFD like a missing glyph.
        codes = frozenset(c for c in font.face.charToGlyph if c <= 0xFFFF)
        covered = codes if covered is None else covered & codes
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)
    assert covered is not None
    return covered


def plain(value: object, limit: int | None = None) -> str:
    """User text made printable: whitespace collapsed, control and format characters dropped,
    characters the font lacks shown as U+FFFD, and at most ``limit`` characters kept."""
    covered = register_fonts()
    text = " ".join(str(value).split())
    # Lone surrogates cannot be written to the PDF at all.
    text = text.encode("utf-8", "replace").decode("utf-8")
    cut = 0
    if limit is not None and len(text) > limit:
        cut = len(text) - limit
        text = text[:limit].rstrip()
    out = []
    for ch in text:
        if ord(ch) in covered:
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Mn", "Cs"):
            continue  # joiners, variation selectors, stray controls: nothing to draw
        elif not out or out[-1] != "\ufffd":
            out.append("\ufffd")  # one mark per run of characters the font cannot draw
    if cut:
        out.append(f" … ({cut:,} more characters in Crewbook)")
    return "".join(out)


def safe(value: object, limit: int | None = None) -> str:
    """``plain`` text escaped for Paragraph markup."""
    return escape(plain(value, limit))


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    banner: ParagraphStyle
    right: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=8.5, leading=11, textColor=INK,
                          spaceAfter=2, splitLongWords=1)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    cell = ParagraphStyle("cell", parent=body, fontSize=7.8, leading=9.6, spaceAfter=0)
    return Styles(
        body=body, small=small,
        muted=ParagraphStyle("muted", parent=small, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=14,
                             leading=17, spaceAfter=5),
        heading=ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=10.5,
                               leading=13, spaceBefore=7, spaceAfter=3, keepWithNext=1,
                               borderPadding=(0, 0, 2, 0)),
        banner=ParagraphStyle("banner", parent=body, fontName=FONT_BOLD, fontSize=12.5,
                              leading=16, textColor=colors.white, spaceAfter=0),
        right=ParagraphStyle("right", parent=cell, alignment=TA_RIGHT),
    )


def para(value: object, style: ParagraphStyle | None = None, limit: int | None = None) -> Paragraph:
    """A Paragraph of user text (escaped); use ``Paragraph`` directly only for own markup."""
    return Paragraph(safe(value, limit), style or styles().body)


# --- the page ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PageText:
    """What the running header shows: left the business and the report, right the subject."""

    business: str
    report: str
    subject: str
    generated: str  # shown in the footer, e.g. "Prepared 25 Nov 2026"


def _fit(text: str, font: str, size: float, width: float) -> str:
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class NumberedCanvas(canvas.Canvas):
    """Holds every page until the end, then draws the header and "page X of Y" on each."""

    def __init__(self, *args: Any, page_text: PageText, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._page_text = page_text
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        t = self._page_text
        width, height = PAGE
        left, right = MARGIN_X, width - MARGIN_X
        top = height - 11 * mm
        self.saveState()
        self.setFillColor(INK)
        self.setFont(FONT_BOLD, 9)
        subject = plain(t.subject)
        head = f"{plain(t.business)} · {plain(t.report)}"
        head = _fit(head, FONT_BOLD, 9, (right - left) * 0.45)
        self.drawString(left, top, head)
        self.setFont(FONT, 9)
        self.setFillColor(MUTED)
        room = right - left - pdfmetrics.stringWidth(head, FONT_BOLD, 9) - 18
        self.drawRightString(right, top, _fit(subject, FONT, 9, room))
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(left, top - 4, right, top - 4)
        bottom = 9 * mm
        self.line(left, bottom + 9, right, bottom + 9)
        self.setFont(FONT, 7.5)
        self.drawString(left, bottom, _fit(plain(t.generated), FONT, 7.5, (right - left) * 0.7))
        self.drawRightString(right, bottom, f"page {number} of {total}")
        self.restoreState()


def build_pdf(path: Path, story: Sequence[Flowable], page_text: PageText, *, title: str,
              subject: str, author: str) -> Path:
    """Lay the story out on A4 with the running header and footer, and set the metadata; the
    file is private and written whole (desktop.store.private_file)."""
    register_fonts()
    path = Path(path)
    with private_file(path, "wb") as out:
        _build(out, story, page_text, title=title, subject=subject, author=author)
    return path


def _build(out: IO[bytes], story: Sequence[Flowable], page_text: PageText, *, title: str,
           subject: str, author: str) -> None:
    doc = SimpleDocTemplate(
        out, pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=plain(title),
        subject=plain(subject), author=plain(author),
        creator=f"Crewbook {getattr(desktop, '__version__', '')}".strip(), lang="en",
        initialFontName=FONT)
    maker: Callable[..., NumberedCanvas] = (
        lambda *a, **k: NumberedCanvas(*a, page_text=page_text, **k))
    doc.build(list(story), canvasmaker=maker)
