"""Risk summary benchmark: how long writing one engagement's PDF risk summary takes.

Not part of the test suite (pytest only collects test_*.py). Run it by hand:

    python tests/benchmarks/bench_risk_summary.py            # 10 timed runs
    python tests/benchmarks/bench_risk_summary.py --runs 20
    python tests/benchmarks/bench_risk_summary.py --strict   # exit 1 if the target is missed

The figure is printed next to a floor from the same run on the same machine: a bare ReportLab
SimpleDocTemplate laying out the same paragraphs' plain text in Helvetica, with no tables, no
heat map, no embedded font and no database. Compare the two, not numbers from another machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import escape

TARGET_S = 0.5  # write_risk_summary, median
TARGET_RATIO = 1.5  # write_risk_summary against the floor, medians
TODAY = dt.date(2026, 11, 25)


def seed(folder: Path):  # type: ignore[no-untyped-def]
    """A New York engagement with a full review, some blockers, an exit plan and payments."""
    from desktop.core.contractor import validate_contractor
    from desktop.core.engagement import planned_schedule, validate_engagement
    from desktop.core.exit_plan import validate_exit_plan
    from desktop.core.risk import Answer, Replacement
    from desktop.core.risk_catalog import QUESTIONS, SCALE
    from desktop.store import contractors, engagements, exit_plans, payments, reviews
    from desktop.store.models import BusinessProfile
    from desktop.store.session import open_store

    store = open_store(folder).store
    with store.transaction() as session:
        session.add(BusinessProfile(id=1, name="Zoë Ångström Design", country="US",
                                    region="NY"))
    who = contractors.create(store, validate_contractor({
        "display_name": "Łukasz Nowak", "legal_name": "Łukasz Jan Nowak", "country": "US",
        "email": "lukasz@example.com", "currency": "USD", "rate": "85", "status": "active",
        "tax_form": "w9", "tax_form_on": "2026-01-05"})).id
    record = engagements.create(store, validate_engagement({
        "contractor_id": who, "title": "Spring catalogue", "pricing_model": "fixed",
        "amount": "1800", "currency": "USD", "start_on": "2026-03-01", "end_on": "2026-12-31",
        "payment_terms_days": "45", "notice_period": "14", "data_access": "personal_data",
        "goals": "Sell the spring range through a 24-page printed catalogue. " * 4,
        "scope": "24 pages", "deliverables": "Print-ready PDF",
        "acceptance_criteria": "Approved by the owner", "comm_channel": "video",
        "comm_cadence": "weekly", "comm_contact": "Sam", "jurisdiction_country": "US",
        "jurisdiction_region": "NY"}))
    answers = {q.id: Answer(1 if q.kind == SCALE else (not q.risky),
                            "Checked on the call; notes in the shared folder.")
               for q in QUESTIONS}
    answers["financial.payee_mismatch"] = Answer(True, "Asked to pay a cousin's account")
    answers["strategic.control"] = Answer(True, "We set the working hours")
    reviews.save(store, record.id, answers=answers, replacement=Replacement.MONTHS_1_2,
                 deadline_hardness=4, copyrightable=True, reviewer="Sam Reviewer",
                 expected_version=None)
    exit_plans.save(store, record.id, validate_exit_plan({
        "for_convenience": True, "convenience_notice_days": "14", "handover_work": "Files",
        "data_disposition": "destroy", "access_revocation": "Drive\nFigma\nSlack"}), None)
    rows = payments.replace_schedule(store, record.id, planned_schedule(
        engagements.get(store, record.id).data))
    payments.record_payment(store, rows[0].id, amount_minor=90_000, currency="USD",
                            paid_on=dt.date(2026, 6, 1), today=TODAY)
    return store, record.id


def plain_texts(story: Iterable[object]) -> list[str]:
    """The plain text of every text flowable in the story (a Paragraph, or a line drawn without
    one), tables and groups included."""
    from reportlab.platypus import KeepTogether, Table

    out: list[str] = []

    def walk(item: object) -> None:
        if hasattr(item, "getPlainText"):
            out.append(item.getPlainText())
        elif isinstance(item, str):
            out.append(item)
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for cell in row:
                    for part in cell if isinstance(cell, list | tuple) else [cell]:
                        walk(part)
        elif isinstance(item, KeepTogether):
            for part in item._content:
                walk(part)
        elif isinstance(item, list | tuple):
            for part in item:
                walk(part)

    for flowable in story:
        walk(flowable)
    return [t for t in out if t.strip()]


def floor_pdf(texts: list[str], path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(escape(t), style) for t in texts])


def timed(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    """The first call's time (it registers fonts and fills caches), then ``runs`` more."""
    first, *rest = alternated([fn], runs)
    return first[0], [t[0] for t in rest]


def alternated(fns: list[Callable[[], object]], runs: int) -> list[list[float]]:
    """``runs`` + 1 rounds, each calling every function once in turn, so a busy moment on a
    shared machine slows both sides of a comparison, not one: [round][function] times."""
    rounds = []
    for _ in range(runs + 1):
        times = []
        for fn in fns:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        rounds.append(times)
    return rounds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs of each (median)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args(argv)

    from pypdf import PdfReader

    from desktop.reports.risk_summary import build_story, gather, render, write_risk_summary

    with tempfile.TemporaryDirectory(prefix="crewbook-bench-") as scratch:
        folder = Path(scratch) / "data"
        folder.mkdir(mode=0o700)
        store, engagement_id = seed(folder)
        try:
            out = Path(scratch) / "summary.pdf"
            floor_out = Path(scratch) / "floor.pdf"
            first, _ = timed(lambda: write_risk_summary(store, engagement_id, out, TODAY), 0)
            summary = gather(store, engagement_id, TODAY)
            texts = plain_texts(build_story(summary))
            floor_first, _ = timed(lambda: floor_pdf(texts, floor_out), 0)
            rounds = alternated([lambda: write_risk_summary(store, engagement_id, out, TODAY),
                                 lambda: floor_pdf(texts, floor_out)], args.runs - 1)
            whole, floor = [r[0] for r in rounds], [r[1] for r in rounds]
            _, gathering = timed(lambda: gather(store, engagement_id, TODAY), args.runs)
            _, rendering = timed(lambda: render(summary, out), args.runs)
            pages = len(PdfReader(str(out)).pages)
            floor_pages = len(PdfReader(str(floor_out)).pages)
            size_kb = out.stat().st_size / 1024
        finally:
            store.close()

    med = statistics.median
    ok = med(whole) <= TARGET_S
    ratio_ok = med(whole) / med(floor) <= TARGET_RATIO
    table = [
        ("figure", "measured", "floor", "target", "result"),
        (f"write_risk_summary, median of {args.runs}", f"{med(whole):.3f} s",
         f"{med(floor):.3f} s", f"<= {TARGET_S:.1f} s", "pass" if ok else "FAIL"),
        ("write_risk_summary, max", f"{max(whole):.3f} s", f"{max(floor):.3f} s", "", ""),
        ("first call in the process (loads fonts)", f"{first:.3f} s", f"{floor_first:.3f} s",
         "", "info"),
        ("ratio to floor", f"{med(whole) / med(floor):.2f}x", "1.00x",
         f"<= {TARGET_RATIO:.1f}x", "pass" if ratio_ok else "FAIL"),
        ("  gather (queries), median", f"{med(gathering):.3f} s", "", "", "info"),
        ("  render (layout + PDF), median", f"{med(rendering):.3f} s", f"{med(floor):.3f} s",
         "", "info"),
        ("pages / paragraphs", f"{pages} / {len(texts)}", f"{floor_pages} / {len(texts)}",
         "1–2 pages", "pass" if pages <= 2 else "FAIL"),
        ("file size", f"{size_kb:.0f} KB", "", "", "info"),
    ]
    widths = [max(len(r[c]) for r in table) for c in range(5)]
    print()
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(w) if c == 0 else cell.rjust(w)
                        for c, (cell, w) in enumerate(zip(row, widths))).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 1 if args.strict and not (ok and ratio_ok and pages <= 2) else 0


if __name__ == "__main__":
    sys.exit(main())
