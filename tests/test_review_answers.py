"""A risk review's answers merge question by question when saved on top of someone else's."""

from __future__ import annotations

from desktop.core.merge import reapply
from desktop.core.review_answers import LABELS, ReviewAnswers, flat, unflat
from desktop.core.risk import Answer, Replacement
from desktop.core.risk_catalog import QUESTIONS

FIRST, SECOND, THIRD = (q.id for q in QUESTIONS[:3])


def test_flat_and_back_is_the_same_review() -> None:
    review = ReviewAnswers({FIRST: Answer(True, "the contract"), SECOND: Answer(None, "asked"),
                            THIRD: Answer(3)}, Replacement.WEEKS_1_4, 4, False, "Sam")
    assert unflat(flat(review)) == review
    assert set(flat(review)) <= set(LABELS) | {"copyrightable"}


def test_two_people_answering_different_questions_both_keep_their_answers() -> None:
    original = ReviewAnswers({FIRST: Answer(True)}, reviewer="Sam")
    mine = ReviewAnswers({FIRST: Answer(True), SECOND: Answer(False, "checked the site")},
                         reviewer="Sam")
    theirs = ReviewAnswers({FIRST: Answer(False, "they said so"), THIRD: Answer(2)},
                           Replacement.UNDER_WEEK, reviewer="Ana")
    merged, differ = reapply(flat(original), flat(mine), flat(theirs))
    assert differ == ["answer:" + SECOND, "evidence:" + SECOND]
    assert unflat(merged) == ReviewAnswers(
        {FIRST: Answer(False, "they said so"), THIRD: Answer(2),
         SECOND: Answer(False, "checked the site")}, Replacement.UNDER_WEEK, reviewer="Ana")


def test_an_answer_i_cleared_is_cleared_on_top_of_theirs() -> None:
    original = ReviewAnswers({FIRST: Answer(True, "seen")})
    mine = ReviewAnswers({})
    theirs = ReviewAnswers({FIRST: Answer(True, "seen"), SECOND: Answer(True)})
    merged, differ = reapply(flat(original), flat(mine), flat(theirs))
    assert unflat(merged).answers == {SECOND: Answer(True)}
    assert differ == ["answer:" + FIRST, "evidence:" + FIRST]
