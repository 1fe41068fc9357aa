"""A real PostgreSQL server for the tests: Debian's `postgresql` package, a cluster made with
`initdb` in a temporary folder, listening on a unix socket only.

`initdb` refuses to run as root, so as root (CI) the cluster belongs to the `postgres` user the
package creates. In CI (``CI`` set) a missing server is a failure, never a skip.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "crewbook_admin"


@dataclass(frozen=True)
class Server:
    root: Path
    bindir: Path
    socket_dir: Path

    def url(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{user}@/{database}?host={self.socket_dir}"

    def create_database(self, name: str, template: str = "template1") -> str:
        self.sql("postgres", f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.sql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def sql(self, database: str, statement: str) -> None:
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), dbname=database, user=SUPERUSER,
                             autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def stop(self) -> None:
        _as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                   "-w", "stop"], self.root)
        shutil.rmtree(self.root, ignore_errors=True)


def binaries() -> Path | None:
    """The newest installed server's bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def start() -> Server:
    bindir = binaries()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL's server programs (initdb, pg_ctl) are not "
                                "installed; apt-get install postgresql")
    root = Path(tempfile.mkdtemp(prefix="crewbook-pg-"))
    os.chmod(root, 0o755)
    socket_dir = root / "socket"
    socket_dir.mkdir()
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        for path in (root, socket_dir):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    _as_owner([str(bindir / "initdb"), "-D", str(root / "data"), "-U", SUPERUSER,
               "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], root)
    options = (f"-k {socket_dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=60")
    _as_owner([str(bindir / "pg_ctl"), "-D", str(root / "data"), "-o", options, "-l",
               str(root / "server.log"), "-w", "start"], root)
    os.chmod(socket_dir, 0o777)  # the tests connect as whoever runs them
    return Server(root, bindir, socket_dir)


def _as_owner(command: list[str], root: Path) -> None:
    def become_postgres() -> None:
        owner = pwd.getpwnam("postgres")
        os.setgid(owner.pw_gid)
        os.setuid(owner.pw_uid)

    done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120,
                          preexec_fn=become_postgres if os.geteuid() == 0 else None)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")
