"""`crewbook import` (its JSON contract) and `crewbook export`, including the round trip."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.store import exports
from desktop.store.session import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "import"
Result = tuple[int, str, str]
Cli = Callable[..., Result]
KEYS = {"file", "format", "encoding", "delimiter", "imported", "skipped", "duplicates", "rejected",
        "warnings"}


def imported_json(cli: Cli, *args: str, folder: Path | None = None) -> dict:
    code, out, err = cli("import", *args, "--json", folder=folder)
    assert code == 0, err
    return json.loads(out)


def roster(folder: Path) -> list:
    store = open_store(folder).store
    try:
        return [(e.data, e.archived_on) for e in exports.contractors(store)]
    finally:
        store.close()


class TestImport:
    def test_json_contract(self, cli: Cli) -> None:
        summary = imported_json(cli, str(FIXTURES / "handmade.csv"))
        assert KEYS <= set(summary)
        assert (summary["format"], summary["encoding"], summary["delimiter"]) == (
            "spreadsheet", "UTF-8", "comma")
        assert (summary["imported"], summary["skipped"]) == (4, 1)
        assert summary["duplicates"] == [
            {"line": 6, "email": "ana.ruiz@example.com", "phone": "", "matches": "line 2"}]
        assert [(r["line"], r["reason"]) for r in summary["rejected"]] == [
            (7, "too_many_fields"), (8, "too_few_fields"), (9, "negative_rate")]
        assert all(r["message"] for r in summary["rejected"])
        assert any("month before day" in w for w in summary["warnings"])

    def test_a_guessed_encoding_is_named_and_can_be_overruled(self, cli: Cli, tmp_path: Path,
                                                              data_folder: Path) -> None:
        path = tmp_path / "kontakty.csv"
        path.write_bytes("Name,Email\nJiří Dvořák,jiri@example.cz\n".encode("cp1250"))
        guessed = imported_json(cli, str(path), "--dry-run")
        assert guessed["encoding"] == "Western European (Windows-1252)"
        chosen = imported_json(cli, str(path), "--encoding", "windows-1250")
        assert chosen["encoding"] == "Central European (Windows-1250)"
        assert [c.display_name for c, _ in roster(data_folder)] == ["Jiří Dvořák"]
        code, out, _ = cli("import", str(path), "--encoding", "utf-8", "--json")
        assert code != 0 and "line 2 is not UTF-8 text" in out

    def test_dry_run_writes_nothing(self, cli: Cli, data_folder: Path) -> None:
        summary = imported_json(cli, str(FIXTURES / "excel_de.csv"), "--dry-run")
        assert summary["imported"] == 4 and summary["dry_run"] is True
        assert roster(data_folder) == []

    def test_duplicates_against_the_roster(self, cli: Cli, data_folder: Path) -> None:
        imported_json(cli, str(FIXTURES / "handmade.csv"))
        again = imported_json(cli, str(FIXTURES / "handmade.csv"))
        assert again["imported"] == 0
        assert [d["line"] for d in again["duplicates"]] == [2, 3, 4, 6, 10]
        assert again["duplicates"][0]["matches"].startswith("contractor ")
        merged = imported_json(cli, str(FIXTURES / "handmade.csv"), "--on-duplicate", "merge")
        assert merged["imported"] == 0 and merged["merged"] == 5
        assert len(roster(data_folder)) == 4

    @pytest.mark.parametrize("name", ["not_text.png", "empty.csv", "binary.csv"])
    def test_refused_file_exits_non_zero_with_error(self, cli: Cli, name: str,
                                                   data_folder: Path) -> None:
        code, out, err = cli("import", str(FIXTURES / name), "--json")
        assert code == 1
        summary = json.loads(out)
        assert summary["error"] and name in err
        assert roster(data_folder) == []

    def test_unknown_layout_needs_a_map(self, cli: Cli) -> None:
        code, _, err = cli("import", str(FIXTURES / "unknown_layout.csv"))
        assert code == 1 and "--map" in err
        summary = imported_json(cli, str(FIXTURES / "unknown_layout.csv"), "--map", "Col A=name",
                                "--map", "col b=email")
        assert summary["imported"] == 5

    @pytest.mark.parametrize(("args", "message"), [
        (["--map", "Nope=name"], "no column"), (["--map", "Col A=salary"], "COLUMN=FIELD"),
        (["--currency", "bananas"], "--currency"), (["--header-line", "99"], "--header-line"),
    ])
    def test_bad_options_name_themselves(self, cli: Cli, args: list[str], message: str) -> None:
        code, _, err = cli("import", str(FIXTURES / "unknown_layout.csv"), *args)
        assert code == 1 and message in err

    def test_missing_file(self, cli: Cli, tmp_path: Path) -> None:
        code, _, err = cli("import", str(tmp_path / "nope.csv"))
        assert code == 1 and "cannot be opened" in err

    def test_dates_option_overrules_the_file(self, cli: Cli) -> None:
        summary = imported_json(cli, str(FIXTURES / "handmade.csv"), "--dates", "day-first",
                                "--dry-run")
        assert summary["date_order"] == "day/month"
        assert 3 not in [r["line"] for r in summary["rejected"]]
        assert ("line 3: Start Date: “12/31/2025” is not a real date (read as day/month/year); "
                "kept in the notes as written") in summary["warnings"]

    def test_text_summary(self, cli: Cli) -> None:
        code, out, _ = cli("import", str(FIXTURES / "excel_de.csv"))
        assert code == 0
        assert "Imported 4 contractors" in out
        assert "line 6: rejected (negative_rate): Stundensatz" in out


class TestExport:
    def test_round_trip_gives_back_the_same_roster(self, cli: Cli, data_folder: Path,
                                                   tmp_path: Path) -> None:
        assert cli("demo")[0] == 0
        for name in ("handmade.csv", "excel_de.csv", "quickbooks_vendor_contact_list.csv"):
            imported_json(cli, str(FIXTURES / name))
        target = tmp_path / "contractors.csv"
        code, out, _ = cli("export", "contractors", "-o", str(target), "--excel")
        assert code == 0 and "contractors" in out
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")
        other = tmp_path / "other"
        other.mkdir(mode=0o700)
        summary = imported_json(cli, str(target), folder=other)
        assert summary["format"] == "crewbook" and summary["rejected"] == []
        assert summary["warnings"] == []
        assert roster(other) == roster(data_folder)

    def test_cells_are_neutralised_and_numbers_stay_numbers(self, cli: Cli, tmp_path: Path) -> None:
        assert cli("contractors", "add", "--name", "=HYPERLINK(\"x\")", "--phone", "+1 503 555 0100",
                   "--rate", "95.50", "--notes", "@SUM(A1)")[0] == 0
        target = tmp_path / "c.csv"
        cli("export", "contractors", "-o", str(target))
        raw = target.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        [row] = list(csv.DictReader(io.StringIO(raw.decode(), newline="")))
        assert row["Display name"] == "'=HYPERLINK(\"x\")"
        assert row["Phone"] == "'+15035550100" and row["Notes"] == "'@SUM(A1)"
        assert row["Default rate"] == "95.50"

    def test_payments(self, cli: Cli, tmp_path: Path) -> None:
        cli("demo")
        target = tmp_path / "payments.csv"
        code, out, _ = cli("export", "payments", "-o", str(target))
        assert code == 0
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
        assert rows and f"Exported {len(rows)} payments" in out
        assert list(rows[0])[:6] == ["Paid on", "Contractor", "Contractor email", "Engagement",
                                     "Amount", "Currency"]
        assert all(r["Amount"].replace(".", "").isdigit() for r in rows)
        assert [r["Paid on"] for r in rows] == sorted(r["Paid on"] for r in rows)
