"""Add or edit an engagement: the brief, the price, the terms and how you will keep in touch.

Checked as you type like the contractor editor; it also says what the brief still lacks and
which statutory payment rule the terms go beyond.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import parse_date
from desktop.core.deadlines import (
    PaymentRule,
    past_agreed_limit,
    rules_for,
    term_warnings,
    written_contract_rule,
)
from desktop.core.engagement import (
    LABELS,
    EngagementData,
    brief_gaps,
    contract_value,
    notice_warning,
    validate_engagement,
)
from desktop.core.enums import (
    BillingPeriod,
    Channel,
    CheckInCadence,
    DataAccess,
    NoticeUnit,
    PricingModel,
)
from desktop.core.money import format_money
from desktop.core.reference import COMMON_CURRENCIES, countries, currencies
from desktop.core.validation import ValidationError
from desktop.ui.colours import muted_style
from desktop.ui.discard import AsksBeforeDiscarding
from desktop.ui.fields import (
    ChoiceCombo,
    DateLine,
    EnumCombo,
    FieldBox,
    LookupCombo,
    TextArea,
    error_summary,
    field_message,
    fix_summary,
    mark_invalid,
    save_cancel,
)
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.screen_fit import fit_on_screen, scrolled

P = PricingModel
# Which price fields mean something for each pricing model; the rest are disabled.
RELEVANT = {
    "amount": (P.FIXED, P.MILESTONES, P.RETAINER),
    "rate": (P.HOURLY, P.DAILY),
    "estimated_hours": (P.HOURLY, P.DAILY),
    "billing_period": (P.RETAINER, P.HOURLY, P.DAILY),
}
NOTE_STYLE = {"ok": "color: #1b7f3b;", "todo": "color: #9a6700;", "warn": "color: #9a6700;"}


class EngagementDialog(AsksBeforeDiscarding, QDialog):
    def __init__(self, data: EngagementData | None, contractors: Sequence[tuple[int, str]],
                 rules: Sequence[PaymentRule], parent: QWidget | None = None, *,
                 contractor_id: int | None = None,
                 defaults: Mapping[int, Mapping[str, object]] | None = None):
        """``defaults``: for a new engagement, each contractor's suggested terms (their rate,
        currency, country: ``terms_from_rate``), filled in when they are chosen unless the
        field was already typed in."""
        super().__init__(parent)
        self.setWindowTitle(tr("Edit engagement") if data else tr("New engagement"))
        self.result_data: EngagementData | None = None
        self._rules = list(rules)
        self._touched: set[str] = set()
        self._filling = False  # suggested terms going in are not the user's typing
        self._defaults = {} if data is not None else dict(defaults or {})
        self._build(contractors)
        self._load(data or EngagementData(contractor_id=contractor_id or 0, title=""))
        self._touched.clear()  # filling the form is not typing in it
        if contractor_id:
            self._suggest(contractor_id)
        self.remember()
        self._touched.clear()
        self._validate(show_all=False)
        self.editors["title"].setFocus()

    # --- layout --------------------------------------------------------------------------
    def _build(self, contractors: Sequence[tuple[int, str]]) -> None:
        not_set = tr("(not set)")
        e = self.editors = {
            "contractor_id": ChoiceCombo(contractors, blank=tr("(choose a contractor)")),
            "title": QLineEdit(), "goals": TextArea(3), "scope": TextArea(3),
            "deliverables": TextArea(3), "acceptance_criteria": TextArea(3),
            "pricing_model": EnumCombo(PricingModel), "amount": QLineEdit(), "rate": QLineEdit(),
            "currency": LookupCombo(currencies().items(), common=COMMON_CURRENCIES),
            "billing_period": EnumCombo(BillingPeriod, blank=not_set),
            "estimated_hours": QLineEdit(), "hours_cap": QLineEdit(),
            "start_on": DateLine(), "end_on": DateLine(), "notice_period": QLineEdit(),
            "notice_unit": EnumCombo(NoticeUnit), "payment_terms_days": QLineEdit(),
            "longer_terms_reason": QLineEdit(), "ip_terms": TextArea(2),
            "ip_assignment_signed": QCheckBox(LABELS["ip_assignment_signed"]),
            "nda_signed_on": DateLine(), "data_access": EnumCombo(DataAccess),
            "subcontracting_allowed": QCheckBox(LABELS["subcontracting_allowed"]),
            "jurisdiction_country": LookupCombo(
                [("EU", tr("European Union")), *countries().items()], blank=not_set),
            "jurisdiction_region": QLineEdit(), "jurisdiction_city": QLineEdit(),
            "comm_channel": EnumCombo(Channel, blank=not_set),
            "comm_cadence": EnumCombo(CheckInCadence, blank=not_set),
            "comm_contact": QLineEdit(), "comm_overlap": QLineEdit(),
        }
        e["title"].setPlaceholderText(tr("What the work is called, e.g. Spring catalogue"))
        e["goals"].setPlaceholderText(
            tr("Why this work is being done and what success looks like"))
        e["scope"].setPlaceholderText(tr("What is in, and what is explicitly out"))
        e["deliverables"].setPlaceholderText(tr("What will be handed over, in which format"))
        e["acceptance_criteria"].setPlaceholderText(
            tr("How you will decide a deliverable is done"))
        e["ip_terms"].setPlaceholderText(tr("Who owns what is made, and any licence back"))
        e["jurisdiction_region"].setPlaceholderText(tr("NY", "an example state or region code"))
        e["jurisdiction_region"].setToolTip(tr("State or region code, e.g. NY"))
        e["jurisdiction_city"].setPlaceholderText(tr("City, e.g. Seattle"))
        e["longer_terms_reason"].setPlaceholderText(
            tr("Why the contractor expressly agreed to these terms"))
        e["longer_terms_reason"].setToolTip(
            tr("The law allows terms past this limit only when expressly agreed and not grossly "
               "unfair: record why, so the agreement is on file"))
        e["comm_contact"].setPlaceholderText(tr("Who they talk to on your side"))
        e["comm_overlap"].setPlaceholderText(tr("e.g. 14:00–17:00 UTC"))
        for name in ("amount", "rate"):
            e[name].setPlaceholderText("0.00")
        for name in ("amount", "rate", "estimated_hours", "hours_cap", "notice_period",
                     "payment_terms_days"):
            e[name].setMaximumWidth(140)
        e["jurisdiction_region"].setFixedWidth(60)
        e["jurisdiction_city"].setMinimumWidth(110)
        # Long currency and country names would otherwise widen their column of the form.
        for name in ("currency", "jurisdiction_country", "contractor_id"):
            combo: QComboBox = e[name]  # type: ignore[assignment]
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)

        for name, editor in e.items():
            if isinstance(editor, QCheckBox):
                signal = editor.toggled
            elif isinstance(editor, LookupCombo):
                signal = editor.currentTextChanged
            elif isinstance(editor, (EnumCombo, ChoiceCombo)):
                signal = editor.currentIndexChanged
            elif isinstance(editor, TextArea):
                signal = editor.changed
            else:
                signal = editor.textChanged  # type: ignore[attr-defined]
            signal.connect(lambda *_, n=name: self._on_edit(n))

        # A unit after an amount or a count says what it means under the chosen pricing.
        self.units = {name: QLabel() for name in ("amount", "rate", "estimated_hours",
                                                  "hours_cap")}

        def with_unit(name: str) -> QWidget:
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(e[name])
            layout.addWidget(self.units[name], 1)
            return row

        def pair(*parts: QWidget | str) -> QWidget:
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            for part in parts:
                layout.addWidget(QLabel(part) if isinstance(part, str) else part)
            layout.addStretch(1)
            return row

        shared = {
            ("start_on", "end_on"): pair(e["start_on"], tr("to", "from one date to another"),
                                         e["end_on"]),
            ("ip_assignment_signed", "subcontracting_allowed"):
                pair(e["ip_assignment_signed"], e["subcontracting_allowed"]),
            ("jurisdiction_country", "jurisdiction_region", "jurisdiction_city"):
                pair(e["jurisdiction_country"], e["jurisdiction_region"],
                     e["jurisdiction_city"]),
            ("notice_period", "notice_unit"): pair(e["notice_period"], e["notice_unit"]),
        }
        self.boxes: dict[str, FieldBox] = {}
        for names, row in shared.items():
            box = FieldBox(row)
            self.boxes.update(dict.fromkeys(names, box))
        for name in self.units:
            self.boxes[name] = FieldBox(with_unit(name))
        for name, editor in e.items():
            if name not in self.boxes:
                self.boxes[name] = FieldBox(editor)

        self.value_label = QLabel()
        self.value_label.setStyleSheet(muted_style())
        label_for = {"contractor_id": tr("Contractor*"), "title": tr("Title*"),
                     "estimated_hours": tr("Estimate"), "hours_cap": tr("Cap"),
                     "start_on": tr("Start – end"), "ip_assignment_signed": "",
                     "jurisdiction_country": tr("Jurisdiction"),
                     "longer_terms_reason": tr("Agreed because")}
        self.forms: dict[str, QFormLayout] = {}

        def group(title: str, names: list[str], extra: QWidget | None = None) -> QGroupBox:
            box = QGroupBox(tr(title))  # the forms are known by the English title
            outer = QVBoxLayout(box)
            form = QFormLayout()
            self.forms[title] = form
            for name in names:
                form.addRow(label_for.get(name, LABELS[name]), self.boxes[name])
            if extra is not None:
                form.addRow("", extra)
            outer.addLayout(form)
            outer.addStretch(1)  # spare height goes below the fields, not between them
            return box

        grid = QGridLayout()
        grid.addWidget(group(QT_TR_NOOP("The brief"), [
            "contractor_id", "title", "goals", "scope", "deliverables",
            "acceptance_criteria"]), 0, 0)
        grid.addWidget(group(QT_TR_NOOP("Communication plan"), [
            "comm_channel", "comm_cadence", "comm_contact", "comm_overlap"]), 1, 0)
        grid.addWidget(group(QT_TR_NOOP("Price"), [
            "pricing_model", "currency", "amount", "rate", "estimated_hours", "hours_cap",
            "billing_period"], self.value_label), 0, 1)
        grid.addWidget(group(QT_TR_NOOP("Terms"), [
            "start_on", "notice_period", "payment_terms_days", "longer_terms_reason",
            "jurisdiction_country", "ip_terms", "ip_assignment_signed", "nda_signed_on",
            "data_access"]), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.brief_line = QLabel()
        self.warning_line = QLabel()
        self.warning_line.setWordWrap(True)
        self.warning_line.setStyleSheet(NOTE_STYLE["warn"])
        self.summary = error_summary()
        self.buttons = save_cancel(self)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolled(grid), 1)
        outer.addWidget(self.brief_line)
        outer.addWidget(self.warning_line)
        outer.addWidget(self.summary)
        outer.addWidget(self.buttons)
        fit_on_screen(self, 1040, 720)

    # --- values --------------------------------------------------------------------------
    def _load(self, data: EngagementData) -> None:
        raw = data.to_raw()
        raw["contractor_id"] = data.contractor_id or ""
        self._fill(raw)

    def _suggest(self, contractor_id: int) -> None:
        """The chosen contractor's terms, in every field the user has not typed in."""
        suggested = self._defaults.get(contractor_id, {})
        self._fill({k: v for k, v in suggested.items() if k not in self._touched},
                   only_given=True)

    def _fill(self, raw: Mapping[str, object], only_given: bool = False) -> None:
        for name, editor in self.editors.items():
            if only_given and name not in raw:
                continue
            value = raw.get(name, "")
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, ChoiceCombo):
                editor.set_value(value)
            elif isinstance(editor, (EnumCombo, LookupCombo)):
                editor.set_value(str(value))
            elif isinstance(editor, TextArea):
                editor.setPlainText(str(value))
            else:
                editor.setText(str(value))  # type: ignore[attr-defined]

    def pricing(self) -> PricingModel:
        return PricingModel(self.editors["pricing_model"].value())  # type: ignore[attr-defined]

    def values(self) -> dict[str, object]:
        return self.raw()

    def raw(self) -> dict[str, object]:
        model = self.pricing()
        out: dict[str, object] = {}
        for name, editor in self.editors.items():
            if name in RELEVANT and model not in RELEVANT[name]:
                out[name] = ""  # kept in the editor in case the pricing is switched back
            elif isinstance(editor, QCheckBox):
                out[name] = editor.isChecked()
            elif isinstance(editor, (EnumCombo, ChoiceCombo, LookupCombo, TextArea)):
                out[name] = editor.value()
            else:
                out[name] = editor.text()  # type: ignore[attr-defined]
        return out

    # --- validation ----------------------------------------------------------------------
    def _on_edit(self, name: str) -> None:
        if self._filling:
            return
        self._touched.add(name)
        if name == "contractor_id" and self._defaults:
            chosen = self.editors["contractor_id"].value()  # type: ignore[attr-defined]
            if chosen:
                self._filling = True
                try:
                    self._suggest(int(chosen))
                finally:
                    self._filling = False
        self._validate(show_all=False)

    def _validate(self, show_all: bool) -> EngagementData | None:
        self._show_pricing()
        raw = self.raw()
        try:
            data: EngagementData | None = validate_engagement(raw)
            errors: dict[str, str] = {}
        except ValidationError as exc:
            data, errors = None, {e.field: e.message for e in exc.errors}
        lines: dict[FieldBox, list[str]] = {box: [] for box in self.boxes.values()}
        shown = [n for n in self.editors if n in errors and (show_all or n in self._touched)]
        for name, editor in self.editors.items():
            mark_invalid(editor, name in shown)
            if name in shown:
                lines[self.boxes[name]].append(field_message(LABELS[name], errors[name]))
        for box, messages in lines.items():
            box.set_error("; ".join(messages) or None, below=show_all)
        self.summary.setText(fix_summary(shown, errors, LABELS))
        self.summary.setVisible(bool(shown))
        self._errors = errors
        self._show_notes(raw, data)
        return data

    def _show_pricing(self) -> None:
        model = self.pricing()
        for name, models in RELEVANT.items():
            self.boxes[name].editor.setEnabled(model in models)
        period = self.editors["billing_period"].value()  # type: ignore[attr-defined]
        per = tr("per week") if period == BillingPeriod.WEEKLY else tr("per month")
        self.units["amount"].setText({P.FIXED: tr("in total"),
                                      P.MILESTONES: tr("in total, split by milestone"),
                                      P.RETAINER: per}.get(model, ""))
        self.units["rate"].setText({P.HOURLY: tr("per hour"),
                                    P.DAILY: tr("per day")}.get(model, ""))
        self.units["estimated_hours"].setText(
            {P.HOURLY: tr("hours"), P.DAILY: tr("days")}.get(model, tr("hours or days")))
        self.units["hours_cap"].setText({P.HOURLY: tr("hours at most"),
                                         P.DAILY: tr("days at most")}.get(
                                             model, tr("hours or days at most")))

    def _show_notes(self, raw: dict[str, object], data: EngagementData | None) -> None:
        def choice(enum, name: str):  # type: ignore[no-untyped-def]
            return enum(raw[name]) if raw[name] else None

        brief = EngagementData(
            contractor_id=0, title="", goals=str(raw["goals"]), scope=str(raw["scope"]),
            deliverables=str(raw["deliverables"]),
            acceptance_criteria=str(raw["acceptance_criteria"]),
            comm_channel=choice(Channel, "comm_channel"),
            comm_cadence=choice(CheckInCadence, "comm_cadence"),
            comm_contact=str(raw["comm_contact"]))
        gaps = brief_gaps(brief)
        self.brief_line.setText(tr("Still empty: {gaps}").format(gaps=", ".join(gaps)) if gaps
                                else tr("Brief complete"))
        self.brief_line.setStyleSheet(NOTE_STYLE["todo" if gaps else "ok"])

        # The terms are judged as typed, so a warning shows before the whole form is valid.
        country = str(raw["jurisdiction_country"]).strip().upper()
        region = str(raw["jurisdiction_region"]).strip().upper()
        days_text = str(raw["payment_terms_days"]).strip()
        days = int(days_text) if days_text.isdigit() else None
        try:
            start: dt.date | None = parse_date(str(raw["start_on"]))
        except ValueError:
            start = None
        city = str(raw["jurisdiction_city"]).strip()
        reason = str(raw["longer_terms_reason"]).strip()
        warnings = term_warnings(self._rules, country, region, days, start, city, reason)
        # Asked only where it matters: terms past a limit that express agreement may pass.
        self.forms["Terms"].setRowVisible(
            self.boxes["longer_terms_reason"],
            bool(reason) or past_agreed_limit(rules_for(self._rules, country, region, start,
                                                        city), days))
        if data:
            notice = notice_warning(data)
            if notice:
                warnings.append(notice)
            try:
                value = contract_value(data)
            except ValidationError:  # e.g. a retainer too large to total
                value = None
            written = written_contract_rule(self._rules, country, region, value, data.currency,
                                            start, city)
            if written:
                warnings.append(written)
            self.value_label.setText(
                tr("Contract value: {amount}").format(amount=format_money(value, data.currency))
                if value is not None else tr("Contract value: set by the work done"))
        else:
            self.value_label.setText(tr("Contract value: {amount}").format(amount="—"))
        self.warning_line.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warning_line.setVisible(bool(warnings))

    def accept(self) -> None:
        data = self._validate(show_all=True)
        if data is None:
            first = next(n for n in self.editors if n in self._errors)
            self.editors[first].setFocus()
            return
        self.result_data = data
        super().accept()
