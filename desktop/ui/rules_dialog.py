"""Settings ▸ Payment rules: the statutory rules Crewbook checks terms against, editable."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.core.deadlines import PaymentRule, limit_text, place_text, window_text
from desktop.core.rule_validation import RULE_LABELS, compensation_text, validate_rule
from desktop.core.money import format_money, to_major_text
from desktop.operations import settings
from desktop.store import rules
from desktop.store.rules import RuleRecord
from desktop.ui.runner import Runner
from desktop.ui.sourced_dialog import SourcedDialog, SourcedForm, SourcedModel

_COLUMNS = ("Where", "Rule", "Written contract from", "Default days", "Longest terms",
            "Source", "Checked on")


def _cells(record: RuleRecord) -> tuple[str, ...]:
    rule = record.rule
    threshold = ("" if rule.written_contract_from_minor is None
                 else format_money(rule.written_contract_from_minor, rule.currency))
    if threshold and rule.aggregation_days:
        threshold += f" over {rule.aggregation_days} days"
    return (f"{rule.country} {rule.region}".strip(), rule.name, threshold,
            _days(rule.default_payment_days), limit_text(rule) if rule.max_payment_days else "",
            rule.source,
            rule.checked_on.isoformat())


def _days(value: int | None) -> str:
    return "" if value is None else f"{value} days"


class RulesModel(SourcedModel[RuleRecord]):
    def __init__(self, parent: Any = None):
        super().__init__(_COLUMNS, _cells, lambda record: record.rule.source, parent)


class RuleForm(SourcedForm[PaymentRule]):
    """One rule's fields, each checked when saved."""

    def __init__(self, rule: PaymentRule | None, parent: QWidget | None = None):
        values = None if rule is None else {
            "country": rule.country, "region": rule.region, "name": rule.name,
            "written_contract_from": "" if rule.written_contract_from_minor is None
            else to_major_text(rule.written_contract_from_minor, rule.currency),
            "currency": rule.currency, "aggregation_days": rule.aggregation_days,
            "default_payment_days": rule.default_payment_days,
            "max_payment_days": rule.max_payment_days,
            "effective_from": rule.effective_from, "source": rule.source,
            "checked_on": rule.checked_on, "max_kind": rule.max_kind}
        super().__init__("Edit payment rule" if rule else "New payment rule", RULE_LABELS,
                         validate_rule, values,
                         {"country": "US, GB, EU …",
                          "region": "state or region code, e.g. NY (optional)",
                          "effective_from": "YYYY-MM-DD", "checked_on": "YYYY-MM-DD",
                          "max_kind": "cap (never longer) or agreed (longer only if expressly "
                                      "agreed)"}, parent)

    @property
    def result_rule(self) -> PaymentRule | None:
        return self.result_value


class RulesDialog(SourcedDialog[RuleRecord]):
    add_op, update_op, delete_op = settings.add_rule, settings.update_rule, settings.delete_rule

    def __init__(self, runner: Runner, parent: QWidget | None = None):
        super().__init__(
            runner, "Payment rules",
            "Crewbook warns when an engagement's payment terms or value go beyond the rule for "
            "its jurisdiction. These rules are data: check each source and keep them current "
            "for where you do business. Not legal advice.", RulesModel(), 5, parent)

    def load(self) -> list[RuleRecord]:
        return rules.rule_records(self.store)

    def form(self, record: RuleRecord | None) -> RuleForm:
        return RuleForm(None if record is None else record.rule, self)

    def name(self, record: RuleRecord) -> str:
        return record.rule.name

    def labels_of(self, field: str) -> str:
        return RULE_LABELS.get(field, super().labels_of(field))
