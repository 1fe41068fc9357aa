"""Settings ▸ Payment rules: the statutory rules Crewbook checks terms against, editable."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.core.deadlines import PaymentRule, limit_text, place_text, window_text
from desktop.core.formats import date_text
from desktop.core.late_payment import percent_text
from desktop.core.money import format_money, to_major_text
from desktop.core.rule_validation import RULE_LABELS, compensation_text, validate_rule
from desktop.operations import settings
from desktop.store import rules
from desktop.store.rules import RuleRecord
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.sourced_dialog import SourcedDialog, SourcedForm, SourcedModel

_COLUMNS = (QT_TR_NOOP("Where"), QT_TR_NOOP("Rule"), QT_TR_NOOP("Written contract from"),
            QT_TR_NOOP("Default days"), QT_TR_NOOP("Longest terms"),
            QT_TR_NOOP("Late-payment interest"), QT_TR_NOOP("Source"), QT_TR_NOOP("Checked on"))


def _cells(record: RuleRecord) -> tuple[str, ...]:
    rule = record.rule
    threshold = ("" if rule.written_contract_from_minor is None
                 else format_money(rule.written_contract_from_minor, rule.currency))
    if threshold and window_text(rule):
        threshold += f" {window_text(rule)}"
    interest = ""
    if rule.interest_reference and rule.interest_margin_bp is not None:
        interest = f"{rule.interest_reference} + {percent_text(rule.interest_margin_bp)}"
        if rule.compensation:
            interest += ", " + " / ".join(format_money(amount, rule.currency)
                                          for _, amount in rule.compensation)
    return (place_text(rule), rule.name, threshold,
            _days(rule.default_payment_days), limit_text(rule) if rule.max_payment_days else "",
            interest, rule.source, date_text(rule.checked_on))


def _days(value: int | None) -> str:
    return "" if value is None else tr("%n day(s)", "", value)


class RulesModel(SourcedModel[RuleRecord]):
    def __init__(self, parent: Any = None):
        super().__init__(tuple(tr(column) for column in _COLUMNS), _cells,
                         lambda record: record.rule.source, parent)


class RuleForm(SourcedForm[PaymentRule]):
    """One rule's fields, each checked when saved."""

    def __init__(self, rule: PaymentRule | None, parent: QWidget | None = None):
        values = None if rule is None else {
            "country": rule.country, "region": rule.region, "name": rule.name,
            "written_contract_from": "" if rule.written_contract_from_minor is None
            else to_major_text(rule.written_contract_from_minor, rule.currency),
            "currency": rule.currency, "aggregation_window": rule.aggregation_window,
            "aggregation_days": rule.aggregation_days,
            "default_payment_days": rule.default_payment_days,
            "max_payment_days": rule.max_payment_days,
            "effective_from": rule.effective_from, "source": rule.source,
            "checked_on": rule.checked_on, "max_kind": rule.max_kind,
            "applies_in": " ".join(rule.applies_in), "cities": "; ".join(rule.cities),
            "interest_reference": rule.interest_reference,
            "interest_margin": "" if rule.interest_margin_bp is None
            else percent_text(rule.interest_margin_bp).removesuffix(" %"),
            "compensation": compensation_text(rule.compensation, rule.currency)}
        super().__init__(tr("Edit payment rule") if rule else tr("New payment rule"),
                         RULE_LABELS, validate_rule, values,
                         {"country": tr("US, GB, EU …"),
                          "region": tr("state or region code, e.g. NY (optional)"),
                          "effective_from": tr("YYYY-MM-DD"), "checked_on": tr("YYYY-MM-DD"),
                          "max_kind": tr("cap (never longer) or agreed (longer only if "
                                         "expressly agreed)"),
                          "applies_in": tr("for a group such as EU: its countries' codes"),
                          "cities": tr("for a city ordinance: its names, separated by ;"),
                          "aggregation_window": tr("days or calendar year (blank: each "
                                                   "contract alone)"),
                          "interest_reference": tr("ECB or BOE: a series under Reference "
                                                   "rates"),
                          "interest_margin": tr("points over the reference rate, e.g. 8"),
                          "compensation": tr("debt from=sum; e.g. 0=40; 1000=70; 10000=100")},
                         parent)

    @property
    def result_rule(self) -> PaymentRule | None:
        return self.result_value


class RulesDialog(SourcedDialog[RuleRecord]):
    add_op, update_op, delete_op = settings.add_rule, settings.update_rule, settings.delete_rule

    def __init__(self, runner: Runner, parent: QWidget | None = None):
        super().__init__(
            runner, tr("Payment rules"),
            tr("Crewbook warns when an engagement's payment terms or value go beyond the rule "
               "for its jurisdiction. These rules are data: check each source and keep them "
               "current for where you do business. Not legal advice."), RulesModel(), 5, parent)

    def load(self) -> list[RuleRecord]:
        return rules.rule_records(self.store)

    def form(self, record: RuleRecord | None) -> RuleForm:
        return RuleForm(None if record is None else record.rule, self)

    def name(self, record: RuleRecord) -> str:
        return record.rule.name

    def labels_of(self, field: str) -> str:
        return RULE_LABELS.get(field, super().labels_of(field))
