"""The import preview's table: every row of the file and the outcome the plan gave it, with the
sentences that sum a plan and its import up."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.core.enums import RateUnit
from desktop.core.formats import number
from desktop.core.money import format_money
from desktop.io.contractor_import import DUPLICATE, MERGE, NEW, REJECTED, SKIPPED, Plan, Row
from desktop.io.layouts import RATE_TARGETS
from desktop.store.importing import ImportResult
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table_base import ReadOnlyTableModel

if TYPE_CHECKING:
    pass

_COLOURS = {NEW: QColor("#067647"), MERGE: QColor("#175cd3"), DUPLICATE: QColor("#b54708"),
            REJECTED: QColor("#b42318"), SKIPPED: QColor("#667085")}
_PERSON = ("name", "first_name", "middle_name", "last_name")


def is_problem(row: Row) -> bool:
    return row.outcome in (REJECTED, DUPLICATE) or bool(row.warnings)


# Filter label (marked for translation; the filter box shows it translated) -> which rows it
# keeps, in the order the filter box lists them.
FILTERS: dict[str, Callable[[Row], bool]] = {
    QT_TR_NOOP("All rows"): lambda r: True,
    QT_TR_NOOP("Problems only"): is_problem,
    QT_TR_NOOP("New only"): lambda r: r.outcome == NEW,
    QT_TR_NOOP("Merges only"): lambda r: r.outcome == MERGE,
    QT_TR_NOOP("Skipped only"): lambda r: r.outcome == SKIPPED,
}
# A rate as the preview shows it.
_PER_UNIT = {RateUnit.HOUR: QT_TR_NOOP("{amount} / hour"),
             RateUnit.DAY: QT_TR_NOOP("{amount} / day"),
             RateUnit.MONTH: QT_TR_NOOP("{amount} / month"),
             RateUnit.FIXED: QT_TR_NOOP("{amount} / fixed")}


def outcome_word(outcome: str) -> str:
    return {NEW: tr("New", "import outcome"), MERGE: tr("Merge", "import outcome"),
            DUPLICATE: tr("Duplicate", "import outcome"),
            REJECTED: tr("Rejected", "import outcome"),
            SKIPPED: tr("Skipped", "import outcome")}[outcome]


def summary_text(plan: Plan) -> str:
    """Only the outcomes that occur: "42 new · 3 duplicates · 5 rejected · 2 skipped"."""
    counts = plan.counts
    parts = [_counted(tr("{count} new", "", counts[NEW]), counts[NEW]),
             _counted(tr("{count} to merge", "", counts[MERGE]), counts[MERGE]),
             _counted(tr("{count} duplicate(s)", "", counts[DUPLICATE]), counts[DUPLICATE]),
             _counted(tr("{count} rejected", "", counts[REJECTED]), counts[REJECTED]),
             _counted(tr("{count} skipped", "", counts[SKIPPED]), counts[SKIPPED])]
    return " · ".join(p for p in parts if p) or tr("The file has no rows below the header.")


def _counted(text: str, count: int) -> str:
    """``text`` with its {count}; "" for none."""
    return text.format(count=number(count)) if count else ""


def result_text(result: ImportResult, plan: Plan) -> tuple[str, str]:
    """What was written, and what was left out: "Added 42 contractors, merged 3." and
    "5 rows were rejected and 2 skipped."."""
    created, merged = result.created, result.merged
    done = (tr("Added {count} contractor(s), merged {merged}.", "", created) if merged
            else tr("Added {count} contractor(s).", "", created)).format(
        count=number(created), merged=number(merged))
    counts = plan.counts
    left = [part for part in (
        _counted(tr("{count} row(s) were rejected", "", counts[REJECTED]), counts[REJECTED]),
        _counted(tr("{count} duplicate(s) were left out", "", counts[DUPLICATE]),
                 counts[DUPLICATE]),
        _counted(tr("{count} skipped", "", counts[SKIPPED]), counts[SKIPPED])) if part]
    if len(left) > 1:
        text = tr("{first} and {last}", "the end of a list").format(first=", ".join(left[:-1]),
                                                                   last=left[-1])
    else:
        text = "".join(left)
    return done, text[:1].upper() + text[1:] + "." if text else ""


class Col(IntEnum):
    LINE, OUTCOME, NAME, EMAIL, RATE, DETAILS = range(6)


class ImportPreviewModel(ReadOnlyTableModel):
    headers = ("Line", "Outcome", "Name", "Email", "Rate", "Details")

    def __init__(self, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[Row] = []
        self._shown: list[Row] = []
        self._mapping: tuple[str, ...] = ()
        self._filter = "All rows"  # a key of FILTERS

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self._rows = plan.rows if plan else []
        self._mapping = plan.choices.mapping if plan else ()
        self._shown = self._filtered()
        self.endResetModel()

    def set_filter(self, name: str) -> None:
        """``name``: a key of FILTERS."""
        self.beginResetModel()
        self._filter = name
        self._shown = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Row]:
        keep = FILTERS[self._filter]
        return self._rows if self._filter == "All rows" else [r for r in self._rows if keep(r)]

    def shown(self) -> list[Row]:
        return self._shown

    def row_at(self, position: int) -> Row:
        return self._shown[position]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._shown[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.outcome == SKIPPED or column == Col.OUTCOME:
                return _COLOURS[row.outcome]
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return details(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Col.LINE, Col.RATE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: Row, column: int) -> str:
        if column == Col.LINE:
            return str(row.line)
        if column == Col.OUTCOME:
            return outcome_word(row.outcome)
        if column == Col.DETAILS:
            return details(row)
        data = row.data
        if column == Col.NAME:
            return data.display_name if data else self._name_in(row)
        if column == Col.EMAIL:
            return data.email if data else self._raw(row, ("email",))
        if data is None:
            return self._raw(row, RATE_TARGETS)
        if data.rate_minor is None:
            return ""
        return tr(_PER_UNIT[RateUnit(data.rate_unit)]).format(
            amount=format_money(data.rate_minor, data.currency))

    def _raw(self, row: Row, targets: tuple[str, ...] | frozenset[str]) -> str:
        """What the file says in the first column mapped to one of ``targets`` (for rows that
        did not become a contractor, so the user still sees which row it is)."""
        return next((row.values[i].strip() for i, t in enumerate(self._mapping)
                     if t in targets and i < len(row.values) and row.values[i].strip()), "")

    def _name_in(self, row: Row) -> str:
        person = " ".join(row.values[i].strip() for i, t in enumerate(self._mapping)
                          if t in _PERSON and i < len(row.values) and row.values[i].strip())
        return person or self._raw(row, ("company", "alias"))


def details(row: Row) -> str:
    """The reason a row is not imported as it stands, or what to check about it."""
    parts = [row.message[:1].upper() + row.message[1:]] if row.message else []
    if row.matches and not row.message:
        parts.append(tr("Matches {name}").format(name=row.matches))
    parts.extend(row.warnings)
    return "; ".join(parts)
