"""The wheel and the bundle really carry the licence and the notices: built here, so marked
`packaging` (about a minute)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
LICENSES = ROOT / "resources" / "licenses"
pytestmark = pytest.mark.packaging


def test_wheel_carries_the_licence_and_every_notice(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
         str(ROOT)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    wheel = zipfile.ZipFile(next(tmp_path.glob("crewbook-*.whl")))
    names = set(wheel.namelist())
    shipped = {f"desktop/resources/licenses/{p.relative_to(LICENSES).as_posix()}"
               for p in LICENSES.rglob("*") if p.is_file()}
    assert shipped <= names, sorted(shipped - names)
    info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    assert wheel.read(f"{info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
    metadata = wheel.read(f"{info}/METADATA").decode()
    assert "License-Expression: Apache-2.0" in metadata.splitlines()
    assert "License-File: LICENSE" in metadata.splitlines()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if sys.platform != "linux":
        pytest.skip("the Linux bundle")
    work = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable, "DIST_DIR": str(work / "dist"),
           "WORK_DIR": str(work / "work")}
    if shutil.which("dpkg-query"):  # every library's licence must then be found
        env["CREWBOOK_STRICT_NOTICES"] = "1"
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env,
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return work / "dist" / "crewbook"


def test_bundle_puts_the_licence_and_all_notices_at_its_top(bundle: Path) -> None:
    assert (bundle / "LICENSE.txt").read_bytes() == (ROOT / "LICENSE").read_bytes()
    notices = (bundle / "THIRD-PARTY-NOTICES.txt").read_text("utf-8")
    assert "Qt and Qt for Python (PySide6, Shiboken6): LGPL-3.0-only" in notices
    assert "DejaVu fonts:" in notices and "Bitstream Vera Fonts Copyright" in notices
    assert "psycopg: LGPL-3.0-only" in notices


def test_bundle_ships_the_notices_the_about_box_reads(bundle: Path) -> None:
    licenses = bundle / "_internal" / "desktop" / "resources" / "licenses"
    for path in LICENSES.rglob("*"):
        if path.is_file():
            assert (licenses / path.relative_to(LICENSES)).read_bytes() == path.read_bytes()
    system = json.loads((licenses / "system.json").read_text("utf-8"))
    if shutil.which("dpkg-query"):
        assert system, "no system library notices"
    for entry in system:
        text = (licenses / entry["file"]).read_text("utf-8")
        assert "In the Crewbook folder: lib" in text and "Copyright" in text, entry["file"]
        referred = re.findall(r"/usr/share/common-licenses/([A-Za-z0-9.+_-]+[A-Za-z0-9+])", text)
        for name in set(referred) - {"NAME"}:  # NAME: the heading's own explanation
            assert (licenses / "system" / "common-licenses" / f"{name}.txt").is_file(), name


def test_qt_libraries_sit_where_the_qt_notice_says(bundle: Path) -> None:
    qt = (LICENSES / "qt.txt").read_text("utf-8")
    internal = bundle / "_internal"
    linux = qt.split("Linux (", 1)[1].split("Windows (", 1)[0]
    for library in re.findall(r"\b(libQt6\w+\.so\.6)\b", linux):
        assert (internal / "PySide6" / "Qt" / "lib" / library).is_file(), library
        assert (internal / library).is_symlink(), library  # the link the notice says to keep
    assert list((internal / "PySide6" / "Qt" / "lib").glob("libicuuc.so.*"))
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert list((internal / "PySide6").glob("libpyside6.abi3.so.6.*"))
    assert list((internal / "shiboken6").glob("libshiboken6.abi3.so.6.*"))
    # The LGPL packages' Python code is there as files a user can replace.
    for package in ("PySide6", "shiboken6", "psycopg"):
        assert (internal / package / "__init__.py").is_file(), package
    # GNU Readline (GPL-3.0) stays out.
    assert not list(internal.rglob("libreadline*")) and not list(internal.rglob("readline*.so"))
