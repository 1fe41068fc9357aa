"""The demo data a newcomer sees: contractors and engagements in every state, dated around
today so the dashboard has something to say. Clearly flagged, removable in one action."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.core.contractor import ContractorData, validate_contractor
from desktop.core.engagement import (
    BINDING,
    EngagementData,
    contract_value,
    notice_phrase,
    planned_schedule,
    validate_engagement,
)
from desktop.core.enums import EngagementStatus
from desktop.core.exit_plan import validate_exit_plan
from desktop.core.i18n import N_
from desktop.core.money import format_money
from desktop.core.planner import recommend, validate_activity, validate_quote
from desktop.core.risk import Answer, Replacement
from desktop.core.risk_catalog import QUESTIONS, SCALE, question
from desktop.core.schedule import Milestone
from desktop.core.validation import ValidationError
from desktop.store import (
    communication,
    contractors,
    demo_links,
    documents,
    engagements,
    exit_plans,
    payments,
    planner,
    reviews,
)
from desktop.store.db import Store
from desktop.store.models import RiskReview

_PATH = ["draft", "in_review", "signed"]


def _resource(name: str) -> Any:
    return json.loads(files("desktop.resources").joinpath(f"demo/{name}").read_text("utf-8"))


def demo_roster() -> list[ContractorData]:
    return [validate_contractor(item) for item in _resource("contractors.json")]


def load_demo(store: Store, today: dt.date | None = None) -> int:
    """Add the demo data unless it is already there; returns how many contractors were added.
    One transaction (the store calls below join it): a failure, or the program being killed,
    leaves none of it behind, and the check sees what another program may have just loaded."""
    today = today or dt.date.today()
    with store.transaction(N_("loading the demo data")):
        if has_demo(store):
            return 0
        added = contractors.create_many(store, demo_roster(), is_demo=True)
        ids = {r.data.display_name: r.id for r in added}
        for item in _resource("engagements.json"):
            _add_engagement(store, item, ids[item["contractor"]], today)
        _add_activities(store, ids)
    return len(added)


def has_demo(store: Store) -> bool:
    return contractors.count(store, include_archived=True, demo=True) > 0


def remove_demo(store: Store) -> int:
    with store.transaction(N_("removing the demo data")):
        demo_links.unlink(store)  # the owner's records keep a note, not a silent blank
        planner.delete_demo(store)
        remove_files = documents.forget_demo(store)
        removed = contractors.delete_demo(store)
    remove_files()
    return removed


def _add_activities(store: Store, ids: dict[str, int]) -> None:
    """The planner's example activities, quoted by demo contractors or by named sources."""
    titles = {row.title: row.id for row in engagements.list_rows(store)}
    for item in _resource("activities.json"):
        inputs = validate_activity(item)
        activity_id = planner.save(store, inputs, decision=recommend(inputs).decision,
                                   notes=item["notes"], is_demo=True)
        if "engagement" in item:
            planner.link_engagement(store, titles[item["engagement"]], activity_id)
        for raw in item["quotes"]:
            quote = validate_quote({
                "source": raw.get("contractor") or raw["source"],
                "contractor_id": ids.get(raw.get("contractor", "")),
                "rate": raw["rate"], "unit": raw["unit"], "currency": raw["currency"],
                "estimated_hours_per_month": raw["hours_per_month"]})
            planner.add_quote(store, activity_id, quote)


def _add_engagement(store: Store, item: dict[str, Any], contractor_id: int,
                    today: dt.date) -> None:
    def day(offset: int | None) -> str:
        return "" if offset is None else (today + dt.timedelta(days=offset)).isoformat()

    raw = {k: v for k, v in item.items() if k in EngagementData.__dataclass_fields__
           or k in ("amount", "rate")}
    raw.update(contractor_id=contractor_id, start_on=day(item["start"]), end_on=day(item["end"]),
               payment_terms_days=str(item.get("net_days", "")),
               notice_period=str(item.get("notice_period", "")),
               nda_signed_on=day(item.get("nda_signed_on")))
    data = validate_engagement(raw)
    record = engagements.create(store, data, is_demo=True)
    target = EngagementStatus(item["status"])
    start = data.start_on or today
    steps = (["cancelled"] if target is EngagementStatus.CANCELLED
             else _PATH[1:_PATH.index(target.value) + 1] if target.value in _PATH
             else [*_PATH[1:], target.value])
    for step in steps:
        on = min(start, today) - dt.timedelta(days=2)
        if step in ("completed", "terminated", "cancelled"):
            on = today + dt.timedelta(days=item.get("ended", 0))
        record = engagements.move(store, record.id, step, record.version, on=on,
                                  by="Sam (owner)", reason=item.get("reason", ""))
    if "review" in item:
        _review(store, record.id, safe=item["review"] == "safe")
    elif target in BINDING:  # signed work was reviewed, and the signing froze that review
        _review(store, record.id, safe=True)
        with store.transaction() as session:
            reviews.freeze_in(session, record)
            signed_at = dt.datetime.combine(record.signed_on or today, dt.time(12),
                                            tzinfo=dt.UTC)
            for row in session.scalars(select(RiskReview).where(
                    RiskReview.engagement_id == record.id)):  # dated as the history it tells
                row.reviewed_at = row.frozen_at = signed_at
    if target in BINDING:  # and signed on paper: the contract is on file
        _attach_contract(store, record.id, data, item["contractor"])
    if item.get("exit_plan"):
        exit_plans.save(store, record.id, validate_exit_plan({
            "for_convenience": True, "convenience_notice_days": "5", "for_cause": True,
            "cure_days": "3", "handover_work": "Raw footage and project files to our drive",
            "data_disposition": "return", "access_revocation": "Shared drive folder",
            "knowledge_transfer": "Short call to walk through the edit", "pro_rata_pay": True}),
            None)
    if target in (EngagementStatus.DRAFT, EngagementStatus.CANCELLED):
        return
    milestones = [Milestone(label, (data.start_on or today) + dt.timedelta(days=offset),
                            percent=Decimal(percent))
                  for label, offset, percent in item.get("milestones", [])]
    rows = payments.replace_schedule(store, record.id, planned_schedule(data, milestones))
    for index, days_after_due in item.get("payments", []):
        if index >= len(rows):  # month lengths vary with today's date
            continue
        inst = rows[index]
        paid_on = inst.due_on + dt.timedelta(days=days_after_due)
        if paid_on <= today:
            payments.record_payment(store, inst.id, amount_minor=inst.amount_minor,
                                    currency=inst.currency, paid_on=paid_on,
                                    method="bank transfer", reference=f"DEMO-{inst.id}",
                                    invoice_number=f"INV-{1000 + inst.id}", today=today,
                                    is_demo=True)
    for offset, channel, summary, follow_up in item.get("log", []):
        communication.add_log_entry(store, record.id,
                                    logged_on=today + dt.timedelta(days=offset),
                                    channel=channel, summary=summary,
                                    follow_up_on=None if follow_up is None
                                    else today + dt.timedelta(days=follow_up))
    if "rating" in item:
        quality, timeliness, talk, value, rehire, comment = item["rating"]
        engagements.rate(store, record.id, engagements.RatingData(
            quality, timeliness, talk, value, rehire, comment), record.ended_on or today)


def _attach_contract(store: Store, engagement_id: int, data: EngagementData,
                     contractor: str) -> None:
    """A short written contract for a signed demo engagement, attached as its contract."""
    try:
        value = format_money(contract_value(data) or 0, data.currency)
    except ValidationError:
        value = "as invoiced"
    text = "\n".join((
        f"CONTRACT FOR SERVICES (demo) — {data.title}", "",
        f"Between the business and {contractor}.", "",
        f"Scope: {data.scope or 'as agreed in writing'}",
        f"Deliverables: {data.deliverables or 'as agreed in writing'}",
        f"Acceptance: {data.acceptance_criteria or 'on the owner’s written approval'}",
        f"Price: {value} ({data.pricing_model.label.lower()})",
        f"Dates: {data.start_on or 'on signing'} to {data.end_on or 'completion'}",
        f"Payment: within {data.payment_terms_days or 30} days of each invoice",
        f"Notice: {notice_phrase(data.notice_period, data.notice_unit) or 'none agreed'}",
        f"Intellectual property: {data.ip_terms or 'assigned to the business on payment'}", "",
        "Signed by both parties. This document is part of Crewbook's demo data."))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"Contract - {data.title}.txt"
        source.write_text(text + "\n", encoding="utf-8")
        documents.attach(store, engagement_id=engagement_id, kind="contract", source=source,
                         title="Signed contract (demo)")


def _review(store: Store, engagement_id: int, *, safe: bool) -> None:
    """A finished review that passes, or one showing several warning signs."""
    answers = {q.id: Answer(1 if q.kind == SCALE else (not q.risky), "Checked for the demo")
               for q in QUESTIONS}
    if not safe:
        for question_id in ("financial.upfront_over_cap", "strategic.control",
                            "operational.references"):
            q = question(question_id)
            answers[question_id] = Answer(5 if q.kind == SCALE else q.risky,
                                          "Demo: a warning sign")
        answers.pop("operational.identity_match", None)
    reviews.save(store, engagement_id, answers=answers,
                 replacement=Replacement.UNDER_WEEK if safe else Replacement.MONTHS_1_2,
                 deadline_hardness=2 if safe else 4, copyrightable=safe,
                 reviewer="Sam (owner)", expected_version=None)
