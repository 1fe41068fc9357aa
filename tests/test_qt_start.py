"""PySide's check of each later import, answered from the file's bytes: the same answers as
PySide's own rule (the module's source names PySide6), and in place from the window's first
import on."""

from __future__ import annotations

import importlib.util
import inspect
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop.core import money
from desktop.ui import main_window
from desktop.ui.qt_start import quicken
from tests.test_start_up_imports import fresh_python


class _Feature(ModuleType):
    """A stand-in for PySide's feature module, counting the calls to its own check."""

    def __init__(self) -> None:
        super().__init__("feature")
        self.asked: list[str] = []

        def own_check(module: ModuleType) -> bool:
            self.asked.append(module.__name__)
            try:
                return "PySide6" in inspect.getsource(module)
            except (TypeError, OSError):
                return False

        self._mod_uses_pyside = own_check


def _module_from(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("module, uses", [(main_window, True), (money, False), (json, False)])
def test_a_module_with_a_source_file_is_answered_from_its_bytes(module, uses):
    feature = _Feature()
    quicken(feature)
    assert feature._mod_uses_pyside(module) is uses
    assert ("PySide6" in inspect.getsource(module)) is uses  # PySide's own rule agrees
    assert feature.asked == []


def test_a_module_without_a_source_file_keeps_pysides_own_check():
    feature = _Feature()
    quicken(feature)
    assert feature._mod_uses_pyside(sys) is False
    assert feature.asked == ["sys"]


def test_a_source_file_gone_since_its_import_falls_back_to_pysides_check(tmp_path):
    path = tmp_path / "named_here.py"
    path.write_text("# PySide6 is only named here\n", encoding="utf-8")
    module = _module_from(path)
    feature = _Feature()
    quicken(feature)
    assert feature._mod_uses_pyside(module) is True
    path.unlink()
    assert feature._mod_uses_pyside(module) is False
    assert feature.asked == ["named_here"]


def test_quickening_twice_wraps_once():
    feature = _Feature()
    quicken(feature)
    once = feature._mod_uses_pyside
    quicken(feature)
    assert feature._mod_uses_pyside is once


def test_a_pyside_without_the_check_is_left_alone():
    feature = ModuleType("feature")
    quicken(feature)
    assert not hasattr(feature, "_mod_uses_pyside")


def test_the_check_is_quick_from_the_windows_first_import():
    # Fails when a PySide no longer has the check: then desktop.ui.qt_start can go.
    code = ("import sys, desktop.ui.app\n"
            "check = sys.modules['shibokensupport.feature']._mod_uses_pyside\n"
            "print(getattr(check, 'reads_bytes', False))")
    assert fresh_python(code).stdout.split() == ["True"]
