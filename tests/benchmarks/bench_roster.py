"""Roster benchmarks: start-up time, filter latency per keystroke and peak memory at N rows.

Not part of the test suite (pytest only collects test_*.py). Run it by hand:

    python tests/benchmarks/bench_roster.py              # 100,000 contractors
    python tests/benchmarks/bench_roster.py --rows 10000 # quick run
    python tests/benchmarks/bench_roster.py --strict     # exit 1 if a target is missed

Every figure is printed next to a floor: what bare PySide6 / bare Python needs for the same
job on the same machine in the same run, so the numbers mean something on any computer.

The script is also its own child process: ``--child app DATA_DIR`` starts Crewbook's window
the way desktop.ui.app.run does, ``--child floor`` a bare QMainWindow with a QTableView, and
``--child floor-stack BOOK`` the same showing the book's first rows read through a bare
SQLAlchemy engine. Each prints ``ready <ru_maxrss KiB>``
once its window is shown (the app also marks its first painted screen, then loads the rest).
"""

from __future__ import annotations

# Keep the top of this file to the cheapest stdlib modules: the children import it too, and the
# start-up floor must not pay for anything but Python and PySide6.
import os
import sys
import time

_T_START = time.perf_counter()  # CLOCK_MONOTONIC on Linux: comparable across processes

TARGET_STARTUP_RATIO = 2.0  # window shown <= 2x a bare Qt window; first screen <= 2x the stack floor
FIRST_SCREEN = 120  # rows in the first screen: desktop.ui.roster_view.FIRST_SCREEN
TARGET_FILTER_P95_MS = 50.0  # per keystroke
TARGET_APP_RSS_MB = 400.0
TARGET_CLOSING_S = 0.3  # the window closed until the process has ended
WINDOW_SIZE = (1320, 780)  # MainWindow's default size


# ------------------------------------------------------------------------------------------
# child processes
# ------------------------------------------------------------------------------------------
def _mark(name: str, at: float | None = None) -> None:
    """Tell the parent when a start-up phase ended (perf_counter is system-wide monotonic)."""
    print(f"mark {name} {time.perf_counter() if at is None else at:.6f}", flush=True)


def _maxrss_kib() -> int:
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss  # macOS reports bytes, Linux KiB


def _hwm_kib() -> int | None:
    """Linux's VmHWM: the peak of this process image alone, to cross-check ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _ready(rows: int) -> None:
    print(f"ready {_maxrss_kib()} {rows} {_hwm_kib() or 0}", flush=True)


def _child_floor(book: str | None = None) -> int:
    """A bare window. With ``book`` (the stack floor), the same window does the first screen's
    job with the bare parts Crewbook is built on: SQLAlchemy (ORM and SQLite dialect)
    imported, the book opened with a bare engine, its first rows read by name in one SQL
    statement and shown in a QStandardItemModel."""
    _mark("python", _T_START)
    rows: list = []
    if book is not None:
        import sqlalchemy
        import sqlalchemy.orm  # noqa: F401

        engine = sqlalchemy.create_engine(f"sqlite:///{book}")
        with engine.connect() as connection:
            rows = list(connection.exec_driver_sql(
                "SELECT display_name, company, email, status FROM contractor "
                f"WHERE archived_at IS NULL ORDER BY name_key LIMIT {FIRST_SCREEN}"))
        engine.dispose()
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    _mark("imports")
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView()
    if rows:
        model = QStandardItemModel(0, 4, table)
        for row in rows:
            model.appendRow([QStandardItem(value or "") for value in row])
        table.setModel(model)
    window.setCentralWidget(table)
    window.resize(*WINDOW_SIZE)
    window.show()
    app.processEvents()
    _mark("shown")
    _ready(len(rows))
    return 0


def _child_app(folder_arg: str, ini_arg: str) -> int:
    """What desktop.ui.app.run does, with a throw-away QSettings and a 'ready' line: the
    window shows saying the book is opening, then the store opens and the window fills in."""
    _mark("python", _T_START)
    import gc
    from pathlib import Path

    gc.disable()  # as desktop.launch and desktop.ui.app.run do, until the window is built
    import desktop.ui  # noqa: F401  # Qt first, as the app loads it (desktop.ui.qt_start)

    _mark("qt-imports")
    from PySide6.QtCore import QSettings, QTimer

    from desktop.store.lock import FolderLock
    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow

    _mark("app-imports")
    folder = Path(folder_arg)
    app = make_application(sys.argv[:1])
    _mark("qapplication")
    lock = FolderLock(folder)
    lock.acquire()
    window = MainWindow(None, folder, QSettings(ini_arg, QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    _mark("shown")
    from desktop.store.session import open_store

    opened = open_store(folder, lock, check=False)  # as run does: the scan follows the rows
    _mark("store-open")
    window.attach(opened.store)
    _mark("window-built")

    def first_screen(_count: int) -> None:
        app.processEvents()  # painted, as the floor's window is
        _mark("first-screen")

    window.first_rows_shown.connect(first_screen)

    def loaded(count: int) -> None:
        _mark("roster-loaded")
        app.processEvents()  # let the populated table lay out and paint, like the floor does
        _mark("painted")
        _ready(count)
        QTimer.singleShot(0, app.quit)

    window.roster_loaded.connect(loaded)
    gc.freeze()
    gc.enable()
    window.load()
    try:
        return app.exec()
    finally:
        opened.store.close()
        lock.release()


def _child_real(folder_arg: str) -> None:
    """The app as a user starts it (`crewbook`: log, lock, single-instance channel, integrity
    scan, daily backups, the quick end of the process), closed by its window 50 ms after every
    row is in, while the integrity scan of the whole file runs: the time from then to the
    process's end is what closing costs."""
    _mark("python", _T_START)
    from PySide6.QtCore import QTimer

    from desktop.launch import entry
    from desktop.ui import app as app_module

    class Window(app_module.MainWindow):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            self.first_rows_shown.connect(lambda _n: _mark("first-screen"))
            self.roster_loaded.connect(self._loaded)

        def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
            super().showEvent(event)
            _mark("shown")

        def _loaded(self, count: int) -> None:
            _mark("roster-loaded")
            _ready(count)
            QTimer.singleShot(50, self._close)

        def _close(self) -> None:
            _mark("close")
            self.close()

    app_module.MainWindow = Window
    sys.argv = ["crewbook", "--data-dir", folder_arg]
    entry()


# ------------------------------------------------------------------------------------------
# seeding
# ------------------------------------------------------------------------------------------
FIRST = ("Maya", "Liam", "Noah", "Emma", "Olivia", "Ava", "Lucas", "Mia", "Sofia", "Mateo",
         "Aisha", "Omar", "Yuki", "Hana", "Chen", "Wei", "Priya", "Arjun", "Lena", "Jonas",
         "Elif", "Mehmet", "Zofia", "Jan", "Ines", "Pedro", "Chloé", "Théo", "Ngozi", "Kwame",
         "Sven", "Freya", "Dmitri", "Olena", "Rafael", "Camila", "Tariq", "Leila", "Ethan",
         "Grace", "Mayank", "Amaya", "Søren", "Björn", "Ana", "Luca", "Giulia", "Hiro")
LAST = ("Okafor", "Müller", "Schmidt", "Nguyen", "Garcia", "Rossi", "Kowalski", "Tanaka",
        "Sato", "Patel", "Sharma", "Kim", "Park", "Jensen", "Larsen", "Novak", "Horvath",
        "Silva", "Santos", "Dubois", "Martin", "Bernard", "Yilmaz", "Demir", "Ivanova",
        "Kovalenko", "Haddad", "Mensah", "Adeyemi", "O'Brien", "Murphy", "Fischer", "Weber",
        "Becker", "Hoffmann", "Costa", "Lopez", "Fernández", "Andersson", "Nakamura")
COMPANY_WORDS = ("Nordlicht", "Blue Harbor", "Pixelhaus", "Quartz", "Redwood", "Kite", "Atlas",
                 "Morrow", "Lumen", "Juniper", "Copperleaf", "Fjord", "Saffron", "Granite",
                 "Orbit", "Tidewater", "Brightline", "Vela", "Oakmont", "Nimbus")
COMPANY_KINDS = ("Design", "Studio", "Labs", "Digital", "Consulting", "Media", "Software",
                 "Translations", "Analytics", "Works")
COMPANY_FORMS = ("GmbH", "Ltd", "LLC", "Inc.", "B.V.", "S.L.", "Sp. z o.o.", "AB", "", "")
DOMAINS = ("example.org", "example.com", "example.net", "mail.example.org", "studio.example.com")
TAGS = ("python", "django", "react", "typescript", "design", "ux-design", "branding",
        "copywriting", "translation-de", "translation-fr", "seo", "devops", "aws", "accounting",
        "bookkeeping", "video", "photography", "illustration", "marketing", "data", "qa",
        "ios", "android", "rust", "legal", "recruiting", "support", "3d", "animation", "sql")
NOTE_BITS = ("Great on short deadlines.", "Prefers async communication.",
             "Worked on the spring campaign.", "Invoices monthly, net 30.",
             "Available from next quarter.", "Strong design sense; slow on revisions.",
             "Referred by a former client.", "Needs a signed NDA before starting.",
             "Timezone overlap only in the morning.", "Rate negotiable for long engagements.",
             "Did the website relaunch.", "Speaks German, French and English.", "", "", "")
STATUSES = ("active",) * 5 + ("prospect",) * 3 + ("paused", "former", "blocked")
COUNTRIES = ("US", "DE", "GB", "FR", "NL", "PL", "IN", "BR", "CA", "ES", "PT", "UA", "JP", "NG")
CURRENCIES = ("USD", "EUR", "GBP")


def seed(folder, rows: int, rng_seed: int = 20240601) -> float:  # type: ignore[no-untyped-def]
    """Create the schema in ``folder`` the product's way, then bulk-insert ``rows`` contractors.

    Returns the seconds taken. A sample name is written to ``folder/bench_name.txt``.
    """
    import datetime as dt
    import random

    from sqlalchemy import insert

    from desktop.store.models import Contractor, ContractorTag, Tag
    from desktop.store.session import open_store

    started = time.perf_counter()
    rng = random.Random(rng_seed)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    tag_rows = [{"id": i, "name": name} for i, name in enumerate(TAGS, 1)]
    people, links = [], []
    for cid in range(1, rows + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        is_company = rng.random() < 0.15
        company = ""
        if is_company or rng.random() < 0.45:
            company = " ".join(w for w in (rng.choice(COMPANY_WORDS), rng.choice(COMPANY_KINDS),
                                           rng.choice(COMPANY_FORMS)) if w)
        display = company if is_company else f"{first} {last}"
        local = (company.split()[0] if is_company else f"{first}.{last}").lower()
        local = "".join(c for c in local if c.isascii() and (c.isalnum() or c == "."))
        email = f"{local}{cid}@{rng.choice(DOMAINS)}" if rng.random() < 0.9 else ""
        updated = now - dt.timedelta(seconds=rng.randrange(2 * 365 * 86400))
        rate = rng.randrange(25, 250) * 100 if rng.random() < 0.8 else None
        people.append({
            "id": cid, "display_name": display, "legal_name": "" if is_company else display,
            "kind": "company" if is_company else "individual", "company": company,
            "email": email,
            "phone": f"+{rng.randrange(1, 99)} {rng.randrange(100, 999)} {rng.randrange(1000000, 9999999)}",
            "website": f"https://{local or 'x'}.example.com" if rng.random() < 0.3 else "",
            "address": "", "country": rng.choice(COUNTRIES), "timezone": "", "tax_id": "",
            "tax_form": rng.choice(("none", "none", "w9", "w8ben", "other")), "tax_form_on": None,
            "rate_minor": rate, "rate_unit": rng.choice(("hour", "hour", "day", "month", "fixed")),
            "currency": rng.choice(CURRENCIES), "preferred_channel": "email",
            "status": rng.choice(STATUSES), "source": "other", "identity_verified_on": None,
            "notes": " ".join(rng.sample(NOTE_BITS, rng.randrange(0, 3))).strip(),
            "is_demo": False,
            "archived_at": updated if rng.random() < 0.05 else None,
            "created_at": updated - dt.timedelta(days=rng.randrange(400)),
            "updated_at": updated, "version": 1,
        })
        for tag_id in rng.sample(range(1, len(TAGS) + 1), rng.randrange(0, 5)):
            links.append({"contractor_id": cid, "tag_id": tag_id})

    opened = open_store(folder)  # creates and migrates the schema exactly as the app does
    try:
        with opened.store.engine.begin() as conn:  # one transaction, one executemany per table
            conn.execute(insert(Tag.__table__), tag_rows)
            conn.execute(insert(Contractor.__table__), people)
            conn.execute(insert(ContractorTag.__table__), links)
        with opened.store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        opened.store.close()
    named = [p["display_name"] for p in people if p["kind"] == "individual"]
    (folder / "bench_name.txt").write_text(named[len(named) // 2] if named else "maya okafor",
                                           encoding="utf-8")
    return time.perf_counter() - started


def seed_in_child(folder, rows: int) -> float:  # type: ignore[no-untyped-def]
    """Seed in a child process. On Linux a child's ru_maxrss starts at its parent's RSS at
    fork time (it survives exec), so this process must stay small until the start-up runs."""
    import subprocess

    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", "seed",
                          str(folder), str(rows)], check=True, capture_output=True, text=True)
    return float(out.stdout.split()[-1])


# ------------------------------------------------------------------------------------------
# start-up and memory (child processes)
# ------------------------------------------------------------------------------------------
def launch(kind: str, folder, scratch, timeout: float = 300.0) -> dict:  # type: ignore[no-untyped-def]
    """Start a child, return seconds until its 'ready' line, its marks and its max RSS."""
    import subprocess
    import threading
    import uuid

    # Bytecode is cached in the scratch folder (the warm-up run fills it), as it is for an
    # installed app: PYTHONDONTWRITEBYTECODE in a developer's or CI environment would otherwise
    # make every start recompile Crewbook's own modules. Nothing is written into the tree.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPYCACHEPREFIX=str(scratch / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("CREWBOOK_DATA_DIR", None)
    cmd = [sys.executable, os.path.abspath(__file__), "--child", kind]
    if kind == "app":
        cmd += [str(folder), str(scratch / f"settings-{uuid.uuid4().hex}.ini")]
    if kind == "real":
        cmd.append(str(folder))
    if kind == "floor-stack":
        cmd.append(str(folder / "crewbook.sqlite3"))
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[name] = str(scratch / "home" / name.lower())  # the log and settings stay in here
    err_path = scratch / f"{kind}-{uuid.uuid4().hex}.stderr"
    with open(err_path, "w", encoding="utf-8") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, bufsize=1,
                                env=env)
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.start()
        marks: dict[str, float] = {}
        ready = None
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                now = time.perf_counter()
                parts = line.split()
                if parts[:1] == ["mark"] and len(parts) == 3:
                    marks[parts[1]] = float(parts[2]) - t0
                elif parts[:1] == ["ready"]:
                    ready = (now - t0, int(parts[1]), int(parts[2]), int(parts[3]))
                    break
            for line in proc.stdout:  # drain (a closing mark may follow), let it exit
                parts = line.split()
                if parts[:1] == ["mark"] and len(parts) == 3:
                    marks[parts[1]] = float(parts[2]) - t0
            proc.wait(timeout=60)
            ended = time.perf_counter() - t0
        finally:
            watchdog.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    if ready is None:
        raise RuntimeError(f"{kind} child never printed 'ready' (exit {proc.returncode}):\n"
                           + err_path.read_text(encoding="utf-8")[-3000:])
    return {"seconds": ready[0], "rss_kib": ready[1], "rows": ready[2], "hwm_kib": ready[3],
            "marks": marks, "ended": ended,
            "exit": proc.returncode}


def measure_startup(folder, scratch, runs: int) -> dict:  # type: ignore[no-untyped-def]
    launch("floor", folder, scratch)  # warm-up (disk cache, font cache); not counted
    launch("app", folder, scratch)
    app, floor, stack, real = [], [], [], []
    for i in range(runs):  # alternate so drift hits all alike
        floor.append(launch("floor", folder, scratch))
        stack.append(launch("floor-stack", folder, scratch))
        app.append(launch("app", folder, scratch))
        real.append(launch("real", folder, scratch))
        print(f"  run {i + 1}/{runs}: app {app[-1]['seconds']:.3f} s, "
              f"floor {floor[-1]['seconds']:.3f} s, stack floor {stack[-1]['seconds']:.3f} s, "
              f"closing {_closing(real[-1]):.3f} s", flush=True)
    return {"app": app, "floor": floor, "floor_stack": stack, "real": real}


def _closing(run: dict) -> float:  # type: ignore[type-arg]
    return float(run["ended"] - run["marks"]["close"])


# ------------------------------------------------------------------------------------------
# filter latency (in this process)
# ------------------------------------------------------------------------------------------
def keystrokes(name: str) -> list[tuple[str, str]]:
    """(text in the filter box, kind) for each keystroke of a realistic session."""
    steps: list[tuple[str, str]] = []
    text = ""

    def type_(word: str) -> None:
        nonlocal text
        for ch in word:
            text += ch
            steps.append((text, "type"))

    def backspace(times: int) -> None:
        nonlocal text
        for _ in range(times):
            text = text[:-1]
            steps.append((text, "backspace"))

    def clear() -> None:
        nonlocal text
        text = ""
        steps.append((text, "clear"))

    type_("maya")
    backspace(4)  # back to empty, one character at a time
    type_("design")
    clear()
    type_("gmbh")
    clear()
    type_("example.org")
    backspace(8)  # "exa"
    type_("mple.com")
    clear()
    type_(name.lower())
    backspace(len(name) // 2)
    clear()
    type_("maya design")  # two tokens
    clear()
    return steps


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def measure_filter(folder, scratch) -> dict:  # type: ignore[no-untyped-def]
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QSettings, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QTableView

    from desktop.core.contractor import search_text
    from desktop.store.contractors import list_rows
    from desktop.store.session import open_store
    from desktop.ui.main_window import MainWindow
    from desktop.ui.roster_model import RosterFilter, RosterModel

    def quiet(_mode, _context, message: str) -> None:  # the offscreen plugin's chatter
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    opened = open_store(folder)
    try:
        t = time.perf_counter()
        rows = list_rows(opened.store)
        list_s = time.perf_counter() - t
        model = RosterModel()
        t = time.perf_counter()
        model.set_rows(rows)
        set_rows_s = time.perf_counter() - t
        view = QTableView()
        view.setModel(model)
        view.resize(*WINDOW_SIZE)
        view.show()
        app.processEvents()

        name = (folder / "bench_name.txt").read_text(encoding="utf-8")
        steps = keystrokes(name)
        per_key, kinds, matches = [], [], []
        for text, kind in steps:
            t = time.perf_counter()
            model.set_filter(RosterFilter(text=text))
            app.processEvents()
            per_key.append((time.perf_counter() - t) * 1000)
            kinds.append(kind)
            matches.append(model.rowCount())

        # Floor: one bare list comprehension over the same haystack strings per keystroke.
        hay = getattr(model, "_hay", None) or [
            search_text(r.display_name, r.company, r.email, r.tags, r.notes) for r in rows]
        n = len(hay)
        floor = []
        for text, _kind in steps:
            needle = text.casefold()
            t = time.perf_counter()
            [i for i in range(n) if needle in hay[i]]
            floor.append((time.perf_counter() - t) * 1000)

        # The same keystrokes typed into the real window's filter box (informational): this adds
        # what MainWindow does around set_filter on each keystroke (selection, counts, chrome).
        window = MainWindow(opened.store, folder,
                            QSettings(str(scratch / "filter.ini"), QSettings.Format.IniFormat))
        loop = QEventLoop()
        window.roster_loaded.connect(lambda _n: loop.quit())
        QTimer.singleShot(600_000, loop.quit)
        window.show()
        window.load()
        loop.exec()
        app.processEvents()
        window_key = []
        for text, _kind in steps:
            t = time.perf_counter()
            window.roster.search.setText(text)
            app.processEvents()
            window_key.append((time.perf_counter() - t) * 1000)
        window.runner.wait(10_000)
        window.hide()
        window.deleteLater()
        view.hide()
        app.processEvents()
    finally:
        opened.store.close()

    by_kind: dict[str, list[float]] = {}
    for ms, kind in zip(per_key, kinds):
        by_kind.setdefault(kind, []).append(ms)
    return {"rows": len(rows), "list_rows_s": list_s, "set_rows_s": set_rows_s,
            "keys": per_key, "floor": floor, "window_keys": window_key, "by_kind": by_kind,
            "steps": steps, "matches": matches}


# ------------------------------------------------------------------------------------------
# report
# ------------------------------------------------------------------------------------------
def report(rows: int, seed_s: float, startup: dict, filt: dict, strict: bool) -> int:
    import statistics

    med = statistics.median
    app_s = [r["seconds"] for r in startup["app"]]
    floor_s = [r["seconds"] for r in startup["floor"]]
    first_s = [r["marks"]["first-screen"] for r in startup["app"]]
    stack_s = [r["seconds"] for r in startup["floor_stack"]]
    ratio = med(first_s) / med(stack_s)
    bare_ratio = med(first_s) / med(floor_s)
    full_ratio = med(app_s) / med(floor_s)
    app_mb = max(r["rss_kib"] for r in startup["app"]) / 1024
    floor_mb = max(r["rss_kib"] for r in startup["floor"]) / 1024
    keys, fl, wk = filt["keys"], filt["floor"], filt["window_keys"]
    p95 = _pct(keys, 0.95)

    print()
    print(f"Start-up phases (median seconds since Popen, app child, {rows:,} rows):")
    names = list(startup["app"][0]["marks"])
    for name in names:
        values = [r["marks"][name] for r in startup["app"] if name in r["marks"]]
        print(f"  {name:<15} {med(values):7.3f}")
    print(f"  {'ready':<15} {med(app_s):7.3f}")
    print("Start-up phases (floor child):")
    for name in startup["floor"][0]["marks"]:
        values = [r["marks"][name] for r in startup["floor"] if name in r["marks"]]
        print(f"  {name:<15} {med(values):7.3f}")
    print(f"  {'ready':<15} {med(floor_s):7.3f}")
    print()
    print(f"Filter: {len(keys)} keystrokes over {filt['rows']:,} rows; "
          f"list_rows {filt['list_rows_s']:.2f} s, set_rows {filt['set_rows_s']:.2f} s")
    for kind, values in filt["by_kind"].items():
        print(f"  {kind:<10} n={len(values):<3} p50 {_pct(values, .5):6.1f} ms  "
              f"max {max(values):6.1f} ms")
    worst = sorted(range(len(keys)), key=keys.__getitem__, reverse=True)[:3]
    print("  slowest: " + ", ".join(f"{filt['steps'][i][1]} {filt['steps'][i][0]!r} "
                                    f"{keys[i]:.1f} ms ({filt['matches'][i]:,} rows)"
                                    for i in worst))

    shown_s = [r["marks"]["shown"] for r in startup["app"]]
    floor_shown = [r["marks"]["shown"] for r in startup["floor"]]
    shown_ratio = med(shown_s) / med(floor_shown)
    real = startup["real"]
    closing = med([_closing(r) for r in real])
    ok_startup = ratio <= TARGET_STARTUP_RATIO
    ok_shown = shown_ratio <= TARGET_STARTUP_RATIO
    ok_closing = closing <= TARGET_CLOSING_S
    ok_filter = p95 <= TARGET_FILTER_P95_MS
    ok_rss = app_mb <= TARGET_APP_RSS_MB
    verdict = {True: "pass", False: "FAIL"}
    table = [
        ("figure", "measured", "floor", "target", "result"),
        (f"rows seeded (seed {seed_s:.1f} s)", f"{rows:,}", "", "", ""),
        ("first screen shown, median", f"{med(first_s):.3f} s", f"{med(stack_s):.3f} s", "",
         ""),
        ("first screen shown, min", f"{min(first_s):.3f} s", f"{min(stack_s):.3f} s", "", ""),
        ("first screen ratio app/stack floor", f"{ratio:.2f}x", "1.00x",
         f"<= {TARGET_STARTUP_RATIO:.0f}x", verdict[ok_startup]),
        ("first screen ratio app/bare window", f"{bare_ratio:.2f}x", "1.00x", "", "info"),
        ("window shown, median", f"{med(shown_s):.3f} s", f"{med(floor_shown):.3f} s", "", ""),
        ("window shown ratio app/floor", f"{shown_ratio:.2f}x", "1.00x",
         f"<= {TARGET_STARTUP_RATIO:.0f}x", verdict[ok_shown]),
        ("stack floor (info)", f"{med(stack_s):.3f} s", f"{med(floor_s):.3f} s", "", "info"),
        ("all rows loaded, median", f"{med(app_s):.3f} s", f"{med(floor_s):.3f} s", "", "info"),
        ("all rows ratio app/floor", f"{full_ratio:.2f}x", "1.00x", "", "info"),
        ("app as started: whole process", f"{med([r['ended'] for r in real]):.3f} s",
         f"{med([r['ended'] for r in startup['floor']]):.3f} s", "", "info"),
        ("  closed mid-scan until its end", f"{closing:.3f} s", "",
         f"<= {TARGET_CLOSING_S:.1f} s", verdict[ok_closing]),
        ("filter keystroke p50", f"{_pct(keys, .5):.1f} ms", f"{_pct(fl, .5):.1f} ms", "", ""),
        ("filter keystroke p95", f"{p95:.1f} ms", f"{_pct(fl, .95):.1f} ms",
         f"<= {TARGET_FILTER_P95_MS:.0f} ms", verdict[ok_filter]),
        ("filter keystroke max", f"{max(keys):.1f} ms", f"{max(fl):.1f} ms", "", ""),
        ("window keystroke p95 (info)", f"{_pct(wk, .95):.1f} ms", f"{_pct(fl, .95):.1f} ms",
         "", "info"),
        ("peak RSS", f"{app_mb:.0f} MB", f"{floor_mb:.0f} MB",
         f"<= {TARGET_APP_RSS_MB:.0f} MB", verdict[ok_rss]),
    ]
    widths = [max(len(r[c]) for r in table) for c in range(5)]
    print()
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(w) if c == 0 else cell.rjust(w)
                        for c, (cell, w) in enumerate(zip(row, widths))).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    hwm = [r for r in startup["app"] + startup["floor"]
           if r["hwm_kib"] and abs(r["rss_kib"] - r["hwm_kib"]) > 0.1 * r["hwm_kib"]]
    if hwm:
        print(f"\nnote: ru_maxrss and VmHWM disagree by >10% in {len(hwm)} child(ren): "
              + ", ".join(f"{r['rss_kib'] // 1024} vs {r['hwm_kib'] // 1024} MB" for r in hwm))
    shown = {r["rows"] for r in startup["app"]}
    if shown != {rows}:
        print(f"\nnote: the app child reported {sorted(shown)} rows loaded, expected {rows:,}")
    bad = [r for r in startup["app"] + startup["floor"] + real if r["exit"] not in (0, None)]
    if bad:
        print(f"\nnote: {len(bad)} child(ren) exited non-zero after 'ready' "
              f"(exit codes {sorted({r['exit'] for r in bad})})")
    from desktop.ui.roster_view import FIRST_SCREEN as app_first_screen

    if app_first_screen != FIRST_SCREEN:
        print(f"\nnote: the stack floor read {FIRST_SCREEN} rows; the app's first screen has "
              f"{app_first_screen}")
    missed = not (ok_startup and ok_shown and ok_closing and ok_filter and ok_rss)
    return 1 if strict and missed else 0


def main(argv: list[str] | None = None) -> int:
    import argparse
    import shutil
    import tempfile
    from pathlib import Path

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="contractors to seed")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs of each child")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="crewbook-bench-"))
    folder = scratch / "data"
    folder.mkdir(mode=0o700)
    try:
        print(f"Seeding {args.rows:,} contractors into {folder} …", flush=True)
        seed_s = seed_in_child(folder, args.rows)
        print(f"  seeded in {seed_s:.2f} s", flush=True)
        print(f"Start-up: {args.runs} runs each of app and floor (plus one warm-up) …", flush=True)
        startup = measure_startup(folder, scratch, args.runs)
        print("Filter latency …", flush=True)
        filt = measure_filter(folder, scratch)
        return report(args.rows, seed_s, startup, filt, args.strict)
    finally:
        if args.keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        if sys.argv[2] == "floor":
            sys.exit(_child_floor())
        if sys.argv[2] == "floor-stack":
            sys.exit(_child_floor(sys.argv[3]))
        if sys.argv[2] == "app" and len(sys.argv) == 5:
            sys.exit(_child_app(sys.argv[3], sys.argv[4]))
        if sys.argv[2] == "real" and len(sys.argv) == 4:
            sys.exit(_child_real(sys.argv[3]))
        if sys.argv[2] == "seed" and len(sys.argv) == 5:
            from pathlib import Path

            print(f"seeded {seed(Path(sys.argv[3]), int(sys.argv[4])):.3f}")
            sys.exit(0)
        sys.exit("usage: bench_roster.py --child floor | --child floor-stack BOOK"
                 " | --child app DATA_DIR SETTINGS_INI"
                 " | --child real DATA_DIR | --child seed DATA_DIR ROWS")
    sys.exit(main())
