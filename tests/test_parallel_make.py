"""`make -j2 all` publishes the same bytes as a serial build (a temporary project holding
the text chapters, and the reference build of tests/conftest.py): parallel make only
queues chapters, one process builds them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.projects import differing, published, run_make, text_project

pytestmark = [pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make"),
              pytest.mark.slow]


def test_parallel_make_publishes_the_same_bytes(tmp_path: Path, root: Path,
                                                text_build: dict[str, bytes]) -> None:
    parallel = text_project(root, tmp_path / "j2")
    run_make(parallel, "-j2", "all")

    expected = text_build   # serial make all (tests/conftest.py)
    assert "glossary.csv" in expected and "ict2019-3-1/paragraphs.csv" in expected
    assert differing(expected, published(parallel)) == []
    assert not (parallel / "interim" / "queue.txt").exists()
