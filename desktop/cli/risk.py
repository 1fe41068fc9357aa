"""`crewbook risk …`: the pre-signing risk summary as a PDF."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop.core.i18n import _
from desktop.store.db import Store


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    risk = commands.add_parser("risk", help=_("the pre-signing risk summary"))
    risk_cmds = risk.add_subparsers(dest="action", metavar="ACTION", required=True)
    summary = risk_cmds.add_parser("summary", help=_("write an engagement's risk summary as PDF"))
    summary.add_argument("id", type=int, metavar="ENGAGEMENT_ID")
    summary.add_argument("-o", "--output", required=True, metavar="FILE.pdf")


def run(args: argparse.Namespace, store: Store) -> int:
    from desktop.reports.risk_summary import write_risk_summary  # ReportLab only when asked

    path = write_risk_summary(store, args.id, Path(args.output).expanduser(), dt.date.today())
    print(path)
    return 0
