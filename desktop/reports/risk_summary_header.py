"""The risk summary's opening: the parties and terms, then the decision (ready, blocked or
signed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from desktop.core.engagement import EngagementData, notice_phrase
from desktop.core.enums import PricingModel
from desktop.core.i18n import _, ngettext, pgettext
from desktop.core.reference import country_name
from desktop.core.risk_catalog import CATALOG_VERSION
from desktop.reports.pdf_base import FRAME_WIDTH, OK, RISK, SHADE, Paragraph, plain, safe, styles
from desktop.reports.pdf_line import Line, Run
from desktop.reports.pdf_text import clean
from desktop.reports.risk_summary_cells import (
    GOALS,
    LONG,
    day_text,
    grid,
    head_row,
    heading_line,
    hex_colour,
    label_line,
    label_width,
    money_text,
    muted_line,
    status_line,
    table_style,
    text_line,
    value_line,
)
from desktop.store.engagements import EngagementRecord

if TYPE_CHECKING:
    from desktop.reports.risk_summary import RiskSummary, Signed


NO_REVIEW = _("No risk review has been done for this engagement.")


def header_block(s: RiskSummary) -> Flowable:
    st = styles()
    d = s.data
    who = plain(s.contractor_name)
    if s.legal_name and s.legal_name.strip() != s.contractor_name.strip():
        who = _("{name} (legal name: {legal_name})").format(name=who,
                                                           legal_name=plain(s.legal_name))
    who += f" · {s.contractor_kind.in_text}"
    place = country_name(d.jurisdiction_country) if d.jurisdiction_country else _("Not set")
    if d.jurisdiction_region:
        place += f", {d.jurisdiction_region}"
    if d.jurisdiction_city:
        place = f"{plain(d.jurisdiction_city)}, {place}"
    if s.review is None:
        reviewer, catalog = muted_line("—"), muted_line("—")
        reviewed = status_line(_("Not reviewed"), "risk")
    else:
        reviewer = value_line(s.review.reviewer, 120, _("Not named"))
        reviewed = value_line(day_text(s.review.reviewed_at))
        version = s.review.catalog_version
        if version != CATALOG_VERSION:
            version = _("{version} (scored against {current})").format(version=version,
                                                                       current=CATALOG_VERSION)
        catalog = value_line(version)
    term = f"{day_text(d.start_on)} – {day_text(d.end_on)}"
    if d.notice_period is not None:
        term += f" · {notice_phrase(d.notice_period, d.notice_unit)}"
    rows = [
        [label_line(_("Business")), value_line(s.business_name, 200, _("Not set in Settings")),
         label_line(_("Contractor")), text_line(who, st.cell, 300)],
        [label_line(_("Value")), value_line(money_text(s.value_minor, d.currency)),
         label_line(_("Pricing")), value_line(_pricing(d))],
        [label_line(_("Jurisdiction")), value_line(place),
         label_line(pgettext("the engagement's dates", "Term")), value_line(term)],
        [label_line(_("Reviewer")), reviewer, label_line(_("Review date")), reviewed],
        [label_line(_("Catalog version")), catalog,
         label_line(_("Status")), value_line(_signed(s))],
        [label_line(_("Goals")), value_line(d.goals, GOALS, _("Not written")), "", ""],
    ]
    left = label_width(82, *(row[0].text for row in rows))
    right = label_width(70, *(row[2].text for row in rows if row[2] != ""))
    table = grid(rows, [left, 146, right, FRAME_WIDTH - left - 146 - right], header=False,
                 extra=[("SPAN", (1, 5), (3, 5)), ("BACKGROUND", (0, 0), (0, -1), SHADE),
                        ("BACKGROUND", (2, 0), (2, -2), SHADE)])
    if s.review is not None:
        return table
    rest = _("Nothing below is scored; answer the risk review in Crewbook and print this "
             "summary again.")
    note = Paragraph(f'<font color="{hex_colour(RISK)}"><b>{safe(NO_REVIEW)}</b></font> '
                     f"{safe(rest)}", st.body)
    return KeepTogether([table, Spacer(1, 4), note])


def _pricing(d: EngagementData) -> str:
    model = d.pricing_model
    if model is PricingModel.FIXED:
        text = _("Fixed price")
    elif model is PricingModel.MILESTONES:
        text = _("Paid by milestone")
    elif model in (PricingModel.HOURLY, PricingModel.DAILY):
        hourly = model is PricingModel.HOURLY
        rate = money_text(d.rate_minor, d.currency)
        text = (_("{rate} per hour") if hourly else _("{rate} per day")).format(rate=rate)
        if d.estimated_hours is not None:
            estimate = f"{d.estimated_hours:,}"
            text = (_("{pricing} × {count} hours estimated") if hourly
                    else _("{pricing} × {count} days estimated")).format(pricing=text,
                                                                          count=estimate)
        if d.hours_cap is not None:
            text = _("{pricing}, capped at {count}").format(pricing=text,
                                                            count=f"{d.hours_cap:,}")
    else:
        period = (d.billing_period.in_text if d.billing_period else _("monthly"))
        text = _("Retainer of {amount}, billed {period}").format(
            amount=money_text(d.amount_minor, d.currency), period=period)
    if d.payment_terms_days is not None:
        text += " · " + ngettext("net {count} day", "net {count} days",
                                 d.payment_terms_days).format(count=d.payment_terms_days)
    return text


def _signed(s: RiskSummary) -> str:
    record = s.engagement
    if record.signed_on is not None:
        return _signed_text(record)
    return _("{status} · engagement {number}").format(status=record.status.label,
                                                      number=record.id)


def _signed_text(record: EngagementRecord) -> str:
    """"Active; signed Nov 25, 2026 by Ana"."""
    values = dict(status=record.status.label, date=day_text(record.signed_on),
                  name=record.signed_by)
    if record.signed_by:
        return _("{status}; signed {date} by {name}").format(**values)
    return _("{status}; signed {date}").format(**values)


def decision(s: RiskSummary) -> list[Flowable]:
    st = styles()
    if s.signed is not None:
        return _signed_decision(s, s.signed)
    if s.ready:
        text, colour = _("Ready to sign"), OK
        detail = _("No blocker stands between this engagement and signing.")
    else:
        n = len(s.blockers)
        text, colour = _("Blocked"), RISK
        detail = ngettext("{count} thing to put right before signing.",
                          "{count} things to put right before signing.", n).format(count=n)
    out: list[Flowable] = [heading_line(_("Decision")), _banner(text, detail, colour)]
    if s.blockers:
        rows = [head_row("#", _("What is wrong"), _("How to fix it"))]
        for i, b in enumerate(s.blockers, start=1):
            rows.append([text_line(str(i)), text_line(b.message, st.cell, LONG),
                         text_line(b.fix, st.cell, LONG)])
        out += [Spacer(1, 3), grid(rows, [16, (FRAME_WIDTH - 16) * 0.6,
                                           (FRAME_WIDTH - 16) * 0.4])]
    return out


def _banner(text: str, detail: str, colour: colors.Color) -> Table:
    st = styles()
    banner = Table([[Line([Run(clean(text))], st.banner,
                          lambda: Paragraph(safe(text), st.banner)),
                     Line([Run(clean(detail), colour=colors.white)], st.cell, lambda: Paragraph(
                         f'<font color="#ffffff">{safe(detail)}</font>', st.cell))]],
                   colWidths=[140, FRAME_WIDTH - 140], hAlign="LEFT")
    banner.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), colour), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return banner


def _signed_decision(s: RiskSummary, signed: Signed) -> list[Flowable]:
    st = styles()
    detail = _("{signing}. The review below is the one the signing relied on, scored on the "
               "terms signed.").format(signing=_signed_text(s.engagement))
    out: list[Flowable] = [heading_line(_("Decision")), _banner(_("Signed"), detail, OK),
                           Spacer(1, 3)]
    if not signed.terms_kept:
        out.append(text_line(_("The terms at signing were not kept (it was signed with an earlier "
                          "version of Crewbook), so the review is scored on today's terms."),
                        st.body))
    elif not signed.changes:
        out.append(text_line(_("Terms changed since signing: none."), st.body))
    else:
        rows = [head_row(_("Terms changed since signing"), _("At signing"), _("Now"))]
        rows += [[text_line(term), text_line(then, st.cell, LONG), text_line(now, st.cell, LONG)]
                 for term, then, now in signed.changes]
        out.append(grid(rows, [FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.35, FRAME_WIDTH * 0.35]))
    return out
