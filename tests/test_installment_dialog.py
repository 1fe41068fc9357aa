"""Editing one installment by hand when someone else saved it meanwhile: their version is
kept or mine goes on top, and nothing is overwritten silently."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog

from desktop.core.schedule import Milestone, milestone_schedule
from desktop.store import contractors, engagements, payments
from desktop.store.db import Store
from desktop.ui.installment_dialog import InstallmentDialog
from tests.conftest import settle
from tests.factories import make_contractor, make_engagement
from tests.threads import dialog_runner

DAY = dt.date(2026, 3, 1)


@pytest.fixture
def deposit(store: Store) -> payments.InstallmentRow:
    who = contractors.create(store, make_contractor()).id
    engagement = engagements.create(store, make_engagement(who)).id
    payments.replace_schedule(store, engagement, milestone_schedule(
        100_000, "USD", [Milestone("Deposit", DAY, percent=50),
                         Milestone("Final", DAY + dt.timedelta(days=30), percent=50)], 0))
    return payments.installments(store, engagement)[0]


def edit(qtbot, store: Store, row: payments.InstallmentRow) -> InstallmentDialog:  # type: ignore[no-untyped-def]
    dialog = InstallmentDialog(dialog_runner(store), row)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot, dialog: InstallmentDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.accept()
    for _ in range(3):  # the refused write, the read of theirs, the save on top
        settle(qtbot, dialog.runner)


def test_keep_theirs_shows_their_version_and_saves_nothing(
        qtbot, store: Store, deposit: payments.InstallmentRow, conflicts) -> None:  # type: ignore[no-untyped-def]
    asked = conflicts.asked
    dialog = edit(qtbot, store, deposit)
    theirs = payments.edit_installment(store, deposit.id, label="Deposit (agreed)", due_on=DAY,
                                       amount_minor=40_000, expected_version=deposit.version)
    dialog.editors["amount"].setText("450.00")
    save(qtbot, dialog)
    assert len(asked) == 1
    assert asked[0].startswith("The installment “Deposit (agreed)” was saved by ")
    assert "• Amount: yours “$450.00”, theirs “$400.00”" in asked[0]
    assert "Label" not in asked[0]  # only mine and theirs differing are listed
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert payments.installment(store, deposit.id) == theirs
    assert dialog.editors["amount"].text() == "400.00"
    assert dialog.editors["label"].text() == "Deposit (agreed)"
    assert "your edit was not saved" in dialog.theirs_line.text()


def test_mine_on_top_keeps_their_other_changes(
        qtbot, store: Store, deposit: payments.InstallmentRow, conflicts) -> None:  # type: ignore[no-untyped-def]
    conflicts.answers = ["Save mine on top of theirs"]
    asked = conflicts.asked
    dialog = edit(qtbot, store, deposit)
    later = DAY + dt.timedelta(days=7)
    payments.edit_installment(store, deposit.id, label="Deposit (agreed)", due_on=later,
                              amount_minor=40_000, expected_version=deposit.version)
    dialog.editors["amount"].setText("450.00")
    save(qtbot, dialog)
    assert len(asked) == 1 and dialog.result() == QDialog.DialogCode.Accepted
    now = payments.installment(store, deposit.id)
    assert (now.label, now.due_on, now.amount_minor) == ("Deposit (agreed)", later, 45_000)


def test_the_same_change_made_by_both_is_not_asked_about(
        qtbot, store: Store, deposit: payments.InstallmentRow, conflicts) -> None:  # type: ignore[no-untyped-def]
    asked = conflicts.asked
    dialog = edit(qtbot, store, deposit)
    theirs = payments.edit_installment(store, deposit.id, label="Deposit", due_on=DAY,
                                       amount_minor=45_000, expected_version=deposit.version)
    dialog.editors["amount"].setText("450.00")
    save(qtbot, dialog)
    assert asked == [] and payments.installment(store, deposit.id) == theirs
    assert dialog.theirs_line.isVisible()
