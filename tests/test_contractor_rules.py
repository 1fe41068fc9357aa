"""What a valid contractor is: each field's rule, masking and search text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.contractor import (
    MAX_LENGTHS,
    ContractorData,
    mask_tax_id,
    search_text,
    validate_contractor,
)
from desktop.core.enums import Channel, ContractorKind, ContractorStatus, RateUnit, Source, TaxForm
from desktop.core.money import to_major_text
from desktop.core.validation import ValidationError

TODAY = dt.date(2025, 6, 1)


def valid(**fields: object) -> ContractorData:
    raw: dict[str, object] = {"display_name": "Maya Okafor"}
    raw.update(fields)
    return validate_contractor(raw, today=TODAY)


def rejected(**fields: object) -> ValidationError:
    raw: dict[str, object] = {"display_name": "Maya Okafor"}
    raw.update(fields)
    with pytest.raises(ValidationError) as caught:
        validate_contractor(raw, today=TODAY)
    return caught.value


def only_error(field: str, **fields: object) -> str:
    """The message for ``field``, checking it is the one field rejected."""
    error = rejected(**fields)
    assert [e.field for e in error.errors] == [field]
    message = error.for_field(field)
    assert message
    assert str(error).startswith(f"{field}: ")
    return message


class TestDisplayName:
    def test_required(self) -> None:
        assert only_error("display_name", display_name="") == "is required"

    def test_blank_is_missing(self) -> None:
        assert only_error("display_name", display_name="   \t") == "is required"

    def test_missing_key_is_missing(self) -> None:
        with pytest.raises(ValidationError) as caught:
            validate_contractor({}, today=TODAY)
        assert caught.value.for_field("display_name") == "is required"

    def test_stripped(self) -> None:
        assert valid(display_name="  Maya Okafor  ").display_name == "Maya Okafor"

    def test_defaults(self) -> None:
        data = valid()
        assert data == ContractorData(display_name="Maya Okafor")
        assert data.currency == "USD"
        assert data.status is ContractorStatus.PROSPECT
        assert data.rate_minor is None
        assert data.tags == ()


class TestEmail:
    def test_domain_normalised_and_stripped(self) -> None:
        assert valid(email="  Maya@Example.COM ").email == "Maya@example.com"

    @pytest.mark.parametrize("email", ["bad@", "no-at-sign", "a@b", "two@@example.com",
                                       "spaces in@example.com"])
    def test_invalid(self, email: str) -> None:
        assert only_error("email", email=email).startswith("is not a valid address")

    def test_empty_is_allowed(self) -> None:
        assert valid(email="").email == ""


class TestPhone:
    @pytest.mark.parametrize(("phone", "country", "stored"), [
        ("+1 718-555-0147", "", "+17185550147"),
        ("+44 (20) 7946 0958", "", "+442079460958"),
        ("030/1234567", "DE", "+49301234567"),
        ("(718) 555.0147", "US", "+17185550147"),
        ("+1 718 555 0147 ext. 12", "", "+17185550147;ext=12"),
        ("030 1234567 x3", "de", "+49301234567;ext=3"),
    ])
    def test_stored_in_one_form(self, phone: str, country: str, stored: str) -> None:
        assert valid(phone=phone, country=country).phone == stored

    def test_business_country_reads_a_number_without_one(self) -> None:
        raw = {"display_name": "Maya Okafor", "phone": "030 1234567"}
        assert validate_contractor(raw, TODAY, home_country="DE").phone == "+49301234567"
        # The contractor's own country comes first.
        assert validate_contractor({**raw, "country": "AT"}, TODAY,
                                   home_country="DE").phone == "+43301234567"

    @pytest.mark.parametrize("phone", ["call me", "+1 555 CALL", "555-0100; drop"])
    def test_rejected(self, phone: str) -> None:
        assert "digits" in only_error("phone", phone=phone, country="US")

    def test_too_short_names_the_country(self) -> None:
        assert only_error("phone", phone="12", country="DE") == (
            "is too short to be a whole phone number in Germany (with its area code)")

    def test_without_any_country_asks_for_one(self) -> None:
        assert only_error("phone", phone="030 1234567").startswith("has no country code")


class TestWebsite:
    def test_scheme_added(self) -> None:
        assert valid(website="example.com").website == "https://example.com"

    @pytest.mark.parametrize("url", ["https://example.com/about", "http://example.org"])
    def test_kept(self, url: str) -> None:
        assert valid(website=url).website == url

    @pytest.mark.parametrize("url", ["ftp://example.com", "localhost", "https://exa mple.com",
                                     "javascript:alert(1)", "https://", "file:///etc/passwd",
                                     "[", "https://[::1"])
    def test_rejected(self, url: str) -> None:
        assert "web address" in only_error("website", website=url)

    def test_scheme_added_within_the_length_limit(self) -> None:
        bare = "a" * (MAX_LENGTHS["website"] - 4) + ".com"
        assert "longer than 300" in only_error("website", website=bare)
        fits = "a" * (MAX_LENGTHS["website"] - 12) + ".com"
        assert len(valid(website=fits).website) == MAX_LENGTHS["website"]

    @pytest.mark.parametrize("url", ["mailto:a@b.com", "https://user@example.com"])
    def test_not_a_web_host(self, url: str) -> None:
        assert "web address" in only_error("website", website=url)


class TestCountry:
    def test_upper_cased(self) -> None:
        assert valid(country=" de ").country == "DE"

    @pytest.mark.parametrize("code", ["XX", "USA", "U", "12"])
    def test_unknown(self, code: str) -> None:
        assert "ISO 3166-1 alpha-2" in only_error("country", country=code)


class TestTimezone:
    def test_known(self) -> None:
        assert valid(timezone="Europe/Berlin").timezone == "Europe/Berlin"

    @pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "europe/berlin", "CET+1"])
    def test_unknown(self, zone: str) -> None:
        assert "time zone" in only_error("timezone", timezone=zone)


class TestCurrency:
    def test_lowercase_accepted(self) -> None:
        assert valid(currency="eur").currency == "EUR"

    def test_blank_means_usd(self) -> None:
        assert valid(currency="").currency == "USD"

    def test_unknown(self) -> None:
        assert "ISO 4217" in only_error("currency", currency="ABC")

    def test_unknown_currency_does_not_also_blame_the_rate(self) -> None:
        error = rejected(currency="ABC", rate="1.234")
        assert [e.field for e in error.errors] == ["currency"]


class TestRate:
    @pytest.mark.parametrize(("rate", "currency", "minor"), [
        ("85", "USD", 8500), ("1,250.50", "EUR", 125050), ("1000", "JPY", 1000),
        ("1.234", "KWD", 1234), ("0", "GBP", 0),
    ])
    def test_minor_units(self, rate: str, currency: str, minor: int) -> None:
        assert valid(rate=rate, currency=currency).rate_minor == minor

    @pytest.mark.parametrize(("rate", "currency", "message"), [
        ("1.234", "USD", "USD takes at most 2 decimal places"),
        ("1000.5", "JPY", "JPY takes no decimal places"),
        ("1.2345", "KWD", "KWD takes at most 3 decimal places"),
    ])
    def test_respects_currency_digits(self, rate: str, currency: str, message: str) -> None:
        assert only_error("rate", rate=rate, currency=currency) == message

    @pytest.mark.parametrize("rate", ["-5", "12,5", "cheap"])
    def test_bad(self, rate: str) -> None:
        only_error("rate", rate=rate)

    def test_blank_is_no_rate(self) -> None:
        assert valid(rate="  ").rate_minor is None


class TestDates:
    @pytest.mark.parametrize("name", ["tax_form_on", "identity_verified_on"])
    def test_leap_day(self, name: str) -> None:
        assert getattr(valid(**{name: "2024-02-29"}, tax_form="w9"), name) == \
            dt.date(2024, 2, 29)

    @pytest.mark.parametrize("name", ["tax_form_on", "identity_verified_on"])
    def test_impossible_day(self, name: str) -> None:
        assert "does not exist" in only_error(name, **{name: "2023-02-29"})

    def test_february_thirtieth(self) -> None:
        message = only_error("tax_form_on", tax_form_on="2026-02-30")
        assert message == "2026-02-30 does not exist in the calendar"

    @pytest.mark.parametrize("text", ["29/02/2024", "2024-2-29", "20240229", "yesterday",
                                      "2024-02-29T10:00"])
    def test_wrong_format(self, text: str) -> None:
        assert "YYYY-MM-DD" in only_error("identity_verified_on", identity_verified_on=text)

    def test_today_is_allowed(self) -> None:
        assert valid(tax_form_on=TODAY.isoformat(), tax_form="w9").tax_form_on == TODAY

    @pytest.mark.parametrize("name", ["tax_form_on", "identity_verified_on"])
    def test_future_rejected(self, name: str) -> None:
        tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
        assert only_error(name, **{name: tomorrow}) == "cannot be in the future"

    def test_future_is_judged_against_the_given_day(self) -> None:
        raw = {"display_name": "Maya", "tax_form": "w9", "tax_form_on": "2025-06-02"}
        assert validate_contractor(raw, today=dt.date(2025, 6, 2)).tax_form_on == dt.date(2025, 6, 2)
        with pytest.raises(ValidationError):
            validate_contractor(raw, today=dt.date(2025, 6, 1))

    def test_blank_is_none(self) -> None:
        assert valid(tax_form_on="").tax_form_on is None


class TestTags:
    def test_normalised_deduplicated_lower_cased(self) -> None:
        tags = valid(tags=["Design", " design ", "Web  Dev", "web dev", "", "SEO"]).tags
        assert tags == ("design", "web dev", "seo")

    def test_comma_separated_text(self) -> None:
        assert valid(tags="Design, seo ,DESIGN").tags == ("design", "seo")

    @pytest.mark.parametrize("tag", ["!!!", "-leading-dash", "x" * 41, "a;b"])
    def test_bad_tag(self, tag: str) -> None:
        assert "is not a usable tag" in only_error("tags", tags=["ok", tag])

    @pytest.mark.parametrize("tag", ["c++", "r&d", "ui/ux", "node.js", "x" * 40])
    def test_punctuation_allowed(self, tag: str) -> None:
        assert valid(tags=[tag]).tags == (tag,)


class TestEnums:
    @pytest.mark.parametrize(("name", "text", "member"), [
        ("kind", "company", ContractorKind.COMPANY),
        ("kind", "Company", ContractorKind.COMPANY),
        ("tax_form", "w9", TaxForm.W9),
        ("tax_form", "W-9", TaxForm.W9),
        ("tax_form", "W-8BEN", TaxForm.W8BEN),
        ("preferred_channel", "In person", Channel.IN_PERSON),
        ("preferred_channel", "in_person", Channel.IN_PERSON),
        ("rate_unit", " DAY ", RateUnit.DAY),
        ("status", "Active", ContractorStatus.ACTIVE),
        ("source", "referral", Source.REFERRAL),
    ])
    def test_value_or_label(self, name: str, text: str, member: object) -> None:
        assert getattr(valid(**{name: text}), name) is member

    def test_unknown_value_lists_choices(self) -> None:
        message = only_error("status", status="retired")
        assert message == "expected one of: prospect, active, paused, former, blocked"

    def test_unknown_tax_form_lists_choices(self) -> None:
        assert only_error("tax_form", tax_form="1099") == "expected one of: none, w9, w8ben, other"


class TestMaxLengths:
    @staticmethod
    def too_long(name: str) -> str:
        over = MAX_LENGTHS[name] + 1
        if name == "email":
            return "a@" + "b" * (over - 6) + ".com"
        if name == "phone":
            return "5" * over
        if name == "website":
            return "https://" + "a" * (over - 12) + ".com"
        return "a" * over

    @pytest.mark.parametrize("name", sorted(MAX_LENGTHS))
    def test_over_limit(self, name: str) -> None:
        value = self.too_long(name)
        assert len(value) == MAX_LENGTHS[name] + 1
        error = rejected(**{name: value})
        assert {e.field for e in error.errors} == {name}
        assert f"is longer than {MAX_LENGTHS[name]} characters" in [e.message for e in error.errors]

    @pytest.mark.parametrize("name", ["display_name", "legal_name", "company", "tax_id",
                                      "address", "notes"])
    def test_at_limit(self, name: str) -> None:
        limit = MAX_LENGTHS[name]
        assert getattr(valid(**{name: "a" * limit}), name) == "a" * limit


def test_several_errors_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_contractor({"display_name": "", "email": "nope", "country": "XX",
                             "rate": "abc", "status": "gone", "tax_form_on": "2024-13-01",
                             "tags": ["!!"]}, today=TODAY)
    fields = {e.field for e in caught.value.errors}
    assert fields == {"display_name", "email", "country", "rate", "status", "tax_form_on", "tags"}
    for field in fields:
        assert f"{field}: " in str(caught.value)


def test_to_raw_round_trips() -> None:
    data = valid(legal_name="Maya Adaeze Okafor", kind="company", company="Okafor Studio",
                 email="maya@example.com", phone="+1 718-555-0147", website="okafor.example.com",
                 address="214 Halsey Street\nBrooklyn", country="us", timezone="America/New_York",
                 tax_id="123-45-6789", tax_form="W-9", tax_form_on="2024-03-18", rate="85.5",
                 rate_unit="day", currency="eur", tags=["Design", "illustration"],
                 preferred_channel="In person", status="active", source="referral",
                 identity_verified_on="2024-02-29", notes="Fast.")
    raw = data.to_raw()
    assert raw["rate"] == "85.50"
    assert raw["tags"] == ["design", "illustration"]
    assert raw["tax_form_on"] == "2024-03-18"
    assert raw["tax_form"] == "w9"
    assert validate_contractor(raw, today=TODAY) == data


def test_to_raw_without_rate_or_dates() -> None:
    raw = valid().to_raw()
    assert raw["rate"] == ""
    assert raw["tax_form_on"] == ""
    assert "rate_minor" not in raw
    assert validate_contractor(raw, today=TODAY) == valid()


def _enum_text(enum: type) -> st.SearchStrategy[str]:
    return st.sampled_from(list(enum)).flatmap(lambda m: st.sampled_from([m.value, m.label]))


# Any text a field takes: no controls, bidi controls or lone surrogates (desktop.core.text).
_PLAIN = st.characters(exclude_categories=("Cc", "Cs"),
                       exclude_characters="\u202a\u202b\u202c\u202d\u202e"
                                          "\u2066\u2067\u2068\u2069\u2028\u2029")


def _text(limit: int) -> st.SearchStrategy[str]:
    return st.text(_PLAIN, max_size=min(limit, 60))


raw_contractors = st.fixed_dictionaries({
    "display_name": st.text(_PLAIN, min_size=1, max_size=60).filter(str.strip),
    "legal_name": _text(200),
    "company": _text(200),
    "address": _text(500),
    "notes": _text(10_000),
    "tax_id": _text(40),
    "email": st.sampled_from(["", "maya@example.com", "Kofi.Mensah@Studio.Example.ORG"]),
    "phone": st.sampled_from(["", "+1 718-555-0147", "+49 30 1234567 ext. 9"]),
    "website": st.sampled_from(["", "example.com", "http://studio.example.org/path"]),
    "country": st.sampled_from(["", "us", "DE", "jp"]),
    "timezone": st.sampled_from(["", "UTC", "Asia/Tokyo"]),
    "kind": _enum_text(ContractorKind),
    "tax_form": _enum_text(TaxForm),
    "rate_unit": _enum_text(RateUnit),
    "preferred_channel": _enum_text(Channel),
    "status": _enum_text(ContractorStatus),
    "source": _enum_text(Source),
    "tags": st.lists(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 &./+-]{0,20}", fullmatch=True),
                     max_size=5),
    "tax_form_on": st.one_of(st.just(""), st.dates(max_value=TODAY).map(dt.date.isoformat)),
    "identity_verified_on": st.one_of(st.just(""),
                                      st.dates(max_value=TODAY).map(dt.date.isoformat)),
}).map(lambda raw: raw if TaxForm.parse(str(raw["tax_form"]) or "none") is not TaxForm.NONE
       else {**raw, "tax_form_on": ""}  # a received date needs its form
       ).flatmap(lambda raw: st.tuples(
    st.sampled_from(["USD", "eur", "JPY", "KWD", "INR"]),
    st.one_of(st.none(), st.integers(min_value=0, max_value=10**12)),
).map(lambda pair: {**raw, "currency": pair[0],
                    "rate": "" if pair[1] is None else to_major_text(pair[1], pair[0])}))


@given(raw=raw_contractors)
def test_to_raw_round_trips_for_any_valid_input(raw: dict[str, object]) -> None:
    data = validate_contractor(raw, today=TODAY)
    assert validate_contractor(data.to_raw(), today=TODAY) == data


class TestMaskTaxId:
    @pytest.mark.parametrize(("tax_id", "masked"), [
        ("123-45-6789", "•••• 6789"),
        ("DE123456789", "•••• 6789"),
        ("  987654321  ", "•••• 4321"),
        ("12345", "•••• 2345"),
    ])
    def test_only_last_four(self, tax_id: str, masked: str) -> None:
        assert mask_tax_id(tax_id) == masked

    def test_hides_the_rest(self) -> None:
        masked = mask_tax_id("123-45-6789")
        assert "123" not in masked and "45" not in masked

    def test_short_ids_show_less(self) -> None:
        assert mask_tax_id("1234") == "•••• 4"

    @pytest.mark.parametrize("blank", ["", "   "])
    def test_blank(self, blank: str) -> None:
        assert mask_tax_id(blank) == ""


class TestSearchText:
    def test_case_folded(self) -> None:
        haystack = search_text("Maya ÖKAFOR", "Straße")
        assert "maya ökafor" in haystack
        assert "strasse" in haystack

    def test_includes_tags(self) -> None:
        haystack = search_text("Maya", ("Design", "SEO"))
        assert "design" in haystack and "seo" in haystack

    def test_parts_do_not_run_together(self) -> None:
        assert "ab" not in search_text("a", "b")


def test_a_received_date_without_a_tax_form_is_refused_not_dropped() -> None:
    with pytest.raises(ValidationError) as error:
        validate_contractor({"display_name": "Ada", "tax_form": "none",
                             "tax_form_on": "2026-01-05"})
    assert "no tax form is chosen" in (error.value.for_field("tax_form_on") or "")
    kept = validate_contractor({"display_name": "Ada", "tax_form": "w9",
                                "tax_form_on": "2026-01-05"})
    assert str(kept.tax_form_on) == "2026-01-05"
