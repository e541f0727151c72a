"""Shared test fixtures: the project root and the shipped chapters, structured once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.config import Paths, find_chapter, load_registry
from pipeline.extract.formats import extract_chapter
from pipeline.structure.stage import Structured, structure_chapter

ROOT = Path(__file__).resolve().parent.parent
PATHS = Paths(ROOT)
BUILT_CHAPTER = "st2019-2-5"
needs_output = pytest.mark.skipif(
    not (ROOT / "output" / BUILT_CHAPTER / "paragraphs.parquet").exists(),
    reason="output/ is not built: run `make all` first")


@cache
def structured(chapter_id: str) -> Structured:
    chapter = find_chapter(load_registry(PATHS), chapter_id)
    return structure_chapter(extract_chapter(chapter, PATHS))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def st2019() -> Structured:
    return structured("st2019-2-5")


@pytest.fixture(scope="session")
def ict2019() -> Structured:
    return structured("ict2019-3-1")
