"""The wheel, installed into a fresh environment, runs on its own: no source tree behind it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from desktop import __version__

ROOT = Path(__file__).parents[1]
pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return next(out.glob("crewbook-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv holding only the wheel; the app's dependencies are borrowed read-only from
    this environment through a .pth line placed after the venv's own site-packages."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wheel)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    site.joinpath("zz_borrowed_dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    return venv


def crewbook(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CREWBOOK_DATA_DIR")}
    return subprocess.run([str(venv / "bin" / "crewbook"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_wheel_holds_every_package_migrations_and_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for init in ROOT.joinpath("desktop").rglob("__init__.py"):
        assert init.relative_to(ROOT).as_posix() in names, f"{init.parent.name} left out"
    assert {"desktop/migrations/env.py", "desktop/migrations/script.py.mako",
            "desktop/migrations/versions/0001_initial_schema.py",
            "desktop/resources/demo/contractors.json", "desktop/resources/icons/crewbook.svg",
            "desktop/resources/fonts/DejaVuSans.ttf"} <= names
    revisions = {p.name for p in ROOT.joinpath("migrations", "versions").glob("*.py")}
    assert revisions <= {Path(n).name for n in names if n.startswith("desktop/migrations/versions/")}
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_wheel_migrates_and_loads_the_demo_from_its_own_files(
        installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c",
         "import desktop, desktop.migrations, desktop.resources as r; "
         "print(desktop.__file__); print(r.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(installed) for p in where), where

    version = crewbook(installed, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"crewbook {__version__}"

    data = tmp_path / "data"
    upgrade = crewbook(installed, tmp_path, "--data-dir", str(data), "db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    assert "schema" in upgrade.stdout and (data / "crewbook.sqlite3").is_file()

    loaded = crewbook(installed, tmp_path, "--data-dir", str(data), "demo")
    assert loaded.returncode == 0, loaded.stderr
    listed = crewbook(installed, tmp_path, "--data-dir", str(data), "contractors", "list",
                      "--format", "json")
    assert listed.returncode == 0, listed.stderr
    demo_names = json.loads(ROOT.joinpath("resources", "demo", "contractors.json").read_text("utf-8"))
    assert len(json.loads(listed.stdout)) == len(demo_names)
