"""The command line's side of letting a well-rated contractor go: the same words the window
shows, and no going ahead without `--reason`."""

from __future__ import annotations

import sys

from desktop.operations.letting_go import AtStake


def refused_without_reason(stake: AtStake | None, reason: str, action: str) -> bool:
    """True, having said why on stderr, when ``stake`` asks for a reason none was given."""
    if stake is None or reason.strip():
        return False
    print(f"crewbook: error: {action} {stake.name}? Say why with --reason.", file=sys.stderr)
    for line in stake.lines:
        print(f"  {line}", file=sys.stderr)
    return True
