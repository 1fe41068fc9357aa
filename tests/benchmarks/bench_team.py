"""Team database benchmark, on a real PostgreSQL server started for the run (tests/pg_server.py).

Not part of the test suite. Run it by hand:

    python tests/benchmarks/bench_team.py                       # all three parts, full size
    python tests/benchmarks/bench_team.py --seconds 20 --rows 20000 --installments 100000
    python tests/benchmarks/bench_team.py --strict              # exit 1 if a target is missed

1. **Load**: N clients (separate processes, each with its own connections and its own
   listener, as separate computers would be) make mixed reads and edits for S seconds, a
   third of the edits on the same 20 "hot" contractors. Afterwards every acknowledged write
   must be there: each contractor's version is 1 + the saves acknowledged for it (a lost
   update would leave it short), and every acknowledged new contractor exists. Printed:
   writes, conflicts refused, p95 write latency, and p95 time for a save to reach the other
   clients' listeners (target ≤ 2 s).
2. **Roster**: reading the roster of R contractors (what the window loads) from PostgreSQL
   against the same from SQLite, in the same run (target ≤ 2×).
3. **Push**: `copy_book` of a local book with R contractors and I installments into a new team
   database: time and rows/s; the floor is the same rows read from SQLite by `sqlite3` and
   written by psycopg's COPY into a table of the same shape.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

HOT = 20
TARGET_SEEN_S = 2.0
TARGET_ROSTER = 2.0


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values or [0])[0]


# --- 1. load ---------------------------------------------------------------------------------
def client(url: str, number: int, seconds: float, out: str) -> None:
    from desktop.core.validation import ConflictError
    from desktop.store import contractors
    from desktop.store.listen import Listener
    from desktop.store.server import open_server
    from tests.factories import make_contractor

    store = open_server(url)
    heard: list[tuple[float, dict[str, list[int] | None]]] = []
    listener = Listener(store, lambda h: heard.append(
        (time.time(), {k: sorted(v) if v else None for k, v in h.items()})))
    listener.start()
    time.sleep(0.5)
    rng = random.Random(number)
    saves: list[tuple[int, float, float]] = []  # (contractor id, committed at, took)
    created: list[tuple[int, str]] = []
    conflicts = reads = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        action = rng.random()
        if action < 0.4:
            contractors.list_rows(store, [rng.randint(1, 200) for _ in range(20)])
            reads += 1
            continue
        started = time.perf_counter()
        try:
            if action < 0.8:
                target = rng.randint(1, HOT) if rng.random() < 0.33 else rng.randint(HOT + 1, 200)
                record = contractors.get(store, target)
                time.sleep(rng.random() * 0.01)  # someone typing
                data = make_contractor(display_name=record.data.display_name,
                                       notes=f"client {number} at {time.time():.3f}")
                contractors.update(store, target, data, record.version)
                saves.append((target, time.time(), time.perf_counter() - started))
            else:
                name = f"New from {number} #{len(created)}"
                made = contractors.create(store, make_contractor(display_name=name))
                created.append((made.id, name))
                saves.append((made.id, time.time(), time.perf_counter() - started))
        except ConflictError:
            conflicts += 1
    time.sleep(2.5)  # the last saves reach everyone
    listener.stop()
    store.close()
    Path(out).write_text(json.dumps({"saves": saves, "created": created, "heard": heard,
                                     "conflicts": conflicts, "reads": reads}))


def load(server, clients: int, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    from desktop.store import contractors
    from desktop.store.server import open_server
    from tests.factories import make_contractor

    name = server.create_database("load", template="crewbook_template")
    url = server.url(name)
    store = open_server(url)
    for n in range(200):
        contractors.create(store, make_contractor(display_name=f"Person {n:03d}"))
    with tempfile.TemporaryDirectory() as tmp:
        outs = [str(Path(tmp) / f"client{n}.json") for n in range(clients)]
        procs = [multiprocessing.Process(target=client, args=(url, n, seconds, outs[n]))
                 for n in range(clients)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        results = [json.loads(Path(o).read_text()) for o in outs]
    acknowledged: dict[int, int] = {}
    latencies, seen = [], []
    for n, result in enumerate(results):
        for target, committed, took in result["saves"]:
            acknowledged[target] = acknowledged.get(target, 0) + 1
            latencies.append(took)
            for m, other in enumerate(results):
                if m == n:
                    continue
                arrival = next((t for t, h in other["heard"] if t >= committed - 0.001
                                and (h.get("contractors") is None
                                     or target in (h.get("contractors") or []))), None)
                if arrival is not None:
                    seen.append(max(0.0, arrival - committed))
    lost = 0
    for target, count in acknowledged.items():
        record = contractors.get(store, target)
        created_here = any(target == c[0] for r in results for c in r["created"])
        expected = count if created_here else count + 1
        lost += max(0, expected - record.version)
    names = {r.id: r.display_name for r in contractors.list_rows(store)}
    missing = sum(1 for r in results for cid, cname in r["created"] if names.get(cid) != cname)
    store.close()
    writes = len(latencies)
    conflicts = sum(r["conflicts"] for r in results)
    reads = sum(r["reads"] for r in results)
    print(f"load: {clients} clients × {seconds:.0f} s: {writes:,} writes acknowledged, "
          f"{reads:,} reads, {conflicts:,} refused as conflicts, {lost + missing} lost")
    print(f"      write p95 {p95(latencies) * 1000:.0f} ms; seen by the others p95 "
          f"{p95(seen) * 1000:.0f} ms over {len(seen):,} arrivals (target ≤ {TARGET_SEEN_S:.0f} s)")
    return lost + missing == 0 and p95(seen) <= TARGET_SEEN_S


# --- 2. roster --------------------------------------------------------------------------------
def fill_local(folder: Path, rows: int, installments: int) -> None:
    """A local book of ``rows`` contractors, one engagement each, and ``installments``
    installments spread over them, with bulk SQL (the benchmark is of reading and copying)."""
    import sqlite3

    from desktop.store.session import open_store

    open_store(folder).store.close()
    con = sqlite3.connect(folder / "crewbook.sqlite3")
    stamp = "2026-01-01 00:00:00.000000"
    with con:
        con.execute(
            "WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < ?) "
            "INSERT INTO contractor (display_name, email, notes, name_key, company_key, email_key,"
            " created_at, updated_at) SELECT 'Person ' || n, 'p' || n || '@example.com', "
            "'Photos and layout', CAST('person ' || n AS BLOB), X'', "
            "CAST('p' || n || '@example.com' AS BLOB), ?, ? FROM n",
            (rows, stamp, stamp))
        con.execute(
            "INSERT INTO engagement (contractor_id, title, amount_minor, currency, start_on, "
            "created_at, updated_at) SELECT id, 'Work ' || id, 120000, 'USD', '2026-01-01', ?, ? "
            "FROM contractor", (stamp, stamp))
        con.execute(
            "WITH RECURSIVE n(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM n WHERE n < ? - 1) "
            "INSERT INTO installment (engagement_id, position, label, due_on, amount_minor, "
            "currency, created_at, updated_at) SELECT (n % ?) + 1, n / ?, 'Month ' || (n / ?), "
            "date('2026-01-01', '+' || (n / ?) || ' days'), 10000, 'USD', ?, ? FROM n",
            (installments, rows, rows, rows, rows, stamp, stamp))
    con.close()


def roster(server, folder: Path, rows: int) -> bool:  # type: ignore[no-untyped-def]
    from desktop.store import contractors
    from desktop.store.book_copy import copy_book
    from desktop.store.server import open_server
    from desktop.store.session import open_store

    local = open_store(folder).store
    name = server.create_database("roster")
    team = open_server(server.url(name))
    copy_book(local, team)
    timings: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    for _ in range(5):
        for label, store in (("sqlite", local), ("postgresql", team)):
            started = time.perf_counter()
            assert len(contractors.list_rows(store)) == rows
            timings[label].append(time.perf_counter() - started)
    local.close()
    team.close()
    server.drop_database(name)
    a, b = statistics.median(timings["sqlite"]), statistics.median(timings["postgresql"])
    print(f"roster: {rows:,} contractors read from PostgreSQL {b:.2f} s, from SQLite {a:.2f} s "
          f"({b / a:.1f}×, target ≤ {TARGET_ROSTER:.0f}×)")
    return b / a <= TARGET_ROSTER


# --- 3. push ----------------------------------------------------------------------------------
def push(server, folder: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    import psycopg

    from desktop.store.book_copy import copy_book
    from desktop.store.server import open_server
    from desktop.store.session import open_store

    local = open_store(folder).store
    name = server.create_database("pushed")
    team = open_server(server.url(name))
    started = time.perf_counter()
    copied = copy_book(local, team)
    took = time.perf_counter() - started
    total = sum(copied.rows.values())
    local.close()
    team.close()
    # The floor: the two big tables' rows, read by sqlite3 and written with COPY.
    con = sqlite3.connect(folder / "crewbook.sqlite3")
    started = time.perf_counter()
    with psycopg.connect(host=str(server.socket_dir), dbname="postgres",
                         user="crewbook_admin") as pg:
        pg.execute("CREATE TEMP TABLE c (LIKE pg_catalog.pg_class)")  # warm the connection
        for table in ("contractor", "installment"):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            pg.execute(f"CREATE TEMP TABLE t_{table} ({', '.join(f'{c} text' for c in columns)})")
            with pg.cursor().copy(f"COPY t_{table} FROM STDIN") as copy:
                for row in con.execute(f"SELECT * FROM {table}"):
                    copy.write_row(row)
    floor = time.perf_counter() - started
    floor_rows = copied.rows["contractor"] + copied.rows["installment"]
    con.close()
    server.drop_database(name)
    print(f"push: {total:,} rows in {len(copied.rows)} tables in {took:.1f} s "
          f"({total / took:,.0f} rows/s); floor (sqlite3 read + COPY, the two big tables) "
          f"{floor:.1f} s for {floor_rows:,} rows ({floor_rows / floor:,.0f} rows/s)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--installments", type=int, default=1_000_000)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    from tests import pg_server

    server = pg_server.start()
    try:
        server.create_database("crewbook_template")
        from desktop.store.server import open_server

        open_server(server.url("crewbook_template")).close()
        ok = load(server, args.clients, args.seconds)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            fill_local(folder, args.rows, args.installments)
            ok = roster(server, folder, args.rows) and ok
            push(server, folder)
    finally:
        server.stop()
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    os.environ.setdefault("CREWBOOK_LOG_DIR", tempfile.mkdtemp())
    sys.exit(main())
