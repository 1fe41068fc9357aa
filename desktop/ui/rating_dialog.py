"""Rate a finished engagement: four scores and whether we would work together again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.store.engagements import RatingData
from desktop.ui.fields import save_cancel
from desktop.ui.i18n import QT_TR_NOOP, tr

SCORES = (("quality", QT_TR_NOOP("Quality of work")), ("timeliness", QT_TR_NOOP("On time")),
          ("communication", QT_TR_NOOP("Communication")),
          ("value", QT_TR_NOOP("Value for money")))


class RatingDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Rate “{title}”").format(title=title))
        self.scores: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for name, label in SCORES:
            spin = QSpinBox()
            spin.setRange(1, 5)
            spin.setValue(4)
            spin.setSuffix(" / 5")
            self.scores[name] = spin
            form.addRow(tr(label), spin)
        self.rehire = QCheckBox(tr("I would hire them again"))
        self.rehire.setChecked(True)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(tr("One line to remember them by (optional)"))
        form.addRow("", self.rehire)
        form.addRow(tr("Comment"), self.comment)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def rating(self) -> RatingData:
        values = {name: spin.value() for name, spin in self.scores.items()}
        return RatingData(values["quality"], values["timeliness"], values["communication"],
                          values["value"], self.rehire.isChecked(), self.comment.text().strip())
