"""The text lines of each caption, and the unit line each caption prints.

A chapter's ``table_text``/``figure_text`` paragraphs (as the structure stage wrote
them) are gathered per caption, in source order (``lines_by_caption``), for the tables
to be rebuilt from. Text lines are matched to captions by position as well as by
``figure_id``: a line keeps its ``figure_id`` when that caption is the nearest one
before it; otherwise it goes to the nearest caption on its page (the structure stage
sometimes labels a figure's text with the next caption's id). In a text source a
caption's unit line is its note that is one or says one, else a unit line closing its
title (``text_unit_lines``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

import pandas as pd

from pipeline.common.frames import records
from pipeline.common.note_openings import note_opening
from pipeline.common.text import fold_nfkc
from pipeline.tables.rows import Line
from pipeline.tables.values import header_unit, is_unit_line, names_units

TABLE_LINE_KINDS = ("table_text", "figure_text")   # the paragraphs tables are rebuilt from
# the paragraph columns a text line is made of (``_line``) and placed by
LINE_COLUMNS = ("text", "line_start", "line_end", "page", "page_index", "para_id", "figure_id")


def value_or_none(x: Any) -> Any:
    """``x``, or None for a missing value (``pd.isna`` is asked only of what may be one:
    it costs more than the rest of making a table line)."""
    if x is None or isinstance(x, (str, int)):
        return x
    return None if pd.isna(x) else x


INDENT_EMS = {"\u3000": 1.0, " ": 0.5}      # a full-width space is an em, a half-width half


def leading_ems(text: str) -> float | None:
    """The ems of white space ``text`` opens with (``　　うち非正規`` → 2.0, ``  男性``
    → 1.0); tabs alone an em each, a step (``\t\tうち非正規`` → 2.0); None when it
    opens with tabs and spaces mixed, or other white space, whose width is unknown."""
    blank = text[:len(text) - len(text.lstrip())]
    if blank and set(blank) == {"\t"}:
        return float(len(blank))
    ems = 0.0
    for ch in text:
        if ch in INDENT_EMS:
            ems += INDENT_EMS[ch]
        elif ch.isspace():
            return None
        else:
            return ems
    return ems


def source_indents(spaces: Mapping[int, str]) -> dict[int, float | None]:
    """Source line → the ems of white space it opens with (``leading_ems``; ``spaces``:
    the white space, as the structure stage hands it on for a text source): the
    indentation of a text table's row labels, which the paragraphs (stripped) no longer
    show. Empty for a PDF (its rows' levels come from the page geometry)."""
    return {line: leading_ems(space) for line, space in spaces.items()}


def _line(record: dict[str, Any], indents: Mapping[int, float | None] | None = None) -> Line:
    page_index = value_or_none(record.get("page_index"))
    page = value_or_none(record.get("page"))
    line_start = int(record["line_start"])
    return Line(text=str(record["text"]), line_start=line_start,
                line_end=int(record["line_end"]),
                page=None if page is None else str(page),
                page_index=None if page_index is None else int(page_index),
                para_id=str(record.get("para_id") or ""),
                indent=indents.get(line_start) if indents else None)


def lines_by_caption(paragraphs: pd.DataFrame, figures: pd.DataFrame,
                     indents: Mapping[int, float | None] | None = None,
                     ) -> dict[str, list[Line]]:
    """The table/figure text lines of each caption, in source order; each with the
    indentation of its source line where ``indents`` (``source_indents``) has it."""
    figure_rows = records(figures, ("figure_id", "page_index", "line"))
    captions = sorted((int(value_or_none(f["page_index"]) or 0), int(f["line"]), str(f["figure_id"]))
                      for f in figure_rows)
    keys = [(p, ln) for p, ln, _ in captions]
    on_page: dict[int, list[tuple[int, int, str]]] = {}
    for caption in captions:
        on_page.setdefault(caption[0], []).append(caption)
    found: dict[str, list[Line]] = {c[2]: [] for c in captions}
    for record in text_line_records(paragraphs):
        line = _line(record, indents)
        place = (line.page_index or 0, line.line_start)
        before = bisect_right(keys, place) - 1
        own = value_or_none(record.get("figure_id"))
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


UNIT_SENTENCE = re.compile(r"^単位は\s*(?P<unit>[^、。,\s]{1,10}?)\s*(?:である|です)?。?$")


def note_unit_line(text: str) -> str:
    """The unit line a note is (``（単位：万人）``), or says after its opening (``注：単位
    は千トン``, ``（注）単位：千t``: ``note_openings.tsv``) as a unit line
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
    a unit line closing its title (``都道府県別作付面積（単位：ha）``, ``…（単位：事業所、人）``:
    ``names_units``); none where its
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
        title = str(value_or_none(figure.get("title")) or "")
        fid = str(figure["figure_id"])
        if fid not in found and names_units(title):
            lines[fid] = title
    return lines
