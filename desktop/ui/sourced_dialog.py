"""The shape every Settings list of rules with legal sources shares (payment rules, tax
thresholds): a table of records, a form checking each field as it is saved, and Add, Edit and
Remove written through the runner, the list re-read when they land or are refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.validation import ConflictError, ValidationError
from desktop.ui import ask
from desktop.ui.fields import FieldBox, field_message, save_cancel, show_field_errors
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.table_base import ReadOnlyTableModel

R = TypeVar("R")  # a stored record (id, version and the rule itself)
D = TypeVar("D")  # the rule a form makes
# The title of the question before removing one, by the dialog's ``noun``.
_REMOVE = {"rule": QT_TR_NOOP("Remove rule"), "rate": QT_TR_NOOP("Remove rate"),
           "threshold": QT_TR_NOOP("Remove threshold")}


class SourcedModel(ReadOnlyTableModel, Generic[R]):
    """Records shown through ``cells(record)``; the tooltip is the record's source. The
    ``headers`` are marked with QT_TR_NOOP (the base model translates them)."""

    def __init__(self, headers: tuple[str, ...], cells: Callable[[R], tuple[str, ...]],
                 source: Callable[[R], str], parent: Any = None):
        super().__init__(parent)
        self.headers = headers
        self._cells, self._source = cells, source
        self.records: list[R] = []

    def set_records(self, records: list[R]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def shown(self) -> list[R]:
        return self.records

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        record = self.records[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._source(record)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._cells(record)[index.column()]


class SourcedForm(QDialog, Generic[D]):
    """One line per field, every field checked by ``validate`` on Save, each problem shown
    under its field; ``result`` holds what was saved."""

    def __init__(self, title: str, labels: dict[str, str],
                 validate: Callable[[dict[str, object], dt.date], D],
                 values: dict[str, object] | None, placeholders: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.labels, self._validate = labels, validate
        self.result_value: D | None = None
        self.editors = {name: QLineEdit() for name in labels}
        self.boxes = {name: FieldBox(editor) for name, editor in self.editors.items()}
        form = QFormLayout()
        for name, box in self.boxes.items():
            form.addRow(labels[name], box)
        for name, hint in placeholders.items():
            self.editors[name].setPlaceholderText(hint)
        for name, value in (values or {"checked_on": dt.date.today()}).items():
            self.editors[name].setText("" if value is None else str(value))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(save_cancel(self))
        self.resize(620, 0)

    def raw(self) -> dict[str, object]:
        return {name: editor.text() for name, editor in self.editors.items()}

    def accept(self) -> None:
        try:
            self.result_value = self._validate(self.raw(), dt.date.today())
        except ValidationError as exc:
            show_field_errors(exc, self.boxes, self.editors, self.labels)
            return
        super().accept()


class SourcedDialog(QDialog, Generic[R]):
    """Subclasses say how records are read (``load``), edited (``form``), named (``name``)
    and written (``add_op``, ``update_op``, ``delete_op``)."""

    noun = "rule"  # a key of _REMOVE

    def __init__(self, runner: Runner, title: str, intro: str, model: SourcedModel[R],
                 wide_column: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store = runner, runner.store
        self.setWindowTitle(title)
        self.model, self.wide_column = model, wide_column
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(wide_column,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        words = QLabel(intro)
        words.setWordWrap(True)
        self.add_button, self.edit_button, self.remove_button = (
            QPushButton(tr("Add…")), QPushButton(tr("Edit…")), QPushButton(tr("Remove")))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(words)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(1000, 420)
        self.reload()

    # --- what a subclass says -------------------------------------------------------------
    def load(self) -> list[R]:
        raise NotImplementedError

    def form(self, record: R | None) -> SourcedForm[Any]:
        raise NotImplementedError

    def name(self, record: R) -> str:
        raise NotImplementedError

    add_op: Callable[..., Any]
    update_op: Callable[..., Any]
    delete_op: Callable[..., Any]

    # --- the shared part ------------------------------------------------------------------
    def reload(self) -> None:
        self.model.set_records(self.load())
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().resizeSection(self.wide_column, 320)

    def selected(self) -> R | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.records[rows[0].row()] if rows else None

    def add(self) -> None:
        form = self.form(None)
        if form.exec() and form.result_value is not None:
            self._save(type(self).add_op, form.result_value)

    def edit(self) -> None:
        record = self.selected()
        if record is None:
            return
        form = self.form(record)
        if form.exec() and form.result_value is not None:
            self._save(type(self).update_op, record.id, form.result_value,  # type: ignore[attr-defined]
                       record.version)  # type: ignore[attr-defined]

    def remove(self) -> None:
        record = self.selected()
        if record is not None and ask.confirm(
                self, tr(_REMOVE.get(self.noun, QT_TR_NOOP("Remove"))),
                tr("Remove “{name}”?").format(name=self.name(record))):
            self._save(type(self).delete_op, record.id, record.version)  # type: ignore[attr-defined]

    def _save(self, op: Callable[..., Any], *args: Any) -> None:
        def refused(exc: BaseException) -> None:
            ask.warn(self, str(exc) if isinstance(exc, ConflictError) else
                     " ".join(field_message(self.labels_of(e.field), e.message) + "."
                              for e in exc.errors),  # type: ignore[attr-defined]
                     self.windowTitle())
            self.reload()

        self.runner.write(op, *args, done=lambda _result: self.reload(),
                          handles=(ConflictError, ValidationError), failed=refused, parent=self)

    def labels_of(self, field: str) -> str:
        """A field's label; subclasses name theirs (this is the field's own name)."""
        return field.replace("_", " ").capitalize()
