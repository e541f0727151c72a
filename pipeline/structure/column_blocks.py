"""Blocks of regular wrapped text inside a non-body region (a boxed column, a text box in
a figure): found among the region's single lines and joined into one paragraph each.
"""

from __future__ import annotations

from pipeline.common.column_labels import is_column_label
from pipeline.common.text import display_width
from pipeline.schemas import SourceLine
from pipeline.structure.patterns import SENTENCE_END
from pipeline.structure.units import Unit, merge_units


def mark_columns(units: list[Unit], region: list[int]) -> None:
    """Inside a non-body region, find blocks of regular wrapped text (a boxed column, a
    text box in a figure) and join each block's lines into one paragraph.

    A block is three or more double-spaced lines of one width ending in a sentence. A
    region that holds a column label (``2-11``) is a column; a block ends a table's
    text (the table's cells are short and irregular).
    """
    singles = [i for i in region if units[i].kind in ("figure_text", "table_text")
               and len(units[i].lines) == 1]
    blocks = regular_blocks(units, singles)
    if not blocks:
        return
    is_column = any(is_column_label(units[i].text) for i in region)
    first_block_line = units[blocks[0][0]].first.line
    for i in singles:
        if units[i].first.line < first_block_line:
            continue
        if is_column:
            units[i].kind, units[i].figure_key = "column", None
        elif units[i].kind == "table_text":
            units[i].kind = "figure_text"
    for block in blocks:
        merged = merge_units("column" if is_column else "figure_text", [units[i] for i in block])
        if is_column:
            merged.figure_key = None
        units[block[0]] = merged
        for i in block[1:]:
            units[i] = Unit("merged")


def regular_blocks(units: list[Unit], singles: list[int]) -> list[list[int]]:
    blocks: list[list[int]] = []
    run: list[int] = []
    for i in singles + [-1]:
        line = units[i].lines[0] if i >= 0 else None
        if line is not None and run and _continues_block(units[run[-1]].lines[0], line):
            run.append(i)
            if line.text.endswith(" ") and line.text.strip()[-1:] in SENTENCE_END:
                if len(run) >= 3:
                    blocks.append(run)
                run = []
            continue
        run = [i] if line is not None and not line.text.endswith(" ") else []
    return blocks


def _continues_block(previous: SourceLine, line: SourceLine) -> bool:
    before = display_width(previous.text.strip())
    now = display_width(line.text.strip())
    return (not previous.text.endswith(" ") and line.gap_before >= 1 and before >= 20
            and (abs(before - now) <= max(2, before // 10)
                 or (now < before and line.text.endswith(" "))))
