"""Messages the rules build at run time come from the catalogue, whole, with their numbers and
names filled in after translation."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.dates import parse_date
from desktop.core.engagement import notice_phrase
from desktop.core.enums import BillingPeriod, NoticeUnit
from desktop.core.money import parse_amount
from desktop.core.reminder import Reminder
from desktop.core.schedule import fixed_schedule, time_schedule
from desktop.core.validation import ValidationError


def test_a_date_message_is_looked_up_before_the_text_is_filled_in(marked: None) -> None:
    with pytest.raises(ValueError, match="^«2026-02-30 does not exist in the calendar»$"):
        parse_date("2026-02-30")


def test_plurals_choose_the_form_by_number(marked: None) -> None:
    assert notice_phrase(1, NoticeUnit.MONTHS) == "«1 month's notice»"
    assert notice_phrase(3, NoticeUnit.WEEKS) == "«3 weeks' notice»"


def test_the_reminder_is_one_sentence_with_its_parts(marked: None) -> None:
    assert Reminder(payments_overdue=2).text() == \
        "«2 things need you today: «2 payments overdue»»"


def test_a_currency_without_decimals_says_so_in_one_message(marked: None) -> None:
    with pytest.raises(ValueError, match="^«JPY takes no decimal places»$"):
        parse_amount("10.5", "JPY")


def test_generated_installment_labels_are_translated(marked: None) -> None:
    assert fixed_schedule(1000, "USD", dt.date(2026, 3, 1), 0)[0].label == "«Fixed price»"
    items = time_schedule(1000, "USD", 1, dt.date(2026, 3, 2), dt.date(2026, 3, 8),
                          BillingPeriod.WEEKLY, 0)
    assert items[0].label.startswith("«") and items[0].label.endswith("(est. 1 hour)»")


def test_english_reads_as_before_without_a_catalogue() -> None:
    assert notice_phrase(1, NoticeUnit.DAYS) == "1 day's notice"
    with pytest.raises(ValidationError) as caught:
        fixed_schedule(0, "USD", dt.date(2026, 3, 1), 0)
    assert caught.value.for_field("amount") == "must be more than zero"
