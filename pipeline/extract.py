"""Stage 1, extract: a registered source → ``interim/extract/<chapter>.json``."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import Paths, find_chapter, load_registry
from pipeline.handoff import Handoff, keep_written, read_through
from pipeline.io import read_json, write_json
from pipeline.schemas import Extracted
from pipeline.sources import extract_chapter


def artefact_path(paths: Paths, chapter_id: str) -> Path:
    return paths.stage_dir("extract") / f"{chapter_id}.json"


def read_extracted(paths: Paths, chapter_id: str, handoff: Handoff | None = None) -> Extracted:
    return read_through(handoff, artefact_path(paths, chapter_id),
                        lambda path: Extracted.from_json(read_json(path)))


def main(chapter_id: str, paths: Paths, handoff: Handoff | None = None) -> None:
    chapter = find_chapter(load_registry(paths), chapter_id)
    extracted = extract_chapter(chapter, paths)
    target = artefact_path(paths, chapter_id)
    write_json(target, extracted.to_json(), indent=None)   # one line: the C encoder, faster
    keep_written(handoff, target.parent, {target.name: extracted})
