"""Before letting a well-rated contractor go: show what is at stake and ask why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.store.health import Health


class AtStakeDialog(QDialog):
    """Asks for the reason; Continue stays disabled until one is given."""

    def __init__(self, name: str, action: str, health: Health, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{action} {name}?")
        ratings = health.ratings
        assert ratings is not None
        lines = [f"<p><b>{name}</b> is rated <b>{ratings.average:.1f} / 5</b> over "
                 f"{ratings.count} engagement{'s' if ratings.count != 1 else ''}; you would "
                 f"rehire them {ratings.would_rehire} time{'s' if ratings.would_rehire != 1 else ''}"
                 f" of {ratings.count}.</p>"]
        record = health.on_time
        if record.rate is not None:
            lines.append(f"<p>We paid them on time {record.rate:.0%} of the time"
                         + (f" (late ones by {record.average_days_late:.0f} days on average)"
                            if record.on_time < record.counted else "") + ".</p>")
        lines.append("<p>Good contractors are hard to replace, and replacing one mainly to save "
                     "money often costs more in the end. Why is this happening?</p>")
        text = QLabel("".join(lines))
        text.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText("The reason (kept with the record)")
        self.reason.setFixedHeight(80)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(action)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.reason.toPlainText().strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(480, 0)


def reason_to_let_go(parent: QWidget | None, name: str, action: str,
                     health: Health) -> str | None:
    """"" when nothing needs asking, the reason given, or None when the user stepped back."""
    if not health.well_rated:
        return ""
    dialog = AtStakeDialog(name, action, health, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason.toPlainText().strip()
