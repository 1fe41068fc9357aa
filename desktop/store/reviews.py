"""Risk reviews and the signing gate. A review that a signing relied on is frozen for good;
reviewing again afterwards starts a new record."""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.blockers import Blocker, GateInputs, blockers
from desktop.core.deadlines import PaymentRule, rules_for, window_key, window_start
from desktop.core.engagement import (
    NOT_CONTRACTS,
    EngagementData,
    check_move,
    contract_value,
    validate_engagement,
)
from desktop.core.enums import EngagementStatus
from desktop.core.i18n import _
from desktop.core.risk import Answer, ImpactInputs, Replacement, ReviewResult, score_review
from desktop.core.risk_catalog import CATALOG_VERSION
from desktop.core.validation import Blocked, ConflictError, FieldError, ValidationError
from desktop.store import engagements
from desktop.store.db import Store
from desktop.store.engagements import EngagementRecord
from desktop.store.exit_plans import get_in as get_exit_plan
from desktop.store.models import BusinessProfile, Contractor, Document, Engagement, RiskReview
from desktop.store.models.base import utcnow
from desktop.store.rules import payment_rules_in
from desktop.store.versions import gone, load, touch


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    engagement_id: int
    version: int
    catalog_version: str
    answers: dict[str, Answer]
    replacement: Replacement | None
    deadline_hardness: int | None
    copyrightable: bool
    reviewer: str
    reviewed_at: dt.datetime | None
    frozen_at: dt.datetime | None
    changed_by: str = ""  # who saved it last
    updated_at: dt.datetime | None = None
    signed_terms: dict[str, object] | None = None  # the engagement's terms when it was signed


def latest(store: Store, engagement_id: int) -> ReviewRecord | None:
    with store.reading() as session:
        row = _latest(session, engagement_id)
        return None if row is None else _record(row)


def save(store: Store, engagement_id: int, *, answers: dict[str, Answer],
         replacement: Replacement | None, deadline_hardness: int | None, copyrightable: bool,
         reviewer: str, expected_version: int | None) -> ReviewRecord:
    """Save the review being worked on. After a signing froze the last one, this is a new
    review; otherwise it updates the version that was read. The review is part of its
    engagement, whose version moves with it (a signing relies on it)."""
    record = engagements.get(store, engagement_id)
    result = _score(store, record, answers, replacement, deadline_hardness)
    try:
        with store.transaction() as session:
            touch(load(session, Engagement, engagement_id, None, "engagement"))
            row = _latest(session, engagement_id)
            if row is None or row.frozen_at is not None:
                if (expected_version is not None and row is not None
                        and row.version != expected_version):
                    raise ConflictError(_("the review was signed off elsewhere; reload it"))
                row = RiskReview(engagement_id=engagement_id)
                session.add(row)
            elif row.version != expected_version:
                raise _review_changed()
            row.catalog_version = CATALOG_VERSION
            row.answers = {k: {"value": a.value, "evidence": a.evidence}
                           for k, a in answers.items()}
            row.replacement_time = "" if replacement is None else replacement.value
            row.deadline_hardness = deadline_hardness
            row.copyrightable = copyrightable
            row.reviewer = reviewer.strip()
            row.reviewed_at = utcnow()
            row.area_results = {a.value: {"likelihood": r.likelihood, "impact": r.impact,
                                          "band": r.band.value} for a, r in result.areas.items()}
            row.overall_band = result.overall.value
            session.flush()
            return _record(row)
    except StaleDataError:
        raise _review_changed() from None


def _review_changed() -> ConflictError:
    return ConflictError(_("the review was changed elsewhere after you opened it; reload it"))


def check(store: Store, engagement_id: int, today: dt.date) -> tuple[list[Blocker],
                                                                     ReviewResult | None]:
    """Every blocker that stands between this engagement and signing, and the review's score."""
    inputs, result = gate_inputs(store, engagement_id, today)
    return blockers(inputs), result


def gate_inputs(store: Store, engagement_id: int,
                today: dt.date) -> tuple[GateInputs, ReviewResult | None]:
    with store.reading() as session:
        read = read_gate(session, engagement_id, today)
    return read.inputs, read.result


@dataclass(frozen=True)
class GateRead:
    """What the gate reads, with the rows it read them from, for a report that shows more of
    the same rows without reading them again (``contractor`` and ``profile`` belong to the
    session they were read in)."""

    record: EngagementRecord
    review: ReviewRecord | None
    result: ReviewResult | None  # None before any review
    inputs: GateInputs
    contractor: Contractor
    profile: BusinessProfile | None


def read_gate(session: Session, engagement_id: int, today: dt.date) -> GateRead:
    """The gate's inputs, each table read once, in a session already open."""
    obj = engagements._load(session, engagement_id)
    contractor = session.get(Contractor, obj.contractor_id)
    if contractor is None:
        raise gone("contractor", obj.contractor_id)
    record = engagements._record(session, obj, contractor.display_name)
    d = record.data
    row = _latest(session, engagement_id)
    review = None if row is None else _record(row)
    profile = session.get(BusinessProfile, 1)
    result = None if review is None else _scored(profile, record, review.answers,
                                                 review.replacement, review.deadline_hardness)
    # Before any review, the gate scores every question as open: one full list of what
    # blocks signing, the same in the pane, the review, the refusal and the PDF.
    gated = result if result is not None else _scored(profile, record, {}, None, None)
    plan = get_exit_plan(session, engagement_id)
    value = _safe_value(d)
    has_contract = session.scalar(
        select(Document.id).where(Document.engagement_id == engagement_id,
                                  Document.kind == "contract").limit(1)) is not None
    rules = payment_rules_in(session)
    totals = _window_totals(session, record, value, rules, today)
    default = None
    if profile is not None and profile.written_contract_from_minor is not None:
        default = (profile.written_contract_from_minor, profile.base_currency)
    inputs = GateInputs(
        engagement=d, value_minor=value, window_totals=totals,
        has_written_contract=has_contract,
        identity_verified=contractor.identity_verified_on is not None,
        review=gated, exit_plan=None if plan is None else plan.plan,
        copyrightable=True if review is None else review.copyrightable,
        rules=rules, default_written_contract_from=default, today=today,
        reviewed=review is not None)
    return GateRead(record, review, result, inputs, contractor, profile)


def sign(store: Store, engagement_id: int, expected_version: int, *, on: dt.date,
         by: str) -> EngagementRecord:
    """Mark signed only when no blocker holds, freezing the review the signing relied on."""
    try:  # the status path first: a draft is not "blocked", it is simply not ready
        check_move(engagements.get(store, engagement_id).status, EngagementStatus.SIGNED)
    except ValueError as exc:
        raise ValidationError([FieldError("status", str(exc))]) from None
    found, _result = check(store, engagement_id, on)
    if found:
        raise Blocked(found)
    with store.transaction() as session:  # signed and frozen together, or neither
        record = engagements.move_in(session, engagement_id, EngagementStatus.SIGNED,
                                     expected_version, on=on, by=by)
        freeze_in(session, record)
    return record


def score_signed(record: EngagementRecord, review: ReviewRecord,
                 profile: BusinessProfile | None) -> tuple[ReviewResult, EngagementData | None]:
    """A frozen review scored on the terms it was signed on: the risk as it stood at signing.
    Also returns those terms; None when they were not kept (then today's terms are used).
    ``profile`` is the business profile, read by the caller."""
    terms = None
    if review.signed_terms is not None:
        with suppress(ValidationError):  # kept under rules this version no longer accepts
            terms = validate_engagement(review.signed_terms)
    scored = record if terms is None else replace(record, data=terms)
    return (_scored(profile, scored, review.answers, review.replacement,
                    review.deadline_hardness), terms)


def freeze_in(session: Session, record: EngagementRecord) -> None:
    """Freeze the latest review as the one a signing relied on, with the terms signed."""
    row = _latest(session, record.id)
    if row is not None and row.frozen_at is None:
        row.frozen_at = utcnow()
        row.signed_terms = record.data.to_raw()


# --- helpers -------------------------------------------------------------------------------
def _latest(session: Session, engagement_id: int) -> RiskReview | None:
    return session.scalar(select(RiskReview).where(RiskReview.engagement_id == engagement_id)
                          .order_by(RiskReview.id.desc()).limit(1))


def _record(row: RiskReview) -> ReviewRecord:
    answers = {k: Answer(v.get("value"), v.get("evidence", ""))
               for k, v in (row.answers or {}).items()}
    return ReviewRecord(row.id, row.engagement_id, row.version, row.catalog_version, answers,
                        Replacement(row.replacement_time) if row.replacement_time else None,
                        row.deadline_hardness, row.copyrightable, row.reviewer, row.reviewed_at,
                        row.frozen_at, row.changed_by, row.updated_at, row.signed_terms)


def annual_revenue(store: Store, currency: str) -> int | None:
    """The business's annual revenue when it is set in ``currency`` (amounts in different
    currencies are never compared), else None: financial impact is then unknown."""
    with store.reading() as session:
        return _revenue(session.get(BusinessProfile, 1), currency)


def _revenue(profile: BusinessProfile | None, currency: str) -> int | None:
    if profile is not None and profile.base_currency == currency:
        return profile.annual_revenue_minor
    return None


def _score(store: Store, record: EngagementRecord, answers: dict[str, Answer],
           replacement: Replacement | None, hardness: int | None) -> ReviewResult:
    with store.reading() as session:
        profile = session.get(BusinessProfile, 1)
    return _scored(profile, record, answers, replacement, hardness)


def _scored(profile: BusinessProfile | None, record: EngagementRecord,
            answers: dict[str, Answer], replacement: Replacement | None,
            hardness: int | None) -> ReviewResult:
    impacts = ImpactInputs(_safe_value(record.data), _revenue(profile, record.data.currency),
                           replacement, hardness, record.data.data_access)
    return score_review(answers, impacts, record.data.jurisdiction_country,
                        record.data.jurisdiction_region)


def _safe_value(data) -> int | None:  # type: ignore[no-untyped-def]
    try:
        return contract_value(data)
    except ValidationError:
        return None


def _window_totals(session: Session, record: EngagementRecord, value: int | None,
                   rules: list[PaymentRule], today: dt.date) -> dict[str, int]:
    """For each window the engagement's rules sum over: this engagement plus the contractor's
    others in the same currency that started within it. Drafts and cancelled ones are not
    contracts; terminated ones were."""
    if value is None:
        return {}
    d = record.data
    start = d.start_on or today
    keys = {window_key(r) for r in rules_for(rules, d.jurisdiction_country,
                                              d.jurisdiction_region, today, d.jurisdiction_city)}
    starts = {key: window_start(key, start) for key in sorted(k for k in keys if k is not None)}
    if not starts:
        return {}
    # One read for every window: the widest, each window then takes its own part of it.
    others = [(o.start_on, _safe_value(engagements._data(o)) or 0) for o in session.scalars(
        select(Engagement).where(Engagement.contractor_id == d.contractor_id,
                                 Engagement.id != record.id,
                                 Engagement.currency == d.currency,
                                 Engagement.status.not_in(NOT_CONTRACTS),
                                 Engagement.start_on >= min(starts.values()),
                                 Engagement.start_on <= start))]
    return {key: value + sum(v for on, v in others if on >= first)
            for key, first in starts.items()}
