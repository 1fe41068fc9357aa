"""Before letting a well-rated contractor go: show what is at stake and ask why."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.operations.letting_go import AtStake
from desktop.ui.i18n import tr


class AtStakeDialog(QDialog):
    """Asks for the reason; Continue stays disabled until one is given."""

    def __init__(self, stake: AtStake, action: str, parent: QWidget | None = None):
        super().__init__(parent)
        # ``action`` is the caller's translated verb, as on the button.
        self.setWindowTitle(tr("{action} {name}?", "title: a verb such as Archive, then who")
                            .format(action=action, name=stake.name))
        text = QLabel("".join(f"<p>{escape(line, quote=False)}</p>" for line in stake.lines))
        text.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(tr("The reason (kept with the record)"))
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


def reason_to_let_go(parent: QWidget | None, stake: AtStake | None, action: str) -> str | None:
    """"" when nothing needs asking, the reason given, or None when the user stepped back."""
    if stake is None:
        return ""
    dialog = AtStakeDialog(stake, action, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason.toPlainText().strip()
