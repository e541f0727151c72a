"""Stage 2, clean & structure: ``interim/extract/<ch>.json`` → ``interim/structure/<ch>/``.

The pure core ``structure_chapter`` turns an ``Extracted`` chapter into the rows of
``sections``, ``paragraphs``, ``footnotes``, ``figures`` and ``removed``; ``run``
reads and writes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.artefacts import Written, chapter_folder, read_extracted
from pipeline.common.frames import write_rows
from pipeline.config import Paths
from pipeline.schemas import Extracted, SourceLine
from pipeline.structure.assemble import assemble
from pipeline.structure.contents import split_contents_pages
from pipeline.structure.footnotes import FootnoteLink, link_footnotes, remove_markers
from pipeline.structure.lines import (
    Removed,
    fold_ruby_lines,
    mark_caption_continuations,
    split_furniture,
    split_glued_headings,
)
from pipeline.structure.note_marks import remove_note_marks
from pipeline.structure.units import TEXT_KINDS, Unit

DATASET_NAMES = ("sections", "paragraphs", "footnotes", "figures", "removed")
Row = dict[str, Any]


@dataclass(frozen=True)
class Structured:
    chapter: str
    sections: list[Row]
    paragraphs: list[Row]
    footnotes: list[Row]
    figures: list[Row]
    removed: list[Row]
    clean_text: str

    def rows(self, name: str) -> list[Row]:
        rows: list[Row] = getattr(self, name)
        return rows


def structure_chapter(extracted: Extracted) -> Structured:
    lines, removed = clean_lines(extracted)
    units = assemble(lines, extracted.layout)
    links = link_footnotes(units)
    removed += remove_markers(units, links)
    removed += remove_note_marks(units, links)
    return _rows(extracted.chapter, units, links, removed)


# sources whose lines are the file's lines, white space kept: the tables stage reads a
# text table's levels from the white space its row labels open with
LINES_AS_PRINTED = ("html-text", "pdf-text")


def line_indents(extracted: Extracted) -> list[tuple[int, str]]:
    """(line, the white space it opens with) of every line of a source in
    ``LINES_AS_PRINTED`` (the paragraphs strip it); none for a PDF, whose lines are
    numbered per page and whose tables' levels come from the page."""
    if extracted.format not in LINES_AS_PRINTED:
        return []
    return [(line.line, line.text[:len(line.text) - len(line.text.lstrip())])
            for line in extracted.lines]


def clean_lines(extracted: Extracted) -> tuple[list[SourceLine], list[Removed]]:
    """The lines to assemble: page furniture and table-of-contents pages out; in wrapped text ruby lines folded back
    and photo-caption continuations marked, in one-paragraph-per-line text glued
    headings split."""
    lines, removed = split_furniture(extracted.lines)
    lines, contents = split_contents_pages(lines)
    removed += contents
    if extracted.layout.wrapped:
        lines, ruby = fold_ruby_lines(lines)
        removed += ruby
        lines = mark_caption_continuations(lines)
    else:
        lines = split_glued_headings(lines)
    return lines, removed


def _ids(units: list[Unit]) -> tuple[dict[int, str], dict[int, str], dict[int, str], dict[int, str]]:
    """Stable ids in document order: sections hNNN, paragraphs pNNNN, notes nNNN, figures fNNN."""
    kinds = [unit.kind for unit in units]
    return (_numbered([i for i, kind in enumerate(kinds) if kind == "heading"], "h", 3),
            _numbered([i for i, kind in enumerate(kinds) if kind in TEXT_KINDS], "p", 4),
            _numbered([i for i, kind in enumerate(kinds) if kind == "footnote"], "n", 3),
            _numbered([i for i, kind in enumerate(kinds) if kind == "caption"], "f", 3))


def _numbered(indexes: list[int], prefix: str, digits: int) -> dict[int, str]:
    """Unit index → ``prefix`` and the 1-based count, zero-padded to ``digits``."""
    return {index: f"{prefix}{number:0{digits}d}" for number, index in enumerate(indexes, 1)}


def _paragraph_text(unit: Unit) -> str:
    if unit.kind == "caption" and unit.caption is not None:
        return f"{unit.caption.label}　{unit.text}".strip()
    return unit.text


def _rows(chapter: str, units: list[Unit], links: list[FootnoteLink],
          removed: Sequence[Removed]) -> Structured:
    section_ids, para_ids, note_ids, figure_ids = _ids(units)
    section_of = _sections_of(units, section_ids)
    sections = [_section_row(chapter, units[i], section_ids[i], section_of[i])
                for i in section_ids]
    paragraphs = _paragraph_rows(chapter, units, para_ids, figure_ids, section_of)
    footnotes = _footnote_rows(chapter, units, links, note_ids, para_ids, section_ids)
    attached = _attached_texts(units)
    source_size = _commonest_size(units, "source")
    figures = [_figure_row(chapter, units[i], figure_ids[i], section_of[i],
                           _in_source_type(attached.get((i, "source"), []), source_size),
                           [u.text for u in attached.get((i, "note"), [])])
               for i in figure_ids]
    return Structured(chapter, sections, paragraphs, footnotes, figures,
                      _removed_rows(chapter, removed, para_ids),
                      "\n".join(row["text"] for row in paragraphs))


def _sections_of(units: list[Unit], section_ids: dict[int, str]) -> dict[int, str | None]:
    """Unit index → the section it is in: for a heading its parent section, for other
    units the last heading's section."""
    section_of: dict[int, str | None] = {}
    parents: dict[int, str] = {}        # level → the open section of that level
    current: str | None = None
    for index, unit in enumerate(units):
        if unit.kind == "heading" and unit.heading is not None:
            level = unit.heading.level
            while parents and max(parents) >= level:
                del parents[max(parents)]
            section_of[index] = parents[max(parents)] if parents else None
            parents[level] = section_ids[index]
            current = section_ids[index]
        else:
            section_of[index] = current
    return section_of


def _paragraph_rows(chapter: str, units: list[Unit], para_ids: dict[int, str],
                    figure_ids: dict[int, str], section_of: dict[int, str | None],
                    ) -> list[Row]:
    """One row per text unit; ``char_start``/``char_end`` are offsets into the clean
    text, the paragraphs joined by newlines."""
    paragraphs = []
    offset = 0
    for index, para_id in para_ids.items():
        unit = units[index]
        first = unit.first
        text = _paragraph_text(unit)
        figure = figure_ids.get(unit.figure_key) if unit.figure_key is not None else None
        paragraphs.append({
            "chapter": chapter, "para_id": para_id, "section_id": section_of[index],
            "kind": unit.kind, "text": text, "page": first.page,
            "page_index": first.page_index, "char_start": offset,
            "char_end": offset + len(text), "line_start": first.line,
            "line_end": unit.last.line, "figure_id": figure, "flag": unit.flag or None})
        offset += len(text) + 1
    return paragraphs


def _removed_rows(chapter: str, removed: Sequence[Removed], para_ids: dict[int, str],
                  ) -> list[Row]:
    return [{"chapter": chapter, "page_index": r.page_index, "line": r.line,
             "text": r.text, "reason": r.reason,
             "para_id": para_ids.get(r.para_key) if r.para_key is not None else None,
             "offset": r.offset}
            for r in sorted(removed, key=lambda r: (r.page_index or 0, r.line, r.offset or 0))]


def _section_row(chapter: str, unit: Unit, section_id: str, parent: str | None) -> Row:
    assert unit.heading is not None
    return {"chapter": chapter, "section_id": section_id, "level": unit.heading.level,
            "label": unit.heading.label, "number": unit.heading.number, "title": unit.text,
            "parent_id": parent, "page": unit.first.page, "page_index": unit.first.page_index,
            "line": unit.first.line, "flag": unit.flag or None}


def _footnote_rows(chapter: str, units: list[Unit], links: list[FootnoteLink],
                   note_ids: dict[int, str], para_ids: dict[int, str],
                   section_ids: dict[int, str]) -> list[Row]:
    by_note = {link.footnote: link for link in links}
    shift = _clean_offsets(links)
    rows = []
    for index, note_id in note_ids.items():
        unit = units[index]
        link = by_note.get(index)
        rows.append({
            "chapter": chapter, "note_id": note_id, "number": unit.number, "text": unit.text,
            "para_id": para_ids.get(link.unit) if link else None,
            "anchor": link.anchor if link else None,
            "anchor_offset": shift[(link.unit, link.offset)] if link else None,
            "section_id": section_ids.get(link.unit) if link else None,
            "page": unit.first.page, "page_index": unit.first.page_index,
            "line": unit.first.line, "flag": footnote_flag(unit.number, link is not None)})
    return rows


def footnote_flag(number: str | None, linked: bool) -> str | None:
    """``unnumbered`` when no number could be read, ``unlinked`` when no marker was found
    for it in the text; None when fine. The row is kept either way."""
    if not number:
        return "unnumbered"
    return None if linked else "unlinked"


def _clean_offsets(links: list[FootnoteLink]) -> dict[tuple[int, int], int]:
    """(unit, marker offset) → the marker's offset in the unit's clean text, where the
    markers before it are taken out too."""
    shift: dict[tuple[int, int], int] = {}
    for each in links:
        earlier = sum(o.removed for o in links if o.unit == each.unit and o.offset < each.offset)
        shift[(each.unit, each.offset)] = each.offset - earlier
    return shift


def _attached_texts(units: list[Unit]) -> dict[tuple[int, str], list[Unit]]:
    """(caption unit index, ``source``/``note``) → those units that belong to that
    caption, in document order: one pass for every figure."""
    attached: dict[tuple[int, str], list[Unit]] = {}
    for unit in units:
        if unit.kind in ("source", "note") and unit.figure_key is not None:
            attached.setdefault((unit.figure_key, unit.kind), []).append(unit)
    return attached


def _commonest_size(units: list[Unit], kind: str) -> float | None:
    """The type size most ``kind`` units are set in (PDF), measured per document."""
    sizes = Counter(round(u.lines[0].size, 1) for u in units
                    if u.kind == kind and u.lines and u.lines[0].size)
    return sizes.most_common(1)[0][0] if sizes else None


def _in_source_type(sources: list[Unit], size: float | None) -> list[str]:
    """A figure's source texts, those in the document's source type first (a figure's
    own small print, left under it, is a source line too, but not the one printed)."""
    def off_type(unit: Unit) -> bool:
        first = unit.lines[0].size if unit.lines else None
        return size is not None and first is not None and abs(first - size) > 0.3
    return [u.text for u in sorted(sources, key=off_type)]


def _figure_row(chapter: str, unit: Unit, figure_id: str, section: str | None,
                sources: list[str], notes: list[str]) -> Row:
    assert unit.caption is not None
    return {"chapter": chapter, "figure_id": figure_id, "kind": unit.caption.kind,
            "label": unit.caption.label, "number": unit.caption.number, "title": unit.text,
            "source": sources[0] if sources else None,
            "notes": "\n".join(notes) if notes else None, "section_id": section,
            "page": unit.first.page, "page_index": unit.first.page_index,
            "line": unit.first.line, "flag": None if unit.caption.label else "unlabelled"}


def run(chapter_id: str, paths: Paths, written: Written | None = None) -> Written:
    """``interim/extract/<ch>.json`` → ``interim/structure/<ch>/``; the Arrow tables
    written, by file (the extract JSON is always read from its file)."""
    from pipeline.common.files import replace_dir, write_json, write_text
    from pipeline.schemas import DATASETS

    extracted = read_extracted(paths, chapter_id)
    structured = structure_chapter(extracted)
    target = chapter_folder(paths, "structure", chapter_id)
    tables: dict[Path, object] = {}

    def fill(folder: Path) -> None:
        counts = {}
        for name in DATASET_NAMES:
            table = write_rows(DATASETS[name], structured.rows(name),
                               folder / f"{name}.parquet")
            tables[target / f"{name}.parquet"] = table
            counts[name] = table.num_rows
        write_text(folder / "clean_text.txt", structured.clean_text)
        write_json(folder / "page_tables.json", list(extracted.tables),   # for the tables stage
                   indent=None)
        write_json(folder / "line_indents.json", line_indents(extracted), indent=None)
        write_json(folder / "manifest.json", {"chapter": chapter_id, "rows": counts})

    replace_dir(target, fill)
    return tables
