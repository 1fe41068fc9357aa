"""Letting a well-rated contractor go asks why first; finished work gets rated."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from desktop.operations.letting_go import AtStake
from desktop.ui import at_stake
from desktop.ui.at_stake import AtStakeDialog, reason_to_let_go
from desktop.ui.rating_dialog import RatingDialog

STAKE = AtStake("Maya", ("Maya is rated 4.5 / 5 over 2 engagements.",
                         "We paid them on time 75% of the time (late ones by 6 days on average).",
                         "Why is this happening?"))


def test_nothing_is_asked_when_nothing_is_at_stake(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert reason_to_let_go(None, None, "Archive") == ""


def test_the_dialog_shows_what_is_at_stake_and_needs_a_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AtStakeDialog(STAKE, "Archive")
    qtbot.addWidget(dialog)
    shown = dialog.layout().itemAt(0).widget().text()
    assert "4.5 / 5" in shown and "75%" in shown and "6 days" in shown
    assert dialog.windowTitle() == "Archive Maya?"
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
    assert reason_to_let_go(None, STAKE, "Terminate") == "Budget cut"
    monkeypatch.setattr(AtStakeDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert at_stake.reason_to_let_go(None, STAKE, "Terminate") is None


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
