"""A ruled table's corner cell split by a diagonal rule (斜線): the words under the rule
name the first column, the rows' labels (``項目``, ``区分``), those over it name what the
heads across are (``設計範囲``, ``年度``). Read whole, the cell glues two names into one
(``設計範囲項目``); the first column is named by the words under the rule, and the
words over it are kept in the record's ``corner_heads``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.extract.pdf.chars import Char

Rule = tuple[float, float, float, float]   # left end (x, top), right end (x, top)
BBox = tuple[float, float, float, float]
Cells = list[list[list[Char] | None]]


def falling_rules(page: Any, origin: tuple[float, float], min_extent: float) -> list[Rule]:
    """The page's straight lines that fall from their left end to their right end, both
    ways at least ``min_extent`` points, in points from the page's top-left."""
    found: list[Rule] = []
    for line in page.lines:
        pts = line.get("pts") or ()
        if len(pts) != 2:
            continue
        (ax, ay), (bx, by) = sorted((float(x), float(y)) for x, y in pts)
        if bx - ax >= min_extent and by - ay >= min_extent:
            found.append((ax - origin[0], ay - origin[1], bx - origin[0], by - origin[1]))
    return found


def is_corner_diagonal(rule: Rule, box: BBox, slack: float) -> bool:
    """The rule runs from the box's top-left corner to its bottom-right one."""
    return all(abs(a - b) <= slack for a, b in zip(rule, box, strict=True))


def under_rule(char: Char, rule: Rule) -> bool:
    """The glyph's middle lies below the rule (on its bottom-left side)."""
    x0, y0, x1, y1 = rule
    at = y0 + (char.xmid - x0) * (y1 - y0) / (x1 - x0)
    return (char.top + char.bottom) / 2 > at


def split_corner(grid: Sequence[Sequence[BBox | None]], cells: Cells,
                 rules: Sequence[Rule], slack: float) -> tuple[Cells, list[Char]]:
    """``cells`` with the top-left cell holding only the glyphs under its diagonal, and
    the glyphs over it; unchanged (and no glyphs) when no rule crosses that cell corner
    to corner or one side of it is blank."""
    box = grid[0][0] if grid and grid[0] else None
    glyphs = cells[0][0] if cells and cells[0] else None
    if box is None or not glyphs:
        return cells, []
    rule = next((r for r in rules if is_corner_diagonal(r, box, slack)), None)
    if rule is None:
        return cells, []
    printed = [c for c in glyphs if c.text.strip()]
    under = [c for c in printed if under_rule(c, rule)]
    over = [c for c in printed if not under_rule(c, rule)]
    if not under or not over:
        return cells, []
    first_row = [under, *cells[0][1:]]
    return [first_row, *cells[1:]], over
