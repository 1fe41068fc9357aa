"""The PDF risk summary: every section, the decision and its blockers, hostile text, page
numbers and metadata, read back with pypdf from a real file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Circle, Rect

from desktop.core.engagement import planned_schedule
from desktop.core.exit_plan import validate_exit_plan
from desktop.core.risk import Answer, Replacement
from desktop.core.risk_catalog import QUESTIONS, SCALE
from desktop.reports.pdf_base import plain, safe
from desktop.reports.risk_summary import (
    NOT_ADVICE,
    build_story,
    gather,
    heat_map,
    render,
    write_risk_summary,
)
from desktop.store import contractors, engagements, exit_plans, payments, reviews
from desktop.store.db import Store
from desktop.store.models import BusinessProfile
from tests.factories import make_contractor, make_engagement

TODAY = dt.date(2026, 11, 25)
SECTIONS = ("Decision", "Risk by area", "Classification", "Identity and fraud checks",
            "Quality and originality", "Contract checklist", "Exit strategy",
            "Pay on time and tax", "Sign-off")


def safe_answers() -> dict[str, Answer]:
    return {q.id: Answer(1 if q.kind == SCALE else (not q.risky), "checked")
            for q in QUESTIONS}


def flat(text: str) -> str:
    return " ".join(text.split())


def read(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(str(path))
    return reader, flat("\n".join(page.extract_text() for page in reader.pages))


def set_business(store: Store, name: str) -> None:
    with store.transaction() as session:
        session.add(BusinessProfile(id=1, name=name, country="US", region="NY"))


def save_review(store: Store, engagement_id: int, answers: dict[str, Answer],
                reviewer: str = "Sam Reviewer",
                replacement: Replacement = Replacement.MONTHS_1_2) -> reviews.ReviewRecord:
    return reviews.save(store, engagement_id, answers=answers, replacement=replacement,
                        deadline_hardness=2, copyrightable=True, reviewer=reviewer,
                        expected_version=None)


def pay(store: Store, engagement_id: int, amount_minor: int, paid_on: dt.date,
        method: str = "") -> None:
    record = engagements.get(store, engagement_id)
    rows = payments.installments(store, engagement_id) or payments.replace_schedule(
        store, engagement_id, planned_schedule(record.data))
    payments.record_payment(store, rows[0].id, amount_minor=amount_minor, currency="USD",
                            paid_on=paid_on, today=TODAY, method=method)


@pytest.fixture
def blocked(store: Store) -> int:
    """A New York engagement with plenty wrong: no ID check, a payment-fraud warning sign,
    no exit plan, no NDA for personal data, long payment terms, no written contract."""
    set_business(store, "Zoë Ångström Design")
    who = contractors.create(store, make_contractor(
        display_name="Łukasz Nowak", legal_name="Łukasz Jan Nowak", country="US")).id
    record = engagements.create(store, make_engagement(
        who, jurisdiction_country="US", jurisdiction_region="NY", amount="1000",
        payment_terms_days="45", data_access="personal_data"))
    answers = safe_answers()
    answers["financial.payee_mismatch"] = Answer(True, "Asked to pay a cousin's account")
    answers["operational.identity_match"] = Answer(None, "")
    save_review(store, record.id, answers)
    pay(store, record.id, 70_000, dt.date(2026, 3, 10))
    pay(store, record.id, 5_000, dt.date(2025, 12, 20))  # last tax year: not counted
    return record.id


@pytest.fixture
def ready(store: Store) -> int:
    who = contractors.create(store, make_contractor(
        display_name="Дмитрий Иванов", legal_name="Ελένη Παπαδοπούλου",
        identity_verified_on="2026-11-01", country="DE")).id
    record = engagements.create(store, make_engagement(
        who, jurisdiction_country="US", jurisdiction_region="TX", ip_assignment_signed="yes",
        amount="500"))
    save_review(store, record.id, safe_answers())
    exit_plans.save(store, record.id, validate_exit_plan({
        "for_cause": True, "cure_days": "7", "handover_work": "Files in the shared drive",
        "data_disposition": "destroy", "access_revocation": "Drive\nFigma"}), None)
    return record.id


def test_blocked_summary_lists_every_section_and_blocker(store: Store, blocked: int,
                                                         tmp_path: Path) -> None:
    path = write_risk_summary(store, blocked, tmp_path / "summary.pdf", TODAY)
    reader, text = read(path)
    assert 1 <= len(reader.pages) <= 2
    for section in SECTIONS:
        assert section in text, section
    assert "Blocked" in text and "Ready to sign" not in text
    found, _result = reviews.check(store, blocked, TODAY)
    assert {b.code for b in found} >= {"written_contract", "exit_plan", "identity", "starred",
                                       "data_protection", "ip_assignment"}
    for b in found:
        assert flat(b.message) in text, b.code
        assert flat(b.fix) in text, b.code
    assert "Misclassification risk" in text and "Common-law control test" in text
    assert NOT_ADVICE in text
    assert "page 1 of 2" in text or "page 1 of 1" in text
    # Header block: parties, value, jurisdiction, reviewer, date and catalog version.
    for expected in ("Zoë Ångström Design", "Łukasz Nowak", "Łukasz Jan Nowak", "$1,000.00",
                     "Fixed price", "United States, NY", "Sam Reviewer", "Nov 25, 2026",
                     "2026.11"):
        assert expected in text, expected
    # Checks carry their evidence; the payment terms go beyond New York's default.
    assert "Asked to pay a cousin's account" in text
    assert "Net 45 days is longer than the 30 days" in text
    # Year-to-date payments against the 2026 1099-NEC threshold, last year's left out.
    assert "$700.00" in text and "$2,000.00" in text and "$750.00" not in text


def test_metadata_page_numbers_and_embedded_font(store: Store, blocked: int,
                                                 tmp_path: Path) -> None:
    reader, text = read(write_risk_summary(store, blocked, tmp_path / "s.pdf", TODAY))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Risk summary: Spring catalogue"
    assert meta.author == "Zoë Ångström Design"
    assert "Łukasz Nowak" in (meta.subject or "") and (meta.creator or "").startswith("Crewbook")
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        page_text = flat(page.extract_text())
        assert f"page {number} of {total}" in page_text
        assert "Zoë Ångström Design · Risk summary" in page_text  # header on every page
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts) and not any("Helvetica" in f for f in fonts)
    assert "page 1 of" in text


def test_ready_engagement_says_ready_to_sign(store: Store, ready: int, tmp_path: Path) -> None:
    found, _ = reviews.check(store, ready, TODAY)
    assert found == []
    reader, text = read(write_risk_summary(store, ready, tmp_path / "ready.pdf", TODAY))
    assert "Ready to sign" in text and "Blocked" not in text
    assert "Дмитрий Иванов" in text and "Ελένη Παπαδοπούλου" in text
    assert "Crewbook · Risk summary" in text  # no business name: the app's name instead
    assert "Files in the shared drive" in text and "Drive; Figma" in text
    assert "1099-NEC threshold applies to US contractors" in text  # a German contractor
    assert "page 1 of" in text and NOT_ADVICE in text


def test_no_review_still_writes_a_summary_that_says_so(store: Store, tmp_path: Path) -> None:
    who = contractors.create(store, make_contractor()).id
    record = engagements.create(store, make_engagement(who))
    path = write_risk_summary(store, record.id, tmp_path / "none.pdf", TODAY)
    reader, text = read(path)
    assert len(reader.pages) >= 1
    assert "No risk review has been done for this engagement" in text
    assert "Blocked" in text and "Answer the risk review questions." in text
    assert "Not scored" in text and NOT_ADVICE in text


def test_hostile_text_is_escaped_wrapped_and_never_crashes(store: Store, tmp_path: Path) -> None:
    markup = "<b>Tom & Jerry</b> </para> <font size=40>"
    words = ("Sprint review & <retro> notes " * 400)[:9_000]
    long_text = words + "x" * 1_000  # 10,000 characters, the last thousand unbroken
    set_business(store, "Ångström & <Co> 🚀")
    who = contractors.create(store, make_contractor(
        display_name="Дмитрий </para>", legal_name="שלום עליכם", notes=long_text,
        identity_verified_on="2026-11-01", country="US")).id
    record = engagements.create(store, make_engagement(
        who, title=markup, goals=long_text, ip_terms="مرحبا بالعالم",
        jurisdiction_country="US", jurisdiction_region="CA"))
    answers = safe_answers()
    answers["operational.references"] = Answer(True, "中文参考 日本語 😀👍🏽 👨‍👩‍👧")
    answers["operational.trial_quality"] = Answer(3, long_text)
    save_review(store, record.id, answers, reviewer="Ελένη </para> & <i>")
    exit_plans.save(store, record.id, validate_exit_plan({
        "for_convenience": True, "handover_work": long_text, "knowledge_transfer": markup,
        "data_disposition": "return", "access_revocation": "\n".join(["<admin>"] * 5)}), None)

    path = write_risk_summary(store, record.id, tmp_path / "hostile.pdf", TODAY)
    reader, text = read(path)
    assert len(reader.pages) >= 1
    assert markup in text  # escaped on the way in, so it prints as typed
    assert "Ελένη </para> & <i>" in text and "Ångström & <Co>" in text
    assert "<admin>" in text and "Sprint review & <retro> notes" in text
    assert "more characters in Crewbook" in text  # 10,000 characters are summarised
    assert "page 1 of" in text
    assert reader.metadata is not None and reader.metadata.title == f"Risk summary: {markup}"


def test_reaching_the_1099_threshold_says_to_file(store: Store, tmp_path: Path) -> None:
    who = contractors.create(store, make_contractor(country="US", tax_form="w9",
                                                    tax_form_on="2026-01-05")).id
    record = engagements.create(store, make_engagement(who, amount="3000"))
    pay(store, record.id, 250_000, dt.date(2026, 10, 1))
    _reader, text = read(write_risk_summary(store, record.id, tmp_path / "t.pdf", TODAY))
    assert "$2,500.00" in text and "reached, so file a 1099-NEC for this contractor" in text
    assert "W-9, Jan 5, 2026" in text


def test_layout_needs_no_database(store: Store, blocked: int, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    summary = gather(store, blocked, TODAY)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the layout queried the database")

    monkeypatch.setattr(Store, "reading", refuse)
    monkeypatch.setattr(Store, "transaction", refuse)
    assert build_story(summary)
    reader, text = read(render(summary, tmp_path / "offline.pdf"))
    assert "Blocked" in text and len(reader.pages) >= 1


def test_heat_map_draws_25_cells_and_a_marker_per_area() -> None:
    drawing = heat_map([("Strategic", 4, 3), ("Operational", 4, 3), ("Technology", 1, 1),
                        ("Financial", 5, 3)])
    shapes = drawing.getContents()
    assert sum(isinstance(s, Rect) for s in shapes) == 25
    circles = [s for s in shapes if isinstance(s, Circle)]
    assert len(circles) == 4
    assert len({(c.cx, c.cy) for c in circles}) == 4  # two in one cell do not overlap


def test_missing_glyphs_become_a_readable_placeholder() -> None:
    assert plain("a😀b中文c\u0d15") == "a[grinning face]b中文c[Malayalam text]"
    assert safe("</para> & x") == "&lt;/para&gt; &amp; x"
    assert plain("a" * 50, limit=10) == "a" * 10 + " … (40 more characters in Crewbook)"


def test_card_payments_do_not_reach_the_1099_threshold_as_in_the_year_end_report(
        store: Store, tmp_path: Path) -> None:
    from desktop.store.tax_year import tax_year_summary

    who = contractors.create(store, make_contractor(country="US", tax_form="w9",
                                                    tax_form_on="2026-01-05")).id
    record = engagements.create(store, make_engagement(who, amount="3000"))
    pay(store, record.id, 250_000, dt.date(2026, 10, 1), method="card")
    pay(store, record.id, 10_000, dt.date(2026, 10, 2), method="bank transfer")
    _reader, text = read(write_risk_summary(store, record.id, tmp_path / "t.pdf", TODAY))
    assert "reached" not in text and "$1,900.00 below it" in text
    assert "$2,500.00 is the processor's to report (1099-K) and is not counted" in text
    assert not tax_year_summary(store, 2026).lines[0].candidate  # the same answer


def test_a_year_without_a_known_threshold_says_so(store: Store, tmp_path: Path) -> None:
    who = contractors.create(store, make_contractor(country="US", tax_form="w9")).id
    record = engagements.create(store, make_engagement(who, amount="3000"))
    (row,) = payments.replace_schedule(store, record.id, planned_schedule(record.data))
    payments.record_payment(store, row.id, amount_minor=250_000, currency="USD",
                            paid_on=dt.date(2027, 3, 1), today=dt.date(2027, 3, 1))
    _reader, text = read(write_risk_summary(store, record.id, tmp_path / "t.pdf",
                                            dt.date(2027, 3, 2)))
    assert "No 1099-NEC reporting threshold is recorded for 2027" in text


def test_a_signed_engagement_shows_the_review_it_was_signed_on(store: Store, ready: int,
                                                                tmp_path: Path) -> None:
    from dataclasses import replace

    record = engagements.move(store, ready, "in_review", engagements.get(store, ready).version,
                              on=TODAY)
    reviews.sign(store, ready, engagements.get(store, ready).version, on=TODAY, by="Ana")
    before = gather(store, ready, TODAY)
    record = engagements.get(store, ready)
    # Afterwards the terms change, and a blocker appears that signing did not face.
    engagements.update(store, ready, replace(record.data, amount_minor=90_000,
                                             payment_terms_days=90), record.version)
    after = gather(store, ready, TODAY)
    assert after.blockers == () and after.signed is not None
    assert after.result == before.result  # scored on the terms signed, not today's
    assert ("Amount", "500.00", "900.00") in after.signed.changes
    assert ("Payment terms (net days)", "14", "90") in after.signed.changes
    _reader, text = read(write_risk_summary(store, ready, tmp_path / "signed.pdf", TODAY))
    assert "Signed" in text and "Blocked" not in text and "put right before signing" not in text
    assert "Terms changed since signing At signing Now" in text
    assert "signed Nov 25, 2026 by Ana" in text


def test_a_signing_made_before_terms_were_kept_says_so(store: Store, ready: int,
                                                       tmp_path: Path) -> None:
    from desktop.store.models import RiskReview

    engagements.move(store, ready, "in_review", engagements.get(store, ready).version, on=TODAY)
    reviews.sign(store, ready, engagements.get(store, ready).version, on=TODAY, by="Ana")
    with store.transaction() as session:
        for row in session.query(RiskReview).filter_by(engagement_id=ready):
            row.signed_terms = None
    summary = gather(store, ready, TODAY)
    assert summary.signed is not None and not summary.signed.terms_kept
    _reader, text = read(write_risk_summary(store, ready, tmp_path / "old.pdf", TODAY))
    assert "The terms at signing were not kept" in text


def test_a_label_column_is_as_wide_as_its_longest_word_needs() -> None:
    from desktop.reports.pdf_base import styles
    from desktop.reports.pdf_line import width
    from desktop.reports.risk_summary_cells import label_width

    bold = styles().cell_bold
    word = width("Ersatz-Auftragnehmer", bold.fontName, bold.fontSize)
    assert label_width(70, "Value", "Term") == 70  # short labels keep the column's width
    assert word + 8 < label_width(70, "Ersatz-Auftragnehmer") < word + 12  # padding both sides
    # Wrapping between words is fine: only the longest word counts.
    assert label_width(10, "Fehlende wesentliche Angaben") == label_width(10, "wesentliche")
