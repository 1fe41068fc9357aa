"""Lines drawn without a Paragraph (``pdf_line``) and flat drawings (``pdf_shapes``) look exactly
like the Paragraphs and drawings they stand for: both are rendered and compared pixel by pixel
(pdftoppm), and anything a plain line cannot draw goes through the Paragraph."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

from desktop.reports.pdf_base import FONT, FONT_BOLD, MUTED, RISK, para, safe, styles
from desktop.reports.pdf_line import Line, Run, width
from desktop.reports.pdf_shapes import Flat
from desktop.reports.pdf_text import clean
from desktop.reports.risk_summary import heat_map

TEXTS = ["Written scope, deadlines and acceptance", "Zoë Ångström & <Co> – “quoted” …",
         "Sprint review & <retro> notes " * 6, "مرحبا بالعالم", "שלום עליכם", "中文参考 日本語",
         "a😀b", ""]


def pixels(tmp_path: Path, name: str, story: list[Flowable]) -> list[Image.Image]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / f"{name}.pdf"
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    subprocess.run(["pdftoppm", "-png", "-r", "110", str(pdf), str(tmp_path / name)], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(tmp_path.glob(f"{name}-*.png"))]


def same(first: list[Image.Image], second: list[Image.Image]) -> bool:
    return len(first) == len(second) and all(
        ImageChops.difference(a, b).getbbox() is None for a, b in zip(first, second))


def line(text: str) -> Line:
    cell = styles().cell
    return Line([Run(clean(text))], cell, lambda: para(text, cell))


def table(cells: list[Flowable]) -> Table:
    return Table([[c] for c in cells], colWidths=[160])


def test_lines_print_as_their_paragraphs_in_any_script(tmp_path: Path) -> None:
    cell = styles().cell
    paragraphs = pixels(tmp_path, "p", [table([para(t, cell) for t in TEXTS])])
    lines = pixels(tmp_path, "l", [table([line(t) for t in TEXTS])])
    assert same(paragraphs, lines)
    assert not same(paragraphs, pixels(tmp_path, "x", [table([line(t + "!") for t in TEXTS])]))


def test_runs_print_as_the_markup_they_replace(tmp_path: Path) -> None:
    cell, heading = styles().cell, styles().heading
    markup = [Paragraph('<font color="#b42318"><b>No</b> <font size="7">· risk</font></font>',
                        cell),
              Paragraph(safe("Decision"), heading),
              Paragraph('<font color="#57606a">None noted</font>', cell)]
    runs = [Line([Run("No", bold=True, colour=RISK), Run(" ", colour=RISK),
                  Run("· risk", colour=RISK, size=7)], cell, lambda: markup[0]),
            Line([Run("Decision")], heading, lambda: markup[1]),
            Line([Run("None noted", colour=MUTED)], cell, lambda: markup[2])]
    assert same(pixels(tmp_path, "m", list(markup)), pixels(tmp_path, "r", runs))


def test_only_simple_text_that_fits_skips_the_paragraph() -> None:
    built: list[str] = []

    def fallback(text: str) -> Flowable:
        built.append(text)
        return para(text, styles().cell)

    def wrapped(text: str, room: float = 160) -> tuple[float, float]:
        return Line([Run(clean(text))], styles().cell, lambda: fallback(text)).wrap(room, 500)

    assert wrapped("Paid trial task") == (160, styles().cell.leading) and built == []
    for text in ("مرحبا بالعالم", "中文参考", "Sprint review & notes " * 6):
        wrapped(text)
    assert built == ["مرحبا بالعالم", "中文参考", "Sprint review & notes " * 6]
    assert wrapped("Sprint review & notes " * 6)[1] > styles().cell.leading  # it wraps


def test_a_table_takes_a_line_as_its_own_string_only_when_it_fits() -> None:
    cell = styles().cell
    bold = Line([Run("Status", bold=True, colour=colors.red)], cell, lambda: para("", cell))
    assert bold.as_cell(100) == ("Status", FONT_BOLD, colors.red)
    assert line("Written scope").as_cell(100) == ("Written scope", FONT, cell.textColor)
    assert line("Written scope, deadlines and acceptance").as_cell(60) is None
    assert line("中文").as_cell(100) is None
    assert Line([Run("a"), Run("b", size=6)], cell, lambda: para("", cell)).as_cell(100) is None


def test_width_is_reportlabs() -> None:
    for text in TEXTS:
        simple = clean(text)
        for font in (FONT, FONT_BOLD):
            assert width(simple, font, 7.8) == stringWidth(simple, font, 7.8)


def test_a_flat_heat_map_prints_as_the_drawing(tmp_path: Path) -> None:
    points = [("Strategic", 4, 3), ("Operational", 4, 3), ("Technology", 1, 1),
              ("Financial", 5, 3)]
    drawn = pixels(tmp_path, "d", [heat_map(points)])
    assert same(drawn, pixels(tmp_path, "f", [Flat(heat_map(points))]))
    assert not same(drawn, pixels(tmp_path, "g", [Flat(heat_map(points[:3]))]))
