"""The command line and the import speak through the catalogue: each sentence is looked up
whole, its numbers and names filled in after, while what programs read (JSON, CSV headers)
stays the same in every language."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core import contractor
from desktop.io import roster_export
from desktop.io.layouts import auto_mapping, detect
from desktop.io.values import DAY_FIRST, DateOrder, ValueProblem, parse_date_text

Cli = Callable[..., tuple[int, str, str]]


def test_a_table_counts_its_rows_in_one_sentence_with_the_right_plural(
        cli: Cli, marked: None) -> None:
    cli("contractors", "add", "--name", "Ana Ruiz")
    lines = cli("contractors", "list")[1].splitlines()
    assert lines[0].startswith("«ID»") and "«Name»" in lines[0]
    assert lines[-1] == "«1 contractor»"
    cli("contractors", "add", "--name", "Ben Carter")
    assert cli("contractors", "list")[1].splitlines()[-1] == "«2 contractors»"


def test_import_json_names_the_file_in_english_while_people_read_it_translated(
        cli: Cli, marked: None, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nAna Ruiz,ana@example.com\n", encoding="utf-8")
    code, out, err = cli("import", str(path), "--dry-run", "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["encoding"], summary["delimiter"]) == ("UTF-8", "comma")
    code, out, err = cli("import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    first, counts = out.splitlines()[:2]
    assert first == f"«{path}: spreadsheet, «UTF-8», «comma»-separated, header on line 1»"
    assert counts.startswith("«Would import 1 contractor; merged 0;")


def test_the_info_lines_stay_aligned_whatever_the_labels_length(
        cli: Cli, marked: None, data_folder: Path) -> None:
    lines = cli("db", "info")[1].splitlines()
    assert [line.split("»")[0] + "»" for line in lines] == [
        "«data folder:»", "«database:»", "«schema:»", "«contractors:»"]
    columns = {len(line) - len(line.split("» ", 1)[1].lstrip()) for line in lines}
    assert len(columns) == 1
    assert lines[0].endswith(str(data_folder.resolve()))


def test_an_impossible_date_is_one_sentence_for_the_order_it_was_read_in(marked: None) -> None:
    with pytest.raises(ValueProblem, match=r"^«“31/02/2026” is not a real date \(read as "
                                           r"day/month/year\)»$"):
        parse_date_text("31/02/2026", DateOrder(DAY_FIRST, True))


@pytest.fixture
def translated_labels(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The roster's field labels as another language has them, the export module rebuilt."""
    for field, label in contractor.LABELS.items():
        monkeypatch.setitem(contractor.LABELS, field, f"«{label}»")
    importlib.reload(roster_export)
    yield
    monkeypatch.undo()
    importlib.reload(roster_export)


def test_an_export_names_its_columns_the_same_in_every_language(translated_labels: None) -> None:
    header = roster_export.CONTRACTOR_HEADER
    assert header[:3] == ("Display name", "Legal name", "Kind")
    assert detect(header).key == "crewbook"
    mapping = auto_mapping(detect(header), header)
    assert "" not in mapping and "note" not in mapping
