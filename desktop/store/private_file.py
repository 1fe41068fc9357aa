"""Files written for the user (exports, reports, an import's rejected rows): whole or not at all,
and private.

They hold names, tax ids and payments, so a new file is readable by its owner only (0600),
whatever the umask. A file that already exists keeps its mode: whoever widened it chose to.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any


@contextmanager
def private_file(path: Path, mode: str = "w", **options: Any) -> Iterator[IO[Any]]:
    """``open(path, mode, **options)`` for writing, through a file created 0600 beside ``path``
    that replaces it only once the block is done; a failure leaves ``path`` as it was."""
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    partial = Path(name)
    try:
        with os.fdopen(fd, mode, **options) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        _keep_mode(path, partial)
        os.replace(partial, path)
    except BaseException:
        with suppress(OSError):
            partial.unlink()
        raise


def _keep_mode(path: Path, partial: Path) -> None:
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        return
    if stat.S_ISREG(existing.st_mode):
        os.chmod(partial, stat.S_IMODE(existing.st_mode))
