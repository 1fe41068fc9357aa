"""The reminder at login: its words, what it counts in a real book, and its command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.core.reminder import Reminder
from desktop.core.schedule import PlannedInstallment
from desktop.operations import reminders as reminder_ops
from desktop.store import contractors, payments
from desktop.store.dashboard import LIST_LIMIT
from desktop.store.db import Store
from desktop.store.paths import db_path
from desktop.store.reminders import reminder
from desktop.store.session import open_store
from tests.factories import make_contractor, signed

TODAY = dt.date(2026, 5, 17)


def test_the_words_count_each_kind_and_the_whole() -> None:
    assert Reminder().text() == ""
    assert Reminder(payments_due_today=1).text() == "1 thing needs you today: 1 payment due today"
    assert Reminder(payments_overdue=2, notice_days=1).text() == (
        "3 things need you today: 2 payments overdue, 1 notice day")
    assert Reminder(1, 2, 3, 4, 5).text() == (
        "15 things need you today: 1 payment overdue, 2 payments due today, 4 notice days, "
        "3 check-ins overdue, 5 documents to renew")
    assert Reminder(1, 2, 3, 4, 5).late == 13  # what Today shows in red: not what is due today


def plan(*days: dt.date, amount: int = 50_000) -> list[PlannedInstallment]:
    return [PlannedInstallment(f"Part {n}", day, day, amount, "USD")
            for n, day in enumerate(days, start=1)]


def overdue_and_due_today(store: Store, today: dt.date = TODAY) -> None:
    """Two payments overdue, one paid late, one due today, one to come; and today is the last
    day to give notice."""
    day = lambda n: today + dt.timedelta(days=n)  # noqa: E731
    who = contractors.create(store, make_contractor()).id
    engagement_id = signed(store, who, notice_period="14", start_on=day(-60).isoformat(),
                           end_on=day(14).isoformat())
    rows = payments.replace_schedule(store, engagement_id, plan(
        day(-17), day(-7), day(-5), today, day(14)))
    payments.record_payment(store, rows[2].id, amount_minor=50_000, currency="USD",
                            paid_on=day(-4), today=today)  # paid: not counted


def test_a_book_with_overdue_and_due_today_payments(store: Store) -> None:
    overdue_and_due_today(store)
    found = reminder(store, TODAY)
    assert found == Reminder(payments_overdue=2, payments_due_today=1, check_ins=1,
                             notice_days=1)
    assert found.text() == ("5 things need you today: 2 payments overdue, 1 payment due today, "
                            "1 notice day, 1 check-in overdue")
    assert reminder(store, TODAY - dt.timedelta(days=60)).text() == ""  # nothing due yet


def test_payments_due_today_are_all_counted_past_the_lists_cut(store: Store) -> None:
    who = contractors.create(store, make_contractor()).id
    engagement_id = signed(store, who, comm_cadence="monthly")
    payments.replace_schedule(store, engagement_id, plan(*[TODAY] * (LIST_LIMIT + 5), amount=100))
    assert reminder(store, TODAY).payments_due_today == LIST_LIMIT + 5


def test_a_folder_without_a_book_says_nothing_and_makes_none(data_folder: Path) -> None:
    assert reminder_ops.todays_reminder(data_folder, None, TODAY) == Reminder()
    assert not db_path(data_folder).exists()


TEXT = ("5 things need you today: 2 payments overdue, 1 payment due today, 1 notice day, "
        "1 check-in overdue\n")


@pytest.fixture
def book(data_folder: Path) -> Path:
    opened = open_store(data_folder)
    overdue_and_due_today(opened.store, dt.date.today())
    opened.store.close()
    return data_folder


def test_print_says_what_is_overdue_or_due_today(cli, book: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("reminders", "--print") == (0, TEXT, "")


def test_without_a_display_it_prints_and_with_nothing_to_say_it_is_quiet(
        cli, book: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert cli("reminders") == (0, TEXT, "")
    empty = tmp_path / "empty"
    assert cli("reminders", folder=empty) == (0, "", "")
    assert cli("reminders", "--print", folder=empty) == (
        0, "Nothing is overdue or due today.\n", "")


@pytest.fixture
def xdg_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setattr("sys.platform", "linux")
    return config


def test_at_login_on_and_off(cli, data_folder: Path, xdg_config: Path) -> None:  # type: ignore[no-untyped-def]
    entry = xdg_config / "autostart" / "crewbook-reminders.desktop"
    code, out, _err = cli("reminders", "--at-login", "on")
    assert code == 0 and str(entry) in out
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    assert f"--data-dir {data_folder} reminders" in exec_line  # not the default folder
    code, out, _err = cli("reminders", "--at-login", "off")
    assert code == 0 and f"removed {entry}" in out and not entry.exists()
    assert "nothing to change" in cli("reminders", "--at-login", "off")[1]


def test_at_login_where_it_cannot_write_says_so(cli, xdg_config: Path) -> None:  # type: ignore[no-untyped-def]
    xdg_config.write_text("")  # a file where the folder should be
    code, out, err = cli("reminders", "--at-login", "on")
    assert code == 1 and out == ""
    assert err.startswith("crewbook: error: Crewbook could not write ")
