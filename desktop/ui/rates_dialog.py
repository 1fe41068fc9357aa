"""Settings ▸ Reference rates: the central bank rates late-payment interest starts from (ECB,
Bank of England), each from its date, editable so the owner keeps them current."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.core.late_payment import RATE_LABELS, ReferenceRate, percent_text, validate_rate
from desktop.operations import settings
from desktop.store import reference_rates
from desktop.store.reference_rates import RateRecord
from desktop.ui.runner import Runner
from desktop.ui.sourced_dialog import SourcedDialog, SourcedForm, SourcedModel

_COLUMNS = ("Series", "In force from", "Rate", "Source", "Checked on")


def _cells(record: RateRecord) -> tuple[str, ...]:
    r = record.rate
    return (r.series, r.effective_from.isoformat(), percent_text(r.rate_bp), r.source,
            r.checked_on.isoformat())


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
        super().__init__("Edit reference rate" if rate else "New reference rate", RATE_LABELS,
                         validate_rate, values,
                         {"series": "ECB or BOE: the name a payment rule's interest uses",
                          "effective_from": "YYYY-MM-DD", "rate": "e.g. 2.15",
                          "source": "where the rate was published",
                          "checked_on": "YYYY-MM-DD"}, parent)


class RatesDialog(SourcedDialog[RateRecord]):
    noun = "rate"
    add_op = settings.add_rate
    update_op = settings.update_rate
    delete_op = settings.delete_rate

    def __init__(self, runner: Runner, parent: QWidget | None = None):
        super().__init__(
            runner, "Reference rates",
            "Late-payment interest under the EU directive and the UK Act is a central bank "
            "rate plus 8 points: the rate in force when the half-year began (1 January or "
            "1 July). Add each change the bank announces, with its date, and set Checked on "
            "when you last looked, so the dashboard can tell whether the latest half-year is "
            "covered. Not legal advice.", RatesModel(), 3, parent)

    def load(self) -> list[RateRecord]:
        return reference_rates.rate_records(self.store)

    def form(self, record: RateRecord | None) -> RateForm:
        return RateForm(None if record is None else record.rate, self)

    def name(self, record: RateRecord) -> str:
        return f"{record.rate.series} from {record.rate.effective_from.isoformat()}"

    def labels_of(self, field: str) -> str:
        return RATE_LABELS.get(field, super().labels_of(field))
