"""Refresh resources/screenshot.png, the README's picture of the main window.

    QT_QPA_PLATFORM=offscreen python tests/make_screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from desktop.store import demo
from desktop.store.session import open_store
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow

OUT = Path(__file__).parents[1] / "resources" / "screenshot.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        opened = open_store(folder)
        demo.load_demo(opened.store)
        window = MainWindow(opened.store, folder,
                            QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
        window.resize(1320, 760)
        window.show()

        def shoot(_count: int) -> None:
            window.tabs.setCurrentWidget(window.splitter)
            names = [window.model.row_at(r).display_name for r in range(window.model.rowCount())]
            window.table.selectRow(names.index("Maya Okafor"))
            QTimer.singleShot(150, lambda: (window.grab().save(str(OUT)), app.quit()))

        window.roster_loaded.connect(shoot)
        window.load()
        app.exec()
        opened.store.close()
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
