"""The planner's Activities view: what to keep, outsource or hand to an expert, what the quotes
cost against the value of the hours, and a way from a quote to an engagement.

Activities number in the tens, so every change simply re-reads them on the UI thread. The 2×2
matrix (``desktop.ui.planner_matrix``) is embedded when that module is installed; without it
the view works the same, table and detail only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.activity_fields import FIELD_LABELS, activity_fields, from_fields
from desktop.core.engagement import LABELS as ENGAGEMENT_LABELS
from desktop.core.engagement import terms_from_rate
from desktop.core.merge import shown
from desktop.core.money import format_money, parse_amount, to_major_text
from desktop.core.planner import (
    LABELS,
    ActivityMoney,
    ExchangeRate,
    PlanMoney,
    Thresholds,
    activity_money,
    plan_money,
    recommend,
)
from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import planner as planner_ops
from desktop.operations.changes import Changes
from desktop.store import contractors, planner
from desktop.store.reporting import business
from desktop.store.rules import payment_rules
from desktop.ui import ask
from desktop.ui.activity_dialog import ActivityDialog, QuoteDialog
from desktop.ui.colours import muted_style
from desktop.ui.conflicts import mine_on_top
from desktop.ui.engagement_dialog import EngagementDialog
from desktop.ui.exchange_rates_dialog import ExchangeRatesDialog
from desktop.ui.fields import error_lines
from desktop.ui.follow import Follow
from desktop.ui.i18n import tr
from desktop.ui.planner_matrix import PlannerMatrix
from desktop.ui.planner_model import ACol, ActivitiesModel, ActivityRow, QuotesModel
from desktop.ui.runner import Runner
from desktop.ui.table_base import SelectionShown, select_row, sorted_table

_WIDTHS = {ACol.HOURS: 84, ACol.IMPORTANCE: 82, ACol.COMPETENCE: 88, ACol.RECOMMENDATION: 124,
           ACol.DECISION: 124, ACol.BEST: 126, ACol.VALUE: 118, ACol.SAVING: 90,
           ACol.DONE_BY: 130}


class PlannerView(QWidget):
    def __init__(self, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store = runner, runner.store
        self.may_edit = True  # False for a team member whose role only reads the plan
        self.thresholds = Thresholds()
        self.model = ActivitiesModel(self)
        self.quotes_model = QuotesModel(self)
        self.plan: PlanMoney | None = None
        self.currency, self.locale = "USD", "en_US"
        self.owner_value: int | None = None
        self.rates: list[ExchangeRate] = []
        self.settings_version = 0  # the hour value's and rates' (planner.plan_settings)
        self._wanted: int | None = None  # to select once a write's result is shown
        self._build()
        self.refresh()
        self.follow = Follow(runner, _shown_here, lambda _changes: self.refresh(), self)

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.new_button = QPushButton(tr("New activity…"))
        self.new_button.clicked.connect(self.new_activity)
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.owner_button = QPushButton()
        self.owner_button.setToolTip(tr("What an hour of your own time is worth; activities "
                                        "without their own value of an hour use it"))
        self.owner_button.clicked.connect(self.edit_owner_value)
        self.rates_button = QPushButton(tr("Exchange rates…"))
        self.rates_button.setToolTip(tr("Rates the plan converts other currencies with"))
        self.rates_button.clicked.connect(self.edit_rates)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 4)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.owner_button)
        bar.addWidget(self.rates_button)

        self.table = sorted_table(self.model, ACol.NAME, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ACol.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.shown = SelectionShown(self.table, lambda: self._show_selection())

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(8, 4, 8, 2)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.others = QLabel()
        self.others.setWordWrap(True)
        self.others.setStyleSheet(muted_style())
        self.others.setContentsMargins(8, 0, 8, 6)

        table_side = QWidget()
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(0)
        table_layout.addLayout(bar)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.summary)
        table_layout.addWidget(self.others)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self._build_detail())
        self.matrix = PlannerMatrix()
        self.matrix.set_thresholds(self.thresholds)
        self.matrix.selected.connect(self.select_activity)
        bottom.addWidget(self.matrix)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        bottom.setSizes([800, 400])

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(table_side)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _build_detail(self) -> QWidget:
        self.detail_title = QLabel()
        self.detail_title.setStyleSheet("font-weight: 600; font-size: 14px;")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.decision_line = QLabel()
        self.decision_line.setStyleSheet(muted_style())
        self.decision_line.setWordWrap(True)
        self.quotes = QTableView()
        self.quotes.setModel(self.quotes_model)
        self.quotes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quotes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.quotes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quotes.verticalHeader().hide()
        self.quotes.verticalHeader().setDefaultSectionSize(24)
        self.quotes.setShowGrid(False)
        self.quotes.setWordWrap(False)
        qheader = self.quotes.horizontalHeader()
        qheader.setHighlightSections(False)
        qheader.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 130), (2, 64), (3, 112), (4, 140)):
            qheader.resizeSection(column, width)
        self.quotes.selectionModel().selectionChanged.connect(lambda *_: self._quote_buttons())
        self.add_quote_button = QPushButton(tr("Add quote…"))
        self.add_quote_button.clicked.connect(self.add_quote)
        self.remove_quote_button = QPushButton(tr("Remove quote"))
        self.remove_quote_button.clicked.connect(self.remove_quote)
        self.engage_button = QPushButton(tr("Start engagement…"))
        self.engage_button.setToolTip(tr("Write an engagement with the chosen quote's "
                                         "contractor for this activity"))
        self.engage_button.clicked.connect(self.start_engagement)
        buttons = QVBoxLayout()
        for button in (self.add_quote_button, self.remove_quote_button, self.engage_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        quotes_row = QHBoxLayout()
        quotes_row.addWidget(self.quotes, 1)
        quotes_row.addLayout(buttons)

        detail = QWidget()
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.reason)
        layout.addWidget(self.decision_line)
        layout.addLayout(quotes_row, 1)
        return detail

    # --- loading -------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Re-read the activities, rates and settings (a few dozen rows: on this thread); keep
        (or move to) a selection."""
        keep = next((i for i in (select_id, self._wanted) if i is not None), None)
        keep = self.selected_id() if keep is None else keep
        self._wanted = None
        info = business(self.store)
        self.currency, self.locale = info.base_currency or "USD", info.locale or "en_US"
        settings = planner.plan_settings(self.store)
        self.owner_value, self.rates = settings.owner_hour_value_minor, list(settings.rates)
        self.settings_version = settings.version
        records = planner.activities(self.store)
        rows, self.plan, problem = self._compute(records)
        self.model.set_rows(rows, self.locale)
        self._show_summary(problem)
        self.owner_button.setText(
            tr("Owner's hour value: not set…") if self.owner_value is None
            else tr("Owner's hour value: {amount}…").format(
                amount=format_money(self.owner_value, self.currency, self.locale)))
        self.matrix.set_activities([
            (r.id, r.record.inputs.name, r.record.inputs.importance,
             r.record.inputs.competence, r.record.inputs.hours_per_month,
             r.record.decision) for r in rows])
        self.select_activity(keep)

    def _compute(self, records: Sequence[planner.ActivityRecord]
                 ) -> tuple[list[ActivityRow], PlanMoney | None, str]:
        recs = [recommend(r.inputs, self.thresholds) for r in records]
        items = [(r.inputs, [q.quote for q in r.quotes], rec) for r, rec in zip(records, recs)]
        problem = ""
        try:
            plan: PlanMoney | None = plan_money(items, self.currency, self.rates)
            lines: list[ActivityMoney | None] = list(plan.lines)  # type: ignore[union-attr]
            problems = [""] * len(records)
        except ValidationError as exc:
            # An activity valued in a currency without a rate (or clashing rates): cost the
            # others, and say what is missing.
            problem = "; ".join(e.message for e in exc.errors)
            lines, problems, usable = [], [], []
            for item in items:
                try:
                    line: ActivityMoney | None = activity_money(*item, self.currency, self.rates)
                    usable.append(item)
                    problems.append("")
                except ValidationError as one:
                    line = None
                    problems.append("; ".join(e.message for e in one.errors))
                lines.append(line)
            try:
                plan = plan_money(usable, self.currency, self.rates)
            except ValidationError:
                plan = None
        rows = [ActivityRow(r, rec, line, why)
                for r, rec, line, why in zip(records, recs, lines, problems)]
        return rows, plan, problem

    def _money(self, minor: int, currency: str | None = None) -> str:
        return format_money(minor, currency or self.currency, self.locale)

    def _show_summary(self, problem: str) -> None:
        plan = self.plan
        if plan is None:
            self.summary.setText(tr("The plan cannot be costed: {problem}").format(
                problem=problem) if problem else "")
            self.others.setText("")
            return
        total = plan.total
        if not self.model.rowCount():
            text = tr("No activities yet. Choose “New activity…” to list work the business "
                      "does every month, and the planner will say what to keep and what to "
                      "outsource.")
        elif not total.activities:
            text = tr("No activity the planner recommends outsourcing has a quote in "
                      "{currency} yet.").format(currency=plan.currency)
        else:
            if total.saving_minor >= 0:
                text = tr("If you outsource the recommended activities: <b>{cost}</b> a month "
                          "for work your time values at <b>{value}</b> — <b>saving {saving}</b>")
            else:
                text = tr("If you outsource the recommended activities: <b>{cost}</b> a month "
                          "for work your time values at <b>{value}</b> — <b>costing {saving} "
                          "more than those hours</b>")
            text = text.format(cost=self._money(total.cost_minor),
                               value=self._money(total.hours_value_minor),
                               saving=self._money(abs(total.saving_minor)))
        self.summary.setText(text)
        self.summary.setToolTip(", ".join(total.activities))
        lines = [tr("Also quoted in {currency}: {cost} a month for {activities} (no exchange "
                    "rate, so not added)").format(currency=t.currency,
                                                  cost=self._money(t.cost_minor, t.currency),
                                                  activities=", ".join(t.activities))
                 for t in plan.other_totals]
        if plan.unquoted:
            lines.append(tr("Recommended for outsourcing but not quoted yet: {activities}")
                         .format(activities=", ".join(plan.unquoted)))
        if problem:
            lines.append(tr("Not costed: {problem}").format(problem=problem))
        self.others.setText("\n".join(lines))
        self.others.setVisible(bool(lines))

    # --- selection -----------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def selected_row(self) -> ActivityRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_activity(self, activity_id: int | None) -> None:
        position = self.model.position_of(activity_id) if activity_id is not None else None
        if position is None and self.model.rowCount():
            position = 0
        with self.shown.settling():
            select_row(self.table, position)

    def set_role(self, may_edit: bool) -> None:
        """Grey out changing the plan for a team member who may only read it (the server
        refuses it anyway)."""
        self.may_edit = may_edit
        for button in (self.new_button, self.owner_button, self.rates_button):
            button.setEnabled(may_edit)
        self._show_selection()

    def _show_selection(self) -> None:
        row = self.selected_row()
        for button in (self.edit_button, self.delete_button, self.add_quote_button):
            button.setEnabled(row is not None and self.may_edit)
        self.matrix.set_current(None if row is None else row.id)
        if row is None:
            self.detail_title.setText(tr("No activity selected"))
            self.reason.setText("")
            self.decision_line.setText("")
            self.quotes_model.set_quotes((), None, self.locale)
            self._quote_buttons()
            return
        record = row.record
        self.detail_title.setText(record.inputs.name)
        self.reason.setText(tr("Recommendation: <b>{decision}</b>. {reason}").format(
            decision=row.recommendation.decision.label, reason=row.recommendation.reason))
        decided = [tr("Your decision: {decision}.").format(decision=record.decision.label)]
        if record.done_by:
            decided.append(tr("Done by {names}.").format(names=", ".join(record.done_by)))
        if record.notes:
            decided.append(record.notes)
        if row.money_problem:
            decided.append(f"{row.money_problem}.")
        self.decision_line.setText(" ".join(decided))
        self.quotes_model.set_quotes(record.quotes, row.money, self.locale)
        if record.quotes:
            self.quotes.selectRow(0)
        self._quote_buttons()

    def selected_quote(self) -> planner.QuoteRecord | None:
        rows = self.quotes.selectionModel().selectedRows()
        return self.quotes_model.row_at(rows[0].row()) if rows else None

    def _quote_buttons(self) -> None:
        quote = self.selected_quote()
        self.remove_quote_button.setEnabled(quote is not None and self.may_edit)
        self.engage_button.setEnabled(quote is not None and quote.quote.contractor_id is not None
                                      and self.may_edit)

    # --- activities ----------------------------------------------------------------------
    def _dialog(self, record: planner.ActivityRecord | None) -> ActivityDialog:
        return ActivityDialog(record, currency=self.currency,
                              default_hour_value_minor=self.owner_value,
                              thresholds=self.thresholds, parent=self)

    def new_activity(self) -> None:
        dialog = self._dialog(None)
        if not dialog.exec() or dialog.result_data is None:
            return
        inputs, value_set, decision, notes = dialog.result_data
        self._write(planner_ops.save_activity, inputs, hour_value_set=value_set,
                    decision=decision, notes=notes, done=self._select_later)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = self._dialog(row.record)
        if not dialog.exec() or dialog.result_data is None:
            return
        self._save_edit(row.record, activity_fields(*dialog.result_data))

    def _save_edit(self, record: planner.ActivityRecord, mine: dict[str, object]) -> None:
        """Save the edit; when someone saved the activity since, offer mine on top of theirs."""
        def refused(exc: BaseException) -> None:
            if not isinstance(exc, ConflictError):
                self._refused(exc)
                return
            self.refresh()
            self.runner.read(planner.get, self.store, record.id, done=decide,
                             handles=(ConflictError,), failed=self._refused)

        def decide(theirs: planner.ActivityRecord) -> None:
            def show(name: str, value: object) -> str:
                if name == "hour_value_minor" and isinstance(value, int):
                    return self._money(value, theirs.inputs.currency)
                return shown(value)

            merged = mine_on_top(self, f"“{theirs.inputs.name}”", theirs.changed_by,
                                 theirs.updated_at, _edited(record), mine, _edited(theirs),
                                 FIELD_LABELS, show)
            if merged is not None:
                self._save_edit(theirs, merged)

        inputs, value_set, decision, notes = from_fields(mine)
        self.runner.write(planner_ops.save_activity, inputs, hour_value_set=value_set,
                          decision=decision, notes=notes, activity_id=record.id,
                          expected_version=record.version, handles=(ConflictError,
                                                                    ValidationError),
                          failed=refused, parent=self)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        quotes = len(row.record.quotes)
        question = (tr("Delete “{name}” and its %n quote(s)?", "", quotes) if quotes
                    else tr("Delete “{name}”?")).format(name=row.record.inputs.name)
        if ask.confirm(self, APP_NAME, question):
            self._write(planner_ops.delete_activity, row.id, row.record.version)

    # --- quotes --------------------------------------------------------------------------
    def _contractor_choices(self) -> list[tuple[int, str]]:
        rows = contractors.list_rows(self.store, include_archived=False)
        return sorted(((r.id, r.display_name) for r in rows), key=lambda c: c[1].casefold())

    def add_quote(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        rates = {r.id: (to_major_text(r.rate_minor, r.currency), r.rate_unit, r.currency)
                 for r in contractors.list_rows(self.store, include_archived=False)
                 if r.rate_minor is not None and r.currency}
        dialog = QuoteDialog(self._contractor_choices(), currency=self.currency, parent=self,
                             rates=rates)
        if not dialog.exec() or dialog.result_data is None:
            return
        quote, notes = dialog.result_data
        self._write(planner_ops.add_quote, row.id, quote, notes,
                    expected_version=row.record.version)

    def remove_quote(self) -> None:
        row, quote = self.selected_row(), self.selected_quote()
        if row is not None and quote is not None and ask.confirm(
                self, APP_NAME,
                tr("Remove the quote from {source}?").format(source=quote.quote.source)):
            self._write(planner_ops.delete_quote, row.id, quote.id, row.record.version)

    def start_engagement(self) -> None:
        """Open the engagement editor for the chosen quote's contractor, titled after the
        activity; the engagement saved remembers the activity it does."""
        row, quote = self.selected_row(), self.selected_quote()
        if row is None or quote is None or quote.quote.contractor_id is None:
            return
        contractor_id = quote.quote.contractor_id
        choices = self._contractor_choices()
        if all(c[0] != contractor_id for c in choices):
            self._warn(tr("{name} is no longer an active contractor in the roster.")
                       .format(name=quote.quote.source))
            return
        # The engagement starts on the quote's terms: its rate, unit and currency.
        q = quote.quote
        country = contractors.get_row(self.store, contractor_id).country
        suggested = {contractor_id: terms_from_rate(q.rate_minor, q.unit.value, q.currency,
                                                    country)}
        dialog = EngagementDialog(None, choices, payment_rules(self.store), self,
                                  contractor_id=contractor_id, defaults=suggested)
        dialog.editors["title"].setText(row.record.inputs.name)  # type: ignore[attr-defined]
        if not dialog.exec() or dialog.result_data is None:
            return
        self._write(planner_ops.start_engagement, dialog.result_data, row.id)

    # --- settings ------------------------------------------------------------------------
    def edit_owner_value(self) -> None:
        version = self.settings_version
        current = "" if self.owner_value is None else to_major_text(self.owner_value,
                                                                    self.currency)
        while True:
            text = ask.text(
                self, tr("Owner's hour value"),
                tr("What an hour of your time is worth, in {currency} (blank: not set):")
                .format(currency=self.currency), current)
            if text is None:
                return
            try:
                value = parse_amount(text, self.currency) if text.strip() else None
            except ValueError as exc:
                self._warn(tr("Value of an hour {problem}.").format(problem=exc))
                current = text
                continue
            break
        self._write(planner_ops.set_owner_hour_value, value, version)

    def edit_rates(self) -> None:
        version = self.settings_version
        dialog = ExchangeRatesDialog(self.rates, self.currency, self)
        if dialog.exec() and dialog.result_data is not None:
            self._write(planner_ops.set_exchange_rates, dialog.result_data, version)

    def _write(self, op, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("done", None)
        self.runner.write(op, *args, handles=(ConflictError, ValidationError),
                          failed=self._refused, parent=self, **kwargs)

    def _refused(self, exc: BaseException) -> None:
        self._warn(_message(exc))
        if isinstance(exc, ConflictError):  # changed elsewhere: show it as it is now
            self.refresh()

    def _select_later(self, activity_id: int) -> None:
        self._wanted = activity_id

    def _warn(self, message: str) -> None:
        ask.warn(self, message)


def _edited(record: planner.ActivityRecord) -> dict[str, object]:
    return activity_fields(record.inputs, record.hour_value_set, record.decision, record.notes)


def _shown_here(changes: Changes) -> bool:
    # Quotes and "done by" name contractors and engagements; rates and hour value are settings.
    return changes.touches("activities", "settings", "engagements", "contractors")


def _message(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(f"{line}." for line in error_lines(exc, {**LABELS, **ENGAGEMENT_LABELS}))
    return str(exc)


__all__ = ["ExchangeRatesDialog", "PlannerView"]
