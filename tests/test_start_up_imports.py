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


def _loaded_after(module: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    code = (f"import sys, {module}\n"
            f"heavy = {heavy!r}\n"
            "print('\\n'.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize("module", ["desktop.ui.main_window", "desktop.ui.app"])
def test_start_up_does_not_import_reportlab(module: str) -> None:
    offending = _loaded_after(module)
    assert not offending, f"importing {module} loads: {', '.join(offending)}"


@pytest.mark.parametrize("module", ["desktop.launch", "desktop.ui.app", "desktop.ui.main_window"])
def test_what_a_bare_start_runs_before_the_window_shows_loads_no_database_layer(
        module: str) -> None:
    offending = _loaded_after(module, ("sqlalchemy", "alembic", "reportlab", "babel"))
    assert not offending, f"importing {module} loads: {', '.join(offending)}"
