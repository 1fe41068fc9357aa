"""Rows that are not contractors (totals) are skipped, and what the importer only keeps in the
notes (a start date, values moved there) never rejects a row."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.contractor import MAX_LENGTHS
from desktop.io.contractor_import import (
    NEW,
    REJECTED,
    SKIPPED,
    Plan,
    Row,
    analyse,
    default_choices,
    describe,
)
from desktop.io.import_table import read_bytes

TODAY = dt.date(2026, 11, 25)
LIMIT = MAX_LENGTHS["notes"]


def plan_of(text: str, **options: object) -> Plan:
    table = read_bytes(text.encode("utf-8"), "people.csv")
    return analyse(table, default_choices(table, **options), {}, TODAY)  # type: ignore[arg-type]


def row(plan: Plan, line: int) -> Row:
    return next(r for r in plan.rows if r.line == line)


ROSTER = ("Name,Email,Hourly rate,Currency\n"
          "Ana Ruiz,ana@example.com,95,USD\n"
          "Ben Carter,ben@example.com,120,USD\n")


class TestTotalRows:
    @pytest.mark.parametrize("label", [
        "Total", "TOTAL", "Total:", "Totals", "Grand total", "Grand Total:", "Sum", "Summe",
        "Gesamt", "Gesamtsumme", "Zwischensumme", "Total général", "Totaal", "Subtotal",
        "Sub-total", "  total :  "])
    def test_a_total_row_at_the_end_is_skipped(self, label: str) -> None:
        plan = plan_of(ROSTER + f'{label},,"12,345.00",\n')
        footer = row(plan, 4)
        assert (footer.outcome, footer.reason) == (SKIPPED, "total")
        assert "total" in footer.message and label.strip() in footer.message
        assert footer.data is None
        assert [r.line for r in plan.rows if r.outcome == NEW] == [2, 3]

    def test_the_footer_from_the_issue_with_an_unquoted_thousands_comma(self) -> None:
        plan = plan_of(ROSTER + "Total, , , 12,345.00\n")  # five fields under four headers
        assert (row(plan, 4).outcome, row(plan, 4).reason) == (SKIPPED, "total")
        assert describe(plan)["skipped"] == 1 and describe(plan)["rejected"] == []

    def test_a_subtotal_between_groups_is_skipped_and_the_rows_after_it_are_read(self) -> None:
        plan = plan_of("Name,Email,Hourly rate,Currency\n"
                       "Ana Ruiz,ana@example.com,95,USD\n"
                       "Subtotal:,,95,USD\n"
                       "Ben Carter,ben@example.com,120,USD\n"
                       "Grand total,,215,USD\n")
        assert [(r.line, r.outcome) for r in plan.rows] == [
            (2, NEW), (3, SKIPPED), (4, NEW), (5, SKIPPED)]

    def test_amounts_in_other_locales_and_negative_totals_count(self) -> None:
        plan = plan_of("Name;E-Mail;Stundensatz;Tagessatz\n"
                       "Jürgen Groß;juergen@example.com;85,00;680,00\n"
                       "Summe:;;1.234,50 €;(40,00)\n")
        assert (row(plan, 3).outcome, row(plan, 3).reason) == (SKIPPED, "total")

    @pytest.mark.parametrize("line", [
        "Total,total@example.com,95,USD",  # a contractor who is called Total
        "Sum,,,USD",  # no number at all
        "Total,,95,see contract",  # text beside it
        "Totally Fine Ltd,,95,USD",  # the word is only part of the name
    ])
    def test_a_row_with_other_text_or_no_number_is_not_a_total(self, line: str) -> None:
        plan = plan_of(ROSTER + line + "\n")
        assert row(plan, 4).outcome != SKIPPED


class TestStartDate:
    HEADER = "Name,Email,Start date,Notes\n"

    def test_an_impossible_start_date_is_a_warning_and_the_row_is_imported(self) -> None:
        plan = plan_of(self.HEADER + "Ana Ruiz,ana@example.com,2026-02-30,Prefers email\n")
        ana = row(plan, 2)
        assert ana.outcome == NEW, ana.message
        assert ana.data is not None
        assert ana.data.notes == "Prefers email\nStart date: 2026-02-30"  # kept as written
        assert ana.warnings == ["Start date: “2026-02-30” is not a real date (read as "
                                "year-month-day); kept in the notes as written"]
        assert describe(plan)["warnings"] == [f"line 2: {ana.warnings[0]}"]

    def test_text_that_is_no_date_at_all_is_kept_too(self) -> None:
        ana = row(plan_of(self.HEADER + "Ana Ruiz,ana@example.com,next spring,\n"), 2)
        assert ana.outcome == NEW and ana.data is not None
        assert ana.data.notes == "Start date: next spring"
        assert ana.warnings[0].startswith("Start date: “next spring” is not a date")

    def test_a_real_start_date_is_still_written_the_iso_way(self) -> None:
        ana = row(plan_of(self.HEADER + "Ana Ruiz,ana@example.com,12/31/2025,\n"), 2)
        assert ana.data is not None and ana.data.notes == "Start date: 2025-12-31"
        assert ana.warnings == []

    def test_an_impossible_date_in_a_field_the_roster_keeps_still_rejects(self) -> None:
        plan = plan_of("Name,Email,Identity verified on\nAna Ruiz,ana@example.com,2026-02-30\n")
        assert (row(plan, 2).outcome, row(plan, 2).reason) == (REJECTED, "invalid_date")
        assert row(plan, 2).message.startswith("Identity verified on:")


class TestNotesLimit:
    HEADER = "Name,Email,Start date,Phone,Notes\n"

    def line(self, notes: str, start: str = "2026-01-05", phone: str = "") -> str:
        return self.HEADER + f'Ana Ruiz,ana@example.com,{start},{phone},"{notes}"\n'

    def test_notes_at_exactly_the_limit_import_and_the_extras_are_left_out(self) -> None:
        notes = "x" * LIMIT
        ana = row(plan_of(self.line(notes)), 2)
        assert ana.outcome == NEW, ana.message
        assert ana.data is not None and ana.data.notes == notes  # the file's own notes, whole
        assert ana.warnings == [
            f"Notes: the file's own notes leave no room within the {LIMIT:,} characters the "
            "notes can hold; what other columns add (Start date) is left out"]

    def test_extras_that_do_not_fit_are_cut_with_an_ellipsis(self) -> None:
        notes = "x" * (LIMIT - 40)
        ana = row(plan_of(self.line(notes, phone='"call after lunch please, not before"')), 2)
        assert ana.outcome == NEW, ana.message
        assert ana.data is not None and len(ana.data.notes) == LIMIT
        assert ana.data.notes == notes + "\nStart date: 2026-01-05\nPhone: call aft…"
        assert ana.data.phone == ""
        assert ana.warnings[-1] == (
            f"Notes: what other columns add (Start date, Phone) would take them past "
            f"{LIMIT:,} characters; it is cut short, ending in “…”")

    def test_extras_that_fit_are_kept_whole_without_a_warning(self) -> None:
        notes = "x" * (LIMIT - len("\nStart date: 2026-01-05"))
        ana = row(plan_of(self.line(notes)), 2)
        assert ana.data is not None and ana.data.notes == notes + "\nStart date: 2026-01-05"
        assert ana.warnings == []

    def test_notes_of_the_file_longer_than_the_limit_still_reject(self) -> None:
        plan = plan_of(self.line("x" * (LIMIT + 1), start=""))
        assert (row(plan, 2).outcome, row(plan, 2).reason) == (REJECTED, "value_too_long")
        assert row(plan, 2).message == f"Notes is longer than {LIMIT} characters"


def test_a_received_date_without_a_tax_form_goes_to_the_notes_not_the_bin() -> None:
    moved = row(plan_of("Name,Tax form received\nAda Lovelace,2025-01-10\n"), 2)
    assert moved.outcome == NEW and moved.data is not None
    assert moved.data.tax_form_on is None
    assert "Tax form received: 2025-01-10" in moved.data.notes
    assert any("has no tax form beside it" in w for w in moved.warnings)
    kept = row(plan_of("Name,Tax form,Tax form received\nAda,W-9,2025-01-10\n"), 2)
    assert kept.data is not None and str(kept.data.tax_form_on) == "2025-01-10"
