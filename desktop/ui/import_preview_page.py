"""The import wizard's preview page: every row checked in the background, with the choices that
change the outcome (day/month order, what to do with known emails) next to the result."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.core.formats import number
from desktop.io import contractor_import as plan_import
from desktop.io.contractor_import import Plan
from desktop.io.values import DAY_FIRST, MONTH_FIRST
from desktop.ui.background_task import Progress, Task
from desktop.ui.fields import ERROR_STYLE
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.import_preview_model import FILTERS, ImportPreviewModel, summary_text

if TYPE_CHECKING:
    from desktop.ui.import_wizard import ImportWizard

DATE_ORDERS = {QT_TR_NOOP("As found in the file"): None,
               QT_TR_NOOP("Day before month"): DAY_FIRST,
               QT_TR_NOOP("Month before day"): MONTH_FIRST}
ON_DUPLICATE = {QT_TR_NOOP("Skip rows whose email is already known"): "skip",
                QT_TR_NOOP("Merge them into the existing contractor"): "merge"}


def list_table(view: QTableView, widths: tuple[int, ...]) -> None:
    """Read like a list: no row numbers, one line per row."""
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setHighlightSections(False)
    for column, width in enumerate(widths):
        view.horizontalHeader().resizeSection(column, width)


def choice_combo(name: str, items: dict[str, Any]) -> QComboBox:
    """Labels marked with QT_TR_NOOP (or not meant for translating, which tr leaves alone)."""
    combo = QComboBox(objectName=name)
    for label, value in items.items():
        combo.addItem(tr(label), value)
    return combo


class PreviewPage(QWizardPage):
    """Checks every row off the UI thread (again whenever a choice here changes) and commits
    the wizard to the import when the user presses Import."""

    def __init__(self, wizard: ImportWizard):
        super().__init__(objectName="previewPage", title=tr("Check before importing"),
                         subTitle=tr("Every row of the file and what will happen to it. "
                                     "Nothing is added until you import."))
        self.flow = wizard
        self.setCommitPage(True)
        self.task = Task(wizard.runner, QProgressBar(objectName="analyseBar"), self)
        self.summary = QLabel(objectName="summary", styleSheet="font-weight: 600;")
        self.warnings = QLabel(objectName="warnings", wordWrap=True)
        self.error = QLabel(objectName="previewError", wordWrap=True, styleSheet=ERROR_STYLE)
        self.error.hide()
        self.date_combo = choice_combo("dateOrderCombo", DATE_ORDERS)
        self.duplicate_combo = choice_combo("duplicatesCombo", ON_DUPLICATE)
        for combo in (self.date_combo, self.duplicate_combo):
            combo.currentIndexChanged.connect(self.start)
        self.filter_combo = choice_combo("filterCombo", {name: name for name in FILTERS})
        self.filter_combo.currentIndexChanged.connect(
            lambda _index: self.model.set_filter(self.filter_combo.currentData()))
        self.model = ImportPreviewModel(self)
        self.view = QTableView(objectName="previewTable")
        self.view.setModel(self.model)
        list_table(self.view, (56, 84, 150, 230, 120))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setStretchLastSection(True)

        controls = QHBoxLayout()
        for text, combo, after in ((tr("Dates:"), self.date_combo, 12),
                                   (tr("Emails already known:"), self.duplicate_combo, 0),
                                   (tr("Show:"), self.filter_combo, 0)):
            if combo is self.filter_combo:
                controls.addStretch(1)
            controls.addWidget(QLabel(text))
            controls.addWidget(combo)
            controls.addSpacing(after)
        box = QVBoxLayout(self)
        for widget in (self.summary, self.warnings, self.task.bar, self.error):
            box.addWidget(widget)
        box.addLayout(controls)
        box.addWidget(self.view, 1)

    def initializePage(self) -> None:
        self.start()

    def cleanupPage(self) -> None:
        self.task.abandon()

    def start(self) -> None:
        """Check every row again with the current choices; the last result stays on show."""
        table, emails, today = self.flow.table, self.flow.emails, self.flow.today
        choices = dataclasses.replace(self.flow.choices, date_order=self.date_combo.currentData(),
                                      on_duplicate=self.duplicate_combo.currentData())

        def check(progress: Progress) -> tuple[Plan, tuple[list, list]]:
            plan = plan_import.analyse(table, choices, emails(), today, progress.should_stop)
            return plan, plan_import.writes(plan)

        self.error.hide()
        rows = len(table.records)
        self.summary.setText(tr("Checking {count} row(s)…", "", rows).format(count=number(rows)))
        self.task.start(check, lambda result: self._set_plan(*result), self._failed)
        self.completeChanged.emit()

    def _set_plan(self, plan: Plan | None, planned: tuple[list, list] | None) -> None:
        self.flow.plan, self.flow.planned = plan, planned
        self.model.set_plan(plan)
        self.summary.setText(summary_text(plan) if plan else "")
        flagged = sum(1 for r in plan.rows if r.warnings) if plan else 0
        notes = [*(plan.warnings if plan else []),
                 *([tr("{count} row(s) have a warning: see Details.", "", flagged).format(
                     count=number(flagged))] if flagged else [])]
        self.warnings.setText("\n".join(notes))
        self.warnings.setVisible(bool(notes))
        count = self.flow.write_count()
        self.setButtonText(QWizard.WizardButton.CommitButton,
                           tr("Import {count} contractor(s)", "", count).format(
                               count=number(count)) if count else tr("Nothing to import"))
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self._set_plan(None, None)
        self.error.setText(tr("The file could not be checked: {problem}").format(problem=error))
        self.error.show()

    def isComplete(self) -> bool:
        return not self.task.running and self.flow.write_count() > 0
