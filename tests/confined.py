"""Run `crewbook` with its data folder on a read-only mount or a full disk, for real.

Each run gets a private mount namespace (util-linux `unshare -m`), so the read-only bind
mounts and the tiny tmpfs it sets up are seen by that command alone and vanish with it. This
needs the right to make mounts: root, as CI runs, or an unprivileged user namespace.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_AFTER = "command -v after >/dev/null && after"


def _unshare() -> list[str]:
    return ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]


def crewbook_on(setup: str, folder: Path, *args: str,
                stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``setup`` (shell lines making mounts) and then `crewbook --data-dir FOLDER ARGS`
    in a mount namespace of its own."""
    command = " ".join(shlex.quote(a) for a in
                       [sys.executable, "-m", "desktop", "--data-dir", str(folder), *args])
    script = f"set -e\n{setup}\nset +e\n{command}\nrc=$?\n{_AFTER}\nexit $rc"
    return subprocess.run([*_unshare(), "sh", "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, input=stdin)


def read_only(path: Path) -> str:
    """Shell lines that make ``path`` (a folder or a file) read-only for the command."""
    p = shlex.quote(str(path))
    return f"mount --bind {p} {p}\nmount -o remount,bind,ro {p}"


def full_disk(folder: Path, size_kib: int, keep_free_kib: int = 0) -> str:
    """Shell lines that put ``folder``'s files on a tmpfs of ``size_kib`` and fill it up to
    ``keep_free_kib`` free."""
    f = shlex.quote(str(folder))
    return (f"cp -a {f} {f}.copy\n"
            f"mount -t tmpfs -o size={size_kib}k,mode=0700 tmpfs {f}\n"
            f"cp -a {f}.copy/. {f}/\n"
            f"avail=$(df -k --output=avail {f} | tail -1)\n"
            f"fill=$((avail - {keep_free_kib}))\n"
            f"if [ $fill -gt 0 ]; then dd if=/dev/zero of={f}/.filler bs=1k count=$fill "
            f"2>/dev/null || true; fi\n"
            # what the command leaves is copied out once it ends, for the test to look at
            f"after() {{ mkdir -p {f}.after && cp -a {f}/. {f}.after/; }}")
