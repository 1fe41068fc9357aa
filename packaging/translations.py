"""Crewbook's translations, from the code to the files the app loads.

    python packaging/translations.py update    # the catalogues take in new and changed text
    python packaging/translations.py compile   # .ts -> .qm (the window), .po -> .mo (the rest)
    python packaging/translations.py check     # exit 1 when either step has work left

The window's text (desktop/ui) is Qt's: pyside6-lupdate finds tr() and QT_TR_NOOP() calls and
keeps resources/translations/crewbook_<lang>.ts; crewbook_en.ts holds only the English plural
forms of "%n" messages. Everything else (the rules' messages, the command line, the PDFs) is
gettext: Babel finds _(), N_(), ngettext() and friends into resources/locale/crewbook.pot and
each language's resources/locale/<lang>/LC_MESSAGES/crewbook.po. The compiled .qm and .mo
files are kept in the repository beside their sources, so an installed copy needs no Qt or
Babel tools; `check` (run by the tests) fails when they are stale.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop import __version__  # noqa: E402
from desktop.core.i18n import DOMAIN, LANGUAGES, SOURCE  # noqa: E402

UI = ROOT / "desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LOCALE = ROOT / "resources" / "locale"
POT = LOCALE / f"{DOMAIN}.pot"
GETTEXT_PACKAGES = ("core", "store", "io", "operations", "reports", "cli")
KEYWORDS = ("_", "N_", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3")
TRANSLATED = [code for code in LANGUAGES if code != SOURCE]
# Catalogue headers carry dates; fixed, the files change only when their messages do.
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
HEADER = ("# Crewbook's messages outside the window.\n"
          "# Distributed under the same licence as Crewbook (Apache-2.0).\n#")


def _catalog(**given: object):  # type: ignore[no-untyped-def]
    from babel.messages.catalog import Catalog

    return Catalog(project="Crewbook", version=__version__, domain=DOMAIN, charset="utf-8",
                   copyright_holder="Crewbook", msgid_bugs_address="https://crewbook.app",
                   header_comment=HEADER,
                   last_translator="Crewbook", creation_date=STAMP, revision_date=STAMP,
                   fuzzy=False,
                   **given)


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(found) if found.exists() else f"pyside6-{name}"


def ts_file(code: str) -> Path:
    return TRANSLATIONS / f"crewbook_{code}.ts"


def po_file(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.glob("*.py"))


def lupdate(target: Path, code: str) -> None:
    plural_only = ["-pluralonly"] if code == SOURCE else []
    subprocess.run([tool("lupdate"), *ui_sources(), "-ts", str(target), "-no-obsolete",
                    "-locations", "none", "-source-language", "en", "-target-language", code,
                    *plural_only], cwd=ROOT, check=True, capture_output=True)


def extract_pot() -> bytes:
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import write_po

    keywords: dict[str, object] = {}
    for keyword in KEYWORDS:
        name, _, spec = keyword.partition(":")
        keywords[name] = _spec(spec)
    catalog = _catalog()
    # The packages, and the start's own modules at the top of desktop/ ("*.py": that folder only).
    sources = [(ROOT / "desktop" / package, "**.py") for package in GETTEXT_PACKAGES]
    for folder, pattern in [*sources, (ROOT / "desktop", "*.py")]:
        for filename, _lineno, message, comments, context in extract_from_dir(
                folder, method_map=[(pattern, "python")], keywords=keywords,
                comment_tags=("Translators:",), strip_comment_tags=True):
            catalog.add(message, None, [], auto_comments=comments, context=context)
            del filename
    out = io.BytesIO()
    write_po(out, catalog, omit_header=False, no_location=True, sort_output=True, width=100)
    return out.getvalue()


def _spec(spec: str) -> tuple[object, ...] | None:
    if not spec:
        return None
    return tuple((int(p[:-1]), "c") if p.endswith("c") else int(p) for p in spec.split(","))


def updated_po(code: str, template: bytes) -> bytes:
    from babel.messages.pofile import read_po, write_po

    pot = read_po(io.BytesIO(template))
    path = po_file(code)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=code)
    else:
        catalog = _catalog(locale=code, language_team=LANGUAGES[code])
    catalog.update(pot, no_fuzzy_matching=True)
    catalog.creation_date = catalog.revision_date = STAMP
    catalog.obsolete.clear()
    out = io.BytesIO()
    write_po(out, catalog, no_location=True, sort_output=True, width=100,
             include_previous=False, ignore_obsolete=True)
    return out.getvalue()


def compiled_mo(code: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_file(code).open("rb") as f:
        catalog = read_po(f, locale=code)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compiled_qm(code: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.qm"
        subprocess.run([tool("lrelease"), str(ts_file(code)), "-qm", str(target)],
                       check=True, capture_output=True)
        return target.read_bytes()


def qm_file(code: str) -> Path:
    return TRANSLATIONS / f"crewbook_{code}.qm"


def mo_file(code: str) -> Path:
    return po_file(code).with_suffix(".mo")


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        lupdate(ts_file(code), code)
    template = extract_pot()
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_bytes(template)
    for code in TRANSLATED:
        po_file(code).parent.mkdir(parents=True, exist_ok=True)
        po_file(code).write_bytes(updated_po(code, template))


def compile_all() -> None:
    for code in LANGUAGES:
        qm_file(code).write_bytes(compiled_qm(code))
    for code in TRANSLATED:
        mo_file(code).write_bytes(compiled_mo(code))


def ts_messages(path: Path) -> set[tuple[str, str, str]]:
    """(context, source, disambiguation) of every message a .ts file holds."""
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name") or "", m.findtext("source") or "", m.findtext("comment") or "")
            for ctx in root.iter("context") for m in ctx.iter("message")}


def stale() -> list[str]:
    """What `update` or `compile` would change, one line each; empty when nothing."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for code in LANGUAGES:
            fresh = Path(folder) / ts_file(code).name
            lupdate(fresh, code)
            if not ts_file(code).exists() or ts_messages(fresh) != ts_messages(ts_file(code)):
                problems.append(f"{ts_file(code).relative_to(ROOT)}: run `update`")
    template = extract_pot()
    if not POT.exists() or POT.read_bytes() != template:
        problems.append(f"{POT.relative_to(ROOT)}: run `update`")
    for code in TRANSLATED:
        if not po_file(code).exists() or po_file(code).read_bytes() != updated_po(code, template):
            problems.append(f"{po_file(code).relative_to(ROOT)}: run `update`")
    for code in LANGUAGES:
        if not qm_file(code).exists() or qm_file(code).read_bytes() != compiled_qm(code):
            problems.append(f"{qm_file(code).relative_to(ROOT)}: run `compile`")
    for code in TRANSLATED:
        if not mo_file(code).exists() or mo_file(code).read_bytes() != compiled_mo(code):
            problems.append(f"{mo_file(code).relative_to(ROOT)}: run `compile`")
    return problems


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "check"
    if action == "update":
        update()
    elif action == "compile":
        compile_all()
    elif action == "check":
        problems = stale()
        for line in problems:
            print(line)
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
