"""Reviews saved and frozen; signing refused while a blocker holds, against a real file."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.enums import EngagementStatus
from desktop.core.exit_plan import validate_exit_plan
from desktop.core.risk import Answer, Replacement
from desktop.core.risk_catalog import QUESTIONS, SCALE, Area
from desktop.core.validation import ConflictError
from desktop.store import contractors, engagements, exit_plans, reviews
from desktop.store.db import Store
from desktop.store.reviews import Blocked
from tests.factories import make_contractor, make_engagement

TODAY = dt.date(2026, 11, 25)


def safe() -> dict[str, Answer]:
    return {q.id: Answer(1 if q.kind == SCALE else (not q.risky), "checked") for q in QUESTIONS}


@pytest.fixture
def in_review(store: Store) -> engagements.EngagementRecord:
    who = contractors.create(store, make_contractor(identity_verified_on="2026-11-01")).id
    record = engagements.create(store, make_engagement(
        who, jurisdiction_country="US", jurisdiction_region="TX", ip_assignment_signed="yes",
        amount="500"))
    return engagements.move(store, record.id, "in_review", record.version, on=TODAY)


def save(store: Store, engagement_id: int, answers: dict[str, Answer], version: int | None,
         replacement: Replacement = Replacement.UNDER_WEEK) -> reviews.ReviewRecord:
    return reviews.save(store, engagement_id, answers=answers, replacement=replacement,
                        deadline_hardness=2, copyrightable=True, reviewer="Sam",
                        expected_version=version)


def test_review_round_trips_and_refuses_stale_saves(store: Store, in_review) -> None:  # type: ignore[no-untyped-def]
    first = save(store, in_review.id, safe(), None)
    assert reviews.latest(store, in_review.id) == first
    assert first.answers["operational.identity_match"].evidence == "checked"
    second = save(store, in_review.id, safe(), first.version)
    assert second.id == first.id and second.version == first.version + 1
    with pytest.raises(ConflictError):
        save(store, in_review.id, safe(), first.version)


def test_signing_is_refused_until_every_blocker_is_fixed(store: Store, in_review) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Blocked) as refused:
        reviews.sign(store, in_review.id, in_review.version, on=TODAY, by="Sam")
    # Before a review: the review is missing, and its key checks are still open.
    codes = [b.code for b in refused.value.blockers]
    assert codes[0] == "no_review" and set(codes[1:]) <= {"starred_unanswered", "critical",
                                                        "exit_plan"}
    answers = safe()
    answers["financial.payee_mismatch"] = Answer(True, "asked for gift cards")
    review = save(store, in_review.id, answers, None, Replacement.MONTHS_1_2)
    with pytest.raises(Blocked) as refused:
        reviews.sign(store, in_review.id, in_review.version, on=TODAY, by="Sam")
    assert {b.code for b in refused.value.blockers} >= {"starred", "exit_plan"}
    assert engagements.get(store, in_review.id).status is EngagementStatus.IN_REVIEW

    save(store, in_review.id, safe(), review.version, Replacement.MONTHS_1_2)
    exit_plans.save(store, in_review.id, validate_exit_plan({
        "for_cause": True, "handover_work": "Files", "data_disposition": "destroy",
        "access_revocation": "Drive"}), None)
    with pytest.raises(ConflictError):  # the review and the plan moved the engagement on
        reviews.sign(store, in_review.id, in_review.version, on=TODAY, by="Sam")
    current = engagements.get(store, in_review.id)
    signed = reviews.sign(store, in_review.id, current.version, on=TODAY, by="Sam")
    assert signed.status is EngagementStatus.SIGNED
    frozen = reviews.latest(store, in_review.id)
    assert frozen is not None and frozen.frozen_at is not None

    again = save(store, in_review.id, safe(), frozen.version)
    assert again.id != frozen.id and again.frozen_at is None  # a new review after signing


def test_signing_and_freezing_the_review_land_together_or_not_at_all(
        store: Store, in_review, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    save(store, in_review.id, safe(), None)
    exit_plans.save(store, in_review.id, validate_exit_plan({
        "for_cause": True, "handover_work": "Files", "data_disposition": "destroy",
        "access_revocation": "Drive"}), None)

    def disk_full():  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    before = engagements.get(store, in_review.id)
    monkeypatch.setattr(reviews, "utcnow", disk_full)  # fails while freezing the review
    with pytest.raises(OSError):
        reviews.sign(store, in_review.id, before.version, on=TODAY, by="Sam")
    record = engagements.get(store, in_review.id)
    assert (record.status, record.signed_on, record.version) == \
        (EngagementStatus.IN_REVIEW, None, before.version)
    assert reviews.latest(store, in_review.id).frozen_at is None


def test_unverified_identity_blocks(store: Store) -> None:
    who = contractors.create(store, make_contractor()).id
    record = engagements.create(store, make_engagement(
        who, jurisdiction_country="US", jurisdiction_region="TX", ip_assignment_signed="yes",
        amount="500"))
    record = engagements.move(store, record.id, "in_review", record.version, on=TODAY)
    save(store, record.id, safe(), None)
    found, result = reviews.check(store, record.id, TODAY)
    # Annual revenue is not set: the financial impact is scored as 3 but requires nothing.
    assert [b.code for b in found] == ["identity"] and result is not None
    assert not result.areas[Area.FINANCIAL].impact_known


def test_a_contract_large_against_revenue_needs_the_exit_plan(store: Store) -> None:
    from desktop.store.models import BusinessProfile

    with store.transaction() as session:  # 500 USD of 5,000 USD a year: impact 4
        session.add(BusinessProfile(id=1, base_currency="USD", annual_revenue_minor=500_000))
    who = contractors.create(store, make_contractor(identity_verified_on="2026-11-01")).id
    record = engagements.create(store, make_engagement(
        who, jurisdiction_country="US", jurisdiction_region="TX", ip_assignment_signed="yes",
        amount="500"))
    record = engagements.move(store, record.id, "in_review", record.version, on=TODAY)
    save(store, record.id, safe(), None)
    found, result = reviews.check(store, record.id, TODAY)
    assert [b.code for b in found] == ["exit_plan"] and "impact 3 or more" in found[0].message
    assert result is not None and result.areas[Area.FINANCIAL].impact == 4


def test_written_contract_rule_sums_the_window(store: Store) -> None:
    who = contractors.create(store, make_contractor(identity_verified_on="2026-11-01")).id
    fields = dict(jurisdiction_country="US", jurisdiction_region="NY", ip_assignment_signed="yes",
                  amount="500", start_on="2026-10-01", end_on="2026-10-31")
    earlier = engagements.create(store, make_engagement(who, **fields))
    engagements.move(store, earlier.id, "in_review", earlier.version, on=TODAY)
    later = engagements.create(store, make_engagement(who, **{**fields, "start_on": "2026-11-15",
                                                              "end_on": "2026-11-30"}))
    later = engagements.move(store, later.id, "in_review", later.version, on=TODAY)
    save(store, later.id, safe(), None)
    found, _ = reviews.check(store, later.id, TODAY)
    assert [b.code for b in found] == ["written_contract"]
    assert "$1,000.00" in found[0].message



def test_net_45_in_illinois_is_blocked_and_in_california_only_warned(store: Store) -> None:
    who = contractors.create(store, make_contractor(identity_verified_on="2026-11-01")).id
    found = {}
    for region in ("IL", "CA"):
        record = engagements.create(store, make_engagement(
            who, jurisdiction_country="US", jurisdiction_region=region,
            ip_assignment_signed="yes", amount="200", payment_terms_days="45"))
        record = engagements.move(store, record.id, "in_review", record.version, on=TODAY)
        save(store, record.id, safe(), None)
        found[region] = reviews.check(store, record.id, TODAY)[0]
    (illinois,) = [b for b in found["IL"] if b.code == "payment_terms"]
    assert "at most 30 days" in illinois.message and "15(b)(3)" in illinois.message
    assert not [b for b in found["CA"] if b.code == "payment_terms"]
