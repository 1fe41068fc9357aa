"""The signing gate: what must be true before an engagement may be marked signed.

Each blocker says what is wrong, what fixes it, and where (so the window can take the owner
straight to the field). The rules with legal sources come in as data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.deadlines import (
    CALENDAR_YEAR,
    CAP,
    PaymentRule,
    blocks,
    limit_text,
    rules_for,
    window_key,
)
from desktop.core.engagement import LABELS, EngagementData
from desktop.core.enums import DataAccess
from desktop.core.exit_plan import ESSENTIAL_LABELS, ExitPlanData, missing_essentials
from desktop.core.i18n import _, ngettext
from desktop.core.money import format_money

if TYPE_CHECKING:
    from desktop.core.risk import ReviewResult


@dataclass(frozen=True)
class Blocker:
    code: str
    message: str  # what is wrong
    fix: str  # what makes it right
    where: str  # "engagement.<field>", "contractor.<field>", "review", "exit_plan", "documents"


@dataclass(frozen=True)
class GateInputs:
    engagement: EngagementData
    value_minor: int | None  # the whole engagement, in its currency
    # Work with this contractor in the same currency, this one included, summed over each
    # window a rule names (deadlines.window_key: "days:120", "calendar_year").
    window_totals: Mapping[str, int]
    has_written_contract: bool
    identity_verified: bool
    review: ReviewResult | None
    exit_plan: ExitPlanData | None
    copyrightable: bool
    rules: Sequence[PaymentRule]
    default_written_contract_from: tuple[int, str] | None  # the owner's own threshold, if any
    today: dt.date
    # False while no review is saved: ``review`` then scores the questions as all open, so
    # the list shows everything that will block, not only what a review would uncover later.
    reviewed: bool = True


SENSITIVE = (DataAccess.PERSONAL_DATA, DataAccess.CREDENTIALS_FINANCE)


def blockers(g: GateInputs) -> list[Blocker]:
    d = g.engagement
    found: list[Blocker] = []
    rules = rules_for(g.rules, d.jurisdiction_country, d.jurisdiction_region, g.today,
                      d.jurisdiction_city)

    if g.review is None or not g.reviewed:
        found.append(Blocker("no_review", _("No risk review has been done for this engagement."),
                             _("Answer the risk review questions."), "review"))

    if not g.has_written_contract:
        need = _written_contract_needed(g, rules)
        if need:
            found.append(Blocker("written_contract", need,
                                 _("Attach the signed written contract to the engagement."),
                                 "documents"))

    for rule in rules:
        if blocks(rule, d.payment_terms_days, d.longer_terms_reason):
            found.append(Blocker("payment_terms", _terms_message(d, rule), _terms_fix(rule),
                                 "engagement.payment_terms_days"))

    # An impact scored on a figure nobody gave (no annual revenue set) requires nothing.
    if g.review is not None and max(
            (a.impact for a in g.review.areas.values() if a.impact_known), default=0) >= 3:
        missing = missing_essentials(g.exit_plan)
        if missing:
            found.append(Blocker(
                "exit_plan", _("The exit plan does not yet say {missing}, and a failure here "
                               "would hurt (impact 3 or more).").format(
                    missing="; ".join(ESSENTIAL_LABELS[m] for m in missing)),
                _("Complete those parts of the exit plan."), "exit_plan"))

    if not g.identity_verified:
        found.append(Blocker(
            "identity", _("The contractor's identity has not been verified."),
            _("Hold a video call, check an ID against the contract and payee name, and record "
              "the date on the contractor."), "contractor.identity_verified_on"))
    if g.review is not None:
        from desktop.core.risk_catalog import question

        for area in g.review.areas.values():
            for question_id in area.starred:
                found.append(Blocker(
                    "starred", _("A serious warning sign is present: {question}").format(
                        question=question(question_id).text),
                    _("Resolve it and change the answer, or do not sign."),
                    f"review.{question_id}"))
            for question_id in area.unanswered:
                if question(question_id).star:
                    # Leaving a key check blank must never be a way round it.
                    found.append(Blocker(
                        "starred_unanswered", _("A key check is not answered: {question}").format(
                            question=question(question_id).text),
                        _("Do the check and answer it."), f"review.{question_id}"))

    if g.copyrightable and not d.ip_assignment_signed:
        found.append(Blocker(
            "ip_assignment", _("The work creates copyright, but no IP assignment is signed."),
            _("Get the rights assigned to the business in writing, then tick {field}.").format(
                field=LABELS["ip_assignment_signed"]), "engagement.ip_assignment_signed"))

    if d.data_access in SENSITIVE and d.nda_signed_on is None:
        found.append(Blocker(
            "data_protection", _unprotected(d.data_access),
            _("Have an NDA with data-protection terms signed and record its date."),
            "engagement.nda_signed_on"))

    if g.review is not None:
        for area, result in g.review.areas.items():
            if result.band.value == "critical":
                found.append(Blocker(
                    "critical", _("{area} risk is Critical (likelihood {likelihood} × impact "
                                  "{impact}).").format(area=area.label,
                                                       likelihood=result.likelihood,
                                                       impact=result.impact),
                    _("Lower the likelihood (answer the open checks, fix the risky ones) or the "
                      "impact before signing."), f"review.{area.value}"))
    return found


def _terms_message(d: EngagementData, rule: PaymentRule) -> str:
    n = d.payment_terms_days or 0
    return ngettext("Payment terms of net {n} day go beyond what the {rule} allows: {limit} "
                    "({source}).",
                    "Payment terms of net {n} days go beyond what the {rule} allows: {limit} "
                    "({source}).", n).format(n=n, rule=rule.name, limit=limit_text(rule),
                                             source=rule.source)


def _terms_fix(rule: PaymentRule) -> str:
    n = rule.max_payment_days or 0
    if rule.max_kind == CAP:
        return ngettext("Shorten the payment terms to {n} day or fewer.",
                        "Shorten the payment terms to {n} days or fewer.", n).format(n=n)
    return ngettext("Shorten the payment terms to {n} day or fewer, or, if the contractor "
                    "expressly agreed to longer terms that are not grossly unfair, record why "
                    "under “{field}”.",
                    "Shorten the payment terms to {n} days or fewer, or, if the contractor "
                    "expressly agreed to longer terms that are not grossly unfair, record why "
                    "under “{field}”.", n).format(n=n, field=LABELS["longer_terms_reason"])


def _unprotected(access: DataAccess) -> str:
    if access is DataAccess.CREDENTIALS_FINANCE:
        return _("The contractor gets credentials / finance access without an NDA or "
                 "data-protection terms.")
    return _("The contractor gets personal data access without an NDA or data-protection "
             "terms.")


def _written_contract_needed(g: GateInputs, rules: Sequence[PaymentRule]) -> str | None:
    d = g.engagement
    for rule in rules:
        threshold = rule.written_contract_from_minor
        if threshold is None or rule.currency != d.currency:
            continue
        alone = g.value_minor is not None and g.value_minor >= threshold
        key = window_key(rule)
        total = None if key is None else g.window_totals.get(key)
        summed = total is not None and total >= threshold
        if alone or summed:
            amount = g.value_minor if alone else total
            assert amount is not None
            facts = {"rule": rule.name, "threshold": format_money(threshold, rule.currency),
                     "amount": format_money(amount, d.currency), "source": rule.source}
            if alone:
                return _("The {rule} requires a written contract from {threshold}, and this "
                         "engagement is worth {amount} ({source}).").format(**facts)
            if key == CALENDAR_YEAR:
                return _("The {rule} requires a written contract from {threshold}, and work "
                         "with this contractor in a calendar year adds up to {amount} "
                         "({source}).").format(**facts)
            days = rule.aggregation_days or 0
            return ngettext("The {rule} requires a written contract from {threshold}, and work "
                            "with this contractor over {n} day adds up to {amount} ({source}).",
                            "The {rule} requires a written contract from {threshold}, and work "
                            "with this contractor over {n} days adds up to {amount} ({source}).",
                            days).format(n=days, **facts)
    if g.default_written_contract_from and g.value_minor is not None:
        threshold, currency = g.default_written_contract_from
        if currency == d.currency and g.value_minor >= threshold:
            return _("Your own rule asks for a written contract from {threshold}, and this "
                     "engagement is worth {amount}.").format(
                threshold=format_money(threshold, currency),
                amount=format_money(g.value_minor, d.currency))
    return None
