"""Promises the repository makes to newcomers and to CI."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _readme_commands() -> list[str]:
    text = ROOT.joinpath("README.md").read_text("utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", quick)


def test_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    commands = _readme_commands()
    assert len(commands) == 2
    launch, test = commands
    assert "crewbook demo" in launch and launch.rstrip().endswith("crewbook")
    assert "pytest" in test
    ci = ROOT.joinpath(".ci", "run").read_text("utf-8")
    assert test in ci.splitlines()


def test_readme_screenshot_exists() -> None:
    assert ROOT.joinpath("resources", "screenshot.png").stat().st_size > 10_000


def test_no_committed_file_names_a_package_registry_host() -> None:
    hosts = ("pypi" + ".org", "files.python" + "hosted.org", "registry.npm" + "js.org")
    for path in ROOT.rglob("*"):
        if path.is_file() and not {".git", ".venv", "__pycache__"} & set(path.parts) \
                and path.suffix in {".txt", ".toml", ".cfg", ".md", ".py", ".ini", ".lock", ""}:
            text = path.read_text("utf-8", errors="ignore")
            assert not any(h in text for h in hosts), path
