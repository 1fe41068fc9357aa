"""Payments report benchmark: the period report over many payments, against bare ReportLab.

Not part of the test suite (pytest only collects test_*.py). Run it by hand:

    python tests/benchmarks/bench_payments_report.py                 # 100,000 payments
    python tests/benchmarks/bench_payments_report.py --rows 20000    # quick run
    python tests/benchmarks/bench_payments_report.py --table-floor-runs 0   # skip the slow floor
    python tests/benchmarks/bench_payments_report.py --strict        # exit 1 on a missed target

Every figure is printed next to floors measured in the same run on the same machine, with the
same rows fetched by bare sqlite3 as plain strings:

- table floor (the target's floor): one ReportLab ``Table(rows, repeatRows=1)`` of every row
  in a ``SimpleDocTemplate``. ReportLab re-measures the rows left over at every page split,
  so this floor grows with the square of the rows (minutes at 100,000); it runs once by default.
- page floor (info): the same rows cut into 200-row bare Tables, which ReportLab lays out in
  time proportional to the rows. It has no embedded font (Helvetica), no number or date
  formatting, no styling and no summary, so it shows what the report's extras cost.

Peak memory is the high-water mark (``VmHWM``; ``ru_maxrss`` where there is no /proc) of a fresh
child process writing the report for about a tenth of the rows and then for all of them, next
to the page floor's for the same rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_RATIO = 1.5  # write_payments_report against the table floor, medians
FIRST = dt.date(2025, 1, 1)
LAST = dt.date(2026, 12, 31)
TODAY = dt.date(2027, 1, 15)
STAMP = "2026-01-01 09:00:00.000000"  # created/updated stamps: not read by the report

FIRST_NAMES = ("Maya", "Łukasz", "Sofia", "Kenji", "Ελένη", "Priya", "Дмитрий", "Tom", "Ana",
               "Oliver", "Hana", "Amara", "Jonas", "Chloé", "Mateo", "Aisha", "Noah", "Yuki")
LAST_NAMES = ("Okafor", "Nowak", "Marchetti", "Watanabe", "Παπαδοπούλου", "Raman", "Иванов",
              "O'Brien", "Gómez", "Schmidt", "Sato", "Mensah", "Berg", "Lefèvre", "Silva")
TITLES = ("Spring catalogue", "Website rebuild", "Product photography", "Brand refresh",
          "Newsletter copy", "Support retainer", "Onboarding guide translation",
          "Bookkeeping clean-up", "Mobile app prototype", "Trade fair stand design")
CURRENCIES = ("USD",) * 5 + ("EUR",) * 3 + ("GBP", "JPY")
METHODS = ("bank transfer",) * 5 + ("card", "payment platform", "payment platform", "cheque",
                                    "cash", "")
TAGS = ("design", "development", "writing", "video", "translation", "marketing")


# --- seeding --------------------------------------------------------------------------------
def seed(path: Path, rows: int, rng_seed: int = 20260101) -> dict[str, int]:
    """Bulk-insert ``rows`` payments over 2025–2026 into the (already created) database."""
    rng = random.Random(rng_seed)
    contractors = max(10, rows // 200)
    engagements = max(20, rows // 20)
    days = (LAST - FIRST).days + 1
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("BEGIN")
    con.execute("INSERT INTO business_profile (id, name, country, locale, created_at, "
                "updated_at, version) VALUES (1, 'Harbour Lane Studio', 'US', 'en_US', ?, ?, 1)",
                (STAMP, STAMP))
    currency = {}
    contractor_rows = []
    for cid in range(1, contractors + 1):
        currency[cid] = rng.choice(CURRENCIES)
        contractor_rows.append((cid, f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                                currency[cid], STAMP, STAMP))
    con.executemany("INSERT INTO contractor (id, display_name, currency, created_at, updated_at,"
                    " version) VALUES (?,?,?,?,?,1)", contractor_rows)
    con.executemany("INSERT INTO tag (id, name) VALUES (?, ?)",
                    list(enumerate(TAGS, start=1)))
    con.executemany("INSERT INTO contractor_tag (contractor_id, tag_id) VALUES (?, ?)",
                    [(cid, t) for cid in range(1, contractors + 1)
                     for t in rng.sample(range(1, len(TAGS) + 1), rng.choice((1, 1, 2)))])
    owner = {eid: rng.randrange(1, contractors + 1) for eid in range(1, engagements + 1)}
    con.executemany("INSERT INTO engagement (id, contractor_id, title, currency, status,"
                    " created_at, updated_at, version) VALUES (?,?,?,?,'signed',?,?,1)",
                    [(eid, who, f"{rng.choice(TITLES)} {eid}", currency[who], STAMP, STAMP)
                     for eid, who in owner.items()])
    installments = []
    payments = []
    for pid in range(1, rows + 1):
        eid = rng.randrange(1, engagements + 1)
        who = owner[eid]
        code = currency[who]
        paid = FIRST + dt.timedelta(days=rng.randrange(days))
        minor = rng.randrange(5_000, 500_000)  # 50.00 to 5,000.00, or 5,000 to 500,000 yen
        iid = None
        if rng.random() < 0.85:  # most pay a scheduled installment; about a third late
            due = paid + dt.timedelta(days=rng.choice((-10, -3, 0, 0, 0, 2, 7, 30)))
            iid = len(installments) + 1
            installments.append((iid, eid, due.isoformat(), minor, code, minor, STAMP, STAMP))
        payments.append((pid, who, eid, iid, paid.isoformat(), minor, code, rng.choice(METHODS),
                         f"TRF-{rng.randrange(10**8):08d}", f"INV-{pid:06d}", STAMP, STAMP))
    con.executemany("INSERT INTO installment (id, engagement_id, due_on, amount_minor, currency,"
                    " status, paid_minor, created_at, updated_at, version)"
                    " VALUES (?,?,?,?,?,'paid',?,?,?,1)", installments)
    con.executemany("INSERT INTO payment (id, contractor_id, engagement_id, installment_id,"
                    " paid_on, amount_minor, currency, method, reference, invoice_number,"
                    " created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1)",
                    payments)
    con.execute("COMMIT")
    con.close()
    return {"contractors": contractors, "engagements": engagements,
            "installments": len(installments), "payments": rows}


# --- floors ---------------------------------------------------------------------------------
FLOOR_HEADER = ["Date", "Contractor", "Engagement", "Invoice", "Reference", "Method", "Amount",
                "Currency", "Due on"]


def floor_rows(path: Path, first: dt.date, last: dt.date) -> list[list[str]]:
    """The report's detail rows as plain strings, fetched with bare sqlite3."""
    con = sqlite3.connect(path)
    try:
        return [[str(v) for v in r] for r in con.execute(
            "SELECT p.paid_on, c.display_name, coalesce(e.title, ''), p.invoice_number,"
            " p.reference, p.method, p.amount_minor, p.currency, coalesce(i.due_on, '')"
            " FROM payment p JOIN contractor c ON c.id = p.contractor_id"
            " LEFT JOIN engagement e ON e.id = p.engagement_id"
            " LEFT JOIN installment i ON i.id = p.installment_id"
            " WHERE p.paid_on BETWEEN ? AND ? ORDER BY p.paid_on, p.id",
            (first.isoformat(), last.isoformat()))]
    finally:
        con.close()


def table_floor(rows: list[list[str]], out: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table

    SimpleDocTemplate(str(out), pagesize=landscape(A4)).build(
        [Table([FLOOR_HEADER, *rows], repeatRows=1)])


def page_floor(rows: list[list[str]], out: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table

    SimpleDocTemplate(str(out), pagesize=landscape(A4)).build(
        [Table([FLOOR_HEADER, *rows[i:i + 200]], repeatRows=1)
         for i in range(0, len(rows), 200)])


# --- children for memory --------------------------------------------------------------------
def child(kind: str, folder: Path, first: dt.date, last: dt.date, out: Path) -> None:
    """Write one report (or floor) and print its peak memory as JSON."""
    from desktop.store.session import open_store

    start = time.perf_counter()
    if kind == "report":
        from desktop.reports.payments_report import write_payments_report

        store = open_store(folder, check=False).store
        write_payments_report(store, out, first, last, today=TODAY)
        store.close()
    else:
        from desktop.store.paths import db_path

        page_floor(floor_rows(db_path(folder), first, last), out)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hwm_kb = next((int(line.split()[1]) for line in Path("/proc/self/status").read_text()
                   .splitlines() if line.startswith("VmHWM")), None) \
        if Path("/proc/self/status").exists() else None
    print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": rss_kb / 1024,
                      "hwm_mb": hwm_kb / 1024 if hwm_kb else None}))


def in_child(kind: str, folder: Path, first: dt.date, last: dt.date, out: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--folder", str(folder), "--first",
         first.isoformat(), "--last", last.isoformat(), "--out", str(out)],
        check=True, capture_output=True, text=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    # ru_maxrss starts at the parent's peak when it forks; VmHWM starts afresh at exec.
    found["peak_mb"] = found["hwm_mb"] or found["rss_mb"]
    return found


# --- timing ---------------------------------------------------------------------------------
def timed(fn: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="payments to seed")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of the report")
    parser.add_argument("--table-floor-runs", type=int, default=1,
                        help="runs of the one-table floor (quadratic: minutes at 100,000)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    parser.add_argument("--child", choices=("report", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--first", type=dt.date.fromisoformat, help=argparse.SUPPRESS)
    parser.add_argument("--last", type=dt.date.fromisoformat, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.folder, args.first, args.last, args.out)
        return 0

    from pypdf import PdfReader

    from desktop.reports.payments_report import write_payments_report
    from desktop.store.paths import db_path
    from desktop.store.session import open_store

    scratch = Path(tempfile.mkdtemp(prefix="crewbook-bench-"))
    folder = scratch / "data"
    folder.mkdir(mode=0o700)
    store = open_store(folder).store
    store.close()
    start = time.perf_counter()
    counts = seed(db_path(folder), args.rows)
    seeded = time.perf_counter() - start
    print(f"seeded {counts} in {seeded:.1f} s ({scratch})", flush=True)

    store = open_store(folder, check=False).store
    out, floor_out = scratch / "report.pdf", scratch / "floor.pdf"
    try:
        write_payments_report(store, scratch / "warm.pdf", FIRST, FIRST, today=TODAY)  # fonts
        report = timed(lambda: write_payments_report(store, out, FIRST, LAST, today=TODAY),
                       args.runs)
        print(f"report: {', '.join(f'{t:.1f}' for t in report)} s", flush=True)
        fetch_start = time.perf_counter()
        rows = floor_rows(db_path(folder), FIRST, LAST)
        fetch = time.perf_counter() - fetch_start
        pages_floor = timed(lambda: page_floor(rows, floor_out), args.runs)
        page_floor_pages = len(PdfReader(str(floor_out)).pages)
        print(f"page floor: {', '.join(f'{t:.1f}' for t in pages_floor)} s", flush=True)
        table = timed(lambda: table_floor(rows, floor_out), args.table_floor_runs)
        if table:
            print(f"table floor: {', '.join(f'{t:.1f}' for t in table)} s", flush=True)
        report_pages = len(PdfReader(str(out)).pages)
        size_mb = out.stat().st_size / 2**20
        rows = []  # the floors are done: let the parent shrink before the children run
    finally:
        store.close()

    # A tenth of the period for the small run: the same data, about a tenth of the rows.
    small_last = FIRST + dt.timedelta(days=(LAST - FIRST).days // 10)
    small_rows = sum(1 for _ in floor_rows(db_path(folder), FIRST, small_last))
    memory = {
        (kind, size): in_child(kind, folder, FIRST, last, scratch / f"{kind}-{size}.pdf")
        for size, last in (("small", small_last), ("all", LAST))
        for kind in ("report", "floor")}

    med = statistics.median
    rows_n = counts["payments"]
    floor_s = med(table) + fetch if table else None
    ratio = med(report) / floor_s if floor_s else None
    ok = ratio is not None and ratio <= TARGET_RATIO
    page_ratio = med(report) / (med(pages_floor) + fetch)
    growth = memory[("report", "all")]["peak_mb"] - memory[("report", "small")]["peak_mb"]
    floor_growth = memory[("floor", "all")]["peak_mb"] - memory[("floor", "small")]["peak_mb"]
    table_rows = [
        ("figure", "measured", "floor", "target", "result"),
        (f"write_payments_report, {rows_n:,} rows, median of {args.runs}",
         f"{med(report):.1f} s",
         f"{floor_s:.1f} s" if floor_s else "not run", f"<= {TARGET_RATIO}x floor",
         ("pass" if ok else "FAIL") if ratio is not None else "—"),
        ("ratio to the table floor (one Table, fetch included)",
         f"{ratio:.2f}x" if ratio is not None else "—", "1.00x", "", ""),
        ("ratio to the page floor (200-row Tables, info)", f"{page_ratio:.2f}x",
         f"{med(pages_floor) + fetch:.1f} s", "", "info"),
        ("  floor fetch with sqlite3 (in both floors)", "", f"{fetch:.2f} s", "", "info"),
        ("pages / file size", f"{report_pages:,} / {size_mb:.1f} MB",
         f"{page_floor_pages:,} pages", "", "info"),
        (f"peak memory, {small_rows:,} rows (child VmHWM)",
         f"{memory[('report', 'small')]['peak_mb']:.0f} MB",
         f"{memory[('floor', 'small')]['peak_mb']:.0f} MB", "", "info"),
        (f"peak memory, {rows_n:,} rows (child VmHWM)",
         f"{memory[('report', 'all')]['peak_mb']:.0f} MB",
         f"{memory[('floor', 'all')]['peak_mb']:.0f} MB", "", "info"),
        ("  growth for the extra rows", f"{growth:+.0f} MB", f"{floor_growth:+.0f} MB", "",
         "info"),
    ]
    widths = [max(len(r[c]) for r in table_rows) for c in range(5)]
    print()
    for i, row in enumerate(table_rows):
        print("  ".join(cell.ljust(w) if c == 0 else cell.rjust(w)
                        for c, (cell, w) in enumerate(zip(row, widths))).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print(f"\nseeding took {seeded:.1f} s (not measured); the floor's rows are the same "
          f"{rows_n:,} payments fetched once, as strings, before each floor is timed.")
    if not args.keep:
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)
    else:
        print(f"kept {scratch}")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
