"""What a valid engagement is, how it moves, and when its brief, notice and check-ins are due."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.engagement import (
    EngagementData,
    allowed_moves,
    brief_gaps,
    check_in_overdue,
    check_move,
    contract_value,
    last_notice_date,
    next_check_in,
    validate_engagement,
)
from desktop.core.enums import (
    BillingPeriod,
    Channel,
    CheckInCadence,
    DataAccess,
    EngagementStatus,
    PricingModel,
)
from desktop.core.validation import ValidationError
from tests.factories import make_engagement

S = EngagementStatus
BASE: dict[str, object] = {"contractor_id": "7", "title": "Rebuild the booking site",
                           "pricing_model": "fixed", "amount": "4800", "currency": "USD"}


def valid(**fields: object) -> EngagementData:
    raw = dict(BASE)
    raw.update(fields)
    return validate_engagement(raw)


def rejected(**fields: object) -> ValidationError:
    raw = dict(BASE)
    raw.update(fields)
    with pytest.raises(ValidationError) as caught:
        validate_engagement(raw)
    return caught.value


def only_error(field: str, **fields: object) -> str:
    """The message for ``field``, checking it is the one field rejected."""
    error = rejected(**fields)
    assert [e.field for e in error.errors] == [field]
    message = error.for_field(field)
    assert message
    return message


# -- validate_engagement -------------------------------------------------------------------

class TestRequired:
    def test_minimal_engagement_is_valid(self) -> None:
        data = valid()
        assert data.contractor_id == 7
        assert data.title == "Rebuild the booking site"
        assert data.pricing_model is PricingModel.FIXED
        assert data.amount_minor == 480000
        assert data.currency == "USD"

    @pytest.mark.parametrize("title", ["", "   ", "\t\n"])
    def test_title_required(self, title: str) -> None:
        assert only_error("title", title=title) == "is required"

    def test_title_stripped(self) -> None:
        assert valid(title="  Audit  ").title == "Audit"

    def test_title_longer_than_200_rejected(self) -> None:
        assert valid(title="x" * 200).title == "x" * 200
        assert "200" in only_error("title", title="x" * 201)

    @pytest.mark.parametrize("contractor_id", ["", "  ", None])
    def test_contractor_required(self, contractor_id: object) -> None:
        assert only_error("contractor_id", contractor_id=contractor_id) == "is required"

    @pytest.mark.parametrize("contractor_id", ["abc", "0", "-3"])
    def test_contractor_must_be_a_positive_number(self, contractor_id: str) -> None:
        assert "is not a contractor number" in only_error("contractor_id",
                                                          contractor_id=contractor_id)

    @pytest.mark.parametrize("flag", ["Yes", "TRUE", " on "])
    def test_flags_ignore_case(self, flag: str) -> None:
        assert valid(ip_assignment_signed=flag).ip_assignment_signed

    def test_contractor_id_missing_key(self) -> None:
        raw = dict(BASE)
        del raw["contractor_id"]
        with pytest.raises(ValidationError) as caught:
            validate_engagement(raw)
        assert caught.value.for_field("contractor_id") == "is required"


class TestPricingMoney:
    @pytest.mark.parametrize("model", ["fixed", "milestones", "retainer"])
    @pytest.mark.parametrize("amount", ["", "0", "0.00"])
    def test_amount_models_need_amount_above_zero(self, model: str, amount: str) -> None:
        message = only_error("amount", pricing_model=model, amount=amount)
        assert message == "must be more than zero for this pricing"

    @pytest.mark.parametrize("model", ["fixed", "milestones", "retainer"])
    def test_amount_models_accept_amount_without_rate(self, model: str) -> None:
        data = valid(pricing_model=model, amount="1200.50", rate="")
        assert data.amount_minor == 120050
        assert data.rate_minor is None

    @pytest.mark.parametrize("model", ["hourly", "daily"])
    @pytest.mark.parametrize("rate", ["", "0"])
    def test_time_models_need_rate_above_zero(self, model: str, rate: str) -> None:
        message = only_error("rate", pricing_model=model, amount="", rate=rate)
        assert message == "must be more than zero for this pricing"

    @pytest.mark.parametrize("model", ["hourly", "daily"])
    def test_time_models_do_not_need_amount(self, model: str) -> None:
        data = valid(pricing_model=model, amount="", rate="85")
        assert data.rate_minor == 8500
        assert data.amount_minor is None

    def test_fixed_does_not_need_rate(self) -> None:
        assert valid(rate="").rate_minor is None

    def test_jpy_amount_has_no_decimals(self) -> None:
        assert valid(currency="JPY", amount="120000").amount_minor == 120000
        assert only_error("amount", currency="JPY", amount="1000.5") == "JPY takes no decimal places"

    def test_usd_amount_has_two_decimals(self) -> None:
        assert only_error("amount", amount="10.555") == "USD takes at most 2 decimal places"

    def test_kwd_amount_has_three_decimals(self) -> None:
        assert valid(currency="KWD", amount="1.234").amount_minor == 1234

    def test_rate_respects_currency_digits(self) -> None:
        message = only_error("rate", pricing_model="hourly", currency="JPY", amount="",
                             rate="99.9")
        assert message == "JPY takes no decimal places"

    def test_bad_amount_text_is_reported_once(self) -> None:
        assert "is not a number" in only_error("amount", amount="lots")

    def test_negative_amount_rejected(self) -> None:
        assert only_error("amount", amount="-5") == "must be zero or more"

    def test_currency_upper_cased(self) -> None:
        assert valid(currency="eur").currency == "EUR"

    def test_currency_defaults_to_usd(self) -> None:
        assert valid(currency="").currency == "USD"

    def test_bad_currency_named(self) -> None:
        error = rejected(currency="ABC")
        assert error.for_field("currency") == "“ABC” is not an ISO 4217 currency code"

    def test_bad_currency_does_not_also_blame_a_good_amount(self) -> None:
        assert only_error("currency", currency="ABC", amount="4800")

    def test_retainer_defaults_billing_period_to_monthly(self) -> None:
        data = valid(pricing_model="retainer", billing_period="")
        assert data.billing_period is BillingPeriod.MONTHLY

    def test_retainer_keeps_given_billing_period(self) -> None:
        data = valid(pricing_model="retainer", billing_period="weekly")
        assert data.billing_period is BillingPeriod.WEEKLY

    def test_other_models_leave_billing_period_empty(self) -> None:
        assert valid(pricing_model="fixed").billing_period is None


class TestDates:
    def test_dates_parsed(self) -> None:
        data = valid(start_on="2025-01-06", end_on="2025-03-31", nda_signed_on="2024-12-20")
        assert (data.start_on, data.end_on, data.nda_signed_on) == (
            dt.date(2025, 1, 6), dt.date(2025, 3, 31), dt.date(2024, 12, 20))

    def test_end_before_start_names_end(self) -> None:
        assert only_error("end_on", start_on="2025-03-01", end_on="2025-02-28") == (
            "is before the start")

    def test_end_on_start_day_is_fine(self) -> None:
        assert valid(start_on="2025-03-01", end_on="2025-03-01").end_on == dt.date(2025, 3, 1)

    def test_end_without_start_is_fine(self) -> None:
        assert valid(end_on="2025-03-01").start_on is None

    @pytest.mark.parametrize("field", ["start_on", "end_on", "nda_signed_on"])
    @pytest.mark.parametrize("text", ["2025-02-30", "2023-02-29", "2025-13-01", "2025-04-31"])
    def test_dates_that_do_not_exist(self, field: str, text: str) -> None:
        assert only_error(field, **{field: text}) == f"{text} does not exist in the calendar"

    @pytest.mark.parametrize("text", ["1/3/2025", "2025-3-1", "tomorrow"])
    def test_dates_in_other_forms(self, text: str) -> None:
        assert "YYYY-MM-DD" in only_error("start_on", start_on=text)

    def test_leap_day_exists_in_leap_years(self) -> None:
        assert valid(start_on="2024-02-29").start_on == dt.date(2024, 2, 29)


class TestWholeNumbers:
    @pytest.mark.parametrize(("field", "low", "high"), [
        ("estimated_hours", 1, 100_000), ("hours_cap", 1, 100_000),
        ("notice_period", 0, 3650), ("payment_terms_days", 0, 365)])
    def test_range_edges(self, field: str, low: int, high: int) -> None:
        assert getattr(valid(**{field: str(low)}), field) == low
        assert getattr(valid(**{field: f" {high} "}), field) == high
        expected = f"must be between {low} and {high:,}"
        assert only_error(field, **{field: str(low - 1)}) == expected
        assert only_error(field, **{field: str(high + 1)}) == expected

    @pytest.mark.parametrize("field", ["estimated_hours", "hours_cap", "notice_period",
                                       "payment_terms_days"])
    @pytest.mark.parametrize("text", ["1.5", "ten", "3 days"])
    def test_not_whole(self, field: str, text: str) -> None:
        assert only_error(field, **{field: text}) == f"“{text}” is not a whole number"

    @pytest.mark.parametrize("field", ["estimated_hours", "hours_cap", "notice_period",
                                       "payment_terms_days"])
    def test_blank_is_none(self, field: str) -> None:
        assert getattr(valid(**{field: ""}), field) is None


class TestJurisdiction:
    def test_country_upper_cased(self) -> None:
        assert valid(jurisdiction_country="de").jurisdiction_country == "DE"

    @pytest.mark.parametrize("code", ["EU", "eu"])
    def test_eu_accepted(self, code: str) -> None:
        assert valid(jurisdiction_country=code).jurisdiction_country == "EU"

    @pytest.mark.parametrize("code", ["XX", "USA", "UK"])
    def test_not_a_country(self, code: str) -> None:
        assert only_error("jurisdiction_country", jurisdiction_country=code) == (
            f"“{code}” is not an ISO 3166-1 alpha-2 country code")

    def test_blank_country_is_fine(self) -> None:
        assert valid(jurisdiction_country="").jurisdiction_country == ""

    def test_region_upper_cased_and_stripped(self) -> None:
        data = valid(jurisdiction_country="us", jurisdiction_region=" ny ")
        assert data.jurisdiction_region == "NY"


class TestChoices:
    @pytest.mark.parametrize(("field", "text", "member"), [
        ("pricing_model", "Hourly", PricingModel.HOURLY),
        ("pricing_model", "MILESTONES", PricingModel.MILESTONES),
        ("data_access", "Personal data", DataAccess.PERSONAL_DATA),
        ("data_access", "Credentials / finance", DataAccess.CREDENTIALS_FINANCE),
        ("data_access", "personal_data", DataAccess.PERSONAL_DATA),
        ("comm_channel", "In person", Channel.IN_PERSON),
        ("comm_channel", "in-person", Channel.IN_PERSON),
        ("comm_cadence", "Per milestone", CheckInCadence.PER_MILESTONE),
        ("billing_period", "Weekly", BillingPeriod.WEEKLY),
    ])
    def test_labels_accepted(self, field: str, text: str, member: object) -> None:
        fields: dict[str, object] = {field: text}
        if field == "pricing_model":
            fields.update(rate="50")
        assert getattr(valid(**fields), field) is member

    @pytest.mark.parametrize("field", ["pricing_model", "data_access", "billing_period",
                                       "comm_channel", "comm_cadence"])
    def test_unknown_choice_lists_the_options(self, field: str) -> None:
        error = rejected(**{field: "carrier pigeon"})
        message = error.for_field(field)
        assert message is not None and message.startswith("expected one of: ")

    def test_defaults(self) -> None:
        data = valid()
        assert data.data_access is DataAccess.NONE
        assert data.comm_channel is None
        assert data.comm_cadence is None


class TestBooleans:
    @pytest.mark.parametrize("value", [True, "yes", "true", "1", 1])
    @pytest.mark.parametrize("field", ["ip_assignment_signed", "subcontracting_allowed"])
    def test_truthy(self, field: str, value: object) -> None:
        assert getattr(valid(**{field: value}), field) is True

    @pytest.mark.parametrize("value", [False, "no", "false", "0", 0, "", None])
    @pytest.mark.parametrize("field", ["ip_assignment_signed", "subcontracting_allowed"])
    def test_falsy(self, field: str, value: object) -> None:
        assert getattr(valid(**{field: value}), field) is False

    def test_missing_is_false(self) -> None:
        data = valid()
        assert data.ip_assignment_signed is False
        assert data.subcontracting_allowed is False


class TestSeveralErrors:
    def test_every_bad_field_reported_together(self) -> None:
        error = rejected(contractor_id="", title=" ", amount="1.001", start_on="2025-05-10",
                         end_on="2025-05-01", notice_period="many", jurisdiction_country="ZZ")
        assert {e.field for e in error.errors} == {
            "contractor_id", "title", "amount", "end_on", "notice_period", "jurisdiction_country"}
        for field in ("contractor_id", "title", "amount", "end_on", "notice_period"):
            assert f"{field}: " in str(error)

    def test_wrong_digits_amount_not_also_reported_as_zero(self) -> None:
        error = rejected(amount="1.001")
        assert [e.message for e in error.errors] == ["USD takes at most 2 decimal places"]


class TestRoundTrip:
    def test_full_engagement_round_trips(self) -> None:
        data = valid(goals="Faster checkout", scope="Front end only", deliverables="Site",
                     acceptance_criteria="Lighthouse 90+", pricing_model="retainer",
                     billing_period="weekly", amount="1,250.50", rate="95", currency="eur",
                     estimated_hours="40", hours_cap="60", start_on="2025-01-06",
                     end_on="2025-06-30", notice_period="14", payment_terms_days="30",
                     ip_terms="Assigned on payment", ip_assignment_signed="yes",
                     nda_signed_on="2025-01-02", data_access="Personal data",
                     subcontracting_allowed=True, jurisdiction_country="de",
                     jurisdiction_region="by", comm_channel="video", comm_cadence="weekly",
                     comm_contact="Ana", comm_overlap="09:00-12:00 CET")
        assert validate_engagement(data.to_raw()) == data

    def test_jpy_round_trips_without_decimals(self) -> None:
        data = valid(currency="JPY", amount="350000")
        assert data.to_raw()["amount"] == "350000"
        assert validate_engagement(data.to_raw()) == data


AMOUNT_MODELS = (PricingModel.FIXED, PricingModel.MILESTONES, PricingModel.RETAINER)
_letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=5)
# Any text a field takes: no controls, bidi controls or lone surrogates (desktop.core.text).
_plain = st.characters(exclude_categories=("Cc", "Cs"),
                       exclude_characters="\u202a\u202b\u202c\u202d\u202e"
                                          "\u2066\u2067\u2068\u2069\u2028\u2029")
_texts = st.text(_plain, max_size=40)


@st.composite
def raw_engagements(draw: st.DrawFn) -> dict[str, object]:
    start = draw(st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))))
    end = None
    if draw(st.booleans()):
        low = start or dt.date(1990, 1, 1)
        end = draw(st.dates(low, dt.date(2101, 1, 1)))
    currency = draw(st.sampled_from(["USD", "EUR", "JPY", "KWD", "GBP", "INR"]))
    digits = {"JPY": 0, "KWD": 3}.get(currency, 2)

    def money(minimum: int) -> str:
        minor = draw(st.integers(minimum, 10**12))
        if digits == 0:
            return str(minor)
        return f"{minor // 10**digits}.{minor % 10**digits:0{digits}d}"

    def optional_int(low: int, high: int) -> str:
        return draw(st.one_of(st.just(""), st.integers(low, high).map(str)))

    model = draw(st.sampled_from(list(PricingModel)))
    return {
        "contractor_id": str(draw(st.integers(1, 10**6))),
        "title": draw(st.text(_plain, min_size=1, max_size=200).filter(lambda t: t.strip())),
        "goals": draw(_texts), "scope": draw(_texts), "deliverables": draw(_texts),
        "acceptance_criteria": draw(_texts), "ip_terms": draw(_texts),
        "comm_contact": draw(_texts), "comm_overlap": draw(_texts),
        "pricing_model": model.value,
        "billing_period": draw(st.sampled_from(["", "weekly", "monthly"])),
        "amount": money(1) if model in AMOUNT_MODELS or draw(st.booleans()) else "",
        "rate": money(1) if model not in AMOUNT_MODELS or draw(st.booleans()) else "",
        "currency": currency.lower() if draw(st.booleans()) else currency,
        "estimated_hours": optional_int(1, 100_000), "hours_cap": optional_int(1, 100_000),
        "notice_period": optional_int(0, 3650), "payment_terms_days": optional_int(0, 365),
        "start_on": start.isoformat() if start else "",
        "end_on": end.isoformat() if end else "",
        "nda_signed_on": draw(st.one_of(st.just(""), st.dates(dt.date(1990, 1, 1))
                                        .map(dt.date.isoformat))),
        "ip_assignment_signed": draw(st.sampled_from([True, False, "yes", "no", ""])),
        "subcontracting_allowed": draw(st.sampled_from([True, False, "yes", "no", ""])),
        "data_access": draw(st.sampled_from(list(DataAccess))).value,
        "jurisdiction_country": draw(st.sampled_from(["", "EU", "de", "US", "gb", "JP"])),
        "jurisdiction_region": draw(_letters),
        "comm_channel": draw(st.sampled_from(["", *(c.value for c in Channel)])),
        "comm_cadence": draw(st.sampled_from(["", *(c.label for c in CheckInCadence)])),
    }


@given(raw=raw_engagements())
def test_to_raw_round_trips(raw: dict[str, object]) -> None:
    data = validate_engagement(raw)
    assert validate_engagement(data.to_raw()) == data


# -- status moves --------------------------------------------------------------------------

LEGAL = {(S.DRAFT, S.IN_REVIEW), (S.DRAFT, S.CANCELLED), (S.IN_REVIEW, S.SIGNED),
         (S.IN_REVIEW, S.CANCELLED), (S.SIGNED, S.COMPLETED), (S.SIGNED, S.TERMINATED)}


class TestMoves:
    @pytest.mark.parametrize(("status", "moves"), [
        (S.DRAFT, {S.IN_REVIEW, S.CANCELLED}),
        (S.IN_REVIEW, {S.SIGNED, S.CANCELLED}),
        (S.SIGNED, {S.COMPLETED, S.TERMINATED}),
        (S.COMPLETED, set()), (S.TERMINATED, set()), (S.CANCELLED, set())])
    def test_allowed_moves(self, status: EngagementStatus, moves: set[EngagementStatus]) -> None:
        assert set(allowed_moves(status)) == moves
        assert set(allowed_moves(status.value)) == moves

    @pytest.mark.parametrize(("current", "new"), list(itertools.product(S, S)),
                             ids=lambda s: s.value)
    def test_every_pair(self, current: EngagementStatus, new: EngagementStatus) -> None:
        if (current, new) in LEGAL:
            check_move(current, new)
            check_move(current.value, new.value)
            return
        with pytest.raises(ValueError) as caught:
            check_move(current, new)
        message = str(caught.value)
        assert current.label.lower() in message
        assert new.label.lower() in message
        assert message.index(current.label.lower()) < message.index(
            f"cannot become {new.label.lower()}")

    def test_closed_message_says_closed(self) -> None:
        with pytest.raises(ValueError, match="it is closed"):
            check_move(S.COMPLETED, S.SIGNED)

    def test_message_lists_the_options(self) -> None:
        with pytest.raises(ValueError, match="it can become in review, cancelled"):
            check_move(S.DRAFT, S.SIGNED)

    def test_article_before_in_review(self) -> None:
        with pytest.raises(ValueError) as caught:
            check_move(S.IN_REVIEW, S.DRAFT)
        assert str(caught.value).startswith("an in review engagement")

    def test_unknown_status_rejected(self) -> None:
        with pytest.raises(ValueError):
            check_move("archived", "draft")


# -- brief ---------------------------------------------------------------------------------

COMPLETE = EngagementData(contractor_id=1, title="Audit", goals="Know our risks",
                          scope="Web app", deliverables="Report",
                          acceptance_criteria="Reviewed by CTO", comm_channel=Channel.CHAT,
                          comm_cadence=CheckInCadence.WEEKLY, comm_contact="Lee")


class TestBriefGaps:
    def test_complete_brief_has_no_gaps(self) -> None:
        assert brief_gaps(COMPLETE) == []

    def test_empty_brief_lists_everything_in_order(self) -> None:
        assert brief_gaps(EngagementData(contractor_id=1, title="Audit")) == [
            "Goals", "Scope", "Deliverables", "Acceptance criteria", "Communication plan"]

    @pytest.mark.parametrize(("field", "label"), [
        ("goals", "Goals"), ("scope", "Scope"), ("deliverables", "Deliverables"),
        ("acceptance_criteria", "Acceptance criteria")])
    @pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
    def test_each_text_gap(self, field: str, label: str, blank: str) -> None:
        assert brief_gaps(replace(COMPLETE, **{field: blank})) == [label]

    @pytest.mark.parametrize("change", [{"comm_channel": None}, {"comm_cadence": None},
                                        {"comm_contact": ""}, {"comm_contact": "  "}])
    def test_each_missing_plan_part_makes_plan_incomplete(self, change: dict[str, object]) -> None:
        assert brief_gaps(replace(COMPLETE, **change)) == ["Communication plan"]

    def test_overlap_is_not_required(self) -> None:
        assert brief_gaps(replace(COMPLETE, comm_overlap="")) == []


# -- contract value ------------------------------------------------------------------------

def _schedule_importable() -> bool:
    try:
        from desktop.core.schedule import retainer_schedule  # noqa: F401
    except Exception:  # noqa: BLE001 - being written by someone else
        return False
    return True


needs_schedule = pytest.mark.skipif(not _schedule_importable(),
                                    reason="desktop/core/schedule.py is missing or broken")


class TestContractValue:
    @pytest.mark.parametrize("model", [PricingModel.FIXED, PricingModel.MILESTONES])
    def test_total_models_are_the_amount(self, model: PricingModel) -> None:
        data = EngagementData(contractor_id=1, title="t", pricing_model=model, amount_minor=480000)
        assert contract_value(data) == 480000

    @pytest.mark.parametrize("model", [PricingModel.HOURLY, PricingModel.DAILY])
    def test_time_models_are_rate_times_estimate(self, model: PricingModel) -> None:
        data = EngagementData(contractor_id=1, title="t", pricing_model=model, rate_minor=8500,
                              estimated_hours=40)
        assert contract_value(data) == 340000

    @pytest.mark.parametrize("change", [{"rate_minor": None}, {"estimated_hours": None}])
    def test_time_models_without_inputs_are_unknown(self, change: dict[str, object]) -> None:
        data = EngagementData(contractor_id=1, title="t", pricing_model=PricingModel.HOURLY,
                              rate_minor=8500, estimated_hours=40)
        assert contract_value(replace(data, **change)) is None

    @needs_schedule
    def test_monthly_retainer_for_a_year_is_twelve_periods(self) -> None:
        data = EngagementData(contractor_id=1, title="t", pricing_model=PricingModel.RETAINER,
                              billing_period=BillingPeriod.MONTHLY, amount_minor=200000,
                              start_on=dt.date(2025, 1, 1), end_on=dt.date(2025, 12, 31))
        assert contract_value(data) == 12 * 200000

    @needs_schedule
    def test_retainer_without_period_is_monthly(self) -> None:
        data = EngagementData(contractor_id=1, title="t", pricing_model=PricingModel.RETAINER,
                              amount_minor=100, start_on=dt.date(2025, 1, 1),
                              end_on=dt.date(2025, 3, 31))
        assert contract_value(data) == 300

    @needs_schedule
    def test_weekly_retainer_counts_weeks(self) -> None:
        data = EngagementData(contractor_id=1, title="t", pricing_model=PricingModel.RETAINER,
                              billing_period=BillingPeriod.WEEKLY, amount_minor=100,
                              start_on=dt.date(2025, 1, 6), end_on=dt.date(2025, 2, 2))
        assert contract_value(data) == 400

    @pytest.mark.parametrize("change", [{"amount_minor": None}, {"start_on": None},
                                        {"end_on": None}])
    def test_retainer_without_inputs_is_unknown(self, change: dict[str, object]) -> None:
        if not _schedule_importable():
            pytest.skip("desktop/core/schedule.py is missing or broken")
        data = EngagementData(contractor_id=1, title="t", pricing_model=PricingModel.RETAINER,
                              amount_minor=100, start_on=dt.date(2025, 1, 1),
                              end_on=dt.date(2025, 12, 31))
        assert contract_value(replace(data, **change)) is None

    def test_fixed_without_amount_is_unknown(self) -> None:
        assert contract_value(EngagementData(contractor_id=1, title="t")) is None


# -- notice and check-ins ------------------------------------------------------------------

class TestLastNoticeDate:
    def test_subtracts_notice_days(self) -> None:
        assert last_notice_date(dt.date(2025, 3, 31), 30) == dt.date(2025, 3, 1)

    def test_crosses_a_leap_day(self) -> None:
        assert last_notice_date(dt.date(2024, 3, 14), 14) == dt.date(2024, 2, 29)

    def test_zero_notice_is_the_end_date(self) -> None:
        assert last_notice_date(dt.date(2025, 3, 31), 0) == dt.date(2025, 3, 31)

    @pytest.mark.parametrize(("end_on", "days"), [(None, 30), (dt.date(2025, 3, 31), None),
                                                  (None, None)])
    def test_unknown_without_inputs(self, end_on: dt.date | None, days: int | None) -> None:
        assert last_notice_date(end_on, days) is None


C = CheckInCadence
START = dt.date(2024, 1, 1)


class TestCheckIns:
    @pytest.mark.parametrize(("cadence", "last", "due"), [
        (C.WEEKLY, dt.date(2024, 3, 4), dt.date(2024, 3, 11)),
        (C.FORTNIGHTLY, dt.date(2024, 3, 4), dt.date(2024, 3, 18)),
        (C.MONTHLY, dt.date(2024, 3, 15), dt.date(2024, 4, 15)),
        (C.MONTHLY, dt.date(2024, 1, 31), dt.date(2024, 2, 29)),
        (C.MONTHLY, dt.date(2025, 1, 31), dt.date(2025, 2, 28)),
        (C.WEEKLY, dt.date(2024, 12, 28), dt.date(2025, 1, 4)),
    ])
    def test_next_check_in_after_last_contact(self, cadence: CheckInCadence, last: dt.date,
                                              due: dt.date) -> None:
        assert next_check_in(cadence, last, START) == due

    def test_falls_back_to_start_without_log(self) -> None:
        assert next_check_in(C.WEEKLY, None, dt.date(2024, 5, 6)) == dt.date(2024, 5, 13)

    def test_last_contact_wins_over_start(self) -> None:
        assert next_check_in(C.FORTNIGHTLY, dt.date(2024, 6, 1), START) == dt.date(2024, 6, 15)

    def test_per_milestone_has_no_date(self) -> None:
        assert next_check_in(C.PER_MILESTONE, dt.date(2024, 1, 1), START) is None

    def test_no_cadence_has_no_date(self) -> None:
        assert next_check_in(None, dt.date(2024, 1, 1), START) is None

    def test_nothing_to_count_from(self) -> None:
        assert next_check_in(C.WEEKLY, None, None) is None

    @pytest.mark.parametrize(("today", "overdue"), [
        (dt.date(2024, 3, 10), False), (dt.date(2024, 3, 11), False),
        (dt.date(2024, 3, 12), True)])
    def test_overdue_only_after_due_day(self, today: dt.date, overdue: bool) -> None:
        assert check_in_overdue(C.WEEKLY, dt.date(2024, 3, 4), START, today) is overdue

    def test_overdue_from_start_without_log(self) -> None:
        assert check_in_overdue(C.MONTHLY, None, dt.date(2024, 1, 31), dt.date(2024, 3, 1))
        assert not check_in_overdue(C.MONTHLY, None, dt.date(2024, 1, 31), dt.date(2024, 2, 29))

    def test_per_milestone_never_overdue(self) -> None:
        assert not check_in_overdue(C.PER_MILESTONE, dt.date(2000, 1, 1), START,
                                    dt.date(2030, 1, 1))

    def test_no_cadence_never_overdue(self) -> None:
        assert not check_in_overdue(None, None, START, dt.date(2030, 1, 1))

    def test_no_dates_never_overdue(self) -> None:
        assert not check_in_overdue(C.WEEKLY, None, None, dt.date(2030, 1, 1))


class TestOverdueBefore:
    """The SQL cut-off must agree with the calendar rule for every day of a leap year."""

    @pytest.mark.parametrize("cadence", [C.WEEKLY, C.FORTNIGHTLY, C.MONTHLY])
    def test_cutoff_matches_check_in_overdue(self, cadence) -> None:  # type: ignore[no-untyped-def]
        from desktop.core.engagement import overdue_before

        for offset in range(0, 366, 1):
            today = dt.date(2024, 1, 1) + dt.timedelta(days=offset)
            cutoff = overdue_before(cadence, today)
            for back in range(0, 70):
                since = today - dt.timedelta(days=back)
                assert (since < cutoff) == check_in_overdue(cadence, since, None, today), \
                    (cadence, today, since)

    def test_per_milestone_has_no_cutoff(self) -> None:
        from desktop.core.engagement import overdue_before

        assert overdue_before(C.PER_MILESTONE, dt.date(2026, 1, 1)) is None


def test_notice_in_months_counts_back_to_the_same_day_or_the_months_end() -> None:
    from desktop.core.engagement import last_notice_date, notice_phrase
    from desktop.core.enums import NoticeUnit

    months, weeks = NoticeUnit.MONTHS, NoticeUnit.WEEKS
    assert last_notice_date(dt.date(2026, 3, 31), 1, months) == dt.date(2026, 2, 28)
    assert last_notice_date(dt.date(2028, 3, 31), 1, months) == dt.date(2028, 2, 29)
    assert last_notice_date(dt.date(2026, 5, 15), 3, months) == dt.date(2026, 2, 15)
    assert last_notice_date(dt.date(2026, 3, 31), 2, weeks) == dt.date(2026, 3, 17)
    assert last_notice_date(dt.date(2026, 3, 31), 30) == dt.date(2026, 3, 1)
    assert [notice_phrase(1, months), notice_phrase(2, weeks), notice_phrase(30)] == \
        ["1 month's notice", "2 weeks' notice", "30 days' notice"]


def test_a_notice_unit_is_read_in_the_singular_or_plural_and_checked() -> None:
    from desktop.core.enums import NoticeUnit

    assert make_engagement(1, notice_period="1", notice_unit="Month").notice_unit is \
        NoticeUnit.MONTHS
    assert make_engagement(1).notice_unit is NoticeUnit.DAYS
    with pytest.raises(ValidationError) as error:
        make_engagement(1, notice_unit="fortnights")
    assert "is not days, weeks or months" in (error.value.for_field("notice_unit") or "")
    # Terms frozen at signing before notice had units still read back.
    legacy = make_engagement(1).to_raw()
    legacy["notice_days"] = legacy.pop("notice_period")
    del legacy["notice_unit"]
    assert validate_engagement(legacy).notice_period == 14


def test_notice_that_would_fall_before_the_start_is_flagged() -> None:
    from desktop.core.engagement import notice_warning

    short = make_engagement(1, start_on="2026-03-01", end_on="2026-03-20", notice_period="1",
                            notice_unit="months")
    warning = notice_warning(short)
    assert warning is not None and "1 month's notice to end on 2026-03-20 would have to be " \
        "given by 2026-02-20, before the engagement starts on 2026-03-01" in warning
    assert notice_warning(make_engagement(1)) is None


def test_a_schedule_drifts_from_terms_changed_after_it_was_made() -> None:
    from desktop.core.engagement import planned_schedule, schedule_drifted

    terms = make_engagement(1, amount="1000")
    stored = [(item, 0, False) for item in planned_schedule(terms)]
    assert not schedule_drifted(terms, stored)
    assert schedule_drifted(make_engagement(1, amount="1200"), stored)
    assert schedule_drifted(make_engagement(1, amount="1000", payment_terms_days="30"), stored)
    paid = [(item, item.amount_minor, False) for item, _p, _c in stored]
    assert not schedule_drifted(make_engagement(1, amount="1000"), paid)
    assert schedule_drifted(make_engagement(1, amount="900"), paid)  # paid more than the price
    cancelled = [(item, 0, True) for item, _p, _c in stored]
    assert not schedule_drifted(make_engagement(1, amount="1200"), cancelled)  # by hand
    assert not schedule_drifted(terms, [])
