"""One question of the risk review: its text and help, the answer, and what the answer means."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.risk import Answer, risk_value
from desktop.core.risk_catalog import SCALE, Question
from desktop.ui.colours import muted_style
from desktop.ui.i18n import QT_TR_NOOP, tr

STATUS_STYLE = {"ok": "color: #1b7f3b;", "some": "color: #9a6700;", "risky": "color: #c4520a;",
                "warning": "color: #b42318; font-weight: 600;"}
SCALE_ITEMS = [(QT_TR_NOOP("Not yet"), None), (QT_TR_NOOP("1 — best"), 1), ("2", 2), ("3", 3),
               ("4", 4), (QT_TR_NOOP("5 — worst"), 5)]
STAR_TIP = QT_TR_NOOP("Key check: a risky answer here makes this area's likelihood 5 and "
                      "blocks signing; leaving it unanswered blocks signing too.")


class QuestionRow(QFrame):
    """One question: its text and help, the answer control and a line for the evidence."""

    changed = Signal()  # the answer changed, so the score may move
    edited = Signal()  # the evidence changed

    def __init__(self, q: Question, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = q
        self.setObjectName("question")
        self.setFrameShape(QFrame.Shape.StyledPanel)  # so the style sheet's rule is drawn
        self.setStyleSheet("QFrame#question { border: none; border-bottom: 1px solid #d0d7de; }")
        source_tip = tr("Source: {source}").format(source=q.source)
        star = "<span style='color:#b42318'>★</span> " if q.star else ""
        self.text = QLabel(star + escape(q.text))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setToolTip(tr(STAR_TIP) + "\n" + source_tip if q.star else source_tip)
        if q.star:
            self.text.setAccessibleDescription(tr("Key check"))
        self.help = QLabel(q.help)
        self.help.setWordWrap(True)
        self.help.setStyleSheet(muted_style())
        small = QFont(self.help.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        self.help.setFont(small)
        self.help.setToolTip(source_tip)

        self.controls = QWidget()
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        self.scale: QComboBox | None = None
        self.group: QButtonGroup | None = None
        self.radios: dict[bool | None, QRadioButton] = {}
        if q.kind == SCALE:
            self.scale = QComboBox()
            for label, value in SCALE_ITEMS:
                self.scale.addItem(tr(label), value)
            self.scale.setAccessibleName(q.text)
            self.scale.currentIndexChanged.connect(self._on_answer)
            row.addWidget(self.scale)
        else:
            self.group = QButtonGroup(self)
            for value, label in ((True, tr("Yes")), (False, tr("No")), (None, tr("Not yet"))):
                radio = QRadioButton(label)
                self.radios[value] = radio
                self.group.addButton(radio)
                row.addWidget(radio)
            self.radios[None].setChecked(True)
            self.group.buttonToggled.connect(lambda _b, on: on and self._on_answer())
        row.addStretch(1)
        self.status = QLabel()
        self.status.setMinimumWidth(
            self.status.fontMetrics().horizontalAdvance(tr("Warning sign")) + 8)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(tr("What did you check?"))
        self.evidence.setAccessibleName(tr("Evidence"))
        self.evidence.textChanged.connect(self.edited)

        answer_row = QHBoxLayout()
        answer_row.addWidget(self.controls)
        answer_row.addWidget(self.status)
        answer_row.addWidget(self.evidence, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 8, 2, 10)
        layout.setSpacing(3)
        layout.addWidget(self.text)
        layout.addWidget(self.help)
        layout.addLayout(answer_row)
        self._show_status()

    def value(self) -> bool | int | None:
        if self.scale is not None:
            data = self.scale.currentData()
            return None if data is None else int(data)
        checked = self.group.checkedButton() if self.group else None
        return next((v for v, r in self.radios.items() if r is checked), None)

    def set_value(self, value: bool | int | None) -> None:
        if self.scale is not None:
            self.scale.setCurrentIndex(max(0, self.scale.findData(value)))
        else:
            self.radios[value if isinstance(value, bool) else None].setChecked(True)

    def answer(self) -> Answer | None:
        """The answer to save; None when there is neither a value nor evidence."""
        value, evidence = self.value(), self.evidence.text().strip()
        if value is None and not evidence:
            return None
        return Answer(value, evidence)

    def set_answer(self, answer: Answer | None) -> None:
        self.set_value(None if answer is None else answer.value)
        self.evidence.setText("" if answer is None else answer.evidence)

    def set_read_only(self, read_only: bool) -> None:
        self.controls.setEnabled(not read_only)
        self.evidence.setReadOnly(read_only)

    def _on_answer(self) -> None:
        self._show_status()
        self.changed.emit()

    def _show_status(self) -> None:
        value = self.value()
        if value is None:
            text, style = tr("Not answered"), "open"
        else:
            r = risk_value(self.question, Answer(value))
            if r == 1:
                text, style = (tr("Warning sign"), "warning") if self.question.star else \
                    (tr("Risky"), "risky")
            elif r > 0:
                text, style = tr("Some risk"), "some"
            else:
                text, style = tr("OK"), "ok"
        self.status.setText(text)
        self.status.setStyleSheet(muted_style() if style == "open" else STATUS_STYLE[style])
