"""Text from anywhere in every PDF report: markup typed by a user prints as typed; Arabic is
joined and, like Hebrew, reads right to left; Chinese, Japanese and Korean use the fallback
font; emoji become a readable placeholder; control characters and 10,000-character fields
never break a page. Each report is rendered from a real store and read back with pdftotext.

pdftotext turns right-to-left text back into reading order (it writes the runs it finds
in logical order, wrapped in direction marks), so a name printed in the wrong order reads
back reversed and fails here. It keeps Arabic letters in the joined forms the page uses
(presentation forms), so the text is compared after NFKC folding, and the raw text must hold
joined forms: unshaped letters would be isolated.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.planner import validate_activity
from desktop.core.risk import Answer
from desktop.core.risk_catalog import QUESTIONS, SCALE
from desktop.core.schedule import PlannedInstallment
from desktop.reports.outstanding_report import write_outstanding_report
from desktop.reports.payments_report import write_payments_report
from desktop.reports.pdf_text import clean, safe, visual
from desktop.reports.planner_report import write_planner_report
from desktop.reports.risk_summary import write_risk_summary
from desktop.reports.statement_report import write_statement_report
from desktop.reports.tax_year_report import write_tax_year_report
from desktop.store import contractors, engagements, payments, planner, reviews
from desktop.store.db import Store
from desktop.store.models import BusinessProfile
from tests.factories import make_contractor, make_engagement

TODAY = dt.date(2026, 11, 20)
ARABIC = "محمد علي"
HEBREW = "שלום עולם"
CJK = "田中太郎 김민수"
MARKUP = 'Tom <b>&amp; <font size=80>Jerry <img src="x.png"/> a < b'
EMOJI = "Ana 😀 Silva"
CONTROL = "Zero\u200bwidth\u200d join\u2060end\u00adx"
LONG = ("Lange Notiz " * 900)[:10_000]
NAMES = (ARABIC, HEBREW, CJK, MARKUP, EMOJI, CONTROL)
_MARKS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def extract(path: Path) -> tuple[str, str]:
    """(raw pdftotext output, the same folded for comparison)."""
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed for these tests"
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    folded = " ".join(_MARKS.sub("", unicodedata.normalize("NFKC", raw)).split())
    return raw, folded


def assert_literal(path: Path, *values: str) -> str:
    raw, text = extract(path)
    for value in values:
        assert " ".join(clean(value).split()) in text, value
    if any(ARABIC in value for value in values):
        assert re.search("[\ufe70-\ufefc]", raw), "Arabic printed without joining"
    assert "\ufffd" not in text
    return text


def set_business(store: Store, name: str = "Zoë & <Co> 😀") -> None:
    with store.transaction() as session:
        session.merge(BusinessProfile(id=1, name=name, country="US", region="CA",
                                      locale="en_US"))


def person(store: Store, name: str, **fields: object) -> int:
    return contractors.create(store, make_contractor(display_name=name, currency="USD",
                                                     **fields)).id


def owed_and_paid(store: Store, name: str) -> tuple[int, int]:
    """A signed engagement for ``name`` with one installment paid and one overdue."""
    who = person(store, name, notes=f"{ARABIC} {LONG}"[:10_000], country="US", tax_form="w9")
    record = engagements.create(store, make_engagement(who, title=f"Job {name}",
                                                       amount="3000"))
    for step in ("in_review", "signed"):
        record = engagements.move(store, record.id, step, record.version,
                                  on=dt.date(2026, 1, 2))
    rows = payments.replace_schedule(store, record.id, [
        PlannedInstallment(f"Part {name}", dt.date(2026, 3, 1), dt.date(2026, 3, 1), 250_000,
                           "USD"),
        PlannedInstallment(f"Rest {name}", dt.date(2026, 6, 1), dt.date(2026, 6, 1), 50_000,
                           "USD")])
    payments.record_payment(store, rows[0].id, amount_minor=250_000, currency="USD",
                            paid_on=dt.date(2026, 3, 4), method="bank transfer",
                            reference=f"Ref {name}", invoice_number="INV-1",
                            today=dt.date(2026, 3, 4))
    return who, record.id


@pytest.fixture
def hostile(store: Store) -> dict[str, int]:
    set_business(store)
    return {name: owed_and_paid(store, name)[0] for name in NAMES}


def test_markup_is_escaped_and_runs_get_their_font() -> None:
    assert safe(MARKUP).startswith("Tom &lt;b&gt;&amp;amp; &lt;font size=80&gt;")
    assert 'name="CrewbookFallback">田中太郎' in safe(CJK)
    assert clean(CONTROL) == "Zerowidth joinendx"
    assert clean("\u202ebell\x07 tab\tend\ud800") == "bell tab end?"
    assert clean("👨‍👩‍👧 🇬🇧 ❤️") == "[man woman girl] [flag GB] ❤"


def test_right_to_left_runs_are_shaped_and_put_in_visual_order() -> None:
    seen = visual(ARABIC)
    assert unicodedata.normalize("NFKC", seen) == "يلع دمحم"  # both words, right to left
    assert seen != "يلع دمحم"  # and joined: contextual forms, not isolated letters
    assert visual(f"Call {HEBREW} today") == "Call םלוע םולש today"
    assert visual("(שלום) 2026") == "2026 (םולש)"  # a right-to-left line keeps its shape
    assert visual("plain text") == "plain text"


def test_risk_summary(store: Store, tmp_path: Path) -> None:
    set_business(store)
    who = person(store, ARABIC, legal_name=HEBREW, notes=LONG, country="US",
                 identity_verified_on="2026-11-01")
    record = engagements.create(store, make_engagement(
        who, title=MARKUP, goals=LONG, scope=CJK, jurisdiction_country="US",
        jurisdiction_region="CA"))
    answers = {q.id: Answer(1 if q.kind == SCALE else (not q.risky), "checked")
               for q in QUESTIONS}
    answers["operational.references"] = Answer(True, f"{EMOJI} {CONTROL} {LONG}")
    reviews.save(store, record.id, answers=answers, replacement=None, deadline_hardness=2,
                 copyrightable=True, reviewer=CJK, expected_version=None)
    path = write_risk_summary(store, record.id, tmp_path / "risk.pdf", TODAY)
    text = assert_literal(path, ARABIC, HEBREW, CJK, MARKUP, "Ana [grinning face] Silva",
                          "Zoë & <Co> [grinning face]")
    assert "more characters in Crewbook" in text


def test_outstanding_report(store: Store, hostile: dict[str, int], tmp_path: Path) -> None:
    path = write_outstanding_report(store, tmp_path / "o.pdf", TODAY, today=TODAY)
    assert_literal(path, *NAMES, f"Rest {ARABIC}")


def test_payments_report(store: Store, hostile: dict[str, int], tmp_path: Path) -> None:
    path = write_payments_report(store, tmp_path / "p.pdf", dt.date(2026, 1, 1),
                                 dt.date(2026, 12, 31), today=TODAY)
    assert_literal(path, *NAMES, f"Ref {HEBREW}")


@pytest.mark.parametrize("name", [ARABIC, HEBREW, CJK, MARKUP])
def test_statement_report(store: Store, hostile: dict[str, int], tmp_path: Path,
                          name: str) -> None:
    path = write_statement_report(store, tmp_path / "s.pdf", hostile[name],
                                  dt.date(2026, 1, 1), dt.date(2026, 12, 31), today=TODAY)
    assert_literal(path, name, f"Job {name}")


def test_tax_year_report(store: Store, hostile: dict[str, int], tmp_path: Path) -> None:
    path = write_tax_year_report(store, tmp_path / "t.pdf", 2026, today=TODAY)
    text = assert_literal(path, ARABIC, HEBREW, CJK, EMOJI, CONTROL)
    assert "Tom <b>&amp; <font size=80>J..." in text  # cut to its column (… folds to ...)


def test_planner_report(store: Store, tmp_path: Path) -> None:
    set_business(store, HEBREW)
    for name in (*NAMES, "x" * 120):
        planner.save(store, validate_activity({
            "name": name, "hours_per_month": Decimal("10"), "importance": 4,
            "competence": 2, "hour_value": "50", "currency": "USD"}))
    path = write_planner_report(store, tmp_path / "plan.pdf", today=TODAY)
    assert_literal(path, ARABIC, HEBREW, CJK, MARKUP, "Ana [grinning face] Silva")


def _words(count: int) -> list[str]:
    """Distinct three-letter Arabic words, to tell where each lands."""
    letters = [chr(c) for c in [*range(0x0628, 0x063B), *range(0x0641, 0x064B)]]
    n = len(letters)
    return [letters[i % n] + letters[(i // n) % n] + letters[(i * 7) % n] for i in range(count)]


@pytest.mark.parametrize("lead", ["", "Ahmad: "])
def test_a_right_to_left_note_that_wraps_reads_in_order(tmp_path: Path, lead: str) -> None:
    from reportlab.platypus import SimpleDocTemplate

    from desktop.reports.pdf_base import para, styles

    words = _words(60)
    path = tmp_path / "note.pdf"
    # Narrow: the note takes many lines. An English lead makes the paragraph left to right,
    # the Arabic in it still in reading order.
    SimpleDocTemplate(str(path), pagesize=(300, 800)).build([para(lead + " ".join(words),
                                                                  styles().body)])
    assert shutil.which("pdftotext"), "pdftotext reads the PDF back: install poppler-utils"
    text = unicodedata.normalize("NFKC", subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)
    where = [text.find(word) for word in words]
    assert -1 not in where
    if not lead:  # the whole paragraph right to left: every line, in order
        assert where == sorted(where)
        assert text.count("\n") > 5
