"""Shared test fixtures: the project root, the shipped chapters extracted and structured
once per test run (the real PDFs parsed once, without the build's page cache), and one
reference build of the text chapters that the whole-build tests compare theirs with."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.config import Paths, find_chapter, load_registry
from pipeline.extract.formats import extract_chapter
from pipeline.schemas import Extracted
from pipeline.structure.stage import Structured, structure_chapter
from tests.projects import published, run_pipeline, text_project

ROOT = Path(__file__).resolve().parent.parent
PATHS = Paths(ROOT)
BUILT_CHAPTER = "st2019-2-5"
PDF_CHAPTERS = ("st2024-1-1", "st2024-1-2", "st2024-1-3")
needs_output = pytest.mark.skipif(
    not (ROOT / "output" / BUILT_CHAPTER / "paragraphs.parquet").exists(),
    reason="output/ is not built: run `make all` first")


@cache
def extracted(chapter_id: str) -> Extracted:
    """A shipped chapter through its source adapter, once per test run. A PDF is parsed
    here rather than read from interim/pdfcache, so the tests check today's parser."""
    chapter = find_chapter(load_registry(PATHS), chapter_id)
    if chapter.format == "pdf":
        from pipeline.extract.pdf.reader import extract_pdf

        return extract_pdf(chapter.source_path(PATHS), chapter.id)
    return extract_chapter(chapter, PATHS)


@cache
def structured(chapter_id: str) -> Structured:
    return structure_chapter(extracted(chapter_id))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def st2019() -> Structured:
    return structured("st2019-2-5")


@pytest.fixture(scope="session")
def ict2019() -> Structured:
    return structured("ict2019-3-1")


@pytest.fixture(scope="session")
def real_pdfs() -> dict[str, Extracted]:
    """The three real PDF chapters st2024-1-{1,2,3} by their last digit, parsed once."""
    return {chapter_id[-1]: extracted(chapter_id) for chapter_id in PDF_CHAPTERS}


@pytest.fixture(scope="session")
def text_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The published bytes (every CSV and the glossary) of one uninterrupted
    ``pipeline run`` of the text chapters in a temporary project: the reference the
    whole-build tests compare their own builds with, built once per test run."""
    project = text_project(ROOT, tmp_path_factory.mktemp("reference") / "project")
    run_pipeline(project, "run")
    return published(project)
