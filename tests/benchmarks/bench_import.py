"""Import benchmark: 50,000 clean contractor rows from CSV into a new roster.

Not part of the test suite. Run it by hand:

    python tests/benchmarks/bench_import.py              # 50,000 rows
    python tests/benchmarks/bench_import.py --rows 5000  # quick run
    python tests/benchmarks/bench_import.py --strict     # exit 1 if the target is missed

The figure is printed next to a floor measured in the same run: the import's whole job done by
the bare parts under it, in one transaction on a book the app has just created (every column,
index and setting it has, so the floor cannot drift from the schema). The csv module reads the
file, the phone-number library reads each row's number (every row has its own, as in a real
address book), and sqlite3 ``executemany`` writes the rows the import writes: the contractors
with their sort keys, their skills as tags and tag links, and each rate's first history entry.
Target: the whole import at most 3x that floor. Printed beside it, for comparison with older
figures: csv + sqlite3 into the contractor table alone (the floor this benchmark had until
2026-12), the first floor (a 28-column table with two indexes, as the table was when the
benchmark was written), and the phone-number library's own time.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

TARGET_RATIO = 3.0
_FIRST = ["Maya", "Kofi", "Lena", "Ana", "Ben", "Chen", "Jürgen", "Zoë", "Priya", "Tomás", "Idris"]
_LAST = ["Okafor", "Mensah", "Groß", "Ruiz", "Carter", "Wei", "Becker", "Nair", "Herrera", "Bello"]
_SKILLS = ["design", "print", "video", "copywriting", "seo", "bookkeeping", "web", "photography"]


def _ascii(name: str) -> str:
    return name.lower().translate(str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "ë": "e", "á": "a"}))


def write_file(path: Path, rows: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Name", "Company", "Email", "Phone", "Hourly rate", "Currency", "Skills",
                         "Country", "Notes"])
        for i in range(rows):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            writer.writerow([
                f"{first} {last}", f"{last} Studio {i % 997}", f"{_ascii(first)}.{i}@example.com",
                f"+1 212-{555 + i // 10000:03d}-{i % 10000:04d}",
                f"{rng.randint(30, 250)}.{rng.choice(['00', '50'])}",
                rng.choice(["USD", "EUR", "GBP"]), ", ".join(rng.sample(_SKILLS, 2)),
                rng.choice(["US", "DE", "GB", "FR"]), "Imported from the old sheet" if i % 3 else ""])


def floor(path: Path, folder: Path) -> float:
    """The first floor: csv + sqlite3 executemany into the contractor table as it was when this
    benchmark was written (no sort keys, two indexes)."""
    db = folder / "floor.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        "CREATE TABLE contractor (id INTEGER PRIMARY KEY, display_name VARCHAR(120) NOT NULL, "
        "legal_name VARCHAR(200), kind VARCHAR(16), company VARCHAR(200), email VARCHAR(254), "
        "phone VARCHAR(40), website VARCHAR(300), address VARCHAR(500), country VARCHAR(2), "
        "timezone VARCHAR(64), tax_id VARCHAR(40), tax_form VARCHAR(16), tax_form_on DATE, "
        "rate_minor INTEGER, rate_unit VARCHAR(16), currency VARCHAR(3), "
        "preferred_channel VARCHAR(16), status VARCHAR(16), source VARCHAR(16), "
        "identity_verified_on DATE, notes TEXT, is_demo BOOLEAN, archived_at DATETIME, "
        "archive_reason VARCHAR(500), created_at DATETIME, updated_at DATETIME, version INTEGER)")
    conn.execute("CREATE INDEX ix_contractor_email ON contractor (email)")
    conn.execute("CREATE INDEX ix_contractor_status ON contractor (status)")
    conn.commit()
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        params = [(r[0], r[1], r[2], r[3], r[8], r[7], r[5]) for r in reader]
    with conn:
        conn.executemany(
            "INSERT INTO contractor (display_name, company, email, phone, notes, country, "
            "currency, legal_name, kind, website, address, timezone, tax_id, tax_form, rate_unit, "
            "preferred_channel, status, source, is_demo, archive_reason, version) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, '', 'individual', '', '', '', '', 'none', 'hour', 'email', "
            "'prospect', 'import', 0, '', 1)", params)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


_STAMP = "2026-01-01 12:00:00.000000"
_CONTRACTORS = (
    "INSERT INTO contractor (display_name, company, email, phone, notes, country, currency, "
    "rate_minor, name_key, company_key, email_key, source, created_at, updated_at, changed_by) "
    f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', '{_STAMP}', '{_STAMP}', 'owner')")


def _new_book(template: Path, db: Path) -> sqlite3.Connection:
    """A copy of ``template`` opened with the store's own connection settings."""
    for extra in ("", "-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    shutil.copyfile(template, db)
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _records(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        return list(reader)


def _contractor_params(records: list[list[str]]) -> list[tuple[object, ...]]:
    """The values of ``_CONTRACTORS`` for each record, sort keys casefolded."""
    return [(r[0], r[1], r[2], r[3], r[8], r[7], r[5], int(r[4].replace(".", "")),
             r[0].casefold().encode(), r[1].casefold().encode(), r[2].casefold().encode())
            for r in records]


def book_floor(path: Path, template: Path, folder: Path) -> float:
    """csv + sqlite3 executemany into the contractor table of a new book (a copy of
    ``template``), with the store's own connection settings."""
    conn = _new_book(template, folder / "floor-book.sqlite3")
    start = time.perf_counter()
    params = _contractor_params(_records(path))
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(_CONTRACTORS, params)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def same_job_floor(path: Path, template: Path, folder: Path) -> float:
    """The import's whole job done by the bare parts under it, in one transaction on a new
    book: the csv module reads the file, the phone-number library reads each row's number as
    a row's check does, and sqlite3 ``executemany`` writes the rows the import writes (each
    contractor, its skills as tags and tag links, the first entry of its rate history)."""
    import phonenumbers as pn

    conn = _new_book(template, folder / "floor-job.sqlite3")
    start = time.perf_counter()
    records = _records(path)
    for r in records:
        pn.is_possible_number_with_reason(pn.parse(r[3], None))
    params = _contractor_params(records)
    skills = [[s.strip() for s in r[6].split(",")] for r in records]
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO tag (name) VALUES (?)",
                     [(name,) for name in sorted({s for row in skills for s in row})])
    tag_ids = dict(conn.execute("SELECT name, id FROM tag"))
    first = (conn.execute("SELECT max(id) FROM contractor").fetchone()[0] or 0) + 1
    conn.executemany(_CONTRACTORS, params)
    conn.executemany("INSERT INTO contractor_tag (contractor_id, tag_id) VALUES (?, ?)",
                     [(first + n, tag_ids[s]) for n, row in enumerate(skills) for s in row])
    conn.execute(
        "INSERT INTO rate_change (contractor_id, changed_on, rate_minor, rate_unit, currency, "
        f"recorded_at) SELECT id, '2026-01-01', rate_minor, rate_unit, currency, '{_STAMP}' "
        "FROM contractor WHERE id >= ? AND rate_minor IS NOT NULL", (first,))
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _counts(db: Path) -> tuple[int, ...]:
    """Rows in the tables an import writes."""
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("contractor", "tag", "contractor_tag", "rate_change"))
    finally:
        conn.close()


def phone_library(path: Path) -> float:
    """The phone-number library alone reading the file's numbers, each once, as a row's check
    does: the part of the import no faster code of ours can take away."""
    import phonenumbers as pn

    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        numbers = [r[3] for r in reader]
    start = time.perf_counter()
    for number in numbers:
        pn.is_possible_number_with_reason(pn.parse(number, None))
    return time.perf_counter() - start


def new_book(folder: Path) -> Path:
    """An empty book as the app creates it: the real floor's table."""
    from desktop.store.session import open_store

    folder.mkdir(mode=0o700)
    store = open_store(folder).store
    path = Path(store.path)
    store.close()
    return path


def crewbook(path: Path, folder: Path) -> tuple[float, int, tuple[float, float, float]]:
    from desktop.io import contractor_import as plan_import
    from desktop.io.import_table import read_file
    from desktop.store import importing
    from desktop.store.session import open_store

    folder.mkdir(mode=0o700)
    store = open_store(folder).store
    try:
        start = time.perf_counter()
        table = read_file(path)
        read = time.perf_counter()
        choices = plan_import.default_choices(table)
        plan = plan_import.analyse(table, choices, importing.emails(store))
        new = [importing.NewContractor(r.data) for r in plan.rows if r.data is not None]
        planned = time.perf_counter()
        importing.import_contractors(store, new)
        end = time.perf_counter()
        return end - start, len(new), (read - start, planned - read, end - planned)
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "contractors.csv"
        write_file(path, args.rows)
        # Warm both paths once (imports, pycountry, email-validator), then alternate.
        crewbook(path, folder / "warm")
        floor(path, folder)
        template = new_book(folder / "template")
        book_floor(path, template, folder)
        same_job_floor(path, template, folder)
        written = {name: _counts(folder / name) for name in ("warm/crewbook.sqlite3",
                                                               "floor-job.sqlite3")}
        if len(set(written.values())) != 1:
            print(f"the floor wrote other rows than the import: {written}", file=sys.stderr)
            return 1
        ours, base, jobs, phases, first, phones = [], [], [], [], [], []
        for run in range(args.runs):
            (folder / "floor.sqlite").unlink()
            for extra in ("-wal", "-shm"):
                (folder / f"floor.sqlite{extra}").unlink(missing_ok=True)
            first.append(floor(path, folder))
            base.append(book_floor(path, template, folder))
            jobs.append(same_job_floor(path, template, folder))
            phones.append(phone_library(path))
            seconds, imported, phase = crewbook(path, folder / f"run{run}")
            phases.append(phase)
            if imported != args.rows:
                print(f"imported {imported} of {args.rows} rows", file=sys.stderr)
                return 1
            ours.append(seconds)
    mine, bare, job = statistics.median(ours), statistics.median(base), statistics.median(jobs)
    ratio = mine / job
    print(f"rows:   {args.rows:,}")
    print(f"import: {mine:.3f} s  ({args.rows / mine:,.0f} rows/s)  median of {args.runs}")
    read, plan, write = (statistics.median(p[i] for p in phases) for i in range(3))
    print(f"        read {read:.3f} s, check rows {plan:.3f} s, write {write:.3f} s "
          "(contractors, tag links and rate history)")
    print(f"floor:  {job:.3f} s  ({args.rows / job:,.0f} rows/s)  the same job by the bare parts: "
          "csv, the phone library")
    print("        on each number, sqlite3 executemany of the same rows (contractors, tags and tag "
          "links, rate history)")
    print(f"        {bare:.3f} s  ({mine / bare:.1f}x) csv + sqlite3 executemany into a new book's "
          "contractor table alone")
    old = statistics.median(first)
    print(f"        {old:.3f} s  ({mine / old:.1f}x) the first floor: a 28-column table with "
          "two indexes")
    library = statistics.median(phones)
    print(f"        {library:.3f} s  ({library / job:.1f}x the floor) the phone-number library "
          "alone reading each row's number")
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(f"ratio:  {ratio:.1f}x the floor (target <= {TARGET_RATIO:.0f}x): {verdict}")
    return 1 if args.strict and ratio > TARGET_RATIO else 0


if __name__ == "__main__":
    sys.exit(main())
