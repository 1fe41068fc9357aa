"""Loading the whole roster: what the background prepares must show exactly what the model
would have worked out itself, and the store's bulk read must leave the process as it found it."""

from __future__ import annotations

import gc
import random
import threading

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.core.validation import Cancelled
from desktop.store import contractors
from desktop.ui import roster_view
from desktop.ui.roster_model import (
    Col,
    RosterFilter,
    RosterModel,
    haystack,
    haystacks,
    prepare,
)
from desktop.ui.roster_view import FIRST_SCREEN, RosterView
from desktop.ui.runner import Runner
from tests.factories import make_contractor
from tests.test_roster_model import ROWS, row

STOPPED = threading.Event()
STOPPED.set()
ORDERS = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
FILTERS = (RosterFilter(), RosterFilter(show_archived=True), RosterFilter(text="o"),
           RosterFilter(status="active"), RosterFilter(tag="illustration"),
           RosterFilter(text="ma de", status="active", show_archived=True))


def _many() -> list:  # type: ignore[type-arg]
    rng = random.Random(7)
    out = list(ROWS)
    for i in range(6, 160):
        out.append(row(i, rng.choice(["Ana", "Ben", "Çelik", "Dana", "Émile", "Maya"]) + f" {i % 9}",
                       company=rng.choice(["", "Studio", "Okafor Studio", "Straße AG"]),
                       status=rng.choice(["active", "prospect", "paused", "former"]),
                       tags=tuple(sorted(rng.sample(["design", "web", "seo", "illustration"],
                                                    rng.randint(0, 2)))),
                       rate_minor=rng.choice([None, 4000, 9000]),
                       currency=rng.choice(["USD", "EUR"]), archived=rng.random() < 0.1,
                       is_demo=rng.random() < 0.2))
    rng.shuffle(out)
    return out


def _shown(model: RosterModel) -> list[int]:
    return [model.row_at(i).id for i in range(model.rowCount())]


def test_haystacks_match_one_row_at_a_time() -> None:
    rows = [*_many(), row(999, "Jürgen GROSS", company="Straße", tags=("SEO", "Web"),
                          notes="Spricht Deutsch")]
    assert haystacks(rows) == [haystack(r) for r in rows]
    assert "strasse" in haystacks(rows)[-1]


@pytest.mark.parametrize("column", list(Col))
@pytest.mark.parametrize("order", ORDERS)
def test_a_prepared_roster_shows_what_the_model_works_out_itself(qtbot, column: Col,
                                                                 order: Qt.SortOrder) -> None:  # type: ignore[no-untyped-def]
    rows = _many()
    for flt in FILTERS:
        itself, taken = RosterModel(), RosterModel()
        for model in (itself, taken):
            model.sort(column, order)
            model.set_filter(flt)
        itself.set_rows(rows)
        taken.take(prepare(rows, (column, order)))
        assert _shown(taken) == _shown(itself), flt
        assert taken.skills() == itself.skills()
        assert taken.demo_count() == itself.demo_count()
        assert taken.total() == itself.total()
        assert taken.total(include_archived=True) == len(rows)
        assert taken.complete


def test_a_roster_prepared_in_an_order_since_changed_is_sorted_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    rows = _many()
    model, expected = RosterModel(), RosterModel()
    expected.sort(Col.COMPANY, Qt.SortOrder.DescendingOrder)
    expected.set_rows(rows)
    model.set_rows(rows[:5], complete=False)
    loaded = prepare(rows, model.sort_order)  # by name, then the user clicks “Company”
    model.sort(Col.COMPANY, Qt.SortOrder.DescendingOrder)
    model.take(loaded)
    assert _shown(model) == _shown(expected)


def test_edits_after_taking_a_roster_land_in_place(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RosterModel()
    model.take(prepare(_many(), model.sort_order))
    qtmodeltester.check(model)
    first = model.row_at(0)
    model.upsert([row(first.id, "Zoë Last", tags=("zither",)),
                  row(500, "Aaron First")])
    assert model.row_at(0).display_name == "Aaron First"
    assert model.row_at(model.rowCount() - 1).display_name == "Zoë Last"
    assert "zither" in model.skills()
    model.set_filter(RosterFilter(text="zith"))
    assert _shown(model) == [first.id]
    qtmodeltester.check(model)


def test_reading_the_roster_gives_sorted_tags_and_leaves_the_collector_on(store) -> None:  # type: ignore[no-untyped-def]
    made = contractors.create_many(store, [
        make_contractor(display_name="Maya Okafor", tags="web, design, seo"),
        make_contractor(display_name="Ben Hale", tags=""),
        make_contractor(display_name="Ana Ruiz", tags="seo")])
    assert gc.isenabled()
    rows = {r.display_name: r for r in contractors.list_rows(store)}
    assert gc.isenabled()
    assert rows["Maya Okafor"].tags == ("design", "seo", "web")
    assert rows["Ben Hale"].tags == ()
    first = contractors.list_rows(store, limit=2)
    assert [r.display_name for r in first] == ["Ana Ruiz", "Ben Hale"]
    assert contractors.list_rows(store, [made[0].id])[0].tags == ("design", "seo", "web")
    gc.disable()
    try:
        contractors.list_rows(store)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_anyone_on_the_roster_counts_only_those_not_archived(store) -> None:  # type: ignore[no-untyped-def]
    assert not contractors.any_on_roster(store)
    record = contractors.create(store, make_contractor())
    assert contractors.any_on_roster(store)
    contractors.set_archived(store, record.id, True, record.version)
    assert not contractors.any_on_roster(store)


def test_a_long_read_stops_when_asked(store) -> None:  # type: ignore[no-untyped-def]
    contractors.create_many(store, [make_contractor(display_name=f"Person {i}")
                                    for i in range(3)])
    stop = threading.Event()
    assert len(contractors.list_rows(store, stop=stop)) == 3
    stop.set()
    with pytest.raises(Cancelled):
        contractors.list_rows(store, stop=stop)


def test_closing_stops_long_reads_and_a_reused_runner_reads_in_full(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    contractors.create_many(store, [make_contractor(display_name=f"Person {i}")
                                    for i in range(FIRST_SCREEN + 5)])
    with pytest.raises(Cancelled):
        roster_view._full_roster(store, Col.NAME, Qt.SortOrder.AscendingOrder, STOPPED)
    with pytest.raises(Cancelled):
        prepare(contractors.list_rows(store), (Col.NAME, Qt.SortOrder.AscendingOrder), STOPPED)
    runner = Runner(store)
    told: list[bool] = []
    # A read that runs until it is told to stop: only wait() tells it.
    runner.read(lambda: told.append(runner.stopping.wait(10)), done=lambda _r: None)
    assert runner.wait(20_000)
    assert told == [True]
    assert not runner.stopping.is_set()
    view = RosterView(runner, QSettings(str(store.path) + ".ini", QSettings.Format.IniFormat))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.roster_loaded, timeout=10_000) as loaded:
        view.load()
    assert loaded.args == [FIRST_SCREEN + 5]
    assert view.model.total() == FIRST_SCREEN + 5
    runner.wait()
