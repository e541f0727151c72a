"""A chapter's tables, rebuilt from its captions: the pure core of the tables stage.

``rebuild_tables`` takes a chapter's paragraphs and figures (as the structure stage
wrote them), gathers the ``table_text``/``figure_text`` lines of each caption
(``caption_lines``) and rebuilds them (``grid``): captioned tables as grids, list-like
figures as lists, and a figure whose text is a table of figures (``図表1-1-1`` over
``区分 2020年 2021年`` and rows of a label and figures) as a grid. For a PDF chapter,
``page_tables.json`` (ruled tables found on the page geometry by the extract stage) is
read too: a table caption matched to one of them (``from_pdf.match_captions``: by the
label printed above it, else by order on the page) takes that table instead of its text
(layout ``pdf_lines``), with its printed column names; a ruled table no caption names is
published too, after the captioned ones, with an empty ``figure_id`` and ``flag =
uncaptioned``; a part of a table on the next page whose columns differ is flagged
``continued`` and linked to the part before. Every caption that was not rebuilt is
listed, with why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, NamedTuple

import pandas as pd

from pipeline.common.frames import records
from pipeline.common.lexicons import word_list
from pipeline.common.text import fold_nfkc
from pipeline.tables.caption_lines import lines_by_caption, text_unit_lines, value_or_none
from pipeline.tables.figure_grid import holds_figures
from pipeline.tables.from_pdf import (
    PdfRebuilt,
    label_key,
    match_captions,
    page_table_to_rebuilt,
)
from pipeline.tables.grid import rebuild_grid
from pipeline.tables.lists import rebuild_list
from pipeline.tables.rows import Line, Rebuilt
from pipeline.tables.text_levels import with_indent_levels

# the figure columns a table caption is matched to a PDF page table by
FIGURE_COLUMNS = ("figure_id", "kind", "label", "title", "page_index", "line")   # read of figures



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


class ChapterTables(NamedTuple):
    tables: list[Table]                  # ids t01… in source order
    skipped: list[dict[str, Any]]        # captions of tables that were not rebuilt, why
    unmatched: list[dict[str, Any]]      # ruled tables found on a page, matched to no caption


def rebuild_tables(paragraphs: pd.DataFrame, figures: pd.DataFrame,
                   page_tables: Sequence[dict[str, Any]] = (),
                   indents: Mapping[int, float | None] | None = None) -> ChapterTables:
    """Every table the chapter's captions hold, rebuilt, with what was not.

    A caption matched to a ruled table found on the PDF page (``page_tables``, from
    ``page_tables.json``) takes that table; the others are rebuilt from their text, a
    table of figures with the levels its row labels' indentation gives (``indents``:
    source line → ems, ``caption_lines.source_indents``)."""
    by_caption = lines_by_caption(paragraphs, figures, indents)
    chapter = chapter_of(paragraphs)
    # the captions read once, and matched to the page tables once, for every step below
    captions = records(figures, FIGURE_COLUMNS)
    matched = caption_of_page_table(page_tables, captions)
    joined = joined_captions(page_tables, captions)
    tables = tables_from_lines(chapter, by_caption, captions, page_tables,
                               text_unit_lines(paragraphs, figures), matched, joined)
    tables += uncaptioned_tables(chapter, page_tables, matched, len(tables))
    tables = link_continued(tables, page_tables)
    return ChapterTables(tables, skipped_captions(captions, tables, by_caption, joined),
                         unmatched_page_tables(page_tables, matched))


def chapter_of(paragraphs: pd.DataFrame) -> str:
    return str(paragraphs["chapter"].iloc[0]) if len(paragraphs) else ""


def tables_from_lines(chapter: str, by_caption: dict[str, list[Line]],
                      captions: Sequence[dict[str, Any]], page_tables: Sequence[dict[str, Any]],
                      unit_lines: dict[str, str], matched: Mapping[int, str],
                      joined: set[str]) -> list[Table]:
    """``rebuild_tables`` from the text lines of each caption (``lines_by_caption``;
    ``captions``: the figures' records), or from the page table matched to it
    (``matched``: ``caption_of_page_table``; none for a caption printed again over a
    joined part, ``joined``); a table rebuilt from text takes its caption's unit line
    (``unit_lines``)."""
    by_geometry = geometry_by_caption(page_tables, matched)
    tables: list[Table] = []
    for figure in captions:
        fid = str(figure["figure_id"])
        geometry = by_geometry.get(fid)
        if geometry is None and fid in joined:
            continue
        rebuilt = (geometry.rebuilt if geometry is not None
                   else _rebuild(by_caption.get(fid, []), str(figure["kind"])))
        if rebuilt is None or not rebuilt.rows:
            continue
        tables.append(Table(chapter, f"t{len(tables) + 1:02d}", fid,
                            str(value_or_none(figure.get("label")) or ""),
                            str(value_or_none(figure.get("title")) or ""), rebuilt,
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


def geometry_by_caption(page_tables: Sequence[dict[str, Any]], matched: Mapping[int, str],
                        ) -> dict[str, PdfRebuilt]:
    """Ruled PDF tables keyed by the ``figure_id`` of the table caption they sit under
    (``matched``: ``caption_of_page_table``)."""
    return {fid: page_table_to_rebuilt(page_tables[i]) for i, fid in matched.items()}


def uncaptioned_tables(chapter: str, page_tables: Sequence[dict[str, Any]],
                       matched: Mapping[int, str], numbered: int) -> list[Table]:
    """Ruled tables no table caption names (``matched``: ``caption_of_page_table``), in
    page order, each with an id of its own (numbered after the captioned tables), an
    empty ``figure_id`` and title, and the flag ``uncaptioned``."""
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


def joined_captions(page_tables: Sequence[dict[str, Any]],
                    captions: Sequence[dict[str, Any]]) -> set[str]:
    """Captions printed again over a part the extract stage joined to the table before
    it (the same label, on the page of that part): their lines are that table's, so no
    table is rebuilt for them."""
    parts = {(part.get("page_index"), label_key(t.get("caption")))
             for t in page_tables for part in t.get("continued", [])}
    return {str(f["figure_id"]) for f in captions
            if (value_or_none(f["page_index"]), label_key(value_or_none(f["label"]))) in parts}


def unmatched_page_tables(page_tables: Sequence[dict[str, Any]],
                          matched: Mapping[int, str]) -> list[dict[str, Any]]:
    """Page tables under no table caption (``matched``: ``caption_of_page_table``) that
    could not be published either (no row below the header): listed in the manifest."""
    return [{"page_index": t.get("page_index"), "bbox": t.get("bbox"),
             "rows": len(t.get("rows", [])), "caption_read": t.get("caption"),
             "reason": "no table caption names it and it has no rows below its header"}
            for i, t in enumerate(page_tables)
            if i not in matched and not page_table_to_rebuilt(t).rebuilt.rows]


def caption_of_page_table(page_tables: Sequence[dict[str, Any]],
                          captions: Sequence[dict[str, Any]]) -> dict[int, str]:
    """Index of each page table → the ``figure_id`` of the caption that names it
    (``from_pdf.match_captions`` over the chapter's captions: the figures' records)."""
    if not page_tables:
        return {}
    named = [{"figure_id": f["figure_id"], "kind": f["kind"], "label": value_or_none(f.get("label")),
              "page_index": value_or_none(f.get("page_index")), "line": f["line"]}
             for f in captions]
    return match_captions(page_tables, named) if named else {}


def _rebuild(lines: Sequence[Line], kind: str) -> Rebuilt | None:
    rebuilt = (rebuild_grid(lines) or rebuild_list(lines) if kind == "table"
               else rebuild_list(lines) or rebuild_grid(lines, figures_only=True))
    if rebuilt is not None and rebuilt.layout == "grid" and holds_figures(rebuilt.rows):
        return with_indent_levels(rebuilt)      # a table of figures: its labels' indents
    return rebuilt


def skipped_captions(captions: Sequence[dict[str, Any]], tables: Sequence[Table],
                     by_caption: dict[str, list[Line]], joined: set[str] | None = None,
                     ) -> list[dict[str, Any]]:
    """Captions not rebuilt, with why: for the manifest, so nothing is lost unseen."""
    done = {t.figure_id for t in tables}
    result = []
    for figure in captions:
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
