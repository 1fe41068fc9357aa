"""The risk bands' colours, shared by the heat map widget (``desktop.ui.heat_map``), the review
dialog and the risk summary PDF (``desktop.reports.risk_summary``). Hex strings; each drawer
makes its own colour objects. Pure: no Qt, no ReportLab."""

from __future__ import annotations

from desktop.core.i18n import _
from desktop.core.risk import Band, band

__all__ = ["BAND_COLOURS", "BAND_TEXT", "BAND_TINTS", "cell_tint"]

# Strong colours for chips and text; tints for the map's cells (markers stay readable on them).
BAND_COLOURS = {Band.LOW: "#1b7f3b", Band.MEDIUM: "#e0a800", Band.HIGH: "#e8590c",
                Band.CRITICAL: "#b42318"}
# Text drawn on a BAND_COLOURS background.
BAND_TEXT = {Band.LOW: "#ffffff", Band.MEDIUM: "#3b2a00", Band.HIGH: "#ffffff",
             Band.CRITICAL: "#ffffff"}
BAND_TINTS = {Band.LOW: "#c9ead2", Band.MEDIUM: "#fbe6a6", Band.HIGH: "#fbc9a5",
              Band.CRITICAL: "#f4aaa3"}


def cell_tint(likelihood: int, impact: int) -> str:
    """A heat-map cell's tint: the band of likelihood × impact (each 1–5)."""
    if not (1 <= likelihood <= 5 and 1 <= impact <= 5):
        raise ValueError(_("likelihood and impact are 1..5, not {likelihood} and {impact}").format(
            likelihood=likelihood, impact=impact))
    return BAND_TINTS[band(likelihood * impact)]
