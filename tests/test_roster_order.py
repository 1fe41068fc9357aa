"""One roster order: the store's first screen (SQL over the stored sort keys) and the table's own
sort (Python over the same keys) agree, for names no lowercase() sorts right; and every way a
contractor is written keeps its keys in step with its texts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert, select

from desktop.core.collation import name_key
from desktop.store import contractors, demo, importing
from desktop.store.db import Store
from desktop.store.models import Contractor
from desktop.ui.roster_model import ORDER_KEYS, Col, RosterFilter, RosterModel, sort_key
from tests.factories import make_contractor

NAMES = ["Straße", "Strasse", "STRASSE", "Étienne", "émile", "Emile", "Zoë", "Zoe", "Ølsen",
         "Olsen", "Łukasz", "Lukas", "Ångström", "Anna", "ann", "Anna", "李", "O'Brien",
         "O’Brien", "Þórunn", "Thor", "Æsa", "Aesop", "Ωμέγα", "Жанна", "zed"]
TAGS = [["web", "design"], [], ["seo"], ["design"], ["video", "web"]]
COMPANIES = ["Straße GmbH", "", "Strasse AG", "Ærø Shipping", "aero ltd", "", "Zoë & Co",
             "Zoe & Co", "Œuvre", "oeuvre", "", "Łódź Works"]


@pytest.fixture
def roster(store: Store) -> list[contractors.ContractorRow]:
    contractors.create_many(store, [
        make_contractor(display_name=name, company=COMPANIES[i % len(COMPANIES)],
                        email=f"{name_key(name).hex()[:8]}{i}@example.com",
                        tags=TAGS[i % len(TAGS)])
        for i, name in enumerate(NAMES)])
    return contractors.list_rows(store)


def model_order(qtbot, rows: list[contractors.ContractorRow], column: Col,  # type: ignore[no-untyped-def]
                descending: bool) -> list[int]:
    model = RosterModel()
    model.set_rows(rows)
    model.set_filter(RosterFilter(show_archived=True))
    model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    return [model.row_at(i).id for i in range(model.rowCount())]


@pytest.mark.parametrize("column", [Col.NAME, Col.COMPANY, Col.EMAIL, Col.TAGS, Col.STATUS])
@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_first_screen_from_sql_is_the_top_of_the_tables_own_sort(
        qtbot, store: Store, roster: list[contractors.ContractorRow], column: Col,  # type: ignore[no-untyped-def]
        descending: bool) -> None:
    python = model_order(qtbot, roster, column, descending)
    expected = [r.id for r in sorted(roster, key=lambda r: (sort_key(r, column), r.name_key, r.id),
                                     reverse=descending)]
    assert python == expected
    for limit in (5, len(roster)):
        sql = contractors.list_rows(store, order=ORDER_KEYS[column], descending=descending,
                                    limit=limit)
        assert [r.id for r in sql] == python[:limit]


def test_names_sort_in_root_collation_order(qtbot, roster: list[contractors.ContractorRow]) -> None:  # type: ignore[no-untyped-def]
    by_id = {r.id: r.display_name for r in roster}
    names = [by_id[i] for i in model_order(qtbot, roster, Col.NAME, False)]
    assert names == ["Æsa", "Aesop", "Ångström", "ann", "Anna", "Anna", "Emile", "émile",
                     "Étienne", "Lukas", "Łukasz", "O'Brien", "O’Brien", "Olsen", "Ølsen",
                     "Strasse", "Straße", "STRASSE", "Thor", "Þórunn", "zed", "Zoe", "Zoë",
                     "Ωμέγα", "Жанна", "李"]


def test_every_write_path_keeps_the_sort_keys_in_step(store: Store) -> None:
    made = contractors.create(store, make_contractor(display_name="Jürgen Groß",
                                                     company="Groß & Söhne"))
    many = contractors.create_many(store, [make_contractor(display_name="Ægir", email=""),
                                           make_contractor(display_name="ann", company="Ærø")])
    edited = contractors.update(store, made.id, replace(
        made.data, display_name="Jurgen Gross", company="", email="j@example.com"), made.version)
    contractors.set_archived(store, many[0].id, True, many[0].version, "gone")
    importing.import_contractors(
        store, [importing.NewContractor(make_contractor(display_name="Łukasz", company="Łódź",
                                                        email="l@example.com")),
                importing.NewContractor(make_contractor(display_name="Zoë", email=""))],
        merges=[(edited.id, make_contractor(display_name="Jürgen", company="Gróß",
                                            email="j@example.com"))])
    assert demo.load_demo(store) > 0
    with store.engine.begin() as conn:  # a Core insert that leaves the keys to the model
        conn.execute(insert(Contractor.__table__), [
            {"display_name": "Ørsted", "company": "Ørsted A/S", "email": "o@example.com"},
            {"display_name": "Oersted", "company": "", "email": "Ö@example.com"}])
        conn.execute(insert(Contractor.__table__), {"display_name": "Øre"})
    with store.engine.connect() as conn:
        rows = conn.execute(select(
            Contractor.display_name, Contractor.company, Contractor.email,
            Contractor.name_key, Contractor.company_key, Contractor.email_key)).all()
    assert len(rows) == 8 + len(demo.demo_roster())
    for name, company, email, *keys in rows:
        assert keys == [name_key(name), name_key(company), name_key(email)], name
    assert {r.display_name for r in contractors.list_rows(store)} >= {
        "Jürgen", "Ægir", "ann", "Łukasz", "Zoë", "Ørsted", "Oersted"}
