"""The risk-review question catalog, kept as plain data under a version.

A saved review records CATALOG_VERSION so an old review can be read against the questions
it was answered with. Change the version whenever a question's id, risky answer, weight or
star changes; wording and help text may be polished without a new version.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.enums import Labelled
from desktop.core.i18n import _

CATALOG_VERSION = "2026.11"

YES_NO = "yes_no"
SCALE = "scale"  # 1 best .. 5 worst


class Area(Labelled):
    STRATEGIC = "strategic"
    OPERATIONAL = "operational"
    TECHNOLOGY = "technology"
    FINANCIAL = "financial"

    @property
    def label(self) -> str:
        return _AREA_LABELS[self.value]


_AREA_LABELS = {
    "strategic": _("Strategic / classification"),
    "operational": _("Operational"),
    "technology": _("Technology and security"),
    "financial": _("Financial"),
}


@dataclass(frozen=True)
class Question:
    id: str  # stable and dotted, e.g. "strategic.control"; saved answers refer to it
    area: Area
    text: str
    help: str
    kind: str  # YES_NO or SCALE
    risky: bool | None  # yes/no: the answer that signals risk; None for a scale
    weight: int  # 1..5
    star: bool  # a risky answer forces likelihood 5 in its area
    source: str  # the official test, guidance or standard it rests on
    abc_prong: str | None = None  # "A", "B" or "C" for the ABC classification test


def _yes_no(id: str, text: str, help: str, *, risky: bool, weight: int, source: str,
            star: bool = False, abc_prong: str | None = None) -> Question:
    area = Area(id.split(".", 1)[0])
    return Question(id, area, text, help, YES_NO, risky, weight, star, source, abc_prong)


def _scale(id: str, text: str, help: str, *, weight: int, source: str) -> Question:
    area = Area(id.split(".", 1)[0])
    return Question(id, area, text, help, SCALE, None, weight, False, source)


_IRS_15A = _("IRS Publication 15-A, common-law control test")
_PRACTICE = _("Crewbook practice")

QUESTIONS: tuple[Question, ...] = (
    # --- Strategic / classification -------------------------------------------------------
    _yes_no(
        "strategic.control",
        _("Do you decide how the contractor does the work — their hours, methods, tools or "
          "where they work — rather than only what the finished result must be?"),
        _("Controlling the way work is done, not just the outcome, is the main sign of "
          "employment. Look at your messages: do you set their schedule or tell them which "
          "steps to follow?"),
        risky=True, weight=5, abc_prong="A",
        source=_("Cal. Labor Code section 2775 (ABC test, prong A); {irs}").format(irs=_IRS_15A)),
    _yes_no(
        "strategic.usual_course",
        _("Is this work part of what your business normally sells or does every day?"),
        _("Work inside your usual line of business points to an employee under the ABC test. "
          "Ask: would a customer think this is simply what your company does?"),
        risky=True, weight=4, abc_prong="B",
        source=_("Cal. Labor Code section 2775 (ABC test, prong B)")),
    _yes_no(
        "strategic.own_business",
        _("Does the contractor run an established business of their own, offering this kind "
          "of work to others (other clients, a business name, website, licence or insurance)?"),
        _("Someone with no business of their own, working only through you, looks like staff. "
          "Check their website, invoices and other clients."),
        risky=False, weight=4, abc_prong="C",
        source=_("Cal. Labor Code section 2775 (ABC test, prong C)")),
    _yes_no(
        "strategic.open_ended",
        _("Is the engagement open-ended, with no end date or defined finish?"),
        _("A relationship expected to go on indefinitely looks like a job rather than a "
          "project. Check whether the contract has an end date or a final deliverable."),
        risky=True, weight=3,
        source=_("IRS Publication 15-A, common-law rules (permanency of the relationship)")),
    _yes_no(
        "strategic.personal_service",
        _("Must this one person do the work themselves, with no right to send a substitute "
          "or bring in helpers?"),
        _("Requiring personal service is a classic sign of employment; a real business can "
          "usually staff the work as it likes. Read the contract's assignment clause."),
        risky=True, weight=2,
        source=_("IRS Revenue Ruling 87-41 (services rendered personally)")),
    _yes_no(
        "strategic.ip_assignment",
        _("Has the contractor signed a written assignment of copyright and other rights in "
          "the deliverables to your business?"),
        _("Without a signed assignment the contractor usually keeps the copyright in what they "
          "make, even though you paid for it. Look for a signed IP clause or separate deed."),
        risky=False, weight=4,
        source=_("17 U.S.C. sections 101 and 204(a) (work made for hire; transfers "
                 "need a signed writing)")),
    _yes_no(
        "strategic.dependence",
        _("Are you the contractor's only or main client (roughly half their income or more)?"),
        _("Economic dependence on one client weighs towards employee status, and losing you "
          "could leave them unable to finish. Ask them how many clients they currently serve."),
        risky=True, weight=3,
        source=_("US Department of Labor economic reality test (29 CFR part 795)")),

    # --- Operational ----------------------------------------------------------------------
    _yes_no(
        "operational.identity_match",
        _("On a live video call, did you see a photo ID whose name matches the name on the "
          "contract and on the account you will pay?"),
        _("Fake and borrowed identities are common in remote hiring. A live call with an ID "
          "check, and the same name everywhere, stops most of them."),
        risky=False, weight=5, star=True,
        source=_("NIST SP 800-63A identity proofing")),
    _yes_no(
        "operational.references",
        _("Have you spoken to at least two past clients, or confirmed that the portfolio "
          "pieces are really their own work?"),
        _("Portfolios are easy to borrow. A short call with a past client, or asking them to "
          "walk you through a sample, shows whether the work is theirs."),
        risky=False, weight=3, source=_PRACTICE),
    _scale(
        "operational.trial_quality",
        _("How did the paid trial task go? (1 = met every requirement on time, 5 = poor, late "
          "or no trial done)"),
        _("A small paid task is the best predictor of the real work. Compare what came back "
          "with the brief you gave them."),
        weight=3, source=_PRACTICE),
    _yes_no(
        "operational.written_scope",
        _("Is there a written scope that both of you agreed, listing the deliverables, "
          "deadlines and how you will decide the work is acceptable?"),
        _("Most disputes start with a vague brief. Written acceptance criteria let both "
          "sides tell when a milestone is done."),
        risky=False, weight=4,
        source=_("PMI PMBOK Guide (scope statement and acceptance criteria)")),
    _yes_no(
        "operational.originality_warranty",
        _("Does the contract promise that the work is original or properly licensed, and "
          "require the contractor to tell you when AI tools helped produce it?"),
        _("Copied or AI-generated material may not be protected by copyright, or may belong "
          "to someone else. A warranty and a disclosure duty put that risk where it belongs."),
        risky=False, weight=3,
        source=_("U.S. Copyright Office registration guidance on works containing "
                 "AI-generated material (2023)")),
    _yes_no(
        "operational.originality_scan",
        _("Before you accept delivered work, do you check it with a plagiarism, "
          "reverse-image or open-source licence scan?"),
        _("A quick scan catches copied text, stock images without a licence and code under "
          "licences you cannot use — before you have paid for it."),
        risky=False, weight=2,
        source=_("OpenChain ISO/IEC 5230 (open-source licence compliance)")),
    _yes_no(
        "operational.hidden_subcontracting",
        _("Have you seen signs that someone else is doing the work without your agreement "
          "(a changing writing style, new people on calls, working hours that do not fit)?"),
        _("Undisclosed subcontracting puts your data and quality in the hands of people you "
          "never vetted. Ask directly, and check who logs in."),
        risky=True, weight=4, source=_PRACTICE),

    # --- Technology and security ----------------------------------------------------------
    _yes_no(
        "technology.own_accounts",
        _("Does the contractor have their own named account on each of your systems, with "
          "only the access the job needs, that you can switch off yourself at any time?"),
        _("Shared logins cannot be revoked without locking everyone out, and broad access "
          "turns one mistake into a breach. List every system they can reach."),
        risky=False, weight=4, source=_("OWASP / least privilege")),
    _yes_no(
        "technology.mfa",
        _("Is two-step sign-in (an app code or security key) switched on for every account "
          "the contractor uses?"),
        _("A stolen password alone then cannot open the account. Check each service's "
          "security settings or your admin console."),
        risky=False, weight=3,
        source=_("CISA guidance on multi-factor authentication")),
    _yes_no(
        "technology.nda",
        _("Has the contractor signed a confidentiality agreement (NDA) and, if they will see "
          "personal data, data-protection terms?"),
        _("Privacy law expects written terms with anyone who handles personal data for you, "
          "and an NDA is what you rely on if your information leaks."),
        risky=False, weight=4,
        source=_("GDPR Article 28 (contracts with processors)")),
    _yes_no(
        "technology.business_owned",
        _("Is the work kept in accounts your business owns — code repositories, design "
          "files, cloud storage, domains — rather than in the contractor's personal ones?"),
        _("If the work lives in their accounts, ending the engagement can mean losing it. "
          "Check who is the owner, not just a member, of each workspace."),
        risky=False, weight=3, source=_PRACTICE),
    _yes_no(
        "technology.anomalies",
        _("Have you noticed odd sign-ins or devices — logins from unexpected countries, new "
          "devices, shared passwords, or sign-in prompts nobody asked for?"),
        _("These are early signs of account takeover or of someone else using the "
          "contractor's access. Review the sign-in history your services keep."),
        risky=True, weight=5, star=True,
        source=_("NIST SP 800-61 (computer security incident handling)")),
    _yes_no(
        "technology.data_return",
        _("Have you agreed in writing how your data will be returned or destroyed when the "
          "work ends?"),
        _("Without an agreement, copies of your files and customer data can stay on their "
          "laptop for years. Name the data, the method and a deadline."),
        risky=False, weight=3,
        source=_("GDPR Article 28(3)(g) (return or deletion at the end of the service)")),

    # --- Financial ------------------------------------------------------------------------
    _yes_no(
        "financial.milestone_pay",
        _("Do you pay only through escrow or after each milestone is accepted, never for "
          "work that has not been delivered?"),
        _("Paying as accepted work arrives caps what you can lose to a contractor who "
          "disappears."),
        risky=False, weight=4, source=_PRACTICE),
    _yes_no(
        "financial.upfront_over_cap",
        _("Has the contractor asked for more money upfront than your limit allows (for "
          "example over a quarter of the price before any work)?"),
        _("Large advance payments are the usual hook of hiring scams, and leave you nothing "
          "to hold back if the work falls short."),
        risky=True, weight=3,
        source=_("FTC consumer guidance on advance-payment and job scams")),
    _yes_no(
        "financial.payee_mismatch",
        _("Has anyone asked you to pay a name other than the verified person, or to pay in "
          "crypto, gift cards or outside the agreed platform or bank account?"),
        _("These requests are the signature of payment fraud; legitimate contractors take "
          "ordinary transfers to their own name. Stop and verify by a call you place yourself."),
        risky=True, weight=5, star=True,
        source=_("FTC consumer alert on gift-card payment scams")),
    _yes_no(
        "financial.below_market",
        _("Is the price far below what similar contractors charge (say under half the usual "
          "rate)?"),
        _("Prices that look too good often mean hidden subcontracting, copied work or a scam. "
          "Compare with two or three other quotes or a published rate survey."),
        risky=True, weight=2, source=_PRACTICE),
    _yes_no(
        "financial.tax_form",
        _("Do you have the contractor's tax form on file (W-9 in the US, W-8BEN for a "
          "foreign individual, or your country's equivalent)?"),
        _("You need it to report payments and to avoid having to withhold tax yourself. "
          "Collect it before the first payment."),
        risky=False, weight=3,
        source=_("IRS Instructions for the Requester of Form W-9 (backup withholding)")),
    _yes_no(
        "financial.payment_terms",
        _("Are your payment terms within what the law allows where the contractor works (for "
          "example at most 30 days in Illinois; in New York and California 30 days when no "
          "date is agreed; in the EU 60 days unless expressly agreed)?"),
        _("Paying later than the law allows can cost interest, penalties and double damages. "
          "Compare your net days with the rule shown for the jurisdiction."),
        risky=False, weight=3,
        source=_("N.Y. Gen. Bus. Law sections 1410-1415; Directive 2011/7/EU, Art. 3")),
    _yes_no(
        "financial.cost_cap",
        _("Is the total cost capped — a fixed price, or a maximum number of paid hours or days?"),
        _("Open-ended hourly billing is how budgets quietly double. A cap forces a "
          "conversation before the money is spent."),
        risky=False, weight=3, source=_PRACTICE),
)

_BY_ID = {q.id: q for q in QUESTIONS}


def questions_in(area: Area | str) -> tuple[Question, ...]:
    """The questions of one area, in catalog order."""
    wanted = Area(area)
    return tuple(q for q in QUESTIONS if q.area is wanted)


def question(id: str) -> Question:
    """One question by id; a KeyError names the unknown id and the catalog version."""
    try:
        return _BY_ID[id]
    except KeyError:
        raise KeyError(f"no risk question {id!r} in catalog {CATALOG_VERSION}") from None
