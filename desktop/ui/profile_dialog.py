"""Settings ▸ Business profile: the name on reports, the base currency and locale, where the
tax year starts, annual revenue (what a contract's financial impact is measured against) and
the value from which a written contract is required where no jurisdiction rule says."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.formats import resolve_locale
from desktop.core.money import format_money
from desktop.core.profile import LABELS, validate_profile
from desktop.core.reference import is_currency
from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import settings
from desktop.store.profile import get_profile
from desktop.ui import ask
from desktop.ui.colours import muted_style
from desktop.ui.fields import FieldBox, save_cancel, show_field_errors
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.saving_dialog import SavingDialog

HINTS = {"country": QT_TR_NOOP("e.g. US, GB, DE"),
         "region": QT_TR_NOOP("state or region code, e.g. NY (optional)"),
         "base_currency": QT_TR_NOOP("e.g. USD"),
         "locale": QT_TR_NOOP("blank: the system's; e.g. en_GB, de_DE"),
         "tax_year_start": QT_TR_NOOP("MM-DD, e.g. 01-01, or 04-06 in the UK"),
         "annual_revenue": QT_TR_NOOP("blank: financial impact stays unknown"),
         "written_contract_from": QT_TR_NOOP("blank: only where a jurisdiction rule requires one")}


class ProfileDialog(SavingDialog):
    def __init__(self, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(tr("Business profile"))
        record = get_profile(runner.store)
        self.version = record.version
        self.editors = {name: QLineEdit(value) for name, value in record.profile.to_raw().items()}
        self.boxes = {name: FieldBox(editor) for name, editor in self.editors.items()}
        form = QFormLayout()
        for name, box in self.boxes.items():
            self.editors[name].setPlaceholderText(tr(HINTS[name]) if name in HINTS else "")
            form.addRow(LABELS[name], box)
            if name == "locale":
                self.sample = QLabel(objectName="localeSample")
                self.sample.setStyleSheet(muted_style())
                form.addRow("", self.sample)
        for name in ("locale", "base_currency"):
            self.editors[name].textChanged.connect(self._show_sample)
        self._show_sample()
        note = QLabel(tr("Annual revenue and the written-contract amount are in the base "
                         "currency. Until revenue is set, a contract's financial impact is "
                         "unknown: the risk review scores it as 3 and says so, but requires "
                         "nothing on its strength."))
        note.setWordWrap(True)
        note.setStyleSheet(muted_style())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(save_cancel(self))
        self.setMinimumWidth(580)

    def _show_sample(self) -> None:
        """How a date and an amount will read, as the locale is typed."""
        locale = resolve_locale(self.editors["locale"].text().strip())
        currency = self.editors["base_currency"].text().strip().upper()
        amount = format_money(123456, currency, locale) if is_currency(currency) else ""
        day = format_date(dt.date.today(), "medium", locale=locale)
        self.sample.setText(f"{Locale.parse(locale).display_name}: {day}"
                            + (f" · {amount}" if amount else ""))

    def accept(self) -> None:
        try:
            data = validate_profile({n: e.text() for n, e in self.editors.items()},
                                    dt.date.today())
        except ValidationError as exc:
            self._show(exc)
            return
        self.save(settings.save_profile, data, self.version,
                  handles=(ConflictError, ValidationError), failed=self._refused)

    def _show(self, exc: ValidationError) -> None:
        show_field_errors(exc, self.boxes, self.editors, LABELS)
        self.adjustSize()  # room for the messages under their fields

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self._show(exc)
            return
        ask.warn(self, f"{exc}.", tr("Business profile"))  # saved elsewhere: show theirs
        record = get_profile(self.runner.store)
        self.version = record.version
        for name, value in record.profile.to_raw().items():
            self.editors[name].setText(value)
