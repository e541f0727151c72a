"""The text of a table's cell from its glyphs: glyphs grouped into printed lines
(``chars_to_lines``), raised footnote markers taken out (``split_markers``), spaces
only between Latin glyphs (``cell_line_to_text``), wrapped lines joined
(``join_cell_lines``) and lines broken on purpose kept apart (``cell_line_breaks``),
turned glyphs read their way (``read_turned``).
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from pipeline.extract.pdf.cell_line_breaks import hard_breaks
from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.table_settings import TableFinderSettings
from pipeline.extract.pdf.turns import turn_glyph

TOP_THEN_LEFT = operator.attrgetter("top", "x0")
TOP, BOTTOM = operator.attrgetter("top"), operator.attrgetter("bottom")
X0, SIZE = operator.attrgetter("x0"), operator.attrgetter("size")


def _is_latin(text: str) -> bool:
    return bool(text) and text[0].isascii() and not text[0].isspace()


def chars_to_lines(chars: Sequence[Char], overlap: float) -> list[list[Char]]:
    """Glyphs grouped into printed lines, top to bottom, each left to right."""
    return ordered_to_lines(sorted(chars, key=TOP_THEN_LEFT), overlap)


def ordered_to_lines(ordered: Sequence[Char], overlap: float) -> list[list[Char]]:
    """``chars_to_lines`` of glyphs already in order of (top, x0): each joins the line
    above while their bands overlap by ``overlap`` of the lower height."""
    lines: list[list[Char]] = []
    top = bottom = 0.0           # the last line's band, kept as glyphs join it
    # comparisons, not min() and max(), and keys made in C: the calls were most of the
    # time of a table's cell text (mlit-kinki-road-ch1's extract, callgrind: see git log)
    for char in ordered:
        c_top, c_bottom = char.top, char.bottom
        if lines:
            shared = (bottom if bottom < c_bottom else c_bottom) - (top if top > c_top else c_top)
            height = c_bottom - c_top
            if shared >= overlap * (height if height < bottom - top else bottom - top):
                lines[-1].append(char)
                if c_top < top:
                    top = c_top
                if c_bottom > bottom:
                    bottom = c_bottom
                continue
        lines.append([char])
        top, bottom = c_top, c_bottom
    return [sorted(line, key=X0) for line in lines]


def lines_from_the_foot(chars: Sequence[Char], overlap: float) -> Iterator[list[Char]]:
    """``reversed(chars_to_lines(chars, overlap))``, each line grouped only when asked
    for: a caller that reads a table's foot lines until one is no note groups the few
    lines at the foot, not the whole table (st2024-1-1's extract 4.71 → 4.53 G
    instructions, callgrind). The glyphs are grouped from a clean cut up: a glyph whose
    top is below every glyph above it in order, where ``chars_to_lines`` always opens a
    line, so the lines after it do not depend on the glyphs before it (tight rows of boxes that
    overlap have no cut: grouped from the top, as before)."""
    ordered = sorted(chars, key=TOP_THEN_LEFT)
    bottoms = list(map(BOTTOM, ordered))
    if overlap < 0 or any(map(operator.lt, bottoms, map(TOP, ordered))):
        yield from reversed(ordered_to_lines(ordered, overlap))   # no cut is sure then
        return
    end = len(ordered)
    while end > 0:
        start = end - 1
        while start > 0 and not below_all_before(ordered, bottoms, start):
            start -= 1
        yield from reversed(ordered_to_lines(ordered[start:end], overlap))
        end = start


def below_all_before(ordered: Sequence[Char], bottoms: Sequence[float], start: int) -> bool:
    """The glyph at ``start`` has its top below the foot of every glyph before it (a
    clean cut). The glyph just before it is asked first: on a line, it reaches below the
    top (most glyphs); the lowest foot of all before it, a scan, only at a line's start
    (st2024-1-1's extract 4,046 → 4,025 M instructions, callgrind: not every foot's
    running lowest)."""
    top = ordered[start].top
    return top > bottoms[start - 1] and top > max(bottoms[:start])


def split_markers(line: Sequence[Char], ratio: float) -> tuple[list[Char], str]:
    """A line's glyphs without its raised small footnote markers (``…Community）¹``),
    and the markers' text."""
    size = max(map(SIZE, line))
    if min(map(SIZE, line)) > ratio * size:     # no glyph small enough: most lines
        return list(line), ""
    baseline = max(c.bottom for c in line if c.size == size)
    raised = [c for c in line if c.size <= ratio * size and c.bottom < baseline - 0.3 * size]
    if not raised:
        return list(line), ""
    return [c for c in line if c not in raised], "".join(c.text for c in raised)


def cell_line_to_text(line: Sequence[Char], space_gap: float) -> str:
    """One printed line of a table cell. Spaces only between Latin glyphs (where a space glyph or a gap
    wider than ``space_gap`` em separates them); none between Japanese."""
    out, prev, spaced = "", None, False
    for char in line:
        if not char.text.strip():
            spaced = True
            continue
        if prev is not None and _is_latin(prev.text) and _is_latin(char.text) and (
                spaced or char.x0 - prev.x1 > space_gap * char.size):
            out += " "
        out += char.text
        prev, spaced = char, False
    return out


def join_cell_lines(lines: Sequence[str]) -> str:
    """Wrapped lines of one cell joined: nothing between Japanese, one space between
    Latin words (not after a hyphen)."""
    out = ""
    for text in (ln.strip() for ln in lines):
        if not text:
            continue
        if out and _is_latin(out[-1]) and _is_latin(text[0]) and out[-1] not in "-/":
            out += " "
        out += text
    return re.sub(r" {2,}", " ", out)


def read_turned(chars: Sequence[Char]) -> Sequence[Char]:
    """A cell's glyphs as read: when most are turned one way (a head set up a narrow
    column), turned back in a frame of their own, so that lines run left to right and
    follow each other down (text turned up reads from the foot, its first line left)."""
    if not any(c.turn for c in chars):     # most cells
        return chars
    turns = Counter(c.turn for c in chars)
    turn, count = max(turns.items(), key=lambda item: (item[1], -item[0]))
    if turn == 0 or 2 * count <= len(chars):
        return chars
    # turned within a page of no size: only the glyphs' order counts
    return [turn_glyph(c, (0.0, 0.0, 0.0, 0.0), turn) for c in chars]


def chars_to_cell_text(chars: Sequence[Char], settings: TableFinderSettings,
                       box: tuple[float, float, float, float] | None = None,
                       ) -> tuple[str, str]:
    """A cell's text (turned glyphs read their way: ``read_turned``), and the footnote
    markers taken out of it. Given the cell's ``box``, lines the page breaks on purpose
    (``cell_line_breaks.hard_breaks``) are kept apart by a line feed."""
    printed: list[tuple[list[Char], str]] = []
    markers = ""
    for line in chars_to_lines(read_turned(chars), settings.line_overlap):
        kept, raised = split_markers(line, settings.marker_max_ratio)
        markers += raised
        text = cell_line_to_text(kept, settings.space_gap)
        if text:                    # some glyph of the line prints
            printed.append((kept, text))
    texts = [text for _, text in printed]
    if box is None or len(printed) < 2 or any(c.turn for c in chars):
        return join_cell_lines(texts), markers
    items: list[list[str]] = [[texts[0]]]
    breaks = hard_breaks([kept for kept, _ in printed], box)
    for text, broken in zip(texts[1:], breaks, strict=True):
        if broken:
            items.append([])
        items[-1].append(text)
    return "\n".join(join_cell_lines(item) for item in items), markers
