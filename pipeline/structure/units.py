"""The units of a chapter: headings, paragraphs, captions, notes, sources, footnotes.

``Unit`` is the structure stage's working record: its text (footnote markers still
in) and the source lines it was built from, so every output row can point back to
its lines. ``Segment`` maps a text offset to the line it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from pipeline.common.text import join_wrapped
from pipeline.schemas import SourceLine
from pipeline.structure.patterns import (
    FREE_LEVEL_SCHEMES,
    OWN_LEVELS,
    CaptionMatch,
    HeadingMatch,
    label_shape,
)

MAX_LEVEL = 7      # the deepest level of the outline (``A``)
TEXT_KINDS = ("body", "column", "caption", "note", "source", "figure_text", "table_text")


# slots: a chapter makes thousands of segments and units
@dataclass(slots=True)
class Segment:
    offset: int
    line: int
    page_index: int | None
    page: str | None


@dataclass(slots=True)
class Unit:
    kind: str
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    heading: HeadingMatch | None = None
    caption: CaptionMatch | None = None
    number: str = ""                    # footnote number as printed
    flag: str = ""
    figure_key: int | None = None       # index of the caption unit it belongs to
    markers: list[tuple[int, str]] = field(default_factory=list)   # known marker offsets
    lines: list[SourceLine] = field(default_factory=list)   # the source lines, in order

    def append(self, line: SourceLine, fragment: str,
               joiner: Callable[[str, str], str] = join_wrapped) -> None:
        """Add ``fragment`` (a part of ``line.text``) at the end, joined as wrapped text."""
        fragment = fragment.strip()
        joined = joiner(self.text, fragment) if self.text else fragment
        start = len(joined) - len(fragment)
        self.segments.append(Segment(start, line.line, line.page_index, line.page))
        markers = line.extras.get("markers")
        if markers:
            where = line.text.find(fragment)
            for offset, number in markers:
                if where >= 0 and where <= int(offset) < where + len(fragment):
                    self.markers.append((start + int(offset) - where, str(number)))
        self.text = joined
        self.lines.append(line)

    @property
    def first(self) -> Segment:
        return self.segments[0]

    @property
    def last(self) -> Segment:
        return self.segments[-1]

    def line_at(self, offset: int) -> Segment:
        """The segment (source line) holding text offset ``offset``."""
        found = self.segments[0]
        for segment in self.segments:
            if segment.offset <= offset:
                found = segment
        return found


def new_unit(kind: str, line: SourceLine, fragment: str) -> Unit:
    unit = Unit(kind)
    unit.append(line, fragment)
    return unit


def merge_units(kind: str, parts: list[Unit]) -> Unit:
    """One unit from several single-line units, their lines joined as wrapped text."""
    merged = Unit(kind, figure_key=parts[0].figure_key)
    for part in parts:
        for line in part.lines:
            merged.append(line, line.text)
    return merged


class OutlineTracker:
    """Accepts a heading only where its number continues the outline.

    ``ア`` must be the first of its level or follow ``イ``'s predecessor, ``（３）``
    must follow ``（２）``, and so on; a number that breaks the sequence is text that
    only looks like a heading (an item inside a diagram, a list in a box).
    """

    def __init__(self) -> None:
        self.last: dict[int, int] = {}
        self.schemes: dict[int, str] = {}     # level → the numbering scheme open there

    def fits(self, heading: HeadingMatch) -> bool:
        """A 章 labelled outside the chapters' numbering (``序章``, ``補章2``: ordinal 0)
        fits wherever it stands."""
        if heading.ordinal == 0 and heading.level <= 2:
            return True
        previous = self.last.get(heading.level)
        if previous is None:
            return heading.ordinal == 1 or heading.level <= 2
        return heading.ordinal == previous + 1

    def accept(self, heading: HeadingMatch) -> None:
        """Open ``heading``; one outside the numbering (``序章``, ordinal 0) leaves its
        level's numbering as it was (``第1章`` after ``序章``, ``終章`` after ``第3章``)."""
        self.last[heading.level] = (heading.ordinal if heading.ordinal
                                    else self.last.get(heading.level, 0))
        self.schemes[heading.level] = label_shape(heading.label)
        for level in [lv for lv in self.last if lv > heading.level]:
            del self.last[level]
            self.schemes.pop(level, None)

    def nested(self, heading: HeadingMatch) -> HeadingMatch:
        """A heading of a scheme with a level of its own (``ア``, 5) where the open outline
        holds that level with a scheme that has none (``①``, set one below ``（１）``), or
        with one moved below its own level: one level below it, as printed (``（１）`` /
        ``①`` / ``ア``; ``第1`` / ``１`` / ``（１）``)."""
        scheme, level = label_shape(heading.label), heading.level
        while (level < MAX_LEVEL and level in self.last
               and self.schemes.get(level, scheme) != scheme
               and self.displaced(level)):
            level += 1
        return heading if level == heading.level else replace(heading, level=level)

    def displaced(self, level: int) -> bool:
        """The open heading at ``level`` is of a scheme with no level of its own (``①``),
        or of one whose own level is higher (``１`` set under ``第1``, at 4): what is
        printed under it goes below it."""
        scheme = self.schemes.get(level, "")
        return scheme in FREE_LEVEL_SCHEMES or OWN_LEVELS.get(scheme, level) < level

    def numbers_above(self, level: int) -> tuple[int, ...]:
        """The numbers of the open numbered headings above ``level``, outermost first
        (章 1, 節 3, ``2．``: (1, 3, 2)), which a hierarchical label repeats."""
        return tuple(self.last[lv] for lv in sorted(self.last) if lv < level and self.last[lv])

    def level_for(self, scheme: str) -> int:
        """The level of a heading numbered in a scheme with no level of its own (``①``):
        the level that scheme holds in the open outline, else one below the deepest open
        heading (3 under none: below 章 and 節)."""
        held = [level for level, open_scheme in self.schemes.items()
                if open_scheme == scheme and level in self.last]
        if held:
            return held[0]
        return min(max(self.last, default=2) + 1, MAX_LEVEL)

