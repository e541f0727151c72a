"""Lines → units: recognise each line's role and join wrapped lines into paragraphs.

One builder serves every layout; the ``Layout`` the adapter declared says which
signals exist (wrapping, double spacing, footnote style, adapter hints).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.schemas import Layout, SourceLine
from pipeline.structure.body_measures import Widths, body_size, body_width
from pipeline.structure.column_blocks import mark_columns
from pipeline.structure.patterns import (
    COLUMN_LABEL,
    NOTE_ITEM,
    NOTE_START,
    SENTENCE_END,
    SOURCE,
    URL_ONLY,
    match_caption,
    match_heading,
)
from pipeline.structure.units import OutlineTracker, Unit, new_unit

FOOTNOTE_LINE = re.compile(r"^(?P<num>[0-9]{1,3})[ \u3000]+(?P<text>\S.*)$")
FOOTNOTE_LIST_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+[ \u3000]|[・※])")
WIDTH_SLACK = 4            # a full line may fall short of the body width by this much
WIDTH_OVERRUN = 8          # … or exceed it, when half-width characters are spaced out
CONTINUATION_SHARE = 0.75  # a line inside a paragraph is at least this share of the width
CHAPTER_TITLE_LINES = 3    # a chapter title printed under its label takes at most this many
FIGURE_LINK_MAX_CHARS = 30  # a line between a caption and its source (a link text) is short
CUT_MARK = "\ufffd"
SIZE_TOLERANCE = 0.3       # points
BULLETS = ("●", "○", "■", "◆", "◇", "・", "▶", "▷")


class Builder:
    """Feeds lines in reading order and collects units."""

    def __init__(self, layout: Layout, width: int, body_size: float | None = None,
                 widths: Widths | None = None) -> None:
        self.layout = layout
        self.width = width
        self.widths = Widths() if widths is None else widths
        self.body_size = body_size
        self.units: list[Unit] = []
        self.outline = OutlineTracker()
        self.open_body: Unit | None = None
        self.in_flow = False
        self.figure: int | None = None
        self.table_open = False
        self.mode = ""
        self.title_lines = 0
        self.region: list[int] = []
        self.next_footnote = 1
        self.last_caption: int | None = None
        self.guessed_figure: set[int] = set()   # units given the last caption on their page
        self.units_at_last_body_line = 0         # tells whether other text came in between

    # ------------------------------------------------------------------ entry
    def feed(self, line: SourceLine) -> None:
        text = line.text.strip()
        if line.hint == "footnote_rule":
            self.mode = "footnotes"
            return
        for step in Builder.ROLES:
            if step(self, line, text):
                return
        self._other(line, text)

    def finish(self) -> list[Unit]:
        self._close_region()
        return self.units

    # ------------------------------------------------------------------ helpers
    def _add(self, unit: Unit) -> int:
        self.units.append(unit)
        return len(self.units) - 1

    def _wraps(self, line: SourceLine, text: str) -> bool:
        """A heading or caption continues on the next line."""
        if not self.layout.wrapped:
            return False
        if self.layout.double_spaced:      # every complete printed line ends in a space
            return not line.text.endswith(" ")
        if line.size is not None and self.body_size is not None:
            return line.size > self.body_size + SIZE_TOLERANCE   # set larger than body text
        return self.width > 0 and self.widths[text] >= self.width - WIDTH_SLACK

    def _spaced(self, line: SourceLine) -> bool:
        return (not self.layout.double_spaced or line.gap_before >= 1 or not self.units
                or bool(line.extras.get("page_start")) or bool(line.extras.get("glued")))

    def _close_region(self) -> None:
        if self.region:
            mark_columns(self.units, self.region, self.width, self.widths.__getitem__)
            self.region = []

    def _end_body(self) -> None:
        self.open_body = None
        self.in_flow = True

    # ------------------------------------------------------------------ roles
    def _footnote(self, line: SourceLine, text: str) -> bool:
        if line.hint == "footnote":
            last = self.units[-1] if self.units else None
            if line.extras.get("continues") and last is not None and last.kind == "footnote":
                last.append(line, text)
                return True
            found = FOOTNOTE_LINE.match(text)
            unit = new_unit("footnote", line, found.group("text") if found else text)
            unit.number = found.group("num") if found else ""
            self._add(unit)
            return True
        if self.mode == "footnotes":
            return self._rule_block_footnote(line, text)
        if self.layout.footnotes == "numbered-lines":
            return self._numbered_footnote(line, text)
        return False

    def _rule_block_footnote(self, line: SourceLine, text: str) -> bool:
        found = FOOTNOTE_LINE.match(text)
        if found:
            unit = new_unit("footnote", line, found.group("text"))
            unit.number = found.group("num")
            self._add(unit)
            return True
        last = self.units[-1] if self.units else None
        if (last is not None and last.kind == "footnote" and line.gap_before == 0
                and not line.text.startswith(" ") and match_caption(text) is None):
            last.append(line, text)
            return True
        self.mode = ""
        return False

    def _numbered_footnote(self, line: SourceLine, text: str) -> bool:
        last = self.units[-1] if self.units else None
        if self.mode == "footnote" and last is not None and FOOTNOTE_LIST_ITEM.match(text):
            last.append(line, text, joiner=lambda a, b: f"{a}\n{b}")
            return True
        found = FOOTNOTE_LINE.match(text)
        if not found or int(found.group("num")) != self.next_footnote:
            return False
        heading = match_heading(text)
        if heading is not None and heading.level == 3 and self.outline.fits(heading):
            return False
        unit = new_unit("footnote", line, found.group("text"))
        unit.number = found.group("num")
        self._add(unit)
        self.next_footnote += 1
        self.mode = "footnote"
        return True

    def _continuation(self, line: SourceLine, text: str) -> bool:
        mode, self.mode = self.mode, ""
        last = self.units[-1] if self.units else None
        if last is None:
            return False
        if mode == "title" and self._is_title_line(line, text):
            last.append(line, text)
            self.title_lines += 1
            self.mode = "title" if self.title_lines < CHAPTER_TITLE_LINES else ""
            return True
        if mode == "wrap" and _same_size(last.lines[-1], line) \
                and not line.extras.get("starts_paragraph") and match_heading(text) is None:
            last.append(line, text)
            if self._wraps(line, text):
                self.mode = "wrap"
            return True
        if mode == "source" and URL_ONLY.match(text):
            last.append(line, text, joiner=lambda a, b: a + b)
            self.mode = "source"
            return True
        if mode == "notes":
            return self._note_line(line, text)
        if mode == "caption" and line.extras.get("caption_continues"):
            last.append(line, text)
            self.mode = "caption"
            return True
        if mode == "caption" and not self.layout.wrapped:
            return self._caption_link_text(line, text)
        return False

    def _is_title_line(self, line: SourceLine, text: str) -> bool:
        return ("。" not in text and match_heading(text) is None and match_caption(text) is None
                and (self.width == 0 or self.widths[text] < self.width - WIDTH_SLACK))

    def _heading(self, line: SourceLine, text: str) -> bool:
        heading = match_heading(text)
        if heading is None or not self._spaced(line) or not self.outline.fits(heading):
            return False
        if line.hint in ("figure_text", "column"):
            return False
        self.outline.accept(heading)
        self._close_region()
        if self.open_body is not None:
            self._end_body()
        unit = new_unit("heading", line, heading.title)
        unit.heading = heading
        self._add(unit)
        self.in_flow, self.figure, self.table_open = True, None, False
        if heading.level == 1 and not heading.title:
            self.mode, self.title_lines = "title", 0
        elif self._wraps(line, text):
            self.mode = "wrap"
        return True

    def _caption(self, line: SourceLine, text: str) -> bool:
        caption = match_caption(text)
        if caption is None:
            return False
        unit = new_unit("caption", line, caption.title)
        unit.caption = caption
        index = self._add(unit)
        unit.figure_key = index
        if not any(self.units[i].kind == "caption" for i in self.region):
            for i in self.region:
                if self.units[i].figure_key is None or i in self.guessed_figure:
                    self.units[i].figure_key = index
        self.region.append(index)
        self.figure, self.table_open, self.in_flow = index, caption.kind == "table", False
        self.last_caption = index
        wraps = self._wraps(line, text) and self.layout.footnotes != "hinted"
        self.mode = "wrap" if wraps else "caption"
        return True

    def _caption_link_text(self, line: SourceLine, text: str) -> bool:
        """A short line between a caption and its source (``大きい画像はこちら``)."""
        if "。" in text or len(text) > FIGURE_LINK_MAX_CHARS or SOURCE.match(text):
            return False
        heading = match_heading(text)
        if heading is not None and self.outline.fits(heading):
            return False
        self._other(line, text)
        self.mode = "caption"
        return True

    def _source(self, line: SourceLine, text: str) -> bool:
        if not SOURCE.match(text):
            return False
        unit = new_unit("source", line, text)
        unit.figure_key = self.figure
        self.region.append(self._add(unit))
        self.mode, self.in_flow = "source", False
        return True

    def _note(self, line: SourceLine, text: str) -> bool:
        if not NOTE_START.match(text):
            return False
        unit = new_unit("note", line, text)
        self._place_in_figure(unit, line)
        self.region.append(self._add(unit))
        self.mode, self.in_flow = "notes", False
        return True

    def _note_line(self, line: SourceLine, text: str) -> bool:
        last = self.units[-1]
        if NOTE_ITEM.match(text) or NOTE_START.match(text):
            unit = new_unit("note", line, text)
            unit.figure_key = last.figure_key
            self.region.append(self._add(unit))
        elif last.kind == "note" and self._note_wraps(last, line, text):
            last.append(line, text)
        else:
            return False
        self.mode = "notes"
        return True

    def _note_wraps(self, note: Unit, line: SourceLine, text: str) -> bool:
        """A note continues on the next line only where its last line was wrapped."""
        if not self.layout.wrapped or line.extras.get("page_start") or line.hint:
            return False
        if note.text[-1:] in SENTENCE_END or SOURCE.match(text) or match_caption(text):
            return False
        if self.layout.double_spaced:
            last_line = note.lines[-1].text
            return (not last_line.endswith(" ")
                    and self.widths[last_line.strip()] >= self.width * CONTINUATION_SHARE)
        return True

    def _column_label(self, line: SourceLine, text: str) -> bool:
        """The label of a boxed column (``コラム１-１``, ``2-11``)."""
        if not COLUMN_LABEL.match(text):
            return False
        self.region.append(self._add(new_unit("column", line, text)))
        self.in_flow = False
        return True

    def _hinted(self, line: SourceLine, text: str) -> bool:
        if line.hint not in ("figure_text", "column"):
            return False
        last = self.units[-1] if self.units else None
        if (line.hint == "column" and last is not None and last.kind == "column"
                and not line.extras.get("starts_paragraph")):
            last.append(line, text)
            return True
        unit = new_unit(line.hint, line, text)
        if line.hint == "figure_text":
            self._place_in_figure(unit, line)
        self.region.append(self._add(unit))
        self.in_flow = False
        return True

    def _body(self, line: SourceLine, text: str) -> bool:
        if not self.layout.wrapped:
            return self._paragraph_per_line(line, text)
        if self.layout.footnotes == "hinted":
            return self._geometric_body(line, text)
        return self._width_body(line, text)

    def _paragraph_per_line(self, line: SourceLine, text: str) -> bool:
        unit = new_unit("body", line, text)
        if text.endswith(CUT_MARK):
            unit.flag = "cut_upstream"
        self._close_region()
        self._add(unit)
        self.in_flow, self.figure, self.table_open = True, None, False
        return True

    def _geometric_body(self, line: SourceLine, text: str) -> bool:
        """Body lines of a page read by geometry: the adapter marks paragraph starts.

        Text set in another type size is not body text, except bulleted sub-heads
        (``●…``): it is the title or labels of a figure drawn without a frame."""
        off_size = (line.size is not None and self.body_size is not None
                    and abs(line.size - self.body_size) > SIZE_TOLERANCE)
        continues = (self.open_body is not None and not line.extras.get("starts_paragraph")
                     and _same_size(self.open_body.lines[-1], line))
        if off_size and continues and self.open_body is not None:
            self.open_body.append(line, text)
            return True
        if off_size and not text.startswith(BULLETS):
            return False
        if off_size or (self.open_body is not None and not _same_size(self.open_body.lines[-1],
                                                                      line)):
            self._close_region()
            self.open_body = new_unit("body", line, text)
            self._add(self.open_body)
            self.table_open = False
            return True
        if self.open_body is not None and not line.extras.get("starts_paragraph"):
            self.open_body.append(line, text)
        else:
            self._close_region()
            self.open_body = new_unit("body", line, text)
            self._add(self.open_body)
            self.table_open = False
        if text[-1:] in SENTENCE_END and line.extras.get("ends_paragraph"):
            self._end_body()
        return True

    def _width_body(self, line: SourceLine, text: str) -> bool:
        """Body lines of a double-spaced printed page.

        A paragraph starts with a full-width line and ends with a line that ends in a
        space; in between, a line may fall short of the full width (line-breaking rules,
        justified Latin text) but not by much.
        """
        width = self.widths[text]
        if not text or not self._spaced(line) or width > self.width + WIDTH_OVERRUN:
            return False
        final = line.text.endswith(" ") and not (
            text[-1].isascii() and text[-1].isalnum() and width >= self.width - WIDTH_SLACK)
        full = width >= self.width - WIDTH_SLACK
        if self.open_body is not None:
            if not (final or width >= self.width * CONTINUATION_SHARE):
                return False
            interrupted = len(self.units) != self.units_at_last_body_line
            if interrupted and not line.extras.get("page_start"):
                return False        # text set out of order resumes only on a new page
            self.open_body.append(line, text)
            self.units_at_last_body_line = len(self.units)
            if final:
                self._end_body()
            return True
        if not full and not (final and self.in_flow and text[-1] in SENTENCE_END):
            return False
        self._close_region()
        unit = new_unit("body", line, text)
        self._add(unit)
        self.figure, self.table_open = None, False
        if final:
            self._end_body()
        else:
            self.open_body = unit
            self.units_at_last_body_line = len(self.units)
        return True

    def _other(self, line: SourceLine, text: str) -> None:
        table = self.table_open and self.figure is not None
        unit = new_unit("table_text" if table else "figure_text", line, text)
        self._place_in_figure(unit, line)
        self.region.append(self._add(unit))
        self.in_flow = False

    def _place_in_figure(self, unit: Unit, line: SourceLine) -> None:
        """Text after a caption belongs to it; text after body text belongs to the last
        caption on the same page, unless a caption follows it directly."""
        if self.figure is not None:
            unit.figure_key = self.figure
        elif self.last_caption is not None and line.page_index is not None \
                and self.units[self.last_caption].first.page_index == line.page_index:
            unit.figure_key = self.last_caption
            self.guessed_figure.add(len(self.units))

    # The roles ``feed`` tries a line for, in order: plain functions named once here
    # rather than bound methods made for every line.
    ROLES: tuple[Callable[[Builder, SourceLine, str], bool], ...] = (
        _footnote, _continuation, _heading, _caption, _source, _note, _column_label, _hinted,
        _body)


def _same_size(before: SourceLine, line: SourceLine) -> bool:
    """Lines of one heading share a type size (where the source gives sizes)."""
    if before.size is None or line.size is None:
        return True
    return abs(before.size - line.size) <= SIZE_TOLERANCE


def assemble(lines: list[SourceLine], layout: Layout) -> list[Unit]:
    widths = Widths()
    builder = Builder(layout, body_width(lines, widths.__getitem__) if layout.wrapped else 0,
                      body_size(lines), widths)
    for line in lines:
        builder.feed(line)
    return builder.finish()
