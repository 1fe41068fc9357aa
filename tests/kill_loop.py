"""kill -9 at a random moment, for tests that a command stopped anywhere leaves a whole file.

A kill-loop test runs ``loops(default)`` rounds; set CREWBOOK_KILL_LOOPS for a long run, e.g.
``CREWBOOK_KILL_LOOPS=200 python -m pytest tests/test_demo_crash.py``.
"""

from __future__ import annotations

import os
import random
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ENV = "CREWBOOK_KILL_LOOPS"


def loops(default: int) -> int:
    """How many rounds a kill loop runs: CREWBOOK_KILL_LOOPS when set, else ``default``."""
    text = os.environ.get(ENV, "").strip()
    if not text:
        return default
    count = int(text)  # a typo fails loudly rather than quietly running the short loop
    if count < 1:
        raise ValueError(f"{ENV} must be 1 or more, not {text}")
    return count


@dataclass(frozen=True)
class Outcome:
    delay: float  # seconds the command was given
    killed: bool  # False when it finished first
    returncode: int
    stderr: str


def kill_after(command: Sequence[str], *, low: float, high: float, cwd: Path | None = None,
               env: Mapping[str, str] | None = None,
               rng: random.Random | None = None) -> Outcome:
    """Start ``command``, wait a random time between ``low`` and ``high`` seconds and SIGKILL
    it (no clean-up runs: as a power cut or kill -9) unless it has finished by then. The
    process is always reaped before this returns."""
    delay = (rng or random).uniform(low, high)
    process = subprocess.Popen(list(command), cwd=cwd, env=None if env is None else dict(env),
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        _, err = process.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        process.kill()  # SIGKILL on POSIX
        _, err = process.communicate()
    finally:
        if process.poll() is None:  # an error in the test itself: leave no process behind
            process.kill()
            process.wait()
    return Outcome(delay, process.returncode < 0, process.returncode, err)
