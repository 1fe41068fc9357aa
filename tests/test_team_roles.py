"""Roles on a team database, enforced by the server: an owner does everything, a bookkeeper
records payments and schedules but cannot sign or edit contractors, a viewer only reads; a
refusal reaches the user as one clear line."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.schedule import Milestone, milestone_schedule
from desktop.store import contractors, engagements, payments
from desktop.store.disk_errors import NotAllowed
from desktop.store.server import open_server
from desktop.store.team import Role, role_of
from tests.factories import make_contractor, make_engagement

D = dt.date


@pytest.fixture
def team(pg_server, cli):  # type: ignore[no-untyped-def]
    """A team database set up by `crewbook team init`, with Ana the bookkeeper and Vic the
    viewer added by `crewbook team add-user`, and an engagement in review."""
    name = pg_server.create_database("roles_team")
    admin_url = pg_server.url(name)
    code, out, err = cli("team", "init", admin_url)
    assert code == 0, err
    assert "ready for a team" in out
    for person, role in (("ana_books", "bookkeeper"), ("vic_views", "viewer")):
        code, out, err = cli("--database", admin_url, "team", "add-user", person, "--role", role)
        assert code == 0, err
    owner = open_server(admin_url)
    who = contractors.create(owner, make_contractor()).id
    record = engagements.create(owner, make_engagement(who))
    record = engagements.move(owner, record.id, "in_review", record.version, on=D(2026, 2, 20))
    yield pg_server, name, owner, record
    owner.close()
    pg_server.drop_database(name)


def as_user(team, user: str):  # type: ignore[no-untyped-def]
    server, name, _owner, _record = team
    return open_server(server.url(name, user=user))


def test_each_person_has_their_role(team, cli) -> None:  # type: ignore[no-untyped-def]
    server, name, owner, _ = team
    assert role_of(owner) is Role.OWNER
    for user, role in (("ana_books", Role.BOOKKEEPER), ("vic_views", Role.VIEWER)):
        store = as_user(team, user)
        assert role_of(store) is role
        store.close()
    assert cli("--database", server.url(name, user="ana_books"), "team", "whoami")[1] == "bookkeeper\n"


def test_a_bookkeeper_keeps_the_schedule_and_payments_but_cannot_sign(team) -> None:  # type: ignore[no-untyped-def]
    _server, _name, owner, record = team
    books = as_user(team, "ana_books")
    try:
        plan = milestone_schedule(100_000, "USD", [Milestone("All", D(2026, 3, 1), percent=100)],
                                  net_days=14)
        rows = payments.replace_schedule(books, record.id, plan, record.version)
        installment = rows[0]
        payments.record_payment(books, installment.id, amount_minor=100_000, currency="USD",
                                paid_on=D(2026, 3, 10), expected_version=installment.version)
        fresh = engagements.get(books, record.id)
        with pytest.raises(NotAllowed) as refused:
            engagements.move(books, record.id, "signed", fresh.version, on=D(2026, 3, 1), by="Ana")
        assert "\n" not in str(refused.value) and "role" in str(refused.value)
        with pytest.raises(NotAllowed):
            contractors.create(books, make_contractor(display_name="Not hers to add"))
        assert engagements.get(owner, record.id).status.value == "in_review"
    finally:
        books.close()


def test_a_viewer_reads_everything_and_writes_nothing(team, cli) -> None:  # type: ignore[no-untyped-def]
    server, name, owner, record = team
    viewer = as_user(team, "vic_views")
    try:
        assert [r.id for r in contractors.list_rows(viewer)] == [r.id for r in contractors.list_rows(owner)]
        with pytest.raises(NotAllowed):
            contractors.create(viewer, make_contractor(display_name="Nope"))
    finally:
        viewer.close()
    code, out, err = cli("--database", server.url(name, user="vic_views"), "contractors", "add",
                         "--name", "Nope")
    assert (code, out) == (1, "")
    assert err.startswith("crewbook: error: Your role on the team database does not allow this")


def test_team_commands_need_a_team_database(cli) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = cli("team", "whoami")
    assert code == 1 and "--database" in err


def test_only_the_owner_upgrades_the_schema(team) -> None:  # type: ignore[no-untyped-def]
    from desktop.store.errors import StoreError

    _server, _name, owner, _record = team
    from alembic import command

    from desktop.store import migrate

    with owner.engine.begin() as conn:  # as if this build were newer than the database
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with pytest.raises(StoreError, match="only its owner can do"):
        as_user(team, "ana_books")
    again = as_user(team, "crewbook_admin")  # the owner's start upgrades it
    assert contractors.list_rows(again)
    again.close()


def test_a_dropped_connection_is_reconnected_for_the_next_read_and_a_broken_write_is_not_saved(
        team) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from desktop.store.disk_errors import ConnectionLost

    server, _name, owner, _record = team
    before = len(contractors.list_rows(owner))

    def cut_everyone() -> None:
        server.sql("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = 'roles_team' AND pid <> pg_backend_pid()")

    cut_everyone()
    assert len(contractors.list_rows(owner)) == before  # the pool noticed and reconnected
    with pytest.raises(ConnectionLost, match="was not saved"), owner.transaction() as session:
        contractors.create(owner, make_contractor(display_name="Lost in transit"))
        cut_everyone()
        session.execute(text("SELECT 1"))
    assert "Lost in transit" not in {r.display_name for r in contractors.list_rows(owner)}


def test_the_window_greys_out_what_a_bookkeeper_cannot_do(qtbot, team, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from desktop.ui.main_window import MainWindow
    from tests.conftest import settle

    books = as_user(team, "ana_books")
    window = MainWindow(books, None, QSettings(str(tmp_path / "ui.ini"),
                                               QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.load()
    settle(qtbot, window.runner)
    assert window.roster.new_action.isEnabled()
    window.apply_role(role_of(books))
    assert window.where_label.text().endswith("(bookkeeper)")
    assert not window.roster.new_action.isEnabled()
    assert not window.import_action.isEnabled() and not window.rules_action.isEnabled()
    assert not window.thresholds_action.isEnabled() and not window.profile_action.isEnabled()
    assert not window.load_demo_action.isEnabled()
    pane = window.engagements.pane
    assert pane.may_pay and not pane.may_manage
    assert not any(b.isEnabled() for b in pane.move_buttons.values())
    assert not pane.log_button.isEnabled()
    planner = window.planner
    assert not planner.new_button.isEnabled() and not planner.rates_button.isEnabled()
    assert not planner.edit_button.isEnabled() and not planner.add_quote_button.isEnabled()

    # The review, exit plan and documents open to be read, with nothing to change.
    from desktop.ui import engagement_pane

    opened: dict[str, bool] = {}
    for name in ("ReviewDialog", "ExitPlanDialog", "DocumentsDialog"):
        dialog_class = getattr(engagement_pane, name)
        monkeypatch.setattr(dialog_class, "exec", lambda self, n=name: opened.setdefault(
            n, self.may_edit))
    window.engagements.reload(select_id=team[3].id)
    settle(qtbot, window.runner)
    for open_it in (pane.open_review, pane.open_exit_plan, pane.open_documents):
        open_it()
    assert opened == {"ReviewDialog": False, "ExitPlanDialog": False, "DocumentsDialog": False}
    window.close()
    window.runner.wait()
    books.forbid_writes_on(None)
    books.close()
