"""Line roles: what a line of a chapter is, decided without changing anything.

``classify`` reads a line, the chapter's ``Measures`` (layout, body width and type
size) and the ``Flow`` the lines before it left (the open paragraph, the mode, the
outline so far) and returns a ``Decision``; ``pipeline.structure.assemble`` acts on it.
The roles are tried in a fixed order: footnotes, continuations of what the last line
opened, headings, captions, sources, notes, column labels, boxed text, body text; a
line that is none of these is text of a figure or table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum, auto

from pipeline.common.text import NOT_NUMBER_GOES_ON, display_width
from pipeline.schemas import Layout, SourceLine
from pipeline.structure.body_measures import (
    CONTINUATION_SHARE,
    SIZE_TOLERANCE,
    WIDTH_SLACK,
    body_size,
    body_width,
)
from pipeline.structure.footnotes import FOOTNOTE_MARKS
from pipeline.structure.numbering import LineKey, Numbered, line_key, numbered_headings
from pipeline.structure.patterns import (
    COLUMN_LABEL,
    LABELLED_URL,
    NOTE_ITEM,
    NOTE_START,
    SENTENCE_END,
    SOURCE,
    URL_ONLY,
    CaptionMatch,
    HeadingMatch,
    is_heading_title,
    label_parents,
    label_shape,
    match_caption,
    match_free_level_heading,
    match_heading,
)
from pipeline.structure.units import OutlineTracker, Unit

# a footnote line: its number, after a footnote mark for some ministries (``*1``, ``※1``:
# the marks its marker in the text takes out with it, ``footnotes.FOOTNOTE_MARKS``)
FOOTNOTE_LINE = re.compile(rf"^[{re.escape(FOOTNOTE_MARKS)}]?(?P<num>[0-9]{{1,3}})[ \u3000]+"
                           r"(?P<text>\S.*)$")
# Below a footnote rule a footnote may open with 注 too (``注1 …``: its marker ``注1``)
RULE_FOOTNOTE_LINE = re.compile(rf"^(?:[{re.escape(FOOTNOTE_MARKS)}]|注)?(?P<num>[0-9]{{1,3}})"
                                r"[ \u3000]+(?P<text>\S.*)$")
# A footnote line the PDF adapter hinted: ``1 …``, ``１　…`` (full-width digits), ``※1 …``,
# ``注1 …``, ``（注1）…``; a bare number has a space after it, or text no number goes
# on with (``1食料自給率とは…``: ``NOT_NUMBER_GOES_ON``).
HINTED_FOOTNOTE_LINE = re.compile(
    r"^(?:(?P<num>[0-9０-９]{1,3})(?:[ \u3000]+|(?=[^\s" + NOT_NUMBER_GOES_ON + r"]))"
    r"|(?:[※＊*]|[（(]注|注)(?P<marked>[0-9０-９]{1,3})[)）]?[ \u3000:：]*)(?P<text>\S.*)$")
FOOTNOTE_LIST_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[ \u3000]|[・※])")
WIDTH_OVERRUN = 8          # … or exceed it, when half-width characters are spaced out
CHAPTER_TITLE_LINES = 3    # a chapter title printed under its label takes at most this many
SOURCE_HANG_EM = 6         # a wrapped source line starts at most this far right of it
FIGURE_LINK_MAX_CHARS = 30  # a line between a caption and its source (a link text) is short
BULLETS = ("●", "○", "■", "◆", "◇", "・", "▶", "▷")
BOX_HINTS = ("figure_text", "table_text", "column")   # lines the adapter placed in a box
REGION_BOXES = ("table", "frame")   # a ruled table's cell or a drawing's frame: never a note


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

    @classmethod
    def of(cls, lines: list[SourceLine], layout: Layout) -> Measures:
        width, size = body_width(lines) if layout.wrapped else 0, body_size(lines)
        numbered = numbered_headings(lines, width, size)
        return cls(layout, width, size, numbered)

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


def classify(line: SourceLine, measures: Measures, flow: Flow) -> Decision:
    """The role of ``line``, read after the lines that made ``flow``."""
    text = line.text.strip()
    if line.hint == "footnote_rule":
        return Decision(Role.FOOTNOTE_RULE, text)
    for role_of in ROLE_TESTS:
        decision = role_of(line, text, measures, flow)
        if decision is not None:
            return decision
    return Decision(Role.FIGURE_TEXT, text)


# ---------------------------------------------------------------------- footnotes


def footnote_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    if line.hint == "footnote":
        last = flow.last
        if line.extras.get("continues") and last is not None and last.kind == "footnote":
            return Decision(Role.FOOTNOTE_CONTINUES, text)
        return Decision(Role.FOOTNOTE, text, HINTED_FOOTNOTE_LINE.match(text))
    if flow.mode is Mode.RULE_FOOTNOTES and not line.extras.get("page_start"):
        return rule_block_role(line, text, flow)    # a footnote block ends with its page
    if m.layout.footnotes == "numbered-lines":
        return numbered_footnote_role(text, flow)
    return None


def rule_block_role(line: SourceLine, text: str, flow: Flow) -> Decision | None:
    """Below a footnote rule: numbered lines start footnotes, unspaced lines go on."""
    found = RULE_FOOTNOTE_LINE.match(text)
    if found:
        return Decision(Role.FOOTNOTE, text, found)
    last = flow.last
    if (last is not None and last.kind == "footnote" and line.gap_before == 0
            and not line.text.startswith(" ") and match_caption(text) is None):
        return Decision(Role.FOOTNOTE_CONTINUES, text)
    return None


def numbered_footnote_role(text: str, flow: Flow) -> Decision | None:
    """A footnote is a line with the next footnote number, or with 1 where a 章 or 節
    began since the last footnote (numbering restarts per section), unless it is a
    heading that continues the outline where it is set (``１`` under ``第1``, at 4). A URL alone on a line goes on with the footnote before it."""
    found = FOOTNOTE_LINE.match(text)
    fits = found is not None and footnote_number_fits(int(found.group("num")), flow)
    if flow.mode is Mode.NUMBERED_FOOTNOTE and flow.last is not None and not fits:
        if FOOTNOTE_LIST_ITEM.match(text):
            return Decision(Role.FOOTNOTE_ITEM, text)
        if URL_ONLY.match(text):
            return Decision(Role.URL_CONTINUES, text)
    if not fits:
        return None
    heading = match_heading(text)
    if heading is not None and heading.level == 3 \
            and flow.outline.fits(flow.outline.nested(heading)):
        return None           # ``1　認知件数`` under ``第1``: a heading, one level below
    return Decision(Role.NUMBERED_FOOTNOTE, text, found)


def footnote_number_fits(number: int, flow: Flow) -> bool:
    return number == flow.next_footnote or (number == 1 and flow.footnotes_may_restart)


# ---------------------------------------------------------------------- continuations


def continuation_role(line: SourceLine, text: str, m: Measures, flow: Flow,
                      ) -> Decision | None:
    """The line goes on with what the last line opened (``flow.mode``)."""
    last, mode = flow.last, flow.mode
    if last is None or (m.numbered and line_key(line) in m.numbered):
        return None      # a line of a numbering run goes on with nothing: it opens
    if mode is Mode.TITLE and is_title_line(text, m) and (
            line.size is None or m.body_size is None or in_heading_type(line, m)):
        return Decision(Role.TITLE_CONTINUES, text)
    if mode is Mode.WRAP and same_size(last.lines[-1], line) \
            and (not line.extras.get("starts_paragraph") or hangs_under(line, last.lines[-1])) \
            and match_heading(text) is None and match_caption(text) is None:
        return Decision(Role.WRAP_CONTINUES, text)
    if mode is Mode.SOURCE and (URL_ONLY.match(text) or LABELLED_URL.match(text)):
        return Decision(Role.URL_CONTINUES, text)
    if mode is Mode.SOURCE and flow.source is not None \
            and source_wraps(flow.source.lines[-1], line, text, m):
        return Decision(Role.SOURCE_CONTINUES, text)
    if mode is Mode.NOTES and line.extras.get("box") not in REGION_BOXES:
        return note_line_role(line, text, m, last)
    if mode is Mode.CAPTION and line.extras.get("caption_continues") \
            and match_caption(text) is None:         # a caption line opens its own caption
        return Decision(Role.CAPTION_CONTINUES, text)
    if mode is Mode.CAPTION and not m.layout.wrapped and is_link_text(text, flow):
        return Decision(Role.LINK_TEXT, text)
    return None


def source_wraps(before: SourceLine, line: SourceLine, text: str, m: Measures) -> bool:
    """Double-spaced printed text: a source line that does not end in a space (its
    complete lines do) goes on in the next line of the page. A PDF source line goes on in the next line of its type that hangs under its text
    (``出典：…資料、`` / ``　　　…を基に内閣府作成``), or that starts where it starts and
    goes on its paragraph (a word processor wraps flush: ``資料：…参事官室にお`` /
    ``いて作成``): the source line ends mid-sentence and the line starts right of the
    source's label, within a few em, or under it."""
    if before.text.strip()[-1:] in SENTENCE_END:
        return False
    if m.layout.double_spaced:
        return (not before.text.endswith(" ") and not line.extras.get("page_start")
                and not starts_own_line(text))
    if line.x0 is None or before.x0 is None or not line.size or not same_size(before, line):
        return False
    hanging = before.x0 + 0.5 * line.size <= line.x0 <= before.x0 + SOURCE_HANG_EM * line.size
    flush = (abs(line.x0 - before.x0) <= 0.25 * line.size
             and not line.extras.get("starts_paragraph"))
    return (hanging or flush) and not starts_own_line(text)


def starts_own_line(text: str) -> bool:
    """A source, note, caption or heading opens its own line: it continues nothing."""
    return bool(SOURCE.match(text) or NOTE_START.match(text) or match_caption(text)
                or match_heading(text))


def hangs_under(line: SourceLine, before: SourceLine) -> bool:
    """A PDF line set to the right of a bulleted line above it (under its text, not its
    bullet): the bulleted heading wraps."""
    if line.x0 is None or before.x0 is None or line.size is None:
        return False
    return before.text.lstrip().startswith(BULLETS) and line.x0 >= before.x0 + 0.5 * line.size


def is_title_line(text: str, m: Measures) -> bool:
    return ("。" not in text and match_heading(text) is None and match_caption(text) is None
            and match_heading(f"{text}\u3000見出し") is None      # nor a label alone
            and (m.width == 0 or display_width(text) < m.width - WIDTH_SLACK))


def note_line_role(line: SourceLine, text: str, m: Measures, last: Unit) -> Decision | None:
    if NOTE_ITEM.match(text) or NOTE_START.match(text):
        return Decision(Role.NOTE_ITEM, text)
    if last.kind == "note" and note_wraps(last, line, text, m):
        return Decision(Role.NOTE_CONTINUES, text)
    return None


def note_wraps(note: Unit, line: SourceLine, text: str, m: Measures) -> bool:
    """A note continues on the next line only where its last line was wrapped."""
    if not m.layout.wrapped or line.extras.get("page_start") or line.hint:
        return False
    if line.size is not None and (not same_size(note.lines[-1], line)
                                  or line.extras.get("starts_paragraph")):
        return False          # PDF: a note wraps onto a line of its own type, not indented
    if note.text[-1:] in SENTENCE_END or SOURCE.match(text) or match_caption(text):
        return False
    if m.layout.double_spaced:
        last_line = note.lines[-1].text
        return (not last_line.endswith(" ")
                and display_width(last_line.strip()) >= m.width * CONTINUATION_SHARE)
    return True


def is_link_text(text: str, flow: Flow) -> bool:
    """A short line between a caption and its source (``大きい画像はこちら``)."""
    if ("。" in text or len(text) > FIGURE_LINK_MAX_CHARS or SOURCE.match(text)
            or NOTE_START.match(text)):
        return False
    heading = match_heading(text)
    return heading is None or not flow.outline.fits(flow.outline.nested(heading))


# ---------------------------------------------------------------------- labelled lines


def spaced(line: SourceLine, m: Measures, flow: Flow) -> bool:
    """The line stands apart from the one before (double-spaced text only)."""
    return (not m.layout.double_spaced or line.gap_before >= 1 or not flow.units
            or bool(line.extras.get("page_start")) or bool(line.extras.get("glued")))


def heading_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    """A numbered heading whose number continues the outline; else a line of a numbering
    run (``numbering``), flagged (``numbered_heading_flag``)."""
    heading = match_heading(text) or bare_label(text, line, m)
    if heading is not None and heading.level > 2:
        heading = flow.outline.nested(heading)
    if (heading is not None and spaced(line, m, flow) and flow.outline.fits(heading)
            and line.hint not in BOX_HINTS and not runs_on(line, text, m)
            and not continues_paragraph(line, text, m, flow)):
        return Decision(Role.HEADING, text, heading)
    numbered = m.numbered.get(line_key(line)) if m.numbered else None
    if numbered is not None:
        heading = numbered_heading(numbered, flow)
        if heading is not None:
            return Decision(Role.HEADING, text, heading,
                            flag=numbered_heading_flag(line, heading, m, flow))
    return None


def runs_on(line: SourceLine, text: str, m: Measures) -> bool:
    """A line in body type that fills the body's measure: its text runs on to the next
    line, a sentence (``(1)車線数が4以上である…往復の方向に分離する`` / ``ものとする。``),
    not a heading's title."""
    return (line.size is not None and m.width > 0 and not in_heading_type(line, m)
            and display_width(text) >= m.width - WIDTH_SLACK)


def continues_paragraph(line: SourceLine, text: str, m: Measures, flow: Flow) -> bool:
    """Double-spaced printed text: a full line right after a line of a paragraph that
    did not end (it ended in no space) goes on with that paragraph, though it opens with
    a label (``（2）研究開発法人の役割の明確化と…`` wrapped to a line's start); a
    heading's first line, full as it may be, never follows an open paragraph."""
    return (m.layout.double_spaced and flow.open_body is not None and m.width > 0
            and len(flow.units) == flow.units_at_last_body_line
            and display_width(text) >= m.width - WIDTH_SLACK)


def numbered_heading(numbered: Numbered, flow: Flow) -> HeadingMatch | None:
    """A line of a numbering run (``numbering``) at its level (for ``①`` or ``(a)``, which
    have none of their own, the level its scheme holds in the open outline, else one below
    the deepest open heading), where its number continues the outline or opens its run,
    and a hierarchical label (``2－3``) repeats the numbers of the open sections above it."""
    heading = numbered.heading
    if heading.level == 0:
        heading = replace(heading, level=flow.outline.level_for(numbered.scheme))
    else:
        heading = flow.outline.nested(heading)
    parents = label_parents(heading.label)
    if parents and flow.outline.numbers_above(heading.level)[-len(parents):] != parents:
        return None           # ``2－3`` where the open section is not 2
    if numbered.opens_run or flow.outline.fits(heading):
        return heading
    return None


def numbered_heading_flag(line: SourceLine, heading: HeadingMatch, m: Measures,
                          flow: Flow) -> str:
    """Why a heading known by its numbering run is worth a look: ``numbering_only`` when
    its type is no heading type (body type, or bold type smaller than the body's: only
    the run says heading); ``breaks_outline`` when its number does not continue the
    outline (a run that opens at 2 in an excerpt, or at 1 again where a heading above it
    was missed)."""
    flags = [name for name, hit in (("numbering_only", not in_heading_type(line, m)),
                                    ("breaks_outline", not flow.outline.fits(heading))) if hit]
    return ";".join(flags)


def bare_label(text: str, line: SourceLine, m: Measures) -> HeadingMatch | None:
    """A 章 or 節 label printed alone in heading type (``第1節``), or alone on its line in
    text with no type (pdf-text, html-text), its title on the next line: the heading
    with an empty title."""
    typed = line.size is not None or m.body_size is not None
    if (typed and not in_heading_type(line, m)) or len(text) > 8:
        return None
    probe = match_heading(f"{text}\u3000見出し")
    if probe is None or probe.level > 2 or probe.title != "見出し":
        return None
    return replace(probe, title="")


def in_heading_type(line: SourceLine, m: Measures) -> bool:
    """Set larger than the document's body type, or as large and heavier (a bold face
    or fake bold): the type of a heading, measured per document."""
    if line.size is None or m.body_size is None:
        return False
    larger = line.size > m.body_size + SIZE_TOLERANCE
    heavy = bool(line.extras.get("bold")) and line.size >= m.body_size - SIZE_TOLERANCE
    return larger or heavy


def is_caption_label(text: str) -> bool:
    """A figure or table label printed alone (``図表1-1``), its title set apart."""
    return match_caption(text) is not None or match_caption(f"{text}\u3000見出し") is not None


def typed_heading_role(line: SourceLine, text: str, m: Measures, flow: Flow,
                       ) -> Decision | None:
    """A line standing alone in heading type, with no numbering label (``未婚化の進行``)
    or with a bullet (``●気象予測``), outside figures and boxes: an unnumbered heading.
    Its level is that of a numbered heading seen in the same type, else one below the
    deepest open heading. One with a label whose number does not follow the outline
    (``３　日米同盟の強化`` alone in an excerpt) keeps its label at its scheme's level
    (``typed_numbered_heading``), flagged ``breaks_outline``."""
    if m.layout.footnotes != "hinted" or line.hint or line.extras.get("box"):
        return None
    if not in_heading_type(line, m) or not line.extras.get("starts_paragraph"):
        return None
    title = text.lstrip("".join(BULLETS)).strip()
    if not is_heading_title(title) or is_caption_label(text):
        return None
    numbered = typed_numbered_heading(title, flow) or typed_ordinal_heading(title, flow)
    if numbered is not None:
        return Decision(Role.HEADING, text, numbered,
                        flag="" if flow.outline.fits(numbered) else "breaks_outline")
    level = flow.size_levels.get(round(line.size or 0.0, 1))
    if level is None:
        level = min(max(flow.outline.last, default=1) + 1, 7)
    return Decision(Role.HEADING, text, HeadingMatch(level, "", "", 0, title))


def typed_numbered_heading(title: str, flow: Flow) -> HeadingMatch | None:
    """The heading a line in heading type is when it opens with a numbering label of a
    scheme with a level of its own, below 節, and the rest is a heading's title: at its
    scheme's level (``nested``). (A lone ``①`` or ``(a)`` in heading type is left
    unnumbered: with no run, nothing tells its level, and a figure's ``(a)`` set large
    would hold the level of the ``(a)`` headings after it.)"""
    found = match_heading(title)
    if found is None or found.level <= 2 or not is_heading_title(found.title):
        return None
    return flow.outline.nested(found)


def typed_ordinal_heading(title: str, flow: Flow) -> HeadingMatch | None:
    """A line in heading type labelled ``第1`` (no 章 or 節 after it: 警察白書 numbers its
    sections so) with a heading's title, alone in the document (no run of 第2, 第3 to
    read): the first of its scheme, at the level that scheme holds in the open outline,
    else one below the deepest open heading. Only a first one: a lone ``第3`` in an
    excerpt says nothing of its level. (``①`` or ``(a)`` set large stay unnumbered:
    ``typed_numbered_heading``.)"""
    found = match_free_level_heading(title)
    if (found is None or not found.label.startswith("第") or found.ordinal != 1
            or not is_heading_title(found.title)):
        return None
    return replace(found, level=flow.outline.level_for(label_shape(found.label)))


def caption_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    caption = match_caption(text)
    return None if caption is None else Decision(Role.CAPTION, text, caption)


def source_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    return Decision(Role.SOURCE, text) if SOURCE.match(text) else None


def note_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    return Decision(Role.NOTE, text) if NOTE_START.match(text) else None


def column_label_role(line: SourceLine, text: str, m: Measures, flow: Flow,
                      ) -> Decision | None:
    """The label of a boxed column (``コラム１-１``, ``2-11``)."""
    return Decision(Role.COLUMN_LABEL, text) if COLUMN_LABEL.match(text) else None


def box_text_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    """A line the adapter placed in a figure or a boxed column."""
    if line.hint not in BOX_HINTS:
        return None
    last = flow.last
    if (line.hint == "column" and last is not None and last.kind == "column"
            and not line.extras.get("starts_paragraph")):
        return Decision(Role.BOX_TEXT_CONTINUES, text)
    return Decision(Role.BOX_TEXT, text)


# ---------------------------------------------------------------------- body text


def body_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    if not m.layout.wrapped:
        return Decision(Role.BODY_STARTS, text)        # one paragraph per line
    if m.layout.footnotes == "hinted":
        return body_role_by_geometry(line, text, m, flow)
    return body_role_by_width(line, text, m, flow)


def body_role_by_geometry(line: SourceLine, text: str, m: Measures, flow: Flow,
                          ) -> Decision | None:
    """Body lines of a page read by geometry: the adapter marks paragraph starts.

    Text set in another type size is not body text, except bulleted sub-heads
    (``●…``): it is the title or labels of a figure drawn without a frame."""
    body = flow.open_body
    if line.extras.get("box") == "figure" and text[-1:] not in SENTENCE_END \
            and m.width and display_width(text) < m.width * CONTINUATION_SHARE:
        return None      # a short label inside a figure's frame (an axis title), in body type
    off_size = (line.size is not None and m.body_size is not None
                and abs(line.size - m.body_size) > SIZE_TOLERANCE)
    starts = bool(line.extras.get("starts_paragraph"))
    if off_size and body is not None and not starts and same_size(body.lines[-1], line):
        return Decision(Role.BODY_CONTINUES, text)
    if off_size and not text.startswith(BULLETS):
        return None
    if off_size or (body is not None and not same_size(body.lines[-1], line)):
        return Decision(Role.BODY_STARTS, text)
    closes = text[-1:] in SENTENCE_END and bool(line.extras.get("ends_paragraph"))
    role = Role.BODY_CONTINUES if body is not None and not starts else Role.BODY_STARTS
    return Decision(role, text, closes=closes)


def body_role_by_width(line: SourceLine, text: str, m: Measures, flow: Flow,
                       ) -> Decision | None:
    """Body lines of a double-spaced printed page.

    A paragraph starts with a full-width line and ends with a line that ends in a
    space; in between, a line may fall short of the full width (line-breaking rules,
    justified Latin text) but not by much.
    """
    width = display_width(text)
    if not text or not spaced(line, m, flow) or width > m.width + WIDTH_OVERRUN:
        return None
    full = width >= m.width - WIDTH_SLACK
    final = line.text.endswith(" ") and not (text[-1].isascii() and text[-1].isalnum()
                                             and full)
    if flow.open_body is not None:
        if not (final or width >= m.width * CONTINUATION_SHARE):
            return None
        interrupted = len(flow.units) != flow.units_at_last_body_line
        if interrupted and not line.extras.get("page_start"):
            return None        # text set out of order resumes only on a new page
        return Decision(Role.BODY_CONTINUES, text, closes=final)
    if not full and not (final and flow.in_flow and text[-1] in SENTENCE_END):
        return None
    return Decision(Role.BODY_STARTS, text, closes=final)


# The tests ``classify`` tries a line with, in order.
ROLE_TESTS = (footnote_role, continuation_role, heading_role, caption_role, source_role,
              note_role, column_label_role, box_text_role, typed_heading_role, body_role)
