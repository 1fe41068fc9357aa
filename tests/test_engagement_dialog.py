"""The engagement editor: inline errors naming the field, pricing that switches fields on and
off, a live brief check, and warnings from the stored payment rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.core.deadlines import PaymentRule
from desktop.core.engagement import EngagementData
from desktop.core.enums import Channel, CheckInCadence, PricingModel
from desktop.store.db import Store
from desktop.store.rules import payment_rules
from desktop.ui.engagement_dialog import EngagementDialog
from tests.factories import make_engagement

CONTRACTORS = [(7, "Maya Okafor"), (9, "Pixelhaus")]


@pytest.fixture
def rules(store: Store) -> list[PaymentRule]:
    return payment_rules(store)


def open_dialog(qtbot, data=None, rules=()) -> EngagementDialog:  # type: ignore[no-untyped-def]
    dialog = EngagementDialog(data, CONTRACTORS, list(rules))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_into(qtbot, dialog: EngagementDialog, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = dialog.editors[field]
    editor.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, text)


def choose(dialog: EngagementDialog, field: str, value: object) -> None:
    dialog.editors[field].set_value(value)  # type: ignore[attr-defined]


def test_errors_appear_as_you_type_and_name_the_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "amount", "12.345")
    assert not dialog.boxes["amount"].error.isVisible()  # nothing moves while typing
    assert dialog.boxes["amount"].editor.toolTip() == "Amount USD takes at most 2 decimal places"
    assert dialog.boxes["amount"].error.text() == "Amount USD takes at most 2 decimal places"
    assert "Amount USD takes at most 2 decimal places" in dialog.summary.text()
    type_into(qtbot, dialog, "payment_terms_days", "400")
    assert dialog.boxes["payment_terms_days"].error.text() == \
        "Payment terms (net days) must be between 0 and 365"
    type_into(qtbot, dialog, "end_on", "2026-01-01")
    type_into(qtbot, dialog, "start_on", "2026-02-01")
    assert dialog.boxes["end_on"].error.text() == "End is before the start"
    type_into(qtbot, dialog, "amount", "1250")
    assert not dialog.boxes["amount"].error.isVisible()
    # Untouched fields stay quiet until a save is attempted.
    assert not dialog.boxes["title"].error.isVisible()
    assert not dialog.boxes["contractor_id"].error.isVisible()


def test_save_is_refused_until_every_field_is_valid(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    dialog.editors["jurisdiction_country"].setEditText("XQ")  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.result_data is None
    assert dialog.boxes["contractor_id"].error.text() == "Contractor is required"
    assert dialog.boxes["title"].error.text() == "Title is required"
    assert dialog.boxes["amount"].error.text() == "Amount must be more than zero for this pricing"
    assert "ISO 3166-1" in dialog.boxes["jurisdiction_country"].error.text()
    assert dialog.summary.text() == ("Fix 4 fields before saving: Contractor, Title, Amount, "
                                     "Jurisdiction country")
    assert dialog.focusWidget() is dialog.editors["contractor_id"]


@pytest.mark.parametrize(("model", "enabled", "disabled"), [
    ("fixed", {"amount"}, {"rate", "estimated_hours", "billing_period"}),
    ("milestones", {"amount"}, {"rate", "estimated_hours", "billing_period"}),
    ("retainer", {"amount", "billing_period"}, {"rate", "estimated_hours"}),
    ("hourly", {"rate", "estimated_hours", "billing_period"}, {"amount"}),
    ("daily", {"rate", "estimated_hours", "billing_period"}, {"amount"}),
])
def test_pricing_model_switches_irrelevant_fields_off(qtbot, model: str, enabled: set[str],
                                                      disabled: set[str]) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    choose(dialog, "pricing_model", model)
    assert {n for n in enabled | disabled if dialog.editors[n].isEnabled()} == enabled
    assert dialog.editors["hours_cap"].isEnabled()


def test_units_follow_the_pricing(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    choose(dialog, "pricing_model", "daily")
    assert (dialog.units["rate"].text(), dialog.units["estimated_hours"].text()) == \
        ("per day", "days")
    choose(dialog, "pricing_model", "retainer")
    choose(dialog, "billing_period", "weekly")
    assert dialog.units["amount"].text() == "per week"


def test_a_disabled_field_is_not_saved(qtbot) -> None:  # type: ignore[no-untyped-def]
    hourly = make_engagement(7, pricing_model="hourly", amount="", rate="85",
                             estimated_hours="40")
    dialog = open_dialog(qtbot, hourly)
    choose(dialog, "pricing_model", "fixed")
    type_into(qtbot, dialog, "amount", "3400")
    dialog.accept()
    assert dialog.result_data is not None
    assert (dialog.result_data.pricing_model, dialog.result_data.amount_minor,
            dialog.result_data.rate_minor, dialog.result_data.estimated_hours) == \
        (PricingModel.FIXED, 340_000, None, None)


def test_brief_line_lists_what_is_still_empty(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    assert dialog.brief_line.text() == ("Still empty: Goals, Scope, Deliverables, "
                                        "Acceptance criteria, Communication plan")
    for name in ("goals", "scope", "deliverables"):
        type_into(qtbot, dialog, name, "Something clear")
    assert dialog.brief_line.text() == "Still empty: Acceptance criteria, Communication plan"
    type_into(qtbot, dialog, "acceptance_criteria", "Signed off by Sam")
    choose(dialog, "comm_channel", "video")
    choose(dialog, "comm_cadence", "weekly")
    assert dialog.brief_line.text() == "Still empty: Communication plan"
    type_into(qtbot, dialog, "comm_contact", "Sam")
    assert dialog.brief_line.text() == "Brief complete"


def test_long_payment_terms_in_germany_name_the_directive(qtbot, rules) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, rules=rules)
    assert not dialog.warning_line.isVisible()
    dialog.editors["jurisdiction_country"].set_value("DE")  # type: ignore[attr-defined]
    type_into(qtbot, dialog, "payment_terms_days", "75")
    assert dialog.warning_line.isVisible()
    text = dialog.warning_line.text()
    assert "Net 75 days is beyond the 60 days" in text
    assert "EU Late Payment Directive" in text and "Directive 2011/7/EU" in text
    type_into(qtbot, dialog, "payment_terms_days", "60")
    assert not dialog.warning_line.isVisible()
    type_into(qtbot, dialog, "payment_terms_days", "75")
    dialog.editors["jurisdiction_country"].set_value("CH")  # type: ignore[attr-defined]
    assert not dialog.warning_line.isVisible()  # not an EU member


def test_written_contract_rule_uses_the_contract_value(qtbot, rules) -> None:  # type: ignore[no-untyped-def]
    data = make_engagement(7, jurisdiction_country="US", jurisdiction_region="NY",
                           amount="500", payment_terms_days="30")
    dialog = open_dialog(qtbot, data, rules)
    assert not dialog.warning_line.isVisible()
    type_into(qtbot, dialog, "amount", "800")
    assert "Freelance Isn't Free Act requires a written contract from $800.00" in \
        dialog.warning_line.text()
    assert dialog.value_label.text() == "Contract value: $800.00"


def test_valid_form_produces_the_engagement(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    choose(dialog, "contractor_id", 9)
    type_into(qtbot, dialog, "title", "Shop redesign")
    type_into(qtbot, dialog, "goals", "More online orders")
    choose(dialog, "pricing_model", "daily")
    type_into(qtbot, dialog, "rate", "720")
    dialog.editors["currency"].set_value("EUR")  # type: ignore[attr-defined]
    type_into(qtbot, dialog, "estimated_hours", "30")
    type_into(qtbot, dialog, "start_on", "2026-09-01")
    type_into(qtbot, dialog, "end_on", "2026-12-31")
    type_into(qtbot, dialog, "payment_terms_days", "30")
    dialog.editors["jurisdiction_country"].set_value("DE")  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.editors["subcontracting_allowed"], Qt.MouseButton.LeftButton)
    choose(dialog, "comm_channel", "chat")
    choose(dialog, "comm_cadence", "fortnightly")
    type_into(qtbot, dialog, "comm_contact", "Sam")
    assert dialog.value_label.text() == "Contract value: €21,600.00"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    data = dialog.result_data
    assert isinstance(data, EngagementData)
    assert (data.contractor_id, data.title, data.goals, data.pricing_model, data.rate_minor,
            data.currency, data.estimated_hours, data.amount_minor, data.jurisdiction_country,
            data.subcontracting_allowed, data.comm_channel, data.comm_cadence) == \
        (9, "Shop redesign", "More online orders", PricingModel.DAILY, 72_000, "EUR", 30, None,
         "DE", True, Channel.CHAT, CheckInCadence.FORTNIGHTLY)


def test_editing_loads_every_value_back_unchanged(qtbot) -> None:  # type: ignore[no-untyped-def]
    original = make_engagement(
        9, pricing_model="retainer", amount="900", billing_period="weekly", hours_cap="20",
        ip_terms="All rights to the client on payment", ip_assignment_signed=True,
        nda_signed_on="2026-02-01", data_access="personal_data", subcontracting_allowed=True,
        jurisdiction_country="US", jurisdiction_region="ca", comm_overlap="15:00-17:00 UTC")
    dialog = open_dialog(qtbot, original)
    assert dialog.windowTitle() == "Edit engagement"
    dialog.accept()
    assert dialog.result_data == original


def test_escape_cancels_without_result(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui import discard

    asked: list[str] = []
    monkeypatch.setattr(discard, "ask_to_discard", lambda _p: asked.append("Discard changes?")
                        or True)
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "title", "Half-written")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Discard changes?"]
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.result_data is None
