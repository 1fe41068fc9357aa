"""Migrations: one head, models and revisions agree, old files upgrade with their data."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext

from desktop.store import contractors, demo, migrate
from desktop.store.db import APPLICATION_ID
from desktop.store.models import Base
from desktop.store.paths import backup_dir, db_path
from desktop.store.session import open_store

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parents[1]


def test_there_is_exactly_one_head_and_the_code_knows_it() -> None:
    assert migrate._scripts().get_heads() == [migrate.HEAD]


def test_revisions_are_found_inside_the_package_not_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    location = Path(migrate.alembic_config().get_main_option("script_location"))
    assert (location / "env.py").is_file()
    assert any((location / "versions").glob("*.py"))


def test_models_and_migrations_agree(data_folder: Path) -> None:
    opened = open_store(data_folder)
    with opened.store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    opened.store.close()
    assert diff == []


def test_a_database_at_head_opens_without_migrating(data_folder: Path) -> None:
    open_store(data_folder).store.close()
    again = open_store(data_folder)
    again.store.close()
    assert not again.created and again.backup is None
    assert not backup_dir(data_folder).exists()


def test_legal_rules_are_seeded_as_data_with_sources(data_folder: Path) -> None:
    opened = open_store(data_folder)
    opened.store.close()
    con = sqlite3.connect(db_path(data_folder))
    thresholds = con.execute("SELECT tax_year_from, amount_minor, currency, source "
                             "FROM reporting_threshold WHERE form = '1099-NEC' "
                             "ORDER BY tax_year_from").fetchall()
    regions = {r[0] for r in con.execute("SELECT region FROM payment_rule")}
    con.close()
    assert [(t[0], t[1], t[2]) for t in thresholds] == [(2020, 60_000, "USD"), (2026, 200_000, "USD")]
    assert all(t[3] for t in thresholds)
    assert {"NY", "IL", "CA"} <= regions


def _restore_fixture(sql_file: Path, folder: Path) -> Path:
    path = db_path(folder)
    con = sqlite3.connect(path)
    con.executescript(sql_file.read_text("utf-8"))
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sql")), ids=lambda p: p.stem)
def test_every_released_schema_upgrades_with_its_data(fixture: Path, data_folder: Path) -> None:
    path = _restore_fixture(fixture, data_folder)
    con = sqlite3.connect(path)
    names_before = sorted(r[0] for r in con.execute("SELECT display_name FROM contractor"))
    con.close()
    opened = open_store(data_folder)
    rows = contractors.list_rows(opened.store)
    opened.store.close()
    assert sorted(r.display_name for r in rows) == names_before
    assert any(r.archived for r in rows) and any(r.tags for r in rows)
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
        migrate.head_revision()
    con.close()


NEXT_REVISION = '''
import sqlalchemy as sa
from alembic import op

revision = "9000_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("contractor") as batch:
        batch.add_column(sa.Column("nickname", sa.String(40), server_default="", nullable=False))


def downgrade():
    with op.batch_alter_table("contractor") as batch:
        batch.drop_column("nickname")
'''


def test_pending_migration_backs_up_first_and_keeps_the_data(
        data_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    count = contractors.count(opened.store)
    opened.store.close()

    previous = migrate.HEAD
    scripts = tmp_path / "scripts"
    shutil.copytree(migrate.alembic_config().get_main_option("script_location"), scripts)
    (scripts / "versions" / "9000_test.py").write_text(
        NEXT_REVISION.format(head=migrate.head_revision()))

    def config() -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(scripts))
        return cfg

    monkeypatch.setattr(migrate, "alembic_config", config)
    monkeypatch.setattr(migrate, "HEAD", "9000_test")
    migrate._scripts.cache_clear()
    try:
        upgraded = open_store(data_folder)
        upgraded.store.close()
    finally:
        migrate._scripts.cache_clear()

    assert upgraded.backup is not None and upgraded.backup.parent == backup_dir(data_folder)
    con = sqlite3.connect(db_path(data_folder))
    assert con.execute("SELECT count(*) FROM contractor WHERE nickname = ''").fetchone()[0] == count
    con.close()
    assert upgraded.backup.name.startswith("crewbook-before-upgrade-")
    with zipfile.ZipFile(upgraded.backup) as zf:
        zf.extract("crewbook.sqlite3", tmp_path / "unpacked")
    saved = sqlite3.connect(tmp_path / "unpacked" / "crewbook.sqlite3")
    assert saved.execute("SELECT version_num FROM alembic_version").fetchone()[0] == previous
    assert saved.execute("SELECT count(*) FROM contractor").fetchone()[0] == count
    saved.close()


def test_0002_starts_rate_history_and_adds_eu_and_uk_rules(data_folder: Path) -> None:
    path = _restore_fixture(FIXTURES / "schema_0001.sql", data_folder)
    con = sqlite3.connect(path)
    rated = con.execute("SELECT count(*) FROM contractor WHERE rate_minor IS NOT NULL").fetchone()[0]
    con.close()
    open_store(data_folder).store.close()
    con = sqlite3.connect(path)
    history = con.execute("SELECT count(*), count(DISTINCT contractor_id) FROM rate_change").fetchone()
    rules = {r[0]: r[1:] for r in con.execute(
        "SELECT country, default_payment_days, max_payment_days FROM payment_rule WHERE region = ''")}
    paid = con.execute("SELECT DISTINCT paid_minor FROM installment").fetchall()
    con.close()
    assert rated > 0 and history == (rated, rated)
    assert rules["EU"] == (30, 60) and rules["GB"] == (30, 60)
    assert paid in ([], [(0,)])


def test_0003_moves_each_activity_quote_into_the_quote_table(data_folder: Path) -> None:
    path = _restore_fixture(FIXTURES / "schema_0002.sql", data_folder)
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE engagement SET activity_id = 1 WHERE id = (SELECT min(id) FROM engagement)")
    con.close()
    open_store(data_folder).store.close()
    con = sqlite3.connect(path)
    linked = con.execute("SELECT count(*) FROM engagement WHERE activity_id = 1").fetchone()[0]
    quotes = con.execute(
        "SELECT a.name, q.rate_minor, q.unit, q.currency, q.estimated_minutes_per_month "
        "FROM activity_quote q JOIN activity a ON a.id = q.activity_id").fetchall()
    activities = con.execute("SELECT name, decision FROM activity ORDER BY name").fetchall()
    columns = {r[1] for r in con.execute("PRAGMA table_info(activity)")}
    con.close()
    assert quotes == [("Bookkeeping", 45_000, "month", "USD", 600)]
    assert activities == [("Bookkeeping", "outsource"), ("Product design", "keep")]
    assert not {"quote_minor", "quote_unit"} & columns
    assert linked == 1  # the engagement still knows its activity


def test_0003_downgrade_gives_the_first_quote_back(data_folder: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    path = _restore_fixture(FIXTURES / "schema_0002.sql", data_folder)
    open_store(data_folder).store.close()
    cfg = migrate.alembic_config()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0002")
    engine.dispose()
    con = sqlite3.connect(path)
    rows = con.execute("SELECT name, quote_minor, quote_unit FROM activity ORDER BY name").fetchall()
    con.close()
    assert rows == [("Bookkeeping", 45_000, "month"), ("Product design", None, "month")]


def test_0004_gives_every_contractor_its_sort_keys(data_folder: Path) -> None:
    from desktop.core.collation import name_key

    path = _restore_fixture(FIXTURES / "schema_0003.sql", data_folder)
    con = sqlite3.connect(path)
    with con:
        # The revision holds its own copy of the key rules: give it every kind of character.
        names = ["Straße", "Ølsen", "李", "émile", "e\u0301mile", "O’Brien", "Ａnna", "ﬁona",
                 "Zoë\tX", "Ωμέγα", "٣ Three", "Þór", "İstanbul", "a\u200bb", "$100 Club",
                 "«Guillemet»", "ǅemal", "ŋgo", "ẞ", ""]
        companies = ["Ærø ApS", "", "Łódź sp. z o.o.", "Œuvre", "ACME™", "Café № 5"]
        for i, name in enumerate(names):
            con.execute("UPDATE contractor SET display_name = ?, company = ? WHERE id = ?",
                        (name, companies[i % len(companies)], i + 1))
        # Enough rows for several of the revision's batches.
        columns = ", ".join(r[1] for r in con.execute("PRAGMA table_info(contractor)")
                            if r[1] != "id")
        while con.execute("SELECT count(*) FROM contractor").fetchone()[0] < 2500:
            con.execute(f"INSERT INTO contractor ({columns}) SELECT {columns} FROM contractor")
        con.execute("UPDATE contractor SET display_name = display_name || ' ' || id, "
                    "email = upper(email) WHERE id > 30")
    engagements = con.execute("SELECT count(*) FROM engagement").fetchone()[0]
    con.close()
    open_store(data_folder).store.close()
    con = sqlite3.connect(path)
    rows = con.execute("SELECT display_name, company, email, name_key, company_key, email_key "
                       "FROM contractor").fetchall()
    assert con.execute("SELECT count(*) FROM engagement").fetchone()[0] == engagements
    con.close()
    assert len(rows) >= 2500
    for name, company, email, *keys in rows:
        assert keys == [name_key(name), name_key(company), name_key(email)], name


def test_0004_downgrade_drops_the_keys_and_keeps_the_contractors(data_folder: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    path = _restore_fixture(FIXTURES / "schema_0003.sql", data_folder)
    open_store(data_folder).store.close()
    con = sqlite3.connect(path)
    before = con.execute("SELECT (SELECT count(*) FROM contractor), "
                         "(SELECT count(*) FROM engagement)").fetchone()
    con.close()
    cfg = migrate.alembic_config()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0003")
    engine.dispose()
    con = sqlite3.connect(path)
    columns = {r[1] for r in con.execute("PRAGMA table_info(contractor)")}
    after = con.execute("SELECT (SELECT count(*) FROM contractor), "
                        "(SELECT count(*) FROM engagement)").fetchone()
    con.close()
    assert not {"name_key", "company_key", "email_key"} & columns
    assert after == before


def test_0008_ends_the_2026_threshold_and_keeps_one_the_owner_changed(data_folder: Path) -> None:
    path = _restore_fixture(FIXTURES / "schema_0007.sql", data_folder)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO reporting_threshold (jurisdiction, form, tax_year_from, tax_year_to,"
                " amount_minor, currency, source, checked_on, created_at, updated_at, version,"
                " changed_by) VALUES ('US', '1099-NEC', 2026, NULL, 210000, 'USD', 'my own', "
                "'2026-12-01', '2026-12-01', '2026-12-01', 1, 'owner')")
    con.commit()
    con.close()
    open_store(data_folder).store.close()
    con = sqlite3.connect(path)
    rows = con.execute("SELECT tax_year_from, tax_year_to, amount_minor, source FROM "
                       "reporting_threshold WHERE form = '1099-NEC' ORDER BY id").fetchall()
    con.close()
    assert [r[:3] for r in rows] == [(2020, 2025, 60_000), (2026, 2026, 200_000),
                                     (2026, None, 210_000)]
    assert "Indexed for inflation from tax year 2027" in rows[1][3] and rows[2][3] == "my own"


def test_0010_makes_illinois_a_cap_and_the_eu_and_uk_open_to_agreement(data_folder: Path) -> None:
    path = _restore_fixture(FIXTURES / "schema_0009.sql", data_folder)
    open_store(data_folder).store.close()
    con = sqlite3.connect(path)
    rules = {(r[0], r[1]): r[2:] for r in con.execute(
        "SELECT country, region, default_payment_days, max_payment_days, max_kind, source "
        "FROM payment_rule")}
    con.close()
    assert rules[("US", "IL")][:3] == (30, 30, "cap") and "15(b)(3)" in rules[("US", "IL")][3]
    assert rules[("US", "NY")][:3] == (30, None, "") and rules[("US", "CA")][:3] == (30, None, "")
    assert rules[("EU", "")][:3] == (30, 60, "agreed") and rules[("GB", "")][:3] == (30, 60, "agreed")


def test_0011_keeps_notice_periods_and_adds_places_windows_interest(data_folder: Path) -> None:
    path = _restore_fixture(FIXTURES / "schema_0010.sql", data_folder)
    con = sqlite3.connect(path)
    before = dict(con.execute("SELECT id, notice_days FROM engagement"))
    con.close()
    open_store(data_folder).store.close()
    con = sqlite3.connect(path)
    after = {row[0]: row[1:] for row in con.execute(
        "SELECT id, notice_period, notice_unit, jurisdiction_city, longer_terms_reason "
        "FROM engagement")}
    rules = {r[0]: r[1:] for r in con.execute(
        "SELECT name, applies_in, cities, aggregation_window, interest_reference, "
        "interest_margin_bp, compensation, currency FROM payment_rule")}
    rates = con.execute("SELECT series, COUNT(*), MAX(effective_from) FROM reference_rate "
                        "GROUP BY series ORDER BY series").fetchall()
    con.close()
    assert before and {k: v[0] for k, v in after.items()} == before
    assert {v[1:] for v in after.values()} == {("days", "", "")}
    eu = next(v for k, v in rules.items() if k.startswith("EU"))
    assert "NO" in eu[0].split() and len(eu[0].split()) == 30
    assert eu[3:] == ("ECB", 800, "0=4000", "EUR")
    uk = next(v for k, v in rules.items() if k.startswith("UK"))
    assert uk[3:] == ("BOE", 800, "0=4000;100000=7000;1000000=10000", "GBP")
    assert rules["New York State Freelance Isn't Free Act"][2] == "days"
    assert rules["Seattle Independent Contractor Protections Ordinance"][1:3] == \
        ("Seattle", "calendar_year")
    assert rates == [("BOE", 11, "2025-08-07"), ("ECB", 18, "2025-06-11")]


def test_0013_indexes_open_and_settled_installments_and_keeps_them(data_folder: Path) -> None:
    path = _restore_fixture(FIXTURES / "schema_0012.sql", data_folder)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO installment (engagement_id, due_on, amount_minor, currency, status, "
                "created_at, updated_at) SELECT id, '2026-01-31', 5000, 'EUR', 'planned', "
                "created_at, updated_at FROM engagement")
    con.commit()
    before = con.execute("SELECT id, status, due_on, paid_minor FROM installment "
                         "ORDER BY id").fetchall()
    con.close()
    open_store(data_folder).store.close()
    con = sqlite3.connect(path)
    after = con.execute("SELECT id, status, due_on, paid_minor FROM installment "
                        "ORDER BY id").fetchall()
    partial = dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                               "name IN ('ix_installment_open', 'ix_installment_settled')"))
    plan = " ".join(r[3] for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM installment "
        "WHERE status IN ('planned', 'part_paid') AND due_on < '2027-01-01'"))
    con.close()
    assert before and after == before
    assert "WHERE status IN ('planned', 'part_paid')" in partial["ix_installment_open"]
    assert "NOT IN ('planned', 'part_paid', 'cancelled')" in partial["ix_installment_settled"]
    assert "ix_installment_open" in plan


def test_0014_marks_installments_of_binding_engagements_and_keeps_them_marked(
        data_folder: Path) -> None:
    path = _restore_fixture(FIXTURES / "schema_0013.sql", data_folder)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO installment (engagement_id, due_on, amount_minor, currency, status, "
                "created_at, updated_at) SELECT id, '2026-01-31', 5000, 'EUR', 'planned', "
                "created_at, updated_at FROM engagement")
    con.commit()
    before = con.execute("SELECT id, version, updated_at FROM installment ORDER BY id").fetchall()
    con.close()
    open_store(data_folder).store.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = ON")

    def flags() -> dict[str, set[int]]:
        found: dict[str, set[int]] = {}
        for status, binding in con.execute(
                "SELECT e.status, i.binding FROM installment i JOIN engagement e "
                "ON e.id = i.engagement_id"):
            found.setdefault(status, set()).add(binding)
        return found

    upgraded = flags()
    assert upgraded == {"signed": {1}, "completed": {1}, "terminated": {1}, "draft": {0},
                        "in_review": {0}, "cancelled": {0}}
    assert con.execute("SELECT id, version, updated_at FROM installment "
                       "ORDER BY id").fetchall() == before  # the flag is not an edit
    draft = con.execute("SELECT id FROM engagement WHERE status = 'draft'").fetchone()[0]
    signed = con.execute("SELECT id FROM engagement WHERE status = 'signed'").fetchone()[0]

    def binding_of(engagement_id: int) -> set[int]:
        return {r[0] for r in con.execute("SELECT binding FROM installment "
                                          "WHERE engagement_id = ?", (engagement_id,))}

    con.execute("UPDATE engagement SET status = 'signed' WHERE id = ?", (draft,))
    assert binding_of(draft) == {1}
    con.execute("UPDATE engagement SET status = 'completed' WHERE id = ?", (draft,))
    assert binding_of(draft) == {1}
    con.execute("UPDATE engagement SET status = 'cancelled' WHERE id = ?", (signed,))
    assert binding_of(signed) == {0}
    con.execute("UPDATE engagement SET status = 'draft' WHERE id = ?", (draft,))
    assert binding_of(draft) == {0}
    con.execute("UPDATE engagement SET status = 'terminated' WHERE id = ?", (draft,))
    for engagement_id, binding in ((draft, 1), (signed, 0)):
        con.execute("INSERT INTO installment (engagement_id, due_on, amount_minor, currency, "
                    "status, binding, created_at, updated_at) VALUES (?, '2026-03-31', 100, "
                    "'EUR', 'planned', ?, '2026-03-01 00:00:00', '2026-03-01 00:00:00')",
                    (engagement_id, 1 - binding))  # the wrong flag, put right at once
        assert binding_of(engagement_id) == {binding}
    moved = con.execute("SELECT id FROM installment WHERE engagement_id = ?", (draft,)).fetchone()
    con.execute("UPDATE installment SET engagement_id = ? WHERE id = ?", (signed, moved[0]))
    con.execute("UPDATE installment SET binding = 1 WHERE engagement_id = ?", (signed,))
    assert binding_of(signed) == {0} and binding_of(draft) == {1}
    plan = " ".join(r[3] for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT currency, count(*) FROM installment WHERE binding = 1 AND "
        "status IN ('planned', 'part_paid') AND currency = 'EUR' AND due_on < '2027-01-01'"))
    con.close()
    assert "ix_installment_owed" in plan


def test_a_team_database_has_the_installments_partial_indexes(store_on_server) -> None:  # type: ignore[no-untyped-def]
    """The models name these conditions for SQLite only; the migrations make them here too."""
    from sqlalchemy import text

    with store_on_server.reading() as session:
        made = dict(session.execute(text(  # type: ignore[arg-type]
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'installment'")).all())
    where = {name: made[name].partition(" WHERE ")[2] for name in (
        "ix_installment_open", "ix_installment_settled", "ix_installment_owed",
        "ix_installment_owed_by_day")}
    assert all("'planned'" in condition and "'part_paid'" in condition
               for condition in where.values()), where
    settled = where["ix_installment_settled"]
    assert "<> ALL" in settled and "'cancelled'" in settled  # PostgreSQL's way of NOT IN
    assert all("binding" in where[name] for name in ("ix_installment_owed",
                                                      "ix_installment_owed_by_day"))
    assert "binding" not in where["ix_installment_open"]


def test_0014_keeps_binding_on_a_team_database_without_touching_who_saved_it(
        store_on_server) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from sqlalchemy import text

    from desktop.core.schedule import Milestone, milestone_schedule
    from desktop.store import engagements, payments
    from tests.factories import make_contractor, make_engagement

    store = store_on_server
    who = contractors.create(store, make_contractor()).id
    record = engagements.create(store, make_engagement(who))
    plan = milestone_schedule(100_000, "USD", [Milestone("Half", dt.date(2026, 3, 1), percent=50),
                                               Milestone("Rest", dt.date(2026, 4, 1),
                                                         percent=50)], net_days=14)
    rows = payments.replace_schedule(store, record.id, plan, record.version)

    def seen() -> list[tuple[bool, int, str]]:
        with store.reading() as session:
            return [tuple(r) for r in session.execute(text(  # type: ignore[misc]
                "SELECT binding, version, changed_by FROM installment WHERE engagement_id = "
                ":e ORDER BY id"), {"e": record.id})]

    assert [r[0] for r in seen()] == [False, False]
    with store.transaction() as session:  # saved last by someone else
        session.execute(text("ALTER TABLE installment DISABLE TRIGGER crewbook_changed_by"))
        session.execute(text("UPDATE installment SET changed_by = 'ana_books' "
                             "WHERE engagement_id = :e"), {"e": record.id})
        session.execute(text("ALTER TABLE installment ENABLE TRIGGER crewbook_changed_by"))
    kept = [(r[1], r[2]) for r in seen()]
    record = engagements.get(store, record.id)
    for status in ("in_review", "signed"):
        record = engagements.move(store, record.id, status, record.version, on=dt.date(2026, 2, 1),
                                  by="Owner")
    assert seen() == [(True, *k) for k in kept]
    payments.record_payment(store, rows[0].id, amount_minor=50_000, currency="USD",
                            paid_on=dt.date(2026, 3, 10), expected_version=rows[0].version)
    added = payments.replace_schedule(store, record.id, plan, engagements.get(
        store, record.id).version)
    assert rows[1].id not in {r.id for r in added}  # the unpaid one is written anew
    assert all(r[0] for r in seen()) and len(seen()) == 2
    record = engagements.move(store, record.id, "terminated", engagements.get(
        store, record.id).version, on=dt.date(2026, 3, 15), reason="Budget cut")
    assert all(r[0] for r in seen())
