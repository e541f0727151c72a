"""Extract stage for ``format = "pdf"``: a published two-column PDF → ``Extracted``.

``extract_pdf`` parses every page once (``chars``), lays it out (``layout``,
``glyph_rows``, ``columns``) and turns the lines into ``SourceLine`` records with hints
(``hints``). Bad input (encrypted, corrupt, image-only, unmapped CID fonts) raises
``PipelineError`` naming the file, the page and the fix; milder trouble is reported
in ``Extracted.page_flags``.
"""

from __future__ import annotations

import hashlib
import inspect
import pickle
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.common.files import read_json, write_bytes, write_json
from pipeline.common.lexicons import data_text
from pipeline.errors import PipelineError
from pipeline.extract.pages import printed_numbers
from pipeline.extract.pdf.char_source import SOURCE_MODULES, GeometryPage, raw_pages
from pipeline.extract.pdf.chars import ParsedPage, records_to_parsed
from pipeline.extract.pdf.columns import (
    document_type,
    off_page_lines,
    order_banded,
    order_items,
    page_to_layout,
)
from pipeline.extract.pdf.continued_tables import join_continued_tables
from pipeline.extract.pdf.furniture import find_furniture, furniture_page_number, in_band
from pipeline.extract.pdf.hints import (
    LineDraft,
    Text,
    box_hint,
    expand_boxes,
    face_heads,
    find_footnotes,
    line_to_text,
    make_line_drafts,
)
from pipeline.extract.pdf.layout import Box, Line, PageLayout
from pipeline.extract.pdf.paragraph_breaks import document_line_gap, paragraph_gap, paragraph_starts
from pipeline.extract.pdf.regions import with_regions
from pipeline.extract.pdf.settings import PdfSettings
from pipeline.extract.pdf.table_settings import TableFinderSettings
from pipeline.extract.pdf.tables import find_page_tables
from pipeline.extract.pdf.turns import page_turn, turn_page
from pipeline.schemas import Extracted, Layout, SourceLine

__all__ = ["PdfSettings", "TableFinderSettings", "extract_pdf", "parse_pages"]

PDF_LAYOUT = Layout(wrapped=True, footnotes="hinted")


# --------------------------------------------------------------------------- reading


def open_pdf(path: Path) -> Any:
    """``pdfplumber.open`` with encrypted and corrupt files turned into PipelineError."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    if not path.is_file():
        raise PipelineError(f"{path}: PDF not found; check the chapter's source in "
                            "raw/chapters.toml")
    try:
        return pdfplumber.open(path)
    except PdfminerException as err:
        cause = err.args[0] if err.args else err
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise PipelineError(f"{path}: page 1: the PDF is encrypted ({type(cause).__name__}); "
                                "save an unprotected copy (e.g. qpdf --decrypt) into raw/") from err
        raise PipelineError(f"{path}: page 1: not a readable PDF ({cause!r}); download the "
                            "file again or repair it (e.g. qpdf) into raw/") from err


def parse_pages(path: Path, settings: PdfSettings, tables: TableFinderSettings,
                ) -> list[tuple[ParsedPage, list[dict[str, Any]]]]:
    """Parse every page of ``path`` once into plain values, with its ruled tables
    (looked for on every page: a table needs no caption)."""
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    pages: list[tuple[ParsedPage, list[dict[str, Any]]]] = []
    n = 1
    try:
        for raw, page in raw_pages(path, settings.source):
            n = raw.page_index
            turn, held = page_turn(raw.chars, raw.shown, settings.turned_page_share,
                                   settings.furniture_band, settings.turned_body_run)
            if turn:      # printed sideways: read in its own frame, tables from its rules
                raw = turn_page(raw, turn)
                page = GeometryPage(None, raw)
            parsed = records_to_parsed(n, raw.shown, raw.chars, raw.rects, raw.images,
                                       settings.dedupe_ratio, turn, held)
            found = find_page_tables(page, tables, parsed.chars, n)
            pages.append((parsed, found))
            n += 1
    except (PdfminerException, MalformedPDFException, PSException,
            PDFSyntaxError, ValueError, KeyError, TypeError) as err:
        raise PipelineError(f"{path}: page {n}: cannot parse the page ({err!r}); "
                            "repair the PDF (e.g. qpdf) into raw/") from err
    if not pages:
        raise PipelineError(f"{path}: page 1: the PDF has no pages; check the download")
    return pages


# the modules ``parse_pages`` calls; the cache key covers them and every pipeline module
# they import, with the data files those read (``parser_sources``)
PARSER_MODULES = ("chars.py", "tables.py", "table_settings.py", "table_captions.py",
                  "table_cells.py", "table_cell_text.py", "continued_tables.py",
                  "hrule_tables.py", "settings.py", "turns.py")
# what outside the PDF adapter the parsed pages hold: the characters that stand in for
# ordinary ones (``chars.LOOKALIKE_MAP`` reads them), their code and their data file
PARSER_SHARED_DATA = ("radical_equivalents",)
_PACKAGE = Path(__file__).resolve().parents[3]   # the folder holding ``pipeline/``
# a data file read by name: data_rows("note_openings", …), data_text("caption_labels")
# an import statement of a pipeline module, at any indent (inside a function too); a
# regular expression, not ``ast.parse``: about 10 ms a process against 100 ms (22 files)
_PIPELINE_IMPORT = re.compile(r"^[ \t]*(?:from|import)[ \t]+(pipeline(?:\.\w+)*)\b", re.M)
_DATA_READ = re.compile(r"\b(?:word_list|word_map|data_text|data_rows)\(\s*\"([a-z0-9_]+)\"")


@lru_cache(maxsize=1)
def parser_sources() -> tuple[tuple[Path, ...], tuple[str, ...]]:
    """The files of ``PARSER_MODULES`` and of every ``pipeline`` module they import,
    directly or not (imports inside functions too), in a fixed order, and the data files
    they read by name: what a parsed page depends on, so that a change to any of them
    (``bands.py``, ``common/note_openings.py`` and its data file) misses the page cache.
    Read from the source text, so it follows new imports without a list to keep."""
    here = Path(__file__).parent
    todo = [here / name for name in PARSER_MODULES]
    seen: set[Path] = set()
    data: set[str] = set(PARSER_SHARED_DATA)
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        source = path.read_text(encoding="utf-8")
        data.update(_DATA_READ.findall(source))
        for name in _PIPELINE_IMPORT.findall(source):
            module = _PACKAGE.joinpath(*name.split("."))
            todo.append(module / "__init__.py" if module.is_dir() else module.with_suffix(".py"))
    return tuple(sorted(seen)), tuple(sorted(data))


def file_key(path: Path, settings: PdfSettings, tables: TableFinderSettings) -> str:
    """The cache key: the file's bytes, the settings, the code that parses pages
    (``parse_pages`` and the modules it calls: a changed parser never reads pages parsed
    by the old one) and the code that lays the cache's files out (``load_pages``: a
    changed layout never reads files written in the old one)."""
    digest = hashlib.sha256(path.read_bytes())
    modules, data_names = parser_sources()
    for module in modules:
        digest.update(module.read_bytes())
    for module_name in SOURCE_MODULES[settings.source]:
        digest.update((Path(__file__).parent / module_name).read_bytes())
    for name in data_names:
        digest.update(data_text(name).encode())
    digest.update(inspect.getsource(parse_pages).encode())
    digest.update(inspect.getsource(load_pages).encode())
    digest.update(repr((settings.dedupe_ratio, settings.source, settings.turned_page_share,
                        settings.turned_body_run, settings.furniture_band)).encode())
    digest.update(repr(tables).encode())
    return digest.hexdigest()[:20]


def load_pages(path: Path, settings: PdfSettings, tables: TableFinderSettings,
               cache_dir: Path | None) -> list[tuple[ParsedPage, list[dict[str, Any]]]]:
    """Parsed pages and their tables, from ``cache_dir/<page>.pickle`` when the
    manifest's key (``file_key``) matches.

    A page is kept pickled, its glyphs by field (``ParsedPage.to_columns``), not as
    JSON: a page's floats written as text cost a tenth of the extract (st2024-1-3's 16
    pages: 54 ms as JSON against 6 ms so). The cache is this build's own: a file is read
    only under a manifest with today's key, written by the build, never taken from
    elsewhere."""
    if cache_dir is None:
        return parse_pages(path, settings, tables)
    key = file_key(path, settings, tables)
    manifest = cache_dir / "pages.json"
    kept = read_json(manifest) if manifest.exists() else {}
    if kept.get("key") == key:
        count = int(kept["pages"])
        cached = [pickle.loads((cache_dir / f"{n}.pickle").read_bytes())
                  for n in range(1, count + 1)]
        return [(ParsedPage.from_columns(c["page"]), c["tables"]) for c in cached]
    pages = parse_pages(path, settings, tables)
    drop_cached_pages(cache_dir)
    for page, found in pages:
        write_bytes(cache_dir / f"{page.page_index}.pickle",
                    pickle.dumps({"key": key, "page": page.to_columns(), "tables": found},
                                 protocol=pickle.HIGHEST_PROTOCOL))
    write_json(manifest, {"key": key, "pages": len(pages), "source": str(path),
                          "char_source": settings.source})
    return pages


def drop_cached_pages(cache_dir: Path) -> None:
    """Remove the page files of an earlier parse (a longer PDF's, or JSON ones as the
    cache kept them before), so the folder holds only the pages written next."""
    if cache_dir.is_dir():
        for old in [*cache_dir.glob("[0-9]*.pickle"), *cache_dir.glob("[0-9]*.json")]:
            old.unlink()


def page_tables(pages: Sequence[tuple[ParsedPage, list[dict[str, Any]]]],
                page_numbers: dict[int, str | None], settings: TableFinderSettings,
                ) -> list[dict[str, Any]]:
    """Every page's tables with its printed page number, continued tables joined."""
    found = [{**t, "page": page_numbers.get(t["page_index"])} for _, ts in pages for t in ts]
    heights = {p.page_index: p.height for p, _ in pages}
    return join_continued_tables(found, heights, settings)


# --------------------------------------------------------------------------- checking


def check_pages(path: Path, pages: Sequence[ParsedPage], settings: PdfSettings,
                ) -> list[dict[str, Any]]:
    """Raise for a PDF without a text layer or with unreadable fonts; flag milder pages:
    ``cid_codes`` (glyphs without a character), ``invisible_text`` (glyphs in text
    render mode 3, an OCR layer over a scan or hidden under a page's own text: read as
    text, flagged so it is never mixed in unseen; PDFium source only), ``image_only``,
    ``blank``, ``turned`` (printed sideways and read turned back: ``turns``; ``degrees``:
    the angle its text ran at, counter-clockwise, 90 up the page, 270 down; ``count``:
    the glyphs that read left to right so; ``not_turned``: those that stand turned then:
    a running head, a page number, a side tab, an axis title), ``turned_text`` (as many
    glyphs run so, but a line of upright text crosses the page's body: read as printed,
    the turned text kept apart as ``vertical_text``; ``count``: the glyphs turned,
    ``not_turned``: the upright ones)."""
    if all(len(p.chars) < settings.min_text_chars for p in pages):
        raise PipelineError(f"{path}: page 1: no text layer on any page (scanned images); "
                            "OCR is needed (e.g. ocrmypdf --language jpn) before extraction")
    flags: list[dict[str, Any]] = []
    for p in pages:
        if p.cid_count > settings.max_cid_share * max(len(p.chars), 1):
            raise PipelineError(
                f"{path}: page {p.page_index}: {p.cid_count} of {len(p.chars)} glyphs are "
                "(cid:NN) codes (a font without a Unicode map); use another source or OCR")
        if p.cid_count:
            flags.append({"page_index": p.page_index, "flag": "cid_codes",
                          "count": p.cid_count})
        if p.invisible:     # an OCR layer: its text is read, never silently
            flags.append({"page_index": p.page_index, "flag": "invisible_text",
                          "count": p.invisible})
        read = sum(1 for c in p.chars if c.turn == 0) if p.turn or p.held_turn else 0
        if p.turn:
            flags.append({"page_index": p.page_index, "flag": "turned", "count": read,
                          "degrees": 90 * p.turn, "not_turned": len(p.chars) - read})
        if p.held_turn:     # turned text beside upright body text: read as printed
            flags.append({"page_index": p.page_index, "flag": "turned_text",
                          "count": len(p.chars) - read, "degrees": 90 * p.held_turn,
                          "not_turned": read})
        if len(p.chars) < settings.min_text_chars:
            flag = "image_only" if p.images else "blank"
            flags.append({"page_index": p.page_index, "flag": flag, "count": p.images})
    return flags


# --------------------------------------------------------------------------- assembling


def page_to_records(layout: PageLayout, texts: dict[int, Text], furniture: dict[int, str],
                    settings: PdfSettings) -> tuple[list[LineDraft], str | None]:
    """One page's lines in reading order: head, tab, body, footnotes, foot; then the
    lines off the page (``off_page``, dropped by the structure stage)."""
    rest = [i for i, ln in enumerate(layout.lines) if i not in furniture and not ln.vertical]
    notes = find_footnotes(layout, rest, texts, settings)
    flow = reading_flow(layout, [i for i in rest if i not in notes], settings)
    out = furniture_records(layout, texts, furniture, "top", settings)
    out += [r for i, ln in enumerate(layout.lines) if ln.vertical
            for r in make_line_drafts(ln, texts[i], "vertical_text", settings)]
    out += flow_records(layout, flow, text_of_line(layout, texts, settings), settings)
    out += footnote_records(layout, notes, texts, settings)
    out += [r for ln in layout.overprints
            for r in make_line_drafts(ln, line_to_text(ln, settings.space_gap), "overprint",
                                      settings)]
    out += furniture_records(layout, texts, furniture, "foot", settings)
    out += [r for ln in off_page_lines(layout.page, settings)
            for r in make_line_drafts(ln, line_to_text(ln, settings.space_gap), "off_page",
                                      settings)]
    return out, page_number(texts, furniture)


def page_number(texts: dict[int, Text], furniture: dict[int, str]) -> str | None:
    """The printed page number of the page (``furniture_page_number``)."""
    return furniture_page_number(texts, furniture)


def reading_flow(layout: PageLayout, body: list[int], settings: PdfSettings,
                 ) -> list[tuple[int, Line]]:
    """(band, line) of the body lines and the lines of the boxes, in reading order."""
    items: list[Line | Box] = [layout.lines[i] for i in body]
    return expand_boxes(order_banded(items + list(layout.boxes), layout.gutter,
                                     settings.band_gap * layout.body_size))


def text_of_line(layout: PageLayout, texts: dict[int, Text], settings: PdfSettings,
                 ) -> Callable[[Line], Text]:
    """The text of a page line from ``texts``; a box's line has its text made here."""
    text_of = {id(layout.lines[i]): texts[i] for i in texts}

    def text(line: Line) -> Text:
        return text_of.get(id(line)) or line_to_text(line, settings.space_gap)
    return text


def furniture_records(layout: PageLayout, texts: dict[int, Text], furniture: dict[int, str],
                      where: str, settings: PdfSettings) -> list[LineDraft]:
    """The furniture lines in the ``top`` or ``foot`` band, top to bottom, left to right."""
    lines, height = layout.lines, layout.page.height
    picked = sorted((i for i in furniture
                     if in_band(lines[i], height, settings.furniture_band) == where),
                    key=lambda i: (lines[i].top, lines[i].x0))
    return [r for i in picked
            for r in make_line_drafts(lines[i], texts[i], furniture[i], settings)]


def footnote_records(layout: PageLayout, notes: dict[int, bool], texts: dict[int, Text],
                     settings: PdfSettings) -> list[LineDraft]:
    """The footnote lines in reading order; a line that goes on with the footnote above
    it is marked ``continues``."""
    lines = layout.lines
    index = {id(ln): i for i, ln in enumerate(lines)}
    out: list[LineDraft] = []
    for ln in order_items([lines[i] for i in notes], layout.gutter):
        i = index[id(ln)]
        recs = make_line_drafts(ln, texts[i], "footnote", settings, layout.body_size)
        if not notes[i]:
            recs[-1]["extras"]["continues"] = True
        out += recs
    return out


def flow_records(layout: PageLayout, flow: list[tuple[int, Line]],
                 text: Callable[[Line], Text], settings: PdfSettings) -> list[LineDraft]:
    """Body, column and figure lines with hints and paragraph starts."""
    hints = [box_hint(layout.boxes[ln.box], ln, layout.body_size, settings)
             if ln.box >= 0 else "" for _, ln in flow]
    prose = [i for i, (_, ln) in enumerate(flow)
             if ln.box < 0 or layout.boxes[ln.box].kind == "column"]
    obstacles = [(b.rect.top, b.rect.bottom) for b in layout.boxes]
    prose_starts = paragraph_starts([flow[i] for i in prose], obstacles, settings)
    starts = {prose[j] for j in prose_starts}
    heads = {prose[j] for j in face_heads([flow[i][1] for i in prose], prose_starts,
                                          layout.heading_face, layout.body_size)}
    out: list[LineDraft] = []
    for i, (_, ln) in enumerate(flow):
        recs = make_line_drafts(ln, text(ln), hints[i], settings, layout.body_size,
                                i in heads)
        if i in starts:
            recs[-1]["extras"]["starts_paragraph"] = True
        if ln.box >= 0:
            recs[-1]["extras"]["box"] = layout.boxes[ln.box].kind
        out += recs
    return out


def number_lines(drafts: list[LineDraft], page_index: int, page: str | None,
                 ) -> list[SourceLine]:
    """The page's lines that have text as ``SourceLine`` records, numbered from 1."""
    kept = [d for d in drafts if d["text"]]
    return [SourceLine(line=n, page_index=page_index, page=page, **d)
            for n, d in enumerate(kept, 1)]


def extract_pdf(path: Path, chapter_id: str, settings: PdfSettings | None = None, *,
                cache_dir: Path | None = None,
                table_settings: TableFinderSettings | None = None) -> Extracted:
    """The chapter's PDF as printed lines in reading order, with layout hints.

    ``cache_dir`` (e.g. ``interim/pdfcache/<chapter>``) keeps each parsed page
    keyed by the file's hash, so a rerun skips the PDF parser.
    """
    settings = settings or PdfSettings()
    table_settings = table_settings or TableFinderSettings()
    path = Path(path)
    pages_and_tables = load_pages(path, settings, table_settings, cache_dir)
    pages = [page for page, _ in pages_and_tables]
    flags = check_pages(path, pages, settings)
    body_size, heading_face = document_type(pages)
    layouts = [replace(with_regions(page_to_layout(p, body_size, settings), found, settings),
                       heading_face=heading_face)
               for p, found in pages_and_tables]
    texts = [{i: line_to_text(ln, settings.space_gap) for i, ln in enumerate(lay.lines)}
             for lay in layouts]
    furniture = find_furniture(layouts, texts, settings)
    # blank space starts a paragraph by the document's own line spacing
    settings = replace(settings, paragraph_gap=paragraph_gap(
        settings, document_line_gap(layouts, body_size)))
    per_page: dict[int, list[LineDraft]] = {}
    printed: dict[int, str | None] = {}
    for layout, page_texts, page_furniture in zip(layouts, texts, furniture, strict=True):
        index = layout.page.page_index
        per_page[index], printed[index] = page_to_records(layout, page_texts, page_furniture,
                                                          settings)
    # a page without a printed number takes the one the numbered pages agree on
    page_numbers = printed_numbers(printed, per_page)
    records = [r for index, page_records in per_page.items()
               for r in number_lines(page_records, index, page_numbers[index])]
    tables = page_tables(pages_and_tables, page_numbers, table_settings)
    return Extracted(chapter=chapter_id, format="pdf", layout=PDF_LAYOUT,
                     lines=tuple(records), page_flags=tuple(flags), tables=tuple(tables),
                     reader=settings.source)

