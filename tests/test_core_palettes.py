"""The colours and placement rules the widgets and the PDFs share, from ``desktop.core``:
planner quadrants, circle sizes, point labels, and the risk bands' colours."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from desktop.core.enums import PlannerDecision
from desktop.core.planner import Thresholds
from desktop.core.planner_palette import (
    DECISION_COLOURS,
    MIDDLE_TINT,
    QUADRANT_LABELS,
    QUADRANT_TINTS,
    SPLIT_LINE,
    hours_text,
    label_lines,
    quadrant_of,
    radius_share,
)
from desktop.core.risk import Band, band
from desktop.core.risk_palette import BAND_COLOURS, BAND_TEXT, BAND_TINTS, cell_tint

HEX = re.compile(r"^#[0-9a-f]{6}$")


def test_colours_are_hex_strings_for_every_key() -> None:
    assert set(DECISION_COLOURS) == set(PlannerDecision)
    assert set(QUADRANT_TINTS) == set(QUADRANT_LABELS) == {"hire_expert", "keep", "outsource",
                                                           "drop"}
    for table in (BAND_COLOURS, BAND_TEXT, BAND_TINTS):
        assert set(table) == set(Band)
    colours = [*DECISION_COLOURS.values(), *QUADRANT_TINTS.values(), MIDDLE_TINT, SPLIT_LINE,
               *BAND_COLOURS.values(), *BAND_TEXT.values(), *BAND_TINTS.values()]
    assert all(isinstance(c, str) and HEX.match(c) for c in colours), colours


@pytest.mark.parametrize(("importance", "competence", "quadrant"), [
    (5, 5, "keep"), (4, 4, "keep"), (5, 1, "hire_expert"), (4, 2, "hire_expert"),
    (1, 1, "outsource"), (2, 2, "outsource"), (1, 5, "drop"), (2, 4, "drop"),
    (3, 3, None), (3, 5, None), (5, 3, None), (1, 3, None),
])
def test_quadrant_of_with_default_thresholds(importance: int, competence: int,
                                             quadrant: str | None) -> None:
    assert quadrant_of(Thresholds(), importance, competence) == quadrant


def test_quadrant_of_follows_the_thresholds() -> None:
    wide = Thresholds(low_importance=3, high_importance=4, low_competence=3, high_competence=4)
    assert quadrant_of(wide, 3, 3) == "outsource"
    assert quadrant_of(wide, 4, 3) == "hire_expert"
    assert quadrant_of(Thresholds(), 3, 3) is None


def test_every_cell_is_in_a_quadrant_or_the_middle() -> None:
    t = Thresholds()
    seen = {quadrant_of(t, i, c) for i in range(1, 6) for c in range(1, 6)}
    assert seen == {None, *QUADRANT_TINTS}


@pytest.mark.parametrize(("hours", "share"), [
    (Decimal(0), 0.25), (Decimal(-5), 0.25), (Decimal(1), 0.25), (Decimal(40), 0.5),
    (Decimal(160), 1.0), (Decimal(744), 1.0),
])
def test_radius_share(hours: Decimal, share: float) -> None:
    assert radius_share(hours) == pytest.approx(share)


def test_radius_grows_with_hours() -> None:
    shares = [radius_share(Decimal(h)) for h in range(10, 170, 10)]
    assert shares == sorted(shares)


@pytest.mark.parametrize(("hours", "text"), [
    (Decimal(1), "1 hour"), (Decimal("1.0"), "1 hour"), (Decimal("2.5"), "2.5 hours"),
    (Decimal(0), "0 hours"), (Decimal("0.25"), "0.2 hours"), (Decimal(160), "160 hours"),
])
def test_hours_text(hours: Decimal, text: str) -> None:
    assert hours_text(hours) == text


def measure(text: str) -> float:
    return float(len(text))  # one unit a character


def test_label_fits_two_lines_and_elides_the_rest() -> None:
    assert label_lines("Bookkeeping", measure, 20) == ["Bookkeeping"]
    assert label_lines("Social media posts", measure, 12) == ["Social media", "posts"]
    first, second = label_lines("Social media posts and newsletters", measure, 12)
    assert first == "Social media"
    assert second.endswith("…") and measure(second) <= 12


def test_label_on_one_line_for_crowded_cells() -> None:
    (line,) = label_lines("Social media posts", measure, 10, lines=1)
    assert line.endswith("…") and measure(line) <= 10


def test_label_collapses_space_and_drops_control_characters() -> None:
    assert label_lines("  Payroll\u200b\n\trun\x07 ", measure, 40) == ["Payroll run"]
    assert label_lines("", measure, 40) == [""]


def test_cell_tint_is_the_band_of_the_score() -> None:
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            assert cell_tint(likelihood, impact) == BAND_TINTS[band(likelihood * impact)]
    assert cell_tint(1, 1) == BAND_TINTS[Band.LOW]
    assert cell_tint(5, 5) == BAND_TINTS[Band.CRITICAL]


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (3, 6), (6, 6)])
def test_cell_tint_outside_the_grid(likelihood: int, impact: int) -> None:
    with pytest.raises(ValueError):
        cell_tint(likelihood, impact)
