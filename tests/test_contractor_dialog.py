"""The contractor editor: inline errors naming the field, a masked tax ID, nothing saved while wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from desktop.ui.contractor_dialog import ContractorDialog
from tests.factories import make_contractor


def open_dialog(qtbot, data=None) -> ContractorDialog:  # type: ignore[no-untyped-def]
    dialog = ContractorDialog(data, ["design", "web"])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_into(qtbot, dialog: ContractorDialog, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = dialog.editors[field]
    editor.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, text)


def test_errors_show_as_you_type_without_moving_the_form(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "display_name", "Maya")
    below = dialog.boxes["phone"].mapTo(dialog, dialog.boxes["phone"].rect().topLeft())
    type_into(qtbot, dialog, "email", "maya@")
    # Named in the field's tooltip and the line under the form; the fields below stay put.
    assert dialog.boxes["email"].editor.toolTip().startswith("Email is not a valid address")
    assert dialog.summary.text().startswith("Fix 1 field before saving: Email is not a valid")
    assert not dialog.boxes["email"].error.isVisible()
    assert dialog.boxes["phone"].mapTo(dialog, dialog.boxes["phone"].rect().topLeft()) == below
    type_into(qtbot, dialog, "email", "maya@example.com")
    assert dialog.boxes["email"].editor.toolTip() == "" and not dialog.summary.isVisible()
    # Untouched fields stay quiet until a save is attempted.
    assert not dialog.boxes["country"].error.isVisible()


def test_a_line_shown_on_save_keeps_its_room_once_fixed(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "display_name", "Maya")
    type_into(qtbot, dialog, "email", "maya@")
    dialog.accept()
    assert dialog.boxes["email"].error.isVisible()
    assert dialog.boxes["email"].error.text().startswith("Email is not a valid address")
    below = dialog.boxes["phone"].mapTo(dialog, dialog.boxes["phone"].rect().topLeft())
    type_into(qtbot, dialog, "email", "maya@example.com")
    assert not dialog.boxes["email"].error.isVisible()
    assert dialog.boxes["phone"].mapTo(dialog, dialog.boxes["phone"].rect().topLeft()) == below


def test_save_is_refused_until_every_field_is_valid(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "rate", "12.345")
    dialog.editors["currency"].set_value("USD")  # type: ignore[attr-defined]
    type_into(qtbot, dialog, "tax_form_on", "2026-02-30")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.result_data is None
    assert dialog.boxes["display_name"].error.text() == "Display name is required"
    assert "USD takes at most 2 decimal places" in dialog.boxes["rate"].error.text()
    assert "does not exist" in dialog.boxes["tax_form_on"].error.text()
    assert "Display name" in dialog.summary.text() and "Default rate" in dialog.summary.text()
    assert dialog.focusWidget() is dialog.editors["display_name"]


def test_iso_codes_are_checked(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "display_name", "Maya")
    dialog.editors["country"].setEditText("XQ")  # type: ignore[attr-defined]
    dialog.editors["currency"].setEditText("ABC")  # type: ignore[attr-defined]
    dialog.accept()
    assert "ISO 3166-1" in dialog.boxes["country"].error.text()
    assert "ISO 4217" in dialog.boxes["currency"].error.text()


def test_valid_form_produces_the_contractor(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "display_name", "Maya Okafor")
    type_into(qtbot, dialog, "email", "Maya@Example.com")
    type_into(qtbot, dialog, "rate", "1,250.50")
    dialog.editors["currency"].set_value("EUR")  # type: ignore[attr-defined]
    dialog.editors["country"].set_value("DE")  # type: ignore[attr-defined]
    dialog.editors["status"].set_value("active")  # type: ignore[attr-defined]
    type_into(qtbot, dialog, "tags", "Design, web")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    data = dialog.result_data
    assert data is not None
    assert (data.display_name, data.email, data.rate_minor, data.currency, data.country,
            data.status, data.tags) == ("Maya Okafor", "Maya@example.com", 125050, "EUR", "DE",
                                        "active", ("design", "web"))


def test_editing_loads_every_value_and_masks_the_tax_id(qtbot) -> None:  # type: ignore[no-untyped-def]
    original = make_contractor(tax_id="12-3456789", country="US", timezone="America/Chicago",
                               notes="Line one\nline two", tags=["web"], tax_form="w9",
                               tax_form_on="2025-03-01")
    dialog = open_dialog(qtbot, original)
    tax_id = dialog.editors["tax_id"]
    assert isinstance(tax_id, QLineEdit)
    assert tax_id.echoMode() == QLineEdit.EchoMode.Password
    dialog.reveal_tax_id.setChecked(True)
    assert tax_id.echoMode() == QLineEdit.EchoMode.Normal
    dialog.accept()
    assert dialog.result_data == original


def test_escape_cancels_without_result(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui import discard

    asked: list[str] = []
    monkeypatch.setattr(discard, "ask_to_discard", lambda _p: asked.append("Discard changes?")
                        or True)
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "display_name", "Maya")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Discard changes?"]
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.result_data is None


def test_the_phone_shows_as_dialled_at_home_and_saves_in_one_form(qtbot) -> None:  # type: ignore[no-untyped-def]
    stored = make_contractor(phone="+49 30 123456 ext. 12", country="DE")
    assert stored.phone == "+4930123456;ext=12"
    dialog = ContractorDialog(stored, home_country="DE")
    qtbot.addWidget(dialog)
    assert dialog.editors["phone"].text() == "030 123456 ext. 12"  # type: ignore[attr-defined]
    # Moving the contractor does not re-read the number they already have.
    dialog.editors["country"].set_value("AT")  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.result_data is not None and dialog.result_data.phone == "+4930123456;ext=12"


def test_a_new_number_is_read_in_the_business_country(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ContractorDialog(None, home_country="DE")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "display_name", "Jonas")
    type_into(qtbot, dialog, "phone", "12")
    assert dialog.summary.text() == ("Fix 1 field before saving: Phone is too short to be a "
                                     "whole phone number in Germany (with its area code)")
    type_into(qtbot, dialog, "phone", "030 654321 x7")
    dialog.accept()
    assert dialog.result_data is not None and dialog.result_data.phone == "+4930654321;ext=7"
