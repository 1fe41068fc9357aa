"""Closed vocabularies shared by the store, the CLI and the UI."""

from enum import StrEnum


class Labelled(StrEnum):
    """A string enum whose members carry a human label."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())

    @classmethod
    def parse(cls, text: str) -> "Labelled":
        key = _key(text)
        table = _PARSE.get(cls)
        if table is None:  # built once per class: imports parse tens of thousands of values
            table = _PARSE[cls] = {k: m for m in cls for k in (_key(m.value), _key(m.label))}
        try:
            return table[key]
        except KeyError:
            raise ValueError(f"expected one of: {', '.join(m.value for m in cls)}") from None


def _key(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


_PARSE: dict[type, dict[str, "Labelled"]] = {}


_LABELS = {
    "w9": "W-9",
    "w8ben": "W-8BEN",
    "in_person": "In person",
    "it_support": "IT support",
    "credentials_finance": "Credentials / finance",
    "personal_data": "Personal data",
    "in_review": "In review",
    "part_paid": "Part-paid",
    "hire_expert": "Hire an expert",
    "drop": "Outsource or drop",
    "nda": "NDA",
    "id_check": "ID check",
}


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
