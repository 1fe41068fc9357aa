"""The command line's side of letting a well-rated contractor go: the same words the window
shows, and no going ahead without `--reason`."""

from __future__ import annotations

import sys

from desktop.operations.letting_go import AtStake


def refused_without_reason(stake: AtStake | None, reason: str, question: str) -> bool:
    """True, having said why on stderr, when ``stake`` asks for a reason none was given.
    ``question`` is the whole error line, with {name} for the contractor's."""
    if stake is None or reason.strip():
        return False
    print(question.format(name=stake.name), file=sys.stderr)
    for line in stake.lines:
        print(f"  {line}", file=sys.stderr)
    return True
