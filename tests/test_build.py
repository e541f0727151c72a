"""`make all` on a temporary copy of the project: a second build rebuilds nothing,
touching one chapter's raw file rebuilds that chapter only."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.projects import copy_project

pytestmark = [pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make"),
              pytest.mark.slow]


def make(project: Path, *goals: str) -> tuple[str, float]:
    env = {**os.environ, "WHITEPAPER_ROOT": str(project)}
    started = time.perf_counter()
    result = subprocess.run(["make", "-o", ".venv/.installed", *goals], cwd=project, env=env,
                            capture_output=True, text=True, check=True)
    return result.stdout, time.perf_counter() - started


def built_at(project: Path) -> dict[str, int]:
    return {c: (project / "output" / c / "paragraphs.csv").stat().st_mtime_ns
            for c in ("st2019-2-5", "ict2019-3-1")}


def test_incremental_builds(tmp_path: Path, root: Path) -> None:
    project = copy_project(root, tmp_path)
    out, _ = make(project, "all")
    assert "run --queue" in out
    assert (project / "output" / "paragraphs.parquet").exists()
    first = built_at(project)

    out, seconds = make(project, "all")
    assert "run" not in out
    assert seconds < 2.0
    assert built_at(project) == first

    time.sleep(0.01)
    (project / "raw" / "ict2019-3-1.txt").touch()
    out, _ = make(project, "all")
    assert "run --queue" in out
    again = built_at(project)
    assert again["st2019-2-5"] == first["st2019-2-5"]
    assert again["ict2019-3-1"] > first["ict2019-3-1"]

    make(project, "clean")
    assert sorted(p.name for p in (project / "output").iterdir()) == []
