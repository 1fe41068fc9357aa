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
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.blockers import Blocker, blockers
from desktop.core.deadlines import PaymentRule, rules_for, term_warnings
from desktop.core.engagement import BINDING, EngagementData
from desktop.core.engagement import LABELS as TERM_LABELS
from desktop.core.enums import ContractorKind, TaxForm
from desktop.core.exit_plan import ExitPlanData
from desktop.core.i18n import _
from desktop.core.risk import ReviewResult
from desktop.reports.pdf_base import PageText, build_pdf, styles
from desktop.reports.pdf_line import Run
from desktop.reports.pdf_text import clean
from desktop.reports.risk_summary_cells import day_text, marked_line
from desktop.reports.risk_summary_checks import (
    IDENTITY_CHECKS,
    NOT_ADVICE,
    QUALITY_CHECKS,
    checks_table,
    contract_checklist,
    exit_strategy,
    identity_row,
    pay_and_tax,
    sign_off,
)
from desktop.reports.risk_summary_header import decision, header_block
from desktop.reports.risk_summary_risk import classification, heat_map, risk_section
from desktop.store import reviews
from desktop.store.db import Store
from desktop.store.engagements import EngagementRecord
from desktop.store.form_1099 import (
    US,
    NecTotals,
    Threshold,
    calendar_year,
    nec_totals,
    threshold_for,
)
from desktop.store.models import Contractor
from desktop.store.reviews import ReviewRecord

__all__ = ["NOT_ADVICE", "RiskSummary", "TaxYear", "Threshold", "build_story", "gather",
           "heat_map", "render", "write_risk_summary"]

REPORT = _("Risk summary")


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
    """Read everything the summary needs (the same gate ``reviews.check`` runs), in one
    reading that takes each row once."""
    with store.reading() as session:
        read = reviews.read_gate(session, engagement_id, today)
        return _summary(session, read, today)


def _summary(session: Session, read: reviews.GateRead, today: dt.date) -> RiskSummary:
    inputs, result, record, review = read.inputs, read.result, read.record, read.review
    found = blockers(inputs)
    signed = None
    if record.status in BINDING and review is not None and review.frozen_at is not None:
        # Signing passed the gate: the report shows the risk it was signed on, not today's.
        result, terms = reviews.score_signed(record, review, read.profile)
        found = []
        signed = Signed(_changed_terms(terms, record.data), terms is not None)
    d = record.data
    plan = inputs.exit_plan
    person, profile = read.contractor, read.profile
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
        contractor_kind=ContractorKind(person.kind), contractor_country=person.country,
        identity_verified_on=person.identity_verified_on, tax_form=TaxForm(person.tax_form),
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
                    generated=_("Prepared {date}").format(date=day_text(summary.today)))
    return build_pdf(Path(path), build_story(summary), page,
                     title=f"{REPORT}: {title}",
                     subject=_("Pre-signing risk review of “{title}” with {contractor}").format(
                         title=title, contractor=summary.contractor_name),
                     author=business)


# --- the story -----------------------------------------------------------------------------
def build_story(summary: RiskSummary) -> list[Flowable]:
    """The report's flowables, from the summary alone (no database)."""
    st = styles()
    d = summary.data
    story: list[Flowable] = [
        marked_line("{report}: {title}", st.title, report=Run(clean(REPORT)),
                    title=Run(clean(d.title))),
        header_block(summary),
    ]
    story += decision(summary)
    story += risk_section(summary)
    story += classification(summary)
    answers = summary.review.answers if summary.review is not None else {}
    story += checks_table(_("Identity and fraud checks"), IDENTITY_CHECKS, answers,
                          identity_row(summary))
    story += checks_table(_("Quality and originality"), QUALITY_CHECKS, answers, None)
    story += contract_checklist(summary)
    story += exit_strategy(summary)
    story += pay_and_tax(summary)
    story += sign_off(summary)
    return story
