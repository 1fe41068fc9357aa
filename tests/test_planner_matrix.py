"""The planner's 2×2 matrix widget: points land in their quadrants in their decision's colour,
more hours draw a bigger circle, clicking a point selects it, and an empty matrix paints."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage

from desktop.core.enums import PlannerDecision
from desktop.core.planner import Thresholds
from desktop.core.planner_palette import DECISION_COLOURS
from desktop.ui.planner_matrix import PlannerMatrix

D = PlannerDecision


def shown(qtbot, items, size=(520, 420)) -> PlannerMatrix:  # type: ignore[no-untyped-def]
    matrix = PlannerMatrix()
    qtbot.addWidget(matrix)
    matrix.resize(*size)
    matrix.set_activities(items)
    return matrix


def colour_at(image: QImage, point: QPointF) -> str:
    return QColor(image.pixel(QPoint(round(point.x()), round(point.y())))).name()


def test_points_sit_in_their_quadrants_in_their_decision_colour(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, [("Expert work", 5, 1, Decimal(10), D.HIRE_EXPERT),
                           ("Chores", 1, 5, Decimal(30), D.DROP),
                           ("Core", 5, 5, Decimal(20), D.KEEP)])
    image = matrix.grab().toImage()
    grid = matrix.cell_rect(1, 1).united(matrix.cell_rect(5, 5))
    middle = grid.center()

    expert = matrix.point_at("Expert work")
    assert expert.x() < middle.x() and expert.y() < middle.y()  # top-left
    assert colour_at(image, expert) == DECISION_COLOURS[D.HIRE_EXPERT]

    chores = matrix.point_at("Chores")
    assert chores.x() > middle.x() and chores.y() > middle.y()  # bottom-right
    assert colour_at(image, chores) == DECISION_COLOURS[D.DROP]

    assert colour_at(image, matrix.point_at("Core")) == DECISION_COLOURS[D.KEEP]


def test_more_hours_draw_a_bigger_circle(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, [("Small", 2, 1, Decimal(2), D.OUTSOURCE),
                           ("Big", 2, 5, Decimal(120), D.OUTSOURCE)])
    small, big = matrix.radius_of("Small"), matrix.radius_of("Big")
    assert big > small + 6
    image = matrix.grab().toImage()
    r = (small + big) / 2  # inside the big circle only; probe above the centre (labels are below)
    colour = DECISION_COLOURS[D.OUTSOURCE]
    for name, inside in (("Big", True), ("Small", False)):
        centre = matrix.point_at(name)
        probe = QPointF(centre.x(), centre.y() - r)
        assert (colour_at(image, probe) == colour) is inside, name


def test_same_scores_are_nudged_apart(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, [("One", 3, 3, Decimal(5), D.UNDECIDED),
                           ("Two", 3, 3, Decimal(5), D.UNDECIDED),
                           ("Three", 3, 3, Decimal(5), D.KEEP)])
    points = [matrix.point_at(n) for n in ("One", "Two", "Three")]
    cell = matrix.cell_rect(3, 3)
    for i, a in enumerate(points):
        assert cell.contains(a)
        for b in points[i + 1:]:
            assert math.hypot(a.x() - b.x(), a.y() - b.y()) > 8


def test_clicking_a_point_emits_its_id_and_the_tooltip_tells_its_scores(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, [(41, "Bookkeeping", 2, 1, Decimal("12.5"), D.OUTSOURCE),
                           (42, "Proposals", 5, 5, Decimal(20), D.KEEP)])
    matrix.show()
    centre = matrix.point_at("Proposals")
    with qtbot.waitSignal(matrix.selected, timeout=1000) as blocker:
        qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton,
                         pos=QPoint(round(centre.x()), round(centre.y())))
    assert blocker.args == [42]
    tip = matrix.tooltip_at(matrix.point_at("Bookkeeping"))
    assert tip.splitlines() == ["Bookkeeping", "Importance 2 · in-house competence 1",
                                "12.5 hours a month", "Decision: Outsource"]
    assert matrix.tooltip_at(QPointF(2, 2)) == ""


def test_points_without_ids_emit_their_index(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, [("A", 1, 1, Decimal(1), D.OUTSOURCE),
                           ("B", 4, 4, Decimal(1), D.KEEP)])
    centre = matrix.point_at("B")
    with qtbot.waitSignal(matrix.selected, timeout=1000) as blocker:
        qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton,
                         pos=QPoint(round(centre.x()), round(centre.y())))
    assert blocker.args == [1]


def test_empty_and_small_matrices_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, [])
    assert not matrix.grab().toImage().isNull()
    assert matrix.sizeHint().width() >= 500
    matrix.set_thresholds(Thresholds(high_importance=3, low_importance=2))
    matrix.set_activities([("A very long activity name that will surely be elided " * 3,
                            5, 1, Decimal(744), D.HIRE_EXPERT)])
    matrix.resize(180, 150)
    assert not matrix.grab().toImage().isNull()


def test_bad_scores_are_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, [])
    with pytest.raises(ValueError):
        matrix.set_activities([("Nope", 6, 1, Decimal(1), D.KEEP)])
