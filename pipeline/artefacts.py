"""The artefacts stages hand on in ``interim/``: where each lives and how it is read.

A stage reads what earlier stages wrote only through these readers (and
``schemas.DATASETS`` for the Parquet datasets), never through another stage's module:

- extract → ``interim/extract/<chapter>.json``: an ``Extracted`` (``read_extracted``);
- structure → ``interim/structure/<chapter>/``: the ``sections``, ``paragraphs``,
  ``footnotes``, ``figures`` and ``removed`` datasets (``read_table``/``read_frame``),
  ``page_tables.json`` (``read_page_tables``), ``line_indents.json``
  (``read_line_indents``), ``clean_text.txt``;
- nlp → ``interim/nlp/<chapter>/``: ``docs.spacy`` with ``docs.json`` beside it
  (``load_docs``), the ``sentences`` and ``tokens`` datasets;
- tagging → ``interim/tagging/<chapter>/``: ``numbers``, ``dates``, ``entities``;
- tables → ``interim/tables/<chapter>/``: ``tables.parquet`` and one file per table;
- publish → ``output/<chapter>/`` and the stamp ``interim/publish/<chapter>.json``.

``Written``: when the runner builds a chapter's stages in a row, it passes each stage
what the earlier ones wrote, by file, as reading that file gives it back (Arrow tables,
the nlp stage's Docs); a reader takes the value from there instead of reading the file.
A stage run alone gets nothing and reads every file. The extract stage's JSON is always
read from its file: its round trip is the contract and is lossy (a page of "" reads back
as None). The chapter's registry entry rides along under the registry's path
(``registry_entry``): read once by the process that starts the build, not by every
stage of every chapter.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.common.files import read_json
from pipeline.config import Chapter, Paths, find_chapter, load_registry
from pipeline.errors import PipelineError
from pipeline.schemas import Extracted

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa
    from spacy.language import Language
    from spacy.tokens import Doc

Written = Mapping[Path, object]   # file → the value a stage of this chapter wrote to it
DOCS_FILE = "docs.spacy"
DOCS_SIDE_FILE = "docs.json"   # each Doc's para_id and readings


def registry_entry(paths: Paths, chapter_id: str, written: Written | None = None) -> Chapter:
    """The chapter's entry in ``raw/chapters.toml``: the one its build was handed
    (``written``, under the registry's path), else read from the registry. Parsing the
    whole registry is pure-Python TOML: 70 ms for a registry of a thousand chapters,
    which each chapter's stages would pay again and again."""
    kept = written.get(paths.registry) if written is not None else None
    if isinstance(kept, Chapter) and kept.id == chapter_id:
        return kept
    return find_chapter(load_registry(paths), chapter_id)


def chapter_folder(paths: Paths, stage: str, chapter_id: str) -> Path:
    """``interim/<stage>/<chapter>/``: the artefact folder of a stage that writes one."""
    return paths.stage_dir(stage) / chapter_id


# The stage folder holding each dataset's artefact (``<name>.parquet``).
DATASET_FOLDERS = {
    "sections": "structure", "paragraphs": "structure", "footnotes": "structure",
    "figures": "structure", "removed": "structure",
    "sentences": "nlp", "tokens": "nlp",
    "numbers": "tagging", "dates": "tagging", "entities": "tagging",
    "tables": "tables", "table_cells": "tables",
}


def dataset_path(paths: Paths, chapter_id: str, name: str) -> Path:
    """``interim/<stage>/<chapter>/<name>.parquet``: the artefact of dataset ``name``."""
    return chapter_folder(paths, DATASET_FOLDERS[name], chapter_id) / f"{name}.parquet"


def extracted_path(paths: Paths, chapter_id: str) -> Path:
    return paths.stage_dir("extract") / f"{chapter_id}.json"


def read_extracted(paths: Paths, chapter_id: str) -> Extracted:
    """The extract stage's artefact, always read from its file (see above)."""
    return Extracted.from_json(read_json(extracted_path(paths, chapter_id)))


def read_table(path: Path, written: Written | None = None) -> pa.Table:
    """A stage's Parquet file as an Arrow table (from ``written`` when it is there)."""
    from pipeline.common.frames import read_arrow

    kept = written.get(path) if written is not None else None
    return kept if kept is not None else read_arrow(path)   # type: ignore[return-value]


def read_frame(path: Path, written: Written | None = None) -> pd.DataFrame:
    """``read_table`` as the frame ``read_parquet`` gives."""
    from pipeline.common.frames import frame_of_table

    return frame_of_table(read_table(path, written))


def read_line_indents(path: Path) -> dict[int, str]:
    """``line_indents.json`` (source line → the white space it opens with, for a text
    source); empty when absent."""
    if not path.exists():
        return {}
    data = read_json(path)
    if not isinstance(data, list) or not all(
            isinstance(row, list) and len(row) == 2 and isinstance(row[0], int)
            and isinstance(row[1], str) for row in data):
        raise PipelineError(f"{path}: not a list of [line, white space] pairs; rebuild the "
                            "structure stage (make interim/structure/<chapter>/manifest.json)")
    return {line: space for line, space in data}


def read_page_tables(path: Path) -> list[dict[str, Any]]:
    """``page_tables.json`` (ruled tables of a PDF chapter); empty when absent."""
    if not path.exists():
        return []
    data = read_json(path)
    if not isinstance(data, list) or not all(isinstance(t, dict) and "rows" in t
                                             for t in data):
        raise PipelineError(f"{path}: not a list of page tables with 'rows'; rebuild the "
                            "structure stage (make interim/structure/<chapter>/manifest.json)")
    return data


def load_docs(path: Path, nlp: Language, written: Written | None = None) -> list[Doc]:
    """The Docs of a chapter's nlp folder (``path``: the folder or a file in it) on
    ``nlp.vocab``, with ``doc._.para_id`` and readings restored; from ``written``, the
    Docs the nlp stage made in this process (on its own vocab: the same strings, and the
    tagging components read strings from the Doc)."""
    folder = path if path.is_dir() else path.parent
    kept = written.get(folder / DOCS_FILE) if written is not None else None
    return kept if kept is not None else read_docs(folder, nlp)   # type: ignore[return-value]


def read_docs(folder: Path, nlp: Language) -> list[Doc]:
    from spacy.tokens import DocBin

    from pipeline.nlp import extensions

    extensions.register()
    source, side = folder / DOCS_FILE, folder / DOCS_SIDE_FILE
    if not source.exists() or not side.exists():
        raise PipelineError(f"{folder}: no docs.spacy/docs.json; run the nlp stage for this "
                            "chapter first")
    docs = list(DocBin().from_bytes(source.read_bytes()).get_docs(nlp.vocab))
    lines = side.read_text(encoding="utf-8").splitlines()
    records = json.loads("[" + ",".join(lines) + "]")   # one parse, not one per line
    if len(records) != len(docs):
        raise PipelineError(f"{side}: {len(records)} records for {len(docs)} Docs; rerun the "
                            "nlp stage for this chapter")
    for doc, record in zip(docs, records, strict=True):
        user = doc._
        user.para_id, user.readings = record["para_id"], record["readings"]
    return docs
