"""What a rule's written-contract amount is compared with: this engagement plus the
contractor's others that started within the rule's own window, counting every contract that
was made (terminated ones too), never drafts or cancelled ones."""

from __future__ import annotations

import datetime as dt

from desktop.store import contractors, engagements, reviews
from desktop.store.db import Store
from tests.factories import make_contractor, make_engagement, signed

D = dt.date
TODAY = D(2026, 12, 4)


def test_each_rule_sums_over_its_own_window(store: Store) -> None:
    who = contractors.create(store, make_contractor()).id
    place = {"jurisdiction_country": "US", "jurisdiction_region": "CA",
             "jurisdiction_city": "Los Angeles", "end_on": ""}
    signed(store, who, title="January", amount="260", start_on="2026-01-10", **place)
    ended = signed(store, who, title="March", amount="150", start_on="2026-03-01", **place)
    record = engagements.get(store, ended)
    engagements.move(store, ended, "terminated", record.version, on=D(2026, 3, 20))
    engagements.create(store, make_engagement(who, title="Draft", amount="5000",
                                              start_on="2026-05-01", **place))
    signed(store, who, title="Last year", amount="900", start_on="2025-12-20", **place)
    now = engagements.create(store, make_engagement(who, title="Now", amount="100",
                                                    start_on="2026-09-01", **place))
    inputs, _ = reviews.gate_inputs(store, now.id, TODAY)
    # LA sums a calendar year: 100 + 260 + 150 (terminated counts), not the draft nor 2025;
    # California's own act, 120 days: nothing else started in them.
    assert inputs.window_totals == {"calendar_year": 51_000, "days:120": 10_000}
    found = [b for b in reviews.check(store, now.id, TODAY)[0] if b.code == "written_contract"]
    assert not found  # 510.00 is under LA's 600.00
    more = engagements.create(store, make_engagement(who, title="More", amount="240",
                                                     start_on="2026-10-01", **place))
    (blocker,) = [b for b in reviews.check(store, more.id, TODAY)[0]
                  if b.code == "written_contract"]
    assert "in a calendar year adds up to $650.00" in blocker.message


def test_new_york_city_sums_120_days_alongside_the_state(store: Store) -> None:
    who = contractors.create(store, make_contractor()).id
    place = {"jurisdiction_country": "US", "jurisdiction_region": "NY",
             "jurisdiction_city": "Brooklyn", "end_on": ""}
    signed(store, who, title="Spring", amount="500", start_on="2026-05-01", **place)
    signed(store, who, title="Too early", amount="500", start_on="2025-12-01", **place)
    now = engagements.create(store, make_engagement(who, title="Summer", amount="400",
                                                    start_on="2026-07-01", **place))
    inputs, _ = reviews.gate_inputs(store, now.id, TODAY)
    assert inputs.window_totals == {"days:120": 90_000}
    (blocker,) = [b for b in reviews.check(store, now.id, TODAY)[0]
                  if b.code == "written_contract"]
    assert "over 120 days adds up to $900.00" in blocker.message
