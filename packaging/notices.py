"""Write the licences of the Python packages Crewbook runs on into resources/licenses/.

    .venv/bin/python packaging/notices.py            # rewrite python-packages/ and its index
    .venv/bin/python packaging/notices.py --check    # exit 1 when a package has no notice

Each package's notice is its own licence file(s) copied word for word from its installed
dist-info, under a short heading; the index, python-packages.json, names the package, its
licence (as its metadata declares it) and the platforms that install it. The packages are the
dependencies in pyproject.toml and theirs, followed for Linux, Windows and macOS alike, so the
notices are the same whichever machine builds the wheel or the bundle. A package that only
another platform installs keeps the notice it already has; to add a new one, point
--dist-info at its unpacked wheel's .dist-info folder. PySide6 and Shiboken6 carry no licence
file of their own: qt.txt beside the index covers them.

The hand-written notices (Crewbook, Qt, ICU, the DejaVu fonts, Python, the full licence texts)
are listed in notices.json and are not touched, except python.txt, which is refreshed from the
running interpreter's own LICENSE.txt.
"""

from __future__ import annotations

import argparse
import email.message
import importlib.metadata as md
import json
import re
import sys
import sysconfig
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
LICENSES = ROOT / "resources" / "licenses"
PACKAGES = LICENSES / "python-packages"
INDEX = LICENSES / "python-packages.json"
# sys_platform and platform_system as each platform reports them.
PLATFORMS = {"linux": "Linux", "win32": "Windows", "darwin": "Darwin"}
PLATFORM_NAMES = {"linux": "Linux", "win32": "Windows", "darwin": "macOS"}
# Covered by qt.txt: their wheels carry no licence file.
COVERED_ELSEWHERE = {"pyside6-essentials", "shiboken6"}
# Classifiers that name exactly one SPDX licence.
CLASSIFIERS = {"MIT License": "MIT", "Apache Software License": "Apache-2.0",
               "The Unlicense (Unlicense)": "Unlicense", "ISC License (ISCL)": "ISC"}
# Packages whose metadata only says "BSD": the licence file they ship is the one named here.
DECLARED_LOOSELY = {"reportlab": "BSD-3-Clause"}
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.I)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def environment(platform: str) -> dict[str, str]:
    return {
        "sys_platform": platform, "platform_system": PLATFORMS[platform],
        "os_name": "nt" if platform == "win32" else "posix",
        "implementation_name": "cpython", "platform_python_implementation": "CPython",
        "python_version": f"{sys.version_info.major}.{sys.version_info.minor}",
        "python_full_version": "{}.{}.{}".format(*sys.version_info[:3]),
        "platform_machine": "x86_64" if platform != "darwin" else "arm64",
        "extra": "",
    }


def applies(marker: Marker | None, env: dict[str, str], extras: set[str]) -> bool:
    if marker is None:
        return True
    return any(marker.evaluate({**env, "extra": extra}) for extra in ({""} | extras))


def runtime_packages(extra_dists: dict[str, md.Distribution]) -> dict[str, set[str]]:
    """Every package the app installs, by normalised name, with the platforms that install it.
    A package not installed here (and not given with --dist-info) is still listed; its own
    dependencies are then unknown, which --check reports."""
    needs: dict[str, set[str]] = {}
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    for platform in PLATFORMS:
        env = environment(platform)
        # Markers are weighed as a requirement is queued: only then are its extras known.
        todo = [req for req in map(Requirement, meta["project"]["dependencies"])
                if applies(req.marker, env, set())]
        seen: set[str] = set()
        while todo:
            req = todo.pop()
            key = normalise(req.name)
            if key in seen:
                continue
            seen.add(key)
            needs.setdefault(key, set()).add(platform)
            dist = find(req.name, extra_dists)
            if dist is None:
                continue
            for text in dist.requires or []:
                sub = Requirement(text)
                if applies(sub.marker, env, set(req.extras)):
                    todo.append(sub)
    return needs


def find(name: str, extra_dists: dict[str, md.Distribution]) -> md.Distribution | None:
    key = normalise(name)
    if key in extra_dists:
        return extra_dists[key]
    try:
        return md.distribution(name)
    except md.PackageNotFoundError:
        return None


def licence_of(meta: email.message.Message) -> str:
    """The SPDX expression the package declares, else what its older metadata says."""
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    if normalise(meta["Name"]) in DECLARED_LOOSELY:
        return DECLARED_LOOSELY[normalise(meta["Name"])]
    classifiers = [CLASSIFIERS.get(c.rsplit(" :: ", 1)[-1], c.rsplit(" :: ", 1)[-1])
                   for c in meta.get_all("Classifier") or [] if c.startswith("License :: ")]
    text = (meta.get("License") or "").strip()
    if text and len(text) < 40 and "\n" not in text:
        return text
    if classifiers:
        return "; ".join(classifiers)
    return text.splitlines()[0] if text else "unknown"


def _read(dist: md.Distribution, name: str) -> str | None:
    """A file of the distribution's metadata folder; an old licence text in Latin-1 too."""
    try:
        return dist.read_text(name)
    except UnicodeDecodeError:
        folder = getattr(dist, "_path", None)
        return None if folder is None else (Path(folder) / name).read_bytes().decode("latin-1")


def licence_files(dist: md.Distribution) -> list[tuple[str, str]]:
    """(name, text) of each licence file the distribution ships, in its metadata's order."""
    named = dist.metadata.get_all("License-File") or []
    found: list[tuple[str, str]] = []
    for name in named:
        for candidate in (f"licenses/{name}", name):
            text = _read(dist, candidate)
            if text is not None:
                found.append((name, text))
                break
    if not found:  # older metadata: look for the usual names
        for file in dist.files or []:
            parts = file.parts
            if parts[0].endswith(".dist-info") and LICENCE_FILE.match(parts[-1]):
                text = _read(dist, "/".join(parts[1:]))
                if text is not None:
                    found.append((parts[-1], text))
    return found


def notice(dist: md.Distribution) -> str:
    meta = dist.metadata
    name = meta["Name"]
    lines = [name, "=" * len(name), "", f"Licence: {licence_of(meta)}"]
    home = [u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or []
            if u.split(",", 1)[0].strip().lower() in {"homepage", "source", "source code",
                                                      "repository", "code"}]
    if home or meta.get("Home-page"):
        lines.append(f"Project: {(home or [meta.get('Home-page')])[0]}")
    lines.append("")
    for file_name, text in licence_files(dist):
        lines += [f"--- {file_name} ---", "", text.rstrip("\n"), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def file_name(key: str) -> str:
    return f"{key}.txt"


def write(extra_dists: dict[str, md.Distribution]) -> list[str]:
    """Rewrite the notices; return the problems that remain."""
    problems = []
    needs = runtime_packages(extra_dists)
    old = {e["key"]: e for e in json.loads(INDEX.read_text("utf-8"))} if INDEX.exists() else {}
    PACKAGES.mkdir(parents=True, exist_ok=True)
    entries = []
    for key in sorted(needs):
        if key in COVERED_ELSEWHERE:
            continue
        platforms = sorted(needs[key], key=list(PLATFORMS).index)
        dist = find(key, extra_dists)
        target = PACKAGES / file_name(key)
        if dist is None:
            if key in old and target.exists():
                entries.append({**old[key], "platforms": platforms})
            else:
                problems.append(f"{key}: not installed here; pass --dist-info for it")
            continue
        if not licence_files(dist):
            problems.append(f"{key}: its metadata names no licence file")
        target.write_text(notice(dist), "utf-8")
        entries.append({"key": key, "name": dist.metadata["Name"],
                        "licence": licence_of(dist.metadata),
                        "file": f"python-packages/{file_name(key)}", "platforms": platforms})
    keep = {f"python-packages/{file_name(e['key'])}" for e in entries}
    for path in PACKAGES.glob("*.txt"):
        if f"python-packages/{path.name}" not in keep:
            path.unlink()
    INDEX.write_text(json.dumps(entries, indent=1, ensure_ascii=False) + "\n", "utf-8")
    python = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python.is_file():
        (LICENSES / "python.txt").write_text(python.read_text("utf-8"), "utf-8")
    return problems


def check() -> list[str]:
    """What the shipped notices miss: a package this environment installs for the app that
    has no notice, or a notice file that is not there. (A notice for a package that only an
    older Python needs stays: the bundle may be built with one.)"""
    needs = runtime_packages({})
    listed = {e["key"]: e for e in json.loads(INDEX.read_text("utf-8"))}
    problems = [f"{key}: installed for the app but has no notice"
                for key in sorted(set(needs) - set(listed) - COVERED_ELSEWHERE)]
    for key, entry in listed.items():
        if not (LICENSES / entry["file"]).is_file():
            problems.append(f"{key}: {entry['file']} is missing")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only report what is missing")
    parser.add_argument("--dist-info", action="append", default=[], type=Path,
                        help="an unpacked .dist-info folder of a package for another platform")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
    else:
        extra = {}
        for folder in args.dist_info:
            dist = md.PathDistribution(folder)
            extra[normalise(dist.metadata["Name"])] = dist
        problems = write(extra)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
