"""What a command prints reaches the terminal with control and text-direction characters
escaped (``\\x1b``, ``\\u202e``): names and notes stored before such characters were refused,
file names and imported headers would otherwise be obeyed (a retitled window, a cleared screen,
a line that reads backwards). One wrapper around stdout and stderr covers every print."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from desktop.core.text import escaped

_LONE_CR = re.compile(r"\r(?!\n)")  # CR LF ends a CSV row; a CR alone rewrites the line


class Escaping(io.TextIOBase):
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, text: str) -> int:
        shown = _LONE_CR.sub(r"\\x0d", text) if "\r" in text else text
        self.out.write(escaped(shown, keep="\n\t\r"))
        return len(text)

    def flush(self) -> None:
        self.out.flush()

    def isatty(self) -> bool:
        return self.out.isatty()

    def fileno(self) -> int:
        return self.out.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.out, "encoding", "utf-8")


@contextmanager
def escaping() -> Iterator[None]:
    """stdout and stderr escaped for the block; one replaced inside it stays replaced."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Escaping(sys.stdout), Escaping(sys.stderr)
    try:
        yield
    finally:
        if isinstance(sys.stdout, Escaping):
            sys.stdout = saved[0]
        if isinstance(sys.stderr, Escaping):
            sys.stderr = saved[1]
