"""Saving my edit on top of someone else's: my changed fields win, theirs stay otherwise."""

from __future__ import annotations

from desktop.core.merge import reapply, shown
from tests.factories import make_contractor


def test_mine_on_top_of_theirs_keeps_their_other_changes() -> None:
    original = make_contractor(display_name="Maya", email="maya@old.example", notes="")
    mine = make_contractor(display_name="Maya", email="maya@new.example", notes="")
    theirs = make_contractor(display_name="Maya Okafor", email="maya@old.example",
                             notes="prefers calls")
    merged, differ = reapply(original, mine, theirs)
    assert merged.display_name == "Maya Okafor" and merged.notes == "prefers calls"
    assert merged.email == "maya@new.example"
    assert differ == ["email"]


def test_the_same_change_on_both_sides_is_no_difference() -> None:
    original = make_contractor(email="a@example.com")
    both = make_contractor(email="b@example.com")
    merged, differ = reapply(original, both, both)
    assert merged == both and differ == []


def test_values_read_as_people_read_them() -> None:
    assert shown("") == "(empty)" and shown(None) == "(empty)" and shown(("a", "b")) == "a, b"


def test_clearing_a_field_on_top_of_theirs_clears_it() -> None:
    original = make_contractor(email="a@example.com", notes="")
    mine = make_contractor(email="", notes="")
    theirs = make_contractor(email="a@example.com", notes="new")
    merged, differ = reapply(original, mine, theirs)
    assert merged.email == "" and merged.notes == "new" and differ == ["email"]


def test_flat_mappings_merge_key_by_key_and_a_missing_key_is_blank() -> None:
    original = {"q1": "yes", "q2": "no", "reviewer": "Sam"}
    mine = {"q1": "no", "reviewer": "Sam"}  # changed q1, cleared q2
    theirs = {"q1": "yes", "q2": "no", "q3": "yes", "reviewer": "Ana"}
    merged, differ = reapply(original, mine, theirs)
    assert merged == {"q1": "no", "q3": "yes", "reviewer": "Ana"}
    assert differ == ["q1", "q2"]


def test_yes_no_and_labelled_values_read_as_words() -> None:
    from desktop.core.risk import Replacement

    assert shown(True) == "yes" and shown(False) == "no"
    assert shown(Replacement.UNDER_WEEK) == Replacement.UNDER_WEEK.label
