"""File ▸ Connect to team database…: where the team's PostgreSQL server is, who you are on it,
a test before connecting, and the details remembered for next time (the password only in the
system's keychain, if there is one)."""

from __future__ import annotations

import getpass
from urllib.parse import quote

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.store import passwords
from desktop.store.errors import StoreError
from desktop.store.server import probe
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.worker import Background

TLS = (("prefer", QT_TR_NOOP("When the server offers it")), ("require", QT_TR_NOOP("Always")),
       ("verify-full", QT_TR_NOOP("Always, checking the server's certificate")))
_KEYS = ("host", "port", "database", "user", "sslmode")


class ConnectDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Connect to team database"))
        self.host = QLineEdit(str(settings.value("team/host", "")))
        self.host.setPlaceholderText(tr("server name or address, e.g. office-server"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(settings.value("team/port", 5432)))
        self.database = QLineEdit(str(settings.value("team/database", "crewbook")))
        self.user = QLineEdit(str(settings.value("team/user", "") or _login()))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            tr("leave empty to use your ~/.pgpass or the keychain"))
        self.keep = QCheckBox(tr("Keep the password in the system keychain"))
        self.keep.setChecked(True)
        self.tls = QComboBox()
        for value, label in TLS:
            self.tls.addItem(tr(label), value)
        self.tls.setCurrentIndex(max(0, self.tls.findData(settings.value("team/sslmode",
                                                                         "prefer"))))
        form = QFormLayout()
        for label, field in ((tr("&Server"), self.host), (tr("P&ort"), self.port),
                             (tr("&Database"), self.database), (tr("&User"), self.user),
                             (tr("Pass&word"), self.password), ("", self.keep),
                             (tr("&Encryption (TLS)"), self.tls)):
            form.addRow(label, field)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(tr("&Test connection"))
        self.test_button.clicked.connect(self.test)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.addButton(tr("&Connect"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._background = Background(self)
        self.url: str | None = None  # what to connect to, once accepted

    def address(self, with_password: bool = True) -> str | None:
        """The database's URL from the fields, or None (and a message) while one is missing."""
        missing = tuple(name for name, field in (("server", self.host),
                                                 ("database", self.database),
                                                 ("user", self.user)) if not field.text().strip())
        if missing:
            self.outcome.setText(_fill_in(missing))
            return None
        secret = self.password.text()
        who = quote(self.user.text().strip(), safe="")
        if with_password and secret:
            who += ":" + quote(secret, safe="")
        host, query = self.host.text().strip(), f"sslmode={self.tls.currentData()}"
        if host.startswith("/"):  # a unix socket's folder, on the server's own computer
            host, query = "", f"host={quote(host, safe='/')}&{query}"
        return (f"postgresql://{who}@{host}:{self.port.value()}/"
                f"{quote(self.database.text().strip(), safe='')}?{query}")

    def test(self) -> None:
        url = self.address()
        if url is None:
            return
        self.outcome.setText(tr("Trying…"))
        self.test_button.setEnabled(False)
        job = self._background.submit(lambda: probe(url))
        job.finished.connect(self._tested)
        job.failed.connect(self._failed)

    def _tested(self, line: str) -> None:
        self.test_button.setEnabled(True)
        self.outcome.setText(line)

    def _failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.outcome.setText(str(exc) if isinstance(exc, StoreError) else
                             tr("The test failed: {error}").format(error=exc))

    def accept(self) -> None:
        url = self.address(with_password=False)
        if url is None:
            return
        for key, value in zip(_KEYS, (self.host.text().strip(), self.port.value(),
                                      self.database.text().strip(), self.user.text().strip(),
                                      self.tls.currentData()), strict=True):
            self.settings.setValue(f"team/{key}", value)
        self.settings.sync()
        secret = self.password.text()
        account = passwords.key(self.user.text().strip(), self.host.text().strip(),
                                self.port.value(), self.database.text().strip())
        if secret and self.keep.isChecked() and passwords.remember(account, secret):
            self.url = url  # the keychain gives it back on every connection
        else:
            self.url = self.address()  # for this session only, never written anywhere
        super().accept()

    def done(self, result: int) -> None:
        self._background.wait(10_000)
        super().done(result)


def _fill_in(missing: tuple[str, ...]) -> str:
    """What to fill in, for the fields left empty (named in the form's order)."""
    return {
        ("server",): tr("Fill in the server."),
        ("database",): tr("Fill in the database."),
        ("user",): tr("Fill in the user."),
        ("server", "database"): tr("Fill in the server and database."),
        ("server", "user"): tr("Fill in the server and user."),
        ("database", "user"): tr("Fill in the database and user."),
        ("server", "database", "user"): tr("Fill in the server and database and user."),
    }[missing]


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
