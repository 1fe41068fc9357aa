"""The characters no field takes (desktop.core.text), as pure rules."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text import checked, cleaned, escaped, json_escaped, problem, screen
from desktop.core.validation import ValidationError

EVIL = "Evil\x1b]0;pwned\x07\x1b[2J"


class TestProblem:
    @pytest.mark.parametrize(("text", "named"), [
        (EVIL, "(ESC)"), ("a\x00b", "(NUL)"), ("a\x07", "(BEL)"), ("a\x7fb", "(DEL)"),
        ("a\x9bb", "(U+009B)"), ("a\x85b", "(U+0085)"),
    ])
    def test_controls_are_named(self, text: str, named: str) -> None:
        assert problem(text) == f"contains a control character {named}; remove it"

    @pytest.mark.parametrize("ch", [chr(c) for c in (*range(0x202A, 0x202F),
                                                      *range(0x2066, 0x206A))])
    def test_bidi_overrides_and_isolates(self, ch: str) -> None:
        message = problem(f"abc{ch}def", multiline=True)
        assert message and message.startswith("contains an invisible text-direction character (U+")

    def test_the_override_by_name(self) -> None:
        assert problem("\u202eexe.txt") == ("contains an invisible text-direction character "
                                            "(U+202E RIGHT-TO-LEFT OVERRIDE); remove it")

    def test_bytes_that_are_not_text(self) -> None:
        assert problem("a\udcffb") == "contains bytes that are not text (U+DCFF); retype it"

    @pytest.mark.parametrize("text", ["a\nb", "a\r\nb", "a\rb", "a\u2028b", "a\u2029b"])
    def test_line_breaks_only_in_multi_line_fields(self, text: str) -> None:
        assert problem(text) == "contains a line break; keep it to one line"
        assert problem(text.replace("\r\n", "\n").replace("\r", "\n")
                       .replace("\u2028", "\n").replace("\u2029", "\n"), multiline=True) is None

    def test_tab_only_in_multi_line_fields(self) -> None:
        assert problem("a\tb") == "contains a control character (TAB); remove it"
        assert problem("a\tb", multiline=True) is None

    def test_whitespace_around_is_stripped_before_judging(self) -> None:
        assert problem("  Maya Okafor\t\n") is None
        assert problem("\x1bMaya ") is not None

    @pytest.mark.parametrize("text", [
        "Zoë Ångström", "שרה כהן\u200f (Tel Aviv)", "\u200eabc\u200f", "ع\u061cب",
        "👩\u200d💻 studio", "क्\u200dष", "Straße", "",
    ])
    def test_ordinary_text_and_direction_marks_pass(self, text: str) -> None:
        assert problem(text) is None


class TestScreen:
    def test_one_error_per_field_and_the_characters_gone(self) -> None:
        out, errors = screen({"display_name": EVIL, "notes": "ok\x1b", "rate": 5,
                              "tags": ["design", "s\x07eo"]}, ("notes",))
        assert [e.field for e in errors] == ["display_name", "notes", "tags"]
        assert out == {"display_name": "Evil]0;pwned[2J", "notes": "ok", "rate": 5,
                       "tags": ["design", "seo"]}

    def test_multi_line_fields_get_lf_line_breaks(self) -> None:
        out, errors = screen({"notes": "one\r\ntwo\rthree\u2028four\tfive"}, ("notes",))
        assert errors == [] and out["notes"] == "one\ntwo\nthree\nfour\tfive"

    def test_list_items_are_judged_with_their_spaces_collapsed(self) -> None:
        assert screen({"tags": ["web\tdesign "]})[1] == []


class TestChecked:
    def test_refused_naming_the_field(self) -> None:
        with pytest.raises(ValidationError) as caught:
            checked("summary", "called\x1b[2J", multiline=True)
        assert caught.value.for_field("summary") == "contains a control character (ESC); remove it"

    def test_returns_lf_line_breaks(self) -> None:
        assert checked("summary", "a\r\nb", multiline=True) == "a\nb"


class TestCleaned:
    def test_removes_and_names(self) -> None:
        assert cleaned(EVIL) == ("Evil]0;pwned[2J", ["BEL", "ESC"])
        assert cleaned("\u202eabc") == ("abc", ["U+202E RIGHT-TO-LEFT OVERRIDE"])

    def test_one_line_turns_breaks_and_tabs_into_spaces(self) -> None:
        assert cleaned("Maya\r\nOkafor\tPhD") == ("Maya Okafor PhD", [])

    def test_multi_line_keeps_breaks_and_tabs(self) -> None:
        assert cleaned("a\r\nb\tc\x0bd", multiline=True) == ("a\nb\tc\nd", [])

    def test_clean_text_is_returned_as_is(self) -> None:
        text = "Zoë\u200f"
        assert cleaned(text)[0] is text


class TestEscaped:
    def test_visible_and_inert(self) -> None:
        assert escaped(EVIL) == "Evil\\x1b]0;pwned\\x07\\x1b[2J"
        assert escaped("\u202eabc\x9b\udcff") == "\\u202eabc\\x9b\\udcff"

    def test_keep(self) -> None:
        assert escaped("a\nb\tc\rd", keep="\n\t") == "a\nb\tc\\x0dd"
        assert escaped("a\nb") == "a\\x0ab"

    def test_marks_and_ordinary_text_unchanged(self) -> None:
        assert escaped("שרה\u200f Zoë") == "שרה\u200f Zoë"


_ANY = st.text(st.characters(exclude_categories=()), max_size=30)  # surrogates too


@given(st.lists(st.dictionaries(st.sampled_from(["a", "b"]), _ANY), max_size=3))
def test_json_escaped_is_the_same_json_and_holds_nothing_a_terminal_obeys(records) -> None:  # type: ignore[no-untyped-def]
    text = json_escaped(json.dumps(records, ensure_ascii=False))
    assert json.loads(text) == records
    assert escaped(text) == text  # no raw control, bidi or surrogate left


@given(_ANY)
def test_cleaned_text_always_passes(text: str) -> None:
    assert problem(cleaned(text)[0]) is None
    assert problem(cleaned(text, multiline=True)[0], multiline=True) is None
