"""`crewbook engagements …` and `crewbook payments …` through main(), in-process."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from desktop.core.formats import date_text


def test_add_list_and_show(cli) -> None:  # type: ignore[no-untyped-def]
    cli("contractors", "add", "--name", "Maya Okafor")
    code, out, _ = cli("engagements", "add", "--contractor", "1", "--title", "Catalogue",
                       "--amount", "1200", "--currency", "USD", "--start", "2026-03-01",
                       "--end", "2026-05-31", "--notice-days", "14", "--goals", "Sell more")
    assert code == 0 and "Added engagement 1: Catalogue (draft)" in out
    assert "The brief still lacks: Scope, Deliverables" in out
    listed = json.loads(cli("engagements", "list", "--format", "json")[1])
    assert [(e["id"], e["status"], e["value"], e["currency"]) for e in listed] == \
        [(1, "draft", "1200.00", "USD")]
    shown = cli("engagements", "show", "1")[1]
    assert f"Last day to give notice:     {date_text(dt.date(2026, 5, 17))}" in shown
    csv_out = cli("engagements", "list", "--format", "csv")[1].splitlines()
    assert csv_out[0].startswith("id,title,contractor_id,contractor,status,value")


def test_city_notice_in_months_and_longer_terms_agreed(cli) -> None:  # type: ignore[no-untyped-def]
    cli("contractors", "add", "--name", "Pixelhaus")
    code, out, err = cli("engagements", "add", "--contractor", "1", "--title", "Shop",
                         "--amount", "900", "--currency", "EUR", "--start", "2026-01-15",
                         "--end", "2026-03-31", "--notice", "1", "--notice-unit", "month",
                         "--net-days", "90", "--country", "DE", "--city", "Berlin",
                         "--longer-terms-because", "Agreed in clause 4: paid by their client")
    assert code == 0, err
    shown = cli("engagements", "show", "1")[1]
    assert "Notice period:               1 month" in shown and "City:" in shown
    assert f"Last day to give notice:     {date_text(dt.date(2026, 2, 28))}" in shown
    terms = json.loads(cli("engagements", "show", "1", "--format", "json")[1])["terms"]
    assert (terms["notice_unit"], terms["jurisdiction_city"]) == ("months", "Berlin")
    assert terms["longer_terms_reason"] == "Agreed in clause 4: paid by their client"
    code, _, err = cli("engagements", "add", "--contractor", "1", "--title", "X", "--amount",
                       "5", "--notice", "2", "--notice-unit", "fortnights")
    assert code == 2 and "--notice-unit" in err


def test_bad_engagement_names_the_options(cli) -> None:  # type: ignore[no-untyped-def]
    cli("contractors", "add", "--name", "Maya Okafor")
    code, _, err = cli("engagements", "add", "--contractor", "1", "--title", "X",
                       "--amount", "0", "--start", "2026-05-01", "--end", "2026-04-01")
    assert code == 2
    assert "--amount: must be more than zero" in err and "--end: is before the start" in err
    assert json.loads(cli("engagements", "list", "--format", "json")[1]) == []
    code, _, err = cli("engagements", "add", "--contractor", "9", "--title", "X", "--amount", "5")
    assert (code, err.strip()) == (2, "crewbook: error: --contractor: contractor 9 does not exist")


def test_moves_follow_the_path(cli) -> None:  # type: ignore[no-untyped-def]
    cli("contractors", "add", "--name", "Maya Okafor")
    cli("engagements", "add", "--contractor", "1", "--title", "X", "--amount", "5")
    code, _, err = cli("engagements", "move", "1", "signed")
    assert code == 2 and "a draft engagement cannot become signed" in err
    assert cli("engagements", "move", "1", "in_review")[0] == 0
    code, _, err = cli("engagements", "move", "1", "signed", "--by", "Sam")
    assert code == 1 and "cannot be signed yet" in err and "No risk review" in err
    code, _, err = cli("engagements", "sign", "1")
    assert code == 1 and "Fix: Answer the risk review questions." in err
    listed = json.loads(cli("engagements", "list", "--status", "in_review", "--format", "json")[1])
    assert [e["id"] for e in listed] == [1]


def test_payments_due_and_record(cli) -> None:  # type: ignore[no-untyped-def]
    cli("demo")
    due = json.loads(cli("payments", "due", "--days", "14", "--format", "json")[1])
    assert due and all(set(d) >= {"installment_id", "due_on", "overdue", "outstanding"}
                       for d in due)
    overdue = next(d for d in due if d["overdue"])
    target = overdue["installment_id"]
    code, out, _ = cli("payments", "record", str(target), "--amount", "1",
                       "--date", dt.date.today().isoformat(), "--invoice", "INV-9")
    assert code == 0 and "part-paid" in out
    code, _, err = cli("payments", "record", str(target), "--amount", "99999999",
                       "--date", dt.date.today().isoformat())
    assert code == 2 and "more than is owed" in err and "--overpay" in err
    code, _, err = cli("payments", "record", str(target), "--amount", "1", "--date", "2099-01-01")
    assert code == 2 and "--date: cannot be in the future" in err
    table = cli("payments", "due")[1]
    assert "OVERDUE" in table and table.strip().splitlines()[-1].startswith("Total: ")


def test_risk_summary_pdf_from_the_command_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("demo")
    listed = json.loads(cli("engagements", "list", "--status", "in_review", "--format", "json")[1])
    target = next(e["id"] for e in listed if e["title"] == "Customer database clean-up")
    out = tmp_path / "summary.pdf"
    code, printed, err = cli("risk", "summary", str(target), "-o", str(out))
    assert (code, err) == (0, "") and printed.strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF")
    code, _, err = cli("engagements", "sign", str(target))
    assert code == 1 and err.count("  - ") >= 3


def test_terminating_asks_what_happens_to_installments_due_later(cli) -> None:  # type: ignore[no-untyped-def]
    cli("demo")
    listed = json.loads(cli("engagements", "list", "--status", "signed", "--format", "json")[1])
    target = str(next(e["id"] for e in listed if e["title"] == "IT support retainer"))
    code, _, err = cli("engagements", "move", target, "terminated", "--reason", "moving office")
    assert code == 2 and "unpaid installments of engagement" in err
    assert "--cancel-later" in err and "--keep-later" in err and err.count("  - ") >= 6
    assert json.loads(cli("engagements", "list", "--status", "signed", "--format", "json")[1])
    code, out, _ = cli("engagements", "move", target, "terminated", "--cancel-later")
    assert code == 0 and "is now terminated" in out
    shown = cli("engagements", "show", target)[1]
    assert shown.count("cancelled") >= 6


def test_the_schedule_is_made_and_read_back_without_the_window(cli) -> None:  # type: ignore[no-untyped-def]
    cli("contractors", "add", "--name", "Maya Okafor")
    cli("engagements", "add", "--contractor", "1", "--title", "IT support", "--pricing",
        "retainer", "--amount", "350", "--currency", "GBP", "--start", "2026-09-15",
        "--end", "2027-09-15", "--net-days", "14")
    code, out, _ = cli("engagements", "schedule", "1")
    assert code == 0 and "now has 12 unpaid installments" in out
    shown = json.loads(cli("engagements", "show", "1", "--format", "json")[1])
    assert (shown["id"], shown["status"], shown["terms"]["amount"]) == (1, "draft", "350.00")
    assert shown["terms"]["payment_terms_days"] == 14 and shown["terms"]["rate"] is None
    last = shown["installments"][-1]
    assert last == {**last, "label": "15 Aug – 15 Sep 2027", "period_end": "2027-09-15",
                    "due_on": "2027-09-29", "amount": "350.00", "paid": "0.00",
                    "currency": "GBP"}
    assert sum(Decimal(i["amount"]) for i in shown["installments"]) == Decimal("4200.00")


def test_milestones_are_given_on_the_command_line_and_paid_ones_are_kept(cli) -> None:  # type: ignore[no-untyped-def]
    cli("contractors", "add", "--name", "Maya Okafor")
    cli("engagements", "add", "--contractor", "1", "--title", "Site", "--pricing", "milestones",
        "--amount", "1000", "--currency", "USD")
    code, _, err = cli("engagements", "schedule", "1")
    assert code == 2 and "--milestone: give each milestone" in err
    code, _, err = cli("engagements", "schedule", "1", "--milestone", "Deposit:2026-03-01:3O%")
    assert code == 2 and "“Deposit:2026-03-01:3O%”: the share is neither" in err
    assert cli("engagements", "schedule", "1", "--milestone", "Deposit:2026-03-01:30%",
               "--milestone", "Final:2026-05-31:700")[0] == 2  # a mix is refused by the rules
    assert cli("engagements", "schedule", "1", "--milestone", "Deposit:2026-03-01:30%",
               "--milestone", "Final:2026-05-31:70%")[0] == 0
    deposit = json.loads(cli("engagements", "show", "1", "--format", "json")[1])[
        "installments"][0]
    cli("payments", "record", str(deposit["id"]), "--amount", "300", "--date", "2026-03-01")
    code, _, err = cli("engagements", "schedule", "1", "--milestone", "A:2026-01-01:50%",
                       "--milestone", "B:2026-02-01:50%")
    assert code == 2 and "nothing is scheduled after 1 Mar 2026 to collect the $700.00" in err
    after = json.loads(cli("engagements", "show", "1", "--format", "json")[1])["installments"]
    assert [(i["label"], i["paid"]) for i in after] == [("Deposit", "300.00"), ("Final", "0.00")]


def test_letting_a_well_rated_contractor_go_needs_a_reason_here_too(cli, data_folder) -> None:  # type: ignore[no-untyped-def]
    from desktop.store import engagements
    from desktop.store.session import open_store

    cli("contractors", "add", "--name", "Maya Okafor")
    for title in ("Done", "Running", "Also running"):
        cli("engagements", "add", "--contractor", "1", "--title", title, "--amount", "5")
    store = open_store(data_folder).store
    try:
        for engagement_id in (1, 2, 3):
            record = engagements.get(store, engagement_id)
            for step in ("in_review", "signed"):
                record = engagements.move(store, record.id, step, record.version,
                                          on=dt.date(2026, 1, 5))
        done = engagements.move(store, 1, "completed", engagements.get(store, 1).version,
                                on=dt.date(2026, 2, 1))
        engagements.rate(store, done.id, engagements.RatingData(5, 5, 5, 4, True),
                         dt.date(2026, 2, 1))
    finally:
        store.close()
    assert cli("engagements", "move", "2", "completed")[0] == 0  # finishing lets nobody go
    code, _, err = cli("engagements", "move", "3", "terminated")
    assert code == 2 and "Terminate the engagement with Maya Okafor? Say why with --reason" in err
    assert "Maya Okafor is rated 4.8 / 5 over 1 engagement" in err
    assert cli("engagements", "move", "3", "terminated", "--reason", "Budget cut")[0] == 0
    code, _, err = cli("contractors", "archive", "1")
    assert code == 2 and "Archive Maya Okafor? Say why with --reason" in err
    code, out, _ = cli("contractors", "archive", "1", "--reason", "Moved abroad")
    assert code == 0 and "Archived contractor 1" in out


def test_signing_a_prospects_work_makes_them_active_and_says_how_to_undo(  # type: ignore[no-untyped-def]
        cli, data_folder: Path) -> None:
    from desktop.store import contractors
    from desktop.store.session import open_store
    from tests.test_engagements_view import ready_to_sign

    cli("contractors", "add", "--name", "Maya Okafor", "--status", "prospect",
        "--identity-verified-on", "2026-01-05")
    cli("engagements", "add", "--contractor", "1", "--title", "Catalogue", "--amount", "500",
        "--ip-assigned")
    cli("engagements", "move", "1", "in_review")
    store = open_store(data_folder).store
    ready_to_sign(store, 1)
    store.close()
    code, out, err = cli("engagements", "sign", "1", "--by", "Sam")
    assert code == 0, err
    assert "Maya Okafor was a prospect and is now an active contractor" in out
    assert "crewbook contractors edit 1 --status prospect" in out
    assert cli("contractors", "edit", "1", "--status", "prospect")[0] == 0
    store = open_store(data_folder).store
    assert contractors.get(store, 1).data.status.value == "prospect"
    store.close()
