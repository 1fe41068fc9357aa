"""The planner's 2×2 matrix widget: points land in their quadrants in their decision's colour,
more hours draw a bigger circle, clicking a point selects it, and an empty matrix paints."""

from __future__ import annotations

import math
from collections import Counter
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
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


def fill_of(matrix: PlannerMatrix, image: QImage, name: str) -> str:
    """The colour of a circle's fill: the commonest round its centre, where the number
    written on it leaves most of the circle showing."""
    centre, radius = matrix.point_at(name), matrix.radius_of(name)
    seen = Counter(colour_at(image, QPointF(centre.x() + radius * 0.6 * math.cos(a / 8 * math.pi),
                                            centre.y() + radius * 0.6 * math.sin(a / 8 * math.pi)))
                   for a in range(16))
    return seen.most_common(1)[0][0]


def test_points_sit_in_their_quadrants_in_their_decision_colour(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, [("Expert work", 5, 1, Decimal(10), D.HIRE_EXPERT),
                           ("Chores", 1, 5, Decimal(30), D.DROP),
                           ("Core", 5, 5, Decimal(20), D.KEEP)])
    image = matrix.grab().toImage()
    grid = matrix.cell_rect(1, 1).united(matrix.cell_rect(5, 5))
    middle = grid.center()

    expert = matrix.point_at("Expert work")
    assert expert.x() < middle.x() and expert.y() < middle.y()  # top-left
    assert fill_of(matrix, image, "Expert work") == DECISION_COLOURS[D.HIRE_EXPERT]

    chores = matrix.point_at("Chores")
    assert chores.x() > middle.x() and chores.y() > middle.y()  # bottom-right
    assert fill_of(matrix, image, "Chores") == DECISION_COLOURS[D.DROP]

    assert fill_of(matrix, image, "Core") == DECISION_COLOURS[D.KEEP]


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


# --- names: listed by number beside the grid, never running into each other, never cut ------
CROWDED = [("IT support and backups", 4, 1, Decimal(6), D.HIRE_EXPERT),
           ("IT security reviews and audits", 4, 1, Decimal(3), D.HIRE_EXPERT),
           ("IT procurement", 4, 1, Decimal(2), D.OUTSOURCE),
           ("IT helpdesk for the warehouse", 4, 1, Decimal(30), D.OUTSOURCE),
           ("IT onboarding", 4, 1, Decimal(1), D.UNDECIDED),
           ("Bookkeeping and payroll", 2, 1, Decimal(12), D.OUTSOURCE),
           ("Client proposals and pricing", 5, 5, Decimal(20), D.KEEP)]
VIEW_SIZE = (454, 308)  # the matrix's size in the planner view of a 1366×768 window


def overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a.intersected(b).width() > 0.5 and a.intersected(b).height() > 0.5


def test_crowded_names_are_listed_whole_beside_the_grid(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, CROWDED, size=VIEW_SIZE)
    grid = matrix.grid_rect()
    entries = [matrix.legend_rect(name) for name, *_ in CROWDED]
    for n, (name, *_rest) in enumerate(CROWDED):
        lines = matrix.legend_lines(name)
        assert " ".join(lines) == name  # wrapped, never cut
        assert not any("…" in line for line in lines)
        rect = entries[n]
        assert 0 <= rect.left() and rect.right() <= matrix.width()
        assert 0 <= rect.top() and rect.bottom() <= matrix.height()
        assert not overlap(rect, grid), name
        for other in entries[n + 1:]:
            assert not overlap(rect, other), name
        assert matrix.number_of(name) == n + 1
    assert matrix.legend_more() == ""


def test_circles_sharing_a_cell_stay_apart_inside_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, CROWDED, size=VIEW_SIZE)
    cell = matrix.cell_rect(1, 4)
    shared = [name for name, importance, competence, *_ in CROWDED
              if (competence, importance) == (1, 4)]
    circles = [(matrix.point_at(n), matrix.radius_of(n)) for n in shared]
    for i, (a, ra) in enumerate(circles):
        assert cell.adjusted(-1, -1, 1, 1).contains(QRectF(a.x() - ra, a.y() - ra, 2 * ra, 2 * ra))
        for b, rb in circles[i + 1:]:
            assert math.hypot(a.x() - b.x(), a.y() - b.y()) >= ra + rb - 0.5


def test_a_circle_keeps_clear_of_its_quadrants_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, [("Proposals", 5, 5, Decimal(20), D.KEEP),
                           ("Books", 2, 1, Decimal(12), D.OUTSOURCE)], size=VIEW_SIZE)
    names = [bounds for _area, _align, _words, bounds in matrix._quadrant_labels()]
    for name in ("Proposals", "Books"):
        centre, radius = matrix.point_at(name), matrix.radius_of(name)
        circle = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        assert not any(overlap(circle, bounds) for bounds in names), name


def test_clicking_a_listed_name_selects_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    items = [(10 + n, *item) for n, item in enumerate(CROWDED)]
    matrix = shown(qtbot, items, size=VIEW_SIZE)
    matrix.show()
    entry = matrix.legend_rect("IT procurement")
    with qtbot.waitSignal(matrix.selected, timeout=1000) as blocker:
        qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton,
                         pos=QPoint(round(entry.center().x()), round(entry.center().y())))
    assert blocker.args == [12]
    assert matrix.tooltip_at(entry.center()).splitlines()[0] == "IT procurement"


def test_a_tall_narrow_matrix_lists_the_names_under_the_grid(qtbot) -> None:  # type: ignore[no-untyped-def]
    matrix = shown(qtbot, CROWDED, size=(330, 560))
    grid = matrix.grid_rect()
    for name, *_ in CROWDED:
        assert matrix.legend_rect(name).top() > grid.bottom()
        assert " ".join(matrix.legend_lines(name)) == name


def test_many_activities_in_a_small_matrix_say_what_is_left_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    items = [(f"Activity number {n} with a name", 1 + n % 5, 1 + n // 10, Decimal(n), D.KEEP)
             for n in range(40)]
    matrix = shown(qtbot, items, size=(320, 220))
    listed = []
    for name, *_ in items:
        try:
            rect = matrix.legend_rect(name)
        except KeyError:
            continue
        listed.append(rect)
        assert " ".join(matrix.legend_lines(name)) == name
    assert 0 < len(listed) < 40
    assert matrix.legend_more().startswith(f"{40 - len(listed)} more activities")
    for i, rect in enumerate(listed):
        assert all(not overlap(rect, other) for other in listed[i + 1:])
    # With room, every one is listed.
    matrix.resize(1200, 700)
    assert matrix.legend_more() == ""
    assert all(" ".join(matrix.legend_lines(n)) == n for n, *_ in items)


def test_names_are_written_in_the_palettes_text_colour(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    matrix = shown(qtbot, CROWDED, size=VIEW_SIZE)
    palette = QPalette(matrix.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    matrix.setPalette(palette)
    matrix.setAutoFillBackground(True)
    image = matrix.grab().toImage()
    rect = matrix.legend_rect("Bookkeeping and payroll").toRect()
    light = sum(QColor(image.pixel(x, y)).lightness() > 200
                for x in range(rect.left() + rect.width() // 3, rect.right())
                for y in range(rect.top(), rect.bottom()))
    assert light > 20  # light text on the dark window
