"""Lines → units: give each line its role (``classify.classify``) and act on it.

One ``Builder`` serves every layout; the ``Layout`` the adapter declared says which
signals exist (wrapping, double spacing, footnote style, adapter hints), and body
lines are joined by the joiner of that layout (``pipeline.structure.joiners``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from pipeline.schemas import Layout, SourceLine
from pipeline.structure.caption_sides import give_words_to_captions_below
from pipeline.structure.classify import classify
from pipeline.structure.column_blocks import mark_columns
from pipeline.structure.joiners import BodyJoiner, body_joiner
from pipeline.structure.patterns import (
    LABELLED_URL,
    SENTENCE_END,
    CaptionMatch,
    HeadingMatch,
)
from pipeline.structure.roles import (
    CHAPTER_TITLE_LINES,
    FOOTNOTE_ROLES,
    Decision,
    Flow,
    Measures,
    Mode,
    Role,
    same_size,
)
from pipeline.structure.units import Unit, new_unit


def assemble(lines: list[SourceLine], layout: Layout) -> list[Unit]:
    builder = Builder(Measures.of(lines, layout))
    for line in lines:
        builder.feed(line)
    return builder.finish()


def line_roles(lines: list[SourceLine], layout: Layout) -> list[Decision]:
    """The decision taken for each line, in order (to see why a line became what it is)."""
    builder = Builder(Measures.of(lines, layout))
    decisions = []
    for line in lines:
        decisions.append(builder.feed(line))
    return decisions


# A figure title printed without a label is a short line: longer ones are running text.
UNLABELLED_TITLE_MAX_CHARS = 80


class Figures:
    """Which figure the text being read belongs to, and the current non-body region (the
    units between two stretches of body text, where boxed columns are looked for)."""

    def __init__(self) -> None:
        self.figure: int | None = None        # the caption unit of the open figure
        self.table_open = False               # … and it is a table
        self.last_caption: int | None = None
        self.guessed: set[int] = set()        # units given the last caption on their page
        self.captions: list[int] = []          # every caption unit, in order
        self.sourced: set[int] = set()         # captions that have a source line
        self.unowned: list[int] = []           # sources read while no figure was open
        self.region: list[int] = []

    def close(self) -> None:
        """Text of the flow follows: no figure is open."""
        self.figure, self.table_open = None, False


def footnote_number(found: re.Match[str] | None) -> str:
    """A footnote's number in ASCII digits (``１`` → ``1``), "" when none was read."""
    if found is None:
        return ""
    groups = found.groupdict()
    number = groups.get("num") or groups.get("marked") or ""
    return unicodedata.normalize("NFKC", number)


class Builder:
    """Feeds lines in reading order and collects units."""

    def __init__(self, measures: Measures) -> None:
        self.measures = measures
        self.flow = Flow()
        self.units = self.flow.units      # the same list
        self.figures = Figures()
        join_body: BodyJoiner = body_joiner(measures.layout)
        self.actions = {**ACTIONS, Role.BODY_STARTS: join_body, Role.BODY_CONTINUES: join_body}

    def feed(self, line: SourceLine) -> Decision:
        decision = classify(line, self.measures, self.flow)
        if decision.role not in FOOTNOTE_ROLES and not self.keeps_source(line, decision):
            self.flow.mode = Mode.NONE    # what the last line opened, this one did not continue
        self.actions[decision.role](self, line, decision)
        return decision

    def keeps_source(self, line: SourceLine, decision: Decision) -> bool:
        """Words of a figure in another type size, read between the lines of a wrapped
        source (the figure's own small print), do not end the source."""
        source = self.flow.source
        return (self.flow.mode is Mode.SOURCE and source is not None
                and decision.role in (Role.FIGURE_TEXT, Role.BOX_TEXT)
                and line.size is not None and not same_size(source.lines[-1], line))

    def finish(self) -> list[Unit]:
        self.close_region()
        give_words_to_captions_below(self.units)
        return self.units

    # ------------------------------------------------------------------ shared steps
    def add(self, unit: Unit) -> int:
        self.units.append(unit)
        return len(self.units) - 1

    def add_to_region(self, unit: Unit) -> None:
        self.figures.region.append(self.add(unit))
        self.flow.in_flow = False

    def close_region(self) -> None:
        region = self.figures.region
        if region:
            mark_columns(self.units, region)
            self.figures.region = []

    def end_body(self) -> None:
        self.flow.open_body = None
        self.flow.in_flow = True

    def append_to_last(self, line: SourceLine, decision: Decision) -> None:
        self.units[-1].append(line, decision.text)

    def place_in_figure(self, unit: Unit, line: SourceLine) -> None:
        """Text after a caption belongs to it; text after body text belongs to the last
        caption on the same page, unless a caption follows it directly."""
        figures = self.figures
        if figures.figure is not None and not self.left_behind(figures.figure, line):
            unit.figure_key = figures.figure
        elif figures.last_caption is not None and line.page_index is not None \
                and self.units[figures.last_caption].first.page_index == line.page_index:
            unit.figure_key = figures.last_caption
            figures.guessed.add(len(self.units))

    def left_behind(self, caption: int, line: SourceLine) -> bool:
        """The figure of ``caption`` is no longer the one ``line`` is read in: body text
        followed it and ``line`` is on a later page (a figure whose caption is set
        under it, the next page's, is read before that caption). A table running on over
        the page with no body text between stays open."""
        page = self.units[caption].first.page_index
        return (page is not None and line.page_index is not None and line.page_index > page
                and any(u.kind == "body" for u in self.units[caption + 1:]))

    # ------------------------------------------------------------------ footnotes
    def footnote_rule(self, line: SourceLine, decision: Decision) -> None:
        self.flow.mode = Mode.RULE_FOOTNOTES

    def footnote(self, line: SourceLine, decision: Decision) -> None:
        found = decision.found if isinstance(decision.found, re.Match) else None
        unit = new_unit("footnote", line, found.group("text") if found else decision.text)
        unit.number = footnote_number(found)
        self.add(unit)

    def numbered_footnote(self, line: SourceLine, decision: Decision) -> None:
        self.footnote(line, decision)
        self.flow.next_footnote = int(self.units[-1].number) + 1
        self.flow.footnotes_may_restart = False
        self.flow.mode = Mode.NUMBERED_FOOTNOTE

    def footnote_item(self, line: SourceLine, decision: Decision) -> None:
        self.units[-1].append(line, decision.text, joiner=lambda a, b: f"{a}\n{b}")

    # ------------------------------------------------------------------ continuations
    def title_continues(self, line: SourceLine, decision: Decision) -> None:
        self.append_to_last(line, decision)
        self.flow.title_lines += 1
        if self.flow.title_lines < CHAPTER_TITLE_LINES:
            self.flow.mode = Mode.TITLE

    def wrap_continues(self, line: SourceLine, decision: Decision) -> None:
        self.append_to_last(line, decision)
        if self.measures.wraps(line, decision.text):
            self.flow.mode = Mode.WRAP

    def url_continues(self, line: SourceLine, decision: Decision) -> None:
        """A URL wrapped from the line above is glued to it; a labelled one
        (``URL：https://…``) goes on a line of its own."""
        labelled = LABELLED_URL.match(decision.text) is not None
        self.units[-1].append(line, decision.text,
                              joiner=(lambda a, b: f"{a}\n{b}") if labelled else (lambda a, b: a + b))
        self.flow.mode = Mode.SOURCE

    def note_item(self, line: SourceLine, decision: Decision) -> None:
        unit = new_unit("note", line, decision.text)
        unit.figure_key = self.units[-1].figure_key
        self.figures.region.append(self.add(unit))
        self.flow.mode = Mode.NOTES

    def note_continues(self, line: SourceLine, decision: Decision) -> None:
        self.append_to_last(line, decision)
        self.flow.mode = Mode.NOTES

    def caption_continues(self, line: SourceLine, decision: Decision) -> None:
        self.append_to_last(line, decision)
        self.flow.mode = Mode.CAPTION

    def link_text(self, line: SourceLine, decision: Decision) -> None:
        self.figure_text(line, decision)
        self.flow.mode = Mode.CAPTION

    # ------------------------------------------------------------------ labelled lines
    def heading(self, line: SourceLine, decision: Decision) -> None:
        heading = decision.found
        assert isinstance(heading, HeadingMatch)
        if heading.label:          # an unnumbered heading leaves the numbering as it was
            self.flow.outline.accept(heading)
            if line.size is not None:
                self.flow.size_levels.setdefault(round(line.size, 1), heading.level)
        if heading.level <= 2:
            self.flow.footnotes_may_restart = True
        self.close_region()
        if self.flow.open_body is not None:
            self.end_body()
        unit = new_unit("heading", line, heading.title)
        unit.heading = heading
        unit.flag = decision.flag
        self.add(unit)
        self.flow.in_flow = True
        self.figures.close()
        if heading.label and not heading.title:
            self.flow.mode, self.flow.title_lines = Mode.TITLE, 0
        elif self.measures.wraps(line, decision.text):
            self.flow.mode = Mode.WRAP

    def caption(self, line: SourceLine, decision: Decision) -> None:
        caption = decision.found
        assert isinstance(caption, CaptionMatch)
        unit = new_unit("caption", line, caption.title)
        unit.caption = caption
        index = self.add(unit)
        unit.figure_key = index
        figures = self.figures
        if not any(self.units[i].kind == "caption" for i in figures.region):
            for i in figures.region:     # text read before the caption belongs to it
                if self.units[i].figure_key is None or i in figures.guessed:
                    self.units[i].figure_key = index
        self.claim_named_source(index)
        figures.region.append(index)
        figures.figure, figures.table_open = index, caption.kind == "table"
        figures.last_caption = index
        figures.captions.append(index)
        self.flow.in_flow = False
        wraps = (self.measures.wraps(line, decision.text)
                 and self.measures.layout.footnotes != "hinted")
        self.flow.mode = Mode.WRAP if wraps else Mode.CAPTION

    def source(self, line: SourceLine, decision: Decision) -> None:
        self.title_before_source()
        unit = new_unit("source", line, decision.text)
        unit.figure_key = self.source_owner(line)
        self.add_to_region(unit)
        if unit.figure_key is None:
            self.figures.unowned.append(len(self.units) - 1)
        self.flow.mode, self.flow.source = Mode.SOURCE, unit

    def claim_named_source(self, index: int) -> None:
        """A caption printed below its figure takes a source read before it on its page
        while no figure was open, when that source names its label (a source set beside
        the figure: ``出典：[図1-3-14]…`` over ``図1-3-14　暫定施工断面``)."""
        caption = self.units[index]
        label = unicodedata.normalize("NFKC", caption.caption.label) if caption.caption else ""
        if not label:
            return
        for i in self.figures.unowned:
            source = self.units[i]
            if (source.figure_key is None and source.first.page_index == caption.first.page_index
                    and label in unicodedata.normalize("NFKC", source.text)):
                source.figure_key = index
                self.figures.sourced.add(index)
                break
        self.figures.unowned = [i for i in self.figures.unowned
                                if self.units[i].figure_key is None]

    def title_before_source(self) -> None:
        """The figure title a source line follows where no numbered label was printed
        (``【関連データ】主要国の研究開発費の総額の推移`` then ``出典：…``): a body
        paragraph of one line, not a sentence, two letters at least, right before the
        source, while no figure waits for its source, becomes a caption with an empty
        label and number (the figure's ``flag`` says ``unlabelled``)."""
        if not self.units or (self.figures.figure is not None
                              and self.figures.figure not in self.figures.sourced):
            return
        index, last = len(self.units) - 1, self.units[-1]
        text = last.text
        if (last.kind != "body" or len(last.lines) != 1 or last.flag or last.markers
                or not text or text[-1] in SENTENCE_END or "。" in text
                or len(text) > UNLABELLED_TITLE_MAX_CHARS
                or sum(ch.isalpha() for ch in text) < 2):   # a table's last cell: ``5.3``
            return
        last.kind, last.figure_key = "caption", index
        last.caption = CaptionMatch("figure", "", "", text)
        if self.flow.open_body is last:
            self.end_body()
        self.figures.figure, self.figures.table_open = index, False
        self.figures.last_caption = index
        self.figures.captions.append(index)
        self.flow.in_flow = False

    def source_continues(self, line: SourceLine, decision: Decision) -> None:
        assert self.flow.source is not None
        self.flow.source.append(line, decision.text)
        self.flow.mode = Mode.SOURCE

    def source_owner(self, line: SourceLine) -> int | None:
        """The caption a source line belongs to: the open figure, or, where figures are
        set side by side (captions on the line's page still without a source), the one
        whose left edge is nearest the line's (within an em, the latest)."""
        page, x0 = line.page_index, line.x0
        open_captions = [i for i in reversed(self.figures.captions)
                         if self.units[i].first.page_index == page
                         and i not in self.figures.sourced
                         and self.units[i].lines[0].x0 is not None]
        if len(open_captions) < 2 or x0 is None or page is None:
            owner = self.figures.figure
        else:
            em = line.size or 10.0
            owner = min(open_captions, key=lambda i: (
                round(abs((self.units[i].lines[0].x0 or 0.0) - x0) / em), -i))
        if owner is not None:
            self.figures.sourced.add(owner)
        return owner

    def note(self, line: SourceLine, decision: Decision) -> None:
        unit = new_unit("note", line, decision.text)
        self.place_in_figure(unit, line)
        self.add_to_region(unit)
        self.flow.mode = Mode.NOTES

    def column_label(self, line: SourceLine, decision: Decision) -> None:
        """A boxed column's label: the figure open before it is done (its notes and words
        are not the column's)."""
        self.add_to_region(new_unit("column", line, decision.text))
        self.figures.close()

    def box_text(self, line: SourceLine, decision: Decision) -> None:
        unit = new_unit(line.hint, line, decision.text)
        if line.hint in ("figure_text", "table_text"):
            self.place_in_figure(unit, line)
        self.add_to_region(unit)

    def figure_text(self, line: SourceLine, decision: Decision) -> None:
        figures = self.figures
        table = figures.table_open and figures.figure is not None
        unit = new_unit("table_text" if table else "figure_text", line, decision.text)
        self.place_in_figure(unit, line)
        self.add_to_region(unit)


# What the builder does with a line of each role; body lines go to the layout's joiner.
ACTIONS: dict[Role, Callable[[Builder, SourceLine, Decision], None]] = {
    Role.FOOTNOTE_RULE: Builder.footnote_rule,
    Role.FOOTNOTE: Builder.footnote,
    Role.FOOTNOTE_CONTINUES: Builder.append_to_last,
    Role.NUMBERED_FOOTNOTE: Builder.numbered_footnote,
    Role.FOOTNOTE_ITEM: Builder.footnote_item,
    Role.TITLE_CONTINUES: Builder.title_continues,
    Role.WRAP_CONTINUES: Builder.wrap_continues,
    Role.URL_CONTINUES: Builder.url_continues,
    Role.SOURCE_CONTINUES: Builder.source_continues,
    Role.NOTE_ITEM: Builder.note_item,
    Role.NOTE_CONTINUES: Builder.note_continues,
    Role.CAPTION_CONTINUES: Builder.caption_continues,
    Role.LINK_TEXT: Builder.link_text,
    Role.HEADING: Builder.heading,
    Role.CAPTION: Builder.caption,
    Role.SOURCE: Builder.source,
    Role.NOTE: Builder.note,
    Role.COLUMN_LABEL: Builder.column_label,
    Role.BOX_TEXT_CONTINUES: Builder.append_to_last,
    Role.REFERENCE_CONTINUES: Builder.append_to_last,
    Role.BOX_TEXT: Builder.box_text,
    Role.FIGURE_TEXT: Builder.figure_text,
}
