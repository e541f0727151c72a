"""What is printed next to a table on a page: the caption labels that open a printed
line (``find_captions``, by the caption grammar of ``pipeline/data/caption_labels.tsv``),
the nearest above a table (``caption_above``) and the nearest on either side with no
other table between (``caption_gaps``), and the table's unit line (``unit_line_near``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.common.caption_grammar import caption_grammar, read_label
from pipeline.extract.pdf.chars import Char
from pipeline.extract.pdf.glyph_index import GlyphIndex, glyphs_in_band, glyphs_in_box
from pipeline.extract.pdf.table_cell_text import cell_line_to_text, chars_to_lines
from pipeline.extract.pdf.table_settings import TableFinderSettings

_CAPTION_PREFIX = frozenset("■□◆◇●○▲△▼▽【")


@dataclass(frozen=True)
class Caption:
    """A caption label on a page, in page coordinates (points from top-left)."""

    label: str
    x0: float
    top: float
    bottom: float
    kind: str = "table"     # figure or table, by the caption grammar


def _is_word_char(text: str) -> bool:
    return bool(text) and unicodedata.category(text[0])[0] in "LN"


def find_captions(chars: Sequence[Char], settings: TableFinderSettings,
                  kinds: tuple[str, ...] = ("table",)) -> list[Caption]:
    """Caption labels of ``kinds`` that open their printed line (``■第１-１-５表／…``;
    with ``figure``, ``図表1-1`` too), not references in running text
    (``（第１-２-３表）``, ``第１-２-６表のとおり``). The kind is the caption grammar's;
    a label the grammar does not read (a pattern of one's own) is a table."""
    joined = "".join(c.text[:1] or " " for c in chars)
    found: list[Caption] = []
    for match in re.finditer(settings.caption_pattern, joined):
        start, end = match.start(), match.end()
        first = chars[start]
        if start > 0:
            prev = chars[start - 1]
            same_line = abs(prev.top - first.top) < first.height / 2
            if same_line and (_is_word_char(prev.text) and prev.text not in _CAPTION_PREFIX
                              or prev.text in "（(「『"):
                continue
        if end < len(chars) and "\u3041" <= chars[end].text[:1] <= "\u3096":
            continue
        run = chars[start:end]
        label = re.sub(r"\s+", "", match.group())
        kind = label_kind(label)
        if kind in kinds:
            found.append(Caption(label, first.x0, min(c.top for c in run),
                                 max(c.bottom for c in run), kind))
    return found


def label_kind(label: str) -> str:
    """``figure`` or ``table``: the kind the caption grammar gives a whole label."""
    grammar = caption_grammar()
    found = re.fullmatch(grammar.label(), label)
    return read_label(found, grammar).kind if found else "table"


def caption_above(bbox: Sequence[float], captions: Sequence[Caption]) -> str | None:
    """The label of the caption printed nearest above the table (at most its top)."""
    above = [c for c in captions if c.top <= bbox[1] + 2.0 and c.x0 <= bbox[2]]
    return max(above, key=lambda c: c.bottom).label if above else None


def caption_gaps(bbox: Sequence[float], captions: Sequence[Caption],
                 tables: Sequence[Sequence[float]]) -> dict[str, Any]:
    """The table captions printed next to the table, with no other table between: the
    nearest above and the nearest below, each with its gap in points (``None`` when
    there is none). Which side names the table is decided for the whole document by the
    tables stage (``from_pdf.caption_side``)."""
    def clear(top: float, bottom: float) -> bool:
        return not any(t[1] >= top - 2.0 and t[3] <= bottom + 2.0 for t in tables
                       if list(t) != list(bbox))

    def beside(c: Caption) -> bool:
        return c.x0 <= bbox[2]

    above = [c for c in captions if beside(c) and c.bottom <= bbox[1] + 2.0
             and clear(c.bottom, bbox[1])]
    below = [c for c in captions if beside(c) and c.top >= bbox[3] - 2.0
             and clear(bbox[3], c.top)]
    near_above = max(above, key=lambda c: c.bottom, default=None)
    near_below = min(below, key=lambda c: c.top, default=None)
    return {"caption_gap": None if near_above is None else round(bbox[1] - near_above.bottom, 2),
            "caption_below": None if near_below is None else near_below.label,
            "caption_below_gap": None if near_below is None else round(near_below.top - bbox[3], 2)}


# ``単位`` and its units parted by a colon, or by white space alone (``（単位　億円・％）``,
# as 地方財政白書 prints it), which the line's text (``cell_line_to_text``) leaves out
UNIT_LINE = re.compile(r"[（(]\s*単位\s*[：:]?\s*[^（）()]{1,20}?\s*[）)]")
UNIT_LINE_REACH = 3.0    # × the table's type size: how far from it its unit line stands


def unit_line_near(bbox: Sequence[float], index: GlyphIndex,
                   boxes: Sequence[Sequence[float]], settings: TableFinderSettings,
                   ) -> str | None:
    """The unit line printed with a table (``（単位：億円、％）``): ending the nearest line
    above it within ``UNIT_LINE_REACH`` of its type size and within its width (alone, or
    after its caption), or, when that line is its caption, the nearest line above the
    caption as near; else the nearest line under it, when no other table starts right
    under that; None when there is none."""
    inside = [c.size for c in glyphs_in_box(index, bbox)]
    if not inside:
        return None
    reach = UNIT_LINE_REACH * sorted(inside)[len(inside) // 2]
    x0, top, x1, bottom = bbox

    def lines_in(low: float, high: float) -> list[list[Char]]:
        near = [c for c in glyphs_in_band(index, low, high, closed=False)
                if x0 - 2.0 <= c.xmid <= x1 + 2.0]
        return chars_to_lines(near, settings.line_overlap)

    above = lines_in(top - reach, top)[::-1]
    if above and opens_with_caption(cell_line_to_text(above[0], settings.space_gap), settings):
        head = min(c.top for c in above[0])      # the caption: its unit line may stand over it
        above = [above[0], *lines_in(head - reach, head)[::-1][:1]]
    below = lines_in(bottom, bottom + reach)
    if any(bottom < b[1] <= bottom + 2 * reach for b in boxes if list(b) != list(bbox)):
        below = []
    for line in [*above[:2], *below[:1]]:
        text = cell_line_to_text(line, settings.space_gap).rstrip()
        found = UNIT_LINE.search(text)
        if found and found.end() == len(text):     # the line's end, not inside a sentence
            return found.group()
    return None


def opens_with_caption(text: str, settings: TableFinderSettings) -> bool:
    """The printed line opens with a caption label (after a mark such as ``■``)."""
    return re.match(settings.caption_pattern, text.lstrip("".join(_CAPTION_PREFIX))) is not None
