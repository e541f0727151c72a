"""`make all` on a temporary copy of the project (the reference build of
tests/conftest.py, a serial `make all`): a second build rebuilds nothing, touching one
chapter's raw file rebuilds that chapter only."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.projects import Build, run_make

pytestmark = [pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make"),
              pytest.mark.slow]


def built_at(project: Path) -> dict[str, int]:
    return {c: (project / "output" / c / "paragraphs.csv").stat().st_mtime_ns
            for c in ("st2019-2-5", "ict2019-3-1")}


def test_incremental_builds(reference_build: Build) -> None:
    project, out = reference_build.project, reference_build.log   # after a first make all
    assert "run --queue" in out
    assert (project / "output" / "paragraphs.parquet").exists()
    first = built_at(project)

    out, seconds = run_make(project, "all")
    assert "run" not in out
    assert seconds < 2.0
    assert built_at(project) == first

    time.sleep(0.01)
    (project / "raw" / "ict2019-3-1.txt").touch()
    out, _ = run_make(project, "all")
    assert "run --queue" in out
    again = built_at(project)
    assert again["st2019-2-5"] == first["st2019-2-5"]
    assert again["ict2019-3-1"] > first["ict2019-3-1"]

    run_make(project, "clean")
    assert sorted(p.name for p in (project / "output").iterdir()) == []
