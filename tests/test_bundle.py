"""The PyInstaller bundle, built by packaging/build.sh, runs offline from a bare data folder.

Every run goes through strace and, where the kernel lets us, inside a network namespace with
no interfaces up: the bundle must do its whole job without opening a single network socket.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "import"
pytestmark = pytest.mark.packaging
# Local sockets (the single-instance channel, D-Bus) are not network connections.
LOCAL_FAMILIES = {"AF_UNIX", "AF_LOCAL"}


def _needs(tool: str) -> None:
    if shutil.which(tool) is None:
        message = f"{tool} is not installed (.ci/run installs it)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)


def _no_network_prefix() -> list[str]:
    """`unshare --net` (as root) or with a user namespace; [] where neither is allowed, as in
    some containers. strace still sees every socket, so the check holds without it."""
    for prefix in (["unshare", "--net"], ["unshare", "--map-root-user", "--net"]):
        if shutil.which("unshare") and subprocess.run([*prefix, "true"],
                                                      capture_output=True).returncode == 0:
            return prefix
    return []


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable, "DIST_DIR": str(work / "dist"),
           "WORK_DIR": str(work / "work")}
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env,
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert re.search(r"Built .+: \S+ in \d+ s", result.stdout), result.stdout
    return work / "dist" / "crewbook"


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Run the bundle with networking cut off and every socket it makes recorded."""
    _needs("strace")
    prefix = _no_network_prefix()
    traces = tmp_path_factory.mktemp("traces")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "CREWBOOK_")) and k != "VIRTUAL_ENV"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(traces / "home"),
               XDG_CONFIG_HOME=str(traces / "config"), XDG_DATA_HOME=str(traces / "data"))
    count = 0

    def run(executable: Path, *args: str) -> subprocess.CompletedProcess[str]:
        nonlocal count
        count += 1
        trace = traces / f"{count}.txt"
        command = [*prefix, "strace", "-f", "-qq", "-e", "trace=socket,connect",
                   "-o", str(trace), str(executable), *args]
        result = subprocess.run(command, env=env, cwd=traces, capture_output=True, text=True,
                                timeout=300)
        assert network_calls(trace.read_text()) == [], f"crewbook {' '.join(args)} went online"
        return result

    return run


def network_calls(trace: str) -> list[str]:
    calls = []
    for line in trace.splitlines():
        made = re.search(r"\bsocket\((\w+)", line)
        if made and made.group(1) not in LOCAL_FAMILIES:
            calls.append(line)
        reached = re.search(r"\bconnect\(\d+, \{sa_family=(\w+)", line)
        if reached and reached.group(1) not in LOCAL_FAMILIES:
            calls.append(line)
    return calls


def test_trace_reader_flags_internet_sockets_and_allows_local_ones() -> None:
    trace = ("12 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3\n"
             '12 connect(3, {sa_family=AF_UNIX, sun_path="/tmp/crewbook-1"}, 110) = 0\n'
             "13 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 4\n"
             "13 connect(4, {sa_family=AF_INET, sin_port=htons(443)}, 16) = -1 ENETUNREACH\n")
    assert network_calls(trace) == trace.splitlines()[2:]


def test_bundle_creates_imports_and_writes_a_risk_summary_offline(
        bundle: Path, offline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = bundle / "crewbook"
    assert (bundle / "install.sh").is_file() and (bundle / "uninstall.sh").is_file()
    data = tmp_path / "data"

    version = offline(app, "--version")
    assert version.returncode == 0 and version.stdout.startswith("crewbook ")

    created = offline(app, "--data-dir", str(data), "db", "upgrade")
    assert created.returncode == 0, created.stderr
    assert (data / "crewbook.sqlite3").is_file()

    imported = offline(app, "--data-dir", str(data), "import", str(FIXTURES / "xero_contacts.csv"))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 6 contractors" in imported.stdout

    added = offline(app, "--data-dir", str(data), "engagements", "add", "--contractor", "1",
                    "--title", "Monthly bookkeeping", "--amount", "500", "--currency", "USD")
    assert added.returncode == 0, added.stderr

    pdf = tmp_path / "summary.pdf"
    summary = offline(app, "--data-dir", str(data), "risk", "summary", "1", "-o", str(pdf))
    assert summary.returncode == 0, summary.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Monthly bookkeeping" in text and "Risk summary" in text
