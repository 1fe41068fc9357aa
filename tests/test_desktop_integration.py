"""The Linux desktop integration: icons, desktop entry, AppStream metadata, install scripts.

The validators (`desktop-file-validate`, `appstreamcli`) are skipped when missing on a
developer's machine, but their absence fails the run on CI, which installs them.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import stat
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pytest

from desktop import APP_ID, __version__

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
DESKTOP_FILE = RESOURCES / "linux" / f"{APP_ID}.desktop"
METAINFO = RESOURCES / "linux" / f"{APP_ID}.metainfo.xml"
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
UNINSTALL = ROOT / "packaging" / "linux" / "uninstall.sh"

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def require_tool(name: str) -> str:
    """The tool's path; a missing tool skips the test locally and fails it on CI."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message}, and CI is expected to install it")
        pytest.skip(message)
    return found


def run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)


def read_desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def desktop_list(value: str) -> list[str]:
    return [item for item in value.split(";") if item]


def exec_program(value: str) -> str:
    """The program an Exec value starts, unescaped as the desktop entry spec says."""
    # String-level escapes first, then the Exec quoting rules.
    unescaped = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(
        m.group(1), m.group(1)), value)
    if unescaped.startswith('"'):
        program, index = [], 1
        while unescaped[index] != '"':
            if unescaped[index] == "\\" and unescaped[index + 1] in '"`$\\':
                index += 1
            program.append(unescaped[index])
            index += 1
        word = "".join(program)
    else:
        word = unescaped.split(" ", 1)[0]
    return word.replace("%%", "%")


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


# -- Validators -----------------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    tool = require_tool("desktop-file-validate")
    result = run([tool, str(DESKTOP_FILE)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "" and result.stderr.strip() == ""


def test_metainfo_passes_appstreamcli_without_warnings() -> None:
    tool = require_tool("appstreamcli")
    result = run([tool, "validate", "--no-net", str(METAINFO)])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not re.search(r"^\s*[WE]:", output, re.MULTILINE), output


# -- What the metadata says -----------------------------------------------------------------


def test_metainfo_names_the_app_and_its_current_version() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"
    releases = root.findall("releases/release")
    assert releases, "no release listed"
    newest = releases[0]
    assert newest.get("version") == __version__
    assert newest.get("date") == max(r.get("date", "") for r in releases)
    assert newest.find("description") is not None
    assert root.findtext("provides/binary") == "crewbook"


def test_metainfo_homepage_is_the_project_homepage() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    homepage = pyproject["project"]["urls"]["Homepage"]
    urls = [u.text for u in metainfo().findall("url") if u.get("type") == "homepage"]
    assert urls == [homepage]


def test_every_screenshot_is_a_file_in_resources() -> None:
    screenshots = metainfo().findall("screenshots/screenshot")
    assert screenshots
    defaults = [s for s in screenshots if s.get("type") == "default"]
    assert len(defaults) == 1
    for screenshot in screenshots:
        url = screenshot.findtext("image")
        assert url and url.startswith("https://"), url
        name = Path(urlparse(url).path).name
        assert (RESOURCES / name).is_file(), f"{url} names no file in resources/"
        assert (screenshot.findtext("caption") or "").strip(), f"{name} has no caption"
    assert Path(urlparse(defaults[0].findtext("image") or "").path).name == "screenshot.png"


def test_desktop_entry_matches_the_metainfo() -> None:
    entry = read_desktop_entry(DESKTOP_FILE)
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    # install.sh rewrites these two to the installed path.
    assert entry["Exec"].split()[0] == "crewbook"
    assert entry["TryExec"] == "crewbook"
    mediatypes = [m.text for m in metainfo().findall("provides/mediatype")]
    assert sorted(desktop_list(entry["MimeType"])) == sorted(mediatypes)
    assert len(set(mediatypes)) == len(mediatypes)
    categories = [c.text for c in metainfo().findall("categories/category")]
    assert desktop_list(entry["Categories"]) == categories


# -- Icons ----------------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert head[12:16] == b"IHDR", f"{path.name} does not start with IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_every_png_icon_has_the_size_in_its_name() -> None:
    pngs = sorted((ICONS / "png").glob("*.png"))
    found = set()
    for path in pngs:
        match = re.fullmatch(r"crewbook-(\d+)\.png", path.name)
        assert match, f"unexpected icon file {path.name}"
        size = int(match.group(1))
        assert png_size(path) == (size, size), path.name
        found.add(size)
    assert found == set(PNG_SIZES)


def test_ico_holds_every_windows_size() -> None:
    data = (ICONS / "crewbook.ico").read_bytes()
    assert data[:4] == b"\x00\x00\x01\x00"
    (count,) = struct.unpack("<H", data[4:6])
    sizes = set()
    for index in range(count):
        width = data[6 + 16 * index]
        sizes.add(width or 256)  # 0 stands for 256
    assert sizes == set(ICO_SIZES)


def test_icns_is_a_complete_apple_icon() -> None:
    data = (ICONS / "crewbook.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    # 512 px drawn for 1x (ic09) and Retina (ic14) screens.
    assert b"ic09" in data and b"ic14" in data


# -- install.sh and uninstall.sh ------------------------------------------------------------


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A stand-in for the PyInstaller folder: an executable and the resources it carries."""
    folder = tmp_path / "bundle"
    resources = folder / "_internal" / "desktop" / "resources"
    resources.mkdir(parents=True)
    shutil.copytree(ICONS, resources / "icons")
    shutil.copytree(RESOURCES / "linux", resources / "linux")
    exe = folder / "crewbook"
    exe.write_text('#!/bin/sh\necho "crewbook ran with: $*"\n', encoding="utf-8")
    exe.chmod(0o755)
    return folder


def script_env(home: Path, **extra: str) -> dict[str, str]:
    # Built from nothing: XDG_DATA_HOME stays unset unless given, ~/.local/bin is off PATH.
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}


def installed_paths(home: Path, data_home: Path) -> list[Path]:
    hicolor = data_home / "icons" / "hicolor"
    return [
        home / ".local" / "lib" / "crewbook",
        home / ".local" / "lib" / "crewbook" / "crewbook",
        home / ".local" / "bin" / "crewbook",
        data_home / "applications" / f"{APP_ID}.desktop",
        data_home / "metainfo" / f"{APP_ID}.metainfo.xml",
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg",
        *(hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in PNG_SIZES),
    ]


def assert_installed(home: Path, data_home: Path) -> None:
    for path in installed_paths(home, data_home):
        assert path.exists(), f"{path} was not installed"
    exe = home / ".local" / "lib" / "crewbook" / "crewbook"
    hicolor = data_home / "icons" / "hicolor"
    for n in PNG_SIZES:
        icon = hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        assert png_size(icon) == (n, n)
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == (
        ICONS / "crewbook.svg").read_bytes()
    assert (data_home / "metainfo" / f"{APP_ID}.metainfo.xml").read_bytes() == (
        METAINFO.read_bytes())

    entry_path = data_home / "applications" / f"{APP_ID}.desktop"
    entry = read_desktop_entry(entry_path)
    assert exec_program(entry["Exec"]) == str(exe)
    assert entry["Exec"].endswith(" %F")
    assert entry["TryExec"].replace("\\\\", "\\") == str(exe)
    assert entry["Icon"] == APP_ID
    if shutil.which("desktop-file-validate"):
        result = run(["desktop-file-validate", str(entry_path)])
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout

    link = home / ".local" / "bin" / "crewbook"
    assert link.is_symlink()
    assert link.resolve() == exe.resolve()
    ran = run([str(link), "hello"])
    assert ran.returncode == 0 and ran.stdout.strip() == "crewbook ran with: hello"


def assert_uninstalled(home: Path, data_home: Path, data_folder: Path) -> None:
    for path in installed_paths(home, data_home):
        assert not path.exists() and not path.is_symlink(), f"{path} is still there"
    leftovers = [
        p for p in home.rglob("*")
        if "crewbook" in p.name.lower() and data_folder not in (p, *p.parents)
    ]
    assert leftovers == []


def make_data_folder(data_home: Path) -> tuple[Path, bytes]:
    folder = data_home / "Crewbook"
    folder.mkdir(parents=True)
    content = b"SQLite format 3\x00" + bytes(range(256)) * 8
    (folder / "crewbook.sqlite3").write_bytes(content)
    return folder, content


def test_scripts_are_executable_posix_shell() -> None:
    for script in (INSTALL, UNINSTALL):
        assert script.stat().st_mode & stat.S_IXUSR, f"{script.name} is not executable"
        text = script.read_text(encoding="utf-8")
        assert text.startswith("#!/bin/sh\n")
        assert "\nset -eu\n" in text


def test_install_and_uninstall_twice_keeps_the_users_data(tmp_path: Path, bundle: Path) -> None:
    home = tmp_path / "home"
    data_home = home / ".local" / "share"
    data_folder, content = make_data_folder(data_home)
    env = script_env(home)

    for _ in range(2):
        result = run(["sh", str(INSTALL), str(bundle)], env)
        assert result.returncode == 0, result.stderr
        assert_installed(home, data_home)
        assert "is not on your PATH" in result.stdout
    # No half-finished copies are left next to the install.
    assert sorted(p.name for p in (home / ".local" / "lib").iterdir()) == ["crewbook"]

    for _ in range(2):
        result = run(["sh", str(UNINSTALL)], env)
        assert result.returncode == 0, result.stderr
        assert_uninstalled(home, data_home, data_folder)
        assert f"Your data was kept: {data_folder}" in result.stdout

    assert (data_folder / "crewbook.sqlite3").read_bytes() == content
    assert sorted(p.name for p in data_folder.iterdir()) == ["crewbook.sqlite3"]


def test_install_honours_xdg_data_home(tmp_path: Path, bundle: Path) -> None:
    home = tmp_path / "home"
    data_home = tmp_path / "elsewhere" / "share"
    data_folder, content = make_data_folder(data_home)
    env = script_env(home, XDG_DATA_HOME=str(data_home),
                     PATH=f"{home / '.local' / 'bin'}:/usr/bin:/bin")

    result = run(["sh", str(INSTALL), str(bundle)], env)
    assert result.returncode == 0, result.stderr
    assert_installed(home, data_home)
    assert not (home / ".local" / "share").exists()
    assert "is not on your PATH" not in result.stdout

    result = run(["sh", str(UNINSTALL)], env)
    assert result.returncode == 0, result.stderr
    assert_uninstalled(home, data_home, data_folder)
    assert f"Your data was kept: {data_folder}" in result.stdout
    assert (data_folder / "crewbook.sqlite3").read_bytes() == content


def test_reinstall_replaces_the_old_copy(tmp_path: Path, bundle: Path) -> None:
    home = tmp_path / "home"
    env = script_env(home)
    (bundle / "_internal" / "old-only.txt").write_text("old", encoding="utf-8")
    assert run(["sh", str(INSTALL), str(bundle)], env).returncode == 0

    (bundle / "_internal" / "old-only.txt").unlink()
    (bundle / "_internal" / "new-only.txt").write_text("new", encoding="utf-8")
    result = run(["sh", str(INSTALL), str(bundle)], env)
    assert result.returncode == 0, result.stderr

    installed = home / ".local" / "lib" / "crewbook" / "_internal"
    assert (installed / "new-only.txt").read_text(encoding="utf-8") == "new"
    assert not (installed / "old-only.txt").exists()
    assert_installed(home, home / ".local" / "share")


def test_install_copied_into_the_bundle_and_a_home_with_spaces(tmp_path: Path,
                                                               bundle: Path) -> None:
    # With no argument the script installs the folder it sits in; the desktop entry must
    # still start the program when the path needs quoting.
    home = tmp_path / 'my home $HOME "x" 100%'
    home.mkdir()
    for script in (INSTALL, UNINSTALL):
        shutil.copy2(script, bundle / script.name)
    env = script_env(home)

    result = run([str(bundle / "install.sh")], env)
    assert result.returncode == 0, result.stderr
    data_home = home / ".local" / "share"
    assert_installed(home, data_home)

    installed_uninstall = home / ".local" / "lib" / "crewbook" / "uninstall.sh"
    result = run([str(installed_uninstall)], env)
    assert result.returncode == 0, result.stderr
    assert_uninstalled(home, data_home, data_home / "Crewbook")


@pytest.mark.parametrize("broken", ["empty", "no_resources", "not_executable", "missing"])
def test_install_refuses_a_folder_that_is_not_a_bundle(tmp_path: Path, bundle: Path,
                                                       broken: str) -> None:
    home = tmp_path / "home"
    if broken == "empty":
        target = tmp_path / "empty"
        target.mkdir()
    elif broken == "no_resources":
        shutil.rmtree(bundle / "_internal" / "desktop" / "resources" / "linux")
        target = bundle
    elif broken == "not_executable":
        (bundle / "crewbook").chmod(0o644)
        target = bundle
    else:
        target = tmp_path / "missing"

    result = run(["sh", str(INSTALL), str(target)], script_env(home))
    assert result.returncode == 1
    assert result.stderr.startswith("install.sh: ")
    assert str(target) in result.stderr
    assert "bundle" in result.stderr or "not a folder" in result.stderr
    assert not (home / ".local").exists()
