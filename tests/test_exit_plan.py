"""Exit plans: validated, judged for completeness, saved with a version check."""

from __future__ import annotations

import pytest

from desktop.core.enums import DataDisposition
from desktop.core.exit_plan import completeness, missing_essentials, validate_exit_plan
from desktop.core.validation import ConflictError, ValidationError
from desktop.store import contractors, engagements, exit_plans
from desktop.store.db import Store
from tests.factories import make_contractor, make_engagement

FULL = {"for_convenience": True, "convenience_notice_days": "14", "for_cause": "yes",
        "cure_days": "10", "handover_work": "Layered files in our drive",
        "data_disposition": "return_then_destroy", "access_revocation": "Shop admin\nDrive\n\nDrive",
        "knowledge_transfer": "One call", "pro_rata_pay": "true"}


def test_a_full_plan_lacks_only_what_is_optional() -> None:
    plan = validate_exit_plan(FULL)
    assert plan.access_revocation == ("Shop admin", "Drive")
    assert plan.data_disposition is DataDisposition.RETURN_THEN_DESTROY
    assert missing_essentials(plan) == []
    assert completeness(plan) == ["a named backup contractor"]


def test_no_plan_misses_every_essential() -> None:
    assert missing_essentials(None) == ["termination", "handover", "data", "access"]
    assert missing_essentials(validate_exit_plan({})) == ["termination", "handover", "data",
                                                          "access"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("cure_days", "ten", "whole number"),
    ("data_disposition", "shred", "expected one of"),
])
def test_bad_fields_are_named(field: str, value: str, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_exit_plan({**FULL, field: value})
    assert message in (error.value.for_field(field) or "")


def test_days_only_with_their_kind_of_termination() -> None:
    with pytest.raises(ValidationError) as error:
        validate_exit_plan({"cure_days": "5", "convenience_notice_days": "7"})
    assert {e.field for e in error.value.errors} == {"cure_days", "convenience_notice_days"}


def test_saved_with_version_checks(store: Store) -> None:
    who = contractors.create(store, make_contractor()).id
    backup = contractors.create(store, make_contractor(display_name="Backup", email="")).id
    engagement = engagements.create(store, make_engagement(who)).id
    assert exit_plans.get(store, engagement) is None
    plan = validate_exit_plan({**FULL, "backup_contractor_id": str(backup)})
    first = exit_plans.save(store, engagement, plan, None)
    assert exit_plans.get(store, engagement) == first
    with pytest.raises(ConflictError):
        exit_plans.save(store, engagement, plan, None)  # someone else created it meanwhile
    second = exit_plans.save(store, engagement, validate_exit_plan({}), first.version)
    assert second.version == first.version + 1
    with pytest.raises(ConflictError):
        exit_plans.save(store, engagement, plan, first.version)
    with pytest.raises(ValidationError, match="not a contractor"):
        exit_plans.save(store, engagement, validate_exit_plan({"backup_contractor_id": "999"}),
                        second.version)
