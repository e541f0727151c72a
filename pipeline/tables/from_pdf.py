"""Ruled tables found on the PDF page geometry → tidy tables.

The extract stage finds ruled tables (``pipeline.extract.pdf.tables``) and the
structure stage passes them through to ``interim/structure/<ch>/page_tables.json``. Here
each page table is matched to its caption (``match_captions``) and turned into the same
``Rebuilt`` the text tables give (``page_table_to_rebuilt``):

``fill_merged`` (a grid slot covered by a merged cell takes that cell's text and says
so: flag ``merged``; but a row printed as one cell across the table, a note or a
heading, keeps its text in the first column only: ``rows_across``) → ``count_header_rows`` (the first row when it reads as labels or as
the years or months heading a time series, ``time_points``; the rows a merged first-row
cell spans down to) → ``header_names`` (as printed; ``列N`` where a header cell is blank
or the table has none) → one row per record, each cell typed as confident unless its
glyphs cross a rule (``cut``) or the table was found by text alignment rather than
rules (``text_strategy``: pdfplumber's text strategy, or a table ruled across only whose
columns were measured on its text, strategy ``hrules``); a row read from one printed line
with no rule under it that may be a wrapped cell's second line is ``unsure_row``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.common.note_openings import opens_note
from pipeline.common.text import fold_nfkc
from pipeline.tables.rows import Cell, Rebuilt, Row
from pipeline.tables.time_points import heads_time_series
from pipeline.tables.values import header_unit, is_unit_line

HEADER_MAX_CHARS = 60          # a longer cell is a value, not a column label
_SENTENCE_END = re.compile(r"[。．]")
_NUMBER = re.compile(r"^[\d０-９,，.．%％億万千円年月日件人\-－]+$")
_UNIT_WORD = re.compile(r"^[億万千円年月日件人]+$")
_BRACKETED = re.compile(r"[(（][^()（）]{1,8}[)）]")


@dataclass(frozen=True)
class PdfRebuilt:
    """A page table as a ``Rebuilt`` plus where each row was printed."""

    rebuilt: Rebuilt
    pages: tuple[tuple[str | None, int | None], ...]   # (page, page_index) per row
    info: dict[str, Any]                                # for the manifest


# --------------------------------------------------------------------------- cells


def fill_merged(rows: Sequence[Sequence[str | None]], merged: Sequence[Sequence[int]],
                ) -> tuple[list[list[str]], set[tuple[int, int]], set[tuple[int, int]]]:
    """Rows with every ``None`` slot given the text of the merged cell covering it.

    Returns the rows, the slots filled from a merged cell, and the slots no cell covers
    (left empty)."""
    origin = {(r, c): (fr, fc) for r, c, fr, fc in merged}
    filled: list[list[str]] = []
    taken: set[tuple[int, int]] = set()
    uncovered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        out: list[str] = []
        for c, text in enumerate(row):
            if text is not None:
                out.append(text)
                continue
            source = origin.get((r, c))
            value = rows[source[0]][source[1]] if source else None
            if value is None:
                uncovered.add((r, c))
            else:
                taken.add((r, c))
            out.append(value or "")
        filled.append(out)
    return filled, taken, uncovered


def rows_across(rows: Sequence[Sequence[str | None]], merged: Sequence[Sequence[int]],
                ) -> set[int]:
    """Rows printed as one cell across the whole table (a note inside the frame,
    ``注：…``, or a heading over the rows below it, ``【歳出】``): below the header, their
    text is no value of any column but the first, so it is not filled into the others."""
    covers: dict[int, set[int]] = {}
    for r, c, fr, fc in merged:
        if (fr, fc) == (r, 0):
            covers.setdefault(int(r), set()).add(int(c))
    return {r for r, cols in covers.items()
            if len(rows[r]) > 1 and cols == set(range(1, len(rows[r])))}


def _is_number(text: str) -> bool:
    """Digits with their separators and units (``1,234``, ``12.3%``, ``5万人``, ``2018年``)
    or a dash; a unit word alone (``年``, ``月``, ``人``) heads a column instead."""
    folded = fold_nfkc(text)
    return bool(_NUMBER.match(folded)) and not _UNIT_WORD.match(folded)


def _is_label(text: str) -> bool:
    return (len(text) <= HEADER_MAX_CHARS and not _SENTENCE_END.search(text)
            and not _is_number(text))


def _column_groups(rows: Sequence[Sequence[str | None]], r: int,
                   merged: Sequence[Sequence[int]]) -> list[int]:
    """For each column of grid row ``r``, the column where the header cell above it
    starts: columns under one cell spanning columns share a group; in the first row
    every column is in one group."""
    if r == 0:
        return [0] * len(rows[0])
    origin = {(int(rr), int(c)): int(fc) for rr, c, _, fc in merged}
    return [origin.get((r - 1, c), c) for c in range(len(rows[r]))]


def _reads_as_labels(rows: Sequence[Sequence[str | None]], r: int,
                     merged: Sequence[Sequence[int]]) -> bool:
    """Every cell of grid row ``r`` reads as a label; a year or month (``2018年``,
    ``2000``, ``4月``) counts as one when the row heads a time series: its time points
    run in order within each group of columns and the cells under them are other
    numbers (``heads_time_series``)."""
    unlabelled = ["" if _is_label(cell or "") else cell or "" for cell in rows[r]]
    if not any(unlabelled):
        return True
    below = [[cell or "" for cell in row] for row in rows[r + 1:]]
    return heads_time_series(unlabelled, _column_groups(rows, r, merged), below,
                             [cell or "" for cell in rows[r]])


def _under_header(rows: Sequence[Sequence[str | None]], r: int,
                  merged: Sequence[Sequence[int]], count: int) -> bool:
    """Every cell of grid row ``r`` is a slot a header cell covers, blank, under a header
    cell that spans columns (a sub-label), or under a blank header cell (the label of
    that column printed in the lower header row): no cell of it reads as data."""
    across = {int(c) for rr, c, fr, _ in merged if rr == fr and fr < count}
    across |= {int(fc) for rr, _, fr, fc in merged if rr == fr and fr < count}
    down = {(int(rr), int(c)) for rr, c, fr, _ in merged if fr < count}
    blank_above = {c for c, cell in enumerate(rows[r - 1])
                   if cell is not None and not cell.strip()}
    return all((cell is None and (r, c) in down) or not (cell or "").strip() or c in across
               or c in blank_above for c, cell in enumerate(rows[r]))


def count_header_rows(rows: Sequence[Sequence[str | None]],
                      merged: Sequence[Sequence[int]]) -> int:
    """How many rows the header has, read from the grid. None unless every cell of the
    first row reads as a label (short, no sentence end, not a number, or a year or month
    heading a time series: ``_reads_as_labels``) and some cell holds text. A further row
    joins the header while a header cell reaches down into it (a label spanning three
    header rows), or, for the second row, a first-row cell spans
    columns above it, and its cells are labels that sit under a header cell spanning
    columns (``_under_header``), or its cells are the units of the heads above them
    (``is_unit_row``: ``（人）``, ``（％）``); the row where that stops is data."""
    if len(rows) < 2 or not any(rows[0]) or not _reads_as_labels(rows, 0, merged):
        return 0
    count = 1
    while count < len(rows) - 1:
        r = count
        reached = any(rr == r and fr < count for rr, _, fr, _ in merged)
        spans_across = r == 1 and any(rr == 0 and fr == 0 for rr, _, fr, _ in merged)
        if not ((reached or spans_across) and _reads_as_labels(rows, r, merged)
                and _under_header(rows, r, merged, count)) and not is_unit_row(rows[r]):
            break
        count += 1
    return count


def is_unit_row(row: Sequence[str | None]) -> bool:
    """A row of units printed under the heads (``（人）``, ``（％）``; blank under a head
    with none): every cell that holds text is a bracketed unit ``header_unit`` reads."""
    filled = [(cell or "").strip() for cell in row if (cell or "").strip()]
    return bool(filled) and all(_BRACKETED.fullmatch(fold_nfkc(cell)) and header_unit(cell)
                                for cell in filled)


def header_names(header: Sequence[Sequence[str]], n_cols: int) -> list[str]:
    """Column names as printed (two header rows joined with ／ where they differ; a
    row's unit, ``（千t）`` under ``生産量``, glued to the head it is printed under,
    ``生産量（千t）``, as a table ruled across only and a text table name it; a unit
    line printed in the frame over the heads, ``（単位：床）``, left out: ``head_unit_line``);
    ``列N`` for a blank one; repeats numbered ``name_2``."""
    names: list[str] = []
    for c in range(n_cols):
        parts: list[str] = []
        for row in header:
            text = row[c].replace("\n", "").strip() if c < len(row) else ""   # one name
            if parts and is_unit_row([text]) and text not in parts[-1]:
                parts[-1] += text
            elif text and text not in parts:
                parts.append(text)
        if len(parts) > 1:      # a unit line over the heads, in the frame: no head's name
            parts = [p for p in parts if not is_unit_line(p)] or parts
        name, n = "／".join(parts) or f"列{c + 1}", 2
        base = name
        while name in names:
            name, n = f"{base}_{n}", n + 1
        names.append(name)
    return names


def head_unit_line(header: Sequence[Sequence[str]]) -> str:
    """A unit line printed inside the frame in a header row of its own over the heads
    (``（単位：床）`` in one cell across): the table's unit line, when the row holds
    nothing else; else empty."""
    for row in header[:-1]:
        filled = {text.strip() for text in row if text.strip()}
        if len(filled) == 1 and is_unit_line(next(iter(filled))):
            return next(iter(filled))
    return ""


# --------------------------------------------------------------------------- notes


def note_rows(rows: Sequence[Sequence[str | None]], first: int) -> list[int]:
    """The rows at the table's foot (from row ``first`` on) that hold a note or source
    printed inside its frame: text in the first cell only (or one cell across the
    table) that opens as a note (``opens_note``), with only such rows, or blank ones,
    under them; and, where there are such rows, the blank rows among and over them. They
    are no data: no row of the tidy table."""
    found: list[int] = []
    blank: list[int] = []
    for r in range(len(rows) - 1, first - 1, -1):
        cells = [(cell or "").strip() for cell in rows[r]]
        if not any(cells):
            blank.append(r)
            continue
        if any(cells[1:]) or not opens_note(cells[0]):
            break
        found.append(r)
    return sorted(found + blank) if found else []


# --------------------------------------------------------------------------- levels

LEVEL_TOLERANCE = 0.6   # em: labels whose starts (or middles, or ends) lie closer agree:
#                         an opening bracket set half-width moves a start by half an em


def row_levels(spans: Sequence[Sequence[float] | None], first: int) -> list[int | None]:
    """Per grid row, the indentation level of its label, measured on the table's own data
    rows (from row ``first``) by where the first line of their first-column cell starts
    (``label_spans`` of the extract stage): the starts, in ems of the labels' type, fall
    into positions (within ``LEVEL_TOLERANCE``), and the level is the position's rank, 0
    the leftmost: ``総数`` 0, ``　男性`` 1. None for every row where the column is not set
    flush left with indents (fewer than two positions; every label's middle, or every
    label's end, in one place: centred or set flush right, so a start says nothing;
    only labels in cells of the commonest width are compared, a cell over two columns of
    a row starting elsewhere),
    for a header row, a blank cell, and a label set in the middle of its cell right of
    the leftmost start (``計``, ``小計`` centred under the rows they sum: no
    sub-category)."""
    levels: list[int | None] = [None] * len(spans)
    data = [(r, s) for r, s in enumerate(spans) if r >= first and s]
    widths = Counter(round(s[3]) for _, s in data if len(s) > 3)
    if widths:      # labels in cells of another width (a cell over two columns) differ
        width = widths.most_common(1)[0][0]
        data = [(r, s) for r, s in data if abs(s[3] - width) <= 1.0]
    if len(data) < 2:
        return levels
    sizes = sorted(s[2] for _, s in data)
    em = sizes[len(sizes) // 2] or 1.0
    starts = {r: s[0] / em for r, s in data}
    for ends in ([(s[0] + s[1]) / 2 / em for _, s in data], [s[1] / em for _, s in data]):
        if max(ends) - min(ends) < LEVEL_TOLERANCE:
            return levels        # centred, or set flush right: no indentation to read

    leftmost = min(starts.values())
    centred = {r for r, s in data if len(s) > 3 and starts[r] - leftmost >= LEVEL_TOLERANCE
               and abs((s[0] + s[1]) / 2 - s[3] / 2) < LEVEL_TOLERANCE * em}
    positions: list[float] = []
    for start in sorted(v for r, v in starts.items() if r not in centred):
        if not positions or start - positions[-1] >= LEVEL_TOLERANCE:
            positions.append(start)
    if len(positions) < 2:
        return levels
    for r, start in starts.items():
        if r not in centred:
            levels[r] = max(i for i, p in enumerate(positions) if p <= start + LEVEL_TOLERANCE)
    return levels


# --------------------------------------------------------------------------- tables


def row_pages(table: dict[str, Any], n_rows: int) -> list[tuple[str | None, int | None]]:
    """(page, page_index) of each grid row, following the parts of a continued table."""
    parts = [(0, table.get("page"), table.get("page_index"))]
    parts += [(int(p["first_row"]), p.get("page"), p.get("page_index"))
              for p in table.get("continued", [])]
    out = []
    for r in range(n_rows):
        _, page, index = max((p for p in parts if p[0] <= r), key=lambda p: p[0])
        out.append((None if page is None else str(page),
                    None if index is None else int(index)))
    return out


def page_table_to_rebuilt(table: dict[str, Any]) -> PdfRebuilt:
    """One ``Extracted.tables`` record → a tidy ``Rebuilt`` with per-row pages."""
    merged = [list(m) for m in table.get("merged", [])]
    n_head = count_header_rows(table["rows"], merged)
    across = {r for r in rows_across(table["rows"], merged) if r >= n_head}
    merged = [m for m in merged if int(m[0]) not in across]
    rows, taken, uncovered = fill_merged(table["rows"], merged)
    uncovered -= {(r, c) for r in across for c in range(len(rows[r]))}
    n_cols = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (n_cols - len(r)) for r in rows]
    names = header_names(rows[:n_head], n_cols)
    cut = {(int(r), int(c)) for r, c in table.get("cut", [])}
    by_text = table.get("strategy") != "lines"
    unsure = set(table.get("unsure_rows", []))     # one printed line each, maybe wrapped
    measured = table.get("strategy") in ("lines", "hrules")   # the text strategy's boxes
    levels = row_levels(table.get("label_spans") or [], n_head) if measured \
        else [None] * len(rows)                              # may stand off its text
    notes = note_rows(table["rows"], n_head)
    out_rows = []
    for r in range(n_head, len(rows)):
        if r in notes:
            continue
        cells = []
        for c, name in enumerate(names):
            flag = ("cut" if (r, c) in cut else "unsure_row" if r in unsure
                    else "text_strategy" if by_text
                    else "uncovered" if (r, c) in uncovered
                    else "merged" if (r, c) in taken else "")
            cells.append(Cell(name, (rows[r][c],), (), flag in ("", "merged"), flag,
                              carried=(r, c) in taken))
        out_rows.append(Row(tuple(cells), levels[r] if r < len(levels) else None))
    layout = "pdf_" + str(table.get("strategy", "lines"))
    rebuilt = Rebuilt(layout, tuple(names), tuple(names) if n_head else (), tuple(out_rows))
    info = {"page_index": table.get("page_index"), "bbox": table.get("bbox"),
            "strategy": table.get("strategy"), "header_rows": n_head,
            "merged_cells": len(taken), "markers": table.get("markers", []),
            **({"unit_line": unit_line} if (unit_line := table.get("unit_line")
                                              or head_unit_line(rows[:n_head])) else {}),
            **({"notes": [rows[r][0] for r in notes]} if notes else {}),
            **({"corner_heads": heads} if (heads := table.get("corner_heads")) else {}),
            "continued": table.get("continued", [])}
    pages = [p for r, p in enumerate(row_pages(table, len(rows))) if r >= n_head
             and r not in notes]
    return PdfRebuilt(rebuilt, tuple(pages), info)


# --------------------------------------------------------------------------- captions


def label_key(label: Any) -> str:
    """A caption label compared across pages: NFKC, no white space."""
    return re.sub(r"\s+", "", fold_nfkc(str(label or "")))


def caption_side(page_tables: Sequence[dict[str, Any]]) -> str:
    """``above`` or ``below``: where this document prints a table's caption, measured on
    its own tables: the side whose caption is the nearer one for more tables (a caption
    hugs its table); ``above`` on a tie or when no table has a caption."""
    votes = {"above": 0, "below": 0}
    for table in page_tables:
        above, below = table.get("caption_gap"), table.get("caption_below_gap")
        if above is None and below is None:
            continue
        side = ("below" if above is None or below is not None and below < above
                else "above")
        votes[side] += 1
    return "below" if votes["below"] > votes["above"] else "above"


def caption_read(table: dict[str, Any], side: str) -> str | None:
    """The label the extract stage read next to the table on the document's ``side``
    (the other side when that one has none); below a table printed over pages, the
    label under its last part."""
    above = table.get("caption")
    if table.get("caption_gap") is None and "caption_gap" in table:
        above = None               # a caption above, but another table stands between
    below = table.get("caption_below")
    parts = table.get("continued") or []
    if side == "below" and parts:     # a table over pages: its caption under its last part
        below = parts[-1].get("caption_below") or below
    first, second = (below, above) if side == "below" else (above, below)
    return first or second


def match_captions(page_tables: Sequence[dict[str, Any]],
                   captions: Sequence[dict[str, Any]]) -> dict[int, str]:
    """Index of each page table → ``figure_id`` of its table caption.

    ``captions`` are figures records (``figure_id``, ``kind``, ``label``, ``page_index``,
    ``line``). A table whose caption label the extract stage read next to it (above, or
    below where the document prints captions below: ``caption_side``) takes the caption
    of that label on its page (or the page before, or a page of its later parts), of
    either kind (a ruled table in a
    ``図表1-1`` figure); the others are paired in order with the page's remaining table
    captions (by line vs. by top). A table left over stays unmatched: the tables stage
    publishes it as ``uncaptioned``."""
    side = caption_side(page_tables)
    found: dict[int, str] = {}
    used: set[str] = set()
    for i, table in enumerate(page_tables):
        key = label_key(caption_read(table, side))
        pages = {table.get("page_index"), (table.get("page_index") or 0) - 1,
                 *(part.get("page_index") for part in table.get("continued") or [])}
        same = [c for c in captions if key and label_key(c.get("label")) == key
                and c.get("page_index") in pages and str(c["figure_id"]) not in used]
        if same:
            found[i] = str(same[0]["figure_id"])
            used.add(found[i])
    for page in sorted({t.get("page_index") for t in page_tables}, key=lambda p: p or 0):
        tables = sorted((i for i, t in enumerate(page_tables)
                         if t.get("page_index") == page and i not in found),
                        key=lambda i: page_tables[i]["bbox"][1])
        free = sorted((c for c in captions if c.get("page_index") == page
                       and c.get("kind", "table") == "table"
                       and str(c["figure_id"]) not in used), key=lambda c: int(c["line"]))
        for i, caption in zip(tables, free, strict=False):
            found[i] = str(caption["figure_id"])
            used.add(found[i])
    return found
