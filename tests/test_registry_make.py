"""`make all` on a broken registry: one line naming the file, the place and the fix, and a
non-zero exit (make used to swallow the error of its generated include and say "Nothing
to be done"). A chapter that failed and was then removed from the registry does not
break the next build."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.projects import pipeline_env, registry_of, text_project

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")

EXTRA = """
[[chapter]]
id = "{id}"
source = "{source}"
format = "{format}"
white_paper = "テスト白書"
white_paper_en = "Test White Paper"
year = 2024
publisher = "テスト省"
title = "テストの章"
"""


def one_chapter_project(root: Path, target: Path) -> Path:
    """A text project holding only ict2019-3-1 (the smaller text chapter: these tests
    build it several times)."""
    project = text_project(root, target)
    (project / "raw" / "chapters.toml").write_text(registry_of(root, ("ict2019-3-1",)),
                                                    encoding="utf-8")
    return project


def make_all(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "-o", ".venv/.installed", "all"], cwd=project,
                          env=pipeline_env(project), capture_output=True, text=True,
                          timeout=600)


def add_entry(project: Path, text: str) -> None:
    registry = project / "raw" / "chapters.toml"
    registry.write_text(registry.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize(("extra", "message"), [
    ("[[chapter]\nid = 1\n", "malformed TOML"),
    (EXTRA.format(id="extra-1", source="x.txt", format="docx"), "unknown format 'docx'"),
    (EXTRA.format(id="st2019-2-5", source="x.txt", format="pdf-text"),
     "duplicate chapter id 'st2019-2-5'"),
    (EXTRA.format(id="extra-1", source="missing.txt", format="pdf-text"),
     "source 'missing.txt' of extra-1 not found in raw/"),
    (EXTRA.format(id="extra-1", source="raw/x.txt", format="pdf-text"),
     "without 'raw/'"),
])
def test_a_broken_registry_stops_make_with_its_message(tmp_path: Path, root: Path,
                                                       extra: str, message: str) -> None:
    project = text_project(root, tmp_path / "p")
    add_entry(project, extra)
    result = make_all(project)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and message in errors[0]
    assert "Nothing to be done" not in result.stdout + result.stderr


@pytest.mark.slow
def test_a_queued_chapter_removed_from_the_registry_is_skipped(tmp_path: Path,
                                                               root: Path) -> None:
    """What a failed build leaves in the queue names a chapter the user then removed."""
    project = one_chapter_project(root, tmp_path / "p")
    (project / "interim").mkdir()
    (project / "interim" / "queue.txt").write_text("gone-1\nict2019-3-1\n", encoding="utf-8")
    result = make_all(project)
    assert result.returncode == 0, result.stderr
    assert (project / "output" / "ict2019-3-1" / "paragraphs.csv").exists()
    assert not (project / "output" / "gone-1").exists()


@pytest.mark.slow
def test_add_fail_remove_add_needs_no_cleaning(tmp_path: Path, root: Path) -> None:
    """A chapter whose build fails (an empty source) fails make with its reason while the
    others are published; once its entry is removed, make succeeds; added again with a
    good file, it builds. Nothing in interim/ is touched by hand."""
    project = one_chapter_project(root, tmp_path / "p")
    registry = project / "raw" / "chapters.toml"
    before = registry.read_text(encoding="utf-8")
    (project / "raw" / "new.txt").write_bytes(b"")
    add_entry(project, EXTRA.format(id="new-1", source="new.txt", format="html-text"))
    failed = make_all(project)
    assert failed.returncode != 0
    assert "chapter new-1 failed in stage extract" in failed.stderr
    assert (project / "output" / "ict2019-3-1" / "paragraphs.csv").exists()

    registry.write_text(before, encoding="utf-8")
    assert make_all(project).returncode == 0

    shutil.copy(root / "raw" / "ict2019-3-1.txt", project / "raw" / "new.txt")
    add_entry(project, EXTRA.format(id="new-1", source="new.txt", format="html-text"))
    result = make_all(project)
    assert result.returncode == 0, result.stderr
    assert (project / "output" / "new-1" / "paragraphs.csv").exists()
