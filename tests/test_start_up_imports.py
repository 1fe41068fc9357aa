"""Opening the window must not load ReportLab: PDFs are written on request, and their modules
are imported then (about 0.1 s of every start-up otherwise). A bare start shows the window
before the database layer loads, so what it runs first loads neither SQLAlchemy nor Alembic.
Each check runs a fresh interpreter, since this test session has long since imported them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("reportlab",)


def fresh_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``code`` run to its end, with ``args``, by an interpreter of its own, offscreen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return result


def _loaded_after(module: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    code = (f"import sys, {module}\n"
            f"heavy = {heavy!r}\n"
            "print('\\n'.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))")
    return fresh_python(code).stdout.split()


@pytest.mark.parametrize("module", ["desktop.ui.main_window", "desktop.ui.app"])
def test_start_up_does_not_import_reportlab(module: str) -> None:
    offending = _loaded_after(module)
    assert not offending, f"importing {module} loads: {', '.join(offending)}"


@pytest.mark.parametrize("module", ["desktop.launch", "desktop.ui.app", "desktop.ui.main_window"])
def test_what_a_bare_start_runs_before_the_window_shows_loads_no_database_layer(
        module: str) -> None:
    offending = _loaded_after(module, ("sqlalchemy", "alembic", "reportlab", "babel"))
    assert not offending, f"importing {module} loads: {', '.join(offending)}"


# What only the tabs opened later, the demo roster and a team database need.
LATER = ("desktop.ui.engagements_view", "desktop.ui.planner_view", "desktop.ui.reports_view",
         "desktop.store.demo", "desktop.store.reviews", "sqlalchemy.dialects.postgresql")
FIRST_SCREEN = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from desktop.store.session import open_store
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow

app = make_application([])
folder = Path(sys.argv[1])
opened = open_store(folder)
window = MainWindow(opened.store, folder, QSettings(str(folder / "ui.ini"),
                                                    QSettings.Format.IniFormat))
window.show()
window.load()
deadline = time.monotonic() + 60
while not (window.roster.model.complete and window.runner.idle):
    assert time.monotonic() < deadline, "the window never finished loading"
    app.processEvents()
    time.sleep(0.005)
later = {LATER!r}
print("\\n".join(sorted(m for m in sys.modules if m in later)))
window.close()
opened.store.close()
"""


def test_the_first_screen_of_a_local_book_leaves_the_later_tabs_and_the_demo_unloaded(
        tmp_path: Path) -> None:
    from desktop.store.session import open_store

    open_store(tmp_path).store.close()  # a book made before: opening it migrates nothing
    result = fresh_python(FIRST_SCREEN.replace("{LATER!r}", repr(LATER)), str(tmp_path))
    offending = result.stdout.split()
    assert not offending, f"the first screen has loaded: {', '.join(offending)}"
