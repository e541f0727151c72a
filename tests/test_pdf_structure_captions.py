"""Captions of other ministries' PDFs, on made-up pages (``pdf_fixtures``).
Expectations read off the drawn page."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # pytest's importlib mode
import pdf_fixtures as fx  # noqa: E402

from pipeline.extract.pdf.reader import extract_pdf  # noqa: E402
from pipeline.structure.stage import structure_chapter  # noqa: E402


def test_a_caption_title_wrapped_under_its_first_glyph(tmp_path: Path) -> None:
    result = structure_chapter(extract_pdf(fx.caption_title_wraps(tmp_path / "case.pdf"),
                                           "env2024-1-2"))
    assert [(f["label"], f["title"], f["source"]) for f in result.figures] == [
        ("図表1-2-3", "都道府県別にみた保護地域の面積と利用者数の推移（2013年度～2022年度）",
         "資料：環境省「自然公園等利用者数調」"),
        # under the label, not under the title: no part of it
        ("図表1-2-4", "保護地域の内訳", None)]
    assert [p["text"] for p in result.paragraphs if p["kind"] == "figure_text"] == [
        "（万人）", "（2022年度）", "（万ha）"]
