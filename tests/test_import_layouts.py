"""Each real export layout, read from its fixture file: format, encoding, outcomes per line."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.enums import ContractorKind, RateUnit
from desktop.io.contractor_import import (
    DUPLICATE,
    NEW,
    REJECTED,
    SKIPPED,
    Plan,
    analyse,
    default_choices,
    describe,
    needs_mapping,
)
from desktop.io.csv_source import Refused
from desktop.io.import_table import read_file
from desktop.io.layouts import auto_mapping, detect, fold, layout_key
from desktop.store.importing import KnownContacts

FIXTURES = Path(__file__).parent / "fixtures" / "import"
TODAY = dt.date(2026, 11, 25)


def plan_of(name: str, business_country: str = "", **options: object) -> Plan:
    table = read_file(FIXTURES / name)
    known = KnownContacts(country=business_country)
    return analyse(table, default_choices(table, **options), known, TODAY)  # type: ignore[arg-type]


def lines(plan: Plan, outcome: str) -> list[int]:
    return [r.line for r in plan.rows if r.outcome == outcome]


def rejected(plan: Plan) -> dict[int, str]:
    return {r.line: r.reason for r in plan.rows if r.outcome == REJECTED}


def by_line(plan: Plan, line: int):  # type: ignore[no-untyped-def]
    row = next(r for r in plan.rows if r.line == line)
    assert row.data is not None, row.message
    return row


# file, format, encoding, delimiter, header line, new lines, rejected {line: reason}, skipped lines
EXPECTED = [
    ("xero_contacts.csv", "xero", "UTF-8", "comma", 1, [2, 3, 5, 6, 7, 8],
     {4: "invalid_email"}, []),
    ("quickbooks_vendor_contact_list.csv", "quickbooks_vendors", "UTF-8", "comma", 4,
     [5, 8, 10, 11, 13, 16], {}, [1, 2, 3, 17, 18, 19, 20]),
    ("outlook_contacts.csv", "outlook", "Western European (Windows-1252)", "comma", 1, [2, 3, 4, 6, 7, 8], {}, []),
    ("outlook_unicode_text.csv", "outlook", "UTF-16", "TAB", 1, [2, 3, 4, 5, 7, 8], {}, []),
    ("google_contacts_legacy.csv", "google_legacy", "UTF-8", "comma", 1, [2, 3, 4, 6, 7, 8],
     {}, []),
    ("google_contacts_current.csv", "google", "UTF-8 with BOM", "comma", 1,
     [2, 3, 7, 9, 10, 11], {8: "missing_name"}, []),
    ("excel_de.csv", "spreadsheet", "Western European (Windows-1252)", "semicolon", 1, [2, 3, 4, 5],
     {6: "negative_rate", 7: "invalid_rate", 8: "invalid_date"}, [9]),
    ("excel_fr_dates.csv", "spreadsheet", "UTF-8 with BOM", "semicolon", 1,
     [2, 3, 4, 5, 6, 7], {}, []),
    ("freshbooks_clients.csv", "freshbooks", "UTF-8", "comma", 1, [2, 3, 4, 5, 6, 7], {}, []),
    ("handmade.csv", "spreadsheet", "UTF-8", "comma", 1, [2, 3, 4, 10],
     {7: "too_many_fields", 8: "too_few_fields", 9: "negative_rate"}, [5]),
]


@pytest.mark.parametrize(("name", "layout", "encoding", "delimiter", "header", "new", "bad", "skipped"),
                         EXPECTED, ids=[e[0] for e in EXPECTED])
def test_layout_read_as_shipped(name: str, layout: str, encoding: str, delimiter: str, header: int,
                                new: list[int], bad: dict[int, str], skipped: list[int]) -> None:
    plan = plan_of(name)
    summary = describe(plan)
    assert (summary["format"], summary["encoding"], summary["delimiter"], summary["header_line"]) \
        == (layout, encoding, delimiter, header)
    assert lines(plan, NEW) == new
    assert rejected(plan) == bad
    assert lines(plan, SKIPPED) == skipped
    assert summary["imported"] == len(new) and summary["skipped"] == len(skipped)
    for row in plan.rows:
        if row.outcome == REJECTED:
            assert row.message  # every rejection says why


def test_no_mojibake_and_no_bom_in_headers() -> None:
    for name in ("outlook_contacts.csv", "outlook_unicode_text.csv", "excel_de.csv",
                 "google_contacts_current.csv", "excel_fr_dates.csv"):
        plan = plan_of(name)
        assert not plan.headers[0].startswith("\ufeff")
        text = " ".join(r.data.display_name for r in plan.rows if r.data)
        assert "Ã" not in text and "\ufffd" not in text
    assert by_line(plan_of("outlook_contacts.csv"), 2).data.display_name == "René Lefèvre"
    assert by_line(plan_of("outlook_unicode_text.csv"), 2).data.display_name == "Γιώργος Παπαδόπουλος"
    assert by_line(plan_of("excel_de.csv"), 2).data.display_name == "Jürgen Groß"


class TestQuickBooks:
    def test_multiline_address_labelled_phones_and_amount_text(self) -> None:
        plan = plan_of("quickbooks_vendor_contact_list.csv", business_country="US")
        rosa = by_line(plan, 5).data
        assert rosa.display_name == "Rosa Alder" and rosa.company == "Alder & Finch Joinery LLC"
        assert rosa.address == "1420 Mill Road\nSuite 4\nPortland, OR  97205"
        assert rosa.phone == "+15035550134"  # read in the business's country
        assert "Other phone: (503) 555-0199" in rosa.notes
        assert "Open balance: $1,250.00" in rosa.notes  # kept as written, not evaluated

    def test_deleted_vendor_is_imported_archived_without_the_suffix(self) -> None:
        row = by_line(plan_of("quickbooks_vendor_contact_list.csv"), 10)
        assert "(deleted)" not in row.data.display_name
        assert row.archived_on == TODAY

    def test_footer_and_titles_are_skipped_not_rejected(self) -> None:
        plan = plan_of("quickbooks_vendor_contact_list.csv")
        reasons = {r.line: r.reason for r in plan.rows if r.outcome == SKIPPED}
        assert reasons == {1: "title", 2: "title", 3: "empty", 17: "empty", 18: "empty",
                           19: "empty", 20: "footer"}


class TestGoogle:
    def test_multi_values_split_on_the_separator(self) -> None:
        marta = by_line(plan_of("google_contacts_legacy.csv"), 2).data
        assert marta.email == "marta.kowalska@example.com"
        assert "Other email: m.kowalska@example.org" in marta.notes
        assert marta.tags == ("designers",)  # "* My Contacts" is Google's own group

    def test_organisation_only_becomes_a_company(self) -> None:
        studio = by_line(plan_of("google_contacts_current.csv"), 7).data
        assert studio.display_name == studio.company == "Pine & Pixel Studio"
        assert studio.kind == ContractorKind.COMPANY


class TestEuropeanExcel:
    def test_decimal_comma_amounts(self) -> None:
        plan = plan_of("excel_de.csv")
        assert plan.reading.decimal_mark == ","
        assert by_line(plan, 2).data.rate_minor == 8500
        assert (by_line(plan, 2).data.currency, by_line(plan, 2).data.rate_unit) == ("EUR", RateUnit.HOUR)
        assert by_line(plan, 3).data.rate_minor == 9550  # "95,5"
        day = by_line(plan, 4).data  # only a Tagessatz
        assert (day.rate_minor, day.rate_unit) == (123450, RateUnit.DAY)

    def test_dates_day_first_and_leading_zeros_kept(self) -> None:
        plan = plan_of("excel_de.csv")
        assert plan.reading.date_order.order == "day/month" and plan.reading.date_order.settled
        assert by_line(plan, 3).data.identity_verified_on == dt.date(2025, 4, 3)
        assert by_line(plan, 2).data.address.startswith("01067")
        assert any("31.12.2025" in w for w in plan.warnings)

    def test_impossible_date_names_the_column(self) -> None:
        row = next(r for r in plan_of("excel_de.csv").rows if r.line == 8)
        assert row.reason == "invalid_date" and "Ausweis geprüft" in row.message

    def test_french_spaces_in_thousands(self) -> None:
        plan = plan_of("excel_fr_dates.csv")
        assert by_line(plan, 2).data.rate_minor == 123450
        assert by_line(plan, 2).data.identity_verified_on == dt.date(2025, 4, 3)


class TestHandMade:
    def test_literal_text_kept(self) -> None:
        plan = plan_of("handmade.csv")
        assert '=HYPERLINK("http://example.com","x")' in by_line(plan, 3).data.notes
        assert by_line(plan, 4).data.notes.startswith("007")
        assert by_line(plan, 2).data.tags == ("design", "print")

    def test_month_first_settled_by_the_data(self) -> None:
        plan = plan_of("handmade.csv")
        assert plan.reading.date_order.order == "month/day"
        assert "Start Date: 2026-03-04" in by_line(plan, 2).data.notes

    def test_duplicate_within_the_file(self) -> None:
        plan = plan_of("handmade.csv")
        assert lines(plan, DUPLICATE) == [6]
        assert describe(plan)["duplicates"] == [
            {"line": 6, "email": "ana.ruiz@example.com", "phone": "", "matches": "line 2"}]

    def test_day_order_can_be_overruled(self) -> None:
        plan = plan_of("handmade.csv", date_order="day/month")
        # 12/31/2025 cannot be read day first; a start date only goes to the notes, so the
        # row is imported with the value as written and a warning.
        ben = by_line(plan, 3)
        assert 3 not in rejected(plan) and "Start Date: 12/31/2025" in ben.data.notes
        assert ben.warnings == ["Start Date: “12/31/2025” is not a real date (read as "
                                "day/month/year); kept in the notes as written"]
        assert "Start Date: 2026-04-03" in by_line(plan, 2).data.notes


class TestUnknownLayout:
    def test_needs_a_mapping_then_imports(self) -> None:
        table = read_file(FIXTURES / "unknown_layout.csv")
        choices = default_choices(table)
        assert choices.layout.key == "unknown" and needs_mapping(choices)
        # Addresses and phone numbers give their columns away; names are left to the user.
        assert choices.mapping == ("note", "email", "phone", "note")
        mapped = replace(choices, mapping=("name", "email", "phone", "notes"))
        assert not needs_mapping(mapped)
        assert lines(analyse(table, mapped, {}, TODAY), NEW) == [2, 3, 4, 5, 6]


@pytest.mark.parametrize("name", ["not_text.png", "empty.csv", "blank_lines.csv", "binary.csv"])
def test_non_text_files_are_refused_whole(name: str) -> None:
    with pytest.raises(Refused):
        read_file(FIXTURES / name)


def test_headers_fold_across_case_spacing_and_umlauts() -> None:
    assert fold("  *E-Mail ") == fold("e_mail") == "e mail"
    assert fold("Währung") == fold("Waehrung") == "waehrung"
    assert auto_mapping(detect(["Name", "Währung"]), ["Name", "Währung"]) == ["name", "currency"]
    assert auto_mapping(detect(["NAME", "WAEHRUNG"]), ["NAME", "WAEHRUNG"]) == ["name", "currency"]
    assert layout_key(["Name", " E-Mail"]) == layout_key(["name", "e-mail "])
    assert layout_key(["Name"]) != layout_key(["Firma"])


def test_xlsx_workbook(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Contractors"])  # a title above the header
    sheet.append(["Name", "Email", "Postcode", "Hourly rate", "ID verified"])
    sheet.append(["Ana Ruiz", "ana@example.com", "01067", 95.5, dt.datetime(2025, 12, 31)])
    sheet.append(["=cmd()", "bad@@example.com", None, None, None])
    sheet.cell(4, 1).data_type = "s"  # text that looks like a formula, as Excel keeps it
    sheet.append(["Ben Carter", None, None, 120, None])
    sheet.append(['=CONCAT("a","b")', "c@example.com"])  # a formula nobody calculated
    book.save(tmp_path / "roster.xlsx")
    table = read_file(tmp_path / "roster.xlsx")
    plan = analyse(table, default_choices(table), {}, TODAY)
    assert describe(plan)["encoding"] == "Excel workbook" and describe(plan)["header_line"] == 2
    assert lines(plan, NEW) == [3, 5]
    assert rejected(plan) == {4: "invalid_email", 6: "missing_name"}  # never evaluated
    assert next(r for r in plan.rows if r.line == 4).values[0] == "=cmd()"
    ana = by_line(plan, 3).data
    assert (ana.rate_minor, ana.identity_verified_on, ana.address) == (9550, dt.date(2025, 12, 31), "01067")


def test_a_damaged_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(Refused):
        read_file(path)


def test_unnamed_columns_are_guessed_from_their_values_but_never_the_name() -> None:
    from desktop.io.layouts import guess_target

    assert guess_target(["a@example.com", "b@example.org", ""], set()) == "email"
    assert guess_target(["a@example.com", "b@example.org"], {"email"}) is None  # taken
    assert guess_target(["+1 555 0100", "(503) 555-0101"], set()) == "phone"
    assert guess_target(["www.example.com", "https://example.org/x"], set()) == "website"
    assert guess_target(["Ana Ruiz", "a@example.com", "Ben"], set()) is None
    assert guess_target(["Ana Ruiz", "Ben Carter"], set()) is None
    assert guess_target(["", " "], set()) is None
