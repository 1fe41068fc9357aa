"""Use cases against a real store: each does its work and says exactly what it changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.schedule import Milestone, milestone_schedule
from desktop.core.validation import ConflictError
from desktop.operations import contractors as contractor_ops
from desktop.operations import engagements as engagement_ops
from desktop.operations import payments as payment_ops
from desktop.operations import planner as planner_ops
from desktop.operations import reports, transfer
from desktop.operations.changes import Changes, Done
from desktop.store import contractors, demo, engagements, payments
from desktop.store.db import Store
from tests.factories import make_contractor, make_engagement

TODAY = dt.date(2026, 6, 10)


class TestChanges:
    def test_merging_keeps_every_id_and_flag(self) -> None:
        a = Changes(contractors=frozenset({1}), settings=True)
        b = Changes(contractors=frozenset({2}), engagements=frozenset({7}))
        merged = a | b
        assert merged.contractors == {1, 2} and merged.engagements == {7} and merged.settings
        assert not merged.everything and not merged.elsewhere

    def test_elsewhere_only_when_all_of_it_was(self) -> None:
        theirs = Changes(contractors=frozenset({1}), elsewhere=True)
        assert (theirs | theirs).elsewhere and not (theirs | Changes()).elsewhere

    def test_touches_and_truth(self) -> None:
        assert not Changes() and Changes(activities=frozenset({3}))
        assert Changes.all().touches("documents")
        assert Changes(installments=frozenset({1})).touches("contractors", "installments")
        assert not Changes(installments=frozenset({1})).touches("contractors")
        assert not Changes(elsewhere=True)  # a label, not a change


class TestContractors:
    def test_add_and_edit_name_the_contractor(self, store: Store) -> None:
        added = contractor_ops.add(store, make_contractor(display_name="Ada"))
        assert isinstance(added, Done) and added.changes == Changes(
            contractors=frozenset({added.value.id}))
        edited = contractor_ops.edit(store, added.value.id,
                                     replace(added.value.data, notes="x"), added.value.version)
        assert edited.changes.contractors == {added.value.id}

    def test_archiving_several_is_one_transaction(self, store: Store) -> None:
        a, b, c = (contractors.create(store, make_contractor(display_name=n, email=""))
                   for n in ("A", "B", "C"))
        contractors.update(store, c.id, replace(c.data, notes="changed"), c.version)
        with pytest.raises(ConflictError):  # C changed since it was read: nobody is archived
            contractor_ops.set_archived(store, {a.id: a.version, b.id: b.version,
                                                c.id: c.version}, True)
        assert all(contractors.get(store, x.id).archived_at is None for x in (a, b, c))
        done = contractor_ops.set_archived(store, {a.id: a.version, b.id: b.version}, True,
                                           {a.id: "Moved away"})
        assert done.changes.contractors == {a.id, b.id}
        assert done.value == {a.id: a.version + 1, b.id: b.version + 1}
        assert contractors.get(store, b.id).archived_at is not None

    def test_the_demo_changes_everything(self, store: Store) -> None:
        loaded = contractor_ops.load_demo(store)
        assert loaded.value == len(demo.demo_roster()) and loaded.changes.everything
        assert contractor_ops.load_demo(store).changes == Changes()  # already there
        assert contractor_ops.remove_demo(store).changes.everything


class TestEngagementsAndPayments:
    def test_a_payment_touches_its_installment_engagement_and_contractor(self,
                                                                       store: Store) -> None:
        who = contractors.create(store, make_contractor()).id
        record = engagement_ops.add(store, make_engagement(who)).value
        schedule = payment_ops.replace_schedule(store, record.id, milestone_schedule(
            100_000, "USD", [Milestone("Deposit", TODAY, percent=100)], 0), record.version)
        installment = schedule.value[0]
        assert schedule.changes == Changes(installments=frozenset({installment.id}),
                                           engagements=frozenset({record.id}),
                                           contractors=frozenset({who}))
        paid = payment_ops.record_payment(store, installment.id, amount_minor=40_000,
                                          currency="USD", paid_on=TODAY, method="bank transfer",
                                          today=TODAY, expected_version=installment.version)
        assert paid.value.paid_minor == 40_000
        assert paid.changes == schedule.changes
        with pytest.raises(payments.NeedsConfirmation):
            payment_ops.record_payment(store, installment.id, amount_minor=90_000,
                                       currency="USD", paid_on=TODAY, method="cash",
                                       today=TODAY, expected_version=paid.value.version)

    def test_moving_an_engagement_to_another_contractor_touches_both(self, store: Store) -> None:
        first = contractors.create(store, make_contractor(display_name="One", email="")).id
        second = contractors.create(store, make_contractor(display_name="Two", email="")).id
        record = engagements.create(store, make_engagement(first))
        done = engagement_ops.edit(store, record.id, replace(record.data, contractor_id=second),
                                   record.version)
        assert done.changes.contractors == {first, second}

    def test_starting_an_engagement_from_the_planner_names_the_activity(self,
                                                                      store: Store) -> None:
        demo.load_demo(store, today=TODAY)
        from desktop.store import planner

        activity = planner.activities(store)[0]
        who = contractors.list_rows(store)[0].id
        done = planner_ops.start_engagement(store, make_engagement(who), activity.id)
        assert done.changes.activities == {activity.id}
        assert done.changes.engagements == {done.value.id}
        assert planner.activity_of(store, done.value.id) == activity.id


class TestTransfers:
    def test_an_export_that_fails_leaves_no_file(self, store: Store, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
        demo.load_demo(store)
        out = tmp_path / "out"
        out.mkdir()
        target = out / "roster.csv"
        count = transfer.export_csv(store, "contractors", target, excel=True)
        assert count == len(demo.demo_roster()) and target.read_bytes()[:3] == b"\xef\xbb\xbf"

        def broken(_out, _rows):  # type: ignore[no-untyped-def]
            raise OSError("disk full")

        monkeypatch.setattr(transfer, "write_contractors", broken)
        again = out / "again.csv"
        with pytest.raises(OSError):
            transfer.export_csv(store, "contractors", again)
        assert list(out.iterdir()) == [target]
        assert transfer.export_summary("payments", 1, again) == f"Exported 1 payment to {again}"

    def test_a_report_choice_that_cannot_work_is_refused_by_field(self, store: Store,
                                                                  tmp_path: Path) -> None:
        statement = reports.BY_KEY["statement"]
        choice = reports.Choice(first=TODAY, last=TODAY - dt.timedelta(days=1),
                                contractor_id=None, currency=None, tag=None, year=2026,
                                as_of=TODAY, today=TODAY)
        assert [e.field for e in reports.problems(statement, choice)] == ["period", "contractor"]
        with pytest.raises(ValueError):
            reports.write_csv(store, statement, tmp_path / "s.csv", choice)
        assert not (tmp_path / "s.csv").exists()
