"""What the reminder at login says: how many things are overdue or due today, and what they are."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.i18n import ngettext


def _count(template: str, number: int) -> str:
    """A plural form for ``number`` with the number written in: "1,204 payments overdue"."""
    return template.format(n=f"{number:,}")


@dataclass(frozen=True)
class Reminder:
    payments_overdue: int = 0
    payments_due_today: int = 0
    check_ins: int = 0  # check-ins overdue
    notice_days: int = 0  # the last day to give notice is today, or has passed
    documents: int = 0  # expired, or expiring today

    @property
    def late(self) -> int:
        """What Today shows in red: everything but payments that only fall due today."""
        return self.payments_overdue + self.check_ins + self.notice_days + self.documents

    @property
    def count(self) -> int:
        return self.late + self.payments_due_today

    def parts(self) -> list[str]:
        overdue, today = self.payments_overdue, self.payments_due_today
        return [text for number, text in (
            (overdue, _count(ngettext("{n} payment overdue", "{n} payments overdue", overdue),
                             overdue)),
            (today, _count(ngettext("{n} payment due today", "{n} payments due today", today),
                           today)),
            (self.notice_days, _count(ngettext("{n} notice day", "{n} notice days",
                                               self.notice_days), self.notice_days)),
            (self.check_ins, _count(ngettext("{n} check-in overdue", "{n} check-ins overdue",
                                             self.check_ins), self.check_ins)),
            (self.documents, _count(ngettext("{n} document to renew", "{n} documents to renew",
                                             self.documents), self.documents)),
        ) if number]

    def text(self) -> str:
        """One sentence, or "" when nothing needs the owner today."""
        if not self.count:
            return ""
        return ngettext("{n} thing needs you today: {parts}",
                        "{n} things need you today: {parts}", self.count).format(
            n=f"{self.count:,}", parts=", ".join(self.parts()))
