"""Where a PDF's paragraphs start: the lines of a flow that open one (``paragraph_starts``:
an indent, blank space over the document's usual line gap, a change of type size, a list
mark, a sentence ended on a short line above, ``ends_short``), and the evidence that a
line goes on the one above instead (``hangs_under`` a bulleted or labelled line,
``continues_block``, ``wraps_back``). Read by ``reader``.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections import Counter, deque
from collections.abc import Sequence
from operator import attrgetter

from pipeline.common.text import is_kanji
from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.layout import TEXT, Line, PageLayout
from pipeline.extract.pdf.settings import PdfSettings

BULLET_MARKS = "※・"
# A one-glyph label closed by one of these (``注）``, ``ア）``, ``1:``) hangs its text.
LABEL_CLOSERS = "）)：:"


def flow_edges(lines: Sequence[Line], right: bool = False) -> dict[tuple[int, str], float]:
    """The usual left (or right) edge of each (box, side) flow: the x where most glyphs
    of lines start (or end), so that stray single glyphs (a page tab's) never outweigh
    the text's lines."""
    counts: dict[tuple[int, str], Counter[float]] = {}
    for line in lines:
        counts.setdefault((line.box, line.side), Counter())[
            round(line.x1 if right else line.x0)] += len(line.chars)
    return {key: float(max(c.items(), key=lambda kv: (kv[1], -kv[0] if not right else kv[0]))[0])
            for key, c in counts.items()}


def continues_block(line: Line, before: Line, right_edge: float) -> bool:
    """The line goes on an indented block: the line above starts at the same x and runs
    to the right edge of the column."""
    return (abs(before.x0 - line.x0) <= 0.25 * line.size
            and before.x1 >= right_edge - line.size)


def wraps_back(line: Line, before: Line, right_edge: float) -> bool:
    """The line goes on from a full line above that started further right (an indented
    first line, or a hanging item's text): it starts left of that line's start."""
    return line.x0 < before.x0 - 0.25 * line.size and before.x1 >= right_edge - line.size


def is_bullet(ch: str) -> bool:
    """A list mark: symbols (●, ■, ◆), circled or other non-decimal numbers (①), ※."""
    return bool(ch) and (unicodedata.category(ch[0]) in ("So", "No") or ch[0] in BULLET_MARKS)


SHORT_ITEM_SHARE = 0.25   # a bulleted line ending this share of its column short of it is short


def hangs_under(line: Line, before: Line, full_from: float | None = None) -> bool:
    """The line continues a bulleted line above it: it starts under that line's text,
    right after its leading symbol (●, ・, ※, ＊ …), bracketed label (``（１）``) or
    one-glyph label (``注）``). A line that opens with a bracket or a quote round words
    (``「医療」が…``, ``（40.4%）であった``) is text, not a mark: a paragraph indented one
    em under it starts there. With ``full_from``, the bulleted line must reach that far
    across (``SHORT_ITEM_SHARE`` of its column from the column's right edge: a note set
    in by a few ems still wraps): an item's text wraps only from a line that fills its
    measure, so under a short one (``●国・地域別の状況``, a sub-head) an indented line
    starts a paragraph."""
    glyphs = [c for c in before.chars if not c.text.isspace()]
    if len(glyphs) < 2:
        return False
    if full_from is not None and before.x1 < full_from:
        return False
    first = glyphs[0].text
    opens = unicodedata.category(first[:1]) in ("Ps", "Pi")
    marked = (is_bullet(first) or glyphs[1].text in LABEL_CLOSERS
              or (bracketed_label(glyphs) if opens
                  else not (first.isalnum() or is_kanji(first))))
    return marked and any(abs(c.x0 - line.x0) <= 0.55 * line.size for c in glyphs[1:4])


def bracketed_label(glyphs: Sequence[Char]) -> bool:
    """The glyphs open with a numbering label in brackets: one or two digits, or one
    letter or kana, or 注, then the closing bracket (``（１）``, ``(a)``, ``（ア）``, ``（注）``)."""
    inside = "".join(c.text for c in glyphs[1:3])
    close = next((k for k in (2, 3) if k < len(glyphs)
                  and unicodedata.category(glyphs[k].text[:1]) in ("Pe", "Pf")), None)
    if close is None:
        return False
    inside = inside[:close - 1]
    return inside.isdigit() or inside == "注" or (
        len(inside) == 1 and inside.isalpha() and not is_kanji(inside))


LINE_GAP_MIN_SAMPLES = 10      # pairs of body lines before the document's gap is trusted
PARAGRAPH_GAP_OVER_LINE_GAP = 1.25


def document_line_gap(layouts: Sequence[PageLayout], body_size: float) -> float | None:
    """The usual blank space between two lines of body text, in ems: the median over
    every pair of body-size lines that follow each other in one column (same box and
    side, overlapping across), gaps of three ems and more left out; None with fewer than
    ``LINE_GAP_MIN_SAMPLES`` pairs. The registered PDFs set 0.47 to 0.8 em; a page set
    double-spaced by a word processor 1.16."""
    gaps: list[float] = []
    for layout in layouts:
        body = sorted((ln for ln in layout.lines if not ln.vertical
                       and abs(ln.size - body_size) <= 0.1 * body_size),
                      key=lambda ln: (ln.box, ln.side, ln.top))
        for above, below in zip(body, body[1:], strict=False):
            if (above.box, above.side) != (below.box, below.side):
                continue
            gap = (below.top - above.bottom) / body_size
            if min(above.x1, below.x1) > max(above.x0, below.x0) and 0 <= gap < 3:
                gaps.append(gap)
    return statistics.median(gaps) if len(gaps) >= LINE_GAP_MIN_SAMPLES else None


def paragraph_gap(settings: PdfSettings, line_gap: float | None) -> float:
    """The blank space (ems) above a line that starts a paragraph: ``paragraph_gap``,
    or more in a document whose lines stand further apart than that (a quarter more than
    its usual gap: ``document_line_gap``), where every line would otherwise start one."""
    if line_gap is None:
        return settings.paragraph_gap
    return max(settings.paragraph_gap, PARAGRAPH_GAP_OVER_LINE_GAP * line_gap)


def paragraph_starts(flow: Sequence[tuple[int, Line]], obstacles: Sequence[tuple[float, float]],
                     settings: PdfSettings) -> set[int]:
    """Indices into ``flow`` ((band, line) pairs in reading order) of lines that start a
    paragraph: indented, or after blank space or a size change in the same band and
    column (a box in between does not count as blank space)."""
    edges = flow_edges([line for _, line in flow])
    rights = flow_edges([line for _, line in flow], right=True)
    starts: set[int] = set()
    opened: set[int] = set()      # ids of the lines that start a paragraph
    prev: dict[tuple[int, str, int], deque[Line]] = {}
    after = line_after_in_flow(flow)
    for i, (band, line) in enumerate(flow):
        key = (line.box, line.side)
        indent = line.x0 - edges[key] >= settings.indent_min * line.size
        above = prev.setdefault((line.box, line.side, band), deque(maxlen=LINES_ABOVE))
        before = line_above(line, above, settings.paragraph_gap)
        full_from = rights[key] - SHORT_ITEM_SHARE * (rights[key] - edges[key])
        if indent and before is not None and (
                hangs_under(line, before, full_from)
                or continues_block(line, before, rights[key])
                or wraps_back(line, before, rights[key])):
            indent = False
        gap = resized = False
        if before is not None:
            between = any(before.bottom <= o[0] and o[1] <= line.top for o in obstacles)
            gap = not between and line.top - before.bottom > settings.paragraph_gap * line.size
            resized = abs(line.size - before.size) > 0.1 * max(line.size, before.size)
        elif not above and i in after:
            # a flow's first line (a page's top): no line above tells, the one below does
            # (a heading in larger type over the body text it heads)
            below = flow[after[i]][1]
            resized = abs(line.size - below.size) > 0.1 * max(line.size, below.size)
        bullet = bool(line.chars) and is_bullet(line.chars[0].text)
        short = before is not None and (
            (ends_short(before, rights[key], obstacles)
             and not (id(before) in opened and line.x0 < before.x0 - 0.25 * line.size))
            or opens_list_item(line, before, rights[key], obstacles))
        if indent or gap or resized or bullet or short:
            starts.add(i)
            opened.add(id(line))
        above.append(line)
    return starts


LINES_ABOVE = 3     # lines of a flow looked back at for the one above a line

SENTENCE_ENDS = "。．！？"
CLOSERS = "）」』)"
# A line that ends a sentence this many ems short of its column's right edge ends its
# paragraph: justified Japanese text runs every other line of a paragraph to the edge.
SHORT_LINE_EMS = 2.0


def ends_short(before: Line, right_edge: float, obstacles: Sequence[tuple[float, float]],
               ) -> bool:
    """The line above ended its paragraph: it ends a sentence (``。``, or ``。）``) well
    short of the column's right edge (``stops_short``). A page whose paragraphs show no
    indent, or whose indent its own lists hide (a design manual's ``…に基づくものとする。``
    then ``建築限界線のとり方``), or a list of items each ending a sentence (``(a)…場合。``
    ``(b)…``) starts a paragraph after each such line. ``paragraph_starts`` does not
    apply it under a paragraph's short first line when the line wraps back left of it
    (the shape of a paragraph going on)."""
    text = "".join(map(TEXT, before.chars)).rstrip().rstrip(CLOSERS)
    return text[-1:] in SENTENCE_ENDS and stops_short(before, right_edge, obstacles)


def stops_short(before: Line, right_edge: float, obstacles: Sequence[tuple[float, float]],
                ) -> bool:
    """The line ends ``SHORT_LINE_EMS`` or more short of the column's right edge, and no
    box stands beside it (text set around a figure stops short of the edge on every
    line)."""
    return (before.x1 < right_edge - SHORT_LINE_EMS * before.size
            and not any(top < before.bottom and before.top < bottom
                        for top, bottom in obstacles))


def opens_list_item(line: Line, before: Line, right_edge: float,
                    obstacles: Sequence[tuple[float, float]]) -> bool:
    """The line opens a numbered item, ``(1)``, ``（ア）``, ``(a)``, under a line that
    stopped short (a sub-title, ``建築限界線のとり方``, over its first item)."""
    glyphs = [c for c in line.chars if not c.text.isspace()]
    return (len(glyphs) > 3 and unicodedata.category(glyphs[0].text[:1]) == "Ps"
            and bracketed_label(glyphs) and stops_short(before, right_edge, obstacles))


def line_after_in_flow(flow: Sequence[tuple[int, Line]]) -> dict[int, int]:
    """Index in ``flow`` → the index of the next line of the same box, side and band."""
    following: dict[int, int] = {}
    last: dict[tuple[int, str, int], int] = {}
    for i, (band, line) in enumerate(flow):
        key = (line.box, line.side, band)
        if key in last:
            following[last[key]] = i
        last[key] = i
    return following


def line_above(line: Line, before: Sequence[Line], gap: float) -> Line | None:
    """The line a line follows in its flow (``before``: the flow's last lines, in reading
    order): the last one, unless text was set beside the flow in between (a
    photograph's caption, read between two lines of the text set around the photograph,
    or on the same baseline as one). Then the line above is the lowest of those it
    overlaps across (of the lines on that one's row, the one it overlaps most), when it
    stands no more than ``gap`` em above the line: the flow goes on past the caption."""
    if not before:
        return None
    across = [ln for ln in before if x_overlap(ln, line) > 0]
    if not across:
        return before[-1]
    lowest = max(across, key=attrgetter("bottom"))
    above = max((ln for ln in across if ln.bottom > lowest.top),
                key=lambda ln: x_overlap(ln, line))
    return above if line.top - above.bottom <= gap * line.size else before[-1]


def x_overlap(a: Line, b: Line) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)
