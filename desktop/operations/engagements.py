"""Engagements: the contract, its status path and signing, the review, exit plan, documents,
ratings and the communication log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.core.engagement import EngagementData
from desktop.core.enums import EngagementStatus
from desktop.core.exit_plan import ExitPlanData
from desktop.core.i18n import N_, _
from desktop.core.text import checked, problem
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.operations.changes import Changes, Done
from desktop.store import (
    communication,
    contractors,
    documents,
    engagements,
    exit_plans,
    payments,
    reviews,
)
from desktop.store.communication import LogEntry
from desktop.store.db import Store
from desktop.store.documents import DocumentRecord
from desktop.store.engagements import EngagementRecord, RatingData
from desktop.store.exit_plans import ExitPlanRecord
from desktop.store.reviews import ReviewRecord


def touched(record: EngagementRecord) -> Changes:
    """An engagement and its contractor (whose relationship figures follow it)."""
    return Changes(engagements=frozenset({record.id}),
                   contractors=frozenset({record.data.contractor_id}))


def add(store: Store, data: EngagementData,
        activity_id: int | None = None) -> Done[EngagementRecord]:
    record = engagements.create(store, data, activity_id=activity_id)
    changes = touched(record)
    if activity_id is not None:
        changes |= Changes(activities=frozenset({activity_id}))
    return Done(record, changes)


def edit(store: Store, engagement_id: int, data: EngagementData,
         expected_version: int) -> Done[EngagementRecord]:
    before = engagements.get(store, engagement_id)
    record = engagements.update(store, engagement_id, data, expected_version)
    # Moving an engagement to another contractor changes both contractors' figures.
    return Done(record, touched(record) | touched(before))


def move(store: Store, engagement_id: int, status: EngagementStatus, expected_version: int, *,
         on: dt.date, by: str = "", reason: str = "",
         cancel_later: bool = False) -> Done[EngagementRecord]:
    """Move along the status path; signing always passes the risk gate (reviews.Blocked).
    Terminating with ``cancel_later`` also cancels the unpaid installments falling due after
    ``on`` (``payments.falling_due_after``), in the same transaction: only what fell due by
    the end stays owed."""
    by, reason = checked("by", by), checked("reason", reason, multiline=True)
    if status is EngagementStatus.SIGNED:
        with store.transaction(N_("signing an engagement")):  # signed and made active together
            record = reviews.sign(store, engagement_id, expected_version, on=on, by=by)
            contractors.activate_prospect(store, record.data.contractor_id)
        return Done(record, touched(record))
    with store.transaction(N_("ending an engagement")):
        record = engagements.move(store, engagement_id, status, expected_version, on=on, by=by,
                                  reason=reason)
        cancelled = (payments.cancel_falling_due_after(store, engagement_id, on)
                     if cancel_later and status is EngagementStatus.TERMINATED else [])
    return Done(record, touched(record) | Changes(installments=frozenset(cancelled)))


def rate(store: Store, engagement_id: int, rating: RatingData, on: dt.date,
         expected_version: int) -> Changes:
    checked("comment", rating.comment)
    engagements.rate(store, engagement_id, rating, on, expected_version)
    return touched(engagements.get(store, engagement_id))


def add_log_entry(store: Store, engagement_id: int, *, expected_version: int,
                  **entry: Any) -> Done[LogEntry]:
    """``entry``: logged_on, channel, summary, follow_up_on (see store.communication);
    ``expected_version`` is the engagement's."""
    if isinstance(entry.get("summary"), str):
        entry["summary"] = checked("summary", entry["summary"], multiline=True)
    added = communication.add_log_entry(store, engagement_id, expected_version=expected_version,
                                        **entry)
    return Done(added, Changes(engagements=frozenset({engagement_id})))


def save_review(store: Store, engagement_id: int, **review: Any) -> Done[ReviewRecord]:
    """``review``: answers, replacement, deadline_hardness, copyrightable, reviewer,
    expected_version (see store.reviews.save)."""
    _check_review_text(review)
    saved = reviews.save(store, engagement_id, **review)
    return Done(saved, Changes(engagements=frozenset({engagement_id})))


def save_exit_plan(store: Store, engagement_id: int, plan: ExitPlanData,
                   expected_version: int | None) -> Done[ExitPlanRecord]:
    saved = exit_plans.save(store, engagement_id, plan, expected_version)
    return Done(saved, Changes(engagements=frozenset({engagement_id})))


def attach_document(store: Store, *, source: Path, expected_version: int,
                    **document: Any) -> Done[DocumentRecord]:
    """``document``: engagement_id or contractor_id, kind, title, expires_on;
    ``expected_version`` is that engagement's or contractor's."""
    if isinstance(document.get("title"), str):
        checked("title", document["title"])
    record = documents.attach(store, source=source, expected_version=expected_version,
                              **document)
    return Done(record, _document_changes(record))


def remove_document(store: Store, document_id: int, expected_version: int) -> Changes:
    try:
        record: DocumentRecord | None = documents.get(store, document_id)
    except ConflictError:
        record = None  # the removal below says it went elsewhere
    documents.remove(store, document_id, expected_version)
    if record is None:
        return Changes(documents=frozenset({document_id}))
    return _document_changes(record)


def _check_review_text(review: dict[str, Any]) -> None:
    """The reviewer and each answer's evidence are one line each (desktop.core.text)."""
    # Translators: {problem} says what is wrong, “contains a line break; keep it to one line”.
    errors = [FieldError(qid, _("evidence {problem}").format(problem=wrong))
              for qid, answer in (review.get("answers") or {}).items()
              if (wrong := problem(getattr(answer, "evidence", "") or ""))]
    if isinstance(review.get("reviewer"), str) and (wrong := problem(review["reviewer"])):
        errors.append(FieldError("reviewer", wrong))
    if errors:
        raise ValidationError(errors)


def _document_changes(record: DocumentRecord) -> Changes:
    return Changes(documents=frozenset({record.id}),
                   engagements=frozenset({record.engagement_id} - {None}),
                   contractors=frozenset({record.contractor_id} - {None}))
