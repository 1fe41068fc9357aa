"""Settings ▸ Language…: the language of the window, the reports and the command line on this
computer; the system's unless chosen here. It applies from the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.core.validation import ValidationError
from desktop.operations import language as languages
from desktop.ui import ask
from desktop.ui.colours import muted_style
from desktop.ui.i18n import tr


class LanguageDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="languageDialog")
        self.setWindowTitle(tr("Language"))
        self.combo = QComboBox(objectName="languageCombo")
        system = languages.LANGUAGES[languages.system_language()]
        self.combo.addItem(tr("As the system ({language})").format(language=system), "")
        for code, name in languages.LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(languages.chosen_language())))
        note = QLabel(tr("Crewbook speaks this language in its window, its reports and on the "
                         "command line. Amounts and dates follow the locale in the business "
                         "profile."), wordWrap=True)
        note.setStyleSheet(muted_style())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Language:")))
        layout.addWidget(self.combo)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        code = self.combo.currentData()
        try:
            languages.choose_language(code)
        except ValidationError as exc:
            ask.warn(self, str(exc), tr("Language"))
            return
        if (code or languages.system_language()) != languages.language():
            ask.inform(self, tr("Crewbook will speak the language you chose from its next "
                                "start."), tr("Language"))
        super().accept()
