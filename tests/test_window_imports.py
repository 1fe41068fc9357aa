"""A window that has opened, loaded its book and shown every tab has not loaded ReportLab,
openpyxl or icalendar: a PDF, a workbook import or a calendar file pays for them when asked.
A fresh interpreter builds the window, since this test session has long since imported them."""

from __future__ import annotations

from pathlib import Path

from tests.test_start_up_imports import fresh_python

HEAVY = ("reportlab", "openpyxl", "icalendar")

SCRIPT = """
import sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from desktop.store import demo
from desktop.store.models import Engagement
from desktop.store.session import open_store
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow

app = make_application([])
folder = Path(sys.argv[1])
opened = open_store(folder)
demo.load_demo(opened.store)
window = MainWindow(opened.store, folder, QSettings(str(folder / "ui.ini"),
                                                    QSettings.Format.IniFormat))

def settle():
    deadline = time.monotonic() + 60
    while not (window.roster.model.complete and window.runner.idle):
        assert time.monotonic() < deadline, "the window never finished loading"
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()

window.show()
window.load()
settle()
for index in range(window.tabs.count()):
    window.tabs.setCurrentIndex(index)
    settle()
with opened.store.reading() as session:
    engagement = session.scalar(select(Engagement.id).order_by(Engagement.id))
window.open_engagement(engagement)
settle()
heavy = {HEAVY!r}
print("\\n".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy)))
print("tabs", window.tabs.count(), "engagement", engagement, file=sys.stderr)
window.close()
opened.store.close()
"""


def test_an_open_window_has_not_loaded_reportlab_openpyxl_or_icalendar(tmp_path: Path) -> None:
    result = fresh_python(SCRIPT.replace("{HEAVY!r}", repr(HEAVY)), str(tmp_path))
    assert "tabs 5 engagement" in result.stderr  # every tab and an engagement were shown
    offending = result.stdout.split()
    assert not offending, f"the open window has loaded: {', '.join(offending)}"
