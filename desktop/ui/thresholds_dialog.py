"""Settings ▸ Reporting thresholds: the tax reporting thresholds (such as the US 1099-NEC's)
the year-end tax summary and the risk summary compare payments with, editable."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.core.formats import date_text
from desktop.core.money import format_money, to_major_text
from desktop.core.thresholds import LABELS, ThresholdData, validate_threshold
from desktop.operations import settings
from desktop.store import thresholds
from desktop.store.thresholds import ThresholdRecord
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.sourced_dialog import SourcedDialog, SourcedForm, SourcedModel

_COLUMNS = (QT_TR_NOOP("Country"), QT_TR_NOOP("Form"), QT_TR_NOOP("Tax years"),
            QT_TR_NOOP("Threshold"), QT_TR_NOOP("Source"), QT_TR_NOOP("Checked on"))


def _cells(record: ThresholdRecord) -> tuple[str, ...]:
    t = record.threshold
    return (t.jurisdiction, t.form, t.years(), format_money(t.amount_minor, t.currency),
            t.source, date_text(t.checked_on))


class ThresholdsModel(SourcedModel[ThresholdRecord]):
    def __init__(self, parent: Any = None):
        super().__init__(_COLUMNS, _cells, lambda record: record.threshold.source, parent)


class ThresholdForm(SourcedForm[ThresholdData]):
    def __init__(self, threshold: ThresholdData | None, parent: QWidget | None = None):
        t = threshold
        # A new one is most often the next year's 1099-NEC figure.
        values: dict[str, object] = {
            "jurisdiction": "US", "form": "1099-NEC", "currency": "USD",
            "checked_on": dt.date.today()} if t is None else {
            "jurisdiction": t.jurisdiction, "form": t.form, "tax_year_from": t.tax_year_from,
            "tax_year_to": t.tax_year_to, "amount": to_major_text(t.amount_minor, t.currency),
            "currency": t.currency, "source": t.source, "checked_on": t.checked_on}
        super().__init__(tr("Edit threshold") if t else tr("New threshold"), LABELS,
                         validate_threshold, values,
                         {"tax_year_from": tr("e.g. 2027"),
                          "tax_year_to": tr("blank: until a later row"),
                          "amount": tr("e.g. 2,100"),
                          "source": tr("the law or notice the figure comes from"),
                          "checked_on": tr("YYYY-MM-DD", "how a date is typed")}, parent)


class ThresholdsDialog(SourcedDialog[ThresholdRecord]):
    noun = "threshold"
    add_op = settings.add_threshold
    update_op = settings.update_threshold
    delete_op = settings.delete_threshold

    def __init__(self, runner: Runner, parent: QWidget | None = None):
        super().__init__(
            runner, tr("Reporting thresholds"),
            tr("The year-end tax summary and the risk summary compare what you paid with these. "
               "A tax year no row covers has no threshold, and the reports say so rather than "
               "reuse another year's. Add each new year's figure when it is published, with its "
               "source. Not tax advice."), ThresholdsModel(), 4, parent)

    def load(self) -> list[ThresholdRecord]:
        return thresholds.threshold_records(self.store)

    def form(self, record: ThresholdRecord | None) -> ThresholdForm:
        return ThresholdForm(None if record is None else record.threshold, self)

    def name(self, record: ThresholdRecord) -> str:
        t = record.threshold
        return f"{t.jurisdiction} {t.form} {t.years()}"

    def labels_of(self, field: str) -> str:
        return LABELS.get(field, super().labels_of(field))
