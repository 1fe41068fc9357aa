"""The business profile: checked field by field, saved with its version, edited in Settings and
on the command line, and read by the risk review for financial impact."""

from __future__ import annotations

import pytest

from desktop.core import formats
from desktop.core.money import format_money
from desktop.core.profile import ProfileData, validate_profile
from desktop.core.validation import ConflictError, ValidationError
from desktop.store.db import Store
from desktop.store.profile import get_profile, save_profile
from desktop.store.reporting import business
from desktop.store.reviews import annual_revenue
from desktop.ui.profile_dialog import ProfileDialog
from tests.conftest import settle
from tests.threads import dialog_runner


def test_each_field_is_checked_and_named() -> None:
    made = validate_profile({"name": " Zoë ", "base_currency": "eur", "locale": "de-DE",
                             "tax_year_start": "04-06", "annual_revenue": "250000.00"})
    assert (made.name, made.base_currency, made.locale, made.tax_year_start_month,
            made.tax_year_start_day) == ("Zoë", "EUR", "de_DE", 4, 6)
    assert made.annual_revenue_minor == 25_000_000 and made.to_raw()["tax_year_start"] == "04-06"
    with pytest.raises(ValidationError) as refused:
        validate_profile({"country": "XX", "base_currency": "", "locale": "nope",
                          "tax_year_start": "02-29", "written_contract_from": "0"})
    assert set(e.field for e in refused.value.errors) == {
        "country", "base_currency", "locale", "tax_year_start"}


def test_saved_with_its_version_and_read_by_reports_and_the_review(store: Store) -> None:
    first = get_profile(store)
    assert first.version == 0 and first.profile == ProfileData()
    assert annual_revenue(store, "USD") is None
    saved = save_profile(store, validate_profile({"name": "Zoë", "base_currency": "USD",
                                                 "tax_year_start": "07-01",
                                                 "annual_revenue": "500000"}), 0)
    assert saved.version == 1 and get_profile(store) == saved
    assert business(store).tax_year_start == (7, 1) and business(store).name == "Zoë"
    assert annual_revenue(store, "USD") == 50_000_000 and annual_revenue(store, "EUR") is None
    with pytest.raises(ConflictError, match="changed elsewhere"):
        save_profile(store, ProfileData(name="Stale"), 0)


def test_the_settings_dialog_names_bad_fields_and_saves(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = ProfileDialog(dialog_runner(store))
    qtbot.addWidget(dialog)
    dialog.editors["tax_year_start"].setText("13-01")
    dialog.accept()
    assert dialog.boxes["tax_year_start"].error.text().startswith("Tax year starts “13-01”")
    dialog.editors["tax_year_start"].setText("04-06")
    dialog.editors["annual_revenue"].setText("1,200,000")
    dialog.accept()
    settle(qtbot, dialog.runner)
    assert dialog.result() == ProfileDialog.DialogCode.Accepted
    assert get_profile(store).profile.annual_revenue_minor == 120_000_000


def test_the_locale_shows_a_sample_and_takes_effect_when_saved(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = ProfileDialog(dialog_runner(store))
    qtbot.addWidget(dialog)
    assert dialog.editors["locale"].text() == ""  # the system's (en_US in the tests)
    assert dialog.sample.text().startswith("English (United States): ")
    dialog.editors["base_currency"].setText("EUR")
    dialog.editors["locale"].setText("de_DE")
    assert dialog.sample.text().startswith("Deutsch (Deutschland): ")
    assert dialog.sample.text().endswith(" · 1.234,56\xa0€")
    dialog.accept()
    settle(qtbot, dialog.runner)
    assert formats.current_locale() == "de_DE"  # every view re-reads in it
    assert format_money(150, "EUR") == "1,50\xa0€"


def test_the_command_line_shows_and_sets(cli) -> None:  # type: ignore[no-untyped-def]
    assert "Annual revenue:          not set: financial impact is unknown" in \
        cli("settings", "profile")[1]
    code, out, _ = cli("settings", "profile", "set", "--name", "Zoë", "--revenue", "90000")
    assert code == 0 and "Annual revenue:          90000.00" in out
    code, _, err = cli("settings", "profile", "set", "--tax-year-start", "4/6")
    assert code == 2 and "crewbook: error: --tax-year-start: “4/6” is not a month" in err
    assert "Business name:           Zoë" in cli("settings", "profile", "show")[1]
