"""The installed command ends its process quickly, but only after what Python would do on the
way out: exit functions run, output flushed, threads finished, and main's exit status kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import atexit, sys, threading, time
from desktop.launch import entry

atexit.register(lambda: print("exit functions ran"))
worker = threading.Thread(target=lambda: (time.sleep(0.2), print("thread finished")))
worker.start()
print("unflushed output", end="")  # nothing flushes it but the end of the process
sys.argv = ["crewbook", "--data-dir", sys.argv[1], *sys.argv[2:]]
entry()
print("never reached")
"""


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "data"), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_the_command_ends_after_its_exit_functions_output_and_threads(tmp_path: Path) -> None:
    result = _run(tmp_path, "contractors", "list")
    assert result.returncode == 0, result.stderr
    assert "unflushed output" in result.stdout
    assert "thread finished" in result.stdout
    assert result.stdout.rstrip().endswith("exit functions ran")
    assert "never reached" not in result.stdout


def test_the_exit_status_is_the_commands(tmp_path: Path) -> None:
    result = _run(tmp_path, "contractors", "show", "999")
    assert result.returncode == 1
    assert "exit functions ran" in result.stdout
    assert "never reached" not in result.stdout
