"""Without a display the window says so in one line, before Qt can abort, and points at the
command line (exit status 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.display import why_no_window


def found(_name: str) -> str | None:
    return "libxcb-cursor.so.0"


def missing(_name: str) -> str | None:
    return None


@pytest.mark.parametrize(("environ", "platform"), [
    ({"DISPLAY": ":0"}, "linux"),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
    ({}, "win32"),
    ({}, "darwin"),
])
def test_the_window_opens_where_there_is_something_to_draw_on(environ: dict[str, str],
                                                             platform: str) -> None:
    assert why_no_window(environ, platform, found) is None


def test_no_display_is_named_with_the_command_line_as_the_way_on() -> None:
    problem = why_no_window({}, "linux", found)
    assert problem is not None and "no display" in problem and "crewbook --help" in problem
    # Asking for X11 on a Wayland session without an X server is no display either.
    assert why_no_window({"WAYLAND_DISPLAY": "w", "QT_QPA_PLATFORM": "xcb"}, "linux", found)


def test_a_missing_x11_library_is_named_with_its_package() -> None:
    problem = why_no_window({"DISPLAY": ":0"}, "linux", missing)
    assert problem is not None and "libxcb-cursor0" in problem and "apt install" in problem


def test_crewbook_without_a_display_exits_2_with_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    import desktop.ui.app

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setattr(desktop.ui.app, "run", lambda *a, **k: pytest.fail("Qt was started"))
    assert main(["--data-dir", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("crewbook: no display") and "crewbook --help" in err
    csv = tmp_path / "a.csv"
    csv.write_text("name\nAda\n", encoding="utf-8")
    assert main([str(csv), "--data-dir", str(tmp_path / "d")]) == 2
