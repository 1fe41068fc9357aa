"""What the reminder at login says: how many things are overdue or due today, and what they are."""

from __future__ import annotations

from dataclasses import dataclass


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


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
        return [text for number, text in (
            (self.payments_overdue, _count(self.payments_overdue, "payment", "payments")
             + " overdue"),
            (self.payments_due_today, _count(self.payments_due_today, "payment", "payments")
             + " due today"),
            (self.notice_days, _count(self.notice_days, "notice day", "notice days")),
            (self.check_ins, _count(self.check_ins, "check-in", "check-ins") + " overdue"),
            (self.documents, _count(self.documents, "document", "documents") + " to renew"),
        ) if number]

    def text(self) -> str:
        """One sentence, or "" when nothing needs the owner today."""
        if not self.count:
            return ""
        verb = "needs" if self.count == 1 else "need"
        return (f"{_count(self.count, 'thing', 'things')} {verb} you today: "
                + ", ".join(self.parts()))
