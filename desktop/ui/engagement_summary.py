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
    rows: list[tuple[str, str]] = [("Price", escape(price_text(d)))]
    if d.start_on or d.end_on:
        span = " – ".join(date_text(x) if x else "open" for x in (d.start_on, d.end_on))
        rows.append(("Dates", span))
    # One line, so the pane fits a 768-pixel screen: pay, notice, where.
    terms = [f"net {d.payment_terms_days} days" if d.payment_terms_days is not None else "",
             notice_phrase(d.notice_period, d.notice_unit),
             ", ".join(p for p in (d.jurisdiction_city, d.jurisdiction_region,
                                   d.jurisdiction_country) if p)]
    if any(terms):
        rows.append(("Terms", escape(" · ".join(t for t in terms if t))))
    if record.signed_on:
        by = f" by {escape(record.signed_by)}" if record.signed_by else ""
        rows.append(("Signed", f"{date_text(record.signed_on)}{by}"))
    if record.ended_on:
        why = f" — {escape(record.end_reason)}" if record.end_reason else ""
        rows.append((record.status.label, f"{date_text(record.ended_on)}{why}"))
    notice = last_notice_date(d.end_on, d.notice_period, d.notice_unit)
    if notice and record.status in OPEN:
        late = notice < today
        text = date_text(notice) + (" (passed)" if late else "")
        rows.append(("Give notice by", f"<span class='{'late' if late else ''}'>{text}</span>"))
    if record.updated_at is not None:
        by = f" by {escape(record.changed_by)}" if record.changed_by else ""
        rows.append(("Last changed", f"{datetime_text(record.updated_at)}{by}"))
    gaps = brief_gaps(d)
    rows.append(("Brief", "<span class='ok'>complete</span>" if not gaps else
                 f"<span class='todo'>still empty: {escape(', '.join(gaps))}</span>"))
    table = "".join(f"<tr><td class='k'>{k}</td><td>{v}</td></tr>" for k, v in rows)
    css = _CSS % {"muted": muted(QGuiApplication.palette()).name()}
    return (f"<style>{css}</style><h2>{escape(d.title)}</h2>"
            f"<p class='sub'>{escape(record.contractor_name)} &nbsp;·&nbsp; "
            f"<b style='color:{colour}'>{record.status.label}</b>"
            + (" &nbsp;·&nbsp; demo data" if record.is_demo else "")
            + f"</p><table>{table}</table>")


def price_text(d: EngagementData) -> str:
    def money(minor: int | None) -> str:
        return "—" if minor is None else format_money(minor, d.currency)

    match d.pricing_model:
        case P.FIXED:
            return f"{money(d.amount_minor)} fixed price"
        case P.MILESTONES:
            return f"{money(d.amount_minor)} in milestones"
        case P.RETAINER:
            period = (d.billing_period or BillingPeriod.MONTHLY).label.lower()
            return f"{money(d.amount_minor)} retainer, billed {period}"
    unit = "hour" if d.pricing_model is P.HOURLY else "day"
    estimate = f", estimated {d.estimated_hours} {unit}s" if d.estimated_hours else ""
    cap = f", capped at {d.hours_cap}" if d.hours_cap else ""
    return f"{money(d.rate_minor)} per {unit}{estimate}{cap}"


def totals_text(rows: list[InstallmentRow], status: EngagementStatus) -> str:
    if not rows:
        return "No payment schedule yet: generate one from the price and terms."
    currency = rows[0].currency
    scheduled = sum(r.amount_minor for r in rows if r.stored_status != InstallmentStatus.CANCELLED)
    paid = sum(r.paid_minor for r in rows)
    owed = sum(r.outstanding_minor for r in rows)
    head = f"Scheduled {format_money(scheduled, currency)} · paid {format_money(paid, currency)}"
    if status is S.CANCELLED:
        return f"{head} · nothing more is owed: it was cancelled"
    if status not in BINDING:
        return f"{head} · a plan: nothing is owed until it is signed"
    return f"{head} · outstanding {format_money(owed, currency)}"
