"""Line roles: what a line of a chapter can be (``Role``) and what it is read against.

A line's role is decided (``pipeline.structure.classify``) from the chapter's
``Measures`` (layout, body width and type size) and the ``Flow`` the lines before it
left (the open paragraph, the mode, the outline so far), and comes back as a
``Decision``; ``pipeline.structure.assemble`` acts on it. The tests of the line's type
and spacing that several roles ask (``same_size``, ``in_heading_type``, ``spaced``) are
here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum, auto

from pipeline.common.text import display_width
from pipeline.schemas import Layout, SourceLine
from pipeline.structure.body_measures import (
    SIZE_TOLERANCE,
    WIDTH_SLACK,
    body_size,
    body_width,
    set_heavier,
)
from pipeline.structure.numbering import LineKey, Numbered, numbered_headings
from pipeline.structure.patterns import CaptionMatch, HeadingMatch
from pipeline.structure.units import OutlineTracker, Unit
from pipeline.structure.unnumbered import unnumbered_headings

CHAPTER_TITLE_LINES = 3    # a chapter title printed under its label takes at most this many
BULLETS = ("●", "○", "■", "◆", "◇", "・", "▶", "▷")


class Mode(Enum):
    """What the lines before opened, which the next line may continue."""

    NONE = auto()
    RULE_FOOTNOTES = auto()     # below a footnote rule (``footnote_rule`` hint)
    NUMBERED_FOOTNOTE = auto()  # a numbered footnote line, which list items may follow
    TITLE = auto()              # a chapter label, its title on the next lines
    WRAP = auto()               # a heading or caption that wraps onto the next line
    SOURCE = auto()             # a source line, which a bare URL may continue
    NOTES = auto()              # the notes under a figure
    CAPTION = auto()            # a caption (a short link text may follow it)


class Role(Enum):
    # members are singletons: hash by identity, in C (Enum's own __hash__ is Python code,
    # and the builder looks a role up twice per line)
    __hash__ = object.__hash__

    FOOTNOTE_RULE = auto()        # the rule above a block of footnotes
    FOOTNOTE = auto()             # a new footnote (hinted, or below a rule)
    FOOTNOTE_CONTINUES = auto()   # the last footnote goes on
    NUMBERED_FOOTNOTE = auto()    # the next footnote of a numbered-lines source
    FOOTNOTE_ITEM = auto()        # a list item inside a numbered footnote
    TITLE_CONTINUES = auto()      # a chapter title under its label
    WRAP_CONTINUES = auto()       # a wrapped heading or caption goes on
    URL_CONTINUES = auto()        # a source's URL goes on
    SOURCE_CONTINUES = auto()     # a source wraps onto a line hanging under its text
    NOTE_ITEM = auto()            # the next note under a figure
    NOTE_CONTINUES = auto()       # a wrapped note goes on
    CAPTION_CONTINUES = auto()    # a photo caption goes on (``caption_continues``)
    REFERENCE_CONTINUES = auto()  # the label a reference word points to (参照 / 図表1-1)
    LINK_TEXT = auto()            # a short line between a caption and its source
    HEADING = auto()
    CAPTION = auto()
    SOURCE = auto()
    NOTE = auto()                 # the first note under a figure
    COLUMN_LABEL = auto()         # the label of a boxed column
    BOX_TEXT_CONTINUES = auto()   # a boxed column's paragraph goes on
    BOX_TEXT = auto()             # a line of a boxed column or a figure (adapter hint)
    BODY_STARTS = auto()          # a body paragraph starts
    BODY_CONTINUES = auto()       # the open body paragraph goes on
    FIGURE_TEXT = auto()          # anything else: text of a figure or table


# The roles decided before a continuation is looked for: they leave the mode as it was.
FOOTNOTE_ROLES = frozenset({Role.FOOTNOTE_RULE, Role.FOOTNOTE, Role.FOOTNOTE_CONTINUES,
                            Role.NUMBERED_FOOTNOTE, Role.FOOTNOTE_ITEM})

Found = HeadingMatch | CaptionMatch | re.Match[str] | None


@dataclass(slots=True)     # not frozen: a frozen dataclass is slower to make, per line
class Decision:
    role: Role
    text: str                  # the line's text, stripped
    found: Found = None        # the heading, caption or footnote match, if any
    closes: bool = False       # a body line that ends its paragraph
    flag: str = ""             # why to check a heading by eye (``numbered_heading_flag``)


@dataclass(frozen=True)
class Measures:
    """What is measured of a chapter before its lines are read."""

    layout: Layout
    width: int                 # printed width of a full body line (0: not measured)
    body_size: float | None    # commonest type size, where the source gives sizes
    # lines that runs of numbered lines show to be headings (``numbering``)
    numbered: dict[LineKey, Numbered] = field(default_factory=dict)
    # text with no type: lines whose words make an unnumbered heading (``unnumbered``)
    unnumbered: dict[LineKey, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, lines: list[SourceLine], layout: Layout) -> Measures:
        width, size = body_width(lines) if layout.wrapped else 0, body_size(lines)
        numbered = numbered_headings(lines, width, size)
        unnumbered = unnumbered_headings(lines, width, layout.wrapped) if size is None else {}
        return cls(layout, width, size, numbered, unnumbered)

    def wraps(self, line: SourceLine, text: str) -> bool:
        """A heading or caption continues on the next line."""
        if not self.layout.wrapped:
            return False
        if self.layout.double_spaced:      # every complete printed line ends in a space
            return not line.text.endswith(" ")
        if line.size is not None and self.body_size is not None:
            return line.size > self.body_size + SIZE_TOLERANCE   # set larger than body text
        return self.width > 0 and display_width(text) >= self.width - WIDTH_SLACK


@dataclass
class Flow:
    """What the lines read so far left open: the state a line's role depends on."""

    units: list[Unit] = field(default_factory=list)
    mode: Mode = Mode.NONE
    outline: OutlineTracker = field(default_factory=OutlineTracker)
    open_body: Unit | None = None    # the body paragraph the next line may continue
    in_flow: bool = False            # the last text was body text or a heading
    next_footnote: int = 1           # the number the next numbered footnote must have
    footnotes_may_restart: bool = False  # a 章 or 節 began since the last footnote
    title_lines: int = 0             # lines of the chapter title read so far
    units_at_last_body_line: int = 0  # tells whether other text came in between
    size_levels: dict[float, int] = field(default_factory=dict)  # heading type → level
    source: Unit | None = None       # the last source line's unit (Mode.SOURCE)

    @property
    def last(self) -> Unit | None:
        return self.units[-1] if self.units else None


def same_size(before: SourceLine, line: SourceLine) -> bool:
    """Lines of one heading share a type size (where the source gives sizes)."""
    if before.size is None or line.size is None:
        return True
    return abs(before.size - line.size) <= SIZE_TOLERANCE


def spaced(line: SourceLine, m: Measures, flow: Flow) -> bool:
    """The line stands apart from the one before (double-spaced text only)."""
    return (not m.layout.double_spaced or line.gap_before >= 1 or not flow.units
            or bool(line.extras.get("page_start")) or bool(line.extras.get("glued")))


def in_heading_type(line: SourceLine, m: Measures) -> bool:
    """Set larger than the document's body type, or as large and heavier (a bold face,
    fake bold, or a short line in a face that reads heavier than the body's:
    ``set_heavier``): the type of a heading, measured per document."""
    if line.size is None or m.body_size is None:
        return False
    larger = line.size > m.body_size + SIZE_TOLERANCE
    heavy = line.size >= m.body_size - SIZE_TOLERANCE and set_heavier(line, m.width)
    return larger or heavy
