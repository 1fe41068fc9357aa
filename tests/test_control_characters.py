"""Control and text-direction characters: refused when typed, taken out of imported cells with a
warning, and escaped wherever stored text reaches a terminal."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.contractor import validate_contractor
from desktop.core.engagement import validate_engagement
from desktop.core.exit_plan import validate_exit_plan
from desktop.core.planner import validate_activity, validate_quote
from desktop.core.rule_validation import validate_rule
from desktop.core.schedule import Milestone, milestone_schedule
from desktop.core.validation import ValidationError
from desktop.store import contractors, exports
from desktop.store.session import open_store
from tests.factories import make_contractor

EVIL = "Evil\x1b]0;pwned\x07\x1b[2J"
RAW = ("\x1b", "\x07", "\u202e", "\x9b")  # none of these may reach a terminal


def refused(validate, raw: dict, field: str) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        validate(raw)
    message = caught.value.for_field(field)
    assert message, caught.value
    return message


class TestValidators:
    def test_contractor_name(self) -> None:
        message = refused(validate_contractor, {"display_name": EVIL}, "display_name")
        assert message == "contains a control character (ESC); remove it"

    def test_contractor_notes_keep_lines_and_tabs(self) -> None:
        data = validate_contractor({"display_name": "Maya", "notes": "one\r\ntwo\tthree",
                                    "address": "1 Main St\nSpringfield"})
        assert data.notes == "one\ntwo\tthree" and data.address == "1 Main St\nSpringfield"

    def test_contractor_one_line_fields_take_no_line_break(self) -> None:
        assert refused(validate_contractor, {"display_name": "Maya\nOkafor"},
                       "display_name") == "contains a line break; keep it to one line"

    def test_a_refused_value_is_never_quoted_raw(self) -> None:
        with pytest.raises(ValidationError) as caught:
            validate_contractor({"display_name": "Maya", "country": "\x1b[2J"})
        assert not any(ch in str(caught.value) for ch in RAW)

    def test_engagement_brief_and_title(self) -> None:
        raw = {"contractor_id": "1", "title": "Audit\u202e", "amount": "10",
               "scope": "All of it\x00"}
        with pytest.raises(ValidationError) as caught:
            validate_engagement(raw)
        assert {e.field for e in caught.value.errors} == {"title", "scope"}

    def test_exit_plan(self) -> None:
        assert refused(validate_exit_plan, {"handover_work": "Repo\x1b"}, "handover_work")
        assert refused(validate_exit_plan, {"access_revocation": ["GitHub", "AWS\x07"]},
                       "access_revocation")
        plan = validate_exit_plan({"access_revocation": "GitHub\r\nAWS\tconsole"})
        assert plan.access_revocation == ("GitHub", "AWS console")

    def test_planner(self) -> None:
        assert refused(lambda r: validate_activity(r, default_hour_value_minor=1000),
                       {"name": "Books\x1b", "hours_per_month": "2", "importance": 3,
                        "competence": 3, "currency": "USD"}, "name")
        assert refused(validate_quote, {"source": "\u2066Agency", "rate": "10", "unit": "month",
                                        "currency": "USD"}, "source")

    def test_payment_rule(self) -> None:
        import datetime as dt

        assert refused(lambda r: validate_rule(r, dt.date(2026, 1, 1)),
                       {"country": "DE", "name": "Rule\x1b", "source": "BGB",
                        "checked_on": "2025-12-01"}, "name")

    def test_milestone_label(self) -> None:
        import datetime as dt

        with pytest.raises(ValidationError) as caught:
            milestone_schedule(1000, "USD", [Milestone("Kick-off\x1b", dt.date(2026, 1, 1),
                                                       amount_minor=1000)], 0)
        assert "milestone 1's label contains a control character (ESC)" in str(caught.value)


def _store_raw(folder: Path, **fields: str) -> int:
    """A contractor saved as an older version could have saved it: unchecked."""
    store = open_store(folder).store
    try:
        return contractors.create(store, replace(make_contractor(), **fields)).id
    finally:
        store.close()


class TestCommandLine:
    def test_add_refuses_naming_the_option(self, cli) -> None:  # type: ignore[no-untyped-def]
        code, out, err = cli("contractors", "add", "--name", EVIL)
        assert code == 2
        assert "crewbook: error: --name: contains a control character (ESC); remove it" in err
        assert not any(ch in out + err for ch in RAW)
        assert cli("contractors", "list", "--format", "json")[1].strip() == "[]"

    def test_stored_text_is_escaped_in_a_table(self, cli, data_folder: Path) -> None:  # type: ignore[no-untyped-def]
        _store_raw(data_folder, display_name=EVIL, company="\u202eexe.doc")
        code, out, _ = cli("contractors", "list")
        assert code == 0 and not any(ch in out for ch in RAW)
        assert "Evil\\x1b]0;pwned\\x07\\x1b[2J" in out and "\\u202eexe.doc" in out

    def test_stored_text_is_escaped_in_csv(self, cli, data_folder: Path) -> None:  # type: ignore[no-untyped-def]
        _store_raw(data_folder, display_name=EVIL, notes="a\x9bb")
        code, out, _ = cli("contractors", "list", "--format", "csv")
        assert code == 0 and not any(ch in out for ch in RAW)
        [row] = csv.DictReader(io.StringIO(out, newline=""))
        assert row["display_name"] == "Evil\\x1b]0;pwned\\x07\\x1b[2J"

    def test_stored_text_round_trips_through_json(self, cli, data_folder: Path) -> None:  # type: ignore[no-untyped-def]
        name, company = EVIL + "\x85\x7f", "\u202eexe.doc\u2028"
        _store_raw(data_folder, display_name=name, company=company)
        code, out, _ = cli("contractors", "list", "--format", "json")
        assert code == 0 and not any(ch in out for ch in (*RAW, "\x85", "\x7f", "\u2028"))
        [record] = json.loads(out)
        assert (record["display_name"], record["company"]) == (name, company)

    def test_show_and_messages_are_escaped(self, cli, data_folder: Path) -> None:  # type: ignore[no-untyped-def]
        contractor = _store_raw(data_folder, display_name=EVIL)
        code, out, _ = cli("contractors", "show", str(contractor))
        assert code == 0 and not any(ch in out for ch in RAW)
        code, out, _ = cli("contractors", "archive", str(contractor))
        assert code == 0 and "Archived contractor 1: Evil\\x1b]0;pwned" in out

    def test_a_usage_error_quoting_the_argument_is_escaped(self, data_folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
        from desktop.cli import main

        with pytest.raises(SystemExit):
            main(["--data-dir", str(data_folder), "contractors", "list", "--status", "\x1b[2J"])
        err = capsys.readouterr().err
        assert "\\x1b[2J" in err and "\x1b" not in err


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


class TestImport:
    def test_characters_are_taken_out_with_a_warning(self, cli, data_folder: Path,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
        source = _write(tmp_path / "contacts.csv",
                        'Name,Email,Notes\r\n'
                        f'"{EVIL} Co",evil@example.com,"one\r\ntwo\x1b[2J"\r\n'
                        '"\u202eRTL Studio",rtl@example.com,\r\n'
                        '"Wrapped\nName",wrapped@example.com,\r\n')
        code, out, err = cli("import", str(source), "--json")
        assert code == 0, err
        summary = json.loads(out)
        assert summary["imported"] == 3 and summary["rejected"] == []
        assert summary["warnings"] == [
            "line 2: Name: BEL, ESC taken out; no field keeps control or text-direction "
            "characters",
            "line 2: Notes: ESC taken out; no field keeps control or text-direction characters",
            "line 4: Name: U+202E RIGHT-TO-LEFT OVERRIDE taken out; no field keeps control or "
            "text-direction characters"]
        store = open_store(data_folder).store
        try:
            saved = {e.data.email: e.data for e in exports.contractors(store)}
        finally:
            store.close()
        assert saved["evil@example.com"].display_name == "Evil]0;pwned[2J Co"
        assert saved["evil@example.com"].notes == "one\ntwo[2J"
        assert saved["rtl@example.com"].display_name == "RTL Studio"
        assert saved["wrapped@example.com"].display_name == "Wrapped Name"

    def test_text_summary_never_prints_them(self, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        source = _write(tmp_path / "c\x1b[2J.csv", "Name,Country\r\nMaya,\x1b[2JLand\r\n")
        code, out, err = cli("import", str(source), "--dry-run")
        assert code == 0 and not any(ch in out + err for ch in RAW)
        assert "c\\x1b[2J.csv" in out and "Land" in out


class TestOperations:
    """Fields the store checks are screened by the operation, before anything is read."""

    def _refused(self, call, field: str) -> str:  # type: ignore[no-untyped-def]
        with pytest.raises(ValidationError) as caught:
            call()
        message = caught.value.for_field(field)
        assert message, caught.value
        return message

    def test_each_free_text_field(self, store) -> None:  # type: ignore[no-untyped-def]
        import datetime as dt
        from decimal import Decimal

        from desktop.core.enums import EngagementStatus, RateUnit
        from desktop.core.planner import Quote
        from desktop.core.risk import Answer
        from desktop.operations import contractors as contractor_ops
        from desktop.operations import engagements as engagement_ops
        from desktop.operations import payments as payment_ops
        from desktop.operations import planner as planner_ops
        from desktop.store.engagements import RatingData

        day = dt.date(2026, 1, 5)
        inputs = validate_activity({"name": "Books", "hours_per_month": "2", "importance": 3,
                                    "competence": 3, "currency": "USD", "hour_value": "40"})
        quote = Quote("Agency", None, 1000, RateUnit.MONTH, "USD", Decimal(0))
        cases = [
            (lambda: contractor_ops.set_archived(store, {1: 1}, True, {1: "left\x1b"}), "reason"),
            (lambda: engagement_ops.move(store, 1, EngagementStatus.CANCELLED, 1, on=day,
                                         reason="over\u202e"), "reason"),
            (lambda: engagement_ops.move(store, 1, EngagementStatus.SIGNED, 1, on=day,
                                         by="Sam\x07"), "by"),
            (lambda: engagement_ops.rate(store, 1, RatingData(4, 4, 4, 4, True, "great\x1b"),
                                         day, 1), "comment"),
            (lambda: engagement_ops.add_log_entry(store, 1, expected_version=1, logged_on=day,
                                                  channel="", summary="called\x1b[2J"),
             "summary"),
            (lambda: engagement_ops.save_review(
                store, 1, answers={"financial.payee_mismatch": Answer(False, "bank\x1b")},
                replacement=None, deadline_hardness=None, copyrightable=False, reviewer="Sam",
                expected_version=None), "financial.payee_mismatch"),
            (lambda: engagement_ops.save_review(
                store, 1, answers={}, replacement=None, deadline_hardness=None,
                copyrightable=False, reviewer="\u2066Sam", expected_version=None), "reviewer"),
            (lambda: engagement_ops.attach_document(
                store, source=Path("contract.pdf"), expected_version=1, engagement_id=1,
                kind="contract", title="Contract\u202efdp.exe"), "title"),
            (lambda: payment_ops.record_payment(
                store, 1, amount_minor=100, currency="USD", paid_on=day, method="cash",
                reference="ref\x1b", today=day, expected_version=1), "reference"),
            (lambda: payment_ops.edit_installment(store, 1, label="Depo\x00sit", due_on=day,
                                                  amount_minor=100, expected_version=1),
             "label"),
            (lambda: planner_ops.save_activity(store, inputs, notes="ok\x1b"), "notes"),
            (lambda: planner_ops.add_quote(store, 1, quote, "two\nlines", expected_version=1),
             "notes"),
        ]
        for call, field in cases:
            assert "contains" in self._refused(call, field)

    def test_the_command_line_names_the_option(self, cli) -> None:  # type: ignore[no-untyped-def]
        assert cli("demo")[0] == 0
        engagement = json.loads(cli("engagements", "list", "--format", "json")[1])[0]["id"]
        code, _, err = cli("engagements", "move", str(engagement), "cancelled",
                           "--reason", "gone\x1b[2J")
        assert code == 2 and "--reason: contains a control character (ESC)" in err
        due = json.loads(cli("payments", "due", "--days", "3650", "--format", "json")[1])
        code, _, err = cli("payments", "record", str(due[0]["installment_id"]), "--amount", "1",
                           "--date", "2026-01-01", "--reference", "\u202eREF")
        assert code == 2 and "--reference: contains an invisible text-direction" in err
