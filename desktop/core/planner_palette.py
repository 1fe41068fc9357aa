"""The planner matrix's look and placement, shared by the desktop widget
(``desktop.ui.planner_matrix``) and the PDF (``desktop.reports.planner_report``) so both draw
the same picture: which quadrant a cell falls in, the colours (hex strings; each drawer makes
its own colour objects), circle sizes and point labels. Pure: no Qt, no ReportLab."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from desktop.core.enums import PlannerDecision
from desktop.core.i18n import _, ngettext
from desktop.core.planner import Thresholds

__all__ = ["DECISION_COLOURS", "FULL_HOURS", "MIDDLE_TINT", "QUADRANT_LABELS", "QUADRANT_TINTS",
           "SPLIT_LINE", "hours_text", "label_lines", "quadrant_of", "radius_share"]

DECISION_COLOURS = {
    PlannerDecision.UNDECIDED: "#6e7781",
    PlannerDecision.KEEP: "#1b7f3b",
    PlannerDecision.OUTSOURCE: "#0969da",
    PlannerDecision.HIRE_EXPERT: "#8250df",
    PlannerDecision.DROP: "#e8590c",
}
QUADRANT_TINTS = {"hire_expert": "#e6dcfa", "keep": "#c9ead2", "outsource": "#d3e6fb",
                  "drop": "#fbdcc6"}
QUADRANT_LABELS = {"hire_expert": _("Hire an expert partner"),
                   "keep": _("Keep and grow in-house"), "outsource": _("Outsource"),
                   "drop": _("Outsource or drop (if it costs many hours)")}
MIDDLE_TINT = "#eef1f4"
SPLIT_LINE = "#8c959f"
FULL_HOURS = Decimal(160)  # a full-time month: the largest circle


def quadrant_of(thresholds: Thresholds, importance: int, competence: int) -> str | None:
    """"hire_expert", "keep", "outsource" or "drop" for a cell; None in the middle band."""
    i = thresholds.band("importance", importance)
    c = thresholds.band("competence", competence)
    if "middle" in (i, c):
        return None
    if i == "high":
        return "keep" if c == "high" else "hire_expert"
    return "drop" if c == "high" else "outsource"


def radius_share(hours: Decimal) -> float:
    """A circle's radius as a share of the largest: area grows with the hours a month, from a
    quarter (little or no time) to whole (a full-time month or more)."""
    share = math.sqrt(float(min(max(hours, Decimal(0)), FULL_HOURS) / FULL_HOURS))
    return max(0.25, share)


def hours_text(hours: Decimal) -> str:
    tidy = Decimal(int(hours * 10)) / 10
    # A fraction of an hour takes the plural, as in "1.5 hours".
    n = int(tidy) if tidy == tidy.to_integral_value() else 2
    return ngettext("{hours} hour", "{hours} hours", n).format(hours=f"{tidy:f}")


def _words(name: str) -> list[str]:
    """The name's words, with control and format characters (joiners, stray controls) dropped."""
    kept = "".join(ch for ch in name if ch.isspace()
                   or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return kept.split()


def label_lines(name: str, measure: Callable[[str], float], width: float,
                lines: int = 2) -> list[str]:
    """A point's label in at most two lines of ``width``, the last elided if need be (one
    line when ``lines`` is 1, for points crowded into a shared cell)."""
    if lines < 2:
        return [_cut(" ".join(_words(name)), measure, width)]
    words = _words(name) or [""]
    first = words[0]
    rest = words[1:]
    while rest and measure(f"{first} {rest[0]}") <= width:
        first = f"{first} {rest.pop(0)}"
    out = [_cut(first, measure, width)]
    if rest:
        out.append(_cut(" ".join(rest), measure, width))
    return out


def _cut(text: str, measure: Callable[[str], float], width: float) -> str:
    if measure(text) <= width:
        return text
    while text and measure(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"
