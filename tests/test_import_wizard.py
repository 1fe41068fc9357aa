"""File ▸ Import contractors, driven like a user would: read, match, check, import, cancel."""

from __future__ import annotations

import csv
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLabel, QProgressBar, QWizard

from desktop.core.contractor import validate_contractor
from desktop.core.profile import ProfileData
from desktop.io import contractor_import as plan_import
from desktop.io.import_table import read_bytes
from desktop.io.layouts import layout_key
from desktop.operations.changes import Changes
from desktop.store import contractors, profile
from desktop.store.db import Store
from desktop.ui.fields import ERROR_STYLE
from desktop.ui.import_preview_model import Col, ImportPreviewModel
from desktop.ui.import_wizard import ImportWizard
from desktop.ui.runner import Runner
from tests.threads import dialog_runner

FIXTURES = Path(__file__).parent / "fixtures" / "import"
TODAY = dt.date(2026, 5, 1)
Button = QWizard.WizardButton


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def runner(store: Store) -> Iterator[Runner]:
    made = dialog_runner(store)
    yield made
    made.wait(10_000)  # nothing may run on against a store that is closing


def hold(runner: Runner, release: threading.Event) -> None:
    """Keep every thread of the runner busy until ``release`` is set."""
    runner.write(lambda _store: (release.wait(10), Changes())[1])
    for _ in range(2):
        runner.read(release.wait, 10, done=lambda _result: None)


def open_wizard(qtbot, runner: Runner, settings: QSettings,  # type: ignore[no-untyped-def]
                path: Path | None) -> ImportWizard:
    wizard = ImportWizard(runner, settings, path=path, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    if path is not None:
        qtbot.waitUntil(lambda: not wizard.file_page.task.running, timeout=10_000)
    return wizard


def text(wizard: ImportWizard, name: str) -> str:
    label = wizard.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def press(qtbot, wizard: ImportWizard, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_preview(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.columns_page
    press(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: not wizard.preview_page.task.running, timeout=10_000)


def outcomes(model: ImportPreviewModel) -> dict[int, str]:
    return {int(model.index(r, Col.LINE).data()): model.index(r, Col.OUTCOME).data()
            for r in range(model.rowCount())}


def test_preview_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    table = read_bytes(b"Name,Email,Hourly rate\n"
                       b"Ana Ruiz,ana@example.com,95\n"
                       b"Ben Carter,known@example.com,80\n"
                       b"Chen Wei,chen@example.com,-5\n"
                       b",,\n"
                       b"Ana R.,ANA@example.com,100\n", "people.csv")
    choices = plan_import.default_choices(table, on_duplicate="merge")
    plan = plan_import.analyse(table, choices, {"known@example.com": (7, "Ben C.")}, TODAY)
    model = ImportPreviewModel()
    model.set_plan(plan)
    qtmodeltester.check(model)

    assert outcomes(model) == {2: "New", 3: "Merge", 4: "Rejected", 5: "Skipped", 6: "Merge"}
    assert model.index(0, Col.RATE).data() == "$100.00 / hour"  # line 6 merged into it
    rejected = model.index(2, Col.OUTCOME)
    assert rejected.data(Qt.ItemDataRole.ForegroundRole) == QColor("#b42318")
    assert model.index(2, Col.NAME).data() == "Chen Wei"  # read from the file: no contractor
    assert model.index(2, Col.RATE).data() == "-5"
    assert "below zero" in model.index(2, Col.DETAILS).data()
    assert model.index(2, Col.NAME).data(Qt.ItemDataRole.ToolTipRole) == \
        model.index(2, Col.DETAILS).data()
    assert model.index(1, Col.DETAILS).data(Qt.ItemDataRole.ToolTipRole) == "Updates Ben C."
    assert model.index(0, Col.DETAILS).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(3, Col.LINE).data(Qt.ItemDataRole.ForegroundRole) == QColor("#667085")

    model.set_filter("Problems only")
    assert outcomes(model) == {4: "Rejected"}
    model.set_filter("Merges only")
    assert list(outcomes(model)) == [3, 6]
    model.set_plan(None)
    assert model.rowCount() == 0


def test_handmade_file_from_start_to_error_report(qtbot, store: Store, runner: Runner,  # type: ignore[no-untyped-def]
                                                  settings: QSettings, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    profile.save_profile(store, ProfileData(country="US"), 0)  # (503) 555-0140 is in the US
    wizard = open_wizard(qtbot, runner, settings, FIXTURES / "handmade.csv")
    assert (text(wizard, "formatLabel"), wizard.file_page.encoding_combo.currentText(),
            text(wizard, "delimiterLabel")) == ("Spreadsheet", "UTF-8", "comma")
    assert text(wizard, "encodingHint") == ""  # UTF-8 is certain, not a guess
    assert wizard.file_page.header_combo.currentText() == "Line 1"
    assert text(wizard, "headerText").startswith("full NAME · e-mail · PHONE")
    assert text(wizard, "rowsLabel") == "9 rows below the header"
    assert not wizard.button(Button.BackButton).isVisible()

    to_preview(qtbot, wizard)
    assert [c.currentData() for c in wizard.columns_page.combos] == \
        ["name", "email", "phone", "rate_hour", "currency", "tags", "start_date", "notes"]
    assert text(wizard, "summary") == "4 new · 1 duplicate · 3 rejected · 1 skipped"
    assert text(wizard, "warnings") == \
        "Dates are read month before day: “12/31/2025” settles it."
    model = wizard.preview_page.model
    assert outcomes(model) == {2: "New", 3: "New", 4: "New", 5: "Skipped", 6: "Duplicate",
                               7: "Rejected", 8: "Rejected", 9: "Rejected", 10: "New"}
    wizard.preview_page.filter_combo.setCurrentText("Problems only")
    assert list(outcomes(model)) == [6, 7, 8, 9]
    commit = wizard.button(Button.CommitButton)
    assert commit.text() == "Import 4 contractors" and commit.isEnabled()

    press(qtbot, wizard, Button.CommitButton)
    assert wizard.currentPage() is wizard.import_page
    qtbot.waitUntil(lambda: wizard.button(Button.FinishButton).isEnabled(), timeout=10_000)
    assert text(wizard, "importStatus") == "Added 4 contractors."
    assert text(wizard, "importDetails") == \
        "3 rows were rejected, 1 duplicate was left out and 1 skipped."
    assert contractors.count(store) == 4
    assert not wizard.button(Button.BackButton).isEnabled()
    assert not wizard.button(Button.CancelButton).isVisible()

    asked: list[str] = []
    report = tmp_path / "errors.csv"

    def save_as(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(report), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    button = wizard.import_page.report_button
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name == "handmade-import-errors.csv"
    assert report.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    with report.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["Line", "Reason", "Message", "  full NAME "]
    assert [(r[0], r[1]) for r in rows[1:]] == [
        ("6", "duplicate"), ("7", "too_many_fields"), ("8", "too_few_fields"),
        ("9", "negative_rate")]
    assert text(wizard, "reportSaved") == f"Saved 4 rows to {report}"

    press(qtbot, wizard, Button.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    counts = wizard.result_counts
    assert counts is not None and (counts.created, counts.merged, len(counts.created_ids)) == (4, 0, 4)


def test_header_row_can_be_moved_and_the_layout_follows(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                        runner: Runner,
                                                        settings: QSettings) -> None:
    wizard = open_wizard(qtbot, runner, settings, FIXTURES / "handmade.csv")
    combo = wizard.file_page.header_combo
    combo.setCurrentIndex(combo.findText("Line 2"))
    assert wizard.choices is not None and wizard.choices.header_index == 1
    assert text(wizard, "formatLabel") == "Unrecognised layout"
    assert text(wizard, "rowsLabel") == "8 rows below the header"
    assert text(wizard, "headerText").startswith("Ana Ruiz · Ana.Ruiz@Example.com")
    combo.setCurrentIndex(combo.findText("Line 1"))
    assert text(wizard, "formatLabel") == "Spreadsheet"


def test_unknown_columns_block_next_until_a_name_is_mapped_and_are_remembered(  # type: ignore[no-untyped-def]
        qtbot, store: Store, runner: Runner, settings: QSettings) -> None:
    path = FIXTURES / "unknown_layout.csv"
    wizard = open_wizard(qtbot, runner, settings, path)
    assert text(wizard, "formatLabel") == "Unrecognised layout"
    press(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.columns_page
    assert "did not recognise these columns" in text(wizard, "columnsIntro")
    assert not wizard.button(Button.NextButton).isEnabled()
    error = wizard.findChild(QLabel, "columnsError")
    assert error.isVisible() and error.styleSheet() == ERROR_STYLE

    # The addresses and phone numbers gave their columns away; the name is for the user to say.
    assert [c.currentData() for c in wizard.columns_page.combos] == ["note", "email", "phone", "note"]
    assert not wizard.button(Button.NextButton).isEnabled()  # an email is not a name
    name = wizard.findChild(QComboBox, "target_0")
    name.setCurrentIndex(name.findData("name"))
    assert wizard.button(Button.NextButton).isEnabled() and not error.isVisible()

    press(qtbot, wizard, Button.NextButton)
    key = f"import/mapping/{layout_key(('Col A', 'Col B', 'Col C', 'Col D'))}"
    assert settings.value(key, type=list) == ["name", "email", "phone", "note"]
    qtbot.waitUntil(lambda: not wizard.preview_page.task.running, timeout=10_000)
    assert text(wizard, "summary") == "5 new"
    wizard.reject()

    again = open_wizard(qtbot, runner, settings, path)
    press(qtbot, again, Button.NextButton)
    assert [c.currentData() for c in again.columns_page.combos] == ["name", "email", "phone", "note"]
    assert "as you matched them last time" in text(again, "columnsIntro")
    assert again.button(Button.NextButton).isEnabled()


def test_a_refused_file_is_named_in_red_and_next_stays_off(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                           runner: Runner,
                                                           settings: QSettings) -> None:
    wizard = open_wizard(qtbot, runner, settings, FIXTURES / "not_text.png")
    error = wizard.findChild(QLabel, "fileError")
    assert error.isVisible() and error.styleSheet() == ERROR_STYLE
    assert "“not_text.png”" in error.text() and "PNG image" in error.text()
    assert not wizard.button(Button.NextButton).isEnabled()
    assert not wizard.file_page.details.isVisible()

    wizard.file_page.open(FIXTURES / "handmade.csv")  # a better file puts it right
    qtbot.waitUntil(lambda: wizard.button(Button.NextButton).isEnabled(), timeout=10_000)
    assert not error.isVisible()


def test_cancel_during_the_import_adds_nothing(qtbot, store: Store, runner: Runner,  # type: ignore[no-untyped-def]
                                               settings: QSettings, tmp_path: Path) -> None:
    contractors.create(store, validate_contractor({"display_name": "Already Here",
                                                   "email": "here@example.com"}))
    big = tmp_path / "big.csv"
    big.write_text("Name,Email\n" + "".join(f"Person {i},p{i}@example.com\n" for i in range(5000)),
                   encoding="utf-8")
    wizard = open_wizard(qtbot, runner, settings, big)
    to_preview(qtbot, wizard)
    assert wizard.button(Button.CommitButton).text() == "Import 5,000 contractors"

    release = threading.Event()
    hold(runner, release)  # holds the worker so Cancel lands before the writes
    press(qtbot, wizard, Button.CommitButton)
    assert wizard.import_page.task.running
    press(qtbot, wizard, Button.CancelButton)
    assert wizard.isVisible() and text(wizard, "importStatus") == "Cancelling…"
    release.set()
    qtbot.waitUntil(lambda: wizard.button(Button.FinishButton).isEnabled(), timeout=10_000)
    assert text(wizard, "importStatus") == "Import cancelled — nothing was added."
    assert contractors.count(store) == 1
    assert [r.display_name for r in contractors.list_rows(store)] == ["Already Here"]
    assert not wizard.import_page.report_button.isVisible()

    press(qtbot, wizard, Button.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Rejected and wizard.result_counts is None


def test_closing_while_reading_or_checking_drops_the_result(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                            runner: Runner,
                                                            settings: QSettings) -> None:
    release = threading.Event()
    hold(runner, release)
    reading = ImportWizard(runner, settings, path=FIXTURES / "handmade.csv")
    qtbot.addWidget(reading)
    reading.show()
    assert reading.findChild(QProgressBar, "readingBar").isVisible()
    assert not reading.button(Button.NextButton).isEnabled()
    reading.reject()
    release.set()
    assert runner.wait(10_000)
    qtbot.wait(50)  # let any queued delivery arrive
    assert reading.table is None and not reading.file_page.details.isVisible()

    wizard = open_wizard(qtbot, runner, settings, FIXTURES / "handmade.csv")
    release.clear()
    hold(runner, release)
    press(qtbot, wizard, Button.NextButton)
    press(qtbot, wizard, Button.NextButton)
    task = wizard.preview_page.task
    assert task.running
    wizard.reject()
    assert not wizard.isVisible() and task.progress.stop.is_set()
    release.set()
    assert runner.wait(10_000)
    qtbot.wait(50)  # let any queued delivery arrive
    assert wizard.plan is None and wizard.preview_page.model.rowCount() == 0


def test_merge_choice_and_date_order_change_the_preview(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                        runner: Runner,
                                                        settings: QSettings) -> None:
    profile.save_profile(store, ProfileData(country="US"), 0)  # (503) 555-0140 is in the US
    ana = contractors.create(store, validate_contractor({"display_name": "Ana Ruiz",
                                                         "email": "ana.ruiz@example.com"}))
    wizard = open_wizard(qtbot, runner, settings, FIXTURES / "handmade.csv")
    to_preview(qtbot, wizard)
    page, model = wizard.preview_page, wizard.preview_page.model
    assert outcomes(model)[2] == "Duplicate"
    assert model.index(0, Col.DETAILS).data() == "Ana Ruiz already has this email"
    assert wizard.button(Button.CommitButton).text() == "Import 3 contractors"

    page.duplicate_combo.setCurrentIndex(page.duplicate_combo.findData("merge"))
    qtbot.waitUntil(lambda: not page.task.running, timeout=10_000)
    assert (outcomes(model)[2], outcomes(model)[6]) == ("Merge", "Merge")
    assert text(wizard, "summary") == "3 new · 2 to merge · 3 rejected · 1 skipped"
    assert wizard.button(Button.CommitButton).text() == "Import 4 contractors"

    page.date_combo.setCurrentText("Day before month")  # then 12/31/2025 is no date at all
    qtbot.waitUntil(lambda: not page.task.running, timeout=10_000)
    assert outcomes(model)[3] == "New"  # a start date only goes to the notes: a warning
    assert model.index(1, Col.DETAILS).data() == (
        "Start Date: “12/31/2025” is not a real date (read as day/month/year); kept in the "
        "notes as written")
    assert text(wizard, "warnings") == "1 row has a warning: see Details."
    page.date_combo.setCurrentText("As found in the file")
    qtbot.waitUntil(lambda: not page.task.running, timeout=10_000)
    assert outcomes(model)[3] == "New"
    assert model.index(1, Col.DETAILS).data() == ""

    press(qtbot, wizard, Button.CommitButton)
    qtbot.waitUntil(lambda: wizard.button(Button.FinishButton).isEnabled(), timeout=10_000)
    assert text(wizard, "importStatus") == "Added 3 contractors, merged 1."
    counts = wizard.result_counts
    assert counts is not None and (counts.created, counts.merged) == (3, 1)
    assert len(counts.merged_before) == 1  # what undoing the import puts back
    assert contractors.count(store) == 4
    assert contractors.get(store, ana.id).data.phone  # the file filled in what the roster lacked


def test_a_damaged_workbook_is_refused_in_one_line(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                  runner: Runner, settings: QSettings,
                                                  tmp_path: Path) -> None:
    damaged = tmp_path / "contacts.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + bytes(60))  # a workbook cut short after its first bytes
    wizard = open_wizard(qtbot, runner, settings, damaged)
    error = wizard.findChild(QLabel, "fileError")
    assert error.isVisible() and "“contacts.xlsx” cannot be imported" in error.text()
    assert "damaged" in error.text() and "\n" not in error.text()
    assert not wizard.button(Button.NextButton).isEnabled()


def test_a_typed_path_turns_next_on_without_enter(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                  runner: Runner, settings: QSettings,
                                                  tmp_path: Path) -> None:
    wizard = open_wizard(qtbot, runner, settings, None)
    edit, next_button = wizard.file_page.path_edit, wizard.button(Button.NextButton)
    assert not next_button.isEnabled()
    path = str(FIXTURES / "handmade.csv")
    qtbot.keyClicks(edit, path[:-1])  # "handmade.cs" names no file
    assert not next_button.isEnabled()
    qtbot.keyClicks(edit, path[-1])
    assert next_button.isEnabled()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert not next_button.isEnabled()
    edit.setText(str(FIXTURES))  # a folder is no file
    assert not next_button.isEnabled()
    edit.setText(path)
    assert next_button.isEnabled()

    press(qtbot, wizard, Button.NextButton)  # reads the file, then goes on by itself
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns_page, timeout=10_000)
    assert wizard.path == Path(path) and wizard.table is not None
    assert [c.currentData() for c in wizard.columns_page.combos][:2] == ["name", "email"]

    press(qtbot, wizard, Button.BackButton)  # a file already read stays enough to go on
    assert next_button.isEnabled() and wizard.file_page.details.isVisible()
    edit.clear()
    assert not next_button.isEnabled()
    other = tmp_path / "other.csv"
    other.write_text("Name,Email\nZoë Becker,zoe@example.org\n", encoding="utf-8")
    qtbot.keyClicks(edit, str(other))
    assert next_button.isEnabled()
    assert not wizard.file_page.details.isVisible()  # they describe the file read before
    press(qtbot, wizard, Button.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns_page, timeout=10_000)
    assert wizard.path == other and wizard.table.records[1].fields[0] == "Zoë Becker"


def test_a_typed_path_that_cannot_be_imported_stays_on_the_page(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                                runner: Runner,
                                                                settings: QSettings) -> None:
    wizard = open_wizard(qtbot, runner, settings, None)
    qtbot.keyClicks(wizard.file_page.path_edit, str(FIXTURES / "not_text.png"))
    press(qtbot, wizard, Button.NextButton)
    error = wizard.findChild(QLabel, "fileError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "“not_text.png”" in error.text()
    assert wizard.currentPage() is wizard.file_page
    assert not wizard.button(Button.NextButton).isEnabled()


def test_pressing_enter_in_the_path_field_reads_the_file_and_stays(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                                   runner: Runner,
                                                                   settings: QSettings) -> None:
    wizard = open_wizard(qtbot, runner, settings, None)
    qtbot.keyClicks(wizard.file_page.path_edit, str(FIXTURES / "handmade.csv"))
    qtbot.keyClick(wizard.file_page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(wizard.file_page.details.isVisible, timeout=10_000)
    assert text(wizard, "formatLabel") == "Spreadsheet"
    assert wizard.currentPage() is wizard.file_page


def test_total_rows_show_as_skipped_with_the_reason(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                    runner: Runner, settings: QSettings,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "with-total.csv"
    path.write_text("Name,Email,Hourly rate,Currency\n"
                    "Ana Ruiz,ana@example.com,95,USD\n"
                    "Ben Carter,ben@example.com,120,USD\n"
                    "Total, , , 12,345.00\n", encoding="utf-8")
    wizard = open_wizard(qtbot, runner, settings, path)
    to_preview(qtbot, wizard)
    model = wizard.preview_page.model
    assert outcomes(model) == {2: "New", 3: "New", 4: "Skipped"}
    assert model.index(2, Col.DETAILS).data() == "A total row (“Total”), not a contractor"
    assert text(wizard, "summary") == "2 new · 1 skipped"
    assert wizard.button(Button.CommitButton).text() == "Import 2 contractors"


def test_a_path_changed_while_the_typed_file_is_read_is_not_skipped_past(  # type: ignore[no-untyped-def]
        qtbot, store: Store, runner: Runner, settings: QSettings, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("Name,Email\nZoë Becker,zoe@example.org\n", encoding="utf-8")
    wizard = open_wizard(qtbot, runner, settings, None)
    edit = wizard.file_page.path_edit
    qtbot.keyClicks(edit, str(FIXTURES / "handmade.csv"))
    release = threading.Event()
    hold(runner, release)  # the read waits, so the path can change before it ends
    press(qtbot, wizard, Button.NextButton)
    assert wizard.file_page.task.running
    edit.setText(str(other))
    release.set()
    qtbot.waitUntil(lambda: not wizard.file_page.task.running, timeout=10_000)
    qtbot.wait(50)
    assert wizard.currentPage() is wizard.file_page
    assert not wizard.file_page.details.isVisible()  # they are about handmade.csv
    press(qtbot, wizard, Button.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns_page, timeout=10_000)
    assert wizard.path == other
