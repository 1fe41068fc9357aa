"""Risk review: the catalog's shape, exact scoring by hand-worked examples, classification."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.engagement import EngagementData
from desktop.core.enums import DataAccess, PricingModel
from desktop.core.risk import (
    ABC_JURISDICTIONS,
    ABC_SOURCES,
    Answer,
    Band,
    ImpactInputs,
    Replacement,
    band,
    classify,
    financial_impact,
    impact,
    likelihood,
    operational_impact,
    replacement_level,
    risk_value,
    score_review,
    strategic_impact,
    technology_impact,
    weighted_risk,
)
from desktop.core.risk_catalog import (
    CATALOG_VERSION,
    QUESTIONS,
    SCALE,
    YES_NO,
    Area,
    question,
    questions_in,
)
from desktop.core.validation import ValidationError

# Weights, for the hand calculations below:
#   strategic   control 5, usual_course 4, own_business 4, open_ended 3, personal_service 2,
#               ip_assignment 4, dependence 3                                  Σw = 25
#   operational identity_match 5★, references 3, trial_quality 3 (scale), written_scope 4,
#               originality_warranty 3, originality_scan 2, hidden_subcontracting 4  Σw = 24
#   technology  own_accounts 4, mfa 3, nda 4, business_owned 3, anomalies 5★,
#               data_return 3                                                  Σw = 22
#   financial   milestone_pay 4, upfront_over_cap 3, payee_mismatch 5★, below_market 2,
#               tax_form 3, payment_terms 3, cost_cap 3                        Σw = 23

SMALL = ImpactInputs(contract_value_minor=1_000_00, annual_revenue_minor=1_000_000_00,
                     replacement=Replacement.UNDER_WEEK, deadline_hardness=1,
                     data_access=DataAccess.NONE)


def safe_answer(qid: str) -> Answer:
    q = question(qid)
    return Answer(1) if q.kind == SCALE else Answer(not q.risky)


def risky_answer(qid: str) -> Answer:
    q = question(qid)
    return Answer(5) if q.kind == SCALE else Answer(bool(q.risky))


def all_safe() -> dict[str, Answer]:
    return {q.id: safe_answer(q.id) for q in QUESTIONS}


def with_changes(*risky: str, unanswered: tuple[str, ...] = (),
                 **values: bool | int | None) -> dict[str, Answer]:
    """All answered safely except the named ones (keyword names use __ for the dot)."""
    answers = all_safe()
    for qid in risky:
        answers[qid] = risky_answer(qid)
    for qid in unanswered:
        del answers[qid]
    for key, value in values.items():
        answers[key.replace("__", ".")] = Answer(value)
    return answers


# --- Catalog ----------------------------------------------------------------------------

class TestCatalog:
    def test_ids_unique_and_dotted_by_area(self) -> None:
        ids = [q.id for q in QUESTIONS]
        assert len(ids) == len(set(ids))
        assert all(q.id.split(".")[0] == q.area.value for q in QUESTIONS)

    def test_every_area_has_a_handful_of_questions(self) -> None:
        for area in Area:
            assert 6 <= len(questions_in(area)) <= 9, area

    def test_kinds_and_risky_answers(self) -> None:
        for q in QUESTIONS:
            assert q.kind in (YES_NO, SCALE)
            if q.kind == YES_NO:
                assert isinstance(q.risky, bool), q.id
            else:
                assert q.risky is None, q.id
                assert not q.star, q.id

    def test_weights_in_range(self) -> None:
        assert all(1 <= q.weight <= 5 for q in QUESTIONS)

    def test_abc_prongs_each_once_in_strategic(self) -> None:
        prongs = [q.abc_prong for q in QUESTIONS if q.abc_prong]
        assert sorted(prongs) == ["A", "B", "C"]
        assert all(q.area is Area.STRATEGIC for q in QUESTIONS if q.abc_prong)

    def test_every_question_has_text_help_and_source(self) -> None:
        for q in QUESTIONS:
            assert q.text.strip() and q.help.strip() and q.source.strip(), q.id

    def test_stars_where_scams_and_takeovers_live(self) -> None:
        starred = {q.area for q in QUESTIONS if q.star}
        assert {Area.OPERATIONAL, Area.TECHNOLOGY, Area.FINANCIAL} <= starred
        assert all(q.weight == 5 for q in QUESTIONS if q.star)

    @pytest.mark.parametrize(("qid", "risky"), [
        ("strategic.control", True), ("strategic.usual_course", True),
        ("strategic.own_business", False), ("strategic.ip_assignment", False),
        ("operational.identity_match", False), ("operational.hidden_subcontracting", True),
        ("technology.anomalies", True), ("technology.own_accounts", False),
        ("financial.payee_mismatch", True), ("financial.tax_form", False),
    ])
    def test_risky_direction(self, qid: str, risky: bool) -> None:
        assert question(qid).risky is risky

    def test_named_sources(self) -> None:
        assert "2775" in question("strategic.usual_course").source
        assert "NIST SP 800-63A" in question("operational.identity_match").source
        assert "gift-card" in question("financial.payee_mismatch").source

    def test_unknown_id_is_a_clear_key_error(self) -> None:
        with pytest.raises(KeyError, match="strategic.nope.*" + CATALOG_VERSION):
            question("strategic.nope")

    def test_questions_in_takes_a_string(self) -> None:
        assert questions_in("financial") == questions_in(Area.FINANCIAL)

    def test_area_labels(self) -> None:
        assert [a.label for a in Area] == [
            "Strategic / classification", "Operational", "Technology and security",
            "Financial"]


# --- Answers and likelihood -------------------------------------------------------------

class TestRiskValue:
    @pytest.mark.parametrize(("value", "r"), [
        (1, Fraction(0)), (2, Fraction(1, 4)), (3, Fraction(1, 2)), (4, Fraction(3, 4)),
        (5, Fraction(1)),
    ])
    def test_scale(self, value: int, r: Fraction) -> None:
        assert risk_value(question("operational.trial_quality"), Answer(value)) == r

    def test_yes_no(self) -> None:
        control = question("strategic.control")  # "yes" is risky
        ip = question("strategic.ip_assignment")  # "no" is risky
        assert risk_value(control, Answer(True)) == 1
        assert risk_value(control, Answer(False)) == 0
        assert risk_value(ip, Answer(False)) == 1
        assert risk_value(ip, Answer(True)) == 0

    @pytest.mark.parametrize("answer", [None, Answer(None), Answer(None, "asked, no reply")])
    def test_unanswered_counts_as_fully_risky(self, answer: Answer | None) -> None:
        assert risk_value(question("strategic.ip_assignment"), answer) == 1
        assert risk_value(question("operational.trial_quality"), answer) == 1


class TestLikelihood:
    @pytest.mark.parametrize(("area", "answers", "r", "level"), [
        # Everything safe: R = 0 → L = 1.
        (Area.STRATEGIC, all_safe(), Fraction(0), 1),
        # ip_assignment alone: 4/25; 5R = 0.8 → L = 1.
        (Area.STRATEGIC, with_changes("strategic.ip_assignment"), Fraction(4, 25), 1),
        # control alone: 5/25 = 1/5; 5R = 1 exactly → L = 2.
        (Area.STRATEGIC, with_changes("strategic.control"), Fraction(1, 5), 2),
        # control + open_ended: (5 + 3)/25 = 8/25; 5R = 1.6 → L = 2.
        (Area.STRATEGIC, with_changes("strategic.control", "strategic.open_ended"),
         Fraction(8, 25), 2),
        # control + usual_course + own_business + ip + personal_service: 19/25; 5R = 3.8 → 4.
        (Area.STRATEGIC, with_changes("strategic.control", "strategic.usual_course",
                                      "strategic.own_business", "strategic.ip_assignment",
                                      "strategic.personal_service"), Fraction(19, 25), 4),
        # ... with open_ended instead of personal_service: 20/25 = 4/5; 5R = 4 → L = 5.
        (Area.STRATEGIC, with_changes("strategic.control", "strategic.usual_course",
                                      "strategic.own_business", "strategic.ip_assignment",
                                      "strategic.open_ended"), Fraction(4, 5), 5),
        # Nothing answered: R = 1; 1 + min(4, 5) = 5.
        (Area.STRATEGIC, {}, Fraction(1), 5),
        # trial 3 (3 · 1/2) + references risky (3): 9/2 / 24 = 3/16; 5R = 15/16 → L = 1.
        (Area.OPERATIONAL, with_changes("operational.references",
                                        operational__trial_quality=3), Fraction(3, 16), 1),
        # ... plus written_scope risky (4): 17/2 / 24 = 17/48; 5R = 85/48 ≈ 1.77 → L = 2.
        (Area.OPERATIONAL, with_changes("operational.references", "operational.written_scope",
                                        operational__trial_quality=3), Fraction(17, 48), 2),
        # trial 5 alone: 3/24 = 1/8; 5R = 5/8 → L = 1.
        (Area.OPERATIONAL, with_changes(operational__trial_quality=5), Fraction(1, 8), 1),
        # own_accounts unanswered (4) + nda risky (4) + data_return risky (3): 11/22 = 1/2;
        # 5R = 2.5 → L = 3.
        (Area.TECHNOLOGY, with_changes("technology.nda", "technology.data_return",
                                       unanswered=("technology.own_accounts",)),
         Fraction(1, 2), 3),
        # Only the starred payee question unanswered: 5/23; 5R = 25/23 ≈ 1.09 → L = 2, not 5.
        (Area.FINANCIAL, with_changes(unanswered=("financial.payee_mismatch",)),
         Fraction(5, 23), 2),
        # Everything unanswered except payee answered safely: 18/23; 5R = 90/23 ≈ 3.9 → L = 4.
        (Area.FINANCIAL, {"financial.payee_mismatch": Answer(False)}, Fraction(18, 23), 4),
    ])
    def test_pinned_examples(self, area: Area, answers: dict[str, Answer], r: Fraction,
                             level: int) -> None:
        assert weighted_risk(area, answers) == r
        assert likelihood(area, answers) == level

    @pytest.mark.parametrize("qid", [q.id for q in QUESTIONS if q.star])
    def test_one_starred_risky_answer_forces_five(self, qid: str) -> None:
        answers = with_changes(qid)
        area = question(qid).area
        # R alone would be 5/Σw, well under 2/5.
        assert weighted_risk(area, answers) < Fraction(2, 5)
        assert likelihood(area, answers) == 5
        result = score_review(answers, SMALL).areas[area]
        assert result.likelihood == 5
        assert result.starred == (qid,)
        # Other areas are untouched.
        assert all(r.likelihood == 1 for a, r in score_review(answers, SMALL).areas.items()
                   if a is not area)


# --- Impact -----------------------------------------------------------------------------

class TestImpact:
    @pytest.mark.parametrize(("value", "level"), [
        (0, 1), (99, 1), (100, 2), (299, 2), (300, 3), (999, 3), (1000, 4), (2499, 4),
        (2500, 5), (10_000, 5), (50_000, 5),
    ])
    def test_financial_share_of_revenue(self, value: int, level: int) -> None:
        # Revenue 10 000 minor units: 99 is 0.99 %, 100 is 1 %, 300 is 3 % and so on.
        assert financial_impact(value, 10_000) == level

    def test_financial_percent_boundaries_are_exact_with_large_amounts(self) -> None:
        revenue = 987_654_321_00
        assert financial_impact(revenue // 100 - 1, revenue) == 1  # one cent under 1 %
        assert financial_impact(revenue // 100, revenue) == 2  # exactly 1 %
        assert financial_impact(revenue // 4 - 1, revenue) == 4
        assert financial_impact(revenue // 4, revenue) == 5  # exactly 25 %

    @pytest.mark.parametrize(("value", "revenue"), [(None, 10_000), (100, None), (100, 0),
                                                    (None, None)])
    def test_financial_unknown_is_three_with_a_note(self, value: int | None,
                                                    revenue: int | None) -> None:
        assert financial_impact(value, revenue) == 3
        level, notes = impact(Area.FINANCIAL,
                              ImpactInputs(contract_value_minor=value,
                                           annual_revenue_minor=revenue))
        assert level == 3 and notes

    @pytest.mark.parametrize(("replacement", "level"), [
        (Replacement.UNDER_WEEK, 1), (Replacement.WEEKS_1_4, 2), (Replacement.MONTHS_1_2, 3),
        (Replacement.MONTHS_2_3, 4), (Replacement.OVER_3_MONTHS, 5), (None, 3),
    ])
    def test_strategic_from_replacement(self, replacement: Replacement | None,
                                        level: int) -> None:
        assert replacement_level(replacement) == level
        assert strategic_impact(replacement) == level

    def test_replacement_labels(self) -> None:
        assert Replacement.UNDER_WEEK.label == "Under a week"
        assert Replacement.OVER_3_MONTHS.label == "Over 3 months"
        assert Replacement.parse("1–2 months") is Replacement.MONTHS_1_2

    @pytest.mark.parametrize(("replacement", "hardness", "level"), [
        (Replacement.UNDER_WEEK, 1, 1),
        (Replacement.UNDER_WEEK, 2, 2),  # 1.5 rounds up
        (Replacement.WEEKS_1_4, 3, 3),  # 2.5 rounds up
        (Replacement.MONTHS_1_2, 3, 3),
        (Replacement.OVER_3_MONTHS, 4, 5),  # 4.5 rounds up
        (Replacement.OVER_3_MONTHS, 5, 5),
        (None, None, 3),
        (None, 4, 4),  # (3 + 4) / 2 = 3.5 → 4
        (Replacement.UNDER_WEEK, None, 2),  # (1 + 3) / 2 = 2
    ])
    def test_operational_rounds_up(self, replacement: Replacement | None,
                                   hardness: int | None, level: int) -> None:
        assert operational_impact(replacement, hardness) == level

    @pytest.mark.parametrize(("access", "level"), [
        (DataAccess.NONE, 1), (DataAccess.PUBLIC, 2), (DataAccess.INTERNAL, 3),
        (DataAccess.PERSONAL_DATA, 4), (DataAccess.CREDENTIALS_FINANCE, 5),
    ])
    def test_technology_from_data_access(self, access: DataAccess, level: int) -> None:
        assert technology_impact(access) == level
        assert impact(Area.TECHNOLOGY, ImpactInputs(data_access=access)) == (level, ())

    def test_unknown_inputs_are_noted_on_the_area(self) -> None:
        result = score_review(all_safe(), ImpactInputs())
        assert result.areas[Area.FINANCIAL].notes
        assert len(result.areas[Area.OPERATIONAL].notes) == 2
        assert result.areas[Area.TECHNOLOGY].notes == ()
        assert score_review(all_safe(), SMALL).areas[Area.OPERATIONAL].notes == ()

    def test_inputs_from_an_engagement(self) -> None:
        data = EngagementData(contractor_id=1, title="Logo", pricing_model=PricingModel.FIXED,
                              amount_minor=2_500_00, data_access=DataAccess.INTERNAL)
        inputs = ImpactInputs.for_engagement(data, annual_revenue_minor=100_000_00)
        assert inputs.contract_value_minor == 2_500_00
        assert inputs.data_access is DataAccess.INTERNAL
        assert impact(Area.FINANCIAL, inputs) == (2, ())  # 2.5 % of revenue


# --- Bands and the whole review ---------------------------------------------------------

class TestBands:
    @pytest.mark.parametrize(("score", "expected"), [
        (1, Band.LOW), (4, Band.LOW), (5, Band.MEDIUM), (9, Band.MEDIUM), (10, Band.HIGH),
        (16, Band.HIGH), (20, Band.CRITICAL), (25, Band.CRITICAL),
    ])
    def test_boundaries(self, score: int, expected: Band) -> None:
        assert band(score) is expected

    @pytest.mark.parametrize("score", [0, 26, -1])
    def test_out_of_range(self, score: int) -> None:
        with pytest.raises(ValueError):
            band(score)

    def test_order_and_labels(self) -> None:
        assert Band.LOW < Band.MEDIUM < Band.HIGH < Band.CRITICAL
        assert max(Band.HIGH, Band.CRITICAL, Band.LOW) is Band.CRITICAL
        assert [b.label for b in Band] == ["Low", "Medium", "High", "Critical"]


class TestReview:
    def test_fully_safe_small_review_is_low_everywhere(self) -> None:
        result = score_review(all_safe(), SMALL, "US", "TX")
        assert result.catalog_version == CATALOG_VERSION
        assert list(result.areas) == list(Area)
        for area_result in result.areas.values():
            assert (area_result.likelihood, area_result.impact) == (1, 1)
            assert area_result.band is Band.LOW
            assert area_result.drivers == area_result.unanswered == ()
        assert result.overall is Band.LOW
        assert result.worst is Area.STRATEGIC  # all tied: the first area
        assert result.classification.level is Band.LOW

    def test_overall_is_the_worst_area(self) -> None:
        # Payee mismatch forces financial L = 5; impact 1 → 5 Medium. Others stay 1 Low.
        result = score_review(with_changes("financial.payee_mismatch"), SMALL)
        assert result.worst is Area.FINANCIAL
        assert result.overall is Band.MEDIUM
        # Credentials access lifts technology: anomalies star L = 5 × I = 5 → 25 Critical.
        answers = with_changes("financial.payee_mismatch", "technology.anomalies")
        inputs = ImpactInputs(1_000_00, 1_000_000_00, Replacement.UNDER_WEEK, 1,
                              DataAccess.CREDENTIALS_FINANCE)
        result = score_review(answers, inputs)
        assert result.areas[Area.TECHNOLOGY].score == 25
        assert (result.worst, result.overall) == (Area.TECHNOLOGY, Band.CRITICAL)

    def test_ties_go_to_the_first_area(self) -> None:
        answers = with_changes("operational.identity_match", "financial.payee_mismatch")
        result = score_review(answers, SMALL)
        assert result.areas[Area.OPERATIONAL].score == result.areas[Area.FINANCIAL].score == 5
        assert result.worst is Area.OPERATIONAL

    def test_unanswered_counts_as_risky(self) -> None:
        # An empty review with unknown impacts: R = 1, L = 5 in every area.
        result = score_review({}, ImpactInputs())
        assert all(r.likelihood == 5 and r.r == 1 for r in result.areas.values())
        assert all(r.starred == () for r in result.areas.values())
        assert result.areas[Area.STRATEGIC].unanswered == tuple(
            q.id for q in questions_in(Area.STRATEGIC))
        assert result.overall is Band.HIGH  # 5 × 3

    def test_drivers_heaviest_first_then_catalog_order(self) -> None:
        answers = with_changes("strategic.open_ended", "strategic.own_business",
                               "strategic.usual_course",
                               unanswered=("strategic.personal_service",))
        drivers = score_review(answers, SMALL).areas[Area.STRATEGIC].drivers
        # usual_course 4 and own_business 4 tie: catalog order; then open_ended 3, personal 2.
        assert drivers == ("strategic.usual_course", "strategic.own_business",
                           "strategic.open_ended", "strategic.personal_service")

    def test_partial_scale_answer_drives(self) -> None:
        answers = with_changes(operational__trial_quality=2)
        assert score_review(answers, SMALL).areas[Area.OPERATIONAL].drivers == (
            "operational.trial_quality",)


# --- Classification ---------------------------------------------------------------------

CLASSIFIERS = ("strategic.control", "strategic.usual_course", "strategic.own_business",
               "strategic.open_ended", "strategic.personal_service", "strategic.dependence")


class TestClassification:
    def test_california_prong_b_is_high_under_abc(self) -> None:
        result = classify(with_changes("strategic.usual_course"), "US", "CA")
        assert result.level is Band.HIGH
        assert result.test == "ABC test"
        assert "Labor Code section 2775" in result.source
        assert len(result.reasons) == 1
        assert "Prong B" in result.reasons[0]
        assert question("strategic.usual_course").text in result.reasons[0]

    def test_abc_unanswered_prong_is_high(self) -> None:
        answers = with_changes(unanswered=("strategic.own_business",))
        result = classify(answers, "us", "ca")  # case does not matter
        assert result.level is Band.HIGH
        assert "Not answered" in result.reasons[0]

    def test_abc_without_prong_failures_counts_the_rest(self) -> None:
        assert classify(all_safe(), "US", "CA").level is Band.LOW
        assert classify(with_changes("strategic.open_ended"), "US", "CA").level is Band.MEDIUM

    @pytest.mark.parametrize(("region", "fragment"), [
        ("MA", "c. 149 section 148B"), ("NJ", "43:21-19(i)(6)")])
    def test_other_abc_states(self, region: str, fragment: str) -> None:
        result = classify(with_changes("strategic.control"), "US", region)
        assert (result.level, result.test) == (Band.HIGH, "ABC test")
        assert fragment in result.source

    def test_abc_jurisdictions_are_data(self) -> None:
        assert ABC_JURISDICTIONS == {("US", "CA"), ("US", "MA"), ("US", "NJ")}
        assert set(ABC_SOURCES) == ABC_JURISDICTIONS

    def test_texas_two_risky_is_medium_common_law(self) -> None:
        result = classify(with_changes("strategic.control", "strategic.open_ended"), "US", "TX")
        assert result.level is Band.MEDIUM
        assert result.test == "Common-law control test"
        assert "IRS Publication 15-A" in result.source
        assert len(result.reasons) == 2
        assert result.reasons[0].startswith("Answered Yes")
        assert "prong" not in " ".join(result.reasons).lower()

    def test_three_risky_is_high(self) -> None:
        answers = with_changes("strategic.control", "strategic.open_ended",
                               "strategic.dependence")
        assert classify(answers, "US", "TX").level is Band.HIGH

    def test_uk_points_to_the_local_test(self) -> None:
        result = classify(with_changes("strategic.own_business", "strategic.dependence"), "GB")
        assert result.level is Band.MEDIUM
        assert "HMRC Check Employment Status for Tax" in result.source
        assert "Answered No" in result.reasons[0]

    def test_ip_assignment_is_not_a_classification_signal(self) -> None:
        assert classify(with_changes("strategic.ip_assignment"), "US", "TX").level is Band.LOW

    @pytest.mark.parametrize(("count", "level"), [
        (0, Band.LOW), (1, Band.MEDIUM), (2, Band.MEDIUM), (3, Band.HIGH), (6, Band.HIGH)])
    def test_count_ladder(self, count: int, level: Band) -> None:
        answers = with_changes(*CLASSIFIERS[:count])
        assert classify(answers, "US", "NY").level is level

    def test_review_carries_the_classification(self) -> None:
        result = score_review(with_changes("strategic.usual_course"), SMALL, "US", "CA")
        assert result.classification.level is Band.HIGH


# --- Validation -------------------------------------------------------------------------

class TestValidation:
    @pytest.mark.parametrize(("qid", "value", "fragment"), [
        ("strategic.nope", True, "not a question"),
        ("strategic.control", 1, "yes or no"),
        ("strategic.control", "yes", "yes or no"),
        ("operational.trial_quality", 0, "1 to 5"),
        ("operational.trial_quality", 6, "1 to 5"),
        ("operational.trial_quality", True, "1 to 5"),
        ("operational.trial_quality", "3", "1 to 5"),
    ])
    def test_bad_answers_name_the_question(self, qid: str, value: object,
                                           fragment: str) -> None:
        answers = {**all_safe(), qid: Answer(value)}  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as caught:
            score_review(answers, SMALL)
        assert fragment in (caught.value.for_field(qid) or "")

    def test_every_bad_answer_reported_at_once(self) -> None:
        answers = {"x.y": Answer(True), "strategic.control": Answer(2)}
        with pytest.raises(ValidationError) as caught:
            classify(answers, "US", "CA")
        assert {e.field for e in caught.value.errors} == {"x.y", "strategic.control"}

    def test_risk_value_rejects_the_wrong_kind(self) -> None:
        with pytest.raises(ValidationError):
            risk_value(question("operational.trial_quality"), Answer(9))

    @pytest.mark.parametrize(("inputs", "field"), [
        (ImpactInputs(deadline_hardness=0), "deadline_hardness"),
        (ImpactInputs(deadline_hardness=6), "deadline_hardness"),
        (ImpactInputs(contract_value_minor=-1), "contract_value"),
        (ImpactInputs(annual_revenue_minor=-5), "annual_revenue"),
    ])
    def test_bad_impact_inputs(self, inputs: ImpactInputs, field: str) -> None:
        with pytest.raises(ValidationError) as caught:
            score_review(all_safe(), inputs)
        assert caught.value.for_field(field)


# --- Properties -------------------------------------------------------------------------

OMIT = "omit"  # the question is missing from the mapping, not just answered None


def _value_strategy(qid: str) -> st.SearchStrategy[bool | int | None]:
    if question(qid).kind == SCALE:
        return st.one_of(st.none(), st.integers(1, 5))
    return st.one_of(st.none(), st.booleans())


answer_sets = st.fixed_dictionaries(
    {q.id: st.one_of(st.just(OMIT), _value_strategy(q.id)) for q in QUESTIONS}
).map(lambda values: {qid: Answer(v) for qid, v in values.items() if v != OMIT})

impact_inputs = st.builds(
    ImpactInputs,
    contract_value_minor=st.one_of(st.none(), st.integers(0, 10**12)),
    annual_revenue_minor=st.one_of(st.none(), st.integers(0, 10**12)),
    replacement=st.one_of(st.none(), st.sampled_from(Replacement)),
    deadline_hardness=st.one_of(st.none(), st.integers(1, 5)),
    data_access=st.sampled_from(DataAccess),
)


@given(answer_sets, impact_inputs)
def test_levels_stay_in_range_and_bands_follow_the_score(answers: dict[str, Answer],
                                                         inputs: ImpactInputs) -> None:
    result = score_review(answers, inputs)
    for r in result.areas.values():
        assert 1 <= r.likelihood <= 5 and 1 <= r.impact <= 5
        assert 0 <= r.r <= 1
        assert r.score == r.likelihood * r.impact
        assert r.band is band(r.score)
    assert result.overall is max(r.band for r in result.areas.values())
    assert result.areas[result.worst].band is result.overall


def _options(qid: str) -> list[bool | int | None]:
    return [None, 1, 2, 3, 4, 5] if question(qid).kind == SCALE else [None, False, True]


@given(answer_sets, st.sampled_from([q.id for q in QUESTIONS]), st.data())
def test_a_riskier_answer_never_lowers_likelihood(answers: dict[str, Answer], qid: str,
                                                  data: st.DataObject) -> None:
    q = question(qid)
    options = _options(qid)
    # Start from an answer that is not already fully risky, then move to a riskier one.
    before = Answer(data.draw(st.sampled_from(
        [v for v in options if risk_value(q, Answer(v)) < 1])))
    after = Answer(data.draw(st.sampled_from(
        [v for v in options if risk_value(q, Answer(v)) > risk_value(q, before)])))
    start = {**answers, qid: before}
    changed = {**answers, qid: after}
    assert likelihood(q.area, changed) >= likelihood(q.area, start)
    assert weighted_risk(q.area, changed) > weighted_risk(q.area, start)
