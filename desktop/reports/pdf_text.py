"""User text on a PDF page, from any script: the one path every name, note and title takes.

``clean`` drops control and format characters, cuts overlong text with a visible note and
turns emoji and characters no bundled font can draw into readable placeholders
(“[grinning face]”). ``safe`` escapes the result for Paragraph markup (so ``<b>`` or ``&amp;``
typed by a user prints as typed), lays right-to-left runs out in visual order and marks runs
the main font lacks (Chinese, Japanese, Korean) for the fallback font.

ReportLab reorders right-to-left text only with the optional rlbidi module, only in
single-style paragraphs, and its paragraph shaping takes a word's glyphs from the word's first
font. So the levels come from python-bidi here, each right-to-left run is shaped by
ReportLab's HarfBuzz binding (``shapeStr``: joined Arabic forms, in visual order) and the
paragraph receives finished visual text that any style can draw.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files
from typing import Any
from xml.sax.saxutils import escape

from bidi import algorithm as _bidi
from bidi.mirror import MIRRORED
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeStr
from reportlab.platypus import Paragraph

from desktop.core.formats import number
from desktop.core.i18n import _, ngettext

FONT = "CrewbookSans"
FONT_BOLD = "CrewbookSans-Bold"
FALLBACK = "CrewbookFallback"  # Droid Sans Fallback: Chinese, Japanese and Korean
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf",
               FALLBACK: "DroidSansFallback.ttf"}

# Scripts written right to left or joined letter to letter: such text needs shaping.
_SHAPED = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_RTL_CLASSES = frozenset({"R", "AL"})
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: a value laid out in its own direction
_OBJECT = "\ufffc"  # stands for an isolate while the text around it is ordered


@dataclass(frozen=True)
class Coverage:
    """The code points the main faces (regular and bold alike) and the fallback can draw."""

    main: frozenset[int]
    fallback: frozenset[int]


@cache
def coverage() -> Coverage:
    """Register the bundled fonts once per process and say what they can draw."""
    fonts = files("desktop.resources") / "fonts"
    sets: dict[str, frozenset[int]] = {}
    for name, file_name in _FONT_FILES.items():
        with as_file(fonts / file_name) as path:
            font = TTFont(name, str(path))
        pdfmetrics.registerFont(font)
        # Only the Basic Multilingual Plane: ReportLab writes a broken ToUnicode entry for
        # anything above it, so text could not be copied or searched.
        sets[name] = frozenset(c for c in font.face.charToGlyph if c <= 0xFFFF)
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)
    pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK,
                                  boldItalic=FALLBACK)
    main = sets[FONT] & sets[FONT_BOLD]
    return Coverage(main=main, fallback=sets[FALLBACK] - main)


@cache
def _drawn_as_is() -> frozenset[str]:
    """Characters ``clean`` keeps unchanged whatever surrounds them: the main faces draw them
    and none starts an emoji, marks an isolate or is a control or format character."""
    return frozenset(ch for ch in map(chr, coverage().main)
                     if not _emoji_start(ch) and ch not in (FSI, PDI)
                     and unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))


# --- cleaning: what gets printed at all ---------------------------------------------------
def _emoji_start(ch: str) -> bool:
    code = ord(ch)
    return (code >= 0x1F000 or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF
            or code in (0x2122, 0x2139, 0x3030, 0x303D, 0x3297, 0x3299)) and code <= 0x1FAFF


def _emoji_tail(ch: str) -> bool:
    code = ord(ch)
    return (code in (0xFE0E, 0xFE0F, 0x20E3, 0x200D) or 0x1F3FB <= code <= 0x1F3FF
            or 0xE0020 <= code <= 0xE007F)


def _emoji_name(cluster: str) -> str:
    flags = [chr(ord(c) - 0x1F1E6 + 65) for c in cluster if 0x1F1E6 <= ord(c) <= 0x1F1FF]
    if len(flags) == 2:
        return _("[flag {country}]").format(country="".join(flags))
    names = [unicodedata.name(c, "").lower() for c in cluster if _emoji_start(c)
             and not 0x1F3FB <= ord(c) <= 0x1F3FF]
    names = [n for n in names if n]
    return f"[{' '.join(names)}]" if names else _("[emoji]")


def _script_name(ch: str) -> str:
    word = unicodedata.name(ch, "").split(" ")[0]
    if not word:
        return "[?]"
    return _("[{script} text]").format(script=word if word == "CJK" else word.capitalize())


def clean(value: object, limit: int | None = None) -> str:
    """User text made printable: whitespace collapsed, control and format characters dropped,
    emoji and characters no font can draw as a readable placeholder, at most ``limit``
    characters kept (then a note says how many more there are)."""
    cover = coverage()
    text = " ".join(str(value).split())
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates
    cut = 0
    if limit is not None and len(text) > limit:
        cut = len(text) - limit
        text = text[:limit].rstrip()
    if not cut and _drawn_as_is().issuperset(text):
        return text  # most text: nothing below would change it
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        code = ord(ch)
        if _emoji_start(ch) and (code not in cover.main or i + 1 < n and _emoji_tail(text[i + 1])):
            j = i + 1
            while j < n and (_emoji_tail(text[j]) or text[j - 1] == "\u200d"
                             or (0x1F1E6 <= ord(text[j]) <= 0x1F1FF and j - i == 1
                                 and 0x1F1E6 <= code <= 0x1F1FF)):
                j += 1
            cluster = text[i:j]
            if code in cover.main and all(ord(c) in (0xFE0E, 0xFE0F) for c in cluster[1:]):
                out.append(ch)  # a symbol the font has, asked for in colour: draw it plainly
            else:
                out.append(_emoji_name(cluster))
            i = j
            continue
        i += 1
        kind = unicodedata.category(ch)
        if ch == FSI or ch == PDI:
            out.append(ch)  # kept only when balanced, below
            continue
        if kind in ("Cc", "Cf", "Cs", "Co") and code != 0x200C:
            continue  # joiners, direction marks, controls: nothing to draw (ZWNJ shapes)
        if code in cover.main or code in cover.fallback:
            out.append(ch)
        elif kind in ("Mn", "Me"):
            continue  # a mark the fonts lack: the letter alone still reads
        elif not out or out[-1] != _script_name(ch):
            out.append(_script_name(ch))  # one placeholder per run of a script we lack
    if cut:
        out.append(" " + ngettext("… ({count} more character in Crewbook)",
                                  "… ({count} more characters in Crewbook)",
                                  cut).format(count=number(cut)))
    return _balanced("".join(out))


def _balanced(text: str) -> str:
    """``text`` without the isolate marks that do not pair up."""
    if FSI not in text and PDI not in text:
        return text
    keep: set[int] = set()
    open_: list[int] = []
    for i, ch in enumerate(text):
        if ch == FSI:
            open_.append(i)
        elif ch == PDI and open_:
            keep.update((open_.pop(), i))
    return "".join(ch for i, ch in enumerate(text) if ch not in (FSI, PDI) or i in keep)


def isolate(text: str) -> str:
    """Cleaned ``text`` marked to keep its own direction inside a longer line, as a name
    does in “Statement for …”."""
    return f"{FSI}{text}{PDI}" if _SHAPED.search(text) else text


# --- right-to-left: words in visual order -------------------------------------------------
def _levels(text: str) -> list[tuple[int, str]]:
    storage = _bidi.get_empty_storage()
    base = _bidi.get_base_level(text)
    storage["base_level"], storage["base_dir"] = base, ("L", "R")[base]
    _bidi.get_embedding_levels(text, storage)
    _bidi.explicit_embed_and_overrides(storage)
    _bidi.resolve_weak_types(storage)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    return [(c["level"], c["type"]) for c in storage["chars"]]


def _shaped_run(part: str) -> str:
    """A right-to-left run as the glyphs HarfBuzz chose, left to right as they are drawn."""
    shaped = str(shapeStr(part, FONT, 10))
    main = coverage().main
    if shaped != part and all(ord(c) in main for c in shaped):
        return shaped
    return "".join(MIRRORED.get(c, c) for c in reversed(part))  # no shaping: order only


def visual(text: str) -> str:
    """``text`` as it is seen, read as one line in its own direction (as if isolated, like a
    name dropped into a sentence): right-to-left runs shaped and reversed, words in order."""
    if not _SHAPED.search(text):
        return text.replace(FSI, "").replace(PDI, "")
    inner: list[str] = []
    if FSI in text:
        text = _take_isolates(text, inner)
    tokens: list[list[Any]] = []  # [level, text, holds right-to-left letters]
    for ch, (level, kind) in zip(text, _levels(text)):
        if tokens and tokens[-1][0] == level and (tokens[-1][1][-1] == " ") == (ch == " "):
            tokens[-1][1] += ch
            tokens[-1][2] = tokens[-1][2] or kind in _RTL_CLASSES
        else:
            tokens.append([level, ch, kind in _RTL_CLASSES])
    levels = [t[0] for t in tokens]
    odd = [lv for lv in levels if lv % 2]
    for level in range(max(levels), min(odd, default=max(levels) + 1) - 1, -1):
        i = 0
        while i < len(tokens):
            if tokens[i][0] >= level:
                j = i
                while j < len(tokens) and tokens[j][0] >= level:
                    j += 1
                tokens[i:j] = tokens[i:j][::-1]
                i = j
            else:
                i += 1
    out: list[str] = []
    for level, part, rtl in tokens:
        if rtl:
            part = _shaped_run(part)
        elif level % 2:  # punctuation between right-to-left words
            part = "".join(MIRRORED.get(c, c) for c in reversed(part))
        out.append(part)
    seen = "".join(out)
    for laid_out in inner:
        seen = seen.replace(_OBJECT, laid_out, 1)
    return seen


def _take_isolates(text: str, inner: list[str]) -> str:
    """``text`` with each outermost isolate laid out on its own and replaced by a neutral
    stand-in (as the bidi algorithm treats an isolate); ``inner`` gets the layouts in order."""
    out: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == FSI:
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == PDI and depth:
            depth -= 1
            if depth == 0:
                inner.append(visual(text[start:i]))
                out.append(_OBJECT)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


# --- markup --------------------------------------------------------------------------------
def _fonts(text: str) -> str:
    """Escaped ``text`` with the runs only the fallback font has wrapped in a font tag."""
    fallback = coverage().fallback
    out: list[str] = []
    run: list[str] = []
    in_fallback = False
    for ch in text + "\0":
        other = ord(ch) in fallback
        if (other != in_fallback or ch == "\0") and run:
            chunk = escape("".join(run))
            out.append(f'<font name="{FALLBACK}">{chunk}</font>' if in_fallback else chunk)
            run = []
        in_fallback = other
        run.append(ch)
    return "".join(out)


def safe(value: object, limit: int | None = None) -> str:
    """User text as Paragraph markup that prints literally, in any script."""
    return _fonts(visual(clean(value, limit)))


def plain(value: object, limit: int | None = None) -> str:
    """One user value, cleaned and isolated, for a line that ``safe``, ``draw_line`` or the
    document's metadata takes in whole."""
    return isolate(clean(value, limit))


@cache
def _main_chars() -> frozenset[str]:
    return frozenset(map(chr, coverage().main))


def is_simple(text: str) -> bool:
    """Whether cleaned ``text`` draws as it is with the main font, left to right."""
    return _main_chars().issuperset(text) and not _SHAPED.search(text)


def _marks_out(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


def text_width(text: str, font: str, size: float) -> float:
    """The width of cleaned ``text`` in points, each run in the font that draws it."""
    if is_simple(text):
        return pdfmetrics.stringWidth(text, font, size)
    fallback = coverage().fallback
    return sum(pdfmetrics.stringWidth(c, FALLBACK if ord(c) in fallback else font, size)
               for c in _marks_out(text))


def fit(text: str, font: str, size: float, width: float) -> str:
    """Cleaned ``text`` cut with an ellipsis so it fits ``width`` points on one line."""
    if text_width(text, font, size) <= width:
        return text
    text = _marks_out(text)  # cut text is one value: its own direction is the line's
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


# --- one line: table cells and page headers -------------------------------------------
@cache
def _line_style(font: str, size: float, align: str, colour: Any) -> ParagraphStyle:
    return ParagraphStyle(f"line-{font}-{size}-{align}", fontName=font, fontSize=size,
                          leading=size * 1.2, textColor=colour,
                          alignment=TA_RIGHT if align == "R" else TA_LEFT)


def one_line(text: str, font: str, size: float, width: float, *, align: str = "L",
             colour: Any = None) -> Paragraph:
    """Cleaned ``text`` as a one-line paragraph cut to ``width`` (for table cells)."""
    from desktop.reports.pdf_base import INK

    style = _line_style(font, size, align, colour or INK)
    return Paragraph(_fonts(visual(fit(text, font, size, width))), style)


def draw_line(canv: Any, x: float, baseline: float, text: str, font: str, size: float,
              width: float, *, align: str = "L") -> float:
    """Draw cleaned ``text`` on one line from ``x`` (or ending at ``x`` when ``align`` is
    "R") in the canvas's fill colour; return the width it took."""
    text = fit(text, font, size, width)
    used = text_width(text, font, size)
    if is_simple(text):
        canv.setFont(font, size)
        (canv.drawRightString if align == "R" else canv.drawString)(x, baseline, text)
        return used
    para = Paragraph(_fonts(visual(text)),
                         _line_style(font, size, "L", canv._fillColorObj))
    _, height = para.wrapOn(canv, used + 2, size * 3)
    left = x - used if align == "R" else x
    para.drawOn(canv, left, baseline - height + size)
    return used
