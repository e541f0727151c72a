"""Continuation roles: a line that goes on with what the last line opened
(``Flow.mode``): a chapter title under its label, a wrapped heading or caption, a
source's URL or wrapped text, a note under a figure, a photo caption, a short link text
between a caption and its source."""

from __future__ import annotations

from pipeline.common.text import display_width
from pipeline.schemas import SourceLine
from pipeline.structure.body_measures import CONTINUATION_SHARE, WIDTH_SLACK
from pipeline.structure.numbering import line_key
from pipeline.structure.patterns import (
    LABELLED_URL,
    NOTE_ITEM,
    SENTENCE_END,
    URL_ONLY,
    match_caption,
    match_heading,
    opens_figure_note,
    opens_source,
)
from pipeline.structure.roles import (
    BULLETS,
    Decision,
    Flow,
    Measures,
    Mode,
    Role,
    in_heading_type,
    same_size,
)
from pipeline.structure.units import Unit

SOURCE_HANG_EM = 6         # a wrapped source line starts at most this far right of it
FIGURE_LINK_MAX_CHARS = 30  # a line between a caption and its source (a link text) is short
REGION_BOXES = ("table", "frame")   # a ruled table's cell or a drawing's frame: never a note


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
    return bool(opens_source(text) or opens_figure_note(text) or match_caption(text)
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
    if NOTE_ITEM.match(text) or opens_figure_note(text):
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
    if note.text[-1:] in SENTENCE_END or opens_source(text) or match_caption(text):
        return False
    if m.layout.double_spaced:
        last_line = note.lines[-1].text
        return (not last_line.endswith(" ")
                and display_width(last_line.strip()) >= m.width * CONTINUATION_SHARE)
    return True


def is_link_text(text: str, flow: Flow) -> bool:
    """A short line between a caption and its source (``大きい画像はこちら``)."""
    if ("。" in text or len(text) > FIGURE_LINK_MAX_CHARS or opens_source(text)
            or opens_figure_note(text)):
        return False
    heading = match_heading(text)
    return heading is None or not flow.outline.fits(flow.outline.nested(heading))
