"""Deterministic risk scoring: likelihood × impact per area, and worker classification.

Every number is exact (fractions and integers) so the same answers always give the same
bands on every machine, and a saved review can be re-scored to the same result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from math import floor

from desktop.core import law
from desktop.core.engagement import EngagementData, contract_value
from desktop.core.enums import DataAccess, Labelled
from desktop.core.i18n import _, pgettext
from desktop.core.risk_catalog import (
    CATALOG_VERSION,
    SCALE,
    YES_NO,
    Area,
    Question,
    question,
    questions_in,
)
from desktop.core.validation import FieldError, ValidationError

__all__ = [
    "ABC_JURISDICTIONS", "ABC_SOURCES", "Answer", "AreaResult", "Band", "ClassificationResult",
    "ImpactInputs", "Replacement", "ReviewResult", "band", "classify", "financial_impact",
    "impact", "likelihood", "operational_impact", "replacement_level", "risk_value",
    "score_review", "strategic_impact", "technology_impact", "validate_answers",
    "weighted_risk",
]

UNKNOWN_LEVEL = 3  # an impact input nobody supplied is scored as middling, and noted


@dataclass(frozen=True)
class Answer:
    value: bool | int | None  # None: not answered yet
    evidence: str = ""  # what the reviewer looked at, for the report


class Replacement(Labelled):
    """How long it would take to replace the contractor."""

    UNDER_WEEK = "under_week"
    WEEKS_1_4 = "weeks_1_4"
    MONTHS_1_2 = "months_1_2"
    MONTHS_2_3 = "months_2_3"
    OVER_3_MONTHS = "over_3_months"

    @property
    def label(self) -> str:
        return _REPLACEMENT_LABELS[self.value]

    @property
    def level(self) -> int:
        return list(Replacement).index(self) + 1


_REPLACEMENT_LABELS = {
    "under_week": _("Under a week"),
    "weeks_1_4": _("1–4 weeks"),
    "months_1_2": _("1–2 months"),
    "months_2_3": _("2–3 months"),
    "over_3_months": _("Over 3 months"),
}


class Band(Labelled):
    """Risk bands, ordered: LOW < MEDIUM < HIGH < CRITICAL."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def label(self) -> str:
        return _BAND_LABELS[self.value]

    @property
    def rank(self) -> int:
        return list(Band).index(self)

    # A str enum would otherwise compare alphabetically ("critical" < "high").
    def __lt__(self, other: object) -> bool:
        if isinstance(other, Band):
            return self.rank < other.rank
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, Band):
            return self.rank <= other.rank
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Band):
            return self.rank > other.rank
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Band):
            return self.rank >= other.rank
        return NotImplemented


_BAND_LABELS = {"low": pgettext("risk band", "Low"), "medium": pgettext("risk band", "Medium"),
                "high": pgettext("risk band", "High"),
                "critical": pgettext("risk band", "Critical")}


@dataclass(frozen=True)
class ImpactInputs:
    contract_value_minor: int | None = None
    annual_revenue_minor: int | None = None  # same currency as the contract value
    replacement: Replacement | None = None
    deadline_hardness: int | None = None  # 1 flexible .. 5 immovable
    data_access: DataAccess = DataAccess.NONE

    @classmethod
    def for_engagement(cls, data: EngagementData, *, annual_revenue_minor: int | None = None,
                       replacement: Replacement | None = None,
                       deadline_hardness: int | None = None) -> ImpactInputs:
        """Impact inputs with the value and data access taken from an EngagementData."""
        return cls(contract_value(data), annual_revenue_minor, replacement,
                   deadline_hardness, data.data_access)


@dataclass(frozen=True)
class AreaResult:
    area: Area
    likelihood: int
    impact: int
    score: int
    band: Band
    r: Fraction  # the weighted risk R, exact
    drivers: tuple[str, ...]  # risky or unanswered question ids, heaviest first
    starred: tuple[str, ...]  # starred questions answered risky (they force likelihood 5)
    unanswered: tuple[str, ...]
    notes: tuple[str, ...] = ()  # impact inputs that were unknown and scored as 3

    @property
    def impact_known(self) -> bool:
        """False when the financial impact rests on a figure not given (the contract value or
        the business's annual revenue): scored as 3, but nothing is required on its strength."""
        return self.area is not Area.FINANCIAL or not self.notes


@dataclass(frozen=True)
class ClassificationResult:
    level: Band  # LOW, MEDIUM or HIGH
    test: str
    source: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ReviewResult:
    catalog_version: str
    areas: dict[Area, AreaResult]
    overall: Band
    worst: Area
    classification: ClassificationResult = field(repr=False)


# --- Answers and likelihood -------------------------------------------------------------

def _answer_problem(q: Question, value: object) -> str | None:
    if value is None:
        return None
    if q.kind == YES_NO:
        return None if isinstance(value, bool) else _("needs a yes or no answer")
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        return _("needs a whole number from 1 to 5")
    return None


def validate_answers(answers: Mapping[str, Answer]) -> None:
    """Reject unknown question ids and answers of the wrong kind, naming each one."""
    errors: list[FieldError] = []
    for qid, answer in answers.items():
        try:
            q = question(qid)
        except KeyError:
            errors.append(FieldError(qid, _("is not a question in catalog {version}").format(
                version=CATALOG_VERSION)))
            continue
        if not isinstance(answer, Answer):
            errors.append(FieldError(qid, _("is not an answer")))
            continue
        problem = _answer_problem(q, answer.value)
        if problem:
            errors.append(FieldError(qid, problem))
    if errors:
        raise ValidationError(errors)


def risk_value(q: Question, answer: Answer | None) -> Fraction:
    """How risky one answer is, from 0 (safe) to 1 (fully risky).

    Yes/no: 1 for the risky answer, else 0. A 1–5 scale v: (v − 1) / 4.
    An unanswered question counts as fully risky: a check not done is a risk not looked at,
    so skipping questions can never make a review look safer.
    """
    value = None if answer is None else answer.value
    if value is None:
        return Fraction(1)
    problem = _answer_problem(q, value)
    if problem:
        raise ValidationError([FieldError(q.id, problem)])
    if q.kind == SCALE:
        return Fraction(int(value) - 1, 4)
    return Fraction(1 if value == q.risky else 0)


def _is_unanswered(answers: Mapping[str, Answer], qid: str) -> bool:
    answer = answers.get(qid)
    return answer is None or answer.value is None


def weighted_risk(area: Area | str, answers: Mapping[str, Answer]) -> Fraction:
    """R = Σ w·r / Σ w over the area's questions."""
    qs = questions_in(area)
    total = sum(q.weight * risk_value(q, answers.get(q.id)) for q in qs)
    return Fraction(total) / sum(q.weight for q in qs)


def _starred_hits(area: Area | str, answers: Mapping[str, Answer]) -> tuple[str, ...]:
    # Only an actual risky answer forces 5; an unanswered star just counts r = 1.
    return tuple(q.id for q in questions_in(area)
                 if q.star and not _is_unanswered(answers, q.id)
                 and risk_value(q, answers[q.id]) == 1)


def likelihood(area: Area | str, answers: Mapping[str, Answer]) -> int:
    """L = 1 + min(4, ⌊5R⌋), or 5 when a starred question is answered risky."""
    if _starred_hits(area, answers):
        return 5
    return 1 + min(4, floor(5 * weighted_risk(area, answers)))


# --- Impact -----------------------------------------------------------------------------

_SHARE_STEPS = (1, 3, 10, 25)  # percent of annual revenue: <1 → 1, <3 → 2, <10 → 3, <25 → 4


def financial_impact(contract_value_minor: int | None, annual_revenue_minor: int | None) -> int:
    """Impact from the contract value as a share of annual revenue; unknown → 3."""
    if contract_value_minor is None or not annual_revenue_minor or annual_revenue_minor < 0:
        return UNKNOWN_LEVEL
    # Integer cross-multiplication keeps the percent boundaries exact.
    for level, percent in enumerate(_SHARE_STEPS, start=1):
        if contract_value_minor * 100 < annual_revenue_minor * percent:
            return level
    return 5


def replacement_level(replacement: Replacement | str | None) -> int:
    """1 for under a week up to 5 for over three months; unknown → 3."""
    return UNKNOWN_LEVEL if replacement is None else Replacement(replacement).level


def strategic_impact(replacement: Replacement | str | None) -> int:
    return replacement_level(replacement)


def operational_impact(replacement: Replacement | str | None,
                       deadline_hardness: int | None) -> int:
    """The mean of replacement level and deadline hardness, rounded up; unknown parts → 3."""
    hardness = UNKNOWN_LEVEL if deadline_hardness is None else deadline_hardness
    return -(-(replacement_level(replacement) + hardness) // 2)


_DATA_ACCESS_LEVEL = {
    DataAccess.NONE: 1,
    DataAccess.PUBLIC: 2,
    DataAccess.INTERNAL: 3,
    DataAccess.PERSONAL_DATA: 4,
    DataAccess.CREDENTIALS_FINANCE: 5,
}


def technology_impact(data_access: DataAccess | str) -> int:
    return _DATA_ACCESS_LEVEL[DataAccess(data_access)]


def _impact_errors(inputs: ImpactInputs) -> list[FieldError]:
    errors = []
    for name in ("contract_value_minor", "annual_revenue_minor"):
        value = getattr(inputs, name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 0):
            errors.append(FieldError(name.removesuffix("_minor"), _("must be zero or more")))
    hardness = inputs.deadline_hardness
    if hardness is not None and (isinstance(hardness, bool) or not isinstance(hardness, int)
                                 or not 1 <= hardness <= 5):
        errors.append(FieldError("deadline_hardness", _("needs a whole number from 1 to 5")))
    return errors


def impact(area: Area | str, inputs: ImpactInputs) -> tuple[int, tuple[str, ...]]:
    """One area's impact and a note for each input that was unknown."""
    area = Area(area)
    notes: list[str] = []
    if area is Area.FINANCIAL:
        if inputs.contract_value_minor is None:
            notes.append(_("Contract value unknown; financial impact taken as 3."))
        if not inputs.annual_revenue_minor:
            notes.append(_("Annual revenue not set (Settings ▸ Business profile): financial "
                           "impact unknown, scored as 3 but not counted toward the exit plan."))
        return financial_impact(inputs.contract_value_minor,
                                inputs.annual_revenue_minor), tuple(notes)
    if area is Area.TECHNOLOGY:
        return technology_impact(inputs.data_access), ()
    if inputs.replacement is None:
        notes.append(_("Time to replace the contractor unknown; counted as 3."))
    if area is Area.STRATEGIC:
        return strategic_impact(inputs.replacement), tuple(notes)
    if inputs.deadline_hardness is None:
        notes.append(_("Deadline hardness unknown; counted as 3."))
    return operational_impact(inputs.replacement, inputs.deadline_hardness), tuple(notes)


# --- Bands and the whole review ---------------------------------------------------------

def band(score: int) -> Band:
    """1–4 Low, 5–9 Medium, 10–16 High, 20–25 Critical (17–19 cannot occur as L×I)."""
    if not 1 <= score <= 25:
        raise ValueError(_("a risk score is 1..25, not {score}").format(score=score))
    if score <= 4:
        return Band.LOW
    if score <= 9:
        return Band.MEDIUM
    if score <= 16:
        return Band.HIGH
    return Band.CRITICAL


def _area_result(area: Area, answers: Mapping[str, Answer], inputs: ImpactInputs) -> AreaResult:
    qs = questions_in(area)
    order = {q.id: i for i, q in enumerate(qs)}
    load = {q.id: q.weight * risk_value(q, answers.get(q.id)) for q in qs}
    drivers = sorted((qid for qid, w in load.items() if w > 0),
                     key=lambda qid: (-load[qid], order[qid]))
    lik = likelihood(area, answers)
    imp, notes = impact(area, inputs)
    score = lik * imp
    return AreaResult(
        area=area, likelihood=lik, impact=imp, score=score, band=band(score),
        r=weighted_risk(area, answers), drivers=tuple(drivers),
        starred=_starred_hits(area, answers),
        unanswered=tuple(q.id for q in qs if _is_unanswered(answers, q.id)),
        notes=notes)


def score_review(answers: Mapping[str, Answer], impacts: ImpactInputs,
                 jurisdiction_country: str = "", jurisdiction_region: str = "") -> ReviewResult:
    """Score every area; the overall band is the worst area's (ties: first in Area order)."""
    validate_answers(answers)
    errors = _impact_errors(impacts)
    if errors:
        raise ValidationError(errors)
    areas = {area: _area_result(area, answers, impacts) for area in Area}
    worst = max(Area, key=lambda a: (areas[a].score, -list(Area).index(a)))
    return ReviewResult(
        catalog_version=CATALOG_VERSION, areas=areas, overall=areas[worst].band, worst=worst,
        classification=classify(answers, jurisdiction_country, jurisdiction_region))


# --- Classification ---------------------------------------------------------------------

# Where the ABC test applies, and the common-law test's country: law data with sources.
ABC_SOURCES: dict[tuple[str, str], str] = {(p.country, p.region): p.source
                                           for p in law.abc_test()}
ABC_JURISDICTIONS = frozenset(ABC_SOURCES)

ABC_TEST = _("ABC test")
COMMON_LAW_TEST = _("Common-law control test")
LOCAL_TEST = _("Local employment-status test")
IRS_SOURCE = law.common_law().source
LOCAL_SOURCE = _("Check the local employment-status test (e.g. UK HMRC Check Employment "
                 "Status for Tax)")

# IP assignment is about who owns the work, not whether the worker is an employee.
_NOT_CLASSIFICATION = {"strategic.ip_assignment"}


def _classification_questions() -> tuple[Question, ...]:
    return tuple(q for q in questions_in(Area.STRATEGIC) if q.id not in _NOT_CLASSIFICATION)


def _reason(q: Question, answer: Answer | None, abc: bool) -> str:
    if answer is None or answer.value is None:
        said = _("Not answered yet: “{question}”").format(question=q.text)
    elif answer.value:
        said = _("Answered Yes to “{question}”").format(question=q.text)
    else:
        said = _("Answered No to “{question}”").format(question=q.text)
    if abc and q.abc_prong:
        return _("Prong {prong} of the ABC test fails. {answer}").format(prong=q.abc_prong,
                                                                       answer=said)
    return said


def classify(answers: Mapping[str, Answer], country: str = "",
             region: str = "") -> ClassificationResult:
    """Employee-misclassification risk under the test that applies where the work is done.

    In an ABC-test state any prong answered risky (or not answered) is HIGH, since the
    business must prove all three. Elsewhere the risky classification answers are counted:
    none LOW, one or two MEDIUM, three or more HIGH. Unanswered counts as risky here too.
    """
    validate_answers(answers)
    place = (country.strip().upper(), region.strip().upper())
    risky = [q for q in _classification_questions()
             if risk_value(q, answers.get(q.id)) == 1]
    abc = place in ABC_SOURCES
    reasons = tuple(_reason(q, answers.get(q.id), abc) for q in risky)
    if abc:
        test, source = ABC_TEST, ABC_SOURCES[place]
        if any(q.abc_prong for q in risky):
            return ClassificationResult(Band.HIGH, test, source, reasons)
    elif place[0] == law.common_law().country:
        test, source = COMMON_LAW_TEST, IRS_SOURCE
    else:
        test, source = LOCAL_TEST, LOCAL_SOURCE
    level = Band.LOW if not risky else Band.MEDIUM if len(risky) <= 2 else Band.HIGH
    return ClassificationResult(level, test, source, reasons)

