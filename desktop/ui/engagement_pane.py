"""The selected engagement: its state, the status moves it allows, its payments and its log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.engagement import (
    OPEN,
    allowed_moves,
    planned_schedule,
    schedule_drifted,
)
from desktop.core.enums import (
    Channel,
    ContractorStatus,
    EngagementStatus,
    InstallmentStatus,
    PricingModel,
)
from desktop.core.formats import date_text
from desktop.core.money import format_money
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.operations import contractors as contractor_ops
from desktop.operations import engagements as engagement_ops
from desktop.operations import payments as payment_ops
from desktop.operations.changes import Changes
from desktop.operations.letting_go import at_stake
from desktop.store import communication, contractors, engagements, payments, reviews
from desktop.store.communication import LogEntry
from desktop.store.engagements import EngagementRecord
from desktop.store.payments import InstallmentRow
from desktop.ui import ask
from desktop.ui.at_stake import reason_to_let_go
from desktop.ui.colours import muted_style
from desktop.ui.documents_dialog import DocumentsDialog
from desktop.ui.engagement_summary import heading_html, totals_text
from desktop.ui.engagement_texts import (
    ask_cancel_later,
    ending_question,
    ending_verb,
    refusal,
    where_words,
)
from desktop.ui.exit_plan_dialog import ExitPlanDialog
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.installment_dialog import InstallmentDialog
from desktop.ui.installment_model import ICol, InstallmentModel
from desktop.ui.log_entry_dialog import LogEntryDialog
from desktop.ui.milestones_dialog import MilestonesDialog
from desktop.ui.payment_dialog import PaymentDialog
from desktop.ui.payments_dialog import PaymentsDialog
from desktop.ui.rating_dialog import RatingDialog
from desktop.ui.review_dialog import ReviewDialog
from desktop.ui.runner import Runner
from desktop.ui.saved_file import show_saved

S, P = EngagementStatus, PricingModel
MOVE_TEXT = {S.IN_REVIEW: QT_TR_NOOP("Send for review"), S.SIGNED: QT_TR_NOOP("Sign…"),
             S.COMPLETED: QT_TR_NOOP("Complete…"), S.TERMINATED: QT_TR_NOOP("Terminate…"),
             S.CANCELLED: QT_TR_NOOP("Cancel engagement…")}
ENDINGS = (S.COMPLETED, S.TERMINATED, S.CANCELLED)


class EngagementPane(QWidget):
    exported = Signal(str)  # a risk summary PDF was written there
    edit_requested = Signal(str)  # open the engagement editor at this field
    contractor_requested = Signal(int)  # open this contractor (to record an identity check)

    def __init__(self, runner: Runner, today: Callable[[], dt.date],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store, self.today = runner, runner.store, today
        self.record: EngagementRecord | None = None
        self.drifted = False  # the stored schedule no longer follows the terms
        self._activated: int | None = None  # just signed, and its prospect made active
        self._listing_blockers = False  # the gate note lists blockers (its height follows them)
        self._build()
        self.show_engagement(None)

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet(muted_style())
        self.placeholder.setContentsMargins(32, 0, 32, 0)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What the team member's role allows (everything on a local book).
        self.may_manage = True  # edit, move, sign, log, review
        self.may_pay = True  # schedules and payments
        self.move_buttons: dict[EngagementStatus, QPushButton] = {}
        moves = QHBoxLayout()
        for status, text in MOVE_TEXT.items():
            button = QPushButton(tr(text))
            button.clicked.connect(lambda _=False, s=status: self.move_to(s))
            self.move_buttons[status] = button
            button.hide()  # shown only when the status allows that move
            moves.addWidget(button)
        moves.addStretch(1)

        self.installment_model = InstallmentModel(self)
        self.installment_table = QTableView()
        self.installment_table.setModel(self.installment_model)
        self.installment_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.installment_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.installment_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.installment_table.verticalHeader().hide()
        self.installment_table.setShowGrid(False)
        self.installment_table.setWordWrap(False)
        self.installment_table.setAlternatingRowColors(True)
        header = self.installment_table.horizontalHeader()
        header.setSectionResizeMode(ICol.LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ICol.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((ICol.DUE, 80), (ICol.AMOUNT, 84), (ICol.PAID, 84)):
            header.resizeSection(column, width)
        self.installment_table.doubleClicked.connect(lambda _i: self.record_payment())
        self.installment_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons())
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.pay_button = QPushButton(tr("Record payment…"))
        self.pay_button.clicked.connect(self.record_payment)
        self.schedule_button = QPushButton(tr("Generate schedule…"))
        self.schedule_button.clicked.connect(self.generate_schedule)
        self.edit_installment_button = QPushButton(tr("Edit…"))
        self.edit_installment_button.setToolTip(tr("Change the selected installment by hand"))
        self.edit_installment_button.clicked.connect(self.edit_installment)
        self.cancel_installment_button = QPushButton(tr("Cancel installment"))
        self.cancel_installment_button.clicked.connect(self.cancel_installment)
        self.payments_button = QPushButton(tr("Payments…"))
        self.payments_button.setToolTip(tr("The payments recorded on the selected installment: "
                                           "correct or void one, with its history"))
        self.payments_button.clicked.connect(self.open_payments)
        pay_row = QHBoxLayout()
        pay_row.addWidget(self.edit_installment_button)
        pay_row.addWidget(self.cancel_installment_button)
        pay_row.addWidget(self.payments_button)
        pay_row.addStretch(1)
        pay_row.addWidget(self.schedule_button)
        pay_row.addWidget(self.pay_button)
        payments = QGroupBox(tr("Payments"))
        payments_layout = QVBoxLayout(payments)
        payments_layout.addWidget(self.installment_table, 1)
        payments_layout.addWidget(self.totals)
        payments_layout.addLayout(pay_row)

        self.log_list = QTreeWidget()
        self.log_list.setHeaderLabels([tr("Date"), tr("Channel"), tr("Summary"),
                                       tr("Follow up")])
        self.log_list.setRootIsDecorated(False)
        self.log_list.setAlternatingRowColors(True)
        log_header = self.log_list.header()
        log_header.setStretchLastSection(False)
        log_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        log_header.resizeSection(0, 90)
        log_header.resizeSection(1, 80)
        log_header.resizeSection(3, 90)
        self.log_button = QPushButton(tr("Add entry…"))
        self.log_button.clicked.connect(self.add_log_entry)
        log_row = QHBoxLayout()
        self.log_note = QLabel()
        self.log_note.setStyleSheet(muted_style())
        log_row.addWidget(self.log_note, 1)
        log_row.addWidget(self.log_button)
        log_box = QGroupBox(tr("Communication log"))
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.log_list, 1)
        log_layout.addLayout(log_row)

        # Before signing: the risk review, the exit plan and the signed papers.
        self.review_button = QPushButton(tr("Risk review…"))
        self.review_button.clicked.connect(self.open_review)
        self.exit_plan_button = QPushButton(tr("Exit plan…"))
        self.exit_plan_button.clicked.connect(self.open_exit_plan)
        self.documents_button = QPushButton(tr("Documents…"))
        self.documents_button.clicked.connect(self.open_documents)
        self.summary_button = QPushButton(tr("Export risk summary…"))
        self.summary_button.clicked.connect(self.export_summary)
        # A browser, not a label: a long list of blockers scrolls instead of being clipped.
        self.gate_note = QTextBrowser()
        self.gate_note.setOpenLinks(False)
        self.gate_note.anchorClicked.connect(lambda url: self.go_to(url.toString()))
        self.gate_note.setFrameShape(QFrame.Shape.NoFrame)
        self.gate_note.setStyleSheet("background: transparent;")
        self.gate_note.hide()  # shown for drafts and engagements in review
        prepare = QHBoxLayout()
        for button in (self.review_button, self.exit_plan_button, self.documents_button,
                       self.summary_button):
            prepare.addWidget(button)
        prepare.addStretch(1)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addLayout(prepare)
        layout.addWidget(self.gate_note)
        layout.addLayout(moves)
        layout.addWidget(payments, 3)
        layout.addWidget(log_box, 2)
        # An empty schedule gives its room to what blocks signing, not the other way round.
        self.installment_table.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.setMinimumWidth(320)

    # --- showing -------------------------------------------------------------------------
    def show_engagement(self, engagement_id: int | None, empty_text: str = "") -> None:
        record = None
        if engagement_id is not None:
            try:
                record = engagements.get(self.store, engagement_id)
            except ConflictError:
                record = None
        self.record = record
        if record is None:
            self.placeholder.setText(empty_text or tr("Select an engagement to see its brief, "
                                                      "payments and communication log here."))
            self.stack.setCurrentWidget(self.placeholder)
            return
        today = self.today()
        self.heading.setText(heading_html(record, today))
        moves = allowed_moves(record.status)
        for status, button in self.move_buttons.items():
            button.setVisible(status in moves)
        self.installment_model.show(payments.installments(self.store, record.id), today,
                                    EngagementStatus(record.status))
        rows = self.installment_model.rows()
        text = totals_text(rows, EngagementStatus(record.status))
        self.drifted = record.status in OPEN and schedule_drifted(record.data, payments.as_planned(rows))
        if self.drifted:
            drift = tr("The schedule no longer matches the terms: Generate schedule… replaces "
                       "the unpaid installments (paid ones stay).")
            text += f"<br><span style='color:#9a6700'>{drift}</span>"
        self.totals.setText(text)
        self._show_log(communication.log(self.store, record.id))
        self._show_gate(record)
        self._update_buttons()
        self.stack.setCurrentIndex(1)

    def _show_log(self, entries: list[LogEntry]) -> None:
        self.log_list.clear()
        for entry in entries:
            summary = entry.summary.splitlines()[0] if entry.summary else ""
            item = QTreeWidgetItem([
                date_text(entry.logged_on), Channel(entry.channel).label if entry.channel else "",
                summary, date_text(entry.follow_up_on)])
            item.setToolTip(2, entry.summary)
            self.log_list.addTopLevelItem(item)
        self.log_note.setText("" if entries else tr("Nothing logged yet."))

    def set_role(self, may_manage: bool, may_pay: bool) -> None:
        """Grey out what a team member's role cannot do (the server refuses it anyway)."""
        self.may_manage, self.may_pay = may_manage, may_pay
        for button in (*self.move_buttons.values(), self.log_button):
            button.setEnabled(may_manage)
        self._update_buttons()

    def _update_buttons(self) -> None:
        record = self.record
        self.schedule_button.setEnabled(record is not None and record.status in OPEN
                                        and self.may_pay)
        self.pay_button.setEnabled(self._payable() is not None and self.may_pay)
        chosen = self._chosen()
        editable = (chosen is not None and chosen.stored_status != InstallmentStatus.CANCELLED
                    and self.may_pay)
        self.edit_installment_button.setEnabled(editable)
        self.cancel_installment_button.setEnabled(editable and chosen is not None
                                                  and chosen.paid_minor == 0)
        # Also after a void: its history stays to read.
        self.payments_button.setEnabled(chosen is not None)

    def _chosen(self) -> InstallmentRow | None:
        selected = self.installment_table.selectionModel().selectedRows()
        return self.installment_model.rows()[selected[0].row()] if selected else None

    def _payable(self) -> InstallmentRow | None:
        """The selected installment if something is owed on it, else the first one owing."""
        rows = self.installment_model.rows()
        chosen = [rows[i.row()] for i in self.installment_table.selectionModel().selectedRows()]
        owing = [r for r in chosen + rows if r.outstanding_minor > 0]
        return owing[0] if owing else None

    # --- use cases -----------------------------------------------------------------------
    def move_to(self, status: EngagementStatus) -> None:
        record = self.record
        if record is None or status not in allowed_moves(record.status):
            return
        today = self.today()
        signer = reason = ""
        cancel_later: bool | None = False
        if status is S.SIGNED:
            found, _result = reviews.check(self.store, record.id, today)
            if found:
                blocker = tr("• {problem}\n   Fix: {fix}")
                self._warn(tr("“{title}” cannot be signed yet:").format(title=record.data.title)
                           + "\n\n" + "\n\n".join(blocker.format(problem=b.message, fix=b.fix)
                                                    for b in found))
                return
            if not ask.confirm(
                    self, tr("Sign engagement"),
                    tr("Record “{title}” as signed on {day}? Once signed it can only be "
                       "completed or terminated.").format(title=record.data.title,
                                                          day=date_text(today))):
                return
            given = ask.text(self, tr("Sign engagement"), tr("Signed by (name):"))
            if given is None:
                return
            signer = given
        elif status in ENDINGS:
            verb = ending_verb(status)
            # Ending early lets the contractor go; finishing the work or dropping a plan does not.
            stake = (at_stake(self.store, record.data.contractor_id, today, record.id)
                     if status is S.TERMINATED else None)
            if stake is not None:  # a well-rated contractor: show what is at stake, ask why
                asked = reason_to_let_go(self, stake, verb)
                if asked is None:
                    return
                reason = asked
            else:
                given = ask.text(self, verb, ending_question(status).format(
                    title=record.data.title, day=date_text(today)))
                if given is None:
                    return
                reason = given
            if status is S.TERMINATED:
                later = payments.falling_due_after(self.store, record.id, today)
                cancel_later = bool(later) and ask_cancel_later(self, record, later, today)
                if cancel_later is None:
                    return

        prospect = (status is S.SIGNED and contractors.get_row(
            self.store, record.data.contractor_id).status == ContractorStatus.PROSPECT.value)

        def moved(ended: EngagementRecord) -> None:
            if status in (S.COMPLETED, S.TERMINATED):
                self._rate(ended, today)
            if prospect:
                self._became_active(ended)

        # Signing is checked again at the moment it is written.
        self.runner.write(engagement_ops.move, record.id, status, record.version, on=today,
                          by=signer, reason=reason, cancel_later=cancel_later, done=moved,
                          handles=_REFUSALS,
                          failed=lambda exc: self._refused(exc, record.id), parent=self)

    def _became_active(self, record: EngagementRecord) -> None:
        """Signing made a prospect active: say so in the pane, with a way to take it back."""
        self._activated = record.id
        if self.record is not None and self.record.id == record.id:
            self._show_gate(self.record)

    def keep_prospect(self) -> None:
        """Undo what signing did to the contractor's status."""
        if self.record is None:
            return
        self._activated = None
        current = contractors.get(self.store, self.record.data.contractor_id)
        data = replace(current.data, status=ContractorStatus.PROSPECT)
        self.runner.write(contractor_ops.edit, current.id, data, current.version,
                          handles=(ConflictError,), failed=lambda exc: self._warn(str(exc)),
                          parent=self)
        self.gate_note.hide()

    def _rate(self, record: EngagementRecord, today: dt.date) -> None:
        """Ratings at the end of the work feed the contractor's record."""
        dialog = RatingDialog(record.data.title, self)
        if dialog.exec():
            self.runner.write(engagement_ops.rate, record.id, dialog.rating(), today,
                              record.version, handles=_REFUSALS,
                              failed=lambda exc: self._refused(exc, record.id,
                                                               tr("Not rated: {reason}")),
                              parent=self)

    def open_review(self) -> None:
        if self.record is not None:
            ReviewDialog(self.runner, self.record.id, self.today(), parent=self,
                         may_edit=self.may_manage).exec()

    def open_exit_plan(self) -> None:
        if self.record is None:
            return
        people = [(r.id, r.display_name) for r in contractors.list_rows(self.store)
                  if not r.archived and r.id != self.record.data.contractor_id]
        people.sort(key=lambda p: p[1].casefold())
        ExitPlanDialog(self.runner, self.record.id, people, self,
                       may_edit=self.may_manage).exec()

    def open_documents(self) -> None:
        if self.record is not None:
            DocumentsDialog(self.runner, self.record.id, self, may_edit=self.may_manage).exec()

    def go_to(self, where: str) -> None:
        """Follow a blocker's link to the place that fixes it."""
        kind = where.split(".")[0]
        if kind == "keep-prospect":
            self.keep_prospect()
        elif kind == "review":
            self.open_review()
        elif kind == "exit_plan":
            self.open_exit_plan()
        elif kind == "documents":
            self.open_documents()
        elif kind == "engagement":
            self.edit_requested.emit(where.split(".", 1)[1])
        elif kind == "contractor" and self.record is not None:
            self.contractor_requested.emit(self.record.data.contractor_id)

    def export_summary(self) -> None:
        """Write the PDF off the UI thread, then open it in the system's viewer."""
        record = self.record
        if record is None:
            return
        name = "".join(c if c.isalnum() else "-" for c in record.data.title).strip("-")
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export risk summary"), str(Path.home() / f"risk-summary-{name}.pdf"),
            tr("PDF (*.pdf)"))
        if not path:
            return
        self.summary_button.setEnabled(False)

        def done(written: Path) -> None:
            self.summary_button.setEnabled(True)
            self.saved_box = show_saved(self, Path(written), tr("Risk summary"))
            self.exported.emit(str(written))

        from desktop.reports.risk_summary import write_risk_summary  # ReportLab only when asked

        self.runner.read(write_risk_summary, self.store, record.id, Path(path), self.today(),
                         done=done, failed=lambda _exc: self.summary_button.setEnabled(True),
                         parent=self)

    def _show_gate(self, record: EngagementRecord) -> None:
        """Before signing, say plainly what still stands in the way."""
        self._listing_blockers = False
        if record.status is S.SIGNED and self._activated == record.id:
            name = escape(record.contractor_name)
            signed = tr("Signed. {name} was a prospect and is now an active contractor.")
            keep = tr("Keep {name} a prospect")
            self.gate_note.setHtml(f"{signed.format(name=name)} "
                                   f"<a href='keep-prospect'>{keep.format(name=name)}</a>")
            height = self.gate_note.fontMetrics().lineSpacing() * 2 + 8
            self.gate_note.setMinimumHeight(height)
            self.gate_note.setMaximumHeight(height)
            self.gate_note.show()
            return
        if record.status not in (S.DRAFT, S.IN_REVIEW):
            self.gate_note.hide()
            return
        found, result = reviews.check(self.store, record.id, self.today())
        band = (tr("Risk: {band}.").format(band=result.overall.label) + " "
                if result is not None else "")
        if not found:
            ready = tr("Ready to sign.")
            self.gate_note.setHtml(f"<span style='color:#1b7f3b'>{band}{ready}</span>")
            height = self.gate_note.fontMetrics().lineSpacing() * 2 + 8
            self.gate_note.setMinimumHeight(height)
            self.gate_note.setMaximumHeight(height)
        else:
            settle = tr("%n thing(s) to settle before signing:", "", len(found))
            self.gate_note.setHtml(
                f"{band}<b>{settle}</b><br>" + "<br>".join(
                    f"• {escape(b.message)} <i>{escape(b.fix)}</i> "
                    f"<a href='{escape(b.where)}'>{where_words(b.where)}</a>"
                    for b in found))
            self._listing_blockers = True
        self.gate_note.show()
        self._fit_gate_note()

    def _fit_gate_note(self) -> None:
        """The whole list, every blocker readable: the pane scrolls rather than cut it."""
        if not self._listing_blockers or not self.gate_note.isVisible():
            return
        document = self.gate_note.document()
        document.setTextWidth(max(200, self.gate_note.viewport().width()))
        height = int(document.size().height()) + 8
        self.gate_note.setMinimumHeight(height)
        self.gate_note.setMaximumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_gate_note()  # a narrower pane wraps the list onto more lines

    def record_payment(self) -> None:
        installment = self._payable()
        if self.record is not None and installment is not None:
            PaymentDialog(self.runner, installment, self.today(), self).exec()

    def open_payments(self) -> None:
        chosen = self._chosen()
        if self.record is not None and chosen is not None:
            PaymentsDialog(self.runner, chosen, self.today(), self,
                           may_pay=self.may_pay).exec()

    def edit_installment(self) -> None:
        chosen = self._chosen()
        if self.record is not None and chosen is not None:
            InstallmentDialog(self.runner, chosen, self).exec()

    def cancel_installment(self) -> None:
        chosen = self._chosen()
        if self.record is None or chosen is None or not ask.confirm(
                self, tr("Cancel installment"),
                tr("Cancel “{label}” ({amount})? Nothing will be owed on it.").format(
                    label=chosen.label,
                    amount=format_money(chosen.amount_minor, chosen.currency))):
            return
        self.runner.write(payment_ops.cancel_installment, chosen.id, chosen.version,
                          handles=_REFUSALS,
                          failed=lambda exc: self._refused(exc, chosen.engagement_id),
                          parent=self)

    def generate_schedule(self, asked: bool = False) -> None:
        record = self.record
        if record is None:
            return
        if self.installment_model.rowCount() and not asked and not ask.confirm(
                self, tr("Generate schedule"), tr("Replace the installments not yet paid? Paid "
                                                  "and part-paid installments stay as they are.")):
            return
        data = record.data
        try:
            if data.pricing_model is P.MILESTONES:
                if data.amount_minor is None:
                    raise ValidationError([FieldError("amount", tr("is not set"))])
                dialog = MilestonesDialog(data.amount_minor, data.currency,
                                          data.payment_terms_days or 0, data.start_on,
                                          data.end_on, self)
                if not dialog.exec():
                    return
                plan = dialog.plan
            else:
                plan = planned_schedule(data)
        except ValidationError as exc:
            self._warn(tr("No schedule was made. {reason}").format(reason=refusal(exc)))
            return
        self.runner.write(payment_ops.replace_schedule, record.id, plan, record.version,
                          handles=_REFUSALS,
                          failed=lambda exc: self._refused(
                              exc, record.id, tr("No schedule was made. {reason}")),
                          parent=self)

    def add_log_entry(self) -> None:
        record = self.record
        if record is not None:
            LogEntryDialog(self.runner, record.id, self.today(), record.data.comm_channel,
                           self).exec()

    def _warn(self, text: str) -> None:
        ask.warn(self, text)

    def _refused(self, exc: BaseException, engagement_id: int, text: str = "{reason}") -> None:
        """``text``: the translated sentence the reason goes into."""
        self._warn(text.format(reason=refusal(exc)))
        if isinstance(exc, ConflictError):  # changed elsewhere: every view shows it as it is now
            self.runner.publish(Changes(engagements=frozenset({engagement_id})))


_REFUSALS = (ConflictError, ValidationError, reviews.Blocked)
