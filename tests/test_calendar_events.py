"""Which dates go in the calendar, what their events say, and UIDs that stay put: pure rules,
no database, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from icalendar import Calendar

from desktop.core.calendar_events import (
    DocumentFact,
    EngagementFact,
    InstallmentFact,
    Kind,
    Stamp,
    calendar_events,
    uid,
)
from desktop.io.ical import calendar_bytes

D = dt.date
SAVED = dt.datetime(2026, 5, 2, 9, 30, tzinfo=dt.UTC)


def installment(**changes: object) -> InstallmentFact:
    fact = InstallmentFact(41, D(2026, 6, 1), "Deposit", 120_000, 0, "EUR", "planned", "signed",
                           "Website redesign", "Ana Souza", Stamp(3, SAVED))
    return replace(fact, **changes)  # type: ignore[arg-type]


def engagement(**changes: object) -> EngagementFact:
    fact = EngagementFact(7, "Website redesign", "Ana Souza", "signed", D(2026, 1, 15),
                          D(2026, 3, 31), 1, "months", "weekly", D(2026, 3, 2), "video", "Sam",
                          Stamp(5, SAVED))
    return replace(fact, **changes)  # type: ignore[arg-type]


def document(**changes: object) -> DocumentFact:
    fact = DocumentFact(9, "Liability cover", "insurance", D(2026, 9, 30), "Ana Souza", "", "",
                        False, Stamp(1, SAVED))
    return replace(fact, **changes)  # type: ignore[arg-type]


def events(installments=(), engagements=(), documents=(), locale="en_US"):  # type: ignore[no-untyped-def]
    return calendar_events(installments, engagements, documents, locale)


def test_each_kind_of_date_is_an_event_with_a_summary_a_person_understands() -> None:
    found = events([installment()], [engagement()], [document()], locale="en_IE")
    by_kind = {e.kind: e for e in found}
    pay = by_kind[Kind.PAYMENT]
    assert pay.summary == "Pay Ana Souza: €1,200.00 (Website redesign)"
    assert pay.on == D(2026, 6, 1) and "Deposit" in pay.description
    notice = by_kind[Kind.NOTICE]
    # a month's notice counts back to the month's last day: 31 March → 28 February
    assert notice.on == D(2026, 2, 28)
    assert notice.summary == "Last day to give notice: Website redesign (Ana Souza)"
    assert "1 month's notice" in notice.description
    check_in = by_kind[Kind.CHECK_IN]
    assert check_in.on == D(2026, 3, 9)  # a week after the last contact
    assert check_in.summary == "Check in with Ana Souza (Website redesign)"
    assert "by video" in check_in.description
    assert by_kind[Kind.DOCUMENT].summary == "Insurance expires: Liability cover (Ana Souza)"
    assert [e.on for e in found] == sorted(e.on for e in found)


def test_amounts_follow_the_business_locale() -> None:
    (pay,) = events([installment()], locale="de_DE")
    assert pay.summary == "Pay Ana Souza: 1.200,00\xa0€ (Website redesign)"


def test_same_data_gives_the_same_uids_and_a_changed_installment_keeps_its_own() -> None:
    first = events([installment(), installment(installment_id=42, due_on=D(2026, 7, 1))],
                   [engagement()], [document()])
    again = events([installment(installment_id=42, due_on=D(2026, 7, 1)), installment()],
                   [engagement()], [document()])
    assert [e.uid for e in first] == [e.uid for e in again]
    assert len({e.uid for e in first}) == len(first)  # notice and check-in apart, too
    moved = events([installment(due_on=D(2026, 6, 20), amount_minor=150_000,
                                stamp=Stamp(4, SAVED + dt.timedelta(days=1)))])
    before = next(e for e in first if e.summary.startswith("Pay") and e.on == D(2026, 6, 1))
    assert moved[0].uid == uid(Kind.PAYMENT, 41) == before.uid
    assert moved[0].sequence > before.sequence and moved[0].modified > before.modified
    assert "1,500.00" in moved[0].summary


def test_paid_cancelled_and_unbound_installments_drop_out() -> None:
    gone = [installment(paid_minor=120_000, status="paid"), installment(status="cancelled"),
            installment(engagement_status="draft"), installment(engagement_status="cancelled")]
    assert events(gone) == []
    (part,) = events([installment(paid_minor=20_000, status="part_paid")])
    assert "€1,000.00" in part.summary and "paid so far" in part.description


def test_finished_engagements_and_their_documents_drop_out() -> None:
    for status in ("completed", "terminated", "cancelled", "draft"):
        assert events(engagements=[engagement(status=status)]) == []
    for status in ("completed", "terminated", "cancelled"):
        assert events(documents=[document(engagement_title="Website redesign",
                                          engagement_status=status)]) == []
    assert events(documents=[document(owner_archived=True)]) == []
    assert events(documents=[document(engagement_title="Website redesign",
                                      engagement_status="signed")])


def test_no_notice_period_or_per_milestone_check_ins_give_no_event() -> None:
    assert events(engagements=[engagement(notice_period=None, cadence="per_milestone")]) == []
    (first,) = events(engagements=[engagement(notice_period=None, last_contact_on=None)])
    assert first.on == D(2026, 1, 22) and "since the start" in first.description


def test_the_file_parses_back_as_all_day_events_and_never_depends_on_the_time() -> None:
    found = events([installment()], [engagement()], [document()])
    data = calendar_bytes(found)
    assert calendar_bytes(found) == data
    parsed = Calendar.from_ical(data)
    vevents = list(parsed.walk("VEVENT"))
    assert [str(v["UID"]) for v in vevents] == [e.uid for e in found]
    for vevent, event in zip(vevents, found):
        start = vevent["DTSTART"]
        assert start.params.get("VALUE") == "DATE" and start.dt == event.on
        assert vevent["DTEND"].dt == event.on + dt.timedelta(days=1)
        assert str(vevent["SUMMARY"]) == event.summary
        assert str(vevent["DESCRIPTION"]) == event.description
        assert int(vevent["SEQUENCE"]) == event.sequence
        assert vevent["DTSTAMP"].dt == vevent["LAST-MODIFIED"].dt == SAVED
    assert str(parsed["X-WR-CALNAME"]) == "Crewbook"
