"""Hearing what other people save on a team database, as it happens.

Every write there notifies the channel `crewbook_changes` (revision 0006) with the kind of
record and its ids. A Listener holds one connection of its own listening on it, gathers what
arrives in a few tenths of a second, leaves out what this program's own connections sent (it
knows those already), and hands the rest on. A lost connection is tried again every few
seconds; once back, it reports that anything may have changed meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg

from desktop.store.db import Store

CHANNEL = "crewbook_changes"
GATHER_S = 0.1
RETRY_S = 3.0
log = logging.getLogger(__name__)

Heard = dict[str, frozenset[int] | None]  # kind -> ids, None for "any of that kind"
EVERYTHING = "*"  # the kind heard after a reconnect: anything may have changed


def parse(payload: str) -> tuple[str, frozenset[int] | None]:
    kind, _, ids = payload.partition(":")
    if not ids or ids == "*":
        return kind, None
    return kind, frozenset(int(i) for i in ids.split(",") if i.isdigit())


def merge(heard: Heard, kind: str, ids: frozenset[int] | None) -> None:
    if ids is None or (kind in heard and heard[kind] is None):
        heard[kind] = None
    else:
        heard[kind] = (heard.get(kind) or frozenset()) | ids


class Listener:
    """Calls ``heard(Heard)`` from its own thread for each burst of others' changes."""

    def __init__(self, store: Store, heard: Callable[[Heard], None]):
        if store.listen_url is None:
            raise ValueError("only a team database has changes to listen for")  # not shown
        self._url, self._own, self._heard = store.listen_url, store.own_backends, heard
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="crewbook-listen", daemon=True)
        self._connection: psycopg.Connection | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        lost = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True, connect_timeout=10,
                                     application_name="Crewbook (listening)") as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if lost:  # what was saved while we could not hear it
                        self._heard({EVERYTHING: None})
                        lost = False
                    self._listen(conn)
            except psycopg.Error as exc:
                log.info("listening for changes stopped: %s", type(exc).__name__)
                lost = True
                self._stop.wait(RETRY_S)

    def _listen(self, conn: psycopg.Connection) -> None:
        while not self._stop.is_set():
            heard: Heard = {}
            # Waits at most this long, so a burst of notes becomes one call.
            for note in conn.notifies(timeout=GATHER_S * 4):
                if note.pid not in self._own:
                    merge(heard, *parse(note.payload))
            if heard:
                self._heard(heard)
