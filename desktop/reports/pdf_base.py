"""What every Crewbook PDF shares: the bundled fonts, paragraph styles, and an A4 page with a
header and a "page X of Y" footer on every page.

User text reaches a page only through ``desktop.reports.pdf_text`` (``safe``, ``para``,
``one_line``, ``draw_line``): markup typed by a user prints as typed, and every script gets its font,
its shaping and its direction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

import desktop
from desktop.core.i18n import _, language
from desktop.reports.pdf_text import (
    FONT,
    FONT_BOLD,
    clean,
    coverage,
    draw_line,
    plain,
    safe,
)
from desktop.store.private_file import private_file

__all__ = ["FONT", "FONT_BOLD", "Paragraph", "plain", "safe", "para",
           "register_fonts", "styles", "build_pdf", "PageText"]

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


def register_fonts() -> frozenset[int]:
    """Register the bundled fonts once per process; return what the main faces can draw."""
    return coverage().main


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


def para(value: object, style: ParagraphStyle | None = None,
         limit: int | None = None) -> Flowable:
    """A Paragraph of user text (escaped); use ``Paragraph`` directly only for own markup.
    Text that reads right to left is broken into lines in its reading order."""
    from desktop.reports.pdf_rtl import RightToLeftParagraph, reads_right_to_left

    text = clean(value, limit)
    if reads_right_to_left(text):
        return RightToLeftParagraph(text, style or styles().body)
    return Paragraph(safe(text), style or styles().body)


# --- the page ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PageText:
    """What the running header shows: left the business and the report, right the subject."""

    business: str
    report: str
    subject: str
    generated: str  # shown in the footer, e.g. "Prepared 25 Nov 2026"


def deflate_last_page(canv: canvas.Canvas) -> None:
    """The content of the page just finished, deflated only: ReportLab would also spell it out
    in ASCII85, which costs more than the deflating and only makes the file bigger."""
    page = canv._doc.Pages.pages[-1]
    if canv._pageCompression and getattr(page, "stream", None) and not page.Contents:
        contents = PDFStream(content=PDFZCompress.encode(page.stream))
        # A stream that names its filter is written as it is (PDFStream.format).
        contents.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
        contents.__Comment__ = "page stream"
        page.Contents, page.stream = contents, None


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
            deflate_last_page(self)
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        t = self._page_text
        width, height = PAGE
        left, right = MARGIN_X, width - MARGIN_X
        top = height - 11 * mm
        self.saveState()
        self.setFillColor(INK)
        head = f"{plain(t.business)} · {plain(t.report)}"
        used = draw_line(self, left, top, head, FONT_BOLD, 9, (right - left) * 0.45)
        self.setFillColor(MUTED)
        draw_line(self, right, top, plain(t.subject), FONT, 9, right - left - used - 18,
                  align="R")
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(left, top - 4, right, top - 4)
        bottom = 9 * mm
        self.line(left, bottom + 9, right, bottom + 9)
        draw_line(self, left, bottom, plain(t.generated), FONT, 7.5, (right - left) * 0.7)
        self.setFont(FONT, 7.5)
        self.drawRightString(right, bottom,
                             _("page {number} of {total}").format(number=number, total=total))
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
        creator=f"Crewbook {getattr(desktop, '__version__', '')}".strip(), lang=language(),
        initialFontName=FONT)
    maker: Callable[..., NumberedCanvas] = (
        lambda *a, **k: NumberedCanvas(*a, page_text=page_text, **k))
    doc.build(list(story), canvasmaker=maker)
