"""A chapter's build reads the registry once, in the process that starts it, and hands
each chapter its entry (``run.build.registry_entries``, ``artefacts.registry_entry``):
the stages of a thousand chapters do not parse a thousand-chapter registry each."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.artefacts as artefacts
from pipeline.artefacts import registry_entry
from pipeline.config import Chapter, Paths, load_registry
from pipeline.errors import PipelineError
from pipeline.run.build import registry_entries
from tests.conftest import PATHS


def entry(chapter_id: str, year: int) -> Chapter:
    return Chapter(chapter_id, "x.txt", "pdf-text", "白書", "White Paper", year, "省", "章")


def test_the_entry_handed_on_is_taken_without_reading_the_registry(tmp_path: Path) -> None:
    paths = Paths(tmp_path)          # no raw/chapters.toml here at all
    handed = entry("mhlw2023-2-1", 2023)
    assert registry_entry(paths, "mhlw2023-2-1", {paths.registry: handed}) is handed


def test_without_an_entry_for_the_chapter_the_registry_is_read(tmp_path: Path) -> None:
    paths = Paths(tmp_path)
    other = {paths.registry: entry("maff2022-1-3", 2022)}
    for written in (None, {}, other):     # a stage run alone; a build of another chapter
        with pytest.raises(PipelineError, match="registry not found"):
            registry_entry(paths, "mhlw2023-2-1", written)


def test_the_registered_chapters_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    chapters = load_registry(PATHS)
    reads: list[Paths] = []

    def counted(paths: Paths) -> list[Chapter]:
        reads.append(paths)
        return chapters

    monkeypatch.setattr("pipeline.run.build.load_registry", counted)
    monkeypatch.setattr(artefacts, "load_registry", counted)
    ids = ["st2019-2-5", "ict2023-4-1"]
    entries = registry_entries(PATHS, ids)
    assert sorted(entries) == sorted(ids) and len(reads) == 1
    assert [entries[i].year for i in ids] == [2019, 2023]
    assert all(registry_entry(PATHS, i, {PATHS.registry: entries[i]}) is entries[i]
               for i in ids)
    assert len(reads) == 1           # the stages read nothing more
