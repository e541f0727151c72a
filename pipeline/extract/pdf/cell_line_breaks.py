"""Where a table cell's printed lines break on purpose: a line the page ends short of the
cell's measure although the next line's first word would have fitted closes an item of
its own (a list printed one item a line, ``内空断面決定経緯`` / ``坑口位置、型式決定の経緯``;
a road's two ends, ``福井県…上山`` / ``滋賀県…512番``). Such lines are kept apart by a
line feed; lines that wrap are joined as before (``table_cell_text.join_cell_lines``).

The cell's measure is the right end its wrapped lines reach alike, or else the box less
the padding its text keeps on the left, taken to be the same on the right, so a
right-set cell, whose lines all reach it, never breaks, nor does a centred one. Only a
line set at the cell's left edge breaks: an indented one may be set in a narrower box of
its own (an aside in drawn brackets). A line ending in a comma or colon runs on (``20m間隔以下とし、``),
and one ending a sentence needs no mark; a next line opening with a bracket is an aside
to the item before (``サリー大学`` / ``（連携：…）``), and a glyph alone on the next line
is a word's end (``地方交付税交付金`` / ``等``). Two lines of which neither reaches the
measure may be one name broken by hand as well as two items (``大規模言語モデルの`` /
``研究開発``): they are joined.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extract.pdf.chars import Char

BBox = tuple[float, float, float, float]

RUNS_ON = "、，,：:・"              # a line ending in one of these goes on
ENDS_SENTENCE = "。．."             # joined with no mark: the stop already parts them
OPENS_ASIDE = "（(「『【［[〔"       # a next line opening so belongs to the item before
# glyphs Japanese setting never starts a line with (禁則): the glyph before one is pushed
# down with it, so the line above ends a glyph short although it wraps
NO_LINE_START = "、。，．,.・：:；;！？!?」』）)】〕］]ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"


def _is_latin(char: Char) -> bool:
    return char.text.isascii() and not char.text.isspace()


def first_word_width(line: Sequence[Char]) -> float:
    """The width the next line's first word needs: a run of Latin letters and figures
    whole (it cannot be split), else one glyph, with the glyphs after it that may not
    start a line (``域・`` of ``…ある地`` / ``域・箇所``)."""
    printed = [c for c in line if c.text.strip()]
    if not printed:
        return 0.0
    end = 1
    while _is_latin(printed[0]) and end < len(printed) and _is_latin(printed[end]) \
            and printed[end].x0 - printed[end - 1].x1 <= 0.25 * printed[end].size:
        end += 1
    while end < len(printed) and printed[end].text in NO_LINE_START:
        end += 1
    return printed[end - 1].x1 - printed[0].x0


def is_centred(lines: Sequence[Sequence[Char]]) -> bool:
    """The lines share a middle but not a left end: a centred cell."""
    if len(lines) < 2:
        return False
    em = min(c.size for c in lines[0])
    middles = [(ln[0].x0 + ln[-1].x1) / 2 for ln in lines]
    starts = [ln[0].x0 for ln in lines]
    return max(middles) - min(middles) <= 0.5 * em and max(starts) - min(starts) > 0.5 * em


def hard_breaks(lines: Sequence[Sequence[Char]], box: BBox) -> list[bool]:
    """Per pair of following printed lines (each left to right, blanks dropped), whether
    the page breaks between them on purpose (see the module's docstring)."""
    lines = [[c for c in ln if c.text.strip()] for ln in lines]
    if len(lines) < 2 or not all(lines) or is_centred(lines):
        return [False] * max(len(lines) - 1, 0)
    left = min(ln[0].x0 for ln in lines)
    measure = text_measure(lines, box)
    em = max(c.size for c in lines[0])
    if len(lines) < 3 and all(measure - ln[-1].x1 > 1.25 * em for ln in lines):
        return [False] * (len(lines) - 1)   # two lines, neither at the edge: unsure
    out = []
    for line, after in zip(lines, lines[1:], strict=False):
        em = max(c.size for c in line)
        last, opening = line[-1].text, after[0].text
        room = measure - line[-1].x1
        out.append(line[0].x0 - left <= 0.25 * em and last not in RUNS_ON + ENDS_SENTENCE
                   and opening not in OPENS_ASIDE and len(after) >= 2
                   and room >= first_word_width(after) + 0.5 * em)
    return out


def text_measure(lines: Sequence[Sequence[Char]], box: BBox) -> float:
    """Where the cell's lines wrap: the box less the padding the text keeps on the
    left, or, where text is set a little narrower than its cell (within ``3`` ems), the
    right end two lines or more but the last reach alike. (The last line may be an item
    as long as the one before; items far short of the box are not wrapped text.)"""
    measure = box[2] - (min(ln[0].x0 for ln in lines) - box[0])
    ends = [ln[-1].x1 for ln in lines[:-1]]
    em = min(c.size for c in lines[0])
    if sum(max(ends) - end <= 0.25 * em for end in ends) >= 2 \
            and measure - max(ends) <= 3 * em:
        return max(ends)
    return measure
