"""The risk review dialog: a live score and blockers as you answer, saving through the store,
a signed-off review opened read-only, and the heat map's painting."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel, QRadioButton

from desktop.core.exit_plan import validate_exit_plan
from desktop.core.risk import Answer, Band, Replacement, band
from desktop.core.risk_catalog import QUESTIONS, SCALE, Area, questions_in
from desktop.core.risk_palette import BAND_COLOURS, BAND_TINTS
from desktop.core.validation import FieldError, ValidationError
from desktop.store import contractors, engagements, exit_plans, reviews
from desktop.store.db import Store
from desktop.ui.heat_map import MARKER, HeatMap
from desktop.ui.review_dialog import ReviewDialog
from tests.factories import make_contractor, make_engagement
from tests.threads import dialog_runner, drain

TODAY = dt.date(2026, 11, 25)


def safe(q) -> bool | int:  # type: ignore[no-untyped-def]
    return 1 if q.kind == SCALE else not q.risky


@pytest.fixture
def engagement_id(store: Store) -> int:
    who = contractors.create(store, make_contractor()).id
    return engagements.create(store, make_engagement(
        who, jurisdiction_country="US", jurisdiction_region="TX", amount="500")).id


def open_dialog(qtbot, store: Store, engagement_id: int) -> ReviewDialog:  # type: ignore[no-untyped-def]
    dialog = ReviewDialog(dialog_runner(store), engagement_id, TODAY, reviewer_default="Sam")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def answer_area_safely(dialog: ReviewDialog, area: Area) -> None:
    for q in questions_in(area):
        dialog.rows[q.id].set_value(safe(q))


def test_answering_changes_the_live_band(qtbot, store, engagement_id) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, store, engagement_id)
    tech = dialog.area_labels[Area.TECHNOLOGY]
    # Nothing answered counts as fully risky: likelihood 5 × impact 1 (no data access).
    assert (tech["likelihood"].text(), tech["impact"].text(), tech["band"].text()) == \
        ("5", "1", "Medium")
    assert BAND_COLOURS[Band.MEDIUM] in tech["band"].styleSheet()
    assert dialog.answered_label.text() == \
        "0 of 27 questions answered. The other 27 count as risky until they are answered."

    dialog.tabs.setCurrentIndex(list(Area).index(Area.TECHNOLOGY))
    for q in questions_in(Area.TECHNOLOGY):
        button = dialog.rows[q.id].radios[safe(q)]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert (tech["likelihood"].text(), tech["band"].text()) == ("1", "Low")
    assert dialog.live.areas[Area.TECHNOLOGY].band is Band.LOW
    assert dialog.answered_label.text().startswith("6 of 27 questions answered.")
    assert dialog.tabs.tabText(2) == "Technology and security (6/6)"
    assert ("Technology and security", 1, 1) in dialog.heat_map.points()

    # The impact inputs move the score too.
    assert dialog.live.areas[Area.STRATEGIC].impact == 3  # unknown replacement time
    dialog.replacement.set_value(Replacement.OVER_3_MONTHS.value)
    assert dialog.area_labels[Area.STRATEGIC]["impact"].text() == "5"
    assert dialog.overall_label.text() == "Critical"


def test_a_starred_risky_answer_forces_likelihood_5_and_blocks(qtbot, store, engagement_id) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, store, engagement_id)
    answer_area_safely(dialog, Area.FINANCIAL)
    assert dialog.live.areas[Area.FINANCIAL].likelihood == 1
    assert "pay a name other than" not in dialog.blockers_label.text()

    row = dialog.rows["financial.payee_mismatch"]
    row.radios[True].click()
    assert dialog.area_labels[Area.FINANCIAL]["likelihood"].text() == "5"
    assert row.status.text() == "Warning sign"
    assert dialog.tabs.tabText(3).endswith("⚠")
    starred = [b for b in dialog.live_blockers if b.code == "starred"]
    assert [b.where for b in starred] == ["review.financial.payee_mismatch"]
    assert "pay a name other than the verified person" in dialog.blockers_label.text()
    assert "Fix: Resolve it and change the answer, or do not sign." in \
        dialog.blockers_label.text()

    row.radios[False].click()
    assert dialog.live.areas[Area.FINANCIAL].likelihood == 1
    assert not [b for b in dialog.live_blockers if b.code == "starred"]


def test_blockers_follow_the_copyright_box(qtbot, store, engagement_id) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, store, engagement_id)
    assert dialog.copyrightable.isChecked()  # assumed until said otherwise, as the gate does
    assert "ip_assignment" in {b.code for b in dialog.live_blockers}
    dialog.copyrightable.setChecked(False)
    assert "ip_assignment" not in {b.code for b in dialog.live_blockers}
    assert "no IP assignment" not in dialog.blockers_label.text()


def test_classification_is_stated_plainly(qtbot, store, engagement_id) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, store, engagement_id)
    answer_area_safely(dialog, Area.STRATEGIC)
    text = dialog.classification_label.text()
    assert "Low risk" in text and "Common-law control test" in text
    assert "IRS Publication 15-A" in text
    dialog.rows["strategic.control"].radios[True].click()
    assert "Medium risk" in dialog.classification_label.text()
    assert "Answered Yes to “Do you decide how the contractor does the work" in \
        dialog.classification_label.text()


def test_save_persists_answers_and_evidence(qtbot, store, engagement_id) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, store, engagement_id)
    assert dialog.reviewer.text() == "Sam"
    control = dialog.rows["strategic.control"]
    qtbot.mouseClick(control.radios[False], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(control.evidence, "Read the Slack thread")
    dialog.rows["operational.trial_quality"].set_value(2)
    dialog.rows["technology.mfa"].evidence.setText("Will check on Monday")  # evidence only
    dialog.replacement.set_value(Replacement.WEEKS_1_4.value)
    dialog.hardness.set_value(4)
    dialog.copyrightable.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    drain(dialog.runner)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = reviews.latest(store, engagement_id)
    assert saved is not None and saved == dialog.saved
    assert saved.answers == {
        "strategic.control": Answer(False, "Read the Slack thread"),
        "operational.trial_quality": Answer(2, ""),
        "technology.mfa": Answer(None, "Will check on Monday"),
    }
    assert (saved.replacement, saved.deadline_hardness, saved.copyrightable, saved.reviewer) == \
        (Replacement.WEEKS_1_4, 4, False, "Sam")

    # Opened again, it shows what was saved and updates the same record.
    again = open_dialog(qtbot, store, engagement_id)
    assert again.rows["strategic.control"].value() is False
    assert again.rows["strategic.control"].evidence.text() == "Read the Slack thread"
    assert again.rows["operational.trial_quality"].scale.currentText() == "2"  # type: ignore[union-attr]
    assert again.hardness_value() == 4 and not again.copyrightable.isChecked()
    again.accept()
    drain(again.runner)
    second = reviews.latest(store, engagement_id)
    assert second is not None
    assert (second.id, second.version) == (saved.id, saved.version + 1)


def test_a_save_made_elsewhere_is_not_overwritten(qtbot, store, engagement_id, conflicts) -> None:  # type: ignore[no-untyped-def]
    asked = conflicts.asked
    first = open_dialog(qtbot, store, engagement_id)
    other = open_dialog(qtbot, store, engagement_id)
    other.rows["strategic.control"].set_value(False)
    other.rows["operational.trial_quality"].set_value(2)
    other.accept()
    drain(other.runner)
    first.rows["strategic.control"].set_value(True)
    first.accept()
    drain(first.runner)
    assert len(asked) == 1 and asked[0].startswith("The risk review of “")
    assert "• “Do you decide how the contractor does the work" in asked[0]
    assert "yours “yes”, theirs “no”" in asked[0]
    assert first.result() != QDialog.DialogCode.Accepted and first.saved is None
    latest = reviews.latest(store, engagement_id)
    assert latest is not None and latest.answers["strategic.control"].value is False
    # Keeping theirs shows their answers in the form, and says the edit was not saved.
    assert first.rows["strategic.control"].value() is False
    assert first.rows["operational.trial_quality"].value() == 2
    assert "your edit was not saved" in first.theirs_line.text()

    again = open_dialog(qtbot, store, engagement_id)  # someone saves first once more
    again.rows["operational.trial_quality"].set_value(4)
    again.accept()
    drain(again.runner)
    first.rows["strategic.control"].set_value(True)
    first.accept()
    drain(first.runner)
    assert len(asked) == 2 and first.result() == QDialog.DialogCode.Accepted
    latest = reviews.latest(store, engagement_id)
    assert latest is not None and latest.answers["strategic.control"].value is True
    assert latest.answers["operational.trial_quality"].value == 4  # theirs kept


def test_a_rejected_save_is_shown(qtbot, monkeypatch, store, engagement_id) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, store, engagement_id)

    def refuse(*_a, **_k):  # type: ignore[no-untyped-def]
        raise ValidationError([FieldError("strategic.control", "needs a yes or no answer")])

    monkeypatch.setattr(reviews, "save", refuse)
    dialog.accept()
    drain(dialog.runner)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == ("Not saved: “Do you decide how the contractor does the "
                                         "work — their hours, methods, tools or where they work — "
                                         "rather than only what the finished result must be?” "
                                         "needs a yes or no answer.")
    assert dialog.result() != QDialog.DialogCode.Accepted


@pytest.fixture
def signed_id(store: Store) -> int:
    """An engagement signed on TODAY, which froze its review."""
    who = contractors.create(store, make_contractor(identity_verified_on="2026-11-01")).id
    record = engagements.create(store, make_engagement(
        who, jurisdiction_country="US", jurisdiction_region="TX", ip_assignment_signed="yes",
        amount="500"))
    record = engagements.move(store, record.id, "in_review", record.version, on=TODAY)
    answers = {q.id: Answer(safe(q), "checked") for q in QUESTIONS}
    reviews.save(store, record.id, answers=answers, replacement=Replacement.UNDER_WEEK,
                 deadline_hardness=2, copyrightable=True, reviewer="Ana", expected_version=None)
    exit_plans.save(store, record.id, validate_exit_plan({
        "for_cause": True, "handover_work": "Files", "data_disposition": "destroy",
        "access_revocation": "Drive"}), None)
    # The review and the plan are part of the engagement: sign the version they left.
    reviews.sign(store, record.id, engagements.get(store, record.id).version, on=TODAY, by="Ana")
    return record.id


def test_a_signed_off_review_opens_read_only(qtbot, store, signed_id) -> None:  # type: ignore[no-untyped-def]
    frozen = reviews.latest(store, signed_id)
    assert frozen is not None and frozen.frozen_at is not None
    dialog = open_dialog(qtbot, store, signed_id)
    assert dialog.read_only and dialog.frozen_banner.isVisible()
    assert "signed off on" in dialog.frozen_line.text() and "read-only" in \
        dialog.frozen_line.text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.rows["strategic.control"].controls.isEnabled()
    assert dialog.rows["strategic.control"].evidence.isReadOnly()
    assert not dialog.replacement.isEnabled() and dialog.reviewer.isReadOnly()
    assert dialog.reviewer.text() == "Ana"
    dialog.accept()  # Enter on a read-only review saves nothing
    drain(dialog.runner)
    assert reviews.latest(store, signed_id) == frozen

    qtbot.mouseClick(dialog.new_review_button, Qt.MouseButton.LeftButton)
    assert not dialog.read_only and dialog.save_button.isEnabled()
    assert not dialog.new_review_button.isVisible()
    assert dialog.reviewer.text() == "Sam"
    assert dialog.rows["strategic.control"].value() is False  # copied from the signed one
    dialog.rows["strategic.control"].set_value(True)
    dialog.accept()
    drain(dialog.runner)
    new = reviews.latest(store, signed_id)
    assert new is not None and new.id != frozen.id and new.frozen_at is None
    assert new.answers["strategic.control"] == Answer(True, "checked")
    assert new.answers["financial.cost_cap"] == frozen.answers["financial.cost_cap"]


# --- the heat map ---------------------------------------------------------------------------
def pixel(image, point) -> str:  # type: ignore[no-untyped-def]
    ratio = image.devicePixelRatio()
    return QColor(image.pixel(int(point.x() * ratio), int(point.y() * ratio))).name()


def test_heat_map_tints_cells_by_band_and_draws_markers(qtbot) -> None:  # type: ignore[no-untyped-def]
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.set_points([("Strategic", 5, 4), ("Operational", 2, 2)])
    heat.resize(heat.sizeHint())
    image = heat.grab().toImage()
    for lik, imp in ((1, 1), (3, 3), (4, 3), (5, 5), (1, 5)):
        corner = heat.cell_rect(lik, imp).bottomRight() - QPointF(4, 4)
        assert pixel(image, corner) == BAND_TINTS[band(lik * imp)], (lik, imp)
    # A marker sits in its cell (sampled below the letter), and only there.
    for lik, imp in ((5, 4), (2, 2)):
        rect = heat.cell_rect(lik, imp)
        below_letter = rect.center() + QPointF(0, rect.height() * 0.2)
        assert pixel(image, below_letter) == MARKER
    empty = heat.cell_rect(3, 3)
    assert pixel(image, empty.center()) == BAND_TINTS[Band.MEDIUM]
    assert heat.sizeHint().width() >= heat.cell_rect(5, 1).right()
    with pytest.raises(ValueError, match="likelihood and impact are 1..5"):
        heat.set_points([("Bad", 0, 3)])


def test_heat_map_grid_stays_inside_a_small_widget(qtbot) -> None:  # type: ignore[no-untyped-def]
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.set_points([(a.label, 3, 3) for a in Area])  # four markers share one cell
    heat.resize(heat.minimumSizeHint())
    grid = heat.cell_rect(1, 5).united(heat.cell_rect(5, 1))
    assert heat.rect().toRectF().contains(grid)
    centres = [c for _l, c, _r in heat._marker_centres()]
    assert len({(c.x(), c.y()) for c in centres}) == 4  # none hides another


def test_a_member_who_only_reads_sees_the_review_without_changing_it(
        qtbot, store, engagement_id) -> None:  # type: ignore[no-untyped-def]
    saved = reviews.save(store, engagement_id, answers={"strategic.control": Answer(False)},
                         replacement=None, deadline_hardness=None, copyrightable=True,
                         reviewer="Sam", expected_version=None)
    dialog = ReviewDialog(dialog_runner(store), engagement_id, TODAY, may_edit=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rows["strategic.control"].value() is False
    assert not dialog.save_button.isEnabled() and not dialog.rows["strategic.control"].controls.isEnabled()
    assert dialog.frozen_banner.isVisible() and not dialog.new_review_button.isVisible()
    assert "only its owner answers or changes them" in dialog.frozen_line.text()
    dialog.accept()  # nothing to save, nothing saved
    assert reviews.latest(store, engagement_id) == saved


def test_an_open_question_says_not_answered_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.risk_catalog import QUESTIONS, SCALE
    from desktop.ui.review_dialog import QuestionRow

    for q in (next(q for q in QUESTIONS if q.kind == SCALE),
              next(q for q in QUESTIONS if q.kind != SCALE)):
        row = QuestionRow(q)
        qtbot.addWidget(row)
        shown = [w.text() for w in row.findChildren(QLabel) + row.findChildren(QRadioButton)]
        shown += [row.scale.itemText(i) for i in range(row.scale.count())] if row.scale else []
        assert shown.count("Not answered") == 1, shown
