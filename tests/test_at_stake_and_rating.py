"""Letting a well-rated contractor go asks why first; finished work gets rated."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from desktop.core.payments import OnTimeRecord
from desktop.store.health import Health, Ratings
from desktop.ui import at_stake
from desktop.ui.at_stake import AtStakeDialog, reason_to_let_go
from desktop.ui.rating_dialog import RatingDialog


def health(average: float | None) -> Health:
    ratings = None if average is None else Ratings(2, average, average, average, average, 2)
    return Health(OnTimeRecord(4, 3, 6.0), {"USD": 10_000}, 2, None, ratings, [])


def test_nothing_is_asked_below_four_stars(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert reason_to_let_go(None, "Maya", "Archive", health(3.75)) == ""
    assert reason_to_let_go(None, "Maya", "Archive", health(None)) == ""


def test_the_dialog_shows_what_is_at_stake_and_needs_a_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AtStakeDialog("Maya", "Archive", health(4.5))
    qtbot.addWidget(dialog)
    shown = dialog.layout().itemAt(0).widget().text()
    assert "4.5 / 5" in shown and "75%" in shown and "6 days" in shown
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("  ")
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("Moving the work in-house")
    assert dialog.ok.isEnabled() and dialog.ok.text() == "Archive"


def test_reason_comes_back_or_none_when_declined(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def accept(self: AtStakeDialog) -> int:
        self.reason.setPlainText(" Budget cut ")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AtStakeDialog, "exec", accept)
    assert reason_to_let_go(None, "Maya", "Terminate", health(4.0)) == "Budget cut"
    monkeypatch.setattr(AtStakeDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert at_stake.reason_to_let_go(None, "Maya", "Terminate", health(5.0)) is None


def test_rating_dialog_gives_scores(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = RatingDialog("Catalogue")
    qtbot.addWidget(dialog)
    dialog.scores["quality"].setValue(5)
    dialog.scores["value"].setValue(9)  # clamped to the 1–5 range
    dialog.rehire.setChecked(False)
    dialog.comment.setText(" Great ")
    rating = dialog.rating()
    assert (rating.quality, rating.timeliness, rating.value, rating.would_rehire,
            rating.comment) == (5, 4, 5, False, "Great")
