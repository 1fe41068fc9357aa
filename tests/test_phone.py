"""Phone numbers: read with or without a country, kept in one form, shown as dialled."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.phone import display_phone, normalise_phone, phone_key
from desktop.io.contractor_import import analyse, default_choices, describe
from desktop.io.import_table import read_bytes
from desktop.store.importing import KnownContacts


class TestNormalise:
    @pytest.mark.parametrize(("typed", "country", "stored"), [
        ("030 123456", "DE", "+4930123456"),
        ("030/123 456", "de", "+4930123456"),
        ("0049 30 123456", "DE", "+4930123456"),  # the international prefix dialled from Germany
        ("(718) 555-0147", "US", "+17185550147"),
        ("020 7946 0958", "GB", "+442079460958"),
    ])
    def test_read_in_the_country_given(self, typed: str, country: str, stored: str) -> None:
        assert normalise_phone(typed, country) == stored

    @pytest.mark.parametrize("country", ["", "US", "JP"])
    def test_a_leading_plus_needs_no_country(self, country: str) -> None:
        assert normalise_phone("+49 (30) 123-456", country) == "+4930123456"

    @pytest.mark.parametrize("typed", ["030 123456 ext. 12", "030 123456 x12", "030 123456 ext 12",
                                       "030 123456 extension 12", "+4930123456;ext=12"])
    def test_extensions_are_kept(self, typed: str) -> None:
        assert normalise_phone(typed, "DE") == "+4930123456;ext=12"

    def test_the_stored_form_reads_back_unchanged(self) -> None:
        for stored in ("+4930123456", "+4930123456;ext=12", "+17185550147"):
            assert normalise_phone(stored, "FR") == stored

    @pytest.mark.parametrize(("typed", "country", "message"), [
        ("12", "DE", "is too short to be a whole phone number in Germany (with its area code)"),
        ("555 0100", "US", "is too short to be a whole phone number in the United States "
                           "(with its area code)"),
        ("+1 555 0100", "", "is too short to be a whole phone number with the country code +1 "
                            "(with its area code)"),
        ("030 1234567890123456", "DE", "is too long to be a phone number in Germany"),
        ("+999 123456", "", "does not start with a country code that exists"),
        ("030 123456", "", "has no country code: start it with + and the code (such as "
                           "+1 555 010 0134), or choose the contractor's country"),
        ("call me", "DE", "may hold only digits, spaces, + ( ) - . / and an extension such as "
                          "“ext. 12”"),
        ("+1 800 FLOWERS", "", "may hold only digits, spaces, + ( ) - . / and an extension "
                               "such as “ext. 12”"),
        ("030 123456 x", "DE", "may hold only digits, spaces, + ( ) - . / and an extension "
                               "such as “ext. 12”"),
    ])
    def test_what_is_no_number_says_why(self, typed: str, country: str, message: str) -> None:
        with pytest.raises(ValueError) as caught:
            normalise_phone(typed, country)
        assert str(caught.value) == message

    def test_an_unknown_country_code_counts_as_none(self) -> None:
        with pytest.raises(ValueError, match="has no country code"):
            normalise_phone("030 123456", "XX")


class TestKey:
    def test_numbers_saved_as_typed_are_read_on_the_fly(self) -> None:
        assert phone_key("030 123456", "DE") == phone_key("+49 30 123456") == "+4930123456"

    def test_unreadable_ones_match_nothing(self) -> None:
        assert phone_key("call the office", "DE") == ""
        assert phone_key("030 123456") == ""  # no country to read it in
        assert phone_key("") == ""


class TestDisplay:
    def test_national_at_home_international_elsewhere(self) -> None:
        assert display_phone("+4930123456", "DE") == "030 123456"
        assert display_phone("+4930123456", "US") == "+49 30 123456"
        assert display_phone("+17185550147", "US") == "(718) 555-0147"
        assert display_phone("+17185550147", "") == "+1 718-555-0147"

    def test_with_extension(self) -> None:
        assert display_phone("+4930123456;ext=12", "DE") == "030 123456 ext. 12"
        assert display_phone("+4930123456;ext=12", "GB") == "+49 30 123456 ext. 12"

    def test_a_region_sharing_a_calling_code_is_not_home(self) -> None:
        assert display_phone("+15145550132", "US") == "+1 514-555-0132"  # Montréal

    def test_saved_as_typed_is_read_in_the_contractors_country(self) -> None:
        assert display_phone("030 123456", "US", "DE") == "+49 30 123456"
        assert display_phone("030 123456", "DE") == "030 123456"

    def test_unreadable_is_shown_as_stored(self) -> None:
        assert display_phone("call the office", "DE") == "call the office"
        assert display_phone("030 123456", "") == "030 123456"
        assert display_phone("", "DE") == ""


def test_a_number_without_a_country_code_is_read_in_the_business_country() -> None:
    from desktop.core.contractor import validate_contractor

    raw = {"display_name": "Jonas", "phone": "030 123456"}
    assert validate_contractor(raw, home_country="DE").phone == "+4930123456"
    with pytest.raises(ValueError, match="has no country code"):
        validate_contractor(raw)


def test_an_import_names_the_line_and_field_of_a_bad_number() -> None:
    table = read_bytes(b"Name,Phone,Country\r\nJonas,030 123456,DE\r\nMia,12,DE\r\n"
                       b"Ana,(503) 555-0140,\r\n", "people.csv")
    plan = analyse(table, default_choices(table), KnownContacts(country="US"),
                   dt.date(2026, 11, 25))
    assert [r.data.phone for r in plan.rows if r.data] == ["+4930123456", "", "+15035550140"]
    assert "line 3: Phone “12” is too short to be a whole phone number in Germany (with its " \
           "area code); kept in the notes" in describe(plan)["warnings"]  # type: ignore[operator]
    assert "Phone: 12" in plan.rows[1].data.notes  # type: ignore[union-attr]
