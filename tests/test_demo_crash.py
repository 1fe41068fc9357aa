"""The demo data loads in one transaction: a failure or a kill -9 part-way leaves none of it, and
the next `crewbook demo` loads all of it."""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import demo, engagements
from desktop.store.db import Store
from desktop.store.paths import db_path
from desktop.store.session import open_store
from tests.kill_loop import kill_after, loops

ROOT = Path(__file__).parents[1]


def counts(folder: Path) -> dict[str, int]:
    """Rows in every table: the whole state the demo could have left behind."""
    con = sqlite3.connect(db_path(folder))
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def new_book(folder: Path, template: Path | None = None) -> Path:
    folder.mkdir(mode=0o700)
    if template is None:
        open_store(folder).store.close()
    else:
        shutil.copy2(db_path(template), db_path(folder))
    return folder


def demo_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "desktop", "--data-dir", str(folder), "demo"]


def test_a_failure_part_way_leaves_no_demo_data_and_a_rerun_loads_it_all(
        store: Store, data_folder: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    full = new_book(tmp_path / "full")
    opened = open_store(full).store
    demo.load_demo(opened)
    opened.close()
    empty = counts(data_folder)
    create, calls = engagements.create, []

    def third_fails(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(counts(data_folder))  # what another program sees meanwhile
        if len(calls) == 3:
            raise RuntimeError("disk gone")
        return create(*args, **kwargs)

    monkeypatch.setattr(engagements, "create", third_fails)
    with pytest.raises(RuntimeError, match="disk gone"):
        demo.load_demo(store)
    assert calls == [empty] * 3 and counts(data_folder) == empty
    assert not demo.has_demo(store)

    monkeypatch.setattr(engagements, "create", create)
    assert demo.load_demo(store) == len(demo.demo_roster())
    assert counts(data_folder) == counts(full)


def test_demo_killed_at_any_moment_is_all_or_nothing(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """kill -9 `crewbook demo` at random moments; CREWBOOK_KILL_LOOPS=200 for a long run."""
    empty_book = new_book(tmp_path / "empty")
    empty = counts(empty_book)
    full_book = new_book(tmp_path / "full", empty_book)
    started = time.monotonic()
    subprocess_run = kill_after(demo_command(full_book), low=120, high=120, cwd=ROOT)
    took = time.monotonic() - started
    assert not subprocess_run.killed and subprocess_run.returncode == 0, subprocess_run.stderr
    full = counts(full_book)
    assert full != empty and full["contractor"] == len(demo.demo_roster())

    seen = {"nothing": 0, "everything": 0}
    for round_ in range(loops(4)):
        folder = new_book(tmp_path / f"book{round_}", empty_book)
        # Most of a run is Python starting; the kill lands from there to just past the end.
        outcome = kill_after(demo_command(folder), low=took * 0.4, high=took * 1.05, cwd=ROOT)
        assert outcome.killed or outcome.returncode == 0, outcome.stderr
        left = counts(folder)
        assert left in (empty, full), f"round {round_}: killed after {outcome.delay:.2f} s"
        seen["nothing" if left == empty else "everything"] += 1
        assert main(["--data-dir", str(folder), "demo"]) == 0
        assert counts(folder) == full
    with capsys.disabled():  # what a long run covered
        print(f"\nkill loop: {seen['nothing']} left nothing, {seen['everything']} everything")
