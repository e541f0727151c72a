"""Headings evidenced by their numbering, measured over the whole chapter.

Type alone does not tell every heading: a ministry may set its ``①`` sub-heads in bold
type smaller than the body, or in the body's own type, and an excerpt of a chapter
starts at ``２`` or ``（２）`` where the outline expects 1. The numbering does: the
lines of one scheme (``①``, ``（１）``, ``１``, ``(a)`` …) set in one type, numbered in
order (``②`` after ``①``, or ``３`` after ``２``), each standing alone (a short title,
no sentence, not a full body line) and each followed by running text before the next
(sub-headings of another scheme may come between), or by a figure or table, or by a
heading whose label names it as parent (a manual's ``2．`` over ``2－1`` and a figure).
Manuals number sections ``1．`` and ``2－1`` (``1-1-1``): schemes with no level of
their own, whose hierarchical labels repeat the number of the section they are in
(``labelled_roles.numbered_heading`` checks it against the open outline).
A list of items (``①…`` ``②…`` with no text between) is no such sequence; nor is a
figure's numbering (lines the adapter placed in a box, or in other type with no text
between).

Text formats (``pdf-text``, ``html-text``) carry no type: there the outline reads the
schemes with a level of their own, and a run gives only the schemes with none (``①``,
``(a)``, ``1．``, ``第1``, ``2－1``), and only a run that opens at 1, of two members at
least (or one whose label names its open parent, ``2－1`` alone under ``2．``), each
standing alone and heading text (a line that ends a sentence, or a full
printed line); running text is any such line.

``numbered_headings`` reads the lines once, before they are assembled, and gives the
lines of such runs with the heading each would be and whether it opens its run; the
roles accept them where the outline allows (``labelled_roles.heading_role``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.common.text import ascii_digits, display_width
from pipeline.schemas import SourceLine
from pipeline.structure.body_measures import CONTINUATION_SHARE, SIZE_TOLERANCE, WIDTH_SLACK
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
    ordinal_in_place,
)

FIGURE_HINTS = ("figure_text", "table_text")   # a figure or table the heading heads
MIN_RUN = 2        # members of a run in order before the numbering is evidence


@dataclass(frozen=True, slots=True)
class Numbered:
    """A line of a numbering run: the heading it is (level 0: the outline decides) and
    whether it opens the run (its number need not follow the outline's: ``２`` first)."""

    heading: HeadingMatch
    scheme: str
    opens_run: bool


LineKey = tuple[int | None, int]


def line_key(line: SourceLine) -> LineKey:
    return (line.page_index, line.line)


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int                 # into the chapter's lines
    heading: HeadingMatch
    scheme: str
    type_key: tuple[float, bool]


def numbered_headings(lines: Sequence[SourceLine], width: int, body_size: float | None,
                      ) -> dict[LineKey, Numbered]:
    """The lines that runs of numbered lines show to be headings (see the module's
    docstring), keyed by ``line_key``. In text (``body_size`` None) only what the module's docstring says text allows."""
    typed = body_size is not None
    candidates = [c for i, line in enumerate(lines)
                  if (c := candidate(i, line, width, typed)) is not None]
    found: dict[LineKey, Numbered] = {}
    for run in runs(candidates):
        if len(run) < min_run(run) or not heads_text(
                run, run_ends(run, candidates, len(lines)), lines, width, body_size):
            continue
        if not typed and in_run_order(run[0], run).ordinal != 1:
            continue           # text: an excerpt's run opening at 2 is no evidence enough
        for k, member in enumerate(run):
            found[line_key(lines[member.index])] = Numbered(
                in_run_order(member, run) if k == 0 else member.heading, member.scheme, k == 0)
    return found


def min_run(run: Sequence[Candidate]) -> int:
    """Members a run needs: ``MIN_RUN``; one where it opens at 1 with a hierarchical label
    (``1-2-1`` alone under ``1-2``: its label repeats its parents' numbers, checked in
    the outline)."""
    first = run[0].heading
    return 1 if label_parents(first.label) and first.ordinal == 1 else MIN_RUN


def heads_text(run: Sequence[Candidate], ends: Sequence[int], lines: Sequence[SourceLine],
               width: int, body_size: float | None) -> bool:
    """Each member of the run heads something before its end (``heads``), and running
    text follows one of them at least (a run of labels over figures alone is the figures'
    numbering), unless the labels name their parents (``2－1``: checked in the outline)."""
    spans = [range(member.index + 1, end) for member, end in zip(run, ends, strict=True)]
    if not all(any(heads(member, lines[i], width, body_size) for i in span)
               for member, span in zip(run, spans, strict=True)):
        return False
    return bool(label_parents(run[0].heading.label)) or any(
        is_running_text(lines[i], width, body_size) for span in spans for i in span)


def in_run_order(first: Candidate, run: Sequence[Candidate]) -> HeadingMatch:
    """The first member's heading, numbered as its run counts: ``(イ)`` before ``(ロ)``
    opens the older order, 1st (before ``(ウ)`` it is the 2nd of ア イ ウ)."""
    ordinal = ordinal_in_place(first.heading, None)
    if ordinal != first.heading.ordinal and run[1:] and run[1].heading.ordinal == ordinal + 1:
        return replace(first.heading, ordinal=ordinal)
    return first.heading


def run_ends(run: Sequence[Candidate], candidates: Sequence[Candidate], end: int) -> list[int]:
    """Where the text each member of a run heads may end: the next member; after the
    last, the next line of its scheme and type, or ``end``. (Sub-headings of another
    scheme may come between: ``①`` then ``(a)`` then text.)"""
    last = run[-1]
    after = next((c.index for c in candidates if c.index > last.index
                  and (c.scheme, c.type_key) == (last.scheme, last.type_key)), end)
    return [c.index for c in run[1:]] + [after]


def candidate(index: int, line: SourceLine, width: int, typed: bool = True,
              ) -> Candidate | None:
    """A line in the flow (no adapter hint, in no box) that opens with a numbering label
    below 節 and stands alone: a short title, not a sentence, narrower than a full line.
    In text (not ``typed``) only a label of a scheme with no level of its own."""
    if line.hint or line.extras.get("box") or (typed and line.size is None):
        return None
    text = line.text.strip()
    heading = (match_heading(text) if typed else None) or match_free_level_heading(text)
    if heading is None or 0 < heading.level <= 2 or not is_heading_title(heading.title):
        return None
    if width and display_width(text) >= width - WIDTH_SLACK:
        return None
    type_key = (round(line.size, 1), bool(line.extras.get("bold"))) if line.size is not None else (0.0, False)
    return Candidate(index, heading, label_shape(heading.label), type_key)


def runs(candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """Candidates of one scheme and type, in reading order, cut where a number does not
    follow the one before (``①②③`` ``①②``: two runs)."""
    open_runs: dict[tuple[str, tuple[float, bool]], list[Candidate]] = {}
    closed: list[list[Candidate]] = []
    for c in candidates:
        key = (c.scheme, c.type_key)
        run = open_runs.get(key)
        if run is not None and follows(c, run):
            run.append(c)
            continue
        if run is not None:
            closed.append(run)
        open_runs[key] = [c]
    return closed + list(open_runs.values())


def follows(c: Candidate, run: Sequence[Candidate]) -> bool:
    """``c``'s number is the next after the run's last: ``②`` after ``①``, ``(ロ)``
    after ``(イ)``, ``2－3`` after ``2－2`` (the same parents: not after ``1－2``)."""
    before = run[-1].heading
    ordinals = {before.ordinal, ordinal_in_place(before, None) if len(run) == 1 else -1}
    return (c.heading.ordinal - 1 in ordinals
            and label_parents(c.heading.label) == label_parents(before.label))


def heads(member: Candidate, line: SourceLine, width: int, body_size: float | None) -> bool:
    """``line``, after a member of a run, is what a heading heads: running text, a
    figure or table (its caption, or a line the adapter placed in one), or a heading
    whose label names the member as its parent (``2－1`` under ``2．``: a section of
    headings and figures only)."""
    if is_running_text(line, width, body_size):
        return True
    if line.hint in FIGURE_HINTS:
        return True
    if line.hint or line.extras.get("box"):
        return False
    text = line.text.strip()
    if match_caption(text) is not None:
        return True
    child = match_free_level_heading(text)
    own = tuple(int(n) for n in re.findall(r"\d+", ascii_digits(member.heading.label)))
    return child is not None and bool(own) and label_parents(child.label) == own


def is_running_text(line: SourceLine, width: int, body_size: float | None) -> bool:
    """A line of body text: in the flow, in body type (``body_size``; None: text, no
    type), a full line or a sentence's end."""
    if line.hint or line.extras.get("box"):
        return False
    if body_size is not None and (line.size is None
                                  or abs(line.size - body_size) > SIZE_TOLERANCE):
        return False
    text = line.text.strip()
    if body_size is None and is_figure_furniture(text):
        return False     # text has no type to set a figure's notes apart from the body
    return bool(text) and (text[-1] in SENTENCE_END
                           or (width > 0 and display_width(text) >= width * CONTINUATION_SHARE))


def is_figure_furniture(text: str) -> bool:
    """A caption, a note or a source line: no running text, though it ends a sentence."""
    return bool(opens_figure_note(text) or opens_source(text) or match_caption(text))
