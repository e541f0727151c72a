"""Labelled-line roles: numbered headings (continuing the outline, or read from a
numbering run), headings standing alone in heading type, captions, sources, the first
note under a figure, a boxed column's label, and text the adapter placed in a box."""

from __future__ import annotations

from dataclasses import replace

from pipeline.common.column_labels import is_bare_column_label, is_column_label
from pipeline.common.lexicons import word_list
from pipeline.common.text import display_width
from pipeline.schemas import SourceLine
from pipeline.structure.body_measures import WIDTH_SLACK
from pipeline.structure.numbering import Numbered, line_key
from pipeline.structure.patterns import (
    SENTENCE_END,
    HeadingMatch,
    is_heading_title,
    label_parents,
    label_shape,
    match_caption,
    match_free_level_heading,
    match_heading,
    opens_figure_note,
    opens_source,
)
from pipeline.structure.roles import (
    BULLETS,
    Decision,
    Flow,
    Measures,
    Role,
    in_heading_type,
    spaced,
)
from pipeline.structure.units import Unit
from pipeline.structure.unnumbered import match_chapter_label, unnumbered_level

BOX_HINTS = ("figure_text", "table_text", "column")   # lines the adapter placed in a box


def heading_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    """A numbered heading whose number continues the outline (or a chapter labelled with
    no number, ``特集``); else a line of a numbering run (``numbering``), flagged
    (``numbered_heading_flag``)."""
    heading = match_heading(text) or bare_label(text, line, m) or match_chapter_label(text)
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


def unnumbered_heading_role(line: SourceLine, text: str, m: Measures, flow: Flow,
                            ) -> Decision | None:
    """In text with no type, a line whose words make a heading with no number
    (``はじめに``, ``本章のまとめ``: ``unnumbered``), one level below the open 章 or 節
    (a chapter's closing words, ``おわりに``, below the 章),
    flagged ``unnumbered``: its level is inferred."""
    found = m.unnumbered.get(line_key(line)) if m.unnumbered else None
    if found is None:
        return None
    title, kind = found
    level = unnumbered_level(list(flow.outline.last), kind)
    return Decision(Role.HEADING, text, HeadingMatch(level, "", "", 0, title),
                    flag="unnumbered")


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
    return Decision(Role.HEADING, text, HeadingMatch(unnumbered_typed_level(title, line, flow),
                                                     "", "", 0, title))


def unnumbered_typed_level(title: str, line: SourceLine, flow: Flow) -> int:
    """The level of a heading in heading type whose number is not read: one opening
    with a label of a scheme with no level of its own (a lone ``①``) at the level that
    scheme holds in the open outline, else one below the deepest open heading (a
    ministry sets its ``①`` heads in the type of its ``（1）`` heads: the type's level
    would make it the sibling of the ``（1）`` it is set under); any other at the level
    of a numbered heading seen in the same type, else one below the deepest open one."""
    free = match_free_level_heading(title)
    if free is not None and is_heading_title(free.title):
        return flow.outline.level_for(label_shape(free.label))
    level = flow.size_levels.get(round(line.size or 0.0, 1))
    return level if level is not None else min(max(flow.outline.last, default=1) + 1, 7)


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
    """A caption; a figure's label printed alone after a reference word
    (``refers_on``) is the reference's target, no caption."""
    caption = match_caption(text)
    if caption is None:
        return None
    if not caption.title and refers_on(flow.last, line):
        return Decision(Role.REFERENCE_CONTINUES, text)
    return Decision(Role.CAPTION, text, caption)


# read once: ``word_list`` reads and checks its file on every call
_REFERENCE_WORDS = frozenset(word_list("reference_words"))


def refers_on(last: Unit | None, line: SourceLine) -> bool:
    """The unit before ``line`` is one line on its page holding a reference word alone
    (``参照``: ``pipeline/data/reference_words.tsv``): a side note whose target follows."""
    return (last is not None and len(last.lines) == 1
            and last.lines[-1].page_index == line.page_index
            and last.text.strip() in _REFERENCE_WORDS)


def source_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    return Decision(Role.SOURCE, text) if opens_source(text) else None


def note_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    return Decision(Role.NOTE, text) if opens_figure_note(text) else None


def column_label_role(line: SourceLine, text: str, m: Measures, flow: Flow,
                      ) -> Decision | None:
    """The label of a boxed column (``コラム１-１``, ``2-11``, ``解説　題名``), and the title
    printed on the line after a label word alone (``コラム`` / ``VOICE　…``)."""
    if is_column_label(text) or titles_bare_label(line, text, flow):
        return Decision(Role.COLUMN_LABEL, text)
    return None


def titles_bare_label(line: SourceLine, text: str, flow: Flow) -> bool:
    """A short line, no sentence, right after a column's label word printed alone: the
    column's title."""
    last = flow.last
    return (last is not None and last.kind == "column" and len(last.lines) == 1
            and is_bare_column_label(last.text) and not line.hint
            and is_heading_title(text))


def box_text_role(line: SourceLine, text: str, m: Measures, flow: Flow) -> Decision | None:
    """A line the adapter placed in a figure or a boxed column."""
    if line.hint not in BOX_HINTS:
        return None
    last = flow.last
    if (line.hint == "column" and last is not None and last.kind == "column"
            and not line.extras.get("starts_paragraph") and not ended_short(last, text)):
        return Decision(Role.BOX_TEXT_CONTINUES, text)
    return Decision(Role.BOX_TEXT, text)


def ended_short(last: Unit, text: str) -> bool:
    """A boxed column's unit that the next line (``text``) does not go on, though the
    adapter saw no paragraph start (in a short box the indented first lines may set the
    box's usual left edge): its last line is a column's label with its title
    (``コラム　題名``: its heading) or ends a sentence, and stops short of the line
    after it by more than ``WIDTH_SLACK`` (a line that wraps fills its measure)."""
    end = last.lines[-1].text.strip()
    if not (end[-1:] in SENTENCE_END or (len(last.lines) == 1 and is_column_label(end))):
        return False
    return display_width(end) < display_width(text) - WIDTH_SLACK
