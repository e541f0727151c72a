"""The in-memory handoff between a chapter's stages: a value is given back only while its
file is the one written, and a chapter built with it publishes the same bytes as its
stages run one by one, each reading its input files."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline.common.frames import frame_of_table, read_arrow, read_parquet
from pipeline.config import Paths
from pipeline.publish.chapter import stage_files
from pipeline.run.build import ORDER, build_chapter, run_stage
from pipeline.run.handoff import Handoff, keep_written, read_through
from tests.projects import TEXT_CHAPTERS, text_project


def never_read(path: Path) -> str:
    raise AssertionError(f"{path} was read")


def test_a_kept_value_comes_back_while_the_file_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("written", encoding="utf-8")
    handoff = Handoff()
    handoff.keep(path, "kept")
    assert handoff.read(path, never_read) == "kept"
    assert read_through(handoff, path, never_read) == "kept"


@pytest.mark.parametrize("rewrite", ["other size", "same size, later"])
def test_a_rewritten_file_is_read(tmp_path: Path, rewrite: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("written", encoding="utf-8")
    handoff = Handoff()
    handoff.keep(path, "kept")
    if rewrite == "other size":
        path.write_text("rewritten", encoding="utf-8")
    else:
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert handoff.read(path, lambda p: p.read_text(encoding="utf-8")) == path.read_text(
        encoding="utf-8")


def test_a_removed_file_is_not_given_from_memory(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("written", encoding="utf-8")
    handoff = Handoff()
    handoff.keep(path, "kept")
    path.unlink()
    with pytest.raises(FileNotFoundError):
        handoff.read(path, lambda p: p.read_text(encoding="utf-8"))


def test_nothing_is_kept_for_a_missing_file_or_without_a_handoff(tmp_path: Path) -> None:
    handoff = Handoff()
    keep_written(handoff, tmp_path, {"missing.txt": "kept"})
    keep_written(None, tmp_path, {"missing.txt": "kept"})   # a stage run alone: no-op
    (tmp_path / "missing.txt").write_text("on disk", encoding="utf-8")
    assert handoff.read(tmp_path / "missing.txt",
                        lambda p: p.read_text(encoding="utf-8")) == "on disk"
    assert read_through(None, tmp_path / "missing.txt",
                        lambda p: p.read_text(encoding="utf-8")) == "on disk"


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module", params=TEXT_CHAPTERS)
def built_both_ways(request: pytest.FixtureRequest, root: Path,
                    tmp_path_factory: pytest.TempPathFactory
                    ) -> tuple[Paths, str, dict[str, bytes], dict[str, bytes]]:
    """A text chapter built with the handoff, then stage by stage without it."""
    chapter = request.param
    paths = Paths(text_project(root, tmp_path_factory.mktemp("handoff") / "project"))
    build_chapter(chapter, str(paths.root))
    with_handoff = file_bytes(paths.output) | file_bytes(paths.interim)
    for name in ORDER:
        run_stage(name, chapter, paths)
    return paths, chapter, with_handoff, file_bytes(paths.output) | file_bytes(paths.interim)


Built = tuple[Paths, str, dict[str, bytes], dict[str, bytes]]


def test_a_chapter_built_with_the_handoff_writes_the_bytes_its_stages_write_alone(
        built_both_ways: Built) -> None:
    _, chapter, with_handoff, alone = built_both_ways
    assert f"{chapter}/tokens.csv" in with_handoff
    assert with_handoff.keys() == alone.keys()
    assert [name for name in with_handoff if with_handoff[name] != alone[name]] == []


def test_a_table_in_memory_converts_to_the_frame_pandas_reads(built_both_ways: Built) -> None:
    paths = built_both_ways[0]
    files = sorted(paths.interim.rglob("*.parquet"))
    assert len(files) >= 10
    for path in files:
        pd.testing.assert_frame_equal(frame_of_table(read_arrow(path)), read_parquet(path))


def test_the_stages_keep_what_the_next_ones_read(built_both_ways: Built) -> None:
    paths, chapter = built_both_ways[:2]
    handoff = Handoff()
    for name in ("extract", "structure", "nlp", "tagging", "tables"):
        run_stage(name, chapter, paths, handoff)
    structure, nlp = (paths.stage_dir(s) / chapter for s in ("structure", "nlp"))
    paragraphs = handoff.read(structure / "paragraphs.parquet", never_read)
    docs = handoff.read(nlp / "docs.spacy", never_read)
    assert [doc.text for doc in docs] == paragraphs.column("text").to_pylist()
    assert [doc._.para_id for doc in docs] == paragraphs.column("para_id").to_pylist()
    assert handoff.read(nlp / "tokens.parquet", never_read).num_rows == sum(map(len, docs))
    published = stage_files(paths, chapter)   # every file the publish stage reads
    assert {"paragraphs", "tokens", "numbers", "entities", "tables"} <= published.keys()
    for path in published.values():
        handoff.read(path, never_read)


def test_docs_are_read_again_when_their_side_file_changes(built_both_ways: Built) -> None:
    paths, chapter = built_both_ways[:2]
    handoff = Handoff()
    for name in ("extract", "structure", "nlp"):
        run_stage(name, chapter, paths, handoff)
    side = paths.stage_dir("nlp") / chapter / "docs.json"
    side.write_bytes(side.read_bytes() + b"\n")
    assert handoff.read(side.with_name("docs.spacy"), lambda p: "read again") == "read again"
