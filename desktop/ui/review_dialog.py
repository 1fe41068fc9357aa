"""The risk review before signing: every catalog question by area, what is at stake, and a
live score, heat map, classification and list of what still blocks signing.

The score is the core's, recomputed on every change, so what the owner sees is what saving
will store. A signed-off review opens read-only; "Start a new review" copies it forward.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.blockers import Blocker, blockers
from desktop.core.engagement import contract_value
from desktop.core.formats import date_text
from desktop.core.merge import shown
from desktop.core.money import format_money
from desktop.core.review_answers import LABELS as MERGE_LABELS
from desktop.core.review_answers import ReviewAnswers, flat, unflat
from desktop.core.risk import (
    Answer,
    Band,
    ImpactInputs,
    Replacement,
    ReviewResult,
    risk_value,
    score_review,
)
from desktop.core.risk_catalog import (
    CATALOG_VERSION,
    QUESTIONS,
    Area,
    question,
    questions_in,
)
from desktop.core.risk_palette import BAND_COLOURS, BAND_TEXT
from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import engagements as engagement_ops
from desktop.store import engagements, reviews
from desktop.store.reviews import ReviewRecord
from desktop.ui import ask
from desktop.ui.colours import muted, muted_style, note_colours
from desktop.ui.conflicts import mine_on_top, showing_theirs
from desktop.ui.discard import AsksBeforeDiscarding
from desktop.ui.fields import ERROR_STYLE, ChoiceCombo, EnumCombo, error_lines
from desktop.ui.heat_map import HeatMap
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.review_question import STATUS_STYLE, QuestionRow
from desktop.ui.runner import Runner
from desktop.ui.saving_dialog import SavingDialog
from desktop.ui.screen_fit import fit_on_screen

HARDNESS = [(1, QT_TR_NOOP("1 — flexible")), (2, "2"), (3, "3"), (4, "4"),
            (5, QT_TR_NOOP("5 — immovable"))]


def error_labels() -> dict[str, str]:
    """A rejected answer is named by its question, as the owner reads it."""
    return {q.id: tr("“{question}”").format(question=q.text) for q in QUESTIONS}


def band_chip_style(b: Band) -> str:
    return (f"background: {BAND_COLOURS[b]}; color: {BAND_TEXT[b]}; border-radius: 3px; "
            "padding: 1px 6px; font-weight: 600;")


class ReviewDialog(AsksBeforeDiscarding, SavingDialog):
    """Answer, score and save the risk review of one engagement.

    After Save, ``saved`` holds the stored ReviewRecord. ``live`` is the score of what is on
    screen and ``live_blockers`` what would still block signing with it.
    """

    def __init__(self, runner: Runner, engagement_id: int, today: dt.date,
                 reviewer_default: str = "", parent: QWidget | None = None, *,
                 may_edit: bool = True):
        super().__init__(parent)
        self.may_edit = may_edit  # False for a team member whose role only reads reviews
        self.runner, store = runner, runner.store
        self.engagement_id = engagement_id
        self.today = today
        self.reviewer_default = reviewer_default
        self.saved: ReviewRecord | None = None
        self.record = engagements.get(store, engagement_id)
        self.review = reviews.latest(store, engagement_id)
        # Blockers other than the review's come from the store once; the review part is live.
        self._gate = reviews.gate_inputs(store, engagement_id, today)[0]
        self._revenue = reviews.annual_revenue(store, self.record.data.currency)
        try:
            self._value: int | None = contract_value(self.record.data)
        except ValidationError:
            self._value = None
        frozen = self.review is not None and self.review.frozen_at is not None
        # Saving after a signing starts a new record; the store does that when given None.
        self._expected_version = None if self.review is None or frozen else self.review.version
        self.read_only = frozen
        self.live: ReviewResult
        self.live_blockers: list[Blocker] = []
        self._loading = True
        self._build()
        self._load()
        self._loading = False
        self._set_read_only(frozen or not may_edit)
        # The answers as opened, and as last sent: what a save on top of someone else's keeps.
        self._original = self._mine = self.on_screen()
        self.remember()
        self._refresh()

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        d = self.record.data
        self.setWindowTitle(tr("Risk review — {title}").format(title=d.title))
        self.title = QLabel(d.title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        big = QFont(self.title.font())
        big.setPointSizeF(big.pointSizeF() + 3)
        big.setBold(True)
        self.title.setFont(big)
        value = (format_money(self._value, d.currency) if self._value is not None
                 else tr("value set by the work done"))
        where = " ".join(p for p in (d.jurisdiction_city, d.jurisdiction_country,
                                     d.jurisdiction_region) if p) or tr("jurisdiction not set")
        self.subtitle = QLabel(tr("{contractor} · {value} · data access: {access} · {where} · "
                                  "question catalog {version}").format(
            contractor=self.record.contractor_name, value=value,
            access=d.data_access.in_text, where=where, version=CATALOG_VERSION))
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setStyleSheet(muted_style())
        self.subtitle.setWordWrap(True)
        self.catalog_note = QLabel()
        self.catalog_note.setStyleSheet(STATUS_STYLE["some"])
        self.catalog_note.setWordWrap(True)
        self.catalog_note.hide()

        # Shown when the latest review was signed off.
        self.frozen_banner = QFrame()
        self.frozen_banner.setObjectName("frozen")
        back, text, border = note_colours(self.palette(), "info")
        self.frozen_banner.setStyleSheet(
            f"QFrame#frozen {{ background: {back}; border: 1px solid {border}; border-radius: "
            f"4px; }} QFrame#frozen QLabel {{ color: {text}; }}")
        self.frozen_line = QLabel()
        self.frozen_line.setTextFormat(Qt.TextFormat.PlainText)
        self.frozen_line.setWordWrap(True)
        self.new_review_button = QPushButton(tr("Start a new review"))
        self.new_review_button.clicked.connect(self.start_new_review)
        banner = QHBoxLayout(self.frozen_banner)
        banner.addWidget(self.frozen_line, 1)
        banner.addWidget(self.new_review_button)
        self.frozen_banner.hide()

        left = QVBoxLayout()
        left.addWidget(self._impact_box())
        self.answered_label = QLabel()
        self.answered_label.setWordWrap(True)
        left.addWidget(self.answered_label)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.rows: dict[str, QuestionRow] = {}
        for area in Area:
            self.tabs.addTab(self._area_page(area), area.label)
        left.addWidget(self.tabs, 1)
        # Line the evidence boxes up: every answer control gets the widest one's width.
        width = max(r.controls.sizeHint().width() for r in self.rows.values())
        for row in self.rows.values():
            row.controls.setFixedWidth(width)

        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self._summary_panel(), 2)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)
        outer.addWidget(self.catalog_note)
        outer.addWidget(self.frozen_banner)
        outer.addLayout(body, 1)
        outer.addWidget(self.error_label)
        self.theirs_line = QLabel()
        self.theirs_line.setWordWrap(True)
        self.theirs_line.setStyleSheet(STATUS_STYLE["some"])
        self.theirs_line.hide()
        outer.addWidget(self.theirs_line)
        outer.addWidget(self.buttons)
        fit_on_screen(self, 1240, 820)

    def _impact_box(self) -> QGroupBox:
        box = QGroupBox(tr("What is at stake"))
        self.replacement = EnumCombo(Replacement, blank=tr("(not set)"))
        self.hardness = ChoiceCombo(((v, tr(t)) for v, t in HARDNESS), blank=tr("(not set)"))
        self.copyrightable = QCheckBox(
            tr("The work creates copyright (text, design, code, photos)"))
        self.reviewer = QLineEdit()
        self.reviewer.setPlaceholderText(tr("Who did this review"))
        for combo in (self.replacement, self.hardness):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.replacement.currentIndexChanged.connect(self._on_change)
        self.hardness.currentIndexChanged.connect(self._on_change)
        self.copyrightable.toggled.connect(self._on_change)
        grid = QGridLayout(box)
        grid.addWidget(QLabel(tr("Time to replace them")), 0, 0)
        grid.addWidget(self.replacement, 0, 1)
        grid.addWidget(QLabel(tr("How hard is the deadline")), 0, 2)
        grid.addWidget(self.hardness, 0, 3)
        grid.addWidget(QLabel(tr("Reviewer")), 1, 0)
        grid.addWidget(self.reviewer, 1, 1)
        grid.addWidget(self.copyrightable, 2, 0, 1, 4)  # its own row keeps the dialog narrow
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def _area_page(self, area: Area) -> QScrollArea:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 0, 10, 6)
        layout.setSpacing(0)
        for q in questions_in(area):
            row = QuestionRow(q)
            row.changed.connect(self._on_change)
            self.rows[q.id] = row
            layout.addWidget(row)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _summary_panel(self) -> QScrollArea:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 8, 0)

        overall = QHBoxLayout()
        heading = QLabel(tr("Overall risk"))
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        self.overall_label = QLabel()
        self.worst_label = QLabel()
        self.worst_label.setStyleSheet(muted_style())
        overall.addWidget(heading)
        overall.addWidget(self.overall_label)
        overall.addWidget(self.worst_label, 1)
        layout.addLayout(overall)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for col, text in enumerate((tr("Area"), tr("Likelihood"), tr("Impact"), tr("Score"),
                                    tr("Band"))):
            label = QLabel(text)
            label.setStyleSheet(muted_style())
            grid.addWidget(label, 0, col)
        self.area_labels: dict[Area, dict[str, QLabel]] = {}
        for i, area in enumerate(Area, start=1):
            cells = {name: QLabel() for name in ("name", "likelihood", "impact", "score", "band")}
            cells["name"].setText(area.label)
            for col, name in enumerate(cells):
                align = Qt.AlignmentFlag.AlignLeft if name in ("name", "band") \
                    else Qt.AlignmentFlag.AlignHCenter
                grid.addWidget(cells[name], i, col, alignment=align | Qt.AlignmentFlag.AlignVCenter)
            self.area_labels[area] = cells
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        self.notes_label = QLabel()
        self.notes_label.setStyleSheet(muted_style())
        self.notes_label.setWordWrap(True)
        layout.addWidget(self.notes_label)

        self.heat_map = HeatMap()
        layout.addWidget(self.heat_map)

        self.blockers_box = QGroupBox(tr("What still blocks signing"))
        self.blockers_label = QLabel()
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(self.blockers_box).addWidget(self.blockers_label)
        layout.addWidget(self.blockers_box)
        classification = QGroupBox(tr("Employee or contractor?"))
        self.classification_label = QLabel()
        self.classification_label.setWordWrap(True)
        self.classification_label.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(classification).addWidget(self.classification_label)
        layout.addWidget(classification)

        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(panel)
        scroll.setMinimumWidth(400)
        return scroll

    # --- values --------------------------------------------------------------------------
    def _load(self) -> None:
        review = self.review
        self.copyrightable.setChecked(True)  # until said otherwise, as the signing gate assumes
        self.reviewer.setText(self.reviewer_default)
        if review is None:
            return
        known = {q.id for q in QUESTIONS}
        dropped = 0
        for qid, answer in review.answers.items():
            if qid not in known:
                dropped += 1  # a question an older catalog asked and this one does not
                continue
            try:
                risk_value(question(qid), answer)
            except ValidationError:
                dropped += 1  # stored under a different kind of answer; ask again
                continue
            self.rows[qid].set_answer(answer)
        if review.replacement is not None:
            self.replacement.set_value(review.replacement.value)
        if review.deadline_hardness is not None:
            self.hardness.set_value(review.deadline_hardness)
        self.copyrightable.setChecked(review.copyrightable)
        self.reviewer.setText(review.reviewer or self.reviewer_default)
        if review.catalog_version != CATALOG_VERSION or dropped:
            note = tr("This review was answered with question catalog {version}.").format(
                version=review.catalog_version)
            if dropped:
                note += " " + tr("%n answer(s) no longer fit the current questions and must be "
                                 "given again.", "", dropped)
            self.catalog_note.setText(note)
            self.catalog_note.show()

    def values(self) -> object:
        return self.on_screen()

    def answers(self) -> dict[str, Answer]:
        """The answers on screen, keyed by question id (blank questions left out)."""
        out = {}
        for qid, row in self.rows.items():
            answer = row.answer()
            if answer is not None:
                out[qid] = answer
        return out

    def replacement_value(self) -> Replacement | None:
        value = self.replacement.value()
        return Replacement(value) if value else None

    def hardness_value(self) -> int | None:
        value = self.hardness.value()
        return int(value) if value else None

    def impact_inputs(self) -> ImpactInputs:
        return ImpactInputs(self._value, self._revenue, self.replacement_value(),
                            self.hardness_value(), self.record.data.data_access)

    # --- live summary --------------------------------------------------------------------
    def _on_change(self) -> None:
        if not self._loading:
            self._refresh()

    def _refresh(self) -> None:
        d = self.record.data
        result = score_review(self.answers(), self.impact_inputs(), d.jurisdiction_country,
                              d.jurisdiction_region)
        self.live = result
        gate = dataclasses.replace(self._gate, review=result,
                                   copyrightable=self.copyrightable.isChecked())
        self.live_blockers = blockers(gate)

        answered = sum(1 for row in self.rows.values() if row.value() is not None)
        total = len(self.rows)
        text = tr("{answered} of {total} questions answered.").format(answered=answered,
                                                                     total=total)
        if answered < total:
            text += " " + tr("The other %n count as risky until they are answered.", "",
                             total - answered)
        self.answered_label.setText(text)
        self.answered_label.setStyleSheet("" if answered == total else STATUS_STYLE["some"])

        for i, area in enumerate(Area):
            qs = questions_in(area)
            done = sum(1 for q in qs if self.rows[q.id].value() is not None)
            flag = " ⚠" if result.areas[area].starred else ""
            self.tabs.setTabText(i, f"{area.label} ({done}/{len(qs)}){flag}")

        for area, r in result.areas.items():
            cells = self.area_labels[area]
            cells["likelihood"].setText(str(r.likelihood))
            cells["impact"].setText(str(r.impact))
            cells["score"].setText(str(r.score))
            cells["band"].setText(r.band.label)
            cells["band"].setStyleSheet(band_chip_style(r.band))
            drivers = [question(qid).text for qid in r.drivers[:3]]
            cells["name"].setToolTip(
                tr("Weighs most: {questions}").format(
                    questions="\n".join(f"• {t}" for t in drivers))
                if drivers else tr("No risky or open answers"))
        self.overall_label.setText(result.overall.label)
        self.overall_label.setStyleSheet(band_chip_style(result.overall))
        self.worst_label.setText(tr("worst: {band}").format(band=result.worst.label))
        notes = dict.fromkeys(n for r in result.areas.values() for n in r.notes)
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        self.heat_map.set_points([(a.label, r.likelihood, r.impact)
                                  for a, r in result.areas.items()])
        self._show_classification(result)
        self._show_blockers()

    def _show_classification(self, result: ReviewResult) -> None:
        c = result.classification
        colour = BAND_COLOURS[c.level]
        parts = ["<p>" + tr("<b style='color:{colour}'>{level} risk</b> that the contractor "
                            "would count as an employee, under the {test}.").format(
            colour=colour, level=c.level.label, test=escape(c.test)) + "</p>"]
        if c.reasons:
            parts.append("<ul style='margin-left:-20px'>" + "".join(
                f"<li>{escape(reason)}</li>" for reason in c.reasons) + "</ul>")
        else:
            parts.append("<p>" + tr("No answer points towards employment.") + "</p>")
        grey = muted(self.palette()).name()
        source = tr("Source: {source}").format(source=escape(c.source))
        parts.append(f"<p style='color:{grey}'>{source}</p>")
        self.classification_label.setText("".join(parts))

    def _show_blockers(self) -> None:
        found = self.live_blockers
        self.blockers_box.setTitle(
            tr("What still blocks signing ({count})").format(count=len(found)) if found
            else tr("What still blocks signing"))
        if not found:
            nothing = "<p style='color:#1b7f3b'>" + tr("Nothing blocks signing.") + "</p>"
            self.blockers_label.setText(nothing)
            return
        grey = muted(self.palette()).name()
        self.blockers_label.setText("".join(
            f"<p><b>•</b> {escape(b.message)}<br><span style='color:{grey}'>"
            + tr("Fix: {fix}").format(fix=escape(b.fix)) + "</span></p>" for b in found))

    # --- read-only and saving ------------------------------------------------------------
    def _set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for row in self.rows.values():
            row.set_read_only(read_only)
        for editor in (self.replacement, self.hardness, self.copyrightable):
            editor.setEnabled(not read_only)
        self.reviewer.setReadOnly(read_only)
        self.save_button.setEnabled(not read_only)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Close") if read_only else tr("Cancel"))
        review = self.review
        if not self.may_edit:
            role = tr("Your role on this team database reads risk reviews; only its owner "
                      "answers or changes them.")
            if review is not None and review.frozen_at is not None:
                role = tr("It was signed off on {day}.").format(
                    day=date_text(review.frozen_at)) + " " + role
            self.frozen_banner.show()
            self.new_review_button.hide()
            self.frozen_line.setText(role)
            return
        if review is None or review.frozen_at is None:
            return
        self.frozen_banner.show()
        self.new_review_button.setVisible(read_only)
        if not read_only:
            text = tr("New review, starting from the answers signed off on {day}. Saving adds a "
                      "new review; the signed one stays on record as it is.")
        elif review.reviewer:
            text = tr("This review was signed off on {day} (reviewed by {reviewer}) and is "
                      "read-only. Start a new review to answer again; the signed one stays on "
                      "record as it is.")
        else:
            text = tr("This review was signed off on {day} and is read-only. Start a new review "
                      "to answer again; the signed one stays on record as it is.")
        self.frozen_line.setText(text.format(day=date_text(review.frozen_at),
                                             reviewer=review.reviewer))

    def start_new_review(self) -> None:
        """Copy the signed-off answers into an editable review that saves as a new record."""
        self._expected_version = None
        if self.reviewer_default:
            self.reviewer.setText(self.reviewer_default)
        self._set_read_only(False)
        self.tabs.currentWidget().setFocus()

    def on_screen(self) -> ReviewAnswers:
        return ReviewAnswers(self.answers(), self.replacement_value(), self.hardness_value(),
                             self.copyrightable.isChecked(), self.reviewer.text())

    def accept(self) -> None:
        if not self.read_only:
            self._send(self.on_screen())

    def _send(self, mine: ReviewAnswers) -> None:
        self._mine = mine
        self.save(
            engagement_ops.save_review, self.engagement_id, answers=mine.answers,
            replacement=mine.replacement, deadline_hardness=mine.deadline_hardness,
            copyrightable=mine.copyrightable, reviewer=mine.reviewer,
            expected_version=self._expected_version, done=self._saved,
            handles=(ConflictError, ValidationError), failed=self._refused)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.error_label.setText(tr("Not saved: {problems}").format(problems=" ".join(
                f"{line}." for line in error_lines(exc, error_labels()))))
            self.error_label.show()
        else:  # saved by someone else since it was opened: read theirs, offer mine on top
            self.runner.read(reviews.latest, self.runner.store, self.engagement_id,
                             done=lambda theirs: self._decide(theirs, exc))

    def _decide(self, theirs: ReviewRecord | None, exc: BaseException) -> None:
        if theirs is None or theirs.frozen_at is not None:  # signed off meanwhile: it stays
            ask.warn(self, tr("The review was not saved: {problem}.").format(problem=exc))
            return
        current = ReviewAnswers(theirs.answers, theirs.replacement, theirs.deadline_hardness,
                                theirs.copyrightable, theirs.reviewer)

        def show(name: str, value: object) -> str:
            if name == "deadline_hardness" and isinstance(value, int):
                return tr(dict(HARDNESS).get(value, str(value)))
            return shown(value)

        merged = mine_on_top(self, tr("The risk review of “{title}”").format(
                                 title=self.record.data.title),
                             theirs.changed_by, theirs.updated_at, flat(self._original),
                             flat(self._mine), flat(current), MERGE_LABELS, show)
        self.review, self._expected_version, self._original = theirs, theirs.version, current
        if merged is not None:
            self._send(unflat(merged))
            return
        self._loading = True
        for row in self.rows.values():
            row.set_answer(None)
        self._load()
        self._loading = False
        self._original = self.on_screen()
        self.remember()
        self._refresh()
        self.theirs_line.setText(showing_theirs(theirs.changed_by, theirs.updated_at))
        self.theirs_line.show()

    def _saved(self, saved: ReviewRecord) -> None:
        self.saved = saved
