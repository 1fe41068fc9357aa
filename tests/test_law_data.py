"""Rules that rest on a law are data with a source and a checked date, and the README lists
every one of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core import law
from desktop.core.payments import METHODS, REPORTED_BY_PROCESSOR
from desktop.core.risk import ABC_SOURCES, classify
from desktop.store import rules
from desktop.store.db import Store

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_law_data_carries_sources_and_checked_dates() -> None:
    for entry in (*law.abc_test(), law.common_law()):
        assert entry.source and entry.checked_on <= dt.date(2026, 12, 4)
    nec = law.form_1099_nec()
    assert (nec.jurisdiction, nec.form, nec.currency) == ("US", "1099-NEC", "USD")
    assert set(REPORTED_BY_PROCESSOR) == set(nec.reported_by_processor) <= set(METHODS)
    assert "6050W" in nec.source


def test_the_abc_test_applies_where_the_data_says() -> None:
    assert set(ABC_SOURCES) == {(p.country, p.region) for p in law.abc_test()}
    assert classify({}, "US", "MA").test == "ABC test"
    assert classify({}, "US", "TX").test == "Common-law control test"
    assert classify({}, "DE", "").test == "Local employment-status test"


def test_the_readme_lists_every_rule(store: Store) -> None:
    for record in rules.rule_records(store):
        assert f"| {record.rule.name} |" in README, record.rule.name
    for place in law.abc_test():
        assert place.source.split(";")[0].split()[-1] in README  # the section cited
    assert "6050W" in README and "Publication 15-A" in README
    assert "Settings ▸ Reference rates" in README
