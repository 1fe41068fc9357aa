"""Ending the process once the work is done, without taking the interpreter apart.

After a window on a large book closes, everything is saved and the lock is released, but
Python would still free every roster row and Qt object one by one before the process ends:
half a second or more for nothing. So the exit functions run (logs flushed, locks released,
temporary folders removed), threads are waited for, and the process ends there.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from contextlib import suppress
from typing import NoReturn


def end_process(code: int) -> NoReturn:
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()  # what Python runs on the way out, run now, once
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        if stream is not None:
            with suppress(OSError, ValueError):  # closed or gone: nothing left to write
                stream.flush()
    os._exit(code)
