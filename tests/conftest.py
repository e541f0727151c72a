"""Shared test fixtures: the project root, the shipped chapters extracted and structured
once per test run (each real PDF parsed at most once: its pages come from the build's
page cache when that is current), and one reference build of the text chapters that the
whole-build tests compare theirs with."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path

import pytest

from pipeline.common import lexicons
from pipeline.common.note_openings import opening_rules
from pipeline.config import Paths, find_chapter, load_registry
from pipeline.extract.formats import extract_chapter
from pipeline.schemas import Extracted
from pipeline.structure.stage import Structured, structure_chapter
from tests.projects import Build, published, run_make, run_pipeline, text_project

ROOT = Path(__file__).resolve().parent.parent
PATHS = Paths(ROOT)
BUILT_CHAPTER = "st2019-2-5"
PDF_CHAPTERS = ("st2024-1-1", "st2024-1-2", "st2024-1-3")
needs_output = pytest.mark.skipif(
    not (ROOT / "output" / BUILT_CHAPTER / "paragraphs.parquet").exists(),
    reason="output/ is not built: run `make all` first")


def current_page_cache(chapter_id: str, source: Path) -> Path | None:
    """``interim/pdfcache/<chapter>`` when it holds the pages today's parser would give
    (``make all``, run before ``make test``, leaves it so), else None. Its key covers the
    PDF's bytes, the settings and the parser's code, so a stale cache is never read."""
    from pipeline.extract.pdf.reader import PdfSettings, file_key
    from pipeline.extract.pdf.table_settings import TableFinderSettings

    folder = PATHS.interim / "pdfcache" / chapter_id
    try:
        manifest = json.loads((folder / "pages.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    current = manifest.get("key") == file_key(source, PdfSettings(), TableFinderSettings())
    return folder if current else None


@cache
def extracted(chapter_id: str) -> Extracted:
    """A shipped chapter through its source adapter, once per test run. A PDF's pages
    are read from the build's page cache when it is current, and parsed otherwise
    (without writing the cache: the tests leave interim/ as the build left it)."""
    chapter = find_chapter(load_registry(PATHS), chapter_id)
    if chapter.format == "pdf":
        from pipeline.extract.pdf.reader import extract_pdf

        source = chapter.source_path(PATHS)
        return extract_pdf(source, chapter.id,
                           cache_dir=current_page_cache(chapter.id, source))
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
def reference_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One uninterrupted serial ``make all`` (``pipeline run`` where there is no make)
    of the text chapters in a temporary project, built once per test run. test_build
    goes on from it (a no-op rebuild, a touched chapter, ``make clean``); every other
    test reads only the bytes captured right after the build."""
    project = text_project(ROOT, tmp_path_factory.mktemp("reference") / "project")
    if shutil.which("make") is None:
        run_pipeline(project, "run")
        return Build(project, "", published(project))
    log, _ = run_make(project, "all")
    return Build(project, log, published(project))


@pytest.fixture(scope="session")
def text_build(reference_build: Build) -> dict[str, bytes]:
    """The published bytes (every CSV and the glossary) of the reference build: what
    the whole-build tests compare their own builds with."""
    return reference_build.published


# add(name, rows, caches): rows of a made-up convention added to pipeline/data/<name>.tsv
AddRows = Callable[[str, str, Sequence[Callable[..., object]]], None]


@pytest.fixture
def added_data_rows(monkeypatch: pytest.MonkeyPatch) -> Iterator[AddRows]:
    """Rows added to a data file of ``pipeline/data`` for one test, as a new ministry's
    convention would be: ``add(name, rows, caches)`` (the ``lru_cache``s of what reads
    the file cleared before the test and after it)."""
    cleared: list[Callable[..., object]] = []

    def add(name: str, rows: str, caches: Sequence[Callable[..., object]]) -> None:
        real = lexicons.data_text
        monkeypatch.setattr(lexicons, "data_text",
                            lambda file: real(file) + rows if file == name else real(file))
        for reader in caches:
            reader.cache_clear()   # type: ignore[attr-defined]
        cleared.extend(caches)

    yield add
    monkeypatch.undo()
    for reader in cleared:
        reader.cache_clear()   # type: ignore[attr-defined]


@pytest.fixture
def made_up_openings(added_data_rows: AddRows) -> None:
    """``附記`` (a note) and ``典拠`` (a source) added as rows of note_openings.tsv."""
    added_data_rows("note_openings", "附記\tnote\tword\ttest\n典拠\tsource\tword\ttest\n",
                    (opening_rules,))
