"""Help ▸ About: the app's name, version and where its data lives, and a Licences tab with
Crewbook's own licence and every third-party notice it ships with, read from the files in
desktop.resources/licenses (the bundle adds the licences of the system libraries it carries)."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QIcon, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.ui.colours import muted
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.screen_fit import fit_on_screen

DESCRIPTION = QT_TR_NOOP("Keep the people you outsource work to, their contracts and their "
                         "payments in order.")
# Hand-written notices first (Crewbook, Qt, …), then the Python packages, then what a bundle
# adds for the libraries it took from the build system.
INDEXES = ("notices.json", "python-packages.json", "system.json")
PLATFORM_NAMES = {"linux": "Linux", "win32": "Windows", "darwin": "macOS"}


@dataclass(frozen=True)
class Notice:
    name: str
    licence: str
    file: str
    note: str = ""

    def label(self) -> str:
        """Two lines in the list: the software, then its licence."""
        return f"{self.name}\n{self.licence}"


def licences_folder() -> Traversable:
    return files("desktop.resources") / "licenses"


def notices(folder: Traversable | None = None) -> list[Notice]:
    """Every notice the installed copy ships, in the order the Licences tab lists them."""
    folder = folder or licences_folder()
    found: list[Notice] = []
    for index in INDEXES:
        entry_file = folder / index
        if not entry_file.is_file():
            continue  # system.json is only in a bundle
        for entry in json.loads(entry_file.read_text("utf-8")):
            found.append(Notice(entry["name"], entry["licence"], entry["file"],
                                _note(entry)))
    return found


def _note(entry: dict[str, object]) -> str:
    notes = []
    platforms = entry.get("platforms")
    if isinstance(platforms, list) and 0 < len(platforms) < len(PLATFORM_NAMES):
        names = [PLATFORM_NAMES.get(str(p), str(p)) for p in platforms]
        notes.append(tr("only on {platform}").format(platform=names[0]) if len(names) == 1
                     else tr("only on {platforms} and {last}").format(
                         platforms=", ".join(names[:-1]), last=names[-1]))
    if entry.get("note"):
        notes.append(str(entry["note"]))
    return "; ".join(notes)


def notice_text(notice: Notice, folder: Traversable | None = None) -> str:
    folder = folder or licences_folder()
    path = folder
    for part in notice.file.split("/"):
        path = path / part
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return tr("The notice file {file} could not be read: {error}").format(
            file=notice.file, error=error)


def qt_versions() -> str:
    return f"Qt {qVersion()}, Qt for Python {PySide6.__version__}"


class AboutDialog(QDialog):
    """The About box: an About tab as the old message box had it, and a Licences tab."""

    def __init__(self, folder: Path | None, database: str, parent: QWidget | None = None):
        """``folder``: the data folder of a local book; None for a team database, which
        ``database`` then names (``Store.name``)."""
        super().__init__(parent)
        self.setWindowTitle(tr("About {app}").format(app=APP_NAME))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_tab(folder, database), tr("About"))
        self.tabs.addTab(self._licences_tab(), tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        fit_on_screen(self, 980, 640)

    # --- About -----------------------------------------------------------------------------
    def _about_tab(self, folder: Path | None, database: str) -> QWidget:
        page = QWidget()
        icon = QLabel()
        icon.setPixmap(QIcon(str(files("desktop.resources") / "icons" / "crewbook.svg"))
                       .pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        where = tr("Data folder:") if folder is not None else tr("Team database:")
        free = tr("{app} is free software, released under the Apache License 2.0. It uses Qt "
                  "and other third-party software, each under its own licence.")
        self.about_label = QLabel(
            f"<h3>{APP_NAME} {html.escape(__version__)}</h3><p>{tr(DESCRIPTION)}</p>"
            f"<p>{where}<br><code>{html.escape(str(folder or database))}</code></p>"
            f"<p>{free.format(app=APP_NAME)}</p>")
        self.about_label.setWordWrap(True)
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.licences_button = QPushButton(tr("&Licences…"))
        self.licences_button.clicked.connect(lambda: self.tabs.setCurrentIndex(1))
        text = QVBoxLayout()
        text.addWidget(self.about_label)
        row = QHBoxLayout()
        row.addWidget(self.licences_button)
        row.addStretch(1)
        text.addLayout(row)
        text.addStretch(1)
        layout = QHBoxLayout(page)
        layout.addWidget(icon)
        layout.addSpacing(12)
        layout.addLayout(text, 1)
        return page

    # --- Licences --------------------------------------------------------------------------
    def _licences_tab(self) -> QWidget:
        page = QWidget()
        self.intro = QLabel(tr(
            "{app} is released under the Apache License 2.0. It ships with the third-party "
            "software below, each under its own licence; select one to read its notice. This "
            "copy runs {versions}, used under the GNU LGPL 3.0: its notice says where to get "
            "their source code and how to replace them with your own build.").format(
                app=APP_NAME, versions=qt_versions()))
        self.intro.setWordWrap(True)
        self.notices = notices()
        self.notice_list = QListWidget()
        for notice in self.notices:
            item = QListWidgetItem(notice.label())
            item.setToolTip(f"{notice.name}: {notice.licence}"
                            + (f" ({notice.note})" if notice.note else ""))
            self.notice_list.addItem(item)
        self.notice_list.setMinimumWidth(220)
        self.notice_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.notice_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notice_list.setSpacing(2)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        # Notices are laid out for 80 columns; a narrower pane wraps them rather than hide text.
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        reader = QWidget()
        reading = QVBoxLayout(reader)
        reading.setContentsMargins(0, 0, 0, 0)
        reading.addWidget(self.heading)
        reading.addWidget(self.text, 1)
        split = QSplitter()
        split.addWidget(self.notice_list)
        split.addWidget(reader)
        split.setStretchFactor(1, 1)
        split.setSizes([290, 650])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.addWidget(self.intro)
        layout.addWidget(split, 1)
        self.notice_list.currentRowChanged.connect(self.show_notice)
        if self.notices:
            self.notice_list.setCurrentRow(0)
        return page

    def show_notice(self, row: int) -> None:
        if not 0 <= row < len(self.notices):
            self.heading.clear()
            self.text.clear()
            return
        notice = self.notices[row]
        grey = muted(self.palette()).name()
        note = f"<br><span style='color:{grey}'>{html.escape(notice.note)}</span>" \
            if notice.note else ""
        self.heading.setText(f"<b>{html.escape(notice.name)}</b> — "
                             f"{html.escape(notice.licence)}{note}")
        self.text.setPlainText(notice_text(notice))
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def show_licence(self, name: str) -> bool:
        """Open the Licences tab at the notice called ``name``; False if there is none."""
        for row, notice in enumerate(self.notices):
            if notice.name == name:
                self.tabs.setCurrentIndex(1)
                self.notice_list.setCurrentRow(row)
                return True
        return False


def show_about(parent: QWidget, folder: Path | None, database: str) -> None:
    """Help ▸ About: the version, where the data is, and the licences."""
    AboutDialog(folder, database, parent).exec()

