"""Stage 1, extract: a registered source → ``interim/extract/<chapter>.json``."""

from __future__ import annotations

from pathlib import Path

from pipeline.common.files import read_json, write_json
from pipeline.config import Paths, find_chapter, load_registry
from pipeline.extract.formats import extract_chapter
from pipeline.run.handoff import Handoff
from pipeline.schemas import Extracted


def artefact_path(paths: Paths, chapter_id: str) -> Path:
    return paths.stage_dir("extract") / f"{chapter_id}.json"


def read_extracted(paths: Paths, chapter_id: str) -> Extracted:
    """The stage's artefact, always read from its file: the JSON round trip is the
    contract (it does not give back every in-memory value as it was, e.g. a page of
    "" reads back as None), so the structure stage is not handed the object in memory."""
    return Extracted.from_json(read_json(artefact_path(paths, chapter_id)))


def main(chapter_id: str, paths: Paths, handoff: Handoff | None = None) -> None:
    chapter = find_chapter(load_registry(paths), chapter_id)
    extracted = extract_chapter(chapter, paths)
    write_json(artefact_path(paths, chapter_id), extracted.to_json(),
               indent=None)   # one line: the C encoder, faster


# A made-up page in the shapes the text adapters and the structure stage look for.
PREPARE_TEXT = ("第１章　準備の章\n\n１　準備の節\n\n　準備のために、この段落を"
                "読む（注１）。\n第１－１表　準備の表\n項目　値\n\n１　準備の注\n")


def prepare() -> None:
    """Import the text adapters and run them on a made-up page: a build calls this
    before it forks its workers, so they share the imports and compiled patterns (the
    PDF adapter is imported only when a PDF chapter is built)."""
    from pipeline.extract.html_text import extract_html_text
    from pipeline.extract.pdf_text import extract_pdf_text

    for extract in (extract_html_text, extract_pdf_text):
        extract(PREPARE_TEXT, "prepare")
