"""Temporary projects for end-to-end tests: a copy of the Makefile, pyproject and the two
text chapters with links to the code and the venv, the pipeline or make run on it, and
the bytes it published."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import Paths

TEXT_CHAPTERS = ("st2019-2-5", "ict2019-3-1")


def copy_project(root: Path, target: Path) -> Path:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(root / name, target / name)
    (target / "pipeline").symlink_to(root / "pipeline")   # the code (a make prerequisite)
    (target / "raw").mkdir()
    (target / "raw" / "chapters.toml").write_text(text_registry(root), encoding="utf-8")
    for name in ("st2019-2-5.txt", "ict2019-3-1.txt"):
        shutil.copy(root / "raw" / name, target / "raw" / name)
    (target / ".venv").symlink_to(root / ".venv")
    return target


def text_registry(root: Path) -> str:
    """The project's registry with only the ``TEXT_CHAPTERS`` tables (and its comment)."""
    registry = (root / "raw" / "chapters.toml").read_text(encoding="utf-8")
    chapters = [c for c in registry.split("[[chapter]]")   # the header comment names it too
                if "\nid = " not in c or any(f'\nid = "{i}"' in c for i in TEXT_CHAPTERS)]
    return "[[chapter]]".join(chapters)


def text_project(root: Path, target: Path) -> Path:
    """A project at ``target`` with the text chapters, the Makefile and links to the code."""
    target.mkdir(parents=True, exist_ok=True)
    return copy_project(root, target)


def pipeline_env(project: Path) -> dict[str, str]:
    return {**os.environ, "WHITEPAPER_ROOT": str(project), "TQDM_DISABLE": "1"}


def run_pipeline(project: Path, *args: str) -> None:
    """``python -m pipeline --quiet <args>`` on ``project``; fail with its stderr."""
    result = subprocess.run([sys.executable, "-m", "pipeline", "--quiet", *args],
                            cwd=project, env=pipeline_env(project), capture_output=True,
                            text=True)
    if result.returncode != 0:
        pytest.fail(f"pipeline {' '.join(args)} exited {result.returncode}:\n{result.stderr}")


def run_make(project: Path, *args: str) -> tuple[str, float]:
    """``make <args>`` on ``project`` (the linked venv taken as installed): its stdout and
    how long it took; fail with its stderr."""
    started = time.perf_counter()
    result = subprocess.run(["make", "-o", ".venv/.installed", *args], cwd=project,
                            env=pipeline_env(project), capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"make {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result.stdout, time.perf_counter() - started


@dataclass(frozen=True)
class Build:
    """A project after a build: make's stdout (empty if the pipeline was run without
    make) and the bytes published then (the project itself may have changed since)."""

    project: Path
    log: str
    published: dict[str, bytes]


def registry_of(root: Path, chapters: tuple[str, ...]) -> str:
    """``root``'s raw/chapters.toml with only the entries of ``chapters`` (its comments,
    which name ``[[chapter]]`` too, kept)."""
    registry = (root / "raw" / "chapters.toml").read_text(encoding="utf-8")
    return "[[chapter]]".join(
        e for e in registry.split("[[chapter]]")
        if "\nid = " not in e or any(f'\nid = "{c}"\n' in e for c in chapters))


def copy_build(root: Path, target: Path, chapters: tuple[str, ...] = (),
               leave_out: tuple[str, ...] = ()) -> Paths:
    """raw/chapters.toml and output/ of ``root`` copied to ``target`` (without the
    files matching ``leave_out``). With ``chapters``, only their registry entries and
    output folders, and combined files rebuilt from their rows: a test that breaks one
    chapter's file reads a fifth of the real build."""
    from pipeline.config import load_registry
    from pipeline.publish.combined import combine

    (target / "raw").mkdir(parents=True)
    registry = registry_of(root, chapters) if chapters else \
        (root / "raw" / "chapters.toml").read_text(encoding="utf-8")
    (target / "raw" / "chapters.toml").write_text(registry, encoding="utf-8")
    others = {c.id for c in load_registry(Paths(root))} - set(chapters) if chapters else set()
    shutil.copytree(root / "output", target / "output",
                    ignore=shutil.ignore_patterns(".*", *leave_out, *others))
    paths = Paths(target)
    if chapters:
        combine(paths)
    return paths


@cache
def published_rows(chapter_id: str, dataset: str) -> pd.DataFrame:
    """This repository's published ``output/<chapter>/<dataset>.csv``, every cell as
    printed (an empty cell is "", not NaN): what the hand-judged audits compare."""
    root = Path(__file__).resolve().parents[1]
    return pd.read_csv(root / "output" / chapter_id / f"{dataset}.csv", keep_default_na=False)


def published(project: Path) -> dict[str, bytes]:
    """Bytes of every CSV under output/ and the glossary, by path under output/."""
    output = project / "output"
    files = [*output.rglob("*.csv"), output / "glossary.md"]
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(files)}


def differing(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """Files only in one build or with different bytes."""
    return sorted(name for name in first.keys() | second.keys()
                  if first.get(name) != second.get(name))
