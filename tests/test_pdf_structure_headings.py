"""Headings of other ministries' PDFs, on made-up pages (``pdf_fixtures``).
Expectations read off the drawn page."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402


def test_a_lone_first_ordinal_in_heading_type(tmp_path: Path) -> None:
    result = structure_chapter(extract_pdf(fx.lone_ordinal_heading(tmp_path / "case.pdf"),
                                           "npa2024-3-1"))
    got = [(s["level"], s["label"], s["title"]) for s in result.sections]
    assert got[:2] == [(1, "第３章", "組織犯罪対策"), (2, "第1", "暴力団情勢")]
    # 第3 with no 第2 before it: a heading by its type (at the level of 第1's type),
    # its number not read
    assert got[2:] == [(2, "", "第3　組織の動向")]
