"""The exit plan: how an engagement can end cleanly, written down before it is signed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.enums import DataDisposition
from desktop.core.i18n import _
from desktop.core.text import screen
from desktop.core.validation import FieldError, ValidationError

LABELS = {
    "for_convenience": _("Termination for convenience"),
    "convenience_notice_days": _("Notice for convenience (days)"),
    "for_cause": _("Termination for cause"), "cure_days": _("Cure period (days)"),
    "handover_work": _("Handover of work in progress"),
    "handover_credentials": _("Handover of credentials"),
    "data_disposition": _("Data at the end"), "data_disposition_notes": _("Data notes"),
    "knowledge_transfer": _("Knowledge transfer"), "backup_contractor_id": _("Backup contractor"),
    "access_revocation": _("Access to revoke"), "pro_rata_pay": _("Pro-rata pay for partial work"),
    "pro_rata_notes": _("Pro-rata notes"),
}
# Typed in boxes of several lines (the systems to revoke: one a line, or a list).
MULTILINE = ("handover_work", "handover_credentials", "data_disposition_notes",
             "knowledge_transfer", "pro_rata_notes", "access_revocation")
# Without these an exit is improvised; the signing gate asks for them once impact is high.
ESSENTIALS = ("termination", "handover", "data", "access")
ESSENTIAL_LABELS = {"termination": _("how either side may end it (for convenience or for cause)"),
                    "handover": _("handover of work in progress or credentials"),
                    "data": _("what happens to our data (return or destruction)"),
                    "access": _("the list of access to revoke")}


@dataclass(frozen=True)
class ExitPlanData:
    for_convenience: bool = False
    convenience_notice_days: int | None = None
    for_cause: bool = False
    cure_days: int | None = None
    handover_work: str = ""
    handover_credentials: str = ""
    data_disposition: DataDisposition | None = None
    data_disposition_notes: str = ""
    knowledge_transfer: str = ""
    backup_contractor_id: int | None = None
    access_revocation: tuple[str, ...] = ()
    pro_rata_pay: bool = False
    pro_rata_notes: str = ""


def validate_exit_plan(raw: Mapping[str, object]) -> ExitPlanData:
    raw, errors = screen(raw, MULTILINE)
    out: dict[str, object] = {}

    def text(name: str) -> str:
        value = raw.get(name, "")
        return "" if value is None else str(value).strip()

    for name in ("for_convenience", "for_cause", "pro_rata_pay"):
        value = raw.get(name)
        out[name] = value is True or str(value).strip().lower() in ("true", "yes", "1", "on")
    for name in ("handover_work", "handover_credentials", "data_disposition_notes",
                 "knowledge_transfer", "pro_rata_notes"):
        out[name] = text(name)
    for name in ("convenience_notice_days", "cure_days", "backup_contractor_id"):
        value = text(name)
        out[name] = None
        if value:
            if not value.isdigit():
                errors.append(FieldError(name, _("“{text}” is not a whole number").format(
                    text=value)))
            else:
                out[name] = int(value)
    if out["convenience_notice_days"] is not None and not out["for_convenience"]:
        errors.append(FieldError("convenience_notice_days",
                                 _("applies only with termination for convenience")))
    if out["cure_days"] is not None and not out["for_cause"]:
        errors.append(FieldError("cure_days", _("applies only with termination for cause")))
    disposition = text("data_disposition")
    out["data_disposition"] = None
    if disposition:
        try:
            out["data_disposition"] = DataDisposition.parse(disposition)
        except ValueError as exc:
            errors.append(FieldError("data_disposition", str(exc)))
    systems = raw.get("access_revocation") or ()
    if isinstance(systems, str):
        systems = systems.splitlines()
    out["access_revocation"] = tuple(dict.fromkeys(
        " ".join(str(s).split()) for s in systems if str(s).strip()))
    if errors:
        raise ValidationError(errors)
    return ExitPlanData(**out)  # type: ignore[arg-type]


def missing_essentials(plan: ExitPlanData | None) -> list[str]:
    """Which of the essentials the plan lacks (all of them when there is no plan)."""
    if plan is None:
        return list(ESSENTIALS)
    missing = []
    if not (plan.for_convenience or plan.for_cause):
        missing.append("termination")
    if not (plan.handover_work or plan.handover_credentials):
        missing.append("handover")
    if plan.data_disposition is None:
        missing.append("data")
    if not plan.access_revocation:
        missing.append("access")
    return missing


def completeness(plan: ExitPlanData | None) -> list[str]:
    """Everything still empty, essentials first, for the editor's indicator."""
    gaps = [ESSENTIAL_LABELS[e] for e in missing_essentials(plan)]
    if plan is None or not plan.knowledge_transfer:
        gaps.append(_("knowledge transfer"))
    if plan is None or plan.backup_contractor_id is None:
        gaps.append(_("a named backup contractor"))
    if plan is None or not plan.pro_rata_pay:
        gaps.append(_("pro-rata pay for partial work"))
    return gaps
