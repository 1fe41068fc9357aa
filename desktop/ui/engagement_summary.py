"""What the engagement pane says at its top and under its schedule, as text and HTML: the
price, the dates and terms, who signed, the last day to give notice, and the totals."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtGui import QGuiApplication

from desktop.core.engagement import (
    BINDING,
    OPEN,
    EngagementData,
    brief_gaps,
    last_notice_date,
    notice_phrase,
)
from desktop.core.enums import BillingPeriod, EngagementStatus, InstallmentStatus
from desktop.core.enums import PricingModel as P
from desktop.core.formats import date_text, datetime_text
from desktop.core.money import format_money
from desktop.store.engagements import EngagementRecord
from desktop.store.payments import InstallmentRow
from desktop.ui.colours import muted
from desktop.ui.engagement_model import STATUS_COLOURS
from desktop.ui.i18n import tr

S = EngagementStatus
_CSS = """
h2 { font-size: 15pt; margin: 0 0 2px 0; }
.sub { color: %(muted)s; }
td.k { color: %(muted)s; padding: 1px 12px 1px 0; white-space: nowrap; }
.ok { color: #1b7f3b; } .todo { color: #9a6700; } .late { color: #b42318; }
"""


def heading_html(record: EngagementRecord, today: dt.date) -> str:
    d = record.data
    colour = STATUS_COLOURS.get(record.status.value, "#000")
    rows: list[tuple[str, str]] = [(tr("Price"), escape(price_text(d)))]
    if d.start_on or d.end_on:
        span = " – ".join(date_text(x) if x else tr("open", "no start or end date")
                          for x in (d.start_on, d.end_on))
        rows.append((tr("Dates"), span))
    # One line, so the pane fits a 768-pixel screen: pay, notice, where.
    terms = [tr("net %n day(s)", "payment terms", d.payment_terms_days)
             if d.payment_terms_days is not None else "",
             notice_phrase(d.notice_period, d.notice_unit),
             ", ".join(p for p in (d.jurisdiction_city, d.jurisdiction_region,
                                   d.jurisdiction_country) if p)]
    if any(terms):
        rows.append((tr("Terms"), escape(" · ".join(t for t in terms if t))))
    if record.signed_on:
        rows.append((tr("Signed"), _by(date_text(record.signed_on), record.signed_by)))
    if record.ended_on:
        why = f" — {escape(record.end_reason)}" if record.end_reason else ""
        rows.append((record.status.label, f"{date_text(record.ended_on)}{why}"))
    notice = last_notice_date(d.end_on, d.notice_period, d.notice_unit)
    if notice and record.status in OPEN:
        late = notice < today
        text = tr("{day} (passed)").format(day=date_text(notice)) if late else date_text(notice)
        rows.append((tr("Give notice by"),
                     f"<span class='{'late' if late else ''}'>{text}</span>"))
    if record.updated_at is not None:
        rows.append((tr("Last changed"), _by(datetime_text(record.updated_at),
                                             record.changed_by)))
    gaps = brief_gaps(d)
    brief = (tr("complete", "the brief") if not gaps
             else tr("still empty: {fields}").format(fields=escape(", ".join(gaps))))
    rows.append((tr("Brief"), f"<span class='{'todo' if gaps else 'ok'}'>{brief}</span>"))
    table = "".join(f"<tr><td class='k'>{k}</td><td>{v}</td></tr>" for k, v in rows)
    css = _CSS % {"muted": muted(QGuiApplication.palette()).name()}
    return (f"<style>{css}</style><h2>{escape(d.title)}</h2>"
            f"<p class='sub'>{escape(record.contractor_name)} &nbsp;·&nbsp; "
            f"<b style='color:{colour}'>{record.status.label}</b>"
            + (" &nbsp;·&nbsp; " + tr("demo data") if record.is_demo else "")
            + f"</p><table>{table}</table>")


def _by(when: str, who: str) -> str:
    """A date or moment, and who did it (HTML)."""
    return tr("{when} by {name}").format(when=when, name=escape(who)) if who else when


def price_text(d: EngagementData) -> str:
    def money(minor: int | None) -> str:
        return "—" if minor is None else format_money(minor, d.currency)

    match d.pricing_model:
        case P.FIXED:
            return tr("{amount} fixed price").format(amount=money(d.amount_minor))
        case P.MILESTONES:
            return tr("{amount} in milestones").format(amount=money(d.amount_minor))
        case P.RETAINER:
            weekly = d.billing_period == BillingPeriod.WEEKLY
            return (tr("{amount} retainer, billed weekly") if weekly
                    else tr("{amount} retainer, billed monthly")).format(
                amount=money(d.amount_minor))
    hourly = d.pricing_model is P.HOURLY
    parts = [(tr("{amount} per hour") if hourly else tr("{amount} per day")).format(
        amount=money(d.rate_minor))]
    if d.estimated_hours:
        parts.append(tr("estimated %n hour(s)", "", d.estimated_hours) if hourly
                     else tr("estimated %n day(s)", "", d.estimated_hours))
    if d.hours_cap:
        parts.append(tr("capped at {cap}").format(cap=d.hours_cap))
    return ", ".join(parts)


def totals_text(rows: list[InstallmentRow], status: EngagementStatus) -> str:
    if not rows:
        return tr("No payment schedule yet: generate one from the price and terms.")
    currency = rows[0].currency
    scheduled = sum(r.amount_minor for r in rows if r.stored_status != InstallmentStatus.CANCELLED)
    paid = sum(r.paid_minor for r in rows)
    owed = sum(r.outstanding_minor for r in rows)
    if status is S.CANCELLED:
        text = tr("Scheduled {scheduled} · paid {paid} · nothing more is owed: it was cancelled")
    elif status not in BINDING:
        text = tr("Scheduled {scheduled} · paid {paid} · a plan: nothing is owed until it is "
                  "signed")
    else:
        text = tr("Scheduled {scheduled} · paid {paid} · outstanding {owed}")
    return text.format(scheduled=format_money(scheduled, currency),
                       paid=format_money(paid, currency), owed=format_money(owed, currency))
