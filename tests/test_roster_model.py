"""The roster table model: Qt's model contract, filtering and sorting."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop.core.collation import name_key
from desktop.store.contractors import ContractorRow
from desktop.ui.roster_model import ID_ROLE, SORT_ROLE, Col, RosterFilter, RosterModel, haystack

NOW = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def row(id_: int, name: str, **kw: object) -> ContractorRow:
    values = dict(id=id_, display_name=name, company="", email="", phone="", country="",
                  status="active", rate_minor=None, rate_unit="hour", currency="USD",
                  tax_form="none", tags=(), notes="", is_demo=False, archived=False,
                  updated_at=NOW, version=1)
    values.update(kw)
    values.update(name_key=name_key(values["display_name"]),  # type: ignore[arg-type]
                  company_key=name_key(values["company"]),  # type: ignore[arg-type]
                  email_key=name_key(values["email"]))  # type: ignore[arg-type]
    return ContractorRow(**values)  # type: ignore[arg-type]


ROWS = [
    row(1, "Maya Okafor", company="Okafor Studio", email="maya@okafor.example.com",
        tags=("design", "illustration"), rate_minor=8500, country="US"),
    row(2, "Pixelhaus", company="Pixelhaus GmbH", email="hallo@pixelhaus.example.org",
        tags=("web",), rate_minor=72000, currency="EUR", rate_unit="day", country="DE",
        tax_form="other"),
    row(3, "Jake Whitfield", status="former", notes="Missed two deadlines in a row",
        rate_minor=4000, country="US"),
    row(4, "Nate Sullivan", status="blocked", notes="Asked for gift cards", archived=True),
    row(5, "Aiko Tanaka", email="aiko@tanaka.example.com", tags=("illustration",),
        rate_minor=9000, currency="JPY", country="JP", status="prospect"),
]


@pytest.fixture
def model(qtbot) -> RosterModel:  # type: ignore[no-untyped-def]
    m = RosterModel()
    m.set_rows(ROWS)
    return m


def names(model: RosterModel) -> list[str]:
    return [model.row_at(i).display_name for i in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, model: RosterModel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model)
    model.set_filter(RosterFilter(text="o", show_archived=True))
    qtmodeltester.check(model)
    model.sort(Col.RATE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_empty_model_passes_qt_model_tester(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(RosterModel())


def test_archived_rows_hidden_until_asked_for(model: RosterModel) -> None:
    assert "Nate Sullivan" not in names(model)
    model.set_filter(RosterFilter(show_archived=True))
    assert "Nate Sullivan" in names(model)


@pytest.mark.parametrize(("text", "expected"), [
    ("okafor", {"Maya Okafor"}),  # name and company
    ("GMBH", {"Pixelhaus"}),  # company, any case
    ("example.org", {"Pixelhaus"}),  # email
    ("illustration", {"Maya Okafor", "Aiko Tanaka"}),  # skills
    ("deadlines", {"Jake Whitfield"}),  # notes
    ("maya design", {"Maya Okafor"}),  # every word must match
    ("maya web", set()),
    ("  ", {"Maya Okafor", "Pixelhaus", "Jake Whitfield", "Aiko Tanaka"}),
])
def test_text_filter_searches_name_company_email_skills_and_notes(
        model: RosterModel, text: str, expected: set[str]) -> None:
    model.set_filter(RosterFilter(text=text))
    assert set(names(model)) == expected


def test_status_and_tag_filters_combine(model: RosterModel) -> None:
    model.set_filter(RosterFilter(status="active"))
    assert set(names(model)) == {"Maya Okafor", "Pixelhaus"}
    model.set_filter(RosterFilter(status="active", tag="illustration"))
    assert names(model) == ["Maya Okafor"]
    model.set_filter(RosterFilter(status="blocked", show_archived=True))
    assert names(model) == ["Nate Sullivan"]


def test_sorting_by_every_column_follows_the_sort_role(model: RosterModel) -> None:
    model.set_filter(RosterFilter(show_archived=True))
    for column in Col:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            keys = [model.index(r, column).data(SORT_ROLE) for r in range(model.rowCount())]
            assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder), column


def test_rates_sort_within_their_currency(model: RosterModel) -> None:
    model.set_filter(RosterFilter(show_archived=True))
    model.sort(Col.RATE, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["Pixelhaus", "Aiko Tanaka", "Jake Whitfield", "Maya Okafor",
                            "Nate Sullivan"]


def test_sort_keeps_persistent_indexes_on_their_rows(model: RosterModel) -> None:
    pos = names(model).index("Pixelhaus")
    persistent = QPersistentModelIndex(model.index(pos, Col.EMAIL))
    model.sort(Col.NAME, Qt.SortOrder.DescendingOrder)
    assert persistent.isValid() and persistent.column() == Col.EMAIL
    assert model.index(persistent.row(), 0).data(ID_ROLE) == 2


def test_display_formats_money_and_status(model: RosterModel) -> None:
    pos = names(model).index("Aiko Tanaka")
    assert model.index(pos, Col.RATE).data() == "¥9,000 / hour"
    assert model.index(pos, Col.STATUS).data() == "Prospect"
    assert model.headerData(Col.TAGS, Qt.Orientation.Horizontal) == "Skills"


def test_upsert_adds_and_replaces_rows_in_sorted_place(model: RosterModel) -> None:
    model.upsert([row(6, "Bea Alvarez"), row(1, "Zoe Okafor")])
    assert names(model) == ["Aiko Tanaka", "Bea Alvarez", "Jake Whitfield", "Pixelhaus", "Zoe Okafor"]


WORDS = ["ma", "maya", "oka", "web", "de", "x", "a", "illu", "pixel", "ta", " "]
EDITS = st.lists(st.one_of(st.sampled_from(WORDS), st.integers(min_value=1, max_value=4)),
                 min_size=1, max_size=8)


@settings(max_examples=80, deadline=None)
@given(EDITS, st.booleans())
def test_typing_and_backspacing_match_filtering_from_scratch(qapp, edits, archived: bool) -> None:  # type: ignore[no-untyped-def]
    typed = RosterModel()
    typed.set_rows(ROWS)
    typed.set_filter(RosterFilter(show_archived=archived))
    text = ""
    for edit in edits:
        if isinstance(edit, int):  # backspace that many characters
            for _ in range(min(edit, len(text))):
                text = text[:-1]
                typed.set_filter(RosterFilter(text=text, show_archived=archived))
        else:
            for ch in edit:
                text += ch
                typed.set_filter(RosterFilter(text=text, show_archived=archived))
    fresh = RosterModel()
    fresh.set_rows(ROWS)
    fresh.set_filter(RosterFilter(text=text, show_archived=archived))
    assert names(typed) == names(fresh)
    expected = [r.display_name for r in sorted(ROWS, key=lambda r: r.display_name.casefold())
                if (archived or not r.archived)
                and all(t in haystack(r) for t in text.casefold().split())]
    assert names(fresh) == expected


def test_positions_of_many_ids_follow_display_order(model: RosterModel) -> None:
    model.set_filter(RosterFilter(show_archived=True))
    ids = [r.id for r in ROWS]
    positions = model.positions_of(ids)
    assert positions == list(range(len(ROWS)))
    assert [model.position_of(i) for i in (5, 1)] == [0, 2]
    assert model.positions_of([999]) == [] and model.position_of(999) is None


def test_large_roster_filters_correctly(qtbot) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    rows = [row(i, f"Person {i}", notes=rng.choice(["alpha", "beta", "gamma"])) for i in range(5000)]
    model = RosterModel()
    model.set_rows(rows)
    model.set_filter(RosterFilter(text="gamma"))
    assert model.rowCount() == sum(1 for r in rows if r.notes == "gamma")


def test_phone_numbers_show_as_dialled_from_the_business(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = RosterModel()
    model.set_rows([row(1, "Jonas Weber", phone="+4930123456;ext=12", country="DE"),
                    row(2, "Maya Okafor", phone="+17185550147", country="US"),
                    row(3, "Old Row", phone="030 123456", country="DE"),  # saved as typed
                    row(4, "Odd Row", phone="call the office")])
    model.set_home_country("DE")
    qtmodeltester.check(model)

    def phones() -> list[str]:
        return [model.index(i, Col.PHONE).data() for i in range(model.rowCount())]

    assert phones() == ["030 123456 ext. 12", "+1 718-555-0147", "call the office", "030 123456"]
    with qtbot.waitSignal(model.dataChanged):
        model.set_home_country("US")
    assert phones() == ["+49 30 123456 ext. 12", "(718) 555-0147", "call the office",
                        "+49 30 123456"]
