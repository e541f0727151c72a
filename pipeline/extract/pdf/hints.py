"""Lines → drafts of ``SourceLine``: text with offsets, markers, ruby, furniture, footnotes,
hints.

Page furniture is found across pages (``furniture``); footnotes are the small-type
lines below the last body line, starting at the first numbered one; paragraph starts
come from first-line indents, blank space and size changes (``paragraph_breaks``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, TypedDict

from pipeline.common.footnote_marks import mark_ending, mark_forms, with_marks
from pipeline.common.text import NOT_NUMBER_GOES_ON, is_kanji
from pipeline.extract.pdf.columns import order_items
from pipeline.extract.pdf.font_names import NO_FACE
from pipeline.extract.pdf.layout import BODY_SIZE_SLACK, Box, Line, PageLayout, Ruby
from pipeline.extract.pdf.paragraph_breaks import x_overlap
from pipeline.extract.pdf.regions import REGION_HINTS
from pipeline.extract.pdf.settings import PdfSettings

# A footnote's first line: ``1 …``, ``１　…``, ``1食料…``, ``※1``, ``注1``, ``（注1）`` (the
# marks of footnote_marks.tsv, put in by ``with_marks``).
FOOTNOTE_START = (r"^(?:[0-9０-９]{1,3}(?:[\s\u3000]|(?=[^\s" + NOT_NUMBER_GOES_ON + r"]))"
                  r"|(?:%SIGN%|[（(]?%WORD%)[0-9０-９]{1,3})")
FULLWIDTH_SPACE = "\u3000"
# A raised digit of the line's own size right after these is part of a number (chart
# labels set at two heights), not a marker.
NUMBER_GLYPHS = frozenset("0123456789０１２３４５６７８９,.，．")
BOLD = attrgetter("bold")
BOTTOM = attrgetter("bottom")


@dataclass(frozen=True)
class Text:
    """A line's text and, for each of its glyphs, the offset in that text (-1: a space)."""

    text: str
    offsets: tuple[int, ...]


def line_to_text(line: Line, space_gap: float) -> Text:
    """Glyphs → text. A space goes where a space glyph sits in a visible gap, or where
    the gap is wider than ``space_gap`` em; stray space glyphs add nothing."""
    parts: list[str] = []
    offsets: list[int] = []
    # the right edge and size of the glyph before, as floats: no attribute read of it,
    # no max() call (st2024 and the other registered PDFs: 32 → 24 ms for their lines)
    length, right, size, pending = 0, None, 0.0, False
    spaced = not line.vertical
    for c in line.chars:
        text = c.text
        if text.isspace() and text != FULLWIDTH_SPACE:
            offsets.append(-1)
            pending = True
            continue
        if right is not None and spaced:
            gap = c.x0 - right
            em = c.size if c.size > size else size
            if gap > space_gap * em or (pending and gap > 0.15 * em):
                parts.append(" ")
                length += 1
        offsets.append(length)
        parts.append(text)
        length += len(text)
        right, size, pending = c.x1, c.size, False
    return Text("".join(parts), tuple(offsets))


def raised_digits(line: Line, text: Text, settings: PdfSettings, body_size: float,
                  ) -> list[bool]:
    """For each glyph of the line: a digit with a place in the text, no larger than
    ``marker_max_ratio`` of the line's (or the body's) size, its foot raised by
    ``marker_min_raise`` of the line's size (the limits read once a line, not once a
    glyph)."""
    largest = settings.marker_max_ratio * max(line.size, body_size)
    foot = line.bottom - settings.marker_min_raise * line.size
    return [offset >= 0 and c.text.isdigit() and c.size <= largest and c.bottom <= foot
            for c, offset in zip(line.chars, text.offsets, strict=True)]


def line_to_markers(line: Line, text: Text, settings: PdfSettings,
                    body_size: float = 0.0) -> list[list[Any]]:
    """Raised digits right after a word: ``[[offset, "5"], ...]``. Consecutive digits are
    one marker unless their sizes differ (two markers set side by side)."""
    if (line.vertical or not any(map(str.isdigit, text.text))
            or min(map(BOTTOM, line.chars)) > line.bottom - settings.marker_min_raise * line.size):
        return []                   # no digit, or no glyph raised: no marker (most lines)
    raised = raised_digits(line, text, settings, body_size)
    markers: list[list[Any]] = []
    for i in [i for i, up in enumerate(raised) if up]:
        c = line.chars[i]
        if i > 0 and raised[i - 1] and abs(line.chars[i - 1].size - c.size) <= 0.2 * c.size:
            markers[-1][1] += c.text
            continue
        prev = next((j for j in range(i - 1, -1, -1) if text.offsets[j] >= 0), -1)
        if i > 0 and raised[i - 1]:
            markers.append([text.offsets[i], c.text])
        elif (prev >= 0 and c.x0 - line.chars[prev].x1 <= 0.3 * line.size
              and not raised[prev] and not (line.chars[prev].text in NUMBER_GLYPHS
                                            and c.size >= 0.95 * line.size)):
            markers.append([text.offsets[i], c.text])
        else:
            raised[i] = False
    return [raised_mark_before(line, text, settings, body_size, m) for m in markers]


def raised_mark_before(line: Line, text: Text, settings: PdfSettings, body_size: float,
                       marker: list[Any]) -> list[Any]:
    """The marker with the footnote mark set raised and small just before its number
    (``介護職員※¹``, ``増加した注¹``): ``[offset of the mark, "※1"]``. Only the glyph's
    size and height tell a raised ``注`` from the last kanji of a word (``脚注¹``)."""
    at = text.offsets.index(marker[0])
    digit = line.chars[at]
    largest = settings.marker_max_ratio * max(line.size, body_size)
    raised = ""     # the glyphs set raised and small right before the number
    longest = max(map(len, mark_forms()), default=0)
    for j in range(at - 1, -1, -1):
        c = line.chars[j]
        if (len(raised) == longest or text.offsets[j] != marker[0] - len(raised) - 1
                or c.size > largest or abs(c.size - digit.size) > 0.2 * digit.size
                or c.bottom > line.bottom - settings.marker_min_raise * line.size):
            break
        raised = c.text + raised
    mark = mark_ending(raised)   # a mark of footnote_marks.tsv
    return [marker[0] - len(mark), mark + marker[1]] if mark else marker


def ruby_to_base(line: Line, text: Text, ruby: Ruby) -> list[Any]:
    """``[offset, base_chars, reading]``: the glyphs under the reading, kanji preferred."""
    under = [i for i, c in enumerate(line.chars)
             if ruby.x0 <= c.xmid <= ruby.x1 and text.offsets[i] >= 0]
    if not under:
        mid = (ruby.x0 + ruby.x1) / 2
        under = [min((i for i, o in enumerate(text.offsets) if o >= 0),
                     key=lambda i: abs(line.chars[i].xmid - mid))]
    kanji = [i for i in under if is_kanji(line.chars[i].text)]
    if kanji:
        under = [i for i in under if kanji[0] <= i <= kanji[-1]]
    start = text.offsets[under[0]]
    end = text.offsets[under[-1]] + len(line.chars[under[-1]].text)
    return [start, text.text[start:end], ruby.text]


# --------------------------------------------------------------------------- footnotes


def find_footnotes(layout: PageLayout, candidates: list[int], texts: dict[int, Text],
                   settings: PdfSettings) -> dict[int, bool]:
    """Line index → True for a footnote's first line, False for a continuation: a small
    line that opens no footnote goes on the one above it only when it lies under it
    (overlaps it across); a figure's source printed beside the notes, under the other
    column, is none."""
    limit = settings.footnote_max_ratio * layout.body_size
    body = [layout.lines[i].bottom for i in candidates if layout.lines[i].size > limit]
    floor = max(body + [b.rect.bottom for b in layout.boxes], default=0.0)
    small = [layout.lines[i] for i in candidates
             if layout.lines[i].top >= floor - 0.1 and layout.lines[i].size <= limit]
    index = {id(line): i for i, line in enumerate(layout.lines)}
    edge: dict[str, float] = {}
    for line in small:
        edge[line.side] = min(edge.get(line.side, line.x0), line.x0)
    notes: dict[int, bool] = {}
    last: Line | None = None     # the footnote's line above
    for line in order_items(small, layout.gutter, settings.band_gap * layout.body_size):
        i = index[id(line)]
        starts = (bool(with_marks(FOOTNOTE_START).match(texts[i].text))
                  and line.x0 <= edge[line.side] + line.size)
        if starts or (last is not None and x_overlap(line, last) > 0):
            notes[i], last = starts, line
    return notes


# --------------------------------------------------------------- a line's weight and face


def is_bold(line: Line) -> bool:
    """Most of the line's glyphs are heavy (by font name or overprinted at an offset)."""
    if not any(map(BOLD, line.chars)):
        return False                # no heavy glyph (most lines): nothing to count
    glyphs = [c for c in line.chars if not c.text.isspace()]
    return bool(glyphs) and 2 * sum(c.bold for c in glyphs) > len(glyphs)


def in_face(line: Line, face: int) -> bool:
    """More than half of the line's glyphs (spaces aside) are in ``face`` (``font_names.font_face``;
    ``NO_FACE``: none is)."""
    if face == NO_FACE or line.vertical:
        return False
    glyphs = [c.face for c in line.chars if not c.text.isspace()]
    return bool(glyphs) and 2 * glyphs.count(face) > len(glyphs)


def face_heads(lines: Sequence[Line], starts: set[int], face: int, body_size: float,
               ) -> set[int]:
    """The lines (indices into ``lines``: the prose of a page's flow, in reading order)
    set in the document's heading ``face`` (``columns.document_type``: gothic
    over a mincho body) as a sub-head is: in the body's size, opening a paragraph
    (``starts``) or the page's prose, and followed by running text (the next line, in
    the body's size and face) or by another such head. A line in that face among a figure's words (a
    flowchart's box, a chart's title over its smaller type) is followed by none, nor is
    a sentence set in it for emphasis inside a paragraph (it opens none)."""
    if face == NO_FACE:
        return set()
    heads: set[int] = set()
    in_body = [abs(ln.size - body_size) <= BODY_SIZE_SLACK * body_size and not ln.vertical
               for ln in lines]
    for i in range(len(lines) - 2, -1, -1):
        if (i > 0 and i not in starts) or not in_body[i] or not in_face(lines[i], face):
            continue
        after = lines[i + 1]
        if i + 1 in heads or (in_body[i + 1] and after.box == lines[i].box
                              and not in_face(after, face)):
            heads.add(i)
    return heads


class LineDraft(TypedDict):
    """A printed line's fields before its place on the page and the page's printed number
    are known: ``reader.number_lines`` makes its ``SourceLine`` once, with them (a
    frozen record made here and copied there by ``dataclasses.replace`` cost about 7.6
    µs a line, this about 3.1 µs)."""

    text: str
    hint: str
    x0: float
    size: float
    extras: dict[str, Any]


def make_line_drafts(line: Line, text: Text, hint: str, settings: PdfSettings,
                     body_size: float = 0.0, other_face: bool = False,
                     ) -> list[LineDraft]:
    """The line (and before it, its ruby lines) as ``LineDraft`` records; ``other_face``:
    a sub-head set in a face that reads heavier than the body's (``face_heads``)."""
    extras: dict[str, Any] = {}
    if is_bold(line):
        extras["bold"] = True
    if other_face:
        extras["other_face"] = True
    markers = line_to_markers(line, text, settings, body_size)
    if markers:
        extras["markers"] = markers
    if line.rubies:
        extras["ruby"] = [ruby_to_base(line, text, r) for r in line.rubies]
    out = [LineDraft(text=r.text, hint="ruby", x0=round(r.x0, 1), size=round(r.size, 1),
                     extras={}) for r in line.rubies]
    out.append(LineDraft(text=text.text, hint=hint, x0=round(line.x0, 1),
                         size=round(line.size, 1), extras=extras))
    return out


def box_hint(box: Box, line: Line, body_size: float, settings: PdfSettings) -> str:
    if box.kind == "column":
        return "column"
    if box.kind in REGION_HINTS:          # a ruled table or a drawn frame (regions.py)
        return REGION_HINTS[box.kind]
    return "" if line.size >= settings.caption_min_ratio * body_size else "figure_text"


def expand_boxes(items: Sequence[tuple[int, Line | Box]]) -> list[tuple[int, Line]]:
    return [(band, ln) for band, it in items
            for ln in (it.lines if isinstance(it, Box) else (it,))]
