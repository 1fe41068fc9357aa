"""`crewbook calendar`: the demo book as an .ics file, and the kept-up-to-date file switched on
and off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from desktop.store import demo
from desktop.store.session import open_store


@pytest.fixture
def demo_folder(data_folder: Path) -> Path:
    opened = open_store(data_folder)
    demo.load_demo(opened.store, today=dt.date(2026, 6, 15))
    opened.store.close()
    return data_folder


def events(path: Path) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_writes_every_kind_of_date(cli, demo_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "crewbook.ics"
    code, out, err = cli("calendar", "-o", str(target))
    assert code == 0, err
    found = events(target)
    assert f"Exported {len(found)} calendar events to {target}" in out
    kinds = {str(e["CATEGORIES"].cats[0]) for e in found}
    assert {"Payment", "Notice", "Check-in"} <= kinds
    assert all(str(e["SUMMARY"]) for e in found)
    first = [str(e["UID"]) for e in found]
    cli("calendar", "-o", str(target))
    assert [str(e["UID"]) for e in events(target)] == first  # a second export: same events


def test_keep_updated_on_and_off(cli, demo_folder: Path) -> None:  # type: ignore[no-untyped-def]
    kept = demo_folder / "crewbook.ics"
    code, out, _err = cli("calendar")
    assert code == 0 and "not kept up to date" in out and not kept.exists()
    code, out, _err = cli("calendar", "--keep-updated", "on")
    assert code == 0 and f"{kept} is now kept up to date" in out
    assert events(kept)
    code, out, _err = cli("calendar")
    assert f"{kept} is kept up to date" in out
    code, out, _err = cli("calendar", "--keep-updated", "off")
    assert code == 0 and "no longer kept up to date" in out and kept.exists()


def test_a_command_that_changes_a_date_rewrites_the_kept_file(cli, demo_folder: Path) -> None:  # type: ignore[no-untyped-def]
    kept = demo_folder / "crewbook.ics"
    cli("calendar", "--keep-updated", "on")
    payments = {str(e["UID"]): e for e in events(kept) if str(e["UID"]).startswith("installment-")}
    uid, event = sorted(payments.items())[0]
    installment = uid.removeprefix("installment-").split("@")[0]
    code, _out, err = cli("payments", "record", installment, "--amount", "1000000",
                          "--date", "2026-06-15", "--overpay")
    assert code == 0, err
    assert uid not in {str(e["UID"]) for e in events(kept)}  # paid: gone from the calendar
    assert event["SUMMARY"]


def test_a_bad_choice_names_the_option(cli, demo_folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        cli("calendar", "--keep-updated", "yes")
    assert exit_info.value.code == 2
    assert "--keep-updated" in capsys.readouterr().err
