"""What the engagement pane says that is built from parts: the questions ending an engagement
asks (a reason; what becomes of the installments due after the end), the words on a signing
blocker's link, and why a move or a schedule was refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop.core.engagement import LABELS
from desktop.core.enums import EngagementStatus
from desktop.core.formats import date_text
from desktop.core.money import format_money
from desktop.core.validation import ValidationError
from desktop.store import reviews
from desktop.store.engagements import EngagementRecord
from desktop.store.payments import InstallmentRow
from desktop.ui import ask
from desktop.ui.fields import SCHEDULE_LABELS, error_lines
from desktop.ui.i18n import QT_TR_NOOP, tr

S = EngagementStatus


def ending_verb(status: EngagementStatus) -> str:
    """The move's name without its ellipsis, as the title of the question it asks."""
    return {S.COMPLETED: tr("Complete", "verb: finish an engagement"),
            S.TERMINATED: tr("Terminate", "verb: end an engagement early"),
            S.CANCELLED: tr("Cancel engagement")}[status]


def ending_question(status: EngagementStatus) -> str:
    """With {title} and {day} to fill in."""
    return {S.COMPLETED: tr("Complete “{title}” on {day}.\n\nReason (optional):"),
            S.TERMINATED: tr("Terminate “{title}” on {day}.\n\nReason (optional):"),
            S.CANCELLED: tr("Cancel engagement “{title}” on {day}.\n\nReason (optional):"),
            }[status]


CANCEL_LATER, KEEP_LATER = QT_TR_NOOP("Cancel them"), QT_TR_NOOP("Keep them owed")


def ask_cancel_later(parent: QWidget, record: EngagementRecord,
                     later: list[InstallmentRow], on: dt.date) -> bool | None:
    """Whether terminating also cancels what falls due after the end; None: do not end it."""
    total = format_money(sum(i.amount_minor for i in later), later[0].currency)
    line = tr("• {label}: {amount}, due {day}")
    listed = "\n".join(line.format(label=i.label, amount=format_money(i.amount_minor, i.currency),
                                   day=date_text(i.due_on)) for i in later[:8])
    if len(later) > 8:
        listed += "\n" + tr("• and %n more", "", len(later) - 8)
    cancel, keep = tr(CANCEL_LATER), tr(KEEP_LATER)
    answer = ask.choose(
        parent, tr("Terminate", "verb: end an engagement early"),
        tr("%n installment(s) of “{title}”, {total} in all, fall(s) due after {day} with nothing "
           "paid:\n{listed}\n\nOwed is what fell due by the end. Cancel these, or keep them "
           "owed (for work already done)?", "", len(later)).format(
            title=record.data.title, total=total, day=date_text(on), listed=listed),
        [cancel, keep, tr("Don't terminate")])
    return None if answer not in (cancel, keep) else answer == cancel


# The words on each blocker's link, by where its fix lives.
_WHERE = {"review": QT_TR_NOOP("Open the review"), "exit_plan": QT_TR_NOOP("Open the exit plan"),
          "documents": QT_TR_NOOP("Attach it"), "engagement": QT_TR_NOOP("Edit the engagement"),
          "contractor": QT_TR_NOOP("Open the contractor")}


def where_words(where: str) -> str:
    words = _WHERE.get(where.split(".")[0])
    return tr(words) if words else tr("Open", "link: go to what fixes a blocker")


def refusal(exc: BaseException) -> str:
    """Why a move, a rating or a schedule was refused."""
    if isinstance(exc, reviews.Blocked):
        return tr("Not signed: {reasons}").format(
            reasons=" ".join(b.message for b in exc.blockers))
    if isinstance(exc, ValidationError):
        return " ".join(f"{line}." for line in error_lines(exc, {**SCHEDULE_LABELS, **LABELS,
                                                                 "status": ""}))
    return str(exc)
