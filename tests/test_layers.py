"""The layers hold: only desktop.ui touches Qt, views never touch the ORM, arrows point down."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).parents[1]


def test_import_contracts_hold(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    # import-linter configures logging, which switches off every logger that exists: the
    # app's own loggers are put back as they were for the tests after this one.
    loggers = [lg for lg in logging.root.manager.loggerDict.values()
               if isinstance(lg, logging.Logger)]
    disabled = {lg: lg.disabled for lg in loggers}
    try:
        assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0
    finally:
        for lg, was in disabled.items():
            lg.disabled = was


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_qt_outside_ui_even_in_migrations() -> None:
    # migrations/ ships as desktop.migrations but lives outside the scanned tree.
    files = [*ROOT.joinpath("desktop").rglob("*.py"), *ROOT.joinpath("migrations").rglob("*.py")]
    offenders = [str(f.relative_to(ROOT)) for f in files
                 if "ui" not in f.relative_to(ROOT).parts and {"PySide6", "shiboken6"} & _imports(f)]
    assert offenders == []


def test_revisions_import_no_app_code() -> None:
    for revision in ROOT.joinpath("migrations", "versions").glob("*.py"):
        assert "desktop" not in _imports(revision), revision.name
