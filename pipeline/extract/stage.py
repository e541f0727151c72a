"""Stage 1, extract: a registered source → ``interim/extract/<chapter>.json``.

The core is ``formats.extract_chapter`` (a chapter's source → ``Extracted``); ``run``
writes it. Later stages read it with ``pipeline.artefacts.read_extracted``.
"""

from __future__ import annotations

from pipeline.artefacts import Written, extracted_path, registry_entry
from pipeline.common.files import write_json
from pipeline.config import Paths
from pipeline.extract.formats import extract_chapter, load_adapters

__all__ = ["load_adapters", "run"]


def run(chapter_id: str, paths: Paths, written: Written | None = None) -> Written:
    """Extract one chapter. Nothing is handed on in memory: the JSON round trip is the
    contract (it does not give back every value as it was: a page of "" reads back as
    None), so the structure stage reads the file."""
    chapter = registry_entry(paths, chapter_id, written)
    extracted = extract_chapter(chapter, paths)
    write_json(extracted_path(paths, chapter_id), extracted.to_json(),
               indent=None)   # one line: the C encoder, faster
    return {}
