"""Note a conversation with a contractor, and when to follow it up."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.dates import parse_date
from desktop.core.enums import Channel
from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import engagements as engagement_ops
from desktop.operations.changes import Changes
from desktop.store.communication import LogEntry
from desktop.ui.fields import (
    ERROR_STYLE,
    DateLine,
    EnumCombo,
    FieldBox,
    TextArea,
    mark_invalid,
    save_cancel,
)
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.saving_dialog import SavingDialog, engagement_version

LABELS = {"logged_on": QT_TR_NOOP("Date"), "channel": QT_TR_NOOP("Channel"),
          "summary": QT_TR_NOOP("Summary"), "follow_up_on": QT_TR_NOOP("Follow up on")}


class LogEntryDialog(SavingDialog):
    def __init__(self, runner: Runner, engagement_id: int, today: dt.date,
                 channel: Channel | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Add to the communication log"))
        self.runner, self.engagement_id = runner, engagement_id
        self.version = engagement_version(runner, engagement_id)
        self.result_entry: LogEntry | None = None
        self.editors: dict[str, QWidget] = {
            "logged_on": DateLine(), "channel": EnumCombo(Channel, blank=tr("(not set)")),
            "summary": TextArea(4), "follow_up_on": DateLine(),
        }
        self.editors["logged_on"].setText(today.isoformat())  # type: ignore[attr-defined]
        self.editors["channel"].set_value(str(channel or ""))  # type: ignore[attr-defined]
        summary: TextArea = self.editors["summary"]  # type: ignore[assignment]
        summary.setPlaceholderText(tr("What was said or agreed"))
        self.boxes = {name: FieldBox(editor) for name, editor in self.editors.items()}
        form = QFormLayout()
        for name, box in self.boxes.items():
            form.addRow(tr(LABELS[name]), box)
        self.summary_line = QLabel()
        self.summary_line.setStyleSheet(ERROR_STYLE)
        self.summary_line.hide()
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_line)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.editors["summary"].setFocus()

    def _show(self, errors: dict[str, str], general: str = "") -> None:
        for name, box in self.boxes.items():
            mark_invalid(self.editors[name], name in errors)
            box.set_error(tr("{field} {problem}", "a field's name, then what is wrong with it")
                          .format(field=tr(LABELS[name]), problem=errors[name])
                          if name in errors else None)
        self.summary_line.setText(general)
        self.summary_line.setVisible(bool(general))

    def accept(self) -> None:
        errors: dict[str, str] = {}
        dates: dict[str, dt.date | None] = {}
        for name in ("logged_on", "follow_up_on"):
            try:
                dates[name] = parse_date(self.editors[name].text())  # type: ignore[attr-defined]
            except ValueError as exc:
                errors[name] = str(exc)
        if "logged_on" not in errors and dates["logged_on"] is None:
            errors["logged_on"] = tr("is required")
        if errors:
            self._show(errors)
            return
        logged_on = dates["logged_on"]
        assert logged_on is not None
        self.save(
            engagement_ops.add_log_entry, self.engagement_id, logged_on=logged_on,
            channel=self.editors["channel"].value(),  # type: ignore[attr-defined]
            summary=self.editors["summary"].value(),  # type: ignore[attr-defined]
            follow_up_on=dates["follow_up_on"], expected_version=self.version, done=self._added,
            handles=(ValidationError, ConflictError), failed=self._refused)

    def _added(self, entry: LogEntry) -> None:
        self.result_entry = entry

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self._show({e.field: e.message for e in exc.errors})
        else:
            self._show({}, str(exc))
        if isinstance(exc, ConflictError):  # changed elsewhere: every view shows it as it is now
            self.runner.publish(Changes(engagements=frozenset({self.engagement_id})))

