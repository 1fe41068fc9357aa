"""What the `crewbook` command runs first. A bare start, as from a menu or an icon, goes
straight to the window and loads only what the window needs before it shows; anything else
(a command, files to import, options) is for desktop.cli."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from desktop.display import why_no_window
from desktop.process_end import end_process


def entry() -> NoReturn:
    if not sys.argv[1:] and why_no_window(os.environ) is None:
        end_process(_window())
    from desktop.cli import main

    end_process(main())


def _window() -> int:
    import gc

    gc.disable()  # until the window is built: see desktop.ui.app.run
    from desktop.core.i18n import _
    from desktop.store.errors import StoreError
    from desktop.store.paths import DATABASE_ENV, data_dir
    from desktop.ui.app import run

    try:
        return run(data_dir(), database=os.environ.get(DATABASE_ENV))
    except (OSError, StoreError) as exc:
        print(_("crewbook: error: {problem}").format(problem=exc), file=sys.stderr)
        return 1
