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
