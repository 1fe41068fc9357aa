"""The Windows and macOS recipes cannot be built here, so their promises are checked as text:
they point at files that exist and offer the same kinds of file on every platform."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from desktop import APP_ID

ROOT = Path(__file__).parents[1]
ISS = (ROOT / "packaging" / "windows" / "crewbook.iss").read_text("utf-8")
SPEC = (ROOT / "packaging" / "crewbook.spec").read_text("utf-8")
DESKTOP = (ROOT / "resources" / "linux" / f"{APP_ID}.desktop").read_text("utf-8")
# The same three kinds of contact list, as each platform names them.
KINDS = {
    "text/csv": (".csv", "public.comma-separated-values-text"),
    "text/tab-separated-values": (".tsv", "public.tab-separated-values-text"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        (".xlsx", "org.openxmlformats.spreadsheetml.sheet"),
}


def iss_value(key: str) -> str:
    match = re.search(rf"^{key}=(.+)$", ISS, re.M)
    assert match, key
    return match.group(1).strip()


def test_every_platform_opens_the_same_kinds_of_file() -> None:
    mime = re.search(r"^MimeType=(.+)$", DESKTOP, re.M).group(1).rstrip(";").split(";")
    assert set(mime) == set(KINDS)
    windows = set(re.findall(r'Classes\\(\.\w+)\\OpenWithProgids', ISS))
    assert windows == {ext for ext, _ in KINDS.values()}
    content_types = SPEC.split('"LSItemContentTypes"', 1)[1].split("]", 1)[0]
    macos = set(re.findall(r'"([\w.-]+)"', content_types))
    assert macos == {uti for _, uti in KINDS.values()}


def test_windows_installer_points_at_files_that_exist_and_at_the_spec_programs() -> None:
    source = ROOT if iss_value("SourceDir") == r"..\.." else None
    assert source is not None
    assert (source / iss_value("SetupIconFile").replace("\\", "/")).is_file()
    app_exe = re.search(r'^#define AppExe "(.+)"$', ISS, re.M).group(1)
    assert app_exe == "Crewbook.exe" and 'executable("Crewbook", console=False)' in SPEC
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", iss_value("AppId"))
    homepage = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["urls"]
    assert iss_value("AppPublisherURL") == homepage["Homepage"]
    assert iss_value("PrivilegesRequired") == "lowest"  # no administrator needed


def test_spec_icons_exist_and_the_mac_bundle_uses_the_desktop_id() -> None:
    icons = ROOT / "resources" / "icons"
    for name in re.findall(r'"(crewbook\.(?:ico|icns))"', SPEC):
        assert (icons / name).is_file(), name
    assert "bundle_identifier=APP_ID" in SPEC and 're.search(r\'^APP_ID = "' in SPEC
    assert "contents_directory=\"_internal\"" in SPEC  # install.sh looks there
