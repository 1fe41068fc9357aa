"""`crewbook report …`: each report as PDF and CSV, and options that name themselves."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.store import demo
from desktop.store.session import open_store


@pytest.fixture
def demo_folder(data_folder: Path) -> Path:
    opened = open_store(data_folder)
    demo.load_demo(opened.store, today=dt.date.today())
    opened.store.close()
    return data_folder


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize(("args", "title"), [
    (["payments", "--tax-year", str(dt.date.today().year)], "Payments"),
    (["payments", "--from", "2020-01-01", "--to", "2020-01-31"], "No payments"),
    (["statement", "1", "--quarter", f"{dt.date.today().year}-Q1"], "statement"),
    (["tax-year", str(dt.date.today().year)], "1099-NEC"),
    (["outstanding"], "Outstanding"),
])
def test_each_report_as_pdf_and_csv(cli, demo_folder: Path, tmp_path: Path, args: list[str],  # type: ignore[no-untyped-def]
                                    title: str) -> None:
    pdf, table = tmp_path / "r.pdf", tmp_path / "r.csv"
    code, out, err = cli("report", *args, "-o", str(pdf), "--csv", str(table))
    assert code == 0, err
    assert str(pdf) in out and "rows)" in out
    assert title.lower() in pdf_text(pdf).lower()
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"), newline="")))
    assert rows and rows[0]  # a header row at least


@pytest.mark.parametrize(("args", "option"), [
    (["payments", "--month", "2026-03", "--from", "2026-01-01"], "--from/--to"),
    (["payments", "--month", "2026-13"], "--from/--to"),
    (["payments", "--from", "2026-02-01", "--to", "2026-01-01"], "--from/--to"),
    (["payments", "--from", "1 March"], "--from"),
    (["payments", "--currency", "XYZ"], "--currency"),
    (["outstanding", "--as-of", "tomorrow"], "--as-of"),
])
def test_bad_options_name_themselves(cli, demo_folder: Path, tmp_path: Path, args: list[str],  # type: ignore[no-untyped-def]
                                     option: str) -> None:
    code, _, err = cli("report", *args, "-o", str(tmp_path / "r.pdf"))
    assert code == 2 and err.startswith(f"crewbook: error: {option}:")
    assert not (tmp_path / "r.pdf").exists()


def test_an_output_is_needed(cli, demo_folder: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("report", "outstanding")
    assert code == 2 and "-o" in err


def test_an_unknown_contractor(cli, demo_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("report", "statement", "9999", "-o", str(tmp_path / "s.pdf"))
    assert code == 1 and "9999" in err


def test_the_planner_on_one_page(cli, demo_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("report", "planner", "-o", str(tmp_path / "plan.pdf"))
    assert code == 0, err
    reader = PdfReader(tmp_path / "plan.pdf")
    assert len(reader.pages) == 1
    assert "If you outsource the recommended activities" in pdf_text(tmp_path / "plan.pdf")
    assert cli("report", "planner", "--currency", "XYZ", "-o", str(tmp_path / "p.pdf"))[0] == 2
