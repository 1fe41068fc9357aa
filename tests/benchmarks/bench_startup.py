"""Bundle start-up benchmark: does the PyInstaller bundle start as fast as Crewbook run by
Python from the source tree? Each is timed from launch, on the demo roster, to its window being
up and answering (the single-instance channel replies once the event loop runs, after the
window is shown).

Not part of the test suite. Build the bundle first (packaging/build.sh), then:

    python tests/benchmarks/bench_startup.py --bundle dist/crewbook
    python tests/benchmarks/bench_startup.py --bundle dist/crewbook --strict  # exit 1 on a miss

The floor, measured in the same run: the same start from the source tree with this Python.
Target: the bundle at most 1.2x the floor. A bare PySide6 QMainWindow is printed alongside for
scale; tests/benchmarks/bench_roster.py breaks the app's own start-up into phases.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.ui.single_instance import hand_over  # noqa: E402

TARGET_RATIO = 1.2
BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, lambda: (print("up", flush=True), app.quit()))
app.exec()
"""


def bare_window(env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", BARE_WINDOW], env=env,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=60)
    if line.strip() != "up":
        raise SystemExit("the bare window did not start")
    return elapsed


def crewbook_window(command: list[str], folder: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen([*command, "--data-dir", str(folder)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not hand_over(folder, timeout_ms=30_000):
            if process.poll() is not None:
                raise SystemExit(f"{command[0]} exited with {process.returncode}")
            time.sleep(0.005)
        return time.perf_counter() - started
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, required=True,
                        help="a built bundle folder (dist/crewbook)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
               "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}
        folder = (home / "crewbook").resolve()
        source = [sys.executable, "-m", "desktop"]
        bundle = [str(args.bundle.resolve() / "crewbook")]
        subprocess.run([*source, "--data-dir", str(folder), "demo"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        for command in (source, bundle):  # warm the file cache and the compiled bytecode
            crewbook_window(command, folder, env)

        bare, floor, took = [], [], []
        for _ in range(args.runs):  # alternating, so a busy moment hits all three alike
            bare.append(bare_window(env))
            floor.append(crewbook_window(source, folder, env))
            took.append(crewbook_window(bundle, folder, env))
        bare_ms, floor_ms, took_ms = (statistics.median(x) * 1000 for x in (bare, floor, took))
        ratio = took_ms / floor_ms
        print(f"bare PySide6 window (scale)        {bare_ms:7.0f} ms")
        print(f"floor: crewbook from source        {floor_ms:7.0f} ms")
        print(f"crewbook bundle                    {took_ms:7.0f} ms  ({ratio:.2f}x the floor; "
              f"target <= {TARGET_RATIO}x)")
        print(f"median of {args.runs} runs each, demo roster, offscreen")
    return 1 if args.strict and ratio > TARGET_RATIO else 0


if __name__ == "__main__":
    raise SystemExit(main())
