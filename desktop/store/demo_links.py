"""What of the owner's own records points at demo data, so removing the demo can say so first
and leave a note where a reference has to go, instead of changing their records unseen."""

from __future__ import annotations

from sqlalchemy import select

from desktop.core.i18n import N_, _
from desktop.store.db import Store
from desktop.store.models import Activity, ActivityQuote, Contractor, Engagement, ExitPlan
from desktop.store.versions import touch

DEMO_NOTE = N_("demo contractor {name}, removed with the demo data")


def _demo_names(session) -> dict[int, str]:  # type: ignore[no-untyped-def]
    return dict(session.execute(select(Contractor.id, Contractor.display_name)
                                .where(Contractor.is_demo.is_(True))).all())


def references(store: Store) -> list[str]:
    """One line per record of the owner's that refers to demo data."""
    found: list[str] = []
    with store.reading() as session:
        demo = _demo_names(session)
        if not demo:
            return []
        for title, backup in session.execute(
                select(Engagement.title, ExitPlan.backup_contractor_id)
                .join(ExitPlan, ExitPlan.engagement_id == Engagement.id)
                .where(Engagement.is_demo.is_(False),
                       ExitPlan.backup_contractor_id.in_(demo))):
            found.append(_("The exit plan of “{title}” names demo contractor {name} as its "
                           "backup: the backup is cleared and a note says who it was.")
                         .format(title=title, name=demo[backup]))
        for name, who in session.execute(
                select(Activity.name, ActivityQuote.contractor_id)
                .join(ActivityQuote, ActivityQuote.activity_id == Activity.id)
                .where(Activity.is_demo.is_(False), ActivityQuote.contractor_id.in_(demo))):
            found.append(_("Your activity “{activity}” has a quote from demo contractor "
                           "{name}: the quote stays, marked as from a removed demo contractor.")
                         .format(activity=name, name=demo[who]))
        for title, who in session.execute(
                select(Engagement.title, Engagement.contractor_id)
                .where(Engagement.is_demo.is_(False), Engagement.contractor_id.in_(demo))):
            found.append(_("Your engagement “{title}” is with demo contractor {name}: it goes "
                           "with them, with its schedule, payments and documents.")
                         .format(title=title, name=demo[who]))
    return found


def unlink(store: Store) -> None:
    """Leave a note where the owner's records point at a demo contractor about to go (the
    database would otherwise just clear the link). Call inside the removal's transaction."""
    with store.transaction() as session:
        demo = _demo_names(session)
        if not demo:
            return
        plans = session.scalars(
            select(ExitPlan).join(Engagement, Engagement.id == ExitPlan.engagement_id)
            .where(Engagement.is_demo.is_(False), ExitPlan.backup_contractor_id.in_(demo)))
        for plan in plans:
            note = _("Backup: demo contractor {name}, removed with the demo data.").format(
                name=demo[plan.backup_contractor_id or 0])
            plan.knowledge_transfer = "\n".join(p for p in (plan.knowledge_transfer, note) if p)
            plan.backup_contractor_id = None
        quotes = session.scalars(
            select(ActivityQuote).join(Activity, Activity.id == ActivityQuote.activity_id)
            .where(Activity.is_demo.is_(False), ActivityQuote.contractor_id.in_(demo)))
        for quote in quotes:
            touch(session.get(Activity, quote.activity_id))  # its quotes are part of it
            quote.notes = "; ".join(p for p in (quote.notes, _(DEMO_NOTE).format(
                name=demo[quote.contractor_id or 0])) if p)[:500]
            quote.contractor_id = None
        session.flush()
