"""The Reports tab: choose a report and its period or date, save it as PDF or CSV, open it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from tempfile import TemporaryDirectory

from PySide6.QtCore import QDate, QLocale, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import periods
from desktop.core.formats import current_locale, number
from desktop.core.validation import Cancelled
from desktop.operations import reports
from desktop.operations.reports import (
    AS_OF,
    CONTRACTOR,
    CURRENCY,
    FILTERS,
    KINDS,
    PERIOD,
    TAX_YEAR,
    Choice,
    ReportKind,
)
from desktop.store import contractors
from desktop.store.db import Store
from desktop.store.reporting import business, payment_currencies
from desktop.ui.background_task import Progress, Task
from desktop.ui.fields import ERROR_STYLE
from desktop.ui.follow import Follow
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner

# Shown translated; the English name is the item's data, which preset_period reads.
PRESETS = (QT_TR_NOOP("This month"), QT_TR_NOOP("Last month"), QT_TR_NOOP("This quarter"),
           QT_TR_NOOP("Last quarter"), QT_TR_NOOP("This tax year"), QT_TR_NOOP("Last tax year"),
           QT_TR_NOOP("Custom dates"))
# The title of the Save dialog per report (the report's own title reads as a heading).
_SAVE_TITLES = {"payments": QT_TR_NOOP("Save payments for a period"),
                "statement": QT_TR_NOOP("Save contractor statement"),
                "tax-year": QT_TR_NOOP("Save year-end tax summary"),
                "outstanding": QT_TR_NOOP("Save outstanding and overdue"),
                "planner": QT_TR_NOOP("Save outsourcing plan")}
# What a problem with the choice names, by the field it is about.
_FIELDS = {PERIOD: QT_TR_NOOP("Period"), CONTRACTOR: QT_TR_NOOP("Contractor")}


def preset_period(name: str, today: dt.date, tax_year_start: tuple[int, int]) -> periods.Period:
    """The period a preset names, seen from ``today``."""
    if name in ("This month", "Last month"):
        first = today.replace(day=1)
        if name == "Last month":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return periods.month(first.year, first.month)
    if name in ("This quarter", "Last quarter"):
        number, year = (today.month - 1) // 3 + 1, today.year
        if name == "Last quarter":
            number, year = (4, year - 1) if number == 1 else (number - 1, year)
        return periods.quarter(year, number)
    year = today.year if today >= dt.date(today.year, *tax_year_start) else today.year - 1
    return periods.tax_year(year - (name == "Last tax year"), tax_year_start)


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), objectName=name, calendarPopup=True)
    # The business locale's numeric form, with the whole year ("12.03.2026", "3/12/2026").
    locale = QLocale(current_locale())
    edit.setLocale(locale)
    edit.setDisplayFormat(re.sub(r"(?<!y)y{1,2}(?!y)", "yyyy",
                                 locale.dateFormat(QLocale.FormatType.ShortFormat)))
    return edit


def _choices(store: Store) -> tuple[tuple[int, int], list[tuple[int, str]], list[str], list[str]]:
    """The tax year's start and what the filters offer: contractors by name, tags, currencies."""
    rows = sorted(contractors.list_rows(store), key=lambda r: r.display_name.casefold())
    archived = tr("{name} (archived)")
    people = [(r.id, archived.format(name=r.display_name) if r.archived else r.display_name)
              for r in rows]
    return (business(store).tax_year_start, people, contractors.used_tags(store),
            payment_currencies(store))


class ReportsView(QWidget):
    ready = Signal()  # the filter lists are filled

    def __init__(self, runner: Runner, settings: QSettings, parent: QWidget | None = None,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.runner, self.store, self.settings = runner, runner.store, settings
        self.today = today or dt.date.today()
        self.tax_year_start = (1, 1)
        self.list = QListWidget(objectName="reportList")
        self.list.setMaximumWidth(240)
        for kind in KINDS:
            item = QListWidgetItem(kind.title)
            item.setToolTip(kind.blurb)
            item.setData(Qt.ItemDataRole.UserRole, kind.key)
            self.list.addItem(item)
        self.list.setSpacing(3)
        self.list.currentRowChanged.connect(self._kind_changed)

        self.title = QLabel(objectName="reportTitle", styleSheet="font-size: 15px; font-weight: 600;")
        self.blurb = QLabel(objectName="reportBlurb", wordWrap=True)
        self.preset = QComboBox(objectName="periodPreset")
        for name in PRESETS:
            self.preset.addItem(tr(name), name)
        self.preset.currentIndexChanged.connect(
            lambda _index: self._preset_changed(self.preset.currentData()))
        self.first = _date_edit("firstDate", self.today)
        self.last = _date_edit("lastDate", self.today)
        self.contractor = QComboBox(objectName="contractorCombo", editable=True)
        # Type part of a name to find one contractor among thousands.
        self.contractor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        finder = QCompleter(self.contractor.model(), self.contractor)
        finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        finder.setFilterMode(Qt.MatchFlag.MatchContains)
        self.contractor.setCompleter(finder)
        self.category = QComboBox(objectName="categoryCombo")
        self.currency = QComboBox(objectName="currencyCombo")
        self.year = QSpinBox(objectName="taxYear", minimum=1990, maximum=2100, value=self.today.year)
        self.as_of = _date_edit("asOfDate", self.today)
        period_row = QHBoxLayout()
        period_row.addWidget(self.preset)
        period_row.addWidget(QLabel(tr("from", "a period: from this day")))
        period_row.addWidget(self.first)
        period_row.addWidget(QLabel(tr("to", "a period: to this day")))
        period_row.addWidget(self.last)
        period_row.addStretch(1)
        for combo in (self.contractor, self.category, self.currency):
            combo.setMinimumContentsLength(28)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.rows = {PERIOD: (tr("Period:"), period_row),
                     CONTRACTOR: (tr("Contractor:"), self.contractor),
                     TAX_YEAR: (tr("Tax year:"), self.year), AS_OF: (tr("As of:"), self.as_of)}
        for label, field in self.rows.values():
            self.form.addRow(label, field)
        self.form.addRow(tr("Category:"), self.category)
        self.form.addRow(tr("Currency:"), self.currency)

        self.pdf_button = QPushButton(tr("Save PDF…"), objectName="savePdf")
        self.pdf_button.clicked.connect(lambda: self.save(pdf=True))
        self.print_button = QPushButton(tr("Print…"), objectName="printReport")
        self.print_button.setToolTip(tr("Print preview, then print"))
        self.print_button.clicked.connect(lambda: self.save(pdf=True, printing=True))
        self.csv_button = QPushButton(tr("Save CSV…"), objectName="saveCsv")
        self.csv_button.clicked.connect(lambda: self.save(pdf=False))
        self.open_after = QCheckBox(tr("Open the PDF when it is ready"), objectName="openAfter")
        self.open_after.setChecked(settings.value("reports/open", True, type=bool))
        self.open_after.toggled.connect(lambda on: settings.setValue("reports/open", on))
        self.cancel_button = QPushButton(tr("Cancel"), objectName="cancelReport")
        self.cancel_button.clicked.connect(self.cancel)
        self.task = Task(runner, QProgressBar(objectName="reportBar"), self)
        self.task.bar.setTextVisible(False)
        self.status = QLabel(objectName="reportStatus", wordWrap=True,
                             textInteractionFlags=Qt.TextInteractionFlag.TextBrowserInteraction)
        self.status.setOpenExternalLinks(True)
        buttons = QHBoxLayout()
        for widget in (self.pdf_button, self.print_button, self.csv_button, self.open_after):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        busy = QHBoxLayout()
        busy.addWidget(self.task.bar, 1)
        busy.addWidget(self.cancel_button)

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.blurb)
        right.addSpacing(8)
        right.addLayout(self.form)
        right.addSpacing(8)
        right.addLayout(buttons)
        right.addLayout(busy)
        right.addWidget(self.status)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self._set_busy(False)
        # Names, tags and archiving change the contractor and category lists; payments, the
        # currencies; the business settings, the tax year. A hidden tab reads them when shown:
        # 100,000 names are not worth reading beside the roster's own first load.
        self.follow = Follow(runner, lambda c: c.touches("contractors", "installments",
                                                         "settings"),
                             lambda _changes: self.refresh(), self, when_shown=True)
        self.list.setCurrentRow(0)

    # --- choices -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the contractor, category and currency lists off the UI thread (100,000
        contractors take a moment)."""
        self.runner.read(_choices, self.store, done=self._fill, key="report-choices",
                         parent=self)

    def _fill(self, found: tuple[tuple[int, int], list[tuple[int, str]], list[str], list[str]]
              ) -> None:
        self.tax_year_start, people, tags, currencies = found
        for combo, everything, values in (
                (self.contractor, tr("All contractors"), people),
                (self.category, tr("All categories"), [(t, t) for t in tags]),
                (self.currency, tr("All currencies"), [(c, c) for c in currencies])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, text in values:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self._kind_changed(self.list.currentRow())
        self._preset_changed(self.preset.currentData())
        self.ready.emit()

    def kind(self) -> ReportKind:
        return KINDS[max(0, self.list.currentRow())]

    def _kind_changed(self, _row: int) -> None:
        kind = self.kind()
        self.title.setText(kind.title)
        self.blurb.setText(kind.blurb)
        for need, (_label, field) in self.rows.items():
            self.form.setRowVisible(field, need in kind.needs)
        self.form.setRowVisible(self.category, FILTERS in kind.needs)
        self.form.setRowVisible(self.currency, bool({FILTERS, CURRENCY} & kind.needs))
        # A statement is about one contractor: "All contractors" is not a choice there.
        if self.contractor.count():
            self.contractor.model().item(0).setEnabled(kind.key != "statement")  # type: ignore[attr-defined]
            if kind.key == "statement" and self.contractor.currentIndex() == 0:
                self.contractor.setCurrentIndex(min(1, self.contractor.count() - 1))
        self.form.setRowVisible(self.contractor, CONTRACTOR in kind.needs or FILTERS in kind.needs)
        self.csv_button.setEnabled(not self.task.running and kind.csv is not None)
        self.status.clear()

    def _preset_changed(self, name: str) -> None:
        custom = name == "Custom dates"
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        if not custom:
            period = preset_period(name, self.today, self.tax_year_start)
            for edit, day in ((self.first, period.first), (self.last, period.last)):
                edit.setDate(QDate(day.year, day.month, day.day))

    def choice(self) -> Choice:
        return Choice(first=_day(self.first), last=_day(self.last),
                      contractor_id=self.contractor.currentData(),
                      currency=self.currency.currentData(), tag=self.category.currentData(),
                      year=self.year.value(), as_of=_day(self.as_of), today=self.today)

    def problem(self, choice: Choice) -> str:
        found = reports.problems(self.kind(), choice)
        names = {e.field: tr(_FIELDS[e.field]) if e.field in _FIELDS else e.field.capitalize()
                 for e in found}
        return " ".join(f"{names[e.field]}: {e.message}." for e in found)

    # --- saving --------------------------------------------------------------------------
    def save(self, *, pdf: bool, printing: bool = False) -> None:
        choice, kind = self.choice(), self.kind()
        problem = self.problem(choice)
        if problem:
            self._say(problem, error=True)
            return
        if printing:  # a PDF of its own, kept until the window closes, to print from
            self._print_folder = getattr(self, "_print_folder", None) or TemporaryDirectory()
            self._write(kind, choice, Path(self._print_folder.name)
                        / (kind.file_stem(choice) + ".pdf"), pdf=True, printing=True)
            return
        folder = Path(str(self.settings.value("reports/folder", str(Path.home()))))
        suffix, filter_text = (".pdf", "PDF (*.pdf)") if pdf else (".csv", "CSV (*.csv)")
        path_text, _ = QFileDialog.getSaveFileName(
            self, tr(_SAVE_TITLES.get(kind.key, QT_TR_NOOP("Save report"))),
            str(folder / (kind.file_stem(choice) + suffix)),
            filter_text)
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.settings.setValue("reports/folder", str(path.parent))
        self._write(kind, choice, path, pdf=pdf)

    def _write(self, kind, choice, path: Path, *, pdf: bool,  # type: ignore[no-untyped-def]
               printing: bool = False) -> None:
        store = self.store

        def write(progress: Progress) -> tuple[Path, int | None]:
            if pdf or kind.csv is None:
                return reports.write_pdf(store, kind, path, choice, progress.stop.is_set), None
            return path, reports.write_csv(store, kind, path, choice)

        self._set_busy(True)
        self._say(tr("Writing {file}…").format(file=path.name))
        self.task.start(write, self._to_print if printing else self._saved, self._failed)

    def _to_print(self, result: tuple[Path, int | None]) -> None:
        self._set_busy(False)
        self._say("")
        from desktop.ui.print_pdf import preview  # the printing modules when asked for

        self.preview = preview(self, result[0])
        self.preview.exec()

    def cancel(self) -> None:
        self.task.request_stop()
        self._say(tr("Stopping…"))

    def _saved(self, result: tuple[Path, int | None]) -> None:
        path, rows = result
        self._set_busy(False)
        link = QUrl.fromLocalFile(str(path)).toString()
        folder = QUrl.fromLocalFile(str(path.parent)).toString()
        if rows is None:
            said = tr("Saved to <a href='{link}'>{file}</a> (<a href='{folder}'>show the "
                      "folder</a>).")
        else:
            said = tr("{count} row(s) to <a href='{link}'>{file}</a> (<a href='{folder}'>show "
                      "the folder</a>).", "", rows)
        self._say(said.format(count=number(rows or 0), link=link, file=path.name, folder=folder),
                  rich=True)
        if (rows is None and self.open_after.isChecked()
                and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))):
            self._say(tr("Saved to <a href='{link}'>{file}</a>; no program here is set up to "
                         "open PDF files, so <a href='{folder}'>show the folder</a> and open it "
                         "from there.").format(link=link, file=path.name, folder=folder),
                      rich=True)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, Cancelled):
            self._say(tr("Stopped; no file was written."))
        else:
            self._say(tr("The report could not be written: {problem}").format(problem=error),
                      error=True)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.pdf_button, self.print_button, self.list):
            widget.setEnabled(not busy)
        self.csv_button.setEnabled(not busy and self.kind().csv is not None)
        self.cancel_button.setVisible(busy)

    def _say(self, text: str, *, error: bool = False, rich: bool = False) -> None:
        self.status.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def close_down(self) -> None:
        """Stop a report being written (the window is closing)."""
        self.task.abandon()
