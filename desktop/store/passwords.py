"""Team database passwords, kept in the system's keychain (keyring) and never in a file of
Crewbook's. Where no keychain is available, nothing is kept: libpq's own password file
(~/.pgpass) or PGPASSWORD serve instead."""

from __future__ import annotations

import logging

SERVICE = "Crewbook team database"
log = logging.getLogger(__name__)


def key(user: str, host: str, port: int | None, database: str) -> str:
    return f"{user}@{host}:{port or 5432}/{database}"


def remember(account: str, password: str) -> bool:
    """Keep ``password`` in the keychain; False when there is none to keep it in."""
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(SERVICE, account, password)
    except (ImportError, KeyringError, RuntimeError) as exc:
        log.info("no keychain for the password: %s", type(exc).__name__)
        return False
    return True


def recall(account: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(SERVICE, account)
    except (ImportError, KeyringError, RuntimeError):
        return None


def forget(account: str) -> None:
    try:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        keyring.delete_password(SERVICE, account)
    except (ImportError, KeyringError, PasswordDeleteError, RuntimeError):
        pass
