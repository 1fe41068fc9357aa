"""Small form widgets shared by editors: a field with its inline error, choice boxes, lookups."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.enums import Labelled
from desktop.core.reference import ranked_matches
from desktop.core.validation import ValidationError
from desktop.ui.i18n import QT_TR_NOOP, tr

ERROR_STYLE = "color: #b42318;"
# What the schedule rules call their inputs, as a person reads them.
SCHEDULE_LABELS = {"amount": QT_TR_NOOP("Amount"), "currency": QT_TR_NOOP("Currency"),
                   "net_days": QT_TR_NOOP("Payment terms"), "end": QT_TR_NOOP("End"),
                   "estimated_units": QT_TR_NOOP("Estimate")}


def field_message(label: str, message: str) -> str:
    """What is wrong with a field, led by its label: one marked with QT_TR_NOOP, or one the
    rules already translated (tr leaves that as it is)."""
    return tr("{field} {problem}", "a field's label, then what is wrong with it").format(
        field=tr(label), problem=message)


def error_lines(error: ValidationError, labels: dict[str, str]) -> list[str]:
    """One sentence per rejected field, led by the field's label where it has one."""
    lines = []
    for e in error.errors:
        label = labels.get(e.field)
        lines.append(field_message(label, e.message) if label
                     else e.message[:1].upper() + e.message[1:])
    return lines


class FieldBox(QWidget):
    """An input (or a row of inputs) with a line under it that names what is wrong."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self._kept = False  # the line under the editor has been shown, and keeps its room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, message: str | None, below: bool = True) -> None:
        """Name what is wrong: in the editor's tooltip always, and in the line under it when
        ``below``. Once shown, that line keeps its room, so fixing the field moves nothing;
        while the user types (``below`` False) nothing appears or goes that would move the
        fields under it and make the next click land in the wrong one."""
        self.error.setText(message or "")
        self.editor.setToolTip(message or "")
        if message and below and not self._kept:
            self._kept = True
            policy = self.error.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.error.setSizePolicy(policy)
        self.error.setVisible(bool(message) and (below or self._kept))


def fix_summary(shown: Sequence[str], errors: Mapping[str, str],
                labels: Mapping[str, str]) -> str:
    """The line under a form: which fields to fix, with what is wrong when few are."""
    if not shown:
        return ""
    if len(shown) <= 2:  # the messages too: while typing, they show nowhere else
        fields = "; ".join(field_message(labels.get(n, n), errors[n]) for n in shown)
    else:
        fields = ", ".join(tr(labels.get(n, n)) for n in shown)
    return tr("Fix %n field(s) before saving: {fields}", "", len(shown)).format(fields=fields)


def mark_invalid(editor: QWidget, invalid: bool) -> None:
    editor.setStyleSheet("border: 1px solid #b42318;" if invalid else "")


def show_field_errors(exc: ValidationError, boxes: Mapping[str, FieldBox],
                      editors: Mapping[str, QWidget], labels: Mapping[str, str]) -> None:
    """Each field's message under it (named by its label), cleared where all is well; the
    first field in error takes the focus."""
    first = None
    for name, box in boxes.items():
        message = exc.for_field(name)
        box.set_error(field_message(labels[name], message) if message else None)
        mark_invalid(editors[name], bool(message))
        first = first or (name if message else None)
    if first:
        editors[first].setFocus()


class EnumCombo(QComboBox):
    """A closed choice; ``blank`` adds a first entry whose value is "" (an optional field)."""

    def __init__(self, enum: type[Labelled], parent: QWidget | None = None,
                 blank: str | None = None):
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, "")
        for member in enum:
            self.addItem(member.label, member.value)

    def value(self) -> str:
        return str(self.currentData())

    def set_value(self, value: str) -> None:
        self.setCurrentIndex(max(0, self.findData(value)))


class ChoiceCombo(QComboBox):
    """A choice among (value, label) pairs, e.g. contractors by id; typing jumps to a label."""

    def __init__(self, items: Iterable[tuple[object, str]], blank: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, "")
        for value, label in items:
            self.addItem(label, value)

    def value(self) -> str:
        return str(self.currentData())

    def set_value(self, value: object) -> None:
        self.setCurrentIndex(max(0, self.findData(value)))


class LookupCombo(QComboBox):
    """An editable choice of codes ("DE — Germany") that also accepts a typed code. Typing
    offers the best matches first: the exact code, then ``common`` codes, then the rest."""

    def __init__(self, items: Iterable[tuple[str, str]], blank: str | None = None,
                 parent: QWidget | None = None, common: tuple[str, ...] = ()):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._items = dict(items)
        self._common = common
        if blank is not None:
            self.addItem(blank, "")
        for code in self._items:
            self.addItem(self._text(code), code)
        self._matches = QStringListModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._offer)

    def _text(self, code: str) -> str:
        name = self._items.get(code, "")
        return f"{code} — {name}" if name else code

    def _offer(self, typed: str) -> None:
        self._matches.setStringList(
            [self._text(c) for c in ranked_matches(typed, self._items, self._common)])
        if self._matches.rowCount():
            self.completer().complete()

    def matches(self) -> list[str]:
        """What the popup offers for the text typed so far, best first."""
        return self._matches.stringList()

    def value(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index))
        return text.split("—")[0].strip()

    def set_value(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)


class TextArea(QPlainTextEdit):
    """Multi-line text whose Tab moves focus instead of typing a tab."""

    changed = Signal()

    def __init__(self, rows: int = 3, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * rows + 14)
        self.textChanged.connect(self.changed)

    def value(self) -> str:
        return self.toPlainText()


class DateLine(QLineEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(tr("YYYY-MM-DD"))
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(160)


def save_cancel(dialog: QDialog) -> QDialogButtonBox:
    """The Save / Cancel row every editor ends with, wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def error_summary() -> QLabel:
    """The hidden red line that lists the fields to fix before saving."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label
