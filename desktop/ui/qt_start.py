"""Qt for Python loaded first, before the rest of the window's modules.

Once PySide6.QtCore is in, PySide asks of every module imported after it whether its source
names "PySide6" (for its opt-in ``__feature__`` switches), and it finds out through
``inspect.getsource``: linecache, an encoding check and the file split into lines, for some
430 modules on the way to the first screen (60 ms of a start). :func:`load_qt` gives it the
same answer from the file's bytes (15 ms).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE = "shibokensupport.feature"  # where the supported PySide versions keep the check


def load_qt() -> None:
    """Import QtCore and quicken PySide's check of later imports; a PySide that has no such
    check is left as it is."""
    import PySide6.QtCore  # noqa: F401  # loads the feature module

    feature = sys.modules.get(_FEATURE)
    if feature is not None:
        quicken(feature)


def quicken(feature: ModuleType) -> None:
    """Give ``feature``'s check of a module (does its source name PySide6?) the answer read
    from the file's bytes. Modules without a ``.py`` file keep PySide's own check."""
    slow = getattr(feature, "_mod_uses_pyside", None)
    if not callable(slow) or getattr(slow, "reads_bytes", False):
        return
    feature._mod_uses_pyside = _reading_bytes(slow)  # type: ignore[attr-defined]


def _reading_bytes(slow: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return slow(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    return uses_pyside
