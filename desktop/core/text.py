"""Text people type or import: the characters no field takes, and showing stored text safely.

Refused in every field: C0 controls and DEL, C1 controls, the bidi embeddings and overrides
(U+202A–U+202E) and isolates (U+2066–U+2069), and lone surrogates (bytes on a command line that
are not UTF-8). A terminal obeys the controls (ESC can retitle the window or clear the screen);
the bidi ones make text read in another order than it is stored (CVE-2021-42574).

Kept: TAB and line breaks, in multi-line fields only (notes, the brief, descriptions), where CR LF,
CR, U+2028 and U+2029 become LF. The direction marks U+200E, U+200F and U+061C are allowed: they
only place punctuation beside right-to-left words, and Hebrew and Arabic keyboards type them.

Typed text holding a refused character is refused, naming the field and the character; an
imported cell loses it with a warning (``cleaned``). Text already stored goes to a terminal
through ``escaped`` and into JSON through ``json_escaped``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping

from desktop.core.i18n import _
from desktop.core.validation import FieldError, ValidationError

__all__ = ["checked", "cleaned", "escaped", "json_escaped", "problem", "screen"]

_C0 = ("NUL SOH STX ETX EOT ENQ ACK BEL BS TAB LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN "
       "ETB CAN EM SUB ESC FS GS RS US").split()
_CONTROLS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # TAB, LF and CR are decided per field
_INVISIBLE = r"\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_BREAKS = "\n\r\u2028\u2029"
_IN_LINES = re.compile(f"[{_CONTROLS}{_INVISIBLE}]")
_IN_LINE = re.compile(f"[\t{_BREAKS}{_CONTROLS}{_INVISIBLE}]")
_BREAK = re.compile("\r\n?|[\u2028\u2029]")
_JSON = re.compile(f"[\x7f-\x9f\u2028\u2029{_INVISIBLE}]")  # json.dumps escapes C0 itself
# Anything that makes ``screen`` change a multi-line value or find fault with it.
_NOT_PLAIN_LINES = re.compile(f"[\r\u2028\u2029{_CONTROLS}{_INVISIBLE}]")


def _refused(multiline: bool) -> re.Pattern[str]:
    return _IN_LINES if multiline else _IN_LINE


def _name(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return _C0[code]
    if code == 0x7f:
        return "DEL"
    name = unicodedata.name(ch, "")
    return f"U+{code:04X} {name}" if name else f"U+{code:04X}"


def problem(text: str, *, multiline: bool = False) -> str | None:
    """What is wrong with ``text`` as a field's value, or None. Whitespace around it does not
    count (every field is stored stripped); a multi-line value is read with its line breaks
    already made LF (``screen`` and ``checked`` do that)."""
    found = _refused(multiline).search(text.strip())
    if found is None:
        return None
    ch = found.group()
    if ch in _BREAKS:
        return _("contains a line break; keep it to one line")
    if "\u202a" <= ch <= "\u2069":
        return _("contains an invisible text-direction character ({name}); remove it").format(
            name=_name(ch))
    if "\ud800" <= ch <= "\udfff":
        return _("contains bytes that are not text ({name}); retype it").format(name=_name(ch))
    return _("contains a control character ({name}); remove it").format(name=_name(ch))


def _lines(text: str) -> str:
    return _BREAK.sub("\n", text) if "\r" in text or "\u2028" in text or "\u2029" in text else text


def screen(raw: Mapping[str, object],
           multiline: Collection[str] = ()) -> tuple[dict[str, object], list[FieldError]]:
    """``raw`` for a validator: multi-line fields with LF line breaks, refused characters taken
    out (so later messages never quote them), and one error per field that held one. A list
    value (tags, systems) is checked item by item, each one line with its spaces collapsed, as
    those validators keep it."""
    out = dict(raw)
    errors: list[FieldError] = []
    for name, value in raw.items():
        many = name in multiline
        if isinstance(value, str):
            if not (_NOT_PLAIN_LINES if many else _IN_LINE).search(value):
                continue  # nearly every value: nothing to change, nothing to report
            value = _lines(value) if many else value
            wrong = problem(value, multiline=many)
            out[name] = _refused(many).sub("", value) if wrong else value
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            wrong = next(filter(None, (problem(" ".join(v.split())) for v in value
                                       if _IN_LINE.search(v))), None)
            if wrong:
                out[name] = type(value)(_IN_LINE.sub("", v) for v in value)
        else:
            continue
        if wrong:
            errors.append(FieldError(name, wrong))
    return out, errors


def checked(field: str, value: str, *, multiline: bool = False) -> str:
    """``value`` (with LF line breaks if ``multiline``), or ValidationError naming ``field``."""
    value = _lines(value) if multiline else value
    wrong = problem(value, multiline=multiline)
    if wrong:
        raise ValidationError([FieldError(field, wrong)])
    return value


def cleaned(text: str, *, multiline: bool = False) -> tuple[str, list[str]]:
    """``text`` as an import keeps it, and the names of the characters taken out. In one line,
    TAB and line breaks become spaces (a name wrapped in its cell is still the name); VT is a
    line break, as FileMaker writes one inside a cell."""
    if not _IN_LINE.search(text):
        return text, []
    text = text.replace("\x0b", "\n") if "\x0b" in text else text
    if multiline:
        text = _lines(text)
    elif _IN_LINE.search(text):
        text = re.sub(f"[\t{_BREAKS}]+", " ", text)
    removed = sorted({_name(m.group()) for m in _IN_LINES.finditer(text)})
    return (_IN_LINES.sub("", text) if removed else text), removed


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped(text: str, keep: str = "") -> str:
    """``text`` for a terminal: each refused character (and TAB and line breaks, unless in
    ``keep``) written out as ``\\x1b`` or ``\\u202e``, so it is seen and never obeyed."""
    if not _IN_LINE.search(text):
        return text
    return _IN_LINE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)


def json_escaped(text: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with DEL, C1, the bidi controls,
    U+2028/U+2029 and lone surrogates as ``\\uXXXX`` escapes: still the same JSON value, and
    nothing a terminal obeys. Such characters only ever occur inside JSON strings."""
    return _JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
