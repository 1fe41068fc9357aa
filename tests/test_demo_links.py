"""Removing the demo never changes the owner's records unseen: it says first what of theirs
refers to demo data, and leaves a note where a reference has to go."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.core.enums import RateUnit
from desktop.core.exit_plan import validate_exit_plan
from desktop.core.planner import Quote
from desktop.store import contractors, demo, demo_links, engagements, exit_plans, planner
from desktop.store.db import Store
from tests.factories import make_contractor, make_engagement

TODAY = dt.date(2026, 12, 4)


def own_records_pointing_at_the_demo(store: Store) -> tuple[int, int, int]:
    demo.load_demo(store, today=TODAY)
    kofi = next(r.id for r in contractors.list_rows(store) if r.display_name == "Northgate IT")
    mine = contractors.create(store, make_contractor(display_name="Ada Lovelace",
                                                     email="ada@example.com")).id
    work = engagements.create(store, make_engagement(mine, title="My own website")).id
    exit_plans.save(store, work, validate_exit_plan({
        "for_cause": True, "handover_work": "Files", "data_disposition": "destroy",
        "access_revocation": "Drive", "knowledge_transfer": "Call",
        "backup_contractor_id": str(kofi)}), None)
    from desktop.core.planner import validate_activity

    activity = planner.save(store, validate_activity({
        "name": "Laptop care", "hours_per_month": "4", "importance": "3", "competence": "2",
        "currency": "GBP", "hour_value": "40"}))
    planner.add_quote(store, activity, Quote("Northgate IT", kofi, 4000, RateUnit.HOUR, "GBP",
                                             Decimal(4)))
    on_demo = engagements.create(store, make_engagement(kofi, title="My job for Northgate")).id
    return work, activity, on_demo


def test_the_question_names_what_of_the_owners_refers_to_demo_data(store: Store) -> None:
    own_records_pointing_at_the_demo(store)
    lines = demo_links.references(store)
    assert any("exit plan of “My own website”" in line and "Northgate IT" in line
               for line in lines)
    assert any("“Laptop care” has a quote from demo contractor Northgate IT" in line
               for line in lines)
    assert any("“My job for Northgate” is with demo contractor Northgate IT" in line
               for line in lines)


def test_removing_leaves_a_note_where_a_reference_went(store: Store) -> None:
    work, activity, _on_demo = own_records_pointing_at_the_demo(store)
    demo.remove_demo(store)
    plan = exit_plans.get(store, work)
    assert plan is not None and plan.plan.backup_contractor_id is None
    assert "Backup: demo contractor Northgate IT, removed with the demo data." in \
        plan.plan.knowledge_transfer
    (quote,) = planner.get(store, activity).quotes
    assert quote.quote.contractor_id is None and "removed with the demo data" in quote.notes
    assert demo_links.references(store) == []


def test_the_command_line_refuses_until_told_yes(cli) -> None:  # type: ignore[no-untyped-def]
    import json

    cli("demo")
    assert cli("demo", "--remove")[0] == 0  # nothing of the owner's refers to it
    cli("demo")
    code, out, _ = cli("contractors", "list", "--format", "json")
    northgate = next(c["id"] for c in json.loads(out) if c["display_name"] == "Northgate IT")
    cli("engagements", "add", "--contractor", str(northgate), "--title", "Mine", "--amount", "5")
    code, _, err = cli("demo", "--remove")
    assert code == 2 and "“Mine” is with demo contractor Northgate IT" in err and "--yes" in err
    assert cli("demo", "--remove", "--yes")[0] == 0
