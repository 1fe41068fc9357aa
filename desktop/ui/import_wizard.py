"""File ▸ Import contractors: choose a file, match its columns, check every row, import.

Reading, checking and writing each run as a Task through the runner, which a page abandons when
it is left and the wizard when it closes; Cancel during the import only asks it to stop.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from functools import cache, partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.formats import number
from desktop.core.reference import currencies
from desktop.core.validation import Cancelled
from desktop.io import contractor_import as plan_import
from desktop.io.contractor_import import DUPLICATE, REJECTED, Choices, Plan
from desktop.io.csv_source import legacy_code_page
from desktop.io.export import csv_file
from desktop.io.import_table import DELIMITER_NAMES, ENCODING_NAMES, Table, read_file
from desktop.io.layouts import NAME_TARGETS, TARGETS, layout_key
from desktop.operations.transfer import run_import
from desktop.store import importing
from desktop.store.profile import get_profile
from desktop.ui.background_task import Task
from desktop.ui.fields import ERROR_STYLE
from desktop.ui.i18n import tr
from desktop.ui.import_preview_model import result_text
from desktop.ui.import_preview_page import PreviewPage, choice_combo, list_table
from desktop.ui.runner import Runner

CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN",
              "CZK", "JPY", "INR", "SGD", "MXN", "BRL", "ZAR")
HEADER_CHOICES = 30  # a header further down than this is not a header
HINT_STYLE = "color: palette(placeholder-text);"


def file_filter() -> str:
    return (tr("Contact files") + " (*.csv *.txt *.tsv *.xlsx *.xlsm);;" + tr("All files")
            + " (*)")


def _label(name: str, style: str = "", text: str = "") -> QLabel:
    label = QLabel(text, objectName=name, wordWrap=True)
    label.setStyleSheet(style)
    return label


class Page(QWizardPage):
    def __init__(self, wizard: ImportWizard, name: str, title: str, subtitle: str):
        super().__init__(objectName=name, title=title, subTitle=subtitle)
        self.flow = wizard
        self.error = _label(name.replace("Page", "Error"), ERROR_STYLE)
        self.error.hide()
        self.box = QVBoxLayout(self)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class FilePage(Page):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard, "filePage", tr("Choose a file"),
                         tr("A CSV or Excel file from your accounting program, address book or "
                            "a spreadsheet of your own."))
        self.path_edit = QLineEdit(objectName="pathEdit")
        self.path_edit.setPlaceholderText(tr("Path to a .csv, .txt, .tsv or .xlsx file"))
        self.path_edit.returnPressed.connect(self._typed)
        self.path_edit.textChanged.connect(self._text_changed)
        self.advance = False  # Next was pressed before the typed file was read
        self.chosen_encoding: str | None = None  # None: the encoding shown is a guess
        choose = QPushButton(tr("Choose…"), objectName="chooseButton")
        choose.clicked.connect(self.choose)
        self.task = Task(wizard.runner, QProgressBar(objectName="readingBar"), self)
        self.task.bar.setTextVisible(False)
        self.format_label, self.delimiter_label, self.rows_label = (
            QLabel(objectName=n) for n in ("formatLabel", "delimiterLabel", "rowsLabel"))
        self.encoding_combo = choice_combo(
            "encodingCombo", {name: code for code, name in ENCODING_NAMES.items()
                              if code not in ("xlsx", "utf-16", "utf-8-sig")})
        self.encoding_combo.activated.connect(self._encoding_chosen)
        self.encoding_hint = _label("encodingHint", HINT_STYLE)
        self.sample = QPlainTextEdit(objectName="textSample", readOnly=True)
        self.sample.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.sample.setMaximumHeight(self.sample.fontMetrics().lineSpacing() * 6 + 12)
        self.header_combo = QComboBox(objectName="headerCombo")
        self.header_combo.currentIndexChanged.connect(self._header_changed)
        self.header_text = _label("headerText", HINT_STYLE)
        self.header_text.setWordWrap(False)
        self.header_text.setTextFormat(Qt.TextFormat.PlainText)
        names = currencies()
        self.currency_combo = choice_combo(
            "currencyCombo", {f"{c} — {names.get(c, c)}": c for c in CURRENCIES})
        self.currency_combo.currentIndexChanged.connect(self._currency_changed)

        path_row, header_row, currency_row = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(self.encoding_combo)
        encoding_row.addWidget(self.encoding_hint, 1)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)
        header_row.addWidget(self.header_combo)
        header_row.addWidget(self.header_text, 1)
        currency_row.addWidget(self.currency_combo)
        currency_row.addWidget(_label("currencyHint", HINT_STYLE,
                                      tr("for rates written without a currency")), 1)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 12, 0, 0)
        for text, field in ((tr("Format:"), self.format_label), (tr("Encoding:"), encoding_row),
                            ("", self.sample), (tr("Delimiter:"), self.delimiter_label),
                            (tr("Rows:"), self.rows_label), (tr("Header row:"), header_row),
                            (tr("Currency:"), currency_row)):
            form.addRow(text, field)
        self.details.hide()
        self.box.addWidget(QLabel(tr("File:")))
        self.box.addLayout(path_row)
        for widget in (self.task.bar, self.error, self.details):
            self.box.addWidget(widget)
        self.box.addStretch(1)

    def choose(self) -> None:
        start = self.path_edit.text() or self.flow.settings.value("import/folder", "", type=str)
        path, _ = QFileDialog.getOpenFileName(self, tr("Import contractors"), start,
                                              file_filter())
        if path:
            self.flow.settings.setValue("import/folder", str(Path(path).parent))
            self.open(Path(path))

    def typed_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def _typed(self) -> None:
        path = self.typed_path()
        if path is not None:
            self.open(path)

    def _text_changed(self) -> None:
        # What the details say is about the file read, not a path typed since.
        self.details.setVisible(self.flow.table is not None
                                and self.typed_path() == self.flow.path)
        self.completeChanged.emit()

    def open(self, path: Path, encoding: str | None = None) -> None:
        self.flow.path, self.flow.table = path, None
        self.chosen_encoding = encoding
        if self.typed_path() != path:
            self.path_edit.setText(str(path))
        self.show_error("")
        self.details.setVisible(encoding is not None)  # the choice stays in view while read
        store = self.flow.store

        def read(_progress: object) -> Table:
            prefer = legacy_code_page(get_profile(store).profile.locale)
            return read_file(path, encoding, prefer)

        self.task.start(read, self._read, self._refused)
        self.completeChanged.emit()

    def _encoding_chosen(self) -> None:
        table, chosen = self.flow.table, self.encoding_combo.currentData()
        if self.flow.path is not None and (table is None or chosen != table.encoding):
            self.open(self.flow.path, chosen)

    def _read(self, table: Table) -> None:
        self.flow.table = table
        self._show_encoding(table)
        self.delimiter_label.setText(DELIMITER_NAMES.get(table.delimiter, table.delimiter))
        combo = self.header_combo
        combo.blockSignals(True)
        combo.clear()
        candidates = table.records[:max(HEADER_CHOICES, table.header_index + 1)]
        for index, record in enumerate(candidates):
            if index == table.header_index or any(f.strip() for f in record.fields):
                combo.addItem(tr("Line {line}").format(line=record.line), index)
        combo.setCurrentIndex(combo.findData(table.header_index))
        combo.blockSignals(False)
        self._header_changed()
        # A path typed while the file was read is another file, not read yet.
        unchanged = self.typed_path() == self.flow.path
        self.details.setVisible(unchanged)
        self.completeChanged.emit()
        advance, self.advance = self.advance, False
        if advance and unchanged and self.flow.currentPage() is self:
            self.flow.next()

    def _show_encoding(self, table: Table) -> None:
        combo = self.encoding_combo
        if combo.findData(table.encoding) < 0:
            combo.addItem(ENCODING_NAMES.get(table.encoding, table.encoding), table.encoding)
        combo.setCurrentIndex(combo.findData(table.encoding))
        combo.setEnabled(not table.is_workbook)
        certain = table.encoding in ("utf-8", "utf-8-sig", "utf-16") or table.is_workbook
        self.encoding_hint.setText(
            "" if certain or self.chosen_encoding
            else tr("guessed: if names below look wrong, choose another"))
        self.sample.setPlainText(table.sample)
        self.sample.setVisible(not table.is_workbook)

    def _refused(self, error: BaseException) -> None:
        self.advance = False
        self.sample.clear()  # text read another way would mislead next to the error
        self.show_error(
            tr("“{name}” cannot be imported — {problem}.").format(name=self.flow.path.name,
                                                                   problem=error)
            if self.flow.path else
            tr("The file cannot be imported — {problem}.").format(problem=error))
        self.completeChanged.emit()

    def _header_changed(self) -> None:
        table, index = self.flow.table, self.header_combo.currentData()
        if table is None or index is None:
            return
        self.flow.choices = plan_import.default_choices(table, index,
                                                        default_currency=self.currency())
        self.format_label.setText(self.flow.choices.layout.label)
        shown = " · ".join(f.strip() for f in table.header(index) if f.strip())
        self.header_text.setText(shown if len(shown) <= 90 else shown[:89] + "…")
        self.header_text.setToolTip(shown)
        below = len(table.records) - index - 1
        self.rows_label.setText(tr("{count} row(s) below the header", "", below).format(
            count=number(below)))

    def _currency_changed(self) -> None:
        if self.flow.choices is not None:
            self.flow.choices = dataclasses.replace(self.flow.choices,
                                                    default_currency=self.currency())

    def currency(self) -> str:
        return str(self.currency_combo.currentData())

    def isComplete(self) -> bool:
        path = self.typed_path()
        if path is None:
            return False
        if path != self.flow.path:  # typed, not read yet: Next reads it
            return _readable_file(path)
        return self.flow.table is not None and not self.task.running

    def validatePage(self) -> bool:
        path = self.typed_path()
        if path is not None and (path != self.flow.path or self.flow.table is None):
            self.advance = True  # _read goes on once the file is read
            self.open(path)
            return False
        return self.flow.table is not None


def _readable_file(path: Path) -> bool:
    try:
        return path.is_file() and os.access(path, os.R_OK)
    except (OSError, ValueError):  # a name too long, or one no file system takes
        return False


class ColumnsPage(Page):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard, "columnsPage", tr("Match the columns"),
                         tr("Say what each column of the file holds; choose “(ignore)” to leave "
                            "one out."))
        self.intro = _label("columnsIntro")
        self.table = QTableWidget(0, 3, objectName="columnsTable")
        self.table.setHorizontalHeaderLabels([tr("Column in the file"), tr("First values"),
                                              tr("Import as")])
        list_table(self.table, (190, 0, 300))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the combos take the focus
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.show_error(tr("Choose the column that holds the name — a full name, a first or "
                           "last name, or a company — to go on."))
        self.combos: list[QComboBox] = []
        self.box.addWidget(self.intro)
        self.box.addWidget(self.table, 1)
        self.box.addWidget(self.error)

    def settings_key(self) -> str:
        choices = self.flow.choices
        return f"import/mapping/{layout_key(self.flow.table.header(choices.header_index))}"

    def initializePage(self) -> None:
        choices, table = self.flow.choices, self.flow.table
        headers = table.header(choices.header_index)
        remembered = self.flow.settings.value(self.settings_key(), [], type=list)
        remembered = [str(key) for key in remembered if str(key) in TARGETS]
        if len(remembered) == len(headers):
            mapping = remembered
            self.intro.setText(tr("The columns are matched as you matched them last time for a "
                                  "file with these headers."))
        else:
            mapping = list(choices.mapping)
            self.intro.setText(
                tr("Crewbook did not recognise these columns, so they need matching by hand: "
                   "for each column, choose what it holds. At least one must hold a name or a "
                   "company.")
                if plan_import.needs_mapping(choices) else
                tr("Read as {layout}. Check what each column is imported as; anything left as "
                   "“Other” is kept in the notes.").format(layout=choices.layout.label))
        body = table.records[choices.header_index + 1:choices.header_index + 51]
        self.table.setRowCount(len(headers))
        self.combos = []
        for column, text in enumerate(headers):
            samples = [r.fields[column].strip() for r in body
                       if column < len(r.fields) and r.fields[column].strip()][:3]
            name = QTableWidgetItem(text.strip()
                                    or tr("Column {number}").format(number=column + 1))
            self.table.setItem(column, 0, name)
            sample_item = QTableWidgetItem("  ·  ".join(s[:40] for s in samples))
            sample_item.setToolTip("\n".join(samples))
            self.table.setItem(column, 1, sample_item)
            combo = choice_combo(f"target_{column}", {v: k for k, v in TARGETS.items()})
            combo.setCurrentIndex(max(0, combo.findData(mapping[column])))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(column, 2, combo)
            self.combos.append(combo)
        if self.combos:
            height = self.combos[0].sizeHint().height() + 6
            self.table.verticalHeader().setDefaultSectionSize(height)
        self._changed()

    def mapping(self) -> tuple[str, ...]:
        return tuple(str(c.currentData()) for c in self.combos)

    def _changed(self) -> None:
        self.error.setVisible(not self.isComplete())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return any(target in NAME_TARGETS for target in self.mapping())

    def validatePage(self) -> bool:
        mapping = self.mapping()
        self.flow.choices = dataclasses.replace(self.flow.choices, mapping=mapping)
        self.flow.settings.setValue(self.settings_key(), list(mapping))
        return True


class ImportPage(Page):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard, "importPage", tr("Import", "title: the import itself"),
                         tr("Everything is added in one go: cancelling adds nothing."))
        self.status = _label("importStatus", "font-weight: 600;")
        self.details = _label("importDetails")
        self.task = Task(wizard.runner, QProgressBar(objectName="importBar"), self)
        self.report_button = QPushButton(tr("Save error report…"),
                                         objectName="saveReportButton")
        self.report_button.clicked.connect(self.save_report)
        self.report_button.hide()
        self.saved = _label("reportSaved")
        self.report_hint = _label("reportHint", HINT_STYLE,
                                  tr("The rows that were not imported, each with its line and "
                                     "reason, as CSV to fix and import again."))
        self.report_hint.hide()
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addWidget(self.report_hint, 1)
        for widget in (self.status, self.task.bar, self.details, self.error):
            self.box.addWidget(widget)
        self.box.addLayout(row)
        self.box.addWidget(self.saved)
        self.box.addStretch(1)
        self.finished = False

    def initializePage(self) -> None:
        new, merges = self.flow.planned or ([], [])
        store = self.flow.store
        self.finished = False
        count = len(new) + len(merges)
        self.status.setText(tr("Importing {count} contractor(s)…", "", count).format(
            count=number(count)))
        self.task.start(
            lambda progress: run_import(store, new, merges, progress.report),
            self._done, self._failed, write=True)
        self.completeChanged.emit()

    def cancel(self) -> None:
        self.task.request_stop()
        self.status.setText(tr("Cancelling…"))

    def _done(self, result: importing.ImportResult) -> None:
        self.flow.result_counts = result
        if self.flow.plan is not None:
            added, not_added = result_text(result, self.flow.plan)
            self.status.setText(added)
            self.details.setText(not_added)
            reported = self.flow.plan.count(REJECTED) + self.flow.plan.count(DUPLICATE)
            self.report_button.show()
            self.report_button.setEnabled(reported > 0)
            self.report_hint.setVisible(reported > 0)
        self._finish()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.status.setText(tr("Import cancelled — nothing was added."))
        else:
            self.status.setText(tr("The import did not go through — nothing was added."))
            self.show_error(str(error) or type(error).__name__)
        self._finish()

    def _finish(self) -> None:
        self.finished = True
        self.flow.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.completeChanged.emit()

    def save_report(self) -> None:
        plan, source = self.flow.plan, self.flow.path
        if plan is None or source is None:
            return
        default = source.with_name(f"{source.stem}-import-errors.csv")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save error report"), str(default),
                                              tr("CSV files") + " (*.csv)")
        if not path:
            return
        try:
            with csv_file(Path(path), excel=True) as out:  # private: it holds the rows
                count = plan_import.write_error_report(out, plan)
        except OSError as exc:
            self.saved.setStyleSheet(ERROR_STYLE)
            self.saved.setText(tr("The report could not be saved: {problem}").format(
                problem=exc.strerror or exc))
        else:
            self.saved.setStyleSheet("")
            self.saved.setText(tr("Saved {count} row(s) to {path}", "", count).format(
                count=number(count), path=path))

    def isComplete(self) -> bool:
        return self.finished


class ImportWizard(QWizard):
    """Accepted when the import added or merged at least one contractor."""

    def __init__(self, runner: Runner, settings: QSettings,
                 parent: QWidget | None = None, path: Path | None = None,
                 today: dt.date | None = None):
        super().__init__(parent, objectName="importWizard",
                         windowTitle=tr("Import contractors"))
        self.runner, self.store, self.settings, self.today = runner, runner.store, settings, today
        self.path: Path | None = None
        self.table: Table | None = None
        self.choices: Choices | None = None
        self.plan: Plan | None = None
        self.planned: tuple[list, list] | None = None  # what writes(plan) gave: new, merges
        self.result_counts: importing.ImportResult | None = None
        # The roster's emails, read once, by the first check (on the worker thread).
        self.emails = cache(partial(importing.emails, runner.store))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.file_page, self.columns_page = FilePage(self), ColumnsPage(self)
        self.preview_page, self.import_page = PreviewPage(self), ImportPage(self)
        for page in (self.file_page, self.columns_page, self.preview_page, self.import_page):
            self.addPage(page)
        geometry = settings.value("import/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(900, 620)
        if path is not None:
            self.file_page.open(Path(path))

    def write_count(self) -> int:
        return sum(len(part) for part in self.planned) if self.planned else 0

    def written(self) -> bool:
        r = self.result_counts
        return r is not None and r.created + r.merged > 0

    def reject(self) -> None:
        if self.import_page.task.running:  # Cancel stops the import; the page then says so
            self.import_page.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        for page in (self.file_page, self.preview_page, self.import_page):
            page.task.abandon()
        self.settings.setValue("import/geometry", self.saveGeometry())
        # Accepted exactly when the roster changed (Finish after nothing was written is not,
        # closing the window after an import is): the roster reloads on Accepted.
        code = QDialog.DialogCode
        super().done(code.Accepted if self.written() else code.Rejected)
