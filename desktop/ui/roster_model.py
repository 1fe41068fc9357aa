"""The roster table: all rows in memory, filtered and sorted in Python so 100,000 rows stay fast.

A QSortFilterProxyModel would call back into Python for every row on each keystroke and for
every comparison on each sort; here a keystroke is one pass over precomputed search strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.contractor import search_text
from desktop.core.enums import ContractorStatus, RateUnit, TaxForm
from desktop.core.money import format_money
from desktop.core.reference import country_name
from desktop.store.contractors import ContractorRow


class Col(IntEnum):
    NAME = 0
    COMPANY = 1
    STATUS = 2
    TAGS = 3
    RATE = 4
    COUNTRY = 5
    EMAIL = 6
    PHONE = 7
    TAX_FORM = 8
    UPDATED = 9


HEADERS = {
    Col.NAME: "Name", Col.COMPANY: "Company", Col.EMAIL: "Email", Col.PHONE: "Phone",
    Col.COUNTRY: "Country", Col.STATUS: "Status", Col.RATE: "Rate", Col.TAGS: "Skills",
    Col.TAX_FORM: "Tax form", Col.UPDATED: "Updated",
}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

_STATUS_ORDER = {s.value: i for i, s in enumerate(ContractorStatus)}
_ARCHIVED_BRUSH = QBrush(QColor("#8a8f98"))
_STATUS_COLOURS = {"active": "#1b7f3b", "prospect": "#1f5fa8", "paused": "#9a6700",
                   "former": "#6e7781", "blocked": "#b42318"}


def sort_key(row: ContractorRow, column: Col) -> Any:
    """The value a column sorts by; ties fall back to the name, then the id."""
    match column:
        case Col.NAME:
            return row.display_name.casefold()
        case Col.COMPANY:
            return row.company.casefold()
        case Col.EMAIL:
            return row.email.casefold()
        case Col.PHONE:
            return row.phone
        case Col.COUNTRY:
            return country_name(row.country).casefold() if row.country else ""
        case Col.STATUS:
            return _STATUS_ORDER.get(row.status, 99)
        case Col.RATE:
            # Never compare amounts across currencies: group by currency, then amount.
            return (row.rate_minor is None, row.currency, row.rate_minor or 0)
        case Col.TAGS:
            return ", ".join(row.tags)
        case Col.TAX_FORM:
            return row.tax_form
        case Col.UPDATED:
            return row.updated_at
    raise ValueError(column)


@dataclass(frozen=True)
class RosterFilter:
    text: str = ""
    status: str = ""  # "" = every status
    tag: str = ""  # "" = every tag
    show_archived: bool = False

    def tokens(self) -> list[str]:
        return self.text.casefold().split()


class RosterModel(QAbstractTableModel):
    def __init__(self, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[ContractorRow] = []
        self._hay: list[str] = []
        self._order: list[int] = []  # every row index, in the current sort order
        self._visible: list[int] = []  # the rows shown, in that order
        self._filter = RosterFilter()
        self._sort: tuple[Col, Qt.SortOrder] = (Col.NAME, Qt.SortOrder.AscendingOrder)

    # --- loading -------------------------------------------------------------------------
    def set_rows(self, rows: list[ContractorRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._hay = [self._haystack(r) for r in self._rows]
        self._order = self._sorted_order()
        self._visible = self._matching(self._order, self._filter)
        self.endResetModel()

    def upsert(self, rows: list[ContractorRow]) -> None:
        """Put added or changed rows in place, keeping filter and sort."""
        where = {r.id: i for i, r in enumerate(self._rows)}
        self.beginResetModel()
        for row in rows:
            index = where.get(row.id)
            if index is None:
                self._rows.append(row)
                self._hay.append(self._haystack(row))
            else:
                self._rows[index] = row
                self._hay[index] = self._haystack(row)
        self._order = self._sorted_order()
        self._visible = self._matching(self._order, self._filter)
        self.endResetModel()

    @staticmethod
    def _haystack(row: ContractorRow) -> str:
        return search_text(row.display_name, row.company, row.email, row.tags, row.notes)

    # --- filtering -----------------------------------------------------------------------
    @property
    def filter(self) -> RosterFilter:
        return self._filter

    def set_filter(self, new: RosterFilter) -> None:
        old = self._filter
        if new == old:
            return
        # Typing more letters only narrows: search the rows already shown, not all of them.
        narrowing = (new.status == old.status and new.tag == old.tag
                     and new.show_archived == old.show_archived
                     and new.text.casefold().startswith(old.text.casefold()))
        self.beginResetModel()
        self._filter = new
        self._visible = self._matching(self._visible if narrowing else self._order, new)
        self.endResetModel()

    def _matching(self, candidates: list[int], flt: RosterFilter) -> list[int]:
        rows, hay = self._rows, self._hay
        result = candidates
        if not flt.show_archived:
            result = [i for i in result if not rows[i].archived]
        if flt.status:
            result = [i for i in result if rows[i].status == flt.status]
        if flt.tag:
            result = [i for i in result if flt.tag in rows[i].tags]
        for token in flt.tokens():
            result = [i for i in result if token in hay[i]]
        return result if result is not candidates else list(candidates)

    # --- sorting -------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (Col(column), order)
        self.layoutAboutToBeChanged.emit()
        before = [(p, self._visible[p.row()]) for p in self.persistentIndexList()]
        self._order = self._sorted_order()
        self._visible = self._matching(self._order, self._filter)
        position = {row: pos for pos, row in enumerate(self._visible)}
        old, new = [], []
        for persistent, row in before:
            old.append(persistent)
            pos = position.get(row)
            new.append(QModelIndex() if pos is None else self.index(pos, persistent.column()))
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sorted_order(self) -> list[int]:
        column, order = self._sort
        rows = self._rows
        if column == Col.NAME:
            keys = [r.display_name.casefold() for r in rows]
        else:
            keys = [(sort_key(r, column), r.display_name.casefold()) for r in rows]
        return sorted(range(len(rows)), key=keys.__getitem__,
                      reverse=order == Qt.SortOrder.DescendingOrder)

    # --- lookups -------------------------------------------------------------------------
    def row_at(self, row: int) -> ContractorRow:
        return self._rows[self._visible[row]]

    def position_of(self, contractor_id: int) -> int | None:
        for pos, i in enumerate(self._visible):
            if self._rows[i].id == contractor_id:
                return pos
        return None

    def all_rows(self) -> list[ContractorRow]:
        return self._rows

    def total(self, *, include_archived: bool = False) -> int:
        return sum(1 for r in self._rows if include_archived or not r.archived)

    # --- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(Col(section)) if 0 <= section < len(Col) else None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._visible)):
            return None
        row = self._rows[self._visible[index.row()]]
        column = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return sort_key(row, column)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Col.COUNTRY and row.country:
                return country_name(row.country)
            if column == Col.NAME and row.is_demo:
                return "Demo data (File ▸ Remove demo data)"
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.archived:
                return _ARCHIVED_BRUSH
            if column == Col.STATUS:
                return QBrush(QColor(_STATUS_COLOURS.get(row.status, "#000000")))
        if role == Qt.ItemDataRole.FontRole and row.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Col.RATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: ContractorRow, column: Col) -> str:
        match column:
            case Col.NAME:
                return row.display_name
            case Col.COMPANY:
                return row.company
            case Col.EMAIL:
                return row.email
            case Col.PHONE:
                return row.phone
            case Col.COUNTRY:
                return row.country
            case Col.STATUS:
                label = ContractorStatus(row.status).label
                return f"{label} (archived)" if row.archived else label
            case Col.RATE:
                if row.rate_minor is None:
                    return ""
                return f"{format_money(row.rate_minor, row.currency)} / {RateUnit(row.rate_unit).label.lower()}"
            case Col.TAGS:
                return ", ".join(row.tags)
            case Col.TAX_FORM:
                return TaxForm(row.tax_form).label if row.tax_form != "none" else "—"
            case Col.UPDATED:
                return row.updated_at.astimezone().strftime("%Y-%m-%d")
        return ""
