"""The risk summary's scores: the 5×5 heat map, the areas and the classification.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Circle, Drawing, Group, Rect, Shape, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from desktop.core.i18n import _, pgettext
from desktop.core.risk import Band
from desktop.core.risk_catalog import question
from desktop.core.risk_palette import BAND_COLOURS, BAND_TEXT, BAND_TINTS, cell_tint
from desktop.reports.pdf_base import FONT, FONT_BOLD, FRAME_WIDTH, INK, MUTED, styles
from desktop.reports.pdf_line import Run
from desktop.reports.pdf_shapes import Flat
from desktop.reports.pdf_text import clean
from desktop.reports.risk_summary_cells import (
    BAND_RANGES,
    band_run,
    grid,
    head_row,
    heading_line,
    label_width,
    marked_line,
    muted_line,
    table_style,
    text_line,
)

if TYPE_CHECKING:
    from desktop.reports.risk_summary import RiskSummary


# --- heat map and areas ----------------------------------------------------------------------
_LEFT, _BOTTOM = 26.0, 24.0


@cache
def _grid_shapes(cell: float, likelihood: str, impact: str) -> tuple[Shape, ...]:
    """The heat map's cells and axes, the same for every summary in a language (made once:
    building shapes is most of a heat map's cost)."""
    left, bottom = _LEFT, _BOTTOM
    shapes: list[Shape] = []
    for lik in range(1, 6):
        for imp in range(1, 6):
            x, y = left + (lik - 1) * cell, bottom + (imp - 1) * cell
            shapes.append(Rect(x, y, cell, cell, fillColor=colors.HexColor(
                cell_tint(lik, imp)), strokeColor=colors.white, strokeWidth=1.2))
            shapes.append(String(x + 2, y + cell - 6.5, str(lik * imp), fontName=FONT,
                                 fontSize=5, fillColor=MUTED))
    for i in range(1, 6):
        shapes.append(String(left + (i - 0.5) * cell, bottom - 9, str(i), fontName=FONT,
                             fontSize=7, fillColor=MUTED, textAnchor="middle"))
        shapes.append(String(left - 6, bottom + (i - 0.5) * cell - 2.5, str(i), fontName=FONT,
                             fontSize=7, fillColor=MUTED, textAnchor="middle"))
    shapes.append(String(left + 2.5 * cell, 2, likelihood, fontName=FONT, fontSize=7.5,
                         fillColor=INK, textAnchor="middle"))
    axis = Group(String(0, 0, impact, fontName=FONT, fontSize=7.5, fillColor=INK,
                        textAnchor="middle"))
    axis.transform = (0, 1, -1, 0, 9, bottom + 2.5 * cell)  # turned a quarter to read upwards
    shapes.append(axis)
    return tuple(shapes)


def heat_map(points: Sequence[tuple[str, int, int]], cell: float = 22) -> Drawing:
    """A 5×5 grid, likelihood across and impact up, each cell tinted by the band of L×I, with
    a lettered marker per area (markers sharing a cell are spread over it)."""
    left, bottom, pad = _LEFT, _BOTTOM, 4.0
    drawing = Drawing(left + 5 * cell + pad, bottom + 5 * cell + pad, initialFontName=FONT)
    for shape in _grid_shapes(cell, _("Likelihood"), _("Impact")):
        drawing.add(shape)

    by_cell: dict[tuple[int, int], list[str]] = {}
    for label, lik, imp in points:
        by_cell.setdefault((lik, imp), []).append(label)
    for (lik, imp), labels in by_cell.items():
        cols = 1 if len(labels) == 1 else 2
        rows = -(-len(labels) // cols)
        radius = min(cell * 0.3, cell / (2 * max(cols, rows)) - 0.6)
        size = max(5.0, radius * 1.15)
        for i, label in enumerate(labels):
            cx = left + (lik - 1) * cell + (i % cols + 0.5) * cell / cols
            cy = bottom + imp * cell - (i // cols + 0.5) * cell / rows
            drawing.add(Circle(cx, cy, radius, fillColor=INK, strokeColor=colors.white,
                               strokeWidth=0.8))
            drawing.add(String(cx, cy - size * 0.36, label[:1], fontName=FONT_BOLD,
                               fontSize=size, fillColor=colors.white, textAnchor="middle"))
    return drawing


def risk_section(s: RiskSummary) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [heading_line(_("Risk by area"))]
    if s.result is None:
        return [*out, text_line(_("Not scored: no risk review has been done for this "
                              "engagement."), st.body)]
    result = s.result
    points = [(a.label, r.likelihood, r.impact) for a, r in result.areas.items()]
    legend: list[Flowable] = [marked_line(_("Overall {band}: the worst area is {area}."), st.body,
                                          band=band_run(result.overall),
                                          area=Run(clean(result.worst.label)))]
    for area, r in result.areas.items():
        legend.append(marked_line("{letter} " + _(
            "{area}: likelihood {likelihood} × impact {impact} = {score}, {band}"), st.cell,
            letter=Run(clean(area.label[0]), bold=True), area=Run(clean(area.label)),
            likelihood=Run(str(r.likelihood)), impact=Run(str(r.impact)),
            score=Run(str(r.score)), band=band_run(r.band)))
    key = Table([[text_line(f"{b.label} {BAND_RANGES[b]}", st.small) for b in Band]],
                colWidths=[62] * 4, hAlign="LEFT")
    key.setStyle(table_style(
        [("BACKGROUND", (i, 0), (i, 0), colors.HexColor(BAND_TINTS[b]))
         for i, b in enumerate(Band)]
        + [("LEFTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
           ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
           ("LINEAFTER", (0, 0), (-2, -1), 1.5, colors.white)]))
    legend += [Spacer(1, 3), key, Spacer(1, 3), text_line(_(
        "Likelihood comes from the answers (an unanswered question counts as risky; a "
        "serious warning sign forces 5); impact from value, time to replace, deadlines and "
        "data access."), st.muted)]
    drawing = heat_map(points)
    side = Table([[Flat(drawing), legend]], colWidths=[drawing.width + 10,
                                                 FRAME_WIDTH - drawing.width - 10],
                 hAlign="LEFT")
    side.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                          ("LEFTPADDING", (0, 0), (-1, -1), 0),
                          ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    out.append(side)

    heads = (_("Area"), pgettext("likelihood, as one letter", "L"),
             pgettext("impact, as one letter", "I"), _("Score"), _("Band"), _("Main drivers"))
    rows = [head_row(*heads)]
    widths = [label_width(least, head) for least, head in zip((96, 16, 16, 34, 50), heads)]
    extra: list[tuple[object, ...]] = []
    for i, (area, r) in enumerate(result.areas.items(), start=1):
        # One line each, as a paragraph broken at each driver would print them.
        drivers: list[Flowable] = []
        for n, qid in enumerate(r.drivers[:3], start=1):
            text = question(qid).text
            if qid in r.unanswered:
                text = _("{question} (not answered)").format(question=text)
            drivers.append(text_line(f"{n}. {text}", st.small))
        if len(r.drivers) > 3:
            drivers.append(muted_line(_("and {count} more").format(count=len(r.drivers) - 3),
                                      st.small))
        rows.append([marked_line("{letter} {area}", st.cell,
                                 letter=Run(clean(area.label[0]), bold=True),
                                 area=Run(clean(area.label))),
                     text_line(str(r.likelihood)), text_line(str(r.impact)),
                     text_line(str(r.score)),
                     marked_line("{band}", st.cell, band=Run(
                         clean(r.band.label), bold=True,
                         colour=colors.HexColor(BAND_TEXT[r.band]))),
                     drivers or muted_line(_("No risky answers"))])
        extra.append(("BACKGROUND", (4, i), (4, i), colors.HexColor(BAND_COLOURS[r.band])))
    out += [Spacer(1, 2), grid(rows, [*widths, FRAME_WIDTH - sum(widths)], extra=extra)]
    notes = [n for r in result.areas.values() for n in r.notes]
    if notes:
        out.append(text_line(" ".join(dict.fromkeys(notes)), st.muted))
    return out


def classification(s: RiskSummary) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [heading_line(_("Classification (employee or contractor)"))]
    if s.result is None:
        return [*out, text_line(_("Not assessed: no risk review has been done for this "
                              "engagement."), st.body)]
    c = s.result.classification
    body: list[Flowable] = [
        marked_line(_("Misclassification risk {band} under the {test}."), st.body,
                    band=band_run(c.level), test=Run(clean(c.test), bold=True)),
        muted_line(_("Source: {source}").format(source=c.source), st.small)]
    if c.reasons:
        body += [text_line(f"• {reason}", st.small) for reason in c.reasons]
    else:
        body.append(text_line(_("No classification question was answered the risky way."),
                              st.small))
    return [KeepTogether([*out, *body])]
