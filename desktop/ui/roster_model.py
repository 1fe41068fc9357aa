"""The roster table: rows held in memory, filtered and sorted in Python so 100,000 stay fast.

A QSortFilterProxyModel would call back into Python for every row on each keystroke and for
every comparison on each sort; here a keystroke is one pass over precomputed search strings,
and a sort is one ``sorted()`` over precomputed keys.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from itertools import chain
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.bulk import collector_paused
from desktop.core.contractor import SEARCH_SEPARATOR, search_text
from desktop.core.enums import ContractorStatus, RateUnit, TaxForm
from desktop.core.formats import date_text
from desktop.core.money import format_money
from desktop.core.phone import display_phone
from desktop.core.reference import country_name
from desktop.core.validation import Cancelled
from desktop.store.contractors import ContractorRow
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table_base import ReadOnlyTableModel


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
    Col.NAME: QT_TR_NOOP("Name"), Col.COMPANY: QT_TR_NOOP("Company"),
    Col.STATUS: QT_TR_NOOP("Status"), Col.TAGS: QT_TR_NOOP("Skills"), Col.RATE: QT_TR_NOOP("Rate"),
    Col.COUNTRY: QT_TR_NOOP("Country"), Col.EMAIL: QT_TR_NOOP("Email"),
    Col.PHONE: QT_TR_NOOP("Phone"), Col.TAX_FORM: QT_TR_NOOP("Tax form"),
    Col.UPDATED: QT_TR_NOOP("Updated"),
}
# A rate per unit, one whole text each: the unit's own label is capitalised as a heading.
_RATE_TEXTS = {
    RateUnit.HOUR: QT_TR_NOOP("{amount} / hour"), RateUnit.DAY: QT_TR_NOOP("{amount} / day"),
    RateUnit.MONTH: QT_TR_NOOP("{amount} / month"), RateUnit.FIXED: QT_TR_NOOP("{amount} / fixed"),
}
# The store's names for the same sort orders (used to fetch a first screen already sorted).
ORDER_KEYS = {
    Col.NAME: "name", Col.COMPANY: "company", Col.STATUS: "status", Col.TAGS: "tags",
    Col.RATE: "rate", Col.COUNTRY: "country", Col.EMAIL: "email", Col.PHONE: "phone",
    Col.TAX_FORM: "tax_form", Col.UPDATED: "updated",
}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

_STATUS_ORDER = {s.value: i for i, s in enumerate(ContractorStatus)}
_STATUS_COLOURS = {"active": "#1b7f3b", "prospect": "#1f5fa8", "paused": "#9a6700",
                   "former": "#6e7781", "blocked": "#b42318"}
_STATUS_BRUSHES = {k: QBrush(QColor(v)) for k, v in _STATUS_COLOURS.items()}
_ARCHIVED_BRUSH = QBrush(QColor("#8a8f98"))
_ITALIC = QFont()
_ITALIC.setItalic(True)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole


def sort_key(row: ContractorRow, column: Col) -> Any:
    """The value a column sorts by (ties then go by name, then id), as the store's ORDER_BY
    sorts it: texts by the collation keys stored with the row."""
    match column:
        case Col.NAME:
            return row.name_key
        case Col.COMPANY:
            return row.company_key
        case Col.STATUS:
            return _STATUS_ORDER.get(row.status, 99)
        case Col.TAGS:
            return min(row.tags, default="")  # the first skill, as the store sorts
        case Col.RATE:
            # Never compare amounts across currencies: group by currency, then amount.
            return (row.rate_minor is None, row.currency, row.rate_minor or 0)
        case Col.COUNTRY:
            return row.country
        case Col.EMAIL:
            return row.email_key
        case Col.PHONE:
            return row.phone
        case Col.TAX_FORM:
            return row.tax_form
        case Col.UPDATED:
            return row.updated_at
    raise ValueError(column)


def haystack(row: ContractorRow) -> str:
    return search_text(row.display_name, row.company, row.email, row.tags, row.notes)


def haystacks(rows: Sequence[ContractorRow]) -> list[str]:
    """Search strings for rows, the same as ``haystack`` gives, made in one pass (a call per
    row would double the time at 100,000 rows)."""
    join = SEARCH_SEPARATOR.join
    return [join((r.display_name, r.company, r.email, *r.tags, r.notes)).casefold()
            for r in rows]


def table_order(rows: Sequence[ContractorRow], column: Col, order: Qt.SortOrder) -> list[int]:
    """Indexes of ``rows`` in the table's order for a column (ties by name, then id)."""
    descending = order == Qt.SortOrder.DescendingOrder
    # Ties go by id, as in the store's ORDER_BY: order by id, then sort stably by the
    # column (two sorts over plain keys beat one over (key, id) tuples).
    ids = [r.id for r in rows]
    by_id = sorted(range(len(rows)), key=ids.__getitem__, reverse=descending)
    if column == Col.NAME:
        keys: list[Any] = [r.name_key for r in rows]
    else:
        keys = [(sort_key(r, column), r.name_key) for r in rows]
    return sorted(by_id, key=keys.__getitem__, reverse=descending)


def _skills(rows: Sequence[ContractorRow]) -> list[str]:
    """Every skill of ``rows``, alphabetically."""
    return sorted(set(chain.from_iterable(r.tags for r in rows)))


@dataclass(frozen=True)
class LoadedRoster:
    """A whole roster made ready off the UI thread, so taking it into the model is a swap."""

    rows: list[ContractorRow]  # in the table's order for ``sort``
    hay: list[str]
    sort: tuple[Col, Qt.SortOrder]
    where: dict[int, int]
    unarchived: list[int]  # positions of the rows not archived
    demo_count: int
    skills: list[str]  # the skills of rows not archived, alphabetically


def prepare(rows: Sequence[ContractorRow], sort: tuple[Col, Qt.SortOrder],
            stop: threading.Event | None = None) -> LoadedRoster:
    """Sort the rows, build their search strings and counts: all the bulk work of a load.
    Setting ``stop`` ends it early with Cancelled."""
    with collector_paused():
        in_order = [rows[i] for i in table_order(rows, *sort)]
        if stop is not None and stop.is_set():
            raise Cancelled
        hay = haystacks(in_order)
        if stop is not None and stop.is_set():
            raise Cancelled
        unarchived = [k for k, r in enumerate(in_order) if not r.archived]
        return LoadedRoster(
            rows=in_order, hay=hay, sort=sort,
            where={r.id: k for k, r in enumerate(in_order)}, unarchived=unarchived,
            demo_count=sum(1 for r in in_order if r.is_demo),
            skills=_skills([in_order[k] for k in unarchived]))


@dataclass(frozen=True)
class RosterFilter:
    text: str = ""
    status: str = ""  # "" = every status
    tag: str = ""  # "" = every tag
    show_archived: bool = False

    def tokens(self) -> list[str]:
        return self.text.casefold().split()


class RosterModel(ReadOnlyTableModel):
    headers = tuple(HEADERS[c] for c in Col)

    def __init__(self, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[ContractorRow] = []
        self._hay: list[str] = []
        self._where: dict[int, int] = {}  # contractor id → index in _rows
        self._order: list[int] = []  # row indexes in the current sort order
        # Search strings copied in sort order: a filter pass then walks memory in order,
        # several times faster than hopping between rows loaded in id order.
        self._sorted_hay: list[str] = []
        self._visible: list[int] = []  # positions in _order that are shown
        # Results by filter text for the current status/tag/archived choice, so typing
        # narrows from the nearest earlier result and backspace is a lookup.
        self._results: dict[str, list[int]] = {}
        self._display: dict[int, tuple[str, ...]] = {}  # formatted cells, made on first paint
        self._home = ""  # the business's country: its phone numbers show as dialled at home
        self._filter = RosterFilter()
        self._sort: tuple[Col, Qt.SortOrder] = (Col.NAME, Qt.SortOrder.AscendingOrder)
        self._archived_count = 0
        self._demo_count = 0
        self._skills: list[str] | None = None  # made when first asked for
        self.complete = True  # False while only a first screen of rows is loaded

    # --- loading -------------------------------------------------------------------------
    def set_rows(self, rows: list[ContractorRow], *, complete: bool = True) -> None:
        """Replace every row. ``complete=False`` marks a first screen with more to come."""
        self.beginResetModel()
        self._rows = list(rows)
        self._hay = haystacks(self._rows)
        self.complete = complete
        self._reindex()
        self.endResetModel()

    def take(self, loaded: LoadedRoster) -> None:
        """Replace every row with a whole roster prepared elsewhere; only what the current
        filter shows is worked out here."""
        self.beginResetModel()
        rows = self._rows = loaded.rows
        self._hay = loaded.hay
        self._where = loaded.where
        self._display.clear()
        self._archived_count = len(rows) - len(loaded.unarchived)
        self._demo_count = loaded.demo_count
        self._skills = loaded.skills
        self.complete = True
        self._results.clear()
        if loaded.sort == self._sort:
            self._order = list(range(len(rows)))
            self._sorted_hay = list(loaded.hay)  # already made in this order
            if not self._filter.show_archived:
                self._results[""] = self._narrowed(loaded.unarchived, self._filter)
            self._visible = self._matching(self._filter)
        else:  # the user sorted by another column while it loaded
            self._resort()
        self.endResetModel()

    def upsert(self, rows: list[ContractorRow]) -> None:
        """Put added or changed rows in place, keeping filter and sort."""
        self.beginResetModel()
        for row in rows:
            index = self._where.get(row.id)
            if index is None:
                self._rows.append(row)
                self._hay.append(haystack(row))
            else:
                self._rows[index] = row
                self._hay[index] = haystack(row)
        self._reindex()
        self.endResetModel()

    @property
    def home_country(self) -> str:
        return self._home

    def set_home_country(self, country: str) -> None:
        """The business's country, which decides how phone numbers are shown."""
        if country == self._home:
            return
        self._home = country
        self._display.clear()
        if self._visible:
            self.dataChanged.emit(self.index(0, Col.PHONE),
                                  self.index(len(self._visible) - 1, Col.PHONE), [_DISPLAY])

    def _reindex(self) -> None:
        rows = self._rows
        self._where = {r.id: i for i, r in enumerate(rows)}
        self._display.clear()
        self._skills = None
        self._archived_count = sum(1 for r in rows if r.archived)
        self._demo_count = sum(1 for r in rows if r.is_demo)
        self._resort()

    def _resort(self) -> None:
        self._order = table_order(self._rows, *self._sort)
        hay = self._hay
        self._sorted_hay = [_fresh(hay[i]) for i in self._order]
        self._results.clear()
        self._visible = self._matching(self._filter)

    # --- filtering -----------------------------------------------------------------------
    @property
    def filter(self) -> RosterFilter:
        return self._filter

    def set_filter(self, new: RosterFilter) -> None:
        if new == self._filter:
            return
        old = self._filter
        if (new.status, new.tag, new.show_archived) != (old.status, old.tag, old.show_archived):
            self._results.clear()
        self.beginResetModel()
        self._filter = new
        self._visible = self._matching(new)
        self.endResetModel()

    def _matching(self, flt: RosterFilter) -> list[int]:
        key = flt.text.casefold()
        if key in self._results:
            return self._results[key]
        # Narrow from the longest earlier result whose text this one extends.
        start = next((key[:n] for n in range(len(key) - 1, -1, -1) if key[:n] in self._results),
                     None)
        if start is None:
            result = self._base(flt)
            done: set[str] = set()
        else:
            result = self._results[start]
            done = set(start.split())
        hay = self._sorted_hay
        for token in flt.tokens():
            if token not in done:
                result = [k for k in result if token in hay[k]]
        if len(self._results) >= 64:
            self._results.pop(next(iter(self._results)))
        self._results[key] = result
        return result

    def _base(self, flt: RosterFilter) -> list[int]:
        """Positions passing the archived, status and tag choices."""
        rows, order = self._rows, self._order
        result = list(range(len(order)))
        if not flt.show_archived:
            result = [k for k in result if not rows[order[k]].archived]
        result = self._results[""] = self._narrowed(result, flt)
        return result

    def _narrowed(self, positions: list[int], flt: RosterFilter) -> list[int]:
        """Those of ``positions`` passing the status and tag choices."""
        rows, order = self._rows, self._order
        if flt.status:
            positions = [k for k in positions if rows[order[k]].status == flt.status]
        if flt.tag:
            positions = [k for k in positions if flt.tag in rows[order[k]].tags]
        return positions

    # --- sorting -------------------------------------------------------------------------
    @property
    def sort_order(self) -> tuple[Col, Qt.SortOrder]:
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Col):
            return
        self.layoutAboutToBeChanged.emit()
        before = [(p, self._order[self._visible[p.row()]]) for p in self.persistentIndexList()]
        self._sort = (Col(column), order)
        self._resort()
        position = ({self._order[k]: pos for pos, k in enumerate(self._visible)}
                    if before else {})
        old, new = [], []
        for persistent, row in before:
            old.append(persistent)
            pos = position.get(row)
            new.append(QModelIndex() if pos is None else self.index(pos, persistent.column()))
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # --- lookups -------------------------------------------------------------------------
    def row_at(self, position: int) -> ContractorRow:
        return self._rows[self._order[self._visible[position]]]

    def position_of(self, contractor_id: int) -> int | None:
        index = self._where.get(contractor_id)
        if index is None:
            return None
        try:  # two scans in C rather than one in Python
            return self._visible.index(self._order.index(index))
        except ValueError:
            return None

    def positions_of(self, contractor_ids: list[int]) -> list[int]:
        """Visible positions of some contractors, in display order, in one pass."""
        where = self._where
        if len(contractor_ids) < 4:
            found = (self.position_of(i) for i in contractor_ids)
            return sorted(p for p in found if p is not None)
        wanted = {where[i] for i in contractor_ids if i in where}
        order = self._order
        return [pos for pos, k in enumerate(self._visible) if order[k] in wanted]

    def all_rows(self) -> list[ContractorRow]:
        return self._rows

    def total(self, *, include_archived: bool = False) -> int:
        return len(self._rows) - (0 if include_archived else self._archived_count)

    def demo_count(self) -> int:
        return self._demo_count

    def skills(self) -> list[str]:
        """Every skill a contractor not archived has, alphabetically."""
        if self._skills is None:
            self._skills = _skills([r for r in self._rows if not r.archived])
        return self._skills

    # --- Qt model API --------------------------------------------------------------------
    def shown(self) -> list:  # type: ignore[type-arg]
        return self._visible

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per repaint: the display role comes first and is cached.
        row_index = index.row()
        if not 0 <= row_index < len(self._visible) or not index.isValid():
            return None
        i = self._order[self._visible[row_index]]
        if role == _DISPLAY:
            cells = self._display.get(i)
            if cells is None:
                cells = self._display[i] = _cells(self._rows[i], self._home)
            return cells[index.column()]
        row = self._rows[i]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.archived:
                return _ARCHIVED_BRUSH
            return _STATUS_BRUSHES.get(row.status) if column == Col.STATUS else None
        if role == Qt.ItemDataRole.FontRole:
            return _ITALIC if row.archived else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == Col.RATE else None
        if role == SORT_ROLE:
            return sort_key(row, Col(column))
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Col.COUNTRY and row.country:
                return country_name(row.country)
            if column == Col.NAME and row.is_demo:
                return tr("Demo data (File ▸ Remove demo data)")
        return None


def _cells(row: ContractorRow, home_country: str) -> tuple[str, ...]:
    status = ContractorStatus(row.status).label
    rate = ""
    if row.rate_minor is not None:
        rate = tr(_RATE_TEXTS[RateUnit(row.rate_unit)]).format(
            amount=format_money(row.rate_minor, row.currency))
    return (
        row.display_name,
        row.company,
        tr("{status} (archived)").format(status=status) if row.archived else status,
        ", ".join(row.tags),
        rate,
        row.country,
        row.email,
        display_phone(row.phone, home_country, row.country),
        TaxForm(row.tax_form).label if row.tax_form != "none" else "—",
        date_text(row.updated_at),
    )


def _fresh(text: str) -> str:
    """A new copy of a string, so copies made in sort order also lie in memory in that order."""
    return (text + "\x00")[:-1]
