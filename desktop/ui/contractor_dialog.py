"""Add or edit a contractor: every field, checked as you type, nothing saved while one is wrong."""

from __future__ import annotations

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.contractor import LABELS, ContractorData, validate_contractor
from desktop.core.enums import Channel, ContractorKind, ContractorStatus, RateUnit, Source, TaxForm
from desktop.core.phone import display_phone
from desktop.core.reference import COMMON_CURRENCIES, countries, currencies, timezones
from desktop.core.validation import ValidationError
from desktop.ui.discard import AsksBeforeDiscarding
from desktop.ui.fields import (
    DateLine,
    EnumCombo,
    FieldBox,
    LookupCombo,
    TextArea,
    error_summary,
    fix_summary,
    mark_invalid,
    save_cancel,
)
from desktop.ui.i18n import tr
from desktop.ui.screen_fit import fit_on_screen, scrolled


class ContractorDialog(AsksBeforeDiscarding, QDialog):
    def __init__(self, data: ContractorData | None = None, known_tags: list[str] | None = None,
                 parent: QWidget | None = None, *, home_country: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("Edit contractor") if data else tr("New contractor"))
        self.result_data: ContractorData | None = None
        # The business's country: numbers without a country code are read there, and its own
        # numbers are shown as dialled at home.
        self.home_country = home_country
        self._phone_shown = ("", "")  # (as shown, as stored) of the number loaded
        self._touched: set[str] = set()
        self._build(known_tags or [])
        self._load(data or ContractorData(display_name=""))
        self.remember()
        self._touched.clear()
        self.boxes["display_name"].editor.setFocus()

    # --- layout --------------------------------------------------------------------------
    def _build(self, known_tags: list[str]) -> None:
        e = self.editors = {
            "display_name": QLineEdit(), "legal_name": QLineEdit(),
            "kind": EnumCombo(ContractorKind), "company": QLineEdit(),
            "email": QLineEdit(), "phone": QLineEdit(), "website": QLineEdit(),
            "address": TextArea(3),
            "country": LookupCombo(countries().items(), blank=tr("(not set)")),
            "timezone": LookupCombo(((z, "") for z in timezones()), blank=tr("(not set)")),
            "tax_id": QLineEdit(), "tax_form": EnumCombo(TaxForm), "tax_form_on": DateLine(),
            "rate": QLineEdit(), "rate_unit": EnumCombo(RateUnit),
            "currency": LookupCombo(currencies().items(), common=COMMON_CURRENCIES),
            "tags": QLineEdit(), "preferred_channel": EnumCombo(Channel),
            "status": EnumCombo(ContractorStatus), "source": EnumCombo(Source),
            "identity_verified_on": DateLine(), "notes": TextArea(4),
        }
        e["display_name"].setPlaceholderText(tr("How you refer to them, e.g. Maya Okafor"))
        e["email"].setPlaceholderText(tr("name@example.com"))
        e["website"].setPlaceholderText("https://")
        e["rate"].setPlaceholderText("0.00")
        e["rate"].setMaximumWidth(140)
        e["tags"].setPlaceholderText(tr("design, web, copywriting"))
        if known_tags:
            e["tags"].setToolTip(tr("Tags in use: {tags}").format(tags=", ".join(known_tags)))
        tax_id = e["tax_id"]
        tax_id.setEchoMode(QLineEdit.EchoMode.Password)
        reveal = QAction(QIcon.fromTheme("view-reveal-symbolic"),
                         tr("Show", "reveal a hidden tax ID"), tax_id)
        reveal.setCheckable(True)
        reveal.setToolTip(tr("Show the tax ID while editing"))
        reveal.toggled.connect(lambda on: tax_id.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        tax_id.addAction(reveal, QLineEdit.ActionPosition.TrailingPosition)
        self.reveal_tax_id = reveal

        for name, editor in e.items():
            signal = getattr(editor, "changed", None) or getattr(editor, "textChanged", None)
            if isinstance(editor, EnumCombo):
                signal = editor.currentIndexChanged
            elif isinstance(editor, LookupCombo):
                signal = editor.currentTextChanged
            signal.connect(lambda *_, n=name: self._on_edit(n))

        # Rate, unit and currency share one row and one error line under it.
        rate_row = QWidget()
        rate_layout = QHBoxLayout(rate_row)
        rate_layout.setContentsMargins(0, 0, 0, 0)
        rate_layout.addWidget(e["rate"])
        rate_layout.addWidget(QLabel(tr("per", "rate per unit")))
        rate_layout.addWidget(e["rate_unit"])
        rate_layout.addWidget(e["currency"], 1)
        rate_box = FieldBox(rate_row)
        self.boxes = {name: rate_box if name in ("rate", "rate_unit", "currency") else FieldBox(w)
                      for name, w in e.items()}

        def group(title: str, names: list[str]) -> QGroupBox:
            box = QGroupBox(title)
            outer = QVBoxLayout(box)
            form = QFormLayout()
            for name in names:
                form.addRow(LABELS[name] + ("*" if name == "display_name" else ""), self.boxes[name])
            outer.addLayout(form)
            outer.addStretch(1)  # spare height goes below the fields, not between them
            return box

        notes = QGroupBox(LABELS["notes"])
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(self.boxes["notes"])

        grid = QGridLayout()
        grid.addWidget(group(tr("Who"), ["display_name", "legal_name", "kind", "company",
                                         "status", "source"]), 0, 0)
        grid.addWidget(group(tr("Contact"), ["email", "phone", "website", "preferred_channel",
                                             "address", "country", "timezone"]), 0, 1, 2, 1)
        grid.addWidget(group(tr("Tax and identity"), ["tax_id", "tax_form", "tax_form_on",
                                                      "identity_verified_on"]), 1, 0)
        grid.addWidget(group(tr("Rate and skills"), ["rate", "tags"]), 2, 0, 1, 2)
        grid.addWidget(notes, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.summary = error_summary()
        self.buttons = save_cancel(self)
        outer = QGridLayout(self)
        outer.addWidget(scrolled(grid), 0, 0)
        outer.addWidget(self.summary, 1, 0)
        outer.addWidget(self.buttons, 2, 0)
        fit_on_screen(self, 940, 660)

    # --- values --------------------------------------------------------------------------
    def _load(self, data: ContractorData) -> None:
        raw = data.to_raw()
        for name, editor in self.editors.items():
            value = raw.get(name, "")
            if name == "tags":
                editor.setText(", ".join(value))  # type: ignore[arg-type, attr-defined]
            elif name == "phone":
                shown = display_phone(data.phone, self.home_country, data.country)
                self._phone_shown = (shown, data.phone)
                editor.setText(shown)  # type: ignore[attr-defined]
            elif isinstance(editor, (EnumCombo, LookupCombo)):
                editor.set_value(str(value))
            elif isinstance(editor, TextArea):
                editor.setPlainText(str(value))
            else:
                editor.setText(str(value))  # type: ignore[attr-defined]

    def values(self) -> dict[str, object]:
        return self.raw()

    def raw(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, (EnumCombo, LookupCombo, TextArea)):
                out[name] = editor.value()
            else:
                out[name] = editor.text()  # type: ignore[attr-defined]
        out["tags"] = str(out["tags"]).split(",")
        if out["phone"] == self._phone_shown[0]:
            # Untouched: the stored number, which a change of country must not re-read.
            out["phone"] = self._phone_shown[1]
        return out

    # --- validation ----------------------------------------------------------------------
    def _on_edit(self, name: str) -> None:
        self._touched.add(name)
        self._validate(show_all=False)

    def _validate(self, show_all: bool) -> ContractorData | None:
        try:
            data = validate_contractor(self.raw(), home_country=self.home_country)
        except ValidationError as exc:
            errors = {e.field: e.message for e in exc.errors}
        else:
            errors, data = {}, data
        lines: dict[FieldBox, list[str]] = {box: [] for box in self.boxes.values()}
        for name, box in self.boxes.items():
            message = errors.get(name) if (show_all or name in self._touched) else None
            mark_invalid(self.editors[name], bool(message))
            if message:
                lines[box].append(tr("{field} {problem}", "a field's name, then what is wrong with it")
                                  .format(field=LABELS[name], problem=message))
        for box, messages in lines.items():
            box.set_error("; ".join(messages) or None, below=show_all)
        shown = [n for n in self.editors if n in errors and (show_all or n in self._touched)]
        self.summary.setText(fix_summary(shown, errors, LABELS))
        self.summary.setVisible(bool(shown))
        return None if errors else data

    def accept(self) -> None:
        data = self._validate(show_all=True)
        if data is None:
            first = next(n for n in self.editors if self.editors[n].styleSheet())
            self.editors[first].setFocus()
            return
        self.result_data = data
        super().accept()
