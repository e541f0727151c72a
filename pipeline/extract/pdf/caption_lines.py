"""Caption labels printed apart from their titles, joined by geometry.

Many layouts set a figure's label in a box or banner of its own (``図表1-1``) with the
title beside it, in another box or frame, on one line or two centred on the label's
middle. Read as runs, the label stands alone and its title is a line of body-size
text that joins whatever is read before it. ``join_caption_runs`` finds each run that
is a label of the caption grammar (``pipeline/data/caption_labels.tsv``) and nothing
else, takes the runs beside it to its right (starting within ``TITLE_MAX_GAP`` em of
its end, their middles within ``TITLE_BAND`` of its height from its middle, left edges
aligned, no other label in between) and makes one line of them: label, then the title
lines top to bottom. Nothing of one document's strings or positions is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pipeline.common.caption_grammar import Label, caption_grammar, read_label
from pipeline.extract.pdf.layout import TEXT, Line, Run, dominant_size

TITLE_MAX_GAP = 4.0      # em of the label: widest gap between label and title
TITLE_BAND = 1.0         # label heights: a title line's middle this near the label's
TITLE_MAX_LINES = 3      # a title beside a label wraps onto this many lines at most
ALIGN = 1.0              # em: the title's lines start at the same x within this
MIN_SIZE_RATIO = 0.7     # a title is set at least this large relative to its label
SIZE_TOLERANCE = 0.05    # the lines of one title share a type size within this share
OVERPRINT = 0.5          # two labels whose boxes overlap by this share of the smaller one


@cache
def bare_label_pattern() -> re.Pattern[str]:
    """A label of the grammar alone, with a mark before or a separator after it."""
    grammar = caption_grammar()
    return re.compile(rf"^[\s{re.escape(grammar.marks)}]*(?:{grammar.label()})"
                      rf"\s*[{re.escape(grammar.separators)}]?\s*$")


def run_text(run: Run) -> str:
    return "".join(map(TEXT, run.chars))


def is_bare_label(run: Run) -> bool:
    return bare_label_pattern().match(run_text(run)) is not None


def middle(run: Run) -> float:
    return (run.top + run.bottom) / 2


def title_runs(label: Run, runs: Sequence[Run], labels: Sequence[Run]) -> list[Run]:
    """The runs that make the label's title, top to bottom (empty when none)."""
    height = label.bottom - label.top
    reach = label.x1 + TITLE_MAX_GAP * label.size
    beside = [r for r in runs
              if r is not label and label.x1 - 0.5 <= r.x0 <= reach
              and abs(middle(r) - middle(label)) <= TITLE_BAND * height
              and r.size >= MIN_SIZE_RATIO * label.size
              and not any(o is not label and label.x1 <= o.x0 <= r.x0 for o in labels)]
    if not beside:
        return []
    # the title is in the type nearest the label's (not a figure's own words left
    # under the banner), then the run that starts nearest the label
    nearest = min(beside, key=lambda r: (round(abs(r.size - label.size), 1), r.x0,
                                         abs(middle(r) - middle(label))))
    aligned = sorted((r for r in beside if abs(r.x0 - nearest.x0) <= ALIGN * nearest.size
                      and abs(r.size - nearest.size) <= SIZE_TOLERANCE * nearest.size),
                     key=lambda r: r.top)
    lines = [aligned[0]]
    for run in aligned[1:]:              # stacked lines, no blank line between them
        if run.top - lines[-1].bottom <= 0.5 * run.size and len(lines) < TITLE_MAX_LINES:
            lines.append(run)
    return lines


def caption_line(label: Run, title: Sequence[Run], box: int = -1) -> Line:
    """One line of the label and its title, glyphs in reading order (a title on two
    lines follows on from its first line: its glyphs are not re-sorted by x)."""
    chars = label.chars + tuple(c for run in title for c in run.chars)
    return Line(chars=chars, box=box, rubies=label.rubies + tuple(rb for r in title
                                                                   for rb in r.rubies),
                x0=label.x0, x1=max(r.x1 for r in (label, *title)), top=label.top,
                bottom=label.bottom, size=dominant_size(chars))


def overlap_share(a: Run, b: Run) -> float:
    """The share of the smaller run's box that the two runs' boxes share."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top))
    return width * height / max(smaller, 1e-6)


def label_of(run: Run) -> Label | None:
    """The label a bare-label run holds (kind, label, normalised number)."""
    found = bare_label_pattern().match(run_text(run))
    return read_label(found, caption_grammar()) if found else None


def same_label(a: Run, b: Run) -> bool:
    """``図表2-1`` and ``図表２－１``: the same kind and number, whatever the digits."""
    la, lb = label_of(a), label_of(b)
    return la is not None and lb is not None and (la.kind, la.number) == (lb.kind, lb.number)


def split_overprints(labels: list[Run]) -> tuple[list[Run], list[Run]]:
    """(labels, overprints): a label printed over another with the same number (a
    figure's own label left under the layout's banner) is an overprint; of the two, the
    heavier, then the larger, is the label. The boxes' overlap is measured first: it
    is arithmetic, where each label is read by a pattern match (most pairs do not
    overlap)."""
    ranked = sorted(labels, key=lambda r: (-sum(c.bold for c in r.chars) / len(r.chars),
                                           -r.size, r.top, r.x0))
    kept: list[Run] = []
    over: list[Run] = []
    for run in ranked:
        if any(overlap_share(run, k) >= OVERPRINT and same_label(run, k)
               for k in kept):
            over.append(run)
        else:
            kept.append(run)
    return kept, over


def join_caption_runs(runs: Sequence[Run],
                      ) -> tuple[list[Run], list[tuple[Run, Line]], list[Run]]:
    """(the runs left, (label run, caption line) for each label joined to its title,
    the overprinted labels taken out). A label with no title beside it stays a run."""
    labels, overprints = split_overprints([r for r in runs if is_bare_label(r)])
    if not labels:
        return list(runs), [], []
    runs = [r for r in runs if all(r is not o for o in overprints)]
    taken: set[int] = {id(r) for r in labels}
    joined: list[tuple[Run, Line]] = []
    for label in sorted(labels, key=lambda r: (r.top, r.x0)):
        title = [r for r in title_runs(label, runs, labels) if id(r) not in taken]
        if not title:
            taken.discard(id(label))
            continue
        taken |= {id(r) for r in title}
        joined.append((label, caption_line(label, title)))
    return [r for r in runs if id(r) not in taken], joined, overprints
