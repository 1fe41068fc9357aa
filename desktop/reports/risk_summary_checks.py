"""The risk summary's checklists: identity and quality checks, the contract, the exit
strategy, paying on time and tax, and the sign-off.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.core.deadlines import limit_text, past_maximum
from desktop.core.engagement import brief_gaps, last_notice_date
from desktop.core.enums import DataAccess, TaxForm
from desktop.core.exit_plan import ESSENTIAL_LABELS, ExitPlanData, missing_essentials
from desktop.core.i18n import _, ngettext
from desktop.core.money import format_money
from desktop.core.reference import country_name
from desktop.core.risk import Answer
from desktop.reports.pdf_base import FRAME_WIDTH, INK, MUTED, RISK, SHADE, Paragraph, safe, styles
from desktop.reports.pdf_line import PlainTable, Run
from desktop.reports.pdf_text import clean
from desktop.reports.risk_summary_cells import (
    EVIDENCE,
    LONG,
    MEDIUM,
    answer_state,
    day_text,
    grid,
    head_row,
    heading_line,
    hex_colour,
    label_line,
    label_width,
    marked_line,
    muted_line,
    status_line,
    table_style,
    text_line,
    value_line,
)
from desktop.store.form_1099 import US, US_FORM, USD, reaches

if TYPE_CHECKING:
    from desktop.reports.risk_summary import RiskSummary


NOT_ADVICE = _("This summary is not legal advice.")


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


def identity_row(s: RiskSummary) -> list[object]:
    if s.identity_verified_on is not None:
        verified = _("Verified {date}").format(date=day_text(s.identity_verified_on))
        status = status_line(verified, "ok")
    else:
        status = status_line(_("Not recorded"), "risk")
    return [text_line(_("Identity verified (contractor record)")), status,
            muted_line(_("The date recorded on the contractor"))]


def checks_table(title: str, checks: Mapping[str, str], answers: Mapping[str, Answer],
                 first: list[object] | None) -> list[Flowable]:
    rows = [head_row(_("Check"), _("Answer"), _("Evidence noted"))]
    if first is not None:
        rows.append(first)
    for qid, label in checks.items():
        text, state = answer_state(qid, answers)
        answer = answers.get(qid)
        rows.append([text_line(label), status_line(text, state),
                     value_line(answer.evidence if answer is not None else "", EVIDENCE,
                                _("None noted"))])
    return [heading_line(title), grid(rows, [196, 86, FRAME_WIDTH - 282])]


def contract_checklist(s: RiskSummary) -> list[Flowable]:
    d = s.data
    gaps = brief_gaps(d)
    rows = [head_row(_("Item"), _("Status"), _("Detail"))]
    rows.append([text_line(_("Written brief complete")),
                 status_line(_("Yes"), "ok") if not gaps else status_line(_("No"), "risk"),
                 value_line(_("Every part of the brief is written.") if not gaps
                            else _("Missing: {items}").format(items=", ".join(gaps)))])
    if d.ip_assignment_signed:
        ip = status_line(_("Signed"), "ok")
    elif s.copyrightable:
        ip = status_line(_("Not signed"), "risk")
    else:
        ip = status_line(_("Not signed"), "info")
    ip_detail = d.ip_terms or (_("The rights in the work are assigned in writing.")
                               if d.ip_assignment_signed else
                               _("Needed: the work creates copyright.") if s.copyrightable
                               else _("The review says the work creates no copyright."))
    rows.append([text_line(_("IP assignment")), ip, value_line(ip_detail)])
    sensitive = d.data_access in (DataAccess.PERSONAL_DATA, DataAccess.CREDENTIALS_FINANCE)
    if d.nda_signed_on is not None:
        nda = status_line(_("Signed {date}").format(date=day_text(d.nda_signed_on)), "ok")
    else:
        nda = status_line(_("Not signed"), "risk" if sensitive else "watch")
    rows.append([text_line(_("NDA")), nda,
                 value_line(_("Data access: {access}.").format(access=d.data_access.label))])
    rows.append([text_line(_("Payment terms vs the statutory rule")),
                 *_terms_cells(s, short=True)])
    needed = next((b for b in s.blockers if b.code == "written_contract"), None)
    if s.has_written_contract:
        contract = status_line(_("Attached"), "ok")
        detail = _("A document of kind “contract” is attached to the engagement.")
    else:
        contract = status_line(_("Missing"), "risk" if needed else "watch")
        detail = (_("Required for this engagement; see the Decision above.") if needed
                  else _("No signed contract is attached yet."))
    rows.append([text_line(_("Written contract document")), contract, value_line(detail)])
    return [heading_line(_("Contract checklist")), grid(rows, [160, 92, FRAME_WIDTH - 252])]


def _terms_cells(s: RiskSummary, short: bool = False) -> list[object]:
    """Status and detail for the payment terms; ``short`` names the limits without the
    sources (the pay-on-time section gives them in full)."""
    d = s.data
    if d.payment_terms_days is None:
        return [status_line(_("Not set"), "watch"),
                value_line(_("No payment terms are set; payment is due on the invoice date."))]
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
        return [status_line(net, "risk" if hard else "watch"), value_line(detail, LONG)]
    if not s.rules:
        place = "-".join(p for p in (d.jurisdiction_country, d.jurisdiction_region) if p)
        place += f" ({d.jurisdiction_city})" if place and d.jurisdiction_city else ""
        return [status_line(net, "info"),
                value_line(_("No statutory payment rule is recorded for {place}.").format(
                    place=place) if place else
                    _("No statutory payment rule is recorded for this jurisdiction."))]
    limits = []
    for rule in s.rules:
        allowed = limit_text(rule)
        if allowed is not None:
            limits.append(f"{rule.name}: {allowed}" + ("" if short else f" ({rule.source})"))
    detail = (_("Within the limit. {limits}").format(limits="; ".join(limits)) if limits
              else _("No day limit applies."))
    return [status_line(net, "ok"), value_line(detail, LONG)]


def exit_strategy(s: RiskSummary) -> list[Flowable]:
    """The plan's fields two to a row, then the missing essentials across the whole width."""
    st = styles()
    plan = s.exit_plan
    d = s.data
    items: list[tuple[str, Flowable]] = []

    def item(label: str, value: object) -> None:
        items.append((label, value if isinstance(value, Flowable)
                      else value_line(value, MEDIUM, _("Not said"))))

    if plan is None:
        item(_("Exit plan"), status_line(_("None written"), "risk"))
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
        item(_("Give notice by"), muted_line(_("No end date or notice period is set.")))
    else:
        days = (last - s.today).days
        if days == 0:
            when = _("today")
        elif days > 0:
            when = ngettext("in {count} day", "in {count} days", days).format(count=days)
        else:
            when = ngettext("{count} day ago", "{count} days ago", -days).format(count=-days)
        item(_("Give notice by"), status_line(f"{day_text(last)} ({when})",
                                              "ok" if days >= 0 else "watch"))

    rows: list[list[object]] = []
    for i in range(0, len(items), 2):
        pair = items[i:i + 2]
        row: list[object] = []
        for label, value in pair:
            row += [label_line(label), value]
        rows.append(row + ["", ""] * (2 - len(pair)))
    missing = missing_essentials(plan)
    rows.append([label_line(_("Missing essentials")),
                 status_line(_("None"), "ok") if not missing else marked_line("{missing}", st.cell,
                     missing=Run(clean("; ".join(ESSENTIAL_LABELS[m] for m in missing)),
                                 colour=RISK)), "", ""])
    label_w = label_width(96, _("Missing essentials"), *(label for label, _value in items))
    value_w = (FRAME_WIDTH - 2 * label_w) / 2
    paired = len(items) // 2  # rows whose right-hand label is filled in
    shade: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (0, -1), SHADE)]
    if paired:
        shade.append(("BACKGROUND", (2, 0), (2, paired - 1), SHADE))
    table = grid(rows, [label_w, value_w, label_w, value_w], header=False,
                 extra=[("SPAN", (1, -1), (3, -1)), *shade])
    return [heading_line(_("Exit strategy")), table]


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


def pay_and_tax(s: RiskSummary) -> list[Flowable]:
    rows = [head_row(_("Item"), _("Status"), _("Detail"))]
    rows.append([text_line(_("Payment terms against the legal limit")),
                 *_terms_cells(s)])
    rows.append([text_line(_("Payments this year ({year}, to date)").format(year=s.today.year),
                      ), *_year_cells(s)])
    rows.append([text_line(_("Tax form on file")), *_tax_form_cells(s)])
    return [heading_line(_("Pay on time and tax")), grid(rows, [160, 92, FRAME_WIDTH - 252])]


def _year_cells(s: RiskSummary) -> list[object]:
    ty = s.tax_year
    if ty is None:
        where = (country_name(s.contractor_country) if s.contractor_country
                 else _("not recorded"))
        return [status_line(_("Not applicable"), "info"),
                value_line(_("The {form} threshold applies to US contractors; this contractor's "
                        "country is {country}.").format(form=US_FORM, country=where))]
    paid = format_money(ty.paid.nec_minor, USD)
    card = (" " + _("Paid by card or payment platform, {amount} is the processor's to report "
                    "(1099-K) and is not counted.").format(
                        amount=format_money(ty.paid.processor_minor, USD))
            if ty.paid.processor_minor else "")
    t = ty.threshold
    if t is None:
        return [status_line(paid, "watch"),
                value_line(_("No {form} reporting threshold is recorded for {year}: add it in "
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
    cell = Paragraph(f'{safe(detail + card)}<br/><font size="6.8" color="{hex_colour(MUTED)}">'
                     f"{safe(t.source, MEDIUM)}</font>", styles().cell)
    return [status_line(paid, "watch" if reached else "ok"), cell]


def _tax_form_cells(s: RiskSummary) -> list[object]:
    us = s.contractor_country.upper() == US
    expected = "W-9" if us else _("W-8BEN (foreign individual) or the local equivalent")
    if s.tax_form is TaxForm.NONE:
        return [status_line(_("None on file"), "risk"),
                value_line(_("Collect a {form} before the first payment.").format(form=expected))]
    text = s.tax_form.label + (f", {day_text(s.tax_form_on)}" if s.tax_form_on else "")
    fits = (s.tax_form is TaxForm.W9) == us or s.tax_form is TaxForm.OTHER
    return [status_line(text, "ok" if fits else "watch"),
            value_line(_("On file.") if fits else _("Expected a {form}.").format(form=expected))]


def sign_off(s: RiskSummary) -> list[Flowable]:
    st = styles()
    reviewer = s.review.reviewer if s.review is not None and s.review.reviewer else ""
    names = [reviewer, s.business_name, ""]
    labels = [_("Reviewer"), _("Owner"), _("Date")]
    width = (FRAME_WIDTH - 24) / 3
    cells = [[Spacer(1, 18) for _ in labels],
             [marked_line("{label}" + (" · {name}" if name else ""), st.small,
                          label=Run(clean(label), bold=True), name=Run(clean(name, 80)))
              for label, name in zip(labels, names)]]
    table = PlainTable([[cells[0][0], "", cells[0][1], "", cells[0][2]],
                        [cells[1][0], "", cells[1][1], "", cells[1][2]]],
                       colWidths=[width, 12, width, 12, width], hAlign="LEFT")
    table.setStyle(table_style([
        ("LINEBELOW", (0, 0), (0, 0), 0.8, INK), ("LINEBELOW", (2, 0), (2, 0), 0.8, INK),
        ("LINEBELOW", (4, 0), (4, 0), 0.8, INK), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 2)]))
    notice = muted_line(NOT_ADVICE, st.small)
    return [KeepTogether([heading_line(_("Sign-off")), table, Spacer(1, 6), notice])]
