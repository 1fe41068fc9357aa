"""Rules with legal sources, read from and saved to their tables as plain core objects."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.deadlines import PaymentRule
from desktop.core.i18n import _
from desktop.core.validation import ConflictError
from desktop.store.db import Store
from desktop.store.models import PaymentRule as PaymentRuleRow

_FIELDS = ("country", "region", "name", "written_contract_from_minor", "currency",
           "aggregation_days", "default_payment_days", "max_payment_days", "effective_from",
           "source", "checked_on", "max_kind", "applies_in", "cities", "aggregation_window",
           "interest_reference", "interest_margin_bp", "compensation")


@dataclass(frozen=True)
class RuleRecord:
    id: int
    version: int
    rule: PaymentRule


def payment_rules(store: Store) -> list[PaymentRule]:
    return [r.rule for r in rule_records(store)]


def rule_records(store: Store) -> list[RuleRecord]:
    with store.reading() as session:
        return _records_in(session)


def payment_rules_in(session: Session) -> list[PaymentRule]:
    """``payment_rules`` read in a session already open (one reading for several tables)."""
    return [r.rule for r in _records_in(session)]


def _records_in(session: Session) -> list[RuleRecord]:
    query = select(PaymentRuleRow).order_by(PaymentRuleRow.country, PaymentRuleRow.region,
                                            PaymentRuleRow.id)
    return [_record(r) for r in session.scalars(query)]


def add_rule(store: Store, rule: PaymentRule) -> RuleRecord:
    with store.transaction() as session:
        row = PaymentRuleRow()
        _apply(row, rule)
        session.add(row)
        session.flush()
        return _record(row)


def update_rule(store: Store, rule_id: int, rule: PaymentRule, expected_version: int) -> RuleRecord:
    try:
        with store.transaction() as session:
            row = _load(session, rule_id, expected_version)
            _apply(row, rule)
            session.flush()
            return _record(row)
    except StaleDataError:
        raise _changed(rule_id) from None


def delete_rule(store: Store, rule_id: int, expected_version: int) -> None:
    try:
        with store.transaction() as session:
            session.delete(_load(session, rule_id, expected_version))
    except StaleDataError:
        raise _changed(rule_id) from None


def _load(session, rule_id: int, expected_version: int) -> PaymentRuleRow:  # type: ignore[no-untyped-def]
    row = session.get(PaymentRuleRow, rule_id)
    if row is None:
        raise ConflictError(_("rule {id} no longer exists").format(id=rule_id))
    if row.version != expected_version:
        raise _changed(rule_id)
    return row


def _changed(rule_id: int) -> ConflictError:
    return ConflictError(_("rule {id} was changed elsewhere after you opened it; reload and "
                           "make your change again").format(id=rule_id))


def _apply(row: PaymentRuleRow, rule: PaymentRule) -> None:
    stored = {"applies_in": " ".join(rule.applies_in), "cities": "; ".join(rule.cities),
              "compensation": ";".join(f"{low}={amount}" for low, amount in rule.compensation)}
    for name in _FIELDS:
        value = stored.get(name, getattr(rule, name))
        if getattr(row, name, None) != value:
            setattr(row, name, value)


def _record(row: PaymentRuleRow) -> RuleRecord:
    values = {f: getattr(row, f) for f in _FIELDS}
    values["applies_in"] = tuple(row.applies_in.split())
    values["cities"] = tuple(c.strip() for c in row.cities.split(";") if c.strip())
    values["compensation"] = tuple(
        (int(low), int(amount)) for low, _sep, amount in
        (band.partition("=") for band in row.compensation.split(";") if band))
    return RuleRecord(row.id, row.version, PaymentRule(**values))
