"""Tables that run on over pages (``join_continued_tables``): a page table that stands
where the one before would go on (``follows``) is joined to it where their columns
agree (``column_map``), its repeated header dropped (``repeated_header``); one whose
columns do not agree stays a table of its own, marked ``continues_previous``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pipeline.extract.pdf.table_settings import TableFinderSettings


def may_continue(tables: Sequence[dict[str, Any]], height: float,
                 settings: TableFinderSettings) -> bool:
    """Whether a table ends near the page foot (so may run on to the next page)."""
    return any(t["bbox"][3] >= (1 - settings.continue_band) * height for t in tables)


def follows(before: dict[str, Any], after: dict[str, Any], first_on_page: bool,
            heights: dict[int, float], settings: TableFinderSettings) -> bool:
    """``after`` stands where ``before`` would go on: ``before`` (or its last part) ends
    near its page foot, not over a caption of its own (``ends_over_caption``), ``after``
    is the first table near the head of the next page, under no caption of its own
    (none, or ``before``'s label printed again)."""
    last = before["continued"][-1] if before["continued"] else before
    return (first_on_page and after["page_index"] == last["page_index"] + 1
            and may_continue([last], heights[last["page_index"]], settings)
            and not ends_over_caption(last)
            and after["caption"] in (None, before["caption"])
            and after["bbox"][1] <= settings.continue_band * heights[after["page_index"]])


def ends_over_caption(table: dict[str, Any]) -> bool:
    """A caption is printed under the table, nearer to it than any caption above: the
    table ends there, as a document that prints captions under its tables ends each
    (a part that goes on over the page has its caption under its last part)."""
    below, above = table.get("caption_below_gap"), table.get("caption_gap")
    return (table.get("caption_below") is not None and below is not None
            and (above is None or below < above))


def column_map(before: dict[str, Any], after: dict[str, Any], tolerance: float,
               ) -> list[int] | None:
    """For each column of ``after``, the column of ``before`` it starts at: the same
    columns (as many), or columns whose edges are all edges of ``before`` (a part that
    leaves out a rule ``before`` has), measured from the table's left edge (pages may
    shift the text block); None when the columns do not agree."""
    widths = {len(r) for r in before["rows"]} | {len(r) for r in after["rows"]}
    if len(widths) == 1:
        return list(range(widths.pop()))
    xs_before, xs_after = before.get("xs"), after.get("xs")
    if not xs_before or not xs_after or len(widths) != 2:
        return None
    edges = [x - xs_before[0] for x in xs_before]
    starts = []
    for x in (x - xs_after[0] for x in xs_after):
        near = [i for i, e in enumerate(edges) if abs(e - x) <= tolerance]
        if not near:
            return None
        starts.append(near[0])
    n_after = max(len(r) for r in after["rows"])
    if starts[-1] != len(edges) - 1 or len(starts) != n_after + 1:
        return None
    return starts[:-1]


def remap_part(after: dict[str, Any], starts: list[int], n_cols: int) -> dict[str, Any]:
    """``after``'s rows, merged cells, cut cells and markers on ``before``'s columns:
    a cell spanning several of them fills the first, the others are merged into it."""
    ends = [*starts[1:], n_cols]
    origin = {(r, c): (fr, fc) for r, c, fr, fc in after["merged"]}
    rows: list[list[str | None]] = []
    merged: list[list[int]] = []
    for r, row in enumerate(after["rows"]):
        out: list[str | None] = [None] * n_cols
        for c, text in enumerate(row):
            span = range(starts[c], ends[c])
            if text is not None:
                out[span[0]] = text
                merged += [[r, k, r, span[0]] for k in span[1:]]
            elif (r, c) in origin:
                fr, fc = origin[(r, c)]
                merged += [[r, k, fr, starts[fc]] for k in span]
        rows.append(out)
    return {**after, "rows": rows, "merged": merged,
            "cut": [[r, starts[c]] for r, c in after["cut"]],
            "markers": [[r, starts[c], t] for r, c, t in after["markers"]]}


def _column_texts(rows: Sequence[Sequence[str | None]], count: int) -> list[str]:
    width = max((len(r) for r in rows[:count]), default=0)
    return ["".join(re.sub(r"\s+", "", r[c] or "") for r in rows[:count] if c < len(r))
            for c in range(width)]


def repeated_header(before: dict[str, Any], after: dict[str, Any], most: int = 3) -> int:
    """How many of ``after``'s first rows print ``before``'s header again: the most rows
    (up to ``most``, one data row left) whose text, column by column, agrees with
    ``before``'s first rows in at least half of the columns that hold text (a repeated
    header may rename a column: ``本体詳細`` → ``本体設計``)."""
    found = 0
    for count in range(1, min(most, len(after["rows"]) - 1) + 1):
        mine, theirs = _column_texts(after["rows"], count), _column_texts(before["rows"], count)
        filled = [c for c in range(min(len(mine), len(theirs))) if mine[c] or theirs[c]]
        same = sum(mine[c] == theirs[c] for c in filled)
        if filled and mine[0] == theirs[0] and 2 * same >= len(filled):
            found = count
    return found


def append_continuation(before: dict[str, Any], after: dict[str, Any],
                        starts: list[int] | None = None) -> dict[str, Any]:
    """``before`` with the rows of ``after`` added, on ``before``'s columns
    (``column_map``), its repeated header rows dropped (kept in the part's ``header``)."""
    n_cols = max(len(r) for r in before["rows"])
    if starts is not None and starts != list(range(n_cols)):
        after = remap_part(after, starts, n_cols)
    skip = repeated_header(before, after)
    first_row = len(before["rows"])
    shift = first_row - skip

    def moved(items: list[list[Any]], rows_at: tuple[int, ...]) -> list[list[Any]]:
        return [[v + shift if i in rows_at else v for i, v in enumerate(item)]
                for item in items if item[0] >= skip]

    unsure = [r + shift for r in after.get("unsure_rows", []) if r >= skip]
    if unsure or "unsure_rows" in before:     # tables ruled across only
        before = {**before, "unsure_rows": before.get("unsure_rows", []) + unsure}
    if "label_spans" in before:
        spans = after.get("label_spans") or [None] * len(after["rows"])
        before = {**before, "label_spans": before["label_spans"] + spans[skip:]}
    return {**before, "rows": before["rows"] + after["rows"][skip:],
            "merged": before["merged"] + moved(after["merged"], (0, 2)),
            "cut": before["cut"] + moved(after["cut"], (0,)),
            "markers": before["markers"] + moved(after["markers"], (0,)),
            "continued": [*before["continued"], {
                "page_index": after["page_index"], "page": after["page"],
                "bbox": after["bbox"], "first_row": first_row, "header_dropped": bool(skip),
                "header": after["rows"][:skip],
                **{k: after[k] for k in ("caption_below", "caption_below_gap") if k in after}}]}


def join_continued_tables(tables: Sequence[dict[str, Any]], heights: dict[int, float],
                          settings: TableFinderSettings) -> list[dict[str, Any]]:
    """Tables in page order, each one that runs on to the next page (``follows``) joined
    with its continuation where their columns agree (``column_map``); a continuation
    whose columns do not agree stays a table of its own, marked ``continues_previous``
    (the tables stage links it to the part before). The input is not changed."""
    tops: dict[int, float] = {}
    for t in tables:
        tops[t["page_index"]] = min(tops.get(t["page_index"], t["bbox"][1]), t["bbox"][1])
    joined: list[dict[str, Any]] = []
    for table in tables:
        first = table["bbox"][1] == tops[table["page_index"]]
        if joined and follows(joined[-1], table, first, heights, settings):
            starts = column_map(joined[-1], table, settings.snap_tolerance)
            if starts is not None:
                joined[-1] = append_continuation(joined[-1], table, starts)
                continue
            table = {**table, "continues_previous": True}
        joined.append({**table, "continued": list(table["continued"])})
    return joined
