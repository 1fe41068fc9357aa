"""Settings ▸ Reference rates: the central bank rates late-payment interest starts from (ECB,
Bank of England), each from its date, editable so the owner keeps them current."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.core.formats import date_text
from desktop.core.late_payment import RATE_LABELS, ReferenceRate, percent_text, validate_rate
from desktop.operations import settings
from desktop.store import reference_rates
from desktop.store.reference_rates import RateRecord
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.sourced_dialog import SourcedDialog, SourcedForm, SourcedModel

_COLUMNS = (QT_TR_NOOP("Series"), QT_TR_NOOP("In force from"), QT_TR_NOOP("Rate"),
            QT_TR_NOOP("Source"), QT_TR_NOOP("Checked on"))


def _cells(record: RateRecord) -> tuple[str, ...]:
    r = record.rate
    return (r.series, date_text(r.effective_from), percent_text(r.rate_bp), r.source,
            date_text(r.checked_on))


class RatesModel(SourcedModel[RateRecord]):
    def __init__(self, parent: Any = None):
        super().__init__(_COLUMNS, _cells, lambda record: record.rate.source, parent)


class RateForm(SourcedForm[ReferenceRate]):
    def __init__(self, rate: ReferenceRate | None, parent: QWidget | None = None):
        values: dict[str, object] = {"series": "ECB", "checked_on": dt.date.today()} \
            if rate is None else {
            "series": rate.series, "effective_from": rate.effective_from,
            "rate": percent_text(rate.rate_bp).removesuffix(" %"), "source": rate.source,
            "checked_on": rate.checked_on}
        super().__init__(tr("Edit reference rate") if rate else tr("New reference rate"),
                         RATE_LABELS, validate_rate, values,
                         {"series": tr("ECB or BOE: the name a payment rule's interest uses"),
                          "effective_from": tr("YYYY-MM-DD"), "rate": tr("e.g. 2.15"),
                          "source": tr("where the rate was published"),
                          "checked_on": tr("YYYY-MM-DD")}, parent)


class RatesDialog(SourcedDialog[RateRecord]):
    noun = QT_TR_NOOP("rate")
    add_op = settings.add_rate
    update_op = settings.update_rate
    delete_op = settings.delete_rate

    def __init__(self, runner: Runner, parent: QWidget | None = None):
        super().__init__(
            runner, tr("Reference rates"),
            tr("Late-payment interest under the EU directive and the UK Act is a central bank "
               "rate plus 8 points: the rate in force when the half-year began (1 January or "
               "1 July). Add each change the bank announces, with its date, and set Checked on "
               "when you last looked, so the dashboard can tell whether the latest half-year is "
               "covered. Not legal advice."), RatesModel(), 3, parent)

    def load(self) -> list[RateRecord]:
        return reference_rates.rate_records(self.store)

    def form(self, record: RateRecord | None) -> RateForm:
        return RateForm(None if record is None else record.rate, self)

    def name(self, record: RateRecord) -> str:
        return tr("{series} from {day}").format(series=record.rate.series,
                                                 day=date_text(record.rate.effective_from))

    def labels_of(self, field: str) -> str:
        return RATE_LABELS.get(field, super().labels_of(field))
