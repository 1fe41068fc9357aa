"""The engagements table model: Qt's model contract, sorting by every column, what it shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from desktop.store.engagements import EngagementRow
from desktop.ui.engagement_model import ID_ROLE, OVERDUE_BRUSH, SORT_ROLE, ECol, EngagementModel

D = dt.date
TODAY = D(2026, 6, 10)


def row(id_: int, title: str, **kw: object) -> EngagementRow:
    values = dict(id=id_, contractor_id=1, contractor_name="Maya Okafor", title=title,
                  status="draft", value_minor=None, currency="USD", start_on=None, end_on=None,
                  next_due_on=None, is_demo=False)
    values.update(kw)
    return EngagementRow(**values)  # type: ignore[arg-type]


ROWS = [
    row(1, "Spring catalogue", status="signed", value_minor=100_000, start_on=D(2026, 3, 1),
        end_on=D(2026, 5, 31), next_due_on=D(2026, 6, 1)),
    row(2, "Booking app", contractor_name="Pixelhaus", status="in_review", value_minor=420_000,
        currency="EUR", start_on=D(2026, 9, 1), end_on=D(2026, 12, 31),
        next_due_on=D(2026, 7, 1)),
    row(3, "audit", contractor_name="elena Vidal", status="completed", value_minor=240_000,
        start_on=D(2025, 11, 1), end_on=D(2026, 1, 15)),
    row(4, "Logo refresh", contractor_name="Aiko Tanaka", value_minor=None),
]


@pytest.fixture
def model(qtbot) -> EngagementModel:  # type: ignore[no-untyped-def]
    m = EngagementModel(today=lambda: TODAY)
    m.set_rows(ROWS)
    return m


def column(model: EngagementModel, col: ECol, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def ids(model: EngagementModel) -> list[int]:
    return [model.row_at(r).id for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, model: EngagementModel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model)
    model.sort(ECol.VALUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_statuses(["draft", "signed"])
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


@pytest.mark.parametrize(("col", "expected"), [
    (ECol.TITLE, [3, 2, 4, 1]),  # case-insensitive
    (ECol.CONTRACTOR, [4, 3, 1, 2]),
    (ECol.STATUS, [4, 2, 1, 3]),  # along the status path, not alphabetically
    (ECol.VALUE, [2, 1, 3, 4]),  # by currency, then amount; no value last
    (ECol.NEXT_DUE, [1, 2, 3, 4]),  # no date last; ties by title
    (ECol.START, [3, 1, 2, 4]),
    (ECol.END, [3, 1, 2, 4]),
])
def test_every_column_sorts_both_ways(model: EngagementModel, col: ECol,
                                      expected: list[int]) -> None:
    model.sort(col, Qt.SortOrder.AscendingOrder)
    assert ids(model) == expected
    keys = column(model, col, SORT_ROLE)
    assert keys == sorted(keys)
    model.sort(col, Qt.SortOrder.DescendingOrder)
    assert ids(model) == expected[::-1]
    assert model.sort_order == (col, Qt.SortOrder.DescendingOrder)


def test_sorting_keeps_persistent_indexes_on_their_rows(model: EngagementModel) -> None:
    model.sort(ECol.TITLE)
    kept = QPersistentModelIndex(model.index(ids(model).index(2), ECol.STATUS))
    model.sort(ECol.START, Qt.SortOrder.DescendingOrder)
    assert kept.row() == ids(model).index(2) and kept.column() == ECol.STATUS
    assert kept.data(ID_ROLE) == 2


def test_cells_show_money_status_and_dates(model: EngagementModel) -> None:
    model.sort(ECol.TITLE)
    shown = {model.row_at(r).id: [model.index(r, c).data() for c in ECol]
             for r in range(model.rowCount())}
    assert shown[1] == ["Spring catalogue", "Maya Okafor", "Signed", "$1,000.00", "Jun 1, 2026",
                        "Mar 1, 2026", "May 31, 2026"]
    assert shown[2][2:4] == ["In review", "€4,200.00"]
    assert shown[4][3:] == ["—", "", "", ""]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in ECol] == \
        ["Title", "Contractor", "Status", "Value", "Next due", "Start", "End"]


def test_overdue_next_due_is_red_and_status_is_coloured(model: EngagementModel) -> None:
    model.sort(ECol.TITLE)
    position = {model.row_at(r).id: r for r in range(model.rowCount())}
    fg = Qt.ItemDataRole.ForegroundRole
    assert model.index(position[1], ECol.NEXT_DUE).data(fg) == OVERDUE_BRUSH  # 1 June < 10 June
    assert model.index(position[2], ECol.NEXT_DUE).data(fg) is None
    assert "Overdue" in model.index(position[1], ECol.NEXT_DUE).data(Qt.ItemDataRole.ToolTipRole)
    colours = {model.index(position[i], ECol.STATUS).data(fg).color().name() for i in (1, 2, 3)}
    assert len(colours) == 3
    assert isinstance(model.index(position[4], ECol.STATUS).data(fg), QBrush)
    alignment = model.index(0, ECol.VALUE).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_status_filter_narrows_and_widens(model: EngagementModel) -> None:
    model.set_statuses(["draft", "in_review", "signed"])
    assert sorted(ids(model)) == [1, 2, 4]
    model.set_statuses(["completed"])
    assert ids(model) == [3] and model.position_of(1) is None and model.position_of(3) == 0
    model.set_statuses([])
    assert model.rowCount() == model.total() == 4
