"""Licences of the native libraries that PyInstaller copies into the bundle from outside the
Python packages: the build machine's own libraries (X11, xcb, GLib, fontconfig, D-Bus, …,
which Qt needs on a bare desktop) and the ones psycopg-binary vendors (libpq, OpenSSL,
Kerberos, OpenLDAP, SASL, …). crewbook.spec calls `collect()` with the binaries it keeps.

Each library is traced to the Debian package that provides it (or, for a vendored copy, the
same library under its usual name), whose /usr/share/doc/PACKAGE/copyright file is copied into
the bundle as desktop/resources/licenses/system/PACKAGE.txt, with the full texts it refers to
from /usr/share/common-licenses; system.json lists them for Help ▸ About ▸ Licences. Libraries
that come with a Python package whose notice already covers them (Qt and ICU inside PySide6,
Pillow's image libraries) and Python's own files are left to those notices.

This needs dpkg: build the Linux bundle on Debian or Ubuntu. Elsewhere, or for a library no
package provides, it names what it could not trace, and fails when CREWBOOK_STRICT_NOTICES=1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

# Folders of vendored libraries whose package's own licence file covers them.
COVERED_VENDOR_DIRS = {"pillow.libs", "PySide6", "shiboken6"}
SHARED_LIBRARY = re.compile(r"\.so(\.\d+)*$|\.dylib$|\.dll$", re.I)
COMMON_LICENSE = re.compile(r"/usr/share/common-licenses/([A-Za-z0-9.+_-]+[A-Za-z0-9+])")
DOC = Path("/usr/share/doc")


def _run(*args: str) -> str | None:
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _package_of(path: Path) -> str | None:
    """The Debian package that installed `path` (trying both sides of the /usr merge)."""
    real = path.resolve()
    candidates = [str(real), str(path)]
    for p in list(candidates):
        if p.startswith("/usr/"):
            candidates.append(p[4:])
        else:
            candidates.append("/usr" + p)
    for candidate in dict.fromkeys(candidates):
        out = _run("dpkg-query", "-S", candidate)
        if out:
            return out.split(":", 1)[0].split(",")[0].strip()
    return None


def _usual_name(vendored: str) -> str:
    """libpq-e9b5c9ac.so.5.18 -> libpq.so.5: the name auditwheel or delocate started from."""
    match = re.match(r"^(lib.+?)(-[0-9a-f]{8})?\.so\.(\d+)", vendored)
    return f"{match.group(1)}.so.{match.group(3)}" if match else vendored


def _system_path(soname: str) -> Path | None:
    """The build machine's copy of a library: the same soname, else the same library in
    another major version (libsasl2.so.3 -> libsasl2.so.2, libldap.so.2 -> libldap-2.5.so.0)."""
    out = _run("/sbin/ldconfig", "-p") or _run("ldconfig", "-p") or ""
    known = {}
    for line in out.splitlines():
        parts = line.strip().split(" => ")
        if len(parts) == 2:
            known.setdefault(parts[0].split(" (", 1)[0], Path(parts[1]))
    if soname in known:
        return known[soname]
    stem = soname.split(".so", 1)[0]
    for name in sorted(known):
        if name.startswith((f"{stem}.so", f"{stem}-")):
            return known[name]
    return None


def _site_dirs() -> list[Path]:
    dirs = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
            *site.getsitepackages()}
    return [Path(d).resolve() for d in dirs]


def _under(path: Path, folders: list[Path]) -> Path | None:
    for folder in folders:
        if path.is_relative_to(folder):
            return folder
    return None


def _licence(copyright_text: str) -> str:
    """The one licence a machine-readable copyright file names for the upstream files, or a
    pointer to the text when it names several (util-linux, say, is GPL, LGPL and BSD)."""
    names, main = set(), None
    for stanza in re.split(r"\n\s*\n", copyright_text):
        files = re.search(r"^Files:\s*(.+)$", stanza, re.M)
        found = re.search(r"^License:\s*(.+)$", stanza, re.M)
        if files and found and not files.group(1).strip().startswith("debian/"):
            names.add(found.group(1).strip())
            if files.group(1).strip() == "*":
                main = found.group(1).strip()
    if len(names) == 1:
        return names.pop()
    if main and len(main) <= 30:
        return f"{main} and others, see the text"
    return "several, see the text"


def _upstream(copyright_text: str, package: str) -> str:
    found = re.search(r"^Upstream-Name:\s*(.+)$", copyright_text, re.M)
    return found.group(1).strip() if found else package


def collect(binaries: list[tuple[str, str, str]], out: Path) -> list[tuple[str, str, str]]:
    """Write the notices for `binaries` (PyInstaller's (name, source, kind) entries) under
    `out` and return them as data entries for the bundle's desktop/resources/licenses/."""
    site_dirs = _site_dirs()
    # Python's own files: its standard library (with lib-dynload) and libpython.
    python_dirs = [Path(sysconfig.get_paths()[k]).resolve() for k in ("stdlib", "platstdlib")]
    wanted: dict[str, list[str]] = {}   # library on this machine -> its names in the bundle
    untraced: list[str] = []
    for name, source, _kind in binaries:
        src = Path(source).resolve()
        if not SHARED_LIBRARY.search(src.name):
            continue
        site = _under(src, site_dirs)
        if site is not None:
            top = src.relative_to(site).parts[0]
            if not top.endswith(".libs") or top in COVERED_VENDOR_DIRS:
                continue  # a Python package's own file: its notice covers it
            system = _system_path(_usual_name(src.name))
            if system is None:
                untraced.append(f"{name} (vendored by {top[:-5]})")
                continue
            wanted.setdefault(str(system), []).append(Path(name).name)
        elif _under(src, python_dirs) or src.name.startswith("libpython"):
            continue  # Python itself: python.txt
        else:
            wanted.setdefault(str(src), []).append(Path(name).name)

    packages: dict[str, list[str]] = {}
    have_dpkg = shutil.which("dpkg-query") is not None
    for path, names in wanted.items():
        package = _package_of(Path(path)) if have_dpkg else None
        if package is None or not (DOC / package / "copyright").is_file():
            untraced += names
            continue
        packages.setdefault(package, []).extend(names)

    target = out / "system"
    if target.exists():
        shutil.rmtree(target)
    (target / "common-licenses").mkdir(parents=True)
    entries = []
    common: set[str] = set()
    for package, names in sorted(packages.items()):
        text = (DOC / package / "copyright").read_text("utf-8", errors="replace")
        version = (_run("dpkg-query", "-W", "-f=${Version}", package) or "").strip()
        common.update(COMMON_LICENSE.findall(text))
        heading = f"{_upstream(text, package)} ({package} {version})".strip()
        libraries = ", ".join(sorted(set(names)))
        (target / f"{package}.txt").write_text(
            f"{heading}\n{'=' * len(heading)}\n\nIn the Crewbook folder: {libraries}\n"
            "Below is the copyright file of the Linux distribution's package of this library. "
            "Where it refers to /usr/share/common-licenses/NAME, that text is in "
            "common-licenses/NAME.txt beside this file.\n\n" + text, "utf-8")
        upstream = _upstream(text, package)
        entries.append({"key": f"system:{package}",
                        "name": upstream if upstream == package else f"{upstream} ({package})",
                        "licence": _licence(text), "file": f"system/{package}.txt",
                        "platforms": ["linux"], "note": f"{package} {version}: {libraries}"})
    for name in sorted(common):
        source = Path("/usr/share/common-licenses") / name
        if source.is_file():
            shutil.copyfile(source, target / "common-licenses" / f"{name}.txt")
    (out / "system.json").write_text(json.dumps(entries, indent=1, ensure_ascii=False) + "\n",
                                     "utf-8")

    if untraced:
        message = ("bundle_notices: no licence found for " + ", ".join(sorted(set(untraced)))
                   + (" (dpkg is not available)" if not have_dpkg else ""))
        if os.environ.get("CREWBOOK_STRICT_NOTICES") == "1":
            raise SystemExit(message)
        print(f"WARNING: {message}", file=sys.stderr)

    data = [(f"desktop/resources/licenses/{p.relative_to(out).as_posix()}", str(p), "DATA")
            for p in sorted(target.rglob("*.txt"))]
    return [*data, ("desktop/resources/licenses/system.json", str(out / "system.json"), "DATA")]


def combine(licenses: Path, out: Path) -> int:
    """Write every notice under `licenses` (the bundle's copy) into one text file, in the
    order Help ▸ About ▸ Licences lists them; return how many."""
    entries = []
    for index in ("notices.json", "python-packages.json", "system.json"):
        if (licenses / index).is_file():
            entries += json.loads((licenses / index).read_text("utf-8"))
    parts = ["Crewbook: licence and third-party notices", "",
             "Crewbook is licensed under the Apache License 2.0 (LICENSE.txt). It ships with "
             "the third-party software below, each under its own licence. The same notices "
             "are shown in Help > About > Licences.", ""]
    parts += [f"  {e['name']}: {e['licence']}" for e in entries]
    for entry in entries:
        parts += ["", "#" * 78, "", (licenses / entry["file"]).read_text("utf-8").rstrip("\n")]
    out.write_text("\n".join(parts) + "\n", "utf-8")
    return len(entries)


if __name__ == "__main__":
    # packaging/build.sh: python bundle_notices.py combine LICENSES_DIR OUT_FILE
    if len(sys.argv) != 4 or sys.argv[1] != "combine":
        raise SystemExit("usage: bundle_notices.py combine LICENSES_DIR OUT_FILE")
    print(f"{combine(Path(sys.argv[2]), Path(sys.argv[3]))} notices in {sys.argv[3]}")
