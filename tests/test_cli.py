"""The command line on a temporary project: exit codes, one-line errors, nothing
half-written, byte-identical reruns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.projects import text_registry
from tests.test_config import entry


def make_project(tmp: Path, root: Path, registry: str, files: dict[str, bytes]) -> Path:
    (tmp / "raw").mkdir(parents=True)
    (tmp / "raw" / "chapters.toml").write_text(registry, encoding="utf-8")
    for name, data in files.items():
        (tmp / "raw" / name).write_bytes(data)
    return tmp


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WHITEPAPER_ROOT": str(project)}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True,
                          text=True, env=env, check=False)


def leftovers(project: Path) -> list[Path]:
    return [p for p in project.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize(("registry", "files", "message"), [
    (entry(source="missing.txt"), {}, "missing.txt: source file not found"),
    (entry(source="empty.txt"), {"empty.txt": b""}, "empty.txt: the file is empty"),
    (entry(source="sjis.txt"), {"sjis.txt": "第1節　テスト\n".encode("cp932")},
     'set encoding = "cp932"'),
    (entry(format="docx"), {}, "unknown format 'docx'"),
    (entry() + entry(), {}, "duplicate chapter id"),
    ("[[chapter]\n", {}, "malformed TOML"),
])
def test_bad_input_exits_non_zero_with_one_line_and_no_output(
        tmp_path: Path, root: Path, registry: str, files: dict[str, bytes], message: str) -> None:
    project = make_project(tmp_path, root, registry, files)
    result = run(project, "run")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert not (project / "output").exists() or not any((project / "output").iterdir())
    assert not leftovers(project)


@pytest.mark.slow
def test_two_runs_give_byte_identical_csv(tmp_path: Path, root: Path,
                                         text_build: dict[str, bytes]) -> None:
    """A run from scratch publishes the CSV bytes of the reference build
    (tests/conftest.py: the same text chapters, built once per test run)."""
    project = make_project(tmp_path, root, text_registry(root), {
        "st2019-2-5.txt": (root / "raw" / "st2019-2-5.txt").read_bytes(),
        "ict2019-3-1.txt": (root / "raw" / "ict2019-3-1.txt").read_bytes()})
    assert run(project, "run").returncode == 0
    output = project / "output"
    first = {name: data for name, data in text_build.items() if name.endswith(".csv")}
    second = {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*.csv"))}
    assert first and first == second
    assert {p.name for p in (output / "st2019-2-5").iterdir()} >= {
        "sections.csv", "paragraphs.csv", "removed.csv", "footnotes.csv", "figures.csv"}


def add_args(source: Path, chapter_id: str = "ict2019-3-9", fmt: str = "html-text") -> list[str]:
    return ["add", str(source), "--id", chapter_id, "--format", fmt, "--title", "テスト節",
            "--white-paper", "令和元年版 情報通信白書", "--white-paper-en",
            "White Paper on Information and Communications in Japan 2019", "--year", "2019",
            "--publisher", "総務省"]


@pytest.mark.slow
def test_add_registers_a_checked_file_and_run_builds_it(tmp_path: Path, root: Path) -> None:
    project = make_project(tmp_path / "p", root, entry(source="st.txt"), {
        "st.txt": (root / "raw" / "st2019-2-5.txt").read_bytes()})
    new = tmp_path / "new.txt"
    new.write_text("第1節　テスト\n1　概要\n2018年度の売上高は3兆9,337億円となった。\n"
                   "（1）　一方\n収入は増えた\n", encoding="utf-8")
    result = run(project, *add_args(new))
    assert result.returncode == 0, result.stderr
    assert "registered ict2019-3-9" in result.stdout
    card = [line for line in result.stdout.splitlines() if line.startswith("ict2019-3-9: ")]
    assert len(card) == 10   # the new chapter's card, one line per check
    # one of two body paragraphs ends without 。: the check is bad and names the paragraph
    assert "ict2019-3-9: body_sentence_ends bad (0.5; threshold 0.9): " in result.stdout
    assert (project / "raw" / "ict2019-3-9.txt").read_bytes() == new.read_bytes()
    assert 'id = "ict2019-3-9"' in (project / "raw" / "chapters.toml").read_text(encoding="utf-8")
    assert run(project, "run").returncode == 0
    paragraphs = (project / "output" / "ict2019-3-9" / "paragraphs.csv").read_text(encoding="utf-8")
    assert "3兆9,337億円" in paragraphs


@pytest.mark.parametrize(("data", "fmt", "message"), [
    ("第1節　テスト\n".encode("cp932"), "html-text", 'set encoding = "cp932"'),
    (b"", "html-text", "the file is empty"),
    (b"not a pdf", "pdf", "pdf"),
])
def test_add_refuses_a_bad_file_with_the_reason(tmp_path: Path, root: Path, data: bytes,
                                                fmt: str, message: str) -> None:
    project = make_project(tmp_path / "p", root, entry(source="st.txt"), {
        "st.txt": (root / "raw" / "st2019-2-5.txt").read_bytes()})
    registry = (project / "raw" / "chapters.toml").read_bytes()
    bad = tmp_path / ("bad.pdf" if fmt == "pdf" else "bad.txt")
    bad.write_bytes(data)
    result = run(project, *add_args(bad, fmt=fmt))
    assert result.returncode == 2 and message in result.stderr.lower()
    assert (project / "raw" / "chapters.toml").read_bytes() == registry
    assert sorted(p.name for p in (project / "raw").iterdir()) == ["chapters.toml", "st.txt"]
