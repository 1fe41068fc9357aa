"""The dates that belong in the owner's calendar, as all-day events: installments still owed,
the last day to give notice, the next check-in and document expiries.

Each event's UID comes from what it is about (the kind and the record's id), never from its
position or the time of export, so importing the file again updates the events instead of
adding them twice. Its sequence and last-modified time come from the records it is written
from, so calendar apps take the update when one of them changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from babel.dates import format_date

from desktop.core.engagement import (
    BINDING,
    OPEN,
    last_notice_date,
    next_check_in,
    notice_phrase,
)
from desktop.core.enums import (
    Channel,
    CheckInCadence,
    DocumentKind,
    EngagementStatus,
    InstallmentStatus,
    NoticeUnit,
)
from desktop.core.i18n import _, pgettext
from desktop.core.money import format_money

# A reserved domain (RFC 2606): no one else's events can share these UIDs.
UID_DOMAIN = "crewbook.invalid"
NAME = "Crewbook"


class Kind(StrEnum):
    PAYMENT = "installment"
    NOTICE = "notice"
    CHECK_IN = "checkin"
    DOCUMENT = "document"


CATEGORIES = {Kind.PAYMENT: pgettext("calendar category", "Payment"),
              Kind.NOTICE: pgettext("calendar category", "Notice"),
              Kind.CHECK_IN: pgettext("calendar category", "Check-in"),
              Kind.DOCUMENT: pgettext("calendar category", "Document")}
# How a cadence reads inside a sentence: "asks for a weekly check-in".
_CADENCE_WORDS = {CheckInCadence.WEEKLY: pgettext("check-in cadence in a sentence", "weekly"),
                  CheckInCadence.FORTNIGHTLY: pgettext("check-in cadence in a sentence",
                                                       "fortnightly"),
                  CheckInCadence.MONTHLY: pgettext("check-in cadence in a sentence", "monthly")}
_BY_CHANNEL = {Channel.EMAIL: _("by email"), Channel.PHONE: _("by phone"),
               Channel.VIDEO: _("by video"), Channel.CHAT: _("by chat"),
               Channel.IN_PERSON: _("in person")}


@dataclass(frozen=True)
class Stamp:
    """How far the records behind an event have been revised: the sum of their version
    counters (each only grows, so the sum does) and the latest of their update times."""

    sequence: int
    modified: dt.datetime

    @classmethod
    def of(cls, *revisions: tuple[int | None, dt.datetime | None]) -> Stamp:
        times = [t for _v, t in revisions if t is not None]
        latest = max(times) if times else dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
        return cls(sum(v or 0 for v, _t in revisions), latest)


@dataclass(frozen=True)
class InstallmentFact:
    installment_id: int
    due_on: dt.date
    label: str
    amount_minor: int
    paid_minor: int
    currency: str
    status: str  # as stored: cancelled is the one that counts here
    engagement_status: str
    engagement_title: str
    contractor_name: str
    stamp: Stamp


@dataclass(frozen=True)
class EngagementFact:
    engagement_id: int
    title: str
    contractor_name: str
    status: str
    start_on: dt.date | None
    end_on: dt.date | None
    notice_period: int | None
    notice_unit: str
    cadence: str
    last_contact_on: dt.date | None
    channel: str
    contact: str
    stamp: Stamp


@dataclass(frozen=True)
class DocumentFact:
    document_id: int
    title: str
    kind: str
    expires_on: dt.date
    owner_name: str  # the contractor it is about
    engagement_title: str  # "" for a contractor's own document
    engagement_status: str  # "" for a contractor's own document
    owner_archived: bool
    stamp: Stamp


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    kind: Kind
    on: dt.date
    summary: str
    description: str
    sequence: int
    modified: dt.datetime


def uid(kind: Kind, record_id: int) -> str:
    return f"{kind.value}-{record_id}@{UID_DOMAIN}"


def calendar_events(installments: Iterable[InstallmentFact],
                    engagements: Iterable[EngagementFact], documents: Iterable[DocumentFact],
                    locale: str = "en_US") -> list[CalendarEvent]:
    """Every event, earliest first. Paid and cancelled installments, and engagements or
    documents whose work is over, have none."""
    events = [e for fact in installments if (e := payment_event(fact, locale))]
    for engagement in engagements:
        events.extend(e for e in (notice_event(engagement, locale),
                                  check_in_event(engagement, locale)) if e)
    events.extend(e for fact in documents if (e := document_event(fact, locale)))
    return sorted(events, key=lambda e: (e.on, e.kind.value, e.uid))


def payment_event(fact: InstallmentFact, locale: str) -> CalendarEvent | None:
    outstanding = fact.amount_minor - fact.paid_minor
    if (fact.status == InstallmentStatus.CANCELLED or outstanding <= 0
            or fact.engagement_status not in BINDING):
        return None

    def money(minor: int) -> str:
        return format_money(minor, fact.currency, locale)

    owed = money(outstanding)
    lines = [_with(fact.engagement_title, fact.contractor_name)]
    if fact.label:
        lines.append(_("Installment: {label}").format(label=fact.label))
    if fact.paid_minor:
        lines.append(_("Still to pay {owed} of {amount} ({paid} paid so far)").format(
            owed=owed, amount=money(fact.amount_minor), paid=money(fact.paid_minor)))
    else:
        lines.append(_("Amount: {amount}").format(amount=owed))
    lines.append(_("Due on {day}").format(day=_day(fact.due_on, locale)))
    summary = _("Pay {contractor}: {amount} ({engagement})").format(
        contractor=fact.contractor_name, amount=owed, engagement=fact.engagement_title)
    return _event(Kind.PAYMENT, fact.installment_id, fact.due_on, summary, lines, fact.stamp)


def notice_event(fact: EngagementFact, locale: str) -> CalendarEvent | None:
    if fact.status != EngagementStatus.SIGNED or fact.end_on is None:
        return None
    unit = NoticeUnit(fact.notice_unit or NoticeUnit.DAYS)
    last = last_notice_date(fact.end_on, fact.notice_period, unit)
    if last is None:
        return None
    lines = [_("“{engagement}” with {contractor} ends on {day}.").format(
                 engagement=fact.title, contractor=fact.contractor_name,
                 day=_day(fact.end_on, locale)),
             _("To end it then, give {notice} by this day.").format(
                 notice=notice_phrase(fact.notice_period, unit))]
    summary = _("Last day to give notice: {engagement} ({contractor})").format(
        engagement=fact.title, contractor=fact.contractor_name)
    return _event(Kind.NOTICE, fact.engagement_id, last, summary, lines, fact.stamp)


def check_in_event(fact: EngagementFact, locale: str) -> CalendarEvent | None:
    if fact.status != EngagementStatus.SIGNED or fact.cadence not in set(CheckInCadence):
        return None
    cadence = CheckInCadence(fact.cadence)
    due = next_check_in(cadence, fact.last_contact_on, fact.start_on)
    if due is None:
        return None
    plan = {"cadence": _CADENCE_WORDS.get(cadence, cadence.in_text),
            "channel": _channel(fact.channel), "contact": fact.contact}
    if fact.channel and fact.contact:
        how = _("The communication plan asks for a {cadence} check-in {channel}, with "
                "{contact}.")
    elif fact.channel:
        how = _("The communication plan asks for a {cadence} check-in {channel}.")
    elif fact.contact:
        how = _("The communication plan asks for a {cadence} check-in, with {contact}.")
    else:
        how = _("The communication plan asks for a {cadence} check-in.")
    lines = [_with(fact.title, fact.contractor_name), how.format(**plan)]
    if fact.last_contact_on:
        lines.append(_("Last contact: {day}").format(day=_day(fact.last_contact_on, locale)))
    elif fact.start_on:
        lines.append(_("No contact logged since the start on {day}").format(
            day=_day(fact.start_on, locale)))
    summary = _("Check in with {contractor} ({engagement})").format(
        contractor=fact.contractor_name, engagement=fact.title)
    return _event(Kind.CHECK_IN, fact.engagement_id, due, summary, lines, fact.stamp)


def document_event(fact: DocumentFact, locale: str) -> CalendarEvent | None:
    ended = fact.engagement_status and fact.engagement_status not in OPEN
    if ended or fact.owner_archived:
        return None
    facts = {"kind": _document_kind(fact.kind), "title": fact.title, "owner": fact.owner_name}
    summary = (_("{kind} expires: {title} ({owner})") if fact.owner_name
               else _("{kind} expires: {title}")).format(**facts)
    lines = [_("“{title}” expires on {day}.").format(title=fact.title,
                                                     day=_day(fact.expires_on, locale))]
    if fact.engagement_title:
        lines.append(_("For “{engagement}”").format(engagement=fact.engagement_title))
    if fact.owner_name:
        lines.append(_("Ask {owner} for a new one, or renew it, before then.").format(**facts))
    return _event(Kind.DOCUMENT, fact.document_id, fact.expires_on, summary, lines, fact.stamp)


def _event(kind: Kind, record_id: int, on: dt.date, summary: str, lines: Sequence[str],
           stamp: Stamp) -> CalendarEvent:
    return CalendarEvent(uid(kind, record_id), kind, on, summary, "\n".join(lines),
                         stamp.sequence, stamp.modified)


def _day(day: dt.date, locale: str) -> str:
    return format_date(day, format="medium", locale=locale)


def _with(engagement: str, contractor: str) -> str:
    return _("“{engagement}” with {contractor}").format(engagement=engagement,
                                                        contractor=contractor)


def _channel(value: str) -> str:
    """ "by video", "in person"."""
    try:
        return _BY_CHANNEL[Channel(value)]
    except ValueError:
        return _("by {channel}").format(channel=value)


def _document_kind(value: str) -> str:
    try:
        kind = DocumentKind(value)
    except ValueError:
        return _("Document")
    return _("Document") if kind is DocumentKind.OTHER else kind.label
