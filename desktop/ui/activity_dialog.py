"""Add or edit a planner activity, and add a quote for one.

The activity editor shows the planner's recommendation live as the scores and hours change;
both editors check as you type and name each field that is wrong under it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.enums import PlannerDecision, RateUnit
from desktop.core.money import format_money, to_major_text
from desktop.core.planner import (
    LABELS,
    ActivityInputs,
    Quote,
    Recommendation,
    Thresholds,
    monthly_cost,
    recommend,
    validate_activity,
    validate_quote,
)
from desktop.core.reference import COMMON_CURRENCIES, currencies
from desktop.core.validation import ValidationError
from desktop.store.planner import ActivityRecord
from desktop.ui.colours import muted_style
from desktop.ui.fields import (
    ChoiceCombo,
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

IMPORTANCE_HINTS = {1: QT_TR_NOOP("barely touches revenue or costs"),
                    2: QT_TR_NOOP("helps a little"), 3: QT_TR_NOOP("matters somewhat"),
                    4: QT_TR_NOOP("clearly moves the bottom line"),
                    5: QT_TR_NOOP("the business lives on it")}
COMPETENCE_HINTS = {1: QT_TR_NOOP("nobody here knows how"), 2: QT_TR_NOOP("we muddle through"),
                    3: QT_TR_NOOP("we are fair at it"), 4: QT_TR_NOOP("we are good at it"),
                    5: QT_TR_NOOP("we are among the best at it")}
ADVICE_STYLE = "font-weight: 600;"


class _Checked(QDialog):
    """What both editors share: editors by field name, a FieldBox each, errors as you type."""

    editors: dict[str, QWidget]
    boxes: dict[str, FieldBox]

    def _setup_checks(self) -> None:
        self._touched: set[str] = set()
        self._errors: dict[str, str] = {}
        self.summary = error_summary()
        self.buttons = save_cancel(self)

    def _raw(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QSpinBox):
                out[name] = editor.value()
            elif isinstance(editor, (EnumCombo, ChoiceCombo, LookupCombo, TextArea)):
                out[name] = editor.value()
            else:
                out[name] = editor.text()  # type: ignore[attr-defined]
        return out

    def _show_errors(self, errors: Mapping[str, str], show_all: bool) -> None:
        self._errors = dict(errors)
        shown = [n for n in self.editors if n in errors and (show_all or n in self._touched)]
        for name, editor in self.editors.items():
            mark_invalid(editor, name in shown)
            self.boxes[name].set_error(field_message(LABELS.get(name, name), errors[name])
                                       if name in shown else None, below=show_all)
        self.summary.setText(fix_summary(shown, errors, LABELS))
        self.summary.setVisible(bool(shown))

    def _focus_first_error(self) -> None:
        first = next((n for n in self.editors if n in self._errors), None)
        if first:
            self.editors[first].setFocus()


def _score_row(spin: QSpinBox, hints: dict[int, str]) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    hint = QLabel()
    hint.setStyleSheet(muted_style())

    def show(value: int) -> None:
        hint.setText(f"{value} — {tr(hints[value])}")

    spin.valueChanged.connect(show)
    show(spin.value())
    layout.addWidget(spin)
    layout.addWidget(hint, 1)
    return row


class ActivityDialog(_Checked):
    """``result_data`` after Save: (inputs, hour_value_set, decision, notes)."""

    def __init__(self, record: ActivityRecord | None, *, currency: str,
                 default_hour_value_minor: int | None, thresholds: Thresholds | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Edit activity") if record else tr("New activity"))
        self.result_data: tuple[ActivityInputs, bool, PlannerDecision, str] | None = None
        self._default = default_hour_value_minor
        self._thresholds = thresholds or Thresholds()
        self._decision_chosen = record is not None
        self.recommendation: Recommendation | None = None
        self._setup_checks()
        self._build(currency)
        self._load(record, currency)
        self._touched.clear()
        self._validate(show_all=False)
        self.editors["name"].setFocus()

    def _build(self, currency: str) -> None:
        importance, competence = QSpinBox(), QSpinBox()
        for spin in (importance, competence):
            spin.setRange(1, 5)
            spin.setValue(3)
            spin.setMaximumWidth(60)
        e = self.editors = {
            "name": QLineEdit(), "hours_per_month": QLineEdit(),
            "importance": importance, "competence": competence,
            "hour_value": QLineEdit(), "currency": LookupCombo(currencies().items(), common=COMMON_CURRENCIES),
            "decision": EnumCombo(PlannerDecision), "notes": TextArea(3),
        }
        e["name"].setPlaceholderText(tr("e.g. Bookkeeping and payroll"))
        e["hours_per_month"].setPlaceholderText(tr("e.g. 12.5"))
        for name in ("hours_per_month", "hour_value"):
            e[name].setMaximumWidth(140)
        combo: LookupCombo = e["currency"]  # type: ignore[assignment]
        combo.setSizeAdjustPolicy(LookupCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        self.default_note = QLabel()
        self.default_note.setStyleSheet(muted_style())
        self._set_placeholder(currency)

        rows: dict[str, QWidget] = {
            "importance": _score_row(importance, IMPORTANCE_HINTS),
            "competence": _score_row(competence, COMPETENCE_HINTS),
        }
        value_row = QWidget()
        value_layout = QHBoxLayout(value_row)
        value_layout.setContentsMargins(0, 0, 0, 0)
        value_layout.addWidget(e["hour_value"])
        value_layout.addWidget(self.default_note, 1)
        rows["hour_value"] = value_row
        self.boxes = {name: FieldBox(rows.get(name, editor)) for name, editor in e.items()}

        self.advice = QLabel()
        self.advice.setStyleSheet(ADVICE_STYLE)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(muted_style())
        self.reason.setMinimumWidth(420)

        form = QFormLayout()
        labels = {"name": tr("Activity*"), "hours_per_month": tr("Hours per month*"),
                  "importance": tr("Importance to the bottom line"),
                  "competence": tr("In-house competence"), "hour_value": tr("Value of an hour"),
                  "currency": tr("Currency"), "decision": tr("Your decision"),
                  "notes": tr("Notes")}
        for name in ("name", "hours_per_month", "importance", "competence", "hour_value",
                     "currency"):
            form.addRow(labels[name], self.boxes[name])
        form.addRow(tr("Recommendation"), self.advice)
        form.addRow("", self.reason)
        form.addRow(labels["decision"], self.boxes["decision"])
        form.addRow(labels["notes"], self.boxes["notes"])

        for name, editor in e.items():
            if isinstance(editor, QSpinBox):
                signal = editor.valueChanged
            elif isinstance(editor, LookupCombo):
                signal = editor.currentTextChanged
            elif isinstance(editor, EnumCombo):
                signal = editor.currentIndexChanged
            elif isinstance(editor, TextArea):
                signal = editor.changed
            else:
                signal = editor.textChanged  # type: ignore[attr-defined]
            signal.connect(lambda *_, n=name: self._on_edit(n))

        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addStretch(1)
        outer.addWidget(self.summary)
        outer.addWidget(self.buttons)
        self.resize(620, 480)

    def _set_placeholder(self, currency: str) -> None:
        editor: QLineEdit = self.editors["hour_value"]  # type: ignore[assignment]
        if self._default is None:
            editor.setPlaceholderText("0.00")
            self.default_note.setText(tr("required: no default value of an hour is set"))
        else:
            editor.setPlaceholderText(to_major_text(self._default, currency))
            self.default_note.setText(tr("blank uses the owner's default, {amount}").format(
                amount=format_money(self._default, currency)))

    def _load(self, record: ActivityRecord | None, currency: str) -> None:
        e = self.editors
        e["currency"].set_value(record.inputs.currency if record else currency)  # type: ignore[attr-defined]
        if record is None:
            return
        inputs = record.inputs
        e["name"].setText(inputs.name)  # type: ignore[attr-defined]
        e["hours_per_month"].setText(f"{inputs.hours_per_month:f}")  # type: ignore[attr-defined]
        e["importance"].setValue(inputs.importance)  # type: ignore[attr-defined]
        e["competence"].setValue(inputs.competence)  # type: ignore[attr-defined]
        if record.hour_value_set:
            e["hour_value"].setText(  # type: ignore[attr-defined]
                to_major_text(inputs.hour_value_minor, inputs.currency))
        e["decision"].set_value(record.decision.value)  # type: ignore[attr-defined]
        e["notes"].setPlainText(record.notes)  # type: ignore[attr-defined]

    def _on_edit(self, name: str) -> None:
        if name == "decision":
            self._decision_chosen = True
        self._touched.add(name)
        self._validate(show_all=False)

    def _validate(self, show_all: bool) -> ActivityInputs | None:
        raw = self._raw()
        try:
            inputs: ActivityInputs | None = validate_activity(
                raw, default_hour_value_minor=self._default)
            errors: dict[str, str] = {}
        except ValidationError as exc:
            inputs, errors = None, {e.field: e.message for e in exc.errors}
        self._show_errors(errors, show_all)
        self._show_recommendation(raw, errors)
        return inputs

    def _show_recommendation(self, raw: dict[str, object], errors: Mapping[str, str]) -> None:
        """The advice needs only the hours and scores, so it shows before the form is valid."""
        if any(f in errors for f in ("hours_per_month", "importance", "competence")):
            self.recommendation = None
            self.advice.setText("—")
            self.reason.setText(tr("Type the hours per month to see what the planner advises."))
            return
        probe = validate_activity({**raw, "name": "x", "currency": "USD", "hour_value": "0"})
        self.recommendation = recommend(probe, self._thresholds)
        self.advice.setText(self.recommendation.decision.label)
        self.reason.setText(self.recommendation.reason)
        if not self._decision_chosen:
            combo: EnumCombo = self.editors["decision"]  # type: ignore[assignment]
            combo.blockSignals(True)
            combo.set_value(self.recommendation.decision.value)
            combo.blockSignals(False)

    def accept(self) -> None:
        inputs = self._validate(show_all=True)
        if inputs is None:
            self._focus_first_error()
            return
        hour_value_set = bool(str(self._raw()["hour_value"]).strip())
        decision = PlannerDecision(self.editors["decision"].value())  # type: ignore[attr-defined]
        self.result_data = (inputs, hour_value_set, decision,
                       self.editors["notes"].value())  # type: ignore[attr-defined]
        super().accept()


class QuoteDialog(_Checked):
    """A quote for an activity, from a roster contractor or a named source.
    ``result_data`` after Save: (quote, notes)."""

    def __init__(self, contractors: Sequence[tuple[int, str]], *, currency: str,
                 parent: QWidget | None = None,
                 rates: Mapping[int, tuple[str, str, str]] | None = None):
        """``rates``: each roster contractor's (rate, unit, currency), filled in when they
        are chosen unless those fields were typed in."""
        super().__init__(parent)
        self.setWindowTitle(tr("Add quote"))
        self.result_data: tuple[Quote, str] | None = None
        self._names = dict(contractors)
        self._rates = dict(rates or {})
        self._auto_source = ""
        self._setup_checks()
        e = self.editors = {
            "contractor_id": ChoiceCombo(contractors, blank=tr("(not in the roster)")),
            "source": QLineEdit(), "rate": QLineEdit(), "unit": EnumCombo(RateUnit),
            "currency": LookupCombo(currencies().items(), common=COMMON_CURRENCIES),
            "estimated_hours_per_month": QLineEdit(), "fixed_months": QLineEdit(),
            "notes": QLineEdit(),
        }
        e["source"].setPlaceholderText(tr("who quoted, e.g. an agency in Porto"))
        e["rate"].setPlaceholderText("0.00")
        e["estimated_hours_per_month"].setPlaceholderText(tr("e.g. 10"))
        e["fixed_months"].setPlaceholderText("1")
        for name in ("rate", "estimated_hours_per_month", "fixed_months"):
            e[name].setMaximumWidth(140)
        combo: LookupCombo = e["currency"]  # type: ignore[assignment]
        combo.setSizeAdjustPolicy(LookupCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        combo.set_value(currency)
        self.boxes = {name: FieldBox(editor) for name, editor in e.items()}
        self.cost = QLabel()
        self.cost.setStyleSheet(muted_style())
        form = QFormLayout()
        labels = {**LABELS, "contractor_id": tr("Roster contractor"), "source": tr("Quote from*"),
                  "rate": tr("Rate*"), "estimated_hours_per_month": tr("Est. hours per month"),
                  "notes": tr("Notes")}
        for name in e:
            form.addRow(labels[name], self.boxes[name])
        form.addRow("", self.cost)
        for name, editor in e.items():
            if isinstance(editor, LookupCombo):
                signal = editor.currentTextChanged
            elif isinstance(editor, (EnumCombo, ChoiceCombo)):
                signal = editor.currentIndexChanged
            else:
                signal = editor.textChanged  # type: ignore[attr-defined]
            signal.connect(lambda *_, n=name: self._on_edit(n))
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.summary)
        outer.addWidget(self.buttons)
        self.resize(520, 380)
        self._validate(show_all=False)

    def _raw(self) -> dict[str, object]:
        raw = super()._raw()
        raw["contractor_id"] = "" if raw["contractor_id"] in ("", "None") else raw["contractor_id"]
        return raw

    def _on_edit(self, name: str) -> None:
        if name == "contractor_id":  # the contractor's name is the source unless one was typed
            source: QLineEdit = self.editors["source"]  # type: ignore[assignment]
            chosen = self.editors["contractor_id"].value()  # type: ignore[attr-defined]
            name_of = self._names.get(int(chosen), "") if chosen.isdigit() else ""
            if not source.text().strip() or source.text() == self._auto_source:
                source.setText(name_of)
            self._auto_source = name_of
            rate = self._rates.get(int(chosen)) if chosen.isdigit() else None
            if rate is not None:
                for field, value in zip(("rate", "unit", "currency"), rate, strict=True):
                    if field not in self._touched and value:
                        editor = self.editors[field]
                        if isinstance(editor, QLineEdit):
                            editor.setText(value)
                        else:
                            editor.set_value(value)  # type: ignore[attr-defined]
                        self._touched.discard(field)  # filled in, not typed
        self._touched.add(name)
        self._validate(show_all=False)

    def _validate(self, show_all: bool) -> Quote | None:
        unit = self.editors["unit"].value()  # type: ignore[attr-defined]
        self.editors["fixed_months"].setEnabled(unit == RateUnit.FIXED.value)
        raw = self._raw()
        try:
            quote: Quote | None = validate_quote(raw)
            errors: dict[str, str] = {}
        except ValidationError as exc:
            quote, errors = None, {e.field: e.message for e in exc.errors}
        self._show_errors(errors, show_all)
        if quote is not None:
            self.cost.setText(tr("About {amount} a month").format(
                amount=format_money(monthly_cost(quote), quote.currency)))
        else:
            self.cost.setText("")
        return quote

    def accept(self) -> None:
        quote = self._validate(show_all=True)
        if quote is None:
            self._focus_first_error()
            return
        self.result_data = (quote, self.editors["notes"].text())  # type: ignore[attr-defined]
        super().accept()
