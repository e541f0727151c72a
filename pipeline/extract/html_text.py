"""Adapter for ``format = "html-text"``: text published one paragraph per line.

No pages and no wrapping: each non-blank line is a paragraph, a heading, a caption,
a source line or a footnote; the structure stage decides which, but for the rows of a
table printed under its caption a row a line, cells set apart by spaces (``区分 2020年
2021年`` over ``総数 6,710 6,713``), which are hinted ``table_text`` (under a table's
caption) or ``figure_text`` (``table_rows``): one paragraph per line, they would
otherwise read as body text, and the last row before the source as a caption.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from pipeline.common.caption_grammar import caption_grammar, read_label
from pipeline.common.lexicons import word_list
from pipeline.common.text import fold_nfkc
from pipeline.schemas import Extracted, Layout, SourceLine

LAYOUT = Layout(wrapped=False, footnotes="numbered-lines")

MIN_ROWS = 2             # rows of figures a table has at least
MAX_LINES_BEFORE = 4     # lines between a caption and its first row: a unit line, heads
MAX_CELL_CHARS = 20      # a cell of a table's row (a label, a head) is short
# a figure as a statistical table prints it: a sign (△, ▲, -) for a negative, thousands
# separated by commas, a decimal (after NFKC)
FIGURE = re.compile(r"^(?:[△▲▼-]|マイナス)?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# a minus sign a table sets apart from its figure for alignment (``△ 2.7``): one cell
SPACED_SIGN = re.compile(r"^(?:[△▲▼]|マイナス)$")
# a line set apart from a table's rows: its unit, a note, a source
OWN_LINE = re.compile(r"^[(（]?(?:単位|注|資料|出典|出所|※)")
SOURCE_LINE = re.compile(r"^[(（]?(?:資料|出典|出所)")


def extract_html_text(text: str, chapter_id: str) -> Extracted:
    lines: list[SourceLine] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            gap += 1
            continue
        lines.append(SourceLine(line=number, text=raw.rstrip(), page_index=None, gap_before=gap))
        gap = 0
    hints = table_rows([ln.text for ln in lines])
    lines = [replace(ln, hint=hints[i]) if i in hints else ln for i, ln in enumerate(lines)]
    return Extracted(chapter=chapter_id, format="html-text", layout=LAYOUT, lines=tuple(lines))


@cache
def _caption() -> re.Pattern[str]:
    grammar = caption_grammar()
    return re.compile(rf"^[\s{re.escape(grammar.marks)}]*(?:{grammar.label()})"
                      rf"(?:\s*[{re.escape(grammar.separators)}]|\s+|$)")


def caption_kind(text: str) -> str | None:
    """``table`` or ``figure`` for a caption line (a label of ``caption_labels.tsv``
    followed by a separator, white space or the line's end), else None."""
    found = _caption().match(text)
    return read_label(found, caption_grammar()).kind if found else None


@cache
def _blank_marks() -> frozenset[str]:
    return frozenset(fold_nfkc(w) for w in word_list("table_blank_marks"))


def cells(text: str) -> list[str]:
    """A line's cells: between tabs where it has one, else between runs of white space
    (a single half-width space too, or a full-width one), a sign set apart joined to its
    figure (``△ 2.7``)."""
    if "\t" in text:
        return [part.strip() for part in text.strip().split("\t")]
    found: list[str] = []
    for piece in text.split():
        if found and SPACED_SIGN.match(fold_nfkc(found[-1])) and is_figure(piece):
            found[-1] += piece
        else:
            found.append(piece)
    return found


def is_figure(cell: str) -> bool:
    return bool(FIGURE.match(fold_nfkc(cell).strip()))


def figure_cells(text: str) -> int:
    """How many cells of figures (or marks for none, ``－``, ``x``) end a row of a table
    of figures: a label of one or more pieces, none a figure, then figures, one of them
    a plain figure at least, every cell short; 0 for any other line (a sentence, a
    line of words alone)."""
    parts = cells(text)
    if "。" in text or len(parts) < 2 or any(len(p) > MAX_CELL_CHARS for p in parts):
        return 0
    n = 0
    while n < len(parts) and (is_figure(parts[-1 - n])
                              or fold_nfkc(parts[-1 - n]).strip() in _blank_marks()):
        n += 1
    tail = parts[len(parts) - n:]
    if n == len(parts) or not any(is_figure(p) for p in tail):
        return 0
    return n


def is_head_line(text: str, n_figures: int) -> bool:
    """A line of heads over rows of ``n_figures`` figures: two heads or more, as many as
    the figures or one more (over the labels), or fewer (a head spanning those of the
    line under it, ``区分 男性 女性`` over ``実数 構成比 実数 構成比``); short, no
    sentence, no unit line or note."""
    parts = cells(text)
    return ("。" not in text and not OWN_LINE.match(text.strip())
            and 2 <= len(parts) <= n_figures + 1
            and all(len(p) <= MAX_CELL_CHARS for p in parts))


def is_label_line(text: str) -> bool:
    """A label alone among a table's rows (``（内訳）``, a group's name ``【製造業】``):
    one short cell, no figure, no sentence, no note, source or caption."""
    parts = cells(text)
    return (len(parts) == 1 and len(parts[0]) <= MAX_CELL_CHARS and "。" not in text
            and not is_figure(parts[0]) and not OWN_LINE.match(text.strip())
            and caption_kind(text.strip()) is None)


def stands_before_rows(text: str) -> bool:
    """A line that may stand between a caption and its table's rows: a unit line or a
    note (``（単位：万人）``, ``注：速報値。``), or heads (no sentence); not a source, a
    caption or running text."""
    text = text.strip()
    if SOURCE_LINE.match(text) or caption_kind(text):
        return False
    return bool(OWN_LINE.match(text)) or "。" not in text


def table_rows(texts: Sequence[str]) -> dict[int, str]:
    """Index → hint of each line that is a row of a table under a caption: after a
    caption (``表1-1-1 …``, ``図表1-1-1 …``), within ``MAX_LINES_BEFORE`` lines, a run
    of ``MIN_ROWS`` lines or more that each end in the same count of figure cells
    (``figure_cells``; a label alone between two of them, ``（内訳）``, goes with them:
    ``is_label_line``), the rows of figures right after it (a row with a cell too many or
    too few, which the tables stage judges), and the heads over them (``is_head_line``:
    the lines right above the first row with as many cells as the figures, or one more;
    a unit line or note between the caption and them stays as it is; a source or a
    sentence there means the rows are not the caption's, ``stands_before_rows``). Hint
    ``table_text`` under a table's caption, else ``figure_text``. A line of running text
    ends the run, so body prose is never taken."""
    hints: dict[int, str] = {}
    i = 0
    while i < len(texts):
        kind = caption_kind(texts[i].strip())
        if kind is None:
            i += 1
            continue
        first = next((k for k in range(i + 1, min(len(texts), i + 1 + MAX_LINES_BEFORE))
                      if figure_cells(texts[k])), None)
        if first is None or not all(stands_before_rows(texts[k]) for k in range(i + 1, first)):
            i += 1
            continue
        n = figure_cells(texts[first])
        end = first
        while end < len(texts) and (figure_cells(texts[end]) == n or (
                is_label_line(texts[end]) and end + 1 < len(texts)
                and figure_cells(texts[end + 1]) == n)):
            end += 1
        if end - first < MIN_ROWS:
            i += 1
            continue
        while end < len(texts) and figure_cells(texts[end]):
            end += 1        # a row with a figure too many or too few: the tables stage reads
        head = first
        while head > i + 1 and is_head_line(texts[head - 1], n):
            head -= 1
        hint = "table_text" if kind == "table" else "figure_text"
        hints.update({k: hint for k in range(head, end)})
        i = end
    return hints
