"""Search everything: contractors, engagements, invoices and payment references, grouped by
kind, each opening what it names."""

from __future__ import annotations

import datetime as dt

from desktop.store import demo, engagements
from desktop.store.db import Store
from desktop.store.search import everything
from desktop.ui.search_dialog import SearchDialog
from tests.threads import dialog_runner

TODAY = dt.date(2026, 12, 4)


def test_each_kind_is_found_and_wildcards_are_plain_text(store: Store) -> None:
    demo.load_demo(store, today=TODAY)
    kinds = {(h.kind, h.title) for h in everything(store, "northgate")}
    assert ("contractor", "Northgate IT") in kinds
    assert any(k == "engagement" and t == "IT support retainer"
               for k, t in {(h.kind, h.title) for h in everything(store, "IT support")})
    invoices = [h for h in everything(store, "INV-10") if h.kind == "payment"]
    assert invoices and all(h.engagement_id for h in invoices)
    assert everything(store, "%") == [] and everything(store, "_") == []
    assert everything(store, "x") == []  # one letter matches too much to be useful


def test_the_dialog_groups_hits_and_opens_the_chosen_one(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    demo.load_demo(store, today=TODAY)
    dialog = SearchDialog(dialog_runner(store))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.shown, timeout=5000):
        dialog.field.setText("retainer")
    group = dialog.results.topLevelItem(0)
    assert group.text(0) == "Engagements (1)"
    with qtbot.waitSignal(dialog.open_engagement, timeout=1000) as opened:
        dialog.results.itemActivated.emit(group.child(0), 0)
    retainer = next(r.id for r in engagements.list_rows(store) if r.title == "IT support retainer")
    assert opened.args == [retainer]
    with qtbot.waitSignal(dialog.shown, timeout=5000):
        dialog.field.setText("zzzz nothing")
    assert dialog.note.text() == "Nothing matches." and dialog.results.topLevelItemCount() == 0
