"""Exports, reports, the import's error report and the settings file are private (0600) whatever
the umask; a file that already exists keeps its mode."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store import demo
from desktop.store.private_file import private_file
from desktop.store.session import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


@pytest.fixture
def demo_folder(data_folder: Path) -> Path:
    opened = open_store(data_folder)
    demo.load_demo(opened.store, today=dt.date.today())
    opened.store.close()
    return data_folder


class TestPrivateFile:
    def test_a_new_file_is_0600(self, umask: int, tmp_path: Path) -> None:
        target = tmp_path / "out.csv"
        with private_file(target, "w", encoding="utf-8") as out:
            out.write("a,b\n")
        assert mode(target) == 0o600 and target.read_text() == "a,b\n"
        assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]

    @pytest.mark.parametrize("existing", [0o644, 0o666, 0o640, 0o400])
    def test_an_existing_file_keeps_its_mode(self, umask: int, tmp_path: Path,
                                             existing: int) -> None:
        target = tmp_path / "out.pdf"
        target.write_bytes(b"old")
        target.chmod(existing)
        with private_file(target, "wb") as out:
            out.write(b"new")
        assert mode(target) == existing and target.read_bytes() == b"new"

    def test_a_failure_leaves_the_old_file_and_no_partial(self, tmp_path: Path) -> None:
        target = tmp_path / "out.csv"
        target.write_text("old")
        with pytest.raises(RuntimeError), private_file(target) as out:
            out.write("half")
            raise RuntimeError("disk on fire")
        assert target.read_text() == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def _outputs(cli, folder: Path, out: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    """Every kind of file the command line writes for the user, written into ``out``."""
    year = str(dt.date.today().year)
    engagement = json.loads(cli("engagements", "list", "--format", "json")[1])[0]["id"]
    commands = [
        ("export", "contractors", "-o", str(out / "contractors.csv"), "--excel"),
        ("export", "payments", "-o", str(out / "payments.csv")),
        ("report", "payments", "--tax-year", year, "-o", str(out / "payments.pdf"),
         "--csv", str(out / "payments-report.csv")),
        ("report", "statement", "1", "--tax-year", year, "-o", str(out / "statement.pdf"),
         "--csv", str(out / "statement.csv")),
        ("report", "tax-year", year, "-o", str(out / "tax.pdf"), "--csv", str(out / "tax.csv")),
        ("report", "outstanding", "-o", str(out / "outstanding.pdf"),
         "--csv", str(out / "outstanding.csv")),
        ("report", "planner", "-o", str(out / "plan.pdf")),
        ("risk", "summary", str(engagement), "-o", str(out / "risk.pdf")),
    ]
    for command in commands:
        code, _, err = cli(*command)
        assert code == 0, (command, err)
    return sorted(out.iterdir())


def test_every_export_and_report_is_0600(cli, demo_folder: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         umask: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    written = _outputs(cli, demo_folder, out)
    assert len(written) == 12
    assert {p.name: oct(mode(p)) for p in written} == {p.name: oct(0o600) for p in written}


def test_files_written_over_keep_their_mode(cli, demo_folder: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            umask: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for path in _outputs(cli, demo_folder, out):
        path.chmod(0o644)
    written = _outputs(cli, demo_folder, out)
    assert {p.name: oct(mode(p)) for p in written} == {p.name: oct(0o644) for p in written}


def test_the_import_error_report_is_0600(qtbot, runner, tmp_path: Path, umask: int,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from desktop.io import contractor_import as plan_import
    from desktop.io.import_table import read_file
    from desktop.ui.import_wizard import ImportWizard

    source = FIXTURES / "handmade.csv"
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    wizard = ImportWizard(runner, settings, path=source)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: not wizard.file_page.task.running, timeout=10_000)
    table = read_file(source)
    wizard.plan = plan_import.analyse(table, plan_import.default_choices(table), {})
    report = tmp_path / "errors.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(report), ""))
    wizard.import_page.save_report()
    assert report.read_bytes().startswith(b"\xef\xbb\xbf")
    assert mode(report) == 0o600


class TestSettingsFile:
    def test_created_0600_before_qt_writes_it(self, qapp, umask: int) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QSettings

        from desktop.ui.app import make_application

        make_application([])
        path = Path(QSettings().fileName())
        assert mode(path) == 0o600
        settings = QSettings()
        settings.setValue("import/folder", "/home/someone/clients")
        settings.sync()
        assert settings.status() == QSettings.Status.NoError
        assert mode(path) == 0o600 and "clients" in path.read_text()

    def test_an_older_wider_file_is_made_0600(self, qapp) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QSettings

        from desktop.ui.app import make_application

        make_application([])
        path = Path(QSettings().fileName())
        path.chmod(0o644)
        make_application([])
        assert mode(path) == 0o600

    def test_an_ini_file_given_to_it(self, tmp_path: Path, umask: int) -> None:
        from PySide6.QtCore import QSettings

        from desktop.ui.settings_file import keep_private

        settings = QSettings(str(tmp_path / "new" / "ui.ini"), QSettings.Format.IniFormat)
        keep_private(settings)
        settings.setValue("window/geometry", b"x")
        settings.sync()
        assert mode(tmp_path / "new" / "ui.ini") == 0o600
        assert mode(tmp_path / "new") == 0o700
