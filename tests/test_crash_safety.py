"""A build killed part-way (SIGKILL, or Ctrl-C's SIGINT) and run again publishes the same
bytes as a build never interrupted, and leaves no temporary files behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.projects import differing, pipeline_env, published, run_pipeline, text_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def uninterrupted(text_build: dict[str, bytes]) -> dict[str, bytes]:
    return text_build   # one uninterrupted build, shared (tests/conftest.py)


def stage_started(project: Path, stage: str) -> bool:
    """True once a chapter is writing ``stage``'s artefacts (temporary files count)."""
    return any((project / "interim" / stage).glob("*"))


def interrupt_build(project: Path, signum: signal.Signals, stage: str,
                    timeout: float = 60) -> int:
    """Start ``python -m pipeline run`` (a worker pool over the chapters), send ``signum``
    to its process group once a chapter is in ``stage``; its exit code."""
    build = subprocess.Popen([sys.executable, "-m", "pipeline", "--quiet", "run", "--jobs", "2"],
                             cwd=project, env=pipeline_env(project), start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while not stage_started(project, stage) and build.poll() is None:
            if time.monotonic() > deadline:
                pytest.fail(f"no interim/{stage} artefacts after {timeout} s")
            time.sleep(0.02)
        os.killpg(build.pid, signum)
        return build.wait(timeout=timeout)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()


def leftovers(project: Path) -> list[Path]:
    return [p for folder in ("interim", "output") for p in (project / folder).rglob(".*.tmp")]


@pytest.mark.parametrize(("signum", "stage"), [
    (signal.SIGKILL, "publish"),   # late: one chapter done, the other writing output/
    (signal.SIGINT, "nlp"),        # Ctrl-C while interim/ is being written
], ids=["SIGKILL-publish", "SIGINT-nlp"])
def test_interrupted_build_resumes_to_the_same_bytes(
        signum: signal.Signals, stage: str, tmp_path: Path, root: Path,
        uninterrupted: dict[str, bytes]) -> None:
    project = text_project(root, tmp_path)
    code = interrupt_build(project, signum, stage)
    assert code != 0, "the build ended before the signal; poll for an earlier artefact"
    assert not (project / "output" / "paragraphs.parquet").exists()
    if signum == signal.SIGINT:   # Ctrl-C unwinds: every temporary file is removed
        assert leftovers(project) == []

    run_pipeline(project, "run")
    assert leftovers(project) == []
    assert differing(uninterrupted, published(project)) == []
