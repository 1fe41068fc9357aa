"""What a reviewer fills in on a risk review, as one record that a save on top of someone
else's can merge field by field: each question's answer and its evidence are fields of
their own, so two people answering different questions both keep their answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.i18n import _
from desktop.core.risk import Answer, Replacement
from desktop.core.risk_catalog import QUESTIONS

ANSWER, EVIDENCE = "answer:", "evidence:"


@dataclass(frozen=True)
class ReviewAnswers:
    answers: dict[str, Answer] = field(default_factory=dict)
    replacement: Replacement | None = None
    deadline_hardness: int | None = None
    copyrightable: bool = True
    reviewer: str = ""


# How each field reads in the question about whose version to keep.
LABELS = {"replacement": _("Time to replace them"),
          "deadline_hardness": _("How hard the deadline is"),
          "copyrightable": _("The work creates copyright"), "reviewer": _("Reviewer"),
          **{ANSWER + q.id: _("“{question}”").format(question=q.text) for q in QUESTIONS},
          **{EVIDENCE + q.id: _("Evidence for “{question}”").format(question=q.text)
             for q in QUESTIONS}}


def flat(review: ReviewAnswers) -> dict[str, Any]:
    """Field name to value; a blank answer or evidence is left out."""
    values: dict[str, Any] = {"replacement": review.replacement,
                              "deadline_hardness": review.deadline_hardness,
                              "copyrightable": review.copyrightable, "reviewer": review.reviewer}
    for qid, answer in review.answers.items():
        if answer.value is not None:
            values[ANSWER + qid] = answer.value
        if answer.evidence:
            values[EVIDENCE + qid] = answer.evidence
    return values


def unflat(values: Mapping[str, Any]) -> ReviewAnswers:
    qids = dict.fromkeys(name.split(":", 1)[1] for name in values
                         if name.startswith((ANSWER, EVIDENCE)))
    answers = {qid: Answer(values.get(ANSWER + qid), values.get(EVIDENCE + qid, ""))
               for qid in qids}
    return ReviewAnswers(answers, values.get("replacement"), values.get("deadline_hardness"),
                         bool(values.get("copyrightable", False)), values.get("reviewer", ""))
