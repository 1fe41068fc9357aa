"""Crewbook in German, end to end: the command line's help and messages, the window (with Qt's
own buttons) and a PDF report, each in a process started with CREWBOOK_LANGUAGE=de."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "resources" / "locale" / "de" / "LC_MESSAGES" / "crewbook.po"
TS = ROOT / "resources" / "translations" / "crewbook_de.ts"


def german(english: str) -> str:
    """What the German catalogue says for ``english`` (it must say something else)."""
    with PO.open("rb") as f:
        message = read_po(f, locale="de").get(english)
    assert message is not None and message.string and message.string != english, english
    return message.string


def german_window(english: str) -> str:
    for message in ET.parse(TS).getroot().iter("message"):
        if message.findtext("source") == english:
            text = message.findtext("translation") or ""
            assert text and text != english, english
            return text
    raise AssertionError(f"{english!r} is not in the window's catalogue")


def run(args: list[str], tmp_path: Path, code: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CREWBOOK_LANGUAGE": "de", "CREWBOOK_DATA_DIR": str(tmp_path / "data"),
           "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "desktop", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                          cwd=ROOT)


def test_the_command_line_helps_and_refuses_in_german(tmp_path: Path) -> None:
    shown = run(["report", "--help"], tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(german("usage: "))  # argparse's own words too
    top = run(["--help"], tmp_path).stdout
    assert german("PDF and CSV reports for your accountant") in top
    lines = top.splitlines()  # the prefix once, and the second form lined up under the first
    assert lines[0].startswith(german("usage: ") + "crewbook [-h]")
    files = next(line for line in lines if line.endswith("crewbook [--data-dir DIR] [FILE ...]"))
    assert files == " " * len(german("usage: ")) + "crewbook [--data-dir DIR] [FILE ...]"
    assert german("show Crewbook's version number and exit") in top
    refused = run(["contractors", "add", "--name", "Ana", "--email", "not-an-address"], tmp_path)
    assert refused.returncode != 0
    assert refused.stderr.startswith(german("crewbook: error: {problem}").split("{")[0])
    assert german("is not a valid address") in refused.stderr


def test_the_window_and_qt_buttons_speak_german(tmp_path: Path) -> None:
    code = (
        "from PySide6.QtWidgets import QDialogButtonBox\n"
        "from desktop.ui.app import make_application\n"
        "from desktop.ui.i18n import tr\n"
        "app = make_application(['crewbook'])\n"
        "box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)\n"
        "print(tr('&File'))\n"
        "print(box.button(QDialogButtonBox.StandardButton.Cancel).text())\n"
        "print(tr('%n engagement(s)', '', 2))\n")
    done = run([], tmp_path, code)
    assert done.returncode == 0, done.stderr
    file_menu, cancel, count = done.stdout.splitlines()
    assert file_menu == german_window("&File")
    assert cancel.replace("&", "") == "Abbrechen"  # Qt's own catalogue, shipped with Crewbook
    assert count.startswith("2 ") and "(s)" not in count


def test_a_report_prints_in_german(tmp_path: Path) -> None:
    assert shutil.which("pdftotext"), "pdftotext reads the PDF back: install poppler-utils"
    assert run(["demo"], tmp_path).returncode == 0
    pdf = tmp_path / "offen.pdf"
    made = run(["report", "outstanding", "-o", str(pdf)], tmp_path)
    assert made.returncode == 0, made.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert german("Outstanding and overdue") in text


def test_the_risk_summary_cuts_no_german_label_in_two(tmp_path: Path) -> None:
    """German builds long words; a label column is made wide enough for its longest."""
    assert run(["demo"], tmp_path).returncode == 0
    listed = run(["engagements", "list"], tmp_path).stdout.splitlines()
    engagement = next(line.split()[0] for line in listed if "Product video" in line)
    pdf = tmp_path / "risiko.pdf"
    made = run(["risk", "summary", engagement, "-o", str(pdf)], tmp_path)
    assert made.returncode == 0, made.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines = text.splitlines()
    first = next(line for line in lines if line.lstrip().startswith(german("Business")))
    assert re.search(rf"\b{german('Contractor')}\b", first)  # the facts' right-hand labels
    assert any(re.search(rf"\b{german('Score')}\b", line) for line in lines)  # the areas' head
    assert german("Backup contractor") in text  # the exit plan's labels


def test_every_report_column_title_reads_whole_in_german(tmp_path: Path) -> None:
    code = (
        "import importlib\n"
        "from desktop.core.i18n import choose_language\n"
        "choose_language()\n"
        "from desktop.reports.pdf_base import FONT_BOLD\n"
        "from desktop.reports.report_kit import HEAD_SIZE, PAD_X, Column, _fit, titled_widths\n"
        "for name in ('tax_year_report', 'payments_report', 'outstanding_report',\n"
        "             'statement_report'):\n"
        "    module = importlib.import_module('desktop.reports.' + name)\n"
        "    for columns in vars(module).values():\n"
        "        if isinstance(columns, tuple) and columns and isinstance(columns[0], Column):\n"
        "            for c, w in zip(columns, titled_widths(columns)):\n"
        "                print(c.title, '->', _fit(c.title, FONT_BOLD, HEAD_SIZE, w - 2 * PAD_X))\n")
    done = run([], tmp_path, code)
    assert done.returncode == 0, done.stderr
    titles = [line.split(" -> ") for line in done.stdout.splitlines()]
    assert len(titles) > 40 and german("Paid late") in {title for title, _shown in titles}
    assert [title for title, shown in titles if shown != title] == []
