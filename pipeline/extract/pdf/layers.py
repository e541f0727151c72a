"""Two texts printed on one band, read apart: rows → rows, then runs.

Some PDFs leave a figure's own words under a layout's banner or caption (the figure
was pasted with its text layer): read by overlap, the banner's caption and the hidden
words share a row and come out interleaved glyph by glyph (``図※表き出し-は3…``).
``separate_layers`` finds such rows by what they look like, measured on the row alone
(small glyphs printing over large ones again and again, which one line of text never
does) and rebuilds the rows of that band from its large and its small glyphs apart.
"""

from __future__ import annotations

from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.glyph_rows import chars_to_rows, row_to_runs
from pipeline.extract.pdf.layout import SIZE, X0, Run, band_of
from pipeline.extract.pdf.settings import PdfSettings

INTERLEAVE_RATIO = 0.8   # glyphs smaller than this share of the row's largest: another layer
INTERLEAVE_MIN = 3       # … that print over the row's glyphs this many times at least


def is_interleaved(row: list[Char]) -> bool:
    """The row's small glyphs print over its large ones again and again: two texts on
    one band (a figure's own words left under a caption banner). A smaller glyph set
    beside a line's (a unit, a marker) never overlaps its neighbours."""
    if len(set(map(SIZE, row))) == 1:
        return False        # one size (9 rows in 10): no glyph is smaller, read in C
    glyphs = [c for c in row if not c.text.isspace()]
    sizes = [c.size for c in glyphs]
    largest = max(sizes, default=0.0)
    if min(sizes, default=largest) >= INTERLEAVE_RATIO * largest:
        return False        # no smaller glyph (most rows): nothing to sort and count
    glyphs.sort(key=X0)
    small = [c.size < INTERLEAVE_RATIO * largest for c in glyphs]
    overprints = sum(1 for i in range(len(glyphs) - 1)
                     if small[i] != small[i + 1] and overlap_x(glyphs[i], glyphs[i + 1]))
    return overprints >= INTERLEAVE_MIN


def overlap_x(a: Char, b: Char) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0.3 * min(a.x1 - a.x0, b.x1 - b.x0)


def separate_layers(rows: list[list[Char]], min_overlap: float) -> list[list[Char]]:
    """Rows again, where a row is two texts on one band (``is_interleaved``): the glyphs
    of every row with its middle on that band are pooled, and the large and the small
    ones are made into rows apart (a glyph one text pushed out of its row comes back)."""
    out = list(rows)
    for row in rows:
        if not is_interleaved(row) or not any(r is row for r in out):
            continue
        largest = max(c.size for c in row)
        top, bottom = band_of(row)
        touched = [r for r in out
                   if any(top <= (c.top + c.bottom) / 2 <= bottom for c in r)]
        pool = [c for r in touched for c in r]
        out = [r for r in out if not any(r is t for t in touched)]
        large = [c for c in pool if c.size >= INTERLEAVE_RATIO * largest or c.text.isspace()]
        small = [c for c in pool if c.size < INTERLEAVE_RATIO * largest
                 and not c.text.isspace()]
        out += chars_to_rows(large, min_overlap) + chars_to_rows(small, min_overlap)
    return out


def chars_to_runs(chars: list[Char], settings: PdfSettings) -> list[Run]:
    rows = separate_layers(chars_to_rows(chars, settings.row_overlap), settings.row_overlap)
    return [run for i, row in enumerate(rows)
            for run in row_to_runs(row, i, settings.segment_gap)]
