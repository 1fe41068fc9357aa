"""The calendar read from a real book: what is owed, notice dates, check-ins and expiries,
written to a file that parses back, and the data folder's crewbook.ics kept up to date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from desktop.core.schedule import PlannedInstallment
from desktop.operations import calendar
from desktop.store import contractors, documents, engagements, payments
from desktop.store.calendar_dates import calendar_facts
from desktop.store.db import Store
from tests.factories import make_contractor, make_engagement, signed

D = dt.date
# The queries are the same SQL on a team database: run on both engines.
both_engines = pytest.mark.parametrize("store", ["sqlite", "postgresql"], indirect=True)


def summaries(path: Path) -> dict[str, tuple[str, int, dt.date]]:
    parsed = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): (str(e["SUMMARY"]), int(e["SEQUENCE"]), e["DTSTART"].dt)
            for e in parsed.walk("VEVENT")}


def book(store: Store, tmp_path: Path) -> dict[str, int]:
    who = contractors.create(store, make_contractor(display_name="Ana Souza")).id
    work = signed(store, who, title="Website redesign", notice_period="14", currency="EUR")
    made = payments.replace_schedule(store, work, [
        PlannedInstallment(label, day, day, minor, "EUR") for label, day, minor in (
            ("Deposit", D(2026, 3, 1), 30_000), ("Design", D(2026, 4, 1), 40_000),
            ("Launch", D(2026, 5, 31), 30_000))])
    deposit, design, launch = made
    payments.record_payment(store, deposit.id, amount_minor=30_000, currency="EUR",
                            paid_on=D(2026, 3, 1), today=D(2026, 3, 1))
    payments.cancel_installment(store, design.id, design.version)
    draft = engagements.create(store, make_engagement(who, title="Maybe later")).id
    payments.replace_schedule(store, draft, [
        PlannedInstallment("Plan", D(2026, 6, 1), D(2026, 6, 1), 10_000, "USD")])
    source = tmp_path / "cover.pdf"
    source.write_bytes(b"%PDF-1.4 cover")
    record = contractors.get(store, who)
    doc = documents.attach(store, contractor_id=who, kind="insurance", source=source,
                           title="Liability cover", expires_on=D(2026, 9, 30),
                           expected_version=record.version)
    return {"engagement": work, "launch": launch.id, "deposit": deposit.id,
            "design": design.id, "document": doc.id, "draft": draft}


@both_engines
def test_only_what_is_still_owed_or_coming_is_read(store: Store, tmp_path: Path) -> None:
    ids = book(store, tmp_path)
    facts = calendar_facts(store)
    assert [f.installment_id for f in facts.installments] == [ids["launch"]]
    assert [f.engagement_id for f in facts.engagements] == [ids["engagement"]]
    assert [f.document_id for f in facts.documents] == [ids["document"]]
    assert facts.documents[0].owner_name == "Ana Souza"


@both_engines
def test_the_export_parses_back_and_a_change_keeps_the_uid(store: Store, tmp_path: Path) -> None:
    ids = book(store, tmp_path)
    path = tmp_path / "out.ics"
    assert calendar.export_calendar(store, path) == 4  # payment, notice, check-in, document
    first = summaries(path)
    launch = f"installment-{ids['launch']}@crewbook.invalid"
    assert first[launch] == ("Pay Ana Souza: €300.00 (Website redesign)", first[launch][1],
                             D(2026, 5, 31))
    assert first[f"notice-{ids['engagement']}@crewbook.invalid"][2] == D(2026, 5, 17)
    assert f"installment-{ids['deposit']}@crewbook.invalid" not in first  # paid
    assert f"installment-{ids['design']}@crewbook.invalid" not in first  # cancelled
    row = payments.installment(store, ids["launch"])
    payments.edit_installment(store, row.id, label="Launch", due_on=D(2026, 6, 5),
                              amount_minor=35_000, expected_version=row.version)
    calendar.export_calendar(store, path)
    again = summaries(path)
    assert again.keys() == first.keys()
    assert again[launch][0] == "Pay Ana Souza: €350.00 (Website redesign)"
    assert again[launch][1] > first[launch][1] and again[launch][2] == D(2026, 6, 5)


def test_the_kept_file_follows_the_setting_and_the_book(store: Store, tmp_path: Path,
                                                        data_folder: Path) -> None:
    ids = book(store, tmp_path)
    kept = data_folder / "crewbook.ics"
    assert not calendar.refresh_kept(store, data_folder) and not kept.exists()
    assert calendar.keep_updated(store, data_folder, True) == kept
    assert calendar.is_kept(data_folder) and kept.stat().st_mode & 0o077 == 0
    assert not calendar.refresh_kept(store, data_folder)  # nothing changed: left alone
    row = payments.installment(store, ids["launch"])
    payments.record_payment(store, row.id, amount_minor=30_000, currency="EUR",
                            paid_on=D(2026, 5, 30), today=D(2026, 5, 30))
    assert calendar.refresh_kept(store, data_folder)
    assert f"installment-{ids['launch']}@crewbook.invalid" not in summaries(kept)
    calendar.keep_updated(store, data_folder, False)
    assert not calendar.is_kept(data_folder) and kept.exists()  # left where it was
    (data_folder / "calendar.json").write_text("{not json", "utf-8")
    assert not calendar.is_kept(data_folder)
