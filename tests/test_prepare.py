"""Start-up shared by a build's workers (``build.prepare_stages``): every stage's
``prepare()`` runs on made-up input, writes nothing, and reaches the rules it warms."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run.build import prepare_stages
from pipeline.structure.stage import prepare_page, structure_chapter


def test_preparing_the_stages_writes_no_file(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WHITEPAPER_ROOT", str(tmp_path))
    prepare_stages()
    assert list(tmp_path.iterdir()) == []


def test_the_made_up_page_reaches_headings_paragraphs_and_captions() -> None:
    structured = structure_chapter(prepare_page("html-text"))
    assert [r["title"] for r in structured.rows("sections")] == ["準備の章", "準備の節"]
    kinds = [r["kind"] for r in structured.rows("paragraphs")]
    assert {"body", "caption", "table_text"} <= set(kinds)
