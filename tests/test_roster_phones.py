"""The roster tab shows phone numbers as dialled from the business's country, and follows it
when the business profile changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.core.profile import ProfileData
from desktop.operations import settings as settings_ops
from desktop.store import contractors
from desktop.store.db import Store
from desktop.ui.roster_model import Col
from desktop.ui.roster_view import RosterView
from desktop.ui.runner import Runner
from tests.conftest import settle
from tests.factories import make_contractor


def test_numbers_follow_the_business_country(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    jonas = contractors.create(store, make_contractor(display_name="Jonas Weber",
                                                      phone="030 123456 x12", country="DE"))
    runner = Runner(store)  # made after the contractor: it bans writes on this thread
    try:
        view = RosterView(runner, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.roster_loaded, timeout=10_000):
            view.load()
        settle(qtbot, runner)
        assert view.model.index(0, Col.PHONE).data() == "+49 30 123456 ext. 12"
        view.select(jonas.id)
        qtbot.waitUntil(lambda: "Jonas Weber" in view.detail.toPlainText())
        assert "+49 30 123456 ext. 12" in view.detail.toPlainText()

        runner.write(settings_ops.save_profile, ProfileData(country="DE", base_currency="EUR"), 0)
        settle(qtbot, runner)
        assert view.home.country == "DE"
        assert view.model.index(0, Col.PHONE).data() == "030 123456 ext. 12"
        assert "030 123456 ext. 12" in view.detail.toPlainText()
    finally:
        runner.wait()
        store.forbid_writes_on(None)
