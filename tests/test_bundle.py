"""The PyInstaller bundle, built by packaging/build.sh, runs offline from a bare data folder.

Every run goes through strace and, where the kernel lets us, inside a network namespace with
no interfaces up: the bundle must do its whole job without opening a single network socket.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.ui.single_instance import hand_over

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


class Offline:
    """Runs the bundle with networking cut off and every socket it makes recorded."""

    def __init__(self, folder: Path):
        _needs("strace")
        self.prefix = _no_network_prefix()
        self.folder = folder
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("PYTHON", "CREWBOOK_")) and k != "VIRTUAL_ENV"}
        self.env.update(QT_QPA_PLATFORM="offscreen", HOME=str(folder / "home"),
                        XDG_CONFIG_HOME=str(folder / "config"),
                        XDG_DATA_HOME=str(folder / "data"))
        self.traces: list[Path] = []

    def command(self, executable: Path, *args: str) -> list[str]:
        self.traces.append(self.folder / f"trace-{len(self.traces)}.txt")
        return [*self.prefix, "strace", "-f", "-qq", "-e", "trace=socket,connect",
                "-o", str(self.traces[-1]), str(executable), *args]

    def run(self, executable: Path, *args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(self.command(executable, *args), env=self.env, cwd=self.folder,
                                capture_output=True, text=True, timeout=300)
        self.check_trace(self.traces[-1])
        return result

    def start(self, executable: Path, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(self.command(executable, *args), env=self.env, cwd=self.folder,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    @staticmethod
    def check_trace(trace: Path) -> None:
        assert network_calls(trace.read_text()) == [], f"{trace.name}: a network socket"


@pytest.fixture
def offline(tmp_path: Path) -> Offline:
    folder = tmp_path / "offline"
    folder.mkdir()
    return Offline(folder)


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
        bundle: Path, offline: Offline, tmp_path: Path) -> None:
    app = bundle / "crewbook"
    assert (bundle / "install.sh").is_file() and (bundle / "uninstall.sh").is_file()
    data = tmp_path / "data"

    version = offline.run(app, "--version")
    assert version.returncode == 0 and version.stdout.startswith("crewbook ")

    created = offline.run(app, "--data-dir", str(data), "db", "upgrade")
    assert created.returncode == 0, created.stderr
    assert (data / "crewbook.sqlite3").is_file()

    imported = offline.run(app, "--data-dir", str(data), "import", str(FIXTURES / "xero_contacts.csv"))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 6 contractors" in imported.stdout

    added = offline.run(app, "--data-dir", str(data), "engagements", "add", "--contractor", "1",
                    "--title", "Monthly bookkeeping", "--amount", "500", "--currency", "USD")
    assert added.returncode == 0, added.stderr

    pdf = tmp_path / "summary.pdf"
    summary = offline.run(app, "--data-dir", str(data), "risk", "summary", "1", "-o", str(pdf))
    assert summary.returncode == 0, summary.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Monthly bookkeeping" in text and "Risk summary" in text


def test_bundle_works_on_a_team_database(bundle: Path, offline: Offline, pg_server) -> None:  # type: ignore[no-untyped-def]
    """The bundle brings the PostgreSQL driver (and its libpq): a team database over the
    server's local socket, with no network socket opened."""
    name = pg_server.create_database("bundled")
    url = pg_server.url(name).replace("postgresql+psycopg://", "postgresql://")
    try:
        loaded = offline.run(bundle / "crewbook", "--database", url, "demo")
        assert loaded.returncode == 0, loaded.stderr
        listed = offline.run(bundle / "crewbook", "--database", url, "db", "info")
        assert listed.returncode == 0, listed.stderr
        assert "contractors: 30 (+0 archived)" in listed.stdout
    finally:
        pg_server.drop_database(name)


def _traced_child(tracer: subprocess.Popen[str]) -> int:
    """strace's own child: the bundle, which gets the signal."""
    children = Path(f"/proc/{tracer.pid}/task/{tracer.pid}/children").read_text().split()
    return int(children[0])


def test_bundle_window_takes_a_file_from_a_second_copy_and_ends_cleanly_on_sigterm(
        bundle: Path, offline: Offline, tmp_path: Path) -> None:
    app, data = bundle / "crewbook", (tmp_path / "data").resolve()
    assert offline.run(app, "--data-dir", str(data), "demo").returncode == 0
    window = offline.start(app, "--data-dir", str(data))
    try:
        deadline = time.monotonic() + 120
        while not hand_over(data, timeout_ms=30_000):  # an activate request
            assert window.poll() is None, window.communicate()
            assert time.monotonic() < deadline, "the window never started listening"
            time.sleep(0.2)

        second = offline.run(app, "--data-dir", str(data), str(FIXTURES / "xero_contacts.csv"))
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout and "xero_contacts.csv there" in second.stdout

        os.kill(_traced_child(window), signal.SIGTERM)
        out, err = window.communicate(timeout=60)
        assert window.returncode == 0, err
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    offline.check_trace(offline.traces[1])
    saved = offline.folder / "config" / "Crewbook" / "Crewbook.conf"
    assert "geometry" in saved.read_text(), "the window did not close like a user closed it"


def test_built_bundle_installs_for_the_user_runs_and_uninstalls(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    installed = subprocess.run(["sh", str(bundle / "install.sh")], env=env, capture_output=True,
                               text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    exe = home / ".local" / "lib" / "crewbook" / "crewbook"
    entry = home / ".local" / "share" / "applications" / "app.crewbook.Crewbook.desktop"
    assert f"Exec={exe} %F" in entry.read_text()
    ran = subprocess.run([str(home / ".local" / "bin" / "crewbook"), "--version"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0 and ran.stdout.startswith("crewbook "), ran.stderr

    removed = subprocess.run(["sh", str(bundle / "uninstall.sh")], env=env, capture_output=True,
                             text=True, timeout=300)
    assert removed.returncode == 0, removed.stderr
    assert not exe.exists() and not entry.exists()


def test_bundle_keeps_the_desktop_plugins_and_leaves_out_the_network_ones(bundle: Path) -> None:
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    platforms = {p.name for p in (plugins / "platforms").iterdir()}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
    assert not {"libqvnc.so", "libqeglfs.so", "libqlinuxfb.so"} & platforms
    assert not (plugins / "tls").exists() and not (plugins / "networkinformation").exists()
    assert (plugins / "iconengines" / "libqsvgicon.so").is_file()  # the SVG app icon
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
    resources = bundle / "_internal" / "desktop"
    assert (resources / "migrations" / "versions").is_dir()
    assert (resources / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
