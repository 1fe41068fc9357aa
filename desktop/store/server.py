"""A team's Crewbook on a PostgreSQL server: opening it from a URL, migrating it once however
many clients start at the same moment, and only reading one whose schema is newer than this
build (every write is refused with "update Crewbook").

The same store functions run on it as on the local SQLite file; versions on every editable
record keep two people from overwriting each other's changes.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from desktop.core.i18n import _
from desktop.store import migrate, passwords
from desktop.store.db import Store
from desktop.store.disk_errors import NotAllowed
from desktop.store.errors import StoreError
from desktop.store.paths import DATABASE_ENV

CONNECT_TIMEOUT_S = 10
ENV_VAR = DATABASE_ENV


def is_server_url(text: str) -> bool:
    return text.split(":", 1)[0].split("+", 1)[0] in ("postgresql", "postgres")


def safe_name(url: str) -> str:
    """The URL as the title bar and the log may show it: never with a password."""
    try:
        return make_url(_with_driver(url)).render_as_string(hide_password=True).replace(
            "postgresql+psycopg://", "postgresql://")
    except ArgumentError:
        return _("a database server")


def describe(url: str) -> str:
    """How a person names it: "crew on db.example as sam" (never the password)."""
    try:
        parts = make_url(_with_driver(url))
    except ArgumentError:
        return _("a database server")
    database = parts.database or _("(no database)")
    port = f":{parts.port}" if parts.port else ""
    host, user = _host(parts), parts.username
    if host and user:
        return _("{database} on {host} as {user}").format(database=database, host=host + port,
                                                          user=user)
    if host:
        return _("{database} on {host}").format(database=database, host=host + port)
    if user:
        # Translators: {port} is empty or a port number after a colon, “:5433”.
        return _("{database} on this computer{port} as {user}").format(
            database=database, port=port, user=user)
    return _("{database} on this computer{port}").format(database=database, port=port)


def make_server_engine(url: str) -> Engine:
    try:
        return create_engine(
            _with_driver(url), hide_parameters=True, pool_pre_ping=True,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "Crewbook"})
    except ArgumentError as exc:
        raise StoreError(_("{address} is not a database address Crewbook can use (expected "
                           "postgresql://user@host:port/database).").format(
                               address=safe_name(url))) from exc


def with_kept_password(url: str) -> str:
    """``url`` with the password kept in the system's keychain for it, if it names none."""
    try:
        parts = make_url(_with_driver(url))
    except ArgumentError:
        return url
    if parts.password is not None or not parts.username:
        return url
    kept = passwords.recall(passwords.key(parts.username, _host(parts), parts.port,
                                          parts.database or ""))
    return url if kept is None else parts.set(password=kept).render_as_string(hide_password=False)


def open_server(url: str) -> Store:
    """Open (and if needed migrate) the team database at ``url``."""
    name = describe(url)
    url = with_kept_password(url)
    engine = make_server_engine(url)
    store = Store(None, engine, name=name)
    store.listen_url = make_url(_with_driver(url)).set(drivername="postgresql").render_as_string(
        hide_password=False)

    @event.listens_for(engine, "connect")
    def _remember(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        store.own_backends.add(dbapi_conn.info.backend_pid)
    try:
        try:
            with engine.connect() as conn:
                current = migrate.revision_of(conn)
                # What the server's trigger stamps, so a record returned by a save reads the
                # same as it will on the next read.
                store.user = str(conn.execute(text("SELECT session_user")).scalar())[:120]
        except OperationalError as exc:
            raise unreachable(url, exc) from exc
        if migrate.is_newer(current):
            # Others already use the newer version: this one reads along, never writes.
            store.read_only_because = _(
                "The team database {name} was set up by a newer version of Crewbook (schema "
                "{revision}); this version only reads it. Update Crewbook to make changes."
            ).format(name=store.name, revision=current)
        elif current != migrate.HEAD:
            try:
                migrate.upgrade(store, current, None)
            except NotAllowed:
                raise StoreError(_(
                    "The team database {name} needs upgrading for this version of Crewbook, "
                    "which only its owner can do: ask them to start this version once (or to "
                    "run crewbook db upgrade).").format(name=store.name)) from None
    except BaseException:
        engine.dispose()
        raise
    return store


def unreachable(url: str, exc: OperationalError) -> StoreError:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return StoreError(_("Crewbook cannot reach the team database {address}: {reason}").format(
        address=safe_name(url), reason=reason))


def _host(parts: URL) -> str:
    return parts.host or str(parts.query.get("host") or "")


def _with_driver(url: str) -> str:
    scheme, _sep, rest = url.partition("://")
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return url


def probe(url: str) -> str:
    """Try a team database without changing anything; a line saying what was found (server,
    user, role, schema), or StoreError saying why it cannot be reached or used."""
    from desktop.store.team import role_on

    engine = make_server_engine(with_kept_password(url))
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
            user = conn.execute(text("SELECT current_user")).scalar()
            role = role_on(conn)
            revision = migrate.revision_of(conn)
    except OperationalError as exc:
        raise unreachable(url, exc) from exc
    finally:
        engine.dispose()
    if revision is None:
        found = _("Connected to PostgreSQL {version} as {user} ({role}); the book there is a "
                  "new database: it will be set up.")
    elif revision == migrate.HEAD:
        found = _("Connected to PostgreSQL {version} as {user} ({role}); the book there is up "
                  "to date.")
    elif migrate.is_newer(revision):
        found = _("Connected to PostgreSQL {version} as {user} ({role}); the book there is "
                  "from a newer version of Crewbook: this one will only read it until you "
                  "update it.")
    else:
        found = _("Connected to PostgreSQL {version} as {user} ({role}); the book there is "
                  "older: it will be upgraded by its owner's next start.")
    return found.format(version=version, user=user, role=role.value)
