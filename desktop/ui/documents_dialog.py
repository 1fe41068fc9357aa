"""An engagement's documents: the signed contract, the NDA, tax forms, certificates.

Attaching copies the file into the data folder (see ``desktop.store.documents``), so the
list keeps working when the original is moved or deleted.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from desktop.core.dates import parse_date
from desktop.core.enums import DocumentKind
from desktop.core.formats import date_text
from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import engagements as engagement_ops
from desktop.operations.changes import Changes
from desktop.store import documents, engagements
from desktop.store.documents import DocumentRecord
from desktop.store.errors import StoreError
from desktop.ui import ask
from desktop.ui.colours import muted_style
from desktop.ui.engagement_model import OVERDUE_BRUSH
from desktop.ui.fields import (
    ERROR_STYLE,
    ChoiceCombo,
    DateLine,
    FieldBox,
    field_message,
    mark_invalid,
)
from desktop.ui.follow import Follow
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.saving_dialog import SavingDialog, engagement_version
from desktop.ui.table_base import DatedRowsModel


class DCol(IntEnum):
    KIND = 0
    TITLE = 1
    FILE = 2
    SIZE = 3
    EXPIRES = 4


HEADERS = {DCol.KIND: QT_TR_NOOP("Kind"), DCol.TITLE: QT_TR_NOOP("Title"),
           DCol.FILE: QT_TR_NOOP("File"), DCol.SIZE: QT_TR_NOOP("Size"),
           DCol.EXPIRES: QT_TR_NOOP("Expires")}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def kind_label(kind: DocumentKind) -> str:
    return kind.label


def format_size(size: int) -> str:
    """Bytes as a person reads them: 820 bytes, 14.2 KB, 3.1 MB."""
    if size < 1024:
        return tr("%n byte(s)", "", size)
    for unit, scale in (("KB", 1024), ("MB", 1024 ** 2), ("GB", 1024 ** 3)):
        tenths = (size * 10 + scale // 2) // scale
        if tenths < 10240 or unit == "GB":
            return f"{tenths // 10}.{tenths % 10} {unit}"
    raise AssertionError("unreachable")


class DocumentModel(DatedRowsModel):
    headers = tuple(HEADERS[c] for c in DCol)

    def expired(self, row: DocumentRecord) -> bool:
        return row.expires_on is not None and row.expires_on < self._today

    # --- Qt model API --------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], DCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == DCol.SIZE else None
        if role == Qt.ItemDataRole.ForegroundRole and column == DCol.EXPIRES:
            return OVERDUE_BRUSH if self.expired(row) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DCol.EXPIRES and self.expired(row):
                return tr("Expired on {day}").format(day=date_text(row.expires_on))
            if column == DCol.FILE:
                return f"{row.file_name} ({row.media_type})"
            if column == DCol.TITLE and row.title:
                return row.title
        return None

    @staticmethod
    def _text(row: DocumentRecord, column: DCol) -> str:
        if column == DCol.KIND:
            return kind_label(row.kind)
        if column == DCol.TITLE:
            return row.title
        if column == DCol.FILE:
            return row.file_name
        if column == DCol.SIZE:
            return format_size(row.size_bytes)
        return date_text(row.expires_on)


class AttachDialog(SavingDialog):
    """Say what a chosen file is, then store it; errors show under the field they concern."""

    LABELS = {"kind": QT_TR_NOOP("Kind"), "title": QT_TR_NOOP("Title"),
              "expires_on": QT_TR_NOOP("Expires on")}

    def __init__(self, runner: Runner, engagement_id: int, source: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Attach a document"))
        self.runner, self.engagement_id, self.source = runner, engagement_id, Path(source)
        self.version = engagement_version(runner, engagement_id)
        self.result_record: DocumentRecord | None = None
        self.editors: dict[str, QWidget] = {
            "kind": ChoiceCombo((k.value, kind_label(k)) for k in DocumentKind), "title": QLineEdit(self.source.name),
            "expires_on": DateLine(),
        }
        self.editors["kind"].set_value(_guess_kind(self.source.name))  # type: ignore[attr-defined]
        self.editors["title"].setPlaceholderText(  # type: ignore[attr-defined]
            tr("What it is, e.g. Signed contract"))
        self.editors["expires_on"].setToolTip(  # type: ignore[attr-defined]
            tr("Optional: when an insurance certificate, ID or tax form runs out"))
        self.boxes = {name: FieldBox(editor) for name, editor in self.editors.items()}
        try:
            size = f" ({format_size(self.source.stat().st_size)})"
        except OSError:
            size = ""
        file_line = QLabel(self.source.name + size)
        file_line.setToolTip(str(self.source))
        file_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(tr("File"), file_line)
        for name, box in self.boxes.items():
            form.addRow(tr(self.LABELS[name]), box)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Attach"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.editors["title"].setFocus()

    def _show(self, errors: dict[str, str], general: str = "") -> None:
        for name, box in self.boxes.items():
            mark_invalid(self.editors[name], name in errors)
            box.set_error(field_message(self.LABELS[name], errors[name]) if name in errors
                          else None)
        self.general.setText(general)
        self.general.setVisible(bool(general))

    def accept(self) -> None:
        try:
            expires_on = parse_date(self.editors["expires_on"].text())  # type: ignore[attr-defined]
        except ValueError as exc:
            self._show({"expires_on": str(exc)})
            return
        self.save(
            engagement_ops.attach_document, engagement_id=self.engagement_id,
            kind=self.editors["kind"].value(),  # type: ignore[attr-defined]
            source=self.source, title=self.editors["title"].text(),  # type: ignore[attr-defined]
            expires_on=expires_on, expected_version=self.version, done=self._attached,
            handles=(ValidationError, ConflictError, StoreError, OSError), failed=self._refused)

    def _attached(self, record: DocumentRecord) -> None:
        self.result_record = record

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            inline = {e.field: e.message for e in exc.errors if e.field in self.LABELS}
            other = [field_message(QT_TR_NOOP("File"), e.message) if e.field == "file"
                     else e.message for e in exc.errors if e.field not in self.LABELS]
            self._show(inline, "; ".join(other))
        else:
            self._show({}, tr("The document was not attached: {problem}").format(problem=exc))
        if isinstance(exc, ConflictError):  # changed elsewhere: every view shows it as it is now
            self.runner.publish(Changes(engagements=frozenset({self.engagement_id})))


def _guess_kind(name: str) -> str:
    """A first guess from the file name's words ("Signed NDA.pdf" is an NDA); Other if none."""
    words = set(re.split(r"[^a-z0-9]+", Path(name).stem.lower().replace("-", "")))
    for hints, kind in (({"nda", "nondisclosure"}, DocumentKind.NDA),
                        ({"contract", "agreement", "sow"}, DocumentKind.CONTRACT),
                        ({"w9", "w8", "w8ben", "tax"}, DocumentKind.TAX_FORM),
                        ({"insurance", "liability", "coi"}, DocumentKind.INSURANCE),
                        ({"passport", "identity", "id", "idcard"}, DocumentKind.ID_CHECK)):
        if words & hints:
            return kind.value
    return DocumentKind.OTHER.value


READ_ONLY_ROLE = QT_TR_NOOP("Your role on this team database reads documents; only its owner "
                            "adds or removes them.")


class DocumentsDialog(QDialog):
    def __init__(self, runner: Runner, engagement_id: int, parent: QWidget | None = None, *,
                 today: dt.date | None = None, may_edit: bool = True):
        super().__init__(parent)
        self.runner, self.store, self.engagement_id = runner, runner.store, engagement_id
        self.may_edit = may_edit  # False for a team member whose role only reads documents
        self.today = today or dt.date.today()
        try:
            title = engagements.get(self.store, engagement_id).data.title
        except ConflictError:
            title = ""
        self.setWindowTitle(tr("Documents: {title}").format(title=title) if title
                            else tr("Documents"))
        self.model = DocumentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # long names are elided in the middle, whole in the tip
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DCol.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DCol.FILE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((DCol.KIND, 110), (DCol.SIZE, 80), (DCol.EXPIRES, 100)):
            header.resizeSection(column, width)
        self.empty = QLabel(tr("No documents yet. Attach the signed contract, the NDA, tax "
                               "forms or insurance certificates so they are kept with the "
                               "engagement."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(muted_style())

        self.attach_button = QPushButton(tr("Attach…"))
        self.attach_button.clicked.connect(self.attach)
        self.open_button = QPushButton(tr("Open", "verb: open a file"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.attach_button.setEnabled(may_edit)
        if not may_edit:
            for button in (self.attach_button, self.remove_button):
                button.setToolTip(tr(READ_ONLY_ROLE))
        actions = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        actions.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.resize(720, 360)
        self.reload()
        self.follow = Follow(runner, lambda c: c.touches("documents"),
                             lambda _changes: self.reload(), self)

    # --- state ---------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        if select_id is None and (chosen := self.selected()) is not None:
            select_id = chosen.id
        rows = documents.list_for(self.store, engagement_id=self.engagement_id)
        self.model.set_rows(rows, self.today)
        self.empty.setVisible(not rows)
        for position, row in enumerate(rows):
            if row.id == select_id:
                self.table.selectRow(position)
        self._enable()

    def selected(self) -> DocumentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self.may_edit)

    # --- actions -------------------------------------------------------------------------
    def attach(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, tr("Attach a document"))
        if not name:
            return
        form = AttachDialog(self.runner, self.engagement_id, Path(name), self)
        if form.exec() == QDialog.DialogCode.Accepted and form.result_record is not None:
            self.reload(select_id=form.result_record.id)

    def open_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        try:
            path = documents.path_of(self.store, record)
        except StoreError as exc:
            ask.warn(self, str(exc), tr("Document not opened"))
            return
        if not path.is_file():
            ask.warn(self, tr("The stored copy of “{name}” is missing from {folder}. Remove "
                              "this entry and attach the file again.").format(
                                  name=record.file_name, folder=path.parent),
                     tr("Document not opened"))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            ask.warn(self, tr("No application could open “{name}”. The stored copy is "
                              "{path}.").format(name=record.file_name, path=path),
                     tr("Document not opened"))

    def remove_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        name = record.title or record.file_name
        if not ask.confirm(
                self, tr("Remove document"),
                tr("Remove “{name}” from this engagement? The stored copy is deleted too "
                   "unless another record uses the same file.").format(name=name), risky=True):
            return
        self.runner.write(engagement_ops.remove_document, record.id, record.version,
                          handles=(ConflictError,), failed=self._not_removed, parent=self)

    def _not_removed(self, exc: BaseException) -> None:
        ask.warn(self, str(exc), tr("Document not removed"))
        self.reload()
