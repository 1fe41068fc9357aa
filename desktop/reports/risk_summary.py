"""The pre-signing risk summary: one or two A4 pages an owner can sign and an accountant can
file, written from the engagement's latest risk review and its signing gate.

Three steps, so the layout never waits on the database:

    summary = gather(store, engagement_id, today)   # every query, into plain objects
    story = build_story(summary)                    # pure: flowables from the summary
    render(summary, path)                           # lays the story out (header, page X of Y)

``write_risk_summary`` does all three.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.blockers import Blocker, blockers
from desktop.core.deadlines import (
    PaymentRule,
    limit_text,
    past_maximum,
    rules_for,
    term_warnings,
)
from desktop.core.engagement import (
    BINDING,
    EngagementData,
    brief_gaps,
    last_notice_date,
    notice_phrase,
)
from desktop.core.engagement import LABELS as TERM_LABELS
from desktop.core.enums import ContractorKind, DataAccess, PricingModel, TaxForm
from desktop.core.exit_plan import ESSENTIAL_LABELS, ExitPlanData, missing_essentials
from desktop.core.formats import date_text
from desktop.core.i18n import _, ngettext, pgettext
from desktop.core.money import format_money
from desktop.core.reference import country_name
from desktop.core.risk import Answer, Band, ReviewResult, risk_value
from desktop.core.risk_catalog import CATALOG_VERSION, SCALE, question
from desktop.core.risk_palette import BAND_COLOURS, BAND_TEXT, BAND_TINTS, cell_tint
from desktop.reports.pdf_base import (
    FONT,
    FONT_BOLD,
    FRAME_WIDTH,
    INK,
    MUTED,
    OK,
    RISK,
    RULE,
    SHADE,
    WARN,
    PageText,
    Paragraph,
    build_pdf,
    para,
    plain,
    safe,
    styles,
)
from desktop.store import contractors, engagements, reviews
from desktop.store.db import Store
from desktop.store.engagements import EngagementRecord
from desktop.store.form_1099 import (
    US,
    US_FORM,
    USD,
    NecTotals,
    Threshold,
    calendar_year,
    nec_totals,
    reaches,
    threshold_for,
)
from desktop.store.models import BusinessProfile, Contractor
from desktop.store.reviews import ReviewRecord

__all__ = ["NOT_ADVICE", "RiskSummary", "TaxYear", "Threshold", "build_story", "gather",
           "heat_map", "render", "write_risk_summary"]

REPORT = _("Risk summary")
NOT_ADVICE = _("This summary is not legal advice.")
NO_REVIEW = _("No risk review has been done for this engagement.")

# Free text is summarised, not reproduced: the whole text stays in Crewbook.
LONG = 400
MEDIUM = 240
EVIDENCE = 160
GOALS = 300

BAND_RANGES = {Band.LOW: "1–4", Band.MEDIUM: "5–9", Band.HIGH: "10–16", Band.CRITICAL: "20–25"}

# Short names for the checks the report lists (the full question is in the review).
IDENTITY_CHECKS = {
    "operational.identity_match": _("Photo ID checked on a live call; names match"),
    "financial.payee_mismatch": _("Asked to pay another payee, crypto or gift cards"),
    "financial.upfront_over_cap": _("Asked for more upfront than the limit"),
    "financial.below_market": _("Price far below the market rate"),
    "operational.hidden_subcontracting": _("Signs someone else is doing the work"),
    "technology.anomalies": _("Odd sign-ins, new devices, shared passwords"),
}
QUALITY_CHECKS = {
    "operational.references": _("Past clients called or portfolio confirmed"),
    "operational.trial_quality": _("Paid trial task (1 best, 5 poor or none)"),
    "operational.written_scope": _("Written scope, deadlines and acceptance"),
    "operational.originality_warranty": _("Originality warranty and AI disclosure"),
    "operational.originality_scan": _("Work scanned for copying and licences"),
}


# --- the data ------------------------------------------------------------------------------
@dataclass(frozen=True)
class TaxYear:
    """Payments to the contractor this calendar year (1 January to today) as 1099-NEC counts
    them (``form_1099``, the rule the year-end report uses too), and the year's threshold
    (None when none is recorded)."""

    year: int
    paid: NecTotals
    threshold: Threshold | None


@dataclass(frozen=True)
class Signed:
    """A signed engagement's summary shows the review as the signing froze it."""

    changes: tuple[tuple[str, str, str], ...]  # (term, at signing, now) for each term changed
    terms_kept: bool  # False for a signing made before the terms were kept with the review


@dataclass(frozen=True)
class RiskSummary:
    """Everything the report shows, read in one go; building the story queries nothing."""

    today: dt.date
    business_name: str  # "" when the business profile has no name
    engagement: EngagementRecord
    contractor_name: str
    legal_name: str
    contractor_kind: ContractorKind
    contractor_country: str
    identity_verified_on: dt.date | None
    tax_form: TaxForm
    tax_form_on: dt.date | None
    value_minor: int | None
    review: ReviewRecord | None
    result: ReviewResult | None
    blockers: tuple[Blocker, ...]
    copyrightable: bool
    has_written_contract: bool
    exit_plan: ExitPlanData | None
    backup_contractor: str
    rules: tuple[PaymentRule, ...]  # the payment rules governing the jurisdiction today
    term_warnings: tuple[str, ...]
    tax_year: TaxYear | None  # None unless the contractor is in the US
    signed: Signed | None = None  # set once signed: scores as at signing, no blockers

    @property
    def data(self) -> EngagementData:
        return self.engagement.data

    @property
    def ready(self) -> bool:
        return not self.blockers


def gather(store: Store, engagement_id: int, today: dt.date) -> RiskSummary:
    """Read everything the summary needs (the same gate ``reviews.check`` runs)."""
    inputs, result = reviews.gate_inputs(store, engagement_id, today)
    found = blockers(inputs)
    record = engagements.get(store, engagement_id)
    review = reviews.latest(store, engagement_id)
    signed = None
    if record.status in BINDING and review is not None and review.frozen_at is not None:
        # Signing passed the gate: the report shows the risk it was signed on, not today's.
        result, terms = reviews.signed_result(store, record, review)
        found = []
        signed = Signed(_changed_terms(terms, record.data), terms is not None)
    d = record.data
    person = contractors.get(store, d.contractor_id).data
    plan = inputs.exit_plan
    with store.reading() as session:
        profile = session.get(BusinessProfile, 1)
        backup = ""
        if plan is not None and plan.backup_contractor_id is not None:
            backup = session.scalar(select(Contractor.display_name).where(
                Contractor.id == plan.backup_contractor_id)) or ""
        tax_year = None
        if person.country.upper() == US:
            tax_year = _tax_year(session, d.contractor_id, today)
    return RiskSummary(
        today=today, business_name=(profile.name.strip() if profile is not None else ""),
        engagement=record, contractor_name=person.display_name, legal_name=person.legal_name,
        contractor_kind=person.kind, contractor_country=person.country,
        identity_verified_on=person.identity_verified_on, tax_form=person.tax_form,
        tax_form_on=person.tax_form_on, value_minor=inputs.value_minor, review=review,
        result=result, blockers=tuple(found), copyrightable=inputs.copyrightable,
        has_written_contract=inputs.has_written_contract, exit_plan=plan,
        backup_contractor=backup,
        rules=tuple(rules_for(inputs.rules, d.jurisdiction_country, d.jurisdiction_region,
                              today, d.jurisdiction_city)),
        term_warnings=tuple(term_warnings(inputs.rules, d.jurisdiction_country,
                                          d.jurisdiction_region, d.payment_terms_days, today,
                                          d.jurisdiction_city, d.longer_terms_reason)),
        tax_year=tax_year, signed=signed)


def _changed_terms(then: EngagementData | None,
                   now: EngagementData) -> tuple[tuple[str, str, str], ...]:
    if then is None:
        return ()
    before, after = then.to_raw(), now.to_raw()
    shown = {True: _("yes"), False: _("no"), "": "—"}
    return tuple((TERM_LABELS.get(name, name), shown.get(before[name], str(before[name])),
                  shown.get(after[name], str(after[name])))
                 for name in after if before.get(name) != after[name])


def _tax_year(session: Session, contractor_id: int, today: dt.date) -> TaxYear:
    first, _last = calendar_year(today.year)
    paid = nec_totals(session, first, today, contractor_id).get(contractor_id, NecTotals())
    return TaxYear(today.year, paid, threshold_for(session, today.year))


def write_risk_summary(store: Store, engagement_id: int, path: Path, today: dt.date) -> Path:
    """Write the engagement's risk summary to ``path`` (A4, one or two pages) and return it."""
    return render(gather(store, engagement_id, today), path)


def render(summary: RiskSummary, path: Path) -> Path:
    title = summary.data.title
    business = summary.business_name or "Crewbook"
    page = PageText(business=business, report=REPORT, subject=title,
                    generated=_("Prepared {date}").format(date=_date(summary.today)))
    return build_pdf(Path(path), build_story(summary), page,
                     title=f"{REPORT}: {title}",
                     subject=_("Pre-signing risk review of “{title}” with {contractor}").format(
                         title=title, contractor=summary.contractor_name),
                     author=business)


# --- small helpers -------------------------------------------------------------------------
def _date(day: dt.date | dt.datetime | None) -> str:
    # A moment stored in UTC reads as the owner's own date.
    return date_text(day, "—")


def _money(minor: int | None, currency: str) -> str:
    return _("not set") if minor is None else format_money(minor, currency)


def _hex(colour: colors.Color) -> str:
    return "#" + colour.hexval()[2:]


STATE_COLOURS = {"ok": OK, "watch": WARN, "risk": RISK, "open": WARN, "info": MUTED}
STATE_WORDS = {"ok": "", "watch": _("check"), "risk": _("risk"), "open": _("not answered"),
               "info": ""}


def _status(text: str, state: str) -> Paragraph:
    """A short coloured status: bold text, then a word for the state when it adds one."""
    colour = _hex(STATE_COLOURS[state])
    word = STATE_WORDS[state]
    extra = f" <font size=\"7\">· {word}</font>" if word and word.lower() != text.lower() else ""
    return Paragraph(f'<font color="{colour}"><b>{safe(text)}</b>{extra}</font>',
                     styles().cell)


def _muted(text: str) -> Paragraph:
    return Paragraph(f'<font color="{_hex(MUTED)}">{safe(text)}</font>', styles().cell)


def _cell(value: object, limit: int | None = MEDIUM, empty: str = "—") -> Paragraph:
    text = plain(value, limit) if str(value).strip() else ""
    return para(text, styles().cell) if text else _muted(empty)


def _heading(text: str) -> Paragraph:
    return Paragraph(safe(text), styles().heading)


def _label(text: str) -> Paragraph:
    return Paragraph(safe(text), styles().cell_bold)


def _style(commands: Sequence[tuple[object, ...]]) -> TableStyle:
    """A table style whose plain-string cells (even empty ones) use the bundled font."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def _grid(rows: list[list[object]], widths: Sequence[float], *, header: bool = True,
          extra: Sequence[tuple[object, ...]] = ()) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK)]
    table.setStyle(_style([*style, *extra]))
    return table


def _head_row(*labels: str) -> list[object]:
    return [Paragraph(safe(label), styles().cell_bold) for label in labels]


def _answer_state(qid: str, answers: Mapping[str, Answer]) -> tuple[str, str]:
    q = question(qid)
    answer = answers.get(qid)
    if answer is None or answer.value is None:
        return _("Not answered"), "open"
    r = risk_value(q, answer)
    if q.kind == SCALE:
        text = _("{value} of 5").format(value=answer.value)
    else:
        text = _("Yes") if answer.value else _("No")
    if r <= Fraction(1, 4):
        return text, "ok"
    return text, "risk" if r >= Fraction(3, 4) else "watch"


# --- the story -----------------------------------------------------------------------------
def build_story(summary: RiskSummary) -> list[Flowable]:
    """The report's flowables, from the summary alone (no database)."""
    st = styles()
    d = summary.data
    story: list[Flowable] = [
        Paragraph(f"{safe(REPORT)}: {safe(d.title)}", st.title),
        _header_block(summary),
    ]
    story += _decision(summary)
    story += _risk_section(summary)
    story += _classification(summary)
    answers = summary.review.answers if summary.review is not None else {}
    story += _checks(_("Identity and fraud checks"), IDENTITY_CHECKS, answers,
                     _identity_row(summary))
    story += _checks(_("Quality and originality"), QUALITY_CHECKS, answers, None)
    story += _contract_checklist(summary)
    story += _exit_strategy(summary)
    story += _pay_and_tax(summary)
    story += _sign_off(summary)
    return story


def _header_block(s: RiskSummary) -> Flowable:
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
        reviewer, catalog = _muted("—"), _muted("—")
        reviewed = _status(_("Not reviewed"), "risk")
    else:
        reviewer = _cell(s.review.reviewer, 120, _("Not named"))
        reviewed = _cell(_date(s.review.reviewed_at))
        version = s.review.catalog_version
        if version != CATALOG_VERSION:
            version = _("{version} (scored against {current})").format(version=version,
                                                                       current=CATALOG_VERSION)
        catalog = _cell(version)
    term = f"{_date(d.start_on)} – {_date(d.end_on)}"
    if d.notice_period is not None:
        term += f" · {notice_phrase(d.notice_period, d.notice_unit)}"
    rows = [
        [_label(_("Business")), _cell(s.business_name, 200, _("Not set in Settings")),
         _label(_("Contractor")), para(who, st.cell, 300)],
        [_label(_("Value")), _cell(_money(s.value_minor, d.currency)),
         _label(_("Pricing")), _cell(_pricing(d))],
        [_label(_("Jurisdiction")), _cell(place),
         _label(pgettext("the engagement's dates", "Term")), _cell(term)],
        [_label(_("Reviewer")), reviewer, _label(_("Review date")), reviewed],
        [_label(_("Catalog version")), catalog,
         _label(_("Status")), _cell(_signed(s))],
        [_label(_("Goals")), _cell(d.goals, GOALS, _("Not written")), "", ""],
    ]
    table = _grid(rows, [82, 146, 70, FRAME_WIDTH - 298], header=False,
                  extra=[("SPAN", (1, 5), (3, 5)), ("BACKGROUND", (0, 0), (0, -1), SHADE),
                         ("BACKGROUND", (2, 0), (2, -2), SHADE)])
    if s.review is not None:
        return table
    rest = _("Nothing below is scored; answer the risk review in Crewbook and print this "
             "summary again.")
    note = Paragraph(f'<font color="{_hex(RISK)}"><b>{safe(NO_REVIEW)}</b></font> {safe(rest)}',
                     st.body)
    return KeepTogether([table, Spacer(1, 4), note])


def _pricing(d: EngagementData) -> str:
    model = d.pricing_model
    if model is PricingModel.FIXED:
        text = _("Fixed price")
    elif model is PricingModel.MILESTONES:
        text = _("Paid by milestone")
    elif model in (PricingModel.HOURLY, PricingModel.DAILY):
        hourly = model is PricingModel.HOURLY
        rate = _money(d.rate_minor, d.currency)
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
            amount=_money(d.amount_minor, d.currency), period=period)
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
    values = dict(status=record.status.label, date=_date(record.signed_on),
                  name=record.signed_by)
    if record.signed_by:
        return _("{status}; signed {date} by {name}").format(**values)
    return _("{status}; signed {date}").format(**values)


def _decision(s: RiskSummary) -> list[Flowable]:
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
    out: list[Flowable] = [_heading(_("Decision")), _banner(text, detail, colour)]
    if s.blockers:
        rows = [_head_row("#", _("What is wrong"), _("How to fix it"))]
        for i, b in enumerate(s.blockers, start=1):
            rows.append([Paragraph(str(i), st.cell), para(b.message, st.cell, LONG),
                         para(b.fix, st.cell, LONG)])
        out += [Spacer(1, 3), _grid(rows, [16, (FRAME_WIDTH - 16) * 0.6,
                                           (FRAME_WIDTH - 16) * 0.4])]
    return out


def _banner(text: str, detail: str, colour: colors.Color) -> Table:
    st = styles()
    banner = Table([[Paragraph(safe(text), st.banner),
                     Paragraph(f'<font color="#ffffff">{safe(detail)}</font>', st.cell)]],
                   colWidths=[140, FRAME_WIDTH - 140], hAlign="LEFT")
    banner.setStyle(_style([
        ("BACKGROUND", (0, 0), (-1, -1), colour), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return banner


def _signed_decision(s: RiskSummary, signed: Signed) -> list[Flowable]:
    st = styles()
    detail = _("{signing}. The review below is the one the signing relied on, scored on the "
               "terms signed.").format(signing=_signed_text(s.engagement))
    out: list[Flowable] = [_heading(_("Decision")), _banner(_("Signed"), detail, OK),
                           Spacer(1, 3)]
    if not signed.terms_kept:
        out.append(para(_("The terms at signing were not kept (it was signed with an earlier "
                          "version of Crewbook), so the review is scored on today's terms."),
                        st.body))
    elif not signed.changes:
        out.append(para(_("Terms changed since signing: none."), st.body))
    else:
        rows = [_head_row(_("Terms changed since signing"), _("At signing"), _("Now"))]
        rows += [[para(term, st.cell), para(then, st.cell, LONG), para(now, st.cell, LONG)]
                 for term, then, now in signed.changes]
        out.append(_grid(rows, [FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.35, FRAME_WIDTH * 0.35]))
    return out


# --- heat map and areas ----------------------------------------------------------------------
def heat_map(points: Sequence[tuple[str, int, int]], cell: float = 22) -> Drawing:
    """A 5×5 grid, likelihood across and impact up, each cell tinted by the band of L×I, with
    a lettered marker per area (markers sharing a cell are spread over it)."""
    left, bottom, pad = 26.0, 24.0, 4.0
    drawing = Drawing(left + 5 * cell + pad, bottom + 5 * cell + pad, initialFontName=FONT)
    for lik in range(1, 6):
        for imp in range(1, 6):
            x, y = left + (lik - 1) * cell, bottom + (imp - 1) * cell
            drawing.add(Rect(x, y, cell, cell, fillColor=colors.HexColor(
                cell_tint(lik, imp)), strokeColor=colors.white, strokeWidth=1.2))
            drawing.add(String(x + 2, y + cell - 6.5, str(lik * imp), fontName=FONT,
                               fontSize=5, fillColor=MUTED))
    for i in range(1, 6):
        drawing.add(String(left + (i - 0.5) * cell, bottom - 9, str(i), fontName=FONT,
                           fontSize=7, fillColor=MUTED, textAnchor="middle"))
        drawing.add(String(left - 6, bottom + (i - 0.5) * cell - 2.5, str(i), fontName=FONT,
                           fontSize=7, fillColor=MUTED, textAnchor="middle"))
    drawing.add(String(left + 2.5 * cell, 2, _("Likelihood"), fontName=FONT, fontSize=7.5,
                       fillColor=INK, textAnchor="middle"))
    axis = Group(String(0, 0, _("Impact"), fontName=FONT, fontSize=7.5, fillColor=INK,
                        textAnchor="middle"))
    axis.transform = (0, 1, -1, 0, 9, bottom + 2.5 * cell)  # turned a quarter to read upwards
    drawing.add(axis)

    by_cell: dict[tuple[int, int], list[str]] = {}
    for label, lik, imp in points:
        by_cell.setdefault((lik, imp), []).append(label)
    for (lik, imp), labels in by_cell.items():
        cols = 1 if len(labels) == 1 else 2
        rows = -(-len(labels) // cols)
        radius = min(cell * 0.3, cell / (2 * max(cols, rows)) - 0.6)
        size = max(5.0, radius * 1.15)
        for i, label in enumerate(labels):
            cx = left + (lik - 1) * cell + (i % cols + 0.5) * cell / cols
            cy = bottom + imp * cell - (i // cols + 0.5) * cell / rows
            drawing.add(Circle(cx, cy, radius, fillColor=INK, strokeColor=colors.white,
                               strokeWidth=0.8))
            drawing.add(String(cx, cy - size * 0.36, label[:1], fontName=FONT_BOLD,
                               fontSize=size, fillColor=colors.white, textAnchor="middle"))
    return drawing


def _band_chip(b: Band) -> str:
    return (f'<font color="{BAND_COLOURS[b]}"><b>{safe(b.label)}</b></font>')


def _risk_section(s: RiskSummary) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [_heading(_("Risk by area"))]
    if s.result is None:
        return [*out, Paragraph(safe(_("Not scored: no risk review has been done for this "
                                       "engagement.")), st.body)]
    result = s.result
    points = [(a.label, r.likelihood, r.impact) for a, r in result.areas.items()]
    legend: list[Flowable] = [Paragraph(
        safe(_("Overall {band}: the worst area is {area}.")).format(
            band=_band_chip(result.overall), area=safe(result.worst.label)), st.body)]
    for area, r in result.areas.items():
        legend.append(Paragraph(
            f"<b>{safe(area.label[0])}</b>  " + safe(_(
                "{area}: likelihood {likelihood} × impact {impact} = {score}, {band}")).format(
                area=safe(area.label), likelihood=r.likelihood, impact=r.impact,
                score=r.score, band=_band_chip(r.band)), st.cell))
    key = Table([[Paragraph(f"{safe(b.label)} {BAND_RANGES[b]}", st.small) for b in Band]],
                colWidths=[62] * 4, hAlign="LEFT")
    key.setStyle(_style(
        [("BACKGROUND", (i, 0), (i, 0), colors.HexColor(BAND_TINTS[b]))
         for i, b in enumerate(Band)]
        + [("LEFTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
           ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
           ("LINEAFTER", (0, 0), (-2, -1), 1.5, colors.white)]))
    legend += [Spacer(1, 3), key, Spacer(1, 3), Paragraph(safe(_(
        "Likelihood comes from the answers (an unanswered question counts as risky; a "
        "serious warning sign forces 5); impact from value, time to replace, deadlines and "
        "data access.")), st.muted)]
    drawing = heat_map(points)
    side = Table([[drawing, legend]], colWidths=[drawing.width + 10,
                                                 FRAME_WIDTH - drawing.width - 10],
                 hAlign="LEFT")
    side.setStyle(_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                          ("LEFTPADDING", (0, 0), (-1, -1), 0),
                          ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    out.append(side)

    rows = [_head_row(_("Area"), pgettext("likelihood, as one letter", "L"),
                      pgettext("impact, as one letter", "I"), _("Score"), _("Band"),
                      _("Main drivers"))]
    extra: list[tuple[object, ...]] = []
    for i, (area, r) in enumerate(result.areas.items(), start=1):
        drivers = []
        for n, qid in enumerate(r.drivers[:3], start=1):
            text = question(qid).text
            if qid in r.unanswered:
                text = _("{question} (not answered)").format(question=text)
            drivers.append(f"{n}. {safe(text)}")
        if len(r.drivers) > 3:
            more = _("and {count} more").format(count=len(r.drivers) - 3)
            drivers.append(f'<font color="{_hex(MUTED)}">{safe(more)}</font>')
        drivers_cell = (Paragraph("<br/>".join(drivers), st.small) if drivers
                        else _muted(_("No risky answers")))
        rows.append([Paragraph(f"<b>{safe(area.label[0])}</b> {safe(area.label)}", st.cell),
                     Paragraph(str(r.likelihood), st.cell), Paragraph(str(r.impact), st.cell),
                     Paragraph(str(r.score), st.cell),
                     Paragraph(f'<font color="{BAND_TEXT[r.band]}"><b>{safe(r.band.label)}</b>'
                               "</font>", st.cell), drivers_cell])
        extra.append(("BACKGROUND", (4, i), (4, i), colors.HexColor(BAND_COLOURS[r.band])))
    out += [Spacer(1, 2), _grid(rows, [96, 16, 16, 34, 50, FRAME_WIDTH - 212], extra=extra)]
    notes = [n for r in result.areas.values() for n in r.notes]
    if notes:
        out.append(Paragraph(safe(" ".join(dict.fromkeys(notes))), st.muted))
    return out


def _classification(s: RiskSummary) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [_heading(_("Classification (employee or contractor)"))]
    if s.result is None:
        return [*out, Paragraph(safe(_("Not assessed: no risk review has been done for this "
                                       "engagement.")), st.body)]
    c = s.result.classification
    source = safe(_("Source: {source}")).format(source=safe(c.source))
    body: list[Flowable] = [
        Paragraph(safe(_("Misclassification risk {band} under the {test}.")).format(
            band=_band_chip(c.level), test=f"<b>{safe(c.test)}</b>"), st.body),
        Paragraph(f'<font color="{_hex(MUTED)}">{source}</font>', st.small)]
    if c.reasons:
        body += [Paragraph(f"• {safe(reason)}", st.small) for reason in c.reasons]
    else:
        body.append(Paragraph(safe(_("No classification question was answered the risky way.")),
                              st.small))
    return [KeepTogether([*out, *body])]


def _identity_row(s: RiskSummary) -> list[object]:
    if s.identity_verified_on is not None:
        status = _status(_("Verified {date}").format(date=_date(s.identity_verified_on)), "ok")
    else:
        status = _status(_("Not recorded"), "risk")
    return [para(_("Identity verified (contractor record)"), styles().cell), status,
            _muted(_("The date recorded on the contractor"))]


def _checks(title: str, checks: Mapping[str, str], answers: Mapping[str, Answer],
            first: list[object] | None) -> list[Flowable]:
    st = styles()
    rows = [_head_row(_("Check"), _("Answer"), _("Evidence noted"))]
    if first is not None:
        rows.append(first)
    for qid, label in checks.items():
        text, state = _answer_state(qid, answers)
        answer = answers.get(qid)
        rows.append([para(label, st.cell), _status(text, state),
                     _cell(answer.evidence if answer is not None else "", EVIDENCE,
                           _("None noted"))])
    return [_heading(title), _grid(rows, [196, 86, FRAME_WIDTH - 282])]


def _contract_checklist(s: RiskSummary) -> list[Flowable]:
    d = s.data
    gaps = brief_gaps(d)
    rows = [_head_row(_("Item"), _("Status"), _("Detail"))]
    rows.append([para(_("Written brief complete"), styles().cell),
                 _status(_("Yes"), "ok") if not gaps else _status(_("No"), "risk"),
                 _cell(_("Every part of the brief is written.") if not gaps
                       else _("Missing: {items}").format(items=", ".join(gaps)))])
    if d.ip_assignment_signed:
        ip = _status(_("Signed"), "ok")
    elif s.copyrightable:
        ip = _status(_("Not signed"), "risk")
    else:
        ip = _status(_("Not signed"), "info")
    ip_detail = d.ip_terms or (_("The rights in the work are assigned in writing.")
                               if d.ip_assignment_signed else
                               _("Needed: the work creates copyright.") if s.copyrightable
                               else _("The review says the work creates no copyright."))
    rows.append([para(_("IP assignment"), styles().cell), ip, _cell(ip_detail)])
    sensitive = d.data_access in (DataAccess.PERSONAL_DATA, DataAccess.CREDENTIALS_FINANCE)
    if d.nda_signed_on is not None:
        nda = _status(_("Signed {date}").format(date=_date(d.nda_signed_on)), "ok")
    else:
        nda = _status(_("Not signed"), "risk" if sensitive else "watch")
    rows.append([para(_("NDA"), styles().cell), nda,
                 _cell(_("Data access: {access}.").format(access=d.data_access.label))])
    rows.append([para(_("Payment terms vs the statutory rule"), styles().cell),
                 *_terms_cells(s, short=True)])
    needed = next((b for b in s.blockers if b.code == "written_contract"), None)
    if s.has_written_contract:
        contract = _status(_("Attached"), "ok")
        detail = _("A document of kind “contract” is attached to the engagement.")
    else:
        contract = _status(_("Missing"), "risk" if needed else "watch")
        detail = (_("Required for this engagement; see the Decision above.") if needed
                  else _("No signed contract is attached yet."))
    rows.append([para(_("Written contract document"), styles().cell), contract, _cell(detail)])
    return [_heading(_("Contract checklist")), _grid(rows, [160, 92, FRAME_WIDTH - 252])]


def _terms_cells(s: RiskSummary, short: bool = False) -> list[object]:
    """Status and detail for the payment terms; ``short`` names the limits without the
    sources (the pay-on-time section gives them in full)."""
    d = s.data
    if d.payment_terms_days is None:
        return [_status(_("Not set"), "watch"), _cell(_("No payment terms are set; payment is "
                                                        "due on the invoice date."))]
    net = ngettext("Net {count} day", "Net {count} days",
                   d.payment_terms_days).format(count=d.payment_terms_days)
    if s.term_warnings:
        # Past a maximum is a risk; past a fallback only asks for the date to be agreed.
        hard = past_maximum(s.rules, d.payment_terms_days, d.longer_terms_reason)
        agreed = past_maximum(s.rules, d.payment_terms_days)  # and a reason was recorded
        if not short:
            detail = " ".join(s.term_warnings)
        elif hard:
            detail = _("Beyond the legal limit; see Pay on time and tax below.")
        elif agreed:
            detail = _("Agreed past the legal limit; see Pay on time and tax below.")
        else:
            detail = _("Longer than the legal fallback; see Pay on time and tax below.")
        return [_status(net, "risk" if hard else "watch"), _cell(detail, LONG)]
    if not s.rules:
        place = "-".join(p for p in (d.jurisdiction_country, d.jurisdiction_region) if p)
        place += f" ({d.jurisdiction_city})" if place and d.jurisdiction_city else ""
        return [_status(net, "info"),
                _cell(_("No statutory payment rule is recorded for {place}.").format(place=place)
                      if place else
                      _("No statutory payment rule is recorded for this jurisdiction."))]
    limits = []
    for rule in s.rules:
        allowed = limit_text(rule)
        if allowed is not None:
            limits.append(f"{rule.name}: {allowed}" + ("" if short else f" ({rule.source})"))
    detail = (_("Within the limit. {limits}").format(limits="; ".join(limits)) if limits
              else _("No day limit applies."))
    return [_status(net, "ok"), _cell(detail, LONG)]


def _exit_strategy(s: RiskSummary) -> list[Flowable]:
    """The plan's fields two to a row, then the missing essentials across the whole width."""
    st = styles()
    plan = s.exit_plan
    d = s.data
    items: list[tuple[str, Flowable]] = []

    def item(label: str, value: object) -> None:
        items.append((label, value if isinstance(value, Flowable)
                      else _cell(value, MEDIUM, _("Not said"))))

    if plan is None:
        item(_("Exit plan"), _status(_("None written"), "risk"))
    else:
        item(_("Termination"), _termination(plan))
        item(_("Handover of work"), plan.handover_work)
        item(_("Handover of logins"), plan.handover_credentials)
        data_end = plan.data_disposition.label if plan.data_disposition else ""
        if plan.data_disposition_notes:
            data_end = f"{data_end}: {plan.data_disposition_notes}" if data_end \
                else plan.data_disposition_notes
        item(_("Data at the end"), data_end)
        item(_("Knowledge transfer"), plan.knowledge_transfer)
        item(_("Backup contractor"), s.backup_contractor)
        item(_("Access to revoke"), "; ".join(plan.access_revocation))
        pro_rata = _("Yes") if plan.pro_rata_pay else _("No")
        if plan.pro_rata_notes:
            pro_rata += f": {plan.pro_rata_notes}"
        item(_("Pro-rata pay"), pro_rata)
    last = last_notice_date(d.end_on, d.notice_period, d.notice_unit)
    if last is None:
        item(_("Give notice by"), _muted(_("No end date or notice period is set.")))
    else:
        days = (last - s.today).days
        if days == 0:
            when = _("today")
        elif days > 0:
            when = ngettext("in {count} day", "in {count} days", days).format(count=days)
        else:
            when = ngettext("{count} day ago", "{count} days ago", -days).format(count=-days)
        item(_("Give notice by"), _status(f"{_date(last)} ({when})",
                                          "ok" if days >= 0 else "watch"))

    rows: list[list[object]] = []
    for i in range(0, len(items), 2):
        pair = items[i:i + 2]
        row: list[object] = []
        for label, value in pair:
            row += [Paragraph(safe(label), st.cell_bold), value]
        rows.append(row + ["", ""] * (2 - len(pair)))
    missing = missing_essentials(plan)
    rows.append([_label(_("Missing essentials")),
                 _status(_("None"), "ok") if not missing else Paragraph(
                     f'<font color="{_hex(RISK)}">'
                     + safe("; ".join(ESSENTIAL_LABELS[m] for m in missing)) + "</font>",
                     st.cell), "", ""])
    label_w = 96
    value_w = (FRAME_WIDTH - 2 * label_w) / 2
    paired = len(items) // 2  # rows whose right-hand label is filled in
    shade: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (0, -1), SHADE)]
    if paired:
        shade.append(("BACKGROUND", (2, 0), (2, paired - 1), SHADE))
    table = _grid(rows, [label_w, value_w, label_w, value_w], header=False,
                  extra=[("SPAN", (1, -1), (3, -1)), *shade])
    return [_heading(_("Exit strategy")), table]


def _termination(plan: ExitPlanData) -> str:
    """How either side may end the engagement, in one sentence ("" when the plan says
    nothing)."""
    convenience = cause = ""
    if plan.for_convenience:
        days = plan.convenience_notice_days
        convenience = (_("for convenience") if days is None else ngettext(
            "for convenience with {count} day's notice",
            "for convenience with {count} days' notice", days).format(count=days))
    if plan.for_cause:
        cause = (_("for cause") if plan.cure_days is None else
                 _("for cause after a {count}-day cure period").format(count=plan.cure_days))
    if convenience and cause:
        return _("Either side may end it {first} or {second}").format(first=convenience,
                                                                    second=cause)
    if convenience or cause:
        return _("Either side may end it {way}").format(way=convenience or cause)
    return ""


def _pay_and_tax(s: RiskSummary) -> list[Flowable]:
    rows = [_head_row(_("Item"), _("Status"), _("Detail"))]
    rows.append([para(_("Payment terms against the legal limit"), styles().cell),
                 *_terms_cells(s)])
    rows.append([para(_("Payments this year ({year}, to date)").format(year=s.today.year),
                      styles().cell), *_year_cells(s)])
    rows.append([para(_("Tax form on file"), styles().cell), *_tax_form_cells(s)])
    return [_heading(_("Pay on time and tax")), _grid(rows, [160, 92, FRAME_WIDTH - 252])]


def _year_cells(s: RiskSummary) -> list[object]:
    ty = s.tax_year
    if ty is None:
        where = (country_name(s.contractor_country) if s.contractor_country
                 else _("not recorded"))
        return [_status(_("Not applicable"), "info"),
                _cell(_("The {form} threshold applies to US contractors; this contractor's "
                        "country is {country}.").format(form=US_FORM, country=where))]
    paid = format_money(ty.paid.nec_minor, USD)
    card = (" " + _("Paid by card or payment platform, {amount} is the processor's to report "
                    "(1099-K) and is not counted.").format(
                        amount=format_money(ty.paid.processor_minor, USD))
            if ty.paid.processor_minor else "")
    t = ty.threshold
    if t is None:
        return [_status(paid, "watch"),
                _cell(_("No {form} reporting threshold is recorded for {year}: add it in "
                        "Settings ▸ Reporting thresholds.").format(form=US_FORM, year=ty.year)
                      + card, LONG)]
    reached = reaches(ty.paid.nec_minor, t)
    values = dict(form=t.form, threshold=format_money(t.amount_minor, t.currency),
                  year=ty.year,
                  amount=format_money(max(0, t.amount_minor - ty.paid.nec_minor), t.currency))
    detail = (_("USD paid other than by card or platform, against the {form} threshold of "
                "{threshold} for {year}: reached, so file a {form} for this contractor.")
              if reached else
              _("USD paid other than by card or platform, against the {form} threshold of "
                "{threshold} for {year}: {amount} below it.")).format(**values)
    cell = Paragraph(f'{safe(detail + card)}<br/><font size="6.8" color="{_hex(MUTED)}">'
                     f"{safe(t.source, MEDIUM)}</font>", styles().cell)
    return [_status(paid, "watch" if reached else "ok"), cell]


def _tax_form_cells(s: RiskSummary) -> list[object]:
    us = s.contractor_country.upper() == US
    expected = "W-9" if us else _("W-8BEN (foreign individual) or the local equivalent")
    if s.tax_form is TaxForm.NONE:
        return [_status(_("None on file"), "risk"),
                _cell(_("Collect a {form} before the first payment.").format(form=expected))]
    text = s.tax_form.label + (f", {_date(s.tax_form_on)}" if s.tax_form_on else "")
    fits = (s.tax_form is TaxForm.W9) == us or s.tax_form is TaxForm.OTHER
    return [_status(text, "ok" if fits else "watch"),
            _cell(_("On file.") if fits else _("Expected a {form}.").format(form=expected))]


def _sign_off(s: RiskSummary) -> list[Flowable]:
    st = styles()
    reviewer = s.review.reviewer if s.review is not None and s.review.reviewer else ""
    names = [reviewer, s.business_name, ""]
    labels = [_("Reviewer"), _("Owner"), _("Date")]
    width = (FRAME_WIDTH - 24) / 3
    cells = [[Spacer(1, 18) for _ in labels],
             [Paragraph(f"<b>{safe(label)}</b>" + (f" · {safe(name, 80)}" if name else ""),
                       st.small)
              for label, name in zip(labels, names)]]
    table = Table([[cells[0][0], "", cells[0][1], "", cells[0][2]],
                   [cells[1][0], "", cells[1][1], "", cells[1][2]]],
                  colWidths=[width, 12, width, 12, width], hAlign="LEFT")
    table.setStyle(_style([
        ("LINEBELOW", (0, 0), (0, 0), 0.8, INK), ("LINEBELOW", (2, 0), (2, 0), 0.8, INK),
        ("LINEBELOW", (4, 0), (4, 0), 0.8, INK), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 2)]))
    notice = Paragraph(f'<font color="{_hex(MUTED)}">{safe(NOT_ADVICE)}</font>', st.small)
    return [KeepTogether([_heading(_("Sign-off")), table, Spacer(1, 6), notice])]
