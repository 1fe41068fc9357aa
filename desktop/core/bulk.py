"""Building many plain objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while a whole roster is built: tuples of plain
    values make no cycles, yet each few hundred of them would start a collection pass.
    A caller that already paused it keeps it paused."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def tidy_new_objects() -> None:
    """Sweep only what was made since the last sweep, while it is a few thousand objects:
    tuples of plain values found there are dropped from the collector's lists for good, so
    no later pass has to walk a whole roster at once."""
    gc.collect(0)
