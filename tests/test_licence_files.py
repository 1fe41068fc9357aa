"""Crewbook is Apache-2.0, says so everywhere it is asked, and ships every third-party notice
in its package data, so the wheel and the bundle carry them (checked without building: the
package-data patterns in pyproject.toml against the files on disk)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import tomllib
import xml.etree.ElementTree as ET
from fnmatch import fnmatch
from pathlib import Path

from desktop import APP_ID

ROOT = Path(__file__).parents[1]
LICENSES = ROOT / "resources" / "licenses"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
# The Apache License 2.0 exactly as the Apache Software Foundation publishes it.
APACHE_SHA256 = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30"


def index(name: str) -> list[dict]:
    return json.loads((LICENSES / name).read_text("utf-8"))


def test_licence_is_the_standard_apache_2_0_text_and_the_app_ships_a_copy() -> None:
    licence = (ROOT / "LICENSE").read_bytes()
    assert hashlib.sha256(licence).hexdigest() == APACHE_SHA256
    assert (LICENSES / "crewbook.txt").read_bytes() == licence


def test_pyproject_declares_apache_2_0_for_a_backend_that_understands_it() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "Apache-2.0"
    assert project["license-files"] == ["LICENSE"]
    # An SPDX string in `license` needs setuptools 77 (PEP 639); older ones reject it.
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]
    assert not any("License ::" in c for c in project.get("classifiers", []))


def test_appstream_metadata_names_apache_2_0() -> None:
    root = ET.parse(ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("project_license") == "Apache-2.0"
    assert root.findtext("metadata_license") == "CC0-1.0"


def packaged(path: Path) -> bool:
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["desktop.resources"]
    relative = path.relative_to(ROOT / "resources").as_posix()
    # setuptools matches each pattern against paths below the package, one folder per '/'.
    return any(fnmatch(relative, p) and relative.count("/") == p.count("/") for p in patterns)


def test_package_data_takes_every_notice_file() -> None:
    files = [p for p in LICENSES.rglob("*") if p.is_file()]
    assert len(files) > 40
    missing = [p.relative_to(ROOT).as_posix() for p in files if not packaged(p)]
    assert missing == []
    assert packaged(ROOT / "resources" / "fonts" / "LICENSE-DejaVu.txt")


def test_every_indexed_notice_exists_and_every_notice_is_indexed() -> None:
    entries = index("notices.json") + index("python-packages.json")
    named = {e["file"] for e in entries}
    assert all((LICENSES / f).is_file() for f in named)
    on_disk = {p.relative_to(LICENSES).as_posix() for p in LICENSES.rglob("*.txt")}
    assert on_disk == named
    keys = [e["key"] for e in entries]
    assert len(keys) == len(set(keys))
    assert {"crewbook", "qt", "dejavu-fonts", "lgpl-3.0", "gpl-3.0"} <= set(keys)


def test_notices_name_the_licences_the_packages_declare() -> None:
    declared = {e["key"]: e["licence"] for e in index("python-packages.json")}
    assert declared["psycopg"] == "LGPL-3.0-only" and declared["pycountry"] == "LGPL-2.1-only"
    assert declared["sqlalchemy"] == "MIT" and declared["reportlab"] == "BSD-3-Clause"
    assert declared["email-validator"] == "Unlicense" and declared["tzdata"] == "Apache-2.0"
    for key in declared:
        text = (LICENSES / "python-packages" / f"{key}.txt").read_text("utf-8")
        assert text.startswith(next(e["name"] for e in index("python-packages.json")
                                    if e["key"] == key))
        assert "--- " in text  # the package's own licence file follows its heading


def test_every_package_the_app_installs_here_has_a_notice() -> None:
    """A new dependency (or a dependency's new dependency) needs its notice: run
    `.venv/bin/python packaging/notices.py` and commit resources/licenses/."""
    spec = importlib.util.spec_from_file_location("notices", ROOT / "packaging" / "notices.py")
    assert spec is not None and spec.loader is not None
    notices = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(notices)
    assert notices.check() == []


def test_qt_notice_points_at_the_folders_the_bundle_uses() -> None:
    qt = (LICENSES / "qt.txt").read_text("utf-8")
    spec = (ROOT / "packaging" / "crewbook.spec").read_text("utf-8")
    assert 'contents_directory="_internal"' in spec  # the notice's _internal/ folder
    assert '"PySide6", "shiboken6", "psycopg"' in spec  # their .py files are files, not archived
    assert "_internal/PySide6/Qt/lib/" in qt and "_internal/PySide6/Qt/plugins/" in qt
    assert "LGPL-3.0.txt" in qt and "GPL-3.0.txt" in qt
    assert (LICENSES / "LGPL-3.0.txt").read_text("utf-8").startswith(
        "                   GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3")
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007" in (
        LICENSES / "GPL-3.0.txt").read_text("utf-8")


def test_no_notice_names_a_package_registry_host() -> None:
    hosts = ("pypi" + ".org", "files.python" + "hosted.org", "registry.npm" + "js.org")
    for path in [*LICENSES.rglob("*"), ROOT / "LICENSE"]:
        if path.is_file():
            text = path.read_text("utf-8")
            assert not any(h in text for h in hosts), path
