"""Closed vocabularies shared by the store, the CLI and the UI."""

from enum import StrEnum

from desktop.core.i18n import _, in_sentence, pgettext


class Labelled(StrEnum):
    """A string enum whose members carry a human label."""

    @property
    def label(self) -> str:
        labels = _LABELS.get(type(self), {})
        return labels.get(self.value) or self.value.replace("_", " ").capitalize()

    @property
    def in_text(self) -> str:
        """The label inside a sentence: "is now signed" (German keeps its capitals)."""
        return in_sentence(self.label)

    @classmethod
    def parse(cls, text: str) -> "Labelled":
        key = _key(text)
        table = _PARSE.get(cls)
        if table is None:  # built once per class: imports parse tens of thousands of values
            table = _PARSE[cls] = {k: m for m in cls for k in (_key(m.value), _key(m.label))}
        try:
            return table[key]
        except KeyError:
            raise ValueError(_("expected one of: {values}").format(
                values=", ".join(m.value for m in cls))) from None


def _key(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


_PARSE: dict[type, dict[str, "Labelled"]] = {}


class ContractorKind(Labelled):
    INDIVIDUAL = "individual"
    COMPANY = "company"


class ContractorStatus(Labelled):
    PROSPECT = "prospect"
    ACTIVE = "active"
    PAUSED = "paused"
    FORMER = "former"
    BLOCKED = "blocked"


class TaxForm(Labelled):
    NONE = "none"
    W9 = "w9"
    W8BEN = "w8ben"
    OTHER = "other"


class RateUnit(Labelled):
    HOUR = "hour"
    DAY = "day"
    MONTH = "month"
    FIXED = "fixed"


class Channel(Labelled):
    EMAIL = "email"
    PHONE = "phone"
    VIDEO = "video"
    CHAT = "chat"
    IN_PERSON = "in_person"


class Source(Labelled):
    REFERRAL = "referral"
    PLATFORM = "platform"
    WEBSITE = "website"
    EVENT = "event"
    AGENCY = "agency"
    IMPORT = "import"
    OTHER = "other"


class EngagementStatus(Labelled):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    SIGNED = "signed"
    COMPLETED = "completed"
    TERMINATED = "terminated"
    CANCELLED = "cancelled"


class PricingModel(Labelled):
    FIXED = "fixed"
    MILESTONES = "milestones"
    HOURLY = "hourly"
    DAILY = "daily"
    RETAINER = "retainer"


class BillingPeriod(Labelled):
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class NoticeUnit(Labelled):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


class DataAccess(Labelled):
    NONE = "none"
    PUBLIC = "public"
    INTERNAL = "internal"
    PERSONAL_DATA = "personal_data"
    CREDENTIALS_FINANCE = "credentials_finance"


class CheckInCadence(Labelled):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    PER_MILESTONE = "per_milestone"


class InstallmentStatus(Labelled):
    PLANNED = "planned"
    DUE = "due"
    PAID = "paid"
    PART_PAID = "part_paid"
    CANCELLED = "cancelled"


class DocumentKind(Labelled):
    CONTRACT = "contract"
    NDA = "nda"
    TAX_FORM = "tax_form"
    INSURANCE = "insurance"
    ID_CHECK = "id_check"
    OTHER = "other"


class DataDisposition(Labelled):
    RETURN = "return"
    DESTROY = "destroy"
    RETURN_THEN_DESTROY = "return_then_destroy"


class PlannerDecision(Labelled):
    UNDECIDED = "undecided"
    KEEP = "keep"
    OUTSOURCE = "outsource"
    HIRE_EXPERT = "hire_expert"
    DROP = "drop"  # work the team does well but that costs hours it adds little for


# Each member's label, per vocabulary: the same value can read differently in another one.
_LABELS: dict[type, dict[str, str]] = {
    ContractorKind: {"individual": _("Individual"), "company": _("Company")},
    ContractorStatus: {"prospect": _("Prospect"), "active": _("Active"), "paused": _("Paused"),
                       "former": _("Former"), "blocked": _("Blocked")},
    TaxForm: {"none": pgettext("tax form", "None"), "w9": _("W-9"), "w8ben": _("W-8BEN"),
              "other": pgettext("tax form", "Other")},
    RateUnit: {"hour": _("Hour"), "day": _("Day"), "month": _("Month"),
               "fixed": pgettext("rate unit", "Fixed")},
    Channel: {"email": _("Email"), "phone": _("Phone"), "video": _("Video"), "chat": _("Chat"),
              "in_person": _("In person")},
    Source: {"referral": _("Referral"), "platform": _("Platform"), "website": _("Website"),
             "event": _("Event"), "agency": _("Agency"),
             "import": pgettext("where a contractor came from", "Import"),
             "other": pgettext("where a contractor came from", "Other")},
    EngagementStatus: {"draft": _("Draft"), "in_review": _("In review"), "signed": _("Signed"),
                       "completed": _("Completed"), "terminated": _("Terminated"),
                       "cancelled": pgettext("engagement status", "Cancelled")},
    PricingModel: {"fixed": pgettext("pricing", "Fixed"), "milestones": _("Milestones"),
                   "hourly": _("Hourly"), "daily": _("Daily"), "retainer": _("Retainer")},
    BillingPeriod: {"weekly": pgettext("billing period", "Weekly"),
                    "monthly": pgettext("billing period", "Monthly")},
    NoticeUnit: {"days": _("Days"), "weeks": _("Weeks"), "months": _("Months")},
    DataAccess: {"none": pgettext("data access", "None"), "public": _("Public"),
                 "internal": _("Internal"), "personal_data": _("Personal data"),
                 "credentials_finance": _("Credentials / finance")},
    CheckInCadence: {"weekly": pgettext("check-in cadence", "Weekly"),
                     "fortnightly": _("Fortnightly"),
                     "monthly": pgettext("check-in cadence", "Monthly"),
                     "per_milestone": _("Per milestone")},
    InstallmentStatus: {"planned": _("Planned"), "due": _("Due"), "paid": _("Paid"),
                        "part_paid": _("Part-paid"),
                        "cancelled": pgettext("installment status", "Cancelled")},
    DocumentKind: {"contract": _("Contract"), "nda": _("NDA"), "tax_form": _("Tax form"),
                   "insurance": _("Insurance"), "id_check": _("ID check"),
                   "other": pgettext("document kind", "Other")},
    DataDisposition: {"return": _("Return"), "destroy": _("Destroy"),
                      "return_then_destroy": _("Return then destroy")},
    PlannerDecision: {"undecided": _("Undecided"), "keep": _("Keep"),
                      "outsource": _("Outsource"), "hire_expert": _("Hire an expert"),
                      "drop": _("Outsource or drop")},
}
