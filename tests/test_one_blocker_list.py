"""One list of what blocks signing, everywhere: the pane, the review as it opens, the Sign
refusal and the PDF read the same list from one function, before a review as after."""

from __future__ import annotations

import datetime as dt

from desktop.reports.risk_summary import gather
from desktop.store import demo, engagements, reviews
from desktop.store.db import Store
from desktop.ui.review_dialog import ReviewDialog
from tests.threads import dialog_runner

TODAY = dt.date(2026, 12, 4)


def test_every_place_shows_the_same_full_list(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    demo.load_demo(store, today=TODAY)
    unsigned = [r for r in engagements.list_rows(store) if r.status in ("draft", "in_review")]
    unreviewed = [r for r in unsigned if reviews.latest(store, r.id) is None]
    assert unreviewed and len(unsigned) > len(unreviewed)
    for row in unsigned:
        found, _score = reviews.check(store, row.id, TODAY)
        dialog = ReviewDialog(dialog_runner(store), row.id, TODAY)
        qtbot.addWidget(dialog)
        assert [b.message for b in dialog.live_blockers] == [b.message for b in found]
        assert [b.message for b in gather(store, row.id, TODAY).blockers] == \
            [b.message for b in found]
    # Before a review, the list already names what the review will have to settle.
    codes = [b.code for b in reviews.check(store, unreviewed[0].id, TODAY)[0]]
    assert codes[0] == "no_review" and "starred_unanswered" in codes
