"""Every visible string is marked for translation, the catalogues are current, and German has
a translation for every message with the same placeholders."""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import translations  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}|%n|%\([a-z_]+\)[sr]|%[sr]")
WORDS = re.compile(r"[A-Za-z]{2,}")
# Markup, addresses and file patterns are not words to translate.
NOT_WORDS = re.compile(r"<[^>]*>|&[a-z]+;|\w+://\S*|\*\.\w+")
# A message only a developer meets (a broken invariant) says so on its line.
INTERNAL = "# not shown"

# Qt calls whose text arguments a person reads, and the keywords that carry such text.
VISIBLE_CALLS = frozenset({
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle",
    "setPlaceholderText", "setTitle", "setSubTitle", "addMenu", "addTab", "insertTab",
    "setTabText", "setTabToolTip", "showMessage", "setHorizontalHeaderLabels", "setHeaderLabels",
    "setVerticalHeaderLabels", "addItem", "addItems", "insertItem", "setItemText", "addRow",
    "setLabelText", "setButtonText", "setSpecialValueText", "setSuffix", "setPrefix", "setHtml",
    "setInformativeText", "setDetailedText", "setAccessibleName", "addWidget_label",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
    "QMessageBox", "make_action", "_action", "warn", "inform", "confirm", "choose", "ask",
    "information", "question", "critical", "warning", "about", "getText", "getOpenFileName",
    "getSaveFileName", "getExistingDirectory", "addAction", "addSection", "addSeparator_text",
    "setDefaultSuffix", "setNameFilter",
})
VISIBLE_KEYWORDS = frozenset({"text", "toolTip", "statusTip", "windowTitle", "title", "subTitle",
                              "placeholderText", "tip", "caption", "message", "question"})
MARKERS = frozenset({"tr", "QT_TR_NOOP", "_", "ngettext", "pgettext", "npgettext", "N_"})
# Messages of these exceptions reach people (the window shows them, the command line prints).
USER_ERRORS = re.compile(r"(ValueError|ValidationError|FieldError|StoreError|Refused|ConflictError"
                         r"|Cancelled|ValueProblem|DiskError|BusyError|.*Refused)$")


def _has_words(text: str) -> bool:
    return bool(WORDS.search(NOT_WORDS.sub(" ", text)))


def _text_in(node: ast.AST) -> ast.AST | None:
    """The first piece of literal text with words in ``node`` that no marker wraps."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node if _has_words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return node if _has_words(literal) else None
    if isinstance(node, ast.Call):
        name = _name(node.func)
        if name in MARKERS:
            return None
        if name == "format" and isinstance(node.func, ast.Attribute):
            return _text_in(node.func.value)
        return None
    if isinstance(node, ast.BinOp):
        return _text_in(node.left) or _text_in(node.right)
    if isinstance(node, ast.IfExp):
        return _text_in(node.body) or _text_in(node.orelse)
    return None


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _unmarked(path: Path, rule) -> list[str]:  # type: ignore[no-untyped-def]
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and INTERNAL in lines[node.lineno - 1]:
            continue
        for text in rule(node):
            found.append(f"{path.relative_to(ROOT)}:{text.lineno}: "
                         f"{ast.unparse(text)[:70]}")
    return found


def _logged(func: ast.AST) -> bool:
    """log.warning(...) and friends write the log file, which stays English."""
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
        and func.value.id in ("log", "logger", "logging", "_log")


def _window_rule(node: ast.AST) -> list[ast.AST]:
    if not isinstance(node, ast.Call) or _name(node.func) not in VISIBLE_CALLS \
            or _logged(node.func):
        return []
    args = [*node.args, *(k.value for k in node.keywords if k.arg in VISIBLE_KEYWORDS)]
    return [t for a in args if (t := _text_in(a)) is not None]


def _gettext_rule(cli: bool):  # type: ignore[no-untyped-def]
    def rule(node: ast.AST) -> list[ast.AST]:
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                and USER_ERRORS.match(_name(node.exc.func)):
            return [t for a in node.exc.args if (t := _text_in(a)) is not None]
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name == "FieldError" and len(node.args) > 1:
                return [t for t in [_text_in(node.args[1])] if t is not None]
            if cli and name == "print":
                return [t for a in node.args if (t := _text_in(a)) is not None]
            if name in ("add_argument", "add_parser", "ArgumentParser", "add_subparsers"):
                return [t for k in node.keywords if k.arg in ("help", "description", "epilog")
                        if (t := _text_in(k.value)) is not None]
        return []
    return rule


def test_every_visible_string_of_the_window_is_marked() -> None:
    found = [line for path in sorted((ROOT / "desktop" / "ui").glob("*.py"))
             for line in _unmarked(path, _window_rule)]
    assert found == [], "mark these with tr():\n" + "\n".join(found)


@pytest.mark.parametrize("package", translations.GETTEXT_PACKAGES)
def test_every_message_outside_the_window_is_marked(package: str) -> None:
    rule = _gettext_rule(cli=package == "cli")
    found = [line for path in sorted((ROOT / "desktop" / package).rglob("*.py"))
             for line in _unmarked(path, rule)]
    assert found == [], "mark these with _():\n" + "\n".join(found)


def test_every_message_of_the_start_is_marked() -> None:
    """The modules at the top of desktop/ (the launch, the display check) speak too."""
    rule = _gettext_rule(cli=True)
    found = [line for path in sorted((ROOT / "desktop").glob("*.py"))
             for line in _unmarked(path, rule)]
    assert found == [], "mark these with _():\n" + "\n".join(found)


def test_the_marking_check_finds_what_it_should() -> None:
    tree = ast.parse('label.setText(f"Due {day}")\nlabel.setText(tr("Due {day}").format(day=d))\n'
                     'QLabel("Name:")\nQLabel(tr("Name:"))\nbox.setText("—")\n'
                     'raise ValueError(f"{x} is not a date")\nraise ValueError(_("bad"))\n'
                     'print("Imported.")\nprint(json.dumps(x))\nQLabel(f"<b>{tr(x)}</b>")\n'
                     'edit.setPlaceholderText("https://")\n')
    window = [ast.unparse(t) for n in ast.walk(tree) for t in _window_rule(n)]
    assert window == ["f'Due {day}'", "'Name:'"]
    cli = [ast.unparse(t) for n in ast.walk(tree) for t in _gettext_rule(True)(n)]
    assert cli == ["f'{x} is not a date'", "'Imported.'"]


def test_the_catalogues_and_their_compiled_files_are_current() -> None:
    assert translations.stale() == [], "run: python packaging/translations.py update compile"


def _ts(code: str) -> list[ET.Element]:
    root = ET.parse(translations.ts_file(code)).getroot()
    return list(root.iter("message"))


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("code", translations.TRANSLATED)
def test_the_window_is_translated_whole(code: str) -> None:
    missing, wrong = [], []
    for message in _ts(code):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = ([f.text or "" for f in translation.iter("numerusform")]
                 if message.get("numerus") == "yes" else [translation.text or ""])
        if translation.get("type") in ("unfinished", "vanished", "obsolete") \
                or not all(f.strip() for f in forms):
            missing.append(source)
            continue
        for form in forms:  # "%n" may be left out of a form ("eine Zeile")
            if _placeholders(form) - {"%n"} != _placeholders(source) - {"%n"}:
                wrong.append(f"{source!r} -> {form!r}")
    assert missing == [], f"{len(missing)} window messages lack a {code} translation: {missing[:20]}"
    assert wrong == [], "placeholders differ:\n" + "\n".join(wrong)


def test_english_plural_forms_are_written_out() -> None:
    messages = _ts("en")
    assert messages, "crewbook_en.ts holds the English forms of every %n message"
    for message in messages:
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2 and all(f.strip() for f in forms), message.findtext("source")
        assert message.find("translation").get("type") is None, message.findtext("source")


@pytest.mark.parametrize("code", translations.TRANSLATED)
def test_the_messages_outside_the_window_are_translated_whole(code: str) -> None:
    with translations.po_file(code).open("rb") as f:
        catalog = read_po(f, locale=code)
    missing, wrong = [], []
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s.strip() for s in strings):
            missing.append(sources[0])
            continue
        expected = _placeholders(sources[-1])
        for text in strings:
            if _placeholders(text) != expected:
                wrong.append(f"{sources[0]!r} -> {text!r}")
    assert missing == [], f"{len(missing)} messages lack a {code} translation: {missing[:20]}"
    assert wrong == [], "placeholders differ:\n" + "\n".join(wrong)
