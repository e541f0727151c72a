"""Tables stage: ``interim/structure/<ch>/`` → ``interim/tables/<ch>/``.

The pure core ``rebuild_tables`` takes a chapter's paragraphs and figures (as the
structure stage wrote them), gathers the ``table_text``/``figure_text`` lines of each
caption and rebuilds them (``grid``): captioned tables as grids, list-like
figures as lists, and a figure whose text is a table of figures (``図表1-1-1`` over
``区分 2020年 2021年`` and rows of a label and figures) as a grid. For a PDF chapter, ``page_tables.json`` (ruled tables found on the
page geometry by the extract stage) is read too: a table caption matched to one of them
(``from_pdf.match_captions``: by the label printed above it, else by order on the
page) takes that table instead of its text (layout ``pdf_lines``), with its printed
column names; a ruled table no caption names is published too, after the captioned
ones, with an empty ``figure_id`` and ``flag = uncaptioned``.
``run`` reads, rebuilds and writes atomically:

- ``tables.parquet``: the index, columns exactly ``DATASETS["tables"]``; ``columns``
  lists the tidy table's data columns, ``n_cols`` counts them;
- ``table_cells.parquet``: every cell of every table, long form (``cell_rows``), with
  the number a cell holds;
- ``<table_id>.parquet``: one tidy table each: ``chapter``, ``table_id``, ``row``, the
  data columns (``organisations`` is a JSON list of names as printed), then
  ``page``, ``page_index``, ``line_start``, ``line_end`` (the row's own source lines),
  ``cell_lines`` (JSON: column → [first, last] source line; a cell carried down from
  the row above keeps its own lines), ``confidence`` (share of the row's cells typed
  with confidence) and ``flag`` (``column:reason`` where unsure, ``;``-joined);
- ``manifest.json`` last: per table its layout, column kinds, printed headers, row
  count, quality and the lines set aside (header repeats, legends) with reasons; and
  every caption that was not rebuilt, with why.

Text lines are matched to captions by position as well as by ``figure_id``: a line
keeps its ``figure_id`` when that caption is the nearest one before it; otherwise it
goes to the nearest caption on its page (the structure stage sometimes labels a
figure's text with the next caption's id).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from pipeline.artefacts import Written, chapter_folder, read_frame, read_page_tables
from pipeline.common.frames import TypedColumn, columns_frame, records
from pipeline.common.lexicons import word_list
from pipeline.common.table_notes import note_opening
from pipeline.common.text import fold_nfkc
from pipeline.config import Paths
from pipeline.errors import PipelineError
from pipeline.tables.cells import forget_typed_texts
from pipeline.tables.from_pdf import (
    PdfRebuilt,
    label_key,
    match_captions,
    page_table_to_rebuilt,
)
from pipeline.tables.grid import rebuild_grid
from pipeline.tables.lists import rebuild_list
from pipeline.tables.rows import Line, Rebuilt, Row
from pipeline.tables.time_points import labels_rows, time_point
from pipeline.tables.totals import row_ranges, summed_columns, total_rows
from pipeline.tables.values import (
    CellValue,
    cell_value,
    header_unit,
    is_ratio_head,
    is_time_head,
    is_unit_line,
    line_units,
)

TABLE_LINE_KINDS = ("table_text", "figure_text")   # the paragraphs tables are rebuilt from
# the paragraph columns a text line is made of (``_line``) and placed by
LINE_COLUMNS = ("text", "line_start", "line_end", "page", "page_index", "para_id", "figure_id")
# the figure columns a table caption is matched to a PDF page table by
CAPTION_COLUMNS = ("figure_id", "kind", "label", "page_index", "line")
ROW_TAIL = ("page", "page_index", "line_start", "line_end", "cell_lines", "confidence", "flag")


@dataclass(frozen=True)
class Table:
    chapter: str
    table_id: str
    figure_id: str
    label: str
    title: str
    rebuilt: Rebuilt
    # tables from the PDF geometry: (page, page_index) per row, and what the manifest says
    row_pages: tuple[tuple[str | None, int | None], ...] = ()
    source: dict[str, Any] = field(default_factory=dict)
    flag: str = ""      # uncaptioned: a ruled table no caption names (figure_id empty);
    #                     continued: the part of a table printed on the page before
    continues: str = ""  # the table_id of that part (flag continued)
    unit_line: str = ""  # a text table's unit line (``text_unit_lines``)

    @property
    def columns(self) -> list[str]:
        names: list[str] = []
        for kind in self.rebuilt.kinds:
            name, n = kind, 2
            while name in names:
                name, n = f"{kind}_{n}", n + 1
            names.append(name)
        return names

    def path(self) -> str:
        return f"output/tables/{self.chapter}/{self.table_id}.csv"


# --------------------------------------------------------------------------- core


def _value(x: Any) -> Any:
    """``x``, or None for a missing value (``pd.isna`` is asked only of what may be one:
    it costs more than the rest of making a table line)."""
    if x is None or isinstance(x, (str, int)):
        return x
    return None if pd.isna(x) else x


def _line(record: dict[str, Any]) -> Line:
    page_index = _value(record.get("page_index"))
    page = _value(record.get("page"))
    return Line(text=str(record["text"]), line_start=int(record["line_start"]),
                line_end=int(record["line_end"]),
                page=None if page is None else str(page),
                page_index=None if page_index is None else int(page_index),
                para_id=str(record.get("para_id") or ""))


def lines_by_caption(paragraphs: pd.DataFrame, figures: pd.DataFrame) -> dict[str, list[Line]]:
    """The table/figure text lines of each caption, in source order."""
    figure_rows = records(figures, ("figure_id", "page_index", "line"))
    captions = sorted((int(_value(f["page_index"]) or 0), int(f["line"]), str(f["figure_id"]))
                      for f in figure_rows)
    keys = [(p, ln) for p, ln, _ in captions]
    on_page: dict[int, list[tuple[int, int, str]]] = {}
    for caption in captions:
        on_page.setdefault(caption[0], []).append(caption)
    found: dict[str, list[Line]] = {c[2]: [] for c in captions}
    for record in text_line_records(paragraphs):
        line = _line(record)
        place = (line.page_index or 0, line.line_start)
        before = bisect_right(keys, place) - 1
        own = _value(record.get("figure_id"))
        if own is not None and before >= 0 and captions[before][2] == own:
            target: str | None = str(own)
        else:
            same_page = on_page.get(place[0])
            target = (min(same_page, key=lambda c: abs(c[1] - place[1]))[2] if same_page
                      else (str(own) if own is not None else None))
        if target in found:
            found[target].append(line)
    for lines in found.values():
        lines.sort(key=lambda ln: (ln.page_index or 0, ln.line_start))
    return found


def text_line_records(paragraphs: pd.DataFrame) -> list[dict[str, Any]]:
    """The ``LINE_COLUMNS`` of the paragraphs of a ``TABLE_LINE_KINDS`` kind, as records."""
    keep = paragraphs["kind"].isin(TABLE_LINE_KINDS).to_numpy(dtype=bool)
    return records(paragraphs, LINE_COLUMNS, keep)


class ChapterTables(NamedTuple):
    tables: list[Table]                  # ids t01… in source order
    skipped: list[dict[str, Any]]        # captions of tables that were not rebuilt, why
    unmatched: list[dict[str, Any]]      # ruled tables found on a page, matched to no caption


def rebuild_tables(paragraphs: pd.DataFrame, figures: pd.DataFrame,
                   page_tables: Sequence[dict[str, Any]] = ()) -> ChapterTables:
    """Every table the chapter's captions hold, rebuilt, with what was not.

    A caption matched to a ruled table found on the PDF page (``page_tables``, from
    ``page_tables.json``) takes that table; the others are rebuilt from their text."""
    by_caption = lines_by_caption(paragraphs, figures)
    chapter = chapter_of(paragraphs)
    tables = tables_from_lines(chapter, by_caption, figures, page_tables,
                               text_unit_lines(paragraphs, figures))
    tables += uncaptioned_tables(chapter, page_tables, figures, len(tables))
    tables = link_continued(tables, page_tables)
    return ChapterTables(tables, skipped_captions(figures, tables, by_caption,
                                                  joined_captions(page_tables, figures)),
                         unmatched_page_tables(page_tables, figures))


def chapter_of(paragraphs: pd.DataFrame) -> str:
    return str(paragraphs["chapter"].iloc[0]) if len(paragraphs) else ""


def tables_from_lines(chapter: str, by_caption: dict[str, list[Line]], figures: pd.DataFrame,
                      page_tables: Sequence[dict[str, Any]] = (),
                      unit_lines: dict[str, str] | None = None) -> list[Table]:
    """``rebuild_tables`` from the text lines of each caption (``lines_by_caption``);
    a table rebuilt from text takes its caption's unit line (``unit_lines``)."""
    by_geometry = geometry_by_caption(page_tables, figures)
    joined = joined_captions(page_tables, figures)
    tables: list[Table] = []
    for figure in records(figures, ("figure_id", "kind", "label", "title")):
        fid = str(figure["figure_id"])
        geometry = by_geometry.get(fid)
        if geometry is None and fid in joined:
            continue
        rebuilt = (geometry.rebuilt if geometry is not None
                   else _rebuild(by_caption.get(fid, []), str(figure["kind"])))
        if rebuilt is None or not rebuilt.rows:
            continue
        tables.append(Table(chapter, f"t{len(tables) + 1:02d}", fid,
                            str(_value(figure.get("label")) or ""),
                            str(_value(figure.get("title")) or ""), rebuilt,
                            geometry.pages if geometry else (),
                            geometry.info if geometry else {},
                            unit_line="" if geometry else _unit_line(rebuilt, fid, unit_lines)))
    return tables


def _unit_line(rebuilt: Rebuilt, figure_id: str, unit_lines: dict[str, str] | None) -> str:
    """A text table's unit line: its caption's (``text_unit_lines``), else one printed
    among its lines, before its header or after its rows (set aside as ``unit_line``)."""
    found = (unit_lines or {}).get(figure_id)
    if found:
        return found
    own = {o.line.text.strip() for o in rebuilt.leftovers if o.reason == "unit_line"}
    return own.pop() if len(own) == 1 else ""


UNIT_SENTENCE = re.compile(r"^単位は\s*(?P<unit>[^、。,\s]{1,10}?)\s*(?:である|です)?。?$")


def note_unit_line(text: str) -> str:
    """The unit line a note is (``（単位：万人）``), or says after its opening (``注：単位
    は千トン``, ``（注）単位：千t``: ``table_note_openings.tsv``) as a unit line
    (``（単位：千トン）``); empty for any other note."""
    if is_unit_line(text):
        return text.strip()
    folded = fold_nfkc(text).strip()
    opening = note_opening().match(folded)
    rest = folded[opening.end():].strip(" :") if opening else ""
    if is_unit_line(rest):
        return rest
    said = UNIT_SENTENCE.match(rest)
    return f"(単位:{said['unit']})" if said and header_unit(f"({said['unit']})") else ""


def text_unit_lines(paragraphs: pd.DataFrame, figures: pd.DataFrame) -> dict[str, str]:
    """The unit line of each caption in a text source: its one note paragraph that is a
    unit line (``（単位：万人）`` under ``表1-1-1 就業者数の推移``) or says one
    (``注：単位は千トン``, ``note_unit_line``), else
    a unit line closing its title (``都道府県別作付面積（単位：ha）``); none where its
    notes hold two unit lines."""
    found: dict[str, set[str]] = {}
    if "kind" in paragraphs and "figure_id" in paragraphs:
        keep = (paragraphs["kind"] == "note").to_numpy(dtype=bool, na_value=False)
        for note in records(paragraphs, ("text", "figure_id"), keep):
            line = note_unit_line(str(note["text"]))
            if note.get("figure_id") and line:
                found.setdefault(str(note["figure_id"]), set()).add(line)
    lines = {fid: next(iter(texts)) for fid, texts in found.items() if len(texts) == 1}
    for figure in records(figures, ("figure_id", "title")):
        title = str(_value(figure.get("title")) or "")
        fid = str(figure["figure_id"])
        if fid not in found and any(line_units(title)):
            lines[fid] = title
    return lines


def geometry_by_caption(page_tables: Sequence[dict[str, Any]], figures: pd.DataFrame,
                        ) -> dict[str, PdfRebuilt]:
    """Ruled PDF tables keyed by the ``figure_id`` of the table caption they sit under."""
    return {fid: page_table_to_rebuilt(page_tables[i])
            for i, fid in caption_of_page_table(page_tables, figures).items()}


def uncaptioned_tables(chapter: str, page_tables: Sequence[dict[str, Any]],
                       figures: pd.DataFrame, numbered: int) -> list[Table]:
    """Ruled tables no table caption names, in page order, each with an id of its own
    (numbered after the captioned tables), an empty ``figure_id`` and title, and the flag
    ``uncaptioned``."""
    matched = caption_of_page_table(page_tables, figures)
    found: list[Table] = []
    for i, table in enumerate(page_tables):
        if i in matched:
            continue
        geometry = page_table_to_rebuilt(table)
        if not geometry.rebuilt.rows:
            continue
        found.append(Table(chapter, f"t{numbered + len(found) + 1:02d}", "", "", "",
                           geometry.rebuilt, geometry.pages, geometry.info, "uncaptioned"))
    return found


def _place(info: dict[str, Any]) -> tuple[Any, ...]:
    return (info.get("page_index"), tuple(info.get("bbox") or ()))


def link_continued(tables: Sequence[Table], page_tables: Sequence[dict[str, Any]],
                   ) -> list[Table]:
    """Each ruled table the extract stage marked ``continues_previous`` (it goes on from
    the page table before it, on the page before, but its columns differ, so it was not
    joined) flagged ``continued`` and linked by ``continues`` to that part's table; an
    uncaptioned one takes that part's caption (``figure_id``, label, title)."""
    by_place = {_place(t.source): t for t in tables if t.source}
    out = {t.table_id: t for t in tables}
    for i, page_table in enumerate(page_tables):
        if not page_table.get("continues_previous") or i == 0:
            continue
        mine, before = by_place.get(_place(page_table)), by_place.get(_place(page_tables[i - 1]))
        if mine is None or before is None:
            continue
        before = out[before.table_id]
        named = mine if mine.figure_id else before
        title = before.title if is_continuation_mark(named.title) else named.title
        out[mine.table_id] = replace(mine, flag="continued", continues=before.table_id,
                                     figure_id=named.figure_id, label=named.label,
                                     title=title)
    return [out[t.table_id] for t in tables]


def is_continuation_mark(title: str) -> bool:
    """A caption title that only says the table goes on (``（続き）``, ``(continued)``;
    ``pipeline/data/continuation_marks.tsv``), or none."""
    bare = re.sub(r"[\s()（）\[\]［］【】〈〉<>]", "", fold_nfkc(title or ""))
    return not bare or bare.lower() in continuation_marks()


@cache
def continuation_marks() -> frozenset[str]:
    return frozenset(fold_nfkc(w).lower() for w in word_list("continuation_marks"))


def joined_captions(page_tables: Sequence[dict[str, Any]], figures: pd.DataFrame) -> set[str]:
    """Captions printed again over a part the extract stage joined to the table before
    it (the same label, on the page of that part): their lines are that table's, so no
    table is rebuilt for them."""
    parts = {(part.get("page_index"), label_key(t.get("caption")))
             for t in page_tables for part in t.get("continued", [])}
    return {str(f["figure_id"]) for f in records(figures, ("figure_id", "label", "page_index"))
            if (_value(f["page_index"]), label_key(_value(f["label"]))) in parts}


def unmatched_page_tables(page_tables: Sequence[dict[str, Any]],
                          figures: pd.DataFrame) -> list[dict[str, Any]]:
    """Page tables under no table caption that could not be published either (no row
    below the header): listed in the manifest."""
    matched = caption_of_page_table(page_tables, figures)
    return [{"page_index": t.get("page_index"), "bbox": t.get("bbox"),
             "rows": len(t.get("rows", [])), "caption_read": t.get("caption"),
             "reason": "no table caption names it and it has no rows below its header"}
            for i, t in enumerate(page_tables)
            if i not in matched and not page_table_to_rebuilt(t).rebuilt.rows]


def caption_of_page_table(page_tables: Sequence[dict[str, Any]],
                          figures: pd.DataFrame) -> dict[int, str]:
    """Index of each page table → the ``figure_id`` of the caption that names it
    (``from_pdf.match_captions`` over the chapter's captions)."""
    if not page_tables:
        return {}
    captions = [{"figure_id": f["figure_id"], "kind": f["kind"], "label": _value(f.get("label")),
                 "page_index": _value(f.get("page_index")), "line": f["line"]}
                for f in records(figures, CAPTION_COLUMNS)]
    return match_captions(page_tables, captions) if captions else {}


def _rebuild(lines: Sequence[Line], kind: str) -> Rebuilt | None:
    if kind == "table":
        return rebuild_grid(lines) or rebuild_list(lines)
    return rebuild_list(lines) or rebuild_grid(lines, figures_only=True)


def skipped_captions(figures: pd.DataFrame, tables: Sequence[Table],
                     by_caption: dict[str, list[Line]], joined: set[str] | None = None,
                     ) -> list[dict[str, Any]]:
    """Captions not rebuilt, with why: for the manifest, so nothing is lost unseen."""
    done = {t.figure_id for t in tables}
    result = []
    for figure in records(figures, ("figure_id", "kind", "label")):
        fid = str(figure["figure_id"])
        if fid in done:
            continue
        n = len(by_caption.get(fid, []))
        reason = ("printed again over a part joined to the table before" if fid in (joined or ())
                  else "no text lines" if n == 0 else (
            "no header row or list records found" if figure["kind"] == "table"
            else "not a list of records"))
        result.append({"figure_id": fid, "kind": figure["kind"], "label": figure.get("label"),
                       "lines": n, "reason": reason})
    return result


# --------------------------------------------------------------------------- frames


def row_record(table: Table, number: int, row: Row) -> dict[str, Any]:
    record: dict[str, Any] = {"chapter": table.chapter, "table_id": table.table_id,
                              "row": number}
    cell_lines = {}
    for name, cell in zip(table.columns, row.cells, strict=True):
        record[name] = (json.dumps(list(cell.values), ensure_ascii=False)
                        if cell.column == "organisations" else cell.values[0])
        if cell.lines:
            cell_lines[name] = [cell.lines[0].line_start, cell.lines[-1].line_end]
    own = row.lines
    first = own[0] if own else None
    page, page_index = (first.page, first.page_index) if first else (
        table.row_pages[number - 1] if number <= len(table.row_pages) else (None, None))
    record.update({
        "page": page,
        "page_index": page_index,
        "line_start": min((ln.line_start for ln in own), default=None),
        "line_end": max((ln.line_end for ln in own), default=None),
        "cell_lines": json.dumps(cell_lines, ensure_ascii=False),
        "confidence": round(row.confidence, 3),
        "flag": ";".join(row.flags) or None,
    })
    return record


COLUMN_TYPES = {"row": "Int64", "page_index": "Int64", "line_start": "Int64",
                "line_end": "Int64", "confidence": "Float64"}   # every other column: string


def table_columns(table: Table) -> list[TypedColumn]:
    """The tidy table as typed columns: one row per record, provenance and confidence on
    every row."""
    rows = [row_record(table, n, row) for n, row in enumerate(table.rebuilt.rows, 1)]
    return [(c, COLUMN_TYPES.get(c, "string"), [r.get(c) for r in rows])
            for c in ["chapter", "table_id", "row", *table.columns, *ROW_TAIL]]


def table_frame(table: Table) -> pd.DataFrame:
    """``table_columns`` as a frame (a repeated column name stays two columns)."""
    return columns_frame(table_columns(table))


def cell_rows(tables: Sequence[Table]) -> list[dict[str, Any]]:
    """Every cell of every table, one row each (``table_cells``): its text as the tidy
    table publishes it, the number it holds (``values.cell_value``; none in a column of
    dates, ``time_columns``), the unit its
    column's header or the table's unit line names (``column_units``), its flag and
    page; the row's indentation ``level`` and ``parent_row`` (``parent_rows``), and the
    rows it is the total of (``table_totals``)."""
    rows: list[dict[str, Any]] = []
    for table in tables:
        records = [row_record(table, n, row) for n, row in enumerate(table.rebuilt.rows, 1)]
        found_in = [[cell_value(record[name]) if record[name] and cell.column != "organisations"
                     else None for name, cell in zip(table.columns, row.cells, strict=True)]
                    for record, row in zip(records, table.rebuilt.rows, strict=True)]
        for c in time_columns(table, records):
            for values in found_in:
                values[c] = None
        units = column_units(table, found_in, records)
        levels = [row.level for row in table.rebuilt.rows]
        parents = parent_rows(levels)
        totals = table_totals(table, found_in, records, units, levels)
        for number, (row, record, values) in enumerate(
                zip(table.rebuilt.rows, records, found_in, strict=True), 1):
            for name, unit, cell, found in zip(table.columns, units, row.cells, values,
                                               strict=True):
                text = record[name]
                rows.append({"chapter": table.chapter, "table_id": table.table_id,
                             "row": number, "column": name, "text": text,
                             "value": found.value if found else None,
                             "unit": found.unit if found else None,
                             "approx": found.approx if found else None,
                             "modifier": (found.modifier or None) if found else None,
                             "column_unit": unit or None, "flag": cell.flag or None,
                             "page": record["page"], "page_index": record["page_index"],
                             "level": row.level, "parent_row": parents[number - 1],
                             "total_of": totals[number - 1]})
    return rows


def table_totals(table: Table, values: Sequence[Sequence[CellValue | None]],
                 records: Sequence[dict[str, Any]], units: Sequence[str],
                 levels: Sequence[int | None]) -> list[str | None]:
    """Per row, the rows its figures are the totals of (``2-3``), or None
    (``totals.total_rows``: by the rows set under it or the total its label names, and
    the sums)."""
    if not table.columns or not records:
        return [None] * len(records)
    texts = [[str(r[name] or "") for name in table.columns] for r in records]
    summed = summed_columns(values, [is_ratio_head(k) for k in table.rebuilt.kinds], units)
    found = total_rows([row[0] for row in texts], levels, values, texts, summed)
    return [row_ranges(rows) or None for rows in found]


def parent_rows(levels: Sequence[int | None]) -> list[int | None]:
    """Per row (numbered from 1), the row it is a sub-category of: the nearest row above
    it at a lower level (``総数`` for ``　男性``); None at level 0, with no level, or where
    a row with no level stands between."""
    parents: list[int | None] = []
    for i, level in enumerate(levels):
        found = None
        for k in range(i - 1, -1, -1):
            above = levels[k]
            if level is None or not level or above is None:
                break
            if above < level:
                found = k + 1
                break
        parents.append(found)
    return parents


def time_columns(table: Table, records: Sequence[dict[str, Any]]) -> list[int]:
    """The columns whose cells are dates, not quantities: the first, when its years run
    in order down it and label the rows (``time_points.labels_rows``), and any whose
    head names a time (``発表年``: ``values.is_time_head``; not a point in time itself,
    ``2020年度``, which heads figures of that year) and whose every cell that is not
    blank is a year or month (``2018``)."""
    found = []
    for c, (kind, name) in enumerate(zip(table.rebuilt.kinds, table.columns, strict=True)):
        texts = [str(r[name] or "") for r in records]
        filled = [t for t in texts if t.strip()]
        heads_series = time_point(kind.split("／")[-1]) is not None   # 2020年度: figures
        if (c == 0 and labels_rows(texts)) or (
                filled and is_time_head(kind) and not heads_series
                and all(time_point(t) for t in filled)):
            found.append(c)
    return found


def column_units(table: Table, values: Sequence[Sequence[CellValue | None]],
                 records: Sequence[dict[str, Any]]) -> list[str]:
    """Each column's unit: the one its header prints in brackets (``header_unit``), else
    the one unit of the table's unit line (``（単位：億円）``, read beside a PDF table, or
    in a text source the note or caption title that is one, ``text_unit_lines``:
    ``line_units``) for a column of plain figures, none of them a year (a column of
    ``2019``, ``2020`` labels rows) and its head no rate or ratio (``is_ratio_head``);
    of a line of an amount and ``%`` (``（単位：円、％）``), the amount's for such a
    column and ``%`` for one whose head names a rate or ratio; else none. A head that is a unit line itself (``（単位：億円）`` over the row labels)
    is the table's unit line, not its column's unit."""
    units = [header_unit(kind) for kind in table.rebuilt.kinds]
    in_head = [c for c, kind in enumerate(table.rebuilt.kinds) if is_unit_line(kind)]
    amounts, rates = line_units(str(table.source.get("unit_line") or table.unit_line or "")
                                or (table.rebuilt.kinds[in_head[0]] if len(in_head) == 1
                                    else ""))
    for c, (kind, name) in enumerate(zip(table.rebuilt.kinds, table.columns, strict=True)):
        found = [(value, str(record[name]))
                 for row, record in zip(values, records, strict=True)
                 if (value := row[c]) is not None]
        if c in in_head and not found:
            units[c] = ""
        line = rates if is_ratio_head(kind) else amounts
        if line and (not units[c] and found
                     and all(not value.unit for value, _ in found)
                     and not all(time_point(text) for _, text in found)):
            units[c] = line
    return units


def index_rows(tables: Sequence[Table]) -> list[dict[str, Any]]:
    return [{"chapter": t.chapter, "table_id": t.table_id, "figure_id": t.figure_id or None,
             "title": t.title, "n_rows": len(t.rebuilt.rows), "n_cols": len(t.columns),
             "columns": json.dumps(t.columns, ensure_ascii=False), "path": t.path(),
             "quality": round(t.rebuilt.quality, 3), "flag": t.flag or None,
             "continues": t.continues or None} for t in tables]


def manifest(chapter: str, tables: Sequence[Table], skipped: list[dict[str, Any]],
             unmatched: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    return {"chapter": chapter, "tables": [{
        "table_id": t.table_id, "figure_id": t.figure_id, "label": t.label,
        **({"flag": t.flag} if t.flag else {}),
        **({"continues": t.continues} if t.continues else {}),
        "layout": t.rebuilt.layout, "columns": t.columns, "headers": list(t.rebuilt.headers),
        "rows": len(t.rebuilt.rows), "quality": round(t.rebuilt.quality, 3),
        "set_aside": [{"line": o.line.line_start, "page_index": o.line.page_index,
                       "text": o.line.text, "reason": o.reason} for o in t.rebuilt.leftovers],
        **({"pdf": t.source} if t.source else {}),
    } for t in tables], "not_rebuilt": skipped, "page_tables_unmatched": list(unmatched)}


# --------------------------------------------------------------------------- run


def run(chapter_id: str, paths: Paths, written: Written | None = None) -> Written:
    """``interim/structure/<ch>/`` → ``interim/tables/<ch>/``; the Arrow tables written,
    by file."""
    from pipeline.common.files import replace_dir, write_json
    from pipeline.common.frames import write_dataset, write_parquet
    from pipeline.schemas import DATASETS

    source = chapter_folder(paths, "structure", chapter_id)
    inputs = {name: source / f"{name}.parquet" for name in ("paragraphs", "figures")}
    for name, path in inputs.items():
        if not path.exists():
            raise PipelineError(f"{path}: {name} not found; run the structure stage first "
                                f"(make interim/structure/{chapter_id}/manifest.json)")
    paragraphs, figures = (read_frame(inputs[name], written)
                           for name in ("paragraphs", "figures"))
    page_tables = read_page_tables(source / "page_tables.json")
    forget_typed_texts()   # cell texts are typed afresh for each chapter
    tables, skipped, unmatched = rebuild_tables(paragraphs, figures, page_tables)
    target = chapter_folder(paths, "tables", chapter_id)
    values: dict[Path, object] = {}

    def fill(folder: Path) -> None:
        values[target / "tables.parquet"] = write_dataset(DATASETS["tables"], index_rows(tables),
                                                          folder / "tables.parquet")
        values[target / "table_cells.parquet"] = write_dataset(
            DATASETS["table_cells"], cell_rows(tables), folder / "table_cells.parquet")
        for table in tables:
            name = f"{table.table_id}.parquet"
            values[target / name] = write_parquet(table_frame(table), folder / name)
        write_json(folder / "manifest.json", manifest(chapter_id, tables, skipped, unmatched))

    replace_dir(target, fill)
    return values
