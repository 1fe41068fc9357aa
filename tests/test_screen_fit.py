"""Every window fits a 1366×768 laptop (about 1366×728 once the taskbar is counted, less a
title bar): it opens no larger than the screen and scrolls inside when it must."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QVBoxLayout

from desktop.core.enums import EngagementStatus
from desktop.store import demo, engagements, rules
from desktop.store.db import Store
from desktop.ui.contractor_dialog import ContractorDialog
from desktop.ui.engagement_dialog import EngagementDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.review_dialog import ReviewDialog
from desktop.ui.screen_fit import FRAME_HEIGHT, fit_on_screen, scrolled
from tests.factories import make_engagement
from tests.threads import dialog_runner

SMALL = (1366, 728 - FRAME_HEIGHT)  # the room inside a window on a 1366×768 screen


def fits(widget) -> bool:  # type: ignore[no-untyped-def]
    hint = widget.minimumSizeHint()
    return hint.width() <= SMALL[0] and hint.height() <= SMALL[1]


def test_a_window_opens_no_larger_than_its_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry()
    fit_on_screen(dialog, 10_000, 10_000)
    assert dialog.width() <= room.width() and dialog.height() <= room.height() - FRAME_HEIGHT
    fit_on_screen(dialog, 300, 200)
    assert (dialog.width(), dialog.height()) == (300, 200)


def test_a_form_wider_than_asked_opens_wide_enough_not_to_scroll_sideways(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = QHBoxLayout()
    form.addWidget(QLineEdit(minimumWidth=560))  # a long label in another language, say
    dialog = QDialog()
    qtbot.addWidget(dialog)
    area = scrolled(form)
    QVBoxLayout(dialog).addWidget(area)
    fit_on_screen(dialog, 400, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert 560 < dialog.width() <= dialog.screen().availableGeometry().width()
    assert area.horizontalScrollBar().maximum() == 0


def test_the_editors_and_the_review_fit_a_small_screen(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    demo.load_demo(store)
    record = next(r for r in engagements.list_rows(store) if r.status == "signed")
    for dialog in (EngagementDialog(make_engagement(1), [(1, "Maya")], rules.payment_rules(store)),
                   ContractorDialog(None),
                   ReviewDialog(dialog_runner(store), record.id, dt.date(2026, 12, 4))):
        qtbot.addWidget(dialog)
        assert fits(dialog), (type(dialog).__name__, dialog.minimumSizeHint())


def test_the_main_window_fits_with_a_signed_engagement_open(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                            data_folder: Path,
                                                            tmp_path: Path) -> None:
    demo.load_demo(store)
    window = MainWindow(store, data_folder, QSettings(str(tmp_path / "ui.ini"),
                                                      QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.roster_loaded, timeout=10_000):
        window.load()
    window.tabs.setCurrentWidget(window.engagements)
    signed = next(r.id for r in engagements.list_rows(store)
                  if r.status == EngagementStatus.SIGNED.value)
    window.engagements.reload(select_id=signed)
    qtbot.waitUntil(lambda: window.engagements.pane.record is not None)
    assert fits(window), window.minimumSizeHint()
    window.runner.wait()


def test_every_blocker_is_readable_in_the_pane_on_a_small_screen(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                                data_folder: Path,
                                                                tmp_path: Path) -> None:
    demo.load_demo(store)
    window = MainWindow(store, data_folder, QSettings(str(tmp_path / "ui.ini"),
                                                      QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1366, SMALL[1])
    window.show()
    with qtbot.waitSignal(window.roster_loaded, timeout=10_000):
        window.load()
    window.tabs.setCurrentWidget(window.engagements)
    unreviewed = next(r.id for r in engagements.list_rows(store) if r.title == "Booking app prototype")
    window.engagements.reload(select_id=unreviewed)
    note = window.engagements.pane.gate_note
    qtbot.waitUntil(lambda: note.isVisible())
    assert note.toPlainText().count("•") >= 6
    assert note.verticalScrollBar().maximum() == 0  # nothing cut: the whole list shows
    window.runner.wait()
