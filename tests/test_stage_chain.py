"""A chapter's build hands each stage what the earlier ones wrote (``build_chapter``): it
publishes the same bytes as its stages run one by one, each reading its input files,
and what it hands on is what reading those files gives back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.artefacts import read_frame
from pipeline.common.frames import frame_of_table, read_arrow, read_parquet
from pipeline.config import Paths
from pipeline.publish.chapter import stage_files
from pipeline.run.build import ORDER, build_chapter, run_stage
from tests.projects import TEXT_CHAPTERS, text_project


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


Built = tuple[Paths, str, dict[str, bytes], dict[str, bytes]]


@pytest.fixture(scope="module", params=TEXT_CHAPTERS)
def built_both_ways(request: pytest.FixtureRequest, root: Path,
                    tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A text chapter built in one go, then stage by stage, each reading its files."""
    chapter = request.param
    paths = Paths(text_project(root, tmp_path_factory.mktemp("chain") / "project"))
    build_chapter(chapter, str(paths.root))
    in_one_go = file_bytes(paths.output) | file_bytes(paths.interim)
    for name in ORDER:
        run_stage(name, chapter, paths)
    return paths, chapter, in_one_go, file_bytes(paths.output) | file_bytes(paths.interim)


def test_a_chapter_built_in_one_go_writes_the_bytes_its_stages_write_alone(
        built_both_ways: Built) -> None:
    _, chapter, in_one_go, alone = built_both_ways
    assert f"{chapter}/tokens.csv" in in_one_go
    assert in_one_go.keys() == alone.keys()
    assert [name for name in in_one_go if in_one_go[name] != alone[name]] == []


def test_a_table_in_memory_converts_to_the_frame_pandas_reads(built_both_ways: Built) -> None:
    paths = built_both_ways[0]
    files = sorted(paths.interim.rglob("*.parquet"))
    assert len(files) >= 10
    for path in files:
        pd.testing.assert_frame_equal(frame_of_table(read_arrow(path)), read_parquet(path))


def test_the_stages_hand_on_what_the_next_ones_read(built_both_ways: Built) -> None:
    paths, chapter = built_both_ways[:2]
    written: dict[Path, object] = {}
    for name in ("extract", "structure", "nlp", "tagging", "tables"):
        written.update(run_stage(name, chapter, paths, written)[0])
    structure, nlp = (paths.stage_dir(s) / chapter for s in ("structure", "nlp"))
    assert not any(path.suffix == ".json" for path in written)   # read from their files
    paragraphs = written[structure / "paragraphs.parquet"]
    docs = written[nlp / "docs.spacy"]
    assert isinstance(docs, list)
    pd.testing.assert_frame_equal(read_frame(structure / "paragraphs.parquet", written),
                                  read_parquet(structure / "paragraphs.parquet"))
    assert [doc.text for doc in docs] == paragraphs.column("text").to_pylist()  # type: ignore[attr-defined]
    assert [doc._.para_id for doc in docs] == paragraphs.column("para_id").to_pylist()  # type: ignore[attr-defined]
    assert written[nlp / "tokens.parquet"].num_rows == sum(map(len, docs))  # type: ignore[attr-defined]
    published = stage_files(paths, chapter)   # every file the publish stage reads
    assert {"paragraphs", "tokens", "numbers", "entities", "tables"} <= published.keys()
    assert set(published.values()) <= written.keys()
