"""The command line, run in-process against a private data folder."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import LIST_FIELDS, MAX_FILES, main
from desktop.store import migrate

Result = tuple[int, str, str]
Cli = Callable[..., Result]


def added_id(out: str) -> int:
    match = re.fullmatch(r"Added contractor (\d+): .+\n", out)
    assert match, out
    return int(match.group(1))


def show(cli: Cli, contractor_id: int) -> dict[str, str]:
    code, out, _ = cli("contractors", "show", str(contractor_id))
    assert code == 0
    fields = {}
    for line in out.splitlines():
        label, sep, value = line.partition(":")
        if sep and not line.startswith(" "):
            fields[label] = value.strip()
    return fields


def contractor_count(path: Path) -> int:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM contractor").fetchone()[0]
    finally:
        con.close()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"crewbook {__version__}\n"


def test_version_as_a_module() -> None:
    done = subprocess.run([sys.executable, "-m", "desktop", "--version"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"crewbook \d+\.\d+\.\d+\S*\n", done.stdout)
    assert done.stdout == f"crewbook {__version__}\n"


class TestDemo:
    def test_loads_thirty_once(self, cli: Cli) -> None:
        assert cli("demo") == (0, "Loaded 30 demo contractors.\n", "")
        code, out, _ = cli("demo")
        assert code == 0
        assert "already loaded" in out
        assert cli("db", "info")[1].splitlines()[-1] == "contractors: 30 (+0 archived)"

    def test_remove(self, cli: Cli) -> None:
        cli("demo")
        code, out, _ = cli("contractors", "add", "--name", "Real Person")
        keep = added_id(out)
        removed = "Removed 30 demo contractors and their engagements.\n"
        assert cli("demo", "--remove") == (0, removed, "")
        code, out, _ = cli("contractors", "list", "--archived", "--format", "json")
        assert [r["id"] for r in json.loads(out)] == [keep]
        assert cli("demo", "--remove")[1].startswith("Removed 0 demo contractors")

    def test_loads_again_after_removal(self, cli: Cli) -> None:
        cli("demo")
        cli("demo", "--remove")
        assert cli("demo")[1] == "Loaded 30 demo contractors.\n"


class TestAdd:
    ALL_OPTIONS = (
        "--name", "Maya Okafor", "--legal-name", "Maya Adaeze Okafor", "--kind", "company",
        "--company", "Okafor Studio", "--email", "maya@Example.com", "--phone", "+1 718-555-0147",
        "--website", "okafor.example.com", "--address", "214 Halsey Street",
        "--country", "us", "--timezone", "America/New_York", "--tax-id", "123-45-6789",
        "--tax-form", "w9", "--tax-form-on", "2024-03-18", "--rate", "85.5",
        "--rate-unit", "day", "--currency", "eur", "--tag", "Design", "--tag", "SEO",
        "--channel", "in_person", "--status", "active", "--source", "referral",
        "--identity-verified-on", "2024-02-29", "--notes", "Fast and careful.",
    )

    def test_all_options_then_show_masks_tax_id(self, cli: Cli) -> None:
        code, out, err = cli("contractors", "add", *self.ALL_OPTIONS)
        assert (code, err) == (0, "")
        assert out.endswith(": Maya Okafor\n")
        contractor_id = added_id(out)
        code, out, _ = cli("contractors", "show", str(contractor_id))
        assert "123-45" not in out
        assert show(cli, contractor_id) == {
            "Display name": "Maya Okafor", "Legal name": "Maya Adaeze Okafor", "Kind": "company",
            "Company": "Okafor Studio", "Email": "maya@example.com", "Phone": "+1 718-555-0147",
            "Website": "https://okafor.example.com", "Address": "214 Halsey Street",
            "Country": "US", "Time zone": "America/New_York", "Tax ID": "•••• 6789",
            "Tax form": "w9", "Tax form received": "2024-03-18", "Default rate": "85.50",
            "Rate unit": "day", "Currency": "EUR", "Skills / tags": "design, seo",
            "Preferred channel": "in_person", "Status": "active", "Source": "referral",
            "Identity verified on": "2024-02-29", "Notes": "Fast and careful.",
        }

    def test_ids_increase(self, cli: Cli) -> None:
        first = added_id(cli("contractors", "add", "--name", "A")[1])
        second = added_id(cli("contractors", "add", "--name", "B")[1])
        assert second > first

    def test_bad_email(self, cli: Cli) -> None:
        code, out, err = cli("contractors", "add", "--name", "X", "--email", "bad@")
        assert (code, out) == (2, "")
        assert len(err.splitlines()) == 1
        assert err.startswith("crewbook: error: --email: ")
        assert cli("db", "info")[1].splitlines()[-1] == "contractors: 0 (+0 archived)"

    def test_rate_with_too_many_decimals(self, cli: Cli) -> None:
        code, out, err = cli("contractors", "add", "--name", "X", "--rate", "1.234",
                             "--currency", "USD")
        assert (code, out) == (2, "")
        assert err == "crewbook: error: --rate: USD takes at most 2 decimal places\n"

    def test_every_bad_option_is_named(self, cli: Cli) -> None:
        code, _, err = cli("contractors", "add", "--name", " ", "--country", "XX",
                           "--tax-form-on", "2026-02-30")
        assert code == 2
        lines = err.splitlines()
        assert [line.split(": ")[2] for line in lines] == ["--name", "--country", "--tax-form-on"]

    def test_show_unknown(self, cli: Cli) -> None:
        code, out, err = cli("contractors", "show", "99")
        assert (code, out) == (1, "")
        assert "contractor 99 no longer exists" in err

    def test_huge_rate_is_a_field_error(self, cli: Cli) -> None:
        code, _, err = cli("contractors", "add", "--name", "X", "--rate", "99999999999999999999")
        assert (code, err) == (2, "crewbook: error: --rate: is too large\n")


@pytest.fixture
def roster(cli: Cli) -> dict[str, int]:
    """Maya (active; design, seo), Kofi (prospect; web), Lena (active; design; archived)."""
    ids = {
        "maya": added_id(cli("contractors", "add", "--name", "Maya Okafor", "--status", "active",
                             "--tag", "Design", "--tag", "seo", "--rate", "85",
                             "--phone", "+1 718-555-0147")[1]),
        "kofi": added_id(cli("contractors", "add", "--name", "Kofi Mensah", "--status",
                             "prospect", "--tag", "web", "--company", "=HYPERLINK(\"x\")",
                             "--rate", "1000", "--currency", "JPY")[1]),
        "lena": added_id(cli("contractors", "add", "--name", "Lena Ito", "--status", "active",
                             "--tag", "design")[1]),
    }
    assert cli("contractors", "archive", str(ids["lena"]))[0] == 0
    return ids


def listed(cli: Cli, *args: str) -> list[dict[str, object]]:
    code, out, err = cli("contractors", "list", "--format", "json", *args)
    assert (code, err) == (0, "")
    return json.loads(out)


class TestList:
    def test_json(self, cli: Cli, roster: dict[str, int]) -> None:
        records = listed(cli)
        assert [r["display_name"] for r in records] == ["Maya Okafor", "Kofi Mensah"]
        maya, kofi = records
        assert maya["id"] == roster["maya"]
        assert set(maya) == set(LIST_FIELDS)
        assert (maya["rate"], maya["currency"], maya["tags"]) == ("85.00", "USD", ["design", "seo"])
        assert (kofi["rate"], kofi["currency"]) == ("1000", "JPY")
        assert maya["archived"] is False and maya["demo"] is False

    def test_archived_included_on_request(self, cli: Cli, roster: dict[str, int]) -> None:
        records = listed(cli, "--archived")
        assert [(r["id"], r["archived"]) for r in records] == [
            (roster["maya"], False), (roster["kofi"], False), (roster["lena"], True)]

    def test_status_filter(self, cli: Cli, roster: dict[str, int]) -> None:
        assert [r["id"] for r in listed(cli, "--status", "active")] == [roster["maya"]]
        assert [r["id"] for r in listed(cli, "--status", "active", "--archived")] == [
            roster["maya"], roster["lena"]]
        assert listed(cli, "--status", "blocked") == []

    def test_tag_filter(self, cli: Cli, roster: dict[str, int]) -> None:
        assert [r["id"] for r in listed(cli, "--tag", "DESIGN")] == [roster["maya"]]
        assert [r["id"] for r in listed(cli, "--tag", "design", "--archived")] == [
            roster["maya"], roster["lena"]]
        assert [r["id"] for r in listed(cli, "--tag", "web", "--status", "prospect")] == [
            roster["kofi"]]
        assert listed(cli, "--tag", "web", "--status", "active") == []

    def test_unknown_status_is_a_usage_error(self, cli: Cli) -> None:
        with pytest.raises(SystemExit) as caught:
            cli("contractors", "list", "--status", "retired")
        assert caught.value.code == 2

    def test_csv(self, cli: Cli, roster: dict[str, int]) -> None:
        code, out, _ = cli("contractors", "list", "--format", "csv", "--archived")
        assert code == 0
        assert out.count("\r\n") == 4
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        assert list(rows[0]) == list(LIST_FIELDS)
        maya, kofi, lena = rows
        assert maya["tags"] == "design, seo"
        assert maya["phone"] == "'+17185550147"  # neutralised, as every leading + is
        assert (maya["archived"], lena["archived"], maya["demo"]) == ("no", "yes", "no")
        assert kofi["company"] == "'=HYPERLINK(\"x\")"
        assert kofi["rate"] == "1000"

    def test_table(self, cli: Cli, roster: dict[str, int]) -> None:
        code, out, _ = cli("contractors", "list")
        assert code == 0
        lines = out.splitlines()
        assert lines[0].split() == ["ID", "Name", "Company", "Email", "Status", "Rate", "Tags"]
        assert lines[-1] == "2 contractors"
        assert "Maya Okafor" in lines[1] and "$85.00" in lines[1] and "design, seo" in lines[1]
        assert "Kofi Mensah" in lines[2] and "¥1,000" in lines[2]
        assert "Lena Ito" not in out

    def test_table_singular_and_empty(self, cli: Cli, roster: dict[str, int]) -> None:
        assert cli("contractors", "list", "--status", "prospect")[1].splitlines()[-1] == \
            "1 contractor"
        assert cli("contractors", "list", "--status", "former")[1].splitlines()[-1] == \
            "0 contractors"

    def test_demo_flag(self, cli: Cli) -> None:
        cli("demo")
        records = listed(cli, "--archived")
        assert len(records) == 30
        assert all(r["demo"] is True for r in records)
        blocked = listed(cli, "--status", "blocked")
        assert 0 < len(blocked) < len(records)
        assert all(r["status"] == "blocked" for r in blocked)


class TestArchive:
    def test_archive_then_restore(self, cli: Cli) -> None:
        contractor_id = added_id(cli("contractors", "add", "--name", "Maya Okafor")[1])
        assert cli("contractors", "archive", str(contractor_id)) == (
            0, f"Archived contractor {contractor_id}: Maya Okafor\n", "")
        assert listed(cli) == []
        assert cli("db", "info")[1].splitlines()[-1] == "contractors: 0 (+1 archived)"
        assert cli("contractors", "restore", str(contractor_id)) == (
            0, f"Restored contractor {contractor_id}: Maya Okafor\n", "")
        assert [(r["id"], r["archived"]) for r in listed(cli)] == [(contractor_id, False)]

    def test_archive_unknown(self, cli: Cli) -> None:
        code, _, err = cli("contractors", "archive", "42")
        assert code == 1
        assert "contractor 42 no longer exists" in err


class TestDb:
    def test_info(self, cli: Cli, data_folder: Path) -> None:
        cli("demo")
        code, out, _ = cli("db", "info")
        assert code == 0
        assert out == (f"data folder: {data_folder.resolve()}\n"
                       f"database:    {data_folder.resolve() / 'crewbook.sqlite3'}\n"
                       f"schema:      {migrate.head_revision()}\n"
                       "contractors: 30 (+0 archived)\n")

    def test_upgrade_of_current_database(self, cli: Cli) -> None:
        cli("db", "info")
        assert cli("db", "upgrade") == (
            0, f"Database is at schema {migrate.head_revision()}.\n", "")

    def test_upgrade_of_new_folder(self, cli: Cli) -> None:
        assert cli("db", "upgrade") == (
            0, f"Database is at schema {migrate.head_revision()}.\n", "")


def listed_in(cli: Cli, folder: Path) -> list[dict[str, object]]:
    code, out, _ = cli("contractors", "list", "--format", "json", "--archived", folder=folder)
    assert code == 0
    return json.loads(out)


class TestDataFolder:
    def test_env_var(self, data_folder: Path, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str]) -> None:
        monkeypatch.setenv("CREWBOOK_DATA_DIR", str(data_folder))
        assert main(["demo"]) == 0
        assert (data_folder / "crewbook.sqlite3").is_file()
        capsys.readouterr()
        assert main(["db", "info"]) == 0
        assert capsys.readouterr().out.splitlines()[0] == f"data folder: {data_folder.resolve()}"

    def test_flag_beats_env_var(self, cli: Cli, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
        other = tmp_path / "other"
        monkeypatch.setenv("CREWBOOK_DATA_DIR", str(other))
        cli("demo")
        assert not (other / "crewbook.sqlite3").exists()

    def test_new_folder_is_created_private(self, cli: Cli, tmp_path: Path) -> None:
        folder = tmp_path / "fresh" / "nested"
        assert cli("db", "info", folder=folder)[0] == 0
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE((folder / "crewbook.sqlite3").stat().st_mode) == 0o600


COMMANDS = [
    ("contractors", "list"),
    ("contractors", "list", "--format", "json"),
    ("contractors", "add", "--name", "X"),
    ("contractors", "show", "1"),
    ("contractors", "archive", "1"),
    ("contractors", "restore", "1"),
    ("demo",),
    ("demo", "--remove"),
    ("db", "info"),
    ("db", "backup"),
    ("db", "upgrade"),
]


def _refused(cli: Cli, db: Path, args: tuple[str, ...], message: str) -> None:
    before = db.read_bytes()
    code, out, err = cli(*args)
    assert (code, out) == (1, "")
    assert err.startswith("crewbook: error: ")
    assert message in err
    assert "left untouched" in err
    assert db.read_bytes() == before
    assert not (db.parent / "backups").exists()


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_random_bytes_are_refused(cli: Cli, data_folder: Path, args: tuple[str, ...]) -> None:
    db = data_folder / "crewbook.sqlite3"
    db.write_bytes(b"not sqlite " + random.Random(7).randbytes(8192))
    _refused(cli, db, args, "is not a Crewbook database")


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_other_programs_database_is_refused(cli: Cli, data_folder: Path,
                                            args: tuple[str, ...]) -> None:
    db = data_folder / "crewbook.sqlite3"
    con = sqlite3.connect(db)
    with con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        con.execute("INSERT INTO notes (body) VALUES ('groceries')")
    con.close()
    _refused(cli, db, args, "of another program, not Crewbook's")


class TestOpenFiles:
    """`crewbook FILE.csv`: the window, with the import wizard on the file."""

    @pytest.fixture
    def window(self, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, list[Path]]]:
        import desktop.ui.app

        calls: list[tuple[Path, list[Path]]] = []

        def run(folder: Path, settings: object = None, open_files: Sequence[Path] = (),
                database: str | None = None) -> int:
            assert database is None
            calls.append((folder, list(open_files)))
            return 0

        monkeypatch.setattr(desktop.ui.app, "run", run)
        return calls

    @pytest.fixture
    def csv_file(self, tmp_path: Path) -> Path:
        path = tmp_path / "contacts.csv"
        path.write_text("name,email\nAda Lovelace,ada@example.com\n", encoding="utf-8")
        return path

    def test_a_file_opens_the_window_on_it(self, cli: Cli, data_folder: Path, csv_file: Path,
                                           window: list[tuple[Path, list[Path]]]) -> None:
        assert cli(str(csv_file)) == (0, "", "")
        assert window == [(data_folder, [csv_file])]

    def test_a_relative_name_is_made_absolute(self, data_folder: Path, csv_file: Path,
                                              window: list[tuple[Path, list[Path]]],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(csv_file.parent)
        assert main(["contacts.csv", "--data-dir", str(data_folder)]) == 0
        assert window == [(data_folder, [csv_file])]

    def test_data_dir_in_either_spelling(self, tmp_path: Path, csv_file: Path,
                                         window: list[tuple[Path, list[Path]]]) -> None:
        assert main([f"--data-dir={tmp_path / 'one'}", str(csv_file)]) == 0
        assert main(["--data-dir", str(tmp_path / "two"), "--", str(csv_file)]) == 0
        assert [folder.name for folder, _ in window] == ["one", "two"]

    def test_the_data_folder_from_the_environment(self, tmp_path: Path, csv_file: Path,
                                                  window: list[tuple[Path, list[Path]]],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("CREWBOOK_DATA_DIR", str(tmp_path / "env"))
        assert main([str(csv_file)]) == 0
        assert window == [((tmp_path / "env").resolve(), [csv_file])]

    def test_several_files_go_in_order(self, cli: Cli, tmp_path: Path,
                                       window: list[tuple[Path, list[Path]]]) -> None:
        names = ["b.tsv", "a.xlsx", "notes"]  # any existing file, whatever its name
        for name in names:
            (tmp_path / name).write_bytes(b"x")
        assert cli(*(str(tmp_path / n) for n in names))[0] == 0
        assert window[0][1] == [tmp_path / n for n in names]

    def test_too_many_files(self, cli: Cli, tmp_path: Path,
                            window: list[tuple[Path, list[Path]]]) -> None:
        paths = [tmp_path / f"{i}.csv" for i in range(MAX_FILES + 3)]
        for path in paths:
            path.write_bytes(b"x")
        code, out, err = cli(*map(str, paths))
        assert (code, out) == (0, "")
        assert err == f"crewbook: note: only the first {MAX_FILES} of {MAX_FILES + 3} files " \
                      "are opened\n"
        assert window[0][1] == paths[:MAX_FILES]

    @pytest.mark.parametrize("name", ["missing.csv", "Missing.XLSX", "gone.txt"])
    def test_a_missing_file_is_an_error_without_a_window(
            self, cli: Cli, tmp_path: Path, name: str,
            window: list[tuple[Path, list[Path]]]) -> None:
        missing = tmp_path / name
        assert cli(str(missing)) == (2, "", f"crewbook: error: {missing}: no such file\n")
        assert window == []

    def test_one_missing_file_among_several(self, cli: Cli, csv_file: Path, tmp_path: Path,
                                            window: list[tuple[Path, list[Path]]]) -> None:
        code, _, err = cli(str(csv_file), str(tmp_path / "nope.csv"))
        assert (code, err) == (2, f"crewbook: error: {tmp_path / 'nope.csv'}: no such file\n")
        assert window == []

    def test_a_folder_is_no_file(self, cli: Cli, tmp_path: Path,
                                 window: list[tuple[Path, list[Path]]]) -> None:
        folder = tmp_path / "exports.csv"
        folder.mkdir()
        assert cli(str(folder)) == (2, "", f"crewbook: error: {folder}: not a file\n")
        assert window == []

    def test_commands_come_first(self, cli: Cli, tmp_path: Path,
                                 window: list[tuple[Path, list[Path]]],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
        (tmp_path / "demo").write_bytes(b"x")  # a file named like a command
        monkeypatch.chdir(tmp_path)
        code, out, _ = cli("demo")
        assert code == 0 and "demo" in out.lower()
        assert window == []

    def test_an_unknown_word_is_still_a_usage_error(
            self, cli: Cli, window: list[tuple[Path, list[Path]]],
            capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as caught:
            cli("contractor")
        assert caught.value.code == 2
        assert "invalid choice: 'contractor'" in capsys.readouterr().err
        assert window == []

    def test_no_command_still_opens_the_plain_window(
            self, cli: Cli, data_folder: Path, window: list[tuple[Path, list[Path]]]) -> None:
        assert cli()[0] == 0
        assert window == [(data_folder, [])]

    def test_help_names_the_file_form(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out
        assert "crewbook [--data-dir DIR] [FILE ...]" in out
        assert "FILE.csv" in out and "import wizard" in out
