"""The header of a table ruled across only (``hrule_tables``): words of a printed line
(``split_words``) and the column each belongs to (``word_column``); heads that span the
columns of the heads under them, under a short rule (``header_spans``) or centred over
them (``centred_spans``); and such a header read as two rows (``split_header``).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.extract.pdf.chars import Char

if TYPE_CHECKING:
    from pipeline.extract.pdf.hrule_tables import HRule

BBox = tuple[float, float, float, float]


def split_words(line: Sequence[Char], gap: float) -> list[list[Char]]:
    """A printed line (left to right) cut where glyphs stand more than ``gap`` apart."""
    words: list[list[Char]] = []
    for char in line:
        if words and char.x0 - words[-1][-1].x1 <= gap:
            words[-1].append(char)
        else:
            words.append([char])
    return words


def word_column(word: Sequence[Char], xs: Sequence[float]) -> int:
    """The column whose span (between its borders) the word overlaps most: a head
    centred over right-aligned figures may reach into the column beside it."""
    left, right = word[0].x0, word[-1].x1
    overlaps = [min(right, b) - max(left, a) for a, b in itertools.pairwise(xs)]
    return max(range(len(overlaps)), key=lambda i: overlaps[i])


def header_spans(inner: Sequence[HRule], spans: Sequence[tuple[float, float]],
                 ) -> list[tuple[float, int, int]]:
    """The rules inside the header band under a head spanning columns (a short rule
    under ``2022年度`` over ``件数|割合``): ``(y, first column, last column)`` each, the
    columns those whose data lie under the rule; only rules over two columns or more."""
    found = []
    for rule in inner:
        under = [c for c, (a, b) in enumerate(spans) if rule.x0 <= (a + b) / 2 <= rule.x1]
        if len(under) >= 2 and under == list(range(under[0], under[-1] + 1)):
            found.append((rule.y, under[0], under[-1]))
    return found


def word_middle(word: Sequence[Char]) -> float:
    return (word[0].x0 + word[-1].x1) / 2


def centred_spans(lines: Sequence[Sequence[Char]], xs: Sequence[float], gap: float,
                  ) -> list[tuple[float, int, int]]:
    """Heads centred over two columns or more with no rule under them (``2022年`` over
    ``数量 | 前年比``, ``令和4年度`` over ``当初 | 補正 | 計``), as ``header_spans``
    gives them. Each head of the last header line goes to the nearest word of the lines
    above it; a word that so takes the heads of two neighbouring columns or more, and
    stands half way between the first and the last of them (within a quarter of their
    half distance), spans their columns. A head wrapped over its own column, where every
    column's head is wrapped, takes only the head under it."""
    if len(lines) < 2:
        return []
    upper = [(word, line) for line in lines[:-1]
             if max(c.bottom for c in line) <= min(c.top for c in lines[-1])
             for word in split_words(line, gap)]
    if not upper:
        return []
    taken: dict[int, list[tuple[int, list[Char]]]] = {}
    for head in split_words(lines[-1], gap):
        nearest = min(range(len(upper)), key=lambda i: abs(word_middle(upper[i][0]) - word_middle(head)))
        taken.setdefault(nearest, []).append((word_column(head, xs), head))
    found = []
    for i, heads in taken.items():
        columns = [c for c, _ in heads]
        if len(columns) < 2 or columns != list(range(columns[0], columns[0] + len(columns))):
            continue
        left, right = word_middle(heads[0][1]), word_middle(heads[-1][1])
        half = (right - left) / 2
        word, line = upper[i]
        if abs(word_middle(word) - (left + half)) <= half / 2:
            y = (max(c.bottom for c in line) + min(c.top for c in lines[-1])) / 2
            found.append((y, columns[0], columns[-1]))
    return found


def split_header(lines: Sequence[Sequence[Char]], band: tuple[float, float],
                 rules: Sequence[tuple[float, int, int]], xs: Sequence[float], gap: float,
                 ) -> tuple[list[list[BBox | None]], list[list[list[Char] | None]]]:
    """A header of two rows read across a short rule under a head spanning columns
    (``header_spans``): above the rule the spanning head, one cell over its columns;
    below it their sub-heads; a head of a column no such rule crosses stands in both
    rows (the second row's slot covered by it). Returns the rows' boxes and glyphs
    (None where a cell covers the slot), the first-row boxes reaching down over the
    slots they cover."""
    top, bottom = band
    y = statistics.median(r[0] for r in rules)
    n = len(xs) - 1
    owner = list(range(n))              # per column: where its first-row cell starts
    for _, first, last in rules:
        for c in range(first, last + 1):
            owner[c] = first
    spanned = {c for _, first, last in rules for c in range(first, last + 1)}
    upper: list[list[Char]] = [[] for _ in range(n)]
    lower: list[list[Char]] = [[] for _ in range(n)]
    for line in lines:
        for word in split_words(line, gap):
            c = word_column(word, xs)
            middle = (word[0].top + word[-1].bottom) / 2
            if c in spanned and middle > y:
                lower[c] += word
            else:
                upper[owner[c]] += word
    boxes: list[list[BBox | None]] = [[], []]
    cells: list[list[list[Char] | None]] = [[], []]
    for c in range(n):
        if owner[c] != c:
            boxes[0].append(None)
            cells[0].append(None)
        else:
            last = max(k for k in range(n) if owner[k] == c)
            low = y if c in spanned else bottom
            boxes[0].append(widened_box(xs[c], xs[last + 1], upper[c], top, low))
            cells[0].append(upper[c])
        if c in spanned:
            boxes[1].append(widened_box(xs[c], xs[c + 1], lower[c], y, bottom))
            cells[1].append(lower[c])
        else:
            boxes[1].append(None)
            cells[1].append(None)
    return boxes, cells


def widened_box(a: float, b: float, glyphs: Sequence[Char], top: float, bottom: float) -> BBox:
    """The box between x ``a`` and ``b``, widened to ``glyphs`` that reach over it."""
    left = min([a, *(c.x0 for c in glyphs)])
    right = max([b, *(c.x1 for c in glyphs)])
    return (round(left, 2), round(top, 2), round(right, 2), round(bottom, 2))
