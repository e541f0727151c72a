"""Measures of a chapter's body text, taken before its lines are assembled: the printed
width of a full body line and the commonest type size.
"""

from __future__ import annotations

from collections import Counter

from pipeline.common.text import display_width
from pipeline.schemas import SourceLine

WIDTH_SLACK = 4            # a full line may fall short of the body width by this much
CONTINUATION_SHARE = 0.75  # a line inside a paragraph is at least this share of the width
SIZE_TOLERANCE = 0.3       # points: type sizes this close are one size


def body_width(lines: list[SourceLine]) -> int:
    """The printed width of a full body line: the commonest width of wrapped lines, in
    the band of ``WIDTH_SLACK`` that holds most of them (full lines differ by a column
    or two where half-width figures fall at the end, so a short chapter may have few
    lines of any one width; a wrapped heading's first line is not the measure)."""
    widths = Counter(width for line in lines
                     if not line.hint and not line.text.endswith(" ")
                     and (width := display_width(line.text.strip())) >= 40)
    if not widths:
        return 0
    def band(top: int) -> int:
        return sum(widths[w] for w in range(top - WIDTH_SLACK, top + 1))
    top = max(widths, key=lambda w: (band(w), w))
    return max((w for w in widths if top - WIDTH_SLACK <= w <= top),
               key=lambda w: (widths[w], w))


def body_size(lines: list[SourceLine]) -> float | None:
    """The commonest type size of unhinted lines, where the source gives sizes."""
    sizes = Counter(round(line.size, 1) for line in lines if line.size and not line.hint)
    return sizes.most_common(1)[0][0] if sizes else None


def set_heavier(line: SourceLine, width: int) -> bool:
    """The line is set in a heavier face than the body's: a bold face or fake bold
    (``bold``), or, short of a full line (``width``: ``body_width``, 0 when unknown), a
    face that reads heavier than the body's at its size (``other_face``: the PDF
    adapter's gothic over a mincho body, ``extract.pdf.columns.document_type``;
    a whole line so set is a sub-head, a full one an emphasised sentence)."""
    if line.extras.get("bold"):
        return True
    return bool(line.extras.get("other_face")) and (
        width <= 0 or display_width(line.text.strip()) < width - WIDTH_SLACK)
