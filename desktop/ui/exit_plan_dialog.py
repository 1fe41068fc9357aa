"""Edit an engagement's exit plan: how it can end, what is handed over, what is revoked.

Checked as you type like the engagement editor; a line under the form says what the plan
still lacks (the essentials the signing gate asks for first) and the last day notice can be
given for the engagement to end on its end date.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.engagement import EngagementData, last_notice_date, notice_phrase
from desktop.core.enums import DataDisposition
from desktop.core.exit_plan import LABELS, ExitPlanData, completeness, validate_exit_plan
from desktop.core.formats import date_text
from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import engagements as engagement_ops
from desktop.store import engagements, exit_plans
from desktop.store.exit_plans import ExitPlanRecord
from desktop.ui import ask
from desktop.ui.colours import muted_style
from desktop.ui.conflicts import mine_on_top, showing_theirs
from desktop.ui.discard import AsksBeforeDiscarding
from desktop.ui.fields import (
    ChoiceCombo,
    EnumCombo,
    FieldBox,
    TextArea,
    error_summary,
    field_message,
    fix_summary,
    mark_invalid,
    save_cancel,
)
from desktop.ui.i18n import tr
from desktop.ui.runner import Runner
from desktop.ui.saving_dialog import SavingDialog
from desktop.ui.screen_fit import fit_on_screen

NOTE_STYLE = {"ok": "color: #1b7f3b;", "todo": "color: #9a6700;", "info": "color: #57606a;"}


class ExitPlanDialog(AsksBeforeDiscarding, SavingDialog):
    def __init__(self, runner: Runner, engagement_id: int, contractors: Sequence[tuple[int, str]],
                 parent: QWidget | None = None, *, may_edit: bool = True):
        super().__init__(parent)
        self.may_edit = may_edit  # False for a team member whose role only reads the plan
        self.runner, self.engagement_id = runner, engagement_id
        store = runner.store
        self.result_record: ExitPlanRecord | None = None
        engagement = engagements.get(store, engagement_id)  # ConflictError if it is gone
        self.title = engagement.data.title
        self.setWindowTitle(tr("Exit plan: {title}").format(title=self.title))
        self._touched: set[str] = set()
        self._errors: dict[str, str] = {}
        self._build(contractors)
        self._show_notice(engagement.data)
        record = exit_plans.get(store, engagement_id)
        self._version: int | None = record.version if record else None
        # The plan as opened, and as last sent: what a save on top of someone else's keeps.
        self._original = self._mine = record.plan if record else ExitPlanData()
        self._load(self._original)
        self.remember()
        self._touched.clear()
        self._validate(show_all=False)
        self.editors["for_convenience"].setFocus()
        if not may_edit:
            self._read_only()

    # --- layout --------------------------------------------------------------------------
    def _build(self, contractors: Sequence[tuple[int, str]]) -> None:
        e: dict[str, QWidget] = {
            "for_convenience": QCheckBox(tr("For convenience, by either side")),
            "convenience_notice_days": QLineEdit(),
            "for_cause": QCheckBox(tr("For cause (a breach)")),
            "cure_days": QLineEdit(),
            "handover_work": TextArea(2), "handover_credentials": TextArea(2),
            "data_disposition": EnumCombo(DataDisposition, blank=tr("(not set)")),
            "data_disposition_notes": TextArea(2),
            "knowledge_transfer": TextArea(2),
            "backup_contractor_id": ChoiceCombo(contractors, blank=tr("(none)")),
            "access_revocation": TextArea(5),
            "pro_rata_pay": QCheckBox(tr("Work done before the end is paid pro rata")),
            "pro_rata_notes": TextArea(2),
        }
        self.editors = e
        for name in ("convenience_notice_days", "cure_days"):
            line: QLineEdit = e[name]  # type: ignore[assignment]
            line.setFixedWidth(line.fontMetrics().horizontalAdvance("0000") + 24)
        e["handover_work"].setPlaceholderText(  # type: ignore[attr-defined]
            tr("Where unfinished work is delivered, in which format, e.g. layered files in our "
               "drive"))
        e["handover_credentials"].setPlaceholderText(  # type: ignore[attr-defined]
            tr("Passwords, keys and accounts they hand back, and how"))
        e["data_disposition_notes"].setPlaceholderText(  # type: ignore[attr-defined]
            tr("Which data, by when, and how it is confirmed"))
        e["knowledge_transfer"].setPlaceholderText(  # type: ignore[attr-defined]
            tr("e.g. a one-hour call and written notes on the build"))
        e["access_revocation"].setPlaceholderText(  # type: ignore[attr-defined]
            tr("One system per line, e.g.\nShop admin\nShared drive\nEmail account"))
        e["access_revocation"].setToolTip(  # type: ignore[attr-defined]
            tr("One system per line; blank lines and repeats are dropped"))
        e["pro_rata_notes"].setPlaceholderText(  # type: ignore[attr-defined]
            tr("How partial work is measured and when it is paid"))
        backup: QComboBox = e["backup_contractor_id"]  # type: ignore[assignment]
        backup.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        backup.setMinimumContentsLength(18)

        for name, editor in e.items():
            if isinstance(editor, QCheckBox):
                signal = editor.toggled
            elif isinstance(editor, (EnumCombo, ChoiceCombo)):
                signal = editor.currentIndexChanged
            elif isinstance(editor, TextArea):
                signal = editor.changed
            else:
                signal = editor.textChanged  # type: ignore[attr-defined]
            signal.connect(lambda *_, n=name: self._on_edit(n))

        def row(box: QWidget, phrase: str, days: QWidget) -> QWidget:
            """``phrase`` says where the field goes with {days}: words stay in one piece."""
            before, _, after = phrase.partition("{days}")
            widget = QWidget()
            layout = QHBoxLayout(widget)
            layout.setContentsMargins(0, 0, 0, 0)
            for part in (box, before.strip(), days, after.strip()):
                if part:
                    layout.addWidget(QLabel(part) if isinstance(part, str) else part)
            layout.addStretch(1)
            return widget

        shared = {
            ("for_convenience", "convenience_notice_days"):
                row(e["for_convenience"], tr("with notice of {days} days"),
                    e["convenience_notice_days"]),
            ("for_cause", "cure_days"):
                row(e["for_cause"], tr("after a cure period of {days} days"), e["cure_days"]),
        }
        self.boxes: dict[str, FieldBox] = {}
        for names, widget in shared.items():
            box = FieldBox(widget)
            self.boxes.update(dict.fromkeys(names, box))
        for name, editor in e.items():
            if name not in self.boxes:
                self.boxes[name] = FieldBox(editor)

        label_for = {"for_convenience": tr("Termination"), "for_cause": "",
                     "handover_work": tr("Work in progress"),
                     "handover_credentials": tr("Credentials"),
                     "data_disposition": tr("At the end"), "data_disposition_notes": tr("Notes"),
                     "backup_contractor_id": tr("Backup contractor"),
                     "access_revocation": tr("Systems"), "pro_rata_pay": "",
                     "pro_rata_notes": tr("Notes")}

        def group(title: str, names: list[str], note: str = "") -> QGroupBox:
            box = QGroupBox(title)
            outer = QVBoxLayout(box)
            if note:
                hint = QLabel(note)
                hint.setWordWrap(True)
                hint.setStyleSheet(muted_style())
                outer.addWidget(hint)
            form = QFormLayout()
            for name in names:
                form.addRow(label_for.get(name, LABELS[name]), self.boxes[name])
            outer.addLayout(form)
            outer.addStretch(1)  # spare height goes below the fields, not between them
            return box

        self.notice_line = QLabel()
        self.notice_line.setWordWrap(True)
        ending = group(tr("Ending it"), ["for_convenience", "for_cause"])
        ending.layout().insertWidget(1, self.notice_line)  # type: ignore[union-attr]
        # Two columns stacked independently, so a short group leaves no gap beside a tall one.
        columns = QHBoxLayout()
        for groups in ((ending, group(tr("Handover"), ["handover_work", "handover_credentials",
                                                       "knowledge_transfer",
                                                       "backup_contractor_id"])),
                       (group(tr("Data and access"), ["data_disposition",
                                                      "data_disposition_notes",
                                                      "access_revocation"],
                              tr("Our data they hold, and every system they can log into.")),
                        group(tr("Pay", "the exit plan's part on paying for partial work"),
                              ["pro_rata_pay", "pro_rata_notes"]))):
            column = QVBoxLayout()
            for box in groups:
                column.addWidget(box)
            column.addStretch(1)
            columns.addLayout(column, 1)

        self.completeness_line = QLabel()
        self.completeness_line.setWordWrap(True)
        self.summary = error_summary()
        self.theirs_line = QLabel()
        self.theirs_line.setWordWrap(True)
        self.theirs_line.setStyleSheet(NOTE_STYLE["todo"])
        self.theirs_line.hide()
        self.buttons = save_cancel(self)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.completeness_line)
        outer.addWidget(self.theirs_line)
        outer.addWidget(self.summary)
        outer.addWidget(self.buttons)
        fit_on_screen(self, 960, self.sizeHint().height())

    def _show_notice(self, d: EngagementData) -> None:
        end_on, notice_period = d.end_on, d.notice_period
        last = last_notice_date(end_on, notice_period, d.notice_unit)
        if last is not None:
            assert end_on is not None
            self.notice_line.setText(
                tr("Last day to give notice: {day} (end {end}, {notice})").format(
                    day=date_text(last), end=date_text(end_on),
                    notice=notice_phrase(notice_period, d.notice_unit)))
            self.notice_line.setStyleSheet("")
        else:
            self.notice_line.setText({
                (True, True): tr("No last day to give notice: the engagement has no end date "
                                 "or notice period."),
                (True, False): tr("No last day to give notice: the engagement has no end "
                                  "date."),
                (False, True): tr("No last day to give notice: the engagement has no notice "
                                  "period."),
            }[(end_on is None, notice_period is None)])
            self.notice_line.setStyleSheet(muted_style())
        self.last_notice_on = last

    # --- values --------------------------------------------------------------------------
    def _load(self, plan: ExitPlanData) -> None:
        for name, editor in self.editors.items():
            value = getattr(plan, name)
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, ChoiceCombo):
                if value is not None and editor.findData(value) < 0:
                    # Kept rather than silently cleared when the caller's list leaves it out.
                    editor.addItem(tr("Contractor {id} (not in the list)").format(id=value),
                                   value)
                editor.set_value("" if value is None else value)
            elif isinstance(editor, EnumCombo):
                editor.set_value("" if value is None else str(value))
            elif isinstance(editor, TextArea):
                editor.setPlainText("\n".join(value) if isinstance(value, tuple) else str(value))
            else:
                editor.setText("" if value is None else str(value))  # type: ignore[attr-defined]

    def values(self) -> dict[str, object]:
        return self.raw()

    def raw(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                out[name] = editor.isChecked()
            elif isinstance(editor, (EnumCombo, ChoiceCombo, TextArea)):
                out[name] = editor.value()
            else:
                out[name] = editor.text()  # type: ignore[attr-defined]
        return out

    # --- validation ----------------------------------------------------------------------
    def _on_edit(self, name: str) -> None:
        self._touched.add(name)
        self._validate(show_all=False)

    def _validate(self, show_all: bool) -> ExitPlanData | None:
        raw = self.raw()
        try:
            plan: ExitPlanData | None = validate_exit_plan(raw)
            errors: dict[str, str] = {}
        except ValidationError as exc:
            plan, errors = None, {e.field: e.message for e in exc.errors}
        self._errors = errors
        shown = [n for n in self.editors if n in errors and (show_all or n in self._touched)]
        self._show_errors({n: errors[n] for n in shown}, show_all)
        # A field in error counts as empty, so the indicator follows the rest while typing.
        self._show_completeness(plan or validate_exit_plan({**raw, **dict.fromkeys(errors, "")}))
        return plan

    def _show_errors(self, errors: dict[str, str], below: bool = True) -> None:
        lines: dict[FieldBox, list[str]] = {box: [] for box in self.boxes.values()}
        for name, editor in self.editors.items():
            mark_invalid(editor, name in errors)
            if name in errors:
                lines[self.boxes[name]].append(field_message(LABELS[name], errors[name]))
        for box, messages in lines.items():
            box.set_error("; ".join(messages) or None, below=below)
        self.summary.setText(fix_summary(list(errors), errors, LABELS))
        self.summary.setVisible(bool(errors))

    def _show_completeness(self, plan: ExitPlanData) -> None:
        gaps = completeness(plan)
        self.completeness_line.setText(
            tr("Still missing: {gaps}").format(gaps=", ".join(gaps)) if gaps
            else tr("Complete", "status: nothing is missing"))
        self.completeness_line.setStyleSheet(NOTE_STYLE["todo" if gaps else "ok"])

    def completeness_text(self) -> str:
        return self.completeness_line.text()

    def _read_only(self) -> None:
        for editor in self.editors.values():
            if isinstance(editor, (QLineEdit, TextArea)):
                editor.setReadOnly(True)
                editor.setPlaceholderText("")  # examples of what to type only mislead here
            else:
                editor.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText(tr("Close"))
        close.setFocus()
        self.theirs_line.setText(tr("Your role on this team database reads exit plans; only "
                                    "its owner changes them."))
        self.theirs_line.setStyleSheet(muted_style())
        self.theirs_line.show()

    def accept(self) -> None:
        if not self.may_edit:
            return
        plan = self._validate(show_all=True)
        if plan is None:
            first = next(n for n in self.editors if n in self._errors)
            self.editors[first].setFocus()
            return
        self._send(plan, self._version)

    def _send(self, plan: ExitPlanData, version: int | None) -> None:
        self._mine = plan
        self.save(engagement_ops.save_exit_plan, self.engagement_id, plan, version,
                  done=self._saved, handles=(ValidationError, ConflictError),
                  failed=self._refused)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):  # e.g. the backup contractor was deleted meanwhile
            self._errors = {e.field: e.message for e in exc.errors}
            self._show_errors({n: m for n, m in self._errors.items() if n in self.editors})
            return
        # Saved by someone else since it was opened: read theirs and offer mine on top.
        self.runner.read(exit_plans.get, self.runner.store, self.engagement_id,
                         done=lambda theirs: self._decide(theirs, exc))

    def _decide(self, theirs: ExitPlanRecord | None, exc: BaseException) -> None:
        if theirs is None:  # removed (or its engagement deleted) meanwhile
            reason = str(exc)
            ask.warn(self, tr("{reason}. Your changes were not saved: copy anything you typed, "
                              "then close this window.").format(
                         reason=reason[:1].upper() + reason[1:]),
                     tr("Exit plan not saved"))
            return
        merged = mine_on_top(self, tr("The exit plan of “{title}”").format(title=self.title),
                             theirs.changed_by, theirs.updated_at, self._original, self._mine,
                             theirs.plan, LABELS)
        self._original, self._version = theirs.plan, theirs.version
        if merged is not None:
            self._send(merged, theirs.version)
            return
        self._load(theirs.plan)
        self.remember()  # what shows now is theirs, as saved
        self._touched.clear()
        self._validate(show_all=False)
        self.theirs_line.setText(showing_theirs(theirs.changed_by, theirs.updated_at))
        self.theirs_line.show()

    def _saved(self, record: ExitPlanRecord) -> None:
        self.result_record = record
        self._version = record.version
