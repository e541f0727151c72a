"""One chapter never takes the others down: a stage that raises on one chapter leaves
every other chapter's datasets and the combined files published, names the chapter and
the stage, and the build exits non-zero."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.__main__ import main
from pipeline.run.build import ChapterFailed
from pipeline.tagging import stage as tagging_stage
from tests.projects import text_project

pytestmark = pytest.mark.slow
BROKEN = "st2019-2-5"
SOUND = "ict2019-3-1"


def test_a_failing_chapter_leaves_the_others_published(
        tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    project = text_project(root, tmp_path / "p")
    monkeypatch.setenv("WHITEPAPER_ROOT", str(project))
    run = tagging_stage.run

    def breaks_on_one(chapter_id: str, paths: object, written: object = None) -> object:
        if chapter_id == BROKEN:
            raise ValueError("a rule met something it cannot read")
        return run(chapter_id, paths, written)   # type: ignore[arg-type]

    monkeypatch.setattr(tagging_stage, "run", breaks_on_one)
    assert main(["--quiet", "run", "--jobs", "1"]) == 2

    error = capsys.readouterr().err
    assert f"chapter {BROKEN} failed in stage tagging: ValueError: a rule met something" in error
    assert "the others were published" in error
    output = project / "output"
    assert (output / SOUND / "paragraphs.csv").exists()
    assert not (output / BROKEN).exists()
    combined = pd.read_parquet(output / "paragraphs.parquet")
    assert set(combined["chapter"]) == {SOUND}
    assert (output / "glossary.csv").exists() and (output / "report.html").exists()


def test_the_failure_pickles_as_it_was_raised() -> None:
    import pickle

    failed = pickle.loads(pickle.dumps(ChapterFailed("x-1", "structure", "why")))
    assert (failed.chapter, failed.stage, failed.reason) == ("x-1", "structure", "why")
    assert str(failed) == "chapter x-1 failed in stage structure: why"
