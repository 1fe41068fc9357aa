"""A planner activity as edited (its inputs, whether it has its own value of an hour, the
owner's decision, notes) flattened to one record, so a save on top of someone else's merges
it field by field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields

from desktop.core.enums import PlannerDecision
from desktop.core.i18n import _
from desktop.core.planner import LABELS, ActivityInputs

# How each field reads in the question about whose version to keep.
FIELD_LABELS = {**LABELS, "hour_value_minor": _("Value of an hour"),
                "hour_value_set": _("Own value of an hour"), "decision": _("Your decision"),
                "notes": _("Notes")}


def activity_fields(inputs: ActivityInputs, hour_value_set: bool, decision: PlannerDecision,
                    notes: str) -> dict[str, object]:
    return {**{f.name: getattr(inputs, f.name) for f in fields(inputs)},
            "hour_value_set": hour_value_set, "decision": decision, "notes": notes}


def from_fields(values: Mapping[str, object]) -> tuple[ActivityInputs, bool, PlannerDecision,
                                                        str]:
    inputs = ActivityInputs(**{f.name: values[f.name] for f in fields(ActivityInputs)})
    return (inputs, bool(values.get("hour_value_set")),
            PlannerDecision(values["decision"]), str(values.get("notes", "")))
