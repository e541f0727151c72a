"""Footnote markers of other ministries' PDFs, on made-up pages (``pdf_fixtures``):
a mark set raised with the number (``※¹``, ``注¹``, ``*¹``) goes out with it.
Expectations read off the drawn page."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402


def test_raised_marks_go_out_with_their_numbers(tmp_path: Path) -> None:
    result = structure_chapter(extract_pdf(fx.raised_footnote_marks(tmp_path / "case.pdf"),
                                           "mhlw2024-1-2"))
    body = "".join(p["text"] for p in result.paragraphs if p["kind"] == "body")
    for sentence in ["この点について、介護職員の数は増加を続けている。",
                     "常勤の職員の数は増加した。", "この数値は推計値である。",
                     # 注 of the word 受注, in the body's size, stays
                     "製造業の受注の件数は前年を上回った。"]:
        assert sentence in body
    assert [(f["number"], f["anchor"], f["flag"]) for f in result.footnotes] == [
        ("1", "介護職員", None), ("2", "増加した", None), ("3", "推計値", None),
        ("4", "受注", None)]
    assert [r["text"] for r in result.removed if r["reason"] == "footnote_marker"] == [
        "※1", "注2", "*3", "4"]
