"""The Dask executor builds the same bytes as the local one, on a temporary project holding
the two text chapters; a failed chapter re-raises naming the chapter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.config import Paths, load_registry
from pipeline.errors import PipelineError
from pipeline.run.build import ChapterFailed
from pipeline.run.executors import build_dask, name_chapter
from tests.projects import TEXT_CHAPTERS, differing, published, text_project


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as local:
        yield local.scheduler_address


@pytest.mark.slow
def test_dask_builds_the_same_bytes_as_local(tmp_path: Path, root: Path, cluster: str,
                                             text_build: dict[str, bytes]) -> None:
    from pipeline.__main__ import finish

    paths = Paths(text_project(root, tmp_path / "dask"))
    chapters = [c.id for c in load_registry(paths)]
    built = dict(build_dask(chapters, paths, cluster))
    finish(paths)

    assert sorted(built) == sorted(TEXT_CHAPTERS)
    assert all(seconds.keys() >= {"extract", "publish"} for seconds in built.values())
    expected = text_build   # a local build (tests/conftest.py)
    assert "glossary.csv" in expected and "st2019-2-5/paragraphs.csv" in expected
    assert differing(expected, published(paths.root)) == []


def test_failed_chapter_names_the_chapter(tmp_path: Path, root: Path, cluster: str) -> None:
    """A chapter whose stage fails comes back as its ChapterFailed; the others go on."""
    paths = Paths(text_project(root, tmp_path))
    (paths.raw / "ict2019-3-1.txt").unlink()
    [(chapter, built)] = list(build_dask(["ict2019-3-1"], paths, cluster))
    assert chapter == "ict2019-3-1" and isinstance(built, ChapterFailed)
    assert built.stage == "extract" and "source file not found" in built.reason


def test_no_chapters_starts_no_cluster(tmp_path: Path) -> None:
    assert list(build_dask([], Paths(tmp_path), "tcp://unreachable:1")) == []


@pytest.mark.parametrize(("err", "expected"), [
    (PipelineError("raw/x.txt: source file not found"),
     "chapter st2019-2-5 (on a Dask worker): raw/x.txt: source file not found"),
    (ValueError("bad offset"), None),
])
def test_name_chapter(err: Exception, expected: str | None) -> None:
    renamed = name_chapter("st2019-2-5", err)
    assert (str(renamed) if renamed else None) == expected
    if renamed is None:
        assert "st2019-2-5" in err.__notes__[0]
